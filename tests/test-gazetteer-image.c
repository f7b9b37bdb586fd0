/* test-gazetteer-image.c: the gazetteer mapped from its image reads as the one built from its files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-gazetteer-private.h"
#include "fz-test-gold.h"

#include <glib/gstdio.h>
#include <string.h>

/* The data folder's gazetteer and its alias files, as the pipeline names them. */
typedef struct
{
  char *dir;        /* a folder of the test's own */
  char *gazetteer;
  char *aliases;    /* a copy in @dir, which a test may change */
  char *traditional;
  char *image;
  const char *alias_list[3];
} Files;

static void
files_init (Files *f)
{
  g_autofree char *shipped_aliases = fz_test_data_path ("region-aliases.tsv");
  g_autofree char *data = NULL;
  gsize len = 0;

  f->dir = g_dir_make_tmp ("fz-gazetteer-image-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->gazetteer = fz_test_data_path ("gazetteer.tsv");
  f->traditional = fz_test_data_path ("gazetteer-traditional.tsv");
  f->aliases = g_build_filename (f->dir, "region-aliases.tsv", NULL);
  f->image = g_build_filename (f->dir, "cache", "gazetteer.image", NULL);
  g_assert_true (g_file_get_contents (shipped_aliases, &data, &len, NULL));
  g_assert_true (g_file_set_contents (f->aliases, data, len, NULL));
  f->alias_list[0] = f->aliases;
  f->alias_list[1] = f->traditional;
  f->alias_list[2] = NULL;
}

static void
files_clear (Files *f)
{
  g_autofree char *cache = g_path_get_dirname (f->image);

  g_unlink (f->image);
  g_rmdir (cache);
  g_unlink (f->aliases);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->gazetteer);
  g_free (f->aliases);
  g_free (f->traditional);
  g_free (f->image);
}

static FzGazetteer *
open_cached (Files *f)
{
  g_autoptr(GError) error = NULL;
  FzGazetteer *gaz = fz_gazetteer_new_cached (f->gazetteer, f->alias_list, f->image, &error);

  g_assert_no_error (error);
  g_assert_nonnull (gaz);
  return gaz;
}

/* The gazetteer mapped from its image, which a first run writes if need be. */
static FzGazetteer *
open_mapped (Files *f)
{
  g_autoptr(FzGazetteer) first = open_cached (f);
  FzGazetteer *gaz = open_cached (f);

  g_assert_true (_fz_gazetteer_is_mapped (gaz));
  return gaz;
}

/* Every mention of a scan, written out whole, one line each. */
static void
mention_line (const FzPlaceMention *m,
              gpointer              data)
{
  GString *out = data;

  g_string_append_printf (out, "%u-%u %s %d:", m->start, m->end, m->name, m->is_generic);
  for (guint i = 0; i < m->n_ids; i++)
    g_string_append_printf (out, " %u/%u", m->ids[i], m->is_short[i]);
  g_string_append_c (out, '\n');
}

static char *
scan_all (FzGazetteer *gaz,
          const char  *text)
{
  GString *out = g_string_new (NULL);

  fz_gazetteer_scan (gaz, text, -1, mention_line, out);
  return g_string_free (out, FALSE);
}

/* The pages of the seed and development sets, one after another. */
static char *
corpus_text (void)
{
  GString *text = g_string_new (NULL);
  const char *sets[] = { "corpus", "corpus-dev" };

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      g_autofree char *dir_path = fz_test_shared_path (sets[s], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autofree char *data = NULL;

          if (g_str_has_suffix (name, ".txt") && g_file_get_contents (path, &data, NULL, NULL) &&
              g_utf8_validate (data, -1, NULL))
            g_string_append (text, data);
        }
    }
  g_assert_cmpuint (text->len, >, 10000);
  return g_string_free (text, FALSE);
}

/* Place by place, name by name and mention by mention, @a and @b say the same. */
static void
assert_same (FzGazetteer *a,
             FzGazetteer *b,
             const char  *text)
{
  g_autofree char *scan_a = NULL;
  g_autofree char *scan_b = NULL;

  g_assert_cmpuint (fz_gazetteer_get_n (a), ==, fz_gazetteer_get_n (b));
  for (guint32 id = 0; id < fz_gazetteer_get_n (a); id++)
    {
      const char *name = fz_gazetteer_get_name (a, id);
      guint32 ids_a[64], ids_b[64];
      guint n_a, n_b;

      g_assert_cmpstr (name, ==, fz_gazetteer_get_name (b, id));
      g_assert_cmpint (fz_gazetteer_get_code (a, id), ==, fz_gazetteer_get_code (b, id));
      g_assert_cmpuint (fz_gazetteer_get_parent (a, id), ==, fz_gazetteer_get_parent (b, id));
      g_assert_cmpuint (fz_gazetteer_get_level (a, id), ==, fz_gazetteer_get_level (b, id));
      g_assert_cmpint (fz_gazetteer_get_place_type (a, id), ==,
                       fz_gazetteer_get_place_type (b, id));
      if (fz_gazetteer_get_code (a, id) != 0)
        g_assert_cmpuint (fz_gazetteer_lookup_code (b, fz_gazetteer_get_code (a, id)), ==, id);
      n_a = fz_gazetteer_lookup_name (a, name, ids_a, G_N_ELEMENTS (ids_a));
      n_b = fz_gazetteer_lookup_name (b, name, ids_b, G_N_ELEMENTS (ids_b));
      g_assert_cmpmem (ids_a, n_a * sizeof (guint32), ids_b, n_b * sizeof (guint32));
    }
  g_assert_cmpuint (fz_gazetteer_lookup_code (b, 1), ==, FZ_GAZETTEER_NONE);
  scan_a = scan_all (a, text);
  scan_b = scan_all (b, text);
  g_assert_cmpuint (strlen (scan_a), >, 1000);
  g_assert_cmpstr (scan_a, ==, scan_b);
}

static void
test_same_as_built (void)
{
  Files f;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzGazetteer) built = NULL;
  g_autoptr(FzGazetteer) first = NULL;
  g_autoptr(FzGazetteer) mapped = NULL;
  g_autofree char *text = corpus_text ();

  files_init (&f);
  built = fz_gazetteer_new_cached (f.gazetteer, f.alias_list, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (_fz_gazetteer_is_mapped (built));

  /* The first run builds and writes the image, the next maps it. */
  first = open_cached (&f);
  g_assert_false (_fz_gazetteer_is_mapped (first));
  g_assert_true (g_file_test (f.image, G_FILE_TEST_IS_REGULAR));
  mapped = open_cached (&f);
  g_assert_true (_fz_gazetteer_is_mapped (mapped));
  assert_same (built, mapped, text);
  files_clear (&f);
}

/* A zone added to a file of aliases: the image made before it is not used. */
static void
test_changed_file (void)
{
  Files f;
  g_autoptr(FzGazetteer) before = NULL;
  g_autoptr(FzGazetteer) after = NULL;
  g_autoptr(FzGazetteer) again = NULL;
  FILE *out;
  guint32 ids[4];

  files_init (&f);
  before = open_mapped (&f);
  g_assert_cmpuint (fz_gazetteer_lookup_name (before, "测试新区", ids, 4), ==, 0);

  out = fopen (f.aliases, "a");
  g_assert_nonnull (out);
  fputs ("\n测试新区\t3305\tzone\n", out);
  fclose (out);

  after = open_cached (&f);
  g_assert_false (_fz_gazetteer_is_mapped (after));
  g_assert_cmpuint (fz_gazetteer_lookup_name (after, "测试新区", ids, 4), ==, 1);
  again = open_mapped (&f);
  g_assert_cmpuint (fz_gazetteer_lookup_name (again, "测试新区", ids, 4), ==, 1);
  g_assert_cmpuint (fz_gazetteer_get_n (again), ==, fz_gazetteer_get_n (before) + 1);
  files_clear (&f);
}

static void
write_bytes (const char *path,
             const char *data,
             gsize       len)
{
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

/* A cut, foreign or damaged image is built anew and written again. */
static void
test_damaged (void)
{
  Files f;
  g_autoptr(FzGazetteer) built = NULL;
  g_autofree char *image = NULL;
  gsize len = 0;
  g_autofree char *text = corpus_text ();

  files_init (&f);
  built = open_cached (&f);
  g_assert_true (g_file_get_contents (f.image, &image, &len, NULL));
  g_assert_cmpuint (len, >, 1 << 20);

  for (guint damage = 0; damage < 5; damage++)
    {
      g_autoptr(FzGazetteer) gaz = NULL;
      g_autoptr(FzGazetteer) mapped = NULL;
      g_autofree char *copy = g_memdup2 (image, len);

      switch (damage)
        {
        case 0: write_bytes (f.image, copy, len / 2); break;                 /* cut short */
        case 1: write_bytes (f.image, copy, 10); break;                      /* shorter than a header */
        case 2: write_bytes (f.image, "", 0); break;                         /* empty */
        case 3: copy[len / 3] ^= 0x40; write_bytes (f.image, copy, len); break;  /* a bit flipped */
        default: memset (copy, 'x', 64); write_bytes (f.image, copy, len); break; /* another file */
        }
      gaz = open_cached (&f);
      g_assert_false (_fz_gazetteer_is_mapped (gaz));
      g_assert_cmpuint (fz_gazetteer_get_n (gaz), ==, fz_gazetteer_get_n (built));
      mapped = open_cached (&f);
      g_assert_true (_fz_gazetteer_is_mapped (mapped));
    }
  {
    g_autoptr(FzGazetteer) mapped = open_cached (&f);

    assert_same (built, mapped, text);
  }
  files_clear (&f);
}

/* Damage that passes the checksum, as a file written on purpose would: the loader's checks turn
 * it away, or what it maps can be walked without reading outside the image. */
static void
test_hostile (void)
{
  static const char tsv[] =
    "91\t\t1\t东山省\n"
    "9101\t91\t2\t青石市\n"
    "910101\t9101\t3\t白马县\n"
    "910101001\t910101\t4\t章村镇\n"
    "910102\t9101\t3\t红河区\n"
    "910102001\t910102\t4\t章村镇\n";
  static const char text[] = "青石市白马县章 村 镇今年，青石人和红河区、红河东山省章村";
  g_autofree char *dir = g_dir_make_tmp ("fz-gazetteer-hostile-XXXXXX", NULL);
  g_autofree char *tsv_path = g_build_filename (dir, "gazetteer.tsv", NULL);
  g_autofree char *image_path = g_build_filename (dir, "gazetteer.image", NULL);
  g_autofree char *image = NULL;
  g_autoptr(FzGazetteer) built = NULL;
  g_autoptr(FzGazetteer) mapped = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  guint n_refused = 0, n_mapped = 0;
  gsize len = 0;

  write_bytes (tsv_path, tsv, sizeof tsv - 1);
  built = fz_gazetteer_new_cached (tsv_path, NULL, image_path, NULL);
  mapped = fz_gazetteer_new_cached (tsv_path, NULL, image_path, NULL);
  g_assert_true (_fz_gazetteer_is_mapped (mapped));
  g_assert_true (g_file_get_contents (image_path, &image, &len, NULL));

  for (guint round = 0; round < 300; round++)
    {
      g_autofree char *copy = g_memdup2 (image, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(FzGazetteer) gaz = NULL;
      guint64 key = 0;

      /* One to four bytes after the magic that are not filler (most of an image is the root
       * array's empty slots): counts, ids, offsets, hashes and names. */
      for (guint k = g_rand_int_range (rand, 1, 5); k > 0; k--)
        {
          gsize at = 8;

          for (guint tries = 0; tries < 1000; tries++)
            {
              at = g_rand_int_range (rand, 8, (gint32) len);
              if (copy[at] != 0 && copy[at] != (char) 0xFF)
                break;
            }
          copy[at] = (char) g_rand_int_range (rand, 0, 256);
        }
      write_bytes (image_path, copy, len);
      g_assert_true (_fz_gazetteer_reseal_image (image_path, &key, NULL));
      gaz = _fz_gazetteer_new_from_image (image_path, key, &error);
      if (gaz == NULL)
        {
          g_assert_nonnull (error);
          n_refused++;
          continue;
        }
      n_mapped++;
      g_free (scan_all (gaz, text));
      /* Adding names walks the lists of those there and copies the tables out of the image. */
      fz_gazetteer_add_aliases_from_data (gaz, "章村镇\t910101001\talias\n红河新区\t910102\tzone\n",
                                          -1, "test", NULL);
      g_free (scan_all (gaz, text));
      for (guint32 id = 0; id < fz_gazetteer_get_n (gaz); id++)
        {
          guint32 ids[8];
          const char *name = fz_gazetteer_get_name (gaz, id);

          fz_gazetteer_lookup_name (gaz, name, ids, G_N_ELEMENTS (ids));
          fz_gazetteer_lookup_code (gaz, fz_gazetteer_get_code (gaz, id));
          g_free (fz_gazetteer_dup_full_name (gaz, id));
        }
    }
  g_test_message ("%u damaged images refused, %u mapped", n_refused, n_mapped);
  /* Both happen: damage to a count or an offset is refused, to an unused slot is not. */
  g_assert_cmpuint (n_refused, >, 0);
  g_assert_cmpuint (n_mapped, >, 0);
  g_unlink (image_path);
  g_unlink (tsv_path);
  g_rmdir (dir);
}

/* Names added to a mapped gazetteer: its tables are copied out of the image first. */
static void
test_add_after (void)
{
  Files f;
  g_autoptr(FzGazetteer) gaz = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mentions = NULL;
  guint32 ids[4];

  files_init (&f);
  gaz = open_mapped (&f);
  g_assert_true (fz_gazetteer_add_aliases_from_data (gaz, "试验园区\t3305\tzone\n"
                                                          "湖城\t3305\talias\n",
                                                     -1, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "试验园区", ids, 4), ==, 1);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "湖城", ids, 4), ==, 1);
  g_assert_cmpuint (ids[0], ==, fz_gazetteer_lookup_code (gaz, 3305));
  mentions = scan_all (gaz, "湖州市试验园区和湖城");
  g_assert_nonnull (strstr (mentions, "湖州市"));
  g_assert_nonnull (strstr (mentions, "试验园区"));
  g_assert_nonnull (strstr (mentions, "湖城"));
  files_clear (&f);
}

/* A cache that cannot be written: the gazetteer is built, and the run goes on. */
static void
test_unwritable (void)
{
  Files f;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzGazetteer) gaz = NULL;
  g_autofree char *blocker = NULL;
  g_autofree char *image = NULL;

  files_init (&f);
  blocker = g_build_filename (f.dir, "file", NULL);
  write_bytes (blocker, "x", 1);
  image = g_build_filename (blocker, "gazetteer.image", NULL);
  gaz = fz_gazetteer_new_cached (f.gazetteer, f.alias_list, image, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gaz);
  g_assert_false (g_file_test (image, G_FILE_TEST_EXISTS));
  g_unlink (blocker);
  files_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gazetteer-image/same-as-built", test_same_as_built);
  g_test_add_func ("/gazetteer-image/changed-file", test_changed_file);
  g_test_add_func ("/gazetteer-image/damaged", test_damaged);
  g_test_add_func ("/gazetteer-image/hostile", test_hostile);
  g_test_add_func ("/gazetteer-image/add-after", test_add_after);
  g_test_add_func ("/gazetteer-image/unwritable", test_unwritable);
  return g_test_run ();
}
