/* govstats-finding-list.c — findings as a list model
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "govstats-finding-list.h"

/**
 * GovstatsFindingList:
 *
 * A [iface@Gio.ListModel] of [class@Govstats.Finding], for list views to
 * bind to: the findings of one report's check, or those of a consolidation
 * ([method@Govstats.Rollup.get_findings_model]).
 *
 * Replacing the findings with [method@Govstats.FindingList.set_findings]
 * signals only the part that changed: the findings at the start and at the
 * end that are the same objects as before stay, so a view keeps its rows
 * and its selection there. The list also counts its errors and warnings the
 * way `govstats check` sums them up, as properties a label can bind to.
 * The counts follow the findings: waiving a finding of the list
 * ([method@Govstats.Finding.waive]) or changing its outcome updates them at
 * once. Whenever the list changes, every count is brought up to date first,
 * then [signal@Gio.ListModel::items-changed] is emitted, then the counts
 * that changed are notified: a handler of either sees the new state.
 *
 * A finding list belongs to the thread that made it: change it, and the
 * findings in it, and read it there.
 *
 * ```python
 * model = Govstats.FindingList.new()
 * model.set_findings(rules.check(report, None))
 * selection = Gtk.SingleSelection.new(model)
 * print(model.props.n_items, model.props.n_errors, model.props.n_warnings)
 * ```
 *
 * Since: 0.1
 */

struct _GovstatsFindingList
{
  GObject    parent_instance;

  GPtrArray  *items;       /* GovstatsFinding, owned */
  GHashTable *watched;     /* GovstatsFinding → Watched, one for each distinct finding */
  guint       n_errors;
  guint       n_warnings;
};

/* What a finding counts as, so a change to it can be told apart. */
enum {
  COUNTS_NONE,
  COUNTS_ERROR,
  COUNTS_WARNING
};

typedef struct {
  guint  occurrences;      /* how many times the finding is in the list */
  guint  counts;           /* COUNTS_*, as last counted */
  gulong handler;
} Watched;

static void govstats_finding_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GovstatsFindingList, govstats_finding_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, govstats_finding_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return GOVSTATS_TYPE_FINDING;
}

static guint
get_n_items (GListModel *model)
{
  return GOVSTATS_FINDING_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GovstatsFindingList *self = GOVSTATS_FINDING_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
govstats_finding_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
govstats_finding_list_finalize (GObject *object)
{
  GovstatsFindingList *self = GOVSTATS_FINDING_LIST (object);
  GHashTableIter iter;
  gpointer finding, watched;

  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &finding, &watched))
    g_signal_handler_disconnect (finding, ((Watched *) watched)->handler);
  g_hash_table_unref (self->watched);
  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (govstats_finding_list_parent_class)->finalize (object);
}

static void
govstats_finding_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GovstatsFindingList *self = GOVSTATS_FINDING_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, GOVSTATS_TYPE_FINDING);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govstats_finding_list_class_init (GovstatsFindingListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govstats_finding_list_finalize;
  object_class->get_property = govstats_finding_list_get_property;

  /**
   * GovstatsFindingList:item-type:
   *
   * The type of the items: always [class@Govstats.Finding].
   *
   * Since: 0.1
   */
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, GOVSTATS_TYPE_FINDING,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GovstatsFindingList:n-items:
   *
   * The number of findings in the list.
   *
   * Since: 0.1
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GovstatsFindingList:n-errors:
   *
   * The number of errors: findings of severity error, neither waived nor
   * uncertain, as `govstats check` counts them.
   *
   * Since: 0.1
   */
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GovstatsFindingList:n-warnings:
   *
   * The number of warnings: findings of severity warning, neither waived
   * nor uncertain, as `govstats check` counts them.
   *
   * Since: 0.1
   */
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govstats_finding_list_init (GovstatsFindingList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->watched = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/**
 * govstats_finding_list_new:
 *
 * Creates an empty list of findings.
 *
 * Returns: (transfer full): a new finding list
 *
 * Since: 0.1
 */
GovstatsFindingList *
govstats_finding_list_new (void)
{
  return g_object_new (GOVSTATS_TYPE_FINDING_LIST, NULL);
}

/* The summary counts, as the command line sums findings up: a waived
 * finding and an uncertain one are neither an error nor a warning. */
static guint
counts_as (GovstatsFinding *f)
{
  if (govstats_finding_is_waived (f) || govstats_finding_get_outcome (f) == GOVSTATS_OUTCOME_UNCERTAIN)
    return COUNTS_NONE;
  if (govstats_finding_get_severity (f) == GOVSTATS_SEVERITY_ERROR)
    return COUNTS_ERROR;
  if (govstats_finding_get_severity (f) == GOVSTATS_SEVERITY_WARNING)
    return COUNTS_WARNING;
  return COUNTS_NONE;
}

static void
count (GovstatsFindingList *self,
       guint                counts,
       int                  times)
{
  if (counts == COUNTS_ERROR)
    self->n_errors += (guint) times;
  else if (counts == COUNTS_WARNING)
    self->n_warnings += (guint) times;
}

static void
notify_counts (GovstatsFindingList *self,
               guint                n_errors,
               guint                n_warnings)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (n_errors != self->n_errors)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
  if (n_warnings != self->n_warnings)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* A finding of the list was waived, or its outcome changed. */
static void
on_finding_notify (GovstatsFinding *finding,
                   GParamSpec      *pspec,
                   gpointer         data)
{
  GovstatsFindingList *self = data;
  Watched *w = g_hash_table_lookup (self->watched, finding);
  guint now = counts_as (finding);
  guint n_errors = self->n_errors, n_warnings = self->n_warnings;

  if (w == NULL || now == w->counts)
    return;
  count (self, w->counts, -(int) w->occurrences);
  count (self, now, (int) w->occurrences);
  w->counts = now;
  notify_counts (self, n_errors, n_warnings);
}

/* A finding comes into the list: counted, and followed. */
static void
watch (GovstatsFindingList *self,
       GovstatsFinding     *finding)
{
  Watched *w = g_hash_table_lookup (self->watched, finding);

  if (w == NULL)
    {
      w = g_new0 (Watched, 1);
      w->counts = counts_as (finding);
      w->handler = g_signal_connect (finding, "notify", G_CALLBACK (on_finding_notify), self);
      g_hash_table_insert (self->watched, finding, w);
    }
  w->occurrences++;
  count (self, w->counts, 1);
}

/* A finding leaves the list (before its reference goes). */
static void
unwatch (GovstatsFindingList *self,
         GovstatsFinding     *finding)
{
  Watched *w = g_hash_table_lookup (self->watched, finding);

  g_assert (w != NULL);
  count (self, w->counts, -1);
  if (--w->occurrences == 0)
    {
      g_signal_handler_disconnect (finding, w->handler);
      g_hash_table_remove (self->watched, finding);
    }
}

/* Tells the views, once the items and the counts are up to date: @removed
 * findings at @position were replaced by @added ones; then the properties
 * that changed since the counts were @n_errors and @n_warnings. */
static void
changed (GovstatsFindingList *self,
         guint                position,
         guint                removed,
         guint                added,
         guint                n_errors,
         guint                n_warnings)
{
  if (removed == 0 && added == 0)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  g_object_freeze_notify (G_OBJECT (self));
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  notify_counts (self, n_errors, n_warnings);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * govstats_finding_list_set_findings:
 * @self: a finding list
 * @findings: (nullable) (element-type GovstatsFinding): the new findings
 *   (%NULL: none)
 *
 * Replaces the findings of the list. The findings at the start and at the
 * end that are the same objects as before are kept, and
 * [signal@Gio.ListModel::items-changed] is emitted once, for the part in
 * between, or not at all if nothing changed.
 *
 * Since: 0.1
 */
void
govstats_finding_list_set_findings (GovstatsFindingList *self,
                                    GPtrArray           *findings)
{
  guint n_old, n_new, prefix = 0, suffix = 0;
  guint n_errors, n_warnings;

  g_return_if_fail (GOVSTATS_IS_FINDING_LIST (self));
  n_errors = self->n_errors;
  n_warnings = self->n_warnings;

  n_old = self->items->len;
  n_new = findings ? findings->len : 0;
  for (guint i = 0; i < n_new; i++)
    g_return_if_fail (GOVSTATS_IS_FINDING (findings->pdata[i]));

  while (prefix < n_old && prefix < n_new && self->items->pdata[prefix] == findings->pdata[prefix])
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         self->items->pdata[n_old - 1 - suffix] == findings->pdata[n_new - 1 - suffix])
    suffix++;

  /* The findings kept are the same objects: the new array is simply a
   * copy of @findings, referenced before the old array lets go. */
  {
    GPtrArray *items = g_ptr_array_new_full (n_new, g_object_unref);

    for (guint i = 0; i < n_new; i++)
      g_ptr_array_add (items, g_object_ref (findings->pdata[i]));
    for (guint i = prefix; i < n_new - suffix; i++)
      watch (self, findings->pdata[i]);
    for (guint i = prefix; i < n_old - suffix; i++)
      unwatch (self, self->items->pdata[i]);
    g_ptr_array_unref (self->items);
    self->items = items;
  }
  changed (self, prefix, n_old - prefix - suffix, n_new - prefix - suffix, n_errors, n_warnings);
}

/**
 * govstats_finding_list_append:
 * @self: a finding list
 * @finding: a finding
 *
 * Adds a finding at the end of the list.
 *
 * Since: 0.1
 */
void
govstats_finding_list_append (GovstatsFindingList *self,
                              GovstatsFinding     *finding)
{
  guint n_errors, n_warnings;

  g_return_if_fail (GOVSTATS_IS_FINDING_LIST (self));
  g_return_if_fail (GOVSTATS_IS_FINDING (finding));
  n_errors = self->n_errors;
  n_warnings = self->n_warnings;
  g_ptr_array_add (self->items, g_object_ref (finding));
  watch (self, finding);
  changed (self, self->items->len - 1, 0, 1, n_errors, n_warnings);
}

/**
 * govstats_finding_list_remove_all:
 * @self: a finding list
 *
 * Removes every finding from the list.
 *
 * Since: 0.1
 */
void
govstats_finding_list_remove_all (GovstatsFindingList *self)
{
  guint n;
  guint n_errors, n_warnings;

  g_return_if_fail (GOVSTATS_IS_FINDING_LIST (self));
  n_errors = self->n_errors;
  n_warnings = self->n_warnings;
  n = self->items->len;
  for (guint i = 0; i < n; i++)
    unwatch (self, self->items->pdata[i]);
  g_ptr_array_set_size (self->items, 0);
  changed (self, 0, n, 0, n_errors, n_warnings);
}

/**
 * govstats_finding_list_get_finding:
 * @self: a finding list
 * @position: the position of a finding
 *
 * Gets the finding at @position, without the reference that
 * [method@Gio.ListModel.get_item] returns.
 *
 * Returns: (transfer none) (nullable): the finding, or %NULL if @position is
 *   past the end
 *
 * Since: 0.1
 */
GovstatsFinding *
govstats_finding_list_get_finding (GovstatsFindingList *self,
                                   guint                position)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING_LIST (self), NULL);
  if (position >= self->items->len)
    return NULL;
  return self->items->pdata[position];
}

/**
 * govstats_finding_list_get_n_errors:
 * @self: a finding list
 *
 * Counts the errors; see [property@Govstats.FindingList:n-errors].
 *
 * Returns: the number of errors
 *
 * Since: 0.1
 */
guint
govstats_finding_list_get_n_errors (GovstatsFindingList *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING_LIST (self), 0);
  return self->n_errors;
}

/**
 * govstats_finding_list_get_n_warnings:
 * @self: a finding list
 *
 * Counts the warnings; see [property@Govstats.FindingList:n-warnings].
 *
 * Returns: the number of warnings
 *
 * Since: 0.1
 */
guint
govstats_finding_list_get_n_warnings (GovstatsFindingList *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING_LIST (self), 0);
  return self->n_warnings;
}
