/* rollup.c — consolidate a county's unit reports and print what is wrong
 *
 * Usage: rollup ROSTER LAST_YEAR_CONSOLIDATED.json UNITS_FOLDER
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <govstats/govstats.h>

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovstatsRoster) roster = NULL;
  g_autoptr(GovstatsReport) previous = NULL;
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autoptr(GovstatsReport) county = NULL;
  const char *paths[] = { argv[3], NULL };
  GPtrArray *findings;
  gint64 received;

  if (argc != 4)
    {
      fprintf (stderr, "usage: %s ROSTER LAST_YEAR.json UNITS_FOLDER\n", argv[0]);
      return 2;
    }
  roster = govstats_roster_new_from_file (argv[1], &error);
  previous = roster ? govstats_report_new_from_file (argv[2], &error) : NULL;
  if (previous == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  govstats_rollup_set_roster (rollup, roster);
  govstats_rollup_set_previous (rollup, previous);
  if (!govstats_rollup_add_files (rollup, paths, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  county = govstats_rollup_consolidate (rollup);

  govstats_report_get_value (county, "applications/received/total", &received);
  printf ("%s %d: %u units, applications/received/total = %" G_GINT64_FORMAT "\n",
          govstats_report_get_unit_name (county), govstats_report_get_year (county),
          govstats_rollup_get_n_units (rollup), received);

  findings = govstats_rollup_get_findings (rollup);
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *line = govstats_finding_to_string (findings->pdata[i], "en");
      printf ("%s\n", line);
    }
  return 0;
}
