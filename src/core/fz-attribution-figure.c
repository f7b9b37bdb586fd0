/* fz-attribution-figure.c: one figure: where it stands, and whether it is a core statistic. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-attribution-private.h"

static FzWordSet story_words = FZ_WORD_SET (
  "女士", "先生", "老人", "大爷", "大妈", "阿姨", "某公司", "采购员"
);

static gboolean
is_story (Ctx     *ctx,
          guint32  sentence_start,
          guint32  sentence_end)
{
  return _fz_attribution_has_word (ctx, sentence_start, sentence_end, &story_words);
}

/* Figures come in text order and share their sentence: the last answer is kept. */
static gboolean
is_story_sentence (Ctx     *ctx,
                   guint32  sentence_start,
                   guint32  sentence_end)
{
  if (ctx->story_valid && ctx->story_start == sentence_start && ctx->story_end == sentence_end)
    return ctx->story_answer;
  ctx->story_valid = TRUE;
  ctx->story_start = sentence_start;
  ctx->story_end = sentence_end;
  ctx->story_answer = is_story (ctx, sentence_start, sentence_end);
  return ctx->story_answer;
}

/* A story paragraph (a victim, 某女士, and the 3名 arrested in her case) tells one
 * case: its numbers are details, not statistics. 受害人 and 事主 are not story words: a
 * statistic counts them as often (超过6成受害人, 帮助受害事主拦截资金4.1亿元), and a story
 * names its victim (受害人李女士). */
static gboolean
is_story_paragraph (Ctx     *ctx,
                    guint32  pos,
                    guint32  floor,
                    guint32  ceil)
{
  guint32 start = pos, end = pos;

  /* From any later position up to the paragraph's end, the searches below find the same
   * paragraph (a figure never starts on a line break). */
  if (ctx->par_valid && ctx->par_floor == floor && ctx->par_ceil == ceil &&
      pos >= ctx->par_from && pos < ctx->par_end)
    return ctx->par_story;
  /* The paragraph's ends nearest before and after, from the page's list rather than a walk
   * over the paragraph: it starts after the last end at or after @floor that comes before
   * @pos, and ends at the first at or after @pos before @ceil. */
  if (pos > floor)
    {
      guint k = _fz_attribution_first_from (ctx->paragraph_ends, ctx->n_paragraph_ends,
                                            pos - 1);

      start = floor;
      if (k > 0 && ctx->paragraph_ends[k - 1] >= floor)
        start = ctx->paragraph_ends[k - 1] + 1;
    }
  if (pos < ceil)
    {
      guint k = _fz_attribution_first_from (ctx->paragraph_ends, ctx->n_paragraph_ends, pos);

      end = ceil;
      if (k < ctx->n_paragraph_ends && ctx->paragraph_ends[k] + 1 < ceil)
        end = ctx->paragraph_ends[k];
    }
  ctx->par_from = pos;
  ctx->par_end = end;
  ctx->par_floor = floor;
  ctx->par_ceil = ceil;
  ctx->par_story = is_story (ctx, start, end);
  ctx->par_valid = ctx->u[pos] != '\n';
  return ctx->par_story;
}

/* 两种办法, 一个小组, 三名队员: small numbers in words tell, they do not count. */
static gboolean
is_small_word_number (Ctx            *ctx,
                      const FzFigure *fig)
{
  const char *value = fz_figure_list_str (ctx->figures, fig->value);

  if (fig->kind != FZ_KIND_COUNT)
    return FALSE;
  for (guint32 i = fig->start; i < fig->end; i++)
    if (g_unichar_isdigit (ctx->u[i]))
      return FALSE;
  return value[0] != '\0' && g_ascii_strtod (value, NULL) <= 10;
}

/* 超过6成受害人是30岁以下: an age tells who was concerned, it counts nothing. The unit is as
 * the page writes it (30歲). */
static gboolean
is_age (Ctx            *ctx,
        const FzFigure *fig)
{
  const char *unit = fz_figure_list_str (ctx->figures, fig->unit);

  return fig->kind == FZ_KIND_COUNT &&
         (g_str_equal (unit, "岁") || g_str_equal (unit, "歲") || g_str_equal (unit, "周岁") ||
          g_str_equal (unit, "週歲"));
}

/* 每10万人发案数: the people a rate is counted over, no count of its own. */
static gboolean
is_denominator (Ctx            *ctx,
                const FzFigure *fig)
{
  return fig->kind == FZ_KIND_COUNT && fig->start > 0 &&
         ctx->u[fig->start - 1] == 0x6BCF /* 每 */;
}

static FzWordSet bound_words = FZ_WORD_SET ("以上", "以下");

/* 损失10万元以上的案件, 95%以上的网点: a bound that picks out what is counted, no statistic. */
static gboolean
is_threshold (Ctx            *ctx,
              const FzFigure *fig)
{
  return fig->end >= 2 && fig->end < (guint32) ctx->n && ctx->u[fig->end] == 0x7684 /* 的 */ &&
         _fz_attribution_word_at (ctx->u, fig->end - 2, fig->end, &bound_words);
}

static FzWordSet cap_words = FZ_WORD_SET ("最高", "最多", "最低", "每人", "每起", "每户");
static FzWordSet peak_words = FZ_WORD_SET ("单日最", "单月最", "单周最", "单天最");

/* 每人最高补偿5万元: a cap or a rate per person is a rule. 单日最高发案41起 is a peak
 * that happened, a statistic. */
static gboolean
is_cap_uncached (Ctx            *ctx,
                 const FzFigure *fig,
                 guint32         clause_start)
{
  return _fz_attribution_has_word (ctx, clause_start, fig->start, &cap_words) &&
         !_fz_attribution_has_word (ctx, clause_start, fig->start, &peak_words);
}

void
_fz_attribution_figure_mark_words (guint8 *bits)
{
  _fz_attribution_mark_first_chars (&story_words, bits);
  _fz_attribution_mark_first_chars (&cap_words, bits);
  _fz_attribution_mark_first_chars (&peak_words, bits);
}

/* Both the indicator and the core flag ask: @cap holds the answer, -1 until known. */
static gboolean
is_cap (Ctx            *ctx,
        const FzFigure *fig,
        guint32         clause_start,
        int            *cap)
{
  if (*cap < 0)
    *cap = is_cap_uncached (ctx, fig, clause_start) ? 1 : 0;
  return *cap == 1;
}

static void
find_span (Ctx            *ctx,
           const FzFigure *fig,
           Span           *span)
{
  int art = _fz_attribution_article_of (ctx, fig->start);
  guint32 ss, se;

  span->article = art;
  span->floor = art >= 0 ? ctx->arts[art].start : 0;
  span->ceil = art >= 0 ? ctx->arts[art].end : (guint32) ctx->n;
  if (art >= 0 && ctx->arts[art].title_start < ctx->arts[art].title_end &&
      fig->start >= ctx->arts[art].title_start && fig->start < ctx->arts[art].title_end)
    {
      span->floor = ctx->arts[art].title_start;
      span->ceil = ctx->arts[art].title_end;
    }
  /* A title before the figure is no part of its sentence: a headline has no full stop, and
   * the first sentence of the body would otherwise run back into it (“断卡”行动成效显著 …
   * 抓获犯罪嫌疑人1230名 is no count of card offenders). */
  else if (art >= 0 && ctx->arts[art].title_end <= fig->start &&
           ctx->arts[art].title_end > span->floor)
    span->floor = ctx->arts[art].title_end;
  ss = _fz_attribution_bound_left (ctx, fig->start, span->floor, BOUND_SENTENCE);
  se = _fz_attribution_bound_right (ctx, fig->end, span->ceil, BOUND_SENTENCE);
  span->sentence_start = ss;
  span->sentence_end = se;
  span->clause_start = _fz_attribution_bound_left (ctx, fig->start, ss, BOUND_CLAUSE);
  span->clause_end = _fz_attribution_bound_right (ctx, fig->end, se, BOUND_CLAUSE);
}

/* Only statistics in an article about fraud get an indicator. */
static int
assign_indicator (Ctx        *ctx,
                  guint       index,
                  FzFigure   *fig,
                  const Span *span,
                  int        *cap)
{
  int art = span->article;
  int ind = -1;

  fig->indicator = 0;
  fig->polarity = 0;
  if (art >= 0 && ctx->arts[art].fraud && fz_kind_is_statistic (fig->kind) &&
      !is_cap (ctx, fig, span->clause_start, cap) && !is_denominator (ctx, fig) &&
      !is_threshold (ctx, fig) &&
      !_fz_attribution_is_other_crime (ctx, span->sentence_start, span->sentence_end))
    ind = _fz_attribution_find_indicator (ctx, index, span->sentence_start, span->sentence_end,
                                          span->clause_start, span->clause_end);
  fig->indicator_cue_start = fig->indicator_cue_end = 0;
  if (ind >= 0)
    {
      const FzIndicator *indicator = fz_lexicon_get (ctx->lex, ind);
      fig->indicator = _fz_attribution_intern (ctx, indicator->id);
      fig->polarity = indicator->polarity;
      fig->indicator_cue_start = ctx->cue_start;
      fig->indicator_cue_end = ctx->cue_end;
    }
  return ind;
}

/* Core: statistics of anti-fraud or policing work, not story details. */
static gboolean
is_core (Ctx            *ctx,
         const FzFigure *fig,
         const Span     *span,
         int             ind,
         int            *cap)
{
  int art = span->article;

  if (!fz_kind_is_statistic (fig->kind) ||
      is_story_sentence (ctx, span->sentence_start, span->sentence_end) ||
      is_story_paragraph (ctx, fig->start, span->floor, span->ceil) ||
      is_small_word_number (ctx, fig) || is_age (ctx, fig) || is_denominator (ctx, fig) ||
      is_threshold (ctx, fig) ||
      is_cap (ctx, fig, span->clause_start, cap))
    return FALSE;
  if (ind >= 0)
    return TRUE;
  if (art >= 0 && ctx->arts[art].policing)
    {
      /* Targets and rules (60%以上) are not results; average times are. */
      if (fig->kind == FZ_KIND_COUNT ||
          (fig->kind == FZ_KIND_PERCENT && fig->qualifier == FZ_QUALIFIER_EXACT))
        return TRUE;
      if (fig->kind == FZ_KIND_DURATION &&
          _fz_attribution_contains (ctx->u, span->clause_start, fig->start, "平均"))
        return TRUE;
    }
  return FALSE;
}

void
_fz_attribution_figure (Ctx   *ctx,
                        guint  index)
{
  FzFigure *fig = fz_figure_list_get_mut (ctx->figures, index);
  Span span;
  int ind, cap = -1;

  find_span (ctx, fig, &span);
  /* Without articles the page is read as one, which no index of the caller's names. */
  fig->article = ctx->arts_given ? span.article : -1;
  _fz_attribution_assign_region (ctx, index, fig, &span);
  ind = assign_indicator (ctx, index, fig, &span, &cap);
  fig->core = is_core (ctx, fig, &span, ind, &cap) ? 1 : 0;
}
