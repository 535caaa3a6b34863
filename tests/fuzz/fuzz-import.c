/* fuzz-import.c — the importer must not crash, whatever text or HTML it reads
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Two ways to run it:
 *
 * - with libFuzzer (clang -fsanitize=fuzzer, -DGOVSTATS_LIBFUZZER): the
 *   usual LLVMFuzzerTestOneInput entry point;
 * - standalone (the default, and the meson test of the 'fuzz' suite): a small
 *   mutator seeded from the command line takes the fixtures (files or
 *   folders given as arguments), mutates them for a bounded time and feeds
 *   every mutant to the same entry point. Under the ASan build of CI this is
 *   a crash and leak check of every code path of the text and HTML readers.
 *
 *     fuzz-import [--seconds N] [--seed S] [--iterations N] SEED_FILE_OR_DIR…
 *
 * PDF input is left to poppler's own fuzzing: only text and HTML are fed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <govstats/govstats.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
import_once (const uint8_t       *data,
             size_t               size,
             GovstatsImportFormat format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GovstatsReport) report = NULL;

  report = govstats_import_data ((const char *) data, (gssize) size, format, "fuzz.txt", &findings, &error);
  if (report != NULL)
    {
      /* Everything a caller does next must work on what came out. */
      g_autofree char *json = govstats_report_to_data (report, NULL);
      g_autoptr(GPtrArray) checked = govstats_report_check (report, NULL);
      g_assert_nonnull (json);
      g_assert_nonnull (findings);
      g_assert_nonnull (checked);
    }
  else
    g_assert_nonnull (error);
}

/* With --report, the inputs are report files: whatever loads must save and
 * load again to the same text (the round trip keeps everything). */
static gboolean report_mode;

static void
load_report_once (const uint8_t *data,
                  size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovstatsReport) report = govstats_report_new_from_data ((const char *) data, (gssize) size, &error);

  if (report != NULL)
    {
      g_autofree char *json = govstats_report_to_data (report, NULL);
      g_autoptr(GovstatsReport) again = govstats_report_new_from_data (json, -1, &error);
      g_autofree char *json_again = NULL;

      g_assert_no_error (error);
      json_again = govstats_report_to_data (again, NULL);
      g_assert_cmpstr (json, ==, json_again);
    }
  else
    g_assert_nonnull (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (report_mode)
    {
      load_report_once (data, size);
      return 0;
    }
  /* Inputs that start like a PDF would be read as PDF by AUTO. */
  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return 0;
  import_once (data, size, GOVSTATS_IMPORT_FORMAT_TEXT);
  import_once (data, size, GOVSTATS_IMPORT_FORMAT_HTML);
  return 0;
}

#ifndef GOVSTATS_LIBFUZZER

/* Pieces the readers care about, inserted by the mutator. */
static const char * const tokens[] = {
  "（一）", "(一)", "（一、", "一、", "三、", "1.", "1、", "1．", "（六）其他处理", "（七）总计",
  "四、结转下年度继续办理", "1.属于国家秘密", "（三）不", "予公开", "本", "年", "第二十条第（一）项",
  "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况", "规章", "行政规范性文件", "本年制发件数", "本年新制作数量", "总计", "自然人",
  "结果维持", "行政复议", "复议后起诉", "-3-", "第3页", "\f", "\t", " | ", "||", "\n\n", "    ", "  ",
  "—", "-", "/", "+14", "−3", "增3", "减3", "22（其中修订 16 件）", "251000元", "4068.208", "96171.6",
  "99999999999999999999999", "0", "3119", "（", "）", "“", "”", "、", "，",
  "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=\"3\">", "<td rowspan=\"2\">",
  "<td colspan=999999>", "<br>", "<!--", "-->", "<script>", "</script>", "&nbsp;", "&#8722;", "&#x4e00;",
  "&#xD800;", "&#0;", "&amp", "<", ">", "\"", "'", "\xEF\xBB\xBF", "\xE4\xB8", "\xFF", "\0",
  /* For report files. */
  "{", "}", "[", "]", ":", ",", "null", "true", "\"value\"", "\"note\"", "{\"value\": 1}", "1e400", "-0",
  "1.5", "1e2", "9223372036854775808", "\\u0000", "\\ud800", "\\\"", "\"tables\"", "\"version\"",
  "\"2019\"", "\"2021\"", "\"other\"", "\"withheld\"", "//", "/*",
};

typedef struct {
  char  *data;
  gsize  length;
} Seed;

static void
add_seed_file (GArray     *seeds,
               const char *path)
{
  Seed seed;

  if (g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".json") != report_mode)
    return;
  if (!g_file_get_contents (path, &seed.data, &seed.length, NULL))
    return;
  g_array_append_val (seeds, seed);
}

static void
add_seeds (GArray     *seeds,
           const char *path)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* ../shared/real-reports is only beside the source tree on the
       * project's own machines: a fresh clone fuzzes from its fixtures. */
      printf ("# %s is not there: no seeds from it\n", path);
      return;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
            add_seed_file (seeds, child);
        }
    }
  else
    add_seed_file (seeds, path);
}

static void
bytes_insert (GByteArray    *buf,
              guint          pos,
              const guint8  *data,
              gsize          n)
{
  guint old = buf->len;

  g_byte_array_set_size (buf, old + (guint) n);
  memmove (buf->data + pos + n, buf->data + pos, old - pos);
  memcpy (buf->data + pos, data, n);
}

/* One mutation of @buf, in place. */
static void
mutate (GRand      *rand,
        GByteArray *buf,
        GArray     *seeds)
{
  guint len = buf->len;
  guint op = (guint) g_rand_int_range (rand, 0, 9);
  guint pos = len ? (guint) g_rand_int_range (rand, 0, (gint32) len) : 0;

  switch (op)
    {
    case 0: /* flip a byte */
      if (len)
        buf->data[pos] ^= (guint8) (1u << g_rand_int_range (rand, 0, 8));
      break;
    case 1: /* random byte */
      if (len)
        buf->data[pos] = (guint8) g_rand_int_range (rand, 0, 256);
      break;
    case 2: /* delete a range */
      if (len)
        {
          guint n = (guint) g_rand_int_range (rand, 1, (gint32) MIN (len - pos, 64) + 1);
          g_byte_array_remove_range (buf, pos, n);
        }
      break;
    case 3: /* delete a line */
      if (len)
        {
          guint start = pos, end = pos;
          while (start > 0 && buf->data[start - 1] != '\n')
            start--;
          while (end < len && buf->data[end] != '\n')
            end++;
          g_byte_array_remove_range (buf, start, MIN (end + 1, len) - start);
        }
      break;
    case 4: /* insert a token */
    case 5:
      {
        const char *t = tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))];
        gsize n = t[0] ? strlen (t) : 1;
        bytes_insert (buf, pos, (const guint8 *) t, n);
      }
      break;
    case 6: /* duplicate a range */
      if (len)
        {
          guint n = (guint) g_rand_int_range (rand, 1, (gint32) MIN (len - pos, 256) + 1);
          g_autofree guint8 *copy = g_memdup2 (buf->data + pos, n);
          guint at = (guint) g_rand_int_range (rand, 0, (gint32) len + 1);
          bytes_insert (buf, at, copy, n);
        }
      break;
    case 7: /* splice a piece of another seed */
      if (seeds->len)
        {
          Seed *s = &g_array_index (seeds, Seed, g_rand_int_range (rand, 0, (gint32) seeds->len));
          if (s->length)
            {
              guint from = (guint) g_rand_int_range (rand, 0, (gint32) s->length);
              guint n = (guint) g_rand_int_range (rand, 1, (gint32) MIN (s->length - from, 512) + 1);
              bytes_insert (buf, pos, (const guint8 *) s->data + from, n);
            }
        }
      break;
    default: /* a digit becomes another number */
      for (guint i = pos; i < len; i++)
        if (g_ascii_isdigit (buf->data[i]))
          {
            char number[24];
            int k = g_snprintf (number, sizeof number, "%d", g_rand_int_range (rand, 0, 100000));
            buf->data[i] = (guint8) number[0];
            if (k > 1)
              bytes_insert (buf, i + 1, (const guint8 *) number + 1, (guint) k - 1);
            break;
          }
      break;
    }
  /* Keep inputs small enough for many iterations. */
  if (buf->len > 256 * 1024)
    g_byte_array_set_size (buf, 256 * 1024);
}

int
main (int    argc,
      char **argv)
{
  double seconds = 10;
  gint64 iterations = -1;
  guint32 seed = 1;
  g_autoptr(GArray) seeds = g_array_new (FALSE, FALSE, sizeof (Seed));
  g_autoptr(GRand) rand = NULL;
  gint64 start, done = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--seconds") && i + 1 < argc)
        seconds = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        seed = (guint32) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--iterations") && i + 1 < argc)
        iterations = g_ascii_strtoll (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--report"))
        report_mode = TRUE;
      else if (g_str_equal (argv[i], "--help"))
        {
          printf ("Usage: %s [--report] [--seconds N] [--seed S] [--iterations N] SEED_FILE_OR_DIR…\n", argv[0]);
          return 0;
        }
      else
        add_seeds (seeds, argv[i]);
    }
  if (seeds->len == 0)
    {
      /* Something to start from even without fixtures. */
      static const char fallback[] = "第二十条第（一）项\n信息内容  本年制发件数  本年废止件数  现行有效件数\n规章  1  0  11\n";
      Seed s = { g_strdup (fallback), sizeof fallback - 1 };
      g_array_append_val (seeds, s);
    }
  rand = g_rand_new_with_seed (seed);
  printf ("# %s: %u seeds, seed %u, %.0f s\n", report_mode ? "fuzz-report" : "fuzz-import", seeds->len, seed, seconds);

  /* The seeds themselves first. */
  for (guint i = 0; i < seeds->len; i++)
    {
      Seed *s = &g_array_index (seeds, Seed, i);
      LLVMFuzzerTestOneInput ((const uint8_t *) s->data, s->length);
    }

  start = g_get_monotonic_time ();
  while ((iterations < 0 || done < iterations) &&
         (iterations >= 0 || (g_get_monotonic_time () - start) < (gint64) (seconds * G_USEC_PER_SEC)))
    {
      Seed *s = &g_array_index (seeds, Seed, g_rand_int_range (rand, 0, (gint32) seeds->len));
      g_autoptr(GByteArray) buf = g_byte_array_sized_new ((guint) s->length + 64);
      guint n = (guint) g_rand_int_range (rand, 1, 9);

      g_byte_array_append (buf, (const guint8 *) s->data, (guint) s->length);
      for (guint k = 0; k < n; k++)
        mutate (rand, buf, seeds);
      LLVMFuzzerTestOneInput (buf->data, buf->len);
      done++;
    }
  printf ("# %s: %" G_GINT64_FORMAT " mutated inputs in %.1f s, no crash\n", report_mode ? "fuzz-report" : "fuzz-import", done,
          (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  for (guint i = 0; i < seeds->len; i++)
    g_free (g_array_index (seeds, Seed, i).data);
  printf (report_mode ? "1..1\nok 1 /govstats/fuzz/report\n" : "1..1\nok 1 /govstats/fuzz/import\n");
  return 0;
}
#endif
