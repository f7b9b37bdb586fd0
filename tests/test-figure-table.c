/* test-figure-table.c: the figure list: values in words, sorting by number, No Results, copy,
 * and what the analyst decided shown in every row. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "fz-figure-table.h"
#include "fz-test-ui.h"

typedef struct
{
  FzKind      kind;
  const char *text;
  const char *value;
  const char *unit;
  const char *indicator;
  const char *period;
} Row;

/* Text order; sorted as text the values would read 127, 16000, 1500, 9. */
static const Row rows[] = {
  { FZ_KIND_COUNT, "16000人", "16000", "人", "cases_reported", "Y-01/" },
  { FZ_KIND_COUNT, "9人", "9", "人", "cases_reported", "2026-01/" },
  { FZ_KIND_MONEY, "3800万元", "38000000", "元", "losses", "/Y-07-15" },
  { FZ_KIND_COUNT, "127人", "127", "人", "", "" },
  { FZ_KIND_COUNT, "1500人", "1500", "人", "", "" },
};

typedef struct
{
  GtkWidget     *window;
  FzFigureTable *table;
  GListStore    *items;
} Fixture;

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

static FzFigureList *
make_figures (void)
{
  FzFigureList *list = fz_figure_list_new ();
  guint start = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      FzFigure *f = fz_figure_list_append (list);

      f->kind = rows[i].kind;
      f->start = start;
      f->end = start + (guint) g_utf8_strlen (rows[i].text, -1);
      start = f->end + 10;
      f->value = fz_figure_list_intern (list, rows[i].value, -1);
      f->unit = fz_figure_list_intern (list, rows[i].unit, -1);
      f->indicator = fz_figure_list_intern (list, rows[i].indicator, -1);
      f->period = fz_figure_list_intern (list, rows[i].period, -1);
      f->core = 1;
    }
  return list;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(FzFigureList) list = make_figures ();

  fx->window = gtk_window_new ();
  fx->table = FZ_FIGURE_TABLE (fz_figure_table_new ());
  fx->items = g_list_store_new (FZ_TYPE_FIGURE_ITEM);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const FzFigure *f = fz_figure_list_get (list, i);
      g_autoptr(FzFigureItem) item = fz_figure_item_new (list, i, rows[i].text, f->start, f->end);

      g_list_store_append (fx->items, item);
    }
  fz_figure_table_set_items (fx->table, G_LIST_MODEL (fx->items));
  fz_figure_table_set_source (fx->table, "page.txt", list);
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 700, 500);
  gtk_window_set_child (GTK_WINDOW (fx->window), GTK_WIDGET (fx->table));
  gtk_window_present (GTK_WINDOW (fx->window));
  iterate (30);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  g_clear_object (&fx->items);
  iterate (20);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_inscriptions (GtkWidget *root,
                      GPtrArray *texts)
{
  if (GTK_IS_INSCRIPTION (root) && gtk_widget_get_mapped (root))
    g_ptr_array_add (texts, g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (root))));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_inscriptions (child, texts);
}

static gboolean
shows_text (Fixture    *fx,
            const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_inscriptions (GTK_WIDGET (fx->table), texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_words (Fixture       *fx,
            gconstpointer  data)
{
  g_assert_true (shows_text (fx, "38 million yuan"));
  g_assert_true (shows_text (fx, "16,000 people"));
  g_assert_true (shows_text (fx, "January 2026 to date"));
  g_assert_true (shows_text (fx, "this year to date"));
  g_assert_true (shows_text (fx, "up to 15 July"));
  g_assert_true (shows_text (fx, "cases reported"));
  /* The machine forms stay out of the list. */
  g_assert_false (shows_text (fx, "2026-01/"));
  g_assert_false (shows_text (fx, "38000000"));
  g_assert_false (shows_text (fx, "cases_reported"));
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  return NULL;
}

static GPtrArray *
shown_values (Fixture *fx)
{
  GListModel *model = fz_figure_table_get_model (fx->table);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FzFigureItem) item = g_list_model_get_item (model, i);
      char *value = NULL;

      g_object_get (item, "value", &value, NULL);
      g_ptr_array_add (values, value);
    }
  return values;
}

static void
test_sort_by_value (Fixture       *fx,
                    gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (fx->table),
                                                      GTK_TYPE_COLUMN_VIEW));
  GtkColumnViewColumn *value_column = column_titled (view, "Value");
  g_autoptr(GPtrArray) up = NULL;
  g_autoptr(GPtrArray) down = NULL;
  const char *ascending[] = { "9", "127", "1500", "16000", "38000000" };

  g_assert_nonnull (value_column);
  gtk_column_view_sort_by_column (view, value_column, GTK_SORT_ASCENDING);
  iterate (10);
  up = shown_values (fx);
  g_assert_cmpuint (up->len, ==, G_N_ELEMENTS (ascending));
  /* Counts by number, then money: grouped by kind and unit. */
  for (guint i = 0; i < up->len; i++)
    g_assert_cmpstr (g_ptr_array_index (up, i), ==, ascending[i]);
  gtk_column_view_sort_by_column (view, value_column, GTK_SORT_DESCENDING);
  iterate (10);
  down = shown_values (fx);
  for (guint i = 0; i < down->len; i++)
    g_assert_cmpstr (g_ptr_array_index (down, i), ==, ascending[down->len - 1 - i]);
  /* The columns that matter are shown, the rest hidden. */
  g_assert_true (gtk_column_view_column_get_visible (column_titled (view, "Figure")));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (view, "Period")));
  g_assert_false (gtk_column_view_column_get_visible (column_titled (view, "Unit")));
}

static void
test_no_results (Fixture       *fx,
                 gconstpointer  data)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (fx->table), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *status = find_widget (GTK_WIDGET (fx->table), ADW_TYPE_STATUS_PAGE);

  g_assert_nonnull (entry);
  g_assert_nonnull (status);
  g_assert_false (gtk_widget_get_mapped (status));
  gtk_editable_set_text (GTK_EDITABLE (entry), "no such figure");
  iterate (30);
  g_assert_cmpuint (fz_figure_table_get_n_shown (fx->table), ==, 0);
  g_assert_true (gtk_widget_get_mapped (status));
  /* The filter finds the words the list shows, not only the machine forms. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "million yuan");
  iterate (30);
  g_assert_cmpuint (fz_figure_table_get_n_shown (fx->table), ==, 1);
  g_assert_false (gtk_widget_get_mapped (status));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  iterate (30);
  g_assert_cmpuint (fz_figure_table_get_n_shown (fx->table), ==, G_N_ELEMENTS (rows));
  g_assert_false (gtk_widget_get_mapped (status));
}

static void
text_read (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, text_read, &text);
  while (text == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  return text;
}

static void
test_copy (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(FzFigureItem) money = g_list_model_get_item (G_LIST_MODEL (fx->items), 2);
  g_autofree char *tsv = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  fz_figure_table_select_item (fx->table, money);
  iterate (10);
  gtk_widget_grab_focus (find_widget (GTK_WIDGET (fx->table), GTK_TYPE_COLUMN_VIEW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->table), "figure-table.copy", NULL));
  tsv = read_clipboard (GTK_WIDGET (fx->table));
  g_assert_nonnull (tsv);
  lines = g_strsplit (tsv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);   /* header, the row, "" after the last \n */
  g_assert_cmpstr (lines[0], ==, "doc\tstart\tend\ttext\tkind\tvalue\tunit\tqualifier\tchange"
                                 "\tbasis\tindicator\tregion\tcore\tperiod");
  fields = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 14);
  g_assert_cmpstr (fields[0], ==, "page.txt");
  g_assert_cmpstr (fields[3], ==, "3800万元");
  g_assert_cmpstr (fields[4], ==, "money");
  g_assert_cmpstr (fields[5], ==, "38000000");
  g_assert_cmpstr (fields[6], ==, "元");
  g_assert_cmpstr (fields[10], ==, "losses");
  g_assert_cmpstr (fields[12], ==, "1");
  g_assert_cmpstr (fields[13], ==, "/Y-07-15");
}

static void
test_details (Fixture       *fx,
              gconstpointer  data)
{
  const char *details[] = { "Value", "38 million yuan", "Period", "up to 15 July", NULL };
  GtkWidget *grid = find_widget (GTK_WIDGET (fx->table), GTK_TYPE_GRID);

  g_assert_nonnull (grid);
  g_assert_false (gtk_widget_get_mapped (grid));
  fz_figure_table_set_details (fx->table, details);
  iterate (20);
  g_assert_true (gtk_widget_get_mapped (grid));
  g_assert_true (GTK_IS_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1))),
                   ==, "up to 15 July");
  fz_figure_table_set_details (fx->table, NULL);
  iterate (20);
  g_assert_false (gtk_widget_get_mapped (grid));
}

/* The mapped text cell of the figure list reading @text. */
static GtkWidget *
find_cell (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_INSCRIPTION (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mark beside the figure's text in the first column. */
static GtkWidget *
mark_of (GtkWidget *cell)
{
  GtkWidget *mark = gtk_widget_get_prev_sibling (cell);

  g_assert_true (GTK_IS_IMAGE (mark));
  g_assert_true (gtk_widget_has_css_class (mark, "figure-mark"));
  return mark;
}

static void
set_status (Fixture *fx,
            guint    position,
            guint32  flags)
{
  g_autoptr(FzFigureItem) item = g_list_model_get_item (G_LIST_MODEL (fx->items), position);

  fz_figure_item_set_figure (item, fz_figure_item_get_list (item),
                             fz_figure_item_get_index (item), flags);
  /* Put back, as the reader does, so that its row reads it again. */
  g_list_store_splice (fx->items, position, 1, (gpointer *) &item, 1);
}

static void
assert_description (GtkWidget  *widget,
                    const char *description)
{
  g_autofree char *error = NULL;

  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  if (error != NULL)
    g_error ("accessible description: %s", error);
}

/* The row a cell is in, as screen readers see it. */
static GtkWidget *
row_of (GtkWidget *cell)
{
  GtkWidget *row = cell;

  while (row != NULL &&
         gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) != GTK_ACCESSIBLE_ROLE_ROW)
    row = gtk_widget_get_parent (row);
  g_assert_nonnull (row);
  return row;
}

static void
test_status_look (Fixture       *fx,
                  gconstpointer  data)
{
  GtkWidget *table = GTK_WIDGET (fx->table);
  GtkWidget *cell;

  set_status (fx, 0, FZ_FIGURE_STATUS_ADDED);
  set_status (fx, 1, FZ_FIGURE_STATUS_EDITED | FZ_FIGURE_STATUS_NOTE);
  set_status (fx, 2, FZ_FIGURE_STATUS_REJECTED | FZ_FIGURE_STATUS_EDITED);
  iterate (30);

  /* A rejected figure is struck through in every cell, the first and the value alike. */
  cell = find_cell (table, "3800万元");
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "rejected"));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (mark_of (cell))), !=, NULL);
  g_assert_true (gtk_widget_has_css_class (mark_of (cell), "rejected"));
  assert_description (gtk_widget_get_parent (cell), "rejected");
  assert_description (row_of (cell), "rejected");
  cell = find_cell (table, "38 million yuan");
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "rejected"));

  /* Added and changed figures carry their mark in the first column, which is always shown. */
  cell = find_cell (table, "16000人");
  g_assert_nonnull (cell);
  g_assert_false (gtk_widget_has_css_class (cell, "rejected"));
  g_assert_true (gtk_widget_has_css_class (cell, "added"));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (mark_of (cell))), !=, NULL);
  g_assert_true (gtk_widget_has_css_class (mark_of (cell), "added"));
  assert_description (gtk_widget_get_parent (cell), "added");
  assert_description (row_of (cell), "added");
  cell = find_cell (table, "9人");
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "edited"));
  g_assert_true (gtk_widget_has_css_class (mark_of (cell), "edited"));
  assert_description (gtk_widget_get_parent (cell), "changed");

  /* An untouched figure has no mark and no state; a restored one loses its look. */
  cell = find_cell (table, "127人");
  g_assert_nonnull (cell);
  g_assert_null (gtk_image_get_icon_name (GTK_IMAGE (mark_of (cell))));
  g_assert_false (gtk_widget_has_css_class (cell, "rejected"));
  g_assert_false (gtk_widget_has_css_class (cell, "added"));
  set_status (fx, 2, 0);
  iterate (30);
  cell = find_cell (table, "3800万元");
  g_assert_false (gtk_widget_has_css_class (cell, "rejected"));
  g_assert_null (gtk_image_get_icon_name (GTK_IMAGE (mark_of (cell))));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row_of (cell)),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_false (gtk_widget_has_css_class (find_cell (table, "38 million yuan"), "rejected"));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test backend keeps the accessible properties for the checks to read; with none
   * they are dropped. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!fz_test_ui_init (&argc, &argv))
    return 0;
  g_test_add ("/figure-table/words", Fixture, NULL, fixture_set_up, test_words, fixture_tear_down);
  g_test_add ("/figure-table/sort-by-value", Fixture, NULL, fixture_set_up, test_sort_by_value,
              fixture_tear_down);
  g_test_add ("/figure-table/no-results", Fixture, NULL, fixture_set_up, test_no_results,
              fixture_tear_down);
  g_test_add ("/figure-table/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/figure-table/details", Fixture, NULL, fixture_set_up, test_details,
              fixture_tear_down);
  g_test_add ("/figure-table/status-look", Fixture, NULL, fixture_set_up, test_status_look,
              fixture_tear_down);
  return g_test_run ();
}
