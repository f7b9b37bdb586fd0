/* fz-layout.c: reading text from PDF-extracted pages (joined lines, no spaced CJK) with an
 * offset map. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-layout-private.h"

#include <string.h>

/* A stretch of kept characters: original [orig, orig + len) is repaired [rep, rep + len). */
typedef struct
{
  guint32 orig;
  guint32 rep;
  guint32 len;
} Run;

struct _FzLayout
{
  GString *text;
  guint32  n_chars;
  guint32  n_orig;
  GArray  *runs;
};

typedef struct
{
  FzLayout *self;
  Run       run;
} Emit;

/* Keeps @n_chars characters (@n_bytes bytes at @p) that start at original offset @orig. */
static void
emit (Emit       *em,
      const char *p,
      gsize       n_bytes,
      guint32     orig,
      guint32     n_chars)
{
  if (em->run.len > 0 && em->run.orig + em->run.len == orig)
    em->run.len += n_chars;
  else
    {
      if (em->run.len > 0)
        g_array_append_val (em->self->runs, em->run);
      em->run.orig = orig;
      em->run.rep = em->self->n_chars;
      em->run.len = n_chars;
    }
  g_string_append_len (em->self->text, p, n_bytes);
  em->self->n_chars += n_chars;
}

static void
emit_line (Emit       *em,
           const char *text,
           const Line *l,
           GArray     *tokens)
{
  guint32 c = l->c_t_start;
  const char *p = text + l->t_start;

  _fz_layout_tokenize (text, l->t_start, l->t_end, tokens);
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);
      const char *ts = text + t->b_start;

      if (i > 0 && keep_space (t - 1, t))
        {
          /* the first white space character stands for the run */
          emit (em, p, g_utf8_next_char (p) - p, c, 1);
        }
      c += g_utf8_pointer_to_offset (p, ts);
      emit (em, ts, t->b_end - t->b_start, c, t->n);
      c += t->n;
      p = text + t->b_end;
    }
}

/* The line's own break, kept after its text. */
static void
emit_break (Emit       *em,
            const char *text,
            const Line *l)
{
  guint32 term_c = l->c_start + g_utf8_strlen (text + l->b_start, l->b_end - l->b_start);
  const char *nl = text + l->b_end;

  /* CR LF becomes LF; a lone CR stays a line break */
  emit (em, l->term == 2 ? nl + 1 : nl, 1, l->term == 2 ? term_c + 1 : term_c, 1);
}

/* Blank lines at the start and the end of the text are dropped. */
static void
emit_lines (Emit       *em,
            const char *text,
            GArray     *lines,
            GArray     *tokens)
{
  guint first, last;

  for (first = 0; first < lines->len && g_array_index (lines, Line, first).blank; first++)
    ;
  for (last = lines->len; last > first && g_array_index (lines, Line, last - 1).blank; last--)
    ;
  for (guint i = first; i < last; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);

      if (l->blank)
        {
          /* one blank line stands for a paragraph break, however many there were */
          const Line *prev = &g_array_index (lines, Line, i - 1);

          if (!prev->blank && !prev->join && l->term)
            emit_break (em, text, l);
          continue;
        }
      emit_line (em, text, l, tokens);
      if (!l->join && l->term != 0)
        emit_break (em, text, l);
    }
}

/* Characters in the original text, up to the end of its last line. */
static guint32
count_original (const char *text,
                GArray     *lines)
{
  const Line *end;

  if (lines->len == 0)
    return 0;
  end = &g_array_index (lines, Line, lines->len - 1);
  return end->c_start + g_utf8_strlen (text + end->b_start, end->b_next - end->b_start);
}

/* An archive keeps a layout for every page it shows: the room reserved for growing (up to
 * twice the text) is given back once the layout is made. */
static void
shrink_to_fit (FzLayout *self)
{
  GArray *runs = g_array_sized_new (FALSE, FALSE, sizeof (Run), self->runs->len);

  g_array_append_vals (runs, self->runs->data, self->runs->len);
  g_array_free (self->runs, TRUE);
  self->runs = runs;
  self->text->str = g_realloc (self->text->str, self->text->len + 1);
  self->text->allocated_len = self->text->len + 1;
}

FzLayout *
fz_layout_new (const char *text,
               gsize       len)
{
  g_autofree char *valid = NULL;
  FzLayout *self;
  GArray *lines;
  GArray *tokens;
  Emit em = { 0 };

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (text == NULL)
    text = "";
  if (!g_utf8_validate_len (text, len, NULL) || memchr (text, '\0', len) != NULL)
    {
      valid = g_utf8_make_valid (text, len);
      text = valid;
      len = strlen (valid);
    }

  self = g_new0 (FzLayout, 1);
  self->text = g_string_sized_new (len + 1);
  self->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  em.self = self;

  lines = g_array_new (FALSE, FALSE, sizeof (Line));
  tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  _fz_layout_scan_lines (text, len, lines);
  _fz_layout_decide_joins (text, lines);
  self->n_orig = count_original (text, lines);
  emit_lines (&em, text, lines, tokens);
  if (em.run.len > 0)
    g_array_append_val (self->runs, em.run);

  g_array_free (lines, TRUE);
  g_array_free (tokens, TRUE);
  shrink_to_fit (self);
  return self;
}

void
fz_layout_free (FzLayout *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_array_free (self->runs, TRUE);
  g_free (self);
}

const char *
fz_layout_get_text (FzLayout *self,
                    gsize    *len)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (len)
    *len = self->text->len;
  return self->text->str;
}

guint
fz_layout_get_n_chars (FzLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_chars;
}

guint32
fz_layout_to_repaired (FzLayout *self,
                       guint32   original)
{
  const Run *runs;
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, 0);

  runs = (const Run *) self->runs->data;
  hi = self->runs->len;
  /* find the last run starting at or before @original */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (runs[mid].orig <= original)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return 0;
  if (original < runs[lo - 1].orig + runs[lo - 1].len)
    return runs[lo - 1].rep + (original - runs[lo - 1].orig);
  /* dropped: the next kept character */
  return runs[lo - 1].rep + runs[lo - 1].len;
}

guint32
fz_layout_to_original (FzLayout *self,
                       guint32   repaired)
{
  const Run *runs;
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, 0);

  runs = (const Run *) self->runs->data;
  hi = self->runs->len;
  if (hi == 0 || repaired >= self->n_chars)
    return self->n_orig;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (runs[mid].rep <= repaired)
        lo = mid + 1;
      else
        hi = mid;
    }
  return runs[lo - 1].orig + (repaired - runs[lo - 1].rep);
}
