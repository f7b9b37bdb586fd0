/* fz-analysis.h: what the pipeline found in a document, kept apart until its owner stores it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-document.h"

G_BEGIN_DECLS

/* The figures, the date the page prints, the place each article is about and the text's
 * checksum, read off a document on a worker thread while other threads show it: the
 * document itself is changed only by fz_analysis_apply (), on the thread that owns it. */
typedef struct _FzAnalysis FzAnalysis;

FzAnalysis   *fz_analysis_new          (FzFigureList *figures,
                                        char         *found_date,
                                        GPtrArray    *articles);
void          fz_analysis_free         (FzAnalysis   *self);
/* The page's own date (YYYY-MM-DD), or NULL when it prints none or a date was given. */
const char   *fz_analysis_get_found_date (FzAnalysis *self);
/* Stores the articles' regions and the figures in @document, and @date, or else the date
 * found, as its date. */
void          fz_analysis_apply        (FzAnalysis   *self,
                                        FzDocument   *document,
                                        const char   *date);

/* Copies of @document's articles for a run that must not write to them: the text fields are
 * borrowed (the document outlives the run), the region starts empty. */
GPtrArray    *fz_analysis_copy_articles (FzDocument  *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzAnalysis, fz_analysis_free)

G_END_DECLS
