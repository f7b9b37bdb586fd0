/* test-reader.c: the reader pane on the seed pages: highlights, list sync, find, F3, kinds. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "fz-pipeline.h"
#include "fz-reader-view.h"
#include "fz-test-ui.h"

#define BUSY_TIMEOUT_US (20 * G_USEC_PER_SEC)

/* One figure as `fanzha-cli extract` prints it. */
typedef struct
{
  guint  start;
  guint  end;
  char  *text;
  char  *kind;
} CliRow;

typedef struct
{
  char       *path;
  char       *name;
  FzDocument *document;
  GArray     *cli;      /* CliRow, in the CLI's order */
} Page;

static FzPipeline *pipeline;
static GPtrArray *pages;

static void
cli_row_clear (gpointer data)
{
  CliRow *row = data;

  g_free (row->text);
  g_free (row->kind);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_free (page->path);
  g_free (page->name);
  g_clear_object (&page->document);
  g_clear_pointer (&page->cli, g_array_unref);
  g_free (page);
}

/* Drops white space, so layout repair (joined lines, spaced CJK) does not matter. */
static char *
squeeze (const char *text,
         gssize      len)
{
  GString *out = g_string_new (NULL);

  if (len < 0)
    len = strlen (text);
  for (gssize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      g_string_append_c (out, text[i]);
  return g_string_free (out, FALSE);
}

/* The CLI writes a line break inside a figure as the two characters \n. */
static char *
unescape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == 'n')
        {
          g_string_append_c (out, '\n');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static GArray *
run_cli (const char *path)
{
  const char *cli = g_getenv ("FANZHA_CLI");
  const char *argv[] = { cli, "extract", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (CliRow));
  int status = 0;
  int col_start = -1, col_end = -1, col_text = -1, col_kind = -1;

  g_array_set_clear_func (rows, cli_row_clear);
  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  g_assert_nonnull (lines[0]);
  /* Columns are found by name in the header, so a new column does not break the test. */
  {
    g_auto(GStrv) header = g_strsplit (lines[0], "\t", -1);

    for (int i = 0; header[i] != NULL; i++)
      {
        if (g_str_equal (header[i], "start"))
          col_start = i;
        else if (g_str_equal (header[i], "end"))
          col_end = i;
        else if (g_str_equal (header[i], "text"))
          col_text = i;
        else if (g_str_equal (header[i], "kind"))
          col_kind = i;
      }
  }
  g_assert_cmpint (col_start, >=, 0);
  g_assert_cmpint (col_end, >=, 0);
  g_assert_cmpint (col_text, >=, 0);
  g_assert_cmpint (col_kind, >=, 0);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      CliRow row;

      if (*lines[i] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cols), >, (guint) MAX (MAX (col_start, col_end),
                                                               MAX (col_text, col_kind)));
      row.start = (guint) g_ascii_strtoull (cols[col_start], NULL, 10);
      row.end = (guint) g_ascii_strtoull (cols[col_end], NULL, 10);
      row.text = unescape_text (cols[col_text]);
      row.kind = g_strdup (cols[col_kind]);
      g_array_append_val (rows, row);
    }
  return rows;
}

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_not_busy (FzReaderView *view)
{
  gint64 deadline = g_get_monotonic_time () + BUSY_TIMEOUT_US;

  while (fz_reader_view_is_busy (view))
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  iterate (20);
}

static GtkWidget *
show_page (Page          *page,
           int            article,
           FzReaderView **view_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = fz_reader_view_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  iterate (20);
  fz_reader_view_set_document (FZ_READER_VIEW (view), page->document, article);
  wait_not_busy (FZ_READER_VIEW (view));
  *view_out = FZ_READER_VIEW (view);
  return window;
}

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (20);
}

static GtkTextBuffer *
view_buffer (FzReaderView *view)
{
  return gtk_text_view_get_buffer (fz_reader_view_get_text_view (view));
}

static char *
buffer_text (FzReaderView *view)
{
  GtkTextBuffer *buffer = view_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static char *
selected_text (FzReaderView *view)
{
  GtkTextBuffer *buffer = view_buffer (view);
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return NULL;
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static guint
selection_start (FzReaderView *view)
{
  GtkTextBuffer *buffer = view_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  return gtk_text_iter_get_offset (&start);
}

/* The figure's own text, cut from the decoded document text, white space removed. */
static char *
figure_text (FzDocument     *document,
             const FzFigure *f)
{
  gsize len;
  const char *text = fz_document_get_text (document, &len);

  g_assert_cmpuint (f->byte_end, <=, len);
  return squeeze (text + f->byte_start, f->byte_end - f->byte_start);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;
  gsize step = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + step, needle))
    n++;
  return n;
}

/* Tests */

static void
test_highlights (gconstpointer data)
{
  Page *page = (Page *) data;
  FzReaderView *view;
  GtkWidget *window = show_page (page, -1, &view);
  GListModel *model = fz_figure_table_get_model (fz_reader_view_get_figure_table (view));

  g_assert_cmpuint (page->cli->len, >, 0);
  /* The app and the command line must agree on how many figures the page holds. */
  g_assert_cmpuint (fz_reader_view_get_n_highlighted (view), ==, page->cli->len);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, page->cli->len);
  g_assert_cmpuint (fz_figure_table_get_n_shown (fz_reader_view_get_figure_table (view)), ==,
                    page->cli->len);

  /* ... and on which: the list holds the CLI's figures, in text order. */
  for (guint i = 0; i < page->cli->len; i++)
    {
      g_autoptr(FzFigureItem) item = g_list_model_get_item (model, i);
      const FzFigure *f = fz_figure_item_get_figure (item);
      CliRow *row = &g_array_index (page->cli, CliRow, i);
      g_autofree char *expected = squeeze (row->text, -1);
      g_autofree char *shown = squeeze (fz_figure_item_get_text (item), -1);

      g_assert_cmpuint (f->start, ==, row->start);
      g_assert_cmpuint (f->end, ==, row->end);
      g_assert_cmpstr (fz_kind_to_string (f->kind), ==, row->kind);
      g_assert_cmpstr (shown, ==, expected);
    }
  close_window (window);
}

static void
test_table_sync (gconstpointer data)
{
  Page *page = (Page *) data;
  FzReaderView *view;
  GtkWidget *window = show_page (page, -1, &view);
  FzFigureTable *table = fz_reader_view_get_figure_table (view);
  GListModel *model = fz_figure_table_get_model (table);
  GtkTextBuffer *buffer = view_buffer (view);
  guint n = g_list_model_get_n_items (model);

  g_assert_true (GTK_IS_SINGLE_SELECTION (model));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzFigureItem) item = g_list_model_get_item (model, i);
      g_autofree char *expected = figure_text (page->document, fz_figure_item_get_figure (item));
      g_autofree char *cli_text = squeeze (g_array_index (page->cli, CliRow, i).text, -1);
      g_autofree char *selected = NULL;
      g_autofree char *squeezed = NULL;
      GtkTextIter iter;
      guint start, end, middle;

      /* Checked at once, without iterating the main loop: under Xvfb every selection claims
       * the X PRIMARY selection, and the server's late notice that an earlier claim was lost
       * makes the buffer drop the newer selection.
       * Row to text: the selection is exactly the figure. The row may already be selected
       * by the cursor of the step before, and selecting it again changes nothing. */
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), GTK_INVALID_LIST_POSITION);
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), i);
      selected = selected_text (view);
      g_assert_nonnull (selected);
      squeezed = squeeze (selected, -1);
      g_assert_cmpstr (squeezed, ==, expected);
      g_assert_cmpstr (squeezed, ==, cli_text);
      /* Nothing of the neighbours: the selection starts and ends on non-space characters. */
      g_assert_false (g_ascii_isspace (selected[0]));
      g_assert_false (g_ascii_isspace (selected[strlen (selected) - 1]));
      start = selection_start (view);

      /* Text to row: a cursor inside the figure selects its row. */
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), GTK_INVALID_LIST_POSITION);
      g_assert_null (fz_figure_table_get_selected (table));
      end = start + g_utf8_strlen (selected, -1);
      middle = start + (end - start) / 2;
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, middle);
      gtk_text_buffer_place_cursor (buffer, &iter);
      g_assert_true (fz_figure_table_get_selected (table) == item);
      g_assert_true (fz_reader_view_get_figure_at_cursor (view) == item);
      g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, i);

      /* Just past the end is not inside it. */
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, end);
      gtk_text_buffer_place_cursor (buffer, &iter);
      g_assert_true (fz_reader_view_get_figure_at_cursor (view) != item);
    }
  close_window (window);
}

static void
test_find (gconstpointer data)
{
  Page *page = (Page *) data;
  /* Words every anti-fraud page is likely to hold, and some digits and units. */
  static const char *needles[] = { "诈骗", "年", "万", "%", "0", "公安", "反诈" };
  FzReaderView *view;
  GtkWidget *window = show_page (page, -1, &view);
  g_autofree char *text = buffer_text (view);
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      guint expected = count_occurrences (text, needles[i]);

      g_assert_cmpuint (fz_reader_view_find (view, needles[i]), ==, expected);
      total += expected;
    }
  g_assert_cmpuint (total, >, 0);
  /* Something no page holds, and the empty search. */
  g_assert_cmpuint (fz_reader_view_find (view, "\xe2\x98\x83\xe2\x98\x83"), ==, 0);
  g_assert_cmpuint (fz_reader_view_find (view, ""), ==, 0);
  close_window (window);
}

/* Walks the figures with reader.next-figure from the top; returns how many it visited. */
static guint
walk_figures (FzReaderView *view,
              GListModel   *model,
              gboolean      skip_date)
{
  GActionGroup *actions = fz_reader_view_get_actions (view);
  GtkTextBuffer *buffer = view_buffer (view);
  GtkTextIter iter;
  guint n = g_list_model_get_n_items (model);
  guint visited = 0, index = 0;
  int previous = -1;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  for (guint step = 0; step < n + 3; step++)
    {
      int start;

      g_action_group_activate_action (actions, "next-figure", NULL);
      if (!gtk_text_buffer_get_has_selection (buffer))
        break;
      start = (int) selection_start (view);
      if (start == previous)
        break;   /* the last one: F3 stays put */
      g_assert_cmpint (start, >, previous);
      previous = start;

      /* The step lands on the next figure of the list, in text order. */
      for (; index < n; index++)
        {
          g_autoptr(FzFigureItem) item = g_list_model_get_item (model, index);

          if (skip_date && fz_figure_item_get_figure (item)->kind == FZ_KIND_DATE)
            continue;
          g_assert_cmpuint (fz_figure_item_get_view_start (item), ==, (guint) start);
          g_assert_true (fz_reader_view_get_figure_at_cursor (view) == item);
          index++;
          break;
        }
      visited++;
    }
  return visited;
}

static void
set_kind_shown (FzReaderView *view,
                FzKind        kind,
                gboolean      shown)
{
  g_autofree char *name = g_strconcat ("show-", fz_kind_to_string (kind), NULL);
  GActionGroup *actions = fz_reader_view_get_actions (view);
  g_autoptr(GVariant) state = NULL;

  g_action_group_change_action_state (actions, name, g_variant_new_boolean (shown));
  iterate (5);
  state = g_action_group_get_action_state (actions, name);
  g_assert_cmpint (g_variant_get_boolean (state), ==, shown);
}

static void
test_next_figure (gconstpointer data)
{
  Page *page = (Page *) data;
  FzReaderView *view;
  GtkWidget *window = show_page (page, -1, &view);
  GListModel *model = fz_figure_table_get_model (fz_reader_view_get_figure_table (view));
  guint n_date = 0;

  g_assert_cmpuint (walk_figures (view, model, FALSE), ==, page->cli->len);

  /* A hidden kind is skipped. */
  for (guint i = 0; i < page->cli->len; i++)
    n_date += g_str_equal (g_array_index (page->cli, CliRow, i).kind, "date");
  set_kind_shown (view, FZ_KIND_DATE, FALSE);
  g_assert_cmpuint (walk_figures (view, model, TRUE), ==, page->cli->len - n_date);
  set_kind_shown (view, FZ_KIND_DATE, TRUE);
  close_window (window);
}

static void
test_hide_kinds (gconstpointer data)
{
  Page *page = (Page *) data;
  FzReaderView *view;
  GtkWidget *window = show_page (page, -1, &view);
  guint all = fz_reader_view_get_n_highlighted (view);
  guint n_kinds_seen = 0;

  g_assert_cmpuint (all, ==, page->cli->len);
  for (guint k = 0; k < FZ_N_KINDS; k++)
    {
      guint n_kind = 0;

      for (guint i = 0; i < page->cli->len; i++)
        n_kind += g_str_equal (g_array_index (page->cli, CliRow, i).kind, fz_kind_to_string (k));
      n_kinds_seen += n_kind > 0;

      set_kind_shown (view, k, FALSE);
      g_assert_cmpuint (fz_reader_view_get_n_highlighted (view), ==, all - n_kind);
      set_kind_shown (view, k, TRUE);
      g_assert_cmpuint (fz_reader_view_get_n_highlighted (view), ==, all);
    }
  g_assert_cmpuint (n_kinds_seen, >, 0);

  /* Two kinds at once. */
  set_kind_shown (view, FZ_KIND_DATE, FALSE);
  set_kind_shown (view, FZ_KIND_IDENTIFIER, FALSE);
  {
    guint n_both = 0;

    for (guint i = 0; i < page->cli->len; i++)
      {
        const char *kind = g_array_index (page->cli, CliRow, i).kind;
        n_both += g_str_equal (kind, "date") || g_str_equal (kind, "identifier");
      }
    g_assert_cmpuint (fz_reader_view_get_n_highlighted (view), ==, all - n_both);
  }
  set_kind_shown (view, FZ_KIND_DATE, TRUE);
  set_kind_shown (view, FZ_KIND_IDENTIFIER, TRUE);
  g_assert_cmpuint (fz_reader_view_get_n_highlighted (view), ==, all);
  close_window (window);
}

static void
test_articles (gconstpointer data)
{
  Page *page = (Page *) data;
  GPtrArray *articles = fz_document_get_articles (page->document);
  gsize len;
  const char *text = fz_document_get_text (page->document, &len);
  FzReaderView *view;
  GtkWidget *window;
  guint n_chars = g_utf8_strlen (text, len);

  g_assert_nonnull (articles);
  g_assert_cmpuint (articles->len, >, 0);
  window = show_page (page, -1, &view);
  for (guint i = 0; i < articles->len; i++)
    {
      FzArticle *a = g_ptr_array_index (articles, i);
      const char *from, *to;
      g_autofree char *expected = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *squeezed = NULL;
      GListModel *model;
      guint n_figures = 0;

      g_assert_cmpuint (a->start, <=, a->end);
      g_assert_cmpuint (a->end, <=, n_chars);
      fz_reader_view_set_document (view, page->document, (int) i);
      wait_not_busy (view);

      /* Only the article's text: the same characters as the document's stretch. */
      from = g_utf8_offset_to_pointer (text, a->start);
      to = g_utf8_offset_to_pointer (text, a->end);
      expected = squeeze (from, to - from);
      shown = buffer_text (view);
      squeezed = squeeze (shown, -1);
      g_assert_cmpstr (squeezed, ==, expected);

      /* Only the article's figures. */
      for (guint j = 0; j < page->cli->len; j++)
        {
          CliRow *row = &g_array_index (page->cli, CliRow, j);
          n_figures += row->start >= a->start && row->end <= a->end;
        }
      g_assert_cmpuint (fz_reader_view_get_n_highlighted (view), ==, n_figures);
      model = fz_figure_table_get_model (fz_reader_view_get_figure_table (view));
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_figures);
      for (guint j = 0; j < n_figures; j++)
        {
          g_autoptr(FzFigureItem) item = g_list_model_get_item (model, j);
          const FzFigure *f = fz_figure_item_get_figure (item);
          g_autofree char *want = figure_text (page->document, f);
          g_autofree char *got = NULL;
          g_autofree char *got_squeezed = NULL;

          g_assert_cmpuint (f->start, >=, a->start);
          g_assert_cmpuint (f->end, <=, a->end);
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), j);
          got = selected_text (view);
          g_assert_nonnull (got);
          got_squeezed = squeeze (got, -1);
          g_assert_cmpstr (got_squeezed, ==, want);
        }
    }

  /* Back to the whole page. */
  fz_reader_view_set_document (view, page->document, -1);
  wait_not_busy (view);
  g_assert_cmpuint (fz_reader_view_get_n_highlighted (view), ==, page->cli->len);
  close_window (window);
}

static void
test_clear (void)
{
  Page *page = g_ptr_array_index (pages, 0);
  FzReaderView *view;
  GtkWidget *window = show_page (page, -1, &view);
  g_autofree char *text = NULL;

  fz_reader_view_set_document (view, NULL, -1);
  wait_not_busy (view);
  text = buffer_text (view);
  g_assert_cmpstr (text, ==, "");
  g_assert_cmpuint (fz_reader_view_get_n_highlighted (view), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fz_figure_table_get_model (
                      fz_reader_view_get_figure_table (view))), ==, 0);
  close_window (window);
}

static guint
n_table_items (FzReaderView *view)
{
  return g_list_model_get_n_items (fz_figure_table_get_model (
                                     fz_reader_view_get_figure_table (view)));
}

/* A page staged on a drawn view shows its pane first and its text a frame later, and once
 * in has every figure highlighted, as a page shown at once does. */
static void
test_staged (void)
{
  Page *page = g_ptr_array_index (pages, 0);
  FzReaderView *view;
  GtkWidget *window = show_page (page, -1, &view);
  g_autofree char *expected = buffer_text (view);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_highlighted = fz_reader_view_get_n_highlighted (view);
  guint n_items = n_table_items (view);

  g_assert_cmpuint (n_highlighted, >, 0);
  fz_reader_view_set_document (view, NULL, -1);
  wait_not_busy (view);
  fz_reader_view_stage_next (view);
  fz_reader_view_set_document (view, page->document, -1);
  g_assert_true (fz_reader_view_is_busy (view));
  before = buffer_text (view);
  g_assert_cmpstr (before, ==, "");
  wait_not_busy (view);
  after = buffer_text (view);
  g_assert_cmpstr (after, ==, expected);
  g_assert_cmpuint (fz_reader_view_get_n_highlighted (view), ==, n_highlighted);
  g_assert_cmpuint (n_table_items (view), ==, n_items);
  close_window (window);
}

/* A page shown again keeps its text and takes its highlights and figure list anew. */
static void
test_refresh (void)
{
  Page *page = g_ptr_array_index (pages, 0);
  FzReaderView *view;
  GtkWidget *window = show_page (page, -1, &view);
  g_autofree char *expected = buffer_text (view);
  g_autofree char *after = NULL;
  guint n_highlighted = fz_reader_view_get_n_highlighted (view);
  guint n_items = n_table_items (view);

  g_assert_cmpuint (n_items, >, 0);
  fz_reader_view_refresh (view, -1);
  wait_not_busy (view);
  after = buffer_text (view);
  g_assert_cmpstr (after, ==, expected);
  g_assert_true (fz_reader_view_get_document (view) == page->document);
  g_assert_cmpuint (fz_reader_view_get_n_highlighted (view), ==, n_highlighted);
  g_assert_cmpuint (n_table_items (view), ==, n_items);

  /* Staged, the highlights are there at once and the figure list follows frame by frame. */
  fz_reader_view_stage_next (view);
  fz_reader_view_refresh (view, -1);
  g_assert_cmpuint (fz_reader_view_get_n_highlighted (view), ==, n_highlighted);
  g_assert_true (fz_reader_view_is_busy (view));
  g_assert_cmpuint (n_table_items (view), <, n_items);
  wait_not_busy (view);
  g_assert_cmpuint (n_table_items (view), ==, n_items);
  close_window (window);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A document too large to show at once goes in over several main loop iterations. */
static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(FzDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  FzLayout *layout;
  const char *repaired;
  gsize repaired_len;
  GtkWidget *window, *view;
  GListModel *model;
  guint n_figures;
  gboolean was_busy;

  while (text->len < 400 * 1024)
    for (guint i = 0; i < pages->len; i++)
      {
        gsize len;
        const char *page = fz_document_get_text (((Page *) g_ptr_array_index (pages, i))->document,
                                                 &len);
        g_string_append_len (text, page, len);
        g_string_append (text, "\n\n");
      }
  document = fz_document_new_from_data ("large.txt", (const guint8 *) text->str, text->len, &error);
  g_assert_no_error (error);
  fz_pipeline_analyze (pipeline, document);
  n_figures = fz_figure_list_get_n (fz_document_get_figures (document));
  g_assert_cmpuint (n_figures, >, 1000);

  window = gtk_window_new ();
  view = fz_reader_view_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  iterate (20);
  fz_reader_view_set_document (FZ_READER_VIEW (view), document, -1);
  was_busy = fz_reader_view_is_busy (FZ_READER_VIEW (view));
  wait_not_busy (FZ_READER_VIEW (view));
  g_assert_true (was_busy);

  layout = fz_document_get_layout (document);
  repaired = fz_layout_get_text (layout, &repaired_len);
  shown = buffer_text (FZ_READER_VIEW (view));
  g_assert_cmpuint (strlen (shown), ==, repaired_len);
  g_assert_true (memcmp (shown, repaired, repaired_len) == 0);
  model = fz_figure_table_get_model (fz_reader_view_get_figure_table (FZ_READER_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_figures);
  g_assert_cmpuint (fz_reader_view_get_n_highlighted (FZ_READER_VIEW (view)), ==, n_figures);

  /* Emptied again, in the same way. */
  fz_reader_view_set_document (FZ_READER_VIEW (view), NULL, -1);
  wait_not_busy (FZ_READER_VIEW (view));
  g_assert_cmpuint (fz_reader_view_get_n_highlighted (FZ_READER_VIEW (view)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  close_window (window);
}

/* Lines with no space to wrap at (a table pasted as one line, a run of digits) are broken
 * for the text view by inserted newlines; every figure must still highlight its own text. */
static void
test_long_line (void)
{
  g_autoptr(GString) text = g_string_new ("\xe6\xb5\x8b\xe8\xaf\x95\n\n");   /* 测试 */
  g_autoptr(FzDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL, *shown_flat = NULL, *repaired_flat = NULL;
  const char *repaired;
  gsize repaired_len;
  GtkWidget *window, *view;
  GListModel *model;
  guint n_figures, n_lines = 0;

  /* 破获案件12起， repeated: Chinese commas to break after. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "\xe7\xa0\xb4\xe8\x8e\xb7\xe6\xa1\x88\xe4\xbb\xb6%u"
                            "\xe8\xb5\xb7\xef\xbc\x8c", i + 1);
  g_string_append (text, "\n\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "%u,", i);
  g_string_append (text, "\n\n");
  for (guint i = 0; i < 30000; i++)
    g_string_append_c (text, '0' + i % 10);
  g_string_append (text, "\n");
  document = fz_document_new_from_data ("long.txt", (const guint8 *) text->str, text->len, &error);
  g_assert_no_error (error);
  fz_pipeline_analyze (pipeline, document);
  n_figures = fz_figure_list_get_n (fz_document_get_figures (document));
  g_assert_cmpuint (n_figures, >=, 3000);

  window = gtk_window_new ();
  view = fz_reader_view_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  iterate (20);
  fz_reader_view_set_document (FZ_READER_VIEW (view), document, -1);
  wait_not_busy (FZ_READER_VIEW (view));

  repaired = fz_layout_get_text (fz_document_get_layout (document), &repaired_len);
  shown = buffer_text (FZ_READER_VIEW (view));
  shown_flat = squeeze (shown, -1);
  repaired_flat = squeeze (repaired, repaired_len);
  g_assert_cmpstr (shown_flat, ==, repaired_flat);
  for (const char *p = shown, *line = shown; *p != '\0'; p++)
    if (*p == '\n')
      {
        g_assert_cmpint (p - line, <=, 3 * 4096);
        line = p + 1;
        n_lines++;
      }
  g_assert_cmpuint (n_lines, >, 10);

  model = fz_figure_table_get_model (fz_reader_view_get_figure_table (FZ_READER_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_figures);
  g_assert_cmpuint (fz_reader_view_get_n_highlighted (FZ_READER_VIEW (view)), ==, n_figures);
  for (guint i = 0; i < n_figures; i++)
    {
      g_autoptr(FzFigureItem) item = g_list_model_get_item (model, i);
      const FzFigure *f = fz_figure_item_get_figure (item);
      GtkTextIter start, end;
      g_autofree char *highlighted = NULL, *flat = NULL;
      g_autofree char *expected = figure_text (document, f);

      gtk_text_buffer_get_iter_at_offset (view_buffer (FZ_READER_VIEW (view)), &start,
                                          fz_figure_item_get_view_start (item));
      gtk_text_buffer_get_iter_at_offset (view_buffer (FZ_READER_VIEW (view)), &end,
                                          fz_figure_item_get_view_end (item));
      highlighted = gtk_text_iter_get_text (&start, &end);
      flat = squeeze (highlighted, -1);
      g_assert_cmpstr (flat, ==, expected);
    }
  close_window (window);
}

/* The outline lists the titles of the page's articles in order; each row jumps to its title,
 * which is set as a heading. */
static void
test_outline (gconstpointer data)
{
  Page *page = (Page *) data;
  FzReaderView *view;
  GtkWidget *window = show_page (page, -1, &view);
  GtkTextBuffer *buffer = view_buffer (view);
  GtkTextTag *title_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                     "article-title");
  GPtrArray *articles = fz_document_get_articles (page->document);
  GtkWidget *list = NULL;
  guint n_titles = 0, n_rows = 0;

  g_assert_nonnull (title_tag);
  for (guint i = 0; i < articles->len; i++)
    {
      FzArticle *a = g_ptr_array_index (articles, i);

      n_titles += !a->is_caption && a->title != NULL && *a->title != '\0';
    }
  g_assert_cmpuint (n_titles, >, 0);

  /* The rows live in the outline button's popover. */
  for (GtkWidget *w = GTK_WIDGET (view); w != NULL && list == NULL;)
    {
      if (GTK_IS_MENU_BUTTON (w) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (w)) != NULL)
        {
          GtkWidget *p = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (w)));

          for (GtkWidget *c = p; c != NULL; c = gtk_widget_get_first_child (c))
            if (GTK_IS_LIST_BOX (c))
              {
                list = c;
                break;
              }
        }
      /* Depth first through the view's widgets. */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != GTK_WIDGET (view) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == GTK_WIDGET (view)) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (list);

  for (guint i = 0, a_index = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      GtkWidget *button;
      FzArticle *a = NULL;
      GtkTextIter cursor, title_end;
      g_autofree char *at_cursor = NULL, *shown = NULL, *want = NULL;

      if (row == NULL)
        break;
      n_rows++;
      while (a_index < articles->len)
        {
          a = g_ptr_array_index (articles, a_index++);
          if (!a->is_caption && a->title != NULL && *a->title != '\0')
            break;
        }
      g_assert_nonnull (a);
      button = gtk_list_box_row_get_child (row);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, a->title);
      /* What a click does; gtk_widget_activate () waits for a mapped button. */
      g_signal_emit_by_name (button, "clicked");
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      g_assert_true (gtk_text_iter_has_tag (&cursor, title_tag));
      title_end = cursor;
      gtk_text_iter_forward_to_tag_toggle (&title_end, title_tag);
      at_cursor = gtk_text_iter_get_text (&cursor, &title_end);
      shown = squeeze (at_cursor, -1);
      want = squeeze (a->title, -1);
      g_assert_cmpstr (shown, ==, want);
    }
  g_assert_cmpuint (n_rows, ==, n_titles);
  close_window (window);
}

static void
load_pages (void)
{
  const char *shared = g_getenv ("FZ_SHARED_DIR");
  g_autofree char *corpus = g_build_filename (shared != NULL ? shared : "../shared",
                                              "corpus", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_assert_no_error (error);
  dir = g_dir_open (corpus, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  pages = g_ptr_array_new_with_free_func (page_free);
  for (guint i = 0; i < names->len; i++)
    {
      Page *page = g_new0 (Page, 1);
      g_autoptr(GFile) file = NULL;

      page->name = g_strdup (g_ptr_array_index (names, i));
      page->path = g_build_filename (corpus, page->name, NULL);
      file = g_file_new_for_path (page->path);
      page->document = fz_document_load (file, NULL, &error);
      g_assert_no_error (error);
      fz_pipeline_analyze (pipeline, page->document);
      page->cli = run_cli (page->path);
      g_ptr_array_add (pages, page);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!fz_test_ui_init (&argc, &argv))
    return 0;

  load_pages ();
  g_assert_cmpuint (pages->len, >, 0);
  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = g_ptr_array_index (pages, i);
      static const struct { const char *name; GTestDataFunc func; } tests[] = {
        { "highlights", test_highlights },
        { "table-sync", test_table_sync },
        { "find", test_find },
        { "next-figure", test_next_figure },
        { "hide-kinds", test_hide_kinds },
        { "articles", test_articles },
        { "outline", test_outline },
      };

      for (guint t = 0; t < G_N_ELEMENTS (tests); t++)
        {
          g_autofree char *path = g_strdup_printf ("/reader/%s/%s", page->name, tests[t].name);
          g_test_add_data_func (path, page, tests[t].func);
        }
    }
  g_test_add_func ("/reader/clear", test_clear);
  g_test_add_func ("/reader/staged", test_staged);
  g_test_add_func ("/reader/refresh", test_refresh);
  g_test_add_func ("/reader/large", test_large);
  g_test_add_func ("/reader/long-line", test_long_line);

  ret = g_test_run ();
  g_clear_pointer (&pages, g_ptr_array_unref);
  g_clear_pointer (&pipeline, fz_pipeline_unref);
  return ret;
}
