/* govstats-rule-text.c — the rule kind "text": a figure the prose states against the tables
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "govstats-error.h"
#include "govstats-i18n-private.h"
#include "govstats-narrative-private.h"
#include "govstats-rules-private.h"

gboolean
govstats_rule_compile_text (GovstatsRuleSet *self,
                            Rule            *rule,
                            JsonObject      *o,
                            GError         **error)
{
  const char *id = json_object_get_string_member_with_default (o, "narrative", NULL);

  if (id == NULL || govstats_narrative_find (govstats_schema_get_narrative (self->schema), id) == NULL)
    {
      g_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_SCHEMA,
                   "%s: rule %s: “narrative” must name a statement of the layout's narrative data",
                   rule->origin, rule->id);
      return FALSE;
    }
  rule->narrative = g_strdup (id);
  return TRUE;
}

static char *
message (GovstatsStatement *st,
         const char        *lang,
         gboolean           contradicts)
{
  if (contradicts)
    /* Translators: %1$s is a sentence of the report, %2$s the figure it
     * states, %3$s the quantity's name, %4$s the tables' value. */
    return govstats_i18n_printf (lang, N_("the prose says “%1$s”: %2$s, but the tables give %3$s = %4$s"),
                                 govstats_statement_get_sentence (st), govstats_statement_get_printed (st),
                                 govstats_statement_get_name (st, lang), govstats_statement_get_table_text (st));
  /* Translators: as above, for a sentence that may not be about the quantity; %5$s is why. */
  return govstats_i18n_printf (lang, N_("the prose says “%1$s”: %2$s, and the tables give %3$s = %4$s; "
                                        "undecided, as the sentence may not be about it (“%5$s”)"),
                               govstats_statement_get_sentence (st), govstats_statement_get_printed (st),
                               govstats_statement_get_name (st, lang), govstats_statement_get_table_text (st),
                               govstats_statement_get_doubt (st));
}

/* One finding per contradicted statement; an uncertain statement whose
 * figure differs is reported as undecided, at info severity. */
void
govstats_rule_check_text (Check     *ck,
                          Rule      *rule,
                          GPtrArray *failures)
{
  if (ck->statements == NULL)
    ck->statements = govstats_report_read_statements (ck->report, NULL);
  for (guint i = 0; i < ck->statements->len; i++)
    {
      GovstatsStatement *st = ck->statements->pdata[i];
      GovstatsVerdict v = govstats_statement_get_verdict (st);
      gboolean contradicts = v == GOVSTATS_VERDICT_CONTRADICTS;
      g_auto(GStrv) cells = NULL;
      g_autoptr(GPtrArray) list = NULL;
      g_autofree char *zh = NULL;
      g_autofree char *en = NULL;

      if (!g_str_equal (govstats_statement_get_id (st), rule->narrative))
        continue;
      if (!contradicts && !(v == GOVSTATS_VERDICT_UNDECIDED && govstats_statement_get_table_text (st) &&
                            govstats_statement_get_doubt (st)))
        continue;
      cells = govstats_statement_dup_cells (st);
      list = g_ptr_array_new_with_free_func (g_free);
      for (guint c = 0; cells[c]; c++)
        if (!g_str_has_prefix (cells[c], "extensions/"))
          g_ptr_array_add (list, g_strdup (cells[c]));
      zh = message (st, "zh", contradicts);
      en = message (st, "en", contradicts);
      new_finding (ck, rule->id, contradicts ? rule->severity : GOVSTATS_SEVERITY_INFO,
                   contradicts ? GOVSTATS_OUTCOME_FAILED : GOVSTATS_OUTCOME_UNCERTAIN, zh, en, list);
    }
}
