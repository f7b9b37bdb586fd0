/* fz-window-private.h: the window's fields, shared by its split source files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-after-frame.h"
#include "fz-document.h"
#include "fz-workspace.h"
#include "fz-window.h"

G_BEGIN_DECLS

/* What the reader is to show once the next frame is drawn (fz-window-documents.c). */
typedef enum
{
  FZ_READER_LATER_NONE,
  FZ_READER_LATER_FIRST,     /* the selected page, the first of a load */
  FZ_READER_LATER_REFRESH,   /* the page it shows, analysed */
} FzReaderLater;

struct _FzWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;
  char                 *screenshot_path;
  guint                 screenshot_frames;

  /* The state this window shows: documents, dates, index */
  FzWorkspace          *workspace;

  /* Documents (fz-window-documents.c) and their loading (fz-window-loading.c) */
  GtkWidget            *reader;
  gboolean              loading;
  guint                 index_progress_source;  /* shows a long computation of the index */
  guint                 progress_source;  /* the loading count, shown a few times a second */
  guint                 progress_done;
  guint                 progress_total;
  gint64                progress_shown_at;
  guint                 progress_held;
  gboolean              showing_index;
  guint                 n_before_load;
  gboolean              selecting_first;  /* the first page opened is shown, not switched to */
  gboolean              first_pending;    /* ...once the list has drawn its first rows */
  FzReaderLater         reader_later;
  FzAfterFrame          reader_after;

  /* Export (fz-window-export.c) */
  gboolean              exporting;
  GCancellable         *export_cancellable;

  /* The workspace file and the documents' files watched (fz-window-workspace.c) */
  GHashTable           *monitors;          /* folder path -> its watch */
  gboolean              workspace_refused; /* a damaged one waits for the analyst */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  AdwViewSwitcherTitle *view_switcher;
  AdwViewStack         *view_stack;
  GtkWidget            *sidebar_separator;
  GtkToggleButton      *sidebar_button;
  GtkWidget            *search_bar;
  GtkWidget            *search_button;
  GtkWidget            *search_entry;
  struct _FzDocumentList *document_list;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkStack             *reader_stack;
  GtkStack             *chart_stack;
  GMenu                *recent_menu;

  /* The Compare view (fz-window-charts.c) */
  struct _FzChartPane  *chart_pane;
  guint                 pending_source;   /* selects a figure once the reader shows it */
  guint                 pending_start;
  guint                 pending_end;
  gboolean              chart_chosen;     /* the first chart was chosen for what there is */
};

void     _fz_window_class_actions_init   (FzWindowClass *klass);
void     _fz_window_actions_update       (FzWindow      *self);
void     _fz_window_documents_init       (FzWindow      *self);
void     _fz_window_documents_dispose    (FzWindow      *self);
void     _fz_window_flush_reader         (FzWindow      *self);
gboolean _fz_window_reader_pending       (FzWindow      *self);
void     _fz_window_loading_init         (FzWindow      *self);
void     _fz_window_loading_constructed  (FzWindow      *self);
void     _fz_window_loading_dispose      (FzWindow      *self);
gboolean _fz_window_has_pending_work     (FzWindow      *self);
void     _fz_window_choose_files         (FzWindow      *self,
                                          gboolean       folders);
void     _fz_window_remove_selected      (FzWindow      *self);
void     _fz_window_open_path            (FzWindow      *self,
                                          const char    *path);
void     _fz_window_clear_recent         (FzWindow      *self);
FzDocument *_fz_window_get_selected_document (FzWindow   *self);
gboolean _fz_window_set_document_date    (FzWindow      *self,
                                          FzDocument    *document,
                                          const char    *iso_date,
                                          GError       **error);
void     _fz_window_ask_date             (FzWindow      *self);
void     _fz_window_set_sidebar_shown    (FzWindow      *self,
                                          gboolean       shown);
void     _fz_window_charts_init          (FzWindow      *self);
void     _fz_window_charts_dispose       (FzWindow      *self);
void     _fz_window_charts_set_lexicon   (FzWindow      *self,
                                          struct _FzLexicon *lexicon);

/* fz-window-export.c */
void     _fz_window_choose_export        (FzWindow      *self);
/* Writes the workspace's summary (XML) or figures table (CSV) to @file off the main thread;
 * a toast says how it went. */
void     _fz_window_export_to_file       (FzWindow      *self,
                                          GFile         *file,
                                          gboolean       csv);
void     _fz_window_cancel_export        (FzWindow      *self);

/* fz-window-import.c */
void     _fz_window_choose_summary       (FzWindow      *self);
/* Reads @path off the main thread, opens its documents (found by path or checksum) and
 * restores the decisions it holds; a toast says how it went. */
void     _fz_window_import_summary       (FzWindow      *self,
                                          const char    *path);

/* fz-window-workspace.c */
void     _fz_window_workspace_class_init (GtkWidgetClass *widget_class);
void     _fz_window_workspace_init       (FzWindow      *self);
void     _fz_window_workspace_dispose    (FzWindow      *self);
void     _fz_window_choose_workspace     (FzWindow      *self,
                                          gboolean       save);
/* Autosaves to @path from now on and, if it exists, opens it first. A damaged file is
 * refused with a dialog offering its backup or an empty workspace; autosave stays off until
 * the analyst chooses. FALSE and @error when it was refused. */
gboolean _fz_window_restore_workspace    (FzWindow      *self,
                                          const char    *path,
                                          GError       **error);
/* Saves the current workspace, then replaces it with @path's (refused, nothing changes). */
gboolean _fz_window_open_workspace       (FzWindow      *self,
                                          const char    *path,
                                          GError       **error);
gboolean _fz_window_save_workspace_as    (FzWindow      *self,
                                          const char    *path,
                                          GError       **error);
void     _fz_window_flush_workspace      (FzWindow      *self);

G_END_DECLS
