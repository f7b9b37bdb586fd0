/* fz-window-workspace.c: the workspace file (restored, autosaved, opened and saved as), and
 * the documents' files watched so a page changed on disk is read again. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "fz-document-list.h"
#include "fz-reader-view.h"
#include "fz-workspace-file.h"
#include "fz-window-private.h"

/* Editors write in several steps: read the file once they are done. */
#define RELOAD_DELAY_MS 500

static void reload_document   (FzWindow   *self,
                               FzDocument *document);
static void report_unattached (FzWindow   *self,
                               FzDocument *document);

/* Opening */

static void
workspace_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FzWindow) self = user_data;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  fz_workspace_load_finish (FZ_WORKSPACE (object), result, &errors, &error);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->workspace == NULL)
    return;
  if (!self->loading && !self->exporting)
    gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  /* Pages edited while the app was closed: what no longer fits is listed. */
  for (guint i = 0; i < g_list_model_get_n_items (fz_workspace_get_documents (self->workspace));
       i++)
    {
      g_autoptr(FzDocument) document =
        g_list_model_get_item (fz_workspace_get_documents (self->workspace), i);

      report_unattached (self, document);
    }
  if (errors == NULL || errors->len == 0)
    return;
  /* A page moved or deleted since: its decisions stay in the workspace, the rest opens. */
  for (guint i = 0; i < errors->len; i++)
    g_printerr ("fanzha: %s\n", ((GError *) errors->pdata[i])->message);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u page of the workspace could not be opened",
                                          "%u pages of the workspace could not be opened",
                                          errors->len), errors->len);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gboolean
open_workspace_file (FzWindow   *self,
                     const char *path,
                     GError    **error)
{
  g_object_ref (self);   /* for workspace_loaded */
  if (fz_workspace_open (self->workspace, path, self->cancellable, workspace_loaded, self,
                         error))
    {
      /* A large workspace takes a while: the progress bar says so ("load-progress"). */
      if (!self->loading && !self->exporting)
        {
          gtk_progress_bar_set_fraction (self->progress_bar, 0);
          gtk_progress_bar_set_text (self->progress_bar, _("Opening the workspace…"));
          gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
        }
      return TRUE;
    }
  g_object_unref (self);
  return FALSE;
}

static void
clear_documents (FzWindow *self)
{
  GListModel *documents = fz_workspace_get_documents (self->workspace);

  fz_reader_view_set_document (FZ_READER_VIEW (self->reader), NULL, -1);
  gtk_stack_set_visible_child_name (self->reader_stack, "empty");
  while (g_list_model_get_n_items (documents) > 0)
    {
      g_autoptr(FzDocument) document = g_list_model_get_item (documents, 0);

      fz_workspace_remove_document (self->workspace, document);
    }
}

/* The damaged workspace */

typedef struct
{
  FzWindow *window;
  char     *path;
} Refused;

static void
refused_free (gpointer  data,
              GClosure *closure)
{
  Refused *refused = data;

  g_object_unref (refused->window);
  g_free (refused->path);
  g_free (refused);
}

static void
refused_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Refused          *refused)
{
  FzWindow *self = refused->window;
  g_autofree char *backup = fz_workspace_file_backup_path (refused->path);
  g_autofree char *kept = g_strconcat (refused->path, ".damaged", NULL);
  g_autoptr(GError) error = NULL;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->workspace == NULL)
    return;
  if (g_str_equal (response, "backup") && !open_workspace_file (self, backup, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;   /* still refused: nothing is written */
    }
  if (g_str_equal (response, "backup") || g_str_equal (response, "empty"))
    {
      /* The damaged file is kept aside, never overwritten. */
      if (g_rename (refused->path, kept) != 0)
        g_printerr ("fanzha: %s: %s\n", kept, g_strerror (errno));
      self->workspace_refused = FALSE;
      fz_workspace_set_autosave_path (self->workspace, refused->path);
    }
}

static gboolean
present_idle (gpointer dialog)
{
  gtk_window_present (dialog);
  return G_SOURCE_REMOVE;
}

/* Once the window is up, after the rest of its mapping: stacked over it, not under. */
static void
present_on_map (GtkWindow *dialog,
                GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, present_on_map, dialog);
  g_idle_add_full (G_PRIORITY_LOW, present_idle, g_object_ref (dialog), g_object_unref);
}

static void
offer_backup (FzWindow     *self,
              const char   *path,
              const GError *error)
{
  g_autofree char *backup = fz_workspace_file_backup_path (path);
  AdwMessageDialog *dialog;
  Refused *refused = g_new0 (Refused, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The workspace could not be opened"),
                                                       NULL));
  adw_message_dialog_format_body (dialog, _("%s\n\nNothing is saved until you choose. The "
                                            "damaged file is kept beside it."), error->message);
  adw_message_dialog_add_response (dialog, "later", _("_Decide Later"));
  adw_message_dialog_add_response (dialog, "empty", _("_Start Empty"));
  if (g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      adw_message_dialog_add_response (dialog, "backup", _("Open _Backup"));
      adw_message_dialog_set_default_response (dialog, "backup");
    }
  adw_message_dialog_set_close_response (dialog, "later");
  refused->window = g_object_ref (self);
  refused->path = g_strdup (path);
  g_signal_connect_data (dialog, "response", G_CALLBACK (refused_response), refused,
                         refused_free, 0);
  /* At start the window is not shown yet: the question comes over it, not under it. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (dialog));
  else
    g_signal_connect_object (self, "map", G_CALLBACK (present_on_map), dialog,
                             G_CONNECT_SWAPPED);
}

/* Files changed on disk */

/* A folder of open pages, watched once however many pages it holds: a monitor per file would
 * put one more source in the main loop for every page of an archive. */
typedef struct
{
  FzWindow     *window;       /* not a reference: the watch goes with the window */
  GFileMonitor *monitor;
  GHashTable   *pending;      /* path of a changed page → the source that reloads it */
} Watch;

typedef struct
{
  Watch *watch;
  char  *path;
} Pending;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_signal_handlers_disconnect_by_data (watch->monitor, watch);
  g_file_monitor_cancel (watch->monitor);
  g_object_unref (watch->monitor);
  /* Removing the sources frees their Pending. */
  g_hash_table_unref (watch->pending);
  g_free (watch);
}

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_free (pending->path);
  g_free (pending);
}

static gboolean
reload_later (gpointer data)
{
  Pending *pending = data;
  FzWindow *window = pending->watch->window;
  g_autofree char *path = NULL;
  FzDocument *document;

  /* The source is over: returning frees @pending, not the table. */
  g_hash_table_steal_extended (pending->watch->pending, pending->path, (gpointer *) &path, NULL);
  if (path == NULL)
    return G_SOURCE_REMOVE;
  document = fz_workspace_lookup_document (window->workspace, path);
  if (document != NULL)
    reload_document (window, document);
  return G_SOURCE_REMOVE;
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static void
folder_changed (GFileMonitor      *monitor,
                GFile             *file,
                GFile             *other,
                GFileMonitorEvent  event,
                Watch             *watch)
{
  g_autofree char *path = NULL;
  Pending *pending;
  guint source;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_CHANGED)
    return;
  path = g_file_get_path (file);
  if (path == NULL || fz_workspace_lookup_document (watch->window->workspace, path) == NULL)
    return;
  pending = g_new0 (Pending, 1);
  pending->watch = watch;
  pending->path = g_strdup (path);
  source = g_timeout_add_full (G_PRIORITY_DEFAULT, RELOAD_DELAY_MS, reload_later, pending,
                               pending_free);
  /* A later change of the same page starts its wait again. */
  g_hash_table_insert (watch->pending, g_steal_pointer (&path), GUINT_TO_POINTER (source));
}

static char *
document_folder (FzDocument *document)
{
  GFile *file = fz_document_get_file (document);
  g_autoptr(GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;

  return parent != NULL ? g_file_get_path (parent) : NULL;
}

static void
watch_folder (FzWindow   *self,
              const char *folder)
{
  g_autoptr(GFile) dir = NULL;
  GFileMonitor *monitor;
  Watch *watch;

  if (g_hash_table_contains (self->monitors, folder))
    return;
  dir = g_file_new_for_path (folder);
  monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_NONE, NULL, NULL);
  if (monitor == NULL)
    return;
  watch = g_new0 (Watch, 1);
  watch->window = self;
  watch->monitor = monitor;
  watch->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, remove_source);
  g_signal_connect (monitor, "changed", G_CALLBACK (folder_changed), watch);
  g_hash_table_insert (self->monitors, g_strdup (folder), watch);
}

/* Watches exactly the folders of the documents in the list. */
static void
documents_changed (FzWindow   *self,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListModel *documents)
{
  g_autoptr(GHashTable) present = NULL;
  GHashTableIter iter;
  gpointer folder;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(FzDocument) item = g_list_model_get_item (documents, i);
      g_autofree char *path = document_folder (item);

      if (path != NULL)
        watch_folder (self, path);
    }
  if (removed == 0)
    return;
  /* Removals are rare (a page closed, or read again): the folders still in use are counted
   * anew rather than kept counted at every change. */
  present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(FzDocument) item = g_list_model_get_item (documents, i);
      char *path = document_folder (item);

      if (path != NULL)
        g_hash_table_add (present, path);
    }
  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, &folder, NULL))
    if (!g_hash_table_contains (present, folder))
      g_hash_table_iter_remove (&iter);
}

static void
unattached_details (FzWindow *self,
                    GVariant *param)
{
  const char *text = g_variant_get_string (param, NULL);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Corrections that no longer fit the text"),
                                              _("The page changed on disk. These corrections "
                                                "are kept in the workspace:"));
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
details_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  unattached_details (FZ_WINDOW (widget), param);
}

static void
report_unattached (FzWindow   *self,
                   FzDocument *document)
{
  FzDecisions *decisions = fz_workspace_get_decisions (self->workspace);
  g_autoptr(GPtrArray) lost = fz_decisions_dup_unattached (decisions, document);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (lost == NULL || lost->len == 0)
    return;
  for (guint i = 0; i < lost->len; i++)
    {
      FzUnattached *u = lost->pdata[i];

      g_string_append_printf (text, "%s“%s” (%u–%u): %s", i > 0 ? "\n" : "", u->quote,
                              u->start, u->end, u->description);
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u correction in “%s” no longer fits the text",
                                          "%u corrections in “%s” no longer fit the text",
                                          lost->len), lost->len, fz_document_get_title (document));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.unattached-details");
  adw_toast_set_action_target_value (toast, g_variant_new_string (text->str));
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

typedef struct
{
  FzWindow *window;
  GFile    *file;
} Reload;

static void
reloaded (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Reload *reload = user_data;
  g_autoptr(FzWindow) self = reload->window;
  g_autoptr(GFile) file = reload->file;
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *path = g_file_get_path (file);
  FzDocument *document;

  g_free (reload);
  fz_workspace_load_finish (FZ_WORKSPACE (object), result, &errors, NULL);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->workspace == NULL)
    return;
  if (errors != NULL && errors->len > 0)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (((GError *) errors->pdata[0])->message));
  document = path != NULL ? fz_workspace_lookup_document (self->workspace, path) : NULL;
  if (document == NULL)
    return;
  fz_document_list_select_document (self->document_list, document);
  report_unattached (self, document);
}

/* The page is read and analysed again; the decisions re-anchor on its new text. */
static void
reload_document (FzWindow   *self,
                 FzDocument *document)
{
  g_autoptr(FzDocument) old = g_object_ref (document);
  Reload *reload;

  if (fz_document_get_file (old) == NULL)
    return;
  reload = g_new0 (Reload, 1);
  reload->window = g_object_ref (self);
  reload->file = g_object_ref (fz_document_get_file (old));
  if (fz_reader_view_get_document (FZ_READER_VIEW (self->reader)) == old)
    {
      fz_reader_view_set_document (FZ_READER_VIEW (self->reader), NULL, -1);
      gtk_stack_set_visible_child_name (self->reader_stack, "empty");
    }
  fz_workspace_remove_document (self->workspace, old);
  fz_workspace_load_async (self->workspace, &reload->file, 1, self->cancellable, reloaded,
                           reload);
}

/* Private API */

gboolean
_fz_window_restore_workspace (FzWindow    *self,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  g_mkdir_with_parents (folder, 0700);
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !open_workspace_file (self, path, &local))
    {
      self->workspace_refused = TRUE;
      g_printerr ("fanzha: %s\n", local->message);
      offer_backup (self, path, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  self->workspace_refused = FALSE;
  fz_workspace_set_autosave_path (self->workspace, path);
  return TRUE;
}

gboolean
_fz_window_save_workspace_as (FzWindow    *self,
                              const char  *path,
                              GError     **error)
{
  if (!fz_workspace_save (self->workspace, path, error))
    return FALSE;
  /* From now on the analyst works in the new file. */
  self->workspace_refused = FALSE;
  fz_workspace_set_autosave_path (self->workspace, path);
  return TRUE;
}

void
_fz_window_flush_workspace (FzWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL || fz_workspace_get_autosave_path (self->workspace) == NULL)
    return;
  if (!fz_workspace_flush_autosave (self->workspace, &error))
    g_printerr ("fanzha: %s\n", error->message);
}

gboolean
_fz_window_open_workspace (FzWindow    *self,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(FzWorkspaceState) check = fz_workspace_file_load (path, error);

  /* A file that cannot be opened changes nothing: the current workspace stays. */
  if (check == NULL)
    return FALSE;
  /* The current workspace is saved where it goes before another takes its place. */
  _fz_window_flush_workspace (self);
  fz_workspace_set_autosave_path (self->workspace, NULL);
  clear_documents (self);
  if (!open_workspace_file (self, path, error))
    return FALSE;
  self->workspace_refused = FALSE;
  fz_workspace_set_autosave_path (self->workspace, path);
  return TRUE;
}

static void
workspace_chooser_response (GtkNativeDialog *dialog,
                            int              response,
                            FzWindow        *self)
{
  gboolean save = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "save"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path != NULL && save)
    _fz_window_save_workspace_as (self, path, &error);
  else if (path != NULL)
    _fz_window_open_workspace (self, path, &error);
  if (error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  g_object_unref (dialog);
}

void
_fz_window_choose_workspace (FzWindow *self,
                             gboolean  save)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (save ? _("Save Workspace As") : _("Open Workspace"),
                                         GTK_WINDOW (self),
                                         save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                              : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         save ? _("_Save") : _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Workspaces (XML)"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "workspace.xml");
  g_object_set_data (G_OBJECT (chooser), "save", GINT_TO_POINTER (save));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (workspace_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_fz_window_workspace_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.unattached-details", "s", details_action);
}

void
_fz_window_workspace_init (FzWindow *self)
{
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, watch_free);
  g_signal_connect_object (fz_workspace_get_documents (self->workspace), "items-changed",
                           G_CALLBACK (documents_changed), self, G_CONNECT_SWAPPED);
}

void
_fz_window_workspace_dispose (FzWindow *self)
{
  g_clear_pointer (&self->monitors, g_hash_table_unref);
}
