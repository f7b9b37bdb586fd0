/* fz-window-actions.c: the window's actions and when they are enabled. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include "fz-document-list.h"
#include "fz-window-private.h"

/* The actions that only call one of the window's functions, some of them with a flag. */
static const struct
{
  const char *name;
  void      (*func)      (FzWindow *self);
  void      (*flag_func) (FzWindow *self,
                          gboolean  flag);
  gboolean    flag;
} calls[] = {
  { "win.open", NULL, _fz_window_choose_files, FALSE },
  { "win.open-folder", NULL, _fz_window_choose_files, TRUE },
  { "win.remove-document", _fz_window_remove_selected },
  { "win.set-date", _fz_window_ask_date },
  { "win.clear-recent", _fz_window_clear_recent },
  { "win.export", _fz_window_choose_export },
  { "win.open-summary", _fz_window_choose_summary },
  { "win.open-workspace", NULL, _fz_window_choose_workspace, FALSE },
  { "win.save-workspace-as", NULL, _fz_window_choose_workspace, TRUE },
};

static void
call_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      if (!g_str_equal (name, calls[i].name))
        continue;
      if (calls[i].func != NULL)
        calls[i].func (FZ_WINDOW (widget));
      else
        calls[i].flag_func (FZ_WINDOW (widget), calls[i].flag);
      return;
    }
  g_assert_not_reached ();
}

static void
cancel_loading_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
  _fz_window_cancel_export (self);
}

static void
search_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
  gtk_widget_grab_focus (self->search_entry);
}

static void
back_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* F9 hides and shows the sidebar as in Text Editor and Papers; folded, it navigates. */
static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    {
      gboolean on_sidebar = adw_leaflet_get_visible_child (self->leaflet) == self->sidebar;

      adw_leaflet_navigate (self->leaflet, on_sidebar ? ADW_NAVIGATION_DIRECTION_FORWARD
                                                      : ADW_NAVIGATION_DIRECTION_BACK);
      return;
    }
  _fz_window_set_sidebar_shown (self, !gtk_widget_get_visible (self->sidebar));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
close_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
open_path_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  _fz_window_open_path (FZ_WINDOW (widget), g_variant_get_string (param, NULL));
}

void
_fz_window_actions_update (FzWindow *self)
{
  gboolean has_selection = self->document_list != NULL
    && fz_document_list_get_selected (self->document_list, NULL) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", !self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-folder", !self->loading);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-loading",
                                 self->loading || self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", !self->exporting
    && g_list_model_get_n_items (fz_workspace_get_documents (self->workspace)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-summary", !self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-workspace", !self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-document",
                                 has_selection && !self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-date",
                                 has_selection && !self->loading);
}

void
_fz_window_class_actions_init (FzWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    gtk_widget_class_install_action (widget_class, calls[i].name, NULL, call_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL,
                                   toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.open-path", "s", open_path_action);
  _fz_window_workspace_class_init (widget_class);
}
