/* fz-cli-commands.c: fanzha-cli subcommands. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-cli-commands.h"

int fz_cli_extract  (int argc, char **argv);
int fz_cli_articles (int argc, char **argv);
int fz_cli_index    (int argc, char **argv);
int fz_cli_series   (int argc, char **argv);
int fz_cli_chart    (int argc, char **argv);
int fz_cli_export   (int argc, char **argv);
int fz_cli_check    (int argc, char **argv);

const FzCliCommand fz_cli_commands[] = {
  { "extract", N_("The figures of each file, one TSV line each (--count: only how many)"),
    fz_cli_extract },
  { "articles", N_("The articles found on each page: title, start of body, region"),
    fz_cli_articles },
  { "index", N_("The regional anti-fraud index: region table, dimension scores, rank"),
    fz_cli_index },
  { "series", N_("One indicator as a region × period table, each cell with its source"),
    fz_cli_series },
  { "chart", N_("The index or one indicator's series drawn as a PNG, SVG or PDF chart"),
    fz_cli_chart },
  { "export", N_("A summary of the files as XML (data/fanzha-summary.rng), or their figures as CSV"),
    fz_cli_export },
  { "check", N_("Check summaries against the schema: what is wrong and where"), fz_cli_check },
  { NULL, NULL, NULL }
};
