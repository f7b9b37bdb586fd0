/* fz-period-finder-text.c: the compact text: its characters, the marks that end clauses, the gaps of white space. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-period-finder-private.h"

#include "fz-charset.h"
#include "fz-document-date.h"

#include <string.h>

/* What making the compact text does with a character. */
enum
{
  CHAR_LEFT_OUT    = 1 << 0,
  CHAR_ENDS_CLAUSE = 1 << 1,
  CHAR_STARTS_WORD = 1 << 2,
  CHAR_NUL         = 1 << 3,  /* the NUL after the text: it stops the search for the others */
  CHAR_ENDS_SENTENCE = 1 << 4
};

static guint8
char_kind_of (gunichar      c,
              const guint8 *firsts)
{
  return (fz_text_is_left_out (c) ? CHAR_LEFT_OUT : 0) |
         (is_clause_end (c) ? CHAR_ENDS_CLAUSE : 0) |
         (is_sentence_end (c) ? CHAR_ENDS_SENTENCE : 0) |
         (c < 0x10000 && firsts[c] != 0 ? CHAR_STARTS_WORD : 0);
}

/* The kinds of the characters of the plane, made once: most characters of a page, Han among
 * them, are of none, and the text is copied a stretch at a time between those that are. Past
 * the plane, none is white space, ends a clause or starts a word. */
static const guint8 *
char_kinds (void)
{
  static guint8 kinds[0x10000];
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      const guint8 *firsts = _fz_period_start_firsts ();

      for (guint c = 0; c < 0x10000; c++)
        kinds[c] = char_kind_of (c, firsts);
      kinds[0] |= CHAR_NUL;
      g_once_init_leave (&ready, 1);
    }
  return kinds;
}

static inline guint8
kind_of_char (const guint8 *kinds,
              gunichar      c)
{
  return G_LIKELY (c < 0x10000) ? kinds[c] : 0;
}

/* A line of text with no clause punctuation: a headline or a byline. A headline's colon or
 * exclamation (公安部：…, 警惕！…) parts no clauses of a sentence. */
static gboolean
line_is_heading (const gunichar *all,
                 guint           line_start,
                 guint           line_end)
{
  guint len = 0;

  for (guint k = line_start; k < line_end; k++)
    {
      gunichar c = all[k];

      if (c == 0x3001 /* 、 */ || (is_clause_end (c) && !fz_text_char_in (c, "：:！!？?")))
        return FALSE;
      if (!fz_text_isspace (all[k]))
        len++;
    }
  return len > 0 && len <= 40;
}

/* A web page's dateline (发布时间：2024-11-15, 来源：某网 2024年11月15日), as the page's date is
 * read. It stands under the headline at the top of the page: most lines a break ends without
 * a sentence mark are lines of a PDF's paragraph further down, and are not read. */
static gboolean
line_is_dateline (const gunichar *all,
                  guint           line_start,
                  guint           line_end)
{
  return line_start <= 512 && line_end - line_start <= 96 &&
         fz_doc_date_is_dateline_chars (all + line_start, line_end - line_start);
}

/* Whether the white space all[ws_start, ws_end), with @newlines line breaks, ends a
 * paragraph; its line starts at @line_start. PDF text breaks lines inside sentences, even
 * with blank lines, so a break needs a sentence end, a dateline or a headline before it. */
static gboolean
is_paragraph_break (const gunichar *all,
                    guint           n_all,
                    guint           ws_start,
                    guint           ws_end,
                    guint           newlines,
                    guint           line_start)
{
  guint k;

  if (newlines == 0 || ws_start == 0 || ws_end >= n_all)
    return newlines > 0;
  k = ws_start;
  while (k > 0 && fz_text_is_closer (all[k - 1]))
    k--;
  if (k > 0 && is_sentence_end (all[k - 1]))
    return TRUE;
  if (line_is_dateline (all, line_start, ws_start))
    return TRUE;
  if (newlines < 2)
    return FALSE;
  if (all[ws_end] == '#')
    return TRUE;
  return line_is_heading (all, line_start, ws_start);
}

void
_fz_period_finder_scan_init (Scan       *s,
                             const char *text,
                             gsize       len)
{
  guint n_all;
  g_autofree gunichar *all = fz_charset_to_ucs4 (text, len, FALSE, &n_all);

  _fz_period_finder_scan_init_chars (s, all, n_all);
}

/* Clause and sentence bounds, kept as the compact text grows, so that finding them costs
 * nothing however long a sentence without punctuation runs; and the room in the lists. */
typedef struct
{
  guint    cs;          /* start of the current clause */
  guint    ss;          /* start of the current sentence */
  gboolean lead;        /* only short clauses so far in the sentence */
  guint    para;        /* the current paragraph */
  guint    line_start;  /* after the last '\n' so far */
  guint    max_marks;
  guint    max_gaps;
} Bounds;

static inline void
add_mark (Scan   *s,
          Bounds *b,
          guint   pos)
{
  if (s->n_marks == b->max_marks)
    {
      b->max_marks = MAX (64, b->max_marks * 2);
      s->marks = g_renew (Mark, s->marks, b->max_marks);
    }
  s->marks[s->n_marks++] = (Mark) { pos, b->ss, b->para, b->lead };
}

/* Whether the clause that ends right before @p (not before @all) only says where the news
 * came from: 记者从省公安厅获悉，据警方负责人介绍，. */
static gboolean
clause_cites_source (const gunichar *all,
                     const gunichar *p)
{
  static const gunichar words[][2] = {
    { 0x83B7, 0x6089 },  /* 获悉 */
    { 0x4ECB, 0x7ECD },  /* 介绍 */
    { 0x5F97, 0x77E5 },  /* 得知 */
    { 0x900F, 0x9732 },  /* 透露 */
    { 0x89E3, 0x5230 },  /* (了)解到 */
  };

  if (p - all < 2)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (words); k++)
    if (p[-2] == words[k][0] && p[-1] == words[k][1])
      return TRUE;
  return FALSE;
}

/* The bounds that the clause end at @i (@p in @all) ends, a sentence's too if it is one. */
static inline void
end_clause (Scan           *s,
            Bounds         *b,
            gboolean        sentence,
            guint           i,
            const gunichar *all,
            const gunichar *p)
{
  if (sentence)
    {
      b->cs = b->ss = i + 1;
      b->lead = TRUE;
    }
  else
    {
      /* Only short clauses (据悉，) may stand before a leading phrase, or one that names the
       * source of the news. */
      if (b->lead && i - b->cs > SHORT_CLAUSE && !clause_cites_source (all, p))
        b->lead = FALSE;
      b->cs = i + 1;
    }
  add_mark (s, b, i);
}

/* Keeps PARA at the end of the compact text, where white space ends a paragraph. */
static void
push_para (Scan   *s,
           Bounds *b)
{
  guint i = s->n++;

  s->u[i] = PARA;
  b->para++;
  end_clause (s, b, TRUE, i, NULL, NULL);
}

/* Leaves out the white space from @i, keeping a PARA where it ends a paragraph; returns
 * where it ends. */
static guint
leave_out_space (Scan           *s,
                 Bounds         *b,
                 const guint8   *kinds,
                 const gunichar *all,
                 guint           n_all,
                 guint           i)
{
  guint j, at = s->n, newlines = 0, line_start = b->line_start;

  /* The NUL after the text is not left out. */
  for (j = i; kind_of_char (kinds, all[j]) & CHAR_LEFT_OUT; j++)
    if (all[j] == '\n')
      {
        newlines++;
        b->line_start = j + 1;
      }
    else if (all[j] == 0x2029 || all[j] == 0x2028)
      newlines++;
  if (is_paragraph_break (all, n_all, i, j, newlines, line_start) && s->n > 0 &&
      s->u[s->n - 1] != PARA)
    push_para (s, b);
  if (s->n_gaps == b->max_gaps)
    {
      b->max_gaps = MAX (64, b->max_gaps * 2);
      s->gaps = g_renew (Gap, s->gaps, b->max_gaps);
    }
  s->gaps[s->n_gaps++] = (Gap) { i, j, at, s->n };
  return j;
}

/* Copies all[from, to) to the end of the compact text. */
static inline void
copy_stretch (Scan           *s,
              const gunichar *all,
              guint           from,
              guint           to)
{
  memcpy (s->u + s->n, all + from, (to - from) * sizeof (gunichar));
  s->n += to - from;
}

/* One pass builds the compact text, its marks, its gaps and the places whose character starts
 * a word; at most one character is kept for each original one, so n_all + 1 places are
 * enough for the text and the places. */
void
_fz_period_finder_scan_init_chars (Scan           *s,
                                   const gunichar *all,
                                   guint           n_all)
{
  Bounds b = { 0, 0, TRUE, 0, 0, 0, 0 };
  const guint8 *kinds = char_kinds ();
  /* The characters from @stretch are still to be copied, to s->n on. */
  const gunichar *p = all, *stretch = all;
  /* Where the compact index of a character of the stretch counts from: never before @all, as
   * the compact text is never longer than the text read. */
  const gunichar *base = all;
  guint *starts, m = 0;

  /* One block for both: a page is too long for the allocator's quick lists. */
  s->u = g_new (gunichar, 2 * ((gsize) n_all + 1));
  s->starts = starts = s->u + n_all + 1;
  s->n_starts = 0;
  s->n_orig = n_all;
  s->n = 0;
  /* Room for the marks and gaps of most pages at once: growing them cost more than filling. */
  b.max_marks = n_all / 8 + 16;
  b.max_gaps = n_all / 16 + 16;
  s->marks = g_new (Mark, b.max_marks);
  s->n_marks = 0;
  s->gaps = g_new (Gap, b.max_gaps);
  s->n_gaps = 0;
  for (;;)
    {
      guint8 kind;
      guint i, pos;

      /* Most characters are of no kind or start a word only (一, 年, digits), one in four or
       * five of them, at random: each place is written, and kept where a word starts,
       * without a branch to guess. Only the rarer kinds stop the run. */
      kind = kind_of_char (kinds, *p);
      if (G_LIKELY ((kind & ~CHAR_STARTS_WORD) == 0))
        {
          starts[m] = (guint) (p - base);
          m += kind >> 2;
          p++;
          continue;
        }
      i = (guint) (p - all);
      if (G_UNLIKELY (kind & CHAR_NUL))
        {
          if (i >= n_all)
            break;
          /* A NUL inside the text is kept as any other character. */
          p++;
          continue;
        }
      if (kind & CHAR_LEFT_OUT)
        {
          copy_stretch (s, all, (guint) (stretch - all), i);
          stretch = p = all + leave_out_space (s, &b, kinds, all, n_all, i);
          base = stretch - s->n;
          continue;
        }
      pos = (guint) (p - base);
      if (kind & CHAR_STARTS_WORD)
        starts[m++] = pos;
      if (kind & CHAR_ENDS_CLAUSE)
        end_clause (s, &b, (kind & CHAR_ENDS_SENTENCE) != 0, pos, all, p);
      p++;
    }
  copy_stretch (s, all, (guint) (stretch - all), n_all);
  s->n_starts = m;
  s->u[s->n] = 0;
  s->exprs = g_array_sized_new (FALSE, FALSE, sizeof (Expr), s->n_marks / 8 + 8);
}

/* The last gap that starts at or before @orig, or NULL. */
static const Gap *
gap_from_orig (const Scan *s,
               guint       orig)
{
  guint n = _fz_search_n_up_to (s->gaps, sizeof (Gap), G_STRUCT_OFFSET (Gap, orig_start),
                                s->n_gaps, orig);

  return n > 0 ? &s->gaps[n - 1] : NULL;
}

/* The compact index of @orig, the last gap that starts at or before it being the one before
 * @g. */
static inline guint
to_compact_after (const Scan *s,
                  guint       orig,
                  guint       g)
{
  const Gap *gap;

  if (g == 0)
    return orig;
  gap = &s->gaps[g - 1];
  if (orig < gap->orig_end)
    return gap->compact_at;
  return gap->compact_after + (orig - gap->orig_end);
}

guint
_fz_period_scan_to_compact (const Scan *s,
                            guint       orig)
{
  const Gap *g = gap_from_orig (s, orig);

  return to_compact_after (s, orig, g == NULL ? 0 : (guint) (g - s->gaps) + 1);
}

guint
_fz_period_scan_to_compact_near (const Scan *s,
                                 guint       orig,
                                 guint      *hint)
{
  guint g = *hint;

  /* Back from where the hint stands: look it up afresh. */
  if (g > s->n_gaps || (g > 0 && s->gaps[g - 1].orig_start > orig))
    {
      const Gap *gap = gap_from_orig (s, orig);

      g = gap == NULL ? 0 : (guint) (gap - s->gaps) + 1;
    }
  while (g < s->n_gaps && s->gaps[g].orig_start <= orig)
    g++;
  *hint = g;
  return to_compact_after (s, orig, g);
}

guint
_fz_period_scan_to_orig (const Scan *s,
                         guint       pos)
{
  guint lo = _fz_search_n_up_to (s->gaps, sizeof (Gap), G_STRUCT_OFFSET (Gap, compact_at),
                                 s->n_gaps, pos);
  const Gap *g;

  if (lo == 0)
    return pos;
  g = &s->gaps[lo - 1];
  /* The PARA kept for the run stands at its start. */
  if (pos < g->compact_after)
    return g->orig_start;
  return g->orig_end + (pos - g->compact_after);
}

void
_fz_period_finder_scan_clear (Scan *s)
{
  /* The places share the text's block. */
  s->starts = NULL;
  g_clear_pointer (&s->u, g_free);
  g_clear_pointer (&s->marks, g_free);
  g_clear_pointer (&s->gaps, g_free);
  g_clear_pointer (&s->exprs, g_array_unref);
}

