/* fz-loader.c: batch loading of files and folders on a pool of worker threads. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fz-error.h"
#include "fz-worker.h"

/* The most documents one batch announces. */
#define FLUSH_MAX_DOCUMENTS 500

G_DEFINE_FINAL_TYPE (FzLoader, fz_loader, G_TYPE_OBJECT)

enum {
  SIGNAL_PROGRESS,
  SIGNAL_DOCUMENTS_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
slot_clear (gpointer data)
{
  Slot *slot = data;

  g_clear_object (&slot->file);
  g_clear_object (&slot->document);
  g_clear_error (&slot->error);
}

void
_fz_loader_job_free (Job *job)
{
  g_clear_object (&job->loader);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->inputs, g_ptr_array_unref);
  g_clear_pointer (&job->slots, g_array_unref);
  g_clear_pointer (&job->seen_dirs, g_hash_table_unref);
  if (job->flush_source)
    g_source_destroy (job->flush_source);
  g_clear_pointer (&job->flush_source, g_source_unref);
  g_mutex_clear (&job->lock);
  g_free (job);
}

static void
add_error (Job    *job,
           GError *error)
{
  Slot slot = { 0 };

  slot.error = error;
  slot.finished = TRUE;
  g_array_append_val (job->slots, slot);
}

static void
add_file (Job   *job,
          GFile *file)
{
  Slot slot = { 0 };

  slot.file = g_object_ref (file);
  g_array_append_val (job->slots, slot);
}

static gboolean
is_text_name (const char *name,
              const char *content_type)
{
  size_t n = strlen (name);
  g_autofree char *mime = NULL;

  /* PDFs and saved web pages have their own readers */
  if (n > 4 && (g_ascii_strcasecmp (name + n - 4, ".txt") == 0 ||
                g_ascii_strcasecmp (name + n - 4, ".pdf") == 0 ||
                g_ascii_strcasecmp (name + n - 4, ".htm") == 0))
    return TRUE;
  if (n > 5 && g_ascii_strcasecmp (name + n - 5, ".html") == 0)
    return TRUE;
  if (content_type == NULL)
    return FALSE;
  mime = g_content_type_get_mime_type (content_type);
  return mime != NULL && g_str_has_prefix (mime, "text/");
}

/* A folder's identity: device and inode where the file system has them; GVfs and other
 * backends without inodes are told apart by their URI (a loop through a link is then not
 * seen as one, but the walk still ends: each URI is entered once). */
static char *
dir_key (GFile     *dir,
         GFileInfo *info)
{
  if (!g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_INODE))
    return g_file_get_uri (dir);
  return g_strdup_printf ("%u:%" G_GUINT64_FORMAT,
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
}

#define DIR_ATTRS G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_UNIX_DEVICE "," \
                  G_FILE_ATTRIBUTE_UNIX_INODE
#define CHILD_ATTRS G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
                    G_FILE_ATTRIBUTE_STANDARD_FAST_CONTENT_TYPE "," \
                    G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK

static void walk_dir (Job *job, GFile *dir, GFileInfo *info, GSList *ancestors);

static void
add_read_error (Job          *job,
                GFile        *dir,
                const GError *error)
{
  g_autofree char *display = g_file_get_parse_name (dir);

  add_error (job, g_error_new (FZ_ERROR, FZ_ERROR_IO, _("%s: the folder cannot be read: %s"),
                               display, error->message));
}

/* FALSE when the folder loops back to one above it or was walked already. */
static gboolean
enter_dir (Job        *job,
           GFile      *dir,
           const char *key,
           GSList     *ancestors)
{
  if (g_slist_find_custom (ancestors, key, (GCompareFunc) g_strcmp0) != NULL)
    {
      g_autofree char *display = g_file_get_parse_name (dir);

      add_error (job, g_error_new (FZ_ERROR, FZ_ERROR_LOOP,
                                   _("%s: a folder loop (it leads back to a folder above it); "
                                     "skipped"),
                                   display));
      return FALSE;
    }
  /* reached again by another way, not a loop: its files are already listed */
  return g_hash_table_add (job->seen_dirs, g_strdup (key));
}

static void
walk_link (Job        *job,
           GFile      *child,
           const char *name,
           GSList     *here)
{
  /* follow links on purpose; loops are caught by the folder keys */
  g_autoptr(GFileInfo) target = g_file_query_info (child, DIR_ATTRS,
                                                   G_FILE_QUERY_INFO_NONE,
                                                   job->cancellable, NULL);

  if (target != NULL && g_file_info_get_file_type (target) == G_FILE_TYPE_DIRECTORY)
    {
      walk_dir (job, child, target, here);
      return;
    }
  if (is_text_name (name, NULL))
    add_file (job, child);
}

static void
walk_child (Job       *job,
            GFile     *child,
            GFileInfo *child_info,
            GSList    *here)
{
  const char *name = g_file_info_get_name (child_info);
  GFileType type;

  if (name[0] == '.')
    return;
  type = g_file_info_get_file_type (child_info);
  if (type == G_FILE_TYPE_SYMBOLIC_LINK)
    {
      walk_link (job, child, name, here);
      return;
    }
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GFileInfo) dinfo = g_file_query_info (child, DIR_ATTRS,
                                                      G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                      job->cancellable, NULL);

      if (dinfo != NULL)
        walk_dir (job, child, dinfo, here);
      return;
    }
  if (is_text_name (name,
                    g_file_info_get_attribute_string (child_info,
                                                      G_FILE_ATTRIBUTE_STANDARD_FAST_CONTENT_TYPE)))
    add_file (job, child);
}

static void
walk_dir (Job       *job,
          GFile     *dir,
          GFileInfo *info,
          GSList    *ancestors)
{
  g_autofree char *key = dir_key (dir, info);
  g_autoptr(GFileEnumerator) en = NULL;
  g_autoptr(GError) error = NULL;
  GSList here;

  if (!enter_dir (job, dir, key, ancestors))
    return;
  en = g_file_enumerate_children (dir, CHILD_ATTRS, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                  job->cancellable, &error);
  if (en == NULL)
    {
      add_read_error (job, dir, error);
      return;
    }

  here.data = key;
  here.next = ancestors;
  for (;;)
    {
      GFileInfo *child_info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (en, &child_info, &child, job->cancellable, &error))
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            add_read_error (job, dir, error);
          return;
        }
      if (child_info == NULL)
        break;
      walk_child (job, child, child_info, &here);
    }
}

static void sort_slots (Job *job, guint from);

void
_fz_loader_collect (Job *job)
{
  for (guint i = 0; i < job->inputs->len; i++)
    {
      GFile *file = g_ptr_array_index (job->inputs, i);
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) error = NULL;

      if (g_cancellable_is_cancelled (job->cancellable))
        return;
      info = g_file_query_info (file, DIR_ATTRS, G_FILE_QUERY_INFO_NONE, job->cancellable, &error);
      if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          guint from = job->slots->len;

          walk_dir (job, file, info, NULL);
          /* A folder lists in the order a file manager shows names (page-2 before page-10),
           * whatever order the file system gives; files named one by one keep theirs. */
          sort_slots (job, from);
        }
      else
        /* a file, or a name that is gone or cannot be looked at: loading says why, in the
         * same words as fanzha-cli */
        add_file (job, file);
    }
}

typedef struct
{
  char *key;
  Slot  slot;
} Keyed;

static int
compare_keyed (const void *a,
               const void *b)
{
  return strcmp (((const Keyed *) a)->key, ((const Keyed *) b)->key);
}

/* Sorts the slots from @from on by path; each key is made once. */
static void
sort_slots (Job   *job,
            guint  from)
{
  guint n = job->slots->len - from;
  g_autofree Keyed *keyed = NULL;

  if (n < 2)
    return;
  keyed = g_new (Keyed, n);
  for (guint i = 0; i < n; i++)
    {
      Slot *slot = &g_array_index (job->slots, Slot, from + i);
      g_autofree char *name = slot->file != NULL ? g_file_get_parse_name (slot->file)
                                                 : g_strdup ("");

      keyed[i].key = g_utf8_collate_key_for_filename (name, -1);
      keyed[i].slot = *slot;
    }
  qsort (keyed, n, sizeof *keyed, compare_keyed);
  for (guint i = 0; i < n; i++)
    {
      g_array_index (job->slots, Slot, from + i) = keyed[i].slot;
      g_free (keyed[i].key);
    }
}

/* Caller holds the lock. The documents of the finished slots that follow the last ones
 * announced, in slot order: a list fills in the same order every time, however the workers
 * happen to finish. At most FLUSH_MAX_DOCUMENTS, so that one batch never holds up the window
 * (after a busy moment thousands may be ready); @more says whether ready ones are left. */
static GPtrArray *
take_ready (Job      *job,
            gboolean *more)
{
  GPtrArray *batch = g_ptr_array_new_with_free_func (g_object_unref);

  for (; job->next_out < job->slots->len && batch->len < FLUSH_MAX_DOCUMENTS; job->next_out++)
    {
      Slot *slot = &g_array_index (job->slots, Slot, job->next_out);

      if (!slot->finished)
        break;
      if (slot->document != NULL)
        g_ptr_array_add (batch, g_object_ref (slot->document));
    }
  *more = job->next_out < job->slots->len &&
          g_array_index (job->slots, Slot, job->next_out).finished;
  return batch;
}

/* Announces a batch; returns whether more are ready, for which the source stays. */
static gboolean
flush_once (Job *job)
{
  g_autoptr(GPtrArray) batch = NULL;
  gboolean more;
  guint done, total;

  g_mutex_lock (&job->lock);
  batch = take_ready (job, &more);
  done = job->done;
  total = job->total;
  if (!more)
    g_clear_pointer (&job->flush_source, g_source_unref);
  g_mutex_unlock (&job->lock);

  if (batch->len > 0)
    g_signal_emit (job->loader, signals[SIGNAL_DOCUMENTS_ADDED], 0, batch);
  g_signal_emit (job->loader, signals[SIGNAL_PROGRESS], 0, done, total);
  return more;
}

static gboolean
flush_cb (gpointer data)
{
  return flush_once (data) ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Caller holds the lock. Batches go out at most every 40 ms, so a list fills
 * as it goes without a main loop iteration per file. */
static void
queue_flush (Job *job)
{
  if (job->sync || job->flush_source != NULL)
    return;
  job->flush_source = g_timeout_source_new (40);
  g_source_set_priority (job->flush_source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (job->flush_source, flush_cb, job, NULL);
  g_source_attach (job->flush_source, job->context);
}

static void
load_one (gpointer data,
          gpointer user_data)
{
  Job *job = user_data;
  Slot *slot = &g_array_index (job->slots, Slot, GPOINTER_TO_UINT (data) - 1);
  FzDocument *document = NULL;
  GError *error = NULL;

  /* The slot array does not move any more (collect is over); a slot is written here and read
   * by flushes only once finished is set, under the lock. */
  /* Only for the window: a tool waiting on its workers has nothing to give way to. */
  if (!job->sync)
    fz_worker_give_way (FZ_WORKER_READ);
  if (!g_cancellable_is_cancelled (job->cancellable))
    {
      document = fz_document_load (slot->file, job->cancellable, &error);
      if (document != NULL && job->loader->document_func != NULL)
        job->loader->document_func (document, job->loader->document_data);
    }

  g_mutex_lock (&job->lock);
  slot->document = document;
  slot->error = error;
  slot->finished = TRUE;
  job->done++;
  queue_flush (job);
  g_mutex_unlock (&job->lock);
}

static void
run_job (Job *job)
{
  GThreadPool *pool;
  guint n_files = 0;

  _fz_loader_collect (job);
  for (guint i = 0; i < job->slots->len; i++)
    n_files += g_array_index (job->slots, Slot, i).file != NULL;

  g_mutex_lock (&job->lock);
  job->total = n_files;
  g_mutex_unlock (&job->lock);

  pool = g_thread_pool_new (load_one, job, MAX (1, (gint) g_get_num_processors ()), FALSE, NULL);
  for (guint i = 0; i < job->slots->len; i++)
    if (g_array_index (job->slots, Slot, i).file != NULL)
      g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

static gboolean
complete_cb (gpointer data)
{
  Job *job = data;
  GTask *task = job->task;

  /* the workers are done, so no flush can be queued any more; the last batches
   * go out, one an iteration, before the caller hears that loading is over */
  g_mutex_lock (&job->lock);
  if (job->flush_source)
    g_source_destroy (job->flush_source);
  g_clear_pointer (&job->flush_source, g_source_unref);
  g_mutex_unlock (&job->lock);
  if (flush_once (job))
    return G_SOURCE_CONTINUE;
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static gpointer
thread_main (gpointer data)
{
  Job *job = data;

  run_job (job);
  g_main_context_invoke (job->context, complete_cb, job);
  return NULL;
}

Job *
_fz_loader_job_new (FzLoader      *self,
         GFile        **files,
         guint          n_files,
         GCancellable  *cancellable)
{
  Job *job = g_new0 (Job, 1);

  job->loader = g_object_ref (self);
  job->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  job->context = g_main_context_ref_thread_default ();
  job->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->inputs, g_object_ref (files[i]));
  job->slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  g_array_set_clear_func (job->slots, slot_clear);
  job->seen_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_mutex_init (&job->lock);
  return job;
}

static void
fz_loader_finalize (GObject *object)
{
  FzLoader *self = FZ_LOADER (object);

  if (self->document_destroy != NULL)
    self->document_destroy (self->document_data);
  G_OBJECT_CLASS (fz_loader_parent_class)->finalize (object);
}

static void
fz_loader_class_init (FzLoaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_loader_finalize;

  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[SIGNAL_DOCUMENTS_ADDED] =
    g_signal_new ("documents-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
fz_loader_init (FzLoader *self)
{
  (void) self;
}

FzLoader *
fz_loader_new (void)
{
  return g_object_new (FZ_TYPE_LOADER, NULL);
}

void
fz_loader_set_document_func (FzLoader             *self,
                             FzLoaderDocumentFunc  func,
                             gpointer              data,
                             GDestroyNotify        destroy)
{
  g_return_if_fail (FZ_IS_LOADER (self));

  if (self->document_destroy != NULL)
    self->document_destroy (self->document_data);
  self->document_func = func;
  self->document_data = data;
  self->document_destroy = destroy;
}

void
fz_loader_load_async (FzLoader             *self,
                      GFile               **files,
                      guint                 n_files,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  Job *job;
  GThread *thread;

  g_return_if_fail (FZ_IS_LOADER (self));
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = _fz_loader_job_new (self, files, n_files, cancellable);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, fz_loader_load_async);
  g_task_set_task_data (job->task, job, (GDestroyNotify) _fz_loader_job_free);
  /* the task owns the job; the thread holds the task's reference until complete_cb */
  thread = g_thread_new ("fz-loader", thread_main, job);
  g_thread_unref (thread);
}

static void
take_results (Job        *job,
              GPtrArray **documents,
              GPtrArray **errors)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) errs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  for (guint i = 0; i < job->slots->len; i++)
    {
      Slot *slot = &g_array_index (job->slots, Slot, i);

      if (slot->document)
        g_ptr_array_add (docs, g_steal_pointer (&slot->document));
      else if (slot->error)
        g_ptr_array_add (errs, g_steal_pointer (&slot->error));
    }
  if (documents)
    *documents = g_steal_pointer (&docs);
  if (errors)
    *errors = g_steal_pointer (&errs);
}

gboolean
fz_loader_load_finish (FzLoader      *self,
                       GAsyncResult  *result,
                       GPtrArray    **documents,
                       GPtrArray    **errors,
                       GError       **error)
{
  Job *job;

  g_return_val_if_fail (FZ_IS_LOADER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (documents)
    *documents = NULL;
  if (errors)
    *errors = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  take_results (job, documents, errors);
  return TRUE;
}

gboolean
fz_loader_load_sync (FzLoader      *self,
                     GFile        **files,
                     guint          n_files,
                     GCancellable  *cancellable,
                     GPtrArray    **documents,
                     GPtrArray    **errors,
                     GError       **error)
{
  Job *job;

  g_return_val_if_fail (FZ_IS_LOADER (self), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);

  job = _fz_loader_job_new (self, files, n_files, cancellable);
  job->sync = TRUE;
  run_job (job);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      _fz_loader_job_free (job);
      return FALSE;
    }
  take_results (job, documents, errors);
  _fz_loader_job_free (job);
  return TRUE;
}
