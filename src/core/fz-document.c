/* fz-document.c: a page decoded into text and articles, from a file or from memory. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-document.h"
#include "fz-text-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fz-charset.h"
#include "fz-document-date.h"
#include "fz-document-text.h"
#include "fz-error.h"
#include "fz-script.h"
#include "fz-segmenter.h"

struct _FzDocument
{
  GObject       parent_instance;

  GFile        *file;
  char         *name;
  char         *title;
  char         *outlet;
  char         *date;
  const char   *encoding;
  char         *text;
  gsize         len;
  guint         n_chars;     /* G_MAXUINT until counted */
  FzLayout     *layout;      /* made on first use */
  GPtrArray    *articles;
  FzFigureList *figures;
  FzPageMap    *page_map;    /* a PDF's pages, or NULL */
};

G_DEFINE_FINAL_TYPE (FzDocument, fz_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_NAME,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_DATE,
  PROP_N_ARTICLES,
  PROP_N_FIGURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---------------------------------------------------------------- GObject */

static void
fz_document_finalize (GObject *object)
{
  FzDocument *self = (FzDocument *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->layout, fz_layout_free);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->figures, fz_figure_list_unref);
  g_clear_object (&self->page_map);

  G_OBJECT_CLASS (fz_document_parent_class)->finalize (object);
}

static void
fz_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FzDocument *self = FZ_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_NAME:
      g_value_set_string (value, fz_document_get_name (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, fz_document_get_title (self));
      break;
    case PROP_OUTLET:
      g_value_set_string (value, fz_document_get_outlet (self));
      break;
    case PROP_DATE:
      g_value_set_string (value, fz_document_get_date (self));
      break;
    case PROP_N_ARTICLES:
      g_value_set_uint (value, self->articles ? self->articles->len : 0);
      break;
    case PROP_N_FIGURES:
      g_value_set_uint (value, self->figures ? fz_figure_list_get_n (self->figures) : 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FzDocument *self = FZ_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DATE:
      fz_document_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_document_class_init (FzDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_document_finalize;
  object_class->get_property = fz_document_get_property;
  object_class->set_property = fz_document_set_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_OUTLET] = g_param_spec_string ("outlet", NULL, NULL, NULL, ro);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ARTICLES] = g_param_spec_uint ("n-articles", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_FIGURES] = g_param_spec_uint ("n-figures", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_document_init (FzDocument *self)
{
  self->n_chars = G_MAXUINT;
}

/* ------------------------------------------------------------ Auxiliary */

/* A quoted name ending in 报 within the line [p, eol): “某某日报” or 《某某晚报》. */
static char *
quoted_outlet (const char *p,
               const char *eol)
{
  for (const char *s = p; s < eol; s = g_utf8_next_char (s))
    {
      gunichar c;

      /* Both marks are three bytes led by E2 or E3: other characters need no decoding. */
      if ((guchar) *s != 0xE2 && (guchar) *s != 0xE3)
        continue;
      c = g_utf8_get_char (s);
      if (c == 0x201C || c == 0x300A) /* “ 《 */
        {
          gunichar close = c == 0x201C ? 0x201D : 0x300B;
          const char *q = g_utf8_next_char (s);
          const char *e;
          guint n = 0;

          for (e = q; e < eol && fz_text_is_han (g_utf8_get_char (e)) && n < 12; e = g_utf8_next_char (e))
            n++;
          if (n >= 3 && e < eol && g_utf8_get_char (e) == close &&
              g_str_has_prefix (g_utf8_prev_char (e), "报") &&
              !g_str_has_prefix (q, "本"))
            return g_strndup (q, e - q);
        }
    }
  return NULL;
}

/* 法治日报 alone on its line */
static char *
lone_outlet (const char *p,
             const char *eol)
{
  const char *t = p, *te = eol;
  guint n = 0;
  gboolean all_han = TRUE;

  /* A line of body text fails at its first mark or ninth character: no need to read on. */
  for (const char *s = p; s < eol && all_han && n <= 8; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (fz_charset_is_space (c))
        continue;
      all_han &= fz_text_is_han (c);
      n++;
    }
  if (!all_han || n < 3 || n > 8)
    return NULL;
  while (t < te && fz_charset_is_space (g_utf8_get_char (t)))
    t = g_utf8_next_char (t);
  while (te > t && fz_charset_is_space (g_utf8_get_char (g_utf8_prev_char (te))))
    te = g_utf8_prev_char (te);
  if (te - t >= 3 && memcmp (te - 3, "报", 3) == 0 && memcmp (t, "本", 3) != 0 &&
      memchr (t, ' ', te - t) == NULL)
    return g_strndup (t, te - t);
  return NULL;
}

/* A newspaper name near the top: “某某日报”, 《某某晚报》, or a line that is only one. */
static char *
find_outlet (const char *text,
             gsize       len)
{
  const char *end = text + MIN (len, 2400);
  const char *p = text;
  guint lines = 0;

  while (p < end && lines < 12)
    {
      const char *eol = p;
      char *outlet;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      outlet = quoted_outlet (p, eol);
      if (outlet == NULL)
        outlet = lone_outlet (p, eol);
      if (outlet != NULL)
        return outlet;
      if (eol > p)
        lines++;
      p = eol;
      if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      if (p < end)
        p++;
    }
  return NULL;
}

/* A PDF's metadata date counts only when the page prints none (the file may be saved later);
 * a web page's metadata states the article's own date. */
static void
take_metadata (FzDocument     *self,
               FzDocumentText *read)
{
  GDate printed;

  if (read->outlet != NULL)
    {
      g_free (self->outlet);
      self->outlet = g_steal_pointer (&read->outlet);
    }
  if (read->date != NULL &&
      (read->date_is_page || !fz_doc_date_find (self->text, self->len, &printed)))
    self->date = g_steal_pointer (&read->date);
  self->page_map = g_steal_pointer (&read->page_map);
}

static FzDocument *
document_new (GFile        *file,
              const char   *name,
              const guint8 *data,
              gsize         len,
              gunichar    **chars,
              guint        *n_chars,
              GError      **error)
{
  g_autoptr(FzDocument) self = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(FzDocumentText) read = NULL;
  g_autofree char *view = NULL;

  read = chars != NULL ? fz_document_text_decode_chars (name, data, len, &local)
                       : fz_document_text_decode (name, data, len, &local);
  if (read == NULL)
    {
      g_set_error (error, FZ_ERROR, local->code, "%s: %s", name, local->message);
      return NULL;
    }

  self = g_object_new (FZ_TYPE_DOCUMENT, NULL);
  self->file = file ? g_object_ref (file) : NULL;
  self->name = g_strdup (name);
  self->text = g_steal_pointer (&read->text);
  self->len = read->len;
  self->encoding = read->encoding;
  /* A traditional page is cut into articles by its simplified view, shown as written. */
  view = fz_script_view (self->text, self->len);
  self->articles = fz_segment (view != NULL ? view : self->text, self->len);
  if (view != NULL)
    fz_script_restore_articles (self->articles, view, self->text, self->len);
  self->outlet = find_outlet (self->text, self->len);
  take_metadata (self, read);
  if (chars != NULL)
    {
      *chars = g_steal_pointer (&read->chars);
      *n_chars = read->n_chars;
      if (*chars != NULL)
        self->n_chars = read->n_chars;
    }
  for (guint i = 0; i < self->articles->len && self->title == NULL; i++)
    {
      FzArticle *a = g_ptr_array_index (self->articles, i);

      if (!a->is_caption && a->title && *a->title)
        self->title = g_strdup (a->title);
    }
  return g_steal_pointer (&self);
}

/* ----------------------------------------------------------- Public API */

static FzDocument *
load (GFile         *file,
      GCancellable  *cancellable,
      gunichar     **chars,
      guint         *n_chars,
      GError       **error)
{
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;
  g_autofree guint8 *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_file_get_parse_name (file);
  name = g_file_get_basename (file);
  if (name == NULL)
    name = g_strdup (display);
  data = fz_document_read (file, cancellable, &len, error);
  if (data == NULL)
    return NULL;

  {
    FzDocument *self = document_new (file, display, data, len, chars, n_chars, error);

    if (self != NULL)
      {
        g_free (self->name);
        self->name = g_steal_pointer (&name);
      }
    return self;
  }
}

FzDocument *
fz_document_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return load (file, cancellable, NULL, NULL, error);
}

FzDocument *
fz_document_load_chars (GFile         *file,
                        GCancellable  *cancellable,
                        gunichar     **chars,
                        guint         *n_chars,
                        GError       **error)
{
  g_return_val_if_fail (chars != NULL && n_chars != NULL, NULL);

  *chars = NULL;
  *n_chars = 0;
  return load (file, cancellable, chars, n_chars, error);
}

FzDocument *
fz_document_new_from_data (const char    *name,
                           const guint8  *data,
                           gsize          len,
                           GError       **error)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len > FZ_MAX_FILE_SIZE)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_TOO_LARGE,
                   _("%s: the text is larger than the limit of %d MiB"),
                   name, FZ_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  return document_new (NULL, name, data ? data : (const guint8 *) "", len, NULL, NULL, error);
}

GFile *
fz_document_get_file (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->file;
}

const char *
fz_document_get_name (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->name;
}

const char *
fz_document_get_title (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->title ? self->title : self->name;
}

const char *
fz_document_get_outlet (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->outlet;
}

const char *
fz_document_get_encoding (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->encoding;
}

const char *
fz_document_get_text (FzDocument *self,
                      gsize      *len)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  if (len)
    *len = self->len;
  return self->text;
}

guint
fz_document_get_n_chars (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), 0);

  if (self->n_chars == G_MAXUINT)
    /* The app asks it of each page as it is read: GLib's count, a byte at a time, was a tenth
     * of a reader's time. Decoding refuses a NUL, which would end GLib's count. */
    self->n_chars = (guint) fz_text_count_chars (self->text, self->len);
  return self->n_chars;
}

/* Made on first use, from the thread that owns the document. */
FzLayout *
fz_document_get_layout (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  if (self->layout == NULL)
    self->layout = fz_layout_new (self->text, self->len);
  return self->layout;
}

FzPageMap *
fz_document_get_page_map (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->page_map;
}

GPtrArray *
fz_document_get_articles (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->articles;
}

FzFigureList *
fz_document_get_figures (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->figures;
}

void
fz_document_set_figures (FzDocument   *self,
                         FzFigureList *figures)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));

  if (self->figures == figures)
    return;
  if (figures)
    {
      fz_figure_list_ref (figures);
      /* A document keeps its figures as long as it lives: only what reading them needs. */
      fz_figure_list_compact (figures);
    }
  g_clear_pointer (&self->figures, fz_figure_list_unref);
  self->figures = figures;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FIGURES]);
}

const char *
fz_document_get_date (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->date;
}

void
fz_document_set_date (FzDocument *self,
                      const char *iso_date)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));

  if (g_strcmp0 (self->date, iso_date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (iso_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

char *
fz_document_dup_regions (FzDocument *self)
{
  GString *s;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  s = g_string_new (NULL);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->articles->len; i++)
    {
      FzArticle *a = g_ptr_array_index (self->articles, i);

      if (a->region == NULL || *a->region == '\0' || !g_hash_table_add (seen, a->region))
        continue;
      if (s->len > 0)
        g_string_append (s, "、");
      g_string_append (s, a->region);
    }
  return g_string_free (s, FALSE);
}
