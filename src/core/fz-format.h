/* fz-format.h: values, dates, periods and ids as a person reads them, in the interface language. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-figure.h"

G_BEGIN_DECLS

/* How numbers are grouped: 3,800万 in Chinese, 38 million in English. The words themselves
 * come from gettext, so a caller passes the style of the language gettext is using. */
typedef enum
{
  FZ_FORMAT_LANG_EN,
  FZ_FORMAT_LANG_ZH
} FzFormatLang;

/* The style of the translation in use (its catalogue says which). */
FzFormatLang  fz_format_lang_current    (void);

/* An exact decimal ("38000000") for a person: "38 million" or "3,800万". */
char         *fz_format_number          (const char   *decimal,
                                         FzFormatLang  lang);
/* An ISO partial date ("2019-05", "--06-06", "2021"): "May 2019", "6 June" ("6 June (year
 * unknown)" with @say_unknown_year). Returns a copy of @iso when it is not such a date. */
char         *fz_format_date            (const char   *iso,
                                         gboolean      say_unknown_year);
/* A period START/END (spec/figures.md): "January 2026 to date", "up to 15 July", "this year".
 * Returns a copy of @period when it does not parse; "" for the empty period. */
char         *fz_format_period          (const char   *period);
/* A figure's value with its unit and qualifier: "over 38 million yuan", "43.26%". */
char         *fz_format_value           (FzKind        kind,
                                         const char   *value,
                                         const char   *unit,
                                         FzQualifier   qualifier,
                                         FzFormatLang  lang);
/* An amount with its change and basis: "down 43.26% year on year"; @amount alone when there
 * is no change. */
char         *fz_format_change          (FzChange      change,
                                         FzBasis       basis,
                                         const char   *amount);
/* A lexicon id without a name ("cases_reported"): "cases reported". */
char         *fz_format_indicator_id    (const char   *id);

G_END_DECLS
