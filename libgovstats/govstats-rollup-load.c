/* govstats-rollup-load.c — adding many report files: folders expanded, loaded and checked on every core, progress
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "govstats-enum-types.h"
#include "govstats-error.h"
#include "govstats-finding-list.h"
#include "govstats-finding-private.h"
#include "govstats-i18n-private.h"
#include "govstats-report-private.h"
#include "govstats-rollup-private.h"
#include "govstats-schema-private.h"
#include "govstats-unit-store-private.h"

#define BATCH_SIZE 256
/* The least time between two progress signals. */
#define PROGRESS_INTERVAL (100 * G_TIME_SPAN_MILLISECOND)

typedef struct {
  char           *file;
  GovstatsReport *report;
  GPtrArray      *findings;
  GError         *error;
  gboolean        loaded;    /* under Batch.mutex */
} Slot;

typedef struct {
  GovstatsRollup *self;
  Slot           *slots;
  GMutex          mutex;
  GCond           cond;
  gboolean        cancelled;  /* under mutex */
} Batch;

static void
load_one (gpointer data,
          gpointer user_data)
{
  Slot *slot = data;
  Batch *batch = user_data;

  slot->report = govstats_report_new_from_file (slot->file, &slot->error);
  if (slot->report)
    slot->findings = govstats_rule_set_check (govstats_rollup_rule_set_for (batch->self, govstats_report_get_schema (slot->report)),
                                              slot->report, NULL);
  g_mutex_lock (&batch->mutex);
  slot->loaded = TRUE;
  g_cond_broadcast (&batch->cond);
  g_mutex_unlock (&batch->mutex);
}

/* The files to add, in order. A national roll-up lists 200,000 files: each
 * is kept as a folder index and a name in one buffer (about 25 bytes a
 * file), not as a full path of its own. */
typedef struct {
  GPtrArray *folders;   /* char *, folder paths as given */
  GString   *names;     /* NUL-terminated names, one after the other */
  GArray    *entries;   /* FileEntry, in the order to add */
} FileList;

typedef struct {
  guint32 folder;       /* NO_FOLDER: the name is a path given as is */
  guint32 name;         /* offset in names */
} FileEntry;

#define NO_FOLDER G_MAXUINT32

static void
file_list_free (FileList *list)
{
  g_ptr_array_unref (list->folders);
  g_string_free (list->names, TRUE);
  g_array_unref (list->entries);
  g_free (list);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileList, file_list_free)

static gboolean
file_list_add (FileList   *list,
               guint32     folder,
               const char *name,
               GError    **error)
{
  FileEntry e = { folder, (guint32) list->names->len };
  gsize len = strlen (name) + 1;

  /* Names are found by 32-bit offsets; a consolidation takes at most
   * GOVSTATS_UNIT_STORE_MAX_UNITS units anyway. */
  if (list->names->len + len > G_MAXUINT32 || list->entries->len >= GOVSTATS_UNIT_STORE_MAX_UNITS)
    {
      govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_INVALID_VALUE,
                   "%s: too many files for one consolidation (at most %u)", name, GOVSTATS_UNIT_STORE_MAX_UNITS);
      return FALSE;
    }
  g_string_append_len (list->names, name, (gssize) len);
  g_array_append_val (list->entries, e);
  return TRUE;
}

static char *
file_list_dup_path (FileList *list,
                    guint     index)
{
  FileEntry *e = &g_array_index (list->entries, FileEntry, index);
  const char *name = list->names->str + e->name;

  if (e->folder == NO_FOLDER)
    return g_strdup (name);
  return g_build_filename (list->folders->pdata[e->folder], name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const GString *names = data;

  return strcmp (names->str + ((const FileEntry *) a)->name, names->str + ((const FileEntry *) b)->name);
}

static FileList *
expand_paths (const char * const *paths,
              GError            **error)
{
  g_autoptr(FileList) list = g_new0 (FileList, 1);

  list->folders = g_ptr_array_new_with_free_func (g_free);
  list->names = g_string_new (NULL);
  list->entries = g_array_new (FALSE, FALSE, sizeof (FileEntry));
  for (guint i = 0; paths[i]; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GError) local = NULL;
          g_autoptr(GDir) dir = g_dir_open (paths[i], 0, &local);
          const char *name;
          guint first = list->entries->len;

          if (dir == NULL)
            {
              govstats_i18n_set_error (error, GOVSTATS_ERROR, GOVSTATS_ERROR_IO, "%s: cannot read the folder: %s",
                           paths[i], local->message);
              return NULL;
            }
          g_ptr_array_add (list->folders, g_strdup (paths[i]));
          while ((name = g_dir_read_name (dir)) != NULL)
            if (g_str_has_suffix (name, ".json") && !file_list_add (list, list->folders->len - 1, name, error))
              return NULL;
          /* A folder's files in name order. */
          g_qsort_with_data (&g_array_index (list->entries, FileEntry, first), (gint) (list->entries->len - first),
                             sizeof (FileEntry), compare_names, list->names);
        }
      else if (!file_list_add (list, NO_FOLDER, paths[i], error))
        return NULL;
    }
  return g_steal_pointer (&list);
}

/* One call of add_files or add_files_async. The thread adding the files
 * decides when progress is due; with a context, it hands the snapshot to
 * that context, which emits the signal. */
typedef struct {
  GovstatsRollup *self;
  GMainContext   *context;       /* NULL: signal at once, in the adding thread */
  guint           total;
  gint64          last_signal;   /* the adding thread's clock */
  guint           added;         /* files added so far */
  guint           decided;       /* the done of the last signal decided */
  gboolean        timed_waits;   /* the clock is the one g_cond_wait_until() uses */

  GMutex          mutex;         /* guards the fields below */
  Snapshot        pending;
  gboolean        pending_signal;
  gboolean        queued;        /* a source will show `pending` */

  /* In the context only. */
  guint           signalled;     /* the done of the last signal */
  gboolean        any_signal;
  gboolean        finished;
} Run;

static Run *
run_new (GovstatsRollup *self,
         GMainContext   *context)
{
  Run *run = g_atomic_rc_box_new0 (Run);

  run->self = g_object_ref (self);
  run->context = context ? g_main_context_ref (context) : NULL;
  g_mutex_init (&run->mutex);
  return run;
}

static void
run_clear (Run *run)
{
  g_object_unref (run->self);
  if (run->context)
    g_main_context_unref (run->context);
  g_mutex_clear (&run->mutex);
}

static void
run_unref (Run *run)
{
  g_atomic_rc_box_release_full (run, (GDestroyNotify) run_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_unref)

/* In the context: the snapshot, then the signal if a file was added since
 * the last. */
static void
run_show (Run            *run,
          const Snapshot *snapshot,
          gboolean        signal)
{
  govstats_rollup_show_snapshot (run->self, snapshot);
  if (signal && (!run->any_signal || snapshot->n_files_done > run->signalled))
    {
      run->signalled = snapshot->n_files_done;
      run->any_signal = TRUE;
      govstats_rollup_emit_progress (run->self, snapshot->n_files_done, snapshot->n_files);
    }
}

/* In the context: whatever the adding thread left for it. */
static void
run_flush (Run *run)
{
  Snapshot snapshot;
  gboolean signal, queued;

  g_mutex_lock (&run->mutex);
  snapshot = run->pending;
  signal = run->pending_signal;
  queued = run->queued;
  run->queued = FALSE;
  run->pending_signal = FALSE;
  g_mutex_unlock (&run->mutex);
  if (queued && !run->finished)
    run_show (run, &snapshot, signal);
}

static gboolean
run_flush_source (gpointer data)
{
  run_flush (data);
  return G_SOURCE_REMOVE;
}

/* In the adding thread. */
static void
run_report (Run     *run,
            guint    done,
            gboolean signal)
{
  Snapshot snapshot;
  gboolean queue;

  govstats_rollup_take_snapshot (run->self, run->total, done, &snapshot);
  if (run->context == NULL)
    {
      run_show (run, &snapshot, signal);
      return;
    }
  g_mutex_lock (&run->mutex);
  run->pending = snapshot;
  run->pending_signal |= signal;
  queue = !run->queued;
  run->queued = TRUE;
  g_mutex_unlock (&run->mutex);
  if (queue)
    {
      /* Always through a source: g_main_context_invoke() would run the
       * handler right here, in the adding thread, whenever it can acquire
       * the caller's context (a worker's thread default is the global
       * default context). */
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, run_flush_source, g_atomic_rc_box_acquire (run), (GDestroyNotify) run_unref);
      g_source_set_static_name (source, "[govstats] rollup progress");
      g_source_attach (source, run->context);
    }
}

/* In the adding thread, once a file is added: a signal when 100 ms have
 * passed since the last, and always for the last file. */
static void
run_file_done (Run   *run,
               guint  done)
{
  GovstatsRollup *self = run->self;
  gint64 now;

  run->added = done;
  if (done < run->total)
    {
      now = self->clock (self->clock_data);
      if (now - run->last_signal < PROGRESS_INTERVAL)
        return;
      run->last_signal = now;
    }
  run->decided = done;
  run_report (run, done, TRUE);
}

/* In the adding thread, waiting for the next file with @mutex held: a file
 * added but not yet signalled is signalled once 100 ms have passed since
 * the last signal, without waiting for the next file to load. Returns
 * early once *@cancelled is set. */
static void
run_wait (Run      *run,
          GCond    *cond,
          GMutex   *mutex,
          gboolean *loaded,
          gboolean *cancelled)
{
  while (!*loaded && !*cancelled)
    {
      gint64 now;

      if (!run->timed_waits || run->added == run->decided)
        {
          g_cond_wait (cond, mutex);
          continue;
        }
      if (g_cond_wait_until (cond, mutex, run->last_signal + PROGRESS_INTERVAL) || *loaded || *cancelled)
        continue;
      now = run->self->clock (run->self->clock_data);
      if (now - run->last_signal < PROGRESS_INTERVAL)
        continue;
      run->last_signal = now;
      run->decided = run->added;
      g_mutex_unlock (mutex);
      run_report (run, run->added, TRUE);
      g_mutex_lock (mutex);
    }
}

/* In whatever thread cancels: wakes the adding thread up if it waits for
 * a file. */
static void
batch_cancelled (GCancellable *cancellable,
                 gpointer      data)
{
  Batch *batch = data;

  g_mutex_lock (&batch->mutex);
  batch->cancelled = TRUE;
  g_cond_broadcast (&batch->cond);
  g_mutex_unlock (&batch->mutex);
}

static void
slot_clear (Slot *slot)
{
  g_clear_object (&slot->report);
  g_clear_pointer (&slot->findings, g_ptr_array_unref);
  g_clear_error (&slot->error);
  g_clear_pointer (&slot->file, g_free);
}

/* Loads and checks a batch on every core and adds its reports in input
 * order, each as soon as it and those before it are loaded: memory holds
 * one batch of reports at a time, the results do not depend on timing, and
 * progress follows every file.
 *
 * @cancellable is checked before each file is added: once it is cancelled
 * no further file is added (a report is added whole or not at all), the
 * files not yet started are dropped and those loading are waited for, then
 * left out. Returns %FALSE if it stopped so. */
static gboolean
add_batch (Run          *run,
           FileList     *files,
           guint         start,
           guint         n,
           guint         n_threads,
           GCancellable *cancellable)
{
  GovstatsRollup *self = run->self;
  Batch batch = { self, g_new0 (Slot, n) };
  GThreadPool *pool;
  gulong handler = 0;
  guint added = 0;

  g_mutex_init (&batch.mutex);
  g_cond_init (&batch.cond);
  if (cancellable)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (batch_cancelled), &batch, NULL);
  pool = g_thread_pool_new (load_one, &batch, (int) n_threads, FALSE, NULL);
  for (guint i = 0; i < n; i++)
    {
      batch.slots[i].file = file_list_dup_path (files, start + i);
      g_thread_pool_push (pool, &batch.slots[i], NULL);
    }
  for (; added < n; added++)
    {
      Slot *slot = &batch.slots[added];
      gboolean cancelled;

      g_mutex_lock (&batch.mutex);
      run_wait (run, &batch.cond, &batch.mutex, &slot->loaded, &batch.cancelled);
      cancelled = batch.cancelled;
      g_mutex_unlock (&batch.mutex);
      if (cancelled || g_cancellable_is_cancelled (cancellable))
        break;

      if (slot->report)
        govstats_rollup_add_checked (self, slot->report, slot->findings, slot->file);
      else
        govstats_rollup_add_input_invalid (self, slot->file, slot->error);
      slot_clear (slot);
      run_file_done (run, start + added + 1);
    }
  /* Cancelled: the files not started are dropped, those loading finish. */
  g_thread_pool_free (pool, added < n, TRUE);
  g_cancellable_disconnect (cancellable, handler);
  for (guint i = added; i < n; i++)
    slot_clear (&batch.slots[i]);
  g_free (batch.slots);
  g_mutex_clear (&batch.mutex);
  g_cond_clear (&batch.cond);
  return added == n;
}

static gboolean
add_files_internal (Run                *run,
                    const char * const *paths,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(FileList) files = expand_paths (paths, error);
  guint n_threads;

  if (files == NULL)
    return FALSE;
  run->total = files->entries->len;
  run->last_signal = run->self->clock (run->self->clock_data);
  /* A test clock paces by reads alone: no waiting on the real one. */
  run->timed_waits = run->self->clock == govstats_rollup_monotonic_clock;
  /* The number of files, before the first is added. */
  run_report (run, 0, run->total == 0);
  n_threads = MAX (1, MIN (g_get_num_processors (), 8));
  for (guint start = 0; start < run->total; start += BATCH_SIZE)
    if (!add_batch (run, files, start, MIN (BATCH_SIZE, run->total - start), n_threads, cancellable))
      break;
  if (run->added == run->total)
    return TRUE;
  /* Cancelled with files left out: a last signal for those added. */
  run->decided = run->added;
  run_report (run, run->added, TRUE);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* In the thread owning the rollup, when a run starts. */
static void
run_start (Run *run)
{
  Snapshot snapshot;

  govstats_rollup_take_snapshot (run->self, 0, 0, &snapshot);
  g_object_freeze_notify (G_OBJECT (run->self));
  govstats_rollup_show_snapshot (run->self, &snapshot);
  govstats_rollup_set_busy (run->self, TRUE);
  g_object_thaw_notify (G_OBJECT (run->self));
}

/* In the thread owning the rollup, when the adding thread is done: the
 * last snapshot and signal, before anything else is told. */
static void
run_finish (Run *run)
{
  run_flush (run);
  run->finished = TRUE;
  g_object_freeze_notify (G_OBJECT (run->self));
  govstats_rollup_show_state (run->self);
  govstats_rollup_set_busy (run->self, FALSE);
  g_object_thaw_notify (G_OBJECT (run->self));
}

static void
set_busy_error (GError **error)
{
  govstats_i18n_set_error (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           "files are already being added to this consolidation");
}

/**
 * govstats_rollup_add_files:
 * @self: a rollup
 * @paths: (array zero-terminated=1) (element-type filename): report files,
 *   and folders whose `*.json` files are added in name order
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Loads, checks and adds many report files, using every core; results do
 * not depend on the order the files finish loading in. Files that cannot be
 * read become `input.invalid` findings and the others are still added.
 * Emits [signal@Govstats.Rollup::progress] and updates the properties as it
 * goes, in the calling thread.
 *
 * @cancellable is checked before each file is added. Once it is cancelled,
 * no further file is added: the call waits only for the files being loaded
 * at that moment (at most one a core) and returns. The rollup then holds
 * exactly the files before the point of cancelling, in input order, each
 * added whole (with its findings), as if those files alone had been given;
 * no report is ever half added. [property@Govstats.Rollup:n-files-done]
 * and [property@Govstats.Rollup:n-units] say what it holds, and a last
 * [signal@Govstats.Rollup::progress] gives that `done` (below the
 * `total`). The rollup can be consolidated, or more files added, as usual.
 * The call fails with %G_IO_ERROR_CANCELLED only if files were left out: a
 * cancel that comes after the last file was added changes nothing.
 *
 * While the rollup is adding files (see [property@Govstats.Rollup:busy]) it
 * fails at once with %G_IO_ERROR_PENDING and adds nothing.
 *
 * Returns: %TRUE if every file was added (or found unreadable); %FALSE if
 *   cancelled before the last file, if the rollup is busy, if a folder cannot
 *   be read, or if there are more than 2^28 files
 *
 * Since: 0.1
 */
gboolean
govstats_rollup_add_files (GovstatsRollup     *self,
                           const char * const *paths,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(Run) run = NULL;
  gboolean ok;

  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);
  if (self->busy)
    {
      set_busy_error (error);
      return FALSE;
    }
  run = run_new (self, NULL);
  run_start (run);
  ok = add_files_internal (run, paths, cancellable, error);
  run_finish (run);
  return ok;
}

typedef struct {
  char **paths;
  Run   *run;
} AddFilesData;

static void
add_files_data_free (AddFilesData *data)
{
  g_strfreev (data->paths);
  run_unref (data->run);
  g_free (data);
}

static void
add_files_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AddFilesData *data = task_data;
  GError *error = NULL;

  if (add_files_internal (data->run, (const char * const *) data->paths, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* In the caller's context, when the thread is done: the properties and the
 * last signal, then the caller's callback. */
static void
add_files_thread_done (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddFilesData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  run_finish (data->run);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * govstats_rollup_add_files_async:
 * @self: a rollup
 * @paths: (array zero-terminated=1) (element-type filename): report files and folders
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the files are added
 * @user_data: data for @callback
 *
 * Adds many report files in the background; see
 * [method@Govstats.Rollup.add_files], which also says what the rollup holds
 * after @cancellable is cancelled. Progress is signalled, and the
 * properties change, in the caller's thread-default main context. Do not
 * use the rollup until @callback runs, but for its properties and its
 * findings model.
 *
 * @callback is always called, from the caller's thread-default main
 * context and never before this function returns: if the rollup is already
 * adding files, the result is an error, %G_IO_ERROR_PENDING, and the
 * files being added are not disturbed.
 *
 * Since: 0.1
 */
void
govstats_rollup_add_files_async (GovstatsRollup     *self,
                                 const char * const *paths,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;
  g_autoptr(GMainContext) context = NULL;
  AddFilesData *data;

  g_return_if_fail (GOVSTATS_IS_ROLLUP (self));
  g_return_if_fail (paths != NULL);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govstats_rollup_add_files_async);
  /* Whether the run was cancelled in time to leave files out is the run's
   * to say: a run that added every file succeeded, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);
  if (self->busy)
    {
      GError *error = NULL;

      set_busy_error (&error);
      g_task_return_error (task, error);
      return;
    }

  context = g_main_context_ref_thread_default ();
  data = g_new0 (AddFilesData, 1);
  data->paths = g_strdupv ((char **) paths);
  data->run = run_new (self, context);
  run_start (data->run);
  /* The thread's own task, whose callback finishes the run in this context
   * before the caller's callback is called. */
  thread_task = g_task_new (self, cancellable, add_files_thread_done, g_steal_pointer (&task));
  g_task_set_source_tag (thread_task, add_files_thread);
  g_task_set_check_cancellable (thread_task, FALSE);
  g_task_set_task_data (thread_task, data, (GDestroyNotify) add_files_data_free);
  g_task_run_in_thread (thread_task, add_files_thread);
}

/**
 * govstats_rollup_add_files_finish:
 * @self: a rollup
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Govstats.Rollup.add_files_async].
 *
 * Returns: %TRUE if every file was added (or found unreadable); %FALSE with
 *   %G_IO_ERROR_CANCELLED if cancelled before the last file was added (the
 *   files before it are in the rollup), %G_IO_ERROR_PENDING if the rollup
 *   was busy, or the error of [method@Govstats.Rollup.add_files]
 *
 * Since: 0.1
 */
gboolean
govstats_rollup_add_files_finish (GovstatsRollup *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (GOVSTATS_IS_ROLLUP (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govstats_rollup_add_files_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
