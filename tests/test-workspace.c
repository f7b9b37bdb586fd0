/* test-workspace.c: the app's state object: loading, dates, removal, the index kept up to date. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <string.h>

#include "fz-error.h"
#include "fz-workspace.h"

static FzPipeline *shared_pipeline;

typedef struct
{
  char      *dir;
  GPtrArray *files;   /* GFile */
} Pages;

static void
pages_free (Pages *pages)
{
  for (guint i = 0; i < pages->files->len; i++)
    {
      g_autofree char *path = g_file_get_path (pages->files->pdata[i]);

      g_unlink (path);
    }
  g_rmdir (pages->dir);
  g_free (pages->dir);
  g_ptr_array_unref (pages->files);
  g_free (pages);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pages, pages_free)

/* A folder of @n pages written for the test, named page-1.txt on, the text of page i made by
 * @text_of (i). */
static Pages *
pages_write (guint   n,
             char *(*text_of) (guint i))
{
  Pages *pages = g_new0 (Pages, 1);

  pages->dir = g_dir_make_tmp ("fz-workspace-XXXXXX", NULL);
  pages->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%u.txt", i + 1);
      g_autofree char *path = g_build_filename (pages->dir, name, NULL);
      g_autofree char *text = text_of (i);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      g_ptr_array_add (pages->files, g_file_new_for_path (path));
    }
  return pages;
}

/* Two cities, a month each, no masthead date. */
static char *
two_cities (guint i)
{
  static const char * const texts[] = {
    "湖州市公安局通报\n3月份，湖州市公安局破获电信网络诈骗案件30起，劝阻群众1200人次。\n",
    "连云港市公安局通报\n3月份，连云港市公安局破获电信网络诈骗案件45起，劝阻群众900人次。\n",
  };

  return g_strdup (texts[i]);
}

static Pages *
pages_new (void)
{
  return pages_write (2, two_cities);
}

/* One city, a case count each. */
static char *
one_city (guint i)
{
  return g_strdup_printf ("湖州市公安局通报\n3月份，湖州市公安局破获电信网络诈骗案件%u起。\n",
                          i + 1);
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *errors;
  gboolean   done;
  guint      n_index;
  guint      n_changed;
} Wait;

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  Wait *w = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_workspace_load_finish (FZ_WORKSPACE (source), result, &w->errors, &error));
  g_assert_no_error (error);
  w->done = TRUE;
}

static void
index_changed (FzWorkspace *workspace,
               Wait        *w)
{
  w->n_index++;
}

static void
document_changed (FzWorkspace *workspace,
                  FzDocument  *document,
                  Wait        *w)
{
  w->n_changed++;
}

static void
iterate_until (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until the index settles after a change. */
static void
wait_for_index (FzWorkspace *workspace,
                Wait        *w)
{
  guint before = w->n_index;

  while (w->n_index == before || fz_workspace_get_computing (workspace))
    g_main_context_iteration (NULL, TRUE);
}

static FzWorkspace *
loaded_workspace (Pages *pages,
                  Wait  *w)
{
  FzWorkspace *workspace = fz_workspace_new ();

  g_signal_connect (workspace, "index-changed", G_CALLBACK (index_changed), w);
  g_signal_connect (workspace, "document-changed", G_CALLBACK (document_changed), w);
  /* Asked before the pipeline is there: the load waits for it. */
  fz_workspace_load_async (workspace, (GFile **) pages->files->pdata, pages->files->len, NULL,
                           loaded, w);
  g_assert_true (fz_workspace_get_loading (workspace));
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (w->done);
  fz_workspace_set_pipeline (workspace, shared_pipeline);
  iterate_until (&w->done);
  g_assert_false (fz_workspace_get_loading (workspace));
  wait_for_index (workspace, w);
  return workspace;
}

static const FzIndexRegion *
region_named (FzWorkspace *workspace,
              const char  *prefix)
{
  FzIndexResult *result = fz_workspace_get_index_result (workspace);

  for (guint i = 0; i < fz_index_result_get_n_regions (result); i++)
    {
      const FzIndexRegion *r = fz_index_result_get_region (result, i);

      if (g_str_has_prefix (r->name, prefix))
        return r;
    }
  return NULL;
}

static void
test_load_and_index (void)
{
  g_autoptr(Pages) pages = pages_new ();
  Wait w = { 0 };
  g_autoptr(FzWorkspace) workspace = loaded_workspace (pages, &w);
  GListModel *documents = fz_workspace_get_documents (workspace);
  g_autofree char *path = g_file_get_path (pages->files->pdata[1]);
  const FzIndexCell *cell;

  g_assert_cmpuint (w.errors->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  g_assert_nonnull (fz_workspace_lookup_document (workspace, path));
  g_assert_nonnull (region_named (workspace, "湖州"));
  cell = fz_index_region_get_cell (region_named (workspace, "连云港"), "cases_solved");
  g_assert_nonnull (cell);
  g_assert_nonnull (cell->used);
  g_assert_cmpfloat (cell->used->value, ==, 45);
  /* The observation knows the file it came from by path, not only by name. */
  g_assert_cmpstr (cell->used->path, ==, path);
  g_ptr_array_unref (w.errors);
}

typedef struct
{
  guint listed;
  guint listed_analysed;
  guint index_during_load;
} Arrival;

static void
arrived (Arrival    *arrival,
         guint       position,
         guint       removed,
         guint       added,
         GListModel *documents)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(FzDocument) document = g_list_model_get_item (documents, i);

      arrival->listed++;
      arrival->listed_analysed += fz_document_get_figures (document) != NULL;
    }
}

static void
index_during_load (FzWorkspace *workspace,
                   Arrival     *arrival)
{
  arrival->index_during_load += fz_workspace_get_loading (workspace);
}

/* A page is in the list as soon as it is read, before its analysis; the load completes once
 * every page is analysed, and the index is computed once, after it, not for every batch. */
static void
test_list_before_analysis (void)
{
  g_autoptr(Pages) pages = pages_new ();
  g_autoptr(FzWorkspace) workspace = fz_workspace_new ();
  GListModel *documents = fz_workspace_get_documents (workspace);
  Arrival arrival = { 0 };
  Wait w = { 0 };

  g_signal_connect_swapped (documents, "items-changed", G_CALLBACK (arrived), &arrival);
  g_signal_connect (workspace, "index-changed", G_CALLBACK (index_during_load), &arrival);
  g_signal_connect (workspace, "document-changed", G_CALLBACK (document_changed), &w);
  g_signal_connect (workspace, "index-changed", G_CALLBACK (index_changed), &w);
  fz_workspace_set_pipeline (workspace, shared_pipeline);
  fz_workspace_load_async (workspace, (GFile **) pages->files->pdata, pages->files->len, NULL,
                           loaded, &w);
  iterate_until (&w.done);
  g_assert_cmpuint (arrival.listed, ==, pages->files->len);
  g_assert_cmpuint (arrival.listed_analysed, ==, 0);
  /* Each analysis was stored, and said so. */
  g_assert_cmpuint (w.n_changed, ==, pages->files->len);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(FzDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *regions = fz_document_dup_regions (document);

      g_assert_nonnull (fz_document_get_figures (document));
      g_assert_nonnull (regions);
    }
  g_assert_true (fz_workspace_get_computing (workspace));
  wait_for_index (workspace, &w);
  g_assert_cmpuint (w.n_index, ==, 1);
  g_assert_cmpuint (arrival.index_during_load, ==, 0);
  g_assert_cmpfloat (fz_workspace_get_index_progress (workspace), ==, 1.0);
  g_ptr_array_unref (w.errors);
}

static void
date_on_arrival (FzWorkspace *workspace,
                 guint        position,
                 guint        removed,
                 guint        added,
                 GListModel  *documents)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(FzDocument) document = g_list_model_get_item (documents, i);

      g_assert_true (fz_workspace_set_document_date (workspace, document, "2020-12-02", NULL));
    }
}

/* A date set while a page waits for its analysis wins over the page's own, whichever of the
 * two analyses is stored last. */
static void
test_date_before_analysis (void)
{
  g_autoptr(Pages) pages = pages_new ();
  g_autoptr(FzWorkspace) workspace = fz_workspace_new ();
  GListModel *documents = fz_workspace_get_documents (workspace);
  Wait w = { 0 };

  g_signal_connect_swapped (documents, "items-changed", G_CALLBACK (date_on_arrival), workspace);
  g_signal_connect (workspace, "document-changed", G_CALLBACK (document_changed), &w);
  g_signal_connect (workspace, "index-changed", G_CALLBACK (index_changed), &w);
  fz_workspace_set_pipeline (workspace, shared_pipeline);
  fz_workspace_load_async (workspace, (GFile **) pages->files->pdata, pages->files->len, NULL,
                           loaded, &w);
  iterate_until (&w.done);
  /* Each page: its load's analysis, and the one for the date. */
  while (w.n_changed < 2 * pages->files->len)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(FzDocument) document = g_list_model_get_item (documents, i);
      FzFigureList *figures = fz_document_get_figures (document);

      g_assert_cmpstr (fz_document_get_date (document), ==, "2020-12-02");
      g_assert_nonnull (figures);
      for (guint k = 0; k < fz_figure_list_get_n (figures); k++)
        {
          const char *period = fz_figure_list_str (figures, fz_figure_list_get (figures, k)->period);

          /* 3月份 of a page of 2020, not of a year not known. */
          g_assert_true (*period == '\0' || g_str_has_prefix (period, "2020-"));
        }
    }
  g_ptr_array_unref (w.errors);
}

static void
test_remove_insert (void)
{
  g_autoptr(Pages) pages = pages_new ();
  Wait w = { 0 };
  g_autoptr(FzWorkspace) workspace = loaded_workspace (pages, &w);
  GListModel *documents = fz_workspace_get_documents (workspace);
  g_autoptr(FzDocument) first = g_list_model_get_item (documents, 0);

  g_assert_cmpint (fz_workspace_remove_document (workspace, first), ==, 0);
  g_assert_cmpint (fz_workspace_remove_document (workspace, first), ==, -1);
  wait_for_index (workspace, &w);
  g_assert_null (region_named (workspace, "湖州"));
  fz_workspace_insert_document (workspace, 0, first);
  wait_for_index (workspace, &w);
  g_assert_nonnull (region_named (workspace, "湖州"));
  g_assert_true (g_list_model_get_item (documents, 0) == (gpointer) first);
  g_object_unref (first);
  g_ptr_array_unref (w.errors);
}

static void
test_set_date (void)
{
  g_autoptr(Pages) pages = pages_new ();
  Wait w = { 0 };
  g_autoptr(FzWorkspace) workspace = loaded_workspace (pages, &w);
  g_autoptr(FzDocument) doc = g_list_model_get_item (fz_workspace_get_documents (workspace), 0);
  g_autoptr(GError) error = NULL;
  const FzIndexCell *cell;

  g_assert_null (fz_workspace_get_document_date (workspace, doc));
  g_assert_false (fz_workspace_set_document_date (workspace, doc, "not a date", &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  /* Each page's analysis, stored as it loaded, was a change too: count from here. */
  w.n_changed = 0;
  g_assert_true (fz_workspace_set_document_date (workspace, doc, "2023-04-02", NULL));
  g_assert_cmpstr (fz_workspace_get_document_date (workspace, doc), ==, "2023-04-02");
  while (w.n_changed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (fz_document_get_date (doc), ==, "2023-04-02");
  wait_for_index (workspace, &w);
  cell = fz_index_region_get_cell (region_named (workspace, "湖州"), "cases_solved");
  g_assert_cmpstr (cell->observations->len > 0
                   ? ((FzObservation *) cell->observations->pdata[0])->period : "", ==,
                   "2023-03/2023-03");
  g_ptr_array_unref (w.errors);
}

/* Setting a date before the gazetteer and lexicon are there is refused, not a crash. */
static void
test_set_date_without_pipeline (void)
{
  g_autoptr(FzWorkspace) workspace = fz_workspace_new ();
  const char *text = "破获案件3起";
  g_autoptr(FzDocument) doc = fz_document_new_from_data ("p.txt", (const guint8 *) text,
                                                         strlen (text), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (fz_workspace_set_document_date (workspace, doc, "2023-04-02", &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_FAILED);
  g_assert_null (fz_workspace_get_document_date (workspace, doc));
}

static void
test_options (void)
{
  g_autoptr(Pages) pages = pages_new ();
  Wait w = { 0 };
  g_autoptr(FzWorkspace) workspace = loaded_workspace (pages, &w);
  FzIndexOptions options = *fz_workspace_get_index_options (workspace);
  char period[] = "2023";

  options.normalisation = FZ_NORMALISATION_PERCENTILE;
  options.period = period;
  fz_workspace_set_index_options (workspace, &options);
  /* The workspace keeps its own copy of the period. */
  period[0] = 'X';
  wait_for_index (workspace, &w);
  g_assert_cmpstr (fz_workspace_get_index_options (workspace)->period, ==, "2023");
  g_assert_cmpint (fz_workspace_get_index_options (workspace)->normalisation, ==,
                   FZ_NORMALISATION_PERCENTILE);
  g_ptr_array_unref (w.errors);
}

typedef struct
{
  guint done;
  guint total;
  guint backwards;
} Progress;

static void
progress_seen (FzWorkspace *workspace,
               guint        done,
               guint        total,
               Progress    *progress)
{
  if (done < progress->done)
    progress->backwards++;
  progress->done = done;
  progress->total = total;
}

/* More pages than one go of the main loop stores: each is stored once and analysed, the bar
 * only moves on, and the load ends with all of them. */
static void
test_many_pages (void)
{
  guint n = 300;
  g_autoptr(Pages) pages = pages_write (n, one_city);
  g_autoptr(GFile) folder = g_file_new_for_path (pages->dir);
  g_autoptr(FzWorkspace) workspace = fz_workspace_new ();
  GListModel *documents = fz_workspace_get_documents (workspace);
  Progress progress = { 0 };
  Wait w = { 0 };

  g_signal_connect (workspace, "document-changed", G_CALLBACK (document_changed), &w);
  g_signal_connect (workspace, "load-progress", G_CALLBACK (progress_seen), &progress);
  fz_workspace_set_pipeline (workspace, shared_pipeline);
  fz_workspace_load_async (workspace, &folder, 1, NULL, loaded, &w);
  iterate_until (&w.done);

  g_assert_cmpuint (w.errors->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n);
  g_assert_cmpuint (w.n_changed, ==, n);
  g_assert_cmpuint (progress.backwards, ==, 0);
  g_assert_cmpuint (progress.done, ==, n);
  g_assert_cmpuint (progress.total, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzDocument) document = g_list_model_get_item (documents, i);
      FzFigureList *figures = fz_document_get_figures (document);

      g_assert_nonnull (figures);
      g_assert_cmpuint (fz_figure_list_get_n (figures), >=, 1);
    }
  g_ptr_array_unref (w.errors);
}

/* The last reference dropped while a folder loads: the load ends, and nothing runs on a
 * workspace that is gone. */
static void
test_unref_while_loading (void)
{
  /* More pages than one go stores: the items of a go hold the last references. */
  g_autoptr(Pages) pages = pages_write (200, one_city);
  g_autoptr(GFile) folder = g_file_new_for_path (pages->dir);
  FzWorkspace *workspace = fz_workspace_new ();
  Wait w = { 0 };
  GWeakRef weak;

  fz_workspace_set_pipeline (workspace, shared_pipeline);
  g_weak_ref_init (&weak, workspace);
  fz_workspace_load_async (workspace, &folder, 1, NULL, loaded, &w);
  g_object_unref (workspace);
  iterate_until (&w.done);
  /* The task held the workspace until it returned; the index's timer holds nothing. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  workspace = g_weak_ref_get (&weak);
  g_assert_null (workspace);
  g_weak_ref_clear (&weak);
  g_ptr_array_unref (w.errors);
}


static FzFigureId
figure_with_value (FzDocument *document,
                   const char *value)
{
  FzFigureList *figures = fz_document_get_figures (document);

  for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
    {
      const FzFigure *f = fz_figure_list_get (figures, i);

      if (g_strcmp0 (fz_figure_list_str (figures, f->value), value) == 0)
        return FZ_FIGURE_ID (f->start, f->end);
    }
  g_assert_not_reached ();
}

/* A figure the analyst rejects leaves the index; undo brings it back. */
static void
test_decisions_reach_index (void)
{
  g_autoptr(Pages) pages = pages_new ();
  Wait w = { 0 };
  g_autoptr(FzWorkspace) workspace = loaded_workspace (pages, &w);
  g_autoptr(FzDocument) doc = g_list_model_get_item (fz_workspace_get_documents (workspace), 1);
  FzDecisions *decisions = fz_workspace_get_decisions (workspace);
  g_autoptr(FzFigureList) changed = NULL;
  g_autoptr(GError) error = NULL;

  changed = fz_decisions_reject (decisions, doc, figure_with_value (doc, "45"), NULL, &error);
  g_assert_no_error (error);
  wait_for_index (workspace, &w);
  g_assert_null (fz_index_region_get_cell (region_named (workspace, "连云港"), "cases_solved"));
  g_assert_true (fz_decisions_undo (decisions));
  wait_for_index (workspace, &w);
  g_assert_nonnull (fz_index_region_get_cell (region_named (workspace, "连云港"), "cases_solved"));
  g_ptr_array_unref (w.errors);
}

/* Saved, then opened in another workspace: the documents, the date and the rejection. */
static void
test_save_and_open (void)
{
  g_autoptr(Pages) pages = pages_new ();
  Wait w = { 0 }, w2 = { 0 };
  g_autoptr(FzWorkspace) workspace = loaded_workspace (pages, &w);
  g_autoptr(FzWorkspace) other = fz_workspace_new ();
  g_autoptr(FzDocument) doc = g_list_model_get_item (fz_workspace_get_documents (workspace), 1);
  g_autofree char *path = g_build_filename (pages->dir, "ws.xml", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(FzFigureList) changed = NULL;
  g_autoptr(GError) error = NULL;
  FzDocument *reopened;

  changed = fz_decisions_reject (fz_workspace_get_decisions (workspace), doc,
                                 figure_with_value (doc, "45"), NULL, &error);
  g_assert_no_error (error);
  w.n_changed = 0;
  g_assert_true (fz_workspace_set_document_date (workspace, doc, "2021-05-06", NULL));
  while (w.n_changed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (fz_workspace_save (workspace, path, &error));
  g_assert_no_error (error);

  g_signal_connect (other, "index-changed", G_CALLBACK (index_changed), &w2);
  fz_workspace_set_pipeline (other, shared_pipeline);
  g_assert_true (fz_workspace_open (other, path, NULL, loaded, &w2, &error));
  g_assert_no_error (error);
  iterate_until (&w2.done);
  g_assert_cmpuint (g_list_model_get_n_items (fz_workspace_get_documents (other)), ==, 2);
  reopened = fz_workspace_lookup_document (other, g_file_peek_path (pages->files->pdata[1]));
  g_assert_nonnull (reopened);
  g_assert_cmpstr (fz_workspace_get_document_date (other, reopened), ==, "2021-05-06");
  while (g_strcmp0 (fz_document_get_date (reopened), "2021-05-06") != 0)
    g_main_context_iteration (NULL, TRUE);
  /* Read again with its date, the index follows. */
  while (fz_workspace_get_computing (other) || fz_workspace_get_index_result (other) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (fz_index_region_get_cell (region_named (other, "连云港"), "cases_solved"));
  g_unlink (path);
  g_unlink (backup);
  g_ptr_array_unref (w.errors);
  g_ptr_array_unref (w2.errors);
}

/* Autosave: a change is on disk within a second, without a call to save. */
static void
test_autosave (void)
{
  g_autoptr(Pages) pages = pages_new ();
  Wait w = { 0 };
  g_autoptr(FzWorkspace) workspace = loaded_workspace (pages, &w);
  g_autoptr(FzDocument) doc = g_list_model_get_item (fz_workspace_get_documents (workspace), 0);
  g_autofree char *path = g_build_filename (pages->dir, "auto.xml", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *saved = NULL;
  gint64 deadline;

  fz_workspace_set_autosave_path (workspace, path);
  fz_decisions_set_document_note (fz_workspace_get_decisions (workspace),
                                  g_file_peek_path (pages->files->pdata[0]), "核实来源");
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline + 200000)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "核实来源"));
  g_unlink (path);
  g_unlink (backup);
  g_ptr_array_unref (w.errors);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  shared_pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_assert_no_error (error);
  g_test_add_func ("/workspace/load-and-index", test_load_and_index);
  g_test_add_func ("/workspace/list-before-analysis", test_list_before_analysis);
  g_test_add_func ("/workspace/date-before-analysis", test_date_before_analysis);
  g_test_add_func ("/workspace/remove-insert", test_remove_insert);
  g_test_add_func ("/workspace/set-date", test_set_date);
  g_test_add_func ("/workspace/set-date-without-pipeline", test_set_date_without_pipeline);
  g_test_add_func ("/workspace/options", test_options);
  g_test_add_func ("/workspace/many-pages", test_many_pages);
  g_test_add_func ("/workspace/unref-while-loading", test_unref_while_loading);
  g_test_add_func ("/workspace/decisions-reach-index", test_decisions_reach_index);
  g_test_add_func ("/workspace/save-and-open", test_save_and_open);
  g_test_add_func ("/workspace/autosave", test_autosave);
  status = g_test_run ();
  fz_pipeline_unref (shared_pipeline);
  return status;
}
