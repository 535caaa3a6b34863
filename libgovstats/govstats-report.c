/* govstats-report.c — one unit's annual report (or a consolidated one)
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
#include "govstats-report-private.h"
#include "govstats-schema-private.h"
#include "govstats-report-struct-private.h"

/**
 * GovstatsReport:
 *
 * One administrative organ's annual report on government information
 * disclosure, or a consolidated report of many organs.
 *
 * <!-- run: report -->
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GovstatsReport) report = govstats_report_new_from_file ("units/D01.json", &error);
 * gint64 received;
 *
 * if (report == NULL)
 *   g_error ("%s", error->message);
 * if (govstats_report_get_value (report, "applications/received/total", &received))
 *   g_print ("%s: %" G_GINT64_FORMAT " applications\n",
 *            govstats_report_get_unit_name (report), received);
 * ```
 *
 * It prints:
 *
 * <!-- output: report -->
 * ```text
 * 示例县教育和体育局: 10 applications
 * ```
 *
 * A report has a layout version (its [class@Govstats.Schema]), a statistics
 * year, the unit it belongs to, a scope (own figures or an aggregate), the
 * cells of every statutory table, the text sections, and whatever else its
 * file carried (source, extensions, unknown members), all of which survive a
 * load/save round trip.
 *
 * Each cell is either blank or set: a blank cell is not a zero. Counts and
 * signed changes are 64-bit integers; amounts are exact decimals with four
 * places, stored as whole numbers of 1/%GOVSTATS_AMOUNT_SCALE (see
 * [method@Govstats.Report.dup_value_text] for their decimal text). A cell may
 * also carry the note, raw text and unit an importer saw.
 *
 * Cells are addressed by paths `TABLE/ROW/COLUMN`. In C an unknown path is a
 * programming error; the `lookup`/`try_set`/`_text` variants report it as a
 * #GError instead, for bindings and user input.
 *
 * Since: 0.1
 */

G_DEFINE_FINAL_TYPE (GovstatsReport, govstats_report, G_TYPE_OBJECT)

static JsonNode   *deep_copy_node   (JsonNode   *node);
static JsonObject *deep_copy_object (JsonObject *object);

GParamSpec *govstats_report_properties[N_PROPS];

static void
cell_meta_free (gpointer data)
{
  CellMeta *meta = data;

  g_free (meta->note);
  g_free (meta->raw);
  g_free (meta->unit);
  g_clear_pointer (&meta->extra, json_object_unref);
  g_free (meta);
}

static void
govstats_report_finalize (GObject *object)
{
  GovstatsReport *self = GOVSTATS_REPORT (object);

  g_clear_object (&self->schema);
  g_free (self->values);
  g_free (self->set);
  g_hash_table_unref (self->meta);
  g_free (self->unit_name);
  g_free (self->unit_code);
  g_free (self->unit_parent);
  g_clear_pointer (&self->unit_extra, json_object_unref);
  g_ptr_array_unref (self->text_keys);
  g_hash_table_unref (self->texts);
  g_clear_pointer (&self->source, json_object_unref);
  g_clear_pointer (&self->sources, json_array_unref);
  g_clear_pointer (&self->source_store, govstats_unit_store_unref);
  g_clear_pointer (&self->extensions, json_object_unref);
  g_clear_pointer (&self->unknown, json_object_unref);
  g_free (self->filename);

  G_OBJECT_CLASS (govstats_report_parent_class)->finalize (object);
}

static void
govstats_report_constructed (GObject *object)
{
  GovstatsReport *self = GOVSTATS_REPORT (object);

  G_OBJECT_CLASS (govstats_report_parent_class)->constructed (object);

  if (self->schema == NULL)
    self->schema = g_object_ref (govstats_schema_get_for_version ("2021"));
  self->n_cells = govstats_schema_get_n_cells (self->schema);
  self->values = g_new0 (gint64, self->n_cells);
  self->set = g_new0 (guint8, self->n_cells);
}

static void
govstats_report_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GovstatsReport *self = GOVSTATS_REPORT (object);

  switch (prop_id)
    {
    case PROP_SCHEMA: g_value_set_object (value, self->schema); break;
    case PROP_VERSION: g_value_set_string (value, govstats_report_get_version (self)); break;
    case PROP_YEAR: g_value_set_int (value, self->year); break;
    case PROP_UNIT_NAME: g_value_set_string (value, self->unit_name); break;
    case PROP_UNIT_CODE: g_value_set_string (value, self->unit_code); break;
    case PROP_UNIT_KIND: g_value_set_enum (value, self->unit_kind); break;
    case PROP_UNIT_PARENT: g_value_set_string (value, self->unit_parent); break;
    case PROP_SCOPE: g_value_set_enum (value, self->scope); break;
    case PROP_FILENAME: g_value_set_string (value, self->filename); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govstats_report_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GovstatsReport *self = GOVSTATS_REPORT (object);

  switch (prop_id)
    {
    case PROP_SCHEMA: self->schema = g_value_dup_object (value); break;
    case PROP_YEAR: govstats_report_set_year (self, g_value_get_int (value)); break;
    case PROP_UNIT_NAME: govstats_report_set_unit_name (self, g_value_get_string (value)); break;
    case PROP_UNIT_CODE: govstats_report_set_unit_code (self, g_value_get_string (value)); break;
    case PROP_UNIT_KIND: govstats_report_set_unit_kind (self, g_value_get_enum (value)); break;
    case PROP_UNIT_PARENT: govstats_report_set_unit_parent (self, g_value_get_string (value)); break;
    case PROP_SCOPE: govstats_report_set_scope (self, g_value_get_enum (value)); break;
    case PROP_FILENAME: govstats_report_set_filename (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govstats_report_class_init (GovstatsReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = govstats_report_finalize;
  object_class->constructed = govstats_report_constructed;
  object_class->get_property = govstats_report_get_property;
  object_class->set_property = govstats_report_set_property;

  /**
   * GovstatsReport:schema:
   *
   * The layout of the report. Defaults to the 2021 layout.
   *
   * Since: 0.1
   */
  govstats_report_properties[PROP_SCHEMA] =
    g_param_spec_object ("schema", NULL, NULL, GOVSTATS_TYPE_SCHEMA,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * GovstatsReport:version:
   *
   * The layout id of the report's schema (`2019` or `2021`).
   *
   * Since: 0.1
   */
  govstats_report_properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * GovstatsReport:year:
   *
   * The statistics year, or 0 when unknown.
   *
   * Since: 0.1
   */
  govstats_report_properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, rw);
  /**
   * GovstatsReport:unit-name:
   *
   * The name of the reporting organ, such as 示例县教育和体育局.
   *
   * Since: 0.1
   */
  govstats_report_properties[PROP_UNIT_NAME] = g_param_spec_string ("unit-name", NULL, NULL, NULL, rw);
  /**
   * GovstatsReport:unit-code:
   *
   * The code of the reporting organ in its roster, such as `D01`.
   *
   * Since: 0.1
   */
  govstats_report_properties[PROP_UNIT_CODE] = g_param_spec_string ("unit-code", NULL, NULL, NULL, rw);
  /**
   * GovstatsReport:unit-kind:
   *
   * The kind of the reporting organ.
   *
   * Since: 0.1
   */
  govstats_report_properties[PROP_UNIT_KIND] =
    g_param_spec_enum ("unit-kind", NULL, NULL, GOVSTATS_TYPE_UNIT_KIND, GOVSTATS_UNIT_KIND_OTHER, rw);
  /**
   * GovstatsReport:unit-parent:
   *
   * The government the organ reports to, such as 示例县人民政府.
   *
   * Since: 0.1
   */
  govstats_report_properties[PROP_UNIT_PARENT] = g_param_spec_string ("unit-parent", NULL, NULL, NULL, rw);
  /**
   * GovstatsReport:scope:
   *
   * Whether the report holds the organ's own figures or an aggregate.
   *
   * Since: 0.1
   */
  govstats_report_properties[PROP_SCOPE] =
    g_param_spec_enum ("scope", NULL, NULL, GOVSTATS_TYPE_SCOPE, GOVSTATS_SCOPE_OWN, rw);
  /**
   * GovstatsReport:filename:
   *
   * The file the report was loaded from, used in messages.
   *
   * Since: 0.1
   */
  govstats_report_properties[PROP_FILENAME] = g_param_spec_string ("filename", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, govstats_report_properties);
}

static void
govstats_report_init (GovstatsReport *self)
{
  self->meta = g_hash_table_new_full (NULL, NULL, NULL, cell_meta_free);
  self->unit_kind = GOVSTATS_UNIT_KIND_OTHER;
  self->scope = GOVSTATS_SCOPE_OWN;
  self->text_keys = g_ptr_array_new_with_free_func (g_free);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, govstats_text_section_free);
}

/**
 * govstats_report_new:
 * @schema: the layout of the report
 *
 * Creates an empty report (every cell blank) in a layout.
 *
 * Returns: (transfer full): a new report
 *
 * Since: 0.1
 */
GovstatsReport *
govstats_report_new (GovstatsSchema *schema)
{
  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (schema), NULL);
  return g_object_new (GOVSTATS_TYPE_REPORT, "schema", schema, NULL);
}

/**
 * govstats_report_new_for_version:
 * @version: a layout id, `2019` or `2021`
 * @error: return location for a #GError
 *
 * Creates an empty report in a built-in layout.
 *
 * Returns: (transfer full): a new report, or %NULL with
 *   %GOVSTATS_ERROR_UNSUPPORTED for an unknown layout
 *
 * Since: 0.1
 */
GovstatsReport *
govstats_report_new_for_version (const char  *version,
                                 GError     **error)
{
  GovstatsSchema *schema;

  g_return_val_if_fail (version != NULL, NULL);
  schema = govstats_schema_get_for_version (version);
  if (schema == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) govstats_schema_list_versions ());
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNSUPPORTED,
                   "unknown layout version “%s” (known: %s)", version, known);
      return NULL;
    }
  return govstats_report_new (schema);
}

/**
 * govstats_report_copy:
 * @self: a report
 *
 * Makes an independent copy of a report, with everything it carries.
 *
 * Returns: (transfer full): the copy
 *
 * Since: 0.1
 */
GovstatsReport *
govstats_report_copy (GovstatsReport *self)
{
  GovstatsReport *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  copy = govstats_report_new (self->schema);
  memcpy (copy->values, self->values, sizeof (gint64) * self->n_cells);
  memcpy (copy->set, self->set, self->n_cells);
  g_hash_table_iter_init (&iter, self->meta);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CellMeta *from = value, *to = g_new0 (CellMeta, 1);
      to->note = g_strdup (from->note);
      to->raw = g_strdup (from->raw);
      to->unit = g_strdup (from->unit);
      if (from->extra)
        to->extra = deep_copy_object (from->extra);
      g_hash_table_insert (copy->meta, key, to);
    }
  copy->year = self->year;
  copy->unit_name = g_strdup (self->unit_name);
  copy->unit_code = g_strdup (self->unit_code);
  copy->unit_kind = self->unit_kind;
  copy->unit_kind_set = self->unit_kind_set;
  copy->unit_parent = g_strdup (self->unit_parent);
  copy->scope = self->scope;
  copy->filename = g_strdup (self->filename);
  govstats_report_copy_texts (self, copy);
#define COPY_OBJECT(field) \
  if (self->field) \
    copy->field = deep_copy_object (self->field);
  COPY_OBJECT (unit_extra);
  COPY_OBJECT (source);
  COPY_OBJECT (extensions);
  COPY_OBJECT (unknown);
#undef COPY_OBJECT
  if (self->sources)
    {
      g_autoptr(JsonNode) n = json_node_init_array (json_node_alloc (), self->sources);
      g_autoptr(JsonNode) c = deep_copy_node (n);
      copy->sources = json_array_ref (json_node_get_array (c));
    }
  if (self->source_store)
    govstats_report_set_source_store (copy, self->source_store, self->n_sources);
  return copy;
}

/* JSON-GLib's node copy shares objects and arrays; a copy of a report must
 * not change when the original's extensions do. */
static JsonNode *
deep_copy_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *copy = json_object_new ();
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      JsonNode *result;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &key, &member))
        json_object_set_member (copy, key, deep_copy_node (member));
      result = json_node_init_object (json_node_alloc (), copy);
      json_object_unref (copy);
      return result;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *from = json_node_get_array (node);
      JsonArray *copy = json_array_sized_new (json_array_get_length (from));
      JsonNode *result;

      for (guint i = 0; i < json_array_get_length (from); i++)
        json_array_add_element (copy, deep_copy_node (json_array_get_element (from, i)));
      result = json_node_init_array (json_node_alloc (), copy);
      json_array_unref (copy);
      return result;
    }
  return json_node_copy (node);
}

static JsonObject *
deep_copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) n = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonNode) c = deep_copy_node (n);

  return json_object_ref (json_node_get_object (c));
}
