/* fz-attribution-private.h: scanning context and helpers shared by the attribution. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-attribution.h"

#include <string.h>
#include <wchar.h>
#include "fz-text-private.h"
#include "fz-search-private.h"

G_BEGIN_DECLS

/* Characters that join the items of a list (立案数、损失数; 发案和损失). */
#define LIST_JOINERS  "、和及与"

static inline gboolean
is_list_joiner (gunichar c)
{
  return c == 0x3001 /* 、 */ || c == 0x548C /* 和 */ || c == 0x53CA /* 及 */ ||
         c == 0x4E0E /* 与 */;
}

/* Characters that end a sentence or a clause for the attribution (a ； ends its sentence). */
static inline gboolean
is_sentence_end_char (gunichar c)
{
  switch (c)
    {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case '!':
    case '?':
    case 0xFF1B: /* ； */
    case ';':
      return TRUE;
    default:
      return FALSE;
    }
}

static inline gboolean
is_clause_end_char (gunichar c)
{
  switch (c)
    {
    case 0xFF0C: /* ， */
    case ',':
    case 0xFF1A: /* ： */
    case ':':
      return TRUE;
    default:
      return is_sentence_end_char (c);
    }
}

typedef enum
{
  BOUND_SENTENCE,
  BOUND_CLAUSE,
} Bound;

/* A set of words, decoded at its first use (fz-attribution-words.c) and only read after. */
#define FZ_WORD_SET_MAX_WORDS 32
#define FZ_WORD_SET_MAX_CHARS 8

typedef struct
{
  const char * const *words;
  guint               n_words;
  gsize               ready;
  gunichar            chars[FZ_WORD_SET_MAX_WORDS][FZ_WORD_SET_MAX_CHARS];
  guint               len[FZ_WORD_SET_MAX_WORDS];
  guint64             first[64];  /* the first characters, folded to 4096 bits */
} FzWordSet;

/* At file scope (a compound literal elsewhere is not constant):
 * static FzWordSet story_words = FZ_WORD_SET ("女士", "先生"); */
#define FZ_WORD_SET(...) \
  { (const char * const []) { __VA_ARGS__ }, \
    sizeof ((const char * const []) { __VA_ARGS__ }) / sizeof (const char *), 0, { { 0 } }, \
    { 0 }, { 0 } }

/* Division -> weight, for the support of an article or the page: open addressing, as it is
 * read for every ancestor of every candidate (fz-attribution-weights.c). */
typedef struct
{
  guint32 *ids;      /* FZ_GAZETTEER_NONE where free */
  double  *weights;
  guint    mask;     /* slots - 1, 0 before the first add */
  guint    n;
} Weights;

void   _fz_weights_add   (Weights *w,
                          guint32  id,
                          double   weight);
void   _fz_weights_clear (Weights *w);

/* Ids are small and dense, so a multiplicative hash spreads them; a page names a few dozen
 * divisions, and their ancestors are read far more often than they are added. */
static inline guint
_fz_weights_slot (const Weights *w,
                  guint32        id)
{
  return (id * 0x9E3779B1u) & w->mask;
}

/* Inline: it is read for every ancestor of every candidate. */
static inline double
_fz_weights_get (const Weights *w,
                 guint32        id)
{
  if (w == NULL || w->ids == NULL)
    return 0.0;
  for (guint s = _fz_weights_slot (w, id); w->ids[s] != FZ_GAZETTEER_NONE; s = (s + 1) & w->mask)
    if (w->ids[s] == id)
      return w->weights[s];
  return 0.0;
}

typedef struct
{
  guint32     start;
  guint32     end;
  const char *name;
  /* Into the scan's pools of candidates (Ctx.mention_ids, .mention_shorts), set once the
   * scan is over and the pools stop growing. */
  const guint32 *ids;
  const guint8  *shorts;
  guint       first;       /* index of the first candidate in the pools */
  guint       n_ids;
  gboolean    generic;
  int         article;
  guint32     id;          /* the division chosen, FZ_GAZETTEER_NONE when dropped */
  gboolean    is_short;
  gboolean    ambiguous;
  /* A zone noun right after the place that holds it (西安高新区): that mention's index + 1, and
   * the name they make together; 0 and NULL otherwise. */
  guint       holder;
  const char *held_name;
} Mention;

typedef struct
{
  guint32  start;
  guint32  end;
  const guint *inds;       /* the lexicon's, or Ctx.solved_ind */
  guint    n_inds;
  gboolean verb;
  gboolean neutral;
  gboolean rate;
  gboolean involved;  /* the amount a case involves: 涉案金额 */
} Trigger;

typedef struct
{
  guint32     start;
  guint32     end;
  guint32     title_start;
  guint32     title_end;
  gboolean    fraud;
  gboolean    policing;
  guint32     main;         /* main region, FZ_GAZETTEER_NONE when none */
  const char *main_written; /* the main region as written */
  Weights     support;      /* division -> weight of the mentions that can mean it */
} ArticleInfo;

#define FZ_ATTRIBUTION_CACHE 16

typedef struct
{
  FzGazetteer  *gaz;
  FzLexicon    *lex;
  FzFigureList *figures;
  const gunichar *u;         /* the text's characters, the caller's */
  glong         n;
  GArray       *mentions;   /* Mention */
  GStringChunk *held_names; /* Mention.held_name, made when a page has one */
  /* Made in one pass over the page (read_page () in fz-attribution.c), all ascending: */
  guint32      *pos;             /* the compact text: where the characters other than space are */
  guint         n_pos;
  guint32      *lex_starts;      /* indices into @pos where a trigger may start */
  guint         n_lex_starts;
  guint32      *word_at;         /* where a word of the page's word sets may start */
  guint         n_word_at;
  guint32      *paragraph_ends;  /* the line breaks that end a paragraph */
  guint         n_paragraph_ends;
  guint32      *clause_ends;     /* where a clause or a sentence ends */
  guint         n_clause_ends;
  guint32      *sentence_ends;   /* where a sentence ends */
  guint         n_sentence_ends;
  /* Plain buffers while the gazetteer scan fills them, a hundred items or so a page. */
  guint32      *mention_ids;     /* the candidates of every mention, in turn */
  guint8       *mention_shorts;  /* whether each is a short name */
  guint         n_mention_ids;
  guint         mention_ids_size;
  Mention      *found;           /* the mentions, until they go to @mentions in one go */
  guint         n_found;
  guint         found_size;
  guint         solved_ind;      /* the indicators of 破 and 发 triggers (add_solving_triggers) */
  guint         reported_ind;
  int           suspects_ind;    /* suspects_arrested and card_cases, looked up once a page */
  int           cards_ind;
  int           losses_ind;
  /* The strings interned in the page's figure list so far, by address: a page's figures share
   * a few regions and indicators, whose strings stay put while the page is attributed. */
  guint         n_interned;
  const char   *interned_str[FZ_ATTRIBUTION_CACHE];
  guint32       interned_at[FZ_ATTRIBUTION_CACHE];
  gboolean      figures_in_order;  /* sorted by start, none inside another: search, not walk */
  guint32      *fig_starts;        /* where each figure starts, for that search */
  GArray       *triggers;   /* Trigger */
  ArticleInfo  *arts;
  guint         n_arts;
  gboolean      arts_given;      /* FALSE: the page is one article the caller did not give */
  Weights       page_support;
  Weights       written_full; /* division ids that the text writes in full -> 1 or more */
  /* The words the indicator of the figure at hand was read from. */
  guint32       cue_start;
  guint32       cue_end;
  gboolean      cue_verb;
  /* The last paragraph is_story_paragraph() looked at: figures come in order, and
   * scanning a whole paragraph again for each of its figures is quadratic. */
  guint32       par_from;   /* the figure it was found from */
  guint32       par_end;
  guint32       par_floor;
  guint32       par_ceil;
  gboolean      par_story;
  gboolean      par_valid;
  /* What whole_unit_level () has read of a paragraph: its figures come in order. */
  guint32       whole_par;    /* the paragraph's start + 1, 0 before the first */
  guint32       whole_par_end;
  guint32       whole_to;     /* read up to here */
  guint32       whole_at;     /* the last 全省, 全市… that governs what follows */
  int           whole_level;  /* -1: none */
  const char   *whole_unit;   /* 市 or 区, which a place's own name may end with */
  /* The last sentence _fz_attribution_is_other_crime() looked at, and its answer. */
  guint32       crime_start;
  guint32       crime_end;
  gboolean      crime_answer;
  gboolean      crime_valid;
  /* The last sentence is_story_sentence () looked at, and its answer. */
  guint32       story_start;
  guint32       story_end;
  gboolean      story_answer;
  gboolean      story_valid;
} Ctx;

/* Where one figure stands: the stretch it may look in (its article, or its
 * article's title), its sentence and its clause. */
typedef struct
{
  int     article;
  guint32 floor;
  guint32 ceil;
  guint32 sentence_start;
  guint32 sentence_end;
  guint32 clause_start;
  guint32 clause_end;
} Span;

/* fz-attribution.c: the text */
gboolean _fz_attribution_contains      (const gunichar     *u,
                                        guint32             start,
                                        guint32             end,
                                        const char         *word);
guint32  _fz_attribution_bound_left    (Ctx                *ctx,
                                        guint32             pos,
                                        guint32             floor,
                                        Bound               bound);
guint32  _fz_attribution_bound_right   (Ctx                *ctx,
                                        guint32             pos,
                                        guint32             ceil,
                                        Bound               bound);
guint32  _fz_attribution_skip_space    (Ctx                *ctx,
                                        guint32             pos,
                                        guint32             limit);
int      _fz_attribution_article_of    (Ctx                *ctx,
                                        guint32             pos);
guint32  _fz_attribution_intern        (Ctx                *ctx,
                                        const char         *str);

/* Whether a word of @words stands in [start, end). @words must be one of the sets whose first
 * characters page_chars () in fz-attribution.c marks for the page's pass. */
gboolean _fz_attribution_has_word       (Ctx                *ctx,
                                         guint32             start,
                                         guint32             end,
                                         FzWordSet          *words);
gboolean _fz_attribution_is_other_crime (Ctx                *ctx,
                                         guint32             start,
                                         guint32             end);

/* The index of the first of @n items (@size bytes apart from @base, each starting with a
 * guint32 in ascending order) that is at or after @pos. */
static inline guint
_fz_attribution_lower_bound (gconstpointer base,
                             gsize         size,
                             guint         n,
                             guint32       pos)
{
  return _fz_search_first_from (base, size, 0, n, pos);
}

/* The first @c of the @n characters at @u, or NULL: wmemchr () runs through many at a time
 * where a wide character is a code point. */
static inline const gunichar *
_fz_attribution_find_char (const gunichar *u,
                           gunichar        c,
                           gsize           n)
{
#if WCHAR_MAX >= 0x10FFFF
  if (sizeof (wchar_t) == sizeof (gunichar) && c <= 0x7FFFFFFF)
    return (const gunichar *) wmemchr ((const wchar_t *) u, (wchar_t) c, n);
#endif
  for (gsize k = 0; k < n; k++)
    if (u[k] == c)
      return u + k;
  return NULL;
}

/* The index in @list (ascending, @n of them) of the first place at or after @pos: every
 * figure asks for its sentence and clause. */
static inline guint
_fz_attribution_first_from (const guint32 *list,
                            guint          n,
                            guint32        pos)
{
  return _fz_attribution_lower_bound (list, sizeof (guint32), n, pos);
}

/* The number of figures that start before @pos, when the figures are in text order: a search
 * in the page's plain list of their starts. */
static inline guint
_fz_attribution_figures_before (const Ctx *ctx,
                                guint32    pos)
{
  return _fz_attribution_first_from (ctx->fig_starts, fz_figure_list_get_n (ctx->figures), pos);
}

/* The mentions or triggers that start before @pos. The scans found them left to right, so
 * they are sorted by start, which each begins with: a search skips to the first in a span
 * instead of walking the page's list for every figure. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (Mention, start) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (Trigger, start) == 0);

static inline guint
_fz_attribution_mentions_before (const Ctx *ctx,
                                 guint32    pos)
{
  return _fz_attribution_lower_bound (ctx->mentions->data, sizeof (Mention), ctx->mentions->len,
                                      pos);
}

static inline guint
_fz_attribution_triggers_before (const Ctx *ctx,
                                 guint32    pos)
{
  return _fz_attribution_lower_bound (ctx->triggers->data, sizeof (Trigger), ctx->triggers->len,
                                      pos);
}

/* fz-attribution-region.c: whether 全 at @k (全省, 全国…) opens its clause or follows a time, in
 * text from @floor: the whole division is the subject, not a scope or a rank. */
gboolean _fz_attribution_whole_opens (Ctx     *ctx,
                                      guint32  k,
                                      guint32  floor);

/* fz-attribution-words.c: whether one of @words stands at @i, ending by @end */
gboolean _fz_attribution_word_at       (const gunichar     *u,
                                        guint32             i,
                                        guint32             end,
                                        FzWordSet          *words);
/* fz-attribution-words.c: whether one of @words stands in [start, end) */
gboolean _fz_attribution_contains_any  (const gunichar     *u,
                                        guint32             start,
                                        guint32             end,
                                        FzWordSet          *words);
/* fz-attribution-words.c: the same, looking only at @at, which holds (ascending) every place
 * of [start, end) where a word of @words starts */
gboolean _fz_attribution_contains_any_at (const gunichar   *u,
                                          const guint32    *at,
                                          guint             n_at,
                                          guint32           start,
                                          guint32           end,
                                          FzWordSet        *words);
void     _fz_attribution_mark_first_chars (FzWordSet       *words,
                                           guint8          *bits);

/* fz-attribution-region.c: which division a figure is about */
void        _fz_attribution_collect_support  (Ctx            *ctx);
void        _fz_attribution_resolve_mentions (Ctx            *ctx);
const char *_fz_attribution_written_name     (Ctx            *ctx,
                                              guint32         id,
                                              int             article,
                                              const char     *as_written);
guint32     _fz_attribution_figure_list_in_clause (Ctx            *ctx,
                                                   const FzFigure *fig,
                                                   guint32         clause_start,
                                                   guint32         clause_end,
                                                   guint          *n_out,
                                                   guint          *pos_out);
void        _fz_attribution_assign_region    (Ctx            *ctx,
                                              guint           index,
                                              FzFigure       *fig,
                                              const Span     *span);

/* fz-attribution-article.c: each article's main place */
void     _fz_attribution_choose_main_regions (Ctx            *ctx);

/* fz-attribution-indicator.c: which indicator governs a figure */
int      _fz_attribution_find_indicator      (Ctx            *ctx,
                                              guint           index,
                                              guint32         sentence_start,
                                              guint32         sentence_end,
                                              guint32         clause_start,
                                              guint32         clause_end);

/* fz-attribution-indicator.c: helpers the lists share */
void     _fz_attribution_set_cue             (Ctx            *ctx,
                                              guint32         start,
                                              guint32         end);
gboolean _fz_attribution_trigger_accepts     (Ctx            *ctx,
                                              const Trigger  *t,
                                              const FzFigure *fig,
                                              guint          *ind);
gboolean _fz_attribution_overlaps_figure     (Ctx            *ctx,
                                              guint32         start,
                                              guint32         end);
gboolean _fz_attribution_has_char_in         (Ctx            *ctx,
                                              guint32         start,
                                              guint32         end,
                                              const char     *chars);
int      _fz_attribution_indicator_of_figure (Ctx            *ctx,
                                              guint           pick,
                                              const FzFigure *fig);

/* fz-attribution-lists.c: lists that pair up */
int      _fz_attribution_noun_list           (Ctx            *ctx,
                                              const FzFigure *fig,
                                              guint32         sentence_start,
                                              guint32         clause_start,
                                              guint32         clause_end);
int      _fz_attribution_respectively        (Ctx            *ctx,
                                              guint           index,
                                              guint32         sentence_start,
                                              guint32         sentence_end,
                                              guint32         clause_start);

/* fz-attribution-figure.c: one figure; the word sets it searches, marked as for
 * _fz_attribution_mark_first_chars () */
void     _fz_attribution_figure_mark_words   (guint8         *bits);

void     _fz_attribution_figure              (Ctx            *ctx,
                                              guint           index);

G_END_DECLS
