/* fz-figure-editor.c: the figure correction dialog: a row per field, the changed ones applied
 * as one undoable step. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-figure-editor.h"

typedef const char *(*NameFunc) (guint value);

/* The fields the dialog offers, in the order shown; enums get a drop-down. */
static const struct
{
  FzFigureField field;
  const char   *label;
  NameFunc      names;      /* NULL for free text */
  guint         n_names;
} rows[] = {
  { FZ_FIGURE_FIELD_KIND, N_("Kind"), (NameFunc) fz_kind_to_string, FZ_N_KINDS },
  { FZ_FIGURE_FIELD_VALUE, N_("Value"), NULL, 0 },
  { FZ_FIGURE_FIELD_UNIT, N_("Unit"), NULL, 0 },
  { FZ_FIGURE_FIELD_QUALIFIER, N_("Qualifier"), (NameFunc) fz_qualifier_to_string,
    FZ_QUALIFIER_UNDER + 1 },
  { FZ_FIGURE_FIELD_CHANGE, N_("Change"), (NameFunc) fz_change_to_string, FZ_CHANGE_FLAT + 1 },
  { FZ_FIGURE_FIELD_BASIS, N_("Basis"), (NameFunc) fz_basis_to_string, FZ_BASIS_MOM + 1 },
  { FZ_FIGURE_FIELD_INDICATOR, N_("Indicator"), NULL, 0 },
  { FZ_FIGURE_FIELD_REGION, N_("Region"), NULL, 0 },
  { FZ_FIGURE_FIELD_PERIOD, N_("Period"), NULL, 0 },
};

struct _FzFigureEditor
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *grid;
  GtkWidget        *widgets[G_N_ELEMENTS (rows)];
  char             *initial[G_N_ELEMENTS (rows)];
  FzDecisions      *decisions;
  FzDocument       *document;
  FzFigureId        id;
};

G_DEFINE_FINAL_TYPE (FzFigureEditor, fz_figure_editor, ADW_TYPE_MESSAGE_DIALOG)

/* An enum's name as the decisions take it: its empty first value is called "none". */
static const char *
enum_name (guint r,
           guint value)
{
  const char *name = rows[r].names (value);

  return *name != '\0' ? name : "none";
}

/* The field as the decisions take it, an enum's empty value called "none" as above. */
static char *
field_text (const FzFigureList *list,
            const FzFigure     *f,
            guint               r)
{
  g_autofree char *text = fz_figure_field_get (list, f, rows[r].field);

  if (rows[r].names != NULL && *text == '\0')
    return g_strdup ("none");
  return g_steal_pointer (&text);
}

static GtkWidget *
make_widget (guint r)
{
  g_autoptr(GtkStringList) names = NULL;
  GtkWidget *widget;

  if (rows[r].names == NULL)
    return gtk_entry_new ();
  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < rows[r].n_names; i++)
    gtk_string_list_append (names, rows[r].field == FZ_FIGURE_FIELD_KIND
                                   ? fz_kind_display_name (i) : enum_name (r, i));
  widget = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  return widget;
}

static guint
row_of (FzFigureField field)
{
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    if (rows[r].field == field)
      return r;
  g_return_val_if_reached (0);
}

char *
fz_figure_editor_dup_text (FzFigureEditor *self,
                           FzFigureField   field)
{
  guint r = row_of (field);
  guint selected;

  g_return_val_if_fail (FZ_IS_FIGURE_EDITOR (self), NULL);
  if (rows[r].names == NULL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->widgets[r])));
  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->widgets[r]));
  return g_strdup (enum_name (r, MIN (selected, rows[r].n_names - 1)));
}

void
fz_figure_editor_set_text (FzFigureEditor *self,
                           FzFigureField   field,
                           const char     *text)
{
  guint r = row_of (field);

  g_return_if_fail (FZ_IS_FIGURE_EDITOR (self));
  if (rows[r].names == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->widgets[r]), text);
      return;
    }
  for (guint i = 0; i < rows[r].n_names; i++)
    if (g_str_equal (enum_name (r, i), text))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->widgets[r]), i);
}

gboolean
fz_figure_editor_apply (FzFigureEditor *self,
                        GError        **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (FZ_IS_FIGURE_EDITOR (self), FALSE);
  fz_decisions_begin_group (self->decisions);
  for (guint r = 0; ok && r < G_N_ELEMENTS (rows); r++)
    {
      g_autofree char *text = fz_figure_editor_dup_text (self, rows[r].field);
      g_autoptr(FzFigureList) result = NULL;

      if (g_strcmp0 (text, self->initial[r]) == 0)
        continue;
      result = fz_decisions_set_field (self->decisions, self->document, self->id,
                                       rows[r].field, text, NULL, error);
      ok = result != NULL;
    }
  fz_decisions_end_group (self->decisions);
  return ok;
}

static void
editor_response (FzFigureEditor *self,
                 const char     *response)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (!g_str_equal (response, "apply") || fz_figure_editor_apply (self, &error))
    return;
  dialog = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                   _("Could Not Correct the Figure"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fz_figure_editor_dispose (GObject *object)
{
  FzFigureEditor *self = FZ_FIGURE_EDITOR (object);

  g_clear_object (&self->decisions);
  g_clear_object (&self->document);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    g_clear_pointer (&self->initial[r], g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_FIGURE_EDITOR);
  G_OBJECT_CLASS (fz_figure_editor_parent_class)->dispose (object);
}

static void
fz_figure_editor_class_init (FzFigureEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_figure_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fanzha/Fanzha/ui/fz-figure-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FzFigureEditor, grid);
}

static void
fz_figure_editor_init (FzFigureEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      GtkWidget *label = gtk_label_new (_(rows[r].label));

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
      self->widgets[r] = make_widget (r);
      gtk_widget_set_hexpand (self->widgets[r], TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->widgets[r]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, r, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), self->widgets[r], 1, r, 1, 1);
    }
  g_signal_connect (self, "response", G_CALLBACK (editor_response), NULL);
}

FzFigureEditor *
fz_figure_editor_new (GtkWindow    *parent,
                      FzDecisions  *decisions,
                      FzDocument   *document,
                      FzFigureItem *item)
{
  FzFigureEditor *self;
  const FzFigure *f;

  g_return_val_if_fail (FZ_IS_DECISIONS (decisions), NULL);
  g_return_val_if_fail (FZ_IS_FIGURE_ITEM (item), NULL);

  self = g_object_new (FZ_TYPE_FIGURE_EDITOR, "transient-for", parent, "modal", TRUE, NULL);
  self->decisions = g_object_ref (decisions);
  self->document = g_object_ref (document);
  self->id = fz_figure_item_get_id (item);
  f = fz_figure_item_get_figure (item);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), fz_figure_item_get_text (item));
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      self->initial[r] = field_text (fz_figure_item_get_list (item), f, r);
      fz_figure_editor_set_text (self, rows[r].field, self->initial[r]);
    }
  return self;
}
