/* fz-gazetteer.c: loads data/gazetteer.tsv into flat arrays of places and the names they go by. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-gazetteer-private.h"
#include "fz-text-private.h"

#include "fz-error.h"

#include <string.h>

/* A gazetteer with no place yet, its arrays made with room for @n_places (the divisions, or
 * an image's places) and twice as many names. */
static FzGazetteer *
gazetteer_new (guint n_places)
{
  FzGazetteer *self = g_new0 (FzGazetteer, 1);

  g_atomic_ref_count_init (&self->ref);
  self->strings = g_string_chunk_new (64 * 1024);
  self->places = g_array_sized_new (FALSE, TRUE, sizeof (Place), n_places);
  self->candidates = g_array_sized_new (FALSE, TRUE, sizeof (Candidate), 2 * n_places);
  self->entries = g_array_sized_new (FALSE, FALSE, sizeof (NameEntry), 2 * n_places);
  return self;
}

FzGazetteer *
_fz_gazetteer_new_empty (void)
{
  return gazetteer_new (0);
}

static inline gsize
code_first_slot (gint64 code,
                 guint  bits)
{
  return (gsize) (((guint64) code * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - bits));
}

static CodeSlot *
find_code (CodeSlot *slots,
           guint     bits,
           gint64    code)
{
  gsize mask = ((gsize) 1 << bits) - 1;

  for (gsize i = code_first_slot (code, bits);; i = (i + 1) & mask)
    if (slots[i].id == 0 || slots[i].code == code)
      return &slots[i];
}

/* Room for @n_codes with the slots at most half full. */
void
_fz_gazetteer_reserve_codes (FzGazetteer *self,
                             guint        n_codes)
{
  g_autofree CodeSlot *old = NULL;
  gsize n_old = self->code_slots != NULL ? (gsize) 1 << self->code_bits : 0;
  guint bits = MAX (self->code_bits, 4);

  while (((gsize) n_codes * 2) > ((gsize) 1 << bits))
    bits++;
  if (self->code_slots != NULL && bits == self->code_bits)
    return;
  _fz_gazetteer_own_slots (self);
  old = g_steal_pointer (&self->code_slots);
  self->code_bits = bits;
  self->code_slots = g_new0 (CodeSlot, (gsize) 1 << bits);
  for (gsize i = 0; i < n_old; i++)
    if (old[i].id != 0)
      *find_code (self->code_slots, bits, old[i].code) = old[i];
}

CodeSlot *
_fz_gazetteer_code_slot (FzGazetteer *self,
                         gint64       code)
{
  if (self->code_slots == NULL)
    return NULL;
  return find_code (self->code_slots, self->code_bits, code);
}

/* The characters of valid UTF-8, counted by the bytes that start one. */
static inline gsize
count_chars (const char *s,
             gsize       len)
{
  gsize n = 0;

  for (gsize i = 0; i < len; i++)
    n += ((guchar) s[i] & 0xC0) != 0x80;
  return n;
}

/* The next candidate and the next entry, written in place: g_array_append_val () cost a call
 * and a copy for each name. The arrays grow one at a time only past the room made for the
 * divisions. */
static inline Candidate *
push_candidate (FzGazetteer *self)
{
  if (self->n_candidates == self->candidates->len)
    g_array_set_size (self->candidates, self->n_candidates + 1);
  return &g_array_index (self->candidates, Candidate, self->n_candidates++);
}

static inline NameEntry *
push_entry (FzGazetteer *self)
{
  if (self->n_entries == self->entries->len)
    g_array_set_size (self->entries, self->n_entries + 1);
  return &g_array_index (self->entries, NameEntry, self->n_entries++);
}

/* Adds @name (@len bytes); when @copy, the name is in a buffer of the caller's, kept only if
 * the name is new. */
static void
add_name_len (FzGazetteer *self,
              const char  *name,
              gsize        len,
              gboolean     copy,
              guint32      id,
              gboolean     is_short)
{
  Candidate c = { id, FZ_GAZETTEER_NONE, is_short };
  guint32 index = self->n_candidates;
  NameSlot *slot = _fz_gazetteer_name_slot (self, name, len);
  NameEntry *entry;
  gunichar first;

  if (slot->index != 0)
    {
      entry = &g_array_index (self->entries, NameEntry, slot->index - 1);
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
      *push_candidate (self) = c;
      entry->after_head = entry->head;
      entry->head = index;
      entry->head_id = id;
      entry->head_short = is_short;
      return;
    }

  if (copy)
    name = g_string_chunk_insert_len (self->strings, name, len);
  *push_candidate (self) = c;
  entry = push_entry (self);
  *entry = (NameEntry) { name, index, id, FZ_GAZETTEER_NONE, is_short, FALSE };
  slot->index = self->n_entries;
  /* The scan looks up names of two characters or more. A character has one to four bytes:
   * most names' lengths settle it without counting. */
  /* Every name is valid UTF-8: the files are checked whole before they are cut at tabs. */
  if (len < 8 || len > MAX_NAME_CHARS)
    {
      gsize n_chars = count_chars (name, len);

      if (n_chars < 2 || n_chars > MAX_NAME_CHARS)
        return;
    }
  if (((guchar) name[0] & 0xF0) == 0xE0)
    first = ((gunichar) (name[0] & 0x0F) << 12) | ((gunichar) (name[1] & 0x3F) << 6) |
            (gunichar) (name[2] & 0x3F);
  else
    first = g_utf8_get_char (name);
  if (first < 0x10000)
    self->first_bits[first >> 3] |= (guint8) (1u << (first & 7));
  _fz_trie_insert (self->trie, name, GUINT_TO_POINTER (self->n_entries));
}

void
_fz_gazetteer_add_name (FzGazetteer *self,
                        const char  *name,
                        guint32      id,
                        gboolean     is_short)
{
  add_name_len (self, name, strlen (name), FALSE, id, is_short);
}

void
_fz_gazetteer_add_place_names (FzGazetteer *self,
                               guint32      id)
{
  const Place *p = &g_array_index (self->places, Place, id);
  gsize len = strlen (p->name);
  char buf[256];
  gsize short_len;

  /* A few townships are called 街道 or 中心: such a name is not a mention. */
  if (p->level <= 2 || p->type != FZ_PLACE_DIVISION ||
      !_fz_gazetteer_is_common_word (p->name, len))
    add_name_len (self, p->name, len, FALSE, id, FALSE);
  if (p->type == FZ_PLACE_DIVISION &&
      _fz_gazetteer_short_form (p->name, len, p->level, buf, sizeof buf, &short_len))
    {
      add_name_len (self, buf, short_len, TRUE, id, TRUE);
      /* 恩施州, 延边州: an autonomous prefecture as the press writes it, short as 恩施 is. */
      if (p->level == 2 && g_str_has_suffix (p->name, "自治州") &&
          short_len + strlen ("州") < sizeof buf)
        {
          memcpy (buf + short_len, "州", strlen ("州") + 1);
          add_name_len (self, buf, short_len + strlen ("州"), TRUE, id, TRUE);
        }
    }
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
  guint d;

  if (!g_ascii_isdigit (s[0]))
    return FALSE;
  /* Digits read in place: strtoll () took a tenth of the loading time. Codes have at most 12
   * digits; longer ones, which could overflow, are still read by it. A digit is one unsigned
   * comparison. */
  for (; n < 18 && (d = (guchar) s[n] - '0') <= 9; n++)
    v = v * 10 + d;
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


/* Cuts the line at @line in place; returns the start of the next, or NULL, and where the line
 * now ends in @end. */
static char *
cut_line (char  *line,
          char **end)
{
  char *eol = strchr (line, '\n');

  if (eol == NULL)
    {
      *end = line + strlen (line);
      return NULL;
    }
  *eol = '\0';
  *end = eol;
  if (eol > line && eol[-1] == '\r')
    *--*end = '\0';
  return eol + 1;
}

/* The tabs found by memchr (), which reads a word at a time. */
static gboolean
cut_fields (char     *line,
            char     *end,
            char    **f,
            guint     line_no,
            GError  **error)
{
  guint n = 0;

  f[n++] = line;
  for (char *s = line; (s = memchr (s, '\t', end - s)) != NULL; s++)
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

/* The parent code of the line before, as written and as read: the townships of a county name
 * the same parent line after line, read once. */
typedef struct
{
  const char *field;
  gint64      code;
} LastParent;

static gboolean
check_division (LastParent   *last,
                char        **f,
                guint         line_no,
                gint64       *code,
                gint64       *parent_code,
                GError      **error)
{
  if (!_fz_gazetteer_parse_code (f[0], code))
    return _fz_gazetteer_parse_error (error, "gazetteer", line_no, "code is not a positive number");
  if (f[1][0] != '\0')
    {
      if (last->field != NULL && strcmp (f[1], last->field) == 0)
        *parent_code = last->code;
      else if (!_fz_gazetteer_parse_code (f[1], parent_code))
        return _fz_gazetteer_parse_error (error, "gazetteer", line_no, "parent_code is not a number");
      last->field = f[1];
      last->code = *parent_code;
    }
  if (f[2][0] < '1' || f[2][0] > '4' || f[2][1] != '\0')
    return _fz_gazetteer_parse_error (error, "gazetteer", line_no, "level is not 1 to 4");
  /* The buffer was found valid UTF-8 whole, and a tab cuts no character. */
  if (f[3][0] == '\0')
    return _fz_gazetteer_parse_error (error, "gazetteer", line_no, "empty or invalid name");
  return TRUE;
}

/* Parents are found by code once all are read: a line may name a parent below it. The
 * division is written in place at @id. */
static gboolean
load_division (FzGazetteer  *self,
               char         *line,
               char         *end,
               guint         line_no,
               guint32       id,
               LastParent   *last,
               gint64       *parent_code,
               GError      **error)
{
  char *f[4];
  Place *p = &g_array_index (self->places, Place, id);
  CodeSlot *slot;

  *parent_code = 0;
  if (!cut_fields (line, end, f, line_no, error) ||
      !check_division (last, f, line_no, &p->code, parent_code, error))
    return FALSE;
  p->level = f[2][0] - '0';
  p->name = f[3];
  p->type = FZ_PLACE_DIVISION;
  p->parent = FZ_GAZETTEER_NONE;
  /* Inserted as it is checked: one probe for the code instead of two. */
  slot = _fz_gazetteer_code_slot (self, p->code);
  if (slot->id != 0)
    return _fz_gazetteer_parse_error (error, "gazetteer", line_no, "duplicate code");
  slot->code = p->code;
  slot->id = id + 1;
  return TRUE;
}

static void
link_divisions (FzGazetteer  *self,
                const gint64 *parent_codes)
{
  /* A division adds a full and a short name, sharing most of their characters. The table of
   * pairs, smaller, grows as it must: a walk's time goes in reading it, so it stays dense. */
  gint64 last_code = 0;
  guint32 last_id = FZ_GAZETTEER_NONE;

  _fz_trie_reserve (self->trie, self->places->len * 3, 0);
  /* About one name and a half a division, distinct. */
  _fz_gazetteer_reserve_names (self, self->places->len + self->places->len / 2);
  /* Room for a full and a short name a division, cut to those added below. */
  g_array_set_size (self->candidates, self->n_candidates + 2 * self->places->len);
  g_array_set_size (self->entries, self->n_entries + 2 * self->places->len);
  for (guint32 i = 0; i < self->places->len; i++)
    {
      gint64 pc = parent_codes[i];

      /* The townships of a county come together: their parent is looked up once. */
      if (pc != 0 && pc != last_code)
        {
          last_code = pc;
          last_id = fz_gazetteer_lookup_code (self, pc);
        }
      if (pc != 0)
        g_array_index (self->places, Place, i).parent = last_id;
      _fz_gazetteer_add_place_names (self, i);
    }
  g_array_set_size (self->candidates, self->n_candidates);
  g_array_set_size (self->entries, self->n_entries);
}

/* The lines of @data, as many as it can hold divisions. */
static guint
count_lines (const char *data)
{
  guint n = 1;

  for (const char *p = data; (p = strchr (p, '\n')) != NULL; p++)
    n++;
  return n;
}

/* One pass over the buffer, cutting fields in place. The divisions are written into arrays
 * sized once for every line, then cut to those read. */
static gboolean
load_divisions (FzGazetteer  *self,
                GError      **error)
{
  char *line = self->data;
  guint line_no = 0;
  guint max = count_lines (self->data);
  guint32 n = 0;
  g_autofree gint64 *parent_codes = g_new (gint64, max);
  LastParent last = { NULL, 0 };

  g_array_set_size (self->places, max);
  _fz_gazetteer_reserve_codes (self, max);
  while (line != NULL && *line != '\0')
    {
      char *end;
      char *next = cut_line (line, &end);

      line_no++;
      if (line[0] != '#' && line[0] != '\0')
        {
          if (!load_division (self, line, end, line_no, n, &last, &parent_codes[n], error))
            return FALSE;
          n++;
        }
      line = next;
    }
  g_array_set_size (self->places, n);

  if (self->places->len == 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_EMPTY, "the gazetteer holds no division");
      return FALSE;
    }
  link_divisions (self, parent_codes);
  return TRUE;
}

/* The tables of names and codes of an image, copied before they change. */
void
_fz_gazetteer_own_slots (FzGazetteer *self)
{
  if (!self->slots_borrowed)
    return;
  self->name_slots = g_memdup2 (self->name_slots, sizeof (NameSlot) << self->name_bits);
  self->code_slots = g_memdup2 (self->code_slots, sizeof (CodeSlot) << self->code_bits);
  self->slots_borrowed = FALSE;
}

static void
gazetteer_free (FzGazetteer *self)
{
  g_free (self->data);
  g_string_chunk_free (self->strings);
  g_array_unref (self->places);
  g_array_unref (self->candidates);
  if (!self->slots_borrowed)
    {
      g_free (self->name_slots);
      g_free (self->code_slots);
    }
  g_clear_pointer (&self->trie, _fz_trie_free);
  g_array_unref (self->entries);
  /* Last: the names and tables above may lie in it. */
  g_clear_pointer (&self->image, g_mapped_file_unref);
  g_free (self);
}

static FzGazetteer *
gazetteer_new_take (char    *data,
                    GError **error)
{
  FzGazetteer *self = gazetteer_new (48000);

  self->trie = _fz_trie_new ();
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
  return _fz_gazetteer_new_from_contents (path, data, len, error);
}

FzGazetteer *
_fz_gazetteer_new_from_contents (const char  *path,
                                 char        *data,
                                 gsize        len,
                                 GError     **error)
{
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
