/* fz-figure-palette.h: highlight colours for each kind of figure, light and dark. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk/gdk.h>

#include "fz-figure.h"

G_BEGIN_DECLS

void fz_figure_palette_get (FzKind   kind,
                            gboolean dark,
                            GdkRGBA *background);

G_END_DECLS
