/* govstats-rule-check.c — checking a report against compiled rules: evaluation, equations, blank and set cells
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-enum-types.h"
#include "govstats-error.h"
#include "govstats-finding-private.h"
#include "govstats-i18n-private.h"
#include "govstats-value-private.h"
#include "govstats-report-private.h"
#include "govstats-rule-set.h"
#include "govstats-schema-private.h"
#include "govstats-rules-private.h"

/* A report of a layout whose group row still accepts its older single row
 * (the 2021 （六）其他处理) uses either that row or its children: the other
 * alternative is absent, not blank. */
static guint8 *
compute_absent (GovstatsReport *report)
{
  GovstatsSchema *schema = govstats_report_get_schema (report);
  guint8 *absent = g_new0 (guint8, govstats_schema_get_n_cells (schema));

  for (guint t = 0; t < govstats_schema_get_n_tables (schema); t++)
    {
      const GovstatsSchemaTable *table = govstats_schema_table_at (schema, t);

      for (guint r = 0; r < table->rows->len; r++)
        {
          GovstatsSchemaRow *row = table->rows->pdata[r];
          gboolean legacy_used = FALSE;

          if (!row->group || !row->has_cells)
            continue;
          for (guint c = 0; c < table->columns->len; c++)
            legacy_used |= govstats_report_get_at (report, (guint) govstats_schema_cell_index (table, r, c), NULL);
          for (guint k = 0; k < table->rows->len; k++)
            {
              GovstatsSchemaRow *child = table->rows->pdata[k];
              gboolean mark = legacy_used ? (child->parent == (int) r) : (k == r);

              if (!mark || !child->has_cells)
                continue;
              for (guint c = 0; c < table->columns->len; c++)
                absent[govstats_schema_cell_index (table, k, c)] = TRUE;
            }
        }
    }
  return absent;
}

gboolean
applies_to (Rule           *rule,
            GovstatsReport *report)
{
  const char *name;

  if (rule->unit_kinds == NULL && rule->name_suffixes == NULL)
    return TRUE;
  if (rule->unit_kinds != NULL && govstats_report_unit_kind_is_set (report))
    {
      GEnumClass *klass = g_type_class_ref (GOVSTATS_TYPE_UNIT_KIND);
      const char *nick = g_enum_get_value (klass, (int) govstats_report_get_unit_kind (report))->value_nick;
      gboolean hit = g_strv_contains ((const char * const *) rule->unit_kinds, nick);
      g_type_class_unref (klass);
      if (hit)
        return TRUE;
    }
  name = govstats_report_get_unit_name (report);
  if (rule->name_suffixes != NULL && name != NULL)
    for (guint i = 0; rule->name_suffixes[i]; i++)
      if (g_str_has_suffix (name, rule->name_suffixes[i]))
        return TRUE;
  return FALSE;
}

/* Reads a term: FALSE if it cannot be read at all (a cell missing from last
 * year's layout). */
gboolean
read_term (Check      *ck,
           const Term *term,
           gboolean   *is_set,
           gboolean   *is_absent,
           gint64     *value,
           GovstatsValueKind *kind)
{
  GovstatsReport *report = term->previous ? ck->previous : ck->report;
  GovstatsSchema *schema = govstats_report_get_schema (report);
  int index = term->previous ? govstats_schema_lookup_cell (schema, term->path) : term->index;

  if (index < 0)
    return FALSE;
  *is_set = govstats_report_get_at (report, (guint) index, value);
  *is_absent = (term->previous ? ck->prev_absent : ck->absent)[index];
  *kind = govstats_schema_cell_kind_at (schema, (guint) index);
  return TRUE;
}

/* Sums in 128 bits: a sum of 64-bit cells can leave the 64-bit range, and
 * such a report must fail, not pass unseen. Values reported are clamped. */
static gint64
clamp64 (__int128 v)
{
  if (v > G_MAXINT64)
    return G_MAXINT64;
  if (v < G_MININT64)
    return G_MININT64;
  return (gint64) v;
}

Eval
evaluate (Check    *ck,
          Instance *instance,
          gint64   *lhs_sum,
          gint64   *rhs_sum,
          GovstatsValueKind *kind_out)
{
  __int128 sums[2] = { 0, 0 };
  gboolean can_raise = FALSE, can_lower = FALSE;   /* can a blank move lhs - rhs up or down */
  guint n_set = 0;

  *kind_out = GOVSTATS_VALUE_KIND_COUNT;
  for (int side = 0; side < 2; side++)
    {
      GArray *terms = side == 0 ? instance->lhs : instance->rhs;

      for (guint i = 0; i < terms->len; i++)
        {
          const Term *term = &g_array_index (terms, Term, i);
          gboolean is_set, is_absent;
          gint64 value;
          GovstatsValueKind kind;
          int effect = term->sign * (side == 0 ? 1 : -1);

          if (!read_term (ck, term, &is_set, &is_absent, &value, &kind))
            return EVAL_NOT_APPLICABLE;
          if (kind == GOVSTATS_VALUE_KIND_AMOUNT)
            *kind_out = kind;
          if (!is_set)
            {
              if (is_absent)
                continue;
              /* An unknown value: non-negative, except a signed change. */
              if (kind == GOVSTATS_VALUE_KIND_DELTA)
                can_raise = can_lower = TRUE;
              else if (effect > 0)
                can_raise = TRUE;
              else
                can_lower = TRUE;
              continue;
            }
          n_set++;
          sums[side] += term->sign < 0 ? -(__int128) value : (__int128) value;
        }
    }
  *lhs_sum = clamp64 (sums[0]);
  *rhs_sum = clamp64 (sums[1]);
  if (n_set == 0)
    return EVAL_NOT_APPLICABLE;
  if (sums[0] == sums[1])
    return EVAL_PASS;
  if ((sums[0] < sums[1] && can_raise) || (sums[0] > sums[1] && can_lower))
    return EVAL_UNCERTAIN;
  return EVAL_FAIL;
}

static void
collect_blank_terms (Check     *ck,
                     Instance  *instance,
                     GPtrArray *cells)
{
  for (int side = 0; side < 2; side++)
    {
      GArray *terms = side == 0 ? instance->lhs : instance->rhs;
      for (guint i = 0; i < terms->len; i++)
        {
          const Term *term = &g_array_index (terms, Term, i);
          gboolean is_set, is_absent;
          gint64 value;
          GovstatsValueKind kind;

          if (read_term (ck, term, &is_set, &is_absent, &value, &kind) && !is_set && !is_absent)
            {
              char *path = term->previous ? g_strconcat ("previous:", term->path, NULL) : g_strdup (term->path);
              if (!g_ptr_array_find_with_equal_func (cells, path, g_str_equal, NULL))
                g_ptr_array_add (cells, path);
              else
                g_free (path);
            }
        }
    }
}

/* The kind "equation": each instance evaluated; failures are kept for the
 * likely-wrong-cell hint, undecided instances gathered per rule id. */
void
govstats_rule_check_equation (Check     *ck,
                              Rule      *rule,
                              GPtrArray *failures)
{
  GPtrArray *uncertain, *blank_cells;

  if (ck->uncertain_rule != NULL && !g_str_equal (ck->uncertain_rule->id, rule->id))
    flush_uncertain (ck);
  if (ck->uncertain_rule == NULL)
    {
      ck->uncertain_rule = rule;
      ck->uncertain = g_ptr_array_new ();
      ck->uncertain_cells = g_ptr_array_new_with_free_func (g_free);
    }
  uncertain = ck->uncertain;
  blank_cells = ck->uncertain_cells;

  for (guint i = 0; i < rule->instances->len; i++)
    {
      Instance *instance = rule->instances->pdata[i];
      gint64 lhs, rhs;
      GovstatsValueKind kind;

      switch (evaluate (ck, instance, &lhs, &rhs, &kind))
        {
        case EVAL_FAIL:
          report_equation_failure (ck, rule, instance, lhs, rhs, kind);
          if (failures != NULL && !rule->cross_year)
            {
              Failure *f = g_new0 (Failure, 1);
              f->rule = rule;
              f->instance = instance;
              f->diff = (gint64) ((__int128) lhs - rhs);
              g_ptr_array_add (failures, f);
            }
          break;
        case EVAL_UNCERTAIN:
          g_ptr_array_add (uncertain, instance);
          collect_blank_terms (ck, instance, blank_cells);
          break;
        case EVAL_PASS:
        case EVAL_NOT_APPLICABLE:
        default:
          break;
        }
    }
}

static void
blank_table_clear (BlankTable *bt)
{
  g_clear_pointer (&bt->columns, g_ptr_array_unref);
  g_clear_pointer (&bt->column_cells, g_array_unref);
  g_clear_pointer (&bt->rows, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BlankTable, blank_table_clear)

/* Fills @bt and @cells (the paths of the blank cells); FALSE if there are none. */
static gboolean
find_blank_cells (Check      *ck,
                  Rule       *rule,
                  BlankTable *bt,
                  GPtrArray  *cells)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);
  const GovstatsSchemaTable *table = bt->table;
  guint n_rows = table->rows->len, n_cols = table->columns->len;
  g_autofree guint8 *in_rule = g_new0 (guint8, table->n_cells);
  g_autofree guint8 *blank = g_new0 (guint8, table->n_cells);
  g_autofree guint8 *covered = g_new0 (guint8, table->n_cells);
  guint n_in_rule = 0;

  for (guint i = 0; i < rule->cells->len; i++)
    {
      guint index = g_array_index (rule->cells, guint, i);
      if (index < table->first_cell || index >= table->first_cell + table->n_cells || ck->absent[index])
        continue;
      in_rule[index - table->first_cell] = TRUE;
      n_in_rule++;
      if (!govstats_report_get_at (ck->report, index, NULL))
        {
          blank[index - table->first_cell] = TRUE;
          bt->n_blank++;
          g_ptr_array_add (cells, g_strdup (govstats_schema_cell_at (schema, index)->path));
        }
    }
  if (bt->n_blank == 0)
    return FALSE;
  bt->whole = bt->n_blank == n_in_rule;
  bt->columns = g_ptr_array_new ();
  bt->column_cells = g_array_new (FALSE, FALSE, sizeof (guint));
  bt->rows = g_ptr_array_new ();
  if (bt->whole)
    return TRUE;

  /* Whole columns first (a blank 总计 column is the common case), then whole rows. */
  for (guint c = 0; c < n_cols; c++)
    {
      guint in_col = 0, blank_col = 0;
      for (guint r = 0; r < n_rows; r++)
        {
          int index = govstats_schema_cell_index (table, r, c);
          if (index < 0 || !in_rule[index - (int) table->first_cell])
            continue;
          in_col++;
          blank_col += blank[index - (int) table->first_cell];
        }
      if (in_col > 1 && blank_col == in_col)
        {
          g_ptr_array_add (bt->columns, table->columns->pdata[c]);
          g_array_append_val (bt->column_cells, blank_col);
          for (guint r = 0; r < n_rows; r++)
            {
              int index = govstats_schema_cell_index (table, r, c);
              if (index >= 0)
                covered[index - (int) table->first_cell] = TRUE;
            }
        }
    }
  for (guint r = 0; r < n_rows; r++)
    {
      guint in_row = 0, blank_row = 0, new_blank = 0;
      for (guint c = 0; c < n_cols; c++)
        {
          int index = govstats_schema_cell_index (table, r, c);
          if (index < 0 || !in_rule[index - (int) table->first_cell])
            continue;
          in_row++;
          blank_row += blank[index - (int) table->first_cell];
          new_blank += blank[index - (int) table->first_cell] && !covered[index - (int) table->first_cell];
        }
      if (in_row > 1 && blank_row == in_row && new_blank > 0)
        {
          g_ptr_array_add (bt->rows, &((GovstatsSchemaRow *) table->rows->pdata[r])->label);
          for (guint c = 0; c < n_cols; c++)
            {
              int index = govstats_schema_cell_index (table, r, c);
              if (index >= 0)
                covered[index - (int) table->first_cell] = TRUE;
            }
        }
    }
  for (guint i = 0; i < table->n_cells; i++)
    bt->rest += blank[i] && !covered[i];
  return TRUE;
}

/* The kind "nonnegative": a finding for each negative count or amount
 * (deltas may be negative). */
void
govstats_rule_check_nonnegative (Check     *ck,
                                 Rule      *rule,
                                 GPtrArray *failures)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);

  for (guint i = 0; i < rule->cells->len; i++)
    {
      guint index = g_array_index (rule->cells, guint, i);
      GovstatsValueKind kind = govstats_schema_cell_kind_at (schema, index);
      const char *path = govstats_schema_cell_at (schema, index)->path;
      gint64 value;

      if (kind == GOVSTATS_VALUE_KIND_DELTA || !govstats_report_get_at (ck->report, index, &value) || value >= 0)
        continue;
      {
        g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
        g_autofree char *label_zh = describe_cell (schema, path, "zh");
        g_autofree char *label_en = describe_cell (schema, path, "en");
        g_autofree char *text = govstats_value_format (value, kind);
        /* Translators: %1$s is a cell, %2$s its (negative) value. */
        const char *format = kind == GOVSTATS_VALUE_KIND_AMOUNT ? N_("%1$s is %2$s: an amount cannot be negative.")
        /* Translators: %1$s is a cell, %2$s its (negative) value. */
                                                                : N_("%1$s is %2$s: a count cannot be negative.");
        g_autofree char *zh = govstats_i18n_printf ("zh", format, label_zh, text);
        g_autofree char *en = govstats_i18n_printf ("en", format, label_en, text);
        GovstatsFinding *finding;

        g_ptr_array_add (cells, g_strdup (path));
        finding = new_finding (ck, rule->id, rule->severity, GOVSTATS_OUTCOME_FAILED, zh, en, cells);
        govstats_finding_set_values (finding, 0, value, kind);
      }
    }
}

/* The kinds "must_be_blank" and "must_be_zero": one finding naming every
 * cell that holds a value (a nonzero value). */
void
govstats_rule_check_must_be (Check     *ck,
                             Rule      *rule,
                             GPtrArray *failures)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;

  for (guint i = 0; i < rule->cells->len; i++)
    {
      guint index = g_array_index (rule->cells, guint, i);
      gint64 value;

      if (!govstats_report_get_at (ck->report, index, &value))
        continue;
      if (rule->kind == RULE_MUST_BE_ZERO && value == 0)
        continue;
      g_ptr_array_add (hits, g_strdup (govstats_schema_cell_at (schema, index)->path));
    }
  if (hits->len == 0)
    return;
  zh = cells_set_message (ck, rule, hits, "zh");
  en = cells_set_message (ck, rule, hits, "en");
  new_finding (ck, rule->id, rule->severity, GOVSTATS_OUTCOME_FAILED, zh, en, hits);
}

/* The kind "blank" (cells that must be filled): one finding per table,
 * naming whole blank columns and rows. */
void
govstats_rule_check_blank (Check     *ck,
                           Rule      *rule,
                           GPtrArray *failures)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);

  for (guint t = 0; t < govstats_schema_get_n_tables (schema); t++)
    {
      const GovstatsSchemaTable *table = govstats_schema_table_at (schema, t);
      g_auto(BlankTable) bt = { table, 0 };
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *zh = NULL;
      g_autofree char *en = NULL;

      if (!find_blank_cells (ck, rule, &bt, cells))
        continue;
      zh = blank_table_message (&bt, "zh");
      en = blank_table_message (&bt, "en");
      new_finding (ck, rule->id, rule->severity, GOVSTATS_OUTCOME_FAILED, zh, en, cells);
    }
}

/**
 * govstats_rule_set_check:
 * @self: a rule set
 * @report: the report to check; its layout must be the rule set's
 * @previous: (nullable): last year's report of the same unit, for the
 *   cross-year rules (either layout)
 *
 * Checks a report against every rule, and with @previous against the
 * cross-year rules. Waivers loaded into the rule set are applied.
 *
 * Returns: (transfer container) (element-type GovstatsFinding): the findings,
 *   in rule order; empty if the report passes
 *
 * Since: 0.1
 */
GPtrArray *
govstats_rule_set_check (GovstatsRuleSet *self,
                         GovstatsReport  *report,
                         GovstatsReport  *previous)
{
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint8 *absent = NULL;
  g_autofree guint8 *prev_absent = NULL;
  Check ck = { 0 };

  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (GOVSTATS_IS_REPORT (report), NULL);
  g_return_val_if_fail (previous == NULL || GOVSTATS_IS_REPORT (previous), NULL);
  g_return_val_if_fail (govstats_report_get_schema (report) == self->schema, NULL);

  ck.self = self;
  ck.report = report;
  ck.previous = previous;
  ck.findings = g_ptr_array_new_with_free_func (g_object_unref);
  ck.absent = absent = compute_absent (report);
  if (previous)
    ck.prev_absent = prev_absent = compute_absent (previous);

  for (guint r = 0; r < self->rules->len; r++)
    {
      Rule *rule = self->rules->pdata[r];

      if (!applies_to (rule, report))
        continue;
      if (rule->cross_year && previous == NULL)
        continue;
      if (!govstats_rule_kinds[rule->kind].gathers_undecided)
        flush_uncertain (&ck);
      govstats_rule_kinds[rule->kind].check (&ck, rule, failures);
    }
  flush_uncertain (&ck);
  g_clear_pointer (&ck.statements, g_ptr_array_unref);
  find_likely_wrong_cells (&ck, failures);
  govstats_rule_set_apply_waivers (self, ck.findings);
  return ck.findings;
}

/**
 * govstats_report_check:
 * @self: a report
 * @previous: (nullable): last year's report of the same unit
 *
 * Checks a report against the built-in rules of its layout. See
 * [method@Govstats.RuleSet.check].
 *
 * Returns: (transfer container) (element-type GovstatsFinding): the findings
 *
 * Since: 0.1
 */
GPtrArray *
govstats_report_check (GovstatsReport *self,
                       GovstatsReport *previous)
{
  g_autoptr(GovstatsRuleSet) rules = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  rules = govstats_rule_set_new (govstats_report_get_schema (self), &error);
  if (rules == NULL)
    g_error ("the built-in rules of layout %s are broken: %s", govstats_report_get_version (self), error->message);
  return govstats_rule_set_check (rules, self, previous);
}
