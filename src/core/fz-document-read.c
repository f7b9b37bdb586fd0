/* fz-document-read.c: reading a page's bytes from a path or GIO location, or saying why not. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-document.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fz-error.h"

static gboolean
read_fd (int           fd,
         const char   *display,
         guint8      **out,
         gsize        *out_len,
         GError      **error)
{
  struct stat st;
  g_autofree guint8 *buf = NULL;
  gsize size, got = 0;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_NOT_REGULAR,
                   _("%s: not a regular file"), display);
      return FALSE;
    }
  if (st.st_size > FZ_MAX_FILE_SIZE)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_TOO_LARGE,
                   _("%s: the file is larger than the limit of %d MiB"),
                   display, FZ_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  size = st.st_size;
  buf = g_malloc (size + 1);
  /* read one byte more than the size, to notice a file that grows */
  while (got <= size)
    {
      gssize r = read (fd, buf + got, size + 1 - got);

      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          int saved = errno;

          g_set_error (error, FZ_ERROR, FZ_ERROR_IO, _("%s: cannot be read: %s"),
                       display, g_strerror (saved));
          return FALSE;
        }
      if (r == 0)
        break;
      got += r;
    }
  if (got > size)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_IO,
                   _("%s: the file changed while it was being read"), display);
      return FALSE;
    }
  *out = g_steal_pointer (&buf);
  *out_len = got;
  return TRUE;
}

static void
set_missing_error (GError     **error,
                   const char  *display)
{
  g_set_error (error, FZ_ERROR, FZ_ERROR_IO,
               _("%s: the file does not exist (moved or deleted?)"), display);
}

/* Only a regular file of a size worth reading is opened. */
static gboolean
check_stat (const GStatBuf  *st,
            const char      *display,
            GError         **error)
{
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_NOT_REGULAR,
                   _("%s: is a folder, not a file"), display);
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_NOT_REGULAR,
                   _("%s: is a special file (pipe, device or socket), not a text file"), display);
      return FALSE;
    }
  if (st->st_size == 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_EMPTY, _("%s: the file is empty"), display);
      return FALSE;
    }
  if (st->st_size > FZ_MAX_FILE_SIZE)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_TOO_LARGE,
                   _("%s: the file is larger than the limit of %d MiB"),
                   display, FZ_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

/* look before opening: opening a FIFO for reading would wait for a writer */
static gboolean
look_at_path (const char  *path,
              const char  *display,
              GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0 || (S_ISLNK (st.st_mode) && g_stat (path, &st) != 0))
    {
      int saved = errno;

      if (saved == ENOENT || saved == ENOTDIR)
        set_missing_error (error, display);
      else
        g_set_error (error, FZ_ERROR, FZ_ERROR_IO, _("%s: cannot be read: %s"),
                     display, g_strerror (saved));
      return FALSE;
    }
  return check_stat (&st, display, error);
}

static gboolean
load_local (const char   *path,
            const char   *display,
            guint8      **data,
            gsize        *len,
            GError      **error)
{
  int fd;
  gboolean ok;

  if (!look_at_path (path, display, error))
    return FALSE;
  /* O_NONBLOCK: should the file be swapped for a FIFO after the look, do not hang */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        set_missing_error (error, display);
      else
        g_set_error (error, FZ_ERROR, FZ_ERROR_IO, _("%s: cannot be opened: %s"),
                     display, g_strerror (saved));
      return FALSE;
    }
  ok = read_fd (fd, display, data, len, error);
  close (fd);
  return ok;
}

static gboolean
load_gio (GFile         *file,
          const char    *display,
          GCancellable  *cancellable,
          guint8       **data,
          gsize         *len,
          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  char *contents = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local);
  if (info == NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_IO, "%s: %s", display, local->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_NOT_REGULAR, _("%s: not a regular file"), display);
      return FALSE;
    }
  if (g_file_info_get_size (info) > FZ_MAX_FILE_SIZE)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_TOO_LARGE,
                   _("%s: the file is larger than the limit of %d MiB"),
                   display, FZ_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (!g_file_load_contents (file, cancellable, &contents, len, NULL, &local))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_IO, "%s: %s", display, local->message);
      return FALSE;
    }
  *data = (guint8 *) contents;
  return TRUE;
}

guint8 *
fz_document_read (GFile         *file,
                  GCancellable  *cancellable,
                  gsize         *len,
                  GError       **error)
{
  g_autofree char *display = NULL;
  g_autofree guint8 *data = NULL;
  const char *path;
  gsize n = 0;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (len != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_file_get_parse_name (file);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  path = g_file_peek_path (file);
  if (path != NULL)
    ok = load_local (path, display, &data, &n, error);
  else
    ok = load_gio (file, display, cancellable, &data, &n, error);
  if (!ok)
    return NULL;
  if (n == 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_EMPTY, _("%s: the file is empty"), display);
      return NULL;
    }
  *len = n;
  return g_steal_pointer (&data);
}
