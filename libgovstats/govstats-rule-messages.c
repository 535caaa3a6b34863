/* govstats-rule-messages.c — the words of a rule's finding: cells, terms, sides, blank tables
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-enum-types.h"
#include "govstats-error.h"
#include "govstats-finding-private.h"
#include "govstats-i18n-private.h"
#include "govstats-value-private.h"
#include "govstats-report-private.h"
#include "govstats-rule-set.h"
#include "govstats-schema-private.h"
#include "govstats-rules-private.h"

static const char *
cell_label_for (GovstatsSchema *schema,
                const char     *path,
                const char     *lang,
                const char     *for_each)
{
  /* Returns a static-ish label from the schema; the caller copies it. */
  g_auto(GStrv) parts = g_strsplit (path, "/", 3);
  const GovstatsSchemaTable *table;
  int r, c;

  if (g_strv_length (parts) != 3 || (table = govstats_schema_find_table (schema, parts[0])) == NULL ||
      (r = govstats_schema_find_row (table, parts[1])) < 0 || (c = govstats_schema_find_column (table, parts[2])) < 0)
    return NULL;
  if (g_strcmp0 (for_each, "column") == 0)
    return govstats_label_get (&((GovstatsSchemaRow *) table->rows->pdata[r])->label, lang);
  if (g_strcmp0 (for_each, "row") == 0)
    return govstats_label_get (&((GovstatsSchemaColumn *) table->columns->pdata[c])->label, lang);
  return NULL;
}

/* A readable name of a cell: "（一）予以公开·自然人" / "Disclosed · Natural persons". */
char *
describe_cell (GovstatsSchema *schema,
               const char     *path,
               const char     *lang)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", 3);
  const GovstatsSchemaTable *table;
  int r, c;

  if (g_strv_length (parts) != 3 || (table = govstats_schema_find_table (schema, parts[0])) == NULL ||
      (r = govstats_schema_find_row (table, parts[1])) < 0 || (c = govstats_schema_find_column (table, parts[2])) < 0)
    return g_strdup (path);
  /* Translators: a cell of a table: the row's label, then the column's. */
  return govstats_i18n_printf (lang, N_("%s · %s"),
                          govstats_label_get (&((GovstatsSchemaRow *) table->rows->pdata[r])->label, lang),
                          govstats_label_get (&((GovstatsSchemaColumn *) table->columns->pdata[c])->label, lang));
}

static char *
describe_term (Check       *ck,
               Rule        *rule,
               const Term  *term,
               const char  *lang)
{
  GovstatsSchema *schema = term->previous ? govstats_report_get_schema (ck->previous)
                                          : govstats_report_get_schema (ck->report);
  const char *short_label = cell_label_for (schema, term->path, lang, rule->for_each);
  g_autofree char *label = short_label ? g_strdup (short_label) : describe_cell (schema, term->path, lang);

  if (term->previous)
    /* Translators: %s is a cell of last year's report, such as its total of requests. */
    return govstats_i18n_printf (lang, N_("last year's %s"), label);
  return g_steal_pointer (&label);
}

/* The terms of a side without the cells the report leaves out by layout
 * choice (the unused alternative of the 2021 （六） row). */
static GArray *
present_terms (Check  *ck,
               GArray *terms)
{
  GArray *present = g_array_new (FALSE, FALSE, sizeof (Term));

  for (guint i = 0; i < terms->len; i++)
    {
      const Term *term = &g_array_index (terms, Term, i);
      gboolean is_set, is_absent;
      gint64 value;
      GovstatsValueKind kind;

      if (read_term (ck, term, &is_set, &is_absent, &value, &kind) && !is_set && is_absent)
        continue;
      g_array_append_val (present, *term);
    }
  return present;
}

static char *
describe_side (Check      *ck,
               Rule       *rule,
               GArray     *all_terms,
               const char *lang)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GArray) terms = present_terms (ck, all_terms);

  if (terms->len > 3)
    {
      g_autofree char *first = describe_term (ck, rule, &g_array_index (terms, Term, 0), lang);
      g_autofree char *last = describe_term (ck, rule, &g_array_index (terms, Term, terms->len - 1), lang);
      /* Translators: one side of a rule's equation: %1$u is how many cells
       * are added up, %2$s the first of them and %3$s the last. */
      govstats_i18n_append (s, lang, N_("the sum of %1$u items from %2$s to %3$s"), terms->len, first, last);
      return g_string_free (s, FALSE);
    }
  for (guint i = 0; i < terms->len; i++)
    {
      const Term *term = &g_array_index (terms, Term, i);
      g_autofree char *label = describe_term (ck, rule, term, lang);

      if (i > 0)
        g_string_append (s, term->sign < 0 ? " − " : " + ");
      else if (term->sign < 0)
        g_string_append (s, "−");
      g_string_append (s, label);
    }
  return g_string_free (s, FALSE);
}

static void
add_terms_paths (GPtrArray *paths,
                 GArray    *terms)
{
  for (guint i = 0; i < terms->len; i++)
    {
      const Term *term = &g_array_index (terms, Term, i);
      char *path = term->previous ? g_strconcat ("previous:", term->path, NULL) : g_strdup (term->path);

      if (!g_ptr_array_find_with_equal_func (paths, path, g_str_equal, NULL))
        g_ptr_array_add (paths, path);
      else
        g_free (path);
    }
}

GovstatsFinding *
new_finding (Check           *ck,
             const char      *rule_id,
             GovstatsSeverity severity,
             GovstatsOutcome  outcome,
             const char      *zh,
             const char      *en,
             GPtrArray       *cells)
{
  GovstatsFinding *finding = govstats_finding_new (rule_id, severity, zh, en);

  govstats_finding_set_outcome (finding, outcome);
  if (cells != NULL)
    {
      g_ptr_array_add (cells, NULL);
      govstats_finding_set_cells (finding, (const char * const *) cells->pdata);
      g_ptr_array_remove_index (cells, cells->len - 1);
    }
  govstats_finding_set_unit (finding, govstats_report_get_unit_name (ck->report),
                             govstats_report_get_unit_code (ck->report));
  govstats_finding_set_position (finding, govstats_report_get_filename (ck->report), 0, 0);
  g_ptr_array_add (ck->findings, finding);
  return finding;
}

static char *
context_prefix (Rule       *rule,
                Instance   *instance,
                const char *lang)
{
  const char *label = govstats_label_get (&instance->context_label, lang);

  if (instance->context == NULL)
    return g_strdup ("");
  if (g_str_equal (rule->for_each, "row"))
    /* Translators: the start of a message about one row, for a rule that
     * holds for each row of a table; %s is the row's label. */
    return govstats_i18n_printf (lang, N_("row “%s”: "), label);
  /* Translators: the same for a rule that holds for each column. */
  return govstats_i18n_printf (lang, N_("column “%s”: "), label);
}

void
report_equation_failure (Check            *ck,
                         Rule             *rule,
                         Instance         *instance,
                         gint64            lhs,
                         gint64            rhs,
                         GovstatsValueKind kind)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lhs_text = govstats_value_format (lhs, kind);
  g_autofree char *rhs_text = govstats_value_format (rhs, kind);
  gboolean huge = lhs == G_MAXINT64 || lhs == G_MININT64 || rhs == G_MAXINT64 || rhs == G_MININT64;
  g_autofree char *diff_text = huge ? g_strdup ("?")
                                    : govstats_value_format ((gint64) ((__int128) lhs > rhs ? (__int128) lhs - rhs : (__int128) rhs - lhs), kind);
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  GovstatsFinding *finding;

  for (int i = 0; i < 2; i++)
    {
      const char *lang = i == 0 ? "zh" : "en";
      g_autofree char *ctx = context_prefix (rule, instance, lang);
      g_autofree char *lhs_text_of = describe_side (ck, rule, instance->lhs, lang);
      g_autofree char *rhs_text_of = describe_side (ck, rule, instance->rhs, lang);
      char *message;

      if (huge)
        /* Translators: %1$s is the start naming the row or column (may be
         * empty), %2$s and %3$s the two sides of the equation. */
        message = govstats_i18n_printf (lang, N_("%1$sthe sum of %2$s or of %3$s leaves the 64-bit range: "
                                                 "the numbers are wrong."), ctx, lhs_text_of, rhs_text_of);
      else if (lhs > rhs)
        /* Translators: a broken equation. %1$s is the start naming the row
         * or column (may be empty), %2$s the left side and %3$s its value,
         * %4$s the right side and %5$s its value, %6$s the difference. */
        message = govstats_i18n_printf (lang, N_("%1$s%2$s = %3$s, but %4$s = %5$s: the left side is larger by %6$s."),
                                        ctx, lhs_text_of, lhs_text, rhs_text_of, rhs_text, diff_text);
      else
        /* Translators: as the message before, with the right side larger. */
        message = govstats_i18n_printf (lang, N_("%1$s%2$s = %3$s, but %4$s = %5$s: the right side is larger by %6$s."),
                                        ctx, lhs_text_of, lhs_text, rhs_text_of, rhs_text, diff_text);
      if (i == 0)
        zh = message;
      else
        en = message;
    }

  {
    g_autoptr(GArray) lhs_terms = present_terms (ck, instance->lhs);
    g_autoptr(GArray) rhs_terms = present_terms (ck, instance->rhs);
    add_terms_paths (cells, lhs_terms);
    add_terms_paths (cells, rhs_terms);
  }
  finding = new_finding (ck, rule->id, rule->severity, GOVSTATS_OUTCOME_FAILED, zh, en, cells);
  if (rule->expected_rhs)
    govstats_finding_set_values (finding, rhs, lhs, kind);
  else
    govstats_finding_set_values (finding, lhs, rhs, kind);
}

/* Appends “a”, “b”, “c” (at most @max of @n labels, then “and others”). */
static void
append_label_list (GString             *s,
                   const char          *lang,
                   const GovstatsLabel *const *labels,
                   guint                n,
                   guint                max)
{
  for (guint i = 0; i < n && i < max; i++)
    {
      if (i > 0)
        /* Translators: between the items of a list of labels. */
        g_string_append (s, govstats_i18n_pgettext (lang, "list", ", "));
      /* Translators: a quoted label, such as a row's. */
      govstats_i18n_append (s, lang, N_("“%s”"), govstats_label_get (labels[i], lang));
    }
  if (n > max)
    /* Translators: after a list cut short; the full count is given before. */
    g_string_append (s, govstats_i18n_gettext (lang, " and others"));
}

static char *
uncertain_message (Rule       *rule,
                   GPtrArray  *uncertain,
                   const char *lang)
{
  GString *s = g_string_new (NULL);

  if (uncertain->len == 1 && ((Instance *) uncertain->pdata[0])->context == NULL)
    g_string_append (s, govstats_i18n_gettext (lang, N_("undecided because of blank cells: it fails with the blanks "
                                                        "as 0, but would hold for some values of the blank cells")));
  else
    {
      g_autofree const GovstatsLabel **labels = g_new (const GovstatsLabel *, uncertain->len);

      if (g_strcmp0 (rule->for_each, "row") == 0)
        /* Translators: %u is how many rows of a table a rule could not be decided for. */
        govstats_i18n_append (s, lang, govstats_i18n_ngettext (lang, "undecided in %u row because of blank cells (it fails with the blanks as 0): ",
                                                                "undecided in %u rows because of blank cells (it fails with the blanks as 0): ",
                                                                uncertain->len), uncertain->len);
      else if (g_strcmp0 (rule->for_each, "column") == 0)
        /* Translators: %u is how many columns of a table a rule could not be decided for. */
        govstats_i18n_append (s, lang, govstats_i18n_ngettext (lang, "undecided in %u column because of blank cells (it fails with the blanks as 0): ",
                                                                "undecided in %u columns because of blank cells (it fails with the blanks as 0): ",
                                                                uncertain->len), uncertain->len);
      else
        /* Translators: %u is how many entries of a rule could not be decided. */
        govstats_i18n_append (s, lang, govstats_i18n_ngettext (lang, "undecided in %u case because of blank cells (it fails with the blanks as 0): ",
                                                                "undecided in %u cases because of blank cells (it fails with the blanks as 0): ",
                                                                uncertain->len), uncertain->len);
      for (guint i = 0; i < uncertain->len; i++)
        labels[i] = &((Instance *) uncertain->pdata[i])->context_label;
      append_label_list (s, lang, labels, uncertain->len, 5);
    }
  /* Translators: the end of a sentence. */
  g_string_append (s, govstats_i18n_gettext (lang, "."));
  return g_string_free (s, FALSE);
}

/* One finding per rule id and report, however many rows, columns or rule
 * entries were undecided. */
void
flush_uncertain (Check *ck)
{
  Rule *rule = ck->uncertain_rule;
  g_autoptr(GPtrArray) uncertain = g_steal_pointer (&ck->uncertain);
  g_autoptr(GPtrArray) blank_cells = g_steal_pointer (&ck->uncertain_cells);

  ck->uncertain_rule = NULL;
  if (rule != NULL && uncertain->len > 0)
    {
      g_autofree char *zh = uncertain_message (rule, uncertain, "zh");
      g_autofree char *en = uncertain_message (rule, uncertain, "en");

      new_finding (ck, rule->id, rule->severity, GOVSTATS_OUTCOME_UNCERTAIN, zh, en, blank_cells);
    }
}

char *
blank_table_message (const BlankTable *bt,
                     const char       *lang)
{
  GString *s = g_string_new (NULL);
  guint n_described = 0;

  /* Translators: the start of a message about a table; %s is its title. */
  govstats_i18n_append (s, lang, N_("%s: "), govstats_label_get (&bt->table->title, lang));
  if (bt->whole)
    govstats_i18n_append (s, lang, govstats_i18n_ngettext (lang, "the whole table is blank (%u cell)",
                                                            "the whole table is blank (%u cells)", bt->n_blank),
                          bt->n_blank);
  for (guint i = 0; i < bt->columns->len; i++)
    {
      GovstatsSchemaColumn *column = bt->columns->pdata[i];

      if (n_described++ > 0)
        g_string_append (s, govstats_i18n_pgettext (lang, "clauses", "; "));
      /* Translators: %s is a column's label, %u how many cells it has. */
      govstats_i18n_append (s, lang, N_("the “%s” column is entirely blank (%u cells)"),
                            govstats_label_get (&column->label, lang), g_array_index (bt->column_cells, guint, i));
    }
  /* Name a few rows; a long list helps nobody. */
  if (bt->rows->len > 0)
    {
      if (n_described++ > 0)
        g_string_append (s, govstats_i18n_pgettext (lang, "clauses", "; "));
      if (bt->rows->len > 1)
        /* Translators: %u is how many rows, named after the colon. */
        govstats_i18n_append (s, lang, N_("%u rows are entirely blank: "), bt->rows->len);
      else
        g_string_append (s, govstats_i18n_gettext (lang, "a row is entirely blank: "));
      append_label_list (s, lang, (const GovstatsLabel * const *) bt->rows->pdata, bt->rows->len, 3);
    }
  if (bt->rest > 0)
    {
      if (n_described > 0)
        {
          g_string_append (s, govstats_i18n_pgettext (lang, "clauses", "; "));
          /* Translators: blank cells besides the whole columns and rows named before. */
          govstats_i18n_append (s, lang, govstats_i18n_ngettext (lang, "%u other blank cell", "%u other blank cells",
                                                                  bt->rest), bt->rest);
        }
      else
        govstats_i18n_append (s, lang, govstats_i18n_ngettext (lang, "%u blank cell", "%u blank cells", bt->rest),
                              bt->rest);
    }
  g_string_append (s, govstats_i18n_gettext (lang, ". A blank is not a zero: fill in the numbers (0 where there are none)."));
  return g_string_free (s, FALSE);
}

/* A must-be-blank or must-be-zero rule's statement, then the cells that break it. */
char *
cells_set_message (Check      *ck,
                   Rule       *rule,
                   GPtrArray  *hits,
                   const char *lang)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);
  GString *s = g_string_new (govstats_label_get (&rule->statement, lang));

  /* Translators: after a rule's statement, before the cells that break it. */
  g_string_append (s, govstats_i18n_gettext (lang, ". Cells: "));
  for (guint i = 0; i < hits->len && i < 7; i++)
    {
      int index = govstats_schema_lookup_cell (schema, hits->pdata[i]);
      g_autofree char *label = describe_cell (schema, hits->pdata[i], lang);
      g_autofree char *text = NULL;
      gint64 value;

      govstats_report_get_at (ck->report, (guint) index, &value);
      text = govstats_value_format (value, govstats_schema_cell_kind_at (schema, (guint) index));
      if (i > 0)
        /* Translators: between the clauses of a list of cells and values. */
        g_string_append (s, govstats_i18n_pgettext (lang, "clauses", "; "));
      /* Translators: a cell and its value. */
      govstats_i18n_append (s, lang, N_("%s = %s"), label, text);
    }
  if (hits->len > 7)
    /* Translators: after a list of cells cut short; %u is how many there are in all. */
    govstats_i18n_append (s, lang, N_(" and others, %u cells in all"), hits->len);
  g_string_append (s, govstats_i18n_gettext (lang, "."));
  return g_string_free (s, FALSE);
}
