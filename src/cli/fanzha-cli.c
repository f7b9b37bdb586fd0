/* fanzha-cli.c: the command line: every result of the core, without a display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "fz-cli-commands.h"

static const FzCliCommand *
find_command (const char *name)
{
  for (const FzCliCommand *c = fz_cli_commands; c->name != NULL; c++)
    if (g_strcmp0 (c->name, name) == 0)
      return c;
  return NULL;
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: fanzha-cli COMMAND [OPTION…] FILE…"));
  fprintf (out, "%s\n", _("Commands:"));
  for (const FzCliCommand *c = fz_cli_commands; c->name != NULL; c++)
    fprintf (out, "  %-10s %s\n", c->name, _(c->summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --help     %s\n", _("Show this help and quit"));
  fprintf (out, "  --version  %s\n", _("Show the version and quit"));
  fprintf (out, "\n%s\n", _("Run “fanzha-cli COMMAND --help” for the options of a command."));
}

int
main (int   argc,
      char *argv[])
{
  const FzCliCommand *command;
  const char *localedir = g_getenv ("FANZHA_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return 2;
    }
  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0
      || g_strcmp0 (argv[1], "help") == 0)
    {
      print_help (stdout);
      return 0;
    }
  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      printf ("fanzha-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      fprintf (stderr, _("fanzha-cli: unknown command “%s”\n"), argv[1]);
      print_help (stderr);
      return 2;
    }
  return command->run (argc - 1, argv + 1);
}
