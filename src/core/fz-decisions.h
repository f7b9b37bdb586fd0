/* fz-decisions.h: what the analyst decided about documents' figures (corrections, added and
 * rejected figures, review marks, notes), anchored so it survives edits to the files, with undo. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fz-document.h"

G_BEGIN_DECLS

/* A figure's id: its span in the document's current text, [start, end) in code points. */
typedef guint64 FzFigureId;

#define FZ_FIGURE_ID(start, end) ((((guint64) (start)) << 32) | (guint32) (end))
#define FZ_FIGURE_ID_START(id)   ((guint32) ((id) >> 32))
#define FZ_FIGURE_ID_END(id)     ((guint32) ((id) & 0xffffffffu))

typedef enum
{
  FZ_FIGURE_STATUS_MACHINE  = 0,       /* as the extractor found it, untouched */
  FZ_FIGURE_STATUS_ADDED    = 1 << 0,  /* marked by the analyst */
  FZ_FIGURE_STATUS_EDITED   = 1 << 1,  /* a machine figure with fields the analyst changed */
  FZ_FIGURE_STATUS_REJECTED = 1 << 2,
  FZ_FIGURE_STATUS_ACCEPTED = 1 << 3,  /* review mark: the analyst checked it */
  FZ_FIGURE_STATUS_NOTE     = 1 << 4,  /* has a note */
} FzFigureStatusFlags;

typedef struct
{
  FzFigureId id;
  guint32    flags;   /* FzFigureStatusFlags */
} FzFigureStatus;

/* The fields of a figure the analyst can set, by name in the workspace file. */
typedef enum
{
  FZ_FIGURE_FIELD_KIND,
  FZ_FIGURE_FIELD_VALUE,
  FZ_FIGURE_FIELD_UNIT,
  FZ_FIGURE_FIELD_QUALIFIER,
  FZ_FIGURE_FIELD_CHANGE,
  FZ_FIGURE_FIELD_BASIS,
  FZ_FIGURE_FIELD_INDICATOR,
  FZ_FIGURE_FIELD_REGION,
  FZ_FIGURE_FIELD_PERIOD,
  FZ_FIGURE_FIELD_CORE,
  FZ_N_FIGURE_FIELDS
} FzFigureField;

/* A decision that no longer finds its place in the text: kept, and listed for the analyst. */
typedef struct
{
  char    *quote;        /* the text it was made on */
  guint32  start;        /* where it was, in the text it was made on */
  guint32  end;
  char    *description;  /* what it says, for a person: "rejected", "kind = money", a note */
} FzUnattached;

/* FzDecisions is used from one thread (the app's main thread): it re-anchors and emits
 * ::changed from its calls. The figure lists it returns are plain data, which a worker thread
 * may read (the index job takes them instead of fz_document_get_figures()). */
#define FZ_TYPE_DECISIONS (fz_decisions_get_type ())

G_DECLARE_FINAL_TYPE (FzDecisions, fz_decisions, FZ, DECISIONS, GObject)

FzDecisions   *fz_decisions_new               (void);

/* The key a document's decisions are kept under: its file's path, or its name. */
char          *fz_decisions_document_key      (FzDocument     *document);
/* SHA-256 of the decoded text (what offsets count in), as lower-case hex. */
char          *fz_decisions_text_checksum     (FzDocument     *document);

/* The corrected figures of @document: its machine figures (fz_document_get_figures, which
 * must be the extractor's list, not one returned here) with the analyst's edits, added figures
 * in order of their start. With @status NULL rejected figures are left out (what the index,
 * series and export want); otherwise they stay, flagged, and *@status gets one
 * FzFigureStatus per figure, in the same order. Re-anchors the document's decisions when its
 * text changed since they were made. */
FzFigureList  *fz_decisions_apply             (FzDecisions    *self,
                                               FzDocument     *document,
                                               GArray        **status);
/* Replaces @document's figures with the corrected ones, rejected left out; for a document
 * used once (the command line), since the machine list is gone afterwards. */
void           fz_decisions_apply_to_document (FzDecisions    *self,
                                               FzDocument     *document);

/* Each change below is one undoable step (or part of the open group), emits ::changed and
 * returns the figure as corrected now: a list of one figure, with its status in @status
 * when not NULL. On failure (no figure there, a bad value) NULL and @error set. */
FzFigureList  *fz_decisions_add_figure        (FzDecisions    *self,
                                               FzDocument     *document,
                                               guint           start,
                                               guint           end,
                                               FzFigureStatus *status,
                                               GError        **error);
/* @value as fz_figure_field_from_string (field) takes it. Setting the machine's own value
 * again takes the edit back. */
FzFigureList  *fz_decisions_set_field         (FzDecisions    *self,
                                               FzDocument     *document,
                                               FzFigureId      id,
                                               FzFigureField   field,
                                               const char     *value,
                                               FzFigureStatus *status,
                                               GError        **error);
/* Rejecting an added figure removes it; rejecting a machine figure keeps it, flagged. */
FzFigureList  *fz_decisions_reject            (FzDecisions    *self,
                                               FzDocument     *document,
                                               FzFigureId      id,
                                               FzFigureStatus *status,
                                               GError        **error);
FzFigureList  *fz_decisions_restore           (FzDecisions    *self,
                                               FzDocument     *document,
                                               FzFigureId      id,
                                               FzFigureStatus *status,
                                               GError        **error);
FzFigureList  *fz_decisions_set_accepted      (FzDecisions    *self,
                                               FzDocument     *document,
                                               FzFigureId      id,
                                               gboolean        accepted,
                                               FzFigureStatus *status,
                                               GError        **error);
/* @note NULL or "" removes it. */
FzFigureList  *fz_decisions_set_figure_note   (FzDecisions    *self,
                                               FzDocument     *document,
                                               FzFigureId      id,
                                               const char     *note,
                                               FzFigureStatus *status,
                                               GError        **error);
const char    *fz_decisions_get_figure_note   (FzDecisions    *self,
                                               FzDocument     *document,
                                               FzFigureId      id);
gboolean       fz_decisions_set_article_note  (FzDecisions    *self,
                                               FzDocument     *document,
                                               guint           article,
                                               const char     *note,
                                               GError        **error);
const char    *fz_decisions_get_article_note  (FzDecisions    *self,
                                               FzDocument     *document,
                                               guint           article);
void           fz_decisions_set_document_note (FzDecisions    *self,
                                               const char     *path,
                                               const char     *note);
const char    *fz_decisions_get_document_note (FzDecisions    *self,
                                               const char     *path);

/* Changes made between these two calls (they nest) undo and redo as one step. */
void           fz_decisions_begin_group       (FzDecisions    *self);
void           fz_decisions_end_group         (FzDecisions    *self);
gboolean       fz_decisions_can_undo          (FzDecisions    *self);
gboolean       fz_decisions_can_redo          (FzDecisions    *self);
gboolean       fz_decisions_undo              (FzDecisions    *self);
gboolean       fz_decisions_redo              (FzDecisions    *self);

/* Figures the analyst has decided on (accepted, rejected, edited or added) and all figures,
 * rejected ones included. */
void           fz_decisions_get_counts        (FzDecisions    *self,
                                               FzDocument     *document,
                                               guint          *reviewed,
                                               guint          *total);
/* Paths with decisions, sorted. */
GStrv          fz_decisions_dup_paths         (FzDecisions    *self);
gboolean       fz_decisions_has_document      (FzDecisions    *self,
                                               const char     *path);
guint          fz_decisions_get_n_decisions   (FzDecisions    *self);
/* The decisions of @document that did not re-attach to its text (FzUnattached *). */
GPtrArray     *fz_decisions_dup_unattached    (FzDecisions    *self,
                                               FzDocument     *document);
void           fz_unattached_free             (FzUnattached   *unattached);

const char    *fz_figure_field_to_string      (FzFigureField   field);
gboolean       fz_figure_field_from_string    (const char     *str,
                                               FzFigureField  *field);
/* The figure's @field as text, as fz_decisions_set_field () takes it ("" for an empty enum). */
char          *fz_figure_field_get            (const FzFigureList *list,
                                               const FzFigure     *figure,
                                               FzFigureField       field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzUnattached, fz_unattached_free)

G_END_DECLS
