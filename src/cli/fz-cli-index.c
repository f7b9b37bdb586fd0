/* fz-cli-index.c: `fanzha-cli index` (the region table and scores) and `series` (one indicator
 * over time), both as TSV. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-cli-commands.h"
#include "fz-cli-common.h"
#include "fz-error.h"

typedef struct
{
  FzCliCommon     common;
  FzCliIndexArgs  index;
  char           *indicator;
} IndexArgs;

static void
index_args_clear (IndexArgs *args)
{
  fz_cli_common_clear (&args->common);
  fz_cli_index_args_clear (&args->index);
  g_clear_pointer (&args->indicator, g_free);
}

static GOptionContext *
make_context (IndexArgs  *args,
              const char *summary,
              gboolean    series)
{
  const GOptionEntry index_entries[] = {
    fz_cli_index_entry (&args->index, FZ_CLI_INDEX_LEVEL),
    fz_cli_index_entry (&args->index, FZ_CLI_INDEX_PERIOD),
    fz_cli_index_entry (&args->index, FZ_CLI_INDEX_METHOD),
    fz_cli_index_entry (&args->index, FZ_CLI_INDEX_WEIGHT),
    { NULL }
  };
  const GOptionEntry series_entries[] = {
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &args->indicator,
      N_("The indicator to follow (an id of data/indicators.tsv)"), N_("ID") },
    fz_cli_index_entry (&args->index, FZ_CLI_INDEX_LEVEL),
    { NULL }
  };
  GOptionContext *context = g_option_context_new (summary);

  g_option_context_add_main_entries (context, series ? series_entries : index_entries,
                                     GETTEXT_PACKAGE);
  g_option_context_add_group (context, fz_cli_common_options (&args->common));
  return context;
}

int
fz_cli_index (int    argc,
              char **argv)
{
  IndexArgs args = { 0 };
  g_autoptr(GOptionContext) context = make_context (&args, _("FILE… — the regional index as TSV"),
                                                    FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzIndexResult) result = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  FzIndexOptions opts;
  int status;

  /* A bad option has had its one message from the parser. */
  if (fz_cli_parse (context, &argc, &argv) != FZ_CLI_OK)
    {
      index_args_clear (&args);
      return FZ_CLI_USAGE;
    }
  if (!fz_cli_common_index_options (&args.common, &args.index, &opts, &error) || argc < 2)
    {
      g_printerr ("fanzha-cli index: %s\n", error != NULL ? error->message : _("no file given"));
      index_args_clear (&args);
      /* An unreadable workspace is a file that failed, not a usage error. */
      return error != NULL && error->domain == FZ_ERROR ? FZ_CLI_SOME_FAILED : FZ_CLI_USAGE;
    }
  status = fz_cli_common_feed_index (&args.common, argv + 1, argc - 1, index, opts.level, NULL);
  result = fz_index_compute (index, &opts, &error);
  if (result == NULL)
    {
      g_printerr ("fanzha-cli index: %s\n", error->message);
      index_args_clear (&args);
      return FZ_CLI_USAGE;
    }
  fz_index_result_write_tsv (result, out);
  fwrite (out->str, 1, out->len, stdout);
  for (const char * const *w = fz_index_result_get_warnings (result); w != NULL && *w != NULL; w++)
    g_printerr ("fanzha-cli index: %s\n", *w);
  index_args_clear (&args);
  return status;
}

int
fz_cli_series (int    argc,
               char **argv)
{
  IndexArgs args = { 0 };
  g_autoptr(GOptionContext) context =
    make_context (&args, _("FILE… — one indicator as a region × period table"), TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  FzIndexOptions opts;
  FzRegionLevel level;
  int status;

  fz_index_options_init (&opts);
  /* A bad option has had its one message from the parser. */
  if (fz_cli_parse (context, &argc, &argv) != FZ_CLI_OK)
    {
      index_args_clear (&args);
      return FZ_CLI_USAGE;
    }
  if (args.indicator == NULL || argc < 2
      || !fz_cli_index_options_apply (&opts, &args.index, &error))
    {
      g_printerr ("fanzha-cli series: %s\n",
                  args.indicator == NULL ? _("--indicator ID is required")
                  : argc < 2 ? _("no file given") : error->message);
      index_args_clear (&args);
      return FZ_CLI_USAGE;
    }
  level = opts.level;
  status = fz_cli_common_feed_index (&args.common, argv + 1, argc - 1, index, level, NULL);
  if (!fz_index_write_series_tsv (index, args.indicator, level, out, &error))
    {
      g_printerr ("fanzha-cli series: %s\n", error->message);
      index_args_clear (&args);
      return FZ_CLI_USAGE;
    }
  fwrite (out->str, 1, out->len, stdout);
  index_args_clear (&args);
  return status;
}
