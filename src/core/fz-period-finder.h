/* fz-period-finder.h: the period of each figure, read from the time words that govern it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-figure.h"

G_BEGIN_DECLS

/* Fills the `period` of every figure (empty when nothing governs it).
 * @articles (FzArticle*, nullable) bounds how far back a relative start
 * (工作开展以来, 一年来) looks for the start it refers to. @doc_date
 * (nullable) turns Y and PY into years; without it they stay as written. */
void fz_period_assign (const char   *text,
                       gsize         len,
                       FzFigureList *figures,
                       GPtrArray    *articles,
                       const GDate  *doc_date);

G_END_DECLS
