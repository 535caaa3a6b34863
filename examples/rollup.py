#!/usr/bin/python3
# rollup.py — consolidate a county's unit reports and print what is wrong
#
# Usage: rollup.py ROSTER LAST_YEAR_CONSOLIDATED.json UNITS_FOLDER
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys

import gi
gi.require_version("Govstats", "1.0")
from gi.repository import Govstats  # noqa: E402

roster_file, previous_file, units = sys.argv[1:4]

rollup = Govstats.Rollup.new()
rollup.set_roster(Govstats.Roster.new_from_file(roster_file))
rollup.set_previous(Govstats.Report.new_from_file(previous_file))
rollup.add_files([units], None)
county = rollup.consolidate()

is_set, received = county.get_value("applications/received/total")
print(f"{county.get_unit_name()} {county.get_year()}: {rollup.get_n_units()} units, "
      f"applications/received/total = {received}")
for finding in rollup.get_findings():
    print(finding.to_string("en"))
