/* fz-chart-pane-area.c: the chart pane's drawing: the renderer, hover tooltips from the hit
 * test, a click that leads to the figure, the description for screen readers, export. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-chart-export.h"
#include "fz-chart-format.h"
#include "fz-chart-pane-private.h"

/* Values listed in the accessible description; the rest are summed up in a count. */
#define DESCRIBED_MAX 60

FzChartFrame *
_fz_chart_pane_get_frame (FzChartPane *self)
{
  int width = gtk_widget_get_width (self->area), height = gtk_widget_get_height (self->area);

  if (self->model == NULL || width <= 0 || height <= 0)
    return NULL;
  if (self->frame == NULL)
    self->frame = fz_chart_frame_new (self->model, &self->style, width, height);
  return self->frame;
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  FzChartPane *self = user_data;
  FzChartFrame *frame = _fz_chart_pane_get_frame (self);

  FzChartRect r;

  if (frame == NULL)
    return;
  fz_chart_frame_draw (frame, cr);
  if (self->focus_mark < 0 || (guint) self->focus_mark >= fz_chart_frame_get_n_marks (frame) ||
      !gtk_widget_has_focus (self->area))
    return;
  /* The value the arrow keys reached: a ring round it. */
  fz_chart_frame_get_nth_mark (frame, self->focus_mark, &r, NULL);
  cairo_set_source_rgba (cr, self->style.foreground.red, self->style.foreground.green,
                         self->style.foreground.blue, 1);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, r.x - 2, r.y - 2, r.width + 4, MAX (r.height, 1) + 4);
  cairo_stroke (cr);
}

static void
on_resize (FzChartPane *self)
{
  g_clear_pointer (&self->frame, fz_chart_frame_free);
}

/* "连云港市 — 反诈指数: 约75 (3 figures)" */
static char *
value_line (FzChartPane      *self,
            const FzChartHit *hit)
{
  FzChartType type = fz_chart_model_get_chart_type (self->model);
  const char *category = fz_chart_model_get_category (self->model, hit->category);
  const char *series = fz_chart_model_get_series (self->model, hit->series);
  const char *unit = fz_chart_model_get_unit (self->model);
  g_autofree char *number = NULL;
  guint n = hit->value->sources != NULL ? hit->value->sources->len : 0;

  if (hit->value->missing)
    number = g_strdup (_("no data"));
  else
    {
      g_autofree char *plain = fz_chart_format_value (fz_chart_model_is_zh (self->model),
                                                      hit->value->value, unit);
      const char *mark = fz_chart_qualifier_mark (fz_chart_model_is_zh (self->model),
                                                  hit->value->qualifier);
      number = mark != NULL ? g_strdup_printf ("%s %s", mark, plain) : g_steal_pointer (&plain);
      /* The middle of the scale only because there was nothing to rank by. */
      if (hit->value->no_spread)
        {
          char *note = g_strdup_printf (_("%s (all regions equal: not scored)"), number);
          g_free (number);
          number = note;
        }
    }
  /* A radar's and a trend's series are the regions; elsewhere the categories are. */
  if (type == FZ_CHART_RADAR || type == FZ_CHART_TREND)
    {
      const char *tmp = category;
      category = series;
      series = tmp;
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %s: %s (%u figure)",
                                       "%s — %s: %s (%u figures)", n),
                          category, series, number, n);
}

static gboolean
on_query_tooltip (GtkWidget  *area,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  FzChartPane *self = user_data;
  FzChartFrame *frame = _fz_chart_pane_get_frame (self);
  g_autoptr(GString) text = NULL;
  g_autofree char *line = NULL;
  FzChartHit hit;

  if (frame == NULL)
    return FALSE;
  if (keyboard && self->focus_mark >= 0 &&
      (guint) self->focus_mark < fz_chart_frame_get_n_marks (frame))
    fz_chart_frame_get_nth_mark (frame, self->focus_mark, NULL, &hit);
  else if (keyboard || !fz_chart_frame_hit (frame, x, y, &hit))
    return FALSE;
  line = value_line (self, &hit);
  text = g_string_new (line);
  for (guint i = 0; hit.value->sources != NULL && i < MIN (hit.value->sources->len, 5); i++)
    {
      const FzChartSource *s = g_ptr_array_index (hit.value->sources, i);
      g_string_append_printf (text, "\n%s%s%s", s->document, s->text ? "  " : "",
                              s->text ? s->text : "");
    }
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* A copy goes out: a handler may well set a new index, which frees the model. */
static void
emit_source (FzChartPane         *self,
             const FzChartSource *source)
{
  g_autofree char *document = g_strdup (source->path != NULL ? source->path : source->document);
  guint start = source->start, end = source->end;

  g_signal_emit (self, _fz_chart_pane_signals[FZ_CHART_PANE_FIGURE_ACTIVATED], 0, document,
                 start, end);
}

static void
on_source_clicked (GtkButton   *button,
                   FzChartPane *self)
{
  const FzChartSource *s = g_object_get_data (G_OBJECT (button), "source");

  gtk_popover_popdown (GTK_POPOVER (self->sources_popover));
  emit_source (self, s);
}

/* A value that came from several figures: each is offered, the compared one first. */
static void
offer_sources (FzChartPane        *self,
               const FzChartValue *value,
               double              x,
               double              y)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  g_clear_pointer (&self->sources_popover, gtk_widget_unparent);
  self->sources_popover = gtk_popover_new ();
  gtk_widget_set_parent (self->sources_popover, self->area);
  for (guint i = 0; i < value->sources->len; i++)
    {
      const FzChartSource *s = g_ptr_array_index (value->sources, i);
      g_autofree char *label = g_strdup_printf ("%s  %s", s->text ? s->text : "", s->document);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "source", (gpointer) s);
      g_signal_connect (button, "clicked", G_CALLBACK (on_source_clicked), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (self->sources_popover), box);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->sources_popover), &at);
  gtk_popover_popup (GTK_POPOVER (self->sources_popover));
}

gboolean
fz_chart_pane_activate_at (FzChartPane *self,
                           double       x,
                           double       y)
{
  FzChartFrame *frame;
  FzChartHit hit;

  g_return_val_if_fail (FZ_IS_CHART_PANE (self), FALSE);

  frame = _fz_chart_pane_get_frame (self);
  if (frame == NULL || !fz_chart_frame_hit (frame, x, y, &hit) || hit.value->missing ||
      hit.value->sources == NULL || hit.value->sources->len == 0)
    return FALSE;
  if (hit.value->sources->len == 1)
    {
      emit_source (self, g_ptr_array_index (hit.value->sources, 0));
    }
  else
    offer_sources (self, hit.value, x, y);
  return TRUE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            FzChartPane     *self)
{
  gtk_widget_grab_focus (self->area);
  if (fz_chart_pane_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Every value in words, so that a screen reader reads the chart. */
char *
_fz_chart_pane_describe (FzChartPane *self)
{
  GString *text = g_string_new (NULL);
  guint n_series, n_cats, n = 0, total;

  if (self->model == NULL)
    return g_string_free (text, FALSE);
  n_series = fz_chart_model_get_n_series (self->model);
  n_cats = fz_chart_model_get_n_categories (self->model);
  total = n_series * n_cats;
  g_string_append (text, fz_chart_model_get_title (self->model) ?: "");
  for (guint c = 0; c < n_cats; c++)
    for (guint s = 0; s < n_series; s++)
      {
        FzChartHit hit = { s, c, fz_chart_model_get_value (self->model, s, c) };
        g_autofree char *line = NULL;

        if (n++ >= DESCRIBED_MAX)
          continue;
        line = value_line (self, &hit);
        g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "", line);
      }
  if (total > DESCRIBED_MAX)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; and %u more value",
                                               "; and %u more values", total - DESCRIBED_MAX),
                            total - DESCRIBED_MAX);
  return g_string_free (text, FALSE);
}

void
_fz_chart_pane_redraw (FzChartPane *self)
{
  g_autofree char *description = _fz_chart_pane_describe (self);

  g_clear_pointer (&self->frame, fz_chart_frame_free);
  /* Its buttons point into the model just replaced. */
  if (self->sources_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->sources_popover));
  self->focus_mark = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", self->model != NULL);
  gtk_widget_queue_draw (self->area);
}

/* Arrow keys step through the values, each read out; Enter opens its figure. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FzChartPane           *self)
{
  FzChartFrame *frame = _fz_chart_pane_get_frame (self);
  gint n = frame != NULL ? (gint) fz_chart_frame_get_n_marks (frame) : 0;
  g_autofree char *line = NULL;
  FzChartRect r;
  FzChartHit hit;

  if (n == 0)
    return FALSE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_Right)
    self->focus_mark = MIN (self->focus_mark + 1, n - 1);
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_Left)
    self->focus_mark = MAX (self->focus_mark - 1, 0);
  else if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_space) &&
           self->focus_mark >= 0 && self->focus_mark < n)
    {
      fz_chart_frame_get_nth_mark (frame, self->focus_mark, &r, NULL);
      fz_chart_pane_activate_at (self, r.x + r.width / 2, r.y + r.height / 2);
      return TRUE;
    }
  else
    return FALSE;
  fz_chart_frame_get_nth_mark (frame, self->focus_mark, &r, &hit);
  line = value_line (self, &hit);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  line, -1);
  gtk_widget_queue_draw (self->area);
  return TRUE;
}

void
_fz_chart_pane_area_init (FzChartPane *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->focus_mark = -1;
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->area, keys);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw, self, NULL);
  g_signal_connect_swapped (self->area, "resize", G_CALLBACK (on_resize), self);
  g_signal_connect (self->area, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (click));
}

/* ---------------------------------------------------------------- export */

static void
show_error (FzChartPane  *self,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              _("The chart could not be exported"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    FzChartPane     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int width = MAX (gtk_widget_get_width (self->area), 800);
  int height = MAX (gtk_widget_get_height (self->area), 500);

  if (response == GTK_RESPONSE_ACCEPT && self->model != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path != NULL && !fz_chart_export (self->model, &self->style, path, width, height,
                                            &error))
        show_error (self, error);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
_fz_chart_pane_export (FzChartPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  if (self->model == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  /* The name's ending chooses the format. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("chart.png"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("PNG image"), "*.png");
  add_filter (GTK_FILE_CHOOSER (chooser), _("SVG drawing"), "*.svg");
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF document"), "*.pdf");
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
