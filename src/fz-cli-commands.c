/* fz-cli-commands.c: fanzha-cli subcommands. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-cli-commands.h"

const FzCliCommand fz_cli_commands[] = {
  { NULL, NULL, NULL }
};
