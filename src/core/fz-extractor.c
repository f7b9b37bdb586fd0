/* fz-extractor.c: one pass over UTF-8 text that finds figures as spec/figures.md defines them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-extractor.h"
#include "fz-extractor-private.h"

#include <string.h>

/* The per-character scan and the reading of each number stay in this file
 * so that the compiler can inline them; rarer cases live in
 * fz-extractor-change.c, fz-extractor-date.c and fz-extractor-context.c. */

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
static guint32 prefix_only[65536 / 32];   /* triggers that are a number only before a numeral */

static const gunichar trigger_chars[] = {
  0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
  0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0x5EFF, 0x5345,
  0x534A, /* 半 */
  0x7B2C, /* 第 */
  /* capital numerals: 壹 贰 叁 肆 伍 陆 柒 捌 玖 拾 佰 仟 */
  0x58F9, 0x8D30, 0x53C1, 0x8086, 0x4F0D, 0x9646, 0x67D2, 0x634C, 0x7396, 0x62FE, 0x4F70,
  0x4EDF,
  /* traditional script: 兩 貳 參 叄 陸 萬 億 */
  0x5169, 0x8CB3, 0x53C3, 0x53C4, 0x9678, 0x842C, 0x5104,
  /* signs and guesses: 负 負 几 幾 数 數 */
  0x8D1F, 0x8CA0, 0x51E0, 0x5E7E, 0x6570, 0x6578,
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
  /* 数 數 几 幾 负 負 陆 伍 拾 */
  for (const gunichar *p = (const gunichar[]) { 0x6570, 0x6578, 0x51E0, 0x5E7E, 0x8D1F, 0x8CA0,
                                                0x9646, 0x4F0D, 0x62FE, 0 }; *p; p++)
    prefix_only[*p >> 5] |= 1u << (*p & 31);
}

/* ------------------------------------------------------------------ */
/* The scan                                                             */

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

/* Every figure goes through here, counted or listed; it becomes the last
 * figure that a range such as 5月13日至14日 looks back to. */
void
_fz_extractor_emit (Scan       *sc,
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
  /* Only the list's figures: a count of figures needs none of it. */
  if ((c->kind == FZ_KIND_COUNT || c->kind == FZ_KIND_MONEY) && c->change == FZ_CHANGE_NONE)
    {
      FzBasis basis = c->basis;

      f->change = _fz_extractor_stated_change (sc, c->bstart, &basis);
      f->basis = basis;
    }
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
/* Qualifiers                                                           */

/* 约 300人, 超 30家, 超过70%: the cue belongs to the span. 突破1亿人次 is over 100 million,
 * but 突破 stays a verb outside it. */
gsize
_fz_extractor_prefix_qualifier (const Scan  *sc,
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
    { "大约", FZ_QUALIFIER_ABOUT, "" },
    { "将近", FZ_QUALIFIER_ABOUT, "" },
    { "接近", FZ_QUALIFIER_ABOUT, "" },
    { "约", FZ_QUALIFIER_ABOUT, "预签制节公条相违履契" },
    { "近", FZ_QUALIFIER_ABOUT, "最附将接临靠亲" },
  };
  gsize p = skip_space_back (sc->text, start, limit);

  if (ends_with_at (sc->text, p, "突破") && p - strlen ("突破") >= limit)
    {
      *q = FZ_QUALIFIER_OVER;
      return start;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cues); i++)
    if (ends_with_at (sc->text, p, cues[i].cue) && p - strlen (cues[i].cue) >= limit)
      {
        gsize cs = p - strlen (cues[i].cue);

        if (*cues[i].not_after && fz_text_char_in (char_before (sc->text, cs), cues[i].not_after))
          continue;
        *q = cues[i].q;
        return cs;
      }
  return start;
}

/* 以上, 以下, 左右, 上下 after the unit; 内 and 来 only after a length of time,
 * where they mean "within" and "for the past". */
gsize
_fz_extractor_suffix_qualifier (const Window *w,
                                gsize         at,
                                Cand         *c)
{
  gsize n;

  if ((n = wlit (w, at, "以上")))
    c->qualifier = FZ_QUALIFIER_OVER;
  else if ((n = wlit (w, at, "以下")) || (n = wlit (w, at, "以内")))
    c->qualifier = FZ_QUALIFIER_UNDER;
  else if ((n = wlit (w, at, "左右")) || (n = wlit (w, at, "上下")))
    c->qualifier = FZ_QUALIFIER_ABOUT;
  else if (c->kind == FZ_KIND_DURATION && (n = wlit (w, at, "内")))
    c->qualifier = FZ_QUALIFIER_UNDER;
  /* 1年多, 3天多: more than; not 1年多次, where 多 counts what follows */
  else if (c->kind == FZ_KIND_DURATION && (n = wlit (w, at, "多")) &&
           !fz_text_char_in (wchar (w, at + n), "次起种个名人家项件批场"))
    {
      c->qualifier = FZ_QUALIFIER_OVER;
      if (wlit (w, at + n, "来"))
        n += wlit (w, at + n, "来");
    }
  else if (c->kind == FZ_KIND_DURATION && !(n = wlit (w, at, "以来")))
    n = wlit (w, at, "来");
  return at + n;
}

/* ------------------------------------------------------------------ */
/* Units                                                                */

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
  { "新台币", FZ_KIND_MONEY, "新台币" },
  { "新臺幣", FZ_KIND_MONEY, "新台币" },
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
  { "个工作日", FZ_KIND_DURATION, "日" },
  { "工作日", FZ_KIND_DURATION, "日" },
  { "人次", FZ_KIND_COUNT, "人次" },
  { "场次", FZ_KIND_COUNT, "场次" },
  { "户次", FZ_KIND_COUNT, "户次" },
  { "批次", FZ_KIND_COUNT, "批次" },
  { "件次", FZ_KIND_COUNT, "件次" },
  { "条次", FZ_KIND_COUNT, "条次" },
  { "起", FZ_KIND_COUNT, "起" },
  { "宗", FZ_KIND_COUNT, "宗" },
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
  { "岁", FZ_KIND_COUNT, "岁" },
  { "通", FZ_KIND_COUNT, "通" },
  { "部", FZ_KIND_COUNT, "部" },
  { "册", FZ_KIND_COUNT, "册" },
  { "箱", FZ_KIND_COUNT, "箱" },
  { "架", FZ_KIND_COUNT, "架" },
  { "艘", FZ_KIND_COUNT, "艘" },
  /* Traditional script, for a page too mixed to take the simplified view */
  { "個百分點", FZ_KIND_PERCENT, "pp" },
  { "百分點", FZ_KIND_PERCENT, "pp" },
  { "個小時", FZ_KIND_DURATION, "小时" },
  { "個多月", FZ_KIND_DURATION, "月" },
  { "個月", FZ_KIND_DURATION, "月" },
  { "小時", FZ_KIND_DURATION, "小时" },
  { "分鐘", FZ_KIND_DURATION, "分钟" },
  { "場次", FZ_KIND_COUNT, "場次" },
  { "個", FZ_KIND_COUNT, "個" },
  { "條", FZ_KIND_COUNT, "條" },
  { "筆", FZ_KIND_COUNT, "筆" },
  { "張", FZ_KIND_COUNT, "張" },
  { "項", FZ_KIND_COUNT, "項" },
  { "場", FZ_KIND_COUNT, "場" },
  { "輛", FZ_KIND_COUNT, "輛" },
  { "種", FZ_KIND_COUNT, "種" },
};

/* A measure word that starts a longer word is not one: 期间, 人员. */
static const char * const unit_stops[] = {
  "期间", "处理", "处置", "处长", "名单", "人员", "人民", "家庭", "条件", "场所", "所有",
  "项目", "台风", "组织", "本人", "本地", "件事", "间隔", "种类", "名称", "场景", "人家",
  "次全会", "位于", "条例", "只有", "只是", "只要", "份额", "座谈", "张贴", "台账", "类型", "版本",
  "宗旨", "宗教", "通过", "通知", "通报", "通讯", "通信", "通话", "通道", "通行", "通缉", "通告",
  "通用", "通车", "通俗", "通畅", "岁月", "处警", "部门", "部分", "部署", "部队", "部长", "部位",
  "部件", "部委", "部属", "部际", "部落", "架构", "架设",
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
  { "级", FZ_KIND_ORDINAL, "级" },
};

static void
follow_add (const char *word)
{
  gunichar c;

  fz_text_decode (word, strlen (word), &c);
  if (c < 65536)
    follow[c >> 5] |= 1u << (c & 31);
}

static void
init_follow (void)
{
  static const char * const extra[] = {
    "余", "多", "几", "整", "年", "月", "日", "号", "栋", "幢", "单", "室", "分", "倍", "成",
    "万", "亿", "千", "％", "以", "左", "上", "内", "来", "增", "萬", "億", "餘", "幾", "折",
    "点", "點", "个", "個", "至", "到",
    /* 百亿经济损失, 十亿资金: read_myriads ()'s words for money after a round number */
    "经", "损", "资",
    "番",
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
  c = char_at (sc->text, sc->len, pos);
  if (!fz_text_is_han (c))
    return TRUE;
  /* The table holds the Basic Multilingual Plane; no unit or word after a number is beyond. */
  return c < 0x10000 && (follow[c >> 5] & (1u << (c & 31))) != 0;
}

/* ------------------------------------------------------------------ */
/* A number and what follows it                                        */

static gboolean
apply_multipliers (const Window *w,
                   gsize        *at,
                   FzDecimal    *v,
                   FzQualifier  *q)
{
  gsize n;

  gunichar c = wchar (w, *at);

  /* Most numbers are followed by none of 余 多 餘 万 萬 亿 億. */
  if ((v->flags & FZ_NUMERAL_MULT) || !(c == 0x4F59 || c == 0x591A || c == 0x9918 ||
                                        c == 0x4E07 || c == 0x842C || c == 0x4EBF || c == 0x5104))
    return TRUE;
  if ((n = wover (w, *at)))
    {
      if (wlit (w, *at + n, "万") || wlit (w, *at + n, "亿") || wlit (w, *at + n, "萬") ||
          wlit (w, *at + n, "億"))
        {
          *q = FZ_QUALIFIER_OVER;
          *at += n;
        }
    }
  if ((n = wlit (w, *at, "万亿")) || (n = wlit (w, *at, "萬億")))
    {
      if (!fz_decimal_mul_pow10 (v, 12))
        return FALSE;
    }
  else if ((n = wlit (w, *at, "亿")) || (n = wlit (w, *at, "億")))
    {
      if (!fz_decimal_mul_pow10 (v, 8))
        return FALSE;
    }
  else if ((n = wlit (w, *at, "万")) || (n = wlit (w, *at, "萬")))
    {
      if (!fz_decimal_mul_pow10 (v, 4))
        return FALSE;
    }
  else
    n = 0;
  *at += n;
  return TRUE;
}


static inline gboolean
is_capital (gunichar c)
{
  switch (c)
    {
    case 0x58F9: case 0x8D30: case 0x53C1: case 0x8086: case 0x4F0D: case 0x9646: case 0x67D2:
    case 0x634C: case 0x7396: case 0x62FE: case 0x4F70: case 0x4EDF: case 0x8CB3: case 0x53C3:
    case 0x53C4: case 0x9678:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Sets up @num for the numeral at [@start, @num_end); FALSE when the
 * numeral is part of a word and no figure. */
static inline gboolean
number_init (Number    *num,
             Scan      *sc,
             gsize      start,
             gsize      num_end,
             FzDecimal  v,
             gboolean   ordinal,
             gsize      ord_start)
{
  gboolean chinese = (v.flags & FZ_NUMERAL_CHINESE) != 0;

  num->sc = sc;
  num->start = start;
  num->num_end = num_end;
  num->at = 0;
  num->v = v;
  num->chinese = chinese;
  num->before = char_before (sc->text, ordinal ? ord_start : start);
  num->bare_one = chinese && num_end - start == 3 && v.mantissa == 1 && v.scale == 0;
  num->bare_unit = chinese && num_end - start == 3 && v.mantissa >= 100 && v.scale == 0;
  memset (&num->c, 0, sizeof num->c);
  num->c.bstart = ordinal ? ord_start : start;
  num->c.value = v;
  num->c.qualifier = (v.flags & FZ_NUMERAL_OVER) ? FZ_QUALIFIER_OVER : FZ_QUALIFIER_EXACT;
  if (chinese && !ordinal && !(v.flags & FZ_NUMERAL_PERCENT) &&
      !may_follow (sc, num_end))
    return FALSE;
  /* A capital numeral alone is a word (队伍, 大陆, 收拾) unless an amount of money. */
  if (chinese && num_end - start == 3 && is_capital (char_before (sc->text, num_end)) &&
      !ends_with_at (sc->text, MIN (num_end + 3, sc->len), "元") &&
      !ends_with_at (sc->text, MIN (num_end + 3, sc->len), "圆"))
    return FALSE;
  /* Words built on a numeral: 统一, 唯一, 之一, 万一. */
  if (!ordinal && chinese &&
      fz_text_char_in (num->before,
                       "统唯同之初周星礼农逐进单专合归划整其某任万千百十数几一二两三四五六七八九"
                       "萬億兩數幾統單專歸劃點点"))
    return FALSE;
  return TRUE;
}

/* 排名全省第一，并列第一。, 排名第一的, 位列全省第三、全市第一: a rank that ends its clause or
 * an item of a list of ranks, or stands before 的. A 第一 that starts its clause (第一，…,
 * 第二、…) counts the points of a list, and one before a word (第一时间) is part of it. */
static gboolean
ranked_alone (const Number *num)
{
  gunichar after = wchar (&num->w, 0), before = char_before (num->sc->text, num->c.bstart);

  if (!(is_clause_stop (after) || after == 0x7684 /* 的 */ || after == 0x3002 ||
        after == 0x3001 /* 、 */ || after == '\n' || after == 0))
    return FALSE;
  return !(before == 0 || is_clause_stop (before) || is_space (before) ||
           fz_text_char_in (before, "“”‘’\"'「」（()、：:；;"));
}

/* 第 and the numeral after it: 第三季度, 第12届. */
static gsize
read_ordinal (Number *num)
{
  Cand *c = &num->c;
  gsize n;

  for (guint i = 0; i < G_N_ELEMENTS (ordinal_units); i++)
    if ((n = wlit (&num->w, 0, ordinal_units[i].word)))
      {
        c->kind = FZ_KIND_ORDINAL;
        c->unit = ordinal_units[i].unit;
        c->bend = wend (&num->w, n, num->num_end);
        c->qualifier = FZ_QUALIFIER_EXACT;
        _fz_extractor_emit (num->sc, c);
        return c->bend;
      }
  if (ranked_alone (num))
    {
      c->kind = FZ_KIND_ORDINAL;
      c->unit = "";
      c->bend = num->num_end;
      c->qualifier = FZ_QUALIFIER_EXACT;
      _fz_extractor_emit (num->sc, c);
      return c->bend;
    }
  return num->num_end;
}

/* 万 and 亿 after the numeral, and 余, 多 or 几 for "more than"; FALSE when
 * the value overflows. */
static inline gboolean
read_multiplier (Number *num)
{
  Window *w = &num->w;
  Cand *c = &num->c;
  gsize n;

  /* 十来万元, 二十来人: about so many tens or hundreds */
  if (num->chinese && num->at == 0 && num->num_end - num->start >= 3 &&
      (ends_with_at (num->sc->text, num->num_end, "十") ||
       ends_with_at (num->sc->text, num->num_end, "百")) &&
      (n = wlit (w, 0, "来")) && !wlit (w, n, "自"))
    {
      c->qualifier = FZ_QUALIFIER_ABOUT;
      num->at += n;
    }
  if (!apply_multipliers (w, &num->at, &c->value, &c->qualifier))
    return FALSE;
  if ((n = wover (w, num->at)))
    {
      c->qualifier = FZ_QUALIFIER_OVER;
      num->at += n;
    }
  else if (num->chinese && ((n = wlit (w, num->at, "几")) || (n = wlit (w, num->at, "幾"))))
    {
      c->qualifier = FZ_QUALIFIER_OVER;
      num->at += n;
    }
  /* 阅读量10万+: more than, after a round amount */
  else if (((c->value.flags & FZ_NUMERAL_MULT) || num->at > 0) &&
           ((n = wlit (w, num->at, "+")) || (n = wlit (w, num->at, "＋"))))
    {
      c->qualifier = FZ_QUALIFIER_OVER;
      num->at += n;
    }
  if (num->at == 0 && (n = wlit (w, num->at, "整")) && num->bare_one)
    num->at += n;
  num->integer = fz_decimal_is_integer (&c->value) && !(c->value.flags & FZ_NUMERAL_DECIMAL);
  num->iv = num->integer ? fz_decimal_to_int (&c->value) : -1;
  return TRUE;
}

/* 港币5000万元, 新台币45.6亿元: the currency named before the amount, whose 元 is its own
 * dollar; 人民币 and none leave the 元 of renminbi. */
static const char *
currency_before (const Scan *sc,
                 gsize       pos,
                 gsize      *word_start)
{
  static const struct { const char *word; const char *unit; } currencies[] = {
    { "港币", "港元" }, { "港幣", "港元" }, { "港元", "港元" }, { "美元", "美元" },
    { "美金", "美元" }, { "新台币", "新台币" }, { "新臺幣", "新台币" }, { "台币", "新台币" },
    { "臺幣", "新台币" }, { "欧元", "欧元" }, { "歐元", "欧元" },
  };
  gsize p = skip_space_back (sc->text, pos, sc->last_end);

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (ends_with_at (sc->text, p, currencies[i].word) &&
        p - strlen (currencies[i].word) >= sc->last_end)
      {
        *word_start = p - strlen (currencies[i].word);
        return currencies[i].unit;
      }
  return NULL;
}

/* 千万, 百万: two round units and no digit. */
static gboolean
round_units (const Number *num)
{
  const char *t = num->sc->text + num->start;

  return num->chinese && num->num_end - num->start == 6 &&
         (strncmp (t, "百万", 6) == 0 || strncmp (t, "千万", 6) == 0);
}

/* The figure ends after @at window bytes, with its unit and qualifiers.
 * Returns where the scan goes on. */
static inline gsize
emit_measure (Number     *num,
              FzKind      kind,
              const char *unit,
              gsize       at)
{
  Scan *sc = num->sc;
  Cand *c = &num->c;

  c->kind = kind;
  c->unit = unit;
  at = _fz_extractor_suffix_qualifier (&num->w, at, c);
  c->bend = wend (&num->w, at, num->num_end);
  c->bstart = _fz_extractor_prefix_qualifier (sc, num->start, sc->last_end, &c->qualifier);
  if (kind == FZ_KIND_MONEY && strcmp (unit, "元") == 0)
    {
      gsize word_start;
      const char *currency = currency_before (sc, c->bstart, &word_start);

      if (currency != NULL)
        {
          c->unit = currency;
          /* 约新台币62.3亿元: the qualifier stands before the currency */
          if (c->bstart == num->start && c->qualifier == FZ_QUALIFIER_EXACT)
            _fz_extractor_prefix_qualifier (sc, word_start, sc->last_end, &c->qualifier);
        }
    }
  /* 上千人, 上万元, 上千万元: "reaching a thousand", said of a round unit alone. */
  if (c->bstart == num->start && (num->bare_unit || round_units (num)) &&
      ends_with_at (sc->text, num->start, "上") && num->start - 3 >= sc->last_end)
    {
      c->bstart = num->start - 3;
      c->qualifier = FZ_QUALIFIER_ABOUT;
    }
  if (kind == FZ_KIND_PERCENT)
    _fz_extractor_set_change (sc, c);
  _fz_extractor_emit (sc, c);
  return c->bend;
}

/* A percent sign after a space, or 倍. The read_* functions return where
 * the scan goes on, or 0 when the number is not of their kind. */
static inline gsize
read_sign (Number *num)
{
  gsize n;

  if ((n = wlit (&num->w, num->at, "%")) || (n = wlit (&num->w, num->at, "％")))
    return _fz_extractor_spaced_percent (num, n);
  if ((n = wlit (&num->w, num->at, "倍")))
    return _fz_extractor_multiple (num, n);
  return 0;
}

/* 2022年…, 3月…, 14日. */
static inline gsize
read_date (Number *num)
{
  const Window *w = &num->w;
  gsize n;

  if (!num->integer)
    return 0;
  if ((n = wlit (w, num->at, "年")) && !wlit (w, num->at + n, "级") &&
      !wlit (w, num->at + n, "代") && num->v.n_digits == 4 && num->iv >= 1000 &&
      num->iv <= 2200 && num->at == 0)
    return _fz_extractor_year_date (num, n);
  /* 民國113年: Taiwan counts its years from 1912. */
  if (n != 0 && num->at == 0 && !num->chinese && num->iv >= 1 && num->iv <= 200 &&
      (ends_with_at (num->sc->text, num->start, "民國") ||
       ends_with_at (num->sc->text, num->start, "民国")))
    {
      num->iv += 1911;
      return _fz_extractor_year_date (num, n);
    }
  if (num->at != 0)
    return 0;
  if ((n = wlit (w, 0, "月")) && num->iv >= 1 && num->iv <= 12 && !num->bare_unit &&
      num->v.n_digits <= 2 && !wlit (w, n, "度"))
    return _fz_extractor_month_date (num, n);
  if ((n = wlit (w, 0, "日")) && num->iv >= 1 && num->iv <= 31 && !num->chinese)
    return _fz_extractor_day (num, n);
  return 0;
}

/* Page references and addresses, which only Arabic integers start. */
static inline gsize
read_identifier (Number *num)
{
  gsize n, end;

  if (!num->integer || num->at != 0 || num->chinese)
    return 0;
  if ((n = wlit (&num->w, 0, "版")) && (end = _fz_extractor_page_reference (num, n)))
    return end;
  return _fz_extractor_address (num);
}

/* 一个半月, 两个半小时, 一年半: a count of units and a half. */
static inline gsize
read_half (Number *num)
{
  static const struct { const char *word; const char *unit; } halves[] = {
    { "个半小时", "小时" }, { "個半小時", "小时" }, { "个半钟头", "小时" },
    { "个半月", "月" }, { "個半月", "月" }, { "年半", "年" },
  };
  FzDecimal half = { 5, 1, FZ_NUMERAL_DECIMAL, 0 };
  gsize n;

  if (!num->integer || num->iv < 0 || num->bare_unit ||
      !wlit (&num->w, num->at + 3, "半"))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (halves); i++)
    if ((n = wlit (&num->w, num->at, halves[i].word)))
      {
        if (!fz_decimal_add (&num->c.value, &half))
          return 0;
        num->c.value.flags |= FZ_NUMERAL_DECIMAL;
        return emit_measure (num, FZ_KIND_DURATION, halves[i].unit, num->at + n);
      }
  return 0;
}

/* 为期一年, 历时一年: a word of lasting makes a lone 一年 a length of time, not "one year" in
 * passing (一年一度). */
static gboolean
lasting_before (const Scan *sc,
                gsize       pos)
{
  static const char * const words[] = { "为期", "历时", "耗时", "用时", "长达", "整整", "為期",
                                        "歷時" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (ends_with_at (sc->text, pos, words[i]))
      return TRUE;
  return FALSE;
}

/* Years as a length of time (两年, 五年来, 10年), not idioms (百年, 千年). */
static inline gsize
read_years (Number *num)
{
  const Window *w = &num->w;
  gsize at = num->at, n;

  if (!(n = wlit (w, at, "年")) || wlit (w, at + n, "级") || wlit (w, at + n, "代") ||
      wlit (w, at + n, "度") || num->bare_unit)
    return 0;
  if (num->bare_one && !wlit (w, at + n, "来") && !wlit (w, at + n, "以来") &&
      !lasting_before (num->sc, num->start))
    return num->num_end;
  return emit_measure (num, FZ_KIND_DURATION, "年", at + n);
}

/* 翻一番, 翻了两番: doubled, and doubled again; a ratio (200, 400), as 是去年的2倍, not a
 * change. The span takes 翻: 一番 alone is "once" (研究一番). */
static inline gsize
read_doubling (Number *num)
{
  Scan *sc = num->sc;
  gsize n, from;

  if (!num->chinese || !num->integer || num->iv < 1 || num->iv > 3 ||
      !(n = wlit (&num->w, num->at, "番")))
    return 0;
  if (ends_with_at (sc->text, num->start, "翻"))
    from = num->start - strlen ("翻");
  else if (ends_with_at (sc->text, num->start, "翻了"))
    from = num->start - strlen ("翻了");
  else
    return 0;
  if (from < sc->last_end)
    return 0;
  memset (&num->c.value, 0, sizeof num->c.value);
  num->c.value.mantissa = (gint64) 100 << num->iv;
  num->c.kind = FZ_KIND_PERCENT;
  num->c.unit = "%";
  num->c.qualifier = FZ_QUALIFIER_EXACT;
  num->c.bstart = from;
  num->c.bend = wend (&num->w, num->at + n, num->num_end);
  _fz_extractor_emit (sc, &num->c);
  return num->c.bend;
}

/* Score: 94.69分, 九十四点六九分; 十分 is "very", 三分 too small a number to be read as a
 * score, 分之 a fraction and 8时30分 a time of day. */
static inline gsize
read_score (Number *num)
{
  gsize n;
  gunichar next;

  if ((num->chinese && num->integer && (num->iv < 20 || num->iv > 1000)) ||
      !(n = wlit (&num->w, num->at, "分")) || wlit (&num->w, num->at, "分钟") ||
      fz_text_char_in (num->before, "时点"))
    return 0;
  next = wchar (&num->w, num->at + n);
  /* A word after 分 (分局, 分别, 分为) makes it no score, but for the words of a ranking (96分位列
   * 第一, 并列, 居首); nor after a decimal, which no count of minutes or units has (93.87分分列). */
  if (fz_text_is_han (next) && !(num->c.value.flags & FZ_NUMERAL_DECIMAL) &&
      !fz_text_char_in (next, "的以左位列排居并"))
    return 0;
  return emit_measure (num, FZ_KIND_SCORE, "分", num->at + n);
}

/* The measure word at @at; the first three bytes are compared before the
 * whole word because most numbers are followed by none. */
static inline const Unit *
find_unit (const Window *w,
           gsize         at,
           gsize        *len)
{
  guchar b0 = w->buf[at];
  guchar b1 = at + 1 < w->n ? w->buf[at + 1] : 0;
  guchar b2 = at + 2 < w->n ? w->buf[at + 2] : 0;
  gunichar c = wchar (w, at);
  gsize n;

  /* Every unit starts with an ideograph that may follow a number. */
  if (c < 0x4E00 || c > 0x9FFF || !(follow[c >> 5] & (1u << (c & 31))))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if ((guchar) units[i].word[0] == b0 && (guchar) units[i].word[1] == b1 &&
        (guchar) units[i].word[2] == b2 && (n = wlit (w, at, units[i].word)))
      {
        *len = n;
        return &units[i];
      }
  return NULL;
}

/* Whether one of @words stands in the clause before @pos, up to 16 characters back. */
static gboolean
clause_before_has (const Scan         *sc,
                   gsize               pos,
                   const char * const *words,
                   guint               n_words)
{
  for (guint steps = 0; pos > 0 && steps < 16; steps++)
    {
      gsize p = utf8_prev (sc->text, pos);
      gunichar c;

      fz_text_decode (sc->text + p, pos - p, &c);
      if (is_clause_stop (c) || c == 0x3001 /* 、 */)
        break;
      for (guint i = 0; i < n_words; i++)
        if (ends_with_at (sc->text, pos, words[i]))
          return TRUE;
      pos = p;
    }
  return FALSE;
}

/* Whether the clause before @pos speaks of money (冻结资金8000余万). */
static gboolean
money_clause (const Scan *sc,
              gsize       pos)
{
  static const char * const cues[] = { "资金", "金额", "损失", "赃款", "投资了", "被骗" };

  return clause_before_has (sc, pos, cues, G_N_ELEMENTS (cues));
}

/* 安装量270.4万, 突破百万, 避免百亿经济损失: a number in 万 or 亿 needs no measure word
 * to be a quantity; it is money where the clause speaks of money. */
static gsize
read_myriads (Number *num)
{
  const Window *w = &num->w;
  FzKind kind = FZ_KIND_COUNT;
  const char *unit = "";

  if (!((num->v.flags & FZ_NUMERAL_MULT) || num->at > 0) ||
      fz_decimal_to_int (&num->c.value) < 10000 || num->num_end - num->start <= 3 ||
      wchar (w, num->at) == 0x5143 /* 元 */)
    return 0;
  if (money_clause (num->sc, num->start) || wlit (w, num->at, "经济损失") ||
      wlit (w, num->at, "损失") || wlit (w, num->at, "资金"))
    {
      kind = FZ_KIND_MONEY;
      unit = "元";
    }
  return emit_measure (num, kind, unit, num->at);
}

/* 3至5人, 三到五名: the low end of a range takes the measure word, and the 万 or 亿,
 * written after the high end; the high end is a figure of its own. */
static gsize
read_range_low (Number *num)
{
  static const char * const seps[] = { "至", "到", "—", "～", "~", "-", "－", "–", "〜" };
  Scan *sc = num->sc;
  gsize n = 0, sep_end, hn;
  FzDecimal high;
  Window hw;
  const Unit *u;

  for (guint i = 0; i < G_N_ELEMENTS (seps) && n == 0; i++)
    n = wlit (&num->w, num->at, seps[i]);
  /* A decimal low end too (3.5万至5万元, 1.5至2万元). */
  if (n == 0 || (num->c.value.flags & FZ_NUMERAL_PERCENT))
    return 0;
  sep_end = wend (&num->w, num->at + n, num->num_end);
  if (!fz_numeral_parse (sc->text + sep_end, sc->len - sep_end, &high, &hn) || hn == 0 ||
      (high.flags & FZ_NUMERAL_PERCENT) ||
      ((high.flags & FZ_NUMERAL_CHINESE) != 0) != num->chinese)
    return 0;
  window_fill (sc, sep_end + hn, &hw);
  n = 0;
  if ((num->v.flags & FZ_NUMERAL_MULT) || num->at > 0)
    ;   /* 3万至5万元: the low end has its own */
  else if (high.flags & FZ_NUMERAL_MULT)
    {
      /* 3至5万元: the high end's last multiplier is the low end's too. */
      int exp = ends_with_at (sc->text, sep_end + hn, "万亿") ? 12 :
                ends_with_at (sc->text, sep_end + hn, "亿") ? 8 :
                ends_with_at (sc->text, sep_end + hn, "万") ? 4 : 0;

      if (exp == 0 || !fz_decimal_mul_pow10 (&num->c.value, exp))
        return 0;
    }
  else if (!apply_multipliers (&hw, &n, &num->c.value, &num->c.qualifier))
    return 0;
  u = find_unit (&hw, n, &hn);
  if (u == NULL && n == 0 && wlit (&hw, 0, "年") && !wlit (&hw, 3, "级") &&
      !wlit (&hw, 3, "代") && high.scale == 0 && high.mantissa > num->iv &&
      high.mantissa <= 100)
    {
      /* 3至5年: lengths of time; years (2019至2021年) are no such range. */
      num->c.kind = FZ_KIND_DURATION;
      num->c.unit = "年";
    }
  else if (u == NULL || u->kind == FZ_KIND_PERCENT ||
           word_follows (&hw, n, unit_stops, G_N_ELEMENTS (unit_stops)))
    return 0;
  else
    {
      num->c.kind = u->kind;
      num->c.unit = u->unit;
    }
  num->c.bend = wend (&num->w, num->at, num->num_end);
  num->c.bstart = _fz_extractor_prefix_qualifier (sc, num->start, sc->last_end,
                                                  &num->c.qualifier);
  _fz_extractor_emit (sc, &num->c);
  return num->c.bend;
}

/* A number without a unit: a phone or service number, or 下降为零. */
static gsize
read_bare (Number *num)
{
  const FzDecimal *v = &num->v;
  gsize end;

  /* 1万到2万人: the low end of a range takes the high end's measure word before it would be
   * a count in 万 of its own. */
  if ((end = read_range_low (num)) || (end = read_myriads (num)))
    return end;
  if (!num->chinese && num->integer && !(v->flags & (FZ_NUMERAL_MULT | FZ_NUMERAL_OVER)) &&
      num->at == 0 && num->c.qualifier == FZ_QUALIFIER_EXACT && v->mantissa >= 0 &&
      (end = _fz_extractor_phone (num)))
    return end;
  if (num->chinese && v->mantissa == 0 && num->num_end - num->start == 3 &&
      ends_with_at (num->sc->text, num->start, "为"))
    return _fz_extractor_fall_to_zero (num);
  return num->num_end;
}

/* 万人发案率, 十万人均: a round number of people is the base of a rate, no count. */
static inline gboolean
rate_base (const Number *num,
           const Unit   *u,
           gsize         after)
{
  gint64 m = num->v.mantissa;

  if (!num->chinese || num->num_end - num->start > 6 || strcmp (u->unit, "人") != 0 ||
      num->v.scale != 0 || m < 100)
    return FALSE;
  while (m % 10 == 0)
    m /= 10;
  if (m != 1)
    return FALSE;
  if (num->before == 0x6BCF /* 每 */)
    return TRUE;
  for (guint k = 0; k < 4; k++, after += 3)
    {
      gunichar c = wchar (&num->w, after);

      if (c == 0x7387 /* 率 */ || c == 0x5747 /* 均 */ || (k == 0 && c == 0x53D1 /* 发 */))
        return TRUE;
      if (!fz_text_is_han (c))
        break;
    }
  return FALSE;
}

/* 9000余场(次), 500人（次）: the bracketed 次 makes the measure word 场次 or 人次. */
static const char *
times_in_brackets (const Number *num,
                   const Unit   *u,
                   gsize        *n)
{
  gsize k;

  if (strcmp (u->unit, "场") != 0 && strcmp (u->unit, "人") != 0)
    return u->unit;
  if (!(k = wlit (&num->w, num->at + *n, "(次)")) && !(k = wlit (&num->w, num->at + *n, "（次）")))
    return u->unit;
  *n += k;
  return strcmp (u->unit, "场") == 0 ? "场次" : "人次";
}

/* 几千块, 三千块: 块 alone is the spoken 元 where money changes hands in the clause; elsewhere
 * it counts pieces (三块牌子), and a small number of it is rarely money worth a figure. */
static gsize
read_kuai (Number *num)
{
  static const char * const verbs[] = { "投了", "投入", "转了", "转账", "骗了", "骗走", "赚了",
                                        "赔了", "花了", "借了", "付了", "交了", "汇了", "充值",
                                        "还了", "给了" };

  if (!wlit (&num->w, num->at, "块") || !num->integer ||
      fz_decimal_to_int (&num->c.value) < 100 ||
      !(money_clause (num->sc, num->start) ||
        clause_before_has (num->sc, num->start, verbs, G_N_ELEMENTS (verbs))))
    return 0;
  return emit_measure (num, FZ_KIND_MONEY, "元", num->at + strlen ("块"));
}

static inline gsize
read_unit (Number *num)
{
  gsize n = 0, end;
  const Unit *u = find_unit (&num->w, num->at, &n);
  const char *unit;

  if (u == NULL && (end = read_kuai (num)))
    return end;
  if (u == NULL || word_follows (&num->w, num->at, unit_stops, G_N_ELEMENTS (unit_stops)))
    return read_bare (num);
  if (num->chinese && (_fz_extractor_in_set_phrase (num, u, num->at + n) ||
                       rate_base (num, u, num->at + n)))
    return num->num_end;
  /* 3.0版, 2.5版: a version, not pages */
  if (u->kind == FZ_KIND_COUNT && strcmp (u->unit, "版") == 0 && !num->integer)
    return num->num_end;
  unit = times_in_brackets (num, u, &n);
  return emit_measure (num, u->kind, unit, num->at + n);
}

/* Handles the number written at [start, num_end) with value @v and returns
 * where the scan goes on.  The order of the readers matters: a date wins
 * over a duration, and both over a plain measure word. */
static gsize
handle_number (Scan      *sc,
               gsize      start,
               gsize      num_end,
               FzDecimal  v,
               gboolean   ordinal,
               gsize      ord_start)
{
  Number num;
  gsize end;

  if (!number_init (&num, sc, start, num_end, v, ordinal, ord_start))
    return num_end;
  window_fill (sc, num_end, &num.w);
  if (ordinal)
    return read_ordinal (&num);
  if (v.flags & FZ_NUMERAL_PERCENT)
    return _fz_extractor_percent (&num);
  if (!read_multiplier (&num))
    return num_end;
  if ((end = read_sign (&num)) || (end = read_date (&num)) || (end = read_identifier (&num)) ||
      (end = read_half (&num)) || (end = read_years (&num)) || (end = read_score (&num)) ||
      (end = read_doubling (&num)))
    return end;
  return read_unit (&num);
}

static inline gsize
at_least (gsize a,
          gsize b)
{
  return a > b ? a : b;
}

/* The bytes of a line break at @at (\n or \r\n), 0 when there is none. */
static gsize
line_break_at (const Scan *sc,
               gsize       at)
{
  if (at < sc->len && sc->text[at] == '\n')
    return 1;
  if (at + 1 < sc->len && sc->text[at] == '\r' && sc->text[at + 1] == '\n')
    return 2;
  return 0;
}

/* 嫌疑人2\n56名, 3.\n5亿元, 1\n,234起: a number that the layout of a PDF broke over two lines.
 * Its digits at @pos run to @end, the end of a line, after a word (not a table's cell after
 * white space, 杭州市 3215) and go on at once on the next line, a digit, a point or a comma
 * there, and no white space after the digits that follow. Returns the number read across
 * the break into @v and its end in @num_end, or FALSE. */
static gboolean
number_across_break (Scan      *sc,
                     gsize      pos,
                     gsize      end,
                     FzDecimal *v,
                     gsize     *num_end)
{
  char buf[64];
  gsize brk = end, nb, after, k, n, len;
  gunichar before = char_before (sc->text, pos);

  if (pos == 0 || before == 0 || fz_text_isspace (before) || before == '\n' ||
      (before < 0x80 && (g_ascii_isalnum (before) || before == '-' || before == '.')))
    return FALSE;
  if (brk < sc->len && (sc->text[brk] == '.' || sc->text[brk] == ','))
    brk++;
  /* No number is that long; a run of digits that is leaves the buffer room. */
  if (brk - pos >= sizeof buf / 2 || (nb = line_break_at (sc, brk)) == 0)
    return FALSE;
  after = brk + nb;
  k = after;
  if (brk == end && k < sc->len && sc->text[k] == ',')
    k++;
  if (k >= sc->len || !g_ascii_isdigit (sc->text[k]))
    return FALSE;
  while (k < sc->len && (g_ascii_isdigit (sc->text[k]) || sc->text[k] == '.' ||
                         sc->text[k] == ','))
    k++;
  if (k >= sc->len || fz_text_isspace ((guchar) sc->text[k]) || sc->text[k] == '\n' ||
      g_ascii_isalpha (sc->text[k]))
    return FALSE;
  /* The number with the break taken out, and what follows, for the parser to read. */
  len = MIN (sc->len - after, sizeof buf - 1 - (brk - pos));
  memcpy (buf, sc->text + pos, brk - pos);
  memcpy (buf + (brk - pos), sc->text + after, len);
  buf[brk - pos + len] = '\0';
  if (!fz_numeral_parse (buf, brk - pos + len, v, &n) || n <= brk - pos)
    return FALSE;
  *num_end = n + nb + pos;
  return TRUE;
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
  if (end < sc->len && (sc->text[end] == '\n' || sc->text[end] == '\r' || sc->text[end] == '.' ||
                        sc->text[end] == ',') &&
      number_across_break (sc, pos, end, &v, &n))
    return at_least (handle_number (sc, pos, n, v, FALSE, 0), pos + 1);
  if (end < sc->len)
    {
      guchar b = sc->text[end];

      /* 2022-01-09, 26.12.2017, 1—7月: dates written with signs. */
      if (((b == '-' || b == '/' || b == '.') && (n = _fz_extractor_numeric_date (sc, pos))) ||
          (end - pos <= 2 && (n = _fz_extractor_month_range_low (sc, pos))) ||
          (end - pos == 4 && (n = _fz_extractor_year_range_low (sc, pos))))
        return n;

      if (g_ascii_isalpha (b) || b == '@' || b == '_' ||
          (b == '.' && end + 1 < sc->len && g_ascii_isalpha (sc->text[end + 1])))
        return at_least (_fz_extractor_ascii_word (sc, pos), end);
      if (b == '-' && end + 1 < sc->len && g_ascii_isdigit (sc->text[end + 1]) &&
          (n = _fz_extractor_hyphen_code (sc, pos, end)) != 0)
        return n;
    }
  if (!fz_numeral_parse (sc->text + pos, sc->len - pos, &v, &n) || n == 0)
    return end > pos ? end : pos + 1;
  fz_text_decode (sc->text + pos + n, sc->len - pos - n, &next);
  if (next < 0x80 && g_ascii_isalpha (next))
    return _fz_extractor_ascii_word (sc, pos);
  {
    gsize s0 = _fz_extractor_sign_before (sc, pos, TRUE);

    if (s0 != pos && v.mantissa > 0)
      {
        v.mantissa = -v.mantissa;
        return at_least (handle_number (sc, s0, pos + n, v, FALSE, 0), pos + 1);
      }
  }
  return at_least (handle_number (sc, pos, pos + n, v, FALSE, 0), pos + 1);
}

/* 半 is a number only before a length of time: 半年来, 半个月. */
static gsize
handle_half (Scan  *sc,
             gsize  pos,
             gsize  clen)
{
  gunichar b = char_before (sc->text, pos);
  FzDecimal v;
  Window w;

  if (fz_text_char_in (b, "上下前后大一多过减折对"))
    return pos + clen;
  window_fill (sc, pos + clen, &w);
  if ((wlit (&w, 0, "年") && !wlit (&w, 0, "年级") && !wlit (&w, 0, "年度")) ||
      wlit (&w, 0, "个月") ||
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

static inline gboolean
is_numeral_char (gunichar c)
{
  return (fz_numeral_digit_value (c) >= 0 && fz_text_digit_value (c) < 0) ||
         fz_text_char_in (c, "十百千万亿拾佰仟萬億");
}

/* 三 千 九 百 人: PDF layout put a space between the characters of one numeral.
 * The numeral is read without the spaces and its end mapped back to the text. */
static gboolean
parse_spaced (const Scan *sc,
              gsize       pos,
              gsize       n,
              FzDecimal  *v,
              gsize      *end)
{
  char buf[64];
  guint32 src[64];
  gsize k = 0, p = pos, used = 0, after;
  gunichar c;

  if (pos + n + 3 >= sc->len || (sc->text[pos + n] != ' ' && !ends_with_at (sc->text,
                                                                            pos + n + 3, "\u3000")))
    return FALSE;
  after = pos + n + (sc->text[pos + n] == ' ' ? 1 : 3);
  fz_text_decode (sc->text + after, sc->len - after, &c);
  if (!is_numeral_char (c))
    return FALSE;
  for (guint chars = 0; p < sc->len && chars < 16; )
    {
      gsize cl = fz_text_decode (sc->text + p, sc->len - p, &c);

      if (c != ' ' && c != 0x3000)
        {
          if (k + cl > sizeof buf)
            break;
          for (gsize i = 0; i < cl; i++, k++)
            {
              buf[k] = sc->text[p + i];
              src[k] = p + i;
            }
          chars++;
        }
      p += cl;
    }
  if (!fz_numeral_parse (buf, k, v, &used) || used == 0 || src[used - 1] + 1 <= pos + n)
    return FALSE;
  *end = src[used - 1] + 1;
  return TRUE;
}

static gsize
handle_cjk (Scan     *sc,
            gsize     pos,
            gunichar  c,
            gsize     clen)
{
  FzDecimal v;
  gsize n;

  /* 数 几 负 and the capital 陆 伍 拾 start many more words (数据, 负责, 大陆, 队伍, 收拾)
   * than numbers: only a numeral after them is worth a parse. */
  if (prefix_only[c >> 5] & (1u << (c & 31)))
    {
      gunichar next;

      fz_text_decode (sc->text + pos + clen, sc->len - pos - clen, &next);
      if (!is_numeral_char (next) && fz_text_digit_value (next) < 0 &&
          !fz_text_char_in (next, "元圆"))
        return pos + clen;
    }
  if (c == 0x7B2C) /* 第 */
    {
      gsize p = pos + clen;

      if (fz_numeral_parse (sc->text + p, sc->len - p, &v, &n) && n > 0 &&
          !(v.flags & (FZ_NUMERAL_PERCENT | FZ_NUMERAL_DECIMAL)) && v.mantissa > 0)
        return at_least (handle_number (sc, p, p + n, v, TRUE, pos), p);
      return pos + clen;
    }
  if (c == 0x534A) /* 半 */
    return handle_half (sc, pos, clen);
  if (c >= 0xFF10 && c <= 0xFF19)
    {
      if (!fz_numeral_parse (sc->text + pos, sc->len - pos, &v, &n) || n == 0)
        return pos + clen;
      return at_least (handle_number (sc, pos, pos + n, v, FALSE, 0), pos + clen);
    }
  if (!fz_numeral_parse (sc->text + pos, sc->len - pos, &v, &n) || n == 0)
    return pos + clen;
  {
    gsize end;

    if (parse_spaced (sc, pos, n, &v, &end))
      return at_least (handle_number (sc, pos, end, v, FALSE, 0), pos + clen);
  }
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
          pos = at_least (_fz_extractor_ascii_word (sc, pos), pos + 1);
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
          cp += fz_text_count_chars (text + pos, bytes[k] - pos);
          pos = bytes[k];
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

/* Emission follows the scan, so the list is nearly sorted already. */
static void
sort_figures (FzFigureList *list)
{
  guint n = fz_figure_list_get_n (list);

  for (guint i = 1; i < n; i++)
    {
      FzFigure tmp = *fz_figure_list_get (list, i);
      guint j = i;

      while (j > 0 && compare_bytes (fz_figure_list_get (list, j - 1), &tmp) > 0)
        {
          *fz_figure_list_get_mut (list, j) = *fz_figure_list_get (list, j - 1);
          j--;
        }
      *fz_figure_list_get_mut (list, j) = tmp;
    }
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

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  memset (&sc, 0, sizeof sc);
  sc.text = text;
  sc.len = MIN (len, (gsize) G_MAXUINT32);
  sc.list = fz_figure_list_new ();
  scan_text (&sc);
  sort_figures (sc.list);
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
