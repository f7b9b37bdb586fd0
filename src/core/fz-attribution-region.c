/* fz-attribution-region.c: which division a figure is about: place mentions and their namesakes. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-attribution-private.h"
#include "fz-gazetteer-private.h"
#include "fz-charset.h"

#include <string.h>

/* Whether @id is one of the readings of @m. */
static gboolean
is_reading_of (const Mention *m,
               guint32        id)
{
  for (guint k = 0; k < m->n_ids; k++)
    if (m->ids[k] == id)
      return TRUE;
  return FALSE;
}

/* Support from the places above a candidate of @m that the article (or the page)
 * names: a township 章村 under a county the text names wins over its namesakes. */
static double
ancestor_score (Ctx           *ctx,
                const Mention *m,
                guint32        id,
                guint          min_level)
{
  double score = 0;
  const Weights *art = m->article >= 0 ? &ctx->arts[m->article].support : NULL;

  for (guint32 p = _fz_gazetteer_parent (ctx->gaz, id); p != FZ_GAZETTEER_NONE;
       p = _fz_gazetteer_parent (ctx->gaz, p))
    {
      if (_fz_gazetteer_level (ctx->gaz, p) < min_level)
        break;
      double page = _fz_weights_get (&ctx->page_support, p);

      /* An article's support holds only places of the page's: where the page has none, the
       * article has none either, and adding nothing leaves the score as it is. 日照 cannot
       * vouch for 日照街道 by being 日照市 too: a name does not support its own namesakes. */
      if (page != 0.0 && !(m->n_ids > 1 && is_reading_of (m, p)))
        score += _fz_weights_get (art, p) + 0.25 * page;
    }
  return score;
}

/* A township named in full (砖墙镇, 固城街道) vouches for the places above it, so that a short
 * name of its county (高淳) reads as that county even where the city is never named. */
static void
support_from_below (Ctx           *ctx,
                    const Mention *m)
{
  if (m->n_ids != 1 || m->shorts[0])
    return;
  for (guint32 p = _fz_gazetteer_parent (ctx->gaz, m->ids[0]); p != FZ_GAZETTEER_NONE;
       p = _fz_gazetteer_parent (ctx->gaz, p))
    {
      _fz_weights_add (&ctx->page_support, p, 0.5);
      if (m->article >= 0)
        _fz_weights_add (&ctx->arts[m->article].support, p, 0.5);
    }
}

void
_fz_attribution_collect_support (Ctx *ctx)
{
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = &g_array_index (ctx->mentions, Mention, i);
      double w;

      if (m->generic || m->n_ids == 0)
        continue;
      w = 1.0 / m->n_ids;
      for (guint k = 0; k < m->n_ids; k++)
        {
          /* A short township name is too weak to vouch for anything. */
          if (_fz_gazetteer_level (ctx->gaz, m->ids[k]) == 4 && m->shorts[k])
            continue;
          _fz_weights_add (&ctx->page_support, m->ids[k], w);
          if (m->article >= 0)
            _fz_weights_add (&ctx->arts[m->article].support, m->ids[k], w);
        }
      support_from_below (ctx, m);
    }
}

/* A common noun (开发区) stays as written: the text rarely says which one. */
static void
resolve_generic (Ctx     *ctx,
                 Mention *m)
{
  for (guint k = 0; k < m->n_ids; k++)
    if (_fz_gazetteer_place_type (ctx->gaz, m->ids[k]) == FZ_PLACE_GENERIC)
      {
        m->id = m->ids[k];
        m->ambiguous = TRUE;
      }
}

/* 西安高新区, 湖州经济开发区: a zone noun right after a division names a zone inside it, one of
 * many of that name elsewhere. It takes that division, and the two names as one. */
static void
hold_zone (Ctx   *ctx,
           guint  i)
{
  Mention *m = &g_array_index (ctx->mentions, Mention, i);
  const Mention *prev;

  if (i == 0)
    return;
  prev = &g_array_index (ctx->mentions, Mention, i - 1);
  if (prev->end != m->start || prev->generic || prev->id == FZ_GAZETTEER_NONE ||
      _fz_gazetteer_place_type (ctx->gaz, prev->id) != FZ_PLACE_DIVISION)
    return;
  char name[256];

  if (g_snprintf (name, sizeof name, "%s%s", prev->name, m->name) >= (int) sizeof name)
    return;
  if (ctx->held_names == NULL)
    ctx->held_names = g_string_chunk_new (256);
  m->id = prev->id;
  m->ambiguous = prev->ambiguous;
  m->holder = i;
  m->held_name = g_string_chunk_insert_const (ctx->held_names, name);
}

/* How well candidate @k of @m fits the places around it; FALSE when it cannot be meant. */
static gboolean
candidate_score (Ctx           *ctx,
                 const Mention *m,
                 guint          k,
                 double        *score)
{
  guint32 id = m->ids[k];
  guint level = _fz_gazetteer_level (ctx->gaz, id);
  double s;

  if (level >= 3 && m->shorts[k])
    {
      /* Short county and township names (资源, 章村) are everyday
       * words too often: they need a place above them in the text. */
      s = ancestor_score (ctx, m, id, level == 4 ? 2 : 1);
      if (s <= 0)
        return FALSE;
    }
  else
    s = ancestor_score (ctx, m, id, 1);
  if (!m->shorts[k])
    s += 0.01;
  /* Among short namesakes, the larger unit is the likelier reading. */
  s += (5 - level) * 0.001;
  *score = s;
  return TRUE;
}

static void
resolve_mention (Ctx     *ctx,
                 Mention *m)
{
  double best_score = -1;
  int best = -1;
  gboolean tie = FALSE;

  for (guint k = 0; k < m->n_ids; k++)
    {
      double s;

      if (!candidate_score (ctx, m, k, &s))
        continue;
      if (s > best_score + 1e-9)
        {
          best_score = s;
          best = k;
          tie = FALSE;
        }
      else if (s > best_score - 1e-9)
        tie = TRUE;
    }
  if (best < 0)
    return;
  m->id = m->ids[best];
  m->is_short = m->shorts[best];
  m->ambiguous = tie;
  if (!m->is_short)
    _fz_weights_add (&ctx->written_full, m->id, 1.0);
}

/* Whether @a and @b have the same candidates in the same article, so resolve the same way:
 * the support is fixed by now. */
static gboolean
same_reading (const Mention *a,
              const Mention *b)
{
  return a->name == b->name && a->article == b->article && a->n_ids == b->n_ids &&
         memcmp (a->ids, b->ids, a->n_ids * sizeof (guint32)) == 0 &&
         memcmp (a->shorts, b->shorts, a->n_ids) == 0;
}

void
_fz_attribution_resolve_mentions (Ctx *ctx)
{
  /* A page names the same places again and again: each reading is worked out once, and the
   * mentions that repeat it found by name in a small open table. */
  guint size = 64;
  g_autofree guint *seen = NULL;

  while (size < ctx->mentions->len * 2)
    size *= 2;
  seen = g_new0 (guint, size);   /* index + 1 of the first mention of a reading, 0 free */
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = &g_array_index (ctx->mentions, Mention, i);
      guint s;

      if (m->generic)
        {
          resolve_generic (ctx, m);
          hold_zone (ctx, i);
          continue;
        }
      for (s = (guint) ((GPOINTER_TO_SIZE (m->name) >> 3) * 0x9E3779B1u) & (size - 1);
           seen[s] != 0; s = (s + 1) & (size - 1))
        if (same_reading (&g_array_index (ctx->mentions, Mention, seen[s] - 1), m))
          break;
      if (seen[s] != 0)
        {
          const Mention *first = &g_array_index (ctx->mentions, Mention, seen[s] - 1);

          m->id = first->id;
          m->is_short = first->is_short;
          m->ambiguous = first->ambiguous;
          continue;
        }
      seen[s] = i + 1;
      resolve_mention (ctx, m);
    }
}

/* A zone noun at its longest in the article's mentions. */
static const char *
longest_zone_name (Ctx        *ctx,
                   int         article,
                   const char *as_written)
{
  const char *best = as_written;
  gsize best_len = strlen (as_written);

  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      const Mention *m = &g_array_index (ctx->mentions, Mention, i);
      gsize l;

      /* Most mentions are of another article: their length is not needed. */
      if (m->article != article || m->id == FZ_GAZETTEER_NONE)
        continue;
      l = strlen (m->name);
      if (l <= best_len)
        continue;
      if (g_str_has_suffix (m->name, as_written) &&
          _fz_gazetteer_place_type (ctx->gaz, m->id) != FZ_PLACE_DIVISION)
        {
          best = m->name;
          best_len = l;
        }
    }
  return best;
}

/* The region as the text writes it: the full name where the text gives it,
 * and for a zone noun the longest form the article uses (经济开发区 for 开发区). */
const char *
_fz_attribution_written_name (Ctx        *ctx,
                              guint32     id,
                              int         article,
                              const char *as_written)
{
  if (_fz_gazetteer_place_type (ctx->gaz, id) == FZ_PLACE_GENERIC)
    return longest_zone_name (ctx, article, as_written);
  if (_fz_weights_get (&ctx->written_full, id) != 0.0)
    return fz_gazetteer_get_name (ctx->gaz, id);
  return as_written;
}

/* Where the item of a list that mention @i names starts: before the places that hold it,
 * written right before it (嘉兴市南湖区). */
static guint32
item_start (Ctx   *ctx,
            guint  i)
{
  const Mention *m = &g_array_index (ctx->mentions, Mention, i);

  while (i > 0)
    {
      const Mention *prev = &g_array_index (ctx->mentions, Mention, i - 1);

      if (prev->end != m->start || prev->id == FZ_GAZETTEER_NONE || m->id == FZ_GAZETTEER_NONE ||
          !fz_gazetteer_is_within (ctx->gaz, m->id, prev->id))
        break;
      m = prev;
      i--;
    }
  return m->start;
}

/* The most specific place among the mentions in [start, end): when several
 * places of the same depth are named (甲、乙两个街道), the place
 * that holds them all; a province for cities or counties only when they stand side by side
 * in a list (绍兴、台州两市, 杭州市和宁波市, 湖州市吴兴区、嘉兴市南湖区), not for two a sentence
 * names apart. */
static const Mention *
place_in_span (Ctx      *ctx,
               guint32   start,
               guint32   end,
               guint32  *id_out)
{
  const Mention *best = NULL, *last = NULL;
  guint32 id = FZ_GAZETTEER_NONE;
  guint best_level = 0;

  for (guint i = _fz_attribution_mentions_before (ctx, start); i < ctx->mentions->len; i++)
    {
      const Mention *m = &g_array_index (ctx->mentions, Mention, i);
      guint level;

      if (m->start >= end)
        break;
      if (m->id == FZ_GAZETTEER_NONE || m->end > end)
        continue;
      level = _fz_gazetteer_level (ctx->gaz, m->id);
      if (best == NULL || level > best_level)
        {
          best = last = m;
          id = m->id;
          best_level = level;
        }
      else if (level == best_level && m->id != id && !m->generic && !best->generic)
        {
          guint32 common = fz_gazetteer_common_ancestor (ctx->gaz, id, m->id);
          guint up = common != FZ_GAZETTEER_NONE ? _fz_gazetteer_level (ctx->gaz, common) : 0;

          guint32 from = up == 1 && (level == 2 || level == 3) ? item_start (ctx, i) : 0;

          if (up >= 2 ||
              (up == 1 && (level == 2 || level == 3) && from == last->end + 1 &&
               is_list_joiner (ctx->u[last->end])))
            {
              id = common;
              best_level = level;
            }
          last = m;
        }
    }
  *id_out = id;
  return best;
}

static gboolean
blank_line_between (Ctx     *ctx,
                    guint32  start,
                    guint32  end)
{
  guint newlines = 0;

  for (guint32 i = start; i < end; i++)
    if (ctx->u[i] == '\n')
      newlines++;
  return newlines >= 2;
}

/* The sentence before the figure's, in the same paragraph, when it names a
 * place inside the article's. */
static const Mention *
place_before_sentence (Ctx            *ctx,
                       const FzFigure *fig,
                       const Span     *span,
                       guint32        *id_out)
{
  int art = span->article;
  guint32 ss = span->sentence_start;
  guint32 ps, pid;
  const Mention *pm;

  if (ss <= span->floor + 1)
    return NULL;
  ps = _fz_attribution_bound_left (ctx, ss - 1, span->floor, BOUND_SENTENCE);
  pm = place_in_span (ctx, ps, ss, &pid);
  if (pm != NULL &&
      !blank_line_between (ctx, ss, _fz_attribution_skip_space (ctx, ss, fig->start)) &&
      art >= 0 && ctx->arts[art].main != FZ_GAZETTEER_NONE && pid != ctx->arts[art].main &&
      fz_gazetteer_is_within (ctx->gaz, pid, ctx->arts[art].main))
    {
      *id_out = pid;
      return pm;
    }
  return NULL;
}

/* Whether the place @m stands right before @fig, white space or 以 between (芗城区 1件,
 * 南浔区以96.35分). */
static gboolean
right_before (Ctx            *ctx,
              const Mention  *m,
              const FzFigure *fig)
{
  guint32 k = _fz_attribution_skip_space (ctx, m->end, fig->start);

  if (k < fig->start && ctx->u[k] == 0x4EE5 /* 以 */)
    k = _fz_attribution_skip_space (ctx, k + 1, fig->start);
  return k == fig->start;
}

/* 长兴县、安吉县分别得分91.20分、89.66分: as many places listed before the figures as figures
 * in the list, one in each item; the figures pair with them in order. */
/* The places listed one an item in [from, to), items parted by 、和及与: how many, and the
 * one at @pos (NULL when there is none, or an item names several). */
static const Mention *
listed_place (Ctx     *ctx,
              guint32  from,
              guint32  to,
              guint    pos,
              guint   *n_out)
{
  guint32 item_start = from;
  const Mention *mine = NULL;
  guint n_items = 0;

  for (guint32 i = from; i <= to; i++)
    {
      guint32 id;
      const Mention *m;

      if (i < to && !is_list_joiner (ctx->u[i]))
        continue;
      m = place_in_span (ctx, item_start, i, &id);
      if (m != NULL)
        {
          if (id != m->id)
            {
              *n_out = 0;   /* an item of several places */
              return NULL;
            }
          if (n_items == pos)
            mine = m;
          n_items++;
        }
      item_start = i + 1;
    }
  *n_out = n_items;
  return mine;
}

static const Mention *
place_of_list (Ctx            *ctx,
               const FzFigure *fig,
               const Span     *span,
               guint32        *id_out)
{
  guint n_figs, my_pos, n_items;
  guint32 first = _fz_attribution_figure_list_in_clause (ctx, fig, span->clause_start,
                                                         span->clause_end, &n_figs, &my_pos);
  const Mention *mine;

  if (n_figs < 2)
    return NULL;
  mine = listed_place (ctx, span->clause_start, first, my_pos, &n_items);
  /* 城关镇、新华乡、白马镇发案数居前三位，分别为58起、41起、33起: the list stands in the clause
   * before, which 分别 points back to. */
  if (n_items == 0 && span->clause_start > span->sentence_start + 1 &&
      _fz_attribution_contains (ctx->u, span->clause_start, first, "分别"))
    mine = listed_place (ctx, _fz_attribution_bound_left (ctx, span->clause_start - 1,
                                                          span->sentence_start, BOUND_CLAUSE),
                         span->clause_start - 1, my_pos, &n_items);
  if (n_items != n_figs || mine == NULL)
    return NULL;
  *id_out = mine->id;
  return mine;
}

gboolean
_fz_attribution_whole_opens (Ctx     *ctx,
                             guint32  k,
                             guint32  floor)
{
  gunichar before = 0;

  for (guint32 b = k; b > floor; b--)
    if (!fz_charset_is_space (ctx->u[b - 1]))
      {
        before = ctx->u[b - 1];
        break;
      }
  /* Opening its clause, or after a time (今年以来全市, 去年全省, 截至9月底全县); not a scope
   * (在全省率先, 居全市第一, 占全县的, 向全国) or a rank (全省首家, 全市第一). */
  if (before != 0 && !fz_charset_is_clause_punct (before) && before != '\n' &&
      before != 0xFF1A /* ： */ && before != ':' &&
      !fz_text_char_in (before, "年月日来间度底初"))
    return FALSE;
  return k + 2 >= (guint32) ctx->n || !fz_text_char_in (ctx->u[k + 2], "率首第排前之最");
}

/* 全省, 全市, 全县 opening a clause: the figures after it in the paragraph are about the whole
 * division, never about a place inside it that the text names elsewhere (全省共破获1.2万起 on a
 * page whose only place is a city in a story). The most specific level such a figure may be
 * about, 0 for 全国 (no division), or -1 when no such word governs @fig; @at is the word's. */
static int
whole_unit_level (Ctx            *ctx,
                  const FzFigure *fig,
                  const Span     *span,
                  const char    **unit,
                  guint32        *at)
{
  /* The paragraph is read once for all its figures, not again from its start for each. */
  if (ctx->whole_par == 0 || fig->start < ctx->whole_to || fig->start >= ctx->whole_par_end ||
      ctx->whole_par - 1 < span->floor)
    {
      guint32 par = span->floor;
      guint k = _fz_attribution_first_from (ctx->paragraph_ends, ctx->n_paragraph_ends,
                                            fig->start);

      if (k > 0 && ctx->paragraph_ends[k - 1] >= span->floor)
        par = ctx->paragraph_ends[k - 1] + 1;
      ctx->whole_par = par + 1;
      ctx->whole_par_end = k < ctx->n_paragraph_ends ? ctx->paragraph_ends[k] : G_MAXUINT32;
      ctx->whole_to = par;
      ctx->whole_level = -1;
    }
  for (const gunichar *p = ctx->u + ctx->whole_to, *end = ctx->u + fig->start;
       p + 1 < end && (p = _fz_attribution_find_char (p, 0x5168 /* 全 */, end - 1 - p)) != NULL;
       p++)
    {
      guint32 k = p - ctx->u;
      int l;

      switch (p[1])
        {
        case 0x56FD: l = 0; break;                            /* 国 */
        case 0x7701: l = 1; break;                            /* 省 */
        case 0x5DDE: case 0x76DF: case 0x5E02: l = 2; break;  /* 州 盟 市 */
        case 0x53BF: case 0x533A: case 0x65D7: l = 3; break;  /* 县 区 旗 */
        default: continue;
        }
      if (!_fz_attribution_whole_opens (ctx, k, ctx->whole_par - 1))
        continue;
      ctx->whole_level = l;
      ctx->whole_unit = p[1] == 0x5E02 ? "市" : p[1] == 0x533A ? "区" : NULL;
      ctx->whole_at = k;
    }
  if (fig->start > ctx->whole_to + 1)
    ctx->whole_to = fig->start - 1;
  *unit = ctx->whole_unit;
  *at = ctx->whole_at;
  return ctx->whole_level;
}

/* Whether a place is named in [start, end). */
static gboolean
named_in (Ctx     *ctx,
          guint32  start,
          guint32  end)
{
  for (guint i = _fz_attribution_mentions_before (ctx, start); i < ctx->mentions->len; i++)
    {
      const Mention *m = &g_array_index (ctx->mentions, Mention, i);

      if (m->start >= end)
        break;
      if (m->id != FZ_GAZETTEER_NONE)
        return TRUE;
    }
  return FALSE;
}

/* The region of a figure that @whole_unit_level () says is about a whole division of @level:
 * @id itself when it is no more specific, else the division above it at that level where the
 * page names it, or a name on the page may mean it (@written: as it names it), else none. */
static guint32
whole_unit_region (Ctx          *ctx,
                   guint32       id,
                   int           level,
                   const char   *unit,
                   const char  **written)
{
  guint32 up;

  *written = NULL;
  if ((int) _fz_gazetteer_level (ctx->gaz, id) <= level)
    return id;
  /* 全市 in a city of a county's level (晋江市), 全区 in a development zone (经济开发区) */
  if (unit != NULL && g_str_has_suffix (fz_gazetteer_get_name (ctx->gaz, id), unit))
    return id;
  if (level == 0)
    return FZ_GAZETTEER_NONE;
  up = fz_gazetteer_rollup (ctx->gaz, id, (guint) level);
  for (guint i = 0; up != FZ_GAZETTEER_NONE && i < ctx->mentions->len; i++)
    {
      const Mention *named = &g_array_index (ctx->mentions, Mention, i);

      /* 日照 read as a township of the city it also names */
      for (guint c = 0; c < named->n_ids; c++)
        if (named->ids[c] == up)
          {
            *written = named->name;
            return up;
          }
    }
  return FZ_GAZETTEER_NONE;
}

/* Where a clause opening with 其中 starts in [from, to), or @to: the places it names are of
 * a part (该局共破获86起，其中於潜镇12起), not of the whole before it. */
static guint32
before_part (Ctx     *ctx,
             guint32  from,
             guint32  to)
{
  for (const gunichar *p = ctx->u + from, *end = ctx->u + to;
       p + 1 < end && (p = _fz_attribution_find_char (p, 0x5176 /* 其 */, end - 1 - p)) != NULL;
       p++)
    {
      guint32 k = p - ctx->u;
      guint32 b = k;

      if (p[1] != 0x4E2D /* 中 */)
        continue;
      while (b > from && fz_charset_is_space (ctx->u[b - 1]))
        b--;
      if (b > from && fz_charset_is_clause_punct (ctx->u[b - 1]))
        return k;
    }
  return to;
}

/* The zone that @m holds right after it (西安 of 西安高新区), else @m. */
static const Mention *
with_held_zone (Ctx           *ctx,
                const Mention *m)
{
  guint i = (guint) (m - &g_array_index (ctx->mentions, Mention, 0));
  const Mention *next;

  if (i + 1 >= ctx->mentions->len)
    return m;
  next = &g_array_index (ctx->mentions, Mention, i + 1);
  return next->holder == i + 1 && next->id == m->id ? next : m;
}

/* A clause that names no place goes on about the one before it, where that names one of
 * the most specific places of the sentence, @m among them (甲县、乙县降幅超过30%，丙县降幅最大，
 * 达到36.2%); not a wider place it is ranked in (排名全省第一，…). */
static const Mention *
place_of_clause_before (Ctx           *ctx,
                        const Span    *span,
                        const Mention *m,
                        guint32       *id)
{
  const Mention *pm;
  guint32 pid;

  if (span->clause_start <= span->sentence_start + 1)
    return m;
  pm = place_in_span (ctx, _fz_attribution_bound_left (ctx, span->clause_start - 1,
                                                       span->sentence_start, BOUND_CLAUSE),
                      span->clause_start, &pid);
  if (pm == NULL || pm == m || pid != pm->id ||
      _fz_gazetteer_level (ctx->gaz, pm->id) < _fz_gazetteer_level (ctx->gaz, m->id))
    return m;
  *id = pid;
  return pm;
}

void
_fz_attribution_assign_region (Ctx        *ctx,
                               guint       index,
                               FzFigure   *fig,
                               const Span *span)
{
  int art = span->article;
  const Mention *m;
  guint32 id = FZ_GAZETTEER_NONE;
  const char *region = NULL;
  guint32 from = span->clause_start;

  /* Region: the place paired with the figure in a list; the place right before the figure,
   * after the figure before it in the clause where there is one (吴兴区94.12分、德清县93.87分:
   * each item its own place, not the city that holds both); then the clause, the sentence,
   * the sentence before it in the same paragraph when it names a place inside the article's,
   * else the article's. */
  const FzFigure *prev = index > 0 ? fz_figure_list_get (ctx->figures, index - 1) : NULL;
  const FzFigure *next = index + 1 < fz_figure_list_get_n (ctx->figures) ?
                         fz_figure_list_get (ctx->figures, index + 1) : NULL;

  /* Most figures stand alone in their clause: no list to read. */
  if (prev != NULL && prev->end > from && prev->end <= fig->start)
    from = prev->end;
  if (from > span->clause_start || (next != NULL && next->start < span->clause_end))
    {
      m = place_of_list (ctx, fig, span, &id);
      if (m == NULL && (m = place_in_span (ctx, from, fig->end, &id)) != NULL &&
          !right_before (ctx, m, fig))
        m = NULL;
    }
  else
    m = NULL;
  if (m == NULL)
    m = place_in_span (ctx, span->clause_start, span->clause_end, &id);
  if (m == NULL && (m = place_in_span (ctx, span->sentence_start,
                                       before_part (ctx, fig->end, span->sentence_end),
                                       &id)) != NULL)
    m = place_of_clause_before (ctx, span, m, &id);
  if (m == NULL)
    m = place_before_sentence (ctx, fig, span, &id);
  if (m != NULL && id == m->id)
    m = with_held_zone (ctx, m);
  if (m == NULL && art >= 0)
    id = ctx->arts[art].main;
  if (id != FZ_GAZETTEER_NONE)
    {
      const char *unit;
      guint32 at;
      int whole = whole_unit_level (ctx, fig, span, &unit, &at);

      /* A place named between 全省 and the figure narrows it (全省…，其中杭州市30起). */
      if (whole >= 0 && !named_in (ctx, at, fig->start))
        {
          const char *written;
          guint32 up = whole_unit_region (ctx, id, whole, unit, &written);

          if (up != id)
            {
              id = up;
              m = NULL;
              if (id != FZ_GAZETTEER_NONE)
                region = _fz_attribution_written_name (ctx, id, art, written);
            }
        }
    }
  if (m != NULL && m->held_name != NULL && id == m->id)
    region = m->held_name;
  else if (m != NULL)
    {
      const char *as_written = id == m->id ? m->name : fz_gazetteer_get_name (ctx->gaz, id);
      region = _fz_attribution_written_name (ctx, id, art, as_written);
    }
  else if (region == NULL && id != FZ_GAZETTEER_NONE && art >= 0 &&
           id == ctx->arts[art].main)
    region = ctx->arts[art].main_written;
  fig->region = region != NULL ? _fz_attribution_intern (ctx, region) : 0;
  fig->region_cue = region == NULL ? FZ_CUE_NONE : m != NULL ? FZ_CUE_TEXT : FZ_CUE_ARTICLE;
  fig->region_cue_start = m == NULL ? 0 : m->held_name != NULL && id == m->id ?
                         g_array_index (ctx->mentions, Mention, m->holder - 1).start : m->start;
  fig->region_cue_end = m != NULL ? m->end : 0;
  fig->region_code = 0;
  /* A zone held by its city (成都高新区) is not the city: no code, so that the index keeps it
   * apart from the city's own figures and from other cities' zones of that name. */
  if (id != FZ_GAZETTEER_NONE && !(m != NULL && (m->ambiguous || m->held_name != NULL) &&
                                   id == m->id))
    fig->region_code = fz_gazetteer_get_nearest_code (ctx->gaz, id);
}
