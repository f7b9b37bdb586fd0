/* fz-summary-reader.c: reads a summary's settings, documents and decisions out of the tree
 * that fz-xml parsed safely, checking every value it takes. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "fz-document.h"
#include "fz-error.h"
#include "fz-summary-reader.h"
#include "fz-xml.h"
#include "fz-xml-stream.h"

typedef struct
{
  FzSummaryDocument  pub;
  GHashTable        *by_span;   /* "start:end:kind" → FzSummaryFigure * */
} Document;

struct _FzSummary
{
  char           *display;
  char           *created;
  char           *period;
  FzIndexOptions  options;
  GPtrArray      *documents;   /* Document * */
  GHashTable     *by_key;      /* located path, and name, → Document *, for the decisions */
};

/* What one read works on: the file's name for messages, and the first error. */
typedef struct
{
  const char  *display;
  GError     **error;
} Reader;

static void
figure_free (FzSummaryFigure *f)
{
  g_free (f->id);
  g_free (f->value);
  g_free (f->unit);
  g_free (f->indicator);
  g_free (f->region);
  g_free (f->period);
  g_free (f->text);
  g_free (f->note);
  g_free (f);
}

static void
document_free (Document *d)
{
  g_free (d->pub.id);
  g_free (d->pub.name);
  g_free (d->pub.path);
  g_free (d->pub.sha256);
  g_free (d->pub.outlet);
  g_free (d->pub.date);
  g_clear_object (&d->pub.file);
  g_strfreev (d->pub.notes);
  g_ptr_array_unref (d->pub.figures);
  g_hash_table_unref (d->by_span);
  g_free (d);
}

void
fz_summary_free (FzSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->display);
  g_free (self->created);
  g_free (self->period);
  g_ptr_array_unref (self->documents);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_free (self);
}

static gboolean
fail (Reader     *r,
      xmlNode    *node,
      const char *what)
{
  g_set_error (r->error, FZ_ERROR, FZ_ERROR_PARSE, _("%s: line %ld: %s"), r->display,
               node != NULL ? fz_xml_node_line (node) : 0L, what);
  return FALSE;
}

static gboolean
fail_attr (Reader     *r,
           xmlNode    *node,
           const char *name)
{
  g_autofree char *what = g_strdup_printf (_("<%s> lacks a valid “%s”"), (const char *) node->name,
                                           name);

  return fail (r, node, what);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST name) &&
         node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST FZ_SUMMARY_NAMESPACE);
}

/* libxml2's string as a GLib one, "" for NULL; libxml2's is freed. */
static char *
take_xml_string (xmlChar *value)
{
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

/* The attribute as a new string, "" when absent. */
static char *
attr (xmlNode    *node,
      const char *name)
{
  return take_xml_string (xmlGetNoNsProp (node, BAD_CAST name));
}

static char *
content (xmlNode *node)
{
  return take_xml_string (xmlNodeGetContent (node));
}

static gboolean
attr_uint (Reader     *r,
           xmlNode    *node,
           const char *name,
           guint64     max,
           guint64    *out)
{
  g_autofree char *value = attr (node, name);

  if (!g_ascii_string_to_unsigned (value, 10, 0, max, out, NULL))
    return fail_attr (r, node, name);
  return TRUE;
}

static gboolean
attr_int64 (Reader     *r,
            xmlNode    *node,
            const char *name,
            gint64     *out)
{
  g_autofree char *value = attr (node, name);

  *out = 0;
  if (*value != '\0' && !g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, out, NULL))
    return fail_attr (r, node, name);
  return TRUE;
}

static gboolean
attr_double (Reader     *r,
             xmlNode    *node,
             const char *name,
             double     *out)
{
  g_autofree char *value = attr (node, name);
  char *end = NULL;

  *out = g_ascii_strtod (value, &end);
  if (*value == '\0' || *end != '\0' || !isfinite (*out))
    return fail_attr (r, node, name);
  return TRUE;
}

/* An enumerated attribute: @names[i] gives the value i; "" is allowed when names[0] is "". */
static gboolean
attr_enum (Reader            *r,
           xmlNode           *node,
           const char        *name,
           const char * const *names,
           guint              n_names,
           guint             *out)
{
  g_autofree char *value = attr (node, name);

  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (value, names[i]))
      {
        *out = i;
        return TRUE;
      }
  return fail_attr (r, node, name);
}

/* ---- settings ---- */

static gboolean
read_weight (Reader         *r,
             xmlNode        *node,
             FzIndexOptions *opts)
{
  g_autofree char *name = attr (node, "dimension");
  FzDimension dimension;
  double value;

  if (!fz_dimension_from_string (name, &dimension))
    return fail_attr (r, node, "dimension");
  if (!attr_double (r, node, "value", &value) || value < 0)
    return fail_attr (r, node, "value");
  opts->weights[dimension] = value;
  return TRUE;
}

static gboolean
read_settings (Reader    *r,
               FzSummary *self,
               xmlNode   *node)
{
  static const char * const methods[] = { "minmax", "percentile", "goalposts" };
  static const char * const levels[] = { "any", "province", "city", "county", "township" };
  FzIndexOptions *opts = &self->options;
  guint method = 0, level = 0;
  guint64 min_dimensions;

  fz_index_options_init (opts);
  if (!attr_enum (r, node, "method", methods, G_N_ELEMENTS (methods), &method) ||
      !attr_enum (r, node, "level", levels, G_N_ELEMENTS (levels), &level) ||
      !attr_uint (r, node, "min-dimensions", FZ_N_DIMENSIONS, &min_dimensions) ||
      !attr_double (r, node, "change-low", &opts->change_low) ||
      !attr_double (r, node, "change-high", &opts->change_high))
    return FALSE;
  opts->normalisation = method;
  opts->level = level;   /* "any" is FZ_REGION_LEVEL_UNKNOWN, then in enum order */
  opts->min_dimensions = min_dimensions;
  /* A hostile file may hold settings twice: the later ones win, nothing leaks. */
  g_free (self->period);
  self->period = attr (node, "period");
  opts->period = self->period;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c, "weight") && !read_weight (r, c, opts))
      return FALSE;
  return TRUE;
}

/* ---- documents ---- */

static gboolean
read_figure_enums (Reader          *r,
                   xmlNode         *node,
                   FzSummaryFigure *f)
{
  static const char * const statuses[] = { "machine", "added", "edited", "rejected",
                                           "accepted" };
  static const char * const kinds[] = { "count", "money", "percent", "score", "duration",
                                        "area", "date", "ordinal", "identifier" };
  static const char * const qualifiers[] = { "exact", "over", "about", "under" };
  static const char * const changes[] = { "", "up", "down", "flat" };
  static const char * const bases[] = { "", "yoy", "mom" };
  guint status = 0, kind = 0, qualifier = 0, change = 0, basis = 0;

  if (!attr_enum (r, node, "status", statuses, G_N_ELEMENTS (statuses), &status) ||
      !attr_enum (r, node, "kind", kinds, G_N_ELEMENTS (kinds), &kind) ||
      !attr_enum (r, node, "qualifier", qualifiers, G_N_ELEMENTS (qualifiers), &qualifier) ||
      !attr_enum (r, node, "change", changes, G_N_ELEMENTS (changes), &change) ||
      !attr_enum (r, node, "basis", bases, G_N_ELEMENTS (bases), &basis))
    return FALSE;
  f->status = status;
  f->kind = kind;
  f->qualifier = qualifier;
  f->change = change;
  f->basis = basis;
  return TRUE;
}

static gboolean
read_figure_numbers (Reader          *r,
                     xmlNode         *node,
                     FzSummaryFigure *f)
{
  g_autofree char *article = attr (node, "article");
  g_autofree char *core = attr (node, "core");
  guint64 start, end, index = 0;

  if (!attr_uint (r, node, "start", G_MAXUINT32, &start) ||
      !attr_uint (r, node, "end", G_MAXUINT32, &end) || end < start)
    return fail_attr (r, node, "end");
  if (*article != '\0' && !attr_uint (r, node, "article", G_MAXINT32, &index))
    return FALSE;
  if (!g_str_equal (core, "0") && !g_str_equal (core, "1"))
    return fail_attr (r, node, "core");
  f->start = start;
  f->end = end;
  f->article = *article != '\0' ? (gint32) index : -1;
  f->core = g_str_equal (core, "1");
  return attr_int64 (r, node, "region-code", &f->region_code);
}

static FzSummaryFigure *
read_figure (Reader  *r,
             xmlNode *node)
{
  FzSummaryFigure *f = g_new0 (FzSummaryFigure, 1);

  f->id = attr (node, "id");
  f->value = attr (node, "value");
  f->unit = attr (node, "unit");
  f->indicator = attr (node, "indicator");
  f->region = attr (node, "region");
  f->period = attr (node, "period");
  f->text = g_strdup ("");
  if (*f->id == '\0' || !read_figure_enums (r, node, f) || !read_figure_numbers (r, node, f))
    {
      if (*f->id == '\0')
        fail_attr (r, node, "id");
      figure_free (f);
      return NULL;
    }
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c, "text"))
      {
        g_free (f->text);
        f->text = content (c);
      }
    else if (is_element (c, "note"))
      {
        g_free (f->note);
        f->note = content (c);
      }
  return f;
}

static char *
span_key (guint32 start,
          guint32 end,
          guint   kind)
{
  return g_strdup_printf ("%u:%u:%u", start, end, kind);
}

static gboolean
read_document_children (Reader   *r,
                        Document *d,
                        xmlNode  *node)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c, "note"))
      g_ptr_array_add (notes, content (c));
    else if (is_element (c, "figure"))
      {
        FzSummaryFigure *f = read_figure (r, c);

        if (f == NULL)
          {
            g_ptr_array_set_free_func (notes, g_free);
            return FALSE;
          }
        g_ptr_array_add (d->pub.figures, f);
        g_hash_table_replace (d->by_span, span_key (f->start, f->end, f->kind), f);
      }
  g_ptr_array_add (notes, NULL);
  d->pub.notes = (GStrv) g_ptr_array_free (g_steal_pointer (&notes), FALSE);
  return TRUE;
}

static char *
attr_or_null (xmlNode    *node,
              const char *name)
{
  char *value = attr (node, name);

  if (*value != '\0')
    return value;
  g_free (value);
  return NULL;
}

static gboolean
read_document (Reader    *r,
               FzSummary *self,
               xmlNode   *node)
{
  Document *d = g_new0 (Document, 1);

  d->pub.figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
  d->by_span = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_ptr_array_add (self->documents, d);
  d->pub.id = attr (node, "id");
  d->pub.name = attr (node, "name");
  d->pub.path = attr_or_null (node, "path");
  d->pub.sha256 = attr_or_null (node, "sha256");
  d->pub.outlet = attr_or_null (node, "outlet");
  d->pub.date = attr_or_null (node, "date");
  if (*d->pub.id == '\0')
    return fail_attr (r, node, "id");
  if (*d->pub.name == '\0')
    return fail_attr (r, node, "name");
  if (d->pub.date != NULL && strlen (d->pub.date) != 10)
    return fail_attr (r, node, "date");
  return read_document_children (r, d, node);
}

/* ---- the whole ---- */

static gboolean
read_version (Reader    *r,
              FzSummary *self,
              xmlNode   *root)
{
  g_autofree char *version = attr (root, "version");
  guint64 n;

  if (root->ns == NULL || !xmlStrEqual (root->ns->href, BAD_CAST FZ_SUMMARY_NAMESPACE))
    return fail (r, root, _("not a Fanzha summary (the root element has another namespace)"));
  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT32, &n, NULL))
    return fail_attr (r, root, "version");
  if (n > FZ_SUMMARY_VERSION)
    {
      g_autofree char *what =
        g_strdup_printf (_("made by a newer Fanzha (format version %s); this one reads up to %d"),
                         version, FZ_SUMMARY_VERSION);

      return fail (r, root, what);
    }
  self->created = attr (root, "created");
  return TRUE;
}

FzSummary *
fz_summary_read_doc (xmlDoc      *doc,
                     const char  *display,
                     GError     **error)
{
  g_autoptr(FzSummary) self = g_new0 (FzSummary, 1);
  Reader r = { display, error };
  xmlNode *root = xmlDocGetRootElement (doc);
  gboolean have_settings = FALSE;

  self->display = g_strdup (display);
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  if (!read_version (&r, self, root))
    return NULL;
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (is_element (c, "settings"))
      {
        if (!read_settings (&r, self, c))
          return NULL;
        have_settings = TRUE;
      }
    else if (is_element (c, "documents"))
      for (xmlNode *d = c->children; d != NULL; d = d->next)
        if (is_element (d, "document") && !read_document (&r, self, d))
          return NULL;
  if (!have_settings)
    {
      fail (&r, root, _("the summary has no <settings>"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

static gboolean
has_parent (xmlNode    *node,
            const char *name)
{
  return node->parent != NULL && is_element (node->parent, name);
}

gboolean
fz_summary_check_element (xmlNode     *node,
                          const char  *display,
                          GError     **error)
{
  g_autoptr(FzSummary) self = g_new0 (FzSummary, 1);
  Reader r = { display, error };
  FzSummaryFigure *f;

  g_return_val_if_fail (node != NULL, FALSE);

  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  if (node->parent != NULL && node->parent->type == XML_DOCUMENT_NODE)
    return read_version (&r, self, node);
  if (is_element (node, "settings") && has_parent (node, "summary"))
    return read_settings (&r, self, node);
  if (is_element (node, "weight") && has_parent (node, "settings"))
    {
      fz_index_options_init (&self->options);
      return read_weight (&r, node, &self->options);
    }
  /* A document's figures already built are read again when their turn comes: harmless. */
  if (is_element (node, "document") && has_parent (node, "documents"))
    return read_document (&r, self, node);
  if (is_element (node, "figure") && has_parent (node, "document"))
    {
      f = read_figure (&r, node);
      if (f == NULL)
        return FALSE;
      figure_free (f);
    }
  return TRUE;
}

FzSummary *
fz_summary_read_file (const char  *path,
                      GError     **error)
{
  g_autoptr(xmlDoc) doc = fz_xml_read_file (path, "summary", FZ_SUMMARY_MAX_SIZE, error);

  return doc != NULL ? fz_summary_read_doc (doc, path, error) : NULL;
}

const char *
fz_summary_get_created (FzSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->created;
}

const FzIndexOptions *
fz_summary_get_index_options (FzSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->options;
}

guint
fz_summary_get_n_documents (FzSummary *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->documents->len;
}

const FzSummaryDocument *
fz_summary_get_document (FzSummary *self,
                         guint      i)
{
  g_return_val_if_fail (self != NULL && i < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, i);
}

/* ---- finding the documents again ---- */

static char *
file_sha256 (GFile        *file,
             GCancellable *cancellable)
{
  g_autofree guint8 *bytes = NULL;
  gsize len = 0;

  bytes = fz_document_read (file, cancellable, &len, NULL);
  return bytes != NULL ? g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, len) : NULL;
}

/* sha256 → GFile of every regular file directly in @folder. */
static GHashTable *
folder_checksums (const char   *folder,
                  GCancellable *cancellable)
{
  GHashTable *sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GDir) dir = folder != NULL ? g_dir_open (folder, 0, NULL) : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      char *sum;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
          (sum = file_sha256 (file, cancellable)) == NULL)
        continue;
      g_hash_table_insert (sums, sum, g_steal_pointer (&file));
    }
  return sums;
}

static gboolean
found_at_path (FzSummaryDocument *d,
               GCancellable      *cancellable)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *sum = NULL;

  if (d->path == NULL)
    return FALSE;
  file = g_file_new_for_commandline_arg (d->path);
  sum = file_sha256 (file, cancellable);
  if (sum == NULL || (d->sha256 != NULL && !g_str_equal (sum, d->sha256)))
    return FALSE;
  g_set_object (&d->file, file);
  return TRUE;
}

guint
fz_summary_locate_documents (FzSummary    *self,
                             const char   *folder,
                             GCancellable *cancellable)
{
  g_autoptr(GHashTable) sums = NULL;
  guint found = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->documents->len; i++)
    {
      FzSummaryDocument *d = g_ptr_array_index (self->documents, i);
      GFile *file;

      if (found_at_path (d, cancellable))
        found++;
      else if (d->sha256 != NULL)
        {
          if (sums == NULL)
            sums = folder_checksums (folder, cancellable);
          file = g_hash_table_lookup (sums, d->sha256);
          if (file != NULL)
            {
              g_set_object (&d->file, file);
              found++;
            }
        }
    }
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  return found;
}

/* ---- the decisions, for writing the summary again ---- */

/* Names first, so that a located path, inserted after, wins over a same name. */
static void
build_keys (FzSummary *self)
{
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->documents->len; i++)
    {
      Document *d = g_ptr_array_index (self->documents, i);

      g_hash_table_insert (self->by_key, g_strdup (d->pub.name), d);
    }
  for (guint i = 0; i < self->documents->len; i++)
    {
      Document *d = g_ptr_array_index (self->documents, i);
      char *path = d->pub.file != NULL ? g_file_get_path (d->pub.file) : g_strdup (d->pub.path);

      if (path != NULL)
        g_hash_table_insert (self->by_key, path, d);
    }
}

static Document *
lookup_document (FzSummary  *self,
                 FzDocument *document)
{
  GFile *file = fz_document_get_file (document);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  Document *d;

  /* Documents located again since the decisions were asked for. */
  if (self->by_key == NULL)
    build_keys (self);
  d = path != NULL ? g_hash_table_lookup (self->by_key, path) : NULL;

  return d != NULL ? d : g_hash_table_lookup (self->by_key, fz_document_get_name (document));
}

static FzSummaryStatus
figure_status (FzDocument      *document,
               guint            index,
               const FzFigure  *figure,
               const char     **note,
               gpointer         user_data)
{
  Document *d = lookup_document (user_data, document);
  g_autofree char *key = span_key (figure->start, figure->end, figure->kind);
  FzSummaryFigure *f = d != NULL ? g_hash_table_lookup (d->by_span, key) : NULL;

  if (f == NULL)
    return FZ_SUMMARY_STATUS_MACHINE;
  *note = f->note;
  return f->status;
}

static const char * const *
document_notes (FzDocument *document,
                gpointer    user_data)
{
  Document *d = lookup_document (user_data, document);

  return d != NULL ? (const char * const *) d->pub.notes : NULL;
}

void
fz_summary_get_decisions (FzSummary          *self,
                          FzSummaryDecisions *decisions)
{
  g_return_if_fail (self != NULL && decisions != NULL);

  if (self->by_key == NULL)
    build_keys (self);
  decisions->figure_status = figure_status;
  decisions->document_notes = document_notes;
  decisions->user_data = self;
}
