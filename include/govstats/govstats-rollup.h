/* govstats-rollup.h — consolidating many unit reports
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (GOVSTATS_INSIDE) && !defined (GOVSTATS_COMPILATION)
# error "Only <govstats/govstats.h> can be included directly."
#endif

#include "govstats-version.h"

G_BEGIN_DECLS

G_END_DECLS
