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

guint
fz_index_feed_document (FzIndex       *index,
                        FzGazetteer   *gazetteer,
                        FzDocument    *document,
                        FzRegionLevel  level)
{
  FzFigureList *figures;
  const char *text;
  const char *date;
  guint year = 0, n = 0;

  g_return_val_if_fail (index != NULL, 0);
  g_return_val_if_fail (gazetteer != NULL, 0);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), 0);

  figures = fz_document_get_figures (document);
  if (figures == NULL)
    return 0;
  text = fz_document_get_text (document, NULL);
  date = fz_document_get_date (document);
  if (date != NULL)
    year = (guint) strtoul (date, NULL, 10);

  for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
    {
      const FzFigure *f = fz_figure_list_get (figures, i);
      const char *indicator = fz_figure_list_str (figures, f->indicator);
      const char *period = fz_figure_list_str (figures, f->period);
      g_autofree char *figure_text = NULL;
      g_autofree char *resolved = NULL;
      g_autofree char *name = NULL;
      FzObservation obs = { 0 };
      guint32 place;

      if (*indicator == '\0' || !f->core || f->region == 0)
        continue;
      place = figure_place (gazetteer, figures, f);
      obs.region = fz_figure_list_str (figures, f->region);
      obs.region_code = f->region_code;
      obs.level = FZ_REGION_LEVEL_UNKNOWN;
      if (place != FZ_GAZETTEER_NONE)
        {
          guint32 target = place;

          if (level != FZ_REGION_LEVEL_UNKNOWN)
            {
              target = fz_gazetteer_rollup (gazetteer, place, level);
              if (target == FZ_GAZETTEER_NONE)
                continue;
            }
          /* A zone keeps its own name, with the city it lies in for a reader to place it. */
          if (fz_gazetteer_get_place_type (gazetteer, target) != FZ_PLACE_DIVISION)
            {
              guint32 city = fz_gazetteer_rollup (gazetteer, target, FZ_REGION_LEVEL_CITY);

              name = city != FZ_GAZETTEER_NONE
                ? g_strdup_printf ("%s (%s)", fz_gazetteer_get_name (gazetteer, target),
                                   fz_gazetteer_get_name (gazetteer, city))
                : g_strdup (fz_gazetteer_get_name (gazetteer, target));
            }
          else
            name = g_strdup (fz_gazetteer_get_name (gazetteer, target));
          obs.region = name;
          obs.region_code = fz_gazetteer_get_nearest_code (gazetteer, target);
          obs.level = place_level (gazetteer, target);
        }
      else if (level != FZ_REGION_LEVEL_UNKNOWN)
        continue;

      obs.indicator = indicator;
      obs.value_kind = value_kind (f, indicator);
      obs.value = g_ascii_strtod (fz_figure_list_str (figures, f->value), NULL);
      if (f->change == FZ_CHANGE_DOWN)
        obs.value = -obs.value;
      obs.unit = fz_figure_list_str (figures, f->unit);
      obs.qualifier = f->qualifier;
      resolved = year > 0 ? fz_period_resolve_string (period, year) : NULL;
      obs.period = resolved != NULL ? resolved : period;
      obs.document = fz_document_get_name (document);
      obs.article = f->article;
      obs.start = f->start;
      obs.end = f->end;
      figure_text = g_strndup (text + f->byte_start, f->byte_end - f->byte_start);
      obs.text = figure_text;
      if (fz_index_add_observation (index, &obs, NULL))
        n++;
    }
  return n;
}
