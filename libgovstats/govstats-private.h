/* govstats-private.h — helpers shared inside the library
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include "govstats-types.h"

G_BEGIN_DECLS

/* Exact decimal text of a stored value ("4068.208", "-3", "12"). */
char     *govstats_value_format     (gint64            value,
                                     GovstatsValueKind kind);
/* Parses exact decimal text; FALSE with a message in @reason when it does not fit. */
gboolean  govstats_value_parse      (const char       *text,
                                     GovstatsValueKind kind,
                                     gint64           *value,
                                     char            **reason);
/* As govstats_value_parse(), also taking a JSON exponent ("4.0682e3"), exactly. */
gboolean  govstats_value_parse_json_number (const char *text,
                                     GovstatsValueKind kind,
                                     gint64           *value,
                                     char            **reason);
/* Converts a parsed JSON number to a stored value; FALSE with @reason when it cannot. */
gboolean  govstats_value_from_node  (JsonNode         *node,
                                     GovstatsValueKind kind,
                                     gint64           *value,
                                     char            **reason);

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

/* Reads a whole stream, then prechecks it. */
GBytes   *govstats_read_stream      (GInputStream     *stream,
                                     const char       *name,
                                     GCancellable     *cancellable,
                                     GError          **error);
/* Reads a whole file, ending it with a NUL; GOVSTATS_ERROR_IO naming the file. */
char     *govstats_read_file        (const char       *filename,
                                     gsize            *length,
                                     GError          **error);
/* Writes @contents to @filename atomically (a temporary file renamed into place). */
gboolean  govstats_write_file_atomically (const char  *filename,
                                     const char       *contents,
                                     gsize             length,
                                     GError          **error);

/* Appends @text to a Markdown table cell, escaping pipes and line breaks. */
void      govstats_markdown_append_cell (GString   *s,
                                     const char       *text);

/* A small pretty-printing JSON writer that writes numbers exactly. */
typedef struct _GovstatsJsonWriter GovstatsJsonWriter;

GovstatsJsonWriter *govstats_json_writer_new        (void);
char               *govstats_json_writer_free_to_string (GovstatsJsonWriter *w,
                                                     gsize              *length);
void  govstats_json_writer_begin_object (GovstatsJsonWriter *w);
void  govstats_json_writer_end_object   (GovstatsJsonWriter *w);
void  govstats_json_writer_begin_array  (GovstatsJsonWriter *w);
void  govstats_json_writer_end_array    (GovstatsJsonWriter *w);
void  govstats_json_writer_key          (GovstatsJsonWriter *w,
                                         const char         *key);
void  govstats_json_writer_string       (GovstatsJsonWriter *w,
                                         const char         *value);
void  govstats_json_writer_int          (GovstatsJsonWriter *w,
                                         gint64              value);
void  govstats_json_writer_raw_number   (GovstatsJsonWriter *w,
                                         const char         *text);
void  govstats_json_writer_null         (GovstatsJsonWriter *w);
void  govstats_json_writer_boolean      (GovstatsJsonWriter *w,
                                         gboolean            value);
void  govstats_json_writer_node         (GovstatsJsonWriter *w,
                                         JsonNode           *node);
/* Streaming: the writer hands its text to @sink in chunks instead of
 * keeping it; finish with govstats_json_writer_finish(). A sink that fails
 * sets @error and returns FALSE; the rest of the text is then dropped. */
typedef gboolean (*GovstatsJsonSink) (gpointer     data,
                                      const char  *text,
                                      gsize        length,
                                      GError     **error);
void      govstats_json_writer_set_sink (GovstatsJsonWriter *w,
                                         GovstatsJsonSink    sink,
                                         gpointer            data);
/* Records a failure of the caller's (the first one counts). */
void      govstats_json_writer_fail     (GovstatsJsonWriter *w,
                                         const GError       *error);
gboolean  govstats_json_writer_finish   (GovstatsJsonWriter *w,
                                         GError            **error);

/* A file written under a temporary name in its folder and renamed into
 * place on commit: readers never see half a file, and a failure leaves the
 * old file as it was. */
typedef struct _GovstatsAtomicFile GovstatsAtomicFile;

GovstatsAtomicFile *govstats_atomic_file_new    (const char          *filename,
                                                 GError             **error);
/* A GovstatsJsonSink. */
gboolean            govstats_atomic_file_write  (gpointer             file,
                                                 const char          *data,
                                                 gsize                length,
                                                 GError             **error);
/* Closes and renames; frees @file either way. */
gboolean            govstats_atomic_file_commit (GovstatsAtomicFile  *file,
                                                 GError             **error);
/* Closes and removes the temporary file; frees @file. */
void                govstats_atomic_file_abort  (GovstatsAtomicFile  *file);

/* Keeps short arrays/objects of scalars on one line (rows of a table). */
void  govstats_json_writer_set_compact  (GovstatsJsonWriter *w,
                                         gboolean            compact);

G_END_DECLS
