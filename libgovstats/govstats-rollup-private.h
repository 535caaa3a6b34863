/* govstats-rollup-private.h — what the C tests reach of a rollup
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "govstats-rollup.h"

G_BEGIN_DECLS

/* The clock progress is paced by, in microseconds: g_get_monotonic_time()
 * unless a test sets another. It is read once when add_files starts and
 * once for every file added but the last, from the thread that adds the
 * files, so a test clock that moves on at each read gives a signal count
 * that depends on nothing else. With a test clock the adding thread does
 * not wait on the real one for a signal between files. */
typedef gint64 (*GovstatsRollupClock) (gpointer data);

void govstats_rollup_set_clock (GovstatsRollup     *self,
                                GovstatsRollupClock clock,
                                gpointer            data);

G_END_DECLS
