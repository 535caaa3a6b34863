/* govstats-unit-store-private.h — the units of a consolidation, kept on disk
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

#include "govstats-types.h"

G_BEGIN_DECLS

/* One set cell of a unit: its index in the unit's layout and its value. */
typedef struct {
  guint16 cell;
  gint64  value;
} __attribute__ ((packed)) GovstatsStoreEntry;

/* What the store gives back for a unit. code, name and file share one block:
 * free them with govstats_unit_record_clear(). */
typedef struct {
  char            *code;
  char            *name;
  char            *file;
  GovstatsUnitKind kind;
  guint            layout;
  guint            n_entries;
} GovstatsUnitRecord;

/* An append-only list of units (code, name, file, kind, layout and set cell
 * values) in an unlinked temporary file, with 8 bytes a unit in memory (where
 * it is) and 16 to 32 bytes of an index by key. If
 * the file cannot be made or written, the rest stays in memory: nothing is
 * lost. Thread-safe; reference counted. */
typedef struct _GovstatsUnitStore GovstatsUnitStore;

GovstatsUnitStore *govstats_unit_store_new         (void);
GovstatsUnitStore *govstats_unit_store_ref         (GovstatsUnitStore *store);
void               govstats_unit_store_unref       (GovstatsUnitStore *store);
guint              govstats_unit_store_get_n_units (GovstatsUnitStore *store);
/* At most this many units (2^28); the store and its callers keep indices
 * in 32 bits with room to spare. */
#define GOVSTATS_UNIT_STORE_MAX_UNITS (1u << 28)

/* Returns the index of the new unit, or G_MAXUINT if the store is full.
 * @entries are in cell order; @layout is below 65536. */
guint              govstats_unit_store_append      (GovstatsUnitStore        *store,
                                                    const char               *code,
                                                    const char               *name,
                                                    const char               *file,
                                                    GovstatsUnitKind          kind,
                                                    guint                     layout,
                                                    const GovstatsStoreEntry *entries,
                                                    guint                     n_entries);
/* Reads unit @index back; its cell values too if @entries (GArray of
 * GovstatsStoreEntry) is given. FALSE with GOVSTATS_ERROR_IO if the
 * temporary file cannot be read. */
gboolean           govstats_unit_store_get         (GovstatsUnitStore  *store,
                                                    guint               index,
                                                    GovstatsUnitRecord *record,
                                                    GArray             *entries,
                                                    GError            **error);
/* Finds the first unit whose key (govstats_unit_record_key()) is @key:
 * @index is its index, or G_MAXUINT if there is none. FALSE with
 * GOVSTATS_ERROR_IO if the store cannot be read to tell. */
gboolean           govstats_unit_store_find        (GovstatsUnitStore  *store,
                                                    const char         *key,
                                                    guint              *index,
                                                    GError            **error);
/* Tests only: makes the part of the store already in the file unreadable. */
void               govstats_unit_store_break_file_for_testing (GovstatsUnitStore *store);
/* The key a consolidation knows a unit by: its code, else its name, else
 * its file, else "?". */
const char        *govstats_unit_key               (const char               *code,
                                                    const char               *name,
                                                    const char               *file);
const char        *govstats_unit_record_key        (const GovstatsUnitRecord *record);
void               govstats_unit_record_clear      (GovstatsUnitRecord *record);

/* An array of fixed-size elements that grows by blocks of 4096: no copy
 * and no unused doubling when it grows to 200,000 entries, and element
 * addresses never change. */
typedef struct _GovstatsBlockArray GovstatsBlockArray;

GovstatsBlockArray *govstats_block_array_new    (gsize               element_size);
void                govstats_block_array_free   (GovstatsBlockArray *array);
guint               govstats_block_array_len    (GovstatsBlockArray *array);
/* Appends a copy of @element; returns the copy. */
gpointer            govstats_block_array_append (GovstatsBlockArray *array,
                                                 gconstpointer       element);
gpointer            govstats_block_array_index  (GovstatsBlockArray *array,
                                                 guint               index);

/* An open-addressing table of nonzero 64-bit slots (linear probing, at
 * most half full): 8 bytes a slot where a GHashTable entry costs 20 and
 * more. What a slot holds, and how it hashes, is the caller's business. */
typedef struct {
  guint64 *slots;
  gsize    n_slots;   /* 0, or a power of two */
  gsize    n;
} GovstatsSlotTable;

/* The hash of a slot already in the table, to place it again when it grows. */
typedef guint32 (*GovstatsSlotHashFunc) (guint64  slot,
                                         gpointer data);

void     govstats_slot_table_insert (GovstatsSlotTable    *table,
                                     guint64               slot,
                                     guint32               hash,
                                     GovstatsSlotHashFunc  hash_func,
                                     gpointer              data);
void     govstats_slot_table_clear  (GovstatsSlotTable    *table);

/* The slots a lookup of @hash must look at, in probing order:
 *   for (govstats_slot_iter_init (&it, table, hash); govstats_slot_iter_next (&it, &slot);) */
typedef struct {
  const GovstatsSlotTable *table;
  gsize                    i;
} GovstatsSlotIter;

void     govstats_slot_iter_init    (GovstatsSlotIter        *iter,
                                     const GovstatsSlotTable *table,
                                     guint32                  hash);
gboolean govstats_slot_iter_next    (GovstatsSlotIter        *iter,
                                     guint64                 *slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovstatsUnitStore, govstats_unit_store_unref)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GovstatsUnitRecord, govstats_unit_record_clear)

G_END_DECLS
