/* fz-workspace-file-read.c: reading a workspace file through the safe XML layer, checking
 * every element and value, so a damaged or hostile file is refused with its line. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-workspace-file.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fz-decisions-private.h"
#include "fz-error.h"
#include "fz-xml.h"

typedef struct
{
  const char        *name;    /* the file, for messages */
  FzWorkspaceState  *state;
} Reader;

static gboolean G_GNUC_PRINTF (4, 5)
fail (const Reader  *r,
      xmlNode       *node,
      GError       **error,
      const char    *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE, _("%s: line %ld: %s"), r->name,
               node != NULL ? xmlGetLineNo (node) : 0L, what);
  return FALSE;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) name);
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  return (char *) xmlGetProp (node, (const xmlChar *) name);
}

static char *
text_of (xmlNode *node)
{
  char *text = (char *) xmlNodeGetContent (node);

  return text != NULL ? text : g_strdup ("");
}

static gboolean
read_uint (const Reader  *r,
           xmlNode       *node,
           const char    *name,
           guint64        max,
           guint32       *out,
           GError       **error)
{
  g_autofree char *value = attr (node, name);
  guint64 n = 0;

  if (value == NULL)
    return fail (r, node, error, _("<%s> has no %s"), (const char *) node->name, name);
  if (!g_ascii_string_to_unsigned (value, 10, 0, max, &n, NULL))
    return fail (r, node, error, _("%s=\"%s\" is not a whole number in range"), name, value);
  *out = (guint32) n;
  return TRUE;
}

static gboolean
read_double (const Reader  *r,
             xmlNode       *node,
             const char    *name,
             double         min,
             double        *out,
             GError       **error)
{
  g_autofree char *value = attr (node, name);
  char *end = NULL;
  double d;

  if (value == NULL)
    return TRUE;
  d = g_ascii_strtod (value, &end);
  if (end == value || *end != '\0' || !isfinite (d) || d < min)
    return fail (r, node, error, _("%s=\"%s\" is not a valid number"), name, value);
  *out = d;
  return TRUE;
}

static gboolean
read_flag (const Reader  *r,
           xmlNode       *node,
           const char    *name,
           gboolean       absent,
           guint8        *out,
           GError       **error)
{
  g_autofree char *value = attr (node, name);

  if (value == NULL || g_str_equal (value, absent ? "true" : "false"))
    *out = absent;
  else if (g_str_equal (value, absent ? "false" : "true"))
    *out = !absent;
  else
    return fail (r, node, error, _("%s=\"%s\" is neither true nor false"), name, value);
  return TRUE;
}

/* A document's path: "path" as written, or "uri" for a name that is not UTF-8. */
static char *
read_path (const Reader  *r,
           xmlNode       *node,
           GError       **error)
{
  g_autofree char *path = attr (node, "path");
  g_autofree char *uri = attr (node, "uri");
  char *from_uri;

  if (path != NULL && path[0] != '\0')
    return g_steal_pointer (&path);
  from_uri = uri != NULL ? g_filename_from_uri (uri, NULL, NULL) : NULL;
  if (from_uri == NULL)
    fail (r, node, error, _("<%s> names no file"), (const char *) node->name);
  return from_uri;
}

static gboolean
is_checksum (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return s[64] == '\0';
}

static gboolean
is_date (const char *s)
{
  guint y, m, d;
  char tail;

  return s == NULL || (strlen (s) == 10 && sscanf (s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 &&
                       g_date_valid_dmy (d, m, y));
}

static gboolean
read_document (const Reader  *r,
               xmlNode       *node,
               GError       **error)
{
  g_autofree char *path = read_path (r, node, error);
  g_autofree char *checksum = attr (node, "checksum");
  g_autofree char *date = attr (node, "date");

  if (path == NULL)
    return FALSE;
  if (!is_checksum (checksum))
    return fail (r, node, error, _("checksum=\"%s\" is not a SHA-256 checksum"), checksum);
  if (!is_date (date))
    return fail (r, node, error, _("date=\"%s\" is not a date of the form YYYY-MM-DD"), date);
  fz_workspace_state_add_document (r->state, path, checksum, date);
  return TRUE;
}

static gboolean
read_documents (const Reader  *r,
                xmlNode       *node,
                GError       **error)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (!is_element (c, "document"))
        return fail (r, c, error, _("unexpected <%s>"), (const char *) c->name);
      if (!read_document (r, c, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_weight (const Reader    *r,
             xmlNode         *node,
             FzIndexOptions  *opts,
             GError         **error)
{
  g_autofree char *name = attr (node, "dimension");
  FzDimension dimension;
  double value = 1;

  if (!is_element (node, "weight"))
    return fail (r, node, error, _("unexpected <%s>"), (const char *) node->name);
  if (name == NULL || !fz_dimension_from_string (name, &dimension))
    return fail (r, node, error, _("dimension=\"%s\" is not a dimension of the index"),
                 name != NULL ? name : "");
  if (!read_double (r, node, "value", 0, &value, error))
    return FALSE;
  opts->weights[dimension] = value;
  return TRUE;
}

static gboolean
read_index (const Reader  *r,
            xmlNode       *node,
            GError       **error)
{
  FzIndexOptions *opts = &r->state->index;
  g_autofree char *method = attr (node, "method");
  g_autofree char *level = attr (node, "level");
  g_autofree char *period = attr (node, "period");
  int value;
  guint32 min_dimensions = opts->min_dimensions;

  if (method != NULL && !fz_enum_from_string (FZ_TYPE_NORMALISATION, method, &value))
    return fail (r, node, error, _("method=\"%s\" is not a normalisation method"), method);
  if (method != NULL)
    opts->normalisation = (FzNormalisation) value;
  if (level != NULL && !fz_region_level_from_string (level, &opts->level))
    return fail (r, node, error, _("level=\"%s\" is not a region level"), level);
  if (xmlHasProp (node, (const xmlChar *) "min-dimensions") != NULL &&
      !read_uint (r, node, "min-dimensions", FZ_N_DIMENSIONS, &min_dimensions, error))
    return FALSE;
  opts->min_dimensions = min_dimensions;
  if (!read_double (r, node, "change-low", -G_MAXDOUBLE, &opts->change_low, error) ||
      !read_double (r, node, "change-high", -G_MAXDOUBLE, &opts->change_high, error))
    return FALSE;
  fz_workspace_state_set_period (r->state, period);
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !read_weight (r, c, opts, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_set (const Reader  *r,
          xmlNode       *node,
          FzDecision    *d,
          GError       **error)
{
  g_autofree char *name = attr (node, "field");
  g_autofree char *value = text_of (node);
  g_autoptr(GError) local = NULL;
  FzFigureField field;
  char *canonical;

  if (d->target != FZ_DECISION_FIGURE || name == NULL ||
      !fz_figure_field_from_string (name, &field))
    return fail (r, node, error, _("field=\"%s\" is not a field of a figure"),
                 name != NULL ? name : "");
  canonical = _fz_figure_field_normalise (field, value, &local);
  if (canonical == NULL)
    return fail (r, node, error, "%s", local->message);
  g_free (d->fields[field]);
  d->fields[field] = canonical;
  return TRUE;
}

static gboolean
read_decision_child (const Reader  *r,
                     xmlNode       *c,
                     FzDecision    *d,
                     GError       **error)
{
  char **slot = is_element (c, "prefix") ? &d->anchor.prefix
              : is_element (c, "quote") ? &d->anchor.quote
              : is_element (c, "suffix") ? &d->anchor.suffix
              : is_element (c, "note") ? &d->note : NULL;

  if (is_element (c, "set"))
    return read_set (r, c, d, error);
  if (slot == NULL)
    return fail (r, c, error, _("unexpected <%s>"), (const char *) c->name);
  g_free (*slot);
  *slot = text_of (c);
  if (!g_utf8_validate (*slot, -1, NULL))
    return fail (r, c, error, _("the text is not valid UTF-8"));
  return TRUE;
}

static FzDecision *
read_decision (const Reader  *r,
               xmlNode       *node,
               GError       **error)
{
  g_autoptr(FzDecision) d = _fz_decision_new (is_element (node, "figure") ? FZ_DECISION_FIGURE
                                              : FZ_DECISION_ARTICLE);

  if (!read_uint (r, node, "start", G_MAXUINT32, &d->anchor.start, error) ||
      !read_uint (r, node, "end", G_MAXUINT32, &d->anchor.end, error) ||
      !read_flag (r, node, "added", FALSE, &d->added, error) ||
      !read_flag (r, node, "rejected", FALSE, &d->rejected, error) ||
      !read_flag (r, node, "accepted", FALSE, &d->accepted, error) ||
      !read_flag (r, node, "attached", TRUE, &d->attached, error))
    return NULL;
  if (d->anchor.end < d->anchor.start || (d->added && d->target != FZ_DECISION_FIGURE))
    return fail (r, node, error, _("not a valid span")), NULL;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !read_decision_child (r, c, d, error))
      return NULL;
  if (d->anchor.quote == NULL)
    return fail (r, node, error, _("<%s> has no quote"), (const char *) node->name), NULL;
  return g_steal_pointer (&d);
}

static gboolean
read_doc_decisions (const Reader  *r,
                    xmlNode       *node,
                    GError       **error)
{
  g_autofree char *path = read_path (r, node, error);
  g_autofree char *checksum = attr (node, "checksum");
  g_autofree char *note = NULL;
  FzDocDecisions *doc;

  if (path == NULL)
    return FALSE;
  if (!is_checksum (checksum))
    return fail (r, node, error, _("checksum=\"%s\" is not a SHA-256 checksum"), checksum);
  if (_fz_decisions_get_doc (r->state->decisions, path, FALSE) != NULL)
    return fail (r, node, error, _("the decisions on %s are given twice"), path);
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c, "note"))
      {
        g_free (note);
        note = text_of (c);
      }
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    return fail (r, node, error, _("the text is not valid UTF-8"));
  doc = _fz_decisions_load_doc (r->state->decisions, path, checksum, note);
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      FzDecision *d;

      if (c->type != XML_ELEMENT_NODE || is_element (c, "note"))
        continue;
      if (!is_element (c, "figure") && !is_element (c, "article"))
        return fail (r, c, error, _("unexpected <%s>"), (const char *) c->name);
      if ((d = read_decision (r, c, error)) == NULL)
        return FALSE;
      if (_fz_decision_is_empty (d) && d->target == FZ_DECISION_FIGURE)
        _fz_decision_free (d);
      else if (!_fz_decisions_load_decision (r->state->decisions, doc, d))
        return fail (r, c, error, _("two decisions on the same place"));
    }
  return TRUE;
}

static gboolean
read_version (const Reader  *r,
              xmlNode       *root,
              GError       **error)
{
  g_autofree char *version = attr (root, "version");
  guint64 v = 0;

  if (root->ns == NULL || !xmlStrEqual (root->ns->href, (const xmlChar *) FZ_WORKSPACE_FILE_NS))
    return fail (r, root, error, _("not a Fanzha workspace"));
  if (version == NULL || !g_ascii_string_to_unsigned (version, 10, 1, G_MAXINT, &v, NULL))
    return fail (r, root, error, _("the workspace has no valid version"));
  if (v != FZ_WORKSPACE_FILE_VERSION)
    return fail (r, root, error,
                 _("the workspace is of version %s, and this Fanzha reads only version %d"),
                 version, FZ_WORKSPACE_FILE_VERSION);
  return TRUE;
}

static gboolean
read_root (const Reader  *r,
           xmlNode       *root,
           GError       **error)
{
  if (!read_version (r, root, error))
    return FALSE;
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      gboolean ok;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (c, "documents"))
        ok = read_documents (r, c, error);
      else if (is_element (c, "index"))
        ok = read_index (r, c, error);
      else if (is_element (c, "decisions"))
        ok = read_doc_decisions (r, c, error);
      else
        ok = fail (r, c, error, _("unexpected <%s>"), (const char *) c->name);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

FzWorkspaceState *
fz_workspace_file_read (const char  *data,
                        gsize        len,
                        const char  *display_name,
                        GError     **error)
{
  const char *name = display_name != NULL ? display_name : _("workspace");
  g_autoptr(xmlDoc) doc = fz_xml_read_memory (data, len, name, "workspace", FZ_MAX_FILE_SIZE,
                                              error);
  g_autoptr(FzWorkspaceState) state = NULL;
  Reader r;

  if (doc == NULL)
    return NULL;
  state = fz_workspace_state_new ();
  r = (Reader) { name, state };
  if (!read_root (&r, xmlDocGetRootElement (doc), error))
    return NULL;
  return g_steal_pointer (&state);
}
