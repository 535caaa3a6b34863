/* govstats-render-private.h — what the render backends share: the render state, the layout helpers, the renderer's words
 *
 * govstats-render.c walks the layout and holds the helpers every format
 * needs; each format is a backend of its own file (govstats-render-text.c,
 * -markdown.c, -html.c, -csv.c) called from govstats_report_render().
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "govstats-finding.h"
#include "govstats-render.h"
#include "govstats-report-private.h"
#include "govstats-schema-private.h"

G_BEGIN_DECLS

typedef struct {
  const char *label;
  int         first;   /* row indexes, inclusive */
  int         last;
} PrintedGroup;

typedef struct {
  int          row;        /* schema row index; -1 for a label line of a printed group */
  const char  *label;
  guint        indent;
  gboolean     has_values;
} Line;

typedef struct {
  int      rank;           /* of the most serious finding naming the cell */
  GString *title;
} Mark;

typedef struct {
  GovstatsReport *report;
  GovstatsSchema *schema;
  const char     *lang;
  gboolean        en;
  GPtrArray      *findings;     /* nullable */
  GHashTable     *marks;        /* cell path → Mark */
  guint           n_blocks;     /* tables written so far (wide CSV) */
  GString        *out;
} Render;

/* Walks the sections of the layout in order. */
typedef struct {
  void (*begin_section) (Render *rd, const GovstatsSchemaSection *section, const char *heading);
  void (*text_section)  (Render *rd, const GovstatsSchemaSection *section, const char *text);
  void (*table)         (Render *rd, const GovstatsSchemaSection *section, const GovstatsSchemaTable *table,
                         gboolean titled);
  void (*end_section)   (Render *rd, const GovstatsSchemaSection *section);
} SectionVisitor;

/* Defined in govstats-render-text.c. */
void
render_text (Render *rd);

/* The paragraphs of a text section for Markdown and HTML: its lines that
 * are not blank, stripped. */
GStrv
dup_paragraphs (const char *text);

/* The header of the value columns: the table's column header (申请人情况)
 * over everything, column groups (法人或其他组织) over their columns, a
 * column without a group spanning the group level. Adds cells to @g at
 * column offset @col0; returns nothing: the caller sized the header. */
guint
column_header_rows (const GovstatsSchemaTable *table);

/* Defined in govstats-render-markdown.c. */
void
render_markdown (Render *rd);

/* Defined in govstats-render-html.c. */
void
render_html (Render              *rd,
             GovstatsRenderFlags  flags);

/* Defined in govstats-render-csv.c. */
void
render_csv_wide (Render *rd);

/* Defined in govstats-render-csv.c. */
void
render_csv (Render *rd);

/* Defined in govstats-render.c. */
void
visit_sections (Render               *rd,
                const SectionVisitor *v);

/* Defined in govstats-render.c. */
const char *
no_findings_text (Render *rd);

/* Defined in govstats-render.c. */
const char *
findings_heading (Render *rd);

/* "汇总 59 个单位的报告" under the title of a consolidated report that lists them. */
char *
report_subtitle (Render *rd);

/* Defined in govstats-render.c. */
char *
report_title (Render *rd);

/* Defined in govstats-render.c. */
const char *
rank_class (int rank);

/* Defined in govstats-render.c. */
int
finding_rank (GovstatsFinding *f);

/* "（三）不予公开 · 1.属于国家秘密", "行政诉讼 · 复议后起诉": a row's label under its
 * printed group and parents, unless the label already says them. */
char *
row_full_label (Render                    *rd,
                const GovstatsSchemaTable *table,
                int                        r);

/* "法人或其他组织 · 商业企业": a column's label under its printed group. */
char *
column_full_label (Render                    *rd,
                   const GovstatsSchemaTable *table,
                   guint                      c);

/* The printed text of a cell: the exact value, the unit the report gave
 * where the column prints none of its own, and the note ("22（其中修订 16 件）").
 * %NULL for a blank cell. */
char *
cell_display (Render                    *rd,
              const GovstatsSchemaTable *table,
              int                        r,
              guint                      c);

/* Defined in govstats-render.c. */
char *
cell_path (Render                    *rd,
           const GovstatsSchemaTable *table,
           int                        r,
           guint                      c);

/* The row-wise lines of a table: see the comment at the top. */
GArray *
table_lines (Render                    *rd,
             const GovstatsSchemaTable *table);

/* Defined in govstats-render.c. */
gboolean
row_prints_values (Render                    *rd,
                   const GovstatsSchemaTable *table,
                   int                        r);

/* Defined in govstats-render.c. */
gboolean
row_is_printed (Render                    *rd,
                const GovstatsSchemaTable *table,
                int                        r);

/* A group row that still accepts the single row of an older layout (the 2021
 * （六）其他处理) is printed as the report uses it: the single row with its
 * numbers when any of them is set, else the group and its sub-rows. */
gboolean
legacy_used (Render                    *rd,
             const GovstatsSchemaTable *table,
             int                        r);

/* Defined in govstats-render.c. */
gboolean
table_has_column_groups (const GovstatsSchemaTable *table);

/* Defined in govstats-render.c. */
gboolean
table_is_printed_across (const GovstatsSchemaTable *table);

/* Defined in govstats-render.c. */
GArray *
table_printed_groups (Render                    *rd,
                      const GovstatsSchemaTable *table);

/* Defined in govstats-render.c. */
const char *
table_row_header (Render                    *rd,
                  const GovstatsSchemaTable *table);

/* Defined in govstats-render.c. */
gboolean
labels_equal (const GovstatsLabel *a,
              const GovstatsLabel *b);

/* Defined in govstats-render.c. */
gboolean
label_is_set (const GovstatsLabel *l);

/* Defined in govstats-render.c. */
const char *
label (Render              *rd,
       const GovstatsLabel *l);

/* Defined in govstats-render.c. */
const GovstatsSchemaColumn *
column_at (const GovstatsSchemaTable *table,
           guint                      c);

/* Defined in govstats-render.c. */
const GovstatsSchemaRow *
row_at (const GovstatsSchemaTable *table,
        int                        r);

/* Cells and labels are one line in text and Markdown. */
char *
one_line (const char *text);

/* Defined in govstats-render.c. */
void
append_padded (GString    *out,
               const char *text,
               guint       width,
               int         align)   /* -1 left, 0 centre, 1 right */;

/* Defined in govstats-render.c. */
guint
text_width (const char *text);

G_END_DECLS
