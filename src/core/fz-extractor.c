/* fz-extractor.c: one pass over UTF-8 text that finds figures as spec/figures.md defines them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-extractor.h"

#include <string.h>

#include "fz-numeral.h"

/* ------------------------------------------------------------------ */
/* Characters                                                           */

/* Lead-byte classes: most bytes of Chinese text are skipped by one table
 * look-up and, for three-byte characters, one bitmap test. */
enum
{
  LB_SKIP1,
  LB_DIGIT,
  LB_ALPHA,
  LB_SKIP2,
  LB_CJK,
  LB_SKIP4,
};

static guint8 lead_class[256];
static guint32 interest[65536 / 32];
static guint32 follow[65536 / 32];   /* characters that may come right after a number */

static const gunichar trigger_chars[] = {
  0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
  0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0x5EFF, 0x5345,
  0x534A, /* 半 */
  0x7B2C, /* 第 */
  0xFF10, 0xFF11, 0xFF12, 0xFF13, 0xFF14, 0xFF15, 0xFF16, 0xFF17, 0xFF18, 0xFF19,
};

static void
init_tables (void)
{
  for (guint b = 0; b < 256; b++)
    {
      guint8 c = LB_SKIP1;

      if (b >= '0' && b <= '9')
        c = LB_DIGIT;
      else if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'))
        c = LB_ALPHA;
      else if ((b & 0xE0) == 0xC0)
        c = LB_SKIP2;
      else if ((b & 0xF0) == 0xE0)
        c = LB_CJK;
      else if ((b & 0xF8) == 0xF0)
        c = LB_SKIP4;
      lead_class[b] = c;
    }
  for (guint i = 0; i < G_N_ELEMENTS (trigger_chars); i++)
    interest[trigger_chars[i] >> 5] |= 1u << (trigger_chars[i] & 31);
}

static inline gsize
utf8_decode (const char *s,
             gsize       len,
             gunichar   *out)
{
  const guchar *u = (const guchar *) s;

  if (len == 0)
    {
      *out = 0;
      return 0;
    }
  if (u[0] < 0x80)
    {
      *out = u[0];
      return 1;
    }
  if ((u[0] & 0xE0) == 0xC0 && len >= 2)
    {
      *out = ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
      return 2;
    }
  if ((u[0] & 0xF0) == 0xE0 && len >= 3)
    {
      *out = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
      return 3;
    }
  if ((u[0] & 0xF8) == 0xF0 && len >= 4)
    {
      *out = ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
      return 4;
    }
  *out = 0xFFFD;
  return 1;
}

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
  utf8_decode (s + p, pos - p, &c);
  return c;
}

static inline gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0;
}

static inline gboolean
is_ideograph (gunichar c)
{
  return c >= 0x4E00 && c <= 0x9FFF;
}

/* Whether @lit ends exactly at @pos. */
static gboolean
ends_with_at (const char *s,
              gsize       pos,
              const char *lit)
{
  gsize n = strlen (lit);

  return pos >= n && memcmp (s + pos - n, lit, n) == 0;
}

/* UTF-8 is self-synchronizing, so a whole encoded character found in @set
 * is that character. */
static gboolean
char_in (gunichar    c,
         const char *set)
{
  char buf[8];
  int n;

  if (c == 0)
    return FALSE;
  n = g_unichar_to_utf8 (c, buf);
  buf[n] = '\0';
  return strstr (set, buf) != NULL;
}

/* ------------------------------------------------------------------ */
/* The scan                                                             */

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

static void
window_fill (const Scan *sc,
             gsize       from,
             Window     *w)
{
  const guchar *t = (const guchar *) sc->text;
  gsize pos = from;
  int newlines = 0;

  w->n = 0;
  while (pos < sc->len)
    {
      guchar b = t[pos];
      gsize n;

      if (b == ' ' || b == '\n' || b == '\r' || b == '\t')
        {
          if (b == '\n' && ++newlines >= 3)
            break;
          pos++;
          continue;
        }
      if (b == 0xE3 && pos + 2 < sc->len && t[pos + 1] == 0x80 && t[pos + 2] == 0x80)
        {
          pos += 3;   /* U+3000 */
          continue;
        }
      if (b == 0xC2 && pos + 1 < sc->len && t[pos + 1] == 0xA0)
        {
          pos += 2;   /* U+00A0 */
          continue;
        }
      newlines = 0;
      n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      if (w->n + n > WIN_MAX || pos + n > sc->len)
        break;
      for (gsize i = 0; i < n; i++)
        {
          w->buf[w->n] = sc->text[pos + i];
          w->src[w->n] = pos + i;
          w->n++;
        }
      pos += n;
    }
  w->buf[w->n] = '\0';
  w->src[w->n] = pos;
}

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
  utf8_decode (w->buf + at, w->n - at, &c);
  return c;
}

static void
emit (Scan       *sc,
      const Cand *c)
{
  FzFigure *f;
  char buf[48];

  sc->count++;
  sc->last_end = c->bend;
  sc->last_kind = c->kind;
  sc->last_year = 0;
  sc->last_month = 0;
  sc->last_bare_day = FALSE;
  if (sc->list == NULL)
    return;
  f = fz_figure_list_append (sc->list);
  f->byte_start = c->bstart;
  f->byte_end = c->bend;
  f->kind = c->kind;
  f->qualifier = c->qualifier;
  f->change = c->change;
  f->basis = c->basis;
  if (c->kind == FZ_KIND_DATE || c->kind == FZ_KIND_IDENTIFIER)
    f->value = fz_figure_list_intern (sc->list, c->str, -1);
  else
    {
      fz_decimal_format (&c->value, buf, sizeof buf);
      f->value = fz_figure_list_intern (sc->list, buf, -1);
    }
  f->unit = fz_figure_list_intern (sc->list, c->unit, -1);
}

/* ------------------------------------------------------------------ */
/* Context: qualifiers before the number, change and basis in the clause */

static gsize
skip_space_back (const char *s,
                 gsize       pos,
                 gsize       limit)
{
  while (pos > limit)
    {
      gsize p = utf8_prev (s, pos);
      gunichar c;

      utf8_decode (s + p, pos - p, &c);
      if (!is_space (c))
        break;
      pos = p;
    }
  return pos;
}

/* 约 300人, 超 30家, 超过70%: the cue belongs to the span. */
static gsize
prefix_qualifier (const Scan  *sc,
                  gsize        start,
                  gsize        limit,
                  FzQualifier *q)
{
  static const struct { const char *cue; FzQualifier q; const char *not_after; } cues[] = {
    { "超过", FZ_QUALIFIER_OVER, "" },
    { "不足", FZ_QUALIFIER_UNDER, "" },
    { "不到", FZ_QUALIFIER_UNDER, "" },
    { "超", FZ_QUALIFIER_OVER, "高赶" },
    { "逾", FZ_QUALIFIER_OVER, "" },
    { "约", FZ_QUALIFIER_ABOUT, "预签制节公条相违履契" },
    { "近", FZ_QUALIFIER_ABOUT, "最附将接临靠亲" },
  };
  gsize p = skip_space_back (sc->text, start, limit);

  for (guint i = 0; i < G_N_ELEMENTS (cues); i++)
    if (ends_with_at (sc->text, p, cues[i].cue) && p - strlen (cues[i].cue) >= limit)
      {
        gsize cs = p - strlen (cues[i].cue);

        if (*cues[i].not_after && char_in (char_before (sc->text, cs), cues[i].not_after))
          continue;
        *q = cues[i].q;
        return cs;
      }
  return start;
}

static gboolean
is_clause_stop (gunichar c)
{
  return c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == 0x3002 || c == 0xFF01 ||
         c == '!' || c == 0xFF1F || c == '?' || c == 0xFF1A || c == ':';
}

static gboolean
is_sentence_stop (gunichar c)
{
  return c == 0xFF1B || c == ';' || c == 0x3002 || c == 0xFF01 || c == '!' || c == 0xFF1F ||
         c == '?';
}

static FzChange
clause_change (const Scan *sc,
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

  while (pos > 0 && steps < 40)
    {
      gsize p = utf8_prev (sc->text, pos);
      gunichar c;

      utf8_decode (sc->text + p, pos - p, &c);
      if (is_clause_stop (c))
        break;
      for (guint i = 0; i < G_N_ELEMENTS (cues); i++)
        if (ends_with_at (sc->text, pos, cues[i].cue))
          return cues[i].ch;
      pos = p;
      steps++;
    }
  return FZ_CHANGE_NONE;
}

static FzBasis
sentence_basis (const Scan *sc,
                gsize       pos)
{
  int steps = 0;

  while (pos > 0 && steps < 80)
    {
      gsize p = utf8_prev (sc->text, pos);
      gunichar c;

      utf8_decode (sc->text + p, pos - p, &c);
      if (is_sentence_stop (c))
        break;
      if (ends_with_at (sc->text, pos, "同比"))
        return FZ_BASIS_YOY;
      if (ends_with_at (sc->text, pos, "环比"))
        return FZ_BASIS_MOM;
      pos = p;
      steps++;
    }
  return FZ_BASIS_NONE;
}

static void
set_change (const Scan *sc,
            Cand       *c)
{
  if (c->change == FZ_CHANGE_NONE)
    c->change = clause_change (sc, c->bstart);
  if (c->change != FZ_CHANGE_NONE)
    c->basis = sentence_basis (sc, c->bstart);
}

/* ------------------------------------------------------------------ */
/* Units                                                                */

typedef struct
{
  const char *word;
  FzKind      kind;
  const char *unit;
} Unit;

/* Longest first where one word starts another. */
static const Unit units[] = {
  { "个百分点", FZ_KIND_PERCENT, "pp" },
  { "百分点", FZ_KIND_PERCENT, "pp" },
  { "平方公里", FZ_KIND_AREA, "平方公里" },
  { "平方千米", FZ_KIND_AREA, "平方千米" },
  { "平方米", FZ_KIND_AREA, "平方米" },
  { "公里", FZ_KIND_AREA, "公里" },
  { "千米", FZ_KIND_AREA, "千米" },
  { "公顷", FZ_KIND_AREA, "公顷" },
  { "亩", FZ_KIND_AREA, "亩" },
  { "美元", FZ_KIND_MONEY, "美元" },
  { "港元", FZ_KIND_MONEY, "港元" },
  { "港币", FZ_KIND_MONEY, "港元" },
  { "欧元", FZ_KIND_MONEY, "欧元" },
  { "英镑", FZ_KIND_MONEY, "英镑" },
  { "日元", FZ_KIND_MONEY, "日元" },
  { "元", FZ_KIND_MONEY, "元" },
  { "块钱", FZ_KIND_MONEY, "元" },
  { "个小时", FZ_KIND_DURATION, "小时" },
  { "整个月", FZ_KIND_DURATION, "月" },
  { "个多月", FZ_KIND_DURATION, "月" },
  { "个月", FZ_KIND_DURATION, "月" },
  { "周年", FZ_KIND_DURATION, "年" },
  { "小时", FZ_KIND_DURATION, "小时" },
  { "分钟", FZ_KIND_DURATION, "分钟" },
  { "秒钟", FZ_KIND_DURATION, "秒" },
  { "天", FZ_KIND_DURATION, "天" },
  { "人次", FZ_KIND_COUNT, "人次" },
  { "场次", FZ_KIND_COUNT, "场次" },
  { "户次", FZ_KIND_COUNT, "户次" },
  { "批次", FZ_KIND_COUNT, "批次" },
  { "件次", FZ_KIND_COUNT, "件次" },
  { "起", FZ_KIND_COUNT, "起" },
  { "次", FZ_KIND_COUNT, "次" },
  { "件", FZ_KIND_COUNT, "件" },
  { "人", FZ_KIND_COUNT, "人" },
  { "名", FZ_KIND_COUNT, "名" },
  { "个", FZ_KIND_COUNT, "个" },
  { "场", FZ_KIND_COUNT, "场" },
  { "条", FZ_KIND_COUNT, "条" },
  { "家", FZ_KIND_COUNT, "家" },
  { "支", FZ_KIND_COUNT, "支" },
  { "期", FZ_KIND_COUNT, "期" },
  { "份", FZ_KIND_COUNT, "份" },
  { "篇", FZ_KIND_COUNT, "篇" },
  { "户", FZ_KIND_COUNT, "户" },
  { "所", FZ_KIND_COUNT, "所" },
  { "处", FZ_KIND_COUNT, "处" },
  { "项", FZ_KIND_COUNT, "项" },
  { "类", FZ_KIND_COUNT, "类" },
  { "位", FZ_KIND_COUNT, "位" },
  { "种", FZ_KIND_COUNT, "种" },
  { "版", FZ_KIND_COUNT, "版" },
  { "批", FZ_KIND_COUNT, "批" },
  { "套", FZ_KIND_COUNT, "套" },
  { "台", FZ_KIND_COUNT, "台" },
  { "辆", FZ_KIND_COUNT, "辆" },
  { "张", FZ_KIND_COUNT, "张" },
  { "笔", FZ_KIND_COUNT, "笔" },
  { "座", FZ_KIND_COUNT, "座" },
  { "间", FZ_KIND_COUNT, "间" },
  { "轮", FZ_KIND_COUNT, "轮" },
  { "组", FZ_KIND_COUNT, "组" },
  { "封", FZ_KIND_COUNT, "封" },
  { "幅", FZ_KIND_COUNT, "幅" },
  { "枚", FZ_KIND_COUNT, "枚" },
  { "只", FZ_KIND_COUNT, "只" },
  { "本", FZ_KIND_COUNT, "本" },
};

/* A measure word that starts a longer word is not one: 期间, 人员. */
static const char * const unit_stops[] = {
  "期间", "处理", "处置", "处长", "名单", "人员", "人民", "家庭", "条件", "场所", "所有",
  "项目", "台风", "组织", "本人", "本地", "件事", "间隔", "种类", "名称", "场景", "人家",
  "次全会", "位于", "条例", "只有", "只是", "只要", "份额", "座谈", "张贴", "台账", "类型", "版本",
};

/* What 个, 种 and 大 make of a numeral in slogans: 四个意识, 五种能力. */
static const char * const slogan_nouns[] = {
  "意识", "自信", "维护", "大局", "转变", "代表", "务必", "确保", "坚持", "全面", "必须",
  "能力", "精神", "是", "个", "过程", "重要", "百年", "不", "有利", "方面",
};

static const Unit ordinal_units[] = {
  { "季度", FZ_KIND_ORDINAL, "季度" },
  { "阶段", FZ_KIND_ORDINAL, "阶段" },
  { "单元", FZ_KIND_ORDINAL, "单元" },
  { "届", FZ_KIND_ORDINAL, "届" }, { "期", FZ_KIND_ORDINAL, "期" },
  { "个", FZ_KIND_ORDINAL, "个" }, { "批", FZ_KIND_ORDINAL, "批" },
  { "次", FZ_KIND_ORDINAL, "次" }, { "名", FZ_KIND_ORDINAL, "名" },
  { "条", FZ_KIND_ORDINAL, "条" }, { "项", FZ_KIND_ORDINAL, "项" },
  { "轮", FZ_KIND_ORDINAL, "轮" }, { "章", FZ_KIND_ORDINAL, "章" },
  { "位", FZ_KIND_ORDINAL, "位" }, { "家", FZ_KIND_ORDINAL, "家" },
  { "场", FZ_KIND_ORDINAL, "场" }, { "年", FZ_KIND_ORDINAL, "年" },
  { "天", FZ_KIND_ORDINAL, "天" }, { "号", FZ_KIND_ORDINAL, "号" },
  { "种", FZ_KIND_ORDINAL, "种" }, { "站", FZ_KIND_ORDINAL, "站" },
  { "组", FZ_KIND_ORDINAL, "组" }, { "步", FZ_KIND_ORDINAL, "步" },
  { "版", FZ_KIND_ORDINAL, "版" }, { "集", FZ_KIND_ORDINAL, "集" },
  { "节", FZ_KIND_ORDINAL, "节" }, { "课", FZ_KIND_ORDINAL, "课" },
  { "部", FZ_KIND_ORDINAL, "部" }, { "座", FZ_KIND_ORDINAL, "座" },
  { "支", FZ_KIND_ORDINAL, "支" }, { "份", FZ_KIND_ORDINAL, "份" },
};

/* Service numbers are identifiers when they stand alone (110, 12345). */
static const gint64 service_numbers[] = {
  110, 119, 120, 122, 12110, 12315, 12321, 12333, 12345, 12348, 12355, 12358, 12365,
  12377, 12381, 12388, 96110,
};

static gboolean
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

/* 一起 is "together" unless a case follows in the clause. */
static gboolean
case_follows (const Window *w,
              gsize         at)
{
  static const char * const cues[] = { "案", "诈骗", "事件", "事故", "纠纷", "警情", "盗窃", "犯罪" };
  int steps = 0;

  while (at < w->n && steps < 12)
    {
      gunichar c = wchar (w, at);

      if (is_clause_stop (c))
        break;
      if (word_follows (w, at, cues, G_N_ELEMENTS (cues)))
        return TRUE;
      at += g_utf8_skip[(guchar) w->buf[at]];
      steps++;
    }
  return FALSE;
}

/* 一个 counts only a gang or a case: 打掉一个为境外诈骗集团提供洗钱的团伙. */
static gboolean
gang_follows (const Window *w,
              gsize         at)
{
  static const char * const cues[] = { "团伙", "集团", "犯罪", "诈骗", "案", "窝点" };
  int steps = 0;

  while (at < w->n && steps < 12)
    {
      if (is_clause_stop (wchar (w, at)))
        break;
      if (word_follows (w, at, cues, G_N_ELEMENTS (cues)))
        return TRUE;
      at += g_utf8_skip[(guchar) w->buf[at]];
      steps++;
    }
  return FALSE;
}

/* Reads a number in the window for month and day fields. */
static gboolean
window_number (const Window *w,
               gsize         at,
               int          *value,
               gsize        *used)
{
  FzDecimal d;
  gsize n;

  if (!fz_numeral_parse (w->buf + at, w->n - at, &d, &n) ||
      (d.flags & (FZ_NUMERAL_PERCENT | FZ_NUMERAL_OVER | FZ_NUMERAL_MULT | FZ_NUMERAL_DECIMAL)) ||
      d.mantissa < 0 || d.mantissa > 9999 || d.scale != 0)
    return FALSE;
  *value = (int) d.mantissa;
  *used = n;
  return TRUE;
}

static gsize
date_suffix (const Window *w,
             gsize         at)
{
  gsize n;

  if ((n = wlit (w, at, "份")) || (n = wlit (w, at, "底")) || (n = wlit (w, at, "初")) ||
      (n = wlit (w, at, "末")))
    at += n;
  if ((n = wlit (w, at, "以来")))
    at += n;
  return at;
}

static void
date_string (Cand *c,
             int   year,
             int   month,
             int   day)
{
  if (year > 0 && month > 0 && day > 0)
    g_snprintf (c->str, sizeof c->str, "%04d-%02d-%02d", year, month, day);
  else if (year > 0 && month > 0)
    g_snprintf (c->str, sizeof c->str, "%04d-%02d", year, month);
  else if (year > 0)
    g_snprintf (c->str, sizeof c->str, "%04d", year);
  else if (month > 0 && day > 0)
    g_snprintf (c->str, sizeof c->str, "--%02d-%02d", month, day);
  else if (month > 0)
    g_snprintf (c->str, sizeof c->str, "--%02d", month);
  else
    g_snprintf (c->str, sizeof c->str, "---%02d", day);
}

/* Only white space and a range word (至, 到, -, —, ~) between @from and @to. */
static gboolean
range_between (const Scan *sc,
               gsize       from,
               gsize       to)
{
  gboolean word = FALSE;
  gsize pos = from;

  if (from > to)
    return FALSE;
  while (pos < to)
    {
      gunichar c;
      gsize n = utf8_decode (sc->text + pos, to - pos, &c);

      if (is_space (c))
        ;
      else if (!word && (c == 0x81F3 || c == 0x5230 || c == '-' || c == 0x2014 || c == 0x2013 ||
                         c == '~' || c == 0xFF5E || c == 0xFF0D))
        word = TRUE;
      else if (c == 0x2014 || c == 0x2013)
        ;
      else
        return FALSE;
      pos += n;
    }
  return word;
}

static void
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
      gsize n = utf8_decode (sc->text + pos, to - pos, &c);

      if (!is_space (c))
        {
          memcpy (out + o, sc->text + pos, n);
          o += n;
        }
      pos += n;
    }
  out[o] = '\0';
}

static void
follow_add (const char *word)
{
  gunichar c;

  utf8_decode (word, strlen (word), &c);
  if (c < 65536)
    follow[c >> 5] |= 1u << (c & 31);
}

static void
init_follow (void)
{
  static const char * const extra[] = {
    "余", "多", "几", "整", "年", "月", "日", "号", "栋", "幢", "单", "室", "分", "倍", "成",
    "万", "亿", "千", "％", "以", "左", "上", "内", "来", "增",
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    follow_add (units[i].word);
  for (guint i = 0; i < G_N_ELEMENTS (ordinal_units); i++)
    follow_add (ordinal_units[i].word);
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    follow_add (extra[i]);
}

/* Most numerals inside words (统一, 一些, 十分) are followed by an ideograph
 * that no unit starts with; they are dropped before any window is built. */
static inline gboolean
may_follow (const Scan *sc,
            gsize       pos)
{
  gunichar c;

  if (pos >= sc->len)
    return FALSE;
  utf8_decode (sc->text + pos, sc->len - pos, &c);
  if (!is_ideograph (c))
    return TRUE;
  return (follow[c >> 5] & (1u << (c & 31))) != 0;
}

/* ------------------------------------------------------------------ */
/* A number and what follows it                                        */

/* 1500号2号楼902室, 4栋: returns the window offset after the chain, 0 if none. */
static gsize
address_chain (const Window *w,
               gsize         at,
               gboolean      street_before)
{
  static const char * const parts[] = { "号楼", "号院", "栋", "幢", "单元", "室", "号" };
  gsize pos = at;
  int n_parts = 0;
  gboolean has_hao_only = TRUE;

  for (;;)
    {
      gsize n = 0;
      guint i;

      for (i = 0; i < G_N_ELEMENTS (parts); i++)
        if ((n = wlit (w, pos, parts[i])))
          break;
      if (n == 0)
        break;
      /* 号线 is a metro line, 号码 a number. */
      if (i == G_N_ELEMENTS (parts) - 1 && (wlit (w, pos + n, "线") || wlit (w, pos + n, "码")))
        break;
      if (i != G_N_ELEMENTS (parts) - 1)
        has_hao_only = FALSE;
      pos += n;
      n_parts++;
      /* Another numbered part may follow. */
      {
        gsize q = pos;
        while (q < w->n && w->buf[q] >= '0' && w->buf[q] <= '9')
          q++;
        if (q == pos)
          break;
        {
          gsize save = pos;
          gboolean more = FALSE;
          for (i = 0; i < G_N_ELEMENTS (parts); i++)
            if (wlit (w, q, parts[i]))
              more = TRUE;
          if (!more)
            {
              pos = save;
              break;
            }
          pos = q;
        }
      }
    }
  if (n_parts == 0)
    return 0;
  if (has_hao_only && n_parts == 1 && !street_before)
    return 0;
  return pos;
}

static gboolean
apply_multipliers (const Window *w,
                   gsize        *at,
                   FzDecimal    *v,
                   FzQualifier  *q)
{
  gsize n;

  if (v->flags & FZ_NUMERAL_MULT)
    return TRUE;
  if ((n = wlit (w, *at, "余")) || (n = wlit (w, *at, "多")))
    {
      if (wlit (w, *at + n, "万") || wlit (w, *at + n, "亿"))
        {
          *q = FZ_QUALIFIER_OVER;
          *at += n;
        }
    }
  if ((n = wlit (w, *at, "万亿")))
    {
      if (!fz_decimal_mul_pow10 (v, 12))
        return FALSE;
    }
  else if ((n = wlit (w, *at, "亿")))
    {
      if (!fz_decimal_mul_pow10 (v, 8))
        return FALSE;
    }
  else if ((n = wlit (w, *at, "万")))
    {
      if (!fz_decimal_mul_pow10 (v, 4))
        return FALSE;
    }
  else
    n = 0;
  *at += n;
  return TRUE;
}

static gsize
suffix_qualifier (const Window *w,
                  gsize         at,
                  Cand         *c)
{
  gsize n;

  if ((n = wlit (w, at, "以上")))
    c->qualifier = FZ_QUALIFIER_OVER;
  else if ((n = wlit (w, at, "以下")) || (n = wlit (w, at, "以内")))
    c->qualifier = FZ_QUALIFIER_UNDER;
  else if ((n = wlit (w, at, "左右")))
    c->qualifier = FZ_QUALIFIER_ABOUT;
  else if (c->kind == FZ_KIND_DURATION && (n = wlit (w, at, "内")))
    c->qualifier = FZ_QUALIFIER_UNDER;
  else if (c->kind == FZ_KIND_DURATION && !(n = wlit (w, at, "以来")))
    n = wlit (w, at, "来");
  return at + n;
}

/* Handles the number written at [start, num_end) with value @v and returns
 * where the scan goes on. */
static gsize
handle_number (Scan      *sc,
               gsize      start,
               gsize      num_end,
               FzDecimal  v,
               gboolean   ordinal,
               gsize      ord_start)
{
  Window w;
  Cand c;
  gsize at = 0, n;
  gboolean chinese = (v.flags & FZ_NUMERAL_CHINESE) != 0;
  gboolean integer;
  gint64 iv;
  gunichar before = char_before (sc->text, ordinal ? ord_start : start);
  gboolean bare_one = chinese && num_end - start == 3 && v.mantissa == 1 && v.scale == 0;
  gboolean bare_unit = chinese && num_end - start == 3 && v.mantissa >= 100 && v.scale == 0;
  const Unit *u = NULL;

  memset (&c, 0, sizeof c);
  c.bstart = ordinal ? ord_start : start;
  c.value = v;
  c.qualifier = (v.flags & FZ_NUMERAL_OVER) ? FZ_QUALIFIER_OVER : FZ_QUALIFIER_EXACT;
  if (chinese && !ordinal && !(v.flags & FZ_NUMERAL_PERCENT) &&
      !may_follow (sc, num_end))
    return num_end;
  /* Words built on a numeral: 统一, 唯一, 之一, 万一. */
  if (!ordinal && chinese &&
      char_in (before, "统唯同之初周星礼农逐进单专合归划整其某任万千百十数几一二两三四五六七八九"))
    return num_end;
  window_fill (sc, num_end, &w);

  if (ordinal)
    {
      for (guint i = 0; i < G_N_ELEMENTS (ordinal_units); i++)
        if ((n = wlit (&w, 0, ordinal_units[i].word)))
          {
            c.kind = FZ_KIND_ORDINAL;
            c.unit = ordinal_units[i].unit;
            c.bend = wend (&w, n, num_end);
            c.qualifier = FZ_QUALIFIER_EXACT;
            emit (sc, &c);
            return c.bend;
          }
      return num_end;
    }

  if (v.flags & FZ_NUMERAL_PERCENT)
    {
      c.kind = FZ_KIND_PERCENT;
      c.unit = "%";
      if (v.flags & FZ_NUMERAL_FLAT)
        c.change = FZ_CHANGE_FLAT;
      c.bend = num_end;
      at = suffix_qualifier (&w, 0, &c);
      c.bend = wend (&w, at, num_end);
      c.bstart = prefix_qualifier (sc, start, sc->last_end, &c.qualifier);
      if (c.change == FZ_CHANGE_FLAT)
        c.basis = sentence_basis (sc, c.bstart);
      else
        set_change (sc, &c);
      emit (sc, &c);
      return c.bend;
    }

  if (!apply_multipliers (&w, &at, &c.value, &c.qualifier))
    return num_end;
  if ((n = wlit (&w, at, "余")) || (n = wlit (&w, at, "多")))
    {
      c.qualifier = FZ_QUALIFIER_OVER;
      at += n;
    }
  else if (chinese && (n = wlit (&w, at, "几")))
    {
      c.qualifier = FZ_QUALIFIER_OVER;
      at += n;
    }
  if (at == 0 && (n = wlit (&w, at, "整")) && bare_one)
    at += n;

  integer = fz_decimal_is_integer (&c.value) && !(c.value.flags & FZ_NUMERAL_DECIMAL);
  iv = integer ? fz_decimal_to_int (&c.value) : -1;

  /* Percent written with a space before the sign. */
  if ((n = wlit (&w, at, "%")) || (n = wlit (&w, at, "％")))
    {
      c.kind = FZ_KIND_PERCENT;
      c.unit = "%";
      at = suffix_qualifier (&w, at + n, &c);
      c.bend = wend (&w, at, num_end);
      c.bstart = prefix_qualifier (sc, start, sc->last_end, &c.qualifier);
      set_change (sc, &c);
      emit (sc, &c);
      return c.bend;
    }

  /* Multiples: 上升5.3倍 is 530% more, 是去年的2倍 a ratio of 200%. */
  if ((n = wlit (&w, at, "倍")))
    {
      FzChange ch = clause_change (sc, start);

      if (!fz_decimal_mul_pow10 (&c.value, 2))
        return num_end;
      c.kind = FZ_KIND_PERCENT;
      c.unit = "%";
      c.bend = wend (&w, at + n, num_end);
      if (ch == FZ_CHANGE_UP)
        {
          c.change = ch;
          c.basis = sentence_basis (sc, start);
        }
      emit (sc, &c);
      return c.bend;
    }

  /* Dates. */
  if (integer && (n = wlit (&w, at, "年")) && !wlit (&w, at + n, "级") && !wlit (&w, at + n, "代") &&
      v.n_digits == 4 && iv >= 1000 && iv <= 2200 && at == 0)
    {
      int month = 0, day = 0, mv;
      gsize p = n, used;

      if (window_number (&w, p, &mv, &used) && mv >= 1 && mv <= 12 && wlit (&w, p + used, "月"))
        {
          month = mv;
          p += used + 3;
          if (window_number (&w, p, &mv, &used) && mv >= 1 && mv <= 31 &&
              (wlit (&w, p + used, "日") || wlit (&w, p + used, "号")))
            {
              day = mv;
              p += used + 3;
            }
        }
      p = date_suffix (&w, p);
      c.kind = FZ_KIND_DATE;
      c.unit = "";
      c.qualifier = FZ_QUALIFIER_EXACT;
      date_string (&c, (int) iv, month, day);
      c.bend = wend (&w, p, num_end);
      emit (sc, &c);
      remember (sc, &c, (int) iv, month, FALSE);
      return c.bend;
    }
  if (integer && at == 0 && (n = wlit (&w, 0, "月")) && iv >= 1 && iv <= 12 && !bare_unit &&
      v.n_digits <= 2 && !wlit (&w, n, "度"))
    {
      int day = 0, dv;
      gsize p = n, used;

      if (window_number (&w, p, &dv, &used) && dv >= 1 && dv <= 31 &&
          (wlit (&w, p + used, "日") || wlit (&w, p + used, "号")))
        {
          day = dv;
          p += used + 3;
        }
      p = date_suffix (&w, p);
      c.kind = FZ_KIND_DATE;
      c.unit = "";
      c.qualifier = FZ_QUALIFIER_EXACT;
      date_string (&c, 0, (int) iv, day);
      c.bend = wend (&w, p, num_end);
      emit (sc, &c);
      remember (sc, &c, 0, (int) iv, FALSE);
      return c.bend;
    }
  if (integer && at == 0 && (n = wlit (&w, 0, "日")) && iv >= 1 && iv <= 31 && !chinese)
    {
      gsize after = n;
      int dv;
      gsize used;
      gboolean next_day = FALSE;

      /* 5月13日至14日: the second end takes the month of the first. */
      if (sc->last_kind == FZ_KIND_DATE && sc->last_month > 0 && !sc->last_bare_day &&
          range_between (sc, sc->last_end, start))
        {
          c.kind = FZ_KIND_DATE;
          c.unit = "";
          date_string (&c, sc->last_year, sc->last_month, (int) iv);
          c.bend = wend (&w, after, num_end);
          emit (sc, &c);
          remember (sc, &c, sc->last_year, sc->last_month, FALSE);
          return c.bend;
        }
      /* 1日至2日 without a month: a span of days. */
      {
        gsize p = after;
        gunichar r = wchar (&w, p);

        if (r == 0x81F3 || r == 0x5230 || r == '-' || r == 0x2014 || r == 0xFF5E || r == '~')
          {
            p += g_utf8_skip[(guchar) w.buf[p]];
            if (wchar (&w, p) == 0x2014)
              p += 3;
            if (window_number (&w, p, &dv, &used) && wlit (&w, p + used, "日"))
              next_day = TRUE;
          }
      }
      if (next_day || (sc->last_kind == FZ_KIND_DURATION && sc->last_bare_day &&
                       range_between (sc, sc->last_end, start)))
        {
          c.kind = FZ_KIND_DURATION;
          c.unit = "日";
          c.bend = wend (&w, after, num_end);
          emit (sc, &c);
          remember (sc, &c, 0, 0, TRUE);
          return c.bend;
        }
      /* A day of an unnamed month (14日上午): ISO 8601 writes it ---14. */
      c.kind = FZ_KIND_DATE;
      c.unit = "";
      date_string (&c, 0, 0, (int) iv);
      c.bend = wend (&w, after, num_end);
      emit (sc, &c);
      return c.bend;
    }

  /* Page references: 下转2版 is a pointer, 今日12版 a count of pages. */
  if (integer && at == 0 && (n = wlit (&w, 0, "版")) && !chinese &&
      (ends_with_at (sc->text, skip_space_back (sc->text, start, 0), "转") ||
       ends_with_at (sc->text, skip_space_back (sc->text, start, 0), "接")))
    {
      c.kind = FZ_KIND_IDENTIFIER;
      c.bend = wend (&w, n, num_end);
      c.unit = "";
      c.qualifier = FZ_QUALIFIER_EXACT;
      copy_compact (sc, start, c.bend, c.str, sizeof c.str);
      emit (sc, &c);
      return c.bend;
    }

  /* Addresses. */
  if (integer && at == 0 && !chinese)
    {
      gunichar b = char_before (sc->text, start);
      gsize end = address_chain (&w, 0, char_in (b, "路街道巷弄村"));

      if (end > 0)
        {
          c.kind = FZ_KIND_IDENTIFIER;
          c.unit = "";
          c.qualifier = FZ_QUALIFIER_EXACT;
          c.bend = wend (&w, end, num_end);
          copy_compact (sc, start, c.bend, c.str, sizeof c.str);
          emit (sc, &c);
          return c.bend;
        }
    }

  /* Years as a length of time (两年, 五年来, 10年), not idioms (百年, 千年). */
  if ((n = wlit (&w, at, "年")) && !wlit (&w, at + n, "级") && !wlit (&w, at + n, "代") &&
      !wlit (&w, at + n, "度") && !bare_unit)
    {
      if (bare_one && !wlit (&w, at + n, "来") && !wlit (&w, at + n, "以来"))
        return num_end;
      c.kind = FZ_KIND_DURATION;
      c.unit = "年";
      at = suffix_qualifier (&w, at + n, &c);
      c.bend = wend (&w, at, num_end);
      c.bstart = prefix_qualifier (sc, start, sc->last_end, &c.qualifier);
      emit (sc, &c);
      remember (sc, &c, 0, 0, FALSE);
      return c.bend;
    }

  /* Score: 94.69分; 十分 is "very", 分之 a fraction and 8时30分 a time of day. */
  if (!chinese && (n = wlit (&w, at, "分")) && !wlit (&w, at, "分钟") && !char_in (before, "时点"))
    {
      gunichar next = wchar (&w, at + n);

      if (!is_ideograph (next) || next == 0x7684 /* 的 */ || next == 0x4EE5 /* 以 */ ||
          next == 0x5DE6 /* 左 */)
        {
          c.kind = FZ_KIND_SCORE;
          c.unit = "分";
          at = suffix_qualifier (&w, at + n, &c);
          c.bend = wend (&w, at, num_end);
          c.bstart = prefix_qualifier (sc, start, sc->last_end, &c.qualifier);
          emit (sc, &c);
          return c.bend;
        }
    }

  {
    guchar b0 = w.buf[at];
    guchar b1 = at + 1 < w.n ? w.buf[at + 1] : 0;
    guchar b2 = at + 2 < w.n ? w.buf[at + 2] : 0;

    for (guint i = 0; i < G_N_ELEMENTS (units); i++)
      if ((guchar) units[i].word[0] == b0 && (guchar) units[i].word[1] == b1 &&
          (guchar) units[i].word[2] == b2 && (n = wlit (&w, at, units[i].word)))
        {
          u = &units[i];
          break;
        }
  }

  if (u == NULL || word_follows (&w, at, unit_stops, G_N_ELEMENTS (unit_stops)))
    {
      /* A bare number: an identifier when it is a phone or service number. */
      if (!chinese && integer && !(v.flags & (FZ_NUMERAL_MULT | FZ_NUMERAL_OVER)) && at == 0 &&
          c.qualifier == FZ_QUALIFIER_EXACT && v.mantissa >= 0)
        {
          gboolean id = v.n_digits >= 7 && v.n_digits <= 15;

          for (guint i = 0; !id && i < G_N_ELEMENTS (service_numbers); i++)
            id = iv == service_numbers[i];
          if (id)
            {
              c.kind = FZ_KIND_IDENTIFIER;
              c.unit = "";
              c.bend = num_end;
              copy_compact (sc, start, num_end, c.str, sizeof c.str);
              emit (sc, &c);
              return num_end;
            }
        }
      /* 下降为零 */
      if (chinese && v.mantissa == 0 && num_end - start == 3 &&
          ends_with_at (sc->text, start, "为") &&
          clause_change (sc, start) == FZ_CHANGE_DOWN)
        {
          c.kind = FZ_KIND_COUNT;
          c.unit = "";
          c.change = FZ_CHANGE_DOWN;
          c.bend = num_end;
          emit (sc, &c);
          return num_end;
        }
      return num_end;
    }

  /* Slogans and fixed names built from numerals. */
  if (chinese)
    {
      gsize after = at + n;
      gunichar next = wchar (&w, after);

      if ((strcmp (u->word, "个") == 0 || strcmp (u->word, "种") == 0) &&
          (fz_numeral_digit_value (next) >= 0 ||
           word_follows (&w, after, slogan_nouns, G_N_ELEMENTS (slogan_nouns))))
        return num_end;
      if (bare_one)
        {
          gboolean ok = FALSE;

          if (u->kind == FZ_KIND_DURATION)
            ok = strcmp (u->word, "个月") == 0 || strcmp (u->word, "整个月") == 0 ||
                 strcmp (u->word, "周年") == 0;
          else if (strcmp (u->word, "名") == 0 || strcmp (u->word, "位") == 0 ||
                   strcmp (u->word, "支") == 0)
            ok = TRUE;
          else if (strcmp (u->word, "起") == 0)
            ok = !char_in (before, "在和与跟同带到") && case_follows (&w, after);
          else if (strcmp (u->word, "个") == 0)
            ok = gang_follows (&w, after);
          if (!ok)
            return num_end;
        }
      if (strcmp (u->word, "类") == 0 && v.mantissa == 1)
        return num_end;
      /* 千家万户, 千方百计: two bare round numbers make an idiom. */
      if (bare_unit && (char_in (next, "万百千") ||
                        char_in (char_before (sc->text, utf8_prev (sc->text, start)), "万百千")))
        return num_end;
    }

  c.kind = u->kind;
  c.unit = u->unit;
  at += n;
  at = suffix_qualifier (&w, at, &c);
  c.bend = wend (&w, at, num_end);
  c.bstart = prefix_qualifier (sc, start, sc->last_end, &c.qualifier);
  if (c.kind == FZ_KIND_PERCENT)
    set_change (sc, &c);
  emit (sc, &c);
  remember (sc, &c, 0, 0, FALSE);
  return c.bend;
}

/* An ASCII word: URLs and e-mail addresses are skipped whole; codes such as
 * CN33-0019 are identifiers. */
static gsize
handle_ascii_word (Scan  *sc,
                   gsize  pos)
{
  gsize end = pos, letters = 0, digits = 0, hyphens = 0, upper_lead = 0;
  gboolean url = FALSE, lead = TRUE;

  while (end < sc->len)
    {
      guchar b = sc->text[end];

      if (g_ascii_isalnum (b) || b == '-' || b == '_' || b == '.' || b == '@' || b == '/' ||
          b == ':' || b == '?' || b == '=' || b == '&' || b == '#' || b == '~' || b == '%' ||
          b == '+')
        {
          if (b == '@' || b == '/' || b == ':')
            url = TRUE;
          if (g_ascii_isalpha (b))
            {
              letters++;
              if (lead && g_ascii_isupper (b))
                upper_lead++;
            }
          else
            {
              if (g_ascii_isdigit (b))
                digits++;
              else if (b == '-')
                hyphens++;
              lead = FALSE;
            }
          end++;
        }
      else
        break;
    }
  /* Trailing punctuation is not part of the word. */
  while (end > pos && strchr ("-.:/?&=#_%+~", sc->text[end - 1]) != NULL)
    end--;
  if (url)
    return end;
  if (upper_lead >= 1 && upper_lead <= 4 && letters == upper_lead && digits > 0 &&
      (hyphens > 0 || digits >= 4))
    {
      Cand c;

      memset (&c, 0, sizeof c);
      c.bstart = pos;
      c.bend = end;
      c.kind = FZ_KIND_IDENTIFIER;
      c.unit = "";
      copy_compact (sc, pos, end, c.str, sizeof c.str);
      emit (sc, &c);
    }
  return end;
}

static inline gsize
at_least (gsize a,
          gsize b)
{
  return a > b ? a : b;
}

static gsize
handle_digits (Scan  *sc,
               gsize  pos)
{
  gsize end = pos, n;
  FzDecimal v;
  gunichar next;

  /* Look at the whole ASCII word first: 126.com, 5G and 0571-85310548. */
  while (end < sc->len && g_ascii_isdigit (sc->text[end]))
    end++;
  if (end < sc->len)
    {
      guchar b = sc->text[end];

      if (g_ascii_isalpha (b) || b == '@' || b == '_' ||
          (b == '.' && end + 1 < sc->len && g_ascii_isalpha (sc->text[end + 1])))
        return at_least (handle_ascii_word (sc, pos), end);
      if (b == '-' && end + 1 < sc->len && g_ascii_isdigit (sc->text[end + 1]))
        {
          gsize e2 = end + 1;
          gunichar after;

          while (e2 < sc->len && (g_ascii_isdigit (sc->text[e2]) ||
                                  (sc->text[e2] == '-' && e2 + 1 < sc->len &&
                                   g_ascii_isdigit (sc->text[e2 + 1]))))
            e2++;
          utf8_decode (sc->text + e2, sc->len - e2, &after);
          /* 1-11月 is a range of months, not a code. */
          if (!char_in (after, "年月日号%元人个名起件次天") && !(after < 0x80 && g_ascii_isalpha (after)))
            {
              Cand c;

              memset (&c, 0, sizeof c);
              c.bstart = pos;
              c.bend = e2;
              c.kind = FZ_KIND_IDENTIFIER;
              c.unit = "";
              copy_compact (sc, pos, e2, c.str, sizeof c.str);
              emit (sc, &c);
              return e2;
            }
          return end + 1;
        }
    }
  if (!fz_numeral_parse (sc->text + pos, sc->len - pos, &v, &n) || n == 0)
    return end > pos ? end : pos + 1;
  utf8_decode (sc->text + pos + n, sc->len - pos - n, &next);
  if (next < 0x80 && g_ascii_isalpha (next))
    return handle_ascii_word (sc, pos);
  return at_least (handle_number (sc, pos, pos + n, v, FALSE, 0), pos + 1);
}

static gsize
handle_cjk (Scan     *sc,
            gsize     pos,
            gunichar  c,
            gsize     clen)
{
  FzDecimal v;
  gsize n;

  if (c == 0x7B2C) /* 第 */
    {
      gsize p = pos + clen;

      if (fz_numeral_parse (sc->text + p, sc->len - p, &v, &n) && n > 0 &&
          !(v.flags & (FZ_NUMERAL_PERCENT | FZ_NUMERAL_DECIMAL)) && v.mantissa > 0)
        return at_least (handle_number (sc, p, p + n, v, TRUE, pos), p);
      return pos + clen;
    }
  if (c == 0x534A) /* 半 */
    {
      gunichar b = char_before (sc->text, pos);
      Window w;

      if (char_in (b, "上下前后大一多过减折对"))
        return pos + clen;
      window_fill (sc, pos + clen, &w);
      if (wlit (&w, 0, "年来") || wlit (&w, 0, "年以来") || wlit (&w, 0, "个月") ||
          wlit (&w, 0, "小时") || wlit (&w, 0, "天"))
        {
          memset (&v, 0, sizeof v);
          v.mantissa = 5;
          v.scale = 1;
          v.flags = FZ_NUMERAL_CHINESE | FZ_NUMERAL_DECIMAL;
          return at_least (handle_number (sc, pos, pos + clen, v, FALSE, 0), pos + clen);
        }
      return pos + clen;
    }
  if (c >= 0xFF10 && c <= 0xFF19)
    {
      if (!fz_numeral_parse (sc->text + pos, sc->len - pos, &v, &n) || n == 0)
        return pos + clen;
      return at_least (handle_number (sc, pos, pos + n, v, FALSE, 0), pos + clen);
    }
  if (!fz_numeral_parse (sc->text + pos, sc->len - pos, &v, &n) || n == 0)
    return pos + clen;
  return at_least (handle_number (sc, pos, pos + n, v, FALSE, 0), pos + clen);
}

static void
scan_text (Scan *sc)
{
  static gsize initialized = 0;
  const guchar *t = (const guchar *) sc->text;
  gsize pos = 0, len = sc->len;

  if (g_once_init_enter (&initialized))
    {
      init_tables ();
      init_follow ();
      g_once_init_leave (&initialized, 1);
    }
  sc->last_kind = -1;
  while (pos < len)
    {
      guchar b = t[pos];

      switch (lead_class[b])
        {
        case LB_SKIP1:
          pos++;
          break;
        case LB_SKIP2:
          pos += 2;
          break;
        case LB_SKIP4:
          pos += 4;
          break;
        case LB_CJK:
          {
            gunichar c;

            if (pos + 2 >= len)
              return;
            c = ((b & 0x0F) << 12) | ((t[pos + 1] & 0x3F) << 6) | (t[pos + 2] & 0x3F);
            if (G_LIKELY (!(interest[c >> 5] & (1u << (c & 31)))))
              pos += 3;
            else
              pos = handle_cjk (sc, pos, c, 3);
          }
          break;
        case LB_DIGIT:
          pos = handle_digits (sc, pos);
          break;
        case LB_ALPHA:
          pos = at_least (handle_ascii_word (sc, pos), pos + 1);
          break;
        default:
          pos++;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Public API                                                           */

/* Code point offsets, counted once over the text in figure order. */
static void
fill_code_points (const char   *text,
                  FzFigureList *list)
{
  guint n = fz_figure_list_get_n (list);
  gsize pos = 0, cp = 0;

  for (guint i = 0; i < n; i++)
    {
      FzFigure *f = fz_figure_list_get_mut (list, i);
      guint32 *targets[2] = { &f->start, &f->end };
      guint32 bytes[2] = { f->byte_start, f->byte_end };

      for (guint k = 0; k < 2; k++)
        {
          if (bytes[k] < pos)
            {
              pos = 0;
              cp = 0;
            }
          while (pos < bytes[k])
            {
              if (((guchar) text[pos] & 0xC0) != 0x80)
                cp++;
              pos++;
            }
          *targets[k] = cp;
        }
    }
}

static int
compare_bytes (const FzFigure *a,
               const FzFigure *b)
{
  if (a->byte_start != b->byte_start)
    return a->byte_start < b->byte_start ? -1 : 1;
  return a->byte_end < b->byte_end ? -1 : a->byte_end > b->byte_end;
}

/**
 * fz_extract:
 * @text: valid UTF-8
 * @len: bytes of @text
 *
 * Finds the figures of @text.  Offsets are code points and bytes; the list is
 * sorted by start.  Attribution fields (core, indicator, region, period) are
 * left empty.
 *
 * Returns: (transfer full): the figures
 */
FzFigureList *
fz_extract (const char *text,
            gsize       len)
{
  Scan sc;
  guint n;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  memset (&sc, 0, sizeof sc);
  sc.text = text;
  sc.len = MIN (len, (gsize) G_MAXUINT32);
  sc.list = fz_figure_list_new ();
  scan_text (&sc);
  n = fz_figure_list_get_n (sc.list);
  /* Emission follows the scan, so the list is nearly sorted already. */
  for (guint i = 1; i < n; i++)
    {
      FzFigure tmp = *fz_figure_list_get (sc.list, i);
      guint j = i;

      while (j > 0 && compare_bytes (fz_figure_list_get (sc.list, j - 1), &tmp) > 0)
        {
          *fz_figure_list_get_mut (sc.list, j) = *fz_figure_list_get (sc.list, j - 1);
          j--;
        }
      *fz_figure_list_get_mut (sc.list, j) = tmp;
    }
  fill_code_points (text, sc.list);
  return sc.list;
}

/**
 * fz_extract_count:
 * @text: valid UTF-8
 * @len: bytes of @text
 *
 * Returns: how many figures fz_extract() would find, without building them
 */
gsize
fz_extract_count (const char *text,
                  gsize       len)
{
  Scan sc;

  g_return_val_if_fail (text != NULL || len == 0, 0);
  memset (&sc, 0, sizeof sc);
  sc.text = text;
  sc.len = MIN (len, (gsize) G_MAXUINT32);
  scan_text (&sc);
  return sc.count;
}
