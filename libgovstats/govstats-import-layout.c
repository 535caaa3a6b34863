/* govstats-import-layout.c — the document's regions (section headings, table titles) and its layout (2019 or 2021)
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

/* ---------- regions ---------- */

/* Does a line print the heading @h (normalised)? */
static gboolean
heading_matches (const char *lnorm,
                 const char *h)
{
  const char *lb = govstats_import_skip_numbering (lnorm), *hb = govstats_import_skip_numbering (h);
  glong ln = govstats_import_n_chars (lnorm), hn = govstats_import_n_chars (h);

  if (*lnorm == '\0')
    return FALSE;
  if (g_str_equal (lnorm, h))
    return TRUE;
  if (g_str_has_prefix (lnorm, h) && ln - hn <= 6)
    return TRUE;
  /* Same numbering, nearly the same words. */
  if (lb != lnorm && hb != h && (lb - lnorm) == (hb - h) && strncmp (lnorm, h, (gsize) (lb - lnorm)) == 0 &&
      ln <= hn + 8)
    {
      glong bn = govstats_import_n_chars (hb);
      guint limit = (guint) MAX (1, bn / 3);
      if (bn >= 4)
        {
          const char *p4 = g_utf8_offset_to_pointer (hb, 4);
          if (strncmp (lb, hb, (gsize) (p4 - hb)) == 0)
            return TRUE;
        }
      return govstats_import_edit_distance (lb, hb, limit) <= limit;
    }
  return FALSE;
}

static gboolean
title_matches (const char *lnorm,
               const char *title)
{
  glong ln, tn;

  if (*lnorm == '\0')
    return FALSE;
  if (g_str_equal (lnorm, title) || g_str_equal (govstats_import_skip_numbering (lnorm), title))
    return TRUE;
  ln = govstats_import_n_chars (lnorm);
  tn = govstats_import_n_chars (title);
  return strstr (lnorm, title) != NULL && ln <= tn + 6;
}

static gboolean
section_heading_at (GovstatsSchema *schema,
                    guint           s,
                    const char     *lnorm)
{
  const GovstatsSchemaSection *sec = govstats_schema_section_at (schema, s);
  g_autofree char *h = govstats_import_normalize_label (sec->heading.zh);

  if (heading_matches (lnorm, h))
    return TRUE;
  for (guint a = 0; sec->aliases && sec->aliases[a]; a++)
    {
      g_autofree char *alias = govstats_import_normalize_label (sec->aliases[a]);
      if (heading_matches (lnorm, alias))
        return TRUE;
    }
  return FALSE;
}

void
govstats_import_find_anchors (Reader    *rd,
                              GPtrArray *infos,
                              Anchors   *an)
{
  guint n_sections = MIN (govstats_schema_get_n_sections (rd->schema), 16);
  guint next = 0;

  for (guint i = 0; i < 16; i++)
    an->section_line[i] = an->table_line[i] = -1;

  /* Headings in printed order, each after the one before. */
  for (guint i = 0; i < rd->lines->len && next < n_sections; i++)
    {
      Line *l = rd->lines->pdata[i];
      if (!l->content || l->n_text == 0)
        continue;
      for (guint s = next; s < n_sections; s++)
        if (section_heading_at (rd->schema, s, l->norm))
          {
            an->section_line[s] = (int) i;
            next = s + 1;
            break;
          }
    }

  for (guint t = 0; t < infos->len && t < 16; t++)
    {
      TableInfo *ti = infos->pdata[t];
      int from = 0;

      for (guint s = 0; s < n_sections; s++)
        {
          const GovstatsSchemaSection *sec = govstats_schema_section_at (rd->schema, s);
          if (sec->tables && g_strv_contains ((const char * const *) sec->tables, ti->table->key) &&
              an->section_line[s] >= 0)
            from = an->section_line[s];
        }
      for (guint i = (guint) from; i < rd->lines->len && an->table_line[t] < 0; i++)
        {
          Line *l = rd->lines->pdata[i];
          if (!l->content || l->n_text == 0 || l->n_values > 0)
            continue;
          for (guint k = 0; k < ti->titles->len; k++)
            if (title_matches (l->norm, ti->titles->pdata[k]))
              {
                an->table_line[t] = (int) i;
                break;
              }
        }
    }
}

/* ---------- layout ---------- */

static void
collect_labels (GovstatsSchema *schema,
                GPtrArray      *out)
{
  for (guint t = 0; t < govstats_schema_get_n_tables (schema); t++)
    {
      const GovstatsSchemaTable *table = govstats_schema_table_at (schema, t);
      govstats_import_add_string (out, table->title.zh);
      for (guint r = 0; r < table->rows->len; r++)
        {
          const GovstatsSchemaRow *row = table->rows->pdata[r];
          govstats_import_add_string (out, row->label.zh);
          for (guint a = 0; row->aliases && row->aliases[a]; a++)
            govstats_import_add_string (out, row->aliases[a]);
        }
      for (guint c = 0; c < table->columns->len; c++)
        {
          const GovstatsSchemaColumn *col = table->columns->pdata[c];
          govstats_import_add_string (out, col->label.zh);
          for (guint a = 0; col->aliases && col->aliases[a]; a++)
            govstats_import_add_string (out, col->aliases[a]);
        }
    }
}

typedef struct {
  GPtrArray *labels;   /* char *: the distinctive labels (normalised) */
  GPtrArray *keys;     /* char *: what is looked for in the text */
} Features;

/* The labels only @a prints (not even as part of a label of @b), and for
 * each the start that is looked for (a broken label keeps its start). */
static void
features_init (Features  *out,
               GPtrArray *a,
               GPtrArray *b)
{
  out->labels = g_ptr_array_new_with_free_func (g_free);
  out->keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < a->len; i++)
    {
      const char *f = a->pdata[i];
      const char *bare = govstats_import_skip_numbering (f);
      gboolean distinctive = TRUE;

      for (guint k = 0; k < b->len && distinctive; k++)
        if (strstr (b->pdata[k], f) != NULL)
          distinctive = FALSE;
      for (guint k = 0; k < i && distinctive; k++)
        if (g_str_equal (a->pdata[k], f))
          distinctive = FALSE;
      if (!distinctive)
        continue;
      g_ptr_array_add (out->labels, g_strdup (f));
      if (govstats_import_n_chars (bare) >= 4)
        g_ptr_array_add (out->keys, g_strndup (bare, (gsize) (g_utf8_offset_to_pointer (bare, MIN (8, govstats_import_n_chars (bare))) - bare)));
      else
        g_ptr_array_add (out->keys, g_strdup (f));
    }
}

static guint
layout_score (const Features *features,
              const char     *text,
              GString        *hits)
{
  guint score = 0;

  for (guint i = 0; i < features->keys->len; i++)
    if (strstr (text, features->keys->pdata[i]))
      {
        score++;
        if (hits->len)
          g_string_append (hits, "、");
        g_string_append (hits, features->labels->pdata[i]);
      }
  return score;
}

GovstatsSchema *
govstats_import_detect_layout (Reader   *rd,
                               gboolean *undetermined,
                               GString  *why)
{
  GovstatsSchema *s2019 = govstats_schema_get_for_version ("2019");
  GovstatsSchema *s2021 = govstats_schema_get_for_version ("2021");
  /* The built-in schemas never change: their features are computed once. */
  static Features f2019, f2021;
  static gsize features_ready = 0;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) h2019 = g_string_new (NULL);
  g_autoptr(GString) h2021 = g_string_new (NULL);
  int from = 0, to = (int) rd->lines->len;
  guint a, b;

  *undetermined = FALSE;
  if (s2019 == NULL || s2021 == NULL)
    {
      *undetermined = TRUE;
      return s2021 ? s2021 : s2019;
    }
  if (g_once_init_enter (&features_ready))
    {
      g_autoptr(GPtrArray) l2019 = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) l2021 = g_ptr_array_new_with_free_func (g_free);
      collect_labels (s2019, l2019);
      collect_labels (s2021, l2021);
      features_init (&f2019, l2019, l2021);
      features_init (&f2021, l2021, l2019);
      g_once_init_leave (&features_ready, 1);
    }

  /* The tables only: narrative text may name anything. */
  for (guint i = 0; i < rd->lines->len; i++)
    {
      Line *l = rd->lines->pdata[i];
      if (!l->content || l->n_text == 0)
        continue;
      if (from == 0 && section_heading_at (s2021, 1, l->norm))
        from = (int) i;
      else if (from > 0 && section_heading_at (s2021, 4, l->norm))
        {
          to = (int) i;
          break;
        }
    }
  for (int i = from; i < to; i++)
    g_string_append (text, ((Line *) rd->lines->pdata[i])->norm);

  a = layout_score (&f2019, text->str, h2019);
  b = layout_score (&f2021, text->str, h2021);
  if (a > b)
    {
      g_string_assign (why, h2019->str);
      return s2019;
    }
  if (b == a)
    *undetermined = TRUE;
  g_string_assign (why, h2021->str);
  return s2021;
}
