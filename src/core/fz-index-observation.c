/* fz-index-observation.c: copying observations and naming their enums. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index-observation.h"

#include "fz-error.h"

#include <string.h>

/* Appends @str (or @fallback for NULL) at @at and returns where it went, or NULL for a NULL
 * without fallback. */
static const char *
put (char       **at,
     const char  *str,
     const char  *fallback)
{
  const char *placed = *at;
  gsize n;

  if (str == NULL)
    str = fallback;
  if (str == NULL)
    return NULL;
  n = strlen (str) + 1;
  memcpy (*at, str, n);
  *at += n;
  return placed;
}

static gsize
size_of (const char *str)
{
  return str != NULL ? strlen (str) + 1 : 1;
}

FzObservation *
fz_observation_copy (const FzObservation *obs)
{
  FzObservation *copy;
  char *at;

  g_return_val_if_fail (obs != NULL, NULL);

  /* One block for the observation and its strings: an index of an archive holds hundreds of
   * thousands, and seven small allocations each would cost more than their text. */
  copy = g_malloc (sizeof *copy + size_of (obs->region) + size_of (obs->indicator) +
                   size_of (obs->unit) + size_of (obs->period) + size_of (obs->document) +
                   size_of (obs->path) + size_of (obs->text));
  *copy = *obs;
  at = (char *) (copy + 1);
  copy->region = put (&at, obs->region, "");
  copy->indicator = put (&at, obs->indicator, "");
  copy->unit = put (&at, obs->unit, "");
  copy->period = put (&at, obs->period, "");
  copy->document = put (&at, obs->document, "");
  copy->path = put (&at, obs->path, NULL);
  copy->text = put (&at, obs->text, "");
  return copy;
}

void
fz_observation_free (FzObservation *obs)
{
  /* Only copies are freed, and their strings live in the same block. */
  g_free (obs);
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
