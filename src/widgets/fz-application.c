/* fz-application.c: app actions, accelerators, command line and the about window. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fz-application.h"
#include "fz-window.h"
#include "fz-window-private.h"

struct _FzApplication
{
  AdwApplication  parent_instance;
  char           *screenshot_path;
  int             screenshot_width;    /* 0: the window's own size */
  int             screenshot_height;
  char           *screenshot_view;     /* "read" or "compare", or NULL */
  int             exit_status;

  FzPipeline     *pipeline;
  GError         *pipeline_error;
  gboolean        pipeline_started;
  GPtrArray      *pipeline_waiters;   /* Waiter *, until the pipeline is built */
};

typedef struct
{
  GWeakRef            owner;          /* a window closed meanwhile is not called */
  FzPipelineReadyFunc callback;
} Waiter;

G_DEFINE_FINAL_TYPE (FzApplication, fz_application, ADW_TYPE_APPLICATION)

static FzWindow *
get_window (FzApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (fz_window_new (self));
      /* A screenshot run shows only its own files and leaves the analyst's state alone. */
      if (self->screenshot_path == NULL)
        fz_application_restore_workspace (self, window, NULL);
    }
  return FZ_WINDOW (window);
}

static void
fz_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (FZ_APPLICATION (app))));
}

static void
fz_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  FzWindow *window = get_window (FZ_APPLICATION (app));

  fz_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static int
fz_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  FzApplication *self = FZ_APPLICATION (app);
  const char *path = NULL;
  const char *size = NULL;
  const char *view = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("fanzha %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "screenshot", "^&ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      self->screenshot_path = g_file_get_path (file);
      /* A screenshot run is its own process: never hand it to a running instance. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  if (g_variant_dict_lookup (options, "size", "&s", &size)
      && (sscanf (size, "%dx%d", &self->screenshot_width, &self->screenshot_height) != 2
          || self->screenshot_width < 200 || self->screenshot_height < 200))
    {
      g_printerr (_("fanzha: --size takes WIDTHxHEIGHT of at least 200x200, such as 360x720\n"));
      return 2;
    }
  if (g_variant_dict_lookup (options, "view", "&s", &view))
    {
      if (g_strcmp0 (view, "read") != 0 && g_strcmp0 (view, "compare") != 0)
        {
          g_printerr (_("fanzha: --view takes read or compare\n"));
          return 2;
        }
      self->screenshot_view = g_strdup (view);
    }
  return -1;
}

static void
fz_application_window_added (GtkApplication *app,
                             GtkWindow      *window)
{
  FzApplication *self = FZ_APPLICATION (app);

  GTK_APPLICATION_CLASS (fz_application_parent_class)->window_added (app, window);
  if (!FZ_IS_WINDOW (window))
    return;
  if (self->screenshot_width > 0)
    {
      gtk_window_unmaximize (window);
      gtk_window_set_default_size (window, self->screenshot_width, self->screenshot_height);
    }
  if (self->screenshot_view != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                self->screenshot_view);
  if (self->screenshot_path != NULL)
    fz_window_take_screenshot (FZ_WINDOW (window), self->screenshot_path);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Fanzha developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Fanzha"),
                         "application-icon", APP_ID,
                         "comments", _("Read anti-fraud news with every figure understood"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "copyright", "© 2026 The Fanzha developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Close the windows so each saves its state before the app goes. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
fz_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.open-folder", { "<Control><Shift>o", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.search", { "<Control><Shift>f", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "win.show-view::read", { "<Alt>1", NULL } },
    { "win.show-view::compare", { "<Alt>2", NULL } },
    { "reader.find", { "<Control>f", NULL } },
    { "reader.next-figure", { "F3", NULL } },
    { "reader.previous-figure", { "<Shift>F3", NULL } },
    { "reader.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "reader.zoom-out", { "<Control>minus", NULL } },
    { "reader.zoom-reset", { "<Control>0", NULL } },
    { "reader.undo", { "<Control>z", NULL } },
    { "reader.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "reader.review", { "<Control>r", NULL } },
    { "reader.mark-figure", { "<Control>m", NULL } },
    { "reader.edit-figure", { "F2", NULL } },
    { "reader.reject-figure", { "<Control>Delete", NULL } },
    { "reader.restore-figure", { "<Control><Shift>Delete", NULL } },
    { "reader.note-figure", { "<Control><Shift>n", NULL } },
  };

  G_APPLICATION_CLASS (fz_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

/* Windows still open when the app goes (the session ends) save what the analyst did. */
static void
fz_application_shutdown (GApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (FZ_IS_WINDOW (l->data))
      _fz_window_flush_workspace (l->data);
  G_APPLICATION_CLASS (fz_application_parent_class)->shutdown (app);
}

static void
fz_application_finalize (GObject *object)
{
  FzApplication *self = FZ_APPLICATION (object);

  g_clear_pointer (&self->screenshot_path, g_free);
  g_clear_pointer (&self->screenshot_view, g_free);
  g_clear_pointer (&self->pipeline, fz_pipeline_unref);
  g_clear_error (&self->pipeline_error);
  g_clear_pointer (&self->pipeline_waiters, g_ptr_array_unref);
  G_OBJECT_CLASS (fz_application_parent_class)->finalize (object);
}

static void
fz_application_class_init (FzApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = fz_application_finalize;
  app_class->activate = fz_application_activate;
  app_class->open = fz_application_open;
  app_class->startup = fz_application_startup;
  app_class->shutdown = fz_application_shutdown;
  app_class->handle_local_options = fz_application_handle_local_options;
  gtk_app_class->window_added = fz_application_window_added;
}

static void
fz_application_init (FzApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the paths, save a PNG of the window after its first frame, and quit"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The window's size, such as 360x720 (for screenshots)"), N_("WIDTHxHEIGHT") },
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Start on the page (read) or on the charts (compare)"), N_("VIEW") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PATH…]"));
}

FzApplication *
fz_application_new (void)
{
  return g_object_new (FZ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/fanzha/Fanzha",
                       NULL);
}

void
fz_application_set_exit_status (FzApplication *self,
                                int            status)
{
  g_return_if_fail (FZ_IS_APPLICATION (self));
  self->exit_status = status;
}

int
fz_application_get_exit_status (FzApplication *self)
{
  g_return_val_if_fail (FZ_IS_APPLICATION (self), 1);
  return self->exit_status;
}

static void
waiter_free (Waiter *waiter)
{
  g_weak_ref_clear (&waiter->owner);
  g_free (waiter);
}

static void
pipeline_built (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FzApplication) self = user_data;
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->pipeline_waiters);

  self->pipeline = fz_pipeline_new_finish (result, &self->pipeline_error);
  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    {
      Waiter *waiter = waiters->pdata[i];
      g_autoptr(GObject) owner = g_weak_ref_get (&waiter->owner);

      if (owner != NULL)
        waiter->callback (self->pipeline, self->pipeline_error, owner);
    }
}

void
fz_application_request_pipeline (FzApplication       *self,
                                 GObject             *owner,
                                 FzPipelineReadyFunc  callback)
{
  Waiter *waiter;

  g_return_if_fail (FZ_IS_APPLICATION (self));
  g_return_if_fail (G_IS_OBJECT (owner));

  if (self->pipeline != NULL || self->pipeline_error != NULL)
    {
      callback (self->pipeline, self->pipeline_error, owner);
      return;
    }
  waiter = g_new0 (Waiter, 1);
  g_weak_ref_init (&waiter->owner, owner);
  waiter->callback = callback;
  if (self->pipeline_waiters == NULL)
    self->pipeline_waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
  g_ptr_array_add (self->pipeline_waiters, waiter);
  if (!self->pipeline_started)
    {
      self->pipeline_started = TRUE;
      fz_pipeline_new_async (NULL, NULL, pipeline_built, g_object_ref (self));
    }
}

char *
fz_application_dup_workspace_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "fanzha", "workspace.xml", NULL);
}

gboolean
fz_application_restore_workspace (FzApplication  *self,
                                  GtkWindow      *window,
                                  GError        **error)
{
  g_autofree char *path = fz_application_dup_workspace_path ();

  g_return_val_if_fail (FZ_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (FZ_IS_WINDOW (window), FALSE);

  return _fz_window_restore_workspace (FZ_WINDOW (window), path, error);
}
