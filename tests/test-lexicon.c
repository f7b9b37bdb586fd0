/* test-lexicon.c: loading the indicator lexicon, an analyst's additions and the trigger scan. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-error.h"
#include "fz-lexicon.h"
#include "fz-test-gold.h"

#include <glib/gstdio.h>
#include <unistd.h>

static const char small_tsv[] =
  "id\tname_zh\tname_en\tdimension\tpolarity\tkinds\ttriggers\n"
  "cases\t发案\tcases\toutcome\tlower\tcount,percent\t发案,案件\n"
  "cases_solved\t破案\tsolved\tstrike\thigher\tcount\t破获,破案\n"
  "solve_rate\t破案率\tsolve rate\tstrike\thigher\tpercent\t破案率\n";

typedef struct
{
  GString *out;
  FzLexicon *lex;
} Seen;

static void
collect_cb (const FzTriggerMatch *m,
            gpointer              data)
{
  Seen *seen = data;

  g_string_append_printf (seen->out, "%s@%u-%u:", m->trigger, m->start, m->end);
  for (guint i = 0; i < m->n_indicators; i++)
    g_string_append_printf (seen->out, "%s%s", i ? "," : "",
                            fz_lexicon_get (seen->lex, m->indicators[i])->id);
  g_string_append_c (seen->out, ' ');
}

static void
test_small (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzLexicon) lex = fz_lexicon_new ();
  const FzIndicator *ind;
  Seen seen = { g_string_new (NULL), lex };

  g_assert_true (fz_lexicon_add_from_data (lex, small_tsv, -1, "small", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fz_lexicon_get_n (lex), ==, 3);
  ind = fz_lexicon_lookup (lex, "cases");
  g_assert_nonnull (ind);
  g_assert_cmpstr (ind->dimension, ==, "outcome");
  g_assert_cmpint (ind->polarity, ==, FZ_POLARITY_LOWER);
  g_assert_true (fz_indicator_accepts_kind (ind, FZ_KIND_PERCENT));
  g_assert_false (fz_indicator_accepts_kind (ind, FZ_KIND_MONEY));
  g_assert_cmpint (fz_lexicon_find (lex, "solve_rate"), ==, 2);
  g_assert_null (fz_lexicon_lookup (lex, "nothing"));

  /* 破案率 is longer than 破案; spaces inside a word are skipped. */
  fz_lexicon_scan (lex, "破获案件3起，破 案 率为50%", -1, collect_cb, &seen);
  g_assert_cmpstr (seen.out->str, ==,
                   "破获@0-2:cases_solved 案件@2-4:cases 破案率@7-12:solve_rate ");
  g_string_free (seen.out, TRUE);
}

static void
test_analyst_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzLexicon) lex = fz_lexicon_new ();
  g_autofree char *tmp = NULL;
  int fd;
  const FzIndicator *ind;
  Seen seen = { g_string_new (NULL), lex };

  g_assert_true (fz_lexicon_add_from_data (lex, small_tsv, -1, "small", NULL));
  fd = g_file_open_tmp ("fz-lexicon-XXXXXX.tsv", &tmp, &error);
  g_assert_no_error (error);
  close (fd);
  /* A new indicator, and more triggers for an old one with its other fields kept. */
  g_assert_true (g_file_set_contents (tmp,
                                      "id\tname_zh\tname_en\tdimension\tpolarity\tkinds\ttriggers\n"
                                      "cases\t\t\t\t\t\t立案、接报\n"
                                      "apps\t下载\tdownloads\toutreach\thigher\tcount\t下载\n",
                                      -1, &error));
  g_assert_true (fz_lexicon_add_from_file (lex, tmp, &error));
  g_assert_no_error (error);
  g_unlink (tmp);
  g_assert_cmpuint (fz_lexicon_get_n (lex), ==, 4);
  ind = fz_lexicon_lookup (lex, "cases");
  g_assert_cmpstr (ind->name_zh, ==, "发案");
  g_assert_cmpint (ind->polarity, ==, FZ_POLARITY_LOWER);
  g_assert_cmpuint (ind->triggers->len, ==, 4);
  fz_lexicon_scan (lex, "接报2起，下载", -1, collect_cb, &seen);
  g_assert_cmpstr (seen.out->str, ==, "接报@0-2:cases 下载@5-7:apps ");
  g_string_free (seen.out, TRUE);
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzLexicon) lex = fz_lexicon_new ();

  g_assert_false (fz_lexicon_add_from_data (lex, "a\tb\tc\n", -1, "bad", &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (fz_lexicon_add_from_data (lex, "x\t甲\tx\td\tsideways\tcount\t甲\n", -1, "bad",
                                            &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (fz_lexicon_add_from_data (lex, "x\t甲\tx\td\thigher\tapples\t甲\n", -1, "bad",
                                            &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (fz_lexicon_add_from_data (lex, "x\t\xff\n", -1, "bad", &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_ENCODING);
  g_clear_error (&error);
  g_assert_null (fz_lexicon_new_from_file ("no-such-lexicon.tsv", &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_IO);
}

static void
test_shipped (void)
{
  g_autofree char *path = fz_test_data_path ("indicators.tsv");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzLexicon) lex = fz_lexicon_new_from_file (path, &error);
  const FzIndicator *ind;

  g_assert_no_error (error);
  g_assert_cmpuint (fz_lexicon_get_n (lex), >=, 34);
  ind = fz_lexicon_lookup (lex, "index_score");
  g_assert_nonnull (ind);
  g_assert_true (fz_indicator_accepts_kind (ind, FZ_KIND_SCORE));
  g_assert_false (fz_indicator_accepts_kind (ind, FZ_KIND_COUNT));
  for (guint i = 0; i < fz_lexicon_get_n (lex); i++)
    {
      ind = fz_lexicon_get (lex, i);
      g_assert_cmpuint (ind->kinds, !=, 0);
      g_assert_cmpint (ind->polarity, !=, FZ_POLARITY_NONE);
      g_assert_cmpuint (ind->triggers->len, >, 0);
    }
}

/* The optional units column, and a shared word tried first by the indicator it leads. */
static void
test_units (void)
{
  static const char tsv[] =
    "id\tname_zh\tname_en\tdimension\tpolarity\tkinds\ttriggers\tunits\n"
    "warnings\t预警\twarnings\tprevention\thigher\tcount\t预警,劝阻\t条,次\n"
    "dissuasions\t劝阻\tdissuaded\tprevention\thigher\tcount\t劝阻\t人,人次\n"
    "losses\t损失\tlosses\toutcome\tlower\tmoney\t损失\n";
  g_autoptr(FzLexicon) lex = fz_lexicon_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  Seen seen = { out, lex };

  g_assert_true (fz_lexicon_add_from_data (lex, tsv, -1, "units", &error));
  g_assert_no_error (error);
  g_assert_true (fz_indicator_accepts_unit (fz_lexicon_lookup (lex, "warnings"), FZ_KIND_COUNT,
                                            "条"));
  g_assert_false (fz_indicator_accepts_unit (fz_lexicon_lookup (lex, "warnings"), FZ_KIND_COUNT,
                                             "人"));
  /* Only counts are held to their measure words; no units listed takes any. */
  g_assert_true (fz_indicator_accepts_unit (fz_lexicon_lookup (lex, "warnings"),
                                            FZ_KIND_PERCENT, "%"));
  g_assert_true (fz_indicator_accepts_unit (fz_lexicon_lookup (lex, "losses"), FZ_KIND_COUNT,
                                            "台"));
  g_assert_true (fz_lexicon_unit_fits_any (lex, FZ_KIND_COUNT, "人次"));
  g_assert_false (fz_lexicon_unit_fits_any (lex, FZ_KIND_COUNT, "台"));
  /* 劝阻 is dissuasions' first word and warnings' second: dissuasions comes first. */
  fz_lexicon_scan (lex, "劝阻", -1, collect_cb, &seen);
  g_assert_cmpstr (out->str, ==, "劝阻@0-2:dissuasions,warnings ");
}

/* What fz_lexicon_unit_fits_any () answers from its summary, asked of every indicator in turn. */
static gboolean
fits_any_slowly (FzLexicon  *lex,
                 FzKind      kind,
                 const char *unit)
{
  for (guint i = 0; i < fz_lexicon_get_n (lex); i++)
    if (fz_indicator_accepts_kind (fz_lexicon_get (lex, i), kind) &&
        fz_indicator_accepts_unit (fz_lexicon_get (lex, i), kind, unit))
      return TRUE;
  return FALSE;
}

/* A later file that replaces an indicator's units, widens its kinds or adds one that counts
 * in any unit changes what fits, as it would if every indicator were asked. */
static void
test_units_second_file (void)
{
  static const char first[] =
    "id\tname_zh\tname_en\tdimension\tpolarity\tkinds\ttriggers\tunits\n"
    "warnings\t预警\twarnings\tprevention\thigher\tcount\t预警\t条,次\n"
    "losses\t损失\tlosses\toutcome\tlower\tmoney\t损失\n";
  static const char second[] =
    "warnings\t\t\t\t\t\t\t人\n"
    "losses\t\t\t\t\tmoney,percent\t\n";
  static const char third[] =
    "visits\t走访\tvisits\tprevention\thigher\tcount\t走访\n";
  static const char * const units[] = { "条", "次", "人", "台", "", NULL };
  g_autoptr(FzLexicon) lex = fz_lexicon_new ();
  g_autoptr(GError) error = NULL;
  const char * const *files[] = { (const char * const []) { first },
                                  (const char * const []) { second },
                                  (const char * const []) { third } };

  /* Nothing read yet: nothing fits. */
  g_assert_false (fz_lexicon_unit_fits_any (lex, FZ_KIND_COUNT, "条"));
  g_assert_false (fz_lexicon_unit_fits_any (lex, FZ_KIND_MONEY, NULL));
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_assert_true (fz_lexicon_add_from_data (lex, files[f][0], -1, "units", &error));
      g_assert_no_error (error);
      for (guint kind = 0; kind < FZ_N_KINDS; kind++)
        for (guint u = 0; u < G_N_ELEMENTS (units); u++)
          g_assert_cmpint (fz_lexicon_unit_fits_any (lex, kind, units[u]), ==,
                           fits_any_slowly (lex, kind, units[u]));
    }
  g_assert_true (fz_lexicon_unit_fits_any (lex, FZ_KIND_COUNT, "台"));
  g_assert_true (fz_lexicon_unit_fits_any (lex, FZ_KIND_PERCENT, "%"));
}

static void
roles_cb (const FzTriggerMatch *m,
          gpointer              data)
{
  GString *out = data;

  g_string_append_printf (out, "%s@%u:%s%s ", m->trigger, m->start,
                          (m->roles & FZ_TRIGGER_VERB) ? "v" : "",
                          (m->roles & FZ_TRIGGER_INVOLVED) ? "i" : "");
}

/* A trigger of one character is found wherever it stands, one of two only where its second
 * follows; actions and amounts involved say so in the match. */
static void
test_single_and_roles (void)
{
  static const char tsv[] =
    "id\tname_zh\tname_en\tdimension\tpolarity\tkinds\ttriggers\n"
    "solved\t破案\tsolved\tstrike\thigher\tcount\t破获,案\n"
    "losses\t损失\tlosses\toutcome\tlower\tmoney\t涉案金额,损失\n";
  g_autoptr(FzLexicon) lex = fz_lexicon_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (fz_lexicon_add_from_data (lex, tsv, -1, "roles", &error));
  g_assert_no_error (error);
  fz_lexicon_scan (lex, "破获案件，破坏，涉案金额损失，案", -1, roles_cb, out);
  g_assert_cmpstr (out->str, ==, "破获@0:v 案@2: 涉案金额@8:i 损失@12: 案@15: ");
}

/* Every count indicator of the shipped lexicon lists its measure words, so that a count in
 * 台 or 辆 measures none of them. */
static void
test_shipped_units (void)
{
  g_autofree char *path = fz_test_data_path ("indicators.tsv");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzLexicon) lex = fz_lexicon_new_from_file (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < fz_lexicon_get_n (lex); i++)
    {
      const FzIndicator *ind = fz_lexicon_get (lex, i);

      if (fz_indicator_accepts_kind (ind, FZ_KIND_COUNT) && ind->units->len == 0)
        g_error ("%s counts but lists no units", ind->id);
    }
  g_assert_true (fz_lexicon_unit_fits_any (lex, FZ_KIND_COUNT, "起"));
  g_assert_false (fz_lexicon_unit_fits_any (lex, FZ_KIND_COUNT, "台"));
  g_assert_false (fz_lexicon_unit_fits_any (lex, FZ_KIND_COUNT, "辆"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lexicon/small", test_small);
  g_test_add_func ("/lexicon/analyst-file", test_analyst_file);
  g_test_add_func ("/lexicon/bad-input", test_bad_input);
  g_test_add_func ("/lexicon/shipped", test_shipped);
  g_test_add_func ("/lexicon/units", test_units);
  g_test_add_func ("/lexicon/shipped-units", test_shipped_units);
  g_test_add_func ("/lexicon/units-second-file", test_units_second_file);
  g_test_add_func ("/lexicon/single-and-roles", test_single_and_roles);
  return g_test_run ();
}
