/* fz-window-import.c: a summary opened back into the workspace: its documents found by path or
 * checksum and loaded, the analyst's decisions and notes it holds restored. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-summary-reader.h"
#include "fz-window-private.h"

typedef struct
{
  FzWindow   *window;     /* owns the import (its data "fz-import") */
  FzSummary  *summary;
  GHashTable *pending;   /* path -> const FzSummaryDocument *, until the document is open */
  gulong      handler;     /* "document-changed": a document analysed */
  FzWorkspace *workspace;
  gulong      loading_handler;
  guint       n_restored;
  guint       n_failed;
} Import;

static void
import_free (Import *import)
{
  g_clear_signal_handler (&import->handler, import->workspace);
  g_clear_signal_handler (&import->loading_handler, import->workspace);
  g_object_unref (import->workspace);
  g_hash_table_unref (import->pending);
  fz_summary_free (import->summary);
  g_free (import);
}

static void
set_field (Import         *import,
           FzDocument     *document,
           FzFigureId      id,
           FzFigureField   field,
           const char     *value)
{
  FzDecisions *decisions = fz_workspace_get_decisions (import->window->workspace);
  g_autoptr(FzFigureList) changed = NULL;

  /* Setting a field to what the figure holds already changes nothing. */
  changed = fz_decisions_set_field (decisions, document, id, field, value, NULL, NULL);
  if (changed == NULL)
    import->n_failed++;
}

static void
restore_fields (Import                *import,
                FzDocument            *document,
                FzFigureId             id,
                const FzSummaryFigure *f)
{
  set_field (import, document, id, FZ_FIGURE_FIELD_KIND, fz_kind_to_string (f->kind));
  set_field (import, document, id, FZ_FIGURE_FIELD_VALUE, f->value);
  set_field (import, document, id, FZ_FIGURE_FIELD_UNIT, f->unit);
  set_field (import, document, id, FZ_FIGURE_FIELD_QUALIFIER,
             fz_qualifier_to_string (f->qualifier));
  set_field (import, document, id, FZ_FIGURE_FIELD_CHANGE, fz_change_to_string (f->change));
  set_field (import, document, id, FZ_FIGURE_FIELD_BASIS, fz_basis_to_string (f->basis));
  set_field (import, document, id, FZ_FIGURE_FIELD_INDICATOR, f->indicator);
  set_field (import, document, id, FZ_FIGURE_FIELD_REGION, f->region);
  set_field (import, document, id, FZ_FIGURE_FIELD_PERIOD, f->period);
  set_field (import, document, id, FZ_FIGURE_FIELD_CORE, f->core ? "1" : "0");
}

static void
restore_figure (Import                *import,
                FzDocument            *document,
                const FzSummaryFigure *f)
{
  FzDecisions *decisions = fz_workspace_get_decisions (import->window->workspace);
  FzFigureId id = FZ_FIGURE_ID (f->start, f->end);
  g_autoptr(FzFigureList) done = NULL;
  gboolean ok = TRUE;

  switch (f->status)
    {
    case FZ_SUMMARY_STATUS_ADDED:
      done = fz_decisions_add_figure (decisions, document, f->start, f->end, NULL, NULL);
      if (done != NULL)
        restore_fields (import, document, id, f);
      ok = done != NULL;
      break;
    case FZ_SUMMARY_STATUS_EDITED:
      restore_fields (import, document, id, f);
      break;
    case FZ_SUMMARY_STATUS_REJECTED:
      done = fz_decisions_reject (decisions, document, id, NULL, NULL);
      ok = done != NULL;
      break;
    case FZ_SUMMARY_STATUS_ACCEPTED:
      done = fz_decisions_set_accepted (decisions, document, id, TRUE, NULL, NULL);
      ok = done != NULL;
      break;
    default:
      break;
    }
  if (f->note != NULL && *f->note != '\0')
    {
      g_autoptr(FzFigureList) noted =
        fz_decisions_set_figure_note (decisions, document, id, f->note, NULL, NULL);

      ok &= noted != NULL;
    }
  if (ok)
    import->n_restored += f->status != FZ_SUMMARY_STATUS_MACHINE || f->note != NULL;
  else
    import->n_failed++;
}

static void
restore_document (Import                  *import,
                  FzDocument              *document,
                  const FzSummaryDocument *sd)
{
  FzDecisions *decisions = fz_workspace_get_decisions (import->window->workspace);
  g_autofree char *key = fz_decisions_document_key (document);
  g_autofree char *notes = g_strjoinv ("\n\n", sd->notes);

  /* One step: the analyst undoes the whole import of a page at once. */
  fz_decisions_begin_group (decisions);
  if (*notes != '\0')
    fz_decisions_set_document_note (decisions, key, notes);
  for (guint i = 0; i < sd->figures->len; i++)
    restore_figure (import, document, sd->figures->pdata[i]);
  fz_decisions_end_group (decisions);
}

static void
report (Import *import)
{
  g_autofree char *message = NULL;

  if (import->n_failed > 0)
    message = g_strdup_printf (_("Summary opened: %u decisions restored, %u could not be"),
                               import->n_restored, import->n_failed);
  else
    message = g_strdup_printf (_("Summary opened: %u decisions restored"), import->n_restored);
  adw_toast_overlay_add_toast (import->window->toast_overlay, adw_toast_new (message));
}

/* Each document of the summary gets its decisions once it is open and analysed: they are
 * anchored on its figures. */
static void
document_analysed (Import      *import,
                   FzDocument  *document,
                   FzWorkspace *workspace)
{
  g_autofree char *key = NULL;
  const FzSummaryDocument *sd;

  if (import->window->workspace == NULL)
    return;
  key = fz_decisions_document_key (document);
  sd = g_hash_table_lookup (import->pending, key);
  if (sd == NULL)
    return;
  restore_document (import, document, sd);
  g_hash_table_remove (import->pending, key);
  if (g_hash_table_size (import->pending) == 0)
    {
      report (import);
      g_object_set_data (G_OBJECT (import->window), "fz-import", NULL);
    }
}

/* Loading ended with pages still missing: they could not be opened (the load said why). */
static void
loading_changed (Import *import)
{
  if (import->window->workspace == NULL || fz_workspace_get_loading (import->workspace))
    return;
  import->n_failed += g_hash_table_size (import->pending);
  report (import);
  g_object_set_data (G_OBJECT (import->window), "fz-import", NULL);
}

static GPtrArray *
pending_files (Import *import)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  FzWorkspace *workspace = import->window->workspace;

  for (guint i = 0; i < fz_summary_get_n_documents (import->summary); i++)
    {
      const FzSummaryDocument *sd = fz_summary_get_document (import->summary, i);
      g_autofree char *path = sd->file != NULL ? g_file_get_path (sd->file) : NULL;
      FzDocument *open;

      if (path == NULL)
        {
          import->n_failed++;
          continue;
        }
      open = fz_workspace_lookup_document (workspace, path);
      if (open != NULL)
        restore_document (import, open, sd);
      else
        {
          g_hash_table_insert (import->pending, g_strdup (path), (gpointer) sd);
          g_ptr_array_add (files, g_object_ref (sd->file));
        }
    }
  return files;
}

/* Reading a large summary and hashing files to find its pages take a while: off the main
 * thread. */
static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  const char *path = data;
  g_autofree char *folder = g_path_get_dirname (path);
  GError *error = NULL;
  FzSummary *summary = fz_summary_read_file (path, &error);

  if (summary == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  fz_summary_locate_documents (summary, folder, cancellable);
  g_task_return_pointer (task, summary, (GDestroyNotify) fz_summary_free);
}

static void
start_import (FzWindow  *self,
              FzSummary *summary)
{
  g_autoptr(GPtrArray) files = NULL;
  Import *import = g_new0 (Import, 1);

  import->window = self;
  import->workspace = g_object_ref (self->workspace);
  import->summary = summary;
  import->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The window keeps it until every document came, or another import or its end. */
  g_object_set_data_full (G_OBJECT (self), "fz-import", import, (GDestroyNotify) import_free);
  files = pending_files (import);
  if (files->len == 0)
    {
      report (import);
      g_object_set_data (G_OBJECT (self), "fz-import", NULL);
      return;
    }
  import->handler = g_signal_connect_swapped (import->workspace, "document-changed",
                                              G_CALLBACK (document_analysed), import);
  fz_window_open_files (self, (GFile **) files->pdata, files->len);
  import->loading_handler = g_signal_connect_swapped (import->workspace, "notify::loading",
                                                      G_CALLBACK (loading_changed), import);
}

static void
read_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FzWindow *self = FZ_WINDOW (object);
  g_autoptr(GError) error = NULL;
  FzSummary *summary = g_task_propagate_pointer (G_TASK (result), &error);

  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->workspace == NULL)
    {
      g_clear_pointer (&summary, fz_summary_free);
      return;
    }
  if (summary == NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else if (self->loading)
    {
      fz_summary_free (summary);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Still loading: wait, or cancel first")));
    }
  else
    start_import (self, summary);
}

void
_fz_window_import_summary (FzWindow   *self,
                           const char *path)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, read_done, NULL);

  g_task_set_source_tag (task, _fz_window_import_summary);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, read_in_thread);
}

static void
summary_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          FzWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path != NULL)
    _fz_window_import_summary (self, path);
  g_object_unref (dialog);
}

void
_fz_window_choose_summary (FzWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Summary"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Summary (XML)"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (summary_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
