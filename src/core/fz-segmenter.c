/* fz-segmenter.c: a newspaper page into articles, from layout cues only. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-segmenter-private.h"

#include <string.h>

#include "fz-charset.h"

/* Pages come in two orders: titles above their bodies, or (from some PDF
 * extractions) titles below them. The first thing on the page tells which. */

typedef struct
{
  gint     title_first;   /* units of the title, -1 when none */
  gint     title_last;
  gint     byline;
  gint     body_first;
  gint     body_last;
  gboolean awaiting_title;
  gboolean title_closed;
  gboolean caption;
} Draft;

typedef struct
{
  const char    *text;
  const SegLine *lines;
  const Unit    *units;
  GPtrArray     *out;
} Ctx;

static void
draft_reset (Draft *d)
{
  d->title_first = d->title_last = d->byline = d->body_first = d->body_last = -1;
  d->awaiting_title = d->title_closed = d->caption = FALSE;
}

/* The title from units [first, last]: a heading block is units that touch (no
 * blank line) or that a colon carries on; blocks are joined with a space. */
static char *
title_text (Ctx  *ctx,
            gint  first,
            gint  last)
{
  GString *s = g_string_new (NULL);

  for (gint i = first; i <= last; i++)
    {
      const Unit *u = &ctx->units[i];

      if (u->kind != UNIT_HEADING)
        continue;
      if (s->len > 0 && !(s->str[s->len - 1] == ':' || g_str_has_suffix (s->str, "：")))
        g_string_append_c (s, ' ');
      _fz_segmenter_append_unit_text (s, ctx->text, ctx->lines, u);
    }
  return g_string_free (s, FALSE);
}

/* The # marks of a Markdown heading are markup, not part of the title's span. */
static guint
heading_marks (Ctx *ctx,
               gint unit)
{
  const SegLine *l = &ctx->lines[ctx->units[unit].first_line];
  guint n = 0;

  while (l->b_start + n < l->b_end
         && (ctx->text[l->b_start + n] == '#' || ctx->text[l->b_start + n] == ' '))
    n++;
  return n;
}

static void
draft_emit (Ctx   *ctx,
            Draft *d)
{
  FzArticle *a;
  guint32 start = G_MAXUINT32, end = 0;

  if (d->title_first < 0 && d->body_first < 0 && d->byline < 0)
    return;
  a = fz_article_new ();
  if (d->title_first >= 0 && !d->caption)
    {
      g_free (a->title);
      a->title = title_text (ctx, d->title_first, d->title_last);
      /* One byte a mark: as many code points. */
      a->title_start = ctx->units[d->title_first].c_start + heading_marks (ctx, d->title_first);
      a->title_end = MAX (a->title_start, ctx->units[d->title_last].c_end);
      start = MIN (start, a->title_start);
      end = MAX (end, a->title_end);
    }
  if (d->byline >= 0)
    {
      const Unit *u = &ctx->units[d->byline];
      GString *s = g_string_new (NULL);

      _fz_segmenter_append_unit_text (s, ctx->text, ctx->lines, u);
      a->byline = g_string_free (s, FALSE);
      start = MIN (start, u->c_start);
      end = MAX (end, u->c_end);
    }
  if (d->body_first >= 0)
    {
      a->body_start = ctx->units[d->body_first].c_start;
      a->body_end = ctx->units[d->body_last].c_end;
      start = MIN (start, a->body_start);
      end = MAX (end, a->body_end);
    }
  else if (d->caption || d->title_first >= 0)
    {
      /* a heading with no body under it is the caption of a photo */
      a->body_start = ctx->units[d->title_first].c_start;
      a->body_end = ctx->units[d->title_last].c_end;
      d->caption = TRUE;
      a->title_start = a->title_end = a->body_start;
      g_free (a->title);
      a->title = g_strdup ("");
      start = MIN (start, a->body_start);
      end = MAX (end, a->body_end);
    }
  else
    a->body_start = a->body_end = end;
  a->is_caption = d->caption;
  a->start = start;
  a->end = end;
  g_ptr_array_add (ctx->out, a);
  draft_reset (d);
}

static void
emit_caption (Ctx  *ctx,
              gint  unit)
{
  Draft d;

  draft_reset (&d);
  d.caption = TRUE;
  d.body_first = d.body_last = unit;
  draft_emit (ctx, &d);
}

static void
add_body (Draft *d,
          gint   unit)
{
  if (d->body_first < 0)
    d->body_first = unit;
  d->body_last = unit;
}

/* Of the headings above a body, the last block is the title; those before it are kickers. */
static void
set_title_from_pending (Ctx    *ctx,
                        Draft  *d,
                        GArray *pending)
{
  gint last = g_array_index (pending, gint, pending->len - 1);
  gint first = last;

  for (guint i = pending->len - 1; i > 0; i--)
    {
      const Unit *u = &ctx->units[g_array_index (pending, gint, i)];
      const Unit *prev = &ctx->units[g_array_index (pending, gint, i - 1)];

      if (u->gap_before > 0 && prev->last != 0xFF1A && prev->last != ':')
        break;
      first = g_array_index (pending, gint, i - 1);
    }
  d->title_first = first;
  d->title_last = last;
}

static gboolean
ends_sentence (const Unit *u)
{
  return fz_charset_is_final (u->last);
}

/* One pass over the units of a page: the article being drafted and, on a
 * title-first page, the headings still waiting for the body they head. */
typedef struct
{
  Ctx      *ctx;
  GArray   *pending;
  Draft     d;
  gboolean  open;
  guint     n_units;
} Pass;

static void
pass_restart (Pass *p)
{
  if (p->open)
    draft_emit (p->ctx, &p->d);
  draft_reset (&p->d);
  p->open = TRUE;
}

static void
first_heading (Pass *p,
               guint i)
{
  const Unit *u = &p->ctx->units[i];
  gint ui = (gint) i;

  if (u->gap_after >= 2 && p->pending->len == 0 &&
      (i + 1 >= p->n_units || p->ctx->units[i + 1].kind != UNIT_BYLINE))
    emit_caption (p->ctx, ui);
  else
    g_array_append_val (p->pending, ui);
}

static void
first_byline (Pass *p,
              gint  ui)
{
  if (p->pending->len > 0)
    {
      pass_restart (p);
      set_title_from_pending (p->ctx, &p->d, p->pending);
      p->d.byline = ui;
      g_array_set_size (p->pending, 0);
    }
  else if (p->open && p->d.byline < 0)
    p->d.byline = ui;
  else if (!(p->open && p->d.body_first < 0))
    {
      /* a second byline after a body: a new article whose title comes later */
      pass_restart (p);
      p->d.byline = ui;
      p->d.awaiting_title = TRUE;
    }
}

/* A body under headings: they title it, start a new article, or were photos
 * or subheadings set into the one that goes on. */
static void
first_body_after_headings (Pass       *p,
                           const Unit *u)
{
  Ctx *ctx = p->ctx;
  Draft *d = &p->d;
  const Unit *p0 = &ctx->units[g_array_index (p->pending, gint, 0)];

  if (p->open && d->awaiting_title && d->body_first >= 0)
    {
      d->title_first = g_array_index (p->pending, gint, 0);
      d->title_last = g_array_index (p->pending, gint, p->pending->len - 1);
      d->awaiting_title = FALSE;
    }
  else if (p->open && d->title_first < 0 && d->body_first < 0)
    set_title_from_pending (ctx, d, p->pending);
  else if (p->open && !ctx->lines[u->first_line].lead && p0->gap_before >= 2 &&
           d->body_last >= 0 && !ends_sentence (&ctx->units[d->body_last]))
    {
      /* photos set into an article whose sentence then carries on */
      for (guint k = 0; k < p->pending->len; k++)
        emit_caption (ctx, g_array_index (p->pending, gint, k));
    }
  else if (!p->open || u->gap_before >= 99 || p0->gap_before >= 2 ||
           ctx->lines[u->first_line].lead)
    {
      pass_restart (p);
      set_title_from_pending (ctx, d, p->pending);
    }
  /* else: subheadings inside the article */
  g_array_set_size (p->pending, 0);
}

static void
first_body (Pass *p,
            gint  ui)
{
  const Unit *u = &p->ctx->units[ui];

  if (p->pending->len > 0)
    {
      first_body_after_headings (p, u);
      add_body (&p->d, ui);
    }
  else if (!p->open)
    {
      pass_restart (p);
      add_body (&p->d, ui);
    }
  else if (u->gap_before >= 3 && p->d.body_last >= 0 &&
           ends_sentence (&p->ctx->units[p->d.body_last]))
    emit_caption (p->ctx, ui);
  else
    add_body (&p->d, ui);
}

static void
segment_title_first (Ctx  *ctx,
                     guint n_units)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (gint));
  Pass p = { ctx, pending, { 0, }, FALSE, n_units };

  draft_reset (&p.d);
  for (guint i = 0; i < n_units; i++)
    {
      switch (ctx->units[i].kind)
        {
        case UNIT_BOILER:
        case UNIT_CREDIT:
          break;
        case UNIT_CAPTION:
          emit_caption (ctx, (gint) i);
          break;
        case UNIT_HEADING:
          first_heading (&p, i);
          break;
        case UNIT_BYLINE:
          first_byline (&p, (gint) i);
          break;
        case UNIT_BODY:
          first_body (&p, (gint) i);
          break;
        }
    }
  for (guint i = 0; i < pending->len; i++)
    emit_caption (ctx, g_array_index (pending, gint, i));
  if (p.open)
    draft_emit (ctx, &p.d);
}

static void
after_heading (Pass *p,
               gint  ui)
{
  const Unit *u = &p->ctx->units[ui];
  Draft *d = &p->d;

  if (!p->open || d->body_first < 0 || d->title_closed)
    return;
  if (d->title_first < 0)
    d->title_first = d->title_last = ui;
  else if (d->title_last == ui - 1 &&
           (u->gap_before == 0 || p->ctx->units[ui - 1].last == 0xFF1A ||
            p->ctx->units[ui - 1].last == ':'))
    d->title_last = ui;
  else
    d->title_closed = TRUE;
}

static void
after_body (Pass *p,
            gint  ui)
{
  if (p->open && p->d.title_first >= 0)
    {
      draft_emit (p->ctx, &p->d);
      p->open = FALSE;
    }
  if (!p->open)
    {
      draft_reset (&p->d);
      p->open = TRUE;
    }
  add_body (&p->d, ui);
}

static void
segment_title_after (Ctx  *ctx,
                     guint n_units)
{
  Pass p = { ctx, NULL, { 0, }, FALSE, n_units };

  draft_reset (&p.d);
  for (guint i = 0; i < n_units; i++)
    {
      gint ui = (gint) i;

      switch (ctx->units[i].kind)
        {
        case UNIT_BOILER:
        case UNIT_CREDIT:
          break;
        case UNIT_CAPTION:
          emit_caption (ctx, ui);
          break;
        case UNIT_HEADING:
          after_heading (&p, ui);
          break;
        case UNIT_BYLINE:
          if (p.open && p.d.byline < 0)
            p.d.byline = ui;
          if (p.d.title_first >= 0)
            p.d.title_closed = TRUE;
          break;
        case UNIT_BODY:
          after_body (&p, ui);
          break;
        }
    }
  if (p.open)
    draft_emit (ctx, &p.d);
}

static gint
compare_start (gconstpointer a,
               gconstpointer b)
{
  const FzArticle *x = *(FzArticle * const *) a;
  const FzArticle *y = *(FzArticle * const *) b;

  return x->start < y->start ? -1 : x->start > y->start;
}

GPtrArray *
fz_segment (const char *text,
            gsize       len)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (SegLine));
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (Unit));
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_article_free);
  Ctx ctx;
  guint i;

  g_return_val_if_fail (text != NULL || len == 0, out);

  if (len == 0)
    return out;
  _fz_segmenter_scan (text, len, lines);
  _fz_segmenter_build_units (text, lines, units);

  ctx.text = text;
  ctx.lines = (const SegLine *) lines->data;
  ctx.units = (const Unit *) units->data;
  ctx.out = out;

  for (i = 0; i < units->len && ctx.units[i].kind == UNIT_BOILER; i++)
    ;
  if (i < units->len && ctx.units[i].kind == UNIT_BODY)
    segment_title_after (&ctx, units->len);
  else
    segment_title_first (&ctx, units->len);
  /* captions are given as they come; the reading order is by position */
  g_ptr_array_sort (out, compare_start);
  return out;
}

char *
fz_segment_dup_span (const char *text,
                     gsize       len,
                     guint32     start,
                     guint32     end,
                     guint       max_chars)
{
  GString *s = g_string_new (NULL);
  const char *p = text;
  const char *e = text + len;
  guint32 c = 0;
  guint n = 0;
  gboolean space = FALSE;

  while (p < e && c < start)
    p = g_utf8_next_char (p), c++;
  for (; p < e && c < end && n < max_chars; p = g_utf8_next_char (p), c++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (fz_charset_is_space (ch) || ch == '\n' || ch == '\r')
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (s, ' ');
          n++;
          if (n >= max_chars)
            break;
        }
      space = FALSE;
      g_string_append_unichar (s, ch);
      n++;
    }
  return g_string_free (s, FALSE);
}
