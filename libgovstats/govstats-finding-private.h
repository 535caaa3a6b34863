/* govstats-finding-private.h — making findings inside the library: from a rule id and translatable formats, with positions and fingerprints
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "govstats-finding.h"

G_BEGIN_DECLS

/* Sets the fingerprint from the rule, the unit and the cells (plus @extra). */
void govstats_finding_compute_fingerprint (GovstatsFinding *self,
                                           const char      *extra);

/* A finding whose message is @format (an English msgid, marked with N_())
 * formatted for English and, translated, for Chinese. */
GovstatsFinding *govstats_finding_new_printf (const char       *rule_id,
                                              GovstatsSeverity  severity,
                                              const char       *format,
                                              ...) G_GNUC_PRINTF (3, 4);
GovstatsFinding *govstats_finding_new_vprintf (const char       *rule_id,
                                               GovstatsSeverity  severity,
                                               const char       *format,
                                               va_list           args) G_GNUC_PRINTF (3, 0);

G_END_DECLS
