/* fz-window-private.h: the window's fields, shared by its split source files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-document.h"
#include "fz-workspace.h"
#include "fz-window.h"

G_BEGIN_DECLS

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
  guint                 n_before_load;
  gboolean              selecting_first;  /* the first page opened is shown, not switched to */

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
void     _fz_window_loading_init         (FzWindow      *self);
void     _fz_window_loading_constructed  (FzWindow      *self);
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

G_END_DECLS
