/* fz-figure-csv.h: the figures table as CSV for spreadsheets (RFC 4180, UTF-8 with a BOM). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-document.h"

G_BEGIN_DECLS

/* The BOM and the header line: the columns of `fanzha-cli extract`. */
void fz_figure_csv_write_header   (GString    *out);
/* One CRLF-ended row for each figure of @document. */
void fz_figure_csv_write_document (GString    *out,
                                   FzDocument *document);
/* @text as an RFC 4180 field: quoted (quotes doubled) when it holds a comma, a quote or a
 * line break, or begins with a character a spreadsheet would read as a formula. */
void fz_figure_csv_write_field    (GString    *out,
                                   const char *text,
                                   gssize      len);

G_END_DECLS
