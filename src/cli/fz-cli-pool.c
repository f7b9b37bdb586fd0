/* fz-cli-pool.c: a command's files on a pool of threads, results handed on in argument order. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>

#include "fz-cli-pool.h"

/* How far the workers may run ahead of the files handed on: bounds the documents held. */
#define WINDOW_PER_JOB 16

typedef struct
{
  gpointer  result;
  char     *message;
  gboolean  ready;
} Slot;

typedef struct
{
  char          **paths;
  guint           n_paths;
  FzCliPoolWork   work;
  gpointer        work_data;
  GMutex          lock;
  GCond           cond;       /* a slot became ready, or the window moved */
  Slot           *slots;
  guint           next;       /* the next file a worker takes */
  guint           handed;     /* files handed on so far */
  guint           window;
} Pool;

guint
fz_cli_pool_default_jobs (void)
{
  const char *env = g_getenv ("FANZHA_JOBS");
  gint64 n;

  if (env != NULL && *env != '\0' && (n = g_ascii_strtoll (env, NULL, 10)) > 0)
    return (guint) MIN (n, 256);
  return (guint) CLAMP (g_get_num_processors (), 1, 64);
}

static gpointer
worker (gpointer data)
{
  Pool *pool = data;

  g_mutex_lock (&pool->lock);
  for (;;)
    {
      guint i = pool->next;
      gpointer result;
      char *message = NULL;

      while (i < pool->n_paths && i >= pool->handed + pool->window)
        {
          g_cond_wait (&pool->cond, &pool->lock);
          i = pool->next;
        }
      if (i >= pool->n_paths)
        break;
      pool->next++;
      g_mutex_unlock (&pool->lock);
      result = pool->work (pool->paths[i], pool->work_data, &message);
      g_mutex_lock (&pool->lock);
      pool->slots[i].result = result;
      pool->slots[i].message = message;
      pool->slots[i].ready = TRUE;
      g_cond_broadcast (&pool->cond);
    }
  g_mutex_unlock (&pool->lock);
  return NULL;
}

/* Hands on file @i: its result, or its message on stderr. Returns whether it failed. */
static gboolean
hand_on (Slot           *slot,
         FzCliPoolDone   done,
         gpointer        done_data,
         GDestroyNotify  free_result)
{
  gboolean failed = slot->result == NULL;

  if (slot->message != NULL)
    g_printerr ("fanzha-cli: %s\n", slot->message);
  if (slot->result != NULL)
    {
      done (slot->result, done_data);
      if (free_result != NULL)
        free_result (slot->result);
    }
  g_clear_pointer (&slot->message, g_free);
  slot->result = NULL;
  return failed;
}

static guint
run_threads (Pool           *pool,
             guint           n_jobs,
             FzCliPoolDone   done,
             gpointer        done_data,
             GDestroyNotify  free_result)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint failed = 0;

  for (guint t = 0; t < n_jobs; t++)
    g_ptr_array_add (threads, g_thread_new ("fz-cli-pool", worker, pool));
  for (guint i = 0; i < pool->n_paths; i++)
    {
      Slot slot;

      g_mutex_lock (&pool->lock);
      while (!pool->slots[i].ready)
        g_cond_wait (&pool->cond, &pool->lock);
      slot = pool->slots[i];
      g_mutex_unlock (&pool->lock);
      /* Handed on outside the lock, so that the workers go on meanwhile. */
      failed += hand_on (&slot, done, done_data, free_result);
      g_mutex_lock (&pool->lock);
      pool->handed = i + 1;
      g_cond_broadcast (&pool->cond);
      g_mutex_unlock (&pool->lock);
    }
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
  return failed;
}

guint
fz_cli_pool_run (guint           n_jobs,
                 char          **paths,
                 guint           n_paths,
                 FzCliPoolWork   work,
                 gpointer        work_data,
                 FzCliPoolDone   done,
                 gpointer        done_data,
                 GDestroyNotify  free_result)
{
  Pool pool = { paths, n_paths, work, work_data };
  guint failed = 0;

  if (n_jobs <= 1 || n_paths <= 1)
    {
      for (guint i = 0; i < n_paths; i++)
        {
          Slot slot = { 0 };

          slot.result = work (paths[i], work_data, &slot.message);
          failed += hand_on (&slot, done, done_data, free_result);
        }
      return failed;
    }
  g_mutex_init (&pool.lock);
  g_cond_init (&pool.cond);
  pool.slots = g_new0 (Slot, n_paths);
  pool.window = n_jobs * WINDOW_PER_JOB;
  failed = run_threads (&pool, MIN (n_jobs, n_paths), done, done_data, free_result);
  g_free (pool.slots);
  g_cond_clear (&pool.cond);
  g_mutex_clear (&pool.lock);
  return failed;
}
