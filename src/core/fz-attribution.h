/* fz-attribution.h: what each figure measures (indicator) and where (region). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-article.h"
#include "fz-figure.h"
#include "fz-gazetteer.h"
#include "fz-lexicon.h"

G_BEGIN_DECLS

/* Fills indicator, region, region_code, polarity, core and article of every
 * figure, and region/region_code of every article. `articles` holds FzArticle*
 * in reading order; NULL or empty treats the whole text as one article.
 * `text` is the document text the offsets of figures and articles refer to. */
void      fz_attribute               (FzGazetteer  *gaz,
                                      FzLexicon    *lex,
                                      const char   *text,
                                      gsize         len,
                                      GPtrArray    *articles,
                                      FzFigureList *figures);

/* TRUE when the text is about fraud (诈骗, 反诈, 电诈 …): only such text gets indicators. */
gboolean  fz_attribution_is_about_fraud (const char *text,
                                         gssize      len);

G_END_DECLS
