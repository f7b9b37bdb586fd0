/* fz-script-table-gen.c: OpenCC's traditional-to-simplified characters as a C table, at build time. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <opencc.h>
#include <stdio.h>
#include <string.h>

/* Every ideograph goes through OpenCC once, one a line so that no phrase spans
 * two: t2s, then the Taiwan and Hong Kong forms it leaves (為 beside 爲, 裡
 * beside 裏).  Only a mapping of one ideograph to one ideograph is kept, so that
 * a simplified view has the offsets of the page as written.  Done when the
 * program is built: the app reads a table, not OpenCC's dictionaries. */

#define FIRST 0x3400
#define LAST  0x9FFF

static gboolean
add_config (const char *config,
            gunichar   *table)
{
  opencc_t cc = opencc_open (config);
  g_autoptr(GString) in = g_string_sized_new ((LAST - FIRST + 1) * 4);
  char *out;
  const char *p;

  if (cc == (opencc_t) -1)
    {
      g_printerr ("fz-script-table-gen: OpenCC cannot open %s: %s\n", config, opencc_error ());
      return FALSE;
    }
  for (gunichar k = FIRST; k <= LAST; k++)
    {
      g_string_append_unichar (in, k);
      g_string_append_c (in, '\n');
    }
  out = opencc_convert_utf8 (cc, in->str, in->len);
  p = out;
  for (gunichar k = FIRST; p != NULL && k <= LAST; k++)
    {
      const char *nl = strchr (p, '\n');
      gunichar s;

      if (nl == NULL)
        break;
      s = g_utf8_get_char_validated (p, nl - p);
      if (g_utf8_next_char (p) == nl && s != k && s >= FIRST && s <= LAST && table[k - FIRST] == 0)
        table[k - FIRST] = s;
      p = nl + 1;
    }
  opencc_convert_utf8_free (out);
  opencc_close (cc);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const configs[] = { "t2s.json", "tw2s.json", "hk2s.json" };
  g_autofree gunichar *table = g_new0 (gunichar, LAST - FIRST + 1);
  FILE *f;
  guint n = 0;

  if (argc != 2)
    {
      g_printerr ("usage: fz-script-table-gen OUTPUT.h\n");
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (configs); i++)
    if (!add_config (configs[i], table))
      return 1;
  f = fopen (argv[1], "w");
  if (f == NULL)
    return 1;
  fprintf (f, "/* fz-script-table.h: made by fz-script-table-gen from OpenCC; do not edit. */\n");
  fprintf (f, "static const guint16 fz_script_pairs[][2] = {\n");
  for (gunichar k = FIRST; k <= LAST; k++)
    if (table[k - FIRST] != 0)
      {
        fprintf (f, "  { 0x%04X, 0x%04X },\n", k, table[k - FIRST]);
        n++;
      }
  fprintf (f, "};\n");
  return fclose (f) == 0 && n > 0 ? 0 : 1;
}
