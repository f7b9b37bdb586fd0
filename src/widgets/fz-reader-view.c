/* fz-reader-view.c: the reader pane: its type, parts, showing a document, and public API. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include "fz-reader-view-private.h"

#define MEASURE_CHARS 40

G_DEFINE_FINAL_TYPE (FzReaderView, fz_reader_view, GTK_TYPE_WIDGET)

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

  _fz_reader_view_panes_allocated (self, width);

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

/* Unmapped, the view draws no frame to wait for. */
static void
fz_reader_view_unmap (GtkWidget *widget)
{
  _fz_reader_view_flush_staged (FZ_READER_VIEW (widget));
  GTK_WIDGET_CLASS (fz_reader_view_parent_class)->unmap (widget);
}

static void
fz_reader_view_dispose (GObject *object)
{
  FzReaderView *self = FZ_READER_VIEW (object);

  _fz_reader_view_stop_fill (self);
  g_clear_handle_id (&self->panes_source, g_source_remove);
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
  _fz_reader_view_drop_workspace (self);
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
  widget_class->unmap = fz_reader_view_unmap;

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
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, panes);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, text_box);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, text_view);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, detail_label);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, figure_table);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, review_label);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, review_bar);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, review_title);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, review_position);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, review_keys);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, kinds_menu);
  gtk_widget_class_bind_template_child (widget_class, FzReaderView, annotate_menu);
  gtk_widget_class_set_css_name (widget_class, "readerview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* The order counts: where two tags set the same property the one created later wins, so a
 * find match shows over a highlight and the current match over both. */
static void
create_tags (FzReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));

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
  self->added_tag = gtk_text_buffer_create_tag (buffer, "figure-added",
                                                "underline", PANGO_UNDERLINE_DOUBLE, NULL);
  /* The text view draws no overline; bold reads as "touched" on any highlight. */
  self->edited_tag = gtk_text_buffer_create_tag (buffer, "figure-edited",
                                                 "weight", PANGO_WEIGHT_BOLD,
                                                 "underline", PANGO_UNDERLINE_SINGLE, NULL);
  self->rejected_tag = gtk_text_buffer_create_tag (buffer, "figure-rejected",
                                                   "strikethrough", TRUE,
                                                   "underline", PANGO_UNDERLINE_NONE, NULL);
  self->match_tag = gtk_text_buffer_create_tag (buffer, "find-match",
                                                "background", "#f6d32d", "foreground", "#000000",
                                                NULL);
  self->current_tag = gtk_text_buffer_create_tag (buffer, "find-current",
                                                  "background", "#ff7800", "foreground", "#000000",
                                                  NULL);
}

static void
fz_reader_view_init (FzReaderView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->article = -1;
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->outline = g_array_new (FALSE, FALSE, sizeof (OutlineEntry));
  self->inserted = g_array_new (FALSE, FALSE, sizeof (guint));
  self->by_pos = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_list_store_new (FZ_TYPE_FIGURE_ITEM);
  self->current_match = -1;

  create_tags (self);
  _fz_reader_view_init_figures (self);
  _fz_reader_view_init_actions (self);
  _fz_reader_view_init_find (self);
  _fz_reader_view_init_annotate (self);
  _fz_reader_view_init_settings (self);
  _fz_reader_view_update_detail (self, NULL);
}

/* Showing a document */

/* Empties the figure list of the last document, and its text unless @keep_text (then only
 * the text's highlights go). */
static void
clear_shown (FzReaderView *self,
             gboolean      keep_text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end;

  if (keep_text)
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_all_tags (buffer, &start, &end);
    }
  else
    gtk_text_buffer_set_text (buffer, "", 0);
  g_list_store_remove_all (self->items);
  fz_figure_table_set_items (self->figure_table, G_LIST_MODEL (self->items));
  g_ptr_array_set_size (self->by_pos, 0);
  self->next_item = 0;
  _fz_reader_view_update_detail (self, NULL);
}

static gboolean
article_in_range (FzDocument *document,
                  int         article)
{
  GPtrArray *articles = fz_document_get_articles (document);

  return articles != NULL && (guint) article < articles->len;
}

/* Shows the title and finds the shown stretch of the repaired text, [from, to) in bytes and
 * [view_start, view_end) in code points: the article's, or with @article < 0 the page's. */
static void
find_stretch (FzReaderView  *self,
              FzLayout      *layout,
              int            article,
              const char   **from,
              const char   **to,
              guint         *view_end)
{
  gsize len;
  const char *text = fz_layout_get_text (layout, &len);
  FzArticle *a;

  self->view_start = 0;
  *view_end = fz_layout_get_n_chars (layout);
  /* One walk to find the byte bounds of the shown stretch; none for the whole page. */
  if (article < 0)
    {
      gtk_label_set_text (GTK_LABEL (self->title_label), fz_document_get_title (self->document));
      *from = text;
      *to = text + len;
      return;
    }
  a = g_ptr_array_index (fz_document_get_articles (self->document), article);
  self->view_start = fz_layout_to_repaired (layout, a->start);
  *view_end = MAX (self->view_start, fz_layout_to_repaired (layout, a->end));
  gtk_label_set_text (GTK_LABEL (self->title_label), a->title);
  *from = g_utf8_offset_to_pointer (text, self->view_start);
  *to = g_utf8_offset_to_pointer (*from, *view_end - self->view_start);
}

/* Public API */

GtkWidget *
fz_reader_view_new (void)
{
  return g_object_new (FZ_TYPE_READER_VIEW, NULL);
}

/* Shows @document; @refresh: it is the one shown, read again, and where its shown stretch
 * is the text the buffer holds that text stays, and only its highlights are put anew. */
static void
show_document (FzReaderView *self,
               FzDocument   *document,
               int           article,
               gboolean      refresh)
{
  FzLayout *layout;
  const char *from, *to;
  guint view_end;
  gboolean keep_text;

  if (document == NULL)
    {
      _fz_reader_view_reset_fill (self);
      self->stage_next = FALSE;
      g_set_object (&self->document, NULL);
      self->article = article;
      clear_shown (self, FALSE);
      gtk_label_set_text (GTK_LABEL (self->title_label), "");
      _fz_reader_view_start_fill (self);
      _fz_reader_view_update_review (self);
      return;
    }
  g_return_if_fail (article < 0 || article_in_range (document, article));

  layout = fz_document_get_layout (document);
  g_set_object (&self->document, document);
  find_stretch (self, layout, article, &from, &to, &view_end);
  keep_text = refresh && _fz_reader_view_shows_text (self, from, to);
  _fz_reader_view_reset_fill (self);
  self->article = article;
  self->staging = self->stage_next && !keep_text;
  self->stage_items = self->stage_next;
  self->stage_next = FALSE;
  clear_shown (self, keep_text);
  if (!keep_text)
    _fz_reader_view_set_text (self, from, to);
  _fz_reader_view_collect_figures (self, layout, view_end);
  _fz_reader_view_collect_outline (self, layout, view_end);
  _fz_reader_view_apply_palette (self);
  _fz_reader_view_start_fill (self);
  _fz_reader_view_update_review (self);
}

void
fz_reader_view_set_document (FzReaderView *self,
                             FzDocument   *document,
                             int           article)
{
  g_return_if_fail (FZ_IS_READER_VIEW (self));
  g_return_if_fail (document == NULL || FZ_IS_DOCUMENT (document));

  show_document (self, document, article, FALSE);
}

void
fz_reader_view_refresh (FzReaderView *self,
                        int           article)
{
  g_return_if_fail (FZ_IS_READER_VIEW (self));

  if (self->document != NULL)
    show_document (self, self->document, article, TRUE);
  self->stage_next = FALSE;
}

void
fz_reader_view_stage_next (FzReaderView *self)
{
  g_return_if_fail (FZ_IS_READER_VIEW (self));
  self->stage_next = TRUE;
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
  return self->idle_id != 0 || fz_after_frame_pending (&self->stage_after);
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
  _fz_reader_view_update_find (self);
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
  return _fz_reader_view_item_at (self, gtk_text_iter_get_offset (&iter));
}
