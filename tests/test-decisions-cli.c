/* test-decisions-cli.c: `fanzha-cli extract|index --workspace` apply the analyst's decisions and
 * dates exactly as the core does in process, so the command line and the app agree. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <string.h>

#include "fz-index-feed.h"
#include "fz-pipeline.h"
#include "fz-test-gold.h"
#include "fz-workspace-file.h"

static char *
run_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("FANZHA_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_test_message ("stderr: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static FzFigureId
nth_figure (FzDocument *document,
            guint       i)
{
  const FzFigure *f = fz_figure_list_get (fz_document_get_figures (document), i);

  return FZ_FIGURE_ID (f->start, f->end);
}

/* Rejects the 2nd figure of the first page and moves the 4th to another indicator and value. */
static void
decide (FzWorkspaceState *state,
        FzDocument       *document)
{
  FzDecisions *d = state->decisions;
  g_autoptr(GError) error = NULL;

  fz_figure_list_unref (fz_decisions_reject (d, document, nth_figure (document, 1), NULL,
                                             &error));
  fz_figure_list_unref (fz_decisions_set_field (d, document, nth_figure (document, 3),
                                                FZ_FIGURE_FIELD_INDICATOR, "losses", NULL,
                                                &error));
  fz_figure_list_unref (fz_decisions_set_field (d, document, nth_figure (document, 3),
                                                FZ_FIGURE_FIELD_VALUE, "30", NULL, &error));
  g_assert_no_error (error);
}

static void
test_index_agrees (void)
{
  const char *data_dir = g_getenv ("FZ_DATA_DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new (data_dir, &error);
  g_autoptr(FzWorkspaceState) state = fz_workspace_state_new ();
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzIndexResult) result = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("fanzha-cli-ws-XXXXXX", NULL);
  g_autofree char *ws = g_build_filename (dir, "ws.xml", NULL);
  g_autofree char *plain = NULL, *corrected = NULL, *extract = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  const char *names[] = { "sample-01-chengnan.txt", "sample-02-huzhou.txt",
                          "sample-03-longyou.txt" };
  g_auto(GStrv) paths = g_new0 (char *, 4);
  const char *index_args[] = { "index", "--workspace", ws, NULL, NULL, NULL, NULL };
  const char *plain_args[] = { "index", NULL, NULL, NULL, NULL };
  const char *extract_args[] = { "extract", "--workspace", ws, NULL, NULL };

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      paths[i] = g_build_filename (data_dir, "samples", names[i], NULL);
      index_args[3 + i] = plain_args[1 + i] = paths[i];
      g_ptr_array_add (documents, fz_test_load_analysed (pipeline, paths[i]));
      fz_workspace_state_add_document (state, paths[i], NULL, NULL);
    }
  extract_args[3] = paths[0];
  decide (state, g_ptr_array_index (documents, 0));
  fz_workspace_state_set_period (state, "2026");
  g_assert_true (fz_workspace_file_save (state, ws, &error));

  /* In process: the corrected figures feed the index. */
  fz_index_feed_lexicon (index, fz_pipeline_get_lexicon (pipeline));
  for (guint i = 0; i < documents->len; i++)
    {
      fz_decisions_apply_to_document (state->decisions, g_ptr_array_index (documents, i));
      fz_index_feed_document (index, fz_pipeline_get_gazetteer (pipeline),
                              g_ptr_array_index (documents, i), FZ_REGION_LEVEL_UNKNOWN);
    }
  result = fz_index_compute (index, &state->index, &error);
  g_assert_no_error (error);
  fz_index_result_write_tsv (result, expected);

  corrected = run_cli (index_args);
  plain = run_cli (plain_args);
  g_assert_cmpstr (corrected, ==, expected->str);
  g_assert_cmpstr (corrected, !=, plain);

  /* extract: one figure fewer, and the edit in its columns. */
  extract = run_cli (extract_args);
  {
    g_auto(GStrv) lines = g_strsplit (extract, "\n", -1);
    /* The document's figures are the corrected ones now. */
    FzFigureList *machine = fz_document_get_figures (g_ptr_array_index (documents, 0));

    g_assert_nonnull (machine);
    g_assert_nonnull (strstr (extract, "\tlosses\t"));
    g_assert_cmpuint (g_strv_length (lines), ==, fz_figure_list_get_n (machine) + 2);
    g_assert_nonnull (strstr (lines[3], "\t30\t"));
  }
  g_unlink (ws);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/decisions-cli/index-agrees", test_index_agrees);
  return g_test_run ();
}
