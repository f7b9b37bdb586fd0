/* extract-tsv.c: print the figures of text files as TSV in the columns of gold/figures.tsv. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <string.h>

#include "fz-extractor.h"

static void
print_escaped (const char *s,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '\n')
        fputs ("\\n", stdout);
      else if (s[i] == '\t')
        fputs ("\\t", stdout);
      else
        putchar (s[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status = 0;

  puts ("doc\tstart\tend\ttext\tkind\tvalue\tunit\tqualifier\tchange\tbasis\t"
        "indicator\tregion\tcore");
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *doc = g_path_get_basename (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(FzFigureList) list = NULL;
      gsize len;

      if (!g_file_get_contents (argv[i], &text, &len, &error))
        {
          g_printerr ("%s\n", error->message);
          status = 1;
          continue;
        }
      if (!g_utf8_validate (text, len, NULL))
        {
          char *valid = g_utf8_make_valid (text, len);

          g_free (text);
          text = valid;
          len = strlen (text);
        }
      list = fz_extract (text, len);
      for (guint k = 0; k < fz_figure_list_get_n (list); k++)
        {
          const FzFigure *f = fz_figure_list_get (list, k);

          printf ("%s\t%u\t%u\t", doc, f->start, f->end);
          print_escaped (text + f->byte_start, f->byte_end - f->byte_start);
          printf ("\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%u\n",
                  fz_kind_to_string (f->kind),
                  fz_figure_list_str (list, f->value),
                  fz_figure_list_str (list, f->unit),
                  fz_qualifier_to_string (f->qualifier),
                  fz_change_to_string (f->change),
                  fz_basis_to_string (f->basis),
                  fz_figure_list_str (list, f->indicator),
                  fz_figure_list_str (list, f->region),
                  f->core);
        }
    }
  return status;
}
