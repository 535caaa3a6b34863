/* govstats-roster-load.c — reading a roster: JSON (streamed for a national roster) and CSV
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-enum-types.h"
#include "govstats-error.h"
#include "govstats-i18n-private.h"
#include "govstats-json-reader-private.h"
#include "govstats-roster-private.h"

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
          govstats_roster_set_name (self, json_node_get_string (member));
        }
      else if (g_str_equal (key, "year"))
        {
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64 ||
              json_node_get_int (member) < 1 || json_node_get_int (member) > 9999)
            {
              govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_TYPE, "%s: year: expected a year such as 2021", name);
              return FALSE;
            }
          govstats_roster_set_year (self, (int) json_node_get_int (member));
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
GovstatsRoster *
govstats_roster_load_text (const char  *text,
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
