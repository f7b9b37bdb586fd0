/* fz-reader-actions.c: the reader's actions, and the zoom and hidden kinds kept in GSettings. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "fz-reader-view-private.h"

/* Zoom and hidden kinds */

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
set_zoom (FzReaderView *self,
          double        zoom)
{
  g_settings_set_double (self->settings, "zoom", CLAMP (zoom, 0.5, 3.0));
}

static void
zoom_changed (FzReaderView *self)
{
  self->zoom = g_settings_get_double (self->settings, "zoom");
  apply_zoom (self);
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
      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_boolean (!self->hidden[k]));
    }
  _fz_reader_view_apply_palette (self);
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
  _fz_reader_view_move_to_match (user_data, TRUE);
}

static void
action_find_previous (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  _fz_reader_view_move_to_match (user_data, FALSE);
}

static void
action_next_figure (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  _fz_reader_view_move_to_figure (user_data, TRUE);
}

static void
action_previous_figure (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  _fz_reader_view_move_to_figure (user_data, FALSE);
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

void
_fz_reader_view_init_actions (FzReaderView *self)
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
}

static void
figures_button_toggled (FzReaderView *self)
{
  if (!self->narrow)
    g_settings_set_boolean (self->settings, "show-figure-list",
                            gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->figures_button)));
  _fz_reader_view_update_panes (self);
}

void
_fz_reader_view_init_settings (FzReaderView *self)
{
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
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->figures_button),
                                g_settings_get_boolean (self->settings, "show-figure-list"));
  g_signal_connect_object (self->figures_button, "notify::active",
                           G_CALLBACK (figures_button_toggled), self, G_CONNECT_SWAPPED);
  _fz_reader_view_update_panes (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (_fz_reader_view_apply_palette), self, G_CONNECT_SWAPPED);
  zoom_changed (self);
  hidden_kinds_changed (self);
}

/* Side by side, the figure list shows when its button is on, which is kept for the next
 * start. Narrow (under NARROW_WIDTH pixels), the text and the list are two views: the text
 * first, the button going from one to the other. */
void
_fz_reader_view_update_panes (FzReaderView *self)
{
  gboolean list = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->figures_button));

  gtk_widget_set_visible (self->text_box, !self->narrow || !list);
  gtk_widget_set_visible (GTK_WIDGET (self->figure_table), list);
  /* A phone-wide review bar has room for where the review is, not for its title or keys. */
  gtk_widget_set_visible (self->review_title, !self->narrow);
  gtk_widget_set_visible (self->review_keys, !self->narrow);
}

static gboolean
narrow_changed (gpointer data)
{
  FzReaderView *self = data;

  self->panes_source = 0;
  /* Folding shows the text; unfolding brings back the list as the analyst left it. */
  g_signal_handlers_block_by_func (self->figures_button, figures_button_toggled, self);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->figures_button),
                                !self->narrow && g_settings_get_boolean (self->settings,
                                                                         "show-figure-list"));
  g_signal_handlers_unblock_by_func (self->figures_button, figures_button_toggled, self);
  _fz_reader_view_update_panes (self);
  return G_SOURCE_REMOVE;
}

/* Called from size_allocate: the change of mode waits for an idle, as visibility may not
 * change while allocating. */
void
_fz_reader_view_panes_allocated (FzReaderView *self,
                                 int           width)
{
  gboolean narrow = width > 0 && width < NARROW_WIDTH;

  if (width > 0 && !self->panes_placed)
    {
      /* The first time there is room, the list gets about 380 pixels; from then on extra
       * width goes to the text. */
      gtk_paned_set_position (GTK_PANED (self->panes), MAX (width / 2, width - 380));
      self->panes_placed = TRUE;
    }
  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  if (self->panes_source == 0)
    self->panes_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, narrow_changed, self, NULL);
}
