/* fz-window-documents.c: the document list: columns, filtering, sorting, articles, removing. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-document-list.h"
#include "fz-pipeline.h"
#include "fz-reader-view.h"
#include "fz-window-private.h"

static void
search_changed (FzWindow *self)
{
  fz_document_list_set_filter_text (self->document_list,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Shows the selected page in the reader; @first: the first page of a load, shown without
 * leaving the view the analyst is on (the charts, say). */
static void
show_selected (FzWindow *self,
               gboolean  first)
{
  int article = -1;
  FzDocument *document = fz_document_list_get_selected (self->document_list, &article);
  FzReaderView *reader = FZ_READER_VIEW (self->reader);

  if (document == NULL)
    return;
  /* The pane first, so that a page staged while loading knows it is drawn. */
  gtk_stack_set_visible_child_name (self->reader_stack, "reader");
  if (first && self->loading)
    fz_reader_view_stage_next (reader);
  fz_reader_view_set_document (reader, document, article);
  adw_view_switcher_title_set_title (self->view_switcher, fz_document_get_title (document));
  adw_view_switcher_title_set_subtitle (self->view_switcher, fz_document_get_name (document));
  if (!first)
    adw_view_stack_set_visible_child_name (self->view_stack, "read");
  /* Folded, the page slides in. Side by side, the content only becomes the visible child
   * (what a later fold shows), without the navigation's transition, which drew the content
   * before it had its size. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  else
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The page shown again with its analysis, where it is: the view and the pane the analyst is
 * on stay. */
static void
refresh_reader (FzWindow *self)
{
  FzReaderView *reader = FZ_READER_VIEW (self->reader);
  FzDocument *document = fz_reader_view_get_document (reader);
  int article = -1;

  if (document == NULL)
    return;
  if (fz_document_list_get_selected (self->document_list, &article) != document)
    article = -1;
  if (self->loading)
    fz_reader_view_stage_next (reader);
  fz_reader_view_refresh (reader, article);
  _fz_window_actions_update (self);
}

/* While a folder loads, the reader takes its page (the first one, or the one it shows, now
 * analysed) in the main loop iteration after the next frame: with the list's rows changing
 * in the same frame, that frame drew the whole window, longer than a frame should take. */
static void
cancel_reader_later (FzWindow *self)
{
  fz_after_frame_cancel (&self->reader_after);
  self->reader_later = FZ_READER_LATER_NONE;
}

static void
reader_later_run (gpointer data,
                  gpointer unused)
{
  _fz_window_flush_reader (data);
}

/* FALSE: not worth waiting for (nothing drawn, or no folder loading), to do now. */
static gboolean
reader_later (FzWindow      *self,
              FzReaderLater  what)
{
  if (!self->loading || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  /* Showing the first page makes a refresh of it moot. */
  if (self->reader_later != FZ_READER_LATER_FIRST)
    self->reader_later = what;
  fz_after_frame_schedule (&self->reader_after, GTK_WIDGET (self), reader_later_run, self);
  return TRUE;
}

static void
selection_changed (FzWindow *self)
{
  /* What the reader was to show later is overtaken by the selection. */
  cancel_reader_later (self);
  _fz_window_actions_update (self);
  if (!self->selecting_first || !reader_later (self, FZ_READER_LATER_FIRST))
    show_selected (self, self->selecting_first);
}

/* Setup */

static void
add_reader (FzWindow *self)
{
  self->reader = fz_reader_view_new ();
  fz_reader_view_set_workspace (FZ_READER_VIEW (self->reader), self->workspace);
  gtk_stack_add_named (self->reader_stack, self->reader, "reader");
  gtk_widget_insert_action_group (GTK_WIDGET (self), "reader",
                                  fz_reader_view_get_actions (FZ_READER_VIEW (self->reader)));
}

/* Private API */

static void
undo_remove (AdwToast *toast,
             FzWindow *self)
{
  FzDocument *document = g_object_get_data (G_OBJECT (toast), "fz-document");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "fz-position"));

  fz_workspace_insert_document (self->workspace, position, document);
}

/* Removing is undone from the toast; the next page is shown, as in a file manager. */
void
_fz_window_remove_selected (FzWindow *self)
{
  g_autoptr(FzDocument) document = NULL;
  g_autoptr(FzDocument) next = NULL;
  GListModel *documents = fz_workspace_get_documents (self->workspace);
  g_autofree char *title = NULL;
  AdwToast *toast;
  int position;

  document = fz_document_list_get_selected (self->document_list, NULL);
  if (document == NULL || self->loading)
    return;
  g_object_ref (document);
  if (fz_reader_view_get_document (FZ_READER_VIEW (self->reader)) == document)
    {
      fz_reader_view_set_document (FZ_READER_VIEW (self->reader), NULL, -1);
      gtk_stack_set_visible_child_name (self->reader_stack, "empty");
      adw_view_switcher_title_set_title (self->view_switcher, _("Fanzha"));
      adw_view_switcher_title_set_subtitle (self->view_switcher, NULL);
    }
  position = fz_workspace_remove_document (self->workspace, document);
  if (position < 0)
    return;
  next = g_list_model_get_item (documents, MIN ((guint) position,
                                                g_list_model_get_n_items (documents) - 1));
  if (next != NULL)
    fz_document_list_select_document (self->document_list, next);

  title = g_strdup_printf (_("“%s” removed"), fz_document_get_title (document));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "fz-document", g_object_ref (document),
                          g_object_unref);
  g_object_set_data (G_OBJECT (toast), "fz-position", GUINT_TO_POINTER (position));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _fz_window_actions_update (self);
}

FzDocument *
_fz_window_get_selected_document (FzWindow *self)
{
  return fz_document_list_get_selected (self->document_list, NULL);
}

gboolean
_fz_window_set_document_date (FzWindow    *self,
                              FzDocument  *document,
                              const char  *iso_date,
                              GError     **error)
{
  return fz_workspace_set_document_date (self->workspace, document, iso_date, error);
}

/* A page analysed, or read again (a new date), is shown again with its new figures. */
static void
document_changed (FzWindow    *self,
                  FzDocument  *document,
                  FzWorkspace *workspace)
{
  if (fz_reader_view_get_document (FZ_READER_VIEW (self->reader)) != document)
    return;
  if (!reader_later (self, FZ_READER_LATER_REFRESH))
    refresh_reader (self);
}

/* Whatever the reader was to show later, now: its frame has come, or the load is over. */
void
_fz_window_flush_reader (FzWindow *self)
{
  FzReaderLater what = self->reader_later;

  cancel_reader_later (self);
  if (what == FZ_READER_LATER_FIRST)
    show_selected (self, TRUE);
  else if (what == FZ_READER_LATER_REFRESH)
    refresh_reader (self);
}

gboolean
_fz_window_reader_pending (FzWindow *self)
{
  return self->reader_later != FZ_READER_LATER_NONE;
}

void
_fz_window_documents_dispose (FzWindow *self)
{
  cancel_reader_later (self);
}

void
_fz_window_documents_init (FzWindow *self)
{
  fz_document_list_set_workspace (self->document_list, self->workspace);
  g_signal_connect_object (self->document_list, "selection-changed",
                           G_CALLBACK (selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed),
                           self, G_CONNECT_SWAPPED);
  add_reader (self);
  g_signal_connect_object (self->workspace, "document-changed", G_CALLBACK (document_changed),
                           self, G_CONNECT_SWAPPED);
}
