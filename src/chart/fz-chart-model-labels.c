/* fz-chart-model-labels.c: labels that tell apart regions of one name by where they lie. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-model-private.h"

/* Tried in this order: the city places a township or county for most readers. */
static const FzRegionLevel qualifier_levels[] = {
  FZ_REGION_LEVEL_CITY, FZ_REGION_LEVEL_COUNTY, FZ_REGION_LEVEL_PROVINCE,
};

/* The name of the region's division at @level above it, or of its parent where there is
 * no such level (a municipality's districts have no city); NULL when not placed. */
static const char *
ancestor_name (FzGazetteer         *gazetteer,
               const FzIndexRegion *r,
               FzRegionLevel        level)
{
  guint32 id = r->code != 0 ? fz_gazetteer_lookup_code (gazetteer, r->code) : FZ_GAZETTEER_NONE;
  guint32 up;

  if (id == FZ_GAZETTEER_NONE || fz_gazetteer_get_level (gazetteer, id) <= (guint) level)
    return NULL;
  up = fz_gazetteer_rollup (gazetteer, id, level);
  if (up == FZ_GAZETTEER_NONE)
    up = fz_gazetteer_get_parent (gazetteer, id);
  return up != FZ_GAZETTEER_NONE ? fz_gazetteer_get_name (gazetteer, up) : NULL;
}

/* TRUE when @level names every region of @same apart (a region not in the gazetteer may
 * keep its bare name, once). */
static gboolean
level_tells_apart (FzGazetteer   *gazetteer,
                   GPtrArray     *same,
                   FzRegionLevel  level)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint unplaced = 0;

  for (guint i = 0; i < same->len; i++)
    {
      const char *up = ancestor_name (gazetteer, same->pdata[i], level);

      if (up == NULL ? ++unplaced > 1 : !g_hash_table_add (seen, (gpointer) up))
        return FALSE;
    }
  return TRUE;
}

static char *
qualified (const char *name,
           const char *qualifier,
           gboolean    zh)
{
  return g_strdup_printf (zh ? "%s（%s）" : "%s (%s)", name, qualifier);
}

/* Labels for the regions of @same, all named alike: by the first level that tells them all
 * apart, else by city and code, which always does. */
static void
label_group (GHashTable  *labels,
             FzGazetteer *gazetteer,
             GPtrArray   *same,
             gboolean     zh)
{
  for (guint k = 0; gazetteer != NULL && k < G_N_ELEMENTS (qualifier_levels); k++)
    {
      if (!level_tells_apart (gazetteer, same, qualifier_levels[k]))
        continue;
      for (guint i = 0; i < same->len; i++)
        {
          const FzIndexRegion *r = same->pdata[i];
          const char *up = ancestor_name (gazetteer, r, qualifier_levels[k]);

          if (up != NULL)
            g_hash_table_insert (labels, (gpointer) r, qualified (r->name, up, zh));
        }
      return;
    }
  for (guint i = 0; i < same->len; i++)
    {
      const FzIndexRegion *r = same->pdata[i];
      const char *city = gazetteer != NULL ? ancestor_name (gazetteer, r, FZ_REGION_LEVEL_CITY)
                                           : NULL;
      g_autofree char *code = g_strdup_printf ("%" G_GINT64_FORMAT, r->code);
      g_autofree char *both = city != NULL ? g_strdup_printf ("%s %s", city, code) : NULL;

      if (r->code != 0)
        g_hash_table_insert (labels, (gpointer) r, qualified (r->name, both ? both : code, zh));
    }
}

GHashTable *
_fz_chart_region_labels (FzIndex       *index,
                         FzIndexResult *result,
                         gboolean       zh)
{
  GHashTable *labels = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  FzGazetteer *gazetteer = index != NULL ? fz_index_get_gazetteer (index) : NULL;
  GHashTableIter iter;
  GPtrArray *same;

  for (guint i = 0; i < fz_index_result_get_n_regions (result); i++)
    {
      const FzIndexRegion *r = fz_index_result_get_region (result, i);

      same = g_hash_table_lookup (by_name, r->name);
      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (by_name, (gpointer) r->name, same);
        }
      g_ptr_array_add (same, (gpointer) r);
    }
  g_hash_table_iter_init (&iter, by_name);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &same))
    if (same->len > 1)
      label_group (labels, gazetteer, same, zh);
  return labels;
}

const char *
_fz_chart_region_label (GHashTable          *labels,
                        const FzIndexRegion *region)
{
  const char *label = labels != NULL ? g_hash_table_lookup (labels, region) : NULL;

  return label != NULL ? label : region->name;
}

GStrv
fz_chart_region_labels (FzIndex       *index,
                        FzIndexResult *result,
                        gboolean       zh)
{
  g_autoptr(GHashTable) labels = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (result != NULL, NULL);

  labels = _fz_chart_region_labels (index, result, zh);
  for (guint i = 0; i < fz_index_result_get_n_regions (result); i++)
    g_strv_builder_add (builder,
                        _fz_chart_region_label (labels, fz_index_result_get_region (result, i)));
  return g_strv_builder_end (builder);
}
