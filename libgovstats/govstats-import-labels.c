/* govstats-import-labels.c — matching printed labels to the schema's rows, groups and header words, across lines
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

/* Lines (with text) a label may span. */
#define LABEL_WINDOW 3

/* ---------- the schema, as the reader needs it ---------- */

typedef enum {
  ENTRY_ROW,     /* a row with cells (a leaf, or a group that keeps legacy cells) */
  ENTRY_GROUP,   /* a label without numbers: a group row, a printed group */
} EntryKind;

typedef struct {
  EntryKind   kind;
  int         row;      /* schema row index; -1 for a printed group */
  char       *norm;
  const char *bare;     /* into norm */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->norm);
  g_free (e);
}

void
govstats_import_table_info_free (gpointer data)
{
  TableInfo *ti = data;

  g_ptr_array_unref (ti->entries);
  g_ptr_array_unref (ti->header);
  g_ptr_array_unref (ti->titles);
  g_array_unref (ti->cell_rows);
  g_free (ti);
}

static void
add_entry (TableInfo  *ti,
           EntryKind   kind,
           int         row,
           const char *label)
{
  Entry *e;

  if (label == NULL || *label == '\0')
    return;
  e = g_new0 (Entry, 1);
  e->kind = kind;
  e->row = row;
  e->norm = govstats_import_normalize_label (label);
  e->bare = govstats_import_skip_numbering (e->norm);
  g_ptr_array_add (ti->entries, e);
}

void
govstats_import_add_string (GPtrArray  *array,
                            const char *text)
{
  if (text && *text)
    g_ptr_array_add (array, govstats_import_normalize_label (text));
}

TableInfo *
govstats_import_table_info_new (GovstatsSchema *schema,
                                guint           index)
{
  const GovstatsSchemaTable *table = govstats_schema_table_at (schema, index);
  TableInfo *ti = g_new0 (TableInfo, 1);

  ti->table = table;
  ti->index = index;
  ti->entries = g_ptr_array_new_with_free_func (entry_free);
  ti->header = g_ptr_array_new_with_free_func (g_free);
  ti->titles = g_ptr_array_new_with_free_func (g_free);
  ti->cell_rows = g_array_new (FALSE, FALSE, sizeof (int));
  ti->n_cols = table->columns->len;

  for (guint r = 0; r < table->rows->len; r++)
    {
      const GovstatsSchemaRow *row = table->rows->pdata[r];
      EntryKind kind = row->has_cells ? ENTRY_ROW : ENTRY_GROUP;
      int ri = (int) r;

      add_entry (ti, kind, ri, row->label.zh);
      for (guint a = 0; row->aliases && row->aliases[a]; a++)
        add_entry (ti, kind, ri, row->aliases[a]);
      if (row->printed_group.zh)
        add_entry (ti, ENTRY_GROUP, -1, row->printed_group.zh);
      if (row->has_cells)
        g_array_append_val (ti->cell_rows, ri);
    }
  for (guint g = 0; g < table->printed_groups->len; g++)
    add_entry (ti, ENTRY_GROUP, -1,
               g_array_index (table->printed_groups, GovstatsSchemaPrintedGroup, g).label.zh);

  for (guint c = 0; c < table->columns->len; c++)
    {
      const GovstatsSchemaColumn *col = table->columns->pdata[c];
      govstats_import_add_string (ti->header, col->label.zh);
      for (guint a = 0; col->aliases && col->aliases[a]; a++)
        govstats_import_add_string (ti->header, col->aliases[a]);
      govstats_import_add_string (ti->header, col->group.zh);
    }
  govstats_import_add_string (ti->header, table->column_header.zh);
  govstats_import_add_string (ti->header, table->note.zh);
  govstats_import_add_string (ti->header, table->row_header.zh);

  govstats_import_add_string (ti->titles, table->title.zh);
  for (guint a = 0; table->aliases && table->aliases[a]; a++)
    govstats_import_add_string (ti->titles, table->aliases[a]);
  return ti;
}

const GovstatsSchemaRow *
govstats_import_row_at (TableInfo *ti,
                        int        row)
{
  return ti->table->rows->pdata[row];
}

gboolean
govstats_import_row_is_legacy_group (TableInfo *ti,
                                     int        row)
{
  const GovstatsSchemaRow *r = govstats_import_row_at (ti, row);

  return r->group && r->has_cells;
}

/* ---------- label matching ---------- */

static gboolean
valid_prefix (TableInfo  *ti,
              const char *s,
              gboolean    bare_ok)
{
  if (*s == '\0')
    return FALSE;
  for (guint i = 0; i < ti->entries->len; i++)
    {
      Entry *e = ti->entries->pdata[i];
      if (g_str_has_prefix (e->norm, s))
        return TRUE;
      if (bare_ok && govstats_import_n_chars (s) >= 2 && g_str_has_prefix (e->bare, s))
        return TRUE;
    }
  return FALSE;
}

/* The entry @s names exactly (or, with @tolerant set, but for its numbering). */
static int
entry_exact (TableInfo  *ti,
             const char *s,
             gboolean   *tolerant)
{
  const char *bare = govstats_import_skip_numbering (s);

  *tolerant = FALSE;
  if (*s == '\0')
    return -1;
  for (guint i = 0; i < ti->entries->len; i++)
    if (g_str_equal (((Entry *) ti->entries->pdata[i])->norm, s))
      return (int) i;
  if (*bare == '\0')
    return -1;
  for (guint i = 0; i < ti->entries->len; i++)
    {
      Entry *e = ti->entries->pdata[i];
      if (e->bare != e->norm && g_str_equal (e->bare, bare))
        {
          *tolerant = TRUE;
          return (int) i;
        }
    }
  return -1;
}

static gboolean
is_header_exact (TableInfo  *ti,
                 const char *s)
{
  for (guint i = 0; i < ti->header->len; i++)
    if (g_str_equal (ti->header->pdata[i], s))
      return TRUE;
  return FALSE;
}

/* A header word: the fragment is made of pieces of header strings, each of
 * two characters at least (or it is one short piece): "社会法律" is 社会 + 法律. */
static gboolean
is_header_word (TableInfo  *ti,
                const char *s)
{
  const char *p = s;
  glong total = govstats_import_n_chars (s);

  if (*s == '\0' || total > 64)
    return FALSE;
  while (*p)
    {
      glong best = 0;
      glong remaining = govstats_import_n_chars (p);

      for (glong k = remaining; k >= 1 && best == 0; k--)
        {
          const char *end = g_utf8_offset_to_pointer (p, k);
          g_autofree char *piece = g_strndup (p, (gsize) (end - p));
          if (k < 2 && total > 3)
            break;
          for (guint i = 0; i < ti->header->len; i++)
            if (strstr (ti->header->pdata[i], piece))
              {
                best = k;
                break;
              }
        }
      if (best == 0)
        return FALSE;
      p = g_utf8_offset_to_pointer (p, best);
    }
  return TRUE;
}

/* ---------- partial labels ---------- */

void
govstats_import_partial_free (gpointer data)
{
  Partial *p = data;

  g_string_free (p->norm, TRUE);
  g_string_free (p->raw, TRUE);
  g_free (p->how);
  g_free (p);
}

void
govstats_import_vec_free (gpointer data)
{
  Vec *v = data;

  g_ptr_array_unref (v->toks);
  g_free (v->why);
  g_free (v);
}

Partial *
govstats_import_partial_at (TableRead *tr,
                            int        i)
{
  return tr->partials->pdata[i];
}

static Partial *
partial_new (TableRead *tr,
             Tok       *t,
             const char *norm,
             const char *raw,
             guint      li)
{
  Partial *p = g_new0 (Partial, 1);
  Line *l = tr->rlines->pdata[li];

  p->norm = g_string_new (norm);
  p->raw = g_string_new (raw);
  p->x = t->x;
  p->last_x = t->x;
  p->first_li = p->last_li = li;
  p->first_ord = p->last_ord = l->ord;
  p->lineno = t->lineno;
  p->column = t->column;
  p->entry = -1;
  p->row = -1;
  p->vec = -1;
  g_ptr_array_add (tr->partials, p);
  t->role = ROLE_LABEL;
  t->partial = (int) tr->partials->len - 1;
  return p;
}

static void
partial_check_complete (TableRead *tr,
                        Partial   *p)
{
  gboolean tolerant;
  int e = entry_exact (tr->ti, p->norm->str, &tolerant);

  if (e >= 0 && !tolerant)
    {
      p->complete = TRUE;
      p->entry = e;
    }
}

/* The open label @norm would continue, or -1. */
static int
find_extension (TableRead  *tr,
                const char *norm,
                int         x,
                guint       li)
{
  Line *l = tr->rlines->pdata[li];
  int best = -1;
  int best_dist = G_MAXINT;

  /* Labels open within the last lines only; a few dozen at most. */
  for (int i = (int) tr->partials->len - 1, seen = 0; i >= 0 && seen < 64; i--, seen++)
    {
      Partial *p = govstats_import_partial_at (tr, i);
      g_autofree char *joined = NULL;
      int dist;

      if (p->complete || p->unknown)
        continue;
      if (l->ord - p->last_ord > LABEL_WINDOW)
        continue;
      if (p->last_li == li && x <= p->last_x)
        continue;
      joined = g_strconcat (p->norm->str, norm, NULL);
      if (!valid_prefix (tr->ti, joined, TRUE))
        continue;
      /* Line forms: the nearest column wins; reading order: the latest. */
      dist = tr->stream ? (int) (tr->partials->len - (guint) i) : ABS (p->x - x);
      if (dist < best_dist)
        {
          best = i;
          best_dist = dist;
        }
    }
  return best;
}

static void
partial_extend (TableRead  *tr,
                int         pi,
                Tok        *t,
                const char *norm,
                const char *raw,
                guint       li)
{
  Partial *p = govstats_import_partial_at (tr, pi);
  Line *l = tr->rlines->pdata[li];

  g_string_append (p->norm, norm);
  g_string_append (p->raw, raw);
  p->last_li = li;
  p->last_ord = l->ord;
  p->last_x = t->x;
  t->role = ROLE_LABEL;
  t->partial = pi;
  partial_check_complete (tr, p);
}

/* One text fragment: continue a label, set a header word aside, start a
 * label, or split a fragment glued from two labels. */
void
govstats_import_process_fragment (TableRead  *tr,
                                  Tok        *t,
                                  const char *norm,
                                  const char *raw,
                                  guint       li,
                                  gboolean    allow_split)
{
  gboolean tolerant;
  int ext;

  if (*norm == '\0')
    return;
  ext = find_extension (tr, norm, t->x, li);
  if (ext >= 0)
    {
      partial_extend (tr, ext, t, norm, raw, li);
      return;
    }
  if (is_header_exact (tr->ti, norm))
    {
      t->role = ROLE_HEADER;
      return;
    }
  if (valid_prefix (tr->ti, norm, FALSE) || entry_exact (tr->ti, norm, &tolerant) >= 0)
    {
      Partial *p = partial_new (tr, t, norm, raw, li);
      partial_check_complete (tr, p);
      return;
    }
  if (is_header_word (tr->ti, norm))
    {
      t->role = ROLE_HEADER;
      return;
    }
  if (valid_prefix (tr->ti, norm, TRUE))
    {
      Partial *p = partial_new (tr, t, norm, raw, li);
      partial_check_complete (tr, p);
      return;
    }
  if (allow_split && govstats_import_n_chars (norm) <= 96)
    {
      /* "本2.其他法律行政法规禁止公开", "(四)无法提供1.本机关…": a tail that
       * starts a numbered label, a head that continues or completes one. */
      const char *p = g_utf8_next_char (norm);
      for (; *p; p = g_utf8_next_char (p))
        {
          g_autofree char *head = g_strndup (norm, (gsize) (p - norm));
          gboolean tail_ok = govstats_import_skip_numbering (p) != p && valid_prefix (tr->ti, p, FALSE);
          gboolean head_ok;
          if (!tail_ok)
            continue;
          head_ok = find_extension (tr, head, t->x, li) >= 0 || valid_prefix (tr->ti, head, TRUE) ||
                    entry_exact (tr->ti, head, &tolerant) >= 0;
          if (!head_ok)
            continue;
          govstats_import_process_fragment (tr, t, head, head, li, FALSE);
          govstats_import_process_fragment (tr, t, p, p, li, FALSE);
          return;
        }
    }
  {
    Partial *p = partial_new (tr, t, norm, raw, li);
    p->unknown = TRUE;
  }
}

static int
entry_row_key (Entry *e)
{
  return e->kind == ENTRY_GROUP ? -2 - e->row : e->row;
}

/* Resolves every label to a row, a group, or nothing. */
void
govstats_import_resolve_partials (TableRead *tr)
{
  TableInfo *ti = tr->ti;

  for (guint i = 0; i < tr->partials->len; i++)
    {
      Partial *p = govstats_import_partial_at (tr, i);
      const char *norm = p->norm->str;
      const char *bare = govstats_import_skip_numbering (norm);
      int e = -1;
      gboolean tolerant = FALSE;

      if (p->complete)
        e = p->entry;
      else
        {
          e = entry_exact (ti, norm, &tolerant);
          if (e >= 0)
            p->how = g_strdup ("numbering");
        }
      if (e < 0 && !p->unknown)
        {
          /* A label cut short (a page break, a truncated text): one candidate. */
          int key = G_MININT, found = -1;
          gboolean several = FALSE, all_groups = TRUE;
          for (guint k = 0; k < ti->entries->len; k++)
            {
              Entry *en = ti->entries->pdata[k];
              if (!g_str_has_prefix (en->norm, norm) && !g_str_has_prefix (en->bare, bare))
                continue;
              if (en->kind != ENTRY_GROUP)
                all_groups = FALSE;
              if (found >= 0 && entry_row_key (en) != key)
                several = TRUE;
              if (found < 0)
                {
                  found = (int) k;
                  key = entry_row_key (en);
                }
            }
          if (found >= 0 && all_groups)
            e = found;
          else if (found >= 0 && !several && govstats_import_n_chars (bare) >= 4)
            {
              e = found;
              tolerant = TRUE;
              p->how = g_strdup ("prefix");
            }
        }
      if (e < 0 && govstats_import_n_chars (bare) >= 3)
        {
          /* Extra words around a label, or a typo. */
          int best = -1;
          glong best_len = 0;
          guint best_d = G_MAXUINT;
          gboolean tie = FALSE;

          for (guint k = 0; k < ti->entries->len; k++)
            {
              Entry *en = ti->entries->pdata[k];
              glong len = govstats_import_n_chars (en->bare);
              /* The label must be most of the text, not a word in a sentence. */
              if (en->kind == ENTRY_ROW && len >= 4 && strstr (norm, en->bare) && len > best_len &&
                  len * 10 >= govstats_import_n_chars (norm) * 6)
                {
                  best = (int) k;
                  best_len = len;
                }
            }
          if (best >= 0)
            p->how = g_strdup ("containment");
          else
            {
              for (guint k = 0; k < ti->entries->len; k++)
                {
                  Entry *en = ti->entries->pdata[k];
                  glong len = govstats_import_n_chars (en->bare);
                  guint limit = (guint) MAX (1, len / 5);
                  guint d;
                  if (en->kind != ENTRY_ROW || len < 3)
                    continue;
                  d = govstats_import_edit_distance (bare, en->bare, limit);
                  if (d > limit)
                    continue;
                  if (d < best_d)
                    {
                      best_d = d;
                      best = (int) k;
                      tie = FALSE;
                    }
                  else if (d == best_d && best >= 0 &&
                           entry_row_key (ti->entries->pdata[best]) != entry_row_key (en))
                    tie = TRUE;
                }
              if (tie)
                best = -1;
              if (best >= 0)
                p->how = g_strdup ("similar");
            }
          if (best >= 0)
            {
              e = best;
              tolerant = TRUE;
            }
        }
      if (e < 0)
        {
          p->unknown = TRUE;
          continue;
        }
      p->unknown = FALSE;
      p->entry = e;
      p->tolerant = tolerant;
      {
        Entry *en = ti->entries->pdata[e];
        p->row = en->row;
        p->group = en->kind == ENTRY_GROUP;
      }
    }
}

gboolean
govstats_import_partial_is_row (Partial *p)
{
  return p && !p->unknown && !p->group && p->row >= 0;
}
