/* test-extractor-gold.c: scores the extractor against the gold figures of the sample pages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-extractor.h"
#include "fz-test-gold.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_F1          0.97
#define MIN_CORE_RECALL 0.98

typedef struct
{
  char    *doc;
  guint    start;
  guint    end;
  char    *text;
  char    *kind;
  char    *value;
  char    *unit;
  char    *qualifier;
  char    *change;
  char    *basis;
  gboolean core;
  gboolean matched;
} Row;

static void
row_free (gpointer data)
{
  Row *r = data;

  g_free (r->doc);
  g_free (r->text);
  g_free (r->kind);
  g_free (r->value);
  g_free (r->unit);
  g_free (r->qualifier);
  g_free (r->change);
  g_free (r->basis);
  g_free (r);
}

static char *
escape_newlines (const char *s)
{
  g_auto(GStrv) parts = g_strsplit (s, "\n", -1);

  return g_strjoinv ("\\n", parts);
}

static gboolean
same_value (const char *a,
            const char *b)
{
  char *ea, *eb;
  double x = g_ascii_strtod (a, &ea);
  double y = g_ascii_strtod (b, &eb);

  if (*a != '\0' && *b != '\0' && *ea == '\0' && *eb == '\0')
    return fabs (x - y) <= 1e-9 * MAX (1.0, fabs (y));
  return g_strcmp0 (a, b) == 0;
}

static GPtrArray *
read_gold (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);
      Row *r;

      if (g_strv_length (cols) < 13)
        continue;
      r = g_new0 (Row, 1);
      r->doc = g_strdup (cols[0]);
      r->start = atoi (cols[1]);
      r->end = atoi (cols[2]);
      r->text = g_strdup (cols[3]);
      r->kind = g_strdup (cols[4]);
      r->value = g_strdup (cols[5]);
      r->unit = g_strdup (cols[6]);
      r->qualifier = g_strdup (cols[7]);
      r->change = g_strdup (cols[8]);
      r->basis = g_strdup (cols[9]);
      r->core = g_strcmp0 (cols[12], "1") == 0;
      g_ptr_array_add (rows, r);
    }
  return rows;
}

static void
test_gold (void)
{
  g_autofree char *gold_path = fz_test_shared_path ("gold", "figures.tsv", NULL);
  g_autofree char *corpus = fz_test_shared_path ("corpus", NULL);
  g_autoptr(GPtrArray) gold = NULL;
  g_autoptr(GHashTable) docs = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_pred = 0, tp = 0, n_core = 0, core_hit = 0, attr_diff = 0;
  double p, r, f1, core_recall;

  if (!g_file_test (gold_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no gold file; set FZ_SHARED_DIR");
      return;
    }
  gold = read_gold (gold_path);
  g_assert_cmpuint (gold->len, >, 0);
  for (guint i = 0; i < gold->len; i++)
    {
      Row *row = g_ptr_array_index (gold, i);

      g_hash_table_add (docs, row->doc);
      n_core += row->core;
    }

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, docs);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        const char *doc = key;
        g_autofree char *path = g_build_filename (corpus, doc, NULL);
        g_autofree char *text = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(FzFigureList) list = NULL;
        gsize len;

        if (!g_file_get_contents (path, &text, &len, &error))
          g_error ("%s", error->message);
        g_assert_true (g_utf8_validate (text, len, NULL));
        list = fz_extract (text, len);
        for (guint k = 0; k < fz_figure_list_get_n (list); k++)
          {
            const FzFigure *f = fz_figure_list_get (list, k);
            const char *kind = fz_kind_to_string (f->kind);
            const char *value = fz_figure_list_str (list, f->value);
            Row *hit = NULL;

            n_pred++;
            for (guint i = 0; i < gold->len && hit == NULL; i++)
              {
                Row *row = g_ptr_array_index (gold, i);

                if (!row->matched && row->start == f->start && row->end == f->end &&
                    strcmp (row->doc, doc) == 0 && strcmp (row->kind, kind) == 0 &&
                    same_value (value, row->value))
                  hit = row;
              }
            if (hit != NULL)
              {
                hit->matched = TRUE;
                tp++;
                core_hit += hit->core;
                if (g_strcmp0 (hit->unit, fz_figure_list_str (list, f->unit)) != 0 ||
                    g_strcmp0 (hit->qualifier, fz_qualifier_to_string (f->qualifier)) != 0 ||
                    g_strcmp0 (hit->change, fz_change_to_string (f->change)) != 0 ||
                    g_strcmp0 (hit->basis, fz_basis_to_string (f->basis)) != 0)
                  {
                    attr_diff++;
                    g_test_message ("ATTR\t%s\t%u\t%u\t%s\t"
                             "unit %s/%s qualifier %s/%s change %s/%s basis %s/%s\n",
                             doc, f->start, f->end, hit->text,
                             hit->unit, fz_figure_list_str (list, f->unit),
                             hit->qualifier, fz_qualifier_to_string (f->qualifier),
                             hit->change, fz_change_to_string (f->change),
                             hit->basis, fz_basis_to_string (f->basis));
                  }
              }
            else
              {
                g_autofree char *span = g_strndup (text + f->byte_start,
                                                   f->byte_end - f->byte_start);
                g_autofree char *shown = escape_newlines (span);

                g_test_message ("EXTRA\t%s\t%u\t%u\t%s\t%s\t%s\n",
                         doc, f->start, f->end, shown, kind, value);
              }
          }
      }
  }
  for (guint i = 0; i < gold->len; i++)
    {
      Row *row = g_ptr_array_index (gold, i);

      if (!row->matched)
        g_test_message ("MISS\t%s\t%u\t%u\t%s\t%s\t%s%s\n", row->doc, row->start, row->end,
                        row->text, row->kind, row->value, row->core ? "\tcore" : "");
    }
  p = n_pred ? (double) tp / n_pred : 0;
  r = (double) tp / gold->len;
  f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  core_recall = n_core ? (double) core_hit / n_core : 1;
  g_test_message ("P=%.3f R=%.3f F1=%.3f (%u of %u predicted, %u gold); core recall %u/%u = %.3f; "
           "attribute differences %u\n",
           p, r, f1, tp, n_pred, gold->len, core_hit, n_core, core_recall, attr_diff);
  g_assert_cmpfloat (f1, >=, MIN_F1);
  g_assert_cmpfloat (core_recall, >=, MIN_CORE_RECALL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extractor/gold", test_gold);
  return g_test_run ();
}
