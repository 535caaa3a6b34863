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
#include "govstats-private.h"
#include "govstats-report-private.h"
#include "govstats-schema-private.h"

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
 */

typedef struct {
  char       *note;
  char       *raw;
  char       *unit;
  JsonObject *extra;   /* unknown members of the cell object, kept verbatim */
} CellMeta;

struct _GovstatsReport
{
  GObject          parent_instance;

  GovstatsSchema  *schema;
  guint            n_cells;
  gint64          *values;
  guint8          *set;
  GHashTable      *meta;          /* index + 1 → CellMeta */

  int              year;
  char            *unit_name;
  char            *unit_code;
  GovstatsUnitKind unit_kind;
  gboolean         unit_kind_set;
  char            *unit_parent;
  JsonObject      *unit_extra;
  GovstatsScope    scope;

  GPtrArray       *text_keys;     /* in file order */
  GHashTable      *texts;         /* key → text */

  JsonObject      *source;
  JsonArray       *sources;
  GovstatsUnitStore *source_store; /* `sources` left on the consolidation's disk store */
  guint            n_sources;     /* its first n_sources units, until asked for as JSON */
  JsonObject      *extensions;
  JsonObject      *unknown;       /* unknown top-level members */
  char            *filename;
};

G_DEFINE_FINAL_TYPE (GovstatsReport, govstats_report, G_TYPE_OBJECT)

static JsonNode   *deep_copy_node   (JsonNode   *node);
static JsonObject *deep_copy_object (JsonObject *object);

enum {
  PROP_0,
  PROP_SCHEMA,
  PROP_VERSION,
  PROP_YEAR,
  PROP_UNIT_NAME,
  PROP_UNIT_CODE,
  PROP_UNIT_KIND,
  PROP_UNIT_PARENT,
  PROP_SCOPE,
  PROP_FILENAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
   */
  properties[PROP_SCHEMA] =
    g_param_spec_object ("schema", NULL, NULL, GOVSTATS_TYPE_SCHEMA,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * GovstatsReport:version:
   *
   * The layout id of the report's schema (`2019` or `2021`).
   */
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * GovstatsReport:year:
   *
   * The statistics year, or 0 when unknown.
   */
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, rw);
  /**
   * GovstatsReport:unit-name:
   *
   * The name of the reporting organ, such as 示例县教育和体育局.
   */
  properties[PROP_UNIT_NAME] = g_param_spec_string ("unit-name", NULL, NULL, NULL, rw);
  /**
   * GovstatsReport:unit-code:
   *
   * The code of the reporting organ in its roster, such as `D01`.
   */
  properties[PROP_UNIT_CODE] = g_param_spec_string ("unit-code", NULL, NULL, NULL, rw);
  /**
   * GovstatsReport:unit-kind:
   *
   * The kind of the reporting organ.
   */
  properties[PROP_UNIT_KIND] =
    g_param_spec_enum ("unit-kind", NULL, NULL, GOVSTATS_TYPE_UNIT_KIND, GOVSTATS_UNIT_KIND_OTHER, rw);
  /**
   * GovstatsReport:unit-parent:
   *
   * The government the organ reports to, such as 示例县人民政府.
   */
  properties[PROP_UNIT_PARENT] = g_param_spec_string ("unit-parent", NULL, NULL, NULL, rw);
  /**
   * GovstatsReport:scope:
   *
   * Whether the report holds the organ's own figures or an aggregate.
   */
  properties[PROP_SCOPE] =
    g_param_spec_enum ("scope", NULL, NULL, GOVSTATS_TYPE_SCOPE, GOVSTATS_SCOPE_OWN, rw);
  /**
   * GovstatsReport:filename:
   *
   * The file the report was loaded from, used in messages.
   */
  properties[PROP_FILENAME] = g_param_spec_string ("filename", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govstats_report_init (GovstatsReport *self)
{
  self->meta = g_hash_table_new_full (NULL, NULL, NULL, cell_meta_free);
  self->unit_kind = GOVSTATS_UNIT_KIND_OTHER;
  self->scope = GOVSTATS_SCOPE_OWN;
  self->text_keys = g_ptr_array_new_with_free_func (g_free);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

/**
 * govstats_report_new:
 * @schema: the layout of the report
 *
 * Creates an empty report (every cell blank) in a layout.
 *
 * Returns: (transfer full): a new report
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

/* ---------- loading ---------- */

typedef struct {
  const char *name;      /* file name for messages */
  GError    **error;
  GHashTable *literals;  /* "T/R/C" → the number as written, for exact values */
} Loader;

static gboolean
load_fail (Loader     *ld,
           int         code,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
load_fail (Loader     *ld,
           int         code,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  msg = g_strdup_vprintf (_(format), args);
#pragma GCC diagnostic pop
  va_end (args);
  g_set_error (ld->error, GOVSTATS_ERROR, code, "%s: %s", ld->name, msg);
  return FALSE;
}

static const char *
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

static CellMeta *
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

static gboolean
load_cell (GovstatsReport *self,
           Loader         *ld,
           guint           index,
           const char     *path,
           JsonNode       *node)
{
  GovstatsValueKind kind = govstats_schema_cell_kind_at (self->schema, index);
  JsonNode *value_node = node;
  g_autofree char *reason = NULL;
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
      if (!govstats_value_parse_json_number (literal, kind, &value, &reason))
        return load_fail (ld,
                          strstr (reason, "whole number") ? GOVSTATS_ERROR_INVALID_VALUE : GOVSTATS_ERROR_OUT_OF_RANGE,
                          "tables/%s: %s", path, reason);
      goto done;
    }
  if (!govstats_value_from_node (value_node, kind, &value, &reason))
    {
      return load_fail (ld,
                        strstr (reason, "too large") ? GOVSTATS_ERROR_OUT_OF_RANGE :
                        strstr (reason, "decimal places") ? GOVSTATS_ERROR_OUT_OF_RANGE :
                        strstr (reason, "whole number") ? GOVSTATS_ERROR_INVALID_VALUE :
                        GOVSTATS_ERROR_INVALID_TYPE,
                        "tables/%s: %s", path, reason);
    }
done:
  self->values[index] = value;
  self->set[index] = TRUE;
  return TRUE;
}

static gboolean
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
      if (!is_string (member))
        return load_fail (ld, GOVSTATS_ERROR_INVALID_TYPE, "text/%s: expected a string, found %s",
                          key, node_type_name (member));
      govstats_report_set_text (self, key, json_node_get_string (member));
    }
  return TRUE;
}

/* The layout named by the top-level members, checking the file format. */
static GovstatsSchema *
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
static gboolean
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

/**
 * govstats_report_copy:
 * @self: a report
 *
 * Makes an independent copy of a report, with everything it carries.
 *
 * Returns: (transfer full): the copy
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
  for (guint i = 0; i < self->text_keys->len; i++)
    govstats_report_set_text (copy, self->text_keys->pdata[i],
                              g_hash_table_lookup (self->texts, self->text_keys->pdata[i]));
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
  if (self->text_keys->len > 0)
    {
      govstats_json_writer_key (w, "text");
      govstats_json_writer_begin_object (w);
      for (guint i = 0; i < self->text_keys->len; i++)
        {
          govstats_json_writer_key (w, self->text_keys->pdata[i]);
          govstats_json_writer_string (w, g_hash_table_lookup (self->texts, self->text_keys->pdata[i]));
        }
      govstats_json_writer_end_object (w);
    }
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

/* ---------- metadata ---------- */

/**
 * govstats_report_get_schema:
 * @self: a report
 *
 * Gets the layout of the report.
 *
 * Returns: (transfer none): the schema
 */
GovstatsSchema *
govstats_report_get_schema (GovstatsReport *self)
{
  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  return self->schema;
}

/**
 * govstats_report_get_version:
 * @self: a report
 *
 * Gets the layout id of the report (`2019` or `2021`).
 *
 * Returns: (transfer none): the layout id
 */
const char *
govstats_report_get_version (GovstatsReport *self)
{
  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  return govstats_schema_get_version (self->schema);
}

#define STRING_ACCESSORS(field, prop, check_utf8) \
const char * \
govstats_report_get_##field (GovstatsReport *self) \
{ \
  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL); \
  return self->field; \
} \
void \
govstats_report_set_##field (GovstatsReport *self, \
                             const char     *value) \
{ \
  g_return_if_fail (GOVSTATS_IS_REPORT (self)); \
  g_return_if_fail (!check_utf8 || value == NULL || g_utf8_validate (value, -1, NULL)); \
  if (g_strcmp0 (self->field, value) == 0) \
    return; \
  g_free (self->field); \
  self->field = g_strdup (value); \
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
}

/**
 * govstats_report_get_filename:
 * @self: a report
 *
 * Gets the file the report was loaded from.
 *
 * Returns: (transfer none) (nullable) (type filename): the file name
 */
/**
 * govstats_report_set_filename:
 * @self: a report
 * @value: (nullable) (type filename): the file name
 *
 * Sets the file name used for the report in messages.
 */
STRING_ACCESSORS (filename, PROP_FILENAME, FALSE)

/**
 * govstats_report_get_unit_name:
 * @self: a report
 *
 * Gets the name of the reporting organ.
 *
 * Returns: (transfer none) (nullable): the name
 */
/**
 * govstats_report_set_unit_name:
 * @self: a report
 * @value: (nullable): the name
 *
 * Sets the name of the reporting organ.
 */
STRING_ACCESSORS (unit_name, PROP_UNIT_NAME, TRUE)

/**
 * govstats_report_get_unit_code:
 * @self: a report
 *
 * Gets the roster code of the reporting organ.
 *
 * Returns: (transfer none) (nullable): the code
 */
/**
 * govstats_report_set_unit_code:
 * @self: a report
 * @value: (nullable): the code
 *
 * Sets the roster code of the reporting organ.
 */
STRING_ACCESSORS (unit_code, PROP_UNIT_CODE, TRUE)

/**
 * govstats_report_get_unit_parent:
 * @self: a report
 *
 * Gets the government the organ reports to.
 *
 * Returns: (transfer none) (nullable): the parent's name
 */
/**
 * govstats_report_set_unit_parent:
 * @self: a report
 * @value: (nullable): the parent's name
 *
 * Sets the government the organ reports to.
 */
STRING_ACCESSORS (unit_parent, PROP_UNIT_PARENT, TRUE)

/**
 * govstats_report_get_year:
 * @self: a report
 *
 * Gets the statistics year.
 *
 * Returns: the year, or 0 when unknown
 */
int
govstats_report_get_year (GovstatsReport *self)
{
  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), 0);
  return self->year;
}

/**
 * govstats_report_set_year:
 * @self: a report
 * @year: the statistics year, or 0 for unknown
 *
 * Sets the statistics year.
 */
void
govstats_report_set_year (GovstatsReport *self,
                          int             year)
{
  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  g_return_if_fail (year >= 0 && year <= 9999);
  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * govstats_report_get_unit_kind:
 * @self: a report
 *
 * Gets the kind of the reporting organ.
 *
 * Returns: the unit kind (%GOVSTATS_UNIT_KIND_OTHER when not given)
 */
GovstatsUnitKind
govstats_report_get_unit_kind (GovstatsReport *self)
{
  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), GOVSTATS_UNIT_KIND_OTHER);
  return self->unit_kind;
}

/**
 * govstats_report_set_unit_kind:
 * @self: a report
 * @kind: the unit kind
 *
 * Sets the kind of the reporting organ.
 */
void
govstats_report_set_unit_kind (GovstatsReport  *self,
                               GovstatsUnitKind kind)
{
  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  g_return_if_fail (kind <= GOVSTATS_UNIT_KIND_OTHER);
  self->unit_kind_set = TRUE;
  if (self->unit_kind == kind)
    return;
  self->unit_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_KIND]);
}

gboolean
govstats_report_unit_kind_is_set (GovstatsReport *self)
{
  return self->unit_kind_set;
}

/**
 * govstats_report_get_scope:
 * @self: a report
 *
 * Gets whether the report holds the organ's own figures or an aggregate.
 *
 * Returns: the scope
 */
GovstatsScope
govstats_report_get_scope (GovstatsReport *self)
{
  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), GOVSTATS_SCOPE_OWN);
  return self->scope;
}

/**
 * govstats_report_set_scope:
 * @self: a report
 * @scope: the scope
 *
 * Sets whether the report holds the organ's own figures or an aggregate.
 */
void
govstats_report_set_scope (GovstatsReport *self,
                           GovstatsScope   scope)
{
  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  g_return_if_fail (scope <= GOVSTATS_SCOPE_AGGREGATE);
  if (self->scope == scope)
    return;
  self->scope = scope;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}

char *
govstats_report_dup_display_name (GovstatsReport *self)
{
  if (self->unit_name && self->unit_code)
    return g_strdup_printf ("%s (%s)", self->unit_name, self->unit_code);
  if (self->unit_name)
    return g_strdup (self->unit_name);
  if (self->unit_code)
    return g_strdup (self->unit_code);
  if (self->filename)
    return g_strdup (self->filename);
  return g_strdup ("report");
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
 */
gboolean
govstats_report_set_value_text (GovstatsReport *self,
                                const char     *path,
                                const char     *text,
                                GError        **error)
{
  g_autofree char *reason = NULL;
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
  if (!govstats_value_parse (text, govstats_schema_cell_kind_at (self->schema, (guint) index), &value, &reason))
    {
      g_set_error (error, GOVSTATS_ERROR,
                   strstr (reason, "too large") || strstr (reason, "decimal places")
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
 */
void
govstats_report_set_cell_unit (GovstatsReport *self,
                               const char     *path,
                               const char     *unit)
{
  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  set_meta_string (self, path, G_STRUCT_OFFSET (CellMeta, unit), unit, G_STRFUNC);
}

/* ---------- text and the rest ---------- */

/**
 * govstats_report_get_text:
 * @self: a report
 * @key: a text section key: `overview`, `problems`, `other_matters`, or any other
 *
 * Gets a text section of the report.
 *
 * Returns: (transfer none) (nullable): the text
 */
const char *
govstats_report_get_text (GovstatsReport *self,
                          const char     *key)
{
  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->texts, key);
}

/**
 * govstats_report_set_text:
 * @self: a report
 * @key: a text section key
 * @text: (nullable): the text, or %NULL to remove the section
 *
 * Sets a text section of the report.
 */
void
govstats_report_set_text (GovstatsReport *self,
                          const char     *key,
                          const char     *text)
{
  guint pos;

  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  g_return_if_fail (key != NULL && g_utf8_validate (key, -1, NULL));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));
  if (text == NULL)
    {
      if (g_ptr_array_find_with_equal_func (self->text_keys, key, g_str_equal, &pos))
        {
          g_hash_table_remove (self->texts, key);
          g_ptr_array_remove_index (self->text_keys, pos);
        }
      return;
    }
  if (!g_ptr_array_find_with_equal_func (self->text_keys, key, g_str_equal, &pos))
    {
      g_ptr_array_add (self->text_keys, g_strdup (key));
      pos = self->text_keys->len - 1;
    }
  g_hash_table_insert (self->texts, self->text_keys->pdata[pos], g_strdup (text));
}

/**
 * govstats_report_dup_text_keys:
 * @self: a report
 *
 * Lists the text sections the report has, in file order.
 *
 * Returns: (transfer full) (array zero-terminated=1): the keys
 */
char **
govstats_report_dup_text_keys (GovstatsReport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  for (guint i = 0; i < self->text_keys->len; i++)
    g_strv_builder_add (builder, self->text_keys->pdata[i]);
  return g_strv_builder_end (builder);
}

#define OBJECT_ACCESSORS(field, type, ref) \
type * \
govstats_report_get_##field (GovstatsReport *self) \
{ \
  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL); \
  return self->field; \
} \
void \
govstats_report_set_##field (GovstatsReport *self, \
                             type           *value) \
{ \
  g_return_if_fail (GOVSTATS_IS_REPORT (self)); \
  if (value) \
    ref (value); \
  g_clear_pointer (&self->field, type##_unref_func); \
  self->field = value; \
}

#define JsonObject_unref_func json_object_unref
#define JsonArray_unref_func json_array_unref

/**
 * govstats_report_get_extensions:
 * @self: a report
 *
 * Gets the `extensions` member of the report file: anything beyond the
 * statutory tables (for example indicators a county collects), kept verbatim.
 *
 * Returns: (transfer none) (nullable): the extensions object
 */
/**
 * govstats_report_set_extensions:
 * @self: a report
 * @value: (nullable): the extensions object
 *
 * Sets the `extensions` member of the report file.
 */
OBJECT_ACCESSORS (extensions, JsonObject, json_object_ref)

/**
 * govstats_report_get_source:
 * @self: a report
 *
 * Gets the `source` member: the file a report was imported from, its format
 * and its sha256.
 *
 * Returns: (transfer none) (nullable): the source object
 */
/**
 * govstats_report_set_source:
 * @self: a report
 * @value: (nullable): the source object
 *
 * Sets the `source` member.
 */
OBJECT_ACCESSORS (source, JsonObject, json_object_ref)

/**
 * govstats_report_get_sources:
 * @self: a report
 *
 * Gets the `sources` member of a consolidated report: the units it includes.
 * A consolidation made by [class@Govstats.Rollup] reads them from the
 * rollup's temporary store on the first call; if that store cannot be read,
 * this logs a critical warning and returns %NULL (and
 * [method@Govstats.Report.save_to_file] fails with %GOVSTATS_ERROR_IO).
 *
 * Returns: (transfer none) (nullable): the sources array
 */
/**
 * govstats_report_set_sources:
 * @self: a report
 * @value: (nullable): the sources array
 *
 * Sets the `sources` member of a consolidated report.
 */
JsonArray *
govstats_report_get_sources (GovstatsReport *self)
{
  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  /* Made on first request from the store a consolidation keeps. If the
   * store cannot be read, nothing is made and the store stays: a later
   * save reports the error instead of writing a shortened list. */
  if (self->sources == NULL && self->source_store != NULL)
    {
      g_autoptr(JsonArray) sources = json_array_sized_new (self->n_sources);

      for (guint i = 0; i < self->n_sources; i++)
        {
          g_auto(GovstatsUnitRecord) unit = { 0 };
          g_autoptr(GError) error = NULL;
          JsonObject *o;

          if (!govstats_unit_store_get (self->source_store, i, &unit, NULL, &error))
            {
              g_critical ("%s", error->message);
              return NULL;
            }
          o = json_object_new ();
          if (unit.code)
            json_object_set_string_member (o, "code", unit.code);
          if (unit.name)
            json_object_set_string_member (o, "name", unit.name);
          if (unit.file)
            json_object_set_string_member (o, "file", unit.file);
          json_array_add_object_element (sources, o);
        }
      self->sources = g_steal_pointer (&sources);
      g_clear_pointer (&self->source_store, govstats_unit_store_unref);
    }
  return self->sources;
}

void
govstats_report_set_sources (GovstatsReport *self,
                             JsonArray      *value)
{
  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  if (value)
    json_array_ref (value);
  g_clear_pointer (&self->sources, json_array_unref);
  g_clear_pointer (&self->source_store, govstats_unit_store_unref);
  self->sources = value;
}

void
govstats_report_set_source_store (GovstatsReport    *self,
                                  GovstatsUnitStore *store,
                                  guint              n_units)
{
  GovstatsUnitStore *old = self->source_store;

  g_clear_pointer (&self->sources, json_array_unref);
  self->source_store = govstats_unit_store_ref (store);
  self->n_sources = n_units;
  if (old)
    govstats_unit_store_unref (old);
}

/**
 * govstats_report_dup_unknown_members:
 * @self: a report
 *
 * Lists the top-level members of the report file that this version of the
 * library does not know. They are kept and written back on save.
 *
 * Returns: (transfer full) (array zero-terminated=1): the member names
 */
char **
govstats_report_dup_unknown_members (GovstatsReport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  if (self->unknown)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, self->unknown);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        g_strv_builder_add (builder, key);
    }
  return g_strv_builder_end (builder);
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

/* The cells of `tables`, straight into the report. */
static gboolean
reader_tables (GovstatsJsonReader         *r,
               GovstatsReport *self)
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
      const char *table_open;
      GovstatsJsonSeen seen_rows;
      gboolean rows_done = FALSE;

      if (!govstats_json_reader_member (r, open, first_table, &seen_tables, &done))
        break;
      table_key = g_strdup (r->key->str);
      table = govstats_schema_find_table (self->schema, table_key);
      if (table == NULL || *r->p != '{')
        {
          /* The rare cases (an unknown table, null, a wrong type): as nodes. */
          g_autoptr(JsonNode) node = govstats_json_reader_node (r, 2);
          g_autoptr(JsonNode) wrapper = NULL;
          JsonObject *o;

          if (node == NULL)
            {
              ok = FALSE;
              break;
            }
          o = json_object_new ();
          json_object_set_member (o, table_key, g_steal_pointer (&node));
          wrapper = json_node_init_object (json_node_alloc (), o);
          json_object_unref (o);
          if (!load_tables (self, &ld, wrapper))
            {
              ok = FALSE;
              break;
            }
          continue;
        }
      table_open = r->p;
      r->p++;
      seen_rows.keys = g_ptr_array_new_with_free_func (g_free);
      for (gboolean first_row = TRUE; ok; first_row = FALSE)
        {
          g_autofree char *row_key = NULL;
          const char *row_open;
          GovstatsJsonSeen seen_cells;
          gboolean cells_done = FALSE;
          int row;

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
                load_fail (&ld, GOVSTATS_ERROR_INVALID_TYPE, "tables/%s/%s: expected an object of columns, found %s",
                           table_key, row_key, node_type_name (node));
              ok = FALSE;
              break;
            }
          row = govstats_schema_find_row (table, row_key);
          row_open = r->p;
          r->p++;
          seen_cells.keys = g_ptr_array_new_with_free_func (g_free);
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
                  load_fail (&ld, local->code, "tables/%s", local->message);
                  ok = FALSE;
                  break;
                }
              if (*r->p == '-' || g_ascii_isdigit (*r->p))
                {
                  /* The common case: a number, read from its text, exactly. */
                  const char *start;
                  gsize length;
                  gboolean integral;
                  char buf[72];
                  g_autofree char *reason = NULL;
                  gint64 value;
                  GovstatsValueKind kind = govstats_schema_cell_kind_at (self->schema, (guint) index);

                  if (!govstats_json_reader_number (r, &start, &length, &integral))
                    {
                      ok = FALSE;
                      break;
                    }
                  if (length >= sizeof buf)
                    {
                      g_autofree char *text = g_strndup (start, length);
                      ok = govstats_json_reader_fail (r, at, integral ? GOVSTATS_ERROR_OUT_OF_RANGE : GOVSTATS_ERROR_OUT_OF_RANGE,
                                        "the number %s is too long", text);
                      break;
                    }
                  memcpy (buf, start, length);
                  buf[length] = '\0';
                  if (!govstats_value_parse_json_number (buf, kind, &value, &reason))
                    {
                      g_autofree char *path = g_strdup_printf ("%s/%s/%s", table_key, row_key, r->key->str);
                      if (integral && strstr (reason, "too large"))
                        govstats_json_reader_fail (r, start, GOVSTATS_ERROR_OUT_OF_RANGE, "the number %s does not fit in 64 bits", buf);
                      else
                        load_fail (&ld, strstr (reason, "whole number") ? GOVSTATS_ERROR_INVALID_VALUE
                                                                         : GOVSTATS_ERROR_OUT_OF_RANGE,
                                   "tables/%s: %s", path, reason);
                      ok = FALSE;
                      break;
                    }
                  govstats_report_set_at (self, (guint) index, value);
                }
              else if (*r->p == 'n')
                ok = govstats_json_reader_literal (r, "null");
              else
                {
                  /* A cell written as an object (value, note, raw, unit, …), or
                   * of a wrong type: read as a node, keeping the literal text
                   * of its value for exactness. */
                  g_autofree char *path = g_strdup_printf ("%s/%s/%s", table_key, row_key, r->key->str);
                  g_autoptr(GHashTable) literals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
                  const char *node_start = r->p;
                  g_autoptr(JsonNode) node = govstats_json_reader_node (r, 4);

                  if (node == NULL)
                    {
                      ok = FALSE;
                      break;
                    }
                  if (JSON_NODE_HOLDS_OBJECT (node))
                    {
                      /* Find the value's text again in the little object. */
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
                  ld.literals = literals;
                  ok = load_cell (self, &ld, (guint) index, path, node);
                  ld.literals = NULL;
                }
            }
          g_ptr_array_unref (seen_cells.keys);
          if (ok && !cells_done)
            ok = FALSE;
        }
      g_ptr_array_unref (seen_rows.keys);
      if (ok && !rows_done)
        ok = FALSE;
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
  g_autoptr(GovstatsReport) report = report_read_internal (data, length, name, &local);

  /* Whatever failed, a failure gives no report. */
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (report == NULL)
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_PARSE, "%s: the report could not be read", name);
      return NULL;
    }
  return g_steal_pointer (&report);
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
  gboolean done = FALSE, ok = TRUE;
  GovstatsSchema *schema;

  if (!govstats_text_check_encoding (data, length, name, error))
    goto out;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;
  govstats_json_reader_space (&r);
  if (r.p >= r.end)
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_PARSE, "%s: the file is empty", name);
      goto out;
    }
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
  ok = TRUE;

out:
  g_ptr_array_unref (seen.keys);
  g_string_free (r.key, TRUE);
  if (error != NULL && *error != NULL)
    g_clear_object (&report);
  return g_steal_pointer (&report);
}
