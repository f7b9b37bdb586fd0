/* fz-chart-model.c: the chart model: categories, series of values and their provenance. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-model.h"

typedef struct
{
  char *name;
  char *note;
} Category;

typedef struct
{
  char   *name;
  guint   group;
  GArray *values;   /* FzChartValue, one per category */
} Series;

struct _FzChartModel
{
  gatomicrefcount  ref_count;
  FzChartType      type;
  char            *lang;
  char            *title;
  char            *unit;
  GPtrArray       *categories;  /* Category * */
  GPtrArray       *series;      /* Series * */
  gboolean         has_range;
  double           range[2];
};

static const char * const type_names[FZ_N_CHART_TYPES] = {
  "bar", "grouped", "radar", "trend", "heatmap"
};

const char *
fz_chart_type_to_string (FzChartType type)
{
  g_return_val_if_fail (type < FZ_N_CHART_TYPES, NULL);
  return type_names[type];
}

gboolean
fz_chart_type_from_string (const char  *str,
                           FzChartType *type)
{
  for (guint i = 0; i < FZ_N_CHART_TYPES; i++)
    if (g_strcmp0 (str, type_names[i]) == 0)
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

static void
source_free (FzChartSource *source)
{
  g_free (source->document);
  g_free (source->path);
  g_free (source->text);
  g_free (source);
}

static void
value_clear (FzChartValue *value)
{
  g_clear_pointer (&value->sources, g_ptr_array_unref);
}

static void
category_free (Category *category)
{
  g_free (category->name);
  g_free (category->note);
  g_free (category);
}

static void
series_free (Series *series)
{
  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

FzChartModel *
fz_chart_model_new (FzChartType  type,
                    const char  *lang)
{
  FzChartModel *self = g_new0 (FzChartModel, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->type = type;
  self->lang = g_strdup (lang != NULL ? lang : "en");
  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) category_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  return self;
}

FzChartModel *
fz_chart_model_ref (FzChartModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
fz_chart_model_unref (FzChartModel *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->lang);
  g_free (self->title);
  g_free (self->unit);
  g_ptr_array_unref (self->series);
  g_ptr_array_unref (self->categories);
  g_free (self);
}

FzChartType
fz_chart_model_get_chart_type (const FzChartModel *self)
{
  return self->type;
}

gboolean
fz_chart_model_is_zh (const FzChartModel *self)
{
  return g_str_has_prefix (self->lang, "zh");
}

void
fz_chart_model_set_title (FzChartModel *self,
                          const char   *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

const char *
fz_chart_model_get_title (const FzChartModel *self)
{
  return self->title;
}

void
fz_chart_model_set_unit (FzChartModel *self,
                         const char   *unit)
{
  g_free (self->unit);
  self->unit = (unit != NULL && *unit != '\0') ? g_strdup (unit) : NULL;
}

const char *
fz_chart_model_get_unit (const FzChartModel *self)
{
  return self->unit;
}

void
fz_chart_model_set_range (FzChartModel *self,
                          double        min,
                          double        max)
{
  self->has_range = TRUE;
  self->range[0] = min;
  self->range[1] = max;
}

gboolean
fz_chart_model_get_range (const FzChartModel *self,
                          double             *min,
                          double             *max)
{
  *min = self->range[0];
  *max = self->range[1];
  return self->has_range;
}

static GArray *
new_values (guint n)
{
  GArray *values = g_array_sized_new (FALSE, TRUE, sizeof (FzChartValue), n);

  g_array_set_clear_func (values, (GDestroyNotify) value_clear);
  for (guint i = 0; i < n; i++)
    {
      FzChartValue missing = { 0, TRUE, 0, NULL };
      g_array_append_val (values, missing);
    }
  return values;
}

guint
fz_chart_model_add_category (FzChartModel *self,
                             const char   *name,
                             const char   *note)
{
  Category *category = g_new0 (Category, 1);

  category->name = g_strdup (name);
  category->note = g_strdup (note);
  g_ptr_array_add (self->categories, category);
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      FzChartValue missing = { 0, TRUE, 0, NULL };
      g_array_append_val (series->values, missing);
    }
  return self->categories->len - 1;
}

guint
fz_chart_model_get_n_categories (const FzChartModel *self)
{
  return self->categories->len;
}

const char *
fz_chart_model_get_category (const FzChartModel *self,
                             guint               category)
{
  g_return_val_if_fail (category < self->categories->len, NULL);
  return ((Category *) g_ptr_array_index (self->categories, category))->name;
}

const char *
fz_chart_model_get_note (const FzChartModel *self,
                         guint               category)
{
  g_return_val_if_fail (category < self->categories->len, NULL);
  return ((Category *) g_ptr_array_index (self->categories, category))->note;
}

guint
fz_chart_model_add_series (FzChartModel *self,
                           const char   *name)
{
  Series *series = g_new0 (Series, 1);

  series->name = g_strdup (name);
  series->group = self->series->len;
  series->values = new_values (self->categories->len);
  g_ptr_array_add (self->series, series);
  return self->series->len - 1;
}

guint
fz_chart_model_get_n_series (const FzChartModel *self)
{
  return self->series->len;
}

const char *
fz_chart_model_get_series (const FzChartModel *self,
                           guint               series)
{
  g_return_val_if_fail (series < self->series->len, NULL);
  return ((Series *) g_ptr_array_index (self->series, series))->name;
}

void
fz_chart_model_set_series_group (FzChartModel *self,
                                 guint         series,
                                 guint         group)
{
  g_return_if_fail (series < self->series->len);
  ((Series *) g_ptr_array_index (self->series, series))->group = group;
}

guint
fz_chart_model_get_series_group (const FzChartModel *self,
                                 guint               series)
{
  g_return_val_if_fail (series < self->series->len, 0);
  return ((Series *) g_ptr_array_index (self->series, series))->group;
}

FzChartValue *
fz_chart_model_set_value (FzChartModel *self,
                          guint         series,
                          guint         category,
                          double        value,
                          guint         qualifier)
{
  FzChartValue *v;

  g_return_val_if_fail (series < self->series->len, NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  v = &g_array_index (((Series *) g_ptr_array_index (self->series, series))->values,
                      FzChartValue, category);
  v->value = value;
  v->missing = FALSE;
  v->no_spread = FALSE;
  v->qualifier = qualifier;
  if (v->sources == NULL)
    v->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  return v;
}

void
fz_chart_value_add_source_full (FzChartValue *value,
                                const char   *document,
                                const char   *path,
                                guint         start,
                                guint         end,
                                const char   *text)
{
  FzChartSource *source;

  g_return_if_fail (value != NULL && value->sources != NULL);
  for (guint i = 0; i < value->sources->len; i++)
    {
      FzChartSource *s = g_ptr_array_index (value->sources, i);
      if (s->start == start && s->end == end && g_strcmp0 (s->document, document) == 0 &&
          g_strcmp0 (s->path, path) == 0)
        return;
    }
  source = g_new0 (FzChartSource, 1);
  source->document = g_strdup (document);
  source->path = g_strdup (path);
  source->start = start;
  source->end = end;
  source->text = g_strdup (text);
  g_ptr_array_add (value->sources, source);
}

void
fz_chart_value_add_source (FzChartValue *value,
                           const char   *document,
                           guint         start,
                           guint         end,
                           const char   *text)
{
  fz_chart_value_add_source_full (value, document, NULL, start, end, text);
}

const FzChartValue *
fz_chart_model_get_value (const FzChartModel *self,
                          guint               series,
                          guint               category)
{
  g_return_val_if_fail (series < self->series->len, NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);
  return &g_array_index (((Series *) g_ptr_array_index (self->series, series))->values,
                         FzChartValue, category);
}

/* ---------------------------------------------------------------- ranking */

static gint
rank_order (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  const FzChartModel *self = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  const FzChartValue *va = fz_chart_model_get_value (self, 0, ia);
  const FzChartValue *vb = fz_chart_model_get_value (self, 0, ib);

  if (va->missing != vb->missing)
    return va->missing ? 1 : -1;
  if (!va->missing && va->value != vb->value)
    return va->value > vb->value ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static void
permute (GPtrArray   *categories,
         GArray      *values,
         const guint *order)
{
  guint n = categories != NULL ? categories->len : values->len;
  g_autofree gpointer *cats = categories != NULL ? g_memdup2 (categories->pdata,
                                                              n * sizeof (gpointer)) : NULL;
  g_autofree FzChartValue *vals = values != NULL ? g_memdup2 (values->data,
                                                              n * sizeof (FzChartValue)) : NULL;

  for (guint i = 0; i < n; i++)
    {
      if (cats != NULL)
        categories->pdata[i] = cats[order[i]];
      if (vals != NULL)
        g_array_index (values, FzChartValue, i) = vals[order[i]];
    }
}

void
fz_chart_model_sort_ranked (FzChartModel *self)
{
  guint n = self->categories->len;
  g_autofree guint *order = g_new (guint, MAX (n, 1));

  g_return_if_fail (self->series->len > 0);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), rank_order, self);
  permute (self->categories, NULL, order);
  for (guint s = 0; s < self->series->len; s++)
    permute (NULL, ((Series *) g_ptr_array_index (self->series, s))->values, order);
}
