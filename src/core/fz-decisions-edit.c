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

static void
target_init (FzDecisions *self,
             FzDocument  *document,
             FzFigureId   id,
             Target      *t)
{
  t->path = fz_decisions_document_key (document);
  t->doc = _fz_decisions_sync (self, document, t->path);
  t->id = id;
  t->machine_list = fz_document_get_figures (document);
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

  target_init (self, document, id, t);
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
  target_init (self, document, FZ_FIGURE_ID (start, end), &t);
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
    machine_value = fz_figure_field_get (t.machine_list, t.machine, field);
  g_clear_pointer (&t.decision->fields[field], g_free);
  /* Setting the machine's own value takes the edit back. */
  if (t.decision->added || g_strcmp0 (machine_value, canonical) != 0)
    t.decision->fields[field] = g_steal_pointer (&canonical);
  return target_commit (self, document, &t, status);
}

/* Rejecting, restoring and accepting differ only in the flags they set; KEEP leaves one as
 * it is. */
#define KEEP (-1)

static FzFigureList *
set_flags (FzDecisions     *self,
           FzDocument      *document,
           FzFigureId       id,
           gint             rejected,
           gint             accepted,
           FzFigureStatus  *status,
           GError         **error)
{
  g_auto(Target) t = { 0 };

  if (!target_find (self, document, id, &t, error))
    return NULL;
  if (rejected != KEEP)
    t.decision->rejected = rejected;
  if (accepted != KEEP)
    t.decision->accepted = accepted;
  return target_commit (self, document, &t, status);
}

FzFigureList *
fz_decisions_reject (FzDecisions     *self,
                     FzDocument      *document,
                     FzFigureId       id,
                     FzFigureStatus  *status,
                     GError         **error)
{
  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  return set_flags (self, document, id, TRUE, FALSE, status, error);
}

FzFigureList *
fz_decisions_restore (FzDecisions     *self,
                      FzDocument      *document,
                      FzFigureId       id,
                      FzFigureStatus  *status,
                      GError         **error)
{
  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  return set_flags (self, document, id, FALSE, KEEP, status, error);
}

FzFigureList *
fz_decisions_set_accepted (FzDecisions     *self,
                           FzDocument      *document,
                           FzFigureId       id,
                           gboolean         accepted,
                           FzFigureStatus  *status,
                           GError         **error)
{
  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  if (accepted)
    return set_flags (self, document, id, FALSE, TRUE, status, error);
  return set_flags (self, document, id, KEEP, FALSE, status, error);
}

/* Figure and article notes: valid UTF-8, and an empty one is no note. */
static gboolean
note_check (const char  *note,
            GError     **error)
{
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID, _("The note is not valid UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

static char *
note_dup (const char *note)
{
  return note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
}

/* The note stored under @key, in the articles' table or the figures'. */
static const char *
stored_note (FzDecisions *self,
             FzDocument  *document,
             gboolean     article,
             FzFigureId   key)
{
  g_autofree char *path = fz_decisions_document_key (document);
  FzDocDecisions *doc;
  const FzDecision *d;

  if (!fz_decisions_has_document (self, path))
    return NULL;
  doc = _fz_decisions_sync (self, document, path);
  d = g_hash_table_lookup (article ? doc->articles : doc->figures, &key);
  return d != NULL ? d->note : NULL;
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
  if (!note_check (note, error) || !target_find (self, document, id, &t, error))
    return NULL;
  g_free (t.decision->note);
  t.decision->note = note_dup (note);
  return target_commit (self, document, &t, status);
}

const char *
fz_decisions_get_figure_note (FzDecisions *self,
                              FzDocument  *document,
                              FzFigureId   id)
{
  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  return stored_note (self, document, FALSE, id);
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
  if (!article_anchor (document, article, &key, error) || !note_check (note, error))
    return FALSE;
  path = fz_decisions_document_key (document);
  _fz_decisions_sync (self, document, path);
  text = fz_document_get_text (document, &len);
  d = _fz_decision_new (FZ_DECISION_ARTICLE);
  _fz_anchor_init (&d->anchor, text, len, FZ_FIGURE_ID_START (key), FZ_FIGURE_ID_END (key));
  d->note = note_dup (note);
  _fz_decisions_put (self, path, FZ_DECISION_ARTICLE, key, d);
  return TRUE;
}

const char *
fz_decisions_get_article_note (FzDecisions *self,
                               FzDocument  *document,
                               guint        article)
{
  FzFigureId key;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  if (!article_anchor (document, article, &key, NULL))
    return NULL;
  return stored_note (self, document, TRUE, key);
}

