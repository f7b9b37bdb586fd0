/* fz-index-observation.c: copying observations and naming their enums. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index-observation.h"
#include "fz-index-private.h"

#include "fz-error.h"

#include <string.h>

/* The strings of an observation, the text last: the others are most often those of the
 * observation before it, whose copy a copy then shares. All but the path read "" for NULL. */
static const gsize string_fields[] = {
  G_STRUCT_OFFSET (FzObservation, region),
  G_STRUCT_OFFSET (FzObservation, indicator),
  G_STRUCT_OFFSET (FzObservation, unit),
  G_STRUCT_OFFSET (FzObservation, period),
  G_STRUCT_OFFSET (FzObservation, document),
  G_STRUCT_OFFSET (FzObservation, path),
  G_STRUCT_OFFSET (FzObservation, text),
};
#define PATH_FIELD 5
#define TEXT_FIELD 6

static inline const char **
string_field (const FzObservation *obs,
              guint                k)
{
  return (const char **) (gpointer) ((guint8 *) obs + string_fields[k]);
}

static inline const char *
string_at (const FzObservation *obs,
           guint                k)
{
  const char *str = *string_field (obs, k);

  return str != NULL || k == PATH_FIELD ? str : "";
}

guint
_fz_observation_repeats (const FzObservation *obs,
                         const FzObservation *prev)
{
  guint repeats = 0;

  for (guint k = 0; prev != NULL && k < TEXT_FIELD; k++)
    {
      const char *str = string_at (obs, k), *before = string_at (prev, k);

      if (str != NULL && before != NULL && strcmp (str, before) == 0)
        repeats |= 1u << k;
    }
  return repeats;
}

gsize
_fz_observation_size (const FzObservation *obs,
                      guint                repeats)
{
  gsize size = sizeof (FzObservation);

  for (guint k = 0; k < G_N_ELEMENTS (string_fields); k++)
    if (!((repeats >> k) & 1) && string_at (obs, k) != NULL)
      size += strlen (string_at (obs, k)) + 1;
  return size;
}

FzObservation *
_fz_observation_copy_to (const FzObservation *obs,
                         const FzObservation *prev,
                         guint                repeats,
                         gpointer             mem)
{
  FzObservation *copy = mem;
  char *at = (char *) (copy + 1);

  *copy = *obs;
  for (guint k = 0; k < G_N_ELEMENTS (string_fields); k++)
    {
      const char *str = string_at (obs, k);

      if ((repeats >> k) & 1)
        *string_field (copy, k) = string_at (prev, k);
      else if (str == NULL)
        *string_field (copy, k) = NULL;
      else
        {
          gsize n = strlen (str) + 1;

          memcpy (at, str, n);
          *string_field (copy, k) = at;
          at += n;
        }
    }
  return copy;
}

const char *
fz_value_kind_to_string (FzValueKind kind)
{
  return fz_enum_to_string (FZ_TYPE_VALUE_KIND, kind);
}

const char *
fz_region_level_to_string (FzRegionLevel level)
{
  return fz_enum_to_string (FZ_TYPE_REGION_LEVEL, level);
}

gboolean
fz_region_level_from_string (const char    *str,
                             FzRegionLevel *level)
{
  int v;

  g_return_val_if_fail (level != NULL, FALSE);
  if (!fz_enum_from_string (FZ_TYPE_REGION_LEVEL, str, &v))
    return FALSE;
  *level = v;
  return TRUE;
}
