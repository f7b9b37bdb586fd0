/* main.c: gettext set-up and the application's run. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "fz-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FzApplication) app = NULL;
  const char *localedir = g_getenv ("FANZHA_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  /* FANZHA_LOCALEDIR lets an uninstalled build find its own translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = fz_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : fz_application_get_exit_status (app);
}
