/* govstats-rule-compile.c — compiling rule files into rules: terms, patterns, labels, kinds
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
#include "govstats-report-private.h"
#include "govstats-rule-set.h"
#include "govstats-schema-private.h"
#include "govstats-rules-private.h"

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
  msg = govstats_i18n_vprintf (NULL, format, args);
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

gboolean
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

/* One instance of an equation: its terms with @placeholder replaced by
 * @value, the row or column (@label) it was expanded for. */
static gboolean
add_instance (GovstatsRuleSet     *self,
              Rule                *rule,
              GStrv                lhs,
              GStrv                rhs,
              const char          *placeholder,
              const char          *value,
              const GovstatsLabel *label,
              GError             **error)
{
  Instance *instance = g_new0 (Instance, 1);

  instance->lhs = g_array_new (FALSE, FALSE, sizeof (Term));
  instance->rhs = g_array_new (FALSE, FALSE, sizeof (Term));
  g_array_set_clear_func (instance->lhs, term_clear);
  g_array_set_clear_func (instance->rhs, term_clear);
  if (label != NULL)
    {
      instance->context = g_strdup (value);
      instance->context_label.zh = g_strdup (label->zh);
      instance->context_label.en = g_strdup (label->en ? label->en : label->zh);
    }
  g_ptr_array_add (rule->instances, instance);
  return compile_terms (self, rule, lhs, placeholder, value, instance->lhs, error) &&
         compile_terms (self, rule, rhs, placeholder, value, instance->rhs, error);
}

/* "for_each": {"row": TABLE} or {"column": TABLE}: one instance for each
 * cell-bearing row, or each column, of the table. */
static gboolean
add_instances_for_each (GovstatsRuleSet *self,
                        Rule            *rule,
                        JsonNode        *for_each,
                        GStrv            lhs,
                        GStrv            rhs,
                        GError         **error)
{
  const char *origin = rule->origin;
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
      if (!add_instance (self, rule, lhs, rhs, placeholder, value, label, error))
        return FALSE;
    }
  return TRUE;
}

/* An equation adds like to like: amounts are in ten-thousandths of their
 * unit, counts in items. */
static gboolean
check_like_terms (GovstatsRuleSet *self,
                  Rule            *rule,
                  GError         **error)
{
  for (guint i = 0; i < rule->instances->len; i++)
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
        return rule_fail (error, rule->origin, rule->id,
                          "an equation cannot add amounts and counts together (%d amount and %d count terms)",
                          amounts, others);
    }
  return TRUE;
}

/* The kind "equation": lhs and rhs cell terms, once or for each row or
 * column of a table. */
gboolean
govstats_rule_compile_equation (GovstatsRuleSet *self,
                                Rule            *rule,
                                JsonObject      *o,
                                GError         **error)
{
  const char *origin = rule->origin;
  g_auto(GStrv) lhs = NULL, rhs = NULL;
  JsonNode *for_each = json_object_get_member (o, "for_each");
  const char *expected = json_object_get_string_member_with_default (o, "expected", "lhs");

  if (!read_strv (o, "lhs", &lhs) || !read_strv (o, "rhs", &rhs) || lhs == NULL || rhs == NULL ||
      lhs[0] == NULL || rhs[0] == NULL)
    return rule_fail (error, origin, rule->id, "an equation needs “lhs” and “rhs” arrays of cell terms");
  if (!g_str_equal (expected, "lhs") && !g_str_equal (expected, "rhs"))
    return rule_fail (error, origin, rule->id, "“expected” must be \"lhs\" or \"rhs\"");
  rule->expected_rhs = g_str_equal (expected, "rhs");

  if (for_each == NULL ? !add_instance (self, rule, lhs, rhs, "{}", NULL, NULL, error)
                       : !add_instances_for_each (self, rule, for_each, lhs, rhs, error))
    return FALSE;
  return check_like_terms (self, rule, error);
}

/* The kinds on a set of cells (nonnegative, blank, must_be_blank,
 * must_be_zero): "cells", patterns with * for any key. */
gboolean
govstats_rule_compile_cells (GovstatsRuleSet *self,
                             Rule            *rule,
                             JsonObject      *o,
                             GError         **error)
{
  const char *origin = rule->origin;
  g_auto(GStrv) patterns = NULL;

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
    "applies_to", "expected", "versions", "description", "narrative", NULL
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
  for (rule->kind = 0; rule->kind < G_N_ELEMENTS (govstats_rule_kinds); rule->kind++)
    if (g_str_equal (kind, govstats_rule_kinds[rule->kind].name))
      return govstats_rule_kinds[rule->kind].compile (self, rule, o, error);
  return rule_fail (error, origin, rule->id,
                    "unknown kind “%s” (equation, nonnegative, blank, must_be_blank or must_be_zero)", kind);
}

gboolean
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
