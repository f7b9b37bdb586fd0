/* fuzz-workspace.c: libFuzzer target for the workspace reader: whatever it accepts must apply
 * to a document, write back, and read again to the same file. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fz-workspace-file.h"
#include "fuzz-target.h"

static const char page[] =
  "城南区公安局今年破获电信网络诈骗案件672起，止付冻结涉诈资金97.7亿元，同比下降43.26%。\n";

/* Applies every document's decisions to a page of that name: re-anchoring, unattached lists,
 * counts, and one more change and its undo. */
static void
apply_to_page (FzDecisions *decisions)
{
  g_auto(GStrv) paths = fz_decisions_dup_paths (decisions);

  for (guint i = 0; paths[i] != NULL && i < 8; i++)
    {
      g_autoptr(FzDocument) document = fz_document_new_from_data (paths[i], (const guint8 *) page,
                                                                  strlen (page), NULL);
      g_autoptr(GArray) status = NULL;
      g_autoptr(FzFigureList) figures = NULL;
      g_autoptr(GPtrArray) lost = NULL;
      guint reviewed = 0, total = 0;

      if (document == NULL)
        continue;
      figures = fz_decisions_apply (decisions, document, &status);
      if (status->len != fz_figure_list_get_n (figures))
        abort ();
      lost = fz_decisions_dup_unattached (decisions, document);
      fz_decisions_get_counts (decisions, document, &reviewed, &total);
      if (reviewed > total)
        abort ();
      fz_decisions_set_document_note (decisions, paths[i], "fuzz");
      if (!fz_decisions_undo (decisions))
        abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(FzWorkspaceState) state = fz_workspace_file_read ((const char *) data, size, "fuzz",
                                                              NULL);
  g_autoptr(FzWorkspaceState) again = NULL;
  g_autoptr(GBytes) first = NULL, second = NULL;
  g_autoptr(GError) error = NULL;

  if (state == NULL)
    return 0;
  first = fz_workspace_file_write (state, &error);
  if (first == NULL)
    abort ();
  again = fz_workspace_file_read (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                  "fuzz-again", &error);
  if (again == NULL)
    abort ();
  second = fz_workspace_file_write (again, &error);
  if (second == NULL || !g_bytes_equal (first, second))
    abort ();
  apply_to_page (state->decisions);
  return 0;
}
