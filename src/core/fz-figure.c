/* fz-figure.c: the compact figure list and the names of kinds and cues. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-figure.h"

#include <string.h>

struct _FzFigureList
{
  gatomicrefcount  ref;
  GArray          *figures;
  GString         *pool;
  /* The strings of the pool by hash, open-addressed: offset + 1, 0 for a free slot. Repeated
   * units cost nothing, and a lookup copies no key. NULL once compacted, made again from the
   * pool when needed. */
  guint32         *interned;
  guint32          n_slots;     /* a power of two */
  guint32          n_interned;
};

#define MIN_SLOTS 64

FzFigureList *
fz_figure_list_new (void)
{
  FzFigureList *self = g_new0 (FzFigureList, 1);

  g_atomic_ref_count_init (&self->ref);
  self->figures = g_array_sized_new (FALSE, TRUE, sizeof (FzFigure), 64);
  /* Offset 0 is the empty string. */
  self->pool = g_string_sized_new (256);
  g_string_append_c (self->pool, '\0');
  self->n_slots = MIN_SLOTS;
  self->interned = g_new0 (guint32, self->n_slots);
  return self;
}

FzFigureList *
fz_figure_list_ref (FzFigureList *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
fz_figure_list_unref (FzFigureList *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_array_unref (self->figures);
  g_string_free (self->pool, TRUE);
  g_free (self->interned);
  g_free (self);
}

guint
fz_figure_list_get_n (const FzFigureList *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->figures->len;
}

const FzFigure *
fz_figure_list_get (const FzFigureList *self,
                    guint               i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->figures->len, NULL);
  return &g_array_index (self->figures, FzFigure, i);
}

FzFigure *
fz_figure_list_get_mut (FzFigureList *self,
                        guint         i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->figures->len, NULL);
  return &g_array_index (self->figures, FzFigure, i);
}

FzFigure *
fz_figure_list_append (FzFigureList *self)
{
  FzFigure *f;

  g_return_val_if_fail (self != NULL, NULL);
  g_array_set_size (self->figures, self->figures->len + 1);
  f = &g_array_index (self->figures, FzFigure, self->figures->len - 1);
  memset (f, 0, sizeof *f);
  f->article = -1;
  return f;
}

static guint32
hash_bytes (const char *str,
            gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) str[i]) * 16777619u;
  return h;
}

/* The slot of the string of @len bytes at @str (no NUL among them): the one that holds it, or
 * the free one where it would go. */
static guint32 *
interned_slot (FzFigureList *self,
               const char   *str,
               gsize         len)
{
  guint32 mask = self->n_slots - 1;

  for (guint32 i = hash_bytes (str, len) & mask;; i = (i + 1) & mask)
    {
      guint32 v = self->interned[i];
      const char *p;

      if (v == 0)
        return &self->interned[i];
      p = self->pool->str + v - 1;
      if (strncmp (p, str, len) == 0 && p[len] == '\0')
        return &self->interned[i];
    }
}

/* Room for one more string with the slots at most half full. */
static void
interned_reserve (FzFigureList *self)
{
  g_autofree guint32 *old = NULL;
  guint32 n_old = self->n_slots;

  if ((self->n_interned + 1) * 2 <= self->n_slots)
    return;
  old = self->interned;
  self->n_slots *= 2;
  self->interned = g_new0 (guint32, self->n_slots);
  for (guint32 i = 0; i < n_old; i++)
    if (old[i] != 0)
      {
        const char *p = self->pool->str + old[i] - 1;

        *interned_slot (self, p, strlen (p)) = old[i];
      }
}

/* The table of interned strings, made again from the pool after fz_figure_list_compact (). */
static void
intern_pool (FzFigureList *self)
{
  self->n_slots = MIN_SLOTS;
  self->n_interned = 0;
  self->interned = g_new0 (guint32, self->n_slots);
  for (gsize offset = 1; offset < self->pool->len;)
    {
      const char *str = self->pool->str + offset;
      gsize n = strlen (str);
      guint32 *slot;

      interned_reserve (self);
      slot = interned_slot (self, str, n);
      if (*slot == 0)
        {
          *slot = (guint32) offset + 1;
          self->n_interned++;
        }
      offset += n + 1;
    }
}

void
fz_figure_list_compact (FzFigureList *self)
{
  GArray *figures;

  g_return_if_fail (self != NULL);
  if (self->interned == NULL)
    return;   /* compact already, and perhaps being read elsewhere */
  /* A loaded page needs the table no more. */
  g_clear_pointer (&self->interned, g_free);
  /* Nor the room the array and the pool reserved for growing (an archive holds thousands). */
  figures = g_array_sized_new (FALSE, TRUE, sizeof (FzFigure), self->figures->len);
  g_array_append_vals (figures, self->figures->data, self->figures->len);
  g_array_unref (self->figures);
  self->figures = figures;
  self->pool->str = g_realloc (self->pool->str, self->pool->len + 1);
  self->pool->allocated_len = self->pool->len + 1;
}

guint32
fz_figure_list_intern (FzFigureList *self,
                       const char   *str,
                       gssize        len)
{
  guint32 *slot;
  guint32 offset;
  gsize n;

  g_return_val_if_fail (self != NULL, 0);
  if (str == NULL || len == 0 || (len < 0 && *str == '\0'))
    return 0;
  /* The string ends at its first NUL, as a C string would. */
  n = len < 0 ? strlen (str) : strnlen (str, (gsize) len);
  if (self->interned == NULL)
    intern_pool (self);
  interned_reserve (self);
  slot = interned_slot (self, str, n);
  if (*slot != 0)
    return *slot - 1;
  offset = (guint32) self->pool->len;
  /* GString copies right even when @str lies in the pool it grows. */
  g_string_append_len (self->pool, str, (gssize) n);
  g_string_append_c (self->pool, '\0');
  *slot = offset + 1;
  self->n_interned++;
  return offset;
}

const char *
fz_figure_list_str (const FzFigureList *self,
                    guint32             offset)
{
  g_return_val_if_fail (self != NULL, "");
  if (offset >= self->pool->len)
    return "";
  return self->pool->str + offset;
}

static int
compare_figures (gconstpointer a,
                 gconstpointer b)
{
  const FzFigure *fa = a, *fb = b;

  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;
  if (fa->end != fb->end)
    return fa->end < fb->end ? -1 : 1;
  return 0;
}

void
fz_figure_list_sort (FzFigureList *self)
{
  g_return_if_fail (self != NULL);
  g_array_sort (self->figures, compare_figures);
}

const char *
fz_kind_to_string (FzKind kind)
{
  return fz_enum_to_string (FZ_TYPE_KIND, kind);
}

gboolean
fz_kind_from_string (const char *str,
                     FzKind     *kind)
{
  int v;

  if (str == NULL || *str == '\0' || !fz_enum_from_string (FZ_TYPE_KIND, str, &v))
    return FALSE;
  *kind = v;
  return TRUE;
}

gboolean
fz_kind_is_statistic (FzKind kind)
{
  return kind != FZ_KIND_DATE && kind != FZ_KIND_IDENTIFIER && kind != FZ_KIND_ORDINAL;
}

const char *
fz_qualifier_to_string (FzQualifier qualifier)
{
  return fz_enum_to_string (FZ_TYPE_QUALIFIER, qualifier);
}

const char *
fz_change_to_string (FzChange change)
{
  return fz_enum_to_string (FZ_TYPE_CHANGE, change);
}

const char *
fz_basis_to_string (FzBasis basis)
{
  return fz_enum_to_string (FZ_TYPE_BASIS, basis);
}

/* Groups the integer digits of an exact decimal string in threes. */
static void
append_grouped (GString    *out,
                const char *value)
{
  const char *dot = strchr (value, '.');
  const char *digits = value;
  gsize n_int;

  if (*digits == '-' || *digits == '+')
    g_string_append_c (out, *digits++);
  n_int = dot != NULL ? (gsize) (dot - digits) : strlen (digits);
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (dot != NULL)
    g_string_append (out, dot);
}

char *
fz_figure_format_value (const FzFigureList *list,
                        const FzFigure     *figure)
{
  const char *value, *unit;
  GString *out;
  gboolean numeric;

  g_return_val_if_fail (list != NULL, NULL);
  g_return_val_if_fail (figure != NULL, NULL);

  value = fz_figure_list_str (list, figure->value);
  unit = fz_figure_list_str (list, figure->unit);
  out = g_string_new (NULL);
  numeric = figure->kind != FZ_KIND_DATE && figure->kind != FZ_KIND_IDENTIFIER
    && *value != '\0' && strspn (value, "+-0123456789.") == strlen (value);
  if (numeric)
    append_grouped (out, value);
  else
    g_string_append (out, value);
  if (*unit != '\0')
    {
      if (g_strcmp0 (unit, "%") != 0)
        g_string_append_c (out, ' ');
      g_string_append (out, unit);
    }
  return g_string_free (out, FALSE);
}

/* Steps @n code points from @p inside [text, text + len); NULL when that leaves it. */
static const char *
step_code_points (const char *text,
                  gsize       len,
                  const char *p,
                  gint64      n)
{
  const char *end = text + len;

  for (; n > 0; n--)
    {
      if (p >= end)
        return NULL;
      p = g_utf8_next_char (p);
    }
  for (; n < 0; n++)
    {
      if (p <= text)
        return NULL;
      p = g_utf8_prev_char (p);
    }
  return p <= end ? p : NULL;
}

char *
fz_figure_dup_cue_text (const FzFigure *figure,
                        const char     *text,
                        gsize           len,
                        guint32         cue_start,
                        guint32         cue_end)
{
  const char *from, *to;

  g_return_val_if_fail (figure != NULL, NULL);
  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (cue_end <= cue_start || figure->byte_start > len)
    return NULL;
  /* Cues stand near their figure: step from it, not from the start of the text. */
  from = step_code_points (text, len, text + figure->byte_start,
                           (gint64) cue_start - (gint64) figure->start);
  to = from != NULL ? step_code_points (text, len, from, cue_end - cue_start) : NULL;
  return to != NULL ? g_strndup (from, to - from) : NULL;
}
