/* test-corpus.c — the data-driven corpus in tests/data
 *
 * valid/NAME.json   must load and round-trip byte for byte
 *                   (to_data → new_from_data → to_data); where
 *                   valid/NAME.expected exists, to_data must equal it
 *                   (the canonical form), and it must reproduce itself.
 * invalid/<CODE>--<description>.*
 *                   must fail with exactly GOVSTATS_ERROR_<CODE>, and the
 *                   message must start with the file path (or "<data>" when
 *                   the same bytes are loaded from memory).
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "test-util.h"

static void
test_valid (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = test_data_path ("valid", name, NULL);
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".json"));
  g_autofree char *expected_name = g_strconcat (stem, ".expected", NULL);
  g_autofree char *expected_path = test_data_path ("valid", expected_name, NULL);
  g_autofree char *written = NULL;
  GovstatsReport *report;
  const char *version;

  report = test_load_and_round_trip (path, &written);
  version = govstats_report_get_version (report);
  g_assert_true (g_str_equal (version, "2019") || g_str_equal (version, "2021"));
  g_assert_cmpstr (govstats_report_get_filename (report), ==, path);

  if (g_file_test (expected_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *expected = NULL;
      GovstatsReport *canonical;
      gsize length;

      expected = test_read_file (expected_path, &length);
      g_assert_cmpstr (written, ==, expected);
      /* The canonical form is a fixed point. */
      canonical = test_load_and_round_trip (expected_path, NULL);
      g_assert_finalize_object (canonical);
    }
  g_assert_finalize_object (report);
}

static void
test_invalid (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = test_data_path ("invalid", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) data_error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) gfile_error = NULL;
  GovstatsReport *report;
  gsize length;
  int code = -1;

  if (!test_error_code_from_name (name, &code))
    g_error ("%s: the name must start with a GovstatsError code, as in OUT_OF_RANGE--what.json", name);

  report = govstats_report_new_from_file (path, &error);
  if (report != NULL)
    {
      g_autofree char *out = govstats_report_to_data (report, NULL);
      g_error ("%s loaded, expected %s; it reads as:\n%s", name, test_error_code_name (code), out);
    }
  g_assert_nonnull (error);
  if (error->domain != GOVSTATS_ERROR || error->code != code)
    g_error ("%s: expected %s, got %s %s (%d): %s", name, test_error_code_name (code),
             g_quark_to_string (error->domain),
             error->domain == GOVSTATS_ERROR ? test_error_code_name (error->code) : "", error->code,
             error->message);
  if (!g_str_has_prefix (error->message, path))
    g_error ("%s: the message does not start with the file path: %s", name, error->message);
  /* …followed by a position or a member, and a reason */
  g_assert_true (error->message[strlen (path)] == ':');
  g_assert_cmpuint (strlen (error->message), >, strlen (path) + 3);

  /* The same bytes from memory fail the same way, named "<data>". */
  contents = test_read_file (path, &length);
  report = govstats_report_new_from_data (contents, (gssize) length, &data_error);
  g_assert_null (report);
  g_assert_error (data_error, GOVSTATS_ERROR, code);
  g_assert_true (g_str_has_prefix (data_error->message, "<data>"));
  /* and say the same thing after the name */
  g_assert_cmpstr (data_error->message + strlen ("<data>"), ==, error->message + strlen (path));

  /* And from a GFile. */
  report = govstats_report_new_from_gfile (file, NULL, &gfile_error);
  g_assert_null (report);
  g_assert_error (gfile_error, GOVSTATS_ERROR, code);
}

/* The corpus itself: big enough, and every error code a file can cause is covered. */
static void
test_coverage (void)
{
  g_autofree char *valid_dir = test_data_path ("valid", NULL);
  g_autofree char *invalid_dir = test_data_path ("invalid", NULL);
  g_autoptr(GPtrArray) valid = test_list_dir (valid_dir, ".json");
  g_autoptr(GPtrArray) invalid = test_list_dir (invalid_dir, NULL);
  const int expected_codes[] = {
    GOVSTATS_ERROR_ENCODING, GOVSTATS_ERROR_PARSE, GOVSTATS_ERROR_INVALID_TYPE,
    GOVSTATS_ERROR_UNKNOWN_KEY, GOVSTATS_ERROR_VERSION_MISMATCH, GOVSTATS_ERROR_OUT_OF_RANGE,
    GOVSTATS_ERROR_INVALID_VALUE, GOVSTATS_ERROR_MISSING_MEMBER, GOVSTATS_ERROR_UNSUPPORTED,
  };
  guint seen[32] = { 0 };
  g_autoptr(GPtrArray) versions = g_ptr_array_new ();

  g_assert_cmpuint (valid->len, >=, 8);
  g_assert_cmpuint (invalid->len, >=, 15);
  for (guint i = 0; i < invalid->len; i++)
    {
      int code;
      if (!test_error_code_from_name (invalid->pdata[i], &code))
        g_error ("%s: not named after a GovstatsError code", (char *) invalid->pdata[i]);
      g_assert_cmpint (code, <, (int) G_N_ELEMENTS (seen));
      seen[code]++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected_codes); i++)
    if (seen[expected_codes[i]] == 0)
      g_error ("no invalid file for %s", test_error_code_name (expected_codes[i]));

  /* Valid files of both layouts. */
  for (guint i = 0; i < valid->len; i++)
    {
      g_autofree char *path = g_build_filename (valid_dir, valid->pdata[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GovstatsReport) report = govstats_report_new_from_file (path, &error);

      g_assert_no_error (error);
      if (!g_ptr_array_find_with_equal_func (versions, govstats_report_get_version (report), g_str_equal, NULL))
        g_ptr_array_add (versions, (gpointer) govstats_report_get_version (report));
    }
  g_assert_cmpuint (versions->len, ==, 2);

  /* Golden files belong to an input. */
  {
    g_autoptr(GPtrArray) expected = test_list_dir (valid_dir, ".expected");

    g_assert_cmpuint (expected->len, >=, 1);
    for (guint i = 0; i < expected->len; i++)
      {
        const char *name = expected->pdata[i];
        g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".expected"));
        g_autofree char *input = g_strconcat (stem, ".json", NULL);

        if (!g_ptr_array_find_with_equal_func (valid, input, g_str_equal, NULL))
          g_error ("%s has no input %s", name, input);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *valid_dir = NULL;
  g_autofree char *invalid_dir = NULL;
  g_autoptr(GPtrArray) valid = NULL;
  g_autoptr(GPtrArray) invalid = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  valid_dir = test_data_path ("valid", NULL);
  invalid_dir = test_data_path ("invalid", NULL);
  valid = test_list_dir (valid_dir, ".json");
  invalid = test_list_dir (invalid_dir, NULL);

  g_test_add_func ("/govstats/corpus/coverage", test_coverage);
  for (guint i = 0; i < valid->len; i++)
    {
      g_autofree char *p = g_strdup_printf ("/govstats/corpus/valid/%s", (char *) valid->pdata[i]);
      g_test_add_data_func (p, valid->pdata[i], test_valid);
    }
  for (guint i = 0; i < invalid->len; i++)
    {
      g_autofree char *p = g_strdup_printf ("/govstats/corpus/invalid/%s", (char *) invalid->pdata[i]);
      g_test_add_data_func (p, invalid->pdata[i], test_invalid);
    }

  ret = g_test_run ();
  return ret;
}
