/* test-chart-pane.c: the chart pane over the seed pages: a click on a bar names its figure. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-test-ui.h"

#include "fz-chart-pane-private.h"
#include "fz-test-chart.h"

typedef struct
{
  FzPipeline    *pipeline;
  FzIndex       *index;
  FzIndexResult *result;
  GtkWidget     *window;
  FzChartPane   *pane;
  GPtrArray     *activated;   /* "document:start-end" per figure-activated */
  int            options;     /* normalisation of the last options-changed, or -1 */
} Fixture;

static void
on_activated (FzChartPane *pane,
              const char  *document,
              guint        start,
              guint        end,
              Fixture     *f)
{
  g_ptr_array_add (f->activated, g_strdup_printf ("%s:%u-%u", document, start, end));
}

static void
on_options (FzChartPane          *pane,
            const FzIndexOptions *opts,
            Fixture              *f)
{
  f->options = opts->normalisation;
}

static void
wait_for_size (GtkWidget *widget)
{
  for (guint i = 0; i < 2000 && gtk_widget_get_width (widget) <= 0; i++)
    g_main_context_iteration (NULL, FALSE);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
fixture_init (Fixture *f)
{
  FzIndexOptions opts;

  f->index = fz_test_chart_seed_index (&f->pipeline, NULL);
  if (f->index == NULL)
    return FALSE;
  fz_index_options_init (&opts);
  f->result = fz_index_compute (f->index, &opts, NULL);
  g_assert_nonnull (f->result);
  f->activated = g_ptr_array_new_with_free_func (g_free);
  f->options = -1;
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  f->pane = FZ_CHART_PANE (fz_chart_pane_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->pane));
  g_signal_connect (f->pane, "figure-activated", G_CALLBACK (on_activated), f);
  g_signal_connect (f->pane, "options-changed", G_CALLBACK (on_options), f);
  gtk_window_present (GTK_WINDOW (f->window));
  fz_chart_pane_set_lexicon (f->pane, fz_pipeline_get_lexicon (f->pipeline));
  fz_chart_pane_set_index (f->pane, f->index, f->result);
  wait_for_size (f->pane->area);
  return TRUE;
}

static void
fixture_clear (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_pointer (&f->activated, g_ptr_array_unref);
  g_clear_pointer (&f->result, fz_index_result_free);
  g_clear_pointer (&f->index, fz_index_free);
  g_clear_pointer (&f->pipeline, fz_pipeline_unref);
}

/* The source a click should lead to, from the index itself: the figure the cell compared. */
static char *
expected_source (Fixture    *f,
                 const char *region,
                 const char *indicator)
{
  const FzIndexRegion *r = fz_index_result_lookup_region (f->result, region);
  const FzIndexCell *cell = fz_index_region_get_cell (r, indicator);

  g_assert_nonnull (cell);
  g_assert_nonnull (cell->used);
  g_assert_nonnull (cell->used->path);
  return g_strdup_printf ("%s:%u-%u", cell->used->path, cell->used->start, cell->used->end);
}

static GtkEventController *
click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_GESTURE_CLICK (c))
        return c;
    }
  g_assert_not_reached ();
}

/* Clicks the middle of each bar with a value; one figure emits at once, several open the
 * popover, whose first entry is the compared figure. */
static void
test_click_bar (void)
{
  Fixture f = { 0 };
  FzChartModel *model;
  FzChartFrame *frame;
  guint clicked = 0;

  if (!fixture_init (&f))
    return;
  fz_chart_pane_set_chart (f.pane, FZ_CHART_BAR, "cases_solved");
  model = fz_chart_pane_get_model (f.pane);
  frame = _fz_chart_pane_get_frame (f.pane);
  g_assert_nonnull (model);
  g_assert_nonnull (frame);
  for (guint c = 0; c < fz_chart_model_get_n_categories (model); c++)
    {
      const FzChartValue *v = fz_chart_model_get_value (model, 0, c);
      const char *region = fz_chart_model_get_category (model, c);
      g_autofree char *expected = NULL;
      FzChartRect r;

      if (v->missing)
        continue;
      expected = expected_source (&f, region, "cases_solved");
      g_assert_true (fz_chart_frame_get_mark (frame, 0, c, &r));
      g_ptr_array_set_size (f.activated, 0);
      /* As a pointer would: the click gesture of the drawing area is pressed on the bar. */
      g_signal_emit_by_name (click_gesture (f.pane->area), "pressed", 1,
                             r.x + r.width / 2, r.y + r.height / 2);
      if (v->sources->len > 1)
        {
          GtkWidget *box = gtk_popover_get_child (GTK_POPOVER (f.pane->sources_popover));
          g_assert_true (gtk_widget_get_visible (f.pane->sources_popover));
          g_signal_emit_by_name (gtk_widget_get_first_child (box), "clicked");
        }
      g_assert_cmpuint (f.activated->len, ==, 1);
      g_assert_cmpstr (f.activated->pdata[0], ==, expected);
      clicked++;

      /* Just below the bar, in the gap to the next: nothing. */
      g_ptr_array_set_size (f.activated, 0);
      g_assert_false (fz_chart_pane_activate_at (f.pane, r.x + r.width / 2,
                                                 r.y + r.height + 2));
      g_assert_cmpuint (f.activated->len, ==, 0);
    }
  g_assert_cmpuint (clicked, >, 0);
  fixture_clear (&f);
}

/* The overall index of a region comes from several figures: the popover offers each, and the
 * second entry leads to the second figure. */
static void
test_several_figures (void)
{
  Fixture f = { 0 };
  const FzChartValue *v;
  const FzChartSource *second;
  g_autofree char *expected = NULL;
  GtkWidget *button;
  FzChartRect r;
  guint n_buttons = 0;

  if (!fixture_init (&f))
    return;
  fz_chart_pane_set_chart (f.pane, FZ_CHART_BAR, NULL);
  v = fz_chart_model_get_value (fz_chart_pane_get_model (f.pane), 0, 0);
  g_assert_false (v->missing);
  g_assert_cmpuint (v->sources->len, >, 1);
  g_assert_true (fz_chart_frame_get_mark (_fz_chart_pane_get_frame (f.pane), 0, 0, &r));
  g_signal_emit_by_name (click_gesture (f.pane->area), "pressed", 1, r.x + r.width / 2,
                         r.y + r.height / 2);
  g_assert_cmpuint (f.activated->len, ==, 0);
  g_assert_true (gtk_widget_get_visible (f.pane->sources_popover));
  button = gtk_widget_get_first_child (gtk_popover_get_child (
                                         GTK_POPOVER (f.pane->sources_popover)));
  for (GtkWidget *b = button; b != NULL; b = gtk_widget_get_next_sibling (b))
    n_buttons++;
  g_assert_cmpuint (n_buttons, ==, v->sources->len);
  second = g_ptr_array_index (v->sources, 1);
  expected = g_strdup_printf ("%s:%u-%u", second->path, second->start, second->end);
  g_signal_emit_by_name (gtk_widget_get_next_sibling (button), "clicked");
  g_assert_cmpuint (f.activated->len, ==, 1);
  g_assert_cmpstr (f.activated->pdata[0], ==, expected);
  fixture_clear (&f);
}

static GtkEventController *
key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        return c;
    }
  return NULL;
}

/* Down reaches the first value, Enter opens its figure: the chart works without a mouse. */
static void
test_keyboard (void)
{
  Fixture f = { 0 };
  GtkEventController *keys;
  const FzChartValue *first;
  g_autofree char *expected = NULL;
  gboolean handled = FALSE;

  if (!fixture_init (&f))
    return;
  fz_chart_pane_set_chart (f.pane, FZ_CHART_BAR, "cases_solved");
  first = fz_chart_model_get_value (fz_chart_pane_get_model (f.pane), 0, 0);
  g_assert_false (first->missing);
  expected = expected_source (&f, fz_chart_model_get_category (fz_chart_pane_get_model (f.pane),
                                                                0), "cases_solved");
  keys = key_controller (f.pane->area);
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  g_assert_true (handled);
  if (first->sources->len > 1)
    g_signal_emit_by_name (gtk_widget_get_first_child (
      gtk_popover_get_child (GTK_POPOVER (f.pane->sources_popover))), "clicked");
  g_assert_cmpuint (f.activated->len, ==, 1);
  g_assert_cmpstr (f.activated->pdata[0], ==, expected);
  fixture_clear (&f);
}

static void
test_description_and_options (void)
{
  Fixture f = { 0 };
  g_autofree char *description = NULL;
  const FzIndexRegion *first;

  if (!fixture_init (&f))
    return;
  first = fz_index_result_get_region (f.result, 0);
  description = _fz_chart_pane_describe (f.pane);
  g_assert_nonnull (strstr (description, first->name));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (f.pane->method_dropdown), 1);
  g_assert_cmpint (f.options, ==, FZ_NORMALISATION_PERCENTILE);

  /* Every chart type draws from the same index without complaint. */
  for (FzChartType type = 0; type < FZ_N_CHART_TYPES; type++)
    {
      fz_chart_pane_set_chart (f.pane, type, NULL);
      g_assert_nonnull (fz_chart_pane_get_model (f.pane));
      g_assert_nonnull (_fz_chart_pane_get_frame (f.pane));
    }
  fixture_clear (&f);
}

int
main (int    argc,
      char **argv)
{
  if (!fz_test_ui_init (&argc, &argv))
    return 0;
  g_test_add_func ("/chart-pane/click-bar", test_click_bar);
  g_test_add_func ("/chart-pane/several-figures", test_several_figures);
  g_test_add_func ("/chart-pane/keyboard", test_keyboard);
  g_test_add_func ("/chart-pane/description-options", test_description_and_options);
  return g_test_run ();
}
