/* fz-attribution-indicator.c: which indicator governs a figure: triggers, nouns, 分别, rates. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-attribution-private.h"

/* How far after a number its noun may stand (名资深民警, 个社区反诈宣教室). */
#define MAX_NOUN_GAP 5
#define MAX_NOUN_WINDOW 12

static gboolean
trigger_accepts (Ctx           *ctx,
                 const Trigger *t,
                 FzKind         kind,
                 guint         *ind)
{
  for (guint i = 0; i < t->n_inds; i++)
    if (fz_indicator_accepts_kind (fz_lexicon_get (ctx->lex, t->inds[i]), kind))
      {
        *ind = t->inds[i];
        return TRUE;
      }
  return FALSE;
}

/* The number of figures that start before @pos, when the figures are in text order. */
static guint
figures_before (Ctx     *ctx,
                guint32  pos)
{
  guint lo = 0, hi = fz_figure_list_get_n (ctx->figures);

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (fz_figure_list_get (ctx->figures, mid)->start < pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
overlaps_figure (Ctx     *ctx,
                 guint32  start,
                 guint32  end)
{
  guint n = fz_figure_list_get_n (ctx->figures);

  if (ctx->figures_in_order)
    {
      /* In order and not nested, ends rise with starts: only the last figure to start
       * before @end can reach back over @start. */
      guint i = figures_before (ctx, end);
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
  guint i = ctx->figures_in_order ? figures_before (ctx, pos) : 0;

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

/* The noun right after the number: 5名资深民警, 60人的专职劝阻队, and in
 * 40个民警形象的立牌 the head after 的. Returns -1 for none, -2 for a
 * neutral noun (线索, 指标), else the indicator. */
static int
noun_after (Ctx            *ctx,
            const FzFigure *fig,
            guint32         clause_end)
{
  guint32 pos = _fz_attribution_skip_space (ctx, fig->end, clause_end);
  guint32 limit;
  int found = -1;
  guint32 found_end = 0;
  const FzFigure *next;

  /* 9支80人的劝阻队: the two numbers share the noun. */
  while ((next = figure_starting_at (ctx, pos)) != NULL && next->end > pos)
    pos = _fz_attribution_skip_space (ctx, next->end, clause_end);
  limit = MIN (clause_end, pos + MAX_NOUN_WINDOW);
  for (guint i = _fz_attribution_n_before (ctx->triggers, pos); i < ctx->triggers->len; i++)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, i);
      guint ind;

      if (t->start < pos || t->end > limit)
        continue;
      if (overlaps_figure (ctx, pos, t->start))
        break;
      if (found == -1)
        {
          if (t->start - pos > MAX_NOUN_GAP)
            break;
          if (t->neutral)
            return -2;
          if (trigger_accepts (ctx, t, fig->kind, &ind))
            {
              found = ind;
              found_end = t->end;
            }
          continue;
        }
      /* A head after 的 replaces the modifier before it. */
      if (_fz_attribution_contains (ctx->u, found_end, t->start, "的") && !t->neutral &&
          trigger_accepts (ctx, t, fig->kind, &ind))
        {
          found = ind;
          found_end = t->end;
        }
    }
  return found;
}

/* The trigger before the figure in [from, fig->start): the nearest action
 * word if there is one after the nearest noun, else the nearest word.
 * Returns -1 for none, -2 when a neutral word is nearer than any trigger. */
static int
trigger_before (Ctx            *ctx,
                const FzFigure *fig,
                guint32         from,
                gboolean        prefer_verbs,
                gboolean        stop_at_neutral)
{
  int nearest = -1, verb = -1;

  /* One starting at or after the figure ends after its start and could not count, so the
   * walk back begins just before the figure. */
  for (int i = (int) _fz_attribution_n_before (ctx->triggers, fig->start) - 1; i >= 0; i--)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, i);
      guint ind;

      if (t->end > fig->start)
        continue;
      if (t->start < from)
        break;
      if (overlaps_figure (ctx, t->start, t->end))
        continue;
      if (t->neutral)
        {
          if (stop_at_neutral && nearest == -1)
            return -2;
          continue;
        }
      if (!trigger_accepts (ctx, t, fig->kind, &ind))
        continue;
      if (nearest == -1)
        nearest = ind;
      if (t->verb)
        {
          verb = ind;
          break;
        }
    }
  if (prefer_verbs && verb >= 0)
    return verb;
  return nearest;
}

static gboolean
clause_has_trigger (Ctx     *ctx,
                    guint32  start,
                    guint32  end)
{
  for (guint i = _fz_attribution_n_before (ctx->triggers, start); i < ctx->triggers->len; i++)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, i);

      if (t->start >= end)
        break;
      if (t->start >= start && t->end <= end &&
          (t->neutral || (t->n_inds > 0 && !overlaps_figure (ctx, t->start, t->end))))
        return TRUE;
    }
  return FALSE;
}

/* The indicator of figure @pick, when it can measure a figure of @kind; else -1. */
static int
indicator_of_figure (Ctx    *ctx,
                     guint   pick,
                     FzKind  kind)
{
  const FzFigure *f = fz_figure_list_get (ctx->figures, pick);
  int ind = fz_lexicon_find (ctx->lex, fz_figure_list_str (ctx->figures, f->indicator));

  if (ind >= 0 && fz_indicator_accepts_kind (fz_lexicon_get (ctx->lex, ind), kind))
    return ind;
  return -1;
}

/* 同比分别上升5%、7%: the percents pair in order with the figures before them. */
static int
respectively (Ctx            *ctx,
              guint           index,
              guint32         sentence_start,
              guint32         sentence_end,
              guint32         clause_start)
{
  const FzFigure *fig = fz_figure_list_get (ctx->figures, index);
  guint n = fz_figure_list_get_n (ctx->figures);
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_group = 0, my_pos = 0;

  if (!_fz_attribution_contains (ctx->u, clause_start, fig->start, "分别"))
    return -1;
  for (guint i = 0; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (ctx->figures, i);
      if (f->kind != fig->kind || f->start < clause_start || f->end > sentence_end)
        continue;
      if (f->start >= clause_start && f->start < fig->start)
        my_pos++;
      if (f->start >= clause_start &&
          _fz_attribution_contains (ctx->u, clause_start, f->start, "分别"))
        n_group++;
    }
  for (guint i = 0; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (ctx->figures, i);
      if (f->start >= sentence_start && f->end <= clause_start && f->indicator != 0 &&
          fz_kind_is_statistic (f->kind) && f->kind != fig->kind)
        g_array_append_val (before, i);
    }
  if (n_group == 0 || before->len < n_group)
    return -1;
  return indicator_of_figure (ctx, g_array_index (before, guint, before->len - n_group + my_pos),
                              fig->kind);
}

/* A rate with no word of its own measures what the figure before it measures
 * (冻结资金2亿元，同比上升30%). */
static int
subject_figure (Ctx            *ctx,
                guint           index,
                guint32         sentence_start)
{
  const FzFigure *fig = fz_figure_list_get (ctx->figures, index);
  guint n = fz_figure_list_get_n (ctx->figures);
  int ind = -1;

  for (guint i = 0; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (ctx->figures, i);
      int k;

      if (f->start < sentence_start || f->end > fig->start || f->indicator == 0)
        continue;
      k = fz_lexicon_find (ctx->lex, fz_figure_list_str (ctx->figures, f->indicator));
      if (k >= 0 && fz_indicator_accepts_kind (fz_lexicon_get (ctx->lex, k), fig->kind))
        ind = k;
    }
  return ind;
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

  if (fig->kind == FZ_KIND_PERCENT)
    {
      ind = respectively (ctx, index, sentence_start, sentence_end, clause_start);
      if (ind >= 0)
        return ind;
    }
  else
    {
      ind = noun_after (ctx, fig, clause_end);
      if (ind != -1)
        return ind;
    }
  ind = trigger_before (ctx, fig, clause_start, TRUE, TRUE);
  if (ind != -1)
    return ind;
  if (fig->kind == FZ_KIND_PERCENT)
    {
      ind = subject_figure (ctx, index, sentence_start);
      if (ind >= 0)
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
  return only_indicator_for_kind (ctx, fig->kind);
}
