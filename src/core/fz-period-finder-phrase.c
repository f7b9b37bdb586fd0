/* fz-period-finder-phrase.c: reads one time phrase (今年以来, 截至7月15日, 开展以来, 目前) into a period. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-period-finder-private.h"

#include <string.h>

static WordList since_words = WORD_LIST ("以来", "至今", "开始", "来");
static WordList until_words = WORD_LIST ("截至到", "截止到", "截至", "截止");
static WordList now_words = WORD_LIST ("目前", "当前", "现在", "今天", "今日", "发稿", "此时", "当下");
static WordList block_words = WORD_LIST (
  "目前", "如今", "当前", "现在", "至今", "近日", "日前", "近期", "最近", "上个月", "上月",
  "本月", "当月", "全月", "今天", "今日", "昨天", "昨日", "当天", "当日", "近年来", "近年",
  "多年来", "同期",
  "近几年", "此前", "期间"
);
static WordList relative_verbs = WORD_LIST (
  "开展", "开通", "运行", "上线", "成立", "实施", "启动", "建立", "推行", "试点", "建成",
  "投用", "使用", "部署", "设立", "组建", "创建", "推广", "挂牌", "揭牌"
);

/* @years: how many years back the start lies, 0 when not a whole number of years. */
static gboolean
parse_numeric_since (const Scan *s,
                     guint       i,
                     guint      *next,
                     guint      *years)
{
  guint v = 0, k, m;

  *years = 0;
  if (match (s, i, "半年来") > 0)
    {
      *next = i + 3;
      return TRUE;
    }
  if (preceded_by_digit (s, i) || !_fz_period_phrase_parse_small (s, i, &v, &k))
    {
      /* 两年来 is not read by _fz_period_phrase_parse_small (), which keeps 两 for counts. */
      if (i < s->n && s->u[i] == 0x4E24 && !preceded_by_digit (s, i))
        {
          k = i + 1;
          v = 2;
        }
      else
        return FALSE;
    }
  if ((m = match (s, k, "年来")) > 0 || (m = match (s, k, "多年来")) > 0)
    {
      *next = k + m;
      *years = v;
      return TRUE;
    }
  if ((m = match (s, k, "个月来")) > 0)
    {
      *next = k + m;
      return TRUE;
    }
  return FALSE;
}

static WordList since_markers = WORD_LIST ("以来", "开始", "至今");

/* Looks ahead in the clause for the 以来 of 自今年3月试点运行以来. */
static guint
find_since_marker (const Scan *s,
                   guint       i)
{
  for (guint k = i; k < s->n && k < i + 16 && !is_clause_end (s->u[k]); k++)
    {
      guint m = match_any (s, k, &since_markers);

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

/* 截至, 自从, 自 and 从 before a date; returns where the date may start. */
static guint
read_opener (const Scan *s,
             guint       i,
             Phrase     *ph)
{
  guint m;

  if ((m = match_any (s, i, &until_words)) > 0)
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
  guint k, m, years;

  if (parse_numeric_since (s, j, &k, &years))
    {
      out->end = k;
      out->flags = EXPR_RELATIVE;
      out->years = (guint8) MIN (years, G_MAXUINT8);
      return TRUE;
    }
  if ((m = match_any (s, j, &relative_verbs)) > 0 && match (s, j + m, "以来") > 0)
    {
      out->end = j + m + 2;
      out->flags = EXPR_RELATIVE;
      return TRUE;
    }
  return FALSE;
}

/* 目前, 近日: not a period, but it blocks the ones before it. */
static gboolean
parse_block (const Scan *s,
             guint       j,
             WordList   *words,
             Expr       *out)
{
  guint m = match_any (s, j, words);

  if (m == 0)
    return FALSE;
  out->end = j + m;
  out->flags = EXPR_BLOCK;
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

  if ((m = match_any (s, j, &since_words)) > 0)
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

void
_fz_period_phrase_add_starts (StartTable *table)
{
  /* The words read at the start that no table above holds: the openers of read_opener (),
   * parse_numeric_since ()'s and parse_year ()'s words; then the numerals of years, months
   * and days. A word added elsewhere must be added here, or its phrases are not tried.
   * since_words and now_words are read only after another word: no phrase starts with one. */
  static const char * const inline_words[] = {
    "自从", "自", "从", "半年来", "今年", "本年", "去年", "上年",
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    "０", "１", "２", "３", "４", "５", "６", "７", "８", "９",
    "〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", NULL
  };

  _fz_period_start_add_words (table, inline_words);
  _fz_period_start_add_words (table, until_words.words);
  _fz_period_start_add_words (table, block_words.words);
  /* parse_relative (): a verb starts a phrase only before 以来 */
  _fz_period_start_add_words_before (table, relative_verbs.words, "以来");
  _fz_period_phrase_date_add_starts (table);
}

/* 2018年10月15日至2019年底: a range whose second end writes its own year ends there. */
static void
read_range_end (const Scan *s,
                Expr       *out)
{
  Phrase year;
  Expr second;
  guint k = out->end + 1;

  memset (&year, 0, sizeof year);
  if (out->end + 1 >= s->n || !is_range_sep (s->u[out->end]) ||
      !_fz_period_phrase_read_year (s, k, &k, &year))
    return;
  /* 2023年1月至2024年6月; with no year on either side, days of one year (11月27日至12月3日). */
  if (!year.have_year &&
      (!(out->flags & EXPR_NO_YEAR) || !(out->flags & EXPR_DAY)))
    return;
  if (!_fz_period_phrase_parse (s, out->end + 1, &second) ||
      (second.flags & (EXPR_BLOCK | EXPR_RELATIVE)) ||
      second.period.end.year_kind == FZ_PERIOD_YEAR_OPEN ||
      (!year.have_year && (!(second.flags & EXPR_DAY) || second.period.end.month == 0 ||
                           second.period.end.month < out->period.start.month)))
    return;
  out->period.end = second.period.end;
  out->flags &= ~EXPR_DAY;
  out->end = second.end;
}

/* 2023.10.15, 2023-10-15, 2023/10/16: a day written in digits, the same sign twice and no
 * more digits or point after it (not 2023.10.15.1, a version). */
static gboolean
read_numeric_date (const Scan *s,
                   guint      *pos,
                   Phrase     *ph)
{
  guint k = *pos, year = 0, month, day;
  gint d;
  gunichar sep;

  if (preceded_by_digit (s, k))
    return FALSE;
  for (; k < s->n && k - *pos < 4 && (d = fz_text_digit_value (s->u[k])) >= 0; k++)
    year = year * 10 + (guint) d;
  if (k - *pos != 4 || year < 1949 || year > 2100 || k >= s->n)
    return FALSE;
  sep = s->u[k];
  if ((sep != '.' && sep != '-' && sep != '/') ||
      !_fz_period_phrase_parse_small (s, k + 1, &month, &k) || month > 12 ||
      k >= s->n || s->u[k] != sep ||
      !_fz_period_phrase_parse_small (s, k + 1, &day, &k))
    return FALSE;
  if (k < s->n && (fz_text_digit_value (s->u[k]) >= 0 || s->u[k] == '.' || s->u[k] == sep))
    return FALSE;
  ph->have_year = TRUE;
  memset (&ph->year, 0, sizeof ph->year);
  ph->year.year_kind = FZ_PERIOD_YEAR_ABSOLUTE;
  ph->year.year = (guint16) year;
  ph->month = month;
  ph->day = day;
  *pos = k;
  return TRUE;
}

/* Tries to read a time phrase at @i. */
gboolean
_fz_period_phrase_parse (const Scan *s,
                         guint       i,
                         Expr       *out)
{
  Phrase ph;
  guint j;
  gboolean opened;

  memset (out, 0, sizeof *out);
  memset (&ph, 0, sizeof ph);
  out->start = i;

  j = read_opener (s, i, &ph);
  opened = j != i;
  /* 截至目前 */
  if (ph.until && parse_block (s, j, &now_words, out))
    {
      out->flags |= EXPR_NOW;
      return TRUE;
    }
  /* 比上月增加3000万元 in a 4月份 sentence: 上月 is the basis of the change, as 去年 is in
   * 比去年, and the figure keeps the sentence's month. */
  if (j == i && (match (s, i, "上月") > 0 || match (s, i, "上个月") > 0) &&
      _fz_period_phrase_after_basis_word (s, i))
    return FALSE;
  if (!ph.until && !ph.since && !ph.weak_since &&
      (parse_relative (s, j, out) || parse_block (s, j, &block_words, out)))
    {
      if ((out->flags & EXPR_BLOCK) && match_any (s, i, &now_words) > 0)
        out->flags |= EXPR_NOW;
      if ((out->flags & EXPR_BLOCK) && (match (s, i, "当天") > 0 || match (s, i, "当日") > 0))
        out->flags |= EXPR_THAT_DAY;
      if ((out->flags & EXPR_BLOCK) && (match (s, i, "当月") > 0 || match (s, i, "全月") > 0))
        out->flags |= EXPR_THAT_MONTH;
      /* 同期 after a time or a word of comparison (去年同期, 与同期相比) is a basis */
      if ((out->flags & EXPR_BLOCK) && match (s, i, "同期") > 0)
        {
          if (i > 0 && fz_text_char_in (s->u[i - 1], "年月期季度比较与和同前上"))
            return FALSE;
          out->flags |= EXPR_THAT_STRETCH;
        }
      /* 上月，全市发案…: the month before the bulletin's, once its date is known */
      if ((out->flags & EXPR_BLOCK) && (match (s, i, "上月") > 0 || match (s, i, "上个月") > 0))
        out->flags |= EXPR_LAST_MONTH;
      if ((out->flags & EXPR_BLOCK) && match (s, i, "本月") > 0)
        {
          guint k, day = _fz_period_phrase_day_at (s, out->end, &k), m;

          /* 本月20日开始: a day of the month */
          if (day != 0)
            {
              out->period.start.day = (guint8) day;
              out->end = k;
            }
          m = match_any (s, out->end, &since_markers);
          out->flags |= EXPR_THIS_MONTH;
          if (day != 0 && m == 0)
            out->flags |= EXPR_DAY;
          if (m > 0)
            {
              out->flags |= EXPR_SINCE;
              out->end += m;
            }
        }
      return TRUE;
    }

  /* 本月以来，…，截至24日: a day alone, in a bulletin of a known month, is of that month */
  if (ph.until && s->doc_month != 0)
    {
      guint k, day = _fz_period_phrase_day_at (s, j, &k);

      if (day != 0)
        {
          out->period.end.year_kind = FZ_PERIOD_YEAR_CURRENT;
          out->period.end.month = (guint8) s->doc_month;
          out->period.end.day = (guint8) day;
          out->end = k;
          return fz_period_is_valid (&out->period);
        }
    }
  if (read_numeric_date (s, &j, &ph))
    ;
  else if (!_fz_period_phrase_read_year (s, i, &j, &ph))
    return FALSE;
  else if (!_fz_period_phrase_read_month_day (s, &j, &ph) &&
           !_fz_period_phrase_read_month_range (s, &j, &ph) &&
           !_fz_period_phrase_read_year_part (s, &j, &ph))
    return FALSE;
  if (ph.month2 == 0 && !ph.have_part)
    ph.month2 = ph.month;
  j = read_suffix (s, j, &ph);
  /* 较年初增长56%, 比2023年增加, 与2023年同期相比: the time a change is measured from, not the
   * period of the figure; so is 较第二季度, read from its 二. */
  if (!ph.until && !ph.since && !opened && i > 0)
    {
      guint b = i > 1 && s->u[i - 1] == 0x7B2C /* 第 */ ? i - 1 : i;

      /* 较2022年的2689起: the year of the old value, which is that value's period */
      gboolean old_value = j + 1 < s->n && s->u[j] == 0x7684 /* 的 */ &&
                           _fz_period_start_is_numeral (s->u[j + 1]);

      if (((s->u[b - 1] == 0x6BD4 /* 比 */ || s->u[b - 1] == 0x8F83 /* 较 */) && !old_value) ||
          _fz_period_phrase_basis_after (s, j))
        return FALSE;
    }

  phrase_period (&ph, out);
  if (!fz_period_is_valid (&out->period))
    return FALSE;
  if (!ph.have_year)
    out->flags |= EXPR_NO_YEAR;
  if (ph.have_part && ph.month == 1 && ph.month2 == 12)
    out->flags |= EXPR_WHOLE_YEAR;
  out->end = j;
  if (!ph.until && !ph.since)
    read_range_end (s, out);
  return TRUE;
}
