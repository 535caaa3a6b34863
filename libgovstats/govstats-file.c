/* govstats-file.c — whole-file reads and atomic writes
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
#include "govstats-file-private.h"

GBytes *
govstats_read_stream (GInputStream  *stream,
                      const char    *name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) local_error = NULL;

  if (g_output_stream_splice (sink, stream,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              cancellable, &local_error) < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO,
                     "%s: cannot read: %s", name, local_error->message);
      return NULL;
    }
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (sink));
}

struct _GovstatsAtomicFile {
  char *filename;
  char *tmp_name;
  int   fd;
};

static void
atomic_file_fail (GovstatsAtomicFile *file,
                  int                 saved_errno,
                  GError            **error)
{
  govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO, "%s: cannot write: %s", file->filename,
               g_strerror (saved_errno));
}

GovstatsAtomicFile *
govstats_atomic_file_new (const char  *filename,
                          GError     **error)
{
  GovstatsAtomicFile *file = g_new0 (GovstatsAtomicFile, 1);

  file->filename = g_strdup (filename);
  file->tmp_name = g_strdup_printf ("%s.XXXXXX", filename);
  file->fd = g_mkstemp_full (file->tmp_name, O_WRONLY | O_CLOEXEC, 0644);
  if (file->fd < 0)
    {
      atomic_file_fail (file, errno, error);
      file->tmp_name[0] = '\0';
      govstats_atomic_file_abort (file);
      return NULL;
    }
  return file;
}

gboolean
govstats_atomic_file_write (gpointer     data,
                            const char  *text,
                            gsize        length,
                            GError     **error)
{
  GovstatsAtomicFile *file = data;

  while (length > 0)
    {
      gssize n = write (file->fd, text, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          atomic_file_fail (file, n < 0 ? errno : ENOSPC, error);
          return FALSE;
        }
      text += n;
      length -= (gsize) n;
    }
  return TRUE;
}

gboolean
govstats_atomic_file_commit (GovstatsAtomicFile *file,
                             GError            **error)
{
  int fd = file->fd;
  int saved = 0;

  /* On disk before the rename, so a crash leaves the old file or the new one. */
  file->fd = -1;
  if (fsync (fd) != 0)
    saved = errno;
  if (close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved != 0)
    {
      atomic_file_fail (file, saved, error);
      govstats_atomic_file_abort (file);
      return FALSE;
    }
  if (g_rename (file->tmp_name, file->filename) != 0)
    {
      atomic_file_fail (file, errno, error);
      govstats_atomic_file_abort (file);
      return FALSE;
    }
  g_free (file->filename);
  g_free (file->tmp_name);
  g_free (file);
  return TRUE;
}

void
govstats_atomic_file_abort (GovstatsAtomicFile *file)
{
  if (file->fd >= 0)
    close (file->fd);
  if (file->tmp_name[0] != '\0')
    g_unlink (file->tmp_name);
  g_free (file->filename);
  g_free (file->tmp_name);
  g_free (file);
}

char *
govstats_read_file (const char  *filename,
                    gsize       *length,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;
  char *data = NULL;

  if (!g_file_get_contents (filename, &data, length, &local))
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO, "%s: cannot read: %s", filename, local->message);
      return NULL;
    }
  return data;
}

gboolean
govstats_write_file_atomically (const char  *filename,
                                const char  *contents,
                                gsize        length,
                                GError     **error)
{
  GovstatsAtomicFile *file = govstats_atomic_file_new (filename, error);

  if (file == NULL)
    return FALSE;
  if (!govstats_atomic_file_write (file, contents, length, error))
    {
      govstats_atomic_file_abort (file);
      return FALSE;
    }
  return govstats_atomic_file_commit (file, error);
}
