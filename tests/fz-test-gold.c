/* fz-test-gold.c: where the tests find the shared pages, the gold files and the data files,
 * and how they read pages, and read and match gold rows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-test-gold.h"

#include <string.h>

/* A path below FZ_SHARED_DIR, else below the "shared" folder beside the source root. */
char *
fz_test_shared_path (const char *first_element,
                     ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *dir = g_getenv ("FZ_SHARED_DIR");
  g_autofree char *fallback = NULL;
  va_list args;

  if (dir == NULL || *dir == '\0')
    dir = fallback = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", NULL);
  g_ptr_array_add (parts, (gpointer) dir);
  va_start (args, first_element);
  for (const char *e = first_element; e != NULL; e = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) e);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

/* A file of data/ (the gazetteer, the lexicon), from FZ_DATA_DIR or the source tree. */
char *
fz_test_data_path (const char *name)
{
  const char *dir = g_getenv ("FZ_DATA_DIR");

  if (dir != NULL)
    return g_build_filename (dir, name, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", name, NULL);
}

/* The page at @path, loaded and analysed as the app does. */
FzDocument *
fz_test_load_analysed (FzPipeline *pipeline,
                       const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FzDocument *document = fz_document_load (file, NULL, &error);

  g_assert_no_error (error);
  fz_pipeline_analyze (pipeline, document);
  return document;
}

/* Rows of a TSV file without its header; each row a GStrv. */
GPtrArray *
fz_test_read_tsv (const char *path)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

/* @s without its white space, as the gold compares text. */
char *
fz_test_squash (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* As the scorer counts a region: equal, or one name inside the other (北京 and 北京市). */
gboolean
fz_test_region_matches (const char *gold,
                        const char *got)
{
  g_autofree char *a = fz_test_squash (gold);
  g_autofree char *b = fz_test_squash (got);

  return g_str_equal (a, b) || (*a && *b && (strstr (a, b) || strstr (b, a)));
}
