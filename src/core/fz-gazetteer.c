/* fz-gazetteer.c: loads data/gazetteer.tsv into flat arrays of places and the names they go by. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-gazetteer-private.h"
#include "fz-text-private.h"

#include "fz-error.h"

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

/* Peoples named in autonomous areas, stripped with their suffix for the short form. */
static const char * const peoples[] = {
  "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
  "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族",
  "傈僳族", "佤族", "畲族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族",
  "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族",
  "仡佬族", "锡伯族", "普米族", "塔吉克族", "怒族", "鄂温克族", "鄂伦春族",
  "独龙族", "保安族", "裕固族", "京族", "各族", "蒙古", "维吾尔",
};

static const char * const suffixes_1[] = { "特别行政区", "自治区", "省", "市", NULL };
static const char * const suffixes_2[] = { "自治州", "地区", "盟", "市", NULL };
static const char * const suffixes_3[] = { "自治县", "自治旗", "林区", "特区", "新区", "区", "县",
                                           "市", "旗", NULL };
static const char * const suffixes_4[] = { "街道办事处", "地区办事处", "办事处", "街道", "民族乡",
                                           "民族镇", "镇", "乡", "苏木", NULL };
/* Names with these endings are zones, not divisions with a proper name before a suffix. */
static const char * const zone_endings[] = {
  "开发区", "园区", "合作区", "示范区", "实验区", "管理区", "保税区", "风景区", "旅游区",
  "度假区", "工业区", "试验区", "高新区", "集中区", "农场", "林场", "牧场", NULL
};

static gboolean
has_suffix (const char *s,
            gsize       len,
            const char *suffix)
{
  const char *end = suffix;

  /* Compared from the end, where most names differ at once: this runs for every suffix of
   * every division at startup. */
  while (*end != '\0')
    end++;
  for (const char *p = s + len; end > suffix; )
    if (p == s || *--p != *--end)
      return FALSE;
  return TRUE;
}

static GHashTable *common_word_set;

static gboolean
is_common_word (const char *s)
{
  if (g_once_init_enter (&common_word_set))
    {
      GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (common_words); i++)
        g_hash_table_add (set, (gpointer) common_words[i]);
      g_once_init_leave (&common_word_set, set);
    }
  return g_hash_table_contains (common_word_set, s);
}

/* The short form of a division name (湖州市 → 湖州, 延边朝鲜族自治州 → 延边),
 * written into `out`; FALSE when there is none or it would be unsafe. */
static gboolean
make_short_form (const char *name,
                 guint       level,
                 char       *out,
                 gsize       out_size)
{
  const char * const *suffixes;
  gsize len = strlen (name);
  gboolean stripped = FALSE;

  switch (level)
    {
    case 1: suffixes = suffixes_1; break;
    case 2: suffixes = suffixes_2; break;
    case 3: suffixes = suffixes_3; break;
    case 4: suffixes = suffixes_4; break;
    default: return FALSE;
    }
  for (guint i = 0; zone_endings[i] != NULL; i++)
    if (has_suffix (name, len, zone_endings[i]))
      return FALSE;
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (has_suffix (name, len, suffixes[i]))
      {
        len -= strlen (suffixes[i]);
        stripped = TRUE;
        break;
      }
  if (!stripped)
    return FALSE;

  /* 广西壮族自治区, 恩施土家族苗族自治州: drop every people's name at the end. */
  for (gboolean again = g_strstr_len (name, len, "族") != NULL ||
                        g_strstr_len (name, len, "蒙古") != NULL ||
                        g_strstr_len (name, len, "维吾尔") != NULL; again;)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (peoples); i++)
        if (has_suffix (name, len, peoples[i]) && len > strlen (peoples[i]))
          {
            len -= strlen (peoples[i]);
            again = TRUE;
          }
    }
  if (len >= out_size)
    return FALSE;
  memcpy (out, name, len);
  out[len] = '\0';
  if (g_utf8_strlen (out, -1) < 2 || is_common_word (out))
    return FALSE;
  return TRUE;
}

static void
gazetteer_init (FzGazetteer *self)
{
  g_atomic_ref_count_init (&self->ref);
  self->strings = g_string_chunk_new (64 * 1024);
  self->places = g_array_sized_new (FALSE, TRUE, sizeof (Place), 48000);
  self->candidates = g_array_sized_new (FALSE, TRUE, sizeof (Candidate), 96000);
  self->names = g_hash_table_new (g_str_hash, g_str_equal);
  self->entries = g_array_sized_new (FALSE, FALSE, sizeof (NameEntry), 96000);
  self->codes = g_hash_table_new (NULL, NULL);
  self->trie = _fz_trie_new ();
}

NameEntry *
_fz_gazetteer_entry (FzGazetteer *self,
                     const char  *name)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->names, name));

  return index != 0 ? &g_array_index (self->entries, NameEntry, index - 1) : NULL;
}

void
_fz_gazetteer_add_name (FzGazetteer *self,
                        const char  *name,
                        guint32      id,
                        gboolean     is_short)
{
  Candidate c = { id, FZ_GAZETTEER_NONE, is_short };
  guint32 index = self->candidates->len;
  NameEntry *entry = _fz_gazetteer_entry (self, name);
  NameEntry fresh = { name, index, id, FZ_GAZETTEER_NONE, is_short, FALSE };
  gunichar first;
  glong n_chars;

  if (entry != NULL)
    {
      /* Keep each division once per name, full form winning over short. */
      for (guint32 i = entry->head; i != FZ_GAZETTEER_NONE;
           i = g_array_index (self->candidates, Candidate, i).next)
        {
          Candidate *old = &g_array_index (self->candidates, Candidate, i);
          if (old->id == id)
            {
              old->is_short = old->is_short && is_short;
              if (i == entry->head)
                entry->head_short = old->is_short;
              return;
            }
        }
      c.next = entry->head;
      g_array_append_val (self->candidates, c);
      entry->after_head = entry->head;
      entry->head = index;
      entry->head_id = id;
      entry->head_short = is_short;
      return;
    }

  g_array_append_val (self->candidates, c);
  g_array_append_val (self->entries, fresh);
  g_hash_table_insert (self->names, (gpointer) name, GUINT_TO_POINTER (self->entries->len));
  n_chars = g_utf8_strlen (name, -1);
  /* The scan looks up names of two characters or more. */
  /* Every name is valid UTF-8: the files are checked whole before they are cut at tabs. */
  if (n_chars < 2 || n_chars > MAX_NAME_CHARS)
    return;
  first = g_utf8_get_char (name);
  if (first < 0x10000)
    self->first_bits[first >> 3] |= (guint8) (1u << (first & 7));
  _fz_trie_insert (self->trie, name, GUINT_TO_POINTER (self->entries->len));
}

void
_fz_gazetteer_add_place_names (FzGazetteer *self,
                               guint32      id)
{
  const Place *p = &g_array_index (self->places, Place, id);
  char buf[256];

  /* A few townships are called 街道 or 中心: such a name is not a mention. */
  if (p->level <= 2 || p->type != FZ_PLACE_DIVISION || !is_common_word (p->name))
    _fz_gazetteer_add_name (self, p->name, id, FALSE);
  if (p->type == FZ_PLACE_DIVISION && make_short_form (p->name, p->level, buf, sizeof buf))
    _fz_gazetteer_add_name (self, g_string_chunk_insert (self->strings, buf), id, TRUE);
}

gboolean
_fz_gazetteer_parse_error (GError     **error,
                           const char  *origin,
                           guint        line_no,
                           const char  *what)
{
  g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE, "%s:%u: %s", origin, line_no, what);
  return FALSE;
}

gboolean
_fz_gazetteer_parse_code (const char *s,
                          gint64     *code)
{
  gint64 v = 0;
  guint n = 0;

  if (!g_ascii_isdigit (s[0]))
    return FALSE;
  /* Digits read in place: strtoll () took a tenth of the loading time. Codes have at most 12
   * digits; longer ones, which could overflow, are still read by it. */
  for (; g_ascii_isdigit (s[n]) && n < 18; n++)
    v = v * 10 + (s[n] - '0');
  if (n < 18)
    {
      *code = v;
      return s[n] == '\0' && v > 0;
    }
  {
    char *end = NULL;

    *code = g_ascii_strtoll (s, &end, 10);
    return end != NULL && *end == '\0' && *code > 0;
  }
}


/* Cuts the line at @line in place; returns the start of the next, or NULL. */
static char *
cut_line (char *line)
{
  char *eol = strchr (line, '\n');

  if (eol != NULL)
    *eol = '\0';
  if (eol != NULL && eol > line && eol[-1] == '\r')
    eol[-1] = '\0';
  return eol != NULL ? eol + 1 : NULL;
}

static gboolean
cut_fields (char     *line,
            char    **f,
            guint     line_no,
            GError  **error)
{
  guint n = 0;

  f[n++] = line;
  for (char *s = line; *s != '\0'; s++)
    if (*s == '\t')
      {
        *s = '\0';
        if (n == 4)
          return _fz_gazetteer_parse_error (error, "gazetteer", line_no, "more than 4 columns");
        f[n++] = s + 1;
      }
  if (n != 4)
    return _fz_gazetteer_parse_error (error, "gazetteer", line_no,
                                      "expected code, parent_code, level, name");
  return TRUE;
}

static gboolean
check_division (FzGazetteer  *self,
                char        **f,
                guint         line_no,
                gint64       *code,
                gint64       *parent_code,
                GError      **error)
{
  if (!_fz_gazetteer_parse_code (f[0], code))
    return _fz_gazetteer_parse_error (error, "gazetteer", line_no, "code is not a positive number");
  if (f[1][0] != '\0' && !_fz_gazetteer_parse_code (f[1], parent_code))
    return _fz_gazetteer_parse_error (error, "gazetteer", line_no, "parent_code is not a number");
  if (f[2][0] < '1' || f[2][0] > '4' || f[2][1] != '\0')
    return _fz_gazetteer_parse_error (error, "gazetteer", line_no, "level is not 1 to 4");
  /* The buffer was found valid UTF-8 whole, and a tab cuts no character. */
  if (f[3][0] == '\0')
    return _fz_gazetteer_parse_error (error, "gazetteer", line_no, "empty or invalid name");
  if (g_hash_table_contains (self->codes, GSIZE_TO_POINTER ((gsize) *code)))
    return _fz_gazetteer_parse_error (error, "gazetteer", line_no, "duplicate code");
  return TRUE;
}

/* Parents are found by code once all are read: a line may name a parent below it. */
static gboolean
load_division (FzGazetteer  *self,
               char         *line,
               guint         line_no,
               GArray       *parent_codes,
               GError      **error)
{
  char *f[4];
  Place p = { 0 };
  gint64 parent_code = 0;

  if (!cut_fields (line, f, line_no, error) ||
      !check_division (self, f, line_no, &p.code, &parent_code, error))
    return FALSE;
  p.level = f[2][0] - '0';
  p.name = f[3];
  p.type = FZ_PLACE_DIVISION;
  p.parent = FZ_GAZETTEER_NONE;
  g_hash_table_insert (self->codes, GSIZE_TO_POINTER ((gsize) p.code),
                       GUINT_TO_POINTER (self->places->len + 1));
  g_array_append_val (self->places, p);
  g_array_append_val (parent_codes, parent_code);
  return TRUE;
}

static void
link_divisions (FzGazetteer *self,
                GArray      *parent_codes)
{
  /* A division adds a full and a short name, sharing most of their characters. The table of
   * pairs, smaller, grows as it must: a walk's time goes in reading it, so it stays dense. */
  _fz_trie_reserve (self->trie, self->places->len * 3, 0);
  for (guint32 i = 0; i < self->places->len; i++)
    {
      gint64 pc = g_array_index (parent_codes, gint64, i);
      if (pc != 0)
        g_array_index (self->places, Place, i).parent = fz_gazetteer_lookup_code (self, pc);
      _fz_gazetteer_add_place_names (self, i);
    }
}

/* One pass over the buffer, cutting fields in place. */
static gboolean
load_divisions (FzGazetteer  *self,
                GError      **error)
{
  char *line = self->data;
  guint line_no = 0;
  g_autoptr(GArray) parent_codes = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 48000);

  while (line != NULL && *line != '\0')
    {
      char *next = cut_line (line);

      line_no++;
      if (line[0] != '#' && line[0] != '\0' &&
          !load_division (self, line, line_no, parent_codes, error))
        return FALSE;
      line = next;
    }

  if (self->places->len == 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_EMPTY, "the gazetteer holds no division");
      return FALSE;
    }
  link_divisions (self, parent_codes);
  return TRUE;
}

static void
gazetteer_free (FzGazetteer *self)
{
  g_free (self->data);
  g_string_chunk_free (self->strings);
  g_array_unref (self->places);
  g_array_unref (self->candidates);
  g_hash_table_unref (self->names);
  g_hash_table_unref (self->codes);
  _fz_trie_free (self->trie);
  g_array_unref (self->entries);
  g_free (self);
}

static FzGazetteer *
gazetteer_new_take (char    *data,
                    GError **error)
{
  FzGazetteer *self = g_new0 (FzGazetteer, 1);

  gazetteer_init (self);
  self->data = data;
  if (!g_utf8_validate (data, -1, NULL))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_ENCODING, "the gazetteer is not valid UTF-8");
      gazetteer_free (self);
      return NULL;
    }
  if (!load_divisions (self, error))
    {
      gazetteer_free (self);
      return NULL;
    }
  return self;
}

FzGazetteer *
fz_gazetteer_new_from_data (const char  *data,
                            gssize       len,
                            GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  if (len < 0)
    len = strlen (data);
  return gazetteer_new_take (g_strndup (data, len), error);
}

FzGazetteer *
fz_gazetteer_new_from_file (const char  *path,
                            GError     **error)
{
  char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  if (!fz_file_get_contents (path, &data, &len, error))
    return NULL;
  if (memchr (data, '\0', len) != NULL)
    {
      g_free (data);
      g_set_error (error, FZ_ERROR, FZ_ERROR_BINARY, "%s: not a text file", path);
      return NULL;
    }
  return gazetteer_new_take (data, error);
}

FzGazetteer *
fz_gazetteer_ref (FzGazetteer *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
fz_gazetteer_unref (FzGazetteer *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref))
    gazetteer_free (self);
}

/* Columns: name, code, type (zone, alias or generic), an optional source. */
