/* fz-extractor-private.h: scan state and helpers shared by the extractor's source files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "fz-extractor.h"
#include "fz-numeral.h"
#include "fz-text-private.h"

G_BEGIN_DECLS

#define WIN_MAX 64

/* The text after a number with layout white space taken out, so that
 * "127 余 场 次" and "21\n\n个" read as one word; src maps back to the text. */
typedef struct
{
  char    buf[WIN_MAX + 1];
  guint32 src[WIN_MAX + 1];
  gsize   n;
} Window;

typedef struct
{
  const char   *text;
  gsize         len;
  FzFigureList *list;      /* NULL when only counting */
  gsize         count;
  /* The last date or duration, for ranges such as 5月13日至14日. */
  gsize         last_end;
  int           last_year;
  int           last_month;
  int           last_kind;
  gboolean      last_bare_day;
  /* The month of the last date that named one: a bare day (26日) is a day of it. */
  int           month_seen;
} Scan;

typedef struct
{
  gsize       bstart;
  gsize       bend;
  FzKind      kind;
  FzDecimal   value;
  const char *unit;
  FzQualifier qualifier;
  FzChange    change;
  FzBasis     basis;
  char        str[80];     /* value of dates and identifiers */
} Cand;

typedef struct
{
  const char *word;
  FzKind      kind;
  const char *unit;
} Unit;

/* One number being read: what was written, and how far the words after it
 * have been read. */
typedef struct
{
  Scan      *sc;
  Window     w;
  Cand       c;
  gsize      start;      /* the numeral, not a 第 before it */
  gsize      num_end;
  gsize      at;         /* window bytes read so far */
  FzDecimal  v;          /* as written; c.value takes 万 and 亿 */
  gint64     iv;         /* c.value when it is an integer, else -1 */
  gunichar   before;
  gboolean   chinese;
  gboolean   integer;
  gboolean   bare_one;   /* a lone 一, which is often "a" rather than a count */
  gboolean   bare_unit;  /* a lone 百 or 千, which is often an idiom */
} Number;

/* ------------------------------------------------------------------ */
/* Characters                                                           */

/* Start of the character that ends at @pos. */
static inline gsize
utf8_prev (const char *s,
           gsize       pos)
{
  if (pos == 0)
    return 0;
  pos--;
  while (pos > 0 && ((guchar) s[pos] & 0xC0) == 0x80)
    pos--;
  return pos;
}

static inline gunichar
char_before (const char *s,
             gsize       pos)
{
  gunichar c;
  gsize p;

  if (pos == 0)
    return 0;
  p = utf8_prev (s, pos);
  fz_text_decode (s + p, pos - p, &c);
  return c;
}

/* The character at @pos, 0 at the end of the text. */
static inline gunichar
char_at (const char *s,
         gsize       len,
         gsize       pos)
{
  gunichar c;

  if (pos >= len)
    return 0;
  fz_text_decode (s + pos, len - pos, &c);
  return c;
}

static inline gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0;
}

static inline gboolean
is_clause_stop (gunichar c)
{
  return c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == 0x3002 || c == 0xFF01 ||
         c == '!' || c == 0xFF1F || c == '?' || c == 0xFF1A || c == ':';
}

/* Whether @lit ends exactly at @pos.  Inline, so that strlen() of a
 * literal is folded. */
static inline gboolean
ends_with_at (const char *s,
              gsize       pos,
              const char *lit)
{
  gsize n = strlen (lit);

  return pos >= n && memcmp (s + pos - n, lit, n) == 0;
}

static inline gsize
skip_space_back (const char *s,
                 gsize       pos,
                 gsize       limit)
{
  while (pos > limit)
    {
      gsize p = utf8_prev (s, pos);
      gunichar c;

      fz_text_decode (s + p, pos - p, &c);
      if (!is_space (c))
        break;
      pos = p;
    }
  return pos;
}

/* ------------------------------------------------------------------ */
/* The window after a number                                            */

static inline gsize
wlit (const Window *w,
      gsize         at,
      const char   *lit)
{
  const char *b = w->buf + at;
  gsize n = 0;

  /* The buffer is NUL-terminated, so a byte loop stops at its end. */
  if (at > w->n)
    return 0;
  while (lit[n] != '\0')
    {
      if (b[n] != lit[n])
        return 0;
      n++;
    }
  return n;
}

/* The length of 余, 多 or 餘 ("more than") at @at, 0 when none stands there. */
static inline gsize
wover (const Window *w,
       gsize         at)
{
  gsize n;

  if ((n = wlit (w, at, "余")) || (n = wlit (w, at, "多")) || (n = wlit (w, at, "餘")))
    return n;
  return 0;
}

/* Byte end in the text of the first @at window bytes. */
static inline gsize
wend (const Window *w,
      gsize         at,
      gsize         fallback)
{
  if (at == 0)
    return fallback;
  return w->src[at - 1] + 1;
}

static inline gunichar
wchar (const Window *w,
       gsize         at)
{
  gunichar c;

  if (at >= w->n)
    return 0;
  fz_text_decode (w->buf + at, w->n - at, &c);
  return c;
}

static inline gboolean
word_follows (const Window       *w,
              gsize               at,
              const char * const *words,
              guint               n)
{
  for (guint i = 0; i < n; i++)
    if (wlit (w, at, words[i]))
      return TRUE;
  return FALSE;
}

static inline void
remember (Scan       *sc,
          const Cand *c,
          int         year,
          int         month,
          gboolean    bare_day)
{
  sc->last_end = c->bend;
  sc->last_kind = c->kind;
  sc->last_year = year;
  sc->last_month = month;
  sc->last_bare_day = bare_day;
}

/* ------------------------------------------------------------------ */
/* fz-extractor.c                                                       */

void         _fz_extractor_emit              (Scan        *sc,
                                              const Cand  *c);
gsize        _fz_extractor_prefix_qualifier  (const Scan  *sc,
                                              gsize        start,
                                              gsize        limit,
                                              FzQualifier *q);
gsize        _fz_extractor_suffix_qualifier  (const Window *w,
                                              gsize         at,
                                              Cand         *c);

/* fz-extractor-change.c: percents, multiples, change and basis */

FzChange     _fz_extractor_clause_change     (const Scan  *sc,
                                              gsize        pos);
FzBasis      _fz_extractor_sentence_basis    (const Scan  *sc,
                                              gsize        pos);
gsize        _fz_extractor_sign_before       (const Scan  *sc,
                                              gsize        pos,
                                              gboolean     minus);
void         _fz_extractor_set_change        (const Scan  *sc,
                                              Cand        *c);
/* The change a count or a sum states by the verb before @start (增加93宗), and its basis in
 * @basis; FZ_CHANGE_NONE, @basis left as it is, when no verb stands there. */
FzChange     _fz_extractor_stated_change     (const Scan  *sc,
                                              gsize        start,
                                              FzBasis     *basis);
gsize        _fz_extractor_percent           (Number      *num);
gsize        _fz_extractor_spaced_percent    (Number      *num,
                                              gsize        sign_len);
gsize        _fz_extractor_multiple          (Number      *num,
                                              gsize        sign_len);
gsize        _fz_extractor_fall_to_zero      (Number      *num);

/* fz-extractor-date.c: dates and spans of days */

gsize        _fz_extractor_year_date         (Number      *num,
                                              gsize        year_len);
gsize        _fz_extractor_month_date        (Number      *num,
                                              gsize        month_len);
gsize        _fz_extractor_day               (Number      *num,
                                              gsize        day_len);

/* fz-extractor-numeric-date.c: dates in digits and signs, the first month of a range */

gsize        _fz_extractor_numeric_date      (Scan        *sc,
                                              gsize        pos);
gsize        _fz_extractor_month_range_low   (Scan        *sc,
                                              gsize        pos);
gsize        _fz_extractor_year_range_low    (Scan        *sc,
                                              gsize        pos);

/* fz-extractor-context.c: identifiers, and numerals in set phrases */

gsize        _fz_extractor_ascii_word        (Scan        *sc,
                                              gsize        pos);
gsize        _fz_extractor_hyphen_code       (Scan        *sc,
                                              gsize        pos,
                                              gsize        digits_end);
gsize        _fz_extractor_page_reference    (Number      *num,
                                              gsize        sign_len);
gsize        _fz_extractor_address           (Number      *num);
gsize        _fz_extractor_phone             (Number      *num);
gboolean     _fz_extractor_in_set_phrase     (Number      *num,
                                              const Unit  *u,
                                              gsize        after);

G_END_DECLS
