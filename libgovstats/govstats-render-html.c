/* govstats-render-html.c — the HTML backend: the form's spanning cells, flagged cells, a standalone page
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

/* ---------- HTML ---------- */

static const char html_style[] =
  "body { font-family: \"SimSun\", \"Songti SC\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", "
  "\"WenQuanYi Micro Hei\", serif; color: #000; background: #fff; margin: 2em; line-height: 1.5; }\n"
  "h1 { font-size: 1.5em; text-align: center; margin: 0 0 0.3em; }\n"
  ".govstats-subtitle { text-align: center; margin: 0 0 1em; }\n"
  "h2 { font-size: 1.15em; margin: 1.2em 0 0.5em; }\n"
  "p { text-indent: 2em; margin: 0.3em 0; }\n"
  "table.govstats-table { border-collapse: collapse; margin: 0.5em 0 1em; }\n"
  ".govstats-table th, .govstats-table td { border: 1px solid #000; padding: 0.25em 0.5em; }\n"
  ".govstats-table th { font-weight: normal; text-align: center; vertical-align: middle; }\n"
  ".govstats-table th[scope=col], .govstats-table th[scope=colgroup] { word-break: keep-all; }\n"
  ".govstats-table.govstats-across th[scope=col] { word-break: normal; }\n"
  ".govstats-table th[scope=row] { text-align: left; }\n"
  ".govstats-table th.govstats-title { font-weight: bold; }\n"
  ".govstats-table th.govstats-note { text-align: left; font-size: 0.85em; width: 12em; }\n"
  ".govstats-table th.govstats-printed-group { writing-mode: vertical-rl; text-orientation: upright; "
  "letter-spacing: 0.3em; "
  "text-align: center; }\n"
  ".govstats-table td { text-align: right; min-width: 3em; font-variant-numeric: tabular-nums; }\n"
  ".govstats-cell-note { font-size: 0.85em; }\n"
  ".govstats-error { background: #f6c7c7; }\n"
  ".govstats-warning { background: #fbeab4; }\n"
  ".govstats-uncertain, .govstats-info { background: #d7e5f7; }\n"
  ".govstats-waived { background: #e6e6e6; }\n"
  "@media print {\n"
  "  body { margin: 0; }\n"
  "  table.govstats-table { page-break-inside: avoid; }\n"
  "  .govstats-error, .govstats-warning, .govstats-uncertain, .govstats-info, .govstats-waived "
  "{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
  "}\n";

static void
html_escaped (GString    *out,
              const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

static void
html_value_cell (Render                    *rd,
                 const GovstatsSchemaTable *table,
                 int                        r,
                 guint                      c)
{
  g_autofree char *path = cell_path (rd, table, r, c);
  g_autofree char *value = govstats_report_dup_value_text (rd->report, path, NULL);
  Mark *mark = g_hash_table_lookup (rd->marks, path);
  const char *unit = govstats_report_get_cell_unit (rd->report, path);
  const char *note = govstats_report_get_cell_note (rd->report, path);

  g_string_append (rd->out, "<td data-path=\"");
  html_escaped (rd->out, path);
  g_string_append_c (rd->out, '"');
  if (value == NULL || mark != NULL)
    {
      g_string_append (rd->out, " class=\"");
      if (value == NULL)
        g_string_append (rd->out, "govstats-blank");
      if (mark != NULL)
        g_string_append_printf (rd->out, "%sgovstats-flagged %s", value == NULL ? " " : "", rank_class (mark->rank));
      g_string_append_c (rd->out, '"');
    }
  if (mark != NULL)
    {
      g_string_append (rd->out, " title=\"");
      html_escaped (rd->out, mark->title->str);
      g_string_append_c (rd->out, '"');
    }
  g_string_append_c (rd->out, '>');
  if (value != NULL)
    {
      html_escaped (rd->out, value);
      if (unit != NULL && *unit != '\0' && g_strcmp0 (unit, column_at (table, c)->unit) != 0)
        html_escaped (rd->out, unit);
      if (note != NULL && *note != '\0')
        {
          g_string_append (rd->out, "<span class=\"govstats-cell-note\">");
          g_string_append (rd->out, rd->en ? " (" : "（");
          html_escaped (rd->out, note);
          g_string_append (rd->out, rd->en ? ")" : "）");
          g_string_append (rd->out, "</span>");
        }
    }
  g_string_append (rd->out, "</td>");
}

static void
html_th (Render     *rd,
         const char *klass,
         const char *scope,
         guint       rowspan,
         guint       colspan,
         const char *text)
{
  g_string_append (rd->out, "<th");
  if (klass)
    g_string_append_printf (rd->out, " class=\"%s\"", klass);
  if (scope)
    g_string_append_printf (rd->out, " scope=\"%s\"", scope);
  if (rowspan > 1)
    g_string_append_printf (rd->out, " rowspan=\"%u\"", rowspan);
  if (colspan > 1)
    g_string_append_printf (rd->out, " colspan=\"%u\"", colspan);
  g_string_append_c (rd->out, '>');
  html_escaped (rd->out, text);
  g_string_append (rd->out, "</th>");
}

static void
html_begin_table (Render                    *rd,
                  const GovstatsSchemaTable *table,
                  gboolean                   titled,
                  guint                      width)
{
  g_string_append_printf (rd->out, "<table class=\"govstats-table%s\" data-table=\"",
                          table_is_printed_across (table) ? " govstats-across" : "");
  html_escaped (rd->out, table->key);
  g_string_append (rd->out, "\">\n");
  if (titled)
    {
      g_string_append (rd->out, "<tr>");
      html_th (rd, "govstats-title", "colgroup", 1, width, label (rd, &table->title));
      g_string_append (rd->out, "</tr>\n");
    }
}

/* The table as the form prints it, rows down the side. */
/* The header lines of a table printed down the page: the note (or the row
 * header) in the corner over the @label_cols label columns, then the
 * columns, their groups and the column header over them, @h lines in all. */
static void
html_column_header (Render                    *rd,
                    const GovstatsSchemaTable *table,
                    guint                      h,
                    guint                      label_cols)
{
  guint n = table->columns->len;
  const char *corner;

  g_string_append (rd->out, "<tr>");
  if (label_is_set (&table->note))
    html_th (rd, "govstats-note", NULL, h, label_cols, label (rd, &table->note));
  else
    {
      corner = table_row_header (rd, table);
      html_th (rd, NULL, NULL, h, label_cols, corner ? corner : "");
    }
  if (label_is_set (&table->column_header))
    {
      html_th (rd, NULL, "colgroup", 1, n, label (rd, &table->column_header));
      g_string_append (rd->out, "</tr>\n<tr>");
    }
  if (table_has_column_groups (table))
    {
      for (guint c = 0; c < n;)
        {
          const GovstatsSchemaColumn *column = column_at (table, c);
          guint run = 1;

          if (!label_is_set (&column->group))
            {
              html_th (rd, NULL, "col", 2, 1, label (rd, &column->label));
              c++;
              continue;
            }
          while (c + run < n && labels_equal (&column_at (table, c + run)->group, &column->group))
            run++;
          html_th (rd, NULL, "colgroup", 1, run, label (rd, &column->group));
          c += run;
        }
      g_string_append (rd->out, "</tr>\n<tr>");
      for (guint c = 0; c < n; c++)
        if (label_is_set (&column_at (table, c)->group))
          html_th (rd, NULL, "col", 1, 1, label (rd, &column_at (table, c)->label));
    }
  else
    for (guint c = 0; c < n; c++)
      html_th (rd, NULL, "col", 1, 1, label (rd, &column_at (table, c)->label));
  g_string_append (rd->out, "</tr>\n");
}

/* The label cells of line @i of @rows: the printed group and the group rows
 * over it where it is the first line under them (spanning their lines),
 * then its own label across the label columns left. */
static void
html_row_labels (Render                    *rd,
                 const GovstatsSchemaTable *table,
                 GArray                    *rows,
                 guint                      i,
                 GArray                    *groups,
                 guint                      label_cols,
                 guint                      group_cols)
{
  int r = g_array_index (rows, int, i);
  const GovstatsSchemaRow *row = row_at (table, r);
  const PrintedGroup *group = NULL;
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (int));
  guint colspan;

  for (guint g = 0; g < groups->len; g++)
    if (r >= g_array_index (groups, PrintedGroup, g).first && r <= g_array_index (groups, PrintedGroup, g).last)
      group = &g_array_index (groups, PrintedGroup, g);
  if (group != NULL && (i == 0 || g_array_index (rows, int, i - 1) < group->first))
    {
      guint span = 0;

      for (guint k = i; k < rows->len && g_array_index (rows, int, k) <= group->last; k++)
        span++;
      html_th (rd, "govstats-printed-group", "rowgroup", span, 1, group->label);
    }

  /* Group label cells start on the first line under them. */
  for (int p = row->parent; p >= 0; p = row_at (table, p)->parent)
    if (!legacy_used (rd, table, p))
      g_array_prepend_val (chain, p);
  for (guint k = 0; k < chain->len; k++)
    {
      int p = g_array_index (chain, int, k);
      gboolean first = TRUE;
      guint span = 0;

      if (i > 0)
        for (int q = row_at (table, g_array_index (rows, int, i - 1))->parent; q >= 0; q = row_at (table, q)->parent)
          if (q == p)
            first = FALSE;
      if (!first)
        continue;
      for (guint m = i; m < rows->len; m++)
        {
          int q;

          for (q = row_at (table, g_array_index (rows, int, m))->parent; q >= 0 && q != p; q = row_at (table, q)->parent)
            ;
          if (q != p)
            break;
          span++;
        }
      html_th (rd, "govstats-group", "rowgroup", span, 1, label (rd, &row_at (table, p)->label));
    }
  colspan = label_cols - (group != NULL ? group_cols : 0) - chain->len;
  html_th (rd, NULL, "row", 1, colspan, label (rd, &row->label));
}

static void
html_table_down (Render                    *rd,
                 const GovstatsSchemaTable *table,
                 gboolean                   titled)
{
  g_autoptr(GArray) groups = table_printed_groups (rd, table);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));   /* lines with numbers */
  guint n = table->columns->len;
  guint h = column_header_rows (table);
  guint depth = 0, label_cols, group_cols;
  gboolean any_in_group = FALSE;

  /* In the form, a group row is no line of its own: its label cell spans
   * the lines of its sub-rows. */
  for (guint r = 0; r < table->rows->len; r++)
    if (row_is_printed (rd, table, (int) r) && row_prints_values (rd, table, (int) r))
      {
        int ri = (int) r;
        guint d = 0;

        g_array_append_val (rows, ri);
        for (int p = row_at (table, ri)->parent; p >= 0; p = row_at (table, p)->parent)
          if (!legacy_used (rd, table, p))
            d++;
        depth = MAX (depth, d);
        for (guint g = 0; g < groups->len; g++)
          if (ri >= g_array_index (groups, PrintedGroup, g).first && ri <= g_array_index (groups, PrintedGroup, g).last)
            any_in_group = TRUE;
      }
  group_cols = any_in_group ? 1 : 0;
  label_cols = group_cols + depth + 1;

  html_begin_table (rd, table, titled, label_cols + n);

  html_column_header (rd, table, h, label_cols);

  for (guint i = 0; i < rows->len; i++)
    {
      int r = g_array_index (rows, int, i);

      g_string_append (rd->out, "<tr>");
      html_row_labels (rd, table, rows, i, groups, label_cols, group_cols);
      for (guint c = 0; c < n; c++)
        html_value_cell (rd, table, r, c);
      g_string_append (rd->out, "</tr>\n");
    }
  g_string_append (rd->out, "</table>\n");
}

/* The table printed across (表四): its rows become header groups over one
 * line of numbers. */
static void
html_table_across (Render                    *rd,
                   const GovstatsSchemaTable *table,
                   gboolean                   titled)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));
  guint n = table->columns->len;

  for (guint r = 0; r < table->rows->len; r++)
    if (row_at (table, (int) r)->has_cells)
      {
        int ri = (int) r;
        g_array_append_val (rows, ri);
      }
  html_begin_table (rd, table, titled, rows->len * n);

  g_string_append (rd->out, "<tr>");
  for (guint i = 0; i < rows->len;)
    {
      const GovstatsSchemaRow *row = row_at (table, g_array_index (rows, int, i));
      guint run = 1;

      if (!label_is_set (&row->printed_group))
        {
          html_th (rd, NULL, "colgroup", 2, n, label (rd, &row->label));
          i++;
          continue;
        }
      while (i + run < rows->len &&
             labels_equal (&row_at (table, g_array_index (rows, int, i + run))->printed_group, &row->printed_group))
        run++;
      html_th (rd, NULL, "colgroup", 1, run * n, label (rd, &row->printed_group));
      i += run;
    }
  g_string_append (rd->out, "</tr>\n<tr>");
  for (guint i = 0; i < rows->len; i++)
    {
      const GovstatsSchemaRow *row = row_at (table, g_array_index (rows, int, i));

      if (label_is_set (&row->printed_group))
        html_th (rd, NULL, "colgroup", 1, n, label (rd, &row->label));
    }
  g_string_append (rd->out, "</tr>\n<tr>");
  for (guint i = 0; i < rows->len; i++)
    for (guint c = 0; c < n; c++)
      html_th (rd, NULL, "col", 1, 1, label (rd, &column_at (table, c)->label));
  g_string_append (rd->out, "</tr>\n<tr>");
  for (guint i = 0; i < rows->len; i++)
    for (guint c = 0; c < n; c++)
      html_value_cell (rd, table, g_array_index (rows, int, i), c);
  g_string_append (rd->out, "</tr>\n</table>\n");
}

static void
html_begin_section (Render                      *rd,
                    const GovstatsSchemaSection *section,
                    const char                  *heading)
{
  g_string_append (rd->out, "<section class=\"govstats-section\" data-section=\"");
  html_escaped (rd->out, section->key);
  g_string_append (rd->out, "\">\n<h2>");
  html_escaped (rd->out, heading);
  g_string_append (rd->out, "</h2>\n");
}

static void
html_text_section (Render                      *rd,
                   const GovstatsSchemaSection *section,
                   const char                  *text)
{
  g_auto(GStrv) paragraphs = NULL;

  if (text == NULL)
    return;
  paragraphs = dup_paragraphs (text);
  for (guint i = 0; paragraphs[i]; i++)
    {
      g_string_append (rd->out, "<p>");
      html_escaped (rd->out, paragraphs[i]);
      g_string_append (rd->out, "</p>\n");
    }
}

static void
html_table (Render                      *rd,
            const GovstatsSchemaSection *section,
            const GovstatsSchemaTable   *table,
            gboolean                     titled)
{
  if (table_is_printed_across (table))
    html_table_across (rd, table, titled);
  else
    html_table_down (rd, table, titled);
}

static void
html_end_section (Render                      *rd,
                  const GovstatsSchemaSection *section)
{
  g_string_append (rd->out, "</section>\n");
}

void
render_html (Render              *rd,
             GovstatsRenderFlags  flags)
{
  static const SectionVisitor visitor = {
    html_begin_section, html_text_section, html_table, html_end_section,
  };
  g_autofree char *title = report_title (rd);
  g_autofree char *subtitle = report_subtitle (rd);
  const char *html_lang = rd->en ? "en" : "zh-CN";
  int year = govstats_report_get_year (rd->report);

  if (flags & GOVSTATS_RENDER_FLAGS_STANDALONE)
    {
      g_string_append_printf (rd->out,
                              "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                              "<meta name=\"generator\" content=\"libgovstats\">\n<title>", html_lang);
      html_escaped (rd->out, title);
      g_string_append_printf (rd->out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", html_style);
    }
  g_string_append_printf (rd->out, "<div class=\"govstats-report\" lang=\"%s\" data-version=\"", html_lang);
  html_escaped (rd->out, govstats_report_get_version (rd->report));
  g_string_append (rd->out, "\"");
  if (year > 0)
    g_string_append_printf (rd->out, " data-year=\"%d\"", year);
  g_string_append_printf (rd->out, " data-scope=\"%s\">\n<h1>",
                          govstats_report_get_scope (rd->report) == GOVSTATS_SCOPE_AGGREGATE ? "aggregate" : "own");
  html_escaped (rd->out, title);
  g_string_append (rd->out, "</h1>\n");
  if (subtitle)
    {
      g_string_append (rd->out, "<p class=\"govstats-subtitle\">");
      html_escaped (rd->out, subtitle);
      g_string_append (rd->out, "</p>\n");
    }
  visit_sections (rd, &visitor);
  if (rd->findings)
    {
      g_string_append (rd->out, "<section class=\"govstats-findings\">\n<h2>");
      html_escaped (rd->out, findings_heading (rd));
      g_string_append (rd->out, "</h2>\n");
      if (rd->findings->len == 0)
        {
          g_string_append (rd->out, "<p>");
          html_escaped (rd->out, no_findings_text (rd));
          g_string_append (rd->out, "</p>\n");
        }
      else
        {
          g_string_append (rd->out, "<ul>\n");
          for (guint i = 0; i < rd->findings->len; i++)
            {
              GovstatsFinding *f = rd->findings->pdata[i];
              g_autofree char *text = govstats_finding_to_string (f, rd->lang);

              g_string_append_printf (rd->out, "<li class=\"%s\">", rank_class (finding_rank (f)));
              html_escaped (rd->out, text);
              g_string_append (rd->out, "</li>\n");
            }
          g_string_append (rd->out, "</ul>\n");
        }
      g_string_append (rd->out, "</section>\n");
    }
  g_string_append (rd->out, "</div>\n");
  if (flags & GOVSTATS_RENDER_FLAGS_STANDALONE)
    g_string_append (rd->out, "</body>\n</html>\n");
}
