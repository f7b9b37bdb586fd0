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
/* Folders are walked recursively for text files (.txt, or a type under text/), hidden
 * entries skipped; a file given by name is always tried. One bad file never
 * stops the others. */
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

G_END_DECLS
