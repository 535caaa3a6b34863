/* govstats-finding-waiver.c — a finding's fingerprint, and waiving it with a reason
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "govstats-finding-private.h"
#include "govstats-finding-struct-private.h"

/**
 * govstats_finding_get_fingerprint:
 * @self: a finding
 *
 * Gets a short id of the defect, made from the rule, the unit (or, without a
 * unit, the file) and the cells:
 * the same defect has the same fingerprint in every run, whatever the values.
 * Waivers can name a finding by it.
 *
 * Returns: (transfer none): 16 hexadecimal digits
 *
 * Since: 0.1
 */
const char *
govstats_finding_get_fingerprint (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  return self->fingerprint;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

void
govstats_finding_compute_fingerprint (GovstatsFinding *self,
                                      const char      *extra)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  const char *digest;

  g_checksum_update (checksum, (const guchar *) self->rule_id, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  /* The code names a unit more stably than its name; a finding about a file
   * that could not be read has no unit, and its file names it. */
  if (self->unit_code || self->unit_name)
    g_checksum_update (checksum, (const guchar *) (self->unit_code ? self->unit_code : self->unit_name), -1);
  else if (self->file)
    g_checksum_update (checksum, (const guchar *) self->file, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  for (guint i = 0; self->cells[i]; i++)
    g_ptr_array_add (sorted, (gpointer) self->cells[i]);
  g_ptr_array_sort (sorted, compare_paths);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_checksum_update (checksum, (const guchar *) sorted->pdata[i], -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }
  if (extra)
    g_checksum_update (checksum, (const guchar *) extra, -1);
  digest = g_checksum_get_string (checksum);
  g_free (self->fingerprint);
  self->fingerprint = g_strndup (digest, 16);
}

/**
 * govstats_finding_is_waived:
 * @self: a finding
 *
 * Tells whether a waiver (an accepted exception) covers the finding.
 *
 * Returns: %TRUE if the finding is acknowledged by a waiver
 *
 * Since: 0.1
 */
gboolean
govstats_finding_is_waived (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), FALSE);
  return self->waived;
}

/**
 * govstats_finding_get_waiver_reason:
 * @self: a finding
 *
 * Gets why the finding was accepted.
 *
 * Returns: (transfer none) (nullable): the reason given in the waiver
 *
 * Since: 0.1
 */
const char *
govstats_finding_get_waiver_reason (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  return self->waiver_reason;
}

/**
 * govstats_finding_get_waiver_by:
 * @self: a finding
 *
 * Gets who accepted the finding.
 *
 * Returns: (transfer none) (nullable): who signed the waiver
 *
 * Since: 0.1
 */
const char *
govstats_finding_get_waiver_by (GovstatsFinding *self)
{
  g_return_val_if_fail (GOVSTATS_IS_FINDING (self), NULL);
  return self->waiver_by;
}

/**
 * govstats_finding_waive:
 * @self: a finding
 * @reason: (nullable): why the finding is accepted
 * @by: (nullable): who accepted it
 *
 * Marks the finding as acknowledged: it stays in the output, but no longer
 * counts as an error. Notifies [property@Govstats.Finding:waived] the first
 * time, and the [class@Govstats.FindingList] models holding the finding
 * count it again at once; waive a finding that is in a list only in the
 * list's thread.
 *
 * Since: 0.1
 */
void
govstats_finding_waive (GovstatsFinding *self,
                        const char      *reason,
                        const char      *by)
{
  gboolean was_waived;

  g_return_if_fail (GOVSTATS_IS_FINDING (self));
  was_waived = self->waived;
  self->waived = TRUE;
  g_free (self->waiver_reason);
  g_free (self->waiver_by);
  self->waiver_reason = g_strdup (reason);
  self->waiver_by = g_strdup (by);
  if (!was_waived)
    g_object_notify (G_OBJECT (self), "waived");
}
