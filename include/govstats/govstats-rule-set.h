/* govstats-rule-set.h — consistency rules compiled from schema data
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (GOVSTATS_INSIDE) && !defined (GOVSTATS_COMPILATION)
# error "Only <govstats/govstats.h> can be included directly."
#endif

#include <gio/gio.h>
#include "govstats-version.h"
#include "govstats-types.h"
#include "govstats-schema.h"
#include "govstats-report.h"
#include "govstats-finding.h"

G_BEGIN_DECLS

#define GOVSTATS_TYPE_RULE_SET (govstats_rule_set_get_type ())

GOVSTATS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GovstatsRuleSet, govstats_rule_set, GOVSTATS, RULE_SET, GObject)

GOVSTATS_AVAILABLE_IN_ALL
GovstatsRuleSet  *govstats_rule_set_new                  (GovstatsSchema   *schema,
                                                          GError          **error);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsSchema   *govstats_rule_set_get_schema           (GovstatsRuleSet  *self);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rule_set_add_rules_from_data  (GovstatsRuleSet  *self,
                                                          const char       *data,
                                                          gssize            length,
                                                          const char       *name,
                                                          GError          **error);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rule_set_add_rules_from_file  (GovstatsRuleSet  *self,
                                                          const char       *filename,
                                                          GError          **error);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rule_set_load_waivers_from_data (GovstatsRuleSet *self,
                                                          const char       *data,
                                                          gssize            length,
                                                          const char       *name,
                                                          GError          **error);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rule_set_load_waivers_from_file (GovstatsRuleSet *self,
                                                          const char       *filename,
                                                          GError          **error);
GOVSTATS_AVAILABLE_IN_ALL
GPtrArray        *govstats_rule_set_check                (GovstatsRuleSet  *self,
                                                          GovstatsReport   *report,
                                                          GovstatsReport   *previous);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_rule_set_apply_waivers        (GovstatsRuleSet  *self,
                                                          GPtrArray        *findings);
GOVSTATS_AVAILABLE_IN_ALL
char            **govstats_rule_set_dup_rule_ids         (GovstatsRuleSet  *self);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rule_set_has_rule             (GovstatsRuleSet  *self,
                                                          const char       *rule_id);
GOVSTATS_AVAILABLE_IN_ALL
const char       *govstats_rule_set_get_rule_statement   (GovstatsRuleSet  *self,
                                                          const char       *rule_id,
                                                          const char       *lang);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsSeverity  govstats_rule_set_get_rule_severity    (GovstatsRuleSet  *self,
                                                          const char       *rule_id);
GOVSTATS_AVAILABLE_IN_ALL
char             *govstats_rule_set_to_markdown          (GovstatsRuleSet  *self,
                                                          const char       *lang);

GOVSTATS_AVAILABLE_IN_ALL
GPtrArray        *govstats_report_check                  (GovstatsReport   *self,
                                                          GovstatsReport   *previous);

G_END_DECLS
