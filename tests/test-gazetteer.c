/* test-gazetteer.c: loading, short forms, hierarchy and the one-pass scan of the gazetteer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-error.h"
#include "fz-gazetteer.h"
#include "fz-test-gold.h"

#include <string.h>

/* A made-up hierarchy: two counties with a township of the same name. */
static const char small_tsv[] =
  "# test data\n"
  "91\t\t1\t东山省\n"
  "9101\t91\t2\t青石市\n"
  "910101\t9101\t3\t白马县\n"
  "910101001\t910101\t4\t章村镇\n"
  "910101002\t910101\t4\t城关镇\n"
  "910102\t9101\t3\t红河区\n"
  "910102001\t910102\t4\t章村镇\n"
  "910102002\t910102\t4\t花园街道\n"
  "92\t\t1\t西岭壮族自治区\n";

typedef struct
{
  GPtrArray *names;
  GArray    *starts;
  GArray    *n_ids;
} Seen;

static void
collect_cb (const FzPlaceMention *m,
            gpointer              data)
{
  Seen *seen = data;

  g_ptr_array_add (seen->names, g_strdup (m->name));
  g_array_append_val (seen->starts, m->start);
  g_array_append_val (seen->n_ids, m->n_ids);
}

static void
seen_clear (Seen *seen)
{
  g_ptr_array_unref (seen->names);
  g_array_unref (seen->starts);
  g_array_unref (seen->n_ids);
}

static void
seen_init (Seen *seen)
{
  seen->names = g_ptr_array_new_with_free_func (g_free);
  seen->starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  seen->n_ids = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
test_small_hierarchy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzGazetteer) gaz = fz_gazetteer_new_from_data (small_tsv, -1, &error);
  guint32 ids[8];
  guint32 town, county, city, prov;
  g_autofree char *full = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (gaz);
  g_assert_cmpuint (fz_gazetteer_get_n (gaz), ==, 9);

  town = fz_gazetteer_lookup_code (gaz, 910101001);
  county = fz_gazetteer_lookup_code (gaz, 910101);
  city = fz_gazetteer_lookup_code (gaz, 9101);
  prov = fz_gazetteer_lookup_code (gaz, 91);
  g_assert_cmpuint (town, !=, FZ_GAZETTEER_NONE);
  g_assert_cmpuint (fz_gazetteer_get_level (gaz, town), ==, 4);
  g_assert_cmpuint (fz_gazetteer_get_parent (gaz, town), ==, county);
  g_assert_cmpuint (fz_gazetteer_rollup (gaz, town, 3), ==, county);
  g_assert_cmpuint (fz_gazetteer_rollup (gaz, town, 2), ==, city);
  g_assert_cmpuint (fz_gazetteer_rollup (gaz, town, 1), ==, prov);
  g_assert_cmpuint (fz_gazetteer_rollup (gaz, town, 4), ==, town);
  g_assert_cmpuint (fz_gazetteer_rollup (gaz, city, 3), ==, FZ_GAZETTEER_NONE);
  full = fz_gazetteer_dup_full_name (gaz, town);
  g_assert_cmpstr (full, ==, "东山省青石市白马县章村镇");
  g_assert_true (fz_gazetteer_is_within (gaz, town, prov));
  g_assert_false (fz_gazetteer_is_within (gaz, prov, town));
  g_assert_cmpuint (fz_gazetteer_common_ancestor (gaz, town,
                                                  fz_gazetteer_lookup_code (gaz, 910102001)),
                    ==, city);

  /* Two townships share the full name and the short form. */
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "章村镇", ids, 8), ==, 2);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "章村", ids, 8), ==, 2);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "青石", ids, 8), ==, 1);
  g_assert_cmpuint (ids[0], ==, city);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "白马", ids, 8), ==, 1);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "花园", ids, 8), ==, 1);
  /* The people's name goes with the suffix; 城关 is an everyday word. */
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "西岭", ids, 8), ==, 1);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "城关", ids, 8), ==, 0);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "城关镇", ids, 8), ==, 1);
}

static void
test_scan_longest (void)
{
  g_autoptr(FzGazetteer) gaz = fz_gazetteer_new_from_data (small_tsv, -1, NULL);
  Seen seen;
  /* Longest match, spaces inside a name, and a name right after another. */
  const char *text = "青石市白马县章 村 镇今年，青石人和红河区、红河";

  seen_init (&seen);
  fz_gazetteer_scan (gaz, text, -1, collect_cb, &seen);
  g_assert_cmpuint (seen.names->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (seen.names, 0), ==, "青石市");
  g_assert_cmpstr (g_ptr_array_index (seen.names, 1), ==, "白马县");
  g_assert_cmpstr (g_ptr_array_index (seen.names, 2), ==, "章村镇");
  g_assert_cmpuint (g_array_index (seen.starts, guint32, 2), ==, 6);
  g_assert_cmpuint (g_array_index (seen.n_ids, guint, 2), ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen.names, 3), ==, "青石");
  g_assert_cmpstr (g_ptr_array_index (seen.names, 4), ==, "红河区");
  g_assert_cmpstr (g_ptr_array_index (seen.names, 5), ==, "红河");
  seen_clear (&seen);
}

/* An autonomous prefecture goes by its short name and by it with 州, as the press writes it;
 * a city does not take 州. */
static void
test_prefecture_names (void)
{
  static const char tsv[] =
    "93\t\t1\t南岭省\n"
    "9301\t93\t2\t云江土家族苗族自治州\n"
    "9302\t93\t2\t石门市\n";
  g_autoptr(FzGazetteer) gaz = fz_gazetteer_new_from_data (tsv, -1, NULL);
  guint32 pref = fz_gazetteer_lookup_code (gaz, 9301), ids[4];

  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "云江州", ids, 4), ==, 1);
  g_assert_cmpuint (ids[0], ==, pref);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "云江", ids, 4), ==, 1);
  g_assert_cmpuint (ids[0], ==, pref);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "石门州", ids, 4), ==, 0);
}

/* A long text of names and other characters, spaces among them, scanned as a whole against
 * a search at each place for the longest name the gazetteer knows: the scan reads places 64
 * at a time and reports names in batches, and neither may lose or add a name where a block
 * or a batch ends. */
static void
test_scan_blocks (void)
{
  static const char *pieces[] = {
    "青石市", "青石", "白马县", "章村镇", "红河区", "红河", "花园街道", "东山省", "城关镇",
    "，", "今", "年", "市", " ", "\n", "　", "石", "青", "红", "章 村", "白 马县",
  };
  g_autoptr(FzGazetteer) gaz = fz_gazetteer_new_from_data (small_tsv, -1, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree gunichar *chars = NULL;
  g_autoptr(GArray) compact = g_array_new (FALSE, FALSE, sizeof (guint32));
  GRand *rand = g_rand_new_with_seed (11);
  guint n_want = 0;
  glong n = 0;
  Seen seen;

  for (guint i = 0; i < 3000; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  g_rand_free (rand);
  chars = g_utf8_to_ucs4_fast (text->str, -1, &n);
  for (guint32 i = 0; i < (guint32) n; i++)
    if (!g_unichar_isspace (chars[i]))
      g_array_append_val (compact, i);

  seen_init (&seen);
  fz_gazetteer_scan (gaz, text->str, -1, collect_cb, &seen);
  for (guint j = 0; j + 1 < compact->len;)
    {
      guint best = 0;
      guint32 ids[8];

      for (guint len = 2; len <= 8 && j + len <= compact->len; len++)
        {
          gunichar word[8];
          g_autofree char *utf8 = NULL;

          for (guint k = 0; k < len; k++)
            word[k] = chars[g_array_index (compact, guint32, j + k)];
          utf8 = g_ucs4_to_utf8 (word, len, NULL, NULL, NULL);
          if (fz_gazetteer_lookup_name (gaz, utf8, ids, 8) > 0)
            best = len;
        }
      if (best == 0)
        {
          j++;
          continue;
        }
      g_assert_cmpuint (n_want, <, seen.starts->len);
      g_assert_cmpuint (g_array_index (seen.starts, guint32, n_want), ==,
                        g_array_index (compact, guint32, j));
      g_assert_cmpuint (g_utf8_strlen (g_ptr_array_index (seen.names, n_want), -1), ==, best);
      n_want++;
      j += best;
    }
  /* Far more names than one batch holds, over many blocks of places. */
  g_assert_cmpuint (n_want, >, 500);
  g_assert_cmpuint (seen.starts->len, ==, n_want);
  seen_clear (&seen);
}

static void
test_aliases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzGazetteer) gaz = fz_gazetteer_new_from_data (small_tsv, -1, NULL);
  guint32 ids[8];
  guint32 zone;

  g_assert_true (fz_gazetteer_add_aliases_from_data (gaz,
                                                     "# zones\n"
                                                     "白马开发区\t910101\tzone\ttest\n"
                                                     "开发区\t\tgeneric\t\n"
                                                     "老青石\t9101\talias\n",
                                                     -1, "aliases", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "白马开发区", ids, 8), ==, 1);
  zone = ids[0];
  g_assert_cmpint (fz_gazetteer_get_place_type (gaz, zone), ==, FZ_PLACE_ZONE);
  g_assert_cmpint (fz_gazetteer_get_code (gaz, zone), ==, 0);
  g_assert_cmpint (fz_gazetteer_get_nearest_code (gaz, zone), ==, 910101);
  g_assert_cmpuint (fz_gazetteer_rollup (gaz, zone, 2), ==, fz_gazetteer_lookup_code (gaz, 9101));
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "老青石", ids, 8), ==, 1);
  g_assert_cmpuint (ids[0], ==, fz_gazetteer_lookup_code (gaz, 9101));

  g_assert_false (fz_gazetteer_add_aliases_from_data (gaz, "某区\t123\tzone\n", -1, "bad", &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (fz_gazetteer_add_aliases_from_data (gaz, "某区\t9101\tplanet\n", -1, "bad",
                                                     &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_PARSE);
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  FzGazetteer *gaz;

  gaz = fz_gazetteer_new_from_data ("11\t\t7\t某省\n", -1, &error);
  g_assert_null (gaz);
  g_assert_error (error, FZ_ERROR, FZ_ERROR_PARSE);
  g_clear_error (&error);
  gaz = fz_gazetteer_new_from_data ("11\t\t1\n", -1, &error);
  g_assert_null (gaz);
  g_assert_error (error, FZ_ERROR, FZ_ERROR_PARSE);
  g_clear_error (&error);
  gaz = fz_gazetteer_new_from_data ("# nothing\n", -1, &error);
  g_assert_null (gaz);
  g_assert_error (error, FZ_ERROR, FZ_ERROR_EMPTY);
  g_clear_error (&error);
  gaz = fz_gazetteer_new_from_file ("no-such-gazetteer.tsv", &error);
  g_assert_null (gaz);
  g_assert_error (error, FZ_ERROR, FZ_ERROR_IO);
}

/* Invalid UTF-8 anywhere, after a run of ASCII or among Chinese, fails the load; characters of
 * two and four bytes pass. */
static void
test_encoding (void)
{
  static const char * const bad[] = {
    "11\t\t1\t\xED\xA0\x80省\n",                 /* a surrogate */
    "11\t\t1\t\xE0\x80\x80省\n",                 /* written longer than it must be */
    "110101001\t110101\t4\t某\x80镇\n",           /* a lone continuation byte */
    "# \xC3\x28 in a comment\n11\t\t1\t某省\n",
    "11\t\t1\t某省\xE4\xB8",                       /* cut short at the end */
    "11\t\t1\t某省\xF8\x88\x80\x80\x80\n",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FzGazetteer) gaz = NULL;
  guint32 ids[4];

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (fz_gazetteer_new_from_data (bad[i], -1, &error));
      g_assert_error (error, FZ_ERROR, FZ_ERROR_ENCODING);
      g_clear_error (&error);
    }
  gaz = fz_gazetteer_new_from_data ("11\t\t1\tCafé省\n12\t\t1\t\xF0\xA0\x80\x80山省\n", -1,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "Café", ids, 4), ==, 1);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "\xF0\xA0\x80\x80山", ids, 4), ==, 1);
  g_assert_cmpint (fz_gazetteer_get_code (gaz, ids[0]), ==, 12);
}

/* Names far beyond those the table was sized for at the load, each still found. */
static void
test_many_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzGazetteer) gaz = fz_gazetteer_new_from_data (small_tsv, -1, NULL);
  g_autoptr(GString) rows = g_string_new (NULL);
  guint32 ids[8];

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (rows, "别名%u\t%s\talias\n", i, i % 2 ? "910101" : "9101");
  g_assert_true (fz_gazetteer_add_aliases_from_data (gaz, rows->str, -1, "aliases", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("别名%u", i);

      g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, name, ids, 8), ==, 1);
      g_assert_cmpint (fz_gazetteer_get_code (gaz, ids[0]), ==, i % 2 ? 910101 : 9101);
    }
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "别名2000", ids, 8), ==, 0);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "青石", ids, 8), ==, 1);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "西岭", ids, 8), ==, 1);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "章村镇", ids, 8), ==, 2);
}

static gint64
parent_code (FzGazetteer *gaz,
             gint64       code)
{
  return fz_gazetteer_get_code (gaz, fz_gazetteer_get_parent (gaz,
                                                              fz_gazetteer_lookup_code (gaz, code)));
}

/* Parents read once for a run of lines that name the same one, and a change in that run. */
static void
test_parents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzGazetteer) gaz = NULL;
  guint32 ids[4];

  gaz = fz_gazetteer_new_from_data ("91\t\t1\t东山省\n"
                                    "9101\t91\t2\t青石市\n"
                                    "9102\t91\t2\t白云市\n"
                                    "910201\t9102\t3\t甲县\n"
                                    "910101\t9101\t3\t乙县\n"
                                    "910102\t9101\t3\t丙县\n"
                                    "910202\t09102\t3\t丁县\n"
                                    "910202001\t910202\t4\t中心\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (parent_code (gaz, 910201), ==, 9102);
  g_assert_cmpint (parent_code (gaz, 910101), ==, 9101);
  g_assert_cmpint (parent_code (gaz, 910102), ==, 9101);
  g_assert_cmpint (parent_code (gaz, 910202), ==, 9102);
  g_assert_cmpint (parent_code (gaz, 910202001), ==, 910202);
  /* A township named like a common word is not a name to find; a county so named is. */
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "中心", ids, 4), ==, 0);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "丁县", ids, 4), ==, 1);
  g_clear_pointer (&gaz, fz_gazetteer_unref);

  gaz = fz_gazetteer_new_from_data ("91\t\t1\t东山省\n9101\t91\t2\t青石市\n"
                                    "9102\t91x\t2\t白云市\n", -1, &error);
  g_assert_null (gaz);
  g_assert_error (error, FZ_ERROR, FZ_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, ":3: parent_code"));
  g_clear_error (&error);
  gaz = fz_gazetteer_new_from_data ("91\t\t1\t东山省\n9101\t91\t2\t青石市\n"
                                    "9101\t91\t2\t白云市\n", -1, &error);
  g_assert_null (gaz);
  g_assert_error (error, FZ_ERROR, FZ_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, ":3: duplicate code"));
}

static void
test_real_file (void)
{
  g_autofree char *path = fz_test_data_path ("gazetteer.tsv");
  g_autofree char *aliases = fz_test_data_path ("region-aliases.tsv");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzGazetteer) gaz = NULL;
  gint64 t0, t1;
  guint32 ids[64], town = FZ_GAZETTEER_NONE;
  guint n;
  g_autofree char *full = NULL;

  t0 = g_get_monotonic_time ();
  gaz = fz_gazetteer_new_from_file (path, &error);
  t1 = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_test_message ("loaded %u divisions in %.1f ms", fz_gazetteer_get_n (gaz), (t1 - t0) / 1000.0);
  g_printerr ("# gazetteer: %u divisions loaded in %.1f ms\n", fz_gazetteer_get_n (gaz),
              (t1 - t0) / 1000.0);
  /* Generous so that a busy machine does not fail it; the target is 50 ms.
   * FZ_SLOW_RUN is set for runs under valgrind or sanitizers. */
  if (g_getenv ("FZ_SLOW_RUN") == NULL)
    g_assert_cmpint (t1 - t0, <, 500000);
  g_assert_cmpuint (fz_gazetteer_get_n (gaz), >, 40000);
  g_assert_true (fz_gazetteer_add_aliases_from_file (gaz, aliases, &error));
  g_assert_no_error (error);

  /* Municipalities: counties hang straight under the province. */
  g_assert_cmpuint (fz_gazetteer_get_parent (gaz, fz_gazetteer_lookup_code (gaz, 500229)), ==,
                    fz_gazetteer_lookup_code (gaz, 50));

  n = fz_gazetteer_lookup_name (gaz, "章村镇", ids, 64);
  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < n; i++)
    if (fz_gazetteer_is_within (gaz, ids[i], fz_gazetteer_lookup_code (gaz, 3305)))
      town = ids[i];
  g_assert_cmpuint (town, !=, FZ_GAZETTEER_NONE);
  g_assert_cmpuint (fz_gazetteer_get_level (gaz, town), ==, 4);
  full = fz_gazetteer_dup_full_name (gaz, town);
  g_assert_true (g_str_has_prefix (full, "浙江省湖州市"));
  g_assert_true (g_str_has_suffix (full, "章村镇"));
  g_assert_cmpint (fz_gazetteer_get_code (gaz, fz_gazetteer_rollup (gaz, town, 2)), ==, 3305);
  g_assert_cmpint (fz_gazetteer_get_code (gaz, fz_gazetteer_rollup (gaz, town, 1)), ==, 33);

  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "湖州", ids, 64), ==, 1);
  g_assert_cmpint (fz_gazetteer_get_code (gaz, ids[0]), ==, 3305);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "龙游", ids, 64), >=, 1);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "广西", ids, 64), ==, 1);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "公安", ids, 64), ==, 0);
  g_assert_cmpuint (fz_gazetteer_lookup_name (gaz, "古雷开发区", ids, 64), ==, 1);
  g_assert_cmpint (fz_gazetteer_get_nearest_code (gaz, ids[0]) / 100, ==, 3506);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gazetteer/small-hierarchy", test_small_hierarchy);
  g_test_add_func ("/gazetteer/scan-longest", test_scan_longest);
  g_test_add_func ("/gazetteer/scan-blocks", test_scan_blocks);
  g_test_add_func ("/gazetteer/prefecture-names", test_prefecture_names);
  g_test_add_func ("/gazetteer/aliases", test_aliases);
  g_test_add_func ("/gazetteer/bad-input", test_bad_input);
  g_test_add_func ("/gazetteer/encoding", test_encoding);
  g_test_add_func ("/gazetteer/many-names", test_many_names);
  g_test_add_func ("/gazetteer/parents", test_parents);
  g_test_add_func ("/gazetteer/real-file", test_real_file);
  return g_test_run ();
}
