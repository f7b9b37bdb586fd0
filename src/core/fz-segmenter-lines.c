/* fz-segmenter-lines.c: reads a page into lines and units (headings, bylines, bodies, captions). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define _GNU_SOURCE
#include "fz-segmenter-private.h"
#include "fz-document-date.h"

#include <string.h>

#include "fz-charset.h"
#include "fz-text-private.h"

/* The last character of [s, e), valid UTF-8 and not empty. */
static inline gunichar
last_char (const char *s,
           const char *e)
{
  const char *p = e - 1;

  while (p > s && ((guchar) *p & 0xC0) == 0x80)
    p--;
  return fz_text_next_char (&p);
}

static inline gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

static inline gboolean
contains (const char *p,
          const char *end,
          const char *needle)
{
  return memmem (p, end - p, needle, strlen (needle)) != NULL;
}

static gboolean
is_bullet (gunichar c)
{
  return c == 0x25A1 || c == 0x25A0 || c == 0x2609 || c == 0x2299 || c == 0x25CF ||
         c == 0x25C6 || c == 0x2605;
}

static gboolean
is_caption_mark (gunichar c)
{
  return c == 0x25B2 || c == 0x25B6 || c == 0x25B3 || c == 0x2191 || c == 0x2190 ||
         c == 0x2192 || c == 0x2193;
}

/* A kept space between two Han words of two or more characters: "守护平安 共建和谐". */
static gboolean
line_title_style (const char *s,
                  const char *e)
{
  guint prev_len = 0, cur_len = 0;
  gboolean prev_cjk = FALSE, after_space = FALSE, pending = FALSE;
  gunichar last = 0;

  for (const char *p = s, *n; p < e; p = n)
    {
      gunichar c;

      n = p;
      c = fz_text_next_char (&n);
      if (fz_charset_is_space (c))
        {
          if (!after_space)
            {
              prev_len = cur_len;
              prev_cjk = fz_charset_is_cjk (last);
            }
          after_space = TRUE;
          cur_len = 0;
          continue;
        }
      if (after_space)
        {
          pending = prev_cjk && prev_len >= 2 && fz_charset_is_cjk (c);
          after_space = FALSE;
        }
      cur_len++;
      last = c;
      if (pending && cur_len >= 2)
        return TRUE;
      if (pending && cur_len == 1)
        {
          const char *q = n;

          if (n >= e || fz_charset_is_space (fz_text_next_char (&q)))
            pending = FALSE;
        }
    }
  return FALSE;
}

static void
analyse (const char *text,
         SegLine    *l)
{
  const char *s = text + l->b_start;
  const char *e = text + l->b_end;
  const char *head = s;
  guint k;

  l->first = fz_text_next_char (&head);
  l->last = last_char (s, e);
  l->lead = has_prefix (s, e, "本报讯") || has_prefix (s, e, "本报电");
  l->hash = l->first == '#';
  l->bullet = is_bullet (l->first);
  /* a title's kept space is inside the line: without one there is nothing to look for */
  if (l->n_vis <= 50 && !l->clause && l->c_end - l->c_start > l->n_vis)
    l->title_style = line_title_style (s, e);
  if (l->n_vis > 40 || l->clause || l->lead)
    return;
  head = s;
  while (head < e)
    {
      const char *n = head;
      gunichar c = fz_text_next_char (&n);

      if (!is_bullet (c) && !fz_charset_is_space (c))
        break;
      head = n;
    }
  for (k = 0; k < 8 && head < e; k++, head = g_utf8_next_char (head))
    if (has_prefix (head, e, "记者") || has_prefix (head, e, "通讯员") ||
        has_prefix (head, e, "实习生") || has_prefix (head, e, "撰稿"))
      {
        l->byline = TRUE;
        return;
      }
  if (l->bullet || has_prefix (e - MIN ((gsize) (e - s), 4), e, "文/图") ||
      (e - s >= 3 && has_prefix (e - 3, e, "文/图")))
    l->byline = TRUE;
}

/* How many of the six three-byte characters from @p (18 bytes, 16 of them readable) lead
 * with E4..E9, Han from U+4000 to U+9FFF, before the first that does not.  Their lead bytes
 * sit at offsets 0, 3, 6 of the first eight bytes and 1, 4, 7 of the next eight, and are
 * tested together; the bytes after a Han lead byte are its own (the text is valid UTF-8). */
static inline guint
han_run6 (const char *p)
{
  const guint64 first = G_GUINT64_CONSTANT (0x00FF0000FF0000FF);
  const guint64 leads = G_GUINT64_CONSTANT (0xFFFF00FFFF00FFFF);
  guint64 w0, w1, x, lo, bad;

  memcpy (&w0, p, 8);
  memcpy (&w1, p + 8, 8);
  x = (GUINT64_FROM_LE (w0) & first) | (GUINT64_FROM_LE (w1) & (leads & ~first));
  /* the high nibble E, the low one from 4 to 9: adding 12 carries into bit 4, adding 6
   * does not */
  lo = x & (leads & G_GUINT64_CONSTANT (0x0F0F0F0F0F0F0F0F));
  bad = ((x ^ (leads & G_GUINT64_CONSTANT (0xE0E0E0E0E0E0E0E0))) &
         (leads & G_GUINT64_CONSTANT (0xF0F0F0F0F0F0F0F0))) |
        (~((lo + (leads & G_GUINT64_CONSTANT (0x0C0C0C0C0C0C0C0C))) &
           ~(lo + (leads & G_GUINT64_CONSTANT (0x0606060606060606)))) &
         (leads & G_GUINT64_CONSTANT (0x1010101010101010)));
  if (bad == 0)
    return 6;
  /* a lead byte's bits are in bytes 0, 3, 6 (or 1, 4, 7): 24 bits a character */
  if (bad & first)
    return (guint) __builtin_ctzll (bad & first) / 24;
  return 3 + (guint) __builtin_ctzll (bad) / 24;
}

void
_fz_segmenter_scan (const char *text,
                    gsize       len,
                    GArray     *lines)
{
  gsize b = 0;
  guint32 c = 0;
  /* Lines are written into room made ahead, not appended one call at a time; the array
   * is cut to its lines at the end. */
  guint n = lines->len, room = n + (guint) (len / 32) + 16;

  g_array_set_size (lines, room);
  while (b < len)
    {
      SegLine *l;
      gsize p = b, s, e;
      guint32 c_s, c_e;
      gboolean punct = FALSE, clause = FALSE;
      guint n_vis = 0;

      /* leading white space */
      while (p < len && text[p] != '\n' && text[p] != '\r')
        {
          const char *q = text + p;

          if (!fz_charset_is_space (fz_text_next_char (&q)))
            break;
          p = q - text;
          c++;
        }
      s = p;
      c_s = c;
      e = p;
      c_e = c;
      while (p < len)
        {
          const char *q = text + p;
          gunichar ch;
          gsize run = p;

          /* Han from U+4000 to U+9FFF, most of a page, is visible and no clause mark: a run
           * of it is counted by its lead bytes alone, six at a time where it is long. */
          if (run + 2 < len && (guint) (guchar) text[run] - 0xE4 <= 0xE9 - 0xE4)
            {
              guint32 n_han = 1;

              run += 3;
              for (;;)
                {
                  guint k;

                  if (run + 16 > len)
                    {
                      while (run + 2 < len && (guint) (guchar) text[run] - 0xE4 <= 0xE9 - 0xE4)
                        run += 3, n_han++;
                      break;
                    }
                  k = han_run6 (text + run);
                  run += 3 * k;
                  n_han += k;
                  if (k < 6)
                    break;
                }
              c += n_han;
              n_vis += n_han;
              p = run;
              e = p, c_e = c;
              clause |= punct;
              punct = FALSE;
              continue;
            }
          if (text[p] == '\n' || text[p] == '\r')
            break;
          ch = fz_text_next_char (&q);
          p = q - text;
          c++;
          if (!fz_charset_is_space (ch))
            {
              /* Counted here so that the line is decoded once: clause punctuation counts
               * where a visible character follows it. */
              e = p, c_e = c;
              n_vis++;
              clause |= punct;
              punct = fz_charset_is_clause_punct (ch);
            }
        }
      if (n == room)
        g_array_set_size (lines, room *= 2);
      l = &g_array_index (lines, SegLine, n++);
      memset (l, 0, sizeof *l);
      l->n_vis = n_vis;
      l->clause = clause;
      l->indent = s > b;
      l->b_start = s;
      l->b_end = e;
      l->c_start = c_s;
      l->c_end = c_e;
      l->blank = s == e;
      if (!l->blank)
        analyse (text, l);

      if (p < len && text[p] == '\r' && p + 1 < len && text[p + 1] == '\n')
        p += 2, c += 2;
      else if (p < len)
        p++, c++;
      b = p;
    }
  g_array_set_size (lines, n);
}

/* The code point of the three bytes at @p, well-formed or not. */
static inline gunichar
three_byte_char (const guchar *p)
{
  return ((gunichar) (p[0] & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
}

/* Whether one of @words (each starting with a three-byte character) stands in [s, e).  One
 * pass with a bit for each first character (folded to 4096) instead of a search per word:
 * a word can only start at a lead byte, which is where the bits are tested. */
static gboolean
contains_any3 (const char         *s,
               const char         *e,
               const char * const *words,
               guint               n_words,
               const guint64      *firsts)
{
  for (const guchar *p = (const guchar *) s; e - (const char *) p >= 3; p++)
    {
      gunichar c;

      if (*p < 0xE0 || *p >= 0xF0)
        continue;
      c = three_byte_char (p);
      if (firsts[(c & 4095) >> 6] & (G_GUINT64_CONSTANT (1) << (c & 63)))
        for (guint i = 0; i < n_words; i++)
          if (memcmp (p, words[i], 3) == 0 && has_prefix ((const char *) p, e, words[i]))
            return TRUE;
      /* the two bytes after a lead byte lead nothing */
      p += 2;
    }
  return FALSE;
}

static void
set_firsts (const char * const *words,
            guint               n_words,
            guint64            *firsts)
{
  for (guint i = 0; i < n_words; i++)
    {
      gunichar c = three_byte_char ((const guchar *) words[i]);

      g_assert ((guchar) words[i][0] >= 0xE0 && (guchar) words[i][0] < 0xF0);
      firsts[(c & 4095) >> 6] |= G_GUINT64_CONSTANT (1) << (c & 63);
    }
}

static gboolean
is_boiler (const char *s,
           const char *e,
           guint       n_vis,
           guint       index)
{
  static const char *const words[] = {
    "新闻热线", "国内统一刊号", "邮发代号", "责任编辑", "本版编辑", "责编", "美编",
    "数字报", "版式设计", "广告许可证", "定价", "印刷：", "社址",
  };
  /* looked for together, as the words above */
  static const char *const weekday[] = { "星期", "农历" };
  static guint64 firsts[64], weekday_firsts[64];
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      set_firsts (words, G_N_ELEMENTS (words), firsts);
      set_firsts (weekday, G_N_ELEMENTS (weekday), weekday_firsts);
      g_once_init_leave (&ready, 1);
    }
  if (contains_any3 (s, e, words, G_N_ELEMENTS (words), firsts))
    return TRUE;
  /* （下转2版）, (上接1版) */
  if (n_vis <= 12 && (has_prefix (s, e, "（") || has_prefix (s, e, "(")) &&
      (contains (s, e, "转") || contains (s, e, "接")) && contains (s, e, "版"))
    return TRUE;
  /* The masthead date, 2022年4月25日 星期一: page furniture, not a title */
  if (n_vis <= 24 && contains_any3 (s, e, weekday, G_N_ELEMENTS (weekday), weekday_firsts) &&
      contains (s, e, "年") && contains (s, e, "月"))
    return TRUE;
  if (n_vis <= 16)
    {
      GDate date;

      g_date_clear (&date, 1);
      if (fz_doc_date_parse (s, e - s, &date))
        return TRUE;
    }
  /* A web page's dateline, 发布时间：2024-11-15 来源：某某网 */
  if (index < 4 && n_vis <= 60 && fz_doc_date_is_dateline (s, e - s))
    return TRUE;
  /* “某某日报”微信 and the like at the top of the page */
  if (index < 4 && n_vis <= 20 &&
      (contains (s, e, "报”") || contains (s, e, "报》")) &&
      (contains (s, e, "微信") || contains (s, e, "微博") || contains (s, e, "客户端") ||
       has_prefix (s, e, "“") || has_prefix (s, e, "《")))
    return TRUE;
  return FALSE;
}

/* A headline: short, no full stop at its end, and no comma but on the page's first line, where
 * a web page's headline may have one (破获案件4502起，损失数下降) or end in an exclamation. */
static gboolean
headline_like (const SegLine *l,
               gboolean       first)
{
  return l->n_vis >= 2 && l->n_vis <= (first ? 40 : 50) && (first || !l->clause) &&
         (!fz_charset_is_final (l->last) || l->last == 0x201D || l->last == 0xFF1A ||
          (first && (l->last == 0xFF01 || l->last == '!')));
}

static UnitKind
classify (const char    *text,
          const SegLine *lines,
          Unit          *u,
          guint          index)
{
  const SegLine *f = &lines[u->first_line];
  const char *s = text + f->b_start;
  const char *e = text + lines[u->first_line + u->n_lines - 1].b_end;
  gboolean clause = FALSE;

  for (guint i = 0; i < u->n_lines; i++)
    clause |= lines[u->first_line + i].clause;

  /* mastheads and page notes are short; a long paragraph that mentions a hotline is body */
  if (u->n_lines <= 3 && (u->n_vis <= 40 || (index < 4 && u->n_vis <= 200)) &&
      is_boiler (s, e, u->n_vis, index))
    return UNIT_BOILER;
  if (is_caption_mark (f->first))
    return UNIT_CAPTION;
  if (u->last == 0x6444 /* 摄 */ || has_prefix (e - MIN ((gsize) (e - s), 4), e, "摄）"))
    return u->n_vis <= 20 ? UNIT_CREDIT : UNIT_CAPTION;
  if (f->hash && u->n_vis <= 60)
    return UNIT_HEADING;
  if (u->n_lines == 1 && f->byline)
    return UNIT_BYLINE;
  if (f->lead)
    return UNIT_BODY;
  if (u->headline)
    return UNIT_HEADING;
  /* A post's headline on its own at the top of the page may cry out (警惕！这种骗局又来了！). */
  if (index == 0 && u->n_lines == 1 && (u->last == 0xFF01 || u->last == '!') &&
      headline_like (f, TRUE))
    return UNIT_HEADING;
  if (u->n_vis >= 2 && u->n_vis <= 50 && u->n_lines <= 3 && !clause &&
      (!fz_charset_is_final (u->last) || u->last == 0x201D || u->last == 0xFF1A))
    return UNIT_HEADING;
  return UNIT_BODY;
}

static gboolean
line_is_dateline (const char    *text,
                  const SegLine *l)
{
  return l->n_vis <= 60 && fz_doc_date_is_dateline (text + l->b_start, l->b_end - l->b_start);
}

/* A web page as it shows, pasted: its headline, a dateline and paragraphs, one a line and no
 * blank line between. At the top of the page, a line on its own after a headline or a
 * dateline starts a unit where it is a dateline or a paragraph longer than any headline;
 * lower down, or in a narrow column broken into short lines, lines run on as before. */
static gboolean
starts_after_top_line (const char    *text,
                       const SegLine *prev,
                       const SegLine *l,
                       gboolean       first)
{
  gboolean headline = headline_like (prev, first);
  gboolean prev_dateline = !headline && line_is_dateline (text, prev);

  if (!headline && !prev_dateline)
    return FALSE;
  return (l->n_vis > 50 && l->clause) || line_is_dateline (text, l) ||
         (prev_dateline && l->clause);
}

void
_fz_segmenter_build_units (const char *text,
                           GArray     *lines,
                           GArray     *units)
{
  const SegLine *ls = (const SegLine *) lines->data;
  guint gap = 0;
  Unit *cur = NULL;
  /* as many units as lines at most: made room for once */
  guint n = units->len;

  g_array_set_size (units, n + lines->len);

  for (guint i = 0; i < lines->len; i++)
    {
      const SegLine *l = &ls[i];
      gboolean fresh;

      if (l->blank)
        {
          gap++;
          cur = NULL;
          continue;
        }
      fresh = cur == NULL || l->indent || l->lead || l->byline || l->hash || l->bullet ||
              is_caption_mark (l->first);
      if (!fresh)
        {
          const SegLine *prev = &ls[i - 1];

          fresh = prev->byline || prev->hash || is_caption_mark (prev->first) ||
                  (cur->n_lines == 1 && prev->title_style);
          if (!fresh && cur->n_lines == 1 && n <= 2 &&
              starts_after_top_line (text, prev, l, n == 1))
            {
              fresh = TRUE;
              cur->headline = n == 1 && headline_like (prev, TRUE);
            }
        }
      if (fresh)
        {
          Unit u = { 0 };

          if (n > 0)
            g_array_index (units, Unit, n - 1).gap_after = gap;
          u.first_line = i;
          u.c_start = l->c_start;
          u.gap_before = n == 0 ? 99 : gap;
          cur = &g_array_index (units, Unit, n++);
          *cur = u;
        }
      cur->n_lines++;
      cur->n_vis += l->n_vis;
      cur->c_end = l->c_end;
      cur->last = l->last;
      gap = 0;
    }
  g_array_set_size (units, n);
  if (units->len > 0)
    g_array_index (units, Unit, units->len - 1).gap_after = 99;
  for (guint i = 0; i < units->len; i++)
    {
      Unit *u = &g_array_index (units, Unit, i);

      u->kind = classify (text, ls, u, i);
    }
}

/* Title text: lines of one heading joined, white space made single spaces, # marks gone. */
void
_fz_segmenter_append_unit_text (GString       *out,
                                const char    *text,
                                const SegLine *lines,
                                const Unit    *u)
{
  for (guint i = 0; i < u->n_lines; i++)
    {
      const SegLine *l = &lines[u->first_line + i];
      const char *p = text + l->b_start;
      const char *e = text + l->b_end;
      const char *run = NULL;
      gboolean space = FALSE;

      while (p < e && (*p == '#' || *p == ' '))
        p++;
      if (i > 0 && lines[u->first_line].title_style)
        g_string_append_c (out, ' ');
      /* the text is valid UTF-8: a stretch without white space is copied as it stands */
      while (p < e)
        {
          const char *q = p;

          if (!fz_charset_is_space (fz_text_next_char (&q)))
            {
              if (run == NULL)
                {
                  if (space && out->len > 0)
                    g_string_append_c (out, ' ');
                  space = FALSE;
                  run = p;
                }
            }
          else
            {
              if (run != NULL)
                g_string_append_len (out, run, p - run);
              run = NULL;
              space = TRUE;
            }
          p = q;
        }
      if (run != NULL)
        g_string_append_len (out, run, e - run);
    }
}
