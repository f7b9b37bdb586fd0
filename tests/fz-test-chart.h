/* fz-test-chart.h: the index of the seed pages, for the chart tests and the chart pane's. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fz-document.h"
#include "fz-index-feed.h"
#include "fz-pipeline.h"

/* Feeds every seed page of $FZ_SHARED_DIR/corpus into a new index; NULL (test skipped) when
 * the pages are not there. @documents, if not NULL, gets the documents by name. */
static inline FzIndex *
fz_test_chart_seed_index (FzPipeline **pipeline_out,
                          GHashTable  *documents)
{
  g_autofree char *dir = g_build_filename (g_getenv ("FZ_SHARED_DIR") ?: "../shared", "corpus",
                                           NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(FzPipeline) pipeline = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  FzIndex *index;
  const char *name;

  if (listing == NULL)
    {
      g_test_skip ("no seed pages; set FZ_SHARED_DIR");
      return NULL;
    }
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_assert_no_error (error);
  index = fz_index_new ();
  fz_index_feed_lexicon (index, fz_pipeline_get_lexicon (pipeline));
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(FzDocument) document = fz_document_load (file, NULL, &error);

      g_assert_no_error (error);
      fz_pipeline_analyze (pipeline, document);
      fz_index_feed_document (index, fz_pipeline_get_gazetteer (pipeline), document,
                              FZ_REGION_LEVEL_UNKNOWN);
      if (documents != NULL)
        g_hash_table_insert (documents, g_strdup (fz_document_get_name (document)),
                             g_object_ref (document));
    }
  if (pipeline_out != NULL)
    *pipeline_out = g_steal_pointer (&pipeline);
  return index;
}
