/* fz-pipeline-private.h: the stages of fz_pipeline_run () on a text it decodes once. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-gazetteer.h"
#include "fz-lexicon.h"
#include "fz-figure.h"

G_BEGIN_DECLS

/* fz_attribute () and fz_period_assign () on @chars, the @n_chars characters of the text
 * (NUL-terminated, from fz_charset_to_ucs4 ()), which stay the caller's: the pipeline decodes
 * a page once for both stages. */
void  _fz_attribute_chars     (FzGazetteer    *gaz,
                               FzLexicon      *lex,
                               const gunichar *chars,
                               guint           n_chars,
                               GPtrArray      *articles,
                               FzFigureList   *figures);
void  _fz_period_assign_chars (const gunichar *chars,
                               guint           n_chars,
                               FzFigureList   *figures,
                               GPtrArray      *articles,
                               const GDate    *doc_date);

G_END_DECLS
