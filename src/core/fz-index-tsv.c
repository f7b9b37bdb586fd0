/* fz-index-tsv.c: writes an index result as a table, with field writers shared by the series. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index-private.h"

/* ---------------------------------------------------------------- fields */

void
_fz_index_append_field (GString    *out,
                        const char *str)
{
  /* A tab or line break inside a field would break the table. */
  for (const char *p = str ? str : ""; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

void
_fz_index_append_number (GString *out,
                         double   value,
                         gboolean fixed)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, fixed ? "%.2f" : "%.10g", value);
  g_string_append (out, buf);
}

/* The region's name and its code, which is left empty when not known. */
void
_fz_index_append_region (GString    *out,
                         const char *name,
                         gint64      code)
{
  _fz_index_append_field (out, name);
  g_string_append_c (out, '\t');
  if (code != 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, code);
}

static void
append_source (GString             *out,
               const FzObservation *obs)
{
  _fz_index_append_field (out, obs->document);
  g_string_append_printf (out, ":%u-%u", obs->start, obs->end);
}

/* The compared observation first, then the others of the cell. */
void
_fz_index_append_sources (GString             *out,
                          const FzObservation *used,
                          GPtrArray           *list)
{
  gboolean first = TRUE;

  if (used != NULL)
    {
      append_source (out, used);
      first = FALSE;
    }
  for (guint k = 0; k < list->len; k++)
    {
      const FzObservation *obs = g_ptr_array_index (list, k);

      if (obs == used)
        continue;
      if (!first)
        g_string_append_c (out, ';');
      append_source (out, obs);
      first = FALSE;
    }
}

/* ---------------------------------------------------------------- result */

static void
append_cell (GString           *out,
             const FzIndexCell *cell)
{
  g_string_append_c (out, '\t');
  if (cell != NULL && cell->used != NULL)
    _fz_index_append_number (out, cell->used->value, FALSE);
  g_string_append_c (out, '\t');
  if (cell != NULL && cell->has_score)
    _fz_index_append_number (out, cell->score, TRUE);
  g_string_append_c (out, '\t');
  if (cell != NULL)
    _fz_index_append_sources (out, cell->used, cell->observations);
}

static void
write_header (FzIndexResult *result,
              GString       *out)
{
  g_string_append_printf (out, "# period: %s; normalisation: %s; level: %s\n",
                          result->period,
                          fz_enum_to_string (FZ_TYPE_NORMALISATION, result->opts.normalisation),
                          result->opts.level == FZ_REGION_LEVEL_UNKNOWN ?
                          "any" : fz_region_level_to_string (result->opts.level));
  for (guint k = 0; k < result->compared->len; k++)
    g_string_append_printf (out, "# compared: %s\n",
                            (const char *) g_ptr_array_index (result->compared, k));
  for (guint k = 0; k + 1 < result->warnings->len; k++)
    g_string_append_printf (out, "# warning: %s\n",
                            (const char *) g_ptr_array_index (result->warnings, k));

  g_string_append (out, "region\tcode\tlevel\tcoverage");
  for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
    g_string_append_printf (out, "\t%s", fz_dimension_to_string (d));
  g_string_append (out, "\toverall\trank");
  for (guint k = 0; k < result->columns->len; k++)
    {
      const char *id = g_ptr_array_index (result->columns, k);
      g_string_append_printf (out, "\t%s\t%s:score\t%s:source", id, id, id);
    }
  g_string_append_c (out, '\n');
}

static void
write_region (FzIndexResult       *result,
              const FzIndexRegion *r,
              GString             *out)
{
  _fz_index_append_region (out, r->name, r->code);
  g_string_append_printf (out, "\t%s\t%u/%u", fz_region_level_to_string (r->level),
                          r->n_scored, result->n_indicators);
  for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
    {
      g_string_append_c (out, '\t');
      if (r->has_dimension[d])
        _fz_index_append_number (out, r->dimension[d], TRUE);
    }
  g_string_append_c (out, '\t');
  if (r->has_overall)
    _fz_index_append_number (out, r->overall, TRUE);
  else
    g_string_append (out, "insufficient data");
  g_string_append_c (out, '\t');
  if (r->rank > 0)
    g_string_append_printf (out, "%u", r->rank);
  for (guint m = 0; m < result->columns->len; m++)
    append_cell (out, fz_index_region_get_cell (r, g_ptr_array_index (result->columns, m)));
  g_string_append_c (out, '\n');
}

void
fz_index_result_write_tsv (FzIndexResult *result,
                           GString       *out)
{
  g_return_if_fail (result != NULL);
  g_return_if_fail (out != NULL);

  write_header (result, out);
  for (guint k = 0; k < result->regions->len; k++)
    write_region (result, g_ptr_array_index (result->regions, k), out);
}
