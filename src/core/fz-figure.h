/* fz-figure.h: a figure found in a document, kept as a plain struct in a compact list. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-types.h"

G_BEGIN_DECLS

/* Strings (value, unit, indicator, region, period) live in the list's pool;
 * a field holds an offset into it, 0 meaning the empty string. */
typedef struct
{
  guint32 start;        /* code points in the decoded document text, [start, end) */
  guint32 end;
  guint32 byte_start;   /* the same span in bytes of the UTF-8 text */
  guint32 byte_end;
  guint32 value;        /* exact decimal ("9770000000"), ISO partial date or identifier text */
  guint32 unit;
  guint32 indicator;    /* lexicon id, filled by attribution */
  guint32 region;       /* region name as the text gives it, filled by attribution */
  guint32 period;       /* START/END as spec/figures.md "Period" writes it */
  /* Why: the words each attribution was read from, as [start, end) in the same code points as
   * start and end; start == end when there is none. */
  guint32 indicator_cue_start;  /* the trigger word (破获, 劝阻) or the noun (民警) */
  guint32 indicator_cue_end;
  guint32 region_cue_start;     /* the place mention, when region_cue is FZ_CUE_TEXT */
  guint32 region_cue_end;
  guint32 period_cue_start;     /* the time phrase (今年以来, 截至7月15日) */
  guint32 period_cue_end;
  gint64  region_code;  /* gazetteer code of the region, 0 when unknown */
  gint32  article;      /* index of the article holding the figure, -1 when none */
  guint8  kind;         /* FzKind */
  guint8  qualifier;    /* FzQualifier */
  guint8  change;       /* FzChange */
  guint8  basis;        /* FzBasis */
  guint8  core;         /* 1 when a statistic an analyst would tabulate */
  guint8  polarity;     /* 0 none, 1 higher is better, 2 lower is better */
  guint8  region_cue;   /* FzCue: where the region came from */
} FzFigure;

/* Where a figure's region came from. */
typedef enum
{
  FZ_CUE_NONE,          /* no region */
  FZ_CUE_TEXT,          /* a place named near the figure: region_cue_start/end */
  FZ_CUE_ARTICLE        /* the place the article is about */
} FzCue;

typedef struct _FzFigureList FzFigureList;

FzFigureList  *fz_figure_list_new        (void);
FzFigureList  *fz_figure_list_ref        (FzFigureList   *self);
void           fz_figure_list_unref      (FzFigureList   *self);
guint          fz_figure_list_get_n      (const FzFigureList *self);
const FzFigure *fz_figure_list_get       (const FzFigureList *self,
                                          guint           i);
FzFigure      *fz_figure_list_get_mut    (FzFigureList   *self,
                                          guint           i);
FzFigure      *fz_figure_list_append     (FzFigureList   *self);
/* Frees what only adding to the list needs (adding still works, a little slower at first). */
void           fz_figure_list_compact    (FzFigureList   *self);
guint32        fz_figure_list_intern     (FzFigureList   *self,
                                          const char     *str,
                                          gssize          len);
const char    *fz_figure_list_str        (const FzFigureList *self,
                                          guint32         offset);
void           fz_figure_list_sort       (FzFigureList   *self);

const char    *fz_kind_to_string         (FzKind          kind);
gboolean       fz_kind_from_string       (const char     *str,
                                          FzKind         *kind);
gboolean       fz_kind_is_statistic      (FzKind          kind);
const char    *fz_qualifier_to_string    (FzQualifier     qualifier);
const char    *fz_change_to_string       (FzChange        change);
const char    *fz_basis_to_string        (FzBasis         basis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzFigureList, fz_figure_list_unref)

G_END_DECLS

G_BEGIN_DECLS

/* "16,000 人次" or "97.7 亿元"-free plain form "9,770,000,000 元": the value for a person. */
char          *fz_figure_format_value    (const FzFigureList *list,
                                          const FzFigure     *figure);

/* The text of a cue span [cue_start, cue_end) of @figure in the document @text
 * that its offsets refer to; NULL when the span is empty or out of the text. */
char          *fz_figure_dup_cue_text    (const FzFigure     *figure,
                                          const char         *text,
                                          gsize               len,
                                          guint32             cue_start,
                                          guint32             cue_end);

G_END_DECLS
