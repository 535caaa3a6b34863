/* govstats-report-reader.c — reading a report file in one strict pass; the load variants
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
#include "govstats-file-private.h"
#include "govstats-json-reader-private.h"
#include "govstats-value-private.h"
#include "govstats-report-private.h"
#include "govstats-schema-private.h"
#include "govstats-report-struct-private.h"

static GovstatsReport *report_read (const char *data, gsize length, const char *name, GError **error);

static GovstatsReport *
report_from_bytes (GBytes      *bytes,
                   const char  *name,
                   GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  GovstatsReport *report;

  if (data == NULL)
    data = "";
  report = report_read (data, length, name, error);
  if (report != NULL && !g_str_equal (name, "<data>") && !g_str_equal (name, "<stream>"))
    report->filename = g_strdup (name);
  return report;
}

/**
 * govstats_report_new_from_stream:
 * @stream: a stream of the UTF-8 JSON text of a report file
 * @name: (nullable): what to call the input in messages, such as its file name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a report file (see the [file format](file-format.html)). Every other
 * way of loading a report ends here.
 *
 * Errors name the input, the line and column or the cell path, and the
 * reason: %GOVSTATS_ERROR_ENCODING, %GOVSTATS_ERROR_PARSE,
 * %GOVSTATS_ERROR_INVALID_TYPE, %GOVSTATS_ERROR_UNKNOWN_KEY,
 * %GOVSTATS_ERROR_VERSION_MISMATCH, %GOVSTATS_ERROR_OUT_OF_RANGE, … A
 * negative count is not an error here: the checks report it.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 *
 * Since: 0.1
 */
GovstatsReport *
govstats_report_new_from_stream (GInputStream  *stream,
                                 const char    *name,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "<stream>";
  bytes = govstats_read_stream (stream, name, cancellable, error);
  if (bytes == NULL)
    return NULL;
  return report_from_bytes (bytes, name, error);
}

/**
 * govstats_report_new_from_data:
 * @data: (array length=length) (element-type guint8): the JSON text of a report file
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Reads a report from JSON text in memory. See
 * [ctor@Govstats.Report.new_from_stream] for the errors.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 *
 * Since: 0.1
 */
GovstatsReport *
govstats_report_new_from_data (const char  *data,
                               gssize       length,
                               GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  if (length < 0)
    length = (gssize) strlen (data);
  bytes = g_bytes_new (data, (gsize) length);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  return govstats_report_new_from_stream (stream, "<data>", NULL, error);
}

/**
 * govstats_report_new_from_gfile:
 * @file: a report file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a report file. See [ctor@Govstats.Report.new_from_stream] for the
 * errors; a file that cannot be opened gives %GOVSTATS_ERROR_IO.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 *
 * Since: 0.1
 */
GovstatsReport *
govstats_report_new_from_gfile (GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  name = g_file_get_parse_name (file);
  stream = g_file_read (file, cancellable, &local);
  if (stream == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO, "%s: cannot open: %s", name, local->message);
      return NULL;
    }
  return govstats_report_new_from_stream (G_INPUT_STREAM (stream), name, cancellable, error);
}

/**
 * govstats_report_new_from_file:
 * @filename: (type filename): the path of a report file
 * @error: return location for a #GError
 *
 * Reads a report file. See [ctor@Govstats.Report.new_from_stream] for the
 * errors.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 *
 * Since: 0.1
 */
GovstatsReport *
govstats_report_new_from_file (const char  *filename,
                               GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local = NULL;

  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (filename != NULL, NULL);
  /* A local file is read in one call: cheaper than a stream, same core. */
  if (!g_file_get_contents (filename, &data, &length, &local))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO, "%s: cannot open: %s", filename,
                   local->message);
      return NULL;
    }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);
    return report_from_bytes (bytes, filename, error);
  }
}
/* ---------- the one-pass reader ----------
 *
 * Reading a report is the hot path of a consolidation (a county reads 59
 * files, a country 200,000). Validating the text, then building a JSON-GLib
 * tree of every cell, then walking it cost three passes and an allocation per
 * number. This reader makes one strict pass (RFC 8259: no comments, no
 * single quotes, nothing after the root value, no repeated member, integers
 * within 64 bits, line:column in every syntax error): the cells of `tables`
 * go straight into the report from their literal text, and only the small
 * members around them (unit, text, source, extensions, unknown members, and
 * cells written as objects) become JSON nodes, for the code above. */

/* A cell given as a number: read from its text, exactly. @at is where the
 * member's value starts. */
static gboolean
reader_cell_number (GovstatsJsonReader *r,
                    GovstatsReport     *self,
                    Loader             *ld,
                    const char         *table_key,
                    const char         *row_key,
                    guint               index,
                    const char         *at)
{
  const char *start;
  gsize length;
  gboolean integral;
  char buf[72];
  g_autofree char *reason = NULL;
  GovstatsValueProblem problem;
  gint64 value;
  GovstatsValueKind kind = govstats_schema_cell_kind_at (self->schema, index);

  if (!govstats_json_reader_number (r, &start, &length, &integral))
    return FALSE;
  if (length >= sizeof buf)
    {
      g_autofree char *text = g_strndup (start, length);
      return govstats_json_reader_fail (r, at, GOVSTATS_ERROR_OUT_OF_RANGE, "the number %s is too long", text);
    }
  memcpy (buf, start, length);
  buf[length] = '\0';
  if (!govstats_value_parse_json_number (buf, kind, &value, &problem, &reason))
    {
      g_autofree char *path = g_strdup_printf ("%s/%s/%s", table_key, row_key, r->key->str);
      if (integral && problem == GOVSTATS_VALUE_TOO_LARGE)
        govstats_json_reader_fail (r, start, GOVSTATS_ERROR_OUT_OF_RANGE, "the number %s does not fit in 64 bits", buf);
      else
        load_fail (ld, problem == GOVSTATS_VALUE_NOT_WHOLE ? GOVSTATS_ERROR_INVALID_VALUE
                                                           : GOVSTATS_ERROR_OUT_OF_RANGE,
                   "tables/%s: %s", path, reason);
      return FALSE;
    }
  govstats_report_set_at (self, index, value);
  return TRUE;
}

/* Finds the literal text of the number member `value` of the object that
 * starts at @node_start and ends at r->p, and keeps it in @literals under
 * @path, so that a value written as an object stays exact. */
static void
find_value_literal (GovstatsJsonReader *r,
                    const char         *node_start,
                    const char         *path,
                    GHashTable         *literals)
{
  GovstatsJsonReader inner = { r->data, node_start + 1, r->p, r->name, NULL, g_string_new (NULL) };
  GovstatsJsonSeen inner_seen = { g_ptr_array_new_with_free_func (g_free) };
  gboolean inner_done;

  for (gboolean f = TRUE; govstats_json_reader_member (&inner, node_start, f, &inner_seen, &inner_done); f = FALSE)
    {
      gboolean is_value = g_str_equal (inner.key->str, "value");
      if (is_value && (*inner.p == '-' || g_ascii_isdigit (*inner.p)))
        {
          const char *start;
          gsize length;
          gboolean integral;
          if (govstats_json_reader_number (&inner, &start, &length, &integral))
            g_hash_table_insert (literals, g_strdup (path), g_strndup (start, length));
          break;
        }
      {
        g_autoptr(JsonNode) skip = govstats_json_reader_node (&inner, 5);
        if (skip == NULL)
          break;
      }
    }
  g_ptr_array_unref (inner_seen.keys);
  g_string_free (inner.key, TRUE);
}

/* A cell written as an object (value, note, raw, unit, …), or of a wrong
 * type: read as a node, keeping the literal text of its value for
 * exactness. */
static gboolean
reader_cell_node (GovstatsJsonReader *r,
                  GovstatsReport     *self,
                  Loader             *ld,
                  const char         *table_key,
                  const char         *row_key,
                  guint               index)
{
  g_autofree char *path = g_strdup_printf ("%s/%s/%s", table_key, row_key, r->key->str);
  g_autoptr(GHashTable) literals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *node_start = r->p;
  g_autoptr(JsonNode) node = govstats_json_reader_node (r, 4);
  gboolean ok;

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    find_value_literal (r, node_start, path, literals);
  ld->literals = literals;
  ok = load_cell (self, ld, index, path, node);
  ld->literals = NULL;
  return ok;
}

/* The cells of one row, r->p at its `{`; @row is -1 for a row the table
 * does not have (its first cell is then the error). */
static gboolean
reader_row (GovstatsJsonReader        *r,
            GovstatsReport            *self,
            Loader                    *ld,
            const GovstatsSchemaTable *table,
            const char                *table_key,
            const char                *row_key,
            int                        row)
{
  const char *row_open = r->p;
  GovstatsJsonSeen seen_cells = { g_ptr_array_new_with_free_func (g_free) };
  gboolean cells_done = FALSE, ok = TRUE;

  r->p++;
  for (gboolean first_cell = TRUE; ok; first_cell = FALSE)
    {
      int column, index = -1;
      const char *at;

      if (!govstats_json_reader_member (r, row_open, first_cell, &seen_cells, &cells_done))
        break;
      at = r->p;
      column = govstats_schema_find_column (table, r->key->str);
      if (row >= 0 && column >= 0)
        index = govstats_schema_cell_index (table, (guint) row, (guint) column);
      if (index < 0)
        {
          g_autofree char *path = g_strdup_printf ("%s/%s/%s", table_key, row_key, r->key->str);
          g_autoptr(GError) local = NULL;
          govstats_schema_set_path_error (self->schema, path, &local);
          load_fail (ld, local->code, "tables/%s", local->message);
          ok = FALSE;
          break;
        }
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        ok = reader_cell_number (r, self, ld, table_key, row_key, (guint) index, at);
      else if (*r->p == 'n')
        ok = govstats_json_reader_literal (r, "null");
      else
        ok = reader_cell_node (r, self, ld, table_key, row_key, (guint) index);
    }
  g_ptr_array_unref (seen_cells.keys);
  return ok && cells_done;
}

/* The rows of a table the schema knows, r->p at its `{`. */
static gboolean
reader_table (GovstatsJsonReader        *r,
              GovstatsReport            *self,
              Loader                    *ld,
              const GovstatsSchemaTable *table,
              const char                *table_key)
{
  const char *table_open = r->p;
  GovstatsJsonSeen seen_rows = { g_ptr_array_new_with_free_func (g_free) };
  gboolean rows_done = FALSE, ok = TRUE;

  r->p++;
  for (gboolean first_row = TRUE; ok; first_row = FALSE)
    {
      g_autofree char *row_key = NULL;

      if (!govstats_json_reader_member (r, table_open, first_row, &seen_rows, &rows_done))
        break;
      row_key = g_strdup (r->key->str);
      if (*r->p == 'n')
        {
          ok = govstats_json_reader_literal (r, "null");
          continue;
        }
      if (*r->p != '{')
        {
          g_autoptr(JsonNode) node = govstats_json_reader_node (r, 3);
          if (node != NULL)
            load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "tables/%s/%s: expected an object of columns, found %s",
                       table_key, row_key, node_type_name (node));
          ok = FALSE;
          break;
        }
      ok = reader_row (r, self, ld, table, table_key, row_key, govstats_schema_find_row (table, row_key));
    }
  g_ptr_array_unref (seen_rows.keys);
  return ok && rows_done;
}

/* The rare cases of a table member (an unknown table, null, a wrong type):
 * read as a node and loaded as such. */
static gboolean
reader_table_node (GovstatsJsonReader *r,
                   GovstatsReport     *self,
                   Loader             *ld,
                   const char         *table_key)
{
  g_autoptr(JsonNode) node = govstats_json_reader_node (r, 2);
  g_autoptr(JsonNode) wrapper = NULL;
  JsonObject *o;

  if (node == NULL)
    return FALSE;
  o = json_object_new ();
  json_object_set_member (o, table_key, g_steal_pointer (&node));
  wrapper = json_node_init_object (json_node_alloc (), o);
  json_object_unref (o);
  return load_tables (self, ld, wrapper);
}

/* The `tables` member, streamed: numbers are read from their text without
 * building nodes; anything unusual goes through load_tables(). */
static gboolean
reader_tables (GovstatsJsonReader *r,
               GovstatsReport     *self)
{
  Loader ld = { r->name, r->error, NULL };
  const char *open = r->p;
  GovstatsJsonSeen seen_tables = { g_ptr_array_new_with_free_func (g_free) };
  gboolean done = FALSE, ok = TRUE;

  if (*r->p == 'n')
    {
      g_ptr_array_unref (seen_tables.keys);
      return govstats_json_reader_literal (r, "null");
    }
  if (*r->p != '{')
    {
      g_autoptr(JsonNode) node = govstats_json_reader_node (r, 1);
      g_ptr_array_unref (seen_tables.keys);
      if (node == NULL)
        return FALSE;
      return load_tables (self, &ld, node);
    }
  r->p++;
  for (gboolean first_table = TRUE; ok; first_table = FALSE)
    {
      g_autofree char *table_key = NULL;
      const GovstatsSchemaTable *table;

      if (!govstats_json_reader_member (r, open, first_table, &seen_tables, &done))
        break;
      table_key = g_strdup (r->key->str);
      table = govstats_schema_find_table (self->schema, table_key);
      if (table == NULL || *r->p != '{')
        ok = reader_table_node (r, self, &ld, table_key);
      else
        ok = reader_table (r, self, &ld, table, table_key);
    }
  g_ptr_array_unref (seen_tables.keys);
  return ok && done;
}

static GovstatsReport *report_read_internal (const char *data, gsize length, const char *name, GError **error);

static GovstatsReport *
report_read (const char  *data,
             gsize        length,
             const char  *name,
             GError     **error)
{
  g_autoptr(GError) local = NULL;
  GovstatsReport *report = report_read_internal (data, length, name, &local);

  if (report != NULL)
    return report;
  /* Every failure below names its cause; this is a safety net. */
  if (local == NULL)
    govstats_i18n_set_error (&local, GOVSTATS_ERROR, GOVSTATS_ERROR_PARSE, "%s: the report could not be read", name);
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

static GovstatsReport *
report_read_internal (const char  *data,
                      gsize        length,
                      const char  *name,
                      GError     **error)
{
  GovstatsJsonReader r = { data, data, data + length, name, error, g_string_new (NULL) };
  Loader ld = { name, error, NULL };
  g_autoptr(JsonObject) members = json_object_new ();
  g_autoptr(GovstatsReport) report = NULL;
  GovstatsJsonSeen seen = { g_ptr_array_new_with_free_func (g_free) };
  const char *open, *tables_at = NULL;
  gboolean done = FALSE, ok = TRUE, read = FALSE;
  GovstatsSchema *schema;

  if (!govstats_json_reader_start (&r))
    goto out;
  if (*r.p != '{')
    {
      /* Not an object: read it to report a syntax error, else the type. */
      g_autoptr(JsonNode) node = govstats_json_reader_node (&r, 0);
      if (node != NULL)
        load_fail (&ld, GOVSTATS_ERROR_INVALID_TYPE, "the top level must be an object, found %s", node_type_name (node));
      goto out;
    }
  open = r.p;
  r.p++;
  for (gboolean first = TRUE; ok; first = FALSE)
    {
      g_autofree char *key = NULL;
      JsonNode *node;

      if (!govstats_json_reader_member (&r, open, first, &seen, &done))
        break;
      key = g_strdup (r.key->str);
      if (g_str_equal (key, "tables") && json_object_has_member (members, "version"))
        {
          /* The usual order: the layout is known, read the cells now. */
          schema = members_schema (members, &ld);
          ok = schema != NULL;
          if (ok)
            {
              report = govstats_report_new (schema);
              ok = reader_tables (&r, report);
            }
          continue;
        }
      if (g_str_equal (key, "tables"))
        {
          /* The tables before the version: check them now (as nodes, the
           * rare way), read them once the layout is known. */
          g_autoptr(JsonNode) skipped = NULL;

          tables_at = r.p;
          skipped = govstats_json_reader_node (&r, 1);
          ok = skipped != NULL;
          continue;
        }
      node = govstats_json_reader_node (&r, 1);
      if (node == NULL)
        ok = FALSE;
      else
        json_object_set_member (members, key, node);
    }
  if (!ok || !done)
    goto out;
  govstats_json_reader_space (&r);
  if (r.p < r.end)
    {
      govstats_json_reader_fail (&r, r.p, GOVSTATS_ERROR_PARSE, "text after the end of the JSON value (%s)",
                                 *r.p == '{' || *r.p == '[' ? "a second value" : "remove it");
      goto out;
    }

  /* Every member is in: check the format and the layout (a format member may
   * follow the tables), then apply the rest. */
  schema = members_schema (members, &ld);
  if (schema == NULL)
    goto out;
  if (report == NULL)
    {
      report = govstats_report_new (schema);
      r.p = tables_at;
      if (tables_at != NULL && !reader_tables (&r, report))
        goto out;
    }
  if (!apply_members (report, members, &ld))
    goto out;
  read = TRUE;

out:
  g_ptr_array_unref (seen.keys);
  g_string_free (r.key, TRUE);
  /* The return value is the contract: a report only when all of it was read. */
  if (!read)
    g_clear_object (&report);
  return g_steal_pointer (&report);
}
