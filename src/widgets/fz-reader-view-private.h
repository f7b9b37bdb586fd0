/* fz-reader-view-private.h: the reader pane's fields, shared by its split source files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fz-after-frame.h"
#include "fz-reader-view.h"
#include "fz-workspace.h"

G_BEGIN_DECLS

/* The text's font size at zoom 1. */
#define BASE_FONT_PX 17.0

struct _FzReaderView
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkWidget          *outline_button;
  GtkWidget          *outline_popover;
  GtkWidget          *outline_list;
  GtkWidget          *title_label;
  GtkWidget          *zoom_button;
  GtkWidget          *figures_button;
  GtkWidget          *find_bar;
  GtkWidget          *find_entry;
  GtkWidget          *find_count;
  GtkWidget          *panes;
  GtkWidget          *text_box;
  gboolean            narrow;          /* text and list are two views, not side by side */
  gboolean            panes_placed;
  guint               panes_source;
  GtkWidget          *text_scroller;
  GtkWidget          *text_view;
  GtkWidget          *detail_label;
  FzFigureTable      *figure_table;
  GtkWidget          *review_label;
  GtkWidget          *review_bar;      /* shown in review mode: where it is and the keys */
  GtkWidget          *review_title;
  GtkWidget          *review_position;
  GtkWidget          *review_keys;
  GMenu              *kinds_menu;
  GMenuModel         *annotate_menu;

  FzDocument         *document;
  FzLexicon          *lexicon;         /* for indicator names; may be NULL */
  int                 article;
  guint               view_start;      /* repaired code point where the shown text starts */
  GArray             *inserted;        /* guint: newlines the shown text adds, see shown_offset */
  GListStore         *items;           /* FzFigureItem in text order */
  GPtrArray          *by_pos;          /* all of them, owned, for binary search by position */
  guint               next_item;       /* by_pos[next_item…] are not in items yet */
  GtkTextTag         *kind_tags[FZ_N_KINDS];
  /* For a figure that starts where one of the same kind ends: with one tag the two would read
   * as a single highlight. */
  GtkTextTag         *touching_tags[FZ_N_KINDS];
  GtkTextTag         *match_tag;
  GtkTextTag         *title_tag;       /* an article's title, set as a heading */
  GtkTextTag         *current_tag;
  gboolean            hidden[FZ_N_KINDS];
  GArray             *matches;         /* guint pairs: start, end */
  int                 current_match;

  char               *pending_text;    /* text still to insert, in chunks */
  gsize               pending_len;
  gsize               pending_pos;
  guint               idle_id;
  /* The page's text and highlights go in a frame after the one showing the pane, and its
   * figure list in the one after (see fz_reader_view_stage_next); stage_after waits for the
   * frame. */
  gboolean            stage_next;
  gboolean            staging;
  gboolean            stage_items;     /* the figure list a frame after the highlights */
  FzAfterFrame        stage_after;
  guint               next_tag;
  GArray             *outline;         /* OutlineEntry still to add as rows */
  guint               next_outline;
  guint               n_outline_rows;  /* rows in outline_list */
  guint               n_stale_rows;    /* of those, the first ones are the last document's */
  gboolean            last_touching;   /* the last tagged figure has its touching tag */
  gboolean            syncing;

  GSettings          *settings;
  GtkCssProvider     *css;
  double              zoom;
  GSimpleActionGroup *actions;

  FzWorkspace        *workspace;       /* the window's; its decisions correct the figures */
  FzDecisions        *decisions;
  GtkTextTag         *rejected_tag;
  GtkTextTag         *added_tag;
  GtkTextTag         *edited_tag;
  gboolean            review;          /* review mode: one key per decision */
};

typedef struct
{
  const char *title;   /* owned by the document's article */
  guint       offset;  /* where to jump, in the shown text */
  guint       end;     /* where the title ends there */
} OutlineEntry;

/* fz-reader-actions.c: actions, zoom and hidden kinds */
void          _fz_reader_view_init_actions     (FzReaderView *self);
void          _fz_reader_view_init_settings    (FzReaderView *self);

/* fz-reader-fill.c: the shown text, long lines broken, and the idle fill */
void          _fz_reader_view_stop_fill        (FzReaderView *self);
void          _fz_reader_view_reset_fill       (FzReaderView *self);
void          _fz_reader_view_set_text         (FzReaderView *self,
                                                const char   *from,
                                                const char   *to);
guint         _fz_reader_view_shown_offset     (FzReaderView *self,
                                                guint         offset,
                                                gboolean      is_end);
void          _fz_reader_view_collect_outline  (FzReaderView *self,
                                                FzLayout     *layout,
                                                guint         view_end);
void          _fz_reader_view_start_fill       (FzReaderView *self);
void          _fz_reader_view_flush_staged     (FzReaderView *self);
gboolean      _fz_reader_view_shows_text       (FzReaderView *self,
                                                const char   *from,
                                                const char   *to);

/* fz-reader-figures.c: figures in the text, the detail line, tooltips, F3 */
void          _fz_reader_view_init_figures     (FzReaderView *self);
void          _fz_reader_view_collect_figures  (FzReaderView *self,
                                                FzLayout     *layout,
                                                guint         view_end);
FzFigureItem *_fz_reader_view_item_at          (FzReaderView *self,
                                                guint         offset);
void          _fz_reader_view_apply_palette    (FzReaderView *self);
void          _fz_reader_view_update_detail    (FzReaderView *self,
                                                FzFigureItem *item);
void          _fz_reader_view_select_figure    (FzReaderView *self,
                                                FzFigureItem *item);
void          _fz_reader_view_move_to_figure   (FzReaderView *self,
                                                gboolean      forward);

/* fz-reader-annotate.c: the decisions shown, updated a figure at a time */
void          _fz_reader_view_tag_status       (FzReaderView *self,
                                                FzFigureItem *item);
void          _fz_reader_view_update_review    (FzReaderView *self);
void          _fz_reader_view_refresh_figures  (FzReaderView *self);
void          _fz_reader_view_drop_workspace   (FzReaderView *self);
/* fz-reader-review.c: the actions of corrections and review */
void          _fz_reader_view_init_annotate    (FzReaderView *self);
void          _fz_reader_view_update_annotate_actions (FzReaderView *self);
void          _fz_reader_view_update_review_bar (FzReaderView *self);
gboolean      _fz_reader_view_selection_span   (FzReaderView *self,
                                                guint        *start,
                                                guint        *end);
int           _fz_reader_view_current_article  (FzReaderView *self);
FzFigureItem *_fz_reader_view_add_figure       (FzReaderView *self,
                                                FzLayout     *layout,
                                                guint         view_end,
                                                FzFigureList *figures,
                                                guint         i,
                                                guint32       flags);

/* fz-reader-find.c: find in page */
void          _fz_reader_view_init_find        (FzReaderView *self);
void          _fz_reader_view_update_find      (FzReaderView *self);
void          _fz_reader_view_move_to_match    (FzReaderView *self,
                                                gboolean      forward);

#define NARROW_WIDTH 600
void          _fz_reader_view_update_panes     (FzReaderView  *self);
void          _fz_reader_view_panes_allocated  (FzReaderView  *self,
                                                int            width);

G_END_DECLS
