/* fz-figure-item.c: a figure as a GObject with the properties the figure list shows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-figure-item.h"

struct _FzFigureItem
{
  GObject       parent_instance;
  FzFigureList *list;
  guint         index;
  guint         view_start;   /* code points in the reader's buffer */
  guint         view_end;
  char         *text;
  char         *indicator_name;   /* the lexicon's name for the indicator, when known */
  guint32       flags;            /* FzFigureStatusFlags: what the analyst decided */
};

enum {
  PROP_0,
  PROP_TEXT,
  PROP_KIND,
  PROP_VALUE,
  PROP_UNIT,
  PROP_QUALIFIER,
  PROP_INDICATOR,
  PROP_REGION,
  PROP_PERIOD,
  PROP_START,
  PROP_SEARCH_TEXT,
  PROP_STATUS,
  PROP_FLAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FzFigureItem, fz_figure_item, G_TYPE_OBJECT)

static const char *
fz_figure_item_get_indicator (FzFigureItem *self)
{
  const FzFigure *f = fz_figure_list_get (self->list, self->index);

  return self->indicator_name != NULL ? self->indicator_name
                                      : fz_figure_list_str (self->list, f->indicator);
}

const FzFigure *
fz_figure_item_get_figure (FzFigureItem *self)
{
  g_return_val_if_fail (FZ_IS_FIGURE_ITEM (self), NULL);
  return fz_figure_list_get (self->list, self->index);
}

const char *
fz_kind_display_name (FzKind kind)
{
  static const char *names[FZ_N_KINDS] = {
    N_("count"), N_("money"), N_("percent"), N_("score"), N_("duration"), N_("area"),
    N_("date"), N_("ordinal"), N_("identifier"),
  };

  g_return_val_if_fail (kind < FZ_N_KINDS, "");
  return _(names[kind]);
}

const char *
fz_figure_item_get_kind_name (FzFigureItem *self)
{
  return fz_kind_display_name (fz_figure_item_get_figure (self)->kind);
}

/* The word for what the analyst decided, strongest first: a rejected figure that was also
 * edited reads as rejected. */
const char *
fz_figure_status_display_name (guint32 flags)
{
  if (flags & FZ_FIGURE_STATUS_REJECTED)
    return _("rejected");
  if (flags & FZ_FIGURE_STATUS_ADDED)
    return _("added");
  if (flags & FZ_FIGURE_STATUS_EDITED)
    return _("changed");
  if (flags & FZ_FIGURE_STATUS_ACCEPTED)
    return _("accepted");
  return "";
}

/* A symbolic icon for the same, or NULL for an untouched figure. */
const char *
fz_figure_status_icon_name (guint32 flags)
{
  if (flags & FZ_FIGURE_STATUS_REJECTED)
    return "action-unavailable-symbolic";
  if (flags & FZ_FIGURE_STATUS_ADDED)
    return "list-add-symbolic";
  if (flags & FZ_FIGURE_STATUS_EDITED)
    return "document-edit-symbolic";
  if (flags & FZ_FIGURE_STATUS_ACCEPTED)
    return "object-select-symbolic";
  return NULL;
}

static const char *
qualifier_name (FzQualifier qualifier)
{
  switch (qualifier)
    {
    case FZ_QUALIFIER_OVER: return _("over");
    case FZ_QUALIFIER_ABOUT: return _("about");
    case FZ_QUALIFIER_UNDER: return _("under");
    case FZ_QUALIFIER_EXACT:
    default: return "";
    }
}

static void
fz_figure_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FzFigureItem *self = FZ_FIGURE_ITEM (object);
  const FzFigure *f = fz_figure_item_get_figure (self);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_KIND:
      g_value_set_string (value, fz_figure_item_get_kind_name (self));
      break;
    case PROP_VALUE:
      g_value_set_string (value, fz_figure_list_str (self->list, f->value));
      break;
    case PROP_UNIT:
      g_value_set_string (value, fz_figure_list_str (self->list, f->unit));
      break;
    case PROP_QUALIFIER:
      g_value_set_string (value, qualifier_name (f->qualifier));
      break;
    case PROP_INDICATOR:
      g_value_set_string (value, fz_figure_item_get_indicator (self));
      break;
    case PROP_REGION:
      g_value_set_string (value, fz_figure_list_str (self->list, f->region));
      break;
    case PROP_PERIOD:
      g_value_set_string (value, fz_figure_list_str (self->list, f->period));
      break;
    case PROP_START:
      g_value_set_uint (value, f->start);
      break;
    case PROP_SEARCH_TEXT:
      g_value_take_string (value, g_strjoin (" ", self->text, fz_figure_item_get_kind_name (self),
                                             fz_figure_list_str (self->list, f->value),
                                             fz_figure_list_str (self->list, f->unit),
                                             fz_figure_item_get_indicator (self),
                                             fz_figure_list_str (self->list, f->region),
                                             fz_figure_list_str (self->list, f->period), NULL));
      break;
    case PROP_STATUS:
      g_value_set_string (value, fz_figure_status_display_name (self->flags));
      break;
    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_figure_item_finalize (GObject *object)
{
  FzFigureItem *self = FZ_FIGURE_ITEM (object);

  g_clear_pointer (&self->list, fz_figure_list_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->indicator_name, g_free);
  G_OBJECT_CLASS (fz_figure_item_parent_class)->finalize (object);
}

static void
fz_figure_item_class_init (FzFigureItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = fz_figure_item_get_property;
  object_class->finalize = fz_figure_item_finalize;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_QUALIFIER] = g_param_spec_string ("qualifier", NULL, NULL, NULL, flags);
  properties[PROP_INDICATOR] = g_param_spec_string ("indicator", NULL, NULL, NULL, flags);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_PERIOD] = g_param_spec_string ("period", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_FLAGS] = g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_figure_item_init (FzFigureItem *self)
{
}

FzFigureItem *
fz_figure_item_new (FzFigureList *list,
                    guint         index,
                    const char   *text,
                    guint         view_start,
                    guint         view_end)
{
  FzFigureItem *self;

  g_return_val_if_fail (list != NULL, NULL);
  g_return_val_if_fail (index < fz_figure_list_get_n (list), NULL);

  self = g_object_new (FZ_TYPE_FIGURE_ITEM, NULL);
  self->list = fz_figure_list_ref (list);
  self->index = index;
  self->text = g_strdup (text);
  self->view_start = view_start;
  self->view_end = view_end;
  return self;
}

guint
fz_figure_item_get_index (FzFigureItem *self)
{
  g_return_val_if_fail (FZ_IS_FIGURE_ITEM (self), 0);
  return self->index;
}

guint
fz_figure_item_get_view_start (FzFigureItem *self)
{
  g_return_val_if_fail (FZ_IS_FIGURE_ITEM (self), 0);
  return self->view_start;
}

guint
fz_figure_item_get_view_end (FzFigureItem *self)
{
  g_return_val_if_fail (FZ_IS_FIGURE_ITEM (self), 0);
  return self->view_end;
}

const char *
fz_figure_item_get_text (FzFigureItem *self)
{
  g_return_val_if_fail (FZ_IS_FIGURE_ITEM (self), NULL);
  return self->text;
}

static const char *
change_text (const FzFigure *f)
{
  static const char *texts[3][4] = {
    /* none, up, down, flat */
    { "", N_("up"), N_("down"), N_("flat") },
    { "", N_("up year on year (同比上升)"), N_("down year on year (同比下降)"),
      N_("flat year on year (同比持平)") },
    { "", N_("up on the previous period (环比上升)"), N_("down on the previous period (环比下降)"),
      N_("flat on the previous period (环比持平)") },
  };

  return texts[MIN (f->basis, 2)][MIN (f->change, 3)];
}

char *
fz_figure_item_dup_tooltip (FzFigureItem *self)
{
  const FzFigure *f;
  g_autofree char *value = NULL;
  GString *out;
  const char *s;

  g_return_val_if_fail (FZ_IS_FIGURE_ITEM (self), NULL);

  f = fz_figure_item_get_figure (self);
  value = fz_figure_format_value (self->list, f);
  out = g_string_new (NULL);
  g_string_append_printf (out, "%s → %s", self->text, value);
  if (f->qualifier != FZ_QUALIFIER_EXACT)
    g_string_append_printf (out, ", %s", qualifier_name (f->qualifier));
  g_string_append_printf (out, "\n%s: %s", _("Kind"), fz_figure_item_get_kind_name (self));
  s = change_text (f);
  if (*s != '\0')
    g_string_append_printf (out, "\n%s: %s", _("Change"), _(s));
  if (*(s = fz_figure_item_get_indicator (self)) != '\0')
    g_string_append_printf (out, "\n%s: %s", _("Indicator"), s);
  if (*(s = fz_figure_list_str (self->list, f->region)) != '\0')
    g_string_append_printf (out, "\n%s: %s", _("Region"), s);
  if (*(s = fz_figure_list_str (self->list, f->period)) != '\0')
    g_string_append_printf (out, "\n%s: %s", _("Period"), s);
  return g_string_free (out, FALSE);
}

void
fz_figure_item_set_indicator_name (FzFigureItem *self,
                                   const char   *name)
{
  g_return_if_fail (FZ_IS_FIGURE_ITEM (self));

  g_free (self->indicator_name);
  self->indicator_name = g_strdup (name);
}

guint32
fz_figure_item_get_flags (FzFigureItem *self)
{
  g_return_val_if_fail (FZ_IS_FIGURE_ITEM (self), 0);
  return self->flags;
}

FzFigureId
fz_figure_item_get_id (FzFigureItem *self)
{
  const FzFigure *f = fz_figure_item_get_figure (self);

  return FZ_FIGURE_ID (f->start, f->end);
}

/* The figure as corrected now: every property may have changed, and a bound list row reads
 * them again when it is bound again (the reader puts the item back in its store). */
void
fz_figure_item_set_figure (FzFigureItem *self,
                           FzFigureList *list,
                           guint         index,
                           guint32       flags)
{
  g_return_if_fail (FZ_IS_FIGURE_ITEM (self));
  g_return_if_fail (list != NULL && index < fz_figure_list_get_n (list));

  fz_figure_list_ref (list);
  g_clear_pointer (&self->list, fz_figure_list_unref);
  self->list = list;
  self->index = index;
  self->flags = flags;
}

FzFigureList *
fz_figure_item_get_list (FzFigureItem *self)
{
  g_return_val_if_fail (FZ_IS_FIGURE_ITEM (self), NULL);
  return self->list;
}
