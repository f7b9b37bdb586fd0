/* fz-workspace-index.c: the index over the open documents, recomputed off the main thread. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index-feed.h"
#include "fz-workspace-private.h"

/* Changes often come in bursts (a folder loading, several dates): one computation after them. */
#define SCHEDULE_DELAY_MS 150

/* What a computation reads, taken on the main thread so workers never read a document's
 * figures or date while they change. */
typedef struct
{
  FzWorkspace    *owner;       /* alive while the task runs: it is the task's source */
  FzPipeline     *pipeline;
  GPtrArray      *documents;   /* FzDocument */
  GPtrArray      *figures;     /* FzFigureList, parallel, may hold NULL */
  GPtrArray      *dates;       /* char *, parallel, may hold NULL */
  FzIndexOptions  options;
  char           *period;
  guint           generation;
  FzIndex        *index;       /* the output */
  FzIndexResult  *result;
} Job;

static void
job_free (Job *job)
{
  fz_pipeline_unref (job->pipeline);
  g_ptr_array_unref (job->documents);
  g_ptr_array_unref (job->figures);
  g_ptr_array_unref (job->dates);
  g_free (job->period);
  g_clear_pointer (&job->result, fz_index_result_free);
  g_clear_pointer (&job->index, fz_index_free);
  g_free (job);
}

static Job *
job_new (FzWorkspace *self)
{
  GListModel *model = G_LIST_MODEL (self->documents);
  guint n = g_list_model_get_n_items (model);
  Job *job = g_new0 (Job, 1);

  job->owner = self;
  job->pipeline = fz_pipeline_ref (self->pipeline);
  job->documents = g_ptr_array_new_full (n, g_object_unref);
  job->figures = g_ptr_array_new_full (n, (GDestroyNotify) fz_figure_list_unref);
  job->dates = g_ptr_array_new_full (n, g_free);
  for (guint i = 0; i < n; i++)
    {
      FzDocument *document = g_list_model_get_item (model, i);

      g_ptr_array_add (job->documents, document);
      /* As the analyst corrected them. */
      g_ptr_array_add (job->figures, fz_workspace_dup_figures (self, document));
      g_ptr_array_add (job->dates, g_strdup (fz_document_get_date (document)));
    }
  job->options = self->options;
  job->period = g_strdup (self->period);
  job->options.period = job->period;
  job->generation = self->index_generation;
  return job;
}

static gboolean
job_run (Job     *job,
         GError **error)
{
  FzGazetteer *gazetteer = fz_pipeline_get_gazetteer (job->pipeline);

  job->index = fz_index_new ();
  fz_index_feed_lexicon (job->index, fz_pipeline_get_lexicon (job->pipeline));
  for (guint i = 0; i < job->documents->len; i++)
    {
      /* A change since this began makes it stale: the next computation is on its way. */
      if (i % 64 == 0 &&
          (guint) g_atomic_int_get (&job->owner->index_generation) != job->generation)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stale");
          return FALSE;
        }
      fz_index_feed_figures (job->index, gazetteer, job->documents->pdata[i],
                             job->figures->pdata[i], job->dates->pdata[i], job->options.level);
      g_atomic_int_set (&job->owner->index_fed, i + 1);
    }
  job->result = fz_index_compute (job->index, &job->options, error);
  return job->result != NULL;
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (job_run (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
take_result (FzWorkspace *self,
             Job         *job)
{
  g_clear_pointer (&self->result, fz_index_result_free);
  g_clear_pointer (&self->index, fz_index_free);
  /* The result points into the index's observations: they go together. */
  self->index = g_steal_pointer (&job->index);
  self->result = g_steal_pointer (&job->result);
  g_signal_emit (self, _fz_workspace_signals[FZ_WORKSPACE_SIGNAL_INDEX_CHANGED], 0);
}

static void
set_computing (FzWorkspace *self,
               gboolean     computing)
{
  if (self->computing == computing)
    return;
  self->computing = computing;
  _fz_workspace_notify_computing (self);
}

static void
compute_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FzWorkspace *self = FZ_WORKSPACE (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The options are checked before they are set, so this is not the user's doing. */
      g_warning ("The index could not be computed: %s", error->message);
      if (job->generation == self->index_generation && self->index_source == 0)
        set_computing (self, FALSE);
      return;
    }
  /* A newer change made this one stale; its own computation follows. */
  if (job->generation != self->index_generation)
    return;
  take_result (self, job);
  if (self->index_source == 0)
    set_computing (self, FALSE);
}

static gboolean
start_computation (gpointer data)
{
  FzWorkspace *self = data;
  g_autoptr(GTask) task = NULL;

  self->index_source = 0;
  if (self->pipeline == NULL)
    return G_SOURCE_REMOVE;
  /* A load began since this was scheduled: it is computed once the load is over. */
  if (self->n_loading > 0)
    {
      self->index_deferred = TRUE;
      return G_SOURCE_REMOVE;
    }
  g_atomic_int_set (&self->index_fed, 0);
  self->index_total = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  task = g_task_new (self, self->index_cancellable, compute_done, NULL);
  g_task_set_source_tag (task, start_computation);
  g_task_set_task_data (task, job_new (self), (GDestroyNotify) job_free);
  /* An earlier computation still running must not hand over its result after this one. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, compute_in_thread);
  return G_SOURCE_REMOVE;
}

void
_fz_workspace_index_schedule (FzWorkspace *self)
{
  g_atomic_int_inc (&self->index_generation);
  if (self->pipeline == NULL)
    return;
  /* Each batch of a large folder would start a computation over all that came before. */
  if (self->n_loading > 0)
    {
      self->index_deferred = TRUE;
      g_clear_handle_id (&self->index_source, g_source_remove);
      set_computing (self, TRUE);
      return;
    }
  self->index_deferred = FALSE;
  g_clear_handle_id (&self->index_source, g_source_remove);
  self->index_source = g_timeout_add (SCHEDULE_DELAY_MS, start_computation, self);
  set_computing (self, TRUE);
}

void
_fz_workspace_index_init (FzWorkspace *self)
{
  fz_index_options_init (&self->options);
  self->index_cancellable = g_cancellable_new ();
}

void
_fz_workspace_index_dispose (FzWorkspace *self)
{
  g_clear_handle_id (&self->index_source, g_source_remove);
  if (self->index_cancellable != NULL)
    g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  g_clear_pointer (&self->result, fz_index_result_free);
  g_clear_pointer (&self->index, fz_index_free);
  g_clear_pointer (&self->period, g_free);
}

/* ---------------------------------------------------------------- public API */

const FzIndexOptions *
fz_workspace_get_index_options (FzWorkspace *self)
{
  g_return_val_if_fail (FZ_IS_WORKSPACE (self), NULL);
  return &self->options;
}

void
fz_workspace_set_index_options (FzWorkspace          *self,
                                const FzIndexOptions *options)
{
  g_return_if_fail (FZ_IS_WORKSPACE (self));
  g_return_if_fail (options != NULL);

  if (options->period != self->period)
    {
      g_free (self->period);
      self->period = g_strdup (options->period);
    }
  self->options = *options;
  self->options.period = self->period;
  _fz_workspace_changed (self);
}

FzIndex *
fz_workspace_get_index (FzWorkspace *self)
{
  g_return_val_if_fail (FZ_IS_WORKSPACE (self), NULL);
  return self->index;
}

FzIndexResult *
fz_workspace_get_index_result (FzWorkspace *self)
{
  g_return_val_if_fail (FZ_IS_WORKSPACE (self), NULL);
  return self->result;
}

gboolean
fz_workspace_get_computing (FzWorkspace *self)
{
  g_return_val_if_fail (FZ_IS_WORKSPACE (self), FALSE);
  return self->computing;
}

double
fz_workspace_get_index_progress (FzWorkspace *self)
{
  guint fed;

  g_return_val_if_fail (FZ_IS_WORKSPACE (self), 0);

  if (!self->computing || self->index_total == 0)
    return self->computing ? 0 : 1;
  fed = (guint) g_atomic_int_get (&self->index_fed);
  return MIN (1.0, (double) fed / self->index_total);
}

gboolean
fz_workspace_compute_index (FzWorkspace  *self,
                            GError      **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (FZ_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (self->pipeline != NULL, FALSE);

  g_clear_handle_id (&self->index_source, g_source_remove);
  job = job_new (self);
  ok = job_run (job, error);
  if (ok)
    take_result (self, job);
  job_free (job);
  set_computing (self, FALSE);
  return ok;
}
