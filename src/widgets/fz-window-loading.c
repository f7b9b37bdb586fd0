/* fz-window-loading.c: opening files off the main thread: chooser, drop, progress, errors,
 * recent. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fz-application.h"
#include "fz-document-list.h"
#include "fz-pipeline.h"
#include "fz-reader-view.h"
#include "fz-window-private.h"

#define MAX_RECENT 10

/* Callbacks */

static void
show_first (FzWindow *self)
{
  self->first_pending = FALSE;
  /* Shown, but the view the analyst is on (the charts, say) stays. */
  self->selecting_first = TRUE;
  fz_document_list_select_position (self->document_list, 0);
  self->selecting_first = FALSE;
}

static void
documents_changed (FzWindow   *self,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListModel *documents)
{
  guint n = g_list_model_get_n_items (documents);

  /* The first page to arrive in an empty window is shown once the list has drawn its first
   * rows, in a frame of its own: the two in one frame took longer than a frame should. */
  if (n == 0)
    self->first_pending = FALSE;
  else if (added > 0 && n == added)
    {
      self->first_pending = TRUE;
      if (!fz_document_list_get_revealing (self->document_list))
        show_first (self);
    }
  _fz_window_actions_update (self);
}

static void
list_revealing_changed (FzWindow       *self,
                        GParamSpec     *pspec,
                        FzDocumentList *list)
{
  if (self->first_pending && !fz_document_list_get_revealing (list))
    show_first (self);
}

/* The count of a load is shown a few times a second, not at every batch: each change drew
 * the bar in the frame under way, and a frame that also drew the reader then painted the
 * whole width of the window. While the reader is drawing a page in stages the count waits
 * for it, a few times at most. */
#define PROGRESS_INTERVAL_MS 250
#define PROGRESS_MAX_HELD    4

static void
show_progress (FzWindow *self)
{
  g_autofree char *text = g_strdup_printf (_("Loaded %u of %u files"), self->progress_done,
                                           self->progress_total);

  self->progress_shown_at = g_get_monotonic_time ();
  self->progress_held = 0;
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 self->progress_total > 0
                                 ? (double) self->progress_done / self->progress_total : 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static gboolean
reader_drawing (FzWindow *self)
{
  return _fz_window_reader_pending (self)
         || fz_reader_view_is_busy (FZ_READER_VIEW (self->reader));
}

static gboolean
progress_timeout (gpointer data)
{
  FzWindow *self = data;

  if (reader_drawing (self) && self->progress_held++ < PROGRESS_MAX_HELD)
    return G_SOURCE_CONTINUE;
  self->progress_source = 0;
  show_progress (self);
  return G_SOURCE_REMOVE;
}

static void
progress (FzWindow    *self,
          guint        done,
          guint        total,
          FzWorkspace *workspace)
{
  gint64 next = self->progress_shown_at + PROGRESS_INTERVAL_MS * 1000;

  self->progress_done = done;
  self->progress_total = total;
  if (self->progress_source != 0)
    return;
  if (g_get_monotonic_time () >= next && !reader_drawing (self))
    show_progress (self);
  else
    self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, progress_timeout, self);
}

/* The index of an archive takes a while: after a moment it shows how far it is, in the bar
 * loading uses (which has the bar first while it goes on). */
#define INDEX_PROGRESS_DELAY_MS 400
#define INDEX_PROGRESS_STEP_MS  100

static void
hide_index_progress (FzWindow *self)
{
  g_clear_handle_id (&self->index_progress_source, g_source_remove);
  if (self->showing_index && !self->loading && !self->exporting)
    gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  self->showing_index = FALSE;
}

static gboolean
index_progress_step (gpointer data)
{
  FzWindow *self = data;
  double fraction;
  g_autofree char *text = NULL;

  if (self->workspace == NULL || !fz_workspace_get_computing (self->workspace))
    {
      self->index_progress_source = 0;
      hide_index_progress (self);
      return G_SOURCE_REMOVE;
    }
  if (self->loading || self->exporting)
    return G_SOURCE_CONTINUE;
  fraction = fz_workspace_get_index_progress (self->workspace);
  /* TRANSLATORS: the share of the open pages read into the index so far */
  text = g_strdup_printf (_("Computing the index: %.0f%%"), fraction * 100);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  self->showing_index = TRUE;
  return G_SOURCE_CONTINUE;
}

static gboolean
index_progress_start (gpointer data)
{
  FzWindow *self = data;

  self->index_progress_source = 0;
  if (index_progress_step (self) == G_SOURCE_CONTINUE)
    self->index_progress_source = g_timeout_add (INDEX_PROGRESS_STEP_MS, index_progress_step,
                                                 self);
  return G_SOURCE_REMOVE;
}

static void
computing_changed (FzWindow    *self,
                   GParamSpec  *pspec,
                   FzWorkspace *workspace)
{
  if (!fz_workspace_get_computing (workspace))
    hide_index_progress (self);
  else if (self->index_progress_source == 0)
    self->index_progress_source = g_timeout_add (INDEX_PROGRESS_DELAY_MS, index_progress_start,
                                                 self);
}

/* The list of what went wrong, selectable so it can be copied, scrolled when long. It wraps
 * to the dialog's width rather than clipping. */
static GtkWidget *
error_details (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 300);
  return scroller;
}

/* The file a load error is about: its messages start "PATH: reason" (or PATH：). */
static char *
error_file_name (const GError *error)
{
  const char *sep = strstr (error->message, ": ");
  const char *wide = strstr (error->message, "：");   /* as the Chinese messages write it */
  g_autofree char *path = NULL;

  if (sep == NULL || (wide != NULL && wide < sep))
    sep = wide;
  if (sep == NULL || sep == error->message)
    return NULL;
  path = g_strndup (error->message, (gsize) (sep - error->message));
  return g_path_get_basename (path);
}

/* "“a.txt”", "“a.txt” and “b.txt”", "“a.txt” and 4 other files". */
static char *
error_names (GPtrArray *errors)
{
  g_autofree char *first = error_file_name (g_ptr_array_index (errors, 0));
  g_autofree char *second = NULL;
  guint others = errors->len - 1;

  if (first == NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", errors->len),
                            errors->len);
  if (others == 0)
    return g_strdup_printf (_("“%s”"), first);
  if (others == 1 && (second = error_file_name (g_ptr_array_index (errors, 1))) != NULL)
    return g_strdup_printf (_("“%s” and “%s”"), first, second);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” and %u other file",
                                       "“%s” and %u other files", others), first, others);
}

static void
show_error_dialog (AdwToast *toast,
                   FzWindow *self)
{
  const char *body = g_object_get_data (G_OBJECT (toast), "fz-reasons");
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "fz-n-errors"));
  gboolean none = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "fz-none-opened"));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);

  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     g_dngettext (GETTEXT_PACKAGE, "%u file could not be opened",
                                                  "%u files could not be opened", n), n);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               none ? _("No file was opened. The reasons, one a line:")
                                    : _("The other files were opened. The reasons, one a line:"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), error_details (body));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A toast names the files; its Details button lists each reason in full. */
static void
show_errors (FzWindow  *self,
             GPtrArray *errors,
             guint      n_opened)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *names = error_names (errors);
  g_autofree char *title = NULL;
  AdwToast *toast;

  for (guint i = 0; i < errors->len; i++)
    {
      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, ((GError *) g_ptr_array_index (errors, i))->message);
    }
  /* Say that nothing was opened when that is what happened. */
  title = n_opened == 0 && errors->len > 1
            ? g_strdup_printf (_("No file could be opened: %s"), names)
            : g_strdup_printf (_("%s could not be opened"), names);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "fz-reasons", g_strdup (body->str), g_free);
  g_object_set_data (G_OBJECT (toast), "fz-n-errors", GUINT_TO_POINTER (errors->len));
  g_object_set_data (G_OBJECT (toast), "fz-none-opened", GUINT_TO_POINTER (n_opened == 0));
  /* In a screenshot run nobody can press a button: the errors go to the terminal only. */
  if (self->screenshot_path == NULL)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_error_dialog), self, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_printerr ("%s\n", body->str);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FzWindow) self = user_data;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  guint n_before = self->n_before_load;
  gboolean completed;

  completed = fz_workspace_load_finish (FZ_WORKSPACE (object), result, &errors, &error);
  /* The window was closed meanwhile: the workspace finished the job for nobody. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->workspace == NULL)
    return;
  self->loading = FALSE;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  /* Over before the list had drawn: the first page is not kept waiting for it. */
  if (self->first_pending)
    show_first (self);
  _fz_window_flush_reader (self);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  _fz_window_actions_update (self);

  if (!completed && error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else if (!completed)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Loading cancelled")));
  if (errors != NULL && errors->len > 0)
    {
      guint n_after = g_list_model_get_n_items (fz_workspace_get_documents (self->workspace));

      show_errors (self, errors, n_after > n_before ? n_after - n_before : 0);
    }
}

static void
remember_recent (FzWindow  *self,
                 GFile    **files,
                 int        n_files)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-paths");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) updated = NULL;
  guint n = 0;

  for (int i = 0; i < n_files && n < MAX_RECENT; i++)
    {
      char *path = g_file_get_path (files[i]);

      /* GSettings keeps strings as UTF-8: a path that is not stays out of the recent list. */
      if (path != NULL && !g_utf8_validate (path, -1, NULL))
        g_clear_pointer (&path, g_free);
      if (path != NULL && g_hash_table_add (seen, path))
        g_strv_builder_add (builder, path), n++;
    }
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (g_hash_table_add (seen, g_strdup (old[i])))
      g_strv_builder_add (builder, old[i]), n++;
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-paths", (const char * const *) updated);
}

static void
rebuild_recent_menu (FzWindow *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "recent-paths");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *label = g_filename_display_basename (paths[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-path",
                                               g_variant_new_string (paths[i]));
      g_menu_append_item (self->recent_menu, item);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-recent", paths[0] != NULL);
}

static gboolean
drop_files (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            FzWindow      *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  fz_window_open_files (self, (GFile **) files->pdata, files->len);
  return files->len > 0;
}

static void
chooser_response (GtkNativeDialog *dialog,
                  int              response,
                  FzWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      fz_window_open_files (self, (GFile **) array->pdata, array->len);
    }
  g_object_unref (dialog);
}

/* Setup */

static void
pipeline_ready (FzPipeline   *pipeline,
                const GError *error,
                gpointer      user_data)
{
  FzWindow *self = user_data;

  if (pipeline != NULL)
    {
      fz_reader_view_set_lexicon (FZ_READER_VIEW (self->reader), fz_pipeline_get_lexicon (pipeline));
      _fz_window_charts_set_lexicon (self, fz_pipeline_get_lexicon (pipeline));
      fz_workspace_set_pipeline (self->workspace, pipeline);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Figures are not attributed: %s"),
                                                  error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static void
own_pipeline_built (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(FzWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new_finish (result, &error);

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)) && self->workspace != NULL)
    pipeline_ready (pipeline, error, self);
}

static void
setup_drop_target (FzWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (drop_files), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* Private API */

gboolean
_fz_window_has_pending_work (FzWindow *self)
{
  return self->loading || _fz_window_reader_pending (self)
         || fz_reader_view_is_busy (FZ_READER_VIEW (self->reader));
}

/* Once the window knows its application, which builds the one pipeline they all share. */
void
_fz_window_loading_constructed (FzWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (FZ_IS_APPLICATION (app))
    fz_application_request_pipeline (FZ_APPLICATION (app), G_OBJECT (self), pipeline_ready);
  else
    fz_pipeline_new_async (NULL, NULL, own_pipeline_built, g_object_ref (self));
}

void
_fz_window_choose_files (FzWindow *self,
                         gboolean  folders)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (folders ? _("Open Folder") : _("Open Files"),
                                         GTK_WINDOW (self),
                                         folders ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                 : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folders)
    {
      gtk_file_filter_set_name (text, _("Text files"));
      gtk_file_filter_add_mime_type (text, "text/*");
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_fz_window_open_path (FzWindow   *self,
                      const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  fz_window_open_files (self, &file, 1);
}

void
_fz_window_clear_recent (FzWindow *self)
{
  g_settings_reset (self->settings, "recent-paths");
}

void
_fz_window_loading_init (FzWindow *self)
{
  g_signal_connect_object (self->workspace, "load-progress", G_CALLBACK (progress), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspace, "notify::computing", G_CALLBACK (computing_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (fz_workspace_get_documents (self->workspace), "items-changed",
                           G_CALLBACK (documents_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_list, "notify::revealing",
                           G_CALLBACK (list_revealing_changed), self, G_CONNECT_SWAPPED);
  setup_drop_target (self);
  g_signal_connect_swapped (self->settings, "changed::recent-paths",
                            G_CALLBACK (rebuild_recent_menu), self);
  rebuild_recent_menu (self);
}

void
_fz_window_loading_dispose (FzWindow *self)
{
  g_clear_handle_id (&self->index_progress_source, g_source_remove);
  g_clear_handle_id (&self->progress_source, g_source_remove);
}

/* Public API */

gboolean
fz_window_is_busy (FzWindow *self)
{
  g_return_val_if_fail (FZ_IS_WINDOW (self), FALSE);
  return self->loading;
}

void
fz_window_open_files (FzWindow  *self,
                      GFile    **files,
                      int        n_files)
{
  g_return_if_fail (FZ_IS_WINDOW (self));

  if (n_files <= 0)
    return;
  if (self->loading)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Still loading: wait, or cancel first")));
      return;
    }
  self->loading = TRUE;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Looking for files…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  _fz_window_actions_update (self);
  remember_recent (self, files, n_files);
  self->n_before_load = g_list_model_get_n_items (fz_workspace_get_documents (self->workspace));
  fz_workspace_load_async (self->workspace, files, n_files, self->cancellable, load_done,
                           g_object_ref (self));
}
