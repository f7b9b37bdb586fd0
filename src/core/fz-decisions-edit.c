/* fz-decisions-edit.c: the analyst's actions on figures and articles, each one undoable call
 * that returns the figure as it is now. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-decisions-private.h"

#include <glib/gi18n-lib.h>

#include "fz-error.h"

/* The figure an action is about, and a copy of its decision to change. */
typedef struct
{
  char           *path;
  FzDocDecisions *doc;
  FzFigureList   *machine_list;
  const FzFigure *machine;    /* NULL for an added figure */
  FzDecision     *decision;
  FzFigureId      id;
} Target;

static void
target_clear (Target *t)
{
  g_clear_pointer (&t->path, g_free);
  g_clear_pointer (&t->decision, _fz_decision_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

static const FzFigure *
machine_figure (FzFigureList *list,
                FzFigureId    id)
{
  for (guint i = 0; list != NULL && i < fz_figure_list_get_n (list); i++)
    {
      const FzFigure *f = fz_figure_list_get (list, i);

      if (FZ_FIGURE_ID (f->start, f->end) == id)
        return f;
    }
  return NULL;
}

static gboolean
target_find (FzDecisions  *self,
             FzDocument   *document,
             FzFigureId    id,
             Target       *t,
             GError      **error)
{
  const FzDecision *existing;
  gsize len = 0;
  const char *text = fz_document_get_text (document, &len);

  t->path = fz_decisions_document_key (document);
  t->doc = _fz_decisions_sync (self, document, t->path);
  t->id = id;
  t->machine_list = fz_document_get_figures (document);
  t->machine = machine_figure (t->machine_list, id);
  existing = g_hash_table_lookup (t->doc->figures, &id);
  if (t->machine == NULL && (existing == NULL || !existing->added))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   _("%s: there is no figure at characters %u to %u"),
                   fz_document_get_name (document), FZ_FIGURE_ID_START (id),
                   FZ_FIGURE_ID_END (id));
      return FALSE;
    }
  if (existing != NULL)
    t->decision = _fz_decision_copy (existing);
  else
    {
      t->decision = _fz_decision_new (FZ_DECISION_FIGURE);
      _fz_anchor_init (&t->decision->anchor, text, len, FZ_FIGURE_ID_START (id),
                       FZ_FIGURE_ID_END (id));
    }
  return TRUE;
}

/* Stores the changed decision as one step and returns the figure as it is now. */
static FzFigureList *
target_commit (FzDecisions    *self,
               FzDocument     *document,
               Target         *t,
               FzFigureStatus *status)
{
  FzFigureList *out = fz_figure_list_new ();
  FzFigure *f = _fz_decisions_build_figure (out, t->machine_list, t->machine, t->decision,
                                            t->id, status);

  if (t->machine == NULL)
    _fz_decisions_place_figure (document, f);
  /* A rejected added figure is simply gone (undo brings it back). */
  if (t->decision->added && t->decision->rejected)
    g_clear_pointer (&t->decision, _fz_decision_free);
  _fz_decisions_put (self, t->path, FZ_DECISION_FIGURE, t->id, g_steal_pointer (&t->decision));
  return out;
}

static gboolean
overlaps_live_figure (FzDocDecisions *doc,
                      FzFigureList   *machine,
                      guint           start,
                      guint           end)
{
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; machine != NULL && i < fz_figure_list_get_n (machine); i++)
    {
      const FzFigure *f = fz_figure_list_get (machine, i);
      FzFigureId id = FZ_FIGURE_ID (f->start, f->end);
      const FzDecision *d = g_hash_table_lookup (doc->figures, &id);

      if (f->start < end && start < f->end && (d == NULL || !d->rejected || id ==
                                               FZ_FIGURE_ID (start, end)))
        return TRUE;
    }
  g_hash_table_iter_init (&iter, doc->figures);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const FzDecision *d = value;

      if (d->added && d->anchor.start < end && start < d->anchor.end)
        return TRUE;
    }
  return FALSE;
}

FzFigureList *
fz_decisions_add_figure (FzDecisions     *self,
                         FzDocument      *document,
                         guint            start,
                         guint            end,
                         FzFigureStatus  *status,
                         GError         **error)
{
  g_auto(Target) t = { 0 };
  gsize len = 0;
  const char *text;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = fz_document_get_text (document, &len);
  t.path = fz_decisions_document_key (document);
  t.doc = _fz_decisions_sync (self, document, t.path);
  t.machine_list = fz_document_get_figures (document);
  t.id = FZ_FIGURE_ID (start, end);
  t.decision = _fz_decision_new (FZ_DECISION_FIGURE);
  if (start >= end || !_fz_anchor_init (&t.decision->anchor, text, len, start, end))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   _("%s: characters %u to %u are not a span of the text"),
                   fz_document_get_name (document), start, end);
      return NULL;
    }
  if (overlaps_live_figure (t.doc, t.machine_list, start, end))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   _("%s: characters %u to %u overlap a figure; reject it first"),
                   fz_document_get_name (document), start, end);
      return NULL;
    }
  t.decision->added = TRUE;
  _fz_figure_prefill (t.decision, t.decision->anchor.quote);
  return target_commit (self, document, &t, status);
}

FzFigureList *
fz_decisions_set_field (FzDecisions     *self,
                        FzDocument      *document,
                        FzFigureId       id,
                        FzFigureField    field,
                        const char      *value,
                        FzFigureStatus  *status,
                        GError         **error)
{
  g_auto(Target) t = { 0 };
  g_autofree char *canonical = NULL;
  g_autofree char *machine_value = NULL;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (field < FZ_N_FIGURE_FIELDS, NULL);

  canonical = _fz_figure_field_normalise (field, value, error);
  if (canonical == NULL || !target_find (self, document, id, &t, error))
    return NULL;
  if (!t.decision->added)
    machine_value = _fz_figure_field_get (t.machine_list, t.machine, field);
  g_clear_pointer (&t.decision->fields[field], g_free);
  /* Setting the machine's own value takes the edit back. */
  if (t.decision->added || g_strcmp0 (machine_value, canonical) != 0)
    t.decision->fields[field] = g_steal_pointer (&canonical);
  return target_commit (self, document, &t, status);
}

FzFigureList *
fz_decisions_reject (FzDecisions     *self,
                     FzDocument      *document,
                     FzFigureId       id,
                     FzFigureStatus  *status,
                     GError         **error)
{
  g_auto(Target) t = { 0 };

  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  if (!target_find (self, document, id, &t, error))
    return NULL;
  t.decision->rejected = TRUE;
  t.decision->accepted = FALSE;
  return target_commit (self, document, &t, status);
}

FzFigureList *
fz_decisions_restore (FzDecisions     *self,
                      FzDocument      *document,
                      FzFigureId       id,
                      FzFigureStatus  *status,
                      GError         **error)
{
  g_auto(Target) t = { 0 };

  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  if (!target_find (self, document, id, &t, error))
    return NULL;
  t.decision->rejected = FALSE;
  return target_commit (self, document, &t, status);
}

FzFigureList *
fz_decisions_set_accepted (FzDecisions     *self,
                           FzDocument      *document,
                           FzFigureId       id,
                           gboolean         accepted,
                           FzFigureStatus  *status,
                           GError         **error)
{
  g_auto(Target) t = { 0 };

  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  if (!target_find (self, document, id, &t, error))
    return NULL;
  t.decision->accepted = accepted != FALSE;
  if (accepted)
    t.decision->rejected = FALSE;
  return target_commit (self, document, &t, status);
}

FzFigureList *
fz_decisions_set_figure_note (FzDecisions     *self,
                              FzDocument      *document,
                              FzFigureId       id,
                              const char      *note,
                              FzFigureStatus  *status,
                              GError         **error)
{
  g_auto(Target) t = { 0 };

  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID, _("The note is not valid UTF-8 text"));
      return NULL;
    }
  if (!target_find (self, document, id, &t, error))
    return NULL;
  g_free (t.decision->note);
  t.decision->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
  return target_commit (self, document, &t, status);
}

const char *
fz_decisions_get_figure_note (FzDecisions *self,
                              FzDocument  *document,
                              FzFigureId   id)
{
  g_autofree char *path = NULL;
  FzDocDecisions *doc;
  const FzDecision *d;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  path = fz_decisions_document_key (document);
  if (!fz_decisions_has_document (self, path))
    return NULL;
  doc = _fz_decisions_sync (self, document, path);
  d = g_hash_table_lookup (doc->figures, &id);
  return d != NULL ? d->note : NULL;
}

/* An article is anchored on its first characters, where its title or first line stands. */
static gboolean
article_anchor (FzDocument  *document,
                guint        article,
                FzFigureId  *key,
                GError     **error)
{
  GPtrArray *articles = fz_document_get_articles (document);
  const FzArticle *a;

  if (articles == NULL || article >= articles->len)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID, _("%s: there is no article %u"),
                   fz_document_get_name (document), article + 1);
      return FALSE;
    }
  a = g_ptr_array_index (articles, article);
  *key = FZ_FIGURE_ID (a->start, MIN (a->end, a->start + FZ_ANCHOR_CONTEXT));
  return TRUE;
}

gboolean
fz_decisions_set_article_note (FzDecisions  *self,
                               FzDocument   *document,
                               guint         article,
                               const char   *note,
                               GError      **error)
{
  g_autofree char *path = NULL;
  FzDecision *d;
  FzFigureId key;
  gsize len = 0;
  const char *text;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), FALSE);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), FALSE);
  if (!article_anchor (document, article, &key, error))
    return FALSE;
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID, _("The note is not valid UTF-8 text"));
      return FALSE;
    }
  path = fz_decisions_document_key (document);
  _fz_decisions_sync (self, document, path);
  text = fz_document_get_text (document, &len);
  d = _fz_decision_new (FZ_DECISION_ARTICLE);
  _fz_anchor_init (&d->anchor, text, len, FZ_FIGURE_ID_START (key), FZ_FIGURE_ID_END (key));
  d->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
  _fz_decisions_put (self, path, FZ_DECISION_ARTICLE, key, d);
  return TRUE;
}

const char *
fz_decisions_get_article_note (FzDecisions *self,
                               FzDocument  *document,
                               guint        article)
{
  g_autofree char *path = NULL;
  FzDocDecisions *doc;
  const FzDecision *d;
  FzFigureId key;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  path = fz_decisions_document_key (document);
  if (!fz_decisions_has_document (self, path) || !article_anchor (document, article, &key, NULL))
    return NULL;
  doc = _fz_decisions_sync (self, document, path);
  d = g_hash_table_lookup (doc->articles, &key);
  return d != NULL ? d->note : NULL;
}

