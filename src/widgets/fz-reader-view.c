/* fz-reader-view.c: text, highlights, tooltips, find, zoom, outline and the figure list in sync. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "fz-figure-palette.h"
#include "fz-reader-view.h"

/* A large document goes in while the window keeps drawing: text in chunks of CHUNK_BYTES,
 * figure list rows in batches of ITEM_BATCH, highlights in batches of TAG_BATCH, outline rows
 * in batches of ROW_BATCH, as many as fit in FILL_BUDGET_US per main loop iteration. A small
 * one (below SYNC_TAGS and SYNC_ROWS, text below CHUNK_BYTES) goes in at once. */
#define CHUNK_BYTES    (32 * 1024)
#define ITEM_BATCH     200
#define TAG_BATCH      256
#define ROW_BATCH      16
#define SYNC_TAGS      4000
#define SYNC_ROWS      200
#define FILL_BUDGET_US 8000
#define MEASURE_CHARS 40
#define BASE_FONT_PX 17.0

struct _FzReaderView
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkWidget          *outline_button;
  GtkWidget          *outline_popover;
  GtkWidget          *outline_list;
  GtkWidget          *title_label;
  GtkWidget          *zoom_button;
  GtkWidget          *figures_button;
  GtkWidget          *find_bar;
  GtkWidget          *find_entry;
  GtkWidget          *find_count;
  GtkWidget          *paned;
  GtkWidget          *text_scroller;
  GtkWidget          *text_view;
  GtkWidget          *detail_label;
  FzFigureTable      *figure_table;

  FzDocument         *document;
  FzLexicon          *lexicon;         /* for indicator names; may be NULL */
  int                 article;
  guint               view_start;      /* repaired code point where the shown text starts */
  GArray             *inserted;        /* guint: newlines the shown text adds, see shown_offset */
  GListStore         *items;           /* FzFigureItem in text order */
  GPtrArray          *by_pos;          /* all of them, owned, for binary search by position */
  guint               next_item;       /* by_pos[next_item…] are not in items yet */
  GtkTextTag         *kind_tags[FZ_N_KINDS];
  /* For a figure that starts where one of the same kind ends: with one tag the two would read
   * as a single highlight. */
  GtkTextTag         *touching_tags[FZ_N_KINDS];
  GtkTextTag         *match_tag;
  GtkTextTag         *title_tag;       /* an article's title, set as a heading */
  GtkTextTag         *current_tag;
  gboolean            hidden[FZ_N_KINDS];
  GArray             *matches;         /* guint pairs: start, end */
  int                 current_match;

  char               *pending_text;    /* text still to insert, in chunks */
  gsize               pending_len;
  gsize               pending_pos;
  guint               idle_id;
  guint               next_tag;
  GArray             *outline;         /* OutlineEntry still to add as rows */
  guint               next_outline;
  guint               n_outline_rows;  /* rows in outline_list */
  guint               n_stale_rows;    /* of those, the first ones are the last document's */
  gboolean            last_touching;   /* the last tagged figure has its touching tag */
  gboolean            syncing;
  gboolean            paned_placed;

  GSettings          *settings;
  GtkCssProvider     *css;
  double              zoom;
  GSimpleActionGroup *actions;
};

typedef struct
{
  const char *title;   /* owned by the document's article */
  guint       offset;  /* where to jump, in the shown text */
  guint       end;     /* where the title ends there */
} OutlineEntry;

G_DEFINE_FINAL_TYPE (FzReaderView, fz_reader_view, GTK_TYPE_WIDGET)

static void update_find (FzReaderView *self);

/* Auxiliary methods */

/* A line longer than this (a table of numbers pasted as one line) makes the text view lay
 * out one enormous paragraph, at a cost that grows with its square. The shown text breaks
 * such a line into pieces of about PIECE_BYTES: at a space, replaced one byte for one byte,
 * else after a punctuation mark, else anywhere past twice that, by an inserted newline whose
 * place is kept (see shown_offset). Shorter lines, every real paragraph, stay as they are. */
#define LONG_LINE_BYTES 4096
#define PIECE_BYTES     256

static gboolean
has_long_line (const char *text,
               gsize       len)
{
  const char *end = text + len;

  for (const char *p = text; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);

      if ((nl != NULL ? nl : end) - p > LONG_LINE_BYTES)
        return TRUE;
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return FALSE;
}

static gboolean
ends_with_punctuation (const char *text,
                       gsize       at)
{
  static const char *const marks[] = { "\xef\xbc\x8c", "\xe3\x80\x81", "\xe3\x80\x82",
                                       "\xef\xbc\x9b" };   /* ， 、 。 ； */

  if (at >= 1 && strchr (",;.", text[at - 1]) != NULL)
    return TRUE;
  for (guint i = 0; at >= 3 && i < G_N_ELEMENTS (marks); i++)
    if (memcmp (text + at - 3, marks[i], 3) == 0)
      return TRUE;
  return FALSE;
}

/* Breaks the line text[from, to) into pieces, appending it to @out; @offset is the code
 * point offset of text[from] and comes back past the line. */
static void
break_line (GString    *out,
            const char *text,
            gsize       from,
            gsize       to,
            guint      *offset,
            GArray     *inserted)
{
  gsize copied = from, piece = from;

  for (gsize i = from; i < to; i++)
    {
      if (((guchar) text[i] & 0xC0) == 0x80)
        continue;
      if (i - piece > PIECE_BYTES && text[i] == ' ')
        {
          g_string_append_len (out, text + copied, i - copied);
          g_string_append_c (out, '\n');
          copied = piece = i + 1;
        }
      else if (i - piece > 2 * PIECE_BYTES
               || (i - piece > PIECE_BYTES && ends_with_punctuation (text, i)))
        {
          g_string_append_len (out, text + copied, i - copied);
          g_string_append_c (out, '\n');
          g_array_append_val (inserted, *offset);
          copied = piece = i;
        }
      (*offset)++;
    }
  g_string_append_len (out, text + copied, to - copied);
}

/* Returns the text to show; @inserted gets the code point offsets (in @text) before which
 * a newline was inserted, in order. */
static char *
break_long_lines (const char *text,
                  gsize       len,
                  GArray     *inserted,
                  gsize      *out_len)
{
  GString *out = g_string_sized_new (len + 1);
  guint offset = 0;

  for (gsize line = 0; line < len;)
    {
      const char *nl = memchr (text + line, '\n', len - line);
      gsize end = nl != NULL ? (gsize) (nl - text) + 1 : len;

      if (end - line > LONG_LINE_BYTES)
        break_line (out, text, line, end, &offset, inserted);
      else
        {
          g_string_append_len (out, text + line, end - line);
          offset += g_utf8_strlen (text + line, end - line);
        }
      line = end;
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* Where a code point of the shown stretch of the document is in the buffer: after every
 * newline inserted before it. An end offset stays before a newline inserted right there. */
static guint
shown_offset (FzReaderView *self,
              guint         offset,
              gboolean      is_end)
{
  guint lo = 0, hi = self->inserted->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint at = g_array_index (self->inserted, guint, mid);

      if (at < offset || (at == offset && !is_end))
        lo = mid + 1;
      else
        hi = mid;
    }
  return offset + lo;
}

/* Indicator names follow the language the interface is shown in. */
static gboolean
chinese_ui (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "zh");
}

static FzFigureItem *
item_at (FzReaderView *self,
         guint         offset)
{
  guint lo = 0, hi = self->by_pos->len;

  /* Items are in text order and do not overlap; find the last start <= offset. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      FzFigureItem *item = g_ptr_array_index (self->by_pos, mid);

      if (fz_figure_item_get_view_start (item) <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return NULL;
  {
    FzFigureItem *item = g_ptr_array_index (self->by_pos, lo - 1);
    return offset < fz_figure_item_get_view_end (item) ? item : NULL;
  }
}

static void
apply_palette (FzReaderView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  for (guint k = 0; k < FZ_N_KINDS; k++)
    {
      GdkRGBA background;

      if (self->kind_tags[k] == NULL)
        continue;
      fz_figure_palette_get (k, dark, &background);
      g_object_set (self->kind_tags[k],
                    "background-rgba", &background,
                    "background-set", !self->hidden[k],
                    "underline", (!self->hidden[k] && fz_kind_is_statistic (k))
                                 ? PANGO_UNDERLINE_SINGLE : PANGO_UNDERLINE_NONE,
                    NULL);
      /* The same colour, stronger, so the boundary between the two shows. */
      background.alpha = MIN (1.0, background.alpha * 1.7 + 0.1);
      g_object_set (self->touching_tags[k],
                    "background-rgba", &background,
                    "background-set", !self->hidden[k],
                    "underline", (!self->hidden[k] && fz_kind_is_statistic (k))
                                 ? PANGO_UNDERLINE_SINGLE : PANGO_UNDERLINE_NONE,
                    NULL);
    }
}

static void
apply_zoom (FzReaderView *self)
{
  double px = BASE_FONT_PX * self->zoom;
  g_autofree char *css = NULL;
  g_autofree char *label = NULL;

  /* Line height about 1.6 em: CJK fonts already give about 1.45 em, so a little goes between
   * wrapped lines. Pages keep a blank line between paragraphs, so a paragraph gets only a
   * little more. */
  css = g_strdup_printf ("textview.reader-text { font-size: %.1fpx; }", px);
  gtk_css_provider_load_from_data (self->css, css, -1);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self->text_view), (int) (0.15 * px + 0.5));
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self->text_view), (int) (0.3 * px + 0.5));
  label = g_strdup_printf ("%d%%", (int) (self->zoom * 100 + 0.5));
  gtk_button_set_label (GTK_BUTTON (self->zoom_button), label);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
clear_idle (FzReaderView *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->pending_text, g_free);
  self->pending_len = self->pending_pos = 0;
}

static void
tag_item (FzReaderView *self,
          guint         index)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  FzFigureItem *item = g_ptr_array_index (self->by_pos, index);
  guint kind = fz_figure_item_get_figure (item)->kind;
  gboolean touching = FALSE;
  GtkTextIter start, end;

  if (index > 0)
    {
      FzFigureItem *before = g_ptr_array_index (self->by_pos, index - 1);

      /* Alternate, so that a run of touching figures still shows each one. */
      touching = fz_figure_item_get_view_end (before) == fz_figure_item_get_view_start (item) &&
                 fz_figure_item_get_figure (before)->kind == kind &&
                 !self->last_touching;
    }
  self->last_touching = touching;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, fz_figure_item_get_view_start (item));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, fz_figure_item_get_view_end (item));
  gtk_text_buffer_apply_tag (buffer, touching ? self->touching_tags[kind] : self->kind_tags[kind],
                             &start, &end);
}

static void
add_outline_row (FzReaderView *self,
                 const char   *title,
                 guint         view_offset)
{
  GtkWidget *button = gtk_button_new_with_label (title);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "reader.jump");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", view_offset);
  gtk_list_box_append (GTK_LIST_BOX (self->outline_list), button);
}

static void
collect_outline (FzReaderView *self,
                 FzLayout     *layout,
                 guint         view_end)
{
  GPtrArray *articles = fz_document_get_articles (self->document);

  for (guint i = 0; articles != NULL && i < articles->len; i++)
    {
      FzArticle *a = g_ptr_array_index (articles, i);
      guint at = fz_layout_to_repaired (layout, a->title_start);
      guint title_end = fz_layout_to_repaired (layout, a->title_end);
      OutlineEntry entry;

      if (a->is_caption || a->title == NULL || *a->title == '\0')
        continue;
      if (at < self->view_start || at >= view_end)
        continue;
      entry.title = a->title;
      entry.offset = shown_offset (self, at - self->view_start, FALSE);
      entry.end = shown_offset (self, CLAMP (title_end, at, view_end) - self->view_start, TRUE);
      g_array_append_val (self->outline, entry);
    }
  gtk_widget_set_sensitive (self->outline_button, self->outline->len > 0);
}

/* Does one unit of the pending work; FALSE when there is none left. */
static gboolean
fill_step (FzReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));

  /* The last document's outline goes first: its rows would jump to the wrong places. */
  if (self->n_stale_rows > 0)
    {
      for (guint n = 0; n < ROW_BATCH && self->n_stale_rows > 0; n++)
        {
          gtk_list_box_remove (GTK_LIST_BOX (self->outline_list),
                               gtk_widget_get_first_child (self->outline_list));
          self->n_stale_rows--;
          self->n_outline_rows--;
        }
      return TRUE;
    }

  if (self->pending_text != NULL && self->pending_pos < self->pending_len)
    {
      GtkTextIter end;
      guint have;
      gsize n = MIN (CHUNK_BYTES, self->pending_len - self->pending_pos);
      const char *chunk = self->pending_text + self->pending_pos;

      /* Never cut a character in two. */
      while (self->pending_pos + n < self->pending_len && (chunk[n] & 0xC0) == 0x80)
        n++;
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, chunk, n);
      self->pending_pos += n;
      /* Tagging the new text now costs the text view one layout of these lines, not two. */
      have = gtk_text_buffer_get_char_count (buffer);
      while (self->next_tag < self->by_pos->len)
        {
          FzFigureItem *item = g_ptr_array_index (self->by_pos, self->next_tag);

          if (fz_figure_item_get_view_end (item) > have)
            break;
          tag_item (self, self->next_tag++);
        }
      return TRUE;
    }
  g_clear_pointer (&self->pending_text, g_free);

  if (self->next_item < self->by_pos->len)
    {
      guint n = MIN (ITEM_BATCH, self->by_pos->len - self->next_item);

      g_list_store_splice (self->items, self->next_item, 0,
                           self->by_pos->pdata + self->next_item, n);
      self->next_item += n;
      /* Setting the same list again recounts the kinds. */
      if (self->next_item == self->by_pos->len)
        fz_figure_table_set_items (self->figure_table, G_LIST_MODEL (self->items));
      return TRUE;
    }

  if (self->next_tag < self->by_pos->len)
    {
      for (guint n = 0; n < TAG_BATCH && self->next_tag < self->by_pos->len; n++)
        tag_item (self, self->next_tag++);
      return TRUE;
    }

  if (self->next_outline < self->outline->len)
    {
      for (guint n = 0; n < ROW_BATCH && self->next_outline < self->outline->len; n++)
        {
          OutlineEntry *entry = &g_array_index (self->outline, OutlineEntry, self->next_outline++);

          GtkTextIter start, end;

          add_outline_row (self, entry->title, entry->offset);
          self->n_outline_rows++;
          gtk_text_buffer_get_iter_at_offset (buffer, &start, entry->offset);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, entry->end);
          gtk_text_buffer_apply_tag (buffer, self->title_tag, &start, &end);
        }
      return TRUE;
    }
  return FALSE;
}

static gboolean
idle_fill (gpointer user_data)
{
  FzReaderView *self = user_data;
  gint64 until = g_get_monotonic_time () + FILL_BUDGET_US;

  /* Work in small units until this iteration's time is used up, so the window still draws
   * between iterations however fast or slow the machine. */
  while (fill_step (self))
    if (g_get_monotonic_time () >= until)
      return G_SOURCE_CONTINUE;
  self->idle_id = 0;
  update_find (self);
  return G_SOURCE_REMOVE;
}

static void
start_fill (FzReaderView *self)
{
  gboolean small = self->pending_text == NULL && self->by_pos->len <= SYNC_TAGS &&
                   self->n_stale_rows + self->outline->len <= SYNC_ROWS;

  if (small)
    {
      while (fill_step (self))
        ;
      update_find (self);
    }
  else
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 20, idle_fill, self, NULL);
}

static char *
collapse_space (const char *text,
                gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    if (text[i] != ' ' && text[i] != '\n' && text[i] != '\r' && text[i] != '\t')
      g_string_append_c (out, text[i]);
  return g_string_free (out, FALSE);
}

/* Callbacks */

static void
update_detail (FzReaderView *self,
               FzFigureItem *item)
{
  g_autofree char *tooltip = item != NULL ? fz_figure_item_dup_tooltip (item) : NULL;
  g_autofree char *line = NULL;

  if (tooltip != NULL)
    line = g_strdelimit (g_strdup (tooltip), "\n", ' ');
  gtk_label_set_text (GTK_LABEL (self->detail_label), line != NULL ? line : "");
  gtk_widget_set_visible (self->detail_label, line != NULL);
}

static void
select_item_in_text (FzReaderView *self,
                     FzFigureItem *item)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, fz_figure_item_get_view_start (item));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, fz_figure_item_get_view_end (item));
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->text_view), &start, 0.1, FALSE, 0, 0.3);
  update_detail (self, item);
}

static void
figure_selected (FzReaderView  *self,
                 FzFigureItem  *item,
                 FzFigureTable *table)
{
  if (self->syncing)
    return;
  self->syncing = TRUE;
  select_item_in_text (self, item);
  self->syncing = FALSE;
}

static void
cursor_moved (FzReaderView  *self,
              GParamSpec    *pspec,
              GtkTextBuffer *buffer)
{
  FzFigureItem *item;
  int offset;

  if (self->syncing || self->by_pos == NULL)
    return;
  g_object_get (buffer, "cursor-position", &offset, NULL);
  item = item_at (self, offset);
  update_detail (self, item);
  if (item != NULL)
    {
      self->syncing = TRUE;
      fz_figure_table_select_item (self->figure_table, item);
      self->syncing = FALSE;
    }
}

static gboolean
query_tooltip (GtkWidget    *widget,
               int           x,
               int           y,
               gboolean      keyboard,
               GtkTooltip   *tooltip,
               FzReaderView *self)
{
  GtkTextIter iter;
  FzFigureItem *item;
  g_autofree char *text = NULL;
  int bx, by;

  if (keyboard)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    }
  else
    {
      gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (widget), GTK_TEXT_WINDOW_WIDGET,
                                             x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (widget), &iter, bx, by))
        return FALSE;
    }
  item = item_at (self, gtk_text_iter_get_offset (&iter));
  if (item == NULL || self->hidden[fz_figure_item_get_figure (item)->kind])
    return FALSE;
  text = fz_figure_item_dup_tooltip (item);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_find (FzReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  GtkTextIter start, end, match_start, match_end;
  g_autofree char *count = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
  g_array_set_size (self->matches, 0);
  self->current_match = -1;

  if (needle != NULL && *needle != '\0')
    while (gtk_text_iter_forward_search (&start, needle,
                                         GTK_TEXT_SEARCH_CASE_INSENSITIVE
                                         | GTK_TEXT_SEARCH_TEXT_ONLY,
                                         &match_start, &match_end, NULL))
      {
        guint pair[2] = { gtk_text_iter_get_offset (&match_start),
                          gtk_text_iter_get_offset (&match_end) };

        gtk_text_buffer_apply_tag (buffer, self->match_tag, &match_start, &match_end);
        g_array_append_vals (self->matches, pair, 2);
        start = match_end;
      }

  if (needle == NULL || *needle == '\0')
    count = g_strdup ("");
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches",
                                          self->matches->len / 2),
                             self->matches->len / 2);
  gtk_label_set_text (GTK_LABEL (self->find_count), count);
}

static void
move_to_match (FzReaderView *self,
               gboolean      forward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  guint n = self->matches->len / 2;
  GtkTextIter start, end, cursor;
  guint at;
  int next = -1;
  g_autofree char *count = NULL;

  if (n == 0)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  at = gtk_text_iter_get_offset (&cursor);
  if (self->current_match >= 0)
    next = forward ? (self->current_match + 1) % (int) n
                   : (self->current_match + (int) n - 1) % (int) n;
  else
    {
      for (guint i = 0; i < n && next < 0; i++)
        if (g_array_index (self->matches, guint, 2 * i) >= at)
          next = forward ? (int) i : (int) (i + n - 1) % (int) n;
      if (next < 0)
        next = forward ? 0 : (int) n - 1;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
  self->current_match = next;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_array_index (self->matches, guint, 2 * next));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, g_array_index (self->matches, guint, 2 * next + 1));
  gtk_text_buffer_apply_tag (buffer, self->current_tag, &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->text_view), &start, 0.1, FALSE, 0, 0.3);
  count = g_strdup_printf (_("%d of %u"), next + 1, n);
  gtk_label_set_text (GTK_LABEL (self->find_count), count);
}

static void
find_next (FzReaderView *self)
{
  move_to_match (self, TRUE);
}

static void
find_previous (FzReaderView *self)
{
  move_to_match (self, FALSE);
}

static gboolean
find_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  FzReaderView          *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      move_to_match (self, FALSE);
      return TRUE;
    }
  return FALSE;
}

static void
move_to_figure (FzReaderView *self,
                gboolean      forward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter sel_start, sel_end;
  guint from;

  if (self->by_pos == NULL || self->by_pos->len == 0)
    return;
  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  from = gtk_text_iter_get_offset (&sel_start);

  if (forward)
    {
      for (guint i = 0; i < self->by_pos->len; i++)
        {
          FzFigureItem *item = g_ptr_array_index (self->by_pos, i);
          gboolean at_start = gtk_text_iter_is_start (&sel_start) && i == 0
            && !gtk_text_buffer_get_has_selection (buffer);

          if (self->hidden[fz_figure_item_get_figure (item)->kind])
            continue;
          if (fz_figure_item_get_view_start (item) > from || at_start)
            {
              select_item_in_text (self, item);
              return;
            }
        }
    }
  else
    {
      for (guint i = self->by_pos->len; i > 0; i--)
        {
          FzFigureItem *item = g_ptr_array_index (self->by_pos, i - 1);

          if (self->hidden[fz_figure_item_get_figure (item)->kind])
            continue;
          if (fz_figure_item_get_view_start (item) < from)
            {
              select_item_in_text (self, item);
              return;
            }
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
}

/* Actions */

static void
action_find (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->find_bar), TRUE);
  gtk_widget_grab_focus (self->find_entry);
}

static void
action_find_next (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  move_to_match (user_data, TRUE);
}

static void
action_find_previous (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  move_to_match (user_data, FALSE);
}

static void
action_next_figure (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  move_to_figure (user_data, TRUE);
}

static void
action_previous_figure (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  move_to_figure (user_data, FALSE);
}

static void
set_zoom (FzReaderView *self,
          double        zoom)
{
  g_settings_set_double (self->settings, "zoom", CLAMP (zoom, 0.5, 3.0));
}

static void
action_zoom_in (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;
  set_zoom (self, self->zoom + 0.1);
}

static void
action_zoom_out (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;
  set_zoom (self, self->zoom - 0.1);
}

static void
action_zoom_reset (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  set_zoom (user_data, 1.0);
}

static void
action_jump (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_variant_get_uint32 (param));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->text_view), &iter, 0, TRUE, 0, 0);
  gtk_popover_popdown (GTK_POPOVER (self->outline_popover));
  gtk_widget_grab_focus (self->text_view);
}

static void
hidden_kinds_changed (FzReaderView *self)
{
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-kinds");

  for (guint k = 0; k < FZ_N_KINDS; k++)
    {
      g_autofree char *name = g_strconcat ("show-", fz_kind_to_string (k), NULL);
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

      self->hidden[k] = g_strv_contains ((const char * const *) hidden, fz_kind_to_string (k));
      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (!self->hidden[k]));
    }
  apply_palette (self);
}

static void
action_show_kind (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  FzReaderView *self = user_data;
  const char *kind = g_action_get_name (G_ACTION (action)) + strlen ("show-");
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-kinds");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  for (guint i = 0; hidden[i] != NULL; i++)
    if (g_strcmp0 (hidden[i], kind) != 0)
      g_strv_builder_add (builder, hidden[i]);
  if (!g_variant_get_boolean (state))
    g_strv_builder_add (builder, kind);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "hidden-kinds", (const char * const *) updated);
}

static void
zoom_changed (FzReaderView *self)
{
  self->zoom = g_settings_get_double (self->settings, "zoom");
  apply_zoom (self);
}

/* GtkWidget overrides */

static void
fz_reader_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  FzReaderView *self = FZ_READER_VIEW (widget);
  int text_width = gtk_widget_get_width (self->text_scroller);
  int measure = (int) (MEASURE_CHARS * BASE_FONT_PX * self->zoom);
  int margin = MAX (24, (text_width - measure) / 2);

  /* The first time there is room, the divider leaves the figure list about 380 pixels; from
   * then on extra width goes to the text (resize-end-child is off). */
  if (!self->paned_placed && width > 0)
    {
      gtk_paned_set_position (GTK_PANED (self->paned), MAX (width / 2, width - 380));
      self->paned_placed = TRUE;
    }

  /* A comfortable measure: about 40 characters a line, centred, whatever the width. */
  if (gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self->text_view)) != margin)
    {
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), margin);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), margin);
    }
  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static void
fz_reader_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  FzReaderView *self = FZ_READER_VIEW (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
fz_reader_view_dispose (GObject *object)
{
  FzReaderView *self = FZ_READER_VIEW (object);

  clear_idle (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_READER_VIEW);
  g_clear_object (&self->document);
  g_clear_pointer (&self->lexicon, fz_lexicon_unref);
  g_clear_object (&self->items);
  g_clear_pointer (&self->by_pos, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->outline, g_array_unref);
  g_clear_pointer (&self->inserted, g_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->css);
  g_clear_object (&self->actions);
  G_OBJECT_CLASS (fz_reader_view_parent_class)->dispose (object);
}

static void
fz_reader_view_class_init (FzReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_reader_view_dispose;
  widget_class->size_allocate = fz_reader_view_size_allocate;
  widget_class->measure = fz_reader_view_measure;

  g_type_ensure (FZ_TYPE_FIGURE_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fanzha/Fanzha/ui/fz-reader-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, box);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, outline_button);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, outline_popover);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, outline_list);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, title_label);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, figures_button);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, find_bar);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, find_entry);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, find_count);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, paned);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, text_view);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, detail_label);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, figure_table);
  gtk_widget_class_set_css_name (widget_class, "readerview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fz_reader_view_init (FzReaderView *self)
{
  const GActionEntry entries[] = {
    { "find", action_find },
    { "find-next", action_find_next },
    { "find-previous", action_find_previous },
    { "next-figure", action_next_figure },
    { "previous-figure", action_previous_figure },
    { "zoom-in", action_zoom_in },
    { "zoom-out", action_zoom_out },
    { "zoom-reset", action_zoom_reset },
    { "jump", action_jump, "u" },
  };
  GtkTextBuffer *buffer;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->article = -1;
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->outline = g_array_new (FALSE, FALSE, sizeof (OutlineEntry));
  self->inserted = g_array_new (FALSE, FALSE, sizeof (guint));
  self->by_pos = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_list_store_new (FZ_TYPE_FIGURE_ITEM);
  self->current_match = -1;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  for (guint k = 0; k < FZ_N_KINDS; k++)
    {
      g_autofree char *name = g_strconcat ("figure-", fz_kind_to_string (k), NULL);
      g_autofree char *touching = g_strconcat (name, "-touching", NULL);

      self->kind_tags[k] = gtk_text_buffer_create_tag (buffer, name, NULL);
      self->touching_tags[k] = gtk_text_buffer_create_tag (buffer, touching, NULL);
    }
  self->title_tag = gtk_text_buffer_create_tag (buffer, "article-title",
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "scale", 1.2,
                                                NULL);
  self->match_tag = gtk_text_buffer_create_tag (buffer, "find-match",
                                                "background", "#f6d32d", "foreground", "#000000",
                                                NULL);
  self->current_tag = gtk_text_buffer_create_tag (buffer, "find-current",
                                                  "background", "#ff7800", "foreground", "#000000",
                                                  NULL);
  g_signal_connect_swapped (buffer, "notify::cursor-position", G_CALLBACK (cursor_moved), self);
  g_signal_connect (self->text_view, "query-tooltip", G_CALLBACK (query_tooltip), self);
  g_signal_connect_swapped (self->figure_table, "figure-selected",
                            G_CALLBACK (figure_selected), self);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  for (guint k = 0; k < FZ_N_KINDS; k++)
    {
      g_autofree char *name = g_strconcat ("show-", fz_kind_to_string (k), NULL);
      g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, NULL,
                                                                      g_variant_new_boolean (TRUE));
      g_signal_connect (action, "change-state", G_CALLBACK (action_show_kind), self);
      g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "reader", G_ACTION_GROUP (self->actions));

  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->find_bar), GTK_EDITABLE (self->find_entry));
  g_signal_connect_swapped (self->find_entry, "search-changed", G_CALLBACK (update_find), self);
  g_signal_connect_swapped (self->find_entry, "activate", G_CALLBACK (find_next), self);
  g_signal_connect_swapped (self->find_entry, "next-match", G_CALLBACK (find_next), self);
  g_signal_connect_swapped (self->find_entry, "previous-match", G_CALLBACK (find_previous), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (find_key_pressed), self);
  gtk_widget_add_controller (self->find_entry, keys);

  self->css = gtk_css_provider_new ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->text_view),
                                  GTK_STYLE_PROVIDER (self->css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::zoom", G_CALLBACK (zoom_changed), self);
  g_signal_connect_swapped (self->settings, "changed::hidden-kinds",
                            G_CALLBACK (hidden_kinds_changed), self);
  g_settings_bind (self->settings, "show-figure-list", self->figures_button, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (apply_palette), self, G_CONNECT_SWAPPED);
  zoom_changed (self);
  hidden_kinds_changed (self);
  update_detail (self, NULL);
}

/* Public API */

GtkWidget *
fz_reader_view_new (void)
{
  return g_object_new (FZ_TYPE_READER_VIEW, NULL);
}

void
fz_reader_view_set_document (FzReaderView *self,
                             FzDocument   *document,
                             int           article)
{
  GtkTextBuffer *buffer;
  FzLayout *layout;
  FzFigureList *figures;
  const char *text, *original;
  gsize len, original_len;
  guint view_end, n_chars;
  const char *from, *to;

  g_return_if_fail (FZ_IS_READER_VIEW (self));
  g_return_if_fail (document == NULL || FZ_IS_DOCUMENT (document));

  clear_idle (self);
  g_array_set_size (self->outline, 0);
  self->next_outline = 0;
  self->n_stale_rows = self->n_outline_rows;
  gtk_widget_set_sensitive (self->outline_button, FALSE);
  g_set_object (&self->document, document);
  self->article = article;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_set_text (buffer, "", 0);
  g_list_store_remove_all (self->items);
  fz_figure_table_set_items (self->figure_table, G_LIST_MODEL (self->items));
  g_ptr_array_set_size (self->by_pos, 0);
  self->next_item = 0;
  self->next_tag = 0;
  self->last_touching = FALSE;
  update_detail (self, NULL);
  if (document == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->title_label), "");
      start_fill (self);
      return;
    }

  layout = fz_document_get_layout (document);
  text = fz_layout_get_text (layout, &len);
  n_chars = fz_layout_get_n_chars (layout);
  self->view_start = 0;
  view_end = n_chars;
  if (article >= 0)
    {
      GPtrArray *articles = fz_document_get_articles (document);

      g_return_if_fail (articles != NULL && (guint) article < articles->len);
      {
        FzArticle *a = g_ptr_array_index (articles, article);
        self->view_start = fz_layout_to_repaired (layout, a->start);
        view_end = MAX (self->view_start, fz_layout_to_repaired (layout, a->end));
      }
      gtk_label_set_text (GTK_LABEL (self->title_label),
                          ((FzArticle *) g_ptr_array_index (articles, article))->title);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->title_label), fz_document_get_title (document));

  /* One walk to find the byte bounds of the shown stretch; none for the whole page. */
  if (article < 0)
    {
      from = text;
      to = text + len;
    }
  else
    {
      from = g_utf8_offset_to_pointer (text, self->view_start);
      to = g_utf8_offset_to_pointer (from, view_end - self->view_start);
    }
  g_array_set_size (self->inserted, 0);
  if ((gsize) (to - from) > CHUNK_BYTES || has_long_line (from, to - from))
    {
      self->pending_text = break_long_lines (from, to - from, self->inserted, &self->pending_len);
      self->pending_pos = 0;
      if (self->pending_len <= CHUNK_BYTES)
        {
          gtk_text_buffer_set_text (buffer, self->pending_text, self->pending_len);
          g_clear_pointer (&self->pending_text, g_free);
          self->pending_len = 0;
        }
    }
  else
    gtk_text_buffer_set_text (buffer, from, to - from);

  figures = fz_document_get_figures (document);
  original = fz_document_get_text (document, &original_len);
  for (guint i = 0; figures != NULL && i < fz_figure_list_get_n (figures); i++)
    {
      const FzFigure *f = fz_figure_list_get (figures, i);
      guint rs = fz_layout_to_repaired (layout, f->start);
      guint re = fz_layout_to_repaired (layout, f->end);
      g_autofree char *shown = NULL;
      guint start, end;

      if (rs < self->view_start || re > view_end || re <= rs)
        continue;
      start = shown_offset (self, rs - self->view_start, FALSE);
      end = shown_offset (self, re - self->view_start, TRUE);
      if (self->by_pos->len > 0
          && fz_figure_item_get_view_end (g_ptr_array_index (self->by_pos, self->by_pos->len - 1))
             > start)
        continue;
      shown = collapse_space (original + f->byte_start, f->byte_end - f->byte_start);
      g_ptr_array_add (self->by_pos,
                       fz_figure_item_new (figures, i, shown, start, end));
      if (self->lexicon != NULL && f->indicator != 0)
        {
          const FzIndicator *indicator =
            fz_lexicon_lookup (self->lexicon, fz_figure_list_str (figures, f->indicator));

          if (indicator != NULL)
            fz_figure_item_set_indicator_name (g_ptr_array_index (self->by_pos,
                                                                  self->by_pos->len - 1),
                                               chinese_ui () ? indicator->name_zh
                                                             : indicator->name_en);
        }
    }
  collect_outline (self, layout, view_end);
  apply_palette (self);
  start_fill (self);
}

void
fz_reader_view_set_lexicon (FzReaderView *self,
                            FzLexicon    *lexicon)
{
  g_return_if_fail (FZ_IS_READER_VIEW (self));

  if (lexicon != NULL)
    fz_lexicon_ref (lexicon);
  g_clear_pointer (&self->lexicon, fz_lexicon_unref);
  self->lexicon = lexicon;
}

FzDocument *
fz_reader_view_get_document (FzReaderView *self)
{
  g_return_val_if_fail (FZ_IS_READER_VIEW (self), NULL);
  return self->document;
}

GActionGroup *
fz_reader_view_get_actions (FzReaderView *self)
{
  g_return_val_if_fail (FZ_IS_READER_VIEW (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

gboolean
fz_reader_view_is_busy (FzReaderView *self)
{
  g_return_val_if_fail (FZ_IS_READER_VIEW (self), FALSE);
  return self->idle_id != 0;
}

guint
fz_reader_view_get_n_highlighted (FzReaderView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  guint n = 0;

  g_return_val_if_fail (FZ_IS_READER_VIEW (self), 0);

  /* Count the highlighted spans as the buffer holds them, not as we meant to tag them. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      for (guint k = 0; k < FZ_N_KINDS; k++)
        if (!self->hidden[k])
          n += gtk_text_iter_starts_tag (&iter, self->kind_tags[k])
               + gtk_text_iter_starts_tag (&iter, self->touching_tags[k]);
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, NULL));
  return n;
}

GtkTextView *
fz_reader_view_get_text_view (FzReaderView *self)
{
  g_return_val_if_fail (FZ_IS_READER_VIEW (self), NULL);
  return GTK_TEXT_VIEW (self->text_view);
}

FzFigureTable *
fz_reader_view_get_figure_table (FzReaderView *self)
{
  g_return_val_if_fail (FZ_IS_READER_VIEW (self), NULL);
  return self->figure_table;
}

guint
fz_reader_view_find (FzReaderView *self,
                     const char   *text)
{
  g_return_val_if_fail (FZ_IS_READER_VIEW (self), 0);

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->find_bar), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text);
  update_find (self);
  return self->matches->len / 2;
}

FzFigureItem *
fz_reader_view_get_figure_at_cursor (FzReaderView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_val_if_fail (FZ_IS_READER_VIEW (self), NULL);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return item_at (self, gtk_text_iter_get_offset (&iter));
}
