/* bench-app-load.c: the window opening a folder of pages: time until the document list is
 * complete, the longest main loop iteration meanwhile, and the process's peak memory (GL off). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <sys/resource.h>

#include "fz-application.h"
#include "fz-test-ui.h"
#include "fz-window.h"

/* The targets: the list complete within 1 s, no stall over 50 ms. */
#define TARGET_LOAD_S   1.0
#define TARGET_STALL_MS 50.0

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static long
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

int
main (int   argc,
      char *argv[])
{
  const char *folder_path = argc > 1 ? argv[1] : g_getenv ("FZ_BENCH_CORPUS");
  g_autoptr(FzApplication) app = NULL;
  g_autoptr(GFile) folder = NULL;
  FzWindow *window;
  gint64 start, deadline;
  double longest = 0, load_ms;
  guint iterations = 0;
  long before_mb;

  if (folder_path == NULL)
    {
      g_printerr ("usage: bench-app-load FOLDER\n");
      return 2;
    }
  /* As the issue measures: Xvfb's software GL would add its own 150 MB. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  if (!fz_test_ui_init (&argc, &argv))
    return 77;
  app = fz_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  before_mb = peak_rss_mb ();

  folder = g_file_new_for_path (folder_path);
  start = g_get_monotonic_time ();
  fz_window_open_files (window, &folder, 1);
  deadline = start + 600 * G_USEC_PER_SEC;
  while (fz_window_is_busy (window) && g_get_monotonic_time () < deadline)
    {
      gint64 step = g_get_monotonic_time ();

      /* Only the time spent dispatching counts: waiting for work is not a stall. */
      if (!g_main_context_iteration (NULL, FALSE))
        {
          g_usleep (1000);
          continue;
        }
      longest = MAX (longest, ms_since (step));
      iterations++;
    }
  load_ms = ms_since (start);
  if (fz_window_is_busy (window))
    {
      g_printerr ("bench-app-load: still loading after 600 s\n");
      return 1;
    }
  g_print ("app load of %s: document list complete in %.2f s (target < %.0f s), "
           "longest main loop iteration %.1f ms (target < %.0f ms, %u iterations), "
           "peak resident memory %ld MB (%ld MB before opening)\n",
           folder_path, load_ms / 1000.0, TARGET_LOAD_S, longest, TARGET_STALL_MS, iterations,
           peak_rss_mb (), before_mb);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
