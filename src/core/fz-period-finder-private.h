/* fz-period-finder-private.h: compact text, phrases and helpers shared by the period finder. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-period-finder.h"
#include "fz-period.h"
#include "fz-text-private.h"
#include "fz-search-private.h"

G_BEGIN_DECLS

/* Stands in the compact text where a paragraph ends. */
#define PARA 0x2029

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
/* Heads its clause (；全年发布…): it governs the later clauses of its sentence too. */
#define EXPR_CLAUSE_HEAD (1 << 5)
/* 目前, 截至目前: the time of the report, which a phrase leading the sentence still governs. */
#define EXPR_NOW       (1 << 6)
/* Writes no year (3月, 全年, 1-7月): it takes the year of the phrase before it that does. */
#define EXPR_NO_YEAR   (1 << 7)
/* Stands in a clause that founds or starts something (2016年2月，组建…中心): the start a
 * relative phrase (一年来) refers to. */
#define EXPR_FOUNDING  (1 << 8)
/* 全年: the whole of the year the text last named, however far back in the article. */
#define EXPR_WHOLE_YEAR (1 << 9)
/* 5月8日，市政府召开发布会：a day when the text was reported, not a stretch of the figures. */
#define EXPR_REPORTED  (1 << 10)
/* 当天, 当日: the day the text named last. */
#define EXPR_THAT_DAY  (1 << 11)
/* 本月: in a monthly bulletin, the month it was published. */
#define EXPR_THIS_MONTH (1 << 12)
/* 从去年的3.2%降至0.04%, 较2022年的2689起: the year of a change's old value, which governs that
 * value alone. */
#define EXPR_OLD_VALUE (1 << 13)
/* 本月以来: the month is a start, the end left open. */
#define EXPR_SINCE     (1 << 14)
/* 上月, 上个月: the month before the one it was published in. */
#define EXPR_LAST_MONTH (1 << 15)
/* 当月, 全月: the month the text named last. */
#define EXPR_THAT_MONTH (1 << 16)
/* 同期 alone (法院同期审结…): the stretch the text named last. */
#define EXPR_THAT_STRETCH (1 << 17)
/* The words that block yet stand for a period of the text's or of the bulletin's own. */
#define EXPR_RESOLVES  (EXPR_THIS_MONTH | EXPR_LAST_MONTH | EXPR_THAT_DAY | EXPR_THAT_MONTH | \
                        EXPR_THAT_STRETCH)

typedef struct
{
  guint    start;   /* compact indices, end exclusive */
  guint    end;
  guint    flags;
  guint    para;    /* the paragraph it stands in */
  guint8   years;   /* 三年来: how many years back its start lies, else 0 */
  FzPeriod period;
} Expr;

/* A character that ends a clause (PARA, 。, ，…), with the bounds of the text after it. */
typedef struct
{
  guint    pos;
  guint    sentence_start;
  guint    para;
  gboolean leading;   /* only short clauses stand after the start of its sentence */
} Mark;

/* A run of white space the compact text leaves out (it may keep a PARA for it). */
typedef struct
{
  guint orig_start;     /* original code points, end exclusive */
  guint orig_end;
  guint compact_at;     /* where the run stands in the compact text: its PARA, if any */
  guint compact_after;  /* the compact index of the character after the run */
} Gap;

/* Clause and sentence bounds and paragraphs are read off the marks, and the maps between
 * original and compact indices off the gaps: a few of each in a page, where arrays filled at
 * every character cost more than the text's characters themselves. */
typedef struct
{
  gunichar *u;          /* the text without white space; PARA between paragraphs */
  guint     n;
  guint     n_orig;
  Mark     *marks;      /* in text order */
  guint     n_marks;
  Gap      *gaps;       /* in text order */
  guint     n_gaps;
  guint    *starts;     /* the places whose character starts a word, in text order */
  guint     n_starts;
  GArray   *exprs;      /* Expr, in text order */
  guint     doc_month;  /* the month the document was published, 0 when unknown */
} Scan;

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

/* ---- characters ---------------------------------------------------------- */

/* These run at every position of the text: inline, so splitting the files costs nothing. */

/* Switches, which compile to a few comparisons where a chain of them costs one per mark. */
static inline gboolean
is_sentence_end (gunichar c)
{
  switch (c)
    {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case '!':
    case '?':
    case 0x2026: /* … */
    case PARA:
      return TRUE;
    default:
      return FALSE;
    }
}

static inline gboolean
is_clause_end (gunichar c)
{
  switch (c)
    {
    case 0xFF0C: /* ， */
    case ',':
    case 0xFF1B: /* ； */
    case ';':
    case 0xFF1A: /* ： */
    case ':':
      return TRUE;
    default:
      return is_sentence_end (c);
    }
}

static inline gboolean
is_range_sep (gunichar c)
{
  return c == 0x2014 || c == 0x2013 || c == '-' || c == 0xFF0D || c == '~' || c == 0xFF5E ||
         c == 0x81F3 /* 至 */ || c == 0x5230 /* 到 */ || c == 0x2015;
}


/* ---- matching on the compact text ----------------------------------------- */

/* The number of characters of @word when it stands at @i, else 0.  Compared on code points,
 * so that the text needs no UTF-8 copy; most words fail at their first character. */
static inline guint
match (const Scan *s,
       guint       i,
       const char *word)
{
  const char *w = word;
  guint n = 0;

  while (*w != '\0')
    {
      if (i + n >= s->n || fz_text_next_char (&w) != s->u[i + n])
        return 0;
      n++;
    }
  return n;
}

/* A list of words with a bit for each first character (folded to 4096), set at its first
 * use and only read after: most places start none of the words, and one test says so. */
#define WORD_LIST_MAX 32

typedef struct
{
  const char * const *words;  /* NULL-terminated, at most WORD_LIST_MAX */
  gsize               ready;
  guint64             first[64];
  gunichar            starts[WORD_LIST_MAX];  /* the first character of each word */
} WordList;

/* At file scope (a compound literal elsewhere is not constant):
 * static WordList since_words = WORD_LIST ("以来", "至今"); */
#define WORD_LIST(...) { (const char * const []) { __VA_ARGS__, NULL }, 0, { 0 }, { 0 } }

/* fz-period-finder-scan.c */
void     _fz_period_word_list_init          (WordList   *list);

static inline void
word_list_ready (WordList *list)
{
  if (g_once_init_enter (&list->ready))
    {
      _fz_period_word_list_init (list);
      g_once_init_leave (&list->ready, 1);
    }
}

/* Whether a word of @list, made ready, may start with @c. */
static inline gboolean
word_list_has_first (const WordList *list,
                     gunichar        c)
{
  return (list->first[(c & 4095) >> 6] & (G_GUINT64_CONSTANT (1) << (c & 63))) != 0;
}

static inline gboolean
word_list_may_start (WordList *list,
                     gunichar  c)
{
  word_list_ready (list);
  return word_list_has_first (list, c);
}

/* fz-period-finder-scan.c: match_any () past its first test */
guint    _fz_period_match_words             (const Scan     *s,
                                             guint           i,
                                             const WordList *list);

/* The length of the first of @words that stands at @i, 0 when none does.  Only the test of
 * the first character is inline: it is all that most places need. */
static inline guint
match_any (const Scan *s,
           guint       i,
           WordList   *list)
{
  if (i >= s->n || !word_list_may_start (list, s->u[i]))
    return 0;
  return _fz_period_match_words (s, i, list);
}

static inline gboolean
preceded_by_digit (const Scan *s,
                   guint       i)
{
  return i > 0 && (fz_text_digit_value (s->u[i - 1]) >= 0 || s->u[i - 1] == '.' ||
                   fz_text_cn_digit_value (s->u[i - 1]) >= 0 || s->u[i - 1] == 0x5341 /* 十 */);
}

/* fz-period-finder-phrase-date.c: the dates inside a phrase */
gboolean _fz_period_phrase_parse_small      (const Scan *s,
                                             guint       i,
                                             guint      *value,
                                             guint      *next);
/* Whether the word at @i follows 比, 较, 与 … : it names the basis of a change (比去年, 较上月),
 * not a time. */
gboolean _fz_period_phrase_after_basis_word (const Scan *s,
                                             guint       i);
gboolean _fz_period_phrase_basis_after      (const Scan *s,
                                             guint       k);
guint    _fz_period_phrase_day_at           (const Scan *s,
                                             guint       i,
                                             guint      *next);
gboolean _fz_period_phrase_read_year        (const Scan *s,
                                             guint       i,
                                             guint      *pos,
                                             Phrase     *ph);
gboolean _fz_period_phrase_read_month_day   (const Scan *s,
                                             guint      *pos,
                                             Phrase     *ph);
gboolean _fz_period_phrase_read_month_range (const Scan *s,
                                             guint      *pos,
                                             Phrase     *ph);
gboolean _fz_period_phrase_read_year_part   (const Scan *s,
                                             guint      *pos,
                                             Phrase     *ph);

/* ---- the places a phrase may start ------------------------------------------ */

/* fz-period-finder-gate.c: for each character, whether a phrase may start with it, and
 * what must follow */
typedef struct _StartTable StartTable;

static inline gboolean
is_numeral (gunichar c)
{
  return fz_text_digit_value (c) >= 0 || fz_text_cn_digit_value (c) >= 0 || c == 0x5341 /* 十 */;
}

/* fz-period-finder-gate.c: a phrase may start with @word (a word of one character, 自, is
 * followed by a date) */
void     _fz_period_start_add_word          (StartTable         *table,
                                             const char         *word);
void     _fz_period_start_add_words         (StartTable         *table,
                                             const char * const *words);
/* Each of @words, followed by @suffix (开展以来). */
void     _fz_period_start_add_words_before  (StartTable         *table,
                                             const char * const *words,
                                             const char         *suffix);
/* @first followed by any numeral (前4个月). */
void     _fz_period_start_add_numerals_after (StartTable        *table,
                                              gunichar           first);
const StartTable *_fz_period_start_table    (void);
/* is_numeral (@c), as the table tells it. */
gboolean          _fz_period_start_is_numeral (gunichar c);
/* For each character of the plane, not 0 when a word starts with it. */
const guint8     *_fz_period_start_firsts   (void);
/* The next of the noted places, from the @k-th and at or after @from, where a phrase may
 * start; s->n when none. */
guint    _fz_period_next_start              (const StartTable   *table,
                                             const Scan         *s,
                                             guint              *k,
                                             guint               from);

/* fz-period-finder-phrase-date.c: the first characters of its words */
void     _fz_period_phrase_date_add_starts  (StartTable *table);

/* fz-period-finder-phrase.c: the words every phrase may start with, so that the scan tries a
 * phrase only where one may start */
void     _fz_period_phrase_add_starts       (StartTable *table);

/* Tests set this to try a phrase at every position, to check that the gate loses none. */
extern gboolean _fz_period_finder_try_everywhere;

/* fz-period-finder-phrase.c: one time phrase */
gboolean _fz_period_phrase_parse            (const Scan *s,
                                             guint       i,
                                             Expr       *out);

/* ---- bounds, paragraphs and positions ----------------------------------------- */

/* The index of the last mark before @pos, or -1. */
static inline gint
scan_mark_before (const Scan *s,
                  guint       pos)
{
  return (gint) _fz_search_first_from (s->marks, sizeof (Mark), G_STRUCT_OFFSET (Mark, pos),
                                       s->n_marks, pos) - 1;
}

/* The position of the first mark from the @m-th on at or after @pos, s->n when none. */
static inline guint
scan_clause_end_from (const Scan *s,
                      guint       m,
                      guint       pos)
{
  while (m < s->n_marks && s->marks[m].pos < pos)
    m++;
  return m < s->n_marks ? s->marks[m].pos : s->n;
}

static inline guint
scan_clause_start (const Scan *s,
                   guint       pos)
{
  gint m = scan_mark_before (s, pos);

  return m < 0 ? 0 : s->marks[m].pos + 1;
}

/* The clause end at or after @pos, s->n when none. */
static inline guint
scan_clause_end (const Scan *s,
                 guint       pos)
{
  guint m = (guint) (scan_mark_before (s, pos) + 1);

  return m < s->n_marks ? s->marks[m].pos : s->n;
}

static inline guint
scan_sentence_start (const Scan *s,
                     guint       pos)
{
  gint m = scan_mark_before (s, pos);

  return m < 0 ? 0 : s->marks[m].sentence_start;
}

/* fz-period-finder-text.c: the compact index of the original code point @orig (of the next
 * kept character when white space stands there), and back */
guint    _fz_period_scan_to_compact         (const Scan *s,
                                             guint       orig);
guint    _fz_period_scan_to_orig            (const Scan *s,
                                             guint       pos);
/* The same as _fz_period_scan_to_compact () for positions that mostly grow from one call to
 * the next: @hint, 0 at first, keeps where the last one stood among the gaps. */
guint    _fz_period_scan_to_compact_near    (const Scan *s,
                                             guint       orig,
                                             guint      *hint);

/* fz-period-finder-text.c: the compact text */
void     _fz_period_finder_scan_init        (Scan       *s,
                                             const char *text,
                                             gsize       len);
/* The same from the text's characters (@all, NUL-terminated, the caller's). */
void     _fz_period_finder_scan_init_chars  (Scan           *s,
                                             const gunichar *all,
                                             guint           n_all);
void     _fz_period_finder_scan_clear       (Scan       *s);

/* fz-period-finder-scan.c: the phrases of the compact text */
void     _fz_period_finder_scan_exprs       (Scan       *s);

G_END_DECLS
