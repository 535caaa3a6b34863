/* govstats-rollup-explain.c — a consolidated cell explained: contributions, parts by kind, indicators
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "govstats-enum-types.h"
#include "govstats-error.h"
#include "govstats-finding-list.h"
#include "govstats-finding-private.h"
#include "govstats-i18n-private.h"
#include "govstats-value-private.h"
#include "govstats-report-private.h"
#include "govstats-rollup-private.h"
#include "govstats-schema-private.h"
#include "govstats-unit-store-private.h"

G_DEFINE_BOXED_TYPE (GovstatsContribution, govstats_contribution,
                     govstats_contribution_copy, govstats_contribution_free)

/**
 * govstats_contribution_copy:
 * @self: a contribution
 *
 * Copies a contribution.
 *
 * Returns: (transfer full): the copy
 *
 * Since: 0.1
 */
GovstatsContribution *
govstats_contribution_copy (const GovstatsContribution *self)
{
  GovstatsContribution *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new0 (GovstatsContribution, 1);
  copy->unit_code = g_strdup (self->unit_code);
  copy->unit_name = g_strdup (self->unit_name);
  copy->unit_kind = self->unit_kind;
  copy->file = g_strdup (self->file);
  copy->is_set = self->is_set;
  copy->value = self->value;
  copy->value_kind = self->value_kind;
  return copy;
}

/**
 * govstats_contribution_dup_value_text:
 * @self: a contribution
 *
 * Gets the exact decimal text of what the unit contributed, as
 * [method@Govstats.Report.dup_value_text] gives it for the unit's own cell:
 * `12`, `613.5241`. Bindings read amounts through it, without binary
 * floating point.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the unit left
 *   the cell blank
 *
 * Since: 0.1
 */
char *
govstats_contribution_dup_value_text (const GovstatsContribution *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->value_kind <= GOVSTATS_VALUE_KIND_DELTA, NULL);
  if (!self->is_set)
    return NULL;
  return govstats_value_format (self->value, self->value_kind);
}

/**
 * govstats_contribution_free:
 * @self: a contribution
 *
 * Frees a contribution.
 *
 * Since: 0.1
 */
void
govstats_contribution_free (GovstatsContribution *self)
{
  if (self == NULL)
    return;
  g_free (self->unit_code);
  g_free (self->unit_name);
  g_free (self->file);
  g_free (self);
}
static GovstatsSchema *
result_schema (GovstatsRollup *self)
{
  return self->result_schema ? self->result_schema : govstats_rollup_choose_schema (self);
}

static gboolean
check_result_path (GovstatsRollup *self,
                   const char     *path,
                   GError        **error)
{
  return govstats_schema_check_path (result_schema (self), path, error);
}

/**
 * govstats_rollup_check_path:
 * @self: a rollup
 * @path: a cell path
 * @kind: (out) (optional): return location for the kind of value of the cell
 * @error: return location for a #GError
 *
 * Checks that @path is a cell of the consolidated report's layout, the
 * layout [method@Govstats.Rollup.get_kind_value] and
 * [method@Govstats.Rollup.dup_breakdown_text] take paths of, and gives the
 * cell's kind of value (which says how to read the sums of an amount). Use
 * it before those for a path that comes from a user or a file.
 *
 * Returns: %TRUE if @path is a cell; %FALSE with %GOVSTATS_ERROR_UNKNOWN_KEY
 *   or %GOVSTATS_ERROR_VERSION_MISMATCH
 *
 * Since: 0.1
 */
gboolean
govstats_rollup_check_path (GovstatsRollup    *self,
                            const char        *path,
                            GovstatsValueKind *kind,
                            GError           **error)
{
  if (kind)
    *kind = GOVSTATS_VALUE_KIND_COUNT;
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (!check_result_path (self, path, error))
    return FALSE;
  if (kind)
    *kind = govstats_schema_get_cell_kind (result_schema (self), path);
  return TRUE;
}

/**
 * govstats_rollup_get_contributions:
 * @self: a rollup
 * @path: a cell path of the consolidated report's layout
 * @error: return location for a #GError
 *
 * Lists what every unit contributed to a consolidated cell, in the order the
 * units were added, including the units that left it blank. The values are
 * read back from the rollup's compact store, not from the report files.
 *
 * Returns: (transfer container) (element-type GovstatsContribution): the
 *   contributions, or %NULL with %GOVSTATS_ERROR_UNKNOWN_KEY (or
 *   %GOVSTATS_ERROR_IO if the store cannot be read back)
 *
 * Since: 0.1
 */
GPtrArray *
govstats_rollup_get_contributions (GovstatsRollup *self,
                                   const char     *path,
                                   GError        **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (GovstatsStoreEntry));
  GovstatsValueKind value_kind;
  guint n_units;

  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  if (!check_result_path (self, path, error))
    return NULL;

  value_kind = govstats_schema_get_cell_kind (result_schema (self), path);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) govstats_contribution_free);
  n_units = govstats_unit_store_get_n_units (self->units);
  for (guint i = 0; i < n_units; i++)
    {
      g_auto(GovstatsUnitRecord) u = { 0 };
      const GovstatsStoreEntry *e;
      GovstatsContribution *c;
      LayoutSums *l;
      int cell;
      guint lo = 0, hi;

      if (!govstats_unit_store_get (self->units, i, &u, entries, error))
        return NULL;
      l = self->layouts->pdata[u.layout];
      cell = govstats_schema_lookup_cell (l->schema, path);
      if (cell < 0)
        continue;   /* a unit of another layout without this cell */
      c = g_new0 (GovstatsContribution, 1);
      c->unit_code = g_strdup (u.code);
      c->unit_name = g_strdup (u.name);
      c->unit_kind = u.kind;
      c->file = g_strdup (u.file);
      c->value_kind = value_kind;
      /* Entries are in cell order: search. */
      e = (const GovstatsStoreEntry *) entries->data;
      hi = entries->len;
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (e[mid].cell < cell)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo < entries->len && e[lo].cell == cell)
        {
          c->is_set = TRUE;
          c->value = e[lo].value;
        }
      g_ptr_array_add (result, c);
    }
  return g_steal_pointer (&result);
}

/**
 * govstats_rollup_get_kind_value:
 * @self: a rollup
 * @path: a cell path of the consolidated report's layout
 * @kind: a kind of unit
 * @value: (out) (optional): return location for the sum over the units of @kind
 *
 * Gets the part of a consolidated cell that units of one kind contributed,
 * for the shares consolidated reports print ("各镇街 M 条，占 y%").
 *
 * Returns: %TRUE if a unit of @kind set the cell
 *
 * Since: 0.1
 */
gboolean
govstats_rollup_get_kind_value (GovstatsRollup  *self,
                                const char      *path,
                                GovstatsUnitKind kind,
                                gint64          *value)
{
  GovstatsSchema *target;
  gboolean any = FALSE;
  gint64 sum = 0;

  if (value)
    *value = 0;
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), FALSE);
  g_return_val_if_fail (kind <= GOVSTATS_UNIT_KIND_OTHER, FALSE);
  target = result_schema (self);
  g_return_val_if_fail (govstats_schema_has_cell (target, path), FALSE);

  for (guint i = 0; i < self->layouts->len; i++)
    {
      LayoutSums *l = self->layouts->pdata[i];
      int c = govstats_schema_lookup_cell (l->schema, path);
      guint n = govstats_schema_get_n_cells (l->schema);

      if (c < 0 || !l->kind_set[(gsize) kind * n + (guint) c])
        continue;
      any = TRUE;
      sum += l->kind_sums[(gsize) kind * n + (guint) c];
    }
  if (value)
    *value = sum;
  return any;
}

/**
 * govstats_rollup_dup_kind_value_text:
 * @self: a rollup
 * @path: a cell path of the consolidated report's layout
 * @kind: a kind of unit
 * @error: return location for a #GError
 *
 * Gets the exact decimal text of the part of a consolidated cell that units
 * of one kind contributed (see [method@Govstats.Rollup.get_kind_value]):
 * `120`, `1893.3229`. Unlike that function, it checks @path.
 *
 * Returns: (transfer full) (nullable): the text; %NULL without @error set when
 *   no unit of @kind set the cell, or with %GOVSTATS_ERROR_UNKNOWN_KEY or
 *   %GOVSTATS_ERROR_VERSION_MISMATCH when @path is not a cell
 *
 * Since: 0.1
 */
char *
govstats_rollup_dup_kind_value_text (GovstatsRollup  *self,
                                     const char      *path,
                                     GovstatsUnitKind kind,
                                     GError         **error)
{
  gint64 value;

  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (kind <= GOVSTATS_UNIT_KIND_OTHER, NULL);
  if (!check_result_path (self, path, error))
    return NULL;
  if (!govstats_rollup_get_kind_value (self, path, kind, &value))
    return NULL;
  return govstats_value_format (value, govstats_schema_get_cell_kind (result_schema (self), path));
}

static char *
breakdown_text (gint64             parts[N_KINDS],
                gboolean           have[N_KINDS],
                GovstatsValueKind  value_kind,
                const char        *lang)
{
  /* Departments and the government office are reported together, as
   * consolidated reports print them ("县政府及其部门"). */
  gint64 groups[3] = { parts[GOVSTATS_UNIT_KIND_GOVERNMENT] + parts[GOVSTATS_UNIT_KIND_DEPARTMENT],
                       parts[GOVSTATS_UNIT_KIND_TOWN], parts[GOVSTATS_UNIT_KIND_OTHER] };
  gboolean have_group[3] = { have[GOVSTATS_UNIT_KIND_GOVERNMENT] || have[GOVSTATS_UNIT_KIND_DEPARTMENT],
                             have[GOVSTATS_UNIT_KIND_TOWN], have[GOVSTATS_UNIT_KIND_OTHER] };
  /* Translators: the groups of units a consolidated cell is split into. */
  const char *names[3] = { N_("the government and its departments"), N_("towns and sub-districts"), N_("other units") };
  gint64 total = groups[0] + groups[1] + groups[2];
  GString *s = g_string_new (NULL);

  for (guint g = 0; g < 3; g++)
    {
      g_autofree char *text = NULL;
      if (!have_group[g])
        continue;
      text = govstats_value_format (groups[g], value_kind);
      if (s->len)
        g_string_append (s, govstats_i18n_pgettext (lang, "clauses", "; "));
      if (total != 0)
        /* Translators: a group of units, its part of a cell, and its share in percent. */
        govstats_i18n_append (s, lang, N_("%s %s (%.1f%%)"), govstats_i18n_gettext (lang, names[g]), text,
                              100.0 * (double) groups[g] / (double) total);
      else
        g_string_append_printf (s, "%s %s", govstats_i18n_gettext (lang, names[g]), text);
    }
  return g_string_free (s, FALSE);
}

/**
 * govstats_rollup_dup_breakdown_text:
 * @self: a rollup
 * @path: a cell path of the consolidated report's layout
 * @lang: (nullable): `zh` or `en`; %NULL for the language of the locale's
 *   messages, as for [method@Govstats.Finding.get_message]
 *
 * Describes a consolidated cell split by kind of unit, with shares, as
 * consolidated reports print it: "政府及其部门 120，占 60.0%；各乡镇（街道） 80，占 40.0%".
 *
 * Returns: (transfer full): the text (empty when no unit set the cell)
 *
 * Since: 0.1
 */
char *
govstats_rollup_dup_breakdown_text (GovstatsRollup *self,
                                    const char     *path,
                                    const char     *lang)
{
  gint64 parts[N_KINDS];
  gboolean have[N_KINDS];

  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), NULL);
  g_return_val_if_fail (govstats_schema_has_cell (result_schema (self), path), NULL);
  for (guint k = 0; k < N_KINDS; k++)
    have[k] = govstats_rollup_get_kind_value (self, path, k, &parts[k]);
  return breakdown_text (parts, have, govstats_schema_get_cell_kind (result_schema (self), path), lang);
}

/**
 * govstats_rollup_dup_indicator_keys:
 * @self: a rollup
 *
 * Lists the indicators the units reported under `extensions/indicators`
 * (for example `proactive_items`, 主动公开信息条数), in the order first seen.
 *
 * Returns: (transfer full) (array zero-terminated=1): the keys
 *
 * Since: 0.1
 */
char **
govstats_rollup_dup_indicator_keys (GovstatsRollup *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), NULL);
  for (guint i = 0; i < self->indicators->len; i++)
    g_strv_builder_add (builder, ((Indicator *) self->indicators->pdata[i])->key);
  return g_strv_builder_end (builder);
}

/**
 * govstats_rollup_get_indicator:
 * @self: a rollup
 * @key: an indicator key
 * @value: (out) (optional): return location for the sum over all units
 *
 * Gets the sum of an indicator.
 *
 * Returns: %TRUE if a unit reported the indicator
 *
 * Since: 0.1
 */
gboolean
govstats_rollup_get_indicator (GovstatsRollup *self,
                               const char     *key,
                               gint64         *value)
{
  Indicator *ind;

  if (value)
    *value = 0;
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  ind = g_hash_table_lookup (self->indicator_index, key);
  if (ind && value)
    *value = ind->total;
  return ind != NULL;
}

/**
 * govstats_rollup_get_indicator_kind_value:
 * @self: a rollup
 * @key: an indicator key
 * @kind: a kind of unit
 * @value: (out) (optional): return location for the sum over the units of @kind
 *
 * Gets the part of an indicator that units of one kind reported.
 *
 * Returns: %TRUE if a unit reported the indicator
 *
 * Since: 0.1
 */
gboolean
govstats_rollup_get_indicator_kind_value (GovstatsRollup  *self,
                                          const char      *key,
                                          GovstatsUnitKind kind,
                                          gint64          *value)
{
  Indicator *ind;

  if (value)
    *value = 0;
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (kind <= GOVSTATS_UNIT_KIND_OTHER, FALSE);
  ind = g_hash_table_lookup (self->indicator_index, key);
  if (ind && value)
    *value = ind->kinds[kind];
  return ind != NULL;
}

/**
 * govstats_rollup_dup_indicator_breakdown_text:
 * @self: a rollup
 * @key: an indicator key
 * @lang: (nullable): `zh` or `en`; %NULL for the language of the locale's
 *   messages, as for [method@Govstats.Finding.get_message]
 *
 * Describes an indicator split by kind of unit, with shares; see
 * [method@Govstats.Rollup.dup_breakdown_text].
 *
 * Returns: (transfer full): the text (empty for an unknown indicator)
 *
 * Since: 0.1
 */
char *
govstats_rollup_dup_indicator_breakdown_text (GovstatsRollup *self,
                                              const char     *key,
                                              const char     *lang)
{
  Indicator *ind;
  gboolean have[N_KINDS];

  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  ind = g_hash_table_lookup (self->indicator_index, key);
  if (ind == NULL)
    return g_strdup ("");
  for (guint k = 0; k < N_KINDS; k++)
    have[k] = ind->seen[k];
  return breakdown_text (ind->kinds, have, GOVSTATS_VALUE_KIND_COUNT, lang);
}
