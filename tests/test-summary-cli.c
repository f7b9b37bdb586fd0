/* test-summary-cli.c: `fanzha-cli export` (XML and CSV) and `fanzha-cli check`, run as a user
 * would: exit statuses, messages, files written or left alone. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "fz-workspace-file.h"

static char *tmp_dir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs fanzha-cli with @args (NULL-terminated) and SOURCE_DATE_EPOCH fixed. */
static void
cli (Run        *run,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "SOURCE_DATE_EPOCH", "1767225600",
                                        TRUE);
  g_autoptr(GError) error = NULL;
  va_list ap;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("FANZHA_CLI"));
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, 0, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
seed_page (guint i)
{
  g_autofree char *dir = g_build_filename (g_getenv ("FZ_SHARED_DIR"), "corpus", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >, i);
  g_ptr_array_sort (names, compare_names);
  return g_build_filename (dir, g_ptr_array_index (names, i), NULL);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
test_export_and_check (void)
{
  g_autofree char *page0 = seed_page (0);
  g_autofree char *page1 = seed_page (1);
  g_autofree char *out = tmp_path ("cli.xml");
  g_autofree char *again = tmp_path ("cli-again.xml");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) to_stdout = { 0 };

  cli (&run, "export", "-o", out, page0, page1, NULL);
  g_assert_cmpint (run.status, ==, 0);
  cli (&run2, "export", "--format", "xml", "-o", again, page0, page1, NULL);
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (again, &b, NULL, NULL));
  /* SOURCE_DATE_EPOCH makes the output reproducible. */
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "created=\"2026-01-01T00:00:00Z\""));
  cli (&check, "check", out, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, out));
  /* "-o -" writes the same to standard output. */
  cli (&to_stdout, "export", "-o", "-", page0, page1, NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_cmpstr (to_stdout.out, ==, a);
}

/* The index settings are taken as `index` takes them and written into the summary. */
static void
test_index_settings (void)
{
  g_autofree char *page = seed_page (2);
  g_autofree char *out = tmp_path ("settings.xml");
  g_autofree char *xml = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) check = { 0 };

  cli (&run, "export", "--level", "city", "--period", "all", "--method", "percentile",
       "--weight", "strike=2", "-o", out, page, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "<settings level=\"city\" period=\"all\" method=\"percentile\""));
  g_assert_nonnull (strstr (xml, "<weight dimension=\"strike\" value=\"2\"/>"));
  cli (&check, "check", out, NULL);
  g_assert_cmpint (check.status, ==, 0);
  cli (&bad, "export", "--level", "galaxy", "-o", out, page, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "galaxy"));
  g_remove (out);
}

static void
test_csv (void)
{
  g_autofree char *page = seed_page (2);
  g_autofree char *out = tmp_path ("figures.csv");
  g_autofree char *csv = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) extract = { 0 };
  guint csv_rows = 0, tsv_rows = 0;

  cli (&run, "export", "--format", "csv", "-o", out, page, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "doc,start,end,text,kind,value,unit,"
                                   "qualifier,change,basis,indicator,region,core,period\r\n"));
  /* One row a figure, as extract prints them (no field of these pages holds a line break). */
  for (const char *p = csv; (p = strstr (p, "\r\n")) != NULL; p += 2)
    csv_rows++;
  cli (&extract, "extract", page, NULL);
  g_assert_cmpint (extract.status, ==, 0);
  for (const char *p = extract.out; (p = strchr (p, '\n')) != NULL; p++)
    tsv_rows++;
  g_assert_cmpuint (csv_rows, ==, tsv_rows);
  g_assert_cmpuint (csv_rows, >, 10);
}

/* --workspace without files exports the workspace's documents with its dates and notes. */
static void
test_workspace (void)
{
  g_autofree char *page = seed_page (0);
  g_autofree char *abs = g_canonicalize_filename (page, NULL);
  g_autofree char *ws = tmp_path ("ws.xml");
  g_autofree char *out = tmp_path ("ws-summary.xml");
  g_autofree char *xml = NULL;
  g_autoptr(FzWorkspaceState) state = fz_workspace_state_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) check = { 0 };

  fz_workspace_state_add_document (state, abs, NULL, "2021-03-04");
  fz_decisions_set_document_note (state->decisions, abs, "checked with the county office");
  g_assert_true (fz_workspace_file_save (state, ws, &error));
  g_assert_no_error (error);

  cli (&run, "export", "--workspace", ws, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "checked with the county office"));
  g_assert_nonnull (strstr (xml, "2021-03-04"));
  cli (&check, "check", out, NULL);
  g_assert_cmpint (check.status, ==, 0);
}

static void
test_usage (void)
{
  g_autofree char *page = seed_page (0);
  g_autofree char *out = tmp_path ("never.xml");
  g_auto(Run) workspace = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) format = { 0 };
  g_auto(Run) no_file = { 0 };

  /* A workspace that cannot be read is a file that failed, and nothing is written. */
  cli (&workspace, "export", "--workspace", "no-such-ws.xml", "-o", out, NULL);
  g_assert_cmpint (workspace.status, ==, 1);
  g_assert_nonnull (strstr (workspace.err, "no-such-ws.xml"));
  cli (&no_output, "export", page, NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "-o"));
  cli (&format, "export", "--format", "pdf", "-o", out, page, NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_nonnull (strstr (format.err, "pdf"));
  cli (&no_file, "check", NULL);
  g_assert_cmpint (no_file.status, ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* A file that cannot be read is named and skipped; the summary holds the others. */
static void
test_some_failed (void)
{
  g_autofree char *page = seed_page (0);
  g_autofree char *missing = tmp_path ("missing.txt");
  g_autofree char *out = tmp_path ("partial.xml");
  g_autofree char *bad_dir = tmp_path ("no-such-folder/x.xml");
  g_autofree char *xml = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) unwritable = { 0 };

  cli (&run, "export", "-o", out, missing, page, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "missing.txt"));
  g_assert_true (g_file_get_contents (out, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "<document id=\"d1\""));
  g_assert_null (strstr (xml, "<document id=\"d2\""));
  cli (&check, "check", out, NULL);
  g_assert_cmpint (check.status, ==, 0);
  cli (&unwritable, "export", "-o", bad_dir, page, NULL);
  g_assert_cmpint (unwritable.status, ==, 1);
  g_assert_nonnull (strstr (unwritable.err, "fanzha-cli export: "));
}

/* check refuses hostile and broken files with exit 1 and a message naming the file. */
static void
test_check_refuses (void)
{
  const char *files[][2] = {
    { "laughs.xml", "<?xml version=\"1.0\"?><!DOCTYPE summary [<!ENTITY a \"aaaa\">"
                    "<!ENTITY b \"&a;&a;&a;&a;\">]><summary>&b;</summary>" },
    { "not-xml.xml", "破获案件672起" },
    { "invalid.xml", "<?xml version=\"1.0\"?><summary xmlns=\"urn:x-fanzha:summary\" "
                     "version=\"1\"><documents/></summary>" },
  };
  g_autofree char *missing = tmp_path ("does-not-exist.xml");
  g_auto(Run) run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = tmp_path (files[i][0]);
      g_auto(Run) one = { 0 };

      g_assert_true (g_file_set_contents (path, files[i][1], -1, NULL));
      cli (&one, "check", path, NULL);
      g_assert_cmpint (one.status, ==, 1);
      if (!g_str_has_prefix (one.err, "fanzha-cli check: ") || strstr (one.err, path) == NULL)
        g_error ("check %s: «%s»", files[i][0], one.err);
      g_remove (path);
    }
  cli (&run, "check", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "does-not-exist.xml"));
}

/* A summary of @mib MiB or a little more: the documents of a small export, repeated (ids may
 * repeat: the schema does not make them unique). With @bad_line, one figure of the last copy
 * gets a kind the schema does not know, and @bad_line says on which line it stands. */
static char *
write_large_summary (const char *name,
                     guint       mib,
                     guint      *bad_line)
{
  g_autofree char *page0 = seed_page (0);
  g_autofree char *page1 = seed_page (1);
  g_autofree char *small = tmp_path ("large-seed.xml");
  g_autofree char *xml = NULL;
  g_autoptr(GString) big = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  char *path = tmp_path (name);
  const char *open_tag, *close_tag, *docs;
  gsize doc_len;
  guint copies = 0, lines = 0;

  cli (&run, "export", "-o", small, page0, page1, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (small, &xml, NULL, NULL));
  g_remove (small);
  open_tag = strstr (xml, "<documents>");
  close_tag = strstr (xml, "</documents>");
  g_assert_true (open_tag != NULL && close_tag != NULL);
  docs = open_tag + strlen ("<documents>");
  doc_len = close_tag - docs;
  for (const char *p = docs; p < close_tag; p++)
    lines += *p == '\n';
  big = g_string_sized_new ((mib + 1) * 1024 * 1024);
  g_string_append_len (big, xml, docs - xml);
  while (big->len < mib * 1024 * 1024)
    {
      g_string_append_len (big, docs, doc_len);
      copies++;
    }
  g_assert_cmpuint (copies * lines, >, 70000);
  if (bad_line != NULL)
    {
      /* The last copy's first figure. */
      char *kind = strstr (big->str + big->len - doc_len, " kind=\"");

      g_assert_nonnull (kind);
      g_string_insert (big, kind + strlen (" kind=\"") - big->str, "lots");
      *bad_line = 1;
      for (const char *p = big->str; p < kind; p++)
        *bad_line += *p == '\n';
      g_assert_cmpuint (*bad_line, >, 65535);
    }
  g_string_append (big, close_tag);
  g_assert_true (g_file_set_contents (path, big->str, big->len, &error));
  g_assert_no_error (error);
  return path;
}

/* The largest resident size of any child so far, in KiB. */
static long
children_peak_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* The peak of the commands run so far stays below @kib. */
static void
assert_children_peak_below (long kib)
{
#ifdef __SANITIZE_ADDRESS__
  /* AddressSanitizer's shadow memory and quarantine are not the program's own. */
  g_test_message ("the memory bound (%ld KiB) is not checked under AddressSanitizer", kib);
#else
  /* Nor is valgrind's (FZ_SLOW_RUN is set by its test setup). */
  if (g_getenv ("FZ_SLOW_RUN") != NULL)
    g_test_message ("the memory bound (%ld KiB) is not checked under valgrind", kib);
  else
    g_assert_cmpint (children_peak_kib (), <, kib);
#endif
}

/* check reads node by node: a summary over the 64 MiB of the other data files is accepted,
 * and its memory does not grow with it. */
static void
test_check_large (void)
{
  g_autofree char *path = write_large_summary ("large.xml", 65, NULL);
  g_auto(Run) check = { 0 };
  long before = children_peak_kib ();

  cli (&check, "check", path, NULL);
  if (check.status != 0)
    g_error ("check large.xml: %s", check.err);
  g_assert_nonnull (strstr (check.out, "valid"));
  g_test_message ("check of %s: peak %ld KiB (children before: %ld KiB)", path,
                  children_peak_kib (), before);
  /* Reading the file whole would take more than its 65 MiB, its tree ten times more. */
  assert_children_peak_below (40 * 1024);
  g_remove (path);
}

/* Its error is past line 65,535, where libxml2 stops counting: the message gives the exact
 * line. (16 MiB is enough for that, and quicker than 65.) */
static void
test_check_large_invalid (void)
{
  guint bad_line = 0;
  g_autofree char *path = write_large_summary ("large-invalid.xml", 16, &bad_line);
  g_autofree char *where = g_strdup_printf ("line %u:", bad_line);
  g_auto(Run) check = { 0 };

  cli (&check, "check", path, NULL);
  g_assert_cmpint (check.status, ==, 1);
  if (strstr (check.err, where) == NULL || strstr (check.err, "schema") == NULL)
    g_error ("check large-invalid.xml: «%s» does not say «%s»", check.err, where);
  assert_children_peak_below (64 * 1024);
  g_remove (path);
}

/* Characters XML 1.0 forbids (here two in a file name, written as the document's name and
 * path) are replaced, and export says how many. */
static void
test_export_replaced (void)
{
  g_autofree char *page = seed_page (0);
  g_autofree char *odd = tmp_path ("odd\x01name\x02.txt");
  g_autofree char *out = tmp_path ("replaced.xml");
  g_autofree char *text = NULL;
  gsize len = 0;
  g_auto(Run) run = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) clean = { 0 };

  g_assert_true (g_file_get_contents (page, &text, &len, NULL));
  g_assert_true (g_file_set_contents (odd, text, len, NULL));
  cli (&run, "export", "-o", out, odd, NULL);
  g_assert_cmpint (run.status, ==, 0);
  if (strstr (run.err, "fanzha-cli export: ") == NULL || strstr (run.err, "U+FFFD") == NULL ||
      strstr (run.err, " 4 ") == NULL)
    g_error ("export of a file name with controls: «%s»", run.err);
  cli (&check, "check", out, NULL);
  g_assert_cmpint (check.status, ==, 0);
  /* Nothing replaced, nothing said. */
  cli (&clean, "export", "-o", out, page, NULL);
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_null (strstr (clean.err, "U+FFFD"));
  g_remove (odd);
  g_remove (out);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("test-summary-cli-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/summary-cli/export-and-check", test_export_and_check);
  g_test_add_func ("/summary-cli/index-settings", test_index_settings);
  g_test_add_func ("/summary-cli/csv", test_csv);
  g_test_add_func ("/summary-cli/usage", test_usage);
  g_test_add_func ("/summary-cli/workspace", test_workspace);
  g_test_add_func ("/summary-cli/some-failed", test_some_failed);
  g_test_add_func ("/summary-cli/check-refuses", test_check_refuses);
  g_test_add_func ("/summary-cli/check-large", test_check_large);
  g_test_add_func ("/summary-cli/check-large-invalid", test_check_large_invalid);
  g_test_add_func ("/summary-cli/export-replaced", test_export_replaced);
  status = g_test_run ();
  if (status == 0)
    {
      /* Every file a case wrote goes, whichever case wrote it. */
      g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = tmp_path (name);

          g_remove (path);
        }
      g_rmdir (tmp_dir);
    }
  g_free (tmp_dir);
  return status;
}
