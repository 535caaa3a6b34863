/* test-json.c — private helpers: exact values, the input precheck, the writer
 *
 * Built against the internal static library (govstats_internal_dep).
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "test-util.h"
#include "govstats-file-private.h"
#include "govstats-json-reader-private.h"
#include "govstats-json-writer-private.h"
#include "govstats-value-private.h"

#define COUNT  GOVSTATS_VALUE_KIND_COUNT
#define AMOUNT GOVSTATS_VALUE_KIND_AMOUNT
#define DELTA  GOVSTATS_VALUE_KIND_DELTA

/* ---------- govstats_value_parse ---------- */

typedef struct {
  const char       *text;
  GovstatsValueKind kind;
  gboolean          ok;
  gint64            value;
  const char       *reason;   /* substring of the reason when !ok */
} ParseCase;

static const ParseCase parse_cases[] = {
  /* counts */
  { "0", COUNT, TRUE, 0, NULL },
  { "12", COUNT, TRUE, 12, NULL },
  { "4119", COUNT, TRUE, 4119, NULL },
  { "+7", COUNT, TRUE, 7, NULL },
  { "-3", COUNT, TRUE, -3, NULL },
  { "-0", COUNT, TRUE, 0, NULL },
  { " 42 ", COUNT, TRUE, 42, NULL },
  { "\t42\n", COUNT, TRUE, 42, NULL },
  { "007", COUNT, TRUE, 7, NULL },
  { "12.0", COUNT, TRUE, 12, NULL },
  { "1.0000", COUNT, TRUE, 1, NULL },
  { "9223372036854775807", COUNT, TRUE, G_MAXINT64, NULL },
  { "-9223372036854775808", COUNT, TRUE, G_MININT64, NULL },
  { "9223372036854775808", COUNT, FALSE, 0, "too large" },
  { "-9223372036854775809", COUNT, FALSE, 0, "too large" },
  { "18446744073709551615", COUNT, FALSE, 0, "too large" },
  { "18446744073709551616", COUNT, FALSE, 0, "too large" },
  { "99999999999999999999999999", COUNT, FALSE, 0, "too large" },
  { "1.5", COUNT, FALSE, 0, "whole number" },
  { "-0.5", COUNT, FALSE, 0, "whole number" },
  { "", COUNT, FALSE, 0, "not a number" },
  { " ", COUNT, FALSE, 0, "not a number" },
  { "abc", COUNT, FALSE, 0, "not a number" },
  { "1e3", COUNT, FALSE, 0, "not a number" },
  { ".5", COUNT, FALSE, 0, "not a number" },
  { "5.", COUNT, FALSE, 0, "not a number" },
  { "1 2", COUNT, FALSE, 0, "not a number" },
  { "0x10", COUNT, FALSE, 0, "not a number" },
  { "--1", COUNT, FALSE, 0, "not a number" },
  { "+-1", COUNT, FALSE, 0, "not a number" },
  { "1,000", COUNT, FALSE, 0, "not a number" },
  { "12件", COUNT, FALSE, 0, "not a number" },
  { "１２", COUNT, FALSE, 0, "not a number" },
  { "NaN", COUNT, FALSE, 0, "not a number" },
  /* signed changes */
  { "-3", DELTA, TRUE, -3, NULL },
  { "+14", DELTA, TRUE, 14, NULL },
  { "-9223372036854775808", DELTA, TRUE, G_MININT64, NULL },
  { "9223372036854775807", DELTA, TRUE, G_MAXINT64, NULL },
  { "增3", DELTA, FALSE, 0, "not a number" },
  { "−3", DELTA, FALSE, 0, "not a number" },   /* U+2212: the importer's job */
  /* amounts: whole numbers of 1/10000 */
  { "4068.208", AMOUNT, TRUE, 40682080, NULL },
  { "96171.6", AMOUNT, TRUE, 961716000, NULL },
  { "7730.28", AMOUNT, TRUE, 77302800, NULL },
  { "613.5241", AMOUNT, TRUE, 6135241, NULL },
  { "251000", AMOUNT, TRUE, G_GINT64_CONSTANT (2510000000), NULL },
  { "0.0001", AMOUNT, TRUE, 1, NULL },
  { "-0.0001", AMOUNT, TRUE, -1, NULL },
  { "0.00010", AMOUNT, TRUE, 1, NULL },
  { "0.1000000000000000000000", AMOUNT, TRUE, 1000, NULL },
  { "-12.5", AMOUNT, TRUE, -125000, NULL },
  { "0", AMOUNT, TRUE, 0, NULL },
  { "0.0", AMOUNT, TRUE, 0, NULL },
  { "922337203685477.5807", AMOUNT, TRUE, G_MAXINT64, NULL },
  { "-922337203685477.5808", AMOUNT, TRUE, G_MININT64, NULL },
  { "922337203685477", AMOUNT, TRUE, G_GINT64_CONSTANT (9223372036854770000), NULL },
  { "0.00001", AMOUNT, FALSE, 0, "four decimal places" },
  { "4068.20801", AMOUNT, FALSE, 0, "four decimal places" },
  { "1.23456", AMOUNT, FALSE, 0, "four decimal places" },
  { "922337203685477.5808", AMOUNT, FALSE, 0, "too large" },
  { "-922337203685477.5809", AMOUNT, FALSE, 0, "too large" },
  { "922337203685478", AMOUNT, FALSE, 0, "too large" },
  { "99999999999999999999.5", AMOUNT, FALSE, 0, "too large" },
  { "4068.208万元", AMOUNT, FALSE, 0, "not a number" },
  { "1e3", AMOUNT, FALSE, 0, "not a number" },
  { "4,068.208", AMOUNT, FALSE, 0, "not a number" },
  { ".5", AMOUNT, FALSE, 0, "not a number" },
};

static void
test_value_parse (gconstpointer data)
{
  const ParseCase *c = data;
  g_autofree char *reason = NULL;
  gint64 value = 12345;
  gboolean ok;

  ok = govstats_value_parse (c->text, c->kind, &value, NULL, &reason);
  if (c->ok)
    {
      if (!ok)
        g_error ("“%s” should parse, but: %s", c->text, reason);
      g_assert_null (reason);
      g_assert_cmpint (value, ==, c->value);
    }
  else
    {
      if (ok)
        g_error ("“%s” should not parse, but gave %" G_GINT64_FORMAT, c->text, value);
      g_assert_nonnull (reason);
      if (strstr (reason, c->reason) == NULL)
        g_error ("reason “%s” does not say “%s”", reason, c->reason);
      /* The reason quotes the input. */
      g_assert_nonnull (strstr (reason, c->text));
    }
}

/* The parser says why it refused a number where it refuses it; callers
 * choose their error code from that, never from the message's words. */
static void
test_value_problem (gconstpointer data)
{
  const ParseCase *c = data;
  g_autofree char *reason = NULL;
  GovstatsValueProblem problem = (GovstatsValueProblem) -1;
  GovstatsValueProblem expected;
  gint64 value;

  if (strstr (c->reason, "decimal places"))
    expected = GOVSTATS_VALUE_TOO_PRECISE;
  else if (strstr (c->reason, "whole number"))
    expected = GOVSTATS_VALUE_NOT_WHOLE;
  else if (strstr (c->reason, "too large"))
    expected = GOVSTATS_VALUE_TOO_LARGE;
  else
    expected = GOVSTATS_VALUE_NOT_A_NUMBER;
  g_assert_false (govstats_value_parse (c->text, c->kind, &value, &problem, &reason));
  g_assert_cmpint (problem, ==, expected);
}

/* ---------- govstats_value_format ---------- */

typedef struct {
  gint64            value;
  GovstatsValueKind kind;
  const char       *text;
} FormatCase;

static const FormatCase format_cases[] = {
  { 0, COUNT, "0" },
  { 12, COUNT, "12" },
  { -1, COUNT, "-1" },
  { G_MAXINT64, COUNT, "9223372036854775807" },
  { G_MININT64, COUNT, "-9223372036854775808" },
  { -3, DELTA, "-3" },
  { G_MININT64, DELTA, "-9223372036854775808" },
  { 0, AMOUNT, "0" },
  { 40682080, AMOUNT, "4068.208" },
  { 961716000, AMOUNT, "96171.6" },
  { 77302800, AMOUNT, "7730.28" },
  { 6135241, AMOUNT, "613.5241" },
  { 1, AMOUNT, "0.0001" },
  { -1, AMOUNT, "-0.0001" },
  { 10, AMOUNT, "0.001" },
  { 100, AMOUNT, "0.01" },
  { 5000, AMOUNT, "0.5" },
  { 10000, AMOUNT, "1" },
  { -125000, AMOUNT, "-12.5" },
  { -10000, AMOUNT, "-1" },
  { 1000001, AMOUNT, "100.0001" },
  { G_GINT64_CONSTANT (2510000000), AMOUNT, "251000" },
  { G_MAXINT64, AMOUNT, "922337203685477.5807" },
  { G_MININT64, AMOUNT, "-922337203685477.5808" },
};

static void
test_value_format (gconstpointer data)
{
  const FormatCase *c = data;
  g_autofree char *text = govstats_value_format (c->value, c->kind);
  g_autofree char *reason = NULL;
  gint64 back;

  g_assert_cmpstr (text, ==, c->text);
  g_assert_true (govstats_value_parse (text, c->kind, &back, NULL, &reason));
  g_assert_cmpint (back, ==, c->value);
}

/* format then parse gives the value back, for any value of any kind */
static void
test_value_round_trip (void)
{
  const GovstatsValueKind kinds[] = { COUNT, AMOUNT, DELTA };
  const gint64 edges[] = { 0, 1, -1, 9, 10, 9999, 10000, 10001, -9999, -10000, -10001,
                           G_MAXINT64, G_MININT64, G_MAXINT64 - 1, G_MININT64 + 1,
                           G_GINT64_CONSTANT (9007199254740992), -G_GINT64_CONSTANT (9007199254740993) };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < 3000 + G_N_ELEMENTS (edges); i++)
      {
        gint64 v;
        g_autofree char *text = NULL;
        g_autofree char *reason = NULL;
        gint64 back = 0;

        if (i < G_N_ELEMENTS (edges))
          v = edges[i];
        else
          {
            /* magnitudes spread over every order of 10 */
            guint64 u = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
            v = (gint64) (u >> g_test_rand_int_range (0, 63));
          }
        text = govstats_value_format (v, kinds[k]);
        if (!govstats_value_parse (text, kinds[k], &back, NULL, &reason))
          g_error ("%s: %s", text, reason);
        g_assert_cmpint (back, ==, v);
      }
}

/* ---------- govstats_value_from_node ---------- */

typedef struct {
  const char       *json;
  GovstatsValueKind kind;
  gboolean          ok;
  gint64            value;
  const char       *reason;
} NodeCase;

static const NodeCase node_cases[] = {
  { "12", COUNT, TRUE, 12, NULL },
  { "-3", DELTA, TRUE, -3, NULL },
  { "9223372036854775807", COUNT, TRUE, G_MAXINT64, NULL },
  { "12.0", COUNT, TRUE, 12, NULL },
  { "12.5", COUNT, FALSE, 0, "whole number" },
  { "1e300", COUNT, FALSE, 0, "too large" },
  { "\"12\"", COUNT, FALSE, 0, "string" },
  { "true", COUNT, FALSE, 0, "boolean" },
  { "null", COUNT, FALSE, 0, "null" },
  { "[1]", COUNT, FALSE, 0, "array" },
  { "{\"value\": 1}", COUNT, FALSE, 0, "object" },
  { "4068.208", AMOUNT, TRUE, 40682080, NULL },
  { "96171.6", AMOUNT, TRUE, 961716000, NULL },
  { "7730.28", AMOUNT, TRUE, 77302800, NULL },
  { "613.5241", AMOUNT, TRUE, 6135241, NULL },
  { "1014.5725", AMOUNT, TRUE, 10145725, NULL },
  { "0.0001", AMOUNT, TRUE, 1, NULL },
  { "-0.0001", AMOUNT, TRUE, -1, NULL },
  { "0.1", AMOUNT, TRUE, 1000, NULL },
  { "0.3", AMOUNT, TRUE, 3000, NULL },
  { "5", AMOUNT, TRUE, 50000, NULL },
  { "-0.5", AMOUNT, TRUE, -5000, NULL },
  { "251000", AMOUNT, TRUE, G_GINT64_CONSTANT (2510000000), NULL },
  { "922337203685477", AMOUNT, TRUE, G_GINT64_CONSTANT (9223372036854770000), NULL },
  { "\"0.0001\"", AMOUNT, TRUE, 1, NULL },
  { "\"4068.208\"", AMOUNT, TRUE, 40682080, NULL },
  { "\"922337203685477.5807\"", AMOUNT, TRUE, G_MAXINT64, NULL },
  { "0.00001", AMOUNT, FALSE, 0, "four decimal places" },
  { "0.00005", AMOUNT, FALSE, 0, "four decimal places" },
  { "1.23456", AMOUNT, FALSE, 0, "four decimal places" },
  { "\"0.00001\"", AMOUNT, FALSE, 0, "four decimal places" },
  { "922337203685478", AMOUNT, FALSE, 0, "too large" },
  { "1e300", AMOUNT, FALSE, 0, "too large" },
  { "\"4068.208万元\"", AMOUNT, FALSE, 0, "not a number" },
  { "true", AMOUNT, FALSE, 0, "boolean" },
};

static void
test_value_from_node (gconstpointer data)
{
  const NodeCase *c = data;
  g_autoptr(JsonNode) node = test_parse_json (c->json, strlen (c->json));
  g_autofree char *reason = NULL;
  gint64 value = 12345;
  gboolean ok;

  ok = govstats_value_from_node (node, c->kind, &value, NULL, &reason);
  if (c->ok)
    {
      if (!ok)
        g_error ("%s should convert, but: %s", c->json, reason);
      g_assert_cmpint (value, ==, c->value);
    }
  else
    {
      if (ok)
        g_error ("%s should not convert, but gave %" G_GINT64_FORMAT, c->json, value);
      if (strstr (reason, c->reason) == NULL)
        g_error ("reason “%s” does not say “%s”", reason, c->reason);
    }
}

/* ---------- govstats_json_precheck ---------- */

typedef struct {
  const char *name;
  const char *data;
  gssize      length;     /* -1: strlen */
  int         code;       /* -1: passes */
  const char *contains[3];
} PrecheckCase;

static const PrecheckCase precheck_cases[] = {
  { "int64-max", "9223372036854775807", -1, -1, { NULL } },
  { "int64-max-in-object", "{\"a\": 9223372036854775807}", -1, -1, { NULL } },
  { "int64-min", "[-9223372036854775808]", -1, -1, { NULL } },
  { "int64-max-plus-one", "9223372036854775808", -1, GOVSTATS_ERROR_OUT_OF_RANGE,
    { "n.json:1:1:", "9223372036854775808", "64 bits" } },
  { "int64-min-minus-one", "[-9223372036854775809]", -1, GOVSTATS_ERROR_OUT_OF_RANGE,
    { "n.json:1:2:", "-9223372036854775809", NULL } },
  { "twenty-digits", "{\n  \"a\": 1,\n  \"b\": 99999999999999999999\n}", -1, GOVSTATS_ERROR_OUT_OF_RANGE,
    { "n.json:3:8:", NULL } },
  /* columns count characters, not bytes */
  { "column-after-chinese", "[\"中文\", 99999999999999999999]", -1, GOVSTATS_ERROR_OUT_OF_RANGE,
    { "n.json:1:8:", NULL } },
  { "number-in-string", "{\"a\": \"99999999999999999999\"}", -1, -1, { NULL } },
  { "number-in-key", "{\"99999999999999999999\": 1}", -1, -1, { NULL } },
  { "number-after-escaped-quote", "[\"a\\\"99999999999999999999\"]", -1, -1, { NULL } },
  { "number-after-escaped-backslash", "[\"a\\\\\", 99999999999999999999]", -1, GOVSTATS_ERROR_OUT_OF_RANGE,
    { "n.json:1:9:", NULL } },
  { "number-in-string-with-e", "[\"1e400\"]", -1, -1, { NULL } },
  { "floats", "[1.5, -0.0, 1e308, -1e308, 1e-400, 0.00001]", -1, -1, { NULL } },
  { "1e400", "{\"amount\": 1e400}", -1, GOVSTATS_ERROR_OUT_OF_RANGE, { "n.json:1:12:", "1e400", "too large" } },
  { "-1e400", "[-1e400]", -1, GOVSTATS_ERROR_OUT_OF_RANGE, { "n.json:1:2:", "-1e400", NULL } },
  { "1E+400", "[1E+400]", -1, GOVSTATS_ERROR_OUT_OF_RANGE, { "1E+400", NULL } },
  { "utf8", "{\"单位\": \"示例县民政局\"}", -1, -1, { NULL } },
  { "utf8-bom", "\xEF\xBB\xBF{\"a\": 1}", -1, -1, { NULL } },
  /* precheck is the strict validator: RFC 8259 JSON only */
  { "empty", "", 0, GOVSTATS_ERROR_PARSE, { "n.json: ", "empty", NULL } },
  { "whitespace-only", " \n\t\r\n ", -1, GOVSTATS_ERROR_PARSE, { "empty", NULL } },
  { "bom-only", "\xEF\xBB\xBF \n", -1, GOVSTATS_ERROR_PARSE, { "empty", NULL } },
  { "scalar-root", "12", -1, -1, { NULL } },
  { "surrogate-pair", "[\"\\ud83d\\ude00\"]", -1, -1, { NULL } },
  { "escapes", "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u4e2d\"]", -1, -1, { NULL } },
  { "literals", "[true, false, null, -0, 0.5, 1E2, 1e-2]", -1, -1, { NULL } },
  { "block-comment", "{\n /* x */ \"a\": 1}", -1, GOVSTATS_ERROR_PARSE, { "n.json:2:2:", "comment", NULL } },
  { "line-comment", "{\"a\": 1 // x\n}", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:9:", "comment", NULL } },
  { "single-quotes", "{'a': 1}", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:2:", "single quotes", NULL } },
  { "second-value", "{}\n{}", -1, GOVSTATS_ERROR_PARSE, { "n.json:2:1:", "second value", NULL } },
  { "second-array", "{} []", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:4:", NULL } },
  { "trailing-garbage", "{} x", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:4:", NULL } },
  { "repeated-member", "{\"a\": 1,\n \"a\": 2}", -1, GOVSTATS_ERROR_PARSE, { "n.json:2:2:", "twice", NULL } },
  { "repeated-member-escaped", "{\"a\": 1, \"\\u0061\": 2}", -1, GOVSTATS_ERROR_PARSE, { "twice", NULL } },
  { "same-member-other-objects", "[{\"a\": 1}, {\"a\": 2}]", -1, -1, { NULL } },
  { "trailing-comma-object", "{\"a\": 1,}", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:9:", "comma", NULL } },
  { "trailing-comma-array", "[1,\n]", -1, GOVSTATS_ERROR_PARSE, { "n.json:2:1:", "comma", NULL } },
  { "leading-zero", "[010]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:2:", "leading zero", NULL } },
  { "negative-leading-zero", "[-01]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:2:", NULL } },
  { "hex", "[0x10]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:3:", NULL } },
  { "plus-sign", "[+1]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:2:", NULL } },
  { "bare-decimal-point", "[1.]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:2:", NULL } },
  { "leading-decimal-point", "[.5]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:2:", NULL } },
  { "empty-exponent", "[1e]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:2:", NULL } },
  { "nan", "[NaN]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:2:", NULL } },
  { "infinity", "[-Infinity]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:2:", NULL } },
  { "true-prefix", "[truex]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:2:", NULL } },
  { "invalid-escape", "[\"a\\qb\"]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:4:", "escape", NULL } },
  { "short-unicode-escape", "[\"\\u12G4\"]", -1, GOVSTATS_ERROR_PARSE, { "hexadecimal", NULL } },
  { "raw-tab", "[\"a\tb\"]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:4:", "control character", NULL } },
  { "raw-line-break", "[\"a\nb\"]", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:4:", "line break", NULL } },
  { "unclosed-string", "[\"abc", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:2:", "not closed", NULL } },
  { "unclosed-object", "{\"a\": 1", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:1:", "not closed", NULL } },
  { "unclosed-array", "\n\n  [1, 2", -1, GOVSTATS_ERROR_PARSE, { "n.json:3:3:", "not closed", NULL } },
  { "missing-colon", "{\"a\" 1}", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:6:", NULL } },
  { "unquoted-key", "{a: 1}", -1, GOVSTATS_ERROR_PARSE, { "n.json:1:2:", NULL } },
  { "utf16le-bom", "\xFF\xFE{\0}\0", 6, GOVSTATS_ERROR_ENCODING, { "n.json", "UTF-16", NULL } },
  { "utf16be-bom", "\xFE\xFF\0{\0}", 6, GOVSTATS_ERROR_ENCODING, { "n.json", "UTF-16", NULL } },
  { "utf16le-no-bom", "{\0\"\0a\0\"\0}\0", 10, GOVSTATS_ERROR_ENCODING, { "n.json:1:2:", "NUL", NULL } },
  { "nul-byte", "{\"a\":\n 1\0}", 9, GOVSTATS_ERROR_ENCODING, { "n.json:2:3:", "NUL", NULL } },
  { "gb18030", "{\"a\":\n \"\xD6\xD0\xCE\xC4\"}", -1, GOVSTATS_ERROR_ENCODING, { "n.json:2:3:", "GB18030", NULL } },
  /* 示例县 in GB18030 is CA BE C0 FD CF D8, and CA BE happens to be valid
   * UTF-8 (U+02BE): the position is that of the first byte that is not. */
  { "gb18030-later-line", "{\n\"name\": \"ok\",\n\"unit\": \"\xCA\xBE\xC0\xFD\xCF\xD8\"\n}", -1, GOVSTATS_ERROR_ENCODING,
    { "n.json:3:11:", "GB18030", NULL } },
  { "not-utf8", "{\"a\": \"\xFF\xFF\"}", -1, GOVSTATS_ERROR_ENCODING, { "n.json:1:8:", "UTF-8", NULL } },
  { "truncated-utf8", "{\"a\": \"\xE4\xB8", -1, GOVSTATS_ERROR_ENCODING, { "n.json:1:8:", NULL } },
};

static void
test_precheck (gconstpointer data)
{
  const PrecheckCase *c = data;
  gsize length = c->length < 0 ? strlen (c->data) : (gsize) c->length;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = govstats_json_precheck (c->data, length, "n.json", &error);
  if (c->code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }
  g_assert_false (ok);
  g_assert_error (error, GOVSTATS_ERROR, c->code);
  g_assert_true (g_str_has_prefix (error->message, "n.json"));
  for (guint i = 0; i < G_N_ELEMENTS (c->contains) && c->contains[i]; i++)
    if (strstr (error->message, c->contains[i]) == NULL)
      g_error ("“%s” does not contain “%s”", error->message, c->contains[i]);
}

/* Nesting: deep enough for any report, bounded against stack exhaustion. */
static void
test_precheck_depth (void)
{
  for (guint depth = 200; depth <= 300; depth += 100)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      for (guint i = 0; i < depth; i++)
        g_string_append_c (s, '[');
      for (guint i = 0; i < depth; i++)
        g_string_append_c (s, ']');
      ok = govstats_json_precheck (s->str, s->len, "d.json", &error);
      if (depth == 200)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_PARSE);
          g_assert_true (g_str_has_prefix (error->message, "d.json:1:"));
        }
    }
}

static void
test_check_encoding (void)
{
  g_autoptr(GError) error = NULL;

  /* Not JSON, but UTF-8: the encoding check alone says yes. */
  g_assert_true (govstats_text_check_encoding ("code,name\nD01,示例县教育和体育局\n", strlen ("code,name\nD01,示例县教育和体育局\n"), "r.csv", &error));
  g_assert_no_error (error);
  g_assert_false (govstats_text_check_encoding ("code,name\nD01,\xCA\xBE\xC0\xFD\n", 19, "r.csv", &error));
  g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "r.csv:2:"));
}

/* A GB18030 file as saved by a Chinese Windows editor, several KiB long. */
static void
test_precheck_gb18030_file (void)
{
  g_autoptr(GString) utf8 = g_string_new ("{\n  \"govstats\": 1,\n  \"version\": \"2021\",\n  \"text\": {\n");
  g_autofree char *gb = NULL;
  g_autoptr(GError) error = NULL;
  gsize gb_length;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (utf8, "    \"p%u\": \"第%u段：政府信息公开工作年度报告。\",\n", i, i);
  g_string_append (utf8, "    \"end\": \"完\"\n  }\n}\n");
  gb = g_convert (utf8->str, (gssize) utf8->len, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gb_length, >, 4096);

  g_assert_false (govstats_json_precheck (gb, gb_length, "report.json", &error));
  g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "GB18030"));
  /* the first Chinese character: line 5, column 12 (`    "p0": "第`) */
  if (!g_str_has_prefix (error->message, "report.json:5:12:"))
    g_error ("wrong position: %s", error->message);
}

/* ---------- govstats_json_parse ---------- */

static void
test_parse (void)
{
  struct { const char *data; int code; const char *prefix; } cases[] = {
    { "\xEF\xBB\xBF{\"a\": 1}", -1, NULL },
    { " \n {\"a\": 1} \n", -1, NULL },
    { "", GOVSTATS_ERROR_PARSE, "x.json: " },
    { " \t\r\n", GOVSTATS_ERROR_PARSE, "x.json: " },
    { "\xEF\xBB\xBF", GOVSTATS_ERROR_PARSE, "x.json: " },
    { "{\"a\": 1,\n \"b\": }", GOVSTATS_ERROR_PARSE, "x.json:2:" },
    { "{\"a\": 1} x", GOVSTATS_ERROR_PARSE, "x.json:1:" },
    { "[1, 2", GOVSTATS_ERROR_PARSE, "x.json:1:" },
    { "{\"a\": tru}", GOVSTATS_ERROR_PARSE, "x.json:1:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = govstats_json_parse (cases[i].data, strlen (cases[i].data), "x.json", &error);

      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (root);
          g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "a"), ==, 1);
          continue;
        }
      g_assert_null (root);
      g_assert_error (error, GOVSTATS_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].prefix))
        g_error ("“%s” does not start with “%s”", error->message, cases[i].prefix);
    }
}

static void
test_read_stream (void)
{
  static const char text[] = "{\"a\": 1}";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, sizeof text - 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = govstats_read_stream (stream, "s", NULL, &error);
  g_autoptr(GInputStream) empty = g_memory_input_stream_new ();
  g_autoptr(GBytes) none = NULL;
  gconstpointer got;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  got = g_bytes_get_data (bytes, &length);
  g_assert_cmpmem (got, length, text, sizeof text - 1);

  none = govstats_read_stream (empty, "s", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_bytes_get_size (none), ==, 0);
}

static void
test_write_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("govstats-json-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  path = g_build_filename (dir, "a.json", NULL);
  g_assert_true (govstats_write_file_atomically (path, "{}\n", 3, &error));
  g_assert_no_error (error);
  contents = test_read_file (path, &length);
  g_assert_cmpstr (contents, ==, "{}\n");

  bad = g_build_filename (dir, "missing", "a.json", NULL);
  g_assert_false (govstats_write_file_atomically (bad, "{}\n", 3, &error));
  g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, bad));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* ---------- the writer ---------- */

static void
test_writer_strings (void)
{
  const char *tricky[] = {
    "plain", "", "“全角引号”", "\"quotes\"", "back\\slash", "/slash/", "line\nbreak",
    "tab\there", "\r\b\f", "\x01\x1f", "😀 emoji", "\x7f", "</script>",
  };
  GovstatsJsonWriter *w = govstats_json_writer_new ();
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  gsize length;

  govstats_json_writer_begin_object (w);
  govstats_json_writer_key (w, "key with \"quote\" and \\");
  govstats_json_writer_begin_array (w);
  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    govstats_json_writer_string (w, tricky[i]);
  govstats_json_writer_end_array (w);
  govstats_json_writer_key (w, "n");
  govstats_json_writer_int (w, G_MININT64);
  govstats_json_writer_key (w, "x");
  govstats_json_writer_raw_number (w, "4068.208");
  govstats_json_writer_key (w, "z");
  govstats_json_writer_null (w);
  govstats_json_writer_key (w, "b");
  govstats_json_writer_boolean (w, FALSE);
  govstats_json_writer_end_object (w);
  out = govstats_json_writer_free_to_string (w, &length);

  g_assert_cmpuint (length, ==, strlen (out));
  g_assert_true (g_str_has_suffix (out, "}\n"));
  /* no raw control characters in the output */
  for (const char *p = out; *p; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
  root = test_parse_json (out, length);
  array = json_object_get_array_member (json_node_get_object (root), "key with \"quote\" and \\");
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (tricky));
  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    g_assert_cmpstr (json_array_get_string_element (array, i), ==, tricky[i]);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "n"), ==, G_MININT64);
  g_assert_nonnull (strstr (out, "4068.208"));
  g_assert_null (strstr (out, "4068.2080"));
}

static void
test_writer_doubles (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "0.1", "0.1" },
    { "0.25", "0.25" },
    { "98.6", "98.6" },
    { "4068.208", "4068.208" },
    { "100.0", "100.0" },
    { "1.0", "1.0" },
    { "-0.0", "-0.0" },
    { "1e21", "1e+21" },
    { "1.5e-7", "1.5e-07" },
    { "0.30000000000000004", "0.30000000000000004" },
    { "123456789.123", "123456789.123" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = test_parse_json (cases[i].in, strlen (cases[i].in));
      GovstatsJsonWriter *w = govstats_json_writer_new ();
      g_autofree char *out = NULL;
      g_autoptr(JsonNode) back = NULL;

      govstats_json_writer_node (w, node);
      out = govstats_json_writer_free_to_string (w, NULL);
      g_strchomp (out);
      g_assert_cmpstr (out, ==, cases[i].out);
      /* and it reads back as the same double, still a double */
      back = test_parse_json (out, strlen (out));
      g_assert_cmpint (json_node_get_value_type (back), ==, G_TYPE_DOUBLE);
      g_assert_true (json_node_get_double (back) == json_node_get_double (node));
    }
}

static void
test_writer_nodes (void)
{
  static const char json[] =
    "{\"a\": [1, 2.5, \"three\", true, null, {\"x\": []}, []], \"b\": {}, \"c\": {\"d\": {\"e\": [[[]]]}},"
    " \"long\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], \"big\": 9223372036854775807}";
  g_autoptr(JsonNode) node = test_parse_json (json, sizeof json - 1);
  GovstatsJsonWriter *w = govstats_json_writer_new ();
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) back = NULL;

  govstats_json_writer_node (w, node);
  out = govstats_json_writer_free_to_string (w, NULL);
  back = test_parse_json (out, strlen (out));
  g_assert_true (json_node_equal (node, back));
}


/* Regressions: each case states the input, what the library must do, and
 * what it once did. */

/* ---------- files that should not load (now in tests/data/invalid) ----------
 *
 * Since the strict validator, a number in a table cell is read from its
 * literal text, exactly, unless the literal has an exponent: then it still
 * goes through JSON-GLib's double and govstats_value_from_node(), which
 * rounds (see the next test).
 *
 * OUT_OF_RANGE--amount-five-decimals-exponent.json:
 *   "amount": 4068.20801e0 loads as 4068.208 (4068.20801 is refused).
 *   Expected: OUT_OF_RANGE ("more than four decimal places").
 * INVALID_VALUE--count-fraction-exponent.json:
 *   "decisions": 4.5035996273704975e15 (= 4503599627370497.5) loads as
 *   4503599627370498 (4503599627370497.5 is refused). Expected: INVALID_VALUE.
 */

/* The rounding, on the private helper.
 *
 * Input: govstats_value_from_node (<the double 4068.20801>, AMOUNT, …)
 * Expected: FALSE, "more than four decimal places" (as for 0.00001).
 * Actual: TRUE with 4068.208: the check accepts a scaled error up to 1e-6
 *   relative, so any amount ≥ 10 with a fifth decimal is rounded silently
 *   (4068.20801 → 4068.208, 96171.60001 → 96171.6, 10.00001 → 10).
 */
static void
test_from_node_five_decimals (void)
{
  const char *cases[] = { "4068.20801", "96171.60001", "10.00001", "12345678.00005" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = test_parse_json (cases[i], strlen (cases[i]));
      g_autofree char *reason = NULL;
      gint64 value = 0;

      if (govstats_value_from_node (node, GOVSTATS_VALUE_KIND_AMOUNT, &value, NULL, &reason))
        {
          g_autofree char *text = govstats_value_format (value, GOVSTATS_VALUE_KIND_AMOUNT);
          g_test_message ("%s was accepted as %s; expected “more than four decimal places”", cases[i], text);
          g_test_fail ();
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const char *kind = parse_cases[i].kind == AMOUNT ? "amount" : parse_cases[i].kind == DELTA ? "delta" : "count";
      g_autofree char *p = g_strdup_printf ("/govstats/json/value/parse/%s/%u", kind, i);
      g_test_add_data_func (p, &parse_cases[i], test_value_parse);
      if (!parse_cases[i].ok)
        {
          g_autofree char *q = g_strdup_printf ("/govstats/json/value/problem/%s/%u", kind, i);
          g_test_add_data_func (q, &parse_cases[i], test_value_problem);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *p = g_strdup_printf ("/govstats/json/value/format/%u", i);
      g_test_add_data_func (p, &format_cases[i], test_value_format);
    }
  g_test_add_func ("/govstats/json/value/round-trip", test_value_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (node_cases); i++)
    {
      g_autofree char *p = g_strdup_printf ("/govstats/json/value/from-node/%u", i);
      g_test_add_data_func (p, &node_cases[i], test_value_from_node);
    }
  for (guint i = 0; i < G_N_ELEMENTS (precheck_cases); i++)
    {
      g_autofree char *p = g_strdup_printf ("/govstats/json/precheck/%s", precheck_cases[i].name);
      g_test_add_data_func (p, &precheck_cases[i], test_precheck);
    }
  g_test_add_func ("/govstats/json/precheck/gb18030-file", test_precheck_gb18030_file);
  g_test_add_func ("/govstats/json/precheck/depth", test_precheck_depth);
  g_test_add_func ("/govstats/json/check-encoding", test_check_encoding);
  g_test_add_func ("/govstats/json/parse", test_parse);
  g_test_add_func ("/govstats/json/read-stream", test_read_stream);
  g_test_add_func ("/govstats/json/write-file", test_write_file);
  g_test_add_func ("/govstats/json/writer/strings", test_writer_strings);
  g_test_add_func ("/govstats/json/writer/doubles", test_writer_doubles);
  g_test_add_func ("/govstats/json/writer/nodes", test_writer_nodes);

  g_test_add_func ("/govstats/json/value/from-node-five-decimals", test_from_node_five_decimals);

  return g_test_run ();
}
