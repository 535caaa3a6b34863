/* govstats-import-cells.c — the numbers of each row into the report's cells
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
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

/* A row matched by a tolerant rule counts this much of a cell read. */
#define TOLERANT_WEIGHT 0.8

/* ---------- cells into the report ---------- */

static const char *
tolerant_rule_text (const char *how,
                    gboolean    en)
{
  const char *lang = en ? "en" : "zh";

  /* Translators: how a printed row label was matched to the layout's. */
  if (g_strcmp0 (how, "numbering") == 0)
    return govstats_i18n_gettext (lang, "the label matched without its numbering");
  if (g_strcmp0 (how, "prefix") == 0)
    return govstats_i18n_gettext (lang, "only the beginning of the label was found");
  if (g_strcmp0 (how, "containment") == 0)
    return govstats_i18n_gettext (lang, "the label is printed with extra words");
  if (g_strcmp0 (how, "similar") == 0)
    return govstats_i18n_gettext (lang, "the label differs by a few characters (a typo?)");
  return govstats_i18n_gettext (lang, "a tolerant rule");
}

/* Sets one cell from a token; returns the share of a read cell it counts for. */
static gboolean
set_cell (TableRead *tr,
          int        row,
          guint      col,
          Tok       *t,
          Vec       *v)
{
  TableInfo *ti = tr->ti;
  const GovstatsSchemaRow *r = govstats_import_row_at (ti, row);
  const GovstatsSchemaColumn *c = ti->table->columns->pdata[col];
  g_autofree char *path = g_strdup_printf ("%s/%s/%s", ti->table->key, r->key, c->key);
  g_autoptr(GError) error = NULL;

  if (t == NULL || t->kind == TOK_BLANK)
    {
      govstats_report_set_value_text (tr->rd->report, path, NULL, NULL);
      return TRUE;
    }
  if (t->kind == TOK_VALUE &&
      govstats_report_set_value_text (tr->rd->report, path, t->value.number, &error))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (t->raw));
      if (!g_str_equal (trimmed, t->value.number))
        govstats_report_set_cell_raw (tr->rd->report, path, trimmed);
      if (t->value.note)
        govstats_report_set_cell_note (tr->rd->report, path, t->value.note);
      if (t->value.unit)
        govstats_report_set_cell_unit (tr->rd->report, path, t->value.unit);
      return TRUE;
    }
  {
    const char *cells[] = { path, NULL };
    /* Translators: %1$s is a cell (its path; in Chinese its row's label),
     * %2$s what is printed there, %3$s why it cannot be read. */
    const char *format = error ? N_("the cell %1$s prints “%2$s”, which is not a readable number: %3$s: left blank")
    /* Translators: %1$s is a cell (its path; in Chinese its row's label), %2$s what is printed there. */
                               : N_("the cell %1$s prints “%2$s”, which is not a readable number: left blank");
    g_autofree char *zh = govstats_i18n_printf ("zh", format, r->label.zh, t->raw, error ? error->message : "");
    g_autofree char *en = govstats_i18n_printf ("en", format, path, t->raw, error ? error->message : "");
    GovstatsFinding *f = govstats_import_add_finding (tr->rd, "import.unreadable_cell", GOVSTATS_SEVERITY_ERROR,
                                                      t->lineno ? t->lineno : v->lineno, t->column ? t->column : v->column,
                                                      NULL, zh, en);
    govstats_finding_set_cells (f, cells);
  }
  return FALSE;
}

/* A row whose numbers were not found: the finding that says why it is blank. */
static void
report_row_without_numbers (TableRead              *tr,
                            const GovstatsSchemaRow *row,
                            Partial                *p,
                            char                  **paths)
{
  TableInfo *ti = tr->ti;
  Reader *rd = tr->rd;
  gboolean stray = FALSE;
  for (guint i = 0; i < tr->vecs->len; i++)
    {
      Vec *o = tr->vecs->pdata[i];
      stray = stray || o->bad || g_strcmp0 (o->why, "orphan") == 0;
    }
  if (p && stray)
    {
      /* Its numbers are probably among those that could not be placed. */
      govstats_import_add_finding_printf (rd, "import.unreadable_row", GOVSTATS_SEVERITY_ERROR, p->lineno, p->column, paths,
                                          /* Translators: %1$s is a table's title, %2$s a row's label (both Chinese). */
                                          N_("table %1$s, row “%2$s”: the numbers of the table are interleaved with its "
                                             "labels (reading-order text) and which of them belong to this row cannot be "
                                             "told: they are not guessed; the row is left blank"),
                          ti->table->title.zh, row->label.zh);
      return;
    }
  if (p)
    govstats_import_add_finding_printf (rd, "import.missing_row", GOVSTATS_SEVERITY_ERROR, p->lineno, p->column, paths,
                                        /* Translators: %1$s is a table's title, %2$s a row's label. */
                                        N_("table %1$s: the label of row “%2$s” was found but not its numbers: left blank"),
                                        ti->table->title.zh, row->label.zh);
  else
    govstats_import_add_finding_printf (rd, "import.missing_row", GOVSTATS_SEVERITY_ERROR, tr->anchor_lineno, 0, paths,
                                        /* Translators: %1$s is a table's title, %2$s a row's label. */
                                        N_("table %1$s: row “%2$s” not found: left blank"),
                                        ti->table->title.zh, row->label.zh);
}

/* Puts the numbers of @v that belong to row @r in @cells, one a column;
 * FALSE when they cannot be placed. */
static gboolean
place_row (TableRead              *tr,
           Vec                    *v,
           GArray                 *trows,
           int                     r,
           const GovstatsSchemaRow *row,
           char                  **paths,
           Tok                   **cells)
{
  TableInfo *ti = tr->ti;
  Reader *rd = tr->rd;
  guint n = ti->n_cols;

  memset (cells, 0, sizeof (Tok *) * n);
  if (v->transposed)
    {
      guint pos = 0;
      for (guint i = 0; i < trows->len; i++)
        if (g_array_index (trows, int, i) == r)
          pos = i;
      for (guint c = 0; c < n; c++)
        cells[c] = v->toks->pdata[pos * n + c];
    }
  else if (!v->bad && v->toks->len == n)
    {
      for (guint c = 0; c < n; c++)
        cells[c] = v->toks->pdata[c];
    }
  else if (!v->bad && v->toks->len > 0 && v->toks->len < n && govstats_import_place_by_position (tr, v, cells))
    {
      g_autoptr(GString) blanks = g_string_new (NULL);
      g_autofree char *nums = govstats_import_vec_text (v);
      for (guint c = 0; c < n; c++)
        if (cells[c] == NULL)
          {
            const GovstatsSchemaColumn *col = ti->table->columns->pdata[c];
            if (blanks->len)
              g_string_append (blanks, "、");
            g_string_append (blanks, col->label.zh);
          }
      govstats_import_add_finding_printf (rd, "import.blank_by_position", GOVSTATS_SEVERITY_INFO, v->lineno, v->column, paths,
                                          /* Translators: %1$s is a table's title, %2$s a row's label, %3$u how many
                                           * numbers the row prints, %4$s the numbers, %5$s the blank columns. */
                                          N_("table %1$s: row “%2$s” prints %3$u numbers (%4$s): each was read in the column "
                                             "it stands under; %5$s is blank"),
                          ti->table->title.zh, row->label.zh, v->toks->len, nums, blanks->str);
    }
  else
    return FALSE;
  return TRUE;
}

/* The finding for a row whose numbers cannot be placed: two sets of them, or
 * too few or too many for its columns. */
static void
report_unreadable_row (TableRead              *tr,
                       Vec                    *v,
                       const GovstatsSchemaRow *row,
                       char                  **paths)
{
  TableInfo *ti = tr->ti;
  Reader *rd = tr->rd;
  guint n = ti->n_cols;
  g_autofree char *nums = govstats_import_vec_text (v);
  g_autofree char *zh = NULL, *en = NULL;
  g_autofree char *pz = govstats_import_page_note (rd, v->lineno, FALSE), *pe = govstats_import_page_note (rd, v->lineno, TRUE);
  if (g_strcmp0 (v->why, "twice") == 0)
    {
      /* Translators: %1$s is a table's title, %2$s a row's label, %3$s the
       * numbers, %4$s the page (may be empty). */
      const char *format = N_("table %1$s: row “%2$s” has two sets of numbers (%3$s)%4$s: which one is its "
                              "own is not known; left blank");
      zh = govstats_i18n_printf ("zh", format, ti->table->title.zh, row->label.zh, nums, pz);
      en = govstats_i18n_printf ("en", format, ti->table->title.zh, row->label.zh, nums, pe);
    }
  else
    {
      guint count = 0;
      for (guint i = 0; i < v->toks->len; i++)
        if (!((Tok *) v->toks->pdata[i])->empty_cell || v->explicit)
          count++;
      /* Translators: %1$s is a table's title, %2$s a row's label, %3$u how many
       * numbers were read, %4$s the numbers, %5$u the columns, %6$s the page (may be empty). */
      const char *format = N_("table %1$s: row “%2$s” has %3$u numbers (%4$s) for %5$u columns%6$s: the "
                              "numbers are not shifted into place; the row is left blank");
      zh = govstats_i18n_printf ("zh", format, ti->table->title.zh, row->label.zh, count, nums, n, pz);
      en = govstats_i18n_printf ("en", format, ti->table->title.zh, row->label.zh, count, nums, n, pe);
    }
  govstats_import_add_finding (rd, "import.unreadable_row", GOVSTATS_SEVERITY_ERROR, v->lineno, v->column, paths, zh, en);
}

/* Numbers that belong to no row. */
static void
report_orphan_numbers (TableRead *tr)
{
  TableInfo *ti = tr->ti;
  Reader *rd = tr->rd;

  for (guint vi = 0; vi < tr->vecs->len; vi++)
    {
      Vec *v = tr->vecs->pdata[vi];
      gboolean used = FALSE;
      if (g_strcmp0 (v->why, "orphan") != 0 || tr->fallback)
        continue;
      for (guint k = 0; k < ti->cell_rows->len; k++)
        used = used || tr->row_vec[g_array_index (ti->cell_rows, int, k)] == (int) vi;
      if (!used)
        {
          g_autofree char *nums = govstats_import_vec_text (v);
          govstats_import_add_finding_printf (rd, "import.orphan_numbers", GOVSTATS_SEVERITY_WARNING, v->lineno, v->column, NULL,
                                              /* Translators: %1$s is a table's title, %2$s the numbers. */
                                              N_("table %1$s: numbers (%2$s) that belong to no row: not read"),
                                              ti->table->title.zh, nums);
        }
    }
}

void
govstats_import_apply_rows (TableRead *tr,
                            double    *read_out,
                            guint     *expected_out)
{
  TableInfo *ti = tr->ti;
  Reader *rd = tr->rd;
  guint n = ti->n_cols;
  g_autoptr(GArray) rows = govstats_import_expected_rows (tr);
  g_autoptr(GArray) trows = govstats_import_transposed_rows (tr);
  g_autoptr(GStrvBuilder) order_cells = g_strv_builder_new ();
  g_autoptr(GString) order_rows = g_string_new (NULL);
  guint order_lineno = 0, order_column = 0;
  double read = 0;
  g_autofree Tok **cells = g_new0 (Tok *, n);

  for (guint k = 0; k < rows->len; k++)
    {
      int r = g_array_index (rows, int, k);
      const GovstatsSchemaRow *row = govstats_import_row_at (ti, r);
      int vi = tr->row_vec[r];
      int pi = tr->row_partial[r];
      Partial *p = pi >= 0 ? govstats_import_partial_at (tr, pi) : NULL;
      g_auto(GStrv) paths = govstats_import_row_cells (ti, r);
      double weight;
      Vec *v;

      if (p == NULL)
        for (guint i = 0; i < tr->partials->len && p == NULL; i++)
          if (govstats_import_partial_is_row (govstats_import_partial_at (tr, i)) && govstats_import_partial_at (tr, i)->row == r)
            p = govstats_import_partial_at (tr, i);

      if (vi < 0)
        {
          if (!tr->fallback)
            report_row_without_numbers (tr, row, p, paths);
          continue;
        }
      v = tr->vecs->pdata[vi];
      if (!place_row (tr, v, trows, r, row, paths, cells))
        {
          report_unreadable_row (tr, v, row, paths);
          continue;
        }

      /* A table printed as one line has its labels in the header: the
       * numbers are placed by their order under it, not by a label. */
      if (v->transposed)
        p = NULL;
      weight = ((p && p->tolerant) || v->order_only) ? TOLERANT_WEIGHT : 1.0;
      for (guint c = 0; c < n; c++)
        if (set_cell (tr, r, c, cells[c], v))
          read += weight;

      if (p && p->tolerant)
        {
          /* Translators: %1$s is a table's title, %2$s the label as printed, %3$s the
           * layout's label it was read as, %4$s how they were matched. */
          const char *format = N_("table %1$s: the row printed as “%2$s” was read as “%3$s” (%4$s)");
          g_autofree char *zh = govstats_i18n_printf ("zh", format, ti->table->title.zh, p->raw->str, row->label.zh,
                                                      tolerant_rule_text (p->how, FALSE));
          g_autofree char *en = govstats_i18n_printf ("en", format, ti->table->title.zh, p->raw->str, row->label.zh,
                                                      tolerant_rule_text (p->how, TRUE));
          govstats_import_add_finding (rd, "import.tolerant_match", GOVSTATS_SEVERITY_INFO, p->lineno, p->column, paths, zh, en);
        }
      else if (v->order_only)
        {
          for (guint c = 0; paths[c]; c++)
            g_strv_builder_add (order_cells, paths[c]);
          if (order_rows->len)
            g_string_append (order_rows, "、");
          g_string_append (order_rows, row->label.zh);
          if (order_lineno == 0)
            {
              order_lineno = v->lineno;
              order_column = v->column;
            }
        }
    }
  if (order_rows->len)
    {
      g_auto(GStrv) paths = g_strv_builder_end (order_cells);
      govstats_import_add_finding_printf (rd, "import.tolerant_match", GOVSTATS_SEVERITY_INFO, order_lineno, order_column, paths,
                                          /* Translators: %1$s is a table's title, %2$s the rows' labels. */
                                          N_("table %1$s is in reading order and the numbers of these rows do not follow their "
                                             "labels; they were paired by row order: %2$s"), ti->table->title.zh, order_rows->str);
    }

  report_orphan_numbers (tr);
  *read_out = read;
  *expected_out = rows->len * n;
}
