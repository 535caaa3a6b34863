/* govstats-statement.c — GovstatsStatement: a stated figure, what it is bound to, and what the tables say
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "govstats-i18n-private.h"
#include "govstats-narrative-private.h"
#include "govstats-report-private.h"
#include "govstats-schema-private.h"
#include "govstats-value-private.h"

/**
 * GovstatsStatement:
 *
 * A figure the prose of a report states ("全年共受理政府信息公开申请 21 件"),
 * bound to the quantity of the tables it claims — a cell, a sum of cells,
 * a derived value, a share, or the part of a kind of unit — with its
 * sentence, where it stands, the number as printed and how to read it
 * (exact, 余, 约, 近, a range), and the verdict of the tables.
 *
 * Statements come from [method@Govstats.Report.read_statements]; the
 * phrases are data of the layout. The `text.*` rules report the
 * statements the tables contradict.
 *
 * Since: 0.1
 */
struct _GovstatsStatement
{
  GObject parent_instance;

  const NarrativeStatement *def;   /* owned by the schema, which outlives the report */
  char   *section;
  guint   paragraph;
  char   *sentence;
  glong   start, end;
  char   *printed;
  char   *value;
  char   *upper;
  GovstatsApproximation approx;
  int     sign;
  const NarrativeKind *kind;
  char   *doubt;
  char   *share_printed;
  char   *share_value;
  GovstatsVerdict verdict;
  char   *table_text;
  GovstatsSchema *schema;
};

G_DEFINE_FINAL_TYPE (GovstatsStatement, govstats_statement, G_TYPE_OBJECT)

static void
govstats_statement_finalize (GObject *object)
{
  GovstatsStatement *self = GOVSTATS_STATEMENT (object);

  g_free (self->section);
  g_free (self->sentence);
  g_free (self->printed);
  g_free (self->value);
  g_free (self->upper);
  g_free (self->doubt);
  g_free (self->share_printed);
  g_free (self->share_value);
  g_free (self->table_text);
  g_clear_object (&self->schema);
  G_OBJECT_CLASS (govstats_statement_parent_class)->finalize (object);
}

static void
govstats_statement_class_init (GovstatsStatementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govstats_statement_finalize;
}

static void
govstats_statement_init (GovstatsStatement *self)
{
  self->sign = 1;
  self->verdict = GOVSTATS_VERDICT_UNDECIDED;
}

GovstatsStatement *
govstats_statement_new (const NarrativeStatement *def)
{
  GovstatsStatement *self = g_object_new (GOVSTATS_TYPE_STATEMENT, NULL);

  self->def = def;
  return self;
}

void
govstats_statement_fill (GovstatsStatement     *self,
                         const char            *section,
                         guint                  paragraph,
                         const char            *sentence,
                         glong                  start,
                         glong                  end,
                         const char            *printed,
                         const NarrativeNumber *number,
                         int                    sign,
                         const NarrativeKind   *kind,
                         const char            *doubt)
{
  self->section = g_strdup (section);
  self->paragraph = paragraph;
  self->sentence = g_strdup (sentence);
  self->start = start;
  self->end = end;
  self->printed = g_strdup (printed);
  self->value = g_strdup (number->value);
  self->upper = g_strdup (number->upper);
  self->approx = number->approx;
  self->sign = sign;
  self->kind = kind;
  self->doubt = g_strdup (doubt);
}

void
govstats_statement_set_share (GovstatsStatement     *self,
                              const char            *printed,
                              const NarrativeNumber *number)
{
  g_free (self->share_printed);
  g_free (self->share_value);
  self->share_printed = g_strdup (printed);
  self->share_value = g_strdup (number->value);
}

/* The value of one term — of the units of @kind, or of all — or FALSE
 * when it is blank or cannot be known. */
static gboolean
term_value (const NarrativeTerm *t,
            const NarrativeKind *kind,
            GovstatsReport      *report,
            GovstatsRollup      *rollup,
            gint64              *value)
{
  gint64 sum = 0, v;
  gboolean any = FALSE;

  if (kind != NULL)
    {
      g_autofree char *path = NULL;
      if (rollup == NULL)
        return FALSE;
      if (t->cell >= 0)
        path = g_strdup (govstats_schema_cell_at (govstats_report_get_schema (report), (guint) t->cell)->path);
      for (int k = 0; k <= GOVSTATS_UNIT_KIND_OTHER; k++)
        {
          if (!(kind->unit_kinds & (1u << k)))
            continue;
          if (path ? govstats_rollup_get_kind_value (rollup, path, k, &v)
                   : govstats_rollup_get_indicator_kind_value (rollup, t->indicator, k, &v))
            {
              sum += v;
              any = TRUE;
            }
        }
      *value = sum;
      return any;
    }
  if (t->cell >= 0)
    return govstats_report_get_at (report, (guint) t->cell, value);
  {
    JsonObject *ext = govstats_report_get_extensions (report);
    JsonNode *ind = ext && json_object_has_member (ext, "indicators") ? json_object_get_member (ext, "indicators") : NULL;
    JsonNode *node;
    if (ind == NULL || !JSON_NODE_HOLDS_OBJECT (ind) ||
        (node = json_object_get_member (json_node_get_object (ind), t->indicator)) == NULL ||
        !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
      return FALSE;
    *value = json_node_get_int (node);
    return TRUE;
  }
}

/* The sum of a quantity, for the units of @kind or all; FALSE when every
 * term is blank. */
static gboolean
quantity_value (GArray              *terms,
                const NarrativeKind *kind,
                GovstatsReport      *report,
                GovstatsRollup      *rollup,
                gint64              *value)
{
  gboolean any = FALSE;
  __int128 sum = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      NarrativeTerm *t = &g_array_index (terms, NarrativeTerm, i);
      gint64 v;
      if (term_value (t, kind, report, rollup, &v))
        {
          sum += (__int128) t->sign * v;
          any = TRUE;
        }
    }
  if (sum > G_MAXINT64 || sum < G_MININT64)
    return FALSE;
  *value = (gint64) sum;
  return any;
}

static gint64
rounding_unit (gint64 v)
{
  gint64 u = 1;

  while (v != 0 && v % (u * 10) == 0 && u < G_MAXINT64 / 10)
    u *= 10;
  return u;
}

static gboolean
figure_agrees (GovstatsStatement *self,
               gint64             stated,
               gint64             upper,
               gint64             table)
{
  gint64 scale = self->def->kind == GOVSTATS_VALUE_KIND_AMOUNT ? 10000 : 1;
  gint64 unit = rounding_unit (stated / scale) * scale;

  switch (self->approx)
    {
    case GOVSTATS_APPROXIMATION_EXACT:
      return stated == table;
    case GOVSTATS_APPROXIMATION_MORE_THAN:
      unit = MAX (unit, 10 * scale);
      return table >= stated && table < stated + unit;
    case GOVSTATS_APPROXIMATION_ABOUT:
      return 2 * ABS (table - stated) <= unit;
    case GOVSTATS_APPROXIMATION_UNDER:
      unit = MAX (unit, 10 * scale);
      return table <= stated && table > stated - unit;
    case GOVSTATS_APPROXIMATION_RANGE:
    default:
      return table >= stated && table <= upper;
    }
}

static gboolean
share_agrees (GovstatsStatement *self,
              gint64             num,
              GovstatsReport    *report,
              GovstatsRollup    *rollup)
{
  gint64 den;
  const char *dot;
  int decimals;
  double share, printed;

  if (self->share_value == NULL)
    return TRUE;
  /* the share of the kind of unit is of the whole quantity; else share_of */
  if (self->kind != NULL)
    {
      if (!quantity_value (self->def->binds->pdata[0], NULL, report, rollup, &den))
        return FALSE;
    }
  else if (self->def->share_of == NULL || !quantity_value (self->def->share_of, NULL, report, rollup, &den))
    return FALSE;
  if (den == 0)
    return FALSE;
  dot = strchr (self->share_value, '.');
  decimals = dot ? (int) strlen (dot + 1) : 0;
  share = 100.0 * (double) num / (double) den;
  printed = g_ascii_strtod (self->share_value, NULL);
  return fabs (share - printed) <= 0.5 * pow (10, -decimals) + 1e-9;
}

void
govstats_statement_decide (GovstatsStatement *self,
                           GovstatsReport    *report,
                           GovstatsRollup    *rollup)
{
  gint64 stated = 0, upper = 0, table = 0;
  gboolean have_table = FALSE, agrees = FALSE;

  self->schema = g_object_ref (govstats_report_get_schema (report));
  if (!govstats_value_parse (self->value, self->def->kind == GOVSTATS_VALUE_KIND_AMOUNT ? GOVSTATS_VALUE_KIND_AMOUNT
                                                                                         : GOVSTATS_VALUE_KIND_DELTA,
                             &stated, NULL, NULL) ||
      (self->upper && !govstats_value_parse (self->upper, GOVSTATS_VALUE_KIND_DELTA, &upper, NULL, NULL)))
    return;   /* undecided: the figure does not fit */
  stated *= self->sign;
  for (guint b = 0; b < self->def->binds->len && !agrees; b++)
    {
      gint64 v;
      if (!quantity_value (self->def->binds->pdata[b], self->kind, report, rollup, &v))
        continue;
      if (!have_table)
        table = v;
      have_table = TRUE;
      agrees = figure_agrees (self, stated, upper, v) && share_agrees (self, v, report, rollup);
      if (agrees)
        table = v;
    }
  if (have_table)
    self->table_text = govstats_value_format (table, self->def->kind);
  if (agrees)
    self->verdict = GOVSTATS_VERDICT_AGREES;
  else if (have_table && self->doubt == NULL)
    self->verdict = GOVSTATS_VERDICT_CONTRADICTS;
  else
    self->verdict = GOVSTATS_VERDICT_UNDECIDED;
}

#define GETTER(type, name, field, fallback) \
type \
govstats_statement_get_##name (GovstatsStatement *self) \
{ \
  g_return_val_if_fail (GOVSTATS_IS_STATEMENT (self), fallback); \
  return self->field; \
}

/**
 * govstats_statement_get_id:
 * @self: a statement
 *
 * Gets the key of what the statement states, e.g. `applications.received`.
 *
 * Returns: (transfer none): the key
 *
 * Since: 0.1
 */
const char *
govstats_statement_get_id (GovstatsStatement *self)
{
  g_return_val_if_fail (GOVSTATS_IS_STATEMENT (self), NULL);
  return self->def->id;
}

/**
 * govstats_statement_dup_rule_id:
 * @self: a statement
 *
 * Gets the id of the rule that checks the statement, e.g. `text.applications.received`.
 *
 * Returns: (transfer full): the rule id
 *
 * Since: 0.1
 */
char *
govstats_statement_dup_rule_id (GovstatsStatement *self)
{
  g_return_val_if_fail (GOVSTATS_IS_STATEMENT (self), NULL);
  return g_strconcat ("text.", self->def->id, NULL);
}

/**
 * govstats_statement_get_name:
 * @self: a statement
 * @lang: (nullable): `zh` or `en`; %NULL for the locale's
 *
 * Gets the name of the quantity the statement states.
 *
 * Returns: (transfer none): the name
 *
 * Since: 0.1
 */
const char *
govstats_statement_get_name (GovstatsStatement *self,
                             const char        *lang)
{
  g_return_val_if_fail (GOVSTATS_IS_STATEMENT (self), NULL);
  return g_str_equal (govstats_i18n_resolve_lang (lang), "en") ? self->def->name.en : self->def->name.zh;
}

/**
 * govstats_statement_get_section:
 * @self: a statement
 *
 * Gets the key of the section the sentence stands in (`overview`, `applications`, …).
 *
 * Returns: (transfer none): the section key
 *
 * Since: 0.1
 */
GETTER (const char *, section, section, NULL)

/**
 * govstats_statement_get_paragraph:
 * @self: a statement
 *
 * Gets the block of the section the sentence stands in, as counted by
 * [method@Govstats.Report.get_text_block].
 *
 * Returns: the block index
 *
 * Since: 0.1
 */
GETTER (guint, paragraph, paragraph, 0)

/**
 * govstats_statement_get_sentence:
 * @self: a statement
 *
 * Gets the sentence that states the figure, as printed.
 *
 * Returns: (transfer none): the sentence
 *
 * Since: 0.1
 */
GETTER (const char *, sentence, sentence, NULL)

/**
 * govstats_statement_get_start:
 * @self: a statement
 *
 * Gets where the figure starts in its paragraph, in characters from 0.
 *
 * Returns: the offset
 *
 * Since: 0.1
 */
GETTER (glong, start, start, 0)

/**
 * govstats_statement_get_end:
 * @self: a statement
 *
 * Gets where the figure with its unit ends in its paragraph, in characters.
 *
 * Returns: the offset after its last character
 *
 * Since: 0.1
 */
GETTER (glong, end, end, 0)

/**
 * govstats_statement_get_printed:
 * @self: a statement
 *
 * Gets the figure as printed, with its qualifier and unit ("5500 余条").
 *
 * Returns: (transfer none): the printed figure
 *
 * Since: 0.1
 */
GETTER (const char *, printed, printed, NULL)

/**
 * govstats_statement_get_value_text:
 * @self: a statement
 *
 * Gets the figure as an exact decimal ("5500", "12" for 十二); for a range, its bottom.
 *
 * Returns: (transfer none): the figure
 *
 * Since: 0.1
 */
GETTER (const char *, value_text, value, NULL)

/**
 * govstats_statement_get_upper_text:
 * @self: a statement
 *
 * Gets the top of a range ("5" of "3-5 件").
 *
 * Returns: (transfer none) (nullable): the top, or %NULL when the figure is no range
 *
 * Since: 0.1
 */
GETTER (const char *, upper_text, upper, NULL)

/**
 * govstats_statement_get_approximation:
 * @self: a statement
 *
 * Gets how the figure is to be read.
 *
 * Returns: exact, more than, about, under, or a range
 *
 * Since: 0.1
 */
GETTER (GovstatsApproximation, approximation, approx, GOVSTATS_APPROXIMATION_EXACT)

/**
 * govstats_statement_get_sign:
 * @self: a statement
 *
 * Gets the sign the words give the figure: -1 for a stated decrease
 * ("比去年减少 3 项" states 本年增/减 = −3), 1 otherwise.
 *
 * Returns: 1 or -1
 *
 * Since: 0.1
 */
GETTER (int, sign, sign, 1)

/**
 * govstats_statement_get_unit_group:
 * @self: a statement
 *
 * Gets the kind of unit the figure is stated for ("各镇街 … 件"):
 * `government_departments`, `towns`, or another key of the layout's data.
 *
 * Returns: (transfer none) (nullable): the key, or %NULL for the whole
 *
 * Since: 0.1
 */
const char *
govstats_statement_get_unit_group (GovstatsStatement *self)
{
  g_return_val_if_fail (GOVSTATS_IS_STATEMENT (self), NULL);
  return self->kind ? self->kind->key : NULL;
}

/**
 * govstats_statement_get_share_printed:
 * @self: a statement
 *
 * Gets the share printed with the figure ("21.5%" of "…，占比 21.5%").
 *
 * Returns: (transfer none) (nullable): the share, or %NULL
 *
 * Since: 0.1
 */
GETTER (const char *, share_printed, share_printed, NULL)

/**
 * govstats_statement_get_doubt:
 * @self: a statement
 *
 * Gets what keeps the sentence from being unambiguously about the quantity:
 * a word such as 备案 or 同比, or what the clause names besides (a
 * sub-unit, a platform); "?" when two quantities fit equally.
 *
 * Returns: (transfer none) (nullable): the doubt, or %NULL for a sure binding
 *
 * Since: 0.1
 */
GETTER (const char *, doubt, doubt, NULL)

/**
 * govstats_statement_get_verdict:
 * @self: a statement
 *
 * Gets what the tables say of the figure.
 *
 * Returns: agrees, contradicts or undecided
 *
 * Since: 0.1
 */
GETTER (GovstatsVerdict, verdict, verdict, GOVSTATS_VERDICT_UNDECIDED)

/**
 * govstats_statement_get_table_text:
 * @self: a statement
 *
 * Gets the tables' value of the quantity, as an exact decimal.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL when the tables
 *   cannot say (blank cells, a kind of unit without the unit reports)
 *
 * Since: 0.1
 */
GETTER (const char *, table_text, table_text, NULL)

/**
 * govstats_statement_dup_cells:
 * @self: a statement
 *
 * Lists the cells the figure is bound to (of its first reading, when the
 * phrase has two), as cell paths; indicators as `extensions/indicators/KEY`.
 *
 * Returns: (transfer full) (array zero-terminated=1): the cells
 *
 * Since: 0.1
 */
char **
govstats_statement_dup_cells (GovstatsStatement *self)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  GArray *terms;

  g_return_val_if_fail (GOVSTATS_IS_STATEMENT (self), NULL);
  terms = self->def->binds->pdata[0];
  for (guint i = 0; i < terms->len; i++)
    {
      NarrativeTerm *t = &g_array_index (terms, NarrativeTerm, i);
      if (t->cell >= 0)
        g_strv_builder_add (b, govstats_schema_cell_at (self->schema, (guint) t->cell)->path);
      else
        {
          g_autofree char *path = g_strconcat ("extensions/indicators/", t->indicator, NULL);
          g_strv_builder_add (b, path);
        }
    }
  return g_strv_builder_end (b);
}

/**
 * govstats_statement_to_string:
 * @self: a statement
 * @lang: (nullable): `zh` or `en`; %NULL for the locale's
 *
 * Describes the statement on one line: where it stands, the figure, what
 * it is bound to and the verdict.
 *
 * Returns: (transfer full): the line
 *
 * Since: 0.1
 */
char *
govstats_statement_to_string (GovstatsStatement *self,
                              const char        *lang)
{
  g_auto(GStrv) cells = NULL;
  g_autofree char *joined = NULL;
  const char *verdict;
  GString *s;

  g_return_val_if_fail (GOVSTATS_IS_STATEMENT (self), NULL);
  cells = govstats_statement_dup_cells (self);
  joined = g_strjoinv (" + ", cells);
  switch (self->verdict)
    {
    /* Translators: the verdict of the tables on a figure the prose states. */
    case GOVSTATS_VERDICT_AGREES: verdict = govstats_i18n_pgettext (lang, "verdict", "agrees"); break;
    case GOVSTATS_VERDICT_CONTRADICTS: verdict = govstats_i18n_pgettext (lang, "verdict", "contradicts"); break;
    default: verdict = govstats_i18n_pgettext (lang, "verdict", "undecided"); break;
    }
  s = g_string_new (NULL);
  g_string_append_printf (s, "%s/%u:%ld-%ld  %s  %s = %s", self->section, self->paragraph, self->start, self->end,
                          verdict, govstats_statement_get_name (self, lang), self->printed);
  if (self->share_printed)
    g_string_append_printf (s, " (%s)", self->share_printed);
  if (self->kind)
    g_string_append_printf (s, " [%s]", govstats_label_get (&self->kind->name, lang));
  /* Translators: what a stated figure is bound to, and the tables' value. */
  govstats_i18n_append (s, lang, N_("; tables: %s (%s)"), self->table_text ? self->table_text : "—", joined);
  if (self->doubt)
    /* Translators: why a stated figure is not surely about the quantity. */
    govstats_i18n_append (s, lang, N_("; uncertain: “%s”"), self->doubt);
  return g_string_free (s, FALSE);
}
