/* test-workspace-ui.c: the workspace file restored at start and saved after, a damaged one
 * refused and left alone until the analyst decides, a page changed on disk read again. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "fz-application.h"
#include "fz-workspace-file.h"
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

static gboolean
idle (FzWindow *window)
{
  return !fz_window_is_busy (window) && !fz_workspace_get_loading (window->workspace)
    && fz_workspace_get_pipeline (window->workspace) != NULL;
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

static char *
seed_page (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("FZ_SHARED_DIR"), "corpus", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *best = NULL;
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt") && (best == NULL || strcmp (name, best) < 0))
      {
        g_free (best);
        best = g_strdup (name);
      }
  g_assert_nonnull (best);
  return g_canonicalize_filename (best, dir);
}

static AdwMessageDialog *
find_dialog (FzWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w)
          && gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
write_workspace (const char *path,
                 const char *page,
                 const char *note)
{
  g_autoptr(FzWorkspaceState) state = fz_workspace_state_new ();
  g_autoptr(GError) error = NULL;

  fz_workspace_state_add_document (state, page, NULL, NULL);
  fz_decisions_set_document_note (state->decisions, page, note);
  g_assert_true (fz_workspace_file_save (state, path, &error));
  g_assert_no_error (error);
}

static void
test_restore (void)
{
  g_autofree char *path = fz_application_dup_workspace_path ();
  g_autofree char *page = seed_page ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FzWorkspaceState) saved = NULL;
  FzWindow *window;

  /* The helper uses the data folder the test set. */
  g_assert_true (g_str_has_prefix (path, tmp_dir));
  {
    g_autofree char *folder = g_path_get_dirname (path);

    g_mkdir_with_parents (folder, 0700);
  }
  write_workspace (path, page, "seen before");

  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (fz_application_restore_workspace (app, GTK_WINDOW (window), &error));
  g_assert_no_error (error);
  wait_until (idle, window);
  g_assert_nonnull (fz_workspace_lookup_document (window->workspace, page));
  g_assert_cmpstr (fz_decisions_get_document_note (fz_workspace_get_decisions (
    window->workspace), page), ==, "seen before");
  g_assert_cmpstr (fz_workspace_get_autosave_path (window->workspace), ==, path);

  /* What the analyst does next is saved there, at the latest when the window closes. */
  fz_decisions_set_document_note (fz_workspace_get_decisions (window->workspace), page,
                                  "seen again");
  gtk_window_close (GTK_WINDOW (window));
  wait_frames (2);
  saved = fz_workspace_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_decisions_get_document_note (saved->decisions, page), ==, "seen again");
}

/* Save As moves the work to the new file; Open Workspace brings another back in its place. */
static void
test_save_as_and_open (void)
{
  g_autofree char *page = seed_page ();
  g_autofree char *other = g_build_filename (tmp_dir, "other.xml", NULL);
  g_autofree char *moved = g_build_filename (tmp_dir, "moved.xml", NULL);
  g_autofree char *broken = g_build_filename (tmp_dir, "broken.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzWorkspaceState) saved = NULL;
  FzWindow *window = fz_window_new (app);

  write_workspace (other, page, "the other one");
  gtk_window_present (GTK_WINDOW (window));
  fz_window_open_files (window, &file, 1);
  wait_until (idle, window);
  g_assert_true (_fz_window_save_workspace_as (window, moved, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fz_workspace_get_autosave_path (window->workspace), ==, moved);
  fz_decisions_set_document_note (fz_workspace_get_decisions (window->workspace), page,
                                  "after save as");

  /* A damaged file is refused and the current workspace stays. */
  g_assert_true (g_file_set_contents (broken, "not xml", -1, NULL));
  g_assert_false (_fz_window_open_workspace (window, broken, &error));
  g_clear_error (&error);
  g_assert_cmpstr (fz_workspace_get_autosave_path (window->workspace), ==, moved);

  g_assert_true (_fz_window_open_workspace (window, other, &error));
  g_assert_no_error (error);
  wait_until (idle, window);
  g_assert_cmpstr (fz_decisions_get_document_note (fz_workspace_get_decisions (
    window->workspace), page), ==, "the other one");
  g_assert_cmpstr (fz_workspace_get_autosave_path (window->workspace), ==, other);
  /* The work done before was saved to the file it belonged to. */
  saved = fz_workspace_file_load (moved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_decisions_get_document_note (saved->decisions, page), ==, "after save as");
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

static void
test_damaged (void)
{
  g_autofree char *path = fz_application_dup_workspace_path ();
  g_autofree char *backup = fz_workspace_file_backup_path (path);
  g_autofree char *kept = g_strconcat (path, ".damaged", NULL);
  g_autofree char *page = seed_page ();
  g_autoptr(GFile) file = g_file_new_for_path (page);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  FzWindow *window;

  write_workspace (backup, page, "from the backup");
  g_assert_true (g_file_set_contents (path, "<workspace", -1, NULL));

  /* As at start: the workspace is restored before the window is shown. */
  window = fz_window_new (app);
  g_assert_false (fz_application_restore_workspace (app, GTK_WINDOW (window), &error));
  g_assert_nonnull (error);
  gtk_window_present (GTK_WINDOW (window));
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       !gtk_widget_get_mapped (GTK_WIDGET (dialog)) && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_true (adw_message_dialog_has_response (dialog, "backup"));
  g_assert_null (fz_workspace_get_autosave_path (window->workspace));

  /* Work goes on, and the damaged file is not touched. */
  fz_window_open_files (window, &file, 1);
  wait_until (idle, window);
  _fz_window_flush_workspace (window);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "<workspace");

  /* The analyst takes the backup: it opens, and the damaged file is kept aside. */
  adw_message_dialog_response (dialog, "backup");
  wait_until (idle, window);
  g_assert_cmpstr (fz_decisions_get_document_note (fz_workspace_get_decisions (
    window->workspace), page), ==, "from the backup");
  g_assert_cmpstr (fz_workspace_get_autosave_path (window->workspace), ==, path);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

/* A --screenshot run shows only its own files: it neither reads nor writes the workspace. */
static void
test_screenshot_leaves_it (void)
{
  g_autofree char *path = fz_application_dup_workspace_path ();
  g_autofree char *kept = g_strconcat (path, ".damaged", NULL);
  g_autofree char *backup = fz_workspace_file_backup_path (path);
  g_autofree char *shot = g_build_filename (tmp_dir, "shot.png", NULL);
  g_autofree char *page = seed_page ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *argv[] = { g_getenv ("FANZHA_APP"), "--screenshot", shot, page, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (argv[0] == NULL)
    {
      g_test_skip ("FANZHA_APP is not set");
      return;
    }
  g_unlink (kept);
  g_unlink (backup);
  write_workspace (path, page, "not for screenshots");
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_unlink (backup);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));
  /* Not opened (which saves it again, the old one kept as backup), not changed. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
}

static gboolean
reloaded (FzWindow *window)
{
  GListModel *documents = fz_workspace_get_documents (window->workspace);
  g_autoptr(FzDocument) document = g_list_model_get_item (documents, 0);
  const char *text;

  if (!idle (window) || document == NULL)
    return FALSE;
  text = fz_document_get_text (document, NULL);
  return strstr (text, "added on disk") != NULL;
}

static void
test_changed_on_disk (void)
{
  g_autofree char *page = seed_page ();
  g_autofree char *copy = g_build_filename (tmp_dir, "page.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  FzWindow *window = fz_window_new (app);
  gsize len;

  g_assert_true (g_file_get_contents (page, &text, &len, NULL));
  g_assert_true (g_file_set_contents (copy, text, len, NULL));
  gtk_window_present (GTK_WINDOW (window));
  fz_window_open_files (window, &file, 1);
  wait_until (idle, window);
  g_assert_cmpuint (g_list_model_get_n_items (fz_workspace_get_documents (window->workspace)),
                    ==, 1);

  /* The analyst rejects a figure whose words the new version no longer holds. */
  {
    g_autoptr(FzDocument) document =
      g_list_model_get_item (fz_workspace_get_documents (window->workspace), 0);
    const FzFigure *f = fz_figure_list_get (fz_document_get_figures (document), 0);
    g_autofree char *quote = g_utf8_substring (fz_document_get_text (document, NULL),
                                               f->start, f->end);
    g_autoptr(FzFigureList) done =
      fz_decisions_reject (fz_workspace_get_decisions (window->workspace), document,
                           FZ_FIGURE_ID (f->start, f->end), NULL, NULL);
    GString *edited = g_string_new (text);

    g_assert_nonnull (done);
    g_string_replace (edited, quote, "", 0);
    g_string_append (edited, "\nA line added on disk.\n");
    changed = g_string_free (edited, FALSE);
  }
  g_assert_true (g_file_set_contents (copy, changed, -1, NULL));
  wait_until (reloaded, window);
  g_assert_cmpuint (g_list_model_get_n_items (fz_workspace_get_documents (window->workspace)),
                    ==, 1);
  /* The rejection no longer fits: it is listed, not dropped. */
  {
    g_autoptr(FzDocument) document =
      g_list_model_get_item (fz_workspace_get_documents (window->workspace), 0);
    g_autoptr(GPtrArray) lost =
      fz_decisions_dup_unattached (fz_workspace_get_decisions (window->workspace), document);

    g_assert_nonnull (lost);
    g_assert_cmpuint (lost->len, ==, 1);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Before anything asks GLib for the data folder: it is read once. */
  tmp_dir = g_dir_make_tmp ("fanzha-workspace-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  if (!fz_test_ui_init (&argc, &argv))
    return 0;

  app = fz_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/workspace-ui/restore", test_restore);
  g_test_add_func ("/workspace-ui/save-as-and-open", test_save_as_and_open);
  g_test_add_func ("/workspace-ui/damaged", test_damaged);
  g_test_add_func ("/workspace-ui/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/workspace-ui/screenshot-leaves-it", test_screenshot_leaves_it);
  ret = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", tmp_dir);
  }
  g_free (tmp_dir);
  return ret;
}
