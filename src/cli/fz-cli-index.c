/* fz-cli-index.c: `fanzha-cli index` (the region table and scores) and `series` (one indicator
 * over time), both as TSV. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-cli-commands.h"
#include "fz-cli-common.h"
#include "fz-index-feed.h"

typedef struct
{
  FzCliCommon  common;
  char        *level;
  char        *period;
  char        *method;
  char       **weights;
  char        *indicator;
} IndexArgs;

static void
index_args_clear (IndexArgs *args)
{
  fz_cli_common_clear (&args->common);
  g_clear_pointer (&args->level, g_free);
  g_clear_pointer (&args->period, g_free);
  g_clear_pointer (&args->method, g_free);
  g_clear_pointer (&args->weights, g_strfreev);
  g_clear_pointer (&args->indicator, g_free);
}

static gboolean
parse_level (const char     *str,
             FzRegionLevel  *level)
{
  if (str == NULL)
    {
      *level = FZ_REGION_LEVEL_UNKNOWN;
      return TRUE;
    }
  return fz_region_level_from_string (str, level) && *level != FZ_REGION_LEVEL_UNKNOWN;
}

static gboolean
parse_options (IndexArgs      *args,
               FzIndexOptions *opts,
               GError        **error)
{
  int method;

  fz_index_options_init (opts);
  if (!parse_level (args->level, &opts->level))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--level takes province, city, county or township, not “%s”"), args->level);
      return FALSE;
    }
  opts->period = args->period;
  if (args->method == NULL || g_str_equal (args->method, "minmax"))
    opts->normalisation = FZ_NORMALISATION_MIN_MAX;
  else if (!fz_enum_from_string (FZ_TYPE_NORMALISATION, args->method, &method))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--method takes minmax, percentile or goalposts, not “%s”"), args->method);
      return FALSE;
    }
  else
    opts->normalisation = method;
  for (guint i = 0; args->weights != NULL && args->weights[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (args->weights[i], "=", 2);
      FzDimension dimension;
      char *end = NULL;
      double weight;

      if (g_strv_length (pair) != 2 || !fz_dimension_from_string (pair[0], &dimension))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--weight takes DIMENSION=NUMBER, not “%s”"), args->weights[i]);
          return FALSE;
        }
      weight = g_ascii_strtod (pair[1], &end);
      if (end == pair[1] || *end != '\0' || !(weight >= 0))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("a weight must be a number of at least 0, not “%s”"), pair[1]);
          return FALSE;
        }
      opts->weights[dimension] = weight;
    }
  return TRUE;
}

typedef struct
{
  FzIndex       *index;
  FzRegionLevel  level;
} Feed;

static void
feed_lexicon (FzPipeline *pipeline,
              gpointer    user_data)
{
  Feed *feed = user_data;

  fz_index_feed_lexicon (feed->index, fz_pipeline_get_lexicon (pipeline));
}

static void
feed_document (FzPipeline *pipeline,
               FzDocument *document,
               gpointer    user_data)
{
  Feed *feed = user_data;

  fz_index_feed_document (feed->index, fz_pipeline_get_gazetteer (pipeline), document,
                          feed->level);
}

/* Loads every file and feeds the index; returns the exit status so far. */
static int
build_index (IndexArgs     *args,
             int            argc,
             char         **argv,
             FzRegionLevel  level,
             FzIndex       *index)
{
  Feed feed = { index, level };

  return fz_cli_common_each_document (&args->common, argv + 1, argc - 1, feed_lexicon,
                                      feed_document, &feed);
}

static GOptionContext *
make_context (IndexArgs  *args,
              const char *summary,
              gboolean    series)
{
  const GOptionEntry index_entries[] = {
    { "level", 0, 0, G_OPTION_ARG_STRING, &args->level,
      N_("Roll regions up to province, city, county or township"), N_("LEVEL") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &args->period,
      N_("Score one stretch: a year (2022), a month (2022-03), ytd or ytd:2022, or all"),
      N_("PERIOD") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &args->method,
      N_("Normalisation: minmax (default), percentile or goalposts"), N_("METHOD") },
    { "weight", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args->weights,
      N_("Weight of a dimension, e.g. strike=2 (default 1 each); repeatable"),
      N_("DIMENSION=NUMBER") },
    { NULL }
  };
  const GOptionEntry series_entries[] = {
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &args->indicator,
      N_("The indicator to follow (an id of data/indicators.tsv)"), N_("ID") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &args->level,
      N_("Roll regions up to province, city, county or township"), N_("LEVEL") },
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

  if (fz_cli_parse (context, &argc, &argv) != FZ_CLI_OK || !parse_options (&args, &opts, &error)
      || argc < 2)
    {
      g_printerr ("fanzha-cli index: %s\n", error != NULL ? error->message : _("no file given"));
      index_args_clear (&args);
      return FZ_CLI_USAGE;
    }
  status = build_index (&args, argc, argv, opts.level, index);
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
  FzRegionLevel level;
  int status;

  if (fz_cli_parse (context, &argc, &argv) != FZ_CLI_OK || argc < 2 || args.indicator == NULL
      || !parse_level (args.level, &level))
    {
      g_printerr ("fanzha-cli series: %s\n",
                  args.indicator == NULL ? _("--indicator ID is required")
                  : argc < 2 ? _("no file given")
                  : _("--level takes province, city, county or township"));
      index_args_clear (&args);
      return FZ_CLI_USAGE;
    }
  status = build_index (&args, argc, argv, level, index);
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
