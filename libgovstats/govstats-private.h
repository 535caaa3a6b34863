/* govstats-private.h — the library's shared private helpers, one header each
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "govstats-file-private.h"
#include "govstats-json-reader-private.h"
#include "govstats-json-writer-private.h"
#include "govstats-markdown-private.h"
#include "govstats-value-private.h"
