/* fz-window.h: the main window: document list, reader pane and chart pane. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fz-application.h"

G_BEGIN_DECLS

#define FZ_TYPE_WINDOW (fz_window_get_type ())

G_DECLARE_FINAL_TYPE (FzWindow, fz_window, FZ, WINDOW, AdwApplicationWindow)

FzWindow *fz_window_new             (FzApplication *app);
void      fz_window_open_files      (FzWindow      *self,
                                     GFile        **files,
                                     int            n_files);
void      fz_window_take_screenshot (FzWindow      *self,
                                     const char    *path);
gboolean  fz_window_is_busy         (FzWindow      *self);

G_END_DECLS
