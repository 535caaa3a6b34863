/* govstats-schema.c — one statutory layout, as data
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-error.h"
#include "govstats-i18n-private.h"
#include "govstats-enum-types.h"
#include "govstats-private.h"
#include "govstats-resources.h"
#include "govstats-schema-private.h"

/**
 * GovstatsSchema:
 *
 * One layout version of the statutory annual report: its sections, tables,
 * rows, columns, labels, value kinds and consistency rules.
 *
 * <!-- run: schema -->
 * ```c
 * GovstatsSchema *schema = govstats_schema_get_for_version ("2021");
 * const char * const *tables = govstats_schema_get_table_keys (schema);
 *
 * for (guint i = 0; tables[i] != NULL; i++)
 *   g_print ("%s %s\n", tables[i], govstats_schema_get_table_title (schema, tables[i], "zh"));
 * ```
 *
 * It prints:
 *
 * <!-- output: schema -->
 * ```text
 * art20_1 第二十条第（一）项
 * art20_5 第二十条第（五）项
 * art20_6 第二十条第（六）项
 * art20_8 第二十条第（八）项
 * applications 收到和处理政府信息公开申请情况
 * review_litigation 政府信息公开行政复议、行政诉讼情况
 * ```
 *
 * A schema is data: it is read from a JSON file compiled into the library,
 * one file per layout (`2019` and `2021`). Code that walks the tables asks
 * the schema for their keys instead of naming rows itself, so that a future
 * revision of the format is a new data file.
 *
 * The same from Python:
 *
 * <!-- run: schema-python -->
 * ```python
 * schema = Govstats.Schema.get_for_version("2021")
 * for table in schema.get_table_keys():
 *     print(table, schema.get_table_title(table, "zh"))
 * ```
 *
 * Cells are addressed by paths `TABLE/ROW/COLUMN`, for example
 * `applications/withheld.state_secret/natural_person`.
 */

struct _GovstatsSchema
{
  GObject      parent_instance;

  char        *version;
  GovstatsLabel name;
  char        *issued_by;
  GPtrArray   *sections;     /* GovstatsSchemaSection */
  GStrv        section_keys;
  GPtrArray   *tables;       /* GovstatsSchemaTable */
  GStrv        table_keys;
  GHashTable  *table_index;  /* key → GovstatsSchemaTable */
  GArray      *cells;        /* GovstatsSchemaCell */
  GHashTable  *cell_index;   /* path → index + 1 */
  JsonNode    *root;
  JsonArray   *rules;
};

G_DEFINE_FINAL_TYPE (GovstatsSchema, govstats_schema, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
label_clear (GovstatsLabel *label)
{
  g_clear_pointer (&label->zh, g_free);
  g_clear_pointer (&label->en, g_free);
}

const char *
govstats_label_get (const GovstatsLabel *label,
                    const char          *lang)
{
  if (lang != NULL && g_str_has_prefix (lang, "en") && label->en != NULL)
    return label->en;
  return label->zh != NULL ? label->zh : label->en;
}

static void
row_free (gpointer data)
{
  GovstatsSchemaRow *row = data;

  g_free (row->key);
  label_clear (&row->label);
  label_clear (&row->printed_group);
  g_strfreev (row->aliases);
  g_free (row->legacy_cells);
  g_free (row);
}

static void
column_free (gpointer data)
{
  GovstatsSchemaColumn *column = data;

  g_free (column->key);
  label_clear (&column->label);
  label_clear (&column->group);
  g_strfreev (column->aliases);
  g_free (column->unit);
  g_free (column);
}

static void
table_free (gpointer data)
{
  GovstatsSchemaTable *table = data;

  g_free (table->key);
  g_free (table->section);
  label_clear (&table->title);
  label_clear (&table->note);
  label_clear (&table->column_header);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->columns);
  g_strfreev (table->row_keys);
  g_strfreev (table->column_keys);
  g_clear_pointer (&table->printed_groups, json_array_unref);
  g_free (table);
}

static void
section_free (gpointer data)
{
  GovstatsSchemaSection *section = data;

  g_free (section->key);
  label_clear (&section->heading);
  g_strfreev (section->aliases);
  g_strfreev (section->tables);
  g_free (section);
}

static void
cell_clear (gpointer data)
{
  GovstatsSchemaCell *cell = data;

  g_free (cell->path);
}

static void
govstats_schema_finalize (GObject *object)
{
  GovstatsSchema *self = GOVSTATS_SCHEMA (object);

  g_free (self->version);
  label_clear (&self->name);
  g_free (self->issued_by);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_strfreev (self->section_keys);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_strfreev (self->table_keys);
  g_clear_pointer (&self->table_index, g_hash_table_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->cell_index, g_hash_table_unref);
  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (govstats_schema_parent_class)->finalize (object);
}

static void
govstats_schema_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GovstatsSchema *self = GOVSTATS_SCHEMA (object);

  switch (prop_id)
    {
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govstats_schema_class_init (GovstatsSchemaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govstats_schema_finalize;
  object_class->get_property = govstats_schema_get_property;

  /**
   * GovstatsSchema:version:
   *
   * The layout id of the schema, such as `2019` or `2021`.
   */
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govstats_schema_init (GovstatsSchema *self)
{
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->tables = g_ptr_array_new_with_free_func (table_free);
  self->table_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->cells = g_array_new (FALSE, TRUE, sizeof (GovstatsSchemaCell));
  g_array_set_clear_func (self->cells, cell_clear);
  self->cell_index = g_hash_table_new (g_str_hash, g_str_equal);
}

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

static gboolean
load_table (GovstatsSchema *self,
            JsonNode       *node,
            guint           index,
            GError        **error)
{
  g_autofree char *where = g_strdup_printf ("table %u", index + 1);
  GovstatsSchemaTable *table;
  JsonArray *rows, *columns;
  JsonNode *groups;
  JsonObject *o;
  g_autoptr(GStrvBuilder) row_keys = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) column_keys = g_strv_builder_new ();

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, "schema: %s must be an object", where);
  o = json_node_get_object (node);
  table = g_new0 (GovstatsSchemaTable, 1);
  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->columns = g_ptr_array_new_with_free_func (column_free);
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
      !get_label (o, "column_header", FALSE, &table->column_header, where, error))
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
  groups = json_object_get_member (o, "printed_groups");
  if (groups != NULL && JSON_NODE_HOLDS_ARRAY (groups))
    table->printed_groups = json_array_ref (json_node_get_array (groups));

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
  self->table_keys = g_strv_builder_end (table_keys);
  self->section_keys = g_strv_builder_end (section_keys);
  return g_steal_pointer (&self);
}

/* ---------- the built-in schemas ---------- */

static GPtrArray *builtin_schemas;
static GStrv builtin_versions;

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
load_builtin (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GResource *resource = govstats_get_resource ();
      g_auto(GStrv) children = g_resource_enumerate_children (resource, "/org/libgovstats/schemas/",
                                                              G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      GPtrArray *schemas = g_ptr_array_new ();
      g_autoptr(GPtrArray) versions = g_ptr_array_new ();

      for (guint i = 0; children != NULL && children[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat ("/org/libgovstats/schemas/", children[i], NULL);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;
          GovstatsSchema *schema;

          if (!g_str_has_suffix (children[i], ".json"))
            continue;
          bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
          schema = bytes ? govstats_schema_new_from_bytes (bytes, &error) : NULL;
          if (schema == NULL)
            g_error ("built-in schema %s is broken: %s", children[i], error->message);
          g_ptr_array_add (schemas, schema);
        }
      for (guint i = 0; i < schemas->len; i++)
        g_ptr_array_add (versions, ((GovstatsSchema *) schemas->pdata[i])->version);
      g_ptr_array_sort (versions, compare_strings);
      g_ptr_array_add (versions, NULL);
      builtin_versions = g_strdupv ((char **) versions->pdata);
      builtin_schemas = schemas;
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * govstats_schema_get_for_version:
 * @version: a layout id, such as `2019` or `2021`
 *
 * Gets the built-in schema of a layout version.
 *
 * Returns: (transfer none) (nullable): the schema, or %NULL if there is no
 *   layout of that id
 */
GovstatsSchema *
govstats_schema_get_for_version (const char *version)
{
  g_return_val_if_fail (version != NULL, NULL);

  load_builtin ();
  for (guint i = 0; i < builtin_schemas->len; i++)
    {
      GovstatsSchema *schema = builtin_schemas->pdata[i];
      if (g_str_equal (schema->version, version))
        return schema;
    }
  return NULL;
}

/**
 * govstats_schema_list_versions:
 *
 * Lists the layout versions built into the library, oldest first.
 *
 * Returns: (transfer none) (array zero-terminated=1): the layout ids
 */
const char * const *
govstats_schema_list_versions (void)
{
  load_builtin ();
  return (const char * const *) builtin_versions;
}

/* ---------- private lookups ---------- */

guint
govstats_schema_get_n_tables (GovstatsSchema *self)
{
  return self->tables->len;
}

const GovstatsSchemaTable *
govstats_schema_table_at (GovstatsSchema *self,
                          guint           index)
{
  return self->tables->pdata[index];
}

const GovstatsSchemaTable *
govstats_schema_find_table (GovstatsSchema *self,
                            const char     *table)
{
  return table ? g_hash_table_lookup (self->table_index, table) : NULL;
}

guint
govstats_schema_get_n_sections (GovstatsSchema *self)
{
  return self->sections->len;
}

const GovstatsSchemaSection *
govstats_schema_section_at (GovstatsSchema *self,
                            guint           index)
{
  return self->sections->pdata[index];
}

int
govstats_schema_find_row (const GovstatsSchemaTable *table,
                          const char                *row)
{
  for (guint i = 0; i < table->rows->len; i++)
    if (g_str_equal (((GovstatsSchemaRow *) table->rows->pdata[i])->key, row))
      return (int) i;
  return -1;
}

int
govstats_schema_find_column (const GovstatsSchemaTable *table,
                             const char                *column)
{
  for (guint i = 0; i < table->columns->len; i++)
    if (g_str_equal (((GovstatsSchemaColumn *) table->columns->pdata[i])->key, column))
      return (int) i;
  return -1;
}

int
govstats_schema_lookup_cell (GovstatsSchema *self,
                             const char     *path)
{
  gpointer p = path ? g_hash_table_lookup (self->cell_index, path) : NULL;

  return p ? (int) GPOINTER_TO_UINT (p) - 1 : -1;
}

int
govstats_schema_cell_index (const GovstatsSchemaTable *table,
                            guint                      row,
                            guint                      column)
{
  const GovstatsSchemaRow *r = table->rows->pdata[row];

  if (r->cell_row < 0)
    return -1;
  return (int) (table->first_cell + (guint) r->cell_row * table->columns->len + column);
}

const GovstatsSchemaCell *
govstats_schema_cell_at (GovstatsSchema *self,
                         guint           index)
{
  return &g_array_index (self->cells, GovstatsSchemaCell, index);
}

GovstatsValueKind
govstats_schema_cell_kind_at (GovstatsSchema *self,
                              guint           index)
{
  const GovstatsSchemaCell *cell = &g_array_index (self->cells, GovstatsSchemaCell, index);
  const GovstatsSchemaTable *table = self->tables->pdata[cell->table];

  return ((GovstatsSchemaColumn *) table->columns->pdata[cell->column])->kind;
}

JsonArray *
govstats_schema_get_rules_json (GovstatsSchema *self)
{
  return self->rules;
}

void
govstats_schema_set_path_error (GovstatsSchema *self,
                                const char     *path,
                                GError        **error)
{
  g_auto(GStrv) parts = NULL;
  const GovstatsSchemaTable *table;
  int row;

  load_builtin ();
  for (guint i = 0; i < builtin_schemas->len; i++)
    {
      GovstatsSchema *other = builtin_schemas->pdata[i];
      if (other != self && govstats_schema_lookup_cell (other, path) >= 0)
        {
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_VERSION_MISMATCH,
                       "%s: this cell exists in the %s layout, not in the %s layout of this report",
                       path, other->version, self->version);
          return;
        }
    }
  parts = g_strsplit (path, "/", 4);
  if (g_strv_length (parts) != 3)
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY,
                   "%s: a cell path has three parts, TABLE/ROW/COLUMN", path);
      return;
    }
  table = govstats_schema_find_table (self, parts[0]);
  if (table == NULL)
    govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY,
                 "%s: unknown table “%s” in the %s layout", path, parts[0], self->version);
  else if ((row = govstats_schema_find_row (table, parts[1])) < 0)
    govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY,
                 "%s: unknown row “%s” in table %s of the %s layout", path, parts[1], parts[0], self->version);
  else if (!((GovstatsSchemaRow *) table->rows->pdata[row])->has_cells)
    govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY,
                 "%s: “%s” is a group row and holds no numbers; its value is the sum of its rows",
                 path, parts[1]);
  else
    govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY,
                 "%s: unknown column “%s” in table %s of the %s layout", path, parts[2], parts[0], self->version);
}

/* ---------- public accessors ---------- */

/**
 * govstats_schema_get_version:
 * @self: a schema
 *
 * Gets the layout id, such as `2019` or `2021`.
 *
 * Returns: (transfer none): the layout id
 */
const char *
govstats_schema_get_version (GovstatsSchema *self)
{
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), NULL);
  return self->version;
}

/**
 * govstats_schema_get_name:
 * @self: a schema
 * @lang: (nullable): `zh` or `en`; %NULL for Chinese
 *
 * Gets the name of the document that defines the layout.
 *
 * Returns: (transfer none) (nullable): the name
 */
const char *
govstats_schema_get_name (GovstatsSchema *self,
                          const char     *lang)
{
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), NULL);
  return govstats_label_get (&self->name, lang);
}

/**
 * govstats_schema_get_issued_by:
 * @self: a schema
 *
 * Gets the reference of the document that issued the layout, such as
 * 国办公开办函〔2021〕30号.
 *
 * Returns: (transfer none) (nullable): the reference
 */
const char *
govstats_schema_get_issued_by (GovstatsSchema *self)
{
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), NULL);
  return self->issued_by;
}

static const GovstatsSchemaSection *
find_section (GovstatsSchema *self,
              const char     *key)
{
  for (guint i = 0; i < self->sections->len; i++)
    if (g_str_equal (((GovstatsSchemaSection *) self->sections->pdata[i])->key, key))
      return self->sections->pdata[i];
  return NULL;
}

/**
 * govstats_schema_get_section_keys:
 * @self: a schema
 *
 * Lists the sections of the report in printed order.
 *
 * Returns: (transfer none) (array zero-terminated=1): the section keys
 */
const char * const *
govstats_schema_get_section_keys (GovstatsSchema *self)
{
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), NULL);
  return (const char * const *) self->section_keys;
}

/**
 * govstats_schema_get_section_heading:
 * @self: a schema
 * @section: a section key
 * @lang: (nullable): `zh` or `en`; %NULL for Chinese
 *
 * Gets the printed heading of a section, such as 一、总体情况.
 *
 * Returns: (transfer none) (nullable): the heading, or %NULL for an unknown section
 */
const char *
govstats_schema_get_section_heading (GovstatsSchema *self,
                                     const char     *section,
                                     const char     *lang)
{
  const GovstatsSchemaSection *s;

  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (section != NULL, NULL);
  s = find_section (self, section);
  return s ? govstats_label_get (&s->heading, lang) : NULL;
}

/**
 * govstats_schema_section_is_text:
 * @self: a schema
 * @section: a section key
 *
 * Tells whether a section is a text section (stored under `text` in report
 * files) rather than a group of tables.
 *
 * Returns: %TRUE for a known text section
 */
gboolean
govstats_schema_section_is_text (GovstatsSchema *self,
                                 const char     *section)
{
  const GovstatsSchemaSection *s;

  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (section != NULL, FALSE);
  s = find_section (self, section);
  return s != NULL && s->is_text;
}

/**
 * govstats_schema_get_section_tables:
 * @self: a schema
 * @section: a section key
 *
 * Lists the tables printed in a section.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the table
 *   keys, or %NULL for an unknown section
 */
const char * const *
govstats_schema_get_section_tables (GovstatsSchema *self,
                                    const char     *section)
{
  const GovstatsSchemaSection *s;

  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (section != NULL, NULL);
  s = find_section (self, section);
  return s ? (const char * const *) s->tables : NULL;
}

/**
 * govstats_schema_get_table_keys:
 * @self: a schema
 *
 * Lists the tables of the layout in printed order.
 *
 * Returns: (transfer none) (array zero-terminated=1): the table keys
 */
const char * const *
govstats_schema_get_table_keys (GovstatsSchema *self)
{
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), NULL);
  return (const char * const *) self->table_keys;
}

/**
 * govstats_schema_has_table:
 * @self: a schema
 * @table: a table key
 *
 * Tells whether the layout has a table.
 *
 * Returns: %TRUE if @table is a table of the layout
 */
gboolean
govstats_schema_has_table (GovstatsSchema *self,
                           const char     *table)
{
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), FALSE);
  return govstats_schema_find_table (self, table) != NULL;
}

#define LOOKUP_TABLE(t, key, ret) \
  const GovstatsSchemaTable *t; \
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), ret); \
  g_return_val_if_fail (key != NULL, ret); \
  t = govstats_schema_find_table (self, key); \
  if (t == NULL) \
    { \
      g_critical ("%s: unknown table “%s” in layout %s", G_STRFUNC, key, self->version); \
      return ret; \
    }

static const GovstatsSchemaRow *
lookup_row (GovstatsSchema            *self,
            const GovstatsSchemaTable *t,
            const char                *row,
            const char                *func)
{
  int r = row ? govstats_schema_find_row (t, row) : -1;

  if (r < 0)
    {
      g_critical ("%s: unknown row “%s” in table %s of layout %s", func, row, t->key, self->version);
      return NULL;
    }
  return t->rows->pdata[r];
}

static const GovstatsSchemaColumn *
lookup_column (GovstatsSchema            *self,
               const GovstatsSchemaTable *t,
               const char                *column,
               const char                *func)
{
  int c = column ? govstats_schema_find_column (t, column) : -1;

  if (c < 0)
    {
      g_critical ("%s: unknown column “%s” in table %s of layout %s", func, column, t->key, self->version);
      return NULL;
    }
  return t->columns->pdata[c];
}

/**
 * govstats_schema_get_table_title:
 * @self: a schema
 * @table: a table key
 * @lang: (nullable): `zh` or `en`; %NULL for Chinese
 *
 * Gets the printed title of a table, such as 第二十条第（一）项.
 *
 * Returns: (transfer none): the title
 */
const char *
govstats_schema_get_table_title (GovstatsSchema *self,
                                 const char     *table,
                                 const char     *lang)
{
  LOOKUP_TABLE (t, table, NULL);
  return govstats_label_get (&t->title, lang);
}

/**
 * govstats_schema_get_table_section:
 * @self: a schema
 * @table: a table key
 *
 * Gets the key of the section a table is printed in.
 *
 * Returns: (transfer none) (nullable): the section key
 */
const char *
govstats_schema_get_table_section (GovstatsSchema *self,
                                   const char     *table)
{
  LOOKUP_TABLE (t, table, NULL);
  return t->section;
}

/**
 * govstats_schema_get_row_keys:
 * @self: a schema
 * @table: a table key
 *
 * Lists every row of a table in printed order, group rows included.
 *
 * Returns: (transfer none) (array zero-terminated=1): the row keys
 */
const char * const *
govstats_schema_get_row_keys (GovstatsSchema *self,
                              const char     *table)
{
  LOOKUP_TABLE (t, table, NULL);
  return (const char * const *) t->row_keys;
}

/**
 * govstats_schema_get_row_label:
 * @self: a schema
 * @table: a table key
 * @row: a row key
 * @lang: (nullable): `zh` or `en`; %NULL for Chinese
 *
 * Gets the printed label of a row; the Chinese label is exactly as printed in
 * the official table.
 *
 * Returns: (transfer none): the label
 */
const char *
govstats_schema_get_row_label (GovstatsSchema *self,
                               const char     *table,
                               const char     *row,
                               const char     *lang)
{
  const GovstatsSchemaRow *r;
  LOOKUP_TABLE (t, table, NULL);
  r = lookup_row (self, t, row, G_STRFUNC);
  return r ? govstats_label_get (&r->label, lang) : NULL;
}

/**
 * govstats_schema_get_row_aliases:
 * @self: a schema
 * @table: a table key
 * @row: a row key
 *
 * Gets other spellings of a row's label seen in published reports.
 *
 * Returns: (transfer none) (array zero-terminated=1): the aliases
 */
const char * const *
govstats_schema_get_row_aliases (GovstatsSchema *self,
                                 const char     *table,
                                 const char     *row)
{
  const GovstatsSchemaRow *r;
  LOOKUP_TABLE (t, table, NULL);
  r = lookup_row (self, t, row, G_STRFUNC);
  return r ? (const char * const *) r->aliases : NULL;
}

/**
 * govstats_schema_row_is_group:
 * @self: a schema
 * @table: a table key
 * @row: a row key
 *
 * Tells whether a row is a group row, which prints no numbers of its own.
 *
 * Returns: %TRUE for a group row
 */
gboolean
govstats_schema_row_is_group (GovstatsSchema *self,
                              const char     *table,
                              const char     *row)
{
  const GovstatsSchemaRow *r;
  LOOKUP_TABLE (t, table, FALSE);
  r = lookup_row (self, t, row, G_STRFUNC);
  return r ? r->group : FALSE;
}

/**
 * govstats_schema_row_has_cells:
 * @self: a schema
 * @table: a table key
 * @row: a row key
 *
 * Tells whether a row holds values: every leaf row does, and so does a group
 * row that reports still print as a single row of an older layout (the 2021
 * （六）其他处理 printed 2019-style).
 *
 * Returns: %TRUE if the row has cells
 */
gboolean
govstats_schema_row_has_cells (GovstatsSchema *self,
                               const char     *table,
                               const char     *row)
{
  const GovstatsSchemaRow *r;
  LOOKUP_TABLE (t, table, FALSE);
  r = lookup_row (self, t, row, G_STRFUNC);
  return r ? r->has_cells : FALSE;
}

/**
 * govstats_schema_get_row_parent:
 * @self: a schema
 * @table: a table key
 * @row: a row key
 *
 * Gets the group a row belongs to.
 *
 * Returns: (transfer none) (nullable): the key of the group row, or %NULL
 */
const char *
govstats_schema_get_row_parent (GovstatsSchema *self,
                                const char     *table,
                                const char     *row)
{
  const GovstatsSchemaRow *r;
  LOOKUP_TABLE (t, table, NULL);
  r = lookup_row (self, t, row, G_STRFUNC);
  if (r == NULL || r->parent < 0)
    return NULL;
  return ((GovstatsSchemaRow *) t->rows->pdata[r->parent])->key;
}

/**
 * govstats_schema_dup_row_children:
 * @self: a schema
 * @table: a table key
 * @row: a row key
 *
 * Lists the rows of a group.
 *
 * Returns: (transfer full) (array zero-terminated=1): the row keys, empty for
 *   a row that is not a group
 */
char **
govstats_schema_dup_row_children (GovstatsSchema *self,
                                  const char     *table,
                                  const char     *row)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int r;
  LOOKUP_TABLE (t, table, NULL);

  if (lookup_row (self, t, row, G_STRFUNC) == NULL)
    return NULL;
  r = govstats_schema_find_row (t, row);
  for (guint i = 0; i < t->rows->len; i++)
    if (((GovstatsSchemaRow *) t->rows->pdata[i])->parent == r)
      g_strv_builder_add (builder, ((GovstatsSchemaRow *) t->rows->pdata[i])->key);
  return g_strv_builder_end (builder);
}

/**
 * govstats_schema_get_column_keys:
 * @self: a schema
 * @table: a table key
 *
 * Lists the columns of a table in printed order.
 *
 * Returns: (transfer none) (array zero-terminated=1): the column keys
 */
const char * const *
govstats_schema_get_column_keys (GovstatsSchema *self,
                                 const char     *table)
{
  LOOKUP_TABLE (t, table, NULL);
  return (const char * const *) t->column_keys;
}

/**
 * govstats_schema_get_column_label:
 * @self: a schema
 * @table: a table key
 * @column: a column key
 * @lang: (nullable): `zh` or `en`; %NULL for Chinese
 *
 * Gets the printed header of a column.
 *
 * Returns: (transfer none): the label
 */
const char *
govstats_schema_get_column_label (GovstatsSchema *self,
                                  const char     *table,
                                  const char     *column,
                                  const char     *lang)
{
  const GovstatsSchemaColumn *c;
  LOOKUP_TABLE (t, table, NULL);
  c = lookup_column (self, t, column, G_STRFUNC);
  return c ? govstats_label_get (&c->label, lang) : NULL;
}

/**
 * govstats_schema_get_column_aliases:
 * @self: a schema
 * @table: a table key
 * @column: a column key
 *
 * Gets other spellings of a column header seen in published reports.
 *
 * Returns: (transfer none) (array zero-terminated=1): the aliases
 */
const char * const *
govstats_schema_get_column_aliases (GovstatsSchema *self,
                                    const char     *table,
                                    const char     *column)
{
  const GovstatsSchemaColumn *c;
  LOOKUP_TABLE (t, table, NULL);
  c = lookup_column (self, t, column, G_STRFUNC);
  return c ? (const char * const *) c->aliases : NULL;
}

/**
 * govstats_schema_get_column_kind:
 * @self: a schema
 * @table: a table key
 * @column: a column key
 *
 * Gets what a column holds: counts, amounts or signed changes.
 *
 * Returns: the value kind
 */
GovstatsValueKind
govstats_schema_get_column_kind (GovstatsSchema *self,
                                 const char     *table,
                                 const char     *column)
{
  const GovstatsSchemaColumn *c;
  LOOKUP_TABLE (t, table, GOVSTATS_VALUE_KIND_COUNT);
  c = lookup_column (self, t, column, G_STRFUNC);
  return c ? c->kind : GOVSTATS_VALUE_KIND_COUNT;
}

/**
 * govstats_schema_get_column_unit:
 * @self: a schema
 * @table: a table key
 * @column: a column key
 *
 * Gets the unit printed in a column header, such as 万元.
 *
 * Returns: (transfer none) (nullable): the unit, or %NULL where the form prints none
 */
const char *
govstats_schema_get_column_unit (GovstatsSchema *self,
                                 const char     *table,
                                 const char     *column)
{
  const GovstatsSchemaColumn *c;
  LOOKUP_TABLE (t, table, NULL);
  c = lookup_column (self, t, column, G_STRFUNC);
  return c ? c->unit : NULL;
}

/**
 * govstats_schema_column_is_stock:
 * @self: a schema
 * @table: a table key
 * @column: a column key
 *
 * Tells whether a column holds a level at the end of the year (现行有效件数)
 * rather than a flow during it.
 *
 * Returns: %TRUE for a stock column
 */
gboolean
govstats_schema_column_is_stock (GovstatsSchema *self,
                                 const char     *table,
                                 const char     *column)
{
  const GovstatsSchemaColumn *c;
  LOOKUP_TABLE (t, table, FALSE);
  c = lookup_column (self, t, column, G_STRFUNC);
  return c ? c->stock : FALSE;
}

/**
 * govstats_schema_get_n_cells:
 * @self: a schema
 *
 * Counts the cells of every table of the layout.
 *
 * Returns: the number of cells
 */
guint
govstats_schema_get_n_cells (GovstatsSchema *self)
{
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), 0);
  return self->cells->len;
}

/**
 * govstats_schema_has_cell:
 * @self: a schema
 * @path: a cell path `TABLE/ROW/COLUMN`
 *
 * Tells whether a path names a cell of this layout.
 *
 * Returns: %TRUE if @path is a cell
 */
gboolean
govstats_schema_has_cell (GovstatsSchema *self,
                          const char     *path)
{
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), FALSE);
  return govstats_schema_lookup_cell (self, path) >= 0;
}

/**
 * govstats_schema_check_path:
 * @self: a schema
 * @path: a cell path `TABLE/ROW/COLUMN`
 * @error: return location for a #GError
 *
 * Checks that a path names a cell of this layout, and says why not: an
 * unknown table, row or column (%GOVSTATS_ERROR_UNKNOWN_KEY) or a cell of
 * another layout (%GOVSTATS_ERROR_VERSION_MISMATCH).
 *
 * Returns: %TRUE if @path is a cell
 */
gboolean
govstats_schema_check_path (GovstatsSchema *self,
                            const char     *path,
                            GError        **error)
{
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (govstats_schema_lookup_cell (self, path) >= 0)
    return TRUE;
  govstats_schema_set_path_error (self, path, error);
  return FALSE;
}

/**
 * govstats_schema_get_cell_kind:
 * @self: a schema
 * @path: a cell path
 *
 * Gets the value kind of a cell.
 *
 * Returns: the value kind
 */
GovstatsValueKind
govstats_schema_get_cell_kind (GovstatsSchema *self,
                               const char     *path)
{
  int index;

  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), GOVSTATS_VALUE_KIND_COUNT);
  index = govstats_schema_lookup_cell (self, path);
  g_return_val_if_fail (index >= 0, GOVSTATS_VALUE_KIND_COUNT);
  return govstats_schema_cell_kind_at (self, (guint) index);
}

/**
 * govstats_schema_dup_cell_paths:
 * @self: a schema
 * @table: (nullable): a table key, or %NULL for every table
 *
 * Lists cell paths in printed order (row by row).
 *
 * Returns: (transfer full) (array zero-terminated=1): the paths
 */
char **
govstats_schema_dup_cell_paths (GovstatsSchema *self,
                                const char     *table)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint first = 0, n;

  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), NULL);
  n = self->cells->len;
  if (table != NULL)
    {
      LOOKUP_TABLE (t, table, NULL);
      first = t->first_cell;
      n = t->n_cells;
    }
  for (guint i = first; i < first + n; i++)
    g_strv_builder_add (builder, g_array_index (self->cells, GovstatsSchemaCell, i).path);
  return g_strv_builder_end (builder);
}

/**
 * govstats_schema_to_json:
 * @self: a schema
 *
 * Gets the schema's data as JSON, as it is stored (see the
 * [schema file format](schema-format.html)).
 *
 * Returns: (transfer full): a JSON node
 */
JsonNode *
govstats_schema_to_json (GovstatsSchema *self)
{
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), NULL);
  return json_node_copy (self->root);
}

static const char *
kind_name (GovstatsValueKind kind)
{
  switch (kind)
    {
    case GOVSTATS_VALUE_KIND_AMOUNT: return "amount";
    case GOVSTATS_VALUE_KIND_DELTA: return "delta";
    case GOVSTATS_VALUE_KIND_COUNT:
    default: return "count";
    }
}

void
govstats_markdown_append_cell (GString    *s,
                               const char *text)
{
  /* Table cells in Markdown cannot hold a bare pipe or a line break. */
  for (const char *p = text; p && *p; p++)
    {
      if (*p == '|')
        g_string_append (s, "\\|");
      else if (*p == '\n')
        g_string_append_c (s, ' ');
      else
        g_string_append_c (s, *p);
    }
}

/**
 * govstats_schema_to_markdown:
 * @self: a schema
 * @lang: (nullable): `zh` or `en` for the name of the layout and the
 *   headings; %NULL for Chinese
 *
 * Describes the layout in Markdown: its sections, then every table with its
 * row and column keys, printed labels and value kinds. The catalogue of the
 * rules is [method@Govstats.RuleSet.to_markdown].
 *
 * Returns: (transfer full): the Markdown text
 */
char *
govstats_schema_to_markdown (GovstatsSchema *self,
                             const char     *lang)
{
  const char *words;
  GString *s;

  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), NULL);

  /* The words of the document in the language of its labels. */
  words = lang ? lang : "zh";
  s = g_string_new (NULL);
  /* Translators: the title of a layout's reference: %1$s is its version, %2$s its name. */
  govstats_i18n_append (s, words, N_("# Layout %1$s: %2$s\n\n"), self->version, govstats_label_get (&self->name, lang));
  if (self->issued_by)
    /* Translators: %s is the reference of the document that issued the layout. */
    govstats_i18n_append (s, words, N_("Issued by %s.\n\n"), self->issued_by);

  g_string_append (s, govstats_i18n_gettext (words, "## Sections\n\n| key | heading | content |\n|---|---|---|\n"));
  for (guint i = 0; i < self->sections->len; i++)
    {
      GovstatsSchemaSection *section = self->sections->pdata[i];
      g_autofree char *tables = g_strjoinv (", ", section->tables);
      g_string_append_printf (s, "| `%s` | %s | %s |\n", section->key,
                              govstats_label_get (&section->heading, "zh"),
                              section->is_text ? govstats_i18n_pgettext (words, "section content", "text") : tables);
    }
  g_string_append_c (s, '\n');

  for (guint t = 0; t < self->tables->len; t++)
    {
      GovstatsSchemaTable *table = self->tables->pdata[t];

      /* Translators: %1$s is a table's key, %2$s its (Chinese) title. */
      govstats_i18n_append (s, words, N_("## Table `%1$s`: %2$s\n\n"), table->key, govstats_label_get (&table->title, "zh"));
      if (table->note.zh)
        /* Translators: %s is the note printed in a table's header. */
        govstats_i18n_append (s, words, N_("Header note: %s\n\n"), table->note.zh);
      g_string_append (s, govstats_i18n_gettext (words, "| row key | label | English | cells |\n|---|---|---|---|\n"));
      for (guint r = 0; r < table->rows->len; r++)
        {
          GovstatsSchemaRow *row = table->rows->pdata[r];
          g_string_append_printf (s, "| `%s` | ", row->key);
          govstats_markdown_append_cell (s, row->label.zh);
          g_string_append (s, " | ");
          govstats_markdown_append_cell (s, row->label.en);
          g_string_append_printf (s, " | %s |\n",
                                  row->group ? (row->has_cells ? govstats_i18n_gettext (words, "group (also accepts a single row)")
                                                               : govstats_i18n_gettext (words, "group"))
                                             : govstats_i18n_pgettext (words, "row has cells", "yes"));
        }
      g_string_append (s, govstats_i18n_gettext (words, "\n| column key | label | English | kind |\n|---|---|---|---|\n"));
      for (guint c = 0; c < table->columns->len; c++)
        {
          GovstatsSchemaColumn *column = table->columns->pdata[c];
          g_string_append_printf (s, "| `%s` | ", column->key);
          govstats_markdown_append_cell (s, column->label.zh);
          g_string_append (s, " | ");
          govstats_markdown_append_cell (s, column->label.en);
          g_string_append_printf (s, " | %s%s%s%s |\n", kind_name (column->kind),
                                  column->stock ? govstats_i18n_gettext (words, " (stock)") : "",
                                  column->unit ? ", " : "", column->unit ? column->unit : "");
        }
      g_string_append_c (s, '\n');
    }

  return g_string_free (s, FALSE);
}
