/* fz-pipeline.h: from a loaded document to attributed figures: extract, attribute, date, period. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-analysis.h"
#include "fz-document.h"
#include "fz-gazetteer.h"
#include "fz-lexicon.h"

/* The flow of one document, stage by stage (file: function):
 *
 *  1. load      fz-loader.c: fz_loader_load_async ()   files and folders, on worker threads
 *               fz-document-read.c: fz_document_read ()   checks (size, special, binary)
 *               fz-charset.c: fz_charset_decode ()   GB18030, Big5, UTF-16 → UTF-8
 *  2. repair    fz-layout.c: fz_layout_new ()   lines broken by PDF copying, spaced characters,
 *               with a two-way offset map (fz_document_get_layout ())
 *  3. segment   fz-segmenter.c: fz_segment ()   articles: titles, bylines, bodies (at load,
 *               fz-document.c: fz_document_new_from_data ())
 *  4. extract   fz-extractor.c: fz_extract ()   every figure: kind, value, unit, qualifier, change
 *  5. attribute fz-attribution.c: fz_attribute ()   indicator (fz-lexicon), region (fz-gazetteer)
 *  6. date      fz-document-date.c: fz_doc_date_find ()   the page's publication date
 *  7. period    fz-period-finder.c: fz_period_assign ()   the stretch of time of each figure
 *     (stages 4 to 7 are fz_pipeline_run () below; it decodes the text into characters once
 *     and runs 5 and 7 on them: fz-pipeline-private.h)
 *  8. decisions the analyst's corrections over the machine's figures (FzWorkspace)
 *  9. index     fz-index-feed.c: fz_index_feed_document (), fz-index-compute.c: fz_index_compute ()
 *
 * FzWorkspace drives the flow for the app (fz-workspace-load.c: a document joins the list after
 * stage 3, and stages 4 to 7 follow on other workers through fz_pipeline_run_apart (), stored by
 * fz_analysis_apply () on the main thread), fz-cli-common.c for the command line.
 */

G_BEGIN_DECLS

/* Immutable once built, so worker threads may share it. */
typedef struct _FzPipeline FzPipeline;

/* Loads the lexicon and the gazetteer from @data_dir (NULL: the installed data, or
 * $FANZHA_DATADIR, or the source tree's data/ when run uninstalled), then the analyst's own
 * indicators.tsv and region-aliases.tsv from the user config folder's fanzha/, if there. */
FzPipeline  *fz_pipeline_new              (const char    *data_dir,
                                           GError       **error);
FzPipeline  *fz_pipeline_ref              (FzPipeline    *self);
void         fz_pipeline_unref            (FzPipeline    *self);
/* The analyst's own indicators or zone aliases, same columns as the shipped files. */
gboolean     fz_pipeline_add_lexicon_file (FzPipeline    *self,
                                           const char    *path,
                                           GError       **error);
gboolean     fz_pipeline_add_aliases_file (FzPipeline    *self,
                                           const char    *path,
                                           GError       **error);
FzLexicon   *fz_pipeline_get_lexicon      (FzPipeline    *self);
FzGazetteer *fz_pipeline_get_gazetteer    (FzPipeline    *self);
/* Builds the pipeline on a worker thread (reading the gazetteer takes a moment). */
void         fz_pipeline_new_async        (const char          *data_dir,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
FzPipeline  *fz_pipeline_new_finish       (GAsyncResult        *result,
                                           GError             **error);
/* Stages 4 to 7 without changing @document: its figures, with periods resolved against @date
 * (YYYY-MM-DD), or, when @date is NULL, against the date the page prints, returned in
 * @found_date (NULL when none). Thread safety: the pipeline is immutable; the run reads the
 * document's text (immutable) and articles, and writes an article's region only when it
 * differs from the one there, which happens only at a document's first analysis. So any
 * thread may run a document that has been analysed once, while others read it. */
FzFigureList *fz_pipeline_run             (FzPipeline    *self,
                                           FzDocument    *document,
                                           const char    *date,
                                           char         **found_date);
/* The same, for a document other threads may be reading: it writes nothing to @document (its
 * articles' regions go into copies); the owner stores the result with fz_analysis_apply ().
 * Any thread, any document, at any time. */
FzAnalysis   *fz_pipeline_run_apart       (FzPipeline    *self,
                                           FzDocument    *document,
                                           const char    *date);
/* Runs the pipeline and stores the result in @document (figures, and the page's date when
 * none was set): for a document nobody else sees yet, as on the loader's worker threads. */
void         fz_pipeline_analyze          (FzPipeline    *self,
                                           FzDocument    *document);
/* The same with the code points of @document's text as fz_document_load_chars () gave them
 * (NULL: decoded here), so that the text is decoded once. */
void         fz_pipeline_analyze_chars    (FzPipeline     *self,
                                           FzDocument     *document,
                                           const gunichar *chars,
                                           guint           n_chars);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzPipeline, fz_pipeline_unref)

G_END_DECLS
