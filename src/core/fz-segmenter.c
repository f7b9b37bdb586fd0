/* fz-segmenter.c: a newspaper page into articles, from layout cues only. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define _GNU_SOURCE
#include "fz-segmenter.h"
#include "fz-doc-date.h"

#include <string.h>

#include "fz-charset.h"

/* Decodes one character of valid UTF-8: the segmenter reads every byte of
 * every page, and a call per character is most of its time. */
static inline gunichar
next_char (const char **pp)
{
  const guchar *p = (const guchar *) *pp;
  gunichar c = p[0];

  if (c < 0x80)
    {
      *pp += 1;
      return c;
    }
  if (c < 0xE0)
    {
      *pp += 2;
      return ((c & 0x1F) << 6) | (p[1] & 0x3F);
    }
  if (c < 0xF0)
    {
      *pp += 3;
      return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
  *pp += 4;
  return ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* Pages come in two orders: titles above their bodies, or (from some PDF
 * extractions) titles below them. The first thing on the page tells which. */

typedef enum
{
  UNIT_BODY,
  UNIT_HEADING,
  UNIT_BYLINE,
  UNIT_CREDIT,    /* 通讯员 某某 摄: belongs to a photo */
  UNIT_CAPTION,   /* ▲ …, or a paragraph signed 摄 */
  UNIT_BOILER,    /* masthead, hotline, page references */
} UnitKind;

typedef struct
{
  gsize    b_start;      /* trimmed content */
  gsize    b_end;
  guint32  c_start;
  guint32  c_end;
  guint    n_vis;
  gunichar first;
  gunichar last;
  guint    blank : 1;
  guint    indent : 1;
  guint    clause : 1;
  guint    title_style : 1;
  guint    lead : 1;       /* 本报讯, 本报电 */
  guint    byline : 1;
  guint    hash : 1;
  guint    bullet : 1;
} SegLine;

typedef struct
{
  guint    first_line;
  guint    n_lines;
  guint32  c_start;
  guint32  c_end;
  guint    gap_before;
  guint    gap_after;
  guint    n_vis;
  gunichar last;
  UnitKind kind;
} Unit;

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

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

static gboolean
contains (const char *p,
          const char *end,
          const char *needle)
{
  return memmem (p, end - p, needle, strlen (needle)) != NULL;
}

static gboolean
is_bullet (gunichar c)
{
  return c == 0x25A1 || c == 0x25A0 || c == 0x2609 || c == 0x2299 || c == 0x25CF ||
         c == 0x25C6 || c == 0x2605;
}

static gboolean
is_caption_mark (gunichar c)
{
  return c == 0x25B2 || c == 0x25B6 || c == 0x25B3 || c == 0x2191 || c == 0x2190 ||
         c == 0x2192 || c == 0x2193;
}

/* A kept space between two Han words of two or more characters: "守护平安 共建和谐". */
static gboolean
line_title_style (const char *s,
                  const char *e)
{
  guint prev_len = 0, cur_len = 0;
  gboolean prev_cjk = FALSE, after_space = FALSE, pending = FALSE;
  gunichar last = 0;

  for (const char *p = s; p < e; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (fz_charset_is_space (c))
        {
          if (!after_space)
            {
              prev_len = cur_len;
              prev_cjk = fz_charset_is_cjk (last);
            }
          after_space = TRUE;
          cur_len = 0;
          continue;
        }
      if (after_space)
        {
          pending = prev_cjk && prev_len >= 2 && fz_charset_is_cjk (c);
          after_space = FALSE;
        }
      cur_len++;
      last = c;
      if (pending && cur_len >= 2)
        return TRUE;
      if (pending && cur_len == 1)
        {
          const char *n = g_utf8_next_char (p);

          if (n >= e || fz_charset_is_space (g_utf8_get_char (n)))
            pending = FALSE;
        }
    }
  return FALSE;
}

static void
analyse (const char *text,
         SegLine    *l)
{
  const char *s = text + l->b_start;
  const char *e = text + l->b_end;
  const char *head;
  guint k;

  l->first = g_utf8_get_char (s);
  l->last = g_utf8_get_char (g_utf8_prev_char (e));
  for (const char *p = s; p < e;)
    {
      gunichar c = next_char (&p);

      if (fz_charset_is_space (c))
        continue;
      l->n_vis++;
      if (p < e && fz_charset_is_clause_punct (c))
        l->clause = TRUE;
    }
  l->lead = has_prefix (s, e, "本报讯") || has_prefix (s, e, "本报电");
  l->hash = l->first == '#';
  l->bullet = is_bullet (l->first);
  if (l->n_vis <= 50 && !l->clause)
    l->title_style = line_title_style (s, e);
  if (l->n_vis > 40 || l->clause || l->lead)
    return;
  head = s;
  while (head < e && (is_bullet (g_utf8_get_char (head)) || fz_charset_is_space (g_utf8_get_char (head))))
    head = g_utf8_next_char (head);
  for (k = 0; k < 8 && head < e; k++, head = g_utf8_next_char (head))
    if (has_prefix (head, e, "记者") || has_prefix (head, e, "通讯员") ||
        has_prefix (head, e, "实习生") || has_prefix (head, e, "撰稿"))
      {
        l->byline = TRUE;
        return;
      }
  if (l->bullet || has_prefix (e - MIN ((gsize) (e - s), 4), e, "文/图") ||
      (e - s >= 3 && has_prefix (e - 3, e, "文/图")))
    l->byline = TRUE;
}

static void
scan (const char *text,
      gsize       len,
      GArray     *lines)
{
  gsize b = 0;
  guint32 c = 0;

  while (b < len)
    {
      SegLine l = { 0 };
      gsize p = b, s, e;
      guint32 c_s, c_e;

      /* leading white space */
      while (p < len && text[p] != '\n' && text[p] != '\r')
        {
          const char *q = text + p;

          if (!fz_charset_is_space (next_char (&q)))
            break;
          p = q - text;
          c++;
        }
      s = p;
      c_s = c;
      e = p;
      c_e = c;
      while (p < len && text[p] != '\n' && text[p] != '\r')
        {
          const char *q = text + p;
          gunichar ch = next_char (&q);

          p = q - text;
          c++;
          if (!fz_charset_is_space (ch))
            e = p, c_e = c;
        }
      l.indent = s > b;
      l.b_start = s;
      l.b_end = e;
      l.c_start = c_s;
      l.c_end = c_e;
      l.blank = s == e;
      if (!l.blank)
        analyse (text, &l);
      g_array_append_val (lines, l);

      if (p < len && text[p] == '\r' && p + 1 < len && text[p + 1] == '\n')
        p += 2, c += 2;
      else if (p < len)
        p++, c++;
      b = p;
    }
}

static gboolean
is_boiler (const char *s,
           const char *e,
           guint       n_vis,
           guint       index)
{
  static const char *const words[] = {
    "新闻热线", "国内统一刊号", "邮发代号", "责任编辑", "本版编辑", "责编", "美编",
    "数字报", "版式设计", "广告许可证", "定价", "印刷：", "社址",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (contains (s, e, words[i]))
      return TRUE;
  /* （下转2版）, (上接1版) */
  if (n_vis <= 12 && (has_prefix (s, e, "（") || has_prefix (s, e, "(")) &&
      (contains (s, e, "转") || contains (s, e, "接")) && contains (s, e, "版"))
    return TRUE;
  /* The masthead date, 2022年4月25日 星期一: page furniture, not a title */
  if (n_vis <= 24 && (contains (s, e, "星期") || contains (s, e, "农历")) &&
      contains (s, e, "年") && contains (s, e, "月"))
    return TRUE;
  if (n_vis <= 16)
    {
      GDate date;

      g_date_clear (&date, 1);
      if (fz_doc_date_parse (s, e - s, &date))
        return TRUE;
    }
  /* “某某日报”微信 and the like at the top of the page */
  if (index < 4 && n_vis <= 20 &&
      (contains (s, e, "报”") || contains (s, e, "报》")) &&
      (contains (s, e, "微信") || contains (s, e, "微博") || contains (s, e, "客户端") ||
       has_prefix (s, e, "“") || has_prefix (s, e, "《")))
    return TRUE;
  return FALSE;
}

static UnitKind
classify (const char    *text,
          const SegLine *lines,
          Unit          *u,
          guint          index)
{
  const SegLine *f = &lines[u->first_line];
  const char *s = text + f->b_start;
  const char *e = text + lines[u->first_line + u->n_lines - 1].b_end;
  gboolean clause = FALSE;

  for (guint i = 0; i < u->n_lines; i++)
    clause |= lines[u->first_line + i].clause;

  /* mastheads and page notes are short; a long paragraph that mentions a hotline is body */
  if (u->n_lines <= 3 && (u->n_vis <= 40 || (index < 4 && u->n_vis <= 200)) &&
      is_boiler (s, e, u->n_vis, index))
    return UNIT_BOILER;
  if (is_caption_mark (f->first))
    return UNIT_CAPTION;
  if (u->last == 0x6444 /* 摄 */ || has_prefix (e - MIN ((gsize) (e - s), 4), e, "摄）"))
    return u->n_vis <= 20 ? UNIT_CREDIT : UNIT_CAPTION;
  if (f->hash && u->n_vis <= 60)
    return UNIT_HEADING;
  if (u->n_lines == 1 && f->byline)
    return UNIT_BYLINE;
  if (f->lead)
    return UNIT_BODY;
  if (u->n_vis >= 2 && u->n_vis <= 50 && u->n_lines <= 3 && !clause &&
      (!fz_charset_is_final (u->last) || u->last == 0x201D || u->last == 0xFF1A))
    return UNIT_HEADING;
  return UNIT_BODY;
}

static void
build_units (const char *text,
             GArray     *lines,
             GArray     *units)
{
  const SegLine *ls = (const SegLine *) lines->data;
  guint gap = 0;
  Unit *cur = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const SegLine *l = &ls[i];
      gboolean fresh;

      if (l->blank)
        {
          gap++;
          cur = NULL;
          continue;
        }
      fresh = cur == NULL || l->indent || l->lead || l->byline || l->hash || l->bullet ||
              is_caption_mark (l->first);
      if (!fresh)
        {
          const SegLine *prev = &ls[i - 1];

          fresh = prev->byline || prev->hash || is_caption_mark (prev->first) ||
                  (cur->n_lines == 1 && prev->title_style);
        }
      if (fresh)
        {
          Unit u = { 0 };

          if (units->len > 0)
            g_array_index (units, Unit, units->len - 1).gap_after = gap;
          u.first_line = i;
          u.c_start = l->c_start;
          u.gap_before = units->len == 0 ? 99 : gap;
          g_array_append_val (units, u);
          cur = &g_array_index (units, Unit, units->len - 1);
        }
      cur->n_lines++;
      cur->n_vis += l->n_vis;
      cur->c_end = l->c_end;
      cur->last = l->last;
      gap = 0;
    }
  if (units->len > 0)
    g_array_index (units, Unit, units->len - 1).gap_after = 99;
  for (guint i = 0; i < units->len; i++)
    {
      Unit *u = &g_array_index (units, Unit, i);

      u->kind = classify (text, ls, u, i);
    }
}

/* Title text: lines of one heading joined, white space made single spaces, # marks gone. */
static void
append_unit_text (GString       *out,
                  const char    *text,
                  const SegLine *lines,
                  const Unit    *u)
{
  for (guint i = 0; i < u->n_lines; i++)
    {
      const SegLine *l = &lines[u->first_line + i];
      const char *p = text + l->b_start;
      const char *e = text + l->b_end;
      gboolean space = FALSE;

      while (p < e && (*p == '#' || *p == ' '))
        p++;
      if (i > 0 && lines[u->first_line].title_style)
        g_string_append_c (out, ' ');
      for (; p < e; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (fz_charset_is_space (c))
            {
              space = TRUE;
              continue;
            }
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
}

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
      append_unit_text (s, ctx->text, ctx->lines, u);
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

      append_unit_text (s, ctx->text, ctx->lines, u);
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

static void
segment_title_first (Ctx  *ctx,
                     guint n_units)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (gint));
  Draft d;
  gboolean open = FALSE;

  draft_reset (&d);
  for (guint i = 0; i < n_units; i++)
    {
      const Unit *u = &ctx->units[i];
      gint ui = (gint) i;

      switch (u->kind)
        {
        case UNIT_BOILER:
        case UNIT_CREDIT:
          break;

        case UNIT_CAPTION:
          emit_caption (ctx, ui);
          break;

        case UNIT_HEADING:
          if (u->gap_after >= 2 && pending->len == 0 &&
              (i + 1 >= n_units || ctx->units[i + 1].kind != UNIT_BYLINE))
            emit_caption (ctx, ui);
          else
            g_array_append_val (pending, ui);
          break;

        case UNIT_BYLINE:
          if (pending->len > 0)
            {
              if (open)
                draft_emit (ctx, &d);
              draft_reset (&d);
              set_title_from_pending (ctx, &d, pending);
              d.byline = ui;
              open = TRUE;
              g_array_set_size (pending, 0);
            }
          else if (open && d.byline < 0)
            d.byline = ui;
          else if (!(open && d.body_first < 0))
            {
              /* a second byline after a body: a new article whose title comes later */
              if (open)
                draft_emit (ctx, &d);
              draft_reset (&d);
              d.byline = ui;
              d.awaiting_title = TRUE;
              open = TRUE;
            }
          break;

        case UNIT_BODY:
          if (pending->len > 0)
            {
              const Unit *p0 = &ctx->units[g_array_index (pending, gint, 0)];

              if (open && d.awaiting_title && d.body_first >= 0)
                {
                  d.title_first = g_array_index (pending, gint, 0);
                  d.title_last = g_array_index (pending, gint, pending->len - 1);
                  d.awaiting_title = FALSE;
                }
              else if (open && d.title_first < 0 && d.body_first < 0)
                set_title_from_pending (ctx, &d, pending);
              else if (open && !ctx->lines[u->first_line].lead && p0->gap_before >= 2 &&
                       d.body_last >= 0 && !ends_sentence (&ctx->units[d.body_last]))
                {
                  /* photos set into an article whose sentence then carries on */
                  for (guint k = 0; k < pending->len; k++)
                    emit_caption (ctx, g_array_index (pending, gint, k));
                }
              else if (!open || u->gap_before >= 99 || p0->gap_before >= 2 ||
                       ctx->lines[u->first_line].lead)
                {
                  if (open)
                    draft_emit (ctx, &d);
                  draft_reset (&d);
                  set_title_from_pending (ctx, &d, pending);
                  open = TRUE;
                }
              /* else: subheadings inside the article */
              g_array_set_size (pending, 0);
              add_body (&d, ui);
            }
          else if (!open)
            {
              draft_reset (&d);
              open = TRUE;
              add_body (&d, ui);
            }
          else if (u->gap_before >= 3 && d.body_last >= 0 &&
                   ends_sentence (&ctx->units[d.body_last]))
            emit_caption (ctx, ui);
          else
            add_body (&d, ui);
          break;
        }
    }
  for (guint i = 0; i < pending->len; i++)
    emit_caption (ctx, g_array_index (pending, gint, i));
  if (open)
    draft_emit (ctx, &d);
}

static void
segment_title_after (Ctx  *ctx,
                     guint n_units)
{
  Draft d;
  gboolean open = FALSE;

  draft_reset (&d);
  for (guint i = 0; i < n_units; i++)
    {
      const Unit *u = &ctx->units[i];
      gint ui = (gint) i;

      switch (u->kind)
        {
        case UNIT_BOILER:
        case UNIT_CREDIT:
          break;

        case UNIT_CAPTION:
          emit_caption (ctx, ui);
          break;

        case UNIT_HEADING:
          if (!open || d.body_first < 0 || d.title_closed)
            break;
          if (d.title_first < 0)
            d.title_first = d.title_last = ui;
          else if (d.title_last == ui - 1 &&
                   (u->gap_before == 0 || ctx->units[ui - 1].last == 0xFF1A ||
                    ctx->units[ui - 1].last == ':'))
            d.title_last = ui;
          else
            d.title_closed = TRUE;
          break;

        case UNIT_BYLINE:
          if (open && d.byline < 0)
            d.byline = ui;
          if (d.title_first >= 0)
            d.title_closed = TRUE;
          break;

        case UNIT_BODY:
          if (open && d.title_first >= 0)
            {
              draft_emit (ctx, &d);
              open = FALSE;
            }
          if (!open)
            {
              draft_reset (&d);
              open = TRUE;
            }
          add_body (&d, ui);
          break;
        }
    }
  if (open)
    draft_emit (ctx, &d);
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
  scan (text, len, lines);
  build_units (text, lines, units);

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
