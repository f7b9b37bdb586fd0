/* fz-analysis.c: a document's analysis made on a worker thread, stored by the document's owner. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-analysis.h"

struct _FzAnalysis
{
  FzFigureList *figures;
  char         *found_date;
  GPtrArray    *articles;   /* borrowed copies (fz_analysis_copy_articles ()) */
};

static void
article_copy_free (gpointer data)
{
  FzArticle *copy = data;

  /* Only the region is its own; title and byline are the document's. */
  g_free (copy->region);
  g_free (copy);
}

GPtrArray *
fz_analysis_copy_articles (FzDocument *document)
{
  GPtrArray *articles = fz_document_get_articles (document);
  GPtrArray *copies = g_ptr_array_new_full (articles->len, article_copy_free);

  for (guint i = 0; i < articles->len; i++)
    {
      FzArticle *copy = g_memdup2 (articles->pdata[i], sizeof (FzArticle));

      copy->region = NULL;
      copy->region_code = 0;
      g_ptr_array_add (copies, copy);
    }
  return copies;
}

FzAnalysis *
fz_analysis_new (FzFigureList *figures,
                 char         *found_date,
                 GPtrArray    *articles)
{
  FzAnalysis *self = g_new0 (FzAnalysis, 1);

  self->figures = figures;
  self->found_date = found_date;
  self->articles = articles;
  return self;
}

void
fz_analysis_free (FzAnalysis *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->figures, fz_figure_list_unref);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_free (self->found_date);
  g_free (self);
}

const char *
fz_analysis_get_found_date (FzAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->found_date;
}

void
fz_analysis_apply (FzAnalysis *self,
                   FzDocument *document,
                   const char *date)
{
  GPtrArray *articles;

  g_return_if_fail (self != NULL);
  g_return_if_fail (FZ_IS_DOCUMENT (document));

  articles = fz_document_get_articles (document);
  for (guint i = 0; self->articles != NULL && i < MIN (articles->len, self->articles->len); i++)
    {
      FzArticle *article = articles->pdata[i];
      FzArticle *found = self->articles->pdata[i];

      if (g_strcmp0 (article->region, found->region) != 0)
        {
          g_free (article->region);
          article->region = g_strdup (found->region);
        }
      article->region_code = found->region_code;
    }
  fz_document_set_date (document, date != NULL ? date : self->found_date);
  fz_document_set_figures (document, self->figures);
}
