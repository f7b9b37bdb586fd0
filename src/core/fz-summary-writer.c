/* fz-summary-writer.c: the summary's header, settings and documents, streamed through
 * xmlTextWriter onto a GOutputStream; every libxml2 call is checked. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fz-decisions.h"
#include "fz-error.h"
#include "fz-summary-writer-private.h"
#include "fz-xml.h"

/* Around a figure, the sentence is cut at this many code points on each side. */
#define SENTENCE_MAX_CHARS 200

static const char * const status_names[FZ_N_SUMMARY_STATUSES] = {
  "machine", "added", "edited", "rejected", "accepted"
};

/* A rejection outweighs everything, then an addition, then an edit. */
FzSummaryStatus
fz_summary_status_from_flags (guint32 flags)
{
  if (flags & FZ_FIGURE_STATUS_REJECTED)
    return FZ_SUMMARY_STATUS_REJECTED;
  if (flags & FZ_FIGURE_STATUS_ADDED)
    return FZ_SUMMARY_STATUS_ADDED;
  if (flags & FZ_FIGURE_STATUS_EDITED)
    return FZ_SUMMARY_STATUS_EDITED;
  if (flags & FZ_FIGURE_STATUS_ACCEPTED)
    return FZ_SUMMARY_STATUS_ACCEPTED;
  return FZ_SUMMARY_STATUS_MACHINE;
}

/* ---- xmlTextWriter onto a GOutputStream ---- */

static int
stream_write (void       *context,
              const char *buffer,
              int         len)
{
  FzSummaryWriter *self = context;

  if (self->io_error != NULL)
    return -1;
  if (!g_output_stream_write_all (self->stream, buffer, len, NULL, self->cancellable,
                                  &self->io_error))
    return -1;
  return len;
}

static int
stream_close (void *context)
{
  return 0;
}

gboolean
_fz_summary_check (FzSummaryWriter *self,
                   int              rc,
                   GError         **error)
{
  if (rc >= 0)
    return TRUE;
  if (self->io_error != NULL)
    g_propagate_prefixed_error (error, g_error_copy (self->io_error), "%s",
                                _("Could not write the summary: "));
  else
    g_set_error_literal (error, FZ_ERROR, FZ_ERROR_IO,
                         _("Could not write the summary: the XML writer failed"));
  return FALSE;
}

gboolean
_fz_summary_start (FzSummaryWriter *self,
                   const char      *name,
                   GError         **error)
{
  return _fz_summary_check (self, xmlTextWriterStartElement (self->xml, BAD_CAST name), error);
}

gboolean
_fz_summary_end (FzSummaryWriter *self,
                 GError         **error)
{
  return _fz_summary_check (self, xmlTextWriterEndElement (self->xml), error);
}

/* TRUE when @text (@len bytes) is valid UTF-8 without a character XML 1.0 forbids: most
 * text is, and is then written without a cleaned copy. */
static gboolean
is_clean (const char *text,
          gsize       len)
{
  const guchar *p = (const guchar *) text;

  for (gsize i = 0; i < len; i++)
    {
      if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r')
        return FALSE;
      /* U+FFFE and U+FFFF */
      if (p[i] == 0xEF && i + 2 < len && p[i + 1] == 0xBF && (p[i + 2] & 0xFE) == 0xBE)
        return FALSE;
    }
  return g_utf8_validate (text, len, NULL);
}

static gboolean
write_attribute (FzSummaryWriter *self,
                 const char      *name,
                 const char      *value,
                 GError         **error)
{
  return _fz_summary_check (self, xmlTextWriterWriteAttribute (self->xml, BAD_CAST name,
                                                               BAD_CAST value), error);
}

gboolean
_fz_summary_attr (FzSummaryWriter *self,
                  const char      *name,
                  const char      *value,
                  GError         **error)
{
  g_autofree char *clean = NULL;

  if (value == NULL || *value == '\0')
    return TRUE;
  if (is_clean (value, strlen (value)))
    return write_attribute (self, name, value, error);
  clean = fz_xml_clean_text (value, -1, &self->n_replaced);
  return write_attribute (self, name, clean, error);
}

/* Every count, offset and code the summary holds fits a gint64. */
gboolean
_fz_summary_attr_int (FzSummaryWriter *self,
                      const char      *name,
                      gint64           value,
                      GError         **error)
{
  char buf[24];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  return write_attribute (self, name, buf, error);
}

gboolean
_fz_summary_attr_code (FzSummaryWriter *self,
                       const char      *name,
                       gint64           code,
                       GError         **error)
{
  return code == 0 || _fz_summary_attr_int (self, name, code, error);
}

gboolean
_fz_summary_attr_double (FzSummaryWriter *self,
                         const char      *name,
                         const char      *format,
                         double           value,
                         GError         **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* No format: the shortest writing that reads back as the same number. */
  if (format == NULL)
    {
      g_ascii_formatd (buf, sizeof buf, "%.15g", value);
      if (g_ascii_strtod (buf, NULL) != value)
        g_ascii_formatd (buf, sizeof buf, "%.17g", value);
    }
  else
    g_ascii_formatd (buf, sizeof buf, format, value);
  return write_attribute (self, name, buf, error);
}

gboolean
_fz_summary_content (FzSummaryWriter *self,
                     const char      *text,
                     gssize           len,
                     GError         **error)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  g_autofree char *clean = is_clean (text, n) ? g_strndup (text, n)
                                              : fz_xml_clean_text (text, n, &self->n_replaced);

  return _fz_summary_check (self, xmlTextWriterWriteString (self->xml, BAD_CAST clean), error);
}

gboolean
_fz_summary_text (FzSummaryWriter *self,
                  const char      *name,
                  const char      *text,
                  gssize           len,
                  GError         **error)
{
  return _fz_summary_start (self, name, error) &&
         _fz_summary_content (self, text, len, error) &&
         _fz_summary_end (self, error);
}

/* ---- header and settings ---- */

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
method_name (FzNormalisation normalisation)
{
  switch (normalisation)
    {
    case FZ_NORMALISATION_PERCENTILE: return "percentile";
    case FZ_NORMALISATION_GOALPOSTS: return "goalposts";
    case FZ_NORMALISATION_MIN_MAX:
    default: return "minmax";
    }
}

static gboolean
write_settings (FzSummaryWriter      *self,
                const FzIndexOptions *opts,
                GError              **error)
{
  FzRegionLevel level = opts->level;

  if (!_fz_summary_start (self, "settings", error) ||
      !_fz_summary_attr (self, "level", level == FZ_REGION_LEVEL_UNKNOWN ? "any"
                         : fz_region_level_to_string (level), error) ||
      !_fz_summary_attr (self, "period", opts->period != NULL ? opts->period : "all", error) ||
      !_fz_summary_attr (self, "method", method_name (opts->normalisation), error) ||
      !_fz_summary_attr_int (self, "min-dimensions", opts->min_dimensions, error) ||
      !_fz_summary_attr_double (self, "change-low", NULL, opts->change_low, error) ||
      !_fz_summary_attr_double (self, "change-high", NULL, opts->change_high, error))
    return FALSE;
  for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
    if (!_fz_summary_start (self, "weight", error) ||
        !_fz_summary_attr (self, "dimension", fz_dimension_to_string (d), error) ||
        !_fz_summary_attr_double (self, "value", NULL, opts->weights[d], error) ||
        !_fz_summary_end (self, error))
      return FALSE;
  return _fz_summary_end (self, error);
}

static gboolean
write_header (FzSummaryWriter *self,
              GError         **error)
{
  g_autofree char *now = self->options.created == NULL ? now_iso8601 () : NULL;
  FzIndexOptions defaults;
  const FzIndexOptions *opts = self->options.index_options;

  if (opts == NULL)
    {
      fz_index_options_init (&defaults);
      opts = &defaults;
    }
  return _fz_summary_check (self, xmlTextWriterSetIndent (self->xml, 1), error) &&
         _fz_summary_check (self, xmlTextWriterSetIndentString (self->xml, BAD_CAST "  "),
                            error) &&
         _fz_summary_check (self, xmlTextWriterStartDocument (self->xml, "1.0", "UTF-8", NULL),
                            error) &&
         _fz_summary_start (self, "summary", error) &&
         _fz_summary_attr (self, "xmlns", FZ_SUMMARY_NAMESPACE, error) &&
         _fz_summary_attr_int (self, "version", FZ_SUMMARY_VERSION, error) &&
         _fz_summary_attr (self, "created", now != NULL ? now : self->options.created, error) &&
         _fz_summary_attr (self, "generator", "Fanzha " PACKAGE_VERSION, error) &&
         write_settings (self, opts, error) &&
         _fz_summary_start (self, "documents", error);
}

static void
document_spans_free (gpointer data)
{
  DocumentSpans *spans = data;

  g_array_unref (spans->spans);
  g_free (spans);
}

FzSummaryWriter *
fz_summary_writer_new (GOutputStream          *stream,
                       const FzSummaryOptions *options,
                       GCancellable           *cancellable,
                       GError                **error)
{
  g_autoptr(FzSummaryWriter) self = g_new0 (FzSummaryWriter, 1);
  xmlOutputBufferPtr out;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  /* xmlTextWriter hands over small pieces: a buffer saves a system call for each. */
  self->stream = g_buffered_output_stream_new_sized (stream, 256 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (self->stream), FALSE);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (options != NULL)
    self->options = *options;
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  out = xmlOutputBufferCreateIO (stream_write, stream_close, self, NULL);
  if (out == NULL || (self->xml = xmlNewTextWriter (out)) == NULL)
    {
      if (out != NULL)
        xmlOutputBufferClose (out);
      g_set_error_literal (error, FZ_ERROR, FZ_ERROR_FAILED,
                           _("Could not write the summary: the XML writer failed"));
      return NULL;
    }
  if (!write_header (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
fz_summary_writer_free (FzSummaryWriter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->xml, xmlFreeTextWriter);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->io_error);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_free (self);
}

guint
fz_summary_writer_get_n_replaced (FzSummaryWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_replaced;
}

/* ---- documents ---- */

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' ||
         c == 0xFF1B /* ； */ || c == ';' || c == '\n';
}

/* The sentence holding [byte_start, byte_end): up to the previous sentence end, through the
 * next one, at most SENTENCE_MAX_CHARS either side; its start in code points in *start. */
static void
find_sentence (const char     *text,
               gsize           len,
               const FzFigure *f,
               const char    **s_begin,
               const char    **s_end,
               guint          *start,
               guint          *end)
{
  const char *b = text + f->byte_start;
  const char *e = text + f->byte_end;
  guint before = 0, after = 0;

  while (b > text && before < SENTENCE_MAX_CHARS)
    {
      const char *prev = g_utf8_prev_char (b);

      if (is_sentence_end (g_utf8_get_char (prev)))
        break;
      b = prev;
      before++;
    }
  while (e < text + len && after < SENTENCE_MAX_CHARS)
    {
      gunichar c = g_utf8_get_char (e);

      if (c == '\n')
        break;
      e = g_utf8_next_char (e);
      after++;
      if (is_sentence_end (c))
        break;
    }
  *s_begin = b;
  *s_end = e;
  *start = f->start - before;
  *end = f->end + after;
}

static gboolean
write_article (FzSummaryWriter *self,
               const FzArticle *a,
               guint            index,
               GError         **error)
{
  return _fz_summary_start (self, "article", error) &&
         _fz_summary_attr_int (self, "index", index, error) &&
         _fz_summary_attr_int (self, "start", a->start, error) &&
         _fz_summary_attr_int (self, "end", a->end, error) &&
         _fz_summary_attr_int (self, "title-start", a->title_start, error) &&
         _fz_summary_attr_int (self, "title-end", a->title_end, error) &&
         _fz_summary_attr_int (self, "body-start", a->body_start, error) &&
         _fz_summary_attr_int (self, "body-end", a->body_end, error) &&
         (!a->is_caption || _fz_summary_attr (self, "caption", "true", error)) &&
         _fz_summary_attr (self, "region", a->region, error) &&
         _fz_summary_attr_code (self, "region-code", a->region_code, error) &&
         _fz_summary_text (self, "title", a->title != NULL ? a->title : "", -1, error) &&
         (a->byline == NULL || _fz_summary_text (self, "byline", a->byline, -1, error)) &&
         _fz_summary_end (self, error);
}

static gboolean
write_figure_fields (FzSummaryWriter    *self,
                     const FzFigureList *list,
                     const FzFigure     *f,
                     GError            **error)
{
  return _fz_summary_attr_int (self, "start", f->start, error) &&
         _fz_summary_attr_int (self, "end", f->end, error) &&
         (f->article < 0 || _fz_summary_attr_int (self, "article", f->article, error)) &&
         _fz_summary_attr (self, "kind", fz_kind_to_string (f->kind), error) &&
         _fz_summary_attr (self, "value", fz_figure_list_str (list, f->value), error) &&
         _fz_summary_attr (self, "unit", fz_figure_list_str (list, f->unit), error) &&
         _fz_summary_attr (self, "qualifier", fz_qualifier_to_string (f->qualifier), error) &&
         _fz_summary_attr (self, "change", fz_change_to_string (f->change), error) &&
         _fz_summary_attr (self, "basis", fz_basis_to_string (f->basis), error) &&
         _fz_summary_attr (self, "indicator", fz_figure_list_str (list, f->indicator), error) &&
         _fz_summary_attr (self, "region", fz_figure_list_str (list, f->region), error) &&
         _fz_summary_attr_code (self, "region-code", f->region_code, error) &&
         _fz_summary_attr (self, "period", fz_figure_list_str (list, f->period), error) &&
         _fz_summary_attr (self, "core", f->core ? "1" : "0", error);
}

static gboolean
write_figure (FzSummaryWriter *self,
              FzDocument      *document,
              guint            index,
              GError         **error)
{
  FzFigureList *list = fz_document_get_figures (document);
  const FzFigure *f = fz_figure_list_get (list, index);
  const FzSummaryDecisions *decisions = self->options.decisions;
  FzSummaryStatus status = FZ_SUMMARY_STATUS_MACHINE;
  const char *note = NULL, *s_begin, *s_end;
  g_autofree char *id = g_strdup_printf ("d%u-f%u", self->n_documents, index + 1);
  gsize len;
  const char *text = fz_document_get_text (document, &len);
  guint s_start, s_stop;

  if (decisions != NULL && decisions->figure_status != NULL)
    status = decisions->figure_status (document, index, f, &note, decisions->user_data);
  if (status >= FZ_N_SUMMARY_STATUSES)
    status = FZ_SUMMARY_STATUS_MACHINE;
  find_sentence (text, len, f, &s_begin, &s_end, &s_start, &s_stop);
  return _fz_summary_start (self, "figure", error) &&
         _fz_summary_attr (self, "id", id, error) &&
         _fz_summary_attr (self, "status", status_names[status], error) &&
         write_figure_fields (self, list, f, error) &&
         _fz_summary_text (self, "text", text + f->byte_start, f->byte_end - f->byte_start,
                           error) &&
         _fz_summary_start (self, "sentence", error) &&
         _fz_summary_attr_int (self, "start", s_start, error) &&
         _fz_summary_attr_int (self, "end", s_stop, error) &&
         _fz_summary_content (self, s_begin, s_end - s_begin, error) &&
         _fz_summary_end (self, error) &&
         (note == NULL || _fz_summary_text (self, "note", note, -1, error)) &&
         _fz_summary_end (self, error);
}

/* Keeps where the figures the index may use sit, to name them when the index is written. */
static void
remember_spans (FzSummaryWriter *self,
                FzDocument      *document)
{
  FzFigureList *list = fz_document_get_figures (document);
  GFile *file = fz_document_get_file (document);
  /* The key the index's observations carry (fz-index-feed.c): the path, else the name. */
  g_autofree char *key = file != NULL ? g_file_get_path (file) : NULL;
  DocumentSpans *spans = g_new0 (DocumentSpans, 1);
  GPtrArray *same_name;

  if (key == NULL)
    key = g_strdup (fz_document_get_name (document));
  same_name = g_hash_table_lookup (self->by_name, key);
  spans->number = self->n_documents;
  spans->spans = g_array_new (FALSE, FALSE, sizeof (FigureSpan));
  for (guint i = 0; list != NULL && i < fz_figure_list_get_n (list); i++)
    {
      const FzFigure *f = fz_figure_list_get (list, i);
      FigureSpan span = { f->start, f->end, i };

      if (f->core && f->indicator != 0 && f->region != 0)
        g_array_append_val (spans->spans, span);
    }
  if (same_name == NULL)
    {
      same_name = g_ptr_array_new_with_free_func (document_spans_free);
      g_hash_table_insert (self->by_name, g_steal_pointer (&key), same_name);
    }
  g_ptr_array_add (same_name, spans);
}

void
_fz_summary_figure_ids (FzSummaryWriter     *self,
                        const FzObservation *obs,
                        GString             *out)
{
  const char *key = obs->path != NULL ? obs->path : obs->document;
  GPtrArray *same_name = key != NULL ? g_hash_table_lookup (self->by_name, key) : NULL;

  for (guint d = 0; same_name != NULL && d < same_name->len; d++)
    {
      DocumentSpans *spans = g_ptr_array_index (same_name, d);

      for (guint i = 0; i < spans->spans->len; i++)
        {
          const FigureSpan *s = &g_array_index (spans->spans, FigureSpan, i);

          if (s->start != obs->start || s->end != obs->end)
            continue;
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_printf (out, "d%u-f%u", spans->number, s->index + 1);
        }
    }
}

/* SHA-256 of the file's bytes, or NULL for a document made from memory. */
static char *
file_checksum (FzDocument    *document,
               GCancellable  *cancellable,
               GError       **error)
{
  GFile *file = fz_document_get_file (document);
  g_autofree guint8 *bytes = NULL;
  gsize len = 0;

  if (file == NULL)
    return g_strdup ("");
  bytes = fz_document_read (file, cancellable, &len, error);
  if (bytes == NULL)
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, len);
}

static gboolean
write_document_attrs (FzSummaryWriter *self,
                      FzDocument      *document,
                      GError         **error)
{
  GFile *file = fz_document_get_file (document);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *uri = file != NULL && path == NULL ? g_file_get_uri (file) : NULL;
  g_autofree char *id = g_strdup_printf ("d%u", self->n_documents);
  g_autofree char *sha256 = file_checksum (document, self->cancellable, error);

  if (sha256 == NULL)
    return FALSE;
  return _fz_summary_attr (self, "id", id, error) &&
         _fz_summary_attr (self, "name", fz_document_get_name (document), error) &&
         _fz_summary_attr (self, "path", path != NULL ? path : uri, error) &&
         _fz_summary_attr (self, "sha256", sha256, error) &&
         _fz_summary_attr (self, "outlet", fz_document_get_outlet (document), error) &&
         _fz_summary_attr (self, "date", fz_document_get_date (document), error) &&
         _fz_summary_attr (self, "encoding", fz_document_get_encoding (document), error) &&
         _fz_summary_attr_int (self, "chars", fz_document_get_n_chars (document), error);
}

static gboolean
write_notes (FzSummaryWriter *self,
             FzDocument      *document,
             GError         **error)
{
  const FzSummaryDecisions *decisions = self->options.decisions;
  const char * const *notes = NULL;

  if (decisions != NULL && decisions->document_notes != NULL)
    notes = decisions->document_notes (document, decisions->user_data);
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    if (!_fz_summary_text (self, "note", notes[i], -1, error))
      return FALSE;
  return TRUE;
}

gboolean
fz_summary_writer_add_document (FzSummaryWriter *self,
                                FzDocument      *document,
                                GError         **error)
{
  GPtrArray *articles;
  FzFigureList *figures;

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), FALSE);

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  self->n_documents++;
  if (!_fz_summary_start (self, "document", error) ||
      !write_document_attrs (self, document, error) ||
      !write_notes (self, document, error))
    return FALSE;
  articles = fz_document_get_articles (document);
  for (guint i = 0; articles != NULL && i < articles->len; i++)
    if (!write_article (self, g_ptr_array_index (articles, i), i, error))
      return FALSE;
  figures = fz_document_get_figures (document);
  for (guint i = 0; figures != NULL && i < fz_figure_list_get_n (figures); i++)
    if (!write_figure (self, document, i, error))
      return FALSE;
  if (!_fz_summary_end (self, error))
    return FALSE;
  remember_spans (self, document);
  if (self->options.progress != NULL)
    self->options.progress (self->n_documents, self->options.total, self->options.progress_data);
  return TRUE;
}

gboolean
fz_summary_writer_finish (FzSummaryWriter *self,
                          FzIndexResult   *result,
                          GError         **error)
{
  g_return_val_if_fail (self != NULL && !self->finished, FALSE);

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  self->finished = TRUE;
  return _fz_summary_end (self, error) &&   /* documents */
         _fz_summary_write_index (self, result, error) &&
         _fz_summary_check (self, xmlTextWriterEndDocument (self->xml), error) &&
         _fz_summary_check (self, xmlTextWriterFlush (self->xml), error) &&
         _fz_summary_check (self, g_output_stream_flush (self->stream, self->cancellable,
                                                         &self->io_error) ? 0 : -1, error);
}
