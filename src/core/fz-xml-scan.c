/* fz-xml-scan.c: fz-xml.c's checks of the bytes (declarations, attributes, long values) made
 * one read at a time, so that a stream is checked before its parser sees it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fz-error.h"
#include "fz-xml-scan.h"

static const char * const declaration_marks[FZ_XML_SCAN_N_MARKS] = {
  "<!DOCTYPE", "<!ENTITY", "<!doctype"
};

static gboolean
scan_refuse (FzXmlScan *self,
             GError    *error)
{
  if (self->refusal == NULL)
    self->refusal = error;
  else
    g_error_free (error);
  return FALSE;
}

static gboolean
refuse_at (FzXmlScan   *self,
           long         line,
           const char  *what)
{
  return scan_refuse (self, g_error_new (FZ_ERROR, FZ_ERROR_PARSE,
                                         _("%s: not well-formed XML at line %d: %s"),
                                         self->name, (int) line, what));
}

/* Any declaration is refused wherever it stands, as fz-xml.c's has_declarations() does. */
static gboolean
scan_marks (FzXmlScan   *self,
            char         c)
{
  for (guint i = 0; i < G_N_ELEMENTS (declaration_marks); i++)
    {
      const char *mark = declaration_marks[i];

      if (c == mark[self->marks[i]])
        {
          if (mark[++self->marks[i]] == '\0')
            return scan_refuse (self, g_error_new (FZ_ERROR, FZ_ERROR_PARSE,
                                                   _("%s: holds a document type or entity "
                                                     "declaration, which Fanzha never reads"),
                                                   self->name));
        }
      else
        self->marks[i] = c == '<' ? 1 : 0;
    }
  return TRUE;
}

static void
enter_text (FzXmlScan   *self)
{
  self->state = SCAN_TEXT;
  self->run = 0;
  self->run_line = self->line;
}

/* Counts @c into the current text, comment or value: over the limit is refused at its start. */
static gboolean
grow_run (FzXmlScan   *self,
          const char  *what)
{
  if (++self->run > FZ_XML_SCAN_MAX_VALUE)
    return refuse_at (self, self->run_line, what);
  return TRUE;
}

/* "-->", "]]>" and "?>": @first is '-', ']' or '?', seen @needed times before the '>'. */
static void
scan_close (FzXmlScan   *self,
            char         c,
            char         first,
            guint        needed)
{
  if (c == first)
    self->match = MIN (self->match + 1, needed);
  else if (c == '>' && self->match == needed)
    enter_text (self);
  else
    self->match = 0;
}

static gboolean
scan_tag (FzXmlScan   *self,
          char         c)
{
  if (c == '"' || c == '\'')
    {
      self->quote = c;
      self->state = SCAN_VALUE;
      self->run = 0;
      self->run_line = self->line;
    }
  else if (c == '=' && ++self->attributes > FZ_XML_SCAN_MAX_ATTRIBUTES)
    return refuse_at (self, self->line, "an element with more than 100 attributes");
  else if (c == '>')
    {
      /* libxml2 gives an element the line where its start tag ends. */
      g_array_append_val (self->tag_lines, self->line);
      enter_text (self);
    }
  return TRUE;
}

static gboolean
scan_lt (FzXmlScan   *self,
         char         c)
{
  self->match = 0;
  if (c == '!')
    self->state = SCAN_BANG;
  else if (c == '?')
    self->state = SCAN_PI;
  else if (c == '/')
    self->state = SCAN_END_TAG;
  else
    {
      self->state = SCAN_TAG;
      self->attributes = 0;
      return scan_tag (self, c);
    }
  return TRUE;
}

static gboolean
scan_byte (FzXmlScan   *self,
           char         c)
{
  if (c == '\n')
    self->line++;
  if (!scan_marks (self, c))
    return FALSE;
  switch (self->state)
    {
    case SCAN_TEXT:
      if (c == '<')
        {
          self->state = SCAN_LT;
          return TRUE;
        }
      return grow_run (self, "a text longer than 10 MB");
    case SCAN_LT:
      return scan_lt (self, c);
    case SCAN_BANG:
      self->state = c == '-' ? SCAN_BANG_DASH : c == '[' ? SCAN_CDATA_OPEN : SCAN_DECL;
      self->match = 1;
      self->run = 0;
      self->run_line = self->line;
      return TRUE;
    case SCAN_BANG_DASH:
      self->state = c == '-' ? SCAN_COMMENT : SCAN_DECL;
      self->match = 0;
      return TRUE;
    case SCAN_CDATA_OPEN:
      if (c != "[CDATA["[self->match])
        self->state = SCAN_DECL;
      else if (++self->match == 7)
        {
          self->state = SCAN_CDATA;
          self->match = 0;
        }
      return TRUE;
    case SCAN_COMMENT:
      scan_close (self, c, '-', 2);
      break;
    case SCAN_CDATA:
      scan_close (self, c, ']', 2);
      break;
    case SCAN_PI:
      scan_close (self, c, '?', 1);
      break;
    case SCAN_DECL:
    case SCAN_END_TAG:
      if (c == '>')
        enter_text (self);
      return TRUE;
    case SCAN_TAG:
      return scan_tag (self, c);
    case SCAN_VALUE:
      if (c == self->quote)
        {
          self->state = SCAN_TAG;
          return TRUE;
        }
      return grow_run (self, "an attribute value longer than 10 MB");
    default:
      g_assert_not_reached ();
    }
  /* Comments, CDATA sections and processing instructions count as texts. */
  return self->state == SCAN_TEXT || grow_run (self, "a text longer than 10 MB");
}

gboolean
fz_xml_scan_bytes (FzXmlScan   *self,
                   const char  *p,
                   gsize        n)
{
  const char *end = p + n;

  while (p < end)
    {
      /* Most of a summary is text between tags: skip to the next '<' at once. */
      if (self->state == SCAN_TEXT && self->marks[0] == 0 && self->marks[1] == 0 &&
          self->marks[2] == 0)
        {
          const char *lt = memchr (p, '<', end - p);
          const char *stop = lt != NULL ? lt : end;

          if (self->run + (stop - p) > FZ_XML_SCAN_MAX_VALUE)
            return refuse_at (self, self->run_line, "a text longer than 10 MB");
          self->run += stop - p;
          for (const char *q = p; (q = memchr (q, '\n', stop - q)) != NULL; q++)
            self->line++;
          p = stop;
          if (p == end)
            break;
        }
      if (!scan_byte (self, *p++))
        return FALSE;
    }
  return TRUE;
}

void
fz_xml_scan_init (FzXmlScan  *self,
                  const char *name)
{
  memset (self, 0, sizeof *self);
  self->name = name;
  self->line = 1;
  self->run_line = 1;
  self->tag_lines = g_array_new (FALSE, FALSE, sizeof (long));
}

void
fz_xml_scan_clear (FzXmlScan *self)
{
  g_clear_pointer (&self->tag_lines, g_array_unref);
  g_clear_error (&self->refusal);
}

void
fz_xml_scan_set_too_large (GError     **error,
                           const char  *name,
                           gsize        max_size)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, FZ_ERROR, FZ_ERROR_TOO_LARGE,
               _("%s: the file is larger than the limit of %s"), name, limit);
}
