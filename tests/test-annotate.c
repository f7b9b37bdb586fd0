/* test-annotate.c: corrections in the reader on the largest seed page: mark, edit, reject, note,
 * undo and redo, review mode, accept all; then the workspace saved and opened again. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "fz-figure-editor.h"
#include "fz-pipeline.h"
#include "fz-reader-view.h"
#include "fz-screenshot.h"
#include "fz-test-ui.h"
#include "fz-workspace.h"

#define BUSY_TIMEOUT_US (20 * G_USEC_PER_SEC)

static FzPipeline *pipeline;
static FzDocument *document;
static FzWorkspace *workspace;
static GtkWidget *window;
static FzReaderView *view;

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_not_busy (void)
{
  gint64 deadline = g_get_monotonic_time () + BUSY_TIMEOUT_US;

  while (fz_reader_view_is_busy (view))
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  iterate (10);
}

static FzDecisions *
decisions (void)
{
  return fz_workspace_get_decisions (workspace);
}

static GtkTextBuffer *
buffer (void)
{
  return gtk_text_view_get_buffer (fz_reader_view_get_text_view (view));
}

static GListModel *
shown (void)
{
  return fz_figure_table_get_model (fz_reader_view_get_figure_table (view));
}

static void
activate (const char *name)
{
  GActionGroup *actions = fz_reader_view_get_actions (view);

  g_assert_true (g_action_group_get_action_enabled (actions, name));
  g_action_group_activate_action (actions, name, NULL);
  iterate (5);
}

/* The item the list holds for the figure starting at @start (document code points). */
static FzFigureItem *
item_for (guint start)
{
  GListModel *model = shown ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FzFigureItem) item = g_list_model_get_item (model, i);

      if (fz_figure_item_get_figure (item)->start == start)
        return item;
    }
  return NULL;
}

static gboolean
has_tag (FzFigureItem *item,
         const char   *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer ()), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer (), &iter, fz_figure_item_get_view_start (item));
  return gtk_text_iter_has_tag (&iter, tag);
}

/* The flags the decisions give the figure starting at @start, or G_MAXUINT32 when none. */
static guint32
decided_flags (FzDecisions *d,
               guint        start)
{
  g_autoptr(GArray) status = NULL;
  g_autoptr(FzFigureList) list = fz_decisions_apply (d, document, &status);

  for (guint i = 0; i < fz_figure_list_get_n (list); i++)
    if (fz_figure_list_get (list, i)->start == start)
      return g_array_index (status, FzFigureStatus, i).flags;
  return G_MAXUINT32;
}

static void
put_cursor_on (FzFigureItem *item)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer (), &iter, fz_figure_item_get_view_start (item));
  gtk_text_buffer_place_cursor (buffer (), &iter);
  iterate (2);
}

/* The n-th machine figure the list shows that nobody decided on yet. */
static FzFigureItem *
untouched_figure (guint n)
{
  GListModel *model = shown ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FzFigureItem) item = g_list_model_get_item (model, i);

      if (fz_figure_item_get_flags (item) == 0 && n-- == 0)
        return item;
    }
  g_assert_not_reached ();
}

static void shoot (const char *name);

/* Marking */

static guint marked_start;

/* A run of digits no figure covers, which the numeral parser reads: found by trying each on
 * scratch decisions. */
static gboolean
find_unmarked_number (guint *start,
                      guint *end)
{
  gsize len;
  const char *text = fz_document_get_text (document, &len);
  FzFigureList *figures = fz_document_get_figures (document);
  g_autoptr(FzDecisions) scratch = fz_decisions_new ();
  guint cp = 0;

  for (const char *p = text; p < text + len; cp++, p = g_utf8_next_char (p))
    {
      guint run = 0;
      gboolean covered = FALSE;
      g_autoptr(FzFigureList) added = NULL;

      while (g_ascii_isdigit (p[run]))
        run++;
      if (run == 0 || (p > text && g_ascii_isdigit (p[-1])))
        continue;
      for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
        {
          const FzFigure *f = fz_figure_list_get (figures, i);
          covered |= f->start < cp + run && cp < f->end;
        }
      if (covered)
        continue;
      added = fz_decisions_add_figure (scratch, document, cp, cp + run, NULL, NULL);
      if (added != NULL)
        {
          *start = cp;
          *end = cp + run;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_mark (void)
{
  FzLayout *layout = fz_document_get_layout (document);
  guint start = 0, end = 0;
  GtkTextIter s, e;
  g_autofree char *selected = NULL;
  FzFigureItem *item;

  g_assert_true (find_unmarked_number (&start, &end));
  g_assert_null (item_for (start));
  gtk_text_buffer_get_iter_at_offset (buffer (), &s, fz_layout_to_repaired (layout, start));
  gtk_text_buffer_get_iter_at_offset (buffer (), &e, fz_layout_to_repaired (layout, end - 1) + 1);
  selected = gtk_text_iter_get_text (&s, &e);
  g_assert_true (g_ascii_isdigit (selected[0]));
  gtk_text_buffer_select_range (buffer (), &s, &e);
  activate ("mark-figure");

  g_assert_cmpuint (decided_flags (decisions (), start), ==, FZ_FIGURE_STATUS_ADDED);
  item = item_for (start);
  g_assert_nonnull (item);
  g_assert_cmpuint (fz_figure_item_get_flags (item), ==, FZ_FIGURE_STATUS_ADDED);
  g_assert_true (has_tag (item, "figure-added"));
  g_assert_cmpuint (fz_figure_item_get_figure (item)->end, ==, end);
  marked_start = start;
}

/* Editing, through the dialog */

static guint edited_start;

static void
test_edit (void)
{
  FzFigureItem *item = untouched_figure (0);
  FzFigureEditor *editor;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) status = NULL;
  g_autoptr(FzFigureList) list = NULL;
  g_autofree char *tooltip = NULL;

  edited_start = fz_figure_item_get_figure (item)->start;
  editor = fz_figure_editor_new (GTK_WINDOW (window), decisions (), document, item);
  fz_figure_editor_set_text (editor, FZ_FIGURE_FIELD_UNIT, "测试单位");
  fz_figure_editor_set_text (editor, FZ_FIGURE_FIELD_REGION, "测试省");
  fz_figure_editor_set_text (editor, FZ_FIGURE_FIELD_QUALIFIER, "about");
  g_assert_true (fz_figure_editor_apply (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate (5);

  g_assert_true (decided_flags (decisions (), edited_start) & FZ_FIGURE_STATUS_EDITED);
  item = item_for (edited_start);
  g_assert_true (fz_figure_item_get_flags (item) & FZ_FIGURE_STATUS_EDITED);
  g_assert_true (has_tag (item, "figure-edited"));
  tooltip = fz_figure_item_dup_tooltip (item);
  g_assert_nonnull (strstr (tooltip, "测试省"));
  g_assert_cmpstr (fz_figure_list_str (fz_figure_item_get_list (item),
                                       fz_figure_item_get_figure (item)->unit), ==, "测试单位");

  /* A value that is not one is refused with a message, and nothing else changes. */
  editor = fz_figure_editor_new (GTK_WINDOW (window), decisions (), document, item);
  fz_figure_editor_set_text (editor, FZ_FIGURE_FIELD_PERIOD, "not a period");
  g_assert_false (fz_figure_editor_apply (editor, &error));
  g_assert_nonnull (error);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Rejecting, restoring, undo and redo */

static void
test_reject_undo (void)
{
  FzFigureItem *item = untouched_figure (0);
  guint start = fz_figure_item_get_figure (item)->start;
  gint64 before;

  put_cursor_on (item);
  before = g_get_monotonic_time ();
  activate ("reject-figure");
  g_test_message ("a rejection reached the text and the list in %.1f ms",
                  (g_get_monotonic_time () - before) / 1000.0);
  g_assert_true (decided_flags (decisions (), start) & FZ_FIGURE_STATUS_REJECTED);
  item = item_for (start);
  g_assert_true (fz_figure_item_get_flags (item) & FZ_FIGURE_STATUS_REJECTED);
  g_assert_true (has_tag (item, "figure-rejected"));

  activate ("undo");
  g_assert_false (decided_flags (decisions (), start) & FZ_FIGURE_STATUS_REJECTED);
  g_assert_false (fz_figure_item_get_flags (item_for (start)) & FZ_FIGURE_STATUS_REJECTED);
  g_assert_false (has_tag (item_for (start), "figure-rejected"));
  activate ("redo");
  g_assert_true (fz_figure_item_get_flags (item_for (start)) & FZ_FIGURE_STATUS_REJECTED);
  g_assert_true (has_tag (item_for (start), "figure-rejected"));

  put_cursor_on (item_for (start));
  activate ("restore-figure");
  g_assert_false (decided_flags (decisions (), start) & FZ_FIGURE_STATUS_REJECTED);
  g_assert_false (has_tag (item_for (start), "figure-rejected"));

  /* Two undos go back past the restore to the rejection; a redo restores it again. */
  put_cursor_on (item_for (start));
  activate ("reject-figure");
  activate ("undo");
  activate ("undo");
  activate ("redo");
  g_assert_false (decided_flags (decisions (), start) & FZ_FIGURE_STATUS_REJECTED);
}

/* Notes, through the dialog */

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && !FZ_IS_FIGURE_EDITOR (w))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
answer_note (const char *note)
{
  AdwMessageDialog *dialog = find_dialog ();

  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), note);
  /* A response given from code does not close the dialog, as a click does. */
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (10);
  g_assert_null (find_dialog ());
}

static void
test_note (void)
{
  FzFigureItem *item = item_for (edited_start);
  g_autofree char *key = fz_decisions_document_key (document);

  put_cursor_on (item);
  activate ("note-figure");
  answer_note ("核对原文");
  g_assert_cmpstr (fz_decisions_get_figure_note (decisions (), document,
                                                 fz_figure_item_get_id (item)), ==, "核对原文");
  g_assert_true (fz_figure_item_get_flags (item_for (edited_start)) & FZ_FIGURE_STATUS_NOTE);

  activate ("note-document");
  answer_note ("whole page checked");
  g_assert_cmpstr (fz_decisions_get_document_note (decisions (), key), ==, "whole page checked");

  /* The added and the edited figure in the picture. */
  {
    GtkTextIter iter;
    GtkTextMark *mark;

    gtk_text_buffer_get_iter_at_offset (buffer (), &iter,
                                        fz_figure_item_get_view_start (item_for (marked_start)));
    /* A mark, not an iter: the view scrolls once the lines on the way are laid out. */
    mark = gtk_text_buffer_create_mark (buffer (), NULL, &iter, TRUE);
    gtk_text_view_scroll_to_mark (fz_reader_view_get_text_view (view), mark, 0, TRUE, 0, 0.3);
    iterate (40);
    shoot ("corrections");
    gtk_text_buffer_delete_mark (buffer (), mark);
  }

  if (fz_document_get_articles (document) != NULL
      && fz_document_get_articles (document)->len > 0)
    {
      activate ("note-article");
      if (find_dialog () != NULL)
        answer_note ("article note");
    }
}

/* Review mode */

/* Runs what the key @trigger ("a", "Delete") does in the text in review mode, as a key press
 * there would: through the text view's shortcuts. */
static gboolean
try_press (const char *trigger)
{
  GtkWidget *text = GTK_WIDGET (fz_reader_view_get_text_view (view));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (text);
  gboolean found = FALSE, done = FALSE;

  for (guint i = 0; !found && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; !found && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *key = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *name = gtk_shortcut_trigger_to_string (key);

          if (!g_str_equal (name, trigger))
            continue;
          found = TRUE;
          done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, text, NULL);
        }
    }
  g_assert_true (found);
  iterate (5);
  return done;
}

static void
press (const char *trigger)
{
  g_assert_true (try_press (trigger));
}

/* With FZ_SCREENSHOT_DIR set, the window as it is now, light and dark, for a person to look at. */
static void
shoot (const char *name)
{
  const char *dir = g_getenv ("FZ_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (dir == NULL)
    return;
  /* The app's own look, which AdwApplication would load. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/fanzha/Fanzha/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.png", name, dark ? "dark" : "light");
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GError) error = NULL;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      /* After the switch the window may need a few frames before it draws again. */
      for (guint tries = 0; tries < 50; tries++)
        {
          g_clear_error (&error);
          iterate (10);
          g_usleep (10000);
          if (fz_screenshot_save (window, path, &error))
            break;
        }
      g_assert_no_error (error);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  iterate (10);
}

/* The review bar: a revealer over a box of the review-bar class. */
static GtkWidget *
find_with_class (GtkWidget  *root,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkRevealer *
review_bar (void)
{
  GtkWidget *bar = find_with_class (GTK_WIDGET (view), "review-bar");

  g_assert_nonnull (bar);
  g_assert_true (GTK_IS_REVEALER (gtk_widget_get_parent (bar)));
  return GTK_REVEALER (gtk_widget_get_parent (bar));
}

/* The bar says which figure of how many the list shows, and how to go on. */
static void
assert_review_bar (guint position)
{
  GtkRevealer *bar = review_bar ();
  GtkWidget *label = find_with_class (GTK_WIDGET (bar), "review-position");
  GtkWidget *keys = find_with_class (GTK_WIDGET (bar), "review-keys");
  g_autofree char *expected = g_strdup_printf ("Figure %u of %u", position,
                                               g_list_model_get_n_items (shown ()));
  const char *hints;

  g_assert_true (gtk_revealer_get_reveal_child (bar));
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
  g_assert_nonnull (keys);
  hints = gtk_label_get_text (GTK_LABEL (keys));
  /* Each key with its word, kept together by a no-break space. */
  g_assert_nonnull (strstr (hints, "A\u00a0accept"));
  g_assert_nonnull (strstr (hints, "R\u00a0reject"));
  g_assert_nonnull (strstr (hints, "E\u00a0edit"));
  g_assert_nonnull (strstr (hints, "N\u00a0next"));
  g_assert_nonnull (strstr (hints, "P\u00a0previous"));
  g_assert_nonnull (strstr (hints, "Escape\u00a0leave"));
}

static void
test_review (void)
{
  FzFigureTable *table = fz_reader_view_get_figure_table (view);
  FzFigureItem *first, *second, *now;
  guint reviewed = 0, total = 0, reviewed_after = 0;

  fz_figure_table_set_status_filter (table, FZ_STATUS_FILTER_UNREVIEWED);
  iterate (5);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), >, 3);
  first = g_list_model_get_item (shown (), 0);
  second = g_list_model_get_item (shown (), 1);
  g_object_unref (first);
  g_object_unref (second);
  fz_decisions_get_counts (decisions (), document, &reviewed, &total);

  g_assert_false (gtk_revealer_get_reveal_child (review_bar ()));
  activate ("review");
  g_assert_true (fz_reader_view_get_review_mode (view));
  g_assert_true (fz_reader_view_get_figure_at_cursor (view) == first);
  assert_review_bar (1);

  press ("a");
  g_assert_true (decided_flags (decisions (), fz_figure_item_get_figure (first)->start)
                 & FZ_FIGURE_STATUS_ACCEPTED);
  /* Accepted, it leaves the "not yet reviewed" list; the next one is the current one. */
  g_assert_true (fz_reader_view_get_figure_at_cursor (view) == second);
  assert_review_bar (1);
  fz_decisions_get_counts (decisions (), document, &reviewed_after, NULL);
  g_assert_cmpuint (reviewed_after, ==, reviewed + 1);

  press ("n");
  now = fz_reader_view_get_figure_at_cursor (view);
  g_assert_true (now != second);
  assert_review_bar (2);
  press ("Up");
  g_assert_true (fz_reader_view_get_figure_at_cursor (view) == second);
  assert_review_bar (1);
  press ("Down");
  g_assert_true (fz_reader_view_get_figure_at_cursor (view) == now);
  press ("p");
  g_assert_true (fz_reader_view_get_figure_at_cursor (view) == second);

  /* E opens the editor on the current figure. */
  press ("e");
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *editor = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (FZ_IS_FIGURE_EDITOR (w))
          editor = GTK_WINDOW (w);
      }
    g_assert_nonnull (editor);
    gtk_window_destroy (editor);
    iterate (5);
  }

  press ("r");
  g_assert_true (fz_figure_item_get_flags (second) & FZ_FIGURE_STATUS_REJECTED);
  g_assert_true (fz_reader_view_get_figure_at_cursor (view) == now);
  fz_figure_table_set_status_filter (table, FZ_STATUS_FILTER_ALL);
  iterate (5);
  /* The top of the list in the picture, with the decisions' statuses. */
  {
    g_autoptr(FzFigureItem) top = g_list_model_get_item (shown (), 0);

    fz_figure_table_select_item (table, top);
  }
  shoot ("review");

  /* Escape leaves, and so does the bar's button. */
  press ("Escape");
  g_assert_false (fz_reader_view_get_review_mode (view));
  g_assert_false (gtk_revealer_get_reveal_child (review_bar ()));
  activate ("review");
  g_assert_true (gtk_revealer_get_reveal_child (review_bar ()));
  {
    GtkWidget *leave = find_with_class (GTK_WIDGET (review_bar ()), "review-leave");

    g_assert_true (GTK_IS_BUTTON (leave));
    g_assert_true (gtk_widget_is_sensitive (leave));
    g_signal_emit_by_name (leave, "clicked");
    iterate (5);
  }
  g_assert_false (fz_reader_view_get_review_mode (view));
  g_assert_false (gtk_revealer_get_reveal_child (review_bar ()));
  g_assert_false (g_action_group_get_action_enabled (fz_reader_view_get_actions (view),
                                                     "review-accept"));
  /* Out of review mode the keys are the text view's own again. */
  g_assert_false (try_press ("a"));
  g_assert_false (try_press ("Down"));
}

/* The status filter shows what it names, and only that */

static guint
count_shown (guint32 must)
{
  guint n = g_list_model_get_n_items (shown ());

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzFigureItem) item = g_list_model_get_item (shown (), i);

      if (must != 0)
        g_assert_true (fz_figure_item_get_flags (item) & must);
      else
        g_assert_true (fz_figure_item_get_figure (item)->core);
    }
  return n;
}

static void
test_filters (void)
{
  FzFigureTable *table = fz_reader_view_get_figure_table (view);
  guint all = g_list_model_get_n_items (shown ());

  fz_figure_table_set_status_filter (table, FZ_STATUS_FILTER_ADDED);
  g_assert_cmpuint (count_shown (FZ_FIGURE_STATUS_ADDED), ==, 1);
  fz_figure_table_set_status_filter (table, FZ_STATUS_FILTER_CHANGED);
  g_assert_cmpuint (count_shown (FZ_FIGURE_STATUS_EDITED), ==, 1);
  fz_figure_table_set_status_filter (table, FZ_STATUS_FILTER_REJECTED);
  g_assert_cmpuint (count_shown (FZ_FIGURE_STATUS_REJECTED), >=, 1);
  fz_figure_table_set_status_filter (table, FZ_STATUS_FILTER_CORE);
  g_assert_cmpuint (count_shown (0), <, all);
  g_assert_cmpuint (count_shown (0), >, 0);
  fz_figure_table_set_status_filter (table, FZ_STATUS_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, all);
}

/* Accept all that the filter shows: one undoable step */

static void
test_accept_all (void)
{
  FzFigureTable *table = fz_reader_view_get_figure_table (view);
  guint n, reviewed_before = 0, reviewed = 0, total = 0;

  fz_figure_table_set_status_filter (table, FZ_STATUS_FILTER_UNREVIEWED);
  iterate (5);
  n = g_list_model_get_n_items (shown ());
  g_assert_cmpuint (n, >, 0);
  fz_decisions_get_counts (decisions (), document, &reviewed_before, &total);
  activate ("accept-all");
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 0);
  fz_decisions_get_counts (decisions (), document, &reviewed, NULL);
  g_assert_cmpuint (reviewed, ==, reviewed_before + n);

  activate ("undo");
  fz_decisions_get_counts (decisions (), document, &reviewed, NULL);
  g_assert_cmpuint (reviewed, ==, reviewed_before);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, n);
  activate ("redo");
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 0);
  fz_figure_table_set_status_filter (table, FZ_STATUS_FILTER_ALL);
  iterate (5);
}

/* Saved and opened again, everything is found */

static void
opened (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_remove (file);
    }
  g_rmdir (path);
}

static void
test_save_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fz-annotate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ws.xml", NULL);
  g_autofree char *key = fz_decisions_document_key (document);
  g_autoptr(FzWorkspace) again = fz_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) status = NULL;
  g_autoptr(FzFigureList) list = fz_decisions_apply (decisions (), document, &status);
  gint64 deadline = g_get_monotonic_time () + BUSY_TIMEOUT_US;
  gboolean done = FALSE;

  g_assert_true (fz_workspace_save (workspace, path, &error));
  g_assert_no_error (error);
  fz_workspace_set_pipeline (again, pipeline);
  g_assert_true (fz_workspace_open (again, path, NULL, opened, &done, &error));
  g_assert_no_error (error);
  while (!done)
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  for (guint i = 0; i < fz_figure_list_get_n (list); i++)
    g_assert_cmpuint (decided_flags (fz_workspace_get_decisions (again),
                                     fz_figure_list_get (list, i)->start),
                      ==, g_array_index (status, FzFigureStatus, i).flags);
  g_assert_cmpstr (fz_decisions_get_document_note (fz_workspace_get_decisions (again), key), ==,
                   "whole page checked");

  /* And the reader shows them from the opened workspace. */
  fz_reader_view_set_workspace (view, again);
  wait_not_busy ();
  g_assert_cmpuint (fz_figure_item_get_flags (item_for (marked_start)), ==,
                    FZ_FIGURE_STATUS_ADDED);
  g_assert_true (has_tag (item_for (marked_start), "figure-added"));
  g_assert_true (fz_figure_item_get_flags (item_for (edited_start)) & FZ_FIGURE_STATUS_EDITED);
  fz_reader_view_set_workspace (view, workspace);
  remove_dir (dir);
}

static void
set_up (void)
{
  const char *shared = g_getenv ("FZ_SHARED_DIR");
  g_autofree char *corpus = g_build_filename (shared != NULL ? shared : "../shared",
                                              "corpus", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *largest = NULL;
  g_autoptr(GFile) file = NULL;
  goffset largest_size = -1;
  const char *name;

  pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_assert_no_error (error);
  dir = g_dir_open (corpus, 0, &error);
  g_assert_no_error (error);
  /* The largest seed page: the one the speed target is about. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (corpus, name, NULL);
      GStatBuf st;

      if (g_str_has_suffix (name, ".txt") && g_stat (path, &st) == 0 && st.st_size > largest_size)
        {
          largest_size = st.st_size;
          g_free (largest);
          largest = g_steal_pointer (&path);
        }
    }
  g_assert_nonnull (largest);
  file = g_file_new_for_path (largest);
  document = fz_document_load (file, NULL, &error);
  g_assert_no_error (error);
  fz_pipeline_analyze (pipeline, document);

  workspace = fz_workspace_new ();
  window = gtk_window_new ();
  view = FZ_READER_VIEW (fz_reader_view_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  iterate (20);
  fz_reader_view_set_workspace (view, workspace);
  fz_reader_view_set_document (view, document, -1);
  wait_not_busy ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!fz_test_ui_init (&argc, &argv))
    return 0;

  set_up ();
  g_test_add_func ("/annotate/mark", test_mark);
  g_test_add_func ("/annotate/edit", test_edit);
  g_test_add_func ("/annotate/reject-undo", test_reject_undo);
  g_test_add_func ("/annotate/note", test_note);
  g_test_add_func ("/annotate/review", test_review);
  g_test_add_func ("/annotate/filters", test_filters);
  g_test_add_func ("/annotate/accept-all", test_accept_all);
  g_test_add_func ("/annotate/save-open", test_save_open);
  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (10);
  g_clear_object (&workspace);
  g_clear_object (&document);
  g_clear_pointer (&pipeline, fz_pipeline_unref);
  return ret;
}
