/* articles-tsv.c: prints the articles of each page as doc, title, body start and region, tab-separated. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>

#include "fz-document.h"
#include "fz-segmenter.h"

/* The start of a body, as bench/measure.py compares it: 20 characters, line breaks as spaces. */
#define BODY_START_CHARS 20

int
main (int   argc,
      char *argv[])
{
  int status = 0;

  if (argc < 2)
    {
      g_printerr ("usage: %s PAGE...\n", argv[0]);
      return 2;
    }
  printf ("doc\ttitle\tbody_start\tregion\n");
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(FzDocument) doc = fz_document_load (file, NULL, &error);
      GPtrArray *articles;
      const char *text;
      gsize len;

      if (doc == NULL)
        {
          g_printerr ("%s\n", error->message);
          status = 1;
          continue;
        }
      text = fz_document_get_text (doc, &len);
      articles = fz_document_get_articles (doc);
      for (guint j = 0; j < articles->len; j++)
        {
          FzArticle *a = g_ptr_array_index (articles, j);
          g_autofree char *body = fz_segment_dup_span (text, len, a->body_start, a->body_end,
                                                       BODY_START_CHARS);

          printf ("%s\t%s\t%s\t%s\n", fz_document_get_name (doc), a->title, body,
                  a->region ? a->region : "");
        }
    }
  return status;
}
