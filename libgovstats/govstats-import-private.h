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
#include "govstats-schema-private.h"

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

/* ---------- the table reader's stages (govstats-import-*.c) ----------
 *
 * govstats-import-text.c reads the document (the order of the stages is
 * described there); each stage below lives in its own file and shares these
 * structs, which never leave the importer. */

typedef struct {
  char    *number;   /* ASCII decimal: "12", "-3", "4068.208" */
  char    *unit;
  char    *note;
  gboolean blank;
} Value;

typedef enum {
  TOK_TEXT,
  TOK_VALUE,
  TOK_BLANK,
} TokKind;

typedef enum {
  ROLE_NONE,
  ROLE_HEADER,   /* a header word: column labels and their pieces */
  ROLE_LABEL,    /* part of a label (see partial) */
} TokRole;

typedef struct {
  TokKind  kind;
  char    *raw;       /* as printed */
  char    *norm;      /* text: normalised */
  Value    value;
  int      x;         /* first column (code points) or cell index */
  int      x_end;
  guint    lineno;
  guint    column;    /* 1-based, for findings */
  gboolean empty_cell;
  gboolean label_span;   /* a column covered by a text cell's colspan */
  /* per table */
  TokRole  role;
  int      partial;
} Tok;

typedef struct {
  GovstatsImportLine *src;
  GPtrArray *toks;        /* Tok */
  char      *norm;        /* the text tokens, normalised and joined */
  gboolean   explicit;    /* cells */
  gboolean   content;     /* has tokens and is not a page number */
  gboolean   pagenum;
  guint      seg;         /* page segment, for column positions */
  guint      ord;         /* ordinal among content lines */
  guint      n_values;
  guint      n_text;
} Line;

typedef struct {
  const GovstatsSchemaTable *table;
  guint      index;
  GPtrArray *entries;       /* Entry */
  GPtrArray *header;        /* char *: column labels and aliases, groups, headers, note */
  GPtrArray *titles;        /* char *: the title and its aliases */
  guint      n_cols;
  GArray    *cell_rows;     /* int: rows with cells, in table order */
} TableInfo;

typedef struct {
  GString *norm;
  GString *raw;
  int      x;
  int      last_x;
  guint    first_li, last_li;     /* region line indices */
  guint    first_ord, last_ord;   /* content ordinals */
  guint    lineno, column;
  gboolean complete;
  gboolean unknown;
  /* resolution */
  int      entry;
  int      row;
  gboolean group;                 /* no numbers of its own */
  gboolean tolerant;
  char    *how;                   /* the tolerant rule that matched */
  /* numbers */
  int      vec;
} Partial;

typedef struct {
  GPtrArray *toks;     /* Tok, not owned */
  guint      li;       /* region line of the first value */
  guint      ord;
  guint      seg;
  guint      lineno, column;
  gboolean   explicit;
  gboolean   bad;
  gboolean   order_only;  /* paired by order in reading-order text, not by adjacency */
  gboolean   transposed;
  char      *why;
} Vec;

typedef struct {
  GovstatsSchema   *schema;
  GovstatsReport   *report;
  GPtrArray        *findings;
  const char       *name;
  GPtrArray        *lines;      /* Line */
  GovstatsImportStats *stats;
} Reader;

typedef struct {
  Reader     *rd;
  TableInfo  *ti;
  GPtrArray  *rlines;    /* Line *, the region, not owned */
  GPtrArray  *partials;  /* Partial */
  GPtrArray  *vecs;      /* Vec */
  gboolean    line_mode;
  gboolean    stream;
  gboolean    fallback;  /* no title: region is what is left of the document */
  guint       anchor_lineno;
  /* per cell-bearing row (by schema row index) */
  int        *row_vec;
  int        *row_partial;
} TableRead;

typedef struct {
  int section_line[16];     /* line index of each schema section heading, or -1 */
  int table_line[16];       /* line index of each table's anchor, or -1 */
} Anchors;

/* govstats-import-tokens.c */

/* Is @c a Han character (the CJK ideograph blocks)? */
gboolean     govstats_import_is_han       (gunichar c);
/* Is @c Han, CJK punctuation, a full-width form or a curly quote? */
gboolean     govstats_import_is_cjk       (gunichar c);
/* Is @c any kind of space (also full-width, no-break, zero-width, form feed)? */
gboolean     govstats_import_is_space     (gunichar c);
/* The label without its numbering ("(一)予以公开" → "予以公开"); normalised labels only. */
const char  *govstats_import_skip_numbering             (const char *norm);
/* Does @word start with a numbering followed by more text? */
gboolean     govstats_import_word_starts_with_numbering (const char *word);
/* The length of @s in code points. */
glong        govstats_import_n_chars       (const char *s);
/* Levenshtein distance in code points, or @limit + 1 when over @limit. */
guint        govstats_import_edit_distance (const char *a,
                                            const char *b,
                                            guint       limit);
/* Every line of @doc as a Line of tokens (text fragments and values). */
GPtrArray   *govstats_import_tokenize_doc  (GovstatsImportDoc *doc);

/* govstats-import-labels.c */

/* The schema's table @index with its labels normalised for matching. */
TableInfo   *govstats_import_table_info_new      (GovstatsSchema *schema,
                                                  guint           index);
/* Frees a TableInfo (a GDestroyNotify). */
void         govstats_import_table_info_free     (gpointer        data);
/* Adds @text, normalised, to @array (nothing for NULL or ""). */
void         govstats_import_add_string          (GPtrArray      *array,
                                                  const char     *text);
/* The schema row @row of the table. */
const GovstatsSchemaRow *govstats_import_row_at  (TableInfo      *ti,
                                                  int             row);
/* Is @row a group that keeps cells of its own (the legacy 2019 rows)? */
gboolean     govstats_import_row_is_legacy_group (TableInfo      *ti,
                                                  int             row);
/* Frees a Partial (a GDestroyNotify). */
void         govstats_import_partial_free        (gpointer        data);
/* Frees a Vec (a GDestroyNotify). */
void         govstats_import_vec_free            (gpointer        data);
/* The label @i of the table being read. */
Partial     *govstats_import_partial_at          (TableRead      *tr,
                                                  int             i);
/* One text fragment: continue a label, set a header word aside, start a
 * label, or split a fragment glued from two labels. */
void         govstats_import_process_fragment    (TableRead      *tr,
                                                  Tok            *t,
                                                  const char     *norm,
                                                  const char     *raw,
                                                  guint           li,
                                                  gboolean        allow_split);
/* Resolves every label to a row, a group, or nothing. */
void         govstats_import_resolve_partials    (TableRead      *tr);
/* Is @p (or NULL) a label resolved to a row with cells? */
gboolean     govstats_import_partial_is_row      (Partial        *p);

/* govstats-import-layout.c */

/* The schema (2019 or 2021) whose labels the document prints; sets
 * @undetermined and says @why when the labels do not decide. */
GovstatsSchema *govstats_import_detect_layout    (Reader         *rd,
                                                  gboolean       *undetermined,
                                                  GString        *why);
/* Finds the line of each section heading and table title of the schema. */
void         govstats_import_find_anchors        (Reader         *rd,
                                                  GPtrArray      *infos,
                                                  Anchors        *an);

/* govstats-import-rows.c */

/* A GCompareFunc for ints, ascending. */
int          govstats_import_compare_ints        (gconstpointer   a,
                                                  gconstpointer   b);
/* Joins the text fragments of the table's region into labels. */
void         govstats_import_label_pass          (TableRead      *tr);
/* Line forms: the numbers of each line to the label on it or just above. */
void         govstats_import_line_mode_assign    (TableRead      *tr);
/* Reading-order text: the runs of values cut into rows and paired with the labels. */
void         govstats_import_stream_assign       (TableRead      *tr);
/* Expected rows: cell-bearing rows, with a legacy group standing in for its
 * children when it was read. */
GArray      *govstats_import_expected_rows       (TableRead      *tr);
/* Rows in table order for a table printed as one line (表四): leaves only. */
GArray      *govstats_import_transposed_rows     (TableRead      *tr);
/* Places the values of a row that printed fewer values than columns under
 * their columns; FALSE when any value is not clearly under one column. */
gboolean     govstats_import_place_by_position   (TableRead      *tr,
                                                  Vec            *v,
                                                  Tok           **cells);

/* govstats-import-cells.c */

/* Writes the numbers of every row into the report's cells; @read_out is the
 * cells read (weighted), @expected_out the cells the table has. */
void         govstats_import_apply_rows          (TableRead      *tr,
                                                  double         *read_out,
                                                  guint          *expected_out);

/* govstats-import-meta.c */

/* The unit, year, title and other metadata from the preamble. */
void         govstats_import_read_metadata       (Reader         *rd,
                                                  int             first_heading,
                                                  int             tables_heading);
/* The running text of lines [@from, @to), paragraphs rejoined. */
char        *govstats_import_section_text        (Reader         *rd,
                                                  int             from,
                                                  int             to);
/* Compares the applications the overview counts with table three. */
void         govstats_import_check_text_against_table (Reader    *rd);
/* The report's scope (own or aggregate) from the overview. */
void         govstats_import_read_scope          (Reader         *rd);

/* govstats-import-text.c */

/* Sets @tr up to read table @ti from the lines @rlines: no labels, no
 * numbers, every row without either. */
void         govstats_import_table_read_init     (TableRead      *tr,
                                                  Reader         *rd,
                                                  TableInfo      *ti,
                                                  GPtrArray      *rlines);
/* Frees what govstats_import_table_read_init() allocated. */
void         govstats_import_table_read_clear    (TableRead      *tr);
/* A finding whose Chinese and English messages are already made (from one
 * msgid, where some of the arguments are in a language themselves). */
GovstatsFinding *govstats_import_add_finding     (Reader          *rd,
                                                  const char      *rule,
                                                  GovstatsSeverity severity,
                                                  guint            lineno,
                                                  guint            column,
                                                  char           **cells,
                                                  const char      *zh,
                                                  const char      *en);
/* A finding whose message is @format (an English msgid) with the same
 * arguments in both languages. */
GovstatsFinding *govstats_import_add_finding_printf (Reader          *rd,
                                                     const char      *rule,
                                                     GovstatsSeverity severity,
                                                     guint            lineno,
                                                     guint            column,
                                                     char           **cells,
                                                     const char      *format,
                                                     ...) G_GNUC_PRINTF (7, 8);
/* The cell paths (table/row/column) of @row, for a finding. */
char       **govstats_import_row_cells           (TableInfo      *ti,
                                                  int             row);
/* " (page N)" after the place of a finding in a PDF, or "". */
char        *govstats_import_page_note           (Reader         *rd,
                                                  guint           lineno,
                                                  gboolean        en);
/* The values of @v as printed, for a finding. */
char        *govstats_import_vec_text            (Vec            *v);

G_END_DECLS
