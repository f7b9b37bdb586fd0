/* fz-worker.c: worker threads that give way to the thread the window draws on. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fz-worker.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

void
fz_worker_give_way (FzWorkerKind kind)
{
#ifdef __linux__
  id_t thread = (id_t) syscall (SYS_gettid);

  /* On Linux each thread has its own nice value, and raising it needs no privilege. A thread
   * that already runs nicer than asked (the whole process niced, or a pool's thread used before
   * by a gentler kind of work) is left as it is: a nice value cannot be lowered again. */
  if (getpriority (PRIO_PROCESS, thread) < (int) kind)
    setpriority (PRIO_PROCESS, thread, (int) kind);
#else
  (void) kind;
#endif
}
