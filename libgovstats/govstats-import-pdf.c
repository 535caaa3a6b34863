/* govstats-import-pdf.c — the text of a PDF, laid out from character boxes
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * poppler-glib gives the text of a page in reading order and a box for each
 * of its characters. Reading order breaks tables apart (a column of numbers
 * comes out before its labels), so the page is laid out again the way
 * `pdftotext -layout` does it: characters grouped into lines by the middle
 * of their boxes, ordered by x, and placed at the column x / (half the width
 * of a CJK character). Cells of one line then stand apart by two spaces or
 * more and keep their columns from line to line, which is what the table
 * reader expects of layout text.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "govstats-import-private.h"
#include "govstats-error.h"
#include "govstats-i18n-private.h"

#ifdef HAVE_POPPLER
#include <poppler.h>

typedef struct {
  gunichar c;
  double   x1, y1, x2, y2;
} Glyph;

typedef struct {
  double  yc;        /* mean middle of the boxes */
  GArray *glyphs;    /* Glyph */
} PdfLine;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *values,
        double  fallback)
{
  if (values->len == 0)
    return fallback;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static int
compare_glyph_y (gconstpointer a,
                 gconstpointer b)
{
  const Glyph *g = a, *h = b;
  double yg = (g->y1 + g->y2) / 2, yh = (h->y1 + h->y2) / 2;

  if (yg != yh)
    return (yg > yh) - (yg < yh);
  return (g->x1 > h->x1) - (g->x1 < h->x1);
}

static int
compare_glyph_x (gconstpointer a,
                 gconstpointer b)
{
  const Glyph *g = a, *h = b;
  return (g->x1 > h->x1) - (g->x1 < h->x1);
}

static void
layout_page (GArray  *glyphs,
             GString *out)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_widths = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  double cw, hs;

  if (glyphs->len == 0)
    return;
  for (guint i = 0; i < glyphs->len; i++)
    {
      Glyph *g = &g_array_index (glyphs, Glyph, i);
      double w = g->x2 - g->x1, h = g->y2 - g->y1;
      if (w > 0 && g_unichar_iswide (g->c))
        g_array_append_val (widths, w);
      if (w > 0)
        g_array_append_val (all_widths, w);
      if (h > 0)
        g_array_append_val (heights, h);
    }
  /* A column is half a CJK character, as wide as a digit or so. */
  cw = median (widths, 2 * median (all_widths, 5.0)) / 2;
  if (cw <= 0.5)
    cw = 5.0;
  hs = median (heights, 10.0);

  g_array_sort (glyphs, compare_glyph_y);
  for (guint i = 0; i < glyphs->len; i++)
    {
      Glyph *g = &g_array_index (glyphs, Glyph, i);
      double yc = (g->y1 + g->y2) / 2;
      PdfLine *line = lines->len ? lines->pdata[lines->len - 1] : NULL;

      if (line == NULL || fabs (yc - line->yc) >= 0.45 * hs)
        {
          line = g_new0 (PdfLine, 1);
          line->glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
          line->yc = yc;
          g_ptr_array_add (lines, line);
        }
      else
        line->yc = (line->yc * line->glyphs->len + yc) / (line->glyphs->len + 1);
      g_array_append_val (line->glyphs, *g);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = lines->pdata[i];
      long col = 0;
      double prev_x2 = 0, prev_x1 = -1;
      gunichar prev_c = 0;
      gboolean first = TRUE;

      g_array_sort (line->glyphs, compare_glyph_x);
      for (guint k = 0; k < line->glyphs->len; k++)
        {
          Glyph *g = &g_array_index (line->glyphs, Glyph, k);
          long target = lround (g->x1 / cw);
          long n;

          /* Bold faked by printing twice. */
          if (!first && g->c == prev_c && fabs (g->x1 - prev_x1) < 0.2 * cw)
            continue;
          if (first)
            n = MAX (target, 0);
          else
            {
              double gap = g->x1 - prev_x2;
              if (gap < 0.35 * cw)
                n = 0;
              else if (gap < 1.6 * cw)
                n = 1;
              else
                n = MAX (2, target - col);
            }
          for (long s = 0; s < n; s++)
            g_string_append_c (out, ' ');
          col += n;
          g_string_append_unichar (out, g->c);
          col++;
          prev_x2 = g->x2;
          prev_x1 = g->x1;
          prev_c = g->c;
          first = FALSE;
        }
      g_string_append_c (out, '\n');
      g_array_unref (line->glyphs);
      g_free (line);
    }
}
#endif

char *
govstats_import_pdf_to_text (const char *data,
                             gsize       length,
                             const char *name,
                             guint      *n_pages,
                             GError    **error)
{
#ifdef HAVE_POPPLER
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) local = NULL;
  PopplerDocument *doc = NULL;
  GString *out = g_string_new (NULL);
  guint total = 0;
  int n;

  doc = poppler_document_new_from_bytes (bytes, NULL, &local);
  if (doc == NULL)
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_PARSE, "%s: the PDF cannot be opened: %s", name,
                   local ? local->message : "unknown error");
      g_string_free (out, TRUE);
      return NULL;
    }
  n = poppler_document_get_n_pages (doc);
  *n_pages = (guint) MAX (n, 0);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = NULL;
      g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
      PopplerRectangle *rects = NULL;
      guint n_rects = 0, k = 0;

      if (i > 0)
        g_string_append_c (out, '\f');
      if (page == NULL)
        continue;
      text = poppler_page_get_text (page);
      if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
        {
          g_object_unref (page);
          continue;
        }
      /* One box per character of the text, in the same order. */
      for (const char *p = text; *p && k < n_rects; p = g_utf8_next_char (p), k++)
        {
          gunichar c = g_utf8_get_char (p);
          Glyph g;
          if (g_unichar_isspace (c) || c == 0x3000 || c == 0xFFFD || !g_unichar_isprint (c))
            continue;
          g.c = c;
          g.x1 = MIN (rects[k].x1, rects[k].x2);
          g.x2 = MAX (rects[k].x1, rects[k].x2);
          g.y1 = MIN (rects[k].y1, rects[k].y2);
          g.y2 = MAX (rects[k].y1, rects[k].y2);
          g_array_append_val (glyphs, g);
        }
      g_free (rects);
      g_object_unref (page);
      total += glyphs->len;
      layout_page (glyphs, out);
    }
  g_object_unref (doc);
  if (total == 0)
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_NOTHING_IMPORTED,
                   "%s: the PDF has no text layer (a scanned image?): nothing can be read without OCR", name);
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
#else
  govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNSUPPORTED,
               "%s: this libgovstats was built without poppler-glib and cannot read PDF files", name);
  *n_pages = 0;
  return NULL;
#endif
}
