/* test-regressions.c — one test per library bug found by review, each
 * stating the input, what the library must do, and what it once did.
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>

#include "test-util.h"
#include "govstats-json-reader-private.h"
#include "govstats-value-private.h"

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

/* ---------- a large amount written with an exponent ----------
 *
 * Input: {"govstats": 1, "version": "2021", "tables": {"art20_8": {"fees": {"amount": 8.000000000000003e11}}}}
 * Expected: 800000000000.0003 (exactly what the literal says), or a refusal.
 * Actual: 800000000000.0002: the double nearest to the literal is read and
 *   rounded, and above about 2^51 ten-thousandths a double no longer holds
 *   four decimal places. (Without the exponent, 800000000000.0003 loads
 *   exactly.)
 */
static void
test_amount_exponent_large (void)
{
  const char *json = "{\"govstats\": 1, \"version\": \"2021\", \"tables\": {\"art20_8\": {\"fees\": {\"amount\": 8.000000000000003e11}}}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GovstatsReport) report = govstats_report_new_from_data (json, -1, &error);
  g_autofree char *text = NULL;

  if (report == NULL)
    {
      g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_OUT_OF_RANGE);
      return;
    }
  text = govstats_report_dup_value_text (report, "art20_8/fees/amount", NULL);
  if (g_strcmp0 (text, "800000000000.0003") != 0)
    {
      g_test_message ("\"amount\": 8.000000000000003e11 loaded as %s", text);
      g_test_fail ();
    }
}

/* ---------- copies share JSON members with the original ----------
 *
 * Input: a report with extensions (or source, sources, unknown members);
 *        copy = govstats_report_copy (report);
 *        json_object_set_int_member (govstats_report_get_extensions (copy), "b", 2);
 * Expected: the original is unchanged ("an independent copy of a report,
 *   with everything it carries").
 * Actual: the original has "b" too: govstats_report_copy() copies these
 *   members with json_node_copy(), which in JSON-GLib only adds a reference
 *   to the same JsonObject/JsonArray (a shallow copy).
 */
static void
test_copy_shares_json (void)
{
  g_autoptr(GovstatsReport) report = govstats_report_new_for_version ("2021", NULL);
  g_autoptr(GovstatsReport) copy = NULL;
  g_autoptr(GovstatsReport) loaded = NULL;
  g_autoptr(GovstatsReport) loaded_copy = NULL;
  g_autofree char *path = test_data_path ("valid", "source-extensions-unknown-2021.json", NULL);
  JsonObject *ext = json_object_new ();
  JsonObject *source = json_object_new ();

  json_object_set_int_member (ext, "a", 1);
  json_object_set_string_member (source, "file", "a.pdf");
  govstats_report_set_extensions (report, ext);
  govstats_report_set_source (report, source);
  json_object_unref (ext);
  json_object_unref (source);
  copy = govstats_report_copy (report);

  json_object_set_int_member (govstats_report_get_extensions (copy), "b", 2);
  json_object_set_string_member (govstats_report_get_source (copy), "file", "b.pdf");
  if (json_object_has_member (govstats_report_get_extensions (report), "b"))
    {
      g_test_message ("changing the copy's extensions changed the original's");
      g_test_fail ();
    }
  if (!g_str_equal (json_object_get_string_member (govstats_report_get_source (report), "file"), "a.pdf"))
    {
      g_test_message ("changing the copy's source changed the original's");
      g_test_fail ();
    }

  /* The same for a loaded report. */
  loaded = govstats_report_new_from_file (path, NULL);
  g_assert_nonnull (loaded);
  loaded_copy = govstats_report_copy (loaded);
  if (govstats_report_get_extensions (loaded_copy) == govstats_report_get_extensions (loaded) ||
      govstats_report_get_source (loaded_copy) == govstats_report_get_source (loaded))
    {
      g_test_message ("the copy of a loaded report shares its extensions/source objects with the original");
      g_test_fail ();
    }
}

/* ---------- text cut at an escaped NUL ----------
 *
 * Input: {"govstats": 1, "version": "2021", "text": {"overview": "前\u0000后"}}
 * Expected: the text kept whole ("前\0后" cannot be a C string, so: an error,
 *   GOVSTATS_ERROR_INVALID_VALUE, naming text/overview).
 * Actual: the report loads with overview = "前"; "后" is dropped silently,
 *   and the next save loses it for good.
 */
static void
test_text_escaped_nul (void)
{
  const char *json = "{\"govstats\": 1, \"version\": \"2021\", \"text\": {\"overview\": \"前\\u0000后\"}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GovstatsReport) report = govstats_report_new_from_data (json, -1, &error);

  if (report != NULL)
    {
      g_test_message ("loaded with overview “%s”: the text after \\u0000 is dropped",
                      govstats_report_get_text (report, "overview"));
      g_test_fail ();
    }
}

/* ---------- a group row that is its own parent ----------
 *
 * Input (govstats_schema_new_from_bytes): a row {"key": "g", "group": true, "parent": "g"}
 * Expected: GOVSTATS_ERROR_INVALID_SCHEMA ("parent … is not an earlier group row").
 * Actual: accepted; load_row() adds the row before it looks its parent up,
 *   so the row finds itself; govstats_schema_dup_row_children (…, "g")
 *   then lists "g" as its own child.
 */
static void
test_schema_self_parent (void)
{
  static const char text[] =
    "{\"version\": \"x\", \"sections\": [], \"tables\": [{\"key\": \"t\", \"title\": {\"zh\": \"表\"},"
    " \"rows\": [{\"key\": \"g\", \"label\": {\"zh\": \"组\"}, \"group\": true, \"parent\": \"g\"},"
    "           {\"key\": \"a\", \"label\": {\"zh\": \"甲\"}}],"
    " \"columns\": [{\"key\": \"n\", \"label\": {\"zh\": \"数\"}, \"kind\": \"count\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GovstatsSchema) schema = govstats_schema_new_from_bytes (bytes, &error);

  if (schema != NULL)
    {
      g_auto(GStrv) children = govstats_schema_dup_row_children (schema, "t", "g");
      g_autofree char *list = g_strjoinv (", ", children);
      g_test_message ("accepted; the children of g are: %s", list);
      g_test_fail ();
    }
}

/* ---------- files the library writes but cannot read ----------
 *
 * Input: an extensions object holding a non-finite double (from C, or from
 *   Python: Json.Object.set_double_member ("x", float ("inf"))), then
 *   govstats_report_to_data ().
 * Expected: valid JSON that loads again (e.g. null for inf/nan, or a
 *   critical refusing the value).
 * Actual: `"extensions": { "x": inf, "y": nan }`; loading it fails with
 *   GOVSTATS_ERROR_PARSE "<data>:6:24: expected a value … found “i”".
 */
static void
test_save_non_finite_double (void)
{
  g_autoptr(GovstatsReport) report = govstats_report_new_for_version ("2021", NULL);
  g_autoptr(GovstatsReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonObject *ext = json_object_new ();

  json_object_set_double_member (ext, "x", INFINITY);
  json_object_set_double_member (ext, "y", NAN);
  govstats_report_set_extensions (report, ext);
  json_object_unref (ext);
  /* JSON has neither: the writer says so and writes null. */
  g_test_expect_message ("Govstats", G_LOG_LEVEL_WARNING, "*non-finite*");
  g_test_expect_message ("Govstats", G_LOG_LEVEL_WARNING, "*non-finite*");
  out = govstats_report_to_data (report, NULL);
  g_test_assert_expected_messages ();
  again = govstats_report_new_from_data (out, -1, &error);
  if (again == NULL)
    {
      g_test_message ("to_data wrote what new_from_data refuses: %s\n%s", error->message, out);
      g_test_fail ();
    }
}

/* Input (C): govstats_report_set_text (report, "overview", "GBK \xd6\xd0\xce\xc4")
 *   (or set_unit_name, set_cell_note … with bytes that are not UTF-8), then
 *   to_data and new_from_data.
 * Expected: a critical from the setter (a programming error in C, like an
 *   unknown path), so that no report holds text it cannot save.
 * Actual: accepted silently; to_data writes the raw bytes and the file does
 *   not load again: GOVSTATS_ERROR_ENCODING "<data>:7:22: the file is not
 *   UTF-8; it looks like GB18030/GBK". Text pasted from a GBK source by a C
 *   caller (an importer) makes an unreadable report.
 */
static void
test_save_invalid_utf8 (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GovstatsReport) report = govstats_report_new_for_version ("2021", NULL);
      g_autoptr(GovstatsReport) again = NULL;
      g_autofree char *out = NULL;

      govstats_report_set_text (report, "overview", "GBK \xd6\xd0\xce\xc4");
      govstats_report_set_unit_name (report, "\xff");
      govstats_report_set_cell_note (report, "art20_5/licensing/decisions", "a\xff" "b");
      out = govstats_report_to_data (report, NULL);
      again = govstats_report_new_from_data (out, -1, NULL);
      g_assert_nonnull (again);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*");
}

/* ---------- an empty schema ----------
 *
 * Input: govstats_schema_new_from_bytes (g_bytes_new ("", 0), &error)
 * Expected: NULL with GOVSTATS_ERROR_PARSE "schema: the file is empty".
 * Actual: that, but through undefined behaviour: an empty GBytes has a NULL
 *   data pointer, and govstats_text_check_encoding() calls
 *   memchr (NULL, '\0', 0). A -Db_sanitize=address,undefined build with
 *   UBSAN_OPTIONS=halt_on_error=1 stops: "govstats-json.c:301:12: runtime
 *   error: null pointer passed as argument 1, which is declared to never be
 *   null". (report_from_bytes() guards against this with data = ""; the
 *   schema and roster loaders do not.) This test only fails in such a build.
 */
static void
test_schema_empty_bytes (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GovstatsSchema) schema = govstats_schema_new_from_bytes (bytes, &error);

  g_assert_null (schema);
  g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_PARSE);
}

/* set_cells() given the finding's own cells freed them before reading them. */
static void
test_finding_set_own_cells (void)
{
  g_autoptr(GovstatsFinding) finding = govstats_finding_new ("cells.blank", GOVSTATS_SEVERITY_WARNING, "空白", NULL);
  const char *cells[] = { "applications/received/total", "applications/total/total", NULL };
  g_autofree char *fingerprint = NULL;

  govstats_finding_set_cells (finding, cells);
  fingerprint = g_strdup (govstats_finding_get_fingerprint (finding));
  govstats_finding_set_cells (finding, govstats_finding_get_cells (finding));
  g_assert_cmpuint (g_strv_length ((char **) govstats_finding_get_cells (finding)), ==, 2);
  g_assert_cmpstr (govstats_finding_get_cells (finding)[0], ==, "applications/received/total");
  g_assert_cmpstr (govstats_finding_get_cells (finding)[1], ==, "applications/total/total");
  g_assert_cmpstr (govstats_finding_get_fingerprint (finding), ==, fingerprint);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* The files of these bugs are in tests/data/invalid, run by test-corpus. */
  g_test_add_func ("/govstats/regressions/amount/from-node-five-decimals", test_from_node_five_decimals);
  g_test_add_func ("/govstats/regressions/amount/exponent-large", test_amount_exponent_large);
  g_test_add_func ("/govstats/regressions/copy/shares-json", test_copy_shares_json);
  g_test_add_func ("/govstats/regressions/text/escaped-nul", test_text_escaped_nul);
  g_test_add_func ("/govstats/regressions/schema/self-parent", test_schema_self_parent);
  g_test_add_func ("/govstats/regressions/schema/empty-bytes", test_schema_empty_bytes);
  g_test_add_func ("/govstats/regressions/save/non-finite-double", test_save_non_finite_double);
  g_test_add_func ("/govstats/regressions/save/invalid-utf8-from-c", test_save_invalid_utf8);
  g_test_add_func ("/govstats/regressions/finding/set-own-cells", test_finding_set_own_cells);

  return g_test_run ();
}
