/* govstats-render.c — the statutory tables as text, Markdown, HTML and CSV
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-finding.h"
#include "govstats-i18n-private.h"
#include "govstats-render.h"
#include "govstats-report-private.h"
#include "govstats-schema-private.h"
#include "govstats-render-private.h"

/*
 * Everything printed here comes from the schema: sections, headings, table
 * titles, row and column labels, column groups, the header note, the
 * printed groups. The only strings of this file are the renderer's own
 * words (the report title, "核对结果").
 *
 * Two ways of laying a table out:
 *
 * - row-wise (text, Markdown, wide CSV): one line per printed row, group rows
 *   and printed groups (三、本年度办理结果, 行政诉讼) as label lines without
 *   numbers, nesting shown by indentation;
 * - as the form prints it (HTML): spanning header cells, the printed group as
 *   one tall cell, each group label cell spanning its sub-rows; a table whose
 *   rows carry a printed_group (表四: 行政诉讼 over 未经复议直接起诉 and
 *   复议后起诉) is printed across, its rows becoming header groups over one
 *   line of numbers.
 */

/* ---------- display width ---------- */

static guint
unichar_width (gunichar c)
{
  if (g_unichar_iszerowidth (c) || g_unichar_type (c) == G_UNICODE_CONTROL)
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

/**
 * govstats_render_display_width:
 * @text: UTF-8 text
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 *
 * Measures how many terminal columns @text takes: East Asian wide and
 * full-width characters (汉字, `（`, `，`) take two, combining marks and other
 * zero-width characters none, control characters none, everything else one.
 * This is how the text and Markdown output of [method@Govstats.Report.render]
 * aligns its columns. A byte that is not UTF-8 counts as one column.
 *
 * Returns: the display width of @text
 *
 * Since: 0.1
 */
guint
govstats_render_display_width (const char *text,
                               gssize      length)
{
  const char *p, *end;
  guint width = 0;

  g_return_val_if_fail (text != NULL || length == 0, 0);

  if (text == NULL)
    return 0;
  end = length < 0 ? text + strlen (text) : text + length;
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          width++;
          p++;
          continue;
        }
      width += unichar_width (c);
      p = g_utf8_next_char (p);
    }
  return width;
}

guint
text_width (const char *text)
{
  return govstats_render_display_width (text, -1);
}

void
append_padded (GString    *out,
               const char *text,
               guint       width,
               int         align)   /* -1 left, 0 centre, 1 right */
{
  guint w = text_width (text);
  guint pad = width > w ? width - w : 0;
  guint left = align < 0 ? 0 : align > 0 ? pad : pad / 2;

  for (guint i = 0; i < left; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
  for (guint i = left; i < pad; i++)
    g_string_append_c (out, ' ');
}

/* Cells and labels are one line in text and Markdown. */
char *
one_line (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  for (char *p = copy; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return copy;
}

/* ---------- schema helpers ---------- */

const GovstatsSchemaRow *
row_at (const GovstatsSchemaTable *table,
        int                        r)
{
  return table->rows->pdata[r];
}

const GovstatsSchemaColumn *
column_at (const GovstatsSchemaTable *table,
           guint                      c)
{
  return table->columns->pdata[c];
}

const char *
label (Render              *rd,
       const GovstatsLabel *l)
{
  return govstats_label_get (l, rd->lang);
}

gboolean
label_is_set (const GovstatsLabel *l)
{
  return l->zh != NULL || l->en != NULL;
}

gboolean
labels_equal (const GovstatsLabel *a,
              const GovstatsLabel *b)
{
  return g_strcmp0 (a->zh, b->zh) == 0 && g_strcmp0 (a->en, b->en) == 0;
}



const char *
table_row_header (Render                    *rd,
                  const GovstatsSchemaTable *table)
{
  return govstats_label_get (&table->row_header, rd->lang);
}

GArray *
table_printed_groups (Render                    *rd,
                      const GovstatsSchemaTable *table)
{
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (PrintedGroup));

  for (guint i = 0; i < table->printed_groups->len; i++)
    {
      const GovstatsSchemaPrintedGroup *g = &g_array_index (table->printed_groups, GovstatsSchemaPrintedGroup, i);
      PrintedGroup group = { label (rd, &g->label), g->first, g->last };

      g_array_append_val (groups, group);
    }
  return groups;
}

gboolean
table_is_printed_across (const GovstatsSchemaTable *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    if (label_is_set (&row_at (table, (int) r)->printed_group))
      return TRUE;
  return FALSE;
}

gboolean
table_has_column_groups (const GovstatsSchemaTable *table)
{
  for (guint c = 0; c < table->columns->len; c++)
    if (label_is_set (&column_at (table, c)->group))
      return TRUE;
  return FALSE;
}

static guint
row_depth (const GovstatsSchemaTable *table,
           int                        r)
{
  guint depth = 0;

  for (int p = row_at (table, r)->parent; p >= 0; p = row_at (table, p)->parent)
    depth++;
  return depth;
}

static gboolean
row_any_set (Render                    *rd,
             const GovstatsSchemaTable *table,
             int                        r)
{
  if (!row_at (table, r)->has_cells)
    return FALSE;
  for (guint c = 0; c < table->columns->len; c++)
    if (govstats_report_get_at (rd->report, (guint) govstats_schema_cell_index (table, (guint) r, c), NULL))
      return TRUE;
  return FALSE;
}

/* A group row that still accepts the single row of an older layout (the 2021
 * （六）其他处理) is printed as the report uses it: the single row with its
 * numbers when any of them is set, else the group and its sub-rows. */
gboolean
legacy_used (Render                    *rd,
             const GovstatsSchemaTable *table,
             int                        r)
{
  const GovstatsSchemaRow *row = row_at (table, r);

  return row->group && row->has_cells && row_any_set (rd, table, r);
}

static gboolean
descendants_used (Render                    *rd,
                  const GovstatsSchemaTable *table,
                  int                        r)
{
  for (guint k = (guint) r + 1; k < table->rows->len; k++)
    {
      int p;

      for (p = row_at (table, (int) k)->parent; p >= 0 && p != r; p = row_at (table, p)->parent)
        ;
      if (p == r && row_any_set (rd, table, (int) k))
        return TRUE;
    }
  return FALSE;
}

gboolean
row_is_printed (Render                    *rd,
                const GovstatsSchemaTable *table,
                int                        r)
{
  for (int p = row_at (table, r)->parent; p >= 0; p = row_at (table, p)->parent)
    if (legacy_used (rd, table, p) && !descendants_used (rd, table, p))
      return FALSE;
  return TRUE;
}

gboolean
row_prints_values (Render                    *rd,
                   const GovstatsSchemaTable *table,
                   int                        r)
{
  const GovstatsSchemaRow *row = row_at (table, r);

  return row->has_cells && (!row->group || legacy_used (rd, table, r));
}

/* The row-wise lines of a table: see the comment at the top. */
GArray *
table_lines (Render                    *rd,
             const GovstatsSchemaTable *table)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr(GArray) groups = table_printed_groups (rd, table);
  const PrintedGroup *open = NULL;
  const GovstatsLabel *open_row_group = NULL;

  for (guint r = 0; r < table->rows->len; r++)
    {
      const GovstatsSchemaRow *row = row_at (table, (int) r);
      guint indent;
      Line line;

      for (guint g = 0; g < groups->len; g++)
        if (g_array_index (groups, PrintedGroup, g).first == (int) r)
          {
            open = &g_array_index (groups, PrintedGroup, g);
            line = (Line) { -1, open->label, 0, FALSE };
            g_array_append_val (lines, line);
          }
      if (row_is_printed (rd, table, (int) r))
        {
          indent = open != NULL ? 1 : 0;
          if (label_is_set (&row->printed_group))
            {
              if (open_row_group == NULL || !labels_equal (open_row_group, &row->printed_group))
                {
                  open_row_group = &row->printed_group;
                  line = (Line) { -1, label (rd, open_row_group), indent, FALSE };
                  g_array_append_val (lines, line);
                }
              indent++;
            }
          else
            open_row_group = NULL;
          line = (Line) { (int) r, label (rd, &row->label), indent + row_depth (table, (int) r),
                          row_prints_values (rd, table, (int) r) };
          g_array_append_val (lines, line);
        }
      if (open != NULL && open->last == (int) r)
        open = NULL;
    }
  return lines;
}

/* ---------- cell values ---------- */

char *
cell_path (Render                    *rd,
           const GovstatsSchemaTable *table,
           int                        r,
           guint                      c)
{
  int index = govstats_schema_cell_index (table, (guint) r, c);

  g_return_val_if_fail (index >= 0, NULL);
  return g_strdup (govstats_schema_cell_at (rd->schema, (guint) index)->path);
}

/* The printed text of a cell: the exact value, the unit the report gave
 * where the column prints none of its own, and the note ("22（其中修订 16 件）").
 * %NULL for a blank cell. */
char *
cell_display (Render                    *rd,
              const GovstatsSchemaTable *table,
              int                        r,
              guint                      c)
{
  g_autofree char *path = cell_path (rd, table, r, c);
  g_autofree char *value = govstats_report_dup_value_text (rd->report, path, NULL);
  const char *unit, *note;
  GString *s;

  if (value == NULL)
    return NULL;
  s = g_string_new (value);
  unit = govstats_report_get_cell_unit (rd->report, path);
  if (unit != NULL && *unit != '\0' && g_strcmp0 (unit, column_at (table, c)->unit) != 0)
    g_string_append (s, unit);
  note = govstats_report_get_cell_note (rd->report, path);
  if (note != NULL && *note != '\0')
    /* Translators: a cell's note after its value, such as “22（其中修订 16 件）”. */
    govstats_i18n_append (s, rd->en ? "en" : "zh", N_(" (%s)"), note);
  return g_string_free (s, FALSE);
}

/* "法人或其他组织 · 商业企业": a column's label under its printed group. */
char *
column_full_label (Render                    *rd,
                   const GovstatsSchemaTable *table,
                   guint                      c)
{
  const GovstatsSchemaColumn *column = column_at (table, c);

  if (label_is_set (&column->group))
    return g_strdup_printf ("%s · %s", label (rd, &column->group), label (rd, &column->label));
  return g_strdup (label (rd, &column->label));
}

/* "（三）不予公开 · 1.属于国家秘密", "行政诉讼 · 复议后起诉": a row's label under its
 * printed group and parents, unless the label already says them. */
char *
row_full_label (Render                    *rd,
                const GovstatsSchemaTable *table,
                int                        r)
{
  const GovstatsSchemaRow *row = row_at (table, r);
  const char *own = label (rd, &row->label);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  guint outer;

  if (label_is_set (&row->printed_group) && !g_str_has_prefix (own, label (rd, &row->printed_group)))
    g_ptr_array_add (parts, (gpointer) label (rd, &row->printed_group));
  outer = parts->len;
  for (int p = row->parent; p >= 0; p = row_at (table, p)->parent)
    {
      const char *parent = label (rd, &row_at (table, p)->label);

      if (!g_str_has_prefix (own, parent))
        g_ptr_array_insert (parts, (int) outer, (gpointer) parent);
    }
  g_ptr_array_add (parts, (gpointer) own);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* ---------- findings ---------- */

static void
mark_free (gpointer data)
{
  Mark *mark = data;

  g_string_free (mark->title, TRUE);
  g_free (mark);
}

int
finding_rank (GovstatsFinding *f)
{
  if (govstats_finding_is_waived (f))
    return 4;
  if (govstats_finding_get_outcome (f) == GOVSTATS_OUTCOME_UNCERTAIN)
    return 2;
  if (govstats_finding_get_outcome (f) == GOVSTATS_OUTCOME_NOTE)
    return 3;
  switch (govstats_finding_get_severity (f))
    {
    case GOVSTATS_SEVERITY_ERROR: return 0;
    case GOVSTATS_SEVERITY_WARNING: return 1;
    case GOVSTATS_SEVERITY_INFO:
    default: return 3;
    }
}

const char *
rank_class (int rank)
{
  static const char * const classes[] = {
    "govstats-error", "govstats-warning", "govstats-uncertain", "govstats-info", "govstats-waived",
  };
  return classes[CLAMP (rank, 0, 4)];
}

static void
collect_marks (Render *rd)
{
  rd->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, mark_free);
  if (rd->findings == NULL)
    return;
  for (guint i = 0; i < rd->findings->len; i++)
    {
      GovstatsFinding *f = rd->findings->pdata[i];
      const char * const *cells = govstats_finding_get_cells (f);
      g_autofree char *text = govstats_finding_to_string (f, rd->lang);
      int rank = finding_rank (f);

      for (guint k = 0; cells && cells[k]; k++)
        {
          Mark *mark = g_hash_table_lookup (rd->marks, cells[k]);

          if (mark == NULL)
            {
              mark = g_new0 (Mark, 1);
              mark->rank = rank;
              mark->title = g_string_new (text);
              g_hash_table_insert (rd->marks, g_strdup (cells[k]), mark);
              continue;
            }
          mark->rank = MIN (mark->rank, rank);
          g_string_append_c (mark->title, '\n');
          g_string_append (mark->title, text);
        }
    }
}

/* ---------- renderer's own words ---------- */

char *
report_title (Render *rd)
{
  const char *unit = govstats_report_get_unit_name (rd->report);
  int year = govstats_report_get_year (rd->report);
  gboolean aggregate = govstats_report_get_scope (rd->report) == GOVSTATS_SCOPE_AGGREGATE;
  GString *s = g_string_new (NULL);

  if (rd->en)
    {
      g_string_append (s, "Annual report on government information disclosure");
      if (year > 0)
        g_string_append_printf (s, ", %d", year);
      if (unit != NULL && *unit != '\0')
        g_string_append_printf (s, ": %s", unit);
      if (aggregate)
        g_string_append (s, " (consolidated)");
    }
  else
    {
      if (unit != NULL)
        g_string_append (s, unit);
      if (year > 0)
        g_string_append_printf (s, "%d年", year);
      g_string_append (s, "政府信息公开工作年度报告");
      if (aggregate)
        g_string_append (s, "（汇总）");
    }
  {
    g_autofree char *text = g_string_free (s, FALSE);
    return one_line (text);
  }
}

/* "汇总 59 个单位的报告" under the title of a consolidated report that lists them. */
char *
report_subtitle (Render *rd)
{
  JsonArray *sources = govstats_report_get_sources (rd->report);
  guint n = sources ? json_array_get_length (sources) : 0;

  if (govstats_report_get_scope (rd->report) != GOVSTATS_SCOPE_AGGREGATE || n == 0)
    return NULL;
  /* Translators: under the title of a consolidated report; %u is how many unit reports it sums. */
  return govstats_i18n_printf (rd->en ? "en" : "zh",
                               govstats_i18n_ngettext (rd->en ? "en" : "zh", "Consolidated from %u unit report",
                                                       "Consolidated from %u unit reports", n), n);
}

const char *
findings_heading (Render *rd)
{
  /* Translators: the heading of the findings listed under a rendered report. */
  return govstats_i18n_gettext (rd->en ? "en" : "zh", "Check findings");
}

const char *
no_findings_text (Render *rd)
{
  return govstats_i18n_gettext (rd->en ? "en" : "zh", "No findings.");
}

void
visit_sections (Render               *rd,
                const SectionVisitor *v)
{
  for (guint s = 0; s < govstats_schema_get_n_sections (rd->schema); s++)
    {
      const GovstatsSchemaSection *section = govstats_schema_section_at (rd->schema, s);
      guint n_tables = section->tables ? g_strv_length (section->tables) : 0;

      v->begin_section (rd, section, label (rd, &section->heading));
      if (section->is_text)
        v->text_section (rd, section, govstats_report_get_text (rd->report, section->key));
      for (guint t = 0; t < n_tables; t++)
        {
          const GovstatsSchemaTable *table = govstats_schema_find_table (rd->schema, section->tables[t]);

          /* A section of one table is that table: its heading is the title. */
          if (table != NULL)
            v->table (rd, section, table, n_tables > 1);
        }
      if (v->end_section)
        v->end_section (rd, section);
    }
}

/**
 * govstats_report_render:
 * @self: a report
 * @format: the output format
 * @lang: (nullable): `zh` or `en` for the labels and headings; %NULL for Chinese
 * @findings: (nullable) (element-type GovstatsFinding): findings to show,
 *   usually from [method@Govstats.Report.check]; %NULL for none
 * @flags: options
 *
 * Lays the report out as the statutory form prints it: the title (with
 * 汇总 for a consolidated report), then every section of the layout in order
 * with its heading, the text sections as written and the tables with their
 * official labels.
 *
 * <!-- run: render -->
 * ```c
 * g_autoptr(GovstatsReport) report = govstats_report_new_from_file ("units/D01.json", NULL);
 * g_autofree char *html = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_HTML, "zh",
 *                                                 NULL, GOVSTATS_RENDER_FLAGS_STANDALONE);
 * g_autofree char *csv = govstats_report_render (report, GOVSTATS_RENDER_FORMAT_CSV, "en",
 *                                                NULL, GOVSTATS_RENDER_FLAGS_NONE);
 * g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
 *
 * g_print ("%s\n%s\n", lines[0], g_str_has_prefix (html, "<!DOCTYPE html>") ? "a whole page" : "a fragment");
 * for (guint i = 0; lines[i] != NULL; i++)
 *   if (g_str_has_prefix (lines[i], "applications,received,total,"))
 *     g_print ("%s\n", lines[i]);
 * ```
 *
 * It prints:
 *
 * <!-- output: render -->
 * ```text
 * table,row,column,label_en,value
 * a whole page
 * applications,received,total,New applications received this year / Total,10
 * ```
 *
 * Blank cells print blank, never 0; values print exactly (`4068.208`), with
 * the unit and note a cell was imported with. Group rows such as （三）不予公开
 * are labels without numbers. The 2021 （六）其他处理 prints as the report
 * uses it: the single row of the 2019 layout when its cells are set, else the
 * group with its three sub-rows.
 *
 * - %GOVSTATS_RENDER_FORMAT_TEXT and %GOVSTATS_RENDER_FORMAT_MARKDOWN align
 *   columns by display width (see [func@Govstats.render_display_width]);
 * - %GOVSTATS_RENDER_FORMAT_HTML reproduces the spanning cells of the form,
 *   escapes all text, marks every value cell with `data-path` and, with
 *   @findings, highlights the cells they name (class `govstats-flagged` and
 *   `govstats-error`, `govstats-warning`, `govstats-uncertain`,
 *   `govstats-info` or `govstats-waived`, the messages as the title);
 * - %GOVSTATS_RENDER_FORMAT_CSV writes every cell of the layout, one per line;
 * - %GOVSTATS_RENDER_FORMAT_CSV_WIDE writes a block per table.
 *
 * With @findings, text, Markdown and HTML end with a list of them (or a line
 * saying there are none); CSV leaves them out.
 *
 * Returns: (transfer full): the rendered report, UTF-8
 *
 * Since: 0.1
 */
char *
govstats_report_render (GovstatsReport       *self,
                        GovstatsRenderFormat  format,
                        const char           *lang,
                        GPtrArray            *findings,
                        GovstatsRenderFlags   flags)
{
  Render rd = { 0 };

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  g_return_val_if_fail (format <= GOVSTATS_RENDER_FORMAT_CSV_WIDE, NULL);

  rd.report = self;
  rd.schema = govstats_report_get_schema (self);
  rd.lang = lang != NULL && g_str_has_prefix (lang, "en") ? "en" : "zh";
  rd.en = g_str_equal (rd.lang, "en");
  rd.findings = findings;
  rd.out = g_string_new (NULL);
  collect_marks (&rd);

  if ((flags & GOVSTATS_RENDER_FLAGS_BOM) &&
      (format == GOVSTATS_RENDER_FORMAT_CSV || format == GOVSTATS_RENDER_FORMAT_CSV_WIDE))
    g_string_append (rd.out, "\xEF\xBB\xBF");

  switch (format)
    {
    case GOVSTATS_RENDER_FORMAT_TEXT:
      render_text (&rd);
      break;
    case GOVSTATS_RENDER_FORMAT_MARKDOWN:
      render_markdown (&rd);
      break;
    case GOVSTATS_RENDER_FORMAT_HTML:
      render_html (&rd, flags);
      break;
    case GOVSTATS_RENDER_FORMAT_CSV:
      render_csv (&rd);
      break;
    case GOVSTATS_RENDER_FORMAT_CSV_WIDE:
    default:
      render_csv_wide (&rd);
      break;
    }

  g_hash_table_unref (rd.marks);
  return g_string_free (rd.out, FALSE);
}
