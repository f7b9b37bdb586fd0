/* fz-figure-csv.c: the figures table as CSV: the columns of `fanzha-cli extract`, RFC 4180
 * quoting, CRLF line ends and a UTF-8 BOM, which spreadsheets need to read Chinese. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-figure-csv.h"

#include <string.h>

static const char * const columns[] = {
  "doc", "start", "end", "text", "kind", "value", "unit", "qualifier", "change", "basis",
  "indicator", "region", "core", "period"
};

void
fz_figure_csv_write_header (GString *out)
{
  g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, columns[i]);
    }
  g_string_append (out, "\r\n");
}

void
fz_figure_csv_write_field (GString    *out,
                           const char *text,
                           gssize      len)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  /* A cell starting with = + - @ would be run as a formula: a quote mark keeps it text. */
  gboolean formula = n > 0 && strchr ("=+-@", text[0]) != NULL;
  gboolean quote = formula || memchr (text, '"', n) || memchr (text, ',', n) ||
                   memchr (text, '\n', n) || memchr (text, '\r', n);

  if (!quote)
    {
      g_string_append_len (out, text, n);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (gsize i = 0; i < n; i++)
    {
      if (text[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, text[i]);
    }
  g_string_append_c (out, '"');
}

static void
write_row (GString            *out,
           const char         *name,
           const char         *text,
           const FzFigureList *list,
           const FzFigure     *f)
{
  const char *fields[] = {
    fz_kind_to_string (f->kind), fz_figure_list_str (list, f->value),
    fz_figure_list_str (list, f->unit), fz_qualifier_to_string (f->qualifier),
    fz_change_to_string (f->change), fz_basis_to_string (f->basis),
    fz_figure_list_str (list, f->indicator), fz_figure_list_str (list, f->region),
  };

  fz_figure_csv_write_field (out, name, -1);
  g_string_append_printf (out, ",%u,%u,", f->start, f->end);
  fz_figure_csv_write_field (out, text + f->byte_start, f->byte_end - f->byte_start);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_string_append_c (out, ',');
      fz_figure_csv_write_field (out, fields[i], -1);
    }
  g_string_append_printf (out, ",%u,", f->core);
  fz_figure_csv_write_field (out, fz_figure_list_str (list, f->period), -1);
  g_string_append (out, "\r\n");
}

void
fz_figure_csv_write_document (GString    *out,
                              FzDocument *document)
{
  FzFigureList *list = fz_document_get_figures (document);
  const char *text = fz_document_get_text (document, NULL);
  const char *name = fz_document_get_name (document);

  for (guint i = 0; list != NULL && i < fz_figure_list_get_n (list); i++)
    write_row (out, name, text, list, fz_figure_list_get (list, i));
}
