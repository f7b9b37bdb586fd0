/* fz-document-date.h: the publication date a page states in its masthead or page header. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads one date written alone: 2022年4月25日, 二〇二二年四月二十五日, 2022-04-25,
 * 2022.04.25 or 2022/04/25 (white space allowed, nothing else around it). */
gboolean fz_doc_date_parse (const char *str,
                            gssize      len,
                            GDate      *out);

/* The date the page was published, from a masthead or page header line
 * (a date alone on its line near the top, or together with 星期, 版, 期 or
 * 农历). A date inside a sentence of an article is an event, never the
 * document's date. */
gboolean fz_doc_date_find  (const char *text,
                            gsize       len,
                            GDate      *out);
/* The same from the text's @n_chars characters, NUL-terminated, as fz_charset_to_ucs4 ()
 * gives them with the white space kept: a caller that has them need not decode the text
 * again. */
gboolean fz_doc_date_find_chars (const gunichar *chars,
                                 guint           n_chars,
                                 GDate          *out);

/* Whether @line (UTF-8, one line) is a page header's dateline: a date with the marks of one
 * around it (2024年11月15日 星期五, 发布时间：2024-11-15, 来源：某某网 2024-11-15 09:12). */
gboolean fz_doc_date_is_dateline (const char *line,
                                  gsize       len);
/* The same from the line's @n_chars characters. */
gboolean fz_doc_date_is_dateline_chars (const gunichar *chars,
                                        guint           n_chars);

G_END_DECLS
