/* fz-workspace-file-write.c: the workspace as XML, written with xmlTextWriter, every call
 * checked. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-workspace-file.h"

#include "fz-decisions-private.h"
#include "fz-xml.h"

#include <string.h>

#define CHECK(call) G_STMT_START { if (!fz_xml_check ((call), error)) return FALSE; } G_STMT_END

/* @text as XML may hold it: most text already is, and is written without a copy. */
static const char *
xml_text (const char  *text,
          char       **owned)
{
  const guchar *p = (const guchar *) text;

  if (!g_utf8_validate (text, -1, NULL))
    return *owned = fz_xml_clean_text (text, -1, NULL);
  for (; *p != '\0'; p++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
        (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
      return *owned = fz_xml_clean_text (text, -1, NULL);
  return text;
}

static gboolean
write_attr (xmlTextWriter  *w,
            const char     *name,
            const char     *value,
            GError        **error)
{
  g_autofree char *owned = NULL;

  if (value == NULL)
    return TRUE;
  CHECK (xmlTextWriterWriteAttribute (w, (const xmlChar *) name,
                                      (const xmlChar *) xml_text (value, &owned)));
  return TRUE;
}

static gboolean
write_uint_attr (xmlTextWriter  *w,
                 const char     *name,
                 guint32         value,
                 GError        **error)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%u", value);
  return write_attr (w, name, buf, error);
}

static gboolean
write_double_attr (xmlTextWriter  *w,
                   const char     *name,
                   double          value,
                   GError        **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return write_attr (w, name, g_ascii_dtostr (buf, sizeof buf, value), error);
}

/* A path that is not UTF-8 (a file name in a legacy encoding) is kept exactly, as a URI. */
static gboolean
write_path_attr (xmlTextWriter  *w,
                 const char     *path,
                 GError        **error)
{
  guint n_replaced = 0;
  g_autofree char *uri = NULL;

  g_free (fz_xml_clean_text (path, -1, &n_replaced));
  if (n_replaced == 0)
    return write_attr (w, "path", path, error);
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    uri = g_uri_escape_bytes ((const guint8 *) path, strlen (path), NULL);
  return write_attr (w, "uri", uri, error);
}

static gboolean
write_text_element (xmlTextWriter  *w,
                    const char     *name,
                    const char     *text,
                    GError        **error)
{
  g_autofree char *owned = NULL;

  if (text == NULL)
    return TRUE;
  CHECK (xmlTextWriterWriteElement (w, (const xmlChar *) name,
                                    (const xmlChar *) xml_text (text, &owned)));
  return TRUE;
}

static gboolean
write_documents (xmlTextWriter          *w,
                 const FzWorkspaceState *state,
                 GError                **error)
{
  CHECK (xmlTextWriterStartElement (w, (const xmlChar *) "documents"));
  for (guint i = 0; i < state->documents->len; i++)
    {
      const FzWorkspaceEntry *e = g_ptr_array_index (state->documents, i);

      CHECK (xmlTextWriterStartElement (w, (const xmlChar *) "document"));
      if (!write_path_attr (w, e->path, error) || !write_attr (w, "checksum", e->checksum, error)
          || !write_attr (w, "date", e->date, error))
        return FALSE;
      CHECK (xmlTextWriterEndElement (w));
    }
  CHECK (xmlTextWriterEndElement (w));
  return TRUE;
}

static gboolean
write_index (xmlTextWriter          *w,
             const FzIndexOptions   *opts,
             GError                **error)
{
  CHECK (xmlTextWriterStartElement (w, (const xmlChar *) "index"));
  if (!write_attr (w, "method", fz_enum_to_string (FZ_TYPE_NORMALISATION, opts->normalisation),
                   error) ||
      !write_attr (w, "period", opts->period, error) ||
      (opts->level != FZ_REGION_LEVEL_UNKNOWN &&
       !write_attr (w, "level", fz_region_level_to_string (opts->level), error)) ||
      !write_uint_attr (w, "min-dimensions", opts->min_dimensions, error) ||
      !write_double_attr (w, "change-low", opts->change_low, error) ||
      !write_double_attr (w, "change-high", opts->change_high, error))
    return FALSE;
  for (guint i = 0; i < FZ_N_DIMENSIONS; i++)
    {
      CHECK (xmlTextWriterStartElement (w, (const xmlChar *) "weight"));
      if (!write_attr (w, "dimension", fz_dimension_to_string (i), error) ||
          !write_double_attr (w, "value", opts->weights[i], error))
        return FALSE;
      CHECK (xmlTextWriterEndElement (w));
    }
  CHECK (xmlTextWriterEndElement (w));
  return TRUE;
}

static gboolean
write_flags (xmlTextWriter     *w,
             const FzDecision  *d,
             GError           **error)
{
  return (!d->added || write_attr (w, "added", "true", error)) &&
         (!d->rejected || write_attr (w, "rejected", "true", error)) &&
         (!d->accepted || write_attr (w, "accepted", "true", error)) &&
         (d->attached || write_attr (w, "attached", "false", error));
}

static gboolean
write_decision (xmlTextWriter     *w,
                const FzDecision  *d,
                GError           **error)
{
  const char *name = d->target == FZ_DECISION_FIGURE ? "figure" : "article";

  CHECK (xmlTextWriterStartElement (w, (const xmlChar *) name));
  if (!write_uint_attr (w, "start", d->anchor.start, error) ||
      !write_uint_attr (w, "end", d->anchor.end, error) || !write_flags (w, d, error) ||
      !write_text_element (w, "prefix", d->anchor.prefix ? d->anchor.prefix : "", error) ||
      !write_text_element (w, "quote", d->anchor.quote ? d->anchor.quote : "", error) ||
      !write_text_element (w, "suffix", d->anchor.suffix ? d->anchor.suffix : "", error))
    return FALSE;
  for (guint i = 0; i < FZ_N_FIGURE_FIELDS; i++)
    {
      /* An added figure's empty fields read back as empty: not written. */
      if (d->fields[i] == NULL || (d->added && d->fields[i][0] == '\0'))
        continue;
      g_autofree char *owned = NULL;

      CHECK (xmlTextWriterStartElement (w, (const xmlChar *) "set"));
      if (!write_attr (w, "field", fz_figure_field_to_string (i), error))
        return FALSE;
      CHECK (xmlTextWriterWriteString (w, (const xmlChar *) xml_text (d->fields[i], &owned)));
      CHECK (xmlTextWriterEndElement (w));
    }
  if (!write_text_element (w, "note", d->note, error))
    return FALSE;
  CHECK (xmlTextWriterEndElement (w));
  return TRUE;
}

static gboolean
write_doc_decisions (xmlTextWriter   *w,
                     FzDocDecisions  *doc,
                     GError         **error)
{
  g_autoptr(GPtrArray) all = _fz_doc_decisions_list (doc);

  if (all->len == 0 && doc->note == NULL)
    return TRUE;
  CHECK (xmlTextWriterStartElement (w, (const xmlChar *) "decisions"));
  if (!write_path_attr (w, doc->path, error) ||
      (doc->checksum != NULL && doc->checksum[0] != '\0' &&
       !write_attr (w, "checksum", doc->checksum, error)) ||
      !write_text_element (w, "note", doc->note, error))
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    if (!write_decision (w, g_ptr_array_index (all, i), error))
      return FALSE;
  CHECK (xmlTextWriterEndElement (w));
  return TRUE;
}

static gboolean
write_workspace (xmlTextWriter          *w,
                 const FzWorkspaceState *state,
                 GError                **error)
{
  g_auto(GStrv) paths = fz_decisions_dup_paths (state->decisions);
  char version[16];

  g_snprintf (version, sizeof version, "%d", FZ_WORKSPACE_FILE_VERSION);
  CHECK (xmlTextWriterSetIndent (w, 1));
  CHECK (xmlTextWriterSetIndentString (w, (const xmlChar *) " "));
  CHECK (xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL));
  CHECK (xmlTextWriterStartElement (w, (const xmlChar *) "workspace"));
  if (!write_attr (w, "xmlns", FZ_WORKSPACE_FILE_NS, error) ||
      !write_attr (w, "version", version, error) ||
      !write_documents (w, state, error) || !write_index (w, &state->index, error))
    return FALSE;
  for (guint i = 0; paths[i] != NULL; i++)
    if (!write_doc_decisions (w, _fz_decisions_get_doc (state->decisions, paths[i], FALSE),
                              error))
      return FALSE;
  CHECK (xmlTextWriterEndElement (w));
  CHECK (xmlTextWriterEndDocument (w));
  return TRUE;
}

GBytes *
fz_workspace_file_write (const FzWorkspaceState  *state,
                         GError                 **error)
{
  xmlBuffer *buffer;
  xmlTextWriter *w;
  gboolean ok;
  GBytes *bytes = NULL;

  g_return_val_if_fail (state != NULL, NULL);
  g_return_val_if_fail (FZ_IS_DECISIONS (state->decisions), NULL);

  /* Room for a large workspace up front, doubling after: no copy per element. */
  buffer = xmlBufferCreateSize (1 << 20);
  if (buffer != NULL)
    xmlBufferSetAllocationScheme (buffer, XML_BUFFER_ALLOC_DOUBLEIT);
  w = buffer != NULL ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  if (w == NULL)
    {
      g_clear_pointer (&buffer, xmlBufferFree);
      fz_xml_check (-1, error);
      return NULL;
    }
  ok = write_workspace (w, state, error);
  /* Freeing the writer flushes it into the buffer. */
  xmlFreeTextWriter (w);
  if (ok)
    bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}
