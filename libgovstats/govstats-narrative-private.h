/* govstats-narrative-private.h — the narrative phrases of a layout, compiled, and the reader that binds the prose's figures
 *
 * The phrases, their synonyms and the quantity each statement binds to are
 * schema data (the `narrative` member of a layout file), compiled once by
 * govstats-narrative.c; govstats-narrative-read.c finds the figures in a
 * report's prose and binds them; govstats-statement.c is the public type.
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "govstats-schema-private.h"
#include "govstats-statement.h"

G_BEGIN_DECLS


/* One way a statement is phrased: words before the figure (each a set of
 * synonyms, in order) and words after its unit. */
typedef struct {
  GPtrArray *before;   /* GStrv */
  GPtrArray *after;    /* GStrv */
  int        sign;     /* +1, or -1 when the words state a decrease */
} NarrativeForm;

/* A term of a quantity: a cell (index) or an indicator, with a sign. */
typedef struct {
  int   cell;          /* -1 for an indicator */
  char *indicator;
  int   sign;
} NarrativeTerm;

typedef struct {
  char          *id;
  GovstatsLabel  name;
  GStrv          sections;
  char          *topic;
  GStrv          units;
  GPtrArray     *forms;      /* NarrativeForm */
  GPtrArray     *binds;      /* GArray of NarrativeTerm: alternatives */
  GArray        *share_of;   /* NarrativeTerm, or NULL */
  gboolean       by_kind;
  GovstatsValueKind kind;
} NarrativeStatement;

typedef struct {
  char          *key;
  GovstatsLabel  name;
  GStrv          words;
  guint          unit_kinds;   /* bit per GovstatsUnitKind */
} NarrativeKind;

typedef struct {
  char *key;
  GStrv words;
} NarrativeTopic;

typedef struct _GovstatsNarrative {
  GPtrArray *topics;        /* NarrativeTopic */
  GStrv      more_before, more_after, about_before, about_after, under_before;
  GStrv      fillers;
  GStrv      doubt;
  GStrv      shares;
  GPtrArray *kinds;         /* NarrativeKind */
  GPtrArray *statements;    /* NarrativeStatement */
} GovstatsNarrative;

/* govstats-narrative.c */
GovstatsNarrative *govstats_narrative_compile   (GovstatsSchema *schema,
                                                 JsonObject     *object,
                                                 GError        **error);
void               govstats_narrative_free      (GovstatsNarrative *narrative);
GovstatsNarrative *govstats_schema_get_narrative (GovstatsSchema *schema);
const NarrativeStatement *govstats_narrative_find (GovstatsNarrative *narrative,
                                                   const char        *id);

/* govstats-narrative-numbers.c: a figure as printed. */
typedef struct {
  glong  start, end;        /* character offsets in the paragraph: the figure with its qualifiers */
  glong  num_start, num_end;
  char  *value;             /* ASCII decimal: "5500", "12", "0.5" */
  char  *upper;             /* the top of a range, or NULL */
  GovstatsApproximation approx;
  gboolean percent;
} NarrativeNumber;

void       govstats_narrative_number_clear (NarrativeNumber *n);
/* The length of @word where it stands at @at of @chars, ending by @to; or 0. */
glong      govstats_narrative_match_at     (const gunichar    *chars,
                                            glong              to,
                                            glong              at,
                                            const char        *word);
/* The length of the longest of @words standing at @at, ending by @to; or 0. */
glong      govstats_narrative_longest_at   (const gunichar    *chars,
                                            glong              to,
                                            glong              at,
                                            GStrv              words);
/* Every figure of @chars (code points) in order. */
GArray    *govstats_narrative_find_numbers (GovstatsNarrative *narrative,
                                            const gunichar    *chars,
                                            glong              n_chars);

/* govstats-narrative-read.c */
GPtrArray *govstats_narrative_read         (GovstatsReport    *report,
                                            GovstatsRollup    *rollup);

/* govstats-statement.c */
GovstatsStatement *govstats_statement_new   (const NarrativeStatement *def);
void       govstats_statement_fill          (GovstatsStatement *self,
                                             const char        *section,
                                             guint              paragraph,
                                             const char        *sentence,
                                             glong              start,
                                             glong              end,
                                             const char        *printed,
                                             const NarrativeNumber *number,
                                             int                sign,
                                             const NarrativeKind *kind,
                                             const char        *doubt);
void       govstats_statement_set_share     (GovstatsStatement *self,
                                             const char        *printed,
                                             const NarrativeNumber *number);
void       govstats_statement_decide        (GovstatsStatement *self,
                                             GovstatsReport    *report,
                                             GovstatsRollup    *rollup);

G_END_DECLS
