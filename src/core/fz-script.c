/* fz-script.c: a simplified-character view of a page written in traditional characters. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-script.h"
#include "fz-article.h"
#include "fz-text-private.h"

#include <string.h>

#include "fz-script-table.h"

/* The analysis (numerals, measure words, the indicator lexicon, the gazetteer,
 * periods) is written for simplified characters.  A traditional page (a Big5
 * file from Hong Kong or Taiwan) is analysed through a copy of its text in
 * which each traditional character is replaced by its simplified one, one code
 * point for one code point and of the same UTF-8 length, so that every offset
 * found in the copy is an offset into the page as written.  The table is
 * OpenCC's, written out when the program is built (fz-script-table-gen.c):
 * OpenCC's phrase conversion is not run over the page itself, since it may
 * change the length of a phrase and costs far more than a look-up per character. */

/* The traditional characters that are most frequent in anti-fraud news and
 * never written in simplified text (made with OpenCC's s2t, s2tw and s2hk over
 * the characters of the corpus); their share tells a traditional page. */
static const char traditional_marks[] =
  "詐區發業開動會爲進電騙傳務實來羣聯時黨個設衆強現員題報組關網"
  "對線隊點體縣數檢門絡記與臺態說這們熱場範問過龍責預堅環機園領"
  "擊參長後專講辦兩託識農處萬準織術資創單國監餘斷遊導級統雲類護"
  "勸從裏風轉積經調廣該鎮極項層變決戰條當學協團舉間還視構訊勢將"
  "並負連習據議紛運揮險鄉認確紀圍幹張標於踐達結書榮無續賽偵頻獲"
  "產帶營蓋華頭糾損維緊質況見讓話鍾義樣違氣轄針訴屆徵職計繞婦應"
  "評東黃費錢規際陣總難節優號陳綜紅嚴擔築細內詢鏈試車終諮聲給響"
  "採別僅壓種邊權獻銀幗愛戶選隨軍楊劉財顯復欄聽灣濟鋪價滿衛階減"
  "納執奮溫陽鐵購徹爭觀賬藝匯備啓離潔願塊籌為眾裡啟説衞閩醫訓";

/* Only this many ideographs of a page are read before a page with no mark at all is
 * called simplified, so that simplified pages, nearly all of them, cost almost nothing. */
#define FIRST_LOOK 100

static guint32 marks[65536 / 32];
static guint16 *simplified;   /* traditional character -> simplified, 0 when the same */

static void
init_marks (void)
{
  const char *p = traditional_marks;

  while (*p != '\0')
    {
      gunichar c;

      p += fz_text_decode (p, strlen (p), &c);
      marks[c >> 5] |= 1u << (c & 31);
    }
}

/* The ideograph at @pos, or 0; three-byte characters only. */
static inline gunichar
ideograph_at (const guchar *t,
              gsize         pos,
              gsize         len)
{
  gunichar c;

  if (pos + 2 >= len || (t[pos] & 0xF0) != 0xE0 || (t[pos + 1] & 0xC0) != 0x80 ||
      (t[pos + 2] & 0xC0) != 0x80)
    return 0;
  c = ((t[pos] & 0x0F) << 12) | ((t[pos + 1] & 0x3F) << 6) | (t[pos + 2] & 0x3F);
  return c >= 0x3400 && c <= 0x9FFF ? c : 0;
}

/**
 * fz_script_is_traditional:
 * @text: UTF-8
 * @len: bytes of @text
 *
 * Returns: whether @text is written in traditional characters: at least 4% of
 *   its ideographs, and three of them, are common characters that simplified
 *   text never uses
 */
gboolean
fz_script_is_traditional (const char *text,
                          gsize       len)
{
  static gsize initialized = 0;
  const guchar *t = (const guchar *) text;
  gsize pos = 0, n_cjk = 0, n_marks = 0;

  if (g_once_init_enter (&initialized))
    {
      init_marks ();
      g_once_init_leave (&initialized, 1);
    }
  while (pos + 2 < len)
    {
      gunichar c;

      /* Valid UTF-8: a lead byte tells the length, and ideographs take three bytes. */
      if (t[pos] < 0xE0)
        {
          pos += t[pos] < 0x80 ? 1 : 2;
          continue;
        }
      if (t[pos] >= 0xF0)
        {
          pos += 4;
          continue;
        }
      c = ((t[pos] & 0x0F) << 12) | ((t[pos + 1] & 0x3F) << 6) | (t[pos + 2] & 0x3F);
      pos += 3;
      if (c < 0x3400 || c > 0x9FFF)
        continue;
      n_cjk++;
      if (marks[c >> 5] & (1u << (c & 31)))
        n_marks++;
      if (n_cjk == FIRST_LOOK && n_marks == 0)
        return FALSE;
    }
  return n_marks >= 3 && n_marks * 25 >= n_cjk;
}

static const guint16 *
get_table (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      simplified = g_new0 (guint16, 65536);
      for (guint i = 0; i < G_N_ELEMENTS (fz_script_pairs); i++)
        simplified[fz_script_pairs[i][0]] = fz_script_pairs[i][1];
      g_once_init_leave (&initialized, 1);
    }
  return simplified;
}

/**
 * fz_script_simplify:
 * @text: UTF-8
 * @len: bytes of @text
 *
 * Replaces each traditional character by its simplified one.  The copy has
 * the same length in bytes and in code points, and each code point stays at
 * its offset.
 *
 * Returns: (transfer full): the copy, NUL-terminated
 */
char *
fz_script_simplify (const char *text,
                    gsize       len)
{
  const guint16 *table;
  guchar *o;
  gsize pos = 0;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  table = get_table ();
  o = g_malloc (len + 1);
  memcpy (o, text, len);
  o[len] = '\0';
  while (pos < len)
    {
      gunichar c = o[pos] >= 0xE0 ? ideograph_at (o, pos, len) : 0;
      gunichar s = c != 0 ? table[c] : 0;

      if (c == 0)
        {
          pos++;
          continue;
        }
      if (s != 0)
        {
          o[pos] = 0xE0 | (s >> 12);
          o[pos + 1] = 0x80 | ((s >> 6) & 0x3F);
          o[pos + 2] = 0x80 | (s & 0x3F);
        }
      pos += 3;
    }
  return (char *) o;
}

/**
 * fz_script_view:
 * @text: UTF-8
 * @len: bytes of @text
 *
 * The text that the analysis reads for @text: a simplified copy of a
 * traditional page, offset for offset.
 *
 * Returns: (transfer full) (nullable): the copy, or %NULL when @text is not
 *   traditional and is read as it is
 */
char *
fz_script_view (const char *text,
                gsize       len)
{
  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (!fz_script_is_traditional (text, len))
    return NULL;
  return fz_script_simplify (text, len);
}

/* A copy of @s, a string taken from @view at or after byte @from, with each
 * character written as @text writes it at the same place. */
static char *
restore_string (const char *s,
                const char *view,
                const char *text,
                gsize       len,
                gsize       from)
{
  GString *out = g_string_sized_new (strlen (s));
  gsize cursor = from;

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize n = g_utf8_next_char (p) - p;
      gsize at = cursor;

      /* White space the title was joined with is not in the text. */
      while (at + n <= len && at < cursor + 256 && memcmp (view + at, p, n) != 0)
        at++;
      if (at + n <= len && at < cursor + 256)
        {
          g_string_append_len (out, text + at, n);
          cursor = at + n;
        }
      else
        g_string_append_len (out, p, n);
    }
  return g_string_free (out, FALSE);
}

/**
 * fz_script_restore_articles:
 * @articles: (element-type FzArticle): articles found in @view
 * @view: the simplified view of @text
 * @text: the text as written
 * @len: bytes of both
 *
 * Writes the titles and bylines of @articles as @text writes them: the
 * articles of a traditional page are found in its view and shown as written.
 */
void
fz_script_restore_articles (GPtrArray  *articles,
                            const char *view,
                            const char *text,
                            gsize       len)
{
  g_return_if_fail (articles != NULL && view != NULL && text != NULL);

  for (guint i = 0; i < articles->len; i++)
    {
      FzArticle *a = g_ptr_array_index (articles, i);
      gsize from;

      if (a->title != NULL && *a->title != '\0')
        {
          char *t;

          from = g_utf8_offset_to_pointer (view, a->title_start) - view;
          t = restore_string (a->title, view, text, len, from);
          g_free (a->title);
          a->title = t;
        }
      if (a->byline != NULL)
        {
          char *b;

          from = g_utf8_offset_to_pointer (view, a->start) - view;
          b = restore_string (a->byline, view, text, len, from);
          g_free (a->byline);
          a->byline = b;
        }
    }
}

/**
 * fz_script_restore_units:
 * @figures: figures found in @view
 * @view: the simplified view of @text
 * @text: the text as written
 *
 * A count's unit is its measure word as the page writes it (1800個, 30歲):
 * each one found in the view is written back as @text has it.
 */
void
fz_script_restore_units (FzFigureList *figures,
                         const char   *view,
                         const char   *text)
{
  g_return_if_fail (figures != NULL && view != NULL && text != NULL);

  for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
    {
      FzFigure *f = fz_figure_list_get_mut (figures, i);
      const char *unit = fz_figure_list_str (figures, f->unit);
      gsize n = strlen (unit);

      if (f->kind != FZ_KIND_COUNT || n == 0 || f->byte_end - f->byte_start < n)
        continue;
      /* The measure word is the last one in the span but for a qualifier after it. */
      for (gsize b = f->byte_end - n + 1; b-- > f->byte_start;)
        if (memcmp (view + b, unit, n) == 0)
          {
            if (memcmp (text + b, unit, n) != 0)
              f->unit = fz_figure_list_intern (figures, text + b, n);
            break;
          }
    }
}
