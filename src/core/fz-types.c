/* fz-types.c: enum values to and from the names the TSV and XML outputs write. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-types.h"

static GEnumClass *
enum_class (GType type)
{
  /* Classes of static types are never freed, so the reference is kept for good. */
  GEnumClass *klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

static gboolean
is_empty_nick (const char *nick)
{
  /* The first letter first: a page's output names several values for every figure. */
  return (nick[0] == 'n' && g_str_equal (nick, "none")) ||
         (nick[0] == 'u' && g_str_equal (nick, "unknown"));
}

const char *
fz_enum_to_string (GType type,
                   int   value)
{
  GEnumClass *klass = enum_class (type);
  GEnumValue *v;

  /* Our enums count from 0, so a value is found at its own index without a search; the output
   * of a page names several for every figure. */
  if (value >= 0 && (guint) value < klass->n_values && klass->values[value].value == value)
    v = &klass->values[value];
  else
    v = g_enum_get_value (klass, value);

  if (v == NULL || is_empty_nick (v->value_nick))
    return "";
  return v->value_nick;
}

gboolean
fz_enum_from_string (GType       type,
                     const char *str,
                     int        *value)
{
  GEnumClass *klass = enum_class (type);

  g_return_val_if_fail (value != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *nick = klass->values[i].value_nick;

      if (g_str_equal (nick, str) || (*str == '\0' && is_empty_nick (nick)))
        {
          *value = klass->values[i].value;
          return TRUE;
        }
    }
  return FALSE;
}
