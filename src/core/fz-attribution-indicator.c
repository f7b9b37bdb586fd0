/* fz-attribution-indicator.c: which indicator governs a figure: triggers, nouns, 分别, rates. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-attribution-private.h"
#include "fz-charset.h"

/* How far after a number its noun may stand (名资深民警, 个社区反诈宣教室). */
#define MAX_NOUN_GAP 5
#define MAX_NOUN_WINDOW 12
/* How far after its noun a verb may make it an object (28起案件全部破获). */
#define MAX_VERB_AFTER_NOUN 6
/* How far before a figure 为 or 向 makes it the beneficiary (为5000名群众挽回). */
#define MAX_BENEFICIARY_GAP 4
/* How far before a count its verb may stand (破获了28起案件). */
#define MAX_VERB_GAP 2


void
_fz_attribution_set_cue (Ctx     *ctx,
                         guint32  start,
                         guint32  end)
{
  ctx->cue_start = start;
  ctx->cue_end = end;
  ctx->cue_verb = FALSE;
}

gboolean
_fz_attribution_trigger_accepts (Ctx            *ctx,
                                 const Trigger  *t,
                                 const FzFigure *fig,
                                 guint          *ind)
{
  const char *unit = fz_figure_list_str (ctx->figures, fig->unit);

  for (guint i = 0; i < t->n_inds; i++)
    {
      const FzIndicator *indicator = fz_lexicon_get (ctx->lex, t->inds[i]);

      if (fz_indicator_accepts_kind (indicator, fig->kind) &&
          fz_indicator_accepts_unit (indicator, fig->kind, unit))
        {
          *ind = t->inds[i];
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_fz_attribution_overlaps_figure (Ctx     *ctx,
                                 guint32  start,
                                 guint32  end)
{
  guint n = fz_figure_list_get_n (ctx->figures);

  if (ctx->figures_in_order)
    {
      /* In order and not nested, ends rise with starts: only the last figure to start
       * before @end can reach back over @start. */
      guint i = _fz_attribution_figures_before (ctx, end);
      return i > 0 && fz_figure_list_get (ctx->figures, i - 1)->end > start;
    }
  for (guint i = 0; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (ctx->figures, i);
      if (f->start < end && start < f->end)
        return TRUE;
    }
  return FALSE;
}

static const FzFigure *
figure_starting_at (Ctx     *ctx,
                    guint32  pos)
{
  guint n = fz_figure_list_get_n (ctx->figures);
  guint i = ctx->figures_in_order ? _fz_attribution_figures_before (ctx, pos) : 0;

  for (; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (ctx->figures, i);
      if (f->start == pos)
        return f;
      if (ctx->figures_in_order && f->start > pos)
        break;
    }
  return NULL;
}

gboolean
_fz_attribution_has_char_in (Ctx        *ctx,
                             guint32     start,
                             guint32     end,
                             const char *chars)
{
  for (const char *p = chars; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      for (guint32 i = start; i < end; i++)
        if (ctx->u[i] == c)
          return TRUE;
    }
  return FALSE;
}

/* A verb right after the noun makes the noun its object: 28起案件全部破获 counts cases solved. */
static int
verb_after_noun (Ctx            *ctx,
                 const FzFigure *fig,
                 guint           first,
                 guint32         noun_end,
                 guint32         clause_end)
{
  guint32 limit = MIN (clause_end, noun_end + MAX_VERB_AFTER_NOUN);

  for (guint i = first; i < ctx->triggers->len; i++)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, i);
      guint ind;

      if (t->start < noun_end)
        continue;
      if (t->end > limit || _fz_attribution_has_char_in (ctx, noun_end, t->start, LIST_JOINERS) ||
          _fz_attribution_overlaps_figure (ctx, noun_end, t->start))
        break;
      if (t->verb && !t->neutral && _fz_attribution_trigger_accepts (ctx, t, fig, &ind))
        {
          _fz_attribution_set_cue (ctx, t->start, t->end);
          return (int) ind;
        }
    }
  return -1;
}

/* Words of a title won: 获评, 被评为, 命名为. */
static FzWordSet honour_words = FZ_WORD_SET ("获评", "评为", "命名为", "创成");

#define MAX_HONOUR_AFTER 12

/* 9个乡镇获评“无诈乡镇”: the title that places or units counted won names what they count. */
static int
honour_after (Ctx            *ctx,
              const FzFigure *fig,
              guint           first,
              guint32         from,
              guint32         clause_end)
{
  guint32 limit = MIN (clause_end, from + MAX_HONOUR_AFTER), k;

  for (k = from; k < limit; k++)
    if (_fz_attribution_word_at (ctx->u, k, clause_end, &honour_words))
      break;
  if (k >= limit)
    return -1;
  for (guint i = first; i < ctx->triggers->len; i++)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, i);
      guint ind;

      if (t->start <= k)
        continue;
      if (t->end > clause_end)
        break;
      if (!t->neutral && _fz_attribution_trigger_accepts (ctx, t, fig, &ind))
        {
          _fz_attribution_set_cue (ctx, t->start, t->end);
          return (int) ind;
        }
    }
  return -1;
}

/* What the words after a number say: the head noun of its noun phrase, a neutral noun, or a
 * verb right after it. */
typedef struct
{
  int      found;      /* the head's indicator, -1 for none */
  guint32  start;      /* the head's span */
  guint32  end;
  gboolean neutral;    /* a neutral noun leads the phrase */
  int      verb;       /* the indicator of a verb right after the number, -1 for none */
  guint32  verb_start;
  guint32  verb_end;
} NounPhrase;

/* Reads the noun phrase that starts at @pos, with the triggers from index @first on. */
static void
read_noun_phrase (Ctx            *ctx,
                  const FzFigure *fig,
                  guint32         pos,
                  guint           first,
                  guint32         limit,
                  NounPhrase     *np)
{
  *np = (NounPhrase) { -1, 0, 0, FALSE, -1, 0, 0 };
  for (guint i = first; i < ctx->triggers->len; i++)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, i);
      guint32 from = np->found == -1 ? pos : np->end;
      guint ind;

      if (t->start < from)
        continue;
      if (t->end > limit || _fz_attribution_overlaps_figure (ctx, pos, t->start) ||
          _fz_attribution_has_char_in (ctx, from, t->start, LIST_JOINERS))
        return;
      if (np->found == -1 && !np->neutral && t->start - pos > MAX_NOUN_GAP &&
          !_fz_attribution_contains (ctx->u, pos, t->start, "的"))
        return;
      /* A verb ends the noun phrase (87起、抓获嫌疑人62名: 抓获 is no noun); right after
       * the number it says what the number did (164万人完成注册). */
      if (t->verb)
        {
          if (np->found == -1 && !np->neutral && !t->neutral && t->start - pos <= MAX_NOUN_GAP &&
              _fz_attribution_trigger_accepts (ctx, t, fig, &ind))
            *np = (NounPhrase) { -1, 0, 0, FALSE, (int) ind, t->start, t->end };
          return;
        }
      /* 20个社区反诈宣教室: the last noun of the phrase is its head. */
      if (t->neutral && np->found != -1)
        return;
      if (t->neutral)
        np->neutral = TRUE;
      else if (_fz_attribution_trigger_accepts (ctx, t, fig, &ind))
        *np = (NounPhrase) { (int) ind, t->start, t->end, np->neutral, -1, 0, 0 };
    }
}

/* The noun phrase right after the number: 5名资深民警, 60人的专职劝阻队, 3个商户宣传示范点;
 * its head is the last noun in it, and after 的 the noun after it (40个民警形象的立牌).
 * Returns -1 for none, -2 for a neutral noun (线索, 指标), else the indicator. */
static int
noun_after (Ctx            *ctx,
            const FzFigure *fig,
            guint32         clause_end)
{
  guint32 pos = _fz_attribution_skip_space (ctx, fig->end, clause_end);
  guint first;
  const FzFigure *next;
  NounPhrase np;
  int verb;

  /* 9支80人的劝阻队: the two numbers share the noun. */
  while ((next = figure_starting_at (ctx, pos)) != NULL && next->end > pos)
    pos = _fz_attribution_skip_space (ctx, next->end, clause_end);
  first = _fz_attribution_triggers_before (ctx, pos);
  read_noun_phrase (ctx, fig, pos, first, MIN (clause_end, pos + MAX_NOUN_WINDOW), &np);
  if (np.verb >= 0)
    {
      _fz_attribution_set_cue (ctx, np.verb_start, np.verb_end);
      return np.verb;
    }
  if (np.found == -1 && np.neutral)
    {
      int won = honour_after (ctx, fig, first, pos, clause_end);

      return won >= 0 ? won : -2;
    }
  if (np.found == -1)
    return -1;
  verb = verb_after_noun (ctx, fig, first, np.end, clause_end);
  if (verb >= 0)
    return verb;
  _fz_attribution_set_cue (ctx, np.start, np.end);
  return np.found;
}

/* The trigger before the figure in [from, fig->start): the nearest action
 * word if there is one after the nearest noun, else the nearest word.
 * Returns -1 for none, -2 when a neutral word is nearer than any trigger or, with
 * @prefer_verbs, a neutral action (查询, 审核) governs the nouns after it. */
/* Where the figure of @fig's kind before it in [from, fig->start) ends, or @from: an action
 * word before that one belongs to it (立案减少30%、损失减少25%). */
static guint32
previous_figure_end (Ctx            *ctx,
                     const FzFigure *fig,
                     guint32         from)
{
  guint n = fz_figure_list_get_n (ctx->figures);
  guint32 end = from;

  for (guint i = ctx->figures_in_order ? _fz_attribution_figures_before (ctx, from) : 0; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (ctx->figures, i);

      if (f->start >= fig->start)
        {
          if (ctx->figures_in_order)
            break;
          continue;
        }
      /* 侦破万元以上案件30起: a figure of another kind is part of the object; so is one
       * that no indicator counts (劝阻60岁以上老人217人次). */
      if (f->start >= from && f->end > end && f->kind == fig->kind &&
          fz_lexicon_unit_fits_any (ctx->lex, f->kind, fz_figure_list_str (ctx->figures, f->unit)))
        end = f->end;
    }
  return end;
}

/* The trigger before the figure in [from, fig->start): the nearest action
 * word if there is one after the nearest noun and after the statistic before, else the
 * nearest word; a rate noun (被骗率) always. Returns -1 for none, -2 when a neutral word is
 * nearer than any trigger or, with @prefer_verbs, a neutral action (查询, 审核) governs the
 * nouns after it. */
static int
trigger_before (Ctx            *ctx,
                const FzFigure *fig,
                guint32         from,
                gboolean        prefer_verbs,
                gboolean        stop_at_neutral)
{
  int nearest = -1, verb = -1;
  const Trigger *nearest_t = NULL, *verb_t = NULL;
  guint32 verbs_from = prefer_verbs ? previous_figure_end (ctx, fig, from) : from;

  /* One starting at or after the figure ends after its start and could not count, so the
   * walk back begins just before the figure. */
  for (int i = (int) _fz_attribution_triggers_before (ctx, fig->start) - 1; i >= 0; i--)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, i);
      guint ind;

      if (t->end > fig->start)
        continue;
      if (t->start < from)
        break;
      if (_fz_attribution_overlaps_figure (ctx, t->start, t->end))
        continue;
      if (t->neutral)
        {
          if (stop_at_neutral &&
              (nearest == -1 || (prefer_verbs && t->verb && t->start >= verbs_from)))
            return -2;
          continue;
        }
      if (!_fz_attribution_trigger_accepts (ctx, t, fig, &ind))
        continue;
      if (nearest == -1)
        {
          nearest = ind;
          nearest_t = t;
          if (t->rate)
            break;
        }
      if (t->verb && t->start >= verbs_from)
        {
          verb = ind;
          verb_t = t;
          break;
        }
    }
  if (prefer_verbs && verb >= 0)
    {
      _fz_attribution_set_cue (ctx, verb_t->start, verb_t->end);
      ctx->cue_verb = TRUE;
      return verb;
    }
  if (nearest_t != NULL)
    _fz_attribution_set_cue (ctx, nearest_t->start, nearest_t->end);
  return nearest;
}

static gboolean
clause_has_trigger (Ctx     *ctx,
                    guint32  start,
                    guint32  end)
{
  for (guint i = _fz_attribution_triggers_before (ctx, start); i < ctx->triggers->len; i++)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, i);

      if (t->start >= end)
        break;
      if (t->start >= start && t->end <= end &&
          (t->neutral ||
           (t->n_inds > 0 && !_fz_attribution_overlaps_figure (ctx, t->start, t->end))))
        return TRUE;
    }
  return FALSE;
}

/* The indicator of figure @pick, when it can measure @fig; else -1. Its cue is the cue. */
int
_fz_attribution_indicator_of_figure (Ctx            *ctx,
                                     guint           pick,
                                     const FzFigure *fig)
{
  const FzFigure *f = fz_figure_list_get (ctx->figures, pick);
  int ind = fz_lexicon_find (ctx->lex, fz_figure_list_str (ctx->figures, f->indicator));

  if (ind >= 0 && fz_indicator_accepts_kind (fz_lexicon_get (ctx->lex, ind), fig->kind))
    {
      _fz_attribution_set_cue (ctx, f->indicator_cue_start, f->indicator_cue_end);
      return ind;
    }
  return -1;
}

/* A rate with no word of its own measures what the statistic before it in the sentence
 * measures (冻结资金2亿元，同比上升30%); when that one cannot be a rate, nothing. Percentage
 * points change a rate: theirs may be the level of a rate before them (占刑事案件总数的45.6%，
 * 同比下降8个百分点). Returns -1 when there is no such figure, -2 when it has no indicator
 * for @fig. */
static int
subject_figure (Ctx            *ctx,
                guint           index,
                guint32         sentence_start)
{
  const FzFigure *fig = fz_figure_list_get (ctx->figures, index);
  guint n = fz_figure_list_get_n (ctx->figures);
  gboolean points = strcmp (fz_figure_list_str (ctx->figures, fig->unit), "pp") == 0;
  int pick = -1, ind;

  for (guint i = 0; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (ctx->figures, i);

      if (f->start < sentence_start || f->end > fig->start || !fz_kind_is_statistic (f->kind) ||
          f->kind == FZ_KIND_DURATION)
        continue;
      if (f->kind == FZ_KIND_PERCENT &&
          !(points && f->change == FZ_CHANGE_NONE &&
            strcmp (fz_figure_list_str (ctx->figures, f->unit), "%") == 0))
        continue;
      if (pick < 0 || f->start > fz_figure_list_get (ctx->figures, pick)->start)
        pick = (int) i;
    }
  if (pick < 0)
    return -1;
  if (fz_figure_list_get (ctx->figures, pick)->indicator == 0)
    return -1;
  ind = _fz_attribution_indicator_of_figure (ctx, pick, fig);
  return ind >= 0 ? ind : -2;
}

static int
only_indicator_for_kind (Ctx    *ctx,
                         FzKind  kind)
{
  int found = -1;

  for (guint i = 0; i < fz_lexicon_get_n (ctx->lex); i++)
    {
      guint kinds = fz_lexicon_get (ctx->lex, i)->kinds;
      if ((kinds & (1u << kind)) == 0)
        continue;
      if (found >= 0)
        return -1;
      found = i;
    }
  return found;
}

/* Whether [start, end) holds only words that join a word to its number (仅, 共, 约, 达, 为). */
static gboolean
only_function_words (Ctx     *ctx,
                     guint32  start,
                     guint32  end)
{
  for (guint32 i = start; i < end; i++)
    if (!fz_charset_is_space (ctx->u[i]) &&
        !fz_text_char_in (ctx->u[i], "仅只共约近达为是有了计超逾则合即"))
      return FALSE;
  return TRUE;
}

/* An action right before a count makes the noun after the count its object: 破获28起案件
 * counts cases solved and 成功劝阻5起诈骗案件 dissuasions, not cases reported. Returns -1
 * when no such action stands there. */
static int
verb_right_before (Ctx            *ctx,
                   const FzFigure *fig,
                   guint32         clause_start)
{
  guint i = _fz_attribution_triggers_before (ctx, fig->start);
  guint ind;

  while (i > 0)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, --i);

      if (t->end > fig->start)
        continue;
      if (t->start < clause_start || fig->start - t->end > MAX_VERB_GAP || t->neutral ||
          _fz_attribution_has_char_in (ctx, t->end, fig->start, LIST_JOINERS) ||
          _fz_attribution_overlaps_figure (ctx, t->end, fig->start))
        return -1;
      /* 劝阻后被骗仅4人: the word right before the count says it counts something else; in
       * 发放宣传手册6000余册 a noun of its own (手册) stands between and says nothing yet. */
      if (!_fz_attribution_trigger_accepts (ctx, t, fig, &ind))
        return t->n_inds > 0 && only_function_words (ctx, t->end, fig->start) ? -2 : -1;
      if (!t->verb)
        return -1;
      _fz_attribution_set_cue (ctx, t->start, t->end);
      ctx->cue_verb = TRUE;
      return (int) ind;
    }
  return -1;
}

/* 为2万名群众挽回3亿元, 向外省300余名群众返还资金: the people a result went to, not
 * what the clause counts; the action after them counts something else. */
static gboolean
is_beneficiary (Ctx            *ctx,
                const FzFigure *fig,
                guint32         clause_start,
                guint32         clause_end)
{
  guint32 from = fig->start > clause_start + MAX_BENEFICIARY_GAP
                 ? fig->start - MAX_BENEFICIARY_GAP : clause_start;
  guint32 limit = MIN (clause_end, fig->end + MAX_NOUN_GAP + MAX_VERB_AFTER_NOUN);
  gboolean after_preposition = FALSE;
  guint ind;

  if (fig->kind != FZ_KIND_COUNT)
    return FALSE;
  for (guint32 i = fig->start; i > from && !after_preposition; i--)
    after_preposition = ctx->u[i - 1] == 0x4E3A /* 为 */ || ctx->u[i - 1] == 0x5411 /* 向 */;
  if (!after_preposition)
    return FALSE;
  for (guint i = _fz_attribution_triggers_before (ctx, fig->end); i < ctx->triggers->len; i++)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, i);

      if (t->end > limit || _fz_attribution_overlaps_figure (ctx, fig->end, t->start))
        break;
      if (t->verb && !t->neutral && !_fz_attribution_trigger_accepts (ctx, t, fig, &ind))
        return TRUE;
    }
  return FALSE;
}

/* What the clause counts: a list of nouns paired with a list of figures, the noun after a
 * count, the action or noun before it, the statistic before a rate, the sentence's topic. */
static int
find_in_clause (Ctx     *ctx,
                guint    index,
                guint32  sentence_start,
                guint32  sentence_end,
                guint32  clause_start,
                guint32  clause_end)
{
  const FzFigure *fig = fz_figure_list_get (ctx->figures, index);
  int ind;

  ind = _fz_attribution_noun_list (ctx, fig, sentence_start, clause_start, clause_end);
  if (ind >= 0)
    return ind;
  if (fig->kind == FZ_KIND_PERCENT)
    return _fz_attribution_respectively (ctx, index, sentence_start, sentence_end, clause_start);
  if (is_beneficiary (ctx, fig, clause_start, clause_end))
    return -2;
  /* 挽回3亿元经济损失: for money the action before it says more than the noun after. */
  if (fig->kind == FZ_KIND_MONEY)
    {
      ind = trigger_before (ctx, fig, clause_start, TRUE, TRUE);
      if (ind >= 0 && ctx->cue_verb)
        return ind;
    }
  if (fig->kind == FZ_KIND_COUNT)
    {
      ind = verb_right_before (ctx, fig, clause_start);
      if (ind != -1)
        return ind;
    }
  return noun_after (ctx, fig, clause_end);
}

/* Suspects arrested in a sentence about bank and phone cards (打掉“两卡”团伙…，抓获嫌疑人2386人)
 * are card offenders: the narrower indicator wins. */
static int
narrow_suspects (Ctx            *ctx,
                 const FzFigure *fig,
                 guint32         sentence_start,
                 int             ind)
{
  int suspects = ctx->suspects_ind;
  int cards = ctx->cards_ind;

  if (ind < 0 || ind != suspects || cards < 0)
    return ind;
  for (guint i = _fz_attribution_triggers_before (ctx, sentence_start);
       i < ctx->triggers->len; i++)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, i);

      if (t->end > fig->start)
        break;
      for (guint k = 0; k < t->n_inds; k++)
        if ((int) t->inds[k] == cards &&
            fz_indicator_accepts_unit (fz_lexicon_get (ctx->lex, cards), fig->kind,
                                       fz_figure_list_str (ctx->figures, fig->unit)))
          {
            _fz_attribution_set_cue (ctx, t->start, t->end);
            return cards;
          }
    }
  return ind;
}

/* 破获案件1200起、980起、760起: a figure that only a 、 parts from the one before it, of the
 * same kind and measure, is the next item of the same list. Not percents: a list of them
 * pairs with a list of nouns (发案数、损失数分别下降30%、25%). Returns -1 when it is not. */
static int
list_item (Ctx     *ctx,
           guint    index,
           guint32  clause_start)
{
  const FzFigure *fig = fz_figure_list_get (ctx->figures, index);
  const FzFigure *prev;

  if (!ctx->figures_in_order || index == 0 || fig->kind == FZ_KIND_PERCENT ||
      fig->start < clause_start + 2 ||
      ctx->u[fig->start - 1] != 0x3001 /* 、 */)
    return -1;
  prev = fz_figure_list_get (ctx->figures, index - 1);
  if (prev->end + 1 != fig->start || prev->kind != fig->kind || prev->unit != fig->unit ||
      prev->indicator == 0)
    return -1;
  return _fz_attribution_indicator_of_figure (ctx, index - 1, fig);
}

/* 破获案件3215起，较2022年的2689起增长19.6%: the old value a change starts from, after 较, 比,
 * 从 or 由 and a time, is of the statistic the sentence gave just before it. Returns -1 when
 * it is not one. */
static int
old_value (Ctx     *ctx,
           guint    index,
           guint32  sentence_start)
{
  const FzFigure *fig = fz_figure_list_get (ctx->figures, index);
  guint32 j = fig->start;
  guint steps = 0;

  if (!ctx->figures_in_order || j < sentence_start + 3 || ctx->u[j - 1] != 0x7684 /* 的 */)
    return -1;
  for (j--; j > sentence_start && steps < 12 &&
            (fz_text_digit_value (ctx->u[j - 1]) >= 0 ||
             fz_text_char_in (ctx->u[j - 1], "〇零一二三四五六七八九十年月日份底初季度同期去上今前全"));
       j--)
    steps++;
  if (steps == 0 || j == sentence_start || !fz_text_char_in (ctx->u[j - 1], "较比从由"))
    return -1;
  for (guint i = index; i-- > 0;)
    {
      const FzFigure *f = fz_figure_list_get (ctx->figures, i);

      if (f->start < sentence_start)
        break;
      if (f->kind == fig->kind && f->unit == fig->unit && f->indicator != 0)
        return _fz_attribution_indicator_of_figure (ctx, i, fig);
    }
  return -1;
}

static int
find_indicator (Ctx     *ctx,
                                guint    index,
                                guint32  sentence_start,
                                guint32  sentence_end,
                                guint32  clause_start,
                                guint32  clause_end)
{
  const FzFigure *fig = fz_figure_list_get (ctx->figures, index);
  int ind;

  _fz_attribution_set_cue (ctx, 0, 0);
  /* 6台设备, 3辆车: a measure word that no indicator counts. */
  if (!fz_lexicon_unit_fits_any (ctx->lex, fig->kind,
                                 fz_figure_list_str (ctx->figures, fig->unit)))
    return -1;
  ind = list_item (ctx, index, clause_start);
  if (ind >= 0)
    return ind;
  ind = old_value (ctx, index, sentence_start);
  if (ind >= 0)
    return ind;
  ind = find_in_clause (ctx, index, sentence_start, sentence_end, clause_start, clause_end);
  if (ind != -1)
    return ind;
  ind = trigger_before (ctx, fig, clause_start, TRUE, TRUE);
  if (ind != -1)
    return ind;
  if (fig->kind == FZ_KIND_PERCENT)
    {
      ind = subject_figure (ctx, index, sentence_start);
      if (ind != -1)
        return ind;
    }
  /* The clause names nothing that counts: the sentence's topic may
   * (这类预警提醒，本月出现了5次). */
  if (fig->kind == FZ_KIND_PERCENT ||
      !clause_has_trigger (ctx, clause_start, fig->start) ||
      trigger_before (ctx, fig, clause_start, FALSE, FALSE) == -1)
    {
      ind = trigger_before (ctx, fig, sentence_start, FALSE, FALSE);
      if (ind >= 0)
        return ind;
    }
  _fz_attribution_set_cue (ctx, 0, 0);
  return only_indicator_for_kind (ctx, fig->kind);
}

/* 快速止付60件，涉案金额达到900万元: the amount involved in what the nearest action before
 * it in the sentence did, when that action can measure money; else @ind (losses). */
static int
involved_amount (Ctx            *ctx,
                 const FzFigure *fig,
                 guint32         sentence_start,
                 int             ind)
{
  guint i, verb_ind;
  const Trigger *cue;

  if (ind < 0 || ctx->cue_end == 0 || ctx->cue_verb ||
      (fig->kind != FZ_KIND_MONEY && fig->kind != FZ_KIND_PERCENT))
    return ind;
  i = _fz_attribution_triggers_before (ctx, ctx->cue_start);
  cue = i < ctx->triggers->len ? &g_array_index (ctx->triggers, Trigger, i) : NULL;
  if (cue == NULL || !cue->involved || cue->start != ctx->cue_start)
    return ind;
  while (i > 0)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, --i);

      if (t->start < sentence_start)
        break;
      if (!t->verb || t->neutral || t->end > cue->start)
        continue;
      if (!_fz_attribution_trigger_accepts (ctx, t, fig, &verb_ind))
        break;
      _fz_attribution_set_cue (ctx, t->start, t->end);
      ctx->cue_verb = TRUE;
      return (int) verb_ind;
    }
  return ind;
}

/* 涉案3000余万元, a headline's 涉逾1.4亿港元: 涉 right before an amount (涉案 and 涉及
 * too; elsewhere 涉案 only qualifies a noun, 涉案嫌疑人) is the money the cases involve.
 * Returns losses, or -1. */
static int
involved_right_before (Ctx            *ctx,
                       const FzFigure *fig,
                       guint32         clause_start)
{
  guint32 at = fig->start;

  if (at > clause_start + 1 && ctx->u[at - 2] == 0x6D89 /* 涉 */ &&
      (ctx->u[at - 1] == 0x6848 /* 案 */ || ctx->u[at - 1] == 0x53CA /* 及 */))
    at -= 2;
  else if (at > clause_start && ctx->u[at - 1] == 0x6D89)
    at -= 1;
  if (at == fig->start || ctx->losses_ind < 0)
    return -1;
  _fz_attribution_set_cue (ctx, at, fig->start);
  return ctx->losses_ind;
}

/* 群众满意率96%, 挽损率12.3%: the nearest rate named before a percent in its clause is one
 * that no trigger names, so the percent measures something else. */
static gboolean
unknown_rate_before (Ctx            *ctx,
                     const FzFigure *fig,
                     guint32         clause_start)
{
  for (guint32 k = fig->start; k > clause_start; k--)
    {
      guint i;

      if (ctx->u[k - 1] != 0x7387 /* 率 */)
        continue;
      /* The triggers that start at or before it: one of them may cover it. */
      for (i = _fz_attribution_triggers_before (ctx, k); i > 0; i--)
        {
          const Trigger *t = &g_array_index (ctx->triggers, Trigger, i - 1);

          if (t->end >= k && t->n_inds > 0)
            return FALSE;
          if (t->end + 8 < k)
            break;
        }
      return TRUE;
    }
  return FALSE;
}

int
_fz_attribution_find_indicator (Ctx     *ctx,
                                guint    index,
                                guint32  sentence_start,
                                guint32  sentence_end,
                                guint32  clause_start,
                                guint32  clause_end)
{
  const FzFigure *fig = fz_figure_list_get (ctx->figures, index);
  int ind;

  if (fig->kind == FZ_KIND_PERCENT && unknown_rate_before (ctx, fig, clause_start))
    {
      _fz_attribution_set_cue (ctx, 0, 0);
      return -2;
    }
  ind = find_indicator (ctx, index, sentence_start, sentence_end, clause_start, clause_end);
  if (ind < 0 && fig->kind == FZ_KIND_MONEY)
    ind = involved_right_before (ctx, fig, clause_start);
  ind = involved_amount (ctx, fig, sentence_start, ind);
  return narrow_suspects (ctx, fig, sentence_start, ind);
}
