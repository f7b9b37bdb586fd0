/* fz-period-finder.c: finds time phrases (今年以来, 截至7月15日, 1—11月…) and gives each figure the one that governs it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-period-finder.h"
#include "fz-charset.h"

#include <string.h>

#include "fz-article.h"
#include "fz-period.h"

/* Stands in the compact text where a paragraph ends. */
#define PARA 0x2029

/* How far back (in paragraphs) a relative start looks when no article bounds it. */
#define MAX_PARAGRAPHS_BACK 4

/* How many earlier time phrases a figure or a relative start looks through:
 * bounds the work on a long text without punctuation. */
#define MAX_LOOKBACK 256

/* Clauses this short before a time phrase (据悉，此外，同时，) still leave it leading its sentence. */
#define SHORT_CLAUSE 5

/* A time phrase that is not a period but blocks the ones before it: 目前, 截至目前, 近日. */
#define EXPR_BLOCK     (1 << 0)
/* A single day or days (5月13日): governs its own sentence only. */
#define EXPR_DAY       (1 << 1)
/* 工作开展以来, 一年来: the start is stated elsewhere. */
#define EXPR_RELATIVE  (1 << 2)
/* Stands first in its sentence: it may govern the rest of the paragraph. */
#define EXPR_LEADING   (1 << 3)
/* Is its clause on its own (今年以来，): it governs the rest of the sentence. */
#define EXPR_STANDALONE (1 << 4)

typedef struct
{
  guint    start;   /* compact indices, end exclusive */
  guint    end;
  guint    flags;
  FzPeriod period;
} Expr;

typedef struct
{
  gunichar *u;          /* the text without white space; PARA between paragraphs */
  guint     n;
  guint    *to_compact; /* original code point -> compact index of the next kept character */
  guint     n_orig;
  guint    *para;       /* compact index -> paragraph number */
  guint    *clause_start;
  guint    *clause_end;
  guint    *sentence_start;
  gboolean *leading;    /* only short clauses stand before this one in its sentence */
  GArray   *exprs;      /* Expr, in text order */
} Scan;

/* ---- characters ---------------------------------------------------------- */

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ ||
         c == '!' || c == '?' || c == 0x2026 /* … */ || c == PARA;
}

static gboolean
is_clause_end (gunichar c)
{
  return is_sentence_end (c) || c == 0xFF0C /* ， */ || c == ',' || c == 0xFF1B /* ； */ ||
         c == ';' || c == 0xFF1A /* ： */ || c == ':';
}

static gboolean
is_closer (gunichar c)
{
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 || c == ')' ||
         c == 0x300B;
}

static gint
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (gint) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)
    return (gint) (c - 0xFF10);
  return -1;
}

static gint
cn_digit_value (gunichar c)
{
  static const gunichar digits[] = { 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                     0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };  /* 〇一二三四五六七八九 */

  if (c == 0x96F6) /* 零 */
    return 0;
  if (c == 0x4E24) /* 两 */
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (digits[i] == c)
      return (gint) i;
  return -1;
}

/* ---- matching on the compact text ----------------------------------------- */

static guint
match (const Scan *s,
       guint       i,
       const char *word)
{
  guint k = i;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p), k++)
    if (k >= s->n || s->u[k] != g_utf8_get_char (p))
      return 0;
  return k - i;
}

/* The length of the first of @words that stands at @i, 0 when none does. */
static guint
match_any (const Scan         *s,
           guint               i,
           const char * const *words)
{
  for (guint w = 0; words[w] != NULL; w++)
    {
      guint m = match (s, i, words[w]);

      if (m > 0)
        return m;
    }
  return 0;
}

static gboolean
preceded_by_digit (const Scan *s,
                   guint       i)
{
  return i > 0 && (digit_value (s->u[i - 1]) >= 0 || s->u[i - 1] == '.' ||
                   cn_digit_value (s->u[i - 1]) >= 0 || s->u[i - 1] == 0x5341 /* 十 */);
}

/* A number from 1 to 31 in Arabic or Chinese numerals (3, 03, 十二, 二十五). */
static gboolean
parse_small (const Scan *s,
             guint       i,
             guint      *value,
             guint      *next)
{
  guint v = 0, k = i;
  gint d;

  if (k < s->n && digit_value (s->u[k]) >= 0)
    {
      while (k < s->n && (d = digit_value (s->u[k])) >= 0 && k - i < 2)
        {
          v = v * 10 + (guint) d;
          k++;
        }
      if (k < s->n && digit_value (s->u[k]) >= 0)
        return FALSE;
    }
  else
    {
      gint tens = -1, units = -1;

      if (k < s->n && (d = cn_digit_value (s->u[k])) > 0 && s->u[k] != 0x4E24)
        {
          units = d;
          k++;
        }
      if (k < s->n && s->u[k] == 0x5341 /* 十 */)
        {
          tens = units < 0 ? 1 : units;
          units = 0;
          k++;
          if (k < s->n && (d = cn_digit_value (s->u[k])) > 0 && s->u[k] != 0x4E24)
            {
              units = d;
              k++;
            }
        }
      if (tens < 0 && units < 0)
        return FALSE;
      v = (guint) ((tens < 0 ? 0 : tens) * 10 + (units < 0 ? 0 : units));
    }
  if (k == i || v == 0 || v > 31)
    return FALSE;
  *value = v;
  *next = k;
  return TRUE;
}

/* A year: 2019年, 二〇二二年, 今年, 去年. */
static gboolean
parse_year (const Scan  *s,
            guint        i,
            FzPeriodEnd *out,
            guint       *next)
{
  static const char * const current[] = { "今年", "本年", NULL };
  static const char * const previous[] = { "去年", "上年", NULL };
  guint m, v = 0, k;
  gint d;

  memset (out, 0, sizeof *out);
  if ((m = match_any (s, i, current)) > 0)
    {
      out->year_kind = FZ_PERIOD_YEAR_CURRENT;
      *next = i + m;
      return TRUE;
    }
  if ((m = match_any (s, i, previous)) > 0)
    {
      out->year_kind = FZ_PERIOD_YEAR_PREVIOUS;
      *next = i + m;
      return TRUE;
    }
  if (preceded_by_digit (s, i))
    return FALSE;
  for (k = i; k < s->n && k - i < 4; k++)
    {
      d = digit_value (s->u[k]);
      if (d < 0)
        d = cn_digit_value (s->u[k]);
      if (d < 0 || s->u[k] == 0x4E24)
        return FALSE;
      v = v * 10 + (guint) d;
    }
  if (k - i != 4 || k >= s->n || s->u[k] != 0x5E74 /* 年 */ || v < 1000)
    return FALSE;
  out->year_kind = FZ_PERIOD_YEAR_ABSOLUTE;
  out->year = (guint16) v;
  *next = k + 1;
  return TRUE;
}

/* A month: 3月, 十二月. */
static gboolean
parse_month (const Scan *s,
             guint       i,
             guint      *month,
             guint      *next)
{
  guint v, k;

  if (preceded_by_digit (s, i) || !parse_small (s, i, &v, &k) || v > 12)
    return FALSE;
  if (k >= s->n || s->u[k] != 0x6708 /* 月 */)
    return FALSE;
  *month = v;
  *next = k + 1;
  return TRUE;
}

static gboolean
parse_day (const Scan *s,
           guint       i,
           guint      *day,
           guint      *next)
{
  guint v, k;

  if (!parse_small (s, i, &v, &k))
    return FALSE;
  if (k >= s->n || (s->u[k] != 0x65E5 /* 日 */ && s->u[k] != 0x53F7 /* 号 */))
    return FALSE;
  *day = v;
  *next = k + 1;
  return TRUE;
}

static gboolean
is_range_sep (gunichar c)
{
  return c == 0x2014 || c == 0x2013 || c == '-' || c == 0xFF0D || c == '~' || c == 0xFF5E ||
         c == 0x81F3 /* 至 */ || c == 0x5230 /* 到 */ || c == 0x2015;
}

/* Parts of a year, with the months they cover. */
typedef struct
{
  const char *word;
  guint8      first;
  guint8      last;
} YearPart;

static const YearPart year_parts[] = {
  { "上半年", 1, 6 }, { "下半年", 7, 12 },
  { "前三季度", 1, 9 }, { "前两季度", 1, 6 }, { "前二季度", 1, 6 },
  { "第一季度", 1, 3 }, { "第二季度", 4, 6 }, { "第三季度", 7, 9 }, { "第四季度", 10, 12 },
  { "一季度", 1, 3 }, { "二季度", 4, 6 }, { "三季度", 7, 9 }, { "四季度", 10, 12 },
  { "1季度", 1, 3 }, { "2季度", 4, 6 }, { "3季度", 7, 9 }, { "4季度", 10, 12 },
  { "年初", 1, 1 }, { "初", 1, 1 }, { "年底", 12, 12 }, { "年末", 12, 12 }, { "底", 12, 12 },
  { "末", 12, 12 }, { "全年", 1, 12 },
  { "春季", 3, 5 }, { "夏季", 6, 8 }, { "秋季", 9, 11 }, { "暑期", 7, 8 }, { "暑假", 7, 8 },
};

static const char * const since_words[] = { "以来", "至今", "开始", "来", NULL };
static const char * const until_words[] = { "截至到", "截止到", "截至", "截止", NULL };
static const char * const now_words[] = {
  "目前", "当前", "现在", "今天", "今日", "发稿", "此时", "当下", NULL
};
static const char * const block_words[] = {
  "目前", "如今", "当前", "现在", "至今", "近日", "日前", "近期", "最近", "上个月", "上月",
  "本月", "当月", "今天", "今日", "昨天", "昨日", "当天", "当日", "近年来", "近年", "多年来",
  "近几年", "此前", "期间", NULL
};
static const char * const relative_verbs[] = {
  "开展", "开通", "运行", "上线", "成立", "实施", "启动", "建立", "推行", "试点", "建成",
  "投用", "使用", "部署", "设立", "组建", "创建", "推广", "挂牌", "揭牌", NULL
};
/* 比去年, 较去年同期: the basis of a change, not a period. */
static const char * const basis_before[] = { "比", "较", "与", "同", "跟", "和", "于", NULL };
static const char * const basis_after[] = { "同期", "相比", "同比", NULL };

static gboolean
parse_numeric_since (const Scan *s,
                     guint       i,
                     guint      *next)
{
  guint v, k, m;

  if (match (s, i, "半年来") > 0)
    {
      *next = i + 3;
      return TRUE;
    }
  if (preceded_by_digit (s, i) || !parse_small (s, i, &v, &k))
    {
      /* 两年来 is not read by parse_small, which keeps 两 for counts. */
      if (i < s->n && s->u[i] == 0x4E24 && !preceded_by_digit (s, i))
        k = i + 1;
      else
        return FALSE;
    }
  if ((m = match (s, k, "年来")) > 0 || (m = match (s, k, "个月来")) > 0 ||
      (m = match (s, k, "多年来")) > 0)
    {
      *next = k + m;
      return TRUE;
    }
  return FALSE;
}

/* Looks ahead in the clause for the 以来 of 自今年3月试点运行以来. */
static guint
find_since_marker (const Scan *s,
                   guint       i)
{
  static const char * const words[] = { "以来", "开始", "至今", NULL };

  for (guint k = i; k < s->n && k < i + 16 && !is_clause_end (s->u[k]); k++)
    {
      guint m = match_any (s, k, words);

      if (m > 0)
        return k + m;
    }
  return 0;
}

static void
set_end (FzPeriodEnd       *e,
         const FzPeriodEnd *year,
         guint              month,
         guint              day)
{
  *e = *year;
  e->month = (guint8) month;
  e->day = (guint8) day;
}

/* What a time phrase has said so far, while it is read from left to right. */
typedef struct
{
  gboolean    until;       /* 截至…: the phrase ends a period */
  gboolean    since;       /* 自…, or a suffix (以来, 起) that leaves the end open */
  gboolean    weak_since;  /* 从… or 自…: a later 以来 or 开始 makes it a start */
  gboolean    have_year;
  gboolean    have_part;   /* a part of a year (上半年) gave the months */
  gboolean    year_only;
  FzPeriodEnd year;
  guint       month;
  guint       month2;
  guint       day;
  guint       day2;
} Phrase;

/* 截至, 自从, 自 and 从 before a date; returns where the date may start. */
static guint
read_opener (const Scan *s,
             guint       i,
             Phrase     *ph)
{
  guint m;

  if ((m = match_any (s, i, until_words)) > 0)
    {
      ph->until = TRUE;
      return i + m;
    }
  if ((m = match (s, i, "自从")) > 0 || (m = match (s, i, "自")) > 0)
    {
      /* 自今年3月试点运行以来: the 以来 may stand a few words later. */
      ph->since = TRUE;
      ph->weak_since = TRUE;
      return i + m;
    }
  if ((m = match (s, i, "从")) > 0)
    {
      ph->weak_since = TRUE;
      return i + m;
    }
  return i;
}

/* 两年来, 半年来, 开展以来: a start stated elsewhere in the text. */
static gboolean
parse_relative (const Scan *s,
                guint       j,
                Expr       *out)
{
  guint k, m;

  if (parse_numeric_since (s, j, &k))
    {
      out->end = k;
      out->flags = EXPR_RELATIVE;
      return TRUE;
    }
  if ((m = match_any (s, j, relative_verbs)) > 0 && match (s, j + m, "以来") > 0)
    {
      out->end = j + m + 2;
      out->flags = EXPR_RELATIVE;
      return TRUE;
    }
  return FALSE;
}

/* 目前, 近日: not a period, but it blocks the ones before it. */
static gboolean
parse_block (const Scan         *s,
             guint               j,
             const char * const *words,
             Expr               *out)
{
  guint m = match_any (s, j, words);

  if (m == 0)
    return FALSE;
  out->end = j + m;
  out->flags = EXPR_BLOCK;
  return TRUE;
}

/* The year at *pos, or the current year when none is written. */
static gboolean
read_year (const Scan *s,
           guint       i,
           guint      *pos,
           Phrase     *ph)
{
  guint k;

  ph->have_year = parse_year (s, *pos, &ph->year, &k);
  if (!ph->have_year)
    {
      memset (&ph->year, 0, sizeof ph->year);
      ph->year.year_kind = FZ_PERIOD_YEAR_CURRENT;
      return TRUE;
    }
  if (ph->year.year_kind == FZ_PERIOD_YEAR_PREVIOUS && !ph->until &&
      ((i > 0 && match_any (s, i - 1, basis_before) == 1) || match_any (s, k, basis_after) > 0))
    return FALSE;
  *pos = k;
  return TRUE;
}

/* 3月, 1月至11月, 5月13日, 5月13日至14日, 3月份, 3月底. */
static gboolean
read_month_day (const Scan *s,
                guint      *pos,
                Phrase     *ph)
{
  guint j, k, m;

  if (!parse_month (s, *pos, &ph->month, &k))
    return FALSE;
  j = k;
  /* 1月至11月 */
  if (j + 1 < s->n && is_range_sep (s->u[j]) && parse_month (s, j + 1, &ph->month2, &k) &&
      ph->month2 > ph->month)
    j = k;
  else if (parse_day (s, j, &ph->day, &k))
    {
      j = k;
      /* 5月13日至14日 */
      if (j + 1 < s->n && is_range_sep (s->u[j]) && parse_day (s, j + 1, &ph->day2, &k) &&
          ph->day2 > ph->day)
        j = k;
    }
  if (match (s, j, "份") > 0)
    j++;
  if (ph->day == 0 && ((m = match (s, j, "底")) > 0 || (m = match (s, j, "末")) > 0 ||
                       (m = match (s, j, "初")) > 0))
    j += m;
  *pos = j;
  return TRUE;
}

/* 1—11月, with the first month's 月 left out. */
static gboolean
read_month_range (const Scan *s,
                  guint      *pos,
                  Phrase     *ph)
{
  guint j = *pos, k;

  if (preceded_by_digit (s, j) || !parse_small (s, j, &ph->month, &k) || ph->month > 12 ||
      k + 1 >= s->n || !is_range_sep (s->u[k]) || !parse_month (s, k + 1, &ph->month2, &k) ||
      ph->month2 <= ph->month)
    return FALSE;
  j = k;
  if (match (s, j, "份") > 0)
    j++;
  *pos = j;
  return TRUE;
}

/* 上半年, 三季度, 年底; with none, a year alone (2023年) is the whole year. */
static gboolean
read_year_part (const Scan *s,
                guint      *pos,
                Phrase     *ph)
{
  guint best = 0, best_part = 0;

  ph->month = 0;
  for (guint p = 0; p < G_N_ELEMENTS (year_parts); p++)
    {
      /* 初, 底 and 末 alone only after a year: 2023年底. */
      const char *w = year_parts[p].word;
      guint m;

      if (!ph->have_year && *g_utf8_next_char (w) == '\0')
        continue;
      m = match (s, *pos, year_parts[p].word);
      if (m > best)
        {
          best = m;
          best_part = p;
        }
    }
  if (best > 0)
    {
      ph->have_part = TRUE;
      ph->month = year_parts[best_part].first;
      ph->month2 = year_parts[best_part].last;
      *pos += best;
      return TRUE;
    }
  if (!ph->have_year)
    return FALSE;
  ph->year_only = TRUE;
  return TRUE;
}

/* Suffixes that open the end: 以来, 起, or a 以来 a few words on after 从 or 自. */
static guint
read_suffix (const Scan *s,
             guint       j,
             Phrase     *ph)
{
  gboolean suffix = FALSE;
  guint k, m;

  if ((m = match_any (s, j, since_words)) > 0)
    {
      /* 来 alone only after a year (今年来), not after a month (3月来电). */
      if (m > 1 || ph->year_only)
        {
          suffix = TRUE;
          j += m;
        }
    }
  else if (match (s, j, "起") > 0 && !ph->year_only)
    {
      suffix = TRUE;
      j++;
    }
  if (!suffix && ph->weak_since && (k = find_since_marker (s, j)) > 0)
    {
      suffix = TRUE;
      j = k;
    }
  /* 从1月份同比增幅…: 从 without 开始 or 以来 names a month, not a start. */
  ph->since = ph->since || suffix;
  return j;
}

/* Turns what was read into the period: a range, an end, or an open start. */
static void
phrase_period (const Phrase *ph,
               Expr         *out)
{
  FzPeriodEnd base_start, base_end;

  if (ph->year_only)
    {
      set_end (&base_start, &ph->year, 1, 0);
      set_end (&base_end, &ph->year, 12, 0);
    }
  else
    {
      set_end (&base_start, &ph->year, ph->month, ph->day);
      set_end (&base_end, &ph->year, ph->month2, ph->day2 ? ph->day2 : ph->day);
    }

  memset (&out->period, 0, sizeof out->period);
  if (ph->until)
    {
      out->period.end = base_end;
      /* 截至今年12月 counts this year; 截至7月15日 is a running total. */
      if (ph->have_year && ph->year.year_kind == FZ_PERIOD_YEAR_CURRENT && !ph->year_only)
        set_end (&out->period.start, &ph->year, 1, 0);
      else if (ph->year_only)
        out->period.end.month = 0;
    }
  else if (ph->since)
    out->period.start = base_start;
  else if (ph->year_only && ph->year.year_kind == FZ_PERIOD_YEAR_CURRENT)
    /* 今年, in a report of the current year: so far. */
    out->period.start = base_start;
  else
    {
      out->period.start = base_start;
      out->period.end = base_end;
      if (ph->day != 0)
        out->flags |= EXPR_DAY;
    }
}

/* Tries to read a time phrase at @i. */
static gboolean
parse_expr (const Scan *s,
            guint       i,
            Expr       *out)
{
  Phrase ph;
  guint j;

  memset (out, 0, sizeof *out);
  memset (&ph, 0, sizeof ph);
  out->start = i;

  j = read_opener (s, i, &ph);
  /* 截至目前 */
  if (ph.until && parse_block (s, j, now_words, out))
    return TRUE;
  if (!ph.until && !ph.since && !ph.weak_since &&
      (parse_relative (s, j, out) || parse_block (s, j, block_words, out)))
    return TRUE;

  if (!read_year (s, i, &j, &ph))
    return FALSE;
  if (!read_month_day (s, &j, &ph) && !read_month_range (s, &j, &ph) &&
      !read_year_part (s, &j, &ph))
    return FALSE;
  if (ph.month2 == 0 && !ph.have_part)
    ph.month2 = ph.month;
  j = read_suffix (s, j, &ph);

  phrase_period (&ph, out);
  if (!fz_period_is_valid (&out->period))
    return FALSE;
  out->end = j;
  return TRUE;
}

/* ---- layout --------------------------------------------------------------- */

/* A line of text with no clause punctuation: a headline or a byline. */
static gboolean
line_is_heading (const gunichar *all,
                 guint           line_start,
                 guint           line_end)
{
  guint len = 0;

  for (guint k = line_start; k < line_end; k++)
    {
      if (is_clause_end (all[k]) || all[k] == 0x3001)
        return FALSE;
      if (!g_unichar_isspace (all[k]))
        len++;
    }
  return len > 0 && len <= 40;
}

/* Whether the white space all[ws_start, ws_end) ends a paragraph. PDF text breaks
 * lines inside sentences, even with blank lines, so a break needs a sentence end
 * or a headline before it. */
static gboolean
is_paragraph_break (const gunichar *all,
                    guint           n_all,
                    guint           ws_start,
                    guint           ws_end)
{
  guint newlines = 0, k, line_start;

  for (k = ws_start; k < ws_end; k++)
    if (all[k] == '\n' || all[k] == 0x2029 || all[k] == 0x2028)
      newlines++;
  if (newlines == 0 || ws_start == 0 || ws_end >= n_all)
    return newlines > 0;
  k = ws_start;
  while (k > 0 && is_closer (all[k - 1]))
    k--;
  if (k > 0 && is_sentence_end (all[k - 1]))
    return TRUE;
  if (newlines < 2)
    return FALSE;
  if (all[ws_end] == '#')
    return TRUE;
  line_start = ws_start;
  while (line_start > 0 && all[line_start - 1] != '\n')
    line_start--;
  return line_is_heading (all, line_start, ws_start);
}

static void
scan_init (Scan       *s,
           const char *text,
           gsize       len)
{
  g_autofree gunichar *all = NULL;
  guint n_all, i = 0, para = 0;

  all = fz_charset_to_ucs4 (text, len, FALSE, &n_all);
  s->u = g_new (gunichar, n_all + 1);
  s->para = g_new0 (guint, n_all + 1);
  s->to_compact = g_new (guint, n_all + 1);
  s->n_orig = n_all;
  s->n = 0;
  while (i < n_all)
    {
      if (g_unichar_isspace (all[i]) || all[i] == 0xFEFF)
        {
          guint j = i;

          while (j < n_all && (g_unichar_isspace (all[j]) || all[j] == 0xFEFF))
            j++;
          for (guint k = i; k < j; k++)
            s->to_compact[k] = s->n;
          if (is_paragraph_break (all, n_all, i, j) && s->n > 0 && s->u[s->n - 1] != PARA)
            {
              s->para[s->n] = para++;
              s->u[s->n++] = PARA;
            }
          i = j;
          continue;
        }
      s->to_compact[i] = s->n;
      s->para[s->n] = para;
      s->u[s->n++] = all[i] == PARA ? 0x2028 : all[i];
      i++;
    }
  s->to_compact[n_all] = s->n;
  s->para[s->n] = para;
  s->exprs = g_array_new (FALSE, FALSE, sizeof (Expr));
}

static void
scan_clear (Scan *s)
{
  g_clear_pointer (&s->u, g_free);
  g_clear_pointer (&s->para, g_free);
  g_clear_pointer (&s->to_compact, g_free);
  g_clear_pointer (&s->clause_start, g_free);
  g_clear_pointer (&s->clause_end, g_free);
  g_clear_pointer (&s->sentence_start, g_free);
  g_clear_pointer (&s->leading, g_free);
  g_clear_pointer (&s->exprs, g_array_unref);
}

/* Clause and sentence bounds of every position, so that finding them costs
 * nothing however long a sentence without punctuation runs. */
static void
scan_bounds (Scan *s)
{
  guint cs = 0, ss = 0;
  gboolean lead = TRUE;

  s->clause_start = g_new (guint, s->n + 1);
  s->clause_end = g_new (guint, s->n + 1);
  s->sentence_start = g_new (guint, s->n + 1);
  s->leading = g_new (gboolean, s->n + 1);
  for (guint i = 0; i < s->n; i++)
    {
      s->clause_start[i] = cs;
      s->sentence_start[i] = ss;
      s->leading[i] = lead;
      if (is_sentence_end (s->u[i]))
        {
          cs = ss = i + 1;
          lead = TRUE;
        }
      else if (is_clause_end (s->u[i]))
        {
          /* Only short clauses (据悉，) may stand before a leading phrase. */
          if (i - cs > SHORT_CLAUSE)
            lead = FALSE;
          cs = i + 1;
        }
    }
  s->clause_start[s->n] = cs;
  s->sentence_start[s->n] = ss;
  s->leading[s->n] = lead;
  s->clause_end[s->n] = s->n;
  for (guint i = s->n; i > 0; i--)
    s->clause_end[i - 1] = is_clause_end (s->u[i - 1]) ? i - 1 : s->clause_end[i];
}

static gboolean
expr_is_standalone (const Scan *s,
                    const Expr *e)
{
  guint cs = s->clause_start[e->start], ce = s->clause_end[MIN (e->end, s->n)];

  return (e->start - cs) + (ce > e->end ? ce - e->end : 0) <= SHORT_CLAUSE;
}

static void
scan_exprs (Scan *s)
{
  guint i = 0;

  while (i < s->n)
    {
      Expr e;

      if (s->u[i] != PARA && parse_expr (s, i, &e) && e.end > i)
        {
          if (s->leading[e.start])
            e.flags |= EXPR_LEADING;
          if (expr_is_standalone (s, &e))
            e.flags |= EXPR_STANDALONE;
          g_array_append_val (s->exprs, e);
          i = e.end;
        }
      else
        i++;
    }
}

/* ---- governing ------------------------------------------------------------ */

/* The index of the last phrase that ends at or before @pos, or -1. */
static gint
last_expr_before (const Scan *s,
                  guint       pos)
{
  gint lo = 0, hi = (gint) s->exprs->len;

  while (lo < hi)
    {
      gint mid = (lo + hi) / 2;

      if (g_array_index (s->exprs, Expr, mid).end <= pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo - 1;
}

/* A relative start takes the start the text stated before it. */
static gboolean
resolve_relative (const Scan *s,
                  gint        idx,
                  guint       bound,
                  FzPeriod   *out)
{
  const Expr *rel = &g_array_index (s->exprs, Expr, idx);
  guint para = s->para[rel->start];

  for (gint k = idx - 1; k >= 0 && k + MAX_LOOKBACK > idx; k--)
    {
      const Expr *e = &g_array_index (s->exprs, Expr, k);

      if (e->start < bound || s->para[e->start] + MAX_PARAGRAPHS_BACK < para)
        break;
      if (e->flags & (EXPR_BLOCK | EXPR_RELATIVE))
        continue;
      if (e->period.start.year_kind == FZ_PERIOD_YEAR_OPEN)
        continue;
      fz_period_clear (out);
      out->start = e->period.start;
      return TRUE;
    }
  return FALSE;
}

static gboolean
take_expr (const Scan *s,
           gint        idx,
           guint       bound,
           FzPeriod   *out)
{
  const Expr *e = &g_array_index (s->exprs, Expr, idx);

  if (e->flags & EXPR_BLOCK)
    return FALSE;
  if (e->flags & EXPR_RELATIVE)
    return resolve_relative (s, idx, bound, out);
  *out = e->period;
  return TRUE;
}

/* The period of a figure at compact [start, end): the clause, then the
 * sentence, then a phrase that leads an earlier sentence of the paragraph. */
static gboolean
find_period (const Scan *s,
             guint       start,
             guint       bound,
             FzPeriod   *out)
{
  guint cs = s->clause_start[start], ss = s->sentence_start[start];
  gint last = last_expr_before (s, start);

  for (gint idx = last; idx >= 0 && idx + MAX_LOOKBACK > last; idx--)
    {
      const Expr *e = &g_array_index (s->exprs, Expr, idx);

      if (e->start < bound)
        return FALSE;
      if (e->start >= cs)
        return take_expr (s, idx, bound, out);
      if (e->start >= ss)
        {
          if (e->flags & (EXPR_LEADING | EXPR_STANDALONE))
            return take_expr (s, idx, bound, out);
          continue;
        }
      if (s->para[e->start] != s->para[start] || s->u[e->start] == PARA)
        return FALSE;
      if (!(e->flags & EXPR_LEADING))
        continue;
      if (e->flags & EXPR_DAY)
        return FALSE;
      return take_expr (s, idx, bound, out);
    }
  return FALSE;
}

static guint
article_bound (const Scan *s,
               GPtrArray  *articles,
               guint32     figure_start)
{
  if (articles == NULL)
    return 0;
  for (guint a = 0; a < articles->len; a++)
    {
      const FzArticle *art = g_ptr_array_index (articles, a);

      if (art != NULL && art->start <= figure_start && figure_start < art->end)
        return s->to_compact[MIN (art->start, s->n_orig)];
    }
  return 0;
}

void
fz_period_assign (const char   *text,
                  gsize         len,
                  FzFigureList *figures,
                  GPtrArray    *articles,
                  const GDate  *doc_date)
{
  Scan s = { 0 };
  guint doc_year = 0;
  g_autoptr(GString) buf = g_string_new (NULL);

  g_return_if_fail (text != NULL || len == 0);
  g_return_if_fail (figures != NULL);

  if (doc_date != NULL && g_date_valid (doc_date))
    doc_year = g_date_get_year (doc_date);
  scan_init (&s, text != NULL ? text : "", text != NULL ? len : 0);
  scan_bounds (&s);
  scan_exprs (&s);

  for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
    {
      FzFigure *f = fz_figure_list_get_mut (figures, i);
      FzPeriod period;
      guint start;

      f->period = 0;
      /* Dates, durations, ordinals and identifiers are not about a stretch of time. */
      if (!fz_kind_is_statistic (f->kind) || f->kind == FZ_KIND_DURATION)
        continue;
      start = s.to_compact[MIN (f->start, s.n_orig)];
      if (!find_period (&s, start, article_bound (&s, articles, f->start), &period) ||
          fz_period_is_empty (&period))
        continue;
      if (doc_year > 1000 && doc_year <= 9999)
        fz_period_resolve (&period, doc_year);
      g_string_truncate (buf, 0);
      fz_period_append (&period, buf);
      f->period = fz_figure_list_intern (figures, buf->str, (gssize) buf->len);
    }
  scan_clear (&s);
}
