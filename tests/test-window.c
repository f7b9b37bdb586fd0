/* test-window.c: the main window opens with its three panes and main actions, and closes
 * cleanly. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fz-application.h"
#include "fz-document.h"
#include "fz-chart-pane.h"
#include "fz-chart-pane-private.h"
#include "fz-document-list.h"
#include "fz-reader-view.h"
#include "fz-window.h"
#include "fz-window-private.h"
#include "fz-test-ui.h"

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
  GtkWidget *reader_stack, *chart_stack;
  FzDocumentList *list;

  gtk_window_present (GTK_WINDOW (window));
  wait_frames (5);

  list = FZ_DOCUMENT_LIST (child (window, "document_list"));
  reader_stack = child (window, "reader_stack");
  chart_stack = child (window, "chart_stack");
  /* Each pane starts on its empty state, a status page. */
  g_assert_cmpstr (fz_document_list_get_page (list), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (reader_stack)), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (chart_stack)), ==, "empty");
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (reader_stack))));
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (chart_stack))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_true (gtk_widget_get_mapped (reader_stack));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

static void
test_actions (void)
{
  static const char *window_actions[] = {
    "win.open", "win.open-folder", "win.remove-document", "win.search", "win.toggle-sidebar",
    "win.show-view",
    "win.cancel-loading", "win.close", "win.set-date",
  };
  FzWindow *window = fz_window_new (app);
  GtkWidget *sidebar;
  gboolean shown;
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

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (3);
  sidebar = child (window, "sidebar");
  shown = gtk_widget_get_visible (sidebar);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_cmpint (gtk_widget_get_visible (sidebar), !=, shown);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_cmpint (gtk_widget_get_visible (sidebar), ==, shown);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "compare");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (
    child (window, "view_stack"))), ==, "compare");

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
  FzDocumentList *list;
  GListModel *rows;
  gint64 deadline;
  guint n_files = 0;
  g_autoptr(GDir) dir = g_dir_open (corpus, 0, NULL);

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n_files++;

  gtk_window_present (GTK_WINDOW (window));
  /* Opened from the charts, the pages load and are analysed while the charts stay shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "compare");
  fz_window_open_files (window, &folder, 1);
  /* Loading runs on worker threads: the window stays responsive and says it is busy. */
  g_assert_true (fz_window_is_busy (window));
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (fz_window_is_busy (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (fz_window_is_busy (window));
  wait_frames (5);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (
    child (window, "view_stack"))), ==, "compare");

  list = FZ_DOCUMENT_LIST (child (window, "document_list"));
  g_assert_cmpstr (fz_document_list_get_page (list), ==, "list");
  /* A filter that matches nothing says so, and clearing it brings the list back. */
  fz_document_list_set_filter_text (list, "no page is called this");
  g_assert_cmpstr (fz_document_list_get_page (list), ==, "no-results");
  fz_document_list_set_filter_text (list, "");
  g_assert_cmpstr (fz_document_list_get_page (list), ==, "list");
  rows = fz_document_list_get_rows (list);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_files);
  /* The first page was selected, so the reader shows it. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "reader_stack"))),
                   ==, "reader");

  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

/* A folder in /tmp made from @template, of @n_pages short pages each with two figures. */
static GFile *
write_folder (const char *template,
              guint       n_pages)
{
  g_autofree char *dir = g_dir_make_tmp (template, NULL);

  g_assert_nonnull (dir);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%03u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = g_strdup_printf ("本报讯 今年以来，全市共破获电信网络诈骗案件%u起，"
                                               "挽回损失%u万元。\n", i + 1, 10 * (i + 1));

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }
  return g_file_new_for_path (dir);
}

static void
remove_folder (GFile *folder,
               guint  n_pages)
{
  g_autofree char *dir = g_file_get_path (folder);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%03u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* While a folder loads, the bar counts the files, and the first page, shown in stages, ends
 * with its text, every figure highlighted and the whole figure list. */
static void
test_load_progress (void)
{
  enum { N_PAGES = 160 };
  FzWindow *window = fz_window_new (app);
  g_autoptr(GFile) folder = write_folder ("fanzha-progress-XXXXXX", N_PAGES);
  FzReaderView *reader;
  GtkTextBuffer *buffer;
  gboolean counted = FALSE;
  guint n_items;
  gint64 deadline;

  gtk_window_present (GTK_WINDOW (window));
  wait_frames (3);
  reader = FZ_READER_VIEW (window->reader);
  fz_window_open_files (window, &folder, 1);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while ((fz_window_is_busy (window) || fz_reader_view_is_busy (reader)) &&
         g_get_monotonic_time () < deadline)
    {
      const char *text;

      g_main_context_iteration (NULL, TRUE);
      /* Read after the iteration, which may set a new text and free this one. */
      text = gtk_progress_bar_get_text (window->progress_bar);
      counted |= text != NULL && g_str_has_prefix (text, "Loaded ");
    }
  g_assert_false (fz_window_is_busy (window));
  g_assert_false (fz_reader_view_is_busy (reader));
  g_assert_true (counted);

  g_assert_nonnull (fz_reader_view_get_document (reader));
  buffer = gtk_text_view_get_buffer (fz_reader_view_get_text_view (reader));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, 0);
  n_items = g_list_model_get_n_items (fz_figure_table_get_model (
                                        fz_reader_view_get_figure_table (reader)));
  g_assert_cmpuint (n_items, >, 0);
  g_assert_cmpuint (fz_reader_view_get_n_highlighted (reader), ==, n_items);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
  remove_folder (folder, N_PAGES);
}

/* A large folder's pages reach the list a screenful a frame; a filter set meanwhile reads
 * them all at once, so that a page not shown yet is still found. */
static void
test_reveal (void)
{
  enum { N_PAGES = 160 };
  FzWindow *window = fz_window_new (app);
  g_autoptr(GFile) folder = write_folder ("fanzha-reveal-XXXXXX", N_PAGES);
  FzDocumentList *list;
  GListModel *documents;
  gboolean saw_revealing = FALSE, filtered = FALSE;
  gint64 deadline;

  gtk_window_present (GTK_WINDOW (window));
  wait_frames (3);
  list = FZ_DOCUMENT_LIST (child (window, "document_list"));
  documents = fz_workspace_get_documents (window->workspace);
  fz_window_open_files (window, &folder, 1);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while ((fz_window_is_busy (window) || fz_document_list_get_revealing (list)) &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      if (!fz_document_list_get_revealing (list) || filtered)
        continue;
      saw_revealing = TRUE;
      /* The last page listed so far is past what the view has been given. */
      {
        g_autoptr(FzDocument) last =
          g_list_model_get_item (documents, g_list_model_get_n_items (documents) - 1);

        fz_document_list_set_filter_text (list, fz_document_get_name (last));
        g_assert_false (fz_document_list_get_revealing (list));
        g_assert_cmpstr (fz_document_list_get_page (list), ==, "list");
        fz_document_list_set_filter_text (list, "");
        filtered = TRUE;
      }
    }
  g_assert_false (fz_window_is_busy (window));
  g_assert_true (saw_revealing);
  g_assert_false (fz_document_list_get_revealing (list));
  g_assert_cmpuint (g_list_model_get_n_items (fz_document_list_get_rows (list)), ==, N_PAGES);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
  remove_folder (folder, N_PAGES);
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

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_INSCRIPTION (widget)
      && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

static AdwMessageDialog *
find_dialog (FzWindow *window)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w)
          && gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* The period of the page's one figure. */
static const char *
first_period (FzDocument *document)
{
  FzFigureList *figures = fz_document_get_figures (document);

  g_assert_nonnull (figures);
  g_assert_cmpuint (fz_figure_list_get_n (figures), >=, 1);
  return fz_figure_list_str (figures, fz_figure_list_get (figures, 0)->period);
}

/* Setting a page's publication date: the dialog refuses what is not a date, and the date
 * then shows in the list and resolves 今年 in the periods of its figures. */
static void
test_set_date (void)
{
  FzWindow *window = fz_window_new (app);
  g_autofree char *dir = g_dir_make_tmp ("fanzha-date-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "page.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  /* 今年以来，全市共破获电信网络诈骗案件120起。 (written for this test) */
  const char *page = "\xe4\xbb\x8a\xe5\xb9\xb4\xe4\xbb\xa5\xe6\x9d\xa5\xef\xbc\x8c"
                     "\xe5\x85\xa8\xe5\xb8\x82\xe5\x85\xb1\xe7\xa0\xb4\xe8\x8e\xb7"
                     "\xe7\x94\xb5\xe4\xbf\xa1\xe7\xbd\x91\xe7\xbb\x9c\xe8\xaf\x88"
                     "\xe9\xaa\x97\xe6\xa1\x88\xe4\xbb\xb6" "120" "\xe8\xb5\xb7\xe3\x80\x82\n";
  GListModel *rows;
  GtkTreeListRow *row;
  FzDocument *document;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (path, page, -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  fz_window_open_files (window, &file, 1);
  wait_not_busy (window);
  rows = fz_document_list_get_rows (FZ_DOCUMENT_LIST (child (window, "document_list")));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  row = g_list_model_get_item (rows, 0);
  document = FZ_DOCUMENT (gtk_tree_list_row_get_item (row));
  g_object_unref (row);
  g_assert_null (fz_document_get_date (document));
  g_assert_cmpstr (first_period (document), ==, "Y-01/");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-date", NULL);
  wait_frames (2);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "set"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "2022-13-45");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "set"));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "2022\xe5\xb9\xb4" "4" "\xe6\x9c\x88" "25"
                         "\xe6\x97\xa5");   /* 2022年4月25日 */
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "set"));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  adw_message_dialog_response (dialog, "set");
  /* The page is read again on a worker thread; the list and reader follow when it is done. */
  while (fz_document_get_date (document) == NULL)
    g_main_context_iteration (NULL, TRUE);
  wait_frames (5);

  g_assert_cmpstr (fz_document_get_date (document), ==, "2022-04-25");
  g_assert_cmpstr (first_period (document), ==, "2022-01/");
  g_assert_true (shows_text (child (window, "document_list"), "2022-04-25"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "reader_stack"))),
                   ==, "reader");

  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}


/* A window closed while a folder loads: the load ends on its own and nothing it reports
 * reaches the window that is gone (a critical here fails the test). */
static void
test_close_while_loading (void)
{
  FzWindow *window = fz_window_new (app);
  g_autofree char *dir = g_dir_make_tmp ("fanzha-close-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  GWeakRef weak;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/page-%u.txt", dir, i);

      g_assert_true (g_file_set_contents (path, "\xe7\xa0\xb4\xe8\x8e\xb7\xe6\xa1\x88"
                                          "\xe4\xbb\xb6" "12" "\xe8\xb5\xb7\n", -1, NULL));
    }
  g_weak_ref_init (&weak, window);
  gtk_window_present (GTK_WINDOW (window));
  fz_window_open_files (window, &folder, 1);
  wait_frames (1);
  gtk_window_destroy (GTK_WINDOW (window));
  /* Until the last reference, held by the load, is gone. */
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GObject) still = g_weak_ref_get (&weak);

      if (still == NULL)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/page-%u.txt", dir, i);

      g_unlink (path);
    }
  g_rmdir (dir);
}


/* From a phone to a full screen: at every width nothing asks for more room than there is,
 * and the document list, the text, the figure list and the charts can each be reached. */
static void
check_width (int width)
{
  FzWindow *window = fz_window_new (app);
  g_autofree char *corpus = g_build_filename (g_getenv ("FZ_SHARED_DIR"), "corpus", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (corpus);
  GtkWidget *content = child (window, "toast_overlay");
  GtkWidget *reader, *figures_button, *table;
  int min = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  gtk_window_present (GTK_WINDOW (window));
  fz_window_open_files (window, &folder, 1);
  wait_not_busy (window);
  wait_frames (10);
  /* The window's content, without the shadow client-side decorations draw around it. */
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("width %d: minimum %d, allocated %d", width, min, gtk_widget_get_width (content));
  g_assert_cmpint (min, <=, width);
  g_assert_cmpint (gtk_widget_get_width (content), <=, width);
  g_assert_cmpint (adw_leaflet_get_folded (ADW_LEAFLET (child (window, "leaflet"))), ==,
                   width < 720);

  reader = gtk_stack_get_child_by_name (GTK_STACK (child (window, "reader_stack")), "reader");
  table = GTK_WIDGET (gtk_widget_get_template_child (reader, FZ_TYPE_READER_VIEW,
                                                     "figure_table"));
  figures_button = GTK_WIDGET (gtk_widget_get_template_child (reader, FZ_TYPE_READER_VIEW,
                                                              "figures_button"));
  /* The list, then the page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  wait_frames (5);
  g_assert_true (gtk_widget_get_mapped (child (window, "document_list")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "read");
  wait_frames (5);
  g_assert_true (gtk_widget_get_mapped (reader));

  /* The figure list, beside the text or as a view of its own. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (figures_button), TRUE);
  wait_frames (5);
  /* Folding or unfolding may still be under way. */
  for (guint i = 0; i < 300 && !gtk_widget_get_mapped (table); i++)
    {
      wait_frames (1);
      g_usleep (10000);
    }
  g_assert_true (gtk_widget_get_mapped (table));
  /* Narrow, the list replaces the text. */
  if (gtk_widget_get_width (reader) < 600)
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (gtk_widget_get_template_child (
      reader, FZ_TYPE_READER_VIEW, "text_box"))));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (figures_button), FALSE);
  wait_frames (5);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_widget_get_template_child (
    reader, FZ_TYPE_READER_VIEW, "text_view"))));

  /* The charts. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "compare");
  wait_frames (5);
  g_assert_true (gtk_widget_get_mapped (child (window, "chart_stack")));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

static void
test_widths (void)
{
  /* A phone, half of a 1366-pixel screen, all of it. */
  check_width (360);
  check_width (683);
  check_width (1366);
}


/* From a bar of the chart to its sentence: the click opens the page in the reader with the
 * figure the value came from selected. */
static void
test_chart_to_sentence (void)
{
  FzWindow *window = fz_window_new (app);
  g_autofree char *corpus = g_build_filename (g_getenv ("FZ_SHARED_DIR"), "corpus", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (corpus);
  GtkWidget *chart_stack = child (window, "chart_stack");
  FzChartPane *pane;
  FzChartModel *model;
  FzChartFrame *frame;
  GtkWidget *reader;
  GtkTextBuffer *buffer;
  gboolean clicked = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  fz_window_open_files (window, &folder, 1);
  wait_not_busy (window);
  /* The index is computed off the main thread; the pane follows it. */
  for (guint i = 0; i < 1000 && g_strcmp0 (gtk_stack_get_visible_child_name (
                                              GTK_STACK (chart_stack)), "chart") != 0; i++)
    {
      wait_frames (1);
      g_usleep (10000);
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (chart_stack)), ==, "chart");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "compare");
  /* The pane sits in a scrolled window's viewport. */
  pane = FZ_CHART_PANE (gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (
    GTK_SCROLLED_WINDOW (gtk_stack_get_child_by_name (GTK_STACK (chart_stack), "chart"))))));
  fz_chart_pane_set_chart (pane, FZ_CHART_BAR, "cases_solved");
  /* Laid out when drawn. */
  for (guint i = 0; i < 500 && _fz_chart_pane_get_frame (pane) == NULL; i++)
    {
      wait_frames (1);
      g_usleep (10000);
    }
  model = fz_chart_pane_get_model (pane);
  frame = _fz_chart_pane_get_frame (pane);
  g_assert_nonnull (frame);
  reader = gtk_stack_get_child_by_name (GTK_STACK (child (window, "reader_stack")), "reader");
  buffer = gtk_text_view_get_buffer (fz_reader_view_get_text_view (FZ_READER_VIEW (reader)));
  for (guint c = 0; c < fz_chart_model_get_n_categories (model) && !clicked; c++)
    {
      const FzChartValue *v = fz_chart_model_get_value (model, 0, c);
      const FzChartSource *source;
      FzChartRect r;
      GtkTextIter start, end;
      g_autofree char *selected = NULL;

      if (v->missing || v->sources->len != 1)
        continue;
      source = v->sources->pdata[0];
      g_assert_true (fz_chart_frame_get_mark (frame, 0, c, &r));
      g_assert_true (fz_chart_pane_activate_at (pane, r.x + r.width / 2, r.y + r.height / 2));
      for (guint i = 0; i < 500 && !gtk_text_buffer_get_has_selection (buffer); i++)
        {
          wait_frames (1);
          g_usleep (10000);
        }
      /* The reader shows the figure's own page, the figure selected, on the Read view. */
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (
        child (window, "view_stack"))), ==, "read");
      g_assert_cmpstr (g_file_peek_path (fz_document_get_file (
        fz_reader_view_get_document (FZ_READER_VIEW (reader)))), ==, source->path);
      g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
      selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_test_message ("clicked %s, selected %s", source->text, selected);
      g_assert_cmpstr (selected, ==, source->text);
      clicked = TRUE;
    }
  g_assert_true (clicked);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

/* Adds to @unnamed each button showing only an icon that has no accessible label. */
static void
find_unnamed (GtkWidget *widget,
              GString   *unnamed)
{
  const char *icon = NULL, *label = NULL;

  /* The title bar's controls and a search bar's close button are GTK's own. */
  if (GTK_IS_WINDOW_CONTROLS (widget) ||
      (GTK_IS_CENTER_BOX (gtk_widget_get_parent (widget)) &&
       gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_BAR) != NULL))
    return;
  if (GTK_IS_BUTTON (widget))
    {
      icon = gtk_button_get_icon_name (GTK_BUTTON (widget));
      label = gtk_button_get_label (GTK_BUTTON (widget));
    }
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      icon = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));
      label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
    }
  if (icon != NULL && label == NULL &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_string_append_printf (unnamed, " %s(%s in %s)", G_OBJECT_TYPE_NAME (widget), icon,
                            G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    find_unnamed (c, unnamed);
}

/* A screen reader says what each icon button does, not "button". */
static void
test_icon_buttons_named (void)
{
  FzWindow *window = fz_window_new (app);
  g_autoptr(GString) unnamed = g_string_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  wait_frames (5);
  find_unnamed (GTK_WIDGET (window), unnamed);
  g_assert_cmpstr (unnamed->str, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (2);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Accessible properties are kept only with the test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!fz_test_ui_init (&argc, &argv))
    return 0;

  app = fz_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  /* Registering runs startup, which installs the accelerators. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/window/panes", test_panes);
  g_test_add_func ("/window/actions", test_actions);
  g_test_add_func ("/window/open-folder", test_open_folder);
  g_test_add_func ("/window/set-date", test_set_date);
  g_test_add_func ("/window/close-while-loading", test_close_while_loading);
  g_test_add_func ("/window/reveal", test_reveal);
  g_test_add_func ("/window/load-progress", test_load_progress);
  g_test_add_func ("/window/widths", test_widths);
  g_test_add_func ("/window/chart-to-sentence", test_chart_to_sentence);
  g_test_add_func ("/window/icon-buttons-named", test_icon_buttons_named);
  ret = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return ret;
}
