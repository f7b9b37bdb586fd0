/* fz-workspace-save.c: the workspace to and from its file, saved soon after every change. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fz-workspace-file.h"
#include "fz-workspace-private.h"

/* Saved at most this long after the first change of a burst, whatever follows. */
#define AUTOSAVE_DELAY_MS 500

static FzWorkspaceState *
make_state (FzWorkspace *self)
{
  FzWorkspaceState *state = fz_workspace_state_new ();
  GListModel *documents = G_LIST_MODEL (self->documents);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(FzDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *key = _fz_workspace_document_key (document);
      const char *checksum = _fz_workspace_document_checksum (document);

      fz_workspace_state_add_document (state, key, checksum,
                                       g_hash_table_lookup (self->dates, key));
    }
  state->index = self->options;
  fz_workspace_state_set_period (state, self->period);
  fz_workspace_state_set_decisions (state, self->decisions);
  return state;
}

gboolean
fz_workspace_save (FzWorkspace  *self,
                   const char   *path,
                   GError      **error)
{
  g_autoptr(FzWorkspaceState) state = NULL;

  g_return_val_if_fail (FZ_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  state = make_state (self);
  return fz_workspace_file_save (state, path, error);
}

static gboolean
autosave_cb (gpointer data)
{
  FzWorkspace *self = data;

  self->save_source = 0;
  g_clear_error (&self->save_error);
  if (self->autosave_path != NULL && !fz_workspace_save (self, self->autosave_path,
                                                         &self->save_error))
    g_warning ("%s", self->save_error->message);
  return G_SOURCE_REMOVE;
}

void
_fz_workspace_changed (FzWorkspace *self)
{
  _fz_workspace_index_schedule (self);
  /* A folder of thousands of pages arrives in hundreds of batches: listing them all in the
   * file after each would stall the window. The list is saved once it is complete. */
  if (self->n_loading > 0)
    self->save_deferred = TRUE;
  else if (self->autosave_path != NULL && self->save_source == 0)
    self->save_source = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
}

void
_fz_workspace_loading_over (FzWorkspace *self)
{
  if (self->save_deferred)
    {
      self->save_deferred = FALSE;
      _fz_workspace_changed (self);
    }
  else if (self->index_deferred)
    _fz_workspace_index_schedule (self);
}

void
_fz_workspace_save_dispose (FzWorkspace *self)
{
  /* Nothing the analyst did is lost: a pending save is made now. */
  if (self->save_source != 0)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      autosave_cb (self);
    }
  g_clear_pointer (&self->autosave_path, g_free);
  g_clear_error (&self->save_error);
}

void
fz_workspace_set_autosave_path (FzWorkspace *self,
                                const char  *path)
{
  g_return_if_fail (FZ_IS_WORKSPACE (self));

  g_free (self->autosave_path);
  self->autosave_path = g_strdup (path);
  if (path == NULL)
    g_clear_handle_id (&self->save_source, g_source_remove);
}

const char *
fz_workspace_get_autosave_path (FzWorkspace *self)
{
  g_return_val_if_fail (FZ_IS_WORKSPACE (self), NULL);
  return self->autosave_path;
}

gboolean
fz_workspace_flush_autosave (FzWorkspace  *self,
                             GError      **error)
{
  g_return_val_if_fail (FZ_IS_WORKSPACE (self), FALSE);

  if (self->save_source == 0)
    return TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  return fz_workspace_save (self, self->autosave_path, error);
}

gboolean
fz_workspace_open (FzWorkspace          *self,
                   const char           *path,
                   GCancellable         *cancellable,
                   GAsyncReadyCallback   callback,
                   gpointer              user_data,
                   GError              **error)
{
  g_autoptr(FzWorkspaceState) state = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (FZ_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  state = fz_workspace_file_load (path, error);
  if (state == NULL)
    return FALSE;

  _fz_workspace_set_decisions (self, state->decisions);
  for (guint i = 0; i < state->documents->len; i++)
    {
      FzWorkspaceEntry *entry = state->documents->pdata[i];

      if (entry->date != NULL)
        g_hash_table_insert (self->dates, g_strdup (entry->path), g_strdup (entry->date));
      g_ptr_array_add (files, g_file_new_for_path (entry->path));
    }
  fz_workspace_set_index_options (self, &state->index);
  fz_workspace_load_async (self, (GFile **) files->pdata, files->len, cancellable, callback,
                           user_data);
  return TRUE;
}
