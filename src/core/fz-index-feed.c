/* fz-index-feed.c: from figures (kind, change, basis, region, period) to observations. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index-feed.h"
#include "fz-period.h"

#include <stdlib.h>
#include <string.h>

void
fz_index_feed_lexicon (FzIndex   *index,
                       FzLexicon *lexicon)
{
  g_return_if_fail (index != NULL);
  g_return_if_fail (lexicon != NULL);

  for (guint i = 0; i < fz_lexicon_get_n (lexicon); i++)
    {
      const FzIndicator *indicator = fz_lexicon_get (lexicon, i);

      /* An analyst's file may name a dimension the index does not know: it is skipped. */
      fz_index_add_indicator (index, indicator->id, indicator->dimension,
                              indicator->polarity == FZ_POLARITY_LOWER, NULL);
    }
}

static FzValueKind
value_kind (const FzFigure *f,
            const char     *indicator)
{
  if (f->kind == FZ_KIND_SCORE)
    return FZ_VALUE_SCORE;
  if (f->kind != FZ_KIND_PERCENT)
    return FZ_VALUE_LEVEL;
  if (f->basis == FZ_BASIS_MOM)
    return FZ_VALUE_MOM;
  /* A change with no basis stated is read as against the same stretch a year before. */
  if (f->basis == FZ_BASIS_YOY || f->change != FZ_CHANGE_NONE)
    return FZ_VALUE_YOY;
  if (strstr (indicator, "share") != NULL)
    return FZ_VALUE_SHARE;
  return FZ_VALUE_RATE;
}

/* The gazetteer entry the figure's region stands for: the name, disambiguated by its code. */
static guint32
figure_place (FzGazetteer        *gazetteer,
              const FzFigureList *figures,
              const FzFigure     *f)
{
  guint32 ids[16];
  guint n = fz_gazetteer_lookup_name (gazetteer, fz_figure_list_str (figures, f->region),
                                      ids, G_N_ELEMENTS (ids));

  for (guint i = 0; i < MIN (n, G_N_ELEMENTS (ids)); i++)
    if (f->region_code == 0 || fz_gazetteer_get_nearest_code (gazetteer, ids[i]) == f->region_code)
      return ids[i];
  return f->region_code != 0 ? fz_gazetteer_lookup_code (gazetteer, f->region_code)
                             : FZ_GAZETTEER_NONE;
}

static FzRegionLevel
place_level (FzGazetteer *gazetteer,
             guint32      id)
{
  guint level = fz_gazetteer_get_level (gazetteer, id);

  return level >= 1 && level <= 4 ? (FzRegionLevel) level : FZ_REGION_LEVEL_UNKNOWN;
}

/* What one document's figures are read against. */
typedef struct
{
  FzIndex       *index;
  FzGazetteer   *gazetteer;
  FzDocument    *document;
  char          *path;
  FzFigureList  *figures;
  const char    *text;
  guint          year;
  FzRegionLevel  level;
} Feed;

/* A zone keeps its own name, with the city it lies in for a reader to place it. */
static char *
place_name (FzGazetteer *gazetteer,
            guint32      target)
{
  guint32 city;

  if (fz_gazetteer_get_place_type (gazetteer, target) == FZ_PLACE_DIVISION)
    return g_strdup (fz_gazetteer_get_name (gazetteer, target));
  city = fz_gazetteer_rollup (gazetteer, target, FZ_REGION_LEVEL_CITY);
  return city != FZ_GAZETTEER_NONE
    ? g_strdup_printf ("%s (%s)", fz_gazetteer_get_name (gazetteer, target),
                       fz_gazetteer_get_name (gazetteer, city))
    : g_strdup (fz_gazetteer_get_name (gazetteer, target));
}

/* Sets the observation's region, rolled up to the asked level; FALSE when the
 * figure has no place at that level. @name keeps the text obs->region points to. */
static gboolean
set_region (const Feed     *feed,
            const FzFigure *f,
            FzObservation  *obs,
            char          **name)
{
  guint32 place = figure_place (feed->gazetteer, feed->figures, f);
  guint32 target = place;

  obs->region = fz_figure_list_str (feed->figures, f->region);
  obs->region_code = f->region_code;
  obs->level = FZ_REGION_LEVEL_UNKNOWN;
  if (place == FZ_GAZETTEER_NONE)
    return feed->level == FZ_REGION_LEVEL_UNKNOWN;
  if (feed->level != FZ_REGION_LEVEL_UNKNOWN)
    {
      target = fz_gazetteer_rollup (feed->gazetteer, place, feed->level);
      if (target == FZ_GAZETTEER_NONE)
        return FALSE;
    }
  *name = place_name (feed->gazetteer, target);
  obs->region = *name;
  obs->region_code = fz_gazetteer_get_nearest_code (feed->gazetteer, target);
  obs->level = place_level (feed->gazetteer, target);
  return TRUE;
}

static gboolean
feed_figure (const Feed     *feed,
             const FzFigure *f)
{
  FzFigureList *figures = feed->figures;
  const char *indicator = fz_figure_list_str (figures, f->indicator);
  const char *period = fz_figure_list_str (figures, f->period);
  g_autofree char *figure_text = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *name = NULL;
  FzObservation obs = { 0 };

  if (*indicator == '\0' || !f->core || f->region == 0)
    return FALSE;
  if (!set_region (feed, f, &obs, &name))
    return FALSE;
  obs.indicator = indicator;
  obs.value_kind = value_kind (f, indicator);
  obs.value = g_ascii_strtod (fz_figure_list_str (figures, f->value), NULL);
  /* 增加93宗 is a difference, which no level compares with; 下降为零 is the level 0. */
  if (f->kind != FZ_KIND_PERCENT && f->kind != FZ_KIND_SCORE && f->change != FZ_CHANGE_NONE &&
      obs.value != 0)
    return FALSE;
  if (f->change == FZ_CHANGE_DOWN)
    obs.value = -obs.value;
  obs.unit = fz_figure_list_str (figures, f->unit);
  /* Amounts are compared in renminbi: a sum in 港元 or 美元 is not one, and no rate is known. */
  if (f->kind == FZ_KIND_MONEY && strcmp (obs.unit, "元") != 0)
    return FALSE;
  obs.qualifier = f->qualifier;
  resolved = feed->year > 0 ? fz_period_resolve_string (period, feed->year) : NULL;
  obs.period = resolved != NULL ? resolved : period;
  obs.document = fz_document_get_name (feed->document);
  obs.path = feed->path;
  obs.article = f->article;
  obs.start = f->start;
  obs.end = f->end;
  figure_text = g_strndup (feed->text + f->byte_start, f->byte_end - f->byte_start);
  obs.text = figure_text;
  return fz_index_add_observation (feed->index, &obs, NULL);
}

guint
fz_index_feed_figures (FzIndex       *index,
                       FzGazetteer   *gazetteer,
                       FzDocument    *document,
                       FzFigureList  *figures,
                       const char    *date,
                       FzRegionLevel  level)
{
  Feed feed = { index, gazetteer, document, NULL, figures, NULL, 0, level };
  GFile *file;
  guint n = 0;

  g_return_val_if_fail (index != NULL, 0);
  g_return_val_if_fail (gazetteer != NULL, 0);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), 0);

  if (figures == NULL)
    return 0;
  fz_index_set_gazetteer (index, gazetteer);
  file = fz_document_get_file (document);
  /* Two folders may each hold a page-1.txt: the path tells their figures apart. */
  feed.path = file != NULL ? g_file_get_path (file) : g_strdup (fz_document_get_name (document));
  feed.text = fz_document_get_text (document, NULL);
  if (date != NULL)
    feed.year = (guint) strtoul (date, NULL, 10);

  for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
    if (feed_figure (&feed, fz_figure_list_get (figures, i)))
      n++;
  g_free (feed.path);
  return n;
}

guint
fz_index_feed_document (FzIndex       *index,
                        FzGazetteer   *gazetteer,
                        FzDocument    *document,
                        FzRegionLevel  level)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), 0);

  return fz_index_feed_figures (index, gazetteer, document, fz_document_get_figures (document),
                                fz_document_get_date (document), level);
}
