/* fz-document-html.c: a saved web page read with libxml2's HTML parser: the article's
 * headings and paragraphs, without scripts, navigation, forms or footers. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-document-html.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>

#include "fz-charset.h"
#include "fz-document-date.h"
#include "fz-error.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (htmlParserCtxt, htmlFreeParserCtxt)

/* Elements that never hold the article's text. */
static const char *const dropped[] = {
  "script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg",
  "canvas", "button", "select", "textarea", "input", "object", "embed", "head", "menu",
  "dialog", NULL
};

/* Elements after which the text goes on in a new block. */
static const char *const blocks[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
  "table", "tr", "section", "article", "main", "blockquote", "pre", "figure",
  "figcaption", "address", "center", "header", "footer", "hr", "body", NULL
};

void
fz_html_page_free (FzHtmlPage *page)
{
  if (page == NULL)
    return;
  g_free (page->text);
  g_free (page->date);
  g_free (page->outlet);
  g_free (page);
}

static gboolean
is_named (xmlNode           *node,
          const char *const *names)
{
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  return g_strv_contains (names, (const char *) node->name);
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

/* ----------------------------------------------------------- Charset */

static char *
meta_charset (const guint8 *data,
              gsize         len)
{
  g_autofree char *head = g_ascii_strdown ((const char *) data, MIN (len, 4096));
  const char *p = strstr (head, "charset=");
  gsize n = 0;

  if (p == NULL)
    return NULL;
  p += strlen ("charset=");
  while (*p == '"' || *p == '\'' || *p == ' ')
    p++;
  while (g_ascii_isalnum (p[n]) || p[n] == '-' || p[n] == '_')
    n++;
  return n > 0 ? g_strndup (p, n) : NULL;
}

/* The page's own word on its charset first (GBK and GB2312 read as their superset
 * GB18030) unless the bytes are UTF-8, then detection as for a text file. */
static char *
decode (const guint8  *data,
        gsize          len,
        gsize         *out_len,
        const char   **encoding,
        GError       **error)
{
  g_autofree char *declared = meta_charset (data, len);
  const char *charset = NULL;

  if (declared && (g_str_has_prefix (declared, "gb") || g_str_has_prefix (declared, "x-gb")))
    charset = "GB18030";
  else if (declared && g_str_has_prefix (declared, "big5"))
    charset = "BIG5";
  /* a page saved as UTF-8 keeps the old declaration often; valid UTF-8 is never by chance */
  if (charset != NULL && memchr (data, '\0', len) == NULL &&
      !g_utf8_validate ((const char *) data, len, NULL))
    {
      gsize written = 0;
      char *text = g_convert ((const char *) data, len, "UTF-8", charset, NULL, &written, NULL);

      if (text != NULL)
        {
          *out_len = written;
          *encoding = g_intern_static_string (charset);
          return text;
        }
    }
  return fz_charset_decode (data, len, out_len, encoding, error);
}

/* An internal DTD subset (<!DOCTYPE html [ <!ENTITY …> ]>) is no part of a web page; the
 * parser would show its declarations as text, so they become white space, never entities. */
static void
blank_internal_subset (char  *text,
                       gsize  len)
{
  char *p = text, *end = text + len, *open, *close;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (end - p < 9 || g_ascii_strncasecmp (p, "<!doctype", 9) != 0)
    return;
  open = memchr (p, '[', end - p);
  close = memchr (p, '>', end - p);
  if (open == NULL || (close != NULL && close < open))
    return;
  for (close = open; close + 1 < end && !(close[0] == ']' && close[1] == '>'); close++)
    ;
  memset (open, ' ', close - open + (close + 1 < end ? 1 : 0));
}

/* ---------------------------------------------------------- Metadata */

static const char *const date_keys[] = {
  "article:published_time", "og:published_time", "pubdate", "publishdate", "publish-date",
  "publish_date", "datepublished", "dc.date", "dc.date.issued", "date", "firstpublishedtime",
  NULL
};

static const char *const outlet_keys[] = {
  "og:site_name", "sitename", "site_name", "application-name", "source", "og:article:author",
  NULL
};

/* 2022-04-25T08:00:00+08:00, 2022-04-25 08:00, 2022年4月25日 10:00: the date before the time. */
static char *
parse_date (const char *value)
{
  g_auto(GStrv) parts = g_strsplit_set (value, " Tt", 2);
  GDate date;
  char iso[16];

  g_date_clear (&date, 1);
  if (parts[0] == NULL || !fz_doc_date_parse (parts[0], -1, &date))
    return NULL;
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
  return g_strdup (iso);
}

static void
read_meta (xmlNode    *node,
           FzHtmlPage *page)
{
  xmlChar *content = xmlGetProp (node, (const xmlChar *) "content");
  const char *attrs[] = { "property", "name", "itemprop", NULL };

  for (guint i = 0; content != NULL && attrs[i] != NULL; i++)
    {
      xmlChar *key = xmlGetProp (node, (const xmlChar *) attrs[i]);
      g_autofree char *lower = key ? g_ascii_strdown ((const char *) key, -1) : NULL;

      xmlFree (key);
      if (lower == NULL)
        continue;
      if (page->date == NULL && g_strv_contains (date_keys, lower))
        page->date = parse_date ((const char *) content);
      if (page->outlet == NULL && g_strv_contains (outlet_keys, lower) && *content)
        page->outlet = g_strstrip (g_strdup ((const char *) content));
    }
  xmlFree (content);
}

static void
find_meta (xmlNode    *node,
           FzHtmlPage *page,
           guint       depth)
{
  for (xmlNode *n = node; n != NULL && depth < 8; n = n->next)
    {
      if (is (n, "meta"))
        read_meta (n, page);
      else if (n->type == XML_ELEMENT_NODE && !is (n, "body"))
        find_meta (n->children, page, depth + 1);
    }
}

/* ------------------------------------------------------ Main content */

/* Deeper nesting than this is no article; its text is left out (and the stack is safe). */
#define MAX_DEPTH 256

static gboolean
has_heading (xmlNode *node,
             guint    depth)
{
  static const char *const headings[] = { "h1", "h2", "h3", NULL };

  for (xmlNode *n = node; n != NULL && depth < MAX_DEPTH; n = n->next)
    if (is_named (n, headings) || (n->type == XML_ELEMENT_NODE &&
                                   has_heading (n->children, depth + 1)))
      return TRUE;
  return FALSE;
}

/* Site headers and footers go; an article's header holding its title stays. */
static gboolean
is_dropped (xmlNode *node)
{
  if (is_named (node, dropped) || is (node, "footer"))
    return TRUE;
  return is (node, "header") && !has_heading (node->children, 0);
}

static gsize
text_length (xmlNode *node,
             guint    depth)
{
  gsize n = 0;

  for (xmlNode *c = node; c != NULL && depth < MAX_DEPTH; c = c->next)
    {
      if (c->type == XML_TEXT_NODE && c->content != NULL)
        n += strlen ((const char *) c->content);
      else if (c->type == XML_ELEMENT_NODE && !is_dropped (c))
        n += text_length (c->children, depth + 1);
    }
  return n;
}

typedef struct
{
  xmlNode *article;       /* the <article> with the most text */
  gsize    article_len;
  xmlNode *main;          /* <main> or role="main" */
  xmlNode *block;         /* the element whose own paragraphs hold the most text */
  gsize    block_len;
  xmlNode *h1;
} Candidates;

static gboolean
is_main (xmlNode *node)
{
  xmlChar *role;
  gboolean yes;

  if (is (node, "main"))
    return TRUE;
  role = xmlGetProp (node, (const xmlChar *) "role");
  yes = role != NULL && g_ascii_strcasecmp ((const char *) role, "main") == 0;
  xmlFree (role);
  return yes;
}

static void
look_at (xmlNode    *n,
         Candidates *c)
{
  gsize own = 0;

  if (is (n, "article"))
    {
      gsize len = text_length (n->children, 0);

      if (len > c->article_len)
        {
          c->article = n;
          c->article_len = len;
        }
    }
  if (c->main == NULL && is_main (n))
    c->main = n;
  if (c->h1 == NULL && is (n, "h1"))
    c->h1 = n;
  for (xmlNode *k = n->children; k != NULL; k = k->next)
    if (k->type == XML_TEXT_NODE && k->content != NULL)
      own += strlen ((const char *) k->content);
    else if (is (k, "p"))
      own += text_length (k->children, 0);
  if (own > c->block_len)
    {
      c->block = n;
      c->block_len = own;
    }
}

static void
find_candidates (xmlNode    *node,
                 Candidates *c,
                 guint       depth)
{
  for (xmlNode *n = node; n != NULL && depth < MAX_DEPTH; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE || is_dropped (n))
        continue;
      look_at (n, c);
      find_candidates (n->children, c, depth + 1);
    }
}

/* -------------------------------------------------------------- Text */

typedef struct
{
  GString *out;
  guint    pending;   /* 1: a line break, 2: a blank line, before the next text */
  gboolean space;
} Writer;

static void
write_text (Writer     *w,
            const char *s)
{
  for (; *s; s++)
    {
      if (g_ascii_isspace (*s))
        {
          w->space = TRUE;
          continue;
        }
      if (w->pending > 0 && w->out->len > 0)
        g_string_append (w->out, w->pending > 1 ? "\n\n" : "\n");
      else if (w->space && w->out->len > 0 && w->pending == 0)
        g_string_append_c (w->out, ' ');
      w->pending = 0;
      w->space = FALSE;
      g_string_append_c (w->out, *s);
    }
}

static void
write_node (Writer  *w,
            xmlNode *node,
            guint    depth)
{
  for (xmlNode *n = node; n != NULL && depth < MAX_DEPTH; n = n->next)
    {
      gboolean block;

      if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
        write_text (w, (const char *) n->content);
      if (n->type != XML_ELEMENT_NODE || is_dropped (n))
        continue;
      if (is (n, "br"))
        w->pending = MAX (w->pending, 1);
      block = is_named (n, blocks);
      if (block)
        w->pending = 2;
      write_node (w, n->children, depth + 1);
      if (block)
        w->pending = 2;
    }
}

static gboolean
is_inside (xmlNode *node,
           xmlNode *ancestor)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

static xmlNode *
find_body (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *n = root ? root->children : NULL; n != NULL; n = n->next)
    if (is (n, "body"))
      return n;
  return root;
}

/* The article, else the main content, else the largest run of paragraphs, else the body;
 * the page's title (its first h1) before it when it stands outside. */
static char *
article_text (xmlDoc *doc,
              gsize  *len)
{
  xmlNode *body = find_body (doc);
  xmlNode *root = body;
  Candidates c = { 0 };
  Writer w = { g_string_new (NULL), 0, FALSE };

  if (body != NULL)
    find_candidates (body->children, &c, 1);
  if (c.article != NULL)
    root = c.article;
  else if (c.main != NULL)
    root = c.main;
  else if (c.block != NULL && c.block_len >= 60)
    root = c.block;
  if (root != body && c.h1 != NULL && !is_inside (c.h1, root))
    {
      write_node (&w, c.h1->children, 1);
      w.pending = 2;
    }
  if (root != NULL)
    write_node (&w, root == body ? body->children : root->children, 1);
  *len = w.out->len;
  return g_string_free (w.out, FALSE);
}

/* ------------------------------------------------------------ Public */

gboolean
fz_document_html_sniff (const char   *name,
                        const guint8 *data,
                        gsize         len)
{
  const char *p = (const char *) data, *end = p + len;

  if (name && (g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".htm") ||
               g_str_has_suffix (name, ".HTML") || g_str_has_suffix (name, ".HTM") ||
               g_str_has_suffix (name, ".xhtml")))
    return TRUE;
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return (end - p >= 14 && g_ascii_strncasecmp (p, "<!doctype html", 14) == 0) ||
         (end - p >= 5 && g_ascii_strncasecmp (p, "<html", 5) == 0);
}

FzHtmlPage *
fz_document_html_read (const guint8  *data,
                       gsize          len,
                       GError       **error)
{
  g_autoptr(FzHtmlPage) page = g_new0 (FzHtmlPage, 1);
  g_autoptr(htmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *utf8 = NULL;
  gsize utf8_len = 0;
  /* no network, no entity substitution, no error output; the charset was settled above */
  int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  utf8 = decode (data, len, &utf8_len, &page->encoding, error);
  if (utf8 == NULL)
    return NULL;
  blank_internal_subset (utf8, utf8_len);
  ctxt = htmlNewParserCtxt ();
  if (ctxt != NULL && utf8_len <= G_MAXINT)
    doc = htmlCtxtReadMemory (ctxt, utf8, (int) utf8_len, NULL, "UTF-8", options);
  if (doc != NULL)
    {
      find_meta (xmlDocGetRootElement (doc), page, 0);
      page->text = article_text (doc, &page->len);
    }
  if (page->text == NULL || page->len == 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_EMPTY,
                   _("the web page holds no article text (only scripts, styles or "
                     "navigation)"));
      return NULL;
    }
  return g_steal_pointer (&page);
}
