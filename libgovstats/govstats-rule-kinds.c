/* govstats-rule-kinds.c — the kinds of rule: one entry each, its name, compiler and checker
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "govstats-rules-private.h"

/* Indexed by RuleKind. */
const RuleKindClass govstats_rule_kinds[N_RULE_KINDS] = {
  [RULE_EQUATION]      = { "equation",      govstats_rule_compile_equation, govstats_rule_check_equation,    TRUE },
  [RULE_NONNEGATIVE]   = { "nonnegative",   govstats_rule_compile_cells,    govstats_rule_check_nonnegative, FALSE },
  [RULE_BLANK]         = { "blank",         govstats_rule_compile_cells,    govstats_rule_check_blank,       FALSE },
  [RULE_MUST_BE_BLANK] = { "must_be_blank", govstats_rule_compile_cells,    govstats_rule_check_must_be,     FALSE },
  [RULE_MUST_BE_ZERO]  = { "must_be_zero",  govstats_rule_compile_cells,    govstats_rule_check_must_be,     FALSE },
  [RULE_TEXT]          = { "text",          govstats_rule_compile_text,     govstats_rule_check_text,        FALSE },
};
