/* fz-workspace-load.c: files read on worker threads join the list at once; their analysis
 * follows on other workers and is stored, batch by batch, on the workspace's thread. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fz-decisions.h"
#include "fz-worker.h"
#include "fz-workspace-private.h"

/* The first results wait this long, so that they are stored together: a list of thousands
 * fills without an iteration of the main loop per page. */
#define APPLY_INTERVAL_MS 40
/* Each stored analysis costs the main thread a few tens of microseconds (the list's cells,
 * the reader if shown). They are stored for this long at a time, taken this many at once,
 * and the window gets this long to draw before the next go: time, not a count, bounds a go,
 * whatever a page costs on this machine. */
#define APPLY_BUDGET_US 12000
#define APPLY_CHUNK 32
#define APPLY_GAP_MS 12

/* About 100 KB of Chinese text: its layout takes a few milliseconds to make. */
#define EAGER_LAYOUT_CHARS 32768

/* One fz_workspace_load_async (): the task's data. */
typedef struct
{
  FzLoader  *loader;
  GPtrArray *files;      /* GFile */
  GPtrArray *errors;     /* GError, once reading is over */
  GError    *error;      /* reading itself failed (cancelled) */
  guint      pending;    /* documents in the list whose analysis is not stored yet */
  GPtrArray *waiting;    /* Item: to analyse once reading is over */
  guint      read;       /* files read so far (or failed) */
  guint      shown;      /* the most the bar has shown */
  guint      total;
  gboolean   read_over;
} Load;

/* One document to analyse. */
typedef struct
{
  GTask      *task;      /* its load */
  FzDocument *document;
  char       *date;      /* the date to read its periods against, or NULL: the page's own */
  char       *set_date;  /* the analyst's date for it when queued, or NULL */
  FzAnalysis *analysis;  /* made by the worker */
  char       *checksum;
} Item;

static void
load_free (Load *load)
{
  g_clear_object (&load->loader);
  g_ptr_array_unref (load->files);
  g_clear_pointer (&load->errors, g_ptr_array_unref);
  g_clear_error (&load->error);
  g_clear_pointer (&load->waiting, g_ptr_array_unref);
  g_free (load);
}

static void
item_free (gpointer data)
{
  Item *item = data;

  g_object_unref (item->task);
  g_object_unref (item->document);
  g_free (item->date);
  g_free (item->set_date);
  g_clear_pointer (&item->analysis, fz_analysis_free);
  g_free (item->checksum);
  g_free (item);
}

/* ---------------------------------------------------------------- reading */

/* On the loader's workers, before the document is seen: what is not thread-safe to make
 * later. A long document's reading layout is made here, so showing it does not stall the
 * window; a page's costs a fraction of a millisecond when shown, and an archive does not
 * hold its text twice. */
static void
prepare_in_worker (FzDocument *document,
                   gpointer    data)
{
  if (fz_document_get_n_chars (document) > EAGER_LAYOUT_CHARS)
    fz_document_get_layout (document);
}

static void
complete (GTask *task)
{
  FzWorkspace *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (task);

  _fz_workspace_set_loading (self, -1);
  if (load->error != NULL)
    g_task_return_error (task, g_steal_pointer (&load->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&load->errors),
                           (GDestroyNotify) g_ptr_array_unref);
}

static void
emit_progress (FzWorkspace *self,
               Load        *load)
{
  /* Read is ahead of analysed: the pages read and not yet analysed are still to come. Files
   * are counted as read before their pages join the list, so the difference may fall for a
   * moment: the bar never goes back. */
  guint done = load->read > load->pending ? load->read - load->pending : 0;

  load->shown = MAX (load->shown, done);
  g_signal_emit (self, _fz_workspace_signals[FZ_WORKSPACE_SIGNAL_LOAD_PROGRESS], 0,
                 load->shown, load->total);
}

static gboolean apply_analysed (gpointer data);

/* Stores what is analysed in @interval_ms, on the workspace's thread. Called with the lock
 * held, when no go is scheduled. */
static void
schedule_apply (FzWorkspace *self,
                guint        interval_ms)
{
  self->apply_source = g_timeout_source_new (interval_ms);
  g_source_set_callback (self->apply_source, apply_analysed, self, NULL);
  g_source_attach (self->apply_source, self->context);
}

static void
analyse_in_worker (gpointer data,
                   gpointer user_data)
{
  Item *item = data;
  FzWorkspace *self = user_data;

  fz_worker_give_way (FZ_WORKER_ANALYSE);
  item->analysis = fz_pipeline_run_apart (self->pipeline, item->document, item->date);
  item->checksum = fz_decisions_text_checksum (item->document);
  g_mutex_lock (&self->analysis_lock);
  g_ptr_array_add (self->analysed, item);
  if (self->apply_source == NULL)
    schedule_apply (self, APPLY_INTERVAL_MS);
  g_mutex_unlock (&self->analysis_lock);
}

static void
documents_read (FzLoader  *loader,
                GPtrArray *documents,
                GTask     *task)
{
  FzWorkspace *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (task);
  g_autoptr(GPtrArray) fresh = _fz_workspace_add_fresh (self, (FzDocument **) documents->pdata,
                                                        documents->len);

  for (guint i = 0; i < fresh->len; i++)
    {
      FzDocument *document = fresh->pdata[i];
      g_autofree char *key = _fz_workspace_document_key (document);
      const char *date = g_hash_table_lookup (self->dates, key);
      Item *item = g_new0 (Item, 1);

      item->task = g_object_ref (task);
      item->document = g_object_ref (document);
      item->date = g_strdup (date != NULL ? date : fz_document_get_date (document));
      item->set_date = g_strdup (date);
      load->pending++;
      /* The list first: analysing while files are still read would take the processor from
       * the reading, and the list would be complete later. */
      g_ptr_array_add (load->waiting, item);
    }
  emit_progress (self, load);
}

static void
read_progress (FzLoader *loader,
               guint     done,
               guint     total,
               GTask    *task)
{
  Load *load = g_task_get_task_data (task);

  load->read = done;
  load->total = total;
  emit_progress (g_task_get_source_object (task), load);
}

static void
read_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FzWorkspace *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (task);

  fz_loader_load_finish (FZ_LOADER (object), result, NULL, &load->errors, &load->error);
  g_signal_handlers_disconnect_by_data (object, task);
  load->read_over = TRUE;
  {
    gsize n = 0;
    g_autofree gpointer *items = g_ptr_array_steal (load->waiting, &n);

    for (gsize i = 0; i < n; i++)
      g_thread_pool_push (self->analysis_pool, items[i], NULL);
  }
  /* Otherwise the last analysis stored completes it. */
  if (load->pending == 0)
    complete (task);
}

/* ---------------------------------------------------------------- analysis */

/* Takes at most APPLY_CHUNK of the analyses made so far; @more says whether some are left.
 * When none is, the go in progress is the last one scheduled: a worker that stores another
 * schedules the next. */
static GPtrArray *
take_analysed (FzWorkspace *self,
               gboolean    *more)
{
  GPtrArray *items;
  guint n;

  g_mutex_lock (&self->analysis_lock);
  n = MIN (self->analysed->len, APPLY_CHUNK);
  items = g_ptr_array_new_full (n, item_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, self->analysed->pdata[i]);
  /* They belong to @items now: out of the queue without being freed. */
  g_ptr_array_set_free_func (self->analysed, NULL);
  g_ptr_array_remove_range (self->analysed, 0, n);
  g_ptr_array_set_free_func (self->analysed, item_free);
  *more = self->analysed->len > 0;
  if (!*more)
    g_clear_pointer (&self->apply_source, g_source_unref);
  g_mutex_unlock (&self->analysis_lock);
  return items;
}

static void
apply_items (FzWorkspace *self,
             GPtrArray   *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = items->pdata[i];
      Load *load = g_task_get_task_data (item->task);
      g_autofree char *key = _fz_workspace_document_key (item->document);

      /* The analyst set (or cleared) its date meanwhile: the analysis made for that one is
       * stored when it is done, whichever comes first; this one is out of date. */
      if (g_strcmp0 (g_hash_table_lookup (self->dates, key), item->set_date) == 0)
        fz_analysis_apply (item->analysis, item->document, item->date);
      if (g_object_get_data (G_OBJECT (item->document), "fz-text-checksum") == NULL)
        g_object_set_data_full (G_OBJECT (item->document), "fz-text-checksum",
                                g_steal_pointer (&item->checksum), g_free);
      g_signal_emit (self, _fz_workspace_signals[FZ_WORKSPACE_SIGNAL_DOCUMENT_CHANGED], 0,
                     item->document);
      load->pending--;
      /* The bar moves once a chunk, or when its load ends: each move is a layout. */
      if (i + 1 == items->len || load->pending == 0 ||
          g_task_get_task_data (((Item *) items->pdata[i + 1])->task) != load)
        emit_progress (self, load);
      if (load->read_over && load->pending == 0)
        complete (item->task);
    }
}

static gboolean
apply_analysed (gpointer data)
{
  FzWorkspace *self = data;
  /* The items hold their loads' tasks, and these the workspace: it may have no other owner,
   * and it stays until this go is over although a chunk's items go before. */
  g_autoptr(FzWorkspace) hold = g_object_ref (self);
  gint64 start = g_get_monotonic_time ();
  gboolean more;

  do
    {
      g_autoptr(GPtrArray) items = take_analysed (self, &more);

      apply_items (self, items);
    }
  while (more && g_get_monotonic_time () - start < APPLY_BUDGET_US);
  _fz_workspace_index_schedule (self);
  /* More came in than one go stores: the rest after the window has drawn. */
  if (more)
    {
      g_mutex_lock (&self->analysis_lock);
      g_clear_pointer (&self->apply_source, g_source_unref);
      schedule_apply (self, APPLY_GAP_MS);
      g_mutex_unlock (&self->analysis_lock);
    }
  return G_SOURCE_REMOVE;
}

void
_fz_workspace_load_init (FzWorkspace *self)
{
  g_mutex_init (&self->analysis_lock);
  self->context = g_main_context_ref_thread_default ();
  self->analysed = g_ptr_array_new_with_free_func (item_free);
  self->analysis_pool = g_thread_pool_new_full (analyse_in_worker, self, item_free,
                                                MAX (1, (gint) g_get_num_processors ()), FALSE,
                                                NULL);
}

void
_fz_workspace_load_dispose (FzWorkspace *self)
{
  /* Every item holds its load's task, which holds the workspace: none is left by now. */
  if (self->analysis_pool != NULL)
    g_thread_pool_free (g_steal_pointer (&self->analysis_pool), FALSE, TRUE);
  g_mutex_lock (&self->analysis_lock);
  if (self->apply_source != NULL)
    g_source_destroy (self->apply_source);
  g_clear_pointer (&self->apply_source, g_source_unref);
  g_mutex_unlock (&self->analysis_lock);
}

void
_fz_workspace_load_finalize (FzWorkspace *self)
{
  g_clear_pointer (&self->analysed, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->analysis_lock);
}

void
_fz_workspace_start_load (FzWorkspace *self,
                          GTask       *task)
{
  Load *load = g_task_get_task_data (task);

  load->loader = fz_loader_new ();
  fz_loader_set_document_func (load->loader, prepare_in_worker, NULL, NULL);
  g_signal_connect (load->loader, "documents-added", G_CALLBACK (documents_read), task);
  g_signal_connect (load->loader, "progress", G_CALLBACK (read_progress), task);
  fz_loader_load_async (load->loader, (GFile **) load->files->pdata, load->files->len,
                        g_task_get_cancellable (task), read_done, task);
}

GTask *
_fz_workspace_load_task_new (FzWorkspace          *self,
                             GFile               **files,
                             guint                 n_files,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Load *load = g_new0 (Load, 1);

  load->files = g_ptr_array_new_with_free_func (g_object_unref);
  load->waiting = g_ptr_array_new_with_free_func (item_free);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (load->files, g_object_ref (files[i]));
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  return task;
}
