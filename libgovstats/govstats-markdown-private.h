/* govstats-markdown-private.h — Markdown helpers shared by the descriptions of layouts and rules
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text to a Markdown table cell, escaping pipes and line breaks. */
void      govstats_markdown_append_cell (GString   *s,
                                     const char       *text);

G_END_DECLS
