/* fz-period.h: the stretch of time a figure holds for, written START/END (spec/figures.md
 * "Period"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FZ_PERIOD_YEAR_OPEN,      /* the text leaves this end open */
  FZ_PERIOD_YEAR_ABSOLUTE,  /* four digits in the text */
  FZ_PERIOD_YEAR_CURRENT,   /* Y: the year the document was published */
  FZ_PERIOD_YEAR_PREVIOUS,  /* PY: the year before it */
} FzPeriodYear;

/* One end: YEAR[-MM[-DD]]; month and day are 0 when not given. */
typedef struct
{
  guint8  year_kind;  /* FzPeriodYear */
  guint8  month;
  guint8  day;
  guint16 year;       /* only for FZ_PERIOD_YEAR_ABSOLUTE */
} FzPeriodEnd;

typedef struct
{
  FzPeriodEnd start;
  FzPeriodEnd end;
} FzPeriod;

void          fz_period_clear             (FzPeriod       *self);
gboolean      fz_period_is_empty          (const FzPeriod *self);
gboolean      fz_period_parse             (const char     *str,
                                           gssize          len,
                                           FzPeriod       *out,
                                           GError        **error);
char         *fz_period_to_string         (const FzPeriod *self);
void          fz_period_append            (const FzPeriod *self,
                                           GString        *out);
/* The room fz_period_write () needs: two ends of a year of five digits and a month and a
 * day of three (the widest their types hold), the slash and the NUL. */
#define FZ_PERIOD_WRITE_MAX 32
/* Writes what fz_period_append () appends to @out, NUL-terminated; returns its length. */
gsize         fz_period_write             (const FzPeriod *self,
                                           char            out[FZ_PERIOD_WRITE_MAX]);
gboolean      fz_period_is_valid          (const FzPeriod *self);
gboolean      fz_period_resolve           (FzPeriod       *self,
                                           guint           doc_year);
char         *fz_period_resolve_string    (const char     *str,
                                           guint           doc_year);
gboolean      fz_period_equal             (const FzPeriod *a,
                                           const FzPeriod *b);
gboolean      fz_period_has_unknown_year  (const FzPeriod *self);
gint          fz_period_compare           (const FzPeriod *a,
                                           const FzPeriod *b);
gint          fz_period_compare_latest    (const FzPeriod *a,
                                           const FzPeriod *b);

gboolean      fz_period_end_equal             (const FzPeriodEnd *a,
                                               const FzPeriodEnd *b);
gboolean      fz_period_end_same_year         (const FzPeriodEnd *a,
                                               const FzPeriodEnd *b);
gboolean      fz_period_end_year_is_unknown   (const FzPeriodEnd *self);

G_END_DECLS
