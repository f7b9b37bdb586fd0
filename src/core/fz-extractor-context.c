/* fz-extractor-context.c: numbers that are not amounts: identifiers and numerals in set phrases. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-extractor-private.h"

/* Service numbers are identifiers when they stand alone (110, 12345). */
static const gint64 service_numbers[] = {
  110, 119, 120, 122, 12110, 12315, 12321, 12333, 12345, 12348, 12355, 12358, 12365,
  12377, 12381, 12388, 96110,
};

/* What 个, 种 and 大 make of a numeral in slogans: 四个意识, 五种能力. */
static const char * const slogan_nouns[] = {
  "意识", "自信", "维护", "大局", "转变", "代表", "务必", "确保", "坚持", "全面", "必须",
  "能力", "精神", "是", "个", "过程", "重要", "百年", "不", "有利", "方面",
};

/* ------------------------------------------------------------------ */
/* Identifiers                                                          */

/* Identifier text without spaces. */
static void
copy_compact (const Scan *sc,
              gsize       from,
              gsize       to,
              char       *out,
              gsize       size)
{
  gsize o = 0, pos = from;

  while (pos < to && o + 5 < size)
    {
      gunichar c;
      gsize n = fz_text_decode (sc->text + pos, to - pos, &c);

      if (!is_space (c))
        {
          memcpy (out + o, sc->text + pos, n);
          o += n;
        }
      pos += n;
    }
  out[o] = '\0';
}

static gsize
emit_identifier (Scan  *sc,
                 Cand  *c,
                 gsize  from,
                 gsize  to)
{
  c->bstart = from;
  c->bend = to;
  c->kind = FZ_KIND_IDENTIFIER;
  c->unit = "";
  copy_compact (sc, from, to, c->str, sizeof c->str);
  _fz_extractor_emit (sc, c);
  return to;
}

typedef struct
{
  gsize    end;
  gsize    letters;
  gsize    digits;
  gsize    hyphens;
  gsize    upper_lead;   /* capitals before the first non-letter */
  gboolean url;
} AsciiWord;

static gboolean
is_word_byte (guchar b)
{
  return g_ascii_isalnum (b) || b == '-' || b == '_' || b == '.' || b == '@' || b == '/' ||
         b == ':' || b == '?' || b == '=' || b == '&' || b == '#' || b == '~' || b == '%' ||
         b == '+';
}

static void
read_ascii_word (const Scan *sc,
                 gsize       pos,
                 AsciiWord  *aw)
{
  gboolean lead = TRUE;

  memset (aw, 0, sizeof *aw);
  aw->end = pos;
  while (aw->end < sc->len && is_word_byte (sc->text[aw->end]))
    {
      guchar b = sc->text[aw->end];

      if (b == '@' || b == '/' || b == ':')
        aw->url = TRUE;
      if (g_ascii_isalpha (b))
        {
          aw->letters++;
          if (lead && g_ascii_isupper (b))
            aw->upper_lead++;
        }
      else
        {
          if (g_ascii_isdigit (b))
            aw->digits++;
          else if (b == '-')
            aw->hyphens++;
          lead = FALSE;
        }
      aw->end++;
    }
  /* Trailing punctuation is not part of the word. */
  while (aw->end > pos && strchr ("-.:/?&=#_%+~", sc->text[aw->end - 1]) != NULL)
    aw->end--;
}

/* An ASCII word: URLs and e-mail addresses are skipped whole; codes such as
 * CN33-0019 are identifiers. */
gsize
_fz_extractor_ascii_word (Scan  *sc,
                          gsize  pos)
{
  AsciiWord aw;

  read_ascii_word (sc, pos, &aw);
  if (aw.url)
    return aw.end;
  if (aw.upper_lead >= 1 && aw.upper_lead <= 4 && aw.letters == aw.upper_lead && aw.digits > 0 &&
      (aw.hyphens > 0 || aw.digits >= 4))
    {
      Cand c;

      memset (&c, 0, sizeof c);
      emit_identifier (sc, &c, pos, aw.end);
    }
  return aw.end;
}

/* Whether digits @low and @high could be the ends of a range: no leading zero, at most six
 * digits, the low end below the high. */
static gboolean
is_range_of_amounts (const char *low,
                     gsize       n_low,
                     const char *high,
                     gsize       n_high)
{
  guint64 a = 0, b = 0;

  if (n_low > 6 || n_high > 6 || low[0] == '0' || high[0] == '0')
    return FALSE;
  for (gsize i = 0; i < n_low; i++)
    a = a * 10 + (guint64) (low[i] - '0');
  for (gsize i = 0; i < n_high; i++)
    b = b * 10 + (guint64) (high[i] - '0');
  return a < b;
}

/* Digits joined by hyphens (0571-85310548) from @pos, whose first run of
 * digits ends at @digits_end; 0 when they are the ends of a range of amounts. */
gsize
_fz_extractor_hyphen_code (Scan  *sc,
                           gsize  pos,
                           gsize  digits_end)
{
  gsize e2 = digits_end + 1;
  guint hyphens = 1;
  gunichar after;

  while (e2 < sc->len && (g_ascii_isdigit (sc->text[e2]) ||
                          (sc->text[e2] == '-' && e2 + 1 < sc->len &&
                           g_ascii_isdigit (sc->text[e2 + 1]))))
    hyphens += sc->text[e2++] == '-';
  fz_text_decode (sc->text + e2, sc->len - e2, &after);
  /* 5-10万元, 2-3人: two amounts, low to high, before a multiplier or a measure word; a code
   * (31-25, 0571-…) runs otherwise. The caller reads the low end as a range's. */
  if (hyphens == 1 && after >= 0x4E00 && !fz_text_char_in (after, "年月日号") &&
      is_range_of_amounts (sc->text + pos, digits_end - pos, sc->text + digits_end + 1,
                           e2 - digits_end - 1))
    return 0;
  /* 1-11月 is a range of months, not a code. */
  if (!fz_text_char_in (after, "年月日号%元人个名起件次天") &&
      !(after < 0x80 && g_ascii_isalpha (after)))
    {
      Cand c;

      memset (&c, 0, sizeof c);
      return emit_identifier (sc, &c, pos, e2);
    }
  return digits_end + 1;
}

/* Page references: 下转2版 and a page after a date are pointers, 今日12版 a count of pages. */
gsize
_fz_extractor_page_reference (Number *num,
                              gsize   sign_len)
{
  const char *text = num->sc->text;
  gsize p = skip_space_back (text, num->start, 0);

  /* …日报》2023年9月18日6版: the page of the day's issue. */
  if (!ends_with_at (text, p, "转") && !ends_with_at (text, p, "接") &&
      !(num->sc->last_kind == FZ_KIND_DATE && num->sc->last_end == p && p > 0))
    return 0;
  num->c.qualifier = FZ_QUALIFIER_EXACT;
  return emit_identifier (num->sc, &num->c, num->start,
                          wend (&num->w, sign_len, num->num_end));
}

/* The window offset after the address part at @at, 0 if none; @last tells
 * whether it was the plain 号. */
static gsize
address_part (const Window *w,
              gsize         at,
              gboolean     *last)
{
  static const char * const parts[] = { "号楼", "号院", "栋", "幢", "单元", "室", "号" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gsize n = wlit (w, at, parts[i]);

      if (n)
        {
          *last = i == G_N_ELEMENTS (parts) - 1;
          return n;
        }
    }
  return 0;
}

/* 1500号2号楼902室, 4栋: returns the window offset after the chain, 0 if none. */
static gsize
address_chain (const Window *w,
               gsize         at,
               gboolean      street_before)
{
  gsize pos = at;
  int n_parts = 0;
  gboolean has_hao_only = TRUE;

  for (;;)
    {
      gboolean hao;
      gsize n = address_part (w, pos, &hao);
      gsize q;

      if (n == 0)
        break;
      /* 号线 is a metro line, 号码 a number. */
      if (hao && (wlit (w, pos + n, "线") || wlit (w, pos + n, "码")))
        break;
      if (!hao)
        has_hao_only = FALSE;
      pos += n;
      n_parts++;
      /* Another numbered part may follow. */
      q = pos;
      while (q < w->n && w->buf[q] >= '0' && w->buf[q] <= '9')
        q++;
      if (q == pos || address_part (w, q, &hao) == 0)
        break;
      pos = q;
    }
  if (n_parts == 0)
    return 0;
  if (has_hao_only && n_parts == 1 && !street_before)
    return 0;
  return pos;
}

/* 1500号2号楼902室 after a street name, or 4栋 anywhere. */
gsize
_fz_extractor_address (Number *num)
{
  gunichar b = char_before (num->sc->text, num->start);
  gsize end = address_chain (&num->w, 0, fz_text_char_in (b, "路街道巷弄村"));

  if (end == 0)
    return 0;
  num->c.qualifier = FZ_QUALIFIER_EXACT;
  return emit_identifier (num->sc, &num->c, num->start, wend (&num->w, end, num->num_end));
}

/* A bare number is an identifier when it is a phone or service number. */
gsize
_fz_extractor_phone (Number *num)
{
  /* phones, and the 16 to 19 digits of bank cards and 18 of identity cards */
  gboolean id = num->v.n_digits >= 7 && num->v.n_digits <= 19;

  for (guint i = 0; !id && i < G_N_ELEMENTS (service_numbers); i++)
    id = num->iv == service_numbers[i];
  if (!id)
    return 0;
  return emit_identifier (num->sc, &num->c, num->start, num->num_end);
}

/* ------------------------------------------------------------------ */
/* Set phrases                                                          */

/* The next few characters of the clause, from @at, hold one of @cues. */
static gboolean
clause_has (const Window       *w,
            gsize               at,
            const char * const *cues,
            guint               n_cues)
{
  int steps = 0;

  while (at < w->n && steps < 12)
    {
      if (is_clause_stop (wchar (w, at)))
        break;
      if (word_follows (w, at, cues, n_cues))
        return TRUE;
      at += g_utf8_skip[(guchar) w->buf[at]];
      steps++;
    }
  return FALSE;
}

/* 一起 is "together" unless a case follows in the clause. */
static gboolean
case_follows (const Window *w,
              gsize         at)
{
  static const char * const cues[] = { "案", "诈骗", "事件", "事故", "纠纷", "警情", "盗窃", "犯罪" };

  return clause_has (w, at, cues, G_N_ELEMENTS (cues));
}

/* 一起 closing an item of a list or a quotation counts a case named just before it
 * (破获诈骗案件一起、抓获…); after a verb it is a slogan's (“发现一起、劝阻一起、少发一案”),
 * whose 案 further on is another item's. */
static gboolean
case_before (const Number *num)
{
  return fz_text_char_in (num->before, "案件情故纷");
}

/* 一个 counts only a gang or a case: 打掉一个为境外诈骗集团提供洗钱的团伙. */
static gboolean
gang_follows (const Window *w,
              gsize         at)
{
  static const char * const cues[] = { "团伙", "集团", "犯罪", "诈骗", "案", "窝点" };

  return clause_has (w, at, cues, G_N_ELEMENTS (cues));
}

/* A lone 一 before a measure word is mostly the article "a": keep it only
 * where it counts something. */
static gboolean
bare_one_counts (const Number *num,
                 const Unit   *u,
                 gsize         after)
{
  if (u->kind == FZ_KIND_DURATION)
    return strcmp (u->word, "个月") == 0 || strcmp (u->word, "整个月") == 0 ||
           strcmp (u->word, "周年") == 0;
  if (strcmp (u->word, "名") == 0 || strcmp (u->word, "位") == 0 || strcmp (u->word, "支") == 0)
    return TRUE;
  if (strcmp (u->word, "起") == 0)
    return !fz_text_char_in (num->before, "在和与跟同带到") &&
           (fz_text_char_in (wchar (&num->w, after), "、”」』") ? case_before (num)
                                                               : case_follows (&num->w, after));
  if (strcmp (u->word, "个") == 0)
    return gang_follows (&num->w, after);
  return FALSE;
}

/* Slogans and fixed names built from Chinese numerals: 四个意识, 一类,
 * 千家万户. @after is the window offset after the unit @u. */
gboolean
_fz_extractor_in_set_phrase (Number     *num,
                             const Unit *u,
                             gsize       after)
{
  const char *text = num->sc->text;
  gunichar next = wchar (&num->w, after);

  if ((strcmp (u->word, "个") == 0 || strcmp (u->word, "种") == 0) &&
      (fz_numeral_digit_value (next) >= 0 ||
       word_follows (&num->w, after, slogan_nouns, G_N_ELEMENTS (slogan_nouns))))
    return TRUE;
  if (num->bare_one && !bare_one_counts (num, u, after))
    return TRUE;
  if (strcmp (u->word, "类") == 0 && num->v.mantissa == 1)
    return TRUE;
  /* 千家万户, 千方百计: two bare round numbers make an idiom. */
  if (num->bare_unit &&
      (fz_text_char_in (next, "万百千") ||
       fz_text_char_in (char_before (text, utf8_prev (text, num->start)), "万百千")))
    return TRUE;
  /* 损失金额（万元）, 单位：万元: a table's unit, not an amount. */
  if (num->bare_unit)
    {
      gunichar before = char_before (text, num->start);

      if (before == 0xFF08 /* （ */ || before == '(' || before == '[' || before == 0x3010 /* 【 */ ||
          ends_with_at (text, num->start, "单位：") || ends_with_at (text, num->start, "单位:") ||
          ends_with_at (text, num->start, "单位为"))
        return TRUE;
    }
  return FALSE;
}
