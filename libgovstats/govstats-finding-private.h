/* govstats-finding-private.h
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

G_END_DECLS
