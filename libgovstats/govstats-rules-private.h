/* govstats-rules-private.h — the compiled rules and a check's state, for the govstats-rule*.c files only
 *
 * A rule set is compiled once (govstats-rule-compile.c), then checked
 * (govstats-rule-check.c) with messages built in govstats-rule-messages.c,
 * a hint at the likely wrong cell (govstats-rule-hint.c) and waivers
 * (govstats-rule-waivers.c); they share these structs.
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "govstats-finding-private.h"
#include "govstats-report-private.h"
#include "govstats-rule-set.h"
#include "govstats-schema-private.h"

G_BEGIN_DECLS

/* The kinds of rule, in the order of govstats_rule_kinds[]. */
typedef enum {
  RULE_EQUATION,
  RULE_NONNEGATIVE,
  RULE_BLANK,
  RULE_MUST_BE_BLANK,
  RULE_MUST_BE_ZERO,
  RULE_TEXT,
  N_RULE_KINDS
} RuleKind;

typedef struct {
  int       index;      /* cell index in this schema; -1 for a previous: term */
  char     *path;
  int       sign;       /* +1 or -1 */
  gboolean  previous;
} Term;

typedef struct {
  GArray        *lhs;   /* Term */
  GArray        *rhs;   /* Term */
  char          *context;     /* the row or column key it was expanded for */
  GovstatsLabel  context_label;
} Instance;

typedef struct {
  char            *id;
  GovstatsSeverity severity;
  RuleKind         kind;
  GovstatsLabel    statement;
  GovstatsLabel    source;
  char            *origin;
  char            *for_each;    /* "row", "column" or NULL */
  gboolean         cross_year;
  gboolean         expected_rhs;
  GPtrArray       *instances;   /* Instance */
  GArray          *cells;       /* guint cell indexes, for the cell rules */
  GStrv            unit_kinds;
  GStrv            name_suffixes;
  char            *narrative;   /* the statement a "text" rule checks */
} Rule;

typedef struct {
  char *rule;
  char *unit;
  char *fingerprint;
  GStrv cells;
  char *reason;
  char *by;
} Waiver;

struct _GovstatsRuleSet
{
  GObject         parent_instance;

  GovstatsSchema *schema;
  GPtrArray      *rules;     /* Rule */
  GPtrArray      *waivers;   /* Waiver */
};

typedef enum {
  EVAL_NOT_APPLICABLE,
  EVAL_PASS,
  EVAL_FAIL,
  EVAL_UNCERTAIN,
} Eval;

typedef struct {
  GovstatsRuleSet *self;
  GovstatsReport  *report;
  GovstatsReport  *previous;
  guint8          *absent;       /* cells blank by layout choice, not by omission */
  guint8          *prev_absent;
  GPtrArray       *findings;
  /* Undecided instances of the rule id being checked, reported together. */
  Rule            *uncertain_rule;
  GPtrArray       *uncertain;
  GPtrArray       *uncertain_cells;
  GPtrArray       *statements;   /* read once for the "text" rules */
} Check;

typedef struct {
  Rule     *rule;
  Instance *instance;
  gint64    diff;       /* lhs - rhs */
} Failure;

/* The blank cells of one table under a must-be-filled rule, described as
 * whole blank columns, then whole blank rows, then the rest. */
typedef struct {
  const GovstatsSchemaTable *table;
  guint      n_blank;
  gboolean   whole;       /* every cell of the rule in the table is blank */
  GPtrArray *columns;     /* GovstatsSchemaColumn *, entirely blank */
  GArray    *column_cells; /* guint: the blank cells of each */
  GPtrArray *rows;        /* const GovstatsLabel *: entirely blank rows */
  guint      rest;        /* blank cells in neither */
} BlankTable;

/* A kind of rule: its name in rule files, how a rule of the kind is
 * compiled (after the members every rule has) and how it is checked. Adding
 * a kind is adding an entry to govstats_rule_kinds[] (govstats-rule-kinds.c). */
typedef struct {
  const char *name;
  gboolean  (*compile) (GovstatsRuleSet *self,
                        Rule            *rule,
                        JsonObject      *object,
                        GError         **error);
  void      (*check)   (Check           *ck,
                        Rule            *rule,
                        GPtrArray       *failures);
  /* Undecided instances of consecutive rules with one id make one finding. */
  gboolean    gathers_undecided;
} RuleKindClass;

extern const RuleKindClass govstats_rule_kinds[N_RULE_KINDS];

/* Defined in govstats-rule-compile.c: the compilers of the kinds. */
gboolean govstats_rule_compile_equation  (GovstatsRuleSet *self,
                                          Rule            *rule,
                                          JsonObject      *object,
                                          GError         **error);
/* govstats-rule-text.c: the kind "text" (a figure of the prose against the tables). */
gboolean govstats_rule_compile_text      (GovstatsRuleSet *self,
                                          Rule            *rule,
                                          JsonObject      *object,
                                          GError         **error);
void     govstats_rule_check_text        (Check           *ck,
                                          Rule            *rule,
                                          GPtrArray       *failures);
gboolean govstats_rule_compile_cells     (GovstatsRuleSet *self,
                                          Rule            *rule,
                                          JsonObject      *object,
                                          GError         **error);

/* Defined in govstats-rule-check.c: the checkers of the kinds. */
void     govstats_rule_check_equation    (Check           *ck,
                                          Rule            *rule,
                                          GPtrArray       *failures);
void     govstats_rule_check_nonnegative (Check           *ck,
                                          Rule            *rule,
                                          GPtrArray       *failures);
void     govstats_rule_check_must_be     (Check           *ck,
                                          Rule            *rule,
                                          GPtrArray       *failures);
void     govstats_rule_check_blank       (Check           *ck,
                                          Rule            *rule,
                                          GPtrArray       *failures);

/* Defined in govstats-rule-compile.c. */
gboolean
compile_rules (GovstatsRuleSet *self,
               JsonArray       *rules,
               const char      *origin,
               GError         **error);

/* Defined in govstats-rule-compile.c. */
gboolean
read_strv (JsonObject *o,
           const char *member,
           GStrv      *out);

/* Defined in govstats-rule-check.c. */
Eval
evaluate (Check    *ck,
          Instance *instance,
          gint64   *lhs_sum,
          gint64   *rhs_sum,
          GovstatsValueKind *kind_out);

/* Reads a term: FALSE if it cannot be read at all (a cell missing from last
 * year's layout). */
gboolean
read_term (Check      *ck,
           const Term *term,
           gboolean   *is_set,
           gboolean   *is_absent,
           gint64     *value,
           GovstatsValueKind *kind);

/* Defined in govstats-rule-check.c. */
gboolean
applies_to (Rule           *rule,
            GovstatsReport *report);

/* A must-be-blank or must-be-zero rule's statement, then the cells that break it. */
char *
cells_set_message (Check      *ck,
                   Rule       *rule,
                   GPtrArray  *hits,
                   const char *lang);

/* Defined in govstats-rule-messages.c. */
char *
blank_table_message (const BlankTable *bt,
                     const char       *lang);

/* One finding per rule id and report, however many rows, columns or rule
 * entries were undecided. */
void
flush_uncertain (Check *ck);

/* Defined in govstats-rule-messages.c. */
void
report_equation_failure (Check            *ck,
                         Rule             *rule,
                         Instance         *instance,
                         gint64            lhs,
                         gint64            rhs,
                         GovstatsValueKind kind);

/* Defined in govstats-rule-messages.c. */
GovstatsFinding *
new_finding (Check           *ck,
             const char      *rule_id,
             GovstatsSeverity severity,
             GovstatsOutcome  outcome,
             const char      *zh,
             const char      *en,
             GPtrArray       *cells);

/* A readable name of a cell: "（一）予以公开·自然人" / "Disclosed · Natural persons". */
char *
describe_cell (GovstatsSchema *schema,
               const char     *path,
               const char     *lang);

/* Defined in govstats-rule-hint.c. */
void
find_likely_wrong_cells (Check     *ck,
                         GPtrArray *failures);

/* Defined in govstats-rule-set.c. */
JsonNode *
parse_input (const char  *data,
             gssize       length,
             const char  *name,
             GError     **error);

/* Frees a Waiver (govstats-rule-set.c). */
void
waiver_free (gpointer data);

G_END_DECLS
