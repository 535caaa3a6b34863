/* govstats-narrative-numbers.c — the figures of a paragraph: digits, Chinese numerals, ranges, 余/约/近
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-narrative-private.h"

void
govstats_narrative_number_clear (NarrativeNumber *n)
{
  g_clear_pointer (&n->value, g_free);
  g_clear_pointer (&n->upper, g_free);
}

static int
digit_of (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)   /* full-width digits */
    return (int) (c - 0xFF10);
  return -1;
}

static int
han_digit (gunichar c)
{
  static const gunichar digits[] = { 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };
  for (int i = 0; i < 10; i++)
    if (c == digits[i])
      return i;
  if (c == 0x3007)   /* 〇 */
    return 0;
  if (c == 0x4E24)   /* 两 */
    return 2;
  return -1;
}

static int
han_unit (gunichar c)
{
  switch (c)
    {
    case 0x5341: return 10;      /* 十 */
    case 0x767E: return 100;     /* 百 */
    case 0x5343: return 1000;    /* 千 */
    case 0x4E07: return 10000;   /* 万 */
    default: return 0;
    }
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == 0x3000 || c == 0xA0 || c == '\t';
}

glong
govstats_narrative_match_at (const gunichar *chars,
                             glong           to,
                             glong           at,
                             const char     *word)
{
  glong i = 0;

  for (const char *w = word; *w; w = g_utf8_next_char (w), i++)
    if (at + i >= to || chars[at + i] != g_utf8_get_char (w))
      return 0;
  return i;
}

glong
govstats_narrative_longest_at (const gunichar *chars,
                               glong           to,
                               glong           at,
                               GStrv           words)
{
  glong best = 0;

  for (guint i = 0; words && words[i]; i++)
    best = MAX (best, govstats_narrative_match_at (chars, to, at, words[i]));
  return best;
}

/* The start of the longest of @words that ends at @at, or -1. */
static glong
word_before (const gunichar *chars,
             glong           at,
             GStrv           words)
{
  glong best = -1;

  for (guint i = 0; words && words[i]; i++)
    {
      glong len = g_utf8_strlen (words[i], -1);
      if (len <= at && govstats_narrative_match_at (chars, at, at - len, words[i]) == len &&
          (best < 0 || at - len < best))
        best = at - len;
    }
  return best;
}

/* The end of the longest of @words that starts at @at, or -1. */
static glong
word_after (const gunichar *chars,
            glong           n_chars,
            glong           at,
            GStrv           words)
{
  glong len = govstats_narrative_longest_at (chars, n_chars, at, words);

  return len > 0 ? at + len : -1;
}

/* Digits with thousands separators and decimals: "3,119", "4068.208". */
static glong
scan_arabic (const gunichar *c,
             glong           n,
             glong           i,
             GString        *out)
{
  glong j = i;

  while (j < n)
    {
      if (digit_of (c[j]) >= 0)
        g_string_append_c (out, (char) ('0' + digit_of (c[j])));
      else if (c[j] == ',' && j > i && j + 3 < n && digit_of (c[j + 1]) >= 0 && digit_of (c[j + 2]) >= 0 &&
               digit_of (c[j + 3]) >= 0 && (j + 4 >= n || digit_of (c[j + 4]) < 0))
        {
          /* a thousands separator: "3,119" */
        }
      else if (c[j] == '.' && j > i && j + 1 < n && digit_of (c[j + 1]) >= 0 && !strchr (out->str, '.'))
        g_string_append_c (out, '.');
      else
        break;
      j++;
    }
  return j;
}

/* Chinese numerals: "十二" 12, "一百零五" 105, "两千" 2000; "十几", "几十",
 * "数十" and "三四" are ranges. */
static glong
scan_han (const gunichar *c,
          glong           n,
          glong           i,
          gint64         *lo,
          gint64         *hi)
{
  gint64 total = 0, section = 0, digit = -1, prev_digit = -1;
  gboolean some = FALSE, range = FALSE;
  glong j = i;

  for (; j < n; j++)
    {
      int d = han_digit (c[j]), u = han_unit (c[j]);
      if (c[j] == 0x51E0 || c[j] == 0x6570)   /* 几, 数 */
        {
          range = TRUE;
          digit = 1;
          prev_digit = 9;
          some = TRUE;
          continue;
        }
      if (d >= 0)
        {
          if (digit > 0 && d == digit + 1 && !range)
            {
              range = TRUE;   /* 三四件: three or four */
              prev_digit = d;
              continue;
            }
          digit = d;
          some = TRUE;
        }
      else if (u == 10000)
        {
          section += digit > 0 ? digit : 0;
          total += (section ? section : 1) * 10000;
          section = 0;
          digit = -1;
        }
      else if (u > 0)
        {
          section += (digit >= 0 ? digit : 1) * u;
          digit = -1;
          some = TRUE;
        }
      else
        break;
    }
  if (!some)
    return i;
  *lo = total + section + (digit > 0 ? digit : 0);
  *hi = *lo;
  if (range)
    {
      /* 十几 11..19, 几十 / 数十 20..90, 三四 3..4 */
      if (prev_digit == 9 && *lo % 10 == 0 && *lo >= 10)
        {
          *hi = *lo * 9;
          *lo = *lo * 2;
        }
      else if (prev_digit == 9)
        {
          *hi = *lo - 1 + 9;
          *lo = *lo - 1 + 1;
        }
      else
        *hi = *lo + 1;
    }
  return j;
}

static glong
skip_spaces (const gunichar *c,
             glong           n,
             glong           i)
{
  while (i < n && is_space (c[i]))
    i++;
  return i;
}

static gboolean
scan_one (GovstatsNarrative *narrative,
          const gunichar    *c,
          glong              n,
          glong             *i,
          NarrativeNumber   *num)
{
  g_autoptr(GString) s = g_string_new (NULL);
  gint64 lo = 0, hi = 0;
  glong j = *i, k, q;

  memset (num, 0, sizeof *num);
  num->num_start = j;
  if (digit_of (c[j]) >= 0)
    {
      j = scan_arabic (c, n, j, s);
      num->value = g_strdup (s->str);
      k = skip_spaces (c, n, j);
      /* a range: 3-5, 3至5 */
      if (k < n && (c[k] == '-' || c[k] == 0x2013 || c[k] == 0x2014 || c[k] == '~' || c[k] == 0xFF5E ||
                    c[k] == 0x81F3 || c[k] == 0x5230))
        {
          glong m = skip_spaces (c, n, k + 1);
          if (m < n && digit_of (c[m]) >= 0)
            {
              g_autoptr(GString) u = g_string_new (NULL);
              j = scan_arabic (c, n, m, u);
              num->upper = g_strdup (u->str);
              num->approx = GOVSTATS_APPROXIMATION_RANGE;
            }
        }
    }
  else
    {
      j = scan_han (c, n, j, &lo, &hi);
      if (j == *i)
        return FALSE;
      num->value = g_strdup_printf ("%" G_GINT64_FORMAT, lo);
      if (hi != lo)
        {
          num->upper = g_strdup_printf ("%" G_GINT64_FORMAT, hi);
          num->approx = GOVSTATS_APPROXIMATION_RANGE;
        }
    }
  num->num_end = j;
  num->start = num->num_start;
  k = skip_spaces (c, n, j);
  if (k < n && (c[k] == '%' || c[k] == 0xFF05))
    {
      num->percent = TRUE;
      j = k + 1;
    }
  else if (num->approx != GOVSTATS_APPROXIMATION_RANGE)
    {
      if ((q = word_after (c, n, k, narrative->more_after)) > 0)
        {
          num->approx = GOVSTATS_APPROXIMATION_MORE_THAN;
          j = q;
        }
      else if ((q = word_after (c, n, k, narrative->about_after)) > 0)
        {
          num->approx = GOVSTATS_APPROXIMATION_ABOUT;
          j = q;
        }
    }
  k = num->num_start;
  while (k > 0 && is_space (c[k - 1]))
    k--;
  if (num->approx == GOVSTATS_APPROXIMATION_EXACT && !num->percent)
    {
      if ((q = word_before (c, k, narrative->more_before)) >= 0)
        num->approx = GOVSTATS_APPROXIMATION_MORE_THAN, num->start = q;
      else if ((q = word_before (c, k, narrative->about_before)) >= 0)
        num->approx = GOVSTATS_APPROXIMATION_ABOUT, num->start = q;
      else if ((q = word_before (c, k, narrative->under_before)) >= 0)
        num->approx = GOVSTATS_APPROXIMATION_UNDER, num->start = q;
    }
  num->end = j;
  *i = j;
  return TRUE;
}

GArray *
govstats_narrative_find_numbers (GovstatsNarrative *narrative,
                                 const gunichar    *chars,
                                 glong              n_chars)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (NarrativeNumber));

  g_array_set_clear_func (out, (GDestroyNotify) govstats_narrative_number_clear);
  for (glong i = 0; i < n_chars;)
    {
      NarrativeNumber num;
      gboolean starts = digit_of (chars[i]) >= 0 || han_digit (chars[i]) >= 0 || han_unit (chars[i]) == 10 ||
                        chars[i] == 0x51E0 || chars[i] == 0x6570;
      /* not the middle of a word of digits ("0517-87222589" is one run) */
      if (!starts || (i > 0 && (digit_of (chars[i - 1]) >= 0 || chars[i - 1] == '.' || (chars[i - 1] < 0x80 && g_unichar_isalpha (chars[i - 1])))))
        {
          i++;
          continue;
        }
      if (scan_one (narrative, chars, n_chars, &i, &num))
        g_array_append_val (out, num);
      else
        i++;
    }
  return out;
}
