/* fz-window-documents.c: the document list: opening, loading off the main thread, filtering,
 * sorting, the articles under each page, recent documents, removing. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-article-ref.h"
#include "fz-loader.h"
#include "fz-pipeline.h"
#include "fz-reader-view.h"
#include "fz-window-private.h"

#define MAX_RECENT 10

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

static void
update_sidebar_page (FzWindow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->documents)) == 0;

  gtk_stack_set_visible_child_name (self->sidebar_stack, empty ? "empty" : "list");
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

static void
date_changed (FzDocument     *document,
              GParamSpec     *pspec,
              GtkInscription *label)
{
  const char *date = fz_document_get_date (document);

  gtk_inscription_set_text (label, date);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), date);
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

  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), g_strcmp0 (column, "title") == 0 ? 24 : 6);
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
  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
  gtk_widget_set_tooltip_text (child, text);
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
                               FZ_IS_ARTICLE_REF (item) ? (int) fz_article_ref_get_index (item) : -1);
  gtk_stack_set_visible_child_name (self->reader_stack, "reader");
  adw_window_title_set_title (self->content_title, fz_document_get_title (document));
  adw_window_title_set_subtitle (self->content_title, fz_document_get_name (document));
  /* Side by side, both panes already show; a navigation would only start a transition
   * that draws the content before it has its size. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
documents_added (FzWindow  *self,
                 GPtrArray *documents,
                 FzLoader  *loader)
{
  gboolean was_empty = g_list_model_get_n_items (G_LIST_MODEL (self->documents)) == 0;

  g_list_store_splice (self->documents, g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                       0, documents->pdata, documents->len);
  update_sidebar_page (self);
  if (was_empty && documents->len > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
progress (FzWindow *self,
          guint     done,
          guint     total,
          FzLoader *loader)
{
  g_autofree char *text = g_strdup_printf (_("Loaded %u of %u files"), done, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
show_errors (FzWindow  *self,
             GPtrArray *errors)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog, *label, *scroller;

  for (guint i = 0; i < errors->len; i++)
    {
      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, g_ptr_array_index (errors, i));
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   g_dngettext (GETTEXT_PACKAGE, "%u file could not be opened",
                                                "%u files could not be opened", errors->len),
                                   NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     g_dngettext (GETTEXT_PACKAGE, "%u file could not be opened",
                                                  "%u files could not be opened", errors->len),
                                     errors->len);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The other files were opened. What went wrong:"));
  label = gtk_label_new (body->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 300);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* In a screenshot run nobody can close a dialog: the errors go to the terminal only. */
  if (self->screenshot_path == NULL)
    gtk_window_present (GTK_WINDOW (dialog));
  else
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_printerr ("%s\n", body->str);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FzWindow) self = user_data;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  gboolean completed;

  completed = fz_loader_load_finish (FZ_LOADER (object), result, &documents, &errors, &error);
  self->loading = FALSE;
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  _fz_window_actions_update (self);

  if (!completed && error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else if (!completed)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Loading cancelled")));
  if (errors != NULL && errors->len > 0)
    show_errors (self, errors);
}

static void
analyze_in_worker (FzDocument *document,
                   gpointer    user_data)
{
  fz_pipeline_analyze (user_data, document);
  /* The reading layout is built lazily and not thread-safe: build it here, before anyone
   * else can see the document, so showing it costs the main thread nothing. */
  fz_document_get_layout (document);
}

static void
remember_recent (FzWindow  *self,
                 GFile    **files,
                 int        n_files)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-paths");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) updated = NULL;
  guint n = 0;

  for (int i = 0; i < n_files && n < MAX_RECENT; i++)
    {
      char *path = g_file_get_path (files[i]);

      /* GSettings keeps strings as UTF-8: a path that is not stays out of the recent list. */
      if (path != NULL && !g_utf8_validate (path, -1, NULL))
        g_clear_pointer (&path, g_free);
      if (path != NULL && g_hash_table_add (seen, path))
        g_strv_builder_add (builder, path), n++;
    }
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (g_hash_table_add (seen, g_strdup (old[i])))
      g_strv_builder_add (builder, old[i]), n++;
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-paths", (const char * const *) updated);
}

static void
rebuild_recent_menu (FzWindow *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "recent-paths");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *label = g_filename_display_basename (paths[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-path",
                                               g_variant_new_string (paths[i]));
      g_menu_append_item (self->recent_menu, item);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-recent", paths[0] != NULL);
}

static gboolean
drop_files (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            FzWindow      *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  fz_window_open_files (self, (GFile **) files->pdata, files->len);
  return files->len > 0;
}

/* Private API */

gboolean
_fz_window_has_pending_work (FzWindow *self)
{
  return self->loading || fz_reader_view_is_busy (FZ_READER_VIEW (self->reader));
}

gboolean
fz_window_is_busy (FzWindow *self)
{
  g_return_val_if_fail (FZ_IS_WINDOW (self), FALSE);
  return self->loading;
}

static void
chooser_response (GtkNativeDialog *dialog,
                  int              response,
                  FzWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      fz_window_open_files (self, (GFile **) array->pdata, array->len);
    }
  g_object_unref (dialog);
}

void
_fz_window_choose_files (FzWindow *self,
                         gboolean  folders)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (folders ? _("Open Folder") : _("Open Files"),
                                         GTK_WINDOW (self),
                                         folders ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                 : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folders)
    {
      gtk_file_filter_set_name (text, _("Text files"));
      gtk_file_filter_add_mime_type (text, "text/*");
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_fz_window_remove_selected (FzWindow *self)
{
  FzDocument *document = row_document (selected_item (self));
  guint position;

  if (document == NULL || self->loading)
    return;
  if (g_list_store_find (self->documents, document, &position))
    {
      if (fz_reader_view_get_document (FZ_READER_VIEW (self->reader)) == document)
        {
          fz_reader_view_set_document (FZ_READER_VIEW (self->reader), NULL, -1);
          gtk_stack_set_visible_child_name (self->reader_stack, "empty");
          adw_window_title_set_title (self->content_title, _("Fanzha"));
          adw_window_title_set_subtitle (self->content_title, NULL);
        }
      g_list_store_remove (self->documents, position);
    }
  update_sidebar_page (self);
  _fz_window_actions_update (self);
}

void
_fz_window_open_path (FzWindow   *self,
                      const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  fz_window_open_files (self, &file, 1);
}

FzDocument *
_fz_window_get_selected_document (FzWindow *self)
{
  return row_document (selected_item (self));
}

void
_fz_window_set_document_date (FzWindow   *self,
                              FzDocument *document,
                              const char *iso_date)
{
  FzReaderView *reader = FZ_READER_VIEW (self->reader);
  gboolean shown = fz_reader_view_get_document (reader) == document;

  /* The reader points into the document's articles and figures: it lets go of them while
   * they are read again, then shows the new periods. */
  if (shown)
    fz_reader_view_set_document (reader, NULL, -1);
  fz_pipeline_set_document_date (self->pipeline, document, iso_date);
  if (shown)
    selection_changed (self);
}

void
_fz_window_clear_recent (FzWindow *self)
{
  g_settings_reset (self->settings, "recent-paths");
}

/* Public API */

void
fz_window_open_files (FzWindow  *self,
                      GFile    **files,
                      int        n_files)
{
  g_return_if_fail (FZ_IS_WINDOW (self));

  if (n_files <= 0)
    return;
  if (self->loading)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Still loading: wait, or cancel first")));
      return;
    }
  self->loading = TRUE;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Looking for files…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  _fz_window_actions_update (self);
  remember_recent (self, files, n_files);
  fz_loader_load_async (self->loader, files, n_files, self->cancellable, load_done,
                        g_object_ref (self));
}

void
_fz_window_documents_init (FzWindow *self)
{
  static const struct { const char *id; const char *title; const char *sort; gboolean numeric; }
  columns[] = {
    { "title", N_("Title"), "title", FALSE },
    { "outlet", N_("Outlet"), "outlet", FALSE },
    { "date", N_("Date"), "date", FALSE },
    { "articles", N_("Articles"), "n-articles", TRUE },
    { "figures", N_("Figures"), "n-figures", TRUE },
    { "regions", N_("Regions"), NULL, FALSE },
  };
  g_autoptr(GError) error = NULL;
  GtkCustomFilter *filter;
  GtkTreeListModel *tree;
  GtkTreeListRowSorter *row_sorter;
  GtkDropTarget *drop;
  GtkWidget *view;

  self->documents = g_list_store_new (FZ_TYPE_DOCUMENT);
  filter = gtk_custom_filter_new (document_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->documents)),
                                              GTK_FILTER (filter));
  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), FALSE, FALSE,
                                  create_children, NULL, NULL);

  view = gtk_column_view_new (NULL);
  gtk_widget_add_css_class (view, "data-table");
  gtk_widget_add_css_class (view, "document-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Documents"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) columns[i].id);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) columns[i].id);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), (gpointer) columns[i].id);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == 0);
      /* Titles stay readable; the table scrolls sideways to the short columns. */
      gtk_column_view_column_set_fixed_width (column, i == 0 ? 220 : columns[i].numeric ? 60 : 84);
      if (columns[i].sort != NULL)
        {
          GtkExpression *expr = gtk_property_expression_new (FZ_TYPE_DOCUMENT, NULL,
                                                             columns[i].sort);
          GtkSorter *sorter = columns[i].numeric ? GTK_SORTER (gtk_numeric_sorter_new (expr))
                                                 : GTK_SORTER (gtk_string_sorter_new (expr));
          gtk_column_view_column_set_sorter (column, sorter);
          g_object_unref (sorter);
        }
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }
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

  self->reader = fz_reader_view_new ();
  gtk_stack_add_named (self->reader_stack, self->reader, "reader");
  gtk_widget_insert_action_group (GTK_WIDGET (self), "reader",
                                  fz_reader_view_get_actions (FZ_READER_VIEW (self->reader)));

  self->loader = fz_loader_new ();
  g_signal_connect_swapped (self->loader, "documents-added", G_CALLBACK (documents_added), self);
  g_signal_connect_swapped (self->loader, "progress", G_CALLBACK (progress), self);
  self->pipeline = fz_pipeline_new (NULL, &error);
  if (self->pipeline != NULL)
    {
      fz_reader_view_set_lexicon (FZ_READER_VIEW (self->reader),
                                  fz_pipeline_get_lexicon (self->pipeline));
      fz_loader_set_document_func (self->loader, analyze_in_worker,
                                   fz_pipeline_ref (self->pipeline),
                                   (GDestroyNotify) fz_pipeline_unref);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Figures are not attributed: %s"),
                                                  error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_files), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_swapped (self->settings, "changed::recent-paths",
                            G_CALLBACK (rebuild_recent_menu), self);
  rebuild_recent_menu (self);
  update_sidebar_page (self);
}

void
_fz_window_documents_finalize (FzWindow *self)
{
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->documents);
  g_clear_object (&self->loader);
  g_clear_pointer (&self->pipeline, fz_pipeline_unref);
}
