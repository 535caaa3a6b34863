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
#include "govstats-resources.h"
#include "govstats-schema-private.h"
#include "govstats-schema-struct-private.h"
#include "govstats-narrative-private.h"

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
 *
 * Since: 0.1
 */

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

void
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

void
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
  label_clear (&table->row_header);
  g_strfreev (table->aliases);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->columns);
  g_strfreev (table->row_keys);
  g_strfreev (table->column_keys);
  for (guint i = 0; i < table->printed_groups->len; i++)
    label_clear (&g_array_index (table->printed_groups, GovstatsSchemaPrintedGroup, i).label);
  g_array_unref (table->printed_groups);
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
  g_clear_pointer (&self->narrative, govstats_narrative_free);

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
   *
   * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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

GovstatsNarrative *
govstats_schema_get_narrative (GovstatsSchema *self)
{
  return self->narrative;
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
