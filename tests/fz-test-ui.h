/* fz-test-ui.h: the start of every GTK test program: skip without a display, then init. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

/* FALSE when there is no display: the program has printed a TAP skip and returns 0. CI runs
 * the ui suite under Xvfb. */
static inline gboolean
fz_test_ui_init (int    *argc,
                 char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display\n");
      return FALSE;
    }
  /* Mesa wants its shader cache folder to exist. */
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return TRUE;
}
