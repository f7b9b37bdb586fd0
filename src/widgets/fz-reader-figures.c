/* fz-reader-figures.c: the reader's figures: where they are, their colours, detail, tooltips,
 * F3. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fz-figure-palette.h"
#include "fz-format.h"
#include "fz-reader-view-private.h"

/* Indicator names follow the language the interface is shown in. */
static gboolean
chinese_ui (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "zh");
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

FzFigureItem *
_fz_reader_view_item_at (FzReaderView *self,
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

/* Collecting */

static void
name_indicator (FzReaderView       *self,
                FzFigureItem       *item,
                const FzFigureList *figures,
                const FzFigure     *f)
{
  const FzIndicator *indicator;

  if (self->lexicon == NULL || f->indicator == 0)
    return;
  indicator = fz_lexicon_lookup (self->lexicon, fz_figure_list_str (figures, f->indicator));
  if (indicator != NULL)
    fz_figure_item_set_indicator_name (item, chinese_ui () ? indicator->name_zh
                                                           : indicator->name_en);
}

/* Makes an item for figure @i if it lies in the shown stretch; NULL otherwise. */
FzFigureItem *
_fz_reader_view_add_figure (FzReaderView *self,
                            FzLayout     *layout,
                            guint         view_end,
                            FzFigureList *figures,
                            guint         i,
                            guint32       flags)
{
  gsize original_len;
  const char *original = fz_document_get_text (self->document, &original_len);
  const FzFigure *f = fz_figure_list_get (figures, i);
  guint rs = fz_layout_to_repaired (layout, f->start);
  guint re = fz_layout_to_repaired (layout, f->end);
  g_autofree char *shown = NULL;
  FzFigureItem *item;
  guint start, end;

  if (rs < self->view_start || re > view_end || re <= rs)
    return NULL;
  start = _fz_reader_view_shown_offset (self, rs - self->view_start, FALSE);
  end = _fz_reader_view_shown_offset (self, re - self->view_start, TRUE);
  shown = collapse_space (original + f->byte_start, f->byte_end - f->byte_start);
  item = fz_figure_item_new (figures, i, shown, start, end);
  fz_figure_item_set_figure (item, figures, i, flags);
  name_indicator (self, item, figures, f);
  return item;
}

void
_fz_reader_view_collect_figures (FzReaderView *self,
                                 FzLayout     *layout,
                                 guint         view_end)
{
  g_autoptr(FzFigureList) figures = NULL;
  g_autoptr(GArray) status = NULL;

  if (self->decisions != NULL)
    figures = fz_decisions_apply (self->decisions, self->document, &status);
  else if (fz_document_get_figures (self->document) != NULL)
    figures = fz_figure_list_ref (fz_document_get_figures (self->document));
  fz_figure_table_set_source (self->figure_table, fz_document_get_name (self->document), figures);

  for (guint i = 0; figures != NULL && i < fz_figure_list_get_n (figures); i++)
    {
      guint32 flags = status != NULL ? g_array_index (status, FzFigureStatus, i).flags : 0;
      FzFigureItem *item = _fz_reader_view_add_figure (self, layout, view_end, figures, i, flags);

      if (item == NULL)
        continue;
      /* Figures do not overlap in the text; a later one that would is left out. */
      if (self->by_pos->len > 0
          && fz_figure_item_get_view_end (g_ptr_array_index (self->by_pos, self->by_pos->len - 1))
             > fz_figure_item_get_view_start (item))
        g_object_unref (item);
      else
        g_ptr_array_add (self->by_pos, item);
    }
}

/* Colours */

static void
style_tag (GtkTextTag    *tag,
           const GdkRGBA *background,
           gboolean       shown,
           gboolean       underline)
{
  g_object_set (tag,
                "background-rgba", background,
                "background-set", shown,
                "underline", (shown && underline) ? PANGO_UNDERLINE_SINGLE : PANGO_UNDERLINE_NONE,
                NULL);
}

void
_fz_reader_view_apply_palette (FzReaderView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  /* A rejected figure reads as struck out and faded, on a light or a dark background. */
  GdkRGBA faded = dark ? (GdkRGBA) { 1, 1, 1, 0.5 } : (GdkRGBA) { 0, 0, 0, 0.45 };

  if (self->rejected_tag != NULL)
    g_object_set (self->rejected_tag, "foreground-rgba", &faded, NULL);

  for (guint k = 0; k < FZ_N_KINDS; k++)
    {
      GdkRGBA background;

      if (self->kind_tags[k] == NULL)
        continue;
      fz_figure_palette_get (k, dark, &background);
      style_tag (self->kind_tags[k], &background, !self->hidden[k], fz_kind_is_statistic (k));
      /* The same colour, stronger, so the boundary between the two shows. */
      background.alpha = MIN (1.0, background.alpha * 1.7 + 0.1);
      style_tag (self->touching_tags[k], &background, !self->hidden[k], fz_kind_is_statistic (k));
    }
}

/* The selected figure, in the text and in the list */

/* The analyst's note on the figure, or NULL. */
static char *
dup_note (FzReaderView *self,
          FzFigureItem *item)
{
  if (self->decisions == NULL || self->document == NULL
      || !(fz_figure_item_get_flags (item) & FZ_FIGURE_STATUS_NOTE))
    return NULL;
  return g_strdup (fz_decisions_get_figure_note (self->decisions, self->document,
                                                 fz_figure_item_get_id (item)));
}

/* The analyst's note on the figure, after what the machine read. */
static char *
append_note (FzReaderView *self,
             FzFigureItem *item,
             const char   *text)
{
  g_autofree char *note = dup_note (self, item);

  if (note == NULL || *note == '\0')
    return g_strdup (text);
  /* TRANSLATORS: the analyst's note on a figure, after its details */
  return g_strdup_printf (_("%s\nNote: %s"), text, note);
}

static void
add_row (GPtrArray  *rows,
         const char *label,
         char       *value)
{
  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return;
    }
  g_ptr_array_add (rows, g_strdup (label));
  g_ptr_array_add (rows, value);
}

static char *
quoted_cue (const FzFigure *f,
            const char     *text,
            gsize           len,
            guint32         start,
            guint32         end)
{
  g_autofree char *cue = text != NULL ? fz_figure_dup_cue_text (f, text, len, start, end) : NULL;

  return cue != NULL ? g_strdup_printf (_("“%s”"), cue) : NULL;
}

/* Why each attribution was made: the words it was read from. */
static void
add_cue_rows (GPtrArray      *rows,
              FzDocument     *document,
              const FzFigure *f)
{
  gsize len = 0;
  const char *text = document != NULL ? fz_document_get_text (document, &len) : NULL;

  add_row (rows, _("Indicator read from"),
           quoted_cue (f, text, len, f->indicator_cue_start, f->indicator_cue_end));
  if (f->region_cue == FZ_CUE_ARTICLE)
    add_row (rows, _("Region read from"), g_strdup (_("the place the article is about")));
  else
    add_row (rows, _("Region read from"),
             quoted_cue (f, text, len, f->region_cue_start, f->region_cue_end));
  add_row (rows, _("Period read from"),
           quoted_cue (f, text, len, f->period_cue_start, f->period_cue_end));
}

static char *
item_value (FzFigureItem   *item,
            const FzFigure *f)
{
  g_autofree char *value = NULL, *unit = NULL, *text = NULL;

  g_object_get (item, "value", &value, "unit", &unit, NULL);
  /* A date without a year says so here: the list has no room for it. */
  if (f->kind == FZ_KIND_DATE)
    return fz_format_date (value, TRUE);
  text = fz_format_value (f->kind, value, unit, f->qualifier, fz_format_lang_current ());
  return fz_format_change (f->change, f->basis, text);
}

/* Label and value, alternating, NULL-terminated: the details area and (without the figure
 * and the cues) the tooltip. */
static GStrv
detail_rows (FzReaderView *self,
             FzFigureItem *item,
             gboolean      full)
{
  const FzFigure *f = fz_figure_item_get_figure (item);
  GPtrArray *rows = g_ptr_array_new ();
  g_autofree char *indicator = NULL, *region = NULL, *period = NULL;

  g_object_get (item, "indicator", &indicator, "region", &region, "period", &period, NULL);
  if (full)
    add_row (rows, _("Figure"), g_strdup (fz_figure_item_get_text (item)));
  add_row (rows, _("Value"), item_value (item, f));
  add_row (rows, _("Kind"), g_strdup (fz_figure_item_get_kind_name (item)));
  add_row (rows, _("Indicator"), fz_format_indicator_id (indicator));
  add_row (rows, _("Region"), g_strdup (region));
  add_row (rows, _("Period"), fz_format_period (period));
  if (full)
    add_cue_rows (rows, self->document, f);
  if (full)
    add_row (rows, _("Note"), dup_note (self, item));
  g_ptr_array_add (rows, NULL);
  return (GStrv) g_ptr_array_free (rows, FALSE);
}

void
_fz_reader_view_update_detail (FzReaderView *self,
                               FzFigureItem *item)
{
  g_auto(GStrv) rows = item != NULL ? detail_rows (self, item, TRUE) : NULL;

  /* The details area of the figure list replaces the run-on line under the text. */
  gtk_widget_set_visible (self->detail_label, FALSE);
  fz_figure_table_set_details (self->figure_table, (const char * const *) rows);
  _fz_reader_view_update_review_bar (self);
}

void
_fz_reader_view_select_figure (FzReaderView *self,
                               FzFigureItem *item)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, fz_figure_item_get_view_start (item));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, fz_figure_item_get_view_end (item));
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->text_view), &start, 0.1, FALSE, 0, 0.3);
  _fz_reader_view_update_detail (self, item);
}

static void
figure_selected (FzReaderView  *self,
                 FzFigureItem  *item,
                 FzFigureTable *table)
{
  if (self->syncing)
    return;
  self->syncing = TRUE;
  _fz_reader_view_select_figure (self, item);
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
  item = _fz_reader_view_item_at (self, offset);
  _fz_reader_view_update_detail (self, item);
  if (item != NULL)
    {
      self->syncing = TRUE;
      fz_figure_table_select_item (self->figure_table, item);
      self->syncing = FALSE;
    }
}

/* The tooltip: what was understood, as "label: value" lines; the figure itself is under the
 * pointer and the words each attribution was read from are in the details, so a tooltip stays
 * small and never covers the pointer. */
static char *
dup_tooltip (FzReaderView *self,
             FzFigureItem *item)
{
  g_auto(GStrv) rows = detail_rows (self, item, FALSE);
  GString *out = g_string_new (NULL);

  for (guint i = 0; rows[i] != NULL && rows[i + 1] != NULL; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      /* Translators: one line of a figure's tooltip: "Period: this year to date". */
      g_string_append_printf (out, _("%s: %s"), rows[i], rows[i + 1]);
    }
  return g_string_free (out, FALSE);
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
  item = _fz_reader_view_item_at (self, gtk_text_iter_get_offset (&iter));
  if (item == NULL || self->hidden[fz_figure_item_get_figure (item)->kind])
    return FALSE;
  text = dup_tooltip (self, item);
  {
    g_autofree char *with_note = append_note (self, item, text);

    gtk_tooltip_set_text (tooltip, with_note);
  }
  return TRUE;
}

/* F3 and Shift+F3 */

static FzFigureItem *
shown_figure_after (FzReaderView *self,
                    guint         from,
                    gboolean      at_start)
{
  for (guint i = 0; i < self->by_pos->len; i++)
    {
      FzFigureItem *item = g_ptr_array_index (self->by_pos, i);

      if (self->hidden[fz_figure_item_get_figure (item)->kind])
        continue;
      if (fz_figure_item_get_view_start (item) > from || (at_start && i == 0))
        return item;
    }
  return NULL;
}

static FzFigureItem *
shown_figure_before (FzReaderView *self,
                     guint         from)
{
  for (guint i = self->by_pos->len; i > 0; i--)
    {
      FzFigureItem *item = g_ptr_array_index (self->by_pos, i - 1);

      if (self->hidden[fz_figure_item_get_figure (item)->kind])
        continue;
      if (fz_figure_item_get_view_start (item) < from)
        return item;
    }
  return NULL;
}

void
_fz_reader_view_move_to_figure (FzReaderView *self,
                                gboolean      forward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter sel_start, sel_end;
  FzFigureItem *item;
  guint from;

  if (self->by_pos == NULL || self->by_pos->len == 0)
    return;
  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  from = gtk_text_iter_get_offset (&sel_start);
  /* At the very start with nothing selected, the first figure is the next one. */
  if (forward)
    item = shown_figure_after (self, from, gtk_text_iter_is_start (&sel_start)
                                           && !gtk_text_buffer_get_has_selection (buffer));
  else
    item = shown_figure_before (self, from);
  if (item != NULL)
    _fz_reader_view_select_figure (self, item);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

void
_fz_reader_view_init_figures (FzReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));

  g_signal_connect_swapped (buffer, "notify::cursor-position", G_CALLBACK (cursor_moved), self);
  g_signal_connect (self->text_view, "query-tooltip", G_CALLBACK (query_tooltip), self);
  g_signal_connect_swapped (self->figure_table, "figure-selected",
                            G_CALLBACK (figure_selected), self);
}

/* The figure whose span in the document text is [@start, @end): selected in the text and the
 * list, scrolled to. FALSE when the page shown has no such figure. */
gboolean
fz_reader_view_select_figure (FzReaderView *self,
                              guint         start,
                              guint         end)
{
  g_return_val_if_fail (FZ_IS_READER_VIEW (self), FALSE);

  for (guint i = 0; self->by_pos != NULL && i < self->by_pos->len; i++)
    {
      FzFigureItem *item = g_ptr_array_index (self->by_pos, i);
      const FzFigure *f = fz_figure_item_get_figure (item);

      if (f->start != start || f->end != end)
        continue;
      self->syncing = TRUE;
      _fz_reader_view_select_figure (self, item);
      fz_figure_table_select_item (self->figure_table, item);
      self->syncing = FALSE;
      gtk_widget_grab_focus (self->text_view);
      return TRUE;
    }
  return FALSE;
}
