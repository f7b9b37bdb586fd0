/* test-pdf.c: PDFs drawn here with Cairo and Pango: text in reading order (two columns), a
 * figure split across lines boxed on its page, the metadata date, bad PDFs, the command line. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <string.h>

#include "fz-document-pdf.h"
#include "fz-error.h"
#include "fz-loader.h"
#include "fz-pipeline.h"
#include "fz-test-pdf.h"

/* Sentences in the style of the news Fanzha reads, written for this test. */
#define LEFT "本报讯 今年以来，全市公安机关持续开展打击治理电信网络诈骗犯罪专项行动，" \
             "共破获电信网络诈骗案件672起，抓获犯罪嫌疑人1200名，" \
             "止付冻结涉诈资金3.5亿元，同比上升12.5%。"
#define RIGHT "同时，全市开展反诈宣传活动360场次，覆盖群众45万人次，" \
              "电信网络诈骗发案数同比下降18.6%。"
#define HEADLINE "全市反诈专项行动取得阶段性成效"

static FzPipeline *pipeline;

static FzDocument *
open_pdf (GByteArray *bytes,
          GError    **error)
{
  FzDocument *doc = fz_document_new_from_data ("page.pdf", bytes->data, bytes->len, error);

  if (doc != NULL)
    fz_pipeline_analyze (pipeline, doc);
  return doc;
}

static GByteArray *
news_pdf (const char *iso_date,
          const char *masthead)
{
  FzTestPdf *pdf = fz_test_pdf_new (iso_date);

  fz_test_pdf_news_page (pdf, masthead, HEADLINE, LEFT, RIGHT);
  return fz_test_pdf_finish (pdf);
}

static char *
without_space (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static const FzFigure *
find_figure (FzDocument *doc,
             const char *value)
{
  FzFigureList *figures = fz_document_get_figures (doc);

  for (guint i = 0; figures && i < fz_figure_list_get_n (figures); i++)
    {
      const FzFigure *f = fz_figure_list_get (figures, i);

      if (g_strcmp0 (fz_figure_list_str (figures, f->value), value) == 0)
        return f;
    }
  return NULL;
}

static void
test_columns (void)
{
  g_autoptr(GByteArray) bytes = news_pdf (NULL, "样例日报");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = open_pdf (bytes, &error);
  g_autofree char *flat = NULL;
  const char *left_at, *right_at, *head_at;

  g_assert_no_error (error);
  g_assert_cmpstr (fz_document_get_encoding (doc), ==, "PDF");
  flat = without_space (fz_layout_get_text (fz_document_get_layout (doc), NULL));
  /* the left column whole, then the right: never a line of one between lines of the other */
  head_at = strstr (flat, HEADLINE);
  left_at = strstr (flat, "本报讯今年以来，全市公安机关持续开展打击治理电信网络诈骗犯罪专项行动，"
                          "共破获电信网络诈骗案件672起，抓获犯罪嫌疑人1200名，"
                          "止付冻结涉诈资金3.5亿元，同比上升12.5%。");
  right_at = strstr (flat, RIGHT);
  g_assert_nonnull (head_at);
  g_assert_nonnull (left_at);
  g_assert_nonnull (right_at);
  g_assert_true (head_at < left_at && left_at < right_at);
  g_assert_cmpstr (fz_document_get_outlet (doc), ==, "样例日报");
  g_assert_nonnull (find_figure (doc, "672"));
  g_assert_nonnull (find_figure (doc, "360"));
  /* 45万人次 is wrapped after its 4 in the right column: one figure again */
  g_assert_nonnull (find_figure (doc, "450000"));
}

/* A short headline over the next columns, three columns, a paragraph across the page: each
 * block whole and in order, though no gutter runs down the whole page. */
static void
test_blocks (void)
{
  FzTestPdf *pdf = fz_test_pdf_new (NULL);
  const char *marks[] = { "甲标题", "AAAA", "BBBB", "乙标题", "CCCC", "DDDD", "EEEE", "FFFF" };
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(FzDocument) doc = NULL;
  const char *text, *prev = NULL;

  fz_test_pdf_text (pdf, 40, 40, 515, 20, "甲标题横跨两栏");
  fz_test_pdf_text (pdf, 40, 80, 245, 11, "甲左栏AAAA今年以来，全市公安机关持续开展打击治理"
                                          "电信网络诈骗犯罪专项行动，共破获案件672起。");
  fz_test_pdf_text (pdf, 310, 80, 245, 11, "甲右栏BBBB同时开展反诈宣传活动360场次，"
                                           "覆盖群众45万人次。");
  fz_test_pdf_text (pdf, 40, 200, 515, 20, "乙标题");
  fz_test_pdf_text (pdf, 40, 240, 160, 11, "乙左栏CCCC今年以来，全市公安机关持续开展打击治理"
                                           "电信网络诈骗犯罪专项行动，共破获案件88起。");
  fz_test_pdf_text (pdf, 215, 240, 160, 11, "乙中栏DDDD全市开展反诈宣传活动120场次，覆盖群众"
                                            "5万人次，电信网络诈骗发案数同比下降18.6%。");
  fz_test_pdf_text (pdf, 390, 240, 160, 11, "乙右栏EEEE止付冻结涉诈资金3.5亿元。");
  fz_test_pdf_text (pdf, 40, 400, 515, 11, "丙通栏FFFF全市反诈工作取得阶段性成效。");
  bytes = fz_test_pdf_finish (pdf);
  doc = open_pdf (bytes, NULL);
  text = fz_document_get_text (doc, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      const char *at = strstr (text, marks[i]);

      g_assert_nonnull (at);
      g_assert_true (prev == NULL || at > prev);
      prev = at;
    }
  /* the paragraph across the page starts a block of its own */
  g_assert_nonnull (strstr (text, "\n\n丙通栏"));
}

/* Columns 6 points apart: poppler reads their lines as one, with a space between; the gap
 * that lines up from line to line is a gutter. */
static void
test_narrow_gutter (void)
{
  FzTestPdf *pdf = fz_test_pdf_new (NULL);
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(FzDocument) doc = NULL;
  g_autofree char *flat = NULL;
  const char *left, *right;

  fz_test_pdf_text (pdf, 40, 80, 250, 11, "左栏AAAA今年以来，全市公安机关持续开展打击治理电信网络"
                                          "诈骗犯罪专项行动，共破获案件672起，抓获犯罪嫌疑人1200名。");
  fz_test_pdf_text (pdf, 296, 80, 250, 11, "右栏BBBB同时开展反诈宣传活动360场次，覆盖群众45万人"
                                           "次，发案数同比下降18.6%，止付冻结涉诈资金3.5亿元。");
  bytes = fz_test_pdf_finish (pdf);
  doc = open_pdf (bytes, NULL);
  flat = without_space (fz_document_get_text (doc, NULL));
  left = strstr (flat, "左栏AAAA今年以来，全市公安机关持续开展打击治理电信网络"
                       "诈骗犯罪专项行动，共破获案件672起，抓获犯罪嫌疑人1200名。");
  right = strstr (flat, "右栏BBBB同时开展反诈宣传活动360场次，覆盖群众45万人"
                        "次，发案数同比下降18.6%，止付冻结涉诈资金3.5亿元。");
  g_assert_nonnull (left);
  g_assert_nonnull (right);
  g_assert_true (left < right);
}

static void
test_articles (void)
{
  g_autoptr(GByteArray) bytes = news_pdf (NULL, NULL);
  g_autoptr(FzDocument) doc = open_pdf (bytes, NULL);
  GPtrArray *articles = fz_document_get_articles (doc);
  gboolean found = FALSE;

  g_assert_cmpuint (articles->len, >=, 1);
  for (guint i = 0; i < articles->len; i++)
    {
      FzArticle *a = g_ptr_array_index (articles, i);
      g_autofree char *title = without_space (a->title ? a->title : "");

      found |= g_strcmp0 (title, HEADLINE) == 0;
    }
  g_assert_true (found);
}

/* 672起 broken before its unit: the layout repair joins it, and both halves are boxed. (A
 * break between two digits is left alone by the repair: 67 / 2 may be two numbers.) */
static void
test_split_figure (void)
{
  FzTestPdf *pdf = fz_test_pdf_new (NULL);
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GArray) rects = NULL;
  const FzFigure *f;
  FzPageMap *map;
  const FzCharBox *box;
  PopplerRectangle *a, *b;

  fz_test_pdf_text (pdf, 40, 60, 515, 12, "本报讯 今年以来，全市共破获电信网络诈骗案件672");
  fz_test_pdf_text (pdf, 40, 78, 515, 12, "起，同比上升12.5%。");
  bytes = fz_test_pdf_finish (pdf);
  doc = open_pdf (bytes, NULL);
  f = find_figure (doc, "672");
  g_assert_nonnull (f);
  map = fz_document_get_page_map (doc);
  g_assert_nonnull (map);
  g_assert_cmpuint (fz_page_map_get_n_chars (map), ==, fz_document_get_n_chars (doc));
  g_assert_cmpint (fz_page_map_find_page (map, f->start, f->end), ==, 0);
  rects = fz_page_map_span_rects (map, f->start, f->end, 0);
  g_assert_cmpuint (rects->len, ==, 2);
  a = &g_array_index (rects, PopplerRectangle, 0);
  b = &g_array_index (rects, PopplerRectangle, 1);
  g_assert_cmpfloat (a->y2, <=, b->y1 + 1);
  g_assert_cmpfloat (a->x1, >, b->x1);
  /* a click on the 7 finds the figure's character again */
  box = fz_page_map_get_box (map, f->start + 1);
  g_assert_cmpint (fz_page_map_hit (map, 0, (box->x1 + box->x2) / 2, (box->y1 + box->y2) / 2),
                   ==, f->start + 1);
  g_assert_cmpint (fz_page_map_hit (map, 0, 5, 5), ==, -1);
}

static void
test_pages (void)
{
  FzTestPdf *pdf = fz_test_pdf_new (NULL);
  const char *values[] = { "111", "222", "333" };
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(FzDocument) doc = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *line = g_strdup_printf ("本报讯 全市共破获电信网络诈骗案件%s起。", values[i]);

      fz_test_pdf_text (pdf, 40, 100 + 50 * i, 515, 12, line);
      fz_test_pdf_next_page (pdf);
    }
  bytes = fz_test_pdf_finish (pdf);
  doc = open_pdf (bytes, NULL);
  g_assert_cmpuint (fz_page_map_get_n_pages (fz_document_get_page_map (doc)), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      const FzFigure *f = find_figure (doc, values[i]);

      g_assert_nonnull (f);
      g_assert_cmpint (fz_page_map_find_page (fz_document_get_page_map (doc), f->start, f->end),
                       ==, i);
    }
}

static void
test_date (void)
{
  g_autoptr(GByteArray) dated = news_pdf ("2022-04-25", NULL);
  g_autoptr(GByteArray) printed = news_pdf ("2022-04-25", "样例日报 2023年5月6日 星期六");
  g_autoptr(GByteArray) undated = news_pdf (NULL, NULL);
  g_autoptr(FzDocument) a = open_pdf (dated, NULL);
  g_autoptr(FzDocument) b = open_pdf (printed, NULL);
  g_autoptr(FzDocument) c = open_pdf (undated, NULL);
  const FzFigure *f;

  /* no date on the page: the file's; 今年 is then 2022 */
  g_assert_cmpstr (fz_document_get_date (a), ==, "2022-04-25");
  f = find_figure (a, "672");
  g_assert_nonnull (f);
  g_assert_true (g_str_has_prefix (fz_figure_list_str (fz_document_get_figures (a), f->period),
                                   "2022-"));
  /* the page's own date wins over the file's */
  g_assert_cmpstr (fz_document_get_date (b), ==, "2023-05-06");
  g_assert_null (fz_document_get_date (c));
}

/* A PDF written by hand around @objects, with a cross-reference table. */
static GByteArray *
hand_pdf (const char *const *objects,
          const char        *trailer)
{
  GString *s = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;
  guint n = g_strv_length ((char **) objects);

  for (guint i = 0; i < n; i++)
    {
      g_array_append_val (offsets, s->len);
      g_string_append_printf (s, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = s->len;
  g_string_append_printf (s, "xref\n0 %u\n0000000000 65535 f \n", n + 1);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%010" G_GSIZE_FORMAT " 00000 n \n",
                            g_array_index (offsets, gsize, i));
  g_string_append_printf (s, "trailer\n<< /Size %u /Root 1 0 R %s >>\nstartxref\n%"
                          G_GSIZE_FORMAT "\n%%%%EOF\n", n + 1, trailer, xref);
  return g_bytes_unref_to_array (g_string_free_to_bytes (s));
}

static void
check_refused (GByteArray *bytes,
               int         code,
               const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = open_pdf (bytes, &error);

  g_assert_null (doc);
  g_assert_error (error, FZ_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "page.pdf: "));
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_errors (void)
{
  const char *const encrypted[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    "<< /Filter /Standard /V 1 /R 2"
    " /O <1111111111111111111111111111111111111111111111111111111111111111>"
    " /U <2222222222222222222222222222222222222222222222222222222222222222> /P -4 >>",
    NULL
  };
  g_autoptr(GByteArray) locked =
    hand_pdf (encrypted, "/Encrypt 4 0 R /ID [<33333333333333333333333333333333> "
                         "<33333333333333333333333333333333>]");
  g_autoptr(GByteArray) cut = news_pdf (NULL, NULL);
  FzTestPdf *pdf = fz_test_pdf_new (NULL);
  g_autoptr(GByteArray) scanned = NULL;
  g_autoptr(GByteArray) many = NULL;

  check_refused (locked, FZ_ERROR_FAILED, "password");
  g_byte_array_set_size (cut, cut->len / 3);
  check_refused (cut, FZ_ERROR_PARSE, "damaged");

  /* a page that is only a picture: what a scanner makes */
  cairo_rectangle (pdf->cr, 50, 50, 400, 300);
  cairo_fill (pdf->cr);
  scanned = fz_test_pdf_finish (pdf);
  check_refused (scanned, FZ_ERROR_EMPTY, "no text layer");

  pdf = fz_test_pdf_new (NULL);
  for (guint i = 0; i <= FZ_PDF_MAX_PAGES; i++)
    fz_test_pdf_next_page (pdf);
  many = fz_test_pdf_finish (pdf);
  check_refused (many, FZ_ERROR_TOO_LARGE, "pages, more than the limit");
}

/* ------------------------------------------------- Loader, command line */

static char *
write_tmp (const char *dir,
           const char *name,
           const void *data,
           gsize       len)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return path;
}

static void
test_folder_and_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fz-pdf-XXXXXX", NULL);
  g_autoptr(GByteArray) bytes = news_pdf ("2022-04-25", "样例日报");
  g_autofree char *pdf = write_tmp (dir, "page.pdf", bytes->data, bytes->len);
  g_autofree char *png = write_tmp (dir, "scan.png", "\x89PNG\r\n\x1a\n", 8);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(FzLoader) loader = fz_loader_new ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  const char *commands[][3] = { { "extract", NULL }, { "extract", "--count" },
                                { "articles", NULL }, { "index", NULL } };

  /* a folder: the PDF is read, the picture left alone */
  g_assert_true (fz_loader_load_sync (loader, &folder, 1, NULL, &docs, &errors, NULL));
  g_assert_cmpuint (docs ? docs->len : 0, ==, 1);
  g_assert_cmpuint (errors ? errors->len : 0, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *argv[] = { g_getenv ("FANZHA_CLI"), commands[i][0], pdf, NULL, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = 0;

      if (commands[i][1] != NULL)
        {
          argv[2] = commands[i][1];
          argv[3] = pdf;
        }
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_cmpstr (err, ==, "");
      if (i == 0)
        g_assert_nonnull (strstr (out, "\t672起\tcount\t672\t"));
      else if (i == 1)
        g_assert_cmpint (atoi (out), >=, 5);
      else if (i == 2)
        g_assert_nonnull (strstr (out, "page.pdf"));
      else
        g_assert_cmpuint (strlen (out), >, 0);
    }
  g_unlink (pdf);
  g_unlink (png);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_assert_no_error (error);
  g_test_add_func ("/pdf/columns", test_columns);
  g_test_add_func ("/pdf/blocks", test_blocks);
  g_test_add_func ("/pdf/narrow-gutter", test_narrow_gutter);
  g_test_add_func ("/pdf/articles", test_articles);
  g_test_add_func ("/pdf/split-figure", test_split_figure);
  g_test_add_func ("/pdf/pages", test_pages);
  g_test_add_func ("/pdf/date", test_date);
  g_test_add_func ("/pdf/errors", test_errors);
  g_test_add_func ("/pdf/folder-and-cli", test_folder_and_cli);
  ret = g_test_run ();
  fz_pipeline_unref (pipeline);
  return ret;
}
