/* test-export-ui.c: the window exports the seed pages as a summary that validates and as a
 * figures table, with the analyst's decisions; a cancelled export leaves the earlier file. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fz-application.h"
#include "fz-summary-check.h"
#include "fz-summary-reader.h"
#include "fz-window.h"
#include "fz-window-private.h"
#include "fz-test-ui.h"

static FzApplication *app;
static char *tmp_dir;

static void
wait_frames (guint n)
{
  for (guint i = 0; i < n * 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_until (gboolean (*done) (FzWindow *),
            FzWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done (window));
}

static gboolean
loaded (FzWindow *window)
{
  return !fz_window_is_busy (window) && fz_workspace_get_pipeline (window->workspace) != NULL;
}

static gboolean
exported (FzWindow *window)
{
  return !window->exporting;
}

/* A window with every seed page open, and the first figure of the first page rejected. */
static FzWindow *
seed_window (FzDocument **rejected_in)
{
  FzWindow *window = fz_window_new (app);
  g_autofree char *corpus = g_build_filename (g_getenv ("FZ_SHARED_DIR"), "corpus", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (corpus);
  g_autoptr(FzDocument) first = NULL;
  g_autoptr(FzFigureList) done = NULL;
  g_autoptr(GError) error = NULL;
  const FzFigure *f;

  gtk_window_present (GTK_WINDOW (window));
  fz_window_open_files (window, &folder, 1);
  wait_until (loaded, window);
  g_assert_cmpuint (g_list_model_get_n_items (fz_workspace_get_documents (window->workspace)),
                    >, 1);
  first = g_list_model_get_item (fz_workspace_get_documents (window->workspace), 0);
  g_assert_cmpuint (fz_figure_list_get_n (fz_document_get_figures (first)), >, 0);
  f = fz_figure_list_get (fz_document_get_figures (first), 0);
  done = fz_decisions_reject (fz_workspace_get_decisions (window->workspace), first,
                              FZ_FIGURE_ID (f->start, f->end), NULL, &error);
  g_assert_no_error (error);
  *rejected_in = g_steal_pointer (&first);
  return window;
}

static void
test_xml (void)
{
  g_autoptr(FzDocument) rejected_in = NULL;
  FzWindow *window = seed_window (&rejected_in);
  g_autofree char *path = g_build_filename (tmp_dir, "summary.xml", NULL);
  g_autofree char *schema = g_build_filename (g_getenv ("FZ_DATA_DIR"), "fanzha-summary.rng",
                                              NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FzSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  const FzSummaryDocument *doc;
  guint n_rejected = 0;

  _fz_window_export_to_file (window, file, FALSE);
  g_assert_true (window->exporting);
  g_assert_true (gtk_revealer_get_reveal_child (window->progress_revealer));
  wait_until (exported, window);
  g_assert_true (fz_summary_check_file (path, schema, &error));
  g_assert_no_error (error);

  summary = fz_summary_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_summary_get_n_documents (summary), ==,
                    g_list_model_get_n_items (fz_workspace_get_documents (window->workspace)));
  /* The analyst's rejection is in the summary, the figure kept and flagged. */
  doc = fz_summary_get_document (summary, 0);
  g_assert_cmpuint (doc->figures->len, ==,
                    fz_figure_list_get_n (fz_document_get_figures (rejected_in)));
  for (guint i = 0; i < doc->figures->len; i++)
    n_rejected += ((FzSummaryFigure *) doc->figures->pdata[i])->status
                  == FZ_SUMMARY_STATUS_REJECTED;
  g_assert_cmpuint (n_rejected, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

static gboolean
has_two_documents (FzWindow *window)
{
  return !fz_window_is_busy (window) && fz_workspace_get_pipeline (window->workspace) != NULL
    && g_list_model_get_n_items (fz_workspace_get_documents (window->workspace)) >= 2;
}

/* The summary written by test_xml, opened in a new window: its documents open and the
 * rejection comes back into the window's decisions. */
static void
test_import (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "summary.xml", NULL);
  g_autoptr(FzSummary) summary = fz_summary_read_file (path, NULL);
  FzWindow *window = fz_window_new (app);
  g_autoptr(GArray) status = NULL;
  g_autoptr(FzFigureList) figures = NULL;
  g_autofree char *first = NULL;
  FzDocument *document;
  guint n_rejected = 0;

  g_assert_nonnull (summary);
  first = g_strdup (fz_summary_get_document (summary, 0)->path);
  gtk_window_present (GTK_WINDOW (window));
  _fz_window_import_summary (window, path);
  wait_until (has_two_documents, window);
  wait_frames (5);
  g_assert_cmpuint (g_list_model_get_n_items (fz_workspace_get_documents (window->workspace)),
                    ==, fz_summary_get_n_documents (summary));
  document = fz_workspace_lookup_document (window->workspace, first);
  g_assert_nonnull (document);
  figures = fz_decisions_apply (fz_workspace_get_decisions (window->workspace), document,
                                &status);
  for (guint i = 0; i < status->len; i++)
    n_rejected += (g_array_index (status, FzFigureStatus, i).flags
                   & FZ_FIGURE_STATUS_REJECTED) != 0;
  g_assert_cmpuint (n_rejected, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

/* The summary without its creation time, the one part that differs between two runs. */
static char *
without_created (const char *path)
{
  g_autofree char *xml = NULL;
  g_autoptr(GRegex) created = g_regex_new (" created=\"[^\"]*\"", 0, 0, NULL);

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  return g_regex_replace_literal (created, xml, -1, 0, "", 0, NULL);
}

/* `fanzha-cli export --workspace` of the window's saved workspace writes what the window
 * exports. */
static void
test_cli_agrees (void)
{
  g_autoptr(FzDocument) rejected_in = NULL;
  FzWindow *window = seed_window (&rejected_in);
  g_autofree char *ws = g_build_filename (tmp_dir, "agree-ws.xml", NULL);
  g_autofree char *app_out = g_build_filename (tmp_dir, "agree-app.xml", NULL);
  g_autofree char *cli_out = g_build_filename (tmp_dir, "agree-cli.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (app_out);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *argv[] = { g_getenv ("FANZHA_CLI"), "export", "--workspace", ws, "-o", cli_out,
                         NULL };
  int status = -1;

  g_assert_true (fz_workspace_save (window->workspace, ws, &error));
  g_assert_no_error (error);
  _fz_window_export_to_file (window, file, FALSE);
  wait_until (exported, window);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  a = without_created (app_out);
  b = without_created (cli_out);
  g_assert_cmpstr (a, ==, b);

  /* The figures table too. */
  {
    g_autofree char *app_csv = g_build_filename (tmp_dir, "agree-app.csv", NULL);
    g_autofree char *cli_csv = g_build_filename (tmp_dir, "agree-cli.csv", NULL);
    g_autoptr(GFile) csv_file = g_file_new_for_path (app_csv);
    const char *csv_argv[] = { g_getenv ("FANZHA_CLI"), "export", "--format", "csv",
                               "--workspace", ws, "-o", cli_csv, NULL };
    g_autofree char *c = NULL;
    g_autofree char *d = NULL;

    _fz_window_export_to_file (window, csv_file, TRUE);
    wait_until (exported, window);
    g_assert_true (g_spawn_sync (NULL, (char **) csv_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_get_contents (app_csv, &c, NULL, NULL));
    g_assert_true (g_file_get_contents (cli_csv, &d, NULL, NULL));
    g_assert_cmpstr (c, ==, d);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

static void
test_csv (void)
{
  g_autoptr(FzDocument) rejected_in = NULL;
  FzWindow *window = seed_window (&rejected_in);
  g_autofree char *path = g_build_filename (tmp_dir, "figures.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *csv = NULL;
  g_autofree char *name = g_file_get_basename (fz_document_get_file (rejected_in));
  GListModel *documents = fz_workspace_get_documents (window->workspace);
  guint rows = 0, expected = 0, first_rows = 0;

  _fz_window_export_to_file (window, file, TRUE);
  wait_until (exported, window);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "doc,start,end,"));
  for (const char *p = csv; (p = strstr (p, "\r\n")) != NULL; p += 2)
    rows++;
  for (const char *p = csv; (p = strstr (p, name)) != NULL; p += strlen (name))
    first_rows++;
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(FzDocument) document = g_list_model_get_item (documents, i);

      expected += fz_figure_list_get_n (fz_document_get_figures (document));
    }
  /* The header, and one row a figure as corrected: the rejected one left out. */
  g_assert_cmpuint (rows, ==, 1 + expected - 1);
  g_assert_cmpuint (first_rows, ==, fz_figure_list_get_n (fz_document_get_figures (rejected_in))
                                    - 1);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

static void
test_cancel (void)
{
  g_autoptr(FzDocument) rejected_in = NULL;
  FzWindow *window = seed_window (&rejected_in);
  g_autofree char *path = g_build_filename (tmp_dir, "earlier.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *after = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (g_file_set_contents (path, "earlier", -1, NULL));
  _fz_window_export_to_file (window, file, FALSE);
  /* The progress bar's Cancel button. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-loading", NULL);
  wait_until (exported, window);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "earlier");
  g_assert_false (gtk_revealer_get_reveal_child (window->progress_revealer));
  /* No temporary file is left beside it. */
  dir = g_dir_open (tmp_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "."));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

static void
test_accelerator (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "win.export");

  g_assert_cmpstr (accels[0], ==, "<Control>e");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!fz_test_ui_init (&argc, &argv))
    return 0;
  tmp_dir = g_dir_make_tmp ("fanzha-export-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  app = fz_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/export-ui/accelerator", test_accelerator);
  g_test_add_func ("/export-ui/xml", test_xml);
  g_test_add_func ("/export-ui/import", test_import);
  g_test_add_func ("/export-ui/csv", test_csv);
  g_test_add_func ("/export-ui/cli-agrees", test_cli_agrees);
  g_test_add_func ("/export-ui/cancel", test_cancel);
  ret = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
    g_autoptr(GFileEnumerator) e = g_file_enumerate_children (dir, "standard::name", 0, NULL,
                                                              NULL);
    GFileInfo *info;

    while (e != NULL && (info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmp_dir, g_file_info_get_name (info), NULL);

        g_unlink (p);
        g_object_unref (info);
      }
    g_rmdir (tmp_dir);
  }
  g_free (tmp_dir);
  return ret;
}
