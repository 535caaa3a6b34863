/* govstats-unit-store.c — the units of a consolidation, kept on disk
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A national consolidation adds 200,000 units. Holding their codes, names,
 * file names and values in memory made memory grow with every unit; here
 * each unit is one record appended to an unlinked temporary file:
 *
 *   u32 code length + 1 (0: none), u32 name length + 1, u32 file length + 1,
 *   u32 n, u16 layout, u8 kind, u8 0,
 *   the three strings without their NULs, then n × (u16 cell, i64 value)
 *
 * and memory keeps 8 bytes a unit (where its record starts), plus 16 to 32
 * bytes of an index by key (for duplicates). Records are gathered in
 * a buffer and written 256 KiB at a time. If the file cannot be made, or a
 * write fails, the buffer simply keeps growing: the store is then in memory,
 * and still complete.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "govstats-error.h"
#include "govstats-i18n-private.h"
#include "govstats-unit-store-private.h"

#define FLUSH_SIZE (256 * 1024)
#define BLOCK_LEN  4096

/* ---------- block arrays ---------- */

struct _GovstatsBlockArray {
  GPtrArray *blocks;
  gsize      element_size;
  guint      len;
};

GovstatsBlockArray *
govstats_block_array_new (gsize element_size)
{
  GovstatsBlockArray *array = g_new0 (GovstatsBlockArray, 1);

  array->blocks = g_ptr_array_new_with_free_func (g_free);
  array->element_size = element_size;
  return array;
}

void
govstats_block_array_free (GovstatsBlockArray *array)
{
  g_ptr_array_unref (array->blocks);
  g_free (array);
}

guint
govstats_block_array_len (GovstatsBlockArray *array)
{
  return array->len;
}

gpointer
govstats_block_array_index (GovstatsBlockArray *array,
                            guint               index)
{
  g_assert (index < array->len);
  return (guint8 *) array->blocks->pdata[index / BLOCK_LEN] + (gsize) (index % BLOCK_LEN) * array->element_size;
}

gpointer
govstats_block_array_append (GovstatsBlockArray *array,
                             gconstpointer       element)
{
  if (array->len % BLOCK_LEN == 0)
    g_ptr_array_add (array->blocks, g_malloc (BLOCK_LEN * array->element_size));
  array->len++;
  return memcpy (govstats_block_array_index (array, array->len - 1), element, array->element_size);
}

/* ---------- slot tables ---------- */

static void
slot_table_place (GovstatsSlotTable *table,
                  guint64            slot,
                  guint32            hash)
{
  gsize i = hash & (table->n_slots - 1);

  while (table->slots[i] != 0)
    i = (i + 1) & (table->n_slots - 1);
  table->slots[i] = slot;
}

void
govstats_slot_table_insert (GovstatsSlotTable    *table,
                            guint64               slot,
                            guint32               hash,
                            GovstatsSlotHashFunc  hash_func,
                            gpointer              data)
{
  g_assert (slot != 0);
  if ((table->n + 1) * 2 > table->n_slots)
    {
      guint64 *old = table->slots;
      gsize n_old = table->n_slots;

      table->n_slots = MAX (64, n_old * 2);
      table->slots = g_new0 (guint64, table->n_slots);
      for (gsize i = 0; i < n_old; i++)
        if (old[i] != 0)
          slot_table_place (table, old[i], hash_func (old[i], data));
      g_free (old);
    }
  slot_table_place (table, slot, hash);
  table->n++;
}

void
govstats_slot_table_clear (GovstatsSlotTable *table)
{
  g_clear_pointer (&table->slots, g_free);
  table->n_slots = 0;
  table->n = 0;
}

void
govstats_slot_iter_init (GovstatsSlotIter        *iter,
                         const GovstatsSlotTable *table,
                         guint32                  hash)
{
  iter->table = table;
  iter->i = table->n_slots ? hash & (table->n_slots - 1) : 0;
}

gboolean
govstats_slot_iter_next (GovstatsSlotIter *iter,
                         guint64          *slot)
{
  const GovstatsSlotTable *table = iter->table;

  /* The table is at most half full: an empty slot always ends the probe. */
  if (table->n_slots == 0 || table->slots[iter->i] == 0)
    return FALSE;
  *slot = table->slots[iter->i];
  iter->i = (iter->i + 1) & (table->n_slots - 1);
  return TRUE;
}

/* ---------- the store ---------- */

typedef struct {
  guint32 lens[3];     /* length + 1 of code, name and file; 0: none */
  guint32 n_entries;
  guint16 layout;
  guint8  kind;
  guint8  zero;
} RecordHead;

G_STATIC_ASSERT (sizeof (RecordHead) == 20);

/* The bytes of the store, in order: [0, on_disk) in the file, then the
 * chunks kept in memory once the file failed, then the tail buffer. */
struct _GovstatsUnitStore {
  GMutex      lock;
  GovstatsBlockArray *index;   /* guint64: where each unit's record starts */
  int         fd;          /* -1: not made yet, or not usable */
  gboolean    file_failed; /* stop trying the file */
  guint64     on_disk;
  GPtrArray  *kept;        /* GBytes, each FLUSH_SIZE or a little more */
  GArray     *kept_start;  /* guint64: where each kept chunk starts */
  guint64     kept_end;    /* where the tail starts */
  GByteArray *tail;
  GovstatsSlotTable by_key; /* hash << 32 | (index + 1) */
};

static void index_key (GovstatsUnitStore *store,
                       const char        *key,
                       guint              index);

static void
store_clear (gpointer data)
{
  GovstatsUnitStore *store = data;

  if (store->fd >= 0)
    close (store->fd);
  govstats_block_array_free (store->index);
  g_byte_array_unref (store->tail);
  g_ptr_array_unref (store->kept);
  g_array_unref (store->kept_start);
  govstats_slot_table_clear (&store->by_key);
  g_mutex_clear (&store->lock);
}

GovstatsUnitStore *
govstats_unit_store_new (void)
{
  GovstatsUnitStore *store = g_atomic_rc_box_new0 (GovstatsUnitStore);

  g_mutex_init (&store->lock);
  store->index = govstats_block_array_new (sizeof (guint64));
  store->fd = -1;
  store->tail = g_byte_array_new ();
  store->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  store->kept_start = g_array_new (FALSE, FALSE, sizeof (guint64));
  return store;
}

GovstatsUnitStore *
govstats_unit_store_ref (GovstatsUnitStore *store)
{
  return g_atomic_rc_box_acquire (store);
}

void
govstats_unit_store_unref (GovstatsUnitStore *store)
{
  g_atomic_rc_box_release_full (store, store_clear);
}

guint
govstats_unit_store_get_n_units (GovstatsUnitStore *store)
{
  guint n;

  g_mutex_lock (&store->lock);
  n = govstats_block_array_len (store->index);
  g_mutex_unlock (&store->lock);
  return n;
}

static gboolean
open_file (GovstatsUnitStore *store)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "govstats-rollup-XXXXXX", NULL);

  /* Close-on-exec, readable by its owner only. */
  store->fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);
  if (store->fd < 0)
    return FALSE;
  /* The file lives only as long as the store: remove its name at once. */
  g_unlink (path);
  return TRUE;
}

/* Keeps the tail in memory for good, as a chunk, and starts a new one. */
static void
keep_tail (GovstatsUnitStore *store)
{
  guint64 start = store->kept_end;

  g_array_append_val (store->kept_start, start);
  store->kept_end += store->tail->len;
  g_ptr_array_add (store->kept, g_byte_array_free_to_bytes (store->tail));
  store->tail = g_byte_array_new ();
}

/* Moves the tail to the file. If the file cannot be made or written, the
 * tail is kept in memory instead, and so is everything after it. */
static void
flush_tail (GovstatsUnitStore *store)
{
  gsize done = 0;

  if (store->tail->len == 0)
    return;
  if (!store->file_failed && store->fd < 0 && !open_file (store))
    store->file_failed = TRUE;
  while (!store->file_failed && done < store->tail->len)
    {
      gssize n = pwrite (store->fd, store->tail->data + done, store->tail->len - done,
                         (off_t) (store->on_disk + done));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        store->file_failed = TRUE;   /* what was written is simply not used */
      else
        done += (gsize) n;
    }
  if (store->file_failed)
    {
      keep_tail (store);
      return;
    }
  store->on_disk += store->tail->len;
  store->kept_end = store->on_disk;
  g_byte_array_set_size (store->tail, 0);
}

static void
append_string (GByteArray *tail,
               const char *s,
               guint32    *len)
{
  *len = s ? (guint32) strlen (s) + 1 : 0;
  if (s)
    g_byte_array_append (tail, (const guint8 *) s, *len - 1);
}

guint
govstats_unit_store_append (GovstatsUnitStore        *store,
                            const char               *code,
                            const char               *name,
                            const char               *file,
                            GovstatsUnitKind          kind,
                            guint                     layout,
                            const GovstatsStoreEntry *entries,
                            guint                     n_entries)
{
  RecordHead head = { { 0 } };
  guint64 offset;
  guint start, index;

  g_mutex_lock (&store->lock);
  if (govstats_block_array_len (store->index) >= GOVSTATS_UNIT_STORE_MAX_UNITS)
    {
      g_mutex_unlock (&store->lock);
      return G_MAXUINT;
    }
  offset = store->kept_end + store->tail->len;
  start = store->tail->len;
  g_byte_array_set_size (store->tail, start + sizeof head);
  append_string (store->tail, code, &head.lens[0]);
  append_string (store->tail, name, &head.lens[1]);
  append_string (store->tail, file, &head.lens[2]);
  head.n_entries = n_entries;
  head.layout = (guint16) layout;   /* checked by the caller: a rollup has a layout or two */
  head.kind = (guint8) kind;
  memcpy (store->tail->data + start, &head, sizeof head);
  if (n_entries > 0)
    g_byte_array_append (store->tail, (const guint8 *) entries, n_entries * (guint) sizeof (GovstatsStoreEntry));
  govstats_block_array_append (store->index, &offset);
  index = govstats_block_array_len (store->index) - 1;
  index_key (store, govstats_unit_key (code, name, file), index);
  if (store->tail->len >= FLUSH_SIZE)
    flush_tail (store);
  g_mutex_unlock (&store->lock);
  return index;
}

/* Copies bytes [offset, offset + length) of the store to @out. */
static gboolean
read_range (GovstatsUnitStore *store,
            guint64            offset,
            gsize              length,
            guint8            *out,
            GError           **error)
{
  while (length > 0 && offset < store->on_disk)
    {
      gsize want = (gsize) MIN ((guint64) length, store->on_disk - offset);
      gssize n = pread (store->fd, out, want, (off_t) offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : EIO;
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO,
                       "cannot read the consolidation's temporary store: %s", g_strerror (saved));
          return FALSE;
        }
      out += n;
      offset += (guint64) n;
      length -= (gsize) n;
    }
  while (length > 0 && offset < store->kept_end)
    {
      /* The last kept chunk that starts at or before @offset. */
      guint lo = 0, hi = store->kept_start->len;
      guint64 start;
      gsize chunk_len, from, want;
      const guint8 *data;

      while (hi - lo > 1)
        {
          guint mid = (lo + hi) / 2;
          if (g_array_index (store->kept_start, guint64, mid) <= offset)
            lo = mid;
          else
            hi = mid;
        }
      start = g_array_index (store->kept_start, guint64, lo);
      data = g_bytes_get_data (store->kept->pdata[lo], &chunk_len);
      from = (gsize) (offset - start);
      want = MIN (length, chunk_len - from);
      memcpy (out, data + from, want);
      out += want;
      offset += want;
      length -= want;
    }
  if (length > 0)
    memcpy (out, store->tail->data + (offset - store->kept_end), length);
  return TRUE;
}

static gboolean
get_locked (GovstatsUnitStore  *store,
            guint               index,
            GovstatsUnitRecord *record,
            GArray             *entries,
            GError            **error)
{
  guint64 offset = *(guint64 *) govstats_block_array_index (store->index, index);
  RecordHead head;
  guint32 *lens = head.lens;
  gsize strings_len = 0;
  char *block, *p;
  gboolean ok;

  memset (record, 0, sizeof *record);
  if (!read_range (store, offset, sizeof head, (guint8 *) &head, error))
    return FALSE;
  for (guint i = 0; i < 3; i++)
    strings_len += lens[i] ? lens[i] - 1 : 0;
  /* The three strings, each followed by a NUL, in one block. */
  block = g_malloc (strings_len + 3);
  ok = read_range (store, offset + sizeof head, strings_len, (guint8 *) block + 3, error);
  if (ok && entries)
    {
      g_array_set_size (entries, head.n_entries);
      ok = read_range (store, offset + sizeof head + strings_len, (gsize) head.n_entries * sizeof (GovstatsStoreEntry),
                       (guint8 *) entries->data, error);
    }
  if (!ok)
    {
      g_free (block);
      return FALSE;
    }
  /* Shift each string left by the NULs before it: "\0\0\0abc" + "de" → "abc\0de\0". */
  p = block;
  {
    const char *src = block + 3;
    char **fields[3] = { &record->code, &record->name, &record->file };

    for (guint i = 0; i < 3; i++)
      {
        if (lens[i] == 0)
          continue;
        memmove (p, src, lens[i] - 1);
        p[lens[i] - 1] = '\0';
        *fields[i] = p;
        p += lens[i];
        src += lens[i] - 1;
      }
  }
  /* The first string present starts the block, and frees it. */
  if (record->code == NULL && record->name == NULL && record->file == NULL)
    g_free (block);
  record->kind = head.kind;
  record->layout = head.layout;
  record->n_entries = head.n_entries;
  return TRUE;
}

gboolean
govstats_unit_store_get (GovstatsUnitStore  *store,
                         guint               index,
                         GovstatsUnitRecord *record,
                         GArray             *entries,
                         GError            **error)
{
  gboolean ok;

  g_mutex_lock (&store->lock);
  ok = get_locked (store, index, record, entries, error);
  g_mutex_unlock (&store->lock);
  return ok;
}

static guint32
key_hash (const char *key)
{
  guint32 h = 2166136261u;   /* FNV-1a */

  for (const guchar *p = (const guchar *) key; *p; p++)
    h = (h ^ *p) * 16777619u;
  return h;
}

static guint32
slot_hash (guint64  slot,
           gpointer data)
{
  return (guint32) (slot >> 32);
}

/* Called with the lock held, after unit @index was appended. */
static void
index_key (GovstatsUnitStore *store,
           const char        *key,
           guint              index)
{
  guint32 hash = key_hash (key);

  govstats_slot_table_insert (&store->by_key, (guint64) hash << 32 | (guint64) (index + 1), hash, slot_hash, NULL);
}

gboolean
govstats_unit_store_find (GovstatsUnitStore *store,
                          const char        *key,
                          guint             *index_out,
                          GError           **error)
{
  guint32 hash = key_hash (key);
  gboolean found = FALSE;
  GovstatsSlotIter iter;
  guint64 slot;

  *index_out = G_MAXUINT;
  g_mutex_lock (&store->lock);
  for (govstats_slot_iter_init (&iter, &store->by_key, hash); govstats_slot_iter_next (&iter, &slot);)
    {
      g_auto(GovstatsUnitRecord) record = { 0 };
      guint index = (guint) (slot & G_MAXUINT32) - 1;

      if ((guint32) (slot >> 32) != hash)
        continue;
      if (!get_locked (store, index, &record, NULL, error))
        {
          g_mutex_unlock (&store->lock);
          *index_out = G_MAXUINT;
          return FALSE;
        }
      /* Several units can share a key only if added so: the first wins. */
      if (g_str_equal (govstats_unit_record_key (&record), key) && (!found || index < *index_out))
        {
          found = TRUE;
          *index_out = index;
        }
    }
  g_mutex_unlock (&store->lock);
  return TRUE;
}

void
govstats_unit_store_break_file_for_testing (GovstatsUnitStore *store)
{
  int null_fd;

  g_mutex_lock (&store->lock);
  null_fd = open ("/dev/null", O_RDONLY | O_CLOEXEC);
  if (store->fd >= 0 && null_fd >= 0)
    dup2 (null_fd, store->fd);   /* reads now find nothing where records were */
  if (null_fd >= 0)
    close (null_fd);
  g_mutex_unlock (&store->lock);
}

const char *
govstats_unit_key (const char *code,
                   const char *name,
                   const char *file)
{
  return code ? code : name ? name : file ? file : "?";
}

const char *
govstats_unit_record_key (const GovstatsUnitRecord *record)
{
  return govstats_unit_key (record->code, record->name, record->file);
}

void
govstats_unit_record_clear (GovstatsUnitRecord *record)
{
  /* The block starts with the first string present. */
  char *block = record->code ? record->code : record->name ? record->name : record->file;

  g_free (block);
  memset (record, 0, sizeof *record);
}
