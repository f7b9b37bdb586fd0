/* fz-screenshot.h: render a widget into a PNG file, as the screen shows it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean fz_screenshot_save (GtkWidget   *widget,
                             const char  *path,
                             GError     **error);

G_END_DECLS
