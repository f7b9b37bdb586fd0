/* fz-period-finder-scan.c: the compact text: paragraphs, clause and sentence bounds, phrases. */
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

/* Whether the white space all[ws_start, ws_end) ends a paragraph. PDF text breaks
 * lines inside sentences, even with blank lines, so a break needs a sentence end
 * or a headline before it. */
static gboolean
is_paragraph_break (const gunichar *all,
                    guint           n_all,
                    guint           ws_start,
                    guint           ws_end)
{
  guint newlines = 0, k, line_start;

  for (k = ws_start; k < ws_end; k++)
    if (all[k] == '\n' || all[k] == 0x2029 || all[k] == 0x2028)
      newlines++;
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
  line_start = ws_start;
  while (line_start > 0 && all[line_start - 1] != '\n')
    line_start--;
  return line_is_heading (all, line_start, ws_start);
}

void
_fz_period_word_list_init (WordList *list)
{
  for (guint w = 0; list->words[w] != NULL; w++)
    {
      gunichar c = g_utf8_get_char (list->words[w]);

      g_assert (w < WORD_LIST_MAX);
      list->starts[w] = c;
      list->first[(c & 4095) >> 6] |= G_GUINT64_CONSTANT (1) << (c & 63);
    }
}

guint
_fz_period_match_words (const Scan     *s,
                        guint           i,
                        const WordList *list)
{
  /* Only words that start with this character are compared in full. */
  for (guint w = 0; list->words[w] != NULL; w++)
    {
      guint m;

      if (list->starts[w] == s->u[i] && (m = match (s, i, list->words[w])) > 0)
        return m;
    }
  return 0;
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
 * nothing however long a sentence without punctuation runs. */
typedef struct
{
  guint    cs;    /* start of the current clause */
  guint    ss;    /* start of the current sentence */
  gboolean lead;  /* only short clauses so far in the sentence */
  guint    para;  /* the current paragraph */
  guint    max_marks;
  guint    max_gaps;
} Bounds;

/* Han ideographs, most of a page: neither white space nor a mark that ends a clause. */
static inline gboolean
is_plain_han (gunichar c)
{
  return c >= 0x3400 && c <= 0x9FFF;
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

/* Keeps @c, not a Han ideograph, at the end of the compact text; most such characters
 * (digits, letters, quotes) end no clause. */
static inline void
push_other (Scan     *s,
            Bounds   *b,
            gunichar  c)
{
  guint i = s->n++;

  s->u[i] = c;
  if (is_clause_end (c))
    end_clause (s, b, c, i);
}

static inline gboolean
is_left_out (gunichar c)
{
  return fz_text_isspace (c) || c == 0xFEFF;
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
  guint j = i, at = s->n;

  while (j < n_all && is_left_out (all[j]))
    j++;
  if (is_paragraph_break (all, n_all, i, j) && s->n > 0 && s->u[s->n - 1] != PARA)
    push_other (s, b, PARA);
  if (s->n_gaps == b->max_gaps)
    {
      b->max_gaps = MAX (64, b->max_gaps * 2);
      s->gaps = g_renew (Gap, s->gaps, b->max_gaps);
    }
  s->gaps[s->n_gaps++] = (Gap) { i, j, at, s->n };
  return j;
}

/* Copies the Han ideographs from @i, most of the text, in a tight loop; returns where they
 * end. */
static inline guint
copy_han (Scan           *s,
          const guint8   *firsts,
          const gunichar *all,
          guint           n_all,
          guint           i)
{
  gunichar *u = s->u;
  guint *starts = s->starts;
  guint n = s->n, m = s->n_starts;

  while (i < n_all && is_plain_han (all[i]))
    {
      gunichar c = all[i++];

      /* Noted always, kept when the character starts a word: no branch to mispredict. */
      starts[m] = n;
      m += firsts[c] != 0;
      u[n++] = c;
    }
  s->n = n;
  s->n_starts = m;
  return i;
}

/* One pass builds the compact text, its marks, its gaps and the places whose character starts
 * a word; at most one character is kept for each original one, so n_all + 1 places are
 * enough for the text and the places. */
void
_fz_period_finder_scan_init_chars (Scan           *s,
                                   const gunichar *all,
                                   guint           n_all)
{
  Bounds b = { 0, 0, TRUE, 0, 0, 0 };
  const guint8 *firsts = _fz_period_start_firsts ();
  guint i = 0;

  s->u = g_new (gunichar, n_all + 1);
  s->starts = g_new (guint, n_all + 1);
  s->n_starts = 0;
  s->n_orig = n_all;
  s->n = 0;
  s->marks = NULL;
  s->n_marks = 0;
  s->gaps = NULL;
  s->n_gaps = 0;
  while ((i = copy_han (s, firsts, all, n_all, i)) < n_all)
    {
      gunichar c = all[i];

      if (is_left_out (c))
        i = leave_out_space (s, &b, all, n_all, i);
      else
        {
          if (c < 0x10000 && firsts[c] != 0)
            s->starts[s->n_starts++] = s->n;
          push_other (s, &b, c == PARA ? 0x2028 : c);
          i++;
        }
    }
  s->u[s->n] = 0;
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

/* How far back a byline in brackets may end before a phrase. */
#define MAX_BYLINE_REACH 40

/* Where the clause of a phrase starts, after a byline in brackets that precedes the phrase
 * (兰州晚报讯（记者王进）今年以来，). */
static guint
clause_start_of (const Scan *s,
                 guint       pos)
{
  guint cs = scan_clause_start (s, pos);

  for (guint k = pos; k > cs && pos - k < MAX_BYLINE_REACH; k--)
    if (s->u[k - 1] == ')' || s->u[k - 1] == 0xFF09 /* ） */)
      return k;
  return cs;
}

static gboolean
expr_is_standalone (const Scan *s,
                    const Expr *e)
{
  guint cs = clause_start_of (s, e->start), ce = scan_clause_end (s, MIN (e->end, s->n));

  return (e->start - cs) + (ce > e->end ? ce - e->end : 0) <= SHORT_CLAUSE;
}

/* 新华社某地3月9日电: the day a wire dispatch was filed, not a time the text speaks of. */
static gboolean
is_dateline (const Scan *s,
             const Expr *e)
{
  return (e->flags & EXPR_DAY) && e->end < s->n && s->u[e->end] == 0x7535 /* 电 */;
}

/* 春季、夏季打团伙: a list of stretches, none of which the clause is about. */
static gboolean
in_list_of_phrases (const Scan *s,
                    const Expr *e,
                    const Expr *prev)
{
  return (e->end < s->n && s->u[e->end] == 0x3001 /* 、 */) ||
         (prev != NULL && prev->end + 1 == e->start && s->u[prev->end] == 0x3001);
}

/* Whether one of @words stands in [from, limit) before the sentence ends. */
static gboolean
word_in_sentence (const Scan *s,
                  guint       from,
                  guint       limit,
                  WordList   *words)
{
  limit = MIN (limit, s->n);
  for (guint k = from; k < limit && !is_sentence_end (s->u[k]); k++)
    if (word_list_may_start (words, s->u[k]) && _fz_period_match_words (s, k, words) > 0)
      return TRUE;
  return FALSE;
}

static WordList report_words = WORD_LIST (
  "发布会", "获悉", "了解到", "通报", "记者", "介绍", "表示", "召开", "新闻", "讯"
);

static WordList founding_words = WORD_LIST (
  "成立", "组建", "开通", "上线", "启动", "建立", "设立", "挂牌", "揭牌", "运行"
);

/* 3月7日，记者从…了解到: the day of the report, which does not bound the figures it gives. */
static gboolean
reports_in_sentence (const Scan *s,
                     const Expr *e)
{
  return word_in_sentence (s, e->end, e->end + 64, &report_words);
}

/* How far into its sentence a phrase looks for a founding verb. */
#define MAX_FOUNDING_REACH 32

/* The flags that depend on where a phrase stands in its clause and sentence. */
static void
place_expr (const Scan *s,
            Expr       *e)
{
  guint ce = scan_clause_end (s, MIN (e->end, s->n));

  e->para = scan_para (s, e->start);
  if (scan_leading (s, e->start))
    e->flags |= EXPR_LEADING;
  if (expr_is_standalone (s, e))
    e->flags |= EXPR_STANDALONE;
  if (e->start - clause_start_of (s, e->start) <= SHORT_CLAUSE)
    e->flags |= EXPR_CLAUSE_HEAD;
  /* 夏季治安打击整治“百日行动”期间，: the clause names a stretch the sentence is about. */
  if (ce >= 2 && ce > e->end && match (s, ce - 2, "期间") > 0)
    e->flags |= EXPR_STANDALONE;
  if ((s->u[e->start] == 0x4ECE /* 从 */ || s->u[e->start] == 0x7531 /* 由 */) &&
      e->end < s->n && s->u[e->end] == 0x7684 /* 的 */)
    e->flags |= EXPR_OLD_VALUE;
  if ((e->flags & EXPR_DAY) && reports_in_sentence (s, e))
    e->flags |= EXPR_REPORTED;
  /* 自2016年成立以来, 2016年5月，组建…中心: the phrase or the rest of its sentence. */
  if (word_in_sentence (s, e->start, e->start + MAX_FOUNDING_REACH, &founding_words))
    e->flags |= EXPR_FOUNDING;
}

/* Reads the phrase at @i, if any, and keeps it; returns where the scan goes on. */
static guint
scan_at (Scan  *s,
         guint  i)
{
  Expr e;
  Expr *prev;

  if (s->u[i] == PARA || !_fz_period_phrase_parse (s, i, &e) || e.end <= i)
    return i + 1;
  prev = s->exprs->len > 0 ? &g_array_index (s->exprs, Expr, s->exprs->len - 1) : NULL;
  if (is_dateline (s, &e))
    return e.end;
  /* 期间 after a phrase in its clause closes that phrase, it does not block it. */
  if ((e.flags & EXPR_BLOCK) && match (s, e.start, "期间") > 0 && prev != NULL &&
      prev->start >= scan_clause_start (s, e.start))
    return e.end;
  place_expr (s, &e);
  if (in_list_of_phrases (s, &e, prev))
    {
      e.flags |= EXPR_BLOCK;
      if (prev != NULL && prev->end + 1 == e.start)
        prev->flags |= EXPR_BLOCK;
    }
  g_array_append_val (s->exprs, e);
  return e.end;
}

void
_fz_period_finder_scan_exprs (Scan *s)
{
  const StartTable *table = _fz_period_start_table ();
  guint resume = 0;

  if (_fz_period_finder_try_everywhere)
    {
      for (guint i = 0; i < s->n; i = scan_at (s, i))
        ;
      return;
    }
  /* Only the places whose character starts a word, noted as the text was made. */
  for (guint k = 0, i; (i = _fz_period_next_start (table, s, &k, resume)) < s->n;)
    resume = scan_at (s, i);
}
