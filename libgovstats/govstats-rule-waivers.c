/* govstats-rule-waivers.c — waivers: accepted exceptions, loaded from a file and applied to findings
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
#include "govstats-file-private.h"
#include "govstats-report-private.h"
#include "govstats-rule-set.h"
#include "govstats-schema-private.h"
#include "govstats-rules-private.h"

/**
 * govstats_rule_set_load_waivers_from_data:
 * @self: a rule set
 * @data: (array length=length) (element-type guint8): the JSON text of a waiver file
 * @length: the length of @data, or -1 if it is nul-terminated
 * @name: (nullable): what to call the input in messages
 * @error: return location for a #GError
 *
 * Adds waivers: accepted exceptions that turn matching findings into
 * acknowledged ones. The file is `{"waivers": [ … ]}`; each waiver names a
 * `rule` (glob patterns allowed) or a `fingerprint`, optionally a `unit`
 * (code or name) and `cells` (glob patterns, each must match a cell of the
 * finding), and must give a `reason` and who accepted it (`by`); a `date` may
 * be given.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
govstats_rule_set_load_waivers_from_data (GovstatsRuleSet *self,
                                          const char      *data,
                                          gssize           length,
                                          const char      *name,
                                          GError         **error)
{
  static const char * const known[] = { "rule", "unit", "fingerprint", "cells", "reason", "by", "date", NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (waiver_free);
  JsonNode *list;
  JsonArray *array;

  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  if (name == NULL)
    name = "<waivers>";
  root = parse_input (data, length, name, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (list = json_object_get_member (json_node_get_object (root), "waivers")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (list))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE,
                   "%s: a waiver file is an object {\"waivers\": […]}", name);
      return FALSE;
    }
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o;
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;
      Waiver *waiver;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE,
                       "%s: waivers/%u: expected an object", name, i);
          return FALSE;
        }
      o = json_node_get_object (node);
      waiver = g_new0 (Waiver, 1);
      g_ptr_array_add (loaded, waiver);
      json_object_iter_init_ordered (&iter, o);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        {
          if (!g_strv_contains (known, key))
            {
              govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY,
                           "%s: waivers/%u: unknown member “%s”", name, i, key);
              return FALSE;
            }
          if (g_str_equal (key, "cells"))
            {
              if (!read_strv (o, "cells", &waiver->cells))
                {
                  govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE,
                               "%s: waivers/%u/cells: expected an array of cell paths", name, i);
                  return FALSE;
                }
              continue;
            }
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
            {
              govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE,
                           "%s: waivers/%u/%s: expected a string", name, i, key);
              return FALSE;
            }
          if (g_str_equal (key, "rule"))
            waiver->rule = g_strdup (json_node_get_string (member));
          else if (g_str_equal (key, "unit"))
            waiver->unit = g_strdup (json_node_get_string (member));
          else if (g_str_equal (key, "fingerprint"))
            waiver->fingerprint = g_strdup (json_node_get_string (member));
          else if (g_str_equal (key, "reason"))
            waiver->reason = g_strdup (json_node_get_string (member));
          else if (g_str_equal (key, "by"))
            waiver->by = g_strdup (json_node_get_string (member));
        }
      if (waiver->rule == NULL && waiver->fingerprint == NULL)
        {
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_MISSING_MEMBER,
                       "%s: waivers/%u: name the finding by “rule” or “fingerprint”", name, i);
          return FALSE;
        }
      if (waiver->reason == NULL || *waiver->reason == '\0' || waiver->by == NULL || *waiver->by == '\0')
        {
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_MISSING_MEMBER,
                       "%s: waivers/%u: a waiver needs a “reason” and who accepted it (“by”)", name, i);
          return FALSE;
        }
    }
  while (loaded->len > 0)
    g_ptr_array_add (self->waivers, g_ptr_array_steal_index (loaded, 0));
  return TRUE;
}

/**
 * govstats_rule_set_load_waivers_from_file:
 * @self: a rule set
 * @filename: (type filename): a waiver file
 * @error: return location for a #GError
 *
 * Adds the waivers of a file; see
 * [method@Govstats.RuleSet.load_waivers_from_data].
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
govstats_rule_set_load_waivers_from_file (GovstatsRuleSet *self,
                                          const char      *filename,
                                          GError         **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (GOVSTATS_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  data = govstats_read_file (filename, &length, error);
  return data != NULL && govstats_rule_set_load_waivers_from_data (self, data, (gssize) length, filename, error);
}

/* ---------- waivers ---------- */

static gboolean
waiver_matches (Waiver          *waiver,
                GovstatsFinding *finding)
{
  const char * const *cells = govstats_finding_get_cells (finding);

  if (waiver->fingerprint && !g_str_equal (waiver->fingerprint, govstats_finding_get_fingerprint (finding)))
    return FALSE;
  if (waiver->rule && !g_pattern_match_simple (waiver->rule, govstats_finding_get_rule_id (finding)))
    return FALSE;
  if (waiver->unit && g_strcmp0 (waiver->unit, govstats_finding_get_unit_code (finding)) != 0 &&
      g_strcmp0 (waiver->unit, govstats_finding_get_unit_name (finding)) != 0)
    return FALSE;
  if (waiver->cells)
    for (guint i = 0; waiver->cells[i]; i++)
      {
        gboolean hit = FALSE;
        for (guint k = 0; cells[k] && !hit; k++)
          hit = g_pattern_match_simple (waiver->cells[i], cells[k]);
        if (!hit)
          return FALSE;
      }
  return TRUE;
}

/**
 * govstats_rule_set_apply_waivers:
 * @self: a rule set
 * @findings: (element-type GovstatsFinding): findings
 *
 * Marks the findings that a loaded waiver covers as acknowledged.
 * [method@Govstats.RuleSet.check] does this by itself; this is for findings
 * made elsewhere (a consolidation, an import).
 *
 * Since: 0.1
 */
void
govstats_rule_set_apply_waivers (GovstatsRuleSet *self,
                                 GPtrArray       *findings)
{
  g_return_if_fail (GOVSTATS_IS_RULE_SET (self));
  g_return_if_fail (findings != NULL);

  for (guint i = 0; i < findings->len; i++)
    for (guint w = 0; w < self->waivers->len; w++)
      {
        Waiver *waiver = self->waivers->pdata[w];
        if (waiver_matches (waiver, findings->pdata[i]))
          {
            govstats_finding_waive (findings->pdata[i], waiver->reason, waiver->by);
            break;
          }
      }
}
