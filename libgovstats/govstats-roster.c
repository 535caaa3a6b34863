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
#include "govstats-private.h"
#include "govstats-unit-store-private.h"
#include "govstats-roster.h"

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

static gboolean
parse_kind (const char       *text,
            GovstatsUnitKind *kind)
{
  GEnumClass *klass = g_type_class_ref (GOVSTATS_TYPE_UNIT_KIND);
  GEnumValue *value = g_enum_get_value_by_nick (klass, text);

  g_type_class_unref (klass);
  if (value == NULL)
    return FALSE;
  *kind = value->value;
  return TRUE;
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

static gboolean
load_unit (GovstatsRoster *self,
           JsonNode       *node,
           guint           i,
           const char     *name,
           GError        **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  JsonObject *u;
  const char *code = NULL, *unit_name = NULL, *kind_text = "other";
  g_auto(GStrv) aliases = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GovstatsUnitKind kind;
  g_autoptr(GError) local = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE, "%s: units/%u: expected an object", name, i);
      return FALSE;
    }
  u = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, u);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      if (g_str_equal (key, "aliases"))
        {
          JsonArray *a;
          if (!JSON_NODE_HOLDS_ARRAY (member))
            {
              govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE,
                           "%s: units/%u/aliases: expected an array of strings", name, i);
              return FALSE;
            }
          a = json_node_get_array (member);
          for (guint k = 0; k < json_array_get_length (a); k++)
            {
              JsonNode *e = json_array_get_element (a, k);
              if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
                {
                  govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE,
                               "%s: units/%u/aliases/%u: expected a string", name, i, k);
                  return FALSE;
                }
              g_strv_builder_add (builder, json_node_get_string (e));
            }
          continue;
        }
      if (!g_str_equal (key, "code") && !g_str_equal (key, "name") && !g_str_equal (key, "kind"))
        {
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY,
                       "%s: units/%u: unknown member “%s” (code, name, kind, aliases)", name, i, key);
          return FALSE;
        }
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE,
                       "%s: units/%u/%s: expected a string", name, i, key);
          return FALSE;
        }
      if (g_str_equal (key, "code"))
        code = json_node_get_string (member);
      else if (g_str_equal (key, "name"))
        unit_name = json_node_get_string (member);
      else
        kind_text = json_node_get_string (member);
    }
  if (code == NULL || unit_name == NULL)
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_MISSING_MEMBER,
                   "%s: units/%u: a unit needs a code and a name", name, i);
      return FALSE;
    }
  if (!parse_kind (kind_text, &kind))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_VALUE,
                   "%s: units/%u/kind: unknown unit kind “%s” (government, department, town or other)",
                   name, i, kind_text);
      return FALSE;
    }
  aliases = g_strv_builder_end (builder);
  if (!govstats_roster_add_unit (self, code, unit_name, kind, (const char * const *) aliases, &local))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, local->code, "%s: units/%u: %s", name, i, local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_json (GovstatsRoster *self,
           JsonNode       *root,
           const char     *name,
           GError        **error)
{
  JsonObject *o;
  JsonNode *units;
  JsonArray *array;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE,
                   "%s: a roster is an object {\"name\": …, \"year\": …, \"units\": […]}", name);
      return FALSE;
    }
  o = json_node_get_object (root);
  json_object_iter_init_ordered (&iter, o);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      if (g_str_equal (key, "name"))
        {
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
            {
              govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE, "%s: name: expected a string", name);
              return FALSE;
            }
          g_free (self->name);
          self->name = g_strdup (json_node_get_string (member));
        }
      else if (g_str_equal (key, "year"))
        {
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64 ||
              json_node_get_int (member) < 1 || json_node_get_int (member) > 9999)
            {
              govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE, "%s: year: expected a year such as 2021", name);
              return FALSE;
            }
          self->year = (int) json_node_get_int (member);
        }
      else if (!g_str_equal (key, "units") && !g_str_equal (key, "description"))
        {
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY,
                       "%s: unknown member “%s” (a roster has name, year and units)", name, key);
          return FALSE;
        }
    }
  units = json_object_get_member (o, "units");
  if (units == NULL || !JSON_NODE_HOLDS_ARRAY (units))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_MISSING_MEMBER, "%s: units: expected an array of units", name);
      return FALSE;
    }
  array = json_node_get_array (units);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (!load_unit (self, json_array_get_element (array, i), i, name, error))
        return FALSE;
    }
  return TRUE;
}

/* Reads a JSON roster with the units one at a time: a national roster has
 * 200,000 units, and a tree of all of them would be most of a rollup's memory. */
static gboolean
load_json_stream (GovstatsRoster *self,
                  const char     *data,
                  gsize           length,
                  const char     *name,
                  GError        **error)
{
  GovstatsJsonReader r = { data, data, data + length, name, error, g_string_new (NULL) };
  GovstatsJsonSeen seen = { g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(JsonObject) others = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean done = FALSE, ok = TRUE, have_units = FALSE;
  const char *open;
  guint n = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;
  govstats_json_reader_space (&r);
  open = r.p;
  r.p++;
  for (gboolean first = TRUE; ok; first = FALSE)
    {
      g_autofree char *key = NULL;

      if (!govstats_json_reader_member (&r, open, first, &seen, &done))
        break;
      key = g_strdup (r.key->str);
      if (g_str_equal (key, "units") && r.p < r.end && *r.p == '[')
        {
          const char *array_open = r.p;

          have_units = TRUE;
          r.p++;
          govstats_json_reader_space (&r);
          if (r.p < r.end && *r.p == ']')
            {
              r.p++;
              continue;
            }
          for (;;)
            {
              g_autoptr(JsonNode) unit = govstats_json_reader_node (&r, 2);

              if (unit == NULL || !load_unit (self, unit, n++, name, error))
                {
                  ok = FALSE;
                  break;
                }
              govstats_json_reader_space (&r);
              if (r.p >= r.end)
                ok = govstats_json_reader_fail (&r, array_open, GOVSTATS_ERROR_PARSE,
                                                "the array that starts here is not closed (the file ends early)");
              else if (*r.p == ']')
                r.p++;
              else if (*r.p != ',')
                ok = govstats_json_reader_unexpected (&r, "“,” or “]”");
              else
                {
                  r.p++;
                  govstats_json_reader_space (&r);
                  if (r.p < r.end && *r.p == ']')
                    ok = govstats_json_reader_fail (&r, r.p, GOVSTATS_ERROR_PARSE,
                                                    "a comma before “]” (remove the trailing comma)");
                  else
                    continue;
                }
              break;
            }
          continue;
        }
      {
        JsonNode *node = govstats_json_reader_node (&r, 1);
        if (node == NULL)
          {
            ok = FALSE;
            break;
          }
        json_object_set_member (others, key, node);
      }
    }
  if (ok && done)
    {
      govstats_json_reader_space (&r);
      if (r.p < r.end)
        ok = govstats_json_reader_fail (&r, r.p, GOVSTATS_ERROR_PARSE, "text after the end of the JSON value (%s)",
                                        *r.p == '{' || *r.p == '[' ? "a second value" : "remove it");
    }
  else
    ok = FALSE;
  g_ptr_array_unref (seen.keys);
  g_string_free (r.key, TRUE);
  if (!ok)
    return FALSE;
  /* The other members, checked as before; the units are already in. */
  if (have_units)
    json_object_set_array_member (others, "units", json_array_new ());
  root = json_node_init_object (json_node_alloc (), others);
  return load_json (self, root, name, error);
}

/* Splits one CSV line into fields (RFC 4180 quoting). */
static GPtrArray *
split_csv_line (const char *line,
                gboolean   *ok)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = line;
  gboolean quoted = FALSE;

  *ok = TRUE;
  for (;; p++)
    {
      if (quoted)
        {
          if (*p == '\0')
            {
              *ok = FALSE;
              break;
            }
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
          continue;
        }
      if (*p == '"' && field->len == 0)
        quoted = TRUE;
      else if (*p == ',' || *p == '\0' || *p == '\r')
        {
          g_ptr_array_add (fields, g_strdup (g_strstrip (field->str)));
          g_string_truncate (field, 0);
          if (*p != ',')
            break;
        }
      else
        g_string_append_c (field, *p);
    }
  g_string_free (field, TRUE);
  return fields;
}

static gboolean
load_csv (GovstatsRoster *self,
          const char     *data,
          const char     *name,
          GError        **error)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  int col_code = -1, col_name = -1, col_kind = -1, col_aliases = -1;
  gboolean have_header = FALSE;

  for (guint l = 0; lines[l]; l++)
    {
      g_autoptr(GPtrArray) fields = NULL;
      gboolean ok;

      if (*g_strstrip (lines[l]) == '\0')
        continue;
      fields = split_csv_line (lines[l], &ok);
      if (!ok)
        {
          govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_PARSE, "%s:%u: unterminated quoted field", name, l + 1);
          return FALSE;
        }
      if (!have_header)
        {
          for (guint i = 0; i < fields->len; i++)
            {
              const char *h = fields->pdata[i];
              if (g_ascii_strcasecmp (h, "code") == 0) col_code = (int) i;
              else if (g_ascii_strcasecmp (h, "name") == 0) col_name = (int) i;
              else if (g_ascii_strcasecmp (h, "kind") == 0) col_kind = (int) i;
              else if (g_ascii_strcasecmp (h, "aliases") == 0) col_aliases = (int) i;
              else
                {
                  govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_UNKNOWN_KEY,
                               "%s:%u: unknown column “%s” (the header is code,name,kind[,aliases])", name, l + 1, h);
                  return FALSE;
                }
            }
          if (col_code < 0 || col_name < 0)
            {
              govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_MISSING_MEMBER,
                           "%s:%u: the header needs the columns code and name", name, l + 1);
              return FALSE;
            }
          have_header = TRUE;
          continue;
        }
      {
        const char *code, *unit_name, *kind_text;
        g_auto(GStrv) aliases = NULL;
        GovstatsUnitKind kind;
        g_autoptr(GError) local = NULL;
        guint needed = (guint) MAX (MAX (col_code, col_name), MAX (col_kind, col_aliases)) + 1;

        if (fields->len < needed)
          {
            govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_PARSE,
                         "%s:%u: expected %u fields, found %u", name, l + 1, needed, fields->len);
            return FALSE;
          }
        code = fields->pdata[col_code];
        unit_name = fields->pdata[col_name];
        kind_text = col_kind >= 0 && *(char *) fields->pdata[col_kind] ? fields->pdata[col_kind] : "other";
        if (col_aliases >= 0 && *(char *) fields->pdata[col_aliases])
          aliases = g_strsplit (fields->pdata[col_aliases], ";", -1);
        if (!parse_kind (kind_text, &kind))
          {
            govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_VALUE,
                         "%s:%u: unknown unit kind “%s” (government, department, town or other)", name, l + 1, kind_text);
            return FALSE;
          }
        for (guint i = 0; aliases && aliases[i]; i++)
          g_strstrip (aliases[i]);
        if (!govstats_roster_add_unit (self, code, unit_name, kind, (const char * const *) aliases, &local))
          {
            g_set_error (error, GOVSTATS_ERROR, local->code, "%s:%u: %s", name, l + 1, local->message);
            return FALSE;
          }
      }
    }
  if (!have_header)
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_PARSE, "%s: the roster is empty", name);
      return FALSE;
    }
  return TRUE;
}

/* @text is NUL-terminated at @len. */
static GovstatsRoster *
roster_from_text (const char  *text,
                  gsize        len,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GovstatsRoster) self = govstats_roster_new (NULL, 0);
  const char *p = text;

  if (!govstats_text_check_encoding (text, len, name, error))
    return NULL;
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '{')
    {
      if (!load_json_stream (self, text, len, name, error))
        return NULL;
    }
  else if (*p == '[')
    {
      g_autoptr(JsonNode) root = govstats_json_parse (text, len, name, error);
      if (root == NULL || !load_json (self, root, name, error))
        return NULL;
    }
  else if (!load_csv (self, p, name, error))
    return NULL;
  return g_steal_pointer (&self);
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
  return roster_from_text (copy, len, name, error);
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
  return data ? roster_from_text (data, length, filename, error) : NULL;
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
