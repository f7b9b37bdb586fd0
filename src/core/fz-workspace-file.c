/* fz-workspace-file.c: what a workspace holds, its atomic save (temporary file, fsync, rename,
 * the previous version kept as NAME~) and its load, which never writes anything. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-workspace-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "fz-error.h"

static void
entry_free (FzWorkspaceEntry *entry)
{
  g_free (entry->path);
  g_free (entry->checksum);
  g_free (entry->date);
  g_free (entry);
}

FzWorkspaceState *
fz_workspace_state_new (void)
{
  FzWorkspaceState *state = g_new0 (FzWorkspaceState, 1);

  state->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  fz_index_options_init (&state->index);
  state->index.period = NULL;
  state->decisions = fz_decisions_new ();
  return state;
}

void
fz_workspace_state_free (FzWorkspaceState *state)
{
  g_ptr_array_unref (state->documents);
  g_free (state->period);
  g_clear_object (&state->decisions);
  g_free (state);
}

FzWorkspaceEntry *
fz_workspace_state_add_document (FzWorkspaceState *state,
                                 const char       *path,
                                 const char       *checksum,
                                 const char       *date)
{
  FzWorkspaceEntry *entry = (FzWorkspaceEntry *) fz_workspace_state_lookup (state, path);

  g_return_val_if_fail (path != NULL, NULL);
  if (entry == NULL)
    {
      entry = g_new0 (FzWorkspaceEntry, 1);
      entry->path = g_strdup (path);
      g_ptr_array_add (state->documents, entry);
    }
  g_free (entry->checksum);
  entry->checksum = g_strdup (checksum);
  g_free (entry->date);
  entry->date = g_strdup (date);
  return entry;
}

const FzWorkspaceEntry *
fz_workspace_state_lookup (const FzWorkspaceState *state,
                           const char             *path)
{
  for (guint i = 0; i < state->documents->len; i++)
    {
      const FzWorkspaceEntry *entry = g_ptr_array_index (state->documents, i);

      if (g_strcmp0 (entry->path, path) == 0)
        return entry;
    }
  return NULL;
}

void
fz_workspace_state_set_period (FzWorkspaceState *state,
                               const char       *period)
{
  char *copy = g_strdup (period);

  g_free (state->period);
  state->period = copy;
  state->index.period = copy;
}

void
fz_workspace_state_set_decisions (FzWorkspaceState *state,
                                  FzDecisions      *decisions)
{
  g_return_if_fail (FZ_IS_DECISIONS (decisions));
  g_set_object (&state->decisions, decisions);
}

char *
fz_workspace_file_backup_path (const char *path)
{
  return g_strconcat (path, "~", NULL);
}

static gboolean
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, FZ_ERROR, FZ_ERROR_IO, _("Could not save the workspace %s: %s"), display,
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

/* The data, in a new file beside @path, on disk before it is renamed. */
static char *
write_temporary (const char  *path,
                 GBytes      *bytes,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, tmpl, NULL);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  int saved;

  if (fd < 0)
    return set_io_error (error, path, errno), NULL;
  if (write_all (fd, data, len) && fsync (fd) == 0 && close (fd) == 0)
    return g_steal_pointer (&tmp);
  saved = errno;
  close (fd);
  g_unlink (tmp);
  return set_io_error (error, path, saved), NULL;
}

/* The version about to be replaced stays as NAME~: a second name for the same file, so @path
 * exists at every moment. */
static void
keep_backup (const char *path)
{
  g_autofree char *backup = fz_workspace_file_backup_path (path);
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  g_unlink (backup);
  if (link (path, backup) == 0)
    return;
  /* A file system without hard links gets a copy. */
  if (g_file_get_contents (path, &data, &len, NULL))
    g_file_set_contents (backup, data, len, NULL);
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
fz_workspace_file_save (const FzWorkspaceState  *state,
                        const char              *path,
                        GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = fz_workspace_file_write (state, error);
  if (bytes == NULL)
    return FALSE;
  tmp = write_temporary (path, bytes, error);
  if (tmp == NULL)
    return FALSE;
  keep_backup (path);
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      return set_io_error (error, path, saved);
    }
  sync_folder (path);
  return TRUE;
}

/* Says where the previous version is, so the analyst can turn to it. */
static void
mention_backup (const char  *path,
                GError     **error)
{
  g_autofree char *backup = fz_workspace_file_backup_path (path);
  g_autofree char *display = g_filename_display_name (backup);
  g_autofree char *cause = NULL;

  if (error == NULL || *error == NULL)
    return;
  cause = g_steal_pointer (&(*error)->message);
  if (g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    (*error)->message = g_strdup_printf (_("%s. The workspace was not opened and the file was "
                                           "left as it is; the previous version is kept in %s."),
                                         cause, display);
  else
    (*error)->message = g_strdup_printf (_("%s. The workspace was not opened and the file was "
                                           "left as it is; there is no backup of it."), cause);
}

FzWorkspaceState *
fz_workspace_file_load (const char  *path,
                        GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  gsize len = 0;
  FzWorkspaceState *state;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!fz_file_get_contents (path, &data, &len, error))
    return NULL;
  display = g_filename_display_name (path);
  state = fz_workspace_file_read (data, len, display, error);
  if (state == NULL)
    mention_backup (path, error);
  return state;
}
