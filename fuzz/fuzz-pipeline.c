/* fuzz-pipeline.c: libFuzzer target: the whole analysis of any bytes, as the app and the tool run it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fz-document.h"
#include "fz-figure.h"
#include "fz-period.h"
#include "fz-pipeline.h"
#include "fuzz-target.h"

/* Made once: building the gazetteer is the slowest part of a run, and it is only read. */
static FzPipeline *pipeline;

/* Every figure lies inside the text, in an article of the page or none, and what the
 * attribution wrote of it is text, a period one that parses. */
static void
check_figures (FzDocument *doc)
{
  FzFigureList *figures = fz_document_get_figures (doc);
  GPtrArray *articles = fz_document_get_articles (doc);
  guint n_chars = fz_document_get_n_chars (doc);
  gsize len = 0;

  fz_document_get_text (doc, &len);
  fz_fuzz_check (figures != NULL);
  for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
    {
      const FzFigure *f = fz_figure_list_get (figures, i);
      const char *period = fz_figure_list_str (figures, f->period);
      FzPeriod parsed;

      fz_fuzz_check (f->start < f->end && f->end <= n_chars);
      fz_fuzz_check (f->byte_start < f->byte_end && f->byte_end <= len);
      fz_fuzz_check (f->article >= -1 && (f->article < 0 || (guint) f->article < articles->len));
      fz_fuzz_check (g_utf8_validate (fz_figure_list_str (figures, f->indicator), -1, NULL));
      fz_fuzz_check (g_utf8_validate (fz_figure_list_str (figures, f->region), -1, NULL));
      fz_fuzz_check (*period == '\0' || fz_period_parse (period, -1, &parsed, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;

  if (pipeline == NULL)
    {
      pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
      fz_fuzz_check (pipeline != NULL);
    }
  doc = fz_document_new_from_data ("fuzz.txt", data, size, &error);
  if (doc == NULL)
    {
      fz_fuzz_check (error != NULL);
      return 0;
    }
  fz_pipeline_analyze (pipeline, doc);
  check_figures (doc);
  /* A date set by the analyst analyses the page again. */
  fz_document_set_date (doc, "2023-04-02");
  fz_pipeline_analyze (pipeline, doc);
  check_figures (doc);
  return 0;
}
