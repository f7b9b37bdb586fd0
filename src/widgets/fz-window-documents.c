/* fz-window-documents.c: the document list: columns, filtering, sorting, articles, removing. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-article-ref.h"
#include "fz-pipeline.h"
#include "fz-reader-view.h"
#include "fz-window-private.h"

typedef struct
{
  const char *id;
  const char *title;
  const char *sort;
  gboolean    numeric;
} ColumnSpec;

static const ColumnSpec columns[] = {
  { "title", N_("Title"), "title", FALSE },
  { "outlet", N_("Outlet"), "outlet", FALSE },
  { "date", N_("Date"), "date", FALSE },
  { "articles", N_("Articles"), "n-articles", TRUE },
  { "figures", N_("Figures"), "n-figures", TRUE },
  { "regions", N_("Regions"), NULL, FALSE },
};

/* Auxiliary methods */

static FzDocument *
row_document (gpointer item)
{
  if (FZ_IS_DOCUMENT (item))
    return item;
  if (FZ_IS_ARTICLE_REF (item))
    return fz_article_ref_get_document (item);
  return NULL;
}

static gpointer
selected_item (FzWindow *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static char *
cell_text (gpointer    item,
           const char *column)
{
  FzDocument *document = FZ_IS_DOCUMENT (item) ? item : NULL;
  FzFigureList *figures;

  if (FZ_IS_ARTICLE_REF (item))
    {
      FzArticle *article = fz_article_ref_get_article (item);

      if (g_strcmp0 (column, "title") == 0)
        return g_strdup (article->is_caption || *article->title == '\0'
                         ? _("(photo caption)") : article->title);
      if (g_strcmp0 (column, "regions") == 0)
        return g_strdup (article->region);
      return NULL;
    }
  if (document == NULL)
    return NULL;
  if (g_strcmp0 (column, "title") == 0)
    return g_strdup (fz_document_get_title (document));
  if (g_strcmp0 (column, "outlet") == 0)
    return g_strdup (fz_document_get_outlet (document));
  if (g_strcmp0 (column, "date") == 0)
    return g_strdup (fz_document_get_date (document));
  if (g_strcmp0 (column, "articles") == 0)
    return g_strdup_printf ("%u", fz_document_get_articles (document)->len);
  if (g_strcmp0 (column, "figures") == 0)
    {
      figures = fz_document_get_figures (document);
      return figures != NULL ? g_strdup_printf ("%u", fz_figure_list_get_n (figures)) : NULL;
    }
  if (g_strcmp0 (column, "regions") == 0)
    return fz_document_dup_regions (document);
  return NULL;
}

/* Callbacks */

/* A cell shows its text, whole on hover when it is cut short. */
static void
set_cell_text (GtkWidget  *label,
               const char *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
date_changed (FzDocument *document,
              GParamSpec *pspec,
              GtkWidget  *label)
{
  set_cell_text (label, fz_document_get_date (document));
}

/* A date the analyst sets shows at once in the row. */
static void
bind_date (GtkListItem *list_item,
           gboolean     bind)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  gpointer item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (!FZ_IS_DOCUMENT (item))
    return;
  if (bind)
    g_signal_connect_object (item, "notify::date", G_CALLBACK (date_changed),
                             gtk_list_item_get_child (list_item), 0);
  else
    g_signal_handlers_disconnect_by_func (item, date_changed, gtk_list_item_get_child (list_item));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            const char               *column)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label),
                                 g_strcmp0 (column, "title") == 0 ? 24 : 6);
  if (g_strcmp0 (column, "title") == 0)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
      gtk_list_item_set_child (list_item, expander);
    }
  else
    gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           const char               *column)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (gtk_tree_list_row_get_item (row), column);

  if (GTK_IS_TREE_EXPANDER (child))
    {
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), row);
      child = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child));
    }
  set_cell_text (child, text);
  if (g_strcmp0 (column, "date") == 0)
    bind_date (list_item, TRUE);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             const char               *column)
{
  if (g_strcmp0 (column, "date") == 0)
    bind_date (list_item, FALSE);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GPtrArray *articles;
  GListStore *children;

  if (!FZ_IS_DOCUMENT (item))
    return NULL;
  articles = fz_document_get_articles (item);
  if (articles == NULL || articles->len < 2)
    return NULL;
  children = g_list_store_new (FZ_TYPE_ARTICLE_REF);
  for (guint i = 0; i < articles->len; i++)
    {
      g_autoptr(FzArticleRef) ref = fz_article_ref_new (item, i);
      g_list_store_append (children, ref);
    }
  return G_LIST_MODEL (children);
}

static gboolean
document_matches (gpointer item,
                  gpointer user_data)
{
  FzWindow *self = user_data;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  FzDocument *document = item;
  g_autofree char *regions = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *folded_needle = NULL;
  g_autofree char *folded = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;
  regions = fz_document_dup_regions (document);
  haystack = g_strjoin (" ", fz_document_get_title (document), fz_document_get_name (document),
                        fz_document_get_outlet (document) ? fz_document_get_outlet (document) : "",
                        regions ? regions : "", NULL);
  folded = g_utf8_casefold (haystack, -1);
  folded_needle = g_utf8_casefold (needle, -1);
  return strstr (folded, folded_needle) != NULL;
}

static void
search_changed (FzWindow *self)
{
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered),
                      GTK_FILTER_CHANGE_DIFFERENT);
}

static void
selection_changed (FzWindow *self)
{
  gpointer item = selected_item (self);
  FzDocument *document = row_document (item);
  FzReaderView *reader = FZ_READER_VIEW (self->reader);

  _fz_window_actions_update (self);
  if (document == NULL)
    return;
  fz_reader_view_set_document (reader, document,
                               FZ_IS_ARTICLE_REF (item) ?
                               (int) fz_article_ref_get_index (item) : -1);
  gtk_stack_set_visible_child_name (self->reader_stack, "reader");
  adw_window_title_set_title (self->content_title, fz_document_get_title (document));
  adw_window_title_set_subtitle (self->content_title, fz_document_get_name (document));
  /* Folded, the page slides in. Side by side, the content only becomes the visible child
   * (what a later fold shows), without the navigation's transition, which drew the content
   * before it had its size. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  else
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Setup */

/* The pages under the search filter, each with its articles as children. */
static GtkTreeListModel *
build_models (FzWindow *self)
{
  GtkCustomFilter *filter;

  filter = gtk_custom_filter_new (document_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (
      G_LIST_MODEL (g_object_ref (fz_workspace_get_documents (self->workspace))),
      GTK_FILTER (filter));
  return gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), FALSE, FALSE,
                                  create_children, NULL, NULL);
}

static GtkColumnViewColumn *
create_column (const ColumnSpec *spec,
               gboolean          first)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) spec->id);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) spec->id);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), (gpointer) spec->id);
  column = gtk_column_view_column_new (_(spec->title), factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, first);
  /* Titles stay readable; the table scrolls sideways to the short columns. */
  gtk_column_view_column_set_fixed_width (column, first ? 220 : spec->numeric ? 60 : 84);
  if (spec->sort != NULL)
    {
      GtkExpression *expr = gtk_property_expression_new (FZ_TYPE_DOCUMENT, NULL, spec->sort);
      GtkSorter *sorter = spec->numeric ? GTK_SORTER (gtk_numeric_sorter_new (expr))
                                        : GTK_SORTER (gtk_string_sorter_new (expr));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  return column;
}

static GtkWidget *
create_view (void)
{
  GtkWidget *view = gtk_column_view_new (NULL);

  gtk_widget_add_css_class (view, "data-table");
  gtk_widget_add_css_class (view, "document-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Documents"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = create_column (&columns[i], i == 0);

      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }
  return view;
}

/* Rows sort by the column the analyst clicked, articles staying under their page. */
static void
attach_view (FzWindow         *self,
             GtkWidget        *view,
             GtkTreeListModel *tree)
{
  GtkTreeListRowSorter *row_sorter;

  row_sorter = gtk_tree_list_row_sorter_new (
      g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (view))));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (tree), GTK_SORTER (row_sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (view), GTK_SELECTION_MODEL (self->selection));
  gtk_scrolled_window_set_child (self->document_scroller, view);
  self->document_view = view;
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed), self);
}

static void
add_reader (FzWindow *self)
{
  self->reader = fz_reader_view_new ();
  gtk_stack_add_named (self->reader_stack, self->reader, "reader");
  gtk_widget_insert_action_group (GTK_WIDGET (self), "reader",
                                  fz_reader_view_get_actions (FZ_READER_VIEW (self->reader)));
}

/* Private API */

void
_fz_window_update_sidebar_page (FzWindow *self)
{
  gboolean empty = g_list_model_get_n_items (fz_workspace_get_documents (self->workspace)) == 0;

  gtk_stack_set_visible_child_name (self->sidebar_stack, empty ? "empty" : "list");
}

static void
undo_remove (AdwToast *toast,
             FzWindow *self)
{
  FzDocument *document = g_object_get_data (G_OBJECT (toast), "fz-document");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "fz-position"));

  fz_workspace_insert_document (self->workspace, position, document);
}

static void
select_document (FzWindow   *self,
                 FzDocument *document)
{
  GListModel *rows = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == (GObject *) document)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* Removing is undone from the toast; the next page is shown, as in a file manager. */
void
_fz_window_remove_selected (FzWindow *self)
{
  g_autoptr(FzDocument) document = NULL;
  g_autoptr(FzDocument) next = NULL;
  GListModel *documents = fz_workspace_get_documents (self->workspace);
  g_autofree char *title = NULL;
  AdwToast *toast;
  int position;

  document = row_document (selected_item (self));
  if (document == NULL || self->loading)
    return;
  g_object_ref (document);
  if (fz_reader_view_get_document (FZ_READER_VIEW (self->reader)) == document)
    {
      fz_reader_view_set_document (FZ_READER_VIEW (self->reader), NULL, -1);
      gtk_stack_set_visible_child_name (self->reader_stack, "empty");
      adw_window_title_set_title (self->content_title, _("Fanzha"));
      adw_window_title_set_subtitle (self->content_title, NULL);
    }
  position = fz_workspace_remove_document (self->workspace, document);
  if (position < 0)
    return;
  next = g_list_model_get_item (documents, MIN ((guint) position,
                                                g_list_model_get_n_items (documents) - 1));
  if (next != NULL)
    select_document (self, next);

  title = g_strdup_printf (_("“%s” removed"), fz_document_get_title (document));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "fz-document", g_object_ref (document),
                          g_object_unref);
  g_object_set_data (G_OBJECT (toast), "fz-position", GUINT_TO_POINTER (position));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _fz_window_update_sidebar_page (self);
  _fz_window_actions_update (self);
}

FzDocument *
_fz_window_get_selected_document (FzWindow *self)
{
  return row_document (selected_item (self));
}

gboolean
_fz_window_set_document_date (FzWindow    *self,
                              FzDocument  *document,
                              const char  *iso_date,
                              GError     **error)
{
  return fz_workspace_set_document_date (self->workspace, document, iso_date, error);
}

/* A page read again (a new date) is shown again with its new figures. */
static void
document_changed (FzWindow    *self,
                  FzDocument  *document,
                  FzWorkspace *workspace)
{
  FzReaderView *reader = FZ_READER_VIEW (self->reader);

  if (fz_reader_view_get_document (reader) != document)
    return;
  fz_reader_view_set_document (reader, NULL, -1);
  selection_changed (self);
}

void
_fz_window_documents_init (FzWindow *self)
{
  GtkTreeListModel *tree = build_models (self);
  GtkWidget *view = create_view ();

  attach_view (self, view, tree);
  add_reader (self);
  g_signal_connect_object (self->workspace, "document-changed", G_CALLBACK (document_changed),
                           self, G_CONNECT_SWAPPED);
  _fz_window_loading_init (self);
  _fz_window_update_sidebar_page (self);
}

void
_fz_window_documents_finalize (FzWindow *self)
{
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
}
