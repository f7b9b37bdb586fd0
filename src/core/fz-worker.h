/* fz-worker.h: worker threads that give way to the thread the window draws on. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How readily a worker thread gives way: reading the files a list waits for goes before
 * analysing them. */
typedef enum
{
  FZ_WORKER_READ = 5,
  FZ_WORKER_ANALYSE = 10,
} FzWorkerKind;

/* Lowers the calling worker thread's scheduling priority to @kind's (cheap enough to call per
 * item), so that
 * on a machine with few cores the main thread (and the display server) still get the
 * processor in time to keep the window responsive. Does nothing where threads have no
 * priority of their own. */
void fz_worker_give_way (FzWorkerKind kind);

G_END_DECLS
