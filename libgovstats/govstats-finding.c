/* govstats-finding.c — one result of a check, an import or a consolidation
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-enum-types.h"
#include "govstats-finding-private.h"
#include "govstats-i18n-private.h"
#include "govstats-value-private.h"
#include "govstats-finding-struct-private.h"

/**
 * GovstatsFinding:
 *
 * One result of a consistency check, an import or a consolidation: which
 * rule, how serious, which cells, the expected and the actual value, which
 * unit, and a message in Chinese and English that a clerk can act on.
 *
 * <!-- run: finding -->
 * ```c
 * g_autoptr(GovstatsReport) report = govstats_report_new_from_file ("units/D10.json", NULL);
 * g_autoptr(GPtrArray) findings = govstats_report_check (report, NULL);
 *
 * for (guint i = 0; i < findings->len; i++)
 *   {
 *     GovstatsFinding *finding = findings->pdata[i];
 *     gint64 expected, actual;
 *
 *     if (govstats_finding_counts_as_error (finding) &&
 *         govstats_finding_get_values (finding, &expected, &actual))
 *       g_print ("%s: %" G_GINT64_FORMAT " expected, %" G_GINT64_FORMAT " printed\n",
 *                govstats_finding_get_rule_id (finding), expected, actual);
 *   }
 * ```
 *
 * It prints:
 *
 * <!-- output: finding -->
 * ```text
 * applications.outcome_sum: 66 expected, 65 printed
 * applications.row_total: 32 expected, 31 printed
 * ```
 *
 * A broken rule is a finding, never a #GError: a report with findings is
 * still a report.
 *
 * A finding's [method@Govstats.Finding.get_outcome] says whether the rule is
 * broken, could not be decided because of blank cells, or whether the finding
 * is only a note (such as the hint at the cell that is probably wrong). Its
 * fingerprint is stable across runs for the same rule, unit and cells, so
 * that a waiver (an accepted exception) can name it.
 *
 * Since: 0.1
 */

G_DEFINE_FINAL_TYPE (GovstatsFinding, govstats_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OUTCOME,
  PROP_WAIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
govstats_finding_finalize (GObject *object)
{
  GovstatsFinding *self = GOVSTATS_FINDING (object);

  g_free (self->message_zh);
  g_free (self->message_en);
  g_free (self->cells);
  g_free (self->unit_name);
  g_free (self->unit_code);
  g_strfreev (self->units);
  g_free (self->file);
  g_free (self->fingerprint);
  g_free (self->waiver_reason);
  g_free (self->waiver_by);

  G_OBJECT_CLASS (govstats_finding_parent_class)->finalize (object);
}

static void
govstats_finding_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GovstatsFinding *self = GOVSTATS_FINDING (object);

  switch (prop_id)
    {
    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case PROP_WAIVED:
      g_value_set_boolean (value, self->waived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govstats_finding_class_init (GovstatsFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govstats_finding_finalize;
  object_class->get_property = govstats_finding_get_property;

  /**
   * GovstatsFinding:outcome:
   *
   * Whether the rule is broken, undecided, or whether this is a note; see
   * [method@Govstats.Finding.get_outcome]. Notified when
   * [method@Govstats.Finding.set_outcome] changes it, so that a
   * [class@Govstats.FindingList] holding the finding recounts.
   *
   * Since: 0.1
   */
  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, GOVSTATS_TYPE_OUTCOME, GOVSTATS_OUTCOME_FAILED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GovstatsFinding:waived:
   *
   * Whether a waiver covers the finding; see
   * [method@Govstats.Finding.is_waived]. Notified when
   * [method@Govstats.Finding.waive] changes it, so that a
   * [class@Govstats.FindingList] holding the finding recounts.
   *
   * Since: 0.1
   */
  properties[PROP_WAIVED] =
    g_param_spec_boolean ("waived", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govstats_finding_init (GovstatsFinding *self)
{
  self->cells = g_new0 (const char *, 1);
  self->units = g_new0 (char *, 1);
}

/**
 * govstats_finding_new:
 * @rule_id: the id of the rule, such as `applications.balance`
 * @severity: how serious the finding is
 * @message_zh: the message in Chinese
 * @message_en: (nullable): the message in English
 *
 * Creates a finding with outcome %GOVSTATS_OUTCOME_FAILED. Checks, importers
 * and consolidation create findings; programs that add checks of their own
 * can too. Rule ids, like cell paths, come from a small vocabulary and are
 * kept as interned strings (g_intern_string()), which last as long as the
 * process: do not make ids or paths up per call.
 *
 * Returns: (transfer full): a new finding
 *
 * Since: 0.1
 */
GovstatsFinding *
govstats_finding_new (const char       *rule_id,
                      GovstatsSeverity  severity,
                      const char       *message_zh,
                      const char       *message_en)
{
  GovstatsFinding *self;

  g_return_val_if_fail (rule_id != NULL, NULL);
  g_return_val_if_fail (message_zh != NULL, NULL);

  self = g_object_new (GOVSTATS_TYPE_FINDING, NULL);
  self->rule_id = g_intern_string (rule_id);
  self->severity = severity;
  self->message_zh = g_strdup (message_zh);
  self->message_en = g_strdup (message_en ? message_en : message_zh);
  govstats_finding_compute_fingerprint (self, NULL);
  return self;
}

/**
 * govstats_finding_new_input_invalid:
 * @file: (type filename): the file that could not be read
 * @error: why it could not be read
 *
 * Creates the finding of rule `input.invalid` (severity error) for a file
 * of a batch that could not be read or parsed: the batch goes on, and the
 * finding says what was left out and why. The line and column are taken from
 * the error's message where it gives them (`FILE:LINE:COLUMN: …`).
 *
 * Returns: (transfer full): a new finding
 *
 * Since: 0.1
 */
GovstatsFinding *
govstats_finding_new_input_invalid (const char   *file,
                                    const GError *error)
{
  GovstatsFinding *self;
  const char *msg;
  guint line = 0, column = 0;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  msg = error->message;
  if (g_str_has_prefix (msg, file) && msg[strlen (file)] == ':')
    {
      const char *p = msg + strlen (file) + 1;
      char *end;
      guint64 l = g_ascii_strtoull (p, &end, 10);

      if (end != p && *end == ':')
        {
          const char *q = end + 1;
          guint64 c = g_ascii_strtoull (q, &end, 10);
          if (end != q && *end == ':')
            {
              line = (guint) l;
              column = (guint) c;
            }
        }
    }
  self = govstats_finding_new ("input.invalid", GOVSTATS_SEVERITY_ERROR, msg, msg);
  govstats_finding_set_position (self, file, line, column);
  return self;
}

/**
 * govstats_finding_get_rule_id:
 * @self: a finding
 *
 * Gets the id of the rule, such as `applications.balance` or `input.invalid`.
 *
 * Returns: (transfer none): the rule id
 *
 * Since: 0.1
 */
const char *
govstats_finding_get_rule_id (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  return self->rule_id;
}

/**
 * govstats_finding_get_severity:
 * @self: a finding
 *
 * Gets how serious the finding is.
 *
 * Returns: the severity
 *
 * Since: 0.1
 */
GovstatsSeverity
govstats_finding_get_severity (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), GOVSTATS_SEVERITY_ERROR);
  return self->severity;
}

/**
 * govstats_finding_get_outcome:
 * @self: a finding
 *
 * Gets whether the rule is broken, undecided because of blank cells, or
 * whether this is a note.
 *
 * Returns: the outcome
 *
 * Since: 0.1
 */
GovstatsOutcome
govstats_finding_get_outcome (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), GOVSTATS_OUTCOME_FAILED);
  return self->outcome;
}

/**
 * govstats_finding_set_outcome:
 * @self: a finding
 * @outcome: the outcome
 *
 * Sets whether the rule is broken, undecided, or whether this is a note,
 * and notifies [property@Govstats.Finding:outcome] if that changed. Change
 * a finding that is in a [class@Govstats.FindingList] only in the list's
 * thread.
 *
 * Since: 0.1
 */
void
govstats_finding_set_outcome (GovstatsFinding *self,
                              GovstatsOutcome  outcome)
{
  g_return_if_fail (GOVSTATS_IS_FINDING (self));
  if (self->outcome == outcome)
    return;
  self->outcome = outcome;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

/**
 * govstats_finding_get_message:
 * @self: a finding
 * @lang: (nullable): `zh` or `en`; %NULL for the language of the locale's
 *   messages (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`): Chinese when
 *   that is Chinese, English otherwise
 *
 * Gets the message: what is wrong, where, and by how much.
 *
 * A finding holds its message in both languages, so an explicit @lang gives
 * the same text whatever the locale, and whether or not a zh_CN locale or
 * an installed message catalog exists.
 *
 * Returns: (transfer none): the message
 *
 * Since: 0.1
 */
const char *
govstats_finding_get_message (GovstatsFinding *self,
                              const char      *lang)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  if (g_str_equal (govstats_i18n_resolve_lang (lang), "en"))
    return self->message_en;
  return self->message_zh;
}

/* The one way the library makes a finding's message: an English format
 * (the msgid), formatted as it is for English and as translated for Chinese. */
GovstatsFinding *
govstats_finding_new_vprintf (const char       *rule_id,
                              GovstatsSeverity  severity,
                              const char       *format,
                              va_list           args)
{
  va_list copy;
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;

  va_copy (copy, args);
  zh = govstats_i18n_vprintf ("zh", format, copy);
  en = govstats_i18n_vprintf ("en", format, args);
  va_end (copy);
  return govstats_finding_new (rule_id, severity, zh, en);
}

GovstatsFinding *
govstats_finding_new_printf (const char       *rule_id,
                             GovstatsSeverity  severity,
                             const char       *format,
                             ...)
{
  va_list args;
  GovstatsFinding *finding;

  va_start (args, format);
  finding = govstats_finding_new_vprintf (rule_id, severity, format, args);
  va_end (args);
  return finding;
}

/**
 * govstats_finding_get_cells:
 * @self: a finding
 *
 * Gets the paths of the cells involved, such as
 * `applications/received/total`. Paths of last year's report start with
 * `previous:`.
 *
 * Returns: (transfer none) (array zero-terminated=1): the cell paths
 *
 * Since: 0.1
 */
const char * const *
govstats_finding_get_cells (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  return (const char * const *) self->cells;
}

/**
 * govstats_finding_set_cells:
 * @self: a finding
 * @cells: (array zero-terminated=1): the cell paths
 *
 * Sets the cells involved, and updates the fingerprint. Cell paths come
 * from a small vocabulary (the layouts' cells), so the finding keeps them as
 * interned strings (g_intern_string()).
 *
 * Since: 0.1
 */
void
govstats_finding_set_cells (GovstatsFinding    *self,
                            const char * const *cells)
{
  const char **interned;
  guint n;

  g_return_if_fail (GOVSTATS_IS_FINDING (self));
  g_return_if_fail (cells != NULL);
  n = g_strv_length ((char **) cells);
  /* The new array first: @cells may be this finding's own. */
  interned = g_new (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    interned[i] = g_intern_string (cells[i]);
  interned[n] = NULL;
  g_free (self->cells);
  self->cells = interned;
  govstats_finding_compute_fingerprint (self, NULL);
}

/**
 * govstats_finding_get_values:
 * @self: a finding
 * @expected: (out) (optional): return location for the expected value
 * @actual: (out) (optional): return location for the actual value
 *
 * Gets the expected and the actual value, when the finding has them (for an
 * equation: the left side and the right side). Amounts are in
 * 1/%GOVSTATS_AMOUNT_SCALE of their unit; see
 * [method@Govstats.Finding.dup_expected_text] for their decimal text.
 *
 * Returns: %TRUE if the finding has values
 *
 * Since: 0.1
 */
gboolean
govstats_finding_get_values (GovstatsFinding *self,
                             gint64          *expected,
                             gint64          *actual)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), FALSE);
  if (expected)
    *expected = self->expected;
  if (actual)
    *actual = self->actual;
  return self->has_values;
}

/**
 * govstats_finding_set_values:
 * @self: a finding
 * @expected: the expected value
 * @actual: the actual value
 * @kind: what the values are (amounts are scaled)
 *
 * Sets the expected and the actual value.
 *
 * Since: 0.1
 */
void
govstats_finding_set_values (GovstatsFinding  *self,
                             gint64            expected,
                             gint64            actual,
                             GovstatsValueKind kind)
{
  g_return_if_fail (GOVSTATS_IS_FINDING (self));
  self->has_values = TRUE;
  self->expected = expected;
  self->actual = actual;
  self->kind = kind;
}

/**
 * govstats_finding_get_value_kind:
 * @self: a finding
 *
 * Gets what the expected and the actual value are: counts, amounts (in
 * 1/%GOVSTATS_AMOUNT_SCALE from [method@Govstats.Finding.get_values]) or
 * signed changes. Bindings use it to give amounts as exact decimals.
 *
 * Returns: the kind of the values (%GOVSTATS_VALUE_KIND_COUNT without values)
 *
 * Since: 0.1
 */
GovstatsValueKind
govstats_finding_get_value_kind (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), GOVSTATS_VALUE_KIND_COUNT);
  return self->has_values ? self->kind : GOVSTATS_VALUE_KIND_COUNT;
}

/**
 * govstats_finding_dup_expected_text:
 * @self: a finding
 *
 * Gets the exact decimal text of the expected value.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL without values
 *
 * Since: 0.1
 */
char *
govstats_finding_dup_expected_text (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  return self->has_values ? govstats_value_format (self->expected, self->kind) : NULL;
}

/**
 * govstats_finding_dup_actual_text:
 * @self: a finding
 *
 * Gets the exact decimal text of the actual value.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL without values
 *
 * Since: 0.1
 */
char *
govstats_finding_dup_actual_text (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  return self->has_values ? govstats_value_format (self->actual, self->kind) : NULL;
}

/**
 * govstats_finding_get_unit_name:
 * @self: a finding
 *
 * Gets the name of the unit whose report the finding is about.
 *
 * Returns: (transfer none) (nullable): the unit name
 *
 * Since: 0.1
 */
const char *
govstats_finding_get_unit_name (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  return self->unit_name;
}

/**
 * govstats_finding_get_unit_code:
 * @self: a finding
 *
 * Gets the roster code of the unit whose report the finding is about.
 *
 * Returns: (transfer none) (nullable): the unit code
 *
 * Since: 0.1
 */
const char *
govstats_finding_get_unit_code (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  return self->unit_code;
}

/**
 * govstats_finding_set_unit:
 * @self: a finding
 * @name: (nullable): the unit name
 * @code: (nullable): the unit code
 *
 * Sets the unit the finding is about, and updates the fingerprint.
 *
 * Since: 0.1
 */
void
govstats_finding_set_unit (GovstatsFinding *self,
                           const char      *name,
                           const char      *code)
{
  g_return_if_fail (GOVSTATS_IS_FINDING (self));
  g_free (self->unit_name);
  g_free (self->unit_code);
  self->unit_name = g_strdup (name);
  self->unit_code = g_strdup (code);
  govstats_finding_compute_fingerprint (self, NULL);
}

/**
 * govstats_finding_get_units:
 * @self: a finding
 *
 * Gets the codes (or names) of the units responsible for a finding about a
 * consolidated report.
 *
 * Returns: (transfer none) (array zero-terminated=1): the units
 *
 * Since: 0.1
 */
const char * const *
govstats_finding_get_units (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  return (const char * const *) self->units;
}

/**
 * govstats_finding_set_units:
 * @self: a finding
 * @units: (array zero-terminated=1): the codes or names of the responsible units
 *
 * Sets the units responsible for a finding about a consolidated report.
 *
 * Since: 0.1
 */
void
govstats_finding_set_units (GovstatsFinding    *self,
                            const char * const *units)
{
  g_return_if_fail (GOVSTATS_IS_FINDING (self));
  g_return_if_fail (units != NULL);
  g_strfreev (self->units);
  self->units = g_strdupv ((char **) units);
}

/**
 * govstats_finding_get_file:
 * @self: a finding
 *
 * Gets the file the finding is about.
 *
 * Returns: (transfer none) (nullable) (type filename): the file name
 *
 * Since: 0.1
 */
const char *
govstats_finding_get_file (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  return self->file;
}

/**
 * govstats_finding_get_line:
 * @self: a finding
 *
 * Gets the line of the file the finding is about (for input and import
 * findings).
 *
 * Returns: the line, counted from 1, or 0 when unknown
 *
 * Since: 0.1
 */
guint
govstats_finding_get_line (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), 0);
  return self->line;
}

/**
 * govstats_finding_get_column:
 * @self: a finding
 *
 * Gets the column in the line of the file the finding is about.
 *
 * Returns: the column, counted from 1, or 0 when unknown
 *
 * Since: 0.1
 */
guint
govstats_finding_get_column (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), 0);
  return self->column;
}

/**
 * govstats_finding_set_position:
 * @self: a finding
 * @file: (nullable) (type filename): the file
 * @line: the line, or 0
 * @column: the column, or 0
 *
 * Sets where in which file the finding was made.
 *
 * Since: 0.1
 */
void
govstats_finding_set_position (GovstatsFinding *self,
                               const char      *file,
                               guint            line,
                               guint            column)
{
  g_return_if_fail (GOVSTATS_IS_FINDING (self));
  g_free (self->file);
  self->file = g_strdup (file);
  self->line = line;
  self->column = column;
  govstats_finding_compute_fingerprint (self, NULL);
}

/**
 * govstats_finding_counts_as_error:
 * @self: a finding
 *
 * Tells whether the finding makes a check fail: an error whose rule is
 * broken, not waived.
 *
 * Returns: %TRUE for an unwaived broken error rule
 *
 * Since: 0.1
 */
gboolean
govstats_finding_counts_as_error (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), FALSE);
  return self->severity == GOVSTATS_SEVERITY_ERROR && self->outcome == GOVSTATS_OUTCOME_FAILED &&
         !self->waived;
}
