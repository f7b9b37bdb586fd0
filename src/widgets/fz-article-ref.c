/* fz-article-ref.c: a reference to one article of a document. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-article-ref.h"

struct _FzArticleRef
{
  GObject     parent_instance;
  FzDocument *document;
  guint       index;
};

G_DEFINE_FINAL_TYPE (FzArticleRef, fz_article_ref, G_TYPE_OBJECT)

static void
fz_article_ref_finalize (GObject *object)
{
  FzArticleRef *self = FZ_ARTICLE_REF (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (fz_article_ref_parent_class)->finalize (object);
}

static void
fz_article_ref_class_init (FzArticleRefClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_article_ref_finalize;
}

static void
fz_article_ref_init (FzArticleRef *self)
{
}

FzArticleRef *
fz_article_ref_new (FzDocument *document,
                    guint       index)
{
  FzArticleRef *self;

  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  self = g_object_new (FZ_TYPE_ARTICLE_REF, NULL);
  self->document = g_object_ref (document);
  self->index = index;
  return self;
}

FzDocument *
fz_article_ref_get_document (FzArticleRef *self)
{
  g_return_val_if_fail (FZ_IS_ARTICLE_REF (self), NULL);
  return self->document;
}

guint
fz_article_ref_get_index (FzArticleRef *self)
{
  g_return_val_if_fail (FZ_IS_ARTICLE_REF (self), 0);
  return self->index;
}

FzArticle *
fz_article_ref_get_article (FzArticleRef *self)
{
  GPtrArray *articles;

  g_return_val_if_fail (FZ_IS_ARTICLE_REF (self), NULL);
  articles = fz_document_get_articles (self->document);
  g_return_val_if_fail (articles != NULL && self->index < articles->len, NULL);
  return g_ptr_array_index (articles, self->index);
}
