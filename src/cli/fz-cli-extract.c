/* fz-cli-extract.c: `fanzha-cli extract`: every figure as a TSV line, or just how many. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fz-charset.h"
#include "fz-cli-commands.h"
#include "fz-cli-common.h"
#include "fz-document-text.h"
#include "fz-error.h"
#include "fz-extractor.h"
#include "fz-script.h"

static const char header[] =
  "doc\tstart\tend\ttext\tkind\tvalue\tunit\tqualifier\tchange\tbasis\tindicator\tregion\tcore"
  "\tperiod";
static const char explain_header[] =
  "\tindicator_cue\tindicator_cue_span\tregion_cue\tregion_cue_span\tperiod_cue\tperiod_cue_span";

typedef struct
{
  GString  *out;
  gboolean  explain;
} ExtractJob;

/* Appends without a call: GLib 2.74's g_string_append () is a call and a strlen () for each
 * of a line's fourteen fields, and the lines are many. */
static inline void
put (GString    *out,
     const char *s,
     gsize       n)
{
  if (G_LIKELY (out->len + n < out->allocated_len))
    {
      memcpy (out->str + out->len, s, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, n);
}

static inline void
append_tab_str (GString    *out,
                const char *str)
{
  put (out, "\t", 1);
  put (out, str, strlen (str));
}

static void
append_tab_uint (GString *out,
                 guint    value)
{
  char digits[16];
  guint n = sizeof digits;

  do
    digits[--n] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  digits[--n] = '\t';
  put (out, digits + n, sizeof digits - n);
}

/* A cue as two columns: its text and its span START-END, both empty when there is none. */
static void
write_cue (GString        *out,
           const FzFigure *f,
           const char     *text,
           gsize           len,
           guint32         start,
           guint32         end)
{
  g_autofree char *cue = fz_figure_dup_cue_text (f, text, len, start, end);

  g_string_append_c (out, '\t');
  if (cue == NULL)
    {
      g_string_append_c (out, '\t');
      return;
    }
  fz_cli_write_field (out, cue, -1);
  g_string_append_printf (out, "\t%u-%u", start, end);
}

/* Why each attribution was made: the trigger word, the place mention (or "article" for the
 * article's place) and the time phrase. */
static void
write_explanation (GString        *out,
                   const FzFigure *f,
                   const char     *text,
                   gsize           len)
{
  write_cue (out, f, text, len, f->indicator_cue_start, f->indicator_cue_end);
  if (f->region_cue == FZ_CUE_ARTICLE)
    g_string_append (out, "\t\tarticle");
  else
    write_cue (out, f, text, len, f->region_cue_start, f->region_cue_end);
  write_cue (out, f, text, len, f->period_cue_start, f->period_cue_end);
}

static void
write_figures (FzPipeline *pipeline,
               FzDocument *document,
               gpointer    user_data)
{
  ExtractJob *job = user_data;
  GString *out = job->out;
  FzFigureList *figures = fz_document_get_figures (document);
  gsize len = 0;
  const char *text = fz_document_get_text (document, &len);
  const char *name = fz_document_get_name (document);
  gsize name_len = strlen (name);

  for (guint i = 0; figures != NULL && i < fz_figure_list_get_n (figures); i++)
    {
      const FzFigure *f = fz_figure_list_get (figures, i);

      put (out, name, name_len);
      append_tab_uint (out, f->start);
      append_tab_uint (out, f->end);
      put (out, "\t", 1);
      fz_cli_write_field (out, text + f->byte_start, f->byte_end - f->byte_start);
      append_tab_str (out, fz_kind_to_string (f->kind));
      append_tab_str (out, fz_figure_list_str (figures, f->value));
      append_tab_str (out, fz_figure_list_str (figures, f->unit));
      append_tab_str (out, fz_qualifier_to_string (f->qualifier));
      append_tab_str (out, fz_change_to_string (f->change));
      append_tab_str (out, fz_basis_to_string (f->basis));
      append_tab_str (out, fz_figure_list_str (figures, f->indicator));
      append_tab_str (out, fz_figure_list_str (figures, f->region));
      append_tab_uint (out, f->core);
      append_tab_str (out, fz_figure_list_str (figures, f->period));
      if (job->explain)
        write_explanation (out, f, text, len);
      put (out, "\n", 1);
    }
  /* A long run streams instead of holding every line. */
  if (out->len > 1 << 20)
    {
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
}

/* Reads, decodes and counts one file; may run on any thread. */
static gpointer
count_work (GFile     *file,
            gpointer   data,
            GError   **error)
{
  g_autofree guint8 *bytes = NULL;
  g_autoptr(FzDocumentText) text = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *view = NULL;
  gsize len = 0, *count;

  /* The same checks as every other command: a FIFO must not hang the count. */
  bytes = fz_document_read (file, NULL, &len, error);
  if (bytes == NULL)
    return NULL;
  text = fz_document_text_decode (g_file_peek_path (file), bytes, len, &local);
  if (text == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_set_error (error, local->domain, local->code, "%s: %s", display, local->message);
      return NULL;
    }
  /* As the analysis does: a traditional page is read in simplified characters. */
  view = fz_script_view (text->text, text->len);
  count = g_new (gsize, 1);
  *count = fz_extract_count (view != NULL ? view : text->text, text->len);
  return count;
}

static void
count_done (gpointer result,
            gpointer data)
{
  *(gsize *) data += *(gsize *) result;
}

/* Counting skips attribution: it reads, decodes and extracts on every core. */
static int
count_figures (FzCliCommon  *common,
               char        **paths,
               guint         n_paths)
{
  gsize figures = 0;
  guint failed = fz_cli_common_each_file (common, paths, n_paths, count_work, NULL, g_free,
                                          count_done, &figures);

  g_print ("%" G_GSIZE_FORMAT "\n", figures);
  return failed > 0 ? FZ_CLI_SOME_FAILED : FZ_CLI_OK;
}

int
fz_cli_extract (int    argc,
                char **argv)
{
  gboolean count = FALSE, explain = FALSE;
  const GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_NONE, &count,
      N_("Print only the number of figures in all the files (fast: no attribution)"), NULL },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain,
      N_("Add the words each attribution was read from: trigger, place and time phrase, "
         "with their spans"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE… — the figures of each file as TSV"));
  FzCliCommon common = { 0 };
  g_autoptr(GString) out = g_string_new (header);
  ExtractJob job = { NULL, FALSE };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, fz_cli_common_options (&common));
  if (fz_cli_parse (context, &argc, &argv) != FZ_CLI_OK)
    goto usage;
  if (argc < 2)
    {
      g_printerr ("fanzha-cli extract: %s\n", _("no file given"));
      goto usage;
    }
  if (count)
    {
      status = count_figures (&common, argv + 1, argc - 1);
      fz_cli_common_clear (&common);
      return status;
    }

  g_string_append_printf (out, "%s\n", explain ? explain_header : "");
  job.out = out;
  job.explain = explain;
  status = fz_cli_common_each_document (&common, argv + 1, argc - 1, NULL, write_figures,
                                        &job);
  fwrite (out->str, 1, out->len, stdout);
  fz_cli_common_clear (&common);
  return status;

usage:
  fz_cli_common_clear (&common);
  return FZ_CLI_USAGE;
}
