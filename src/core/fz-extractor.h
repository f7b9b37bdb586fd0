/* fz-extractor.h: find the figures (counts, money, percents, dates, …) in a text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-figure.h"

G_BEGIN_DECLS

FzFigureList *fz_extract        (const char *text,
                                 gsize       len);
gsize         fz_extract_count  (const char *text,
                                 gsize       len);

G_END_DECLS
