/* fz-gazetteer.c: loads data/gazetteer.tsv into flat arrays and finds place names in a text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-gazetteer.h"

#include "fz-error.h"

#include <string.h>

/* Names longer than this are not matched; the longest division name has 19. */
#define MAX_NAME_CHARS 24
#define MAX_CANDIDATES 256

typedef struct
{
  gint64       code;
  const char  *name;
  guint32      parent;
  guint8       level;
  guint8       type;
} Place;

typedef struct
{
  guint32 id;
  guint32 next;      /* next candidate of the same name, or FZ_GAZETTEER_NONE */
  guint8  is_short;
} Candidate;

struct _FzGazetteer
{
  gatomicrefcount  ref;
  char            *data;        /* the TSV, cut in place: names point into it */
  GStringChunk    *strings;     /* short forms and alias names */
  GArray          *places;      /* Place */
  GArray          *candidates;  /* Candidate */
  GHashTable      *names;       /* name -> first candidate + 1 */
  GHashTable      *codes;       /* code -> id + 1 */
  GHashTable      *max_chars;   /* first character -> longest name starting with it */
  GHashTable      *generic;     /* names of FZ_PLACE_GENERIC places */
};

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
static const char * const suffixes_3[] = { "自治县", "自治旗", "林区", "特区", "新区", "区", "县", "市", "旗", NULL };
static const char * const suffixes_4[] = { "街道办事处", "地区办事处", "办事处", "街道", "民族乡", "民族镇", "镇", "乡", "苏木", NULL };
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
  gsize n = strlen (suffix);

  return len >= n && memcmp (s + len - n, suffix, n) == 0;
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
  self->codes = g_hash_table_new (NULL, NULL);
  self->max_chars = g_hash_table_new (NULL, NULL);
  self->generic = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
add_name (FzGazetteer *self,
          const char  *name,
          guint32      id,
          gboolean     is_short)
{
  gpointer key, value;
  Candidate c = { id, FZ_GAZETTEER_NONE, is_short };
  guint32 index = self->candidates->len;
  gunichar first;
  glong n_chars;

  if (g_hash_table_lookup_extended (self->names, name, &key, &value))
    {
      guint32 head = GPOINTER_TO_UINT (value) - 1;
      /* Keep each division once per name, full form winning over short. */
      for (guint32 i = head; i != FZ_GAZETTEER_NONE;
           i = g_array_index (self->candidates, Candidate, i).next)
        {
          Candidate *old = &g_array_index (self->candidates, Candidate, i);
          if (old->id == id)
            {
              old->is_short = old->is_short && is_short;
              return;
            }
        }
      c.next = head;
      g_array_append_val (self->candidates, c);
      g_hash_table_insert (self->names, key, GUINT_TO_POINTER (index + 1));
      return;
    }

  g_array_append_val (self->candidates, c);
  g_hash_table_insert (self->names, (gpointer) name, GUINT_TO_POINTER (index + 1));
  first = g_utf8_get_char (name);
  n_chars = g_utf8_strlen (name, -1);
  if (n_chars <= MAX_NAME_CHARS &&
      (guint) n_chars > GPOINTER_TO_UINT (g_hash_table_lookup (self->max_chars, GUINT_TO_POINTER (first))))
    g_hash_table_insert (self->max_chars, GUINT_TO_POINTER (first), GUINT_TO_POINTER ((guint) n_chars));
}

static void
add_place_names (FzGazetteer *self,
                 guint32      id)
{
  const Place *p = &g_array_index (self->places, Place, id);
  char buf[256];

  /* A few townships are called 街道 or 中心: such a name is not a mention. */
  if (p->level <= 2 || p->type != FZ_PLACE_DIVISION || !is_common_word (p->name))
    add_name (self, p->name, id, FALSE);
  if (p->type == FZ_PLACE_DIVISION && make_short_form (p->name, p->level, buf, sizeof buf))
    add_name (self, g_string_chunk_insert (self->strings, buf), id, TRUE);
}

static gboolean
parse_error (GError     **error,
             const char  *origin,
             guint        line_no,
             const char  *what)
{
  g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE, "%s:%u: %s", origin, line_no, what);
  return FALSE;
}

static gboolean
parse_code (const char *s,
            gint64     *code)
{
  char *end = NULL;

  if (!g_ascii_isdigit (s[0]))
    return FALSE;
  *code = g_ascii_strtoll (s, &end, 10);
  return end != NULL && *end == '\0' && *code > 0;
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
      char *eol = strchr (line, '\n');
      char *f[4];
      guint n = 0;
      Place p = { 0 };
      gint64 parent_code = 0;
      char *s;

      line_no++;
      if (eol != NULL)
        *eol = '\0';
      if (eol != NULL && eol > line && eol[-1] == '\r')
        eol[-1] = '\0';
      if (line[0] == '#' || line[0] == '\0')
        goto next;

      for (s = line, f[n++] = s; *s != '\0'; s++)
        if (*s == '\t')
          {
            *s = '\0';
            if (n == 4)
              return parse_error (error, "gazetteer", line_no, "more than 4 columns");
            f[n++] = s + 1;
          }
      if (n != 4)
        return parse_error (error, "gazetteer", line_no, "expected code, parent_code, level, name");
      if (!parse_code (f[0], &p.code))
        return parse_error (error, "gazetteer", line_no, "code is not a positive number");
      if (f[1][0] != '\0' && !parse_code (f[1], &parent_code))
        return parse_error (error, "gazetteer", line_no, "parent_code is not a number");
      if (f[2][0] < '1' || f[2][0] > '4' || f[2][1] != '\0')
        return parse_error (error, "gazetteer", line_no, "level is not 1 to 4");
      if (f[3][0] == '\0' || !g_utf8_validate (f[3], -1, NULL))
        return parse_error (error, "gazetteer", line_no, "empty or invalid name");
      if (g_hash_table_contains (self->codes, GSIZE_TO_POINTER ((gsize) p.code)))
        return parse_error (error, "gazetteer", line_no, "duplicate code");

      p.level = f[2][0] - '0';
      p.name = f[3];
      p.type = FZ_PLACE_DIVISION;
      p.parent = FZ_GAZETTEER_NONE;
      g_hash_table_insert (self->codes, GSIZE_TO_POINTER ((gsize) p.code),
                           GUINT_TO_POINTER (self->places->len + 1));
      g_array_append_val (self->places, p);
      g_array_append_val (parent_codes, parent_code);
    next:
      line = eol != NULL ? eol + 1 : NULL;
    }

  if (self->places->len == 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_EMPTY, "the gazetteer holds no division");
      return FALSE;
    }

  for (guint32 i = 0; i < self->places->len; i++)
    {
      gint64 pc = g_array_index (parent_codes, gint64, i);
      if (pc != 0)
        g_array_index (self->places, Place, i).parent = fz_gazetteer_lookup_code (self, pc);
      add_place_names (self, i);
    }
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
  g_hash_table_unref (self->max_chars);
  g_hash_table_unref (self->generic);
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
gboolean
fz_gazetteer_add_aliases_from_data (FzGazetteer  *self,
                                    const char   *data,
                                    gssize        len,
                                    const char   *origin,
                                    GError      **error)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (origin == NULL)
    origin = "aliases";
  if (len < 0)
    len = strlen (data);
  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_ENCODING, "%s: not valid UTF-8", origin);
      return FALSE;
    }
  copy = g_strndup (data, len);
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      guint n;
      gint64 code = 0;
      guint32 target = FZ_GAZETTEER_NONE;
      const char *name;
      Place p = { 0 };

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      n = g_strv_length (cols);
      if (n < 3)
        return parse_error (error, origin, i + 1, "expected name, code, type");
      for (guint k = 0; k < 3; k++)
        g_strstrip (cols[k]);
      if (cols[0][0] == '\0')
        return parse_error (error, origin, i + 1, "empty name");
      if (g_utf8_strlen (cols[0], -1) > MAX_NAME_CHARS)
        return parse_error (error, origin, i + 1, "name too long");
      if (cols[1][0] != '\0')
        {
          if (!parse_code (cols[1], &code))
            return parse_error (error, origin, i + 1, "code is not a number");
          target = fz_gazetteer_lookup_code (self, code);
          if (target == FZ_GAZETTEER_NONE)
            return parse_error (error, origin, i + 1, "no division has this code");
        }
      name = g_string_chunk_insert_const (self->strings, cols[0]);

      if (g_str_equal (cols[2], "alias"))
        {
          if (target == FZ_GAZETTEER_NONE)
            return parse_error (error, origin, i + 1, "an alias needs a code");
          add_name (self, name, target, FALSE);
          continue;
        }
      if (g_str_equal (cols[2], "zone"))
        {
          if (target == FZ_GAZETTEER_NONE)
            return parse_error (error, origin, i + 1, "a zone needs the code of its division");
          p.type = FZ_PLACE_ZONE;
          p.parent = target;
          p.level = MIN (4, fz_gazetteer_get_level (self, target) + 1);
        }
      else if (g_str_equal (cols[2], "generic"))
        {
          p.type = FZ_PLACE_GENERIC;
          p.parent = FZ_GAZETTEER_NONE;
          p.level = 4;
          g_hash_table_add (self->generic, (gpointer) name);
        }
      else
        return parse_error (error, origin, i + 1, "type is not zone, alias or generic");

      p.name = name;
      g_array_append_val (self->places, p);
      add_place_names (self, self->places->len - 1);
    }
  return TRUE;
}

gboolean
fz_gazetteer_add_aliases_from_file (FzGazetteer  *self,
                                    const char   *path,
                                    GError      **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (!fz_file_get_contents (path, &data, &len, error))
    return FALSE;
  return fz_gazetteer_add_aliases_from_data (self, data, len, path, error);
}

guint
fz_gazetteer_get_n (FzGazetteer *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->places->len;
}

static const Place *
get_place (FzGazetteer *self,
           guint32      id)
{
  if (self == NULL || id >= self->places->len)
    return NULL;
  return &g_array_index (self->places, Place, id);
}

gint64
fz_gazetteer_get_code (FzGazetteer *self,
                       guint32      id)
{
  const Place *p = get_place (self, id);

  return p != NULL ? p->code : 0;
}

/* Zones have no code of their own: they take the code of the division holding them. */
gint64
fz_gazetteer_get_nearest_code (FzGazetteer *self,
                               guint32      id)
{
  for (const Place *p = get_place (self, id); p != NULL; p = get_place (self, p->parent))
    if (p->code != 0)
      return p->code;
  return 0;
}

guint32
fz_gazetteer_get_parent (FzGazetteer *self,
                         guint32      id)
{
  const Place *p = get_place (self, id);

  return p != NULL ? p->parent : FZ_GAZETTEER_NONE;
}

guint
fz_gazetteer_get_level (FzGazetteer *self,
                        guint32      id)
{
  const Place *p = get_place (self, id);

  return p != NULL ? p->level : 0;
}

FzPlaceType
fz_gazetteer_get_place_type (FzGazetteer *self,
                             guint32      id)
{
  const Place *p = get_place (self, id);

  return p != NULL ? p->type : FZ_PLACE_GENERIC;
}

const char *
fz_gazetteer_get_name (FzGazetteer *self,
                       guint32      id)
{
  const Place *p = get_place (self, id);

  return p != NULL ? p->name : NULL;
}

char *
fz_gazetteer_dup_full_name (FzGazetteer *self,
                            guint32      id)
{
  const char *parts[8];
  guint n = 0;
  GString *s;

  for (const Place *p = get_place (self, id); p != NULL && n < G_N_ELEMENTS (parts);
       p = get_place (self, p->parent))
    parts[n++] = p->name;
  if (n == 0)
    return NULL;
  s = g_string_new (NULL);
  while (n > 0)
    g_string_append (s, parts[--n]);
  return g_string_free (s, FALSE);
}

guint32
fz_gazetteer_rollup (FzGazetteer *self,
                     guint32      id,
                     guint        level)
{
  for (const Place *p = get_place (self, id); p != NULL; p = get_place (self, p->parent))
    {
      if (p->level == level)
        return id;
      if (p->level < level)
        break;
      id = p->parent;
    }
  return FZ_GAZETTEER_NONE;
}

gboolean
fz_gazetteer_is_within (FzGazetteer *self,
                        guint32      id,
                        guint32      ancestor)
{
  for (guint depth = 0; id != FZ_GAZETTEER_NONE && depth < 8; depth++)
    {
      if (id == ancestor)
        return TRUE;
      id = fz_gazetteer_get_parent (self, id);
    }
  return FALSE;
}

guint32
fz_gazetteer_common_ancestor (FzGazetteer *self,
                              guint32      a,
                              guint32      b)
{
  for (guint depth = 0; a != FZ_GAZETTEER_NONE && depth < 8; depth++)
    {
      if (fz_gazetteer_is_within (self, b, a))
        return a;
      a = fz_gazetteer_get_parent (self, a);
    }
  return FZ_GAZETTEER_NONE;
}

guint32
fz_gazetteer_lookup_code (FzGazetteer *self,
                          gint64       code)
{
  g_return_val_if_fail (self != NULL, FZ_GAZETTEER_NONE);
  if (code <= 0)
    return FZ_GAZETTEER_NONE;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->codes, GSIZE_TO_POINTER ((gsize) code))) - 1;
}

static guint
collect (FzGazetteer *self,
         guint32      head,
         guint32     *ids,
         guint8      *is_short,
         guint        max_ids)
{
  guint n = 0;

  for (guint32 i = head; i != FZ_GAZETTEER_NONE && n < max_ids;
       i = g_array_index (self->candidates, Candidate, i).next)
    {
      const Candidate *c = &g_array_index (self->candidates, Candidate, i);
      ids[n] = c->id;
      if (is_short != NULL)
        is_short[n] = c->is_short;
      n++;
    }
  return n;
}

guint
fz_gazetteer_lookup_name (FzGazetteer *self,
                          const char  *name,
                          guint32     *ids,
                          guint        max_ids)
{
  guint32 head;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);
  head = GPOINTER_TO_UINT (g_hash_table_lookup (self->names, name));
  if (head == 0)
    return 0;
  return collect (self, head - 1, ids, NULL, max_ids);
}

/* Longest match at each position in one pass: the table says how long a name
 * can be for each first character, so a position costs a few hash lookups.
 * White space inside a name is skipped (PDF layout spaces characters out). */
void
fz_gazetteer_scan (FzGazetteer         *self,
                   const char          *text,
                   gssize               len,
                   FzGazetteerScanFunc  func,
                   gpointer             user_data)
{
  g_autofree gunichar *chars = NULL;
  g_autofree guint32 *pos = NULL;
  glong n_chars = 0;
  guint n_pos = 0;
  guint32 ids[MAX_CANDIDATES];
  guint8 shorts[MAX_CANDIDATES];

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);
  if (text == NULL)
    return;

  chars = g_utf8_to_ucs4_fast (text, len, &n_chars);
  pos = g_new (guint32, n_chars + 1);
  for (glong i = 0; i < n_chars; i++)
    if (!g_unichar_isspace (chars[i]))
      pos[n_pos++] = i;

  for (guint j = 0; j < n_pos;)
    {
      guint max = GPOINTER_TO_UINT (g_hash_table_lookup (self->max_chars,
                                                         GUINT_TO_POINTER (chars[pos[j]])));
      char key[MAX_NAME_CHARS * 6 + 1];
      guint cum[MAX_NAME_CHARS + 1];
      guint k, found = 0;
      gpointer hkey = NULL, hval = NULL;

      if (max < 2)
        {
          j++;
          continue;
        }
      cum[0] = 0;
      for (k = 0; k < max && j + k < n_pos; k++)
        cum[k + 1] = cum[k] + g_unichar_to_utf8 (chars[pos[j + k]], key + cum[k]);
      for (; k >= 2; k--)
        {
          key[cum[k]] = '\0';
          if (g_hash_table_lookup_extended (self->names, key, &hkey, &hval))
            {
              found = k;
              break;
            }
        }
      if (found == 0)
        {
          j++;
          continue;
        }
      {
        FzPlaceMention m;

        m.start = pos[j];
        m.end = pos[j + found - 1] + 1;
        m.name = hkey;
        m.n_ids = collect (self, GPOINTER_TO_UINT (hval) - 1, ids, shorts, MAX_CANDIDATES);
        m.ids = ids;
        m.is_short = shorts;
        m.is_generic = g_hash_table_contains (self->generic, hkey);
        func (&m, user_data);
      }
      j += found;
    }
}
