/* fz-index-feed.h: turns a document's attributed figures into index observations. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-document.h"
#include "fz-gazetteer.h"
#include "fz-index.h"
#include "fz-lexicon.h"

G_BEGIN_DECLS

/* Declares every indicator of @lexicon to @index (coverage counts them all). */
void  fz_index_feed_lexicon  (FzIndex       *index,
                              FzLexicon     *lexicon);
/* Adds each figure of @document that measures an indicator in a named region, rolled up
 * to @level through the gazetteer (FZ_REGION_LEVEL_UNKNOWN keeps the region as written).
 * Periods are resolved with the document's date when it is known. Returns how many. */
guint fz_index_feed_document (FzIndex       *index,
                              FzGazetteer   *gazetteer,
                              FzDocument    *document,
                              FzRegionLevel  level);
/* The same with the figures and date given, for a thread that must not read the document's
 * own while they may change. */
guint fz_index_feed_figures  (FzIndex       *index,
                              FzGazetteer   *gazetteer,
                              FzDocument    *document,
                              FzFigureList  *figures,
                              const char    *date,
                              FzRegionLevel  level);

G_END_DECLS
