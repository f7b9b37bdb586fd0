/* fz-worker.h: worker threads that give way to the thread the window draws on. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How readily a worker thread gives way: reading the files a list waits for goes before
 * analysing them. Both far below the window's thread: at 5 and 10, on two cores, the window's
 * frames still ran up to half as long again while a folder was listed, as one worker shared
 * its core (the bench of the app's load: longest iteration 35 to 51 ms, against 29 to 38 ms
 * at these values, the list no slower). */
typedef enum
{
  FZ_WORKER_READ = 15,
  FZ_WORKER_ANALYSE = 19,
} FzWorkerKind;

/* Lowers the calling worker thread's scheduling priority to @kind's (cheap enough to call per
 * item), so that
 * on a machine with few cores the main thread (and the display server) still get the
 * processor in time to keep the window responsive. Does nothing where threads have no
 * priority of their own. */
void fz_worker_give_way (FzWorkerKind kind);

G_END_DECLS
