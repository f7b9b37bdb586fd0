/* fz-lexicon.h: the anti-fraud indicators, their dimension, polarity, kinds and trigger words. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-figure.h"

G_BEGIN_DECLS

/* The same numbers as FzFigure.polarity. */
typedef enum
{
  FZ_POLARITY_NONE,
  FZ_POLARITY_HIGHER,   /* higher is better */
  FZ_POLARITY_LOWER     /* lower is better */
} FzPolarity;

typedef struct
{
  char       *id;
  char       *name_zh;
  char       *name_en;
  char       *dimension;
  FzPolarity  polarity;
  guint       kinds;      /* bit (1 << FzKind) for each kind it may measure */
  GPtrArray  *triggers;   /* char * */
  GPtrArray  *units;      /* char *: the measure words a count of it may have; empty: any */
} FzIndicator;

/* What a trigger word does in a sentence, beyond naming indicators. */
typedef enum
{
  FZ_TRIGGER_VERB         = 1 << 0,  /* an action: 破获, 劝阻 */
  FZ_TRIGGER_INVOLVED     = 1 << 1,  /* the amount a case involves: 涉案金额 */
  FZ_TRIGGER_NEUTRAL_VERB = 1 << 2,  /* an action among the neutral words: 查询 */
} FzTriggerRole;

/* One trigger word found by fz_lexicon_scan(); offsets are code points. */
typedef struct
{
  guint32      start;
  guint32      end;
  const char  *trigger;
  const guint *indicators;   /* indices for fz_lexicon_get() */
  guint        n_indicators;
  guint        roles;        /* FzTriggerRole */
} FzTriggerMatch;

typedef void (*FzLexiconScanFunc) (const FzTriggerMatch *match,
                                   gpointer              user_data);

typedef struct _FzLexicon FzLexicon;

FzLexicon         *fz_lexicon_new               (void);
FzLexicon         *fz_lexicon_new_from_file     (const char        *path,
                                                 GError           **error);
FzLexicon         *fz_lexicon_ref               (FzLexicon         *self);
void               fz_lexicon_unref             (FzLexicon         *self);
gboolean           fz_lexicon_add_from_file     (FzLexicon         *self,
                                                 const char        *path,
                                                 GError           **error);
gboolean           fz_lexicon_add_from_data     (FzLexicon         *self,
                                                 const char        *data,
                                                 gssize             len,
                                                 const char        *origin,
                                                 GError           **error);
guint              fz_lexicon_get_n             (FzLexicon         *self);
const FzIndicator *fz_lexicon_get               (FzLexicon         *self,
                                                 guint              index);
int                fz_lexicon_find              (FzLexicon         *self,
                                                 const char        *id);
const FzIndicator *fz_lexicon_lookup            (FzLexicon         *self,
                                                 const char        *id);
void               fz_lexicon_scan              (FzLexicon         *self,
                                                 const char        *text,
                                                 gssize             len,
                                                 FzLexiconScanFunc  func,
                                                 gpointer           user_data);

gboolean           fz_indicator_accepts_kind    (const FzIndicator *indicator,
                                                 FzKind             kind);
gboolean           fz_indicator_accepts_unit    (const FzIndicator *indicator,
                                                 FzKind             kind,
                                                 const char        *unit);
gboolean           fz_lexicon_unit_fits_any     (FzLexicon         *self,
                                                 FzKind             kind,
                                                 const char        *unit);
const char        *fz_polarity_to_string        (FzPolarity         polarity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzLexicon, fz_lexicon_unref)

G_END_DECLS
