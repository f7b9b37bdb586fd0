/* fz-reader-fill.c: the reader's shown text, with long lines broken, filled in idle batches. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <string.h>

#include "fz-reader-view-private.h"

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

/* A staged fill (see fz_reader_view_stage_next) puts the figure list in STAGED_ITEMS rows a
 * frame, as the list builds and draws a widget per cell, until the list holds the rows it
 * builds at all (about 200); the rest go in at once. */
#define STAGED_ITEMS     12
#define STAGED_ITEMS_ALL 200

/* A line longer than this (a table of numbers pasted as one line) makes the text view lay
 * out one enormous paragraph, at a cost that grows with its square. The shown text breaks
 * such a line into pieces of about PIECE_BYTES: at a space, replaced one byte for one byte,
 * else after a punctuation mark, else anywhere past twice that, by an inserted newline whose
 * place is kept (see shown_offset). Shorter lines, every real paragraph, stay as they are. */
#define LONG_LINE_BYTES 4096
#define PIECE_BYTES     256

/* Long lines */

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
guint
_fz_reader_view_shown_offset (FzReaderView *self,
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

/* Puts the shown stretch text[from, to) in the buffer, or leaves it pending for the fill
 * when it is large. */
void
_fz_reader_view_set_text (FzReaderView *self,
                          const char   *from,
                          const char   *to)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));

  g_array_set_size (self->inserted, 0);
  if (self->staging && (gsize) (to - from) <= CHUNK_BYTES && !has_long_line (from, to - from))
    {
      self->pending_text = g_strndup (from, to - from);
      self->pending_len = to - from;
      self->pending_pos = 0;
    }
  else if ((gsize) (to - from) > CHUNK_BYTES || has_long_line (from, to - from))
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
}

/* Whether the buffer holds exactly text[from, to), all of it in, nothing broken: a page shown
 * again with its analysis can then keep its text and take only the new highlights. */
gboolean
_fz_reader_view_shows_text (FzReaderView *self,
                            const char   *from,
                            const char   *to)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  if (fz_reader_view_is_busy (self) || self->inserted->len > 0
      || (gsize) (to - from) > CHUNK_BYTES)
    return FALSE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  return strlen (shown) == (gsize) (to - from) && memcmp (shown, from, to - from) == 0;
}

/* The outline */

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

void
_fz_reader_view_collect_outline (FzReaderView *self,
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
      entry.offset = _fz_reader_view_shown_offset (self, at - self->view_start, FALSE);
      entry.end = _fz_reader_view_shown_offset (self, CLAMP (title_end, at, view_end)
                                                      - self->view_start, TRUE);
      g_array_append_val (self->outline, entry);
    }
  gtk_widget_set_sensitive (self->outline_button, self->outline->len > 0);
}

/* The fill */

void
_fz_reader_view_stop_fill (FzReaderView *self)
{
  fz_after_frame_cancel (&self->stage_after);
  self->staging = self->stage_items = FALSE;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->pending_text, g_free);
  self->pending_len = self->pending_pos = 0;
}

/* Stops the fill and forgets what the last document left to do. */
void
_fz_reader_view_reset_fill (FzReaderView *self)
{
  _fz_reader_view_stop_fill (self);
  g_array_set_size (self->outline, 0);
  self->next_outline = 0;
  self->n_stale_rows = self->n_outline_rows;
  gtk_widget_set_sensitive (self->outline_button, FALSE);
  self->next_tag = 0;
  self->last_touching = FALSE;
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
  /* A rejected figure loses its highlight: struck out, it no longer reads as a figure. */
  if (!(fz_figure_item_get_flags (item) & FZ_FIGURE_STATUS_REJECTED))
    gtk_text_buffer_apply_tag (buffer, touching ? self->touching_tags[kind] : self->kind_tags[kind],
                               &start, &end);
  if (fz_figure_item_get_flags (item) != 0)
    _fz_reader_view_tag_status (self, item);
}

static gboolean
remove_stale_rows (FzReaderView *self)
{
  if (self->n_stale_rows == 0)
    return FALSE;
  for (guint n = 0; n < ROW_BATCH && self->n_stale_rows > 0; n++)
    {
      gtk_list_box_remove (GTK_LIST_BOX (self->outline_list),
                           gtk_widget_get_first_child (self->outline_list));
      self->n_stale_rows--;
      self->n_outline_rows--;
    }
  return TRUE;
}

static gboolean
insert_chunk (FzReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter end;
  guint have;
  gsize n;
  const char *chunk;

  if (self->pending_text == NULL || self->pending_pos >= self->pending_len)
    {
      g_clear_pointer (&self->pending_text, g_free);
      return FALSE;
    }
  n = MIN (CHUNK_BYTES, self->pending_len - self->pending_pos);
  chunk = self->pending_text + self->pending_pos;
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

static gboolean
add_items (FzReaderView *self,
           guint         max)
{
  guint n;

  if (self->next_item >= self->by_pos->len)
    return FALSE;
  n = MIN (max, self->by_pos->len - self->next_item);
  g_list_store_splice (self->items, self->next_item, 0,
                       self->by_pos->pdata + self->next_item, n);
  self->next_item += n;
  /* Setting the same list again recounts the kinds. */
  if (self->next_item == self->by_pos->len)
    fz_figure_table_set_items (self->figure_table, G_LIST_MODEL (self->items));
  return TRUE;
}

static gboolean
add_item_batch (FzReaderView *self)
{
  return add_items (self, ITEM_BATCH);
}

static gboolean
tag_batch (FzReaderView *self)
{
  if (self->next_tag >= self->by_pos->len)
    return FALSE;
  for (guint n = 0; n < TAG_BATCH && self->next_tag < self->by_pos->len; n++)
    tag_item (self, self->next_tag++);
  return TRUE;
}

static gboolean
add_outline_batch (FzReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));

  if (self->next_outline >= self->outline->len)
    return FALSE;
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

/* Does one unit of the pending work; FALSE when there is none left. */
static gboolean
fill_step (FzReaderView *self)
{
  /* The last document's outline goes first: its rows would jump to the wrong places. */
  return remove_stale_rows (self)
         || insert_chunk (self)
         || (!self->stage_items && add_item_batch (self))
         || tag_batch (self)
         || add_outline_batch (self);
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
  _fz_reader_view_update_find (self);
  return G_SOURCE_REMOVE;
}

/* After the frame that drew the pane without its text, or the text and highlights without
 * the figure list's next rows. */
static void
staged_run (gpointer data,
            gpointer unused)
{
  FzReaderView *self = data;

  self->staging = FALSE;
  /* The text and highlights are in and drawn: the next rows of the figure list. */
  if (self->stage_items && self->pending_text == NULL)
    add_items (self, self->next_item < STAGED_ITEMS_ALL ? STAGED_ITEMS : ITEM_BATCH);
  _fz_reader_view_start_fill (self);
}

/* A staged fill left waiting for a frame that an unmapped view will not draw goes in now. */
void
_fz_reader_view_flush_staged (FzReaderView *self)
{
  if (!self->staging)
    return;
  fz_after_frame_cancel (&self->stage_after);
  self->staging = self->stage_items = FALSE;
  _fz_reader_view_start_fill (self);
}

void
_fz_reader_view_start_fill (FzReaderView *self)
{
  gboolean small = self->pending_len <= CHUNK_BYTES && self->by_pos->len <= SYNC_TAGS &&
                   self->n_stale_rows + self->outline->len <= SYNC_ROWS;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || !small)
    self->stage_items = FALSE;
  if (self->staging)
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        {
          fz_after_frame_schedule (&self->stage_after, GTK_WIDGET (self), staged_run, self);
          return;
        }
      self->staging = FALSE;
    }
  if (small)
    {
      while (fill_step (self))
        ;
      /* The highlights first, the figure list over the next frames: the two in one frame
       * took three times as long as the highlights alone. */
      if (self->stage_items && self->next_item < self->by_pos->len)
        {
          self->staging = TRUE;
          fz_after_frame_schedule (&self->stage_after, GTK_WIDGET (self), staged_run, self);
          return;
        }
      self->stage_items = FALSE;
      _fz_reader_view_update_find (self);
    }
  else
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 20, idle_fill, self, NULL);
}
