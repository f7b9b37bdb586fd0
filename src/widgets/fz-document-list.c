/* fz-document-list.c: the list of open pages: columns, sorting, filtering, articles as children. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-article-ref.h"
#include "fz-document-list.h"

/* GtkListView (GTK 4.8) builds the widgets of about 200 rows as soon as its model has them:
 * for the first batch of a large folder that was one main loop iteration of 70 ms and more,
 * and one frame to measure and draw them all. The list takes its pages a screenful at a
 * time, one step a frame, until the view holds every row it builds; later pages go in at
 * once, as they make no widgets until scrolled to. */
#define REVEAL_STEP 25
#define REVEAL_ALL  200
/* The first step is smaller: its rows are drawn in the same frame as the list taking the
 * place of its empty page, and their text is shaped with nothing cached yet. */
#define REVEAL_FIRST 12

struct _FzDocumentList
{
  GtkWidget           parent_instance;

  FzWorkspace        *workspace;
  char               *filter_text;
  GtkSliceListModel  *revealed;    /* the pages the view has so far */
  guint               reveal_tick;
  guint               reveal_idle;
  gboolean            revealing;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;

  /* Template children */
  GtkStack           *stack;
  GtkColumnView      *view;
};

G_DEFINE_FINAL_TYPE (FzDocumentList, fz_document_list, GTK_TYPE_WIDGET)

enum { SIGNAL_SELECTION_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_REVEALING, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---------------------------------------------------------------- cell texts */

typedef char *(*DocumentText) (FzDocument *document);
typedef char *(*ArticleText)  (FzArticle  *article);

static char *
document_title (FzDocument *document)
{
  return g_strdup (fz_document_get_title (document));
}

static char *
document_outlet (FzDocument *document)
{
  return g_strdup (fz_document_get_outlet (document));
}

static char *
document_date (FzDocument *document)
{
  return g_strdup (fz_document_get_date (document));
}

static char *
document_n_articles (FzDocument *document)
{
  return g_strdup_printf ("%u", fz_document_get_articles (document)->len);
}

static char *
document_n_figures (FzDocument *document)
{
  FzFigureList *figures = fz_document_get_figures (document);

  return figures != NULL ? g_strdup_printf ("%u", fz_figure_list_get_n (figures)) : NULL;
}

static char *
article_title (FzArticle *article)
{
  return g_strdup (article->is_caption || *article->title == '\0' ? _("(photo caption)")
                                                                 : article->title);
}

static char *
article_region (FzArticle *article)
{
  return g_strdup (article->region);
}

typedef struct
{
  const char   *id;
  const char   *title;
  const char   *sort;      /* FzDocument property to sort on, or NULL */
  gboolean      numeric;
  DocumentText  document_text;
  ArticleText   article_text;
  const char   *watch;     /* the document's notify signal that changes the cell, or NULL */
} Column;

/* A page joins the list as soon as it is read; its analysis (figures, regions, the date it
 * prints) follows, and a date can be set by hand: those cells follow the document. */
static const Column columns[] = {
  { "title", N_("Title"), "title", FALSE, document_title, article_title, NULL },
  { "outlet", N_("Outlet"), "outlet", FALSE, document_outlet, NULL, NULL },
  { "date", N_("Date"), "date", FALSE, document_date, NULL, "notify::date" },
  { "articles", N_("Articles"), "n-articles", TRUE, document_n_articles, NULL, NULL },
  { "figures", N_("Figures"), "n-figures", TRUE, document_n_figures, NULL, "notify::n-figures" },
  /* The regions are stored just before the figures. */
  { "regions", N_("Regions"), NULL, FALSE, fz_document_dup_regions, article_region,
    "notify::n-figures" },
};

static char *
cell_text (gpointer      item,
           const Column *column)
{
  if (FZ_IS_ARTICLE_REF (item))
    return column->article_text != NULL
      ? column->article_text (fz_article_ref_get_article (item)) : NULL;
  if (FZ_IS_DOCUMENT (item))
    return column->document_text (item);
  return NULL;
}

/* ---------------------------------------------------------------- cells */

static void
set_cell_text (GtkWidget  *label,
               const char *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
}

/* A cell shows its text whole on hover. Asked for when shown: setting a tooltip at every
 * bind cost a round trip to the display server per cell while a folder loads. */
static gboolean
cell_query_tooltip (GtkWidget  *label,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (label));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
document_notified (FzDocument *document,
                   GParamSpec *pspec,
                   GtkWidget  *label)
{
  const Column *column = g_object_get_data (G_OBJECT (label), "fz-column");
  g_autofree char *text = column->document_text (document);

  set_cell_text (label, text);
}

static GtkWidget *
cell_label (GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  return GTK_IS_TREE_EXPANDER (child) ? gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child))
                                      : child;
}

/* The cell follows its document while bound to it. */
static void
bind_updates (GtkListItem  *list_item,
              const Column *column,
              gboolean      bind)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
  GtkWidget *label = cell_label (list_item);

  if (!FZ_IS_DOCUMENT (item))
    return;
  if (bind)
    {
      g_object_set_data (G_OBJECT (label), "fz-column", (gpointer) column);
      g_signal_connect_object (item, column->watch, G_CALLBACK (document_notified), label, 0);
    }
  else
    g_signal_handlers_disconnect_by_func (item, document_notified, label);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            const Column             *column)
{
  GtkWidget *label = gtk_inscription_new (NULL);
  gboolean first = column == &columns[0];

  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip), NULL);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), first ? 24 : 6);
  if (first)
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
           const Column             *column)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
  g_autofree char *text = cell_text (item, column);

  if (GTK_IS_TREE_EXPANDER (child))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), row);
  set_cell_text (cell_label (list_item), text);
  if (column->watch != NULL)
    bind_updates (list_item, column, TRUE);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             const Column             *column)
{
  if (column->watch != NULL)
    bind_updates (list_item, column, FALSE);
}

static GtkColumnViewColumn *
create_column (const Column *spec)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  gboolean first = spec == &columns[0];
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), (gpointer) spec);
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

/* ---------------------------------------------------------------- models */

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
  FzDocumentList *self = user_data;
  FzDocument *document = item;
  g_autofree char *regions = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *folded_needle = NULL;
  g_autofree char *folded = NULL;

  if (self->filter_text == NULL || *self->filter_text == '\0')
    return TRUE;
  regions = fz_document_dup_regions (document);
  haystack = g_strjoin (" ", fz_document_get_title (document), fz_document_get_name (document),
                        fz_document_get_outlet (document) ? fz_document_get_outlet (document) : "",
                        regions ? regions : "", NULL);
  folded = g_utf8_casefold (haystack, -1);
  folded_needle = g_utf8_casefold (self->filter_text, -1);
  return strstr (folded, folded_needle) != NULL;
}

static void
update_page (FzDocumentList *self)
{
  const char *page = "list";

  if (self->workspace == NULL
      || g_list_model_get_n_items (fz_workspace_get_documents (self->workspace)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-results";
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
selection_changed (FzDocumentList *self)
{
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

/* ---------------------------------------------------------------- revealing */

static void
set_revealing (FzDocumentList *self,
               gboolean        revealing)
{
  if (self->revealing == revealing)
    return;
  self->revealing = revealing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALING]);
}

static void
clear_reveal_sources (FzDocumentList *self)
{
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  g_clear_handle_id (&self->reveal_idle, g_source_remove);
}

static void
stop_revealing (FzDocumentList *self)
{
  clear_reveal_sources (self);
  set_revealing (self, FALSE);
}

static void
reveal_all (FzDocumentList *self)
{
  if (self->revealed != NULL)
    gtk_slice_list_model_set_size (self->revealed, G_MAXUINT);
  stop_revealing (self);
}

/* Revealing ends in the iteration after the frame that drew its last step: what waits for
 * it has a frame of its own. */
static gboolean
reveal_step (gpointer data)
{
  FzDocumentList *self = data;
  guint n = g_list_model_get_n_items (fz_workspace_get_documents (self->workspace));
  guint size = gtk_slice_list_model_get_size (self->revealed);

  self->reveal_idle = 0;
  if (size >= n)
    stop_revealing (self);
  else
    gtk_slice_list_model_set_size (self->revealed,
                                   size + REVEAL_STEP >= REVEAL_ALL ? G_MAXUINT
                                                                    : size + REVEAL_STEP);
  return G_SOURCE_REMOVE;
}

/* A step goes in after a frame has drawn the last one, in an iteration of its own. */
static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  FzDocumentList *self = FZ_DOCUMENT_LIST (widget);

  if (self->reveal_idle == 0)
    self->reveal_idle = g_idle_add (reveal_step, self);
  return G_SOURCE_CONTINUE;
}

static void
reveal_schedule (FzDocumentList *self)
{
  guint n = g_list_model_get_n_items (fz_workspace_get_documents (self->workspace));
  guint size = gtk_slice_list_model_get_size (self->revealed);

  /* Emptied: the next folder starts again from the top. */
  if (n == 0)
    {
      stop_revealing (self);
      gtk_slice_list_model_set_size (self->revealed, REVEAL_FIRST);
      return;
    }
  if (size >= n || self->revealing)
    return;
  /* Nothing is drawn: nothing to pace. A filter reads every page: one not revealed yet
   * would be missing from its results ("No Results" for a match further down). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      (self->filter_text != NULL && *self->filter_text != '\0'))
    {
      reveal_all (self);
      return;
    }
  self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick, NULL, NULL);
  set_revealing (self, TRUE);
}

/* ---------------------------------------------------------------- GObject */

static void
fz_document_list_dispose (GObject *object)
{
  FzDocumentList *self = FZ_DOCUMENT_LIST (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (fz_workspace_get_documents (self->workspace), self);
  clear_reveal_sources (self);
  gtk_column_view_set_model (self->view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->revealed);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_DOCUMENT_LIST);
  G_OBJECT_CLASS (fz_document_list_parent_class)->dispose (object);
}

static void
fz_document_list_finalize (GObject *object)
{
  g_free (FZ_DOCUMENT_LIST (object)->filter_text);
  G_OBJECT_CLASS (fz_document_list_parent_class)->finalize (object);
}

static void
fz_document_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FzDocumentList *self = FZ_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_REVEALING:
      g_value_set_boolean (value, self->revealing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_document_list_class_init (FzDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_document_list_dispose;
  object_class->finalize = fz_document_list_finalize;
  object_class->get_property = fz_document_list_get_property;

  properties[PROP_REVEALING] =
    g_param_spec_boolean ("revealing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fanzha/Fanzha/ui/fz-document-list.ui");
  gtk_widget_class_bind_template_child (widget_class, FzDocumentList, stack);
  gtk_widget_class_bind_template_child (widget_class, FzDocumentList, view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentlist");
}

static void
fz_document_list_init (FzDocumentList *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Delete removes a page only while the list has the focus: in the reader the key is the
   * review's "reject". */
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("win.remove-document")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = create_column (&columns[i]);

      gtk_column_view_append_column (self->view, column);
    }
}

/* ---------------------------------------------------------------- public API */

GtkWidget *
fz_document_list_new (void)
{
  return g_object_new (FZ_TYPE_DOCUMENT_LIST, NULL);
}

/* The pages under the filter, each with its articles as children, sorted by the column the
 * analyst clicked, articles staying under their page. */
void
fz_document_list_set_workspace (FzDocumentList *self,
                                FzWorkspace    *workspace)
{
  GListModel *documents = fz_workspace_get_documents (workspace);
  GtkTreeListModel *tree;
  GtkTreeListRowSorter *row_sorter;

  g_return_if_fail (FZ_IS_DOCUMENT_LIST (self));
  g_return_if_fail (self->workspace == NULL);

  self->workspace = g_object_ref (workspace);
  self->revealed = gtk_slice_list_model_new (g_object_ref (documents), 0, REVEAL_FIRST);
  self->filter = gtk_custom_filter_new (document_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->revealed)),
                                              GTK_FILTER (self->filter));
  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), FALSE, FALSE,
                                  create_children, NULL, NULL);
  row_sorter = gtk_tree_list_row_sorter_new (g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (tree), GTK_SORTER (row_sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_page), self);
  g_signal_connect_swapped (documents, "items-changed", G_CALLBACK (update_page), self);
  g_signal_connect_swapped (documents, "items-changed", G_CALLBACK (reveal_schedule), self);
  update_page (self);
}

void
fz_document_list_set_filter_text (FzDocumentList *self,
                                  const char     *text)
{
  g_return_if_fail (FZ_IS_DOCUMENT_LIST (self));

  if (g_strcmp0 (self->filter_text, text) == 0)
    return;
  g_free (self->filter_text);
  self->filter_text = g_strdup (text);
  if (self->revealing && text != NULL && *text != '\0')
    reveal_all (self);
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

FzDocument *
fz_document_list_get_selected (FzDocumentList *self,
                               int            *article)
{
  GtkTreeListRow *row;
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (FZ_IS_DOCUMENT_LIST (self), NULL);

  if (article != NULL)
    *article = -1;
  row = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
  if (FZ_IS_DOCUMENT (item))
    return FZ_DOCUMENT (item);
  if (!FZ_IS_ARTICLE_REF (item))
    return NULL;
  if (article != NULL)
    *article = (int) fz_article_ref_get_index (FZ_ARTICLE_REF (item));
  return fz_article_ref_get_document (FZ_ARTICLE_REF (item));
}

void
fz_document_list_select_position (FzDocumentList *self,
                                  guint           position)
{
  g_return_if_fail (FZ_IS_DOCUMENT_LIST (self));

  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, position);
}

void
fz_document_list_select_document (FzDocumentList *self,
                                  FzDocument     *document)
{
  GListModel *rows;

  g_return_if_fail (FZ_IS_DOCUMENT_LIST (self));

  reveal_all (self);
  rows = G_LIST_MODEL (self->selection);
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
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

GListModel *
fz_document_list_get_rows (FzDocumentList *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT_LIST (self), NULL);
  /* Whoever looks at the rows sees every page. */
  reveal_all (self);
  return G_LIST_MODEL (self->selection);
}

gboolean
fz_document_list_get_revealing (FzDocumentList *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT_LIST (self), FALSE);
  return self->revealing;
}

const char *
fz_document_list_get_page (FzDocumentList *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT_LIST (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
