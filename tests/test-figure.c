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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/figure/intern", test_intern);
  g_test_add_func ("/figure/append-sort", test_append_sort);
  g_test_add_func ("/figure/names", test_names);
  return g_test_run ();
}
