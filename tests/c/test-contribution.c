/* test-contribution.c — exact texts of contributions, kind parts and finding values from C
 *
 * The bindings read amounts through these texts; the tests here compute the
 * expected texts independently, from the unit files themselves.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "test-util.h"

static char *
sample_path (const char *year,
             const char *leaf)
{
  const char *root = g_getenv ("GOVSTATS_SOURCE_ROOT");

  return g_build_filename (root ? root : ".", "examples", "data", year, leaf, NULL);
}

static GovstatsRollup *
sample_rollup (const char *year)
{
  g_autofree char *dir = sample_path (year, "units");
  g_autofree char *roster_path = sample_path (year, "roster.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GovstatsRoster) roster = govstats_roster_new_from_file (roster_path, &error);
  const char *paths[] = { dir, NULL };
  GovstatsRollup *rollup = govstats_rollup_new ();

  g_assert_no_error (error);
  govstats_rollup_set_roster (rollup, roster);
  g_assert_true (govstats_rollup_add_files (rollup, paths, NULL, &error));
  g_assert_no_error (error);
  return rollup;
}

/* Each contribution's text is the unit's own cell text, read from its file;
 * each kind's part is the sum of its units' values, formatted by a report. */
static void
check_cell (GovstatsRollup *rollup,
            const char     *path,
            GovstatsValueKind expected_kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contributions = NULL;
  g_autoptr(GovstatsReport) scratch = govstats_report_new_for_version ("2021", &error);
  gint64 sums[GOVSTATS_UNIT_KIND_OTHER + 1] = { 0 };
  gboolean any[GOVSTATS_UNIT_KIND_OTHER + 1] = { FALSE };
  GovstatsValueKind kind = -1;
  guint n_set = 0;

  g_assert_no_error (error);
  g_assert_true (govstats_rollup_check_path (rollup, path, &kind, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, expected_kind);

  contributions = govstats_rollup_get_contributions (rollup, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contributions->len, ==, govstats_rollup_get_n_units (rollup));
  for (guint i = 0; i < contributions->len; i++)
    {
      const GovstatsContribution *c = contributions->pdata[i];
      g_autoptr(GovstatsReport) unit = govstats_report_new_from_file (c->file, &error);
      g_autofree char *from_file = NULL;
      g_autofree char *text = govstats_contribution_dup_value_text (c);

      g_assert_no_error (error);
      g_assert_cmpint (c->value_kind, ==, expected_kind);
      from_file = govstats_report_dup_value_text (unit, path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, from_file);
      if (c->is_set)
        {
          n_set++;
          sums[c->unit_kind] += c->value;
          any[c->unit_kind] = TRUE;
        }
    }
  g_assert_cmpuint (n_set, >, 10);

  for (int k = GOVSTATS_UNIT_KIND_GOVERNMENT; k <= GOVSTATS_UNIT_KIND_OTHER; k++)
    {
      g_autofree char *part = govstats_rollup_dup_kind_value_text (rollup, path, k, &error);
      g_autofree char *expected = NULL;

      g_assert_no_error (error);
      if (any[k])
        {
          govstats_report_set_value (scratch, path, sums[k]);
          expected = govstats_report_dup_value_text (scratch, path, &error);
          g_assert_no_error (error);
        }
      g_assert_cmpstr (part, ==, expected);
    }
}

static void
test_amount_texts (void)
{
  g_autoptr(GovstatsRollup) rollup = sample_rollup ("2021");

  check_cell (rollup, "art20_8/fees/amount", GOVSTATS_VALUE_KIND_AMOUNT);
  check_cell (rollup, "applications/received/total", GOVSTATS_VALUE_KIND_COUNT);
}

static void
test_bad_paths (void)
{
  g_autoptr(GovstatsRollup) rollup = sample_rollup ("2021");
  const char *bad[] = { "applications/received", "nosuch/row/col", "applications/nosuch/total",
                        "applications/received/nosuch", "", "art20_8/fees/amount/extra" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) error2 = NULL;
      GovstatsValueKind kind = GOVSTATS_VALUE_KIND_DELTA;
      g_autofree char *text = NULL;

      g_assert_false (govstats_rollup_check_path (rollup, bad[i], &kind, &error));
      g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY);
      text = govstats_rollup_dup_kind_value_text (rollup, bad[i], GOVSTATS_UNIT_KIND_TOWN, &error2);
      g_assert_null (text);
      g_assert_error (error2, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY);
    }
}

/* A balance finding on counts says COUNT; the fee rule's finding AMOUNT. */
static void
test_finding_value_kind (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = sample_path ("2021", "units");
  g_autofree char *d01 = g_build_filename (file, "D01.json", NULL);
  g_autoptr(GovstatsReport) report = govstats_report_new_from_file (d01, &error);
  g_autoptr(GPtrArray) findings = NULL;
  gint64 received;
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_true (govstats_report_get_value (report, "applications/received/total", &received));
  govstats_report_set_value (report, "applications/received/total", received + 5);
  findings = govstats_report_check (report, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      GovstatsFinding *f = findings->pdata[i];
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;

      if (g_strcmp0 (govstats_finding_get_rule_id (f), "applications.balance") != 0)
        continue;
      found = TRUE;
      g_assert_cmpint (govstats_finding_get_value_kind (f), ==, GOVSTATS_VALUE_KIND_COUNT);
      expected = govstats_finding_dup_expected_text (f);
      actual = govstats_finding_dup_actual_text (f);
      g_assert_nonnull (expected);
      g_assert_nonnull (actual);
      /* The received total was raised by 5: one side of the balance moved by 5. */
      g_assert_cmpint (ABS (g_ascii_strtoll (actual, NULL, 10) - g_ascii_strtoll (expected, NULL, 10)),
                       ==, 5);
    }
  g_assert_true (found);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/contribution/amount-texts", test_amount_texts);
  g_test_add_func ("/contribution/bad-paths", test_bad_paths);
  g_test_add_func ("/contribution/finding-value-kind", test_finding_value_kind);
  return g_test_run ();
}
