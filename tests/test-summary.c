/* test-summary.c: summaries of the seed pages and of generated pages validate against the
 * schema, read back into the same summary byte for byte, and keep the analyst's decisions. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fz-error.h"
#include "fz-index-feed.h"
#include "fz-pipeline.h"
#include "fz-summary-check.h"
#include "fz-summary-reader.h"
#include "fz-summary-writer.h"
#include "fz-xml.h"

#define CREATED "2026-01-02T03:04:05Z"

static FzPipeline *pipeline;
static char *schema;
static char *tmp_dir;

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_pages (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

static GPtrArray *
seed_pages (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("FZ_SHARED_DIR"), "corpus", NULL);

  return list_pages (dir);
}

/* A summary of @paths as the app and the command line make it: analyse, feed, write. */
static GBytes *
export_paths (GPtrArray                *paths,
              const FzSummaryDecisions *decisions,
              const FzIndexOptions     *opts,
              guint                    *n_replaced)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzIndexResult) result = NULL;
  FzIndexOptions defaults;
  FzSummaryOptions options = { .created = CREATED, .decisions = decisions };
  g_autoptr(FzSummaryWriter) writer = NULL;

  fz_index_options_init (&defaults);
  options.index_options = opts != NULL ? opts : &defaults;
  writer = fz_summary_writer_new (out, &options, NULL, &error);
  g_assert_no_error (error);
  fz_index_feed_lexicon (index, fz_pipeline_get_lexicon (pipeline));
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_autoptr(FzDocument) doc = fz_document_load (file, NULL, &error);

      g_assert_no_error (error);
      fz_pipeline_analyze (pipeline, doc);
      fz_index_feed_document (index, fz_pipeline_get_gazetteer (pipeline), doc,
                              options.index_options->level);
      g_assert_true (fz_summary_writer_add_document (writer, doc, &error));
      g_assert_no_error (error);
    }
  result = fz_index_compute (index, options.index_options, &error);
  g_assert_no_error (error);
  g_assert_true (fz_summary_writer_finish (writer, result, &error));
  g_assert_no_error (error);
  if (n_replaced != NULL)
    *n_replaced = fz_summary_writer_get_n_replaced (writer);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
save (GBytes     *bytes,
      const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

/* Validates with libxml2's RELAX NG validator, then with xmllint --relaxng. */
static void
assert_valid (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *err = NULL;
  int status = -1;

  if (!fz_summary_check_file (path, schema, &error))
    g_error ("%s", error->message);
  if (xmllint == NULL)
    {
      g_test_message ("xmllint not installed (libxml2-utils): validated by the library only");
      return;
    }
  {
    const char *argv[] = { xmllint, "--noout", "--nonet", "--relaxng", schema, path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                  &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint --relaxng: %s", err);
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static void
collect_figures (xmlNode    *node,
                 GHashTable *indicators)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, BAD_CAST "figure"))
      {
        char *indicator = prop (c, "indicator");

        g_hash_table_insert (indicators, prop (c, "id"), indicator ? indicator : g_strdup (""));
      }
    else if (c->type == XML_ELEMENT_NODE)
      collect_figures (c, indicators);
}

/* Every id of a value's figures and observations names a figure of that value's indicator;
 * returns how many ids were checked. */
static guint
check_value_ids (xmlNode    *node,
                 GHashTable *indicators)
{
  guint n = 0;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, BAD_CAST "value"))
      {
        g_autofree char *indicator = prop (c, "indicator");
        g_autofree char *observations = prop (c, "observations");
        g_auto(GStrv) ids = g_strsplit (observations ? observations : "", " ", -1);

        for (guint i = 0; ids[i] != NULL && *ids[i] != '\0'; i++, n++)
          g_assert_cmpstr (g_hash_table_lookup (indicators, ids[i]), ==, indicator);
      }
    else if (c->type == XML_ELEMENT_NODE)
      n += check_value_ids (c, indicators);
  return n;
}

static guint
assert_ids_consistent (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = fz_xml_read_file (path, "summary", FZ_SUMMARY_MAX_SIZE, &error);
  g_autoptr(GHashTable) indicators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            g_free);

  g_assert_no_error (error);
  collect_figures (xmlDocGetRootElement (doc), indicators);
  return check_value_ids (xmlDocGetRootElement (doc), indicators);
}

static void
test_seed_validates (void)
{
  g_autoptr(GPtrArray) pages = seed_pages ();
  g_autoptr(GBytes) xml = export_paths (pages, NULL, NULL, NULL);
  g_autofree char *path = save (xml, "seed.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzSummary) summary = fz_summary_read_file (path, &error);
  guint n_figures = 0;

  g_assert_cmpuint (pages->len, >, 0);
  assert_valid (path);
  g_assert_cmpuint (assert_ids_consistent (path), >, 10);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_summary_get_n_documents (summary), ==, pages->len);
  for (guint i = 0; i < pages->len; i++)
    {
      const FzSummaryDocument *d = fz_summary_get_document (summary, i);

      g_autoptr(GFile) page = g_file_new_for_path (g_ptr_array_index (pages, i));

      g_assert_cmpstr (d->path, ==, g_file_peek_path (page));
      g_assert_nonnull (d->sha256);
      n_figures += d->figures->len;
    }
  g_assert_cmpuint (n_figures, >, 100);
  /* The index is there, its values pointing to figures. */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml),
                                  "<value indicator="));
}

static void
test_generated_validates (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "generated", NULL);
  g_autofree char *script = g_build_filename (g_getenv ("FZ_SHARED_DIR"), "bench",
                                              "make-corpus.py", NULL);
  const char *argv[] = { "python3", script, dir, "200", "7", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *path = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = list_pages (dir);
  g_assert_cmpuint (pages->len, ==, 200);
  xml = export_paths (pages, NULL, NULL, NULL);
  path = save (xml, "generated.xml");
  assert_valid (path);
}

/* The test's analyst: rejects every third figure, accepts every fifth, notes the first. */
static FzSummaryStatus
analyst_status (FzDocument      *document,
                guint            index,
                const FzFigure  *figure,
                const char     **note,
                gpointer         user_data)
{
  if (index == 0)
    *note = "核实：见原文\x01第二段 & <注>";
  if (index % 3 == 2)
    return FZ_SUMMARY_STATUS_REJECTED;
  if (index % 5 == 4)
    return FZ_SUMMARY_STATUS_ACCEPTED;
  return FZ_SUMMARY_STATUS_MACHINE;
}

static const char * const *
analyst_notes (FzDocument *document,
               gpointer    user_data)
{
  static const char * const notes[] = { "待核实\r\n第二行", "second note", NULL };

  return notes;
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) pages = seed_pages ();
  FzSummaryDecisions analyst = { analyst_status, analyst_notes, NULL };
  FzIndexOptions opts;
  guint n_replaced = 0;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzSummary) summary = NULL;
  FzSummaryDecisions restored;

  fz_index_options_init (&opts);
  opts.level = FZ_REGION_LEVEL_CITY;
  opts.normalisation = FZ_NORMALISATION_PERCENTILE;
  opts.weights[FZ_DIMENSION_STRIKE] = 2;
  opts.weights[FZ_DIMENSION_OUTREACH] = 1.0 / 3;   /* must read back exactly */
  first = export_paths (pages, &analyst, &opts, &n_replaced);
  /* The \x01 of the note on each document's first figure. */
  g_assert_cmpuint (n_replaced, ==, pages->len);
  path = save (first, "round-trip.xml");
  assert_valid (path);

  summary = fz_summary_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_summary_locate_documents (summary, NULL, NULL), ==, pages->len);
  g_assert_cmpstr (fz_summary_get_document (summary, 0)->notes[0], ==, "待核实\r\n第二行");
  g_assert_cmpint (((FzSummaryFigure *) fz_summary_get_document (summary, 0)->figures->pdata[2])
                   ->status, ==, FZ_SUMMARY_STATUS_REJECTED);
  fz_summary_get_decisions (summary, &restored);
  second = export_paths (pages, &restored, fz_summary_get_index_options (summary), NULL);
  g_assert_cmpstr (fz_summary_get_created (summary), ==, CREATED);
  if (!g_bytes_equal (first, second))
    {
      g_autofree char *again = save (second, "round-trip-2.xml");

      g_error ("export → import → export differs: diff %s %s", path, again);
    }
}

/* Characters XML 1.0 forbids are replaced and counted; the document still exports. */
static void
test_forbidden_characters (void)
{
  const char text[] = "标题\n\n今年以来，破获案件\x01\x02\x1b" "672起，\xef\xbf\xbe止付资金5亿元。\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_document_new_from_data ("bad-chars.txt", (const guint8 *) text,
                                                         sizeof text - 1, &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  FzSummaryOptions options = { .created = CREATED };
  g_autoptr(FzSummaryWriter) writer = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  fz_pipeline_analyze (pipeline, doc);
  writer = fz_summary_writer_new (out, &options, NULL, &error);
  g_assert_true (fz_summary_writer_add_document (writer, doc, &error));
  g_assert_true (fz_summary_writer_finish (writer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fz_summary_writer_get_n_replaced (writer), >=, 4);
  g_output_stream_close (out, NULL, NULL);
  xml = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  path = save (xml, "bad-chars.xml");
  assert_valid (path);
}

/* A moved page is found again by its checksum in the folder given. */
static void
test_found_by_checksum (void)
{
  g_autoptr(GPtrArray) pages = seed_pages ();
  g_autofree char *dir = g_build_filename (tmp_dir, "moved", NULL);
  g_autofree char *before = g_build_filename (dir, "before.txt", NULL);
  g_autofree char *after = g_build_filename (dir, "after.txt", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FzSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  GFile *found;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_get_contents (g_ptr_array_index (pages, 0), &data, &len, NULL));
  g_assert_true (g_file_set_contents (before, data, len, NULL));
  g_ptr_array_add (one, before);
  xml = export_paths (one, NULL, NULL, NULL);
  path = save (xml, "moved.xml");
  g_assert_cmpint (g_rename (before, after), ==, 0);
  summary = fz_summary_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_summary_locate_documents (summary, tmp_dir, NULL), ==, 0);
  g_assert_cmpuint (fz_summary_locate_documents (summary, dir, NULL), ==, 1);
  found = fz_summary_get_document (summary, 0)->file;
  g_assert_nonnull (found);
  g_assert_cmpstr (g_file_peek_path (found), ==, after);
}

/* Two pages of the same name in two folders: the index names the figures of each apart. */
static void
test_same_names (void)
{
  g_autoptr(GPtrArray) pages = seed_pages ();
  g_autoptr(GPtrArray) two = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize len;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *dir = g_strdup_printf ("%s/same-%u", tmp_dir, i);
      /* The page with most index figures, then another. */
      const char *source = g_ptr_array_index (pages, i == 0 ? 2 : 0);

      g_mkdir_with_parents (dir, 0700);
      g_assert_true (g_file_get_contents (source, &data, &len, NULL));
      g_ptr_array_add (two, g_build_filename (dir, "page.txt", NULL));
      g_assert_true (g_file_set_contents (g_ptr_array_index (two, i), data, len, NULL));
      g_clear_pointer (&data, g_free);
    }
  xml = export_paths (two, NULL, NULL, NULL);
  path = save (xml, "same-names.xml");
  assert_valid (path);
  g_assert_cmpuint (assert_ids_consistent (path), >, 0);
}

static void
test_cancelled (void)
{
  g_autoptr(GPtrArray) pages = seed_pages ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FzSummaryWriter) writer = fz_summary_writer_new (out, NULL, cancellable, &error);
  g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (pages, 0));
  g_autoptr(FzDocument) doc = fz_document_load (file, NULL, NULL);

  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (fz_summary_writer_add_document (writer, doc, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  GPtrArray    *pages;
  GCancellable *cancellable;
  guint         progress_calls;
  guint         last_done;
} Job;

/* Cancels, as a user pressing Cancel would, once two documents are written. */
static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Job *job = user_data;

  g_assert_cmpuint (total, ==, job->pages->len);
  g_assert_cmpuint (done, ==, job->last_done + 1);
  job->last_done = done;
  job->progress_calls++;
  if (done == 2)
    g_cancellable_cancel (job->cancellable);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  FzSummaryOptions options = { .created = CREATED, .progress = on_progress,
                               .progress_data = job, .total = job->pages->len };
  g_autoptr(GError) error = NULL;
  g_autoptr(FzSummaryWriter) writer = fz_summary_writer_new (out, &options, cancellable, &error);

  for (guint i = 0; writer != NULL && i < job->pages->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (job->pages, i));
      g_autoptr(FzDocument) doc = fz_document_load (file, NULL, NULL);

      fz_pipeline_analyze (pipeline, doc);
      if (!fz_summary_writer_add_document (writer, doc, &error))
        break;
    }
  if (error == NULL)
    fz_summary_writer_finish (writer, NULL, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (g_task_propagate_boolean (G_TASK (result), error));
}

/* The writer in a GTask, as the app runs it: progress after each document, Cancel honoured
 * before the next. */
static void
test_task_progress_cancel (void)
{
  g_autoptr(GPtrArray) pages = seed_pages ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Job job = { pages, cancellable, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, on_done, &error);

  g_assert_cmpuint (pages->len, >, 2);
  g_task_set_task_data (task, &job, NULL);
  g_task_run_in_thread (task, export_in_thread);
  while (!g_task_get_completed (task))
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (job.progress_calls, ==, 2);
}

/* The test's own folder, which holds files and folders of files only. */
static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_assert_no_error (error);
  schema = g_build_filename (g_getenv ("FZ_DATA_DIR"), "fanzha-summary.rng", NULL);
  tmp_dir = g_dir_make_tmp ("test-summary-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/summary/seed-validates", test_seed_validates);
  g_test_add_func ("/summary/generated-validates", test_generated_validates);
  g_test_add_func ("/summary/round-trip", test_round_trip);
  g_test_add_func ("/summary/forbidden-characters", test_forbidden_characters);
  g_test_add_func ("/summary/found-by-checksum", test_found_by_checksum);
  g_test_add_func ("/summary/same-names", test_same_names);
  g_test_add_func ("/summary/cancelled", test_cancelled);
  g_test_add_func ("/summary/task-progress-cancel", test_task_progress_cancel);
  status = g_test_run ();

  if (status == 0)
    remove_tree (tmp_dir);
  fz_pipeline_unref (pipeline);
  g_free (schema);
  g_free (tmp_dir);
  return status;
}
