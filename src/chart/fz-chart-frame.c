/* fz-chart-frame.c: lays a chart out once for drawing and hit tests; the one render function. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-pass-private.h"

struct _FzChartFrame
{
  FzChartModel       *model;
  const FzChartStyle *style;
  PangoContext       *context;
  FzChartPass         pass;
};

static void
label_clear (FzChartLabel *label)
{
  g_free (label->text);
}

/* Unhinted metrics: text measures the same on screen, PNG, SVG and PDF. One context per
 * thread (as Pango's font map is), so that fonts are looked up once, not at every frame. */
static void
context_unref (gpointer context)
{
  g_object_unref (context);
}

static GPrivate thread_context = G_PRIVATE_INIT (context_unref);

static PangoContext *
get_context (void)
{
  PangoContext *context = g_private_get (&thread_context);
  cairo_font_options_t *options;

  if (context != NULL)
    return g_object_ref (context);
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  g_private_set (&thread_context, context);
  return g_object_ref (context);
}

/* cairo fills boxes on whole pixels about twenty times faster than others; a print keeps
 * its exact lengths. */
static gboolean
is_vector (cairo_t *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  return type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_SVG ||
         type == CAIRO_SURFACE_TYPE_PS;
}

static void
run_pass (FzChartFrame *self,
          cairo_t      *cr)
{
  FzChartPass *p = &self->pass;

  g_array_set_size (p->marks, 0);
  g_array_set_size (p->labels, 0);
  p->cr = cr;
  p->snap = cr == NULL || !is_vector (cr);
  p->area = (FzChartRect) { FZ_CHART_MARGIN, FZ_CHART_MARGIN,
                            MAX (p->width - 2 * FZ_CHART_MARGIN, 1),
                            MAX (p->height - 2 * FZ_CHART_MARGIN, 1) };
  _fz_chart_text_set (p, "国Mg", 1, FALSE, 0);
  _fz_chart_text_size (p, NULL, &p->line_height);

  if (cr != NULL)
    {
      cairo_save (cr);
      _fz_chart_set_color (p, &p->style->background);
      cairo_paint (cr);
    }
  _fz_chart_title (p);
  switch (fz_chart_model_get_chart_type (self->model))
    {
    case FZ_CHART_BAR:
    case FZ_CHART_GROUPED:
      _fz_chart_pass_bars (p);
      break;
    case FZ_CHART_RADAR:
      _fz_chart_pass_radar (p);
      break;
    case FZ_CHART_TREND:
      _fz_chart_pass_trend (p);
      break;
    case FZ_CHART_HEATMAP:
    default:
      _fz_chart_pass_heatmap (p);
      break;
    }
  if (cr != NULL)
    cairo_restore (cr);
  p->cr = NULL;
  g_clear_pointer (&p->hatch, cairo_pattern_destroy);
}

static FzChartFrame *
frame_create (FzChartModel       *model,
              const FzChartStyle *style,
              double              width,
              double              height)
{
  FzChartFrame *self = g_new0 (FzChartFrame, 1);

  self->model = fz_chart_model_ref (model);
  self->style = style;
  self->context = get_context ();
  self->pass.model = model;
  self->pass.style = style;
  self->pass.zh = fz_chart_model_is_zh (model);
  self->pass.width = width;
  self->pass.height = height;
  self->pass.layout = pango_layout_new (self->context);
  self->pass.marks = g_array_new (FALSE, FALSE, sizeof (FzChartMark));
  self->pass.labels = g_array_new (FALSE, FALSE, sizeof (FzChartLabel));
  g_array_set_clear_func (self->pass.labels, (GDestroyNotify) label_clear);
  return self;
}

FzChartFrame *
fz_chart_frame_new (FzChartModel       *model,
                    const FzChartStyle *style,
                    double              width,
                    double              height)
{
  FzChartFrame *self;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  self = frame_create (model, style, width, height);
  run_pass (self, NULL);
  return self;
}

void
fz_chart_frame_free (FzChartFrame *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pass.font, pango_font_description_free);
  g_array_unref (self->pass.marks);
  g_array_unref (self->pass.labels);
  g_object_unref (self->pass.layout);
  g_object_unref (self->context);
  fz_chart_model_unref (self->model);
  g_free (self);
}

void
fz_chart_frame_draw (FzChartFrame *self,
                     cairo_t      *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  run_pass (self, cr);
}

static gboolean
mark_contains (const FzChartMark *m,
               double             x,
               double             y)
{
  const FzChartRect *r = &m->rect;

  if (m->round)
    {
      double cx = r->x + r->width / 2, cy = r->y + r->height / 2, radius = r->width / 2;
      return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
    }
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

gboolean
fz_chart_frame_hit (FzChartFrame *self,
                    double        x,
                    double        y,
                    FzChartHit   *hit)
{
  g_return_val_if_fail (self != NULL, FALSE);

  /* Last drawn is on top. */
  for (guint i = self->pass.marks->len; i-- > 0;)
    {
      const FzChartMark *m = &g_array_index (self->pass.marks, FzChartMark, i);

      if (!mark_contains (m, x, y))
        continue;
      if (hit != NULL)
        {
          hit->series = m->series;
          hit->category = m->category;
          hit->value = fz_chart_model_get_value (self->model, m->series, m->category);
        }
      return TRUE;
    }
  return FALSE;
}

gboolean
fz_chart_frame_get_mark (FzChartFrame *self,
                         guint         series,
                         guint         category,
                         FzChartRect  *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->pass.marks->len; i++)
    {
      const FzChartMark *m = &g_array_index (self->pass.marks, FzChartMark, i);

      if (m->series == series && m->category == category)
        {
          *rect = m->rect;
          return TRUE;
        }
    }
  return FALSE;
}

guint
fz_chart_frame_get_n_marks (FzChartFrame *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pass.marks->len;
}

void
fz_chart_frame_get_nth_mark (FzChartFrame *self,
                             guint         i,
                             FzChartRect  *rect,
                             FzChartHit   *hit)
{
  const FzChartMark *m;

  g_return_if_fail (self != NULL && i < self->pass.marks->len);
  m = &g_array_index (self->pass.marks, FzChartMark, i);
  if (rect != NULL)
    *rect = m->rect;
  if (hit != NULL)
    {
      hit->series = m->series;
      hit->category = m->category;
      hit->value = fz_chart_model_get_value (self->model, m->series, m->category);
    }
}

guint
fz_chart_frame_get_n_labels (FzChartFrame *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pass.labels->len;
}

void
fz_chart_frame_get_label (FzChartFrame *self,
                          guint         i,
                          FzChartRect  *rect,
                          const char  **text)
{
  const FzChartLabel *label;

  g_return_if_fail (self != NULL && i < self->pass.labels->len);
  label = &g_array_index (self->pass.labels, FzChartLabel, i);
  if (rect != NULL)
    *rect = label->rect;
  if (text != NULL)
    *text = label->text;
}

void
fz_chart_frame_get_plot (FzChartFrame *self,
                         FzChartRect  *plot,
                         FzChartScale *scale)
{
  g_return_if_fail (self != NULL);
  if (plot != NULL)
    *plot = self->pass.plot;
  if (scale != NULL)
    *scale = self->pass.scale;
}

void
fz_chart_render (FzChartModel       *model,
                 const FzChartStyle *style,
                 cairo_t            *cr,
                 double              width,
                 double              height)
{
  g_autoptr(FzChartFrame) frame = NULL;

  g_return_if_fail (model != NULL && style != NULL && cr != NULL);
  /* Drawing lays out as it goes: no separate layout pass. */
  frame = frame_create (model, style, width, height);
  run_pass (frame, cr);
}
