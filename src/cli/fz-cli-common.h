/* fz-cli-common.h: what every fanzha-cli command shares: loading files, dates, TSV output. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include "fz-document.h"
#include "fz-index.h"
#include "fz-loader.h"
#include "fz-pipeline.h"
#include "fz-workspace-file.h"

G_BEGIN_DECLS

typedef struct
{
  GHashTable *dates;      /* file argument (and its basename) -> YYYY-MM-DD */
  char      **lexicons;
  char      **aliases;
  char       *data_dir;
  char       *workspace_path;   /* --workspace WS.xml */
  FzWorkspaceState *workspace;  /* loaded by fz_cli_common_each_document */
  gint        jobs;       /* --jobs; 0: FANZHA_JOBS, or one a processor */
} FzCliCommon;

/* Options every analysing command takes: --date FILE=YYYY-MM-DD, --lexicon, --aliases,
 * --data-dir, --jobs, --workspace (the analyst's dates and decisions, applied as the app
 * applies them). */
GOptionGroup *fz_cli_common_options     (FzCliCommon  *common);
void          fz_cli_common_clear       (FzCliCommon  *common);
/* The --workspace file, read once; NULL without the option (and @error unset) or on failure. */
FzWorkspaceState *fz_cli_common_workspace (FzCliCommon  *common,
                                         GError      **error);
FzPipeline   *fz_cli_common_pipeline    (FzCliCommon  *common,
                                         GError      **error);
/* How many threads the command's files are spread over. */
guint         fz_cli_common_jobs        (FzCliCommon  *common);

typedef void (*FzCliResultFunc) (gpointer    result,
                                 gpointer    done_data);
/* Finds the files of @paths (a folder: its pages, as the app opens it), runs @work on each on
 * a pool of threads and hands each result to @done on the calling thread, in order; a file
 * that fails gets its line on stderr at its turn. Returns how many failed. */
guint         fz_cli_common_each_file   (FzCliCommon      *common,
                                         char            **paths,
                                         guint             n_paths,
                                         FzLoaderWorkFunc  work,
                                         gpointer          work_data,
                                         GDestroyNotify    free_result,
                                         FzCliResultFunc   done,
                                         gpointer          done_data);
typedef void (*FzCliPipelineFunc) (FzPipeline *pipeline,
                                   gpointer    user_data);
typedef void (*FzCliDocumentFunc) (FzPipeline *pipeline,
                                   FzDocument *document,
                                   gpointer    user_data);

/* Makes the pipeline and hands it to @ready (if not NULL), then loads and analyses the
 * files and folders of @paths on a pool of threads and hands each to @func on the calling thread, in the
 * order of @paths. A file that fails, or the pipeline's own data, gets its line on stderr.
 * Returns FZ_CLI_OK, or FZ_CLI_SOME_FAILED when anything could not be read. */
int           fz_cli_common_each_document (FzCliCommon      *common,
                                           char            **paths,
                                           int               n_paths,
                                           FzCliPipelineFunc ready,
                                           FzCliDocumentFunc func,
                                           gpointer          user_data);
/* Loads and analyses the @n_paths files as fz_cli_common_each_document() does and feeds each
 * to @index, regions rolled up to @level; *@lexicon (when not NULL) gets the pipeline's
 * lexicon. Returns as fz_cli_common_each_document() does. */
int           fz_cli_common_feed_index  (FzCliCommon    *common,
                                         char          **paths,
                                         int             n_paths,
                                         FzIndex        *index,
                                         FzRegionLevel   level,
                                         FzLexicon     **lexicon);
/* The index options of `index`, `series`, `chart` and `export` as given; NULL: not given. */
typedef struct
{
  char  *level;
  char  *period;
  char  *method;
  char **weights;
} FzCliIndexArgs;

typedef enum
{
  FZ_CLI_INDEX_LEVEL,
  FZ_CLI_INDEX_PERIOD,
  FZ_CLI_INDEX_METHOD,
  FZ_CLI_INDEX_WEIGHT,
} FzCliIndexOption;

/* The entry of one index option, storing into @args: the same words in every command. */
GOptionEntry  fz_cli_index_entry        (FzCliIndexArgs       *args,
                                         FzCliIndexOption      option);
void          fz_cli_index_args_clear   (FzCliIndexArgs       *args);
/* Reads the index options given into @opts, leaving the rest as @opts has them; a usage
 * error (G_OPTION_ERROR) names option and value. @opts->period then points into @args. */
gboolean      fz_cli_index_options_apply (FzIndexOptions       *opts,
                                          const FzCliIndexArgs *args,
                                          GError              **error);
/* The index settings a command runs with: the workspace's (--workspace), as the app uses them,
 * or the defaults, then what the options say. FALSE with @error for a workspace that cannot
 * be read (FZ_ERROR) or a bad option (G_OPTION_ERROR). */
gboolean      fz_cli_common_index_options (FzCliCommon          *common,
                                           const FzCliIndexArgs *args,
                                           FzIndexOptions       *opts,
                                           GError              **error);
/* Writes @len bytes of @text with tabs, line breaks and backslashes escaped. */
void          fz_cli_write_field        (GString      *out,
                                         const char   *text,
                                         gssize        len);
int           fz_cli_parse              (GOptionContext *context,
                                         int           *argc,
                                         char        ***argv);

G_END_DECLS
