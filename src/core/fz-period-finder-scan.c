/* fz-period-finder-scan.c: finds the time phrases of the compact text and where they stand. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-period-finder-private.h"

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

/* How far back a byline in brackets may end before a phrase. */
#define MAX_BYLINE_REACH 40

/* Where the clause of a phrase at @pos starts, @cs, or after a byline in brackets that
 * precedes the phrase (兰州晚报讯（记者王进）今年以来，). */
static guint
after_byline (const Scan *s,
              guint       pos,
              guint       cs)
{
  for (guint k = pos; k > cs && pos - k < MAX_BYLINE_REACH; k--)
    if (s->u[k - 1] == ')' || s->u[k - 1] == 0xFF09 /* ） */)
      return k;
  return cs;
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

/* Where the sentence that holds @from ends, or @limit if it goes on past it; the marks from
 * the @m-th on are those at or after the phrase. A sentence end is the mark a sentence
 * starts after. */
static guint
sentence_end_before (const Scan *s,
                     guint       m,
                     guint       from,
                     guint       limit)
{
  for (; m < s->n_marks && s->marks[m].pos < limit; m++)
    if (s->marks[m].pos >= from && s->marks[m].sentence_start == s->marks[m].pos + 1)
      return s->marks[m].pos;
  return limit;
}

/* Whether one of @words stands in [from, limit) before the sentence ends. */
static gboolean
word_in_sentence (const Scan *s,
                  guint       m,
                  guint       from,
                  guint       limit,
                  WordList   *words)
{
  limit = sentence_end_before (s, m, from, MIN (limit, s->n));
  word_list_ready (words);
  for (guint k = from; k < limit; k++)
    if (word_list_has_first (words, s->u[k]) && _fz_period_match_words (s, k, words) > 0)
      return TRUE;
  return FALSE;
}

/* Whether the first character of each of @words starts a word of the gate: a place where one
 * of them stands is then among the noted places, s->starts. */
static gboolean
starts_noted (WordList *words)
{
  const guint8 *firsts = _fz_period_start_firsts ();

  word_list_ready (words);
  for (guint w = 0; words->words[w] != NULL; w++)
    if (words->starts[w] >= 0x10000 || firsts[words->starts[w]] == 0)
      return FALSE;
  return TRUE;
}

/* word_in_sentence () for @words whose places are noted (starts_noted ()): only the noted
 * places are tried, a tenth of the characters. */
static gboolean
word_in_sentence_noted (const Scan *s,
                        guint       m,
                        guint       from,
                        guint       limit,
                        WordList   *words)
{
  limit = sentence_end_before (s, m, from, MIN (limit, s->n));
  for (guint j = _fz_search_first_from (s->starts, sizeof (guint), 0, s->n_starts, from);
       j < s->n_starts && s->starts[j] < limit; j++)
    {
      guint k = s->starts[j];

      if (word_list_has_first (words, s->u[k]) && _fz_period_match_words (s, k, words) > 0)
        return TRUE;
    }
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
                     guint       m,
                     const Expr *e)
{
  return word_in_sentence (s, m, e->end, e->end + 64, &report_words);
}

/* How far into its sentence a phrase looks for a founding verb. */
#define MAX_FOUNDING_REACH 32

/* 2016年5月，组建…中心: the founding verbs are verbs of relative phrases (成立以来) too, so
 * where one stands is noted; if the lists ever part, every place is tried. */
static gboolean
founding_in_sentence (const Scan *s,
                      guint       m,
                      guint       from)
{
  static gsize noted = 0;

  if (g_once_init_enter (&noted))
    g_once_init_leave (&noted, starts_noted (&founding_words) ? 1 : 2);
  if (noted == 1)
    return word_in_sentence_noted (s, m, from, from + MAX_FOUNDING_REACH, &founding_words);
  return word_in_sentence (s, m, from, from + MAX_FOUNDING_REACH, &founding_words);
}

/* The flags that depend on where a phrase stands in its clause and sentence. */
static void
place_expr (const Scan *s,
            Expr       *e)
{
  /* The mark before the phrase gives its paragraph, its clause and whether it leads. */
  gint m = scan_mark_before (s, e->start);
  guint cs = after_byline (s, e->start, m < 0 ? 0 : s->marks[m].pos + 1);
  guint ce = scan_clause_end_from (s, (guint) (m + 1), MIN (e->end, s->n));

  e->para = m < 0 ? 0 : s->marks[m].para;
  if (m < 0 || s->marks[m].leading)
    e->flags |= EXPR_LEADING;
  if ((e->start - cs) + (ce > e->end ? ce - e->end : 0) <= SHORT_CLAUSE)
    e->flags |= EXPR_STANDALONE;
  if (e->start - cs <= SHORT_CLAUSE)
    e->flags |= EXPR_CLAUSE_HEAD;
  /* 夏季治安打击整治“百日行动”期间，: the clause names a stretch the sentence is about. */
  if (ce >= 2 && ce > e->end && match (s, ce - 2, "期间") > 0)
    e->flags |= EXPR_STANDALONE;
  /* 从去年的3.2%降至…, 由去年的48.6%下降至…, 较2022年的2689起增长…: 由, 较 and 比 open no
   * phrase, so they stand before it */
  if ((s->u[e->start] == 0x4ECE /* 从 */ ||
       (e->start > 0 && fz_text_char_in (s->u[e->start - 1], "由较比"))) &&
      e->end < s->n && s->u[e->end] == 0x7684 /* 的 */)
    e->flags |= EXPR_OLD_VALUE;
  if ((e->flags & EXPR_DAY) && reports_in_sentence (s, (guint) (m + 1), e))
    e->flags |= EXPR_REPORTED;
  /* 自2016年成立以来, 2016年5月，组建…中心: the phrase or the rest of its sentence. */
  if (founding_in_sentence (s, (guint) (m + 1), e->start))
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
    {
      /* A page with no date of its own was filed that month: its 本月 is the dateline's. */
      if (s->doc_month == 0 && s->exprs->len == 0)
        s->doc_month = e.period.start.month;
      return e.end;
    }
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
