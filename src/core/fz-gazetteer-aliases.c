/* fz-gazetteer-aliases.c: adds zones, aliases and generic names from a TSV to a gazetteer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-gazetteer-private.h"

#include "fz-error.h"

#include <string.h>

/* The name and the division an alias row names; @target stays
 * FZ_GAZETTEER_NONE when the row gives no code. */
static gboolean
check_alias_row (FzGazetteer  *self,
                 char        **cols,
                 const char   *origin,
                 guint         line_no,
                 guint32      *target,
                 GError      **error)
{
  gint64 code = 0;

  for (guint k = 0; k < 3; k++)
    g_strstrip (cols[k]);
  if (cols[0][0] == '\0')
    return _fz_gazetteer_parse_error (error, origin, line_no, "empty name");
  if (g_utf8_strlen (cols[0], -1) > MAX_NAME_CHARS)
    return _fz_gazetteer_parse_error (error, origin, line_no, "name too long");
  if (cols[1][0] != '\0')
    {
      if (!_fz_gazetteer_parse_code (cols[1], &code))
        return _fz_gazetteer_parse_error (error, origin, line_no, "code is not a number");
      *target = fz_gazetteer_lookup_code (self, code);
      if (*target == FZ_GAZETTEER_NONE)
        return _fz_gazetteer_parse_error (error, origin, line_no, "no division has this code");
    }
  return TRUE;
}

/* A zone or a generic name is a place of its own; an alias is one more name
 * for a division. */
static gboolean
add_alias_place (FzGazetteer  *self,
                 const char   *name,
                 const char   *type,
                 guint32       target,
                 const char   *origin,
                 guint         line_no,
                 GError      **error)
{
  Place p = { 0 };

  if (g_str_equal (type, "zone"))
    {
      if (target == FZ_GAZETTEER_NONE)
        return _fz_gazetteer_parse_error (error, origin, line_no,
                                          "a zone needs the code of its division");
      p.type = FZ_PLACE_ZONE;
      p.parent = target;
      p.level = MIN (4, fz_gazetteer_get_level (self, target) + 1);
    }
  else if (g_str_equal (type, "generic"))
    {
      p.type = FZ_PLACE_GENERIC;
      p.parent = FZ_GAZETTEER_NONE;
      p.level = 4;
    }
  else
    return _fz_gazetteer_parse_error (error, origin, line_no, "type is not zone, alias or generic");

  p.name = name;
  g_array_append_val (self->places, p);
  _fz_gazetteer_add_place_names (self, self->places->len - 1);
  /* The name, whatever else it also names, reads as a common noun. */
  if (p.type == FZ_PLACE_GENERIC)
    {
      NameEntry *entry = _fz_gazetteer_entry (self, name);

      if (entry != NULL)
        entry->generic = TRUE;
    }
  return TRUE;
}

static gboolean
add_alias_line (FzGazetteer  *self,
                const char   *line,
                const char   *origin,
                guint         line_no,
                GError      **error)
{
  g_auto(GStrv) cols = g_strsplit (line, "\t", -1);
  guint32 target = FZ_GAZETTEER_NONE;
  const char *name;

  if (g_strv_length (cols) < 3)
    return _fz_gazetteer_parse_error (error, origin, line_no, "expected name, code, type");
  if (!check_alias_row (self, cols, origin, line_no, &target, error))
    return FALSE;
  name = g_string_chunk_insert_const (self->strings, cols[0]);
  if (g_str_equal (cols[2], "alias"))
    {
      if (target == FZ_GAZETTEER_NONE)
        return _fz_gazetteer_parse_error (error, origin, line_no, "an alias needs a code");
      _fz_gazetteer_add_name (self, name, target, FALSE);
      return TRUE;
    }
  return add_alias_place (self, name, cols[2], target, origin, line_no, error);
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
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      if (!add_alias_line (self, lines[i], origin, i + 1, error))
        return FALSE;
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
