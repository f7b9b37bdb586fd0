/* fz-chart-pane.c: the chart pane's controls: which chart of the index, over which regions,
 * period and method; rebuilds the chart model when they change. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fz-chart-format.h"
#include "fz-chart-pane-private.h"

guint _fz_chart_pane_signals[FZ_CHART_PANE_N_SIGNALS];

G_DEFINE_FINAL_TYPE (FzChartPane, fz_chart_pane, GTK_TYPE_WIDGET)

/* The entries of the regions drop-down: a level to compare, or the regions ticked. */
#define REGIONS_CHOSEN 5

static gboolean
interface_is_zh (void)
{
  const char * const *langs = g_get_language_names ();

  return langs[0] != NULL && g_str_has_prefix (langs[0], "zh");
}

static const char *
current_measure (FzChartPane *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->measure_dropdown));

  if (self->measures == NULL || i >= self->measures->len)
    return NULL;
  return g_ptr_array_index (self->measures, i);
}

static FzRegionLevel
current_level (FzChartPane *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->regions_dropdown));

  return i >= 1 && i <= 4 ? (FzRegionLevel) i : FZ_REGION_LEVEL_UNKNOWN;
}

/* The first indicator among the measures: a trend follows an indicator, never a score. */
static const char *
trend_indicator (FzChartPane *self,
                 const char  *measure)
{
  FzDimension dim;

  if (measure != NULL && !g_str_equal (measure, "overall") &&
      !fz_dimension_from_string (measure, &dim))
    return measure;
  /* The measures are the overall index, the dimensions, then the indicators with data. */
  if (self->measures != NULL && self->measures->len > 1 + FZ_N_DIMENSIONS)
    return g_ptr_array_index (self->measures, 1 + FZ_N_DIMENSIONS);
  return NULL;
}

static void
rebuild (FzChartPane *self)
{
  FzChartType type = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->type_dropdown));
  g_autofree char **regions = NULL;
  g_autoptr(GError) error = NULL;
  FzChartSpec spec;

  g_clear_pointer (&self->model, fz_chart_model_unref);
  g_clear_pointer (&self->frame, fz_chart_frame_free);
  gtk_widget_set_sensitive (self->measure_dropdown, type == FZ_CHART_BAR || type == FZ_CHART_TREND);
  gtk_widget_set_sensitive (self->choose_button, gtk_drop_down_get_selected (
                              GTK_DROP_DOWN (self->regions_dropdown)) == REGIONS_CHOSEN);
  if (self->result != NULL || (type == FZ_CHART_TREND && self->index != NULL))
    {
      fz_chart_spec_init (&spec, type);
      spec.lang = interface_is_zh () ? "zh" : "en";
      spec.lexicon = self->lexicon;
      spec.level = current_level (self);
      spec.indicator = type == FZ_CHART_TREND ? trend_indicator (self, current_measure (self))
                                              : current_measure (self);
      if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->regions_dropdown)) == REGIONS_CHOSEN)
        {
          regions = (char **) g_hash_table_get_keys_as_array (self->chosen, NULL);
          spec.regions = (const char * const *) regions;
        }
      self->model = fz_chart_model_new_from_index (self->index, self->result, &spec, &error);
      if (self->model == NULL)
        g_debug ("no chart: %s", error->message);
    }
  _fz_chart_pane_redraw (self);
}

static void
emit_options (FzChartPane *self)
{
  const char *period = gtk_editable_get_text (GTK_EDITABLE (self->period_entry));
  FzIndexOptions opts;

  if (self->updating)
    return;
  fz_index_options_init (&opts);
  opts.period = (period != NULL && *period != '\0') ? period : NULL;
  opts.level = current_level (self);
  opts.normalisation = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->method_dropdown));
  g_signal_emit (self, _fz_chart_pane_signals[FZ_CHART_PANE_OPTIONS_CHANGED], 0, &opts);
}

/* ---------------------------------------------------------------- measures and regions */

static void
add_indicators (FzChartPane *self,
                GtkStringList *names)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; self->result != NULL && i < fz_index_result_get_n_regions (self->result); i++)
    {
      const FzIndexRegion *r = fz_index_result_get_region (self->result, i);
      for (guint k = 0; k < r->cells->len; k++)
        {
          const char *id = ((const FzIndexCell *) g_ptr_array_index (r->cells, k))->indicator;
          const FzIndicator *ind = self->lexicon ? fz_lexicon_lookup (self->lexicon, id) : NULL;

          if (!g_hash_table_add (seen, (gpointer) id))
            continue;
          g_ptr_array_add (self->measures, g_strdup (id));
          gtk_string_list_append (names, ind == NULL ? id
                                  : interface_is_zh () ? ind->name_zh : ind->name_en);
        }
    }
}

static void
fill_measures (FzChartPane *self)
{
  g_autofree char *keep = g_strdup (current_measure (self));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean zh = interface_is_zh ();
  guint selected = 0;

  g_clear_pointer (&self->measures, g_ptr_array_unref);
  self->measures = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->measures, g_strdup ("overall"));
  gtk_string_list_append (names, _("Overall index"));
  for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
    {
      g_ptr_array_add (self->measures, g_strdup (fz_dimension_to_string (d)));
      gtk_string_list_append (names, fz_chart_dimension_name (zh, d));
    }
  add_indicators (self, names);
  for (guint i = 0; keep != NULL && i < self->measures->len; i++)
    if (g_str_equal (keep, g_ptr_array_index (self->measures, i)))
      selected = i;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->measure_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->measure_dropdown), selected);
}

static void
on_region_toggled (GtkCheckButton *button,
                   FzChartPane    *self)
{
  const char *name = gtk_check_button_get_label (button);

  if (gtk_check_button_get_active (button))
    g_hash_table_add (self->chosen, g_strdup (name));
  else
    g_hash_table_remove (self->chosen, name);
  if (!self->updating)
    rebuild (self);
}

static void
fill_regions (FzChartPane *self)
{
  g_auto(GStrv) labels = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->choose_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->choose_box), child);
  if (self->result == NULL)
    return;
  /* As the charts write them: regions of one name are told apart, and each ticks alone. */
  labels = fz_chart_region_labels (self->index, self->result, interface_is_zh ());
  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *name = labels[i];
      GtkWidget *check = gtk_check_button_new_with_label (name);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (self->chosen, name));
      g_signal_connect (check, "toggled", G_CALLBACK (on_region_toggled), self);
      gtk_box_append (GTK_BOX (self->choose_box), check);
    }
}

/* ---------------------------------------------------------------- callbacks */

static void
on_chart_control (FzChartPane *self)
{
  if (!self->updating)
    rebuild (self);
}

static void
on_index_control (FzChartPane *self)
{
  /* A level or a method asks for a new index; the chart follows when it comes. */
  emit_options (self);
  on_chart_control (self);
}

static void
on_dark_changed (FzChartPane *self)
{
  fz_chart_style_clear (&self->style);
  fz_chart_style_init (&self->style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_clear_pointer (&self->frame, fz_chart_frame_free);
  gtk_widget_queue_draw (self->area);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _fz_chart_pane_export (FZ_CHART_PANE (widget));
}

/* ---------------------------------------------------------------- GObject */

static void
fz_chart_pane_dispose (GObject *object)
{
  FzChartPane *self = FZ_CHART_PANE (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->sources_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_CHART_PANE);
  g_clear_pointer (&self->frame, fz_chart_frame_free);
  g_clear_pointer (&self->model, fz_chart_model_unref);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  fz_chart_style_clear (&self->style);
  self->index = NULL;
  self->result = NULL;
  G_OBJECT_CLASS (fz_chart_pane_parent_class)->dispose (object);
}

static void
fz_chart_pane_class_init (FzChartPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_chart_pane_dispose;

  /* The figure's document (as the index names it) and its span in code points. */
  _fz_chart_pane_signals[FZ_CHART_PANE_FIGURE_ACTIVATED] =
    g_signal_new ("figure-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);
  /* A const FzIndexOptions *, valid during the emission: recompute the index with it. */
  _fz_chart_pane_signals[FZ_CHART_PANE_OPTIONS_CHANGED] =
    g_signal_new ("options-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fanzha/Fanzha/ui/fz-chart-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, FzChartPane, box);
  gtk_widget_class_bind_template_child (widget_class, FzChartPane, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzChartPane, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzChartPane, regions_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzChartPane, choose_button);
  gtk_widget_class_bind_template_child (widget_class, FzChartPane, choose_box);
  gtk_widget_class_bind_template_child (widget_class, FzChartPane, period_entry);
  gtk_widget_class_bind_template_child (widget_class, FzChartPane, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzChartPane, area);
  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "chart.export", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartpane");
}

static void
fz_chart_pane_init (FzChartPane *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fz_chart_style_init (&self->style, adw_style_manager_get_dark (manager));
  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (on_dark_changed), self);
  g_signal_connect_swapped (self->type_dropdown, "notify::selected",
                            G_CALLBACK (on_chart_control), self);
  g_signal_connect_swapped (self->measure_dropdown, "notify::selected",
                            G_CALLBACK (on_chart_control), self);
  g_signal_connect_swapped (self->regions_dropdown, "notify::selected",
                            G_CALLBACK (on_index_control), self);
  g_signal_connect_swapped (self->method_dropdown, "notify::selected",
                            G_CALLBACK (on_index_control), self);
  g_signal_connect_swapped (self->period_entry, "activate", G_CALLBACK (emit_options), self);
  _fz_chart_pane_area_init (self);
  self->updating = TRUE;
  fill_measures (self);
  self->updating = FALSE;
  rebuild (self);
}

/* ---------------------------------------------------------------- public */

GtkWidget *
fz_chart_pane_new (void)
{
  return g_object_new (FZ_TYPE_CHART_PANE, NULL);
}

void
fz_chart_pane_set_index (FzChartPane   *self,
                         FzIndex       *index,
                         FzIndexResult *result)
{
  g_return_if_fail (FZ_IS_CHART_PANE (self));

  self->index = index;
  self->result = result;
  self->updating = TRUE;
  fill_measures (self);
  fill_regions (self);
  self->updating = FALSE;
  rebuild (self);
}

void
fz_chart_pane_set_lexicon (FzChartPane *self,
                           FzLexicon   *lexicon)
{
  g_return_if_fail (FZ_IS_CHART_PANE (self));

  self->lexicon = lexicon;
  self->updating = TRUE;
  fill_measures (self);
  self->updating = FALSE;
  rebuild (self);
}

void
fz_chart_pane_set_chart (FzChartPane *self,
                         FzChartType  type,
                         const char  *measure)
{
  g_return_if_fail (FZ_IS_CHART_PANE (self));
  g_return_if_fail (type < FZ_N_CHART_TYPES);

  self->updating = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->type_dropdown), type);
  for (guint i = 0; self->measures != NULL && i < self->measures->len; i++)
    if (g_strcmp0 (measure != NULL ? measure : "overall", self->measures->pdata[i]) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->measure_dropdown), i);
  self->updating = FALSE;
  rebuild (self);
}

FzChartModel *
fz_chart_pane_get_model (FzChartPane *self)
{
  g_return_val_if_fail (FZ_IS_CHART_PANE (self), NULL);
  return self->model;
}
