/* govstats-roster.c — the units expected in a consolidation
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-enum-types.h"
#include "govstats-error.h"
#include "govstats-i18n-private.h"
#include "govstats-file-private.h"
#include "govstats-unit-store-private.h"
#include "govstats-roster-private.h"

/**
 * GovstatsRoster:
 *
 * The units a consolidation expects: every department and town of a county,
 * with its code, name, kind and the other names it goes by.
 *
 * <!-- run: roster -->
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GovstatsRoster) roster = govstats_roster_new_from_file ("roster.json", &error);
 * const char *code;
 *
 * if (roster == NULL)
 *   g_error ("%s", error->message);
 * code = govstats_roster_match (roster, NULL, "示例县南岭乡");
 * g_print ("%s: %u units; 示例县南岭乡 is %s, a %s\n",
 *          govstats_roster_get_name (roster), govstats_roster_get_n_units (roster), code,
 *          govstats_roster_get_unit_kind (roster, code) == GOVSTATS_UNIT_KIND_TOWN ? "town" : "department");
 * ```
 *
 * It prints:
 *
 * <!-- output: roster -->
 * ```text
 * 示例县: 59 units; 示例县南岭乡 is T16, a town
 * ```
 *
 * A roster is read from JSON
 * (`{"name": "示例县", "year": 2021, "units": [{"code": "D01", "name": "…", "kind": "department", "aliases": […]}, …]}`)
 * or from CSV with a header line `code,name,kind` (and optionally `aliases`,
 * separated by `;`). Reports are matched to units by code, then by name or
 * alias ([method@Govstats.Roster.match]).
 *
 * Since: 0.1
 */

/* A national roster lists 200,000 units: they are kept compactly, about
 * 100 bytes a unit. Strings live in one string chunk (their addresses never
 * change, so they can be handed out), and the two indexes are open-addressing
 * tables of (unit, which name) pairs rather than hash tables of pointers. */
typedef struct {
  const char *code;
  const char *name;
  guint32     aliases;   /* index in alias_lists, or NO_ALIASES */
  guint32     kind;
} Unit;

#define NO_ALIASES G_MAXUINT32

/* A slot of the two indexes: (unit index + 1) | (which << 32), where which
 * is 0 for the code or the name and k + 1 for alias k. */

struct _GovstatsRoster
{
  GObject       parent_instance;

  char         *name;
  int           year;
  GStringChunk *strings;
  GovstatsBlockArray *units;  /* Unit, in roster order */
  GPtrArray    *alias_lists;  /* GStrv of the units that have aliases */
  GovstatsSlotTable by_code;
  GovstatsSlotTable by_name;  /* names and aliases */
};

G_DEFINE_FINAL_TYPE (GovstatsRoster, govstats_roster, G_TYPE_OBJECT)

static const char * const no_aliases[] = { NULL };

static const char *
slot_key (GovstatsRoster          *self,
          const GovstatsSlotTable *index,
          guint64                  slot)
{
  const Unit *unit = (const Unit *) govstats_block_array_index (self->units, (guint) (slot & G_MAXUINT32) - 1);
  guint which = (guint) (slot >> 32);

  if (index == &self->by_code)
    return unit->code;
  if (which == 0)
    return unit->name;
  return ((char **) self->alias_lists->pdata[unit->aliases])[which - 1];
}

static guint32
by_code_hash (guint64  slot,
              gpointer data)
{
  GovstatsRoster *self = data;

  return g_str_hash (slot_key (self, &self->by_code, slot));
}

static guint32
by_name_hash (guint64  slot,
              gpointer data)
{
  GovstatsRoster *self = data;

  return g_str_hash (slot_key (self, &self->by_name, slot));
}

static void
index_insert (GovstatsRoster    *self,
              GovstatsSlotTable *index,
              guint              unit,
              guint              which)
{
  guint64 slot = (guint64) (unit + 1) | ((guint64) which << 32);

  govstats_slot_table_insert (index, slot, g_str_hash (slot_key (self, index, slot)),
                              index == &self->by_code ? by_code_hash : by_name_hash, self);
}

/* The unit with this code (by_code) or name or alias (by_name), or NULL. */
static Unit *
index_lookup (GovstatsRoster          *self,
              const GovstatsSlotTable *index,
              const char              *key)
{
  GovstatsSlotIter iter;
  guint64 slot;

  for (govstats_slot_iter_init (&iter, index, g_str_hash (key)); govstats_slot_iter_next (&iter, &slot);)
    if (g_str_equal (slot_key (self, index, slot), key))
      return (Unit *) govstats_block_array_index (self->units, (guint) (slot & G_MAXUINT32) - 1);
  return NULL;
}

static void
govstats_roster_finalize (GObject *object)
{
  GovstatsRoster *self = GOVSTATS_ROSTER (object);

  g_free (self->name);
  g_string_chunk_free (self->strings);
  govstats_block_array_free (self->units);
  g_ptr_array_unref (self->alias_lists);
  govstats_slot_table_clear (&self->by_code);
  govstats_slot_table_clear (&self->by_name);

  G_OBJECT_CLASS (govstats_roster_parent_class)->finalize (object);
}

static void
govstats_roster_class_init (GovstatsRosterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govstats_roster_finalize;
}

static void
govstats_roster_init (GovstatsRoster *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->units = govstats_block_array_new (sizeof (Unit));
  self->alias_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/**
 * govstats_roster_new:
 * @name: (nullable): the name of the consolidating government or area, such as 示例县
 * @year: the statistics year, or 0
 *
 * Creates an empty roster.
 *
 * Returns: (transfer full): a new roster
 *
 * Since: 0.1
 */
GovstatsRoster *
govstats_roster_new (const char *name,
                     int         year)
{
  GovstatsRoster *self = g_object_new (GOVSTATS_TYPE_ROSTER, NULL);

  self->name = g_strdup (name);
  self->year = year;
  return self;
}

/**
 * govstats_roster_add_unit:
 * @self: a roster
 * @code: the unit's code, unique in the roster
 * @name: the unit's name, unique in the roster
 * @kind: the kind of unit
 * @aliases: (nullable) (array zero-terminated=1): other names of the unit
 * @error: return location for a #GError
 *
 * Adds a unit to the roster.
 *
 * Returns: %TRUE on success; %FALSE with %GOVSTATS_ERROR_INVALID_VALUE for an
 *   empty or repeated code, name or alias
 *
 * Since: 0.1
 */
gboolean
govstats_roster_add_unit (GovstatsRoster     *self,
                          const char         *code,
                          const char         *name,
                          GovstatsUnitKind    kind,
                          const char * const *aliases,
                          GError            **error)
{
  Unit unit;
  guint n_aliases = aliases ? g_strv_length ((char **) aliases) : 0;

  g_return_val_if_fail (GOVSTATS_IS_ROSTER (self), FALSE);
  g_return_val_if_fail (code != NULL && name != NULL, FALSE);

  if (*code == '\0' || *name == '\0')
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_VALUE,
                   "a unit needs a code and a name (code “%s”, name “%s”)", code, name);
      return FALSE;
    }
  if (govstats_block_array_len (self->units) >= GOVSTATS_UNIT_STORE_MAX_UNITS)
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_VALUE,
                   "a roster holds at most %u units", GOVSTATS_UNIT_STORE_MAX_UNITS);
      return FALSE;
    }
  if (index_lookup (self, &self->by_code, code))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_VALUE,
                   "unit code “%s” appears twice in the roster", code);
      return FALSE;
    }
  if (index_lookup (self, &self->by_name, name))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_VALUE,
                   "unit name “%s” appears twice in the roster", name);
      return FALSE;
    }
  for (guint i = 0; aliases && aliases[i]; i++)
    if (index_lookup (self, &self->by_name, aliases[i]) || g_str_equal (aliases[i], name))
      {
        govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_VALUE,
                     "alias “%s” of unit %s names another unit of the roster", aliases[i], code);
        return FALSE;
      }
  unit.code = g_string_chunk_insert (self->strings, code);
  unit.name = g_string_chunk_insert (self->strings, name);
  unit.kind = kind;
  unit.aliases = NO_ALIASES;
  if (n_aliases > 0)
    {
      unit.aliases = self->alias_lists->len;
      g_ptr_array_add (self->alias_lists, g_strdupv ((char **) aliases));
    }
  govstats_block_array_append (self->units, &unit);
  index_insert (self, &self->by_code, govstats_block_array_len (self->units) - 1, 0);
  index_insert (self, &self->by_name, govstats_block_array_len (self->units) - 1, 0);
  for (guint i = 0; i < n_aliases; i++)
    index_insert (self, &self->by_name, govstats_block_array_len (self->units) - 1, i + 1);
  return TRUE;
}


void
govstats_roster_set_name (GovstatsRoster *self,
                          const char     *name)
{
  g_free (self->name);
  self->name = g_strdup (name);
}

void
govstats_roster_set_year (GovstatsRoster *self,
                          int             year)
{
  self->year = year;
}

/**
 * govstats_roster_new_from_data:
 * @data: (array length=length) (element-type guint8): the roster, as JSON or CSV text
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @name: (nullable): what to call the input in messages
 * @error: return location for a #GError
 *
 * Reads a roster. Text starting with `{` is JSON, anything else CSV.
 *
 * Returns: (transfer full): the roster, or %NULL with @error set
 *
 * Since: 0.1
 */
GovstatsRoster *
govstats_roster_new_from_data (const char  *data,
                               gssize       length,
                               const char  *name,
                               GError     **error)
{
  g_autofree char *copy = NULL;
  gsize len;

  g_return_val_if_fail (data != NULL, NULL);
  if (name == NULL)
    name = "<roster>";
  len = length < 0 ? strlen (data) : (gsize) length;
  /* @data need not end in a NUL. */
  copy = g_strndup (data, len);
  return govstats_roster_load_text (copy, len, name, error);
}

/**
 * govstats_roster_new_from_file:
 * @filename: (type filename): a roster file, JSON or CSV
 * @error: return location for a #GError
 *
 * Reads a roster file; see [ctor@Govstats.Roster.new_from_data].
 *
 * Returns: (transfer full): the roster, or %NULL with @error set
 *
 * Since: 0.1
 */
GovstatsRoster *
govstats_roster_new_from_file (const char  *filename,
                               GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (filename != NULL, NULL);
  data = govstats_read_file (filename, &length, error);
  /* The text ends with a NUL: no second copy of a national roster. */
  return data ? govstats_roster_load_text (data, length, filename, error) : NULL;
}

/**
 * govstats_roster_get_name:
 * @self: a roster
 *
 * Gets the name of the consolidating government or area.
 *
 * Returns: (transfer none) (nullable): the name
 *
 * Since: 0.1
 */
const char *
govstats_roster_get_name (GovstatsRoster *self)
{
  g_return_val_if_fail (GOVSTATS_IS_ROSTER (self), NULL);
  return self->name;
}

/**
 * govstats_roster_get_year:
 * @self: a roster
 *
 * Gets the statistics year of the roster.
 *
 * Returns: the year, or 0 when not given
 *
 * Since: 0.1
 */
int
govstats_roster_get_year (GovstatsRoster *self)
{
  g_return_val_if_fail (GOVSTATS_IS_ROSTER (self), 0);
  return self->year;
}

/**
 * govstats_roster_get_n_units:
 * @self: a roster
 *
 * Counts the units of the roster.
 *
 * Returns: the number of units
 *
 * Since: 0.1
 */
guint
govstats_roster_get_n_units (GovstatsRoster *self)
{
  g_return_val_if_fail (GOVSTATS_IS_ROSTER (self), 0);
  return govstats_block_array_len (self->units);
}

/**
 * govstats_roster_dup_codes:
 * @self: a roster
 *
 * Lists the unit codes in roster order.
 *
 * Returns: (transfer full) (array zero-terminated=1): the codes
 *
 * Since: 0.1
 */
char **
govstats_roster_dup_codes (GovstatsRoster *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GOVSTATS_IS_ROSTER (self), NULL);
  for (guint i = 0; i < govstats_block_array_len (self->units); i++)
    g_strv_builder_add (builder, ((Unit *) govstats_block_array_index (self->units, i))->code);
  return g_strv_builder_end (builder);
}

/**
 * govstats_roster_has_unit:
 * @self: a roster
 * @code: a unit code
 *
 * Tells whether a code is on the roster.
 *
 * Returns: %TRUE if the unit is on the roster
 *
 * Since: 0.1
 */
gboolean
govstats_roster_has_unit (GovstatsRoster *self,
                          const char     *code)
{
  g_return_val_if_fail (GOVSTATS_IS_ROSTER (self), FALSE);
  return code != NULL && index_lookup (self, &self->by_code, code) != NULL;
}

static Unit *
lookup (GovstatsRoster *self,
        const char     *code,
        const char     *func)
{
  Unit *unit = code ? index_lookup (self, &self->by_code, code) : NULL;

  if (unit == NULL)
    g_critical ("%s: “%s” is not a unit code of the roster", func, code);
  return unit;
}

/**
 * govstats_roster_get_unit_name:
 * @self: a roster
 * @code: a unit code of the roster
 *
 * Gets the name of a unit.
 *
 * Returns: (transfer none): the name
 *
 * Since: 0.1
 */
const char *
govstats_roster_get_unit_name (GovstatsRoster *self,
                               const char     *code)
{
  Unit *unit;

  g_return_val_if_fail (GOVSTATS_IS_ROSTER (self), NULL);
  unit = lookup (self, code, G_STRFUNC);
  return unit ? unit->name : NULL;
}

/**
 * govstats_roster_get_unit_kind:
 * @self: a roster
 * @code: a unit code of the roster
 *
 * Gets the kind of a unit.
 *
 * Returns: the unit kind
 *
 * Since: 0.1
 */
GovstatsUnitKind
govstats_roster_get_unit_kind (GovstatsRoster *self,
                               const char     *code)
{
  Unit *unit;

  g_return_val_if_fail (GOVSTATS_IS_ROSTER (self), GOVSTATS_UNIT_KIND_OTHER);
  unit = lookup (self, code, G_STRFUNC);
  return unit ? unit->kind : GOVSTATS_UNIT_KIND_OTHER;
}

/**
 * govstats_roster_get_unit_aliases:
 * @self: a roster
 * @code: a unit code of the roster
 *
 * Gets the other names of a unit.
 *
 * Returns: (transfer none) (array zero-terminated=1): the aliases
 *
 * Since: 0.1
 */
const char * const *
govstats_roster_get_unit_aliases (GovstatsRoster *self,
                                  const char     *code)
{
  Unit *unit;

  g_return_val_if_fail (GOVSTATS_IS_ROSTER (self), NULL);
  unit = lookup (self, code, G_STRFUNC);
  if (unit == NULL)
    return NULL;
  if (unit->aliases == NO_ALIASES)
    return no_aliases;
  return (const char * const *) self->alias_lists->pdata[unit->aliases];
}

/**
 * govstats_roster_match:
 * @self: a roster
 * @code: (nullable): the unit code a report gives
 * @name: (nullable): the unit name a report gives
 *
 * Finds the roster unit a report belongs to: by code, then by name or alias.
 *
 * Returns: (transfer none) (nullable): the roster code of the unit, or %NULL
 *   if the report's unit is not on the roster
 *
 * Since: 0.1
 */
const char *
govstats_roster_match (GovstatsRoster *self,
                       const char     *code,
                       const char     *name)
{
  Unit *unit = NULL;

  g_return_val_if_fail (GOVSTATS_IS_ROSTER (self), NULL);
  if (code != NULL)
    unit = index_lookup (self, &self->by_code, code);
  if (unit == NULL && name != NULL)
    unit = index_lookup (self, &self->by_name, name);
  return unit ? unit->code : NULL;
}
