/* fuzz-target.h: what every libFuzzer target declares: its entry point and its check. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

/* libFuzzer calls it with each input, tests/fuzz-replay.c with each one kept. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A broken promise aborts: libFuzzer reports a crash and keeps the input. */
static inline void
fz_fuzz_check (gboolean ok)
{
  if (!ok)
    abort ();
}
