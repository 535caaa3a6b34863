/* govstats-rollup.h — consolidating many unit reports
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (GOVSTATS_INSIDE) && !defined (GOVSTATS_COMPILATION)
# error "Only <govstats/govstats.h> can be included directly."
#endif

#include <gio/gio.h>
#include "govstats-version.h"
#include "govstats-types.h"
#include "govstats-schema.h"
#include "govstats-report.h"
#include "govstats-roster.h"
#include "govstats-rule-set.h"
#include "govstats-finding-list.h"

G_BEGIN_DECLS

/**
 * GovstatsContribution:
 * @unit_code: (nullable): the unit's code (the roster's code where matched)
 * @unit_name: (nullable): the unit's name
 * @unit_kind: the kind of unit
 * @file: (nullable) (type filename): the file the report came from
 * @is_set: whether the unit's cell is set (%FALSE: blank)
 * @value: the unit's value (amounts in 1/%GOVSTATS_AMOUNT_SCALE)
 * @value_kind: the kind of value of the cell, which says how to read @value;
 *   [method@Govstats.Contribution.dup_value_text] gives its exact text
 *
 * What one unit contributed to one consolidated cell.
 *
 * Since: 0.1
 */
typedef struct {
  char            *unit_code;
  char            *unit_name;
  GovstatsUnitKind unit_kind;
  char            *file;
  gboolean         is_set;
  gint64           value;
  GovstatsValueKind value_kind;
} GovstatsContribution;

#define GOVSTATS_TYPE_CONTRIBUTION (govstats_contribution_get_type ())

GOVSTATS_AVAILABLE_IN_ALL
GType                  govstats_contribution_get_type (void) G_GNUC_CONST;
GOVSTATS_AVAILABLE_IN_ALL
GovstatsContribution  *govstats_contribution_copy     (const GovstatsContribution *self);
GOVSTATS_AVAILABLE_IN_ALL
void                   govstats_contribution_free     (GovstatsContribution       *self);
GOVSTATS_AVAILABLE_IN_ALL
char                  *govstats_contribution_dup_value_text (const GovstatsContribution *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovstatsContribution, govstats_contribution_free)

#define GOVSTATS_TYPE_ROLLUP (govstats_rollup_get_type ())

GOVSTATS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GovstatsRollup, govstats_rollup, GOVSTATS, ROLLUP, GObject)

GOVSTATS_AVAILABLE_IN_ALL
GovstatsRollup   *govstats_rollup_new                (void);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_rollup_set_roster         (GovstatsRollup   *self,
                                                      GovstatsRoster   *roster);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsRoster   *govstats_rollup_get_roster         (GovstatsRollup   *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_rollup_set_previous       (GovstatsRollup   *self,
                                                      GovstatsReport   *previous);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_rollup_set_name           (GovstatsRollup   *self,
                                                      const char       *name);
GOVSTATS_AVAILABLE_IN_ALL
const char       *govstats_rollup_get_name           (GovstatsRollup   *self);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_rollup_set_schema         (GovstatsRollup   *self,
                                                      GovstatsSchema   *schema);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_rollup_set_rule_set       (GovstatsRollup   *self,
                                                      GovstatsRuleSet  *rules);

GOVSTATS_AVAILABLE_IN_ALL
void              govstats_rollup_add_report         (GovstatsRollup   *self,
                                                      GovstatsReport   *report);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rollup_add_file           (GovstatsRollup   *self,
                                                      const char       *filename,
                                                      GError          **error);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rollup_add_files          (GovstatsRollup   *self,
                                                      const char * const *paths,
                                                      GCancellable     *cancellable,
                                                      GError          **error);
GOVSTATS_AVAILABLE_IN_ALL
void              govstats_rollup_add_files_async    (GovstatsRollup   *self,
                                                      const char * const *paths,
                                                      GCancellable     *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer          user_data);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rollup_add_files_finish   (GovstatsRollup   *self,
                                                      GAsyncResult     *result,
                                                      GError          **error);

GOVSTATS_AVAILABLE_IN_ALL
GovstatsReport   *govstats_rollup_consolidate        (GovstatsRollup   *self);
GOVSTATS_AVAILABLE_IN_ALL
GPtrArray        *govstats_rollup_get_findings       (GovstatsRollup   *self);
GOVSTATS_AVAILABLE_IN_ALL
guint             govstats_rollup_get_n_units        (GovstatsRollup   *self);
GOVSTATS_AVAILABLE_IN_ALL
GovstatsFindingList *govstats_rollup_get_findings_model (GovstatsRollup *self);
GOVSTATS_AVAILABLE_IN_ALL
guint             govstats_rollup_get_n_files        (GovstatsRollup   *self);
GOVSTATS_AVAILABLE_IN_ALL
guint             govstats_rollup_get_n_files_done   (GovstatsRollup   *self);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rollup_is_busy            (GovstatsRollup   *self);
GOVSTATS_AVAILABLE_IN_ALL
GPtrArray        *govstats_rollup_get_contributions  (GovstatsRollup   *self,
                                                      const char       *path,
                                                      GError          **error);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rollup_check_path         (GovstatsRollup   *self,
                                                      const char       *path,
                                                      GovstatsValueKind *kind,
                                                      GError          **error);
GOVSTATS_AVAILABLE_IN_ALL
char             *govstats_rollup_dup_kind_value_text (GovstatsRollup  *self,
                                                      const char       *path,
                                                      GovstatsUnitKind  kind,
                                                      GError          **error);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rollup_get_kind_value     (GovstatsRollup   *self,
                                                      const char       *path,
                                                      GovstatsUnitKind  kind,
                                                      gint64           *value);
GOVSTATS_AVAILABLE_IN_ALL
char             *govstats_rollup_dup_breakdown_text (GovstatsRollup   *self,
                                                      const char       *path,
                                                      const char       *lang);
GOVSTATS_AVAILABLE_IN_ALL
char            **govstats_rollup_dup_indicator_keys (GovstatsRollup   *self);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rollup_get_indicator      (GovstatsRollup   *self,
                                                      const char       *key,
                                                      gint64           *value);
GOVSTATS_AVAILABLE_IN_ALL
gboolean          govstats_rollup_get_indicator_kind_value (GovstatsRollup *self,
                                                      const char       *key,
                                                      GovstatsUnitKind  kind,
                                                      gint64           *value);
GOVSTATS_AVAILABLE_IN_ALL
char             *govstats_rollup_dup_indicator_breakdown_text (GovstatsRollup *self,
                                                      const char       *key,
                                                      const char       *lang);

G_END_DECLS
