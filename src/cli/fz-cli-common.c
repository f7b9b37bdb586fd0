/* fz-cli-common.c: loading and analysing the files a command names, and TSV escaping. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-cli-commands.h"
#include "fz-cli-common.h"
#include "fz-document-date.h"
#include "fz-index-feed.h"
#include "fz-loader.h"

static gboolean
parse_date_option (const char  *name,
                   const char  *value,
                   gpointer     data,
                   GError     **error)
{
  FzCliCommon *common = data;
  const char *eq = strrchr (value, '=');
  GDate date;
  g_autofree char *file = NULL;

  if (eq == NULL || eq == value)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--date takes FILE=YYYY-MM-DD, not “%s”"), value);
      return FALSE;
    }
  g_date_clear (&date, 1);
  if (strlen (eq + 1) != 10 || !fz_doc_date_parse (eq + 1, -1, &date))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a date of the form YYYY-MM-DD"), eq + 1);
      return FALSE;
    }
  file = g_strndup (value, eq - value);
  /* Known by the path it names (a file in a folder given is reached by that), and as typed,
   * which may be a bare name. */
  {
    g_autoptr(GFile) named = g_file_new_for_commandline_arg (file);

    if (g_file_peek_path (named) != NULL)
      g_hash_table_insert (common->dates, g_strdup (g_file_peek_path (named)), g_strdup (eq + 1));
  }
  g_hash_table_insert (common->dates, g_steal_pointer (&file), g_strdup (eq + 1));
  return TRUE;
}

GOptionGroup *
fz_cli_common_options (FzCliCommon *common)
{
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_CALLBACK, parse_date_option,
      N_("The publication date of FILE, which resolves 今年 (Y) and 去年 (PY); repeatable"),
      N_("FILE=YYYY-MM-DD") },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &common->lexicons,
      N_("Add the indicators of this file (columns as data/indicators.tsv); repeatable"),
      N_("FILE") },
    { "aliases", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &common->aliases,
      N_("Add the region aliases of this file (columns as data/region-aliases.tsv); repeatable"),
      N_("FILE") },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &common->data_dir,
      N_("Read the lexicon and gazetteer from this folder"), N_("DIR") },
    { "workspace", 0, 0, G_OPTION_ARG_FILENAME, &common->workspace_path,
      N_("Apply the dates and corrections of this workspace file, as the app does"),
      N_("WS.xml") },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &common->jobs,
      N_("Analyse N files at a time (default: one a processor, or FANZHA_JOBS); the output "
         "is the same"), N_("N") },
    { NULL }
  };
  GOptionGroup *group;

  common->dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  group = g_option_group_new ("analysis", _("Analysis options"), _("Show analysis options"),
                              common, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  return group;
}

void
fz_cli_common_clear (FzCliCommon *common)
{
  g_clear_pointer (&common->dates, g_hash_table_unref);
  g_clear_pointer (&common->lexicons, g_strfreev);
  g_clear_pointer (&common->aliases, g_strfreev);
  g_clear_pointer (&common->data_dir, g_free);
  g_clear_pointer (&common->workspace_path, g_free);
  g_clear_pointer (&common->workspace, fz_workspace_state_free);
}

FzWorkspaceState *
fz_cli_common_workspace (FzCliCommon  *common,
                         GError      **error)
{
  if (common->workspace == NULL && common->workspace_path != NULL)
    common->workspace = fz_workspace_file_load (common->workspace_path, error);
  return common->workspace;
}

FzPipeline *
fz_cli_common_pipeline (FzCliCommon  *common,
                        GError      **error)
{
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new (common->data_dir, error);

  if (pipeline == NULL)
    return NULL;
  for (guint i = 0; common->lexicons != NULL && common->lexicons[i] != NULL; i++)
    if (!fz_pipeline_add_lexicon_file (pipeline, common->lexicons[i], error))
      return NULL;
  for (guint i = 0; common->aliases != NULL && common->aliases[i] != NULL; i++)
    if (!fz_pipeline_add_aliases_file (pipeline, common->aliases[i], error))
      return NULL;
  return g_steal_pointer (&pipeline);
}

/* The date the analyst set for @document in the workspace, if any. */
static const char *
workspace_date (FzCliCommon *common,
                FzDocument  *document)
{
  g_autofree char *key = NULL;
  const FzWorkspaceEntry *entry;

  if (common->workspace == NULL)
    return NULL;
  key = fz_decisions_document_key (document);
  entry = fz_workspace_state_lookup (common->workspace, key);
  return entry != NULL ? entry->date : NULL;
}

/* FANZHA_JOBS when set, else one a processor. */
static guint
default_jobs (void)
{
  const char *env = g_getenv ("FANZHA_JOBS");
  gint64 n;

  if (env != NULL && *env != '\0' && (n = g_ascii_strtoll (env, NULL, 10)) > 0)
    return (guint) MIN (n, 256);
  return (guint) CLAMP (g_get_num_processors (), 1, 64);
}

guint
fz_cli_common_jobs (FzCliCommon *common)
{
  return common->jobs > 0 ? (guint) MIN (common->jobs, 256) : default_jobs ();
}

typedef struct
{
  FzCliResultFunc done;
  gpointer        done_data;
} EachFile;

static void
each_file_done (GFile        *file,
                gpointer      result,
                const GError *error,
                gpointer      data)
{
  EachFile *each = data;

  /* The loader's messages already name the file. */
  if (error != NULL)
    g_printerr ("fanzha-cli: %s\n", error->message);
  else
    each->done (result, each->done_data);
}

guint
fz_cli_common_each_file (FzCliCommon      *common,
                         char            **paths,
                         guint             n_paths,
                         FzLoaderWorkFunc  work,
                         gpointer          work_data,
                         GDestroyNotify    free_result,
                         FzCliResultFunc   done,
                         gpointer          done_data)
{
  g_autoptr(FzLoader) loader = fz_loader_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  EachFile each = { done, done_data };

  for (guint i = 0; i < n_paths; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));
  return fz_loader_load_each (loader, (GFile **) files->pdata, files->len,
                              fz_cli_common_jobs (common), work, work_data, free_result,
                              each_file_done, &each);
}

/* Loads and analyses one file; may run on any thread (the pipeline is immutable). */
static FzDocument *
load_document (FzCliCommon  *common,
               FzPipeline   *pipeline,
               GFile        *file,
               GError      **error)
{
  g_autofree gunichar *chars = NULL;
  guint n_chars = 0;
  g_autoptr(FzDocument) document = fz_document_load_chars (file, NULL, &chars, &n_chars, error);
  const char *date = NULL;

  if (document == NULL)
    return NULL;
  if (g_file_peek_path (file) != NULL)
    {
      g_autofree char *base = g_path_get_basename (g_file_peek_path (file));

      date = g_hash_table_lookup (common->dates, g_file_peek_path (file));
      if (date == NULL)
        date = g_hash_table_lookup (common->dates, base);
    }
  if (date == NULL)
    date = workspace_date (common, document);
  if (date != NULL)
    fz_document_set_date (document, date);
  if (pipeline != NULL)
    fz_pipeline_analyze_chars (pipeline, document, chars, n_chars);
  return g_steal_pointer (&document);
}

typedef struct
{
  FzCliCommon       *common;
  FzPipeline        *pipeline;
  FzCliDocumentFunc  func;
  gpointer           user_data;
} EachDocument;

static gpointer
each_work (GFile     *file,
           gpointer   data,
           GError   **error)
{
  EachDocument *each = data;

  return load_document (each->common, each->pipeline, file, error);
}

static void
each_done (gpointer document,
           gpointer data)
{
  EachDocument *each = data;

  /* The decisions are kept by one thread: they are applied here, in argument order. */
  if (each->pipeline != NULL && each->common->workspace != NULL)
    fz_decisions_apply_to_document (each->common->workspace->decisions, document);
  each->func (each->pipeline, document, each->user_data);
}

int
fz_cli_common_each_document (FzCliCommon      *common,
                             char            **paths,
                             int               n_paths,
                             FzCliPipelineFunc ready,
                             FzCliDocumentFunc func,
                             gpointer          user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = NULL;
  EachDocument each = { common, NULL, func, user_data };

  /* A workspace that cannot be read stops the command: output without the analyst's
   * corrections would disagree with the app. */
  if (fz_cli_common_workspace (common, &error) == NULL && error != NULL)
    {
      g_printerr ("fanzha-cli: %s\n", error->message);
      return FZ_CLI_SOME_FAILED;
    }
  pipeline = fz_cli_common_pipeline (common, &error);
  if (pipeline == NULL)
    {
      g_printerr ("fanzha-cli: %s\n", error->message);
      return FZ_CLI_SOME_FAILED;
    }
  each.pipeline = pipeline;
  if (ready != NULL)
    ready (pipeline, user_data);
  if (fz_cli_common_each_file (common, paths, (guint) MAX (n_paths, 0), each_work, &each,
                               g_object_unref, each_done, &each) > 0)
    return FZ_CLI_SOME_FAILED;
  return FZ_CLI_OK;
}

static gboolean
apply_weights (FzIndexOptions  *opts,
               char           **weights,
               GError         **error)
{
  for (guint i = 0; weights != NULL && weights[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (weights[i], "=", 2);
      FzDimension dimension;
      char *end = NULL;
      double weight;

      if (g_strv_length (pair) != 2 || !fz_dimension_from_string (pair[0], &dimension))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--weight takes DIMENSION=NUMBER, not “%s”"), weights[i]);
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
  FzLexicon     *lexicon;
} IndexFeed;

static void
index_feed_lexicon (FzPipeline *pipeline,
                    gpointer    user_data)
{
  IndexFeed *feed = user_data;

  feed->lexicon = fz_lexicon_ref (fz_pipeline_get_lexicon (pipeline));
  fz_index_feed_lexicon (feed->index, feed->lexicon);
}

static void
index_feed_document (FzPipeline *pipeline,
                     FzDocument *document,
                     gpointer    user_data)
{
  IndexFeed *feed = user_data;

  fz_index_feed_document (feed->index, fz_pipeline_get_gazetteer (pipeline), document,
                          feed->level);
}

int
fz_cli_common_feed_index (FzCliCommon    *common,
                          char          **paths,
                          int             n_paths,
                          FzIndex        *index,
                          FzRegionLevel   level,
                          FzLexicon     **lexicon)
{
  IndexFeed feed = { index, level, NULL };
  int status = fz_cli_common_each_document (common, paths, n_paths, index_feed_lexicon,
                                            index_feed_document, &feed);

  if (lexicon != NULL)
    *lexicon = g_steal_pointer (&feed.lexicon);
  g_clear_pointer (&feed.lexicon, fz_lexicon_unref);
  return status;
}

GOptionEntry
fz_cli_index_entry (FzCliIndexArgs   *args,
                    FzCliIndexOption  option)
{
  const GOptionEntry entries[] = {
    [FZ_CLI_INDEX_LEVEL] = { "level", 0, 0, G_OPTION_ARG_STRING, &args->level,
      N_("Roll regions up to province, city, county or township"), N_("LEVEL") },
    [FZ_CLI_INDEX_PERIOD] = { "period", 0, 0, G_OPTION_ARG_STRING, &args->period,
      N_("Score one stretch: a year (2022), a month (2022-03), ytd or ytd:2022, or all"),
      N_("PERIOD") },
    [FZ_CLI_INDEX_METHOD] = { "method", 0, 0, G_OPTION_ARG_STRING, &args->method,
      N_("Normalisation: minmax (default), percentile or goalposts"), N_("METHOD") },
    [FZ_CLI_INDEX_WEIGHT] = { "weight", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args->weights,
      N_("Weight of a dimension, e.g. strike=2 (default 1 each); repeatable"),
      N_("DIMENSION=NUMBER") },
  };

  g_return_val_if_fail (option < G_N_ELEMENTS (entries), entries[0]);
  return entries[option];
}

void
fz_cli_index_args_clear (FzCliIndexArgs *args)
{
  g_clear_pointer (&args->level, g_free);
  g_clear_pointer (&args->period, g_free);
  g_clear_pointer (&args->method, g_free);
  g_clear_pointer (&args->weights, g_strfreev);
}

gboolean
fz_cli_index_options_apply (FzIndexOptions       *opts,
                            const FzCliIndexArgs *args,
                            GError              **error)
{
  const char *level = args->level;
  const char *period = args->period;
  const char *method = args->method;
  int value;

  if (level != NULL && (!fz_enum_from_string (FZ_TYPE_REGION_LEVEL, level, &value) ||
                        value == FZ_REGION_LEVEL_UNKNOWN))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--level takes province, city, county or township, not “%s”"), level);
      return FALSE;
    }
  if (level != NULL)
    opts->level = value;
  if (period != NULL)
    opts->period = period;
  /* "minmax" is what the options have always said; the nick is "min-max". */
  if (method != NULL && !fz_enum_from_string (FZ_TYPE_NORMALISATION,
                                              g_str_equal (method, "minmax") ? "min-max" : method,
                                              &value))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--method takes minmax, percentile or goalposts, not “%s”"), method);
      return FALSE;
    }
  if (method != NULL)
    opts->normalisation = value;
  return apply_weights (opts, args->weights, error);
}

gboolean
fz_cli_common_index_options (FzCliCommon          *common,
                             const FzCliIndexArgs *args,
                             FzIndexOptions       *opts,
                             GError              **error)
{
  FzWorkspaceState *workspace = fz_cli_common_workspace (common, error);

  if (workspace == NULL && common->workspace_path != NULL)
    return FALSE;
  if (workspace != NULL)
    *opts = workspace->index;
  else
    fz_index_options_init (opts);
  return fz_cli_index_options_apply (opts, args, error);
}

void
fz_cli_write_field (GString    *out,
                    const char *text,
                    gssize      len)
{
  const char *end = text + (len < 0 ? (gssize) strlen (text) : len);
  const char *run = text;

  /* The text between escapes is copied whole: most fields have none. */
  for (const char *p = text; p < end; p++)
    {
      const char *escape;

      switch (*p)
        {
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\\': escape = "\\\\"; break;
        default: continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append_len (out, escape, 2);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

int
fz_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("fanzha-cli: %s\n", error->message);
      return FZ_CLI_USAGE;
    }
  return FZ_CLI_OK;
}
