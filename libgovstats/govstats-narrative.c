/* govstats-narrative.c — the narrative phrases of a layout compiled from its `narrative` member
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-enum-types.h"
#include "govstats-error.h"
#include "govstats-narrative-private.h"

static gboolean
fail (GError    **error,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError    **error,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_SCHEMA, "schema: narrative: %s", msg);
  return FALSE;
}

/* An array of strings, or NULL with @error set. An absent member is an
 * empty list unless @required. */
static GStrv
get_words (JsonObject  *o,
           const char  *member,
           gboolean     required,
           const char  *where,
           GError     **error)
{
  JsonNode *node = o ? json_object_get_member (o, member) : NULL;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  JsonArray *a;

  if (node == NULL)
    {
      if (required)
        {
          fail (error, "%s: missing “%s”", where, member);
          return NULL;
        }
      return g_strv_builder_end (b);
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, "%s: “%s” must be an array of strings", where, member);
      return NULL;
    }
  a = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *el = json_array_get_element (a, i);
      if (!JSON_NODE_HOLDS_VALUE (el) || json_node_get_value_type (el) != G_TYPE_STRING ||
          *json_node_get_string (el) == '\0')
        {
          fail (error, "%s: “%s” must be an array of non-empty strings", where, member);
          return NULL;
        }
      g_strv_builder_add (b, json_node_get_string (el));
    }
  return g_strv_builder_end (b);
}

static const char *
get_str (JsonObject *o,
         const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
get_obj (JsonObject *o,
         const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
form_free (gpointer data)
{
  NarrativeForm *f = data;

  g_ptr_array_unref (f->before);
  g_ptr_array_unref (f->after);
  g_free (f);
}

static void
statement_free (gpointer data)
{
  NarrativeStatement *s = data;

  g_free (s->id);
  g_free (s->name.zh);
  g_free (s->name.en);
  g_strfreev (s->sections);
  g_free (s->topic);
  g_strfreev (s->units);
  g_ptr_array_unref (s->forms);
  g_ptr_array_unref (s->binds);
  if (s->share_of)
    g_array_unref (s->share_of);
  g_free (s);
}

static void
kind_free (gpointer data)
{
  NarrativeKind *k = data;

  g_free (k->key);
  g_free (k->name.zh);
  g_free (k->name.en);
  g_strfreev (k->words);
  g_free (k);
}

static void
topic_free (gpointer data)
{
  NarrativeTopic *t = data;

  g_free (t->key);
  g_strfreev (t->words);
  g_free (t);
}

static void
term_clear (gpointer data)
{
  g_free (((NarrativeTerm *) data)->indicator);
}

void
govstats_narrative_free (GovstatsNarrative *n)
{
  if (n == NULL)
    return;
  g_ptr_array_unref (n->topics);
  g_strfreev (n->more_before);
  g_strfreev (n->more_after);
  g_strfreev (n->about_before);
  g_strfreev (n->about_after);
  g_strfreev (n->under_before);
  g_strfreev (n->fillers);
  g_strfreev (n->doubt);
  g_strfreev (n->shares);
  g_ptr_array_unref (n->kinds);
  g_ptr_array_unref (n->statements);
  g_free (n);
}

/* A word list of a form: "{name}" stands for the synonyms under terms/name. */
static GPtrArray *
compile_words (JsonObject  *terms,
               JsonObject  *form,
               const char  *member,
               const char  *where,
               GError     **error)
{
  g_auto(GStrv) words = get_words (form, member, FALSE, where, error);
  GPtrArray *out;

  if (words == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; words[i]; i++)
    {
      const char *w = words[i];
      gsize len = strlen (w);
      GStrv set;

      if (w[0] == '{' && w[len - 1] == '}')
        {
          g_autofree char *name = g_strndup (w + 1, len - 2);
          g_autofree char *what = g_strdup_printf ("terms/%s", name);
          if (terms == NULL || !json_object_has_member (terms, name))
            {
              g_ptr_array_unref (out);
              fail (error, "%s: “%s” names no terms", where, w);
              return NULL;
            }
          set = get_words (terms, name, TRUE, what, error);
          if (set == NULL)
            {
              g_ptr_array_unref (out);
              return NULL;
            }
        }
      else
        {
          const char *one[] = { w, NULL };
          set = g_strdupv ((GStrv) one);
        }
      g_ptr_array_add (out, set);
    }
  return out;
}

/* A quantity: cell paths (a `*` matches within a key), "indicator:KEY", a
 * leading "-" for a term subtracted. */
static GArray *
compile_terms (GovstatsSchema *schema,
               JsonArray      *array,
               const char     *where,
               GError        **error)
{
  g_autoptr(GArray) terms = g_array_new (FALSE, TRUE, sizeof (NarrativeTerm));

  g_array_set_clear_func (terms, term_clear);
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *el = json_array_get_element (array, i);
      const char *t;
      int sign = 1;
      guint before = terms->len;

      if (!JSON_NODE_HOLDS_VALUE (el) || json_node_get_value_type (el) != G_TYPE_STRING)
        {
          fail (error, "%s: a term must be a string", where);
          return NULL;
        }
      t = json_node_get_string (el);
      if (*t == '-')
        {
          sign = -1;
          t++;
        }
      if (g_str_has_prefix (t, "indicator:") && t[10] != '\0')
        {
          NarrativeTerm term = { -1, g_strdup (t + 10), sign };
          g_array_append_val (terms, term);
          continue;
        }
      for (guint c = 0; strchr (t, '*') && c < govstats_schema_get_n_cells (schema); c++)
        {
          const GovstatsSchemaCell *cell = govstats_schema_cell_at (schema, c);
          if (g_pattern_match_simple (t, cell->path))
            {
              NarrativeTerm term = { (int) c, NULL, sign };
              g_array_append_val (terms, term);
            }
        }
      if (!strchr (t, '*'))
        {
          NarrativeTerm term = { govstats_schema_lookup_cell (schema, t), NULL, sign };
          if (term.cell >= 0)
            g_array_append_val (terms, term);
        }
      if (terms->len == before)
        {
          fail (error, "%s: “%s” is no cell of the %s layout", where, t, govstats_schema_get_version (schema));
          return NULL;
        }
    }
  if (terms->len == 0)
    {
      fail (error, "%s: an empty quantity", where);
      return NULL;
    }
  return g_steal_pointer (&terms);
}

static gboolean
compile_forms (NarrativeStatement *s,
               JsonObject         *terms,
               JsonArray          *forms,
               const char         *where,
               GError            **error)
{
  for (guint f = 0; forms && f < json_array_get_length (forms); f++)
    {
      JsonNode *el = json_array_get_element (forms, f);
      JsonObject *fo = JSON_NODE_HOLDS_OBJECT (el) ? json_node_get_object (el) : NULL;
      NarrativeForm *form;
      JsonNode *sign;

      if (fo == NULL)
        return fail (error, "%s: each form must be an object", where);
      form = g_new0 (NarrativeForm, 1);
      g_ptr_array_add (s->forms, form);
      form->sign = 1;
      sign = json_object_get_member (fo, "sign");
      if (sign && JSON_NODE_HOLDS_VALUE (sign) && json_node_get_int (sign) == -1)
        form->sign = -1;
      if ((form->before = compile_words (terms, fo, "before", where, error)) == NULL ||
          (form->after = compile_words (terms, fo, "after", where, error)) == NULL)
        return FALSE;
      if (form->before->len == 0 && form->after->len == 0)
        return fail (error, "%s: a form needs words before or after the figure", where);
    }
  if (s->forms->len == 0)
    return fail (error, "%s: no forms", where);
  return TRUE;
}

static NarrativeStatement *
compile_statement (GovstatsSchema *schema,
                   JsonObject     *terms,
                   JsonNode       *node,
                   GError        **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  NarrativeStatement *s;
  JsonObject *name;
  JsonNode *binds, *share;
  const char *id;
  g_autofree char *where = NULL;

  if (o == NULL || (id = get_str (o, "id")) == NULL)
    {
      fail (error, "each statement must be an object with an “id”");
      return NULL;
    }
  where = g_strdup_printf ("statement %s", id);
  s = g_new0 (NarrativeStatement, 1);
  s->id = g_strdup (id);
  s->forms = g_ptr_array_new_with_free_func (form_free);
  s->binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  name = get_obj (o, "name");
  s->name.zh = g_strdup (name && get_str (name, "zh") ? get_str (name, "zh") : id);
  s->name.en = g_strdup (name && get_str (name, "en") ? get_str (name, "en") : id);
  s->topic = g_strdup (get_str (o, "topic"));
  s->by_kind = json_object_get_member (o, "by_kind") && json_object_get_boolean_member (o, "by_kind");
  if ((s->sections = get_words (o, "sections", TRUE, where, error)) == NULL ||
      (s->units = get_words (o, "units", TRUE, where, error)) == NULL ||
      !compile_forms (s, terms, json_object_get_member (o, "forms") &&
                      JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "forms")) ?
                      json_object_get_array_member (o, "forms") : NULL, where, error))
    goto bad;
  binds = json_object_get_member (o, "binds");
  if (binds == NULL || !JSON_NODE_HOLDS_ARRAY (binds) || json_array_get_length (json_node_get_array (binds)) == 0)
    {
      fail (error, "%s: “binds” must be a non-empty array of quantities", where);
      goto bad;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (binds)); i++)
    {
      JsonNode *q = json_array_get_element (json_node_get_array (binds), i);
      GArray *terms_q = compile_terms (schema, JSON_NODE_HOLDS_ARRAY (q) ? json_node_get_array (q) : NULL, where, error);
      if (terms_q == NULL)
        goto bad;
      g_ptr_array_add (s->binds, terms_q);
    }
  share = json_object_get_member (o, "share_of");
  if (share && (s->share_of = compile_terms (schema, JSON_NODE_HOLDS_ARRAY (share) ? json_node_get_array (share) : NULL,
                                             where, error)) == NULL)
    goto bad;
  {
    NarrativeTerm *first = &g_array_index ((GArray *) s->binds->pdata[0], NarrativeTerm, 0);
    s->kind = first->cell >= 0 ? govstats_schema_cell_kind_at (schema, (guint) first->cell) : GOVSTATS_VALUE_KIND_COUNT;
  }
  return s;

bad:
  statement_free (s);
  return NULL;
}

static gboolean
compile_lists (GovstatsNarrative *n,
               JsonObject        *o,
               GError           **error)
{
  JsonObject *q = get_obj (o, "qualifiers");
  JsonObject *more = q ? get_obj (q, "more_than") : NULL;
  JsonObject *about = q ? get_obj (q, "about") : NULL;
  JsonObject *under = q ? get_obj (q, "under") : NULL;

  return (n->more_before = get_words (more, "before", FALSE, "qualifiers/more_than", error)) &&
         (n->more_after = get_words (more, "after", FALSE, "qualifiers/more_than", error)) &&
         (n->about_before = get_words (about, "before", FALSE, "qualifiers/about", error)) &&
         (n->about_after = get_words (about, "after", FALSE, "qualifiers/about", error)) &&
         (n->under_before = get_words (under, "before", FALSE, "qualifiers/under", error)) &&
         (n->fillers = get_words (o, "fillers", FALSE, "top", error)) &&
         (n->doubt = get_words (o, "doubt", FALSE, "top", error)) &&
         (n->shares = get_words (o, "shares", FALSE, "top", error));
}

static gboolean
compile_kinds (GovstatsNarrative *n,
               JsonObject        *o,
               GError           **error)
{
  JsonNode *kinds = json_object_get_member (o, "kinds");

  for (guint i = 0; kinds && JSON_NODE_HOLDS_ARRAY (kinds) && i < json_array_get_length (json_node_get_array (kinds)); i++)
    {
      JsonNode *el = json_array_get_element (json_node_get_array (kinds), i);
      JsonObject *ko = JSON_NODE_HOLDS_OBJECT (el) ? json_node_get_object (el) : NULL;
      JsonObject *name = ko ? get_obj (ko, "name") : NULL;
      g_auto(GStrv) unit_kinds = NULL;
      NarrativeKind *k;

      if (ko == NULL || get_str (ko, "key") == NULL || name == NULL || !get_str (name, "zh") || !get_str (name, "en"))
        return fail (error, "kinds: each needs a “key” and a “name” in zh and en");
      k = g_new0 (NarrativeKind, 1);
      g_ptr_array_add (n->kinds, k);
      k->key = g_strdup (get_str (ko, "key"));
      k->name.zh = g_strdup (get_str (name, "zh"));
      k->name.en = g_strdup (get_str (name, "en"));
      if ((k->words = get_words (ko, "words", TRUE, k->key, error)) == NULL ||
          (unit_kinds = get_words (ko, "unit_kinds", TRUE, k->key, error)) == NULL)
        return FALSE;
      for (guint u = 0; unit_kinds[u]; u++)
        {
          GEnumClass *ec = g_type_class_ref (GOVSTATS_TYPE_UNIT_KIND);
          GEnumValue *v = g_enum_get_value_by_nick (ec, unit_kinds[u]);
          g_type_class_unref (ec);
          if (v == NULL)
            return fail (error, "kinds/%s: “%s” is no kind of unit", k->key, unit_kinds[u]);
          k->unit_kinds |= 1u << v->value;
        }
    }
  return TRUE;
}

/* Compiles the `narrative` member of a layout file. */
GovstatsNarrative *
govstats_narrative_compile (GovstatsSchema *schema,
                            JsonObject     *o,
                            GError        **error)
{
  GovstatsNarrative *n = g_new0 (GovstatsNarrative, 1);
  JsonObject *terms = get_obj (o, "terms"), *topics = get_obj (o, "topics");
  JsonNode *stmts = json_object_get_member (o, "statements");
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  n->topics = g_ptr_array_new_with_free_func (topic_free);
  n->kinds = g_ptr_array_new_with_free_func (kind_free);
  n->statements = g_ptr_array_new_with_free_func (statement_free);
  if (!compile_lists (n, o, error) || !compile_kinds (n, o, error))
    goto bad;
  if (topics)
    {
      json_object_iter_init_ordered (&iter, topics);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        {
          NarrativeTopic *t = g_new0 (NarrativeTopic, 1);
          g_ptr_array_add (n->topics, t);
          t->key = g_strdup (key);
          if ((t->words = get_words (topics, key, TRUE, "topics", error)) == NULL)
            goto bad;
        }
    }
  if (stmts == NULL || !JSON_NODE_HOLDS_ARRAY (stmts))
    {
      fail (error, "“statements” must be an array");
      goto bad;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (stmts)); i++)
    {
      NarrativeStatement *s = compile_statement (schema, terms, json_array_get_element (json_node_get_array (stmts), i), error);
      gboolean known_topic = FALSE;

      if (s == NULL)
        goto bad;
      g_ptr_array_add (n->statements, s);
      for (guint t = 0; s->topic && t < n->topics->len; t++)
        known_topic |= g_str_equal (((NarrativeTopic *) n->topics->pdata[t])->key, s->topic);
      if (s->topic && !known_topic)
        {
          fail (error, "statement %s: “%s” is no topic", s->id, s->topic);
          goto bad;
        }
      for (guint j = 0; j + 1 < n->statements->len; j++)
        if (g_str_equal (((NarrativeStatement *) n->statements->pdata[j])->id, s->id))
          {
            fail (error, "two statements have the id “%s”", s->id);
            goto bad;
          }
    }
  return n;

bad:
  govstats_narrative_free (n);
  return NULL;
}

const NarrativeStatement *
govstats_narrative_find (GovstatsNarrative *n,
                         const char        *id)
{
  for (guint i = 0; n && i < n->statements->len; i++)
    if (g_str_equal (((NarrativeStatement *) n->statements->pdata[i])->id, id))
      return n->statements->pdata[i];
  return NULL;
}
