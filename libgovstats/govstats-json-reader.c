/* govstats-json-reader.c — the strict JSON reader: RFC 8259, line:column, exact numbers
 *
 * JSON-GLib 1.6 parses every number into a gint64 or a double, and an
 * integer literal that does not fit in 64 bits silently wraps.  Input is
 * therefore checked here (encoding, grammar, repeated members, integer
 * range, with line:column) in one pass that builds the JSON-GLib nodes
 * itself.  The canonical writer is govstats-json-writer.c.
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
#include "govstats-json-reader-private.h"
#include "govstats-value-private.h"

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
  msg = govstats_i18n_vprintf (NULL, format, args);
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
      if (!govstats_value_parse (text, GOVSTATS_VALUE_KIND_DELTA, &value, NULL, &reason))
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

gboolean
govstats_json_reader_start (GovstatsJsonReader *r)
{
  gsize length = (gsize) (r->end - r->p);

  if (!govstats_text_check_encoding (r->p, length, r->name, r->error))
    return FALSE;
  if (length >= 3 && memcmp (r->p, "\xEF\xBB\xBF", 3) == 0)
    r->p += 3;
  govstats_json_reader_space (r);
  if (r->p >= r->end)
    {
      govstats_i18n_set_error (r->error, GOVSTATS_ERROR, GOVSTATS_ERROR_PARSE, "%s: the file is empty", r->name);
      return FALSE;
    }
  return TRUE;
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

  if (!govstats_json_reader_start (&r))
    goto out;
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
