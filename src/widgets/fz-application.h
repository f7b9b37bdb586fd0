/* fz-application.h: the Fanzha application: actions, command line, windows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FZ_TYPE_APPLICATION (fz_application_get_type ())

G_DECLARE_FINAL_TYPE (FzApplication, fz_application, FZ, APPLICATION, AdwApplication)

FzApplication *fz_application_new (void);

G_END_DECLS
