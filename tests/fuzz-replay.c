/* fuzz-replay.c: runs a fuzz target's seeds and kept crash inputs as an ordinary test. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
replay_dir (const char *path,
            guint      *n)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *data = NULL;
      gsize len = 0;
      g_autoptr(GError) error = NULL;

      if (g_file_test (file, G_FILE_TEST_IS_DIR))
        continue;
      if (!g_file_get_contents (file, &data, &len, &error))
        g_error ("%s", error->message);
      {
        /* Exactly the input's bytes, as libFuzzer hands them: a read one past the end is
         * caught here too, not hidden by the terminating NUL g_file_get_contents adds. */
        g_autofree guint8 *exact = g_memdup2 (data, len);

        LLVMFuzzerTestOneInput (exact, len);
      }
      (*n)++;
    }
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  /* Usage: fuzz-replay-TARGET DIR…  Each file of each folder is one input. */
  for (int i = 1; i < argc; i++)
    replay_dir (argv[i], &n);
  if (n == 0)
    {
      g_printerr ("no inputs found\n");
      return 1;
    }
  g_print ("%u inputs replayed without a crash\n", n);
  return 0;
}
