/* test-rollup.c — GovstatsRollup from C: threads, sums, provenance, memory
 *
 * The Python and GJS suites test the consolidation of the sample county in
 * depth; these tests pin what only C can see.
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "test-util.h"
#include "govstats-rollup-private.h"

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
  guint     not_growing;   /* signals whose done was not above the last */
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

  if (p->events > 0 && done <= p->last_done)
    p->not_growing++;
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
  g_assert_cmpuint (p.not_growing, ==, 0);
  g_assert_cmpuint (p.last_done, ==, 59);
  g_assert_cmpuint (p.last_total, ==, 59);
  g_assert_cmpuint (govstats_rollup_get_n_units (rollup), ==, 58);
}

/* The sync path signals in the calling thread too, at most once a file,
 * done growing, ending at the total. */
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
  g_assert_cmpuint (p.events, >=, 1);
  g_assert_cmpuint (p.events, <=, 59);
  g_assert_cmpuint (p.not_growing, ==, 0);
  g_assert_cmpuint (p.off_thread, ==, 0);
  g_assert_cmpuint (p.last_done, ==, 59);
  g_assert_cmpuint (p.last_total, ==, 59);
}

/* ---------- pacing of progress, with a clock that moves on at each read ---------- */

typedef struct {
  gint64 now;
  gint64 step;
  guint  reads;
} StepClock;

static gint64
step_clock (gpointer data)
{
  StepClock *c = data;

  c->reads++;
  c->now += c->step;
  return c->now;
}

typedef struct {
  gint64       step_ms;
  const char  *expected;   /* the done values of the signals */
} PaceCase;

/* 59 files. The clock is read at the start and after every file but the
 * last: with 150 ms a file every file is signalled; with 40 ms, every
 * third (120 ms after the last signal), then the last; a clock standing
 * still gives the last signal only. */
static const PaceCase pace_cases[] = {
  { 150, "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,"
         "31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59" },
  { 100, "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,"
         "31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59" },
  { 99, "2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,38,40,42,44,46,48,50,52,54,56,58,59" },
  { 40, "3,6,9,12,15,18,21,24,27,30,33,36,39,42,45,48,51,54,57,59" },
  { 0, "59" },
};

typedef struct {
  GThread *main_thread;
  GString *done;            /* "d,d,…" */
  guint    off_thread;
  guint    bad_total;
  guint    props_lagging;   /* a signal whose n-files-done was not its done */
  guint    n_units_ahead;   /* n-units above done */
  gboolean finished;
} Signals;

static void
on_paced_progress (GovstatsRollup *rollup,
                   guint           done,
                   guint           total,
                   gpointer        data)
{
  Signals *s = data;

  g_string_append_printf (s->done, "%s%u", s->done->len ? "," : "", done);
  if (g_thread_self () != s->main_thread)
    s->off_thread++;
  if (total != 59)
    s->bad_total++;
  if (govstats_rollup_get_n_files_done (rollup) != done || govstats_rollup_get_n_files (rollup) != total)
    s->props_lagging++;
  {
    guint n_units = 0;
    g_object_get (rollup, "n-units", &n_units, NULL);
    if (n_units > done)
      s->n_units_ahead++;
  }
}

static void
test_progress_paced (gconstpointer data)
{
  const PaceCase *c = data;
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autofree char *dir = units_dir ("2021");
  const char *paths[] = { dir, NULL };
  StepClock clock = { 0, c->step_ms * G_TIME_SPAN_MILLISECOND };
  Signals s = { g_thread_self (), g_string_new (NULL) };

  govstats_rollup_set_clock (rollup, step_clock, &clock);
  g_signal_connect (rollup, "progress", G_CALLBACK (on_paced_progress), &s);
  g_assert_true (govstats_rollup_add_files (rollup, paths, NULL, NULL));
  g_assert_cmpstr (s.done->str, ==, c->expected);
  g_assert_cmpuint (clock.reads, ==, 59);   /* the start and 58 files */
  g_assert_cmpuint (s.off_thread, ==, 0);
  g_assert_cmpuint (s.bad_total, ==, 0);
  g_assert_cmpuint (s.props_lagging, ==, 0);
  g_assert_cmpuint (s.n_units_ahead, ==, 0);
  g_string_free (s.done, TRUE);
}

static void
on_paced_added (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  Signals *s = data;

  g_assert_true (govstats_rollup_add_files_finish (GOVSTATS_ROLLUP (source), result, NULL));
  /* Everything is shown before the callback. */
  g_assert_false (govstats_rollup_is_busy (GOVSTATS_ROLLUP (source)));
  g_assert_cmpuint (govstats_rollup_get_n_files_done (GOVSTATS_ROLLUP (source)), ==, 59);
  /* The last signal is 59; a slow context may have had that one only. */
  g_assert_true (g_str_equal (s->done->str, "59") || g_str_has_suffix (s->done->str, ",59"));
  s->finished = TRUE;
}

/* In the background, the signals decided by the adding thread reach the
 * caller's context, where some may be merged if it is slow to run: what
 * arrives is a growing part of what was decided, with the last one, and
 * the properties already show it. */
static void
test_progress_paced_async (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autofree char *dir = units_dir ("2021");
  const char *paths[] = { dir, NULL };
  StepClock clock = { 0, 40 * G_TIME_SPAN_MILLISECOND };
  Signals s = { g_thread_self (), g_string_new (NULL) };
  g_auto(GStrv) got = NULL;
  g_auto(GStrv) decided = g_strsplit (pace_cases[3].expected, ",", -1);
  guint j = 0;

  govstats_rollup_set_clock (rollup, step_clock, &clock);
  g_signal_connect (rollup, "progress", G_CALLBACK (on_paced_progress), &s);
  govstats_rollup_add_files_async (rollup, paths, NULL, on_paced_added, &s);
  g_assert_true (govstats_rollup_is_busy (rollup));
  while (!s.finished)
    g_main_context_iteration (NULL, TRUE);

  got = g_strsplit (s.done->str, ",", -1);
  g_assert_cmpuint (g_strv_length (got), >=, 1);
  for (guint i = 0; got[i]; i++)
    {
      while (decided[j] && !g_str_equal (decided[j], got[i]))
        j++;
      g_assert_nonnull (decided[j]);   /* decided, and after the one before */
      j++;
    }
  g_assert_cmpstr (got[g_strv_length (got) - 1], ==, "59");
  g_assert_cmpuint (s.off_thread, ==, 0);
  g_assert_cmpuint (s.bad_total, ==, 0);
  g_assert_cmpuint (s.props_lagging, ==, 0);
  g_assert_cmpuint (s.n_units_ahead, ==, 0);
  g_string_free (s.done, TRUE);
}

/* ---------- state as properties ---------- */

typedef struct {
  GThread    *main_thread;
  GHashTable *notified;     /* property name → count */
  guint       off_thread;
  GPtrArray  *busy_values;  /* busy as notified, GUINT_TO_POINTER (0 / 1) */
  gint        model_items;  /* the sum of added − removed of items-changed */
  guint       model_changes;
} Watch;

static void
on_rollup_notify (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    data)
{
  Watch *w = data;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (w->notified, pspec->name));

  g_hash_table_insert (w->notified, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
  if (g_thread_self () != w->main_thread)
    w->off_thread++;
  if (g_str_equal (pspec->name, "busy"))
    g_ptr_array_add (w->busy_values, GUINT_TO_POINTER (govstats_rollup_is_busy (GOVSTATS_ROLLUP (object))));
}

static void
on_model_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    data)
{
  Watch *w = data;

  w->model_items += (gint) added - (gint) removed;
  w->model_changes++;
  if (g_thread_self () != w->main_thread)
    w->off_thread++;
}

static guint
notified (Watch      *w,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (w->notified, name));
}

static void
watch_init (Watch          *w,
            GovstatsRollup *rollup)
{
  w->main_thread = g_thread_self ();
  w->notified = g_hash_table_new (g_str_hash, g_str_equal);
  w->busy_values = g_ptr_array_new ();
  g_signal_connect (rollup, "notify", G_CALLBACK (on_rollup_notify), w);
  g_signal_connect (govstats_rollup_get_findings_model (rollup), "items-changed", G_CALLBACK (on_model_changed), w);
}

static void
watch_clear (Watch *w)
{
  g_hash_table_unref (w->notified);
  g_ptr_array_unref (w->busy_values);
}

static guint
get_uint (gpointer    object,
          const char *name)
{
  guint value = G_MAXUINT;

  g_object_get (object, name, &value, NULL);
  return value;
}

/* The summary of `govstats rollup`: waived and uncertain findings are
 * neither errors nor warnings. */
static void
count_summary (GPtrArray *findings,
               guint     *errors,
               guint     *warnings)
{
  *errors = *warnings = 0;
  for (guint i = 0; i < findings->len; i++)
    {
      GovstatsFinding *f = findings->pdata[i];
      if (govstats_finding_is_waived (f) || govstats_finding_get_outcome (f) == GOVSTATS_OUTCOME_UNCERTAIN)
        continue;
      if (govstats_finding_get_severity (f) == GOVSTATS_SEVERITY_ERROR)
        (*errors)++;
      else if (govstats_finding_get_severity (f) == GOVSTATS_SEVERITY_WARNING)
        (*warnings)++;
    }
}

static void
test_properties_sample_county (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autofree char *dir = units_dir ("2021");
  g_autofree char *roster_file = g_build_filename (dir, "..", "roster.json", NULL);
  g_autoptr(GovstatsRoster) roster = govstats_roster_new_from_file (roster_file, NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(GovstatsReport) result = NULL;
  g_autoptr(GovstatsReport) again = NULL;
  g_autoptr(GovstatsReport) extra = govstats_report_new_for_version ("2021", NULL);
  g_autoptr(GovstatsRoster) got_roster = NULL;
  g_autoptr(GovstatsFindingList) got_model = NULL;
  g_autofree char *name = NULL;
  GovstatsFindingList *model = govstats_rollup_get_findings_model (rollup);
  GPtrArray *findings;
  guint errors, warnings;
  gboolean busy = TRUE;
  Watch w = { 0 };

  watch_init (&w, rollup);
  g_assert_nonnull (roster);

  /* Nothing yet. */
  g_assert_cmpuint (get_uint (rollup, "n-units"), ==, 0);
  g_assert_cmpuint (get_uint (rollup, "n-findings"), ==, 0);
  g_object_get (rollup, "busy", &busy, "findings-model", &got_model, NULL);
  g_assert_false (busy);
  g_assert_true (got_model == model);

  /* The roster, and the name it gives. */
  govstats_rollup_set_roster (rollup, roster);
  g_assert_cmpuint (notified (&w, "roster"), ==, 1);
  g_assert_cmpuint (notified (&w, "name"), ==, 1);
  g_object_get (rollup, "roster", &got_roster, "name", &name, NULL);
  g_assert_true (got_roster == roster);
  g_assert_cmpstr (name, ==, govstats_roster_get_name (roster));
  govstats_rollup_set_roster (rollup, roster);
  g_object_set (rollup, "name", govstats_roster_get_name (roster), NULL);
  g_assert_cmpuint (notified (&w, "roster"), ==, 1);
  g_assert_cmpuint (notified (&w, "name"), ==, 1);   /* the name shown did not change */
  g_object_set (rollup, "name", "示例县人民政府", NULL);
  g_object_set (rollup, "name", "示例县人民政府", NULL);
  g_assert_cmpuint (notified (&w, "name"), ==, 2);
  g_assert_cmpstr (govstats_rollup_get_name (rollup), ==, "示例县人民政府");

  /* 59 files of 58 units (D07 twice). */
  g_assert_true (govstats_rollup_add_files (rollup, paths, NULL, NULL));
  g_assert_cmpuint (get_uint (rollup, "n-files"), ==, 59);
  g_assert_cmpuint (get_uint (rollup, "n-files-done"), ==, 59);
  g_assert_cmpuint (get_uint (rollup, "n-units"), ==, 58);
  g_assert_cmpuint (get_uint (rollup, "n-units"), ==, govstats_rollup_get_n_units (rollup));
  g_assert_cmpuint (notified (&w, "n-files"), ==, 1);
  g_assert_cmpuint (notified (&w, "n-files-done"), >=, 1);
  g_assert_cmpuint (notified (&w, "n-files-done"), <=, 59);
  g_assert_cmpuint (notified (&w, "n-units"), >=, 1);
  g_assert_cmpuint (notified (&w, "n-units"), <=, 59);
  g_assert_cmpuint (w.busy_values->len, ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (w.busy_values->pdata[0]), ==, TRUE);
  g_assert_cmpuint (GPOINTER_TO_UINT (w.busy_values->pdata[1]), ==, FALSE);
  g_assert_cmpuint (notified (&w, "n-findings"), ==, 0);
  g_assert_cmpuint (w.model_changes, ==, 0);

  /* The findings, by severity. */
  result = govstats_rollup_consolidate (rollup);
  findings = govstats_rollup_get_findings (rollup);
  count_summary (findings, &errors, &warnings);
  g_assert_cmpuint (findings->len, ==, 27);
  g_assert_cmpuint (errors, ==, 16);
  g_assert_cmpuint (warnings, ==, 9);
  g_assert_cmpuint (get_uint (rollup, "n-findings"), ==, findings->len);
  g_assert_cmpuint (get_uint (rollup, "n-errors"), ==, errors);
  g_assert_cmpuint (get_uint (rollup, "n-warnings"), ==, warnings);
  g_assert_cmpuint (get_uint (model, "n-items"), ==, findings->len);
  g_assert_cmpint (w.model_items, ==, (gint) findings->len);
  g_assert_cmpuint (w.model_changes, ==, 1);
  for (guint i = 0; i < findings->len; i++)
    g_assert_true (govstats_finding_list_get_finding (model, i) == findings->pdata[i]);
  g_assert_cmpuint (notified (&w, "n-findings"), ==, 1);
  g_assert_cmpuint (notified (&w, "n-errors"), ==, 1);
  g_assert_cmpuint (notified (&w, "n-warnings"), ==, 1);

  /* Consolidating again makes some findings anew: the model follows, and
   * the counts, unchanged, are not notified. */
  again = govstats_rollup_consolidate (rollup);
  findings = govstats_rollup_get_findings (rollup);
  g_assert_cmpuint (findings->len, ==, 27);
  g_assert_cmpint (w.model_items, ==, 27);
  for (guint i = 0; i < findings->len; i++)
    g_assert_true (govstats_finding_list_get_finding (model, i) == findings->pdata[i]);
  g_assert_cmpuint (notified (&w, "n-findings"), ==, 1);
  g_assert_cmpuint (notified (&w, "n-errors"), ==, 1);

  /* Another report: the findings are out of date, and the model empty. */
  govstats_report_set_unit_code (extra, "X99");
  govstats_report_set_year (extra, 2021);
  govstats_rollup_add_report (rollup, extra);
  g_assert_cmpuint (get_uint (rollup, "n-units"), ==, 59);
  g_assert_cmpuint (get_uint (rollup, "n-findings"), ==, 0);
  g_assert_cmpuint (get_uint (rollup, "n-errors"), ==, 0);
  g_assert_cmpint (w.model_items, ==, 0);
  g_assert_cmpuint (notified (&w, "n-findings"), ==, 2);
  g_assert_cmpuint (notified (&w, "n-errors"), ==, 2);
  g_assert_cmpuint (w.off_thread, ==, 0);
  watch_clear (&w);
}

/* In the background, every notification and model change comes in the
 * caller's thread, and the state is final before the callback. */
typedef struct {
  Watch   *watch;
  gboolean finished;
  guint    n_units_at_callback;
} AsyncState;

static void
on_props_added (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  AsyncState *a = data;

  g_assert_true (govstats_rollup_add_files_finish (GOVSTATS_ROLLUP (source), result, NULL));
  a->n_units_at_callback = get_uint (source, "n-units");
  g_assert_false (govstats_rollup_is_busy (GOVSTATS_ROLLUP (source)));
  a->finished = TRUE;
}

static void
test_properties_async (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autoptr(GovstatsReport) result = NULL;
  g_autoptr(GovstatsReport) before = govstats_report_new_for_version ("2021", NULL);
  g_autofree char *dir = units_dir ("2021");
  const char *paths[] = { dir, NULL };
  Watch w = { 0 };
  AsyncState a = { &w };

  watch_init (&w, rollup);
  /* A first consolidation, so that the files make its findings stale. */
  govstats_report_set_unit_code (before, "X99");
  govstats_report_set_year (before, 2021);
  govstats_rollup_add_report (rollup, before);
  g_clear_object (&result);
  result = govstats_rollup_consolidate (rollup);
  g_assert_cmpuint (get_uint (rollup, "n-findings"), >, 0);

  govstats_rollup_add_files_async (rollup, paths, NULL, on_props_added, &a);
  g_assert_true (govstats_rollup_is_busy (rollup));
  /* Let the thread finish without iterating, then take what it left. */
  g_usleep (G_USEC_PER_SEC / 4);
  while (!a.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (a.n_units_at_callback, ==, 59);
  g_assert_cmpuint (get_uint (rollup, "n-files"), ==, 59);
  g_assert_cmpuint (get_uint (rollup, "n-files-done"), ==, 59);
  g_assert_cmpuint (get_uint (rollup, "n-findings"), ==, 0);
  g_assert_cmpint (w.model_items, ==, 0);
  g_assert_cmpuint (w.busy_values->len, ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (w.busy_values->pdata[1]), ==, FALSE);
  g_assert_cmpuint (notified (&w, "n-units"), >=, 2);   /* X99, then the files */
  g_assert_cmpuint (w.off_thread, ==, 0);

  g_clear_object (&result);
  result = govstats_rollup_consolidate (rollup);
  g_assert_cmpuint (get_uint (rollup, "n-findings"), ==, govstats_rollup_get_findings (rollup)->len);
  g_assert_cmpint (w.model_items, ==, (gint) govstats_rollup_get_findings (rollup)->len);
  watch_clear (&w);
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

/* ---------- cancelling ---------- */

/* The first @n report files of the 2021 sample, in the order add_files takes
 * a folder's files (by name). */
static GStrv
first_files (guint n)
{
  g_autofree char *dir = units_dir ("2021");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, test_compare_strings);
  g_assert_cmpuint (names->len, >=, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_strv_builder_add (builder, path);
    }
  return g_strv_builder_end (builder);
}

/* What a rollup holds, to compare with one given only some files. */
static void
assert_same_as_first_files (GovstatsRollup *rollup,
                            guint           n)
{
  g_auto(GStrv) paths = first_files (n);
  g_autoptr(GovstatsRollup) reference = govstats_rollup_new ();
  g_autoptr(GovstatsReport) got = NULL, want = NULL;
  g_autoptr(GPtrArray) got_c = NULL, want_c = NULL;
  gint64 got_v = -1, want_v = -2;

  g_assert_true (govstats_rollup_add_files (reference, (const char * const *) paths, NULL, NULL));
  g_assert_cmpuint (govstats_rollup_get_n_units (rollup), ==, govstats_rollup_get_n_units (reference));
  got = govstats_rollup_consolidate (rollup);
  want = govstats_rollup_consolidate (reference);
  g_assert_cmpuint (govstats_rollup_get_findings (rollup)->len, ==, govstats_rollup_get_findings (reference)->len);
  g_assert_true (govstats_report_get_value (want, "applications/received/total", &want_v));
  g_assert_true (govstats_report_get_value (got, "applications/received/total", &got_v));
  g_assert_cmpint (got_v, ==, want_v);
  /* The same files, in input order. */
  got_c = govstats_rollup_get_contributions (rollup, "applications/received/total", NULL);
  want_c = govstats_rollup_get_contributions (reference, "applications/received/total", NULL);
  g_assert_cmpuint (got_c->len, ==, want_c->len);
  for (guint i = 0; i < got_c->len; i++)
    g_assert_cmpstr (((GovstatsContribution *) got_c->pdata[i])->file, ==,
                     ((GovstatsContribution *) want_c->pdata[i])->file);
}

typedef struct {
  GCancellable *cancellable;
  guint         cancel_at;    /* cancel on the signal of this done, or above */
  guint         events;
  guint         last_done;
  guint         last_total;
  guint         lagging;      /* signals whose n-files-done was not their done */
  gboolean      finished;
  gboolean      ok;
  GError       *error;
  gint         *gate;         /* if set, cancel only once it is non-zero */
} Cancel;

static void
on_cancel_progress (GovstatsRollup *rollup,
                    guint           done,
                    guint           total,
                    gpointer        data)
{
  Cancel *c = data;

  c->events++;
  c->last_done = done;
  c->last_total = total;
  if (govstats_rollup_get_n_files_done (rollup) != done)
    c->lagging++;
  if (done >= c->cancel_at && !g_cancellable_is_cancelled (c->cancellable))
    {
      while (c->gate && !g_atomic_int_get (c->gate))
        g_usleep (G_USEC_PER_SEC / 1000);
      g_cancellable_cancel (c->cancellable);
    }
}

static void
on_cancel_added (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Cancel *c = data;

  g_assert_false (govstats_rollup_is_busy (GOVSTATS_ROLLUP (source)));
  c->ok = govstats_rollup_add_files_finish (GOVSTATS_ROLLUP (source), result, &c->error);
  c->finished = TRUE;
}

/* Regression: the cancellable was looked at once a batch of 256 files, so
 * a cancel went unheeded to the end of the batch, and n-files-done stayed
 * at the last signal. It is looked at before every file: cancelled on the
 * signal of the fifth file (every file is signalled with this clock), the
 * rollup holds the first five files, as if given alone, says so, and
 * signals it last. */
static void
test_cancel_sync_between_files (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = units_dir ("2021");
  const char *paths[] = { dir, NULL };
  StepClock clock = { 0, 150 * G_TIME_SPAN_MILLISECOND };
  Cancel c = { cancellable, 5 };
  g_autoptr(GError) error = NULL;

  govstats_rollup_set_clock (rollup, step_clock, &clock);
  g_signal_connect (rollup, "progress", G_CALLBACK (on_cancel_progress), &c);
  g_assert_false (govstats_rollup_add_files (rollup, paths, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (c.events, ==, 5);
  g_assert_cmpuint (c.last_done, ==, 5);
  g_assert_cmpuint (c.last_total, ==, 59);
  g_assert_cmpuint (c.lagging, ==, 0);
  g_assert_cmpuint (govstats_rollup_get_n_files_done (rollup), ==, 5);
  g_assert_cmpuint (govstats_rollup_get_n_files (rollup), ==, 59);
  g_assert_false (govstats_rollup_is_busy (rollup));
  {
    guint n_units = 0;
    g_object_get (rollup, "n-units", &n_units, NULL);
    g_assert_cmpuint (n_units, ==, govstats_rollup_get_n_units (rollup));
  }
  assert_same_as_first_files (rollup, 5);
}

/* A cancel that comes when every file is in leaves nothing out: success. */
static void
test_cancel_sync_after_last_file (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = units_dir ("2021");
  const char *paths[] = { dir, NULL };
  Cancel c = { cancellable, 59 };
  g_autoptr(GError) error = NULL;

  g_signal_connect (rollup, "progress", G_CALLBACK (on_cancel_progress), &c);
  g_assert_true (govstats_rollup_add_files (rollup, paths, cancellable, &error));
  g_assert_no_error (error);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_cmpuint (c.last_done, ==, 59);
  g_assert_cmpuint (govstats_rollup_get_n_units (rollup), ==, 58);
}

/* Regression: the task checked the cancellable when it was finished and
 * turned a run that had added every file into G_IO_ERROR_CANCELLED. */
static void
test_cancel_async_after_last_file (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = units_dir ("2021");
  const char *paths[] = { dir, NULL };
  Cancel c = { cancellable, 59 };

  g_signal_connect (rollup, "progress", G_CALLBACK (on_cancel_progress), &c);
  govstats_rollup_add_files_async (rollup, paths, cancellable, on_cancel_added, &c);
  while (!c.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (c.error);
  g_assert_true (c.ok);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_cmpuint (c.last_done, ==, 59);
  g_assert_cmpuint (govstats_rollup_get_n_units (rollup), ==, 58);
}

/* A clock that, read after the fifth file was added, opens the gate and
 * waits for the test to cancel: the cancel comes while the fifth file is
 * the last one added, whatever the speed of either thread. */
typedef struct {
  GCancellable *cancellable;
  gint64        now;
  guint         reads;
  gint          gate;
} GateClock;

static gint64
gate_clock (gpointer data)
{
  GateClock *g = data;

  /* Read once at the start, then after each file. */
  if (++g->reads == 6)
    {
      g_atomic_int_set (&g->gate, 1);
      while (!g_cancellable_is_cancelled (g->cancellable))
        g_usleep (G_USEC_PER_SEC / 1000);
    }
  g->now += 150 * G_TIME_SPAN_MILLISECOND;
  return g->now;
}

/* In the background: cancelled from a progress handler (the first, which
 * waits for the gate) while the fifth file is the last one added, the run
 * stops before the sixth, fails with
 * G_IO_ERROR_CANCELLED, and its last signal and properties, shown before
 * the callback, say five. */
static void
test_cancel_async_between_files (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = units_dir ("2021");
  const char *paths[] = { dir, NULL };
  GateClock clock = { cancellable };
  Cancel c = { cancellable, 0 };

  c.gate = &clock.gate;
  govstats_rollup_set_clock (rollup, gate_clock, &clock);
  g_signal_connect (rollup, "progress", G_CALLBACK (on_cancel_progress), &c);
  govstats_rollup_add_files_async (rollup, paths, cancellable, on_cancel_added, &c);
  while (!c.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (c.ok);
  g_assert_error (c.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&c.error);
  g_assert_cmpuint (c.last_done, ==, 5);
  g_assert_cmpuint (c.last_total, ==, 59);
  g_assert_cmpuint (c.lagging, ==, 0);
  g_assert_cmpuint (govstats_rollup_get_n_files_done (rollup), ==, 5);
  {
    guint n_units = 0;
    g_object_get (rollup, "n-units", &n_units, NULL);
    g_assert_cmpuint (n_units, ==, govstats_rollup_get_n_units (rollup));
  }
  assert_same_as_first_files (rollup, 5);

  /* The rollup takes more files afterwards, as usual. */
  {
    g_auto(GStrv) rest = first_files (7);
    const char *more[] = { rest[5], rest[6], NULL };
    g_assert_true (govstats_rollup_add_files (rollup, more, NULL, NULL));
    assert_same_as_first_files (rollup, 7);
  }
}

/* ---------- busy ---------- */

static void
on_busy_added (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Cancel *c = data;

  c->ok = govstats_rollup_add_files_finish (GOVSTATS_ROLLUP (source), result, &c->error);
  c->finished = TRUE;
}

/* Regression: a second add_files_async while the first ran failed a
 * critical check and never called its callback. It is told the rollup is
 * busy, after returning, and the first run is not disturbed. */
static void
test_busy_async (void)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autofree char *dir = units_dir ("2021");
  const char *paths[] = { dir, NULL };
  Cancel first = { NULL }, second = { NULL };
  g_autoptr(GError) error = NULL;

  govstats_rollup_add_files_async (rollup, paths, NULL, on_busy_added, &first);
  g_assert_true (govstats_rollup_is_busy (rollup));
  govstats_rollup_add_files_async (rollup, paths, NULL, on_busy_added, &second);
  g_assert_false (second.finished);   /* never before returning */
  g_assert_false (govstats_rollup_add_files (rollup, paths, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  while (!first.finished || !second.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (second.ok);
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&second.error);
  g_assert_no_error (first.error);
  g_assert_true (first.ok);
  g_assert_cmpuint (govstats_rollup_get_n_units (rollup), ==, 58);
  g_assert_cmpuint (govstats_rollup_get_n_files_done (rollup), ==, 59);
}

/* ---------- exact texts of contributions, kind parts and finding values ----------
 *
 * The bindings read amounts through these texts; the tests here compute the
 * expected texts independently, from the unit files themselves. */

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

  g_test_add_func ("/govstats/rollup/progress/caller-thread", test_progress_in_caller_thread);
  g_test_add_func ("/govstats/rollup/progress/sync", test_progress_sync);
  for (guint i = 0; i < G_N_ELEMENTS (pace_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/govstats/rollup/progress/paced/%" G_GINT64_FORMAT "ms",
                                               pace_cases[i].step_ms);
      g_test_add_data_func (name, &pace_cases[i], test_progress_paced);
    }
  g_test_add_func ("/govstats/rollup/progress/paced-async", test_progress_paced_async);
  g_test_add_func ("/govstats/rollup/properties/sample-county", test_properties_sample_county);
  g_test_add_func ("/govstats/rollup/properties/async", test_properties_async);
  g_test_add_func ("/govstats/rollup/sums-and-contributions", test_sums_and_contributions);
  g_test_add_func ("/govstats/rollup/overflow", test_overflow_is_a_finding);
  g_test_add_func ("/govstats/rollup/blank-report", test_blank_report);
  g_test_add_func ("/govstats/rollup/cancel/sync-between-files", test_cancel_sync_between_files);
  g_test_add_func ("/govstats/rollup/cancel/sync-after-last-file", test_cancel_sync_after_last_file);
  g_test_add_func ("/govstats/rollup/cancel/async-after-last-file", test_cancel_async_after_last_file);
  g_test_add_func ("/govstats/rollup/cancel/async-between-files", test_cancel_async_between_files);
  g_test_add_func ("/govstats/rollup/busy-async", test_busy_async);

  g_test_add_func ("/govstats/rollup/explain/amount-texts", test_amount_texts);
  g_test_add_func ("/govstats/rollup/explain/bad-paths", test_bad_paths);
  g_test_add_func ("/govstats/rollup/explain/finding-value-kind", test_finding_value_kind);

  return g_test_run ();
}
