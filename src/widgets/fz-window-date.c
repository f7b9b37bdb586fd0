/* fz-window-date.c: the dialog that sets the publication date of the selected page. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-document-date.h"
#include "fz-pipeline.h"
#include "fz-window-private.h"

#define DATE_ENTRY_KEY "fz-date-entry"

/* The date the analyst typed, in any form a masthead uses, as YYYY-MM-DD; NULL if none. */
static char *
typed_date (GtkEditable *entry)
{
  const char *text = gtk_editable_get_text (entry);
  GDate date;
  char iso[16];

  g_date_clear (&date, 1);
  if (!fz_doc_date_parse (text, -1, &date))
    return NULL;
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
  return g_strdup (iso);
}

static void
entry_changed (GtkEditable      *entry,
               AdwMessageDialog *dialog)
{
  g_autofree char *iso = typed_date (entry);
  gboolean empty = *gtk_editable_get_text (entry) == '\0';

  adw_message_dialog_set_response_enabled (dialog, "set", iso != NULL);
  if (iso == NULL && !empty)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
date_response (AdwMessageDialog *dialog,
               const char       *response,
               FzWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), DATE_ENTRY_KEY);
  FzDocument *document = g_object_get_data (G_OBJECT (dialog), "fz-document");
  g_autofree char *iso = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "set") != 0)
    return;
  iso = typed_date (entry);
  if (iso == NULL || document == NULL)
    return;
  if (!_fz_window_set_document_date (self, document, iso, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

void
_fz_window_ask_date (FzWindow *self)
{
  FzDocument *document = _fz_window_get_selected_document (self);
  GtkWidget *dialog, *entry;
  const char *date;

  if (document == NULL)
    return;
  date = fz_document_get_date (document);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Publication Date"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The day “%s” was published. Periods such as 今年 "
                                    "and 去年 are read from its year."),
                                  fz_document_get_title (document));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "set", _("_Set Date"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "set",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "set");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "2022-04-25");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Publication date"), -1);
  gtk_widget_set_tooltip_text (entry, _("For example 2022-04-25, 2022.04.25 or 2022年4月25日"));
  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), date);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), DATE_ENTRY_KEY, entry);
  g_object_set_data_full (G_OBJECT (dialog), "fz-document", g_object_ref (document),
                          g_object_unref);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed), dialog);
  entry_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (date_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
