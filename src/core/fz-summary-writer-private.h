/* fz-summary-writer-private.h: the writer's state and its checked xmlTextWriter helpers,
 * shared by the document part (fz-summary-writer.c) and the index part
 * (fz-summary-writer-index.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlwriter.h>

#include "fz-summary-writer.h"

G_BEGIN_DECLS

/* Where a figure that the index may use sits: enough to name it without keeping it. */
typedef struct
{
  guint32 start;
  guint32 end;
  guint32 index;
} FigureSpan;

/* One written document under its path, or name when it has none (a list: a name may repeat,
 * and a summary may hold the same file twice). */
typedef struct
{
  guint   number;   /* 1-based: the id is "d<number>" */
  GArray *spans;    /* FigureSpan, of the figures with an indicator, core and a region */
} DocumentSpans;

struct _FzSummaryWriter
{
  GOutputStream    *stream;
  GCancellable     *cancellable;
  GError           *io_error;     /* the stream's own error, reported instead of libxml2's */
  xmlTextWriterPtr  xml;
  FzSummaryOptions  options;
  guint             n_documents;
  guint             n_replaced;
  GHashTable       *by_name;      /* path or name → GPtrArray of DocumentSpans * */
  gboolean          finished;
};

/* Each turns a failed libxml2 call (< 0) into a GError and returns FALSE. */
gboolean _fz_summary_check      (FzSummaryWriter *self,
                                 int              rc,
                                 GError         **error);
gboolean _fz_summary_start      (FzSummaryWriter *self,
                                 const char      *name,
                                 GError         **error);
gboolean _fz_summary_end        (FzSummaryWriter *self,
                                 GError         **error);
/* Writes nothing for NULL or "". */
gboolean _fz_summary_attr       (FzSummaryWriter *self,
                                 const char      *name,
                                 const char      *value,
                                 GError         **error);
gboolean _fz_summary_attr_int   (FzSummaryWriter *self,
                                 const char      *name,
                                 gint64          value,
                                 GError         **error);
/* A gazetteer code; nothing for 0, an unknown region. */
gboolean _fz_summary_attr_code  (FzSummaryWriter *self,
                                 const char      *name,
                                 gint64           code,
                                 GError         **error);
/* A number with @format ("%.2f"), the same in every locale; NULL: the shortest writing that
 * reads back as the same number. */
gboolean _fz_summary_attr_double (FzSummaryWriter *self,
                                  const char      *name,
                                  const char      *format,
                                  double           value,
                                  GError         **error);
/* Text content, forbidden characters replaced and counted. */
gboolean _fz_summary_content    (FzSummaryWriter *self,
                                 const char      *text,
                                 gssize           len,
                                 GError         **error);
/* An element holding @len bytes of @text (-1: up to NUL), forbidden characters replaced. */
gboolean _fz_summary_text       (FzSummaryWriter *self,
                                 const char      *name,
                                 const char      *text,
                                 gssize           len,
                                 GError         **error);
/* The ids of the figures an observation came from, space-separated, appended to @out. */
void     _fz_summary_figure_ids (FzSummaryWriter     *self,
                                 const FzObservation *obs,
                                 GString             *out);
gboolean _fz_summary_write_index (FzSummaryWriter *self,
                                  FzIndexResult   *result,
                                  GError         **error);

G_END_DECLS
