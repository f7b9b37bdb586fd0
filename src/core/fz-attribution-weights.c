/* fz-attribution-weights.c: the support of an article or a page, division -> weight. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-attribution-private.h"

#include <string.h>

static void
grow (Weights *w)
{
  guint32 *old_ids = w->ids;
  double *old_weights = w->weights;
  guint n_old = old_ids != NULL ? w->mask + 1 : 0;
  guint n_new = n_old != 0 ? n_old * 2 : 64;
  double *block;

  /* Ids and weights in one block, the weights first for their alignment; a weight is read
   * only where its id is set, so the weights need no zeroing. */
  block = g_malloc (n_new * (sizeof (double) + sizeof (guint32)));
  w->weights = block;
  w->ids = (guint32 *) (gpointer) (block + n_new);
  memset (w->ids, 0xFF, n_new * sizeof (guint32));
  w->mask = n_new - 1;
  for (guint i = 0; i < n_old; i++)
    if (old_ids[i] != FZ_GAZETTEER_NONE)
      {
        guint s = _fz_weights_slot (w, old_ids[i]);

        while (w->ids[s] != FZ_GAZETTEER_NONE)
          s = (s + 1) & w->mask;
        w->ids[s] = old_ids[i];
        w->weights[s] = old_weights[i];
      }
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
  for (s = _fz_weights_slot (w, id); w->ids[s] != FZ_GAZETTEER_NONE; s = (s + 1) & w->mask)
    if (w->ids[s] == id)
      {
        w->weights[s] += weight;
        return;
      }
  w->ids[s] = id;
  w->weights[s] = 0.0 + weight;
  w->n++;
}

void
_fz_weights_clear (Weights *w)
{
  /* One block, which the weights begin. */
  g_clear_pointer (&w->weights, g_free);
  w->ids = NULL;
  w->mask = 0;
  w->n = 0;
}
