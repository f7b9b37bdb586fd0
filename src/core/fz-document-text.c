/* fz-document-text.c: the one place that picks a reader for a file's bytes. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-document-text.h"

#include "fz-charset.h"
#include "fz-document-html.h"
#include "fz-document-pdf.h"

void
fz_document_text_free (FzDocumentText *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->date);
  g_free (self->outlet);
  g_clear_object (&self->page_map);
  g_free (self->chars);
  g_free (self);
}

static gboolean
read_html (FzDocumentText  *self,
           const guint8    *data,
           gsize            len,
           GError         **error)
{
  g_autoptr(FzHtmlPage) page = fz_document_html_read (data, len, error);

  if (page == NULL)
    return FALSE;
  self->text = g_steal_pointer (&page->text);
  self->len = page->len;
  self->encoding = page->encoding;
  self->date = g_steal_pointer (&page->date);
  self->date_is_page = self->date != NULL;
  self->outlet = g_steal_pointer (&page->outlet);
  return TRUE;
}

static FzDocumentText *
decode (const char    *name,
        const guint8  *data,
        gsize          len,
        gboolean       want_chars,
        GError       **error)
{
  g_autoptr(FzDocumentText) self = g_new0 (FzDocumentText, 1);

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (fz_document_pdf_sniff (data, len))
    {
      self->text = fz_document_pdf_read (data, len, &self->len, &self->page_map, &self->date,
                                         error);
      self->encoding = "PDF";
    }
  else if (fz_document_html_sniff (name, data, len))
    {
      if (!read_html (self, data, len, error))
        return NULL;
    }
  else
    self->text = fz_charset_decode_chars (data, len, &self->len, &self->encoding,
                                          want_chars ? &self->chars : NULL, &self->n_chars,
                                          error);
  if (self->text == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

FzDocumentText *
fz_document_text_decode (const char    *name,
                         const guint8  *data,
                         gsize          len,
                         GError       **error)
{
  return decode (name, data, len, FALSE, error);
}

FzDocumentText *
fz_document_text_decode_chars (const char    *name,
                               const guint8  *data,
                               gsize          len,
                               GError       **error)
{
  return decode (name, data, len, TRUE, error);
}
