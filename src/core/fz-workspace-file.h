/* fz-workspace-file.h: the analyst's state as saved: open documents, the dates set by hand,
 * the index settings and the decisions, written atomically as XML (data/fanzha-workspace.rng). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-decisions.h"
#include "fz-index.h"

G_BEGIN_DECLS

/* The one format version this code writes and reads. */
#define FZ_WORKSPACE_FILE_VERSION 1
/* The namespace of its elements. */
#define FZ_WORKSPACE_FILE_NS "urn:x-fanzha:workspace"

/* An open document: derived data (figures, attributions, scores) is never saved. */
typedef struct
{
  char *path;
  char *checksum;   /* fz_decisions_text_checksum() of its text when saved, or NULL */
  char *date;       /* YYYY-MM-DD the analyst set, or NULL */
} FzWorkspaceEntry;

/* What a workspace file holds. The app's FzWorkspace fills one to save and reads one loaded. */
typedef struct
{
  GPtrArray      *documents;   /* FzWorkspaceEntry *, in the order of the document list */
  FzIndexOptions  index;       /* index.period is NULL or points to @period */
  char           *period;
  FzDecisions    *decisions;   /* never NULL */
} FzWorkspaceState;

FzWorkspaceState *fz_workspace_state_new          (void);
void              fz_workspace_state_free         (FzWorkspaceState  *state);
/* Adds a document (or updates the one with this path); @checksum and @date may be NULL. */
FzWorkspaceEntry *fz_workspace_state_add_document (FzWorkspaceState  *state,
                                                   const char        *path,
                                                   const char        *checksum,
                                                   const char        *date);
const FzWorkspaceEntry *fz_workspace_state_lookup (const FzWorkspaceState *state,
                                                   const char        *path);
/* Copies @period ("2022", "2022-03", "ytd", NULL...) and points index.period at it. */
void              fz_workspace_state_set_period   (FzWorkspaceState  *state,
                                                   const char        *period);
/* Hands over a decisions object (the app's own); takes a reference. */
void              fz_workspace_state_set_decisions (FzWorkspaceState *state,
                                                   FzDecisions       *decisions);

/* The file as XML bytes (xmlTextWriter, every call checked). */
GBytes           *fz_workspace_file_write         (const FzWorkspaceState *state,
                                                   GError           **error);
/* Writes to a temporary file in the same folder, syncs it to disk and renames it over @path,
 * keeping the previous version as fz_workspace_file_backup_path (@path). A failure leaves
 * @path as it was. */
gboolean          fz_workspace_file_save          (const FzWorkspaceState *state,
                                                   const char        *path,
                                                   GError           **error);
/* Reads a workspace; a damaged, hostile or newer file is refused with an FZ_ERROR naming the
 * file, what is wrong and where, and saying whether a backup exists. Nothing is written. */
FzWorkspaceState *fz_workspace_file_load          (const char        *path,
                                                   GError           **error);
FzWorkspaceState *fz_workspace_file_read          (const char        *data,
                                                   gsize              len,
                                                   const char        *display_name,
                                                   GError           **error);
/* "NAME~", where the previous version is kept. */
char             *fz_workspace_file_backup_path   (const char        *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzWorkspaceState, fz_workspace_state_free)

G_END_DECLS
