/* fuzz-period.c: libFuzzer target for period parsing, the period finder and the document date. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fz-document-date.h"
#include "fz-extractor.h"
#include "fz-figure.h"
#include "fz-period.h"
#include "fz-period-finder.h"
#include "fuzz-target.h"

/* Whatever parses must write back to the same text and parse again to the same value. */
static void
check_period_string (const char *data,
                     size_t      size)
{
  FzPeriod p, again;
  g_autofree char *written = NULL;

  if (!fz_period_parse (data, (gssize) size, &p, NULL))
    return;
  written = fz_period_to_string (&p);
  if (strlen (written) != size || memcmp (written, data, size) != 0)
    abort ();
  if (!fz_period_parse (written, -1, &again, NULL) || !fz_period_equal (&p, &again))
    abort ();
  if (fz_period_resolve (&p, 2022) && fz_period_has_unknown_year (&p))
    abort ();
  if (!fz_period_is_valid (&p))
    abort ();
}

/* Figure spans taken from the input itself, some of them past the end of the text. */
static void
add_synthetic_figures (FzFigureList  *figures,
                       const guint8  *data,
                       size_t         size,
                       guint          n_chars)
{
  for (size_t i = 0; i + 2 < size && i < 48; i += 3)
    {
      FzFigure *f = fz_figure_list_append (figures);
      guint span = n_chars + 4;

      f->start = (guint32) (data[i] * 256u + data[i + 1]) % span;
      f->end = f->start + 1 + data[i + 2] % 8;
      f->kind = data[i + 2] % (FZ_N_KINDS + 1);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(FzFigureList) figures = NULL;
  g_autoptr(FzFigureList) synthetic = NULL;
  GDate date;

  check_period_string (text, size);

  if (!g_utf8_validate (text, (gssize) size, NULL))
    return 0;

  g_date_clear (&date, 1);
  if (fz_doc_date_find (text, size, &date) && !g_date_valid (&date))
    abort ();

  figures = fz_extract (text, size);
  if (figures != NULL)
    {
      fz_period_assign (text, size, figures, NULL, NULL);
      for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
        {
          const char *period = fz_figure_list_str (figures, fz_figure_list_get (figures, i)->period);
          FzPeriod p;

          /* The finder only writes periods that parse. */
          if (!fz_period_parse (period, -1, &p, NULL))
            abort ();
        }
    }

  synthetic = fz_figure_list_new ();
  add_synthetic_figures (synthetic, data, size, (guint) g_utf8_strlen (text, (gssize) size));
  g_date_set_dmy (&date, 25, G_DATE_APRIL, 2022);
  fz_period_assign (text, size, synthetic, NULL, &date);
  return 0;
}
