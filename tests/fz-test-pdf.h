/* fz-test-pdf.h: e-paper pages drawn with Cairo's PDF surface and Pango, for the PDF tests and
 * benchmarks (the files are made at run time, never stored). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#if defined(__SANITIZE_ADDRESS__)
# define FZ_TEST_PDF_LSAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define FZ_TEST_PDF_LSAN 1
# endif
#endif
#ifdef FZ_TEST_PDF_LSAN
# include <sanitizer/lsan_interface.h>
#endif

#define FZ_TEST_PDF_FONT "Noto Sans CJK SC"
#define FZ_TEST_PDF_WIDTH 595.0
#define FZ_TEST_PDF_HEIGHT 842.0

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  GByteArray      *bytes;
} FzTestPdf;

static cairo_status_t
fz_test_pdf_write (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* @iso_date: the metadata's creation date (YYYY-MM-DD), or NULL for none. */
static inline FzTestPdf *
fz_test_pdf_new (const char *iso_date)
{
  FzTestPdf *pdf = g_new0 (FzTestPdf, 1);

  pdf->bytes = g_byte_array_new ();
  pdf->surface = cairo_pdf_surface_create_for_stream (fz_test_pdf_write, pdf->bytes,
                                                      FZ_TEST_PDF_WIDTH, FZ_TEST_PDF_HEIGHT);
  if (iso_date != NULL)
    {
      g_autofree char *when = g_strdup_printf ("%sT08:00:00", iso_date);

      cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATE_DATE, when);
    }
  else
    {
      /* cairo stamps the time of writing unless told otherwise; an empty date means none */
      cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
    }
  pdf->cr = cairo_create (pdf->surface);
  return pdf;
}

/* Text wrapped to @width from (@x, @y); returns the y under it. */
static inline double
fz_test_pdf_text (FzTestPdf  *pdf,
                  double      x,
                  double      y,
                  double      width,
                  double      size,
                  const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  PangoFontDescription *font = pango_font_description_from_string (FZ_TEST_PDF_FONT);
  int h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
  pango_layout_get_size (layout, NULL, &h);
  pango_font_description_free (font);
  g_object_unref (layout);
  return y + (double) h / PANGO_SCALE;
}

static inline void
fz_test_pdf_next_page (FzTestPdf *pdf)
{
  cairo_show_page (pdf->cr);
}

/* Finishes the file: its bytes, to free with g_byte_array_unref. */
static inline GByteArray *
fz_test_pdf_finish (FzTestPdf *pdf)
{
  GByteArray *bytes = pdf->bytes;

  cairo_destroy (pdf->cr);
#ifdef FZ_TEST_PDF_LSAN
  /* Cairo 1.16 loses 768 bytes of each PDF with text it finishes (in its font subsetting) */
  __lsan_disable ();
#endif
  cairo_surface_finish (pdf->surface);
#ifdef FZ_TEST_PDF_LSAN
  __lsan_enable ();
#endif
  cairo_surface_destroy (pdf->surface);
  g_free (pdf);
  return bytes;
}

/* A newspaper page: masthead with the outlet, a headline across the page, then the body in
 * two columns (the left one first). */
static inline void
fz_test_pdf_news_page (FzTestPdf  *pdf,
                       const char *masthead,
                       const char *headline,
                       const char *left,
                       const char *right)
{
  double y = 40;

  if (masthead != NULL)
    y = fz_test_pdf_text (pdf, 40, y, 515, 28, masthead) + 12;
  y = fz_test_pdf_text (pdf, 40, y, 515, 20, headline) + 14;
  fz_test_pdf_text (pdf, 40, y, 245, 11, left);
  fz_test_pdf_text (pdf, 310, y, 245, 11, right);
}

