/* fz-source-key-gen.c: writes a header naming the core's sources by their hash, at build time. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The gazetteer's image is made by the code that reads it: an image a different version of the
 * core wrote would read as the wrong places, so its key includes this hash. */

#include <glib.h>
#include <stdio.h>

int
main (int    argc,
      char **argv)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *header = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s OUTPUT SOURCE…\n", argv[0]);
      return 2;
    }
  for (int i = 2; i < argc; i++)
    {
      g_autofree char *data = NULL;
      gsize len = 0;

      if (!g_file_get_contents (argv[i], &data, &len, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      g_checksum_update (sum, (const guchar *) data, len);
    }
  header = g_strdup_printf ("/* Made at build time by fz-source-key-gen. */\n"
                            "#define FZ_SOURCE_KEY \"%.32s\"\n", g_checksum_get_string (sum));
  if (!g_file_set_contents (argv[1], header, -1, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  return 0;
}
