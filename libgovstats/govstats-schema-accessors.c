/* govstats-schema-accessors.c — the schema's public accessors: sections, tables, rows, columns, cells
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

/* ---------- public accessors ---------- */

/**
 * govstats_schema_get_version:
 * @self: a schema
 *
 * Gets the layout id, such as `2019` or `2021`.
 *
 * Returns: (transfer none): the layout id
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
 */
JsonNode *
govstats_schema_to_json (GovstatsSchema *self)
{
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), NULL);
  return json_node_copy (self->root);
}
