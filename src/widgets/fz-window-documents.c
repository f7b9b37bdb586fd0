/* fz-window-documents.c: the document list: opening, loading off the main thread, removing. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-window-private.h"

gboolean
_fz_window_has_pending_work (FzWindow *self)
{
  return self->loading;
}

gboolean
fz_window_is_busy (FzWindow *self)
{
  g_return_val_if_fail (FZ_IS_WINDOW (self), FALSE);
  return self->loading;
}

static void
chooser_response (GtkNativeDialog *dialog,
                  int              response,
                  FzWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      fz_window_open_files (self, (GFile **) array->pdata, array->len);
    }
  g_object_unref (dialog);
}

void
_fz_window_choose_files (FzWindow *self,
                         gboolean  folders)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folders ? _("Open Folder") : _("Open Files"),
                                         GTK_WINDOW (self),
                                         folders ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                 : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_fz_window_remove_selected (FzWindow *self)
{
}

void
fz_window_open_files (FzWindow  *self,
                      GFile    **files,
                      int        n_files)
{
  g_return_if_fail (FZ_IS_WINDOW (self));
}

void
_fz_window_documents_init (FzWindow *self)
{
  self->documents = g_list_store_new (G_TYPE_OBJECT);
}

void
_fz_window_documents_finalize (FzWindow *self)
{
  g_clear_object (&self->documents);
}
