/* fz-window-export.c: the workspace's summary written as XML or its figures as CSV, off the
 * main thread with progress and cancel; a summary opened back into the workspace. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fz-article.h"
#include "fz-figure-csv.h"
#include "fz-index-feed.h"
#include "fz-summary-reader.h"
#include "fz-summary-writer.h"
#include "fz-window-private.h"

/* One document as the analyst left it, taken on the main thread so the worker never reads
 * the decisions or a document's figures while they change. */
typedef struct
{
  FzDocument   *document;    /* the workspace's own: text, articles, file */
  char         *date;
  FzFigureList *figures;     /* corrected, rejected ones kept: what the summary lists */
  GArray       *status;      /* FzFigureStatus, parallel to @figures */
  GPtrArray    *notes;       /* char *, parallel to @figures, may hold NULL */
  char         *doc_notes[2];
  FzFigureList *indexed;     /* corrected, rejected ones left out: what the index reads */
} Item;

typedef struct
{
  GPtrArray      *items;     /* Item * */
  GFile          *file;
  gboolean        csv;
  FzPipeline     *pipeline;  /* NULL: no index */
  FzIndexOptions  options;
  char           *period;
  Item           *current;   /* the document being written, for the writer's callbacks */
  guint           n_replaced;
  guint           done;      /* atomic: documents written */
  gint            reporting; /* atomic: a progress report is waiting for the main loop */
} Job;

static void
item_free (Item *item)
{
  g_object_unref (item->document);
  g_free (item->date);
  g_clear_pointer (&item->figures, fz_figure_list_unref);
  g_clear_pointer (&item->indexed, fz_figure_list_unref);
  g_clear_pointer (&item->status, g_array_unref);
  g_clear_pointer (&item->notes, g_ptr_array_unref);
  g_free (item->doc_notes[0]);
  g_free (item);
}

static void
job_free (Job *job)
{
  g_ptr_array_unref (job->items);
  g_object_unref (job->file);
  g_clear_pointer (&job->pipeline, fz_pipeline_unref);
  g_free (job->period);
  g_free (job);
}

static Item *
item_new (FzWorkspace *workspace,
          FzDocument  *document)
{
  FzDecisions *decisions = fz_workspace_get_decisions (workspace);
  g_autofree char *key = fz_decisions_document_key (document);
  Item *item = g_new0 (Item, 1);
  guint n;

  item->document = g_object_ref (document);
  item->date = g_strdup (fz_document_get_date (document));
  item->figures = fz_decisions_apply (decisions, document, &item->status);
  item->indexed = fz_workspace_dup_figures (workspace, document);
  if (item->figures == NULL)
    item->figures = fz_figure_list_new ();
  if (item->status == NULL)
    item->status = g_array_new (FALSE, TRUE, sizeof (FzFigureStatus));
  n = fz_figure_list_get_n (item->figures);
  item->notes = g_ptr_array_new_full (n, g_free);
  for (guint i = 0; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (item->figures, i);

      g_ptr_array_add (item->notes, g_strdup (fz_decisions_get_figure_note (
        decisions, document, FZ_FIGURE_ID (f->start, f->end))));
    }
  item->doc_notes[0] = g_strdup (fz_decisions_get_document_note (decisions, key));
  return item;
}
static FzSummaryStatus
figure_status (FzDocument      *document,
               guint            index,
               const FzFigure  *figure,
               const char     **note,
               gpointer         user_data)
{
  Item *item = ((Job *) user_data)->current;

  if (item == NULL || index >= item->status->len)
    return FZ_SUMMARY_STATUS_MACHINE;
  *note = item->notes->pdata[index];
  return fz_summary_status_from_flags (g_array_index (item->status, FzFigureStatus, index).flags);
}

static const char * const *
document_notes (FzDocument *document,
                gpointer    user_data)
{
  Item *item = ((Job *) user_data)->current;

  return item != NULL && item->doc_notes[0] != NULL ? (const char * const *) item->doc_notes
                                                    : NULL;
}

/* Attribution gave each article of the open page its place; the same text has the same
 * articles, and they are not analysed again for it. */
static void
copy_article_regions (FzDocument *copy,
                      FzDocument *document)
{
  GPtrArray *to = fz_document_get_articles (copy);
  GPtrArray *from = fz_document_get_articles (document);

  for (guint i = 0; to != NULL && from != NULL && i < MIN (to->len, from->len); i++)
    {
      FzArticle *a = to->pdata[i];
      const FzArticle *b = from->pdata[i];

      if (a->start != b->start || a->end != b->end)
        continue;
      g_free (a->region);
      a->region = g_strdup (b->region);
      a->region_code = b->region_code;
    }
}

/* The summary lists the corrected figures, rejected ones flagged: a copy of the document read
 * again from its file carries them, as the workspace's own keeps the extractor's list. */
static FzDocument *
corrected_copy (Item          *item,
                FzFigureList  *figures,
                GCancellable  *cancellable,
                GError       **error)
{
  GFile *file = fz_document_get_file (item->document);
  g_autoptr(FzDocument) copy = NULL;
  const char *text, *own;
  gsize len, own_len;

  if (file == NULL)
    return g_object_ref (item->document);
  copy = fz_document_load (file, cancellable, error);
  if (copy == NULL)
    return NULL;
  text = fz_document_get_text (copy, &len);
  own = fz_document_get_text (item->document, &own_len);
  if (len != own_len || memcmp (text, own, len) != 0)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s changed on disk while it was open; reload it and export again"), name);
      return NULL;
    }
  fz_document_set_date (copy, item->date);
  fz_document_set_figures (copy, figures);
  copy_article_regions (copy, item->document);
  return g_steal_pointer (&copy);
}

static gboolean
report_progress (gpointer data)
{
  g_autoptr(GTask) task = data;
  Job *job = g_task_get_task_data (task);
  FzWindow *self = g_task_get_source_object (task);
  guint done = g_atomic_int_get (&job->done);
  g_autofree char *text = g_strdup_printf (_("Exported %u of %u documents"), done,
                                           job->items->len);

  g_atomic_int_set (&job->reporting, FALSE);
  if (!gtk_widget_in_destruction (GTK_WIDGET (self)) && self->workspace != NULL
      && self->exporting)
    {
      gtk_progress_bar_set_fraction (self->progress_bar,
                                     job->items->len > 0 ? (double) done / job->items->len : 1);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  return G_SOURCE_REMOVE;
}

/* At most one report waits in the main loop: 10,000 pages do not queue 10,000 of them. */
static void
progress_from_thread (GTask *task,
                      guint  done)
{
  Job *job = g_task_get_task_data (task);

  g_atomic_int_set (&job->done, done);
  if (g_atomic_int_compare_and_exchange (&job->reporting, FALSE, TRUE))
    g_main_context_invoke (g_task_get_context (task), report_progress, g_object_ref (task));
}

static gboolean
write_csv (Job           *job,
           GTask         *task,
           GOutputStream *stream,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  fz_figure_csv_write_header (out);
  for (guint i = 0; i < job->items->len; i++)
    {
      Item *item = job->items->pdata[i];
      g_autoptr(FzDocument) copy = NULL;

      /* The figures table holds what the index reads: rejected figures left out. */
      copy = corrected_copy (item, item->indexed, cancellable, error);
      if (copy == NULL)
        return FALSE;
      fz_figure_csv_write_document (out, copy);
      if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
        return FALSE;
      g_string_truncate (out, 0);
      progress_from_thread (task, i + 1);
    }
  return TRUE;
}

static gboolean
write_xml (Job           *job,
           GTask         *task,
           GOutputStream *stream,
           GCancellable  *cancellable,
           GError       **error)
{
  FzSummaryDecisions decisions = { figure_status, document_notes, job };
  FzSummaryOptions options = { .index_options = &job->options, .decisions = &decisions,
                               .total = job->items->len };
  g_autoptr(FzSummaryWriter) writer = NULL;
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzIndexResult) result = NULL;
  FzGazetteer *gazetteer = job->pipeline ? fz_pipeline_get_gazetteer (job->pipeline) : NULL;

  writer = fz_summary_writer_new (stream, &options, cancellable, error);
  if (writer == NULL)
    return FALSE;
  if (job->pipeline != NULL)
    fz_index_feed_lexicon (index, fz_pipeline_get_lexicon (job->pipeline));
  for (guint i = 0; i < job->items->len; i++)
    {
      Item *item = job->items->pdata[i];
      g_autoptr(FzDocument) copy = corrected_copy (item, item->figures, cancellable, error);

      if (copy == NULL)
        return FALSE;
      if (gazetteer != NULL)
        fz_index_feed_figures (index, gazetteer, item->document, item->indexed, item->date,
                               job->options.level);
      /* A page without a file keeps the extractor's list, and no statuses match it. */
      job->current = copy != item->document ? item : NULL;
      if (!fz_summary_writer_add_document (writer, copy, error))
        return FALSE;
      job->current = NULL;
      progress_from_thread (task, i + 1);
    }
  /* The index as the workspace computes it: the same documents, figures and options. */
  result = fz_index_compute (index, &job->options, error);
  if (result == NULL || !fz_summary_writer_finish (writer, result, error))
    return FALSE;
  job->n_replaced = fz_summary_writer_get_n_replaced (writer);
  return TRUE;
}

/* Written beside the file and renamed over it at the end: a cancelled or failed export leaves
 * the earlier file as it was. */
static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  gboolean ok;

  stream = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ok = job->csv ? write_csv (job, task, G_OUTPUT_STREAM (stream), cancellable, &error)
                : write_xml (job, task, G_OUTPUT_STREAM (stream), cancellable, &error);
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, &error))
    ok = FALSE;
  if (!ok)
    {
      /* Closing through a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FzWindow *self = FZ_WINDOW (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (job->file);
  g_autofree char *message = NULL;

  /* The window was closed meanwhile: nobody to tell. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->workspace == NULL)
    return;
  self->exporting = FALSE;
  g_clear_object (&self->export_cancellable);
  if (!self->loading)
    gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  _fz_window_actions_update (self);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    message = job->n_replaced > 0
      ? g_strdup_printf (_("Exported to %s (%u characters XML does not allow replaced)"),
                         name, job->n_replaced)
      : g_strdup_printf (_("Exported to %s"), name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_("Export cancelled; nothing was written"));
  else
    message = g_strdup_printf (_("Could not export: %s"), error->message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
_fz_window_export_to_file (FzWindow *self,
                           GFile    *file,
                           gboolean  csv)
{
  GListModel *documents = fz_workspace_get_documents (self->workspace);
  FzPipeline *pipeline = fz_workspace_get_pipeline (self->workspace);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->exporting)
    return;
  job = g_new0 (Job, 1);
  job->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(FzDocument) document = g_list_model_get_item (documents, i);

      g_ptr_array_add (job->items, item_new (self->workspace, document));
    }
  job->file = g_object_ref (file);
  job->csv = csv;
  job->pipeline = pipeline != NULL ? fz_pipeline_ref (pipeline) : NULL;
  job->options = *fz_workspace_get_index_options (self->workspace);
  job->period = g_strdup (job->options.period);
  job->options.period = job->period;

  self->exporting = TRUE;
  self->export_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Exporting…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  _fz_window_actions_update (self);

  task = g_task_new (self, self->export_cancellable, export_done, NULL);
  g_task_set_source_tag (task, _fz_window_export_to_file);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_in_thread);
}

static void
export_chooser_response (GtkNativeDialog *dialog,
                         int              response,
                         FzWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      gboolean csv_filter = filter != NULL
        && g_strcmp0 (g_object_get_data (G_OBJECT (filter), "format"), "csv") == 0;
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *lower = g_ascii_strdown (name, -1);
      gboolean has_ext = g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".xml");

      /* The name's extension decides; without one, the filter chosen does. */
      _fz_window_export_to_file (self, file,
                                 has_ext ? g_str_has_suffix (lower, ".csv") : csv_filter);
    }
  g_object_unref (dialog);
}

static GtkFileFilter *
format_filter (const char *name,
               const char *pattern,
               const char *format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data_full (G_OBJECT (filter), "format", g_strdup (format), g_free);
  return filter;
}

void
_fz_window_choose_export (FzWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) xml = format_filter (_("Summary (XML)"), "*.xml", "xml");
  g_autoptr(GtkFileFilter) csv = format_filter (_("Figures table (CSV)"), "*.csv", "csv");

  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xml);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "summary.xml");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_fz_window_cancel_export (FzWindow *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}
