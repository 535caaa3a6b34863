/* govstats-rollup.c — consolidating many unit reports
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "govstats-rollup.h"
