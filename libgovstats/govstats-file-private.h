/* govstats-file-private.h — whole-file reads and atomic writes (govstats-file.c)
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

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

G_END_DECLS
