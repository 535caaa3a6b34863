/* govstats-json.c — reading and writing JSON exactly
 *
 * JSON-GLib parses every number into a gint64 or a double, and in 1.6 an
 * integer literal that does not fit in 64 bits silently wraps, while its
 * generator prints doubles with 17 significant digits (4068.208 comes out as
 * 4068.2080000000001).  Neither is acceptable for statistics, so input is
 * prechecked here (encoding, integer range, with line:column) before JSON-GLib
 * parses it, and output goes through a small writer that prints amounts from
 * their exact fixed-point value.
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
#include "govstats-private.h"

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

gboolean
govstats_value_parse_json_number (const char       *text,
                                  GovstatsValueKind kind,
                                  gint64           *value,
                                  char            **reason)
{
  g_autofree char *expanded = strpbrk (text, "eE") ? expand_exponent (text) : NULL;

  if (expanded == NULL)
    return govstats_value_parse (text, kind, value, reason);
  if (!govstats_value_parse (expanded, kind, value, reason))
    {
      /* Say it about what was written. */
      char *mention = g_strdup_printf ("“%s”", expanded);
      char *pos = strstr (*reason, mention);
      if (pos != NULL)
        {
          char *fixed = g_strdup_printf ("%.*s“%s”%s", (int) (pos - *reason), *reason, text, pos + strlen (mention));
          g_free (*reason);
          *reason = fixed;
        }
      g_free (mention);
      return FALSE;
    }
  return TRUE;
}

gboolean
govstats_value_parse (const char       *text,
                      GovstatsValueKind kind,
                      gint64           *value,
                      char            **reason)
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
      *reason = g_strdup_printf ("“%s” is not a number", text);
      return FALSE;
    }
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        {
          *reason = g_strdup_printf ("“%s” is not a number", text);
          return FALSE;
        }
      while (g_ascii_isdigit (*p))
        {
          if (frac_digits < 4)
            frac = frac * 10 + (guint) (*p - '0');
          else if (*p != '0')
            {
              *reason = g_strdup_printf ("“%s” has more than four decimal places", text);
              return FALSE;
            }
          frac_digits++;
          p++;
        }
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    {
      *reason = g_strdup_printf ("“%s” is not a number", text);
      return FALSE;
    }
  if (kind != GOVSTATS_VALUE_KIND_AMOUNT && frac != 0)
    {
      *reason = g_strdup_printf ("“%s” is not a whole number", text);
      return FALSE;
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
      *reason = g_strdup_printf ("“%s” is too large (the largest value is %s)", text,
                                 kind == GOVSTATS_VALUE_KIND_AMOUNT ? "922337203685477.5807"
                                                                   : "9223372036854775807");
      return FALSE;
    }
  *value = negative ? (gint64) ((guint64) 0 - whole) : (gint64) whole;
  return TRUE;
}

gboolean
govstats_value_from_node (JsonNode         *node,
                          GovstatsValueKind kind,
                          gint64           *value,
                          char            **reason)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    {
      *reason = g_strdup_printf ("expected a number, found %s",
                                 JSON_NODE_HOLDS_OBJECT (node) ? "an object" :
                                 JSON_NODE_HOLDS_ARRAY (node) ? "an array" : "null");
      return FALSE;
    }
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      gint64 v = json_node_get_int (node);
      if (kind == GOVSTATS_VALUE_KIND_AMOUNT)
        {
          if (v > G_MAXINT64 / GOVSTATS_AMOUNT_SCALE || v < G_MININT64 / GOVSTATS_AMOUNT_SCALE)
            {
              *reason = g_strdup_printf ("%" G_GINT64_FORMAT " is too large for an amount "
                                         "(the largest value is 922337203685477.5807)", v);
              return FALSE;
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
          *reason = g_strdup ("the number is too large");
          return FALSE;
        }
      for (int precision = 1; precision <= 17; precision++)
        {
          char fmt[8];
          g_snprintf (fmt, sizeof fmt, "%%.%dg", precision);
          g_ascii_formatd (buf, sizeof buf, fmt, d);
          if (g_ascii_strtod (buf, NULL) == d)
            break;
        }
      return govstats_value_parse_json_number (buf, kind, value, reason);
    }
  if (type == G_TYPE_STRING && kind == GOVSTATS_VALUE_KIND_AMOUNT)
    return govstats_value_parse (json_node_get_string (node), kind, value, reason);
  if (type == G_TYPE_STRING)
    *reason = g_strdup_printf ("expected a number, found the string “%s”", json_node_get_string (node));
  else if (type == G_TYPE_BOOLEAN)
    *reason = g_strdup ("expected a number, found a boolean");
  else
    *reason = g_strdup ("expected a number");
  return FALSE;
}

/* ---------- input ---------- */

static void
position_of (const char *data,
             const char *at,
             guint      *line,
             guint      *column)
{
  const char *p;

  *line = 1;
  *column = 1;
  for (p = data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        (*column)++;
    }
}

static gboolean
looks_like_gb18030 (const char *data,
                    gsize       length)
{
  g_autofree char *converted = NULL;
  gsize n = MIN (length, 4096);

  /* Cut at a line end so a multi-byte character is not split. */
  while (n < length && n > 0 && data[n - 1] != '\n')
    n--;
  if (n == 0)
    n = MIN (length, 4096);
  converted = g_convert (data, (gssize) n, "UTF-8", "GB18030", NULL, NULL, NULL);
  return converted != NULL;
}

gboolean
govstats_text_check_encoding (const char  *data,
                              gsize        length,
                              const char  *name,
                              GError     **error)
{
  const char *end = NULL;
  const char *p;
  guint line, column;

  if (length == 0)
    return TRUE;
  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_ENCODING,
                   "%s: the file is UTF-16; save it as UTF-8", name);
      return FALSE;
    }
  if ((p = memchr (data, '\0', length)) != NULL)
    {
      position_of (data, p, &line, &column);
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_ENCODING,
                   "%s:%u:%u: the file contains a NUL byte (a binary file, or UTF-16 without a byte order mark)",
                   name, line, column);
      return FALSE;
    }
  if (!g_utf8_validate (data, (gssize) length, &end))
    {
      position_of (data, end, &line, &column);
      if (looks_like_gb18030 (data, length))
        govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_ENCODING,
                     "%s:%u:%u: the file is not UTF-8; it looks like GB18030/GBK "
                     "(convert it with: iconv -f GB18030 -t UTF-8)", name, line, column);
      else
        govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_ENCODING,
                     "%s:%u:%u: the file is not valid UTF-8", name, line, column);
      return FALSE;
    }
  return TRUE;
}

/* A strict JSON reader (RFC 8259). JSON-GLib 1.6 accepts comments, single
 * quotes and text after the root value, and wraps integers beyond 64 bits;
 * statistics files must not load differently here than anywhere else. The
 * reader checks in one pass, says where (line:column) and why, and builds
 * JSON-GLib nodes; the report loader uses its parts to put table cells
 * straight into a report. */

static void
reader_position (GovstatsJsonReader *r,
                 const char         *at,
                 guint              *line,
                 guint              *column)
{
  *line = 1;
  *column = 1;
  for (const char *q = r->data; q < at; q++)
    {
      if (*q == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *q & 0xC0) != 0x80)
        (*column)++;
    }
}

gboolean
govstats_json_reader_fail (GovstatsJsonReader     *r,
             const char *at,
             int         code,
             const char *format,
             ...) G_GNUC_PRINTF (4, 5);

gboolean
govstats_json_reader_fail (GovstatsJsonReader     *r,
             const char *at,
             int         code,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *msg = NULL;
  guint line, column;

  if (r->error != NULL && *r->error != NULL)
    return FALSE;
  va_start (args, format);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  msg = g_strdup_vprintf (_(format), args);
#pragma GCC diagnostic pop
  va_end (args);
  reader_position (r, at, &line, &column);
  g_set_error (r->error, GOVSTATS_ERROR, code, "%s:%u:%u: %s", r->name, line, column, msg);
  return FALSE;
}

void
govstats_json_reader_space (GovstatsJsonReader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

gboolean
govstats_json_reader_unexpected (GovstatsJsonReader     *r,
                   const char *expected)
{
  /* @expected is a msgid too, such as N_("“,” or “}”"). */
  expected = _(expected);
  if (r->p >= r->end)
    return govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE, "expected %s, found the end of the file", expected);
  if (*r->p == '\'')
    return govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE, "single quotes are not JSON: use double quotes");
  if (r->p + 1 < r->end && *r->p == '/' && (r->p[1] == '/' || r->p[1] == '*'))
    return govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE, "comments are not allowed in JSON");
  if ((guchar) *r->p < 0x20)
    return govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE, "expected %s, found the control character U+%04X",
                        expected, (guint) (guchar) *r->p);
  {
    gunichar c = g_utf8_get_char_validated (r->p, r->end - r->p);
    char buf[8] = { 0 };
    if (c == (gunichar) -1 || c == (gunichar) -2)
      return govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE, "expected %s, found a broken character", expected);
    g_unichar_to_utf8 (c, buf);
    return govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE, "expected %s, found “%s”", expected, buf);
  }
}

static int
reader_hex (char c)
{
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Reads a string into @out (truncated first). */
gboolean
govstats_json_reader_string (GovstatsJsonReader  *r,
               GString *out)
{
  const char *start = r->p;

  g_string_truncate (out, 0);
  r->p++;
  for (;;)
    {
      const char *run = r->p;

      /* Copy plain runs at once. */
      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        r->p++;
      if (r->p > run)
        g_string_append_len (out, run, r->p - run);
      if (r->p >= r->end)
        return govstats_json_reader_fail (r, start, GOVSTATS_ERROR_PARSE, "the string that starts here is not closed");
      if (*r->p == '"')
        {
          r->p++;
          return TRUE;
        }
      if ((guchar) *r->p < 0x20)
        return govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE,
                            *r->p == '\n' ? "a line break inside a string (write it as \\n, or close the string)"
                                          : "a control character inside a string");
      /* An escape. */
      if (r->p + 1 >= r->end)
        return govstats_json_reader_fail (r, start, GOVSTATS_ERROR_PARSE, "the string that starts here is not closed");
      if (r->p[1] == 'u')
        {
          guint code = 0;

          for (int i = 0; i < 4; i++)
            {
              int h = r->p + 2 + i < r->end ? reader_hex (r->p[2 + i]) : -1;
              if (h < 0)
                return govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE, "\\u needs four hexadecimal digits");
              code = code * 16 + (guint) h;
            }
          if (code == 0)
            return govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_INVALID_VALUE,
                                "\\u0000 (a NUL character) is not allowed in a string");
          r->p += 6;
          if (code >= 0xD800 && code <= 0xDBFF && r->p + 5 < r->end && r->p[0] == '\\' && r->p[1] == 'u')
            {
              guint low = 0;
              gboolean ok = TRUE;
              for (int i = 0; i < 4; i++)
                {
                  int h = reader_hex (r->p[2 + i]);
                  ok = ok && h >= 0;
                  low = low * 16 + (guint) MAX (h, 0);
                }
              if (ok && low >= 0xDC00 && low <= 0xDFFF)
                {
                  code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                  r->p += 6;
                }
            }
          /* Half of a surrogate pair is no character: it would write text
           * that is not UTF-8. */
          if (code >= 0xD800 && code <= 0xDFFF)
            return govstats_json_reader_fail (r, r->p - 6, GOVSTATS_ERROR_INVALID_VALUE,
                                              "\\u%04X is half of a surrogate pair, not a character", code);
          g_string_append_unichar (out, code);
          continue;
        }
      {
        const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
        const char *hit = strchr (from, r->p[1]);
        if (hit == NULL || r->p[1] == '\0')
          return govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE, "invalid escape \\%c in a string", r->p[1]);
        g_string_append_c (out, to[hit - from]);
        r->p += 2;
      }
    }
}

/* Reads a number literal; *start and *length give its text. */
gboolean
govstats_json_reader_number (GovstatsJsonReader      *r,
               const char **start,
               gsize       *length,
               gboolean    *integral)
{
  const char *s = r->p;

  *integral = TRUE;
  if (*r->p == '-')
    r->p++;
  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return govstats_json_reader_fail (r, s, GOVSTATS_ERROR_PARSE, "a number needs digits");
  if (*r->p == '0' && r->p + 1 < r->end && g_ascii_isdigit (r->p[1]))
    return govstats_json_reader_fail (r, s, GOVSTATS_ERROR_PARSE, "a number cannot start with 0 (write it without leading zeros)");
  while (r->p < r->end && g_ascii_isdigit (*r->p))
    r->p++;
  if (r->p < r->end && *r->p == '.')
    {
      *integral = FALSE;
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return govstats_json_reader_fail (r, s, GOVSTATS_ERROR_PARSE, "a decimal point needs digits after it");
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      *integral = FALSE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return govstats_json_reader_fail (r, s, GOVSTATS_ERROR_PARSE, "an exponent needs digits");
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  *start = s;
  *length = (gsize) (r->p - s);
  return TRUE;
}

gboolean
govstats_json_reader_literal (GovstatsJsonReader     *r,
                const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (r->end - r->p) >= len && strncmp (r->p, word, len) == 0 &&
      (r->p + len == r->end || !g_ascii_isalnum (r->p[len])))
    {
      r->p += len;
      return TRUE;
    }
  return govstats_json_reader_unexpected (r, N_("a value (object, array, string, number, true, false or null)"));
}


static gboolean
reader_seen (GovstatsJsonReader     *r,
             GovstatsJsonSeen       *seen,
             const char *at)
{
  for (guint i = 0; i < seen->keys->len; i++)
    if (g_str_equal (seen->keys->pdata[i], r->key->str))
      return govstats_json_reader_fail (r, at, GOVSTATS_ERROR_PARSE, "the member “%s” appears twice in this object", r->key->str);
  g_ptr_array_add (seen->keys, g_strdup (r->key->str));
  return TRUE;
}

/* Starts an object member: reads the name into r->key and the colon. Returns
 * FALSE at the end of the object (*done) or on error. */
gboolean
govstats_json_reader_member (GovstatsJsonReader     *r,
               const char *open,
               gboolean    first,
               GovstatsJsonSeen       *seen,
               gboolean   *done)
{
  const char *at;

  *done = FALSE;
  govstats_json_reader_space (r);
  if (r->p >= r->end)
    return govstats_json_reader_fail (r, open, GOVSTATS_ERROR_PARSE, "the object that starts here is not closed (the file ends early)");
  if (first && *r->p == '}')
    {
      r->p++;
      *done = TRUE;
      return FALSE;
    }
  if (!first)
    {
      if (*r->p == '}')
        {
          r->p++;
          *done = TRUE;
          return FALSE;
        }
      if (*r->p != ',')
        return govstats_json_reader_unexpected (r, N_("“,” or “}”"));
      r->p++;
      govstats_json_reader_space (r);
      if (r->p < r->end && *r->p == '}')
        return govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE, "a comma before “}” (remove the trailing comma)");
    }
  if (r->p >= r->end)
    return govstats_json_reader_fail (r, open, GOVSTATS_ERROR_PARSE, "the object that starts here is not closed (the file ends early)");
  if (*r->p != '"')
    return govstats_json_reader_unexpected (r, N_("a member name in double quotes"));
  at = r->p;
  if (!govstats_json_reader_string (r, r->key) || !reader_seen (r, seen, at))
    return FALSE;
  govstats_json_reader_space (r);
  if (r->p >= r->end || *r->p != ':')
    return govstats_json_reader_unexpected (r, N_("“:” after the member name"));
  r->p++;
  govstats_json_reader_space (r);
  return TRUE;
}


static JsonNode *
reader_number_node (GovstatsJsonReader *r)
{
  const char *start;
  gsize length;
  gboolean integral;
  char buf[64];
  g_autofree char *text = NULL;

  if (!govstats_json_reader_number (r, &start, &length, &integral))
    return NULL;
  text = g_strndup (start, length);
  if (integral)
    {
      gint64 value;
      g_autofree char *reason = NULL;
      if (!govstats_value_parse (text, GOVSTATS_VALUE_KIND_DELTA, &value, &reason))
        {
          govstats_json_reader_fail (r, start, GOVSTATS_ERROR_OUT_OF_RANGE, "the number %s does not fit in 64 bits", text);
          return NULL;
        }
      return json_node_init_int (json_node_alloc (), value);
    }
  {
    double d = g_ascii_strtod (text, NULL);
    if (!isfinite (d))
      {
        govstats_json_reader_fail (r, start, GOVSTATS_ERROR_OUT_OF_RANGE, "the number %s is too large", text);
        return NULL;
      }
    (void) buf;
    return json_node_init_double (json_node_alloc (), d);
  }
}

JsonNode *
govstats_json_reader_node (GovstatsJsonReader *r,
             guint   depth)
{
  if (depth > GOVSTATS_JSON_MAX_DEPTH)
    {
      govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE, "nested more than %u levels deep", GOVSTATS_JSON_MAX_DEPTH);
      return NULL;
    }
  govstats_json_reader_space (r);
  if (r->p >= r->end)
    {
      govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE, "the file ends where a value is expected");
      return NULL;
    }
  switch (*r->p)
    {
    case '{':
      {
        const char *open = r->p;
        JsonObject *object = json_object_new ();
        JsonNode *node = json_node_init_object (json_node_alloc (), object);
        GovstatsJsonSeen seen = { g_ptr_array_new_with_free_func (g_free) };
        gboolean done = FALSE;

        json_object_unref (object);
        r->p++;
        for (gboolean first = TRUE; ; first = FALSE)
          {
            g_autofree char *name = NULL;
            JsonNode *member;

            if (!govstats_json_reader_member (r, open, first, &seen, &done))
              break;
            name = g_strdup (r->key->str);
            member = govstats_json_reader_node (r, depth + 1);
            if (member == NULL)
              break;
            json_object_set_member (object, name, member);
          }
        g_ptr_array_unref (seen.keys);
        if (!done)
          {
            json_node_unref (node);
            return NULL;
          }
        return node;
      }
    case '[':
      {
        const char *open = r->p;
        JsonArray *array = json_array_new ();
        JsonNode *node = json_node_init_array (json_node_alloc (), array);

        json_array_unref (array);
        r->p++;
        govstats_json_reader_space (r);
        if (r->p < r->end && *r->p == ']')
          {
            r->p++;
            return node;
          }
        for (;;)
          {
            JsonNode *element = govstats_json_reader_node (r, depth + 1);
            if (element == NULL)
              break;
            json_array_add_element (array, element);
            govstats_json_reader_space (r);
            if (r->p >= r->end)
              {
                govstats_json_reader_fail (r, open, GOVSTATS_ERROR_PARSE,
                             "the array that starts here is not closed (the file ends early)");
                break;
              }
            if (*r->p == ']')
              {
                r->p++;
                return node;
              }
            if (*r->p != ',')
              {
                govstats_json_reader_unexpected (r, N_("“,” or “]”"));
                break;
              }
            r->p++;
            govstats_json_reader_space (r);
            if (r->p < r->end && *r->p == ']')
              {
                govstats_json_reader_fail (r, r->p, GOVSTATS_ERROR_PARSE, "a comma before “]” (remove the trailing comma)");
                break;
              }
          }
        json_node_unref (node);
        return NULL;
      }
    case '"':
      {
        g_autoptr(GString) s = g_string_new (NULL);
        if (!govstats_json_reader_string (r, s))
          return NULL;
        return json_node_init_string (json_node_alloc (), s->str);
      }
    case 't':
      return govstats_json_reader_literal (r, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return govstats_json_reader_literal (r, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return govstats_json_reader_literal (r, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        return reader_number_node (r);
      govstats_json_reader_unexpected (r, N_("a value (object, array, string, number, true, false or null)"));
      return NULL;
    }
}


/* Reads a whole document into nodes, checking the encoding first. */
static JsonNode *
read_document (const char  *data,
               gsize        length,
               const char  *name,
               GError     **error)
{
  GovstatsJsonReader r = { data, data, data + length, name, error, g_string_new (NULL) };
  JsonNode *root = NULL;

  if (!govstats_text_check_encoding (data, length, name, error))
    goto out;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;
  govstats_json_reader_space (&r);
  if (r.p >= r.end)
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_PARSE, "%s: the file is empty", name);
      goto out;
    }
  root = govstats_json_reader_node (&r, 0);
  if (root == NULL)
    goto out;
  govstats_json_reader_space (&r);
  if (r.p < r.end)
    {
      govstats_json_reader_fail (&r, r.p, GOVSTATS_ERROR_PARSE, "text after the end of the JSON value (%s)",
                                 *r.p == '{' || *r.p == '[' ? "a second value" : "remove it");
      g_clear_pointer (&root, json_node_unref);
    }
out:
  g_string_free (r.key, TRUE);
  return root;
}

gboolean
govstats_json_precheck (const char  *data,
                        gsize        length,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(JsonNode) root = read_document (data ? data : "", length, name, error);

  return root != NULL;
}

JsonNode *
govstats_json_parse (const char  *data,
                     gsize        length,
                     const char  *name,
                     GError     **error)
{
  return read_document (data ? data : "", length, name, error);
}

GBytes *
govstats_read_stream (GInputStream  *stream,
                      const char    *name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) local_error = NULL;

  if (g_output_stream_splice (sink, stream,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              cancellable, &local_error) < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO,
                     "%s: cannot read: %s", name, local_error->message);
      return NULL;
    }
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (sink));
}

struct _GovstatsAtomicFile {
  char *filename;
  char *tmp_name;
  int   fd;
};

static void
atomic_file_fail (GovstatsAtomicFile *file,
                  int                 saved_errno,
                  GError            **error)
{
  govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO, "%s: cannot write: %s", file->filename,
               g_strerror (saved_errno));
}

GovstatsAtomicFile *
govstats_atomic_file_new (const char  *filename,
                          GError     **error)
{
  GovstatsAtomicFile *file = g_new0 (GovstatsAtomicFile, 1);

  file->filename = g_strdup (filename);
  file->tmp_name = g_strdup_printf ("%s.XXXXXX", filename);
  file->fd = g_mkstemp_full (file->tmp_name, O_WRONLY | O_CLOEXEC, 0644);
  if (file->fd < 0)
    {
      atomic_file_fail (file, errno, error);
      file->tmp_name[0] = '\0';
      govstats_atomic_file_abort (file);
      return NULL;
    }
  return file;
}

gboolean
govstats_atomic_file_write (gpointer     data,
                            const char  *text,
                            gsize        length,
                            GError     **error)
{
  GovstatsAtomicFile *file = data;

  while (length > 0)
    {
      gssize n = write (file->fd, text, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          atomic_file_fail (file, n < 0 ? errno : ENOSPC, error);
          return FALSE;
        }
      text += n;
      length -= (gsize) n;
    }
  return TRUE;
}

gboolean
govstats_atomic_file_commit (GovstatsAtomicFile *file,
                             GError            **error)
{
  int fd = file->fd;
  int saved = 0;

  /* On disk before the rename, so a crash leaves the old file or the new one. */
  file->fd = -1;
  if (fsync (fd) != 0)
    saved = errno;
  if (close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved != 0)
    {
      atomic_file_fail (file, saved, error);
      govstats_atomic_file_abort (file);
      return FALSE;
    }
  if (g_rename (file->tmp_name, file->filename) != 0)
    {
      atomic_file_fail (file, errno, error);
      govstats_atomic_file_abort (file);
      return FALSE;
    }
  g_free (file->filename);
  g_free (file->tmp_name);
  g_free (file);
  return TRUE;
}

void
govstats_atomic_file_abort (GovstatsAtomicFile *file)
{
  if (file->fd >= 0)
    close (file->fd);
  if (file->tmp_name[0] != '\0')
    g_unlink (file->tmp_name);
  g_free (file->filename);
  g_free (file->tmp_name);
  g_free (file);
}

char *
govstats_read_file (const char  *filename,
                    gsize       *length,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;
  char *data = NULL;

  if (!g_file_get_contents (filename, &data, length, &local))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO, "%s: cannot read: %s", filename, local->message);
      return NULL;
    }
  return data;
}

gboolean
govstats_write_file_atomically (const char  *filename,
                                const char  *contents,
                                gsize        length,
                                GError     **error)
{
  GovstatsAtomicFile *file = govstats_atomic_file_new (filename, error);

  if (file == NULL)
    return FALSE;
  if (!govstats_atomic_file_write (file, contents, length, error))
    {
      govstats_atomic_file_abort (file);
      return FALSE;
    }
  return govstats_atomic_file_commit (file, error);
}

/* ---------- output ---------- */

typedef struct {
  gboolean is_object;
  gboolean is_inline;
  guint    n_items;
} Frame;

struct _GovstatsJsonWriter {
  GString *out;
  GArray  *stack;   /* Frame */
  gboolean compact;
  gboolean after_key;
  GovstatsJsonSink sink;      /* if set, takes the text 64 KiB at a time */
  gpointer         sink_data;
  GError          *error;     /* the first failure; later text is dropped */
};

#define SINK_CHUNK (64 * 1024)

GovstatsJsonWriter *
govstats_json_writer_new (void)
{
  GovstatsJsonWriter *w = g_new0 (GovstatsJsonWriter, 1);

  w->out = g_string_sized_new (4096);
  w->stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  return w;
}

char *
govstats_json_writer_free_to_string (GovstatsJsonWriter *w,
                                     gsize              *length)
{
  char *result;

  if (w->error)
    g_critical ("JSON writer: %s", w->error->message);
  g_clear_error (&w->error);
  g_string_append_c (w->out, '\n');
  if (length)
    *length = w->out->len;
  result = g_string_free (w->out, FALSE);
  g_array_unref (w->stack);
  g_free (w);
  return result;
}

void
govstats_json_writer_set_sink (GovstatsJsonWriter *w,
                               GovstatsJsonSink    sink,
                               gpointer            data)
{
  w->sink = sink;
  w->sink_data = data;
}

void
govstats_json_writer_fail (GovstatsJsonWriter *w,
                           const GError       *error)
{
  if (w->error == NULL)
    w->error = g_error_copy (error);
}

static void
flush_to_sink (GovstatsJsonWriter *w)
{
  if (w->error == NULL && !w->sink (w->sink_data, w->out->str, w->out->len, &w->error))
    g_assert (w->error != NULL);
  g_string_truncate (w->out, 0);
}

gboolean
govstats_json_writer_finish (GovstatsJsonWriter *w,
                             GError            **error)
{
  gboolean ok;

  g_assert (w->sink != NULL);
  g_string_append_c (w->out, '\n');
  flush_to_sink (w);
  ok = w->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&w->error));
  g_string_free (w->out, TRUE);
  g_array_unref (w->stack);
  g_free (w);
  return ok;
}

static Frame *
top (GovstatsJsonWriter *w)
{
  return w->stack->len ? &g_array_index (w->stack, Frame, w->stack->len - 1) : NULL;
}

static void
newline_indent (GovstatsJsonWriter *w,
                guint               depth)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (w->out, "  ");
}

/* Called before any value or key is written in the current container. */
static void
before_item (GovstatsJsonWriter *w)
{
  Frame *f = top (w);

  if (w->sink && w->out->len >= SINK_CHUNK)
    flush_to_sink (w);
  if (f == NULL)
    return;
  if (f->n_items > 0)
    g_string_append_c (w->out, ',');
  if (f->is_inline)
    g_string_append_c (w->out, ' ');
  else
    newline_indent (w, w->stack->len);
  f->n_items++;
}

static void
before_value (GovstatsJsonWriter *w)
{
  Frame *f = top (w);

  if (w->after_key)
    {
      w->after_key = FALSE;
      return;
    }
  if (f != NULL && f->is_object)
    g_critical ("JSON writer: a value inside an object needs a key");
  before_item (w);
}

static void
append_escaped (GString    *out,
                const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
begin (GovstatsJsonWriter *w,
       gboolean            is_object)
{
  Frame f = { is_object, w->compact, 0 };

  before_value (w);
  g_string_append_c (w->out, is_object ? '{' : '[');
  g_array_append_val (w->stack, f);
}

static void
end (GovstatsJsonWriter *w,
     gboolean            is_object)
{
  Frame f = *top (w);

  g_array_set_size (w->stack, w->stack->len - 1);
  if (f.n_items > 0)
    {
      if (f.is_inline)
        g_string_append_c (w->out, ' ');
      else
        newline_indent (w, w->stack->len);
    }
  g_string_append_c (w->out, is_object ? '}' : ']');
}

void govstats_json_writer_begin_object (GovstatsJsonWriter *w) { begin (w, TRUE); }
void govstats_json_writer_end_object (GovstatsJsonWriter *w) { end (w, TRUE); }
void govstats_json_writer_begin_array (GovstatsJsonWriter *w) { begin (w, FALSE); }
void govstats_json_writer_end_array (GovstatsJsonWriter *w) { end (w, FALSE); }

void
govstats_json_writer_set_compact (GovstatsJsonWriter *w,
                                  gboolean            compact)
{
  w->compact = compact;
}

void
govstats_json_writer_key (GovstatsJsonWriter *w,
                          const char         *key)
{
  before_item (w);
  append_escaped (w->out, key);
  g_string_append (w->out, ": ");
  w->after_key = TRUE;
}

void
govstats_json_writer_string (GovstatsJsonWriter *w,
                             const char         *value)
{
  before_value (w);
  append_escaped (w->out, value);
}

void
govstats_json_writer_int (GovstatsJsonWriter *w,
                          gint64              value)
{
  before_value (w);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

void
govstats_json_writer_raw_number (GovstatsJsonWriter *w,
                                 const char         *text)
{
  before_value (w);
  g_string_append (w->out, text);
}

void
govstats_json_writer_null (GovstatsJsonWriter *w)
{
  before_value (w);
  g_string_append (w->out, "null");
}

void
govstats_json_writer_boolean (GovstatsJsonWriter *w,
                              gboolean            value)
{
  before_value (w);
  g_string_append (w->out, value ? "true" : "false");
}

static void
write_double (GovstatsJsonWriter *w,
              double              d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* JSON has no infinity or NaN: such a value can only come from a program
   * that built the extensions itself; write null rather than an unreadable file. */
  if (!isfinite (d))
    {
      g_warning ("a non-finite number (%g) in a report's extensions is written as null", d);
      govstats_json_writer_null (w);
      return;
    }

  /* The shortest text that reads back as the same double. */
  for (int precision = 15; precision <= 17; precision++)
    {
      char fmt[8];
      g_snprintf (fmt, sizeof fmt, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, fmt, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  if (strpbrk (buf, ".eEn") == NULL)
    g_strlcat (buf, ".0", sizeof buf);
  govstats_json_writer_raw_number (w, buf);
}

static gboolean
is_scalar_container (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;
      const char *key;
      guint n = 0;

      /* JSON-GLib 1.6 needs both out arguments of the ordered iterator. */
      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &key, &member))
        if (JSON_NODE_HOLDS_OBJECT (member) || JSON_NODE_HOLDS_ARRAY (member) || ++n > 8)
          return FALSE;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint len = json_array_get_length (array);
      if (len > 8)
        return FALSE;
      for (guint i = 0; i < len; i++)
        {
          JsonNode *e = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_OBJECT (e) || JSON_NODE_HOLDS_ARRAY (e))
            return FALSE;
        }
      return TRUE;
    }
  return FALSE;
}

void
govstats_json_writer_node (GovstatsJsonWriter *w,
                           JsonNode           *node)
{
  gboolean saved = w->compact;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      govstats_json_writer_null (w);
      break;
    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);
        if (type == G_TYPE_INT64)
          govstats_json_writer_int (w, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          write_double (w, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          govstats_json_writer_boolean (w, json_node_get_boolean (node));
        else
          govstats_json_writer_string (w, json_node_get_string (node));
      }
      break;
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;

        w->compact = saved || is_scalar_container (node);
        govstats_json_writer_begin_object (w);
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &key, &member))
          {
            govstats_json_writer_key (w, key);
            govstats_json_writer_node (w, member);
          }
        govstats_json_writer_end_object (w);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        w->compact = saved || is_scalar_container (node);
        govstats_json_writer_begin_array (w);
        for (guint i = 0; i < json_array_get_length (array); i++)
          govstats_json_writer_node (w, json_array_get_element (array, i));
        govstats_json_writer_end_array (w);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  w->compact = saved;
}
