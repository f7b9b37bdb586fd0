/* fz-summary-reader.h: a summary read back (fz-summary-writer.h writes it): its settings,
 * documents and the analyst's decisions and notes, as plain data. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "fz-summary-writer.h"

G_BEGIN_DECLS

/* 256 MiB: a 10,000-page summary is well under; the tree takes several times the file. */
#define FZ_SUMMARY_MAX_SIZE (256 * 1024 * 1024)

/* A figure as the summary holds it; strings are never NULL ("" when absent). */
typedef struct
{
  char           *id;
  FzSummaryStatus  status;
  guint32         start;
  guint32         end;
  gint32          article;       /* -1 when none */
  FzKind          kind;
  char           *value;
  char           *unit;
  FzQualifier     qualifier;
  FzChange        change;
  FzBasis         basis;
  char           *indicator;
  char           *region;
  gint64          region_code;
  char           *period;
  gboolean        core;
  char           *text;
  char           *note;          /* NULL when none */
} FzSummaryFigure;

typedef struct
{
  char      *id;
  char      *name;
  char      *path;       /* as written, or NULL */
  char      *sha256;     /* or NULL */
  char      *outlet;     /* or NULL */
  char      *date;       /* YYYY-MM-DD or NULL */
  GFile     *file;       /* where it is now (fz_summary_locate_documents), or NULL */
  GStrv      notes;      /* never NULL */
  GPtrArray *figures;    /* FzSummaryFigure *, in document order */
} FzSummaryDocument;

typedef struct _FzSummary FzSummary;

/* Reads through fz-xml (no DTD, entities or network; size and depth limits) and checks what
 * it takes: the version (a newer one is refused), the root, every needed attribute. Each
 * refusal is one FZ_ERROR naming the file, what is wrong and the line. */
FzSummary               *fz_summary_read_file        (const char     *path,
                                                      GError        **error);
/* The same for a tree that fz_xml_read_file() or fz_xml_read_memory() parsed; @display names
 * the file in messages. */
FzSummary               *fz_summary_read_doc         (xmlDoc         *doc,
                                                      const char     *display,
                                                      GError        **error);
/* What fz_summary_read_doc() checks of one element (the root's version and namespace, the
 * settings, a weight, a document or a figure: its attributes), for a check that reads the
 * file node by node; other elements pass. */
gboolean                 fz_summary_check_element    (xmlNode        *node,
                                                      const char     *display,
                                                      GError        **error);
void                     fz_summary_free             (FzSummary      *self);

const char              *fz_summary_get_created      (FzSummary      *self);
/* The index settings; the period string lives as long as @self. */
const FzIndexOptions    *fz_summary_get_index_options (FzSummary     *self);
guint                    fz_summary_get_n_documents  (FzSummary      *self);
const FzSummaryDocument *fz_summary_get_document     (FzSummary      *self,
                                                      guint           i);
/* Finds each document: at its path when the file there has the same checksum, else a file
 * of @folder (the summary's own folder, say) with that checksum. Returns how many were
 * found; the others keep file NULL. */
guint                    fz_summary_locate_documents (FzSummary      *self,
                                                      const char     *folder,
                                                      GCancellable   *cancellable);
/* Decisions for the writer that give back the statuses and notes read, matched by the
 * document's file (or name) and the figure's span and kind. Valid while @self lives; ask
 * for them after fz_summary_locate_documents(), whose files they match. */
void                     fz_summary_get_decisions    (FzSummary          *self,
                                                      FzSummaryDecisions *decisions);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzSummary, fz_summary_free)

G_END_DECLS
