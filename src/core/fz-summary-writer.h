/* fz-summary-writer.h: writes a summary (documents, figures, decisions, index) as XML, a
 * document at a time, in the format of data/fanzha-summary.rng. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fz-document.h"
#include "fz-index.h"

G_BEGIN_DECLS

/* The version of the format this build writes; a reader refuses a newer one. */
#define FZ_SUMMARY_VERSION   1
#define FZ_SUMMARY_NAMESPACE "urn:x-fanzha:summary"

/* What the analyst made of a figure. */
typedef enum
{
  FZ_SUMMARY_STATUS_MACHINE,    /* as the extractor found it, not looked at */
  FZ_SUMMARY_STATUS_ADDED,      /* the analyst marked it; the extractor had missed it */
  FZ_SUMMARY_STATUS_EDITED,     /* the analyst changed a field */
  FZ_SUMMARY_STATUS_REJECTED,   /* not a figure, or not what the extractor said */
  FZ_SUMMARY_STATUS_ACCEPTED,   /* checked and kept as found */
  FZ_N_SUMMARY_STATUSES
} FzSummaryStatus;

/* The status of a figure whose decisions are @flags (FzFigureStatusFlags). */
FzSummaryStatus fz_summary_status_from_flags (guint32 flags);

/* The analyst's decisions, asked for while writing. @figure_status returns the status of
 * figure @index of @document and may set *@note (borrowed, NULL for none);
 * @document_notes returns the notes on @document (borrowed, NULL-terminated, or NULL).
 * Either may be NULL; no callbacks at all means "every figure as found, no notes". The
 * figures written are the document's figure list, so an added or edited figure must be in
 * that list with its fields as the analyst left them. */
typedef struct
{
  FzSummaryStatus     (*figure_status)  (FzDocument      *document,
                                        guint            index,
                                        const FzFigure  *figure,
                                        const char     **note,
                                        gpointer         user_data);
  const char * const *(*document_notes) (FzDocument     *document,
                                         gpointer        user_data);
  gpointer             user_data;
} FzSummaryDecisions;

/* Called after each document with how many are written and how many there are (0 when
 * not known); from the thread that writes. */
typedef void (*FzSummaryProgressFunc) (guint    done,
                                       guint    total,
                                       gpointer user_data);

typedef struct
{
  /* ISO 8601 in UTC ("2026-12-06T17:50:00Z"); NULL: now. Fixed for reproducible output. */
  const char            *created;
  /* The settings the index was computed with; NULL: the defaults. */
  const FzIndexOptions  *index_options;
  /* NULL: every figure as found, no notes. */
  const FzSummaryDecisions *decisions;
  FzSummaryProgressFunc  progress;
  gpointer               progress_data;
  guint                  total;            /* documents to come, for progress; 0 unknown */
} FzSummaryOptions;

typedef struct _FzSummaryWriter FzSummaryWriter;

/* Starts a summary on @stream: the header and the index settings. Everything after
 * goes through the writer; @stream is not closed. */
FzSummaryWriter *fz_summary_writer_new          (GOutputStream          *stream,
                                                 const FzSummaryOptions *options,
                                                 GCancellable           *cancellable,
                                                 GError                **error);
/* Writes @document (analysed) with its articles, figures and the analyst's decisions.
 * The document is not kept: the caller may free it at once. */
gboolean         fz_summary_writer_add_document (FzSummaryWriter        *self,
                                                 FzDocument             *document,
                                                 GError                **error);
/* Writes the index (NULL: an empty one) and ends the summary; every value points to the
 * figures it came from by their ids. */
gboolean         fz_summary_writer_finish       (FzSummaryWriter        *self,
                                                 FzIndexResult          *result,
                                                 GError                **error);
/* Characters that XML 1.0 forbids, replaced by U+FFFD so far. */
guint            fz_summary_writer_get_n_replaced (FzSummaryWriter      *self);
void             fz_summary_writer_free         (FzSummaryWriter        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzSummaryWriter, fz_summary_writer_free)

G_END_DECLS
