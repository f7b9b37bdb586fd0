/* fz-period-finder-text.c: the compact text: its characters, the marks that end clauses, the gaps of white space. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-period-finder-private.h"

#include "fz-charset.h"

static gboolean
is_closer (gunichar c)
{
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 || c == ')' ||
         c == 0x300B;
}

/* A line of text with no clause punctuation: a headline or a byline. */
static gboolean
line_is_heading (const gunichar *all,
                 guint           line_start,
                 guint           line_end)
{
  guint len = 0;

  for (guint k = line_start; k < line_end; k++)
    {
      if (is_clause_end (all[k]) || all[k] == 0x3001)
        return FALSE;
      if (!fz_text_isspace (all[k]))
        len++;
    }
  return len > 0 && len <= 40;
}

/* Whether the white space all[ws_start, ws_end), with @newlines line breaks, ends a
 * paragraph; its line starts at @line_start. PDF text breaks lines inside sentences, even
 * with blank lines, so a break needs a sentence end or a headline before it. */
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
  while (k > 0 && is_closer (all[k - 1]))
    k--;
  if (k > 0 && is_sentence_end (all[k - 1]))
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

/* Han ideographs, most of a page: neither white space nor a mark that ends a clause. */
static inline gboolean
is_plain_han (gunichar c)
{
  return c >= 0x3400 && c <= 0x9FFF;
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

static inline gboolean
is_left_out (gunichar c)
{
  return fz_text_isspace (c) || c == 0xFEFF;
}

/* What making the compact text does with a character that is no Han ideograph. */
enum
{
  CHAR_LEFT_OUT    = 1 << 0,
  CHAR_ENDS_CLAUSE = 1 << 1,
  CHAR_STARTS_WORD = 1 << 2
};

static guint8
char_kind_of (gunichar      c,
              const guint8 *firsts)
{
  return (is_left_out (c) ? CHAR_LEFT_OUT : 0) | (is_clause_end (c) ? CHAR_ENDS_CLAUSE : 0) |
         (c < 0x10000 && firsts[c] != 0 ? CHAR_STARTS_WORD : 0);
}

/* The kinds of the characters of the plane, in blocks of 256 made at their first use: a
 * page touches a few (ASCII, punctuation, full-width forms), and looking a kind up costs less
 * than the three tests it stands for. */
typedef struct
{
  gsize  ready;
  guint8 kind[256];
} KindBlock;

static inline guint8
char_kind (gunichar      c,
           const guint8 *firsts)
{
  static KindBlock blocks[256];
  KindBlock *block;

  if (c >= 0x10000)
    return char_kind_of (c, firsts);
  block = &blocks[c >> 8];
  if (g_once_init_enter (&block->ready))
    {
      for (guint k = 0; k < 256; k++)
        block->kind[k] = char_kind_of ((c & ~0xFFu) | k, firsts);
      g_once_init_leave (&block->ready, 1);
    }
  return block->kind[c & 0xFF];
}

static void
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

/* The bounds that the clause end @c at @i ends. */
static void
end_clause (Scan     *s,
            Bounds   *b,
            gunichar  c,
            guint     i)
{
  if (is_sentence_end (c))
    {
      b->cs = b->ss = i + 1;
      b->lead = TRUE;
      if (c == PARA)
        b->para++;
    }
  else
    {
      /* Only short clauses (据悉，) may stand before a leading phrase. */
      if (i - b->cs > SHORT_CLAUSE)
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
  end_clause (s, b, PARA, i);
}

/* Leaves out the white space from @i, keeping a PARA where it ends a paragraph; returns
 * where it ends. */
static guint
leave_out_space (Scan           *s,
                 Bounds         *b,
                 const gunichar *all,
                 guint           n_all,
                 guint           i)
{
  guint j, at = s->n, newlines = 0, line_start = b->line_start;

  for (j = i; j < n_all && !is_plain_han (all[j]) && is_left_out (all[j]); j++)
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

/* Notes @c, kept at @n, as a place a phrase may start when a word starts with it: noted
 * always, kept only then, with no branch to mispredict. */
static inline gsize
note_start (guint        *starts,
            gsize         m,
            const guint8 *firsts,
            gunichar      c,
            gsize         n)
{
  starts[m] = (guint) n;
  return m + (firsts[c] != 0);
}

/* Copies the run of Han ideographs at all[i], to the compact text from @n, noting from @m
 * the places a word may start at; returns where the run ends. Inline, so that the lengths
 * stay in registers; indices of the machine's width, and the NUL after the text ends the
 * run. */
static inline guint
copy_han_run (Scan           *s,
              const guint8   *firsts,
              const gunichar *all,
              guint           i,
              guint          *n,
              guint          *m)
{
  gunichar *u = s->u;
  guint *starts = s->starts;
  gsize k = i, kept = *n, noted = *m;
  gunichar c = all[k];

  do
    {
      noted = note_start (starts, noted, firsts, c, kept);
      u[kept++] = c;
    }
  while (is_plain_han (c = all[++k]));
  *n = (guint) kept;
  *m = (guint) noted;
  return (guint) k;
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
  const guint8 *firsts = _fz_period_start_firsts ();
  guint i = 0, n = 0, m = 0;

  s->u = g_new (gunichar, n_all + 1);
  s->starts = g_new (guint, n_all + 1);
  s->n_starts = 0;
  s->n_orig = n_all;
  s->n = 0;
  s->marks = NULL;
  s->n_marks = 0;
  s->gaps = NULL;
  s->n_gaps = 0;
  /* The lengths are kept in registers (n, m): runs of Han ideographs between other
   * characters are a few characters long, and most of the text. */
  while (i < n_all)
    {
      gunichar c = all[i];
      guint8 kind;

      if (is_plain_han (c))
        {
          i = copy_han_run (s, firsts, all, i, &n, &m);
          continue;
        }
      kind = char_kind (c, firsts);
      if (kind & CHAR_LEFT_OUT)
        {
          s->n = n;
          s->n_starts = m;
          i = leave_out_space (s, &b, all, n_all, i);
          n = s->n;
          m = s->n_starts;
          continue;
        }
      /* PARA stands for paragraph breaks only (U+2029 is white space: never here). */
      if (G_UNLIKELY (c == PARA))
        kind = char_kind (c = 0x2028, firsts);
      if (kind & CHAR_STARTS_WORD)
        s->starts[m++] = n;
      s->u[n] = c;
      if (kind & CHAR_ENDS_CLAUSE)
        end_clause (s, &b, c, n);
      n++;
      i++;
    }
  s->n = n;
  s->n_starts = m;
  s->u[n] = 0;
  s->exprs = g_array_new (FALSE, FALSE, sizeof (Expr));
}

/* The last gap that starts at or before @orig, or NULL. */
static const Gap *
gap_from_orig (const Scan *s,
               guint       orig)
{
  guint lo = 0, hi = s->n_gaps;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (s->gaps[mid].orig_start <= orig)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? &s->gaps[lo - 1] : NULL;
}

guint
_fz_period_scan_to_compact (const Scan *s,
                            guint       orig)
{
  const Gap *g = gap_from_orig (s, orig);

  if (g == NULL)
    return orig;
  if (orig < g->orig_end)
    return g->compact_at;
  return g->compact_after + (orig - g->orig_end);
}

guint
_fz_period_scan_to_orig (const Scan *s,
                         guint       pos)
{
  guint lo = 0, hi = s->n_gaps;
  const Gap *g;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (s->gaps[mid].compact_at <= pos)
        lo = mid + 1;
      else
        hi = mid;
    }
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
  g_clear_pointer (&s->u, g_free);
  g_clear_pointer (&s->starts, g_free);
  g_clear_pointer (&s->marks, g_free);
  g_clear_pointer (&s->gaps, g_free);
  g_clear_pointer (&s->exprs, g_array_unref);
}

