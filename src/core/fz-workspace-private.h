/* fz-workspace-private.h: the workspace's fields, shared by its split source files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-decisions.h"
#include "fz-loader.h"
#include "fz-workspace.h"

G_BEGIN_DECLS

struct _FzWorkspace
{
  GObject         parent_instance;

  FzPipeline     *pipeline;
  GListStore     *documents;
  GHashTable     *dates;           /* path → the YYYY-MM-DD the analyst set */
  GHashTable     *by_key;          /* path (or name) → FzDocument in the list, borrowed */
  struct _FzDecisions *decisions;

  /* Saving (fz-workspace-save.c) */
  char           *autosave_path;
  guint           save_source;
  GError         *save_error;

  /* Loading (fz-workspace-load.c) */
  GPtrArray      *waiting;         /* GTask: loads asked for before the pipeline was there */
  guint           n_loading;       /* loads not complete: read, or analysed, or neither */
  GMainContext   *context;         /* the thread the workspace lives on */
  GThreadPool    *analysis_pool;
  GMutex          analysis_lock;   /* guards the two below */
  GPtrArray      *analysed;        /* analyses made, not yet stored */
  GSource        *apply_source;
  gboolean        index_deferred;  /* a change came while loading: computed once it is over */
  gboolean        save_deferred;

  /* The index (fz-workspace-index.c) */
  FzIndexOptions  options;
  char           *period;          /* options.period points here */
  FzIndex        *index;
  FzIndexResult  *result;
  GCancellable   *index_cancellable;
  guint           index_source;
  guint           index_generation; /* read by the computing thread: atomic */
  guint           index_fed;       /* documents fed so far, written by it: atomic */
  guint           index_total;
  gboolean        computing;
};

enum
{
  FZ_WORKSPACE_SIGNAL_LOAD_PROGRESS,
  FZ_WORKSPACE_SIGNAL_DOCUMENT_CHANGED,
  FZ_WORKSPACE_SIGNAL_INDEX_CHANGED,
  FZ_WORKSPACE_N_SIGNALS
};

extern guint _fz_workspace_signals[FZ_WORKSPACE_N_SIGNALS];

char      *_fz_workspace_document_key     (FzDocument  *document);
/* The SHA-256 of the document's text, computed once (the text never changes). */
const char *_fz_workspace_document_checksum (FzDocument *document);
void       _fz_workspace_index_init       (FzWorkspace *self);
void       _fz_workspace_index_dispose    (FzWorkspace *self);
/* Recomputes the index off the main thread, a moment after the last change. */
void       _fz_workspace_index_schedule   (FzWorkspace *self);
void       _fz_workspace_notify_computing (FzWorkspace *self);
void       _fz_workspace_set_loading      (FzWorkspace *self,
                                           int          delta);
GPtrArray *_fz_workspace_add_fresh        (FzWorkspace *self,
                                           FzDocument **documents,
                                           guint        n_documents);
void       _fz_workspace_load_init        (FzWorkspace *self);
void       _fz_workspace_load_dispose     (FzWorkspace *self);
void       _fz_workspace_load_finalize    (FzWorkspace *self);
GTask     *_fz_workspace_load_task_new    (FzWorkspace          *self,
                                           GFile               **files,
                                           guint                 n_files,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* Consumes a reference to @task. */
void       _fz_workspace_start_load       (FzWorkspace *self,
                                           GTask       *task);
/* Loading is over: what was deferred while it went on is done now. */
void       _fz_workspace_loading_over     (FzWorkspace *self);
/* Any change the analyst made: the index is computed again and the workspace saved soon. */
void       _fz_workspace_changed          (FzWorkspace *self);
void       _fz_workspace_save_dispose     (FzWorkspace *self);
void       _fz_workspace_set_decisions    (FzWorkspace *self,
                                           struct _FzDecisions *decisions);

G_END_DECLS
