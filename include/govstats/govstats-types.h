/* govstats-types.h — enumerations shared by the public types
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (GOVSTATS_INSIDE) && !defined (GOVSTATS_COMPILATION)
# error "Only <govstats/govstats.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * GovstatsValueKind:
 * @GOVSTATS_VALUE_KIND_COUNT: a non-negative whole number of items (件)
 * @GOVSTATS_VALUE_KIND_AMOUNT: an exact decimal with four decimal places (万元, 元)
 * @GOVSTATS_VALUE_KIND_DELTA: a signed whole number (本年增/减)
 *
 * What a column of a statutory table holds.
 *
 * Since: 0.1
 */
typedef enum {
  GOVSTATS_VALUE_KIND_COUNT,
  GOVSTATS_VALUE_KIND_AMOUNT,
  GOVSTATS_VALUE_KIND_DELTA,
} GovstatsValueKind;

/**
 * GovstatsUnitKind:
 * @GOVSTATS_UNIT_KIND_GOVERNMENT: a people's government or its general office
 * @GOVSTATS_UNIT_KIND_DEPARTMENT: a department of a government
 * @GOVSTATS_UNIT_KIND_TOWN: a town, township or sub-district (乡镇、街道)
 * @GOVSTATS_UNIT_KIND_OTHER: any other reporting organ
 *
 * The kind of administrative organ a report belongs to.
 *
 * Since: 0.1
 */
typedef enum {
  GOVSTATS_UNIT_KIND_GOVERNMENT,
  GOVSTATS_UNIT_KIND_DEPARTMENT,
  GOVSTATS_UNIT_KIND_TOWN,
  GOVSTATS_UNIT_KIND_OTHER,
} GovstatsUnitKind;

/**
 * GovstatsScope:
 * @GOVSTATS_SCOPE_OWN: the organ's own figures
 * @GOVSTATS_SCOPE_AGGREGATE: the consolidated figures of subordinate units
 *
 * Whose figures a report holds.
 *
 * Since: 0.1
 */
typedef enum {
  GOVSTATS_SCOPE_OWN,
  GOVSTATS_SCOPE_AGGREGATE,
} GovstatsScope;

/**
 * GovstatsSeverity:
 * @GOVSTATS_SEVERITY_ERROR: the format prints the rule, or a 总计 implies it: the report is wrong
 * @GOVSTATS_SEVERITY_WARNING: an inferred rule: the report is probably wrong, or incomplete
 * @GOVSTATS_SEVERITY_INFO: a note, such as a hint at the cell that is probably wrong
 *
 * How serious a finding is.
 *
 * Since: 0.1
 */
typedef enum {
  GOVSTATS_SEVERITY_ERROR,
  GOVSTATS_SEVERITY_WARNING,
  GOVSTATS_SEVERITY_INFO,
} GovstatsSeverity;

/**
 * GovstatsOutcome:
 * @GOVSTATS_OUTCOME_FAILED: the rule is broken
 * @GOVSTATS_OUTCOME_UNCERTAIN: blank cells keep the rule from being decided:
 *   it holds for some values of the blank cells and not for others
 * @GOVSTATS_OUTCOME_NOTE: not a rule result: a hint or a remark
 *
 * What a finding says about its rule.
 *
 * Since: 0.1
 */
typedef enum {
  GOVSTATS_OUTCOME_FAILED,
  GOVSTATS_OUTCOME_UNCERTAIN,
  GOVSTATS_OUTCOME_NOTE,
} GovstatsOutcome;

/**
 * GOVSTATS_AMOUNT_SCALE:
 *
 * Amount cells are stored as whole numbers of 1/%GOVSTATS_AMOUNT_SCALE of
 * their unit: 4068.208 万元 is stored as 40682080.
 *
 * Since: 0.1
 */
#define GOVSTATS_AMOUNT_SCALE 10000

G_END_DECLS
