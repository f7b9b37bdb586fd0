/* fz-period-finder.c: gives each figure the time phrase that governs it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-period-finder.h"
#include "fz-period-finder-private.h"
#include "fz-charset.h"
#include "fz-pipeline-private.h"

#include "fz-article.h"
#include "fz-period.h"

/* How far back (in paragraphs) a relative start looks when no article bounds it. */
#define MAX_PARAGRAPHS_BACK 4

/* How many earlier time phrases a figure or a relative start looks through:
 * bounds the work on a long text without punctuation. */
#define MAX_LOOKBACK 256

/* The index of the last phrase that ends at or before @pos, or -1. */
static gint
last_expr_before (const Scan *s,
                  guint       pos)
{
  return (gint) _fz_search_n_up_to (s->exprs->data, sizeof (Expr), G_STRUCT_OFFSET (Expr, end),
                                    s->exprs->len, pos) - 1;
}

/* Whether @e is a stretch of a report (一季度, 1—10月, 2023年): a span of months with both
 * ends, which is what figures cover, not when some work began. */
static gboolean
is_reported_stretch (const Expr *e)
{
  const FzPeriod *p = &e->period;

  return p->end.year_kind != FZ_PERIOD_YEAR_OPEN && p->start.day == 0 &&
         (p->start.month != p->end.month || p->start.year_kind != p->end.year_kind ||
          p->start.year != p->end.year);
}

/* A relative start takes the start the text stated before it: the one of a founding
 * (2016年2月，组建…中心；…一年来) when the text gives one, else the nearest that can be a start:
 * a month or a day, or a start left open, not the stretch a report covers. */
static gboolean
resolve_relative (const Scan *s,
                  gint        idx,
                  guint       bound,
                  FzPeriod   *out)
{
  const Expr *rel = &g_array_index (s->exprs, Expr, idx);
  guint para = rel->para;
  const Expr *nearest = NULL;

  for (gint k = idx - 1; k >= 0 && k + MAX_LOOKBACK > idx; k--)
    {
      const Expr *e = &g_array_index (s->exprs, Expr, k);

      if (e->start < bound || e->para + MAX_PARAGRAPHS_BACK < para)
        break;
      if (e->flags & (EXPR_BLOCK | EXPR_RELATIVE))
        continue;
      if (e->period.start.year_kind == FZ_PERIOD_YEAR_OPEN)
        continue;
      /* 三年来 did not start this year, nor last year. */
      if ((rel->years >= 2 && e->period.start.year_kind == FZ_PERIOD_YEAR_CURRENT) ||
          (rel->years >= 3 && e->period.start.year_kind == FZ_PERIOD_YEAR_PREVIOUS))
        continue;
      if (nearest == NULL && !is_reported_stretch (e))
        nearest = e;
      if (e->flags & EXPR_FOUNDING)
        {
          nearest = e;
          break;
        }
    }
  if (nearest == NULL)
    return FALSE;
  fz_period_clear (out);
  out->start = nearest->period.start;
  return TRUE;
}

/* The nearest phrase before @idx in the article (from @bound) that @wanted accepts, or NULL. */
static const Expr *
named_last (const Scan *s,
            gint        idx,
            guint       bound,
            gboolean  (*wanted) (const Expr *e))
{
  for (gint k = idx - 1; k >= 0 && k + MAX_LOOKBACK > idx; k--)
    {
      const Expr *e = &g_array_index (s->exprs, Expr, k);

      if (e->start < bound)
        break;
      if (wanted (e))
        return e;
    }
  return NULL;
}

static gboolean
is_day (const Expr *e)
{
  return (e->flags & EXPR_DAY) && !(e->flags & EXPR_BLOCK);
}

/* 当天返还120万元, 同期审结案件1876件: the period of the phrase the article named last that
 * @wanted accepts. */
static gboolean
resolve_named_last (const Scan *s,
                    gint        idx,
                    guint       bound,
                    gboolean  (*wanted) (const Expr *e),
                    FzPeriod   *out)
{
  const Expr *e = named_last (s, idx, bound, wanted);

  if (e == NULL)
    return FALSE;
  *out = e->period;
  return TRUE;
}

static gboolean
names_a_month (const Expr *e)
{
  return !(e->flags & (EXPR_BLOCK | EXPR_RELATIVE)) && e->period.start.month != 0;
}

/* 全月破获案件27起: the month the article named last, alone or with a day of it. */
static gboolean
resolve_that_month (const Scan *s,
                    gint        idx,
                    guint       bound,
                    FzPeriod   *out)
{
  const Expr *e = named_last (s, idx, bound, names_a_month);

  if (e == NULL ||
      (!(e->flags & EXPR_DAY) && (e->period.end.month != e->period.start.month ||
                                  e->period.end.year_kind != e->period.start.year_kind ||
                                  e->period.end.year != e->period.start.year)))
    return FALSE;
  fz_period_clear (out);
  out->start = e->period.start;
  out->start.day = 0;
  out->end = out->start;
  return TRUE;
}

static gboolean
is_stretch (const Expr *e)
{
  return !(e->flags & (EXPR_BLOCK | EXPR_RELATIVE | EXPR_DAY)) && !fz_period_is_empty (&e->period);
}

static gboolean
take_expr (const Scan *s,
           gint        idx,
           guint       bound,
           FzPeriod   *out,
           gint       *cue)
{
  const Expr *e = &g_array_index (s->exprs, Expr, idx);

  *cue = idx;
  if (e->flags & EXPR_THAT_DAY)
    return resolve_named_last (s, idx, bound, is_day, out);
  if (e->flags & EXPR_THAT_MONTH)
    return resolve_that_month (s, idx, bound, out);
  if (e->flags & EXPR_THAT_STRETCH)
    return resolve_named_last (s, idx, bound, is_stretch, out);
  /* 本月 and 上月: the month of the bulletin, or the one before it (December of the year
   * before, in January) */
  if ((e->flags & (EXPR_THIS_MONTH | EXPR_LAST_MONTH)) && s->doc_month != 0)
    {
      gboolean wrap = (e->flags & EXPR_LAST_MONTH) && s->doc_month == 1;

      fz_period_clear (out);
      out->start.year_kind = wrap ? FZ_PERIOD_YEAR_PREVIOUS : FZ_PERIOD_YEAR_CURRENT;
      out->start.month = (guint8) (wrap ? 12 : s->doc_month -
                                   ((e->flags & EXPR_LAST_MONTH) ? 1 : 0));
      out->start.day = e->period.start.day;
      if (!(e->flags & EXPR_SINCE))
        out->end = out->start;
      return TRUE;
    }
  if (e->flags & EXPR_BLOCK)
    return FALSE;
  if (e->flags & EXPR_RELATIVE)
    return resolve_relative (s, idx, bound, out);
  *out = e->period;
  return TRUE;
}

/* The period of a figure at compact [start, end): the clause, then the
 * sentence, then a phrase that leads an earlier sentence of the paragraph. A day
 * (5月8日，市政府召开发布会) only governs its own clause; 截至目前 after a phrase that leads
 * the sentence (今年以来，…，截至目前，) leaves that phrase governing, but nothing before the
 * sentence. */
static gboolean
find_period (const Scan *s,
             guint       start,
             guint       bound,
             FzPeriod   *out,
             gint       *cue)
{
  /* The mark before the figure gives its clause, sentence and paragraph: one search. */
  gint m = scan_mark_before (s, start);
  guint cs = m < 0 ? 0 : s->marks[m].pos + 1, ss = m < 0 ? 0 : s->marks[m].sentence_start;
  guint para = m < 0 ? 0 : s->marks[m].para;
  gint last = last_expr_before (s, start);
  gboolean now = FALSE;

  for (gint idx = last; idx >= 0 && idx + MAX_LOOKBACK > last; idx--)
    {
      const Expr *e = &g_array_index (s->exprs, Expr, idx);

      if (e->start < bound)
        return FALSE;
      if (e->start >= cs)
        {
          /* The year of an old value (从去年的3.2%) is that value's, not the new one's after it
           * (降至0.04%) nor the change's (增长19.6%). */
          if ((e->flags & EXPR_OLD_VALUE) && start != e->end + 1)
            continue;
          if (!(e->flags & EXPR_NOW) || (e->flags & EXPR_BLOCK) == 0)
            return take_expr (s, idx, bound, out, cue);
          now = TRUE;
          continue;
        }
      if (e->start >= ss)
        {
          if (e->flags & EXPR_NOW)
            now = TRUE;
          else if ((e->flags & EXPR_REPORTED) == 0 &&
                   (e->flags & (EXPR_LEADING | EXPR_STANDALONE | EXPR_CLAUSE_HEAD)))
            {
              /* 12月份，发案数为近年来最低，…: a word that blocks only where it heads its
               * clause, not inside one after a phrase that leads the sentence */
              if ((e->flags & EXPR_BLOCK) &&
                  !(e->flags & (EXPR_STANDALONE | EXPR_CLAUSE_HEAD | EXPR_RESOLVES)))
                continue;
              return take_expr (s, idx, bound, out, cue);
            }
          continue;
        }
      if (now || e->para != para || s->u[e->start] == PARA)
        return FALSE;
      if (!(e->flags & EXPR_LEADING))
        continue;
      if (e->flags & EXPR_DAY)
        return FALSE;
      return take_expr (s, idx, bound, out, cue);
    }
  return FALSE;
}

/* Whether @prev stands on a clause of its own in the sentence right before the one @e leads,
 * in one paragraph: 据介绍，今年以来，…。截至7月底，… */
static gboolean
leads_sentence_before (const Scan *s,
                       const Expr *prev,
                       const Expr *e)
{
  guint ss = scan_sentence_start (s, e->start);

  return (prev->flags & EXPR_STANDALONE) &&
         (e->flags & EXPR_LEADING) && ss > 0 && prev->para == e->para &&
         scan_sentence_start (s, ss - 1) == scan_sentence_start (s, prev->start);
}

/* 今年以来，截至8月中旬: a running total whose start the phrase just before it gives, in the
 * clause before or leading the sentence before. */
static void
join_since (const Scan *s,
            gint        idx,
            FzPeriod   *period)
{
  const Expr *e = &g_array_index (s->exprs, Expr, idx);
  const Expr *prev;
  FzPeriod joined, from;

  if (idx < 1 || period->start.year_kind != FZ_PERIOD_YEAR_OPEN ||
      period->end.year_kind == FZ_PERIOD_YEAR_OPEN)
    return;
  prev = &g_array_index (s->exprs, Expr, idx - 1);
  /* 本月以来 starts the month of the bulletin */
  if ((prev->flags & EXPR_THIS_MONTH) && (prev->flags & EXPR_SINCE) && s->doc_month != 0)
    {
      gint cue;

      if (!take_expr (s, idx - 1, 0, &from, &cue))
        return;
    }
  else if ((prev->flags & (EXPR_BLOCK | EXPR_RELATIVE)) ||
           prev->period.end.year_kind != FZ_PERIOD_YEAR_OPEN)
    return;
  else
    from = prev->period;
  /* Right before it (今年截至9月底), in the clause before, or leading the sentence
   * (本月以来，…上升幅度加快，截至24日), or leading the sentence before. */
  if (prev->end != e->start &&
      (scan_sentence_start (s, prev->start) != scan_sentence_start (s, e->start) ||
       (scan_clause_end (s, prev->end) + 1 != scan_clause_start (s, e->start) &&
        (prev->flags & (EXPR_STANDALONE | EXPR_LEADING)) != (EXPR_STANDALONE | EXPR_LEADING))) &&
      !leads_sentence_before (s, prev, e))
    return;
  joined = *period;
  joined.start = from.start;
  /* 6月起 … 截至3月 read as one stretch would end before it starts. */
  if (fz_period_is_valid (&joined))
    *period = joined;
}

/* 截至6月底，今年全市共发案210起: a running total whose end a phrase leading the sentence
 * gives, before the phrase of the figure's own clause gives its start. */
static void
join_until (const Scan *s,
            gint        idx,
            FzPeriod   *period)
{
  const Expr *e = &g_array_index (s->exprs, Expr, idx);
  const Expr *prev;
  FzPeriod joined;

  if (idx < 1 || period->start.year_kind == FZ_PERIOD_YEAR_OPEN ||
      period->end.year_kind != FZ_PERIOD_YEAR_OPEN)
    return;
  prev = &g_array_index (s->exprs, Expr, idx - 1);
  if ((prev->flags & (EXPR_BLOCK | EXPR_RELATIVE)) || !(prev->flags & EXPR_STANDALONE) ||
      prev->period.start.year_kind != FZ_PERIOD_YEAR_OPEN ||
      prev->period.end.year_kind == FZ_PERIOD_YEAR_OPEN ||
      scan_sentence_start (s, prev->start) != scan_sentence_start (s, e->start))
    return;
  joined = *period;
  joined.end = prev->period.end;
  if (fz_period_is_valid (&joined))
    *period = joined;
}

/* A phrase that writes no year speaks of the year the text last named: 全年 of the nearest
 * earlier phrase of the article with a year of its own, a few paragraphs back at most; a
 * month (1-7月) of one in its own sentence. */
static void
inherit_year (const Scan *s,
              gint        idx,
              guint       bound,
              FzPeriod   *period)
{
  const Expr *e = &g_array_index (s->exprs, Expr, idx);
  guint para = e->para, ss;

  if (!(e->flags & EXPR_NO_YEAR) || (e->flags & (EXPR_BLOCK | EXPR_RELATIVE)))
    return;
  ss = scan_sentence_start (s, e->start);
  for (gint k = idx - 1; k >= 0 && k + MAX_LOOKBACK > idx; k--)
    {
      const Expr *y = &g_array_index (s->exprs, Expr, k);
      const FzPeriodEnd *from = &y->period.start;

      if (y->start < bound || y->para + MAX_PARAGRAPHS_BACK < para)
        return;
      /* A month speaks of the year of its own sentence only (2023年，…，1-7月发案199起). */
      if (!(e->flags & EXPR_WHOLE_YEAR) && y->start < ss)
        return;
      if (y->flags & (EXPR_BLOCK | EXPR_RELATIVE | EXPR_NO_YEAR))
        continue;
      if (from->year_kind == FZ_PERIOD_YEAR_OPEN)
        from = &y->period.end;
      if (from->year_kind == FZ_PERIOD_YEAR_OPEN || from->year_kind == FZ_PERIOD_YEAR_CURRENT)
        return;
      if (period->start.year_kind == FZ_PERIOD_YEAR_CURRENT)
        {
          period->start.year_kind = from->year_kind;
          period->start.year = from->year;
        }
      if (period->end.year_kind == FZ_PERIOD_YEAR_CURRENT)
        {
          period->end.year_kind = from->year_kind;
          period->end.year = from->year;
        }
      return;
    }
}

/* Words of what is still to be done: a target (力争全年下降15%) is of the year it is set in. */
static WordList intent_words = WORD_LIST ("将", "力争", "计划", "预计", "目标", "争取", "确保");

static gboolean
intent_before (const Scan *s,
               guint       from,
               guint       to)
{
  for (guint k = from; k < to; k++)
    if (match_any (s, k, &intent_words) > 0)
      return TRUE;
  return FALSE;
}

/* 12月份 or 第四季度 in a review published in January: a stretch that writes no year and has
 * not begun by the month of publication is of the year before, unless the sentence sets a
 * target for it. */
static void
before_publication (const Scan *s,
                    gint        idx,
                    guint       start,
                    FzPeriod   *period)
{
  const Expr *e = &g_array_index (s->exprs, Expr, idx);
  const FzPeriodEnd *first = period->start.year_kind != FZ_PERIOD_YEAR_OPEN ? &period->start
                                                                           : &period->end;

  if (s->doc_month == 0 || !(e->flags & EXPR_NO_YEAR) ||
      (e->flags & (EXPR_BLOCK | EXPR_RELATIVE | EXPR_WHOLE_YEAR)) ||
      first->year_kind != FZ_PERIOD_YEAR_CURRENT || first->month <= s->doc_month ||
      intent_before (s, scan_sentence_start (s, MIN (e->start, start)), start))
    return;
  if (period->start.year_kind == FZ_PERIOD_YEAR_CURRENT)
    period->start.year_kind = FZ_PERIOD_YEAR_PREVIOUS;
  if (period->end.year_kind == FZ_PERIOD_YEAR_CURRENT)
    period->end.year_kind = FZ_PERIOD_YEAR_PREVIOUS;
}

/* The time phrase a period was read from, in the figure's code points. */
static void
set_cue (const Scan *s,
         FzFigure   *f,
         gint        cue)
{
  const Expr *e;

  if (cue < 0)
    return;
  e = &g_array_index (s->exprs, Expr, cue);
  if (e->end <= e->start || e->end > s->n)
    return;
  f->period_cue_start = _fz_period_scan_to_orig (s, e->start);
  f->period_cue_end = _fz_period_scan_to_orig (s, e->end - 1) + 1;
}

/* The article that holds a figure, kept from one figure to the next: most figures stand in
 * the article of the figure before them. */
typedef struct
{
  const FzArticle *article;
  guint            bound;  /* the compact index of its start */
} ArticleCache;

static guint
article_bound (const Scan   *s,
               GPtrArray    *articles,
               guint32       figure_start,
               ArticleCache *cache)
{
  if (articles == NULL)
    return 0;
  for (guint a = 0; a < articles->len; a++)
    {
      const FzArticle *art = g_ptr_array_index (articles, a);

      if (art != NULL && art->start <= figure_start && figure_start < art->end)
        {
          if (art != cache->article)
            {
              cache->article = art;
              cache->bound = _fz_period_scan_to_compact (s, MIN (art->start, s->n_orig));
            }
          return cache->bound;
        }
    }
  return 0;
}

/* Whether @a and @b are written alike: every field that fz_period_write () reads. */
static inline gboolean
same_period (const FzPeriod *a,
             const FzPeriod *b)
{
  return a->start.year_kind == b->start.year_kind && a->start.month == b->start.month &&
         a->start.day == b->start.day && a->start.year == b->start.year &&
         a->end.year_kind == b->end.year_kind && a->end.month == b->end.month &&
         a->end.day == b->end.day && a->end.year == b->end.year;
}

void
fz_period_assign (const char   *text,
                  gsize         len,
                  FzFigureList *figures,
                  GPtrArray    *articles,
                  const GDate  *doc_date)
{
  g_autofree gunichar *chars = NULL;
  guint n_chars = 0;

  g_return_if_fail (text != NULL || len == 0);
  g_return_if_fail (figures != NULL);

  chars = fz_charset_to_ucs4 (text != NULL ? text : "", text != NULL ? len : 0, FALSE, &n_chars);
  _fz_period_assign_chars (chars, n_chars, figures, articles, doc_date);
}

void
_fz_period_assign_chars (const gunichar *chars,
                         guint           n_chars,
                         FzFigureList   *figures,
                         GPtrArray      *articles,
                         const GDate    *doc_date)
{
  Scan s = { 0 };
  guint doc_year = 0;
  ArticleCache article = { NULL, 0 };
  guint gap_hint = 0;
  /* The period written last and its string in the pool: the figures of a sentence share one. */
  FzPeriod last = { { 0 } };
  guint32 last_str = 0;
  gboolean have_last = FALSE;

  _fz_period_finder_scan_init_chars (&s, chars, n_chars);
  if (doc_date != NULL && g_date_valid (doc_date))
    {
      doc_year = g_date_get_year (doc_date);
      s.doc_month = g_date_get_month (doc_date);
    }
  _fz_period_finder_scan_exprs (&s);

  for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
    {
      FzFigure *f = fz_figure_list_get_mut (figures, i);
      FzPeriod period;
      guint start, bound;
      gint cue = -1;

      f->period = 0;
      f->period_cue_start = f->period_cue_end = 0;
      /* Dates, durations, ordinals and identifiers are not about a stretch of time. */
      if (!fz_kind_is_statistic (f->kind) || f->kind == FZ_KIND_DURATION)
        continue;
      start = _fz_period_scan_to_compact_near (&s, MIN (f->start, s.n_orig), &gap_hint);
      bound = article_bound (&s, articles, f->start, &article);
      if (!find_period (&s, start, bound, &period, &cue) || fz_period_is_empty (&period))
        continue;
      join_since (&s, cue, &period);
      join_until (&s, cue, &period);
      set_cue (&s, f, cue);
      inherit_year (&s, cue, bound, &period);
      before_publication (&s, cue, start, &period);
      if (doc_year > 1000 && doc_year <= 9999)
        fz_period_resolve (&period, doc_year);
      /* Only a period that parses is written; a year inherited may still order the ends
       * wrongly. */
      if (!fz_period_is_valid (&period))
        {
          f->period_cue_start = f->period_cue_end = 0;
          continue;
        }
      if (!have_last || !same_period (&period, &last))
        {
          char buf[FZ_PERIOD_WRITE_MAX];
          gsize len = fz_period_write (&period, buf);

          last = period;
          last_str = fz_figure_list_intern (figures, buf, (gssize) len);
          have_last = TRUE;
        }
      f->period = last_str;
    }
  _fz_period_finder_scan_clear (&s);
}
