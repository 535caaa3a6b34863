/* cmd-import.c — govstats import
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "govstats-tool.h"

int
cmd_import (int    argc,
            char **argv)
{
  tool_error ("import is not available yet");
  return EXIT_USAGE;
}
