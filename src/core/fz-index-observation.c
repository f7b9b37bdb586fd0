/* fz-index-observation.c: copying observations and naming their enums. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index-observation.h"
#include "fz-index-private.h"

#include "fz-error.h"

#include <string.h>

/* Where the copy of @str (or of @fallback for NULL) goes: @prev's own copy when it is the
 * same text, else at @at, which moves on. NULL for a NULL without fallback. */
static const char *
put (char       **at,
     const char  *str,
     const char  *fallback,
     const char  *prev)
{
  const char *placed = *at;
  gsize n;

  if (str == NULL)
    str = fallback;
  if (str == NULL)
    return NULL;
  if (prev != NULL && strcmp (prev, str) == 0)
    return prev;
  n = strlen (str) + 1;
  memcpy (*at, str, n);
  *at += n;
  return placed;
}

static gsize
size_of (const char *str,
         const char *prev)
{
  if (str != NULL && prev != NULL && strcmp (prev, str) == 0)
    return 0;
  return str != NULL ? strlen (str) + 1 : 1;
}

/* The strings of a copy: an observation's document, path, indicator, region and unit are
 * most often those of the one before it, and a copy that may share them does. */
#define FIELD(obs, name) ((obs) != NULL ? (obs)->name : NULL)

gsize
_fz_observation_size (const FzObservation *obs,
                      const FzObservation *prev)
{
  return sizeof (FzObservation) + size_of (obs->region, FIELD (prev, region)) +
         size_of (obs->indicator, FIELD (prev, indicator)) +
         size_of (obs->unit, FIELD (prev, unit)) + size_of (obs->period, FIELD (prev, period)) +
         size_of (obs->document, FIELD (prev, document)) +
         size_of (obs->path, FIELD (prev, path)) + size_of (obs->text, NULL);
}

FzObservation *
_fz_observation_copy_to (const FzObservation *obs,
                         const FzObservation *prev,
                         gpointer             mem)
{
  FzObservation *copy = mem;
  char *at = (char *) (copy + 1);

  *copy = *obs;
  copy->region = put (&at, obs->region, "", FIELD (prev, region));
  copy->indicator = put (&at, obs->indicator, "", FIELD (prev, indicator));
  copy->unit = put (&at, obs->unit, "", FIELD (prev, unit));
  copy->period = put (&at, obs->period, "", FIELD (prev, period));
  copy->document = put (&at, obs->document, "", FIELD (prev, document));
  copy->path = put (&at, obs->path, NULL, FIELD (prev, path));
  copy->text = put (&at, obs->text, "", NULL);
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
