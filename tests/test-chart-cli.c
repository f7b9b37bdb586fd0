/* test-chart-cli.c: `fanzha-cli chart` over the seed pages into PNG, SVG and PDF; its errors. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char *dir;       /* a fresh folder for the outputs */
  char *corpus;
} Fixture;

static gboolean
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->corpus = g_build_filename (g_getenv ("FZ_SHARED_DIR") ?: "../shared", "corpus", NULL);
  if (!g_file_test (f->corpus, G_FILE_TEST_IS_DIR) || g_getenv ("FANZHA_CLI") == NULL)
    {
      g_test_skip ("no seed pages or no FANZHA_CLI");
      return FALSE;
    }
  f->dir = g_dir_make_tmp ("fz-chart-cli-XXXXXX", &error);
  g_assert_no_error (error);
  return TRUE;
}

static void
fixture_clear (Fixture *f)
{
  g_autoptr(GDir) dir = f->dir ? g_dir_open (f->dir, 0, NULL) : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  if (f->dir != NULL)
    g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->corpus);
}

/* Runs fanzha-cli chart with @args and every seed page; returns the exit status. */
static int
run (Fixture     *f,
     const char  *args,
     char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = g_strsplit (args, " ", -1);
  g_autoptr(GDir) dir = g_dir_open (f->corpus, 0, NULL);
  g_autoptr(GError) error = NULL;
  const char *name;
  int status;

  g_ptr_array_add (argv, g_strdup (g_getenv ("FANZHA_CLI")));
  g_ptr_array_add (argv, g_strdup ("chart"));
  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (argv, g_str_has_prefix (words[i], "OUT/") ?
                     g_build_filename (f->dir, words[i] + 4, NULL) : g_strdup (words[i]));
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (argv, g_build_filename (f->corpus, name, NULL));
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
check_magic (Fixture    *f,
             const char *name,
             const char *magic)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_nonnull (g_strstr_len (data, MIN (len, 400), magic));
}

static void
test_every_type (void)
{
  static const char * const types[] = { "bar", "grouped", "radar", "heatmap" };
  Fixture f = { 0 };

  if (!fixture_init (&f))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *args = g_strdup_printf ("--type %s --lang zh --out OUT/%s.png", types[i],
                                               types[i]);
      g_autofree char *name = g_strdup_printf ("%s.png", types[i]);
      g_assert_cmpint (run (&f, args, NULL), ==, 0);
      check_magic (&f, name, "PNG");
    }
  g_assert_cmpint (run (&f, "--type trend --indicator cases_solved --out OUT/t.svg", NULL), ==, 0);
  check_magic (&f, "t.svg", "<svg");
  g_assert_cmpint (run (&f, "--indicator strike --size 800x600 --out OUT/b.pdf", NULL), ==, 0);
  check_magic (&f, "b.pdf", "%PDF");
  fixture_clear (&f);
}

static void
test_errors (void)
{
  static const struct { const char *args; int status; const char *says; } cases[] = {
    { "--type pie --out OUT/x.png", 2, "--type" },
    { "--out OUT/x.gif", 2, "--out" },
    { "--type trend --out OUT/x.png", 2, "--indicator" },
    { "--size 10x10 --out OUT/x.png", 2, "--size" },
    { "--indicator no_such_thing --out OUT/x.png", 2, "no_such_thing" },
    { "--out OUT/missing-folder/x.png", 1, "missing-folder" },
  };
  Fixture f = { 0 };

  if (!fixture_init (&f))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run (&f, cases[i].args, &err), ==, cases[i].status);
      g_assert_nonnull (strstr (err, cases[i].says));
    }
  fixture_clear (&f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/cli/every-type", test_every_type);
  g_test_add_func ("/chart/cli/errors", test_errors);
  return g_test_run ();
}
