/* fz-cli-export.c: `fanzha-cli export` (a summary of the files as XML, or their figures as
 * CSV) and `fanzha-cli check` (a summary against the schema). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>
#include <stdlib.h>
#include <unistd.h>

#include "fz-cli-commands.h"
#include "fz-cli-common.h"
#include "fz-error.h"
#include "fz-figure-csv.h"
#include "fz-index-feed.h"
#include "fz-summary-check.h"
#include "fz-summary-writer.h"

/* The CSV is written out in pieces of about this size. */
#define CSV_FLUSH_BYTES (1 << 20)

typedef struct
{
  FzCliCommon       common;
  char             *format;
  char             *output;
  FzCliIndexArgs    index;
} ExportArgs;

typedef struct
{
  GOutputStream   *stream;
  FzSummaryWriter *writer;     /* XML; NULL for CSV */
  GString         *csv;
  FzIndex         *index;
  FzIndexOptions  *opts;
  FzRegionLevel    level;
  FzDecisions     *decisions;  /* --workspace's, or NULL */
  GArray          *status;     /* FzFigureStatus of the document being written */
  char            *doc_notes[2];
  GError          *error;      /* the first write error: the rest is skipped */
} Export;

static void
export_args_clear (ExportArgs *args)
{
  fz_cli_common_clear (&args->common);
  g_clear_pointer (&args->format, g_free);
  g_clear_pointer (&args->output, g_free);
  fz_cli_index_args_clear (&args->index);
}

static void
feed_lexicon (FzPipeline *pipeline,
              gpointer    user_data)
{
  Export *export = user_data;

  if (export->index != NULL)
    fz_index_feed_lexicon (export->index, fz_pipeline_get_lexicon (pipeline));
}

static gboolean
flush_csv (Export  *export,
           GError **error)
{
  gboolean ok = g_output_stream_write_all (export->stream, export->csv->str, export->csv->len,
                                           NULL, NULL, error);

  g_string_truncate (export->csv, 0);
  return ok;
}

static FzSummaryStatus
figure_status (FzDocument      *document,
               guint            index,
               const FzFigure  *figure,
               const char     **note,
               gpointer         user_data)
{
  Export *export = user_data;

  if (export->status == NULL || index >= export->status->len)
    return FZ_SUMMARY_STATUS_MACHINE;
  *note = fz_decisions_get_figure_note (export->decisions, document,
                                        FZ_FIGURE_ID (figure->start, figure->end));
  return fz_summary_status_from_flags (g_array_index (export->status, FzFigureStatus,
                                                     index).flags);
}

static const char * const *
document_notes (FzDocument *document,
                gpointer    user_data)
{
  Export *export = user_data;
  g_autofree char *key = fz_decisions_document_key (document);

  g_free (export->doc_notes[0]);
  export->doc_notes[0] = g_strdup (fz_decisions_get_document_note (export->decisions, key));
  return export->doc_notes[0] != NULL ? (const char * const *) export->doc_notes : NULL;
}

/* The workspace's decisions, as the app exports them: the index and the CSV read the figures
 * as corrected, the summary lists rejected ones too, flagged. */
static void
apply_decisions (Export     *export,
                 FzPipeline *pipeline,
                 FzDocument *document)
{
  g_autoptr(FzFigureList) indexed = fz_decisions_apply (export->decisions, document, NULL);
  g_autoptr(FzFigureList) listed = NULL;

  g_clear_pointer (&export->status, g_array_unref);
  if (export->writer == NULL)
    {
      fz_document_set_figures (document, indexed);
      return;
    }
  listed = fz_decisions_apply (export->decisions, document, &export->status);
  fz_index_feed_figures (export->index, fz_pipeline_get_gazetteer (pipeline), document,
                         indexed, fz_document_get_date (document), export->level);
  fz_document_set_figures (document, listed);
}

static void
export_document (FzPipeline *pipeline,
                 FzDocument *document,
                 gpointer    user_data)
{
  Export *export = user_data;

  if (export->error != NULL)
    return;
  if (export->decisions != NULL)
    apply_decisions (export, pipeline, document);
  if (export->writer == NULL)
    {
      fz_figure_csv_write_document (export->csv, document);
      if (export->csv->len > CSV_FLUSH_BYTES)
        flush_csv (export, &export->error);
      return;
    }
  if (export->decisions == NULL)
    fz_index_feed_document (export->index, fz_pipeline_get_gazetteer (pipeline), document,
                            export->level);
  fz_summary_writer_add_document (export->writer, document, &export->error);
}

/* The documents are analysed without the common loader's decisions (which leave rejected
 * figures out): export applies them itself, with the dates the workspace sets. */
static void
take_workspace (ExportArgs        *args,
                Export            *export,
                FzSummaryDecisions *decisions,
                char             **paths,
                int                n_paths)
{
  FzWorkspaceState *state = args->common.workspace;

  if (state == NULL)
    return;
  for (int i = 0; i < n_paths; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autofree char *path = g_file_get_path (file);
      const FzWorkspaceEntry *entry = path ? fz_workspace_state_lookup (state, path) : NULL;

      if (entry != NULL && entry->date != NULL &&
          !g_hash_table_contains (args->common.dates, paths[i]))
        g_hash_table_insert (args->common.dates, g_strdup (paths[i]), g_strdup (entry->date));
    }
  export->decisions = g_object_ref (state->decisions);
  decisions->figure_status = figure_status;
  decisions->document_notes = document_notes;
  decisions->user_data = export;
}

/* The documents of the workspace, when no file is named. */
static char **
workspace_paths (FzWorkspaceState *state)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; state != NULL && i < state->documents->len; i++)
    g_strv_builder_add (builder, ((FzWorkspaceEntry *) state->documents->pdata[i])->path);
  return g_strv_builder_end (builder);
}

/* SOURCE_DATE_EPOCH, when set, fixes the creation time, for reproducible output. */
static char *
created_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) time = NULL;
  char *end = NULL;
  gint64 seconds;

  if (epoch == NULL)
    return NULL;
  seconds = g_ascii_strtoll (epoch, &end, 10);
  if (end == epoch || *end != '\0')
    return NULL;
  time = g_date_time_new_from_unix_utc (seconds);
  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static gboolean
finish_export (Export  *export,
               GError **error)
{
  g_autoptr(FzIndexResult) result = NULL;
  guint n_replaced;

  if (export->writer == NULL)
    return flush_csv (export, error);
  result = fz_index_compute (export->index, export->opts, error);
  if (result == NULL)
    return FALSE;
  if (!fz_summary_writer_finish (export->writer, result, error))
    return FALSE;
  n_replaced = fz_summary_writer_get_n_replaced (export->writer);
  if (n_replaced > 0)
    {
      g_printerr ("fanzha-cli export: ");
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u character that XML does not allow was replaced by U+FFFD",
                               "%u characters that XML does not allow were replaced by U+FFFD",
                               n_replaced), n_replaced);
      g_printerr ("\n");
    }
  return TRUE;
}

/* "-" is standard output; any other name is written to a temporary file beside it, which
 * replaces it only when all went well. */
static GOutputStream *
open_output (const char  *name,
             GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_str_equal (name, "-"))
    return g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  file = g_file_new_for_commandline_arg (name);
  return G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                          NULL, error));
}

static int
run_export (ExportArgs  *args,
            char       **paths,
            int          n_paths,
            gboolean     csv,
            GError     **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  g_autofree char *created = created_time ();
  FzSummaryOptions options = { .created = created };
  FzSummaryDecisions decisions = { 0 };
  Export export = { 0 };
  FzIndexOptions opts;
  g_auto(GStrv) own_paths = NULL;
  g_autofree char *workspace_path = NULL;
  FzWorkspaceState *state = NULL;
  int status;

  if (!fz_cli_common_index_options (&args->common, &args->index, &opts, error))
    return args->common.workspace_path != NULL && args->common.workspace == NULL
      ? FZ_CLI_SOME_FAILED : FZ_CLI_USAGE;
  if (n_paths == 0)
    {
      own_paths = workspace_paths (args->common.workspace);
      paths = own_paths;
      n_paths = g_strv_length (own_paths);
    }
  take_workspace (args, &export, &decisions, paths, n_paths);
  options.decisions = &decisions;
  export.level = opts.level;
  export.opts = &opts;
  options.index_options = &opts;
  stream = open_output (args->output, error);
  if (stream == NULL)
    return FZ_CLI_SOME_FAILED;
  export.stream = stream;
  export.csv = g_string_new (NULL);
  if (csv)
    fz_figure_csv_write_header (export.csv);
  else
    {
      export.index = fz_index_new ();
      export.writer = fz_summary_writer_new (export.stream, &options, NULL, &export.error);
    }
  /* The loader must not apply the decisions itself (see take_workspace). */
  state = g_steal_pointer (&args->common.workspace);
  workspace_path = g_steal_pointer (&args->common.workspace_path);
  status = export.error != NULL ? FZ_CLI_SOME_FAILED
    : fz_cli_common_each_document (&args->common, paths, n_paths, feed_lexicon,
                                   export_document, &export);
  args->common.workspace = state;
  args->common.workspace_path = g_steal_pointer (&workspace_path);
  if (export.error == NULL)
    finish_export (&export, &export.error);
  if (export.error != NULL)
    {
      /* A cancelled close drops the temporary file and leaves any old one. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (export.stream, abandon, NULL);
      g_propagate_error (error, g_steal_pointer (&export.error));
      status = FZ_CLI_SOME_FAILED;
    }
  else if (!g_output_stream_close (export.stream, NULL, error))
    status = FZ_CLI_SOME_FAILED;
  g_clear_pointer (&export.writer, fz_summary_writer_free);
  g_clear_pointer (&export.index, fz_index_free);
  g_clear_pointer (&export.status, g_array_unref);
  g_clear_object (&export.decisions);
  g_free (export.doc_notes[0]);
  g_string_free (export.csv, TRUE);
  return status;
}

static gboolean
check_export_args (ExportArgs  *args,
                   int          argc,
                   gboolean    *csv,
                   GError     **error)
{
  if (args->format != NULL && !g_str_equal (args->format, "xml") &&
      !g_str_equal (args->format, "csv"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--format takes xml or csv, not “%s”"), args->format);
      return FALSE;
    }
  *csv = g_strcmp0 (args->format, "csv") == 0;
  if (args->output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("-o FILE is required"));
      return FALSE;
    }
  /* With a workspace, its documents when no file is named. */
  if (argc < 2 && args->common.workspace_path == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("no file given"));
      return FALSE;
    }
  return TRUE;
}

int
fz_cli_export (int    argc,
               char **argv)
{
  ExportArgs args = { 0 };
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &args.format,
      N_("xml (the summary, default) or csv (the figures table)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output,
      N_("Write to this file (required; - for standard output)"), N_("FILE") },
    fz_cli_index_entry (&args.index, FZ_CLI_INDEX_LEVEL),
    fz_cli_index_entry (&args.index, FZ_CLI_INDEX_PERIOD),
    fz_cli_index_entry (&args.index, FZ_CLI_INDEX_METHOD),
    fz_cli_index_entry (&args.index, FZ_CLI_INDEX_WEIGHT),
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("-o FILE [FILE…] — a summary of the files (or of --workspace's) "
                            "as XML, or their figures as CSV"));
  g_autoptr(GError) error = NULL;
  gboolean csv = FALSE;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, fz_cli_common_options (&args.common));
  if (fz_cli_parse (context, &argc, &argv) != FZ_CLI_OK ||
      !check_export_args (&args, argc, &csv, &error))
    {
      if (error != NULL)
        g_printerr ("fanzha-cli export: %s\n", error->message);
      export_args_clear (&args);
      return FZ_CLI_USAGE;
    }
  status = run_export (&args, argv + 1, argc - 1, csv, &error);
  if (error != NULL)
    g_printerr ("fanzha-cli export: %s\n", error->message);
  export_args_clear (&args);
  return status;
}

int
fz_cli_check (int    argc,
              char **argv)
{
  g_autofree char *schema = NULL;
  const GOptionEntry entries[] = {
    { "schema", 0, 0, G_OPTION_ARG_FILENAME, &schema,
      N_("Check against this schema instead of the installed one"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("SUMMARY.xml… — check summaries against the schema"));
  int status = FZ_CLI_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (fz_cli_parse (context, &argc, &argv) != FZ_CLI_OK || argc < 2)
    {
      if (argc < 2)
        g_printerr ("fanzha-cli check: %s\n", _("no file given"));
      return FZ_CLI_USAGE;
    }
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (fz_summary_check_file (argv[i], schema, &error))
        g_print (_("%s: valid\n"), argv[i]);
      else
        {
          g_printerr ("fanzha-cli check: %s\n", error->message);
          status = FZ_CLI_SOME_FAILED;
        }
    }
  return status;
}
