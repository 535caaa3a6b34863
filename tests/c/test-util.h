/* test-util.h — helpers shared by the C test programs (header only)
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <string.h>
#include <glib/gstdio.h>
#include <govstats/govstats.h>

G_BEGIN_DECLS

/* The corpus directory: $GOVSTATS_TEST_DATA (set by `meson test`), else the
 * source tree path compiled in, so the programs also run by hand. */
static inline const char *
test_data_dir (void)
{
  const char *dir = g_getenv ("GOVSTATS_TEST_DATA");

  if (dir != NULL && *dir != '\0')
    return dir;
#ifdef GOVSTATS_TEST_DATA_DEFAULT
  return GOVSTATS_TEST_DATA_DEFAULT;
#else
  return "tests/data";
#endif
}

/* $GOVSTATS_TEST_DATA/<first>/<…>, NULL-terminated like g_build_filename(). */
static inline char *
test_data_path (const char *first,
                ...)
{
  va_list args;
  GPtrArray *parts = g_ptr_array_new ();
  const char *p;
  char *path;

  g_ptr_array_add (parts, (gpointer) test_data_dir ());
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  while ((p = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_unref (parts);
  return path;
}

static inline int
test_compare_strings (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names of the regular files in @dir ending in @suffix (NULL for any),
 * sorted, so test paths come out in a stable order. */
static inline GPtrArray *
test_list_dir (const char *dir,
               const char *suffix)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return names;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && name[0] != '.' &&
          (suffix == NULL || g_str_has_suffix (name, suffix)))
        g_ptr_array_add (names, g_strdup (name));
      g_free (path);
    }
  g_dir_close (d);
  g_ptr_array_sort (names, test_compare_strings);
  return names;
}

/* The GovstatsError code named before "--" in a corpus file name:
 * "OUT_OF_RANGE--count-over-64-bits.json" → GOVSTATS_ERROR_OUT_OF_RANGE. */
static inline gboolean
test_error_code_from_name (const char *basename,
                           int        *code)
{
  const char *sep = strstr (basename, "--");
  GEnumClass *klass;
  GEnumValue *value;
  char *prefix, *enum_name;

  if (sep == NULL || sep == basename)
    return FALSE;
  prefix = g_strndup (basename, (gsize) (sep - basename));
  enum_name = g_strconcat ("GOVSTATS_ERROR_", prefix, NULL);
  klass = g_type_class_ref (GOVSTATS_TYPE_ERROR);
  value = g_enum_get_value_by_name (klass, enum_name);
  if (value != NULL)
    *code = value->value;
  g_type_class_unref (klass);
  g_free (enum_name);
  g_free (prefix);
  return value != NULL;
}

static inline const char *
test_error_code_name (int code)
{
  GEnumClass *klass = g_type_class_ref (GOVSTATS_TYPE_ERROR);
  GEnumValue *value = g_enum_get_value (klass, code);
  const char *name = value ? value->value_name : "(not a GovstatsError code)";

  g_type_class_unref (klass);
  return name;
}

/* Reads a whole file or fails the test. */
static inline char *
test_read_file (const char *path,
                gsize      *length)
{
  GError *error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* Counts the entries of a folder. */
static inline guint
test_count_dir_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Removes a folder and everything in it. */
static inline void
test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        test_remove_dir (path);
      else
        g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Parses JSON independently of libgovstats (JSON-GLib directly), skipping a
 * UTF-8 byte order mark. */
static inline JsonNode *
test_parse_json (const char *data,
                 gsize       length)
{
  JsonParser *parser = json_parser_new ();
  GError *error = NULL;
  JsonNode *root;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  json_parser_load_from_data (parser, data, (gssize) length, &error);
  g_assert_no_error (error);
  root = json_node_copy (json_parser_get_root (parser));
  g_object_unref (parser);
  return root;
}

/* Loads a report, asserting success and a byte-identical second round trip:
 * to_data → new_from_data → to_data. Returns the report. */
static inline GovstatsReport *
test_load_and_round_trip (const char *path,
                          char      **out_data)
{
  GError *error = NULL;
  GovstatsReport *report, *again;
  char *first, *second;
  gsize first_len = 0, second_len = 0;

  report = govstats_report_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  first = govstats_report_to_data (report, &first_len);
  g_assert_nonnull (first);
  g_assert_cmpuint (first_len, ==, strlen (first));
  g_assert_true (g_utf8_validate (first, (gssize) first_len, NULL));

  again = govstats_report_new_from_data (first, (gssize) first_len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  second = govstats_report_to_data (again, &second_len);
  g_assert_cmpstr (second, ==, first);
  g_assert_cmpuint (second_len, ==, first_len);

  g_free (second);
  g_object_unref (again);
  if (out_data)
    *out_data = first;
  else
    g_free (first);
  return report;
}

G_END_DECLS
