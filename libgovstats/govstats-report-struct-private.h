/* govstats-report-struct-private.h — the report's instance struct, for the govstats-report*.c files only
 *
 * A report is one type written in several files (the object, its cells, its
 * metadata, the loader, the one-pass reader, the writer); they share its
 * fields through this header. Everything else in the library goes through
 * govstats-report.h and govstats-report-private.h.
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "govstats-report-private.h"
#include "govstats-json-writer-private.h"

G_BEGIN_DECLS

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

/* The report's property specs (govstats-report.c), for notify from the setters. */
extern GParamSpec *govstats_report_properties[N_PROPS];

/* What an importer saw of a cell, beside its value. */
typedef struct {
  char       *note;
  char       *raw;
  char       *unit;
  JsonObject *extra;   /* unknown members of the cell object, kept verbatim */
} CellMeta;

/* One section of the report's prose: paragraphs in order, with the places
 * of its tables among them. A section read from a JSON string is one
 * paragraph holding the whole string, written back as a string. */
typedef struct {
  char *text;    /* a paragraph, or NULL for a table's place */
  char *table;   /* the table printed here (table blocks) */
} GovstatsTextBlock;

typedef struct {
  GPtrArray *blocks;    /* GovstatsTextBlock */
  gboolean   as_list;   /* written as a JSON array */
  char      *joined;    /* cache: the paragraphs joined by "\n", built when asked for */
} GovstatsTextSection;

void govstats_text_section_free  (gpointer data);
/* govstats-report-text.c */
/* Makes @key an empty section written as a list. */
void govstats_report_begin_text_list (GovstatsReport     *self,
                                      const char         *key);
void govstats_report_copy_texts  (GovstatsReport     *from,
                                  GovstatsReport     *to);
void govstats_report_write_texts (GovstatsReport     *self,
                                  GovstatsJsonWriter *w);

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
  GHashTable      *texts;         /* key → GovstatsTextSection */

  JsonObject      *source;
  JsonArray       *sources;
  GovstatsUnitStore *source_store; /* `sources` left on the consolidation's disk store */
  guint            n_sources;     /* its first n_sources units, until asked for as JSON */
  JsonObject      *extensions;
  JsonObject      *unknown;       /* unknown top-level members */
  char            *filename;
};

typedef struct {
  const char *name;      /* file name for messages */
  GError    **error;
  GHashTable *literals;  /* "T/R/C" → the number as written, for exact values */
} Loader;

/* The loader's steps, shared with the one-pass reader (govstats-report-reader.c). */
gboolean
apply_members (GovstatsReport *self,
               JsonObject     *o,
               Loader         *ld);

/* The layout named by the top-level members, checking the file format. */
GovstatsSchema *
members_schema (JsonObject *o,
                Loader     *ld);

/* Defined in govstats-report-load.c. */
gboolean
load_tables (GovstatsReport *self,
             Loader         *ld,
             JsonNode       *node);

/* Defined in govstats-report-load.c. */
gboolean
load_cell (GovstatsReport *self,
           Loader         *ld,
           guint           index,
           const char     *path,
           JsonNode       *node);

/* Defined in govstats-report-load.c. */
const char *
node_type_name (JsonNode *node);

/* Sets the loader's error (code, then "name: " + the formatted message); FALSE. */
gboolean
load_fail (Loader     *ld,
           int         code,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

/* The note/raw/unit record of a cell, made on first use. */
CellMeta *
ensure_meta (GovstatsReport *self,
             guint           index);

G_END_DECLS
