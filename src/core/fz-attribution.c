/* fz-attribution.c: each figure's indicator, region, polarity and core flag: scans, driver. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-attribution.h"
#include "fz-attribution-private.h"
#include "fz-charset.h"
#include "fz-numeral.h"
#include "fz-pipeline-private.h"
#include "fz-text-private.h"

#include <string.h>
#include <wchar.h>

/* Fraud words: an article without any gets no indicator (a 民警 in a story
 * about water safety is not anti-fraud staff). Hong Kong writes 骗案 and Taiwan 詐欺; a
 * traditional page is read in simplified characters, so each word is here in both. */
static FzWordSet fraud_words = FZ_WORD_SET (
  "诈骗", "反诈", "电诈", "涉诈", "防诈", "被骗", "受骗", "骗子", "骗局", "刷单", "断卡",
  "骗案", "欺诈", "诈欺", "无诈",
  "詐騙", "反詐", "電詐", "涉詐", "防詐", "被騙", "受騙", "騙子", "騙局", "騙案", "欺詐", "詐欺",
  "無詐"
);

/* Other crimes: a sentence about them and not about fraud (侦办涉黑案件38起) counts no
 * anti-fraud indicator, even in an article about fraud. */
static FzWordSet other_crime_words = FZ_WORD_SET (
  "涉黑", "恶势力", "黑恶", "扫黑", "毒品", "禁毒", "盗窃", "抢劫", "命案", "涉毒", "赌博"
);

static FzWordSet policing_words = FZ_WORD_SET (
  "公安", "警", "派出所", "政法", "检察", "法院", "治理", "监督", "执法", "综治", "平安"
);

/* Words that name what a number counts when the lexicon does not measure it:
 * leads, screenings, fugitives, targets, people at risk, places. They stop the search
 * for a trigger. */
static const char neutral_tsv[] =
  "neutral\t\t\t\t\tcount,money,percent\t"
  "线索,排查,追逃,指标,隐患,问题,建议,意见,易受骗群众,易受骗人群,高危人群,重点人员,"
  "查询,审核,核查,派出所,高校,学校,文件,中心,"
  /* places counted: 遍及20余个省份 counts no work against fraud */
  "省份,省市,省区市,地市,城市,乡镇,镇街,国家和地区,行政村,村居,"
  /* posts set up (设立反诈工作站30个), which no indicator counts */
  "工作站,服务站,警务站\n";

gboolean
_fz_attribution_contains (const gunichar *u,
                          guint32         start,
                          guint32         end,
                          const char     *word)
{
  gunichar w[16];
  guint wn = 0;

  /* The inline decoder stops at a byte that continues no character, so never reads past NUL. */
  for (const char *p = word; *p != '\0' && wn < G_N_ELEMENTS (w);)
    p += fz_text_decode (p, 4, &w[wn++]);
  if (wn == 0)
    return start <= end;
  for (guint32 i = start; i + wn <= end; i++)
    {
      guint k = 1;
      const gunichar *first = _fz_attribution_find_char (u + i, w[0], end - wn + 1 - i);

      if (first == NULL)
        return FALSE;
      i = (guint32) (first - u);
      while (k < wn && u[i + k] == w[k])
        k++;
      if (k == wn)
        return TRUE;
    }
  return FALSE;
}

/* A sentence that names another crime and no fraud. Figures come in text order and share
 * their sentence: the last answer is kept. */
gboolean
_fz_attribution_is_other_crime (Ctx     *ctx,
                                guint32  start,
                                guint32  end)
{
  if (ctx->crime_valid && ctx->crime_start == start && ctx->crime_end == end)
    return ctx->crime_answer;
  ctx->crime_valid = TRUE;
  ctx->crime_start = start;
  ctx->crime_end = end;
  ctx->crime_answer = _fz_attribution_has_word (ctx, start, end, &other_crime_words) &&
                      !_fz_attribution_has_word (ctx, start, end, &fraud_words);
  return ctx->crime_answer;
}

gboolean
fz_attribution_is_about_fraud (const char *text,
                               gssize      len)
{
  g_autofree gunichar *u = NULL;
  glong n = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  u = g_utf8_to_ucs4_fast (text, len, &n);
  return _fz_attribution_contains_any (u, 0, n, &fraud_words);
}

/* ---- bounds ---- */

/* No sentence runs this long; the cap keeps text without punctuation (a table of numbers
 * pasted as one line) from costing a scan to the end of the page for every figure. */
#define MAX_BOUND 1024

/* A search in the page's list of ends rather than a walk over the characters: every figure
 * asks for its sentence and clause, and a sentence holds several figures. */
guint32
_fz_attribution_bound_left (Ctx     *ctx,
                            guint32  pos,
                            guint32  floor,
                            Bound    bound)
{
  const guint32 *ends = bound == BOUND_SENTENCE ? ctx->sentence_ends : ctx->clause_ends;
  guint i = _fz_attribution_first_from (ends, bound == BOUND_SENTENCE ? ctx->n_sentence_ends
                                                          : ctx->n_clause_ends, pos);

  if (pos > floor + MAX_BOUND)
    floor = pos - MAX_BOUND;
  if (pos <= floor)
    return pos;
  if (i == 0)
    return floor;
  return MAX (ends[i - 1] + 1, floor);
}

guint32
_fz_attribution_bound_right (Ctx     *ctx,
                             guint32  pos,
                             guint32  ceil,
                             Bound    bound)
{
  const guint32 *ends = bound == BOUND_SENTENCE ? ctx->sentence_ends : ctx->clause_ends;
  guint n = bound == BOUND_SENTENCE ? ctx->n_sentence_ends : ctx->n_clause_ends;
  guint i = _fz_attribution_first_from (ends, n, pos);

  if (ceil > pos + MAX_BOUND)
    ceil = pos + MAX_BOUND;
  if (pos >= ceil || i == n)
    return MAX (pos, ceil);
  return MIN (ends[i], ceil);
}

static FzLexicon *neutral_lexicon (void);

/* What the page's pass needs to know of a character, a byte for each of the BMP. */
enum
{
  CHAR_STOP = 1 << 0,          /* white space, the end of a clause, past the BMP */
  CHAR_SCAN = 1 << 1,          /* a trigger of the page's lexicon or a neutral word may start */
  CHAR_WORD = 1 << 2,          /* a word of the page's word sets may start */
  CHAR_SPACE = 1 << 3,
  CHAR_CLAUSE_END = 1 << 4,
  CHAR_SENTENCE_END = 1 << 5,
  CHAR_LINE_BREAK = 1 << 6,    /* \n, which may begin a blank line */
};

/* All but the triggers' starts, which depend on the lexicon: made once for all pages and
 * threads. */
static const guint8 *
page_chars (void)
{
  static guint8 *chars = NULL;

  if (g_once_init_enter (&chars))
    {
      guint8 *table = g_new0 (guint8, 0x10000);
      g_autofree guint8 *words = g_new0 (guint8, 0x10000 / 8);
      const guint8 *neutral = _fz_lexicon_first_bits (neutral_lexicon ());

      _fz_attribution_mark_first_chars (&fraud_words, words);
      _fz_attribution_mark_first_chars (&other_crime_words, words);
      _fz_attribution_mark_first_chars (&policing_words, words);
      _fz_attribution_figure_mark_words (words);
      for (guint b = 0; b < 0x10000 / 8; b++)
        for (guint k = 0; (neutral[b] | words[b]) != 0 && k < 8; k++)
          {
            if ((neutral[b] >> k) & 1)
              table[b * 8 + k] |= CHAR_SCAN;
            if ((words[b] >> k) & 1)
              table[b * 8 + k] |= CHAR_WORD;
          }
      /* No space lies past U+3000, and no end of a clause between U+3002 (。) and U+FF00. */
      for (gunichar c = 0; c < 0x10000; c = c == 0x3002 ? 0xFF00 : c + 1)
        {
          if (fz_text_isspace (c))
            table[c] |= CHAR_STOP | CHAR_SPACE;
          if (c == '\n')
            table[c] |= CHAR_LINE_BREAK;
          if (is_clause_end_char (c))
            table[c] |= CHAR_STOP | CHAR_CLAUSE_END;
          if (is_sentence_end_char (c))
            table[c] |= CHAR_STOP | CHAR_SENTENCE_END;
        }
      g_once_init_leave (&chars, table);
    }
  return chars;
}

/* page_chars () with CHAR_SCAN where a trigger of the lexicon may start: made once for each
 * lexicon (_fz_lexicon_derived ()), so that one load tells the pass all it needs of most
 * characters. */
static gpointer
make_pass_table (const guint8  *first_bits,
                 gconstpointer  key)
{
  guint8 *table = g_memdup2 (key, 0x10000);

  for (guint b = 0; b < 0x10000 / 8; b++)
    if (first_bits[b] != 0)
      for (guint k = 0; k < 8; k++)
        if ((first_bits[b] >> k) & 1)
          table[b * 8 + k] |= CHAR_SCAN;
  return table;
}

/* A list of positions that grows, for the pass below. */
typedef struct
{
  guint32 *items;
  guint    len;
  guint    size;
} PosList;

/* Out of line, so that the pass's calls for its rare characters stay small. */
static G_GNUC_NO_INLINE void
pos_list_grow (PosList *list)
{
  list->size = list->size * 2 + 64;
  list->items = g_renew (guint32, list->items, list->size);
}

static inline void
pos_list_push (PosList *list,
               guint32  value)
{
  if (G_UNLIKELY (list->len == list->size))
    pos_list_grow (list);
  list->items[list->len++] = value;
}

typedef struct
{
  guint32      *pos;
  guint32      *starts;
  guint         n_starts;
  guint32      *words_at;
  guint         n_words_at;
  PosList       clauses;
  PosList       sentences;
  PosList       paragraph_ends;
  const gunichar *u;
  guint32       n;
} PageLists;

/* Whether the line break at @i ends a paragraph: a blank line follows, or a sentence ends
 * before it. Web pages give each paragraph a line of its own, with no blank line between;
 * text out of a PDF breaks its lines inside sentences. The walk back stops at the line's
 * start, so that no stretch of white space is walked twice. */
static gboolean
ends_paragraph (const gunichar *u,
                guint32         n,
                guint32         i)
{
  guint32 k = i;

  if (i + 1 < n && u[i + 1] == '\n')
    return TRUE;
  while (k > 0 && u[k - 1] != '\n' && fz_text_isspace (u[k - 1]))
    k--;
  while (k > 0 && fz_text_is_closer (u[k - 1]))
    k--;
  return k > 0 && is_sentence_end_char (u[k - 1]);
}

/* A character the pass stops at, of class @v, @n_pos characters of the compact text before it;
 * returns the compact text's length after it. Out of the pass's loop, which then keeps all it
 * needs in registers. */
static G_GNUC_NO_INLINE guint
read_stop (PageLists *lists,
           guint      n_pos,
           guint32    i,
           guint      v)
{
  if (v & CHAR_SPACE)
    {
      if ((v & CHAR_LINE_BREAK) && ends_paragraph (lists->u, lists->n, i))
        pos_list_push (&lists->paragraph_ends, i);
      return n_pos;
    }
  if (v & CHAR_CLAUSE_END)
    {
      pos_list_push (&lists->clauses, i);
      if (v & CHAR_SENTENCE_END)
        pos_list_push (&lists->sentences, i);
    }
  if (v & CHAR_SCAN)
    lists->starts[lists->n_starts++] = n_pos;
  if (v & CHAR_WORD)
    lists->words_at[lists->n_words_at++] = i;
  lists->pos[n_pos] = i;
  return n_pos + 1;
}

/* One pass over the page for all that the attribution finds character by character: the
 * compact text the scans match on, the places a trigger may start, the places a word of the
 * word sets may start, where clauses and sentences end, and where blank lines are. Each was a
 * pass, or a walk for each figure, of its own. */
static void
read_page (Ctx *ctx)
{
  const guint8 *table = _fz_lexicon_derived (ctx->lex, page_chars (), make_pass_table, g_free);
  const gunichar *u = ctx->u;
  guint32 n = (guint32) ctx->n;
  guint32 *pos = g_new (guint32, (gsize) n + 1);
  guint32 *starts = g_new (guint32, (gsize) n + 1);
  guint32 *words_at = g_new (guint32, (gsize) n + 1);
  PageLists lists = { pos, starts };
  guint n_pos = 0, n_starts = 0, n_words_at = 0;

  lists.words_at = words_at;
  lists.u = u;
  lists.n = n;
  for (guint32 i = 0; i < n; i++)
    {
      gunichar c = u[i];
      guint v;

      /* Beyond the BMP no class says no: the scans look there. */
      if (G_UNLIKELY (c >= 0x10000))
        v = CHAR_STOP | CHAR_SCAN | CHAR_WORD;
      else
        v = table[c];
      if (G_UNLIKELY ((v & CHAR_STOP) != 0))
        {
          lists.n_starts = n_starts;
          lists.n_words_at = n_words_at;
          n_pos = read_stop (&lists, n_pos, i, v);
          n_starts = lists.n_starts;
          n_words_at = lists.n_words_at;
          continue;
        }
      /* Written at every place, kept where a trigger, a neutral word or a word of the sets
       * may start: a quarter of the characters or so, at random, and no branch to guess. A
       * character that does not stop has no class but these three. */
      starts[n_starts] = n_pos;
      n_starts += (v >> 1) & 1;
      words_at[n_words_at] = i;
      n_words_at += v >> 2;
      pos[n_pos++] = i;
    }
  ctx->pos = pos;
  ctx->n_pos = n_pos;
  ctx->lex_starts = starts;
  ctx->n_lex_starts = n_starts;
  ctx->word_at = words_at;
  ctx->n_word_at = n_words_at;
  ctx->paragraph_ends = lists.paragraph_ends.items;
  ctx->n_paragraph_ends = lists.paragraph_ends.len;
  ctx->clause_ends = lists.clauses.items;
  ctx->n_clause_ends = lists.clauses.len;
  ctx->sentence_ends = lists.sentences.items;
  ctx->n_sentence_ends = lists.sentences.len;
}

gboolean
_fz_attribution_has_word (Ctx       *ctx,
                          guint32    start,
                          guint32    end,
                          FzWordSet *words)
{
  return _fz_attribution_contains_any_at (ctx->u, ctx->word_at, ctx->n_word_at, start, end,
                                          words);
}

guint32
_fz_attribution_skip_space (Ctx     *ctx,
                            guint32  pos,
                            guint32  limit)
{
  while (pos < limit && g_unichar_isspace (ctx->u[pos]))
    pos++;
  return pos;
}

int
_fz_attribution_article_of (Ctx     *ctx,
                            guint32  pos)
{
  for (guint a = 0; a < ctx->n_arts; a++)
    if ((pos >= ctx->arts[a].start && pos < ctx->arts[a].end) ||
        (pos >= ctx->arts[a].title_start && pos < ctx->arts[a].title_end))
      return a;
  return -1;
}

/* fz_figure_list_intern () of @str, remembered by address for the rest of the page. */
guint32
_fz_attribution_intern (Ctx        *ctx,
                        const char *str)
{
  guint slot;
  guint32 at;

  for (guint i = 0; i < MIN (ctx->n_interned, FZ_ATTRIBUTION_CACHE); i++)
    if (ctx->interned_str[i] == str)
      return ctx->interned_at[i];
  at = fz_figure_list_intern (ctx->figures, str, -1);
  slot = ctx->n_interned++ % FZ_ATTRIBUTION_CACHE;
  ctx->interned_str[slot] = str;
  ctx->interned_at[slot] = at;
  return at;
}

/* ---- scans ---- */

/* Words after a place name that make it part of another name: a news outlet (中新网, 中新社)
 * or a named site (武林广场, 中山路, 青石西路), not the place a figure is about. */
static FzWordSet name_suffixes = FZ_WORD_SET (
  "网", "社", "广场", "公园", "大道", "大厦", "大桥", "大街", "路", "东路", "西路", "南路",
  "北路", "中路", "机场", "车站", "火车站"
);

/* The first characters of the suffixes: most mentions are followed by none of them, and this
 * runs for every mention. */
static gboolean
may_start_suffix (gunichar c)
{
  switch (c)
    {
    case 0x7F51: /* 网 */
    case 0x793E: /* 社 */
    case 0x5E7F: /* 广 */
    case 0x516C: /* 公 */
    case 0x5927: /* 大 */
    case 0x8DEF: /* 路 */
    case 0x673A: /* 机 */
    case 0x8F66: /* 车 */
    case 0x706B: /* 火 */
    case 0x4E1C: /* 东 */
    case 0x897F: /* 西 */
    case 0x5357: /* 南 */
    case 0x5317: /* 北 */
    case 0x4E2D: /* 中 */
      return TRUE;
    default:
      return FALSE;
    }
}

/* 湖州社区, 湖州网格员, 湖州网络诈骗: words that begin like a suffix and leave the place. */
static FzWordSet common_words = FZ_WORD_SET (
  "社区", "社会", "社保", "社工", "路段", "网格", "网络", "网点", "网民", "网吧"
);

static gboolean
is_part_of_name (Ctx     *ctx,
                 guint32  end)
{
  if (end >= (guint32) ctx->n || !may_start_suffix (ctx->u[end]))
    return FALSE;
  if (_fz_attribution_word_at (ctx->u, end, (guint32) ctx->n, &common_words))
    return FALSE;
  return _fz_attribution_word_at (ctx->u, end, (guint32) ctx->n, &name_suffixes);
}

/* 与腾讯、阿里等多家平台合作: the items of a list that ends in companies are companies,
 * whatever place a name of theirs also names; not 杭州、宁波等地企业. */
static FzWordSet company_words = FZ_WORD_SET (
  "企业", "公司", "平台", "互联网", "电商", "网站", "商家", "集团", "厂商"
);

static gboolean
is_company_listed (Ctx     *ctx,
                   guint32  end)
{
  guint32 k = end, limit = MIN ((guint32) ctx->n, end + 24);

  /* The rest of the list, to its 等. */
  while (k < limit && ctx->u[k] != 0x7B49 /* 等 */)
    {
      if (fz_charset_is_clause_punct (ctx->u[k]) && ctx->u[k] != 0x3001 /* 、 */)
        return FALSE;
      k++;
    }
  if (k >= limit || k + 1 >= (guint32) ctx->n || ctx->u[k + 1] == 0x5730 /* 地 */)
    return FALSE;
  /* 等10余家, 等多个 */
  for (k++; k < limit && (fz_numeral_digit_value (ctx->u[k]) >= 0 ||
                          fz_text_char_in (ctx->u[k], "十百余多几数家个款种"));
       k++)
    ;
  return k < (guint32) ctx->n && _fz_attribution_word_at (ctx->u, k, (guint32) ctx->n,
                                                          &company_words);
}

static void
mention_cb (const FzPlaceMention *m,
            gpointer              data)
{
  Ctx *ctx = data;
  Mention *mm;

  if (!m->is_generic && is_part_of_name (ctx, m->end))
    return;
  if (m->end < (guint32) ctx->n && (ctx->u[m->end] == 0x3001 /* 、 */ ||
                                   ctx->u[m->end] == 0x7B49 /* 等 */) &&
      is_company_listed (ctx, m->end))
    return;

  if (ctx->n_found == ctx->found_size)
    {
      ctx->found_size = ctx->found_size != 0 ? ctx->found_size * 2 : 64;
      ctx->found = g_renew (Mention, ctx->found, ctx->found_size);
    }
  if (ctx->n_mention_ids + m->n_ids > ctx->mention_ids_size)
    {
      ctx->mention_ids_size = MAX (ctx->mention_ids_size * 2, ctx->n_mention_ids + m->n_ids);
      ctx->mention_ids_size = MAX (ctx->mention_ids_size, 256);
      ctx->mention_ids = g_renew (guint32, ctx->mention_ids, ctx->mention_ids_size);
      ctx->mention_shorts = g_renew (guint8, ctx->mention_shorts, ctx->mention_ids_size);
    }
  mm = &ctx->found[ctx->n_found++];
  memset (mm, 0, sizeof (Mention));
  mm->start = m->start;
  mm->end = m->end;
  mm->name = m->name;
  mm->first = ctx->n_mention_ids;
  if (m->n_ids > 0)
    {
      memcpy (ctx->mention_ids + ctx->n_mention_ids, m->ids, m->n_ids * sizeof (guint32));
      memcpy (ctx->mention_shorts + ctx->n_mention_ids, m->is_short, m->n_ids);
    }
  ctx->n_mention_ids += m->n_ids;
  mm->n_ids = m->n_ids;
  mm->generic = m->is_generic;
  mm->article = _fz_attribution_article_of (ctx, m->start);
  mm->id = FZ_GAZETTEER_NONE;
}

/* Triggers as one scan finds them, in text order: a plain buffer, as a page has a hundred. */
typedef struct
{
  Trigger *items;
  guint    len;
  guint    size;
} TriggerList;

static Trigger *
trigger_list_push (TriggerList *list)
{
  if (list->len == list->size)
    {
      list->size = list->size != 0 ? list->size * 2 : 64;
      list->items = g_renew (Trigger, list->items, list->size);
    }
  memset (&list->items[list->len], 0, sizeof (Trigger));
  return &list->items[list->len++];
}

typedef struct
{
  Ctx         *ctx;
  TriggerList  lex;      /* the lexicon's */
  TriggerList  neutral;  /* the neutral words */
  TriggerList  solving;  /* 破 alone */
} TriggerScan;

/* A match pushed onto @list with its span; a rate (被骗率, 劝阻成功率) names what it measures,
 * whatever the action before it, and the match ends with the trigger's last character. */
static Trigger *
push_match (TriggerScan          *scan,
            TriggerList          *list,
            const FzTriggerMatch *m)
{
  Trigger *t = trigger_list_push (list);

  t->start = m->start;
  t->end = m->end;
  t->rate = scan->ctx->u[m->end - 1] == 0x7387; /* 率 */
  return t;
}

static void
lexicon_trigger_cb (const FzTriggerMatch *m,
                    gpointer              data)
{
  TriggerScan *scan = data;
  Trigger *t = push_match (scan, &scan->lex, m);

  t->inds = m->indicators;
  t->n_inds = m->n_indicators;
  t->verb = (m->roles & FZ_TRIGGER_VERB) != 0;
  t->involved = (m->roles & FZ_TRIGGER_INVOLVED) != 0;
}

static void
neutral_trigger_cb (const FzTriggerMatch *m,
                    gpointer              data)
{
  TriggerScan *scan = data;
  Trigger *t = push_match (scan, &scan->neutral, m);

  t->neutral = TRUE;
  t->verb = (m->roles & FZ_TRIGGER_NEUTRAL_VERB) != 0;
}

/* The three lists, each in text order, merged into ctx->triggers by start: at the same start a
 * real trigger comes before a neutral word, and the lexicon's before a 破 alone. */
static void
merge_triggers (Ctx         *ctx,
                TriggerScan *scan)
{
  const TriggerList *lists[3] = { &scan->lex, &scan->solving, &scan->neutral };
  guint at[3] = { 0, 0, 0 };
  guint n = scan->lex.len + scan->neutral.len + scan->solving.len;
  Trigger *out;

  g_array_set_size (ctx->triggers, n);
  out = (Trigger *) (gpointer) ctx->triggers->data;
  for (guint k = 0; k < n; k++)
    {
      int best = -1;

      /* Ties go to the earlier list. */
      for (int l = 0; l < 3; l++)
        if (at[l] < lists[l]->len &&
            (best < 0 || lists[l]->items[at[l]].start < lists[best]->items[at[best]].start))
          best = l;
      out[k] = lists[best]->items[at[best]++];
    }
}

/* A neutral phrase hides the trigger words inside it (群众 in a phrase for people at risk), and
 * a trigger the neutral words inside it (中心 in 国家反诈中心APP). */
static void
drop_covered_triggers (GArray *triggers)
{
  for (guint i = 0; i < triggers->len; i++)
    {
      const Trigger *n = &g_array_index (triggers, Trigger, i);
      guint k = i;

      /* Sorted by start: the covered ones start where @n starts (some sort before it) or
       * inside it. */
      while (k > 0 && g_array_index (triggers, Trigger, k - 1).start == n->start)
        k--;
      for (; k < triggers->len && g_array_index (triggers, Trigger, k).start < n->end; k++)
        {
          Trigger *t = &g_array_index (triggers, Trigger, k);

          if (t == n || t->start < n->start || t->end > n->end || t->neutral == n->neutral)
            continue;
          if (n->neutral)
            t->n_inds = 0;
          else if (t->end - t->start < n->end - n->start)
            t->neutral = t->verb = FALSE;
        }
    }
}

/* 破 alone solves cases where a 案 follows in its clause (共破电诈案70起, 破5万元以上诈骗案件12起);
 * the words it forms otherwise (突破, 破坏, 识破) are not. 破获, 破案, 侦破 and 共破 are in the
 * lexicon already. */
static gboolean
is_solving (Ctx     *ctx,
            guint32  i)
{
  static const char before[] = "突打识攻冲侦共", after[] = "获案坏解除产灭译门局茧例格碎";

  if (i + 1 >= (guint32) ctx->n || (i > 0 && fz_text_char_in (ctx->u[i - 1], before)) ||
      fz_text_char_in (ctx->u[i + 1], after))
    return FALSE;
  for (guint32 k = i + 1; k < (guint32) ctx->n && k < i + 16; k++)
    {
      if (is_clause_end_char (ctx->u[k]))
        return FALSE;
      if (ctx->u[k] == 0x6848 /* 案 */)
        return TRUE;
    }
  return FALSE;
}

/* 同比多破50起、少发30起: 破 or 发 after 多 or 少 and right before the number is a verb of
 * solving or of cases, stated as a change; not 多发高发 or 少发一案, with no number. */
static gboolean
is_more_or_fewer (Ctx     *ctx,
                  guint32  i)
{
  gunichar next;

  if (i == 0 || i + 1 >= (guint32) ctx->n ||
      (ctx->u[i - 1] != 0x591A /* 多 */ && ctx->u[i - 1] != 0x5C11 /* 少 */))
    return FALSE;
  next = ctx->u[i + 1];
  /* 一 opens too many words (少发一案) to count as a number here. */
  return next != 0x4E00 /* 一 */ && (fz_numeral_digit_value (next) >= 0 || next == 0x5341 /* 十 */);
}

static void
push_verb_trigger (TriggerList *list,
                   guint32      i,
                   const guint *ind)
{
  Trigger *t = trigger_list_push (list);

  t->start = i;
  t->end = i + 1;
  t->inds = ind;
  t->n_inds = 1;
  t->verb = TRUE;
}

/* The triggers of one character, 破 and 发, in text order. */
static void
add_solving_triggers (Ctx         *ctx,
                      TriggerList *list)
{
  int solved = fz_lexicon_find (ctx->lex, "cases_solved");
  int reported = fz_lexicon_find (ctx->lex, "cases_reported");
  const gunichar *end = ctx->u + ctx->n;
  const gunichar *po, *fa;

  if (solved < 0 || reported < 0)
    return;
  ctx->solved_ind = (guint) solved;
  ctx->reported_ind = (guint) reported;
  po = _fz_attribution_find_char (ctx->u, 0x7834 /* 破 */, end - ctx->u);
  fa = _fz_attribution_find_char (ctx->u, 0x53D1 /* 发 */, end - ctx->u);
  while (po != NULL || fa != NULL)
    {
      if (fa == NULL || (po != NULL && po < fa))
        {
          guint32 i = (guint32) (po - ctx->u);

          if (is_solving (ctx, i) || is_more_or_fewer (ctx, i))
            push_verb_trigger (list, i, &ctx->solved_ind);
          po = _fz_attribution_find_char (po + 1, 0x7834 /* 破 */, end - po - 1);
        }
      else
        {
          guint32 i = (guint32) (fa - ctx->u);

          if (is_more_or_fewer (ctx, i))
            push_verb_trigger (list, i, &ctx->reported_ind);
          fa = _fz_attribution_find_char (fa + 1, 0x53D1 /* 发 */, end - fa - 1);
        }
    }
}

/* The neutral words, read once for every page and thread. */
static FzLexicon *
neutral_lexicon (void)
{
  static FzLexicon *neutral = NULL;

  if (g_once_init_enter (&neutral))
    {
      FzLexicon *lex = fz_lexicon_new ();

      fz_lexicon_add_from_data (lex, neutral_tsv, -1, "neutral", NULL);
      g_once_init_leave (&neutral, lex);
    }
  return neutral;
}

/* Place mentions, then the lexicon's triggers and the neutral words, in text order; the three
 * scans share one compact text, made of the characters decoded once in ctx->u. */
static void
scan_text (Ctx *ctx)
{
  TriggerScan scan = { ctx };

  _fz_gazetteer_scan_compact (ctx->gaz, ctx->u, ctx->pos, ctx->n_pos, mention_cb, ctx);
  g_array_append_vals (ctx->mentions, ctx->found, ctx->n_found);
  g_clear_pointer (&ctx->found, g_free);
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = &g_array_index (ctx->mentions, Mention, i);

      m->ids = ctx->mention_ids + m->first;
      m->shorts = ctx->mention_shorts + m->first;
    }
  _fz_lexicon_scan_compact_two (ctx->lex, lexicon_trigger_cb, &scan,
                                neutral_lexicon (), neutral_trigger_cb, &scan,
                                ctx->u, ctx->pos, ctx->n_pos, ctx->lex_starts,
                                ctx->n_lex_starts);
  /* The compact text's places serve the scans only: a long page's figures go without them. */
  g_clear_pointer (&ctx->pos, g_free);
  g_clear_pointer (&ctx->lex_starts, g_free);
  add_solving_triggers (ctx, &scan.solving);
  merge_triggers (ctx, &scan);
  g_free (scan.lex.items);
  g_free (scan.neutral.items);
  g_free (scan.solving.items);
  drop_covered_triggers (ctx->triggers);
}

/* ---- driver ---- */

/* Whether the figures are in text order, none inside another; and where each starts, for the
 * searches of _fz_attribution_figures_before (). */
static gboolean
figures_are_in_order (FzFigureList *figures,
                      guint32      *starts)
{
  gboolean in_order = TRUE;

  for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
    {
      const FzFigure *b = fz_figure_list_get (figures, i);

      starts[i] = b->start;
      if (i > 0)
        {
          const FzFigure *a = fz_figure_list_get (figures, i - 1);

          if (b->start < a->start || b->start < a->end)
            in_order = FALSE;
        }
    }
  return in_order;
}

static void
init_articles (Ctx       *ctx,
               GPtrArray *articles)
{
  ctx->arts_given = articles != NULL && articles->len > 0;
  ctx->n_arts = ctx->arts_given ? articles->len : 1;
  ctx->arts = g_new0 (ArticleInfo, ctx->n_arts);
  for (guint a = 0; a < ctx->n_arts; a++)
    {
      ArticleInfo *art = &ctx->arts[a];
      guint32 from, to;

      if (articles != NULL && articles->len > 0)
        {
          const FzArticle *fa = g_ptr_array_index (articles, a);
          art->start = MIN (fa->start, (guint32) ctx->n);
          art->end = MIN (fa->end, (guint32) ctx->n);
          art->title_start = MIN (fa->title_start, (guint32) ctx->n);
          art->title_end = MIN (fa->title_end, (guint32) ctx->n);
        }
      else
        art->end = ctx->n;
      from = MIN (art->start, art->title_start);
      to = MAX (art->end, art->title_end);
      art->fraud = _fz_attribution_has_word (ctx, from, to, &fraud_words);
      art->policing = _fz_attribution_has_word (ctx, from, to, &policing_words);
    }
}

static void
init_ctx (Ctx            *ctx,
          FzGazetteer    *gaz,
          FzLexicon      *lex,
          const gunichar *chars,
          guint           n_chars,
          GPtrArray      *articles,
          FzFigureList   *figures)
{
  ctx->gaz = gaz;
  ctx->lex = lex;
  ctx->figures = figures;
  ctx->fig_starts = g_new (guint32, fz_figure_list_get_n (figures) + 1);
  ctx->figures_in_order = figures_are_in_order (figures, ctx->fig_starts);
  ctx->u = chars;
  ctx->n = n_chars;
  ctx->mentions = g_array_new (FALSE, TRUE, sizeof (Mention));
  ctx->triggers = g_array_new (FALSE, TRUE, sizeof (Trigger));
  read_page (ctx);
  ctx->suspects_ind = fz_lexicon_find (lex, "suspects_arrested");
  ctx->cards_ind = fz_lexicon_find (lex, "card_cases");
  ctx->losses_ind = fz_lexicon_find (lex, "losses");
  init_articles (ctx, articles);
}

static void
clear_ctx (Ctx *ctx)
{
  for (guint a = 0; a < ctx->n_arts; a++)
    _fz_weights_clear (&ctx->arts[a].support);
  g_clear_pointer (&ctx->arts, g_free);
  g_clear_pointer (&ctx->mentions, g_array_unref);
  g_clear_pointer (&ctx->held_names, g_string_chunk_free);
  g_clear_pointer (&ctx->triggers, g_array_unref);
  g_clear_pointer (&ctx->mention_ids, g_free);
  g_clear_pointer (&ctx->word_at, g_free);
  g_clear_pointer (&ctx->clause_ends, g_free);
  g_clear_pointer (&ctx->paragraph_ends, g_free);
  g_clear_pointer (&ctx->fig_starts, g_free);
  g_clear_pointer (&ctx->sentence_ends, g_free);
  g_clear_pointer (&ctx->mention_shorts, g_free);
  _fz_weights_clear (&ctx->page_support);
  _fz_weights_clear (&ctx->written_full);
}

static void
set_article_regions (Ctx       *ctx,
                     GPtrArray *articles)
{
  if (articles == NULL)
    return;
  for (guint a = 0; a < articles->len; a++)
    {
      FzArticle *fa = g_ptr_array_index (articles, a);
      const char *region = ctx->arts[a].main_written != NULL ? ctx->arts[a].main_written : "";

      /* Written only when it changes, that is at the first analysis: an analysis run again
       * (a new date) then only reads the articles, which others may be reading too. */
      if (g_strcmp0 (fa->region, region) == 0)
        continue;
      g_free (fa->region);
      fa->region = g_strdup (region);
      fa->region_code = ctx->arts[a].main != FZ_GAZETTEER_NONE
                        ? fz_gazetteer_get_nearest_code (ctx->gaz, ctx->arts[a].main) : 0;
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

/* In text order, so that a rate can lean on the figure before it. */
static void
attribute_in_text_order (Ctx *ctx)
{
  FzFigureList *figures = ctx->figures;
  guint n_figs = fz_figure_list_get_n (figures);
  g_autofree guint *order = g_new (guint, n_figs + 1);

  for (guint i = 0; i < n_figs; i++)
    {
      order[i] = i;
      fz_figure_list_get_mut (figures, i)->indicator = 0;
    }
  /* Figures in order start one after another: the (stable) sort would leave them as they are. */
  if (!ctx->figures_in_order)
    g_qsort_with_data (order, n_figs, sizeof (guint), compare_by_start, figures);
  for (guint i = 0; i < n_figs; i++)
    _fz_attribution_figure (ctx, order[i]);
}

void
_fz_attribute_chars (FzGazetteer    *gaz,
                     FzLexicon      *lex,
                     const gunichar *chars,
                     guint           n_chars,
                     GPtrArray      *articles,
                     FzFigureList   *figures)
{
  Ctx ctx = { 0 };

  init_ctx (&ctx, gaz, lex, chars, n_chars, articles, figures);
  scan_text (&ctx);

  _fz_attribution_collect_support (&ctx);
  _fz_attribution_resolve_mentions (&ctx);
  _fz_attribution_choose_main_regions (&ctx);
  set_article_regions (&ctx, articles);

  attribute_in_text_order (&ctx);
  clear_ctx (&ctx);
}

void
fz_attribute (FzGazetteer  *gaz,
              FzLexicon    *lex,
              const char   *text,
              gsize         len,
              GPtrArray    *articles,
              FzFigureList *figures)
{
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;

  g_return_if_fail (gaz != NULL);
  g_return_if_fail (lex != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (figures != NULL);

  chars = g_utf8_to_ucs4_fast (text, len, &n_chars);
  _fz_attribute_chars (gaz, lex, chars, (guint) n_chars, articles, figures);
}
