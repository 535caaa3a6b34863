/* govstats-rollup.c — consolidating many unit reports
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "govstats-enum-types.h"
#include "govstats-error.h"
#include "govstats-finding-list.h"
#include "govstats-finding-private.h"
#include "govstats-i18n-private.h"
#include "govstats-report-private.h"
#include "govstats-rollup-private.h"
#include "govstats-schema-private.h"
#include "govstats-unit-store-private.h"

/**
 * GovstatsRollup:
 *
 * Consolidates the reports of many units — a county's departments and towns —
 * into one report, the way a county 政务公开办 does every January.
 *
 * <!-- run: rollup -->
 * ```c
 * const char *paths[] = { "units", NULL };
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
 * g_autoptr(GovstatsRoster) roster = govstats_roster_new_from_file ("roster.json", &error);
 * g_autoptr(GovstatsReport) county = NULL;
 * gint64 received;
 *
 * if (roster == NULL)
 *   g_error ("%s", error->message);
 * govstats_rollup_set_roster (rollup, roster);
 * if (!govstats_rollup_add_files (rollup, paths, NULL, &error))
 *   g_error ("%s", error->message);
 * county = govstats_rollup_consolidate (rollup);
 * govstats_report_get_value (county, "applications/received/total", &received);
 * g_print ("%s: %u units, %" G_GINT64_FORMAT " applications, %u findings\n",
 *          govstats_report_get_unit_name (county), govstats_rollup_get_n_units (rollup),
 *          received, govstats_rollup_get_findings (rollup)->len);
 * ```
 *
 * It prints:
 *
 * <!-- output: rollup -->
 * ```text
 * 示例县: 58 units, 637 applications, 27 findings
 * ```
 *
 * Reports are added one by one, or as files and folders (loaded and checked
 * on every core, see [method@Govstats.Rollup.add_files_async]); each is
 * checked against the rules of its layout as it is added, its cells are
 * summed, and the unit (code, name, file, kind and set values) goes to an
 * unlinked temporary file. Memory holds one batch of reports at a time plus
 * 24 to 40 bytes a unit (to find duplicates and read units back), whatever
 * the number of reports; the findings, which the caller gets, come on top.
 * If that file cannot be made or written, the units stay in memory; if it
 * cannot be read back, the report concerned is left out with a
 * `rollup.store_failed` finding.
 *
 * [method@Govstats.Rollup.consolidate] then gives the consolidated report
 * (scope aggregate; a cell is blank only where every unit left it blank) and
 * the findings: units on the roster without a report, reports of units not
 * on it, a second report of the same unit, reports of another year or
 * layout, units whose own report breaks an error rule, and the findings of
 * the consolidated report, each naming the units responsible.
 *
 * For any consolidated cell, [method@Govstats.Rollup.get_contributions]
 * lists what each unit contributed, and
 * [method@Govstats.Rollup.get_kind_value] splits it by kind of unit.
 *
 * The same from Python:
 *
 * <!-- run: rollup-python -->
 * ```python
 * rollup = Govstats.Rollup.new()
 * rollup.set_roster(Govstats.Roster.new_from_file("roster.json"))
 * rollup.add_files(["units"], None)
 * county = rollup.consolidate()
 * for finding in rollup.get_findings():
 *     print(finding.to_string("en"))
 * ```
 *
 * A desktop tool binds to the rollup's state: the properties
 * [property@Govstats.Rollup:n-files-done], [property@Govstats.Rollup:n-files],
 * [property@Govstats.Rollup:n-units], [property@Govstats.Rollup:busy] and
 * the counts of findings are notified when they change, and only in the
 * thread owning the rollup (for [method@Govstats.Rollup.add_files_async],
 * the caller's main context, with each progress signal); the findings are
 * a [iface@Gio.ListModel], [method@Govstats.Rollup.get_findings_model].
 *
 * ```js
 * rollup.bind_property('n-files-done', bar, 'value', GObject.BindingFlags.SYNC_CREATE);
 * rollup.bind_property('busy', spinner, 'spinning', GObject.BindingFlags.SYNC_CREATE);
 * listView.model = new Gtk.NoSelection({model: rollup.findings_model});
 * await rollup.add_files_async([folder], null);
 * rollup.consolidate();   // fills the list view
 * ```
 *
 * Since: 0.1
 */

G_DEFINE_FINAL_TYPE (GovstatsRollup, govstats_rollup, G_TYPE_OBJECT)

enum {
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROSTER,
  PROP_N_UNITS,
  PROP_N_FILES,
  PROP_N_FILES_DONE,
  PROP_BUSY,
  PROP_FINDINGS_MODEL,
  PROP_N_FINDINGS,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
layout_sums_free (gpointer data)
{
  LayoutSums *l = data;

  g_free (l->sums);
  g_free (l->set);
  g_free (l->kind_sums);
  g_free (l->kind_set);
  g_ptr_array_unref (l->units);
  g_free (l);
}

static void
indicator_free (gpointer data)
{
  Indicator *i = data;

  g_free (i->key);
  g_free (i);
}

static void
govstats_rollup_finalize (GObject *object)
{
  GovstatsRollup *self = GOVSTATS_ROLLUP (object);

  g_clear_object (&self->roster);
  g_clear_object (&self->previous);
  g_clear_object (&self->schema);
  g_free (self->name);
  g_hash_table_unref (self->rule_sets);
  g_ptr_array_unref (self->layouts);
  govstats_unit_store_unref (self->units);
  g_hash_table_unref (self->indicator_index);
  g_ptr_array_unref (self->indicators);
  g_ptr_array_unref (self->unit_findings);
  g_ptr_array_unref (self->input_findings);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_signal_handlers_disconnect_by_data (self->findings_model, self);
  g_object_unref (self->findings_model);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (govstats_rollup_parent_class)->finalize (object);
}

static void
govstats_rollup_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GovstatsRollup *self = GOVSTATS_ROLLUP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, govstats_rollup_get_name (self));
      break;
    case PROP_ROSTER:
      g_value_set_object (value, self->roster);
      break;
    case PROP_N_UNITS:
      g_value_set_uint (value, self->shown_n_units);
      break;
    case PROP_N_FILES:
      g_value_set_uint (value, self->shown_n_files);
      break;
    case PROP_N_FILES_DONE:
      g_value_set_uint (value, self->shown_n_files_done);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_FINDINGS_MODEL:
      g_value_set_object (value, self->findings_model);
      break;
    case PROP_N_FINDINGS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self->findings_model)));
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, govstats_finding_list_get_n_errors (self->findings_model));
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, govstats_finding_list_get_n_warnings (self->findings_model));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govstats_rollup_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GovstatsRollup *self = GOVSTATS_ROLLUP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      govstats_rollup_set_name (self, g_value_get_string (value));
      break;
    case PROP_ROSTER:
      govstats_rollup_set_roster (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The model's counts are the rollup's too. */
static void
on_model_notify (GObject    *model,
                 GParamSpec *pspec,
                 gpointer    data)
{
  GovstatsRollup *self = data;

  if (g_str_equal (pspec->name, "n-items"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINDINGS]);
  else if (g_str_equal (pspec->name, "n-errors"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
  else if (g_str_equal (pspec->name, "n-warnings"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
}

static GParamSpec *
count_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
govstats_rollup_class_init (GovstatsRollupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govstats_rollup_finalize;
  object_class->get_property = govstats_rollup_get_property;
  object_class->set_property = govstats_rollup_set_property;

  /**
   * GovstatsRollup:name:
   *
   * The name of the consolidated unit: the one set, else the roster's.
   *
   * Since: 0.2
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GovstatsRollup:roster:
   *
   * The units the consolidation expects; see
   * [method@Govstats.Rollup.set_roster].
   *
   * Since: 0.2
   */
  properties[PROP_ROSTER] =
    g_param_spec_object ("roster", NULL, NULL, GOVSTATS_TYPE_ROSTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GovstatsRollup:n-units:
   *
   * The number of units consolidated so far, as
   * [method@Govstats.Rollup.get_n_units] counts them. While files are added
   * in the background it follows [signal@Govstats.Rollup::progress].
   *
   * Since: 0.2
   */
  properties[PROP_N_UNITS] = count_property ("n-units");

  /**
   * GovstatsRollup:n-files:
   *
   * The number of files the current (or last) call of
   * [method@Govstats.Rollup.add_files] or
   * [method@Govstats.Rollup.add_files_async] adds, folders expanded: the
   * `total` of [signal@Govstats.Rollup::progress].
   *
   * Since: 0.2
   */
  properties[PROP_N_FILES] = count_property ("n-files");

  /**
   * GovstatsRollup:n-files-done:
   *
   * How many of [property@Govstats.Rollup:n-files] have been added (or
   * found unreadable): the `done` of [signal@Govstats.Rollup::progress],
   * changed with it. After a cancelled call it stays below
   * [property@Govstats.Rollup:n-files]: the files the rollup holds of that
   * call are the first n-files-done of them.
   *
   * Since: 0.2
   */
  properties[PROP_N_FILES_DONE] = count_property ("n-files-done");

  /**
   * GovstatsRollup:busy:
   *
   * Whether files are being added. For
   * [method@Govstats.Rollup.add_files_async] it turns %FALSE just before the
   * callback runs.
   *
   * Since: 0.2
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GovstatsRollup:findings-model:
   *
   * The findings of the last [method@Govstats.Rollup.consolidate], as a
   * list model; see [method@Govstats.Rollup.get_findings_model].
   *
   * Since: 0.2
   */
  properties[PROP_FINDINGS_MODEL] =
    g_param_spec_object ("findings-model", NULL, NULL, GOVSTATS_TYPE_FINDING_LIST,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GovstatsRollup:n-findings:
   *
   * The number of findings of the last [method@Govstats.Rollup.consolidate]:
   * the length of [property@Govstats.Rollup:findings-model], 0 before
   * consolidate and again once more reports are added.
   *
   * Since: 0.2
   */
  properties[PROP_N_FINDINGS] = count_property ("n-findings");

  /**
   * GovstatsRollup:n-errors:
   *
   * The errors among the findings, counted as `govstats rollup` sums them
   * up; see [property@Govstats.FindingList:n-errors]. Like
   * [property@Govstats.Rollup:n-findings] and
   * [property@Govstats.Rollup:n-warnings] it is read from
   * [property@Govstats.Rollup:findings-model], so it agrees with the model
   * at all times, inside its handlers too, and follows a waiver of one of
   * its findings.
   *
   * Since: 0.2
   */
  properties[PROP_N_ERRORS] = count_property ("n-errors");

  /**
   * GovstatsRollup:n-warnings:
   *
   * The warnings among the findings; see
   * [property@Govstats.FindingList:n-warnings].
   *
   * Since: 0.2
   */
  properties[PROP_N_WARNINGS] = count_property ("n-warnings");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GovstatsRollup::progress:
   * @self: the rollup
   * @done: how many files have been added
   * @total: how many files there are
   *
   * Emitted while files are added: as soon as at least 100 ms have passed
   * since the last signal (or the start) and a file has been added since,
   * even while the next file is still loading; and once at the end with
   * @done equal to @total — or, if the call is cancelled before the last
   * file, with @done the number of files added before the cancel (see
   * [method@Govstats.Rollup.add_files]). So it comes at most once a file, and
   * at most ten times a second but for the last: a county of 59 slow files
   * shows each of them, a national run of 200,000 does not flood the main
   * loop.
   *
   * For [method@Govstats.Rollup.add_files_async] it is emitted in the thread
   * default main context of the caller, before the callback, and
   * [property@Govstats.Rollup:n-files-done], [property@Govstats.Rollup:n-units]
   * and the other properties have been brought up to date when it is.
   */
  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

gint64
govstats_rollup_monotonic_clock (gpointer data)
{
  return g_get_monotonic_time ();
}

static void
govstats_rollup_init (GovstatsRollup *self)
{
  self->rule_sets = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->layouts = g_ptr_array_new_with_free_func (layout_sums_free);
  self->units = govstats_unit_store_new ();
  self->indicators = g_ptr_array_new_with_free_func (indicator_free);
  self->indicator_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->unit_findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->input_findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&self->lock);
  self->findings_model = govstats_finding_list_new ();
  g_signal_connect (self->findings_model, "notify", G_CALLBACK (on_model_notify), self);
  self->clock = govstats_rollup_monotonic_clock;
}

void
govstats_rollup_set_clock (GovstatsRollup     *self,
                           GovstatsRollupClock clock,
                           gpointer            data)
{
  g_return_if_fail (GOVSTATS_IS_ROLLUP (self));
  self->clock = clock ? clock : govstats_rollup_monotonic_clock;
  self->clock_data = data;
}

void
govstats_rollup_take_snapshot (GovstatsRollup *self,
                               guint           n_files,
                               guint           n_files_done,
                               Snapshot       *snapshot)
{
  snapshot->n_units = govstats_unit_store_get_n_units (self->units);
  snapshot->n_files = n_files;
  snapshot->n_files_done = n_files_done;
  snapshot->findings_serial = self->findings_serial;
}

static void
show_count (GovstatsRollup *self,
            guint          *shown,
            guint           value,
            guint           prop)
{
  if (*shown == value)
    return;
  *shown = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Brings the properties up to date; only in the thread owning the rollup. */
void
govstats_rollup_show_snapshot (GovstatsRollup *self,
                               const Snapshot *snapshot)
{
  g_object_freeze_notify (G_OBJECT (self));
  show_count (self, &self->shown_n_units, snapshot->n_units, PROP_N_UNITS);
  show_count (self, &self->shown_n_files, snapshot->n_files, PROP_N_FILES);
  show_count (self, &self->shown_n_files_done, snapshot->n_files_done, PROP_N_FILES_DONE);
  if (snapshot->findings_serial != self->model_serial)
    {
      self->model_serial = snapshot->findings_serial;
      govstats_finding_list_remove_all (self->findings_model);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* After a report was added in the calling thread. */
void
govstats_rollup_show_state (GovstatsRollup *self)
{
  Snapshot snapshot;

  govstats_rollup_take_snapshot (self, self->shown_n_files, self->shown_n_files_done, &snapshot);
  govstats_rollup_show_snapshot (self, &snapshot);
}

void
govstats_rollup_set_busy (GovstatsRollup *self,
                          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The signal is the rollup's; the run adding files decides when it is due. */
void
govstats_rollup_emit_progress (GovstatsRollup *self,
                               guint           done,
                               guint           total)
{
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, done, total);
}

/* The findings of the last consolidate no longer hold. */
void
govstats_rollup_findings_stale (GovstatsRollup *self)
{
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings_serial++;
}

/**
 * govstats_rollup_new:
 *
 * Creates an empty consolidation.
 *
 * Returns: (transfer full): a new rollup
 *
 * Since: 0.1
 */
GovstatsRollup *
govstats_rollup_new (void)
{
  return g_object_new (GOVSTATS_TYPE_ROLLUP, NULL);
}

/**
 * govstats_rollup_set_roster:
 * @self: a rollup
 * @roster: (nullable): the units expected
 *
 * Sets the units the consolidation expects. Set it before adding reports:
 * reports are matched to roster units as they are added. The roster's year,
 * if given, is the year every report must have.
 *
 * Since: 0.1
 */
void
govstats_rollup_set_roster (GovstatsRollup *self,
                            GovstatsRoster *roster)
{
  g_autofree char *old_name = NULL;

  g_return_if_fail (GOVSTATS_IS_ROLLUP (self));
  g_return_if_fail (roster == NULL || GOVSTATS_IS_ROSTER (roster));
  g_return_if_fail (govstats_unit_store_get_n_units (self->units) == 0);
  old_name = g_strdup (govstats_rollup_get_name (self));
  if (!g_set_object (&self->roster, roster))
    return;
  if (roster && govstats_roster_get_year (roster) > 0)
    {
      self->year = govstats_roster_get_year (roster);
      self->year_set = TRUE;
    }
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROSTER]);
  if (g_strcmp0 (old_name, govstats_rollup_get_name (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * govstats_rollup_get_roster:
 * @self: a rollup
 *
 * Gets the roster.
 *
 * Returns: (transfer none) (nullable): the roster
 *
 * Since: 0.1
 */
GovstatsRoster *
govstats_rollup_get_roster (GovstatsRollup *self)
{
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), NULL);
  return self->roster;
}

/**
 * govstats_rollup_set_previous:
 * @self: a rollup
 * @previous: (nullable): last year's consolidated report
 *
 * Sets last year's consolidated report: the cross-year rules then run on the
 * consolidation.
 *
 * Since: 0.1
 */
void
govstats_rollup_set_previous (GovstatsRollup *self,
                              GovstatsReport *previous)
{
  g_return_if_fail (GOVSTATS_IS_ROLLUP (self));
  g_return_if_fail (previous == NULL || GOVSTATS_IS_REPORT (previous));
  g_set_object (&self->previous, previous);
}

/**
 * govstats_rollup_set_name:
 * @self: a rollup
 * @name: (nullable): the name of the consolidated unit, such as 示例县人民政府
 *
 * Names the consolidated report's unit. By default it is the roster's name.
 *
 * Since: 0.1
 */
void
govstats_rollup_set_name (GovstatsRollup *self,
                          const char     *name)
{
  g_autofree char *old_name = NULL;

  g_return_if_fail (GOVSTATS_IS_ROLLUP (self));
  if (g_strcmp0 (self->name, name) == 0)
    return;
  old_name = g_strdup (govstats_rollup_get_name (self));
  g_free (self->name);
  self->name = g_strdup (name);
  if (g_strcmp0 (old_name, govstats_rollup_get_name (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * govstats_rollup_get_name:
 * @self: a rollup
 *
 * Gets the name of the consolidated unit.
 *
 * Returns: (transfer none) (nullable): the name
 *
 * Since: 0.1
 */
const char *
govstats_rollup_get_name (GovstatsRollup *self)
{
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), NULL);
  if (self->name)
    return self->name;
  return self->roster ? govstats_roster_get_name (self->roster) : NULL;
}

/**
 * govstats_rollup_set_schema:
 * @self: a rollup
 * @schema: (nullable): the layout of the consolidated report
 *
 * Chooses the layout of the consolidated report. By default it is the layout
 * most reports use. Reports of another layout are consolidated where both
 * layouts have the same cell, and a `rollup.mixed_version` finding says which
 * of their cells were left out.
 *
 * Since: 0.1
 */
void
govstats_rollup_set_schema (GovstatsRollup *self,
                            GovstatsSchema *schema)
{
  g_return_if_fail (GOVSTATS_IS_ROLLUP (self));
  g_return_if_fail (schema == NULL || GOVSTATS_IS_SCHEMA (schema));
  g_set_object (&self->schema, schema);
}

/**
 * govstats_rollup_set_rule_set:
 * @self: a rollup
 * @rules: the rules to check reports of the rule set's layout with
 *
 * Uses a rule set (with extra rules or waivers) instead of the built-in
 * rules for reports of its layout, and for the consolidated report.
 *
 * Since: 0.1
 */
void
govstats_rollup_set_rule_set (GovstatsRollup  *self,
                              GovstatsRuleSet *rules)
{
  g_return_if_fail (GOVSTATS_IS_ROLLUP (self));
  g_return_if_fail (GOVSTATS_IS_RULE_SET (rules));
  g_hash_table_replace (self->rule_sets, govstats_rule_set_get_schema (rules), g_object_ref (rules));
}

GovstatsRuleSet *
govstats_rollup_rule_set_for (GovstatsRollup *self,
                              GovstatsSchema *schema)
{
  GovstatsRuleSet *rules;

  g_mutex_lock (&self->lock);
  rules = g_hash_table_lookup (self->rule_sets, schema);
  if (rules == NULL)
    {
      g_autoptr(GError) error = NULL;
      rules = govstats_rule_set_new (schema, &error);
      if (rules == NULL)
        g_error ("the built-in rules of layout %s are broken: %s", govstats_schema_get_version (schema), error->message);
      g_hash_table_insert (self->rule_sets, schema, rules);
    }
  g_mutex_unlock (&self->lock);
  return rules;
}

/**
 * govstats_rollup_get_findings:
 * @self: a rollup
 *
 * Gets the findings of the last [method@Govstats.Rollup.consolidate]: first
 * those of the consolidation (`input.invalid`, `rollup.*`), then those of the
 * consolidated report (naming the units responsible), then every unit's own.
 *
 * Returns: (transfer none) (element-type GovstatsFinding): the findings,
 *   empty before consolidate is called
 *
 * Since: 0.1
 */
GPtrArray *
govstats_rollup_get_findings (GovstatsRollup *self)
{
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), NULL);
  if (self->findings == NULL)
    self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  return self->findings;
}

/**
 * govstats_rollup_get_n_units:
 * @self: a rollup
 *
 * Counts the units consolidated so far (a second report of a unit and a
 * report of another year are not).
 *
 * Returns: the number of units
 *
 * Since: 0.1
 */
guint
govstats_rollup_get_n_units (GovstatsRollup *self)
{
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), 0);
  return govstats_unit_store_get_n_units (self->units);
}

/**
 * govstats_rollup_get_findings_model:
 * @self: a rollup
 *
 * Gets the findings of the last [method@Govstats.Rollup.consolidate] as a
 * list model, for a list view to bind to. It is the same object for the
 * life of the rollup: consolidate fills it with what
 * [method@Govstats.Rollup.get_findings] returns, and it is emptied once
 * another report is added, in the thread owning the rollup (for
 * [method@Govstats.Rollup.add_files_async], with the progress). Do not
 * change it yourself.
 *
 * Returns: (transfer none): the findings
 *
 * Since: 0.2
 */
GovstatsFindingList *
govstats_rollup_get_findings_model (GovstatsRollup *self)
{
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), NULL);
  return self->findings_model;
}

/**
 * govstats_rollup_get_n_files:
 * @self: a rollup
 *
 * Gets [property@Govstats.Rollup:n-files].
 *
 * Returns: the number of files of the current or last add_files call
 *
 * Since: 0.2
 */
guint
govstats_rollup_get_n_files (GovstatsRollup *self)
{
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), 0);
  return self->shown_n_files;
}

/**
 * govstats_rollup_get_n_files_done:
 * @self: a rollup
 *
 * Gets [property@Govstats.Rollup:n-files-done].
 *
 * Returns: how many of those files have been added
 *
 * Since: 0.2
 */
guint
govstats_rollup_get_n_files_done (GovstatsRollup *self)
{
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), 0);
  return self->shown_n_files_done;
}

/**
 * govstats_rollup_is_busy:
 * @self: a rollup
 *
 * Gets [property@Govstats.Rollup:busy].
 *
 * Returns: %TRUE while files are being added
 *
 * Since: 0.2
 */
gboolean
govstats_rollup_is_busy (GovstatsRollup *self)
{
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), FALSE);
  return self->busy;
}
