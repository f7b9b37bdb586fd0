/* fz-loader-each.c: files and folders loaded on a pool of threads and handed on one by one, in
 * order, to a caller that waits (the command line). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fz-loader-private.h"

/* How far the workers may run ahead of the files handed on: bounds what is held. */
#define WINDOW_PER_JOB 16

typedef struct
{
  gpointer  result;
  GError   *error;
  gboolean  ready;
} Result;

typedef struct
{
  Job              *job;
  FzLoaderWorkFunc  work;
  gpointer          work_data;
  GCond             cond;      /* a result became ready, or the window moved */
  Result           *results;   /* parallel to job->slots */
  guint             next;      /* the next slot a worker takes */
  guint             handed;    /* slots handed on so far */
  guint             window;
} Each;

static gpointer
load_document (GFile     *file,
               FzLoader  *loader,
               GError   **error)
{
  FzDocument *document = fz_document_load (file, NULL, error);

  if (document != NULL && loader->document_func != NULL)
    loader->document_func (document, loader->document_data);
  return document;
}

static void
work_on (Each  *each,
         guint  i)
{
  Slot *slot = &g_array_index (each->job->slots, Slot, i);
  Result *result = &each->results[i];

  if (slot->file == NULL)   /* an error found walking the folders */
    {
      result->error = g_steal_pointer (&slot->error);
      return;
    }
  result->result = each->work != NULL
    ? each->work (slot->file, each->work_data, &result->error)
    : load_document (slot->file, each->job->loader, &result->error);
}

static gpointer
worker (gpointer data)
{
  Each *each = data;
  guint n = each->job->slots->len;

  g_mutex_lock (&each->job->lock);
  for (;;)
    {
      guint i = each->next;

      while (i < n && i >= each->handed + each->window)
        {
          g_cond_wait (&each->cond, &each->job->lock);
          i = each->next;
        }
      if (i >= n)
        break;
      each->next++;
      g_mutex_unlock (&each->job->lock);
      work_on (each, i);
      g_mutex_lock (&each->job->lock);
      each->results[i].ready = TRUE;
      g_cond_broadcast (&each->cond);
    }
  g_mutex_unlock (&each->job->lock);
  return NULL;
}

/* Hands on slot @i on the calling thread. Returns whether it failed. */
static gboolean
hand_on (Each             *each,
         guint             i,
         Result           *result,
         GDestroyNotify    free_result,
         FzLoaderEachFunc  func,
         gpointer          func_data)
{
  Slot *slot = &g_array_index (each->job->slots, Slot, i);
  gboolean failed = result->result == NULL;

  func (slot->file, result->result, result->error, func_data);
  if (result->result != NULL && free_result != NULL)
    free_result (result->result);
  g_clear_error (&result->error);
  result->result = NULL;
  return failed;
}

static guint
run_threads (Each             *each,
             guint             n_jobs,
             GDestroyNotify    free_result,
             FzLoaderEachFunc  func,
             gpointer          func_data)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint failed = 0;

  for (guint t = 0; t < n_jobs; t++)
    g_ptr_array_add (threads, g_thread_new ("fz-loader-each", worker, each));
  for (guint i = 0; i < each->job->slots->len; i++)
    {
      Result result;

      g_mutex_lock (&each->job->lock);
      while (!each->results[i].ready)
        g_cond_wait (&each->cond, &each->job->lock);
      result = each->results[i];
      g_mutex_unlock (&each->job->lock);
      /* Handed on outside the lock, so that the workers go on meanwhile. */
      failed += hand_on (each, i, &result, free_result, func, func_data);
      g_mutex_lock (&each->job->lock);
      each->handed = i + 1;
      g_cond_broadcast (&each->cond);
      g_mutex_unlock (&each->job->lock);
    }
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
  return failed;
}

guint
fz_loader_load_each (FzLoader          *self,
                     GFile            **files,
                     guint              n_files,
                     guint              n_jobs,
                     FzLoaderWorkFunc   work,
                     gpointer           work_data,
                     GDestroyNotify     free_result,
                     FzLoaderEachFunc   func,
                     gpointer           func_data)
{
  Each each = { 0 };
  guint failed = 0, n;

  g_return_val_if_fail (FZ_IS_LOADER (self), 0);
  g_return_val_if_fail (files != NULL || n_files == 0, 0);
  g_return_val_if_fail (func != NULL, 0);

  each.job = _fz_loader_job_new (self, files, n_files, NULL);
  each.job->sync = TRUE;
  each.work = work;
  each.work_data = work_data;
  _fz_loader_collect (each.job);
  n = each.job->slots->len;
  each.results = g_new0 (Result, n);
  if (n_jobs <= 1 || n <= 1)
    for (guint i = 0; i < n; i++)
      {
        work_on (&each, i);
        failed += hand_on (&each, i, &each.results[i], free_result, func, func_data);
      }
  else
    {
      g_cond_init (&each.cond);
      each.window = n_jobs * WINDOW_PER_JOB;
      failed = run_threads (&each, MIN (n_jobs, n), free_result, func, func_data);
      g_cond_clear (&each.cond);
    }
  g_free (each.results);
  _fz_loader_job_free (each.job);
  return failed;
}
