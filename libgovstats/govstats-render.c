/* govstats-render.c — the statutory tables as text, Markdown, HTML and CSV
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "govstats-render.h"
