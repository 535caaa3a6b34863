/* govstats-error.c — the error domain and library version
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "govstats-error.h"
#include "govstats-version.h"

/**
 * govstats_error_quark:
 *
 * Gets the quark of the libgovstats error domain.
 *
 * Returns: the error quark
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (govstats-error-quark, govstats_error)

/**
 * govstats_get_version_string:
 *
 * Gets the version of the libgovstats the program runs with, which may be
 * newer than %GOVSTATS_VERSION_S it was compiled against.
 *
 * Returns: (transfer none): the version, such as `0.1.0`
 *
 * Since: 0.1
 */
const char *
govstats_get_version_string (void)
{
  return GOVSTATS_VERSION_S;
}
