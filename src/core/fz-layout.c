/* fz-layout.c: reading text from PDF-extracted pages (joined lines, no spaced CJK) with an offset map. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-layout.h"

#include <string.h>

#include "fz-charset.h"

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
  gsize    b_start;     /* content, without the line break */
  gsize    b_end;
  gsize    b_next;      /* start of the next line */
  guint32  c_start;
  gsize    t_start;     /* content without leading and trailing white space */
  gsize    t_end;
  guint32  c_t_start;
  guint8   term;        /* 0 end of text, 1 LF, 2 CR LF, 3 CR */
  guint    blank : 1;
  guint    indent : 1;
  guint    clause : 1;        /* punctuation inside the line */
  guint    title_style : 1;   /* a kept space between two words of Han characters */
  guint    marker : 1;        /* byline, 本报讯, heading mark or bullet at the start */
  guint    byline : 1;
  guint    join : 1;          /* the break after this line goes */
  guint    continued : 1;     /* this line was joined onto the previous one */
  guint    n_vis;
  gunichar first;
  gunichar last;
} Line;

typedef struct
{
  gsize   b_start;
  gsize   b_end;
  guint   n;            /* characters */
  gunichar first;
  gunichar last;
  guint   num_head : 1; /* starts with a plain number (12, 10.17%) */
  guint   num_tail : 1; /* ends with a plain number */
} Token;

static gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

static gboolean
is_num_char (gunichar c)
{
  return is_ascii_digit (c) || c == '.' || c == ',';
}

/* Fills @tokens with the words of text[start, end), separated by white space. */
static void
tokenize (const char *text,
          gsize       start,
          gsize       end,
          GArray     *tokens)
{
  const char *p = text + start;
  const char *e = text + end;

  g_array_set_size (tokens, 0);
  while (p < e)
    {
      Token t = { 0 };
      const char *q;
      gunichar c = g_utf8_get_char (p);

      if (fz_charset_is_space (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      t.b_start = p - text;
      t.first = c;
      for (q = p; q < e; q = g_utf8_next_char (q))
        {
          c = g_utf8_get_char (q);
          if (fz_charset_is_space (c))
            break;
          t.last = c;
          t.n++;
        }
      t.b_end = q - text;

      /* a plain number runs up to the end, a % sign or a Han character */
      if (is_ascii_digit (t.first))
        {
          const char *r = p;

          while (r < q && is_num_char ((guchar) *r))
            r++;
          c = r < q ? g_utf8_get_char (r) : 0;
          t.num_head = r == q || c == '%' || c == 0xFF05 || fz_charset_is_cjk (c);
        }
      if (is_ascii_digit (t.last))
        {
          const char *r = q;

          while (r > p && is_num_char ((guchar) r[-1]))
            r--;
          c = r > p ? g_utf8_get_char (g_utf8_prev_char (r)) : 0;
          t.num_tail = r == p || fz_charset_is_cjk (c);
        }
      g_array_append_val (tokens, t);
      p = q;
    }
}

/* Whether the white space between tokens @a and @b stays in the reading text. */
static gboolean
keep_space (const Token *a,
            const Token *b)
{
  gboolean a_cjk = fz_charset_is_cjk (a->last);
  gboolean b_cjk = fz_charset_is_cjk (b->first);

  /* PDF text spaces out every character ("诈 宣 传"); titles space out phrases */
  if (a_cjk && b_cjk)
    return a->n >= 2 && b->n >= 2;
  if (a_cjk && is_ascii_digit (b->first))
    return !b->num_head;
  if (is_ascii_digit (a->last) && b_cjk)
    return !a->num_tail;
  return TRUE;
}

static gboolean
starts_with (const char *p,
             const char *end,
             const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

static gboolean
is_bullet (gunichar c)
{
  switch (c)
    {
    case 0x25A1: /* □ */
    case 0x25A0: /* ■ */
    case 0x2609: /* ☉ */
    case 0x2299: /* ⊙ */
    case 0x25CF: /* ● */
    case 0x25B2: /* ▲ */
    case 0x25B6: /* ▶ */
    case 0x25B3: /* △ */
    case 0x25C6: /* ◆ */
    case 0x2605: /* ★ */
    case '#':
      return TRUE;
    default:
      return FALSE;
    }
}

static void
analyse_line (const char *text,
              Line       *l,
              GArray     *tokens)
{
  const char *s = text + l->t_start;
  const char *e = text + l->t_end;
  guint i;

  tokenize (text, l->t_start, l->t_end, tokens);
  l->first = g_utf8_get_char (s);
  l->last = g_utf8_get_char (g_utf8_prev_char (e));
  for (i = 0; i < tokens->len; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);

      l->n_vis += t->n;
      if (i > 0)
        {
          Token *prev = t - 1;

          if (fz_charset_is_cjk (prev->last) && fz_charset_is_cjk (t->first) &&
              keep_space (prev, t))
            l->title_style = TRUE;
        }
    }
  for (const char *p = s; p < e; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_utf8_next_char (p) >= e)
        break;
      if (fz_charset_is_clause_punct (c) || c == 0xFF1A || c == ':' ||
          c == 0xFF1F || c == 0xFF01 || c == '?' || c == '!')
        {
          l->clause = TRUE;
          break;
        }
    }

  if (l->n_vis <= 40 && !l->clause &&
      !starts_with (s, e, "本报讯") && !starts_with (s, e, "本报电"))
    {
      const char *head = s;
      guint k;

      while (head < e && is_bullet (g_utf8_get_char (head)))
        head = g_utf8_next_char (head);
      /* 本报记者 张三 通讯员 李四, 融媒记者 …, 记者 …: the words come early */
      for (k = 0; k < 8 && head < e; k++, head = g_utf8_next_char (head))
        if (starts_with (head, e, "记者") || starts_with (head, e, "通讯员") ||
            starts_with (head, e, "实习生"))
          {
            l->byline = TRUE;
            break;
          }
      if (l->last == 0x6444 /* 摄 */ || (l->n_vis >= 3 && starts_with (e - 3, e, "文/图")))
        l->byline = TRUE;
    }
  l->marker = l->byline || is_bullet (l->first) ||
              starts_with (s, e, "本报讯") || starts_with (s, e, "本报电");
}

static gboolean
heading_like (const Line *l)
{
  return l->n_vis > 0 && l->n_vis <= 40 && !l->clause &&
         (!fz_charset_is_final (l->last) || l->last == 0xFF1A || l->last == ':');
}

static void
scan_lines (const char *text,
            gsize       len,
            GArray     *lines)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  gsize b = 0;
  guint32 c = 0;

  while (b < len)
    {
      Line l = { 0 };
      gsize p = b;

      l.b_start = b;
      l.c_start = c;
      while (p < len && text[p] != '\n' && text[p] != '\r')
        {
          p = g_utf8_next_char (text + p) - text;
          c++;
        }
      l.b_end = p;
      if (p < len && text[p] == '\r' && p + 1 < len && text[p + 1] == '\n')
        l.term = 2, l.b_next = p + 2;
      else if (p < len)
        l.term = text[p] == '\n' ? 1 : 3, l.b_next = p + 1;
      else
        l.b_next = p;
      c += l.term == 2 ? 2 : l.term ? 1 : 0;

      /* trim */
      {
        const char *s = text + l.b_start;
        const char *e = text + l.b_end;
        guint32 lead = 0;

        while (s < e && fz_charset_is_space (g_utf8_get_char (s)))
          s = g_utf8_next_char (s), lead++;
        while (e > s && fz_charset_is_space (g_utf8_get_char (g_utf8_prev_char (e))))
          e = g_utf8_prev_char (e);
        l.t_start = s - text;
        l.t_end = e - text;
        l.c_t_start = l.c_start + lead;
        l.blank = s == e;
        l.indent = lead > 0;
      }
      if (!l.blank)
        analyse_line (text, &l, tokens);
      g_array_append_val (lines, l);
      b = l.b_next;
    }
  g_array_free (tokens, TRUE);
}

static void
decide_joins (GArray *lines)
{
  Line *ls = (Line *) lines->data;
  guint n = lines->len;
  guint i = 0;

  while (i < n && ls[i].blank)
    i++;
  while (i < n)
    {
      Line *a = &ls[i];
      guint j = i + 1, k = 0;
      Line *b;

      while (j < n && ls[j].blank)
        j++, k++;
      if (j >= n)
        break;
      b = &ls[j];

      a->join = !(k >= 2 ||
                  fz_charset_is_final (a->last) ||
                  b->indent ||
                  b->marker ||
                  a->byline || a->first == '#' ||
                  (!a->continued && heading_like (a) && (k >= 1 || a->title_style)) ||
                  (k == 1 && heading_like (b) &&
                   (j + 1 >= n || ls[j + 1].blank || b->title_style)) ||
                  (is_ascii_alnum (a->last) && is_ascii_alnum (b->first)));
      b->continued = a->join;
      i = j;
    }
}

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

  tokenize (text, l->t_start, l->t_end, tokens);
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

FzLayout *
fz_layout_new (const char *text,
               gsize       len)
{
  g_autofree char *valid = NULL;
  FzLayout *self;
  GArray *lines;
  GArray *tokens;
  Emit em = { 0 };
  guint i, first, last;

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
  scan_lines (text, len, lines);
  decide_joins (lines);
  if (lines->len > 0)
    {
      Line *end = &g_array_index (lines, Line, lines->len - 1);

      self->n_orig = end->c_start + g_utf8_strlen (text + end->b_start, end->b_next - end->b_start);
    }

  for (first = 0; first < lines->len && g_array_index (lines, Line, first).blank; first++)
    ;
  for (last = lines->len; last > first && g_array_index (lines, Line, last - 1).blank; last--)
    ;

  for (i = first; i < last; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      guint32 term_c = l->c_start + g_utf8_strlen (text + l->b_start, l->b_end - l->b_start);
      const char *nl = text + l->b_end;

      if (l->blank)
        {
          /* one blank line stands for a paragraph break, however many there were */
          Line *prev = &g_array_index (lines, Line, i - 1);

          if (!prev->blank && !prev->join && l->term)
            emit (&em, l->term == 2 ? nl + 1 : nl, 1, l->term == 2 ? term_c + 1 : term_c, 1);
          continue;
        }
      emit_line (&em, text, l, tokens);
      if (l->join || l->term == 0)
        continue;
      /* CR LF becomes LF; a lone CR stays a line break */
      emit (&em, l->term == 2 ? nl + 1 : nl, 1, l->term == 2 ? term_c + 1 : term_c, 1);
    }
  if (em.run.len > 0)
    g_array_append_val (self->runs, em.run);

  g_array_free (lines, TRUE);
  g_array_free (tokens, TRUE);
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
