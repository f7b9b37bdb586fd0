/* fz-document-date.c: finds the publication date in a page's masthead or header line, never in a
 * sentence. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-document-date.h"
#include "fz-charset.h"
#include "fz-text-private.h"

#include <string.h>
#include <wchar.h>

/* A masthead stands in the first lines of a page. */
#define TOP_LINES 20
/* Header lines are short; a long line without punctuation is wrapped body text. */
#define MAX_HEADER_CHARS 80

typedef struct
{
  guint start;  /* in the compact line */
  guint end;
  guint year;
  guint month;
  guint day;
} Candidate;

static inline gint
cn_digit_value (gunichar c)
{
  /* The letter O and a circle stand for 〇 in some fonts' mastheads. */
  if (c == 'O' || c == 0x25CB)
    return 0;
  return fz_text_cn_digit_value (c);
}

static gboolean
is_numeric (gunichar c)
{
  return fz_text_digit_value (c) >= 0 || cn_digit_value (c) >= 0 || c == 0x5341 /* 十 */;
}

/* 1 to 31 in Arabic or Chinese numerals. */
static gboolean
parse_small (const gunichar *u,
             guint           n,
             guint           i,
             guint          *value,
             guint          *next)
{
  guint v = 0, k = i;
  gint d;

  if (k < n && fz_text_digit_value (u[k]) >= 0)
    {
      while (k < n && (d = fz_text_digit_value (u[k])) >= 0 && k - i < 2)
        {
          v = v * 10 + (guint) d;
          k++;
        }
      if (k < n && fz_text_digit_value (u[k]) >= 0)
        return FALSE;
    }
  else
    {
      gint tens = 0, units = 0;
      gboolean any = FALSE;

      if (k < n && (d = cn_digit_value (u[k])) > 0)
        {
          units = d;
          k++;
          any = TRUE;
        }
      if (k < n && u[k] == 0x5341 /* 十 */)
        {
          tens = any ? units : 1;
          units = 0;
          k++;
          any = TRUE;
          if (k < n && (d = cn_digit_value (u[k])) > 0)
            {
              units = d;
              k++;
            }
        }
      if (!any)
        return FALSE;
      v = (guint) (tens * 10 + units);
    }
  if (k == i || v == 0 || v > 31)
    return FALSE;
  *value = v;
  *next = k;
  return TRUE;
}

static gboolean
valid_date (guint year,
            guint month,
            guint day)
{
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* 2022年4月25日 or 二〇二二年四月二十五日 at @i. */
static gboolean
parse_cjk_date (const gunichar *u,
                guint           n,
                guint           i,
                Candidate      *c)
{
  guint year = 0, k = i, month, day;
  gboolean arabic = fz_text_digit_value (u[i]) >= 0;

  for (; k < n && k - i < 4; k++)
    {
      gint d = arabic ? fz_text_digit_value (u[k]) : cn_digit_value (u[k]);

      if (d < 0)
        return FALSE;
      year = year * 10 + (guint) d;
    }
  if (k - i != 4 || k >= n || u[k] != 0x5E74 /* 年 */)
    return FALSE;
  k++;
  if (!parse_small (u, n, k, &month, &k) || k >= n || u[k] != 0x6708 /* 月 */)
    return FALSE;
  k++;
  if (!parse_small (u, n, k, &day, &k) || k >= n || (u[k] != 0x65E5 && u[k] != 0x53F7))
    return FALSE;
  k++;
  if (!valid_date (year, month, day))
    return FALSE;
  c->start = i;
  c->end = k;
  c->year = year;
  c->month = month;
  c->day = day;
  return TRUE;
}

/* A time of day (09:12, 20:31:05) at @k: a web page's dateline puts one after the date. */
static gboolean
time_at (const gunichar *u,
         guint           n,
         guint           k)
{
  guint digits = 0;

  while (k < n && fz_text_digit_value (u[k]) >= 0 && digits < 3)
    {
      k++;
      digits++;
    }
  return digits >= 1 && digits <= 2 && k + 2 < n && (u[k] == ':' || u[k] == 0xFF1A) &&
         fz_text_digit_value (u[k + 1]) >= 0 && fz_text_digit_value (u[k + 2]) >= 0;
}

/* The numbers of a date written with separators (04-25 of 2022-04-25, or 26.12 of
 * 26.12.2017) from @k; FALSE unless @count parts of at most two digits stand there. */
static gboolean
read_parts (const gunichar *u,
            guint           n,
            guint          *k,
            guint           count,
            gboolean        lead_sep,
            gunichar       *sep,
            guint          *parts)
{
  for (guint p = 0; p < count; p++)
    {
      guint start, v = 0;

      if (lead_sep || p > 0)
        {
          if (*k >= n || (u[*k] != '-' && u[*k] != '.' && u[*k] != '/' && u[*k] != 0xFF0D &&
                          u[*k] != 0xFF0E))
            return FALSE;
          if (*sep != 0 && u[*k] != *sep)
            return FALSE;
          *sep = u[(*k)++];
        }
      start = *k;
      while (*k < n && fz_text_digit_value (u[*k]) >= 0 && *k - start < 2)
        v = v * 10 + (guint) fz_text_digit_value (u[(*k)++]);
      if (*k == start)
        return FALSE;
      parts[p] = v;
    }
  return TRUE;
}

/* 26.12.2017, the day first, as some sites write their dateline: only with the time after it. */
static gboolean
parse_day_first_date (const gunichar *u,
                      guint           n,
                      guint           i,
                      Candidate      *c)
{
  guint k = i, parts[2], year = 0, start;
  gunichar sep = 0;

  if (!read_parts (u, n, &k, 2, FALSE, &sep, parts) || k >= n || u[k] != sep)
    return FALSE;
  start = ++k;
  while (k < n && fz_text_digit_value (u[k]) >= 0 && k - start < 4)
    year = year * 10 + (guint) fz_text_digit_value (u[k++]);
  if (k - start != 4 || !time_at (u, n, k) || !valid_date (year, parts[1], parts[0]))
    return FALSE;
  c->start = i;
  c->end = k;
  c->year = year;
  c->month = parts[1];
  c->day = parts[0];
  return TRUE;
}

/* 2022-04-25, 2022.04.25, 2022/04/25 at @i. */
static gboolean
parse_numeric_date (const gunichar *u,
                    guint           n,
                    guint           i,
                    Candidate      *c)
{
  guint year = 0, k = i, parts[2];
  gunichar sep = 0;

  for (; k < n && k - i < 4; k++)
    {
      gint d = fz_text_digit_value (u[k]);

      if (d < 0)
        return FALSE;
      year = year * 10 + (guint) d;
    }
  if (k - i != 4 || !read_parts (u, n, &k, 2, TRUE, &sep, parts))
    return FALSE;
  /* 2022.04.251 or 2022-04-25-3 is something else; 2022-04-25 09:12 (the space gone) is a
   * dateline. */
  if (k < n && (fz_text_digit_value (u[k]) >= 0 || u[k] == sep) && !time_at (u, n, k))
    return FALSE;
  if (!valid_date (year, parts[0], parts[1]))
    return FALSE;
  c->start = i;
  c->end = k;
  c->year = year;
  c->month = parts[0];
  c->day = parts[1];
  return TRUE;
}

static gboolean
parse_at (const gunichar *u,
          guint           n,
          guint           i,
          Candidate      *c)
{
  /* Inside a longer number (12022年…) nothing starts here. */
  if (i > 0 && (is_numeric (u[i - 1]) || u[i - 1] == '.' || u[i - 1] == '-'))
    return FALSE;
  return parse_cjk_date (u, n, i, c) || parse_numeric_date (u, n, i, c) ||
         parse_day_first_date (u, n, i, c);
}

gboolean
fz_doc_date_parse (const char *str,
                   gssize      len,
                   GDate      *out)
{
  g_autofree gunichar *u = NULL;
  Candidate c;
  guint n;

  g_return_val_if_fail (out != NULL, FALSE);
  if (str == NULL)
    return FALSE;
  u = fz_charset_to_ucs4 (str, len < 0 ? strlen (str) : (gsize) len, TRUE, &n);
  if (n == 0 || !parse_at (u, n, 0, &c) || c.end != n)
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) c.day, (GDateMonth) c.month, (GDateYear) c.year);
  return TRUE;
}


static gboolean
match (const gunichar *u,
       guint           n,
       guint           i,
       const char     *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p), i++)
    if (i >= n || u[i] != g_utf8_get_char (p))
      return FALSE;
  return TRUE;
}

/* 1 = Monday … 7 = Sunday, as GDateWeekday; 0 when @c is not a weekday name. */
static guint
weekday_value (gunichar c)
{
  static const gunichar names[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D };  /* 一…六 */

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i] == c)
      return i + 1;
  if (c == 0x65E5 /* 日 */ || c == 0x5929 /* 天 */)
    return 7;
  return 0;
}

/* Looks for the marks of a page header outside the date itself. Returns
 * FALSE when a weekday is named that the date does not fall on. */
static gboolean
header_marks (const gunichar  *u,
              guint            n,
              const Candidate *c,
              gboolean        *marked)
{
  static const char * const marks[] = {
    "版", "期", "农历", "日报", "晚报", "出版", "报社",
    /* a web page's dateline: 来源:…, 发布时间:…, 日期:…, 记者 王某 2020-06-18 */
    "来源", "来自", "发布", "时间", "日期", "作者", "记者", "编辑", "稿源", NULL
  };
  GDate date;

  *marked = time_at (u, n, c->end);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) c->day, (GDateMonth) c->month, (GDateYear) c->year);
  for (guint k = 0; k < n; k++)
    {
      guint w = 0;

      if (k >= c->start && k < c->end)
        continue;
      if (match (u, n, k, "星期") || match (u, n, k, "礼拜"))
        w = k + 2 < n ? weekday_value (u[k + 2]) : 0;
      else if (u[k] == 0x5468 /* 周 */ && k + 1 < n)
        w = weekday_value (u[k + 1]);
      if (w != 0)
        {
          if (w != (guint) g_date_get_weekday (&date))
            return FALSE;
          *marked = TRUE;
        }
      for (guint m = 0; marks[m] != NULL; m++)
        if (match (u, n, k, marks[m]))
          *marked = TRUE;
    }
  return TRUE;
}

static gboolean
in_word (gunichar    c,
         const char *chars)
{
  for (const char *p = chars; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

/* In a header the date stands between names, numbers and marks; in wrapped
 * body text it stands between words (于2022年4月25日开展…). */
static gboolean
bordered_like_header (const gunichar  *u,
                      guint            n,
                      const Candidate *c)
{
  /* A date with its time of day is a timestamp, whatever stands before it (记者 王某 …). */
  if (time_at (u, n, c->end))
    return TRUE;
  /* …日报 2020-06-18, 来源：新华网 2024年11月15日, 新华社 …: an outlet's name before it. */
  if (c->start > 0 && fz_text_is_han (u[c->start - 1]) &&
      !in_word (u[c->start - 1], "报期版刊号间网社台"))
    return FALSE;
  /* 2020-08-26 来源：…, 2020-06-18 作者… */
  if (c->end < n && fz_text_is_han (u[c->end]) && !in_word (u[c->end], "星周礼农第出今来发作记编稿"))
    return FALSE;
  return TRUE;
}

/* The lines are found with wmemchr (), on the characters as they are. */
G_STATIC_ASSERT (sizeof (wchar_t) == sizeof (gunichar));

/* A line of the page: its characters [start, end), without the '\n'. */
typedef struct
{
  guint start;
  guint end;
} Line;

/* The line that starts at @start, which is within the text. */
static Line
line_at (const gunichar *chars,
         guint           n,
         guint           start)
{
  /* The empty lines between paragraphs need no search. */
  if (chars[start] == '\n')
    return (Line) { start, start };

  /* The C library's search reads the text many characters at a time: most of a page is lines
   * that are only passed over. */
  const wchar_t *nl = wmemchr ((const wchar_t *) chars + start, L'\n', n - start);

  return (Line) { start, nl != NULL ? (guint) (nl - (const wchar_t *) chars) : n };
}

/* White space as g_ascii_isspace () tells it of the line's bytes. */
static gboolean
line_is_blank (const gunichar *chars,
               const Line     *line)
{
  for (guint k = line->start; k < line->end; k++)
    if (chars[k] >= 0x80 || !g_ascii_isspace ((gchar) chars[k]))
      return FALSE;
  return TRUE;
}

/* A bit for each of , ; ! ? in ASCII, and for each of ， ； ！ ？ from U+FF00. */
#define ASCII_MARKS ((G_GUINT64_CONSTANT (1) << ',') | (G_GUINT64_CONSTANT (1) << ';') | \
                     (G_GUINT64_CONSTANT (1) << '!') | (G_GUINT64_CONSTANT (1) << '?'))
#define WIDE_MARKS ((G_GUINT64_CONSTANT (1) << 0x0C) | (G_GUINT64_CONSTANT (1) << 0x1B) | \
                    (G_GUINT64_CONSTANT (1) << 0x01) | (G_GUINT64_CONSTANT (1) << 0x1F))

/* The first mark of a sentence (， 。 ； ！ ？ 、 “ ” , ; ! ?) or '\n' from @k to the end of
 * the text, whose NUL stops the search: no test of a bound for each character. @n_chars if
 * none. */
static inline guint
next_mark_or_newline_to_end (const gunichar *chars,
                             guint           k,
                             guint           n_chars)
{
  for (;; k++)
    {
      gunichar c = chars[k];

      if (c - 0x3003 < 0xFF01 - 0x3003)
        continue;
      if (c < 64 ? ((ASCII_MARKS | (G_GUINT64_CONSTANT (1) << '\n') | 1) >> c) & 1
          : c - 0xFF00 < 64 ? (WIDE_MARKS >> (c - 0xFF00)) & 1
          : c == 0x3002 || c == 0x3001 || c == 0x201C || c == 0x201D)
        {
          /* A NUL inside the text is any other character. */
          if (c == 0 && k < n_chars)
            continue;
          return MIN (k, n_chars);
        }
    }
}

/* Whether the line holds a mark of a sentence; most lines of a page hold one early. A line
 * holds no '\n', so the first mark or break from its start is inside it when it has one. */
static gboolean
line_has_sentence_mark (const gunichar *chars,
                        guint           n,
                        const Line     *line)
{
  return next_mark_or_newline_to_end (chars, line->start, n) < line->end;
}

/* Whether the lines around a date alone on its line @line leave it outside a sentence: a body
 * wrapped in narrow columns puts a date alone on a line too, between the two halves of its
 * sentence.  @prev is the line before it, if @line is not the first. */
static gboolean
stands_apart (const gunichar *chars,
              guint           n,
              const Line     *prev,
              const Line     *line)
{
  Line next;

  if (line->start == 0 || line_is_blank (chars, prev))
    return TRUE;
  if (line->end + 1 >= n)
    return TRUE;
  next = line_at (chars, n, line->end + 1);
  if (line_is_blank (chars, &next))
    return TRUE;
  return !line_has_sentence_mark (chars, n, prev) && !line_has_sentence_mark (chars, n, &next);
}

/* Whether a date may start with @c: each form starts with a digit. */
static inline gboolean
may_start_date (gunichar c)
{
  /* Past 四 (U+56DB), the last of the Chinese digits but 零, most Han is told by one test. */
  if (c > 0x56DB)
    return c == 0x96F6 /* 零 */ || fz_text_digit_value (c) >= 0;
  return fz_text_digit_value (c) >= 0 || cn_digit_value (c) >= 0;
}

gboolean
fz_doc_date_find (const char *text,
                  gsize       len,
                  GDate      *out)
{
  g_autofree gunichar *chars = NULL;
  guint n;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  chars = fz_charset_to_ucs4 (text != NULL ? text : "", len, FALSE, &n);
  return fz_doc_date_find_chars (chars, n, out);
}

typedef enum
{
  HEADER_DATE_NONE,
  HEADER_DATE_MARKED,   /* with the marks of a header around it (星期一, 来源：, 09:12) */
  HEADER_DATE_ALONE     /* the whole line, which is a header if it stands apart */
} HeaderDate;

/* The whole line is the date in brackets: （2024年7月26日）, [2024-07-26]. */
static gboolean
bracketed (const gunichar  *u,
           guint            n,
           const Candidate *c)
{
  static const gunichar pairs[][2] = {
    { 0xFF08, 0xFF09 }, { '(', ')' }, { 0x3010, 0x3011 }, { '[', ']' }, { 0x3014, 0x3015 },
  };

  if (c->start != 1 || c->end + 1 != n)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (u[0] == pairs[i][0] && u[n - 1] == pairs[i][1])
      return TRUE;
  return FALSE;
}

/* The first date of the line @u (white space left out) and how it stands there. */
static HeaderDate
header_date (const gunichar *u,
             guint           n,
             Candidate      *c)
{
  for (guint k = 0; k < n; k++)
    {
      gboolean marked;

      if (!may_start_date (u[k]) || !parse_at (u, n, k, c))
        continue;
      if (!header_marks (u, n, c, &marked))
        return HEADER_DATE_NONE;
      if (marked && bordered_like_header (u, n, c))
        return HEADER_DATE_MARKED;
      if ((c->start == 0 && c->end == n) || bracketed (u, n, c))
        return HEADER_DATE_ALONE;
      k = c->end - 1;
    }
  return HEADER_DATE_NONE;
}

/* The line @chars without its white space, as a date is read, into @u (room for
 * MAX_HEADER_CHARS + 2: one character more than a header may have, and the NUL); FALSE for a
 * longer line, which is not read further. */
static gboolean
header_line (const gunichar *chars,
             guint           n_chars,
             gunichar       *u,
             guint          *n_out)
{
  guint n = 0;

  for (guint k = 0; k < n_chars && n <= MAX_HEADER_CHARS; k++)
    if (!fz_text_is_left_out (chars[k]))
      u[n++] = chars[k];
  u[n] = 0;
  *n_out = n;
  return n <= MAX_HEADER_CHARS;
}

gboolean
fz_doc_date_find_chars (const gunichar *chars,
                        guint           n_chars,
                        GDate          *out)
{
  Line prev = { 0, 0 }, line;
  guint non_blank = 0;
  Candidate c;

  g_return_val_if_fail (chars != NULL || n_chars == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint start = 0; start < n_chars; start = line.end + 1, prev = line)
    {
      gunichar u[MAX_HEADER_CHARS + 2];
      guint n;

      /* Read up to a mark or the end of the line: a line with a mark is not blank, and only
       * its end is still to find. */
      guint k = next_mark_or_newline_to_end (chars, start, n_chars);

      if (k < n_chars && chars[k] != '\n')
        {
          non_blank++;
          line = line_at (chars, n_chars, k);
          line.start = start;
          continue;
        }
      line = (Line) { start, k };
      if (line_is_blank (chars, &line))
        continue;
      non_blank++;
      if (!header_line (chars + line.start, line.end - line.start, u, &n))
        continue;
      switch (header_date (u, n, &c))
        {
        case HEADER_DATE_MARKED:
          break;
        case HEADER_DATE_ALONE:
          if (non_blank <= TOP_LINES && stands_apart (chars, n_chars, &prev, &line))
            break;
          continue;
        default:
          continue;
        }
      g_date_clear (out, 1);
      g_date_set_dmy (out, (GDateDay) c.day, (GDateMonth) c.month, (GDateYear) c.year);
      return TRUE;
    }
  return FALSE;
}

gboolean
fz_doc_date_is_dateline_chars (const gunichar *chars,
                               guint           n_chars)
{
  gunichar u[MAX_HEADER_CHARS + 2];
  Candidate c;
  guint n;

  return header_line (chars, n_chars, u, &n) && header_date (u, n, &c) == HEADER_DATE_MARKED;
}

gboolean
fz_doc_date_is_dateline (const char *line,
                         gsize       len)
{
  g_autofree gunichar *chars = NULL;
  guint n;

  g_return_val_if_fail (line != NULL || len == 0, FALSE);
  if (len == 0 || len > 4 * MAX_HEADER_CHARS)
    return FALSE;
  chars = fz_charset_to_ucs4 (line, len, FALSE, &n);
  return fz_doc_date_is_dateline_chars (chars, n);
}
