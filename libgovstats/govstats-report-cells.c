/* govstats-report-cells.c — a report's cells: values, blanks, exact text, notes, raw text and units
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

CellMeta *
ensure_meta (GovstatsReport *self,
             guint           index)
{
  CellMeta *meta = g_hash_table_lookup (self->meta, GUINT_TO_POINTER (index + 1));

  if (meta == NULL)
    {
      meta = g_new0 (CellMeta, 1);
      g_hash_table_insert (self->meta, GUINT_TO_POINTER (index + 1), meta);
    }
  return meta;
}
/* ---------- cells ---------- */

gboolean
govstats_report_get_at (GovstatsReport *self,
                        guint           index,
                        gint64         *value)
{
  if (value)
    *value = self->set[index] ? self->values[index] : 0;
  return self->set[index];
}

void
govstats_report_set_at (GovstatsReport *self,
                        guint           index,
                        gint64          value)
{
  self->values[index] = value;
  self->set[index] = TRUE;
}

const gint64 *
govstats_report_peek_values (GovstatsReport *self)
{
  return self->values;
}

const guint8 *
govstats_report_peek_set (GovstatsReport *self)
{
  return self->set;
}

static int
checked_index (GovstatsReport *self,
               const char     *path,
               const char     *func)
{
  int index = govstats_schema_lookup_cell (self->schema, path);

  if (index < 0)
    {
      g_autoptr(GError) error = NULL;
      govstats_schema_set_path_error (self->schema, path ? path : "(null)", &error);
      g_critical ("%s: %s", func, error->message);
    }
  return index;
}

/**
 * govstats_report_get_value:
 * @self: a report
 * @path: a cell path `TABLE/ROW/COLUMN`
 * @value: (out) (optional): return location for the value, 0 for a blank cell
 *
 * Gets the value of a cell. Amounts are in 1/%GOVSTATS_AMOUNT_SCALE of their
 * unit. An unknown path is a programming error; see
 * [method@Govstats.Report.lookup_value] for a checked variant.
 *
 * Returns: %TRUE if the cell is set, %FALSE if it is blank
 *
 * Since: 0.1
 */
gboolean
govstats_report_get_value (GovstatsReport *self,
                           const char     *path,
                           gint64         *value)
{
  int index;

  if (value)
    *value = 0;
  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), FALSE);
  index = checked_index (self, path, G_STRFUNC);
  if (index < 0)
    return FALSE;
  return govstats_report_get_at (self, (guint) index, value);
}

/**
 * govstats_report_set_value:
 * @self: a report
 * @path: a cell path `TABLE/ROW/COLUMN`
 * @value: the value; amounts in 1/%GOVSTATS_AMOUNT_SCALE of their unit
 *
 * Sets the value of a cell. An unknown path is a programming error; see
 * [method@Govstats.Report.try_set_value] for a checked variant.
 *
 * Since: 0.1
 */
void
govstats_report_set_value (GovstatsReport *self,
                           const char     *path,
                           gint64          value)
{
  int index;

  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  index = checked_index (self, path, G_STRFUNC);
  if (index >= 0)
    govstats_report_set_at (self, (guint) index, value);
}

/**
 * govstats_report_set_blank:
 * @self: a report
 * @path: a cell path `TABLE/ROW/COLUMN`
 *
 * Makes a cell blank (not reported), which is not the same as zero.
 *
 * Since: 0.1
 */
void
govstats_report_set_blank (GovstatsReport *self,
                           const char     *path)
{
  int index;

  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  index = checked_index (self, path, G_STRFUNC);
  if (index >= 0)
    {
      self->set[index] = FALSE;
      self->values[index] = 0;
    }
}

/**
 * govstats_report_is_blank:
 * @self: a report
 * @path: a cell path `TABLE/ROW/COLUMN`
 *
 * Tells whether a cell is blank.
 *
 * Returns: %TRUE if the cell is blank
 *
 * Since: 0.1
 */
gboolean
govstats_report_is_blank (GovstatsReport *self,
                          const char     *path)
{
  int index;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), TRUE);
  index = checked_index (self, path, G_STRFUNC);
  return index < 0 || !self->set[index];
}

/**
 * govstats_report_lookup_value:
 * @self: a report
 * @path: a cell path `TABLE/ROW/COLUMN`
 * @is_set: (out) (optional): return location for whether the cell is set
 * @value: (out) (optional): return location for the value (0 when blank)
 * @error: return location for a #GError
 *
 * Gets the value of a cell, with an error for a path that is not a cell of
 * the report's layout (%GOVSTATS_ERROR_UNKNOWN_KEY or
 * %GOVSTATS_ERROR_VERSION_MISMATCH).
 *
 * Returns: %TRUE if @path is a cell, %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
govstats_report_lookup_value (GovstatsReport *self,
                              const char     *path,
                              gboolean       *is_set,
                              gint64         *value,
                              GError        **error)
{
  int index;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (is_set)
    *is_set = FALSE;
  if (value)
    *value = 0;
  index = govstats_schema_lookup_cell (self->schema, path);
  if (index < 0)
    {
      govstats_schema_set_path_error (self->schema, path, error);
      return FALSE;
    }
  if (is_set)
    *is_set = self->set[index];
  if (value)
    *value = self->values[index];
  return TRUE;
}

/**
 * govstats_report_try_set_value:
 * @self: a report
 * @path: a cell path `TABLE/ROW/COLUMN`
 * @value: the value; amounts in 1/%GOVSTATS_AMOUNT_SCALE of their unit
 * @error: return location for a #GError
 *
 * Sets the value of a cell, with an error for a path that is not a cell of
 * the report's layout.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
govstats_report_try_set_value (GovstatsReport *self,
                               const char     *path,
                               gint64          value,
                               GError        **error)
{
  int index;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  index = govstats_schema_lookup_cell (self->schema, path);
  if (index < 0)
    {
      govstats_schema_set_path_error (self->schema, path, error);
      return FALSE;
    }
  govstats_report_set_at (self, (guint) index, value);
  return TRUE;
}

/**
 * govstats_report_dup_value_text:
 * @self: a report
 * @path: a cell path `TABLE/ROW/COLUMN`
 * @error: return location for a #GError
 *
 * Gets the exact decimal text of a cell: `12`, `-3`, `4068.208`. This is the
 * way to read amounts without binary floating point, and counts beyond 2^53
 * from JavaScript.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for a blank cell or
 *   (with @error set) a path that is not a cell
 *
 * Since: 0.1
 */
char *
govstats_report_dup_value_text (GovstatsReport *self,
                                const char     *path,
                                GError        **error)
{
  int index;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  index = govstats_schema_lookup_cell (self->schema, path);
  if (index < 0)
    {
      govstats_schema_set_path_error (self->schema, path, error);
      return NULL;
    }
  if (!self->set[index])
    return NULL;
  return govstats_value_format (self->values[index], govstats_schema_cell_kind_at (self->schema, (guint) index));
}

/**
 * govstats_report_set_value_text:
 * @self: a report
 * @path: a cell path `TABLE/ROW/COLUMN`
 * @text: (nullable): the exact decimal text (`12`, `-3`, `4068.208`), or %NULL
 *   to make the cell blank
 * @error: return location for a #GError
 *
 * Sets a cell from its decimal text. Counts and changes take whole numbers;
 * amounts take at most four decimal places.
 *
 * Returns: %TRUE on success; %FALSE with %GOVSTATS_ERROR_UNKNOWN_KEY,
 *   %GOVSTATS_ERROR_VERSION_MISMATCH, %GOVSTATS_ERROR_INVALID_VALUE or
 *   %GOVSTATS_ERROR_OUT_OF_RANGE
 *
 * Since: 0.1
 */
gboolean
govstats_report_set_value_text (GovstatsReport *self,
                                const char     *path,
                                const char     *text,
                                GError        **error)
{
  g_autofree char *reason = NULL;
  GovstatsValueProblem problem;
  int index;
  gint64 value;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  index = govstats_schema_lookup_cell (self->schema, path);
  if (index < 0)
    {
      govstats_schema_set_path_error (self->schema, path, error);
      return FALSE;
    }
  if (text == NULL)
    {
      self->set[index] = FALSE;
      self->values[index] = 0;
      return TRUE;
    }
  if (!govstats_value_parse (text, govstats_schema_cell_kind_at (self->schema, (guint) index), &value, &problem, &reason))
    {
      g_set_error (error, GOVSTATS_ERROR,
                   problem == GOVSTATS_VALUE_TOO_LARGE || problem == GOVSTATS_VALUE_TOO_PRECISE
                     ? GOVSTATS_ERROR_OUT_OF_RANGE : GOVSTATS_ERROR_INVALID_VALUE,
                   "%s: %s", path, reason);
      return FALSE;
    }
  govstats_report_set_at (self, (guint) index, value);
  return TRUE;
}

/**
 * govstats_report_dup_table_values:
 * @self: a report
 * @table: a table key
 * @error: return location for a #GError
 *
 * Gets every cell of a table in one call, for bindings that would otherwise
 * cross into C once per cell.
 *
 * The result has the type `a{smv}`: for each cell path, nothing for a blank
 * cell, otherwise an `x` (int64) for counts and changes or an `s` with the
 * exact decimal text for amounts.
 *
 * Returns: (transfer full): a dictionary of the table's cells, or %NULL with
 *   %GOVSTATS_ERROR_UNKNOWN_KEY for an unknown table
 *
 * Since: 0.1
 */
GVariant *
govstats_report_dup_table_values (GovstatsReport *self,
                                  const char     *table,
                                  GError        **error)
{
  const GovstatsSchemaTable *t;
  GVariantBuilder builder;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  t = govstats_schema_find_table (self->schema, table);
  if (t == NULL)
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY,
                   "%s: unknown table in the %s layout", table, govstats_report_get_version (self));
      return NULL;
    }
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{smv}"));
  for (guint i = t->first_cell; i < t->first_cell + t->n_cells; i++)
    {
      const GovstatsSchemaCell *cell = govstats_schema_cell_at (self->schema, i);
      GVariant *v = NULL;

      if (self->set[i])
        {
          if (govstats_schema_cell_kind_at (self->schema, i) == GOVSTATS_VALUE_KIND_AMOUNT)
            {
              g_autofree char *text = govstats_value_format (self->values[i], GOVSTATS_VALUE_KIND_AMOUNT);
              v = g_variant_new_variant (g_variant_new_string (text));
            }
          else
            v = g_variant_new_variant (g_variant_new_int64 (self->values[i]));
        }
      g_variant_builder_add (&builder, "{s@mv}", cell->path,
                             g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, v));
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * govstats_report_count_set_cells:
 * @self: a report
 *
 * Counts the cells that are set (not blank).
 *
 * Returns: the number of set cells
 *
 * Since: 0.1
 */
guint
govstats_report_count_set_cells (GovstatsReport *self)
{
  guint n = 0;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), 0);
  for (guint i = 0; i < self->n_cells; i++)
    n += self->set[i] ? 1 : 0;
  return n;
}

static CellMeta *
lookup_meta (GovstatsReport *self,
             const char     *path,
             const char     *func)
{
  int index = checked_index (self, path, func);

  return index < 0 ? NULL : g_hash_table_lookup (self->meta, GUINT_TO_POINTER (index + 1));
}

static void
set_meta_string (GovstatsReport *self,
                 const char     *path,
                 gsize           offset,
                 const char     *value,
                 const char     *func)
{
  int index = checked_index (self, path, func);
  char **field;

  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));
  if (index < 0)
    return;
  if (value == NULL && g_hash_table_lookup (self->meta, GUINT_TO_POINTER (index + 1)) == NULL)
    return;
  field = G_STRUCT_MEMBER_P (ensure_meta (self, (guint) index), offset);
  g_free (*field);
  *field = g_strdup (value);
}

/**
 * govstats_report_get_cell_note:
 * @self: a report
 * @path: a cell path
 *
 * Gets the note printed with a cell, such as 其中修订 16 件.
 *
 * Returns: (transfer none) (nullable): the note
 *
 * Since: 0.1
 */
const char *
govstats_report_get_cell_note (GovstatsReport *self,
                               const char     *path)
{
  CellMeta *meta;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  meta = lookup_meta (self, path, G_STRFUNC);
  return meta ? meta->note : NULL;
}

/**
 * govstats_report_set_cell_note:
 * @self: a report
 * @path: a cell path
 * @note: (nullable): the note
 *
 * Sets the note printed with a cell.
 *
 * Since: 0.1
 */
void
govstats_report_set_cell_note (GovstatsReport *self,
                               const char     *path,
                               const char     *note)
{
  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  set_meta_string (self, path, G_STRUCT_OFFSET (CellMeta, note), note, G_STRFUNC);
}

/**
 * govstats_report_get_cell_raw:
 * @self: a report
 * @path: a cell path
 *
 * Gets the text of a cell as it was printed, such as 22（其中修订 16 件）.
 *
 * Returns: (transfer none) (nullable): the raw text
 *
 * Since: 0.1
 */
const char *
govstats_report_get_cell_raw (GovstatsReport *self,
                              const char     *path)
{
  CellMeta *meta;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  meta = lookup_meta (self, path, G_STRFUNC);
  return meta ? meta->raw : NULL;
}

/**
 * govstats_report_set_cell_raw:
 * @self: a report
 * @path: a cell path
 * @raw: (nullable): the raw text
 *
 * Sets the text of a cell as it was printed.
 *
 * Since: 0.1
 */
void
govstats_report_set_cell_raw (GovstatsReport *self,
                              const char     *path,
                              const char     *raw)
{
  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  set_meta_string (self, path, G_STRUCT_OFFSET (CellMeta, raw), raw, G_STRFUNC);
}

/**
 * govstats_report_get_cell_unit:
 * @self: a report
 * @path: a cell path
 *
 * Gets the unit printed in a cell, such as 元 in 251000元.
 *
 * Returns: (transfer none) (nullable): the unit
 *
 * Since: 0.1
 */
const char *
govstats_report_get_cell_unit (GovstatsReport *self,
                               const char     *path)
{
  CellMeta *meta;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  meta = lookup_meta (self, path, G_STRFUNC);
  return meta ? meta->unit : NULL;
}

/**
 * govstats_report_set_cell_unit:
 * @self: a report
 * @path: a cell path
 * @unit: (nullable): the unit
 *
 * Sets the unit printed in a cell.
 *
 * Since: 0.1
 */
void
govstats_report_set_cell_unit (GovstatsReport *self,
                               const char     *path,
                               const char     *unit)
{
  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  set_meta_string (self, path, G_STRUCT_OFFSET (CellMeta, unit), unit, G_STRFUNC);
}
