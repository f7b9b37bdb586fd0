/* fz-period-finder-phrase-date.c: dates in a time phrase: years, months, days, parts of a year. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-period-finder-private.h"

#include <string.h>

/* A number from 1 to 31 in Arabic or Chinese numerals (3, 03, 十二, 二十五). */
gboolean
_fz_period_phrase_parse_small (const Scan *s,
                               guint       i,
                               guint      *value,
                               guint      *next)
{
  guint v = 0, k = i;
  gint d;

  if (k < s->n && fz_text_digit_value (s->u[k]) >= 0)
    {
      while (k < s->n && (d = fz_text_digit_value (s->u[k])) >= 0 && k - i < 2)
        {
          v = v * 10 + (guint) d;
          k++;
        }
      if (k < s->n && fz_text_digit_value (s->u[k]) >= 0)
        return FALSE;
    }
  else
    {
      gint tens = -1, units = -1;

      if (k < s->n && (d = fz_text_cn_digit_value (s->u[k])) > 0 && s->u[k] != 0x4E24)
        {
          units = d;
          k++;
        }
      if (k < s->n && s->u[k] == 0x5341 /* 十 */)
        {
          tens = units < 0 ? 1 : units;
          units = 0;
          k++;
          if (k < s->n && (d = fz_text_cn_digit_value (s->u[k])) > 0 && s->u[k] != 0x4E24)
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

static WordList current_year = WORD_LIST ("今年", "本年");
static WordList previous_year = WORD_LIST ("去年", "上年");

/* A year: 2019年, 二〇二二年, 今年, 去年. */
static gboolean
parse_year (const Scan  *s,
            guint        i,
            FzPeriodEnd *out,
            guint       *next)
{
  guint m, v = 0, k;
  gint d;

  memset (out, 0, sizeof *out);
  if ((m = match_any (s, i, &current_year)) > 0)
    {
      out->year_kind = FZ_PERIOD_YEAR_CURRENT;
      *next = i + m;
      return TRUE;
    }
  if ((m = match_any (s, i, &previous_year)) > 0)
    {
      out->year_kind = FZ_PERIOD_YEAR_PREVIOUS;
      *next = i + m;
      return TRUE;
    }
  if (preceded_by_digit (s, i))
    return FALSE;
  /* 民國113年: Taiwan counts its years from 1912. */
  if (i >= 2 && s->u[i - 2] == 0x6C11 /* 民 */ &&
      (s->u[i - 1] == 0x570B /* 國 */ || s->u[i - 1] == 0x56FD /* 国 */))
    {
      for (k = i; k < s->n && k - i < 3 && fz_text_digit_value (s->u[k]) >= 0; k++)
        v = v * 10 + (guint) fz_text_digit_value (s->u[k]);
      if (k == i || k >= s->n || s->u[k] != 0x5E74 /* 年 */ || v == 0 || v > 200)
        return FALSE;
      out->year_kind = FZ_PERIOD_YEAR_ABSOLUTE;
      out->year = (guint16) (v + 1911);
      *next = k + 1;
      return TRUE;
    }
  for (k = i; k < s->n && k - i < 4; k++)
    {
      d = fz_text_digit_value (s->u[k]);
      if (d < 0)
        d = fz_text_cn_digit_value (s->u[k]);
      if (d < 0 || s->u[k] == 0x4E24)
        return FALSE;
      v = v * 10 + (guint) d;
    }
  if (k - i != 4 || k >= s->n || v < 1000)
    return FALSE;
  out->year_kind = FZ_PERIOD_YEAR_ABSOLUTE;
  out->year = (guint16) v;
  if (s->u[k] == 0x5E74 /* 年 */)
    {
      *next = k + 1;
      return TRUE;
    }
  /* 2019至2021年, 2019-2021年: the first year of a range leaves out its 年; the range is read
   * on from the sign. */
  if (is_range_sep (s->u[k]) && k + 5 < s->n && s->u[k + 5] == 0x5E74 &&
      fz_text_digit_value (s->u[k + 1]) >= 0 && fz_text_digit_value (s->u[k + 4]) >= 0)
    {
      *next = k;
      return TRUE;
    }
  return FALSE;
}

/* A month: 3月, 十二月. */
static gboolean
parse_month (const Scan *s,
             guint       i,
             guint      *month,
             guint      *next)
{
  guint v, k;

  if (preceded_by_digit (s, i) || !_fz_period_phrase_parse_small (s, i, &v, &k) || v > 12)
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

  if (!_fz_period_phrase_parse_small (s, i, &v, &k))
    return FALSE;
  if (k >= s->n || (s->u[k] != 0x65E5 /* 日 */ && s->u[k] != 0x53F7 /* 号 */))
    return FALSE;
  *day = v;
  *next = k + 1;
  return TRUE;
}

/* The day of 本月20日, from @i; 0 when none is written there. */
guint
_fz_period_phrase_day_at (const Scan *s,
                          guint       i,
                          guint      *next)
{
  guint day;

  if (!parse_day (s, i, &day, next) || day < 1 || day > 31)
    return 0;
  return day;
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
  { "年初", 1, 1 }, { "开年", 1, 1 }, { "初", 1, 1 }, { "年底", 12, 12 }, { "年末", 12, 12 },
  { "底", 12, 12 },
  { "末", 12, 12 }, { "全年", 1, 12 },
  { "春季", 3, 5 }, { "夏季", 6, 8 }, { "秋季", 9, 11 }, { "暑期", 7, 8 }, { "暑假", 7, 8 },
  /* Holidays of the calendar, not of the moon's (春节 and 中秋 move from year to year); 国庆
   * with a word of the holiday after it, as it is also a given name (王国庆) */
  { "元旦", 1, 1 }, { "国庆节", 10, 10 }, { "国庆期间", 10, 10 }, { "国庆假期", 10, 10 },
  { "国庆长假", 10, 10 }, { "国庆黄金周", 10, 10 },
  /* Hong Kong and Taiwan: 首季, 首三季, 第三季 */
  { "首季度", 1, 3 }, { "首季", 1, 3 }, { "首半年", 1, 6 }, { "首三季度", 1, 9 },
  { "首三季", 1, 9 }, { "前三季", 1, 9 }, { "第一季", 1, 3 }, { "第二季", 4, 6 },
  { "第三季", 7, 9 }, { "第四季", 10, 12 },
};

/* 比去年, 较去年同期: the basis of a change, not a period. */
static WordList basis_before = WORD_LIST ("比", "较", "与", "同", "跟", "和", "于", "是");
static WordList basis_after = WORD_LIST ("同期", "相比", "同比");

gboolean
_fz_period_phrase_after_basis_word (const Scan *s,
                                    guint       i)
{
  return i > 0 && match_any (s, i - 1, &basis_before) == 1;
}

/* 同期 or 相比 after a time: it is what a change is measured against (与2023年同期相比), where
 * 同比 after it (4月份同比下降) is a change within it. */
gboolean
_fz_period_phrase_basis_after (const Scan *s,
                               guint       k)
{
  return match (s, k, "同期") > 0 || match (s, k, "相比") > 0;
}

void
_fz_period_phrase_date_add_starts (StartTable *table)
{
  /* 初, 底 and 末 alone only follow a year: they start no phrase. */
  for (guint p = 0; p < G_N_ELEMENTS (year_parts); p++)
    if (*g_utf8_next_char (year_parts[p].word) != '\0')
      _fz_period_start_add_word (table, year_parts[p].word);
  /* read_first_months (): 前4个月, 首七個月 */
  _fz_period_start_add_numerals_after (table, 0x524D /* 前 */);
  _fz_period_start_add_numerals_after (table, 0x9996 /* 首 */);
}

/* The first character of each part of a year, and a bit for each in @folded, made once for
 * every thread: most places start none of them, and one test says so before the words are. */
static const gunichar *
year_part_firsts (const guint64 **folded)
{
  static gunichar firsts[G_N_ELEMENTS (year_parts)];
  static guint64 bits[64];
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (guint p = 0; p < G_N_ELEMENTS (year_parts); p++)
        {
          firsts[p] = g_utf8_get_char (year_parts[p].word);
          bits[(firsts[p] & 4095) >> 6] |= G_GUINT64_CONSTANT (1) << (firsts[p] & 63);
        }
      g_once_init_leave (&ready, 1);
    }
  *folded = bits;
  return firsts;
}

/* 前4个月, 前10个月, 前9月, and Hong Kong's 首七個月: the first months of the year. */
static gboolean
read_first_months (const Scan *s,
                   guint      *pos,
                   Phrase     *ph)
{
  guint v, k, m;

  if (*pos >= s->n || (s->u[*pos] != 0x524D /* 前 */ && s->u[*pos] != 0x9996 /* 首 */) ||
      !_fz_period_phrase_parse_small (s, *pos + 1, &v, &k) ||
      v == 0 || v > 12 ||
      ((m = match (s, k, "个月")) == 0 && (m = match (s, k, "個月")) == 0 &&
       (m = match (s, k, "月")) == 0))
    return FALSE;
  ph->have_part = TRUE;
  ph->month = 1;
  ph->month2 = v;
  *pos = k + m;
  return TRUE;
}

/* The year at *pos, or the current year when none is written. */
gboolean
_fz_period_phrase_read_year (const Scan *s,
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
      (_fz_period_phrase_after_basis_word (s, i) || match_any (s, k, &basis_after) > 0))
    return FALSE;
  *pos = k;
  return TRUE;
}

/* Whether the character at @k joins the month @month to a later one: a range's sign, or a
 * list's 、 or 和 between months next to each other (7、8月份 is July and August). */
static gboolean
months_joined (const Scan *s,
               guint       k,
               guint       month)
{
  gunichar c = s->u[k];

  return is_range_sep (c) || ((c == 0x3001 /* 、 */ || c == 0x548C /* 和 */) && month < 12);
}

/* 3月, 1月至11月, 5月13日, 5月13日至14日, 3月份, 3月底, 8月中旬. */
gboolean
_fz_period_phrase_read_month_day (const Scan *s,
                                  guint      *pos,
                                  Phrase     *ph)
{
  guint j, k, m;

  if (!parse_month (s, *pos, &ph->month, &k))
    return FALSE;
  j = k;
  /* 1月至11月, 7月、8月 */
  if (j + 1 < s->n && months_joined (s, j, ph->month) &&
      parse_month (s, j + 1, &ph->month2, &k) && ph->month2 > ph->month &&
      (is_range_sep (s->u[j]) || ph->month2 == ph->month + 1))
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
                       (m = match (s, j, "初")) > 0 || (m = match (s, j, "上旬")) > 0 ||
                       (m = match (s, j, "中旬")) > 0 || (m = match (s, j, "下旬")) > 0))
    j += m;
  *pos = j;
  return TRUE;
}

/* 1—11月, with the first month's 月 left out. */
gboolean
_fz_period_phrase_read_month_range (const Scan *s,
                                    guint      *pos,
                                    Phrase     *ph)
{
  guint j = *pos, k, sep;

  if (preceded_by_digit (s, j) || !_fz_period_phrase_parse_small (s, j, &ph->month, &sep) ||
      ph->month > 12 || sep + 1 >= s->n || !months_joined (s, sep, ph->month) ||
      !parse_month (s, sep + 1, &ph->month2, &k) || ph->month2 <= ph->month ||
      (!is_range_sep (s->u[sep]) && ph->month2 != ph->month + 1))
    return FALSE;
  j = k;
  if (match (s, j, "份") > 0)
    j++;
  *pos = j;
  return TRUE;
}

/* 上半年, 三季度, 年底; with none, a year alone (2023年) is the whole year. */
gboolean
_fz_period_phrase_read_year_part (const Scan *s,
                                  guint      *pos,
                                  Phrase     *ph)
{
  const guint64 *folded;
  const gunichar *firsts = year_part_firsts (&folded);
  guint best = 0, best_part = 0;
  gunichar c;
  gboolean may;

  ph->month = 0;
  if (read_first_months (s, pos, ph))
    return TRUE;
  /* Most places start no part: one bit (of the first characters folded to 4096) says so. */
  c = *pos < s->n ? s->u[*pos] : 0;
  may = *pos < s->n && (folded[(c & 4095) >> 6] & (G_GUINT64_CONSTANT (1) << (c & 63))) != 0;
  for (guint p = 0; may && p < G_N_ELEMENTS (year_parts); p++)
    {
      /* 初, 底 and 末 alone only after a year: 2023年底. */
      const char *w = year_parts[p].word;
      guint m;

      if (firsts[p] != s->u[*pos] || (!ph->have_year && *g_utf8_next_char (w) == '\0'))
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

