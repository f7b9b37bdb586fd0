/* fz-attribution-weights.c: the support of an article or a page, division -> weight. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-attribution-private.h"

#include <string.h>

/* Ids are small and dense, so a multiplicative hash spreads them; a page names a few dozen
 * divisions, and their ancestors are read far more often than they are added. */
static inline guint
slot_of (const Weights *w,
         guint32        id)
{
  return (id * 0x9E3779B1u) & w->mask;
}

static void
grow (Weights *w)
{
  guint32 *old_ids = w->ids;
  double *old_weights = w->weights;
  guint n_old = old_ids != NULL ? w->mask + 1 : 0;
  guint n_new = n_old != 0 ? n_old * 2 : 64;

  w->ids = g_new (guint32, n_new);
  memset (w->ids, 0xFF, n_new * sizeof (guint32));
  w->weights = g_new0 (double, n_new);
  w->mask = n_new - 1;
  for (guint i = 0; i < n_old; i++)
    if (old_ids[i] != FZ_GAZETTEER_NONE)
      {
        guint s = slot_of (w, old_ids[i]);

        while (w->ids[s] != FZ_GAZETTEER_NONE)
          s = (s + 1) & w->mask;
        w->ids[s] = old_ids[i];
        w->weights[s] = old_weights[i];
      }
  g_free (old_ids);
  g_free (old_weights);
}

void
_fz_weights_add (Weights *w,
                 guint32  id,
                 double   weight)
{
  guint s;

  /* At most half full, so that a probe for an absent id ends soon. */
  if (w->ids == NULL || (w->n + 1) * 2 > w->mask + 1)
    grow (w);
  for (s = slot_of (w, id); w->ids[s] != FZ_GAZETTEER_NONE; s = (s + 1) & w->mask)
    if (w->ids[s] == id)
      {
        w->weights[s] += weight;
        return;
      }
  w->ids[s] = id;
  w->weights[s] = 0.0 + weight;
  w->n++;
}

double
_fz_weights_get (const Weights *w,
                 guint32        id)
{
  if (w == NULL || w->ids == NULL)
    return 0.0;
  for (guint s = slot_of (w, id); w->ids[s] != FZ_GAZETTEER_NONE; s = (s + 1) & w->mask)
    if (w->ids[s] == id)
      return w->weights[s];
  return 0.0;
}

void
_fz_weights_clear (Weights *w)
{
  g_clear_pointer (&w->ids, g_free);
  g_clear_pointer (&w->weights, g_free);
  w->mask = 0;
  w->n = 0;
}
