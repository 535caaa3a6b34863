/* govstats-report.h — one unit's annual report (or a consolidated one)
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (GOVSTATS_INSIDE) && !defined (GOVSTATS_COMPILATION)
# error "Only <govstats/govstats.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "govstats-version.h"
#include "govstats-types.h"
#include "govstats-schema.h"

G_BEGIN_DECLS

#define GOVSTATS_TYPE_REPORT (govstats_report_get_type ())

GOVSTATS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GovstatsReport, govstats_report, GOVSTATS, REPORT, GObject)

GOVSTATS_AVAILABLE_IN_ALL
GovstatsReport   *govstats_report_new                 (GovstatsSchema  *schema);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsReport   *govstats_report_new_for_version     (const char      *version,
                                                       GError         **error);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsReport   *govstats_report_new_from_file       (const char      *filename,
                                                       GError         **error);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsReport   *govstats_report_new_from_gfile      (GFile           *file,
                                                       GCancellable    *cancellable,
                                                       GError         **error);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsReport   *govstats_report_new_from_data       (const char      *data,
                                                       gssize           length,
                                                       GError         **error);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsReport   *govstats_report_new_from_stream     (GInputStream    *stream,
                                                       const char      *name,
                                                       GCancellable    *cancellable,
                                                       GError         **error);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsReport   *govstats_report_copy                (GovstatsReport  *self);

GOVSTATS_AVAILABLE_IN_ALL
char             *govstats_report_to_data             (GovstatsReport  *self,
                                                       gsize           *length);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_report_save_to_file        (GovstatsReport  *self,
                                                       const char      *filename,
                                                       GError         **error);

GOVSTATS_AVAILABLE_IN_ALL
GovstatsSchema   *govstats_report_get_schema          (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
const char       *govstats_report_get_version         (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
const char       *govstats_report_get_filename        (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_filename        (GovstatsReport  *self,
                                                       const char      *value);
GOVSTATS_AVAILABLE_IN_ALL
int               govstats_report_get_year            (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_year            (GovstatsReport  *self,
                                                       int              year);
GOVSTATS_AVAILABLE_IN_ALL
const char       *govstats_report_get_unit_name       (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_unit_name       (GovstatsReport  *self,
                                                       const char      *value);
GOVSTATS_AVAILABLE_IN_ALL
const char       *govstats_report_get_unit_code       (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_unit_code       (GovstatsReport  *self,
                                                       const char      *value);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsUnitKind  govstats_report_get_unit_kind       (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_unit_kind       (GovstatsReport  *self,
                                                       GovstatsUnitKind kind);
GOVSTATS_AVAILABLE_IN_ALL
const char       *govstats_report_get_unit_parent     (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_unit_parent     (GovstatsReport  *self,
                                                       const char      *value);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsScope     govstats_report_get_scope           (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_scope           (GovstatsReport  *self,
                                                       GovstatsScope    scope);

GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_report_get_value           (GovstatsReport  *self,
                                                       const char      *path,
                                                       gint64          *value);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_value           (GovstatsReport  *self,
                                                       const char      *path,
                                                       gint64           value);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_blank           (GovstatsReport  *self,
                                                       const char      *path);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_report_is_blank            (GovstatsReport  *self,
                                                       const char      *path);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_report_lookup_value        (GovstatsReport  *self,
                                                       const char      *path,
                                                       gboolean        *is_set,
                                                       gint64          *value,
                                                       GError         **error);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_report_try_set_value       (GovstatsReport  *self,
                                                       const char      *path,
                                                       gint64           value,
                                                       GError         **error);
GOVSTATS_AVAILABLE_IN_ALL
char             *govstats_report_dup_value_text      (GovstatsReport  *self,
                                                       const char      *path,
                                                       GError         **error);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_report_set_value_text      (GovstatsReport  *self,
                                                       const char      *path,
                                                       const char      *text,
                                                       GError         **error);
GOVSTATS_AVAILABLE_IN_ALL
GVariant         *govstats_report_dup_table_values    (GovstatsReport  *self,
                                                       const char      *table,
                                                       GError         **error);
GOVSTATS_AVAILABLE_IN_ALL
guint             govstats_report_count_set_cells     (GovstatsReport  *self);

GOVSTATS_AVAILABLE_IN_ALL
const char       *govstats_report_get_cell_note       (GovstatsReport  *self,
                                                       const char      *path);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_cell_note       (GovstatsReport  *self,
                                                       const char      *path,
                                                       const char      *note);
GOVSTATS_AVAILABLE_IN_ALL
const char       *govstats_report_get_cell_raw        (GovstatsReport  *self,
                                                       const char      *path);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_cell_raw        (GovstatsReport  *self,
                                                       const char      *path,
                                                       const char      *raw);
GOVSTATS_AVAILABLE_IN_ALL
const char       *govstats_report_get_cell_unit       (GovstatsReport  *self,
                                                       const char      *path);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_cell_unit       (GovstatsReport  *self,
                                                       const char      *path,
                                                       const char      *unit);

GOVSTATS_AVAILABLE_IN_ALL
const char       *govstats_report_get_text            (GovstatsReport  *self,
                                                       const char      *key);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_text            (GovstatsReport  *self,
                                                       const char      *key,
                                                       const char      *text);
GOVSTATS_AVAILABLE_IN_ALL
char            **govstats_report_dup_text_keys       (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_add_paragraph       (GovstatsReport  *self,
                                                       const char      *key,
                                                       const char      *text);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_add_table_place     (GovstatsReport  *self,
                                                       const char      *key,
                                                       const char      *table);
GOVSTATS_AVAILABLE_IN_ALL
guint             govstats_report_get_n_text_blocks   (GovstatsReport  *self,
                                                       const char      *key);
GOVSTATS_AVAILABLE_IN_ALL
const char       *govstats_report_get_text_block      (GovstatsReport  *self,
                                                       const char      *key,
                                                       guint            index,
                                                       gboolean        *is_table);
GOVSTATS_AVAILABLE_IN_ALL
char            **govstats_report_dup_paragraphs      (GovstatsReport  *self,
                                                       const char      *key);

GOVSTATS_AVAILABLE_IN_ALL
JsonObject       *govstats_report_get_extensions      (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_extensions      (GovstatsReport  *self,
                                                       JsonObject      *value);
GOVSTATS_AVAILABLE_IN_ALL
JsonObject       *govstats_report_get_source          (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_source          (GovstatsReport  *self,
                                                       JsonObject      *value);
GOVSTATS_AVAILABLE_IN_ALL
JsonArray        *govstats_report_get_sources         (GovstatsReport  *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_report_set_sources         (GovstatsReport  *self,
                                                       JsonArray       *value);
GOVSTATS_AVAILABLE_IN_ALL
char            **govstats_report_dup_unknown_members (GovstatsReport  *self);

G_END_DECLS
