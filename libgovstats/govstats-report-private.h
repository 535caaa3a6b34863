/* govstats-report-private.h — fast access to a report's cells inside the library
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "govstats-report.h"
#include "govstats-unit-store-private.h"

G_BEGIN_DECLS

/* Cells by schema index: no path lookup, no checks. */
gboolean       govstats_report_get_at     (GovstatsReport *self,
                                           guint           index,
                                           gint64         *value);
void           govstats_report_set_at     (GovstatsReport *self,
                                           guint           index,
                                           gint64          value);
const gint64  *govstats_report_peek_values (GovstatsReport *self);
const guint8  *govstats_report_peek_set    (GovstatsReport *self);
gboolean       govstats_report_unit_kind_is_set (GovstatsReport *self);
/* The `sources` of a consolidated report: the first @n_units units of
 * @store, read from it when the report is written or asked for them. */
void           govstats_report_set_source_store (GovstatsReport    *self,
                                                 GovstatsUnitStore *store,
                                                 guint              n_units);
/* A label for messages: "示例县教育和体育局 (D01)", the file name, or "report". */
char          *govstats_report_dup_display_name (GovstatsReport *self);

G_END_DECLS
