/* test-figure.c: the compact figure list and its string pool. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-figure.h"

static void
test_intern (void)
{
  g_autoptr(FzFigureList) list = fz_figure_list_new ();
  guint32 a = fz_figure_list_intern (list, "人次", -1);
  guint32 b = fz_figure_list_intern (list, "人次xyz", 6);   /* the first 6 bytes are 人次 */
  guint32 c = fz_figure_list_intern (list, "元", -1);

  g_assert_cmpuint (a, !=, 0);
  g_assert_cmpuint (a, ==, b);
  g_assert_cmpuint (a, !=, c);
  g_assert_cmpstr (fz_figure_list_str (list, a), ==, "人次");
  g_assert_cmpstr (fz_figure_list_str (list, c), ==, "元");
  g_assert_cmpuint (fz_figure_list_intern (list, "", -1), ==, 0);
  g_assert_cmpstr (fz_figure_list_str (list, 0), ==, "");
  g_assert_cmpstr (fz_figure_list_str (list, 1u << 30), ==, "");
}

/* Thousands of strings, past every growth of the table, each found again where it was put;
 * a prefix of one, a string read back from the pool, and one that ends at a NUL inside its
 * length are interned as C strings. */
static void
test_intern_many (void)
{
  g_autoptr(FzFigureList) list = fz_figure_list_new ();
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *str = g_strdup_printf ("%u万元", i);
      guint32 offset = fz_figure_list_intern (list, str, -1);

      g_assert_cmpstr (fz_figure_list_str (list, offset), ==, str);
      g_array_append_val (offsets, offset);
    }
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *str = g_strdup_printf ("%u万元", i);
      guint32 offset = g_array_index (offsets, guint32, i);

      g_assert_cmpuint (fz_figure_list_intern (list, str, -1), ==, offset);
      /* The pool grows while the string is read from it. */
      g_assert_cmpuint (fz_figure_list_intern (list, fz_figure_list_str (list, offset), -1), ==,
                        offset);
    }
  g_assert_cmpuint (fz_figure_list_intern (list, "12万元", 2), ==,
                    fz_figure_list_intern (list, "12", -1));
  g_assert_cmpuint (fz_figure_list_intern (list, "元\0起", 7), ==,
                    fz_figure_list_intern (list, "元", -1));
  g_assert_cmpuint (g_array_index (offsets, guint32, 4999), ==,
                    fz_figure_list_intern (list, "4999万元", -1));
}

static void
test_append_sort (void)
{
  g_autoptr(FzFigureList) list = fz_figure_list_new ();
  guint starts[] = { 40, 3, 17, 3 };
  guint ends[] = { 44, 9, 20, 5 };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      FzFigure *f = fz_figure_list_append (list);
      g_assert_cmpint (f->article, ==, -1);
      f->start = starts[i];
      f->end = ends[i];
    }
  fz_figure_list_sort (list);
  g_assert_cmpuint (fz_figure_list_get_n (list), ==, 4);
  g_assert_cmpuint (fz_figure_list_get (list, 0)->end, ==, 5);
  g_assert_cmpuint (fz_figure_list_get (list, 1)->end, ==, 9);
  g_assert_cmpuint (fz_figure_list_get (list, 2)->start, ==, 17);
  g_assert_cmpuint (fz_figure_list_get (list, 3)->start, ==, 40);
}

static void
test_names (void)
{
  FzKind kind;

  for (guint i = 0; i < FZ_N_KINDS; i++)
    {
      g_assert_true (fz_kind_from_string (fz_kind_to_string (i), &kind));
      g_assert_cmpuint (kind, ==, i);
    }
  g_assert_false (fz_kind_from_string ("percentage", &kind));
  g_assert_cmpstr (fz_qualifier_to_string (FZ_QUALIFIER_OVER), ==, "over");
  g_assert_cmpstr (fz_change_to_string (FZ_CHANGE_NONE), ==, "");
  g_assert_cmpstr (fz_basis_to_string (FZ_BASIS_MOM), ==, "mom");
  g_assert_true (fz_kind_is_statistic (FZ_KIND_MONEY));
  g_assert_false (fz_kind_is_statistic (FZ_KIND_DATE));
}

static void
test_format (void)
{
  g_autoptr(FzFigureList) list = fz_figure_list_new ();
  struct { FzKind kind; const char *value, *unit, *expected; } cases[] = {
    { FZ_KIND_COUNT, "16000", "人次", "16,000 人次" },
    { FZ_KIND_MONEY, "9770000000", "元", "9,770,000,000 元" },
    { FZ_KIND_PERCENT, "-43.26", "%", "-43.26%" },
    { FZ_KIND_SCORE, "94.69", "分", "94.69 分" },
    { FZ_KIND_COUNT, "672", "起", "672 起" },
    { FZ_KIND_DATE, "2019-05", "", "2019-05" },
    { FZ_KIND_IDENTIFIER, "22500000", "", "22500000" },
    { FZ_KIND_PERCENT, "14", "pp", "14 pp" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FzFigure *f = fz_figure_list_append (list);
      g_autofree char *text = NULL;

      f->kind = cases[i].kind;
      f->value = fz_figure_list_intern (list, cases[i].value, -1);
      f->unit = fz_figure_list_intern (list, cases[i].unit, -1);
      text = fz_figure_format_value (list, f);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* A compacted list drops its table of strings; interning again finds the strings it holds. */
static void
test_compact (void)
{
  g_autoptr(FzFigureList) list = fz_figure_list_new ();
  guint32 yuan = fz_figure_list_intern (list, "元", -1);
  guint32 qi = fz_figure_list_intern (list, "起", -1);
  guint32 ren;

  fz_figure_list_compact (list);
  g_assert_cmpuint (fz_figure_list_intern (list, "起", -1), ==, qi);
  g_assert_cmpuint (fz_figure_list_intern (list, "元", 3), ==, yuan);
  ren = fz_figure_list_intern (list, "人", -1);
  g_assert_cmpuint (ren, !=, yuan);
  g_assert_cmpuint (ren, !=, qi);
  g_assert_cmpstr (fz_figure_list_str (list, ren), ==, "人");
  fz_figure_list_compact (list);
  g_assert_cmpuint (fz_figure_list_intern (list, "人", -1), ==, ren);
  g_assert_cmpuint (fz_figure_list_intern (list, "", -1), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/figure/intern", test_intern);
  g_test_add_func ("/figure/intern-many", test_intern_many);
  g_test_add_func ("/figure/compact", test_compact);
  g_test_add_func ("/figure/append-sort", test_append_sort);
  g_test_add_func ("/figure/names", test_names);
  g_test_add_func ("/figure/format", test_format);
  return g_test_run ();
}
