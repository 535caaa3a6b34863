/* govstats-schema-struct-private.h — the schema's instance struct, for the govstats-schema*.c files only
 *
 * A schema is one type written in several files (the object and its
 * lookups, compiling a layout file, the public accessors, the Markdown
 * description); they share its fields through this header. Everything else
 * goes through govstats-schema.h and govstats-schema-private.h.
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "govstats-schema-private.h"

G_BEGIN_DECLS

struct _GovstatsSchema
{
  GObject      parent_instance;

  char        *version;
  GovstatsLabel name;
  char        *issued_by;
  GPtrArray   *sections;     /* GovstatsSchemaSection */
  GStrv        section_keys;
  GPtrArray   *tables;       /* GovstatsSchemaTable */
  GStrv        table_keys;
  GHashTable  *table_index;  /* key → GovstatsSchemaTable */
  GArray      *cells;        /* GovstatsSchemaCell */
  GHashTable  *cell_index;   /* path → index + 1 */
  JsonNode    *root;
  JsonArray   *rules;
  struct _GovstatsNarrative *narrative;  /* govstats-narrative.c */
};

/* Defined in govstats-schema.c. */
void
column_free (gpointer data);

/* Defined in govstats-schema.c. */
void
row_free (gpointer data);

G_END_DECLS
