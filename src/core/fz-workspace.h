/* fz-workspace.h: the app's state in one object every view watches: documents, dates, index. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fz-decisions.h"
#include "fz-document.h"
#include "fz-index.h"
#include "fz-pipeline.h"

G_BEGIN_DECLS

#define FZ_TYPE_WORKSPACE (fz_workspace_get_type ())

G_DECLARE_FINAL_TYPE (FzWorkspace, fz_workspace, FZ, WORKSPACE, GObject)

/* Properties: "pipeline" (NULL until set), "loading", "computing" (the index), "n-documents",
 * "decisions" (replaced when a workspace file is opened).
 * Signals, on the thread that made the workspace:
 *   "load-progress"    (guint done, guint total)
 *   "document-changed" (FzDocument *): its figures, date or regions changed (its analysis
 *                      stored after loading, or a date set by hand)
 *   "index-changed"    (): a new index and result, after any change of the documents, their
 *                      figures or dates, or the index options. */
FzWorkspace          *fz_workspace_new                  (void);

FzPipeline           *fz_workspace_get_pipeline         (FzWorkspace           *self);
/* Loads waiting for the pipeline start when it is set. */
void                  fz_workspace_set_pipeline         (FzWorkspace           *self,
                                                         FzPipeline            *pipeline);

/* The open documents (FzDocument), in the order opened. */
GListModel           *fz_workspace_get_documents        (FzWorkspace           *self);
FzDocument           *fz_workspace_lookup_document      (FzWorkspace           *self,
                                                         const char            *path);
/* Loads and analyses files and folders on worker threads. Each document joins the list as
 * soon as it is read, without figures; its figures, date and regions follow when its analysis
 * is stored ("document-changed"). The load completes once every document it added is
 * analysed. */
void                  fz_workspace_load_async           (FzWorkspace           *self,
                                                         GFile                **files,
                                                         guint                  n_files,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
/* @errors: a GError (FZ_ERROR, message "FILE: why") for each file that could not be opened.
 * FALSE only when cancelled or no pipeline could be made. */
gboolean              fz_workspace_load_finish          (FzWorkspace           *self,
                                                         GAsyncResult          *result,
                                                         GPtrArray            **errors,
                                                         GError               **error);
gboolean              fz_workspace_get_loading          (FzWorkspace           *self);
void                  fz_workspace_add_documents        (FzWorkspace           *self,
                                                         FzDocument           **documents,
                                                         guint                  n_documents);
/* Inserts a document again (the undo of a removal); @position is clamped to the list. */
void                  fz_workspace_insert_document      (FzWorkspace           *self,
                                                         guint                  position,
                                                         FzDocument            *document);
/* Returns the position it had, or -1 when it was not in the list. */
int                   fz_workspace_remove_document      (FzWorkspace           *self,
                                                         FzDocument            *document);

/* The analyst states when @document was published (YYYY-MM-DD, or NULL to go back to the
 * date the page prints). Its periods are read again on a worker thread, then the document
 * changes and "document-changed" is emitted. FALSE (and nothing changes) for a date that is
 * not one, or while there is no pipeline. */
gboolean              fz_workspace_set_document_date    (FzWorkspace           *self,
                                                         FzDocument            *document,
                                                         const char            *iso_date,
                                                         GError               **error);
/* The date the analyst set, or NULL when the page's own is used. */
const char           *fz_workspace_get_document_date    (FzWorkspace           *self,
                                                         FzDocument            *document);

const FzIndexOptions *fz_workspace_get_index_options    (FzWorkspace           *self);
void                  fz_workspace_set_index_options    (FzWorkspace           *self,
                                                         const FzIndexOptions  *options);
/* The index over every open document and its result for the options, as last computed
 * (NULL before the first computation ends); both stay valid until "index-changed". */
FzIndex              *fz_workspace_get_index            (FzWorkspace           *self);
FzIndexResult        *fz_workspace_get_index_result     (FzWorkspace           *self);
gboolean              fz_workspace_get_computing        (FzWorkspace           *self);
/* How far the computation under way is, 0 to 1 (the share of documents read into it); 1 when
 * none is. */
double                fz_workspace_get_index_progress   (FzWorkspace           *self);
/* Computes the index now, on the calling thread (command line, tests). */
gboolean              fz_workspace_compute_index        (FzWorkspace           *self,
                                                         GError               **error);

/* The analyst's corrections, notes and review marks over the open documents. */
FzDecisions          *fz_workspace_get_decisions        (FzWorkspace           *self);
/* The figures of @document as the analyst corrected them, rejected ones left out. */
FzFigureList         *fz_workspace_dup_figures          (FzWorkspace           *self,
                                                         FzDocument            *document);

/* Saving: the open documents (path, checksum), the dates set by hand, the index options and
 * the decisions, as a workspace file (fz-workspace-file.h), atomically. */
gboolean              fz_workspace_save                 (FzWorkspace           *self,
                                                         const char            *path,
                                                         GError               **error);
/* Saves to @path at most a second after every change, and at once on
 * fz_workspace_flush_autosave (); NULL stops. */
void                  fz_workspace_set_autosave_path    (FzWorkspace           *self,
                                                         const char            *path);
const char           *fz_workspace_get_autosave_path    (FzWorkspace           *self);
gboolean              fz_workspace_flush_autosave       (FzWorkspace           *self,
                                                         GError               **error);
/* Opens a workspace file: its options, dates and decisions replace these, and its documents
 * are loaded (as fz_workspace_load_async () does, @callback as for it). A damaged file is
 * refused (FZ_ERROR, naming the backup) and nothing changes. */
gboolean              fz_workspace_open                 (FzWorkspace           *self,
                                                         const char            *path,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data,
                                                         GError               **error);

G_END_DECLS
