/* fz-gazetteer-short.c: the short forms of division names, and the everyday words that are
 * no place's name. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-gazetteer-private.h"

#include <string.h>

/* Short forms that are everyday words in news text; a place so named is only
 * found under its full name. */
static const char * const common_words[] = {
  "公安", "平安", "和平", "太平", "新华", "长安", "城区", "郊区", "矿区", "市中",
  "中心", "城关", "开发", "工业", "经济", "高新", "发展", "建设", "团结", "胜利",
  "红旗", "前进", "光明", "人民", "民主", "东风", "向阳", "解放", "新城", "新村",
  "新区", "新兴", "友谊", "幸福", "先锋", "合作", "文化", "和谐", "振兴", "复兴",
  "创新", "安全", "城市", "农业", "实验", "示范", "开放", "改革", "共和", "繁荣",
  "大众", "群众", "全民", "美丽", "文明", "清廉", "宣传", "治理", "服务", "工作",
  "社会", "国家", "中国", "科技", "金融", "交通", "政法", "检察", "法院", "司法",
  "公园", "广场", "车站", "火车站", "机场", "港口", "农场", "林场", "牧场", "渔场",
  "社区", "街道", "城镇", "乡镇", "乡村", "农村", "新镇", "老城", "古城", "东方",
  "西部", "东部", "南部", "北部", "中部", "江南", "江北", "河东", "河西", "城中",
  "城东", "城西", "城南", "城北", "东城", "西城", "南城", "北城", "永安", "长寿",
  "大同", "民族", "统一", "和顺", "永和", "安定", "兴业", "双拥", "五一", "七一",
  "八一", "红星", "新生", "前锋", "曙光", "黎明", "朝阳", "新建", "新开", "新民",
  "新华街", "青年", "资源", "石油", "铁路", "电力", "钢城", "煤城", "水利", "华侨", "侨乡",
};

/* A suffix and its length in bytes, counted once at compile time rather than for every name. */
typedef struct
{
  const char *s;
  gsize       len;
} Suffix;

#define SUFFIX(str) { str, sizeof str - 1 }

/* Peoples named in autonomous areas, stripped with their suffix for the short form. */
static const Suffix peoples[] = {
  SUFFIX ("蒙古族"), SUFFIX ("回族"), SUFFIX ("藏族"), SUFFIX ("维吾尔族"), SUFFIX ("苗族"),
  SUFFIX ("彝族"), SUFFIX ("壮族"), SUFFIX ("布依族"), SUFFIX ("朝鲜族"), SUFFIX ("满族"),
  SUFFIX ("侗族"), SUFFIX ("瑶族"), SUFFIX ("白族"), SUFFIX ("土家族"), SUFFIX ("哈尼族"),
  SUFFIX ("哈萨克族"), SUFFIX ("傣族"), SUFFIX ("黎族"), SUFFIX ("傈僳族"), SUFFIX ("佤族"),
  SUFFIX ("畲族"), SUFFIX ("拉祜族"), SUFFIX ("水族"), SUFFIX ("东乡族"), SUFFIX ("纳西族"),
  SUFFIX ("景颇族"), SUFFIX ("柯尔克孜族"), SUFFIX ("土族"), SUFFIX ("达斡尔族"), SUFFIX ("仫佬族"),
  SUFFIX ("羌族"), SUFFIX ("布朗族"), SUFFIX ("撒拉族"), SUFFIX ("毛南族"), SUFFIX ("仡佬族"),
  SUFFIX ("锡伯族"), SUFFIX ("普米族"), SUFFIX ("塔吉克族"), SUFFIX ("怒族"), SUFFIX ("鄂温克族"),
  SUFFIX ("鄂伦春族"), SUFFIX ("独龙族"), SUFFIX ("保安族"), SUFFIX ("裕固族"), SUFFIX ("京族"),
  SUFFIX ("各族"), SUFFIX ("蒙古"), SUFFIX ("维吾尔")
};

static const Suffix suffixes_1[] = {
  SUFFIX ("特别行政区"), SUFFIX ("自治区"), SUFFIX ("省"), SUFFIX ("市"), { NULL, 0 }
};
static const Suffix suffixes_2[] = {
  SUFFIX ("自治州"), SUFFIX ("地区"), SUFFIX ("盟"), SUFFIX ("市"), { NULL, 0 }
};
static const Suffix suffixes_3[] = {
  SUFFIX ("自治县"), SUFFIX ("自治旗"), SUFFIX ("林区"), SUFFIX ("特区"), SUFFIX ("新区"),
  SUFFIX ("区"), SUFFIX ("县"), SUFFIX ("市"), SUFFIX ("旗"), { NULL, 0 }
};
static const Suffix suffixes_4[] = {
  SUFFIX ("街道办事处"), SUFFIX ("地区办事处"), SUFFIX ("办事处"), SUFFIX ("街道"),
  SUFFIX ("民族乡"), SUFFIX ("民族镇"), SUFFIX ("镇"), SUFFIX ("乡"), SUFFIX ("苏木"), { NULL, 0 }
};
/* Names with these endings are zones, not divisions with a proper name before a suffix. */
static const Suffix zone_endings[] = {
  SUFFIX ("开发区"), SUFFIX ("园区"), SUFFIX ("合作区"), SUFFIX ("示范区"), SUFFIX ("实验区"),
  SUFFIX ("管理区"), SUFFIX ("保税区"), SUFFIX ("风景区"), SUFFIX ("旅游区"), SUFFIX ("度假区"),
  SUFFIX ("工业区"), SUFFIX ("试验区"), SUFFIX ("高新区"), SUFFIX ("集中区"), SUFFIX ("农场"),
  SUFFIX ("林场"), SUFFIX ("牧场"), { NULL, 0 }
};

/* The last byte first, where most names differ at once: this runs for every suffix of every
 * division at startup. */
static inline gboolean
has_suffix (const char   *s,
            gsize         len,
            const Suffix *suffix)
{
  gsize n = suffix->len;

  return len >= n && s[len - 1] == suffix->s[n - 1] &&
         memcmp (s + len - n, suffix->s, n - 1) == 0;
}

/* The common words by a hash of their first and last bytes, open addressing: asked of most
 * names, a GHashTable hashed each byte by byte and compared it with a call. */
#define COMMON_BITS 9

typedef struct
{
  const char **common;
  guint64      common_lengths;      /* a bit for each length in bytes of a common word */
  guint8       zone_last[256 / 8];  /* the last bytes of zone_endings */
} WordTables;

static WordTables *word_tables;

/* Every common word has four bytes or more (two characters). */
static inline guint
common_slot (const char *s,
             gsize       len)
{
  guint32 a, b;

  memcpy (&a, s, 4);
  memcpy (&b, s + len - 4, 4);
  return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u) ^ (guint32) len) >> (32 - COMMON_BITS);
}

static const WordTables *
get_word_tables (void)
{
  if (g_once_init_enter (&word_tables))
    {
      const guint mask = (1u << COMMON_BITS) - 1;
      WordTables *t = g_new0 (WordTables, 1);

      t->common = g_new0 (const char *, 1u << COMMON_BITS);
      for (guint i = 0; i < G_N_ELEMENTS (common_words); i++)
        {
          gsize n = strlen (common_words[i]);
          guint j = common_slot (common_words[i], n);

          g_assert (n >= 4 && n < 64);
          t->common_lengths |= G_GUINT64_CONSTANT (1) << n;
          while (t->common[j] != NULL)
            j = (j + 1) & mask;
          t->common[j] = common_words[i];
        }
      for (guint i = 0; zone_endings[i].s != NULL; i++)
        {
          guchar last = zone_endings[i].s[zone_endings[i].len - 1];

          t->zone_last[last >> 3] |= (guint8) (1u << (last & 7));
        }
      g_once_init_leave (&word_tables, t);
    }
  return word_tables;
}

gboolean
_fz_gazetteer_is_common_word (const char *s,
                              gsize       len)
{
  const guint mask = (1u << COMMON_BITS) - 1;
  const WordTables *t = get_word_tables ();

  if (len >= 64 || (t->common_lengths & (G_GUINT64_CONSTANT (1) << len)) == 0)
    return FALSE;
  for (guint j = common_slot (s, len); t->common[j] != NULL; j = (j + 1) & mask)
    /* strncmp (), not memcmp (): a word of the table may be shorter than @len. */
    if (strncmp (t->common[j], s, len) == 0 && t->common[j][len] == '\0')
      return TRUE;
  return FALSE;
}

/* Whether @name (@len bytes) ends as a zone does; most names' last byte ends none. */
static gboolean
is_zone_name (const char *name,
              gsize       len)
{
  const WordTables *t = get_word_tables ();
  guchar last = len > 0 ? name[len - 1] : 0;

  if ((t->zone_last[last >> 3] & (1u << (last & 7))) == 0)
    return FALSE;
  for (guint i = 0; zone_endings[i].s != NULL; i++)
    if (has_suffix (name, len, &zone_endings[i]))
      return TRUE;
  return FALSE;
}

/* Whether @s has fewer than two characters, counted only when its length in bytes (at most
 * four a character) leaves a doubt. */
static inline gboolean
is_one_char (const char *s,
             gsize       len)
{
  return len < 8 && g_utf8_strlen (s, len) < 2;
}

/* Whether @s (@len bytes) ends with a character that ends a people's name (族, 古, 尔): the
 * names of peoples are looked for only then. */
static inline gboolean
may_end_with_people (const char *s,
                     gsize       len)
{
  static const Suffix last[] = { SUFFIX ("族"), SUFFIX ("古"), SUFFIX ("尔") };

  for (guint i = 0; i < G_N_ELEMENTS (last); i++)
    if (has_suffix (s, len, &last[i]))
      return TRUE;
  return FALSE;
}

/* The short form of a division name (湖州市 → 湖州, 延边朝鲜族自治州 → 延边),
 * written into `out`, its length in @out_len; FALSE when there is none or it would be
 * unsafe. */
gboolean
_fz_gazetteer_short_form (const char *name,
                          gsize       len,
                          guint       level,
                          char       *out,
                          gsize       out_size,
                          gsize      *out_len)
{
  const Suffix *suffixes;
  gboolean stripped = FALSE;

  switch (level)
    {
    case 1: suffixes = suffixes_1; break;
    case 2: suffixes = suffixes_2; break;
    case 3: suffixes = suffixes_3; break;
    case 4: suffixes = suffixes_4; break;
    default: return FALSE;
    }
  if (is_zone_name (name, len))
    return FALSE;
  for (guint i = 0; suffixes[i].s != NULL; i++)
    if (has_suffix (name, len, &suffixes[i]))
      {
        len -= suffixes[i].len;
        stripped = TRUE;
        break;
      }
  if (!stripped)
    return FALSE;

  /* 广西壮族自治区, 恩施土家族苗族自治州: drop every people's name at the end. Each of them
   * ends with 族, 古 or 尔, so a name that does not strips none. */
  for (gboolean again = may_end_with_people (name, len); again;)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (peoples); i++)
        if (has_suffix (name, len, &peoples[i]) && len > peoples[i].len)
          {
            len -= peoples[i].len;
            again = TRUE;
          }
    }
  if (len >= out_size)
    return FALSE;
  memcpy (out, name, len);
  out[len] = '\0';
  *out_len = len;
  if (is_one_char (out, len) || _fz_gazetteer_is_common_word (out, len))
    return FALSE;
  return TRUE;
}
