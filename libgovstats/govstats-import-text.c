/* govstats-import-text.c — the table reader: rows anchored by their labels
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Works on a GovstatsImportDoc (lines, some split into cells) and nothing
 * else; every statutory row, column and label comes from the schema data.
 *
 *  1. Tokens (govstats-import-tokens.c): each line becomes text fragments
 *     and values with their column (code points, as `pdftotext -layout`
 *     counts them) or cell index.
 *  2. Layout (govstats-import-layout.c): 2019 or 2021, from the labels only
 *     one of the two prints.
 *  3. Regions (govstats-import-layout.c): section headings and table titles
 *     delimit each table.
 *  4. Labels (govstats-import-labels.c): fragments are joined into labels
 *     across lines while the join stays a prefix of some label of the table
 *     (this is how a label broken over lines, or interleaved with a vertical
 *     group label, is put back together); group labels, printed group labels
 *     and header words are recognised and set aside.
 *  5. Numbers (govstats-import-rows.c): in line forms (layout text, cells)
 *     the numbers of a line go to the label on that line, or to the label
 *     just above still without numbers; in reading-order text (one value per
 *     line) the runs of values are cut into rows (row-major, or column-major
 *     blocks) and paired with the printed rows in table order.
 *  6. Cells (govstats-import-cells.c): a row with too few or too many
 *     numbers is never shifted: its cells stay blank and a finding says so,
 *     unless the column positions of layout text tell which cells are blank.
 *  7. Metadata and text sections (govstats-import-meta.c).
 *
 * This file reads the document, each table in turn through these stages,
 * and makes the reader's findings.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "govstats-import-private.h"
#include "govstats-schema-private.h"
#include "govstats-report-private.h"
#include "govstats-error.h"
#include "govstats-finding-private.h"
#include "govstats-i18n-private.h"

/* ---------- findings ---------- */

static GovstatsFinding *
keep_finding (Reader          *rd,
              GovstatsFinding *f,
              GovstatsSeverity severity,
              guint            lineno,
              guint            column,
              char           **cells)
{
  govstats_finding_set_outcome (f, severity == GOVSTATS_SEVERITY_INFO ? GOVSTATS_OUTCOME_NOTE
                                                                     : GOVSTATS_OUTCOME_FAILED);
  if (cells)
    govstats_finding_set_cells (f, (const char * const *) cells);
  govstats_finding_set_position (f, rd->name, lineno, column);
  g_ptr_array_add (rd->findings, f);
  return f;
}

/* A finding whose Chinese and English messages are already made (from one
 * msgid, where some of the arguments are in a language themselves). */
GovstatsFinding *
govstats_import_add_finding (Reader          *rd,
                             const char      *rule,
                             GovstatsSeverity severity,
                             guint            lineno,
                             guint            column,
                             char           **cells,
                             const char      *zh,
                             const char      *en)
{
  return keep_finding (rd, govstats_finding_new (rule, severity, zh, en), severity, lineno, column, cells);
}

/* A finding whose message is @format (an English msgid) with the same
 * arguments in both languages. */
GovstatsFinding *
govstats_import_add_finding_printf (Reader          *rd,
                                    const char      *rule,
                                    GovstatsSeverity severity,
                                    guint            lineno,
                                    guint            column,
                                    char           **cells,
                                    const char      *format,
                                    ...)
{
  va_list args;
  GovstatsFinding *f;

  va_start (args, format);
  f = govstats_finding_new_vprintf (rule, severity, format, args);
  va_end (args);
  return keep_finding (rd, f, severity, lineno, column, cells);
}

char **
govstats_import_row_cells (TableInfo *ti,
                           int        row)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  const GovstatsSchemaRow *r = govstats_import_row_at (ti, row);

  for (guint c = 0; c < ti->table->columns->len; c++)
    {
      const GovstatsSchemaColumn *col = ti->table->columns->pdata[c];
      g_autofree char *path = g_strdup_printf ("%s/%s/%s", ti->table->key, r->key, col->key);
      g_strv_builder_add (b, path);
    }
  return g_strv_builder_end (b);
}

char *
govstats_import_page_note (Reader  *rd,
                           guint    lineno,
                           gboolean en)
{
  guint lo = 0, hi = rd->lines->len;

  /* The page helps with PDFs, whose line numbers are those of the rebuilt
   * text. Lines are in source order: a binary search. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      Line *l = rd->lines->pdata[mid];
      if (l->src->lineno < lineno)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < rd->lines->len)
    {
      Line *l = rd->lines->pdata[lo];
      if (l->src->lineno == lineno && l->src->page > 1)
        /* Translators: after the place of a finding in a PDF; %u is the page. */
        return govstats_i18n_printf (en ? "en" : "zh", N_(" (page %u)"), l->src->page);
    }
  return g_strdup ("");
}

char *
govstats_import_vec_text (Vec *v)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < v->toks->len; i++)
    {
      Tok *t = v->toks->pdata[i];
      if (i > 0)
        g_string_append (s, v->explicit ? " | " : " ");
      g_string_append (s, t->empty_cell ? "" : t->raw);
    }
  return g_string_free (s, FALSE);
}

void
govstats_import_table_read_init (TableRead *tr,
                                 Reader    *rd,
                                 TableInfo *ti,
                                 GPtrArray *rlines)
{
  guint n_rows = ti->table->rows->len;

  memset (tr, 0, sizeof *tr);
  tr->rd = rd;
  tr->ti = ti;
  tr->rlines = rlines;
  tr->partials = g_ptr_array_new_with_free_func (govstats_import_partial_free);
  tr->vecs = g_ptr_array_new_with_free_func (govstats_import_vec_free);
  tr->row_vec = g_new (int, n_rows);
  tr->row_partial = g_new (int, n_rows);
  for (guint r = 0; r < n_rows; r++)
    tr->row_vec[r] = tr->row_partial[r] = -1;
}

void
govstats_import_table_read_clear (TableRead *tr)
{
  g_clear_pointer (&tr->partials, g_ptr_array_unref);
  g_clear_pointer (&tr->vecs, g_ptr_array_unref);
  g_clear_pointer (&tr->row_vec, g_free);
  g_clear_pointer (&tr->row_partial, g_free);
}

/* Reads one table from its region; FALSE if nothing of it was found. */
static gboolean
read_table (Reader    *rd,
            TableInfo *ti,
            GPtrArray *rlines,
            guint      anchor_lineno,
            gboolean   fallback)
{
  TableRead tr;
  double read = 0;
  guint expected = 0;
  gboolean found = !fallback;

  govstats_import_table_read_init (&tr, rd, ti, rlines);
  tr.fallback = fallback;
  tr.anchor_lineno = anchor_lineno;

  /* Reading order or lines: decided before the labels, which join differently. */
  tr.line_mode = FALSE;
  for (guint li = 0; li < rlines->len && !tr.line_mode; li++)
    {
      Line *l = rlines->pdata[li];
      if (l->content && ((l->explicit && (l->n_values > 0 || l->n_text > 1)) || l->n_values >= 2 ||
                         (l->n_text > 0 && l->n_values > 0)))
        tr.line_mode = TRUE;
    }
  tr.stream = !tr.line_mode;
  govstats_import_label_pass (&tr);
  for (guint i = 0; i < tr.partials->len && !found; i++)
    if (govstats_import_partial_is_row (govstats_import_partial_at (&tr, i)))
      found = TRUE;
  /* A table looked for without its title is there only if its rows are. */
  tr.fallback = FALSE;
  if (!found)
    goto out;
  if (tr.line_mode)
    govstats_import_line_mode_assign (&tr);
  else
    govstats_import_stream_assign (&tr);

  govstats_import_apply_rows (&tr, &read, &expected);
  if (expected > 0)
    {
      double conf = read / expected;
      conf = (double) (gint64) (conf * 1000 + 0.5) / 1000;
      json_object_set_double_member (rd->stats->confidence, ti->table->key, conf);
    }
  rd->stats->n_cells_read += (guint) read;

out:
  govstats_import_table_read_clear (&tr);
  return found;
}

/* ---------- the document ---------- */

/* The first anchor line after @line, or @end. */
static int
next_anchor (GArray *anchor_lines,
             int     line,
             int     end)
{
  for (guint k = 0; k < anchor_lines->len; k++)
    if (g_array_index (anchor_lines, int, k) > line)
      return g_array_index (anchor_lines, int, k);
  return end;
}

/* Each table with a title: from its anchor to the next heading or title.
 * The lines it takes are marked in @used. */
static void
read_titled_tables (Reader    *rd,
                    GPtrArray *infos,
                    Anchors   *an,
                    GArray    *anchor_lines,
                    gboolean  *used)
{
  for (guint t = 0; t < infos->len; t++)
    {
      TableInfo *ti = infos->pdata[t];
      g_autoptr(GPtrArray) rlines = NULL;
      int start = an->table_line[t], end;

      if (start < 0)
        continue;
      rlines = g_ptr_array_new ();
      end = next_anchor (anchor_lines, start, (int) rd->lines->len);
      for (int i = start + 1; i < end; i++)
        {
          g_ptr_array_add (rlines, rd->lines->pdata[i]);
          used[i] = TRUE;
        }
      read_table (rd, ti, rlines, ((Line *) rd->lines->pdata[start])->src->lineno, FALSE);
      rd->stats->n_tables_found++;
    }
}

/* Tables without a title: looked for by their row labels in their section
 * (or, in a bare table without any heading, anywhere), in the lines no
 * titled table took. */
static void
read_untitled_tables (Reader    *rd,
                      GPtrArray *infos,
                      Anchors   *an,
                      guint      n_sections,
                      gboolean   any_anchor,
                      gboolean  *used)
{
  for (guint t = 0; t < infos->len; t++)
    {
      TableInfo *ti = infos->pdata[t];
      g_autoptr(GPtrArray) rlines = NULL;
      int from = -1, to = (int) rd->lines->len;
      gboolean found = FALSE;

      if (an->table_line[t] >= 0)
        continue;
      rlines = g_ptr_array_new ();
      if (!any_anchor)
        from = 0;
      for (guint s = 0; s < n_sections && any_anchor; s++)
        {
          const GovstatsSchemaSection *sec = govstats_schema_section_at (rd->schema, s);
          if (sec->tables && g_strv_contains ((const char * const *) sec->tables, ti->table->key) &&
              an->section_line[s] >= 0)
            {
              from = an->section_line[s] + 1;
              for (guint s2 = s + 1; s2 < n_sections; s2++)
                if (an->section_line[s2] >= 0)
                  {
                    to = an->section_line[s2];
                    break;
                  }
            }
        }
      if (from >= 0)
        {
          for (int i = from; i < to; i++)
            if (!used[i])
              g_ptr_array_add (rlines, rd->lines->pdata[i]);
          found = read_table (rd, ti, rlines, 0, TRUE);
        }
      if (found)
        {
          rd->stats->n_tables_found++;
          govstats_import_add_finding_printf (rd, "import.missing_title", GOVSTATS_SEVERITY_INFO, 0, 0, NULL,
                                              /* Translators: %s is a table's title. */
                                              N_("the title of table %s was not found; its rows were found by their labels"),
                                              ti->table->title.zh);
        }
      else
        {
          g_auto(GStrv) paths = govstats_schema_dup_cell_paths (rd->schema, ti->table->key);
          guint lineno = rd->lines->len ? ((Line *) rd->lines->pdata[rd->lines->len - 1])->src->lineno : 0;
          govstats_import_add_finding_printf (rd, "import.missing_table", GOVSTATS_SEVERITY_ERROR, lineno, 0, paths,
                                              /* Translators: %1$s is a table's title, %2$s its key. */
                                              N_("table %1$s (%2$s) not found: left blank"), ti->table->title.zh, ti->table->key);
          json_object_set_double_member (rd->stats->confidence, ti->table->key, 0.0);
        }
    }
}

/* Text sections: from their heading to the next heading. */
static void
read_text_sections (Reader  *rd,
                    Anchors *an,
                    GArray  *anchor_lines,
                    guint    n_sections)
{
  for (guint s = 0; s < n_sections; s++)
    {
      const GovstatsSchemaSection *sec = govstats_schema_section_at (rd->schema, s);
      int from = an->section_line[s];
      g_autofree char *text = NULL;

      if (!sec->is_text || from < 0)
        continue;
      text = govstats_import_section_text (rd, from + 1, next_anchor (anchor_lines, from, (int) rd->lines->len));
      if (text)
        govstats_report_set_text (rd->report, sec->key, text);
    }
}

GovstatsReport *
govstats_import_read_doc (GovstatsImportDoc   *doc,
                          const char          *name,
                          GPtrArray           *findings,
                          GovstatsImportStats *stats)
{
  Reader rd = { 0 };
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (govstats_import_table_info_free);
  g_autoptr(GString) why = g_string_new (NULL);
  g_autoptr(GArray) anchor_lines = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree gboolean *used = NULL;
  Anchors an;
  gboolean undetermined = FALSE, any_anchor = FALSE;
  guint n_sections, n_tables;
  int first_heading = -1;

  rd.name = name;
  rd.findings = findings;
  rd.stats = stats;
  rd.lines = govstats_import_tokenize_doc (doc);
  rd.schema = govstats_import_detect_layout (&rd, &undetermined, why);
  rd.report = govstats_report_new (rd.schema);

  n_tables = MIN (govstats_schema_get_n_tables (rd.schema), 16);
  n_sections = MIN (govstats_schema_get_n_sections (rd.schema), 16);
  for (guint t = 0; t < n_tables; t++)
    g_ptr_array_add (infos, govstats_import_table_info_new (rd.schema, t));
  govstats_import_find_anchors (&rd, infos, &an);

  for (guint s = 0; s < n_sections; s++)
    if (an.section_line[s] >= 0)
      {
        g_array_append_val (anchor_lines, an.section_line[s]);
        if (first_heading < 0 || an.section_line[s] < first_heading)
          first_heading = an.section_line[s];
        any_anchor = TRUE;
      }
  for (guint t = 0; t < n_tables; t++)
    if (an.table_line[t] >= 0)
      {
        g_array_append_val (anchor_lines, an.table_line[t]);
        any_anchor = TRUE;
      }
  g_array_sort (anchor_lines, govstats_import_compare_ints);

  used = g_new0 (gboolean, rd.lines->len);
  read_titled_tables (&rd, infos, &an, anchor_lines, used);
  read_untitled_tables (&rd, infos, &an, n_sections, any_anchor, used);

  if (undetermined)
    {
      govstats_import_add_finding_printf (&rd, "import.layout_undetermined", GOVSTATS_SEVERITY_INFO, 0, 0, NULL,
                                          /* Translators: %s is the layout the report was read as (2019 or 2021). */
                                          N_("the headers and row labels do not tell the 2019 layout from the 2021 one; read as %s"),
                                          govstats_schema_get_version (rd.schema));
    }

  govstats_import_read_metadata (&rd, first_heading, n_sections > 1 ? an.section_line[1] : -1);

  read_text_sections (&rd, &an, anchor_lines, n_sections);
  govstats_import_read_scope (&rd);
  govstats_import_check_text_against_table (&rd);

  g_ptr_array_unref (rd.lines);
  return rd.report;
}
