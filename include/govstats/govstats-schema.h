/* govstats-schema.h — one statutory layout, as data
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

G_BEGIN_DECLS

#define GOVSTATS_TYPE_SCHEMA (govstats_schema_get_type ())

GOVSTATS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GovstatsSchema, govstats_schema, GOVSTATS, SCHEMA, GObject)

GOVSTATS_AVAILABLE_IN_ALL
GovstatsSchema     *govstats_schema_get_for_version   (const char      *version);
GOVSTATS_AVAILABLE_IN_ALL
const char * const *govstats_schema_list_versions     (void);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsSchema     *govstats_schema_new_from_bytes    (GBytes          *bytes,
                                                       GError         **error);

GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_schema_get_version       (GovstatsSchema  *self);
GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_schema_get_name          (GovstatsSchema  *self,
                                                       const char      *lang);
GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_schema_get_issued_by     (GovstatsSchema  *self);

GOVSTATS_AVAILABLE_IN_ALL
const char * const *govstats_schema_get_section_keys  (GovstatsSchema  *self);
GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_schema_get_section_heading (GovstatsSchema *self,
                                                       const char      *section,
                                                       const char      *lang);
GOVSTATS_AVAILABLE_IN_ALL
gboolean            govstats_schema_section_is_text   (GovstatsSchema  *self,
                                                       const char      *section);
GOVSTATS_AVAILABLE_IN_ALL
const char * const *govstats_schema_get_section_tables (GovstatsSchema *self,
                                                       const char      *section);

GOVSTATS_AVAILABLE_IN_ALL
const char * const *govstats_schema_get_table_keys    (GovstatsSchema  *self);
GOVSTATS_AVAILABLE_IN_ALL
gboolean            govstats_schema_has_table         (GovstatsSchema  *self,
                                                       const char      *table);
GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_schema_get_table_title   (GovstatsSchema  *self,
                                                       const char      *table,
                                                       const char      *lang);
GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_schema_get_table_section (GovstatsSchema  *self,
                                                       const char      *table);
GOVSTATS_AVAILABLE_IN_ALL
const char * const *govstats_schema_get_row_keys      (GovstatsSchema  *self,
                                                       const char      *table);
GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_schema_get_row_label     (GovstatsSchema  *self,
                                                       const char      *table,
                                                       const char      *row,
                                                       const char      *lang);
GOVSTATS_AVAILABLE_IN_ALL
const char * const *govstats_schema_get_row_aliases   (GovstatsSchema  *self,
                                                       const char      *table,
                                                       const char      *row);
GOVSTATS_AVAILABLE_IN_ALL
gboolean            govstats_schema_row_is_group      (GovstatsSchema  *self,
                                                       const char      *table,
                                                       const char      *row);
GOVSTATS_AVAILABLE_IN_ALL
gboolean            govstats_schema_row_has_cells     (GovstatsSchema  *self,
                                                       const char      *table,
                                                       const char      *row);
GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_schema_get_row_parent    (GovstatsSchema  *self,
                                                       const char      *table,
                                                       const char      *row);
GOVSTATS_AVAILABLE_IN_ALL
char              **govstats_schema_dup_row_children  (GovstatsSchema  *self,
                                                       const char      *table,
                                                       const char      *row);
GOVSTATS_AVAILABLE_IN_ALL
const char * const *govstats_schema_get_column_keys   (GovstatsSchema  *self,
                                                       const char      *table);
GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_schema_get_column_label  (GovstatsSchema  *self,
                                                       const char      *table,
                                                       const char      *column,
                                                       const char      *lang);
GOVSTATS_AVAILABLE_IN_ALL
const char * const *govstats_schema_get_column_aliases (GovstatsSchema *self,
                                                       const char      *table,
                                                       const char      *column);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsValueKind   govstats_schema_get_column_kind   (GovstatsSchema  *self,
                                                       const char      *table,
                                                       const char      *column);
GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_schema_get_column_unit   (GovstatsSchema  *self,
                                                       const char      *table,
                                                       const char      *column);
GOVSTATS_AVAILABLE_IN_ALL
gboolean            govstats_schema_column_is_stock   (GovstatsSchema  *self,
                                                       const char      *table,
                                                       const char      *column);

GOVSTATS_AVAILABLE_IN_ALL
guint               govstats_schema_get_n_cells       (GovstatsSchema  *self);
GOVSTATS_AVAILABLE_IN_ALL
gboolean            govstats_schema_has_cell          (GovstatsSchema  *self,
                                                       const char      *path);
GOVSTATS_AVAILABLE_IN_ALL
gboolean            govstats_schema_check_path        (GovstatsSchema  *self,
                                                       const char      *path,
                                                       GError         **error);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsValueKind   govstats_schema_get_cell_kind     (GovstatsSchema  *self,
                                                       const char      *path);
GOVSTATS_AVAILABLE_IN_ALL
char              **govstats_schema_dup_cell_paths    (GovstatsSchema  *self,
                                                       const char      *table);

GOVSTATS_AVAILABLE_IN_ALL
JsonNode           *govstats_schema_to_json           (GovstatsSchema  *self);
GOVSTATS_AVAILABLE_IN_ALL
char               *govstats_schema_to_markdown       (GovstatsSchema  *self,
                                                       const char      *lang);

G_END_DECLS
