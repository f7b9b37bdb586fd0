/* test-decisions.c: the analyst's decisions: add, edit, reject, restore, accept, notes, undo and
 * redo with groups, the corrected figure list, and re-anchoring after the text changed. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "fz-decisions.h"
#include "fz-error.h"

#define NAME "page.txt"

static const char page[] =
  "城南区公安局今年破获电信网络诈骗案件672起，止付冻结涉诈资金97.7亿元，发案数同比下降43.26%。"
  "另有群众主动报案120起。\n";

/* Code point offsets of @needle in @text. */
static void
span_of (const char *text,
         const char *needle,
         guint      *start,
         guint      *end)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  *start = (guint) g_utf8_strlen (text, p - text);
  *end = *start + (guint) g_utf8_strlen (needle, -1);
}

static FzFigureId
id_of (const char *text,
       const char *needle)
{
  guint start, end;

  span_of (text, needle, &start, &end);
  return FZ_FIGURE_ID (start, end);
}

static void
add_machine (FzFigureList *list,
             const char   *text,
             const char   *needle,
             FzKind        kind,
             const char   *value,
             const char   *unit)
{
  FzFigure *f = fz_figure_list_append (list);
  const char *p = strstr (text, needle);

  span_of (text, needle, &f->start, &f->end);
  f->byte_start = p - text;
  f->byte_end = f->byte_start + strlen (needle);
  f->kind = kind;
  f->value = fz_figure_list_intern (list, value, -1);
  f->unit = fz_figure_list_intern (list, unit, -1);
  f->indicator = fz_figure_list_intern (list, "cases_solved", -1);
  f->core = 1;
}

/* A document named NAME holding @text, with the machine figures 672起 and 97.7亿元 where the
 * text has them. */
static FzDocument *
make_document (const char *text)
{
  g_autoptr(GError) error = NULL;
  FzDocument *document = fz_document_new_from_data (NAME, (const guint8 *) text, strlen (text),
                                                    &error);
  g_autoptr(FzFigureList) figures = fz_figure_list_new ();

  g_assert_no_error (error);
  if (strstr (text, "672起") != NULL)
    add_machine (figures, text, "672起", FZ_KIND_COUNT, "672", "起");
  if (strstr (text, "97.7亿元") != NULL)
    add_machine (figures, text, "97.7亿元", FZ_KIND_MONEY, "9770000000", "元");
  fz_figure_list_sort (figures);
  fz_document_set_figures (document, figures);
  return document;
}

static guint32
status_of (FzDecisions *decisions,
           FzDocument  *document,
           FzFigureId   id)
{
  g_autoptr(GArray) status = NULL;
  g_autoptr(FzFigureList) figures = fz_decisions_apply (decisions, document, &status);

  g_assert_cmpuint (status->len, ==, fz_figure_list_get_n (figures));
  for (guint i = 0; i < status->len; i++)
    if (g_array_index (status, FzFigureStatus, i).id == id)
      return g_array_index (status, FzFigureStatus, i).flags;
  return G_MAXUINT32;
}

static void
test_add (void)
{
  g_autoptr(FzDecisions) decisions = fz_decisions_new ();
  g_autoptr(FzDocument) document = make_document (page);
  g_autoptr(FzFigureList) one = NULL, two = NULL, all = NULL;
  g_autoptr(GArray) status = NULL;
  g_autoptr(GError) error = NULL;
  FzFigureStatus st;
  guint start, end;
  const FzFigure *f;

  span_of (page, "43.26%", &start, &end);
  one = fz_decisions_add_figure (decisions, document, start, end, &st, &error);
  g_assert_no_error (error);
  f = fz_figure_list_get (one, 0);
  g_assert_cmpuint (f->kind, ==, FZ_KIND_PERCENT);
  g_assert_cmpstr (fz_figure_list_str (one, f->value), ==, "43.26");
  g_assert_cmpuint (st.flags, ==, FZ_FIGURE_STATUS_ADDED);
  g_assert_cmpuint (st.id, ==, FZ_FIGURE_ID (start, end));
  g_assert_cmpstr (page + f->byte_start, >, "");
  g_assert_true (strncmp (page + f->byte_start, "43.26%", f->byte_end - f->byte_start) == 0);

  span_of (page, "报案120起", &start, &end);
  two = fz_decisions_add_figure (decisions, document, start, end, NULL, &error);
  g_assert_no_error (error);
  f = fz_figure_list_get (two, 0);
  g_assert_cmpuint (f->kind, ==, FZ_KIND_COUNT);
  g_assert_cmpstr (fz_figure_list_str (two, f->value), ==, "120");
  g_assert_cmpstr (fz_figure_list_str (two, f->unit), ==, "起");

  /* Over a machine figure, over an added one, empty, past the end: refused. */
  span_of (page, "672", &start, &end);
  g_assert_null (fz_decisions_add_figure (decisions, document, start, end, NULL, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  g_clear_error (&error);
  span_of (page, "26%", &start, &end);
  g_assert_null (fz_decisions_add_figure (decisions, document, start, end, NULL, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (fz_decisions_add_figure (decisions, document, 3, 3, NULL, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (fz_decisions_add_figure (decisions, document, 5, 100000, NULL, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  g_clear_error (&error);

  /* Inserted in order among the machine figures. */
  all = fz_decisions_apply (decisions, document, &status);
  g_assert_cmpuint (fz_figure_list_get_n (all), ==, 4);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpuint (fz_figure_list_get (all, i - 1)->start, <,
                      fz_figure_list_get (all, i)->start);
  g_assert_cmpuint (g_array_index (status, FzFigureStatus, 0).flags, ==, 0);
  g_assert_cmpuint (g_array_index (status, FzFigureStatus, 2).flags, ==, FZ_FIGURE_STATUS_ADDED);
  g_assert_cmpint (fz_figure_list_get (all, 2)->article, ==, 0);
}

static void
test_edit (void)
{
  g_autoptr(FzDecisions) decisions = fz_decisions_new ();
  g_autoptr(FzDocument) document = make_document (page);
  FzFigureId cases = id_of (page, "672起"), money = id_of (page, "97.7亿元");
  g_autoptr(GError) error = NULL;
  FzFigureStatus st;
  static const struct { FzFigureField field; const char *typed, *stored; } edits[] = {
    { FZ_FIGURE_FIELD_KIND, "percent", "percent" },
    { FZ_FIGURE_FIELD_VALUE, "97.8亿", "9780000000" },
    { FZ_FIGURE_FIELD_UNIT, "万元", "万元" },
    { FZ_FIGURE_FIELD_QUALIFIER, "about", "about" },
    { FZ_FIGURE_FIELD_CHANGE, "down", "down" },
    { FZ_FIGURE_FIELD_BASIS, "yoy", "yoy" },
    { FZ_FIGURE_FIELD_INDICATOR, "money_frozen", "money_frozen" },
    { FZ_FIGURE_FIELD_REGION, "城南区", "城南区" },
    { FZ_FIGURE_FIELD_PERIOD, "2022-01/2022-03", "2022-01/2022-03" },
    { FZ_FIGURE_FIELD_CORE, "no", "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(FzFigureList) one = fz_decisions_set_field (decisions, document, money,
                                                            edits[i].field, edits[i].typed, &st,
                                                            &error);
      const FzFigure *f;
      g_autofree char *got = NULL;

      g_assert_no_error (error);
      f = fz_figure_list_get (one, 0);
      g_assert_cmpuint (st.flags, ==, FZ_FIGURE_STATUS_EDITED);
      switch (edits[i].field)
        {
        case FZ_FIGURE_FIELD_KIND: g_assert_cmpuint (f->kind, ==, FZ_KIND_PERCENT); break;
        case FZ_FIGURE_FIELD_VALUE: got = g_strdup (fz_figure_list_str (one, f->value)); break;
        case FZ_FIGURE_FIELD_UNIT: got = g_strdup (fz_figure_list_str (one, f->unit)); break;
        case FZ_FIGURE_FIELD_QUALIFIER: g_assert_cmpuint (f->qualifier, ==, FZ_QUALIFIER_ABOUT);
          break;
        case FZ_FIGURE_FIELD_CHANGE: g_assert_cmpuint (f->change, ==, FZ_CHANGE_DOWN); break;
        case FZ_FIGURE_FIELD_BASIS: g_assert_cmpuint (f->basis, ==, FZ_BASIS_YOY); break;
        case FZ_FIGURE_FIELD_INDICATOR: got = g_strdup (fz_figure_list_str (one, f->indicator));
          break;
        case FZ_FIGURE_FIELD_REGION: got = g_strdup (fz_figure_list_str (one, f->region)); break;
        case FZ_FIGURE_FIELD_PERIOD: got = g_strdup (fz_figure_list_str (one, f->period)); break;
        case FZ_FIGURE_FIELD_CORE: g_assert_cmpuint (f->core, ==, 0); break;
        default: g_assert_not_reached ();
        }
      if (got != NULL)
        g_assert_cmpstr (got, ==, edits[i].stored);
    }
  g_assert_cmpuint (status_of (decisions, document, money), ==, FZ_FIGURE_STATUS_EDITED);

  /* Edit and edit back: the figure is the machine's again. */
  fz_figure_list_unref (fz_decisions_set_field (decisions, document, cases,
                                                FZ_FIGURE_FIELD_KIND, "score", NULL, &error));
  g_assert_cmpuint (status_of (decisions, document, cases), ==, FZ_FIGURE_STATUS_EDITED);
  fz_figure_list_unref (fz_decisions_set_field (decisions, document, cases,
                                                FZ_FIGURE_FIELD_KIND, "count", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status_of (decisions, document, cases), ==, FZ_FIGURE_STATUS_MACHINE);

  /* Bad values and a figure that is not there. */
  g_assert_null (fz_decisions_set_field (decisions, document, cases, FZ_FIGURE_FIELD_KIND,
                                         "lots", NULL, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (fz_decisions_set_field (decisions, document, cases, FZ_FIGURE_FIELD_PERIOD,
                                         "last spring", NULL, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (fz_decisions_set_field (decisions, document, FZ_FIGURE_ID (1, 2),
                                         FZ_FIGURE_FIELD_UNIT, "元", NULL, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
}

static void
test_reject_restore_accept (void)
{
  g_autoptr(FzDecisions) decisions = fz_decisions_new ();
  g_autoptr(FzDocument) document = make_document (page);
  FzFigureId cases = id_of (page, "672起"), money = id_of (page, "97.7亿元");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzFigureList) rejected = NULL;
  FzFigureStatus st;
  guint reviewed, total, start, end;

  rejected = fz_decisions_reject (decisions, document, cases, &st, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (st.flags, ==, FZ_FIGURE_STATUS_REJECTED);
  {
    g_autoptr(FzFigureList) live = fz_decisions_apply (decisions, document, NULL);

    g_assert_cmpuint (fz_figure_list_get_n (live), ==, 1);
    g_assert_cmpuint (FZ_FIGURE_ID (fz_figure_list_get (live, 0)->start,
                                    fz_figure_list_get (live, 0)->end), ==, money);
  }
  g_assert_cmpuint (status_of (decisions, document, cases), ==, FZ_FIGURE_STATUS_REJECTED);
  fz_decisions_get_counts (decisions, document, &reviewed, &total);
  g_assert_cmpuint (reviewed, ==, 1);
  g_assert_cmpuint (total, ==, 2);

  fz_figure_list_unref (fz_decisions_restore (decisions, document, cases, &st, &error));
  g_assert_cmpuint (st.flags, ==, FZ_FIGURE_STATUS_MACHINE);
  fz_figure_list_unref (fz_decisions_set_accepted (decisions, document, money, TRUE, &st,
                                                   &error));
  g_assert_cmpuint (st.flags, ==, FZ_FIGURE_STATUS_ACCEPTED);
  fz_decisions_get_counts (decisions, document, &reviewed, &total);
  g_assert_cmpuint (reviewed, ==, 1);

  /* An added figure that is rejected is gone. */
  span_of (page, "120起", &start, &end);
  fz_figure_list_unref (fz_decisions_add_figure (decisions, document, start, end, NULL, &error));
  fz_decisions_get_counts (decisions, document, &reviewed, &total);
  g_assert_cmpuint (reviewed, ==, 2);
  g_assert_cmpuint (total, ==, 3);
  fz_figure_list_unref (fz_decisions_reject (decisions, document, FZ_FIGURE_ID (start, end), &st,
                                             &error));
  g_assert_cmpuint (st.flags, ==, FZ_FIGURE_STATUS_ADDED | FZ_FIGURE_STATUS_REJECTED);
  g_assert_cmpuint (status_of (decisions, document, FZ_FIGURE_ID (start, end)), ==, G_MAXUINT32);
  g_assert_no_error (error);
}

static void
test_notes (void)
{
  g_autoptr(FzDecisions) decisions = fz_decisions_new ();
  g_autoptr(FzDocument) document = make_document (page);
  FzFigureId money = id_of (page, "97.7亿元");
  g_autoptr(GError) error = NULL;
  FzFigureStatus st;

  fz_figure_list_unref (fz_decisions_set_figure_note (decisions, document, money,
                                                      "见市局通报", &st, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (st.flags, ==, FZ_FIGURE_STATUS_NOTE);
  g_assert_cmpstr (fz_decisions_get_figure_note (decisions, document, money), ==, "见市局通报");
  g_assert_true (fz_decisions_set_article_note (decisions, document, 0, "article", &error));
  g_assert_cmpstr (fz_decisions_get_article_note (decisions, document, 0), ==, "article");
  g_assert_false (fz_decisions_set_article_note (decisions, document, 99, "no", &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  fz_decisions_set_document_note (decisions, NAME, "whole page");
  g_assert_cmpstr (fz_decisions_get_document_note (decisions, NAME), ==, "whole page");
  g_assert_cmpuint (fz_decisions_get_n_decisions (decisions), ==, 3);

  /* An empty note takes it away. */
  fz_figure_list_unref (fz_decisions_set_figure_note (decisions, document, money, "", &st, NULL));
  g_assert_null (fz_decisions_get_figure_note (decisions, document, money));
  g_assert_cmpuint (st.flags, ==, FZ_FIGURE_STATUS_MACHINE);
  fz_decisions_set_document_note (decisions, NAME, NULL);
  g_assert_null (fz_decisions_get_document_note (decisions, NAME));
  g_assert_cmpuint (fz_decisions_get_n_decisions (decisions), ==, 1);
}

static void
count_changed (FzDecisions *decisions,
               const char  *path,
               guint       *n)
{
  g_assert_cmpstr (path, ==, NAME);
  (*n)++;
}

static void
test_undo_redo (void)
{
  g_autoptr(FzDecisions) decisions = fz_decisions_new ();
  g_autoptr(FzDocument) document = make_document (page);
  FzFigureId cases = id_of (page, "672起"), money = id_of (page, "97.7亿元");
  guint changed = 0;

  g_signal_connect (decisions, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_false (fz_decisions_can_undo (decisions));
  fz_figure_list_unref (fz_decisions_reject (decisions, document, cases, NULL, NULL));
  fz_figure_list_unref (fz_decisions_set_field (decisions, document, money,
                                                FZ_FIGURE_FIELD_UNIT, "万元", NULL, NULL));
  fz_decisions_set_document_note (decisions, NAME, "n");
  g_assert_cmpuint (changed, ==, 3);

  g_assert_true (fz_decisions_undo (decisions));
  g_assert_null (fz_decisions_get_document_note (decisions, NAME));
  g_assert_true (fz_decisions_undo (decisions));
  g_assert_cmpuint (status_of (decisions, document, money), ==, FZ_FIGURE_STATUS_MACHINE);
  g_assert_true (fz_decisions_can_redo (decisions));
  g_assert_true (fz_decisions_redo (decisions));
  g_assert_cmpuint (status_of (decisions, document, money), ==, FZ_FIGURE_STATUS_EDITED);
  g_assert_true (fz_decisions_undo (decisions));
  g_assert_true (fz_decisions_undo (decisions));
  g_assert_cmpuint (status_of (decisions, document, cases), ==, FZ_FIGURE_STATUS_MACHINE);
  g_assert_false (fz_decisions_can_undo (decisions));
  g_assert_false (fz_decisions_undo (decisions));
  g_assert_cmpuint (fz_decisions_get_n_decisions (decisions), ==, 0);
  g_assert_cmpuint (changed, ==, 8);

  /* A change that changes nothing is no step to undo. */
  fz_figure_list_unref (fz_decisions_restore (decisions, document, money, NULL, NULL));
  g_assert_false (fz_decisions_can_undo (decisions));

  /* A new change forgets what could be redone. */
  g_assert_true (fz_decisions_redo (decisions));
  fz_figure_list_unref (fz_decisions_set_accepted (decisions, document, money, TRUE, NULL,
                                                   NULL));
  g_assert_false (fz_decisions_can_redo (decisions));

  /* "Accept all" is one step and one signal. */
  changed = 0;
  fz_decisions_begin_group (decisions);
  fz_figure_list_unref (fz_decisions_set_accepted (decisions, document, cases, TRUE, NULL,
                                                   NULL));
  fz_figure_list_unref (fz_decisions_set_field (decisions, document, money,
                                                FZ_FIGURE_FIELD_CORE, "0", NULL, NULL));
  g_assert_false (fz_decisions_can_undo (decisions));
  fz_decisions_end_group (decisions);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (status_of (decisions, document, cases), ==, FZ_FIGURE_STATUS_ACCEPTED);
  g_assert_true (fz_decisions_undo (decisions));
  g_assert_cmpuint (status_of (decisions, document, cases), ==, FZ_FIGURE_STATUS_REJECTED);
  g_assert_cmpuint (status_of (decisions, document, money), ==, FZ_FIGURE_STATUS_ACCEPTED);
  g_assert_true (fz_decisions_redo (decisions));
  g_assert_cmpuint (status_of (decisions, document, cases), ==, FZ_FIGURE_STATUS_ACCEPTED);
  g_assert_cmpuint (status_of (decisions, document, money), ==,
                    FZ_FIGURE_STATUS_ACCEPTED | FZ_FIGURE_STATUS_EDITED);
}

/* Decisions on the page: 672起 rejected, 97.7亿元 noted, 43.26% added. */
static FzDecisions *
decide_on_page (void)
{
  FzDecisions *decisions = fz_decisions_new ();
  g_autoptr(FzDocument) document = make_document (page);
  g_autoptr(GError) error = NULL;
  guint start, end;

  fz_figure_list_unref (fz_decisions_reject (decisions, document, id_of (page, "672起"), NULL,
                                             &error));
  fz_figure_list_unref (fz_decisions_set_figure_note (decisions, document,
                                                      id_of (page, "97.7亿元"), "note", NULL,
                                                      &error));
  span_of (page, "43.26%", &start, &end);
  fz_figure_list_unref (fz_decisions_add_figure (decisions, document, start, end, NULL, &error));
  g_assert_no_error (error);
  return decisions;
}

static void
check_reattached (FzDecisions *decisions,
                  const char  *text)
{
  g_autoptr(FzDocument) changed = make_document (text);
  g_autoptr(GPtrArray) lost = NULL;

  g_assert_cmpuint (status_of (decisions, changed, id_of (text, "672起")), ==,
                    FZ_FIGURE_STATUS_REJECTED);
  g_assert_cmpuint (status_of (decisions, changed, id_of (text, "97.7亿元")), ==,
                    FZ_FIGURE_STATUS_NOTE);
  g_assert_cmpuint (status_of (decisions, changed, id_of (text, "43.26%")), ==,
                    FZ_FIGURE_STATUS_ADDED);
  lost = fz_decisions_dup_unattached (decisions, changed);
  g_assert_cmpuint (lost->len, ==, 0);
}

static void
test_reanchor_inserted (void)
{
  g_autoptr(FzDecisions) decisions = decide_on_page ();
  g_autofree char *text = g_strconcat ("本报讯（记者 王某）\n", page, NULL);

  check_reattached (decisions, text);
  /* Undo does not reach back past a change of the text. */
  g_assert_false (fz_decisions_can_undo (decisions));
}

static void
test_reanchor_moved (void)
{
  g_autoptr(FzDecisions) decisions = decide_on_page ();
  g_autofree char *text = g_strconcat ("另一篇报道写到了别的事情，与此无关。\n", "新的一段开头。\n",
                                       page, "结尾。\n", NULL);
  g_autofree char *moved = NULL, *head = NULL;
  const char *cut = strstr (page, "另有");

  check_reattached (decisions, text);
  /* The sentences swapped places: each quote is still found by its context. */
  head = g_strndup (page, cut - page);
  moved = g_strconcat (cut, head, NULL);
  check_reattached (decisions, moved);
}

static void
test_reanchor_gone (void)
{
  g_autoptr(FzDecisions) decisions = decide_on_page ();
  g_autoptr(GString) text = g_string_new (page);
  g_autoptr(FzDocument) changed = NULL;
  g_autoptr(GPtrArray) lost = NULL;
  g_autoptr(FzFigureList) figures = NULL;
  const FzUnattached *u;

  g_string_replace (text, "97.7亿元", "98.1亿元", 1);
  changed = make_document (text->str);
  figures = fz_decisions_apply (decisions, changed, NULL);
  /* 672起 stays rejected, 43.26% stays added; the note on 97.7亿元 is listed, not lost. */
  g_assert_cmpuint (fz_figure_list_get_n (figures), ==, 1);
  lost = fz_decisions_dup_unattached (decisions, changed);
  g_assert_cmpuint (lost->len, ==, 1);
  u = g_ptr_array_index (lost, 0);
  g_assert_cmpstr (u->quote, ==, "97.7亿元");
  g_assert_nonnull (strstr (u->description, "note"));
  g_assert_cmpuint (fz_decisions_get_n_decisions (decisions), ==, 3);

  /* The old text back: the note finds its place again. */
  {
    g_autoptr(FzDocument) back = make_document (page);
    g_autoptr(GPtrArray) none = fz_decisions_dup_unattached (decisions, back);

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (status_of (decisions, back, id_of (page, "97.7亿元")), ==,
                      FZ_FIGURE_STATUS_NOTE);
  }
}

static void
test_reanchor_ambiguous (void)
{
  g_autoptr(FzDecisions) decisions = decide_on_page ();
  /* The quote 672起 twice, both with other context: which one is not known. */
  const char *text = "甲地破获672起。乙地也破获672起。97.7亿元，同比下降43.26%。\n";
  g_autoptr(FzDocument) changed = make_document (text);
  g_autoptr(GPtrArray) lost = fz_decisions_dup_unattached (decisions, changed);

  g_assert_cmpuint (lost->len, ==, 1);
  g_assert_cmpstr (((FzUnattached *) g_ptr_array_index (lost, 0))->quote, ==, "672起");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/decisions/add", test_add);
  g_test_add_func ("/decisions/edit", test_edit);
  g_test_add_func ("/decisions/reject-restore-accept", test_reject_restore_accept);
  g_test_add_func ("/decisions/notes", test_notes);
  g_test_add_func ("/decisions/undo-redo", test_undo_redo);
  g_test_add_func ("/decisions/reanchor/inserted", test_reanchor_inserted);
  g_test_add_func ("/decisions/reanchor/moved", test_reanchor_moved);
  g_test_add_func ("/decisions/reanchor/gone", test_reanchor_gone);
  g_test_add_func ("/decisions/reanchor/ambiguous", test_reanchor_ambiguous);
  return g_test_run ();
}
