/* fz-decisions-private.h: the records behind FzDecisions, shared by its files and by the
 * workspace file that saves and loads them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-decisions.h"

G_BEGIN_DECLS

/* Characters of context kept on each side of a quote (as the W3C Web Annotation model's
 * TextQuoteSelector prefix and suffix). */
#define FZ_ANCHOR_CONTEXT 32

/* Where a decision sits: offsets (code points) into the text it was made on, plus the
 * quoted text and its context, to find it again when the text changed. */
typedef struct
{
  guint32  start;
  guint32  end;
  char    *quote;
  char    *prefix;
  char    *suffix;
} FzAnchor;

typedef enum
{
  FZ_DECISION_FIGURE,
  FZ_DECISION_ARTICLE,   /* a note on the article starting at the anchor */
  FZ_DECISION_DOCUMENT,  /* the note on the whole document; no anchor */
} FzDecisionTarget;

typedef struct
{
  FzAnchor  anchor;
  guint8    target;      /* FzDecisionTarget */
  guint8    added;       /* a figure the analyst marked (all fields set) */
  guint8    rejected;
  guint8    accepted;
  guint8    attached;    /* FALSE when the text changed and the anchor was not found again */
  char     *fields[FZ_N_FIGURE_FIELDS];  /* canonical text of what the analyst set, or NULL */
  char     *note;
} FzDecision;

typedef struct
{
  char       *path;
  char       *checksum;    /* of the text the anchors point into; NULL until known */
  gboolean    verified;    /* the anchors were checked against the text (not so when loaded) */
  char       *note;
  GHashTable *figures;     /* FzFigureId -> FzDecision *, attached */
  GHashTable *articles;    /* FzFigureId of the anchor -> FzDecision *, attached */
  GPtrArray  *unattached;  /* FzDecision * */
} FzDocDecisions;

FzDecision     *_fz_decision_new             (FzDecisionTarget  target);
FzDecision     *_fz_decision_copy            (const FzDecision *decision);
void            _fz_decision_free            (FzDecision       *decision);
gboolean        _fz_decision_is_empty        (const FzDecision *decision);
char           *_fz_decision_describe        (const FzDecision *decision);

/* Anchoring (fz-decisions-anchor.c). */
void            _fz_anchor_clear             (FzAnchor         *anchor);
void            _fz_anchor_copy              (FzAnchor         *dest,
                                              const FzAnchor   *src);
/* Fills @anchor from @text (UTF-8) for the code points [start, end); FALSE when out of range. */
gboolean        _fz_anchor_init              (FzAnchor         *anchor,
                                              const char       *text,
                                              gsize             len,
                                              guint32           start,
                                              guint32           end);
/* The same from a text of @n code points, for re-anchoring many decisions in one text. */
void            _fz_anchor_set_ucs4          (FzAnchor         *anchor,
                                              const gunichar   *text,
                                              glong             n,
                                              guint32           start,
                                              guint32           end);
/* Finds @anchor in @text (@n code points): exact offsets, then quote and context, then the
 * quote alone when it is unique. */
gboolean        _fz_anchor_locate            (const FzAnchor   *anchor,
                                              const gunichar   *text,
                                              glong             n,
                                              guint32          *start,
                                              guint32          *end);

/* Fields (fz-decisions-field.c): a value as the analyst typed it to its canonical text. */
char           *_fz_figure_field_normalise   (FzFigureField     field,
                                              const char       *value,
                                              GError          **error);
void            _fz_figure_field_apply       (FzFigureList     *list,
                                              FzFigure         *figure,
                                              FzFigureField     field,
                                              const char       *canonical);
/* Value, kind, unit and qualifier of a span read by the numeral parser. */
void            _fz_figure_prefill           (FzDecision       *decision,
                                              const char       *quote);

/* The store (fz-decisions.c). */
FzDocDecisions *_fz_decisions_get_doc        (FzDecisions      *self,
                                              const char       *path,
                                              gboolean          create);
/* Puts @decision (owned; NULL to remove) in a slot as one change of the current step. */
void            _fz_decisions_put            (FzDecisions      *self,
                                              const char       *path,
                                              FzDecisionTarget  target,
                                              FzFigureId        key,
                                              FzDecision       *decision);
/* Without undo, for undo itself and for loading: returns the previous content. */
FzDecision     *_fz_decisions_swap           (FzDecisions      *self,
                                              const char       *path,
                                              FzDecisionTarget  target,
                                              FzFigureId        key,
                                              FzDecision       *decision);
void            _fz_decisions_mark_changed   (FzDecisions      *self,
                                              const char       *path);
void            _fz_decisions_flush_changed  (FzDecisions      *self);
/* Re-anchors @document's decisions when its text is not the one they were made on. */
FzDocDecisions *_fz_decisions_sync           (FzDecisions      *self,
                                              FzDocument       *document,
                                              const char       *path);
/* For the workspace reader: a document's record, then its decisions. */
FzDocDecisions *_fz_decisions_load_doc       (FzDecisions      *self,
                                              const char       *path,
                                              const char       *checksum,
                                              const char       *note);
gboolean        _fz_decisions_load_decision  (FzDecisions      *self,
                                              FzDocDecisions   *doc,
                                              FzDecision       *decision);
/* Every decision of @doc (attached figures, article notes, then unattached), sorted. */
GPtrArray      *_fz_doc_decisions_list       (FzDocDecisions   *doc);

void            _fz_decisions_forget_history (FzDecisions      *self);
/* Appends to @out the figure @machine (NULL for an added one) with @decision (may be NULL)
 * applied; an added figure's byte offsets and article are left for the caller. */
FzFigure       *_fz_decisions_build_figure   (FzFigureList     *out,
                                              const FzFigureList *machine_list,
                                              const FzFigure   *machine,
                                              const FzDecision *decision,
                                              FzFigureId        id,
                                              FzFigureStatus   *status);
/* Sets an added figure's byte offsets and article from @document. */
void            _fz_decisions_place_figure   (FzDocument       *document,
                                              FzFigure         *figure);

/* Undo (fz-decisions-undo.c). */
typedef struct _FzUndoStack FzUndoStack;

FzUndoStack    *_fz_undo_stack_new           (void);
void            _fz_undo_stack_free          (FzUndoStack      *stack);
void            _fz_undo_stack_clear         (FzUndoStack      *stack);
void            _fz_undo_stack_record        (FzUndoStack      *stack,
                                              const char       *path,
                                              FzDecisionTarget  target,
                                              FzFigureId        key,
                                              const FzDecision *before,
                                              const FzDecision *after);
void            _fz_undo_stack_begin         (FzUndoStack      *stack);
void            _fz_undo_stack_end           (FzUndoStack      *stack);
gboolean        _fz_undo_stack_can_undo      (FzUndoStack      *stack);
gboolean        _fz_undo_stack_can_redo      (FzUndoStack      *stack);
gboolean        _fz_undo_stack_undo          (FzUndoStack      *stack,
                                              FzDecisions      *decisions);
gboolean        _fz_undo_stack_redo          (FzUndoStack      *stack,
                                              FzDecisions      *decisions);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzDecision, _fz_decision_free)

G_END_DECLS
