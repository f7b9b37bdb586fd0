/* fz-article.c: one article of a page. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-article.h"

FzArticle *
fz_article_new (void)
{
  FzArticle *article = g_new0 (FzArticle, 1);

  article->title = g_strdup ("");
  return article;
}

void
fz_article_free (FzArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->title);
  g_free (article->byline);
  g_free (article->region);
  g_free (article);
}
