/* govstats-schema-private.h — the compiled form of a schema, for the library's own use
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "govstats-schema.h"

G_BEGIN_DECLS

typedef struct {
  char *zh;
  char *en;
} GovstatsLabel;

typedef struct {
  char          *key;
  GovstatsLabel  label;
  GStrv          aliases;
  int            parent;          /* index into rows, -1 for none */
  gboolean       group;
  gboolean       has_cells;       /* leaves, and groups with legacy cells */
  char          *legacy_cells;    /* layout whose single row this group still accepts */
  int            cell_row;        /* index among cell-bearing rows, -1 for none */
  GovstatsLabel  printed_group;   /* optional */
} GovstatsSchemaRow;

typedef struct {
  char             *key;
  GovstatsLabel     label;
  GStrv             aliases;
  GovstatsValueKind kind;
  gboolean          stock;
  char             *unit;
  GovstatsLabel     group;        /* optional */
} GovstatsSchemaColumn;

/* A label-only block printed over a run of rows (三、本年度办理结果). */
typedef struct {
  GovstatsLabel  label;
  int            first;           /* index into rows */
  int            last;            /* index into rows, >= first */
} GovstatsSchemaPrintedGroup;

typedef struct {
  char          *key;
  char          *section;
  GovstatsLabel  title;
  GovstatsLabel  note;
  GovstatsLabel  column_header;
  GovstatsLabel  row_header;      /* optional: the printed top-left header (信息内容) */
  GStrv          aliases;         /* other printed titles of the table */
  GPtrArray     *rows;            /* GovstatsSchemaRow */
  GPtrArray     *columns;         /* GovstatsSchemaColumn */
  GStrv          row_keys;
  GStrv          column_keys;
  guint          first_cell;
  guint          n_cells;
  guint          n_cell_rows;
  GArray        *printed_groups;  /* GovstatsSchemaPrintedGroup */
} GovstatsSchemaTable;

typedef struct {
  char          *key;
  GovstatsLabel  heading;
  GStrv          aliases;
  gboolean       is_text;
  GStrv          tables;
} GovstatsSchemaSection;

typedef struct {
  guint16  table;
  guint16  row;
  guint16  column;
  char    *path;
} GovstatsSchemaCell;

const char                 *govstats_label_get          (const GovstatsLabel *label,
                                                         const char          *lang);

guint                       govstats_schema_get_n_tables (GovstatsSchema *self);
const GovstatsSchemaTable  *govstats_schema_table_at    (GovstatsSchema *self,
                                                         guint           index);
const GovstatsSchemaTable  *govstats_schema_find_table  (GovstatsSchema *self,
                                                         const char     *table);
int                         govstats_schema_find_row    (const GovstatsSchemaTable *table,
                                                         const char                *row);
int                         govstats_schema_find_column (const GovstatsSchemaTable *table,
                                                         const char                *column);
guint                       govstats_schema_get_n_sections (GovstatsSchema *self);
const GovstatsSchemaSection *govstats_schema_section_at  (GovstatsSchema *self,
                                                         guint           index);
/* Returns the cell index of @path, or -1. */
int                         govstats_schema_lookup_cell (GovstatsSchema *self,
                                                         const char     *path);
int                         govstats_schema_cell_index  (const GovstatsSchemaTable *table,
                                                         guint                      row,
                                                         guint                      column);
const GovstatsSchemaCell   *govstats_schema_cell_at     (GovstatsSchema *self,
                                                         guint           index);
GovstatsValueKind           govstats_schema_cell_kind_at (GovstatsSchema *self,
                                                         guint           index);
JsonArray                  *govstats_schema_get_rules_json (GovstatsSchema *self);
/* Sets a GovstatsError saying why @path is not a cell of @self (unknown, or of another layout). */
void                        govstats_schema_set_path_error (GovstatsSchema *self,
                                                         const char     *path,
                                                         GError        **error);

G_END_DECLS
