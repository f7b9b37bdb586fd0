/* fz-segmenter.h: a newspaper page into articles (title, byline, body, photo captions). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-article.h"

G_BEGIN_DECLS

/* Returns the articles of @text (UTF-8) in reading order, as FzArticle* with
 * their free function set. Offsets count code points of @text. */
GPtrArray *fz_segment (const char *text,
                       gsize       len);

/* Copies text[start, end) (code points) with white space runs made one space. */
char      *fz_segment_dup_span (const char *text,
                                gsize       len,
                                guint32     start,
                                guint32     end,
                                guint       max_chars);

G_END_DECLS
