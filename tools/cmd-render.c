/* cmd-render.c — govstats render
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "govstats-tool.h"

int
cmd_render (int    argc,
            char **argv)
{
  tool_error ("render is not available yet");
  return EXIT_USAGE;
}
