/* test-unit-store.c — the consolidation's on-disk unit store, and streamed saving
 *
 * Built against the internal static library (govstats_internal_dep).
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <signal.h>
#include <sys/resource.h>

#include "test-util.h"
#include "govstats-report-private.h"
#include "govstats-unit-store-private.h"

/* Unit @i of the big stores: every field a function of @i, so that reading
 * back can be checked without keeping what was written. */
static char *
unit_code (guint i)
{
  return g_strdup_printf ("C%05u-D%02u", i / 59, i % 59);
}

static char *
unit_name (guint i)
{
  return g_strdup_printf ("样本县第%u单位（%s）", i, i % 3 ? "局" : "镇");
}

static char *
unit_file (guint i)
{
  return g_strdup_printf ("/data/units/%06u.json", i);
}

static guint
unit_n_entries (guint i)
{
  return (i * 7) % 31;   /* 0 … 30 cells, some units all blank */
}

static GovstatsStoreEntry
unit_entry (guint i,
            guint k)
{
  GovstatsStoreEntry e;

  e.cell = (guint16) (k * 3 + i % 3);
  /* Large and negative values too: the bytes must come back exactly. */
  e.value = (k % 5 == 4) ? -(gint64) i * 10007 : (gint64) i * G_GINT64_CONSTANT (1000000007) + k;
  return e;
}

/* The index of the first unit with @key, or -1. */
static int
find (GovstatsUnitStore *store,
      const char        *key)
{
  g_autoptr(GError) error = NULL;
  guint index;

  g_assert_true (govstats_unit_store_find (store, key, &index, &error));
  g_assert_no_error (error);
  return index == G_MAXUINT ? -1 : (int) index;
}

static void
fill (GovstatsUnitStore *store,
      guint              n)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (GovstatsStoreEntry));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = unit_code (i);
      g_autofree char *name = unit_name (i);
      g_autofree char *file = unit_file (i);
      guint index;

      g_array_set_size (entries, 0);
      for (guint k = 0; k < unit_n_entries (i); k++)
        {
          GovstatsStoreEntry e = unit_entry (i, k);
          g_array_append_val (entries, e);
        }
      index = govstats_unit_store_append (store, code, name, file, (GovstatsUnitKind) (i % 4), i % 2,
                                          (const GovstatsStoreEntry *) entries->data, entries->len);
      g_assert_cmpuint (index, ==, i);
    }
}

static void
check_unit (GovstatsUnitStore *store,
            guint              i)
{
  g_auto(GovstatsUnitRecord) record = { 0 };
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (GovstatsStoreEntry));
  g_autoptr(GError) error = NULL;
  g_autofree char *code = unit_code (i);
  g_autofree char *name = unit_name (i);
  g_autofree char *file = unit_file (i);

  g_assert_true (govstats_unit_store_get (store, i, &record, entries, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (record.code, ==, code);
  g_assert_cmpstr (record.name, ==, name);
  g_assert_cmpstr (record.file, ==, file);
  g_assert_cmpint (record.kind, ==, i % 4);
  g_assert_cmpuint (record.layout, ==, i % 2);
  g_assert_cmpuint (record.n_entries, ==, unit_n_entries (i));
  g_assert_cmpuint (entries->len, ==, unit_n_entries (i));
  for (guint k = 0; k < entries->len; k++)
    {
      GovstatsStoreEntry want = unit_entry (i, k);
      GovstatsStoreEntry got = g_array_index (entries, GovstatsStoreEntry, k);
      g_assert_cmpuint (got.cell, ==, want.cell);
      g_assert_cmpint (got.value, ==, want.value);
    }
}

/* 20,000 units, about 3 MiB: most of it goes through the temporary file,
 * the last records are still in the buffer. */
static void
check_big_store (void)
{
  g_autoptr(GovstatsUnitStore) store = govstats_unit_store_new ();
  const guint n = 20000;

  fill (store, n);
  g_assert_cmpuint (govstats_unit_store_get_n_units (store), ==, n);
  for (guint i = 0; i < n; i++)
    check_unit (store, i);
  /* Found by key (the code), including the last one added. */
  for (guint i = 0; i < n; i += 997)
    {
      g_autofree char *code = unit_code (i);
      g_assert_cmpint (find (store, code), ==, (int) i);
    }
  {
    g_autofree char *last = unit_code (n - 1);
    g_assert_cmpint (find (store, last), ==, (int) n - 1);
  }
  g_assert_cmpint (find (store, "C99999-D99"), ==, -1);
  g_assert_cmpint (find (store, ""), ==, -1);
}

static void
test_big_store (void)
{
  check_big_store ();
}

/* With no usable temporary folder the store stays in memory, complete. */
static void
test_big_store_in_memory (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("TMPDIR", "/nonexistent/govstats-no-such-folder", TRUE);
      g_assert_cmpstr (g_get_tmp_dir (), ==, "/nonexistent/govstats-no-such-folder");
      check_big_store ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_missing_fields_and_keys (void)
{
  g_autoptr(GovstatsUnitStore) store = govstats_unit_store_new ();
  GovstatsStoreEntry e = { 5, -42 };
  struct { const char *code, *name, *file, *key; } units[] = {
    { "D01", "教育局", "d01.json", "D01" },
    { NULL, "某镇", "town.json", "某镇" },
    { NULL, NULL, "only-file.json", "only-file.json" },
    { NULL, NULL, NULL, "?" },
    { "", "", "", "" },        /* empty strings are not missing ones */
    { "D01", "教育局（重复）", "d01-again.json", "D01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    g_assert_cmpuint (govstats_unit_store_append (store, units[i].code, units[i].name, units[i].file,
                                                  GOVSTATS_UNIT_KIND_TOWN, 0, i % 2 ? &e : NULL, i % 2),
                      ==, i);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_auto(GovstatsUnitRecord) record = { 0 };
      g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (GovstatsStoreEntry));

      g_assert_true (govstats_unit_store_get (store, i, &record, entries, NULL));
      g_assert_cmpstr (record.code, ==, units[i].code);
      g_assert_cmpstr (record.name, ==, units[i].name);
      g_assert_cmpstr (record.file, ==, units[i].file);
      g_assert_cmpstr (govstats_unit_record_key (&record), ==, units[i].key);
      g_assert_cmpuint (entries->len, ==, i % 2);
      if (i % 2)
        {
          g_assert_cmpuint (g_array_index (entries, GovstatsStoreEntry, 0).cell, ==, 5);
          g_assert_cmpint (g_array_index (entries, GovstatsStoreEntry, 0).value, ==, -42);
        }
    }
  /* A key added twice: the first unit. */
  g_assert_cmpint (find (store, "D01"), ==, 0);
  g_assert_cmpint (find (store, "某镇"), ==, 1);
  g_assert_cmpint (find (store, "only-file.json"), ==, 2);
  g_assert_cmpint (find (store, "?"), ==, 3);
  g_assert_cmpint (find (store, ""), ==, 4);
  g_assert_cmpint (find (store, "教育局"), ==, -1);
}

/* Keys whose 32-bit FNV-1a hashes are equal: found apart by their text. */
static void
test_hash_collisions (void)
{
  g_autoptr(GovstatsUnitStore) store = govstats_unit_store_new ();

  govstats_unit_store_append (store, "costarring", NULL, NULL, GOVSTATS_UNIT_KIND_OTHER, 0, NULL, 0);
  govstats_unit_store_append (store, NULL, "altarage", NULL, GOVSTATS_UNIT_KIND_OTHER, 0, NULL, 0);
  g_assert_cmpint (find (store, "liquid"), ==, -1);
  g_assert_cmpint (find (store, "zinke"), ==, -1);
  govstats_unit_store_append (store, "liquid", NULL, NULL, GOVSTATS_UNIT_KIND_OTHER, 0, NULL, 0);
  govstats_unit_store_append (store, NULL, NULL, "zinke", GOVSTATS_UNIT_KIND_OTHER, 0, NULL, 0);
  g_assert_cmpint (find (store, "costarring"), ==, 0);
  g_assert_cmpint (find (store, "altarage"), ==, 1);
  g_assert_cmpint (find (store, "liquid"), ==, 2);
  g_assert_cmpint (find (store, "zinke"), ==, 3);
}

/* The temporary file stops taking data after 300,000 bytes (a file size
 * limit, as a full disk would): the rest of the records stay in memory, and
 * every unit still reads back whole, including the one cut in two. */
static void
test_file_fails_midway (void)
{
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 300000, 300000 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      check_big_store ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ---------- a consolidated report's sources, streamed to its file ---------- */

static GovstatsReport *
report_with_sources (GovstatsUnitStore **store_out,
                     guint               n)
{
  GovstatsReport *report = govstats_report_new (govstats_schema_get_for_version ("2021"));
  g_autoptr(GovstatsUnitStore) store = govstats_unit_store_new ();

  govstats_report_set_scope (report, GOVSTATS_SCOPE_AGGREGATE);
  govstats_report_set_year (report, 2021);
  govstats_report_set_unit_name (report, "样本县");
  govstats_report_set_value (report, "applications/received/total", 17);
  fill (store, n);
  /* One more unit after the report was made: not one of its sources. */
  govstats_unit_store_append (store, "LATE", "后来的单位", "late.json", GOVSTATS_UNIT_KIND_OTHER, 0, NULL, 0);
  govstats_report_set_source_store (report, store, n);
  if (store_out)
    *store_out = g_steal_pointer (&store);
  return report;
}

static void
test_sources_saved_streamed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("govstats-test-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "county.json", NULL);
  g_autoptr(GovstatsReport) report = report_with_sources (NULL, 20000);
  g_autoptr(GovstatsReport) loaded = NULL;
  g_autoptr(GovstatsReport) copy = NULL;
  g_autofree char *data = NULL;
  g_autofree char *saved = NULL;
  gsize length, saved_length;
  JsonArray *sources;

  g_assert_no_error (error);
  data = govstats_report_to_data (report, &length);
  /* Far more than one 64 KiB chunk of the writer. */
  g_assert_cmpuint (length, >, 1000000);
  g_assert_true (govstats_report_save_to_file (report, target, &error));
  g_assert_no_error (error);
  saved = test_read_file (target, &saved_length);
  g_assert_cmpuint (saved_length, ==, length);
  g_assert_true (memcmp (saved, data, length) == 0);
  g_assert_cmpuint (test_count_dir_entries (dir), ==, 1);

  loaded = govstats_report_new_from_file (target, &error);
  g_assert_no_error (error);
  sources = govstats_report_get_sources (loaded);
  g_assert_cmpuint (json_array_get_length (sources), ==, 20000);
  for (guint i = 0; i < 20000; i += 1999)
    {
      JsonObject *o = json_array_get_object_element (sources, i);
      g_autofree char *code = unit_code (i);
      g_autofree char *name = unit_name (i);
      g_autofree char *file = unit_file (i);
      g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, code);
      g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, name);
      g_assert_cmpstr (json_object_get_string_member (o, "file"), ==, file);
    }

  /* A copy shares the store and writes the same text; asking for the
   * sources as JSON gives the same list. */
  copy = govstats_report_copy (report);
  {
    g_autofree char *copy_data = govstats_report_to_data (copy, NULL);
    g_assert_cmpstr (copy_data, ==, data);
  }
  g_assert_cmpuint (json_array_get_length (govstats_report_get_sources (report)), ==, 20000);
  {
    g_autofree char *again = govstats_report_to_data (report, NULL);
    g_assert_cmpstr (again, ==, data);
  }
  test_remove_dir (dir);
}

/* The child of the test below: the limit cuts the streamed write short
 * after several chunks have gone to the temporary file. */
static void
save_big_with_size_limit (void)
{
  struct rlimit limit = { 200000, 200000 };
  const char *target = g_getenv ("GOVSTATS_TEST_SAVE_TARGET");
  g_autoptr(GovstatsReport) report = report_with_sources (NULL, 20000);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (target);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (govstats_report_save_to_file (report, target, &error));
  g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, target));
  g_assert_nonnull (strstr (error->message, "cannot write"));
}

static void
test_streamed_save_failure_keeps_old_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;

  if (g_test_subprocess ())
    {
      save_big_with_size_limit ();
      return;
    }
  dir = g_dir_make_tmp ("govstats-test-XXXXXX", &error);
  g_assert_no_error (error);
  target = g_build_filename (dir, "county.json", NULL);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_setenv ("GOVSTATS_TEST_SAVE_TARGET", target, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  contents = test_read_file (target, NULL);
  g_assert_cmpstr (contents, ==, "old");
  /* No temporary file left behind. */
  g_assert_cmpuint (test_count_dir_entries (dir), ==, 1);
  test_remove_dir (dir);
}

/* If the file cannot be read back, every reader says so: no unit is taken
 * for missing, no list is written short. */
static void
test_unreadable_file (void)
{
  g_autoptr(GovstatsUnitStore) store = NULL;
  g_autoptr(GovstatsReport) report = report_with_sources (&store, 20000);
  g_auto(GovstatsUnitRecord) record = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("govstats-test-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "county.json", NULL);
  guint index = 0;

  govstats_unit_store_break_file_for_testing (store);
  g_assert_false (govstats_unit_store_get (store, 0, &record, NULL, &error));
  g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "temporary store"));
  g_clear_error (&error);
  g_assert_false (govstats_unit_store_find (store, "C00000-D00", &index, &error));
  g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO);
  g_assert_cmpuint (index, ==, G_MAXUINT);
  g_clear_error (&error);
  /* The last unit is still in the write buffer, not in the file. */
  {
    g_auto(GovstatsUnitRecord) late = { 0 };
    g_assert_true (govstats_unit_store_get (store, 20000, &late, NULL, NULL));
    g_assert_cmpstr (late.code, ==, "LATE");
  }

  g_assert_false (govstats_report_save_to_file (report, target, &error));
  g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (test_count_dir_entries (dir), ==, 0);
  g_clear_error (&error);

  g_test_expect_message ("Govstats", G_LOG_LEVEL_CRITICAL, "*cannot read the consolidation's temporary store*");
  g_assert_null (govstats_report_get_sources (report));
  g_test_assert_expected_messages ();
  /* Still not written short later on. */
  g_assert_false (govstats_report_save_to_file (report, target, &error));
  g_assert_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO);
  test_remove_dir (dir);
}

/* set_sources() replaces the store's list; the same store set again is kept. */
static void
test_set_sources_replaces_store (void)
{
  g_autoptr(GovstatsUnitStore) store = NULL;
  g_autoptr(GovstatsReport) report = report_with_sources (&store, 100);
  g_autoptr(JsonArray) one = json_array_new ();
  JsonObject *o = json_object_new ();
  g_autofree char *data = NULL;

  govstats_report_set_source_store (report, store, 3);
  g_clear_pointer (&store, govstats_unit_store_unref);
  /* The report now holds the last reference. */
  {
    GovstatsUnitStore *again = govstats_unit_store_new ();
    govstats_unit_store_append (again, "X1", "甲", "x1.json", GOVSTATS_UNIT_KIND_TOWN, 0, NULL, 0);
    govstats_report_set_source_store (report, again, 1);
    govstats_unit_store_unref (again);
  }
  g_assert_cmpuint (json_array_get_length (govstats_report_get_sources (report)), ==, 1);

  json_object_set_string_member (o, "code", "Z9");
  json_array_add_object_element (one, o);
  govstats_report_set_sources (report, one);
  data = govstats_report_to_data (report, NULL);
  g_assert_nonnull (strstr (data, "\"Z9\""));
  g_assert_null (strstr (data, "\"X1\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/unit-store/big", test_big_store);
  g_test_add_func ("/unit-store/big-in-memory", test_big_store_in_memory);
  g_test_add_func ("/unit-store/missing-fields-and-keys", test_missing_fields_and_keys);
  g_test_add_func ("/unit-store/hash-collisions", test_hash_collisions);
  g_test_add_func ("/unit-store/file-fails-midway", test_file_fails_midway);
  g_test_add_func ("/unit-store/unreadable-file", test_unreadable_file);
  g_test_add_func ("/unit-store/set-sources-replaces-store", test_set_sources_replaces_store);
  g_test_add_func ("/unit-store/sources-saved-streamed", test_sources_saved_streamed);
  g_test_add_func ("/unit-store/streamed-save-failure-keeps-old-file", test_streamed_save_failure_keeps_old_file);
  return g_test_run ();
}
