/* fz-index-series.c: the series table: one indicator per region over the periods reported. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index-private.h"

#include "fz-error.h"

typedef struct
{
  const FzObservation *first;
  FzValueKind          kind;
  const char          *unit;
  GPtrArray           *cells;   /* per period: GPtrArray of const FzObservation *, or NULL */
} SeriesRow;

typedef struct
{
  const char *text;
  FzPeriod    period;
} SeriesPeriod;

/* The state of one fz_index_write_series_tsv() call. */
typedef struct
{
  FzIndex       *self;
  const char    *indicator;
  FzRegionLevel  level;
  GArray        *periods;     /* SeriesPeriod, time order */
  GHashTable    *period_pos;  /* period text → column */
  GPtrArray     *rows;        /* SeriesRow * */
  GHashTable    *row_keys;    /* region, kind and unit → SeriesRow * */
  gboolean       known;
  gboolean       unknown;
  guint          unstated;
} Series;

static void
clear_list (gpointer list)
{
  /* A period without a value leaves the slot NULL. */
  if (list != NULL)
    g_ptr_array_unref (list);
}

static void
series_row_free (SeriesRow *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static gint
series_row_order (gconstpointer a,
                  gconstpointer b)
{
  const SeriesRow *ra = *(const SeriesRow * const *) a;
  const SeriesRow *rb = *(const SeriesRow * const *) b;
  gint cmp = g_strcmp0 (ra->first->region, rb->first->region);

  if (cmp == 0 && ra->first->region_code != rb->first->region_code)
    cmp = ra->first->region_code < rb->first->region_code ? -1 : 1;
  if (cmp == 0 && ra->kind != rb->kind)
    cmp = ra->kind < rb->kind ? -1 : 1;
  if (cmp == 0)
    cmp = g_strcmp0 (ra->unit, rb->unit);
  return cmp;
}

static gint
series_period_order (gconstpointer a,
                     gconstpointer b)
{
  const SeriesPeriod *pa = a;
  const SeriesPeriod *pb = b;
  gint cmp = fz_period_compare (&pa->period, &pb->period);

  return cmp != 0 ? cmp : g_strcmp0 (pa->text, pb->text);
}

static gboolean
series_takes (const Series        *s,
              const FzObservation *obs)
{
  return g_str_equal (obs->indicator, s->indicator) &&
         (s->level == FZ_REGION_LEVEL_UNKNOWN || obs->level == s->level);
}

/* ---------------------------------------------------------------- layout */

/* First pass: the periods, in time order, so that rows can be laid out. */
static void
series_add_periods (Series *s)
{
  for (guint i = 0; i < s->self->observations->len; i++)
    {
      const FzObservation *obs = g_ptr_array_index (s->self->observations, i);
      const FzPeriod *p = _fz_index_period_at (s->self, i);
      SeriesPeriod sp;

      if (!series_takes (s, obs))
        continue;
      if (fz_period_is_empty (p))
        {
          s->unstated++;
          continue;
        }
      if (fz_period_has_unknown_year (p))
        s->unknown = TRUE;
      else
        s->known = TRUE;
      if (g_hash_table_contains (s->period_pos, obs->period))
        continue;
      sp.text = obs->period;
      sp.period = *p;
      g_array_append_val (s->periods, sp);
      g_hash_table_add (s->period_pos, (gpointer) obs->period);
    }
  g_array_sort (s->periods, series_period_order);
  for (guint k = 0; k < s->periods->len; k++)
    g_hash_table_insert (s->period_pos, (gpointer) g_array_index (s->periods, SeriesPeriod, k).text,
                         GUINT_TO_POINTER (k));
}

static SeriesRow *
series_row_for (Series              *s,
                const FzObservation *obs)
{
  g_autofree char *region = _fz_index_region_key (obs);
  g_autofree char *key = g_strdup_printf ("%s\t%d\t%s", region, (int) obs->value_kind, obs->unit);
  SeriesRow *row = g_hash_table_lookup (s->row_keys, key);

  if (row == NULL)
    {
      row = g_new0 (SeriesRow, 1);
      row->first = obs;
      row->kind = obs->value_kind;
      row->unit = obs->unit;
      row->cells = g_ptr_array_new_with_free_func (clear_list);
      g_ptr_array_set_size (row->cells, s->periods->len);
      g_ptr_array_add (s->rows, row);
      g_hash_table_insert (s->row_keys, g_steal_pointer (&key), row);
    }
  return row;
}

/* Second pass: each observation with a stated period into its row and column. */
static void
series_add_rows (Series *s)
{
  for (guint i = 0; i < s->self->observations->len; i++)
    {
      const FzObservation *obs = g_ptr_array_index (s->self->observations, i);
      SeriesRow *row;
      guint col;

      if (!series_takes (s, obs) || fz_period_is_empty (_fz_index_period_at (s->self, i)))
        continue;

      row = series_row_for (s, obs);
      col = GPOINTER_TO_UINT (g_hash_table_lookup (s->period_pos, obs->period));
      if (g_ptr_array_index (row->cells, col) == NULL)
        g_ptr_array_index (row->cells, col) = g_ptr_array_new ();
      g_ptr_array_add (g_ptr_array_index (row->cells, col), (gpointer) obs);
    }
  g_ptr_array_sort (s->rows, series_row_order);
}

/* ---------------------------------------------------------------- writing */

static void
append_series_cell (GString   *out,
                    GPtrArray *list)
{
  const FzObservation *used = NULL;

  g_string_append_c (out, '\t');
  if (list != NULL)
    {
      /* The same cell rule as the index: exact over 余/约/不足, then the later report. */
      for (guint k = 0; k < list->len; k++)
        {
          const FzObservation *obs = g_ptr_array_index (list, k);
          if (_fz_index_observation_preferred (obs, used))
            used = obs;
        }
      _fz_index_append_number (out, used->value, FALSE);
    }
  g_string_append_c (out, '\t');
  if (list != NULL)
    _fz_index_append_sources (out, used, list);
}

static void
series_write_header (const Series *s,
                     GString      *out)
{
  g_string_append_printf (out, "# indicator: %s; level: %s\n", s->indicator,
                          s->level == FZ_REGION_LEVEL_UNKNOWN ?
                          "any" : fz_region_level_to_string (s->level));
  if (s->known && s->unknown)
    g_string_append (out, "# warning: periods of a known year and of a year not known (Y or PY) "
                          "stand side by side\n");
  if (s->unstated > 0)
    g_string_append_printf (out, "# left out: %u observations that state no period\n",
                            s->unstated);

  g_string_append (out, "region\tcode\tlevel\tkind\tunit");
  for (guint k = 0; k < s->periods->len; k++)
    {
      const char *p = g_array_index (s->periods, SeriesPeriod, k).text;
      g_string_append_printf (out, "\t%s\t%s:source", p, p);
    }
  g_string_append_c (out, '\n');
}

static void
series_write_row (const Series    *s,
                  const SeriesRow *row,
                  GString         *out)
{
  _fz_index_append_region (out, row->first->region, row->first->region_code);
  g_string_append_printf (out, "\t%s\t%s\t", fz_region_level_to_string (row->first->level),
                          fz_value_kind_to_string (row->kind));
  _fz_index_append_field (out, row->unit);
  for (guint k = 0; k < s->periods->len; k++)
    append_series_cell (out, g_ptr_array_index (row->cells, k));
  g_string_append_c (out, '\n');
}

gboolean
fz_index_write_series_tsv (FzIndex        *self,
                           const char     *indicator_id,
                           FzRegionLevel   level,
                           GString        *out,
                           GError        **error)
{
  g_autoptr(GArray) periods = g_array_new (FALSE, FALSE, sizeof (SeriesPeriod));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) series_row_free);
  g_autoptr(GHashTable) row_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) period_pos = g_hash_table_new (g_str_hash, g_str_equal);
  Series s = { self, indicator_id, level, periods, period_pos, rows, row_keys, FALSE, FALSE, 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (_fz_index_lookup_indicator (self, indicator_id, NULL) == NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "“%s” is not an indicator of the lexicon", indicator_id ? indicator_id : "");
      return FALSE;
    }

  series_add_periods (&s);
  series_add_rows (&s);

  series_write_header (&s, out);
  for (guint r = 0; r < rows->len; r++)
    series_write_row (&s, g_ptr_array_index (rows, r), out);

  return TRUE;
}
