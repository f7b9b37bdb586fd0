/* fz-after-frame.c: a function run once after the next frame a widget draws, in a main loop iteration of its own. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-after-frame.h"

static gboolean
after_idle (gpointer data)
{
  FzAfterFrame *self = data;

  self->idle = 0;
  self->func (self->data, NULL);
  return G_SOURCE_REMOVE;
}

/* A tick comes before the frame's layout and paint; the idle, after them. */
static gboolean
after_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  FzAfterFrame *self = data;

  self->tick = 0;
  if (self->idle == 0)
    self->idle = g_idle_add (after_idle, self);
  return G_SOURCE_REMOVE;
}

void
fz_after_frame_schedule (FzAfterFrame *self,
                         GtkWidget    *widget,
                         GFunc         func,
                         gpointer      data)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  if (fz_after_frame_pending (self))
    return;
  self->widget = widget;
  self->func = func;
  self->data = data;
  self->tick = gtk_widget_add_tick_callback (widget, after_tick, self, NULL);
}

void
fz_after_frame_cancel (FzAfterFrame *self)
{
  if (self->tick != 0)
    gtk_widget_remove_tick_callback (self->widget, self->tick);
  self->tick = 0;
  g_clear_handle_id (&self->idle, g_source_remove);
}

gboolean
fz_after_frame_pending (const FzAfterFrame *self)
{
  return self->tick != 0 || self->idle != 0;
}
