/* fz-window.c: the main window: layout, window actions, state kept in GSettings. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-document-list.h"
#include "fz-screenshot.h"
#include "fz-window.h"
#include "fz-window-private.h"

G_DEFINE_FINAL_TYPE (FzWindow, fz_window, ADW_TYPE_APPLICATION_WINDOW)

static void
save_window_state (FzWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
fz_window_close_request (GtkWindow *window)
{
  FzWindow *self = FZ_WINDOW (window);

  save_window_state (self);
  _fz_window_flush_workspace (self);
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (fz_window_parent_class)->close_request (window);
}

static void
screenshot_now (FzWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!fz_screenshot_save (GTK_WIDGET (self), self->screenshot_path, &error))
    {
      g_printerr ("fanzha: %s\n", error->message);
      /* A script asked for a picture and gets none: it must be able to tell. */
      if (FZ_IS_APPLICATION (app))
        fz_application_set_exit_status (FZ_APPLICATION (app), 1);
    }
  g_clear_pointer (&self->screenshot_path, g_free);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
screenshot_idle (gpointer user_data)
{
  FzWindow *self = user_data;

  if (self->screenshot_path != NULL)
    screenshot_now (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
screenshot_after_paint (GdkFrameClock *clock,
                        FzWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, screenshot_after_paint, self);
  /* Not from inside the frame clock's signal: the window is destroyed after the picture. */
  g_idle_add_full (G_PRIORITY_HIGH, screenshot_idle, g_object_ref (self), NULL);
}

static gboolean
screenshot_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  FzWindow *self = FZ_WINDOW (widget);

  /* Wait for loading to end, then some frames more: a freshly shown pane takes a few
   * layout passes before everything has its size. */
  if (fz_window_is_busy (self) || _fz_window_has_pending_work (self))
    {
      self->screenshot_frames = 0;
      return G_SOURCE_CONTINUE;
    }
  if (++self->screenshot_frames < 30)
    return G_SOURCE_CONTINUE;
  /* A tick comes before the frame's layout: a widget shown in it would be drawn without a
   * size. The picture is taken once the frame is laid out and painted. */
  g_signal_connect (clock, "after-paint", G_CALLBACK (screenshot_after_paint), self);
  return G_SOURCE_REMOVE;
}

void
fz_window_take_screenshot (FzWindow   *self,
                           const char *path)
{
  g_return_if_fail (FZ_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_free (self->screenshot_path);
  self->screenshot_path = g_strdup (path);
  self->screenshot_frames = 0;
  gtk_widget_add_tick_callback (GTK_WIDGET (self), screenshot_tick, NULL, NULL);
}

static gboolean
fz_window_not (gpointer  object,
               gboolean  value)
{
  return !value;
}

void
_fz_window_set_sidebar_shown (FzWindow *self,
                              gboolean  shown)
{
  gtk_widget_set_visible (self->sidebar, shown);
  gtk_widget_set_visible (self->sidebar_separator, shown);
  gtk_toggle_button_set_active (self->sidebar_button, shown);
  g_settings_set_boolean (self->settings, "show-sidebar", shown);
}

static void
fz_window_constructed (GObject *object)
{
  G_OBJECT_CLASS (fz_window_parent_class)->constructed (object);
  _fz_window_loading_constructed (FZ_WINDOW (object));
}

static void
fz_window_dispose (GObject *object)
{
  FzWindow *self = FZ_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  _fz_window_charts_dispose (self);
  _fz_window_cancel_export (self);
  _fz_window_workspace_dispose (self);
  _fz_window_loading_dispose (self);
  _fz_window_documents_dispose (self);
  /* A load or computation that ends after the window is gone must not call into it. */
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (fz_workspace_get_documents (self->workspace), self);
      g_clear_object (&self->workspace);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_WINDOW);
  G_OBJECT_CLASS (fz_window_parent_class)->dispose (object);
}

static void
fz_window_finalize (GObject *object)
{
  FzWindow *self = FZ_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->screenshot_path, g_free);
  G_OBJECT_CLASS (fz_window_parent_class)->finalize (object);
}

static void
fz_window_class_init (FzWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = fz_window_constructed;
  object_class->dispose = fz_window_dispose;
  object_class->finalize = fz_window_finalize;
  window_class->close_request = fz_window_close_request;

  g_type_ensure (FZ_TYPE_DOCUMENT_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/fanzha/Fanzha/ui/fz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FzWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, content);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, document_list);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, reader_stack);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, recent_menu);

  gtk_widget_class_bind_template_callback (widget_class, fz_window_not);
  _fz_window_class_actions_init (klass);
}

static void
fz_window_init (FzWindow *self)
{
  int width = 0, height = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->workspace = fz_workspace_new ();

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  _fz_window_set_sidebar_shown (self, g_settings_get_boolean (self->settings, "show-sidebar"));

  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->search_bar),
                                GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (GTK_SEARCH_BAR (self->search_bar), GTK_WIDGET (self));

  _fz_window_documents_init (self);
  _fz_window_loading_init (self);
  _fz_window_charts_init (self);
  _fz_window_workspace_init (self);
  _fz_window_actions_update (self);
}

FzWindow *
fz_window_new (FzApplication *app)
{
  return g_object_new (FZ_TYPE_WINDOW, "application", app, NULL);
}
