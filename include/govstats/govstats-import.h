/* govstats-import.h — reading published reports (text, HTML, PDF)
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
#include "govstats-types.h"
#include "govstats-report.h"

G_BEGIN_DECLS

/**
 * GovstatsImportFormat:
 * @GOVSTATS_IMPORT_FORMAT_AUTO: detect the format from the file name and the content
 *   (`%PDF-` is PDF; `<html` or `<table` is HTML; anything else is text)
 * @GOVSTATS_IMPORT_FORMAT_TEXT: text: `pdftotext -layout` output, plain
 *   `pdftotext` (reading order, one cell per line), text pasted from a web page
 *   or a word processor (cells separated by tabs, runs of spaces or `|`)
 * @GOVSTATS_IMPORT_FORMAT_HTML: an HTML page with the tables as `<table>` markup
 * @GOVSTATS_IMPORT_FORMAT_PDF: a PDF file with a text layer (needs libgovstats
 *   built with poppler-glib)
 *
 * The form of a published report given to [func@Govstats.import_file] and
 * [func@Govstats.import_data].
 *
 * Since: 0.1
 */
typedef enum {
  GOVSTATS_IMPORT_FORMAT_AUTO,
  GOVSTATS_IMPORT_FORMAT_TEXT,
  GOVSTATS_IMPORT_FORMAT_HTML,
  GOVSTATS_IMPORT_FORMAT_PDF,
} GovstatsImportFormat;

GOVSTATS_AVAILABLE_IN_ALL
GovstatsReport *govstats_import_file          (const char            *filename,
                                               GovstatsImportFormat   format,
                                               GPtrArray            **findings,
                                               GError               **error);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsReport *govstats_import_data          (const char            *data,
                                               gssize                 length,
                                               GovstatsImportFormat   format,
                                               const char            *name,
                                               GPtrArray            **findings,
                                               GError               **error);
GOVSTATS_AVAILABLE_IN_ALL
gboolean        govstats_import_can_read_pdf  (void);
GOVSTATS_AVAILABLE_IN_ALL
char           *govstats_import_dup_text      (const char            *data,
                                               gssize                 length,
                                               GovstatsImportFormat   format,
                                               const char            *name,
                                               GError               **error);

G_END_DECLS
