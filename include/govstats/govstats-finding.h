/* govstats-finding.h — one result of a check, an import or a consolidation
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (GOVSTATS_INSIDE) && !defined (GOVSTATS_COMPILATION)
# error "Only <govstats/govstats.h> can be included directly."
#endif

#include <json-glib/json-glib.h>
#include "govstats-version.h"
#include "govstats-types.h"

G_BEGIN_DECLS

#define GOVSTATS_TYPE_FINDING (govstats_finding_get_type ())

GOVSTATS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GovstatsFinding, govstats_finding, GOVSTATS, FINDING, GObject)

GOVSTATS_AVAILABLE_IN_ALL
GovstatsFinding   *govstats_finding_new             (const char       *rule_id,
                                                     GovstatsSeverity  severity,
                                                     const char       *message_zh,
                                                     const char       *message_en);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsFinding   *govstats_finding_new_input_invalid (const char     *file,
                                                     const GError     *error);
GOVSTATS_AVAILABLE_IN_ALL
const char        *govstats_finding_get_rule_id     (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsSeverity   govstats_finding_get_severity    (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsOutcome    govstats_finding_get_outcome     (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
void               govstats_finding_set_outcome     (GovstatsFinding  *self,
                                                     GovstatsOutcome   outcome);
GOVSTATS_AVAILABLE_IN_ALL
const char        *govstats_finding_get_message     (GovstatsFinding  *self,
                                                     const char       *lang);
GOVSTATS_AVAILABLE_IN_ALL
const char * const *govstats_finding_get_cells      (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
void               govstats_finding_set_cells       (GovstatsFinding  *self,
                                                     const char * const *cells);
GOVSTATS_AVAILABLE_IN_ALL
gboolean           govstats_finding_get_values      (GovstatsFinding  *self,
                                                     gint64           *expected,
                                                     gint64           *actual);
GOVSTATS_AVAILABLE_IN_ALL
void               govstats_finding_set_values      (GovstatsFinding  *self,
                                                     gint64            expected,
                                                     gint64            actual,
                                                     GovstatsValueKind kind);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsValueKind  govstats_finding_get_value_kind  (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
char              *govstats_finding_dup_expected_text (GovstatsFinding *self);
GOVSTATS_AVAILABLE_IN_ALL
char              *govstats_finding_dup_actual_text (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
const char        *govstats_finding_get_unit_name   (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
const char        *govstats_finding_get_unit_code   (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
void               govstats_finding_set_unit        (GovstatsFinding  *self,
                                                     const char       *name,
                                                     const char       *code);
GOVSTATS_AVAILABLE_IN_ALL
const char * const *govstats_finding_get_units      (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
void               govstats_finding_set_units       (GovstatsFinding  *self,
                                                     const char * const *units);
GOVSTATS_AVAILABLE_IN_ALL
const char        *govstats_finding_get_file        (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
guint              govstats_finding_get_line        (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
guint              govstats_finding_get_column      (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
void               govstats_finding_set_position    (GovstatsFinding  *self,
                                                     const char       *file,
                                                     guint             line,
                                                     guint             column);
GOVSTATS_AVAILABLE_IN_ALL
const char        *govstats_finding_get_fingerprint (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
gboolean           govstats_finding_is_waived       (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
const char        *govstats_finding_get_waiver_reason (GovstatsFinding *self);
GOVSTATS_AVAILABLE_IN_ALL
const char        *govstats_finding_get_waiver_by   (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
void               govstats_finding_waive           (GovstatsFinding  *self,
                                                     const char       *reason,
                                                     const char       *by);
GOVSTATS_AVAILABLE_IN_ALL
gboolean           govstats_finding_counts_as_error (GovstatsFinding  *self);
GOVSTATS_AVAILABLE_IN_ALL
JsonNode          *govstats_finding_to_json         (GovstatsFinding  *self,
                                                     const char       *lang);
GOVSTATS_AVAILABLE_IN_ALL
char              *govstats_finding_to_string       (GovstatsFinding  *self,
                                                     const char       *lang);

G_END_DECLS
