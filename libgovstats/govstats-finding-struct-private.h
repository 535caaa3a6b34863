/* govstats-finding-struct-private.h — the GovstatsFinding instance struct, for the govstats-finding*.c files only
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "govstats-finding.h"

G_BEGIN_DECLS

struct _GovstatsFinding
{
  GObject           parent_instance;

  const char       *rule_id;   /* interned */
  GovstatsSeverity  severity;
  GovstatsOutcome   outcome;
  char             *message_zh;
  char             *message_en;
  const char      **cells;     /* interned paths: a finding of 150 blank cells
                                * holds 150 pointers, not 150 copies */
  gboolean          has_values;
  gint64            expected;
  gint64            actual;
  GovstatsValueKind kind;
  char             *unit_name;
  char             *unit_code;
  GStrv             units;
  char             *file;
  guint             line;
  guint             column;
  char             *fingerprint;
  gboolean          waived;
  char             *waiver_reason;
  char             *waiver_by;
};

G_END_DECLS
