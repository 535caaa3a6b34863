// Importing published reports through the typelib from GJS.
//
// Copyright 2026 The libgovstats authors
// SPDX-License-Identifier: LGPL-2.1-or-later
import GLib from 'gi://GLib';
import Govstats from 'gi://Govstats';

import {test, run, skip, assert, assertEqual} from './harness.js';

const root = GLib.getenv('GOVSTATS_SOURCE_ROOT');
const real = GLib.getenv('GOVSTATS_REAL_REPORTS') ?? GLib.build_filenamev([root, '..', 'shared', 'real-reports']);
const published = GLib.build_filenamev([root, 'tests', 'data', 'import', 'published']);

function readJson(path) {
    const [, bytes] = GLib.file_get_contents(path);
    return JSON.parse(new TextDecoder().decode(bytes));
}

// The real reports are beside the source tree on the project's machines only.
function needReal() {
    if (!GLib.file_test(real, GLib.FileTest.IS_DIR))
        skip(`the real reports are not at ${real}`);
}

// Every cell a report file sets, read from its JSON alone: {path: text}.
// Amounts stay text as JSON.parse gives them back (45.231), counts too.
function sourceCells(data) {
    const cells = {};
    for (const [table, rows] of Object.entries(data.tables))
        for (const [row, columns] of Object.entries(rows))
            for (const [column, value] of Object.entries(columns))
                cells[`${table}/${row}/${column}`] = value === null ? null : String(value?.value ?? value);
    return cells;
}

// The published forms of examples/data/{2021,2020}/units/D03.json (the 2021
// and 2019 layouts) written by tests/data/import/generate-published.py: each
// imports to the cells of its source.
const joined = text => text.replaceAll('\n', '');
for (const [year, cells] of [['2021', 200], ['2020', 198]]) {
    for (const [suffix, format] of [['.layout.txt', 'text'], ['.raw.txt', 'text'], ['.html', 'html'], ['.pdf', 'pdf']]) {
        test(`the published ${suffix} of D03 ${year} imports to the source cells`, () => {
            if (format === 'pdf' && !Govstats.import_can_read_pdf())
                skip('built without poppler-glib');
            const source = readJson(GLib.build_filenamev([root, 'examples', 'data', year, 'units', 'D03.json']));
            const want = sourceCells(source);
            assertEqual(Object.keys(want).length, cells);
            const [report, findings] = Govstats.import_file(
                GLib.build_filenamev([published, `d03-${year}${suffix}`]), Govstats.ImportFormat.AUTO);
            assertEqual(findings.filter(f => f.get_severity() === Govstats.Severity.ERROR).map(f => f.get_rule_id()), []);
            assertEqual(report.get_unit_name(), source.unit.name);
            assertEqual(report.get_year(), source.year);
            assertEqual(report.get_version(), source.version);
            assertEqual(report.get_source().get_string_member('format'), format);
            const got = {};
            for (const path of report.get_schema().dup_cell_paths(null)) {
                const text = report.dup_value_text(path);
                if (text !== null)
                    got[path] = Number(text) === Number(want[path]) ? want[path] : text;
            }
            // Same cells, same values (compared as numbers: "45.2310" is 45.231).
            const bad = Object.keys({...want, ...got}).filter(p => got[p] !== want[p]).map(p => [p, want[p], got[p]]);
            assertEqual(bad, []);
            // Known deviations of the importer (see test-import.c): a PDF
            // paragraph may keep a line break after a number; a page keeps its
            // signature and footer after section 六.
            const norm = format === 'pdf' ? joined : t => t;
            assertEqual(norm(report.get_text('overview')), norm(source.text.overview));
            assertEqual(norm(report.get_text('problems')), norm(source.text.problems));
            if (format === 'html')
                assert(report.get_text('other_matters').startsWith(source.text.other_matters), 'other_matters');
            else
                assertEqual(norm(report.get_text('other_matters')), norm(source.text.other_matters));
        });
    }
}

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
    needReal();
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
    needReal();
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
