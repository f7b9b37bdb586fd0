/* bench-load.c: load and segment every text file of a folder with FzLoader; prints seconds and
 * MB/s. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>

#include "fz-loader.h"

typedef struct
{
  GMainLoop *loop;
  GPtrArray *documents;
  GPtrArray *errors;
  guint      n_batches;
} Bench;

static void
on_batch (FzLoader  *loader,
          GPtrArray *documents,
          Bench     *bench)
{
  (void) loader;
  (void) documents;
  bench->n_batches++;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;

  if (!fz_loader_load_finish (FZ_LOADER (source), result, &bench->documents, &bench->errors,
                              &error))
    g_printerr ("%s\n", error->message);
  g_main_loop_quit (bench->loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FzLoader) loader = NULL;
  g_autoptr(GFile) dir = NULL;
  Bench bench = { 0 };
  gint64 t0, t1;
  guint64 bytes = 0, n_articles = 0;
  double secs;

  if (argc < 2)
    {
      g_printerr ("usage: %s FOLDER\n"
                  "  (make one with: python3 SHARED/bench/make-corpus.py OUT_DIR 10000)\n",
                  argv[0]);
      return 2;
    }
  dir = g_file_new_for_commandline_arg (argv[1]);
  loader = fz_loader_new ();
  bench.loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (loader, "documents-added", G_CALLBACK (on_batch), &bench);

  t0 = g_get_monotonic_time ();
  fz_loader_load_async (loader, &dir, 1, NULL, on_done, &bench);
  g_main_loop_run (bench.loop);
  t1 = g_get_monotonic_time ();

  if (bench.documents == NULL)
    return 1;
  for (guint i = 0; i < bench.documents->len; i++)
    {
      FzDocument *doc = g_ptr_array_index (bench.documents, i);
      gsize len;

      fz_document_get_text (doc, &len);
      bytes += len;
      n_articles += fz_document_get_articles (doc)->len;
    }
  secs = (t1 - t0) / 1e6;
  printf ("%u documents, %" G_GUINT64_FORMAT " articles, %u errors, %u batches, %u threads\n",
          bench.documents->len, n_articles, bench.errors->len, bench.n_batches,
          g_get_num_processors ());
  printf ("%.3f s, %.1f MB, %.1f MB/s\n", secs, bytes / 1e6, bytes / 1e6 / secs);
  g_ptr_array_unref (bench.documents);
  g_ptr_array_unref (bench.errors);
  g_main_loop_unref (bench.loop);
  return 0;
}
