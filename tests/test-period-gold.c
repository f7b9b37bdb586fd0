/* test-period-gold.c: periods of extracted figures against the gold periods of the shared
 * corpus. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fz-extractor.h"
#include "fz-figure.h"
#include "fz-period-finder.h"
#include "fz-test-gold.h"

/* Below this share of exact agreement the finder has regressed. */
#define MIN_AGREEMENT 0.90

/* gold TSV fields: doc start end text period */
typedef struct
{
  char   *doc;
  guint32 start;
  guint32 end;
  char   *text;
  char   *period;
} GoldRow;

static void
gold_row_free (gpointer data)
{
  GoldRow *row = data;

  g_free (row->doc);
  g_free (row->text);
  g_free (row->period);
  g_free (row);
}

static GPtrArray *
load_gold (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (gold_row_free);

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("cannot read %s: %s", path, error->message);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_true (lines[0] != NULL && g_str_has_prefix (lines[0], "doc\tstart\tend\ttext\tperiod"));
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      GoldRow *row;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (f), >=, 4);
      row = g_new0 (GoldRow, 1);
      row->doc = g_strdup (f[0]);
      row->start = (guint32) g_ascii_strtoull (f[1], NULL, 10);
      row->end = (guint32) g_ascii_strtoull (f[2], NULL, 10);
      row->text = g_strdup (f[3]);
      row->period = g_strdup (f[4] != NULL ? f[4] : "");
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static void
test_gold_periods (void)
{
  g_autofree char *gold_path = fz_test_shared_path ("gold", "periods.tsv", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) fz_figure_list_unref);
  guint n_found = 0, n_agree = 0;
  double agreement;

  if (!g_file_test (gold_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no shared gold data (set FZ_SHARED_DIR)");
      return;
    }
  rows = load_gold (gold_path);
  g_assert_cmpuint (rows->len, >, 0);

  for (guint i = 0; i < rows->len; i++)
    {
      GoldRow *row = g_ptr_array_index (rows, i);
      FzFigureList *figures = g_hash_table_lookup (pages, row->doc);
      const char *got = NULL;

      if (figures == NULL)
        {
          g_autofree char *path = fz_test_shared_path ("corpus", row->doc, NULL);
          g_autofree char *text = NULL;
          g_autoptr(GError) error = NULL;
          gsize len;

          if (!g_file_get_contents (path, &text, &len, &error))
            g_error ("cannot read %s: %s", path, error->message);
          figures = fz_extract (text, len);
          g_assert_nonnull (figures);
          /* No document date: Y and PY must stay as written, as the gold has them. */
          fz_period_assign (text, len, figures, NULL, NULL);
          g_hash_table_insert (pages, g_strdup (row->doc), figures);
        }

      for (guint k = 0; k < fz_figure_list_get_n (figures); k++)
        {
          const FzFigure *f = fz_figure_list_get (figures, k);

          if (f->start == row->start && f->end == row->end)
            {
              got = fz_figure_list_str (figures, f->period);
              break;
            }
        }
      if (got == NULL)
        {
          fprintf (stderr, "not extracted  %s %u-%u %s (gold period \"%s\")\n",
                      row->doc, row->start, row->end, row->text, row->period);
          continue;
        }
      n_found++;
      if (g_strcmp0 (got, row->period) == 0)
        n_agree++;
      else
        fprintf (stderr, "MISS  %s %u-%u %s  gold \"%s\"  got \"%s\"\n",
                    row->doc, row->start, row->end, row->text, row->period, got);
    }

  agreement = n_found > 0 ? (double) n_agree / n_found : 0.0;
  fprintf (stderr, "periods: %u gold rows, %u extracted with the same span, %u agree: "
              "%.3f of the extracted, %.3f of all gold rows\n",
              rows->len, n_found, n_agree, agreement, (double) n_agree / rows->len);
  /* A vacuous score (the extractor finding nothing) must not pass. */
  g_assert_cmpuint (n_found * 2, >=, rows->len);
  g_assert_cmpfloat (agreement, >=, MIN_AGREEMENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/period/gold", test_gold_periods);
  return g_test_run ();
}
