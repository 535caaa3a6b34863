/* govstats-rollup-add.c — adding one checked report: the unit's identity, year and first report, its findings, cells and indicators
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-enum-types.h"
#include "govstats-error.h"
#include "govstats-finding-list.h"
#include "govstats-finding-private.h"
#include "govstats-i18n-private.h"
#include "govstats-report-private.h"
#include "govstats-rollup-private.h"
#include "govstats-schema-private.h"
#include "govstats-unit-store-private.h"

static LayoutSums *
layout_for (GovstatsRollup *self,
            GovstatsSchema *schema,
            guint          *index)
{
  LayoutSums *l;
  guint n;

  for (guint i = 0; i < self->layouts->len; i++)
    if (((LayoutSums *) self->layouts->pdata[i])->schema == schema)
      {
        *index = i;
        return self->layouts->pdata[i];
      }
  n = govstats_schema_get_n_cells (schema);
  /* The store keeps cell indices and layouts in 16 bits. */
  g_assert (n <= G_MAXUINT16 + 1 && self->layouts->len < G_MAXUINT16);
  l = g_new0 (LayoutSums, 1);
  l->schema = schema;
  l->sums = g_new0 (gint64, n);
  l->set = g_new0 (guint8, n);
  l->kind_sums = g_new0 (gint64, (gsize) n * N_KINDS);
  l->kind_set = g_new0 (guint8, (gsize) n * N_KINDS);
  l->units = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->layouts, l);
  *index = self->layouts->len - 1;
  return l;
}

/* A finding about one input: @format is an English msgid (marked N_()). */
static GovstatsFinding *
input_finding (GovstatsRollup  *self,
               const char      *rule,
               GovstatsSeverity severity,
               const char      *unit_name,
               const char      *unit_code,
               const char      *file,
               const char      *format,
               ...)
{
  GovstatsFinding *finding;
  const char *units[] = { unit_code ? unit_code : unit_name, NULL };
  va_list args;

  va_start (args, format);
  finding = govstats_finding_new_vprintf (rule, severity, format, args);
  va_end (args);

  govstats_finding_set_unit (finding, unit_name, unit_code);
  if (units[0])
    govstats_finding_set_units (finding, units);
  if (file)
    govstats_finding_set_position (finding, file, 0, 0);
  g_ptr_array_add (self->input_findings, finding);
  return finding;
}

static gboolean
inherits_error (GovstatsFinding *f)
{
  return govstats_finding_get_severity (f) == GOVSTATS_SEVERITY_ERROR && !govstats_finding_is_waived (f) &&
         (govstats_finding_get_outcome (f) == GOVSTATS_OUTCOME_FAILED ||
          govstats_finding_get_outcome (f) == GOVSTATS_OUTCOME_UNCERTAIN);
}

/* A report on its way into the consolidation: who it is from. */
typedef struct {
  GovstatsReport  *report;
  const char      *file;
  const char      *name;         /* the report's, else the roster's */
  const char      *code;         /* the roster's code, else the report's */
  const char      *roster_code;  /* NULL: not on the roster (or no roster) */
  const char      *key;          /* what the unit store knows the unit by */
  char            *display;
  GovstatsUnitKind kind;
} Incoming;

/* Step 1: the unit, as the roster knows it. */
static void
incoming_identify (GovstatsRollup *self,
                   Incoming       *in,
                   GovstatsReport *report,
                   const char     *file)
{
  const char *code = govstats_report_get_unit_code (report);

  in->report = report;
  in->file = file ? file : govstats_report_get_filename (report);
  in->name = govstats_report_get_unit_name (report);
  in->display = govstats_report_dup_display_name (report);
  in->kind = govstats_report_get_unit_kind (report);
  if (self->roster)
    {
      in->roster_code = govstats_roster_match (self->roster, code, in->name);
      if (in->roster_code)
        {
          in->kind = govstats_roster_get_unit_kind (self->roster, in->roster_code);
          if (in->name == NULL)
            in->name = govstats_roster_get_unit_name (self->roster, in->roster_code);
        }
    }
  in->code = in->roster_code ? in->roster_code : code;
  in->key = govstats_unit_key (in->code, in->name, in->file);
}

/* Step 2: the year: the roster's, else the first report's. FALSE: another
 * year, left out. */
static gboolean
incoming_check_year (GovstatsRollup *self,
                     Incoming       *in)
{
  int year = govstats_report_get_year (in->report);
  GovstatsFinding *f;

  if (!self->year_set && year > 0)
    {
      self->year = year;
      self->year_set = TRUE;
    }
  if (!self->year_set || year == self->year)
    return TRUE;
  f = input_finding (self, "rollup.year_mismatch", GOVSTATS_SEVERITY_ERROR, in->name, in->code, in->file,
                     /* Translators: %1$s is a unit, %2$d the year of its
                      * report, %3$d the year of the consolidation. */
                     N_("The report of %1$s is for %2$d, but the consolidation is for %3$d: "
                        "it was not consolidated."),
                     in->display, year, self->year);
  govstats_finding_set_values (f, self->year, year, GOVSTATS_VALUE_KIND_COUNT);
  return FALSE;
}

/* Step 3: room in the unit store, and no earlier report of the unit. The
 * store (an unlinked temporary file) is read to find a first report; if it
 * cannot be read, or is full, the report is left out and said so. */
static gboolean
incoming_check_first (GovstatsRollup *self,
                      Incoming       *in)
{
  g_autoptr(GError) store_error = NULL;
  g_auto(GovstatsUnitRecord) record = { 0 };
  const char *first_file;
  guint first;

  if (govstats_unit_store_get_n_units (self->units) >= GOVSTATS_UNIT_STORE_MAX_UNITS)
    govstats_i18n_set_error (&store_error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_VALUE,
                 "a consolidation holds at most %u units", GOVSTATS_UNIT_STORE_MAX_UNITS);
  if (store_error || !govstats_unit_store_find (self->units, in->key, &first, &store_error))
    {
      input_finding (self, "rollup.store_failed", GOVSTATS_SEVERITY_ERROR, in->name, in->code, in->file,
                     /* Translators: %1$s is a unit, %2$s why its report could not be kept. */
                     N_("%1$s was not consolidated: %2$s."), in->display, store_error->message);
      return FALSE;
    }
  if (first == G_MAXUINT)
    return TRUE;

  if (!govstats_unit_store_get (self->units, first, &record, NULL, NULL))
    record.file = NULL;
  first_file = record.file ? record.file : "?";
  input_finding (self, "rollup.duplicate_unit", GOVSTATS_SEVERITY_ERROR, in->name, in->code, in->file,
                 /* Translators: %1$s is a unit, %2$s the file of its first report
                  * (the one consolidated), %3$s the file of the second. */
                 N_("%1$s has two reports: %2$s and %3$s. Only the first, %2$s, was consolidated; "
                    "say which one is the report of record."), in->display, first_file, in->file ? in->file : "?");
  return FALSE;
}

/* Step 4: the unit's own findings, and whether the consolidation inherits
 * an error: a broken error rule, or one that only blank cells could save —
 * summed as 0, those blanks break the consolidated table. */
static void
incoming_take_findings (GovstatsRollup *self,
                        Incoming       *in,
                        GPtrArray      *own_findings)
{
  g_autoptr(GString) ids = NULL;
  gboolean has_errors = FALSE;
  gboolean failed = FALSE;

  for (guint i = 0; i < own_findings->len; i++)
    {
      GovstatsFinding *f = own_findings->pdata[i];
      if (inherits_error (f))
        has_errors = TRUE;
      g_ptr_array_add (self->unit_findings, g_object_ref (f));
    }
  if (!has_errors)
    return;

  ids = g_string_new (NULL);
  for (guint i = 0; i < own_findings->len; i++)
    {
      GovstatsFinding *f = own_findings->pdata[i];
      if (inherits_error (f) && !strstr (ids->str, govstats_finding_get_rule_id (f)))
        g_string_append_printf (ids, "%s%s", ids->len ? ", " : "", govstats_finding_get_rule_id (f));
    }
  for (guint i = 0; i < own_findings->len; i++)
    failed |= govstats_finding_counts_as_error (own_findings->pdata[i]);
  if (failed)
    input_finding (self, "rollup.unit_inconsistent", GOVSTATS_SEVERITY_ERROR, in->name, in->code, in->file,
                   /* Translators: %1$s is a unit, %2$s the ids of the rules its report breaks. */
                   N_("The report of %1$s itself breaks %2$s: the consolidated tables inherit the errors."),
                   in->display, ids->str);
  else
    input_finding (self, "rollup.unit_inconsistent", GOVSTATS_SEVERITY_ERROR, in->name, in->code, in->file,
                   /* Translators: %1$s is a unit, %2$s the ids of rules undecided for its report. */
                   N_("The report of %1$s cannot be shown to keep %2$s because of blank cells; summed as 0, "
                      "the blanks unbalance the consolidated tables."), in->display, ids->str);
}

/* Step 5: the cells into the sums of the report's layout; @entries gets
 * the cells to store. Returns the layout's index. */
static guint
incoming_add_cells (GovstatsRollup *self,
                    Incoming       *in,
                    GArray         *entries)
{
  GovstatsSchema *schema = govstats_report_get_schema (in->report);
  const gint64 *values = govstats_report_peek_values (in->report);
  const guint8 *set = govstats_report_peek_set (in->report);
  guint n_cells = govstats_schema_get_n_cells (schema);
  guint layout_index;
  LayoutSums *l = layout_for (self, schema, &layout_index);

  l->n_reports++;
  /* Messages name a few units of a layout; keep no more than that. */
  if (l->units->len < 5)
    g_ptr_array_add (l->units, g_strdup (in->display));
  for (guint i = 0; i < n_cells; i++)
    {
      GovstatsStoreEntry e;
      gint64 *kind_sum = &l->kind_sums[(gsize) in->kind * n_cells + i];

      if (!set[i])
        continue;
      if (__builtin_add_overflow (l->sums[i], values[i], &l->sums[i]) ||
          __builtin_add_overflow (*kind_sum, values[i], kind_sum))
        {
          input_finding (self, "rollup.overflow", GOVSTATS_SEVERITY_ERROR, in->name, in->code, in->file,
                         /* Translators: %1$s is a cell's path, %2$s a unit. */
                         N_("%1$s: adding the value of %2$s overflows 64 bits; it was not consolidated."),
                         govstats_schema_cell_at (schema, i)->path, in->display);
          continue;
        }
      l->set[i] = TRUE;
      l->kind_set[(gsize) in->kind * n_cells + i] = TRUE;
      e.cell = (guint16) i;
      e.value = values[i];
      g_array_append_val (entries, e);
    }
  return layout_index;
}

/* Step 6: indicators a county collects beyond the statutory tables
 * (extensions/indicators). */
static void
incoming_add_indicators (GovstatsRollup *self,
                         Incoming       *in)
{
  JsonObject *extensions = govstats_report_get_extensions (in->report);
  JsonNode *node;
  JsonObjectIter iter;
  const char *ikey;
  JsonNode *member;

  if (extensions == NULL || !json_object_has_member (extensions, "indicators"))
    return;
  node = json_object_get_member (extensions, "indicators");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &ikey, &member))
    {
      Indicator *ind;
      gint64 v;

      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64)
        {
          input_finding (self, "rollup.indicator_invalid", GOVSTATS_SEVERITY_WARNING, in->name, in->code, in->file,
                         /* Translators: %1$s is a unit, %2$s the key of an indicator. */
                         N_("%1$s: the indicator extensions/indicators/%2$s is not a whole number; "
                            "it was not consolidated."), in->display, ikey);
          continue;
        }
      v = json_node_get_int (member);
      ind = g_hash_table_lookup (self->indicator_index, ikey);
      if (ind == NULL)
        {
          ind = g_new0 (Indicator, 1);
          ind->key = g_strdup (ikey);
          g_ptr_array_add (self->indicators, ind);
          g_hash_table_insert (self->indicator_index, ind->key, ind);
        }
      ind->seen[in->kind] = TRUE;
      if (__builtin_add_overflow (ind->total, v, &ind->total) ||
          __builtin_add_overflow (ind->kinds[in->kind], v, &ind->kinds[in->kind]))
        {
          input_finding (self, "rollup.overflow", GOVSTATS_SEVERITY_ERROR, in->name, in->code, in->file,
                         /* Translators: %1$s is the key of an indicator, %2$s a unit. */
                         N_("The indicator %1$s overflows 64 bits when adding %2$s."), ikey, in->display);
        }
    }
}

/* Adds one loaded and checked report. Runs in input order, one at a time. */
void
govstats_rollup_add_checked (GovstatsRollup *self,
                             GovstatsReport *report,
                             GPtrArray      *own_findings,
                             const char     *file)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (GovstatsStoreEntry));
  Incoming in = { 0 };
  guint layout_index, first;

  /* Whatever becomes of the report, the last consolidation is out of date. */
  govstats_rollup_findings_stale (self);
  incoming_identify (self, &in, report, file);
  if (incoming_check_year (self, &in) && incoming_check_first (self, &in))
    {
      if (self->roster && in.roster_code == NULL)
        input_finding (self, "rollup.unexpected_unit", GOVSTATS_SEVERITY_WARNING, in.name, in.code, in.file,
                       /* Translators: %1$s is a unit, %2$s the file of its report. */
                       N_("%1$s (%2$s) is not on the roster: it was consolidated; check that it belongs here."),
                       in.display, in.file ? in.file : "?");
      incoming_take_findings (self, &in, own_findings);
      layout_index = incoming_add_cells (self, &in, entries);
      incoming_add_indicators (self, &in);
      first = govstats_unit_store_append (self->units, in.code, in.name, in.file, in.kind, layout_index,
                                          (const GovstatsStoreEntry *) entries->data, entries->len);
      g_assert (first != G_MAXUINT);   /* the room was checked above */
    }
  g_free (in.display);
}

/**
 * govstats_rollup_add_report:
 * @self: a rollup
 * @report: a unit's report
 *
 * Checks a unit's report against the rules of its layout and adds it to the
 * consolidation. The rollup keeps only a compact record of its values.
 *
 * Since: 0.1
 */
void
govstats_rollup_add_report (GovstatsRollup *self,
                            GovstatsReport *report)
{
  g_autoptr(GPtrArray) findings = NULL;

  g_return_if_fail (GOVSTATS_IS_ROLLUP (self));
  g_return_if_fail (GOVSTATS_IS_REPORT (report));
  findings = govstats_rule_set_check (govstats_rollup_rule_set_for (self, govstats_report_get_schema (report)), report, NULL);
  govstats_rollup_add_checked (self, report, findings, NULL);
  govstats_rollup_show_state (self);
}

void
govstats_rollup_add_input_invalid (GovstatsRollup *self,
                                   const char     *file,
                                   const GError   *error)
{
  g_ptr_array_add (self->input_findings, govstats_finding_new_input_invalid (file, error));
  govstats_rollup_findings_stale (self);
}

/**
 * govstats_rollup_add_file:
 * @self: a rollup
 * @filename: (type filename): a unit's report file
 * @error: return location for a #GError
 *
 * Loads, checks and adds a unit's report file. A file that cannot be read is
 * also recorded as an `input.invalid` finding, so the consolidation's
 * findings say what was left out.
 *
 * Returns: %TRUE if the file was read
 *
 * Since: 0.1
 */
gboolean
govstats_rollup_add_file (GovstatsRollup *self,
                          const char     *filename,
                          GError        **error)
{
  g_autoptr(GovstatsReport) report = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  report = govstats_report_new_from_file (filename, &local);
  if (report == NULL)
    {
      govstats_rollup_add_input_invalid (self, filename, local);
      govstats_rollup_show_state (self);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  govstats_rollup_add_report (self, report);
  return TRUE;
}
