/* govstats-json-writer.c — the canonical JSON writer: pretty, exact numbers, streaming to a sink
 *
 * JSON-GLib's generator prints doubles with 17 significant digits (4068.208
 * comes out as 4068.2080000000001); this writer prints every amount from its
 * exact fixed-point value, and can stream to a sink instead of a string.
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "govstats-error.h"
#include "govstats-i18n-private.h"
#include "govstats-json-writer-private.h"

/* ---------- output ---------- */

typedef struct {
  gboolean is_object;
  gboolean is_inline;
  guint    n_items;
} Frame;

struct _GovstatsJsonWriter {
  GString *out;
  GArray  *stack;   /* Frame */
  gboolean compact;
  gboolean after_key;
  GovstatsJsonSink sink;      /* if set, takes the text 64 KiB at a time */
  gpointer         sink_data;
  GError          *error;     /* the first failure; later text is dropped */
};

#define SINK_CHUNK (64 * 1024)

GovstatsJsonWriter *
govstats_json_writer_new (void)
{
  GovstatsJsonWriter *w = g_new0 (GovstatsJsonWriter, 1);

  w->out = g_string_sized_new (4096);
  w->stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  return w;
}

char *
govstats_json_writer_free_to_string (GovstatsJsonWriter *w,
                                     gsize              *length)
{
  char *result;

  if (w->error)
    g_critical ("JSON writer: %s", w->error->message);
  g_clear_error (&w->error);
  g_string_append_c (w->out, '\n');
  if (length)
    *length = w->out->len;
  result = g_string_free (w->out, FALSE);
  g_array_unref (w->stack);
  g_free (w);
  return result;
}

void
govstats_json_writer_set_sink (GovstatsJsonWriter *w,
                               GovstatsJsonSink    sink,
                               gpointer            data)
{
  w->sink = sink;
  w->sink_data = data;
}

void
govstats_json_writer_fail (GovstatsJsonWriter *w,
                           const GError       *error)
{
  if (w->error == NULL)
    w->error = g_error_copy (error);
}

static void
flush_to_sink (GovstatsJsonWriter *w)
{
  if (w->error == NULL && !w->sink (w->sink_data, w->out->str, w->out->len, &w->error))
    g_assert (w->error != NULL);
  g_string_truncate (w->out, 0);
}

gboolean
govstats_json_writer_finish (GovstatsJsonWriter *w,
                             GError            **error)
{
  gboolean ok;

  g_assert (w->sink != NULL);
  g_string_append_c (w->out, '\n');
  flush_to_sink (w);
  ok = w->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&w->error));
  g_string_free (w->out, TRUE);
  g_array_unref (w->stack);
  g_free (w);
  return ok;
}

static Frame *
top (GovstatsJsonWriter *w)
{
  return w->stack->len ? &g_array_index (w->stack, Frame, w->stack->len - 1) : NULL;
}

static void
newline_indent (GovstatsJsonWriter *w,
                guint               depth)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (w->out, "  ");
}

/* Called before any value or key is written in the current container. */
static void
before_item (GovstatsJsonWriter *w)
{
  Frame *f = top (w);

  if (w->sink && w->out->len >= SINK_CHUNK)
    flush_to_sink (w);
  if (f == NULL)
    return;
  if (f->n_items > 0)
    g_string_append_c (w->out, ',');
  if (f->is_inline)
    g_string_append_c (w->out, ' ');
  else
    newline_indent (w, w->stack->len);
  f->n_items++;
}

static void
before_value (GovstatsJsonWriter *w)
{
  Frame *f = top (w);

  if (w->after_key)
    {
      w->after_key = FALSE;
      return;
    }
  if (f != NULL && f->is_object)
    g_critical ("JSON writer: a value inside an object needs a key");
  before_item (w);
}

static void
append_escaped (GString    *out,
                const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
begin (GovstatsJsonWriter *w,
       gboolean            is_object)
{
  Frame f = { is_object, w->compact, 0 };

  before_value (w);
  g_string_append_c (w->out, is_object ? '{' : '[');
  g_array_append_val (w->stack, f);
}

static void
end (GovstatsJsonWriter *w,
     gboolean            is_object)
{
  Frame f = *top (w);

  g_array_set_size (w->stack, w->stack->len - 1);
  if (f.n_items > 0)
    {
      if (f.is_inline)
        g_string_append_c (w->out, ' ');
      else
        newline_indent (w, w->stack->len);
    }
  g_string_append_c (w->out, is_object ? '}' : ']');
}

void govstats_json_writer_begin_object (GovstatsJsonWriter *w) { begin (w, TRUE); }
void govstats_json_writer_end_object (GovstatsJsonWriter *w) { end (w, TRUE); }
void govstats_json_writer_begin_array (GovstatsJsonWriter *w) { begin (w, FALSE); }
void govstats_json_writer_end_array (GovstatsJsonWriter *w) { end (w, FALSE); }

void
govstats_json_writer_set_compact (GovstatsJsonWriter *w,
                                  gboolean            compact)
{
  w->compact = compact;
}

void
govstats_json_writer_key (GovstatsJsonWriter *w,
                          const char         *key)
{
  before_item (w);
  append_escaped (w->out, key);
  g_string_append (w->out, ": ");
  w->after_key = TRUE;
}

void
govstats_json_writer_string (GovstatsJsonWriter *w,
                             const char         *value)
{
  before_value (w);
  append_escaped (w->out, value);
}

void
govstats_json_writer_int (GovstatsJsonWriter *w,
                          gint64              value)
{
  before_value (w);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

void
govstats_json_writer_raw_number (GovstatsJsonWriter *w,
                                 const char         *text)
{
  before_value (w);
  g_string_append (w->out, text);
}

void
govstats_json_writer_null (GovstatsJsonWriter *w)
{
  before_value (w);
  g_string_append (w->out, "null");
}

void
govstats_json_writer_boolean (GovstatsJsonWriter *w,
                              gboolean            value)
{
  before_value (w);
  g_string_append (w->out, value ? "true" : "false");
}

static void
write_double (GovstatsJsonWriter *w,
              double              d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* JSON has no infinity or NaN: such a value can only come from a program
   * that built the extensions itself; write null rather than an unreadable file. */
  if (!isfinite (d))
    {
      g_warning ("a non-finite number (%g) in a report's extensions is written as null", d);
      govstats_json_writer_null (w);
      return;
    }

  /* The shortest text that reads back as the same double. */
  for (int precision = 15; precision <= 17; precision++)
    {
      char fmt[8];
      g_snprintf (fmt, sizeof fmt, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, fmt, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  if (strpbrk (buf, ".eEn") == NULL)
    g_strlcat (buf, ".0", sizeof buf);
  govstats_json_writer_raw_number (w, buf);
}

static gboolean
is_scalar_container (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;
      const char *key;
      guint n = 0;

      /* JSON-GLib 1.6 needs both out arguments of the ordered iterator. */
      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &key, &member))
        if (JSON_NODE_HOLDS_OBJECT (member) || JSON_NODE_HOLDS_ARRAY (member) || ++n > 8)
          return FALSE;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint len = json_array_get_length (array);
      if (len > 8)
        return FALSE;
      for (guint i = 0; i < len; i++)
        {
          JsonNode *e = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_OBJECT (e) || JSON_NODE_HOLDS_ARRAY (e))
            return FALSE;
        }
      return TRUE;
    }
  return FALSE;
}

void
govstats_json_writer_node (GovstatsJsonWriter *w,
                           JsonNode           *node)
{
  gboolean saved = w->compact;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      govstats_json_writer_null (w);
      break;
    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);
        if (type == G_TYPE_INT64)
          govstats_json_writer_int (w, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          write_double (w, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          govstats_json_writer_boolean (w, json_node_get_boolean (node));
        else
          govstats_json_writer_string (w, json_node_get_string (node));
      }
      break;
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;

        w->compact = saved || is_scalar_container (node);
        govstats_json_writer_begin_object (w);
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &key, &member))
          {
            govstats_json_writer_key (w, key);
            govstats_json_writer_node (w, member);
          }
        govstats_json_writer_end_object (w);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        w->compact = saved || is_scalar_container (node);
        govstats_json_writer_begin_array (w);
        for (guint i = 0; i < json_array_get_length (array); i++)
          govstats_json_writer_node (w, json_array_get_element (array, i));
        govstats_json_writer_end_array (w);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  w->compact = saved;
}
