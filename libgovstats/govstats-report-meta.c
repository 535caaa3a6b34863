/* govstats-report-meta.c — a report's metadata, sources and unknown members
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

/* ---------- metadata ---------- */

/**
 * govstats_report_get_schema:
 * @self: a report
 *
 * Gets the layout of the report.
 *
 * Returns: (transfer none): the schema
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
  g_object_notify_by_pspec (G_OBJECT (self), govstats_report_properties[prop]); \
}

/**
 * govstats_report_get_filename:
 * @self: a report
 *
 * Gets the file the report was loaded from.
 *
 * Returns: (transfer none) (nullable) (type filename): the file name
 *
 * Since: 0.1
 */
/**
 * govstats_report_set_filename:
 * @self: a report
 * @value: (nullable) (type filename): the file name
 *
 * Sets the file name used for the report in messages.
 *
 * Since: 0.1
 */
STRING_ACCESSORS (filename, PROP_FILENAME, FALSE)

/**
 * govstats_report_get_unit_name:
 * @self: a report
 *
 * Gets the name of the reporting organ.
 *
 * Returns: (transfer none) (nullable): the name
 *
 * Since: 0.1
 */
/**
 * govstats_report_set_unit_name:
 * @self: a report
 * @value: (nullable): the name
 *
 * Sets the name of the reporting organ.
 *
 * Since: 0.1
 */
STRING_ACCESSORS (unit_name, PROP_UNIT_NAME, TRUE)

/**
 * govstats_report_get_unit_code:
 * @self: a report
 *
 * Gets the roster code of the reporting organ.
 *
 * Returns: (transfer none) (nullable): the code
 *
 * Since: 0.1
 */
/**
 * govstats_report_set_unit_code:
 * @self: a report
 * @value: (nullable): the code
 *
 * Sets the roster code of the reporting organ.
 *
 * Since: 0.1
 */
STRING_ACCESSORS (unit_code, PROP_UNIT_CODE, TRUE)

/**
 * govstats_report_get_unit_parent:
 * @self: a report
 *
 * Gets the government the organ reports to.
 *
 * Returns: (transfer none) (nullable): the parent's name
 *
 * Since: 0.1
 */
/**
 * govstats_report_set_unit_parent:
 * @self: a report
 * @value: (nullable): the parent's name
 *
 * Sets the government the organ reports to.
 *
 * Since: 0.1
 */
STRING_ACCESSORS (unit_parent, PROP_UNIT_PARENT, TRUE)

/**
 * govstats_report_get_year:
 * @self: a report
 *
 * Gets the statistics year.
 *
 * Returns: the year, or 0 when unknown
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
  g_object_notify_by_pspec (G_OBJECT (self), govstats_report_properties[PROP_YEAR]);
}

/**
 * govstats_report_get_unit_kind:
 * @self: a report
 *
 * Gets the kind of the reporting organ.
 *
 * Returns: the unit kind (%GOVSTATS_UNIT_KIND_OTHER when not given)
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
  g_object_notify_by_pspec (G_OBJECT (self), govstats_report_properties[PROP_UNIT_KIND]);
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
  g_object_notify_by_pspec (G_OBJECT (self), govstats_report_properties[PROP_SCOPE]);
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

/* ---------- the rest ---------- */

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
 *
 * Since: 0.1
 */
/**
 * govstats_report_set_extensions:
 * @self: a report
 * @value: (nullable): the extensions object
 *
 * Sets the `extensions` member of the report file.
 *
 * Since: 0.1
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
 *
 * Since: 0.1
 */
/**
 * govstats_report_set_source:
 * @self: a report
 * @value: (nullable): the source object
 *
 * Sets the `source` member.
 *
 * Since: 0.1
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
 *
 * Since: 0.1
 */
/**
 * govstats_report_set_sources:
 * @self: a report
 * @value: (nullable): the sources array
 *
 * Sets the `sources` member of a consolidated report.
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
