/* govstats-import-text.c — the table reader: rows anchored by their labels
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Works on a GovstatsImportDoc (lines, some split into cells) and nothing
 * else; every statutory row, column and label comes from the schema data.
 *
 *  1. Tokens: each line becomes text fragments and values with their column
 *     (code points, as `pdftotext -layout` counts them) or cell index.
 *  2. Layout: 2019 or 2021, from the labels only one of the two prints.
 *  3. Regions: section headings and table titles delimit each table.
 *  4. Labels: fragments are joined into labels across lines while the join
 *     stays a prefix of some label of the table (this is how a label broken
 *     over lines, or interleaved with a vertical group label, is put back
 *     together); group labels, printed group labels and header words are
 *     recognised and set aside.
 *  5. Numbers: in line forms (layout text, cells) the numbers of a line go to
 *     the label on that line, or to the label just above still without
 *     numbers; in reading-order text (one value per line) the runs of values
 *     are cut into rows (row-major, or column-major blocks) and paired with
 *     the printed rows in table order.
 *  6. A row with too few or too many numbers is never shifted: its cells stay
 *     blank and a finding says so, unless the column positions of layout text
 *     tell which cells are blank.
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

/* A row matched by a tolerant rule counts this much of a cell read. */
#define TOLERANT_WEIGHT 0.8
/* Lines (with text) a label may span, and a number line may trail its label. */
#define LABEL_WINDOW 3
#define NUMBER_WINDOW 2

/* ---------- characters and normalisation ---------- */

static gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

/* Han, CJK punctuation, full-width forms, curly quotes: a space between two
 * of them is an artefact of layout, not a word break. */
static gboolean
is_cjk (gunichar c)
{
  return is_han (c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x2018 && c <= 0x201F) || c == 0x2014 || c == 0x2026 || c == 0x00B7;
}

static gboolean
is_space (gunichar c)
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

      if (is_space (c) || is_quote (c) || c == 0x200B || c == '*')
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
static const char *
skip_numbering (const char *norm)
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

static gboolean
word_starts_with_numbering (const char *word)
{
  g_autofree char *norm = govstats_import_normalize_label (word);
  const char *bare = skip_numbering (norm);

  return bare != norm && *bare != '\0';
}

static glong
n_chars (const char *s)
{
  return g_utf8_strlen (s, -1);
}

/* Levenshtein distance in code points, or @limit + 1 when over @limit. */
static guint
edit_distance (const char *a,
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

typedef struct {
  char    *number;   /* ASCII decimal: "12", "-3", "4068.208" */
  char    *unit;
  char    *note;
  gboolean blank;
} Value;

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

static void
tok_free (gpointer data)
{
  Tok *t = data;

  g_free (t->raw);
  g_free (t->norm);
  value_clear (&t->value);
  g_free (t);
}

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
      if (text && !word_starts_with_numbering (word))
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (acc->str + acc->len));
          gunichar after = g_utf8_get_char (word);
          if (!(is_cjk (before) && is_cjk (after)))
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

      if (is_space (c))
        {
          const char *q = p;
          int n = 0;
          while (*q && is_space (g_utf8_get_char (q)))
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

static GPtrArray *
tokenize_doc (GovstatsImportDoc *doc)
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

/* ---------- the schema, as the reader needs it ---------- */

typedef enum {
  ENTRY_ROW,     /* a row with cells (a leaf, or a group that keeps legacy cells) */
  ENTRY_GROUP,   /* a label without numbers: a group row, a printed group */
} EntryKind;

typedef struct {
  EntryKind   kind;
  int         row;      /* schema row index; -1 for a printed group */
  char       *norm;
  const char *bare;     /* into norm */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->norm);
  g_free (e);
}

typedef struct {
  const GovstatsSchemaTable *table;
  guint      index;
  GPtrArray *entries;       /* Entry */
  GPtrArray *header;        /* char *: column labels and aliases, groups, headers, note */
  GPtrArray *titles;        /* char *: the title and its aliases */
  guint      n_cols;
  GArray    *cell_rows;     /* int: rows with cells, in table order */
} TableInfo;

static void
table_info_free (gpointer data)
{
  TableInfo *ti = data;

  g_ptr_array_unref (ti->entries);
  g_ptr_array_unref (ti->header);
  g_ptr_array_unref (ti->titles);
  g_array_unref (ti->cell_rows);
  g_free (ti);
}

static void
add_entry (TableInfo  *ti,
           EntryKind   kind,
           int         row,
           const char *label)
{
  Entry *e;

  if (label == NULL || *label == '\0')
    return;
  e = g_new0 (Entry, 1);
  e->kind = kind;
  e->row = row;
  e->norm = govstats_import_normalize_label (label);
  e->bare = skip_numbering (e->norm);
  g_ptr_array_add (ti->entries, e);
}

static void
add_string (GPtrArray  *array,
            const char *text)
{
  if (text && *text)
    g_ptr_array_add (array, govstats_import_normalize_label (text));
}

static TableInfo *
table_info_new (GovstatsSchema *schema,
                guint           index)
{
  const GovstatsSchemaTable *table = govstats_schema_table_at (schema, index);
  TableInfo *ti = g_new0 (TableInfo, 1);

  ti->table = table;
  ti->index = index;
  ti->entries = g_ptr_array_new_with_free_func (entry_free);
  ti->header = g_ptr_array_new_with_free_func (g_free);
  ti->titles = g_ptr_array_new_with_free_func (g_free);
  ti->cell_rows = g_array_new (FALSE, FALSE, sizeof (int));
  ti->n_cols = table->columns->len;

  for (guint r = 0; r < table->rows->len; r++)
    {
      const GovstatsSchemaRow *row = table->rows->pdata[r];
      EntryKind kind = row->has_cells ? ENTRY_ROW : ENTRY_GROUP;
      int ri = (int) r;

      add_entry (ti, kind, ri, row->label.zh);
      for (guint a = 0; row->aliases && row->aliases[a]; a++)
        add_entry (ti, kind, ri, row->aliases[a]);
      if (row->printed_group.zh)
        add_entry (ti, ENTRY_GROUP, -1, row->printed_group.zh);
      if (row->has_cells)
        g_array_append_val (ti->cell_rows, ri);
    }
  for (guint g = 0; g < table->printed_groups->len; g++)
    add_entry (ti, ENTRY_GROUP, -1,
               g_array_index (table->printed_groups, GovstatsSchemaPrintedGroup, g).label.zh);

  for (guint c = 0; c < table->columns->len; c++)
    {
      const GovstatsSchemaColumn *col = table->columns->pdata[c];
      add_string (ti->header, col->label.zh);
      for (guint a = 0; col->aliases && col->aliases[a]; a++)
        add_string (ti->header, col->aliases[a]);
      add_string (ti->header, col->group.zh);
    }
  add_string (ti->header, table->column_header.zh);
  add_string (ti->header, table->note.zh);
  add_string (ti->header, table->row_header.zh);

  add_string (ti->titles, table->title.zh);
  for (guint a = 0; table->aliases && table->aliases[a]; a++)
    add_string (ti->titles, table->aliases[a]);
  return ti;
}

static const GovstatsSchemaRow *
row_at (TableInfo *ti,
        int        row)
{
  return ti->table->rows->pdata[row];
}

static gboolean
row_is_legacy_group (TableInfo *ti,
                     int        row)
{
  const GovstatsSchemaRow *r = row_at (ti, row);

  return r->group && r->has_cells;
}

/* ---------- label matching ---------- */

static gboolean
valid_prefix (TableInfo  *ti,
              const char *s,
              gboolean    bare_ok)
{
  if (*s == '\0')
    return FALSE;
  for (guint i = 0; i < ti->entries->len; i++)
    {
      Entry *e = ti->entries->pdata[i];
      if (g_str_has_prefix (e->norm, s))
        return TRUE;
      if (bare_ok && n_chars (s) >= 2 && g_str_has_prefix (e->bare, s))
        return TRUE;
    }
  return FALSE;
}

/* The entry @s names exactly (or, with @tolerant set, but for its numbering). */
static int
entry_exact (TableInfo  *ti,
             const char *s,
             gboolean   *tolerant)
{
  const char *bare = skip_numbering (s);

  *tolerant = FALSE;
  if (*s == '\0')
    return -1;
  for (guint i = 0; i < ti->entries->len; i++)
    if (g_str_equal (((Entry *) ti->entries->pdata[i])->norm, s))
      return (int) i;
  if (*bare == '\0')
    return -1;
  for (guint i = 0; i < ti->entries->len; i++)
    {
      Entry *e = ti->entries->pdata[i];
      if (e->bare != e->norm && g_str_equal (e->bare, bare))
        {
          *tolerant = TRUE;
          return (int) i;
        }
    }
  return -1;
}

static gboolean
is_header_exact (TableInfo  *ti,
                 const char *s)
{
  for (guint i = 0; i < ti->header->len; i++)
    if (g_str_equal (ti->header->pdata[i], s))
      return TRUE;
  return FALSE;
}

/* A header word: the fragment is made of pieces of header strings, each of
 * two characters at least (or it is one short piece): "社会法律" is 社会 + 法律. */
static gboolean
is_header_word (TableInfo  *ti,
                const char *s)
{
  const char *p = s;
  glong total = n_chars (s);

  if (*s == '\0' || total > 64)
    return FALSE;
  while (*p)
    {
      glong best = 0;
      glong remaining = n_chars (p);

      for (glong k = remaining; k >= 1 && best == 0; k--)
        {
          const char *end = g_utf8_offset_to_pointer (p, k);
          g_autofree char *piece = g_strndup (p, (gsize) (end - p));
          if (k < 2 && total > 3)
            break;
          for (guint i = 0; i < ti->header->len; i++)
            if (strstr (ti->header->pdata[i], piece))
              {
                best = k;
                break;
              }
        }
      if (best == 0)
        return FALSE;
      p = g_utf8_offset_to_pointer (p, best);
    }
  return TRUE;
}

/* ---------- partial labels ---------- */

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

static void
partial_free (gpointer data)
{
  Partial *p = data;

  g_string_free (p->norm, TRUE);
  g_string_free (p->raw, TRUE);
  g_free (p->how);
  g_free (p);
}

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

static void
vec_free (gpointer data)
{
  Vec *v = data;

  g_ptr_array_unref (v->toks);
  g_free (v->why);
  g_free (v);
}

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

static Partial *
partial_at (TableRead *tr,
            int        i)
{
  return tr->partials->pdata[i];
}

static Partial *
partial_new (TableRead *tr,
             Tok       *t,
             const char *norm,
             const char *raw,
             guint      li)
{
  Partial *p = g_new0 (Partial, 1);
  Line *l = tr->rlines->pdata[li];

  p->norm = g_string_new (norm);
  p->raw = g_string_new (raw);
  p->x = t->x;
  p->last_x = t->x;
  p->first_li = p->last_li = li;
  p->first_ord = p->last_ord = l->ord;
  p->lineno = t->lineno;
  p->column = t->column;
  p->entry = -1;
  p->row = -1;
  p->vec = -1;
  g_ptr_array_add (tr->partials, p);
  t->role = ROLE_LABEL;
  t->partial = (int) tr->partials->len - 1;
  return p;
}

static void
partial_check_complete (TableRead *tr,
                        Partial   *p)
{
  gboolean tolerant;
  int e = entry_exact (tr->ti, p->norm->str, &tolerant);

  if (e >= 0 && !tolerant)
    {
      p->complete = TRUE;
      p->entry = e;
    }
}

/* The open label @norm would continue, or -1. */
static int
find_extension (TableRead  *tr,
                const char *norm,
                int         x,
                guint       li)
{
  Line *l = tr->rlines->pdata[li];
  int best = -1;
  int best_dist = G_MAXINT;

  /* Labels open within the last lines only; a few dozen at most. */
  for (int i = (int) tr->partials->len - 1, seen = 0; i >= 0 && seen < 64; i--, seen++)
    {
      Partial *p = partial_at (tr, i);
      g_autofree char *joined = NULL;
      int dist;

      if (p->complete || p->unknown)
        continue;
      if (l->ord - p->last_ord > LABEL_WINDOW)
        continue;
      if (p->last_li == li && x <= p->last_x)
        continue;
      joined = g_strconcat (p->norm->str, norm, NULL);
      if (!valid_prefix (tr->ti, joined, TRUE))
        continue;
      /* Line forms: the nearest column wins; reading order: the latest. */
      dist = tr->stream ? (int) (tr->partials->len - (guint) i) : ABS (p->x - x);
      if (dist < best_dist)
        {
          best = i;
          best_dist = dist;
        }
    }
  return best;
}

static void
partial_extend (TableRead  *tr,
                int         pi,
                Tok        *t,
                const char *norm,
                const char *raw,
                guint       li)
{
  Partial *p = partial_at (tr, pi);
  Line *l = tr->rlines->pdata[li];

  g_string_append (p->norm, norm);
  g_string_append (p->raw, raw);
  p->last_li = li;
  p->last_ord = l->ord;
  p->last_x = t->x;
  t->role = ROLE_LABEL;
  t->partial = pi;
  partial_check_complete (tr, p);
}

/* One text fragment: continue a label, set a header word aside, start a
 * label, or split a fragment glued from two labels. */
static void
process_fragment (TableRead  *tr,
                  Tok        *t,
                  const char *norm,
                  const char *raw,
                  guint       li,
                  gboolean    allow_split)
{
  gboolean tolerant;
  int ext;

  if (*norm == '\0')
    return;
  ext = find_extension (tr, norm, t->x, li);
  if (ext >= 0)
    {
      partial_extend (tr, ext, t, norm, raw, li);
      return;
    }
  if (is_header_exact (tr->ti, norm))
    {
      t->role = ROLE_HEADER;
      return;
    }
  if (valid_prefix (tr->ti, norm, FALSE) || entry_exact (tr->ti, norm, &tolerant) >= 0)
    {
      Partial *p = partial_new (tr, t, norm, raw, li);
      partial_check_complete (tr, p);
      return;
    }
  if (is_header_word (tr->ti, norm))
    {
      t->role = ROLE_HEADER;
      return;
    }
  if (valid_prefix (tr->ti, norm, TRUE))
    {
      Partial *p = partial_new (tr, t, norm, raw, li);
      partial_check_complete (tr, p);
      return;
    }
  if (allow_split && n_chars (norm) <= 96)
    {
      /* "本2.其他法律行政法规禁止公开", "(四)无法提供1.本机关…": a tail that
       * starts a numbered label, a head that continues or completes one. */
      const char *p = g_utf8_next_char (norm);
      for (; *p; p = g_utf8_next_char (p))
        {
          g_autofree char *head = g_strndup (norm, (gsize) (p - norm));
          gboolean tail_ok = skip_numbering (p) != p && valid_prefix (tr->ti, p, FALSE);
          gboolean head_ok;
          if (!tail_ok)
            continue;
          head_ok = find_extension (tr, head, t->x, li) >= 0 || valid_prefix (tr->ti, head, TRUE) ||
                    entry_exact (tr->ti, head, &tolerant) >= 0;
          if (!head_ok)
            continue;
          process_fragment (tr, t, head, head, li, FALSE);
          process_fragment (tr, t, p, p, li, FALSE);
          return;
        }
    }
  {
    Partial *p = partial_new (tr, t, norm, raw, li);
    p->unknown = TRUE;
  }
}

static int
entry_row_key (Entry *e)
{
  return e->kind == ENTRY_GROUP ? -2 - e->row : e->row;
}

/* Resolves every label to a row, a group, or nothing. */
static void
resolve_partials (TableRead *tr)
{
  TableInfo *ti = tr->ti;

  for (guint i = 0; i < tr->partials->len; i++)
    {
      Partial *p = partial_at (tr, i);
      const char *norm = p->norm->str;
      const char *bare = skip_numbering (norm);
      int e = -1;
      gboolean tolerant = FALSE;

      if (p->complete)
        e = p->entry;
      else
        {
          e = entry_exact (ti, norm, &tolerant);
          if (e >= 0)
            p->how = g_strdup ("numbering");
        }
      if (e < 0 && !p->unknown)
        {
          /* A label cut short (a page break, a truncated text): one candidate. */
          int key = G_MININT, found = -1;
          gboolean several = FALSE, all_groups = TRUE;
          for (guint k = 0; k < ti->entries->len; k++)
            {
              Entry *en = ti->entries->pdata[k];
              if (!g_str_has_prefix (en->norm, norm) && !g_str_has_prefix (en->bare, bare))
                continue;
              if (en->kind != ENTRY_GROUP)
                all_groups = FALSE;
              if (found >= 0 && entry_row_key (en) != key)
                several = TRUE;
              if (found < 0)
                {
                  found = (int) k;
                  key = entry_row_key (en);
                }
            }
          if (found >= 0 && all_groups)
            e = found;
          else if (found >= 0 && !several && n_chars (bare) >= 4)
            {
              e = found;
              tolerant = TRUE;
              p->how = g_strdup ("prefix");
            }
        }
      if (e < 0 && n_chars (bare) >= 3)
        {
          /* Extra words around a label, or a typo. */
          int best = -1;
          glong best_len = 0;
          guint best_d = G_MAXUINT;
          gboolean tie = FALSE;

          for (guint k = 0; k < ti->entries->len; k++)
            {
              Entry *en = ti->entries->pdata[k];
              glong len = n_chars (en->bare);
              /* The label must be most of the text, not a word in a sentence. */
              if (en->kind == ENTRY_ROW && len >= 4 && strstr (norm, en->bare) && len > best_len &&
                  len * 10 >= n_chars (norm) * 6)
                {
                  best = (int) k;
                  best_len = len;
                }
            }
          if (best >= 0)
            p->how = g_strdup ("containment");
          else
            {
              for (guint k = 0; k < ti->entries->len; k++)
                {
                  Entry *en = ti->entries->pdata[k];
                  glong len = n_chars (en->bare);
                  guint limit = (guint) MAX (1, len / 5);
                  guint d;
                  if (en->kind != ENTRY_ROW || len < 3)
                    continue;
                  d = edit_distance (bare, en->bare, limit);
                  if (d > limit)
                    continue;
                  if (d < best_d)
                    {
                      best_d = d;
                      best = (int) k;
                      tie = FALSE;
                    }
                  else if (d == best_d && best >= 0 &&
                           entry_row_key (ti->entries->pdata[best]) != entry_row_key (en))
                    tie = TRUE;
                }
              if (tie)
                best = -1;
              if (best >= 0)
                p->how = g_strdup ("similar");
            }
          if (best >= 0)
            {
              e = best;
              tolerant = TRUE;
            }
        }
      if (e < 0)
        {
          p->unknown = TRUE;
          continue;
        }
      p->unknown = FALSE;
      p->entry = e;
      p->tolerant = tolerant;
      {
        Entry *en = ti->entries->pdata[e];
        p->row = en->row;
        p->group = en->kind == ENTRY_GROUP;
      }
    }
}

static gboolean
partial_is_row (Partial *p)
{
  return p && !p->unknown && !p->group && p->row >= 0;
}

/* ---------- findings ---------- */

static GovstatsFinding *
keep_finding (Reader          *rd,
              GovstatsFinding *f,
              GovstatsSeverity severity,
              guint            lineno,
              guint            column,
              char           **cells)
{
  govstats_finding_set_outcome (f, severity == GOVSTATS_SEVERITY_INFO ? GOVSTATS_OUTCOME_NOTE
                                                                     : GOVSTATS_OUTCOME_FAILED);
  if (cells)
    govstats_finding_set_cells (f, (const char * const *) cells);
  govstats_finding_set_position (f, rd->name, lineno, column);
  g_ptr_array_add (rd->findings, f);
  return f;
}

/* A finding whose Chinese and English messages are already made (from one
 * msgid, where some of the arguments are in a language themselves). */
static GovstatsFinding *
add_finding (Reader          *rd,
             const char      *rule,
             GovstatsSeverity severity,
             guint            lineno,
             guint            column,
             char           **cells,
             const char      *zh,
             const char      *en)
{
  return keep_finding (rd, govstats_finding_new (rule, severity, zh, en), severity, lineno, column, cells);
}

/* A finding whose message is @format (an English msgid) with the same
 * arguments in both languages. */
static GovstatsFinding *
add_finding_printf (Reader          *rd,
                    const char      *rule,
                    GovstatsSeverity severity,
                    guint            lineno,
                    guint            column,
                    char           **cells,
                    const char      *format,
                    ...) G_GNUC_PRINTF (7, 8);

static GovstatsFinding *
add_finding_printf (Reader          *rd,
                    const char      *rule,
                    GovstatsSeverity severity,
                    guint            lineno,
                    guint            column,
                    char           **cells,
                    const char      *format,
                    ...)
{
  va_list args;
  GovstatsFinding *f;

  va_start (args, format);
  f = govstats_finding_new_vprintf (rule, severity, format, args);
  va_end (args);
  return keep_finding (rd, f, severity, lineno, column, cells);
}

static char **
row_cells (TableInfo *ti,
           int        row)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  const GovstatsSchemaRow *r = row_at (ti, row);

  for (guint c = 0; c < ti->table->columns->len; c++)
    {
      const GovstatsSchemaColumn *col = ti->table->columns->pdata[c];
      g_autofree char *path = g_strdup_printf ("%s/%s/%s", ti->table->key, r->key, col->key);
      g_strv_builder_add (b, path);
    }
  return g_strv_builder_end (b);
}

static char *
page_note (Reader  *rd,
           guint    lineno,
           gboolean en)
{
  guint lo = 0, hi = rd->lines->len;

  /* The page helps with PDFs, whose line numbers are those of the rebuilt
   * text. Lines are in source order: a binary search. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      Line *l = rd->lines->pdata[mid];
      if (l->src->lineno < lineno)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < rd->lines->len)
    {
      Line *l = rd->lines->pdata[lo];
      if (l->src->lineno == lineno && l->src->page > 1)
        /* Translators: after the place of a finding in a PDF; %u is the page. */
        return govstats_i18n_printf (en ? "en" : "zh", N_(" (page %u)"), l->src->page);
    }
  return g_strdup ("");
}

static char *
vec_text (Vec *v)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < v->toks->len; i++)
    {
      Tok *t = v->toks->pdata[i];
      if (i > 0)
        g_string_append (s, v->explicit ? " | " : " ");
      g_string_append (s, t->empty_cell ? "" : t->raw);
    }
  return g_string_free (s, FALSE);
}

/* ---------- regions ---------- */

/* Does a line print the heading @h (normalised)? */
static gboolean
heading_matches (const char *lnorm,
                 const char *h)
{
  const char *lb = skip_numbering (lnorm), *hb = skip_numbering (h);
  glong ln = n_chars (lnorm), hn = n_chars (h);

  if (*lnorm == '\0')
    return FALSE;
  if (g_str_equal (lnorm, h))
    return TRUE;
  if (g_str_has_prefix (lnorm, h) && ln - hn <= 6)
    return TRUE;
  /* Same numbering, nearly the same words. */
  if (lb != lnorm && hb != h && (lb - lnorm) == (hb - h) && strncmp (lnorm, h, (gsize) (lb - lnorm)) == 0 &&
      ln <= hn + 8)
    {
      glong bn = n_chars (hb);
      guint limit = (guint) MAX (1, bn / 3);
      if (bn >= 4)
        {
          const char *p4 = g_utf8_offset_to_pointer (hb, 4);
          if (strncmp (lb, hb, (gsize) (p4 - hb)) == 0)
            return TRUE;
        }
      return edit_distance (lb, hb, limit) <= limit;
    }
  return FALSE;
}

static gboolean
title_matches (const char *lnorm,
               const char *title)
{
  glong ln, tn;

  if (*lnorm == '\0')
    return FALSE;
  if (g_str_equal (lnorm, title) || g_str_equal (skip_numbering (lnorm), title))
    return TRUE;
  ln = n_chars (lnorm);
  tn = n_chars (title);
  return strstr (lnorm, title) != NULL && ln <= tn + 6;
}

typedef struct {
  int section_line[16];     /* line index of each schema section heading, or -1 */
  int table_line[16];       /* line index of each table's anchor, or -1 */
} Anchors;

static gboolean
section_heading_at (GovstatsSchema *schema,
                    guint           s,
                    const char     *lnorm)
{
  const GovstatsSchemaSection *sec = govstats_schema_section_at (schema, s);
  g_autofree char *h = govstats_import_normalize_label (sec->heading.zh);

  if (heading_matches (lnorm, h))
    return TRUE;
  for (guint a = 0; sec->aliases && sec->aliases[a]; a++)
    {
      g_autofree char *alias = govstats_import_normalize_label (sec->aliases[a]);
      if (heading_matches (lnorm, alias))
        return TRUE;
    }
  return FALSE;
}

static void
find_anchors (Reader    *rd,
              GPtrArray *infos,
              Anchors   *an)
{
  guint n_sections = MIN (govstats_schema_get_n_sections (rd->schema), 16);
  guint next = 0;

  for (guint i = 0; i < 16; i++)
    an->section_line[i] = an->table_line[i] = -1;

  /* Headings in printed order, each after the one before. */
  for (guint i = 0; i < rd->lines->len && next < n_sections; i++)
    {
      Line *l = rd->lines->pdata[i];
      if (!l->content || l->n_text == 0)
        continue;
      for (guint s = next; s < n_sections; s++)
        if (section_heading_at (rd->schema, s, l->norm))
          {
            an->section_line[s] = (int) i;
            next = s + 1;
            break;
          }
    }

  for (guint t = 0; t < infos->len && t < 16; t++)
    {
      TableInfo *ti = infos->pdata[t];
      int from = 0;

      for (guint s = 0; s < n_sections; s++)
        {
          const GovstatsSchemaSection *sec = govstats_schema_section_at (rd->schema, s);
          if (sec->tables && g_strv_contains ((const char * const *) sec->tables, ti->table->key) &&
              an->section_line[s] >= 0)
            from = an->section_line[s];
        }
      for (guint i = (guint) from; i < rd->lines->len && an->table_line[t] < 0; i++)
        {
          Line *l = rd->lines->pdata[i];
          if (!l->content || l->n_text == 0 || l->n_values > 0)
            continue;
          for (guint k = 0; k < ti->titles->len; k++)
            if (title_matches (l->norm, ti->titles->pdata[k]))
              {
                an->table_line[t] = (int) i;
                break;
              }
        }
    }
}

/* ---------- reading one table ---------- */

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

static void
label_pass (TableRead *tr)
{
  for (guint li = 0; li < tr->rlines->len; li++)
    {
      Line *l = tr->rlines->pdata[li];
      if (!l->content)
        continue;
      for (guint k = 0; k < l->toks->len; k++)
        {
          Tok *t = l->toks->pdata[k];
          t->role = ROLE_NONE;
          t->partial = -1;
        }
      for (guint k = 0; k < l->toks->len; k++)
        {
          Tok *t = l->toks->pdata[k];
          if (t->kind == TOK_TEXT)
            process_fragment (tr, t, t->norm, t->raw, li, TRUE);
        }
    }
  resolve_partials (tr);
}

static Vec *
vec_new (TableRead *tr,
         guint      li)
{
  Vec *v = g_new0 (Vec, 1);
  Line *l = tr->rlines->pdata[li];

  v->toks = g_ptr_array_new ();
  v->li = li;
  v->ord = l->ord;
  v->seg = l->seg;
  v->explicit = l->explicit;
  g_ptr_array_add (tr->vecs, v);
  return v;
}

static void
vec_set_position (Vec *v)
{
  if (v->toks->len > 0)
    {
      Tok *t = v->toks->pdata[0];
      v->lineno = t->lineno;
      v->column = t->column;
    }
}

/* Expected rows: cell-bearing rows, with a legacy group (the 2019 single
 * （六） row in a 2021 table) standing in for its children when it was read. */
static GArray *
expected_rows (TableRead *tr)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (int));
  TableInfo *ti = tr->ti;

  for (guint k = 0; k < ti->cell_rows->len; k++)
    {
      int r = g_array_index (ti->cell_rows, int, k);
      const GovstatsSchemaRow *row = row_at (ti, r);

      if (row_is_legacy_group (ti, r))
        {
          if (tr->row_vec[r] >= 0)
            g_array_append_val (rows, r);
          continue;
        }
      if (row->parent >= 0 && row_is_legacy_group (ti, row->parent) && tr->row_vec[row->parent] >= 0)
        continue;
      g_array_append_val (rows, r);
    }
  return rows;
}

/* Rows in table order for a table printed as one line (表四): leaves only. */
static GArray *
transposed_rows (TableRead *tr)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint k = 0; k < tr->ti->cell_rows->len; k++)
    {
      int r = g_array_index (tr->ti->cell_rows, int, k);
      if (!row_is_legacy_group (tr->ti, r))
        g_array_append_val (rows, r);
    }
  return rows;
}

static void
assign_vec (TableRead *tr,
            int        row,
            int        vi,
            int        pi)
{
  if (tr->row_vec[row] >= 0)
    {
      /* Two sets of numbers for one row: read neither. */
      Vec *old = tr->vecs->pdata[tr->row_vec[row]];
      old->bad = TRUE;
      if (old->why == NULL)
        old->why = g_strdup ("twice");
      return;
    }
  tr->row_vec[row] = vi;
  tr->row_partial[row] = pi;
}

static void
report_unknown_row (TableRead *tr,
                    Vec       *v,
                    Partial   *p)
{
  g_autofree char *nums = vec_text (v);
  if (tr->fallback)
    return;
  add_finding_printf (tr->rd, "import.unknown_row", GOVSTATS_SEVERITY_WARNING, v->lineno, v->column, NULL,
                      /* Translators: %1$s are the numbers, %2$s the label printed before
                       * them, %3$s the table's (Chinese) title. */
                      N_("numbers (%1$s) on a line labelled “%2$s” in table %3$s, which is no row of the table: "
                         "not read"), nums, p ? p->raw->str : "", tr->ti->table->title.zh);
}

static void
line_mode_assign (TableRead *tr)
{
  TableInfo *ti = tr->ti;
  g_autoptr(GArray) trows = transposed_rows (tr);
  guint n_trans = trows->len * ti->n_cols;

  for (guint li = 0; li < tr->rlines->len; li++)
    {
      Line *l = tr->rlines->pdata[li];
      int first_value = -1, label_tok = -1, unknown_tok = -1;
      Vec *v;
      int vi;

      if (!l->content || l->n_values == 0)
        continue;
      for (guint k = 0; k < l->toks->len; k++)
        {
          Tok *t = l->toks->pdata[k];
          /* Empty cells before the label (indentation in pasted text) are no values. */
          if (t->kind != TOK_TEXT && !t->empty_cell && first_value < 0)
            first_value = (int) k;
        }
      if (first_value < 0)
        continue;
      /* The label of this line: the last row label before the numbers. */
      for (int k = first_value - 1; k >= 0; k--)
        {
          Tok *t = l->toks->pdata[k];
          Partial *p;
          if (t->kind != TOK_TEXT || t->partial < 0)
            continue;
          p = partial_at (tr, t->partial);
          if (partial_is_row (p))
            {
              if (label_tok < 0 || row_is_legacy_group (ti, partial_at (tr, ((Tok *) l->toks->pdata[label_tok])->partial)->row))
                label_tok = k;
              if (!row_is_legacy_group (ti, p->row))
                break;
            }
          else if (p->unknown && unknown_tok < 0 && t->norm[0] != '\0')
            unknown_tok = k;
        }
      v = vec_new (tr, li);
      vi = (int) tr->vecs->len - 1;
      for (guint k = (guint) (label_tok >= 0 ? label_tok + 1 : first_value); k < l->toks->len; k++)
        {
          Tok *t = l->toks->pdata[k];
          if (t->label_span)
            continue;
          if (l->explicit || t->kind != TOK_TEXT)
            g_ptr_array_add (v->toks, t);
        }
      /* Cells rendered from HTML often pad rows with empty cells. */
      if (l->explicit)
        while (v->toks->len > ti->n_cols && ((Tok *) g_ptr_array_index (v->toks, v->toks->len - 1))->empty_cell)
          g_ptr_array_set_size (v->toks, v->toks->len - 1);
      vec_set_position (v);

      if (label_tok >= 0)
        {
          Tok *t = l->toks->pdata[label_tok];
          Partial *p = partial_at (tr, t->partial);
          if (p->vec >= 0)
            {
              v->bad = TRUE;
              v->why = g_strdup ("twice");
            }
          p->vec = vi;
          assign_vec (tr, p->row, vi, t->partial);
          continue;
        }
      if (unknown_tok >= 0)
        {
          Tok *t = l->toks->pdata[unknown_tok];
          report_unknown_row (tr, v, partial_at (tr, t->partial));
          v->bad = TRUE;
          v->why = g_strdup ("unknown");
          continue;
        }
      /* Numbers alone on a line: 表四 printed as one line of rows × columns. */
      if (trows->len >= 2 && ti->n_cols >= 2 && v->toks->len == n_trans)
        {
          gboolean any = FALSE;
          for (guint k = 0; k < trows->len; k++)
            any = any || tr->row_vec[g_array_index (trows, int, k)] >= 0;
          if (!any)
            {
              v->transposed = TRUE;
              for (guint k = 0; k < trows->len; k++)
                tr->row_vec[g_array_index (trows, int, k)] = vi;
              continue;
            }
        }
      /* …or the numbers of the label just above (a label broken over lines). */
      {
        int best = -1;
        /* Labels are in line order: only the last few can be just above. */
        for (int i = (int) tr->partials->len - 1, seen = 0; i >= 0 && seen < 64; i--, seen++)
          {
            Partial *p = partial_at (tr, i);
            if (!partial_is_row (p) || p->vec >= 0 || p->first_ord > l->ord)
              continue;
            if (l->ord > p->last_ord && l->ord - p->last_ord > NUMBER_WINDOW)
              continue;
            if (row_is_legacy_group (ti, p->row))
              continue;
            if (best < 0 || p->last_ord > partial_at (tr, best)->last_ord)
              best = i;
          }
        if (best >= 0)
          {
            Partial *p = partial_at (tr, best);
            p->vec = vi;
            assign_vec (tr, p->row, vi, best);
            continue;
          }
      }
      v->why = g_strdup ("orphan");
    }

  /* Numbers printed just above their label (vertically centred cells). */
  for (guint vi = 0; vi < tr->vecs->len; vi++)
    {
      Vec *v = tr->vecs->pdata[vi];
      guint lo = 0, hi = tr->partials->len;
      if (g_strcmp0 (v->why, "orphan") != 0)
        continue;
      /* Labels are in line order: the first one starting on the next line. */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (partial_at (tr, (int) mid)->first_ord <= v->ord)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint i = lo; i < tr->partials->len && partial_at (tr, (int) i)->first_ord == v->ord + 1; i++)
        {
          Partial *p = partial_at (tr, (int) i);
          if (!partial_is_row (p) || p->vec >= 0 || row_is_legacy_group (ti, p->row))
            continue;
          if (p->first_ord == v->ord + 1 && tr->row_vec[p->row] < 0)
            {
              p->vec = (int) vi;
              g_clear_pointer (&v->why, g_free);
              assign_vec (tr, p->row, (int) vi, (int) i);
              break;
            }
        }
    }
}

/* ---------- reading-order text ---------- */

typedef struct {
  GPtrArray *toks;      /* Tok */
  GArray    *blocks;    /* guint: sizes of value blocks (lines without a blank line between) */
  guint      first_li;
  int        label;     /* the row label right before it, -1 */
} Run;

static void
run_free (gpointer data)
{
  Run *r = data;

  g_ptr_array_unref (r->toks);
  g_array_unref (r->blocks);
  g_free (r);
}

static void
stream_assign (TableRead *tr)
{
  TableInfo *ti = tr->ti;
  guint n = ti->n_cols;
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (run_free);
  g_autoptr(GArray) printed = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) slot_run = g_array_new (FALSE, FALSE, sizeof (int));
  Run *run = NULL;
  int last_label = -1;
  guint block = 0;
  gboolean in_block = FALSE;

  /* Runs of values: row labels and unknown text end them; header words,
   * group labels, blank lines and page numbers do not. */
  for (guint li = 0; li < tr->rlines->len; li++)
    {
      Line *l = tr->rlines->pdata[li];
      gboolean value_line = FALSE;

      if (l->pagenum)
        continue;
      if (!l->content)
        {
          in_block = FALSE;
          continue;
        }
      for (guint k = 0; k < l->toks->len; k++)
        {
          Tok *t = l->toks->pdata[k];
          if (t->kind == TOK_TEXT)
            {
              Partial *p = t->partial >= 0 ? partial_at (tr, t->partial) : NULL;
              if (p && (partial_is_row (p) || p->unknown))
                {
                  run = NULL;
                  if (partial_is_row (p))
                    last_label = t->partial;
                  else
                    last_label = -1;
                }
              in_block = FALSE;
              continue;
            }
          if (run == NULL)
            {
              run = g_new0 (Run, 1);
              run->toks = g_ptr_array_new ();
              run->blocks = g_array_new (FALSE, FALSE, sizeof (guint));
              run->first_li = li;
              run->label = last_label;
              last_label = -1;
              g_ptr_array_add (runs, run);
              in_block = FALSE;
            }
          if (!in_block)
            {
              block = 0;
              g_array_append_val (run->blocks, block);
              in_block = TRUE;
            }
          g_ptr_array_add (run->toks, t);
          g_array_index (run->blocks, guint, run->blocks->len - 1)++;
          value_line = TRUE;
        }
      if (!value_line)
        in_block = FALSE;
    }

  /* Runs into rows: row-major, or column-major blocks (pdftotext puts a
   * column of several rows in one block: n blocks of k values are k rows). */
  for (guint i = 0; i < runs->len; i++)
    {
      Run *r = runs->pdata[i];
      guint nb = r->blocks->len, b = 0, offset = 0;
      int ri = (int) i;

      while (b < nb)
        {
          guint k = g_array_index (r->blocks, guint, b);
          gboolean column_major = n >= 2 && k >= 2 && k != n && b + n <= nb;
          guint total = 0, end;

          for (guint c = b; column_major && c < b + n; c++)
            column_major = g_array_index (r->blocks, guint, c) == k;
          if (column_major)
            {
              for (guint row = 0; row < k; row++)
                {
                  Vec *v = vec_new (tr, r->first_li);
                  for (guint c = 0; c < n; c++)
                    g_ptr_array_add (v->toks, r->toks->pdata[offset + c * k + row]);
                  vec_set_position (v);
                  g_array_append_val (slot_run, ri);
                }
              offset += n * k;
              b += n;
              continue;
            }
          /* Row-major up to the next column-major group. */
          for (end = b; end < nb; end++)
            {
              guint kk = g_array_index (r->blocks, guint, end);
              gboolean cm = end > b && n >= 2 && kk >= 2 && kk != n && end + n <= nb;
              for (guint c = end; cm && c < end + n; c++)
                cm = g_array_index (r->blocks, guint, c) == kk;
              if (cm)
                break;
              total += kk;
            }
          if (total % n == 0)
            for (guint row = 0; row < total / n; row++)
              {
                Vec *v = vec_new (tr, r->first_li);
                for (guint c = 0; c < n; c++)
                  g_ptr_array_add (v->toks, r->toks->pdata[offset + row * n + c]);
                vec_set_position (v);
                g_array_append_val (slot_run, ri);
              }
          else
            {
              Vec *v = vec_new (tr, r->first_li);
              for (guint c = 0; c < total; c++)
                g_ptr_array_add (v->toks, r->toks->pdata[offset + c]);
              v->bad = TRUE;
              v->why = g_strdup ("count");
              vec_set_position (v);
              g_array_append_val (slot_run, ri);
            }
          offset += total;
          b = end;
        }
    }

  /* The printed rows, in table order; a legacy group only without children. */
  for (guint k = 0; k < ti->cell_rows->len; k++)
    {
      int r = g_array_index (ti->cell_rows, int, k);
      int first = -1;
      for (guint i = 0; i < tr->partials->len && first < 0; i++)
        if (partial_is_row (partial_at (tr, i)) && partial_at (tr, i)->row == r)
          first = (int) i;
      if (first < 0)
        continue;
      if (row_is_legacy_group (ti, r))
        {
          gboolean child = FALSE;
          for (guint i = 0; i < tr->partials->len; i++)
            {
              Partial *p = partial_at (tr, i);
              if (partial_is_row (p) && row_at (ti, p->row)->parent == r)
                child = TRUE;
            }
          if (child)
            continue;
        }
      g_array_append_val (printed, r);
      tr->row_partial[r] = first;
    }

  if (printed->len == tr->vecs->len && printed->len > 0)
    {
      /* As many rows of numbers as printed rows: both are in table order. */
      for (guint k = 0; k < printed->len; k++)
        {
          int r = g_array_index (printed, int, k);
          int ri = g_array_index (slot_run, int, k);
          Run *run_k = runs->pdata[ri];
          Vec *v = tr->vecs->pdata[k];
          Partial *p = partial_at (tr, tr->row_partial[r]);
          /* Adjacent: the run starts right after this row's label. */
          gboolean adjacent = run_k->label >= 0 && partial_at (tr, run_k->label)->row == r;
          /* A table printed as one line (表四), labels in the header above. */
          gboolean header_labels = runs->len == 1 && printed->len >= 2 && p->last_li < run_k->first_li;
          if (!adjacent && !header_labels && printed->len > 1)
            v->order_only = TRUE;
          /* Within a run split into several rows, only the first is adjacent. */
          if (adjacent && k > 0 && g_array_index (slot_run, int, k - 1) == ri)
            v->order_only = !header_labels && printed->len > 1;
          tr->row_vec[r] = (int) k;
          p->vec = (int) k;
        }
      return;
    }

  /* Otherwise only what sits right after its label is read. */
  for (guint k = 0; k < printed->len; k++)
    tr->row_partial[g_array_index (printed, int, k)] = -1;
  for (guint i = 0; i < runs->len; i++)
    {
      Run *r = runs->pdata[i];
      guint first_slot = 0, n_slots = 0;
      for (guint s = 0; s < slot_run->len; s++)
        if (g_array_index (slot_run, int, s) == (int) i)
          {
            if (n_slots == 0)
              first_slot = s;
            n_slots++;
          }
      if (r->label < 0)
        {
          for (guint s = first_slot; s < first_slot + n_slots; s++)
            {
              Vec *v = tr->vecs->pdata[s];
              g_free (v->why);
              v->why = g_strdup ("orphan");
            }
          continue;
        }
      {
        Partial *p = partial_at (tr, r->label);
        Vec *v = tr->vecs->pdata[first_slot];
        if (tr->row_vec[p->row] >= 0)
          continue;
        if (n_slots != 1)
          {
            /* Several rows of numbers after one label: which is whose is
             * not known. The label's row is unreadable, the rest orphans. */
            v->bad = TRUE;
            g_free (v->why);
            v->why = g_strdup ("count");
            g_ptr_array_set_size (v->toks, 0);
            for (guint c = 0; c < r->toks->len; c++)
              g_ptr_array_add (v->toks, r->toks->pdata[c]);
          }
        tr->row_vec[p->row] = (int) first_slot;
        tr->row_partial[p->row] = r->label;
        p->vec = (int) first_slot;
      }
    }
}

/* ---------- column positions (layout text) ---------- */

static int
median_int (GArray *a)
{
  if (a->len == 0)
    return -1;
  g_array_sort (a, compare_ints);
  return g_array_index (a, int, a->len / 2);
}

static int
tok_centre (Tok *t)
{
  return t->x + t->x_end;   /* twice the centre: keeps halves */
}

/* Column centres (twice the column) for the segment @seg, from the rows that
 * printed every cell; from the whole table; else from the header words. */
static gboolean
column_centres (TableRead *tr,
                guint      seg,
                int       *centres)
{
  TableInfo *ti = tr->ti;
  guint n = ti->n_cols;
  g_autoptr(GPtrArray) per = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gboolean found = FALSE;

  for (int pass = 0; pass < 2 && !found; pass++)
    {
      g_ptr_array_set_size (per, 0);
      for (guint c = 0; c < n; c++)
        g_ptr_array_add (per, g_array_new (FALSE, FALSE, sizeof (int)));
      for (guint vi = 0; vi < tr->vecs->len; vi++)
        {
          Vec *v = tr->vecs->pdata[vi];
          if (v->explicit || v->bad || v->transposed || v->toks->len != n || (pass == 0 && v->seg != seg))
            continue;
          for (guint c = 0; c < n; c++)
            {
              int x = tok_centre (v->toks->pdata[c]);
              g_array_append_val (per->pdata[c], x);
            }
          found = TRUE;
        }
    }
  if (found)
    {
      for (guint c = 0; c < n; c++)
        centres[c] = median_int (per->pdata[c]);
      return TRUE;
    }

  /* The header: the topmost word of each column label, left to right. */
  {
    int prev = -1;
    for (guint c = 0; c < n; c++)
      {
        const GovstatsSchemaColumn *col = ti->table->columns->pdata[c];
        g_autofree char *label = govstats_import_normalize_label (col->label.zh);
        int best = -1;

        for (guint li = 0; li < tr->rlines->len && best < 0; li++)
          {
            Line *l = tr->rlines->pdata[li];
            if (!l->content || l->n_values > 0)
              continue;
            for (guint k = 0; k < l->toks->len; k++)
              {
                Tok *t = l->toks->pdata[k];
                if (t->kind != TOK_TEXT || t->norm[0] == '\0' || n_chars (t->norm) < 2)
                  continue;
                if ((g_str_has_prefix (label, t->norm) || g_str_equal (label, t->norm)) &&
                    tok_centre (t) > prev)
                  {
                    best = tok_centre (t);
                    break;
                  }
              }
          }
        if (best < 0)
          return FALSE;
        centres[c] = best;
        prev = best;
      }
    return TRUE;
  }
}

/* Places the values of a row that printed fewer values than columns under
 * their columns; FALSE when any value is not clearly under one column. */
static gboolean
place_by_position (TableRead *tr,
                   Vec       *v,
                   Tok      **cells)
{
  guint n = tr->ti->n_cols;
  g_autofree int *centres = g_new0 (int, n);
  int last = -1;

  if (v->explicit || !column_centres (tr, v->seg, centres))
    return FALSE;
  for (guint c = 1; c < n; c++)
    if (centres[c] <= centres[c - 1])
      return FALSE;
  for (guint k = 0; k < v->toks->len; k++)
    {
      Tok *t = v->toks->pdata[k];
      int x = tok_centre (t), best = -1, best_d = G_MAXINT, gap;
      for (guint c = 0; c < n; c++)
        {
          int d = ABS (x - centres[c]);
          if (d < best_d)
            {
              best_d = d;
              best = (int) c;
            }
        }
      /* Clearly under it: closer than 45% of the distance to a neighbour. */
      gap = G_MAXINT;
      if (best > 0)
        gap = MIN (gap, centres[best] - centres[best - 1]);
      if (best + 1 < (int) n)
        gap = MIN (gap, centres[best + 1] - centres[best]);
      if (best <= last || (gap != G_MAXINT && best_d * 100 > gap * 45))
        return FALSE;
      cells[best] = t;
      last = best;
    }
  return TRUE;
}

/* ---------- cells into the report ---------- */

static const char *
tolerant_rule_text (const char *how,
                    gboolean    en)
{
  const char *lang = en ? "en" : "zh";

  /* Translators: how a printed row label was matched to the layout's. */
  if (g_strcmp0 (how, "numbering") == 0)
    return govstats_i18n_gettext (lang, "the label matched without its numbering");
  if (g_strcmp0 (how, "prefix") == 0)
    return govstats_i18n_gettext (lang, "only the beginning of the label was found");
  if (g_strcmp0 (how, "containment") == 0)
    return govstats_i18n_gettext (lang, "the label is printed with extra words");
  if (g_strcmp0 (how, "similar") == 0)
    return govstats_i18n_gettext (lang, "the label differs by a few characters (a typo?)");
  return govstats_i18n_gettext (lang, "a tolerant rule");
}

/* Sets one cell from a token; returns the share of a read cell it counts for. */
static gboolean
set_cell (TableRead *tr,
          int        row,
          guint      col,
          Tok       *t,
          Vec       *v)
{
  TableInfo *ti = tr->ti;
  const GovstatsSchemaRow *r = row_at (ti, row);
  const GovstatsSchemaColumn *c = ti->table->columns->pdata[col];
  g_autofree char *path = g_strdup_printf ("%s/%s/%s", ti->table->key, r->key, c->key);
  g_autoptr(GError) error = NULL;

  if (t == NULL || t->kind == TOK_BLANK)
    {
      govstats_report_set_value_text (tr->rd->report, path, NULL, NULL);
      return TRUE;
    }
  if (t->kind == TOK_VALUE &&
      govstats_report_set_value_text (tr->rd->report, path, t->value.number, &error))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (t->raw));
      if (!g_str_equal (trimmed, t->value.number))
        govstats_report_set_cell_raw (tr->rd->report, path, trimmed);
      if (t->value.note)
        govstats_report_set_cell_note (tr->rd->report, path, t->value.note);
      if (t->value.unit)
        govstats_report_set_cell_unit (tr->rd->report, path, t->value.unit);
      return TRUE;
    }
  {
    const char *cells[] = { path, NULL };
    /* Translators: %1$s is a cell (its path; in Chinese its row's label),
     * %2$s what is printed there, %3$s why it cannot be read. */
    const char *format = error ? N_("the cell %1$s prints “%2$s”, which is not a readable number: %3$s: left blank")
    /* Translators: %1$s is a cell (its path; in Chinese its row's label), %2$s what is printed there. */
                               : N_("the cell %1$s prints “%2$s”, which is not a readable number: left blank");
    g_autofree char *zh = govstats_i18n_printf ("zh", format, r->label.zh, t->raw, error ? error->message : "");
    g_autofree char *en = govstats_i18n_printf ("en", format, path, t->raw, error ? error->message : "");
    GovstatsFinding *f = add_finding (tr->rd, "import.unreadable_cell", GOVSTATS_SEVERITY_ERROR,
                                      t->lineno ? t->lineno : v->lineno, t->column ? t->column : v->column,
                                      NULL, zh, en);
    govstats_finding_set_cells (f, cells);
  }
  return FALSE;
}

static void
apply_rows (TableRead *tr,
            double    *read_out,
            guint     *expected_out)
{
  TableInfo *ti = tr->ti;
  Reader *rd = tr->rd;
  guint n = ti->n_cols;
  g_autoptr(GArray) rows = expected_rows (tr);
  g_autoptr(GArray) trows = transposed_rows (tr);
  g_autoptr(GStrvBuilder) order_cells = g_strv_builder_new ();
  g_autoptr(GString) order_rows = g_string_new (NULL);
  guint order_lineno = 0, order_column = 0;
  double read = 0;
  g_autofree Tok **cells = g_new0 (Tok *, n);

  for (guint k = 0; k < rows->len; k++)
    {
      int r = g_array_index (rows, int, k);
      const GovstatsSchemaRow *row = row_at (ti, r);
      int vi = tr->row_vec[r];
      int pi = tr->row_partial[r];
      Partial *p = pi >= 0 ? partial_at (tr, pi) : NULL;
      g_auto(GStrv) paths = row_cells (ti, r);
      gboolean ok = TRUE;
      double weight;
      Vec *v;

      if (p == NULL)
        for (guint i = 0; i < tr->partials->len && p == NULL; i++)
          if (partial_is_row (partial_at (tr, i)) && partial_at (tr, i)->row == r)
            p = partial_at (tr, i);

      if (vi < 0)
        {
          if (tr->fallback)
            continue;
          gboolean stray = FALSE;
          for (guint i = 0; i < tr->vecs->len; i++)
            {
              Vec *o = tr->vecs->pdata[i];
              stray = stray || o->bad || g_strcmp0 (o->why, "orphan") == 0;
            }
          if (p && stray)
            {
              /* Its numbers are probably among those that could not be placed. */
              add_finding_printf (rd, "import.unreadable_row", GOVSTATS_SEVERITY_ERROR, p->lineno, p->column, paths,
                                  /* Translators: %1$s is a table's title, %2$s a row's label (both Chinese). */
                                  N_("table %1$s, row “%2$s”: the numbers of the table are interleaved with its "
                                     "labels (reading-order text) and which of them belong to this row cannot be "
                                     "told: they are not guessed; the row is left blank"),
                                  ti->table->title.zh, row->label.zh);
              continue;
            }
          if (p)
            add_finding_printf (rd, "import.missing_row", GOVSTATS_SEVERITY_ERROR, p->lineno, p->column, paths,
                                /* Translators: %1$s is a table's title, %2$s a row's label. */
                                N_("table %1$s: the label of row “%2$s” was found but not its numbers: left blank"),
                                ti->table->title.zh, row->label.zh);
          else
            add_finding_printf (rd, "import.missing_row", GOVSTATS_SEVERITY_ERROR, tr->anchor_lineno, 0, paths,
                                /* Translators: %1$s is a table's title, %2$s a row's label. */
                                N_("table %1$s: row “%2$s” not found: left blank"),
                                ti->table->title.zh, row->label.zh);
          continue;
        }
      v = tr->vecs->pdata[vi];
      memset (cells, 0, sizeof (Tok *) * n);
      if (v->transposed)
        {
          guint pos = 0;
          for (guint i = 0; i < trows->len; i++)
            if (g_array_index (trows, int, i) == r)
              pos = i;
          for (guint c = 0; c < n; c++)
            cells[c] = v->toks->pdata[pos * n + c];
        }
      else if (!v->bad && v->toks->len == n)
        {
          for (guint c = 0; c < n; c++)
            cells[c] = v->toks->pdata[c];
        }
      else if (!v->bad && v->toks->len > 0 && v->toks->len < n && place_by_position (tr, v, cells))
        {
          g_autoptr(GString) blanks = g_string_new (NULL);
          g_autofree char *nums = vec_text (v);
          for (guint c = 0; c < n; c++)
            if (cells[c] == NULL)
              {
                const GovstatsSchemaColumn *col = ti->table->columns->pdata[c];
                if (blanks->len)
                  g_string_append (blanks, "、");
                g_string_append (blanks, col->label.zh);
              }
          add_finding_printf (rd, "import.blank_by_position", GOVSTATS_SEVERITY_INFO, v->lineno, v->column, paths,
                              /* Translators: %1$s is a table's title, %2$s a row's label, %3$u how many
                               * numbers the row prints, %4$s the numbers, %5$s the blank columns. */
                              N_("table %1$s: row “%2$s” prints %3$u numbers (%4$s): each was read in the column "
                                 "it stands under; %5$s is blank"),
                              ti->table->title.zh, row->label.zh, v->toks->len, nums, blanks->str);
        }
      else
        ok = FALSE;

      if (!ok)
        {
          g_autofree char *nums = vec_text (v);
          g_autofree char *zh = NULL, *en = NULL;
          g_autofree char *pz = page_note (rd, v->lineno, FALSE), *pe = page_note (rd, v->lineno, TRUE);
          if (g_strcmp0 (v->why, "twice") == 0)
            {
              /* Translators: %1$s is a table's title, %2$s a row's label, %3$s the
               * numbers, %4$s the page (may be empty). */
              const char *format = N_("table %1$s: row “%2$s” has two sets of numbers (%3$s)%4$s: which one is its "
                                      "own is not known; left blank");
              zh = govstats_i18n_printf ("zh", format, ti->table->title.zh, row->label.zh, nums, pz);
              en = govstats_i18n_printf ("en", format, ti->table->title.zh, row->label.zh, nums, pe);
            }
          else
            {
              guint count = 0;
              for (guint i = 0; i < v->toks->len; i++)
                if (!((Tok *) v->toks->pdata[i])->empty_cell || v->explicit)
                  count++;
              /* Translators: %1$s is a table's title, %2$s a row's label, %3$u how many
               * numbers were read, %4$s the numbers, %5$u the columns, %6$s the page (may be empty). */
              const char *format = N_("table %1$s: row “%2$s” has %3$u numbers (%4$s) for %5$u columns%6$s: the "
                                      "numbers are not shifted into place; the row is left blank");
              zh = govstats_i18n_printf ("zh", format, ti->table->title.zh, row->label.zh, count, nums, n, pz);
              en = govstats_i18n_printf ("en", format, ti->table->title.zh, row->label.zh, count, nums, n, pe);
            }
          add_finding (rd, "import.unreadable_row", GOVSTATS_SEVERITY_ERROR, v->lineno, v->column, paths, zh, en);
          continue;
        }

      /* A table printed as one line has its labels in the header: the
       * numbers are placed by their order under it, not by a label. */
      if (v->transposed)
        p = NULL;
      weight = ((p && p->tolerant) || v->order_only) ? TOLERANT_WEIGHT : 1.0;
      for (guint c = 0; c < n; c++)
        if (set_cell (tr, r, c, cells[c], v))
          read += weight;

      if (p && p->tolerant)
        {
          /* Translators: %1$s is a table's title, %2$s the label as printed, %3$s the
           * layout's label it was read as, %4$s how they were matched. */
          const char *format = N_("table %1$s: the row printed as “%2$s” was read as “%3$s” (%4$s)");
          g_autofree char *zh = govstats_i18n_printf ("zh", format, ti->table->title.zh, p->raw->str, row->label.zh,
                                                      tolerant_rule_text (p->how, FALSE));
          g_autofree char *en = govstats_i18n_printf ("en", format, ti->table->title.zh, p->raw->str, row->label.zh,
                                                      tolerant_rule_text (p->how, TRUE));
          add_finding (rd, "import.tolerant_match", GOVSTATS_SEVERITY_INFO, p->lineno, p->column, paths, zh, en);
        }
      else if (v->order_only)
        {
          for (guint c = 0; paths[c]; c++)
            g_strv_builder_add (order_cells, paths[c]);
          if (order_rows->len)
            g_string_append (order_rows, "、");
          g_string_append (order_rows, row->label.zh);
          if (order_lineno == 0)
            {
              order_lineno = v->lineno;
              order_column = v->column;
            }
        }
    }
  if (order_rows->len)
    {
      g_auto(GStrv) paths = g_strv_builder_end (order_cells);
      add_finding_printf (rd, "import.tolerant_match", GOVSTATS_SEVERITY_INFO, order_lineno, order_column, paths,
                          /* Translators: %1$s is a table's title, %2$s the rows' labels. */
                          N_("table %1$s is in reading order and the numbers of these rows do not follow their "
                             "labels; they were paired by row order: %2$s"), ti->table->title.zh, order_rows->str);
    }

  /* Numbers that belong to no row. */
  for (guint vi = 0; vi < tr->vecs->len; vi++)
    {
      Vec *v = tr->vecs->pdata[vi];
      gboolean used = FALSE;
      if (g_strcmp0 (v->why, "orphan") != 0 || tr->fallback)
        continue;
      for (guint k = 0; k < ti->cell_rows->len; k++)
        used = used || tr->row_vec[g_array_index (ti->cell_rows, int, k)] == (int) vi;
      if (!used)
        {
          g_autofree char *nums = vec_text (v);
          add_finding_printf (rd, "import.orphan_numbers", GOVSTATS_SEVERITY_WARNING, v->lineno, v->column, NULL,
                              /* Translators: %1$s is a table's title, %2$s the numbers. */
                              N_("table %1$s: numbers (%2$s) that belong to no row: not read"),
                              ti->table->title.zh, nums);
        }
    }
  *read_out = read;
  *expected_out = rows->len * n;
}

/* Reads one table from its region; FALSE if nothing of it was found. */
static gboolean
read_table (Reader    *rd,
            TableInfo *ti,
            GPtrArray *rlines,
            guint      anchor_lineno,
            gboolean   fallback)
{
  TableRead tr = { 0 };
  guint n_rows = ti->table->rows->len;
  double read = 0;
  guint expected = 0;
  gboolean found = !fallback;

  tr.rd = rd;
  tr.ti = ti;
  tr.rlines = rlines;
  tr.fallback = fallback;
  tr.anchor_lineno = anchor_lineno;
  tr.partials = g_ptr_array_new_with_free_func (partial_free);
  tr.vecs = g_ptr_array_new_with_free_func (vec_free);
  tr.row_vec = g_new (int, n_rows);
  tr.row_partial = g_new (int, n_rows);
  for (guint r = 0; r < n_rows; r++)
    tr.row_vec[r] = tr.row_partial[r] = -1;

  /* Reading order or lines: decided before the labels, which join differently. */
  tr.line_mode = FALSE;
  for (guint li = 0; li < rlines->len && !tr.line_mode; li++)
    {
      Line *l = rlines->pdata[li];
      if (l->content && ((l->explicit && (l->n_values > 0 || l->n_text > 1)) || l->n_values >= 2 ||
                         (l->n_text > 0 && l->n_values > 0)))
        tr.line_mode = TRUE;
    }
  tr.stream = !tr.line_mode;
  label_pass (&tr);
  for (guint i = 0; i < tr.partials->len && !found; i++)
    if (partial_is_row (partial_at (&tr, i)))
      found = TRUE;
  /* A table looked for without its title is there only if its rows are. */
  tr.fallback = FALSE;
  if (!found)
    goto out;
  if (tr.line_mode)
    line_mode_assign (&tr);
  else
    stream_assign (&tr);

  apply_rows (&tr, &read, &expected);
  if (expected > 0)
    {
      double conf = read / expected;
      conf = (double) (gint64) (conf * 1000 + 0.5) / 1000;
      json_object_set_double_member (rd->stats->confidence, ti->table->key, conf);
    }
  rd->stats->n_cells_read += (guint) read;

out:
  g_ptr_array_unref (tr.partials);
  g_ptr_array_unref (tr.vecs);
  g_free (tr.row_vec);
  g_free (tr.row_partial);
  return found;
}

/* ---------- layout ---------- */

static void
collect_labels (GovstatsSchema *schema,
                GPtrArray      *out)
{
  for (guint t = 0; t < govstats_schema_get_n_tables (schema); t++)
    {
      const GovstatsSchemaTable *table = govstats_schema_table_at (schema, t);
      add_string (out, table->title.zh);
      for (guint r = 0; r < table->rows->len; r++)
        {
          const GovstatsSchemaRow *row = table->rows->pdata[r];
          add_string (out, row->label.zh);
          for (guint a = 0; row->aliases && row->aliases[a]; a++)
            add_string (out, row->aliases[a]);
        }
      for (guint c = 0; c < table->columns->len; c++)
        {
          const GovstatsSchemaColumn *col = table->columns->pdata[c];
          add_string (out, col->label.zh);
          for (guint a = 0; col->aliases && col->aliases[a]; a++)
            add_string (out, col->aliases[a]);
        }
    }
}

typedef struct {
  GPtrArray *labels;   /* char *: the distinctive labels (normalised) */
  GPtrArray *keys;     /* char *: what is looked for in the text */
} Features;

/* The labels only @a prints (not even as part of a label of @b), and for
 * each the start that is looked for (a broken label keeps its start). */
static void
features_init (Features  *out,
               GPtrArray *a,
               GPtrArray *b)
{
  out->labels = g_ptr_array_new_with_free_func (g_free);
  out->keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < a->len; i++)
    {
      const char *f = a->pdata[i];
      const char *bare = skip_numbering (f);
      gboolean distinctive = TRUE;

      for (guint k = 0; k < b->len && distinctive; k++)
        if (strstr (b->pdata[k], f) != NULL)
          distinctive = FALSE;
      for (guint k = 0; k < i && distinctive; k++)
        if (g_str_equal (a->pdata[k], f))
          distinctive = FALSE;
      if (!distinctive)
        continue;
      g_ptr_array_add (out->labels, g_strdup (f));
      if (n_chars (bare) >= 4)
        g_ptr_array_add (out->keys, g_strndup (bare, (gsize) (g_utf8_offset_to_pointer (bare, MIN (8, n_chars (bare))) - bare)));
      else
        g_ptr_array_add (out->keys, g_strdup (f));
    }
}

static guint
layout_score (const Features *features,
              const char     *text,
              GString        *hits)
{
  guint score = 0;

  for (guint i = 0; i < features->keys->len; i++)
    if (strstr (text, features->keys->pdata[i]))
      {
        score++;
        if (hits->len)
          g_string_append (hits, "、");
        g_string_append (hits, features->labels->pdata[i]);
      }
  return score;
}

static GovstatsSchema *
detect_layout (Reader   *rd,
               gboolean *undetermined,
               GString  *why)
{
  GovstatsSchema *s2019 = govstats_schema_get_for_version ("2019");
  GovstatsSchema *s2021 = govstats_schema_get_for_version ("2021");
  /* The built-in schemas never change: their features are computed once. */
  static Features f2019, f2021;
  static gsize features_ready = 0;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) h2019 = g_string_new (NULL);
  g_autoptr(GString) h2021 = g_string_new (NULL);
  int from = 0, to = (int) rd->lines->len;
  guint a, b;

  *undetermined = FALSE;
  if (s2019 == NULL || s2021 == NULL)
    {
      *undetermined = TRUE;
      return s2021 ? s2021 : s2019;
    }
  if (g_once_init_enter (&features_ready))
    {
      g_autoptr(GPtrArray) l2019 = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) l2021 = g_ptr_array_new_with_free_func (g_free);
      collect_labels (s2019, l2019);
      collect_labels (s2021, l2021);
      features_init (&f2019, l2019, l2021);
      features_init (&f2021, l2021, l2019);
      g_once_init_leave (&features_ready, 1);
    }

  /* The tables only: narrative text may name anything. */
  for (guint i = 0; i < rd->lines->len; i++)
    {
      Line *l = rd->lines->pdata[i];
      if (!l->content || l->n_text == 0)
        continue;
      if (from == 0 && section_heading_at (s2021, 1, l->norm))
        from = (int) i;
      else if (from > 0 && section_heading_at (s2021, 4, l->norm))
        {
          to = (int) i;
          break;
        }
    }
  for (int i = from; i < to; i++)
    g_string_append (text, ((Line *) rd->lines->pdata[i])->norm);

  a = layout_score (&f2019, text->str, h2019);
  b = layout_score (&f2021, text->str, h2021);
  if (a > b)
    {
      g_string_assign (why, h2019->str);
      return s2019;
    }
  if (b == a)
    *undetermined = TRUE;
  g_string_assign (why, h2021->str);
  return s2021;
}

/* ---------- metadata ---------- */

static char *
line_text (Line *l)
{
  return g_strstrip (g_strdup (l->src->text));
}

static const char * const office_suffixes[] = {
  "党政综合办公室", "党政办公室", "政务公开办公室", "党政办", "办公室", "办公厅", NULL
};

static char *
strip_office (const char *name)
{
  for (guint i = 0; office_suffixes[i]; i++)
    if (g_str_has_suffix (name, office_suffixes[i]) && strlen (name) > strlen (office_suffixes[i]) + 6)
      {
        g_autofree char *head = g_strndup (name, strlen (name) - strlen (office_suffixes[i]));
        /* "XX局办公室" is the office of XX局; "人民政府办公室" of the government. */
        return g_steal_pointer (&head);
      }
  return g_strdup (name);
}

/* "洪泽区人民政府" in a preamble that says "本报告由淮安市洪泽区人民政府办公室…":
 * the full name, with the city that the title leaves out. */
static char *
extend_unit_name (const char *unit,
                  const char *preamble)
{
  static const char *function_chars = "由向与请和及对经在为是将据的系及至";
  const char *p;

  if (strstr (unit, "市") || strstr (unit, "省") || strstr (unit, "州") || strstr (unit, "盟"))
    return NULL;
  for (p = strstr (preamble, unit); p; p = strstr (p + 1, unit))
    {
      for (glong k = 2; k <= 5; k++)
        {
          const char *start = p;
          const char *before;
          gunichar last, prev;
          glong i;
          for (i = 0; i <= k && start > preamble; i++)
            start = g_utf8_prev_char (start);
          if (i <= k)
            break;
          last = g_utf8_get_char (g_utf8_prev_char (p));
          if (last != 0x5E02 /* 市 */ && last != 0x7701 /* 省 */ && last != 0x5DDE /* 州 */ && last != 0x76DF /* 盟 */)
            break;
          before = start;
          prev = g_utf8_get_char (before);
          if (!is_han (prev) || g_utf8_strchr (function_chars, -1, prev))
            {
              const char *s = g_utf8_next_char (before);
              g_autofree char *prefix = g_strndup (s, (gsize) (p - s));
              gboolean all_han = TRUE;
              for (const char *q = prefix; *q; q = g_utf8_next_char (q))
                all_han = all_han && is_han (g_utf8_get_char (q));
              if (all_han)
                return g_strconcat (prefix, unit, NULL);
            }
        }
    }
  return NULL;
}

static GovstatsUnitKind
unit_kind_from_name (const char *name)
{
  static const char * const department[] = {
    "局", "委", "委员会", "办", "办公室", "中心", "院", "所", "厅", "署", "队", "站", "处", "会", "部", "馆", NULL
  };

  if (g_str_has_suffix (name, "街道办事处") || g_str_has_suffix (name, "街道") ||
      g_str_has_suffix (name, "镇人民政府") || g_str_has_suffix (name, "乡人民政府") ||
      g_str_has_suffix (name, "镇政府") || g_str_has_suffix (name, "乡政府"))
    return GOVSTATS_UNIT_KIND_TOWN;
  if (g_str_has_suffix (name, "人民政府") || g_str_has_suffix (name, "政府") ||
      g_str_has_suffix (name, "人民政府办公室") || g_str_has_suffix (name, "政府办公室") ||
      g_str_has_suffix (name, "行政公署"))
    return GOVSTATS_UNIT_KIND_GOVERNMENT;
  for (guint i = 0; department[i]; i++)
    if (g_str_has_suffix (name, department[i]))
      return GOVSTATS_UNIT_KIND_DEPARTMENT;
  return GOVSTATS_UNIT_KIND_OTHER;
}

static void
read_metadata (Reader  *rd,
               int      first_heading,
               int      tables_heading)
{
  g_autoptr(GRegex) title_re = g_regex_new ("^(.*?)\\s*((?:19|20)\\d{2})\\s*年度?\\s*(?:的)?\\s*政府\\s*信息\\s*公开\\s*"
                                            "(?:工作\\s*)?(?:年度\\s*)?(?:工作\\s*)?报\\s*告", 0, 0, NULL);
  g_autoptr(GRegex) period_re = g_regex_new ("((?:19|20)\\d{2})\\s*年\\s*0?1\\s*月\\s*0?1\\s*日", 0, 0, NULL);
  g_autoptr(GRegex) maker_re = g_regex_new ("(?:本(?:年度)?报告|本年度报告)(?:是根据[^，,。]*?[，,])?由\\s*([^，,。\\s]{2,40}?)"
                                            "\\s*(?:根据|按照|依据|编制|制作|要求)", 0, 0, NULL);
  g_autoptr(GString) preamble = g_string_new (NULL);
  g_autofree char *unit = NULL;
  int year = 0;
  /* The title and the preamble: before the first heading, or (when the
   * preamble is printed under 一、) before the tables. */
  guint limit = tables_heading > 0 ? (guint) tables_heading
              : first_heading > 0 ? (guint) first_heading : MIN (rd->lines->len, 40);
  Line *prev = NULL;

  for (guint i = 0; i < limit && i < rd->lines->len; i++)
    {
      Line *l = rd->lines->pdata[i];
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) m = NULL;

      if (!l->content)
        continue;
      text = line_text (l);
      g_string_append (preamble, l->norm);
      if (year == 0 && g_regex_match (title_re, text, 0, &m))
        {
          g_autofree char *name = g_match_info_fetch (m, 1);
          g_autofree char *y = g_match_info_fetch (m, 2);
          char *colon;
          g_strstrip (name);
          /* A sentence that names a report is no title. */
          if (n_chars (name) > 40 || strpbrk (name, ",;") || strstr (name, "，") || strstr (name, "。"))
            {
              prev = l;
              continue;
            }
          year = atoi (y);
          /* "标题: 中埠镇人民政府…", "沭阳县发展和改革局 | …" */
          if ((colon = g_utf8_strrchr (name, -1, ':')) || (colon = g_utf8_strrchr (name, -1, 0xFF1A)))
            memmove (name, g_utf8_next_char (colon), strlen (g_utf8_next_char (colon)) + 1);
          {
            g_autofree char *norm = govstats_import_normalize_label (name);
            g_free (name);
            name = g_steal_pointer (&norm);
          }
          if (*name == '\0' && prev != NULL)
            {
              g_autofree char *pt = line_text (prev);
              g_autofree char *pn = govstats_import_normalize_label (pt);
              if (n_chars (pn) <= 30 && strpbrk (pn, "0123456789") == NULL)
                {
                  g_free (name);
                  name = g_steal_pointer (&pn);
                }
            }
          if (*name != '\0' && unit == NULL)
            unit = g_steal_pointer (&name);
        }
      prev = l;
    }
  if (year == 0)
    for (guint i = 0; i < limit && i < rd->lines->len && year == 0; i++)
      {
        Line *l = rd->lines->pdata[i];
        g_autoptr(GMatchInfo) m = NULL;
        if (l->content && g_regex_match (period_re, l->src->text, 0, &m))
          {
            g_autofree char *y = g_match_info_fetch (m, 1);
            year = atoi (y);
          }
      }
  if (unit == NULL)
    {
      g_autoptr(GMatchInfo) m = NULL;
      if (g_regex_match (maker_re, preamble->str, 0, &m))
        {
          g_autofree char *maker = g_match_info_fetch (m, 1);
          unit = strip_office (maker);
        }
    }
  else
    {
      char *full = extend_unit_name (unit, preamble->str);
      if (full)
        {
          g_free (unit);
          unit = full;
        }
    }

  if (year > 0)
    govstats_report_set_year (rd->report, year);
  if (unit)
    {
      govstats_report_set_unit_name (rd->report, unit);
      govstats_report_set_unit_kind (rd->report, unit_kind_from_name (unit));
    }
  if (year == 0 || unit == NULL)
    {
      const char *format = unit ? N_("the year of the report was not found (the title should read "
                                     "“<unit> 2024 年政府信息公开工作年度报告”)")
                         : year ? N_("the unit of the report was not found (the title should read "
                                     "“<unit> 2024 年政府信息公开工作年度报告”)")
                                : N_("the unit and the year of the report were not found (the title should read "
                                     "“<unit> 2024 年政府信息公开工作年度报告”)");
      add_finding (rd, "import.missing_metadata", GOVSTATS_SEVERITY_WARNING, 1, 1, NULL,
                   govstats_i18n_gettext ("zh", format), format);
    }
}

/* ---------- text sections ---------- */

static gboolean
ends_sentence (const char *s)
{
  return g_str_has_suffix (s, "。") || g_str_has_suffix (s, "：") || g_str_has_suffix (s, "；") ||
         g_str_has_suffix (s, "！") || g_str_has_suffix (s, "？") || g_str_has_suffix (s, ":") ||
         g_str_has_suffix (s, "）") || g_str_has_suffix (s, ")");
}

/* The printed width of a line of text: CJK characters count two, spaces
 * nothing (pdftotext pads and spaces out lines). */
static int
text_width (const char *s)
{
  int w = 0;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_space (c))
        continue;
      w += g_unichar_iswide (c) ? 2 : 1;
    }
  return w;
}

static int
compare_ints_desc (gconstpointer a,
                   gconstpointer b)
{
  return compare_ints (b, a);
}

static char *
section_text (Reader *rd,
              int     from,
              int     to)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) indents = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (int));
  GString *out = g_string_new (NULL);
  int typical = 0;
  guint near = 0;
  gboolean varied_indent = FALSE, wrapped;
  int first_indent = -1;

  for (int i = from; i < to; i++)
    {
      Line *l = rd->lines->pdata[i];
      const char *p = l->src->text;
      int indent = 0, w;
      if (!l->content)
        continue;
      while (*p == ' ')
        {
          p++;
          indent++;
        }
      g_ptr_array_add (texts, g_strstrip (g_strdup (l->src->text)));
      g_array_append_val (indents, indent);
      w = text_width (texts->pdata[texts->len - 1]);
      g_array_append_val (widths, w);
      if (first_indent < 0)
        first_indent = indent;
      else if (ABS (indent - first_indent) >= 2)
        varied_indent = TRUE;
    }

  /* Signature lines at the end: the unit's name, a date. */
  while (texts->len > 0)
    {
      const char *last = texts->pdata[texts->len - 1];
      g_autofree char *norm = govstats_import_normalize_label (last);
      const char *unit = govstats_report_get_unit_name (rd->report);
      gboolean date = g_regex_match_simple ("^(19|20)\\d{2}年\\d{1,2}月\\d{1,2}日$", norm, 0, 0);
      if (date || (unit && g_str_equal (norm, unit)))
        {
          g_ptr_array_set_size (texts, texts->len - 1);
          g_array_set_size (indents, indents->len - 1);
          g_array_set_size (widths, widths->len - 1);
        }
      else
        break;
    }

  /* Text wrapped at a fixed width (PDF text), or one paragraph per line? */
  if (widths->len > 0)
    {
      g_autoptr(GArray) sorted = g_array_copy (widths);
      g_array_sort (sorted, compare_ints_desc);
      typical = g_array_index (sorted, int, sorted->len / 5);
      for (guint i = 0; i < widths->len; i++)
        if (g_array_index (widths, int, i) >= typical - 4)
          near++;
    }
  wrapped = texts->len > 1 && near * 3 >= texts->len;

  for (guint i = 0; i < texts->len; i++)
    {
      const char *t = texts->pdata[i];
      gboolean new_para = out->len == 0;

      if (!new_para)
        {
          const char *prev = texts->pdata[i - 1];
          gboolean prev_short = g_array_index (widths, int, i - 1) < typical - 4;
          if (!wrapped)
            new_para = TRUE;
          else if (varied_indent && g_array_index (indents, int, i) > g_array_index (indents, int, i - 1) + 1)
            new_para = TRUE;
          else if (word_starts_with_numbering (t) && (ends_sentence (prev) || prev_short))
            new_para = TRUE;
          else if (prev_short)
            new_para = TRUE;
        }
      if (new_para && out->len)
        g_string_append_c (out, '\n');
      else if (!new_para)
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (out->str + out->len));
          if (!(is_cjk (before) || is_cjk (g_utf8_get_char (t))))
            g_string_append_c (out, ' ');
        }
      g_string_append (out, t);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
check_text_against_table (Reader *rd)
{
  const char *overview = govstats_report_get_text (rd->report, "overview");
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) m = NULL;
  gint64 received = 0, carried = 0;
  gboolean has_received, has_carried;

  if (overview == NULL || !govstats_schema_has_cell (rd->schema, "applications/received/total"))
    return;
  has_received = govstats_report_get_value (rd->report, "applications/received/total", &received);
  has_carried = govstats_report_get_value (rd->report, "applications/carried_over/total", &carried);
  if (!has_received)
    return;
  re = g_regex_new ("(?:受理|收到)[^0-9。；]{0,24}?申请[^0-9。；]{0,8}?(\\d+)\\s*件", 0, 0, NULL);
  if (g_regex_match (re, overview, 0, &m))
    {
      g_autofree char *num = g_match_info_fetch (m, 1);
      g_autofree char *phrase = g_match_info_fetch (m, 0);
      gint64 n = g_ascii_strtoll (num, NULL, 10);
      if (n != received && !(has_carried && n == received + carried))
        {
          const char *cells[] = { "applications/received/total", NULL };
          g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, received);
          GovstatsFinding *f = add_finding_printf (rd, "import.text_mismatch", GOVSTATS_SEVERITY_INFO, 0, 0, NULL,
                                                   /* Translators: %1$s is a phrase of the report's overview,
                                                    * %2$s the total of table III's new applications. */
                                                   N_("the overview says “%1$s” while table III has %2$s new "
                                                      "applications in total: please compare"), phrase, total);
          govstats_finding_set_cells (f, cells);
        }
    }
}

static void
read_scope (Reader *rd)
{
  const char *overview = govstats_report_get_text (rd->report, "overview");

  /* A government's report is the aggregate of its territory when it counts
   * applications for the whole city, district or county (全市共受理…);
   * a department's or a town's figures are its own. */
  govstats_report_set_scope (rd->report, GOVSTATS_SCOPE_OWN);
  if (overview == NULL || govstats_report_get_unit_kind (rd->report) != GOVSTATS_UNIT_KIND_GOVERNMENT)
    return;
  if (g_regex_match_simple ("全(市|区|县|省|旗|州|盟|自治州|自治县)[^。；，]{0,12}?(共|受理|收到|办理|新收)",
                            overview, 0, 0))
    govstats_report_set_scope (rd->report, GOVSTATS_SCOPE_AGGREGATE);
}

/* ---------- the document ---------- */

GovstatsReport *
govstats_import_read_doc (GovstatsImportDoc   *doc,
                          const char          *name,
                          GPtrArray           *findings,
                          GovstatsImportStats *stats)
{
  Reader rd = { 0 };
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (table_info_free);
  g_autoptr(GString) why = g_string_new (NULL);
  g_autoptr(GArray) anchor_lines = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree gboolean *used = NULL;
  Anchors an;
  gboolean undetermined = FALSE, any_anchor = FALSE;
  guint n_sections, n_tables;
  int first_heading = -1;

  rd.name = name;
  rd.findings = findings;
  rd.stats = stats;
  rd.lines = tokenize_doc (doc);
  rd.schema = detect_layout (&rd, &undetermined, why);
  rd.report = govstats_report_new (rd.schema);

  n_tables = MIN (govstats_schema_get_n_tables (rd.schema), 16);
  n_sections = MIN (govstats_schema_get_n_sections (rd.schema), 16);
  for (guint t = 0; t < n_tables; t++)
    g_ptr_array_add (infos, table_info_new (rd.schema, t));
  find_anchors (&rd, infos, &an);

  for (guint s = 0; s < n_sections; s++)
    if (an.section_line[s] >= 0)
      {
        g_array_append_val (anchor_lines, an.section_line[s]);
        if (first_heading < 0 || an.section_line[s] < first_heading)
          first_heading = an.section_line[s];
        any_anchor = TRUE;
      }
  for (guint t = 0; t < n_tables; t++)
    if (an.table_line[t] >= 0)
      {
        g_array_append_val (anchor_lines, an.table_line[t]);
        any_anchor = TRUE;
      }
  g_array_sort (anchor_lines, compare_ints);

  /* Each table: from its anchor to the next heading or title. */
  used = g_new0 (gboolean, rd.lines->len);
  for (guint t = 0; t < n_tables; t++)
    {
      TableInfo *ti = infos->pdata[t];
      g_autoptr(GPtrArray) rlines = g_ptr_array_new ();
      int start = an.table_line[t], end = (int) rd.lines->len;

      if (start < 0)
        continue;
      for (guint k = 0; k < anchor_lines->len; k++)
        if (g_array_index (anchor_lines, int, k) > start)
          {
            end = g_array_index (anchor_lines, int, k);
            break;
          }
      for (int i = start + 1; i < end; i++)
        {
          g_ptr_array_add (rlines, rd.lines->pdata[i]);
          used[i] = TRUE;
        }
      read_table (&rd, ti, rlines, ((Line *) rd.lines->pdata[start])->src->lineno, FALSE);
      stats->n_tables_found++;
    }

  /* Tables without a title: looked for by their row labels in their section
   * (or, in a bare table without any heading, anywhere). */
  for (guint t = 0; t < n_tables; t++)
    {
      TableInfo *ti = infos->pdata[t];
      g_autoptr(GPtrArray) rlines = g_ptr_array_new ();
      int from = -1, to = (int) rd.lines->len;
      gboolean found = FALSE;

      if (an.table_line[t] >= 0)
        continue;
      if (!any_anchor)
        from = 0;
      for (guint s = 0; s < n_sections && any_anchor; s++)
        {
          const GovstatsSchemaSection *sec = govstats_schema_section_at (rd.schema, s);
          if (sec->tables && g_strv_contains ((const char * const *) sec->tables, ti->table->key) &&
              an.section_line[s] >= 0)
            {
              from = an.section_line[s] + 1;
              for (guint s2 = s + 1; s2 < n_sections; s2++)
                if (an.section_line[s2] >= 0)
                  {
                    to = an.section_line[s2];
                    break;
                  }
            }
        }
      if (from >= 0)
        {
          for (int i = from; i < to; i++)
            if (!used[i])
              g_ptr_array_add (rlines, rd.lines->pdata[i]);
          found = read_table (&rd, ti, rlines, 0, TRUE);
        }
      if (found)
        {
          stats->n_tables_found++;
          add_finding_printf (&rd, "import.missing_title", GOVSTATS_SEVERITY_INFO, 0, 0, NULL,
                              /* Translators: %s is a table's title. */
                              N_("the title of table %s was not found; its rows were found by their labels"),
                              ti->table->title.zh);
        }
      else
        {
          g_auto(GStrv) paths = govstats_schema_dup_cell_paths (rd.schema, ti->table->key);
          guint lineno = rd.lines->len ? ((Line *) rd.lines->pdata[rd.lines->len - 1])->src->lineno : 0;
          add_finding_printf (&rd, "import.missing_table", GOVSTATS_SEVERITY_ERROR, lineno, 0, paths,
                              /* Translators: %1$s is a table's title, %2$s its key. */
                              N_("table %1$s (%2$s) not found: left blank"), ti->table->title.zh, ti->table->key);
          json_object_set_double_member (stats->confidence, ti->table->key, 0.0);
        }
    }

  if (undetermined)
    {
      add_finding_printf (&rd, "import.layout_undetermined", GOVSTATS_SEVERITY_INFO, 0, 0, NULL,
                          /* Translators: %s is the layout the report was read as (2019 or 2021). */
                          N_("the headers and row labels do not tell the 2019 layout from the 2021 one; read as %s"),
                          govstats_schema_get_version (rd.schema));
    }

  read_metadata (&rd, first_heading, n_sections > 1 ? an.section_line[1] : -1);

  /* Text sections: from their heading to the next heading. */
  for (guint s = 0; s < n_sections; s++)
    {
      const GovstatsSchemaSection *sec = govstats_schema_section_at (rd.schema, s);
      int from = an.section_line[s], to = (int) rd.lines->len;
      g_autofree char *text = NULL;

      if (!sec->is_text || from < 0)
        continue;
      for (guint k = 0; k < anchor_lines->len; k++)
        if (g_array_index (anchor_lines, int, k) > from)
          {
            to = g_array_index (anchor_lines, int, k);
            break;
          }
      text = section_text (&rd, from + 1, to);
      if (text)
        govstats_report_set_text (rd.report, sec->key, text);
    }
  read_scope (&rd);
  check_text_against_table (&rd);

  g_ptr_array_unref (rd.lines);
  return rd.report;
}
