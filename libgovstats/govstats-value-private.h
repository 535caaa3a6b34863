/* govstats-value-private.h — exact decimal values: parsing and printing (govstats-value.c)
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include "govstats-types.h"

G_BEGIN_DECLS

/* Why a number was refused, decided where the parser refuses it; callers
 * map it to a GovstatsError code for their context. */
typedef enum {
  GOVSTATS_VALUE_NOT_A_NUMBER,       /* text that is not a decimal number */
  GOVSTATS_VALUE_NOT_A_NUMBER_TYPE,  /* a JSON value that is not a number */
  GOVSTATS_VALUE_TOO_PRECISE,        /* more than four decimal places */
  GOVSTATS_VALUE_NOT_WHOLE,          /* a fraction where a count is expected */
  GOVSTATS_VALUE_TOO_LARGE,          /* beyond the 64-bit range of its kind */
} GovstatsValueProblem;

/* Exact decimal text of a stored value ("4068.208", "-3", "12"). */
char     *govstats_value_format     (gint64            value,
                                     GovstatsValueKind kind);
/* Parses exact decimal text; FALSE with @problem (nullable) and a message in
 * @reason when it does not fit. */
gboolean  govstats_value_parse      (const char       *text,
                                     GovstatsValueKind kind,
                                     gint64           *value,
                                     GovstatsValueProblem *problem,
                                     char            **reason);
/* As govstats_value_parse(), also taking a JSON exponent ("4.0682e3"), exactly. */
gboolean  govstats_value_parse_json_number (const char *text,
                                     GovstatsValueKind kind,
                                     gint64           *value,
                                     GovstatsValueProblem *problem,
                                     char            **reason);
/* Converts a parsed JSON number to a stored value; FALSE with @reason when it cannot. */
gboolean  govstats_value_from_node  (JsonNode         *node,
                                     GovstatsValueKind kind,
                                     gint64           *value,
                                     GovstatsValueProblem *problem,
                                     char            **reason);

G_END_DECLS
