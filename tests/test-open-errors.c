/* test-open-errors.c: files that cannot be opened are named in a toast whose Details lists
 * each reason. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fz-application.h"
#include "fz-window.h"
#include "fz-test-ui.h"

static FzApplication *app;

static void
wait_frames (guint n)
{
  for (guint i = 0; i < n * 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_not_busy (FzWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (fz_window_is_busy (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (fz_window_is_busy (window));
  wait_frames (5);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
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

/* A folder with one page and one file that is not text. */
static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fanzha-open-errors-XXXXXX", &error);
  g_autofree char *good = NULL, *bad = NULL;
  const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1";

  g_assert_no_error (error);
  good = g_build_filename (dir, "page.txt", NULL);
  bad = g_build_filename (dir, "broken.txt", NULL);
  g_assert_true (g_file_set_contents (good, "今年以来，全市共破获电信网络诈骗案件1200起。\n", -1,
                                      NULL));
  g_assert_true (g_file_set_contents (bad, binary, sizeof binary - 1, NULL));
  return dir;
}

static void
remove_folder (const char *dir)
{
  g_autofree char *good = g_build_filename (dir, "page.txt", NULL);
  g_autofree char *bad = g_build_filename (dir, "broken.txt", NULL);

  g_unlink (good);
  g_unlink (bad);
  g_rmdir (dir);
}

static void
test_error_toast (void)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  FzWindow *window = fz_window_new (app);
  AdwMessageDialog *dialog;
  GtkWidget *details;

  gtk_window_present (GTK_WINDOW (window));
  fz_window_open_files (window, &folder, 1);
  wait_not_busy (window);
  /* The toast names the file and says what happened; the good page was opened. */
  g_assert_nonnull (find_label (GTK_WIDGET (window), "“broken.txt” could not be opened"));
  g_assert_null (find_label (GTK_WIDGET (window), "No file could be opened"));
  g_assert_null (find_dialog (window));
  details = find_button (GTK_WIDGET (window), "_Details");
  g_assert_nonnull (details);
  g_signal_emit_by_name (details, "clicked");
  wait_frames (5);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "1 file could not be opened");
  /* The reason in full, with the path, inside a scrolled list. */
  g_assert_nonnull (find_label (adw_message_dialog_get_extra_child (dialog), "broken.txt: "));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
  remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!fz_test_ui_init (&argc, &argv))
    return 0;

  app = fz_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/open-errors/toast", test_error_toast);
  ret = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return ret;
}
