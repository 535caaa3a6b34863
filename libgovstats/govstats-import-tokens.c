/* govstats-import-tokens.c — characters, printed values and tokens: each line cut into text fragments and values
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "govstats-import-private.h"
#include "govstats-schema-private.h"
#include "govstats-report-private.h"
#include "govstats-error.h"
#include "govstats-finding-private.h"
#include "govstats-i18n-private.h"

/* ---------- characters and normalisation ---------- */

gboolean
govstats_import_is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

/* Han, CJK punctuation, full-width forms, curly quotes: a space between two
 * of them is an artefact of layout, not a word break. */
gboolean
govstats_import_is_cjk (gunichar c)
{
  return govstats_import_is_han (c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x2018 && c <= 0x201F) || c == 0x2014 || c == 0x2026 || c == 0x00B7;
}

gboolean
govstats_import_is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0x00A0 || c == 0x2002 || c == 0x2003 ||
         c == 0x2009 || c == 0x200B || c == 0xFEFF || c == '\f' || c == '\r' || c == '\n';
}

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == '\'' || (c >= 0x2018 && c <= 0x201F) || (c >= 0x300C && c <= 0x300F) ||
         c == 0xFF02 || c == 0xFF07 || c == 0x00AB || c == 0x00BB;
}

static gboolean
is_cn_numeral (gunichar c)
{
  switch (c)
    {
    case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94:   /* 一二三四五 */
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:   /* 六七八九十 */
    case 0x3007: case 0x96F6:                                          /* 〇零 */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Full-width ASCII to ASCII, dashes to '-'; the rest as is. */
static gunichar
fold_char (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;
  switch (c)
    {
    case 0x3000: case 0x00A0: return ' ';
    case 0x2212: case 0x2010: case 0x2011: case 0x2012: case 0x2013:
    case 0x2014: case 0x2015: case 0x2500: case 0xFE63: return '-';
    case 0x3010: case 0x3014: return '[';
    case 0x3011: case 0x3015: return ']';
    case 0x2024: case 0xFF61: return '.';
    default: return c;
    }
}

/* The length in code points of a numbering at the start of @s (folded,
 * without spaces): "(一)", "(一、", "一、", "1.", "1、", "(1)". Sets @kind to
 * 'p' (parenthesised numeral), 'c' (numeral with 、) or 'd' (digits). */
static guint
numbering_length (const gunichar *s,
                  guint           n,
                  char           *kind)
{
  guint i = 0;

  if (n >= 3 && s[0] == '(')
    {
      i = 1;
      if (is_cn_numeral (s[1]))
        {
          while (i < n && is_cn_numeral (s[i]))
            i++;
          if (i < n && (s[i] == ')' || s[i] == 0x3001 || s[i] == '.' || s[i] == ','))
            {
              *kind = 'p';
              return i + 1;
            }
        }
      else if (s[1] < 128 && g_ascii_isdigit ((char) s[1]))
        {
          while (i < n && s[i] < 128 && g_ascii_isdigit ((char) s[i]))
            i++;
          if (i < n && s[i] == ')')
            {
              *kind = 'd';
              return i + 1;
            }
        }
      return 0;
    }
  if (n >= 2 && is_cn_numeral (s[0]))
    {
      while (i < n && is_cn_numeral (s[i]))
        i++;
      if (i < n && (s[i] == 0x3001 || s[i] == '.' || s[i] == ','))
        {
          *kind = 'c';
          return i + 1;
        }
      return 0;
    }
  if (n >= 2 && s[0] < 128 && g_ascii_isdigit ((char) s[0]))
    {
      while (i < n && s[i] < 128 && g_ascii_isdigit ((char) s[i]))
        i++;
      if (i < 4 && i < n && (s[i] == '.' || s[i] == 0x3001 || s[i] == ')' || s[i] == ',') &&
          !(i + 1 < n && s[i + 1] < 128 && g_ascii_isdigit ((char) s[i + 1])))
        {
          *kind = 'd';
          return i + 1;
        }
    }
  return 0;
}

char *
govstats_import_normalize_label (const char *text)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GString *out;
  guint n, start = 0;
  char kind = 0;
  gunichar *s;

  /* Markdown: "## 一、总体情况", "**规章**". */
  while (text && (*text == '#' || *text == '>' || *text == ' '))
    text++;
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (govstats_import_is_space (c) || is_quote (c) || c == 0x200B || c == '*')
        continue;
      c = fold_char (c);
      if (c == ' ' || is_quote (c))
        continue;
      g_array_append_val (chars, c);
    }
  s = (gunichar *) chars->data;
  n = chars->len;
  out = g_string_sized_new (n * 3 + 4);
  if ((start = numbering_length (s, n, &kind)) > 0)
    {
      if (kind == 'p')
        {
          g_string_append_c (out, '(');
          for (guint i = 1; i + 1 < start; i++)
            g_string_append_unichar (out, s[i]);
          g_string_append_c (out, ')');
        }
      else if (kind == 'c')
        {
          for (guint i = 0; i + 1 < start; i++)
            g_string_append_unichar (out, s[i]);
          g_string_append (out, "、");
        }
      else
        {
          for (guint i = 0; i < start; i++)
            if (s[i] < 128 && g_ascii_isdigit ((char) s[i]))
              g_string_append_unichar (out, s[i]);
          g_string_append_c (out, '.');
        }
    }
  for (guint i = start; i < n; i++)
    g_string_append_unichar (out, s[i]);
  return g_string_free (out, FALSE);
}

/* The label without its numbering ("(一)予以公开" → "予以公开"). Works on
 * normalised labels only. */
const char *
govstats_import_skip_numbering (const char *norm)
{
  const char *p = norm;

  if (*p == '(')
    {
      const char *close = strchr (p, ')');
      if (close && close - p <= 16)
        return close + 1;
      return norm;
    }
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '.')
        return p + 1;
      return norm;
    }
  if (is_cn_numeral (g_utf8_get_char (p)))
    {
      while (*p && is_cn_numeral (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (g_str_has_prefix (p, "、"))
        return p + strlen ("、");
    }
  return norm;
}

gboolean
govstats_import_word_starts_with_numbering (const char *word)
{
  g_autofree char *norm = govstats_import_normalize_label (word);
  const char *bare = govstats_import_skip_numbering (norm);

  return bare != norm && *bare != '\0';
}

glong
govstats_import_n_chars (const char *s)
{
  return g_utf8_strlen (s, -1);
}

/* Levenshtein distance in code points, or @limit + 1 when over @limit. */
guint
govstats_import_edit_distance (const char *a,
                               const char *b,
                               guint       limit)
{
  glong na = 0, nb = 0;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &na);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &nb);
  g_autofree guint *prev = NULL, *cur = NULL;

  if ((guint) ABS (na - nb) > limit)
    return limit + 1;
  prev = g_new (guint, nb + 1);
  cur = g_new (guint, nb + 1);
  for (glong j = 0; j <= nb; j++)
    prev[j] = (guint) j;
  for (glong i = 1; i <= na; i++)
    {
      guint best = G_MAXUINT;
      cur[0] = (guint) i;
      for (glong j = 1; j <= nb; j++)
        {
          guint d = prev[j - 1] + (ua[i - 1] == ub[j - 1] ? 0 : 1);
          d = MIN (d, prev[j] + 1);
          d = MIN (d, cur[j - 1] + 1);
          cur[j] = d;
          best = MIN (best, d);
        }
      if (best > limit)
        return limit + 1;
      memcpy (prev, cur, sizeof (guint) * (nb + 1));
    }
  return prev[nb];
}

/* ---------- values ---------- */

static void
value_clear (Value *v)
{
  g_clear_pointer (&v->number, g_free);
  g_clear_pointer (&v->unit, g_free);
  g_clear_pointer (&v->note, g_free);
}

static const char * const value_units[] = { "万元", "元", "件", "个", "项", "条", "次", NULL };

/* Reads a printed cell: "12", "+14", "-3", "−3", "增3", "减3", "4068.208",
 * "3,985,758", "251000元", "22（其中修订 16 件）"; "—", "-", "/" and an
 * empty cell are blank. FALSE for anything else. */
static gboolean
parse_value (const char *raw,
             Value      *v)
{
  g_autoptr(GString) f = g_string_new (NULL);
  g_autoptr(GString) num = g_string_new (NULL);
  const char *p, *end;
  gboolean negative = FALSE, any = FALSE;

  memset (v, 0, sizeof *v);
  for (p = raw; *p; p = g_utf8_next_char (p))
    {
      gunichar c = fold_char (g_utf8_get_char (p));
      g_string_append_unichar (f, c);
    }
  g_strstrip (f->str);
  g_string_set_size (f, strlen (f->str));
  if (f->len == 0)
    {
      v->blank = TRUE;
      return TRUE;
    }
  if (f->len <= 3 && strspn (f->str, "-/\\") == f->len)
    {
      v->blank = TRUE;
      return TRUE;
    }
  p = f->str;
  end = f->str + f->len;
  if (*p == '+' || *p == '-')
    {
      negative = *p == '-';
      p++;
    }
  else if (g_str_has_prefix (p, "增加") || g_str_has_prefix (p, "减少"))
    {
      negative = g_str_has_prefix (p, "减");
      p += strlen ("增加");
    }
  else if (g_str_has_prefix (p, "增") || g_str_has_prefix (p, "减"))
    {
      negative = g_str_has_prefix (p, "减");
      p += strlen ("增");
    }
  while (p < end && *p == ' ')
    p++;
  while (p < end && g_ascii_isdigit (*p))
    {
      g_string_append_c (num, *p++);
      any = TRUE;
      /* Thousands separators: exactly three digits after each comma. */
      if (p + 3 < end + 0 && *p == ',' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
          g_ascii_isdigit (p[3]) && (p + 4 >= end || !g_ascii_isdigit (p[4])))
        p++;
      else if (p + 3 == end && *p == ',' )
        break;
    }
  if (!any)
    return FALSE;
  if (p < end && *p == '.')
    {
      if (p + 1 >= end || !g_ascii_isdigit (p[1]))
        return FALSE;
      g_string_append_c (num, *p++);
      while (p < end && g_ascii_isdigit (*p))
        g_string_append_c (num, *p++);
    }
  while (p < end && *p == ' ')
    p++;
  for (guint i = 0; value_units[i]; i++)
    if (g_str_has_prefix (p, value_units[i]))
      {
        v->unit = g_strdup (value_units[i]);
        p += strlen (value_units[i]);
        break;
      }
  while (p < end && *p == ' ')
    p++;
  if (p < end && *p == '(')
    {
      const char *close = end - 1;
      if (*close != ')')
        {
          value_clear (v);
          return FALSE;
        }
      v->note = g_strstrip (g_strndup (p + 1, (gsize) (close - p - 1)));
      p = end;
    }
  if (p != end)
    {
      value_clear (v);
      return FALSE;
    }
  v->number = g_strdup_printf ("%s%s", negative ? "-" : "", num->str);
  return TRUE;
}

/* ---------- tokens ---------- */

static void
tok_free (gpointer data)
{
  Tok *t = data;

  g_free (t->raw);
  g_free (t->norm);
  value_clear (&t->value);
  g_free (t);
}

static void
line_free (gpointer data)
{
  Line *l = data;

  g_ptr_array_unref (l->toks);
  g_free (l->norm);
  g_free (l);
}

typedef struct {
  const char *start;
  const char *end;
  int         x;
  int         x_end;
} Word;

static gboolean
is_paren_only (const char *text)
{
  g_autofree char *norm = govstats_import_normalize_label (text);
  gsize n = strlen (norm);

  return n >= 2 && norm[0] == '(' && norm[n - 1] == ')';
}

static Tok *
tok_new_text (const char *raw,
              int         x,
              int         x_end,
              guint       lineno,
              guint       column)
{
  Tok *t = g_new0 (Tok, 1);

  t->kind = TOK_TEXT;
  t->raw = g_strdup (raw);
  t->norm = govstats_import_normalize_label (raw);
  t->x = x;
  t->x_end = x_end;
  t->lineno = lineno;
  t->column = column;
  t->partial = -1;
  return t;
}

/* Words of a chunk become tokens: numbers alone, text words joined (no space
 * between two CJK characters), a text word that starts a numbering starts a
 * new token, and "(…)" right after a number is its note. */
static void
tokenize_chunk (GArray     *words,
                guint       lineno,
                GPtrArray  *toks)
{
  Tok *text = NULL;
  GString *acc = NULL;
  Tok *last_value = NULL;

  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);
      g_autofree char *word = g_strndup (w->start, (gsize) (w->end - w->start));
      Value v;
      gboolean numbering_next = FALSE;

      if (i + 1 < words->len)
        {
          Word *n = &g_array_index (words, Word, i + 1);
          gunichar c = g_utf8_get_char (n->start);
          /* "1 .属于国家秘密": a number before "." or "、" is a numbering. */
          numbering_next = c == '.' || c == 0x3001 || c == 0xFF0E;
        }
      if (!numbering_next && parse_value (word, &v))
        {
          Tok *t = g_new0 (Tok, 1);
          t->kind = v.blank ? TOK_BLANK : TOK_VALUE;
          t->raw = g_strdup (word);
          t->value = v;
          t->x = w->x;
          t->x_end = w->x_end;
          t->lineno = lineno;
          t->column = (guint) w->x + 1;
          t->partial = -1;
          g_ptr_array_add (toks, t);
          if (acc)
            {
              g_free (text->raw);
              text->raw = g_string_free (acc, FALSE);
              g_free (text->norm);
              text->norm = govstats_import_normalize_label (text->raw);
              acc = NULL;
            }
          text = NULL;
          last_value = t->kind == TOK_VALUE ? t : NULL;
          continue;
        }
      if (last_value && last_value->value.note == NULL && is_paren_only (word))
        {
          g_autofree char *joined = g_strdup_printf ("%s %s", last_value->raw, word);
          Value nv;
          if (parse_value (joined, &nv))
            {
              value_clear (&last_value->value);
              last_value->value = nv;
              g_free (last_value->raw);
              last_value->raw = g_steal_pointer (&joined);
              last_value->x_end = w->x_end;
              last_value = NULL;
              continue;
            }
        }
      last_value = NULL;
      if (text && !govstats_import_word_starts_with_numbering (word))
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (acc->str + acc->len));
          gunichar after = g_utf8_get_char (word);
          if (!(govstats_import_is_cjk (before) && govstats_import_is_cjk (after)))
            g_string_append_c (acc, ' ');
          g_string_append (acc, word);
          text->x_end = w->x_end;
          continue;
        }
      if (acc)
        {
          g_free (text->raw);
          text->raw = g_string_free (acc, FALSE);
          g_free (text->norm);
          text->norm = govstats_import_normalize_label (text->raw);
        }
      text = tok_new_text (word, w->x, w->x_end, lineno, (guint) w->x + 1);
      acc = g_string_new (word);
      g_ptr_array_add (toks, text);
    }
  if (acc)
    {
      g_free (text->raw);
      text->raw = g_string_free (acc, FALSE);
      g_free (text->norm);
      text->norm = govstats_import_normalize_label (text->raw);
    }
}

/* A line of running text: chunks at runs of two or more spaces, words at
 * single spaces outside parentheses. */
static void
tokenize_text_line (const char *text,
                    guint       lineno,
                    GPtrArray  *toks)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;
  int x = 0, depth = 0;
  Word cur = { NULL, NULL, 0, 0 };

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (govstats_import_is_space (c))
        {
          const char *q = p;
          int n = 0;
          while (*q && govstats_import_is_space (g_utf8_get_char (q)))
            {
              q = g_utf8_next_char (q);
              n++;
            }
          if (cur.start)
            {
              if (n >= 2 || *q == '\0')
                {
                  g_array_append_val (words, cur);
                  tokenize_chunk (words, lineno, toks);
                  g_array_set_size (words, 0);
                  cur.start = NULL;
                  depth = 0;
                }
              else if (depth == 0)
                {
                  g_array_append_val (words, cur);
                  cur.start = NULL;
                }
            }
          p = q;
          x += n;
          continue;
        }
      if (cur.start == NULL)
        {
          cur.start = p;
          cur.x = x;
        }
      if (c == '(' || c == 0xFF08)
        depth++;
      else if ((c == ')' || c == 0xFF09) && depth > 0)
        depth--;
      p = g_utf8_next_char (p);
      x++;
      cur.end = p;
      cur.x_end = x;
    }
  if (cur.start)
    g_array_append_val (words, cur);
  if (words->len > 0)
    tokenize_chunk (words, lineno, toks);
}

static void
tokenize_cells (GPtrArray *cells,
                GPtrArray *toks)
{
  int x = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      GovstatsImportCell *cell = cells->pdata[i];
      Value v;
      Tok *t;

      if (parse_value (cell->text, &v))
        {
          t = g_new0 (Tok, 1);
          t->kind = v.blank ? TOK_BLANK : TOK_VALUE;
          t->raw = g_strdup (cell->text);
          t->value = v;
          t->partial = -1;
          t->empty_cell = cell->text[0] == '\0';
        }
      else
        t = tok_new_text (cell->text, 0, 0, 0, 0);
      t->x = x;
      t->x_end = x + (int) cell->colspan;
      t->lineno = cell->lineno;
      t->column = cell->column;
      g_ptr_array_add (toks, t);
      /* A cell spanning several columns: its other columns are marked by
       * empty placeholders that cannot be read as blanks. */
      for (guint k = 1; k < cell->colspan; k++)
        {
          Tok *span = tok_new_text ("", x + (int) k, x + (int) k + 1, cell->lineno, cell->column);
          g_free (span->norm);
          span->norm = g_strdup ("");
          span->label_span = t->kind == TOK_TEXT;
          g_ptr_array_add (toks, span);
        }
      x += (int) cell->colspan;
    }
}

static gboolean
is_page_number (const char *text)
{
  g_autofree char *norm = govstats_import_normalize_label (text);
  const char *p = norm;

  if (*p == '\0')
    return FALSE;
  /* -3-, — 3 —, －3－ */
  if (*p == '-')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      return g_str_equal (p, "-");
    }
  /* 第3页, 第3页共6页, 第3页/共6页 */
  if (g_str_has_prefix (p, "第"))
    {
      p += strlen ("第");
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (!g_str_has_prefix (p, "页"))
        return FALSE;
      p += strlen ("页");
      if (*p == '\0')
        return TRUE;
      if (*p == ',' || *p == '/' || g_str_has_prefix (p, "，"))
        p = g_utf8_next_char (p);
      if (!g_str_has_prefix (p, "共"))
        return FALSE;
      p += strlen ("共");
      while (g_ascii_isdigit (*p))
        p++;
      return g_str_equal (p, "页");
    }
  /* 3/6 */
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      if (*p != '/')
        return FALSE;
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      return *p == '\0';
    }
  return FALSE;
}

GPtrArray *
govstats_import_tokenize_doc (GovstatsImportDoc *doc)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
  guint seg = 0, ord = 0, page = 0;

  for (guint i = 0; i < doc->lines->len; i++)
    {
      GovstatsImportLine *src = doc->lines->pdata[i];
      Line *l = g_new0 (Line, 1);
      GString *norm = g_string_new (NULL);

      l->src = src;
      l->toks = g_ptr_array_new_with_free_func (tok_free);
      if (src->page != page)
        {
          page = src->page;
          seg++;
        }
      if (src->cells)
        {
          l->explicit = TRUE;
          tokenize_cells (src->cells, l->toks);
        }
      else if (is_page_number (src->text))
        {
          l->pagenum = TRUE;
          seg++;
        }
      else
        tokenize_text_line (src->text, src->lineno, l->toks);
      for (guint k = 0; k < l->toks->len; k++)
        {
          Tok *t = l->toks->pdata[k];
          if (t->kind == TOK_TEXT)
            {
              g_string_append (norm, t->norm);
              if (t->norm[0] != '\0')
                l->n_text++;
            }
          else if (!t->empty_cell)
            l->n_values++;
        }
      l->norm = g_string_free (norm, FALSE);
      l->content = !l->pagenum && (l->n_text > 0 || l->n_values > 0);
      l->seg = seg;
      l->ord = l->content ? ++ord : ord;
      g_ptr_array_add (lines, l);
    }
  return lines;
}
