/* test-import-stages.c — the importer's stages one by one, through the internal static library
 *
 * Each test runs one stage (tokens, the HTML front end, labels, layout and
 * anchors, rows, cells, metadata) on a few lines of the project's own text,
 * where test-import.c runs whole documents through the public API.
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "test-util.h"
#include "govstats-import-private.h"

static GovstatsImportDoc *
doc_from_fixture (const char *name)
{
  g_autofree char *path = test_data_path ("import", name, NULL);
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  return govstats_import_doc_from_text (text, length);
}

static GovstatsImportDoc *
doc_from_string (const char *text)
{
  return govstats_import_doc_from_text (text, strlen (text));
}

static Tok *
tok_at (GPtrArray *lines,
        guint      line,
        guint      k)
{
  Line *l;

  g_assert_cmpuint (line, <, lines->len);
  l = lines->pdata[line];
  g_assert_cmpuint (k, <, l->toks->len);
  return l->toks->pdata[k];
}

/* The index of the first line whose text is @text, or -1. */
static int
line_index (GPtrArray  *lines,
            const char *text)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_strcmp0 (((Line *) lines->pdata[i])->src->text, text) == 0)
      return (int) i;
  return -1;
}

/* ---------- tokens ---------- */

/* A line of running text: the label, then values at their character
 * positions; a dash is a printed blank, not a value. */
static void
test_tokens_spaced_values (void)
{
  g_autoptr(GovstatsImportDoc) doc = doc_from_string ("规章  3  1  25\n行政事业性收费 4068.208 —\n");
  g_autoptr(GPtrArray) lines = govstats_import_tokenize_doc (doc);
  Line *l0, *l1;

  g_assert_cmpuint (lines->len, ==, 2);
  l0 = lines->pdata[0];
  g_assert_true (l0->content);
  g_assert_false (l0->explicit);
  g_assert_cmpuint (l0->n_text, ==, 1);
  g_assert_cmpuint (l0->n_values, ==, 3);
  g_assert_cmpint (tok_at (lines, 0, 0)->kind, ==, TOK_TEXT);
  g_assert_cmpstr (tok_at (lines, 0, 0)->norm, ==, "规章");
  g_assert_cmpint (tok_at (lines, 0, 0)->x, ==, 0);
  g_assert_cmpint (tok_at (lines, 0, 1)->kind, ==, TOK_VALUE);
  g_assert_cmpstr (tok_at (lines, 0, 1)->value.number, ==, "3");
  /* Positions count code points: 规章 and two spaces. */
  g_assert_cmpint (tok_at (lines, 0, 1)->x, ==, 4);
  g_assert_cmpstr (tok_at (lines, 0, 2)->value.number, ==, "1");
  g_assert_cmpint (tok_at (lines, 0, 2)->x, ==, 7);
  g_assert_cmpstr (tok_at (lines, 0, 3)->value.number, ==, "25");
  g_assert_cmpint (tok_at (lines, 0, 3)->x, ==, 10);

  l1 = lines->pdata[1];
  g_assert_cmpuint (l1->toks->len, ==, 3);
  g_assert_cmpstr (tok_at (lines, 1, 1)->value.number, ==, "4068.208");
  g_assert_cmpint (tok_at (lines, 1, 2)->kind, ==, TOK_BLANK);
  g_assert_cmpstr (tok_at (lines, 1, 2)->raw, ==, "—");
  g_assert_cmpuint (l1->n_values, ==, 2);
}

/* Tab-separated cells: a token a cell, positions are cell indexes, and an
 * empty cell is a blank that is not counted as a value. */
static void
test_tokens_cells (void)
{
  g_autoptr(GovstatsImportDoc) doc = doc_from_string ("规章\t3\t\t25\n");
  g_autoptr(GPtrArray) lines = govstats_import_tokenize_doc (doc);
  Line *l;

  g_assert_cmpuint (lines->len, ==, 1);
  l = lines->pdata[0];
  g_assert_true (l->explicit);
  g_assert_cmpuint (l->toks->len, ==, 4);
  g_assert_cmpuint (l->n_values, ==, 2);
  for (guint k = 0; k < 4; k++)
    g_assert_cmpint (tok_at (lines, 0, k)->x, ==, (int) k);
  g_assert_cmpint (tok_at (lines, 0, 2)->kind, ==, TOK_BLANK);
  g_assert_true (tok_at (lines, 0, 2)->empty_cell);
  g_assert_false (tok_at (lines, 0, 3)->empty_cell);
  g_assert_cmpstr (tok_at (lines, 0, 3)->value.number, ==, "25");
}

static void
test_tokens_helpers (void)
{
  g_autofree char *norm = govstats_import_normalize_label ("（一） 予以公开");

  g_assert_true (govstats_import_is_han (g_utf8_get_char ("规")));
  g_assert_false (govstats_import_is_han ('a'));
  g_assert_true (govstats_import_is_cjk (g_utf8_get_char ("，")));
  g_assert_true (govstats_import_is_space (0x3000));
  g_assert_false (govstats_import_is_space ('x'));
  g_assert_cmpint (govstats_import_n_chars ("行政许可"), ==, 4);
  g_assert_cmpuint (govstats_import_edit_distance ("予以公开", "予以公升", 3), ==, 1);
  g_assert_cmpuint (govstats_import_edit_distance ("予以公开", "予以公开", 3), ==, 0);
  /* Over the limit: limit + 1, whatever the real distance. */
  g_assert_cmpuint (govstats_import_edit_distance ("abcd", "wxyz", 2), ==, 3);
  /* Full-width brackets and the space go; the numbering is then skipped. */
  g_assert_cmpstr (norm, ==, "(一)予以公开");
  g_assert_cmpstr (govstats_import_skip_numbering (norm), ==, "予以公开");
  g_assert_true (govstats_import_word_starts_with_numbering ("(二)部分公开"));
  g_assert_false (govstats_import_word_starts_with_numbering ("部分公开"));
}

/* ---------- the HTML front end ---------- */

/* Table rows become cell lines (a colspan kept), the rest lines of text;
 * entities are decoded and a script's text is not the page's. */
static void
test_html_lines_and_cells (void)
{
  const char *html = "<p>标题&amp;说明</p><table><tr><td>规章</td><td colspan=\"2\">3</td></tr></table>"
                     "<script>x<td>9</td></script><p>尾</p>";
  g_autoptr(GovstatsImportDoc) doc = govstats_import_doc_from_html (html, strlen (html));
  g_autofree char *text = govstats_import_doc_to_text (doc);
  GovstatsImportLine *line;
  GovstatsImportCell *cell;

  g_assert_cmpuint (doc->lines->len, ==, 3);
  g_assert_cmpstr (((GovstatsImportLine *) doc->lines->pdata[0])->text, ==, "标题&说明");
  g_assert_null (((GovstatsImportLine *) doc->lines->pdata[0])->cells);
  line = doc->lines->pdata[1];
  g_assert_nonnull (line->cells);
  g_assert_cmpuint (line->cells->len, ==, 2);
  cell = line->cells->pdata[0];
  g_assert_cmpstr (cell->text, ==, "规章");
  g_assert_cmpuint (cell->colspan, ==, 1);
  cell = line->cells->pdata[1];
  g_assert_cmpstr (cell->text, ==, "3");
  g_assert_cmpuint (cell->colspan, ==, 2);
  /* The position of the <td> in the source, in code points. */
  g_assert_cmpuint (cell->lineno, ==, 1);
  g_assert_cmpuint (cell->column, ==, 39);
  g_assert_cmpstr (((GovstatsImportLine *) doc->lines->pdata[2])->text, ==, "尾");
  g_assert_null (strstr (text, "9"));
}

/* ---------- labels ---------- */

static void
test_labels_table_info (void)
{
  GovstatsSchema *schema = govstats_schema_get_for_version ("2021");
  TableInfo *ti = govstats_import_table_info_new (schema, 0);

  g_assert_cmpstr (ti->table->key, ==, "art20_1");
  g_assert_cmpuint (ti->n_cols, ==, 3);
  g_assert_cmpuint (ti->cell_rows->len, ==, 2);
  g_assert_cmpstr (govstats_import_row_at (ti, 0)->key, ==, "regulations");
  g_assert_cmpstr (govstats_import_row_at (ti, 1)->key, ==, "normative_documents");
  g_assert_false (govstats_import_row_is_legacy_group (ti, 0));
  /* The header words include the column labels, normalised. */
  g_assert_true (g_ptr_array_find_with_equal_func (ti->header, "本年制发件数", g_str_equal, NULL));
  govstats_import_table_info_free (ti);
}

/* ---------- layout and anchors ---------- */

typedef struct {
  Reader              rd;
  GovstatsImportStats stats;
  GPtrArray          *findings;
} Stage;

static void
stage_init (Stage             *st,
            GovstatsImportDoc *doc,
            const char        *version)
{
  memset (st, 0, sizeof *st);
  st->findings = g_ptr_array_new_with_free_func (g_object_unref);
  st->stats.confidence = json_object_new ();
  st->rd.name = "stage.txt";
  st->rd.findings = st->findings;
  st->rd.stats = &st->stats;
  st->rd.lines = govstats_import_tokenize_doc (doc);
  if (version != NULL)
    {
      st->rd.schema = govstats_schema_get_for_version (version);
      st->rd.report = govstats_report_new (st->rd.schema);
    }
}

static void
stage_clear (Stage *st)
{
  g_clear_object (&st->rd.report);
  g_ptr_array_unref (st->rd.lines);
  g_ptr_array_unref (st->findings);
  json_object_unref (st->stats.confidence);
}

static guint
count_findings (Stage      *st,
                const char *rule_id)
{
  guint n = 0;

  for (guint i = 0; i < st->findings->len; i++)
    if (g_str_equal (govstats_finding_get_rule_id (st->findings->pdata[i]), rule_id))
      n++;
  return n;
}

static void
test_layout_detect (void)
{
  const char *fixtures[][2] = {
    { "synthetic-2019.plain.txt", "2019" },
    { "published/d03-2021.layout.txt", "2021" },
    { "published/d03-2020.layout.txt", "2019" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GovstatsImportDoc) doc = doc_from_fixture (fixtures[i][0]);
      g_autoptr(GString) why = g_string_new (NULL);
      gboolean undetermined = TRUE;
      Stage st;
      GovstatsSchema *schema;

      stage_init (&st, doc, NULL);
      schema = govstats_import_detect_layout (&st.rd, &undetermined, why);
      g_assert_cmpstr (govstats_schema_get_version (schema), ==, fixtures[i][1]);
      g_assert_false (undetermined);
      stage_clear (&st);
    }
}

static void
test_layout_anchors (void)
{
  g_autoptr(GovstatsImportDoc) doc = doc_from_fixture ("synthetic-2019.plain.txt");
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (govstats_import_table_info_free);
  Anchors an;
  Stage st;
  int previous = -1;

  stage_init (&st, doc, "2019");
  for (guint t = 0; t < govstats_schema_get_n_tables (st.rd.schema); t++)
    g_ptr_array_add (infos, govstats_import_table_info_new (st.rd.schema, t));
  govstats_import_find_anchors (&st.rd, infos, &an);

  g_assert_cmpint (an.section_line[0], ==, line_index (st.rd.lines, "一、总体情况"));
  g_assert_cmpint (an.section_line[1], ==, line_index (st.rd.lines, "二、主动公开政府信息情况"));
  g_assert_cmpint (an.table_line[0], ==, line_index (st.rd.lines, "第二十条第（一）项"));
  g_assert_cmpint (an.section_line[0], >=, 0);
  /* Every table is found, in the order of the layout. */
  for (guint t = 0; t < infos->len; t++)
    {
      g_assert_cmpint (an.table_line[t], >, previous);
      previous = an.table_line[t];
    }
  stage_clear (&st);
}

/* ---------- rows and cells ---------- */

/* Reads the first table of the 2021 layout (规章, 行政规范性文件 × three
 * columns) from @text, the way the table reader does: labels, then the
 * numbers to rows in @line_mode or in reading order, then the cells. */
static void
read_art20_1 (Stage      *st,
              const char *text,
              gboolean    line_mode,
              double     *read,
              guint      *expected,
              int         row_vec[2])
{
  g_autoptr(GovstatsImportDoc) doc = doc_from_string (text);
  TableRead tr;
  TableInfo *ti;

  stage_init (st, doc, "2021");
  ti = govstats_import_table_info_new (st->rd.schema, 0);
  govstats_import_table_read_init (&tr, &st->rd, ti, st->rd.lines);
  g_assert_cmpint (tr.row_vec[0], ==, -1);
  tr.line_mode = line_mode;
  tr.stream = !line_mode;

  govstats_import_label_pass (&tr);
  g_assert_cmpuint (tr.partials->len, ==, 2);
  g_assert_true (govstats_import_partial_is_row (govstats_import_partial_at (&tr, 0)));
  g_assert_cmpint (govstats_import_partial_at (&tr, 0)->row, ==, 0);
  g_assert_cmpint (govstats_import_partial_at (&tr, 1)->row, ==, 1);
  if (line_mode)
    govstats_import_line_mode_assign (&tr);
  else
    govstats_import_stream_assign (&tr);
  row_vec[0] = tr.row_vec[0];
  row_vec[1] = tr.row_vec[1];
  govstats_import_apply_rows (&tr, read, expected);

  govstats_import_table_read_clear (&tr);
  g_assert_null (tr.row_vec);
  govstats_import_table_info_free (ti);
}

static void
assert_value (GovstatsReport *report,
              const char     *path,
              gint64          expected)
{
  gint64 value = -1;

  g_assert_true (govstats_report_get_value (report, path, &value));
  g_assert_cmpint (value, ==, expected);
}

static void
test_rows_line_mode (void)
{
  Stage st;
  double read = 0;
  guint expected = 0;
  int row_vec[2];

  read_art20_1 (&st, "规章  3  1  25\n行政规范性文件  2  0  14\n", TRUE, &read, &expected, row_vec);
  g_assert_cmpint (row_vec[0], ==, 0);
  g_assert_cmpint (row_vec[1], ==, 1);
  g_assert_cmpfloat (read, ==, 6);
  g_assert_cmpuint (expected, ==, 6);
  assert_value (st.rd.report, "art20_1/regulations/issued", 3);
  assert_value (st.rd.report, "art20_1/regulations/in_force", 25);
  assert_value (st.rd.report, "art20_1/normative_documents/repealed", 0);
  assert_value (st.rd.report, "art20_1/normative_documents/in_force", 14);
  g_assert_cmpuint (st.findings->len, ==, 0);
  stage_clear (&st);
}

/* Reading-order text: the labels, then all the numbers; the counts leave
 * one way to pair them. */
static void
test_rows_reading_order (void)
{
  Stage st;
  double read = 0;
  guint expected = 0;
  int row_vec[2];

  read_art20_1 (&st, "规章\n行政规范性文件\n3\n1\n25\n2\n0\n14\n", FALSE, &read, &expected, row_vec);
  g_assert_cmpint (row_vec[0], >=, 0);
  g_assert_cmpint (row_vec[1], >=, 0);
  g_assert_cmpint (row_vec[0], !=, row_vec[1]);
  g_assert_cmpfloat (read, ==, 6);
  assert_value (st.rd.report, "art20_1/regulations/issued", 3);
  assert_value (st.rd.report, "art20_1/regulations/in_force", 25);
  assert_value (st.rd.report, "art20_1/normative_documents/issued", 2);
  assert_value (st.rd.report, "art20_1/normative_documents/in_force", 14);
  stage_clear (&st);
}

/* Too few or too many numbers for the columns: never shifted into place;
 * the rows stay blank, each with a finding. */
static void
test_cells_unreadable_rows (void)
{
  Stage st;
  double read = -1;
  guint expected = 0;
  int row_vec[2];

  read_art20_1 (&st, "规章  3  1\n行政规范性文件  2  0  14  7\n", TRUE, &read, &expected, row_vec);
  g_assert_cmpfloat (read, ==, 0);
  g_assert_cmpuint (expected, ==, 6);
  g_assert_cmpuint (count_findings (&st, "import.unreadable_row"), ==, 2);
  g_assert_true (govstats_report_is_blank (st.rd.report, "art20_1/regulations/issued"));
  g_assert_true (govstats_report_is_blank (st.rd.report, "art20_1/normative_documents/issued"));
  stage_clear (&st);
}

/* ---------- metadata ---------- */

static void
test_meta_title (void)
{
  g_autoptr(GovstatsImportDoc) doc = doc_from_fixture ("synthetic-2019.plain.txt");
  Stage st;

  stage_init (&st, doc, "2019");
  govstats_import_read_metadata (&st.rd, line_index (st.rd.lines, "一、总体情况"), -1);
  g_assert_cmpstr (govstats_report_get_unit_name (st.rd.report), ==, "示例县教育和体育局");
  g_assert_cmpint (govstats_report_get_year (st.rd.report), ==, 2020);
  stage_clear (&st);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/govstats/import-stages/tokens/spaced-values", test_tokens_spaced_values);
  g_test_add_func ("/govstats/import-stages/tokens/cells", test_tokens_cells);
  g_test_add_func ("/govstats/import-stages/tokens/helpers", test_tokens_helpers);
  g_test_add_func ("/govstats/import-stages/html/lines-and-cells", test_html_lines_and_cells);
  g_test_add_func ("/govstats/import-stages/labels/table-info", test_labels_table_info);
  g_test_add_func ("/govstats/import-stages/layout/detect", test_layout_detect);
  g_test_add_func ("/govstats/import-stages/layout/anchors", test_layout_anchors);
  g_test_add_func ("/govstats/import-stages/rows/line-mode", test_rows_line_mode);
  g_test_add_func ("/govstats/import-stages/rows/reading-order", test_rows_reading_order);
  g_test_add_func ("/govstats/import-stages/cells/unreadable-rows", test_cells_unreadable_rows);
  g_test_add_func ("/govstats/import-stages/meta/title", test_meta_title);

  return g_test_run ();
}
