/* fz-cli-pool.h: works on a command's files on a pool of threads, handing the results on in
 * the order of the arguments. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs on a worker: the result for @path, or NULL with @message set (the line for stderr). */
typedef gpointer (*FzCliPoolWork) (const char  *path,
                                   gpointer     work_data,
                                   char       **message);
/* Runs on the calling thread, once a file, in the order of @paths. */
typedef void     (*FzCliPoolDone) (gpointer     result,
                                   gpointer     done_data);

/* How many threads a command uses: FANZHA_JOBS when set, else one a processor. */
guint    fz_cli_pool_default_jobs (void);

/* Calls @work on each of @paths on @n_jobs threads (1: all on the calling thread) and hands
 * each result to @done, then to @free_result, strictly in the order of @paths, so that the
 * output does not depend on @n_jobs.  A failed file's message goes to stderr at its turn.
 * Returns how many files failed. */
guint    fz_cli_pool_run          (guint           n_jobs,
                                   char          **paths,
                                   guint           n_paths,
                                   FzCliPoolWork   work,
                                   gpointer        work_data,
                                   FzCliPoolDone   done,
                                   gpointer        done_data,
                                   GDestroyNotify  free_result);

G_END_DECLS
