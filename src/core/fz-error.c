/* fz-error.c: the error domain. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-error.h"

G_DEFINE_QUARK (fz-error-quark, fz_error)
