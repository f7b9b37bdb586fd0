/* fz-summary-check.h: a summary checked against data/fanzha-summary.rng with libxml2's
 * RELAX NG validator. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The schema's path: in $FANZHA_DATADIR, else installed, else in the source tree. */
char     *fz_summary_find_schema (void);
/* Reads @path safely (fz-xml: size, depth, no DTD or entities), refuses a newer format
 * version, validates against @schema_path (NULL: fz_summary_find_schema()), then reads it as
 * the app would (offsets in order, known values). FALSE with
 * one FZ_ERROR saying what is wrong and where (the first errors, one line each). */
gboolean  fz_summary_check_file  (const char  *path,
                                  const char  *schema_path,
                                  GError     **error);

G_END_DECLS
