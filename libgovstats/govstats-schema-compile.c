/* govstats-schema-compile.c — compiling a layout file into the schema's structs, with the member path in every error
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-error.h"
#include "govstats-i18n-private.h"
#include "govstats-enum-types.h"
#include "govstats-json-reader-private.h"
#include "govstats-resources.h"
#include "govstats-schema-private.h"
#include "govstats-schema-struct-private.h"
#include "govstats-narrative-private.h"

/* ---------- loading ---------- */

typedef struct {
  const char *where;
  GError    **error;
} Ctx;

static gboolean
fail (GError    **error,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError    **error,
      const char *format,
      ...)
{
  va_list args;
  char *msg;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_SCHEMA, msg);
  g_free (msg);
  return FALSE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            gboolean     required,
            char       **out,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (error, "schema: %s: missing “%s”", where, member);
      *out = NULL;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, "schema: %s: “%s” must be a string", where, member);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_label (JsonObject    *object,
           const char    *member,
           gboolean       required,
           GovstatsLabel *label,
           const char    *where,
           GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *o;
  g_autofree char *inner = NULL;

  if (node == NULL)
    {
      if (required)
        return fail (error, "schema: %s: missing “%s”", where, member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, "schema: %s: “%s” must be an object {\"zh\": …, \"en\": …}", where, member);
  o = json_node_get_object (node);
  inner = g_strdup_printf ("%s.%s", where, member);
  return get_string (o, "zh", TRUE, &label->zh, inner, error) &&
         get_string (o, "en", FALSE, &label->en, inner, error);
}

static gboolean
get_strv (JsonObject  *object,
          const char  *member,
          GStrv       *out,
          const char  *where,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (error, "schema: %s: “%s” must be an array of strings", where, member);
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);
          if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
            return fail (error, "schema: %s: “%s” must be an array of strings", where, member);
          g_strv_builder_add (builder, json_node_get_string (e));
        }
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
get_bool (JsonObject *object,
          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *member,
           const char  *where,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, "schema: %s: “%s” must be an array", where, member);
      return NULL;
    }
  return json_node_get_array (node);
}

static gboolean
load_row (GovstatsSchemaTable *table,
          JsonNode            *node,
          guint                index,
          GError             **error)
{
  g_autofree char *where = g_strdup_printf ("table %s, row %u", table->key, index + 1);
  g_autofree char *parent = NULL;
  GovstatsSchemaRow *row;
  JsonObject *o;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, "schema: %s: a row must be an object", where);
  o = json_node_get_object (node);
  row = g_new0 (GovstatsSchemaRow, 1);
  row->parent = -1;
  row->cell_row = -1;
  g_ptr_array_add (table->rows, row);
  if (!get_string (o, "key", TRUE, &row->key, where, error))
    return FALSE;
  g_free (where);
  where = g_strdup_printf ("%s/%s", table->key, row->key);
  if (strchr (row->key, '/') != NULL || strchr (row->key, '{') != NULL || *row->key == '\0')
    return fail (error, "schema: %s: a row key cannot be empty or contain “/” or “{”", where);
  if (govstats_schema_find_row (table, row->key) != (int) index)
    return fail (error, "schema: %s: duplicate row key", where);
  if (!get_label (o, "label", TRUE, &row->label, where, error) ||
      !get_label (o, "printed_group", FALSE, &row->printed_group, where, error) ||
      !get_strv (o, "aliases", &row->aliases, where, error) ||
      !get_string (o, "legacy_cells", FALSE, &row->legacy_cells, where, error) ||
      !get_string (o, "parent", FALSE, &parent, where, error))
    return FALSE;
  row->group = get_bool (o, "group");
  row->has_cells = !row->group || row->legacy_cells != NULL;
  if (parent != NULL)
    {
      row->parent = govstats_schema_find_row (table, parent);
      if (row->parent < 0 || row->parent >= (int) index ||
          !((GovstatsSchemaRow *) table->rows->pdata[row->parent])->group)
        return fail (error, "schema: %s: parent “%s” is not an earlier group row", where, parent);
    }
  return TRUE;
}

static gboolean
load_column (GovstatsSchemaTable *table,
             JsonNode            *node,
             guint                index,
             GError             **error)
{
  g_autofree char *where = g_strdup_printf ("table %s, column %u", table->key, index + 1);
  g_autofree char *kind = NULL;
  GovstatsSchemaColumn *column;
  JsonObject *o;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, "schema: %s: a column must be an object", where);
  o = json_node_get_object (node);
  column = g_new0 (GovstatsSchemaColumn, 1);
  g_ptr_array_add (table->columns, column);
  if (!get_string (o, "key", TRUE, &column->key, where, error))
    return FALSE;
  g_free (where);
  where = g_strdup_printf ("%s/*/%s", table->key, column->key);
  if (strchr (column->key, '/') != NULL || strchr (column->key, '{') != NULL || *column->key == '\0')
    return fail (error, "schema: %s: a column key cannot be empty or contain “/” or “{”", where);
  if (govstats_schema_find_column (table, column->key) != (int) index)
    return fail (error, "schema: %s: duplicate column key", where);
  if (!get_label (o, "label", TRUE, &column->label, where, error) ||
      !get_label (o, "group", FALSE, &column->group, where, error) ||
      !get_strv (o, "aliases", &column->aliases, where, error) ||
      !get_string (o, "unit", FALSE, &column->unit, where, error) ||
      !get_string (o, "kind", TRUE, &kind, where, error))
    return FALSE;
  if (g_str_equal (kind, "count"))
    column->kind = GOVSTATS_VALUE_KIND_COUNT;
  else if (g_str_equal (kind, "amount"))
    column->kind = GOVSTATS_VALUE_KIND_AMOUNT;
  else if (g_str_equal (kind, "delta"))
    column->kind = GOVSTATS_VALUE_KIND_DELTA;
  else
    return fail (error, "schema: %s: unknown kind “%s” (count, amount or delta)", where, kind);
  column->stock = get_bool (o, "stock");
  return TRUE;
}

/* The label-only blocks printed over runs of rows, each naming its first
 * and last row. */
static gboolean
load_printed_groups (GovstatsSchemaTable *table,
                     JsonObject          *o,
                     const char          *where,
                     GError             **error)
{
  JsonArray *groups = get_array (o, "printed_groups", where, error);

  if (groups == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonNode *node = json_array_get_element (groups, i);
      g_autofree char *inner = g_strdup_printf ("%s.printed_groups[%u]", where, i);
      g_autofree char *first = NULL, *last = NULL;
      GovstatsSchemaPrintedGroup group = { { NULL, NULL }, -1, -1 };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, "schema: %s must be an object", inner);
      /* Added first, so that the table frees the label on any failure. */
      g_array_append_val (table->printed_groups, group);
      if (!get_label (json_node_get_object (node), "label", TRUE,
                      &g_array_index (table->printed_groups, GovstatsSchemaPrintedGroup, i).label, inner, error) ||
          !get_string (json_node_get_object (node), "first", TRUE, &first, inner, error) ||
          !get_string (json_node_get_object (node), "last", TRUE, &last, inner, error))
        return FALSE;
      group.first = govstats_schema_find_row (table, first);
      group.last = govstats_schema_find_row (table, last);
      if (group.first < 0 || group.last < 0)
        return fail (error, "schema: %s: no row “%s”", inner, group.first < 0 ? first : last);
      if (group.last < group.first)
        return fail (error, "schema: %s: “%s” comes before “%s”", inner, last, first);
      g_array_index (table->printed_groups, GovstatsSchemaPrintedGroup, i).first = group.first;
      g_array_index (table->printed_groups, GovstatsSchemaPrintedGroup, i).last = group.last;
    }
  return TRUE;
}

static gboolean
load_table (GovstatsSchema *self,
            JsonNode       *node,
            guint           index,
            GError        **error)
{
  g_autofree char *where = g_strdup_printf ("table %u", index + 1);
  GovstatsSchemaTable *table;
  JsonArray *rows, *columns;
  JsonObject *o;
  g_autoptr(GStrvBuilder) row_keys = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) column_keys = g_strv_builder_new ();

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, "schema: %s must be an object", where);
  o = json_node_get_object (node);
  table = g_new0 (GovstatsSchemaTable, 1);
  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->columns = g_ptr_array_new_with_free_func (column_free);
  table->printed_groups = g_array_new (FALSE, TRUE, sizeof (GovstatsSchemaPrintedGroup));
  g_ptr_array_add (self->tables, table);
  if (!get_string (o, "key", TRUE, &table->key, where, error))
    return FALSE;
  g_free (where);
  where = g_strdup (table->key);
  if (strchr (table->key, '/') != NULL || *table->key == '\0')
    return fail (error, "schema: table “%s”: a table key cannot be empty or contain “/”", where);
  if (g_hash_table_contains (self->table_index, table->key))
    return fail (error, "schema: table “%s” appears twice", where);
  g_hash_table_insert (self->table_index, table->key, table);
  if (!get_string (o, "section", FALSE, &table->section, where, error) ||
      !get_label (o, "title", TRUE, &table->title, where, error) ||
      !get_label (o, "note", FALSE, &table->note, where, error) ||
      !get_label (o, "column_header", FALSE, &table->column_header, where, error) ||
      !get_label (o, "row_header", FALSE, &table->row_header, where, error) ||
      !get_strv (o, "aliases", &table->aliases, where, error))
    return FALSE;
  if ((rows = get_array (o, "rows", where, error)) == NULL ||
      (columns = get_array (o, "columns", where, error)) == NULL)
    return FALSE;
  if (json_array_get_length (rows) == 0 || json_array_get_length (columns) == 0)
    return fail (error, "schema: table %s needs at least one row and one column", where);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (!load_row (table, json_array_get_element (rows, i), i, error))
      return FALSE;
  for (guint i = 0; i < json_array_get_length (columns); i++)
    if (!load_column (table, json_array_get_element (columns, i), i, error))
      return FALSE;
  if (json_object_has_member (o, "printed_groups") &&
      !load_printed_groups (table, o, where, error))
    return FALSE;

  table->first_cell = self->cells->len;
  for (guint r = 0; r < table->rows->len; r++)
    {
      GovstatsSchemaRow *row = table->rows->pdata[r];

      g_strv_builder_add (row_keys, row->key);
      if (!row->has_cells)
        continue;
      row->cell_row = (int) table->n_cell_rows++;
      for (guint c = 0; c < table->columns->len; c++)
        {
          GovstatsSchemaColumn *column = table->columns->pdata[c];
          GovstatsSchemaCell cell;

          cell.table = (guint16) index;
          cell.row = (guint16) r;
          cell.column = (guint16) c;
          cell.path = g_strdup_printf ("%s/%s/%s", table->key, row->key, column->key);
          g_array_append_val (self->cells, cell);
        }
    }
  for (guint c = 0; c < table->columns->len; c++)
    g_strv_builder_add (column_keys, ((GovstatsSchemaColumn *) table->columns->pdata[c])->key);
  table->n_cells = self->cells->len - table->first_cell;
  table->row_keys = g_strv_builder_end (row_keys);
  table->column_keys = g_strv_builder_end (column_keys);
  return TRUE;
}

static gboolean
load_section (GovstatsSchema *self,
              JsonNode       *node,
              guint           index,
              GError        **error)
{
  g_autofree char *where = g_strdup_printf ("section %u", index + 1);
  g_autofree char *kind = NULL;
  GovstatsSchemaSection *section;
  JsonObject *o;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, "schema: %s must be an object", where);
  o = json_node_get_object (node);
  section = g_new0 (GovstatsSchemaSection, 1);
  g_ptr_array_add (self->sections, section);
  if (!get_string (o, "key", TRUE, &section->key, where, error) ||
      !get_label (o, "heading", TRUE, &section->heading, where, error) ||
      !get_strv (o, "aliases", &section->aliases, where, error) ||
      !get_strv (o, "tables", &section->tables, where, error) ||
      !get_string (o, "kind", TRUE, &kind, where, error))
    return FALSE;
  if (!g_str_equal (kind, "text") && !g_str_equal (kind, "tables"))
    return fail (error, "schema: section %s: kind must be “text” or “tables”", section->key);
  section->is_text = g_str_equal (kind, "text");
  return TRUE;
}

/**
 * govstats_schema_new_from_bytes:
 * @bytes: the UTF-8 JSON text of a schema file
 * @error: return location for a #GError
 *
 * Reads a schema from its JSON data, as described in the
 * [schema file format](schema-format.html).
 *
 * The schemas of the official layouts are built in: use
 * [func@Govstats.Schema.get_for_version] for them.
 *
 * Returns: (transfer full): a new schema, or %NULL with @error set
 *   (%GOVSTATS_ERROR_INVALID_SCHEMA, or a parse error)
 *
 * Since: 0.1
 */
GovstatsSchema *
govstats_schema_new_from_bytes (GBytes  *bytes,
                                GError **error)
{
  g_autoptr(GovstatsSchema) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;
  JsonArray *tables, *sections;
  g_autoptr(GStrvBuilder) table_keys = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) section_keys = g_strv_builder_new ();
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (!govstats_json_precheck (data, length, "schema", error) ||
      (root = govstats_json_parse (data, length, "schema", error)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (error, "schema: the top level must be an object");
      return NULL;
    }
  o = json_node_get_object (root);
  self = g_object_new (GOVSTATS_TYPE_SCHEMA, NULL);
  self->root = json_node_ref (root);
  if (!get_string (o, "version", TRUE, &self->version, "top level", error) ||
      !get_label (o, "name", FALSE, &self->name, "top level", error) ||
      !get_string (o, "issued_by", FALSE, &self->issued_by, "top level", error))
    return NULL;
  if ((sections = get_array (o, "sections", "top level", error)) == NULL ||
      (tables = get_array (o, "tables", "top level", error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      if (!load_section (self, json_array_get_element (sections, i), i, error))
        return NULL;
      g_strv_builder_add (section_keys, ((GovstatsSchemaSection *) self->sections->pdata[i])->key);
    }
  for (guint i = 0; i < json_array_get_length (tables); i++)
    {
      if (!load_table (self, json_array_get_element (tables, i), i, error))
        return NULL;
      g_strv_builder_add (table_keys, ((GovstatsSchemaTable *) self->tables->pdata[i])->key);
    }
  for (guint i = 0; i < self->cells->len; i++)
    {
      GovstatsSchemaCell *cell = &g_array_index (self->cells, GovstatsSchemaCell, i);
      g_hash_table_insert (self->cell_index, cell->path, GUINT_TO_POINTER (i + 1));
    }
  if (json_object_has_member (o, "rules"))
    {
      JsonNode *rules = json_object_get_member (o, "rules");
      if (!JSON_NODE_HOLDS_ARRAY (rules))
        {
          fail (error, "schema: “rules” must be an array");
          return NULL;
        }
      self->rules = json_node_get_array (rules);
    }
  if (json_object_has_member (o, "narrative"))
    {
      JsonNode *narrative = json_object_get_member (o, "narrative");
      if (!JSON_NODE_HOLDS_OBJECT (narrative))
        {
          fail (error, "schema: “narrative” must be an object");
          return NULL;
        }
      self->narrative = govstats_narrative_compile (self, json_node_get_object (narrative), error);
      if (self->narrative == NULL)
        return NULL;
    }
  self->table_keys = g_strv_builder_end (table_keys);
  self->section_keys = g_strv_builder_end (section_keys);
  return g_steal_pointer (&self);
}
