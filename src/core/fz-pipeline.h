/* fz-pipeline.h: from a loaded document to attributed figures: extract, attribute, date, period. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-document.h"
#include "fz-gazetteer.h"
#include "fz-lexicon.h"

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
const char  *fz_pipeline_get_data_dir     (FzPipeline    *self);
/* Finds the figures of @document and what, where and when each measures; sets the
 * document's date from its masthead when the analyst has not set one. Thread-safe. */
void         fz_pipeline_analyze          (FzPipeline    *self,
                                           FzDocument    *document);
/* The analyst states when @document was published (YYYY-MM-DD, or NULL to read it from the
 * page again); its figures' periods are resolved anew. */
void         fz_pipeline_set_document_date (FzPipeline   *self,
                                           FzDocument    *document,
                                           const char    *iso_date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzPipeline, fz_pipeline_unref)

G_END_DECLS
