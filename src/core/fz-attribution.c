/* fz-attribution.c: gives each figure its indicator, region, polarity and core flag. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-attribution.h"

#include <string.h>

/* How far after a number its noun may stand (名资深民警, 个社区反诈宣教室). */
#define MAX_NOUN_GAP 5
#define MAX_NOUN_WINDOW 12

typedef struct
{
  guint32     start;
  guint32     end;
  const char *name;
  guint32    *ids;
  guint8     *shorts;
  guint       n_ids;
  gboolean    generic;
  int         article;
  guint32     id;          /* the division chosen, FZ_GAZETTEER_NONE when dropped */
  gboolean    is_short;
  gboolean    ambiguous;
} Mention;

typedef struct
{
  guint32  start;
  guint32  end;
  guint   *inds;
  guint    n_inds;
  gboolean verb;
  gboolean neutral;
} Trigger;

typedef struct
{
  guint32     start;
  guint32     end;
  guint32     title_start;
  guint32     title_end;
  gboolean    fraud;
  gboolean    policing;
  guint32     main;         /* main region, FZ_GAZETTEER_NONE when none */
  const char *main_written; /* the main region as written */
  GHashTable *support;      /* division -> weight of the mentions that can mean it */
} ArticleInfo;

typedef struct
{
  FzGazetteer  *gaz;
  FzLexicon    *lex;
  FzFigureList *figures;
  gunichar     *u;
  glong         n;
  GArray       *mentions;   /* Mention */
  gboolean      figures_in_order;  /* sorted by start, none inside another: search, not walk */
  GArray       *triggers;   /* Trigger */
  ArticleInfo  *arts;
  guint         n_arts;
  GHashTable   *page_support;
  GHashTable   *written_full; /* division ids that the text writes in full */
  gboolean      neutral_pass;
  /* The last paragraph is_story_paragraph() looked at: figures come in order, and
   * scanning a whole paragraph again for each of its figures is quadratic. */
  guint32       par_from;   /* the figure it was found from */
  guint32       par_end;
  guint32       par_floor;
  guint32       par_ceil;
  gboolean      par_story;
  gboolean      par_valid;
} Ctx;

/* Fraud words: an article without any gets no indicator (a 民警 in a story
 * about water safety is not anti-fraud staff). */
static const char * const fraud_words[] = {
  "诈骗", "反诈", "电诈", "涉诈", "防诈", "被骗", "受骗", "骗子", "骗局", "刷单", "断卡",
};

static const char * const policing_words[] = {
  "公安", "警", "派出所", "政法", "检察", "法院", "治理", "监督", "执法", "综治", "平安",
};

/* Triggers that are actions: in 追回某某损失 the action, not the noun after it,
 * says what is counted. 宣讲 and 培训 are left out: they mostly form nouns. */
static const char * const verb_triggers[] = {
  "破获", "破案", "侦破", "抓获", "刑拘", "查处", "抓捕", "打掉", "捣毁", "追回", "挽回",
  "返还", "挽损", "预警", "推送", "下发", "劝阻", "成功劝阻", "制止", "止付", "冻结",
  "紧急拦截", "接听", "拦截", "封堵", "发放", "注册", "安装", "覆盖",
  "惩戒", "立案", "接报", "避免损失", "防止被骗", "免于受骗",
};

/* Words that name what a number counts when the lexicon does not measure it:
 * leads, screenings, fugitives, targets, people at risk. They stop the search
 * for a trigger. */
static const char neutral_tsv[] =
  "neutral\t\t\t\t\tcount,money,percent\t"
  "线索,排查,追逃,指标,隐患,问题,建议,意见,易受骗群众,易受骗人群,高危人群,重点人员\n";

static const char * const story_words[] = {
  "女士", "先生", "老人", "大爷", "大妈", "阿姨", "受害人", "事主", "某公司", "采购员",
};

static const char * const sentence_ends = "。！？!?；;";
static const char * const clause_ends = "。！？!?；;，,：:";

static gboolean
is_in (gunichar     c,
       const char  *set)
{
  for (const char *p = set; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

static gboolean
ucs4_contains (const gunichar *u,
               guint32         start,
               guint32         end,
               const char     *word)
{
  gunichar w[16];
  guint wn = 0;

  for (const char *p = word; *p != '\0' && wn < G_N_ELEMENTS (w); p = g_utf8_next_char (p))
    w[wn++] = g_utf8_get_char (p);
  for (guint32 i = start; i + wn <= end; i++)
    {
      guint k = 0;
      while (k < wn && u[i + k] == w[k])
        k++;
      if (k == wn)
        return TRUE;
    }
  return FALSE;
}

static gboolean
ucs4_contains_any (const gunichar     *u,
                   guint32             start,
                   guint32             end,
                   const char * const *words,
                   guint               n_words)
{
  for (guint i = 0; i < n_words; i++)
    if (ucs4_contains (u, start, end, words[i]))
      return TRUE;
  return FALSE;
}

gboolean
fz_attribution_is_about_fraud (const char *text,
                               gssize      len)
{
  g_autofree gunichar *u = NULL;
  glong n = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  u = g_utf8_to_ucs4_fast (text, len, &n);
  return ucs4_contains_any (u, 0, n, fraud_words, G_N_ELEMENTS (fraud_words));
}

/* ---- bounds ---- */

/* No sentence runs this long; the cap keeps text without punctuation (a table of numbers
 * pasted as one line) from costing a scan to the end of the page for every figure. */
#define MAX_BOUND 1024

static guint32
bound_left (Ctx        *ctx,
            guint32     pos,
            guint32     floor,
            const char *ends)
{
  if (pos > floor + MAX_BOUND)
    floor = pos - MAX_BOUND;
  while (pos > floor && !is_in (ctx->u[pos - 1], ends))
    pos--;
  return pos;
}

static guint32
bound_right (Ctx        *ctx,
             guint32     pos,
             guint32     ceil,
             const char *ends)
{
  if (ceil > pos + MAX_BOUND)
    ceil = pos + MAX_BOUND;
  while (pos < ceil && !is_in (ctx->u[pos], ends))
    pos++;
  return pos;
}

static int
article_of (Ctx     *ctx,
            guint32  pos)
{
  for (guint a = 0; a < ctx->n_arts; a++)
    if ((pos >= ctx->arts[a].start && pos < ctx->arts[a].end) ||
        (pos >= ctx->arts[a].title_start && pos < ctx->arts[a].title_end))
      return a;
  return -1;
}

/* ---- scans ---- */

static void
mention_cb (const FzPlaceMention *m,
            gpointer              data)
{
  Ctx *ctx = data;
  Mention mm = { 0 };

  mm.start = m->start;
  mm.end = m->end;
  mm.name = m->name;
  mm.ids = g_memdup2 (m->ids, m->n_ids * sizeof (guint32));
  mm.shorts = g_memdup2 (m->is_short, m->n_ids);
  mm.n_ids = m->n_ids;
  mm.generic = m->is_generic;
  mm.article = article_of (ctx, m->start);
  mm.id = FZ_GAZETTEER_NONE;
  g_array_append_val (ctx->mentions, mm);
}

static void
trigger_cb (const FzTriggerMatch *m,
            gpointer              data)
{
  Ctx *ctx = data;
  Trigger t = { 0 };

  t.start = m->start;
  t.end = m->end;
  t.neutral = ctx->neutral_pass;
  if (!t.neutral)
    {
      t.inds = g_memdup2 (m->indicators, m->n_indicators * sizeof (guint));
      t.n_inds = m->n_indicators;
      for (guint i = 0; i < G_N_ELEMENTS (verb_triggers); i++)
        if (g_str_equal (m->trigger, verb_triggers[i]))
          t.verb = TRUE;
    }
  g_array_append_val (ctx->triggers, t);
}

static int
trigger_cmp (gconstpointer a,
             gconstpointer b)
{
  const Trigger *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* A real trigger wins over a neutral word at the same place. */
  return (int) x->neutral - (int) y->neutral;
}

/* A neutral phrase hides the trigger words inside it (群众 in a phrase for people at risk). */
static void
drop_covered_triggers (GArray *triggers)
{
  for (guint i = 0; i < triggers->len; i++)
    {
      const Trigger *n = &g_array_index (triggers, Trigger, i);
      guint k = i;

      if (!n->neutral)
        continue;
      /* Sorted by start: the covered ones start where @n starts (some sort before it) or
       * inside it. */
      while (k > 0 && g_array_index (triggers, Trigger, k - 1).start == n->start)
        k--;
      for (; k < triggers->len && g_array_index (triggers, Trigger, k).start < n->end; k++)
        {
          Trigger *t = &g_array_index (triggers, Trigger, k);
          if (!t->neutral && t->start >= n->start && t->end <= n->end)
            t->n_inds = 0;
        }
    }
}

/* ---- places ---- */

static void
add_support (GHashTable *table,
             guint32     id,
             double      w)
{
  double *v = g_hash_table_lookup (table, GUINT_TO_POINTER (id));

  if (v == NULL)
    {
      v = g_new0 (double, 1);
      g_hash_table_insert (table, GUINT_TO_POINTER (id), v);
    }
  *v += w;
}

static double
get_support (GHashTable *table,
             guint32     id)
{
  double *v = table != NULL ? g_hash_table_lookup (table, GUINT_TO_POINTER (id)) : NULL;

  return v != NULL ? *v : 0.0;
}

/* Support from the places above a candidate that the article (or the page)
 * names: a township 章村 under a county the text names wins over its namesakes. */
static double
ancestor_score (Ctx      *ctx,
                int       article,
                guint32   id,
                guint     min_level)
{
  double score = 0;
  GHashTable *art = article >= 0 ? ctx->arts[article].support : NULL;

  for (guint32 p = fz_gazetteer_get_parent (ctx->gaz, id); p != FZ_GAZETTEER_NONE;
       p = fz_gazetteer_get_parent (ctx->gaz, p))
    {
      if (fz_gazetteer_get_level (ctx->gaz, p) < min_level)
        break;
      score += get_support (art, p) + 0.25 * get_support (ctx->page_support, p);
    }
  return score;
}

static void
collect_support (Ctx *ctx)
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
          if (fz_gazetteer_get_level (ctx->gaz, m->ids[k]) == 4 && m->shorts[k])
            continue;
          add_support (ctx->page_support, m->ids[k], w);
          if (m->article >= 0)
            add_support (ctx->arts[m->article].support, m->ids[k], w);
        }
    }
}

static void
resolve_mentions (Ctx *ctx)
{
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = &g_array_index (ctx->mentions, Mention, i);
      double best_score = -1;
      int best = -1;
      gboolean tie = FALSE;

      if (m->generic)
        {
          /* A common noun (开发区) stays as written: the text rarely says which one. */
          for (guint k = 0; k < m->n_ids; k++)
            if (fz_gazetteer_get_place_type (ctx->gaz, m->ids[k]) == FZ_PLACE_GENERIC)
              {
                m->id = m->ids[k];
                m->ambiguous = TRUE;
              }
          continue;
        }

      for (guint k = 0; k < m->n_ids; k++)
        {
          guint32 id = m->ids[k];
          guint level = fz_gazetteer_get_level (ctx->gaz, id);
          double s;

          if (level >= 3 && m->shorts[k])
            {
              /* Short county and township names (资源, 章村) are everyday
               * words too often: they need a place above them in the text. */
              s = ancestor_score (ctx, m->article, id, level == 4 ? 2 : 1);
              if (s <= 0)
                continue;
            }
          else
            s = ancestor_score (ctx, m->article, id, 1);
          if (!m->shorts[k])
            s += 0.01;
          /* Among short namesakes, the larger unit is the likelier reading. */
          s += (5 - level) * 0.001;
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
        continue;
      m->id = m->ids[best];
      m->is_short = m->shorts[best];
      m->ambiguous = tie;
      if (!m->is_short)
        g_hash_table_add (ctx->written_full, GUINT_TO_POINTER (m->id));
    }
}

/* The region as the text writes it: the full name where the text gives it,
 * and for a zone noun the longest form the article uses (经济开发区 for 开发区). */
static const char *
written_name (Ctx        *ctx,
              guint32     id,
              int         article,
              const char *as_written)
{
  if (fz_gazetteer_get_place_type (ctx->gaz, id) == FZ_PLACE_GENERIC)
    {
      const char *best = as_written;
      gsize best_len = strlen (as_written);

      for (guint i = 0; i < ctx->mentions->len; i++)
        {
          const Mention *m = &g_array_index (ctx->mentions, Mention, i);
          gsize l = strlen (m->name);
          if (m->article != article || m->id == FZ_GAZETTEER_NONE || l <= best_len)
            continue;
          if (g_str_has_suffix (m->name, as_written) &&
              fz_gazetteer_get_place_type (ctx->gaz, m->id) != FZ_PLACE_DIVISION)
            {
              best = m->name;
              best_len = l;
            }
        }
      return best;
    }
  if (g_hash_table_contains (ctx->written_full, GUINT_TO_POINTER (id)))
    return fz_gazetteer_get_name (ctx->gaz, id);
  return as_written;
}

/* The most specific place among the mentions in [start, end): when several
 * places of the same depth are named (甲、乙两个街道), the place
 * that holds them all. */
static const Mention *
place_in_span (Ctx      *ctx,
               guint32   start,
               guint32   end,
               guint32  *id_out)
{
  const Mention *best = NULL;
  guint32 id = FZ_GAZETTEER_NONE;
  guint best_level = 0;
  guint lo = 0, hi = ctx->mentions->len;

  /* The scan found mentions left to right, so they are sorted by start: skip to the
   * first in the span instead of walking the page's mentions for every figure. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (ctx->mentions, Mention, mid).start < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < ctx->mentions->len; i++)
    {
      const Mention *m = &g_array_index (ctx->mentions, Mention, i);
      guint level;

      if (m->start >= end)
        break;
      if (m->id == FZ_GAZETTEER_NONE || m->end > end)
        continue;
      level = fz_gazetteer_get_level (ctx->gaz, m->id);
      if (best == NULL || level > best_level)
        {
          best = m;
          id = m->id;
          best_level = level;
        }
      else if (level == best_level && m->id != id && !m->generic && !best->generic)
        {
          guint32 common = fz_gazetteer_common_ancestor (ctx->gaz, id, m->id);
          if (common != FZ_GAZETTEER_NONE && fz_gazetteer_get_level (ctx->gaz, common) >= 2)
            {
              id = common;
              best_level = level;
            }
        }
    }
  *id_out = id;
  return best;
}

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

/* Without a place in the title: the most specific place that most of the
 * body's mentions fall under (several districts of one city give the city). */
static const Mention *
main_of_body (Ctx  *ctx,
              guint article)
{
  g_autoptr(GHashTable) credit = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) first = g_hash_table_new (NULL, NULL);
  guint total = 0;
  const Mention *best = NULL;
  guint best_level = 0, best_credit = 0;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      const Mention *m = &g_array_index (ctx->mentions, Mention, i);

      if (m->id == FZ_GAZETTEER_NONE || m->article != (int) article || qualifies_next (ctx, i))
        continue;
      total++;
      if (!g_hash_table_contains (first, GUINT_TO_POINTER (m->id)))
        g_hash_table_insert (first, GUINT_TO_POINTER (m->id), (gpointer) m);
      for (guint32 p = m->id; p != FZ_GAZETTEER_NONE; p = fz_gazetteer_get_parent (ctx->gaz, p))
        {
          guint c = GPOINTER_TO_UINT (g_hash_table_lookup (credit, GUINT_TO_POINTER (p)));
          g_hash_table_insert (credit, GUINT_TO_POINTER (p), GUINT_TO_POINTER (c + 1));
        }
    }
  /* Only places the article names can be its place. */
  g_hash_table_iter_init (&iter, first);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Mention *m = value;
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (credit, key));
      guint level = fz_gazetteer_get_level (ctx->gaz, m->id);

      if (c * 5 < total * 3)
        continue;
      if (best == NULL || level > best_level ||
          (level == best_level && (c > best_credit || (c == best_credit && m->start < best->start))))
        {
          best = m;
          best_level = level;
          best_credit = c;
        }
    }
  if (best == NULL)
    {
      /* No place holds most mentions: take the most frequent one. */
      g_hash_table_iter_init (&iter, first);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const Mention *m = value;
          guint c = GPOINTER_TO_UINT (g_hash_table_lookup (credit, key));
          if (best == NULL || c > best_credit || (c == best_credit && m->start < best->start))
            {
              best = m;
              best_credit = c;
            }
        }
    }
  return best;
}

static void
choose_main_regions (Ctx *ctx)
{
  for (guint a = 0; a < ctx->n_arts; a++)
    {
      ArticleInfo *art = &ctx->arts[a];
      const Mention *best = NULL;
      guint best_level = 0;

      art->main = FZ_GAZETTEER_NONE;
      for (guint i = 0; i < ctx->mentions->len; i++)
        {
          const Mention *m = &g_array_index (ctx->mentions, Mention, i);
          guint level;

          if (m->id == FZ_GAZETTEER_NONE || art->title_end <= art->title_start ||
              m->start < art->title_start || m->end > art->title_end)
            continue;
          level = fz_gazetteer_get_level (ctx->gaz, m->id);
          if (best == NULL || level > best_level)
            {
              best = m;
              best_level = level;
            }
        }
      if (best == NULL)
        best = main_of_body (ctx, a);
      if (best != NULL)
        {
          art->main = best->id;
          art->main_written = written_name (ctx, best->id, a, best->name);
        }
    }
}

/* ---- indicators ---- */

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

/* The number of triggers (sorted by start) that start before @pos. */
static guint
triggers_before (Ctx     *ctx,
                 guint32  pos)
{
  guint lo = 0, hi = ctx->triggers->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (ctx->triggers, Trigger, mid).start < pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
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

static guint32
skip_space (Ctx     *ctx,
            guint32  pos,
            guint32  limit)
{
  while (pos < limit && g_unichar_isspace (ctx->u[pos]))
    pos++;
  return pos;
}

/* The noun right after the number: 5名资深民警, 60人的专职劝阻队, and in
 * 40个民警形象的立牌 the head after 的. Returns -1 for none, -2 for a
 * neutral noun (线索, 指标), else the indicator. */
static int
noun_after (Ctx            *ctx,
            const FzFigure *fig,
            guint32         clause_end)
{
  guint32 pos = skip_space (ctx, fig->end, clause_end);
  guint32 limit;
  int found = -1;
  guint32 found_end = 0;
  const FzFigure *next;

  /* 9支80人的劝阻队: the two numbers share the noun. */
  while ((next = figure_starting_at (ctx, pos)) != NULL && next->end > pos)
    pos = skip_space (ctx, next->end, clause_end);
  limit = MIN (clause_end, pos + MAX_NOUN_WINDOW);
  for (guint i = triggers_before (ctx, pos); i < ctx->triggers->len; i++)
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
      if (ucs4_contains (ctx->u, found_end, t->start, "的") && !t->neutral &&
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
  for (int i = (int) triggers_before (ctx, fig->start) - 1; i >= 0; i--)
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
  for (guint i = triggers_before (ctx, start); i < ctx->triggers->len; i++)
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

  if (!ucs4_contains (ctx->u, clause_start, fig->start, "分别"))
    return -1;
  for (guint i = 0; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (ctx->figures, i);
      if (f->kind != fig->kind || f->start < clause_start || f->end > sentence_end)
        continue;
      if (f->start >= clause_start && f->start < fig->start)
        my_pos++;
      if (f->start >= clause_start && ucs4_contains (ctx->u, clause_start, f->start, "分别"))
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
  {
    guint pick = g_array_index (before, guint, before->len - n_group + my_pos);
    const FzFigure *f = fz_figure_list_get (ctx->figures, pick);
    int ind = fz_lexicon_find (ctx->lex, fz_figure_list_str (ctx->figures, f->indicator));
    if (ind >= 0 && fz_indicator_accepts_kind (fz_lexicon_get (ctx->lex, ind), fig->kind))
      return ind;
  }
  return -1;
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

/* ---- figures ---- */

static gboolean
is_story (Ctx     *ctx,
          guint32  sentence_start,
          guint32  sentence_end)
{
  return ucs4_contains_any (ctx->u, sentence_start, sentence_end,
                            story_words, G_N_ELEMENTS (story_words));
}

/* A story paragraph (a victim, 某女士, and the 3名 arrested in her case) tells one
 * case: its numbers are details, not statistics. Paragraphs end at a blank line. */
static gboolean
is_story_paragraph (Ctx     *ctx,
                    guint32  pos,
                    guint32  floor,
                    guint32  ceil)
{
  guint32 start = pos, end = pos;

  /* From any later position up to the paragraph's end, the scans below find the same
   * paragraph (a figure never starts on a line break). */
  if (ctx->par_valid && ctx->par_floor == floor && ctx->par_ceil == ceil &&
      pos >= ctx->par_from && pos < ctx->par_end)
    return ctx->par_story;
  while (start > floor && !(ctx->u[start - 1] == '\n' && start - 1 > floor && ctx->u[start - 2] == '\n'))
    start--;
  while (end < ceil && !(ctx->u[end] == '\n' && end + 1 < ceil && ctx->u[end + 1] == '\n'))
    end++;
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

/* 每人最高补偿5万元: a cap or a rate per person is a rule. */
static gboolean
is_cap (Ctx            *ctx,
        const FzFigure *fig,
        guint32         clause_start)
{
  static const char * const words[] = { "最高", "最多", "最低", "每人", "每起", "每户" };

  return ucs4_contains_any (ctx->u, clause_start, fig->start, words, G_N_ELEMENTS (words));
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

static void
attribute_figure (Ctx   *ctx,
                  guint  index)
{
  FzFigure *fig = fz_figure_list_get_mut (ctx->figures, index);
  int art = article_of (ctx, fig->start);
  guint32 floor = art >= 0 ? ctx->arts[art].start : 0;
  guint32 ceil = art >= 0 ? ctx->arts[art].end : (guint32) ctx->n;
  guint32 ss, se, cs, ce;
  const Mention *m;
  guint32 id = FZ_GAZETTEER_NONE;
  const char *region = NULL;
  int ind = -1;

  if (art >= 0 && ctx->arts[art].title_start < ctx->arts[art].title_end &&
      fig->start >= ctx->arts[art].title_start && fig->start < ctx->arts[art].title_end)
    {
      floor = ctx->arts[art].title_start;
      ceil = ctx->arts[art].title_end;
    }
  fig->article = art;
  ss = bound_left (ctx, fig->start, floor, sentence_ends);
  se = bound_right (ctx, fig->end, ceil, sentence_ends);
  cs = bound_left (ctx, fig->start, ss, clause_ends);
  ce = bound_right (ctx, fig->end, se, clause_ends);

  /* Region: the clause, the sentence, the sentence before it in the same
   * paragraph when it names a place inside the article's, else the article's. */
  m = place_in_span (ctx, cs, ce, &id);
  if (m == NULL)
    m = place_in_span (ctx, ss, se, &id);
  if (m == NULL && ss > floor + 1)
    {
      guint32 ps = bound_left (ctx, ss - 1, floor, sentence_ends);
      guint32 pid;
      const Mention *pm = place_in_span (ctx, ps, ss, &pid);

      if (pm != NULL && !blank_line_between (ctx, ss, skip_space (ctx, ss, fig->start)) && art >= 0 &&
          ctx->arts[art].main != FZ_GAZETTEER_NONE && pid != ctx->arts[art].main &&
          fz_gazetteer_is_within (ctx->gaz, pid, ctx->arts[art].main))
        {
          m = pm;
          id = pid;
        }
    }
  if (m != NULL)
    region = written_name (ctx, id, art, id == m->id ? m->name : fz_gazetteer_get_name (ctx->gaz, id));
  else if (art >= 0 && ctx->arts[art].main != FZ_GAZETTEER_NONE)
    {
      id = ctx->arts[art].main;
      region = ctx->arts[art].main_written;
    }
  fig->region = region != NULL ? fz_figure_list_intern (ctx->figures, region, -1) : 0;
  fig->region_code = 0;
  if (id != FZ_GAZETTEER_NONE && !(m != NULL && m->ambiguous && id == m->id))
    fig->region_code = fz_gazetteer_get_nearest_code (ctx->gaz, id);

  fig->indicator = 0;
  fig->polarity = 0;
  if (art >= 0 && ctx->arts[art].fraud && fz_kind_is_statistic (fig->kind) && !is_cap (ctx, fig, cs))
    ind = find_indicator (ctx, index, ss, se, cs, ce);
  if (ind >= 0)
    {
      const FzIndicator *indicator = fz_lexicon_get (ctx->lex, ind);
      fig->indicator = fz_figure_list_intern (ctx->figures, indicator->id, -1);
      fig->polarity = indicator->polarity;
    }

  /* Core: statistics of anti-fraud or policing work, not story details. */
  fig->core = 0;
  if (!fz_kind_is_statistic (fig->kind) || is_story (ctx, ss, se) ||
      is_story_paragraph (ctx, fig->start, floor, ceil) || is_small_word_number (ctx, fig) ||
      is_cap (ctx, fig, cs))
    return;
  if (ind >= 0)
    fig->core = 1;
  else if (art >= 0 && ctx->arts[art].policing)
    {
      /* Targets and rules (60%以上) are not results; average times are. */
      if (fig->kind == FZ_KIND_COUNT ||
          (fig->kind == FZ_KIND_PERCENT && fig->qualifier == FZ_QUALIFIER_EXACT))
        fig->core = 1;
      else if (fig->kind == FZ_KIND_DURATION && ucs4_contains (ctx->u, cs, fig->start, "平均"))
        fig->core = 1;
    }
}

static gint
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const FzFigure *x = fz_figure_list_get (data, *(const guint *) a);
  const FzFigure *y = fz_figure_list_get (data, *(const guint *) b);

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

void
fz_attribute (FzGazetteer  *gaz,
              FzLexicon    *lex,
              const char   *text,
              gsize         len,
              GPtrArray    *articles,
              FzFigureList *figures)
{
  Ctx ctx = { 0 };
  g_autoptr(FzLexicon) neutral = fz_lexicon_new ();
  g_autofree guint *order = NULL;
  guint n_figs;

  g_return_if_fail (gaz != NULL);
  g_return_if_fail (lex != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (figures != NULL);

  ctx.gaz = gaz;
  ctx.lex = lex;
  ctx.figures = figures;
  ctx.figures_in_order = TRUE;
  for (guint i = 1; i < fz_figure_list_get_n (figures); i++)
    {
      const FzFigure *a = fz_figure_list_get (figures, i - 1);
      const FzFigure *b = fz_figure_list_get (figures, i);

      if (b->start < a->start || b->start < a->end)
        ctx.figures_in_order = FALSE;
    }
  ctx.u = g_utf8_to_ucs4_fast (text, len, &ctx.n);
  ctx.mentions = g_array_new (FALSE, TRUE, sizeof (Mention));
  ctx.triggers = g_array_new (FALSE, TRUE, sizeof (Trigger));
  ctx.page_support = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  ctx.written_full = g_hash_table_new (NULL, NULL);

  ctx.n_arts = articles != NULL && articles->len > 0 ? articles->len : 1;
  ctx.arts = g_new0 (ArticleInfo, ctx.n_arts);
  for (guint a = 0; a < ctx.n_arts; a++)
    {
      ArticleInfo *art = &ctx.arts[a];
      if (articles != NULL && articles->len > 0)
        {
          const FzArticle *fa = g_ptr_array_index (articles, a);
          art->start = MIN (fa->start, (guint32) ctx.n);
          art->end = MIN (fa->end, (guint32) ctx.n);
          art->title_start = MIN (fa->title_start, (guint32) ctx.n);
          art->title_end = MIN (fa->title_end, (guint32) ctx.n);
        }
      else
        art->end = ctx.n;
      art->fraud = ucs4_contains_any (ctx.u, MIN (art->start, art->title_start),
                                      MAX (art->end, art->title_end),
                                      fraud_words, G_N_ELEMENTS (fraud_words));
      art->policing = ucs4_contains_any (ctx.u, MIN (art->start, art->title_start),
                                         MAX (art->end, art->title_end),
                                         policing_words, G_N_ELEMENTS (policing_words));
      art->support = g_hash_table_new_full (NULL, NULL, NULL, g_free);
    }

  fz_gazetteer_scan (gaz, text, len, mention_cb, &ctx);
  fz_lexicon_scan (lex, text, len, trigger_cb, &ctx);
  fz_lexicon_add_from_data (neutral, neutral_tsv, -1, "neutral", NULL);
  ctx.neutral_pass = TRUE;
  fz_lexicon_scan (neutral, text, len, trigger_cb, &ctx);
  g_array_sort (ctx.triggers, trigger_cmp);
  drop_covered_triggers (ctx.triggers);

  collect_support (&ctx);
  resolve_mentions (&ctx);
  choose_main_regions (&ctx);

  if (articles != NULL)
    for (guint a = 0; a < articles->len; a++)
      {
        FzArticle *fa = g_ptr_array_index (articles, a);
        g_free (fa->region);
        fa->region = g_strdup (ctx.arts[a].main_written != NULL ? ctx.arts[a].main_written : "");
        fa->region_code = ctx.arts[a].main != FZ_GAZETTEER_NONE
                          ? fz_gazetteer_get_nearest_code (gaz, ctx.arts[a].main) : 0;
      }

  /* In text order, so that a rate can lean on the figure before it. */
  n_figs = fz_figure_list_get_n (figures);
  order = g_new (guint, n_figs + 1);
  for (guint i = 0; i < n_figs; i++)
    {
      order[i] = i;
      fz_figure_list_get_mut (figures, i)->indicator = 0;
    }
  g_qsort_with_data (order, n_figs, sizeof (guint), compare_by_start, figures);
  for (guint i = 0; i < n_figs; i++)
    attribute_figure (&ctx, order[i]);

  for (guint i = 0; i < ctx.mentions->len; i++)
    {
      Mention *m = &g_array_index (ctx.mentions, Mention, i);
      g_free (m->ids);
      g_free (m->shorts);
    }
  for (guint i = 0; i < ctx.triggers->len; i++)
    g_free (g_array_index (ctx.triggers, Trigger, i).inds);
  for (guint a = 0; a < ctx.n_arts; a++)
    g_hash_table_unref (ctx.arts[a].support);
  g_free (ctx.arts);
  g_array_unref (ctx.mentions);
  g_array_unref (ctx.triggers);
  g_hash_table_unref (ctx.page_support);
  g_hash_table_unref (ctx.written_full);
  g_free (ctx.u);
}
