/* govstats-finding-list.h — findings as a list model
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (GOVSTATS_INSIDE) && !defined (GOVSTATS_COMPILATION)
# error "Only <govstats/govstats.h> can be included directly."
#endif

#include <gio/gio.h>
#include "govstats-version.h"
#include "govstats-finding.h"

G_BEGIN_DECLS

#define GOVSTATS_TYPE_FINDING_LIST (govstats_finding_list_get_type ())

GOVSTATS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GovstatsFindingList, govstats_finding_list, GOVSTATS, FINDING_LIST, GObject)

GOVSTATS_AVAILABLE_IN_ALL
GovstatsFindingList *govstats_finding_list_new          (void);
GOVSTATS_AVAILABLE_IN_ALL
void                 govstats_finding_list_set_findings (GovstatsFindingList *self,
                                                         GPtrArray           *findings);
GOVSTATS_AVAILABLE_IN_ALL
void                 govstats_finding_list_append       (GovstatsFindingList *self,
                                                         GovstatsFinding     *finding);
GOVSTATS_AVAILABLE_IN_ALL
void                 govstats_finding_list_remove_all   (GovstatsFindingList *self);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsFinding     *govstats_finding_list_get_finding  (GovstatsFindingList *self,
                                                         guint                position);
GOVSTATS_AVAILABLE_IN_ALL
guint                govstats_finding_list_get_n_errors   (GovstatsFindingList *self);
GOVSTATS_AVAILABLE_IN_ALL
guint                govstats_finding_list_get_n_warnings (GovstatsFindingList *self);

G_END_DECLS
