/* bench-summary.c: exports every text file of a folder as one summary, streaming, and prints
 * the seconds spent exporting (apart from the analysis before it), the size and peak memory. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "fz-index-feed.h"
#include "fz-pipeline.h"
#include "fz-summary-writer.h"

/* Documents analysed at once: memory stays bounded whatever the corpus. */
#define CHUNK 64

typedef struct
{
  FzPipeline  *pipeline;
  FzDocument **docs;
  guint        n;
  guint        stride;
  guint        first;
} Work;

static gpointer
analyse (gpointer data)
{
  Work *w = data;

  for (guint i = w->first; i < w->n; i += w->stride)
    if (w->docs[i] != NULL)
      fz_pipeline_analyze (w->pipeline, w->docs[i]);
  return NULL;
}

static void
analyse_chunk (FzPipeline  *pipeline,
               FzDocument **docs,
               guint        n)
{
  guint n_threads = CLAMP (g_get_num_processors (), 1, 8);
  Work work[8];
  GThread *threads[8];

  for (guint t = 0; t < n_threads; t++)
    {
      work[t] = (Work) { pipeline, docs, n, n_threads, t };
      threads[t] = g_thread_new ("analyse", analyse, &work[t]);
    }
  for (guint t = 0; t < n_threads; t++)
    g_thread_join (threads[t]);
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

/* xmllint validates the whole output against the schema, streaming (a tree of it would
 * take gigabytes). */
static int
validate (const char *path)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *schema = g_build_filename (g_getenv ("FZ_DATA_DIR") ? g_getenv ("FZ_DATA_DIR")
                                              : ".", "fanzha-summary.rng", NULL);
  const char *argv[] = { xmllint, "--noout", "--nonet", "--stream", "--relaxng", schema, path,
                         NULL };
  g_autofree char *err = NULL;
  gint64 t0 = g_get_monotonic_time ();
  int status = -1;

  if (xmllint == NULL)
    {
      printf ("xmllint not installed (libxml2-utils): output not validated\n");
      return 0;
    }
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     &err, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("xmllint --relaxng: the output does not validate: %.2000s\n", err);
      return 1;
    }
  printf ("xmllint --stream --relaxng: valid (%.1f s)\n", (g_get_monotonic_time () - t0) / 1e6);
  return 0;
}

/* CPU seconds of this thread: on a busy machine wall time says more about the others. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *out_path = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(FzSummaryWriter) writer = NULL;
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzIndexResult) result = NULL;
  g_autoptr(GFileInfo) info = NULL;
  FzSummaryOptions options = { .created = "2026-01-01T00:00:00Z" };
  FzIndexOptions opts;
  gint64 t0, t1, c1, spent = 0, feeding = 0, t, c, cpu = 0, feeding_cpu = 0;
  struct rusage usage;
  int status;

  if (argc < 2)
    {
      g_printerr ("usage: %s FOLDER [OUTPUT.xml]\n", argv[0]);
      return 2;
    }
  pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  paths = list_files (argv[1]);
  out_path = argc > 2 ? g_strdup (argv[2])
    : g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                        "bench-summary.xml", NULL);
  out_file = g_file_new_for_commandline_arg (out_path);
  out = pipeline != NULL ? g_file_replace (out_file, NULL, FALSE, 0, NULL, &error) : NULL;
  if (out == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  fz_index_options_init (&opts);
  options.index_options = &opts;
  options.total = paths->len;
  t0 = g_get_monotonic_time ();
  c = thread_cpu_us ();
  writer = fz_summary_writer_new (G_OUTPUT_STREAM (out), &options, NULL, &error);
  fz_index_feed_lexicon (index, fz_pipeline_get_lexicon (pipeline));
  spent += g_get_monotonic_time () - t0;
  cpu += thread_cpu_us () - c;
  for (guint i = 0; writer != NULL && i < paths->len; i += CHUNK)
    {
      FzDocument *docs[CHUNK] = { NULL };
      guint n = MIN (CHUNK, paths->len - i);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i + j));

          docs[j] = fz_document_load (file, NULL, NULL);
        }
      analyse_chunk (pipeline, docs, n);
      t = g_get_monotonic_time ();
      c = thread_cpu_us ();
      for (guint j = 0; j < n; j++)
        {
          if (docs[j] == NULL)
            continue;
          t1 = g_get_monotonic_time ();
          c1 = thread_cpu_us ();
          fz_index_feed_document (index, fz_pipeline_get_gazetteer (pipeline), docs[j],
                                  opts.level);
          feeding += g_get_monotonic_time () - t1;
          feeding_cpu += thread_cpu_us () - c1;
          if (error == NULL)
            fz_summary_writer_add_document (writer, docs[j], &error);
          g_object_unref (docs[j]);
        }
      spent += g_get_monotonic_time () - t;
      cpu += thread_cpu_us () - c;
    }
  t = g_get_monotonic_time ();
  c = thread_cpu_us ();
  result = error == NULL ? fz_index_compute (index, &opts, &error) : NULL;
  feeding += g_get_monotonic_time () - t;
  feeding_cpu += thread_cpu_us () - c;
  if (result == NULL || !fz_summary_writer_finish (writer, result, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  spent += g_get_monotonic_time () - t;
  cpu += thread_cpu_us () - c;
  info = g_file_query_info (out_file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  getrusage (RUSAGE_SELF, &usage);
  printf ("summary of %u files: %.2f s exporting (%.2f s writing with checksums, %.2f s feeding "
          "and computing the index), %.2f s in all with loading and analysis\n", paths->len,
          spent / 1e6, (spent - feeding) / 1e6, feeding / 1e6,
          (g_get_monotonic_time () - t0) / 1e6);
  printf ("exporting took %.2f s of CPU, %.2f s of it writing (the machine's load adds the "
          "rest)\n", cpu / 1e6, (cpu - feeding_cpu) / 1e6);
  printf ("output: %.1f MB; peak memory: %.0f MB\n",
          info != NULL ? g_file_info_get_size (info) / 1e6 : 0.0, usage.ru_maxrss / 1024.0);
  status = validate (out_path);
  /* The default output is only for the check: 200 MB need not stay in the build folder. */
  if (argc <= 2)
    g_remove (out_path);
  return status;
}
