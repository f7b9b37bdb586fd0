/* test-numeral-generator.c: random values written in every style of the spec, read back exactly. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-extractor.h"
#include "fz-figure.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

/* Each value is drawn at random, written as people write it inside a sentence
 * with a measure word, extracted, and the figure's value compared with the
 * value drawn.  The expected value is kept as an integer mantissa and a
 * scale and printed here, never taken from the parser's own arithmetic. */

#define N_VALUES 100000
#define MAX_VALUE G_GUINT64_CONSTANT (10000000000000)   /* 10^13 */

typedef enum
{
  STYLE_LOWER,        /* 四十二万七千 */
  STYLE_CAPITAL,      /* 肆拾贰万柒仟 */
  STYLE_TRADITIONAL,  /* 四十二萬七千, 兩萬 */
  STYLE_COLLOQUIAL,   /* 一百五, 九万四 */
  STYLE_UNITS,        /* 1.6万, 2.5亿, 12万5千, 1万2 */
  STYLE_DIGITS,       /* 1,234,567, １２３, 97.7 */
  STYLE_DECIMAL,      /* 三点五, 零点零八, 三点五万 */
  STYLE_YEAR,         /* 二〇二二年 */
  N_STYLES
} Style;

static const char * const style_names[] = {
  "lower-case", "capital", "traditional", "colloquial", "digits with units", "digits",
  "decimal", "digit by digit",
};

typedef struct
{
  const char *digits[10];
  const char *units[4];   /* "", 十, 百, 千 */
  const char *wan;
  const char *yi;
  const char *liang;      /* 2 before 百, 千, 万 and 亿, or NULL */
} Script;

static const Script lower = {
  { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" },
  { "", "十", "百", "千" }, "万", "亿", "两",
};
static const Script capital = {
  { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" },
  { "", "拾", "佰", "仟" }, "万", "亿", NULL,
};
static const Script traditional = {
  { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" },
  { "", "十", "百", "千" }, "萬", "億", "兩",
};

static const char * const prefixes[] = { "共", "累计", "全年共", "今年以来查获", "截至目前已有" };
static const char * const measures[] = { "起", "人", "件", "名", "条", "家", "元", "户", "次" };
static const char * const measures_trad[] = { "個", "條", "筆", "張", "宗", "元", "人" };

typedef struct
{
  guint64 mantissa;
  guint   scale;
} Value;

static guint64
pow10_u (guint n)
{
  guint64 r = 1;

  while (n-- > 0)
    r *= 10;
  return r;
}

/* A random integer in [1, max], spread over every order of magnitude. */
static guint64
random_integer (GRand   *rand,
                guint64  max)
{
  guint digits = g_rand_int_range (rand, 1, 14);
  guint64 hi = MIN (pow10_u (digits) - 1, max), lo = pow10_u (digits - 1);
  guint64 v;

  if (lo > hi)
    lo = 1;
  v = lo + (((guint64) g_rand_int (rand) << 32) | g_rand_int (rand)) % (hi - lo + 1);
  /* Round numbers and inner zeros are where numerals go wrong: make many. */
  if (g_rand_boolean (rand))
    {
      guint zeros = g_rand_int_range (rand, 0, digits);
      guint64 p = pow10_u (zeros);

      v = MAX (v / p * p, 1);
    }
  return v;
}

static void
format_value (const Value *v,
              GString     *out)
{
  g_autofree char *digits = g_strdup_printf ("%0*" G_GUINT64_FORMAT, v->scale + 1, v->mantissa);
  gsize n = strlen (digits);
  gsize int_len = n - v->scale;
  gsize end = n;

  while (end > int_len && digits[end - 1] == '0')
    end--;
  g_string_append_len (out, digits, int_len);
  if (end > int_len)
    {
      g_string_append_c (out, '.');
      g_string_append_len (out, digits + int_len, end - int_len);
    }
}

/* One section of at most four digits: 三千零五十. */
static void
write_section (const Script *sc,
               guint         n,
               gboolean      whole_start,
               GRand        *rand,
               GString      *out)
{
  gboolean zero = FALSE, started = FALSE;

  for (int place = 3; place >= 0; place--)
    {
      guint d = (n / (guint) pow10_u (place)) % 10;

      if (d == 0)
        {
          zero = started;
          continue;
        }
      if (zero)
        g_string_append (out, sc->digits[0]);
      zero = FALSE;
      /* 十五, not 一十五, at the start of a number */
      if (!(d == 1 && place == 1 && !started && whole_start && sc != &capital))
        {
          if (d == 2 && place >= 2 && sc->liang != NULL && g_rand_boolean (rand))
            g_string_append (out, sc->liang);
          else
            g_string_append (out, sc->digits[d]);
        }
      g_string_append (out, sc->units[place]);
      started = TRUE;
    }
}

/* The standard writing of 0 < n < 10^13: sections of four digits closed by 万 and 亿,
 * 零 where a section starts below its thousands. */
static void
write_integer (const Script *sc,
               guint64       n,
               GRand        *rand,
               GString      *out)
{
  guint64 yi = n / 100000000, wan = (n / 10000) % 10000, low = n % 10000;
  gboolean higher = FALSE;

  if (yi > 0)
    {
      write_integer (sc, yi, rand, out);
      g_string_append (out, sc->yi);
      higher = TRUE;
    }
  if (wan > 0)
    {
      if (higher && wan < 1000)
        g_string_append (out, sc->digits[0]);
      write_section (sc, wan, !higher, rand, out);
      g_string_append (out, sc->wan);
      higher = TRUE;
    }
  else if (higher && low > 0)
    {
      g_string_append (out, sc->digits[0]);
      higher = FALSE;
    }
  if (low > 0)
    {
      if (higher && low < 1000)
        g_string_append (out, sc->digits[0]);
      write_section (sc, low, n < 10000 || (!higher && yi == 0), rand, out);
    }
}

static void
style_integer (const Script *sc,
               GRand        *rand,
               Value        *v,
               GString      *out)
{
  /* A lone 一 before a measure word is "a" (一起 is "together"): 1 is not drawn. */
  do
    v->mantissa = random_integer (rand, MAX_VALUE);
  while (v->mantissa == 1);
  v->scale = 0;
  write_integer (sc, v->mantissa, rand, out);
}

/* 一百五, 三千二, 两万五, 九万四, 一亿五: a number ending in one unit, and the digit of the
 * next lower unit with that unit left out. */
static void
style_colloquial (GRand   *rand,
                  Value   *v,
                  GString *out)
{
  static const guint64 units[] = { 100, 1000, 10000, 100000000 };
  guint64 unit = units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))];
  guint64 max_a = unit == 100 ? 9 : unit == 1000 ? 9 : unit == 10000 ? 9999 : 99999;
  guint64 a;
  guint d = g_rand_int_range (rand, 1, 10);

  do
    a = 1 + g_rand_int_range (rand, 0, (gint32) max_a);
  while (a % 10 == 0);
  v->mantissa = a * unit + d * (unit / 10);
  v->scale = 0;
  write_integer (&lower, a * unit, rand, out);
  g_string_append (out, lower.digits[d]);
}

/* 1.6万, 2.5亿, 97.7, 12万5千, 1万2. */
static void
style_units (GRand   *rand,
             Value   *v,
             GString *out)
{
  int kind = g_rand_int_range (rand, 0, 3);

  if (kind == 0)
    {
      gboolean yi = g_rand_boolean (rand);
      guint frac = g_rand_int_range (rand, 0, 5);
      guint64 ip = g_rand_int_range (rand, 1, yi ? 99999 : 9999);
      guint64 fp = frac ? g_rand_int_range (rand, 0, (gint32) pow10_u (frac)) : 0;
      guint mult = yi ? 8 : 4;

      g_string_append_printf (out, "%" G_GUINT64_FORMAT, ip);
      if (frac)
        g_string_append_printf (out, ".%0*" G_GUINT64_FORMAT, frac, fp);
      g_string_append (out, yi ? (g_rand_boolean (rand) ? "亿" : "億") : "万");
      v->mantissa = (ip * pow10_u (frac) + fp) * pow10_u (mult - frac);
      v->scale = 0;
    }
  else if (kind == 1)
    {
      guint64 a = g_rand_int_range (rand, 1, 10000);
      guint b = g_rand_int_range (rand, 1, 10);

      g_string_append_printf (out, "%" G_GUINT64_FORMAT "万%u千", a, b);
      v->mantissa = a * 10000 + b * 1000;
      v->scale = 0;
    }
  else
    {
      guint64 a = g_rand_int_range (rand, 1, 10000);
      guint b = g_rand_int_range (rand, 1, 10);

      g_string_append_printf (out, "%" G_GUINT64_FORMAT "万%u", a, b);
      v->mantissa = a * 10000 + b * 1000;
      v->scale = 0;
    }
}

static void
append_fullwidth (GString    *out,
                  const char *ascii)
{
  for (const char *p = ascii; *p; p++)
    g_string_append_unichar (out, *p == '.' ? 0xFF0E : 0xFF10 + (*p - '0'));
}

/* 1,234,567, １２３, 97.7 */
static void
style_digits (GRand   *rand,
              Value   *v,
              GString *out)
{
  g_autofree char *plain = NULL;
  int kind = g_rand_int_range (rand, 0, 3);

  v->mantissa = random_integer (rand, MAX_VALUE);
  v->scale = 0;
  plain = g_strdup_printf ("%" G_GUINT64_FORMAT, v->mantissa);
  if (kind == 0)
    {
      gsize n = strlen (plain);

      for (gsize i = 0; i < n; i++)
        {
          if (i > 0 && (n - i) % 3 == 0)
            g_string_append (out, g_rand_boolean (rand) ? "," : "，");
          g_string_append_c (out, plain[i]);
        }
    }
  else if (kind == 1)
    append_fullwidth (out, plain);
  else
    {
      v->scale = g_rand_int_range (rand, 1, 5);
      v->mantissa = v->mantissa % pow10_u (9) * pow10_u (v->scale) +
                    g_rand_int_range (rand, 0, (gint32) pow10_u (v->scale));
      {
        g_autofree char *s = g_strdup_printf ("%0*" G_GUINT64_FORMAT, v->scale + 1, v->mantissa);
        gsize n = strlen (s);

        g_string_append_len (out, s, n - v->scale);
        g_string_append_c (out, '.');
        g_string_append (out, s + n - v->scale);
      }
    }
}

/* 三点五, 零点零八, 十二点五万 */
static void
style_decimal (GRand   *rand,
               Value   *v,
               GString *out)
{
  guint64 ip = g_rand_int_range (rand, 0, 10000);
  guint frac = g_rand_int_range (rand, 1, 5);
  guint64 fp = g_rand_int_range (rand, 0, (gint32) pow10_u (frac));
  gboolean wan = g_rand_boolean (rand);
  g_autofree char *fs = g_strdup_printf ("%0*" G_GUINT64_FORMAT, frac, fp);

  if (ip == 0)
    g_string_append (out, lower.digits[0]);
  else
    write_integer (&lower, ip, rand, out);
  g_string_append (out, "点");
  for (const char *p = fs; *p; p++)
    g_string_append (out, lower.digits[*p - '0']);
  v->mantissa = ip * pow10_u (frac) + fp;
  v->scale = frac;
  if (wan)
    {
      g_string_append (out, "万");
      v->mantissa *= 10000;
    }
}

/* 二〇二二年: a year, read as a date. */
static void
style_year (GRand   *rand,
            Value   *v,
            GString *out)
{
  static const char * const zeros[] = { "〇", "零" };
  const char *zero = zeros[g_rand_int_range (rand, 0, 2)];
  guint year = g_rand_int_range (rand, 1900, 2100);
  g_autofree char *s = g_strdup_printf ("%u", year);

  for (const char *p = s; *p; p++)
    g_string_append (out, *p == '0' ? zero : lower.digits[*p - '0']);
  v->mantissa = year;
  v->scale = 0;
}

/* Writes one value in @style; returns the sentence, and the numeral's code
 * point span in it. */
static char *
make_sentence (Style    style,
               GRand   *rand,
               Value   *v,
               guint   *start,
               guint   *end)
{
  g_autoptr(GString) s = g_string_new (prefixes[g_rand_int_range (rand, 0,
                                                                  G_N_ELEMENTS (prefixes))]);
  gsize before = s->len;

  switch (style)
    {
    case STYLE_LOWER: style_integer (&lower, rand, v, s); break;
    case STYLE_CAPITAL: style_integer (&capital, rand, v, s); break;
    case STYLE_TRADITIONAL: style_integer (&traditional, rand, v, s); break;
    case STYLE_COLLOQUIAL: style_colloquial (rand, v, s); break;
    case STYLE_UNITS: style_units (rand, v, s); break;
    case STYLE_DIGITS: style_digits (rand, v, s); break;
    case STYLE_DECIMAL: style_decimal (rand, v, s); break;
    case STYLE_YEAR: style_year (rand, v, s); break;
    default: g_assert_not_reached ();
    }
  *start = g_utf8_strlen (s->str, before);
  if (style == STYLE_YEAR)
    g_string_append (s, "年");
  else if (style == STYLE_CAPITAL && v->mantissa < 10)
    g_string_append (s, "元");   /* a lone capital digit is a word (队伍) unless money */
  else if (style == STYLE_TRADITIONAL)
    g_string_append (s, measures_trad[g_rand_int_range (rand, 0, G_N_ELEMENTS (measures_trad))]);
  else
    g_string_append (s, measures[g_rand_int_range (rand, 0, G_N_ELEMENTS (measures))]);
  *end = g_utf8_strlen (s->str, -1);
  g_string_append (s, "，同比有所上升。");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static guint32
get_seed (void)
{
  const char *env = g_getenv ("FZ_NUMERAL_SEED");

  if (env != NULL && *env != '\0')
    return (guint32) g_ascii_strtoull (env, NULL, 10);
  return (guint32) g_test_rand_int ();
}

static void
test_generated (void)
{
  guint32 seed = get_seed ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint per_style[N_STYLES] = { 0, };
  g_autoptr(GString) want = g_string_new (NULL);

  g_test_message ("seed %u (replay with FZ_NUMERAL_SEED=%u)", seed, seed);
  for (guint i = 0; i < N_VALUES; i++)
    {
      Style style = i % N_STYLES;
      Value v;
      guint start, end;
      g_autofree char *sentence = make_sentence (style, rand, &v, &start, &end);
      g_autoptr(FzFigureList) figures = fz_extract (sentence, strlen (sentence));
      const FzFigure *f;
      const char *got;

      g_string_truncate (want, 0);
      format_value (&v, want);
      if (fz_figure_list_get_n (figures) != 1)
        g_error ("seed %u, %s: '%s' gave %u figures, wanted one of value %s", seed,
                 style_names[style], sentence, fz_figure_list_get_n (figures), want->str);
      f = fz_figure_list_get (figures, 0);
      got = fz_figure_list_str (figures, f->value);
      if (g_strcmp0 (got, want->str) != 0 || f->start != start || f->end != end)
        g_error ("seed %u, %s: '%s' read as %s at [%u, %u), wanted %s at [%u, %u)", seed,
                 style_names[style], sentence, got, f->start, f->end, want->str, start, end);
      per_style[style]++;
    }
  for (guint s = 0; s < N_STYLES; s++)
    g_test_message ("%s: %u values read back", style_names[s], per_style[s]);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/numeral-generator/every-style", test_generated);
  return g_test_run ();
}
