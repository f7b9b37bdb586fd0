/* fz-after-frame.h: a function run once after the next frame a widget draws, in a main loop iteration of its own. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Work that would make a frame too long goes in after it: the frame draws what is there
 * now, and the work's own changes draw in the next. Kept inside its owner, which cancels it
 * before it goes. */
typedef struct
{
  GtkWidget   *widget;
  GFunc        func;
  gpointer     data;
  guint        tick;
  guint        idle;
} FzAfterFrame;

/* Runs @func (@data, NULL) once, in an idle after the next frame @widget draws; nothing
 * when a run is pending already. */
void      fz_after_frame_schedule (FzAfterFrame       *self,
                                   GtkWidget          *widget,
                                   GFunc               func,
                                   gpointer            data);
void      fz_after_frame_cancel   (FzAfterFrame       *self);
gboolean  fz_after_frame_pending  (const FzAfterFrame *self);

G_END_DECLS
