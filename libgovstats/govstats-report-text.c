/* govstats-report-text.c — a report's prose: its sections as paragraphs, with the places of the tables
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-report-private.h"
#include "govstats-report-struct-private.h"

static void
block_free (gpointer data)
{
  GovstatsTextBlock *b = data;

  g_free (b->text);
  g_free (b->table);
  g_free (b);
}

void
govstats_text_section_free (gpointer data)
{
  GovstatsTextSection *sec = data;

  if (sec == NULL)
    return;
  g_ptr_array_unref (sec->blocks);
  g_free (sec->joined);
  g_free (sec);
}

static GovstatsTextSection *
lookup_section (GovstatsReport *self,
                const char     *key,
                gboolean        create)
{
  GovstatsTextSection *sec = g_hash_table_lookup (self->texts, key);

  if (sec == NULL && create)
    {
      char *k = g_strdup (key);
      sec = g_new0 (GovstatsTextSection, 1);
      sec->blocks = g_ptr_array_new_with_free_func (block_free);
      g_ptr_array_add (self->text_keys, k);
      g_hash_table_insert (self->texts, k, sec);
    }
  return sec;
}

/* The cached joined text is dropped on every change and rebuilt when asked
 * for, so adding paragraphs one by one stays linear. */
static void
section_changed (GovstatsTextSection *sec)
{
  g_clear_pointer (&sec->joined, g_free);
}

/* The paragraphs joined by "\n", or NULL for a section without any. */
static const char *
section_joined (GovstatsTextSection *sec)
{
  GString *s = NULL;

  if (sec->joined != NULL)
    return sec->joined;
  for (guint i = 0; i < sec->blocks->len; i++)
    {
      GovstatsTextBlock *b = sec->blocks->pdata[i];
      if (b->text == NULL)
        continue;
      if (s == NULL)
        s = g_string_new (b->text);
      else
        {
          g_string_append_c (s, '\n');
          g_string_append (s, b->text);
        }
    }
  if (s)
    sec->joined = g_string_free (s, FALSE);
  return sec->joined;
}

static void
add_block (GovstatsReport *self,
           const char     *key,
           const char     *text,
           const char     *table)
{
  GovstatsTextSection *sec = lookup_section (self, key, TRUE);
  GovstatsTextBlock *b = g_new0 (GovstatsTextBlock, 1);

  b->text = g_strdup (text);
  b->table = g_strdup (table);
  g_ptr_array_add (sec->blocks, b);
  sec->as_list = TRUE;
  section_changed (sec);
}

/**
 * govstats_report_get_text:
 * @self: a report
 * @key: a section key: `preface`, `overview`, `proactive`, `applications`,
 *   `review_litigation`, `problems`, `other_matters`, `closing`, or any other
 *
 * Gets the prose of a section of the report: its paragraphs joined by a
 * newline (the places of its tables left out). See
 * [method@Govstats.Report.get_text_block] for the paragraphs one by one.
 *
 * Returns: (transfer none) (nullable): the text, or %NULL when the section
 *   has none
 *
 * Since: 0.1
 */
const char *
govstats_report_get_text (GovstatsReport *self,
                          const char     *key)
{
  GovstatsTextSection *sec;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  sec = lookup_section (self, key, FALSE);
  return sec ? section_joined (sec) : NULL;
}

/**
 * govstats_report_set_text:
 * @self: a report
 * @key: a section key
 * @text: (nullable): the text, or %NULL to remove the section
 *
 * Sets the prose of a section as one piece of text (written to the file as
 * a string), replacing whatever the section held.
 *
 * Since: 0.1
 */
void
govstats_report_set_text (GovstatsReport *self,
                          const char     *key,
                          const char     *text)
{
  GovstatsTextSection *sec;
  GovstatsTextBlock *b;
  guint pos;

  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  g_return_if_fail (key != NULL && g_utf8_validate (key, -1, NULL));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));
  if (text == NULL)
    {
      if (g_ptr_array_find_with_equal_func (self->text_keys, key, g_str_equal, &pos))
        {
          g_hash_table_remove (self->texts, key);
          g_ptr_array_remove_index (self->text_keys, pos);
        }
      return;
    }
  sec = lookup_section (self, key, TRUE);
  g_ptr_array_set_size (sec->blocks, 0);
  b = g_new0 (GovstatsTextBlock, 1);
  b->text = g_strdup (text);
  g_ptr_array_add (sec->blocks, b);
  sec->as_list = FALSE;
  section_changed (sec);
}

/**
 * govstats_report_add_paragraph:
 * @self: a report
 * @key: a section key
 * @text: the paragraph
 *
 * Adds a paragraph at the end of a section. A section built this way is
 * written to the file as a list of paragraphs (and places of tables).
 *
 * Since: 0.1
 */
void
govstats_report_add_paragraph (GovstatsReport *self,
                               const char     *key,
                               const char     *text)
{
  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  g_return_if_fail (key != NULL && g_utf8_validate (key, -1, NULL));
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));
  add_block (self, key, text, NULL);
}

/**
 * govstats_report_add_table_place:
 * @self: a report
 * @key: a section key
 * @table: the key of a table of the report's layout
 *
 * Marks the place of a table at the end of a section: the paragraphs added
 * before it are printed before the table, those added after it after the
 * table. Tables of a section that have no place are printed after its prose.
 *
 * Since: 0.1
 */
void
govstats_report_add_table_place (GovstatsReport *self,
                                 const char     *key,
                                 const char     *table)
{
  g_return_if_fail (GOVSTATS_IS_REPORT (self));
  g_return_if_fail (key != NULL && g_utf8_validate (key, -1, NULL));
  g_return_if_fail (table != NULL && g_utf8_validate (table, -1, NULL));
  add_block (self, key, NULL, table);
}

/**
 * govstats_report_get_n_text_blocks:
 * @self: a report
 * @key: a section key
 *
 * Counts the blocks of a section: its paragraphs and the places of its tables.
 *
 * Returns: the number of blocks, 0 for a section the report does not have
 *
 * Since: 0.1
 */
guint
govstats_report_get_n_text_blocks (GovstatsReport *self,
                                   const char     *key)
{
  GovstatsTextSection *sec;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), 0);
  g_return_val_if_fail (key != NULL, 0);
  sec = lookup_section (self, key, FALSE);
  return sec ? sec->blocks->len : 0;
}

/**
 * govstats_report_get_text_block:
 * @self: a report
 * @key: a section key
 * @index: the block, from 0
 * @is_table: (out) (optional): set to %TRUE when the block is the place of a table
 *
 * Gets one block of a section.
 *
 * Returns: (transfer none) (nullable): the paragraph, or the key of the
 *   table printed there; %NULL when @index is out of range
 *
 * Since: 0.1
 */
const char *
govstats_report_get_text_block (GovstatsReport *self,
                                const char     *key,
                                guint           index,
                                gboolean       *is_table)
{
  GovstatsTextSection *sec;
  GovstatsTextBlock *b;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  if (is_table)
    *is_table = FALSE;
  sec = lookup_section (self, key, FALSE);
  if (sec == NULL || index >= sec->blocks->len)
    return NULL;
  b = sec->blocks->pdata[index];
  if (is_table)
    *is_table = b->text == NULL;
  return b->text ? b->text : b->table;
}

/**
 * govstats_report_dup_paragraphs:
 * @self: a report
 * @key: a section key
 *
 * Lists the paragraphs of a section in order, without the places of its
 * tables.
 *
 * Returns: (transfer full) (array zero-terminated=1): the paragraphs
 *
 * Since: 0.1
 */
char **
govstats_report_dup_paragraphs (GovstatsReport *self,
                                const char     *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GovstatsTextSection *sec;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  sec = lookup_section (self, key, FALSE);
  for (guint i = 0; sec && i < sec->blocks->len; i++)
    {
      GovstatsTextBlock *b = sec->blocks->pdata[i];
      if (b->text)
        g_strv_builder_add (builder, b->text);
    }
  return g_strv_builder_end (builder);
}

/**
 * govstats_report_dup_text_keys:
 * @self: a report
 *
 * Lists the sections the report has prose for, in file order.
 *
 * Returns: (transfer full) (array zero-terminated=1): the keys
 *
 * Since: 0.1
 */
char **
govstats_report_dup_text_keys (GovstatsReport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  for (guint i = 0; i < self->text_keys->len; i++)
    g_strv_builder_add (builder, self->text_keys->pdata[i]);
  return g_strv_builder_end (builder);
}

void
govstats_report_begin_text_list (GovstatsReport *self,
                                 const char     *key)
{
  GovstatsTextSection *sec = lookup_section (self, key, TRUE);

  g_ptr_array_set_size (sec->blocks, 0);
  sec->as_list = TRUE;
  section_changed (sec);
}

/* Copies every section of @from into @to, blocks and form alike. */
void
govstats_report_copy_texts (GovstatsReport *from,
                            GovstatsReport *to)
{
  for (guint i = 0; i < from->text_keys->len; i++)
    {
      const char *key = from->text_keys->pdata[i];
      GovstatsTextSection *src = g_hash_table_lookup (from->texts, key);
      GovstatsTextSection *dst;

      govstats_report_set_text (to, key, NULL);
      dst = lookup_section (to, key, TRUE);
      for (guint b = 0; b < src->blocks->len; b++)
        {
          GovstatsTextBlock *sb = src->blocks->pdata[b], *db = g_new0 (GovstatsTextBlock, 1);
          db->text = g_strdup (sb->text);
          db->table = g_strdup (sb->table);
          g_ptr_array_add (dst->blocks, db);
        }
      dst->as_list = src->as_list;
      section_changed (dst);
    }
}

/* Writes the `text` member: a string for a section set as one piece, an
 * array of paragraphs and {"table": KEY} places otherwise. */
void
govstats_report_write_texts (GovstatsReport     *self,
                             GovstatsJsonWriter *w)
{
  if (self->text_keys->len == 0)
    return;
  govstats_json_writer_key (w, "text");
  govstats_json_writer_begin_object (w);
  for (guint i = 0; i < self->text_keys->len; i++)
    {
      GovstatsTextSection *sec = g_hash_table_lookup (self->texts, self->text_keys->pdata[i]);

      govstats_json_writer_key (w, self->text_keys->pdata[i]);
      if (!sec->as_list)
        {
          govstats_json_writer_string (w, section_joined (sec) ? section_joined (sec) : "");
          continue;
        }
      govstats_json_writer_begin_array (w);
      for (guint b = 0; b < sec->blocks->len; b++)
        {
          GovstatsTextBlock *blk = sec->blocks->pdata[b];
          if (blk->text)
            govstats_json_writer_string (w, blk->text);
          else
            {
              govstats_json_writer_begin_object (w);
              govstats_json_writer_key (w, "table");
              govstats_json_writer_string (w, blk->table);
              govstats_json_writer_end_object (w);
            }
        }
      govstats_json_writer_end_array (w);
    }
  govstats_json_writer_end_object (w);
}
