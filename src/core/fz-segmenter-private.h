/* fz-segmenter-private.h: the lines and units a page is read into, shared by the segmenter. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-segmenter.h"

G_BEGIN_DECLS

typedef enum
{
  UNIT_BODY,
  UNIT_HEADING,
  UNIT_BYLINE,
  UNIT_CREDIT,    /* 通讯员 某某 摄: belongs to a photo */
  UNIT_CAPTION,   /* ▲ …, or a paragraph signed 摄 */
  UNIT_BOILER,    /* masthead, hotline, page references */
} UnitKind;

typedef struct
{
  gsize    b_start;      /* trimmed content */
  gsize    b_end;
  guint32  c_start;
  guint32  c_end;
  guint    n_vis;
  gunichar first;
  gunichar last;
  guint    blank : 1;
  guint    indent : 1;
  guint    clause : 1;
  guint    title_style : 1;
  guint    lead : 1;       /* 本报讯, 本报电 */
  guint    byline : 1;
  guint    hash : 1;
  guint    bullet : 1;
} SegLine;

typedef struct
{
  guint    first_line;
  guint    n_lines;
  guint32  c_start;
  guint32  c_end;
  guint    gap_before;
  guint    gap_after;
  guint    n_vis;
  gunichar last;
  UnitKind kind;
  gboolean headline;   /* the page's first line, set apart from what follows it */
} Unit;


void  _fz_segmenter_scan              (const char    *text,
                                      gsize          len,
                                      GArray        *lines);
void  _fz_segmenter_build_units       (const char    *text,
                                      GArray        *lines,
                                      GArray        *units);
void  _fz_segmenter_append_unit_text  (GString       *out,
                                      const char    *text,
                                      const SegLine *lines,
                                      const Unit    *u);

G_END_DECLS
