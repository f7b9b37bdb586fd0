/* test-cli.c: fanzha-cli end to end on small pages the test writes: series, --date, index
 * --period; the same output on one thread and on several. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

static char *workdir;

static void
write_page (const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (workdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Runs fanzha-cli in the work folder; returns its stdout, asserts the exit status. */
static char *
run_cli (int          expected_status,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status;
  va_list ap;

  g_ptr_array_add (argv, (char *) g_getenv ("FANZHA_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (workdir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL) == (expected_status == 0));
  if (expected_status != 0)
    g_assert_cmpint (WEXITSTATUS (status), ==, expected_status);
  g_test_message ("stderr: %s", err);
  return out;
}

/* Two cities, two months each, of cases solved (破获…案件…起), dated by their mastheads. */
static void
write_two_months (void)
{
  write_page ("a.txt",
              "2022年4月5日 星期二\n\n湖州市反诈工作通报\n\n"
              "本报讯 3月份，湖州市公安局破获电信网络诈骗案件30起。"
              "2月份，湖州市破获电信网络诈骗案件24起。\n");
  write_page ("b.txt",
              "2022年4月6日 星期三\n\n嘉兴市反诈工作通报\n\n"
              "本报讯 3月份，嘉兴市公安局破获电信网络诈骗案件41起。"
              "2月份，嘉兴市破获电信网络诈骗案件35起。\n");
}

/* A folder on the command line is opened as the app opens it: its pages in the order a file
 * manager lists their names (page-2 before page-10), each once, a folder in it walked too. */
static void
test_folder (void)
{
  g_autofree char *folder = g_build_filename (workdir, "folder", NULL);
  g_autofree char *inner = g_build_filename (folder, "inner", NULL);
  const char *names[] = { "page-10.txt", "page-2.txt", "inner/page-1.txt" };
  g_autofree char *by_folder = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *count = NULL;

  g_assert_cmpint (g_mkdir_with_parents (inner, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_build_filename ("folder", names[i], NULL);
      g_autofree char *text = g_strdup_printf ("本报讯 3月份，湖州市公安局破获电信网络诈骗案件%u起。\n",
                                               10 + i);

      write_page (name, text);
    }
  by_folder = run_cli (0, "extract", "--jobs", "2", "folder", NULL);
  by_name = run_cli (0, "extract", "--jobs", "1", "folder/inner/page-1.txt",
                     "folder/page-2.txt", "folder/page-10.txt", NULL);
  g_assert_cmpstr (by_folder, ==, by_name);
  g_assert_nonnull (strstr (by_folder, "\t12\t"));
  count = run_cli (0, "extract", "--count", "folder", NULL);
  g_assert_cmpstr (count, ==, "6\n");   /* a month and a count a page */
}

static void
test_series (void)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint rows = 0;

  write_two_months ();
  out = run_cli (0, "series", "--indicator", "cases_solved", "a.txt", "b.txt", NULL);
  /* Expected, worked out by hand: the mastheads date both pages 2022, so 3月份 is
   * 2022-03/2022-03 and 2月份 2022-02/2022-02; one row a city, months in time order, each
   * value with its source (file:start-end in code points: "30起" starts after the masthead
   * line, the blank line, the 9-character headline and "本报讯 3月份，湖州市公安局破获电信网络
   * 诈骗案件" — 50 code points in). */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (rows++ == 0)
        {
          g_assert_true (g_str_has_prefix (lines[i], "region\t"));
          g_assert_nonnull (strstr (lines[i], "\t2022-02/2022-02\t"));
          g_assert_true (strstr (lines[i], "2022-02/2022-02") <
                         strstr (lines[i], "2022-03/2022-03"));
          continue;
        }
      if (g_str_has_prefix (lines[i], "湖州市\t"))
        g_assert_nonnull (strstr (lines[i], "\t24\ta.txt:71-74\t30\ta.txt:50-53"));
      else if (g_str_has_prefix (lines[i], "嘉兴市\t"))
        g_assert_nonnull (strstr (lines[i], "\t35\tb.txt:71-74\t41\tb.txt:50-53"));
      else
        g_assert_not_reached ();
    }
  g_assert_cmpuint (rows, ==, 3);
}

static void
test_date_option (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *dated = NULL;

  /* No masthead: 3月份 stays Y-03/Y-03 until the analyst gives the date. */
  write_page ("c.txt", "本报讯 3月份，湖州市公安局破获电信网络诈骗案件30起。\n");
  plain = run_cli (0, "extract", "c.txt", NULL);
  g_assert_nonnull (strstr (plain, "\tcases_solved\t湖州市\t1\tY-03/Y-03\n"));
  dated = run_cli (0, "extract", "--date", "c.txt=2021-05-01", "c.txt", NULL);
  g_assert_nonnull (strstr (dated, "\tcases_solved\t湖州市\t1\t2021-03/2021-03\n"));
  g_free (run_cli (2, "extract", "--date", "c.txt=2021-13-01", "c.txt", NULL));
  g_free (run_cli (2, "extract", "--date", "2021-05-01", "c.txt", NULL));
}

static void
test_index_period (void)
{
  g_autofree char *march = NULL;
  g_autofree char *feb = NULL;

  write_two_months ();
  /* Scoring March alone compares 41 with 30: min-max over two regions gives the higher
   * 100 and the lower 0 (cases solved: higher is better). */
  march = run_cli (0, "index", "--period", "2022-03", "a.txt", "b.txt", NULL);
  g_assert_nonnull (strstr (march, "\t41\t100.00\tb.txt:50-53"));
  g_assert_nonnull (strstr (march, "\t30\t0.00\ta.txt:50-53"));
  g_assert_null (strstr (march, "a.txt:71-74"));
  feb = run_cli (0, "index", "--period", "2022-02", "a.txt", "b.txt", NULL);
  g_assert_nonnull (strstr (feb, "\t35\t100.00\tb.txt:71-74"));
  g_assert_null (strstr (feb, "b.txt:50-53"));
}

/* --explain adds the words each attribution was read from; the default output keeps its
 * columns. */
static void
test_explain (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *explained = NULL;

  write_page ("e.txt", "本报讯 今年以来，湖州市公安局破获电信网络诈骗案件30起。\n");
  plain = run_cli (0, "extract", "e.txt", NULL);
  g_assert_true (g_str_has_prefix (plain, "doc\tstart\tend\ttext\tkind\tvalue\tunit\t"
                                          "qualifier\tchange\tbasis\tindicator\tregion\tcore"
                                          "\tperiod\n"));
  g_assert_nonnull (strstr (plain, "\tcases_solved\t湖州市\t1\tY-01/\n"));
  explained = run_cli (0, "extract", "--explain", "e.txt", NULL);
  g_assert_nonnull (strstr (explained, "\tperiod\tindicator_cue\tindicator_cue_span\t"
                                       "region_cue\tregion_cue_span\tperiod_cue\t"
                                       "period_cue_span\n"));
  g_assert_nonnull (strstr (explained, "\tcases_solved\t湖州市\t1\tY-01/\t破获\t15-17\t"
                                       "湖州市\t9-12\t今年以来\t4-8\n"));
}

static void
test_bad_arguments (void)
{
  g_free (run_cli (2, "no-such-command", NULL));
  g_free (run_cli (2, "extract", NULL));
  g_free (run_cli (2, "index", "--level", "village", "a.txt", NULL));
  g_free (run_cli (2, "series", "a.txt", NULL));
  g_free (run_cli (1, "extract", "does-not-exist.txt", NULL));
}

/* A bad option gets the parser's one line, not a second, wrong one after it. */
static void
test_one_message (void)
{
  static const char * const commands[] = { "extract", "index", "series", "articles", "chart",
                                           "export" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *argv[] = { g_getenv ("FANZHA_CLI"), commands[i], "--no-such-option",
                             "--indicator", "cases_solved", "a.txt", NULL };
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_spawn_sync (workdir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                    &status, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %s", commands[i], err);
      g_assert_cmpint (WEXITSTATUS (status), ==, 2);
      g_assert_nonnull (strstr (err, "no-such-option"));
      /* One line: its only line break is the last character. */
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }
}

/* Every command's stdout, stderr and status, with --jobs @jobs, over @files. */
static char *
run_jobs (const char * const *command,
          const char         *jobs,
          GPtrArray          *files)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("FANZHA_CLI"));
  for (guint i = 0; command[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) command[i]);
  g_ptr_array_add (argv, (char *) "--jobs");
  g_ptr_array_add (argv, (char *) jobs);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (files, i));
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (workdir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  return g_strdup_printf ("%s\n--- stderr\n%s\n--- status %d", out, err, status);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The pages of a shared corpus folder, in name order. */
static void
add_corpus (GPtrArray  *files,
            const char *folder)
{
  g_autofree char *path = g_build_filename (g_getenv ("FZ_SHARED_DIR"), folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_strdup (g_ptr_array_index (names, i)));
}

/* Many files, missing ones among them: the output, its order and the failure lines are
 * those of one thread. */
static void
test_jobs (void)
{
  const char * const commands[][6] = {
    { "extract", NULL }, { "extract", "--count", NULL }, { "articles", NULL },
    { "index", NULL }, { "index", "--level", "city", NULL },
    { "series", "--indicator", "cases_solved", NULL },
  };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (g_getenv ("FZ_SHARED_DIR") == NULL)
    {
      g_test_skip ("FZ_SHARED_DIR is not set");
      return;
    }
  write_two_months ();
  add_corpus (files, "corpus");
  g_ptr_array_add (files, g_strdup ("missing-1.txt"));
  g_ptr_array_add (files, g_strdup ("a.txt"));
  add_corpus (files, "corpus-dev");
  g_ptr_array_add (files, g_strdup ("missing-2.txt"));
  g_ptr_array_add (files, g_strdup ("b.txt"));
  g_assert_cmpuint (files->len, >, 20);
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autofree char *one = run_jobs (commands[c], "1", files);
      g_autofree char *four = run_jobs (commands[c], "4", files);

      g_assert_nonnull (strstr (one, "missing-1.txt"));
      g_assert_cmpstr (one, ==, four);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("FANZHA_CLI") == NULL)
    {
      g_printerr ("FANZHA_CLI is not set\n");
      return 1;
    }
  workdir = g_dir_make_tmp ("fanzha-cli-XXXXXX", NULL);
  g_test_add_func ("/cli/folder", test_folder);
  g_test_add_func ("/cli/series", test_series);
  g_test_add_func ("/cli/date-option", test_date_option);
  g_test_add_func ("/cli/index-period", test_index_period);
  g_test_add_func ("/cli/explain", test_explain);
  g_test_add_func ("/cli/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/one-message", test_one_message);
  g_test_add_func ("/cli/jobs", test_jobs);
  ret = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", workdir);
    g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }
  g_free (workdir);
  return ret;
}
