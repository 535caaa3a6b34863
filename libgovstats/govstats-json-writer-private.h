/* govstats-json-writer-private.h — the canonical JSON writer (govstats-json-writer.c)
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

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

/* Keeps short arrays/objects of scalars on one line (rows of a table). */
void  govstats_json_writer_set_compact  (GovstatsJsonWriter *w,
                                         gboolean            compact);

G_END_DECLS
