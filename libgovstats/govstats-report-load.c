/* govstats-report-load.c — reading a report's members from JSON nodes, with the cell path in every error
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "govstats-enum-types.h"
#include "govstats-error.h"
#include "govstats-i18n-private.h"
#include "govstats-value-private.h"
#include "govstats-report-private.h"
#include "govstats-schema-private.h"
#include "govstats-report-struct-private.h"

/* ---------- loading ---------- */

gboolean
load_fail (Loader     *ld,
           int         code,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = govstats_i18n_vprintf (NULL, format, args);
  va_end (args);
  g_set_error (ld->error, GOVSTATS_ERROR, code, "%s: %s", ld->name, msg);
  return FALSE;
}

const char *
node_type_name (JsonNode *node)
{
  /* Translators: the kinds of JSON value, as in “expected a string, found an array”. */
  if (JSON_NODE_HOLDS_OBJECT (node)) return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node)) return _("an array");
  if (JSON_NODE_HOLDS_NULL (node)) return "null";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return _("a string");
    case G_TYPE_BOOLEAN: return _("a boolean");
    default: return _("a number");
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
expect_string (Loader      *ld,
               JsonNode    *node,
               const char  *where,
               char       **out)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_clear_pointer (out, g_free);
      return TRUE;
    }
  if (!is_string (node))
    return load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "%s: expected a string, found %s",
                      where, node_type_name (node));
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}


gboolean
load_cell (GovstatsReport *self,
           Loader         *ld,
           guint           index,
           const char     *path,
           JsonNode       *node)
{
  GovstatsValueKind kind = govstats_schema_cell_kind_at (self->schema, index);
  JsonNode *value_node = node;
  g_autofree char *reason = NULL;
  GovstatsValueProblem problem;
  gint64 value;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;
      CellMeta *meta = ensure_meta (self, index);

      value_node = NULL;
      json_object_iter_init_ordered (&iter, o);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        {
          g_autofree char *where = g_strdup_printf ("tables/%s/%s", path, key);

          if (g_str_equal (key, "value"))
            value_node = member;
          else if (g_str_equal (key, "note"))
            {
              if (!expect_string (ld, member, where, &meta->note))
                return FALSE;
            }
          else if (g_str_equal (key, "raw"))
            {
              if (!expect_string (ld, member, where, &meta->raw))
                return FALSE;
            }
          else if (g_str_equal (key, "unit"))
            {
              if (!expect_string (ld, member, where, &meta->unit))
                return FALSE;
            }
          else
            {
              if (meta->extra == NULL)
                meta->extra = json_object_new ();
              json_object_set_member (meta->extra, key, json_node_copy (member));
            }
        }
      if (value_node == NULL)
        return TRUE;   /* a blank cell that keeps what was printed */
    }
  if (JSON_NODE_HOLDS_NULL (value_node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (value_node) &&
      (json_node_get_value_type (value_node) == G_TYPE_INT64 || json_node_get_value_type (value_node) == G_TYPE_DOUBLE) &&
      ld->literals != NULL && g_hash_table_contains (ld->literals, path))
    {
      /* The number as written, not JSON-GLib's double: exact for any amount. */
      const char *literal = g_hash_table_lookup (ld->literals, path);
      if (!govstats_value_parse_json_number (literal, kind, &value, &problem, &reason))
        return load_fail (ld,
                          problem == GOVSTATS_VALUE_NOT_WHOLE ? GOVSTATS_ERROR_INVALID_VALUE : GOVSTATS_ERROR_OUT_OF_RANGE,
                          "tables/%s: %s", path, reason);
      goto done;
    }
  if (!govstats_value_from_node (value_node, kind, &value, &problem, &reason))
    {
      return load_fail (ld,
                        problem == GOVSTATS_VALUE_TOO_LARGE ? GOVSTATS_ERROR_OUT_OF_RANGE :
                        problem == GOVSTATS_VALUE_TOO_PRECISE ? GOVSTATS_ERROR_OUT_OF_RANGE :
                        problem == GOVSTATS_VALUE_NOT_WHOLE ? GOVSTATS_ERROR_INVALID_VALUE :
                        GOVSTATS_ERROR_INVALID_TYPE,
                        "tables/%s: %s", path, reason);
    }
done:
  self->values[index] = value;
  self->set[index] = TRUE;
  return TRUE;
}

gboolean
load_tables (GovstatsReport *self,
             Loader         *ld,
             JsonNode       *node)
{
  JsonObjectIter tables_iter;
  const char *table_key;
  JsonNode *table_node;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "tables: expected an object, found %s",
                      node_type_name (node));

  json_object_iter_init_ordered (&tables_iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&tables_iter, &table_key, &table_node))
    {
      const GovstatsSchemaTable *table = govstats_schema_find_table (self->schema, table_key);
      JsonObjectIter rows_iter;
      const char *row_key;
      JsonNode *row_node;

      if (table == NULL)
        {
          g_autoptr(GError) local = NULL;
          g_autofree char *probe = NULL;
          GovstatsSchema *other = NULL;

          for (const char * const *v = govstats_schema_list_versions (); *v; v++)
            if (govstats_schema_has_table (govstats_schema_get_for_version (*v), table_key))
              other = govstats_schema_get_for_version (*v);
          if (other != NULL)
            return load_fail (ld, GOVSTATS_ERROR_VERSION_MISMATCH,
                              "tables/%s: this table exists in the %s layout, not in the %s layout of this report",
                              table_key, govstats_schema_get_version (other),
                              govstats_schema_get_version (self->schema));
          return load_fail (ld, GOVSTATS_ERROR_UNKNOWN_KEY,
                            "tables/%s: unknown table in the %s layout", table_key,
                            govstats_schema_get_version (self->schema));
        }
      if (JSON_NODE_HOLDS_NULL (table_node))
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (table_node))
        return load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "tables/%s: expected an object, found %s",
                          table_key, node_type_name (table_node));

      json_object_iter_init_ordered (&rows_iter, json_node_get_object (table_node));
      while (json_object_iter_next_ordered (&rows_iter, &row_key, &row_node))
        {
          JsonObjectIter cols_iter;
          const char *column_key;
          JsonNode *cell_node;

          if (JSON_NODE_HOLDS_NULL (row_node))
            continue;
          if (!JSON_NODE_HOLDS_OBJECT (row_node))
            return load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE,
                              "tables/%s/%s: expected an object of columns, found %s",
                              table_key, row_key, node_type_name (row_node));
          json_object_iter_init_ordered (&cols_iter, json_node_get_object (row_node));
          while (json_object_iter_next_ordered (&cols_iter, &column_key, &cell_node))
            {
              g_autofree char *path = g_strdup_printf ("%s/%s/%s", table_key, row_key, column_key);
              int index = govstats_schema_lookup_cell (self->schema, path);

              if (index < 0)
                {
                  g_autoptr(GError) local = NULL;
                  govstats_schema_set_path_error (self->schema, path, &local);
                  return load_fail (ld, local->code, "tables/%s", local->message);
                }
              if (!load_cell (self, ld, (guint) index, path, cell_node))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
load_unit (GovstatsReport *self,
           Loader         *ld,
           JsonNode       *node)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "unit: expected an object, found %s",
                      node_type_name (node));
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      g_autofree char *where = g_strdup_printf ("unit/%s", key);

      if (g_str_equal (key, "name"))
        {
          if (!expect_string (ld, member, where, &self->unit_name))
            return FALSE;
        }
      else if (g_str_equal (key, "code"))
        {
          if (!expect_string (ld, member, where, &self->unit_code))
            return FALSE;
        }
      else if (g_str_equal (key, "parent"))
        {
          if (!expect_string (ld, member, where, &self->unit_parent))
            return FALSE;
        }
      else if (g_str_equal (key, "kind"))
        {
          GEnumClass *klass;
          GEnumValue *v;

          if (JSON_NODE_HOLDS_NULL (member))
            continue;
          if (!is_string (member))
            return load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "%s: expected a string, found %s",
                              where, node_type_name (member));
          klass = g_type_class_ref (GOVSTATS_TYPE_UNIT_KIND);
          v = g_enum_get_value_by_nick (klass, json_node_get_string (member));
          g_type_class_unref (klass);
          if (v == NULL)
            return load_fail (ld, GOVSTATS_ERROR_INVALID_VALUE,
                              "%s: unknown unit kind “%s” (government, department, town or other)",
                              where, json_node_get_string (member));
          self->unit_kind = v->value;
          self->unit_kind_set = TRUE;
        }
      else
        {
          if (self->unit_extra == NULL)
            self->unit_extra = json_object_new ();
          json_object_set_member (self->unit_extra, key, json_node_copy (member));
        }
    }
  return TRUE;
}

/* A section as an array: paragraphs (strings) and places of tables
 * ({"table": KEY}, a table of the layout). */
static gboolean
load_text_blocks (GovstatsReport *self,
                  Loader         *ld,
                  const char     *key,
                  JsonArray      *array)
{
  guint n = json_array_get_length (array);

  /* An empty list stays a list. */
  govstats_report_begin_text_list (self, key);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *el = json_array_get_element (array, i);
      JsonObject *o;
      JsonNode *table;

      if (is_string (el))
        {
          govstats_report_add_paragraph (self, key, json_node_get_string (el));
          continue;
        }
      if (!JSON_NODE_HOLDS_OBJECT (el))
        return load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE,
                          "text/%s/%u: expected a paragraph (a string) or {\"table\": KEY}, found %s",
                          key, i, node_type_name (el));
      o = json_node_get_object (el);
      table = json_object_get_member (o, "table");
      if (table == NULL || json_object_get_size (o) != 1 || !is_string (table))
        return load_fail (ld, GOVSTATS_ERROR_INVALID_VALUE,
                          "text/%s/%u: a table's place is an object with the one member \"table\" naming the table",
                          key, i);
      if (govstats_schema_find_table (self->schema, json_node_get_string (table)) == NULL)
        return load_fail (ld, GOVSTATS_ERROR_UNKNOWN_KEY,
                          "text/%s/%u: “%s” is not a table of the %s layout",
                          key, i, json_node_get_string (table), govstats_schema_get_version (self->schema));
      govstats_report_add_table_place (self, key, json_node_get_string (table));
    }
  return TRUE;
}

static gboolean
load_text (GovstatsReport *self,
           Loader         *ld,
           JsonNode       *node)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "text: expected an object, found %s",
                      node_type_name (node));
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      if (JSON_NODE_HOLDS_NULL (member))
        continue;
      if (JSON_NODE_HOLDS_ARRAY (member))
        {
          if (!load_text_blocks (self, ld, key, json_node_get_array (member)))
            return FALSE;
          continue;
        }
      if (!is_string (member))
        return load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE,
                          "text/%s: expected a string or an array of paragraphs, found %s",
                          key, node_type_name (member));
      govstats_report_set_text (self, key, json_node_get_string (member));
    }
  return TRUE;
}

/* The layout named by the top-level members, checking the file format. */
GovstatsSchema *
members_schema (JsonObject *o,
                Loader     *ld)
{
  JsonNode *node;
  GovstatsSchema *schema;
  const char *version;

  node = json_object_get_member (o, "govstats");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        {
          load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "govstats: expected the file format number 1, found %s",
                     node_type_name (node));
          return NULL;
        }
      if (json_node_get_int (node) != 1)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          /* Translators: %s is the format number the file gives. */
          load_fail (ld, GOVSTATS_ERROR_UNSUPPORTED,
                     "govstats: file format %s is not supported (this library reads format 1)", number);
          return NULL;
        }
    }

  node = json_object_get_member (o, "version");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      load_fail (ld, GOVSTATS_ERROR_MISSING_MEMBER,
                 "version: missing; say which statutory layout the report uses (\"2019\" or \"2021\")");
      return NULL;
    }
  if (!is_string (node))
    {
      load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "version: expected a string such as \"2021\", found %s",
                 node_type_name (node));
      return NULL;
    }
  version = json_node_get_string (node);
  schema = govstats_schema_get_for_version (version);
  if (schema == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) govstats_schema_list_versions ());
      load_fail (ld, GOVSTATS_ERROR_UNSUPPORTED, "version: unknown layout “%s” (known: %s)", version, known);
      return NULL;
    }
  return schema;
}

/* Applies the top-level members other than the format, the layout and the
 * tables, which the reader handles. */
gboolean
apply_members (GovstatsReport *self,
               JsonObject     *o,
               Loader         *ld)
{
  JsonNode *node;
  JsonObjectIter iter;
  const char *key;

  json_object_iter_init_ordered (&iter, o);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    {
      if (g_str_equal (key, "govstats") || g_str_equal (key, "version"))
        continue;
      if (g_str_equal (key, "year"))
        {
          if (JSON_NODE_HOLDS_NULL (node))
            continue;
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
            {
              load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "year: expected a whole number such as 2021, found %s",
                         node_type_name (node));
              return FALSE;
            }
          if (json_node_get_int (node) < 1 || json_node_get_int (node) > 9999)
            {
              g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
              load_fail (ld, GOVSTATS_ERROR_INVALID_VALUE, "year: %s is not a year", number);
              return FALSE;
            }
          self->year = (int) json_node_get_int (node);
        }
      else if (g_str_equal (key, "unit"))
        {
          if (!load_unit (self, ld, node))
            return FALSE;
        }
      else if (g_str_equal (key, "scope"))
        {
          const char *s;

          if (JSON_NODE_HOLDS_NULL (node))
            continue;
          if (!is_string (node))
            {
              load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "scope: expected \"own\" or \"aggregate\", found %s",
                         node_type_name (node));
              return FALSE;
            }
          s = json_node_get_string (node);
          if (g_str_equal (s, "own"))
            self->scope = GOVSTATS_SCOPE_OWN;
          else if (g_str_equal (s, "aggregate"))
            self->scope = GOVSTATS_SCOPE_AGGREGATE;
          else
            {
              load_fail (ld, GOVSTATS_ERROR_INVALID_VALUE, "scope: “%s” is neither \"own\" nor \"aggregate\"", s);
              return FALSE;
            }
        }
      else if (g_str_equal (key, "tables"))
        continue;   /* read by report_read_internal() */
      else if (g_str_equal (key, "text"))
        {
          if (!load_text (self, ld, node))
            return FALSE;
        }
      else if (g_str_equal (key, "source") || g_str_equal (key, "extensions"))
        {
          if (JSON_NODE_HOLDS_NULL (node))
            continue;
          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "%s: expected an object, found %s",
                         key, node_type_name (node));
              return FALSE;
            }
          /* The parsed tree is immutable: share it rather than copy it. */
          if (g_str_equal (key, "source"))
            self->source = json_object_ref (json_node_get_object (node));
          else
            self->extensions = json_object_ref (json_node_get_object (node));
        }
      else if (g_str_equal (key, "sources"))
        {
          if (JSON_NODE_HOLDS_NULL (node))
            continue;
          if (!JSON_NODE_HOLDS_ARRAY (node))
            {
              load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "sources: expected an array, found %s",
                         node_type_name (node));
              return FALSE;
            }
          self->sources = json_array_ref (json_node_get_array (node));
        }
      else
        {
          if (self->unknown == NULL)
            self->unknown = json_object_new ();
          json_object_set_member (self->unknown, key, json_node_copy (node));
        }
    }
  return TRUE;
}
