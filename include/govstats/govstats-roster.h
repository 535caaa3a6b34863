/* govstats-roster.h — the units expected in a consolidation
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

G_BEGIN_DECLS

#define GOVSTATS_TYPE_ROSTER (govstats_roster_get_type ())

GOVSTATS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GovstatsRoster, govstats_roster, GOVSTATS, ROSTER, GObject)

GOVSTATS_AVAILABLE_IN_ALL
GovstatsRoster     *govstats_roster_new              (const char         *name,
                                                      int                 year);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsRoster     *govstats_roster_new_from_file    (const char         *filename,
                                                      GError            **error);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsRoster     *govstats_roster_new_from_data    (const char         *data,
                                                      gssize              length,
                                                      const char         *name,
                                                      GError            **error);
GOVSTATS_AVAILABLE_IN_ALL
gboolean            govstats_roster_add_unit         (GovstatsRoster     *self,
                                                      const char         *code,
                                                      const char         *name,
                                                      GovstatsUnitKind    kind,
                                                      const char * const *aliases,
                                                      GError            **error);
GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_roster_get_name         (GovstatsRoster     *self);
GOVSTATS_AVAILABLE_IN_ALL
int                 govstats_roster_get_year         (GovstatsRoster     *self);
GOVSTATS_AVAILABLE_IN_ALL
guint               govstats_roster_get_n_units      (GovstatsRoster     *self);
GOVSTATS_AVAILABLE_IN_ALL
char              **govstats_roster_dup_codes        (GovstatsRoster     *self);
GOVSTATS_AVAILABLE_IN_ALL
gboolean            govstats_roster_has_unit         (GovstatsRoster     *self,
                                                      const char         *code);
GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_roster_get_unit_name    (GovstatsRoster     *self,
                                                      const char         *code);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsUnitKind    govstats_roster_get_unit_kind    (GovstatsRoster     *self,
                                                      const char         *code);
GOVSTATS_AVAILABLE_IN_ALL
const char * const *govstats_roster_get_unit_aliases (GovstatsRoster     *self,
                                                      const char         *code);
GOVSTATS_AVAILABLE_IN_ALL
const char         *govstats_roster_match            (GovstatsRoster     *self,
                                                      const char         *code,
                                                      const char         *name);

G_END_DECLS
