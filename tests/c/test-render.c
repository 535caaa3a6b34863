/* test-render.c — govstats_report_render: golden files, alignment, escaping,
 * blank cells, the printed layout, highlighting, the govstats render command
 *
 * Golden files live beside their inputs in tests/data/render/ as
 * NAME.FORMAT.expected. To rewrite them after a deliberate change of the
 * output, run with GOVSTATS_UPDATE_GOLDEN=1 and review the diff.
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>
#include <sys/wait.h>

#include "test-util.h"

/* ---------- helpers ---------- */

/* The source tree: $GOVSTATS_SOURCE_ROOT (set by `meson test`), else two
 * levels above the corpus. */
static char *
source_path (const char *relative)
{
  const char *root = g_getenv ("GOVSTATS_SOURCE_ROOT");

  if (root != NULL && *root != '\0')
    return g_build_filename (root, relative, NULL);
  return g_build_filename (test_data_dir (), "..", "..", relative, NULL);
}

/* An input is a file of tests/data/render/, or of the source tree when it
 * starts with "@". */
static char *
input_path (const char *input)
{
  if (input[0] == '@')
    return source_path (input + 1);
  return test_data_path ("render", input, NULL);
}

static GovstatsReport *
load_input (const char *input)
{
  g_autofree char *path = input_path (input);
  GError *error = NULL;
  GovstatsReport *report = govstats_report_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static GovstatsReport *
new_report (const char *version)
{
  GError *error = NULL;
  GovstatsReport *report = govstats_report_new_for_version (version, &error);

  g_assert_no_error (error);
  return report;
}

/* Reference display width, independent of the library: wide and full-width
 * characters 2, zero-width 0, the rest 1. */
static guint
reference_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* Every run of table lines ("+…" or "|…") has one display width, and its
 * column separators sit at the same display columns on every line. */
static void
assert_tables_aligned (const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint n_tables = 0;

  for (guint i = 0; lines[i];)
    {
      guint width, first = i;

      if (lines[i][0] != '+' && lines[i][0] != '|')
        {
          i++;
          continue;
        }
      n_tables++;
      width = reference_width (lines[i]);
      for (; lines[i] && (lines[i][0] == '+' || lines[i][0] == '|'); i++)
        {
          if (reference_width (lines[i]) != width)
            g_error ("table line %u is %u columns wide, line %u is %u:\n%s\n%s",
                     first + 1, width, i + 1, reference_width (lines[i]), lines[first], lines[i]);
          g_assert_true (g_str_has_suffix (lines[i], "+") || g_str_has_suffix (lines[i], "|"));
        }
    }
  g_assert_cmpuint (n_tables, >, 0);
}

static guint
count_substrings (const char *haystack,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The text of the first line of @output containing @needle. */
static char *
line_containing (const char *output,
                 const char *needle)
{
  const char *hit = strstr (output, needle);
  const char *start, *end;

  if (hit == NULL)
    return NULL;
  for (start = hit; start > output && start[-1] != '\n'; start--)
    ;
  end = strchr (hit, '\n');
  return g_strndup (start, end ? (gsize) (end - start) : strlen (start));
}

/* The cells of a text or Markdown table line, trimmed. */
static GStrv
table_fields (const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, "|", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv fields;

  /* Drop what is before the first and after the last bar. */
  for (guint i = 1; parts[i] && parts[i + 1]; i++)
    g_strv_builder_add (builder, g_strstrip (parts[i]));
  fields = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return fields;
}

/* The HTML element (start tag to end tag) of the td with @path. */
static char *
html_cell (const char *html,
           const char *path)
{
  g_autofree char *needle = g_strdup_printf ("<td data-path=\"%s\"", path);
  const char *start = strstr (html, needle);
  const char *end;

  if (start == NULL)
    return NULL;
  end = strstr (start, "</td>");
  g_assert_nonnull (end);
  return g_strndup (start, (gsize) (end - start) + strlen ("</td>"));
}

/* ---------- golden files ---------- */

typedef struct {
  const char           *input;
  const char           *name;
  const char           *suffix;
  GovstatsRenderFormat  format;
  const char           *lang;
  GovstatsRenderFlags   flags;
} Golden;

static const struct {
  const char *input;
  const char *name;
} golden_inputs[] = {
  { "small-2019.json", "small-2019" },
  { "small-2021.json", "small-2021" },
  { "aggregate-2021.json", "aggregate-2021" },
  { "@examples/data/2020/units/D01.json", "example-2020-D01" },
  { "@examples/data/2021/units/D01.json", "example-2021-D01" },
};

static const struct {
  const char           *suffix;
  GovstatsRenderFormat  format;
  GovstatsRenderFlags   flags;
} golden_formats[] = {
  { "text", GOVSTATS_RENDER_FORMAT_TEXT, GOVSTATS_RENDER_FLAGS_NONE },
  { "md", GOVSTATS_RENDER_FORMAT_MARKDOWN, GOVSTATS_RENDER_FLAGS_NONE },
  { "html", GOVSTATS_RENDER_FORMAT_HTML, GOVSTATS_RENDER_FLAGS_STANDALONE },
  { "csv", GOVSTATS_RENDER_FORMAT_CSV, GOVSTATS_RENDER_FLAGS_NONE },
  { "wide.csv", GOVSTATS_RENDER_FORMAT_CSV_WIDE, GOVSTATS_RENDER_FLAGS_NONE },
};

/* English renderings of the two layouts. */
static const Golden golden_english[] = {
  { "small-2019.json", "small-2019", "en.text", GOVSTATS_RENDER_FORMAT_TEXT, "en", GOVSTATS_RENDER_FLAGS_NONE },
  { "small-2021.json", "small-2021", "en.md", GOVSTATS_RENDER_FORMAT_MARKDOWN, "en", GOVSTATS_RENDER_FLAGS_NONE },
  { "small-2021.json", "small-2021", "en.html", GOVSTATS_RENDER_FORMAT_HTML, "en", GOVSTATS_RENDER_FLAGS_STANDALONE },
  { "small-2021.json", "small-2021", "en.wide.csv", GOVSTATS_RENDER_FORMAT_CSV_WIDE, "en", GOVSTATS_RENDER_FLAGS_NONE },
};

static void
report_first_difference (const char *expected,
                         const char *actual,
                         const char *golden)
{
  g_auto(GStrv) e = g_strsplit (expected, "\n", -1);
  g_auto(GStrv) a = g_strsplit (actual, "\n", -1);
  guint i;

  for (i = 0; e[i] && a[i] && g_str_equal (e[i], a[i]); i++)
    ;
  g_error ("%s differs at line %u:\n  expected: %s\n  actual:   %s\n"
           "(GOVSTATS_UPDATE_GOLDEN=1 rewrites the golden files)",
           golden, i + 1, e[i] ? e[i] : "(end of file)", a[i] ? a[i] : "(end of output)");
}

static void
test_golden (gconstpointer data)
{
  const Golden *g = data;
  g_autoptr(GovstatsReport) report = load_input (g->input);
  g_autofree char *basename = g_strdup_printf ("%s.%s.expected", g->name, g->suffix);
  g_autofree char *golden = test_data_path ("render", basename, NULL);
  g_autofree char *actual = govstats_report_render (report, g->format, g->lang, NULL, g->flags);
  g_autofree char *expected = NULL;
  GError *error = NULL;

  g_assert_nonnull (actual);
  g_assert_true (g_utf8_validate (actual, -1, NULL));
  if (g_strcmp0 (g_getenv ("GOVSTATS_UPDATE_GOLDEN"), "1") == 0)
    {
      g_file_set_contents (golden, actual, -1, &error);
      g_assert_no_error (error);
    }
  if (!g_file_get_contents (golden, &expected, NULL, &error))
    g_error ("%s: %s (GOVSTATS_UPDATE_GOLDEN=1 writes it)", golden, error->message);
  if (!g_str_equal (expected, actual))
    report_first_difference (expected, actual, golden);

  if (g->format == GOVSTATS_RENDER_FORMAT_TEXT || g->format == GOVSTATS_RENDER_FORMAT_MARKDOWN)
    assert_tables_aligned (actual);
}

/* ---------- display width ---------- */

static const struct {
  const char *text;
  gssize      length;
  guint       width;
} width_cases[] = {
  { "", -1, 0 },
  { "abc", -1, 3 },
  { "汉字", -1, 4 },
  { "（一）予以公开", -1, 14 },
  { "１２３", -1, 6 },                 /* full-width digits */
  { "ｱｲ", -1, 2 },                     /* half-width katakana */
  { "e\xCC\x81", -1, 1 },              /* e + combining acute accent */
  { "a\xE2\x80\x8B" "b", -1, 2 },      /* zero-width space */
  { "한국", -1, 4 },
  { "3.危及“三安全一稳定”", -1, 20 },  /* curly quotes are narrow (ambiguous) */
  { "汉字abc", 3, 2 },                 /* only the first character */
  { "\xFF" "ab", -1, 3 },              /* a byte that is not UTF-8 counts one */
  { "613.5241", -1, 8 },
};

static void
test_display_width (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (width_cases); i++)
    {
      guint width = govstats_render_display_width (width_cases[i].text, width_cases[i].length);

      if (width != width_cases[i].width)
        g_error ("width of “%s” (%" G_GSSIZE_FORMAT "): expected %u, got %u",
                 width_cases[i].text, width_cases[i].length, width_cases[i].width, width);
    }
}

/* Every table of both layouts, in Chinese and English, lines up. */
static void
test_aligned (void)
{
  const char *inputs[] = { "small-2019.json", "small-2021.json", "aggregate-2021.json" };
  const char *langs[] = { "zh", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autoptr(GovstatsReport) report = load_input (inputs[i]);
        g_autofree char *text = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_TEXT, langs[l], NULL, 0);
        g_autofree char *md = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_MARKDOWN, langs[l], NULL, 0);

        assert_tables_aligned (text);
        assert_tables_aligned (md);
      }
}

/* A wide header over narrow columns, a CJK note in a numeric column: the
 * column separators stay at the same display column on every line. */
static void
test_aligned_separators (void)
{
  g_autoptr(GovstatsReport) report = load_input ("small-2019.json");
  g_autofree char *text = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_TEXT, "zh", NULL, 0);
  g_autofree char *header = line_containing (text, "| 信息内容   |");
  g_autofree char *row = line_containing (text, "| 规范性文件 |");
  g_auto(GStrv) h = NULL;
  g_auto(GStrv) r = NULL;
  guint hw = 0, rw = 0;

  g_assert_nonnull (header);
  g_assert_nonnull (row);
  h = g_strsplit (header, "|", -1);
  r = g_strsplit (row, "|", -1);
  g_assert_cmpuint (g_strv_length (h), ==, g_strv_length (r));
  for (guint i = 0; h[i] && r[i]; i++)
    {
      hw += reference_width (h[i]) + 1;
      rw += reference_width (r[i]) + 1;
      g_assert_cmpuint (hw, ==, rw);
    }
  g_assert_nonnull (strstr (row, "| 22（其中修订 16 件） |"));
}

/* ---------- values ---------- */

static void
test_blank_vs_zero (void)
{
  g_autoptr(GovstatsReport) report = new_report ("2021");
  g_autofree char *text = NULL, *md = NULL, *html = NULL, *csv = NULL, *wide = NULL;
  g_autofree char *line = NULL, *zero = NULL, *blank = NULL;
  g_auto(GStrv) fields = NULL;

  govstats_report_set_value (report, "applications/received/natural_person", 0);
  govstats_report_set_value (report, "applications/received/total", 0);

  text = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_TEXT, "zh", NULL, 0);
  line = line_containing (text, "一、本年新收政府信息公开申请数量");
  fields = table_fields (line);
  g_assert_cmpuint (g_strv_length (fields), ==, 8);
  g_assert_cmpstr (fields[1], ==, "0");
  for (guint i = 2; i < 7; i++)
    g_assert_cmpstr (fields[i], ==, "");
  g_assert_cmpstr (fields[7], ==, "0");
  g_clear_pointer (&fields, g_strfreev);
  g_clear_pointer (&line, g_free);

  md = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_MARKDOWN, "zh", NULL, 0);
  line = line_containing (md, "一、本年新收政府信息公开申请数量");
  fields = table_fields (line);
  g_assert_cmpstr (fields[1], ==, "0");
  g_assert_cmpstr (fields[2], ==, "");

  html = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_HTML, "zh", NULL, 0);
  zero = html_cell (html, "applications/received/natural_person");
  blank = html_cell (html, "applications/received/commercial");
  g_assert_cmpstr (zero, ==, "<td data-path=\"applications/received/natural_person\">0</td>");
  g_assert_cmpstr (blank, ==, "<td data-path=\"applications/received/commercial\" class=\"govstats-blank\"></td>");

  csv = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_CSV, "zh", NULL, 0);
  g_assert_nonnull (strstr (csv, "\r\napplications,received,natural_person,一、本年新收政府信息公开申请数量 / 自然人,0\r\n"));
  g_assert_nonnull (strstr (csv, "\r\napplications,received,commercial,一、本年新收政府信息公开申请数量 / 法人或其他组织 · 商业企业,\r\n"));

  wide = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_CSV_WIDE, "zh", NULL, 0);
  g_assert_nonnull (strstr (wide, "\r\n一、本年新收政府信息公开申请数量,0,,,,,,0\r\n"));
  g_assert_nonnull (strstr (wide, "\r\n二、上年结转政府信息公开申请数量,,,,,,,\r\n"));
}

/* Amounts and large counts print exactly, as stored. */
static void
test_exact_values (void)
{
  g_autoptr(GovstatsReport) report = new_report ("2021");
  GError *error = NULL;
  const char *formats_have[] = { "4068.208", "9007199254740993" };
  GovstatsRenderFormat formats[] = {
    GOVSTATS_RENDER_FORMAT_TEXT, GOVSTATS_RENDER_FORMAT_MARKDOWN, GOVSTATS_RENDER_FORMAT_HTML,
    GOVSTATS_RENDER_FORMAT_CSV, GOVSTATS_RENDER_FORMAT_CSV_WIDE,
  };

  govstats_report_set_value_text (report, "art20_8/fees/amount", "4068.208", &error);
  g_assert_no_error (error);
  govstats_report_set_value_text (report, "art20_5/licensing/decisions", "9007199254740993", &error);
  g_assert_no_error (error);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *out = govstats_report_render (report, formats[f], "zh", NULL, 0);

      for (guint k = 0; k < G_N_ELEMENTS (formats_have); k++)
        if (strstr (out, formats_have[k]) == NULL)
          g_error ("format %u lost the exact value %s", formats[f], formats_have[k]);
      g_assert_null (strstr (out, "4068.2080"));
      g_assert_null (strstr (out, "9007199254740992"));
    }
}

/* Group rows print as labels without numbers; their sub-rows below. */
static void
test_group_rows (void)
{
  g_autoptr(GovstatsReport) report = load_input ("@examples/data/2021/units/D01.json");
  g_autofree char *text = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_TEXT, "zh", NULL, 0);
  GovstatsSchema *schema = govstats_report_get_schema (report);
  const char * const *rows = govstats_schema_get_row_keys (schema, "applications");
  guint n_groups = 0;

  for (guint i = 0; rows[i]; i++)
    {
      const char *label = govstats_schema_get_row_label (schema, "applications", rows[i], "zh");
      g_autofree char *line = line_containing (text, label);
      g_auto(GStrv) fields = NULL;

      g_assert_nonnull (line);
      fields = table_fields (line);
      g_assert_cmpuint (g_strv_length (fields), ==, 8);
      for (guint c = 1; c < 8; c++)
        {
          if (govstats_schema_row_is_group (schema, "applications", rows[i]))
            g_assert_cmpstr (fields[c], ==, "");
          else
            g_assert_cmpstr (fields[c], !=, "");
        }
      n_groups += govstats_schema_row_is_group (schema, "applications", rows[i]);
    }
  g_assert_cmpuint (n_groups, ==, 4);
}

/* The 2021 （六）其他处理 prints as the report uses it. */
static void
test_legacy_other_row (void)
{
  GError *error = NULL;
  g_autoptr(GovstatsReport) single = load_input ("small-2021.json");
  g_autoptr(GovstatsReport) split = load_input ("aggregate-2021.json");
  g_autoptr(GovstatsReport) both = govstats_report_copy (single);
  g_autofree char *t_single = govstats_report_render (single, GOVSTATS_RENDER_FORMAT_TEXT, "zh", NULL, 0);
  g_autofree char *t_split = govstats_report_render (split, GOVSTATS_RENDER_FORMAT_TEXT, "zh", NULL, 0);
  g_autofree char *h_single = govstats_report_render (single, GOVSTATS_RENDER_FORMAT_HTML, "zh", NULL, 0);
  g_autofree char *h_split = govstats_report_render (split, GOVSTATS_RENDER_FORMAT_HTML, "zh", NULL, 0);
  g_autofree char *t_both = NULL, *h_both = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) fields = NULL;

  /* The single 2019-style row, with its numbers, no sub-rows. */
  line = line_containing (t_single, "（六）其他处理");
  fields = table_fields (line);
  g_assert_cmpstr (fields[1], ==, "2");
  g_assert_cmpstr (fields[7], ==, "2");
  g_assert_null (strstr (t_single, "3.其他"));
  g_assert_nonnull (strstr (h_single, "<th scope=\"row\" colspan=\"2\">（六）其他处理</th>"));
  g_assert_nonnull (strstr (h_single, "data-path=\"applications/other/total\""));
  g_assert_null (strstr (h_single, "data-path=\"applications/other.misc/total\""));
  g_assert_nonnull (strstr (h_single, "class=\"govstats-printed-group\" scope=\"rowgroup\" rowspan=\"20\""));
  g_clear_pointer (&fields, g_strfreev);
  g_clear_pointer (&line, g_free);

  /* The 2021 group: a label, then its three sub-rows. */
  line = line_containing (t_split, "（六）其他处理");
  fields = table_fields (line);
  g_assert_cmpstr (fields[1], ==, "");
  g_assert_nonnull (strstr (t_split, "3.其他"));
  g_assert_nonnull (strstr (h_split, "<th class=\"govstats-group\" scope=\"rowgroup\" rowspan=\"3\">（六）其他处理</th>"));
  g_assert_null (strstr (h_split, "data-path=\"applications/other/total\""));
  g_assert_nonnull (strstr (h_split, "class=\"govstats-printed-group\" scope=\"rowgroup\" rowspan=\"22\""));

  /* Both used: nothing is hidden. */
  govstats_report_set_value (both, "applications/other.misc/natural_person", 1);
  t_both = govstats_report_render (both, GOVSTATS_RENDER_FORMAT_TEXT, "zh", NULL, 0);
  h_both = govstats_report_render (both, GOVSTATS_RENDER_FORMAT_HTML, "zh", NULL, 0);
  g_assert_nonnull (strstr (t_both, "3.其他"));
  g_assert_nonnull (strstr (h_both, "data-path=\"applications/other/total\""));
  g_assert_nonnull (strstr (h_both, "data-path=\"applications/other.misc/total\""));
  g_assert_no_error (error);
}

/* ---------- escaping ---------- */

static GovstatsReport *
report_with_markup (void)
{
  GovstatsReport *report = new_report ("2021");

  govstats_report_set_unit_name (report, "A&B<局>");
  govstats_report_set_text (report, "overview", "<script>alert(\"x\")</script> & 'co'");
  govstats_report_set_text (report, "problems", "# not a heading\n1. not a list\n*not emphasis* [not a link](x) a|b");
  govstats_report_set_value (report, "applications/received/total", 1);
  govstats_report_set_cell_note (report, "applications/received/total", "含<转>\"1\"件");
  return report;
}

static void
test_escape_html (void)
{
  g_autoptr(GovstatsReport) report = report_with_markup ();
  g_autofree char *html = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_HTML, "zh", NULL,
                                                  GOVSTATS_RENDER_FLAGS_STANDALONE);
  g_autofree char *cell = html_cell (html, "applications/received/total");

  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "A&B"));
  g_assert_nonnull (strstr (html, "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;</p>"));
  g_assert_nonnull (strstr (html, "<title>A&amp;B&lt;局&gt;政府信息公开工作年度报告</title>"));
  g_assert_nonnull (strstr (html, "<h1>A&amp;B&lt;局&gt;政府信息公开工作年度报告</h1>"));
  g_assert_cmpstr (cell, ==, "<td data-path=\"applications/received/total\">1"
                             "<span class=\"govstats-cell-note\">（含&lt;转&gt;&quot;1&quot;件）</span></td>");
  /* Only the tags we write: every '<' starts one of them. */
  for (const char *p = strchr (html, '<'); p; p = strchr (p + 1, '<'))
    g_assert_true (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!');
}

static void
test_escape_markdown (void)
{
  g_autoptr(GovstatsReport) report = report_with_markup ();
  g_autofree char *md = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_MARKDOWN, "zh", NULL, 0);
  g_autofree char *text = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_TEXT, "zh", NULL, 0);

  g_assert_nonnull (strstr (md, "# A\\&B\\<局\\>政府信息公开工作年度报告\n"));
  g_assert_nonnull (strstr (md, "\n\\<script\\>alert(\"x\")\\</script\\> \\& 'co'\n"));
  g_assert_nonnull (strstr (md, "\n\\# not a heading\n"));
  g_assert_nonnull (strstr (md, "\n1\\. not a list\n"));
  g_assert_nonnull (strstr (md, "\n\\*not emphasis\\* \\[not a link\\](x) a\\|b\n"));
  /* Text is for people: as written. */
  g_assert_nonnull (strstr (text, "\n<script>alert(\"x\")</script> & 'co'\n"));
  g_assert_true (g_str_has_prefix (text, "A&B<局>政府信息公开工作年度报告\n"));
}

static void
test_csv_quoting (void)
{
  g_autoptr(GovstatsReport) report = load_input ("small-2021.json");
  g_autofree char *csv = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_CSV, "en", NULL, 0);
  g_autofree char *wide = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_CSV_WIDE, "en", NULL, 0);
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_prefix (csv, "table,row,column,label_en,value\r\n"));
  g_assert_nonnull (strstr (csv, "\r\napplications,withheld.security,total,"
                                 "\"Withheld: would endanger national, public or economic security or social stability / Total\",0\r\n"));
  g_assert_nonnull (strstr (wide, "\r\nArticle 20(8),\"Fees collected this year (10,000 yuan)\"\r\n"));
  /* Every line ends in CRLF: no bare LF. */
  for (const char *p = strchr (csv, '\n'); p; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');

  /* One line per cell of the layout, plus the header. */
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, govstats_schema_get_n_cells (govstats_report_get_schema (report)) + 2);
}

static void
test_bom (void)
{
  g_autoptr(GovstatsReport) report = load_input ("small-2021.json");
  GovstatsRenderFormat all[] = {
    GOVSTATS_RENDER_FORMAT_TEXT, GOVSTATS_RENDER_FORMAT_MARKDOWN, GOVSTATS_RENDER_FORMAT_HTML,
    GOVSTATS_RENDER_FORMAT_CSV, GOVSTATS_RENDER_FORMAT_CSV_WIDE,
  };

  for (guint f = 0; f < G_N_ELEMENTS (all); f++)
    {
      g_autofree char *with = govstats_report_render (report, all[f], "zh", NULL, GOVSTATS_RENDER_FLAGS_BOM);
      g_autofree char *without = govstats_report_render (report, all[f], "zh", NULL, 0);
      gboolean csv = all[f] == GOVSTATS_RENDER_FORMAT_CSV || all[f] == GOVSTATS_RENDER_FORMAT_CSV_WIDE;

      g_assert_false (g_str_has_prefix (without, "\xEF\xBB\xBF"));
      g_assert_cmpint (g_str_has_prefix (with, "\xEF\xBB\xBF"), ==, csv);
      g_assert_cmpstr (csv ? with + 3 : with, ==, without);
    }
}

/* ---------- HTML layout ---------- */

static void
test_html_page (void)
{
  g_autoptr(GovstatsReport) report = load_input ("small-2021.json");
  g_autofree char *page = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_HTML, "zh", NULL,
                                                  GOVSTATS_RENDER_FLAGS_STANDALONE);
  g_autofree char *fragment = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_HTML, "zh", NULL, 0);
  g_autofree char *en = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_HTML, "en", NULL,
                                                GOVSTATS_RENDER_FLAGS_STANDALONE);

  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"));
  g_assert_nonnull (strstr (page, "<style>"));
  g_assert_true (g_str_has_suffix (page, "</html>\n"));
  g_assert_true (g_str_has_prefix (fragment, "<div class=\"govstats-report\" lang=\"zh-CN\""));
  g_assert_true (g_str_has_suffix (fragment, "</div>\n"));
  g_assert_null (strstr (fragment, "<html"));
  g_assert_nonnull (strstr (page, fragment));
  g_assert_true (g_str_has_prefix (en, "<!DOCTYPE html>\n<html lang=\"en\">"));
}

static void
test_html_layout (gconstpointer data)
{
  const char *input = data;
  g_autoptr(GovstatsReport) report = load_input (input);
  GovstatsSchema *schema = govstats_report_get_schema (report);
  g_autofree char *html = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_HTML, "zh", NULL, 0);
  const char *review = strstr (html, "<table class=\"govstats-table govstats-across\" data-table=\"review_litigation\">");
  const char *values, *end;
  g_auto(GStrv) paths = govstats_schema_dup_cell_paths (schema, NULL);
  g_autofree char *value_row = NULL;
  guint rendered = 0;
  gboolean is_2021 = g_str_equal (govstats_report_get_version (report), "2021");

  /* The application matrix: three header rows, spans as in the form. */
  g_assert_nonnull (strstr (html, "<th class=\"govstats-note\" rowspan=\"3\" colspan=\"3\">"
                                  "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>"
                                  "<th scope=\"colgroup\" colspan=\"7\">申请人情况</th></tr>\n"
                                  "<tr><th scope=\"col\" rowspan=\"2\">自然人</th>"
                                  "<th scope=\"colgroup\" colspan=\"5\">法人或其他组织</th>"
                                  "<th scope=\"col\" rowspan=\"2\">总计</th></tr>\n"));
  g_assert_nonnull (strstr (html, is_2021 ? "rowspan=\"22\">三、本年度办理结果</th>" : "rowspan=\"20\">三、本年度办理结果</th>"));
  g_assert_nonnull (strstr (html, "<th class=\"govstats-group\" scope=\"rowgroup\" rowspan=\"8\">（三）不予公开</th>"
                                  "<th scope=\"row\">1.属于国家秘密</th>"));
  g_assert_nonnull (strstr (html, "<th class=\"govstats-group\" scope=\"rowgroup\" rowspan=\"3\">（四）无法提供</th>"));
  g_assert_nonnull (strstr (html, "<th class=\"govstats-group\" scope=\"rowgroup\" rowspan=\"5\">（五）不予处理</th>"));
  g_assert_nonnull (strstr (html, "<th scope=\"row\" colspan=\"3\">一、本年新收政府信息公开申请数量</th>"));
  g_assert_nonnull (strstr (html, "<th scope=\"row\" colspan=\"2\">（七）总计</th>"));
  if (!is_2021)
    g_assert_nonnull (strstr (html, "<th scope=\"row\" colspan=\"2\">（六）其他处理</th>"));

  /* Table 四: two header levels over one line of 15 numbers. */
  g_assert_nonnull (review);
  g_assert_nonnull (strstr (review, "<tr><th scope=\"colgroup\" rowspan=\"2\" colspan=\"5\">行政复议</th>"
                                    "<th scope=\"colgroup\" colspan=\"10\">行政诉讼</th></tr>\n"
                                    "<tr><th scope=\"colgroup\" colspan=\"5\">未经复议直接起诉</th>"
                                    "<th scope=\"colgroup\" colspan=\"5\">复议后起诉</th></tr>\n"));
  values = strstr (review, "<tr><td");
  g_assert_nonnull (values);
  end = strstr (values, "</tr>");
  value_row = g_strndup (values, (gsize) (end - values));
  g_assert_cmpuint (count_substrings (value_row, "<td "), ==, 15);
  g_assert_cmpuint (count_substrings (review, "<td "), ==, 15);

  /* Every shown cell once, with its exact value. */
  for (guint i = 0; paths[i]; i++)
    {
      g_autofree char *cell = html_cell (html, paths[i]);
      g_autofree char *value = NULL;
      g_autofree char *needle = NULL;

      if (cell == NULL)
        continue;
      rendered++;
      value = govstats_report_dup_value_text (report, paths[i], NULL);
      needle = g_strdup_printf (">%s", value ? value : "</td>");
      g_assert_nonnull (strstr (cell, needle));
      g_free (needle);
      needle = g_strdup_printf ("data-path=\"%s\"", paths[i]);
      g_assert_cmpuint (count_substrings (html, needle), ==, 1);
    }
  /* 2021 without the legacy （六） row: its 7 cells are not printed. */
  g_assert_cmpuint (rendered, ==, g_strv_length (paths) - (is_2021 ? 7 : 0));
  g_assert_cmpuint (count_substrings (html, "<td "), ==, rendered);
}

/* ---------- findings ---------- */

static void
test_highlight (void)
{
  g_autoptr(GovstatsReport) report = load_input ("small-2021.json");
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  const char *cells_a[] = { "applications/received/total", "applications/total/total", NULL };
  const char *cells_b[] = { "applications/received/total", NULL };
  GovstatsFinding *a = govstats_finding_new ("test.sum", GOVSTATS_SEVERITY_WARNING, "合计<不>对 & \"x\"", "sum <off>");
  GovstatsFinding *b = govstats_finding_new ("test.total", GOVSTATS_SEVERITY_ERROR, "总计错误", "total wrong");
  g_autofree char *html = NULL, *cell = NULL, *other = NULL, *plain = NULL, *text = NULL, *md = NULL;
  g_autofree char *clean_html = NULL, *clean_text = NULL, *csv = NULL, *csv_plain = NULL;

  govstats_finding_set_cells (a, cells_a);
  govstats_finding_set_cells (b, cells_b);
  g_ptr_array_add (findings, a);
  g_ptr_array_add (findings, b);

  html = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_HTML, "zh", findings, 0);
  cell = html_cell (html, "applications/received/total");
  other = html_cell (html, "applications/total/total");
  plain = html_cell (html, "applications/carried_over/total");
  /* The most serious finding gives the class; the title lists them all. */
  g_assert_cmpstr (cell, ==, "<td data-path=\"applications/received/total\" class=\"govstats-flagged govstats-error\" "
                             "title=\"警告 [test.sum] 合计&lt;不&gt;对 &amp; &quot;x&quot;\n错误 [test.total] 总计错误\">8</td>");
  g_assert_cmpstr (other, ==, "<td data-path=\"applications/total/total\" class=\"govstats-flagged govstats-warning\" "
                              "title=\"警告 [test.sum] 合计&lt;不&gt;对 &amp; &quot;x&quot;\">8</td>");
  g_assert_cmpstr (plain, ==, "<td data-path=\"applications/carried_over/total\">1</td>");
  g_assert_nonnull (strstr (html, "<section class=\"govstats-findings\">\n<h2>核对结果</h2>\n<ul>\n"
                                  "<li class=\"govstats-warning\">警告 [test.sum] 合计&lt;不&gt;对 &amp; &quot;x&quot;</li>\n"
                                  "<li class=\"govstats-error\">错误 [test.total] 总计错误</li>\n</ul>\n</section>\n"));

  text = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_TEXT, "zh", findings, 0);
  g_assert_true (g_str_has_suffix (text, "\n核对结果\n\n警告 [test.sum] 合计<不>对 & \"x\"\n错误 [test.total] 总计错误\n"));
  md = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_MARKDOWN, "en", findings, 0);
  g_assert_true (g_str_has_suffix (md, "\n## Check findings\n\n- warning \\[test.sum\\] sum \\<off\\>\n- error \\[test.total\\] total wrong\n"));

  /* An empty list says so; no list at all says nothing. */
  clean_html = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_HTML, "zh", none, 0);
  g_assert_nonnull (strstr (clean_html, "<h2>核对结果</h2>\n<p>未发现问题。</p>"));
  clean_text = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_TEXT, "zh", NULL, 0);
  g_assert_null (strstr (clean_text, "核对结果"));

  /* CSV is data: findings change nothing. */
  csv = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_CSV, "zh", findings, 0);
  csv_plain = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_CSV, "zh", NULL, 0);
  g_assert_cmpstr (csv, ==, csv_plain);
}

/* The findings of a real check name the cells that break the balance. */
static void
test_highlight_check (void)
{
  g_autoptr(GovstatsReport) report = load_input ("aggregate-2021.json");
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *html = NULL, *cell = NULL;

  govstats_report_set_value (report, "applications/received/total", 36);
  findings = govstats_report_check (report, NULL);
  g_assert_cmpuint (findings->len, >, 0);
  html = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_HTML, "zh", findings, 0);
  cell = html_cell (html, "applications/received/total");
  g_assert_nonnull (strstr (cell, "class=\"govstats-flagged govstats-error\" title=\""));
  g_assert_nonnull (strstr (cell, "[applications.balance]"));
}

/* ---------- titles and languages ---------- */

static void
test_titles (void)
{
  g_autoptr(GovstatsReport) own = load_input ("small-2021.json");
  g_autoptr(GovstatsReport) aggregate = load_input ("aggregate-2021.json");
  g_autoptr(GovstatsReport) bare = new_report ("2019");
  g_autofree char *t_own = govstats_report_render (own, GOVSTATS_RENDER_FORMAT_TEXT, "zh", NULL, 0);
  g_autofree char *t_agg = govstats_report_render (aggregate, GOVSTATS_RENDER_FORMAT_TEXT, "zh", NULL, 0);
  g_autofree char *e_agg = govstats_report_render (aggregate, GOVSTATS_RENDER_FORMAT_MARKDOWN, "en", NULL, 0);
  g_autofree char *h_agg = govstats_report_render (aggregate, GOVSTATS_RENDER_FORMAT_HTML, "zh", NULL, 0);
  g_autofree char *t_bare = govstats_report_render (bare, GOVSTATS_RENDER_FORMAT_TEXT, "zh", NULL, 0);

  g_assert_true (g_str_has_prefix (t_own, "某某县某某镇人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n"));
  g_assert_null (strstr (t_own, "汇总"));
  g_assert_true (g_str_has_prefix (t_agg, "某某县人民政府2021年政府信息公开工作年度报告（汇总）\n汇总 2 个单位的报告\n"));
  g_assert_true (g_str_has_prefix (e_agg, "# Annual report on government information disclosure, 2021: 某某县人民政府 (consolidated)\n\n"
                                          "Consolidated from 2 unit reports\n"));
  g_assert_nonnull (strstr (h_agg, "data-scope=\"aggregate\">\n<h1>某某县人民政府2021年政府信息公开工作年度报告（汇总）</h1>"));
  g_assert_true (g_str_has_prefix (t_bare, "政府信息公开工作年度报告\n"));
}

/* Headings and labels come from the schema, in order, in either language. */
static void
test_sections_in_order (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(GovstatsReport) report = load_input ("small-2019.json");
  GovstatsSchema *schema = govstats_report_get_schema (report);
  g_autofree char *text = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_TEXT, lang, NULL, 0);
  g_autofree char *null_lang = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_TEXT, NULL, NULL, 0);
  g_autofree char *zh = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_TEXT, "zh", NULL, 0);
  const char * const *sections = govstats_schema_get_section_keys (schema);
  const char *at = text;

  for (guint s = 0; sections[s]; s++)
    {
      g_autofree char *heading = g_strdup_printf ("\n%s\n",
                                                  govstats_schema_get_section_heading (schema, sections[s], lang));
      const char * const *tables = govstats_schema_get_section_tables (schema, sections[s]);

      at = strstr (at, heading);
      g_assert_nonnull (at);
      for (guint t = 0; tables && tables[t]; t++)
        {
          const char * const *rows = govstats_schema_get_row_keys (schema, tables[t]);

          for (guint r = 0; rows[r]; r++)
            {
              at = strstr (at, govstats_schema_get_row_label (schema, tables[t], rows[r], lang));
              g_assert_nonnull (at);
            }
        }
    }
  g_assert_cmpstr (null_lang, ==, zh);
}

static void
test_bad_format (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GovstatsReport) report = new_report ("2021");
      char *out = govstats_report_render (report, (GovstatsRenderFormat) 99, "zh", NULL, 0);
      g_assert_null (out);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*govstats_report_render*");
}

/* ---------- govstats render ---------- */

static char *
tool_path (void)
{
  const char *build = g_getenv ("GOVSTATS_BUILD_ROOT");
  char *path;

  if (build == NULL || *build == '\0')
    return NULL;
  path = g_build_filename (build, "tools", "govstats", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    g_clear_pointer (&path, g_free);
  return path;
}

static int
run_tool (const char * const *args,
          char              **out,
          char              **err)
{
  g_autofree char *tool = tool_path ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  GError *error = NULL;
  int status = -1;

  g_ptr_array_add (argv, tool);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static gboolean
need_tool (void)
{
  g_autofree char *tool = tool_path ();

  if (tool == NULL)
    {
      g_test_skip ("GOVSTATS_BUILD_ROOT/tools/govstats not found (run under meson test)");
      return FALSE;
    }
  return TRUE;
}

static void
test_cli_formats (void)
{
  g_autofree char *input = input_path ("small-2021.json");
  g_autoptr(GovstatsReport) report = load_input ("small-2021.json");
  const struct {
    const char           *name;
    GovstatsRenderFormat  format;
    GovstatsRenderFlags   flags;
  } cases[] = {
    { "text", GOVSTATS_RENDER_FORMAT_TEXT, 0 },
    { "markdown", GOVSTATS_RENDER_FORMAT_MARKDOWN, 0 },
    { "html", GOVSTATS_RENDER_FORMAT_HTML, GOVSTATS_RENDER_FLAGS_STANDALONE },
    { "csv", GOVSTATS_RENDER_FORMAT_CSV, 0 },
    { "csv-wide", GOVSTATS_RENDER_FORMAT_CSV_WIDE, 0 },
  };

  if (!need_tool ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "render", "--format", cases[i].name, "--lang", "zh", input, NULL };
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *expected = govstats_report_render (report, cases[i].format, "zh", NULL, cases[i].flags);

      g_assert_cmpint (run_tool (args, &out, &err), ==, 0);
      g_assert_cmpstr (out, ==, expected);
      g_assert_cmpstr (err, ==, "");
    }
  {
    const char *args[] = { "render", "--format", "csv", "--bom", "--lang", "en", input, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_tool (args, &out, &err), ==, 0);
    g_assert_true (g_str_has_prefix (out, "\xEF\xBB\xBFtable,row,column,label_en,value\r\n"));
  }
  {
    const char *args[] = { "render", "--format", "html", "--fragment", input, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_tool (args, &out, &err), ==, 0);
    g_assert_true (g_str_has_prefix (out, "<div class=\"govstats-report\""));
  }
}

static void
test_cli_check (void)
{
  g_autoptr(GovstatsReport) report = load_input ("aggregate-2021.json");
  g_autofree char *dir = g_dir_make_tmp ("govstats-render-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "broken.json", NULL);
  const char *args[] = { "render", "--format", "html", "--check", "--lang", "zh", file, NULL };
  g_autofree char *out = NULL, *err = NULL, *cell = NULL;
  GError *error = NULL;

  if (!need_tool ())
    return;
  govstats_report_set_value (report, "applications/received/total", 36);
  govstats_report_save_to_file (report, file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_tool (args, &out, &err), ==, 0);
  cell = html_cell (out, "applications/received/total");
  g_assert_nonnull (strstr (cell, "govstats-flagged govstats-error"));
  g_assert_nonnull (strstr (out, "<section class=\"govstats-findings\">"));
  g_remove (file);
  g_rmdir (dir);
}

static void
test_cli_unreadable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("govstats-render-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *input = input_path ("small-2021.json");
  GError *error = NULL;

  if (!need_tool ())
    return;
  g_file_set_contents (bad, "{\n  \"govstats\": 1,\n  \"version\": \"2021\",,\n}\n", -1, &error);
  g_assert_no_error (error);
  {
    const char *args[] = { "render", bad, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *position = g_strdup_printf ("%s:3:", bad);

    g_assert_cmpint (run_tool (args, &out, &err), ==, 2);
    g_assert_cmpstr (out, ==, "");
    /* file:line:column */
    g_assert_nonnull (strstr (err, position));
  }
  {
    const char *args[] = { "render", missing, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_tool (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, missing));
  }
  {
    const char *args[] = { "render", "--format", "pdf", input, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_tool (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "pdf"));
  }
  {
    const char *args[] = { "render", "--lang", "fr", input, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_tool (args, &out, &err), ==, 2);
  }
  {
    const char *args[] = { "render", NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_tool (args, &out, &err), ==, 2);
  }
  g_remove (bad);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (golden_inputs); i++)
    for (guint f = 0; f < G_N_ELEMENTS (golden_formats); f++)
      {
        Golden *g = g_new0 (Golden, 1);
        g_autofree char *path = g_strdup_printf ("/govstats/render/golden/%s/%s",
                                                 golden_inputs[i].name, golden_formats[f].suffix);

        g->input = golden_inputs[i].input;
        g->name = golden_inputs[i].name;
        g->suffix = golden_formats[f].suffix;
        g->format = golden_formats[f].format;
        g->lang = "zh";
        g->flags = golden_formats[f].flags;
        g_test_add_data_func_full (path, g, test_golden, g_free);
      }
  for (guint i = 0; i < G_N_ELEMENTS (golden_english); i++)
    {
      g_autofree char *path = g_strdup_printf ("/govstats/render/golden/%s/%s",
                                               golden_english[i].name, golden_english[i].suffix);
      g_test_add_data_func (path, &golden_english[i], test_golden);
    }

  g_test_add_func ("/govstats/render/width/display-width", test_display_width);
  g_test_add_func ("/govstats/render/width/aligned", test_aligned);
  g_test_add_func ("/govstats/render/width/separators", test_aligned_separators);
  g_test_add_func ("/govstats/render/values/blank-vs-zero", test_blank_vs_zero);
  g_test_add_func ("/govstats/render/values/exact", test_exact_values);
  g_test_add_func ("/govstats/render/layout/group-rows", test_group_rows);
  g_test_add_func ("/govstats/render/layout/legacy-other-row", test_legacy_other_row);
  g_test_add_data_func ("/govstats/render/layout/html-2019", "small-2019.json", test_html_layout);
  g_test_add_data_func ("/govstats/render/layout/html-2021", "@examples/data/2021/units/D01.json", test_html_layout);
  g_test_add_data_func ("/govstats/render/layout/sections-zh", "zh", test_sections_in_order);
  g_test_add_data_func ("/govstats/render/layout/sections-en", "en", test_sections_in_order);
  g_test_add_func ("/govstats/render/layout/titles", test_titles);
  g_test_add_func ("/govstats/render/escape/html", test_escape_html);
  g_test_add_func ("/govstats/render/escape/markdown", test_escape_markdown);
  g_test_add_func ("/govstats/render/csv/quoting", test_csv_quoting);
  g_test_add_func ("/govstats/render/csv/bom", test_bom);
  g_test_add_func ("/govstats/render/html/page", test_html_page);
  g_test_add_func ("/govstats/render/findings/highlight", test_highlight);
  g_test_add_func ("/govstats/render/findings/check", test_highlight_check);
  g_test_add_func ("/govstats/render/api/bad-format", test_bad_format);
  g_test_add_func ("/govstats/render/cli/formats", test_cli_formats);
  g_test_add_func ("/govstats/render/cli/check", test_cli_check);
  g_test_add_func ("/govstats/render/cli/unreadable", test_cli_unreadable);

  return g_test_run ();
}
