/* fz-application.h: the Fanzha application: actions, command line, windows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fz-pipeline.h"

G_BEGIN_DECLS

#define FZ_TYPE_APPLICATION (fz_application_get_type ())

G_DECLARE_FINAL_TYPE (FzApplication, fz_application, FZ, APPLICATION, AdwApplication)

FzApplication *fz_application_new             (void);
/* What the process returns once the application has run (a failed --screenshot: 1). */
void           fz_application_set_exit_status (FzApplication *self,
                                               int            status);
int            fz_application_get_exit_status (FzApplication *self);
/* The one pipeline of the application, built on a worker thread at the first request; every
 * window's workspace shares it. @callback runs on the main thread once it is there (at once
 * if it already is), with NULL and the error if it could not be built. */
typedef void (*FzPipelineReadyFunc) (FzPipeline   *pipeline,
                                     const GError *error,
                                     gpointer      user_data);
void           fz_application_request_pipeline (FzApplication       *self,
                                                GObject             *owner,
                                                FzPipelineReadyFunc  callback);
/* $XDG_DATA_HOME/fanzha/workspace.xml: where the analyst's workspace is kept between runs. */
char          *fz_application_dup_workspace_path (void);
/* Gives @window (an FzWindow) the workspace file: opened if it exists, then saved to after
 * every change. A damaged file is refused (FALSE, @error) with a dialog offering its backup,
 * and nothing is written until the analyst chooses. Done for the first window of a normal run;
 * never for a --screenshot run. */
gboolean       fz_application_restore_workspace  (FzApplication  *self,
                                                  GtkWindow      *window,
                                                  GError        **error);

G_END_DECLS
