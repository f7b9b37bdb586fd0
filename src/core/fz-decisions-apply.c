/* fz-decisions-apply.c: the corrected figures of a document, the re-anchoring of its decisions
 * when its text changed, and what a reader counts and lists from them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-decisions-private.h"

#include <string.h>

#define CHECKSUM_KEY "fz-decisions-checksum"

typedef struct
{
  const char *text;   /* the text the checksum was computed on */
  char       *hex;
} CachedChecksum;

static void
cached_checksum_free (CachedChecksum *cached)
{
  g_free (cached->hex);
  g_free (cached);
}

/* Kept on the document, so applying the decisions again does not hash the text again. */
static const char *
document_checksum (FzDocument *document)
{
  gsize len = 0;
  const char *text = fz_document_get_text (document, &len);
  CachedChecksum *cached = g_object_get_data (G_OBJECT (document), CHECKSUM_KEY);

  if (cached != NULL && cached->text == text)
    return cached->hex;
  cached = g_new0 (CachedChecksum, 1);
  cached->text = text;
  cached->hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, len);
  g_object_set_data_full (G_OBJECT (document), CHECKSUM_KEY, cached,
                          (GDestroyNotify) cached_checksum_free);
  return cached->hex;
}

char *
fz_decisions_text_checksum (FzDocument *document)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  return g_strdup (document_checksum (document));
}

char *
fz_decisions_document_key (FzDocument *document)
{
  GFile *file;

  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  file = fz_document_get_file (document);
  if (file != NULL && g_file_peek_path (file) != NULL)
    return g_strdup (g_file_peek_path (file));
  return g_strdup (fz_document_get_name (document));
}

/* Moves every decision of @table into @out. */
static void
steal_all (GHashTable *table,
           GPtrArray  *out)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_ptr_array_add (out, value);
      g_hash_table_iter_steal (&iter);
      g_free (key);
    }
}

static void
reanchor_one (FzDocDecisions *doc,
              FzDecision     *decision,
              const gunichar *text,
              glong           n)
{
  GHashTable *table = decision->target == FZ_DECISION_FIGURE ? doc->figures : doc->articles;
  guint32 start, end;
  FzFigureId key;

  decision->attached = _fz_anchor_locate (&decision->anchor, text, n, &start, &end);
  if (decision->attached)
    {
      _fz_anchor_set_ucs4 (&decision->anchor, text, n, start, end);
      key = FZ_FIGURE_ID (start, end);
      if (!g_hash_table_contains (table, &key))
        {
          g_hash_table_insert (table, g_memdup2 (&key, sizeof key), decision);
          return;
        }
      /* Two decisions found the same place: the second is listed rather than lost. */
      decision->attached = FALSE;
    }
  g_ptr_array_add (doc->unattached, decision);
}

static void
reanchor (FzDocDecisions *doc,
          FzDocument     *document)
{
  gsize len = 0;
  const char *text = fz_document_get_text (document, &len);
  glong n = 0;
  g_autofree gunichar *ucs4 = g_utf8_to_ucs4_fast (text, (glong) len, &n);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  steal_all (doc->figures, all);
  steal_all (doc->articles, all);
  for (guint i = 0; i < doc->unattached->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (doc->unattached, i));
  g_ptr_array_set_free_func (doc->unattached, NULL);
  g_ptr_array_set_size (doc->unattached, 0);
  g_ptr_array_set_free_func (doc->unattached, (GDestroyNotify) _fz_decision_free);
  for (guint i = 0; i < all->len; i++)
    reanchor_one (doc, g_ptr_array_index (all, i), ucs4, n);
}

FzDocDecisions *
_fz_decisions_sync (FzDecisions *self,
                    FzDocument  *document,
                    const char  *path)
{
  FzDocDecisions *doc = _fz_decisions_get_doc (self, path, TRUE);
  const char *checksum = document_checksum (document);
  gboolean same = g_strcmp0 (doc->checksum, checksum) == 0;

  if (same && doc->verified)
    return doc;
  /* Decisions read from a file are checked against the text even when its checksum matches:
   * the file may have been edited by hand. */
  if (doc->checksum != NULL)
    reanchor (doc, document);
  if (doc->checksum != NULL && !same)
    {
      _fz_decisions_forget_history (self);
      _fz_decisions_mark_changed (self, path);
    }
  g_free (doc->checksum);
  doc->checksum = g_strdup (checksum);
  doc->verified = TRUE;
  return doc;
}

FzFigure *
_fz_decisions_build_figure (FzFigureList       *out,
                            const FzFigureList *machine_list,
                            const FzFigure     *machine,
                            const FzDecision   *decision,
                            FzFigureId          id,
                            FzFigureStatus     *status)
{
  FzFigure *f = fz_figure_list_append (out);
  guint32 flags = 0;

  if (machine != NULL)
    {
      *f = *machine;
      f->value = fz_figure_list_intern (out, fz_figure_list_str (machine_list, machine->value), -1);
      f->unit = fz_figure_list_intern (out, fz_figure_list_str (machine_list, machine->unit), -1);
      f->indicator = fz_figure_list_intern (out, fz_figure_list_str (machine_list,
                                                                     machine->indicator), -1);
      f->region = fz_figure_list_intern (out, fz_figure_list_str (machine_list, machine->region),
                                         -1);
      f->period = fz_figure_list_intern (out, fz_figure_list_str (machine_list, machine->period),
                                         -1);
    }
  else
    {
      f->start = FZ_FIGURE_ID_START (id);
      f->end = FZ_FIGURE_ID_END (id);
    }
  for (guint i = 0; decision != NULL && i < FZ_N_FIGURE_FIELDS; i++)
    if (decision->fields[i] != NULL)
      {
        _fz_figure_field_apply (out, f, i, decision->fields[i]);
        flags |= FZ_FIGURE_STATUS_EDITED;
      }
  if (decision != NULL)
    {
      if (decision->added)
        flags = FZ_FIGURE_STATUS_ADDED;
      flags |= decision->rejected ? FZ_FIGURE_STATUS_REJECTED : 0;
      flags |= decision->accepted ? FZ_FIGURE_STATUS_ACCEPTED : 0;
      flags |= decision->note != NULL ? FZ_FIGURE_STATUS_NOTE : 0;
    }
  if (status != NULL)
    *status = (FzFigureStatus) { id, flags };
  return f;
}

void
_fz_decisions_place_figure (FzDocument *document,
                            FzFigure   *f)
{
  gsize len = 0;
  const char *text = fz_document_get_text (document, &len);
  guint n = fz_document_get_n_chars (document);
  const char *start = g_utf8_offset_to_pointer (text, MIN (f->start, n));
  const char *end = g_utf8_offset_to_pointer (start, MIN (f->end, n) - MIN (f->start, n));
  GPtrArray *articles = fz_document_get_articles (document);

  f->byte_start = (guint32) (start - text);
  f->byte_end = (guint32) (end - text);
  f->article = -1;
  for (guint i = 0; articles != NULL && i < articles->len; i++)
    {
      const FzArticle *a = g_ptr_array_index (articles, i);

      if (f->start >= a->start && f->start < a->end)
        f->article = (gint32) i;
    }
}

/* The added figures of @doc, in order of their start. */
static GPtrArray *
added_figures (FzDocDecisions *doc)
{
  g_autoptr(GPtrArray) all = _fz_doc_decisions_list (doc);
  GPtrArray *added = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      FzDecision *d = g_ptr_array_index (all, i);

      if (d->attached && d->target == FZ_DECISION_FIGURE && d->added)
        g_ptr_array_add (added, d);
    }
  return added;
}

/* What one pass of fz_decisions_apply() works with. */
typedef struct
{
  FzDocument     *document;
  FzDocDecisions *doc;
  FzFigureList   *machine;
  FzFigureList   *out;
  GArray         *status;   /* NULL: rejected figures are left out */
} Apply;

static void
apply_added (Apply            *a,
             const FzDecision *d)
{
  FzFigureStatus one;
  FzFigureId id = FZ_FIGURE_ID (d->anchor.start, d->anchor.end);

  _fz_decisions_place_figure (a->document,
                              _fz_decisions_build_figure (a->out, NULL, NULL, d, id, &one));
  if (a->status != NULL)
    g_array_append_val (a->status, one);
}

static void
apply_machine (Apply          *a,
               const FzFigure *f)
{
  FzFigureStatus one;
  FzFigureId id = FZ_FIGURE_ID (f->start, f->end);
  const FzDecision *d = a->doc != NULL ? g_hash_table_lookup (a->doc->figures, &id) : NULL;

  /* The analyst marked this span before the extractor found it: theirs is the figure. */
  if (d != NULL && (d->added || (d->rejected && a->status == NULL)))
    return;
  _fz_decisions_build_figure (a->out, a->machine, f, d, id, &one);
  if (a->status != NULL)
    g_array_append_val (a->status, one);
}

FzFigureList *
fz_decisions_apply (FzDecisions  *self,
                    FzDocument   *document,
                    GArray      **status)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) added = NULL;
  Apply a = { document, NULL, NULL, NULL, NULL };
  guint n, j = 0;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);

  path = fz_decisions_document_key (document);
  if (fz_decisions_has_document (self, path))
    a.doc = _fz_decisions_sync (self, document, path);
  a.machine = fz_document_get_figures (document);
  n = a.machine != NULL ? fz_figure_list_get_n (a.machine) : 0;
  added = a.doc != NULL ? added_figures (a.doc) : g_ptr_array_new ();
  a.out = fz_figure_list_new ();
  if (status != NULL)
    a.status = *status = g_array_sized_new (FALSE, FALSE, sizeof (FzFigureStatus),
                                            n + added->len);
  /* Both lists are in order of their start: merged, an added figure before a machine one. */
  for (guint i = 0; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (a.machine, i);

      for (; j < added->len && ((FzDecision *) added->pdata[j])->anchor.start < f->start; j++)
        apply_added (&a, added->pdata[j]);
      apply_machine (&a, f);
    }
  for (; j < added->len; j++)
    apply_added (&a, added->pdata[j]);
  _fz_decisions_flush_changed (self);
  return a.out;
}

void
fz_decisions_apply_to_document (FzDecisions *self,
                                FzDocument  *document)
{
  g_autoptr(FzFigureList) corrected = fz_decisions_apply (self, document, NULL);

  fz_document_set_figures (document, corrected);
}

void
fz_decisions_get_counts (FzDecisions *self,
                         FzDocument  *document,
                         guint       *reviewed,
                         guint       *total)
{
  g_autoptr(GArray) status = NULL;
  guint n = 0;

  fz_figure_list_unref (fz_decisions_apply (self, document, &status));
  for (guint i = 0; i < status->len; i++)
    if (g_array_index (status, FzFigureStatus, i).flags &
        (FZ_FIGURE_STATUS_ADDED | FZ_FIGURE_STATUS_EDITED | FZ_FIGURE_STATUS_REJECTED |
         FZ_FIGURE_STATUS_ACCEPTED))
      n++;
  if (reviewed != NULL)
    *reviewed = n;
  if (total != NULL)
    *total = status->len;
}

void
fz_unattached_free (FzUnattached *unattached)
{
  g_free (unattached->quote);
  g_free (unattached->description);
  g_free (unattached);
}

static FzUnattached *
unattached_new (const FzDecision *d)
{
  FzUnattached *u = g_new0 (FzUnattached, 1);

  u->quote = g_strdup (d->anchor.quote);
  u->start = d->anchor.start;
  u->end = d->anchor.end;
  u->description = _fz_decision_describe (d);
  return u;
}

/* Whether @machine has a figure at exactly the span of @d. */
static gboolean
has_machine_figure (const FzFigureList *machine,
                    const FzDecision   *d)
{
  for (guint i = 0; machine != NULL && i < fz_figure_list_get_n (machine); i++)
    {
      const FzFigure *f = fz_figure_list_get (machine, i);

      if (f->start == d->anchor.start && f->end == d->anchor.end)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
fz_decisions_dup_unattached (FzDecisions *self,
                             FzDocument  *document)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_unattached_free);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) all = NULL;
  FzDocDecisions *doc;
  FzFigureList *machine;

  g_return_val_if_fail (FZ_IS_DECISIONS (self), out);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), out);
  path = fz_decisions_document_key (document);
  if (!fz_decisions_has_document (self, path))
    return out;
  doc = _fz_decisions_sync (self, document, path);
  machine = fz_document_get_figures (document);
  all = _fz_doc_decisions_list (doc);
  /* A decision on a machine figure the extractor no longer finds there is lost too. */
  for (guint i = 0; i < all->len; i++)
    {
      const FzDecision *d = g_ptr_array_index (all, i);

      if (!d->attached ||
          (d->target == FZ_DECISION_FIGURE && !d->added && !has_machine_figure (machine, d)))
        g_ptr_array_add (out, unattached_new (d));
    }
  _fz_decisions_flush_changed (self);
  return out;
}
