/* fz-article.h: one article of a page, as offsets into the document text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* All offsets are code points in the decoded document text, end exclusive. */
typedef struct
{
  char    *title;        /* white space normalised; "" for a photo caption */
  char    *byline;       /* 本报记者 … as written, or NULL */
  guint32  start;        /* first code point of the article (title, byline or body) */
  guint32  end;
  guint32  title_start;  /* where the title stands in the text (it may follow the body) */
  guint32  title_end;
  guint32  body_start;   /* first code point of the body */
  guint32  body_end;
  gboolean is_caption;
  char    *region;       /* the place the article is mainly about, filled by attribution */
  gint64   region_code;  /* its gazetteer code, 0 when unknown */
} FzArticle;

FzArticle *fz_article_new  (void);
void       fz_article_free (FzArticle *article);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzArticle, fz_article_free)

G_END_DECLS
