/* govstats-finding-output.c — a finding written out: as JSON and as one line of text
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

static const char *
nick (GType type,
      int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  const char *result = g_enum_get_value (klass, value)->value_nick;

  g_type_class_unref (klass);
  return result;
}

/**
 * govstats_finding_to_json:
 * @self: a finding
 * @lang: (nullable): language of the message, `zh` or `en`; %NULL for the
 *   locale's language, as for [method@Govstats.Finding.get_message]
 *
 * Describes the finding as a JSON object, as `govstats check --json` prints
 * it: `rule`, `severity`, `outcome`, `cells`, `expected`, `actual`,
 * `message`, `fingerprint`, and where they apply `unit`, `units`, `file`,
 * `line`, `column` and `waiver` (see
 * [The JSON output of the command line](json-output.html#findings)).
 *
 * Returns: (transfer full): a JSON object node
 *
 * Since: 0.1
 */
JsonNode *
govstats_finding_to_json (GovstatsFinding *self,
                          const char      *lang)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, self->rule_id);
  json_builder_set_member_name (b, "severity");
  json_builder_add_string_value (b, nick (GOVSTATS_TYPE_SEVERITY, self->severity));
  json_builder_set_member_name (b, "outcome");
  json_builder_add_string_value (b, nick (GOVSTATS_TYPE_OUTCOME, self->outcome));
  if (self->unit_name || self->unit_code)
    {
      json_builder_set_member_name (b, "unit");
      json_builder_begin_object (b);
      if (self->unit_name)
        {
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, self->unit_name);
        }
      if (self->unit_code)
        {
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, self->unit_code);
        }
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "cells");
  json_builder_begin_array (b);
  for (guint i = 0; self->cells[i]; i++)
    json_builder_add_string_value (b, self->cells[i]);
  json_builder_end_array (b);
  if (self->has_values)
    {
      /* Amounts go out as exact decimal strings; counts as integers. */
      json_builder_set_member_name (b, "expected");
      if (self->kind == GOVSTATS_VALUE_KIND_AMOUNT)
        {
          g_autofree char *text = govstats_value_format (self->expected, self->kind);
          json_builder_add_string_value (b, text);
        }
      else
        json_builder_add_int_value (b, self->expected);
      json_builder_set_member_name (b, "actual");
      if (self->kind == GOVSTATS_VALUE_KIND_AMOUNT)
        {
          g_autofree char *text = govstats_value_format (self->actual, self->kind);
          json_builder_add_string_value (b, text);
        }
      else
        json_builder_add_int_value (b, self->actual);
    }
  if (self->units[0])
    {
      json_builder_set_member_name (b, "units");
      json_builder_begin_array (b);
      for (guint i = 0; self->units[i]; i++)
        json_builder_add_string_value (b, self->units[i]);
      json_builder_end_array (b);
    }
  if (self->file)
    {
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, self->file);
      if (self->line)
        {
          json_builder_set_member_name (b, "line");
          json_builder_add_int_value (b, self->line);
          json_builder_set_member_name (b, "column");
          json_builder_add_int_value (b, self->column);
        }
    }
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, govstats_finding_get_message (self, lang));
  json_builder_set_member_name (b, "fingerprint");
  json_builder_add_string_value (b, self->fingerprint);
  if (self->waived)
    {
      json_builder_set_member_name (b, "waiver");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, self->waiver_reason ? self->waiver_reason : "");
      json_builder_set_member_name (b, "by");
      json_builder_add_string_value (b, self->waiver_by ? self->waiver_by : "");
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/**
 * govstats_finding_to_string:
 * @self: a finding
 * @lang: (nullable): `zh` or `en`; %NULL for the locale's language, as for
 *   [method@Govstats.Finding.get_message]
 *
 * Describes the finding on one line for people: severity, rule, message.
 *
 * Returns: (transfer full): the text
 *
 * Since: 0.1
 */
char *
govstats_finding_to_string (GovstatsFinding *self,
                            const char      *lang)
{
  const char *level;

  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  lang = govstats_i18n_resolve_lang (lang);
  if (self->outcome == GOVSTATS_OUTCOME_UNCERTAIN)
    level = govstats_i18n_pgettext (lang, "finding level", "undecided");
  else if (self->outcome == GOVSTATS_OUTCOME_NOTE)
    level = govstats_i18n_pgettext (lang, "finding level", "hint");
  else if (self->severity == GOVSTATS_SEVERITY_ERROR)
    level = govstats_i18n_pgettext (lang, "finding level", "error");
  else if (self->severity == GOVSTATS_SEVERITY_WARNING)
    level = govstats_i18n_pgettext (lang, "finding level", "warning");
  else
    level = govstats_i18n_pgettext (lang, "finding level", "info");
  return g_strdup_printf ("%s%s [%s] %s", level,
                          self->waived ? govstats_i18n_gettext (lang, " (waived)") : "",
                          self->rule_id, govstats_finding_get_message (self, lang));
}
