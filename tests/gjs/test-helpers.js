// test-helpers.js — the GJS helper module bindings/gjs/govstats.js
//
// Copyright 2026 The libgovstats authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Govstats from 'gi://Govstats';

import * as helpers from '../../bindings/gjs/govstats.js';
import {getCell, setCell, tableValues, cells, loadReport, saveReport, isGovstatsError, valueToText}
    from '../../bindings/gjs/govstats.js';
import {test, assert, assertEqual, assertThrows, assertGError, run} from './harness.js';

const SOURCE_ROOT = GLib.getenv('GOVSTATS_SOURCE_ROOT') ??
    GLib.build_filenamev([GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]), '..', '..']);
const D01 = GLib.build_filenamev([SOURCE_ROOT, 'examples', 'data', '2021', 'units', 'D01.json']);
const DOMAIN = Govstats.error_quark();
const INT64_MAX = 2n ** 63n - 1n;

function jsonCells(path) {
    const [, bytes] = GLib.file_get_contents(path);
    const cells_ = {};
    for (const [table, rows] of Object.entries(JSON.parse(new TextDecoder().decode(bytes)).tables)) {
        for (const [row, columns] of Object.entries(rows)) {
            for (const [column, value] of Object.entries(columns))
                cells_[`${table}/${row}/${column}`] = value;
        }
    }
    return cells_;
}

// What getCell() should give for a value of the file, computed without the library.
function expectedValue(path, value) {
    if (value === undefined || value === null)
        return null;
    return path.endsWith('/amount') ? String(value) : value;
}

test('the module exports its helpers and shares the typelib', () => {
    assertEqual(helpers.Govstats, Govstats);
    for (const name of ['getCell', 'setCell', 'tableValues', 'cells', 'loadReport', 'saveReport', 'isGovstatsError'])
        assertEqual(typeof helpers[name], 'function', name);
});

test('loadReport takes a path or a Gio.File', () => {
    const byPath = loadReport(D01);
    const byFile = loadReport(Gio.File.new_for_path(D01));
    assertEqual(byPath.get_unit_code(), 'D01');
    assertEqual(byFile.to_data()[0], byPath.to_data()[0]);
    const error = assertGError(() => loadReport('/nonexistent.json'), DOMAIN, Govstats.Error.IO);
    assert(isGovstatsError(error));
    assert(isGovstatsError(error, Govstats.Error.IO));
    assert(!isGovstatsError(error, Govstats.Error.PARSE));
    assert(!isGovstatsError(new Error('x')));
});

test('getCell: Number, exact amount text, null for blank, 0 for zero', () => {
    const report = loadReport(D01);
    assertEqual(getCell(report, 'applications/received/total'), 10);
    assertEqual(getCell(report, 'applications/received/research'), 0);
    assertEqual(getCell(report, 'applications/other/total'), null);
    assertEqual(getCell(report, 'art20_8/fees/amount'), '613.5241');
    const expected = jsonCells(D01);
    for (const path of report.get_schema().dup_cell_paths(null))
        assertEqual(getCell(report, path), expectedValue(path, expected[path]), path);
});

test('getCell: BigInt beyond 2^53, Number up to it', () => {
    const report = Govstats.Report.new_for_version('2019');
    const path = 'art20_6/penalty/decisions';
    report.set_value_text(path, String(Number.MAX_SAFE_INTEGER));
    assertEqual(getCell(report, path), Number.MAX_SAFE_INTEGER);
    report.set_value_text(path, '9007199254740992');              // 2^53
    assertEqual(getCell(report, path), 2n ** 53n);
    report.set_value_text(path, INT64_MAX.toString());
    assertEqual(getCell(report, path), INT64_MAX);
    report.set_value_text('art20_5/licensing/items_change', '-9223372036854775808');
    assertEqual(getCell(report, 'art20_5/licensing/items_change'), -(2n ** 63n));
    report.set_value_text('art20_5/licensing/items_change', '-3');
    assertEqual(getCell(report, 'art20_5/licensing/items_change'), -3);
});

test('getCell: a path not in the layout throws the library error', () => {
    const report = Govstats.Report.new_for_version('2021');
    const error = assertGError(() => getCell(report, 'applications/granted/total'), DOMAIN, Govstats.Error.UNKNOWN_KEY);
    assertEqual(error.message, 'applications/granted/total: unknown row “granted” in table applications of the 2021 layout');
    assertGError(() => getCell(report, 'art20_9/procurement/amount'), DOMAIN, Govstats.Error.VERSION_MISMATCH);
});

test('setCell: Number, BigInt, string, null, undefined', () => {
    const report = Govstats.Report.new_for_version('2021');
    const count = 'art20_6/penalty/decisions';
    const amount = 'art20_8/fees/amount';
    setCell(report, count, 5);
    assertEqual(report.dup_value_text(count), '5');
    setCell(report, count, 0);
    assertEqual(report.lookup_value(count), [true, true, 0]);
    setCell(report, count, null);
    assertEqual(report.lookup_value(count), [true, false, 0]);
    setCell(report, count, 9223372036854775807n);
    assertEqual(report.dup_value_text(count), '9223372036854775807');
    assertEqual(getCell(report, count), INT64_MAX);
    setCell(report, count, undefined);
    assertEqual(report.is_blank(count), true);
    setCell(report, count, '123456789012345678');
    assertEqual(getCell(report, count), 123456789012345678n);
    setCell(report, amount, '4068.208');
    assertEqual(getCell(report, amount), '4068.208');
    setCell(report, amount, 96171.6);
    assertEqual(getCell(report, amount), '96171.6');
    assertEqual(report.get_value(amount), [true, 961716000]);
    setCell(report, amount, 12n);
    assertEqual(getCell(report, amount), '12');
});

test('setCell: wrong types and inexact Numbers are refused before the library', () => {
    const report = Govstats.Report.new_for_version('2021');
    const path = 'art20_6/penalty/decisions';
    assertThrows(() => setCell(report, path, true), TypeError);
    assertThrows(() => setCell(report, path, {value: 1}), TypeError);
    assertThrows(() => setCell(report, path, 2 ** 63), RangeError);
    assertThrows(() => setCell(report, path, Number.MAX_SAFE_INTEGER + 1), RangeError);
    assertThrows(() => setCell(report, path, Infinity), RangeError);
    assertThrows(() => setCell(report, path, NaN), RangeError);
    assertThrows(() => setCell(report, 'art20_8/fees/amount', 1e-7), RangeError);
    assertEqual(report.count_set_cells(), 0);
    assertEqual(valueToText(-0), '0');
    assertEqual(valueToText(1.5), '1.5');
});

test('setCell: values the library refuses throw its error', () => {
    const report = Govstats.Report.new_for_version('2021');
    assertGError(() => setCell(report, 'applications/granted/total', 1), DOMAIN, Govstats.Error.UNKNOWN_KEY);
    assertGError(() => setCell(report, 'applications/received/total', 1.5), DOMAIN, Govstats.Error.INVALID_VALUE);
    assertGError(() => setCell(report, 'applications/received/total', 'ten'), DOMAIN, Govstats.Error.INVALID_VALUE);
    assertGError(() => setCell(report, 'applications/received/total', 2n ** 63n), DOMAIN, Govstats.Error.OUT_OF_RANGE);
    // 0.1 + 0.2 is 0.30000000000000004 as a Number: not a four-place amount.
    assertGError(() => setCell(report, 'art20_8/fees/amount', 0.1 + 0.2), DOMAIN, Govstats.Error.OUT_OF_RANGE);
    assertEqual(report.count_set_cells(), 0);
});

test('tableValues: a plain object in printed order', () => {
    const report = loadReport(D01);
    const values = tableValues(report, 'applications');
    assertEqual(Object.getPrototypeOf(values), Object.prototype);
    assertEqual(Object.keys(values), report.get_schema().dup_cell_paths('applications'));
    const expected = jsonCells(D01);
    for (const [path, value] of Object.entries(values))
        assertEqual(value, expectedValue(path, expected[path]), path);
    assertEqual(tableValues(report, 'art20_8'), {'art20_8/fees/amount': '613.5241'});
    assertGError(() => tableValues(report, 'art20_9'), DOMAIN, Govstats.Error.UNKNOWN_KEY);
});

test('tableValues: BigInt beyond 2^53 without going through a rounded Number', () => {
    const report = Govstats.Report.new_for_version('2021');
    setCell(report, 'art20_6/penalty/decisions', INT64_MAX);
    setCell(report, 'art20_6/enforcement/decisions', 2n ** 53n + 1n);
    assertEqual(tableValues(report, 'art20_6'), {
        'art20_6/penalty/decisions': INT64_MAX,
        'art20_6/enforcement/decisions': 2n ** 53n + 1n,
    });
    setCell(report, 'art20_6/enforcement/decisions', 7);
    assertEqual(tableValues(report, 'art20_6')['art20_6/enforcement/decisions'], 7);
});

test('cells: every cell of the layout, the same as getCell', () => {
    const report = loadReport(D01);
    const iterator = cells(report);
    assertEqual(typeof iterator.next, 'function');
    const all = [...cells(report)];
    assertEqual(all.map(([path]) => path), report.get_schema().dup_cell_paths(null));
    assertEqual(all.length, 207);
    for (const [path, value] of all)
        assertEqual(value, getCell(report, path), path);
    assertEqual(all.filter(([, value]) => value !== null).length, report.count_set_cells());
    const review = [...cells(report, 'review_litigation')];
    assertEqual(review.length, 15);
    assertEqual(review[1], ['review_litigation/review/corrected', 1]);
});

test('saveReport and loadReport round trip', () => {
    const dir = GLib.dir_make_tmp('govstats-gjs-XXXXXX');
    const target = GLib.build_filenamev([dir, 'out.json']);
    try {
        const report = loadReport(D01);
        setCell(report, 'art20_8/fees/amount', '4068.208');
        setCell(report, 'art20_6/penalty/decisions', INT64_MAX);
        setCell(report, 'applications/received/research', null);
        saveReport(report, Gio.File.new_for_path(target));
        const again = loadReport(target);
        assertEqual([...cells(again)], [...cells(report)]);
        assertEqual(getCell(again, 'art20_8/fees/amount'), '4068.208');
        assertEqual(getCell(again, 'art20_6/penalty/decisions'), INT64_MAX);
        assertEqual(getCell(again, 'applications/received/research'), null);
        saveReport(again, target);
        assertEqual(loadReport(target).to_data()[0], report.to_data()[0]);
    } finally {
        GLib.unlink(target);
        GLib.rmdir(dir);
    }
});

await run();
