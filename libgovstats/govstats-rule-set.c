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
#include "govstats-private.h"
#include "govstats-report-private.h"
#include "govstats-rule-set.h"
#include "govstats-schema-private.h"

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
 */

typedef enum {
  RULE_EQUATION,
  RULE_NONNEGATIVE,
  RULE_BLANK,
  RULE_MUST_BE_BLANK,
  RULE_MUST_BE_ZERO,
} RuleKind;

typedef struct {
  int       index;      /* cell index in this schema; -1 for a previous: term */
  char     *path;
  int       sign;       /* +1 or -1 */
  gboolean  previous;
} Term;

typedef struct {
  GArray        *lhs;   /* Term */
  GArray        *rhs;   /* Term */
  char          *context;     /* the row or column key it was expanded for */
  GovstatsLabel  context_label;
} Instance;

typedef struct {
  char            *id;
  GovstatsSeverity severity;
  RuleKind         kind;
  GovstatsLabel    statement;
  GovstatsLabel    source;
  char            *origin;
  char            *for_each;    /* "row", "column" or NULL */
  gboolean         cross_year;
  gboolean         expected_rhs;
  GPtrArray       *instances;   /* Instance */
  GArray          *cells;       /* guint cell indexes, for the cell rules */
  GStrv            unit_kinds;
  GStrv            name_suffixes;
} Rule;

typedef struct {
  char *rule;
  char *unit;
  char *fingerprint;
  GStrv cells;
  char *reason;
  char *by;
} Waiver;

struct _GovstatsRuleSet
{
  GObject         parent_instance;

  GovstatsSchema *schema;
  GPtrArray      *rules;     /* Rule */
  GPtrArray      *waivers;   /* Waiver */
};

G_DEFINE_FINAL_TYPE (GovstatsRuleSet, govstats_rule_set, G_TYPE_OBJECT)

static void
term_clear (gpointer data)
{
  g_free (((Term *) data)->path);
}

static void
instance_free (gpointer data)
{
  Instance *instance = data;

  g_array_unref (instance->lhs);
  g_array_unref (instance->rhs);
  g_free (instance->context);
  g_free (instance->context_label.zh);
  g_free (instance->context_label.en);
  g_free (instance);
}

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
  g_free (rule);
}

static void
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

/* ---------- compiling ---------- */

static gboolean
rule_fail (GError    **error,
           const char *origin,
           const char *id,
           const char *format,
           ...) G_GNUC_PRINTF (4, 5);

static gboolean
rule_fail (GError    **error,
           const char *origin,
           const char *id,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  msg = g_strdup_vprintf (_(format), args);
#pragma GCC diagnostic pop
  va_end (args);
  /* Translators: %1$s is a rule file, %2$s the rule's id, %3$s what is wrong with it. */
  govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_SCHEMA,
                           "%1$s: rule %2$s: %3$s", origin, id ? id : _("(without id)"), msg);
  return FALSE;
}

static gboolean
read_label (JsonObject    *o,
            const char    *member,
            GovstatsLabel *label)
{
  JsonNode *node = json_object_get_member (o, member);
  JsonObject *l;

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      label->zh = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  l = json_node_get_object (node);
  label->zh = g_strdup (json_object_get_string_member_with_default (l, "zh", NULL));
  label->en = g_strdup (json_object_get_string_member_with_default (l, "en", NULL));
  return label->zh != NULL || label->en != NULL;
}

static gboolean
read_strv (JsonObject *o,
           const char *member,
           GStrv      *out)
{
  JsonNode *node = json_object_get_member (o, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
        return FALSE;
      g_strv_builder_add (builder, json_node_get_string (e));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static char *
substitute (const char *text,
            const char *placeholder,
            const char *value)
{
  g_auto(GStrv) parts = NULL;

  if (value == NULL || strstr (text, placeholder) == NULL)
    return g_strdup (text);
  parts = g_strsplit (text, placeholder, -1);
  return g_strjoinv (value, parts);
}

static gboolean
path_in_any_layout (const char *path)
{
  for (const char * const *v = govstats_schema_list_versions (); *v; v++)
    if (govstats_schema_has_cell (govstats_schema_get_for_version (*v), path))
      return TRUE;
  return FALSE;
}

static gboolean
compile_terms (GovstatsRuleSet *self,
               Rule            *rule,
               GStrv            texts,
               const char      *placeholder,
               const char      *value,
               GArray          *out,
               GError         **error)
{
  for (guint i = 0; texts[i]; i++)
    {
      const char *p = texts[i];
      g_autofree char *path = NULL;
      Term term = { -1, NULL, 1, FALSE };

      if (*p == '-' || *p == '+')
        {
          term.sign = *p == '-' ? -1 : 1;
          p++;
        }
      if (g_str_has_prefix (p, "previous:"))
        {
          term.previous = TRUE;
          p += strlen ("previous:");
        }
      path = substitute (p, placeholder, value);
      if (strchr (path, '{') != NULL)
        return rule_fail (error, rule->origin, rule->id,
                          "term “%s” has a placeholder that for_each does not fill", texts[i]);
      if (term.previous)
        {
          if (!path_in_any_layout (path))
            return rule_fail (error, rule->origin, rule->id, "term “%s”: %s is not a cell of any layout",
                              texts[i], path);
          rule->cross_year = TRUE;
        }
      else
        {
          term.index = govstats_schema_lookup_cell (self->schema, path);
          if (term.index < 0)
            {
              g_autoptr(GError) local = NULL;
              govstats_schema_set_path_error (self->schema, path, &local);
              return rule_fail (error, rule->origin, rule->id, "term “%s”: %s", texts[i], local->message);
            }
        }
      term.path = g_steal_pointer (&path);
      g_array_append_val (out, term);
    }
  return TRUE;
}

static gboolean
match_pattern (const char *pattern,
               const char *path)
{
  g_auto(GStrv) p = g_strsplit (pattern, "/", 3);
  g_auto(GStrv) c = g_strsplit (path, "/", 3);

  if (g_strv_length (p) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (!g_str_equal (p[i], "*") && !g_str_equal (p[i], c[i]))
      return FALSE;
  return TRUE;
}

static gboolean
compile_rule (GovstatsRuleSet *self,
              JsonNode        *node,
              const char      *origin,
              guint            position,
              GError         **error)
{
  static const char * const known[] = {
    "id", "severity", "kind", "statement", "source", "for_each", "lhs", "rhs", "cells",
    "applies_to", "expected", "versions", "description", NULL
  };
  g_autofree char *where = g_strdup_printf ("%s: rule %u", origin, position + 1);
  Rule *rule;
  JsonObject *o;
  JsonObjectIter iter;
  const char *key, *kind, *severity;
  JsonNode *member;
  g_auto(GStrv) versions = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return rule_fail (error, origin, NULL, "rule %u is not an object", position + 1);
  o = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, o);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    if (!g_strv_contains (known, key))
      return rule_fail (error, origin, json_object_get_string_member_with_default (o, "id", NULL),
                        "unknown member “%s”", key);
  if (!read_strv (o, "versions", &versions))
    return rule_fail (error, origin, NULL, "“versions” must be an array of strings");
  if (versions != NULL && !g_strv_contains ((const char * const *) versions,
                                            govstats_schema_get_version (self->schema)))
    {
      /* A rule of another layout: still check it against that layout, so that
       * a broken rule file fails whatever report it is first used with. */
      for (guint i = 0; versions[i]; i++)
        {
          GovstatsSchema *other = govstats_schema_get_for_version (versions[i]);
          g_autoptr(GovstatsRuleSet) probe = NULL;

          if (other == NULL)
            return rule_fail (error, origin, json_object_get_string_member_with_default (o, "id", NULL),
                              "“versions” names an unknown layout “%s”", versions[i]);
          probe = g_object_new (GOVSTATS_TYPE_RULE_SET, NULL);
          probe->schema = g_object_ref (other);
          if (!compile_rule (probe, node, origin, position, error))
            return FALSE;
        }
      return TRUE;
    }

  rule = g_new0 (Rule, 1);
  rule->instances = g_ptr_array_new_with_free_func (instance_free);
  rule->cells = g_array_new (FALSE, FALSE, sizeof (guint));
  rule->origin = g_strdup (origin);
  g_ptr_array_add (self->rules, rule);

  member = json_object_get_member (o, "id");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING ||
      *json_node_get_string (member) == '\0')
    return rule_fail (error, origin, NULL, "rule %u has no “id” string", position + 1);
  rule->id = g_strdup (json_node_get_string (member));

  severity = json_object_get_string_member_with_default (o, "severity", "error");
  if (g_str_equal (severity, "error"))
    rule->severity = GOVSTATS_SEVERITY_ERROR;
  else if (g_str_equal (severity, "warning"))
    rule->severity = GOVSTATS_SEVERITY_WARNING;
  else if (g_str_equal (severity, "info"))
    rule->severity = GOVSTATS_SEVERITY_INFO;
  else
    return rule_fail (error, origin, rule->id, "unknown severity “%s” (error, warning or info)", severity);

  if (!read_label (o, "statement", &rule->statement) || rule->statement.zh == NULL)
    return rule_fail (error, origin, rule->id, "“statement” must be {\"zh\": …, \"en\": …}");
  if (!read_label (o, "source", &rule->source))
    return rule_fail (error, origin, rule->id, "“source” must be {\"zh\": …, \"en\": …}");
  if (rule->statement.en == NULL)
    rule->statement.en = g_strdup (rule->statement.zh);

  member = json_object_get_member (o, "applies_to");
  if (member != NULL)
    {
      JsonObject *a;
      if (!JSON_NODE_HOLDS_OBJECT (member))
        return rule_fail (error, origin, rule->id, "“applies_to” must be an object");
      a = json_node_get_object (member);
      if (!read_strv (a, "unit_kind", &rule->unit_kinds) ||
          !read_strv (a, "unit_name_suffix", &rule->name_suffixes))
        return rule_fail (error, origin, rule->id, "“applies_to” takes arrays of strings");
    }

  kind = json_object_get_string_member_with_default (o, "kind", "");
  if (g_str_equal (kind, "equation"))
    {
      g_auto(GStrv) lhs = NULL, rhs = NULL;
      JsonNode *for_each = json_object_get_member (o, "for_each");
      const char *expected = json_object_get_string_member_with_default (o, "expected", "lhs");

      rule->kind = RULE_EQUATION;
      if (!read_strv (o, "lhs", &lhs) || !read_strv (o, "rhs", &rhs) || lhs == NULL || rhs == NULL ||
          lhs[0] == NULL || rhs[0] == NULL)
        return rule_fail (error, origin, rule->id, "an equation needs “lhs” and “rhs” arrays of cell terms");
      if (!g_str_equal (expected, "lhs") && !g_str_equal (expected, "rhs"))
        return rule_fail (error, origin, rule->id, "“expected” must be \"lhs\" or \"rhs\"");
      rule->expected_rhs = g_str_equal (expected, "rhs");

      if (for_each == NULL)
        {
          Instance *instance = g_new0 (Instance, 1);
          instance->lhs = g_array_new (FALSE, FALSE, sizeof (Term));
          instance->rhs = g_array_new (FALSE, FALSE, sizeof (Term));
          g_array_set_clear_func (instance->lhs, term_clear);
          g_array_set_clear_func (instance->rhs, term_clear);
          g_ptr_array_add (rule->instances, instance);
          if (!compile_terms (self, rule, lhs, "{}", NULL, instance->lhs, error) ||
              !compile_terms (self, rule, rhs, "{}", NULL, instance->rhs, error))
            return FALSE;
        }
      else
        {
          JsonObject *f;
          const char *axis, *table_key;
          const GovstatsSchemaTable *table;
          g_autofree char *placeholder = NULL;
          guint n;

          if (!JSON_NODE_HOLDS_OBJECT (for_each) || json_object_get_size (json_node_get_object (for_each)) != 1)
            return rule_fail (error, origin, rule->id, "“for_each” must be {\"row\": TABLE} or {\"column\": TABLE}");
          f = json_node_get_object (for_each);
          axis = json_object_has_member (f, "row") ? "row" : json_object_has_member (f, "column") ? "column" : NULL;
          if (axis == NULL)
            return rule_fail (error, origin, rule->id, "“for_each” must be {\"row\": TABLE} or {\"column\": TABLE}");
          table_key = json_object_get_string_member_with_default (f, axis, "");
          table = govstats_schema_find_table (self->schema, table_key);
          if (table == NULL)
            return rule_fail (error, origin, rule->id, "for_each: unknown table “%s” in layout %s", table_key,
                              govstats_schema_get_version (self->schema));
          rule->for_each = g_strdup (axis);
          placeholder = g_strdup_printf ("{%s}", axis);
          n = g_str_equal (axis, "row") ? table->rows->len : table->columns->len;
          for (guint i = 0; i < n; i++)
            {
              Instance *instance;
              const char *value;
              const GovstatsLabel *label;

              if (g_str_equal (axis, "row"))
                {
                  GovstatsSchemaRow *row = table->rows->pdata[i];
                  if (!row->has_cells)
                    continue;
                  value = row->key;
                  label = &row->label;
                }
              else
                {
                  GovstatsSchemaColumn *column = table->columns->pdata[i];
                  value = column->key;
                  label = &column->label;
                }
              instance = g_new0 (Instance, 1);
              instance->lhs = g_array_new (FALSE, FALSE, sizeof (Term));
              instance->rhs = g_array_new (FALSE, FALSE, sizeof (Term));
              g_array_set_clear_func (instance->lhs, term_clear);
              g_array_set_clear_func (instance->rhs, term_clear);
              instance->context = g_strdup (value);
              instance->context_label.zh = g_strdup (label->zh);
              instance->context_label.en = g_strdup (label->en ? label->en : label->zh);
              g_ptr_array_add (rule->instances, instance);
              if (!compile_terms (self, rule, lhs, placeholder, value, instance->lhs, error) ||
                  !compile_terms (self, rule, rhs, placeholder, value, instance->rhs, error))
                return FALSE;
            }
        }
    }
  else if (g_str_equal (kind, "nonnegative") || g_str_equal (kind, "blank") ||
           g_str_equal (kind, "must_be_blank") || g_str_equal (kind, "must_be_zero"))
    {
      g_auto(GStrv) patterns = NULL;

      rule->kind = g_str_equal (kind, "nonnegative") ? RULE_NONNEGATIVE :
                   g_str_equal (kind, "blank") ? RULE_BLANK :
                   g_str_equal (kind, "must_be_blank") ? RULE_MUST_BE_BLANK : RULE_MUST_BE_ZERO;
      if (!read_strv (o, "cells", &patterns) || patterns == NULL || patterns[0] == NULL)
        return rule_fail (error, origin, rule->id, "“cells” must be a non-empty array of cell patterns");
      for (guint p = 0; patterns[p]; p++)
        {
          guint before = rule->cells->len;
          for (guint i = 0; i < govstats_schema_get_n_cells (self->schema); i++)
            if (match_pattern (patterns[p], govstats_schema_cell_at (self->schema, i)->path))
              g_array_append_val (rule->cells, i);
          if (rule->cells->len == before)
            return rule_fail (error, origin, rule->id, "cell pattern “%s” matches no cell of layout %s",
                              patterns[p], govstats_schema_get_version (self->schema));
        }
    }
  else
    return rule_fail (error, origin, rule->id,
                      "unknown kind “%s” (equation, nonnegative, blank, must_be_blank or must_be_zero)", kind);

  /* An equation adds like to like: amounts are in ten-thousandths of their
   * unit, counts in items. */
  for (guint i = 0; rule->kind == RULE_EQUATION && i < rule->instances->len; i++)
    {
      Instance *instance = rule->instances->pdata[i];
      int amounts = 0, others = 0;

      for (int side = 0; side < 2; side++)
        {
          GArray *terms = side == 0 ? instance->lhs : instance->rhs;
          for (guint k = 0; k < terms->len; k++)
            {
              const Term *term = &g_array_index (terms, Term, k);
              GovstatsSchema *schema = self->schema;
              int index = term->index;
              GovstatsValueKind cell_kind;

              if (term->previous)
                {
                  /* Judge a previous: term by the first layout that has the cell. */
                  for (const char * const *v = govstats_schema_list_versions (); *v && index < 0; v++)
                    {
                      schema = govstats_schema_get_for_version (*v);
                      index = govstats_schema_lookup_cell (schema, term->path);
                    }
                }
              cell_kind = govstats_schema_cell_kind_at (schema, (guint) index);
              if (cell_kind == GOVSTATS_VALUE_KIND_AMOUNT)
                amounts++;
              else
                others++;
            }
        }
      if (amounts > 0 && others > 0)
        return rule_fail (error, origin, rule->id,
                          "an equation cannot add amounts and counts together (%d amount and %d count terms)",
                          amounts, others);
    }
  return TRUE;
}

static gboolean
compile_rules (GovstatsRuleSet *self,
               JsonArray       *rules,
               const char      *origin,
               GError         **error)
{
  guint before = self->rules->len;

  for (guint i = 0; i < json_array_get_length (rules); i++)
    if (!compile_rule (self, json_array_get_element (rules, i), origin, i, error))
      {
        /* Leave the rule set as it was before this file. */
        g_ptr_array_set_size (self->rules, before);
        return FALSE;
      }
  return TRUE;
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
 */
GovstatsSchema *
govstats_rule_set_get_schema (GovstatsRuleSet *self)
{
  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), NULL);
  return self->schema;
}

static JsonNode *
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

/**
 * govstats_rule_set_load_waivers_from_data:
 * @self: a rule set
 * @data: (array length=length) (element-type guint8): the JSON text of a waiver file
 * @length: the length of @data, or -1 if it is nul-terminated
 * @name: (nullable): what to call the input in messages
 * @error: return location for a #GError
 *
 * Adds waivers: accepted exceptions that turn matching findings into
 * acknowledged ones. The file is `{"waivers": [ … ]}`; each waiver names a
 * `rule` (glob patterns allowed) or a `fingerprint`, optionally a `unit`
 * (code or name) and `cells` (glob patterns, each must match a cell of the
 * finding), and must give a `reason` and who accepted it (`by`); a `date` may
 * be given.
 *
 * Returns: %TRUE on success
 */
gboolean
govstats_rule_set_load_waivers_from_data (GovstatsRuleSet *self,
                                          const char      *data,
                                          gssize           length,
                                          const char      *name,
                                          GError         **error)
{
  static const char * const known[] = { "rule", "unit", "fingerprint", "cells", "reason", "by", "date", NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (waiver_free);
  JsonNode *list;
  JsonArray *array;

  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  if (name == NULL)
    name = "<waivers>";
  root = parse_input (data, length, name, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (list = json_object_get_member (json_node_get_object (root), "waivers")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (list))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE,
                   "%s: a waiver file is an object {\"waivers\": […]}", name);
      return FALSE;
    }
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o;
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;
      Waiver *waiver;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE,
                       "%s: waivers/%u: expected an object", name, i);
          return FALSE;
        }
      o = json_node_get_object (node);
      waiver = g_new0 (Waiver, 1);
      g_ptr_array_add (loaded, waiver);
      json_object_iter_init_ordered (&iter, o);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        {
          if (!g_strv_contains (known, key))
            {
              govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY,
                           "%s: waivers/%u: unknown member “%s”", name, i, key);
              return FALSE;
            }
          if (g_str_equal (key, "cells"))
            {
              if (!read_strv (o, "cells", &waiver->cells))
                {
                  govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE,
                               "%s: waivers/%u/cells: expected an array of cell paths", name, i);
                  return FALSE;
                }
              continue;
            }
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
            {
              govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE,
                           "%s: waivers/%u/%s: expected a string", name, i, key);
              return FALSE;
            }
          if (g_str_equal (key, "rule"))
            waiver->rule = g_strdup (json_node_get_string (member));
          else if (g_str_equal (key, "unit"))
            waiver->unit = g_strdup (json_node_get_string (member));
          else if (g_str_equal (key, "fingerprint"))
            waiver->fingerprint = g_strdup (json_node_get_string (member));
          else if (g_str_equal (key, "reason"))
            waiver->reason = g_strdup (json_node_get_string (member));
          else if (g_str_equal (key, "by"))
            waiver->by = g_strdup (json_node_get_string (member));
        }
      if (waiver->rule == NULL && waiver->fingerprint == NULL)
        {
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_MISSING_MEMBER,
                       "%s: waivers/%u: name the finding by “rule” or “fingerprint”", name, i);
          return FALSE;
        }
      if (waiver->reason == NULL || *waiver->reason == '\0' || waiver->by == NULL || *waiver->by == '\0')
        {
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_MISSING_MEMBER,
                       "%s: waivers/%u: a waiver needs a “reason” and who accepted it (“by”)", name, i);
          return FALSE;
        }
    }
  while (loaded->len > 0)
    g_ptr_array_add (self->waivers, g_ptr_array_steal_index (loaded, 0));
  return TRUE;
}

/**
 * govstats_rule_set_load_waivers_from_file:
 * @self: a rule set
 * @filename: (type filename): a waiver file
 * @error: return location for a #GError
 *
 * Adds the waivers of a file; see
 * [method@Govstats.RuleSet.load_waivers_from_data].
 *
 * Returns: %TRUE on success
 */
gboolean
govstats_rule_set_load_waivers_from_file (GovstatsRuleSet *self,
                                          const char      *filename,
                                          GError         **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  data = govstats_read_file (filename, &length, error);
  return data != NULL && govstats_rule_set_load_waivers_from_data (self, data, (gssize) length, filename, error);
}

/* ---------- checking ---------- */

typedef enum {
  EVAL_NOT_APPLICABLE,
  EVAL_PASS,
  EVAL_FAIL,
  EVAL_UNCERTAIN,
} Eval;

typedef struct {
  GovstatsRuleSet *self;
  GovstatsReport  *report;
  GovstatsReport  *previous;
  guint8          *absent;       /* cells blank by layout choice, not by omission */
  guint8          *prev_absent;
  GPtrArray       *findings;
  /* Undecided instances of the rule id being checked, reported together. */
  Rule            *uncertain_rule;
  GPtrArray       *uncertain;
  GPtrArray       *uncertain_cells;
} Check;

typedef struct {
  Rule     *rule;
  Instance *instance;
  gint64    diff;       /* lhs - rhs */
} Failure;

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

static gboolean
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
static gboolean
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

static Eval
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

static const char *
cell_label_for (GovstatsSchema *schema,
                const char     *path,
                const char     *lang,
                const char     *for_each)
{
  /* Returns a static-ish label from the schema; the caller copies it. */
  g_auto(GStrv) parts = g_strsplit (path, "/", 3);
  const GovstatsSchemaTable *table;
  int r, c;

  if (g_strv_length (parts) != 3 || (table = govstats_schema_find_table (schema, parts[0])) == NULL ||
      (r = govstats_schema_find_row (table, parts[1])) < 0 || (c = govstats_schema_find_column (table, parts[2])) < 0)
    return NULL;
  if (g_strcmp0 (for_each, "column") == 0)
    return govstats_label_get (&((GovstatsSchemaRow *) table->rows->pdata[r])->label, lang);
  if (g_strcmp0 (for_each, "row") == 0)
    return govstats_label_get (&((GovstatsSchemaColumn *) table->columns->pdata[c])->label, lang);
  return NULL;
}

/* A readable name of a cell: "（一）予以公开·自然人" / "Disclosed · Natural persons". */
static char *
describe_cell (GovstatsSchema *schema,
               const char     *path,
               const char     *lang)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", 3);
  const GovstatsSchemaTable *table;
  int r, c;

  if (g_strv_length (parts) != 3 || (table = govstats_schema_find_table (schema, parts[0])) == NULL ||
      (r = govstats_schema_find_row (table, parts[1])) < 0 || (c = govstats_schema_find_column (table, parts[2])) < 0)
    return g_strdup (path);
  /* Translators: a cell of a table: the row's label, then the column's. */
  return govstats_i18n_printf (lang, N_("%s · %s"),
                          govstats_label_get (&((GovstatsSchemaRow *) table->rows->pdata[r])->label, lang),
                          govstats_label_get (&((GovstatsSchemaColumn *) table->columns->pdata[c])->label, lang));
}

static char *
describe_term (Check       *ck,
               Rule        *rule,
               const Term  *term,
               const char  *lang)
{
  GovstatsSchema *schema = term->previous ? govstats_report_get_schema (ck->previous)
                                          : govstats_report_get_schema (ck->report);
  const char *short_label = cell_label_for (schema, term->path, lang, rule->for_each);
  g_autofree char *label = short_label ? g_strdup (short_label) : describe_cell (schema, term->path, lang);

  if (term->previous)
    /* Translators: %s is a cell of last year's report, such as its total of requests. */
    return govstats_i18n_printf (lang, N_("last year's %s"), label);
  return g_steal_pointer (&label);
}

/* The terms of a side without the cells the report leaves out by layout
 * choice (the unused alternative of the 2021 （六） row). */
static GArray *
present_terms (Check  *ck,
               GArray *terms)
{
  GArray *present = g_array_new (FALSE, FALSE, sizeof (Term));

  for (guint i = 0; i < terms->len; i++)
    {
      const Term *term = &g_array_index (terms, Term, i);
      gboolean is_set, is_absent;
      gint64 value;
      GovstatsValueKind kind;

      if (read_term (ck, term, &is_set, &is_absent, &value, &kind) && !is_set && is_absent)
        continue;
      g_array_append_val (present, *term);
    }
  return present;
}

static char *
describe_side (Check      *ck,
               Rule       *rule,
               GArray     *all_terms,
               const char *lang)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GArray) terms = present_terms (ck, all_terms);

  if (terms->len > 3)
    {
      g_autofree char *first = describe_term (ck, rule, &g_array_index (terms, Term, 0), lang);
      g_autofree char *last = describe_term (ck, rule, &g_array_index (terms, Term, terms->len - 1), lang);
      /* Translators: one side of a rule's equation: %1$u is how many cells
       * are added up, %2$s the first of them and %3$s the last. */
      govstats_i18n_append (s, lang, N_("the sum of %1$u items from %2$s to %3$s"), terms->len, first, last);
      return g_string_free (s, FALSE);
    }
  for (guint i = 0; i < terms->len; i++)
    {
      const Term *term = &g_array_index (terms, Term, i);
      g_autofree char *label = describe_term (ck, rule, term, lang);

      if (i > 0)
        g_string_append (s, term->sign < 0 ? " − " : " + ");
      else if (term->sign < 0)
        g_string_append (s, "−");
      g_string_append (s, label);
    }
  return g_string_free (s, FALSE);
}

static void
add_terms_paths (GPtrArray *paths,
                 GArray    *terms)
{
  for (guint i = 0; i < terms->len; i++)
    {
      const Term *term = &g_array_index (terms, Term, i);
      char *path = term->previous ? g_strconcat ("previous:", term->path, NULL) : g_strdup (term->path);

      if (!g_ptr_array_find_with_equal_func (paths, path, g_str_equal, NULL))
        g_ptr_array_add (paths, path);
      else
        g_free (path);
    }
}

static GovstatsFinding *
new_finding (Check           *ck,
             const char      *rule_id,
             GovstatsSeverity severity,
             GovstatsOutcome  outcome,
             const char      *zh,
             const char      *en,
             GPtrArray       *cells)
{
  GovstatsFinding *finding = govstats_finding_new (rule_id, severity, zh, en);

  govstats_finding_set_outcome (finding, outcome);
  if (cells != NULL)
    {
      g_ptr_array_add (cells, NULL);
      govstats_finding_set_cells (finding, (const char * const *) cells->pdata);
      g_ptr_array_remove_index (cells, cells->len - 1);
    }
  govstats_finding_set_unit (finding, govstats_report_get_unit_name (ck->report),
                             govstats_report_get_unit_code (ck->report));
  govstats_finding_set_position (finding, govstats_report_get_filename (ck->report), 0, 0);
  g_ptr_array_add (ck->findings, finding);
  return finding;
}

static char *
context_prefix (Rule       *rule,
                Instance   *instance,
                const char *lang)
{
  const char *label = govstats_label_get (&instance->context_label, lang);

  if (instance->context == NULL)
    return g_strdup ("");
  if (g_str_equal (rule->for_each, "row"))
    /* Translators: the start of a message about one row, for a rule that
     * holds for each row of a table; %s is the row's label. */
    return govstats_i18n_printf (lang, N_("row “%s”: "), label);
  /* Translators: the same for a rule that holds for each column. */
  return govstats_i18n_printf (lang, N_("column “%s”: "), label);
}

static void
report_equation_failure (Check            *ck,
                         Rule             *rule,
                         Instance         *instance,
                         gint64            lhs,
                         gint64            rhs,
                         GovstatsValueKind kind)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lhs_text = govstats_value_format (lhs, kind);
  g_autofree char *rhs_text = govstats_value_format (rhs, kind);
  gboolean huge = lhs == G_MAXINT64 || lhs == G_MININT64 || rhs == G_MAXINT64 || rhs == G_MININT64;
  g_autofree char *diff_text = huge ? g_strdup ("?")
                                    : govstats_value_format ((gint64) ((__int128) lhs > rhs ? (__int128) lhs - rhs : (__int128) rhs - lhs), kind);
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  GovstatsFinding *finding;

  for (int i = 0; i < 2; i++)
    {
      const char *lang = i == 0 ? "zh" : "en";
      g_autofree char *ctx = context_prefix (rule, instance, lang);
      g_autofree char *lhs_text_of = describe_side (ck, rule, instance->lhs, lang);
      g_autofree char *rhs_text_of = describe_side (ck, rule, instance->rhs, lang);
      char *message;

      if (huge)
        /* Translators: %1$s is the start naming the row or column (may be
         * empty), %2$s and %3$s the two sides of the equation. */
        message = govstats_i18n_printf (lang, N_("%1$sthe sum of %2$s or of %3$s leaves the 64-bit range: "
                                                 "the numbers are wrong."), ctx, lhs_text_of, rhs_text_of);
      else if (lhs > rhs)
        /* Translators: a broken equation. %1$s is the start naming the row
         * or column (may be empty), %2$s the left side and %3$s its value,
         * %4$s the right side and %5$s its value, %6$s the difference. */
        message = govstats_i18n_printf (lang, N_("%1$s%2$s = %3$s, but %4$s = %5$s: the left side is larger by %6$s."),
                                        ctx, lhs_text_of, lhs_text, rhs_text_of, rhs_text, diff_text);
      else
        /* Translators: as the message before, with the right side larger. */
        message = govstats_i18n_printf (lang, N_("%1$s%2$s = %3$s, but %4$s = %5$s: the right side is larger by %6$s."),
                                        ctx, lhs_text_of, lhs_text, rhs_text_of, rhs_text, diff_text);
      if (i == 0)
        zh = message;
      else
        en = message;
    }

  {
    g_autoptr(GArray) lhs_terms = present_terms (ck, instance->lhs);
    g_autoptr(GArray) rhs_terms = present_terms (ck, instance->rhs);
    add_terms_paths (cells, lhs_terms);
    add_terms_paths (cells, rhs_terms);
  }
  finding = new_finding (ck, rule->id, rule->severity, GOVSTATS_OUTCOME_FAILED, zh, en, cells);
  if (rule->expected_rhs)
    govstats_finding_set_values (finding, rhs, lhs, kind);
  else
    govstats_finding_set_values (finding, lhs, rhs, kind);
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

static void flush_uncertain (Check *ck);

static void
check_equation (Check     *ck,
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

/* Appends “a”, “b”, “c” (at most @max of @n labels, then “and others”). */
static void
append_label_list (GString             *s,
                   const char          *lang,
                   const GovstatsLabel *const *labels,
                   guint                n,
                   guint                max)
{
  for (guint i = 0; i < n && i < max; i++)
    {
      if (i > 0)
        /* Translators: between the items of a list of labels. */
        g_string_append (s, govstats_i18n_pgettext (lang, "list", ", "));
      /* Translators: a quoted label, such as a row's. */
      govstats_i18n_append (s, lang, N_("“%s”"), govstats_label_get (labels[i], lang));
    }
  if (n > max)
    /* Translators: after a list cut short; the full count is given before. */
    g_string_append (s, govstats_i18n_gettext (lang, " and others"));
}

static char *
uncertain_message (Rule       *rule,
                   GPtrArray  *uncertain,
                   const char *lang)
{
  GString *s = g_string_new (NULL);

  if (uncertain->len == 1 && ((Instance *) uncertain->pdata[0])->context == NULL)
    g_string_append (s, govstats_i18n_gettext (lang, N_("undecided because of blank cells: it fails with the blanks "
                                                        "as 0, but would hold for some values of the blank cells")));
  else
    {
      g_autofree const GovstatsLabel **labels = g_new (const GovstatsLabel *, uncertain->len);

      if (g_strcmp0 (rule->for_each, "row") == 0)
        /* Translators: %u is how many rows of a table a rule could not be decided for. */
        govstats_i18n_append (s, lang, govstats_i18n_ngettext (lang, "undecided in %u row because of blank cells (it fails with the blanks as 0): ",
                                                                "undecided in %u rows because of blank cells (it fails with the blanks as 0): ",
                                                                uncertain->len), uncertain->len);
      else if (g_strcmp0 (rule->for_each, "column") == 0)
        /* Translators: %u is how many columns of a table a rule could not be decided for. */
        govstats_i18n_append (s, lang, govstats_i18n_ngettext (lang, "undecided in %u column because of blank cells (it fails with the blanks as 0): ",
                                                                "undecided in %u columns because of blank cells (it fails with the blanks as 0): ",
                                                                uncertain->len), uncertain->len);
      else
        /* Translators: %u is how many entries of a rule could not be decided. */
        govstats_i18n_append (s, lang, govstats_i18n_ngettext (lang, "undecided in %u case because of blank cells (it fails with the blanks as 0): ",
                                                                "undecided in %u cases because of blank cells (it fails with the blanks as 0): ",
                                                                uncertain->len), uncertain->len);
      for (guint i = 0; i < uncertain->len; i++)
        labels[i] = &((Instance *) uncertain->pdata[i])->context_label;
      append_label_list (s, lang, labels, uncertain->len, 5);
    }
  /* Translators: the end of a sentence. */
  g_string_append (s, govstats_i18n_gettext (lang, "."));
  return g_string_free (s, FALSE);
}

/* One finding per rule id and report, however many rows, columns or rule
 * entries were undecided. */
static void
flush_uncertain (Check *ck)
{
  Rule *rule = ck->uncertain_rule;
  g_autoptr(GPtrArray) uncertain = g_steal_pointer (&ck->uncertain);
  g_autoptr(GPtrArray) blank_cells = g_steal_pointer (&ck->uncertain_cells);

  ck->uncertain_rule = NULL;
  if (rule != NULL && uncertain->len > 0)
    {
      g_autofree char *zh = uncertain_message (rule, uncertain, "zh");
      g_autofree char *en = uncertain_message (rule, uncertain, "en");

      new_finding (ck, rule->id, rule->severity, GOVSTATS_OUTCOME_UNCERTAIN, zh, en, blank_cells);
    }
}

/* The blank cells of one table under a must-be-filled rule, described as
 * whole blank columns, then whole blank rows, then the rest. */
typedef struct {
  const GovstatsSchemaTable *table;
  guint      n_blank;
  gboolean   whole;       /* every cell of the rule in the table is blank */
  GPtrArray *columns;     /* GovstatsSchemaColumn *, entirely blank */
  GArray    *column_cells; /* guint: the blank cells of each */
  GPtrArray *rows;        /* const GovstatsLabel *: entirely blank rows */
  guint      rest;        /* blank cells in neither */
} BlankTable;

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

static char *
blank_table_message (const BlankTable *bt,
                     const char       *lang)
{
  GString *s = g_string_new (NULL);
  guint n_described = 0;

  /* Translators: the start of a message about a table; %s is its title. */
  govstats_i18n_append (s, lang, N_("%s: "), govstats_label_get (&bt->table->title, lang));
  if (bt->whole)
    govstats_i18n_append (s, lang, govstats_i18n_ngettext (lang, "the whole table is blank (%u cell)",
                                                            "the whole table is blank (%u cells)", bt->n_blank),
                          bt->n_blank);
  for (guint i = 0; i < bt->columns->len; i++)
    {
      GovstatsSchemaColumn *column = bt->columns->pdata[i];

      if (n_described++ > 0)
        g_string_append (s, govstats_i18n_pgettext (lang, "clauses", "; "));
      /* Translators: %s is a column's label, %u how many cells it has. */
      govstats_i18n_append (s, lang, N_("the “%s” column is entirely blank (%u cells)"),
                            govstats_label_get (&column->label, lang), g_array_index (bt->column_cells, guint, i));
    }
  /* Name a few rows; a long list helps nobody. */
  if (bt->rows->len > 0)
    {
      if (n_described++ > 0)
        g_string_append (s, govstats_i18n_pgettext (lang, "clauses", "; "));
      if (bt->rows->len > 1)
        /* Translators: %u is how many rows, named after the colon. */
        govstats_i18n_append (s, lang, N_("%u rows are entirely blank: "), bt->rows->len);
      else
        g_string_append (s, govstats_i18n_gettext (lang, "a row is entirely blank: "));
      append_label_list (s, lang, (const GovstatsLabel * const *) bt->rows->pdata, bt->rows->len, 3);
    }
  if (bt->rest > 0)
    {
      if (n_described > 0)
        {
          g_string_append (s, govstats_i18n_pgettext (lang, "clauses", "; "));
          /* Translators: blank cells besides the whole columns and rows named before. */
          govstats_i18n_append (s, lang, govstats_i18n_ngettext (lang, "%u other blank cell", "%u other blank cells",
                                                                  bt->rest), bt->rest);
        }
      else
        govstats_i18n_append (s, lang, govstats_i18n_ngettext (lang, "%u blank cell", "%u blank cells", bt->rest),
                              bt->rest);
    }
  g_string_append (s, govstats_i18n_gettext (lang, ". A blank is not a zero: fill in the numbers (0 where there are none)."));
  return g_string_free (s, FALSE);
}

/* A must-be-blank or must-be-zero rule's statement, then the cells that break it. */
static char *
cells_set_message (Check      *ck,
                   Rule       *rule,
                   GPtrArray  *hits,
                   const char *lang)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);
  GString *s = g_string_new (govstats_label_get (&rule->statement, lang));

  /* Translators: after a rule's statement, before the cells that break it. */
  g_string_append (s, govstats_i18n_gettext (lang, ". Cells: "));
  for (guint i = 0; i < hits->len && i < 7; i++)
    {
      int index = govstats_schema_lookup_cell (schema, hits->pdata[i]);
      g_autofree char *label = describe_cell (schema, hits->pdata[i], lang);
      g_autofree char *text = NULL;
      gint64 value;

      govstats_report_get_at (ck->report, (guint) index, &value);
      text = govstats_value_format (value, govstats_schema_cell_kind_at (schema, (guint) index));
      if (i > 0)
        /* Translators: between the clauses of a list of cells and values. */
        g_string_append (s, govstats_i18n_pgettext (lang, "clauses", "; "));
      /* Translators: a cell and its value. */
      govstats_i18n_append (s, lang, N_("%s = %s"), label, text);
    }
  if (hits->len > 7)
    /* Translators: after a list of cells cut short; %u is how many there are in all. */
    govstats_i18n_append (s, lang, N_(" and others, %u cells in all"), hits->len);
  g_string_append (s, govstats_i18n_gettext (lang, "."));
  return g_string_free (s, FALSE);
}

static void
check_cells (Check *ck,
             Rule  *rule)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);

  if (rule->kind == RULE_NONNEGATIVE)
    {
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
      return;
    }

  if (rule->kind == RULE_MUST_BE_BLANK || rule->kind == RULE_MUST_BE_ZERO)
    {
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
      return;
    }

  /* RULE_BLANK: one finding per table, naming whole blank columns and rows. */
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

/* ---------- the likely-wrong-cell hint ---------- */

/* The effect of changing cell @index by 1 on lhs - rhs of @instance. */
static int
coefficient (Instance *instance,
             int       index)
{
  int coef = 0;

  for (guint i = 0; i < instance->lhs->len; i++)
    {
      const Term *term = &g_array_index (instance->lhs, Term, i);
      if (!term->previous && term->index == index)
        coef += term->sign;
    }
  for (guint i = 0; i < instance->rhs->len; i++)
    {
      const Term *term = &g_array_index (instance->rhs, Term, i);
      if (!term->previous && term->index == index)
        coef -= term->sign;
    }
  return coef;
}

typedef struct {
  int    cells[2];
  gint64 deltas[2];
  guint  n;
} Fix;

/* Every decided equation that holds must keep holding. */
static gboolean
fix_keeps_passing (Check      *ck,
                   GPtrArray  *passing,
                   const Fix  *fix)
{
  for (guint i = 0; i < passing->len; i++)
    {
      gint64 change = 0;
      for (guint k = 0; k < fix->n; k++)
        change += coefficient (passing->pdata[i], fix->cells[k]) * fix->deltas[k];
      if (change != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
fix_values_valid (Check     *ck,
                  const Fix *fix)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);

  for (guint k = 0; k < fix->n; k++)
    {
      gint64 value;
      govstats_report_get_at (ck->report, (guint) fix->cells[k], &value);
      if (fix->deltas[k] == 0)
        return FALSE;
      if (govstats_schema_cell_kind_at (schema, (guint) fix->cells[k]) != GOVSTATS_VALUE_KIND_DELTA &&
          value + fix->deltas[k] < 0)
        return FALSE;
    }
  return TRUE;
}

static char *
hint_message (Check      *ck,
              GPtrArray  *failures,
              const Fix  *fix,
              const char *lang)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);
  GString *s = g_string_new (NULL);

  g_string_append (s, fix->n == 1 ? govstats_i18n_gettext (lang, "This cell is probably wrong: changing ")
                                  : govstats_i18n_gettext (lang, "These cells are probably wrong: changing "));
  for (guint k = 0; k < fix->n; k++)
    {
      const char *path = govstats_schema_cell_at (schema, (guint) fix->cells[k])->path;
      GovstatsValueKind kind = govstats_schema_cell_kind_at (schema, (guint) fix->cells[k]);
      g_autofree char *label = describe_cell (schema, path, lang);
      g_autofree char *from = NULL, *to = NULL;
      gint64 value;

      govstats_report_get_at (ck->report, (guint) fix->cells[k], &value);
      from = govstats_value_format (value, kind);
      to = govstats_value_format (value + fix->deltas[k], kind);
      if (k > 0)
        /* Translators: between two changes of a likely wrong cell. */
        g_string_append (s, govstats_i18n_pgettext (lang, "changes", " and "));
      /* Translators: a change that would satisfy the rules: %1$s is the cell,
       * %2$s its path, %3$s its value and %4$s the value that fits. */
      govstats_i18n_append (s, lang, N_("%1$s (%2$s) from %3$s to %4$s"), label, path, from, to);
    }
  /* Translators: after the changes, before the ids of the rules they satisfy. */
  g_string_append (s, govstats_i18n_gettext (lang, " would satisfy"));
  for (guint i = 0; i < failures->len; i++)
    {
      Failure *f = failures->pdata[i];

      g_string_append (s, i ? govstats_i18n_pgettext (lang, "list", ", ") : " ");
      g_string_append (s, f->rule->id);
      if (f->instance->context)
        /* Translators: the row or column a rule was broken in, after the rule's id. */
        govstats_i18n_append (s, lang, N_(" (%s)"), govstats_label_get (&f->instance->context_label, lang));
    }
  g_string_append (s, govstats_i18n_gettext (lang, "."));
  return g_string_free (s, FALSE);
}

static void
report_hint (Check     *ck,
             GPtrArray *failures,
             const Fix *fix)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *zh = hint_message (ck, failures, fix, "zh");
  g_autofree char *en = hint_message (ck, failures, fix, "en");
  GovstatsFinding *finding;
  gint64 value0 = 0;

  for (guint k = 0; k < fix->n; k++)
    g_ptr_array_add (cells, g_strdup (govstats_schema_cell_at (schema, (guint) fix->cells[k])->path));
  govstats_report_get_at (ck->report, (guint) fix->cells[0], &value0);
  finding = new_finding (ck, "hint.likely_wrong_cell", GOVSTATS_SEVERITY_INFO, GOVSTATS_OUTCOME_NOTE,
                         zh, en, cells);
  if (fix->n == 1)
    govstats_finding_set_values (finding, value0 + fix->deltas[0], value0,
                                 govstats_schema_cell_kind_at (schema, (guint) fix->cells[0]));
}

static void
find_likely_wrong_cells (Check     *ck,
                         GPtrArray *failures)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) passing = g_ptr_array_new ();
  g_autoptr(GArray) fixes = g_array_new (FALSE, FALSE, sizeof (Fix));

  if (failures->len < 2)
    return;

  /* Candidates: the set cells of the broken equations. */
  for (guint i = 0; i < failures->len; i++)
    {
      Instance *instance = ((Failure *) failures->pdata[i])->instance;
      for (int side = 0; side < 2; side++)
        {
          GArray *terms = side == 0 ? instance->lhs : instance->rhs;
          for (guint k = 0; k < terms->len; k++)
            {
              const Term *term = &g_array_index (terms, Term, k);
              gboolean seen = FALSE;
              if (term->previous || !govstats_report_get_at (ck->report, (guint) term->index, NULL))
                continue;
              for (guint j = 0; j < candidates->len && !seen; j++)
                seen = g_array_index (candidates, int, j) == term->index;
              if (!seen)
                g_array_append_val (candidates, term->index);
            }
        }
    }
  if (candidates->len > 64)
    return;

  /* The equations that are decided and hold. */
  for (guint r = 0; r < ck->self->rules->len; r++)
    {
      Rule *rule = ck->self->rules->pdata[r];
      if (rule->kind != RULE_EQUATION || rule->cross_year || !applies_to (rule, ck->report))
        continue;
      for (guint i = 0; i < rule->instances->len; i++)
        {
          gint64 lhs, rhs;
          GovstatsValueKind kind;
          if (evaluate (ck, rule->instances->pdata[i], &lhs, &rhs, &kind) == EVAL_PASS)
            g_ptr_array_add (passing, rule->instances->pdata[i]);
        }
    }

  /* One cell. */
  for (guint c = 0; c < candidates->len; c++)
    {
      Fix fix = { { g_array_index (candidates, int, c), -1 }, { 0, 0 }, 1 };
      gboolean ok = TRUE, have = FALSE;

      for (guint i = 0; i < failures->len && ok; i++)
        {
          Failure *f = failures->pdata[i];
          int coef = coefficient (f->instance, fix.cells[0]);
          if (coef == 0 || (-f->diff) % coef != 0)
            ok = FALSE;
          else if (!have)
            {
              fix.deltas[0] = -f->diff / coef;
              have = TRUE;
            }
          else if (fix.deltas[0] != -f->diff / coef)
            ok = FALSE;
        }
      if (ok && fix_values_valid (ck, &fix) && fix_keeps_passing (ck, passing, &fix))
        g_array_append_val (fixes, fix);
    }

  /* Two cells, only when no single cell explains everything. */
  if (fixes->len == 0)
    for (guint a = 0; a < candidates->len; a++)
      for (guint b = a + 1; b < candidates->len; b++)
        {
          Fix fix = { { g_array_index (candidates, int, a), g_array_index (candidates, int, b) }, { 0, 0 }, 2 };
          gboolean solved = FALSE, ok = TRUE;

          /* Solve a·x + b·y = -diff over the broken equations with two independent rows. */
          for (guint i = 0; i < failures->len && !solved; i++)
            for (guint j = i + 1; j < failures->len && !solved; j++)
              {
                Failure *fi = failures->pdata[i], *fj = failures->pdata[j];
                gint64 a1 = coefficient (fi->instance, fix.cells[0]), b1 = coefficient (fi->instance, fix.cells[1]);
                gint64 a2 = coefficient (fj->instance, fix.cells[0]), b2 = coefficient (fj->instance, fix.cells[1]);
                gint64 det = a1 * b2 - a2 * b1;
                gint64 c1 = -fi->diff, c2 = -fj->diff;

                if (det == 0)
                  continue;
                if ((c1 * b2 - c2 * b1) % det != 0 || (a1 * c2 - a2 * c1) % det != 0)
                  {
                    ok = FALSE;
                    solved = TRUE;
                    continue;
                  }
                fix.deltas[0] = (c1 * b2 - c2 * b1) / det;
                fix.deltas[1] = (a1 * c2 - a2 * c1) / det;
                solved = TRUE;
              }
          if (!solved || !ok)
            continue;
          for (guint i = 0; i < failures->len && ok; i++)
            {
              Failure *f = failures->pdata[i];
              ok = coefficient (f->instance, fix.cells[0]) * fix.deltas[0] +
                   coefficient (f->instance, fix.cells[1]) * fix.deltas[1] == -f->diff;
            }
          if (ok && fix_values_valid (ck, &fix) && fix_keeps_passing (ck, passing, &fix))
            g_array_append_val (fixes, fix);
        }

  /* Only a clear answer is a hint: more than three equally small fixes say nothing. */
  if (fixes->len == 0 || fixes->len > 3)
    return;
  for (guint i = 0; i < fixes->len; i++)
    report_hint (ck, failures, &g_array_index (fixes, Fix, i));
}

/* ---------- waivers ---------- */

static gboolean
waiver_matches (Waiver          *waiver,
                GovstatsFinding *finding)
{
  const char * const *cells = govstats_finding_get_cells (finding);

  if (waiver->fingerprint && !g_str_equal (waiver->fingerprint, govstats_finding_get_fingerprint (finding)))
    return FALSE;
  if (waiver->rule && !g_pattern_match_simple (waiver->rule, govstats_finding_get_rule_id (finding)))
    return FALSE;
  if (waiver->unit && g_strcmp0 (waiver->unit, govstats_finding_get_unit_code (finding)) != 0 &&
      g_strcmp0 (waiver->unit, govstats_finding_get_unit_name (finding)) != 0)
    return FALSE;
  if (waiver->cells)
    for (guint i = 0; waiver->cells[i]; i++)
      {
        gboolean hit = FALSE;
        for (guint k = 0; cells[k] && !hit; k++)
          hit = g_pattern_match_simple (waiver->cells[i], cells[k]);
        if (!hit)
          return FALSE;
      }
  return TRUE;
}

/**
 * govstats_rule_set_apply_waivers:
 * @self: a rule set
 * @findings: (element-type GovstatsFinding): findings
 *
 * Marks the findings that a loaded waiver covers as acknowledged.
 * [method@Govstats.RuleSet.check] does this by itself; this is for findings
 * made elsewhere (a consolidation, an import).
 */
void
govstats_rule_set_apply_waivers (GovstatsRuleSet *self,
                                 GPtrArray       *findings)
{
  g_return_if_fail (GOVSTATS_IS_RULE_SET (self));
  g_return_if_fail (findings != NULL);

  for (guint i = 0; i < findings->len; i++)
    for (guint w = 0; w < self->waivers->len; w++)
      {
        Waiver *waiver = self->waivers->pdata[w];
        if (waiver_matches (waiver, findings->pdata[i]))
          {
            govstats_finding_waive (findings->pdata[i], waiver->reason, waiver->by);
            break;
          }
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
      if (rule->kind == RULE_EQUATION)
        check_equation (&ck, rule, failures);
      else
        {
          flush_uncertain (&ck);
          check_cells (&ck, rule);
        }
    }
  flush_uncertain (&ck);
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
 */
char *
govstats_rule_set_to_markdown (GovstatsRuleSet *self,
                               const char      *lang)
{
  static const char * const kinds[] = { "equation", "nonnegative", "blank", "must_be_blank", "must_be_zero" };
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
      g_string_append_printf (s, "| `%s` | %s | %s%s%s | ", rule->id, severities[rule->severity], kinds[rule->kind],
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
