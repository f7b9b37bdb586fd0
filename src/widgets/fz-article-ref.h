/* fz-article-ref.h: one article of a document, as a row under its page in the document list. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-document.h"

G_BEGIN_DECLS

#define FZ_TYPE_ARTICLE_REF (fz_article_ref_get_type ())

G_DECLARE_FINAL_TYPE (FzArticleRef, fz_article_ref, FZ, ARTICLE_REF, GObject)

FzArticleRef *fz_article_ref_new          (FzDocument   *document,
                                           guint         index);
FzDocument   *fz_article_ref_get_document (FzArticleRef *self);
guint         fz_article_ref_get_index    (FzArticleRef *self);
FzArticle    *fz_article_ref_get_article  (FzArticleRef *self);

G_END_DECLS
