/* fz-attribution-article.c: each article's main place: the title's, else the one its body is
 * about. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-attribution-private.h"
#include "fz-gazetteer-private.h"
#include "fz-charset.h"

#include <string.h>

/* 广东省佛山市 names one place, not two. */
static gboolean
qualifies_next (Ctx   *ctx,
                guint  i)
{
  const Mention *m = &g_array_index (ctx->mentions, Mention, i);
  const Mention *next;

  if (i + 1 >= ctx->mentions->len)
    return FALSE;
  next = &g_array_index (ctx->mentions, Mention, i + 1);
  return next->id != FZ_GAZETTEER_NONE && next->start == m->end &&
         next->id != m->id && fz_gazetteer_is_within (ctx->gaz, next->id, m->id);
}

/* What an article's body says of its places: for every place, how many body mentions fall
 * under it (@credit), and the first mention of each place named (@first, in text order). */
typedef struct
{
  Weights  credit;
  Weights  named;   /* place -> 1 once @first holds it */
  GArray  *first;   /* const Mention * */
  guint    total;
} BodyPlaces;

/* @mine: the indices of the article's mentions, in text order. */
static void
credit_body_mentions (Ctx         *ctx,
                      const guint *mine,
                      guint        n_mine,
                      BodyPlaces  *b)
{
  for (guint k = 0; k < n_mine; k++)
    {
      guint i = mine[k];
      const Mention *m = &g_array_index (ctx->mentions, Mention, i);

      if (m->id == FZ_GAZETTEER_NONE || qualifies_next (ctx, i))
        continue;
      b->total++;
      if (_fz_weights_get (&b->named, m->id) == 0.0)
        {
          _fz_weights_add (&b->named, m->id, 1.0);
          g_array_append_val (b->first, m);
        }
      for (guint32 p = m->id; p != FZ_GAZETTEER_NONE; p = _fz_gazetteer_parent (ctx->gaz, p))
        _fz_weights_add (&b->credit, p, 1.0);
    }
}

/* The most specific named place that holds at least 3 in 5 of the mentions. */
static const Mention *
place_holding_most (Ctx              *ctx,
                    const BodyPlaces *b)
{
  const Mention *best = NULL;
  guint best_level = 0, best_credit = 0;

  for (guint i = 0; i < b->first->len; i++)
    {
      const Mention *m = g_array_index (b->first, const Mention *, i);
      guint c = (guint) _fz_weights_get (&b->credit, m->id);
      guint level = _fz_gazetteer_level (ctx->gaz, m->id);

      if (c * 5 < b->total * 3)
        continue;
      if (best == NULL || level > best_level ||
          (level == best_level &&
           (c > best_credit || (c == best_credit && m->start < best->start))))
        {
          best = m;
          best_level = level;
          best_credit = c;
        }
    }
  return best;
}

/* No place holds most mentions: take the most frequent one. */
static const Mention *
most_frequent_place (const BodyPlaces *b)
{
  const Mention *best = NULL;
  guint best_credit = 0;

  for (guint i = 0; i < b->first->len; i++)
    {
      const Mention *m = g_array_index (b->first, const Mention *, i);
      guint c = (guint) _fz_weights_get (&b->credit, m->id);

      if (best == NULL || c > best_credit || (c == best_credit && m->start < best->start))
        {
          best = m;
          best_credit = c;
        }
    }
  return best;
}

/* Whether @m stands in a list (长兴县、德清县、安吉县) beside another of the places in @b that
 * are named as often and are as specific: then it is not the one the article is about. */
static gboolean
tied_in_list (Ctx              *ctx,
              const BodyPlaces *b,
              const Mention    *m)
{
  guint c = (guint) _fz_weights_get (&b->credit, m->id);
  guint level = _fz_gazetteer_level (ctx->gaz, m->id);

  for (guint i = 0; i < b->first->len; i++)
    {
      const Mention *o = g_array_index (b->first, const Mention *, i);

      if (o == m || o->id == m->id || _fz_gazetteer_level (ctx->gaz, o->id) != level ||
          (guint) _fz_weights_get (&b->credit, o->id) != c)
        continue;
      if ((o->start == m->end + 1 && is_list_joiner (ctx->u[m->end])) ||
          (m->start == o->end + 1 && is_list_joiner (ctx->u[o->end])))
        return TRUE;
    }
  return FALSE;
}

/* Without a place in the title: the most specific place that most of the
 * body's mentions fall under (several districts of one city give the city). */
static const Mention *
main_of_body (Ctx         *ctx,
              const guint *mine,
              guint        n_mine)
{
  BodyPlaces b = { 0 };
  const Mention *best;

  b.first = g_array_new (FALSE, FALSE, sizeof (const Mention *));
  credit_body_mentions (ctx, mine, n_mine, &b);
  /* Only places the article names can be its place; none of a list of equals (长兴县、
   * 德清县、安吉县 in a 我市 story), which would crown the first of them. */
  best = place_holding_most (ctx, &b);
  if (best == NULL)
    {
      best = most_frequent_place (&b);
      if (best != NULL && tied_in_list (ctx, &b, best))
        best = NULL;
    }
  _fz_weights_clear (&b.credit);
  _fz_weights_clear (&b.named);
  g_array_unref (b.first);
  return best;
}

/* The most specific place the article's title names. */
static const Mention *
main_of_title (Ctx               *ctx,
               const ArticleInfo *art)
{
  const Mention *best = NULL;
  guint best_level = 0;

  if (art->title_end <= art->title_start)
    return NULL;
  /* Mentions are in text order: those in the title are found by a search, and the first past
   * it ends the walk (it, and all after it, end past the title). */
  for (guint i = _fz_attribution_mentions_before (ctx, art->title_start);
       i < ctx->mentions->len; i++)
    {
      const Mention *m = &g_array_index (ctx->mentions, Mention, i);
      guint level;

      if (m->start >= art->title_end)
        break;
      if (m->id == FZ_GAZETTEER_NONE || m->end > art->title_end)
        continue;
      level = _fz_gazetteer_level (ctx->gaz, m->id);
      if (best == NULL || level > best_level)
        {
          best = m;
          best_level = level;
        }
    }
  return best;
}

static gboolean
title_about_country (Ctx               *ctx,
                     const ArticleInfo *art)
{
  for (guint32 k = art->title_start; k + 1 < art->title_end; k++)
    if (ctx->u[k] == 0x5168 /* 全 */ && ctx->u[k + 1] == 0x56FD /* 国 */ &&
        _fz_attribution_whole_opens (ctx, k, art->title_start))
      return TRUE;
  return FALSE;
}

/* 湖州日报, 闽南日報: a local paper's masthead, at the top of the page, names its place. */
static FzWordSet paper_words = FZ_WORD_SET (
  "日报", "晚报", "都市报", "商报", "时报", "日報", "晚報", "商報", "時報"
);

/* 我市, 全县: an article that names no place but its own. */
static FzWordSet own_place_words = FZ_WORD_SET (
  "我市", "本市", "全市", "我县", "本县", "全县", "我区", "本区", "全区", "我省", "本省", "全省",
  "我縣", "本縣", "全縣", "我區", "本區", "全區"
);

#define MASTHEAD_MAX 40

/* The masthead is the page's first line, short and no sentence: 湖州日报 2024年10月8日, not a
 * sentence that names 东山日报社 among others. */
static const Mention *
masthead_place (Ctx *ctx)
{
  guint32 ls = 0, le;

  while (ls < (guint32) ctx->n && g_unichar_isspace (ctx->u[ls]))
    ls++;
  for (le = ls; le < (guint32) ctx->n && ctx->u[le] != '\n'; le++)
    if (le - ls > MASTHEAD_MAX || fz_charset_is_clause_punct (ctx->u[le]))
      return NULL;
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      const Mention *m = &g_array_index (ctx->mentions, Mention, i);

      if (m->start >= le)
        break;
      if (m->id != FZ_GAZETTEER_NONE && !m->generic &&
          _fz_attribution_word_at (ctx->u, m->end, le, &paper_words))
        return m;
    }
  return NULL;
}

void
_fz_attribution_choose_main_regions (Ctx *ctx)
{
  guint n = ctx->mentions->len;
  /* The mentions of each article, in text order, sorted out once by counting rather than
   * looked for among all the page's for each article. */
  g_autofree guint *from = g_new0 (guint, ctx->n_arts + 1);
  g_autofree guint *next = g_new (guint, ctx->n_arts + 1);
  g_autofree guint *mine = g_new (guint, n + 1);

  for (guint i = 0; i < n; i++)
    {
      int a = g_array_index (ctx->mentions, Mention, i).article;

      if (a >= 0)
        from[a + 1]++;
    }
  for (guint a = 0; a < ctx->n_arts; a++)
    from[a + 1] += from[a];
  memcpy (next, from, (ctx->n_arts + 1) * sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      int a = g_array_index (ctx->mentions, Mention, i).article;

      if (a >= 0)
        mine[next[a]++] = i;
    }
  for (guint a = 0; a < ctx->n_arts; a++)
    {
      ArticleInfo *art = &ctx->arts[a];
      const Mention *best;

      art->main = FZ_GAZETTEER_NONE;
      best = main_of_title (ctx, art);
      /* 今年以来全国破获…: a title about the whole country has no place, whatever its body
       * lists (广东、浙江等地居全国前列). */
      if (best == NULL && title_about_country (ctx, art))
        continue;
      if (best == NULL)
        best = main_of_body (ctx, mine + from[a], from[a + 1] - from[a]);
      /* 我市反诈宣传进万家 in 湖州日报: the paper's own place */
      if (best == NULL &&
          _fz_attribution_contains_any (ctx->u, MIN (art->title_start, art->start), art->end,
                                        &own_place_words))
        best = masthead_place (ctx);
      if (best != NULL)
        {
          art->main = best->id;
          art->main_written = _fz_attribution_written_name (ctx, best->id, a, best->name);
        }
    }
}
