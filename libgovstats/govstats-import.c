/* govstats-import.c — reading published reports (text, HTML, PDF)
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The entry points: detect the format, decode the text (UTF-8, else GB18030),
 * turn the input into lines (govstats-import-html.c, govstats-import-pdf.c),
 * let the table reader (govstats-import-text.c) read them, and record where
 * the report came from in its `source` member.
 */
#include "config.h"

#include <string.h>

#include "govstats-import.h"
#include "govstats-import-private.h"
#include "govstats-error.h"
#include "govstats-finding-private.h"
#include "govstats-i18n-private.h"

/* ---------- documents ---------- */

GovstatsImportDoc *
govstats_import_doc_new (void)
{
  GovstatsImportDoc *doc = g_new0 (GovstatsImportDoc, 1);

  doc->lines = g_ptr_array_new ();
  doc->n_pages = 1;
  return doc;
}

static void
line_free (GovstatsImportLine *line)
{
  g_free (line->text);
  if (line->cells)
    g_ptr_array_unref (line->cells);
  g_free (line);
}

void
govstats_import_doc_free (GovstatsImportDoc *doc)
{
  if (doc == NULL)
    return;
  for (guint i = 0; i < doc->lines->len; i++)
    line_free (doc->lines->pdata[i]);
  g_ptr_array_unref (doc->lines);
  g_free (doc);
}

GovstatsImportCell *
govstats_import_cell_new (const char *text,
                          guint       lineno,
                          guint       column,
                          guint       colspan)
{
  GovstatsImportCell *cell = g_new0 (GovstatsImportCell, 1);

  cell->text = g_strdup (text ? text : "");
  cell->lineno = lineno;
  cell->column = column;
  cell->colspan = MAX (colspan, 1);
  return cell;
}

void
govstats_import_cell_free (gpointer data)
{
  GovstatsImportCell *cell = data;

  g_free (cell->text);
  g_free (cell);
}

GovstatsImportLine *
govstats_import_doc_add_line (GovstatsImportDoc *doc,
                              const char        *text,
                              gssize             length,
                              guint              lineno,
                              guint              page)
{
  GovstatsImportLine *line = g_new0 (GovstatsImportLine, 1);

  line->text = length < 0 ? g_strdup (text) : g_strndup (text, (gsize) length);
  line->lineno = lineno;
  line->page = page;
  doc->n_pages = MAX (doc->n_pages, page);
  g_ptr_array_add (doc->lines, line);
  return line;
}

GovstatsImportLine *
govstats_import_doc_add_cells (GovstatsImportDoc *doc,
                               GPtrArray         *cells,
                               guint              lineno,
                               guint              page)
{
  GovstatsImportLine *line = g_new0 (GovstatsImportLine, 1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cells->len; i++)
    {
      GovstatsImportCell *cell = cells->pdata[i];
      if (i > 0)
        g_string_append (s, " | ");
      g_string_append (s, cell->text);
    }
  line->text = g_string_free (s, FALSE);
  line->cells = cells;
  line->lineno = lineno;
  line->page = page;
  doc->n_pages = MAX (doc->n_pages, page);
  g_ptr_array_add (doc->lines, line);
  return line;
}

char *
govstats_import_doc_to_text (GovstatsImportDoc *doc)
{
  GString *s = g_string_new (NULL);
  guint page = 1;

  for (guint i = 0; i < doc->lines->len; i++)
    {
      GovstatsImportLine *line = doc->lines->pdata[i];

      for (; page < line->page; page++)
        g_string_append_c (s, '\f');
      g_string_append (s, line->text);
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

/* Splits a line of text into cells at @sep; columns are 1-based characters. */
static GPtrArray *
split_cells (const char *text,
             gsize       length,
             char        sep,
             guint       lineno)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (govstats_import_cell_free);
  const char *p = text, *end = text + length, *start = text;
  guint column = 1, start_column = 1;

  for (;;)
    {
      if (p == end || *p == sep)
        {
          g_autofree char *cell = g_strndup (start, (gsize) (p - start));
          g_ptr_array_add (cells, govstats_import_cell_new (g_strstrip (cell), lineno, start_column, 1));
          if (p == end)
            break;
          p++;
          column++;
          start = p;
          start_column = column;
          continue;
        }
      p = g_utf8_next_char (p);
      column++;
    }
  return cells;
}

GovstatsImportDoc *
govstats_import_doc_from_text (const char *text,
                               gsize       length)
{
  GovstatsImportDoc *doc = govstats_import_doc_new ();
  const char *p = text, *end = text + length;
  guint lineno = 1, page = 1;

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end)
    {
      const char *eol = p;
      gsize len;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      /* A form feed starts a page; pdftotext puts it before the page's first line. */
      while (p < eol && *p == '\f')
        {
          page++;
          p++;
        }
      len = (gsize) (eol - p);
      while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\f'))
        len--;
      if (memchr (p, '\t', len) != NULL)
        govstats_import_doc_add_cells (doc, split_cells (p, len, '\t', lineno), lineno, page);
      else if (memchr (p, '|', len) != NULL)
        govstats_import_doc_add_cells (doc, split_cells (p, len, '|', lineno), lineno, page);
      else
        govstats_import_doc_add_line (doc, p, (gssize) len, lineno, page);
      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;
      lineno++;
    }
  return doc;
}

/* ---------- input ---------- */

static GovstatsImportFormat
detect_format (const char *data,
               gsize       length,
               const char *name)
{
  gsize n = MIN (length, 4096);
  g_autofree char *head = NULL;

  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return GOVSTATS_IMPORT_FORMAT_PDF;
  if (length > 5 && memchr (data, '\0', MIN (length, 1024)) == NULL)
    {
      /* A PDF may start after a little garbage (the spec allows 1024 bytes). */
      for (gsize i = 0; i + 5 <= MIN (length, 1024); i++)
        if (memcmp (data + i, "%PDF-", 5) == 0)
          return GOVSTATS_IMPORT_FORMAT_PDF;
    }
  head = g_ascii_strdown (data, (gssize) n);
  if (strstr (head, "<html") || strstr (head, "<!doctype html") || strstr (head, "<table") ||
      strstr (head, "<body") || strstr (head, "<meta"))
    return GOVSTATS_IMPORT_FORMAT_HTML;
  if (name != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);
      if (g_str_has_suffix (lower, ".pdf"))
        return GOVSTATS_IMPORT_FORMAT_PDF;
      if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
          g_str_has_suffix (lower, ".xhtml"))
        {
          /* "page.html.txt" is text; "page.html" whose content has no tags
           * is text too, but a short HTML file without <html> still is HTML. */
          if (memchr (data, '<', n) != NULL)
            return GOVSTATS_IMPORT_FORMAT_HTML;
        }
    }
  /* Any table markup further down. */
  {
    g_autofree char *all = g_ascii_strdown (data, (gssize) MIN (length, 262144));
    if (strstr (all, "<table") && strstr (all, "<td"))
      return GOVSTATS_IMPORT_FORMAT_HTML;
  }
  return GOVSTATS_IMPORT_FORMAT_TEXT;
}

static const char *
format_name (GovstatsImportFormat format)
{
  switch (format)
    {
    case GOVSTATS_IMPORT_FORMAT_HTML: return "html";
    case GOVSTATS_IMPORT_FORMAT_PDF: return "pdf";
    case GOVSTATS_IMPORT_FORMAT_TEXT:
    case GOVSTATS_IMPORT_FORMAT_AUTO:
    default: return "text";
    }
}

/* UTF-8 as is (a BOM dropped); UTF-16 with a BOM and GB18030 (which covers
 * GBK and GB2312) converted. Sets @encoding to the name recorded in `source`. */
static char *
decode_text (const char  *data,
             gsize        length,
             const char  *name,
             const char **encoding,
             gsize       *out_length,
             GError     **error)
{
  g_autoptr(GError) local = NULL;
  char *text;
  gsize written = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      gboolean le = (guchar) data[0] == 0xFF;
      text = g_convert (data + 2, (gssize) (length - 2), "UTF-8", le ? "UTF-16LE" : "UTF-16BE",
                        NULL, &written, &local);
      if (text == NULL)
        {
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_ENCODING,
                       "%s: the file starts like UTF-16 but cannot be converted: %s", name, local->message);
          return NULL;
        }
      *encoding = le ? "UTF-16LE" : "UTF-16BE";
      *out_length = written;
      return text;
    }
  if (g_utf8_validate_len (data, length, NULL))
    {
      *encoding = "UTF-8";
      *out_length = length;
      return g_strndup (data, length);
    }
  text = g_convert (data, (gssize) length, "UTF-8", "GB18030", NULL, &written, &local);
  if (text == NULL || !g_utf8_validate_len (text, written, NULL))
    {
      g_free (text);
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_ENCODING,
                   "%s: the text is neither UTF-8 nor GB18030", name);
      return NULL;
    }
  *encoding = "GB18030";
  *out_length = written;
  return text;
}

/* The text without NUL bytes, which would end C strings early. */
static void
drop_nuls (char  *text,
           gsize *length)
{
  gsize j = 0;

  for (gsize i = 0; i < *length; i++)
    if (text[i] != '\0')
      text[j++] = text[i];
  text[j] = '\0';
  *length = j;
}

/* Builds the lines the reader works on; @text_out gets the decoded text. */
static GovstatsImportDoc *
make_doc (const char           *data,
          gsize                 length,
          GovstatsImportFormat  format,
          const char           *name,
          const char          **encoding,
          guint                *n_pages,
          GError              **error)
{
  g_autofree char *text = NULL;
  gsize text_length = 0;

  *n_pages = 0;
  if (format == GOVSTATS_IMPORT_FORMAT_PDF)
    {
      text = govstats_import_pdf_to_text (data, length, name, n_pages, error);
      if (text == NULL)
        return NULL;
      *encoding = NULL;
      return govstats_import_doc_from_text (text, strlen (text));
    }
  text = decode_text (data, length, name, encoding, &text_length, error);
  if (text == NULL)
    return NULL;
  drop_nuls (text, &text_length);
  if (format == GOVSTATS_IMPORT_FORMAT_HTML)
    return govstats_import_doc_from_html (text, text_length);
  return govstats_import_doc_from_text (text, text_length);
}

/**
 * govstats_import_can_read_pdf:
 *
 * Tells whether this build of libgovstats reads PDF files (it needs
 * poppler-glib at build time).
 *
 * Returns: %TRUE if [func@Govstats.import_file] accepts PDF files
 *
 * Since: 0.1
 */
gboolean
govstats_import_can_read_pdf (void)
{
#ifdef HAVE_POPPLER
  return TRUE;
#else
  return FALSE;
#endif
}

/**
 * govstats_import_data:
 * @data: (array length=length) (element-type guint8): the published report:
 *   text, HTML or PDF bytes
 * @length: the length of @data in bytes, or -1 if it is nul-terminated text
 * @format: the form of @data, or %GOVSTATS_IMPORT_FORMAT_AUTO to detect it
 * @name: (nullable): the file name to use in findings and in the report's
 *   `source` (also a hint for %GOVSTATS_IMPORT_FORMAT_AUTO)
 * @findings: (out) (optional) (transfer container) (element-type GovstatsFinding):
 *   return location for the import findings
 * @error: return location for a #GError
 *
 * Reads a published annual report — the statutory tables, the unit, the
 * year, the scope and the text sections — into a report.
 *
 * Every row is found by its printed label (the labels and aliases of the
 * schema), never by counting numbers. A cell that cannot be read is left
 * blank and gets a finding with its line and column: `import.missing_table`,
 * `import.missing_row`, `import.unreadable_row` (errors), `import.unknown_row`,
 * `import.orphan_numbers` (warnings), `import.tolerant_match` and
 * `import.layout_undetermined` (notes). The layout (2019 or 2021) is told
 * from the printed headers and row labels, never from the year.
 *
 * The report's `source` member records the file name, the format, the
 * SHA-256 of @data, the text encoding (UTF-8, or GB18030 converted) and a
 * confidence per table (from 0 to 1: the share of its cells that were read,
 * lowered for rows matched only by a tolerant rule).
 *
 * The findings are those of the import only; run
 * [method@Govstats.Report.check] on the report for the consistency rules.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when nothing
 *   at all could be read (%GOVSTATS_ERROR_NOTHING_IMPORTED,
 *   %GOVSTATS_ERROR_ENCODING, %GOVSTATS_ERROR_UNSUPPORTED for a PDF without
 *   poppler-glib, %GOVSTATS_ERROR_PARSE for a PDF that cannot be opened)
 *
 * Since: 0.1
 */
GovstatsReport *
govstats_import_data (const char            *data,
                      gssize                 length,
                      GovstatsImportFormat   format,
                      const char            *name,
                      GPtrArray            **findings,
                      GError               **error)
{
  g_autoptr(GovstatsImportDoc) doc = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GovstatsReport) report = NULL;
  g_autofree char *display = NULL;
  g_autofree char *digest = NULL;
  GovstatsImportStats stats = { 0 };
  const char *encoding = NULL;
  guint n_pages = 0;
  JsonObject *source;
  gsize len;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (findings)
    *findings = NULL;
  len = length < 0 ? strlen (data) : (gsize) length;
  display = g_strdup (name ? name : "(data)");
  if (format == GOVSTATS_IMPORT_FORMAT_AUTO)
    format = detect_format (data, len, name);

  doc = make_doc (data, len, format, display, &encoding, &n_pages, error);
  if (doc == NULL)
    return NULL;

  found = g_ptr_array_new_with_free_func (g_object_unref);
  stats.confidence = json_object_new ();
  report = govstats_import_read_doc (doc, display, found, &stats);
  if (stats.n_tables_found == 0)
    {
      json_object_unref (stats.confidence);
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_NOTHING_IMPORTED,
                   "%s: no table of the annual report (政府信息公开工作年度报告) was found", display);
      return NULL;
    }

  source = json_object_new ();
  if (name)
    {
      g_autofree char *base = g_path_get_basename (name);
      json_object_set_string_member (source, "file", base);
    }
  json_object_set_string_member (source, "format", format_name (format));
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  json_object_set_string_member (source, "sha256", digest);
  if (encoding)
    json_object_set_string_member (source, "encoding", encoding);
  if (n_pages > 0)
    json_object_set_int_member (source, "pages", n_pages);
  json_object_set_object_member (source, "confidence", stats.confidence);
  govstats_report_set_source (report, source);
  json_object_unref (source);
  if (encoding && !g_str_equal (encoding, "UTF-8"))
    {
      GovstatsFinding *f = govstats_finding_new_printf ("import.encoding", GOVSTATS_SEVERITY_INFO,
                                                        /* Translators: %s is an encoding, such as GB18030. */
                                                        N_("the text was in %s and has been converted to UTF-8"),
                                                        encoding);
      govstats_finding_set_outcome (f, GOVSTATS_OUTCOME_NOTE);
      govstats_finding_set_position (f, display, 0, 0);
      g_ptr_array_insert (found, 0, f);
    }

  if (findings)
    *findings = g_steal_pointer (&found);
  return g_steal_pointer (&report);
}

/**
 * govstats_import_file:
 * @filename: (type filename): a published report: `.txt`, `.html` or `.pdf`
 * @format: the form of the file, or %GOVSTATS_IMPORT_FORMAT_AUTO to detect it
 *   from the file name and the content
 * @findings: (out) (optional) (transfer container) (element-type GovstatsFinding):
 *   return location for the import findings
 * @error: return location for a #GError
 *
 * Reads a published annual report from a file. See
 * [func@Govstats.import_data] for what is read and reported.
 *
 * <!-- run: import -->
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GPtrArray) findings = NULL;
 * g_autoptr(GovstatsReport) report = govstats_import_file ("published.html", GOVSTATS_IMPORT_FORMAT_AUTO,
 *                                                          &findings, &error);
 * gint64 received;
 *
 * if (report == NULL)
 *   g_error ("%s", error->message);
 * govstats_report_get_value (report, "applications/received/total", &received);
 * g_print ("%s %d (layout %s): %" G_GINT64_FORMAT " applications\n", govstats_report_get_unit_name (report),
 *          govstats_report_get_year (report), govstats_report_get_version (report), received);
 * for (guint i = 0; i < findings->len; i++)
 *   g_print ("%s\n", govstats_finding_get_rule_id (findings->pdata[i]));
 * ```
 *
 * It prints:
 *
 * <!-- output: import -->
 * ```text
 * 示例县教育和体育局 2020 (layout 2019): 13 applications
 * import.unreadable_row
 * ```
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the
 *   file cannot be read (%GOVSTATS_ERROR_IO) or nothing at all could be
 *   imported from it
 *
 * Since: 0.1
 */
GovstatsReport *
govstats_import_file (const char            *filename,
                      GovstatsImportFormat   format,
                      GPtrArray            **findings,
                      GError               **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  GovstatsReport *report;
  gsize length = 0;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (findings)
    *findings = NULL;
  if (!g_file_get_contents (filename, &contents, &length, &local))
    {
      g_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO, "%s", local->message);
      return NULL;
    }
  report = govstats_import_data (contents, (gssize) length, format, filename, findings, error);
  if (report)
    govstats_report_set_filename (report, filename);
  return report;
}

/**
 * govstats_import_dup_text:
 * @data: (array length=length) (element-type guint8): the published report:
 *   text, HTML or PDF bytes
 * @length: the length of @data in bytes, or -1 if it is nul-terminated text
 * @format: the form of @data, or %GOVSTATS_IMPORT_FORMAT_AUTO to detect it
 * @name: (nullable): the file name, for messages and format detection
 * @error: return location for a #GError
 *
 * Gets the text the importer reads: decoded text as is; HTML with every table
 * row on one line, its cells separated by ` | `; a PDF laid out page by page
 * from its character boxes (pages separated by form feeds), as
 * `pdftotext -layout` would. The line numbers of import findings are line
 * numbers of this text (for HTML, of the HTML source).
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 *
 * Since: 0.1
 */
char *
govstats_import_dup_text (const char            *data,
                          gssize                 length,
                          GovstatsImportFormat   format,
                          const char            *name,
                          GError               **error)
{
  g_autoptr(GovstatsImportDoc) doc = NULL;
  const char *encoding = NULL;
  guint n_pages = 0;
  gsize len;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  len = length < 0 ? strlen (data) : (gsize) length;
  if (format == GOVSTATS_IMPORT_FORMAT_AUTO)
    format = detect_format (data, len, name);
  doc = make_doc (data, len, format, name ? name : "(data)", &encoding, &n_pages, error);
  if (doc == NULL)
    return NULL;
  return govstats_import_doc_to_text (doc);
}
