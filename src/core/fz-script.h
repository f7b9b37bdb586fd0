/* fz-script.h: a simplified-character view of a page written in traditional characters. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-figure.h"

G_BEGIN_DECLS

gboolean  fz_script_is_traditional  (const char *text,
                                     gsize       len);
char     *fz_script_simplify        (const char *text,
                                     gsize       len);
char     *fz_script_view            (const char *text,
                                     gsize       len);
void      fz_script_restore_units   (FzFigureList *figures,
                                     const char   *view,
                                     const char   *text);
void      fz_script_restore_articles (GPtrArray  *articles,
                                      const char *view,
                                      const char *text,
                                      gsize       len);

G_END_DECLS
