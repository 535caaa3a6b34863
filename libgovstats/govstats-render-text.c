/* govstats-render-text.c — the plain-text backend: a grid of cells with spans, aligned by display width
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

/* ---------- text ---------- */

typedef struct {
  char  *text;
  guint  row, col, rowspan, colspan;
  int    align;
} GridCell;

typedef struct {
  guint      n_rows, n_cols, n_header;
  GPtrArray *cells;       /* GridCell */
  guint     *slots;       /* cell index + 1; 0 for none */
} Grid;

static void
grid_cell_free (gpointer data)
{
  GridCell *cell = data;

  g_free (cell->text);
  g_free (cell);
}

static Grid *
grid_new (guint n_rows,
          guint n_cols,
          guint n_header)
{
  Grid *g = g_new0 (Grid, 1);

  g->n_rows = n_rows;
  g->n_cols = n_cols;
  g->n_header = n_header;
  g->cells = g_ptr_array_new_with_free_func (grid_cell_free);
  g->slots = g_new0 (guint, (gsize) n_rows * n_cols);
  return g;
}

static void
grid_free (Grid *g)
{
  g_ptr_array_unref (g->cells);
  g_free (g->slots);
  g_free (g);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Grid, grid_free)

/* Takes @text. */
static void
grid_add (Grid  *g,
          guint  row,
          guint  col,
          guint  rowspan,
          guint  colspan,
          int    align,
          char  *text)
{
  GridCell *cell = g_new0 (GridCell, 1);

  cell->text = text ? text : g_strdup ("");
  cell->row = row;
  cell->col = col;
  cell->rowspan = rowspan;
  cell->colspan = colspan;
  cell->align = align;
  g_ptr_array_add (g->cells, cell);
  for (guint r = row; r < row + rowspan && r < g->n_rows; r++)
    for (guint c = col; c < col + colspan && c < g->n_cols; c++)
      g->slots[r * g->n_cols + c] = g->cells->len;
}

static guint
grid_slot (Grid *g,
           guint r,
           guint c)
{
  guint slot = g->slots[r * g->n_cols + c];

  if (slot == 0)
    {
      grid_add (g, r, c, 1, 1, -1, NULL);
      slot = g->cells->len;
    }
  return slot;
}

static int
compare_colspan (gconstpointer a,
                 gconstpointer b)
{
  const GridCell *x = *(GridCell * const *) a, *y = *(GridCell * const *) b;

  return (int) x->colspan - (int) y->colspan;
}

static void
grid_rule (Grid        *g,
           const guint *widths,
           int          above,
           int          below,
           GString     *out)
{
  int n = (int) g->n_cols;
  g_autofree gboolean *seg = g_new0 (gboolean, (gsize) n);

  for (int c = 0; c < n; c++)
    seg[c] = above < 0 || below >= (int) g->n_rows ||
             grid_slot (g, (guint) above, (guint) c) != grid_slot (g, (guint) below, (guint) c);
  for (int k = 0; k <= n; k++)
    {
      gboolean up = above >= 0 && (k == 0 || k == n ||
                                   grid_slot (g, (guint) above, (guint) k - 1) != grid_slot (g, (guint) above, (guint) k));
      gboolean down = below < (int) g->n_rows && (k == 0 || k == n ||
                                                  grid_slot (g, (guint) below, (guint) k - 1) != grid_slot (g, (guint) below, (guint) k));
      gboolean across = (k > 0 && seg[k - 1]) || (k < n && seg[k]);

      g_string_append_c (out, (up || down) ? (across ? '+' : '|') : (across ? '-' : ' '));
      if (k < n)
        for (guint i = 0; i < widths[k] + 2; i++)
          g_string_append_c (out, seg[k] ? '-' : ' ');
    }
  g_string_append_c (out, '\n');
}

static void
grid_line (Grid        *g,
           const guint *widths,
           guint        r,
           GString     *out)
{
  for (guint c = 0; c < g->n_cols;)
    {
      GridCell *cell = g->cells->pdata[grid_slot (g, r, c) - 1];
      guint width = 0;

      for (guint k = c; k < c + cell->colspan; k++)
        width += widths[k];
      width += 3 * (cell->colspan - 1);
      g_string_append (out, "| ");
      /* A cell spanning rows prints its text on its last line, next to the
       * labels or numbers it heads. */
      append_padded (out, r == cell->row + cell->rowspan - 1 ? cell->text : "", width, cell->align);
      g_string_append_c (out, ' ');
      c += cell->colspan;
    }
  g_string_append (out, "|\n");
}

static void
grid_to_text (Grid    *g,
              GString *out)
{
  g_autofree guint *widths = g_new0 (guint, g->n_cols);
  g_autoptr(GPtrArray) spanning = g_ptr_array_new ();

  for (guint r = 0; r < g->n_rows; r++)
    for (guint c = 0; c < g->n_cols; c++)
      grid_slot (g, r, c);
  for (guint i = 0; i < g->cells->len; i++)
    {
      GridCell *cell = g->cells->pdata[i];

      if (cell->colspan == 1)
        widths[cell->col] = MAX (widths[cell->col], text_width (cell->text));
      else
        g_ptr_array_add (spanning, cell);
    }
  /* Narrow spans first, so that wide ones see the columns they cover. */
  g_ptr_array_sort (spanning, compare_colspan);
  for (guint i = 0; i < spanning->len; i++)
    {
      GridCell *cell = spanning->pdata[i];
      guint need = text_width (cell->text), have = 3 * (cell->colspan - 1);

      for (guint c = cell->col; c < cell->col + cell->colspan; c++)
        have += widths[c];
      if (need > have)
        {
          guint extra = need - have;

          for (guint k = 0; k < cell->colspan; k++)
            widths[cell->col + k] += extra / cell->colspan + (k >= cell->colspan - extra % cell->colspan ? 1 : 0);
        }
    }
  for (guint r = 0; r <= g->n_rows; r++)
    {
      if (r == 0 || r <= g->n_header || r == g->n_rows)
        grid_rule (g, widths, (int) r - 1, (int) r, out);
      if (r < g->n_rows)
        grid_line (g, widths, r, out);
    }
}

/* The header of the value columns: the table's column header (申请人情况)
 * over everything, column groups (法人或其他组织) over their columns, a
 * column without a group spanning the group level. Adds cells to @g at
 * column offset @col0; returns nothing: the caller sized the header. */
guint
column_header_rows (const GovstatsSchemaTable *table)
{
  return (label_is_set (&table->column_header) ? 1 : 0) + (table_has_column_groups (table) ? 1 : 0) + 1;
}

static void
add_column_header (Render                    *rd,
                   const GovstatsSchemaTable *table,
                   Grid                      *g,
                   guint                      col0)
{
  guint h = 0;
  guint n = table->columns->len;

  if (label_is_set (&table->column_header))
    grid_add (g, h++, col0, 1, n, 0, one_line (label (rd, &table->column_header)));
  if (table_has_column_groups (table))
    {
      for (guint c = 0; c < n;)
        {
          const GovstatsSchemaColumn *column = column_at (table, c);
          guint run = 1;

          if (!label_is_set (&column->group))
            {
              grid_add (g, h, col0 + c, 2, 1, 0, one_line (label (rd, &column->label)));
              c++;
              continue;
            }
          while (c + run < n && labels_equal (&column_at (table, c + run)->group, &column->group))
            run++;
          grid_add (g, h, col0 + c, 1, run, 0, one_line (label (rd, &column->group)));
          for (guint k = c; k < c + run; k++)
            grid_add (g, h + 1, col0 + k, 1, 1, 0, one_line (label (rd, &column_at (table, k)->label)));
          c += run;
        }
    }
  else
    for (guint c = 0; c < n; c++)
      grid_add (g, h, col0 + c, 1, 1, 0, one_line (label (rd, &column_at (table, c)->label)));
}

static void
text_begin_section (Render                      *rd,
                    const GovstatsSchemaSection *section,
                    const char                  *heading)
{
  g_autofree char *line = one_line (heading);

  g_string_append_printf (rd->out, "\n%s\n", line);
}

/* The paragraphs of a text section for Markdown and HTML: its lines that
 * are not blank, stripped. */
GStrv
dup_paragraphs (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

static void
text_text_section (Render                      *rd,
                   const GovstatsSchemaSection *section,
                   const char                  *text)
{
  g_autofree char *body = NULL;
  gsize len;

  if (text == NULL || *text == '\0')
    return;
  body = g_strdup (text);
  /* One blank line between heading and body, whatever the text ends with. */
  len = strlen (body);
  while (len > 0 && (body[len - 1] == '\n' || body[len - 1] == '\r'))
    body[--len] = '\0';
  g_string_append_printf (rd->out, "\n%s\n", body);
}

static void
text_table (Render                      *rd,
            const GovstatsSchemaSection *section,
            const GovstatsSchemaTable   *table,
            gboolean                     titled)
{
  g_autoptr(GArray) lines = table_lines (rd, table);
  guint h = column_header_rows (table);
  g_autoptr(Grid) g = grid_new (h + lines->len, 1 + table->columns->len, h);
  const char *corner = table_row_header (rd, table);

  g_string_append_c (rd->out, '\n');
  if (titled)
    {
      g_autofree char *title = one_line (label (rd, &table->title));
      g_string_append_printf (rd->out, "%s\n", title);
    }
  if (label_is_set (&table->note))
    {
      g_autofree char *note = one_line (label (rd, &table->note));
      g_string_append_printf (rd->out, "%s\n", note);
    }
  grid_add (g, 0, 0, h, 1, -1, one_line (corner));
  add_column_header (rd, table, g, 1);
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      g_autofree char *text = one_line (line->label);
      GString *indented = g_string_new (NULL);

      for (guint k = 0; k < line->indent; k++)
        g_string_append (indented, "  ");
      g_string_append (indented, text);
      grid_add (g, h + i, 0, 1, 1, -1, g_string_free (indented, FALSE));
      for (guint c = 0; c < table->columns->len; c++)
        {
          g_autofree char *value = line->has_values ? cell_display (rd, table, line->row, c) : NULL;
          grid_add (g, h + i, 1 + c, 1, 1, 1, one_line (value));
        }
    }
  grid_to_text (g, rd->out);
}

static void
text_findings (Render *rd)
{
  g_string_append_printf (rd->out, "\n%s\n\n", findings_heading (rd));
  if (rd->findings->len == 0)
    g_string_append_printf (rd->out, "%s\n", no_findings_text (rd));
  for (guint i = 0; i < rd->findings->len; i++)
    {
      g_autofree char *text = govstats_finding_to_string (rd->findings->pdata[i], rd->lang);
      g_autofree char *line = one_line (text);
      g_string_append_printf (rd->out, "%s\n", line);
    }
}

void
render_text (Render *rd)
{
  static const SectionVisitor visitor = {
    text_begin_section, text_text_section, text_table, NULL,
  };
  g_autofree char *title = report_title (rd);
  g_autofree char *subtitle = report_subtitle (rd);

  g_string_append_printf (rd->out, "%s\n", title);
  if (subtitle)
    g_string_append_printf (rd->out, "%s\n", subtitle);
  visit_sections (rd, &visitor);
  if (rd->findings)
    text_findings (rd);
}
