/* fz-layout.h: layout repair for reading (PDF line breaks, spaced CJK), with an offset map
 * both ways. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FzLayout FzLayout;

FzLayout   *fz_layout_new           (const char *text,
                                     gsize       len);
void        fz_layout_free          (FzLayout   *self);
/* The repaired text, UTF-8. */
const char *fz_layout_get_text      (FzLayout   *self,
                                     gsize      *len);
guint       fz_layout_get_n_chars   (FzLayout   *self);
/* Code point offsets. An original offset inside dropped text maps to the next kept character. */
guint32     fz_layout_to_repaired   (FzLayout   *self,
                                     guint32     original);
guint32     fz_layout_to_original   (FzLayout   *self,
                                     guint32     repaired);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzLayout, fz_layout_free)

G_END_DECLS
