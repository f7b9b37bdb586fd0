/* fz-index-private.h: the index's fields and helpers, shared by its split source files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-index.h"
#include "fz-period.h"

G_BEGIN_DECLS

typedef struct
{
  char        *id;
  FzDimension  dimension;
  gboolean     lower_is_better;
} Indicator;

/* A copy of @obs in the @mem of _fz_observation_size () bytes, sharing the strings of @prev
 * (a copy made so, or NULL) that it repeats: a bit for each, from _fz_observation_repeats (). */
guint          _fz_observation_repeats (const FzObservation *obs,
                                        const FzObservation *prev);
gsize          _fz_observation_size    (const FzObservation *obs,
                                        guint                repeats);
FzObservation *_fz_observation_copy_to (const FzObservation *obs,
                                        const FzObservation *prev,
                                        guint                repeats,
                                        gpointer             mem);

struct _FzIndex
{
  GPtrArray   *indicators;    /* Indicator *, lexicon order */
  GHashTable  *by_id;         /* id → position + 1 */
  GPtrArray   *observations;  /* FzObservation *, in @blocks, shared with results */
  GPtrArray   *blocks;        /* the memory the observations live in, shared with results */
  char        *block_at;      /* room left in the last block */
  gsize        block_left;
  GArray      *periods;       /* FzPeriod, parallel to observations */
  FzGazetteer *gazetteer;     /* what placed the regions, for labels; may be NULL */
};

/* How well an observation fits the period a comparison is made over. */
typedef enum
{
  FIT_NO,
  FIT_UNSTATED,
  FIT_UNKNOWN_YEAR,
  FIT_EXACT
} Fit;

typedef enum
{
  SEL_ALL,
  SEL_YEAR,
  SEL_MONTH,
  SEL_YTD
} SelMode;

typedef struct
{
  SelMode mode;
  gint    year;    /* 0 for "ytd" of any year */
  gint    month;
} Selection;

/* A (value kind, period) pair that an indicator could be compared over. */
typedef struct
{
  FzValueKind kind;
  guint       obs;       /* an observation that has this pair */
  guint       n_regions;
} Candidate;

struct _FzIndexResult
{
  GPtrArray  *observations;  /* a reference to the index's, so cells stay valid */
  GPtrArray  *blocks;        /* and to the memory they live in */
  GPtrArray  *regions;       /* FzIndexRegion *, ranked order */
  GPtrArray  *compared;      /* char *: one line per indicator with data */
  GPtrArray  *columns;       /* char *: indicator ids with data, lexicon order */
  GPtrArray  *warnings;      /* char *, NULL-terminated */
  gboolean    mixed_years;
  guint       n_indicators;
  char       *period;
  FzIndexOptions opts;
};

/* The state of one fz_index_compute() pass. */
typedef struct
{
  FzIndex              *self;
  const FzIndexOptions *opts;
  Selection             sel;
  GArray               *sel_fit;      /* Fit per observation */
  GPtrArray            *regions;      /* FzIndexRegion * */
  GPtrArray            *lists;        /* per region: GPtrArray (per indicator) of GArray of guint */
  FzIndexResult        *result;
  GHashTable           *obs_position; /* FzObservation * -> its index + 1, made when first asked */
} Compute;

static inline const FzPeriod *
_fz_index_period_at (FzIndex *self,
                     guint    i)
{
  return &g_array_index (self->periods, FzPeriod, i);
}

/* fz-index.c */
const Indicator *_fz_index_lookup_indicator      (FzIndex                   *self,
                                                  const char                *id,
                                                  guint                     *position);
char            *_fz_index_region_key            (const FzObservation       *obs);

/* fz-index-period.c */
gboolean         _fz_index_selection_parse       (const char                *str,
                                                  Selection                 *sel,
                                                  GError                   **error);
Fit              _fz_index_selection_fit         (const Selection           *sel,
                                                  const FzPeriod            *p);
Fit              _fz_index_period_fit            (const FzPeriod            *ref,
                                                  const FzPeriod            *p);

/* fz-index-compute.c */
gboolean         _fz_index_observation_preferred (const FzObservation       *obs,
                                                  const FzObservation       *used);

/* fz-index-score.c */
void             _fz_index_describe_comparison   (Compute                   *c,
                                                  const Indicator           *ind,
                                                  const Candidate           *cand,
                                                  GPtrArray                 *cells);
void             _fz_index_normalise             (Compute                   *c,
                                                  const Indicator           *ind,
                                                  const Candidate           *cand,
                                                  GPtrArray                 *cells);
void             _fz_index_aggregate             (Compute                   *c,
                                                  FzIndexRegion             *r);
void             _fz_index_rank                  (GPtrArray                 *regions);

/* fz-index-tsv.c */
void             _fz_index_append_field          (GString                   *out,
                                                  const char                *str);
void             _fz_index_append_number         (GString                   *out,
                                                  double                     value,
                                                  gboolean                   fixed);
void             _fz_index_append_region         (GString                   *out,
                                                  const char                *name,
                                                  gint64                     code);
void             _fz_index_append_sources        (GString                   *out,
                                                  const FzObservation       *used,
                                                  GPtrArray                 *list);

G_END_DECLS
