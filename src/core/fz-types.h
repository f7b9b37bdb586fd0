/* fz-types.h: the enums the core shares; their nicks are the names TSV and XML write. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a figure is (spec/figures.md, "kind"). */
typedef enum
{
  FZ_KIND_COUNT,
  FZ_KIND_MONEY,
  FZ_KIND_PERCENT,
  FZ_KIND_SCORE,
  FZ_KIND_DURATION,
  FZ_KIND_AREA,
  FZ_KIND_DATE,
  FZ_KIND_ORDINAL,
  FZ_KIND_IDENTIFIER,
  FZ_N_KINDS /*< skip >*/
} FzKind;

/* 余/多/以上 over, 约/近 about, 不到/以下 under. */
typedef enum
{
  FZ_QUALIFIER_EXACT,
  FZ_QUALIFIER_OVER,
  FZ_QUALIFIER_ABOUT,
  FZ_QUALIFIER_UNDER
} FzQualifier;

typedef enum
{
  FZ_CHANGE_NONE,
  FZ_CHANGE_UP,
  FZ_CHANGE_DOWN,
  FZ_CHANGE_FLAT
} FzChange;

/* 同比 year on year, 环比 month on month. */
typedef enum
{
  FZ_BASIS_NONE,
  FZ_BASIS_YOY,
  FZ_BASIS_MOM
} FzBasis;

typedef enum
{
  FZ_REGION_LEVEL_UNKNOWN,   /* as a filter: any level */
  FZ_REGION_LEVEL_PROVINCE,
  FZ_REGION_LEVEL_CITY,
  FZ_REGION_LEVEL_COUNTY,
  FZ_REGION_LEVEL_TOWNSHIP,
  FZ_N_REGION_LEVELS /*< skip >*/
} FzRegionLevel;

/* What an observation of the index measures. */
typedef enum
{
  FZ_VALUE_LEVEL,   /* a count or an amount as reported */
  FZ_VALUE_YOY,     /* 同比 change, signed percent */
  FZ_VALUE_MOM,     /* 环比 change, signed percent */
  FZ_VALUE_RATE,    /* a rate (破案率, 劝阻成功率) in percent */
  FZ_VALUE_SHARE,   /* a share of a whole (占刑事案件比重) in percent */
  FZ_VALUE_SCORE,   /* points on a scale */
  FZ_N_VALUE_KINDS /*< skip >*/
} FzValueKind;

/* The six dimensions of the index (docs/index-method.md). */
typedef enum
{
  FZ_DIMENSION_OUTCOME,
  FZ_DIMENSION_STRIKE,
  FZ_DIMENSION_PREVENTION,
  FZ_DIMENSION_CONTROL,
  FZ_DIMENSION_OUTREACH,
  FZ_DIMENSION_GOVERNANCE,
  FZ_N_DIMENSIONS /*< skip >*/
} FzDimension;

typedef enum
{
  FZ_NORMALISATION_MIN_MAX,
  FZ_NORMALISATION_PERCENTILE,
  FZ_NORMALISATION_GOALPOSTS
} FzNormalisation;

/* The nick of @value, or "" for an unknown value; "none" and "unknown" read as "" too, as
 * the TSV columns leave such a field empty. */
const char *fz_enum_to_string   (GType        type,
                                 int          value);
/* The value whose nick is @str ("" reads as the "none" or "unknown" value, if the enum has
 * one); FALSE when no value has it. */
gboolean    fz_enum_from_string (GType        type,
                                 const char  *str,
                                 int         *value);

G_END_DECLS

#include "fz-enum-types.h"
