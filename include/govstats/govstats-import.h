/* govstats-import.h — reading published reports (text, HTML, PDF)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (GOVSTATS_INSIDE) && !defined (GOVSTATS_COMPILATION)
# error "Only <govstats/govstats.h> can be included directly."
#endif

#include "govstats-version.h"
#include "govstats-types.h"
#include "govstats-report.h"

G_BEGIN_DECLS

G_END_DECLS
