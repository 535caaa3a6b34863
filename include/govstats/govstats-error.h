/* govstats-error.h — the libgovstats error domain
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (GOVSTATS_INSIDE) && !defined (GOVSTATS_COMPILATION)
# error "Only <govstats/govstats.h> can be included directly."
#endif

#include <glib.h>
#include "govstats-version.h"

G_BEGIN_DECLS

/**
 * GOVSTATS_ERROR:
 *
 * The error domain of libgovstats.
 *
 * Since: 0.1
 */
#define GOVSTATS_ERROR (govstats_error_quark ())

/**
 * GovstatsError:
 * @GOVSTATS_ERROR_FAILED: an unspecified failure
 * @GOVSTATS_ERROR_IO: a file could not be read or written
 * @GOVSTATS_ERROR_ENCODING: the input is not valid UTF-8 (for example GB18030)
 * @GOVSTATS_ERROR_PARSE: the input is not well-formed JSON
 * @GOVSTATS_ERROR_INVALID_TYPE: a member has the wrong JSON type
 * @GOVSTATS_ERROR_UNKNOWN_KEY: an unknown table, row or column, or an unknown cell path
 * @GOVSTATS_ERROR_VERSION_MISMATCH: a cell that exists only in another layout version
 * @GOVSTATS_ERROR_OUT_OF_RANGE: a number does not fit (64-bit counts, four decimal places)
 * @GOVSTATS_ERROR_INVALID_VALUE: a value that is well typed but not allowed
 * @GOVSTATS_ERROR_MISSING_MEMBER: a required member is absent
 * @GOVSTATS_ERROR_UNSUPPORTED: an unsupported file format or layout version
 * @GOVSTATS_ERROR_INVALID_SCHEMA: a schema or rule file is malformed
 * @GOVSTATS_ERROR_NOTHING_IMPORTED: an importer found no statutory table it could read
 *
 * Error codes of the %GOVSTATS_ERROR domain. New codes are only ever appended.
 * A broken consistency rule is never an error: it is a finding.
 *
 * Since: 0.1
 */
typedef enum {
  GOVSTATS_ERROR_FAILED,
  GOVSTATS_ERROR_IO,
  GOVSTATS_ERROR_ENCODING,
  GOVSTATS_ERROR_PARSE,
  GOVSTATS_ERROR_INVALID_TYPE,
  GOVSTATS_ERROR_UNKNOWN_KEY,
  GOVSTATS_ERROR_VERSION_MISMATCH,
  GOVSTATS_ERROR_OUT_OF_RANGE,
  GOVSTATS_ERROR_INVALID_VALUE,
  GOVSTATS_ERROR_MISSING_MEMBER,
  GOVSTATS_ERROR_UNSUPPORTED,
  GOVSTATS_ERROR_INVALID_SCHEMA,
  GOVSTATS_ERROR_NOTHING_IMPORTED,
} GovstatsError;

GOVSTATS_AVAILABLE_IN_ALL
GQuark govstats_error_quark (void);

G_END_DECLS
