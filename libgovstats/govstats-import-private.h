/* govstats-import-private.h — the pieces of the importer
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every input form becomes a GovstatsImportDoc: lines of text, some of them
 * split into explicit cells (tabs, `|`, HTML table rows). The table reader
 * (govstats-import-text.c) works on that alone, so text, HTML and PDF share
 * one way of anchoring rows by their labels.
 */
#pragma once

#include <json-glib/json-glib.h>
#include "govstats-import.h"
#include "govstats-finding.h"

G_BEGIN_DECLS

typedef struct {
  char  *text;      /* the cell as printed (entities decoded, <br> joined) */
  guint  lineno;    /* 1-based position in the source */
  guint  column;
  guint  colspan;   /* HTML colspan, 1 otherwise */
} GovstatsImportCell;

typedef struct {
  char      *text;    /* the line (for cell lines: the cells joined by " | ") */
  GPtrArray *cells;   /* GovstatsImportCell, or NULL for a line of running text */
  guint      lineno;  /* 1-based line in the source text (or in the text rebuilt from a PDF) */
  guint      page;    /* 1-based page (form feeds in text, pages in a PDF) */
} GovstatsImportLine;

typedef struct {
  GPtrArray *lines;   /* GovstatsImportLine */
  guint      n_pages;
} GovstatsImportDoc;

GovstatsImportDoc *govstats_import_doc_new        (void);
void               govstats_import_doc_free       (GovstatsImportDoc *doc);
GovstatsImportLine *govstats_import_doc_add_line  (GovstatsImportDoc *doc,
                                                   const char        *text,
                                                   gssize             length,
                                                   guint              lineno,
                                                   guint              page);
/* Takes @cells (GovstatsImportCell). */
GovstatsImportLine *govstats_import_doc_add_cells (GovstatsImportDoc *doc,
                                                   GPtrArray         *cells,
                                                   guint              lineno,
                                                   guint              page);
GovstatsImportCell *govstats_import_cell_new      (const char        *text,
                                                   guint              lineno,
                                                   guint              column,
                                                   guint              colspan);
void               govstats_import_cell_free      (gpointer           cell);
/* The lines as text, cells joined by " | ", pages separated by form feeds. */
char              *govstats_import_doc_to_text    (GovstatsImportDoc *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovstatsImportDoc, govstats_import_doc_free)

/* Text (UTF-8): lines; form feeds start pages; lines with tabs or `|` become cells. */
GovstatsImportDoc *govstats_import_doc_from_text  (const char        *text,
                                                   gsize              length);
/* HTML (UTF-8): <table> rows become cell lines, the rest lines of text. */
GovstatsImportDoc *govstats_import_doc_from_html  (const char        *html,
                                                   gsize              length);
/* PDF: the text of every page laid out from the character boxes, as
 * `pdftotext -layout` would, pages separated by form feeds. */
char              *govstats_import_pdf_to_text    (const char        *data,
                                                   gsize              length,
                                                   const char        *name,
                                                   guint             *n_pages,
                                                   GError           **error);

/* What the reader found beyond the report itself. */
typedef struct {
  JsonObject *confidence;     /* table key → 0..1 */
  guint       n_tables_found; /* tables anchored by a title or by row labels */
  guint       n_cells_read;   /* cells read (a printed blank counts) */
} GovstatsImportStats;

/* Reads the statutory tables, the metadata and the text sections of @doc.
 * Appends import findings (positions in @name) to @findings. Never fails:
 * the caller decides from @stats whether anything was imported. */
GovstatsReport    *govstats_import_read_doc       (GovstatsImportDoc  *doc,
                                                   const char         *name,
                                                   GPtrArray          *findings,
                                                   GovstatsImportStats *stats);

/* Normalises a label for comparison: full-width forms to half-width, no
 * spaces, no quotation marks, numbering as "(一)", "一、" and "1.". */
char              *govstats_import_normalize_label (const char       *text);

G_END_DECLS
