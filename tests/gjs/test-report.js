// test-report.js — GovstatsReport and GovstatsSchema through the typelib, from GJS
//
// Copyright 2026 The libgovstats authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Govstats from 'gi://Govstats?version=1.0';

import {test, assert, assertEqual, assertGError, run} from './harness.js';

const SOURCE_ROOT = GLib.getenv('GOVSTATS_SOURCE_ROOT') ??
    GLib.build_filenamev([GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]), '..', '..']);
const D01 = GLib.build_filenamev([SOURCE_ROOT, 'examples', 'data', '2021', 'units', 'D01.json']);
const DOMAIN = Govstats.error_quark();
const INT64_MAX = 2n ** 63n - 1n;

function readJson(path) {
    const [, bytes] = GLib.file_get_contents(path);
    return JSON.parse(new TextDecoder().decode(bytes));
}

// Every cell the example file sets, read by JSON.parse alone: path → the
// number as written (amounts in the example have at most 15 digits, so the
// shortest text of the Number is the text of the file).
function jsonCells(path) {
    const cells = {};
    for (const [table, rows] of Object.entries(readJson(path).tables)) {
        for (const [row, columns] of Object.entries(rows)) {
            for (const [column, value] of Object.entries(columns))
                cells[`${table}/${row}/${column}`] = value;
        }
    }
    return cells;
}

function fromText(text) {
    return Govstats.Report.new_from_data(new TextEncoder().encode(text));
}

// ---------- loading ----------

test('load D01: metadata', () => {
    const report = Govstats.Report.new_from_file(D01);
    assertEqual(report.get_version(), '2021');
    assertEqual(report.version, '2021');
    assertEqual(report.get_year(), 2021);
    assertEqual(report.get_unit_name(), '示例县教育和体育局');
    assertEqual(report.unit_code, 'D01');
    assertEqual(report.get_unit_kind(), Govstats.UnitKind.DEPARTMENT);
    assertEqual(report.get_scope(), Govstats.Scope.OWN);
    assertEqual(report.get_filename(), D01);
    assertEqual(report.get_text('other_matters'), readJson(D01).text.other_matters);
});

test('load D01: every cell equals JSON.parse of the file', () => {
    const report = Govstats.Report.new_from_file(D01);
    const expected = jsonCells(D01);
    const schema = report.get_schema();
    const paths = schema.dup_cell_paths(null);
    assertEqual(paths.length, 207);
    let set = 0;
    for (const path of paths) {
        const [ok, isSet, value] = report.lookup_value(path);
        assert(ok, path);
        if (!(path in expected)) {
            assertEqual(isSet, false, path);
            assertEqual(report.dup_value_text(path), null, path);
            continue;
        }
        set++;
        assertEqual(isSet, true, path);
        if (schema.get_cell_kind(path) === Govstats.ValueKind.AMOUNT) {
            assertEqual(report.dup_value_text(path), String(expected[path]), path);
        } else {
            assertEqual(value, expected[path], path);
            assertEqual(report.dup_value_text(path), String(expected[path]), path);
        }
    }
    assertEqual(report.count_set_cells(), set);
    assertEqual(report.get_value('applications/received/total'), [true, 10]);
    assertEqual(report.dup_value_text('art20_8/fees/amount'), '613.5241');
});

// ---------- cells ----------

test('blank is not zero', () => {
    const report = Govstats.Report.new_for_version('2021');
    const path = 'applications/received/research';
    assertEqual(report.is_blank(path), true);
    assertEqual(report.get_value(path), [false, 0]);
    assertEqual(report.dup_value_text(path), null);
    report.set_value(path, 0);
    assertEqual(report.is_blank(path), false);
    assertEqual(report.get_value(path), [true, 0]);
    assertEqual(report.lookup_value(path), [true, true, 0]);
    assertEqual(report.dup_value_text(path), '0');
    report.set_value_text(path, null);
    assertEqual(report.lookup_value(path), [true, false, 0]);
    report.set_value(path, 0);
    report.set_blank(path);
    assertEqual(report.count_set_cells(), 0);
    // …and in the file: a zero is written, a blank is left out.
    report.set_value('applications/received/total', 0);
    const data = JSON.parse(report.to_data()[0]);
    assertEqual(data.tables.applications.received, {total: 0});
});

test('counts beyond 2^53 go in as BigInt and come out exactly as text', () => {
    const report = Govstats.Report.new_for_version('2021');
    const path = 'art20_6/penalty/decisions';
    for (const value of [2n ** 53n + 1n, 2n ** 62n + 1n, INT64_MAX]) {
        report.set_value(path, value);
        assertEqual(report.dup_value_text(path), value.toString());
        assertEqual(BigInt(report.dup_value_text(path)), value);
    }
    report.set_value_text(path, '9223372036854775806');
    assertEqual(BigInt(report.dup_value_text(path)), INT64_MAX - 1n);
    const again = fromText(report.to_data()[0]);
    assertEqual(again.dup_value_text(path), '9223372036854775806');
    // A signed change at the other end.
    const old = Govstats.Report.new_for_version('2019');
    old.set_value('art20_8/fees/items_change', -(2n ** 63n));
    assertEqual(old.dup_value_text('art20_8/fees/items_change'), '-9223372036854775808');
});

test('amounts are exact decimal text', () => {
    const report = Govstats.Report.new_for_version('2021');
    const path = 'art20_8/fees/amount';
    for (const [text, scaled] of [['4068.208', 40682080], ['96171.6', 961716000], ['0.0001', 1]]) {
        report.set_value_text(path, text);
        assertEqual(report.dup_value_text(path), text);
        assertEqual(report.get_value(path), [true, scaled]);
        assertEqual(fromText(report.to_data()[0]).dup_value_text(path), text);
    }
    assertEqual(Govstats.AMOUNT_SCALE, 10000);
    assertEqual(fromText('{"version": "2021", "tables": {"art20_8": {"fees": {"amount": 4068.208}}}}')
        .dup_value_text(path), '4068.208');
    assertEqual(fromText('{"version": "2021", "tables": {"art20_8": {"fees": {"amount": "96171.6"}}}}')
        .dup_value_text(path), '96171.6');
});

test('dup_table_values is a{smv}', () => {
    const report = Govstats.Report.new_from_file(D01);
    const variant = report.dup_table_values('art20_8');
    assertEqual(variant.get_type_string(), 'a{smv}');
    assertEqual(variant.recursiveUnpack(), {'art20_8/fees/amount': '613.5241'});
    const applications = report.dup_table_values('applications');
    assertEqual(applications.n_children(), 26 * 7);
    const total = applications.lookup_value('applications/received/total', null);
    assertEqual(total.get_maybe().get_variant().get_int64(), 10);
    const blank = applications.lookup_value('applications/other/total', null);
    assertEqual(blank.get_maybe(), null);
});

// ---------- round trips ----------

test('to_data → new_from_data is equal', () => {
    const report = Govstats.Report.new_from_file(D01);
    const [text, length] = report.to_data();
    assertEqual(length, new TextEncoder().encode(text).length);
    const again = Govstats.Report.new_from_data(text);           // a JS string is taken as UTF-8
    assertEqual(again.to_data()[0], text);
    for (const path of report.get_schema().dup_cell_paths(null))
        assertEqual(again.dup_value_text(path), report.dup_value_text(path), path);
    assertEqual(again.get_unit_name(), report.get_unit_name());
    assertEqual(again.dup_text_keys(), report.dup_text_keys());
    // Nothing in the file is dropped.
    assertEqual(JSON.stringify(JSON.parse(text)), JSON.stringify(readJson(D01)));
});

test('save to a file and reload', () => {
    const dir = GLib.dir_make_tmp('govstats-gjs-XXXXXX');
    const target = GLib.build_filenamev([dir, 'D01.json']);
    try {
        const report = Govstats.Report.new_from_file(D01);
        report.set_value('art20_6/penalty/decisions', INT64_MAX);
        report.set_value_text('art20_8/fees/amount', '4068.208');
        report.set_blank('applications/received/research');
        assertEqual(report.save_to_file(target), true);
        const again = Govstats.Report.new_from_file(target);
        assertEqual(again.get_filename(), target);
        assertEqual(again.dup_value_text('art20_6/penalty/decisions'), INT64_MAX.toString());
        assertEqual(again.dup_value_text('art20_8/fees/amount'), '4068.208');
        assertEqual(again.is_blank('applications/received/research'), true);
        assertEqual(again.to_data()[0], report.to_data()[0]);
    } finally {
        GLib.unlink(target);
        GLib.rmdir(dir);
    }
});

// ---------- errors ----------

test('malformed JSON: PARSE, domain is the quark number, line:column', () => {
    const error = assertGError(() => fromText('{\n  "govstats": 1,\n  "version": "2021"\n  "year": 2021\n}\n'),
        DOMAIN, Govstats.Error.PARSE);
    assertEqual(typeof error.domain, 'number');
    assertEqual(error.domain, Govstats.error_quark());
    assertEqual(GLib.quark_to_string(error.domain), 'govstats-error-quark');
    assertEqual(error.code, Govstats.Error.PARSE);
    assert(error.matches(Govstats.error_quark(), Govstats.Error.PARSE));
    assert(!error.matches(Govstats.error_quark(), Govstats.Error.ENCODING));
    assert(/^<data>:[34]:\d+: /.test(error.message), error.message);
});

test('unknown row: UNKNOWN_KEY', () => {
    const error = assertGError(
        () => fromText('{"version": "2021", "tables": {"applications": {"granted": {"total": 1}}}}'),
        DOMAIN, Govstats.Error.UNKNOWN_KEY);
    assert(error.message.includes('applications/granted/total'), error.message);
    const report = Govstats.Report.new_for_version('2021');
    assertGError(() => report.dup_value_text('applications/granted/total'), DOMAIN, Govstats.Error.UNKNOWN_KEY);
    assertGError(() => report.set_value_text('applications/withheld/total', '1'), DOMAIN, Govstats.Error.UNKNOWN_KEY);
    assertGError(() => report.dup_table_values('nope'), DOMAIN, Govstats.Error.UNKNOWN_KEY);
});

test('2021-only row in a 2019 report: VERSION_MISMATCH', () => {
    assertGError(
        () => fromText('{"version": "2019", "tables": {"applications": {"other.misc": {"total": 1}}}}'),
        DOMAIN, Govstats.Error.VERSION_MISMATCH);
    const report = Govstats.Report.new_for_version('2019');
    assertGError(() => report.lookup_value('applications/other.unpaid_fee/total'),
        DOMAIN, Govstats.Error.VERSION_MISMATCH);
});

test('number too large for 64 bits: OUT_OF_RANGE', () => {
    const error = assertGError(
        () => fromText('{"version": "2021",\n"tables": {"art20_6": {"penalty": {"decisions": 9223372036854775808}}}}'),
        DOMAIN, Govstats.Error.OUT_OF_RANGE);
    assert(error.message.startsWith('<data>:2:'), error.message);
    const report = Govstats.Report.new_for_version('2021');
    assertGError(() => report.set_value_text('art20_6/penalty/decisions', '9223372036854775808'),
        DOMAIN, Govstats.Error.OUT_OF_RANGE);
    assertGError(() => report.set_value_text('art20_8/fees/amount', '1.23456'),
        DOMAIN, Govstats.Error.OUT_OF_RANGE);
});

test('GB18030 file: ENCODING', () => {
    const text = '{\n  "version": "2021",\n  "unit": {"name": "示例县教育和体育局"}\n}\n';
    // (GJS 1.74 crashes in GLib.convert() given a JS string: pass bytes.)
    const [gb] = GLib.convert(new TextEncoder().encode(text), 'GB18030', 'UTF-8');
    assertEqual(gb.length, new TextEncoder().encode(text).length - 9);   // 9 characters, 3 → 2 bytes
    const error = assertGError(() => Govstats.Report.new_from_data(gb), DOMAIN, Govstats.Error.ENCODING);
    assert(error.message.includes('GB18030'), error.message);
    assert(error.message.startsWith('<data>:3:'), error.message);
});

test('wrong types: INVALID_TYPE', () => {
    for (const text of [
        '{"version": "2021", "tables": {"applications": {"received": {"total": "10"}}}}',
        '{"version": "2021", "tables": {"applications": {"received": {"total": true}}}}',
        '{"version": "2021", "tables": {"applications": {"received": [1]}}}',
        '{"version": 2021}',
        '[]',
    ])
        assertGError(() => fromText(text), DOMAIN, Govstats.Error.INVALID_TYPE, text);
});

test('missing file: IO', () => {
    const error = assertGError(() => Govstats.Report.new_from_file('/nonexistent/D01.json'),
        DOMAIN, Govstats.Error.IO);
    assert(error.message.startsWith('/nonexistent/D01.json: '), error.message);
});

// ---------- schema ----------

test('schema: layouts and application rows', () => {
    assertEqual(Govstats.Schema.list_versions(), ['2019', '2021']);
    const s19 = Govstats.Schema.get_for_version('2019');
    const s21 = Govstats.Schema.get_for_version('2021');
    assertEqual(Govstats.Schema.get_for_version('2030'), null);
    const cellRows = s => s.get_row_keys('applications').filter(r => s.row_has_cells('applications', r));
    assertEqual(cellRows(s19).length, 23);
    assertEqual(cellRows(s21).length, 26);
    assertEqual(cellRows(s21).filter(r => !s21.row_is_group('applications', r)).length, 25);
    assertEqual(s21.get_row_label('applications', 'other.unpaid_fee', 'zh'),
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    assertEqual(s19.get_row_label('applications', 'withheld.security', null), '3.危及“三安全一稳定”');
    assertEqual(s21.dup_row_children('applications', 'other'),
        ['other.no_correction', 'other.unpaid_fee', 'other.misc']);
    assertEqual(s21.get_cell_kind('art20_8/fees/amount'), Govstats.ValueKind.AMOUNT);
    assertEqual(s21.has_cell('art20_9/procurement/amount'), false);
});

await run();
