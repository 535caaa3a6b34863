/* govstats-render.h — the statutory tables as text, Markdown, HTML and CSV
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (GOVSTATS_INSIDE) && !defined (GOVSTATS_COMPILATION)
# error "Only <govstats/govstats.h> can be included directly."
#endif

#include "govstats-version.h"
#include "govstats-types.h"
#include "govstats-report.h"

G_BEGIN_DECLS

/**
 * GovstatsRenderFormat:
 * @GOVSTATS_RENDER_FORMAT_TEXT: plain text for people: the sections in order,
 *   every table boxed with `+`, `-` and `|` and its columns aligned by East
 *   Asian display width
 * @GOVSTATS_RENDER_FORMAT_MARKDOWN: Markdown: headings for the title and the
 *   sections, a pipe table per statutory table, padded to display width
 * @GOVSTATS_RENDER_FORMAT_HTML: HTML laid out as the official form prints the
 *   tables (spanning header and label cells); every value cell carries
 *   `data-path="TABLE/ROW/COLUMN"`
 * @GOVSTATS_RENDER_FORMAT_CSV: long CSV for programs: one line per cell,
 *   `table,row,column,label_zh,value` (`label_en` with `en`)
 * @GOVSTATS_RENDER_FORMAT_CSV_WIDE: wide CSV for spreadsheets: a block per
 *   table, one line per printed row and one column per column of the table
 *
 * The output formats of [method@Govstats.Report.render].
 *
 * Since: 0.1
 */
typedef enum {
  GOVSTATS_RENDER_FORMAT_TEXT,
  GOVSTATS_RENDER_FORMAT_MARKDOWN,
  GOVSTATS_RENDER_FORMAT_HTML,
  GOVSTATS_RENDER_FORMAT_CSV,
  GOVSTATS_RENDER_FORMAT_CSV_WIDE,
} GovstatsRenderFormat;

/**
 * GovstatsRenderFlags:
 * @GOVSTATS_RENDER_FLAGS_NONE: no flags: HTML is a fragment (one `<div>`),
 *   CSV has no byte order mark
 * @GOVSTATS_RENDER_FLAGS_BOM: start CSV output with a UTF-8 byte order mark,
 *   so that spreadsheet programs read it as UTF-8; other formats ignore it
 * @GOVSTATS_RENDER_FLAGS_STANDALONE: make HTML a whole page (doctype,
 *   `<meta charset="utf-8">`, title and a print-friendly style sheet); other
 *   formats ignore it
 *
 * Options of [method@Govstats.Report.render].
 *
 * Since: 0.1
 */
typedef enum {
  GOVSTATS_RENDER_FLAGS_NONE       = 0,
  GOVSTATS_RENDER_FLAGS_BOM        = 1 << 0,
  GOVSTATS_RENDER_FLAGS_STANDALONE = 1 << 1,
} GovstatsRenderFlags;

GOVSTATS_AVAILABLE_IN_ALL
char  *govstats_report_render         (GovstatsReport       *self,
                                       GovstatsRenderFormat  format,
                                       const char           *lang,
                                       GPtrArray            *findings,
                                       GovstatsRenderFlags   flags);

GOVSTATS_AVAILABLE_IN_ALL
guint  govstats_render_display_width  (const char           *text,
                                       gssize                length);

G_END_DECLS
