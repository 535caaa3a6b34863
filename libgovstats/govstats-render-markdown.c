/* govstats-render-markdown.c — the Markdown backend
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

void
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
