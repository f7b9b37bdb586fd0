/* fz-figure-table.c: figure columns over a filter and sort model, each row marked with what the
 * analyst decided, with counts by kind. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-figure-table.h"
#include "fz-format.h"

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

  GtkWidget          *column_scroller;  /* the columns, or else */
  GtkWidget          *no_results_page;
  GtkWidget          *details_scroller;
  GtkWidget          *details_grid;
  char               *source_name;   /* the document, for the doc column of a copy */
  FzFigureList       *source_figures;  /* its figures: the indicator ids of a copy */
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

/* A change as an arrow: the words ("down 18.6% year on year") would not fit the column; the
 * details and the tooltip say them. */
static const char *
change_arrow (guint8 change)
{
  switch (change)
    {
    case FZ_CHANGE_UP: return "↑ ";
    case FZ_CHANGE_DOWN: return "↓ ";
    case FZ_CHANGE_FLAT: return "→ ";
    default: return "";
    }
}

/* A cell as a person reads it: the value with its unit and change, the period and the
 * indicator in words; the machine forms stay in the copy (TSV). */
static char *
cell_text (const Column *column,
           FzFigureItem *item)
{
  const FzFigure *f = fz_figure_item_get_figure (item);
  g_autofree char *raw = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *value = NULL;

  g_object_get (item, column->property, &raw, NULL);
  if (g_str_equal (column->property, "period"))
    return fz_format_period (raw);
  if (g_str_equal (column->property, "indicator"))
    return fz_format_indicator_id (raw);
  if (!g_str_equal (column->property, "value"))
    return g_steal_pointer (&raw);
  g_object_get (item, "unit", &unit, NULL);
  value = fz_format_value (f->kind, raw, unit, f->qualifier, fz_format_lang_current ());
  return g_strconcat (change_arrow (f->change), value, NULL);
}

/* What the analyst decided as a CSS class, strongest first as in
 * fz_figure_status_display_name (); NULL for an untouched figure. */
static const char *
status_class (guint32 flags)
{
  if (flags & FZ_FIGURE_STATUS_REJECTED)
    return "rejected";
  if (flags & FZ_FIGURE_STATUS_ADDED)
    return "added";
  if (flags & FZ_FIGURE_STATUS_EDITED)
    return "edited";
  if (flags & FZ_FIGURE_STATUS_ACCEPTED)
    return "accepted";
  return NULL;
}

/* Rows are recycled: the class of the figure bound before goes. */
static void
set_status_class (GtkWidget *widget,
                  guint32    flags)
{
  static const char *const classes[] = { "rejected", "added", "edited", "accepted" };
  const char *wanted = status_class (flags);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (wanted == NULL || !g_str_equal (classes[i], wanted))
      gtk_widget_remove_css_class (widget, classes[i]);
  if (wanted != NULL)
    gtk_widget_add_css_class (widget, wanted);
}

static GtkWidget *
new_text_cell (const Column *column)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), column->min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), column->nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (inscription, TRUE);
  g_signal_connect (inscription, "query-tooltip", G_CALLBACK (cell_query_tooltip), NULL);
  gtk_widget_add_css_class (inscription, "figure-cell");
  return inscription;
}

/* The first column, the one always on screen, leads with a mark of what was decided: the
 * status column may be scrolled out of sight. */
static gboolean
is_first_column (const Column *column)
{
  return column == &columns[0];
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  const Column *column = user_data;
  GtkWidget *inscription = new_text_cell (column);
  GtkWidget *box, *mark;

  if (!is_first_column (column))
    {
      gtk_list_item_set_child (list_item, inscription);
      return;
    }
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  mark = gtk_image_new ();
  gtk_widget_add_css_class (mark, "figure-mark");
  /* Room for a mark in every row, so that the figures' texts line up. */
  gtk_widget_set_size_request (mark, 16, -1);
  gtk_widget_set_hexpand (inscription, TRUE);
  gtk_widget_add_css_class (inscription, "figure-text");
  gtk_box_append (GTK_BOX (box), mark);
  gtk_box_append (GTK_BOX (box), inscription);
  gtk_list_item_set_child (list_item, box);
}

/* GTK 4.8 gives a column no hold on its rows: the row is the cell's nearest ancestor with the
 * row role. */
static GtkWidget *
row_of_cell (GtkWidget *cell)
{
  GtkWidget *row = gtk_widget_get_parent (cell);

  while (row != NULL &&
         gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) != GTK_ACCESSIBLE_ROLE_ROW)
    row = gtk_widget_get_parent (row);
  return row;
}

static void
describe (GtkWidget  *widget,
          const char *status)
{
  if (widget == NULL)
    return;
  if (status == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    status, -1);
}

/* The mark (a shape, not a colour alone), and the decision in words for screen readers on the
 * cell and on its row. */
static void
bind_mark (GtkWidget    *box,
           GtkWidget    *mark,
           FzFigureItem *item)
{
  guint32 flags = fz_figure_item_get_flags (item);
  const char *icon = fz_figure_status_icon_name (flags);
  const char *status = icon != NULL ? fz_figure_status_display_name (flags) : NULL;

  gtk_image_set_from_icon_name (GTK_IMAGE (mark), icon);
  set_status_class (mark, flags);
  if (status != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    status, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL);
  /* An empty mark is room, not an image to announce. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_STATE_HIDDEN, status == NULL,
                               -1);
  describe (box, status);
  describe (row_of_cell (box), status);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  const Column *column = user_data;
  FzFigureItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *inscription = GTK_IS_INSCRIPTION (child) ? child : gtk_widget_get_last_child (child);
  g_autofree char *text = cell_text (column, item);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  set_status_class (inscription, fz_figure_item_get_flags (item));
  if (inscription != child)
    bind_mark (child, gtk_widget_get_first_child (child), item);
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
  FzFigureItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (image);
  guint32 flags = fz_figure_item_get_flags (item);
  const char *icon = fz_figure_status_icon_name (flags);

  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
  gtk_widget_set_visible (image, icon != NULL);
  gtk_label_set_text (GTK_LABEL (label), fz_figure_status_display_name (flags));
  set_status_class (box, flags);
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

/* The value column: grouped by kind and unit, then by number, so 9 comes before 16,000 and
 * money is not mixed with counts. Values that are not numbers (dates, identifiers) compare as
 * text. */
static int
compare_values (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  FzFigureItem *ia = FZ_FIGURE_ITEM ((gpointer) a), *ib = FZ_FIGURE_ITEM ((gpointer) b);
  const FzFigure *fa = fz_figure_item_get_figure (ia), *fb = fz_figure_item_get_figure (ib);
  g_autofree char *va = NULL, *vb = NULL, *ua = NULL, *ub = NULL;
  char *end_a, *end_b;
  double na, nb;
  int c;

  if (fa->kind != fb->kind)
    return fa->kind < fb->kind ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  g_object_get (ia, "value", &va, "unit", &ua, NULL);
  g_object_get (ib, "value", &vb, "unit", &ub, NULL);
  if ((c = g_strcmp0 (ua, ub)) != 0)
    return gtk_ordering_from_cmpfunc (c);
  na = g_ascii_strtod (va != NULL ? va : "", &end_a);
  nb = g_ascii_strtod (vb != NULL ? vb : "", &end_b);
  if (end_a == va || *end_a != '\0' || end_b == vb || *end_b != '\0' || na == nb)
    return gtk_ordering_from_cmpfunc (g_strcmp0 (va, vb));
  return na < nb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

/* Runs after add_columns: the value column sorts by number; kind and unit, which the value
 * and the colours already say, are hidden so that the columns that matter fit. */
static void
polish_columns (FzFigureTable *self)
{
  GListModel *view_columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->column_view));
  guint n = MIN (g_list_model_get_n_items (view_columns), G_N_ELEMENTS (columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (view_columns, i);
      const char *property = columns[i].property;

      if (g_str_equal (property, "value"))
        {
          g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_values, NULL, NULL);
          gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
        }
      else if (g_str_equal (property, "kind") || g_str_equal (property, "unit"))
        gtk_column_view_column_set_visible (column, FALSE);
      /* The words get the room; the figure's own text is short. */
      gtk_column_view_column_set_expand (column, g_str_equal (property, "value") ||
                                                 g_str_equal (property, "indicator") ||
                                                 g_str_equal (property, "period"));
    }
}

/* "No Results" when a filter hides every figure; an empty document keeps the empty list. */
static void
update_no_results (FzFigureTable *self)
{
  guint all = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  gboolean none = all > 0 && shown == 0;

  gtk_widget_set_visible (self->column_scroller, !none);
  gtk_widget_set_visible (self->no_results_page, none);
}

void
fz_figure_table_set_details (FzFigureTable      *self,
                             const char * const *rows)
{
  GtkWidget *child;
  guint row = 0;

  g_return_if_fail (FZ_IS_FIGURE_TABLE (self));

  while ((child = gtk_widget_get_first_child (self->details_grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->details_grid), child);
  for (guint i = 0; rows != NULL && rows[i] != NULL && rows[i + 1] != NULL; i += 2, row++)
    {
      GtkWidget *label = gtk_label_new (rows[i]);
      GtkWidget *value = gtk_label_new (rows[i + 1]);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_widget_set_hexpand (value, TRUE);
      gtk_grid_attach (GTK_GRID (self->details_grid), label, 0, (int) row, 1, 1);
      gtk_grid_attach (GTK_GRID (self->details_grid), value, 1, (int) row, 1, 1);
    }
  gtk_widget_set_visible (self->details_scroller, row > 0);
}

void
fz_figure_table_set_source (FzFigureTable *self,
                            const char    *name,
                            FzFigureList  *figures)
{
  g_return_if_fail (FZ_IS_FIGURE_TABLE (self));

  g_free (self->source_name);
  self->source_name = g_strdup (name);
  g_clear_pointer (&self->source_figures, fz_figure_list_unref);
  if (figures != NULL)
    self->source_figures = fz_figure_list_ref (figures);
}

/* A field as `fanzha-cli extract` writes it: tabs and line breaks escaped. */
static void
append_field (GString    *out,
              const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
}

/* One line as `fanzha-cli extract` writes it; the ids and the machine forms, not the words. */
static void
append_tsv_row (GString            *out,
                const char         *doc,
                const FzFigureList *figures,
                FzFigureItem       *item)
{
  const FzFigure *f = fz_figure_item_get_figure (item);
  const char *fields[] = { "value", "unit", "qualifier", "change", "basis", "indicator",
                           "region", "core", "period" };

  append_field (out, doc);
  g_string_append_printf (out, "\t%u\t%u\t", f->start, f->end);
  append_field (out, fz_figure_item_get_text (item));
  g_string_append_printf (out, "\t%s", fz_kind_to_string (f->kind));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = NULL;

      g_string_append_c (out, '\t');
      if (g_str_equal (fields[i], "qualifier"))
        g_string_append (out, fz_qualifier_to_string (f->qualifier));
      else if (g_str_equal (fields[i], "change"))
        g_string_append (out, fz_change_to_string (f->change));
      else if (g_str_equal (fields[i], "basis"))
        g_string_append (out, fz_basis_to_string (f->basis));
      else if (g_str_equal (fields[i], "core"))
        g_string_append_printf (out, "%u", f->core);
      else if (g_str_equal (fields[i], "indicator") && figures != NULL)
        append_field (out, fz_figure_list_str (figures, f->indicator));
      else
        {
          g_object_get (item, fields[i], &text, NULL);
          append_field (out, text);
        }
    }
  g_string_append_c (out, '\n');
}

char *
fz_figure_table_dup_tsv (FzFigureTable *self)
{
  GListModel *model;
  FzFigureItem *selected;
  GString *out;

  g_return_val_if_fail (FZ_IS_FIGURE_TABLE (self), NULL);

  model = G_LIST_MODEL (self->selection);
  selected = gtk_single_selection_get_selected_item (self->selection);
  out = g_string_new ("doc\tstart\tend\ttext\tkind\tvalue\tunit\tqualifier\tchange\tbasis"
                      "\tindicator\tregion\tcore\tperiod\n");
  /* The selected row, or every row shown when none is selected. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FzFigureItem) item = g_list_model_get_item (model, i);

      if (selected == NULL || item == selected)
        append_tsv_row (out, self->source_name, self->source_figures, item);
    }
  return g_string_free (out, FALSE);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autofree char *tsv = fz_figure_table_dup_tsv (FZ_FIGURE_TABLE (widget));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), tsv);
}

static void
fz_figure_table_dispose (GObject *object)
{
  FzFigureTable *self = FZ_FIGURE_TABLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_FIGURE_TABLE);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->source_figures, fz_figure_list_unref);
  G_OBJECT_CLASS (fz_figure_table_parent_class)->dispose (object);
}

/* Readable values, No Results, details and Ctrl+C. */
static void
fz_figure_table_class_init_polish (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, FzFigureTable, column_scroller);
  gtk_widget_class_bind_template_child (widget_class, FzFigureTable, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, FzFigureTable, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, FzFigureTable, details_grid);
  gtk_widget_class_install_action (widget_class, "figure-table.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "figure-table.copy", NULL);
}

/* What the filter searches: the item's own search text and the words the cells show, so that
 * "January" or "yuan" finds what the list reads. */
static char *
search_words (FzFigureItem *item)
{
  g_autofree char *raw = NULL;
  GString *out;

  if (item == NULL)
    return NULL;
  g_object_get (item, "search-text", &raw, NULL);
  out = g_string_new (raw);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *text = cell_text (&columns[i], item);

      g_string_append_printf (out, " %s", text != NULL ? text : "");
    }
  return g_string_free (out, FALSE);
}

static void
fz_figure_table_init_polish (FzFigureTable *self)
{
  GtkExpression *words = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                      G_CALLBACK (search_words), NULL, NULL);

  gtk_string_filter_set_expression (self->text_filter, words);
  gtk_expression_unref (words);
  polish_columns (self);
  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (update_no_results), self);
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
  fz_figure_table_class_init_polish (widget_class);
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

  /* The columns of columns[] first, in its order: the rest of the table finds them by
   * position; the status column after them. */
  add_columns (self);
  add_status_column (self);

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
  fz_figure_table_init_polish (self);
}

GtkWidget *
fz_figure_table_new (void)
{
  return g_object_new (FZ_TYPE_FIGURE_TABLE, NULL);
}
