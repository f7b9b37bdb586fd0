/* fuzz-summary.c: libFuzzer target: read any bytes as a summary, then take its decisions and
 * validate it against the schema, as the app's import does, and check them node by node as
 * `fanzha-cli check` does. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <libxml/relaxng.h>
#include <stdlib.h>

#include "fz-error.h"
#include "fz-summary-check.h"
#include "fz-summary-reader.h"
#include "fz-xml.h"
#include "fuzz-target.h"

static void
silent (void        *data,
        xmlErrorPtr  error)
{
}

/* Parsed once: the schema is ours, the documents are the fuzzer's. */
static xmlRelaxNG *
schema (void)
{
  static xmlRelaxNG *rng;

  if (rng == NULL)
    {
      g_autofree char *path = fz_summary_find_schema ();
      xmlRelaxNGParserCtxt *ctxt = xmlRelaxNGNewParserCtxt (path);

      rng = xmlRelaxNGParse (ctxt);
      xmlRelaxNGFreeParserCtxt (ctxt);
      fz_fuzz_check (rng != NULL);
    }
  return rng;
}

static void
validate (xmlDoc *doc)
{
  xmlRelaxNGValidCtxt *valid = xmlRelaxNGNewValidCtxt (schema ());

  xmlRelaxNGSetValidStructuredErrors (valid, silent, NULL);
  xmlRelaxNGValidateDoc (valid, doc);
  xmlRelaxNGFreeValidCtxt (valid);
}

static void
walk (FzSummary *summary)
{
  FzSummaryDecisions decisions;

  for (guint i = 0; i < fz_summary_get_n_documents (summary); i++)
    {
      const FzSummaryDocument *d = fz_summary_get_document (summary, i);

      fz_fuzz_check (d->id != NULL && d->name != NULL && d->notes != NULL);
      for (guint j = 0; j < d->figures->len; j++)
        {
          const FzSummaryFigure *f = g_ptr_array_index (d->figures, j);

          fz_fuzz_check (f->start <= f->end && f->status < FZ_N_SUMMARY_STATUSES);
          fz_fuzz_check (g_utf8_validate (f->text, -1, NULL));
        }
    }
  fz_summary_get_decisions (summary, &decisions);
  fz_fuzz_check (decisions.figure_status != NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = fz_xml_read_memory ((const char *) data, size, "fuzz.xml", "summary",
                                              FZ_SUMMARY_MAX_SIZE, &error);
  g_autoptr(FzSummary) summary = NULL;
  g_autoptr(GError) check_error = NULL;
  gboolean checked = fz_summary_check_data ((const char *) data, size, "fuzz.xml", NULL,
                                            &check_error);

  fz_fuzz_check (checked || (check_error != NULL && check_error->domain == FZ_ERROR));
  /* What check accepts, the app reads. */
  fz_fuzz_check (!checked || (doc != NULL && (summary = fz_summary_read_doc (doc, "fuzz.xml",
                                                                             NULL)) != NULL));
  g_clear_pointer (&summary, fz_summary_free);
  if (doc == NULL)
    {
      fz_fuzz_check (error != NULL && error->domain == FZ_ERROR);
      return 0;
    }
  validate (doc);
  summary = fz_summary_read_doc (doc, "fuzz.xml", &error);
  if (summary == NULL)
    {
      fz_fuzz_check (error != NULL && error->domain == FZ_ERROR);
      return 0;
    }
  walk (summary);
  return 0;
}
