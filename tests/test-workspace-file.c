/* test-workspace-file.c: saving and loading a workspace: round trip, the schema (libxml2's
 * RELAX NG validator and xmllint), the backup, and damaged or hostile files refused. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "fz-error.h"
#include "fz-workspace-file.h"

static const char page[] =
  "城南区公安局今年破获电信网络诈骗案件672起，止付冻结涉诈资金97.7亿元，发案数同比下降43.26%。\r\n"
  "另有群众主动报案120起。\n";

static guint
offset_of (const char *needle)
{
  return (guint) g_utf8_strlen (page, strstr (page, needle) - page);
}

static FzDocument *
make_document (const char *name)
{
  FzDocument *document = fz_document_new_from_data (name, (const guint8 *) page, strlen (page),
                                                    NULL);
  g_autoptr(FzFigureList) figures = fz_figure_list_new ();
  FzFigure *f = fz_figure_list_append (figures);

  f->start = offset_of ("672起");
  f->end = f->start + 4;
  f->byte_start = strstr (page, "672起") - page;
  f->byte_end = f->byte_start + strlen ("672起");
  f->value = fz_figure_list_intern (figures, "672", -1);
  fz_document_set_figures (document, figures);
  return document;
}

/* A workspace with two documents, a date, index settings and a decision of every kind. */
static FzWorkspaceState *
make_state (FzDocument *document)
{
  FzWorkspaceState *state = fz_workspace_state_new ();
  g_autofree char *checksum = fz_decisions_text_checksum (document);
  FzDecisions *d = state->decisions;
  guint start = offset_of ("120起");
  FzFigureId cases = FZ_FIGURE_ID (offset_of ("672起"), offset_of ("672起") + 4);
  g_autoptr(GError) error = NULL;

  fz_workspace_state_add_document (state, fz_document_get_name (document), checksum,
                                   "2022-04-25");
  fz_workspace_state_add_document (state, "/data/第二版.txt", NULL, NULL);
  fz_workspace_state_set_period (state, "2022-03");
  state->index.level = FZ_REGION_LEVEL_CITY;
  state->index.normalisation = FZ_NORMALISATION_GOALPOSTS;
  state->index.weights[FZ_DIMENSION_STRIKE] = 2.5;
  fz_figure_list_unref (fz_decisions_set_field (d, document, cases, FZ_FIGURE_FIELD_UNIT, "件",
                                                NULL, &error));
  fz_figure_list_unref (fz_decisions_set_accepted (d, document, cases, TRUE, NULL, &error));
  fz_figure_list_unref (fz_decisions_set_figure_note (d, document, cases,
                                                      "<&> \"引号\"\r\n第二行\x01", NULL, &error));
  fz_figure_list_unref (fz_decisions_add_figure (d, document, start, start + 5, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fz_decisions_set_article_note (d, document, 0, "文章批注", &error));
  fz_decisions_set_document_note (d, fz_document_get_name (document), "整版");
  return state;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fanzha-ws-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
schema_path (void)
{
  const char *data_dir = g_getenv ("FZ_DATA_DIR");

  if (data_dir != NULL)
    return g_build_filename (data_dir, "fanzha-workspace.rng", NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "fanzha-workspace.rng", NULL);
}

static void
assert_valid (const char *path)
{
  g_autofree char *rng = schema_path ();
  xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt (rng);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  int status = 0;

  g_assert_nonnull (schema);
  g_assert_nonnull (doc);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  g_assert_cmpint (xmlRelaxNGValidateDoc (vctxt, doc), ==, 0);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlFreeDoc (doc);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (xmllint == NULL)
    return;
  {
    const char *argv[] = { xmllint, "--noout", "--relaxng", rng, path, NULL };
    g_autoptr(GError) error = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                  &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("xmllint --relaxng: %s", err);
  }
}

static void
test_round_trip (void)
{
  g_autoptr(FzDocument) document = make_document ("/data/page.txt");
  g_autoptr(FzWorkspaceState) state = make_state (document);
  g_autoptr(FzWorkspaceState) loaded = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "ws.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL, second = NULL;
  g_autoptr(GArray) st1 = NULL, st2 = NULL;
  g_autoptr(FzFigureList) f1 = NULL, f2 = NULL;
  const FzWorkspaceEntry *entry;

  g_assert_true (fz_workspace_file_save (state, path, &error));
  g_assert_no_error (error);
  assert_valid (path);
  loaded = fz_workspace_file_load (path, &error);
  g_assert_no_error (error);

  /* Everything read back writes the same file again. */
  first = fz_workspace_file_write (state, &error);
  second = fz_workspace_file_write (loaded, &error);
  g_assert_true (g_bytes_equal (first, second));

  entry = fz_workspace_state_lookup (loaded, "/data/page.txt");
  g_assert_cmpstr (entry->date, ==, "2022-04-25");
  g_assert_cmpuint (strlen (entry->checksum), ==, 64);
  g_assert_cmpuint (loaded->documents->len, ==, 2);
  g_assert_cmpstr (loaded->index.period, ==, "2022-03");
  g_assert_cmpint (loaded->index.level, ==, FZ_REGION_LEVEL_CITY);
  g_assert_cmpint (loaded->index.normalisation, ==, FZ_NORMALISATION_GOALPOSTS);
  g_assert_cmpfloat (loaded->index.weights[FZ_DIMENSION_STRIKE], ==, 2.5);

  /* The same corrected figures, status and notes. */
  f1 = fz_decisions_apply (state->decisions, document, &st1);
  f2 = fz_decisions_apply (loaded->decisions, document, &st2);
  g_assert_cmpuint (fz_figure_list_get_n (f2), ==, 2);
  g_assert_cmpuint (st1->len, ==, st2->len);
  /* Field by field: the struct's padding holds no value to compare. */
  for (guint i = 0; i < st1->len; i++)
    {
      g_assert_cmpuint (g_array_index (st1, FzFigureStatus, i).id, ==,
                        g_array_index (st2, FzFigureStatus, i).id);
      g_assert_cmpuint (g_array_index (st1, FzFigureStatus, i).flags, ==,
                        g_array_index (st2, FzFigureStatus, i).flags);
    }
  g_assert_cmpstr (fz_figure_list_str (f2, fz_figure_list_get (f2, 0)->unit), ==, "件");
  g_assert_cmpstr (fz_decisions_get_figure_note (loaded->decisions, document,
                                                 g_array_index (st2, FzFigureStatus, 0).id),
                   ==, "<&> \"引号\"\r\n第二行\xef\xbf\xbd");
  g_assert_cmpstr (fz_decisions_get_article_note (loaded->decisions, document, 0), ==,
                   "文章批注");
  g_assert_cmpstr (fz_decisions_get_document_note (loaded->decisions, "/data/page.txt"), ==,
                   "整版");
  remove_dir (dir);
}

static void
test_backup (void)
{
  g_autoptr(FzDocument) document = make_document ("/data/page.txt");
  g_autoptr(FzWorkspaceState) state = make_state (document);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "ws.xml", NULL);
  g_autofree char *backup = fz_workspace_file_backup_path (path);
  g_autofree char *old = NULL, *kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_workspace_file_save (state, path, &error));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &old, NULL, NULL));
  fz_decisions_set_document_note (state->decisions, "/data/page.txt", "changed");
  g_assert_true (fz_workspace_file_save (state, path, &error));
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, old);

  /* A folder that does not exist: a clear error, nothing written. */
  g_assert_false (fz_workspace_file_save (state, "/nonexistent-dir/ws.xml", &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "ws.xml"));
  remove_dir (dir);
}

static char *
nested (guint depth)
{
  GString *s = g_string_new ("<workspace xmlns=\"urn:x-fanzha:workspace\" version=\"1\">");

  for (guint i = 0; i < depth; i++)
    g_string_append (s, "<documents>");
  for (guint i = 0; i < depth; i++)
    g_string_append (s, "</documents>");
  g_string_append (s, "</workspace>");
  return g_string_free (s, FALSE);
}

static void
test_refused (void)
{
  g_autoptr(FzDocument) document = make_document ("/data/page.txt");
  g_autoptr(FzWorkspaceState) state = make_state (document);
  g_autoptr(GBytes) good = fz_workspace_file_write (state, NULL);
  gsize good_len = 0;
  const char *good_data = g_bytes_get_data (good, &good_len);
  /* Cut at a character boundary, so the damage is the missing end, not invalid UTF-8. */
  const char *cut = g_utf8_find_prev_char (good_data, good_data + good_len / 2);
  g_autofree char *truncated = g_strndup (good_data, cut - good_data);
  g_autofree char *deep = nested (300);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "ws.xml", NULL);
  g_autofree char *backup = fz_workspace_file_backup_path (path);
  const char *ns = "<workspace xmlns=\"urn:x-fanzha:workspace\" version=\"1\">";
  g_autofree char *bad_start = g_strconcat (ns, "<decisions path=\"a\">"
                                            "<figure start=\"x\" end=\"2\"><prefix/><quote>1</quote><suffix/></figure>"
                                            "</decisions></workspace>", NULL);
  g_autofree char *bad_field = g_strconcat (ns, "<decisions path=\"a\">"
                                            "<figure start=\"1\" end=\"2\"><prefix/><quote>1</quote><suffix/>"
                                            "<set field=\"kind\">lots</set></figure>"
                                            "</decisions></workspace>", NULL);
  g_autofree char *unknown = g_strconcat (ns, "<extra/></workspace>", NULL);
  const struct { const char *data; const char *says; } cases[] = {
    { truncated, "line" },
    { "this is not XML at all", "XML" },
    { "<workspace xmlns=\"urn:x-fanzha:workspace\" version=\"2\"/>", "version 2" },
    { "<workspace version=\"1\"/>", "not a Fanzha workspace" },
    { "<?xml version=\"1.0\"?><!DOCTYPE workspace [<!ENTITY x \"boom\">]>"
      "<workspace xmlns=\"urn:x-fanzha:workspace\" version=\"1\">&x;</workspace>", "declaration" },
    { deep, "deeper" },
    { "<summary/>", "<summary>" },
    { bad_start, "start" },
    { bad_field, "lots" },
    { unknown, "<extra>" },
    { "", "empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FzWorkspaceState) loaded = NULL;
      g_autofree char *after = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].data, -1, NULL));
      g_assert_true (g_file_set_contents (backup, good_data, good_len, NULL));
      loaded = fz_workspace_file_load (path, &error);
      g_assert_null (loaded);
      g_assert_error (error, FZ_ERROR, error->code);
      g_test_message ("%s", error->message);
      if (strstr (error->message, cases[i].says) == NULL ||
          strstr (error->message, "ws.xml") == NULL || strstr (error->message, "ws.xml~") == NULL)
        g_error ("case %u: «%s» does not name the file, say «%s» and offer the backup", i,
                 error->message, cases[i].says);
      /* Nothing is overwritten by a failed load. */
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, cases[i].data);
    }
  remove_dir (dir);
}

static void
test_odd_path (void)
{
  g_autoptr(FzWorkspaceState) state = fz_workspace_state_new ();
  g_autoptr(FzWorkspaceState) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *latin1 = "/data/caf\xe9.txt";

  fz_workspace_state_add_document (state, latin1, NULL, NULL);
  fz_decisions_set_document_note (state->decisions, latin1, "note");
  bytes = fz_workspace_file_write (state, &error);
  g_assert_no_error (error);
  loaded = fz_workspace_file_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   "mem", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fz_workspace_state_lookup (loaded, latin1));
  g_assert_cmpstr (fz_decisions_get_document_note (loaded->decisions, latin1), ==, "note");
}

/* Offsets that a hand-edited file got wrong, with the right checksum or none: the decisions
 * are found by their quotes, or listed, and nothing reads past the text. */
static void
test_wrong_offsets (void)
{
  g_autoptr(FzDocument) document = make_document ("/data/page.txt");
  g_autofree char *checksum = fz_decisions_text_checksum (document);
  g_autofree char *xml = g_strdup_printf (
    "<workspace xmlns=\"urn:x-fanzha:workspace\" version=\"1\">"
    "<decisions path=\"/data/page.txt\" checksum=\"%s\">"
    "<figure start=\"10000\" end=\"10004\" rejected=\"true\">"
    "<prefix/><quote>672起</quote><suffix/></figure>"
    "<figure start=\"20000\" end=\"20005\" added=\"true\">"
    "<prefix/><quote>不在文中</quote><suffix/></figure>"
    "</decisions>"
    "<decisions path=\"/data/other.txt\">"
    "<figure start=\"4000000000\" end=\"4000000001\" added=\"true\">"
    "<prefix/><quote>起</quote><suffix/></figure>"
    "</decisions></workspace>", checksum);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzWorkspaceState) state = fz_workspace_file_read (xml, strlen (xml), "hand.xml",
                                                              &error);
  g_autoptr(FzDocument) other = make_document ("/data/other.txt");
  g_autoptr(GArray) status = NULL, other_status = NULL;
  g_autoptr(FzFigureList) figures = NULL, other_figures = NULL;
  g_autoptr(GPtrArray) lost = NULL, other_lost = NULL;

  g_assert_no_error (error);
  figures = fz_decisions_apply (state->decisions, document, &status);
  g_assert_cmpuint (status->len, ==, 1);
  g_assert_cmpuint (g_array_index (status, FzFigureStatus, 0).flags, ==,
                    FZ_FIGURE_STATUS_REJECTED);
  lost = fz_decisions_dup_unattached (state->decisions, document);
  g_assert_cmpuint (lost->len, ==, 1);
  /* 起 is found many times, with no context to choose: listed, not placed. */
  other_figures = fz_decisions_apply (state->decisions, other, &other_status);
  g_assert_cmpuint (other_status->len, ==, 1);
  other_lost = fz_decisions_dup_unattached (state->decisions, other);
  g_assert_cmpuint (other_lost->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workspace-file/round-trip", test_round_trip);
  g_test_add_func ("/workspace-file/backup", test_backup);
  g_test_add_func ("/workspace-file/refused", test_refused);
  g_test_add_func ("/workspace-file/odd-path", test_odd_path);
  g_test_add_func ("/workspace-file/wrong-offsets", test_wrong_offsets);
  return g_test_run ();
}
