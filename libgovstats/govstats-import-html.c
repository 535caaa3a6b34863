/* govstats-import-html.c — HTML pages into lines and cells
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A small tolerant tag scanner, enough for the pages government sites
 * publish: every <tr> becomes one line of cells (<td>/<th>, with colspan;
 * <br> inside a cell joins its lines), everything else lines of text broken
 * at block elements. Entities are decoded; scripts, styles and comments are
 * skipped. Positions are lines and columns of the HTML source.
 */
#include "config.h"

#include <string.h>

#include "govstats-import-private.h"

typedef struct {
  const char *p;
  const char *end;
  guint       lineno;
  guint       column;
} Scan;

static void
advance (Scan *s)
{
  if (s->p >= s->end)
    return;
  if (*s->p == '\n')
    {
      s->lineno++;
      s->column = 1;
      s->p++;
      return;
    }
  s->p = g_utf8_next_char (s->p);
  if (s->p > s->end)
    s->p = s->end;
  s->column++;
}

static void
advance_to (Scan       *s,
            const char *target)
{
  while (s->p < target)
    advance (s);
}

static const struct {
  const char *name;
  gunichar    c;
} entities[] = {
  { "nbsp", 0x00A0 }, { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 }, { "mdash", 0x2014 }, { "ndash", 0x2013 },
  { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "middot", 0x00B7 },
  { "times", 0x00D7 }, { "hellip", 0x2026 }, { "minus", 0x2212 }, { "yen", 0x00A5 }, { "copy", 0x00A9 },
  { "deg", 0x00B0 }, { "plusmn", 0x00B1 }, { "bull", 0x2022 }, { "zwj", 0x200D }, { "zwnj", 0x200C },
};

/* Decodes the entity at @p ('&'); appends it to @out and returns the length
 * consumed, or 0 if it is not an entity. */
static gsize
decode_entity (const char *p,
               const char *end,
               GString    *out)
{
  const char *q = p + 1;
  gunichar c = 0;

  if (q < end && *q == '#')
    {
      gboolean hex = FALSE;
      guint64 v = 0;
      const char *start;
      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          hex = TRUE;
          q++;
        }
      start = q;
      while (q < end && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)) && q - start < 8)
        {
          v = v * (hex ? 16 : 10) + (guint64) (hex ? g_ascii_xdigit_value (*q) : *q - '0');
          q++;
        }
      if (q == start)
        return 0;
      c = (gunichar) v;
      if (c == 0 || !g_unichar_validate (c))
        c = 0xFFFD;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
        {
          gsize n = strlen (entities[i].name);
          if ((gsize) (end - q) >= n && strncmp (q, entities[i].name, n) == 0)
            {
              c = entities[i].c;
              q += n;
              break;
            }
        }
      if (c == 0)
        return 0;
    }
  if (q < end && *q == ';')
    q++;
  g_string_append_unichar (out, c);
  return (gsize) (q - p);
}

static gboolean
is_block (const char *tag)
{
  static const char * const blocks[] = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
    "header", "footer", "table", "title", "blockquote", "pre", "dd", "dt", "dl", "hr", "caption",
    "tbody", "thead", "tfoot", "form", "nav", "aside", "main", "center", "address", "figure", NULL
  };
  return g_strv_contains (blocks, tag);
}

typedef struct {
  GString   *text;         /* the cell's text */
  guint      lineno, column;
  guint      colspan;
} OpenCell;

typedef struct {
  GovstatsImportDoc *doc;
  GString   *line;          /* running text outside tables */
  guint      line_lineno, line_column;
  int        table_depth;
  GPtrArray *row;           /* GovstatsImportCell of the open row, or NULL */
  guint      row_lineno;
  OpenCell   cell;
  gboolean   in_cell;
} Builder;

/* Collapses whitespace; a line break between two CJK characters vanishes. */
static char *
clean_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE, newline = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\n')
        {
          newline = TRUE;
          continue;
        }
      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x3000)
        {
          space = TRUE;
          continue;
        }
      if ((space || newline) && out->len > 0)
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (out->str + out->len));
          gboolean cjk = g_unichar_iswide (before) && g_unichar_iswide (c);
          if (space || !cjk)
            g_string_append_c (out, ' ');
        }
      space = newline = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
flush_line (Builder *b)
{
  g_autofree char *text = NULL;

  if (b->line->len == 0)
    return;
  text = clean_text (b->line->str);
  if (*text)
    {
      /* Keep the source column of the text for positions: pad with spaces
       * would mislead column reading, so the text goes as is. */
      govstats_import_doc_add_line (b->doc, text, -1, b->line_lineno, 1);
    }
  g_string_truncate (b->line, 0);
}

static void
close_cell (Builder *b)
{
  g_autofree char *text = NULL;

  if (!b->in_cell)
    return;
  b->in_cell = FALSE;
  text = clean_text (b->cell.text->str);
  g_string_free (b->cell.text, TRUE);
  b->cell.text = NULL;
  if (b->row == NULL)
    {
      b->row = g_ptr_array_new_with_free_func (govstats_import_cell_free);
      b->row_lineno = b->cell.lineno;
    }
  g_ptr_array_add (b->row, govstats_import_cell_new (text, b->cell.lineno, b->cell.column, b->cell.colspan));
}

static void
close_row (Builder *b)
{
  close_cell (b);
  if (b->row == NULL)
    return;
  if (b->row->len > 0)
    govstats_import_doc_add_cells (b->doc, g_steal_pointer (&b->row), b->row_lineno, 1);
  g_clear_pointer (&b->row, g_ptr_array_unref);
}

/* The value of a numeric attribute (colspan="2", colspan=2), 1 if absent. */
static guint
attr_uint (const char *attrs,
           const char *name)
{
  gsize n = strlen (name);
  guint64 value = 1;

  for (const char *p = attrs; *p; p++)
    {
      const char *q;
      if (g_ascii_strncasecmp (p, name, n) != 0 || (p > attrs && g_ascii_isalnum (p[-1])))
        continue;
      q = p + n;
      while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
        q++;
      if (*q != '=')
        continue;
      q++;
      while (*q == ' ' || *q == '"' || *q == '\'' || *q == '\t')
        q++;
      if (!g_ascii_isdigit (*q))
        break;
      value = 0;
      while (g_ascii_isdigit (*q) && value < 1000)
        value = value * 10 + (guint64) (*q++ - '0');
      break;
    }
  return (guint) CLAMP (value, 1, 64);
}

static void
append_text (Builder    *b,
             Scan       *s,
             const char *text,
             gsize       len)
{
  if (b->in_cell)
    g_string_append_len (b->cell.text, text, (gssize) len);
  else if (b->table_depth > 0 && b->row != NULL)
    {
      /* Text between cells: part of no cell. */
    }
  else
    {
      if (b->line->len == 0)
        {
          b->line_lineno = s->lineno;
          b->line_column = s->column;
        }
      g_string_append_len (b->line, text, (gssize) len);
    }
}

/* Skips the content of an element whose text is not the page's (script,
 * style, …), up to and past its closing tag. */
static void
skip_element_body (Scan       *s,
                   const char *tag)
{
  g_autofree char *close_tag = g_strdup_printf ("</%s", tag);
  const char *p = s->p;
  const char *found = NULL;

  while (p < s->end)
    {
      const char *lt = memchr (p, '<', (gsize) (s->end - p));
      if (lt == NULL)
        break;
      if ((gsize) (s->end - lt) >= strlen (close_tag) &&
          g_ascii_strncasecmp (lt, close_tag, strlen (close_tag)) == 0)
        {
          found = lt;
          break;
        }
      p = lt + 1;
    }
  if (found)
    {
      const char *close = memchr (found, '>', (gsize) (s->end - found));
      advance_to (s, close ? close + 1 : s->end);
    }
  else
    advance_to (s, s->end);
}

/* The `>` that ends a tag whose attributes start at @q, quotes respected;
 * @end when there is none. */
static const char *
tag_end (const char *q,
         const char *end)
{
  char quote = 0;

  while (q < end && (quote || *q != '>'))
    {
      if (quote && *q == quote)
        quote = 0;
      else if (!quote && (*q == '"' || *q == '\''))
        quote = *q;
      q++;
    }
  return q;
}

/* What a tag does to the lines and tables being built. */
static void
apply_tag (Builder    *b,
           const char *tag,
           gboolean    closing,
           const char *attrs,
           guint       tag_lineno,
           guint       tag_column)
{
  if (g_str_equal (tag, "table"))
    {
      if (closing)
        {
          close_row (b);
          if (b->table_depth > 0)
            b->table_depth--;
        }
      else
        {
          close_row (b);
          flush_line (b);
          b->table_depth++;
        }
      return;
    }
  if (b->table_depth > 0 && g_str_equal (tag, "tr"))
    {
      close_row (b);
      if (!closing)
        b->row_lineno = tag_lineno;
      return;
    }
  if (b->table_depth > 0 && (g_str_equal (tag, "td") || g_str_equal (tag, "th")))
    {
      close_cell (b);
      if (!closing)
        {
          b->in_cell = TRUE;
          b->cell.text = g_string_new (NULL);
          b->cell.lineno = tag_lineno;
          b->cell.column = tag_column;
          b->cell.colspan = attr_uint (attrs, "colspan");
        }
      return;
    }
  if (g_str_equal (tag, "br") || (b->in_cell && is_block (tag)))
    {
      if (b->in_cell)
        g_string_append_c (b->cell.text, '\n');
      else if (b->table_depth == 0 || b->row == NULL)
        flush_line (b);
      return;
    }
  if (is_block (tag) && !b->in_cell)
    flush_line (b);
  else if (!b->in_cell && (g_str_equal (tag, "td") || g_str_equal (tag, "th")))
    flush_line (b);
}

/* Reads the tag (or comment, or declaration) at s->p. */
static void
read_tag (Builder *b,
          Scan    *s)
{
  const char *q = s->p + 1;
  gboolean closing = FALSE;
  g_autofree char *tag = NULL;
  const char *name_start, *gt;
  g_autofree char *attrs = NULL;
  guint tag_lineno = s->lineno, tag_column = s->column;

  if ((gsize) (s->end - s->p) >= 4 && strncmp (s->p, "<!--", 4) == 0)
    {
      const char *close = g_strstr_len (s->p + 4, s->end - s->p - 4, "-->");
      advance_to (s, close ? close + 3 : s->end);
      return;
    }
  if (q < s->end && (*q == '!' || *q == '?'))
    {
      const char *close = memchr (q, '>', (gsize) (s->end - q));
      advance_to (s, close ? close + 1 : s->end);
      return;
    }
  if (q < s->end && *q == '/')
    {
      closing = TRUE;
      q++;
    }
  name_start = q;
  while (q < s->end && (g_ascii_isalnum (*q) || *q == '-' || *q == ':'))
    q++;
  if (q == name_start)
    {
      /* A lone '<' is text. */
      append_text (b, s, "<", 1);
      advance (s);
      return;
    }
  tag = g_ascii_strdown (name_start, q - name_start);
  gt = tag_end (q, s->end);
  attrs = g_strndup (q, (gsize) (gt - q));
  advance_to (s, gt < s->end ? gt + 1 : s->end);

  if (!closing && (g_str_equal (tag, "script") || g_str_equal (tag, "style") ||
                   g_str_equal (tag, "noscript") || g_str_equal (tag, "template")))
    skip_element_body (s, tag);
  else
    apply_tag (b, tag, closing, attrs, tag_lineno, tag_column);
}

GovstatsImportDoc *
govstats_import_doc_from_html (const char *html,
                               gsize       length)
{
  Builder b = { 0 };
  Scan s = { html, html + length, 1, 1 };

  b.doc = govstats_import_doc_new ();
  b.line = g_string_new (NULL);

  while (s.p < s.end)
    {
      if (*s.p == '<')
        {
          read_tag (&b, &s);
          continue;
        }

      if (*s.p == '&')
        {
          g_autoptr(GString) decoded = g_string_new (NULL);
          gsize n = decode_entity (s.p, s.end, decoded);
          if (n > 0)
            {
              append_text (&b, &s, decoded->str, decoded->len);
              advance_to (&s, s.p + n);
              continue;
            }
        }
      {
        const char *start = s.p;
        advance (&s);
        append_text (&b, &s, start, (gsize) (s.p - start));
      }
    }
  close_row (&b);
  flush_line (&b);
  if (b.in_cell && b.cell.text)
    g_string_free (b.cell.text, TRUE);
  g_string_free (b.line, TRUE);
  return b.doc;
}
