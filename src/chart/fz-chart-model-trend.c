/* fz-chart-model-trend.c: the trend model: one indicator's series over periods, per region. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-model-private.h"

#include "fz-chart-format.h"
#include "fz-chart-style.h"
#include "fz-error.h"
#include "fz-period.h"

/* More lines than this are a tangle, not a comparison (and 300 of them cost a second to
 * stroke): without a choice of regions, a trend follows the first regions of the ranking. */
#define DEFAULT_MAX_LINES 12

/* One line: a region's values over stretches of one kind: of one length in months, or
 * cumulative since one start, or up to a stated end. */
typedef struct
{
  const char *region;     /* its label */
  char       *stretch;    /* "12", "since Y-03", "until" */
  const char *since;      /* a cumulative stretch's period, for its label; else NULL */
  GPtrArray  *obs;        /* const FzObservation * */
} Line;

static void
line_free (Line *line)
{
  g_free (line->stretch);
  g_ptr_array_unref (line->obs);
  g_free (line);
}

/* Y and PY count as −1 and −2, PY a year before Y, so that the difference between them
 * still holds. */
static gint
year_number (const FzPeriodEnd *e)
{
  switch (e->year_kind)
    {
    case FZ_PERIOD_YEAR_CURRENT:
      return -1;
    case FZ_PERIOD_YEAR_PREVIOUS:
      return -2;
    default:
      return e->year;
    }
}

/* Cumulative stretches of different starts (since May 2019, since March this year) hold
 * different things: each start is a kind of its own, never joined to another. */
static char *
stretch_of (const FzPeriod *p)
{
  if (p->start.year_kind != FZ_PERIOD_YEAR_OPEN && p->end.year_kind != FZ_PERIOD_YEAR_OPEN)
    {
      gint months = (year_number (&p->end) - year_number (&p->start)) * 12 +
                    (p->end.month ? p->end.month : 12) - (p->start.month ? p->start.month : 1) + 1;
      return g_strdup_printf ("%d", months);
    }
  if (p->start.year_kind != FZ_PERIOD_YEAR_OPEN)
    return g_strdup_printf ("since %d-%02u-%02u", year_number (&p->start), p->start.month,
                            p->start.day);
  return g_strdup ("until");
}

static char *
stretch_label (const Line *line,
               gboolean    zh)
{
  const char *stretch = line->stretch;

  if (line->since != NULL)
    return fz_chart_format_period (zh, line->since);
  if (g_str_equal (stretch, "until"))
    return g_strdup (zh ? "截至" : "up to");
  if (zh)
    return g_strdup_printf ("%s个月", stretch);
  return g_strdup_printf (g_str_equal (stretch, "1") ? "%s month" : "%s months", stretch);
}

typedef struct
{
  const char *text;
  FzPeriod    period;
} Period;

static gint
period_order (gconstpointer a,
              gconstpointer b)
{
  const Period *pa = a, *pb = b;
  gint cmp = fz_period_compare (&pa->period, &pb->period);

  return cmp != 0 ? cmp : g_strcmp0 (pa->text, pb->text);
}

/* The kind followed: a reported level when one of the regions drawn has one, else the
 * first kind they report (a kind only left-out regions report would draw nothing). */
static FzValueKind
choose_kind (GPtrArray  *regions,
             const char *indicator)
{
  gboolean any = FALSE;
  FzValueKind first = FZ_VALUE_LEVEL;

  for (guint i = 0; i < regions->len; i++)
    {
      const FzIndexCell *cell = fz_index_region_get_cell (g_ptr_array_index (regions, i),
                                                         indicator);
      for (guint k = 0; cell != NULL && k < cell->observations->len; k++)
        {
          const FzObservation *obs = g_ptr_array_index (cell->observations, k);
          if (obs->value_kind == FZ_VALUE_LEVEL)
            return FZ_VALUE_LEVEL;
          if (!any)
            first = obs->value_kind;
          any = TRUE;
        }
    }
  return first;
}

typedef struct
{
  const FzChartSpec *spec;
  GHashTable        *labels;      /* FzIndexRegion * → label, for names several share */
  FzValueKind        kind;
  const char        *unit;
  GArray            *periods;     /* Period */
  GHashTable        *period_set;  /* text */
  GPtrArray         *lines;       /* Line * */
  GHashTable        *line_keys;   /* region \t stretch → Line * */
} Trend;

static void
trend_add (Trend               *t,
           const char          *region,
           const FzObservation *obs)
{
  FzPeriod period;
  g_autofree char *stretch = NULL, *key = NULL;
  Line *line;

  if (obs->value_kind != t->kind || obs->period == NULL || *obs->period == '\0' ||
      !fz_period_parse (obs->period, -1, &period, NULL) || fz_period_is_empty (&period))
    return;
  if (t->unit == NULL)
    t->unit = obs->unit;
  if (g_strcmp0 (obs->unit, t->unit) != 0)
    return;
  if (g_hash_table_add (t->period_set, (gpointer) obs->period))
    {
      Period p = { obs->period, period };
      g_array_append_val (t->periods, p);
    }
  stretch = stretch_of (&period);
  key = g_strdup_printf ("%s\t%s", region, stretch);
  line = g_hash_table_lookup (t->line_keys, key);
  if (line == NULL)
    {
      line = g_new0 (Line, 1);
      line->region = region;
      line->stretch = g_steal_pointer (&stretch);
      if (g_str_has_prefix (line->stretch, "since"))
        line->since = obs->period;
      line->obs = g_ptr_array_new ();
      g_ptr_array_add (t->lines, line);
      g_hash_table_insert (t->line_keys, g_steal_pointer (&key), line);
    }
  g_ptr_array_add (line->obs, (gpointer) obs);
}

/* The same cell rule as the series table: exact over 余/约/不足, then the later report. */
static void
fill_value (FzChartModel *model,
            guint         s,
            guint         c,
            GPtrArray    *list)
{
  const FzObservation *used = NULL;
  FzChartValue *value;

  for (guint k = 0; k < list->len; k++)
    {
      const FzObservation *obs = g_ptr_array_index (list, k);
      if (used == NULL || obs->qualifier == FZ_QUALIFIER_EXACT ||
          used->qualifier != FZ_QUALIFIER_EXACT)
        used = obs;
    }
  value = fz_chart_model_set_value (model, s, c, used->value, used->qualifier);
  _fz_chart_add_observation (value, used);
  for (guint k = 0; k < list->len; k++)
    {
      const FzObservation *obs = g_ptr_array_index (list, k);
      _fz_chart_add_observation (value, obs);
    }
}

static void
add_line (Trend        *t,
          FzChartModel *model,
          Line         *line,
          guint         group,
          gboolean      several)
{
  g_autofree char *label = stretch_label (line, fz_chart_model_is_zh (model));
  g_autofree char *name = several ? g_strdup_printf ("%s · %s", line->region, label)
                                  : g_strdup (line->region);
  guint s = fz_chart_model_add_series (model, name);

  fz_chart_model_set_series_group (model, s, group);
  for (guint c = 0; c < t->periods->len; c++)
    {
      const char *text = g_array_index (t->periods, Period, c).text;
      g_autoptr(GPtrArray) list = g_ptr_array_new ();

      for (guint k = 0; k < line->obs->len; k++)
        if (g_str_equal (((const FzObservation *) line->obs->pdata[k])->period, text))
          g_ptr_array_add (list, line->obs->pdata[k]);
      if (list->len > 0)
        fill_value (model, s, c, list);
    }
}

static void
build_lines (Trend         *t,
             FzChartModel  *model)
{
  guint group = 0;

  g_array_sort (t->periods, period_order);
  for (guint c = 0; c < t->periods->len; c++)
    {
      g_autofree char *label = fz_chart_format_period (fz_chart_model_is_zh (model),
                                                       g_array_index (t->periods, Period, c).text);
      fz_chart_model_add_category (model, label, NULL);
    }
  for (guint i = 0; i < t->lines->len; group++)
    {
      Line *first = g_ptr_array_index (t->lines, i);
      guint j = i;

      while (j < t->lines->len && ((Line *) t->lines->pdata[j])->region == first->region)
        j++;
      for (guint k = i; k < j; k++)
        add_line (t, model, g_ptr_array_index (t->lines, k), group, j - i > 1);
      i = j;
    }
}

/* The regions that could be drawn: the chosen ones, or all that report the indicator, in
 * the order of the ranking. */
static GPtrArray *
take_regions (Trend         *t,
              FzIndexResult *result)
{
  GPtrArray *regions = g_ptr_array_new ();

  for (guint i = 0; i < fz_index_result_get_n_regions (result); i++)
    {
      const FzIndexRegion *r = fz_index_result_get_region (result, i);

      if (fz_index_region_get_cell (r, t->spec->indicator) != NULL &&
          _fz_chart_spec_takes_region (t->spec, r->name, _fz_chart_region_label (t->labels, r)))
        g_ptr_array_add (regions, (gpointer) r);
    }
  return regions;
}

static void
trend_reset (Trend *t)
{
  t->unit = NULL;
  g_array_set_size (t->periods, 0);
  g_hash_table_remove_all (t->period_set);
  g_hash_table_remove_all (t->line_keys);
  g_ptr_array_set_size (t->lines, 0);
}

static void
gather (Trend     *t,
        GPtrArray *regions)
{
  trend_reset (t);
  for (guint i = 0; i < regions->len; i++)
    {
      const FzIndexRegion *r = g_ptr_array_index (regions, i);
      const FzIndexCell *cell = fz_index_region_get_cell (r, t->spec->indicator);
      const char *label = _fz_chart_region_label (t->labels, r);

      for (guint k = 0; k < cell->observations->len; k++)
        trend_add (t, label, g_ptr_array_index (cell->observations, k));
    }
}

/* The regions whose lines all have a style (colour and dash) of their own: a region's lines
 * follow each other, so whole regions are kept from the first. */
static guint
regions_that_fit (Trend     *t,
                  GPtrArray *regions)
{
  guint kept = 0, n_lines = 0;

  for (guint i = 0; i < regions->len; i++)
    {
      const char *label = _fz_chart_region_label (t->labels, regions->pdata[i]);
      guint n = 0;

      for (guint k = 0; k < t->lines->len; k++)
        n += ((Line *) t->lines->pdata[k])->region == label;
      if (n_lines + n > FZ_CHART_N_LINE_STYLES)
        break;
      n_lines += n;
      kept++;
    }
  return kept;
}

/* Follows the first regions: no more than asked (12 without a choice), and no more lines
 * than there are styles to tell them apart. Returns how many regions were left out. */
static guint
gather_limited (Trend     *t,
                GPtrArray *regions)
{
  guint total = regions->len;
  guint limit = t->spec->max_regions > 0 ? t->spec->max_regions
                : t->spec->regions == NULL ? DEFAULT_MAX_LINES : G_MAXUINT;

  if (regions->len > limit)
    g_ptr_array_set_size (regions, limit);
  t->kind = choose_kind (regions, t->spec->indicator);
  gather (t, regions);
  if (t->lines->len > FZ_CHART_N_LINE_STYLES)
    {
      g_ptr_array_set_size (regions, MAX (regions_that_fit (t, regions), 1));
      gather (t, regions);
    }
  return total - regions->len;
}

/* The title: the indicator, and what its lines measure when it is not the reported level
 * itself (a change or a rate in percent reads very differently from a count). */
static char *
trend_title (const char  *name,
             FzValueKind  kind,
             const char  *unit,
             gboolean     zh)
{
  const char *what = NULL;

  switch (kind)
    {
    case FZ_VALUE_YOY: what = zh ? "同比" : "year on year"; break;
    case FZ_VALUE_MOM: what = zh ? "环比" : "month on month"; break;
    case FZ_VALUE_RATE: what = zh ? "比率" : "rate"; break;
    case FZ_VALUE_SHARE: what = zh ? "占比" : "share"; break;
    case FZ_VALUE_SCORE: what = zh ? "得分" : "score"; break;
    case FZ_VALUE_LEVEL:
    case FZ_N_VALUE_KINDS:
    default: break;
    }
  if (what == NULL)
    return g_strdup (name);
  if (unit == NULL)
    return g_strdup_printf (zh ? "%s（%s）" : "%s (%s)", name, what);
  return g_strdup_printf (zh ? "%s（%s，%s）" : "%s (%s, %s)", name, what, unit);
}

/* The title says how many regions the lines leave out, so that none is missed unawares. */
static char *
trend_title_left_out (char     *title,
                      guint     left_out,
                      gboolean  zh)
{
  char *full;

  if (left_out == 0)
    return title;
  full = zh ? g_strdup_printf ("%s：另有%u个地区未画出", title, left_out)
            : g_strdup_printf (left_out == 1 ? "%s: %u more region not drawn"
                                             : "%s: %u more regions not drawn",
                               title, left_out);
  g_free (title);
  return full;
}

FzChartModel *
_fz_chart_model_new_trend (FzIndex           *index,
                           const FzChartSpec *spec,
                           GError           **error)
{
  g_autoptr(FzIndexResult) result = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GArray) periods = g_array_new (FALSE, FALSE, sizeof (Period));
  g_autoptr(GHashTable) period_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  g_autoptr(GHashTable) line_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) labels = NULL;
  FzChartModel *model;
  FzIndexOptions opts;
  Trend t = { spec, NULL, FZ_VALUE_LEVEL, NULL, periods, period_set, lines, line_keys };
  guint left_out;

  if (index == NULL || spec->indicator == NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID, "A trend needs the index and an indicator");
      return NULL;
    }
  /* Every period at once: each region's cell then holds all its observations. */
  fz_index_options_init (&opts);
  opts.period = "all";
  opts.level = spec->level;
  result = fz_index_compute (index, &opts, error);
  if (result == NULL)
    return NULL;
  labels = _fz_chart_region_labels (index, result,
                                   spec->lang != NULL && g_str_has_prefix (spec->lang, "zh"));
  t.labels = labels;
  regions = take_regions (&t, result);
  left_out = gather_limited (&t, regions);

  model = fz_chart_model_new (FZ_CHART_TREND, spec->lang);
  build_lines (&t, model);
  title = trend_title (_fz_chart_indicator_name (spec, spec->indicator), t.kind, t.unit,
                       fz_chart_model_is_zh (model));
  title = trend_title_left_out (title, left_out, fz_chart_model_is_zh (model));
  fz_chart_model_set_title (model, title);
  fz_chart_model_set_unit (model, t.unit);
  return model;
}
