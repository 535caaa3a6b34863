// Importing published reports through the typelib from GJS.
//
// Copyright 2026 The libgovstats authors
// SPDX-License-Identifier: LGPL-2.1-or-later
import GLib from 'gi://GLib';
import Govstats from 'gi://Govstats';

import {test, run, assert, assertEqual} from './harness.js';

const root = GLib.getenv('GOVSTATS_SOURCE_ROOT');
const real = GLib.getenv('GOVSTATS_REAL_REPORTS') ?? GLib.build_filenamev([root, '..', 'shared', 'real-reports']);

function expected(name) {
    const [, bytes] = GLib.file_get_contents(GLib.build_filenamev([real, 'expected', name]));
    return JSON.parse(new TextDecoder().decode(bytes));
}

function checkCells(report, want) {
    const bad = [];
    for (const [path, value] of Object.entries(want.cells)) {
        const text = report.dup_value_text(path);
        // Amounts compare as decimal text; counts as integers.
        const ok = value === null ? text === null : text !== null && Number(text) === value;
        if (!ok)
            bad.push([path, value, text]);
    }
    assertEqual(bad, []);
}

test('huaian 2024 layout text imports to the printed values', () => {
    const [report, findings] = Govstats.import_file(GLib.build_filenamev([real, 'huaian-city-2024.layout.txt']),
        Govstats.ImportFormat.AUTO);
    const want = expected('huaian-city-2024.json');
    assertEqual(report.get_unit_name(), want.unit);
    assertEqual(report.get_year(), want.year);
    checkCells(report, want);
    assertEqual(report.dup_value_text('art20_8/fees/amount'), '96171.6');
    assert(findings.every(f => f.get_severity() !== Govstats.Severity.ERROR), 'no error finding');
});

test('hongze 2023 PDF imports to the printed values', () => {
    assert(Govstats.import_can_read_pdf(), 'built with PDF support');
    const [report] = Govstats.import_file(GLib.build_filenamev([real, 'pdf', 'hongze-district-2023.pdf']),
        Govstats.ImportFormat.PDF);
    checkCells(report, expected('hongze-district-2023.json'));
});

test('text that holds no table is NOTHING_IMPORTED', () => {
    let error = null;
    try {
        Govstats.import_data(new TextEncoder().encode('没有表格。'), Govstats.ImportFormat.TEXT, 'x.txt');
    } catch (e) {
        error = e;
    }
    assert(error !== null && error.matches(Govstats.error_quark(), Govstats.Error.NOTHING_IMPORTED), `${error}`);
});

await run();
