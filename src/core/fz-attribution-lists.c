/* fz-attribution-lists.c: lists that pair up: nouns with the figures after them, 分别 with the
 * figures before. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-attribution-private.h"

/* 同比分别上升5%、7%: the percents pair in order with the figures before them. */
int
_fz_attribution_respectively (Ctx            *ctx,
                              guint           index,
                              guint32         sentence_start,
                              guint32         sentence_end,
                              guint32         clause_start)
{
  const FzFigure *fig = fz_figure_list_get (ctx->figures, index);
  guint n = fz_figure_list_get_n (ctx->figures);
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_group = 0, my_pos = 0, pick;

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
  pick = g_array_index (before, guint, before->len - n_group + my_pos);
  return _fz_attribution_indicator_of_figure (ctx, pick, fig);
}

/* The figures of @fig's kind in its clause that form one list with it (12.5%、8.2%):
 * how many, and where @fig stands among them. Returns the first one's start. */
guint32
_fz_attribution_figure_list_in_clause (Ctx            *ctx,
                                       const FzFigure *fig,
                                       guint32         clause_start,
                                       guint32         clause_end,
                                       guint          *n_out,
                                       guint          *pos_out)
{
  guint n = fz_figure_list_get_n (ctx->figures);
  guint32 first = fig->start;
  guint count = 0, pos = 0;
  guint from = ctx->figures_in_order ? _fz_attribution_figures_before (ctx, clause_start) : 0;

  for (guint i = from; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (ctx->figures, i);

      if (f->start >= clause_end)
        {
          if (ctx->figures_in_order)
            break;
          continue;
        }
      if (f->start < clause_start || f->kind != fig->kind)
        continue;
      if (count == 0)
        first = f->start;
      if (f->start < fig->start)
        pos++;
      count++;
    }
  *n_out = count;
  *pos_out = pos;
  return first;
}

/* The indicator of one item of a list of nouns: its action word, else its last noun. */
static int
item_indicator (Ctx            *ctx,
                const FzFigure *fig,
                guint32         start,
                guint32         end)
{
  int noun = -1;

  for (guint i = _fz_attribution_triggers_before (ctx, start); i < ctx->triggers->len; i++)
    {
      const Trigger *t = &g_array_index (ctx->triggers, Trigger, i);
      guint ind;

      if (t->start >= end)
        break;
      if (t->end > end || t->neutral || !_fz_attribution_trigger_accepts (ctx, t, fig, &ind))
        continue;
      if (t->verb)
        {
          _fz_attribution_set_cue (ctx, t->start, t->end);
          return (int) ind;
        }
      noun = (int) ind;
      _fz_attribution_set_cue (ctx, t->start, t->end);
    }
  return noun;
}

/* The list of nouns in ctx->u[from, first), its items parted by list joiners: how many of
 * them name an indicator, and the indicator of item @my_pos, or -1, with its cue. */
static int
paired_item (Ctx            *ctx,
             const FzFigure *fig,
             guint32         from,
             guint32         first,
             guint           my_pos,
             guint          *n_items_out,
             guint32         cue[2])
{
  guint32 item_start = from;
  guint n_items = 0;
  int mine = -1;

  for (guint32 i = from; i <= first; i++)
    {
      int ind;

      if (i < first && !is_list_joiner (ctx->u[i]))
        continue;
      ind = item_indicator (ctx, fig, item_start, i);
      if (ind >= 0)
        {
          if (n_items == my_pos)
            {
              mine = ind;
              cue[0] = ctx->cue_start;
              cue[1] = ctx->cue_end;
            }
          n_items++;
        }
      item_start = i + 1;
    }
  *n_items_out = n_items;
  return mine;
}

/* 立案数、损失数同比分别下降30%和25%: as many nouns before the list of figures as
 * figures in it; the figures pair with them in order. The list may stand in the clause
 * before, which 分别 points back to (发案数、损失数实现双降，分别下降30%和25%). */
int
_fz_attribution_noun_list (Ctx            *ctx,
                           const FzFigure *fig,
                           guint32         sentence_start,
                           guint32         clause_start,
                           guint32         clause_end)
{
  guint n_figs, my_pos, n_items = 0;
  guint32 first = _fz_attribution_figure_list_in_clause (ctx, fig, clause_start, clause_end,
                                                         &n_figs, &my_pos);
  guint32 cue[2] = { 0, 0 };
  int mine;

  if (n_figs < 2)
    return -1;
  mine = paired_item (ctx, fig, clause_start, first, my_pos, &n_items, cue);
  if (n_items == 0 && clause_start > sentence_start + 1 &&
      _fz_attribution_contains (ctx->u, clause_start, first, "分别"))
    {
      guint32 before = _fz_attribution_bound_left (ctx, clause_start - 1, sentence_start,
                                                   BOUND_CLAUSE);

      mine = paired_item (ctx, fig, before, first, my_pos, &n_items, cue);
    }
  if (n_items != n_figs || mine < 0)
    return -1;
  _fz_attribution_set_cue (ctx, cue[0], cue[1]);
  return mine;
}
