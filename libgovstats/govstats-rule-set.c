/* govstats-rule-set.c — consistency rules (勾稽关系) compiled from schema data
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
#include "govstats-file-private.h"
#include "govstats-json-reader-private.h"
#include "govstats-markdown-private.h"
#include "govstats-report-private.h"
#include "govstats-rule-set.h"
#include "govstats-schema-private.h"
#include "govstats-rules-private.h"

/**
 * GovstatsRuleSet:
 *
 * The consistency rules of one layout, compiled from the schema's data and
 * from optional extra rule files (a province can add its own), with optional
 * waivers (accepted exceptions).
 *
 * <!-- run: rule-set -->
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GovstatsReport) report = govstats_report_new_from_file ("units/D08.json", &error);
 * g_autoptr(GovstatsReport) last_year = govstats_report_new_from_file ("last-year/D08.json", NULL);
 * g_autoptr(GovstatsRuleSet) rules = govstats_rule_set_new (govstats_report_get_schema (report), NULL);
 * g_autoptr(GPtrArray) findings = govstats_rule_set_check (rules, report, last_year);
 *
 * for (guint i = 0; i < findings->len; i++)
 *   {
 *     g_autofree char *line = govstats_finding_to_string (findings->pdata[i], "en");
 *     g_print ("%s\n", line);
 *   }
 * ```
 *
 * It prints:
 *
 * <!-- output: rule-set -->
 * ```text
 * error [review_litigation.row_total] row “Administrative reconsideration”: the sum of 4 items from Upheld to Pending = 5, but Total = 4: the left side is larger by 1.
 * ```
 *
 * [method@Govstats.RuleSet.check] checks a report, and with last year's
 * report the cross-year rules too, and returns findings: each names the
 * rule, the cells, the expected and actual values and the unit.
 *
 * Blank cells are not zeros. An equation whose printed cells balance passes;
 * one that does not balance but would for some values of its blank cells is
 * *uncertain* ([enum@Govstats.Outcome]), and uncertain instances of a rule are
 * reported once per report. A wholly blank 总计 column is one `cells.blank`
 * finding, not one per cell. When several equations break at once, a hint
 * names the smallest set of cells (one or two) whose change would satisfy all
 * of them: usually the mistyped cell.
 *
 * From Python, with a file of accepted exceptions:
 *
 * <!-- run: rule-set-python -->
 * ```python
 * report = Govstats.Report.new_from_file("units/D08.json")
 * rules = Govstats.RuleSet.new(report.get_schema())
 * rules.load_waivers_from_file("waivers.json")
 * for finding in rules.check(report, None):
 *     print(finding.to_string("en"))
 * ```
 *
 * It prints:
 *
 * <!-- output: rule-set-python -->
 * ```text
 * error (waived) [review_litigation.row_total] row “Administrative reconsideration”: the sum of 4 items from Upheld to Pending = 5, but Total = 4: the left side is larger by 1.
 * ```
 *
 * See the [rule file format](rules.html).
 *
 * Since: 0.1
 */
G_DEFINE_FINAL_TYPE (GovstatsRuleSet, govstats_rule_set, G_TYPE_OBJECT)

static void
rule_free (gpointer data)
{
  Rule *rule = data;

  g_free (rule->id);
  g_free (rule->statement.zh);
  g_free (rule->statement.en);
  g_free (rule->source.zh);
  g_free (rule->source.en);
  g_free (rule->origin);
  g_free (rule->for_each);
  g_ptr_array_unref (rule->instances);
  g_array_unref (rule->cells);
  g_strfreev (rule->unit_kinds);
  g_strfreev (rule->name_suffixes);
  g_free (rule->narrative);
  g_free (rule);
}

void
waiver_free (gpointer data)
{
  Waiver *waiver = data;

  g_free (waiver->rule);
  g_free (waiver->unit);
  g_free (waiver->fingerprint);
  g_strfreev (waiver->cells);
  g_free (waiver->reason);
  g_free (waiver->by);
  g_free (waiver);
}

static void
govstats_rule_set_finalize (GObject *object)
{
  GovstatsRuleSet *self = GOVSTATS_RULE_SET (object);

  g_clear_object (&self->schema);
  g_ptr_array_unref (self->rules);
  g_ptr_array_unref (self->waivers);

  G_OBJECT_CLASS (govstats_rule_set_parent_class)->finalize (object);
}

static void
govstats_rule_set_class_init (GovstatsRuleSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govstats_rule_set_finalize;
}

static void
govstats_rule_set_init (GovstatsRuleSet *self)
{
  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->waivers = g_ptr_array_new_with_free_func (waiver_free);
}

/**
 * govstats_rule_set_new:
 * @schema: a layout
 * @error: return location for a #GError
 *
 * Compiles the rules of a layout from its schema data.
 *
 * Returns: (transfer full): a new rule set, or %NULL with
 *   %GOVSTATS_ERROR_INVALID_SCHEMA if a rule is malformed
 *
 * Since: 0.1
 */
GovstatsRuleSet *
govstats_rule_set_new (GovstatsSchema  *schema,
                       GError         **error)
{
  g_autoptr(GovstatsRuleSet) self = NULL;
  JsonArray *rules;

  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (schema), NULL);
  self = g_object_new (GOVSTATS_TYPE_RULE_SET, NULL);
  self->schema = g_object_ref (schema);
  rules = govstats_schema_get_rules_json (schema);
  if (rules != NULL)
    {
      g_autofree char *origin = g_strdup_printf ("schema %s", govstats_schema_get_version (schema));
      if (!compile_rules (self, rules, origin, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * govstats_rule_set_get_schema:
 * @self: a rule set
 *
 * Gets the layout the rules are compiled for.
 *
 * Returns: (transfer none): the schema
 *
 * Since: 0.1
 */
GovstatsSchema *
govstats_rule_set_get_schema (GovstatsRuleSet *self)
{
  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), NULL);
  return self->schema;
}

JsonNode *
parse_input (const char  *data,
             gssize       length,
             const char  *name,
             GError     **error)
{
  gsize len = length < 0 ? strlen (data) : (gsize) length;

  if (!govstats_json_precheck (data, len, name, error))
    return NULL;
  return govstats_json_parse (data, len, name, error);
}

/**
 * govstats_rule_set_add_rules_from_data:
 * @self: a rule set
 * @data: (array length=length) (element-type guint8): the JSON text of a rule file
 * @length: the length of @data, or -1 if it is nul-terminated
 * @name: (nullable): what to call the input in messages
 * @error: return location for a #GError
 *
 * Adds the rules of an extra rule file: `{"rules": [ … ]}`, each rule as in
 * the schema data. A rule with `"versions": ["2021"]` only applies to those
 * layouts. If any rule is malformed, none of the file's rules is added.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
govstats_rule_set_add_rules_from_data (GovstatsRuleSet *self,
                                       const char      *data,
                                       gssize           length,
                                       const char      *name,
                                       GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;
  JsonNode *rules;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  if (name == NULL)
    name = "<rules>";
  root = parse_input (data, length, name, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_SCHEMA,
                   "%s: a rule file is an object {\"rules\": […]}", name);
      return FALSE;
    }
  o = json_node_get_object (root);
  json_object_iter_init_ordered (&iter, o);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    if (!g_str_equal (key, "rules") && !g_str_equal (key, "name") && !g_str_equal (key, "description"))
      {
        govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_SCHEMA,
                     "%s: unknown member “%s” (a rule file has “rules”, “name” and “description”)", name, key);
        return FALSE;
      }
  rules = json_object_get_member (o, "rules");
  if (rules == NULL || !JSON_NODE_HOLDS_ARRAY (rules))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_SCHEMA,
                   "%s: “rules” must be an array", name);
      return FALSE;
    }
  return compile_rules (self, json_node_get_array (rules), name, error);
}

/**
 * govstats_rule_set_add_rules_from_file:
 * @self: a rule set
 * @filename: (type filename): a rule file
 * @error: return location for a #GError
 *
 * Adds the rules of an extra rule file; see
 * [method@Govstats.RuleSet.add_rules_from_data].
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
govstats_rule_set_add_rules_from_file (GovstatsRuleSet *self,
                                       const char      *filename,
                                       GError         **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  data = govstats_read_file (filename, &length, error);
  return data != NULL && govstats_rule_set_add_rules_from_data (self, data, (gssize) length, filename, error);
}

/* ---------- checking ---------- */

/* ---------- introspection of the rules ---------- */

static Rule *
find_rule (GovstatsRuleSet *self,
           const char      *id)
{
  for (guint i = 0; i < self->rules->len; i++)
    if (g_str_equal (((Rule *) self->rules->pdata[i])->id, id))
      return self->rules->pdata[i];
  return NULL;
}

/**
 * govstats_rule_set_dup_rule_ids:
 * @self: a rule set
 *
 * Lists the ids of the rules, each once, in order.
 *
 * Returns: (transfer full) (array zero-terminated=1): the rule ids
 *
 * Since: 0.1
 */
char **
govstats_rule_set_dup_rule_ids (GovstatsRuleSet *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), NULL);
  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = self->rules->pdata[i];
      if (g_hash_table_add (seen, rule->id))
        g_strv_builder_add (builder, rule->id);
    }
  return g_strv_builder_end (builder);
}

/**
 * govstats_rule_set_has_rule:
 * @self: a rule set
 * @rule_id: a rule id
 *
 * Tells whether the rule set has a rule.
 *
 * Returns: %TRUE if a rule has the id
 *
 * Since: 0.1
 */
gboolean
govstats_rule_set_has_rule (GovstatsRuleSet *self,
                            const char      *rule_id)
{
  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);
  return find_rule (self, rule_id) != NULL;
}

/**
 * govstats_rule_set_get_rule_statement:
 * @self: a rule set
 * @rule_id: a rule id
 * @lang: (nullable): `zh` or `en`; %NULL for Chinese, the statutory
 *   language of the layout's texts
 *
 * Gets what a rule says, in words.
 *
 * Returns: (transfer none) (nullable): the statement, or %NULL for an unknown rule
 *
 * Since: 0.1
 */
const char *
govstats_rule_set_get_rule_statement (GovstatsRuleSet *self,
                                      const char      *rule_id,
                                      const char      *lang)
{
  Rule *rule;

  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (rule_id != NULL, NULL);
  rule = find_rule (self, rule_id);
  return rule ? govstats_label_get (&rule->statement, lang) : NULL;
}

/**
 * govstats_rule_set_get_rule_severity:
 * @self: a rule set
 * @rule_id: a known rule id
 *
 * Gets the severity of a rule.
 *
 * Returns: the severity
 *
 * Since: 0.1
 */
GovstatsSeverity
govstats_rule_set_get_rule_severity (GovstatsRuleSet *self,
                                     const char      *rule_id)
{
  Rule *rule;

  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), GOVSTATS_SEVERITY_ERROR);
  g_return_val_if_fail (rule_id != NULL, GOVSTATS_SEVERITY_ERROR);
  rule = find_rule (self, rule_id);
  g_return_val_if_fail (rule != NULL, GOVSTATS_SEVERITY_ERROR);
  return rule->severity;
}

/**
 * govstats_rule_set_to_markdown:
 * @self: a rule set
 * @lang: (nullable): `zh` or `en`; %NULL for Chinese, the statutory
 *   language of the layout's texts
 *
 * Writes the catalogue of the rules as a Markdown table: id, severity, kind,
 * statement, source and where the rule was defined.
 *
 * Returns: (transfer full): the Markdown text
 *
 * Since: 0.1
 */
char *
govstats_rule_set_to_markdown (GovstatsRuleSet *self,
                               const char      *lang)
{
  static const char * const severities[] = { "error", "warning", "info" };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *words = lang ? lang : "zh";
  GString *s;

  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), NULL);
  s = g_string_new (NULL);
  /* Translators: %s is a layout's version (2019 or 2021). */
  govstats_i18n_append (s, words, N_("## Rules of layout %s\n\n"), govstats_schema_get_version (self->schema));
  g_string_append (s, govstats_i18n_gettext (words, "| id | severity | kind | statement | source | defined in |\n"
                                                    "|---|---|---|---|---|---|\n"));
  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = self->rules->pdata[i];
      if (!g_hash_table_add (seen, rule->id))
        continue;
      g_string_append_printf (s, "| `%s` | %s | %s%s%s | ", rule->id, severities[rule->severity], govstats_rule_kinds[rule->kind].name,
                              rule->cross_year ? govstats_i18n_gettext (words, ", cross-year") : "",
                              rule->for_each ? (g_str_equal (rule->for_each, "row") ? govstats_i18n_gettext (words, ", every row")
                                                                                    : govstats_i18n_gettext (words, ", every column"))
                                             : "");
      govstats_markdown_append_cell (s, govstats_label_get (&rule->statement, lang));
      g_string_append (s, " | ");
      govstats_markdown_append_cell (s, rule->source.zh ? govstats_label_get (&rule->source, lang) : "");
      g_string_append_printf (s, " | %s |\n", rule->origin);
    }
  g_string_append (s, govstats_i18n_gettext (words, "\nAlso reported: `hint.likely_wrong_cell` (info), the smallest set "
                                                    "of cells whose change would satisfy every broken equation of a report.\n"));
  return g_string_free (s, FALSE);
}
