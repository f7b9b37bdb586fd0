/* fz-figure-table.c: figure columns over a filter and sort model, with counts by kind. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-figure-table.h"

struct _FzFigureTable
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkWidget          *search_entry;
  GtkWidget          *kind_dropdown;
  GtkWidget          *column_view;
  GtkWidget          *counts_label;
  GtkWidget          *status_button;

  GListModel         *items;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GtkStringFilter    *text_filter;
  GtkCustomFilter    *kind_filter;
  int                 kind;          /* -1: every kind */
  GtkCustomFilter    *status_filter;
  FzStatusFilter      status;
};

enum {
  SIGNAL_FIGURE_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FzFigureTable, fz_figure_table, GTK_TYPE_WIDGET)

typedef struct
{
  const char *title;
  const char *property;
  gboolean    numeric;    /* sort by the figure's position instead of the text */
  gboolean    expand;
  /* Widths in characters: the minimum keeps a column legible (the table scrolls sideways
   * rather than squeezing it), the natural one fits most values. */
  guint       min_chars;
  guint       nat_chars;
} Column;

static const Column columns[] = {
  { N_("Figure"), "text", TRUE, TRUE, 6, 10 },
  { N_("Kind"), "kind", FALSE, FALSE, 4, 8 },
  { N_("Value"), "value", FALSE, FALSE, 6, 10 },
  { N_("Unit"), "unit", FALSE, FALSE, 2, 4 },
  { N_("Indicator"), "indicator", FALSE, FALSE, 6, 14 },
  { N_("Region"), "region", FALSE, FALSE, 4, 8 },
  { N_("Period"), "period", FALSE, FALSE, 6, 12 },
};

/* An ellipsized value stays readable on hover. Asked for on hover, not set at every bind:
 * setting a tooltip on each cell made showing a page ten times slower. */
static gboolean
cell_query_tooltip (GtkWidget  *widget,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  const Column *column = user_data;
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), column->min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), column->nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (inscription, TRUE);
  g_signal_connect (inscription, "query-tooltip", G_CALLBACK (cell_query_tooltip), NULL);
  gtk_list_item_set_child (list_item, inscription);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  const Column *column = user_data;
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  g_object_get (item, column->property, &text, NULL);
  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
}

static void
add_columns (FzFigureTable *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter;
      GtkExpression *expr;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) &columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) &columns[i]);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      if (columns[i].numeric)
        {
          expr = gtk_property_expression_new (FZ_TYPE_FIGURE_ITEM, NULL, "start");
          sorter = GTK_SORTER (gtk_numeric_sorter_new (expr));
        }
      else
        {
          expr = gtk_property_expression_new (FZ_TYPE_FIGURE_ITEM, NULL, columns[i].property);
          sorter = GTK_SORTER (gtk_string_sorter_new (expr));
        }
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
      g_object_unref (sorter);
      g_object_unref (column);
    }
}

/* The status column and filter: what the analyst decided about each figure */

static void
setup_status_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_widget_add_css_class (box, "figure-status");
  gtk_list_item_set_child (list_item, box);
}

static void
bind_status_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  static const char *const classes[] = { "rejected", "added", "edited", "accepted" };
  FzFigureItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (image);
  guint32 flags = fz_figure_item_get_flags (item);
  const char *icon = fz_figure_status_icon_name (flags);

  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
  gtk_widget_set_visible (image, icon != NULL);
  gtk_label_set_text (GTK_LABEL (label), fz_figure_status_display_name (flags));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (box, classes[i]);
  if (flags & FZ_FIGURE_STATUS_REJECTED)
    gtk_widget_add_css_class (box, "rejected");
  else if (flags & FZ_FIGURE_STATUS_ADDED)
    gtk_widget_add_css_class (box, "added");
  else if (flags & FZ_FIGURE_STATUS_EDITED)
    gtk_widget_add_css_class (box, "edited");
  else if (flags & FZ_FIGURE_STATUS_ACCEPTED)
    gtk_widget_add_css_class (box, "accepted");
}

static void
add_status_column (FzFigureTable *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_status_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_status_cell), NULL);
  column = gtk_column_view_column_new (_("Status"), factory);
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (FZ_TYPE_FIGURE_ITEM,
                                                                           NULL, "status")));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
  g_object_unref (sorter);
  g_object_unref (column);
}

static gboolean
status_matches (gpointer item,
                gpointer user_data)
{
  FzFigureTable *self = user_data;
  guint32 flags = fz_figure_item_get_flags (item);
  guint32 decided = FZ_FIGURE_STATUS_ADDED | FZ_FIGURE_STATUS_EDITED | FZ_FIGURE_STATUS_REJECTED
                    | FZ_FIGURE_STATUS_ACCEPTED;

  switch (self->status)
    {
    case FZ_STATUS_FILTER_CHANGED: return (flags & FZ_FIGURE_STATUS_EDITED) != 0;
    case FZ_STATUS_FILTER_ADDED: return (flags & FZ_FIGURE_STATUS_ADDED) != 0;
    case FZ_STATUS_FILTER_REJECTED: return (flags & FZ_FIGURE_STATUS_REJECTED) != 0;
    case FZ_STATUS_FILTER_UNREVIEWED: return (flags & decided) == 0;
    case FZ_STATUS_FILTER_CORE: return fz_figure_item_get_figure (item)->core != 0;
    case FZ_STATUS_FILTER_ALL:
    default: return TRUE;
    }
}

/* The filter's names, as the "table.status" action's state, in FzStatusFilter order. */
static const char *const status_names[FZ_N_STATUS_FILTERS] = {
  "all", "changed", "added", "rejected", "unreviewed", "core",
};

static void
status_changed (GSimpleAction *action,
                GVariant      *state,
                gpointer       user_data)
{
  FzFigureTable *self = user_data;
  const char *name = g_variant_get_string (state, NULL);

  self->status = FZ_STATUS_FILTER_ALL;
  for (guint i = 0; i < FZ_N_STATUS_FILTERS; i++)
    if (g_str_equal (name, status_names[i]))
      self->status = i;
  g_simple_action_set_state (action, state);
  /* A filtered list says so on its button, so a short list is not taken for the whole. */
  if (self->status == FZ_STATUS_FILTER_ALL)
    gtk_widget_remove_css_class (self->status_button, "status-filtered");
  else
    gtk_widget_add_css_class (self->status_button, "status-filtered");
  gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
fz_figure_table_set_status_filter (FzFigureTable  *self,
                                   FzStatusFilter  filter)
{
  g_return_if_fail (FZ_IS_FIGURE_TABLE (self));
  g_return_if_fail (filter < FZ_N_STATUS_FILTERS);
  gtk_widget_activate_action (GTK_WIDGET (self), "table.status", "s", status_names[filter]);
}

/* A menu button, not a drop-down: beside the search and the kinds it must fit a narrow pane. */
static void
init_status_filter (FzFigureTable  *self,
                    GtkMultiFilter *every)
{
  const char *labels[FZ_N_STATUS_FILTERS] = { _("All figures"), _("Changed"), _("Added"),
                                              _("Rejected"), _("Not yet reviewed"),
                                              _("Core only") };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();

  self->status_filter = gtk_custom_filter_new (status_matches, self, NULL);
  gtk_multi_filter_append (every, GTK_FILTER (self->status_filter));
  action = g_simple_action_new_stateful ("status", G_VARIANT_TYPE_STRING,
                                         g_variant_new_string ("all"));
  g_signal_connect (action, "change-state", G_CALLBACK (status_changed), self);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "table", G_ACTION_GROUP (group));
  for (guint i = 0; i < FZ_N_STATUS_FILTERS; i++)
    {
      g_autofree char *detailed = g_strdup_printf ("table.status::%s", status_names[i]);

      g_menu_append (menu, labels[i], detailed);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->status_button), G_MENU_MODEL (menu));
}

static gboolean
kind_matches (gpointer item,
              gpointer user_data)
{
  FzFigureTable *self = user_data;

  return self->kind < 0 || fz_figure_item_get_figure (item)->kind == (guint) self->kind;
}

static void
kind_changed (FzFigureTable *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind_dropdown));

  self->kind = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
  gtk_filter_changed (GTK_FILTER (self->kind_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
selection_changed (FzFigureTable *self)
{
  FzFigureItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_FIGURE_SELECTED], 0, item);
}

static void
update_counts (FzFigureTable *self)
{
  guint counts[FZ_N_KINDS] = { 0 };
  guint n = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzFigureItem) item = g_list_model_get_item (self->items, i);
      counts[fz_figure_item_get_figure (item)->kind]++;
    }
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u figure", "%u figures", n), n);
  for (guint k = 0; k < FZ_N_KINDS; k++)
    if (counts[k] > 0)
      g_string_append_printf (text, " · %s %u", fz_kind_display_name (k), counts[k]);
  gtk_label_set_text (GTK_LABEL (self->counts_label), text->str);
}

void
fz_figure_table_set_items (FzFigureTable *self,
                           GListModel    *items)
{
  g_return_if_fail (FZ_IS_FIGURE_TABLE (self));

  g_set_object (&self->items, items);
  gtk_filter_list_model_set_model (self->filtered, items);
  update_counts (self);
}

GListModel *
fz_figure_table_get_model (FzFigureTable *self)
{
  g_return_val_if_fail (FZ_IS_FIGURE_TABLE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

guint
fz_figure_table_get_n_shown (FzFigureTable *self)
{
  g_return_val_if_fail (FZ_IS_FIGURE_TABLE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

FzFigureItem *
fz_figure_table_get_selected (FzFigureTable *self)
{
  g_return_val_if_fail (FZ_IS_FIGURE_TABLE (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

void
fz_figure_table_select_item (FzFigureTable *self,
                             FzFigureItem  *item)
{
  GListModel *model;
  guint n;

  g_return_if_fail (FZ_IS_FIGURE_TABLE (self));

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzFigureItem) candidate = g_list_model_get_item (model, i);

      if (candidate == item)
        {
          GtkWidget *list_view = find_list_view (self->column_view);

          g_signal_handlers_block_by_func (self->selection, selection_changed, self);
          gtk_single_selection_set_selected (self->selection, i);
          g_signal_handlers_unblock_by_func (self->selection, selection_changed, self);
          /* GTK 4.8 has no gtk_column_view_scroll_to: use the list's own action. */
          if (list_view != NULL)
            gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", i);
          return;
        }
    }
}

static void
fz_figure_table_dispose (GObject *object)
{
  FzFigureTable *self = FZ_FIGURE_TABLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_FIGURE_TABLE);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (fz_figure_table_parent_class)->dispose (object);
}

static void
fz_figure_table_class_init (FzFigureTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_figure_table_dispose;

  signals[SIGNAL_FIGURE_SELECTED] =
    g_signal_new ("figure-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, FZ_TYPE_FIGURE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fanzha/Fanzha/ui/fz-figure-table.ui");
  gtk_widget_class_bind_template_child (widget_class, FzFigureTable, box);
  gtk_widget_class_bind_template_child (widget_class, FzFigureTable, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FzFigureTable, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzFigureTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, FzFigureTable, counts_label);
  gtk_widget_class_bind_template_child (widget_class, FzFigureTable, status_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figuretable");
}

static void
fz_figure_table_init (FzFigureTable *self)
{
  const char *kinds[FZ_N_KINDS + 2] = { _("All kinds") };
  g_autoptr(GtkStringList) kind_list = NULL;
  GtkExpression *search_expr;
  GtkEveryFilter *every;
  GtkSorter *view_sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->kind = -1;

  add_status_column (self);
  add_columns (self);

  search_expr = gtk_property_expression_new (FZ_TYPE_FIGURE_ITEM, NULL, "search-text");
  self->text_filter = gtk_string_filter_new (search_expr);
  gtk_string_filter_set_match_mode (self->text_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  g_object_bind_property (self->search_entry, "text", self->text_filter, "search",
                          G_BINDING_SYNC_CREATE);
  self->kind_filter = gtk_custom_filter_new (kind_matches, self, NULL);
  every = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (self->text_filter));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (self->kind_filter));
  init_status_filter (self, GTK_MULTI_FILTER (every));

  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (every));
  view_sorter = gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                          g_object_ref (view_sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view),
                             GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed), self);

  for (guint k = 0; k < FZ_N_KINDS; k++)
    kinds[k + 1] = fz_kind_display_name (k);
  kind_list = gtk_string_list_new (kinds);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->kind_dropdown), G_LIST_MODEL (kind_list));
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (kind_changed), self);
  update_counts (self);
}

GtkWidget *
fz_figure_table_new (void)
{
  return g_object_new (FZ_TYPE_FIGURE_TABLE, NULL);
}
