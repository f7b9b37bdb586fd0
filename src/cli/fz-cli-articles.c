/* fz-cli-articles.c: `fanzha-cli articles`: the articles found on each page, one line each. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-cli-commands.h"
#include "fz-cli-common.h"
#include "fz-segmenter.h"

#define BODY_START_CHARS 24

static void
write_articles (FzPipeline *pipeline,
                FzDocument *document,
                gpointer    user_data)
{
  GString *out = user_data;
  GPtrArray *articles = fz_document_get_articles (document);
  gsize len;
  const char *text = fz_document_get_text (document, &len);

  for (guint i = 0; articles != NULL && i < articles->len; i++)
    {
      FzArticle *a = g_ptr_array_index (articles, i);
      g_autofree char *body = fz_segment_dup_span (text, len, a->body_start, a->body_end,
                                                   BODY_START_CHARS);

      g_string_append_printf (out, "%s\t", fz_document_get_name (document));
      fz_cli_write_field (out, a->title != NULL ? a->title : "", -1);
      g_string_append_c (out, '\t');
      fz_cli_write_field (out, body, -1);
      g_string_append_c (out, '\t');
      fz_cli_write_field (out, a->region != NULL ? a->region : "", -1);
      g_string_append_c (out, '\n');
    }
}

int
fz_cli_articles (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — the articles of each page"));
  FzCliCommon common = { 0 };
  g_autoptr(GString) out = g_string_new ("doc\ttitle\tbody_starts_with\tregion\n");
  int status;

  g_option_context_add_group (context, fz_cli_common_options (&common));
  if (fz_cli_parse (context, &argc, &argv) != FZ_CLI_OK || argc < 2)
    {
      if (argc < 2)
        g_printerr ("fanzha-cli articles: %s\n", _("no file given"));
      fz_cli_common_clear (&common);
      return FZ_CLI_USAGE;
    }
  /* The pipeline names each article's main region. */
  status = fz_cli_common_each_document (&common, argv + 1, argc - 1, NULL, write_articles,
                                        out);
  fwrite (out->str, 1, out->len, stdout);
  fz_cli_common_clear (&common);
  return status;
}
