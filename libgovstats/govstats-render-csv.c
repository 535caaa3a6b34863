/* govstats-render-csv.c — the CSV backends: a cell a line, and a block per table
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

void
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

void
render_csv_wide (Render *rd)
{
  static const SectionVisitor visitor = {
    noop_section, noop_section, csv_wide_table, NULL,
  };

  visit_sections (rd, &visitor);
}
