/* test-window.c: the main window opens with its three panes and main actions, and closes cleanly. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "fz-application.h"
#include "fz-window.h"

static FzApplication *app;

static GtkWidget *
child (FzWindow   *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), FZ_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
wait_frames (guint n)
{
  for (guint i = 0; i < n * 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_panes (void)
{
  FzWindow *window = fz_window_new (app);
  GtkWidget *sidebar_stack, *reader_stack, *chart_stack;

  gtk_window_present (GTK_WINDOW (window));
  wait_frames (5);

  sidebar_stack = child (window, "sidebar_stack");
  reader_stack = child (window, "reader_stack");
  chart_stack = child (window, "chart_stack");
  /* Each pane starts on its empty state, a status page. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (sidebar_stack)), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (reader_stack)), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (chart_stack)), ==, "empty");
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (sidebar_stack))));
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (reader_stack))));
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (chart_stack))));
  g_assert_true (gtk_widget_get_mapped (sidebar_stack));
  g_assert_true (gtk_widget_get_mapped (reader_stack));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

static void
test_actions (void)
{
  static const char *window_actions[] = {
    "win.open", "win.open-folder", "win.remove-document", "win.search", "win.toggle-chart",
    "win.cancel-loading", "win.close",
  };
  FzWindow *window = fz_window_new (app);
  GtkWidget *flap;
  gboolean revealed;
  g_auto(GStrv) accels = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    {
      gboolean found = FALSE;
      const char *name, *property;
      GType owner;
      const GVariantType *param;

      /* GTK 4.8 writes every out-argument, so none may be NULL. */
      for (guint j = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), j, &owner,
                                                       &name, &param, &property); j++)
        found |= g_strcmp0 (name, window_actions[i]) == 0;
      g_assert_true (found);
    }
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "about"));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "quit"));

  flap = child (window, "flap");
  revealed = adw_flap_get_reveal_flap (ADW_FLAP (flap));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-chart", NULL);
  g_assert_cmpint (adw_flap_get_reveal_flap (ADW_FLAP (flap)), !=, revealed);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.open");
  g_assert_cmpstr (accels[0], ==, "<Control>o");
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

static void
test_open_folder (void)
{
  FzWindow *window = fz_window_new (app);
  g_autofree char *corpus = g_build_filename (g_getenv ("FZ_SHARED_DIR"), "corpus", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (corpus);
  GtkWidget *sidebar_stack;
  GListModel *rows;
  gint64 deadline;
  guint n_files = 0;
  g_autoptr(GDir) dir = g_dir_open (corpus, 0, NULL);

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n_files++;

  gtk_window_present (GTK_WINDOW (window));
  fz_window_open_files (window, &folder, 1);
  /* Loading runs on worker threads: the window stays responsive and says it is busy. */
  g_assert_true (fz_window_is_busy (window));
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (fz_window_is_busy (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (fz_window_is_busy (window));
  wait_frames (5);

  sidebar_stack = child (window, "sidebar_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (sidebar_stack)), ==, "list");
  rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (
    gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child (window, "document_scroller"))))));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_files);
  /* The first page was selected, so the reader shows it. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "reader_stack"))),
                   ==, "reader");

  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* No display: a TAP skip, not a failure; CI runs the ui suite under Xvfb. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  /* Mesa wants its shader cache folder to exist. */
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = fz_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  /* Registering runs startup, which installs the accelerators. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/window/panes", test_panes);
  g_test_add_func ("/window/actions", test_actions);
  g_test_add_func ("/window/open-folder", test_open_folder);
  ret = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return ret;
}
