/* govstats-value.c — exact decimal values: parsing JSON and text numbers, printing them
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "govstats-error.h"
#include "govstats-i18n-private.h"
#include "govstats-value-private.h"

/* ---------- exact values ---------- */

char *
govstats_value_format (gint64            value,
                       GovstatsValueKind kind)
{
  guint64 magnitude, whole, frac;
  GString *s;

  if (kind != GOVSTATS_VALUE_KIND_AMOUNT)
    return g_strdup_printf ("%" G_GINT64_FORMAT, value);

  magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  whole = magnitude / GOVSTATS_AMOUNT_SCALE;
  frac = magnitude % GOVSTATS_AMOUNT_SCALE;
  s = g_string_new (value < 0 ? "-" : "");
  g_string_append_printf (s, "%" G_GUINT64_FORMAT, whole);
  if (frac != 0)
    {
      char digits[8];
      int len;

      g_snprintf (digits, sizeof digits, "%04u", (guint) frac);
      len = 4;
      while (len > 0 && digits[len - 1] == '0')
        len--;
      digits[len] = '\0';
      g_string_append_c (s, '.');
      g_string_append (s, digits);
    }
  return g_string_free (s, FALSE);
}

static gboolean
parse_digits (const char **p,
              guint64     *out,
              gboolean    *overflow)
{
  const char *q = *p;
  guint64 v = 0;

  if (!g_ascii_isdigit (*q))
    return FALSE;
  while (g_ascii_isdigit (*q))
    {
      guint d = (guint) (*q - '0');
      if (v > (G_MAXUINT64 - d) / 10)
        *overflow = TRUE;
      else
        v = v * 10 + d;
      q++;
    }
  *p = q;
  *out = v;
  return TRUE;
}

/* Rewrites "4.0682e3" as "4068.2": exact, no floating point. NULL if the
 * text is not a number with an exponent. */
static char *
expand_exponent (const char *text)
{
  const char *p = text, *e;
  g_autoptr(GString) digits = g_string_new (NULL);
  GString *out;
  gboolean negative = FALSE;
  int point, exponent;
  char *end;
  gint64 exp64;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  e = strpbrk (p, "eE");
  if (e == NULL)
    return NULL;
  point = -1;
  for (const char *q = p; q < e; q++)
    {
      if (g_ascii_isdigit (*q))
        g_string_append_c (digits, *q);
      else if (*q == '.' && point < 0)
        point = (int) digits->len;
      else
        return NULL;
    }
  if (digits->len == 0)
    return NULL;
  if (point < 0)
    point = (int) digits->len;
  exp64 = g_ascii_strtoll (e + 1, &end, 10);
  if (end == e + 1 || (*end != '\0' && !g_ascii_isspace (*end)) || exp64 > 400 || exp64 < -400)
    return NULL;
  exponent = (int) exp64;
  point += exponent;
  out = g_string_new (negative ? "-" : "");
  if (point <= 0)
    {
      g_string_append (out, "0.");
      for (int i = point; i < 0; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits->str);
    }
  else if ((gsize) point >= digits->len)
    {
      g_string_append (out, digits->str);
      for (gsize i = digits->len; i < (gsize) point; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      g_string_append_len (out, digits->str, point);
      g_string_append_c (out, '.');
      g_string_append (out, digits->str + point);
    }
  return g_string_free (out, FALSE);
}

static gboolean value_parse (const char *text, const char *shown, GovstatsValueKind kind,
                             gint64 *value, GovstatsValueProblem *problem, char **reason);

gboolean
govstats_value_parse_json_number (const char           *text,
                                  GovstatsValueKind     kind,
                                  gint64               *value,
                                  GovstatsValueProblem *problem,
                                  char                **reason)
{
  g_autofree char *expanded = strpbrk (text, "eE") ? expand_exponent (text) : NULL;

  /* Messages quote the number as written, not its expansion. */
  return value_parse (expanded ? expanded : text, text, kind, value, problem, reason);
}

gboolean
govstats_value_parse (const char           *text,
                      GovstatsValueKind     kind,
                      gint64               *value,
                      GovstatsValueProblem *problem,
                      char                **reason)
{
  return value_parse (text, text, kind, value, problem, reason);
}

/* Sets *problem (when asked for) and *reason; FALSE. */
static gboolean
value_fail (GovstatsValueProblem *problem,
            GovstatsValueProblem  what,
            char                **reason,
            char                 *message)
{
  if (problem != NULL)
    *problem = what;
  *reason = message;
  return FALSE;
}

static gboolean
value_parse (const char           *text,
             const char           *shown,
             GovstatsValueKind     kind,
             gint64               *value,
             GovstatsValueProblem *problem,
             char                **reason)
{
  const char *p = text;
  gboolean negative = FALSE, overflow = FALSE;
  guint64 whole = 0, frac = 0, limit;
  guint frac_digits = 0;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '+' || *p == '-')
    {
      negative = (*p == '-');
      p++;
    }
  if (!parse_digits (&p, &whole, &overflow))
    {
      return value_fail (problem, GOVSTATS_VALUE_NOT_A_NUMBER, reason,
                         g_strdup_printf ("“%s” is not a number", shown));
    }
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        {
          return value_fail (problem, GOVSTATS_VALUE_NOT_A_NUMBER, reason,
                         g_strdup_printf ("“%s” is not a number", shown));
        }
      while (g_ascii_isdigit (*p))
        {
          if (frac_digits < 4)
            frac = frac * 10 + (guint) (*p - '0');
          else if (*p != '0')
            {
              return value_fail (problem, GOVSTATS_VALUE_TOO_PRECISE, reason,
                         g_strdup_printf ("“%s” has more than four decimal places", shown));
            }
          frac_digits++;
          p++;
        }
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    {
      return value_fail (problem, GOVSTATS_VALUE_NOT_A_NUMBER, reason,
                         g_strdup_printf ("“%s” is not a number", shown));
    }
  if (kind != GOVSTATS_VALUE_KIND_AMOUNT && frac != 0)
    {
      return value_fail (problem, GOVSTATS_VALUE_NOT_WHOLE, reason,
                         g_strdup_printf ("“%s” is not a whole number", shown));
    }
  while (frac_digits < 4)
    {
      frac *= 10;
      frac_digits++;
    }

  limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
  if (kind == GOVSTATS_VALUE_KIND_AMOUNT)
    {
      if (overflow || whole > (limit - frac) / GOVSTATS_AMOUNT_SCALE)
        overflow = TRUE;
      else
        whole = whole * GOVSTATS_AMOUNT_SCALE + frac;
    }
  if (overflow || whole > limit)
    {
      return value_fail (problem, GOVSTATS_VALUE_TOO_LARGE, reason,
                         g_strdup_printf ("“%s” is too large (the largest value is %s)", shown,
                                 kind == GOVSTATS_VALUE_KIND_AMOUNT ? "922337203685477.5807"
                                                                   : "9223372036854775807"));
    }
  *value = negative ? (gint64) ((guint64) 0 - whole) : (gint64) whole;
  return TRUE;
}

gboolean
govstats_value_from_node (JsonNode             *node,
                          GovstatsValueKind     kind,
                          gint64               *value,
                          GovstatsValueProblem *problem,
                          char                **reason)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    {
      return value_fail (problem, GOVSTATS_VALUE_NOT_A_NUMBER_TYPE, reason,
                         g_strdup_printf ("expected a number, found %s",
                                          JSON_NODE_HOLDS_OBJECT (node) ? "an object" :
                                          JSON_NODE_HOLDS_ARRAY (node) ? "an array" : "null"));
    }
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      gint64 v = json_node_get_int (node);
      if (kind == GOVSTATS_VALUE_KIND_AMOUNT)
        {
          if (v > G_MAXINT64 / GOVSTATS_AMOUNT_SCALE || v < G_MININT64 / GOVSTATS_AMOUNT_SCALE)
            {
              return value_fail (problem, GOVSTATS_VALUE_TOO_LARGE, reason,
                                 g_strdup_printf ("%" G_GINT64_FORMAT " is too large for an amount "
                                                  "(the largest value is 922337203685477.5807)", v));
            }
          v *= GOVSTATS_AMOUNT_SCALE;
        }
      *value = v;
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      /* The shortest text that reads back as this double is what was written
       * (for at most 17 significant digits): parse that exactly. */
      if (!isfinite (d))
        {
          return value_fail (problem, GOVSTATS_VALUE_TOO_LARGE, reason,
                             g_strdup ("the number is too large"));
        }
      for (int precision = 1; precision <= 17; precision++)
        {
          char fmt[8];
          g_snprintf (fmt, sizeof fmt, "%%.%dg", precision);
          g_ascii_formatd (buf, sizeof buf, fmt, d);
          if (g_ascii_strtod (buf, NULL) == d)
            break;
        }
      return govstats_value_parse_json_number (buf, kind, value, problem, reason);
    }
  if (type == G_TYPE_STRING && kind == GOVSTATS_VALUE_KIND_AMOUNT)
    return govstats_value_parse (json_node_get_string (node), kind, value, problem, reason);
  if (type == G_TYPE_STRING)
    return value_fail (problem, GOVSTATS_VALUE_NOT_A_NUMBER_TYPE, reason,
                       g_strdup_printf ("expected a number, found the string “%s”", json_node_get_string (node)));
  if (type == G_TYPE_BOOLEAN)
    return value_fail (problem, GOVSTATS_VALUE_NOT_A_NUMBER_TYPE, reason,
                       g_strdup ("expected a number, found a boolean"));
  return value_fail (problem, GOVSTATS_VALUE_NOT_A_NUMBER_TYPE, reason, g_strdup ("expected a number"));
}
