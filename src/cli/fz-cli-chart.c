/* fz-cli-chart.c: `fanzha-cli chart`: the index or a series drawn into a PNG, SVG or PDF file. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-chart-export.h"
#include "fz-chart-model-index.h"
#include "fz-cli-commands.h"
#include "fz-cli-common.h"

typedef struct
{
  FzCliCommon     common;
  char           *type;
  char           *indicator;
  FzCliIndexArgs  index;
  char           *lang;
  char           *size;
  char           *out;
  char           *regions;
  gboolean        dark;
} ChartArgs;

static void
chart_args_clear (ChartArgs *args)
{
  fz_cli_common_clear (&args->common);
  g_free (args->type);
  g_free (args->indicator);
  fz_cli_index_args_clear (&args->index);
  g_free (args->lang);
  g_free (args->size);
  g_free (args->out);
  g_free (args->regions);
}

static GOptionContext *
make_context (ChartArgs *args)
{
  const GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &args->type,
      N_("bar (default), grouped, radar, trend or heatmap"), N_("TYPE") },
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &args->indicator,
      N_("bar: an indicator or a dimension instead of the overall index; trend: the indicator"),
      N_("ID") },
    fz_cli_index_entry (&args->index, FZ_CLI_INDEX_LEVEL),
    fz_cli_index_entry (&args->index, FZ_CLI_INDEX_PERIOD),
    fz_cli_index_entry (&args->index, FZ_CLI_INDEX_METHOD),
    { "regions", 0, 0, G_OPTION_ARG_STRING, &args->regions,
      N_("Only these regions, separated by commas"), N_("NAMES") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &args->lang,
      N_("Language of the chart: zh or en (default: the interface's)"), N_("LANG") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &args->size,
      N_("Width and height in pixels (default 1200x800)"), N_("WxH") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &args->dark,
      N_("Colours for a dark background"), NULL },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &args->out,
      N_("The file to write: .png, .svg or .pdf"), N_("FILE") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (_("FILE… — draw the index as a chart"));

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, fz_cli_common_options (&args->common));
  return context;
}

static gboolean
parse_size (const char *size,
            double     *width,
            double     *height)
{
  guint64 w, h;
  g_auto(GStrv) parts = NULL;

  *width = 1200;
  *height = 800;
  if (size == NULL)
    return TRUE;
  parts = g_strsplit (size, "x", 2);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 100, 20000, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 100, 20000, &h, NULL))
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}

static const char *
default_lang (void)
{
  const char * const *langs = g_get_language_names ();

  return langs[0] != NULL && g_str_has_prefix (langs[0], "zh") ? "zh" : "en";
}

/* Every usage error in one place, so that the caller prints one line. */
static gboolean
parse_args (ChartArgs      *args,
            FzChartSpec    *spec,
            FzIndexOptions *opts,
            double         *width,
            double         *height,
            GError        **error)
{
  FzChartType type = FZ_CHART_BAR;
  FzChartFormat format;
  const char *bad = NULL;

  fz_index_options_init (opts);
  if (!fz_cli_index_options_apply (opts, &args->index, error))
    return FALSE;
  if (args->type != NULL && !fz_chart_type_from_string (args->type, &type))
    bad = _("--type takes bar, grouped, radar, trend or heatmap");
  else if (args->lang != NULL && !g_str_equal (args->lang, "zh") && !g_str_equal (args->lang, "en"))
    bad = _("--lang takes zh or en");
  else if (!parse_size (args->size, width, height))
    bad = _("--size takes WIDTHxHEIGHT in pixels, such as 1600x1000");
  else if (args->out == NULL || !fz_chart_format_from_path (args->out, &format))
    bad = _("--out FILE.png, FILE.svg or FILE.pdf is required");
  else if (type == FZ_CHART_TREND && args->indicator == NULL)
    bad = _("a trend needs --indicator ID");
  if (bad != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, bad);
      return FALSE;
    }
  fz_chart_spec_init (spec, type);
  spec->indicator = args->indicator;
  spec->lang = args->lang != NULL ? args->lang : default_lang ();
  spec->level = opts->level;
  return TRUE;
}

static int
fail (ChartArgs  *args,
      const char *message,
      int         status)
{
  g_printerr ("fanzha-cli chart: %s\n", message);
  chart_args_clear (args);
  return status;
}

/* Draws the model into the --out file; returns FALSE with @error set when it cannot. */
static gboolean
draw (ChartArgs         *args,
      FzIndex           *index,
      FzLexicon         *lexicon,
      FzChartSpec       *spec,
      FzIndexOptions    *opts,
      double             width,
      double             height,
      GError           **error)
{
  g_autoptr(FzIndexResult) result = NULL;
  g_autoptr(FzChartModel) model = NULL;
  g_auto(GStrv) regions = args->regions ? g_strsplit (args->regions, ",", -1) : NULL;
  FzChartStyle style;
  gboolean ok;

  if (spec->type != FZ_CHART_TREND &&
      (result = fz_index_compute (index, opts, error)) == NULL)
    return FALSE;
  spec->lexicon = lexicon;
  spec->regions = (const char * const *) regions;
  model = fz_chart_model_new_from_index (index, result, spec, error);
  if (model == NULL)
    return FALSE;
  fz_chart_style_init (&style, args->dark);
  ok = fz_chart_export (model, &style, args->out, width, height, error);
  fz_chart_style_clear (&style);
  return ok;
}

int
fz_cli_chart (int    argc,
              char **argv)
{
  ChartArgs args = { 0 };
  g_autoptr(GOptionContext) context = make_context (&args);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzLexicon) lexicon = NULL;
  FzIndexOptions opts;
  FzChartSpec spec;
  double width = 1200, height = 800;
  int status;

  /* A bad option has had its one message from the parser. */
  if (fz_cli_parse (context, &argc, &argv) != FZ_CLI_OK)
    {
      chart_args_clear (&args);
      return FZ_CLI_USAGE;
    }
  if (!parse_args (&args, &spec, &opts, &width, &height, &error))
    return fail (&args, error->message, FZ_CLI_USAGE);
  if (argc < 2)
    return fail (&args, _("no file given"), FZ_CLI_USAGE);

  status = fz_cli_common_feed_index (&args.common, argv + 1, argc - 1, index, opts.level,
                                     &lexicon);
  if (!draw (&args, index, lexicon, &spec, &opts, width, height, &error))
    return fail (&args, error->message,
                 g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED) ? FZ_CLI_SOME_FAILED
                                                                         : FZ_CLI_USAGE);
  chart_args_clear (&args);
  return status;
}
