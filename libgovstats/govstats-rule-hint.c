/* govstats-rule-hint.c — the likely-wrong-cell hint: the one change that would make a failing report pass
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

/* ---------- the likely-wrong-cell hint ---------- */

/* The effect of changing cell @index by 1 on lhs - rhs of @instance. */
static int
coefficient (Instance *instance,
             int       index)
{
  int coef = 0;

  for (guint i = 0; i < instance->lhs->len; i++)
    {
      const Term *term = &g_array_index (instance->lhs, Term, i);
      if (!term->previous && term->index == index)
        coef += term->sign;
    }
  for (guint i = 0; i < instance->rhs->len; i++)
    {
      const Term *term = &g_array_index (instance->rhs, Term, i);
      if (!term->previous && term->index == index)
        coef -= term->sign;
    }
  return coef;
}

typedef struct {
  int    cells[2];
  gint64 deltas[2];
  guint  n;
} Fix;

/* Every decided equation that holds must keep holding. */
static gboolean
fix_keeps_passing (Check      *ck,
                   GPtrArray  *passing,
                   const Fix  *fix)
{
  for (guint i = 0; i < passing->len; i++)
    {
      gint64 change = 0;
      for (guint k = 0; k < fix->n; k++)
        change += coefficient (passing->pdata[i], fix->cells[k]) * fix->deltas[k];
      if (change != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
fix_values_valid (Check     *ck,
                  const Fix *fix)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);

  for (guint k = 0; k < fix->n; k++)
    {
      gint64 value;
      govstats_report_get_at (ck->report, (guint) fix->cells[k], &value);
      if (fix->deltas[k] == 0)
        return FALSE;
      if (govstats_schema_cell_kind_at (schema, (guint) fix->cells[k]) != GOVSTATS_VALUE_KIND_DELTA &&
          value + fix->deltas[k] < 0)
        return FALSE;
    }
  return TRUE;
}

static char *
hint_message (Check      *ck,
              GPtrArray  *failures,
              const Fix  *fix,
              const char *lang)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);
  GString *s = g_string_new (NULL);

  g_string_append (s, fix->n == 1 ? govstats_i18n_gettext (lang, "This cell is probably wrong: changing ")
                                  : govstats_i18n_gettext (lang, "These cells are probably wrong: changing "));
  for (guint k = 0; k < fix->n; k++)
    {
      const char *path = govstats_schema_cell_at (schema, (guint) fix->cells[k])->path;
      GovstatsValueKind kind = govstats_schema_cell_kind_at (schema, (guint) fix->cells[k]);
      g_autofree char *label = describe_cell (schema, path, lang);
      g_autofree char *from = NULL, *to = NULL;
      gint64 value;

      govstats_report_get_at (ck->report, (guint) fix->cells[k], &value);
      from = govstats_value_format (value, kind);
      to = govstats_value_format (value + fix->deltas[k], kind);
      if (k > 0)
        /* Translators: between two changes of a likely wrong cell. */
        g_string_append (s, govstats_i18n_pgettext (lang, "changes", " and "));
      /* Translators: a change that would satisfy the rules: %1$s is the cell,
       * %2$s its path, %3$s its value and %4$s the value that fits. */
      govstats_i18n_append (s, lang, N_("%1$s (%2$s) from %3$s to %4$s"), label, path, from, to);
    }
  /* Translators: after the changes, before the ids of the rules they satisfy. */
  g_string_append (s, govstats_i18n_gettext (lang, " would satisfy"));
  for (guint i = 0; i < failures->len; i++)
    {
      Failure *f = failures->pdata[i];

      g_string_append (s, i ? govstats_i18n_pgettext (lang, "list", ", ") : " ");
      g_string_append (s, f->rule->id);
      if (f->instance->context)
        /* Translators: the row or column a rule was broken in, after the rule's id. */
        govstats_i18n_append (s, lang, N_(" (%s)"), govstats_label_get (&f->instance->context_label, lang));
    }
  g_string_append (s, govstats_i18n_gettext (lang, "."));
  return g_string_free (s, FALSE);
}

static void
report_hint (Check     *ck,
             GPtrArray *failures,
             const Fix *fix)
{
  GovstatsSchema *schema = govstats_report_get_schema (ck->report);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *zh = hint_message (ck, failures, fix, "zh");
  g_autofree char *en = hint_message (ck, failures, fix, "en");
  GovstatsFinding *finding;
  gint64 value0 = 0;

  for (guint k = 0; k < fix->n; k++)
    g_ptr_array_add (cells, g_strdup (govstats_schema_cell_at (schema, (guint) fix->cells[k])->path));
  govstats_report_get_at (ck->report, (guint) fix->cells[0], &value0);
  finding = new_finding (ck, "hint.likely_wrong_cell", GOVSTATS_SEVERITY_INFO, GOVSTATS_OUTCOME_NOTE,
                         zh, en, cells);
  if (fix->n == 1)
    govstats_finding_set_values (finding, value0 + fix->deltas[0], value0,
                                 govstats_schema_cell_kind_at (schema, (guint) fix->cells[0]));
}

void
find_likely_wrong_cells (Check     *ck,
                         GPtrArray *failures)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) passing = g_ptr_array_new ();
  g_autoptr(GArray) fixes = g_array_new (FALSE, FALSE, sizeof (Fix));

  if (failures->len < 2)
    return;

  /* Candidates: the set cells of the broken equations. */
  for (guint i = 0; i < failures->len; i++)
    {
      Instance *instance = ((Failure *) failures->pdata[i])->instance;
      for (int side = 0; side < 2; side++)
        {
          GArray *terms = side == 0 ? instance->lhs : instance->rhs;
          for (guint k = 0; k < terms->len; k++)
            {
              const Term *term = &g_array_index (terms, Term, k);
              gboolean seen = FALSE;
              if (term->previous || !govstats_report_get_at (ck->report, (guint) term->index, NULL))
                continue;
              for (guint j = 0; j < candidates->len && !seen; j++)
                seen = g_array_index (candidates, int, j) == term->index;
              if (!seen)
                g_array_append_val (candidates, term->index);
            }
        }
    }
  if (candidates->len > 64)
    return;

  /* The equations that are decided and hold. */
  for (guint r = 0; r < ck->self->rules->len; r++)
    {
      Rule *rule = ck->self->rules->pdata[r];
      if (rule->kind != RULE_EQUATION || rule->cross_year || !applies_to (rule, ck->report))
        continue;
      for (guint i = 0; i < rule->instances->len; i++)
        {
          gint64 lhs, rhs;
          GovstatsValueKind kind;
          if (evaluate (ck, rule->instances->pdata[i], &lhs, &rhs, &kind) == EVAL_PASS)
            g_ptr_array_add (passing, rule->instances->pdata[i]);
        }
    }

  /* One cell. */
  for (guint c = 0; c < candidates->len; c++)
    {
      Fix fix = { { g_array_index (candidates, int, c), -1 }, { 0, 0 }, 1 };
      gboolean ok = TRUE, have = FALSE;

      for (guint i = 0; i < failures->len && ok; i++)
        {
          Failure *f = failures->pdata[i];
          int coef = coefficient (f->instance, fix.cells[0]);
          if (coef == 0 || (-f->diff) % coef != 0)
            ok = FALSE;
          else if (!have)
            {
              fix.deltas[0] = -f->diff / coef;
              have = TRUE;
            }
          else if (fix.deltas[0] != -f->diff / coef)
            ok = FALSE;
        }
      if (ok && fix_values_valid (ck, &fix) && fix_keeps_passing (ck, passing, &fix))
        g_array_append_val (fixes, fix);
    }

  /* Two cells, only when no single cell explains everything. */
  if (fixes->len == 0)
    for (guint a = 0; a < candidates->len; a++)
      for (guint b = a + 1; b < candidates->len; b++)
        {
          Fix fix = { { g_array_index (candidates, int, a), g_array_index (candidates, int, b) }, { 0, 0 }, 2 };
          gboolean solved = FALSE, ok = TRUE;

          /* Solve a·x + b·y = -diff over the broken equations with two independent rows. */
          for (guint i = 0; i < failures->len && !solved; i++)
            for (guint j = i + 1; j < failures->len && !solved; j++)
              {
                Failure *fi = failures->pdata[i], *fj = failures->pdata[j];
                gint64 a1 = coefficient (fi->instance, fix.cells[0]), b1 = coefficient (fi->instance, fix.cells[1]);
                gint64 a2 = coefficient (fj->instance, fix.cells[0]), b2 = coefficient (fj->instance, fix.cells[1]);
                gint64 det = a1 * b2 - a2 * b1;
                gint64 c1 = -fi->diff, c2 = -fj->diff;

                if (det == 0)
                  continue;
                if ((c1 * b2 - c2 * b1) % det != 0 || (a1 * c2 - a2 * c1) % det != 0)
                  {
                    ok = FALSE;
                    solved = TRUE;
                    continue;
                  }
                fix.deltas[0] = (c1 * b2 - c2 * b1) / det;
                fix.deltas[1] = (a1 * c2 - a2 * c1) / det;
                solved = TRUE;
              }
          if (!solved || !ok)
            continue;
          for (guint i = 0; i < failures->len && ok; i++)
            {
              Failure *f = failures->pdata[i];
              ok = coefficient (f->instance, fix.cells[0]) * fix.deltas[0] +
                   coefficient (f->instance, fix.cells[1]) * fix.deltas[1] == -f->diff;
            }
          if (ok && fix_values_valid (ck, &fix) && fix_keeps_passing (ck, passing, &fix))
            g_array_append_val (fixes, fix);
        }

  /* Only a clear answer is a hint: more than three equally small fixes say nothing. */
  if (fixes->len == 0 || fixes->len > 3)
    return;
  for (guint i = 0; i < fixes->len; i++)
    report_hint (ck, failures, &g_array_index (fixes, Fix, i));
}
