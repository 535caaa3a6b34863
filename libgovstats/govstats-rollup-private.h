/* govstats-rollup-private.h — what the govstats-rollup-*.c files share, and the C tests reach
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "govstats-rollup.h"
#include "govstats-unit-store-private.h"

G_BEGIN_DECLS

/* The clock progress is paced by, in microseconds: g_get_monotonic_time()
 * unless a test sets another. It is read once when add_files starts and
 * once for every file added but the last, from the thread that adds the
 * files, so a test clock that moves on at each read gives a signal count
 * that depends on nothing else. With a test clock the adding thread does
 * not wait on the real one for a signal between files. */
typedef gint64 (*GovstatsRollupClock) (gpointer data);

void govstats_rollup_set_clock (GovstatsRollup     *self,
                                GovstatsRollupClock clock,
                                gpointer            data);

/* Sums are kept for each GovstatsUnitKind. */
#define N_KINDS 4

/* The sums of the reports of one layout, all units and by kind of unit. */
typedef struct {
  GovstatsSchema *schema;
  gint64         *sums;
  guint8         *set;
  gint64         *kind_sums;    /* N_KINDS × n_cells */
  guint8         *kind_set;
  guint           n_reports;
  GPtrArray      *units;        /* names of the units in this layout, for messages */
} LayoutSums;

/* One indicator of extensions/indicators, summed over the units. */
typedef struct {
  char    *key;
  gint64   total;
  gint64   kinds[N_KINDS];
  gboolean seen[N_KINDS];
} Indicator;

/* The instance, shared by the govstats-rollup-*.c files. */
struct _GovstatsRollup
{
  GObject          parent_instance;

  GovstatsRoster  *roster;
  GovstatsReport  *previous;
  GovstatsSchema  *schema;       /* the layout of the result, if chosen */
  char            *name;
  GHashTable      *rule_sets;    /* GovstatsSchema → GovstatsRuleSet */

  GPtrArray       *layouts;      /* LayoutSums */
  GovstatsUnitStore *units;      /* in the order added, on disk */
  GPtrArray       *indicators;   /* Indicator */
  GHashTable      *indicator_index;
  int              year;
  gboolean         year_set;

  GPtrArray       *unit_findings;   /* the units' own findings */
  GPtrArray       *input_findings;  /* rollup.* found while adding */
  GPtrArray       *findings;        /* everything, after consolidate */

  GovstatsSchema  *result_schema;
  GMutex           lock;

  /* Bumped, by the thread adding reports, whenever the findings of the
   * last consolidate go stale; the model is cleared when the thread owning
   * the rollup learns of it. */
  guint            findings_serial;
  guint            model_serial;
  GovstatsFindingList *findings_model;

  /* The state the properties show, changed only in the thread (the main
   * context) the rollup is used from. */
  guint            shown_n_units;
  guint            shown_n_files;
  guint            shown_n_files_done;
  gboolean         busy;

  GovstatsRollupClock clock;
  gpointer         clock_data;
};

/* The layout of the consolidated report: the one set, else the one most reports use. */
GovstatsSchema *govstats_rollup_choose_schema (GovstatsRollup *self);

/* The rules reports of @schema are checked with: the ones set, else the built-in ones. */
GovstatsRuleSet *govstats_rollup_rule_set_for (GovstatsRollup *self,
                                               GovstatsSchema *schema);

/* What the properties show, as the thread adding reports saw it. */
typedef struct {
  guint n_units;
  guint n_files;
  guint n_files_done;
  guint findings_serial;
} Snapshot;

/* The clock of a rollup no test has set: g_get_monotonic_time(). */
gint64 govstats_rollup_monotonic_clock (gpointer data);

/* Fills @snapshot with the state the properties are to show. */
void govstats_rollup_take_snapshot (GovstatsRollup *self,
                                    guint           n_files,
                                    guint           n_files_done,
                                    Snapshot       *snapshot);

/* Brings the properties up to date; only in the thread owning the rollup. */
void govstats_rollup_show_snapshot (GovstatsRollup *self,
                                    const Snapshot *snapshot);

/* Brings the properties up to date after a report was added in the calling thread. */
void govstats_rollup_show_state (GovstatsRollup *self);

/* Sets the busy property, notifying it on change. */
void govstats_rollup_set_busy (GovstatsRollup *self,
                               gboolean        busy);

/* Emits the progress signal. */
void govstats_rollup_emit_progress (GovstatsRollup *self,
                                    guint           done,
                                    guint           total);

/* Adds one loaded and checked report; in input order, one at a time. */
void govstats_rollup_add_checked (GovstatsRollup *self,
                                  GovstatsReport *report,
                                  GPtrArray      *own_findings,
                                  const char     *file);

/* Records @file, which could not be read, as an input.invalid finding. */
void govstats_rollup_add_input_invalid (GovstatsRollup *self,
                                        const char     *file,
                                        const GError   *error);

/* The findings of the last consolidate no longer hold. */
void govstats_rollup_findings_stale   (GovstatsRollup *self);

G_END_DECLS
