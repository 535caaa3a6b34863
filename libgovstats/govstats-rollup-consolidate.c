/* govstats-rollup-consolidate.c — the consolidated report: its layout, the sums, the findings and the units responsible
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

GovstatsSchema *
govstats_rollup_choose_schema (GovstatsRollup *self)
{
  LayoutSums *best = NULL;

  if (self->schema)
    return self->schema;
  for (guint i = 0; i < self->layouts->len; i++)
    {
      LayoutSums *l = self->layouts->pdata[i];
      if (best == NULL || l->n_reports > best->n_reports ||
          (l->n_reports == best->n_reports &&
           strcmp (govstats_schema_get_version (l->schema), govstats_schema_get_version (best->schema)) > 0))
        best = l;
    }
  if (best)
    return best->schema;
  {
    const char * const *versions = govstats_schema_list_versions ();
    return govstats_schema_get_for_version (versions[g_strv_length ((char **) versions) - 1]);
  }
}

/* The index in @target of cell @index of @from, or -1. A row that the target
 * layout prints as a single row of its group (the 2021 other.* rows in the
 * 2019 layout's （六）其他处理) adds into that row. */
static int
map_cell (GovstatsSchema *from,
          guint           index,
          GovstatsSchema *target)
{
  const GovstatsSchemaCell *cell;
  const GovstatsSchemaTable *table;
  const GovstatsSchemaRow *row;
  g_autofree char *parent_path = NULL;
  int mapped;

  if (from == target)
    return (int) index;
  cell = govstats_schema_cell_at (from, index);
  mapped = govstats_schema_lookup_cell (target, cell->path);
  if (mapped >= 0)
    return mapped;
  table = govstats_schema_table_at (from, cell->table);
  row = table->rows->pdata[cell->row];
  if (row->parent < 0)
    return -1;
  parent_path = g_strdup_printf ("%s/%s/%s", table->key,
                                 ((GovstatsSchemaRow *) table->rows->pdata[row->parent])->key,
                                 ((GovstatsSchemaColumn *) table->columns->pdata[cell->column])->key);
  return govstats_schema_lookup_cell (target, parent_path);
}

static char *
mixed_version_message (LayoutSums     *l,
                       GovstatsSchema *target,
                       GPtrArray      *dropped,
                       const char     *cells,
                       const char     *lang)
{
  g_autoptr(GString) units = g_string_new (NULL);
  const char *version = govstats_schema_get_version (l->schema);
  const char *target_version = govstats_schema_get_version (target);

  for (guint u = 0; u < l->units->len && u < 5; u++)
    {
      if (u > 0)
        g_string_append (units, govstats_i18n_pgettext (lang, "list", ", "));
      g_string_append (units, l->units->pdata[u]);
    }
  if (l->n_reports > 5)
    /* Translators: after a list of units cut short; %u is how many there are in all. */
    govstats_i18n_append (units, lang, N_(" and others, %u units in all"), l->n_reports);
  if (dropped->len > 0)
    /* Translators: %1$u reports (%2$s names some of their units) of the %3$s
     * layout in a consolidation of the %4$s layout; %5$s lists the cells left out. */
    return govstats_i18n_printf (lang, govstats_i18n_ngettext (lang,
                                   "%1$u report (%2$s) uses the %3$s layout, the consolidation the %4$s layout: the cells "
                                   "both layouts share were consolidated; these cells have no counterpart and were left out: %5$s.",
                                   "%1$u reports (%2$s) use the %3$s layout, the consolidation the %4$s layout: the cells "
                                   "both layouts share were consolidated; these cells have no counterpart and were left out: %5$s.",
                                   l->n_reports),
                                 l->n_reports, units->str, version, target_version, cells);
  /* Translators: as the message before, when no value was left out. */
  return govstats_i18n_printf (lang, govstats_i18n_ngettext (lang,
                                 "%1$u report (%2$s) uses the %3$s layout, the consolidation the %4$s layout: the cells "
                                 "both layouts share were consolidated, no value was left out.",
                                 "%1$u reports (%2$s) use the %3$s layout, the consolidation the %4$s layout: the cells "
                                 "both layouts share were consolidated, no value was left out.",
                                 l->n_reports),
                               l->n_reports, units->str, version, target_version);
}

static void
report_mixed_versions (GovstatsRollup *self,
                       GovstatsSchema *target)
{
  for (guint i = 0; i < self->layouts->len; i++)
    {
      LayoutSums *l = self->layouts->pdata[i];
      g_autoptr(GPtrArray) dropped = g_ptr_array_new ();
      g_autoptr(GString) cells = g_string_new (NULL);
      g_autofree char *zh = NULL, *en = NULL;
      GovstatsFinding *finding;
      guint n = govstats_schema_get_n_cells (l->schema);

      if (l->schema == target)
        continue;
      for (guint c = 0; c < n; c++)
        if (l->set[c] && map_cell (l->schema, c, target) < 0)
          g_ptr_array_add (dropped, govstats_schema_cell_at (l->schema, c)->path);
      for (guint c = 0; c < dropped->len && c < 8; c++)
        g_string_append_printf (cells, "%s%s", c ? ", " : "", (char *) dropped->pdata[c]);
      if (dropped->len > 8)
        g_string_append_printf (cells, " … (%u)", dropped->len);
      zh = mixed_version_message (l, target, dropped, cells->str, "zh");
      en = mixed_version_message (l, target, dropped, cells->str, "en");
      finding = govstats_finding_new ("rollup.mixed_version", GOVSTATS_SEVERITY_ERROR, zh, en);
      {
        g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
        guint n_units = govstats_unit_store_get_n_units (self->units);

        for (guint u = 0; u < n_units; u++)
          {
            g_auto(GovstatsUnitRecord) record = { 0 };
            const char *id;

            if (!govstats_unit_store_get (self->units, u, &record, NULL, NULL))
              continue;
            id = record.code ? record.code : record.name;
            if (self->layouts->pdata[record.layout] == l && id)
              g_ptr_array_add (codes, g_strdup (id));
          }
        g_ptr_array_add (codes, NULL);
        govstats_finding_set_units (finding, (const char * const *) codes->pdata);
      }
      if (dropped->len)
        {
          g_ptr_array_add (dropped, NULL);
          govstats_finding_set_cells (finding, (const char * const *) dropped->pdata);
        }
      g_ptr_array_add (self->findings, finding);
    }
}

/* Units whose own findings of the same rule touch the cells of @finding. */
static void
name_responsible_units (GovstatsRollup  *self,
                        GovstatsFinding *finding)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  const char * const *cells = govstats_finding_get_cells (finding);
  const char *rule = govstats_finding_get_rule_id (finding);

  for (guint i = 0; i < self->unit_findings->len; i++)
    {
      GovstatsFinding *f = self->unit_findings->pdata[i];
      const char * const *fc = govstats_finding_get_cells (f);
      const char *unit = govstats_finding_get_unit_code (f) ? govstats_finding_get_unit_code (f)
                                                            : govstats_finding_get_unit_name (f);
      gboolean touches = FALSE;

      if (unit == NULL || !g_str_equal (govstats_finding_get_rule_id (f), rule) ||
          govstats_finding_get_outcome (f) == GOVSTATS_OUTCOME_NOTE)
        continue;
      for (guint a = 0; fc[a] && !touches; a++)
        touches = g_strv_contains (cells, fc[a]);
      if (touches && !g_ptr_array_find_with_equal_func (units, unit, g_str_equal, NULL))
        g_ptr_array_add (units, (gpointer) unit);
    }
  if (units->len > 0)
    {
      g_ptr_array_add (units, NULL);
      govstats_finding_set_units (finding, (const char * const *) units->pdata);
    }
}

/**
 * govstats_rollup_consolidate:
 * @self: a rollup
 *
 * Makes the consolidated report of every report added so far, and the
 * findings ([method@Govstats.Rollup.get_findings]). The result has scope
 * aggregate, the layout most reports use (or the one chosen with
 * [method@Govstats.Rollup.set_schema]), the exact cell-wise sums, a
 * `sources` list naming every unit included, and the summed indicators
 * under `extensions/indicators`.
 *
 * Returns: (transfer full): the consolidated report
 *
 * Since: 0.1
 */
GovstatsReport *
govstats_rollup_consolidate (GovstatsRollup *self)
{
  GovstatsSchema *target;
  GovstatsReport *result;
  g_autoptr(GPtrArray) checked = NULL;
  guint n_target, n_units;

  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), NULL);

  target = govstats_rollup_choose_schema (self);
  self->result_schema = target;
  n_target = govstats_schema_get_n_cells (target);
  result = govstats_report_new (target);
  govstats_report_set_scope (result, GOVSTATS_SCOPE_AGGREGATE);
  if (self->year_set)
    govstats_report_set_year (result, self->year);
  govstats_report_set_unit_name (result, govstats_rollup_get_name (self));
  govstats_report_set_unit_kind (result, GOVSTATS_UNIT_KIND_GOVERNMENT);

  for (guint i = 0; i < self->layouts->len; i++)
    {
      LayoutSums *l = self->layouts->pdata[i];
      guint n = govstats_schema_get_n_cells (l->schema);

      for (guint c = 0; c < n; c++)
        {
          int t = map_cell (l->schema, c, target);
          gint64 sum;

          if (t < 0 || !l->set[c])
            continue;
          govstats_report_get_at (result, (guint) t, &sum);
          if (!__builtin_add_overflow (sum, l->sums[c], &sum))
            govstats_report_set_at (result, (guint) t, sum);
        }
    }
  (void) n_target;

  /* A consolidation of no unit has no `sources` member. */
  n_units = govstats_unit_store_get_n_units (self->units);
  if (n_units > 0)
    govstats_report_set_source_store (result, self->units, n_units);

  if (self->indicators->len > 0)
    {
      JsonObject *extensions = json_object_new ();
      JsonObject *indicators = json_object_new ();

      for (guint i = 0; i < self->indicators->len; i++)
        {
          Indicator *ind = self->indicators->pdata[i];
          json_object_set_int_member (indicators, ind->key, ind->total);
        }
      json_object_set_object_member (extensions, "indicators", indicators);
      govstats_report_set_extensions (result, extensions);
      json_object_unref (extensions);
    }

  /* The findings: of the consolidation, of the consolidated report, of the units. */
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->input_findings->len; i++)
    g_ptr_array_add (self->findings, g_object_ref (self->input_findings->pdata[i]));
  if (self->roster)
    {
      g_auto(GStrv) codes = govstats_roster_dup_codes (self->roster);
      for (guint i = 0; codes[i]; i++)
        {
          const char *name = govstats_roster_get_unit_name (self->roster, codes[i]);
          GovstatsFinding *finding;
          const char *units[] = { codes[i], NULL };
          g_autoptr(GError) error = NULL;
          guint found;

          if (!govstats_unit_store_find (self->units, codes[i], &found, &error))
            {
              g_ptr_array_add (self->findings,
                               govstats_finding_new_printf ("rollup.store_failed", GOVSTATS_SEVERITY_ERROR,
                                                            /* Translators: %s is why the check failed. */
                                                            N_("Could not check that every unit on the roster has a "
                                                               "report: %s."), error->message));
              break;
            }
          if (found != G_MAXUINT)
            continue;
          finding = govstats_finding_new_printf ("rollup.missing_unit", GOVSTATS_SEVERITY_ERROR,
                                                 /* Translators: %1$s is a unit's name, %2$s its code. */
                                                 N_("%1$s (%2$s) is on the roster but has no report: "
                                                    "the consolidation lacks its figures."), name, codes[i]);
          govstats_finding_set_unit (finding, name, codes[i]);
          govstats_finding_set_units (finding, units);
          g_ptr_array_add (self->findings, finding);
        }
    }
  report_mixed_versions (self, target);

  checked = govstats_rule_set_check (govstats_rollup_rule_set_for (self, target), result, self->previous);
  for (guint i = 0; i < checked->len; i++)
    {
      GovstatsFinding *finding = checked->pdata[i];
      name_responsible_units (self, finding);
      g_ptr_array_add (self->findings, g_object_ref (finding));
    }
  for (guint i = 0; i < self->unit_findings->len; i++)
    g_ptr_array_add (self->findings, g_object_ref (self->unit_findings->pdata[i]));
  govstats_rule_set_apply_waivers (govstats_rollup_rule_set_for (self, target), self->findings);

  self->model_serial = self->findings_serial;
  govstats_finding_list_set_findings (self->findings_model, self->findings);
  return result;
}
