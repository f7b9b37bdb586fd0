/* fz-loader-private.h: the loader's job (the files found, in order), shared by its files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-loader.h"

G_BEGIN_DECLS

struct _FzLoader
{
  GObject            parent_instance;
  FzLoaderDocumentFunc document_func;
  gpointer           document_data;
  GDestroyNotify     document_destroy;
};

/* One file to load, or an error found while walking the folders. */
typedef struct
{
  GFile      *file;
  FzDocument *document;
  GError     *error;
  gboolean    finished;
} Slot;

typedef struct
{
  FzLoader     *loader;
  GTask        *task;
  GMainContext *context;
  GCancellable *cancellable;
  GPtrArray    *inputs;        /* GFile */
  GArray       *slots;         /* Slot, in the order found */
  GHashTable   *seen_dirs;     /* "dev:inode" of every folder walked */

  GMutex        lock;
  guint         next_out;      /* the first slot not yet announced */
  guint         done;
  guint         total;
  gboolean      sync;          /* no main context to report to */
  GSource      *flush_source;
} Job;

Job  *_fz_loader_job_new     (FzLoader      *self,
                              GFile        **files,
                              guint          n_files,
                              GCancellable  *cancellable);
void  _fz_loader_job_free    (Job           *job);
/* Walks the folders: fills job->slots with the files to load and the errors found, in the
 * order of the result. */
void  _fz_loader_collect     (Job           *job);

G_END_DECLS
