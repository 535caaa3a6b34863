/* govstats-narrative-read.c — the narrative reader: each figure of the prose bound to the quantity it states
 *
 * A figure is bound when its unit follows it, the words of one of a
 * statement's forms come before it (or after its unit) within its sentence,
 * the topic last named is the statement's, and what else the clause says
 * before the words is only filler (a year, 全县, 共, …). Anything more — a
 * sub-unit, a word of doubt such as 备案 or 同比, two statements matching
 * equally — makes the binding uncertain: the statement is kept and reported
 * as undecided, never as a contradiction.
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-narrative-private.h"
#include "govstats-report-private.h"

#define MAX_GAP 8        /* characters between the last word and the figure */
#define MAX_AFTER_GAP 4  /* between the unit and the first word after it */

typedef struct {
  GovstatsNarrative *n;
  const gunichar    *c;
  glong              len;
  const char       **topic_before;   /* see topics_before() */
} Para;

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == 0x3000 || c == 0xA0 || c == '\t';
}

static gboolean
ends_sentence (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '\n' || c == '!' || c == '?';
}

static gboolean
ends_clause (gunichar c)
{
  return ends_sentence (c) || c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == 0xFF1A || c == ':' ||
         c == 0xFF08 || c == 0xFF09 || c == '(' || c == ')' || c == 0x3001;
}

/* Does @word occur at @at? Its length, or 0. */
static glong
match_at (Para       *p,
          glong       at,
          const char *word)
{
  return govstats_narrative_match_at (p->c, p->len, at, word);
}

/* The last occurrence of any of @words within [@from, @to): its start, or -1. */
static glong
find_last (Para   *p,
           glong   from,
           glong   to,
           GStrv   words,
           glong  *length)
{
  for (glong at = to - 1; at >= from; at--)
    if ((*length = govstats_narrative_longest_at (p->c, to, at, words)) > 0)
      return at;
  return -1;
}

static glong
find_first (Para   *p,
            glong   from,
            glong   to,
            GStrv   words,
            glong  *length)
{
  for (glong at = from; at < to; at++)
    if ((*length = govstats_narrative_longest_at (p->c, to, at, words)) > 0)
      return at;
  return -1;
}

/* For each position, the topic whose word ends last before it (NULL where
 * none has yet): one pass over the paragraph. */
static const char **
topics_before (Para *p)
{
  const char **before = g_new0 (const char *, p->len + 1);

  for (glong i = 0; i < p->len; i++)
    {
      const char *here = NULL;
      for (guint t = 0; t < p->n->topics->len && here == NULL; t++)
        {
          NarrativeTopic *topic = p->n->topics->pdata[t];
          for (guint w = 0; topic->words[w] && here == NULL; w++)
            {
              glong l = g_utf8_strlen (topic->words[w], -1);
              if (i - l + 1 >= 0 && match_at (p, i - l + 1, topic->words[w]) == l)
                here = topic->key;
            }
        }
      before[i + 1] = here ? here : before[i];
    }
  return before;
}

typedef struct {
  const NarrativeStatement *def;
  const NarrativeForm      *form;
  glong  score;
  glong  first;              /* start of the first word before the figure, or the figure */
  glong  spans[16][2];       /* the matched words */
  guint  n_spans;
} Match;

static gboolean
match_form (Para                *p,
            const NarrativeForm *form,
            glong                window,
            glong                clause,
            glong                fig,
            glong                after_unit,
            glong                clause_end,
            Match               *m)
{
  glong limit = fig, score = 0, len = 0;

  m->n_spans = 0;
  m->first = fig;
  for (gint k = (gint) form->before->len - 1; k >= 0; k--)
    {
      glong at = find_last (p, window, limit, form->before->pdata[k], &len);
      if (at < 0)
        return FALSE;
      if (k == (gint) form->before->len - 1 && (at + len < clause || fig - (at + len) > MAX_GAP))
        return FALSE;
      if (m->n_spans < 16)
        {
          m->spans[m->n_spans][0] = at;
          m->spans[m->n_spans++][1] = at + len;
        }
      score += len;
      limit = at;
      m->first = at;
    }
  limit = after_unit;
  for (guint k = 0; k < form->after->len; k++)
    {
      glong at = find_first (p, limit, clause_end, form->after->pdata[k], &len);
      if (at < 0 || (k == 0 && at - after_unit > MAX_AFTER_GAP))
        return FALSE;
      if (m->n_spans < 16)
        {
          m->spans[m->n_spans][0] = at;
          m->spans[m->n_spans++][1] = at + len;
        }
      score += len;
      limit = at + len;
    }
  m->score = score;
  return TRUE;
}

static gboolean
in_spans (const Match *m,
          glong        at)
{
  for (guint s = 0; s < m->n_spans; s++)
    if (at >= m->spans[s][0] && at < m->spans[s][1])
      return TRUE;
  return FALSE;
}

/* What the clause says before the statement's words, beyond fillers, years
 * and kinds of unit: NULL when nothing. Sets @kind to a kind of unit named. */
static char *
residue (Para                 *p,
         glong                 from,
         glong                 to,
         const NarrativeKind **kind)
{
  GString *s = g_string_new (NULL);

  *kind = NULL;
  for (glong i = from; i < to;)
    {
      glong best = 0;
      if (is_space (p->c[i]) || ends_clause (p->c[i]) || g_unichar_ispunct (p->c[i]))
        {
          i++;
          continue;
        }
      if (g_unichar_isdigit (p->c[i]))
        {
          glong j = i;
          while (j < to && g_unichar_isdigit (p->c[j]))
            j++;
          j = MAX (j, i + 1);
          while (j < to && is_space (p->c[j]))
            j++;
          if (j < to && (p->c[j] == 0x5E74))   /* 2023年 */
            {
              i = j + 1;
              continue;
            }
        }
      for (guint k = 0; k < p->n->kinds->len; k++)
        {
          NarrativeKind *nk = p->n->kinds->pdata[k];
          for (guint w = 0; nk->words[w]; w++)
            {
              glong l = match_at (p, i, nk->words[w]);
              if (l > best && i + l <= to)
                {
                  best = l;
                  *kind = nk;
                }
            }
        }
      if (best == 0)
        best = govstats_narrative_longest_at (p->c, to, i, p->n->fillers);
      if (best > 0)
        {
          i += best;
          continue;
        }
      g_string_append_unichar (s, p->c[i]);
      i++;
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

static char *
doubt_word (Para        *p,
            const Match *m,
            glong        from,
            glong        to)
{
  for (glong i = from; i < to; i++)
    for (guint w = 0; p->n->doubt[w]; w++)
      {
        glong l = match_at (p, i, p->n->doubt[w]);
        gboolean inside = FALSE;
        for (glong k = i; l > 0 && k < i + l; k++)
          inside |= in_spans (m, k);
        if (l > 0 && i + l <= to && !inside)
          return g_strdup (p->n->doubt[w]);
      }
  return NULL;
}

static char *
ucs4_to_utf8 (const gunichar *c,
              glong           from,
              glong           to)
{
  return g_ucs4_to_utf8 (c + from, MAX (to - from, 0), NULL, NULL, NULL);
}

/* The unit after the figure: the end of it, or -1. */
static glong
unit_after (Para                     *p,
            const NarrativeStatement *def,
            glong                     at)
{
  while (at < p->len && is_space (p->c[at]))
    at++;
  for (guint u = 0; def->units[u]; u++)
    {
      glong l = match_at (p, at, def->units[u]);
      if (l > 0)
        return at + l;
    }
  return -1;
}

static gboolean
section_ok (const NarrativeStatement *def,
            const char               *section)
{
  return g_strv_contains ((const char * const *) def->sections, section);
}

/* A share printed after the figure: "，占比 21.5%". */
static const NarrativeNumber *
share_after (Para   *p,
             GArray *numbers,
             guint   index,
             glong   at)
{
  NarrativeNumber *next;

  if (index + 1 >= numbers->len)
    return NULL;
  next = &g_array_index (numbers, NarrativeNumber, index + 1);
  if (!next->percent)
    return NULL;
  while (at < p->len && (is_space (p->c[at]) || p->c[at] == 0xFF0C || p->c[at] == ','))
    at++;
  for (guint w = 0; p->n->shares[w]; w++)
    {
      glong l = match_at (p, at, p->n->shares[w]);
      if (l > 0 && next->start - (at + l) <= 6 && next->start >= at + l)
        return next;
    }
  return NULL;
}

typedef struct {
  GovstatsReport *report;
  GovstatsRollup *rollup;
  GPtrArray      *out;
  const char     *section;
  guint           paragraph;
} ReadState;

static void
bind_number (ReadState *st,
             Para      *p,
             GArray    *numbers,
             guint      index,
             glong     *prev_end)
{
  NarrativeNumber *num = &g_array_index (numbers, NarrativeNumber, index);
  glong sentence = num->start, clause = num->start, clause_end = num->end, window;
  Match best = { 0 }, m;
  gboolean tie = FALSE;
  glong unit_end = -1;
  const NarrativeKind *kind = NULL;
  g_autofree char *doubt = NULL;
  g_autofree char *rest = NULL;
  const char *topic;

  while (sentence > 0 && !ends_sentence (p->c[sentence - 1]))
    sentence--;
  while (clause > 0 && !ends_clause (p->c[clause - 1]))
    clause--;
  while (clause_end < p->len && !ends_clause (p->c[clause_end]))
    clause_end++;
  window = MAX (sentence, *prev_end);
  topic = p->topic_before[num->num_start];

  for (guint s = 0; s < p->n->statements->len; s++)
    {
      const NarrativeStatement *def = p->n->statements->pdata[s];
      glong ue;
      if (!section_ok (def, st->section) || (ue = unit_after (p, def, num->end)) < 0)
        continue;
      if (def->topic && g_strcmp0 (def->topic, topic) != 0)
        continue;
      for (guint f = 0; f < def->forms->len; f++)
        {
          if (!match_form (p, def->forms->pdata[f], window, clause, num->num_start, ue, clause_end, &m))
            continue;
          m.def = def;
          m.form = def->forms->pdata[f];
          if (best.def == NULL || m.score > best.score)
            {
              best = m;
              unit_end = ue;
              tie = FALSE;
            }
          else if (m.score == best.score && m.def != best.def)
            tie = TRUE;
        }
    }
  if (best.def == NULL)
    return;
  *prev_end = unit_end;
  rest = residue (p, clause, best.first < num->start ? best.first : num->start, &kind);
  doubt = doubt_word (p, &best, clause, num->start);
  if (tie && doubt == NULL)
    doubt = g_strdup ("?");
  else if (rest && doubt == NULL)
    doubt = g_steal_pointer (&rest);
  if (kind && !best.def->by_kind && doubt == NULL)
    doubt = govstats_label_get (&kind->name, "zh") ? g_strdup (kind->name.zh) : NULL;

  {
    g_autofree char *sentence_text = NULL;
    g_autofree char *printed = NULL;
    glong send = num->end;
    const NarrativeNumber *share;
    GovstatsStatement *stmt = govstats_statement_new (best.def);

    while (send < p->len && !ends_sentence (p->c[send]))
      send++;
    if (send < p->len && p->c[send] != '\n')
      send++;
    sentence_text = ucs4_to_utf8 (p->c, sentence, send);
    printed = ucs4_to_utf8 (p->c, num->start, unit_end);
    govstats_statement_fill (stmt, st->section, st->paragraph, sentence_text, num->start, unit_end, printed, num,
                             best.form->sign, best.def->by_kind ? kind : NULL, doubt);
    share = share_after (p, numbers, index, unit_end);
    if (share)
      {
        g_autofree char *sp = ucs4_to_utf8 (p->c, share->start, share->end);
        govstats_statement_set_share (stmt, sp, share);
      }
    govstats_statement_decide (stmt, st->report, st->rollup);
    g_ptr_array_add (st->out, stmt);
  }
}

static void
read_paragraph (ReadState         *st,
                GovstatsNarrative *n,
                const char        *text)
{
  glong len = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &len);
  Para p = { n, chars, len, NULL };
  g_autoptr(GArray) numbers = govstats_narrative_find_numbers (n, chars, len);
  g_autofree const char **topic_before = NULL;
  glong prev_end = 0;

  p.topic_before = topic_before = topics_before (&p);

  for (guint i = 0; i < numbers->len; i++)
    if (!g_array_index (numbers, NarrativeNumber, i).percent)
      bind_number (st, &p, numbers, i, &prev_end);
}

/**
 * govstats_report_read_statements:
 * @self: a report
 * @rollup: (nullable): the rollup the report was consolidated by, to check
 *   the figures stated for a kind of unit ("各镇街 … 件")
 *
 * Reads the figures the report's prose states and binds each to the
 * quantity of the tables it claims, with the phrases of the report's layout
 * (the `narrative` member of the layout's data; see `govstats schema`).
 * Each statement has its verdict: whether the tables agree.
 *
 * Returns: (transfer container) (element-type GovstatsStatement): the
 *   statements, in the order of the text
 *
 * Since: 0.1
 */
GPtrArray *
govstats_report_read_statements (GovstatsReport *self,
                                 GovstatsRollup *rollup)
{
  GovstatsNarrative *n;
  ReadState st = { self, rollup, NULL, NULL, 0 };
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (GOVSTATS_IS_REPORT (self), NULL);
  g_return_val_if_fail (rollup == NULL || GOVSTATS_IS_ROLLUP (rollup), NULL);
  st.out = g_ptr_array_new_with_free_func (g_object_unref);
  n = govstats_schema_get_narrative (govstats_report_get_schema (self));
  if (n == NULL)
    return st.out;
  keys = govstats_report_dup_text_keys (self);
  for (guint k = 0; keys[k]; k++)
    {
      guint nb = govstats_report_get_n_text_blocks (self, keys[k]);
      st.section = keys[k];
      for (guint b = 0; b < nb; b++)
        {
          gboolean is_table;
          const char *text = govstats_report_get_text_block (self, keys[k], b, &is_table);
          if (is_table || text == NULL)
            continue;
          st.paragraph = b;
          read_paragraph (&st, n, text);
        }
    }
  return st.out;
}
