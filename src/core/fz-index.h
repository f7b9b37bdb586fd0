/* fz-index.h: the regional anti-fraud index: observations in, region table and scores out. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-gazetteer.h"
#include "fz-index-observation.h"

G_BEGIN_DECLS

typedef struct
{
  FzNormalisation normalisation;
  const char     *period;            /* NULL or "all", "2022", "2022-03", "ytd", "ytd:2022" */
  FzRegionLevel   level;             /* compare only this level; UNKNOWN compares all */
  double          weights[FZ_N_DIMENSIONS];
  guint           min_dimensions;    /* dimensions with data needed for an overall score */
  double          change_low;        /* goalposts for yoy and mom changes, in percent */
  double          change_high;
} FzIndexOptions;

/* Why a cell's value was or was not compared. */
typedef enum
{
  FZ_CELL_COMPARED         = 1 << 0,
  FZ_CELL_PERIOD_UNSTATED  = 1 << 1,  /* joined the comparison without a stated period */
  FZ_CELL_UNKNOWN_YEAR     = 1 << 2,  /* its year is Y or PY while the comparison's is known */
  FZ_CELL_NOT_COMPARABLE   = 1 << 3,  /* only other value kinds or periods than the comparison's */
  FZ_CELL_NO_SPREAD        = 1 << 4,  /* relative normalisation with one value or all equal */
  FZ_CELL_SEVERAL          = 1 << 5,  /* several observations fitted; the cell rule chose one */
} FzCellFlags;

typedef struct
{
  const char          *indicator;
  FzDimension          dimension;
  FzCellFlags          flags;
  const FzObservation *used;          /* the observation compared, or NULL */
  gboolean             has_score;
  double               score;         /* 0..100, polarity applied */
  GPtrArray           *observations;  /* every observation of the cell (borrowed FzObservation *) */
} FzIndexCell;

typedef struct
{
  const char    *name;
  gint64         code;
  FzRegionLevel  level;
  gboolean       has_dimension[FZ_N_DIMENSIONS];
  double         dimension[FZ_N_DIMENSIONS];
  guint          n_dimensions;        /* dimensions with a score (and a weight above 0) */
  gboolean       has_overall;
  double         overall;
  guint          rank;                /* 1-based; 0 when unranked */
  guint          n_scored;            /* indicators with a compared value */
  guint          n_with_data;         /* indicators with any observation in the period */
  double         coverage;            /* n_scored / indicators in the lexicon */
  GPtrArray     *cells;               /* FzIndexCell *, in lexicon order, only with data */
} FzIndexRegion;

typedef struct _FzIndex       FzIndex;
typedef struct _FzIndexResult FzIndexResult;

const char          *fz_dimension_to_string          (FzDimension           dimension);
gboolean             fz_dimension_from_string        (const char           *str,
                                                      FzDimension          *dimension);

void                 fz_index_options_init           (FzIndexOptions       *opts);

FzIndex             *fz_index_new                    (void);
void                 fz_index_free                   (FzIndex              *self);
gboolean             fz_index_add_indicator          (FzIndex              *self,
                                                      const char           *id,
                                                      const char           *dimension,
                                                      gboolean              lower_is_better,
                                                      GError              **error);
guint                fz_index_get_n_indicators       (FzIndex              *self);
/* The gazetteer that placed the regions (set when figures are fed): charts tell regions of
 * the same name apart by it. */
void                 fz_index_set_gazetteer          (FzIndex              *self,
                                                      FzGazetteer          *gazetteer);
FzGazetteer         *fz_index_get_gazetteer          (FzIndex              *self);
gboolean             fz_index_add_observation        (FzIndex              *self,
                                                      const FzObservation  *obs,
                                                      GError              **error);
guint                fz_index_get_n_observations     (FzIndex              *self);
FzIndexResult       *fz_index_compute                (FzIndex              *self,
                                                      const FzIndexOptions *opts,
                                                      GError              **error);
gboolean             fz_index_write_series_tsv       (FzIndex              *self,
                                                      const char           *indicator_id,
                                                      FzRegionLevel         level,
                                                      GString              *out,
                                                      GError              **error);

void                 fz_index_result_free            (FzIndexResult        *result);
guint                fz_index_result_get_n_regions   (FzIndexResult        *result);
const FzIndexRegion *fz_index_result_get_region      (FzIndexResult        *result,
                                                      guint                 i);
const FzIndexRegion *fz_index_result_lookup_region   (FzIndexResult        *result,
                                                      const char           *name);
const FzIndexCell   *fz_index_region_get_cell        (const FzIndexRegion  *region,
                                                      const char           *indicator);
gboolean             fz_index_result_get_mixed_years (FzIndexResult        *result);
const char * const  *fz_index_result_get_warnings    (FzIndexResult        *result);
void                 fz_index_result_write_tsv       (FzIndexResult        *result,
                                                      GString              *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzIndex, fz_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzIndexResult, fz_index_result_free)

G_END_DECLS
