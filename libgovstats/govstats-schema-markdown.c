/* govstats-schema-markdown.c — the layout described as Markdown
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-error.h"
#include "govstats-i18n-private.h"
#include "govstats-enum-types.h"
#include "govstats-markdown-private.h"
#include "govstats-resources.h"
#include "govstats-schema-private.h"
#include "govstats-schema-struct-private.h"

static const char *
kind_name (GovstatsValueKind kind)
{
  switch (kind)
    {
    case GOVSTATS_VALUE_KIND_AMOUNT: return "amount";
    case GOVSTATS_VALUE_KIND_DELTA: return "delta";
    case GOVSTATS_VALUE_KIND_COUNT:
    default: return "count";
    }
}

void
govstats_markdown_append_cell (GString    *s,
                               const char *text)
{
  /* Table cells in Markdown cannot hold a bare pipe or a line break. */
  for (const char *p = text; p && *p; p++)
    {
      if (*p == '|')
        g_string_append (s, "\\|");
      else if (*p == '\n')
        g_string_append_c (s, ' ');
      else
        g_string_append_c (s, *p);
    }
}

/**
 * govstats_schema_to_markdown:
 * @self: a schema
 * @lang: (nullable): `zh` or `en` for the name of the layout and the
 *   headings; %NULL for Chinese
 *
 * Describes the layout in Markdown: its sections, then every table with its
 * row and column keys, printed labels and value kinds. The catalogue of the
 * rules is [method@Govstats.RuleSet.to_markdown].
 *
 * Returns: (transfer full): the Markdown text
 *
 * Since: 0.1
 */
char *
govstats_schema_to_markdown (GovstatsSchema *self,
                             const char     *lang)
{
  const char *words;
  GString *s;

  g_return_val_if_fail (GOVSTATS_IS_SCHEMA (self), NULL);

  /* The words of the document in the language of its labels. */
  words = lang ? lang : "zh";
  s = g_string_new (NULL);
  /* Translators: the title of a layout's reference: %1$s is its version, %2$s its name. */
  govstats_i18n_append (s, words, N_("# Layout %1$s: %2$s\n\n"), self->version, govstats_label_get (&self->name, lang));
  if (self->issued_by)
    /* Translators: %s is the reference of the document that issued the layout. */
    govstats_i18n_append (s, words, N_("Issued by %s.\n\n"), self->issued_by);

  g_string_append (s, govstats_i18n_gettext (words, "## Sections\n\n| key | heading | content |\n|---|---|---|\n"));
  for (guint i = 0; i < self->sections->len; i++)
    {
      GovstatsSchemaSection *section = self->sections->pdata[i];
      g_autofree char *tables = g_strjoinv (", ", section->tables);
      g_string_append_printf (s, "| `%s` | %s | %s |\n", section->key,
                              govstats_label_get (&section->heading, "zh"),
                              section->is_text ? govstats_i18n_pgettext (words, "section content", "text") : tables);
    }
  g_string_append_c (s, '\n');

  for (guint t = 0; t < self->tables->len; t++)
    {
      GovstatsSchemaTable *table = self->tables->pdata[t];

      /* Translators: %1$s is a table's key, %2$s its (Chinese) title. */
      govstats_i18n_append (s, words, N_("## Table `%1$s`: %2$s\n\n"), table->key, govstats_label_get (&table->title, "zh"));
      if (table->note.zh)
        /* Translators: %s is the note printed in a table's header. */
        govstats_i18n_append (s, words, N_("Header note: %s\n\n"), table->note.zh);
      g_string_append (s, govstats_i18n_gettext (words, "| row key | label | English | cells |\n|---|---|---|---|\n"));
      for (guint r = 0; r < table->rows->len; r++)
        {
          GovstatsSchemaRow *row = table->rows->pdata[r];
          g_string_append_printf (s, "| `%s` | ", row->key);
          govstats_markdown_append_cell (s, row->label.zh);
          g_string_append (s, " | ");
          govstats_markdown_append_cell (s, row->label.en);
          g_string_append_printf (s, " | %s |\n",
                                  row->group ? (row->has_cells ? govstats_i18n_gettext (words, "group (also accepts a single row)")
                                                               : govstats_i18n_gettext (words, "group"))
                                             : govstats_i18n_pgettext (words, "row has cells", "yes"));
        }
      g_string_append (s, govstats_i18n_gettext (words, "\n| column key | label | English | kind |\n|---|---|---|---|\n"));
      for (guint c = 0; c < table->columns->len; c++)
        {
          GovstatsSchemaColumn *column = table->columns->pdata[c];
          g_string_append_printf (s, "| `%s` | ", column->key);
          govstats_markdown_append_cell (s, column->label.zh);
          g_string_append (s, " | ");
          govstats_markdown_append_cell (s, column->label.en);
          g_string_append_printf (s, " | %s%s%s%s |\n", kind_name (column->kind),
                                  column->stock ? govstats_i18n_gettext (words, " (stock)") : "",
                                  column->unit ? ", " : "", column->unit ? column->unit : "");
        }
      g_string_append_c (s, '\n');
    }

  return g_string_free (s, FALSE);
}
