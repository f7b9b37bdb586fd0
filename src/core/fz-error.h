/* fz-error.h: the error domain for everything a user's input can make fail. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FZ_ERROR (fz_error_quark ())

typedef enum
{
  FZ_ERROR_FAILED,
  FZ_ERROR_EMPTY,          /* the file holds no text */
  FZ_ERROR_BINARY,         /* NUL bytes or an image/archive signature */
  FZ_ERROR_TOO_LARGE,      /* over the size limit */
  FZ_ERROR_ENCODING,       /* bytes that no supported encoding decodes */
  FZ_ERROR_NOT_REGULAR,    /* a FIFO, device or other special file */
  FZ_ERROR_LOOP,           /* a directory loop */
  FZ_ERROR_IO,             /* unreadable, vanished, permission denied */
  FZ_ERROR_PARSE,          /* a data file (lexicon, gazetteer, XML) that does not parse */
  FZ_ERROR_INVALID,        /* an argument or value that is not valid */
} FzError;

/* 64 MiB: a newspaper page is a few tens of kilobytes. */
#define FZ_MAX_FILE_SIZE (64 * 1024 * 1024)

GQuark   fz_error_quark       (void);

/* Reads a data file (lexicon, gazetteer, aliases): a failure is FZ_ERROR_IO naming the file,
 * a file over FZ_MAX_FILE_SIZE is FZ_ERROR_TOO_LARGE. */
gboolean fz_file_get_contents (const char  *path,
                               char       **data,
                               gsize       *len,
                               GError     **error);

G_END_DECLS
