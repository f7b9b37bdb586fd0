/* fz-layout-private.h: the lines and words a page is read into, shared by the layout files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-layout.h"

#include "fz-charset.h"

G_BEGIN_DECLS

typedef struct
{
  gsize    b_start;     /* content, without the line break */
  gsize    b_end;
  gsize    b_next;      /* start of the next line */
  guint32  c_start;
  gsize    t_start;     /* content without leading and trailing white space */
  gsize    t_end;
  guint32  c_t_start;
  guint8   term;        /* 0 end of text, 1 LF, 2 CR LF, 3 CR */
  guint    blank : 1;
  guint    indent : 1;
  guint    clause : 1;        /* punctuation inside the line */
  guint    comma : 1;         /* a comma, full stop or 、 inside it: body text, not a title */
  guint    title_style : 1;   /* a kept space between two words of Han characters */
  guint    marker : 1;        /* byline, 本报讯, heading mark or bullet at the start */
  guint    byline : 1;
  guint    join : 1;          /* the break after this line goes */
  guint    continued : 1;     /* this line was joined onto the previous one */
  guint    n_vis;
  gunichar first;
  gunichar last;
} Line;

typedef struct
{
  gsize   b_start;
  gsize   b_end;
  guint   n;            /* characters */
  gunichar first;
  gunichar last;
  guint   num_head : 1; /* starts with a plain number (12, 10.17%) */
  guint   num_tail : 1; /* ends with a plain number */
} Token;

static inline gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

static inline gboolean
is_num_char (gunichar c)
{
  return is_ascii_digit (c) || c == '.' || c == ',';
}


/* Whether the white space between tokens @a and @b stays in the reading text. */
static inline gboolean
keep_space (const Token *a,
            const Token *b)
{
  gboolean a_cjk = fz_charset_is_cjk (a->last);
  gboolean b_cjk = fz_charset_is_cjk (b->first);

  /* PDF text spaces out every character ("诈 宣 传"); titles space out phrases */
  if (a_cjk && b_cjk)
    return a->n >= 2 && b->n >= 2;
  if (a_cjk && is_ascii_digit (b->first))
    return !b->num_head;
  if (is_ascii_digit (a->last) && b_cjk)
    return !a->num_tail;
  return TRUE;
}

void  _fz_layout_tokenize      (const char *text,
                               gsize       start,
                               gsize       end,
                               GArray     *tokens);
void  _fz_layout_scan_lines    (const char *text,
                               gsize       len,
                               GArray     *lines);
void  _fz_layout_decide_joins  (const char *text,
                                GArray     *lines);

G_END_DECLS
