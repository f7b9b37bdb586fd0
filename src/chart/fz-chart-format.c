/* fz-chart-format.c: numbers in Chinese style or with grouped digits, and the chart's words. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-format.h"

#include <math.h>
#include <string.h>

#include "fz-figure.h"
#include "fz-period.h"

static const char * const texts[FZ_N_CHART_TEXTS][2] = {
  [FZ_CHART_TEXT_NO_DATA]    = { "no data", "无数据" },
  [FZ_CHART_TEXT_OVERALL]    = { "Anti-fraud index", "反诈指数" },
  [FZ_CHART_TEXT_DIMENSIONS] = { "Dimension scores", "各维度得分" },
  [FZ_CHART_TEXT_SCORE]      = { "score", "得分" },
  [FZ_CHART_TEXT_NOT_STATED] = { "period not stated", "未注明时段" },
  [FZ_CHART_TEXT_MORE]       = { "+%u more", "另有%u项" },
  [FZ_CHART_TEXT_ALL_EQUAL]  = { "all regions equal (or only one): not scored",
                                 "各地区数值相同或仅一地有数，未评分" },
};

static const char * const dimensions[][2] = {
  { "outcome", "成效" },
  { "strike", "打击" },
  { "prevention", "防范" },
  { "control", "管控" },
  { "outreach", "宣传" },
  { "governance", "治理" },
};

const char *
fz_chart_text (gboolean    zh,
               FzChartText text)
{
  g_return_val_if_fail (text < FZ_N_CHART_TEXTS, "");
  return texts[text][zh ? 1 : 0];
}

const char *
fz_chart_dimension_name (gboolean zh,
                         guint    dimension)
{
  g_return_val_if_fail (dimension < G_N_ELEMENTS (dimensions), "");
  return dimensions[dimension][zh ? 1 : 0];
}

const char *
fz_chart_qualifier_mark (gboolean zh,
                         guint    qualifier)
{
  switch (qualifier)
    {
    case FZ_QUALIFIER_OVER:
      return zh ? "余" : "over";
    case FZ_QUALIFIER_ABOUT:
      return zh ? "约" : "about";
    case FZ_QUALIFIER_UNDER:
      return zh ? "不足" : "under";
    default:
      return NULL;
    }
}

/* At most two decimals, no trailing zeros: 97.70 → 97.7, 2.00 → 2. */
static void
append_short (GString *out,
              double   value)
{
  char buf[64];
  char *end;

  g_snprintf (buf, sizeof buf, "%.2f", value);
  end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  if (g_str_equal (buf, "-0"))
    g_strlcpy (buf, "0", sizeof buf);
  g_string_append (out, buf);
}

static void
append_zh (GString *out,
           double   value)
{
  double a = fabs (value);

  if (a >= 1e8)
    {
      append_short (out, value / 1e8);
      g_string_append (out, "亿");
    }
  else if (a >= 1e4)
    {
      append_short (out, value / 1e4);
      g_string_append (out, "万");
    }
  else
    append_short (out, value);
}

static void
append_grouped (GString *out,
                double   value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *dot;
  gsize int_len, first;

  append_short (digits, fabs (value));
  dot = strchr (digits->str, '.');
  int_len = dot != NULL ? (gsize) (dot - digits->str) : digits->len;
  if (value < 0 && !g_str_equal (digits->str, "0"))
    g_string_append_c (out, '-');
  first = int_len % 3 == 0 ? 3 : int_len % 3;
  g_string_append_len (out, digits->str, first);
  for (gsize i = first; i < int_len; i += 3)
    {
      g_string_append_c (out, ',');
      g_string_append_len (out, digits->str + i, 3);
    }
  g_string_append (out, digits->str + int_len);
}

static const char *
unit_en (const char *unit)
{
  if (g_strcmp0 (unit, "%") == 0)
    return "%";
  if (g_strcmp0 (unit, "元") == 0)
    return " yuan";
  /* Counters (起, 人, 个) say nothing an English reader needs. */
  return NULL;
}

char *
fz_chart_format_value (gboolean    zh,
                       double      value,
                       const char *unit)
{
  GString *out = g_string_new (NULL);
  const char *suffix = zh ? unit : unit_en (unit);

  if (!isfinite (value))
    return g_string_free (out, FALSE);
  if (zh)
    append_zh (out, value);
  else
    append_grouped (out, value);
  if (suffix != NULL)
    g_string_append (out, suffix);
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------- periods */

static const char * const months_en[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

static void
append_year (GString           *out,
             gboolean           zh,
             const FzPeriodEnd *end)
{
  if (end->year_kind == FZ_PERIOD_YEAR_CURRENT)
    g_string_append (out, zh ? "今年" : "this year");
  else if (end->year_kind == FZ_PERIOD_YEAR_PREVIOUS)
    g_string_append (out, zh ? "去年" : "last year");
  else
    g_string_append_printf (out, zh ? "%d年" : "%d", end->year);
}

/* 2022年3月15日 / 15 Mar 2022; @with_year FALSE leaves the year out (a stretch's end). */
static void
append_end (GString           *out,
            gboolean           zh,
            const FzPeriodEnd *end,
            gboolean           with_year)
{
  if (zh)
    {
      if (with_year)
        append_year (out, TRUE, end);
      if (end->month > 0)
        g_string_append_printf (out, "%d月", end->month);
      if (end->day > 0)
        g_string_append_printf (out, "%d日", end->day);
      return;
    }
  if (end->day > 0)
    g_string_append_printf (out, "%d ", end->day);
  if (end->month > 0)
    g_string_append_printf (out, "%s", months_en[CLAMP (end->month, 1, 12) - 1]);
  if (with_year)
    {
      if (end->month > 0)
        g_string_append_c (out, ' ');
      append_year (out, FALSE, end);
    }
}

char *
fz_chart_format_period (gboolean    zh,
                        const char *period)
{
  FzPeriod p;
  GString *out;

  if (period == NULL || !fz_period_parse (period, -1, &p, NULL) || fz_period_is_empty (&p))
    return g_strdup (period != NULL ? period : "");
  out = g_string_new (NULL);
  if (p.end.year_kind == FZ_PERIOD_YEAR_OPEN)
    {
      /* 2019年5月以来 / since May 2019 */
      if (!zh)
        g_string_append (out, "since ");
      append_end (out, zh, &p.start, TRUE);
      if (zh)
        g_string_append (out, "以来");
    }
  else if (p.start.year_kind == FZ_PERIOD_YEAR_OPEN)
    {
      g_string_append (out, zh ? "截至" : "up to ");
      append_end (out, zh, &p.end, TRUE);
    }
  else if (fz_period_end_equal (&p.start, &p.end))
    append_end (out, zh, &p.start, TRUE);
  else
    {
      gboolean one_year = fz_period_end_same_year (&p.start, &p.end);

      /* 今年1—12月 / Jan–Dec 2022 */
      if (zh && one_year && p.start.day == 0 && p.end.day == 0 && p.start.month > 0)
        {
          append_year (out, TRUE, &p.start);
          g_string_append_printf (out, "%d—%d月", p.start.month, p.end.month);
          return g_string_free (out, FALSE);
        }
      append_end (out, zh, &p.start, zh || !one_year);
      g_string_append (out, zh ? "—" : "–");
      append_end (out, zh, &p.end, !zh || !one_year);
    }
  return g_string_free (out, FALSE);
}
