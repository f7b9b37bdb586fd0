/* fz-index-observation.c: copying observations and naming their enums. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index-observation.h"

#include "fz-error.h"

FzObservation *
fz_observation_copy (const FzObservation *obs)
{
  FzObservation *copy;

  g_return_val_if_fail (obs != NULL, NULL);

  copy = g_new (FzObservation, 1);
  *copy = *obs;
  copy->region = g_strdup (obs->region ? obs->region : "");
  copy->indicator = g_strdup (obs->indicator ? obs->indicator : "");
  copy->unit = g_strdup (obs->unit ? obs->unit : "");
  copy->period = g_strdup (obs->period ? obs->period : "");
  copy->document = g_strdup (obs->document ? obs->document : "");
  copy->path = g_strdup (obs->path);
  copy->text = g_strdup (obs->text ? obs->text : "");

  return copy;
}

void
fz_observation_free (FzObservation *obs)
{
  if (obs == NULL)
    return;

  /* Only copies are freed, and their strings are ours. */
  g_free ((char *) obs->region);
  g_free ((char *) obs->indicator);
  g_free ((char *) obs->unit);
  g_free ((char *) obs->period);
  g_free ((char *) obs->document);
  g_free ((char *) obs->path);
  g_free ((char *) obs->text);
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
