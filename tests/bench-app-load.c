/* bench-app-load.c: the window opening a folder of pages: time until the document list is
 * complete, the longest main loop iteration meanwhile, and the process's peak memory (GL off). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <sys/resource.h>

#include "fz-application.h"
#include "fz-test-ui.h"
#include "fz-window-private.h"

/* The targets: the list complete within 1 s, no stall over 50 ms. */
#define TARGET_LOAD_S   1.0
#define TARGET_STALL_MS 50.0
#define TARGET_RSS_MB   300

/* The pages the folder holds (what the loader will open: not hidden). */
static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += name[0] != '.';
  return n;
}

static gboolean
index_pending (FzWindow *window)
{
  FzWorkspace *workspace = window->workspace;

  return fz_workspace_get_computing (workspace) || fz_workspace_get_index_result (workspace) == NULL;
}

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

/* Resident now, from /proc (0 where there is none). */
static long
rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoll (line + 6, NULL, 10) / 1024;
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
  GListModel *documents;
  gint64 start, deadline;
  double longest = 0, list_ms = -1, analysed_ms = -1, index_ms;
  long list_mb = 0, analysed_mb = 0;
  const char *longest_phase = "none";
  guint n_files;
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
  n_files = count_files (folder_path);
  documents = fz_workspace_get_documents (window->workspace);
  start = g_get_monotonic_time ();
  fz_window_open_files (window, &folder, 1);
  deadline = start + 600 * G_USEC_PER_SEC;
  /* Until the list is complete, every page analysed, and the index of them all computed. */
  while ((fz_window_is_busy (window) || index_pending (window))
         && g_get_monotonic_time () < deadline)
    {
      gint64 step = g_get_monotonic_time ();

      if (list_ms < 0 && g_list_model_get_n_items (documents) >= n_files)
        list_ms = ms_since (start), list_mb = rss_mb ();
      if (analysed_ms < 0 && !fz_window_is_busy (window))
        analysed_ms = ms_since (start), analysed_mb = rss_mb ();
      /* Only the time spent dispatching counts: waiting for work is not a stall. */
      if (!g_main_context_iteration (NULL, FALSE))
        {
          g_usleep (1000);
          continue;
        }
      /* FZ_BENCH_VERBOSE=1 tells when each long iteration came, and how far the list was. */
      if (ms_since (step) > TARGET_STALL_MS / 2 && g_getenv ("FZ_BENCH_VERBOSE") != NULL)
        g_printerr ("iteration of %.1f ms at %.0f ms, %u pages listed\n", ms_since (step),
                    ms_since (start), g_list_model_get_n_items (documents));
      if (ms_since (step) > longest)
        {
          longest = ms_since (step);
          longest_phase = list_ms < 0 ? "listing" : analysed_ms < 0 ? "analysing" : "indexing";
        }
      iterations++;
    }
  index_ms = ms_since (start);
  if (analysed_ms < 0)
    analysed_ms = index_ms;
  if (fz_window_is_busy (window) || index_pending (window))
    {
      g_printerr ("bench-app-load: still loading after 600 s\n");
      return 1;
    }
  g_print ("app load of %s (%u files): document list complete in %.2f s (target < %.0f s), "
           "every page analysed in %.2f s, the index computed in %.2f s; "
           "longest main loop iteration %.1f ms (target < %.0f ms, %u iterations), "
           "peak resident memory %ld MB (target < %d MB; %ld MB before opening)\n",
           folder_path, n_files, list_ms / 1000.0, TARGET_LOAD_S, analysed_ms / 1000.0,
           index_ms / 1000.0, longest, TARGET_STALL_MS, iterations, peak_rss_mb (),
           TARGET_RSS_MB, before_mb);
  g_print ("the longest iteration came while %s\n", longest_phase);
  g_print ("resident: %ld MB with the list complete, %ld MB with every page analysed, "
           "%ld MB with the index\n", list_mb, analysed_mb, rss_mb ());
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
