/* fz-reader-review.c: the reader's correction actions (mark, edit, reject, restore, notes, undo)
 * and review mode, which walks the listed figures with one key per decision under a bar that
 * names the keys. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fz-figure-editor.h"
#include "fz-reader-view-private.h"

typedef FzFigureList *(*DecideFunc) (FzDecisions *, FzDocument *, FzFigureId, FzFigureStatus *,
                                     GError **);

static void
show_error (FzReaderView *self,
            const char   *heading,
            GError       *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static FzFigureItem *
current_item (FzReaderView *self)
{
  FzFigureItem *item = fz_reader_view_get_figure_at_cursor (self);

  return item != NULL ? item : fz_figure_table_get_selected (self->figure_table);
}

static gboolean
can_annotate (FzReaderView *self)
{
  return self->decisions != NULL && self->document != NULL;
}

/* Selects @item in the text and the list. */
static void
show_item (FzReaderView *self,
           FzFigureItem *item)
{
  _fz_reader_view_select_figure (self, item);
  self->syncing = TRUE;
  fz_figure_table_select_item (self->figure_table, item);
  self->syncing = FALSE;
}

static FzFigureItem *
item_at_view_start (FzReaderView *self,
                    guint         view_start)
{
  FzFigureItem *item = _fz_reader_view_item_at (self, view_start);

  return item != NULL && fz_figure_item_get_view_start (item) == view_start ? item : NULL;
}

/* One decision on the current figure; FALSE (and the reason shown) when it failed. */
static gboolean
decide (FzReaderView *self,
        DecideFunc    func,
        const char   *heading)
{
  FzFigureItem *item = current_item (self);
  g_autoptr(FzFigureList) result = NULL;
  g_autoptr(GError) error = NULL;
  guint view_start;

  if (!can_annotate (self) || item == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  view_start = fz_figure_item_get_view_start (item);
  result = func (self->decisions, self->document, fz_figure_item_get_id (item), NULL, &error);
  if (result == NULL)
    {
      show_error (self, heading, error);
      return FALSE;
    }
  /* An added figure rejected is gone; otherwise the same place is selected again. */
  if ((item = item_at_view_start (self, view_start)) != NULL)
    show_item (self, item);
  return TRUE;
}

static FzFigureList *
accept_figure (FzDecisions    *decisions,
               FzDocument     *document,
               FzFigureId      id,
               FzFigureStatus *status,
               GError        **error)
{
  return fz_decisions_set_accepted (decisions, document, id, TRUE, status, error);
}

/* Marking a selection as a figure */

/* Where a place in the buffer is in the shown stretch: before the newlines inserted up to it. */
static guint
stretch_offset (FzReaderView *self,
                guint         shown)
{
  guint lo = 0, hi = self->inserted->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->inserted, guint, mid) + mid < shown)
        lo = mid + 1;
      else
        hi = mid;
    }
  return shown - lo;
}

/* The selection as code points of the document's text; FALSE when nothing is selected. */
gboolean
_fz_reader_view_selection_span (FzReaderView *self,
                                guint        *start,
                                guint        *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  FzLayout *layout;
  GtkTextIter s, e;
  guint rs, re;

  if (self->document == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &s, &e))
    return FALSE;
  layout = fz_document_get_layout (self->document);
  rs = self->view_start + stretch_offset (self, gtk_text_iter_get_offset (&s));
  re = self->view_start + stretch_offset (self, gtk_text_iter_get_offset (&e));
  if (re <= rs)
    return FALSE;
  *start = fz_layout_to_original (layout, rs);
  *end = fz_layout_to_original (layout, re - 1) + 1;
  return *end > *start;
}

static void
action_mark_figure (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;
  g_autoptr(FzFigureList) result = NULL;
  g_autoptr(GError) error = NULL;
  guint start, end;

  if (!can_annotate (self) || !_fz_reader_view_selection_span (self, &start, &end))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  result = fz_decisions_add_figure (self->decisions, self->document, start, end, NULL, &error);
  if (result == NULL)
    {
      show_error (self, _("Could Not Mark the Figure"), error);
      return;
    }
  for (guint i = 0; i < self->by_pos->len; i++)
    {
      FzFigureItem *item = g_ptr_array_index (self->by_pos, i);

      if (fz_figure_item_get_figure (item)->start == fz_figure_list_get (result, 0)->start)
        {
          show_item (self, item);
          break;
        }
    }
}

/* Decisions on the current figure */

static void
action_reject_figure (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  decide (user_data, fz_decisions_reject, _("Could Not Reject the Figure"));
}

static void
action_restore_figure (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  decide (user_data, fz_decisions_restore, _("Could Not Restore the Figure"));
}

static void
action_accept_figure (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  decide (user_data, accept_figure, _("Could Not Accept the Figure"));
}

static void
action_edit_figure (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;
  FzFigureItem *item = current_item (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  FzFigureEditor *editor;

  if (!can_annotate (self) || item == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  editor = fz_figure_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 self->decisions, self->document, item);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
action_undo (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;

  if (self->decisions != NULL)
    fz_decisions_undo (self->decisions);
}

static void
action_redo (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;

  if (self->decisions != NULL)
    fz_decisions_redo (self->decisions);
}

/* Review mode */

static guint
position_in_list (FzReaderView *self,
                  FzFigureItem *item)
{
  GListModel *model = fz_figure_table_get_model (self->figure_table);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; item != NULL && i < n; i++)
    {
      g_autoptr(FzFigureItem) candidate = g_list_model_get_item (model, i);

      if (candidate == item)
        return i;
    }
  return G_MAXUINT;
}

static void
show_position (FzReaderView *self,
               guint         position)
{
  GListModel *model = fz_figure_table_get_model (self->figure_table);
  g_autoptr(FzFigureItem) item = g_list_model_get_item (model, position);

  if (item == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  show_item (self, item);
}

static void
review_move (FzReaderView *self,
             int           delta)
{
  guint at = position_in_list (self, current_item (self));

  if (at == G_MAXUINT)
    show_position (self, 0);
  else if (delta < 0 && at == 0)
    gtk_widget_error_bell (GTK_WIDGET (self));
  else
    show_position (self, at + delta);
}

/* Decides on the current figure and goes on to the next one the list shows; when the decision
 * took the figure out of the list (filtered on "not yet reviewed"), the next one is where it
 * was. */
static void
review_decide (FzReaderView *self,
               DecideFunc    func,
               const char   *heading)
{
  FzFigureItem *item = current_item (self);
  guint before = position_in_list (self, item);
  guint after;

  if (!decide (self, func, heading))
    return;
  item = current_item (self);
  after = position_in_list (self, item);
  show_position (self, after != G_MAXUINT ? after + 1 : before != G_MAXUINT ? before : 0);
}

static void
action_review_accept (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  review_decide (user_data, accept_figure, _("Could Not Accept the Figure"));
}

static void
action_review_reject (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  review_decide (user_data, fz_decisions_reject, _("Could Not Reject the Figure"));
}

static void
action_review_next (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  review_move (user_data, 1);
}

static void
action_review_previous (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  review_move (user_data, -1);
}

static void
action_review (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  FzReaderView *self = user_data;

  self->review = g_variant_get_boolean (state);
  g_simple_action_set_state (action, state);
  if (self->review)
    {
      gtk_widget_add_css_class (self->text_view, "reviewing");
      review_move (self, 0);
      gtk_widget_grab_focus (self->text_view);
    }
  else
    gtk_widget_remove_css_class (self->text_view, "reviewing");
  _fz_reader_view_update_annotate_actions (self);
  _fz_reader_view_update_review_bar (self);
}

static void
action_review_leave (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;

  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), "review",
                                      g_variant_new_boolean (FALSE));
}

/* The review bar */

/* Which figure of how many: review walks the figures the list shows, in its order. */
void
_fz_reader_view_update_review_bar (FzReaderView *self)
{
  GListModel *model;
  g_autofree char *text = NULL;
  guint n, at;

  if (self->review_bar == NULL)
    return;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->review_bar), self->review);
  if (!self->review)
    return;
  model = fz_figure_table_get_model (self->figure_table);
  n = g_list_model_get_n_items (model);
  at = position_in_list (self, current_item (self));
  if (at != G_MAXUINT)
    /* TRANSLATORS: in review mode, the current figure's place in the figure list */
    text = g_strdup_printf (_("Figure %u of %u"), at + 1, n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure in the list",
                                         "%u figures in the list", n), n);
  gtk_label_set_text (GTK_LABEL (self->review_position), text);
}

static void
list_changed (FzReaderView *self,
              guint         position,
              guint         removed,
              guint         added,
              GListModel   *model)
{
  if (self->review)
    _fz_reader_view_update_review_bar (self);
}

/* One undoable step: every figure the list shows now, rejected ones left as they are. */
static void
action_accept_all (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;
  GListModel *model = fz_figure_table_get_model (self->figure_table);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (FzFigureId));

  if (!can_annotate (self))
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzFigureItem) item = g_list_model_get_item (model, i);

      if ((fz_figure_item_get_flags (item) & (FZ_FIGURE_STATUS_REJECTED
                                              | FZ_FIGURE_STATUS_ACCEPTED)) == 0)
        {
          FzFigureId id = fz_figure_item_get_id (item);

          g_array_append_val (ids, id);
        }
    }
  fz_decisions_begin_group (self->decisions);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FzFigureList) result = NULL;

      result = fz_decisions_set_accepted (self->decisions, self->document,
                                          g_array_index (ids, FzFigureId, i), TRUE,
                                          NULL, NULL);
    }
  fz_decisions_end_group (self->decisions);
}

/* Notes */

static void
note_response (AdwMessageDialog *dialog,
               const char       *response,
               FzReaderView     *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "fz-entry");
  void (*save) (FzReaderView *, const char *) = g_object_get_data (G_OBJECT (dialog), "fz-save");

  if (g_str_equal (response, "save") && self->document != NULL && self->decisions != NULL)
    save (self, gtk_editable_get_text (entry));
}

static void
ask_note (FzReaderView *self,
          const char   *heading,
          const char   *note,
          void        (*save) (FzReaderView *, const char *))
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), note != NULL ? note : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", _("_Save Note"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_object_set_data (G_OBJECT (dialog), "fz-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "fz-save", save);
  g_signal_connect_object (dialog, "response", G_CALLBACK (note_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_figure_note (FzReaderView *self,
                  const char   *note)
{
  FzFigureItem *item = current_item (self);
  g_autoptr(FzFigureList) result = NULL;
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  result = fz_decisions_set_figure_note (self->decisions, self->document,
                                         fz_figure_item_get_id (item), note, NULL, &error);
  if (result == NULL)
    show_error (self, _("Could Not Save the Note"), error);
}

/* The article shown, or the one the cursor is in; -1 when there is none. */
int
_fz_reader_view_current_article (FzReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GPtrArray *articles = fz_document_get_articles (self->document);
  GtkTextIter iter;
  guint offset;

  if (self->article >= 0 || articles == NULL)
    return self->article;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  offset = fz_layout_to_original (fz_document_get_layout (self->document),
                                  stretch_offset (self, gtk_text_iter_get_offset (&iter)));
  for (guint i = 0; i < articles->len; i++)
    {
      FzArticle *a = g_ptr_array_index (articles, i);

      if (a->start <= offset && offset < a->end)
        return (int) i;
    }
  return -1;
}

static void
save_article_note (FzReaderView *self,
                   const char   *note)
{
  g_autoptr(GError) error = NULL;
  int article = _fz_reader_view_current_article (self);

  if (article >= 0 && !fz_decisions_set_article_note (self->decisions, self->document, article,
                                                      note, &error))
    show_error (self, _("Could Not Save the Note"), error);
}

static void
save_document_note (FzReaderView *self,
                    const char   *note)
{
  g_autofree char *key = fz_decisions_document_key (self->document);

  fz_decisions_set_document_note (self->decisions, key, note);
}

static void
action_note_figure (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;
  FzFigureItem *item = current_item (self);

  if (!can_annotate (self) || item == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  ask_note (self, _("Note on the Figure"),
            fz_decisions_get_figure_note (self->decisions, self->document,
                                          fz_figure_item_get_id (item)),
            save_figure_note);
}

static void
action_note_article (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;
  int article = can_annotate (self) ? _fz_reader_view_current_article (self) : -1;

  if (article < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  ask_note (self, _("Note on the Article"),
            fz_decisions_get_article_note (self->decisions, self->document, article),
            save_article_note);
}

static void
action_note_document (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FzReaderView *self = user_data;
  g_autofree char *key = NULL;

  if (!can_annotate (self))
    return;
  key = fz_decisions_document_key (self->document);
  ask_note (self, _("Note on the Document"),
            fz_decisions_get_document_note (self->decisions, key), save_document_note);
}

/* Set up */

static void
enable (FzReaderView *self,
        const char   *name,
        gboolean      enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_fz_reader_view_update_annotate_actions (FzReaderView *self)
{
  static const char *const figure_actions[] = {
    "mark-figure", "edit-figure", "reject-figure", "restore-figure", "accept-figure",
    "note-figure", "note-article", "note-document", "accept-all", "review",
  };
  static const char *const review_actions[] = {
    "review-accept", "review-reject", "review-edit", "review-next", "review-previous",
  };
  gboolean ok = can_annotate (self);

  if (self->actions == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (figure_actions); i++)
    enable (self, figure_actions[i], ok);
  for (guint i = 0; i < G_N_ELEMENTS (review_actions); i++)
    enable (self, review_actions[i], ok && self->review);
  /* Review mode can always be left, even when the document went away. */
  enable (self, "review-leave", self->review);
  enable (self, "undo", self->decisions != NULL && fz_decisions_can_undo (self->decisions));
  enable (self, "redo", self->decisions != NULL && fz_decisions_can_redo (self->decisions));
}

/* One key per decision while reviewing; the keys act only in the text, so typing in the find
 * bar or the list's search is never taken for a decision. The review bar names the first key
 * of each action with its hint; the tooltip names them all. */
static const struct
{
  guint       key;
  const char *action;
  const char *hint;     /* the bar's word for the action, on its first key only */
} review_keys[] = {
  { GDK_KEY_a, "reader.review-accept", NC_("review key", "accept") },
  { GDK_KEY_Return, "reader.review-accept", NULL },
  { GDK_KEY_KP_Enter, "reader.review-accept", NULL },
  { GDK_KEY_r, "reader.review-reject", NC_("review key", "reject") },
  { GDK_KEY_Delete, "reader.review-reject", NULL },
  { GDK_KEY_e, "reader.review-edit", NC_("review key", "edit") },
  { GDK_KEY_n, "reader.review-next", NC_("review key", "next") },
  { GDK_KEY_Down, "reader.review-next", NULL },
  { GDK_KEY_p, "reader.review-previous", NC_("review key", "previous") },
  { GDK_KEY_Up, "reader.review-previous", NULL },
  { GDK_KEY_Escape, "reader.review-leave", NC_("review key", "leave") },
};

static void
add_review_keys (FzReaderView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (review_keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (review_keys[i].key, 0);
      GtkShortcutAction *action = gtk_named_action_new (review_keys[i].action);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (self->text_view, controller);
}

/* "A accept · R reject · …" from the keys themselves, so the bar never tells a wrong key. */
static void
fill_review_hints (FzReaderView *self)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) tooltip = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (review_keys); i++)
    {
      const char *hint;
      g_autofree char *key = NULL;
      g_autofree char *escaped = NULL;

      if (review_keys[i].hint == NULL)
        continue;
      hint = g_dpgettext2 (GETTEXT_PACKAGE, "review key", review_keys[i].hint);
      key = gtk_accelerator_get_label (review_keys[i].key, 0);
      /* A no-break space keeps a key with its word when the bar wraps. */
      escaped = g_markup_printf_escaped ("%s<b>%s</b>\u00a0%s", markup->len > 0 ? "  ·  " : "",
                                         key, hint);
      g_string_append (markup, escaped);
      if (tooltip->len > 0)
        g_string_append_c (tooltip, '\n');
      g_string_append (tooltip, key);
      for (guint j = i + 1; j < G_N_ELEMENTS (review_keys) && review_keys[j].hint == NULL; j++)
        {
          g_autofree char *other = gtk_accelerator_get_label (review_keys[j].key, 0);

          g_string_append_printf (tooltip, ", %s", other);
        }
      g_string_append_printf (tooltip, ": %s", hint);
    }
  gtk_label_set_markup (GTK_LABEL (self->review_keys), markup->str);
  gtk_widget_set_tooltip_text (self->review_keys, tooltip->str);
}

void
_fz_reader_view_init_annotate (FzReaderView *self)
{
  const GActionEntry entries[] = {
    { "mark-figure", action_mark_figure },
    { "edit-figure", action_edit_figure },
    { "reject-figure", action_reject_figure },
    { "restore-figure", action_restore_figure },
    { "accept-figure", action_accept_figure },
    { "note-figure", action_note_figure },
    { "note-article", action_note_article },
    { "note-document", action_note_document },
    { "undo", action_undo },
    { "redo", action_redo },
    { "review", NULL, NULL, "false", action_review },
    { "review-accept", action_review_accept },
    { "review-reject", action_review_reject },
    { "review-edit", action_edit_figure },
    { "review-next", action_review_next },
    { "review-previous", action_review_previous },
    { "review-leave", action_review_leave },
    { "accept-all", action_accept_all },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  add_review_keys (self);
  fill_review_hints (self);
  g_signal_connect_object (fz_figure_table_get_model (self->figure_table), "items-changed",
                           G_CALLBACK (list_changed), self, G_CONNECT_SWAPPED);
  /* One menu button for corrections and highlighted kinds: a phone-wide toolbar has no room
   * for two. The same corrections are the text's context menu. */
  g_menu_prepend_section (self->kinds_menu, NULL, self->annotate_menu);
  _fz_reader_view_update_annotate_actions (self);
}

gboolean
fz_reader_view_get_review_mode (FzReaderView *self)
{
  g_return_val_if_fail (FZ_IS_READER_VIEW (self), FALSE);
  return self->review;
}
