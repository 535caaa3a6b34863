/* govstats-json-reader-private.h — the strict JSON reader and its parts (govstats-json-reader.c)
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Checks @data is UTF-8 (not UTF-16, no NUL), with a GB18030 hint. */
gboolean  govstats_text_check_encoding (const char *data,
                                     gsize             length,
                                     const char       *name,
                                     GError          **error);
/* Checks @data is UTF-8 and strict JSON (RFC 8259: no comments, no single
 * quotes, nothing after the root value, no repeated member, integers within
 * 64 bits); errors give line:column. */
gboolean  govstats_json_precheck    (const char       *data,
                                     gsize             length,
                                     const char       *name,
                                     GError          **error);
/* The same check, giving the document as JSON-GLib nodes. */
JsonNode *govstats_json_parse       (const char       *data,
                                     gsize             length,
                                     const char       *name,
                                     GError          **error);

/* The reader's parts, for loaders that read part of a document themselves. */
#define GOVSTATS_JSON_MAX_DEPTH 256

typedef struct {
  const char *data;
  const char *p;
  const char *end;
  const char *name;
  GError    **error;
  GString    *key;      /* the last member name read */
} GovstatsJsonReader;

/* The member names of one object, to refuse a repeated one. */
typedef struct {
  GPtrArray *keys;
} GovstatsJsonSeen;

gboolean  govstats_json_reader_fail       (GovstatsJsonReader *r,
                                           const char         *at,
                                           int                 code,
                                           const char         *format,
                                           ...) G_GNUC_PRINTF (4, 5);
/* The start of a document at r->p: checks the encoding of the rest, skips
 * a byte-order mark and white space; FALSE (error set) for a file that is
 * not UTF-8 or holds nothing. */
gboolean  govstats_json_reader_start      (GovstatsJsonReader *r);
void      govstats_json_reader_space      (GovstatsJsonReader *r);
gboolean  govstats_json_reader_unexpected (GovstatsJsonReader *r,
                                           const char         *expected);
gboolean  govstats_json_reader_string     (GovstatsJsonReader *r,
                                           GString            *out);
gboolean  govstats_json_reader_number     (GovstatsJsonReader *r,
                                           const char        **start,
                                           gsize              *length,
                                           gboolean           *integral);
gboolean  govstats_json_reader_literal    (GovstatsJsonReader *r,
                                           const char         *word);
/* Reads the next member name of an object into r->key, and its colon;
 * FALSE at the end of the object (*done) or on an error. */
gboolean  govstats_json_reader_member     (GovstatsJsonReader *r,
                                           const char         *open,
                                           gboolean            first,
                                           GovstatsJsonSeen   *seen,
                                           gboolean           *done);
JsonNode *govstats_json_reader_node       (GovstatsJsonReader *r,
                                           guint               depth);

G_END_DECLS
