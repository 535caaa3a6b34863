/* govstats-statement.h — a figure the prose of a report states, bound to what it claims
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (GOVSTATS_INSIDE) && !defined (GOVSTATS_COMPILATION)
# error "Only <govstats/govstats.h> can be included directly."
#endif

#include <glib-object.h>
#include "govstats-version.h"
#include "govstats-report.h"
#include "govstats-rollup.h"

G_BEGIN_DECLS

/**
 * GovstatsApproximation:
 * @GOVSTATS_APPROXIMATION_EXACT: the figure is exact ("21 件", "十二件")
 * @GOVSTATS_APPROXIMATION_MORE_THAN: a little more than the figure ("5500 余条", "300 多件", "超过 300 件")
 * @GOVSTATS_APPROXIMATION_ABOUT: about the figure, within its rounding ("约 300 件")
 * @GOVSTATS_APPROXIMATION_UNDER: a little less than the figure ("近 300 件")
 * @GOVSTATS_APPROXIMATION_RANGE: a range ("3-5 件", "三四件")
 *
 * How a stated figure is to be read.
 *
 * Since: 0.1
 */
typedef enum {
  GOVSTATS_APPROXIMATION_EXACT,
  GOVSTATS_APPROXIMATION_MORE_THAN,
  GOVSTATS_APPROXIMATION_ABOUT,
  GOVSTATS_APPROXIMATION_UNDER,
  GOVSTATS_APPROXIMATION_RANGE,
} GovstatsApproximation;

/**
 * GovstatsVerdict:
 * @GOVSTATS_VERDICT_AGREES: the tables hold the stated figure
 * @GOVSTATS_VERDICT_CONTRADICTS: the tables hold another figure
 * @GOVSTATS_VERDICT_UNDECIDED: the sentence is not unambiguously about the
 *   quantity, or the tables cannot say (blank cells, a split by kind of
 *   unit without the unit reports)
 *
 * What the tables say of a stated figure.
 *
 * Since: 0.1
 */
typedef enum {
  GOVSTATS_VERDICT_AGREES,
  GOVSTATS_VERDICT_CONTRADICTS,
  GOVSTATS_VERDICT_UNDECIDED,
} GovstatsVerdict;

#define GOVSTATS_TYPE_STATEMENT (govstats_statement_get_type ())

GOVSTATS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GovstatsStatement, govstats_statement, GOVSTATS, STATEMENT, GObject)

GOVSTATS_AVAILABLE_IN_ALL
GPtrArray            *govstats_report_read_statements    (GovstatsReport    *self,
                                                          GovstatsRollup    *rollup);

GOVSTATS_AVAILABLE_IN_ALL
const char           *govstats_statement_get_id          (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
char                 *govstats_statement_dup_rule_id     (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
const char           *govstats_statement_get_name        (GovstatsStatement *self,
                                                          const char        *lang);
GOVSTATS_AVAILABLE_IN_ALL
const char           *govstats_statement_get_section     (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
guint                 govstats_statement_get_paragraph   (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
const char           *govstats_statement_get_sentence    (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
glong                 govstats_statement_get_start       (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
glong                 govstats_statement_get_end         (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
const char           *govstats_statement_get_printed     (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
const char           *govstats_statement_get_value_text  (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
const char           *govstats_statement_get_upper_text  (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsApproximation govstats_statement_get_approximation (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
int                   govstats_statement_get_sign        (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
char                **govstats_statement_dup_cells       (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
const char           *govstats_statement_get_unit_group  (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
const char           *govstats_statement_get_share_printed (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
const char           *govstats_statement_get_doubt       (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsVerdict       govstats_statement_get_verdict     (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
const char           *govstats_statement_get_table_text  (GovstatsStatement *self);
GOVSTATS_AVAILABLE_IN_ALL
char                 *govstats_statement_to_string       (GovstatsStatement *self,
                                                          const char        *lang);

G_END_DECLS
