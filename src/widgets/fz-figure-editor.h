/* fz-figure-editor.h: a dialog to correct one figure's fields, applied as one undoable step. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fz-decisions.h"
#include "fz-figure-item.h"

G_BEGIN_DECLS

#define FZ_TYPE_FIGURE_EDITOR (fz_figure_editor_get_type ())

G_DECLARE_FINAL_TYPE (FzFigureEditor, fz_figure_editor, FZ, FIGURE_EDITOR, AdwMessageDialog)

/* Shows @item's fields as they are now; its "apply" response sets the ones changed. */
FzFigureEditor *fz_figure_editor_new      (GtkWindow      *parent,
                                           FzDecisions    *decisions,
                                           FzDocument     *document,
                                           FzFigureItem   *item);
/* What the field's row holds, as fz_decisions_set_field takes it. */
char           *fz_figure_editor_dup_text (FzFigureEditor *self,
                                           FzFigureField   field);
void            fz_figure_editor_set_text (FzFigureEditor *self,
                                           FzFigureField   field,
                                           const char     *text);
/* Sets every field that differs from the figure's; FALSE with @error at the first refused
 * value (those before it stay set, in the same undoable step). */
gboolean        fz_figure_editor_apply    (FzFigureEditor *self,
                                           GError        **error);

G_END_DECLS
