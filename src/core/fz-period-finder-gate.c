/* fz-period-finder-gate.c: the places a time phrase may start, tested before one is read. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-period-finder-private.h"

/* What the first character of a phrase asks of the next ones. */
enum
{
  START_NO = 0,       /* no phrase starts with it */
  START_OPENER,       /* 自, 从: a date follows, whose first character starts a word */
  START_NUMERAL,      /* 3月, 2023年, 十二月, 两年来 */
  START_WORD,         /* from here, the first two or three characters must be a word's; */
  START_WORD_LAST = 255 /* the value less START_WORD picks the character's seconds */
};

/* Bits for the first two characters of words of two, and the first three of longer words,
 * hashed: a false hit only costs a parse. */
#define START_HASH_BITS (1u << 16)

struct _StartTable
{
  guint8  first[0x10000];  /* START_*, for each character of the Basic Multilingual Plane */
  /* For each first character of words, a bit for each second character, folded to 64: most
   * places with the first character of a word fail this one test. The last stands for every
   * character past the room, with all its bits set. */
  guint64 seconds[START_WORD_LAST - START_WORD + 1];
  guint   n_seconds;
  guint64 pairs[START_HASH_BITS / 64];
  guint64 triples[START_HASH_BITS / 64];
};

gboolean _fz_period_finder_try_everywhere = FALSE;

static inline guint
pair_hash (gunichar a,
           gunichar b)
{
  return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA6Bu)) >> 16;
}

static inline guint
triple_hash (gunichar a,
             gunichar b,
             gunichar c)
{
  return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA6Bu) ^ (c * 0xC2B2AE35u)) >> 16;
}

static inline void
set_bit (guint64 *bits,
         guint    h)
{
  bits[h / 64] |= G_GUINT64_CONSTANT (1) << (h % 64);
}

static inline gboolean
has_bit (const guint64 *bits,
         guint          h)
{
  return (bits[h / 64] & (G_GUINT64_CONSTANT (1) << (h % 64))) != 0;
}

void
_fz_period_start_add_word (StartTable *table,
                           const char *word)
{
  gunichar c[3] = { 0, 0, 0 };
  guint n = 0;

  for (const char *p = word; *p != '\0' && n < 3; p = g_utf8_next_char (p))
    c[n++] = g_utf8_get_char (p);
  /* No word starts past the plane; may_start () says so of such a character. */
  if (c[0] >= 0x10000)
    return;
  if (is_numeral (c[0]))
    table->first[c[0]] = START_NUMERAL;
  else if (n == 1)
    table->first[c[0]] = START_OPENER;
  else if (table->first[c[0]] == START_NO)
    table->first[c[0]] = (guint8) (START_WORD + MIN (table->n_seconds++,
                                                     START_WORD_LAST - START_WORD));
  if (table->first[c[0]] >= START_WORD)
    {
      guint64 *seconds = &table->seconds[table->first[c[0]] - START_WORD];

      *seconds |= table->first[c[0]] == START_WORD_LAST
                  ? G_MAXUINT64 : G_GUINT64_CONSTANT (1) << (c[1] % 64);
    }
  if (n == 2)
    set_bit (table->pairs, pair_hash (c[0], c[1]));
  else if (n == 3)
    set_bit (table->triples, triple_hash (c[0], c[1], c[2]));
}

void
_fz_period_start_add_words (StartTable         *table,
                            const char * const *words)
{
  for (guint w = 0; words[w] != NULL; w++)
    _fz_period_start_add_word (table, words[w]);
}

void
_fz_period_start_add_words_before (StartTable         *table,
                                   const char * const *words,
                                   const char         *suffix)
{
  for (guint w = 0; words[w] != NULL; w++)
    {
      g_autofree char *word = g_strconcat (words[w], suffix, NULL);

      _fz_period_start_add_word (table, word);
    }
}

void
_fz_period_start_add_numerals_after (StartTable *table,
                                     gunichar    first)
{
  static const char * const numerals[] = {
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    "０", "１", "２", "３", "４", "５", "６", "７", "８", "９",
    "〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", NULL
  };

  for (guint k = 0; numerals[k] != NULL; k++)
    {
      char word[12];
      gint len = g_unichar_to_utf8 (first, word);

      g_strlcpy (word + len, numerals[k], sizeof word - (gsize) len);
      _fz_period_start_add_word (table, word);
    }
}

/* Where a phrase may start, made once for every thread: most characters start none, most
 * that do start one only with the right next characters, and trying a phrase costs a
 * hundred word comparisons. */
const StartTable *
_fz_period_start_table (void)
{
  static StartTable table;
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      _fz_period_phrase_add_starts (&table);
      g_once_init_leave (&ready, 1);
    }
  return &table;
}

/* is_numeral (@c), read off the table: every numeral starts a word of its own (0, 一, 十…),
 * and a word starts as a numeral only with one; a test checks it. */
static inline gboolean
numeral_in (const StartTable *table,
            gunichar          c)
{
  return c < 0x10000 && table->first[c] == START_NUMERAL;
}

gboolean
_fz_period_start_is_numeral (gunichar c)
{
  return numeral_in (_fz_period_start_table (), c);
}

/* A number a date may start with: at most four numerals (2023年, 十二月), then 年, 月, 个月
 * (3个月来), 多年 (10多年来), 季 (一季度), a range (1—11月), a list of months (7、8月份) or
 * the sign of a date in digits (2023.10.15). Inside a number only a part of a year may start
 * (1季度). */
static gboolean
may_start_number (const StartTable *table,
                  const Scan       *s,
                  guint             i)
{
  guint k = i;
  gunichar c;

  /* preceded_by_digit () */
  if (i > 0 && (numeral_in (table, s->u[i - 1]) || s->u[i - 1] == '.'))
    return s->u[i + 1] == 0x5B63 /* 季 */;
  while (k < s->n && k - i <= 4 && numeral_in (table, s->u[k]))
    k++;
  if (k - i > 4)
    return FALSE;
  c = s->u[k];
  /* 2023.10.15, 2023/10/15 */
  if (k - i == 4 && (c == '.' || c == '/') && s->u[k + 1] >= '0' && s->u[k + 1] <= '9')
    return TRUE;
  if (c == 0x4E2A /* 个 */)
    return s->u[k + 1] == 0x6708 /* 月 */;
  if (c == 0x591A /* 多 */)
    return s->u[k + 1] == 0x5E74 /* 年 */;
  /* 7、8月份 */
  if (c == 0x3001 /* 、 */ || c == 0x548C /* 和 */)
    return k - i <= 2 && numeral_in (table, s->u[k + 1]);
  return c == 0x5E74 /* 年 */ || c == 0x6708 /* 月 */ || c == 0x5B63 /* 季 */ || is_range_sep (c);
}

static gboolean
may_start_word (const StartTable *table,
                const Scan       *s,
                guint             i)
{
  gunichar a = s->u[i], b = s->u[i + 1];

  if (has_bit (table->pairs, pair_hash (a, b)))
    return TRUE;
  return i + 1 < s->n && has_bit (table->triples, triple_hash (a, b, s->u[i + 2]));
}

static inline gboolean
may_start (const StartTable *table,
           const Scan       *s,
           guint             i)
{
  gunichar c = s->u[i], next = s->u[i + 1];
  guint kind;

  if (c >= 0x10000)
    return FALSE;
  kind = table->first[c];
  if (kind >= START_WORD)
    return ((table->seconds[kind - START_WORD] >> (next % 64)) & 1) != 0 &&
           may_start_word (table, s, i);
  if (kind == START_NUMERAL)
    return may_start_number (table, s, i);
  if (kind == START_OPENER)
    return next < 0x10000 && table->first[next] != START_NO;
  return FALSE;
}

const guint8 *
_fz_period_start_firsts (void)
{
  return _fz_period_start_table ()->first;
}

guint
_fz_period_next_start (const StartTable *table,
                       const Scan       *s,
                       guint            *k,
                       guint             from)
{
  /* Locals, which the compiler need not reload for fear that *k is one of them. */
  const guint *starts = s->starts;
  guint n_starts = s->n_starts;

  for (guint j = *k; j < n_starts; j++)
    {
      guint i = starts[j];

      if (i >= from && may_start (table, s, i))
        {
          *k = j + 1;
          return i;
        }
    }
  *k = n_starts;
  return s->n;
}
