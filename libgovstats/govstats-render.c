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
  JsonNode       *schema_json;  /* for members the compiled schema does not keep */
  guint           n_blocks;     /* tables written so far (wide CSV) */
  GString        *out;
} Render;

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

static guint
text_width (const char *text)
{
  return govstats_render_display_width (text, -1);
}

static void
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
static char *
one_line (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  for (char *p = copy; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return copy;
}

/* ---------- schema helpers ---------- */

static const GovstatsSchemaRow *
row_at (const GovstatsSchemaTable *table,
        int                        r)
{
  return table->rows->pdata[r];
}

static const GovstatsSchemaColumn *
column_at (const GovstatsSchemaTable *table,
           guint                      c)
{
  return table->columns->pdata[c];
}

static const char *
label (Render              *rd,
       const GovstatsLabel *l)
{
  return govstats_label_get (l, rd->lang);
}

static gboolean
label_is_set (const GovstatsLabel *l)
{
  return l->zh != NULL || l->en != NULL;
}

static gboolean
labels_equal (const GovstatsLabel *a,
              const GovstatsLabel *b)
{
  return g_strcmp0 (a->zh, b->zh) == 0 && g_strcmp0 (a->en, b->en) == 0;
}

static const char *
json_label (Render     *rd,
            JsonObject *object,
            const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  JsonObject *l;
  const char *zh = NULL, *en = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  l = json_node_get_object (node);
  if (json_object_has_member (l, "zh"))
    zh = json_object_get_string_member (l, "zh");
  if (json_object_has_member (l, "en"))
    en = json_object_get_string_member (l, "en");
  if (rd->en && en != NULL)
    return en;
  return zh != NULL ? zh : en;
}

/* The table's object in the schema data: the row header (信息内容) is kept
 * there only. */
static JsonObject *
table_json (Render                    *rd,
            const GovstatsSchemaTable *table)
{
  JsonObject *root;
  JsonNode *tables;

  if (rd->schema_json == NULL)
    rd->schema_json = govstats_schema_to_json (rd->schema);
  if (rd->schema_json == NULL || !JSON_NODE_HOLDS_OBJECT (rd->schema_json))
    return NULL;
  root = json_node_get_object (rd->schema_json);
  tables = json_object_get_member (root, "tables");
  if (tables == NULL || !JSON_NODE_HOLDS_ARRAY (tables))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (tables)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (tables), i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "key", NULL),
                     table->key) == 0)
        return json_node_get_object (node);
    }
  return NULL;
}

static const char *
table_row_header (Render                    *rd,
                  const GovstatsSchemaTable *table)
{
  return json_label (rd, table_json (rd, table), "row_header");
}

static GArray *
table_printed_groups (Render                    *rd,
                      const GovstatsSchemaTable *table)
{
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (PrintedGroup));

  if (table->printed_groups == NULL)
    return groups;
  for (guint i = 0; i < json_array_get_length (table->printed_groups); i++)
    {
      JsonNode *node = json_array_get_element (table->printed_groups, i);
      JsonObject *o;
      PrintedGroup group;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      o = json_node_get_object (node);
      group.label = json_label (rd, o, "label");
      group.first = govstats_schema_find_row (table, json_object_get_string_member_with_default (o, "first", ""));
      group.last = govstats_schema_find_row (table, json_object_get_string_member_with_default (o, "last", ""));
      if (group.label == NULL || group.first < 0 || group.last < group.first)
        continue;
      g_array_append_val (groups, group);
    }
  return groups;
}

static gboolean
table_is_printed_across (const GovstatsSchemaTable *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    if (label_is_set (&row_at (table, (int) r)->printed_group))
      return TRUE;
  return FALSE;
}

static gboolean
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
static gboolean
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

static gboolean
row_is_printed (Render                    *rd,
                const GovstatsSchemaTable *table,
                int                        r)
{
  for (int p = row_at (table, r)->parent; p >= 0; p = row_at (table, p)->parent)
    if (legacy_used (rd, table, p) && !descendants_used (rd, table, p))
      return FALSE;
  return TRUE;
}

static gboolean
row_prints_values (Render                    *rd,
                   const GovstatsSchemaTable *table,
                   int                        r)
{
  const GovstatsSchemaRow *row = row_at (table, r);

  return row->has_cells && (!row->group || legacy_used (rd, table, r));
}

/* The row-wise lines of a table: see the comment at the top. */
static GArray *
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

static char *
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
static char *
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
static char *
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
static char *
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

static int
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

static const char *
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

static char *
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
static char *
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

static const char *
findings_heading (Render *rd)
{
  /* Translators: the heading of the findings listed under a rendered report. */
  return govstats_i18n_gettext (rd->en ? "en" : "zh", "Check findings");
}

static const char *
no_findings_text (Render *rd)
{
  return govstats_i18n_gettext (rd->en ? "en" : "zh", "No findings.");
}

/* Walks the sections of the layout in order. */
typedef struct {
  void (*begin_section) (Render *rd, const GovstatsSchemaSection *section, const char *heading);
  void (*text_section)  (Render *rd, const GovstatsSchemaSection *section, const char *text);
  void (*table)         (Render *rd, const GovstatsSchemaSection *section, const GovstatsSchemaTable *table,
                         gboolean titled);
  void (*end_section)   (Render *rd, const GovstatsSchemaSection *section);
} SectionVisitor;

static void
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
static guint
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
static GStrv
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

static void
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

/* ---------- Markdown ---------- */

/* Backslash-escapes the ASCII punctuation that Markdown reads as markup
 * anywhere in a line; @at_line_start also the block markers. */
static void
markdown_escape (GString    *out,
                 const char *text,
                 gboolean    in_table)
{
  gboolean line_start = TRUE;

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (in_table && (*p == '\n' || *p == '\r'))
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (strchr ("\\`*_[]<>&|~", *p) != NULL ||
          (line_start && !in_table && strchr ("#+-=", *p) != NULL))
        g_string_append_c (out, '\\');
      else if (line_start && !in_table && g_ascii_isdigit (*p))
        {
          /* "1. " would start an ordered list. */
          const char *q = p;
          while (g_ascii_isdigit (*q))
            q++;
          if ((*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\0' || q[1] == '\n'))
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
            }
        }
      g_string_append_c (out, *p);
      line_start = *p == '\n' || (line_start && *p == ' ');
    }
}

static char *
markdown_cell (const char *text)
{
  GString *s = g_string_new (NULL);

  markdown_escape (s, text, TRUE);
  return g_string_free (s, FALSE);
}

static void
markdown_begin_section (Render                      *rd,
                        const GovstatsSchemaSection *section,
                        const char                  *heading)
{
  g_autofree char *line = one_line (heading);

  g_string_append (rd->out, "\n## ");
  markdown_escape (rd->out, line, TRUE);
  g_string_append_c (rd->out, '\n');
}

static void
markdown_text_section (Render                      *rd,
                       const GovstatsSchemaSection *section,
                       const char                  *text)
{
  g_auto(GStrv) paragraphs = NULL;

  if (text == NULL)
    return;
  paragraphs = dup_paragraphs (text);
  for (guint i = 0; paragraphs[i]; i++)
    {
      g_string_append_c (rd->out, '\n');
      markdown_escape (rd->out, paragraphs[i], FALSE);
      g_string_append_c (rd->out, '\n');
    }
}

static void
markdown_table (Render                      *rd,
                const GovstatsSchemaSection *section,
                const GovstatsSchemaTable   *table,
                gboolean                     titled)
{
  g_autoptr(GArray) lines = table_lines (rd, table);
  guint n_cols = 1 + table->columns->len;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *widths = g_new0 (guint, n_cols);
  const char *corner = table_row_header (rd, table);

  if (corner == NULL && label_is_set (&table->column_header))
    corner = label (rd, &table->column_header);
  if (titled)
    {
      g_string_append (rd->out, "\n### ");
      markdown_escape (rd->out, label (rd, &table->title), TRUE);
      g_string_append_c (rd->out, '\n');
    }
  if (label_is_set (&table->note))
    {
      g_string_append_c (rd->out, '\n');
      markdown_escape (rd->out, label (rd, &table->note), TRUE);
      g_string_append_c (rd->out, '\n');
    }

  /* Markdown has one header line and no spans: a column in a group is
   * headed "group · label". */
  g_ptr_array_add (cells, markdown_cell (corner));
  for (guint c = 0; c < table->columns->len; c++)
    {
      g_autofree char *full = column_full_label (rd, table, c);
      g_ptr_array_add (cells, markdown_cell (full));
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      g_ptr_array_add (cells, markdown_cell (line->label));
      for (guint c = 0; c < table->columns->len; c++)
        {
          g_autofree char *value = line->has_values ? cell_display (rd, table, line->row, c) : NULL;
          g_ptr_array_add (cells, markdown_cell (value));
        }
    }
  for (guint i = 0; i < cells->len; i++)
    widths[i % n_cols] = MAX (MAX (widths[i % n_cols], 3), text_width (cells->pdata[i]));

  g_string_append_c (rd->out, '\n');
  for (guint i = 0; i < cells->len; i++)
    {
      guint c = i % n_cols;

      g_string_append (rd->out, "| ");
      append_padded (rd->out, cells->pdata[i], widths[c], c == 0 || i < n_cols ? -1 : 1);
      g_string_append_c (rd->out, ' ');
      if (c == n_cols - 1)
        g_string_append (rd->out, "|\n");
      if (i == n_cols - 1)
        {
          for (guint k = 0; k < n_cols; k++)
            {
              g_string_append (rd->out, "| ");
              for (guint d = 0; d < widths[k] - (k > 0 ? 1 : 0); d++)
                g_string_append_c (rd->out, '-');
              if (k > 0)
                g_string_append_c (rd->out, ':');
              g_string_append_c (rd->out, ' ');
            }
          g_string_append (rd->out, "|\n");
        }
    }
}

static void
render_markdown (Render *rd)
{
  static const SectionVisitor visitor = {
    markdown_begin_section, markdown_text_section, markdown_table, NULL,
  };
  g_autofree char *title = report_title (rd);
  g_autofree char *subtitle = report_subtitle (rd);

  g_string_append (rd->out, "# ");
  markdown_escape (rd->out, title, TRUE);
  g_string_append_c (rd->out, '\n');
  if (subtitle)
    {
      g_string_append_c (rd->out, '\n');
      markdown_escape (rd->out, subtitle, FALSE);
      g_string_append_c (rd->out, '\n');
    }
  visit_sections (rd, &visitor);
  if (rd->findings)
    {
      g_string_append_printf (rd->out, "\n## %s\n\n", findings_heading (rd));
      if (rd->findings->len == 0)
        g_string_append_printf (rd->out, "%s\n", no_findings_text (rd));
      for (guint i = 0; i < rd->findings->len; i++)
        {
          g_autofree char *text = govstats_finding_to_string (rd->findings->pdata[i], rd->lang);
          g_string_append (rd->out, "- ");
          markdown_escape (rd->out, text, TRUE);
          g_string_append_c (rd->out, '\n');
        }
    }
}

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
  const char *corner;

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

  /* Header: the note (or the row header) in the corner, then the columns. */
  g_string_append (rd->out, "<tr>");
  if (label_is_set (&table->note))
    html_th (rd, "govstats-note", NULL, h, label_cols, label (rd, &table->note));
  else
    {
      corner = table_row_header (rd, table);
      html_th (rd, NULL, NULL, h, label_cols, corner ? corner : "");
    }
  {
    guint level = 0;

    if (label_is_set (&table->column_header))
      {
        html_th (rd, NULL, "colgroup", 1, n, label (rd, &table->column_header));
        g_string_append (rd->out, "</tr>\n<tr>");
        level++;
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

  for (guint i = 0; i < rows->len; i++)
    {
      int r = g_array_index (rows, int, i);
      const GovstatsSchemaRow *row = row_at (table, r);
      const PrintedGroup *group = NULL;
      g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (int));
      guint colspan;

      g_string_append (rd->out, "<tr>");
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

static void
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

/* ---------- CSV ---------- */

/* RFC 4180: fields with a comma, a quote or a line break are quoted, quotes
 * doubled; lines end in CRLF. */
static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  if (text != NULL && strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (text != NULL)
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
render_csv (Render *rd)
{
  csv_field (rd->out, "table", FALSE);
  csv_field (rd->out, "row", FALSE);
  csv_field (rd->out, "column", FALSE);
  csv_field (rd->out, rd->en ? "label_en" : "label_zh", FALSE);
  csv_field (rd->out, "value", TRUE);
  for (guint t = 0; t < govstats_schema_get_n_tables (rd->schema); t++)
    {
      const GovstatsSchemaTable *table = govstats_schema_table_at (rd->schema, t);

      for (guint r = 0; r < table->rows->len; r++)
        {
          g_autofree char *row_label = NULL;

          if (!row_at (table, (int) r)->has_cells)
            continue;
          row_label = row_full_label (rd, table, (int) r);
          for (guint c = 0; c < table->columns->len; c++)
            {
              g_autofree char *column_label = column_full_label (rd, table, c);
              g_autofree char *cell_label = g_strdup_printf ("%s / %s", row_label, column_label);
              g_autofree char *path = cell_path (rd, table, (int) r, c);
              g_autofree char *value = govstats_report_dup_value_text (rd->report, path, NULL);

              csv_field (rd->out, table->key, FALSE);
              csv_field (rd->out, row_at (table, (int) r)->key, FALSE);
              csv_field (rd->out, column_at (table, c)->key, FALSE);
              csv_field (rd->out, cell_label, FALSE);
              csv_field (rd->out, value, TRUE);
            }
        }
    }
}

static void
csv_wide_table (Render                      *rd,
                const GovstatsSchemaSection *section,
                const GovstatsSchemaTable   *table,
                gboolean                     titled)
{
  g_autoptr(GArray) lines = table_lines (rd, table);
  guint n = table->columns->len;

  if (rd->n_blocks++ > 0)
    g_string_append (rd->out, "\r\n");
  /* The block of a table: its title over the row labels, the column labels
   * across. */
  csv_field (rd->out, label (rd, &table->title), FALSE);
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *full = column_full_label (rd, table, c);
      csv_field (rd->out, full, c == n - 1);
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      csv_field (rd->out, line->label, FALSE);
      for (guint c = 0; c < n; c++)
        {
          g_autofree char *path = line->has_values ? cell_path (rd, table, line->row, c) : NULL;
          g_autofree char *value = path ? govstats_report_dup_value_text (rd->report, path, NULL) : NULL;
          csv_field (rd->out, value, c == n - 1);
        }
    }
}

static void
noop_section (Render                      *rd,
              const GovstatsSchemaSection *section,
              const char                  *text)
{
}

static void
render_csv_wide (Render *rd)
{
  static const SectionVisitor visitor = {
    noop_section, noop_section, csv_wide_table, NULL,
  };

  visit_sections (rd, &visitor);
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
  g_clear_pointer (&rd.schema_json, json_node_unref);
  return g_string_free (rd.out, FALSE);
}
