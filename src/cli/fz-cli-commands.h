/* fz-cli-commands.h: the table of fanzha-cli subcommands. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses, documented in the README. */
#define FZ_CLI_OK          0
#define FZ_CLI_SOME_FAILED 1   /* output written for the files that loaded; see stderr */
#define FZ_CLI_USAGE       2

typedef struct
{
  const char *name;
  const char *summary;   /* N_() marked */
  int       (*run) (int argc, char **argv);
} FzCliCommand;

extern const FzCliCommand fz_cli_commands[];

G_END_DECLS
