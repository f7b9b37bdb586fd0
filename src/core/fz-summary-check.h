/* fz-summary-check.h: a summary checked against data/fanzha-summary.rng with libxml2's
 * RELAX NG validator. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The schema's path: in $FANZHA_DATADIR, else installed, else in the source tree. */
char     *fz_summary_find_schema (void);
/* Reads @path node by node through fz-xml-stream (its size checked before it is read, then
 * the limits of fz-xml: depth, attributes, no DTD or entities, UTF-8), refuses a newer format
 * version, validates against @schema_path (NULL: fz_summary_find_schema()) as the elements
 * come, and checks each as the app's reader would (offsets in order, known values). Memory
 * does not grow with the file. FALSE with one FZ_ERROR saying what is wrong and where (the
 * first errors, one line each). */
gboolean  fz_summary_check_file  (const char  *path,
                                  const char  *schema_path,
                                  GError     **error);
/* The same for @data, named @display in messages. */
gboolean  fz_summary_check_data  (const char  *data,
                                  gsize        len,
                                  const char  *display,
                                  const char  *schema_path,
                                  GError     **error);

G_END_DECLS
