// rollup.js — consolidate a county's unit reports and print what is wrong
//
// Usage: gjs -m rollup.js ROSTER LAST_YEAR_CONSOLIDATED.json UNITS_FOLDER
//
// Copyright 2026 The libgovstats authors
// SPDX-License-Identifier: LGPL-2.1-or-later
import Gio from 'gi://Gio';
import Govstats from 'gi://Govstats';
import System from 'system';

Gio._promisify(Govstats.Rollup.prototype, 'add_files_async', 'add_files_finish');

const [rosterFile, previousFile, units] = ARGV;
const rollup = Govstats.Rollup.new();
rollup.set_roster(Govstats.Roster.new_from_file(rosterFile));
rollup.set_previous(Govstats.Report.new_from_file(previousFile));

let progress = 0;
rollup.connect('progress', (_self, done, total) => {
    progress = done / total;
});
await rollup.add_files_async([units], null);
const county = rollup.consolidate();

const [, received] = county.get_value('applications/received/total');
print(`${county.get_unit_name()} ${county.get_year()}: ${rollup.get_n_units()} units, ` +
      `applications/received/total = ${received}`);
for (const finding of rollup.get_findings())
    print(finding.to_string('en'));
if (progress !== 1)
    System.exit(1);
