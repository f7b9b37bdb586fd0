/* fz-reader-find.c: find in page for the reader: matches, their count, next and previous. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-reader-view-private.h"

static void
tag_matches (FzReaderView *self,
             const char   *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end, match_start, match_end;

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
}

void
_fz_reader_view_update_find (FzReaderView *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  g_autofree char *count = NULL;

  tag_matches (self, needle);
  if (needle == NULL || *needle == '\0')
    count = g_strdup ("");
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches",
                                          self->matches->len / 2),
                             self->matches->len / 2);
  gtk_label_set_text (GTK_LABEL (self->find_count), count);
}

/* The match after (or before) the current one, going round; without a current one, the
 * first from the cursor on. */
static int
next_match (FzReaderView *self,
            gboolean      forward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  guint n = self->matches->len / 2;
  GtkTextIter cursor;
  guint at;
  int next = -1;

  if (self->current_match >= 0)
    return forward ? (self->current_match + 1) % (int) n
                   : (self->current_match + (int) n - 1) % (int) n;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  at = gtk_text_iter_get_offset (&cursor);
  for (guint i = 0; i < n && next < 0; i++)
    if (g_array_index (self->matches, guint, 2 * i) >= at)
      next = forward ? (int) i : (int) (i + n - 1) % (int) n;
  if (next < 0)
    next = forward ? 0 : (int) n - 1;
  return next;
}

void
_fz_reader_view_move_to_match (FzReaderView *self,
                               gboolean      forward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  guint n = self->matches->len / 2;
  GtkTextIter start, end;
  int next;
  g_autofree char *count = NULL;

  if (n == 0)
    return;
  next = next_match (self, forward);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
  self->current_match = next;
  gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                      g_array_index (self->matches, guint, 2 * next));
  gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                      g_array_index (self->matches, guint, 2 * next + 1));
  gtk_text_buffer_apply_tag (buffer, self->current_tag, &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->text_view), &start, 0.1, FALSE, 0, 0.3);
  count = g_strdup_printf (_("%d of %u"), next + 1, n);
  gtk_label_set_text (GTK_LABEL (self->find_count), count);
}

static void
find_next (FzReaderView *self)
{
  _fz_reader_view_move_to_match (self, TRUE);
}

static void
find_previous (FzReaderView *self)
{
  _fz_reader_view_move_to_match (self, FALSE);
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
      _fz_reader_view_move_to_match (self, FALSE);
      return TRUE;
    }
  return FALSE;
}

void
_fz_reader_view_init_find (FzReaderView *self)
{
  GtkEventController *keys;

  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->find_bar), GTK_EDITABLE (self->find_entry));
  g_signal_connect_swapped (self->find_entry, "search-changed",
                            G_CALLBACK (_fz_reader_view_update_find), self);
  g_signal_connect_swapped (self->find_entry, "activate", G_CALLBACK (find_next), self);
  g_signal_connect_swapped (self->find_entry, "next-match", G_CALLBACK (find_next), self);
  g_signal_connect_swapped (self->find_entry, "previous-match", G_CALLBACK (find_previous), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (find_key_pressed), self);
  gtk_widget_add_controller (self->find_entry, keys);
}
