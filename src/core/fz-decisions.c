/* fz-decisions.c: the store of the analyst's decisions per document, its ::changed signal, and
 * undo and redo over it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-decisions-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

struct _FzDecisions
{
  GObject      parent_instance;

  GHashTable  *docs;      /* path -> FzDocDecisions * */
  FzUndoStack *undo;
  GHashTable  *pending;   /* paths changed, announced when the outermost group ends */
  guint        depth;
};

G_DEFINE_FINAL_TYPE (FzDecisions, fz_decisions, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

FzDecision *
_fz_decision_new (FzDecisionTarget target)
{
  FzDecision *decision = g_new0 (FzDecision, 1);

  decision->target = target;
  decision->attached = TRUE;
  return decision;
}

FzDecision *
_fz_decision_copy (const FzDecision *decision)
{
  FzDecision *copy = g_memdup2 (decision, sizeof *decision);

  _fz_anchor_copy (&copy->anchor, &decision->anchor);
  for (guint i = 0; i < FZ_N_FIGURE_FIELDS; i++)
    copy->fields[i] = g_strdup (decision->fields[i]);
  copy->note = g_strdup (decision->note);
  return copy;
}

void
_fz_decision_free (FzDecision *decision)
{
  _fz_anchor_clear (&decision->anchor);
  for (guint i = 0; i < FZ_N_FIGURE_FIELDS; i++)
    g_free (decision->fields[i]);
  g_free (decision->note);
  g_free (decision);
}

gboolean
_fz_decision_is_empty (const FzDecision *decision)
{
  if (decision->added || decision->rejected || decision->accepted ||
      (decision->note != NULL && decision->note[0] != '\0'))
    return FALSE;
  for (guint i = 0; i < FZ_N_FIGURE_FIELDS; i++)
    if (decision->fields[i] != NULL)
      return FALSE;
  return TRUE;
}

/* Same content (the anchor's context aside): putting one over the other changes nothing. */
static gboolean
decision_equal (const FzDecision *a,
                const FzDecision *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->target != b->target || a->added != b->added || a->rejected != b->rejected ||
      a->accepted != b->accepted || a->attached != b->attached ||
      a->anchor.start != b->anchor.start || a->anchor.end != b->anchor.end ||
      g_strcmp0 (a->note, b->note) != 0)
    return FALSE;
  for (guint i = 0; i < FZ_N_FIGURE_FIELDS; i++)
    if (g_strcmp0 (a->fields[i], b->fields[i]) != 0)
      return FALSE;
  return TRUE;
}

char *
_fz_decision_describe (const FzDecision *decision)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (decision->target == FZ_DECISION_ARTICLE)
    g_ptr_array_add (parts, g_strdup (_("note on the article")));
  if (decision->added)
    g_ptr_array_add (parts, g_strdup (_("added figure")));
  if (decision->rejected)
    g_ptr_array_add (parts, g_strdup (_("rejected")));
  if (decision->accepted)
    g_ptr_array_add (parts, g_strdup (_("accepted")));
  for (guint i = 0; i < FZ_N_FIGURE_FIELDS && !decision->added; i++)
    if (decision->fields[i] != NULL)
      g_ptr_array_add (parts, g_strdup_printf ("%s = %s", fz_figure_field_to_string (i),
                                               decision->fields[i]));
  if (decision->note != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("note: %s"), decision->note));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

static void
doc_decisions_free (FzDocDecisions *doc)
{
  g_free (doc->path);
  g_free (doc->checksum);
  g_free (doc->note);
  g_hash_table_unref (doc->figures);
  g_hash_table_unref (doc->articles);
  g_ptr_array_unref (doc->unattached);
  g_free (doc);
}

static GHashTable *
decision_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify) _fz_decision_free);
}

static void
fz_decisions_finalize (GObject *object)
{
  FzDecisions *self = FZ_DECISIONS (object);

  g_hash_table_unref (self->docs);
  g_hash_table_unref (self->pending);
  _fz_undo_stack_free (self->undo);
  G_OBJECT_CLASS (fz_decisions_parent_class)->finalize (object);
}

static void
fz_decisions_class_init (FzDecisionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_decisions_finalize;
  /* The decisions of the document at this path changed: its corrected figures must be asked
   * for again. Emitted once per path when a group ends. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
fz_decisions_init (FzDecisions *self)
{
  self->docs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) doc_decisions_free);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->undo = _fz_undo_stack_new ();
}

FzDecisions *
fz_decisions_new (void)
{
  return g_object_new (FZ_TYPE_DECISIONS, NULL);
}

FzDocDecisions *
_fz_decisions_get_doc (FzDecisions *self,
                       const char  *path,
                       gboolean     create)
{
  FzDocDecisions *doc = g_hash_table_lookup (self->docs, path);

  if (doc != NULL || !create)
    return doc;
  doc = g_new0 (FzDocDecisions, 1);
  doc->path = g_strdup (path);
  doc->figures = decision_table_new ();
  doc->articles = decision_table_new ();
  doc->unattached = g_ptr_array_new_with_free_func ((GDestroyNotify) _fz_decision_free);
  g_hash_table_insert (self->docs, doc->path, doc);
  return doc;
}

static FzDecision *
swap_note (FzDocDecisions *doc,
           FzDecision     *decision)
{
  FzDecision *old = NULL;

  if (doc->note != NULL)
    {
      old = _fz_decision_new (FZ_DECISION_DOCUMENT);
      old->note = g_steal_pointer (&doc->note);
    }
  if (decision != NULL)
    {
      doc->note = g_steal_pointer (&decision->note);
      _fz_decision_free (decision);
    }
  return old;
}

/* What a slot holds now, or NULL. */
static const FzDecision *
peek_slot (FzDecisions      *self,
           const char       *path,
           FzDecisionTarget  target,
           FzFigureId        key)
{
  FzDocDecisions *doc = _fz_decisions_get_doc (self, path, FALSE);

  if (doc == NULL)
    return NULL;
  return g_hash_table_lookup (target == FZ_DECISION_FIGURE ? doc->figures : doc->articles, &key);
}

FzDecision *
_fz_decisions_swap (FzDecisions      *self,
                    const char       *path,
                    FzDecisionTarget  target,
                    FzFigureId        key,
                    FzDecision       *decision)
{
  FzDocDecisions *doc = _fz_decisions_get_doc (self, path, TRUE);
  GHashTable *table = target == FZ_DECISION_FIGURE ? doc->figures : doc->articles;
  gpointer old_key = NULL, old = NULL;

  if (target == FZ_DECISION_DOCUMENT)
    return swap_note (doc, decision);
  if (g_hash_table_steal_extended (table, &key, &old_key, &old))
    g_free (old_key);
  if (decision != NULL)
    g_hash_table_insert (table, g_memdup2 (&key, sizeof key), decision);
  return old;
}

void
_fz_decisions_put (FzDecisions      *self,
                   const char       *path,
                   FzDecisionTarget  target,
                   FzFigureId        key,
                   FzDecision       *decision)
{
  g_autoptr(FzDecision) old = NULL;

  if (decision != NULL && _fz_decision_is_empty (decision))
    g_clear_pointer (&decision, _fz_decision_free);
  if (target != FZ_DECISION_DOCUMENT &&
      decision_equal (decision, peek_slot (self, path, target, key)))
    {
      g_clear_pointer (&decision, _fz_decision_free);
      return;
    }
  old = _fz_decisions_swap (self, path, target, key, decision);
  if (old == NULL && decision == NULL)
    return;
  /* After the swap the document note was moved out of @decision: record what the slot holds. */
  if (target == FZ_DECISION_DOCUMENT)
    {
      g_autoptr(FzDecision) now = _fz_decision_new (FZ_DECISION_DOCUMENT);

      now->note = g_strdup (_fz_decisions_get_doc (self, path, TRUE)->note);
      _fz_undo_stack_record (self->undo, path, target, key, old, now->note ? now : NULL);
    }
  else
    _fz_undo_stack_record (self->undo, path, target, key, old, decision);
  _fz_decisions_mark_changed (self, path);
  _fz_decisions_flush_changed (self);
}

void
_fz_decisions_mark_changed (FzDecisions *self,
                            const char  *path)
{
  g_hash_table_add (self->pending, g_strdup (path));
}

void
_fz_decisions_flush_changed (FzDecisions *self)
{
  g_autofree gpointer *paths = NULL;
  guint n = 0;

  if (self->depth > 0 || g_hash_table_size (self->pending) == 0)
    return;
  paths = g_hash_table_get_keys_as_array (self->pending, &n);
  g_hash_table_steal_all (self->pending);
  for (guint i = 0; i < n; i++)
    {
      g_signal_emit (self, signals[CHANGED], 0, (const char *) paths[i]);
      g_free (paths[i]);
    }
}

void
fz_decisions_begin_group (FzDecisions *self)
{
  g_return_if_fail (FZ_IS_DECISIONS (self));
  self->depth++;
  _fz_undo_stack_begin (self->undo);
}

void
fz_decisions_end_group (FzDecisions *self)
{
  g_return_if_fail (FZ_IS_DECISIONS (self));
  g_return_if_fail (self->depth > 0);
  self->depth--;
  _fz_undo_stack_end (self->undo);
  _fz_decisions_flush_changed (self);
}

gboolean
fz_decisions_can_undo (FzDecisions *self)
{
  g_return_val_if_fail (FZ_IS_DECISIONS (self), FALSE);
  return _fz_undo_stack_can_undo (self->undo);
}

gboolean
fz_decisions_can_redo (FzDecisions *self)
{
  g_return_val_if_fail (FZ_IS_DECISIONS (self), FALSE);
  return _fz_undo_stack_can_redo (self->undo);
}

gboolean
fz_decisions_undo (FzDecisions *self)
{
  gboolean done;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);
  done = _fz_undo_stack_undo (self->undo, self);
  _fz_decisions_flush_changed (self);
  return done;
}

gboolean
fz_decisions_redo (FzDecisions *self)
{
  gboolean done;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);
  done = _fz_undo_stack_redo (self->undo, self);
  _fz_decisions_flush_changed (self);
  return done;
}

/* Offsets in the history point into the text the decisions were anchored on. */
void
_fz_decisions_forget_history (FzDecisions *self)
{
  _fz_undo_stack_clear (self->undo);
}

void
fz_decisions_set_document_note (FzDecisions *self,
                                const char  *path,
                                const char  *note)
{
  FzDecision *decision = _fz_decision_new (FZ_DECISION_DOCUMENT);

  g_return_if_fail (FZ_IS_DECISIONS (self));
  g_return_if_fail (path != NULL);
  decision->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
  if (g_strcmp0 (decision->note, fz_decisions_get_document_note (self, path)) == 0)
    {
      _fz_decision_free (decision);
      return;
    }
  _fz_decisions_put (self, path, FZ_DECISION_DOCUMENT, 0, decision);
}

const char *
fz_decisions_get_document_note (FzDecisions *self,
                                const char  *path)
{
  FzDocDecisions *doc;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  doc = _fz_decisions_get_doc (self, path, FALSE);
  return doc != NULL ? doc->note : NULL;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

GStrv
fz_decisions_dup_paths (FzDecisions *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_hash_table_iter_init (&iter, self->docs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, g_strdup (key));
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}

gboolean
fz_decisions_has_document (FzDecisions *self,
                           const char  *path)
{
  g_return_val_if_fail (FZ_IS_DECISIONS (self), FALSE);
  return g_hash_table_contains (self->docs, path);
}

guint
fz_decisions_get_n_decisions (FzDecisions *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), 0);
  g_hash_table_iter_init (&iter, self->docs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FzDocDecisions *doc = value;

      n += g_hash_table_size (doc->figures) + g_hash_table_size (doc->articles) +
           doc->unattached->len + (doc->note != NULL);
    }
  return n;
}

FzDocDecisions *
_fz_decisions_load_doc (FzDecisions *self,
                        const char  *path,
                        const char  *checksum,
                        const char  *note)
{
  FzDocDecisions *doc = _fz_decisions_get_doc (self, path, TRUE);

  /* Never NULL, so the anchors are checked against the text before they are used. */
  g_free (doc->checksum);
  doc->checksum = g_strdup (checksum != NULL ? checksum : "");
  doc->verified = FALSE;
  g_free (doc->note);
  doc->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
  return doc;
}

/* Takes @decision. FALSE (and frees it) when its slot is taken. */
gboolean
_fz_decisions_load_decision (FzDecisions    *self,
                             FzDocDecisions *doc,
                             FzDecision     *decision)
{
  GHashTable *table = decision->target == FZ_DECISION_FIGURE ? doc->figures : doc->articles;
  FzFigureId key = FZ_FIGURE_ID (decision->anchor.start, decision->anchor.end);

  if (!decision->attached)
    {
      g_ptr_array_add (doc->unattached, decision);
      return TRUE;
    }
  if (g_hash_table_contains (table, &key))
    {
      _fz_decision_free (decision);
      return FALSE;
    }
  g_hash_table_insert (table, g_memdup2 (&key, sizeof key), decision);
  return TRUE;
}

static int
compare_decisions (gconstpointer a,
                   gconstpointer b)
{
  const FzDecision *da = *(FzDecision * const *) a, *db = *(FzDecision * const *) b;

  if (da->anchor.start != db->anchor.start)
    return da->anchor.start < db->anchor.start ? -1 : 1;
  if (da->anchor.end != db->anchor.end)
    return da->anchor.end < db->anchor.end ? -1 : 1;
  return 0;
}

static void
add_sorted (GPtrArray  *out,
            GHashTable *table)
{
  guint first = out->len;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (out, value);
  /* An empty array may have no storage at all, which qsort must not be given. */
  if (out->len > first)
    qsort (out->pdata + first, out->len - first, sizeof (gpointer), compare_decisions);
}

GPtrArray *
_fz_doc_decisions_list (FzDocDecisions *doc)
{
  GPtrArray *out = g_ptr_array_new ();

  add_sorted (out, doc->figures);
  add_sorted (out, doc->articles);
  for (guint i = 0; i < doc->unattached->len; i++)
    g_ptr_array_add (out, g_ptr_array_index (doc->unattached, i));
  return out;
}
