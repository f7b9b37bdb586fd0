/* fz-lexicon.c: loads the indicator lexicon and finds its trigger words in a text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-lexicon.h"

#include "fz-error.h"
#include "fz-text-private.h"
#include "fz-trie-private.h"

#include <string.h>

#define N_COLUMNS 7
/* The eighth column, the measure words of its counts, may be left out. */
#define N_COLUMNS_WITH_UNITS 8
/* Longer triggers than this are refused so that a scan's key buffer is bounded. */
#define MAX_TRIGGER_CHARS 32

/* One trigger word: the trie's value, so that a match needs no lookup by its text. */
typedef struct
{
  char   *word;
  GArray *indicators;  /* guint */
  guint   roles;       /* FzTriggerRole */
} Entry;

struct _FzLexicon
{
  gatomicrefcount  ref;
  GPtrArray       *indicators;  /* FzIndicator * */
  GHashTable      *by_id;       /* id -> index + 1 */
  GHashTable      *triggers;    /* trigger -> Entry */
  FzTrie          *trie;        /* trigger -> its Entry */
  guint8           first_bits[0x10000 / 8];  /* the first characters of the BMP's triggers */
  guint8           single_bits[0x10000 / 8]; /* the BMP's triggers of one character */
  /* For fz_lexicon_unit_fits_any (), made again after each file: the kinds some indicator
   * measures, whether one counts in any unit, and the units of those that count in some. */
  guint            kinds_any;
  gboolean         count_any_unit;
  GHashTable      *count_units;   /* unit (the indicators') -> itself */
  /* _fz_lexicon_derived (): a caller's table made from first_bits, dropped when it changes. */
  GMutex           derived_lock;
  gconstpointer    derived_key;
  gpointer         derived;
  GDestroyNotify   derived_free;
};

static void
drop_derived (FzLexicon *self)
{
  if (self->derived != NULL && self->derived_free != NULL)
    self->derived_free (self->derived);
  self->derived = NULL;
  self->derived_key = NULL;
}

static void
entry_free (Entry *e)
{
  g_free (e->word);
  g_array_unref (e->indicators);
  g_free (e);
}

/* Triggers that are actions: in 追回某某损失 the action, not the noun after it, says what is
 * counted. 宣讲 and 培训 are left out: they mostly form nouns. */
static const char * const verb_words[] = {
  "破获", "破案", "侦破", "抓获", "刑拘", "查处", "抓捕", "打掉", "捣毁", "追回", "挽回",
  "返还", "挽损", "预警", "推送", "下发", "劝阻", "成功劝阻", "制止", "止付", "冻结",
  "紧急拦截", "接听", "拦截", "封堵", "发放", "注册", "安装", "覆盖",
  "惩戒", "立案", "接报", "避免损失", "防止被骗", "免于受骗",
  "避免", "查扣", "止损", "封控", "共破", "打击处理", "打处", "刑事拘留", "发布", "赠送", "派发",
  "印发", "送达", "下达", "观看",
};

/* The amount the cases involve: losses, unless an action before it in the sentence says what
 * became of it (成功劝阻诈骗90余起，涉案资金300余万元). */
static const char * const involved_words[] = {
  "涉案金额", "涉及金额", "涉案款项", "涉及款项", "涉案资金", "涉诈金额",
};

/* Actions that count nothing the lexicon measures (查询涉嫌诈骗电话900余个): verbs among the
 * neutral words. */
static const char * const neutral_verb_words[] = { "查询", "审核", "核查", "排查", "追逃" };

static gboolean
is_one_of (const char         *word,
           const char * const *words,
           guint               n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (word, words[i]))
      return TRUE;
  return FALSE;
}

/* Worked out once per word as it is added, rather than by the scan's caller for every match. */
static guint
roles_of (const char *word)
{
  guint roles = 0;

  if (is_one_of (word, verb_words, G_N_ELEMENTS (verb_words)))
    roles |= FZ_TRIGGER_VERB;
  if (is_one_of (word, involved_words, G_N_ELEMENTS (involved_words)))
    roles |= FZ_TRIGGER_INVOLVED;
  if (is_one_of (word, neutral_verb_words, G_N_ELEMENTS (neutral_verb_words)))
    roles |= FZ_TRIGGER_NEUTRAL_VERB;
  return roles;
}

static void
fz_indicator_free (FzIndicator *ind)
{
  g_free (ind->id);
  g_free (ind->name_zh);
  g_free (ind->name_en);
  g_free (ind->dimension);
  g_ptr_array_unref (ind->triggers);
  g_ptr_array_unref (ind->units);
  g_free (ind);
}

FzLexicon *
fz_lexicon_new (void)
{
  FzLexicon *self = g_new0 (FzLexicon, 1);

  g_mutex_init (&self->derived_lock);

  g_atomic_ref_count_init (&self->ref);
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_indicator_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->triggers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) entry_free);
  self->trie = _fz_trie_new ();
  self->count_units = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

FzLexicon *
fz_lexicon_new_from_file (const char  *path,
                          GError     **error)
{
  g_autoptr(FzLexicon) self = fz_lexicon_new ();

  if (!fz_lexicon_add_from_file (self, path, error))
    return NULL;
  return g_steal_pointer (&self);
}

FzLexicon *
fz_lexicon_ref (FzLexicon *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
fz_lexicon_unref (FzLexicon *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->triggers);
  g_hash_table_unref (self->count_units);
  drop_derived (self);
  g_mutex_clear (&self->derived_lock);
  _fz_trie_free (self->trie);
  g_ptr_array_unref (self->indicators);
  g_free (self);
}

/* Where @word stands in the trigger list of indicator @index: the earlier, the more the word
 * is that indicator's own (劝阻 first for dissuasions, later for warnings). */
static guint
trigger_rank (FzLexicon  *self,
              guint       index,
              const char *word)
{
  const FzIndicator *ind = g_ptr_array_index (self->indicators, index);

  for (guint i = 0; i < ind->triggers->len; i++)
    if (g_str_equal (g_ptr_array_index (ind->triggers, i), word))
      return i;
  return ind->triggers->len;
}

/* A word several indicators share lists them by rank, so that the one whose own word it is
 * is tried first when both could measure a figure. */
static void
add_trigger (FzLexicon  *self,
             const char *word,
             guint       index)
{
  Entry *e = g_hash_table_lookup (self->triggers, word);
  gunichar first = g_utf8_get_char (word);
  GArray *list;
  guint rank, at;

  if (e == NULL)
    {
      e = g_new0 (Entry, 1);
      e->word = g_strdup (word);
      e->indicators = g_array_new (FALSE, FALSE, sizeof (guint));
      e->roles = roles_of (word);
      g_hash_table_insert (self->triggers, e->word, e);
      if (*word != '\0' && g_utf8_validate (word, -1, NULL))
        _fz_trie_insert (self->trie, word, e);
    }
  list = e->indicators;
  for (guint i = 0; i < list->len; i++)
    if (g_array_index (list, guint, i) == index)
      return;
  rank = trigger_rank (self, index, word);
  for (at = 0; at < list->len; at++)
    if (trigger_rank (self, g_array_index (list, guint, at), word) > rank)
      break;
  g_array_insert_val (list, at, index);

  drop_derived (self);
  if (first < 0x10000)
    self->first_bits[first >> 3] |= (guint8) (1u << (first & 7));
  if (first < 0x10000 && word[0] != '\0' && *g_utf8_next_char (word) == '\0')
    self->single_bits[first >> 3] |= (guint8) (1u << (first & 7));
}

static gboolean
parse_kinds (const char  *field,
             guint       *kinds)
{
  g_auto(GStrv) parts = g_strsplit (field, ",", -1);

  *kinds = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      FzKind kind;
      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;
      if (!fz_kind_from_string (parts[i], &kind))
        return FALSE;
      *kinds |= 1u << kind;
    }
  return TRUE;
}

static gboolean
parse_polarity (const char *field,
                FzPolarity *polarity)
{
  if (field[0] == '\0')
    *polarity = FZ_POLARITY_NONE;
  else if (g_str_equal (field, "higher"))
    *polarity = FZ_POLARITY_HIGHER;
  else if (g_str_equal (field, "lower"))
    *polarity = FZ_POLARITY_LOWER;
  else
    return FALSE;
  return TRUE;
}

/* Analysts type lists with Chinese punctuation too. */
static char **
split_triggers (const char *field)
{
  g_autoptr(GString) s = g_string_new (field);

  g_string_replace (s, "，", ",", 0);
  g_string_replace (s, "、", ",", 0);
  return g_strsplit (s->str, ",", -1);
}

static gboolean
check_row (char       **cols,
           const char  *origin,
           guint        line_no,
           FzPolarity  *polarity,
           guint       *kinds,
           GError     **error)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_strstrip (cols[i]);
  if (cols[0][0] == '\0')
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE, "%s:%u: empty indicator id", origin, line_no);
      return FALSE;
    }
  if (!parse_polarity (cols[4], polarity))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
                   "%s:%u: polarity “%s” is neither “higher” nor “lower”",
                   origin, line_no, cols[4]);
      return FALSE;
    }
  if (!parse_kinds (cols[5], kinds))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE, "%s:%u: unknown kind in “%s”",
                   origin, line_no, cols[5]);
      return FALSE;
    }
  return TRUE;
}

/* The indicator named @id, added when new; @index is its place in the list. */
static FzIndicator *
ensure_indicator (FzLexicon  *self,
                  const char *id,
                  guint      *index)
{
  FzIndicator *ind;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id));

  if (n == 0)
    {
      ind = g_new0 (FzIndicator, 1);
      ind->id = g_strdup (id);
      ind->triggers = g_ptr_array_new_with_free_func (g_free);
      ind->units = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->indicators, ind);
      n = self->indicators->len;
      g_hash_table_insert (self->by_id, ind->id, GUINT_TO_POINTER (n));
    }
  else
    ind = g_ptr_array_index (self->indicators, n - 1);
  *index = n - 1;
  return ind;
}

static void
replace_if_given (char       **field,
                  const char  *value)
{
  if (value[0] == '\0')
    return;
  g_free (*field);
  *field = g_strdup (value);
}

/* A later file (the analyst's) overrides what it states and keeps the rest. */
static void
merge_row (FzIndicator  *ind,
           char        **cols,
           FzPolarity    polarity,
           guint         kinds)
{
  replace_if_given (&ind->name_zh, cols[1]);
  replace_if_given (&ind->name_en, cols[2]);
  replace_if_given (&ind->dimension, cols[3]);
  if (cols[4][0] != '\0')
    ind->polarity = polarity;
  if (kinds != 0)
    ind->kinds = kinds;
  if (ind->name_zh == NULL)
    ind->name_zh = g_strdup (ind->id);
  if (ind->name_en == NULL)
    ind->name_en = g_strdup (ind->id);
  if (ind->dimension == NULL)
    ind->dimension = g_strdup ("");
}

static gboolean
add_row_triggers (FzLexicon    *self,
                  FzIndicator  *ind,
                  guint         index,
                  const char   *field,
                  const char   *origin,
                  guint         line_no,
                  GError      **error)
{
  g_auto(GStrv) words = split_triggers (field);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_strstrip (words[i]);
      if (words[i][0] == '\0')
        continue;
      if (g_utf8_strlen (words[i], -1) > MAX_TRIGGER_CHARS)
        {
          g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
                       "%s:%u: trigger “%s” is longer than %d characters",
                       origin, line_no, words[i], MAX_TRIGGER_CHARS);
          return FALSE;
        }
      g_ptr_array_add (ind->triggers, g_strdup (words[i]));
      add_trigger (self, words[i], index);
    }
  return TRUE;
}

/* A later file's units replace the earlier ones: a unit list is one decision. */
static void
set_units (FzIndicator *ind,
           const char  *field)
{
  g_auto(GStrv) words = split_triggers (field);

  if (field[0] == '\0')
    return;
  g_ptr_array_set_size (ind->units, 0);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_strstrip (words[i]);
      if (words[i][0] != '\0')
        g_ptr_array_add (ind->units, g_strdup (words[i]));
    }
}

static gboolean
add_row (FzLexicon   *self,
         char       **cols,
         const char  *origin,
         guint        line_no,
         GError     **error)
{
  FzPolarity polarity;
  guint kinds;
  FzIndicator *ind;
  guint index;

  if (!check_row (cols, origin, line_no, &polarity, &kinds, error))
    return FALSE;
  ind = ensure_indicator (self, cols[0], &index);
  merge_row (ind, cols, polarity, kinds);
  if (cols[N_COLUMNS] != NULL)
    set_units (ind, g_strstrip (cols[N_COLUMNS]));
  return add_row_triggers (self, ind, index, cols[6], origin, line_no, error);
}

/* What fz_lexicon_unit_fits_any () reads, from the indicators as they now stand. */
static void
sum_up_units (FzLexicon *self)
{
  self->kinds_any = 0;
  self->count_any_unit = FALSE;
  g_hash_table_remove_all (self->count_units);
  for (guint i = 0; i < self->indicators->len; i++)
    {
      const FzIndicator *ind = g_ptr_array_index (self->indicators, i);

      self->kinds_any |= ind->kinds;
      if (!fz_indicator_accepts_kind (ind, FZ_KIND_COUNT))
        continue;
      if (ind->units->len == 0)
        self->count_any_unit = TRUE;
      for (guint k = 0; k < ind->units->len; k++)
        g_hash_table_add (self->count_units, g_ptr_array_index (ind->units, k));
    }
}

static gboolean
add_from_data (FzLexicon   *self,
               const char  *data,
               gssize       len,
               const char  *origin,
               GError     **error);

gboolean
fz_lexicon_add_from_data (FzLexicon   *self,
                          const char  *data,
                          gssize       len,
                          const char  *origin,
                          GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  ok = add_from_data (self, data, len, origin, error);
  /* Rows read before an error stay, as they always did. */
  sum_up_units (self);
  return ok;
}

static gboolean
add_from_data (FzLexicon   *self,
               const char  *data,
               gssize       len,
               const char  *origin,
               GError     **error)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean seen_header = FALSE;

  if (origin == NULL)
    origin = "lexicon";
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
      char *line = lines[i];
      gsize n = strlen (line);

      if (n > 0 && line[n - 1] == '\r')
        line[n - 1] = '\0';
      if (line[0] == '\0' || line[0] == '#')
        continue;
      cols = g_strsplit (line, "\t", -1);
      if (!seen_header && g_str_equal (cols[0], "id"))
        {
          seen_header = TRUE;
          continue;
        }
      seen_header = TRUE;
      if (g_strv_length (cols) != N_COLUMNS && g_strv_length (cols) != N_COLUMNS_WITH_UNITS)
        {
          g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
                       "%s:%u: %u columns instead of %d or %d "
                       "(id name_zh name_en dimension polarity kinds triggers [units])",
                       origin, i + 1, g_strv_length (cols), N_COLUMNS, N_COLUMNS_WITH_UNITS);
          return FALSE;
        }
      if (!add_row (self, cols, origin, i + 1, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
fz_lexicon_add_from_file (FzLexicon   *self,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!fz_file_get_contents (path, &data, &len, error))
    return FALSE;
  return fz_lexicon_add_from_data (self, data, len, path, error);
}

guint
fz_lexicon_get_n (FzLexicon *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->indicators->len;
}

const FzIndicator *
fz_lexicon_get (FzLexicon *self,
                guint      index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);
  return g_ptr_array_index (self->indicators, index);
}

int
fz_lexicon_find (FzLexicon  *self,
                 const char *id)
{
  g_return_val_if_fail (self != NULL, -1);
  if (id == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id)) - 1;
}

const FzIndicator *
fz_lexicon_lookup (FzLexicon  *self,
                   const char *id)
{
  int i = fz_lexicon_find (self, id);

  return i < 0 ? NULL : g_ptr_array_index (self->indicators, i);
}

gboolean
fz_indicator_accepts_kind (const FzIndicator *indicator,
                           FzKind             kind)
{
  g_return_val_if_fail (indicator != NULL, FALSE);
  return kind < FZ_N_KINDS && (indicator->kinds & (1u << kind)) != 0;
}

/* Only counts are checked: a money or percent unit says nothing of what is measured. */
gboolean
fz_indicator_accepts_unit (const FzIndicator *indicator,
                           FzKind             kind,
                           const char        *unit)
{
  g_return_val_if_fail (indicator != NULL, FALSE);
  if (kind != FZ_KIND_COUNT || indicator->units->len == 0 || unit == NULL || unit[0] == '\0')
    return TRUE;
  for (guint i = 0; i < indicator->units->len; i++)
    if (g_str_equal (g_ptr_array_index (indicator->units, i), unit))
      return TRUE;
  return FALSE;
}

/* FALSE when no indicator can measure a figure of @kind with @unit (6台 设备, 3辆): such a
 * figure gets none rather than the nearest trigger's. */
gboolean
fz_lexicon_unit_fits_any (FzLexicon  *self,
                          FzKind      kind,
                          const char *unit)
{
  g_return_val_if_fail (self != NULL, FALSE);
  /* fz_indicator_accepts_kind () and fz_indicator_accepts_unit () of every indicator, summed
   * up as the lexicon was read: a page asks this of every figure. */
  if (kind >= FZ_N_KINDS || (self->kinds_any & (1u << kind)) == 0)
    return FALSE;
  if (kind != FZ_KIND_COUNT || unit == NULL || unit[0] == '\0' || self->count_any_unit)
    return TRUE;
  return g_hash_table_contains (self->count_units, unit);
}

const char *
fz_polarity_to_string (FzPolarity polarity)
{
  switch (polarity)
    {
    case FZ_POLARITY_HIGHER:
      return "higher";
    case FZ_POLARITY_LOWER:
      return "lower";
    case FZ_POLARITY_NONE:
    default:
      return "";
    }
}

typedef struct
{
  FzLexicon         *self;
  const gunichar    *chars;
  const guint32     *pos;    /* characters other than white space */
  guint              n_pos;
  FzLexiconScanFunc  func;
  gpointer           user_data;
} LexScan;

/* Reports the longest trigger at position @j, which some trigger may start at; returns the
 * positions to move on. */
static guint
scan_at (const LexScan *s,
         guint          j)
{
  gpointer value = NULL;
  const Entry *e;
  FzTriggerMatch m;
  guint found;

  found = _fz_trie_longest (s->self->trie, s->chars, s->pos, s->n_pos, j, 1, &value);
  if (found == 0)
    return 1;
  e = value;
  /* The entry outlives the callback. */
  m.trigger = e->word;
  m.start = s->pos[j];
  m.end = s->pos[j + found - 1] + 1;
  m.indicators = (const guint *) e->indicators->data;
  m.n_indicators = e->indicators->len;
  m.roles = e->roles;
  s->func (&m, s->user_data);
  return found;
}

static inline gboolean
may_start (const guint8 *bits,
           gunichar      c)
{
  return c >= 0x10000 || (bits[c >> 3] & (1u << (c & 7))) != 0;
}

/* scan_at () where a trigger's first character stands: most such places begin no trigger,
 * and the trie's filter of first pairs says so without a walk, unless a trigger is that one
 * character alone. */
static inline guint
scan_at_filtered (const LexScan          *s,
                  const FzTriePairFilter *pairs,
                  guint                   j,
                  gunichar                c)
{
  if (c < 0x10000 && !(s->self->single_bits[c >> 3] & (1u << (c & 7))) &&
      (j + 1 >= s->n_pos || !_fz_trie_pair_filter_may (pairs, c, s->chars[s->pos[j + 1]])))
    return 1;
  return scan_at (s, j);
}

/* Longest match at each position, in one pass. White space inside a word is
 * skipped because PDF layout often spaces out characters (破 案 率). */
void
_fz_lexicon_scan_compact (FzLexicon         *self,
                          const gunichar    *chars,
                          const guint32     *pos,
                          guint              n_pos,
                          FzLexiconScanFunc  func,
                          gpointer           user_data)
{
  LexScan s = { self, chars, pos, n_pos, func, user_data };
  const guint8 *bits = self->first_bits;
  FzTriePairFilter pairs;

  _fz_trie_get_pair_filter (self->trie, &pairs);
  for (guint j = 0; j < n_pos;)
    {
      /* Most characters start no trigger: a bit says so without a walk, in a loop that keeps
       * all it reads in registers. */
      while (j < n_pos && chars[pos[j]] < 0x10000 &&
             !(bits[chars[pos[j]] >> 3] & (1u << (chars[pos[j]] & 7))))
        j++;
      if (j < n_pos)
        j += scan_at_filtered (&s, &pairs, j, chars[pos[j]]);
    }
}

/* The first characters of the BMP's triggers, a bit each: a caller that passes over the text
 * anyway finds the places a trigger may start without a pass of its own. */
const guint8 *
_fz_lexicon_first_bits (FzLexicon *self)
{
  return self->first_bits;
}

/* The table @make makes from the first characters of the lexicon's triggers and @key, made at
 * the first call and kept for the next ones with the same @key: a scan of each page that needs
 * it does not make it again. Adding a trigger drops it; a lexicon that scans share is only
 * read. */
gconstpointer
_fz_lexicon_derived (FzLexicon          *self,
                     gconstpointer       key,
                     FzLexiconDeriveFunc make,
                     GDestroyNotify      free_func)
{
  gconstpointer table;

  g_mutex_lock (&self->derived_lock);
  if (self->derived == NULL || self->derived_key != key)
    {
      drop_derived (self);
      self->derived = make (self->first_bits, key);
      self->derived_key = key;
      self->derived_free = free_func;
    }
  table = self->derived;
  g_mutex_unlock (&self->derived_lock);
  return table;
}

/* Two lexicons at once, each reported as its own scan would, looked for only at the places
 * @starts (ascending indices into @pos) where a trigger of one or the other may start: the
 * caller found them in its own pass, and the places that start none are most of a page. */
void
_fz_lexicon_scan_compact_two (FzLexicon         *a,
                              FzLexiconScanFunc  func_a,
                              gpointer           data_a,
                              FzLexicon         *b,
                              FzLexiconScanFunc  func_b,
                              gpointer           data_b,
                              const gunichar    *chars,
                              const guint32     *pos,
                              guint              n_pos,
                              const guint32     *starts,
                              guint              n_starts)
{
  LexScan sa = { a, chars, pos, n_pos, func_a, data_a };
  LexScan sb = { b, chars, pos, n_pos, func_b, data_b };
  const guint8 *bits_a = a->first_bits, *bits_b = b->first_bits;
  /* Where each scan may next match: a match hides the positions inside it from its own
   * scan only. */
  guint next_a = 0, next_b = 0;
  FzTriePairFilter pairs_a, pairs_b;

  _fz_trie_get_pair_filter (a->trie, &pairs_a);
  _fz_trie_get_pair_filter (b->trie, &pairs_b);
  for (guint k = 0; k < n_starts; k++)
    {
      guint j = starts[k];
      gunichar c = chars[pos[j]];

      if (j >= next_a && may_start (bits_a, c))
        next_a = j + scan_at_filtered (&sa, &pairs_a, j, c);
      if (j >= next_b && may_start (bits_b, c))
        next_b = j + scan_at_filtered (&sb, &pairs_b, j, c);
    }
}

void
fz_lexicon_scan (FzLexicon         *self,
                 const char        *text,
                 gssize             len,
                 FzLexiconScanFunc  func,
                 gpointer           user_data)
{
  g_autofree gunichar *chars = NULL;
  g_autofree guint32 *pos = NULL;
  guint n_pos = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);
  if (text == NULL)
    return;

  chars = _fz_text_compact (text, len, &pos, &n_pos);
  _fz_lexicon_scan_compact (self, chars, pos, n_pos, func, user_data);
}
