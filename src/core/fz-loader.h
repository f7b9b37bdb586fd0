/* fz-loader.h: loading many files and folders on worker threads, with progress and batches. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fz-document.h"

G_BEGIN_DECLS

#define FZ_TYPE_LOADER (fz_loader_get_type ())

G_DECLARE_FINAL_TYPE (FzLoader, fz_loader, FZ, LOADER, GObject)

/* Signals, emitted on the main context of the thread that called load_async:
 *   "progress"        (guint done, guint total)
 *   "documents-added" (GPtrArray *documents): a batch; batches come in the order of
 *                     the result (the files as given, a folder's files in name order). */
FzLoader  *fz_loader_new         (void);

/* Called on a worker thread for each document loaded, before it is announced: the place to
 * analyse it (extraction, attribution) without holding up the main thread. Set it while
 * nothing is loading. */
typedef void (*FzLoaderDocumentFunc) (FzDocument *document,
                                      gpointer    user_data);
void       fz_loader_set_document_func (FzLoader             *self,
                                        FzLoaderDocumentFunc  func,
                                        gpointer              data,
                                        GDestroyNotify        destroy);
/* Folders are walked recursively for text files (.txt, or a type under text/), PDFs and web
 * pages (.pdf, .html, .htm), hidden entries skipped; a file given by name is always tried.
 * One bad file never stops the others. */
void       fz_loader_load_async  (FzLoader             *self,
                                  GFile               **files,
                                  guint                 n_files,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
/* @documents: FzDocument in the order the files were given, a folder's files in the order a
 * file manager lists their names; @errors: a GError per failure, its message "FILE: why"
 * (FZ_ERROR). Both transfer full, either may be NULL.
 * Returns FALSE only when cancelled (what was loaded before was still announced). */
gboolean   fz_loader_load_finish (FzLoader             *self,
                                  GAsyncResult         *result,
                                  GPtrArray           **documents,
                                  GPtrArray           **errors,
                                  GError              **error);
/* The same, blocking, on the calling thread's workers; for tools and tests. */
gboolean   fz_loader_load_sync   (FzLoader             *self,
                                  GFile               **files,
                                  guint                 n_files,
                                  GCancellable         *cancellable,
                                  GPtrArray           **documents,
                                  GPtrArray           **errors,
                                  GError              **error);

/* Runs on a worker for each file found: its result, or NULL with @error set. */
typedef gpointer (*FzLoaderWorkFunc) (GFile        *file,
                                      gpointer      work_data,
                                      GError      **error);
/* Runs on the calling thread for each file found, and for each error found walking the folders
 * (@file NULL then), in the order of the result: @result, or @error when it failed. */
typedef void     (*FzLoaderEachFunc) (GFile        *file,
                                      gpointer      result,
                                      const GError *error,
                                      gpointer      func_data);
/* Blocking, for tools: finds the files as loading does, runs @work (NULL: load the document
 * and pass it to the document func) on @n_jobs threads (1: all on the calling thread), and
 * hands each result to @func, then to @free_result, strictly in the order of the result, so
 * that what a tool prints does not depend on @n_jobs. The workers run at most a few dozen
 * files ahead: a tool going through an archive holds only those. Returns how many failed. */
guint      fz_loader_load_each   (FzLoader             *self,
                                  GFile               **files,
                                  guint                 n_files,
                                  guint                 n_jobs,
                                  FzLoaderWorkFunc      work,
                                  gpointer              work_data,
                                  GDestroyNotify        free_result,
                                  FzLoaderEachFunc      func,
                                  gpointer              func_data);

G_END_DECLS
