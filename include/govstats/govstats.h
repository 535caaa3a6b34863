/* govstats.h — the one header users include
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#define GOVSTATS_INSIDE
#include "govstats-version.h"
#include "govstats-types.h"
#include "govstats-enum-types.h"
#include "govstats-error.h"
#include "govstats-schema.h"
#include "govstats-report.h"
#include "govstats-finding.h"
#include "govstats-finding-list.h"
#include "govstats-rule-set.h"
#include "govstats-roster.h"
#include "govstats-rollup.h"
#include "govstats-render.h"
#include "govstats-import.h"
#include "govstats-statement.h"
#undef GOVSTATS_INSIDE
