/* fz-extractor-change.c: percents and multiples, with the change and basis (同比, 环比) around them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-extractor-private.h"

static gboolean
is_sentence_stop (gunichar c)
{
  return c == 0xFF1B || c == ';' || c == 0x3002 || c == 0xFF01 || c == '!' || c == 0xFF1F ||
         c == '?';
}

/* The nearest change word before @pos in the same clause. */
FzChange
_fz_extractor_clause_change (const Scan *sc,
                             gsize       pos)
{
  static const struct { const char *cue; FzChange ch; } cues[] = {
    { "负增长", FZ_CHANGE_DOWN },
    { "持平", FZ_CHANGE_FLAT },
    { "上升", FZ_CHANGE_UP }, { "增长", FZ_CHANGE_UP }, { "增加", FZ_CHANGE_UP },
    { "提高", FZ_CHANGE_UP }, { "提升", FZ_CHANGE_UP }, { "增幅", FZ_CHANGE_UP },
    { "上涨", FZ_CHANGE_UP }, { "升幅", FZ_CHANGE_UP }, { "增", FZ_CHANGE_UP },
    { "下降", FZ_CHANGE_DOWN }, { "减少", FZ_CHANGE_DOWN }, { "降幅", FZ_CHANGE_DOWN },
    { "降低", FZ_CHANGE_DOWN }, { "下跌", FZ_CHANGE_DOWN }, { "下滑", FZ_CHANGE_DOWN },
    { "回落", FZ_CHANGE_DOWN }, { "减", FZ_CHANGE_DOWN }, { "降", FZ_CHANGE_DOWN },
  };
  int steps = 0;
  gboolean only_copula = TRUE, crossed = FALSE;

  while (pos > 0 && steps < 40)
    {
      gsize p = utf8_prev (sc->text, pos);
      gunichar c;

      fz_text_decode (sc->text + p, pos - p, &c);
      /* 增加3,221宗或12.7%: the comma of a number's thousands ends no clause */
      if (is_clause_stop (c) &&
          !(c == ',' && p > 0 && g_ascii_isdigit (sc->text[p - 1]) &&
            g_ascii_isdigit (sc->text[pos])))
        {
          /* 降幅最大，达到36.2%: a clause of only a copula goes on with the one before. */
          if (!only_copula || crossed || steps == 0)
            break;
          crossed = TRUE;
          pos = p;
          steps++;
          continue;
        }
      only_copula = only_copula && fz_text_char_in (c, "达到为是高");
      for (guint i = 0; i < G_N_ELEMENTS (cues); i++)
        if (ends_with_at (sc->text, pos, cues[i].cue))
          return cues[i].ch;
      pos = p;
      steps++;
    }
  return FZ_CHANGE_NONE;
}

/* The words that name what a change is measured against: 同比 and its longer forms (比去年同期,
 * 较上年), Hong Kong's 按年 and 按月, and 环比. 按年 and 按月 also mean yearly and monthly
 * (按月统计): they count only with the change's verb right after them (按年上升). */
static const struct { const char *word; FzBasis basis; gboolean verb_next; } basis_words[] = {
  { "同比", FZ_BASIS_YOY, FALSE }, { "环比", FZ_BASIS_MOM, FALSE },
  { "去年同期", FZ_BASIS_YOY, FALSE }, { "上年同期", FZ_BASIS_YOY, FALSE },
  { "比去年", FZ_BASIS_YOY, FALSE }, { "较去年", FZ_BASIS_YOY, FALSE },
  { "比上年", FZ_BASIS_YOY, FALSE }, { "较上年", FZ_BASIS_YOY, FALSE },
  { "比上月", FZ_BASIS_MOM, FALSE }, { "较上月", FZ_BASIS_MOM, FALSE },
  { "按年", FZ_BASIS_YOY, TRUE }, { "按月", FZ_BASIS_MOM, TRUE },
};

static gboolean
change_verb_at (const Scan *sc,
                gsize       pos)
{
  return fz_text_char_in (char_at (sc->text, sc->len, pos), "上下增减升跌降");
}

/* 比增, 比降: 同比 cut short, as statistical reports write it; not 环比, 相比 or 对比 cut, nor
 * a share or a ratio that rises or falls (占比降至35%, 之比增大). */
static FzBasis
short_basis_at (const Scan *sc,
                gsize       pos)
{
  gsize at;

  if (ends_with_at (sc->text, pos, "比增") || ends_with_at (sc->text, pos, "比降"))
    at = pos - strlen ("比增");
  else
    return FZ_BASIS_NONE;
  if (at == 0 || fz_text_char_in (char_before (sc->text, at), "同环相对占之正反"))
    return FZ_BASIS_NONE;
  return FZ_BASIS_YOY;
}

/* The basis words anywhere before @pos in the sentence, the nearest first: 同比 often opens a
 * list of changes separated by commas. */
FzBasis
_fz_extractor_sentence_basis (const Scan *sc,
                              gsize       pos)
{
  int steps = 0;

  while (pos > 0 && steps < 80)
    {
      gsize p = utf8_prev (sc->text, pos);
      gunichar c;
      FzBasis basis;

      fz_text_decode (sc->text + p, pos - p, &c);
      if (is_sentence_stop (c))
        break;
      /* Each word ends in one of these: most characters need no comparison. */
      if (c != 0x6BD4 /* 比 */ && c != 0x671F /* 期 */ && c != 0x5E74 /* 年 */ &&
          c != 0x6708 /* 月 */ && c != 0x589E /* 增 */ && c != 0x964D /* 降 */)
        {
          pos = p;
          steps++;
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (basis_words); i++)
        if (ends_with_at (sc->text, pos, basis_words[i].word) &&
            (!basis_words[i].verb_next || change_verb_at (sc, pos)))
          return basis_words[i].basis;
      if ((basis = short_basis_at (sc, pos)) != FZ_BASIS_NONE)
        return basis;
      pos = p;
      steps++;
    }
  return FZ_BASIS_NONE;
}

/* 比上年同期多破案件86起, 较去年少发30起: 多 or 少 right after the words of a basis, a few
 * words before the count in its clause. In a list after the basis (同比多破50起、少发30起) the
 * nearest item's own 多 or 少 tells the way. */
static FzChange
more_than_basis (const Scan *sc,
                 gsize       pos,
                 FzBasis    *out)
{
  const guchar *t = (const guchar *) sc->text;
  gsize from = pos > 36 ? pos - 36 : 0, k;

  /* Most counts have neither word in the dozen characters before them: a look at the bytes
   * tells (多 is E5 A4 9A, 少 E5 B0 91), before any walk. */
  for (k = from; k + 2 < pos; k++)
    if (t[k] == 0xE5 && ((t[k + 1] == 0xA4 && t[k + 2] == 0x9A) ||
                         (t[k + 1] == 0xB0 && t[k + 2] == 0x91)))
      break;
  if (k + 2 >= pos)
    return FZ_CHANGE_NONE;
  gunichar way = 0;

  for (int steps = 0; pos > 0 && steps < 16; steps++)
    {
      gsize p = utf8_prev (sc->text, pos);
      gunichar c;

      fz_text_decode (sc->text + p, pos - p, &c);
      if (is_clause_stop (c))
        break;
      if (c == 0x591A /* 多 */ || c == 0x5C11 /* 少 */)
        {
          if (way == 0 && char_before (sc->text, p) == 0x3001 /* 、 */)
            way = c;
          for (guint i = 0; i < G_N_ELEMENTS (basis_words); i++)
            if (!basis_words[i].verb_next && ends_with_at (sc->text, p, basis_words[i].word))
              {
                *out = basis_words[i].basis;
                if (way == 0)
                  way = c;
                return way == 0x591A ? FZ_CHANGE_UP : FZ_CHANGE_DOWN;
              }
        }
      pos = p;
    }
  return FZ_CHANGE_NONE;
}

/* 比去年同期增加93宗, 上升33宗, 减少了5起: a count or a sum stated as a change, its verb right
 * before it. Not 减少损失20万元, where the sum is what was saved, nor 至少 or 最多. */
FzChange
_fz_extractor_stated_change (const Scan *sc,
                             gsize       start,
                             FzBasis    *basis)
{
  static const struct { const char *verb; FzChange change; } verbs[] = {
    { "增加", FZ_CHANGE_UP }, { "增长", FZ_CHANGE_UP }, { "上升", FZ_CHANGE_UP },
    { "减少", FZ_CHANGE_DOWN }, { "下降", FZ_CHANGE_DOWN },
  };
  gsize pos = skip_space_back (sc->text, start, 0);
  gunichar last = char_before (sc->text, pos);

  if (last == 0x4E86 /* 了 */)
    {
      pos -= strlen ("了");
      last = char_before (sc->text, pos);
    }
  /* Every figure asks: one character tells most that no verb ends here. */
  if (last != 0x52A0 /* 加 */ && last != 0x957F /* 长 */ && last != 0x5347 /* 升 */ &&
      last != 0x5C11 /* 少 */ && last != 0x964D /* 降 */)
    return more_than_basis (sc, pos, basis);
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (ends_with_at (sc->text, pos, verbs[i].verb))
      {
        *basis = _fz_extractor_sentence_basis (sc, pos);
        return verbs[i].change;
      }
  return FZ_CHANGE_NONE;
}

/* 发案数↓25.3%, as posts and slides write a change: the arrow right before the number (a
 * caption's arrow leads its line, pointing at a picture). */
static FzChange
arrow_before (const Scan *sc,
              gsize       start)
{
  gunichar c = char_before (sc->text, skip_space_back (sc->text, start, 0));

  return c == 0x2191 /* ↑ */ ? FZ_CHANGE_UP : c == 0x2193 /* ↓ */ ? FZ_CHANGE_DOWN
                                                                 : FZ_CHANGE_NONE;
}

/* Where a sign right before @pos begins, or @pos: a minus (-5, −5, 同比-22.2%) with @minus,
 * else a plus (同比+3.2%, a table's ＋5%); not a sign between digits, letters or codes (1+1,
 * C++, A-5, 0571-8531). */
gsize
_fz_extractor_sign_before (const Scan *sc,
                           gsize       pos,
                           gboolean    minus)
{
  gsize p = utf8_prev (sc->text, pos);
  gunichar c, b;

  if (pos == 0 || p < sc->last_end)
    return pos;
  fz_text_decode (sc->text + p, pos - p, &c);
  if (minus ? c != '-' && c != 0x2212 && c != 0xFF0D : c != '+' && c != 0xFF0B)
    return pos;
  b = char_before (sc->text, p);
  if ((b != 0 && b < 0x80 && (g_ascii_isalnum (b) || strchr ("-+./_", (int) b) != NULL)) ||
      fz_text_digit_value (b) >= 0 || b == 0x2212 || b == 0xFF0D || b == 0xFF0B)
    return pos;
  return p;
}

/* A basis only means something for a change. */
void
_fz_extractor_set_change (const Scan *sc,
                          Cand       *c)
{
  if (c->change == FZ_CHANGE_NONE)
    c->change = _fz_extractor_clause_change (sc, c->bstart);
  if (c->change == FZ_CHANGE_NONE)
    c->change = arrow_before (sc, c->bstart);
  /* 同比+3.2% states a rise as 同比-22.2% states a fall, the sign part of the figure. */
  if (c->change == FZ_CHANGE_NONE && c->value.mantissa > 0)
    {
      gsize plus = _fz_extractor_sign_before (sc, c->bstart, FALSE);

      if (plus != c->bstart && _fz_extractor_sentence_basis (sc, plus) != FZ_BASIS_NONE)
        {
          c->bstart = plus;
          c->change = FZ_CHANGE_UP;
        }
    }
  /* 同比-22.2% and 同比负5% state a fall: the value stays 22.2, as in 同比下降22.2%. */
  if (c->value.mantissa < 0 && (c->change != FZ_CHANGE_NONE ||
                                _fz_extractor_sentence_basis (sc, c->bstart) != FZ_BASIS_NONE))
    {
      c->value.mantissa = -c->value.mantissa;
      c->change = FZ_CHANGE_DOWN;
    }
  if (c->change != FZ_CHANGE_NONE)
    c->basis = _fz_extractor_sentence_basis (sc, c->bstart);
}

/* A numeral that is a percent by itself: 43.26%, 百分之五十, 三成, 零增长. */
gsize
_fz_extractor_percent (Number *num)
{
  Scan *sc = num->sc;
  Cand *c = &num->c;
  gsize at;

  c->kind = FZ_KIND_PERCENT;
  c->unit = "%";
  if (num->v.flags & FZ_NUMERAL_FLAT)
    c->change = FZ_CHANGE_FLAT;
  c->bend = num->num_end;
  at = _fz_extractor_suffix_qualifier (&num->w, 0, c);
  c->bend = wend (&num->w, at, num->num_end);
  c->bstart = _fz_extractor_prefix_qualifier (sc, num->start, sc->last_end, &c->qualifier);
  if (c->change == FZ_CHANGE_FLAT)
    c->basis = _fz_extractor_sentence_basis (sc, c->bstart);
  else
    _fz_extractor_set_change (sc, c);
  _fz_extractor_emit (sc, c);
  return c->bend;
}

/* A percent sign after white space, which the numeral parser does not read. */
gsize
_fz_extractor_spaced_percent (Number *num,
                              gsize   sign_len)
{
  Scan *sc = num->sc;
  Cand *c = &num->c;
  gsize at;

  c->kind = FZ_KIND_PERCENT;
  c->unit = "%";
  at = _fz_extractor_suffix_qualifier (&num->w, num->at + sign_len, c);
  c->bend = wend (&num->w, at, num->num_end);
  c->bstart = _fz_extractor_prefix_qualifier (sc, num->start, sc->last_end, &c->qualifier);
  _fz_extractor_set_change (sc, c);
  _fz_extractor_emit (sc, c);
  return c->bend;
}

/* Multiples: 上升5.3倍 is 530% more, 是去年的2倍 a ratio of 200%. */
gsize
_fz_extractor_multiple (Number *num,
                        gsize   sign_len)
{
  Scan *sc = num->sc;
  Cand *c = &num->c;
  FzChange ch = _fz_extractor_clause_change (sc, num->start);
  gsize n, at = num->at + sign_len;

  if (!fz_decimal_mul_pow10 (&c->value, 2))
    return num->num_end;
  c->kind = FZ_KIND_PERCENT;
  c->unit = "%";
  /* 增长一倍多: more than doubled */
  if ((n = wover (&num->w, at)))
    {
      c->qualifier = FZ_QUALIFIER_OVER;
      at += n;
    }
  c->bend = wend (&num->w, at, num->num_end);
  if (ch == FZ_CHANGE_UP)
    {
      c->change = ch;
      c->basis = _fz_extractor_sentence_basis (sc, num->start);
    }
  _fz_extractor_emit (sc, c);
  return c->bend;
}

/* 下降为零: a lone 零 after 为 counts only when the clause says it fell. */
gsize
_fz_extractor_fall_to_zero (Number *num)
{
  Cand *c = &num->c;

  if (_fz_extractor_clause_change (num->sc, num->start) != FZ_CHANGE_DOWN)
    return num->num_end;
  c->kind = FZ_KIND_COUNT;
  c->unit = "";
  c->change = FZ_CHANGE_DOWN;
  c->bend = num->num_end;
  _fz_extractor_emit (num->sc, c);
  return num->num_end;
}
