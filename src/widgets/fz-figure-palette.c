/* fz-figure-palette.c: the Okabe–Ito palette, chosen because it stays distinct for red-green
 * colour blindness (M. Okabe and K. Ito, "Color Universal Design", 2008). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-figure-palette.h"

typedef struct
{
  double r, g, b;
} Rgb;

/* Statistics get the saturated hues; dates, ordinals and identifiers the quieter ones, and a
 * lower alpha below, so the figures that matter stand out. */
static const Rgb colours[FZ_N_KINDS] = {
  [FZ_KIND_COUNT]      = { 0x56 / 255.0, 0xB4 / 255.0, 0xE9 / 255.0 },   /* sky blue */
  [FZ_KIND_MONEY]      = { 0xE6 / 255.0, 0x9F / 255.0, 0x00 / 255.0 },   /* orange */
  [FZ_KIND_PERCENT]    = { 0xCC / 255.0, 0x79 / 255.0, 0xA7 / 255.0 },   /* reddish purple */
  [FZ_KIND_SCORE]      = { 0x00 / 255.0, 0x9E / 255.0, 0x73 / 255.0 },   /* bluish green */
  [FZ_KIND_DURATION]   = { 0xF0 / 255.0, 0xE4 / 255.0, 0x42 / 255.0 },   /* yellow */
  [FZ_KIND_AREA]       = { 0x00 / 255.0, 0x72 / 255.0, 0xB2 / 255.0 },   /* blue */
  [FZ_KIND_DATE]       = { 0x99 / 255.0, 0x99 / 255.0, 0x99 / 255.0 },   /* grey */
  [FZ_KIND_ORDINAL]    = { 0x99 / 255.0, 0x99 / 255.0, 0x99 / 255.0 },   /* grey */
  [FZ_KIND_IDENTIFIER] = { 0xD5 / 255.0, 0x5E / 255.0, 0x00 / 255.0 },   /* vermillion */
};

void
fz_figure_palette_get (FzKind   kind,
                       gboolean dark,
                       GdkRGBA *background)
{
  double alpha;

  g_return_if_fail (kind < FZ_N_KINDS);
  g_return_if_fail (background != NULL);

  if (fz_kind_is_statistic (kind))
    alpha = dark ? 0.45 : 0.38;
  else
    alpha = dark ? 0.25 : 0.18;
  background->red = colours[kind].r;
  background->green = colours[kind].g;
  background->blue = colours[kind].b;
  background->alpha = alpha;
}
