/* govstats-import-rows.c — numbers to rows: line forms, reading-order text and column positions
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

/* Lines (with text) a number line may trail its label. */
#define NUMBER_WINDOW 2

/* ---------- reading one table ---------- */

int
govstats_import_compare_ints (gconstpointer a,
                              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

void
govstats_import_label_pass (TableRead *tr)
{
  for (guint li = 0; li < tr->rlines->len; li++)
    {
      Line *l = tr->rlines->pdata[li];
      if (!l->content)
        continue;
      for (guint k = 0; k < l->toks->len; k++)
        {
          Tok *t = l->toks->pdata[k];
          t->role = ROLE_NONE;
          t->partial = -1;
        }
      for (guint k = 0; k < l->toks->len; k++)
        {
          Tok *t = l->toks->pdata[k];
          if (t->kind == TOK_TEXT)
            govstats_import_process_fragment (tr, t, t->norm, t->raw, li, TRUE);
        }
    }
  govstats_import_resolve_partials (tr);
}

static Vec *
vec_new (TableRead *tr,
         guint      li)
{
  Vec *v = g_new0 (Vec, 1);
  Line *l = tr->rlines->pdata[li];

  v->toks = g_ptr_array_new ();
  v->li = li;
  v->ord = l->ord;
  v->seg = l->seg;
  v->explicit = l->explicit;
  g_ptr_array_add (tr->vecs, v);
  return v;
}

static void
vec_set_position (Vec *v)
{
  if (v->toks->len > 0)
    {
      Tok *t = v->toks->pdata[0];
      v->lineno = t->lineno;
      v->column = t->column;
    }
}

/* Expected rows: cell-bearing rows, with a legacy group (the 2019 single
 * （六） row in a 2021 table) standing in for its children when it was read. */
GArray *
govstats_import_expected_rows (TableRead *tr)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (int));
  TableInfo *ti = tr->ti;

  for (guint k = 0; k < ti->cell_rows->len; k++)
    {
      int r = g_array_index (ti->cell_rows, int, k);
      const GovstatsSchemaRow *row = govstats_import_row_at (ti, r);

      if (govstats_import_row_is_legacy_group (ti, r))
        {
          if (tr->row_vec[r] >= 0)
            g_array_append_val (rows, r);
          continue;
        }
      if (row->parent >= 0 && govstats_import_row_is_legacy_group (ti, row->parent) && tr->row_vec[row->parent] >= 0)
        continue;
      g_array_append_val (rows, r);
    }
  return rows;
}

/* Rows in table order for a table printed as one line (表四): leaves only. */
GArray *
govstats_import_transposed_rows (TableRead *tr)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint k = 0; k < tr->ti->cell_rows->len; k++)
    {
      int r = g_array_index (tr->ti->cell_rows, int, k);
      if (!govstats_import_row_is_legacy_group (tr->ti, r))
        g_array_append_val (rows, r);
    }
  return rows;
}

static void
assign_vec (TableRead *tr,
            int        row,
            int        vi,
            int        pi)
{
  if (tr->row_vec[row] >= 0)
    {
      /* Two sets of numbers for one row: read neither. */
      Vec *old = tr->vecs->pdata[tr->row_vec[row]];
      old->bad = TRUE;
      if (old->why == NULL)
        old->why = g_strdup ("twice");
      return;
    }
  tr->row_vec[row] = vi;
  tr->row_partial[row] = pi;
}

static void
report_unknown_row (TableRead *tr,
                    Vec       *v,
                    Partial   *p)
{
  g_autofree char *nums = govstats_import_vec_text (v);
  if (tr->fallback)
    return;
  govstats_import_add_finding_printf (tr->rd, "import.unknown_row", GOVSTATS_SEVERITY_WARNING, v->lineno, v->column, NULL,
                                      /* Translators: %1$s are the numbers, %2$s the label printed before
                                       * them, %3$s the table's (Chinese) title. */
                                      N_("numbers (%1$s) on a line labelled “%2$s” in table %3$s, which is no row of the table: "
                                         "not read"), nums, p ? p->raw->str : "", tr->ti->table->title.zh);
}

/* The row label of line @l: the last row label before its first value
 * (@first_value), skipping legacy group rows when a real row follows;
 * -1 when there is none. A label the layout does not know is returned in
 * @unknown_tok. */
static int
line_label_token (TableRead *tr,
                  Line      *l,
                  int        first_value,
                  int       *unknown_tok)
{
  TableInfo *ti = tr->ti;
  int label_tok = -1;

  *unknown_tok = -1;
  for (int k = first_value - 1; k >= 0; k--)
    {
      Tok *t = l->toks->pdata[k];
      Partial *p;
      if (t->kind != TOK_TEXT || t->partial < 0)
        continue;
      p = govstats_import_partial_at (tr, t->partial);
      if (govstats_import_partial_is_row (p))
        {
          if (label_tok < 0 || govstats_import_row_is_legacy_group (ti, govstats_import_partial_at (tr, ((Tok *) l->toks->pdata[label_tok])->partial)->row))
            label_tok = k;
          if (!govstats_import_row_is_legacy_group (ti, p->row))
            break;
        }
      else if (p->unknown && *unknown_tok < 0 && t->norm[0] != '\0')
        *unknown_tok = k;
    }
  return label_tok;
}

/* The numbers of line @li, after its label (or from its first value). */
static Vec *
line_vec (TableRead *tr,
          guint      li,
          int        label_tok,
          int        first_value)
{
  TableInfo *ti = tr->ti;
  Line *l = tr->rlines->pdata[li];
  Vec *v = vec_new (tr, li);

  for (guint k = (guint) (label_tok >= 0 ? label_tok + 1 : first_value); k < l->toks->len; k++)
    {
      Tok *t = l->toks->pdata[k];
      if (t->label_span)
        continue;
      if (l->explicit || t->kind != TOK_TEXT)
        g_ptr_array_add (v->toks, t);
    }
  /* Cells rendered from HTML often pad rows with empty cells. */
  if (l->explicit)
    while (v->toks->len > ti->n_cols && ((Tok *) g_ptr_array_index (v->toks, v->toks->len - 1))->empty_cell)
      g_ptr_array_set_size (v->toks, v->toks->len - 1);
  vec_set_position (v);
  return v;
}

/* Numbers alone on a line: 表四 printed as one line of rows × columns, when
 * none of its rows has numbers yet. */
static gboolean
take_transposed (TableRead *tr,
                 Vec       *v,
                 int        vi,
                 GArray    *trows)
{
  TableInfo *ti = tr->ti;
  gboolean any = FALSE;

  if (trows->len < 2 || ti->n_cols < 2 || v->toks->len != trows->len * ti->n_cols)
    return FALSE;
  for (guint k = 0; k < trows->len; k++)
    any = any || tr->row_vec[g_array_index (trows, int, k)] >= 0;
  if (any)
    return FALSE;
  v->transposed = TRUE;
  for (guint k = 0; k < trows->len; k++)
    tr->row_vec[g_array_index (trows, int, k)] = vi;
  return TRUE;
}

/* The row label just above line @l still without numbers (a label broken
 * over lines), or -1. */
static int
label_just_above (TableRead *tr,
                  Line      *l)
{
  TableInfo *ti = tr->ti;
  int best = -1;

  /* Labels are in line order: only the last few can be just above. */
  for (int i = (int) tr->partials->len - 1, seen = 0; i >= 0 && seen < 64; i--, seen++)
    {
      Partial *p = govstats_import_partial_at (tr, i);
      if (!govstats_import_partial_is_row (p) || p->vec >= 0 || p->first_ord > l->ord)
        continue;
      if (l->ord > p->last_ord && l->ord - p->last_ord > NUMBER_WINDOW)
        continue;
      if (govstats_import_row_is_legacy_group (ti, p->row))
        continue;
      if (best < 0 || p->last_ord > govstats_import_partial_at (tr, best)->last_ord)
        best = i;
    }
  return best;
}

/* Numbers printed just above their label (vertically centred cells): each
 * orphan line goes to a free row label starting on the next line. */
static void
assign_numbers_above_labels (TableRead *tr)
{
  TableInfo *ti = tr->ti;

  for (guint vi = 0; vi < tr->vecs->len; vi++)
    {
      Vec *v = tr->vecs->pdata[vi];
      guint lo = 0, hi = tr->partials->len;
      if (g_strcmp0 (v->why, "orphan") != 0)
        continue;
      /* Labels are in line order: the first one starting on the next line. */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (govstats_import_partial_at (tr, (int) mid)->first_ord <= v->ord)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint i = lo; i < tr->partials->len && govstats_import_partial_at (tr, (int) i)->first_ord == v->ord + 1; i++)
        {
          Partial *p = govstats_import_partial_at (tr, (int) i);
          if (!govstats_import_partial_is_row (p) || p->vec >= 0 || govstats_import_row_is_legacy_group (ti, p->row))
            continue;
          if (p->first_ord == v->ord + 1 && tr->row_vec[p->row] < 0)
            {
              p->vec = (int) vi;
              g_clear_pointer (&v->why, g_free);
              assign_vec (tr, p->row, (int) vi, (int) i);
              break;
            }
        }
    }
}

void
govstats_import_line_mode_assign (TableRead *tr)
{
  g_autoptr(GArray) trows = govstats_import_transposed_rows (tr);

  for (guint li = 0; li < tr->rlines->len; li++)
    {
      Line *l = tr->rlines->pdata[li];
      int first_value = -1, label_tok, unknown_tok, best;
      Vec *v;
      int vi;

      if (!l->content || l->n_values == 0)
        continue;
      for (guint k = 0; k < l->toks->len; k++)
        {
          Tok *t = l->toks->pdata[k];
          /* Empty cells before the label (indentation in pasted text) are no values. */
          if (t->kind != TOK_TEXT && !t->empty_cell && first_value < 0)
            first_value = (int) k;
        }
      if (first_value < 0)
        continue;
      label_tok = line_label_token (tr, l, first_value, &unknown_tok);
      v = line_vec (tr, li, label_tok, first_value);
      vi = (int) tr->vecs->len - 1;

      if (label_tok >= 0)
        {
          Tok *t = l->toks->pdata[label_tok];
          Partial *p = govstats_import_partial_at (tr, t->partial);
          if (p->vec >= 0)
            {
              v->bad = TRUE;
              v->why = g_strdup ("twice");
            }
          p->vec = vi;
          assign_vec (tr, p->row, vi, t->partial);
          continue;
        }
      if (unknown_tok >= 0)
        {
          Tok *t = l->toks->pdata[unknown_tok];
          report_unknown_row (tr, v, govstats_import_partial_at (tr, t->partial));
          v->bad = TRUE;
          v->why = g_strdup ("unknown");
          continue;
        }
      if (take_transposed (tr, v, vi, trows))
        continue;
      /* …or the numbers of the label just above (a label broken over lines). */
      best = label_just_above (tr, l);
      if (best >= 0)
        {
          Partial *p = govstats_import_partial_at (tr, best);
          p->vec = vi;
          assign_vec (tr, p->row, vi, best);
          continue;
        }
      v->why = g_strdup ("orphan");
    }
  assign_numbers_above_labels (tr);
}

/* ---------- reading-order text ---------- */

typedef struct {
  GPtrArray *toks;      /* Tok */
  GArray    *blocks;    /* guint: sizes of value blocks (lines without a blank line between) */
  guint      first_li;
  int        label;     /* the row label right before it, -1 */
} Run;

static void
run_free (gpointer data)
{
  Run *r = data;

  g_ptr_array_unref (r->toks);
  g_array_unref (r->blocks);
  g_free (r);
}

/* The runs of values of the region: row labels and unknown text end them;
 * header words, group labels, blank lines and page numbers do not. */
static GPtrArray *
collect_runs (TableRead *tr)
{
  GPtrArray *runs = g_ptr_array_new_with_free_func (run_free);
  Run *run = NULL;
  int last_label = -1;
  guint block = 0;
  gboolean in_block = FALSE;

  for (guint li = 0; li < tr->rlines->len; li++)
    {
      Line *l = tr->rlines->pdata[li];
      gboolean value_line = FALSE;

      if (l->pagenum)
        continue;
      if (!l->content)
        {
          in_block = FALSE;
          continue;
        }
      for (guint k = 0; k < l->toks->len; k++)
        {
          Tok *t = l->toks->pdata[k];
          if (t->kind == TOK_TEXT)
            {
              Partial *p = t->partial >= 0 ? govstats_import_partial_at (tr, t->partial) : NULL;
              if (p && (govstats_import_partial_is_row (p) || p->unknown))
                {
                  run = NULL;
                  if (govstats_import_partial_is_row (p))
                    last_label = t->partial;
                  else
                    last_label = -1;
                }
              in_block = FALSE;
              continue;
            }
          if (run == NULL)
            {
              run = g_new0 (Run, 1);
              run->toks = g_ptr_array_new ();
              run->blocks = g_array_new (FALSE, FALSE, sizeof (guint));
              run->first_li = li;
              run->label = last_label;
              last_label = -1;
              g_ptr_array_add (runs, run);
              in_block = FALSE;
            }
          if (!in_block)
            {
              block = 0;
              g_array_append_val (run->blocks, block);
              in_block = TRUE;
            }
          g_ptr_array_add (run->toks, t);
          g_array_index (run->blocks, guint, run->blocks->len - 1)++;
          value_line = TRUE;
        }
      if (!value_line)
        in_block = FALSE;
    }

  return runs;
}

/* Cuts each run into rows of values (tr->vecs); @slot_run gets the run of
 * each row. */
static void
runs_into_rows (TableRead *tr,
                GPtrArray *runs,
                GArray    *slot_run)
{
  guint n = tr->ti->n_cols;

  /* Runs into rows: row-major, or column-major blocks (pdftotext puts a
   * column of several rows in one block: n blocks of k values are k rows). */
  for (guint i = 0; i < runs->len; i++)
    {
      Run *r = runs->pdata[i];
      guint nb = r->blocks->len, b = 0, offset = 0;
      int ri = (int) i;

      while (b < nb)
        {
          guint k = g_array_index (r->blocks, guint, b);
          gboolean column_major = n >= 2 && k >= 2 && k != n && b + n <= nb;
          guint total = 0, end;

          for (guint c = b; column_major && c < b + n; c++)
            column_major = g_array_index (r->blocks, guint, c) == k;
          if (column_major)
            {
              for (guint row = 0; row < k; row++)
                {
                  Vec *v = vec_new (tr, r->first_li);
                  for (guint c = 0; c < n; c++)
                    g_ptr_array_add (v->toks, r->toks->pdata[offset + c * k + row]);
                  vec_set_position (v);
                  g_array_append_val (slot_run, ri);
                }
              offset += n * k;
              b += n;
              continue;
            }
          /* Row-major up to the next column-major group. */
          for (end = b; end < nb; end++)
            {
              guint kk = g_array_index (r->blocks, guint, end);
              gboolean cm = end > b && n >= 2 && kk >= 2 && kk != n && end + n <= nb;
              for (guint c = end; cm && c < end + n; c++)
                cm = g_array_index (r->blocks, guint, c) == kk;
              if (cm)
                break;
              total += kk;
            }
          if (total % n == 0)
            for (guint row = 0; row < total / n; row++)
              {
                Vec *v = vec_new (tr, r->first_li);
                for (guint c = 0; c < n; c++)
                  g_ptr_array_add (v->toks, r->toks->pdata[offset + row * n + c]);
                vec_set_position (v);
                g_array_append_val (slot_run, ri);
              }
          else
            {
              Vec *v = vec_new (tr, r->first_li);
              for (guint c = 0; c < total; c++)
                g_ptr_array_add (v->toks, r->toks->pdata[offset + c]);
              v->bad = TRUE;
              v->why = g_strdup ("count");
              vec_set_position (v);
              g_array_append_val (slot_run, ri);
            }
          offset += total;
          b = end;
        }
    }
}

/* The cell-bearing rows whose labels the region prints, in table order; sets
 * tr->row_partial for each. */
static GArray *
printed_rows (TableRead *tr)
{
  TableInfo *ti = tr->ti;
  GArray *printed = g_array_new (FALSE, FALSE, sizeof (int));

  /* The printed rows, in table order; a legacy group only without children. */
  for (guint k = 0; k < ti->cell_rows->len; k++)
    {
      int r = g_array_index (ti->cell_rows, int, k);
      int first = -1;
      for (guint i = 0; i < tr->partials->len && first < 0; i++)
        if (govstats_import_partial_is_row (govstats_import_partial_at (tr, i)) && govstats_import_partial_at (tr, i)->row == r)
          first = (int) i;
      if (first < 0)
        continue;
      if (govstats_import_row_is_legacy_group (ti, r))
        {
          gboolean child = FALSE;
          for (guint i = 0; i < tr->partials->len; i++)
            {
              Partial *p = govstats_import_partial_at (tr, i);
              if (govstats_import_partial_is_row (p) && govstats_import_row_at (ti, p->row)->parent == r)
                child = TRUE;
            }
          if (child)
            continue;
        }
      g_array_append_val (printed, r);
      tr->row_partial[r] = first;
    }
  return printed;
}

/* Pairs the rows of numbers with the printed rows in table order, when there
 * are as many of each; FALSE otherwise. */
static gboolean
pair_in_order (TableRead *tr,
               GPtrArray *runs,
               GArray    *printed,
               GArray    *slot_run)
{
  if (!(printed->len == tr->vecs->len && printed->len > 0))
    return FALSE;
  /* As many rows of numbers as printed rows: both are in table order. */
  for (guint k = 0; k < printed->len; k++)
    {
      int r = g_array_index (printed, int, k);
      int ri = g_array_index (slot_run, int, k);
      Run *run_k = runs->pdata[ri];
      Vec *v = tr->vecs->pdata[k];
      Partial *p = govstats_import_partial_at (tr, tr->row_partial[r]);
      /* Adjacent: the run starts right after this row's label. */
      gboolean adjacent = run_k->label >= 0 && govstats_import_partial_at (tr, run_k->label)->row == r;
      /* A table printed as one line (表四), labels in the header above. */
      gboolean header_labels = runs->len == 1 && printed->len >= 2 && p->last_li < run_k->first_li;
      if (!adjacent && !header_labels && printed->len > 1)
        v->order_only = TRUE;
      /* Within a run split into several rows, only the first is adjacent. */
      if (adjacent && k > 0 && g_array_index (slot_run, int, k - 1) == ri)
        v->order_only = !header_labels && printed->len > 1;
      tr->row_vec[r] = (int) k;
      p->vec = (int) k;
    }
  return TRUE;
}

/* Otherwise only what sits right after its label is read. */
static void
pair_adjacent (TableRead *tr,
               GPtrArray *runs,
               GArray    *printed,
               GArray    *slot_run)
{
  for (guint k = 0; k < printed->len; k++)
    tr->row_partial[g_array_index (printed, int, k)] = -1;
  for (guint i = 0; i < runs->len; i++)
    {
      Run *r = runs->pdata[i];
      guint first_slot = 0, n_slots = 0;
      for (guint s = 0; s < slot_run->len; s++)
        if (g_array_index (slot_run, int, s) == (int) i)
          {
            if (n_slots == 0)
              first_slot = s;
            n_slots++;
          }
      if (r->label < 0)
        {
          for (guint s = first_slot; s < first_slot + n_slots; s++)
            {
              Vec *v = tr->vecs->pdata[s];
              g_free (v->why);
              v->why = g_strdup ("orphan");
            }
          continue;
        }
      {
        Partial *p = govstats_import_partial_at (tr, r->label);
        Vec *v = tr->vecs->pdata[first_slot];
        if (tr->row_vec[p->row] >= 0)
          continue;
        if (n_slots != 1)
          {
            /* Several rows of numbers after one label: which is whose is
             * not known. The label's row is unreadable, the rest orphans. */
            v->bad = TRUE;
            g_free (v->why);
            v->why = g_strdup ("count");
            g_ptr_array_set_size (v->toks, 0);
            for (guint c = 0; c < r->toks->len; c++)
              g_ptr_array_add (v->toks, r->toks->pdata[c]);
          }
        tr->row_vec[p->row] = (int) first_slot;
        tr->row_partial[p->row] = r->label;
        p->vec = (int) first_slot;
      }
    }
}

void
govstats_import_stream_assign (TableRead *tr)
{
  g_autoptr(GPtrArray) runs = collect_runs (tr);
  g_autoptr(GArray) slot_run = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) printed = NULL;

  runs_into_rows (tr, runs, slot_run);
  printed = printed_rows (tr);
  if (!pair_in_order (tr, runs, printed, slot_run))
    pair_adjacent (tr, runs, printed, slot_run);
}

/* ---------- column positions (layout text) ---------- */

static int
median_int (GArray *a)
{
  if (a->len == 0)
    return -1;
  g_array_sort (a, govstats_import_compare_ints);
  return g_array_index (a, int, a->len / 2);
}

static int
tok_centre (Tok *t)
{
  return t->x + t->x_end;   /* twice the centre: keeps halves */
}

/* Column centres (twice the column) for the segment @seg, from the rows that
 * printed every cell; from the whole table; else from the header words. */
static gboolean
column_centres (TableRead *tr,
                guint      seg,
                int       *centres)
{
  TableInfo *ti = tr->ti;
  guint n = ti->n_cols;
  g_autoptr(GPtrArray) per = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gboolean found = FALSE;

  for (int pass = 0; pass < 2 && !found; pass++)
    {
      g_ptr_array_set_size (per, 0);
      for (guint c = 0; c < n; c++)
        g_ptr_array_add (per, g_array_new (FALSE, FALSE, sizeof (int)));
      for (guint vi = 0; vi < tr->vecs->len; vi++)
        {
          Vec *v = tr->vecs->pdata[vi];
          if (v->explicit || v->bad || v->transposed || v->toks->len != n || (pass == 0 && v->seg != seg))
            continue;
          for (guint c = 0; c < n; c++)
            {
              int x = tok_centre (v->toks->pdata[c]);
              g_array_append_val (per->pdata[c], x);
            }
          found = TRUE;
        }
    }
  if (found)
    {
      for (guint c = 0; c < n; c++)
        centres[c] = median_int (per->pdata[c]);
      return TRUE;
    }

  /* The header: the topmost word of each column label, left to right. */
  {
    int prev = -1;
    for (guint c = 0; c < n; c++)
      {
        const GovstatsSchemaColumn *col = ti->table->columns->pdata[c];
        g_autofree char *label = govstats_import_normalize_label (col->label.zh);
        int best = -1;

        for (guint li = 0; li < tr->rlines->len && best < 0; li++)
          {
            Line *l = tr->rlines->pdata[li];
            if (!l->content || l->n_values > 0)
              continue;
            for (guint k = 0; k < l->toks->len; k++)
              {
                Tok *t = l->toks->pdata[k];
                if (t->kind != TOK_TEXT || t->norm[0] == '\0' || govstats_import_n_chars (t->norm) < 2)
                  continue;
                if ((g_str_has_prefix (label, t->norm) || g_str_equal (label, t->norm)) &&
                    tok_centre (t) > prev)
                  {
                    best = tok_centre (t);
                    break;
                  }
              }
          }
        if (best < 0)
          return FALSE;
        centres[c] = best;
        prev = best;
      }
    return TRUE;
  }
}

/* Places the values of a row that printed fewer values than columns under
 * their columns; FALSE when any value is not clearly under one column. */
gboolean
govstats_import_place_by_position (TableRead *tr,
                                   Vec       *v,
                                   Tok      **cells)
{
  guint n = tr->ti->n_cols;
  g_autofree int *centres = g_new0 (int, n);
  int last = -1;

  if (v->explicit || !column_centres (tr, v->seg, centres))
    return FALSE;
  for (guint c = 1; c < n; c++)
    if (centres[c] <= centres[c - 1])
      return FALSE;
  for (guint k = 0; k < v->toks->len; k++)
    {
      Tok *t = v->toks->pdata[k];
      int x = tok_centre (t), best = -1, best_d = G_MAXINT, gap;
      for (guint c = 0; c < n; c++)
        {
          int d = ABS (x - centres[c]);
          if (d < best_d)
            {
              best_d = d;
              best = (int) c;
            }
        }
      /* Clearly under it: closer than 45% of the distance to a neighbour. */
      gap = G_MAXINT;
      if (best > 0)
        gap = MIN (gap, centres[best] - centres[best - 1]);
      if (best + 1 < (int) n)
        gap = MIN (gap, centres[best + 1] - centres[best]);
      if (best <= last || (gap != G_MAXINT && best_d * 100 > gap * 45))
        return FALSE;
      cells[best] = t;
      last = best;
    }
  return TRUE;
}
