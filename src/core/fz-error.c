/* fz-error.c: the error domain, and reading a data file with errors in it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-error.h"

G_DEFINE_QUARK (fz-error-quark, fz_error)

gboolean
fz_file_get_contents (const char  *path,
                      char       **data,
                      gsize       *len,
                      GError     **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL && len != NULL, FALSE);

  if (!g_file_get_contents (path, data, len, &local))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  if (*len > FZ_MAX_FILE_SIZE)
    {
      g_clear_pointer (data, g_free);
      g_set_error (error, FZ_ERROR, FZ_ERROR_TOO_LARGE, "%s: larger than %d MiB", path,
                   FZ_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}
