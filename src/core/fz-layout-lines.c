/* fz-layout-lines.c: reads a page into lines and words and decides which line breaks go. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-layout-private.h"
#include "fz-document-date.h"

#include <string.h>

void
_fz_layout_tokenize (const char *text,
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

  _fz_layout_tokenize (text, l->t_start, l->t_end, tokens);
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
      if (fz_charset_is_clause_punct (c))
        {
          l->clause = l->comma = TRUE;
          break;
        }
      if (c == 0xFF1A || c == ':' || c == 0xFF1F || c == 0xFF01 || c == '?' || c == '!')
        l->clause = TRUE;
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

/* A short line without punctuation inside. One that starts its paragraph may hold a colon or
 * an exclamation, as headlines do (公安部：今年以来…, 警惕！这种骗局…), but never a comma; a
 * line that follows another is held to the stricter test, a double-spaced column's line
 * (…困扰着他们：反诈工作到底做得好不好？各部门) being no headline. */
static gboolean
heading_like (const Line *l,
              gboolean    starts_paragraph)
{
  return l->n_vis > 0 && l->n_vis <= 40 && !(starts_paragraph ? l->comma : l->clause) &&
         (!fz_charset_is_final (l->last) || l->last == 0xFF1A || l->last == ':');
}

void
_fz_layout_scan_lines (const char *text,
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

/* A web page pasted as it shows, no blank line between its lines: its headline (a comma
 * allowed) over a paragraph, and a dateline under it, stand apart at the top of the page. */
static gboolean
apart_at_top (const char *text,
              const Line *a,
              const Line *b,
              guint       index)
{
  if (index >= 3)
    return FALSE;
  if (index == 0 && a->n_vis >= 2 && a->n_vis <= 40 && !fz_charset_is_final (a->last) &&
      b->n_vis > 50 && b->clause)
    return TRUE;
  return (a->n_vis <= 60 &&
          fz_doc_date_is_dateline (text + a->t_start, a->t_end - a->t_start)) ||
         (b->n_vis <= 60 && fz_doc_date_is_dateline (text + b->t_start, b->t_end - b->t_start));
}

void
_fz_layout_decide_joins (const char *text,
                         GArray     *lines)
{
  Line *ls = (Line *) lines->data;
  guint n = lines->len;
  guint i = 0, index = 0;

  while (i < n && ls[i].blank)
    i++;
  for (; i < n; index++)
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
                  (k == 0 && apart_at_top (text, a, b, index)) ||
                  fz_charset_is_final (a->last) ||
                  b->indent ||
                  b->marker ||
                  a->byline || a->first == '#' ||
                  (!a->continued && heading_like (a, TRUE) && (k >= 1 || a->title_style)) ||
                  (k == 1 && heading_like (b, FALSE) &&
                   (j + 1 >= n || ls[j + 1].blank || b->title_style)) ||
                  (is_ascii_alnum (a->last) && is_ascii_alnum (b->first)));
      b->continued = a->join;
      i = j;
    }
}
