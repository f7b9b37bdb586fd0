/* test-dev-gold.c: indicator, region, period, qualifier-change-basis and core-flag accuracy on
 * the development set's core rows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The development set (shared/corpus-dev, gold in shared/gold/dev) holds real articles from
 * many provinces that the rules were not written on. The whole analysis runs over each page,
 * as fanzha-cli does; each core row of the gold is then scored where the extractor found its
 * figure, so that this test judges attribution and periods and the extractor gold test judges
 * extraction. The core rows not found are listed and counted apart. */

#include "fz-document.h"
#include "fz-figure.h"
#include "fz-pipeline.h"
#include "fz-test-gold.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#define MIN_INDICATOR 0.90
#define MIN_REGION    0.95
#define MIN_PERIOD    0.90
#define MIN_WORDS     0.96
#define MIN_CORE_FLAG 0.95

typedef struct
{
  guint n_core;
  guint n_found;
  guint ok_indicator;
  guint ok_region;
  guint ok_period;
  guint ok_words;     /* qualifier, change and basis all right */
  guint ok_core;      /* flagged core, as the gold has it */
} Score;

/* doc -> year of publication, from the gold's sources-*.tsv. */
static GHashTable *
published_years (void)
{
  g_autofree char *dir_path = fz_test_shared_path ("gold", "dev", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GHashTable *years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) rows = NULL;

      if (!g_str_has_prefix (name, "sources") || !g_str_has_suffix (name, ".tsv"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      rows = fz_test_read_tsv (path);
      for (guint i = 0; i < rows->len; i++)
        {
          char **row = g_ptr_array_index (rows, i);

          if (g_strv_length (row) > 3 && strlen (row[3]) >= 5 && row[3][4] == '-')
            g_hash_table_insert (years, g_strdup (row[0]), GINT_TO_POINTER (atoi (row[3])));
        }
    }
  return years;
}

/* A period with the publication year written Y and the year before PY, as the gold writes
 * periods: a period resolved with the page's date then equals the relative one. */
static char *
relative_period (const char *period,
                 int         year)
{
  GString *out = g_string_new (NULL);

  for (const char *p = period; *p != '\0';)
    {
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
          g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]) &&
          (p == period || !g_ascii_isdigit (p[-1])))
        {
          int y = atoi (p);

          if (year > 0 && y == year)
            g_string_append (out, "Y");
          else if (year > 0 && y == year - 1)
            g_string_append (out, "PY");
          else
            g_string_append_len (out, p, 4);
          p += 4;
          continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static FzDocument *
analyze_page (FzPipeline *pipeline,
              const char *doc)
{
  g_autofree char *path = fz_test_shared_path ("corpus-dev", doc, NULL);

  return fz_test_load_analysed (pipeline, path);
}

static const FzFigure *
find_figure (FzFigureList *figures,
             char        **row)
{
  guint32 start = atoi (row[1]), end = atoi (row[2]);
  FzKind kind;

  g_assert_true (fz_kind_from_string (row[4], &kind));
  for (guint k = 0; k < fz_figure_list_get_n (figures); k++)
    {
      const FzFigure *f = fz_figure_list_get (figures, k);

      if (f->start == start && f->end == end && f->kind == kind)
        return f;
    }
  return NULL;
}

/* Scores one core row against its figure, and says why when it is wrong. */
static void
score_row (Score          *score,
           FzFigureList   *figures,
           const FzFigure *f,
           char          **row,
           const char     *gold_period,
           int             year)
{
  const char *ind = fz_figure_list_str (figures, f->indicator);
  const char *reg = fz_figure_list_str (figures, f->region);
  g_autofree char *got = relative_period (fz_figure_list_str (figures, f->period), year);
  g_autofree char *want = relative_period (gold_period, year);

  score->n_found++;
  if (g_str_equal (ind, row[10]))
    score->ok_indicator++;
  else
    g_printerr ("#   INDICATOR %s %s %s gold=%s got=%s\n", row[0], row[1], row[3], row[10], ind);
  if (fz_test_region_matches (row[11], reg))
    score->ok_region++;
  else
    g_printerr ("#   REGION %s %s %s gold=%s got=%s\n", row[0], row[1], row[3], row[11], reg);
  if (g_str_equal (got, want))
    score->ok_period++;
  else
    g_printerr ("#   PERIOD %s %s %s gold=%s got=%s\n", row[0], row[1], row[3], want, got);
  if (f->core)
    score->ok_core++;
  else
    g_printerr ("#   NOT FLAGGED CORE %s %s %s\n", row[0], row[1], row[3]);
  if (g_str_equal (fz_qualifier_to_string (f->qualifier), row[7]) &&
      g_str_equal (fz_change_to_string (f->change), row[8]) &&
      g_str_equal (fz_basis_to_string (f->basis), row[9]))
    score->ok_words++;
  else
    g_printerr ("#   QUALIFIER CHANGE BASIS %s %s %s gold=%s/%s/%s got=%s/%s/%s\n", row[0],
                row[1], row[3], row[7], row[8], row[9], fz_qualifier_to_string (f->qualifier),
                fz_change_to_string (f->change), fz_basis_to_string (f->basis));
}

/* doc start end -> period of the gold's periods.tsv. */
static GHashTable *
gold_periods (GPtrArray **keep)
{
  g_autofree char *path = fz_test_shared_path ("gold", "dev/periods.tsv", NULL);
  GHashTable *periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *keep = fz_test_read_tsv (path);
  for (guint i = 0; i < (*keep)->len; i++)
    {
      char **row = g_ptr_array_index (*keep, i);

      if (g_strv_length (row) >= 4)
        g_hash_table_insert (periods, g_strdup_printf ("%s\t%s\t%s", row[0], row[1], row[2]),
                             g_strv_length (row) > 4 ? row[4] : (char *) "");
    }
  return periods;
}

static void
test_dev_gold (void)
{
  g_autofree char *fig_path = fz_test_shared_path ("gold", "dev/figures.tsv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = NULL;
  g_autoptr(GPtrArray) gold = NULL, period_rows = NULL;
  g_autoptr(GHashTable) periods = NULL, years = NULL;
  g_autoptr(GHashTable) pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       g_object_unref);
  Score score = { 0 };

  if (!g_file_test (fig_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no development gold (set FZ_SHARED_DIR)");
      return;
    }
  pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_assert_no_error (error);
  gold = fz_test_read_tsv (fig_path);
  periods = gold_periods (&period_rows);
  years = published_years ();

  for (guint i = 0; i < gold->len; i++)
    {
      char **row = g_ptr_array_index (gold, i);
      g_autofree char *key = NULL;
      FzDocument *document;
      FzFigureList *figures;
      const FzFigure *f;
      const char *period;

      g_assert_cmpuint (g_strv_length (row), >=, 13);
      if (!g_str_equal (row[12], "1"))
        continue;
      score.n_core++;
      document = g_hash_table_lookup (pages, row[0]);
      if (document == NULL)
        {
          document = analyze_page (pipeline, row[0]);
          g_hash_table_insert (pages, g_strdup (row[0]), document);
        }
      figures = fz_document_get_figures (document);
      if ((f = find_figure (figures, row)) == NULL)
        {
          g_printerr ("#   NOT EXTRACTED %s %s %s\n", row[0], row[1], row[3]);
          continue;
        }
      key = g_strdup_printf ("%s\t%s\t%s", row[0], row[1], row[2]);
      period = g_hash_table_lookup (periods, key);
      g_assert_nonnull (period);
      score_row (&score, figures, f, row, period,
                 GPOINTER_TO_INT (g_hash_table_lookup (years, row[0])));
    }

  g_assert_cmpuint (score.n_found, >, score.n_core / 2);
  g_printerr ("# core rows: %u, found by the extractor: %u\n", score.n_core, score.n_found);
  g_printerr ("# indicator %u/%u = %.3f\n", score.ok_indicator, score.n_found,
              (double) score.ok_indicator / score.n_found);
  g_printerr ("# region    %u/%u = %.3f\n", score.ok_region, score.n_found,
              (double) score.ok_region / score.n_found);
  g_printerr ("# period    %u/%u = %.3f\n", score.ok_period, score.n_found,
              (double) score.ok_period / score.n_found);
  g_printerr ("# qualifier, change and basis %u/%u = %.3f\n", score.ok_words, score.n_found,
              (double) score.ok_words / score.n_found);
  g_printerr ("# flagged core %u/%u = %.3f\n", score.ok_core, score.n_found,
              (double) score.ok_core / score.n_found);
  g_assert_cmpfloat ((double) score.ok_indicator / score.n_found, >=, MIN_INDICATOR);
  g_assert_cmpfloat ((double) score.ok_region / score.n_found, >=, MIN_REGION);
  g_assert_cmpfloat ((double) score.ok_period / score.n_found, >=, MIN_PERIOD);
  g_assert_cmpfloat ((double) score.ok_words / score.n_found, >=, MIN_WORDS);
  g_assert_cmpfloat ((double) score.ok_core / score.n_found, >=, MIN_CORE_FLAG);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dev-gold/attribution-and-periods", test_dev_gold);
  return g_test_run ();
}
