/* test-series.c: one indicator as a region × period table for trend charts. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-error.h"
#include "fz-index.h"

#include <string.h>

static FzIndex *
make_index (void)
{
  FzIndex *index = fz_index_new ();

  g_assert_true (fz_index_add_indicator (index, "cases_reported", "outcome", TRUE, NULL));
  g_assert_true (fz_index_add_indicator (index, "losses", "outcome", TRUE, NULL));
  return index;
}

static void
add (FzIndex       *index,
     const char    *region,
     gint64         code,
     FzRegionLevel  level,
     const char    *indicator,
     FzValueKind    kind,
     double         value,
     const char    *unit,
     FzQualifier    qualifier,
     const char    *period,
     const char    *document,
     guint          start,
     guint          end)
{
  g_autoptr(GError) error = NULL;
  FzObservation obs = {
    .region = region,
    .region_code = code,
    .level = level,
    .indicator = indicator,
    .value_kind = kind,
    .value = value,
    .unit = unit,
    .qualifier = qualifier,
    .period = period,
    .document = document,
    .article = 0,
    .start = start,
    .end = end,
    .text = "",
  };

  g_assert_true (fz_index_add_observation (index, &obs, &error));
  g_assert_no_error (error);
}

#define COUNTY FZ_REGION_LEVEL_COUNTY
#define EXACT FZ_QUALIFIER_EXACT
#define JAN "2022-01/2022-01"
#define FEB "2022-02/2022-02"

/* Two months × two regions, added out of order: rows sort by region,
 * columns by time, each value followed by its source doc:start-end. */
static void
test_two_by_two (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *expected =
    "# indicator: cases_reported; level: any\n"
    "region\tcode\tlevel\tkind\tunit\t"
    JAN "\t" JAN ":source\t" FEB "\t" FEB ":source\n"
    "A\t\tcounty\tlevel\t起\t10\td1:0-2\t8\td2:50-51\n"
    "B\t\tcounty\tlevel\t起\t20\td1:10-12\t25\td2:100-103\n";

  add (index, "B", 0, COUNTY, "cases_reported", FZ_VALUE_LEVEL, 25, "起", EXACT, FEB, "d2",
       100, 103);
  add (index, "A", 0, COUNTY, "cases_reported", FZ_VALUE_LEVEL, 10, "起", EXACT, JAN, "d1", 0, 2);
  add (index, "B", 0, COUNTY, "cases_reported", FZ_VALUE_LEVEL, 20, "起", EXACT, JAN, "d1", 10, 12);
  add (index, "A", 0, COUNTY, "cases_reported", FZ_VALUE_LEVEL, 8, "起", EXACT, FEB, "d2", 50, 51);

  g_assert_true (fz_index_write_series_tsv (index, "cases_reported", FZ_REGION_LEVEL_UNKNOWN,
                                            out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out->str, ==, expected);
}

/* A missing month is an empty cell (never 0); a change is its own row
 * beside the level; two figures in one cell keep both sources, the exact
 * one first and used; a value with no period is left out and counted;
 * the level filter drops the city; another indicator is ignored. */
static void
test_gaps_and_kinds (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *expected =
    "# indicator: cases_reported; level: county\n"
    "# left out: 1 observations that state no period\n"
    "region\tcode\tlevel\tkind\tunit\t"
    JAN "\t" JAN ":source\t" FEB "\t" FEB ":source\n"
    "A\t\tcounty\tlevel\t起\t10\td1:0-2\t\t\n"
    "A\t\tcounty\tyoy\t%\t-43.26\td1:5-11\t\t\n"
    "B\t330502\tcounty\tlevel\t起\t\t\t21\td4:7-9;d3:1-3\n";

  add (index, "A", 0, COUNTY, "cases_reported", FZ_VALUE_LEVEL, 10, "起", EXACT, JAN, "d1", 0, 2);
  add (index, "A", 0, COUNTY, "cases_reported", FZ_VALUE_YOY, -43.26, "%", EXACT, JAN, "d1", 5, 11);
  add (index, "B", 330502, COUNTY, "cases_reported", FZ_VALUE_LEVEL, 20, "起",
       FZ_QUALIFIER_OVER, FEB, "d3", 1, 3);
  add (index, "B", 330502, COUNTY, "cases_reported", FZ_VALUE_LEVEL, 21, "起", EXACT, FEB,
       "d4", 7, 9);
  add (index, "C", 0, COUNTY, "cases_reported", FZ_VALUE_LEVEL, 5, "起", EXACT, "", "d5", 0, 1);
  add (index, "D", 0, FZ_REGION_LEVEL_CITY, "cases_reported", FZ_VALUE_LEVEL, 99, "起", EXACT, JAN,
       "d6", 0, 2);
  add (index, "A", 0, COUNTY, "losses", FZ_VALUE_LEVEL, 1000, "元", EXACT, JAN, "d1", 20, 25);

  g_assert_true (fz_index_write_series_tsv (index, "cases_reported", COUNTY, out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out->str, ==, expected);

  /* Any level brings the city back, in its own row. */
  g_string_truncate (out, 0);
  g_assert_true (fz_index_write_series_tsv (index, "cases_reported", FZ_REGION_LEVEL_UNKNOWN,
                                            out, NULL));
  g_assert_nonnull (strstr (out->str, "\nD\t\tcity\tlevel\t起\t99\td6:0-2\t\t\n"));
}

/* Y (a document of unknown date) beside a known year: the series says so,
 * and the unknown year sorts after the known ones. */
static void
test_unknown_year (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  add (index, "A", 0, COUNTY, "cases_reported", FZ_VALUE_LEVEL, 3, "起", EXACT, "Y-01/Y-01",
       "d1", 0, 1);
  add (index, "B", 0, COUNTY, "cases_reported", FZ_VALUE_LEVEL, 4, "起", EXACT, JAN, "d2", 0, 1);

  g_assert_true (fz_index_write_series_tsv (index, "cases_reported", FZ_REGION_LEVEL_UNKNOWN,
                                            out, NULL));
  lines = g_strsplit (out->str, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[1], "# warning:"));
  g_assert_cmpstr (lines[2], ==,
                   "region\tcode\tlevel\tkind\tunit\t"
                   JAN "\t" JAN ":source\tY-01/Y-01\tY-01/Y-01:source");
}

static void
test_unknown_indicator (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (fz_index_write_series_tsv (index, "weather", FZ_REGION_LEVEL_UNKNOWN,
                                             out, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  g_assert_cmpuint (out->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/series/two-by-two", test_two_by_two);
  g_test_add_func ("/series/gaps-and-kinds", test_gaps_and_kinds);
  g_test_add_func ("/series/unknown-year", test_unknown_year);
  g_test_add_func ("/series/unknown-indicator", test_unknown_indicator);

  return g_test_run ();
}
