/* test-page-view.c: the printed page of a PDF made here, its figure boxed, a click on a
 * figure, paging; the view is saved as PNG (page-view.png in the build's tests folder). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-page-view.h"
#include "fz-pipeline.h"
#include "fz-screenshot.h"
#include "fz-test-pdf.h"
#include "fz-test-ui.h"

#define LEFT "本报讯 今年以来，全市公安机关持续开展打击治理电信网络诈骗犯罪专项行动，" \
             "共破获电信网络诈骗案件672起，抓获犯罪嫌疑人1200名，" \
             "止付冻结涉诈资金3.5亿元，同比上升12.5%。"
#define RIGHT "同时，全市开展反诈宣传活动360场次，覆盖群众45万人次，" \
              "电信网络诈骗发案数同比下降18.6%。"

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_usleep (5000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

static FzDocument *
two_page_document (void)
{
  FzTestPdf *pdf = fz_test_pdf_new ("2022-04-25");
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), NULL);
  FzDocument *doc;

  fz_test_pdf_news_page (pdf, "样例日报", "全市反诈专项行动取得阶段性成效", LEFT, RIGHT);
  fz_test_pdf_next_page (pdf);
  fz_test_pdf_text (pdf, 40, 760, 515, 12, "本报讯 第二版：全市共破获电信网络诈骗案件88起。");
  bytes = fz_test_pdf_finish (pdf);
  doc = fz_document_new_from_data ("page.pdf", bytes->data, bytes->len, NULL);
  g_assert_nonnull (doc);
  fz_pipeline_analyze (pipeline, doc);
  return doc;
}

static const FzFigure *
figure_with_value (FzDocument *doc,
                   const char *value)
{
  FzFigureList *figures = fz_document_get_figures (doc);

  for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
    if (g_strcmp0 (fz_figure_list_str (figures, fz_figure_list_get (figures, i)->value),
                   value) == 0)
      return fz_figure_list_get (figures, i);
  return NULL;
}

static void
activated_cb (FzPageView *view,
              guint       start,
              guint       end,
              guint      *got)
{
  got[0] = start;
  got[1] = end;
}

static void
test_page_view (void)
{
  g_autoptr(FzDocument) doc = two_page_document ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = fz_page_view_new ();
  const FzFigure *f = figure_with_value (doc, "672");
  const FzFigure *second = figure_with_value (doc, "88");
  g_autofree char *png = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "page-view.png", NULL);
  g_autoptr(GError) error = NULL;
  const FzCharBox *box;
  double scale;
  guint got[2] = { 0, 0 };

  g_assert_nonnull (f);
  g_assert_nonnull (second);
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 900);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  fz_page_view_set_document (FZ_PAGE_VIEW (view), doc);
  g_signal_connect (view, "span-activated", G_CALLBACK (activated_cb), got);
  gtk_window_present (GTK_WINDOW (window));
  iterate (20);
  g_assert_cmpuint (fz_page_view_get_n_pages (FZ_PAGE_VIEW (view)), ==, 2);

  /* the figure of the second page turns to it, the first page's back */
  fz_page_view_select_span (FZ_PAGE_VIEW (view), second->start, second->end);
  g_assert_cmpuint (fz_page_view_get_page (FZ_PAGE_VIEW (view)), ==, 1);
  fz_page_view_select_span (FZ_PAGE_VIEW (view), f->start, f->end);
  g_assert_cmpuint (fz_page_view_get_page (FZ_PAGE_VIEW (view)), ==, 0);
  iterate (10);
  g_assert_true (fz_screenshot_save (window, png, &error));
  g_assert_no_error (error);

  /* a click on the figure's first character: the figure, whole */
  box = fz_page_map_get_box (fz_document_get_page_map (doc), f->start);
  scale = gtk_widget_get_width (view) / FZ_TEST_PDF_WIDTH;
  fz_page_view_select_span (FZ_PAGE_VIEW (view), 0, 0);
  g_assert_true (fz_page_view_activate_at (FZ_PAGE_VIEW (view), (box->x1 + 1) * scale,
                                           (box->y1 + box->y2) / 2 * scale));
  g_assert_cmpuint (got[0], ==, f->start);
  g_assert_cmpuint (got[1], ==, f->end);
  g_assert_false (fz_page_view_activate_at (FZ_PAGE_VIEW (view), 2, 2));

  /* a figure at the foot of the second page: turned to and scrolled into sight */
  {
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_window_set_default_size (GTK_WINDOW (window), 620, 400);
    iterate (10);
    gtk_adjustment_set_value (adj, 0);
    fz_page_view_select_span (FZ_PAGE_VIEW (view), second->start, second->end);
    iterate (10);
    g_assert_cmpuint (fz_page_view_get_page (FZ_PAGE_VIEW (view)), ==, 1);
    g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 300);
    fz_page_view_set_page (FZ_PAGE_VIEW (view), 0);
  }

  /* Page Down and Page Up */
  gtk_widget_activate_action (view, "page.next", NULL);
  g_assert_cmpuint (fz_page_view_get_page (FZ_PAGE_VIEW (view)), ==, 1);
  gtk_widget_activate_action (view, "page.next", NULL);
  g_assert_cmpuint (fz_page_view_get_page (FZ_PAGE_VIEW (view)), ==, 1);
  gtk_widget_activate_action (view, "page.previous", NULL);
  g_assert_cmpuint (fz_page_view_get_page (FZ_PAGE_VIEW (view)), ==, 0);

  /* a text document has no printed page */
  {
    g_autoptr(FzDocument) text = fz_document_new_from_data ("a.txt", (const guint8 *) LEFT,
                                                            strlen (LEFT), NULL);

    fz_page_view_set_document (FZ_PAGE_VIEW (view), text);
    g_assert_cmpuint (fz_page_view_get_n_pages (FZ_PAGE_VIEW (view)), ==, 0);
    g_assert_false (fz_page_view_activate_at (FZ_PAGE_VIEW (view), 100, 100));
    iterate (5);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!fz_test_ui_init (&argc, &argv))
    return 0;
  g_test_add_func ("/page-view/show", test_page_view);
  return g_test_run ();
}
