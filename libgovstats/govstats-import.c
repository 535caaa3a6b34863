/* govstats-import.c — reading published reports (text, HTML, PDF)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "govstats-import.h"
