/* fz-decisions-field.c: the figure fields an analyst sets: names, checking what was typed,
 * and writing a field into a figure. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-decisions-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fz-error.h"
#include "fz-numeral.h"
#include "fz-period.h"

static const char * const field_names[FZ_N_FIGURE_FIELDS] = {
  "kind", "value", "unit", "qualifier", "change", "basis", "indicator", "region", "period",
  "core",
};

const char *
fz_figure_field_to_string (FzFigureField field)
{
  g_return_val_if_fail (field < FZ_N_FIGURE_FIELDS, "");
  return field_names[field];
}

gboolean
fz_figure_field_from_string (const char    *str,
                             FzFigureField *field)
{
  for (guint i = 0; i < FZ_N_FIGURE_FIELDS; i++)
    if (g_strcmp0 (str, field_names[i]) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

typedef const char *(*NameFunc) (guint value);

/* The index of @value among the names of an enum of @n values, or -1; "none" names 0. */
static int
enum_index (NameFunc    names,
            guint       n,
            const char *value)
{
  if (g_str_equal (value, "none") && names (0)[0] == '\0')
    return 0;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (value, names (i)))
      return (int) i;
  return -1;
}

static int
field_enum_index (FzFigureField field,
                  const char   *value)
{
  switch (field)
    {
    case FZ_FIGURE_FIELD_KIND:
      return enum_index ((NameFunc) fz_kind_to_string, FZ_N_KINDS, value);
    case FZ_FIGURE_FIELD_QUALIFIER:
      return enum_index ((NameFunc) fz_qualifier_to_string, FZ_QUALIFIER_UNDER + 1, value);
    case FZ_FIGURE_FIELD_CHANGE:
      return enum_index ((NameFunc) fz_change_to_string, FZ_CHANGE_FLAT + 1, value);
    case FZ_FIGURE_FIELD_BASIS:
      return enum_index ((NameFunc) fz_basis_to_string, FZ_BASIS_MOM + 1, value);
    case FZ_FIGURE_FIELD_CORE:
      if (g_str_equal (value, "1") || g_str_equal (value, "true") || g_str_equal (value, "yes"))
        return 1;
      if (g_str_equal (value, "0") || g_str_equal (value, "false") || g_str_equal (value, "no"))
        return 0;
      return -1;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
field_is_enum (FzFigureField field)
{
  return field == FZ_FIGURE_FIELD_KIND || field == FZ_FIGURE_FIELD_QUALIFIER ||
         field == FZ_FIGURE_FIELD_CHANGE || field == FZ_FIGURE_FIELD_BASIS ||
         field == FZ_FIGURE_FIELD_CORE;
}

/* A number in any form the numeral parser reads (97.7亿, 三成) becomes its exact decimal; other
 * text (a date, an identifier) stays as typed. */
static char *
normalise_value (const char *value)
{
  FzDecimal d;
  gsize consumed = 0;
  gsize len = strlen (value);

  if (fz_numeral_parse (value, len, &d, &consumed) && consumed == len)
    return fz_decimal_to_string (&d);
  return g_strdup (value);
}

char *
_fz_figure_field_normalise (FzFigureField   field,
                            const char     *value,
                            GError        **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value != NULL ? value : ""));
  int index;

  g_return_val_if_fail (field < FZ_N_FIGURE_FIELDS, NULL);
  if (!g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID, _("The value is not valid UTF-8 text"));
      return NULL;
    }
  if (field_is_enum (field))
    {
      index = field_enum_index (field, stripped);
      if (index < 0)
        {
          g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID, _("“%s” is not a valid %s"), stripped,
                       field_names[field]);
          return NULL;
        }
      if (field == FZ_FIGURE_FIELD_CORE)
        return g_strdup (index ? "1" : "0");
      /* kind, qualifier, change and basis share the same shape of name table */
      return g_strdup (field == FZ_FIGURE_FIELD_KIND ? fz_kind_to_string (index)
                       : field == FZ_FIGURE_FIELD_QUALIFIER ? fz_qualifier_to_string (index)
                       : field == FZ_FIGURE_FIELD_CHANGE ? fz_change_to_string (index)
                       : fz_basis_to_string (index));
    }
  if (field == FZ_FIGURE_FIELD_PERIOD && stripped[0] != '\0' &&
      !fz_period_parse (stripped, -1, &(FzPeriod) { 0 }, NULL))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   _("“%s” is not a period of the form START/END (e.g. 2022-01/2022-03)"),
                   stripped);
      return NULL;
    }
  if (field == FZ_FIGURE_FIELD_VALUE)
    return normalise_value (stripped);
  return g_steal_pointer (&stripped);
}

void
_fz_figure_field_apply (FzFigureList  *list,
                        FzFigure      *f,
                        FzFigureField  field,
                        const char    *canonical)
{
  int index = field_is_enum (field) ? field_enum_index (field, canonical) : 0;

  g_return_if_fail (index >= 0);
  switch (field)
    {
    case FZ_FIGURE_FIELD_KIND: f->kind = index; break;
    case FZ_FIGURE_FIELD_QUALIFIER: f->qualifier = index; break;
    case FZ_FIGURE_FIELD_CHANGE: f->change = index; break;
    case FZ_FIGURE_FIELD_BASIS: f->basis = index; break;
    case FZ_FIGURE_FIELD_CORE: f->core = index; break;
    case FZ_FIGURE_FIELD_VALUE: f->value = fz_figure_list_intern (list, canonical, -1); break;
    case FZ_FIGURE_FIELD_UNIT: f->unit = fz_figure_list_intern (list, canonical, -1); break;
    case FZ_FIGURE_FIELD_INDICATOR:
      f->indicator = fz_figure_list_intern (list, canonical, -1);
      break;
    case FZ_FIGURE_FIELD_REGION:
      /* The index finds the place by its name when the code is unknown. */
      f->region = fz_figure_list_intern (list, canonical, -1);
      f->region_code = 0;
      break;
    case FZ_FIGURE_FIELD_PERIOD: f->period = fz_figure_list_intern (list, canonical, -1); break;
    default: g_assert_not_reached ();
    }
}

char *
fz_figure_field_get (const FzFigureList *list,
                     const FzFigure     *f,
                     FzFigureField       field)
{
  switch (field)
    {
    case FZ_FIGURE_FIELD_KIND: return g_strdup (fz_kind_to_string (f->kind));
    case FZ_FIGURE_FIELD_QUALIFIER: return g_strdup (fz_qualifier_to_string (f->qualifier));
    case FZ_FIGURE_FIELD_CHANGE: return g_strdup (fz_change_to_string (f->change));
    case FZ_FIGURE_FIELD_BASIS: return g_strdup (fz_basis_to_string (f->basis));
    case FZ_FIGURE_FIELD_CORE: return g_strdup (f->core ? "1" : "0");
    case FZ_FIGURE_FIELD_VALUE: return g_strdup (fz_figure_list_str (list, f->value));
    case FZ_FIGURE_FIELD_UNIT: return g_strdup (fz_figure_list_str (list, f->unit));
    case FZ_FIGURE_FIELD_INDICATOR: return g_strdup (fz_figure_list_str (list, f->indicator));
    case FZ_FIGURE_FIELD_REGION: return g_strdup (fz_figure_list_str (list, f->region));
    case FZ_FIGURE_FIELD_PERIOD: return g_strdup (fz_figure_list_str (list, f->period));
    default: g_return_val_if_reached (NULL);
    }
}

static void
set_field (FzDecision    *decision,
           FzFigureField  field,
           const char    *value)
{
  g_free (decision->fields[field]);
  decision->fields[field] = g_strdup (value);
}

void
_fz_figure_prefill (FzDecision *decision,
                    const char *quote)
{
  gsize len = strlen (quote);
  FzDecimal d;
  gsize consumed = 0;
  const char *p = quote;
  gboolean money;

  /* A number may follow a word of the selection (“共计97.7亿元”): start at its first digit. */
  while (*p != '\0' && !fz_numeral_parse (p, len - (p - quote), &d, &consumed))
    p = g_utf8_next_char (p);
  for (guint i = 0; i < FZ_N_FIGURE_FIELDS; i++)
    set_field (decision, i, "");
  set_field (decision, FZ_FIGURE_FIELD_QUALIFIER, "exact");
  if (*p == '\0')
    {
      set_field (decision, FZ_FIGURE_FIELD_KIND, "identifier");
      set_field (decision, FZ_FIGURE_FIELD_VALUE, quote);
      set_field (decision, FZ_FIGURE_FIELD_CORE, "0");
      return;
    }
  g_free (decision->fields[FZ_FIGURE_FIELD_VALUE]);
  decision->fields[FZ_FIGURE_FIELD_VALUE] = fz_decimal_to_string (&d);
  g_free (decision->fields[FZ_FIGURE_FIELD_UNIT]);
  decision->fields[FZ_FIGURE_FIELD_UNIT] = g_strstrip (g_strdup (p + consumed));
  /* The extractor writes a percent's unit as "%" whether it read % or 百分之. */
  if ((d.flags & FZ_NUMERAL_PERCENT) && decision->fields[FZ_FIGURE_FIELD_UNIT][0] == '\0')
    set_field (decision, FZ_FIGURE_FIELD_UNIT, "%");
  money = strstr (p + consumed, "元") != NULL;
  set_field (decision, FZ_FIGURE_FIELD_KIND, (d.flags & FZ_NUMERAL_PERCENT) ? "percent"
             : money ? "money" : "count");
  if (d.flags & FZ_NUMERAL_OVER)
    set_field (decision, FZ_FIGURE_FIELD_QUALIFIER, "over");
  set_field (decision, FZ_FIGURE_FIELD_CORE, "1");
}
