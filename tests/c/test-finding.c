/* test-finding.c — GovstatsFinding and GovstatsFindingList, the GListModel of findings
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "test-util.h"

/* What a view would see: every items-changed, applied to a mirror of the
 * model, and the property notifications. */
typedef struct {
  GPtrArray *mirror;     /* GovstatsFinding, borrowed */
  guint      changes;
  guint      last[3];    /* position, removed, added of the last change */
  guint      notify_n_items;
  guint      notify_n_errors;
  guint      notify_n_warnings;
} View;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    data)
{
  View *v = data;

  v->changes++;
  v->last[0] = position;
  v->last[1] = removed;
  v->last[2] = added;
  g_assert_cmpuint (position + removed, <=, v->mirror->len);
  g_ptr_array_remove_range (v->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GovstatsFinding) f = g_list_model_get_item (model, position + i);
      g_assert_nonnull (f);
      g_ptr_array_insert (v->mirror, (int) (position + i), f);
    }
  g_assert_cmpuint (v->mirror->len, ==, g_list_model_get_n_items (model));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    data)
{
  View *v = data;

  if (g_str_equal (pspec->name, "n-items"))
    v->notify_n_items++;
  else if (g_str_equal (pspec->name, "n-errors"))
    v->notify_n_errors++;
  else if (g_str_equal (pspec->name, "n-warnings"))
    v->notify_n_warnings++;
}

static void
view_watch (View                *v,
            GovstatsFindingList *list)
{
  v->mirror = g_ptr_array_new ();
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), v);
  g_signal_connect (list, "notify", G_CALLBACK (on_notify), v);
}

static void
view_assert_mirrors (View       *v,
                     GListModel *model)
{
  g_assert_cmpuint (v->mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < v->mirror->len; i++)
    g_assert_true (v->mirror->pdata[i] == govstats_finding_list_get_finding (GOVSTATS_FINDING_LIST (model), i));
}

static GovstatsFinding *
finding (const char      *rule,
         GovstatsSeverity severity)
{
  return govstats_finding_new (rule, severity, "中文", "English");
}

static void
test_model_basics (void)
{
  g_autoptr(GovstatsFindingList) list = govstats_finding_list_new ();
  g_autoptr(GovstatsFinding) a = finding ("a", GOVSTATS_SEVERITY_ERROR);
  g_autoptr(GovstatsFinding) b = finding ("b", GOVSTATS_SEVERITY_WARNING);
  GType item_type = G_TYPE_INVALID;
  guint n_items = 99;

  g_assert_true (G_IS_LIST_MODEL (list));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == GOVSTATS_TYPE_FINDING);
  g_object_get (list, "item-type", &item_type, "n-items", &n_items, NULL);
  g_assert_true (item_type == GOVSTATS_TYPE_FINDING);
  g_assert_cmpuint (n_items, ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));

  govstats_finding_list_append (list, a);
  govstats_finding_list_append (list, b);
  g_object_get (list, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 2);
  g_assert_true (govstats_finding_list_get_finding (list, 1) == b);
  g_assert_null (govstats_finding_list_get_finding (list, 2));
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, 1);
  g_assert_cmpuint (govstats_finding_list_get_n_warnings (list), ==, 1);

  /* The list holds its own references. */
  govstats_finding_list_remove_all (list);
  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
  g_assert_finalize_object (g_steal_pointer (&list));
}

/* Replacing the findings signals only the part between the findings kept at
 * both ends, and a view applying the signals ends up with the same list. */
static void
test_set_findings_diff (void)
{
  g_autoptr(GovstatsFindingList) list = govstats_finding_list_new ();
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  View v = { 0 };

  view_watch (&v, list);
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (first, finding ("r", i % 2 ? GOVSTATS_SEVERITY_WARNING : GOVSTATS_SEVERITY_ERROR));
  govstats_finding_list_set_findings (list, first);
  g_assert_cmpuint (v.changes, ==, 1);
  g_assert_cmpuint (v.notify_n_items, ==, 1);
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, 3);
  g_assert_cmpuint (govstats_finding_list_get_n_warnings (list), ==, 2);
  view_assert_mirrors (&v, G_LIST_MODEL (list));

  /* The same findings again: no signal at all. */
  govstats_finding_list_set_findings (list, first);
  g_assert_cmpuint (v.changes, ==, 1);
  g_assert_cmpuint (v.notify_n_items, ==, 1);

  /* Keep 0, 1 and 4; replace 2 and 3 by three new errors. */
  g_ptr_array_add (second, g_object_ref (first->pdata[0]));
  g_ptr_array_add (second, g_object_ref (first->pdata[1]));
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (second, finding ("s", GOVSTATS_SEVERITY_ERROR));
  g_ptr_array_add (second, g_object_ref (first->pdata[4]));
  govstats_finding_list_set_findings (list, second);
  g_assert_cmpuint (v.changes, ==, 2);
  g_assert_cmpuint (v.last[0], ==, 2);
  g_assert_cmpuint (v.last[1], ==, 2);
  g_assert_cmpuint (v.last[2], ==, 3);
  view_assert_mirrors (&v, G_LIST_MODEL (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);
  g_assert_cmpuint (v.notify_n_items, ==, 2);
  /* errors: 0, 4 and the three new ones; warnings: 1 (3 was replaced). */
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, 5);
  g_assert_cmpuint (govstats_finding_list_get_n_warnings (list), ==, 1);
  g_assert_cmpuint (v.notify_n_errors, ==, 2);
  g_assert_cmpuint (v.notify_n_warnings, ==, 2);

  /* Clearing: one signal removing everything. */
  govstats_finding_list_set_findings (list, NULL);
  g_assert_cmpuint (v.changes, ==, 3);
  g_assert_cmpuint (v.mirror->len, ==, 0);
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, 0);
  g_assert_cmpuint (v.notify_n_errors, ==, 3);
  govstats_finding_list_remove_all (list);
  g_assert_cmpuint (v.changes, ==, 3);
  g_ptr_array_unref (v.mirror);
}

/* Waived and uncertain findings are neither errors nor warnings, as in the
 * summary of `govstats check`. */
static void
test_counts_like_the_command_line (void)
{
  g_autoptr(GovstatsFindingList) list = govstats_finding_list_new ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  GovstatsFinding *f;
  guint n_errors = 0, n_warnings = 0;

  g_ptr_array_add (findings, finding ("broken", GOVSTATS_SEVERITY_ERROR));
  f = finding ("waived", GOVSTATS_SEVERITY_ERROR);
  govstats_finding_waive (f, "checked by phone", "clerk");
  g_ptr_array_add (findings, f);
  f = finding ("uncertain", GOVSTATS_SEVERITY_ERROR);
  govstats_finding_set_outcome (f, GOVSTATS_OUTCOME_UNCERTAIN);
  g_ptr_array_add (findings, f);
  g_ptr_array_add (findings, finding ("warn", GOVSTATS_SEVERITY_WARNING));
  g_ptr_array_add (findings, finding ("info", GOVSTATS_SEVERITY_INFO));
  govstats_finding_list_set_findings (list, findings);
  g_object_get (list, "n-errors", &n_errors, "n-warnings", &n_warnings, NULL);
  g_assert_cmpuint (n_errors, ==, 1);
  g_assert_cmpuint (n_warnings, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
}

/* A single report's check results as a model: the counts equal the
 * findings of the rule set's check. */
static void
test_report_check_as_model (void)
{
  g_autoptr(GError) error = NULL;
  const char *root = g_getenv ("GOVSTATS_SOURCE_ROOT");
  g_autofree char *file = g_build_filename (root ? root : ".", "examples", "data", "2021", "units", "D10.json", NULL);
  g_autoptr(GovstatsReport) report = govstats_report_new_from_file (file, &error);
  g_autoptr(GovstatsRuleSet) rules = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GovstatsFindingList) list = govstats_finding_list_new ();
  guint errors = 0;

  g_assert_no_error (error);
  rules = govstats_rule_set_new (govstats_report_get_schema (report), &error);
  g_assert_no_error (error);
  findings = govstats_rule_set_check (rules, report, NULL);
  for (guint i = 0; i < findings->len; i++)
    errors += govstats_finding_counts_as_error (findings->pdata[i]);
  g_assert_cmpuint (errors, >, 0);   /* D10 breaks applications.outcome_sum */
  govstats_finding_list_set_findings (list, findings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, findings->len);
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, errors);
  for (guint i = 0; i < findings->len; i++)
    g_assert_true (govstats_finding_list_get_finding (list, i) == findings->pdata[i]);
}

/* What an items-changed handler sees of the list and of the rollup. */
typedef struct {
  GovstatsRollup *rollup;
  GArray         *seen;    /* guint ×5 a change: n_items, list n-errors, n-warnings, rollup n-findings, n-errors */
} Inside;

static void
on_items_changed_inside (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         gpointer    data)
{
  Inside *in = data;
  guint v[5];

  v[0] = g_list_model_get_n_items (model);
  g_object_get (model, "n-errors", &v[1], "n-warnings", &v[2], NULL);
  g_object_get (in->rollup, "n-findings", &v[3], "n-errors", &v[4], NULL);
  g_array_append_vals (in->seen, v, 5);
}

/* Regression: items-changed was emitted before the counts were updated, so
 * a handler saw 27 findings and 0 errors, and after another report 0
 * findings and 16 errors. */
static void
test_counts_before_items_changed (void)
{
  const char *root = g_getenv ("GOVSTATS_SOURCE_ROOT");
  g_autofree char *dir = g_build_filename (root ? root : ".", "examples", "data", "2021", "units", NULL);
  g_autofree char *one = g_build_filename (dir, "D10.json", NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autoptr(GovstatsReport) result = NULL;
  GovstatsFindingList *model = govstats_rollup_get_findings_model (rollup);
  Inside in = { rollup, g_array_new (FALSE, FALSE, sizeof (guint)) };
  GPtrArray *findings;
  guint errors = 0, warnings = 0, *v;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_inside), &in);
  g_assert_true (govstats_rollup_add_files (rollup, paths, NULL, NULL));
  result = govstats_rollup_consolidate (rollup);
  findings = govstats_rollup_get_findings (rollup);
  for (guint i = 0; i < findings->len; i++)
    {
      GovstatsFinding *f = findings->pdata[i];
      if (govstats_finding_is_waived (f) || govstats_finding_get_outcome (f) == GOVSTATS_OUTCOME_UNCERTAIN)
        continue;
      errors += govstats_finding_get_severity (f) == GOVSTATS_SEVERITY_ERROR;
      warnings += govstats_finding_get_severity (f) == GOVSTATS_SEVERITY_WARNING;
    }
  g_assert_cmpuint (errors, >, 0);
  g_assert_cmpuint (in.seen->len, ==, 5);
  v = &g_array_index (in.seen, guint, 0);
  g_assert_cmpuint (v[0], ==, findings->len);
  g_assert_cmpuint (v[1], ==, errors);
  g_assert_cmpuint (v[2], ==, warnings);
  g_assert_cmpuint (v[3], ==, findings->len);
  g_assert_cmpuint (v[4], ==, errors);

  /* Another report empties the model: inside the handler, nothing is left. */
  g_assert_true (govstats_rollup_add_file (rollup, one, NULL));
  g_assert_cmpuint (in.seen->len, ==, 10);
  v = &g_array_index (in.seen, guint, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (v[i], ==, 0);
  g_array_unref (in.seen);
}

/* Regression: waiving a finding already in a list left the list's errors
 * as they were. The list follows its findings' waived and outcome, with a
 * finding that is twice in it counted twice, and forgets a finding once it
 * is removed; the rollup's counts follow its model. */
static void
test_counts_follow_the_findings (void)
{
  g_autoptr(GovstatsFindingList) list = govstats_finding_list_new ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GovstatsFinding) twice = finding ("twice", GOVSTATS_SEVERITY_ERROR);
  g_autoptr(GovstatsFinding) gone = NULL;
  View v = { 0 };
  gboolean waived = FALSE;

  view_watch (&v, list);
  g_ptr_array_add (findings, finding ("a", GOVSTATS_SEVERITY_ERROR));
  g_ptr_array_add (findings, finding ("b", GOVSTATS_SEVERITY_ERROR));
  g_ptr_array_add (findings, finding ("w", GOVSTATS_SEVERITY_WARNING));
  g_ptr_array_add (findings, g_object_ref (twice));
  g_ptr_array_add (findings, g_object_ref (twice));
  govstats_finding_list_set_findings (list, findings);
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, 4);
  g_assert_cmpuint (govstats_finding_list_get_n_warnings (list), ==, 1);
  v.notify_n_errors = v.notify_n_warnings = 0;

  govstats_finding_waive (findings->pdata[0], "checked", "clerk");
  g_object_get (findings->pdata[0], "waived", &waived, NULL);
  g_assert_true (waived);
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, 3);
  g_assert_cmpuint (v.notify_n_errors, ==, 1);
  /* Waiving again changes nothing. */
  govstats_finding_waive (findings->pdata[0], "checked again", "clerk");
  g_assert_cmpuint (v.notify_n_errors, ==, 1);

  govstats_finding_set_outcome (findings->pdata[1], GOVSTATS_OUTCOME_UNCERTAIN);
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, 2);
  govstats_finding_set_outcome (findings->pdata[1], GOVSTATS_OUTCOME_FAILED);
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, 3);
  govstats_finding_waive (twice, NULL, NULL);
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, 1);
  govstats_finding_waive (findings->pdata[2], NULL, NULL);
  g_assert_cmpuint (govstats_finding_list_get_n_warnings (list), ==, 0);
  g_assert_cmpuint (v.notify_n_warnings, ==, 1);
  g_assert_cmpuint (v.notify_n_errors, ==, 4);
  g_assert_cmpuint (v.changes, ==, 1);   /* counts change, the items do not */

  /* Removed, a finding no longer counts in the list. */
  gone = g_object_ref (findings->pdata[1]);
  g_ptr_array_remove_index (findings, 1);
  govstats_finding_list_set_findings (list, findings);
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, 0);
  govstats_finding_set_outcome (gone, GOVSTATS_OUTCOME_UNCERTAIN);
  govstats_finding_set_outcome (gone, GOVSTATS_OUTCOME_FAILED);
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, 0);
  govstats_finding_list_remove_all (list);
  g_assert_cmpuint (govstats_finding_list_get_n_errors (list), ==, 0);
  g_assert_cmpuint (govstats_finding_list_get_n_warnings (list), ==, 0);
  g_ptr_array_unref (v.mirror);
}

/* The rollup's n-errors follows a waiver of a finding of its model. */
static void
test_rollup_counts_follow_a_waiver (void)
{
  const char *root = g_getenv ("GOVSTATS_SOURCE_ROOT");
  g_autofree char *dir = g_build_filename (root ? root : ".", "examples", "data", "2021", "units", NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autoptr(GovstatsReport) result = NULL;
  GovstatsFindingList *model = govstats_rollup_get_findings_model (rollup);
  GovstatsFinding *error = NULL;
  guint before = 0, after = 0, n_findings = 0;

  g_assert_true (govstats_rollup_add_files (rollup, paths, NULL, NULL));
  result = govstats_rollup_consolidate (rollup);
  g_object_get (rollup, "n-errors", &before, NULL);
  g_assert_cmpuint (before, >, 0);
  for (guint i = 0; error == NULL; i++)
    {
      GovstatsFinding *f = govstats_finding_list_get_finding (model, i);
      g_assert_nonnull (f);
      if (govstats_finding_counts_as_error (f))
        error = f;
    }
  govstats_finding_waive (error, "accepted", "county office");
  g_object_get (rollup, "n-errors", &after, "n-findings", &n_findings, NULL);
  g_assert_cmpuint (after, ==, before - 1);
  g_assert_cmpuint (govstats_finding_list_get_n_errors (model), ==, before - 1);
  g_assert_cmpuint (n_findings, ==, govstats_rollup_get_findings (rollup)->len);
}


/* Regressions: each case states the input, what the library must do, and
 * what it once did. */

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

  g_test_add_func ("/govstats/finding-list/basics", test_model_basics);
  g_test_add_func ("/govstats/finding-list/set-findings/diff", test_set_findings_diff);
  g_test_add_func ("/govstats/finding-list/counts", test_counts_like_the_command_line);
  g_test_add_func ("/govstats/finding-list/report-check", test_report_check_as_model);
  g_test_add_func ("/govstats/finding-list/counts-before-items-changed", test_counts_before_items_changed);
  g_test_add_func ("/govstats/finding-list/counts-follow-findings", test_counts_follow_the_findings);
  g_test_add_func ("/govstats/finding-list/rollup-counts-follow-a-waiver", test_rollup_counts_follow_a_waiver);

  g_test_add_func ("/govstats/finding/set-own-cells", test_finding_set_own_cells);

  return g_test_run ();
}
