/* fz-format.c: values, dates, periods and ids as a person reads them, in the interface language. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fz-format.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fz-period.h"

FzFormatLang
fz_format_lang_current (void)
{
  /* Translators: "zh" when your language groups large numbers by 万 and 亿, "en" when it
   * groups them by thousands (million, billion). Not shown. */
  const char *style = C_("number grouping", "en");

  return g_str_has_prefix (style, "zh") ? FZ_FORMAT_LANG_ZH : FZ_FORMAT_LANG_EN;
}

/* "3800" → "3,800". */
static void
append_grouped (GString    *out,
                const char *digits,
                gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

/* @digits / 10^@places with at most two decimals, grouped; NULL when more decimals would be
 * needed (the exact value then reads better in full). */
static char *
shift_decimal (const char *int_part,
               const char *frac_part,
               guint       places)
{
  g_autofree char *digits = g_strconcat (int_part, frac_part, NULL);
  gsize point = strlen (int_part) - places;   /* callers pass places < strlen (int_part) */
  gsize frac_len = strlen (digits) - point;
  GString *out;

  while (frac_len > 0 && digits[point + frac_len - 1] == '0')
    frac_len--;
  if (frac_len > 2)
    return NULL;
  out = g_string_new (NULL);
  append_grouped (out, digits, point);
  if (frac_len > 0)
    g_string_append_printf (out, ".%.*s", (int) frac_len, digits + point);
  return g_string_free (out, FALSE);
}

static gboolean
is_decimal (const char *s)
{
  gsize i = s[0] == '-' ? 1 : 0;
  gboolean point = FALSE, digit = FALSE;

  for (; s[i] != '\0'; i++)
    {
      if (g_ascii_isdigit (s[i]))
        digit = TRUE;
      else if (s[i] == '.' && !point && digit)
        point = TRUE;
      else
        return FALSE;
    }
  return digit && s[i - 1] != '.';
}

static char *
scaled_number (const char   *int_part,
               const char   *frac_part,
               FzFormatLang  lang)
{
  /* Chinese counts by 万 and 亿; the scale words are notation there, not translations. */
  static const struct { guint places; const char *en; const char *zh; } scales[] = {
    { 9, N_("%s billion"), NULL }, { 8, NULL, "%s亿" }, { 6, N_("%s million"), NULL },
    { 4, NULL, "%s万" },
  };
  gsize n = strlen (int_part);

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      const char *template = lang == FZ_FORMAT_LANG_ZH ? scales[i].zh : scales[i].en;
      g_autofree char *shifted = NULL;

      if (template == NULL || n <= scales[i].places)
        continue;
      shifted = shift_decimal (int_part, frac_part, scales[i].places);
      if (shifted != NULL)
        return g_strdup_printf (lang == FZ_FORMAT_LANG_ZH ? template : _(template), shifted);
    }
  return NULL;
}

char *
fz_format_number (const char   *decimal,
                  FzFormatLang  lang)
{
  g_autofree char *int_part = NULL;
  const char *digits, *point, *frac;
  char *scaled;
  GString *out;

  if (decimal == NULL || !is_decimal (decimal))
    return g_strdup (decimal != NULL ? decimal : "");
  digits = decimal[0] == '-' ? decimal + 1 : decimal;
  while (digits[0] == '0' && g_ascii_isdigit (digits[1]))
    digits++;
  point = strchr (digits, '.');
  frac = point != NULL ? point + 1 : "";
  int_part = g_strndup (digits, point != NULL ? (gsize) (point - digits) : strlen (digits));
  out = g_string_new (decimal[0] == '-' ? "-" : NULL);
  scaled = scaled_number (int_part, frac, lang);
  if (scaled != NULL)
    {
      g_string_append (out, scaled);
      g_free (scaled);
      return g_string_free (out, FALSE);
    }
  append_grouped (out, int_part, strlen (int_part));
  if (*frac != '\0')
    g_string_append_printf (out, ".%s", frac);
  return g_string_free (out, FALSE);
}

static const char *
month_name (guint month)
{
  static const char *names[12] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };

  return month >= 1 && month <= 12 ? _(names[month - 1]) : "";
}

static char *
year_word (const FzPeriodEnd *end)
{
  switch (end->year_kind)
    {
    case FZ_PERIOD_YEAR_ABSOLUTE:
      /* Translators: a year on its own, as in "2026" (2026年). */
      return g_strdup_printf (C_("year", "%u"), (guint) end->year);
    case FZ_PERIOD_YEAR_CURRENT:
      return g_strdup (_("this year"));
    case FZ_PERIOD_YEAR_PREVIOUS:
      return g_strdup (_("last year"));
    default:
      return NULL;
    }
}

/* One date: "6 June 2019", "January this year", "15 July". The year of the page is left out
 * of a day when @drop_current, as Chinese reports write 截至7月15日. */
static char *
format_point (const FzPeriodEnd *end,
              gboolean           drop_current)
{
  g_autofree char *year = NULL;
  const char *month = month_name (end->month);

  if (!(drop_current && end->day != 0 && end->year_kind == FZ_PERIOD_YEAR_CURRENT))
    year = year_word (end);
  if (*month == '\0')
    return g_strdup (year != NULL ? year : "");
  if (end->day == 0)
    return year == NULL ? g_strdup (month)
                        /* Translators: month and year: "January 2026", "March this year". */
                        : g_strdup_printf (C_("month and year", "%1$s %2$s"), month, year);
  if (year == NULL)
    /* Translators: day and month: "6 June". */
    return g_strdup_printf (C_("day and month", "%1$u %2$s"), (guint) end->day, month);
  /* Translators: day, month and year: "6 June 2019", "15 July last year". */
  return g_strdup_printf (C_("day, month and year", "%1$u %2$s %3$s"),
                          (guint) end->day, month, year);
}

static gboolean
parse_iso_date (const char  *iso,
                FzPeriodEnd *out)
{
  g_autofree char *as_end = NULL;
  FzPeriod period;

  memset (out, 0, sizeof *out);
  if (g_str_has_prefix (iso, "--") && strlen (iso) == 7 && iso[4] == '-')
    {
      out->month = (guint8) g_ascii_strtoull (iso + 2, NULL, 10);
      out->day = (guint8) g_ascii_strtoull (iso + 5, NULL, 10);
      return out->month >= 1 && out->month <= 12 && out->day >= 1 && out->day <= 31;
    }
  /* A dated figure's value is written as one end of a period is. */
  as_end = g_strconcat (iso, "/", NULL);
  if (!fz_period_parse (as_end, -1, &period, NULL) ||
      period.start.year_kind != FZ_PERIOD_YEAR_ABSOLUTE || period.start.month > 12)
    return FALSE;
  *out = period.start;
  return TRUE;
}

char *
fz_format_date (const char *iso,
                gboolean    say_unknown_year)
{
  FzPeriodEnd date;
  g_autofree char *text = NULL;

  if (iso == NULL || *iso == '\0' || !parse_iso_date (iso, &date))
    return g_strdup (iso != NULL ? iso : "");
  text = format_point (&date, FALSE);
  if (say_unknown_year && date.year_kind == FZ_PERIOD_YEAR_OPEN)
    /* Translators: a date without a year: "6 June (year unknown)". */
    return g_strdup_printf (_("%s (year unknown)"), text);
  return g_steal_pointer (&text);
}

/* Both ends given and different. */
static char *
format_range (const FzPeriod *p)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *year = NULL;

  if (fz_period_end_same_year (&p->start, &p->end) && p->start.day == 0 && p->end.day == 0 &&
      p->start.month != 0 && p->end.month != 0)
    {
      year = year_word (&p->start);
      if (p->start.month == 1 && p->end.month == 12 && year != NULL)
        return g_steal_pointer (&year);
      if (year != NULL)
        /* Translators: months of one year: "January to November 2026", "… this year". */
        return g_strdup_printf (C_("months of a year", "%1$s to %2$s %3$s"),
                                month_name (p->start.month), month_name (p->end.month), year);
    }
  start = format_point (&p->start, FALSE);
  end = format_point (&p->end, FALSE);
  /* Translators: a stretch of time between two dates. */
  return g_strdup_printf (_("%1$s to %2$s"), start, end);
}

static char *
format_period (const FzPeriod *p)
{
  g_autofree char *point = NULL;
  gboolean open_start = p->start.year_kind == FZ_PERIOD_YEAR_OPEN;
  gboolean open_end = p->end.year_kind == FZ_PERIOD_YEAR_OPEN;

  if (open_start && open_end)
    return g_strdup ("");
  if (open_end)
    {
      if (p->start.year_kind == FZ_PERIOD_YEAR_CURRENT && p->start.month <= 1 &&
          p->start.day == 0)
        return g_strdup (_("this year to date"));
      if (p->start.year_kind == FZ_PERIOD_YEAR_PREVIOUS && p->start.month <= 1 &&
          p->start.day == 0)
        return g_strdup (_("since last year"));
      point = format_point (&p->start, FALSE);
      /* Translators: from a date up to the report: "January 2026 to date". */
      return g_strdup_printf (_("%s to date"), point);
    }
  if (open_start)
    {
      point = format_point (&p->end, TRUE);
      /* Translators: everything up to a date: "up to 15 July". */
      return g_strdup_printf (_("up to %s"), point);
    }
  if (fz_period_end_equal (&p->start, &p->end))
    return format_point (&p->start, TRUE);
  return format_range (p);
}

char *
fz_format_period (const char *period)
{
  FzPeriod p;

  if (period == NULL || *period == '\0')
    return g_strdup ("");
  if (!fz_period_parse (period, -1, &p, NULL) || p.start.month > 12 || p.end.month > 12)
    return g_strdup (period);
  return format_period (&p);
}

/* The measure word in English; in Chinese the text's own word is kept (9名, 16,000人次). */
static const char *
unit_name (const char   *unit,
           FzFormatLang  lang)
{
  static const struct { const char *zh; const char *en; } units[] = {
    { "元", N_("yuan") }, { "美元", N_("US dollars") }, { "港元", N_("Hong Kong dollars") },
    { "欧元", N_("euros") }, { "新台币", N_("New Taiwan dollars") },
    { "澳门元", N_("Macau patacas") }, { "人", N_("people") },
    { "名", N_("people") },
    { "人次", N_("person-times") }, { "起", N_("cases") }, { "件", N_("cases") },
    { "宗", N_("cases") }, { "次", N_("times") }, { "场", N_("sessions") },
    { "场次", N_("sessions") }, { "条", N_("items") }, { "家", N_("establishments") },
    { "支", N_("teams") }, { "期", N_("issues") }, { "份", N_("copies") },
    { "篇", N_("articles") }, { "户", N_("households") }, { "分", N_("points") },
    { "年", N_("years") }, { "月", N_("months") }, { "日", N_("days") }, { "天", N_("days") },
    { "小时", N_("hours") }, { "分钟", N_("minutes") }, { "平方公里", N_("km²") },
    { "公里", N_("km") }, { "米", N_("m") }, { "个", "" },
  };

  if (g_strcmp0 (unit, "pp") == 0)
    return _("percentage points");
  if (lang == FZ_FORMAT_LANG_ZH || unit == NULL)
    return unit != NULL ? unit : "";
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (unit, units[i].zh) == 0)
      return *units[i].en != '\0' ? _(units[i].en) : "";
  return unit;
}

static const char *
qualifier_template (FzQualifier qualifier)
{
  switch (qualifier)
    {
    /* Translators: a number and more: "over 38 million" (3,800万余). */
    case FZ_QUALIFIER_OVER: return _("over %s");
    case FZ_QUALIFIER_ABOUT: return _("about %s");
    case FZ_QUALIFIER_UNDER: return _("under %s");
    case FZ_QUALIFIER_EXACT:
    default: return "%s";
    }
}

char *
fz_format_value (FzKind        kind,
                 const char   *value,
                 const char   *unit,
                 FzQualifier   qualifier,
                 FzFormatLang  lang)
{
  g_autofree char *number = NULL;
  g_autofree char *qualified = NULL;
  const char *word;

  if (kind == FZ_KIND_DATE)
    return fz_format_date (value, FALSE);
  if (kind == FZ_KIND_IDENTIFIER || value == NULL)
    return g_strdup (value != NULL ? value : "");
  number = fz_format_number (value, lang);
  if (kind == FZ_KIND_ORDINAL)
    /* Translators: an ordinal (第6484期): "no. 6484". */
    return lang == FZ_FORMAT_LANG_ZH ? g_strdup_printf ("第%s%s", value, unit != NULL ? unit : "")
                                     : g_strdup_printf (_("no. %s"), value);
  qualified = g_strdup_printf (qualifier_template (qualifier), number);
  word = unit_name (unit, lang);
  if (*word == '\0' || strcmp (word, "%") == 0)
    return g_strconcat (qualified, word, NULL);
  /* Translators: a number and its unit: "38 million yuan" (3,800万元: no space). */
  return g_strdup_printf (C_("number and unit", "%1$s %2$s"), qualified, word);
}

char *
fz_format_change (FzChange    change,
                  FzBasis     basis,
                  const char *amount)
{
  /* [basis][change - 1]: up, down, flat */
  static const char *templates[3][3] = {
    { N_("up %s"), N_("down %s"), N_("flat") },
    { N_("up %s year on year"), N_("down %s year on year"), N_("flat year on year") },
    { N_("up %s on the previous period"), N_("down %s on the previous period"),
      N_("flat on the previous period") },
  };
  const char *template = templates[MIN (basis, 2)][CLAMP (change, 1, 3) - 1];

  if (change == FZ_CHANGE_NONE || change > FZ_CHANGE_FLAT)
    return g_strdup (amount);
  if (change == FZ_CHANGE_FLAT)
    return g_strdup (_(template));
  return g_strdup_printf (_(template), amount);
}

char *
fz_format_indicator_id (const char *id)
{
  return g_strdelimit (g_strdup (id != NULL ? id : ""), "_", ' ');
}
