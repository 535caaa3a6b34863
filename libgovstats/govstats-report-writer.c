/* govstats-report-writer.c — writing a report as canonical JSON
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
#include "govstats-json-writer-private.h"
#include "govstats-value-private.h"
#include "govstats-report-private.h"
#include "govstats-schema-private.h"
#include "govstats-report-struct-private.h"

/* ---------- saving ---------- */

static void
write_object_members (GovstatsJsonWriter *w,
                      JsonObject         *object)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      govstats_json_writer_key (w, key);
      govstats_json_writer_node (w, member);
    }
}

static void
write_value (GovstatsReport     *self,
             GovstatsJsonWriter *w,
             guint               index)
{
  if (!self->set[index])
    govstats_json_writer_null (w);
  else
    {
      GovstatsValueKind kind = govstats_schema_cell_kind_at (self->schema, index);
      g_autofree char *text = govstats_value_format (self->values[index], kind);

      /* Beyond 2^53 ten-thousandths a JSON number would not read back exactly
       * through a double: such an amount is written as a string, which the
       * loader reads exactly. */
      if (kind == GOVSTATS_VALUE_KIND_AMOUNT &&
          (self->values[index] >= (G_GINT64_CONSTANT (1) << 53) ||
           self->values[index] <= -(G_GINT64_CONSTANT (1) << 53)))
        govstats_json_writer_string (w, text);
      else
        govstats_json_writer_raw_number (w, text);
    }
}

static void
write_tables (GovstatsReport     *self,
              GovstatsJsonWriter *w)
{
  govstats_json_writer_key (w, "tables");
  govstats_json_writer_begin_object (w);
  for (guint t = 0; t < govstats_schema_get_n_tables (self->schema); t++)
    {
      const GovstatsSchemaTable *table = govstats_schema_table_at (self->schema, t);
      gboolean table_open = FALSE;

      for (guint r = 0; r < table->rows->len; r++)
        {
          gboolean row_open = FALSE;

          for (guint c = 0; c < table->columns->len; c++)
            {
              int index = govstats_schema_cell_index (table, r, c);
              CellMeta *meta;

              if (index < 0)
                break;
              meta = g_hash_table_lookup (self->meta, GUINT_TO_POINTER (index + 1));
              if (!self->set[index] && meta == NULL)
                continue;
              if (!table_open)
                {
                  govstats_json_writer_key (w, table->key);
                  govstats_json_writer_begin_object (w);
                  table_open = TRUE;
                }
              if (!row_open)
                {
                  govstats_json_writer_key (w, ((GovstatsSchemaRow *) table->rows->pdata[r])->key);
                  govstats_json_writer_set_compact (w, TRUE);
                  govstats_json_writer_begin_object (w);
                  row_open = TRUE;
                }
              govstats_json_writer_key (w, ((GovstatsSchemaColumn *) table->columns->pdata[c])->key);
              if (meta == NULL)
                write_value (self, w, (guint) index);
              else
                {
                  govstats_json_writer_begin_object (w);
                  govstats_json_writer_key (w, "value");
                  write_value (self, w, (guint) index);
                  if (meta->note)
                    {
                      govstats_json_writer_key (w, "note");
                      govstats_json_writer_string (w, meta->note);
                    }
                  if (meta->raw)
                    {
                      govstats_json_writer_key (w, "raw");
                      govstats_json_writer_string (w, meta->raw);
                    }
                  if (meta->unit)
                    {
                      govstats_json_writer_key (w, "unit");
                      govstats_json_writer_string (w, meta->unit);
                    }
                  if (meta->extra)
                    write_object_members (w, meta->extra);
                  govstats_json_writer_end_object (w);
                }
            }
          if (row_open)
            {
              govstats_json_writer_end_object (w);
              govstats_json_writer_set_compact (w, FALSE);
            }
        }
      if (table_open)
        govstats_json_writer_end_object (w);
    }
  govstats_json_writer_end_object (w);
}

static void
write_report (GovstatsReport     *self,
              GovstatsJsonWriter *w)
{
  govstats_json_writer_begin_object (w);
  govstats_json_writer_key (w, "govstats");
  govstats_json_writer_int (w, 1);
  govstats_json_writer_key (w, "version");
  govstats_json_writer_string (w, govstats_report_get_version (self));
  if (self->year != 0)
    {
      govstats_json_writer_key (w, "year");
      govstats_json_writer_int (w, self->year);
    }
  if (self->unit_name || self->unit_code || self->unit_kind_set || self->unit_parent || self->unit_extra)
    {
      govstats_json_writer_key (w, "unit");
      govstats_json_writer_begin_object (w);
      if (self->unit_name)
        {
          govstats_json_writer_key (w, "name");
          govstats_json_writer_string (w, self->unit_name);
        }
      if (self->unit_code)
        {
          govstats_json_writer_key (w, "code");
          govstats_json_writer_string (w, self->unit_code);
        }
      if (self->unit_kind_set)
        {
          GEnumClass *klass = g_type_class_ref (GOVSTATS_TYPE_UNIT_KIND);
          govstats_json_writer_key (w, "kind");
          govstats_json_writer_string (w, g_enum_get_value (klass, (int) self->unit_kind)->value_nick);
          g_type_class_unref (klass);
        }
      if (self->unit_parent)
        {
          govstats_json_writer_key (w, "parent");
          govstats_json_writer_string (w, self->unit_parent);
        }
      if (self->unit_extra)
        write_object_members (w, self->unit_extra);
      govstats_json_writer_end_object (w);
    }
  govstats_json_writer_key (w, "scope");
  govstats_json_writer_string (w, self->scope == GOVSTATS_SCOPE_AGGREGATE ? "aggregate" : "own");
  write_tables (self, w);
  govstats_report_write_texts (self, w);
  if (self->source)
    {
      govstats_json_writer_key (w, "source");
      govstats_json_writer_begin_object (w);
      write_object_members (w, self->source);
      govstats_json_writer_end_object (w);
    }
  if (self->sources)
    {
      g_autoptr(JsonNode) n = json_node_init_array (json_node_alloc (), self->sources);
      govstats_json_writer_key (w, "sources");
      govstats_json_writer_node (w, n);
    }
  else if (self->source_store)
    {
      govstats_json_writer_key (w, "sources");
      govstats_json_writer_begin_array (w);
      for (guint i = 0; i < self->n_sources; i++)
        {
          g_auto(GovstatsUnitRecord) unit = { 0 };
          g_autoptr(GError) error = NULL;

          if (!govstats_unit_store_get (self->source_store, i, &unit, NULL, &error))
            {
              govstats_json_writer_fail (w, error);
              break;
            }
          govstats_json_writer_set_compact (w, TRUE);
          govstats_json_writer_begin_object (w);
          if (unit.code)
            {
              govstats_json_writer_key (w, "code");
              govstats_json_writer_string (w, unit.code);
            }
          if (unit.name)
            {
              govstats_json_writer_key (w, "name");
              govstats_json_writer_string (w, unit.name);
            }
          if (unit.file)
            {
              govstats_json_writer_key (w, "file");
              govstats_json_writer_string (w, unit.file);
            }
          govstats_json_writer_end_object (w);
          govstats_json_writer_set_compact (w, FALSE);
        }
      govstats_json_writer_end_array (w);
    }
  if (self->extensions)
    {
      g_autoptr(JsonNode) n = json_node_init_object (json_node_alloc (), self->extensions);
      govstats_json_writer_key (w, "extensions");
      govstats_json_writer_node (w, n);
    }
  if (self->unknown)
    write_object_members (w, self->unknown);
  govstats_json_writer_end_object (w);
}

/**
 * govstats_report_to_data:
 * @self: a report
 * @length: (out) (optional): return location for the length in bytes
 *
 * Writes the report as the JSON text of a report file, in canonical form:
 * members in a fixed order, blank cells left out, amounts exact. (If the
 * `sources` of a consolidation cannot be read back from the rollup's
 * temporary store, this logs a critical warning; use
 * [method@Govstats.Report.save_to_file], which reports the error, to write
 * such a report to a file.)
 *
 * Returns: (transfer full): the UTF-8 JSON text
 *
 * Since: 0.1
 */
char *
govstats_report_to_data (GovstatsReport *self,
                         gsize          *length)
{
  GovstatsJsonWriter *w;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  w = govstats_json_writer_new ();
  write_report (self, w);
  return govstats_json_writer_free_to_string (w, length);
}

/**
 * govstats_report_save_to_file:
 * @self: a report
 * @filename: (type filename): where to write
 * @error: return location for a #GError
 *
 * Writes the report file atomically: the file is written under a temporary
 * name and renamed into place, so a reader never sees half a file and a
 * failure leaves the old file as it was.
 *
 * Returns: %TRUE on success, %FALSE with %GOVSTATS_ERROR_IO
 *
 * Since: 0.1
 */
gboolean
govstats_report_save_to_file (GovstatsReport *self,
                              const char     *filename,
                              GError        **error)
{
  GovstatsAtomicFile *file;
  GovstatsJsonWriter *w;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  /* Streamed: a consolidation's `sources` can be 200,000 entries long. */
  file = govstats_atomic_file_new (filename, error);
  if (file == NULL)
    return FALSE;
  w = govstats_json_writer_new ();
  govstats_json_writer_set_sink (w, govstats_atomic_file_write, file);
  write_report (self, w);
  if (!govstats_json_writer_finish (w, error))
    {
      govstats_atomic_file_abort (file);
      return FALSE;
    }
  return govstats_atomic_file_commit (file, error);
}
