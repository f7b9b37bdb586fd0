/* fz-reader-annotate.c: the reader's corrections: the workspace's decisions shown on the text and
 * the list, updated one figure at a time as they change. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-reader-view-private.h"

/* More changed figures than this at once (accept all, a large undo) are put back into the list
 * in one splice rather than one by one. */
#define SPLICE_ALL_OVER 64

/* The status look in the text */

void
_fz_reader_view_tag_status (FzReaderView *self,
                            FzFigureItem *item)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  guint32 flags = fz_figure_item_get_flags (item);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, fz_figure_item_get_view_start (item));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, fz_figure_item_get_view_end (item));
  gtk_text_buffer_remove_tag (buffer, self->rejected_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->added_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->edited_tag, &start, &end);
  if (flags & FZ_FIGURE_STATUS_REJECTED)
    gtk_text_buffer_apply_tag (buffer, self->rejected_tag, &start, &end);
  else if (flags & FZ_FIGURE_STATUS_ADDED)
    gtk_text_buffer_apply_tag (buffer, self->added_tag, &start, &end);
  else if (flags & FZ_FIGURE_STATUS_EDITED)
    gtk_text_buffer_apply_tag (buffer, self->edited_tag, &start, &end);
}

/* Takes every highlight off @item's span, or puts its own back on. */
static void
retag_item (FzReaderView *self,
            FzFigureItem *item,
            gboolean      removed)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, fz_figure_item_get_view_start (item));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, fz_figure_item_get_view_end (item));
  for (guint k = 0; k < FZ_N_KINDS; k++)
    {
      gtk_text_buffer_remove_tag (buffer, self->kind_tags[k], &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->touching_tags[k], &start, &end);
    }
  if (removed)
    {
      fz_figure_item_set_figure (item, fz_figure_item_get_list (item),
                                 fz_figure_item_get_index (item), 0);
      _fz_reader_view_tag_status (self, item);
      return;
    }
  if (!(fz_figure_item_get_flags (item) & FZ_FIGURE_STATUS_REJECTED))
    gtk_text_buffer_apply_tag (buffer, self->kind_tags[fz_figure_item_get_figure (item)->kind],
                               &start, &end);
  _fz_reader_view_tag_status (self, item);
}

/* Comparing the shown figures with the corrected ones */

static gboolean
same_str (const FzFigureList *a,
          guint32             sa,
          const FzFigureList *b,
          guint32             sb)
{
  return g_strcmp0 (fz_figure_list_str (a, sa), fz_figure_list_str (b, sb)) == 0;
}

static gboolean
figure_differs (FzFigureItem       *item,
                const FzFigureList *list,
                guint               index,
                guint32             flags)
{
  const FzFigureList *old_list = fz_figure_item_get_list (item);
  const FzFigure *a = fz_figure_item_get_figure (item);
  const FzFigure *b = fz_figure_list_get (list, index);

  return fz_figure_item_get_flags (item) != flags || a->kind != b->kind ||
         a->qualifier != b->qualifier || a->change != b->change || a->basis != b->basis ||
         a->core != b->core || !same_str (old_list, a->value, list, b->value) ||
         !same_str (old_list, a->unit, list, b->unit) ||
         !same_str (old_list, a->indicator, list, b->indicator) ||
         !same_str (old_list, a->region, list, b->region) ||
         !same_str (old_list, a->period, list, b->period);
}

static guint
view_end (FzReaderView *self,
          FzLayout     *layout)
{
  FzArticle *a;

  if (self->article < 0)
    return fz_layout_get_n_chars (layout);
  a = g_ptr_array_index (fz_document_get_articles (self->document), self->article);
  return MAX (self->view_start, fz_layout_to_repaired (layout, a->end));
}

typedef struct
{
  GPtrArray *by_pos;    /* the new items in text order, owned */
  GArray    *changed;   /* guint: positions in by_pos whose row must be bound again */
  GPtrArray *removed;   /* items no longer shown, owned */
} Diff;

static void
diff_keep (FzReaderView *self,
           Diff         *diff,
           FzFigureItem *item,
           FzFigureList *list,
           guint         i,
           guint32       flags)
{
  if (figure_differs (item, list, i, flags))
    {
      guint at = diff->by_pos->len;

      fz_figure_item_set_figure (item, list, i, flags);
      g_array_append_val (diff->changed, at);
    }
  g_ptr_array_add (diff->by_pos, g_object_ref (item));
}

static void
diff_add (FzReaderView *self,
          Diff         *diff,
          FzLayout     *layout,
          FzFigureList *list,
          guint         i,
          guint32       flags)
{
  FzFigureItem *item = _fz_reader_view_add_figure (self, layout, view_end (self, layout), list, i,
                                                   flags);
  guint at = diff->by_pos->len;

  if (item == NULL)
    return;
  if (at > 0 && fz_figure_item_get_view_end (g_ptr_array_index (diff->by_pos, at - 1))
                > fz_figure_item_get_view_start (item))
    {
      g_object_unref (item);
      return;
    }
  g_ptr_array_add (diff->by_pos, item);
  g_array_append_val (diff->changed, at);
}

/* Walks the shown items and the corrected figures together, both in text order. */
static void
diff_figures (FzReaderView *self,
              FzFigureList *list,
              GArray       *status,
              Diff         *diff)
{
  FzLayout *layout = fz_document_get_layout (self->document);
  guint n = fz_figure_list_get_n (list);
  guint o = 0, i = 0;

  while (o < self->by_pos->len || i < n)
    {
      FzFigureItem *old = o < self->by_pos->len ? g_ptr_array_index (self->by_pos, o) : NULL;
      const FzFigure *f = i < n ? fz_figure_list_get (list, i) : NULL;
      FzFigureId old_id = old != NULL ? fz_figure_item_get_id (old) : G_MAXUINT64;
      FzFigureId new_id = f != NULL ? FZ_FIGURE_ID (f->start, f->end) : G_MAXUINT64;
      guint32 flags = f != NULL ? g_array_index (status, FzFigureStatus, i).flags : 0;

      if (old_id == new_id)
        diff_keep (self, diff, old, list, i, flags), o++, i++;
      else if (new_id < old_id)
        diff_add (self, diff, layout, list, i++, flags);
      else
        g_ptr_array_add (diff->removed, g_object_ref (old)), o++;
    }
}

/* Puts the diff into the list store and the text, touching only what changed. */
static void
apply_diff (FzReaderView *self,
            Diff         *diff)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint r = 0; r < diff->removed->len; r++)
    retag_item (self, g_ptr_array_index (diff->removed, r), TRUE);
  for (guint c = 0; c < diff->changed->len; c++)
    retag_item (self, g_ptr_array_index (diff->by_pos, g_array_index (diff->changed, guint, c)),
                FALSE);
  g_ptr_array_set_size (self->by_pos, 0);
  g_ptr_array_extend_and_steal (self->by_pos, g_steal_pointer (&diff->by_pos));
  self->next_item = self->next_tag = self->by_pos->len;
  if (diff->changed->len + diff->removed->len > SPLICE_ALL_OVER || diff->removed->len > 0)
    {
      g_list_store_splice (self->items, 0, n_old, self->by_pos->pdata, self->by_pos->len);
      return;
    }
  /* Changed positions count in the new list, in order: each earlier insertion is already made,
   * so the store holds the same item there unless this one is new. Putting an item back makes
   * its row read it again. */
  for (guint c = 0; c < diff->changed->len; c++)
    {
      guint at = g_array_index (diff->changed, guint, c);
      FzFigureItem *item = g_ptr_array_index (self->by_pos, at);
      g_autoptr(FzFigureItem) there = g_list_model_get_item (G_LIST_MODEL (self->items), at);

      g_list_store_splice (self->items, at, there == item ? 1 : 0, (gpointer *) &item, 1);
    }
}

/* The corrected figures of the document, as the decisions now say, reach the text and the list;
 * the text itself stays. */
void
_fz_reader_view_refresh_figures (FzReaderView *self)
{
  g_autoptr(FzFigureList) list = NULL;
  g_autoptr(GArray) status = NULL;
  FzFigureItem *at_cursor;
  Diff diff;

  if (self->document == NULL || self->decisions == NULL)
    return;
  if (fz_reader_view_is_busy (self))
    {
      /* Still filling: start again, which shows the corrected figures. */
      fz_reader_view_set_document (self, self->document, self->article);
      return;
    }
  list = fz_decisions_apply (self->decisions, self->document, &status);
  diff.by_pos = g_ptr_array_new_with_free_func (g_object_unref);
  diff.changed = g_array_new (FALSE, FALSE, sizeof (guint));
  diff.removed = g_ptr_array_new_with_free_func (g_object_unref);
  diff_figures (self, list, status, &diff);
  apply_diff (self, &diff);
  g_clear_pointer (&diff.by_pos, g_ptr_array_unref);
  g_array_unref (diff.changed);
  g_ptr_array_unref (diff.removed);
  fz_figure_table_set_items (self->figure_table, G_LIST_MODEL (self->items));
  at_cursor = fz_reader_view_get_figure_at_cursor (self);
  _fz_reader_view_update_detail (self, at_cursor);
  _fz_reader_view_update_review (self);
}

/* Watching the workspace */

static void
decisions_changed (FzReaderView *self,
                   const char   *path,
                   FzDecisions  *decisions)
{
  g_autofree char *key = NULL;

  if (self->document == NULL)
    return;
  key = fz_decisions_document_key (self->document);
  if (g_strcmp0 (key, path) == 0)
    _fz_reader_view_refresh_figures (self);
  _fz_reader_view_update_review (self);
}

static void
set_decisions (FzReaderView *self,
               FzDecisions  *decisions)
{
  if (self->decisions == decisions)
    return;
  if (self->decisions != NULL)
    g_signal_handlers_disconnect_by_func (self->decisions, decisions_changed, self);
  g_set_object (&self->decisions, decisions);
  if (decisions != NULL)
    g_signal_connect_swapped (decisions, "changed", G_CALLBACK (decisions_changed), self);
}

static void
workspace_decisions_replaced (FzReaderView *self)
{
  set_decisions (self, fz_workspace_get_decisions (self->workspace));
  if (self->document != NULL)
    fz_reader_view_set_document (self, self->document, self->article);
  _fz_reader_view_update_review (self);
}

void
_fz_reader_view_drop_workspace (FzReaderView *self)
{
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, workspace_decisions_replaced, self);
  g_clear_object (&self->workspace);
  set_decisions (self, NULL);
}

void
fz_reader_view_set_workspace (FzReaderView *self,
                              FzWorkspace  *workspace)
{
  g_return_if_fail (FZ_IS_READER_VIEW (self));
  g_return_if_fail (workspace == NULL || FZ_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, workspace_decisions_replaced, self);
  g_set_object (&self->workspace, workspace);
  set_decisions (self, workspace != NULL ? fz_workspace_get_decisions (workspace) : NULL);
  if (workspace != NULL)
    g_signal_connect_swapped (workspace, "notify::decisions",
                              G_CALLBACK (workspace_decisions_replaced), self);
  if (self->document != NULL)
    fz_reader_view_set_document (self, self->document, self->article);
  _fz_reader_view_update_review (self);
}

/* The review count and what can be done now */

void
_fz_reader_view_update_review (FzReaderView *self)
{
  guint reviewed = 0, total = 0;
  g_autofree char *text = NULL;
  gboolean shown = self->decisions != NULL && self->document != NULL;

  _fz_reader_view_update_annotate_actions (self);
  gtk_widget_set_visible (self->review_label, shown);
  if (!shown)
    return;
  fz_decisions_get_counts (self->decisions, self->document, &reviewed, &total);
  /* TRANSLATORS: figures of this document the analyst has decided on, of all of them */
  text = g_strdup_printf (_("%u of %u reviewed"), reviewed, total);
  gtk_label_set_text (GTK_LABEL (self->review_label), text);
}
