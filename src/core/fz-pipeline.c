/* fz-pipeline.c: runs extraction, attribution and periods over a document, in that order. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fz-attribution.h"
#include "fz-document-date.h"
#include "fz-error.h"
#include "fz-extractor.h"
#include "fz-period-finder.h"
#include "fz-pipeline.h"
#include "fz-pipeline-private.h"
#include "fz-charset.h"
#include "fz-script.h"

#include <string.h>

struct _FzPipeline
{
  gatomicrefcount  ref;
  char            *data_dir;
  FzLexicon       *lexicon;
  FzGazetteer     *gazetteer;
};

static char *
find_data_dir (void)
{
  const char *env = g_getenv ("FANZHA_DATADIR");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "gazetteer.tsv", NULL);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_strdup (PKGDATADIR);
  /* Run from the build tree: the data files are read where they are kept. */
  return g_strdup (SOURCE_DATADIR);
}

/* The analyst's own indicators, kept beside their settings, extend the shipped ones. */
static gboolean
add_user_files (FzPipeline  *self,
                GError     **error)
{
  g_autofree char *lexicon = g_build_filename (g_get_user_config_dir (), "fanzha",
                                               "indicators.tsv", NULL);

  if (g_file_test (lexicon, G_FILE_TEST_IS_REGULAR)
      && !fz_lexicon_add_from_file (self->lexicon, lexicon, error))
    return FALSE;
  return TRUE;
}

FzPipeline *
fz_pipeline_new (const char  *data_dir,
                 GError     **error)
{
  g_autoptr(FzPipeline) self = g_new0 (FzPipeline, 1);
  g_autofree char *lexicon_path = NULL;
  g_autofree char *gazetteer_path = NULL;
  g_autofree char *aliases_path = NULL;
  g_autofree char *traditional_path = NULL;
  g_autofree char *user_aliases_path = g_build_filename (g_get_user_config_dir (), "fanzha",
                                                         "region-aliases.tsv", NULL);
  /* Building the gazetteer is most of a short run: it is kept built in the user's cache. */
  g_autofree char *image_path = g_build_filename (g_get_user_cache_dir (), "fanzha",
                                                  "gazetteer.image", NULL);
  const char *aliases[4] = { NULL };

  g_atomic_ref_count_init (&self->ref);
  self->data_dir = data_dir != NULL ? g_strdup (data_dir) : find_data_dir ();
  lexicon_path = g_build_filename (self->data_dir, "indicators.tsv", NULL);
  gazetteer_path = g_build_filename (self->data_dir, "gazetteer.tsv", NULL);
  aliases_path = g_build_filename (self->data_dir, "region-aliases.tsv", NULL);
  traditional_path = g_build_filename (self->data_dir, "gazetteer-traditional.tsv", NULL);

  self->lexicon = fz_lexicon_new_from_file (lexicon_path, error);
  if (self->lexicon == NULL)
    return NULL;
  /* Zones and other names; Hong Kong, Macau and Taiwan as their pages write them, for a page
   * too mixed for the view; the analyst's own zones, kept beside their settings. */
  aliases[0] = aliases_path;
  aliases[1] = traditional_path;
  aliases[2] = user_aliases_path;
  self->gazetteer = fz_gazetteer_new_cached (gazetteer_path, aliases, image_path, error);
  if (self->gazetteer == NULL)
    return NULL;
  if (!add_user_files (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

FzPipeline *
fz_pipeline_ref (FzPipeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
fz_pipeline_unref (FzPipeline *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_clear_pointer (&self->lexicon, fz_lexicon_unref);
  g_clear_pointer (&self->gazetteer, fz_gazetteer_unref);
  g_free (self->data_dir);
  g_free (self);
}

gboolean
fz_pipeline_add_lexicon_file (FzPipeline  *self,
                              const char  *path,
                              GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return fz_lexicon_add_from_file (self->lexicon, path, error);
}

gboolean
fz_pipeline_add_aliases_file (FzPipeline  *self,
                              const char  *path,
                              GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return fz_gazetteer_add_aliases_from_file (self->gazetteer, path, error);
}

FzLexicon *
fz_pipeline_get_lexicon (FzPipeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->lexicon;
}

FzGazetteer *
fz_pipeline_get_gazetteer (FzPipeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->gazetteer;
}

static void
new_in_thread (GTask        *task,
               gpointer      source,
               gpointer      data_dir,
               GCancellable *cancellable)
{
  GError *error = NULL;
  FzPipeline *pipeline = fz_pipeline_new (data_dir, &error);

  if (pipeline == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pipeline, (GDestroyNotify) fz_pipeline_unref);
}

void
fz_pipeline_new_async (const char          *data_dir,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, fz_pipeline_new_async);
  g_task_set_task_data (task, g_strdup (data_dir), g_free);
  g_task_run_in_thread (task, new_in_thread);
}

FzPipeline *
fz_pipeline_new_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Hong Kong's, Macau's and Taiwan's own press writes their dollar as 元 (損失約21億元): on a
 * page in traditional script, a bare 元 is that dollar where the figure is about a place
 * there, or where its article writes that dollar out (新臺幣61.5億元); not where 人民币 is
 * written before it. */
static const struct { gint64 province; const char *unit; } local_dollar[] = {
  { 81, "港元" }, { 82, "澳门元" }, { 71, "新台币" },
};

static const char *
local_dollar_of_place (gint64 code)
{
  while (code >= 100)
    code /= 100;
  for (guint d = 0; d < G_N_ELEMENTS (local_dollar); d++)
    if (local_dollar[d].province == code)
      return local_dollar[d].unit;
  return NULL;
}

static const char *
local_dollar_of_article (FzFigureList *figures,
                         int           article)
{
  guint n = fz_figure_list_get_n (figures);

  for (guint i = 0; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (figures, i);
      const char *unit = fz_figure_list_str (figures, f->unit);

      if (f->kind != FZ_KIND_MONEY || f->article != article)
        continue;
      for (guint d = 0; d < G_N_ELEMENTS (local_dollar); d++)
        if (strcmp (unit, local_dollar[d].unit) == 0)
          return local_dollar[d].unit;
    }
  return NULL;
}

static gboolean
renminbi_before (const gunichar *chars,
                 guint           n_chars,
                 guint32         start)
{
  static const gunichar rmb[] = { 0x4EBA, 0x6C11, 0x5E01 };   /* 人民币 */
  guint32 k = MIN (start, n_chars);

  while (k > 0 && fz_charset_is_space (chars[k - 1]))
    k--;
  return k >= G_N_ELEMENTS (rmb) && memcmp (chars + k - G_N_ELEMENTS (rmb), rmb, sizeof rmb) == 0;
}

static void
local_dollars (FzFigureList   *figures,
               const gunichar *chars,
               guint           n_chars)
{
  guint n = fz_figure_list_get_n (figures);

  for (guint i = 0; i < n; i++)
    {
      FzFigure *f = fz_figure_list_get_mut (figures, i);
      const char *dollar;

      if (f->kind != FZ_KIND_MONEY || strcmp (fz_figure_list_str (figures, f->unit), "元") != 0 ||
          renminbi_before (chars, n_chars, f->start))
        continue;
      dollar = local_dollar_of_place (f->region_code);
      if (dollar == NULL)
        dollar = local_dollar_of_article (figures, f->article);
      if (dollar != NULL)
        f->unit = fz_figure_list_intern (figures, dollar, -1);
    }
}

/* Stages 4 to 7 over @document's text, writing the articles' regions into @articles. */
static FzFigureList *
run (FzPipeline     *self,
     FzDocument     *document,
     GPtrArray      *articles,
     const char     *date,
     char          **found_date,
     const gunichar *given,
     guint           n_given)
{
  FzFigureList *figures;
  g_autofree char *view = NULL;
  g_autofree gunichar *owned = NULL;
  const gunichar *chars;
  guint n_chars = 0;
  const char *text;
  gsize len;
  GDate doc_date;
  gboolean dated = FALSE;

  if (found_date != NULL)
    *found_date = NULL;
  text = fz_document_get_text (document, &len);
  /* A traditional page is read in simplified characters, offset for offset. */
  view = fz_script_view (text, len);
  if (view != NULL)
    text = view;
  figures = fz_extract (text, len);
  if (view != NULL)
    fz_script_restore_units (figures, view, fz_document_get_text (document, NULL));
  /* Attribution and periods read the same characters: decoded once, here, unless the
   * loader read them while it checked the text. A traditional page is read in its view. */
  if (given != NULL && view == NULL)
    {
      chars = given;
      n_chars = n_given;
    }
  else
    chars = owned = fz_charset_to_ucs4 (text, len, FALSE, &n_chars);
  _fz_attribute_chars (self->gazetteer, self->lexicon, chars, n_chars, articles, figures);
  if (view != NULL)
    local_dollars (figures, chars, n_chars);

  g_date_clear (&doc_date, 1);
  if (date != NULL)
    dated = fz_doc_date_parse (date, -1, &doc_date);
  else if (fz_doc_date_find_chars (chars, n_chars, &doc_date))
    {
      char iso[16];

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &doc_date);
      if (found_date != NULL)
        *found_date = g_strdup (iso);
      dated = TRUE;
    }
  _fz_period_assign_chars (chars, n_chars, figures, articles, dated ? &doc_date : NULL);
  return figures;
}

FzFigureList *
fz_pipeline_run (FzPipeline  *self,
                 FzDocument  *document,
                 const char  *date,
                 char       **found_date)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);

  return run (self, document, fz_document_get_articles (document), date, found_date, NULL, 0);
}

FzAnalysis *
fz_pipeline_run_apart (FzPipeline *self,
                       FzDocument *document,
                       const char *date)
{
  g_autoptr(GPtrArray) articles = NULL;
  FzFigureList *figures;
  char *found = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);

  articles = fz_analysis_copy_articles (document);
  figures = run (self, document, articles, date, &found, NULL, 0);
  /* Here rather than when stored: the main thread has the window to draw. */
  fz_figure_list_compact (figures);
  return fz_analysis_new (figures, found, g_steal_pointer (&articles));
}

void
fz_pipeline_analyze_chars (FzPipeline     *self,
                           FzDocument     *document,
                           const gunichar *chars,
                           guint           n_chars)
{
  g_autoptr(FzFigureList) figures = NULL;
  g_autofree char *found = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (FZ_IS_DOCUMENT (document));

  figures = run (self, document, fz_document_get_articles (document),
                 fz_document_get_date (document), &found, chars, n_chars);
  if (found != NULL)
    fz_document_set_date (document, found);
  fz_document_set_figures (document, figures);
}

void
fz_pipeline_analyze (FzPipeline *self,
                     FzDocument *document)
{
  fz_pipeline_analyze_chars (self, document, NULL, 0);
}
