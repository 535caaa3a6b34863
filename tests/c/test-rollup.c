/* test-rollup.c — GovstatsRollup from C: threads, sums, provenance, memory
 *
 * The Python and GJS suites test the consolidation of the sample county in
 * depth; these tests pin what only C can see.
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "test-util.h"

static char *
units_dir (const char *year)
{
  const char *root = g_getenv ("GOVSTATS_SOURCE_ROOT");

  return g_build_filename (root ? root : ".", "examples", "data", year, "units", NULL);
}

typedef struct {
  GThread  *main_thread;
  guint     events;
  guint     off_thread;
  guint     last_done;
  guint     last_total;
  gboolean  finished;
  gboolean  ok;
} Progress;

static void
on_progress (GovstatsRollup *rollup,
             guint           done,
             guint           total,
             gpointer        data)
{
  Progress *p = data;

  p->events++;
  if (g_thread_self () != p->main_thread)
    p->off_thread++;
  p->last_done = done;
  p->last_total = total;
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Progress *p = data;
  g_autoptr(GError) error = NULL;

  p->ok = govstats_rollup_add_files_finish (GOVSTATS_ROLLUP (source), result, &error);
  g_assert_no_error (error);
  p->finished = TRUE;
}

/* Regression: progress was emitted with g_main_context_invoke(), which runs
 * the handler at once in the worker thread whenever that thread can acquire
 * the caller's context: here the main thread sleeps without iterating its
 * context, so the worker could. Handlers must run in the caller's thread. */
static void
test_progress_in_caller_thread (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autofree char *dir = units_dir ("2021");
  const char *paths[] = { dir, NULL };
  Progress p = { g_thread_self (), 0 };

  g_signal_connect (rollup, "progress", G_CALLBACK (on_progress), &p);
  govstats_rollup_add_files_async (rollup, paths, NULL, on_added, &p);
  /* Let the worker finish while this thread does not iterate. */
  g_usleep (G_USEC_PER_SEC / 2);
  while (!p.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (p.ok);
  g_assert_cmpuint (p.events, >, 0);
  g_assert_cmpuint (p.off_thread, ==, 0);
  g_assert_cmpuint (p.last_done, ==, 59);
  g_assert_cmpuint (p.last_total, ==, 59);
  g_assert_cmpuint (govstats_rollup_get_n_units (rollup), ==, 58);
}

/* The sync path signals in the calling thread too, once per batch. */
static void
test_progress_sync (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autofree char *dir = units_dir ("2021");
  const char *paths[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  Progress p = { g_thread_self (), 0 };

  g_signal_connect (rollup, "progress", G_CALLBACK (on_progress), &p);
  g_assert_true (govstats_rollup_add_files (rollup, paths, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.events, ==, 1);
  g_assert_cmpuint (p.off_thread, ==, 0);
  g_assert_cmpuint (p.last_done, ==, 59);
}

/* Adding reports one by one gives the same cells as the loaded files, and
 * provenance reads the values back from the compact store. */
static void
test_sums_and_contributions (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autoptr(GovstatsReport) a = govstats_report_new_for_version ("2021", NULL);
  g_autoptr(GovstatsReport) b = govstats_report_new_for_version ("2021", NULL);
  g_autoptr(GovstatsReport) result = NULL;
  g_autoptr(GPtrArray) contributions = NULL;
  g_autoptr(GError) error = NULL;
  GovstatsContribution *c;
  gint64 value;

  govstats_report_set_unit_code (a, "A");
  govstats_report_set_unit_kind (a, GOVSTATS_UNIT_KIND_DEPARTMENT);
  govstats_report_set_year (a, 2021);
  govstats_report_set_unit_code (b, "B");
  govstats_report_set_unit_kind (b, GOVSTATS_UNIT_KIND_TOWN);
  govstats_report_set_year (b, 2021);
  g_assert_true (govstats_report_set_value_text (a, "art20_8/fees/amount", "4068.208", NULL));
  g_assert_true (govstats_report_set_value_text (b, "art20_8/fees/amount", "96171.6", NULL));
  govstats_report_set_value (a, "art20_5/licensing/decisions", G_GINT64_CONSTANT (4000000000000000000));
  govstats_rollup_add_report (rollup, a);
  govstats_rollup_add_report (rollup, b);
  result = govstats_rollup_consolidate (rollup);

  {
    g_autofree char *text = govstats_report_dup_value_text (result, "art20_8/fees/amount", NULL);
    g_assert_cmpstr (text, ==, "100239.808");
  }
  g_assert_true (govstats_report_get_value (result, "art20_5/licensing/decisions", &value));
  g_assert_cmpint (value, ==, G_GINT64_CONSTANT (4000000000000000000));
  /* Blank only where every unit is blank. */
  g_assert_true (govstats_report_is_blank (result, "applications/received/total"));
  g_assert_cmpint (govstats_report_get_scope (result), ==, GOVSTATS_SCOPE_AGGREGATE);

  g_assert_true (govstats_rollup_get_kind_value (rollup, "art20_8/fees/amount", GOVSTATS_UNIT_KIND_TOWN, &value));
  g_assert_cmpint (value, ==, G_GINT64_CONSTANT (961716000));
  g_assert_false (govstats_rollup_get_kind_value (rollup, "art20_8/fees/amount", GOVSTATS_UNIT_KIND_OTHER, &value));

  contributions = govstats_rollup_get_contributions (rollup, "art20_5/licensing/decisions", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contributions->len, ==, 2);
  c = contributions->pdata[0];
  g_assert_cmpstr (c->unit_code, ==, "A");
  g_assert_true (c->is_set);
  g_assert_cmpint (c->value, ==, G_GINT64_CONSTANT (4000000000000000000));
  c = contributions->pdata[1];
  g_assert_cmpstr (c->unit_code, ==, "B");
  g_assert_false (c->is_set);

  g_assert_null (govstats_rollup_get_contributions (rollup, "applications/withheld/total", &error));
  g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY);
}

/* A sum beyond 64 bits is a finding, and the cell keeps the part that fits. */
static void
test_overflow_is_a_finding (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autoptr(GovstatsReport) result = NULL;
  GPtrArray *findings;
  gboolean found = FALSE;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GovstatsReport) r = govstats_report_new_for_version ("2021", NULL);
      g_autofree char *code = g_strdup_printf ("U%u", i);
      govstats_report_set_unit_code (r, code);
      govstats_report_set_value (r, "art20_5/licensing/decisions", G_MAXINT64 - 1);
      govstats_rollup_add_report (rollup, r);
    }
  result = govstats_rollup_consolidate (rollup);
  findings = govstats_rollup_get_findings (rollup);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (govstats_finding_get_rule_id (findings->pdata[i]), "rollup.overflow"))
      {
        found = TRUE;
        g_assert_cmpstr (govstats_finding_get_unit_code (findings->pdata[i]), ==, "U1");
      }
  g_assert_true (found);
}

/* Regression: a report with every cell blank has nothing to store, and once
 * wrote a NULL buffer (undefined behaviour, seen by UBSan). */
static void
test_blank_report (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autoptr(GovstatsReport) blank = govstats_report_new_for_version ("2021", NULL);
  g_autoptr(GovstatsReport) result = NULL;
  g_autoptr(GPtrArray) contributions = NULL;

  govstats_report_set_unit_code (blank, "Z");
  govstats_rollup_add_report (rollup, blank);
  result = govstats_rollup_consolidate (rollup);
  g_assert_cmpuint (govstats_report_count_set_cells (result), ==, 0);
  contributions = govstats_rollup_get_contributions (rollup, "applications/received/total", NULL);
  g_assert_cmpuint (contributions->len, ==, 1);
  g_assert_false (((GovstatsContribution *) contributions->pdata[0])->is_set);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/govstats/rollup/progress/caller-thread", test_progress_in_caller_thread);
  g_test_add_func ("/govstats/rollup/progress/sync", test_progress_sync);
  g_test_add_func ("/govstats/rollup/sums-and-contributions", test_sums_and_contributions);
  g_test_add_func ("/govstats/rollup/overflow", test_overflow_is_a_finding);
  g_test_add_func ("/govstats/rollup/blank-report", test_blank_report);

  return g_test_run ();
}
