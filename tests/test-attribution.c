/* test-attribution.c: indicator, region, polarity and core of figures in sentences written for
 * the test. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-attribution.h"
#include "fz-attribution-private.h"
#include "fz-test-gold.h"

#include <string.h>

/* Made-up places: a township 章村镇 under each of two counties. */
static const char gazetteer_tsv[] =
  "91\t\t1\t东山省\n"
  "9101\t91\t2\t青石市\n"
  "910101\t9101\t3\t白马县\n"
  "910101001\t910101\t4\t章村镇\n"
  "910102\t9101\t3\t红河区\n"
  "910102001\t910102\t4\t章村镇\n"
  "910102002\t910102\t4\t花园街道\n"
  "910102003\t910102\t4\t柳林街道\n"
  "9102\t91\t2\t金沙市\n"
  "910201\t9102\t3\t银滩区\n"
  "910103\t9101\t3\t金河县\n"
  "910103001\t910103\t4\t金河镇\n";

typedef struct
{
  FzGazetteer  *gaz;
  FzLexicon    *lex;
  const char   *text;
  FzFigureList *figs;
  GPtrArray    *articles;
} Fixture;

static void
fixture_init (Fixture    *fx,
              const char *text)
{
  g_autofree char *lex_path = fz_test_data_path ("indicators.tsv");
  g_autoptr(GError) error = NULL;

  fx->gaz = fz_gazetteer_new_from_data (gazetteer_tsv, -1, &error);
  g_assert_no_error (error);
  fx->lex = fz_lexicon_new_from_file (lex_path, &error);
  g_assert_no_error (error);
  fx->text = text;
  fx->figs = fz_figure_list_new ();
  fx->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_article_free);
}

static void
fixture_clear (Fixture *fx)
{
  fz_gazetteer_unref (fx->gaz);
  fz_lexicon_unref (fx->lex);
  fz_figure_list_unref (fx->figs);
  g_ptr_array_unref (fx->articles);
}

static guint32
offset_of (const char *text,
           const char *what)
{
  const char *p = strstr (text, what);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}

/* A figure where `what` first stands after `after` (NULL: from the start). */
static guint
add_figure (Fixture    *fx,
            const char *what,
            const char *after,
            FzKind      kind,
            const char *value)
{
  const char *from = after != NULL ? strstr (fx->text, after) : fx->text;
  const char *p;
  FzFigure *f;

  g_assert_nonnull (from);
  p = strstr (from, what);
  g_assert_nonnull (p);
  f = fz_figure_list_append (fx->figs);
  f->start = g_utf8_pointer_to_offset (fx->text, p);
  f->end = f->start + g_utf8_strlen (what, -1);
  f->kind = kind;
  f->article = -1;
  f->value = fz_figure_list_intern (fx->figs, value, -1);
  return fz_figure_list_get_n (fx->figs) - 1;
}

static FzArticle *
add_article (Fixture    *fx,
             const char *title,
             const char *body_start,
             const char *body_end)
{
  FzArticle *a = g_new0 (FzArticle, 1);

  a->title = g_strdup (title);
  a->title_start = offset_of (fx->text, title);
  a->title_end = a->title_start + g_utf8_strlen (title, -1);
  a->start = a->title_start;
  a->body_start = offset_of (fx->text, body_start);
  a->end = a->body_end = body_end != NULL ?
                         offset_of (fx->text, body_end) : g_utf8_strlen (fx->text, -1);
  g_ptr_array_add (fx->articles, a);
  return a;
}

static void
run (Fixture *fx)
{
  fz_attribute (fx->gaz, fx->lex, fx->text, strlen (fx->text), fx->articles, fx->figs);
}

static const char *
indicator_of (Fixture *fx,
              guint    i)
{
  return fz_figure_list_str (fx->figs, fz_figure_list_get (fx->figs, i)->indicator);
}

static const char *
region_of (Fixture *fx,
           guint    i)
{
  return fz_figure_list_str (fx->figs, fz_figure_list_get (fx->figs, i)->region);
}

/* A count with its measure word, which some indicators do not take. */
static guint
add_count (Fixture    *fx,
           const char *what,
           const char *value,
           const char *unit)
{
  guint i = add_figure (fx, what, NULL, FZ_KIND_COUNT, value);

  fz_figure_list_get_mut (fx->figs, i)->unit = fz_figure_list_intern (fx->figs, unit, -1);
  return i;
}

/* The text of a figure's indicator cue. */
static char *
indicator_cue_of (Fixture *fx,
                  guint    i)
{
  const FzFigure *f = fz_figure_list_get (fx->figs, i);
  FzFigure at = *f;

  /* The cue is read relative to the figure's bytes: set them from its code points. */
  at.byte_start = g_utf8_offset_to_pointer (fx->text, f->start) - fx->text;
  return fz_figure_dup_cue_text (&at, fx->text, strlen (fx->text), f->indicator_cue_start,
                                 f->indicator_cue_end);
}

/* What the head of the clause counts, not the nearest trigger word (issue 21). */
static void
test_head_of_clause (void)
{
  Fixture fx;
  guint solved, reported, losses, devices, people, calls, recovered, queried, cards;
  g_autofree char *cue = NULL;

  fixture_init (&fx, "青石反诈通报\n今年以来，全市28起案件全部破获；立案数、损失数同比分别下降38.2%和"
                     "41.73%。查扣涉诈设备6台，劝阻群众646人次，拨打预警劝阻电话16.8万个，"
                     "为群众挽回2.37亿元经济损失。运营商累计查询涉嫌诈骗电话7300余个。"
                     "打掉“两卡”犯罪团伙118个，抓获违法犯罪嫌疑人1529人。\n");
  add_article (&fx, "青石反诈通报", "今年以来", NULL);
  solved = add_count (&fx, "28起", "28", "起");
  reported = add_figure (&fx, "38.2%", NULL, FZ_KIND_PERCENT, "38.2");
  losses = add_figure (&fx, "41.73%", NULL, FZ_KIND_PERCENT, "41.73");
  devices = add_count (&fx, "6台", "6", "台");
  people = add_count (&fx, "646人次", "646", "人次");
  calls = add_count (&fx, "16.8万个", "168000", "个");
  recovered = add_figure (&fx, "2.37亿元", NULL, FZ_KIND_MONEY, "237000000");
  queried = add_count (&fx, "7300余个", "7300", "个");
  add_count (&fx, "118个", "118", "个");
  cards = add_count (&fx, "1529人", "1529", "人");
  run (&fx);

  g_assert_cmpstr (indicator_of (&fx, solved), ==, "cases_solved");
  cue = indicator_cue_of (&fx, solved);
  g_assert_cmpstr (cue, ==, "破获");
  g_assert_cmpstr (indicator_of (&fx, reported), ==, "cases_reported");
  g_assert_cmpstr (indicator_of (&fx, losses), ==, "losses");
  /* A measure word no indicator counts leaves the figure without one. */
  g_assert_cmpstr (indicator_of (&fx, devices), ==, "");
  g_assert_cmpuint (fz_figure_list_get (fx.figs, devices)->indicator_cue_end, ==, 0);
  /* 劝阻 counts people dissuaded, and calls or messages as warnings. */
  g_assert_cmpstr (indicator_of (&fx, people), ==, "dissuasions");
  g_assert_cmpstr (indicator_of (&fx, calls), ==, "warnings");
  g_assert_cmpstr (indicator_of (&fx, recovered), ==, "funds_recovered");
  g_assert_cmpstr (indicator_of (&fx, queried), ==, "");
  g_assert_cmpstr (indicator_of (&fx, cards), ==, "card_cases");
  fixture_clear (&fx);
}

/* An action right before a count governs the noun after it, and a word there that cannot
 * count it leaves it without an indicator; the amount the cases involve is what the action
 * before it did, else losses. */
static void
test_action_object (void)
{
  Fixture fx;
  guint solved, stopped, averted, frozen, lost, arrested, lost_after, victims;
  g_autofree char *cue = NULL;

  fixture_init (&fx, "青石反诈通报\n今年以来，全市破获28起案件，制止3宗骗案。"
                     "成功劝阻诈骗690余起，涉案资金620余万元。快速止付682件，涉案金额达到6213万元。"
                     "电话骗案上升，涉及款项1800万元。抓获嫌疑人5名，涉案金额300万元。"
                     "预警劝阻后被骗仅3人。\n");
  add_article (&fx, "青石反诈通报", "今年以来", NULL);
  solved = add_count (&fx, "28起", "28", "起");
  stopped = add_count (&fx, "3宗", "3", "宗");
  add_count (&fx, "690余起", "690", "起");
  averted = add_figure (&fx, "620余万元", NULL, FZ_KIND_MONEY, "6200000");
  add_count (&fx, "682件", "682", "件");
  frozen = add_figure (&fx, "6213万元", NULL, FZ_KIND_MONEY, "62130000");
  lost = add_figure (&fx, "1800万元", NULL, FZ_KIND_MONEY, "18000000");
  arrested = add_count (&fx, "5名", "5", "名");
  lost_after = add_figure (&fx, "300万元", NULL, FZ_KIND_MONEY, "3000000");
  victims = add_count (&fx, "3人", "3", "人");
  run (&fx);

  g_assert_cmpstr (indicator_of (&fx, solved), ==, "cases_solved");
  cue = indicator_cue_of (&fx, solved);
  g_assert_cmpstr (cue, ==, "破获");
  g_assert_cmpstr (indicator_of (&fx, stopped), ==, "dissuasions");
  g_assert_cmpstr (indicator_of (&fx, averted), ==, "losses_averted");
  g_assert_cmpstr (indicator_of (&fx, frozen), ==, "funds_frozen");
  g_assert_cmpstr (indicator_of (&fx, lost), ==, "losses");
  g_assert_cmpstr (indicator_of (&fx, arrested), ==, "suspects_arrested");
  g_assert_cmpstr (indicator_of (&fx, lost_after), ==, "losses");
  /* A word right before a count that cannot count it: the count is of something else. */
  g_assert_cmpstr (indicator_of (&fx, victims), ==, "");
  fixture_clear (&fx);
}

/* A trigger hides the neutral words inside it; an everyday verb (参与) is no action trigger. */
static void
test_covered_words (void)
{
  Fixture fx;
  guint app, suspects;

  fixture_init (&fx, "青石反诈通报\n全市下载国家反诈中心APP 50万人。\n\n"
                     "抓获参与诈骗的犯罪嫌疑人20名。\n");
  add_article (&fx, "青石反诈通报", "全市下载", NULL);
  app = add_count (&fx, "50万人", "500000", "人");
  suspects = add_count (&fx, "20名", "20", "名");
  run (&fx);

  g_assert_cmpstr (indicator_of (&fx, app), ==, "app_registrations");
  g_assert_cmpstr (indicator_of (&fx, suspects), ==, "suspects_arrested");
  fixture_clear (&fx);
}

/* The region's cue is the place mention, or the flag for the article's place. */
static void
test_region_cue (void)
{
  Fixture fx;
  guint named, article;

  fixture_init (&fx, "青石市反诈简报\n红河区破获诈骗案件5起。\n\n全市抓获嫌疑人30名。\n");
  add_article (&fx, "青石市反诈简报", "红河区破获", NULL);
  named = add_count (&fx, "5起", "5", "起");
  article = add_count (&fx, "30名", "30", "名");
  run (&fx);

  g_assert_cmpint (fz_figure_list_get (fx.figs, named)->region_cue, ==, FZ_CUE_TEXT);
  g_assert_cmpuint (fz_figure_list_get (fx.figs, named)->region_cue_start, ==,
                    offset_of (fx.text, "红河区"));
  g_assert_cmpuint (fz_figure_list_get (fx.figs, named)->region_cue_end, ==,
                    offset_of (fx.text, "红河区") + 3);
  g_assert_cmpstr (region_of (&fx, article), ==, "青石市");
  g_assert_cmpint (fz_figure_list_get (fx.figs, article)->region_cue, ==, FZ_CUE_ARTICLE);
  fixture_clear (&fx);
}

static void
test_namesake (void)
{
  Fixture fx;
  guint a, b;

  /* The county named first decides which 章村镇 each article means. */
  fixture_init (&fx, "红河区反诈工作\n红河区公安分局通报，章村镇破获诈骗案件5起。\n"
                     "白马县反诈简报\n白马县公安局介绍，章村破获诈骗案件7起。\n");
  add_article (&fx, "红河区反诈工作", "红河区公安分局", "白马县反诈简报");
  add_article (&fx, "白马县反诈简报", "白马县公安局", NULL);
  a = add_figure (&fx, "5起", NULL, FZ_KIND_COUNT, "5");
  b = add_figure (&fx, "7起", NULL, FZ_KIND_COUNT, "7");
  run (&fx);

  g_assert_cmpstr (region_of (&fx, a), ==, "章村镇");
  g_assert_cmpint (fz_figure_list_get (fx.figs, a)->region_code, ==, 910102001);
  /* The 章村镇 written in the first article is the other one: this one is
   * only ever written short, so it stays as written. */
  g_assert_cmpstr (region_of (&fx, b), ==, "章村");
  g_assert_cmpint (fz_figure_list_get (fx.figs, b)->region_code, ==, 910101001);
  g_assert_cmpstr (indicator_of (&fx, a), ==, "cases_solved");
  g_assert_cmpint (fz_figure_list_get (fx.figs, a)->polarity, ==, FZ_POLARITY_HIGHER);
  g_assert_cmpint (fz_figure_list_get (fx.figs, b)->article, ==, 1);

  g_assert_cmpstr (((FzArticle *) g_ptr_array_index (fx.articles, 0))->region, ==, "红河区");
  g_assert_cmpint (((FzArticle *) g_ptr_array_index (fx.articles, 1))->region_code, ==, 910101);
  fixture_clear (&fx);
}

static void
test_respectively (void)
{
  Fixture fx;
  guint solved, arrested, p1, p2, date;

  fixture_init (&fx, "青石破获一批诈骗案\n今年以来，全市破获电信诈骗案件120起，抓获犯罪嫌疑人80名，"
                     "同比分别上升10%、20%。\n");
  add_article (&fx, "青石破获一批诈骗案", "今年以来", NULL);
  date = add_figure (&fx, "今年以来", NULL, FZ_KIND_DATE, "Y");
  solved = add_figure (&fx, "120起", NULL, FZ_KIND_COUNT, "120");
  arrested = add_figure (&fx, "80名", NULL, FZ_KIND_COUNT, "80");
  p1 = add_figure (&fx, "10%", NULL, FZ_KIND_PERCENT, "10");
  p2 = add_figure (&fx, "20%", NULL, FZ_KIND_PERCENT, "20");
  run (&fx);

  g_assert_cmpstr (indicator_of (&fx, solved), ==, "cases_solved");
  g_assert_cmpstr (indicator_of (&fx, arrested), ==, "suspects_arrested");
  g_assert_cmpstr (indicator_of (&fx, p1), ==, "cases_solved");
  g_assert_cmpstr (indicator_of (&fx, p2), ==, "suspects_arrested");
  /* The short form in the title resolves to the city; the text never writes 青石市. */
  g_assert_cmpstr (region_of (&fx, p2), ==, "青石");
  g_assert_cmpint (fz_figure_list_get (fx.figs, p2)->region_code, ==, 9101);
  g_assert_cmpuint (fz_figure_list_get (fx.figs, solved)->core, ==, 1);
  g_assert_cmpuint (fz_figure_list_get (fx.figs, date)->core, ==, 0);
  g_assert_cmpstr (indicator_of (&fx, date), ==, "");
  fixture_clear (&fx);
}

static void
test_rate_and_nouns (void)
{
  Fixture fx;
  guint money, rate, staff, leads;

  fixture_init (&fx, "金沙市反诈\n金沙市止付冻结涉诈资金2亿元，同比上升30%。"
                     "全市挑选12名骨干民警组成专班，接收断卡线索45条。\n");
  add_article (&fx, "金沙市反诈", "金沙市止付", NULL);
  money = add_figure (&fx, "2亿元", NULL, FZ_KIND_MONEY, "200000000");
  rate = add_figure (&fx, "30%", NULL, FZ_KIND_PERCENT, "30");
  staff = add_figure (&fx, "12名", NULL, FZ_KIND_COUNT, "12");
  leads = add_figure (&fx, "45条", NULL, FZ_KIND_COUNT, "45");
  run (&fx);

  g_assert_cmpstr (indicator_of (&fx, money), ==, "funds_frozen");
  g_assert_cmpstr (indicator_of (&fx, rate), ==, "funds_frozen");
  g_assert_cmpstr (indicator_of (&fx, staff), ==, "staff");
  /* Leads are not offenders: the lexicon does not measure them. */
  g_assert_cmpstr (indicator_of (&fx, leads), ==, "");
  g_assert_cmpstr (region_of (&fx, staff), ==, "金沙市");
  fixture_clear (&fx);
}

static void
test_not_about_fraud (void)
{
  Fixture fx;
  guint police, street;

  /* 民警 is a trigger, but the article is about traffic, not fraud. */
  fixture_init (&fx, "红河区交通整治\n红河区交警大队组织民警30名开展整治，花园、柳林两个街道参加。\n");
  add_article (&fx, "红河区交通整治", "红河区交警大队", NULL);
  police = add_figure (&fx, "30名", NULL, FZ_KIND_COUNT, "30");
  street = add_figure (&fx, "两个", NULL, FZ_KIND_COUNT, "2");
  run (&fx);

  g_assert_cmpstr (indicator_of (&fx, police), ==, "");
  g_assert_cmpint (fz_figure_list_get (fx.figs, police)->polarity, ==, 0);
  /* Two streets of one district: the place that holds them both. */
  g_assert_cmpstr (region_of (&fx, street), ==, "红河区");
  g_assert_false (fz_attribution_is_about_fraud ("红河区交通整治", -1));
  g_assert_true (fz_attribution_is_about_fraud ("防范电信网络诈骗", -1));
  fixture_clear (&fx);
}

/* A list whose items each give a place and its figure: each figure its item's place, not the
 * city that holds them all; and places listed before 分别 pair with the figures in order. */
static void
test_place_items (void)
{
  Fixture fx;
  guint a, b, c, d, e, f, both;

  fixture_init (&fx, "青石市发布反诈指数\n青石市反诈中心发布反诈指数，白马县94.12分、红河区93.87分分列"
                     "第一、二位，白马县、红河区分别得分91.2分、89.6分，白马县、红河区共有10个。"
                     "白马县、红河区发案数居前两位，分别为58起、41起。\n");
  add_article (&fx, "青石市发布反诈指数", "青石市反诈中心", NULL);
  a = add_figure (&fx, "94.12分", NULL, FZ_KIND_SCORE, "94.12");
  b = add_figure (&fx, "93.87分", NULL, FZ_KIND_SCORE, "93.87");
  c = add_figure (&fx, "91.2分", NULL, FZ_KIND_SCORE, "91.2");
  d = add_figure (&fx, "89.6分", NULL, FZ_KIND_SCORE, "89.6");
  both = add_figure (&fx, "10个", NULL, FZ_KIND_COUNT, "10");
  e = add_figure (&fx, "58起", NULL, FZ_KIND_COUNT, "58");
  f = add_figure (&fx, "41起", NULL, FZ_KIND_COUNT, "41");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, a), ==, "白马县");
  g_assert_cmpstr (region_of (&fx, b), ==, "红河区");
  g_assert_cmpstr (region_of (&fx, c), ==, "白马县");
  g_assert_cmpstr (region_of (&fx, d), ==, "红河区");
  /* one figure for the places named together: the place that holds them both */
  g_assert_cmpstr (region_of (&fx, both), ==, "青石市");
  /* 分别 points back to the list in the clause before */
  g_assert_cmpstr (region_of (&fx, e), ==, "白马县");
  g_assert_cmpstr (region_of (&fx, f), ==, "红河区");
  fixture_clear (&fx);
}

/* 全省, 全市 opening a clause: what follows in the paragraph is about the whole division, not a
 * place inside it named elsewhere; a place named after the word narrows it, and the word as a
 * scope (在全省率先) or a rank says nothing. */
static void
test_whole_unit (void)
{
  Fixture fx;
  guint all, rate, held, narrowed, scope, city, story;

  fixture_init (&fx, "反诈工作会议召开\n今年以来，全省共破获案件100起，同比上升5%；抓获嫌疑人20名。"
                     "其中，青石市破获30起。花园街道在全省率先开通热线，接听咨询500次。\n"
                     "今年以来，全市共劝阻群众200人。\n今年5月，花园街道王女士被骗8万元。\n");
  add_article (&fx, "反诈工作会议召开", "今年以来", NULL);
  all = add_figure (&fx, "100起", NULL, FZ_KIND_COUNT, "100");
  rate = add_figure (&fx, "5%", NULL, FZ_KIND_PERCENT, "5");
  held = add_figure (&fx, "20名", NULL, FZ_KIND_COUNT, "20");
  narrowed = add_figure (&fx, "30起", NULL, FZ_KIND_COUNT, "30");
  scope = add_figure (&fx, "500次", NULL, FZ_KIND_COUNT, "500");
  city = add_figure (&fx, "200人", NULL, FZ_KIND_COUNT, "200");
  story = add_figure (&fx, "8万元", NULL, FZ_KIND_MONEY, "80000");
  run (&fx);
  /* the province is never named: no region rather than the street of a story */
  g_assert_cmpstr (region_of (&fx, all), ==, "");
  g_assert_cmpstr (region_of (&fx, rate), ==, "");
  g_assert_cmpstr (region_of (&fx, held), ==, "");
  g_assert_cmpint (fz_figure_list_get (fx.figs, all)->region_code, ==, 0);
  g_assert_cmpstr (region_of (&fx, narrowed), ==, "青石市");
  g_assert_cmpstr (region_of (&fx, scope), ==, "花园街道");
  /* the city that holds the street, which the page names */
  g_assert_cmpstr (region_of (&fx, city), ==, "青石市");
  g_assert_cmpint (fz_figure_list_get (fx.figs, city)->region_code, ==, 9101);
  g_assert_cmpstr (region_of (&fx, story), ==, "花园街道");
  fixture_clear (&fx);
}

/* A count of places (遍及20余个省份) measures no work against fraud, whatever the sentence's
 * subject did before. */
static void
test_places_counted (void)
{
  Fixture fx;
  guint gangs, places;

  fixture_init (&fx, "青石市警方破获诈骗案\n青石市警方打掉犯罪团伙3个。该团伙诱骗群众投资，"
                     "受害群众遍及全国20余个省份。\n");
  add_article (&fx, "青石市警方破获诈骗案", "青石市警方打掉", NULL);
  gangs = add_count (&fx, "3个", "3", "个");
  places = add_count (&fx, "20余个", "20", "个");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, gangs), ==, "gangs_busted");
  g_assert_cmpstr (indicator_of (&fx, places), ==, "");
  fixture_clear (&fx);
}

/* Percentage points with no word of their own change the rate stated before them, not the
 * count before that. */
static void
test_points_of_rate (void)
{
  Fixture fx;
  guint count, share, points;

  fixture_init (&fx, "青石市反诈工作\n今年以来，青石市万人发案率为3.2起，电诈案件占刑事案件总数的"
                     "45.6%，同比下降8个百分点。\n");
  add_article (&fx, "青石市反诈工作", "今年以来", NULL);
  count = add_count (&fx, "3.2起", "3.2", "起");
  share = add_figure (&fx, "45.6%", NULL, FZ_KIND_PERCENT, "45.6");
  fz_figure_list_get_mut (fx.figs, share)->unit = fz_figure_list_intern (fx.figs, "%", -1);
  points = add_figure (&fx, "8个百分点", NULL, FZ_KIND_PERCENT, "8");
  fz_figure_list_get_mut (fx.figs, points)->unit = fz_figure_list_intern (fx.figs, "pp", -1);
  fz_figure_list_get_mut (fx.figs, points)->change = FZ_CHANGE_DOWN;
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, count), ==, "cases_per_10k");
  g_assert_cmpstr (indicator_of (&fx, share), ==, "crime_share");
  g_assert_cmpstr (indicator_of (&fx, points), ==, "crime_share");
  fixture_clear (&fx);
}

/* Taiwan's words: 车手 are the mules arrested, 机房 the dens of callers busted. */
static void
test_taiwan_words (void)
{
  Fixture fx;
  guint mules, dens;

  fixture_init (&fx, "青石市警方通报\n青石市警方今年以来共查获诈欺车手1200人，破获诈骗机房128处。\n");
  add_article (&fx, "青石市警方通报", "青石市警方今年", NULL);
  mules = add_count (&fx, "1200人", "1200", "人");
  dens = add_count (&fx, "128处", "128", "处");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, mules), ==, "suspects_arrested");
  g_assert_cmpstr (indicator_of (&fx, dens), ==, "gangs_busted");
  fixture_clear (&fx);
}

/* 12个乡镇实现零发案 counts places free of fraud, not cases. */
static void
test_zero_cases_units (void)
{
  Fixture fx;
  guint units;

  fixture_init (&fx, "青石市反诈工作\n今年以来，青石市12个乡镇实现电诈零发案。\n");
  add_article (&fx, "青石市反诈工作", "今年以来", NULL);
  units = add_count (&fx, "12个", "12", "个");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, units), ==, "zero_fraud_units");
  fixture_clear (&fx);

  /* Any place or body free of fraud: 无诈小区, 无诈校园 */
  fixture_init (&fx, "青石市反诈工作\n今年以来，青石市“无诈小区”创建达到210个。\n");
  add_article (&fx, "青石市反诈工作", "今年以来", NULL);
  units = add_count (&fx, "210个", "210", "个");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, units), ==, "zero_fraud_units");
  fixture_clear (&fx);
}

/* A bare list of figures after one action (破获案件1200起、980起) counts what the first
 * counts; an item with words of its own (抓获嫌疑人30名) keeps them. */
static void
test_list_items (void)
{
  Fixture fx;
  guint first, second, third, own;

  fixture_init (&fx, "打击电信网络诈骗\n今年以来，甲县、乙县、丙县分别破获电信网络诈骗案件120起、98起、"
                     "76起、抓获嫌疑人30名。\n");
  add_article (&fx, "打击电信网络诈骗", "今年以来", NULL);
  first = add_count (&fx, "120起", "120", "起");
  second = add_count (&fx, "98起", "98", "起");
  third = add_count (&fx, "76起", "76", "起");
  own = add_count (&fx, "30名", "30", "名");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, first), ==, "cases_solved");
  g_assert_cmpstr (indicator_of (&fx, second), ==, "cases_solved");
  g_assert_cmpstr (indicator_of (&fx, third), ==, "cases_solved");
  g_assert_cmpstr (indicator_of (&fx, own), ==, "suspects_arrested");
  fixture_clear (&fx);
}

/* Cities side by side in a list (青石、金沙两市) share a figure: it is about the province
 * that holds them; cities a sentence names apart leave the figure to the one nearest. */
static void
test_cities_listed (void)
{
  Fixture fx;
  guint joint, apart;

  fixture_init (&fx, "东山省反诈工作\n今年以来，青石、金沙两市止付冻结涉诈资金8.6亿元。"
                     "金沙市民警前往青石市开展宣传，发放资料300份。\n");
  add_article (&fx, "东山省反诈工作", "今年以来", NULL);
  joint = add_figure (&fx, "8.6亿元", NULL, FZ_KIND_MONEY, "860000000");
  apart = add_count (&fx, "300份", "300", "份");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, joint), ==, "东山省");
  g_assert_cmpstr (region_of (&fx, apart), !=, "东山省");
  fixture_clear (&fx);

  /* Counties of two cities, each written with its city */
  fixture_init (&fx, "东山省反诈工作\n今年以来，青石市白马县、金沙市银滩区等地建成无诈社区56个。\n");
  add_article (&fx, "东山省反诈工作", "今年以来", NULL);
  joint = add_count (&fx, "56个", "56", "个");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, joint), ==, "东山省");
  fixture_clear (&fx);
}

/* 分别 points back to the list of nouns in the clause before; a clause that names no place
 * goes on about the place of the clause before, where that is one of the sentence's most
 * specific, but not about a wider place it is ranked in. */
static void
test_clause_before (void)
{
  Fixture fx;
  guint reported, losses, listed, last, app;

  fixture_init (&fx, "青石反诈通报\n今年以来，青石市电信网络诈骗发案数、损失数实现双下降，分别同比"
                     "下降21.4%和17.9%。其中，白马县、红河区发案降幅均超过30%，金河县降幅最大，"
                     "达到36.2%。\n");
  add_article (&fx, "青石反诈通报", "今年以来", NULL);
  reported = add_figure (&fx, "21.4%", NULL, FZ_KIND_PERCENT, "21.4");
  losses = add_figure (&fx, "17.9%", NULL, FZ_KIND_PERCENT, "17.9");
  listed = add_figure (&fx, "30%", NULL, FZ_KIND_PERCENT, "30");
  last = add_figure (&fx, "36.2%", NULL, FZ_KIND_PERCENT, "36.2");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, reported), ==, "cases_reported");
  g_assert_cmpstr (indicator_of (&fx, losses), ==, "losses");
  g_assert_cmpstr (region_of (&fx, listed), ==, "青石市");
  g_assert_cmpstr (region_of (&fx, last), ==, "金河县");
  fixture_clear (&fx);

  fixture_init (&fx, "青石反诈通报\n今年以来，青石市劝返涉诈人员860人，排名东山省第一，反诈APP"
                     "注册量27万人。\n");
  add_article (&fx, "青石反诈通报", "今年以来", NULL);
  app = add_count (&fx, "27万人", "270000", "人");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, app), ==, "青石市");
  fixture_clear (&fx);
}

/* Bank cards frozen are counted in 张, as accounts are in 个 or 户. */
static void
test_cards_frozen (void)
{
  Fixture fx;
  guint cards, accounts;

  fixture_init (&fx, "青石反诈通报\n今年以来，冻结涉诈银行卡3,456张，止付涉案账户2000余个。\n");
  add_article (&fx, "青石反诈通报", "今年以来", NULL);
  cards = add_count (&fx, "3,456张", "3456", "张");
  accounts = add_count (&fx, "2000余个", "2000", "个");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, cards), ==, "accounts_stopped");
  g_assert_cmpstr (indicator_of (&fx, accounts), ==, "accounts_stopped");
  fixture_clear (&fx);
}

/* A figure no indicator counts (an age) between an action and its count is part of the
 * object: the action still governs the count. */
static void
test_age_in_object (void)
{
  Fixture fx;
  guint people;

  fixture_init (&fx, "青石反诈通报\n今年以来，民警上门劝阻60岁以上老年群众217人次。\n");
  add_article (&fx, "青石反诈通报", "今年以来", NULL);
  add_count (&fx, "60岁以上", "60", "岁");
  people = add_count (&fx, "217人次", "217", "人次");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, people), ==, "dissuasions");
  fixture_clear (&fx);
}

/* Rates per hundred cases and per ten thousand residents under the words reports use, and
 * the residents a rate is counted over (每10万人) counting nothing. */
static void
test_rates_per (void)
{
  Fixture fx;
  guint per_100, per_10k, over, rate;

  fixture_init (&fx, "青石反诈通报\n前三季度，百案抓捕数为86人，每万人发案数为3.2起，"
                     "每10万人发案数为32起。\n");
  add_article (&fx, "青石反诈通报", "前三季度", NULL);
  per_100 = add_count (&fx, "86人", "86", "人");
  per_10k = add_count (&fx, "3.2起", "3.2", "起");
  over = add_count (&fx, "10万人", "100000", "人");
  rate = add_count (&fx, "32起", "32", "起");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, per_100), ==, "arrests_per_100_cases");
  g_assert_cmpstr (indicator_of (&fx, per_10k), ==, "cases_per_10k");
  g_assert_cmpstr (indicator_of (&fx, over), ==, "");
  g_assert_cmpint (fz_figure_list_get (fx.figs, over)->core, ==, 0);
  g_assert_cmpint (fz_figure_list_get (fx.figs, rate)->core, ==, 1);
  fixture_clear (&fx);

  /* A bound that picks out what is counted (10万元以上的案件) is no statistic either. */
  fixture_init (&fx, "青石反诈通报\n今年以来，单笔损失10万元以上的案件有186起。\n");
  add_article (&fx, "青石反诈通报", "今年以来", NULL);
  over = add_figure (&fx, "10万元以上", NULL, FZ_KIND_MONEY, "100000");
  rate = add_count (&fx, "186起", "186", "起");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, over), ==, "");
  g_assert_cmpint (fz_figure_list_get (fx.figs, over)->core, ==, 0);
  g_assert_cmpint (fz_figure_list_get (fx.figs, rate)->core, ==, 1);
  fixture_clear (&fx);
}

/* Words of Taiwan's reports: a fraud ring (诈骗集团) busted, payments intercepted (拦阻); and
 * of prosecutors': 帮信罪. */
static void
test_ring_and_intercept (void)
{
  Fixture fx;
  guint rings, held;

  fixture_init (&fx, "青石反诈通报\n今年共查获诈骗集团1,236个，拦阻金额约12亿元。\n");
  add_article (&fx, "青石反诈通报", "今年", NULL);
  rings = add_count (&fx, "1,236个", "1236", "个");
  held = add_figure (&fx, "约12亿元", NULL, FZ_KIND_MONEY, "1200000000");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, rings), ==, "gangs_busted");
  g_assert_cmpstr (indicator_of (&fx, held), ==, "funds_frozen");
  fixture_clear (&fx);

  /* 帮信罪, the charge of those who lend their cards */
  fixture_init (&fx, "青石反诈通报\n今年以来，全市检察机关起诉帮信罪嫌疑人6027人。\n");
  add_article (&fx, "青石反诈通报", "今年以来", NULL);
  rings = add_count (&fx, "6027人", "6027", "人");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, rings), ==, "card_cases");
  fixture_clear (&fx);
}

/* Leads screened count nothing the lexicon measures; leads of a warning pushed are warnings. */
static void
test_warning_leads (void)
{
  Fixture fx;
  guint screened, pushed;

  fixture_init (&fx, "青石反诈通报\n今年以来，排查涉诈线索1000条，推送预警线索500条。\n");
  add_article (&fx, "青石反诈通报", "今年以来", NULL);
  screened = add_count (&fx, "1000条", "1000", "条");
  pushed = add_count (&fx, "500条", "500", "条");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, screened), ==, "");
  g_assert_cmpstr (indicator_of (&fx, pushed), ==, "warnings");
  fixture_clear (&fx);
}

/* The old value a change starts from (较2022年的2689起) is of the statistic before it, and so
 * is the change. */
static void
test_old_value (void)
{
  Fixture fx;
  guint old, change;

  fixture_init (&fx, "青石反诈通报\n2023年，全市公安机关共破获电诈案件3215起，较2022年的2689起"
                     "增长19.6%。\n");
  add_article (&fx, "青石反诈通报", "2023年", NULL);
  add_count (&fx, "3215起", "3215", "起");
  old = add_count (&fx, "2689起", "2689", "起");
  change = add_figure (&fx, "19.6%", NULL, FZ_KIND_PERCENT, "19.6");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, old), ==, "cases_solved");
  g_assert_cmpstr (indicator_of (&fx, change), ==, "cases_solved");
  fixture_clear (&fx);
}

/* An article that names no place but its own (我市) is about the place of the local paper
 * whose masthead heads the page; a paper named inside a sentence is no masthead. Fraud-free
 * communities (无诈社区) are anti-fraud work even where no other word of fraud is written. */
static void
test_masthead_place (void)
{
  Fixture fx;
  guint homes, free;

  fixture_init (&fx, "青石日报 2024年10月8日\n\n我市无诈宣传进万家\n\n本报讯 国庆期间，市公安局走访"
                     "群众1.2万户，全市已创建无诈社区56个。\n");
  add_article (&fx, "我市无诈宣传进万家", "本报讯", NULL);
  homes = add_count (&fx, "1.2万户", "12000", "户");
  free = add_count (&fx, "56个", "56", "个");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, homes), ==, "青石");
  g_assert_cmpstr (indicator_of (&fx, free), ==, "zero_fraud_units");
  fixture_clear (&fx);

  fixture_init (&fx, "本次活动由青石日报社、白马县委宣传部主办，共有1200人参加。\n\n我市无诈宣传进万家\n\n"
                     "本报讯 国庆期间，市公安局走访群众1.2万户。\n");
  add_article (&fx, "我市无诈宣传进万家", "本报讯", NULL);
  homes = add_count (&fx, "1.2万户", "12000", "户");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, homes), ==, "");
  fixture_clear (&fx);
}

/* Places counted are no statistic, unless the count is of a title they won (获评无诈乡镇). */
static void
test_title_won (void)
{
  Fixture fx;
  guint all, won;

  fixture_init (&fx, "白马县无诈创建\n全县共有12个乡镇，截至目前，已有9个乡镇（街道）获评“无诈乡镇”。\n");
  add_article (&fx, "白马县无诈创建", "全县共有", NULL);
  all = add_count (&fx, "12个", "12", "个");
  won = add_count (&fx, "9个", "9", "个");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, all), ==, "");
  g_assert_cmpstr (indicator_of (&fx, won), ==, "zero_fraud_units");
  fixture_clear (&fx);
}

/* A place name that begins a street's or a site's name (青石西路, 白马广场) is not the place a
 * figure is about. */
static void
test_street_names (void)
{
  Fixture fx;
  guint road, square;

  fixture_init (&fx, "金沙市反诈宣传\n今年以来，民警在青石西路设置宣传点30个，"
                     "在白马广场发放资料500份。\n");
  add_article (&fx, "金沙市反诈宣传", "今年以来", NULL);
  road = add_count (&fx, "30个", "30", "个");
  square = add_count (&fx, "500份", "500", "份");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, road), ==, "金沙市");
  g_assert_cmpstr (region_of (&fx, square), ==, "金沙市");
  fixture_clear (&fx);
}

/* A place named after 其中 is of a part: the whole before it keeps the article's place. */
static void
test_part_after_whole (void)
{
  Fixture fx;
  guint whole, part;

  fixture_init (&fx, "红河区反诈工作\n近日，红河区公安分局召开推进会。今年以来，该局共破获电诈"
                     "案件86起，其中柳林街道破获案件12起。\n");
  add_article (&fx, "红河区反诈工作", "今年以来", NULL);
  whole = add_count (&fx, "86起", "86", "起");
  part = add_count (&fx, "12起", "12", "起");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, whole), ==, "红河区");
  g_assert_cmpstr (region_of (&fx, part), ==, "柳林街道");
  fixture_clear (&fx);
}

/* The items of a list that ends in companies are companies, whatever place a name of theirs
 * also names; a list that ends in 等地 is of places. */
static void
test_companies_listed (void)
{
  Fixture fx;
  guint partners, local;

  fixture_init (&fx, "青石市反诈工作\n青石市公安局联合银行实现信息共享，与星团、金沙等10余家"
                     "互联网企业深度合作。红河区、金沙等地企业建立联动机制126家。\n");
  add_article (&fx, "青石市反诈工作", "青石市公安局", NULL);
  partners = add_count (&fx, "10余家", "10", "家");
  local = add_count (&fx, "126家", "126", "家");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, partners), ==, "青石市");
  g_assert_cmpstr (region_of (&fx, local), !=, "青石市");
  fixture_clear (&fx);
}

/* 诈骗金额 is money lost; 追缴 and 追赃 recover it. */
static void
test_money_words (void)
{
  Fixture fx;
  guint lost, recovered;

  fixture_init (&fx, "青石市反诈工作\n今年以来，青石市电诈案件诈骗金额达到1.2亿元。民警追缴赃款800万元。\n");
  add_article (&fx, "青石市反诈工作", "今年以来", NULL);
  lost = add_figure (&fx, "1.2亿元", NULL, FZ_KIND_MONEY, "120000000");
  recovered = add_figure (&fx, "800万元", NULL, FZ_KIND_MONEY, "8000000");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, lost), ==, "losses");
  g_assert_cmpstr (indicator_of (&fx, recovered), ==, "funds_recovered");
  fixture_clear (&fx);
}

/* Posts set up (设立反诈工作站30个) are no staff, whatever the clause before counted; an
 * installation rate is a coverage rate. */
static void
test_posts_and_rates (void)
{
  Fixture fx;
  guint police, posts, rate;

  fixture_init (&fx, "青石市反诈工作\n今年以来，青石市组建专职反诈民警队伍150名，设立反诈工作站30个。"
                     "反诈APP安装率达到78.5%。\n");
  add_article (&fx, "青石市反诈工作", "今年以来", NULL);
  police = add_count (&fx, "150名", "150", "名");
  posts = add_count (&fx, "30个", "30", "个");
  rate = add_figure (&fx, "78.5%", NULL, FZ_KIND_PERCENT, "78.5");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, police), ==, "staff");
  g_assert_cmpstr (indicator_of (&fx, posts), ==, "");
  g_assert_cmpstr (indicator_of (&fx, rate), ==, "coverage_rate");
  fixture_clear (&fx);
}

/* Counties listed as equals (白马县、红河区、金河县的得分分别为…) in a 我市 story make none of them
 * the article's place; one named more often than the rest still is. */
static void
test_equals_listed (void)
{
  Fixture fx;
  guint headline, body;

  fixture_init (&fx, "破案672起\n今年以来，全市破获案件672起。白马县、红河区、金河县的反诈指数"
                     "分别为94.69分、93.2分、91.5分。\n");
  add_article (&fx, "破案672起", "今年以来", NULL);
  headline = add_count (&fx, "672起", "672", "起");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, headline), ==, "");
  fixture_clear (&fx);

  fixture_init (&fx, "破案672起\n今年以来，全市破获案件672起。白马县、红河区、金河县的反诈指数"
                     "分别为94.69分、93.2分、91.5分。白马县民警劝阻群众300人。\n");
  add_article (&fx, "破案672起", "今年以来", NULL);
  headline = add_count (&fx, "672起", "672", "起");
  body = add_count (&fx, "300人", "300", "人");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, headline), ==, "白马县");
  g_assert_cmpstr (region_of (&fx, body), ==, "白马县");
  fixture_clear (&fx);
}

/* A zone noun right after its city (青石高新区) names that city's zone, apart from the city
 * (no code) and from another city's zone of that name; alone it stays as written. */
static void
test_held_zone (void)
{
  Fixture fx;
  guint city, zone, other, bare;

  fixture_init (&fx, "东山省反诈工作\n今年以来，青石市破获案件3000起。青石高新区破获案件300起，"
                     "金沙高新区破获案件200起，高新区冻结资金200万元。\n");
  g_assert_true (fz_gazetteer_add_aliases_from_data (fx.gaz, "高新区\t\tgeneric\t\n", -1,
                                                     "test", NULL));
  add_article (&fx, "东山省反诈工作", "今年以来", NULL);
  city = add_count (&fx, "3000起", "3000", "起");
  zone = add_count (&fx, "300起", "300", "起");
  other = add_count (&fx, "200起", "200", "起");
  bare = add_figure (&fx, "200万元", NULL, FZ_KIND_MONEY, "2000000");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, city), ==, "青石市");
  g_assert_cmpint (fz_figure_list_get (fx.figs, city)->region_code, ==, 9101);
  g_assert_cmpstr (region_of (&fx, zone), ==, "青石高新区");
  g_assert_cmpint (fz_figure_list_get (fx.figs, zone)->region_code, ==, 0);
  g_assert_cmpuint (fz_figure_list_get (fx.figs, zone)->region_cue_start, ==,
                    offset_of (fx.text, "青石高新区"));
  g_assert_cmpstr (region_of (&fx, other), ==, "金沙高新区");
  g_assert_cmpstr (region_of (&fx, bare), ==, "高新区");
  fixture_clear (&fx);
}

/* 涉诈短信 in a list after 拦截 are texts blocked, not the texts a campaign sends out
 * (发送反诈短信). */
static void
test_fraud_texts_blocked (void)
{
  Fixture fx;
  guint calls, texts, sent;

  fixture_init (&fx, "青石市反诈工作\n今年以来，青石市拦截涉诈电话1.2亿次、涉诈短信2.6亿条，"
                     "发送反诈提醒短信300万条。\n");
  add_article (&fx, "青石市反诈工作", "今年以来", NULL);
  calls = add_count (&fx, "1.2亿次", "120000000", "次");
  texts = add_count (&fx, "2.6亿条", "260000000", "条");
  sent = add_count (&fx, "300万条", "3000000", "条");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, calls), ==, "calls_sms_blocked");
  g_assert_cmpstr (indicator_of (&fx, texts), ==, "calls_sms_blocked");
  g_assert_cmpstr (indicator_of (&fx, sent), ==, "materials_distributed");
  fixture_clear (&fx);
}

/* 发放宣传手册6000余册: 宣传, which counts events, only describes the noun it leads; the
 * action before both counts the booklets. */
static void
test_modifier_not_counted (void)
{
  Fixture fx;
  guint booklets;

  fixture_init (&fx, "青石市反诈宣传\n今年以来，青石市发放宣传手册6000余册。\n");
  add_article (&fx, "青石市反诈宣传", "今年以来", NULL);
  booklets = add_count (&fx, "6000余册", "6000", "册");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, booklets), ==, "materials_distributed");
  fixture_clear (&fx);
}

/* 涉, 涉案 or 涉及 right before an amount: the money the cases involve; 涉案 before a noun
 * (涉案嫌疑人) says nothing of an amount elsewhere. */
static void
test_involved_before_amount (void)
{
  Fixture fx;
  guint involved, headline, threshold;

  fixture_init (&fx, "青石市骗案12起涉逾300万元\n青石市警方破获诈骗案件12起，涉案3000余万元。"
                     "抓获涉案犯罪嫌疑人20名，其中案值50万元以上的案件3起。\n");
  add_article (&fx, "青石市骗案12起涉逾300万元", "青石市警方破获", NULL);
  headline = add_figure (&fx, "逾300万元", NULL, FZ_KIND_MONEY, "3000000");
  involved = add_figure (&fx, "3000余万元", NULL, FZ_KIND_MONEY, "30000000");
  threshold = add_figure (&fx, "50万元以上", NULL, FZ_KIND_MONEY, "500000");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, headline), ==, "losses");
  g_assert_cmpstr (indicator_of (&fx, involved), ==, "losses");
  g_assert_cmpstr (indicator_of (&fx, threshold), ==, "");
  fixture_clear (&fx);
}

/* 多破 and 少发 before a number are verbs of solving and of cases, stated as a change; 多发
 * without a number (多发高发) and 少发一案 are no verbs. */
static void
test_more_or_fewer (void)
{
  Fixture fx;
  guint total, more, fewer, none;

  fixture_init (&fx, "打击电信网络诈骗\n青石市共破获案件315起，较去年同期多破89起、少发30起。"
                     "电诈案件多发高发，力争少发一案，办理案件12起。\n");
  add_article (&fx, "打击电信网络诈骗", "青石市共破获", NULL);
  total = add_figure (&fx, "315起", NULL, FZ_KIND_COUNT, "315");
  more = add_figure (&fx, "89起", NULL, FZ_KIND_COUNT, "89");
  fewer = add_figure (&fx, "30起", NULL, FZ_KIND_COUNT, "30");
  none = add_figure (&fx, "12起", NULL, FZ_KIND_COUNT, "12");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, total), ==, "cases_solved");
  g_assert_cmpstr (indicator_of (&fx, more), ==, "cases_solved");
  g_assert_cmpstr (indicator_of (&fx, fewer), ==, "cases_reported");
  g_assert_cmpstr (indicator_of (&fx, none), ==, "cases_reported");
  fixture_clear (&fx);
}

/* A title about the whole country has no place, whatever its body lists; a title where the
 * country is a scope (获全国表彰) leaves the body's place. */
static void
test_country_title (void)
{
  Fixture fx;
  guint national, local;

  fixture_init (&fx, "今年以来全国破获案件26万起\n据介绍，白马县、红河区等地破案数居前列。"
                     "国家反诈中心拦截资金1389亿元。\n"
                     "红河区反诈中心获全国表彰\n红河区反诈中心今年以来拦截资金2亿元。\n");
  add_article (&fx, "今年以来全国破获案件26万起", "据介绍", "红河区反诈中心获全国表彰");
  add_article (&fx, "红河区反诈中心获全国表彰", "红河区反诈中心今年", NULL);
  national = add_figure (&fx, "1389亿元", NULL, FZ_KIND_MONEY, "138900000000");
  local = add_figure (&fx, "2亿元", "获全国表彰", FZ_KIND_MONEY, "200000000");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, national), ==, "");
  g_assert_cmpstr (region_of (&fx, local), ==, "红河区");
  fixture_clear (&fx);
}

/* A rate that no indicator names (满意率, 办结率) measures nothing listed, whatever action the
 * sentence names before it; a named rate (止付成功率) its own. */
static void
test_unknown_rate (void)
{
  Fixture fx;
  guint returned, satisfied, stopped;

  fixture_init (&fx, "青石市反诈工作\n今年以来，青石市返还被骗资金2亿元，资金返还率达90%，群众满意率96%，"
                     "止付成功率95%。\n");
  add_article (&fx, "青石市反诈工作", "今年以来", NULL);
  returned = add_figure (&fx, "90%", NULL, FZ_KIND_PERCENT, "90");
  satisfied = add_figure (&fx, "96%", NULL, FZ_KIND_PERCENT, "96");
  stopped = add_figure (&fx, "95%", NULL, FZ_KIND_PERCENT, "95");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, returned), ==, "");
  g_assert_cmpstr (indicator_of (&fx, satisfied), ==, "");
  g_assert_cmpstr (indicator_of (&fx, stopped), ==, "stop_payment_rate");
  fixture_clear (&fx);
}

/* 金河 is the short name of a county and of a township in it: the county's reading does not
 * vouch for the township's, so the name reads as the county. */
static void
test_namesake_no_self_support (void)
{
  Fixture fx;
  guint a;

  fixture_init (&fx, "青石市金河警方通报\n金河警方今年以来破获案件12起。\n");
  add_article (&fx, "青石市金河警方通报", "金河警方今年", NULL);
  a = add_figure (&fx, "12起", NULL, FZ_KIND_COUNT, "12");
  run (&fx);
  g_assert_cmpstr (region_of (&fx, a), ==, "金河");
  g_assert_cmpint (fz_figure_list_get (fx.figs, a)->region_code, ==, 910103);
  fixture_clear (&fx);
}

/* Hong Kong's 骗案 and Taiwan's 詐欺 make an article about fraud, in either script: a
 * traditional page is read in simplified characters. */
static void
test_fraud_words (void)
{
  Fixture fx;
  guint cases;

  g_assert_true (fz_attribution_is_about_fraud ("上半年电话骗案上升", -1));
  g_assert_true (fz_attribution_is_about_fraud ("上半年電話騙案上升", -1));
  g_assert_true (fz_attribution_is_about_fraud ("詐欺案件減少", -1));
  g_assert_true (fz_attribution_is_about_fraud ("诈欺案件减少", -1));
  fixture_init (&fx, "白马县上半年录得电话骗案443宗。\n");
  add_article (&fx, "", "白马县上半年", NULL);
  cases = add_figure (&fx, "443宗", NULL, FZ_KIND_COUNT, "443");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, cases), ==, "cases_reported");
  fixture_clear (&fx);
}

/* A headline has no full stop: the first sentence of the body does not run back into it. The
 * title's 断卡 makes no card offenders of the suspects the body counts. */
static void
test_title_apart (void)
{
  Fixture fx;
  guint suspects;

  fixture_init (&fx, "白马县“断卡”行动成效显著\n本报讯 今年以来，白马县公安局破获电信网络诈骗案件"
                     "120起，抓获犯罪嫌疑人85名。\n");
  add_article (&fx, "白马县“断卡”行动成效显著", "本报讯", NULL);
  add_figure (&fx, "120起", NULL, FZ_KIND_COUNT, "120");
  suspects = add_figure (&fx, "85名", NULL, FZ_KIND_COUNT, "85");
  run (&fx);
  g_assert_cmpstr (indicator_of (&fx, suspects), ==, "suspects_arrested");
  g_assert_cmpstr (region_of (&fx, suspects), ==, "白马县");
  fixture_clear (&fx);
}

static void
test_no_articles (void)
{
  Fixture fx;
  guint f;

  /* Without a segmentation the page is one article. */
  fixture_init (&fx, "白马县今年接报诈骗警情40起，同比下降5%。");
  f = add_figure (&fx, "40起", NULL, FZ_KIND_COUNT, "40");
  add_figure (&fx, "5%", NULL, FZ_KIND_PERCENT, "5");
  fz_attribute (fx.gaz, fx.lex, fx.text, strlen (fx.text), NULL, fx.figs);
  g_assert_cmpstr (indicator_of (&fx, f), ==, "cases_reported");
  g_assert_cmpint (fz_figure_list_get (fx.figs, f)->polarity, ==, FZ_POLARITY_LOWER);
  g_assert_cmpstr (indicator_of (&fx, 1), ==, "cases_reported");
  g_assert_cmpstr (region_of (&fx, 1), ==, "白马县");
  g_assert_cmpint (fz_figure_list_get (fx.figs, 1)->region_code, ==, 910101);
  /* One article read, none given: no index names it. */
  g_assert_cmpint (fz_figure_list_get (fx.figs, f)->article, ==, -1);
  fixture_clear (&fx);
}

/* The attribution reads a page once for its compact text, the places triggers and its words may
 * start, and the ends of sentences and clauses: each kind of end, a trigger spaced out and one
 * after a character beyond the BMP. */
static void
test_page_pass (void)
{
  static const char *sentence_ends[] = { "。", "！", "？", "!", "?", "；", ";" };
  static const char *clause_ends[] = { "，", ",", "：", ":" };

  for (guint k = 0; k < G_N_ELEMENTS (sentence_ends) + 1; k++)
    {
      /* A sentence about another crime counts no anti-fraud indicator; the last round joins
       * it to the sentence about fraud, which then does. */
      const char *sep = k < G_N_ELEMENTS (sentence_ends) ? sentence_ends[k] : "，";
      g_autofree char *text = g_strdup_printf ("白马县接报诈骗警情40起%s侦办涉黑案件3起。", sep);
      Fixture fx;
      guint f;

      fixture_init (&fx, text);
      f = add_figure (&fx, "3起", NULL, FZ_KIND_COUNT, "3");
      fz_attribute (fx.gaz, fx.lex, fx.text, strlen (fx.text), NULL, fx.figs);
      if (k < G_N_ELEMENTS (sentence_ends))
        g_assert_cmpstr (indicator_of (&fx, f), ==, "");
      else
        g_assert_cmpstr (indicator_of (&fx, f), !=, "");
      fixture_clear (&fx);
    }
  for (guint k = 0; k < G_N_ELEMENTS (clause_ends) + 1; k++)
    {
      /* A cap (每户) in the clause of a figure makes it a rule; one in the clause before does
       * not. */
      const char *sep = k < G_N_ELEMENTS (clause_ends) ? clause_ends[k] : "、";
      g_autofree char *text = g_strdup_printf ("白马县每户%s接报诈骗警情40起。", sep);
      Fixture fx;
      guint f;

      fixture_init (&fx, text);
      f = add_figure (&fx, "40起", NULL, FZ_KIND_COUNT, "40");
      fz_attribute (fx.gaz, fx.lex, fx.text, strlen (fx.text), NULL, fx.figs);
      g_assert_cmpstr (indicator_of (&fx, f), ==,
                       k < G_N_ELEMENTS (clause_ends) ? "cases_reported" : "");
      fixture_clear (&fx);
    }
  {
    /* A story paragraph (某女士) makes its figures details. A blank line ends it, or a line
     * break after a sentence (a closing quote may come between): web pages give each paragraph
     * a line. Not a line broken inside a sentence, as text out of a PDF is. */
    static const struct { const char *text; guint core; } pages[] = {
      { "某女士被骗5万元。\n\n白马县接报诈骗警情40起。\n\n", 1 },
      { "某女士被骗5万元。\n\n\n白马县接报诈骗警情40起。\n\n", 1 },
      { "某女士被骗5万元。\n白马县接报诈骗警情40起。\n\n", 1 },
      { "某女士被骗5万元。\n \n白马县接报诈骗警情40起。\n\n", 1 },
      { "某女士被骗5万元。 \n白马县接报诈骗警情40起。\n\n", 1 },
      { "“某女士被骗5万元！”\n白马县接报诈骗警情40起。\n\n", 1 },
      { "白马县接报诈骗警情40起。\n某女士被骗5万元。\n\n", 1 },
      { "某女士被骗5万元。白马县接报诈骗警情40起。\n\n", 0 },
      { "某女士被骗5万元。据悉，白马县\n接报诈骗警情40起。\n\n", 0 },
      { "某女士被骗5万\n元。白马县接报诈骗警情40起。\n\n", 0 },
      { "白马县接报诈骗警情40起。某女士\n被骗5万元。\n\n", 0 },
    };

    for (guint k = 0; k < G_N_ELEMENTS (pages); k++)
      {
        Fixture fx;
        guint f;

        fixture_init (&fx, pages[k].text);
        f = add_figure (&fx, "40起", NULL, FZ_KIND_COUNT, "40");
        fz_attribute (fx.gaz, fx.lex, fx.text, strlen (fx.text), NULL, fx.figs);
        g_assert_cmpuint (fz_figure_list_get (fx.figs, f)->core, ==, pages[k].core);
        fixture_clear (&fx);
      }
  }
  {
    /* 受害人 is counted by statistics as often as a story names one: no story word. An age
     * counts nothing. */
    Fixture fx;
    guint cases, share, age;

    fixture_init (&fx, "白马县今年接报诈骗警情40起，超过6成受害人是30岁以下。\n");
    cases = add_figure (&fx, "40起", NULL, FZ_KIND_COUNT, "40");
    share = add_figure (&fx, "6成", NULL, FZ_KIND_PERCENT, "60");
    age = add_figure (&fx, "30岁", NULL, FZ_KIND_COUNT, "30");
    fz_figure_list_get_mut (fx.figs, age)->unit = fz_figure_list_intern (fx.figs, "岁", -1);
    fz_attribute (fx.gaz, fx.lex, fx.text, strlen (fx.text), NULL, fx.figs);
    g_assert_cmpuint (fz_figure_list_get (fx.figs, cases)->core, ==, 1);
    g_assert_cmpuint (fz_figure_list_get (fx.figs, share)->core, ==, 1);
    g_assert_cmpuint (fz_figure_list_get (fx.figs, age)->core, ==, 0);
    fixture_clear (&fx);
  }
  {
    Fixture fx;
    guint f;

    fixture_init (&fx, "\xf0\xa0\x80\x80 白马县接 报诈骗警情 40起。");
    f = add_figure (&fx, "40起", NULL, FZ_KIND_COUNT, "40");
    fz_attribute (fx.gaz, fx.lex, fx.text, strlen (fx.text), NULL, fx.figs);
    g_assert_cmpstr (indicator_of (&fx, f), ==, "cases_reported");
    g_assert_cmpstr (region_of (&fx, f), ==, "白马县");
    fixture_clear (&fx);
  }
}

/* The pass keeps a table made from the lexicon's triggers: a trigger added after a page was
 * attributed is found on the next page. */
static void
test_trigger_added (void)
{
  Fixture fx;
  g_autoptr(GError) error = NULL;
  guint f;

  fixture_init (&fx, "白马县反诈工作中鑫淼40起。");
  f = add_figure (&fx, "40起", NULL, FZ_KIND_COUNT, "40");
  fz_attribute (fx.gaz, fx.lex, fx.text, strlen (fx.text), NULL, fx.figs);
  g_assert_cmpstr (indicator_of (&fx, f), ==, "");
  g_assert_true (fz_lexicon_add_from_data (fx.lex,
                                           "id\tname_zh\tname_en\tdimension\tpolarity\tkinds\t"
                                           "triggers\n"
                                           "made_up\t鑫淼\tmade up\toutcome\thigher\tcount\t鑫淼\n",
                                           -1, "test", &error));
  g_assert_no_error (error);
  fz_attribute (fx.gaz, fx.lex, fx.text, strlen (fx.text), NULL, fx.figs);
  g_assert_cmpstr (indicator_of (&fx, f), ==, "made_up");
  fixture_clear (&fx);
}

/* The search every figure makes in the page's sorted lists, against a walk: every length up
 * to 40, with repeats, at every place before, on and after the values, for items with a key
 * first or further on, and for the last place there is. */
static void
test_lower_bound (void)
{
  typedef struct { guint32 start; guint32 more[2]; } Item;

  for (guint n = 0; n <= 40; n++)
    {
      g_autofree guint32 *list = g_new (guint32, n + 1);
      g_autofree Item *items = g_new0 (Item, n + 1);

      for (guint i = 0; i < n; i++)
        items[i].start = items[i].more[1] = list[i] = 5 + i - i % 2;
      for (guint32 pos = 0; pos < 2 * n + 10; pos++)
        {
          guint walk = 0, up_to = 0;

          while (walk < n && list[walk] < pos)
            walk++;
          while (up_to < n && list[up_to] <= pos)
            up_to++;
          g_assert_cmpuint (_fz_attribution_first_from (list, n, pos), ==, walk);
          g_assert_cmpuint (_fz_attribution_lower_bound (items, sizeof (Item), n, pos), ==, walk);
          g_assert_cmpuint (_fz_search_n_up_to (items, sizeof (Item),
                                                G_STRUCT_OFFSET (Item, more[1]), n, pos), ==,
                            up_to);
        }
      g_assert_cmpuint (_fz_search_n_up_to (list, sizeof (guint32), 0, n, G_MAXUINT32), ==, n);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/attribution/namesake", test_namesake);
  g_test_add_func ("/attribution/head-of-clause", test_head_of_clause);
  g_test_add_func ("/attribution/action-object", test_action_object);
  g_test_add_func ("/attribution/region-cue", test_region_cue);
  g_test_add_func ("/attribution/covered-words", test_covered_words);
  g_test_add_func ("/attribution/respectively", test_respectively);
  g_test_add_func ("/attribution/rate-and-nouns", test_rate_and_nouns);
  g_test_add_func ("/attribution/not-about-fraud", test_not_about_fraud);
  g_test_add_func ("/attribution/fraud-words", test_fraud_words);
  g_test_add_func ("/attribution/place-items", test_place_items);
  g_test_add_func ("/attribution/no-articles", test_no_articles);
  g_test_add_func ("/attribution/whole-unit", test_whole_unit);
  g_test_add_func ("/attribution/country-title", test_country_title);
  g_test_add_func ("/attribution/places-counted", test_places_counted);
  g_test_add_func ("/attribution/points-of-rate", test_points_of_rate);
  g_test_add_func ("/attribution/unknown-rate", test_unknown_rate);
  g_test_add_func ("/attribution/taiwan-words", test_taiwan_words);
  g_test_add_func ("/attribution/zero-cases-units", test_zero_cases_units);
  g_test_add_func ("/attribution/modifier-not-counted", test_modifier_not_counted);
  g_test_add_func ("/attribution/involved-before-amount", test_involved_before_amount);
  g_test_add_func ("/attribution/namesake-no-self-support", test_namesake_no_self_support);
  g_test_add_func ("/attribution/title-apart", test_title_apart);
  g_test_add_func ("/attribution/page-pass", test_page_pass);
  g_test_add_func ("/attribution/lower-bound", test_lower_bound);
  g_test_add_func ("/attribution/trigger-added", test_trigger_added);
  g_test_add_func ("/attribution/more-or-fewer", test_more_or_fewer);
  g_test_add_func ("/attribution/fraud-texts-blocked", test_fraud_texts_blocked);
  g_test_add_func ("/attribution/list-items", test_list_items);
  g_test_add_func ("/attribution/cities-listed", test_cities_listed);
  g_test_add_func ("/attribution/part-after-whole", test_part_after_whole);
  g_test_add_func ("/attribution/companies-listed", test_companies_listed);
  g_test_add_func ("/attribution/money-words", test_money_words);
  g_test_add_func ("/attribution/posts-and-rates", test_posts_and_rates);
  g_test_add_func ("/attribution/equals-listed", test_equals_listed);
  g_test_add_func ("/attribution/held-zone", test_held_zone);
  g_test_add_func ("/attribution/clause-before", test_clause_before);
  g_test_add_func ("/attribution/street-names", test_street_names);
  g_test_add_func ("/attribution/cards-frozen", test_cards_frozen);
  g_test_add_func ("/attribution/age-in-object", test_age_in_object);
  g_test_add_func ("/attribution/rates-per", test_rates_per);
  g_test_add_func ("/attribution/ring-and-intercept", test_ring_and_intercept);
  g_test_add_func ("/attribution/warning-leads", test_warning_leads);
  g_test_add_func ("/attribution/old-value", test_old_value);
  g_test_add_func ("/attribution/masthead-place", test_masthead_place);
  g_test_add_func ("/attribution/title-won", test_title_won);
  return g_test_run ();
}
