/* govstats-roster-private.h — what the roster readers need of the roster object
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "govstats-roster.h"

G_BEGIN_DECLS

/* Reads a roster from @text (JSON or CSV), NUL-terminated at @len; @name
 * names the input in messages. */
GovstatsRoster *govstats_roster_load_text (const char  *text,
                                           gsize        len,
                                           const char  *name,
                                           GError     **error);

void            govstats_roster_set_name  (GovstatsRoster *self,
                                           const char     *name);
void            govstats_roster_set_year  (GovstatsRoster *self,
                                           int             year);

G_END_DECLS
