/* fz-index-observation.h: a region's value of an indicator for the index, with its period. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-figure.h"

G_BEGIN_DECLS

/* The caller fills the strings; the index keeps copies. */
typedef struct
{
  const char    *region;       /* region name as the text gives it */
  gint64         region_code;  /* gazetteer code, 0 when unknown */
  FzRegionLevel  level;
  const char    *indicator;    /* lexicon id */
  FzValueKind    value_kind;
  double         value;        /* for changes the signed percent: 同比下降43.26% → -43.26 */
  const char    *unit;
  FzQualifier    qualifier;
  const char    *period;       /* START/END as spec/figures.md writes it; "" or NULL: not stated */
  const char    *document;     /* provenance: the document's name, as tables show it */
  const char    *path;         /* and its path (NULL when it has none): names can repeat */
  gint           article;      /* -1 when none */
  guint          start;        /* code points, end exclusive */
  guint          end;
  const char    *text;         /* the figure's text */
} FzObservation;

const char    *fz_value_kind_to_string      (FzValueKind          kind);
const char    *fz_region_level_to_string    (FzRegionLevel        level);
gboolean       fz_region_level_from_string  (const char          *str,
                                             FzRegionLevel       *level);

G_END_DECLS
