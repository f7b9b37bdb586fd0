/* bench-extract.c: times fz_extract_count over the files of a directory on one and two threads. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fz-extractor.h"

typedef struct
{
  GPtrArray *texts;   /* GBytes */
  guint      first;
  guint      step;
  gsize      count;
} Slice;

static gpointer
run_slice (gpointer data)
{
  Slice *s = data;

  s->count = 0;
  for (guint i = s->first; i < s->texts->len; i += s->step)
    {
      gsize len;
      const char *text = g_bytes_get_data (g_ptr_array_index (s->texts, i), &len);

      s->count += fz_extract_count (text, len);
    }
  return NULL;
}

static double
run (GPtrArray *texts,
     guint      n_threads,
     gsize     *count)
{
  Slice slices[8];
  GThread *threads[8];
  gint64 t0 = g_get_monotonic_time ();

  for (guint t = 0; t < n_threads; t++)
    {
      slices[t] = (Slice) { texts, t, n_threads, 0 };
      threads[t] = t == 0 ? NULL : g_thread_new ("bench", run_slice, &slices[t]);
    }
  run_slice (&slices[0]);
  *count = slices[0].count;
  for (guint t = 1; t < n_threads; t++)
    {
      g_thread_join (threads[t]);
      *count += slices[t].count;
    }
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  gsize total = 0, count1 = 0, count2 = 0;
  double best1 = 1e9, best2 = 1e9;
  int rounds = argc > 2 ? atoi (argv[2]) : 3;
  gint64 t_load;

  if (argc < 2)
    {
      g_printerr ("usage: %s DIR [ROUNDS]   (ROUNDS 0: one single-threaded pass)\n", argv[0]);
      return 2;
    }
  t_load = g_get_monotonic_time ();
  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      g_autoptr(GError) read_error = NULL;
      char *data;
      gsize len;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!g_file_get_contents (path, &data, &len, &read_error))
        {
          g_printerr ("%s\n", read_error->message);
          continue;
        }
      /* The extractor takes valid UTF-8. */
      if (!g_utf8_validate (data, len, NULL))
        {
          char *valid = g_utf8_make_valid (data, len);

          g_free (data);
          data = valid;
          len = strlen (valid);
        }
      total += len;
      g_ptr_array_add (texts, g_bytes_new_take (data, len));
    }
  printf ("load and validate: %.3f s\n", (g_get_monotonic_time () - t_load) / 1e6);
  /* ROUNDS 0: one single-threaded pass, to time the whole process. */
  if (rounds == 0)
    {
      best1 = run (texts, 1, &count1);
      printf ("%u files, %.1f MB\n", texts->len, total / 1e6);
      printf ("1 thread:  %.3f s  %.1f MB/s  %" G_GSIZE_FORMAT " figures\n",
          best1, total / 1e6 / best1, count1);
      return 0;
    }
  for (int r = 0; r < rounds; r++)
    {
      best1 = MIN (best1, run (texts, 1, &count1));
      best2 = MIN (best2, run (texts, 2, &count2));
    }
  printf ("%u files, %.1f MB\n", texts->len, total / 1e6);
  printf ("1 thread:  %.3f s  %.1f MB/s  %" G_GSIZE_FORMAT " figures\n",
          best1, total / 1e6 / best1, count1);
  printf ("2 threads: %.3f s  %.1f MB/s  %" G_GSIZE_FORMAT " figures\n",
          best2, total / 1e6 / best2, count2);
  return count1 == count2 ? 0 : 1;
}
