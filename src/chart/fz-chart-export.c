/* fz-chart-export.c: PNG, SVG and PDF surfaces drawn by fz_chart_render(). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>

#include "fz-chart-frame.h"

gboolean
fz_chart_format_from_path (const char    *path,
                           FzChartFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path != NULL ? path : "", -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = FZ_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = FZ_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = FZ_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static gboolean
check_status (cairo_status_t  status,
              const char     *path,
              GError        **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR,
               status == CAIRO_STATUS_WRITE_ERROR ? G_IO_ERROR_FAILED : G_IO_ERROR_INVALID_DATA,
               "Could not write the chart to “%s”: %s", path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
fz_chart_export (FzChartModel       *model,
                 const FzChartStyle *style,
                 const char         *path,
                 double              width,
                 double              height,
                 GError            **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  FzChartFormat format;
  cairo_t *cr;

  g_return_val_if_fail (model != NULL && style != NULL && path != NULL, FALSE);

  if (!fz_chart_format_from_path (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s”: a chart is written as .png, .svg or .pdf", path);
      return FALSE;
    }
  if (format == FZ_CHART_FORMAT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  else if (format == FZ_CHART_FORMAT_SVG)
    surface = cairo_svg_surface_create (path, width, height);
  else
    surface = cairo_pdf_surface_create (path, width, height);

  cr = cairo_create (surface);
  fz_chart_render (model, style, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == FZ_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_status (status, path, error);
}
