/* fz-test-gold.h: where the tests find the shared pages, the gold files and the data files,
 * and how they read pages, and read and match gold rows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-pipeline.h"

G_BEGIN_DECLS

char       *fz_test_shared_path    (const char *first_element,
                                    ...) G_GNUC_NULL_TERMINATED G_GNUC_MALLOC;
char       *fz_test_data_path      (const char *name) G_GNUC_MALLOC;
FzDocument *fz_test_load_analysed  (FzPipeline *pipeline,
                                    const char *path);
GPtrArray  *fz_test_read_tsv       (const char *path);
char       *fz_test_squash         (const char *s) G_GNUC_MALLOC;
gboolean    fz_test_region_matches (const char *gold,
                                    const char *got);

G_END_DECLS
