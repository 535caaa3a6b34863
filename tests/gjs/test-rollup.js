// test-rollup.js — GovstatsRollup through the typelib, from GJS
//
// Copyright 2026 The libgovstats authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Expected numbers are computed here from the example files with JSON.parse:
// each unit once (the rollup keeps the first file of a unit in path order),
// blank only where every unit is blank, amounts summed exactly as BigInt
// ten-thousandths of their decimal text.

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Json from 'gi://Json';
import Govstats from 'gi://Govstats?version=1.0';

import {test, assert, assertEqual, assertGError, run} from './harness.js';

// GJS 1.74 does not promisify by itself.
Gio._promisify(Govstats.Rollup.prototype, 'add_files_async', 'add_files_finish');

const SOURCE_ROOT = GLib.getenv('GOVSTATS_SOURCE_ROOT') ??
    GLib.build_filenamev([GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]), '..', '..']);
const EXAMPLES = GLib.build_filenamev([SOURCE_ROOT, 'examples', 'data']);
const UNITS_2021 = GLib.build_filenamev([EXAMPLES, '2021', 'units']);
const UNITS_2020 = GLib.build_filenamev([EXAMPLES, '2020', 'units']);
const ROSTER_2021 = GLib.build_filenamev([EXAMPLES, '2021', 'roster.json']);
const ROSTER_2020 = GLib.build_filenamev([EXAMPLES, '2020', 'roster.json']);
const CONSOLIDATED_2020 = GLib.build_filenamev([EXAMPLES, '2020', 'consolidated.json']);
const DOMAIN = Govstats.error_quark();

const APPLICANTS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_org'];
const OUTCOME_LEAVES_2021 = [
    'disclosed', 'partially_disclosed',
    'withheld.state_secret', 'withheld.prohibited', 'withheld.security', 'withheld.third_party',
    'withheld.internal', 'withheld.process', 'withheld.enforcement_file', 'withheld.inquiry',
    'unavailable.not_held', 'unavailable.needs_creation', 'unavailable.unclear',
    'declined.petition', 'declined.duplicate', 'declined.publication', 'declined.excessive',
    'declined.confirmation',
    'other.no_correction', 'other.unpaid_fee', 'other.misc',
];
const APPLICATION_ROWS_2021 = ['received', 'carried_over', ...OUTCOME_LEAVES_2021, 'total', 'carried_forward'];
const REVIEW_PARTS = ['upheld', 'corrected', 'other', 'pending'];
const ONLY_2019_COLUMNS = new Set(['made', 'published', 'total_published', 'items_prev', 'items_change']);
const KINDS = {government: Govstats.UnitKind.GOVERNMENT, department: Govstats.UnitKind.DEPARTMENT,
    town: Govstats.UnitKind.TOWN, other: Govstats.UnitKind.OTHER};
const INDICATORS = ['proactive_items', 'policy_interpretations', 'press_conferences'];

// ---------- independent reading of the files ----------

function readText(path) {
    const [, bytes] = GLib.file_get_contents(path);
    return new TextDecoder().decode(bytes);
}

const readJson = path => JSON.parse(readText(path));
const sorted = array => [...array].sort();

// An amount's decimal text (or Number, whose String() is the text of the
// file for these values) as BigInt ten-thousandths.
function scaled(value) {
    const text = String(value);
    assert(/^-?\d+(\.\d{1,4})?$/.test(text), `not an amount: ${text}`);
    const negative = text.startsWith('-');
    const [whole, fraction = ''] = text.replace('-', '').split('.');
    const result = BigInt(whole) * 10000n + BigInt(fraction.padEnd(4, '0'));
    return negative ? -result : result;
}

function cellsOf(data) {
    const cells = {};
    for (const [table, rows] of Object.entries(data.tables ?? {})) {
        for (const [row, columns] of Object.entries(rows ?? {})) {
            for (const [column, value] of Object.entries(columns ?? {})) {
                cells[`${table}/${row}/${column}`] =
                    value !== null && typeof value === 'object' ? value.value : value;
            }
        }
    }
    return cells;
}

function listNames(folder) {
    const names = [];
    const enumerator = Gio.File.new_for_path(folder).enumerate_children('standard::name',
        Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS, null);
    for (let info = enumerator.next_file(null); info !== null; info = enumerator.next_file(null))
        names.push(info.get_name());
    enumerator.close(null);
    return names;
}

function reportFiles(folder) {
    const names = listNames(folder).filter(name => name.endsWith('.json'));
    // Byte order; the names are ASCII, so code-unit order is the same.
    return names.sort().map(name => GLib.build_filenamev([folder, name]));
}

function keptUnits(folder, year = null) {
    const kept = [];
    const seen = new Set();
    for (const path of reportFiles(folder)) {
        const data = readJson(path);
        if (year !== null && data.year !== year)
            continue;
        if (seen.has(data.unit.code))
            continue;
        seen.add(data.unit.code);
        kept.push({path, code: data.unit.code, name: data.unit.name, cells: cellsOf(data),
            indicators: data.extensions?.indicators ?? {}});
    }
    return kept;
}

function rosterKinds(path) {
    return Object.fromEntries(readJson(path).units.map(u => [u.code, KINDS[u.kind]]));
}

// path → expected text of the consolidated cell (null for blank).
function expectedTexts(units, schema) {
    const out = {};
    for (const path of schema.dup_cell_paths(null)) {
        const values = units.map(u => u.cells[path]).filter(v => v !== undefined && v !== null);
        if (values.length === 0) {
            out[path] = null;
        } else if (schema.get_cell_kind(path) === Govstats.ValueKind.AMOUNT) {
            const sum = values.reduce((s, v) => s + scaled(v), 0n);
            out[path] = `scaled:${sum}`;
        } else {
            out[path] = String(values.reduce((s, v) => s + v, 0));
        }
    }
    return out;
}

// The same, read from a report through the library.
function reportTexts(report) {
    const schema = report.get_schema();
    const out = {};
    for (const path of schema.dup_cell_paths(null)) {
        const text = report.dup_value_text(path);
        out[path] = text !== null && schema.get_cell_kind(path) === Govstats.ValueKind.AMOUNT
            ? `scaled:${scaled(text)}` : text;
    }
    return out;
}

const v0 = (cells, path) => cells[path] ?? 0;

function ruleInstances(cells) {
    const out = {};
    for (const row of APPLICATION_ROWS_2021) {
        out[`applications.row_total ${row}`] = [APPLICANTS.reduce((s, c) => s + v0(cells, `applications/${row}/${c}`), 0),
            v0(cells, `applications/${row}/total`)];
    }
    for (const column of [...APPLICANTS, 'total']) {
        out[`applications.outcome_sum ${column}`] = [
            OUTCOME_LEAVES_2021.reduce((s, r) => s + v0(cells, `applications/${r}/${column}`), 0),
            v0(cells, `applications/total/${column}`)];
        out[`applications.balance ${column}`] = [
            v0(cells, `applications/received/${column}`) + v0(cells, `applications/carried_over/${column}`),
            v0(cells, `applications/total/${column}`) + v0(cells, `applications/carried_forward/${column}`)];
    }
    for (const row of ['review', 'litigation_direct', 'litigation_after_review']) {
        out[`review_litigation.row_total ${row}`] = [
            REVIEW_PARTS.reduce((s, p) => s + v0(cells, `review_litigation/${row}/${p}`), 0),
            v0(cells, `review_litigation/${row}/total`)];
    }
    return out;
}

// ---------- library helpers ----------

function newRollup(roster = ROSTER_2021) {
    const rollup = Govstats.Rollup.new();
    if (roster !== null)
        rollup.set_roster(Govstats.Roster.new_from_file(roster));
    return rollup;
}

const byRule = (findings, rule) => findings.filter(f => f.get_rule_id() === rule);

function findingKey(f) {
    return JSON.stringify([f.get_rule_id(), f.get_unit_code(), f.get_units(), f.get_cells(), f.get_fingerprint(),
        f.get_values(), f.get_outcome(), f.get_file()]);
}

function tempCopy(folder) {
    const dir = GLib.dir_make_tmp('govstats-gjs-XXXXXX');
    const target = GLib.build_filenamev([dir, 'units']);
    try {
        GLib.mkdir_with_parents(target, 0o755);
        for (const path of reportFiles(folder)) {
            Gio.File.new_for_path(path).copy(Gio.File.new_for_path(
                GLib.build_filenamev([target, GLib.path_get_basename(path)])), Gio.FileCopyFlags.NONE, null, null);
        }
    } catch (e) {
        removeTree(dir);
        throw e;
    }
    return {dir, units: target};
}

function removeTree(path) {
    const file = Gio.File.new_for_path(path);
    if (GLib.file_test(path, GLib.FileTest.IS_DIR) && !GLib.file_test(path, GLib.FileTest.IS_SYMLINK)) {
        for (const name of listNames(path))
            removeTree(GLib.build_filenamev([path, name]));
    }
    file.delete(null);
}

function writeText(path, text) {
    GLib.file_set_contents(path, new TextEncoder().encode(text));
}

// One sync roll-up of 2021 shared by several tests.
let shared = null;
function rollup2021() {
    if (shared === null) {
        const rollup = newRollup();
        const progress = [];
        rollup.connect('progress', (_r, done, total) => progress.push([done, total]));
        assert(rollup.add_files([UNITS_2021], null));
        shared = {rollup, report: rollup.consolidate(), progress, units: keptUnits(UNITS_2021)};
    }
    return shared;
}

// ---------- the 2021 roll-up ----------

test('sync add_files of a folder: cells equal an independent cell-wise sum', () => {
    const {rollup, report, progress, units} = rollup2021();
    assertEqual(units.length, 58);
    assert(units.some(u => u.path.endsWith('D07-resubmitted.json')) && !units.some(u => u.path.endsWith('/D07.json')));
    assertEqual([report.get_version(), report.get_year(), report.get_scope()], ['2021', 2021, Govstats.Scope.AGGREGATE]);
    assertEqual(rollup.get_n_units(), 58);
    // At most one signal a file, done growing, and always the last [59, 59].
    assertEqual(progress.at(-1), [59, 59]);
    assert(progress.every(([done, total], i) => total === 59 && (i === 0 || done > progress[i - 1][0])),
        JSON.stringify(progress));
    const expected = expectedTexts(units, report.get_schema());
    assertEqual(reportTexts(report), expected);
    assertEqual(report.dup_value_text('applications/received/total'), '637');
    assertEqual(report.dup_value_text('art20_8/fees/amount'), '2018.2429');
    const sources = report.get_sources();
    assertEqual(Array.from({length: sources.get_length()}, (_, i) => sources.get_object_element(i).get_string_member('file')),
        units.map(u => u.path));
});

test('findings: missing T16, duplicate D07, unit_inconsistent D08 D10 T09', () => {
    const {rollup} = rollup2021();
    const findings = rollup.get_findings();
    const consolidation = findings.filter(f => f.get_rule_id().startsWith('rollup.') || f.get_rule_id() === 'input.invalid')
        .map(f => `${f.get_rule_id()} ${f.get_unit_code()}`);
    assertEqual(sorted(consolidation), ['rollup.duplicate_unit D07', 'rollup.missing_unit T16',
        'rollup.unit_inconsistent D08', 'rollup.unit_inconsistent D10', 'rollup.unit_inconsistent T09']);
    for (const f of findings.filter(x => x.get_rule_id().startsWith('rollup.'))) {
        assertEqual(f.get_units(), [f.get_unit_code()]);
        assertEqual(f.get_severity(), Govstats.Severity.ERROR);
        assert(f.counts_as_error());
    }
    const duplicate = byRule(findings, 'rollup.duplicate_unit')[0];
    for (const name of ['D07.json', 'D07-resubmitted.json'])
        assert(duplicate.get_message('en').includes(GLib.build_filenamev([UNITS_2021, name])), name);
});

test('consolidated findings name the responsible units', () => {
    const {rollup, report, units} = rollup2021();
    const sums = {};
    for (const path of report.get_schema().dup_cell_paths(null)) {
        if (report.get_schema().get_cell_kind(path) !== Govstats.ValueKind.AMOUNT)
            sums[path] = units.reduce((s, u) => s + (u.cells[path] ?? 0), 0);
    }
    const expected = {};
    for (const [key, [lhs, rhs]] of Object.entries(ruleInstances(sums))) {
        if (lhs === rhs)
            continue;
        const responsible = units.filter(u => {
            const [a, b] = ruleInstances(u.cells)[key];
            return a !== b;
        }).map(u => u.code);
        expected[key] = [lhs, rhs, sorted(responsible)];
    }
    assertEqual(expected['applications.row_total received'], [644, 637, ['T09']]);
    assertEqual(expected['applications.outcome_sum natural_person'][2], ['D10']);
    assertEqual(expected['review_litigation.row_total review'][2], ['D08']);
    const got = {};
    for (const f of rollup.get_findings()) {
        if (f.get_unit_code() !== null || f.get_file() !== null || f.get_rule_id().startsWith('hint.'))
            continue;
        if (!/^(applications|review_litigation)\./.test(f.get_rule_id()))
            continue;
        const first = f.get_cells()[0].split('/');
        const context = f.get_rule_id().endsWith('row_total') ? first[1] : first[2];
        const [ok, exp, act] = f.get_values();
        assert(ok);
        got[`${f.get_rule_id()} ${context}`] = [exp, act, sorted(f.get_units())];
    }
    assertEqual(Object.fromEntries(Object.entries(got).sort()), Object.fromEntries(Object.entries(expected).sort()));
});

test('get_contributions lists 58 units whose values sum to the cell', () => {
    const {rollup, report, units} = rollup2021();
    for (const path of ['applications/received/total', 'applications/disclosed/natural_person', 'art20_6/penalty/decisions']) {
        const contributions = rollup.get_contributions(path);
        assertEqual(contributions.length, 58);
        assertEqual(contributions.map(c => c.unit_code), units.map(u => u.code));
        assertEqual(contributions.map(c => c.file), units.map(u => u.path));
        assertEqual(contributions.map(c => [c.is_set, c.is_set ? c.value : null]),
            units.map(u => [u.cells[path] !== null && u.cells[path] !== undefined, u.cells[path] ?? null]));
        assertEqual(String(contributions.filter(c => c.is_set).reduce((s, c) => s + c.value, 0)),
            report.dup_value_text(path));
    }
    const fees = rollup.get_contributions('art20_8/fees/amount');
    assertEqual(fees.reduce((s, c) => s + BigInt(c.value), 0n), scaled(report.dup_value_text('art20_8/fees/amount')));
    const t09 = rollup.get_contributions('applications/received/total').find(c => c.unit_code === 'T09');
    assertEqual(t09.is_set, false);
    assertEqual(t09.unit_kind, Govstats.UnitKind.TOWN);
    assertGError(() => rollup.get_contributions('applications/nowhere/total'), DOMAIN, Govstats.Error.UNKNOWN_KEY);
});

function expectedBreakdown(parts, have, isAmount, lang) {
    const K = Govstats.UnitKind;
    const groups = [parts[K.GOVERNMENT] + parts[K.DEPARTMENT], parts[K.TOWN], parts[K.OTHER]];
    const haveGroup = [have[K.GOVERNMENT] || have[K.DEPARTMENT], have[K.TOWN], have[K.OTHER]];
    const zh = ['政府及其部门', '各乡镇（街道）', '其他单位'];
    const en = ['the government and its departments', 'towns and sub-districts', 'other units'];
    const total = groups.reduce((s, g) => s + g, 0);
    const text = value => {
        if (!isAmount)
            return String(value);
        const whole = Math.trunc(value / 10000), fraction = String(value % 10000).padStart(4, '0').replace(/0+$/, '');
        return fraction ? `${whole}.${fraction}` : String(whole);
    };
    const pieces = [];
    for (let g = 0; g < 3; g++) {
        if (!haveGroup[g])
            continue;
        const share = total !== 0 ? (100.0 * groups[g] / total).toFixed(1) : null;
        if (lang === 'en')
            pieces.push(share !== null ? `${en[g]} ${text(groups[g])} (${share}%)` : `${en[g]} ${text(groups[g])}`);
        else
            pieces.push(share !== null ? `${zh[g]} ${text(groups[g])}，占 ${share}%` : `${zh[g]} ${text(groups[g])}`);
    }
    return pieces.join(lang === 'en' ? '; ' : '；');
}

test('get_kind_value and dup_breakdown_text split by department and town', () => {
    const {rollup, report, units} = rollup2021();
    const kinds = rosterKinds(ROSTER_2021);
    for (const path of ['applications/received/total', 'art20_6/penalty/decisions', 'art20_8/fees/amount']) {
        const isAmount = report.get_schema().get_cell_kind(path) === Govstats.ValueKind.AMOUNT;
        const parts = {}, have = {};
        for (const kind of Object.values(KINDS)) {
            const values = units.filter(u => kinds[u.code] === kind && u.cells[path] !== null && u.cells[path] !== undefined)
                .map(u => isAmount ? Number(scaled(u.cells[path])) : u.cells[path]);
            have[kind] = values.length > 0;
            parts[kind] = values.reduce((s, v) => s + v, 0);
            assertEqual(rollup.get_kind_value(path, kind), [have[kind], parts[kind]], `${path} ${kind}`);
        }
        for (const lang of ['zh', 'en'])
            assertEqual(rollup.dup_breakdown_text(path, lang), expectedBreakdown(parts, have, isAmount, lang));
    }
});

test('indicators (extensions/indicators) split by department and town', () => {
    const {rollup, report, units} = rollup2021();
    const kinds = rosterKinds(ROSTER_2021);
    assertEqual(rollup.dup_indicator_keys(), INDICATORS);
    const extensions = report.get_extensions().get_object_member('indicators');
    for (const key of INDICATORS) {
        const total = units.reduce((s, u) => s + u.indicators[key], 0);
        assertEqual(rollup.get_indicator(key), [true, total]);
        assertEqual(extensions.get_int_member(key), total);
        const parts = {}, have = {};
        for (const kind of Object.values(KINDS)) {
            const values = units.filter(u => kinds[u.code] === kind).map(u => u.indicators[key]);
            have[kind] = values.length > 0;
            parts[kind] = values.reduce((s, v) => s + v, 0);
            assertEqual(rollup.get_indicator_kind_value(key, kind), [true, parts[kind]]);
        }
        assertEqual(rollup.dup_indicator_breakdown_text(key, 'zh'), expectedBreakdown(parts, have, false, 'zh'));
    }
    assertEqual(units.find(u => u.code === 'D07').indicators.proactive_items, 342);
});

// ---------- 2020 ----------

test('the 2020 roll-up reproduces examples/data/2020/consolidated.json', () => {
    const expected = cellsOf(readJson(CONSOLIDATED_2020));
    const rollup = newRollup(ROSTER_2020);
    assert(rollup.add_files([UNITS_2020], null));
    const report = rollup.consolidate();
    assertEqual([report.get_version(), report.get_year()], ['2019', 2020]);
    const schema = report.get_schema();
    const got = reportTexts(report);
    const want = {};
    for (const path of schema.dup_cell_paths(null)) {
        const value = expected[path];
        if (value === undefined || value === null)
            want[path] = null;
        else
            want[path] = schema.get_cell_kind(path) === Govstats.ValueKind.AMOUNT ? `scaled:${scaled(value)}` : String(value);
    }
    assertEqual(got, want);
    assertEqual(got, expectedTexts(keptUnits(UNITS_2020), schema));
    const findings = rollup.get_findings();
    assertEqual(findings.filter(f => f.counts_as_error()).length, 0);
    assertEqual([...new Set(findings.map(f => f.get_rule_id()))], ['cells.blank']);
});

// ---------- async, cancellation ----------

test('add_files_async with progress: done == total, same result as sync', async () => {
    const {rollup: syncRollup, report: syncReport} = rollup2021();
    const rollup = newRollup();
    const events = [];
    const handler = rollup.connect('progress', (_r, done, total) => events.push(['progress', done, total]));
    const ok = await rollup.add_files_async([UNITS_2021], null);
    events.push(['done', ok]);
    // No manual main-context iteration here: this runs inside a dispatch of
    // the main loop, and iterating it again recurses. Progress is queued in
    // the same context before the result, so it has all arrived.
    rollup.disconnect(handler);
    assertEqual(ok, true);
    const progress = events.filter(e => e[0] === 'progress');
    assert(progress.length > 0, JSON.stringify(events));
    assertEqual(events.at(-1), ['done', true], 'progress comes before the result');
    assertEqual(progress.at(-1), ['progress', 59, 59]);
    const report = rollup.consolidate();
    assertEqual(reportTexts(report), reportTexts(syncReport));
    assertEqual(rollup.get_findings().map(findingKey), syncRollup.get_findings().map(findingKey));
});

test('a cancelled Gio.Cancellable fails with Gio.IOErrorEnum.CANCELLED', async () => {
    const cancellable = new Gio.Cancellable();
    cancellable.cancel();
    const rollup = newRollup();
    assertGError(() => rollup.add_files([UNITS_2021], cancellable), Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED);
    let error = null;
    try {
        await rollup.add_files_async([UNITS_2021], cancellable);
    } catch (e) {
        error = e;
    }
    assert(error instanceof GLib.Error, `expected a GLib.Error, got ${error}`);
    assert(error.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED), error.message);
    assertEqual(rollup.get_n_units(), 0);
});

// ---------- bad input, layouts, years ----------

test('an unreadable file becomes input.invalid with line and column; the rest is consolidated', () => {
    const tmp = tempCopy(UNITS_2021);
    try {
        const broken = GLib.build_filenamev([tmp.units, 'D05.json']);
        const text = readText(broken);
        const marker = '"received": {';
        const index = text.indexOf(marker) + marker.length;
        writeText(broken, `${text.slice(0, index)},${text.slice(index)}`);
        const before = text.slice(0, index);
        const line = before.split('\n').length;
        const column = index - (before.lastIndexOf('\n') + 1) + 1;

        const rollup = newRollup();
        assert(rollup.add_files([tmp.units], null));
        const report = rollup.consolidate();
        const invalid = byRule(rollup.get_findings(), 'input.invalid');
        assertEqual(invalid.length, 1);
        assertEqual([invalid[0].get_file(), invalid[0].get_line(), invalid[0].get_column()], [broken, line, column]);
        assert(invalid[0].counts_as_error());
        assert(invalid[0].get_message('en').startsWith(`${broken}:${line}:${column}:`), invalid[0].get_message('en'));
        assertEqual(rollup.get_n_units(), 57);
        const units = keptUnits(UNITS_2021).filter(u => u.code !== 'D05');
        assertEqual(reportTexts(report), expectedTexts(units, report.get_schema()));
        assertEqual(sorted(byRule(rollup.get_findings(), 'rollup.missing_unit').map(f => f.get_unit_code())), ['D05', 'T16']);
    } finally {
        removeTree(tmp.dir);
    }
});

test('a 2019-layout report in a 2021 roll-up gives rollup.mixed_version naming what was left out', () => {
    const tmp = tempCopy(UNITS_2021);
    try {
        const text = readText(GLib.build_filenamev([UNITS_2020, 'T16.json']));
        const path = GLib.build_filenamev([tmp.units, 'T16.json']);
        writeText(path, text.replace('"year": 2020', '"year": 2021'));
        const t16 = cellsOf(readJson(path));
        const leftOut = Object.keys(t16).filter(p => t16[p] !== null && (ONLY_2019_COLUMNS.has(p.split('/')[2]) ||
            p.startsWith('art20_5/other_services/') || p.startsWith('art20_9/'))).sort();
        assert(leftOut.length > 0);

        const rollup = newRollup();
        rollup.add_files([tmp.units], null);
        const report = rollup.consolidate();
        assertEqual(report.get_version(), '2021');
        assertEqual(rollup.get_n_units(), 59);
        const findings = rollup.get_findings();
        const mixed = byRule(findings, 'rollup.mixed_version');
        assertEqual(mixed.length, 1);
        assertEqual(sorted(mixed[0].get_cells()), leftOut);
        assertEqual(mixed[0].get_severity(), Govstats.Severity.ERROR);
        assert(mixed[0].get_message('zh').includes('示例县南岭乡'));
        assertEqual(byRule(findings, 'rollup.missing_unit').length, 0);
        const units = keptUnits(UNITS_2021);
        for (const p of ['applications/received/total', 'art20_5/licensing/decisions'])
            assertEqual(report.dup_value_text(p), String(units.reduce((s, u) => s + v0(u.cells, p), 0) + v0(t16, p)), p);
    } finally {
        removeTree(tmp.dir);
    }
});

test('a report of another year gives rollup.year_mismatch and is left out', () => {
    const tmp = tempCopy(UNITS_2021);
    try {
        Gio.File.new_for_path(GLib.build_filenamev([UNITS_2020, 'T16.json'])).copy(
            Gio.File.new_for_path(GLib.build_filenamev([tmp.units, 'T16.json'])), Gio.FileCopyFlags.NONE, null, null);
        const rollup = newRollup();
        rollup.add_files([tmp.units], null);
        const report = rollup.consolidate();
        const findings = rollup.get_findings();
        const mismatch = byRule(findings, 'rollup.year_mismatch');
        assertEqual(mismatch.length, 1);
        assertEqual([mismatch[0].get_unit_code(), mismatch[0].get_values()], ['T16', [true, 2021, 2020]]);
        assertEqual(byRule(findings, 'rollup.missing_unit').map(f => f.get_unit_code()), ['T16']);
        assertEqual(rollup.get_n_units(), 58);
        assertEqual(reportTexts(report), expectedTexts(keptUnits(tmp.units, 2021), report.get_schema()));
    } finally {
        removeTree(tmp.dir);
    }
});

// ---------- state as properties, findings as a model ----------

// What a label bound to a count holds.
const Counter = GObject.registerClass({
    Properties: {
        count: GObject.ParamSpec.uint('count', 'count', 'count', GObject.ParamFlags.READWRITE, 0, 0xffffffff, 0),
    },
}, class Counter extends GObject.Object {});

// errors, warnings as `govstats rollup` sums them up.
function summaryCounts(findings) {
    let errors = 0, warnings = 0;
    for (const f of findings) {
        if (f.is_waived() || f.get_outcome() === Govstats.Outcome.UNCERTAIN)
            continue;
        if (f.get_severity() === Govstats.Severity.ERROR)
            errors++;
        else if (f.get_severity() === Govstats.Severity.WARNING)
            warnings++;
    }
    return [errors, warnings];
}

// What a list view sees: the items-changed signals applied to an array.
function mirror(model) {
    const m = {items: [], changes: []};
    for (let i = 0; i < model.get_n_items(); i++)
        m.items.push(model.get_item(i));
    model.connect('items-changed', (_model, position, removed, added) => {
        m.changes.push([position, removed, added]);
        m.items.splice(position, removed, ...Array.from({length: added}, (_, i) => model.get_item(position + i)));
    });
    return m;
}

test('properties equal the sample county counts; bind_property and notify::n-units follow them', () => {
    const rollup = newRollup();
    const label = new Counter();
    rollup.bind_property('n-units', label, 'count', GObject.BindingFlags.SYNC_CREATE);
    const units = [];
    rollup.connect('notify::n-units', r => units.push(r.n_units));
    const notified = [];
    rollup.connect('notify', (_r, pspec) => notified.push(pspec.get_name()));
    const model = rollup.findings_model;
    assert(model === rollup.get_findings_model());
    assertEqual(model.get_item_type(), Govstats.Finding.$gtype);
    const view = mirror(model);
    assertEqual([rollup.n_units, rollup.n_files, rollup.n_files_done, rollup.n_findings, rollup.busy, label.count],
        [0, 0, 0, 0, false, 0]);
    assertEqual(rollup.name, readJson(ROSTER_2021).name);

    assert(rollup.add_files([UNITS_2021], null));
    assertEqual([rollup.n_files, rollup.n_files_done, rollup.n_units], [reportFiles(UNITS_2021).length, 59, 58]);
    assertEqual(keptUnits(UNITS_2021).length, 58);
    assertEqual(label.count, 58);
    assert(units.length >= 1 && units.length <= 59 && units.at(-1) === 58, JSON.stringify(units));
    assert(units.every((n, i) => i === 0 || n > units[i - 1]), JSON.stringify(units));
    assertEqual(notified.filter(n => n === 'busy').length, 2);
    assertEqual(view.changes, []);

    notified.length = 0;
    rollup.consolidate();
    const findings = rollup.get_findings();
    const [errors, warnings] = summaryCounts(findings);
    assertEqual([findings.length, errors, warnings], [27, 16, 9]);
    assertEqual([rollup.n_findings, rollup.n_errors, rollup.n_warnings], [findings.length, errors, warnings]);
    assertEqual([model.n_items, model.get_n_items(), model.n_errors, model.n_warnings], [27, 27, errors, warnings]);
    assert(view.items.length === findings.length && view.items.every((f, i) => f === findings[i]));
    assertEqual(view.changes.reduce((sum, [, removed, added]) => sum + added - removed, 0), findings.length);
    assertEqual(sorted(notified), ['n-errors', 'n-findings', 'n-warnings']);

    // Another report: the findings are stale, the model empties.
    const extra = Govstats.Report.new_for_version('2021');
    extra.set_unit_code('X99');
    extra.set_year(2021);
    rollup.add_report(extra);
    assertEqual([rollup.n_units, label.count, rollup.n_findings, rollup.n_errors, view.items.length], [59, 59, 0, 0, 0]);
    assertEqual(units.at(-1), 59);
});

test('add_files_async: busy until the callback, notify in the main context, model of the new findings', async () => {
    const rollup = newRollup();
    const busy = [];
    rollup.connect('notify::busy', r => busy.push(r.busy));
    const done = [];
    rollup.connect('notify::n-files-done', r => done.push(r.n_files_done));
    const progress = [];
    rollup.connect('progress', (r, d, total) => progress.push([d, total, r.n_files_done, r.n_files]));
    const promise = rollup.add_files_async([UNITS_2021], null);
    assertEqual(rollup.busy, true);
    assertEqual(await promise, true);
    assertEqual(busy, [true, false]);
    assertEqual(progress.at(-1), [59, 59, 59, 59]);
    assert(progress.every(([d, total, shown, files]) => shown === d && files === total), JSON.stringify(progress));
    assertEqual(done.at(-1), 59);
    assert(done.every((n, i) => i === 0 || n > done[i - 1]), JSON.stringify(done));
    rollup.consolidate();
    assertEqual(rollup.findings_model.get_n_items(), rollup.get_findings().length);
    assertEqual(rollup.n_findings, 27);
});

test('a FindingList of one report check counts its errors', () => {
    const report = Govstats.Report.new_from_file(GLib.build_filenamev([UNITS_2021, 'D10.json']));
    const findings = Govstats.RuleSet.new(report.get_schema()).check(report, null);
    const model = Govstats.FindingList.new();
    const view = mirror(model);
    model.set_findings(findings);
    assert(findings.length > 0);
    assertEqual([model.n_items, model.n_errors, model.n_warnings], [findings.length, ...summaryCounts(findings)]);
    assert(model.n_errors >= 1, 'D10 breaks applications.outcome_sum');
    assertEqual(view.changes, [[0, 0, findings.length]]);
    model.set_findings(findings.slice(0, -1));
    assertEqual(view.changes.at(-1), [findings.length - 1, 1, 0]);
    assert(view.items.length === findings.length - 1 && view.items.every((f, i) => f === findings[i]));
});

test('progress follows files that take longer than 100 ms', () => {
    // The last three files are named pipes, written 150 ms apart by another
    // process: one of them is added at least 100 ms after the start or the
    // last signal, so there is more than one signal on any machine.
    const tmp = tempCopy(UNITS_2021);
    try {
        const slow = reportFiles(tmp.units).slice(-3);
        const sources = slow.map(path => `${path}.src`);
        for (const [i, path] of slow.entries())
            Gio.File.new_for_path(path).move(Gio.File.new_for_path(sources[i]), Gio.FileCopyFlags.NONE, null, null);
        const mkfifo = Gio.Subprocess.new(['mkfifo', ...slow], Gio.SubprocessFlags.NONE);
        assert(mkfifo.wait_check(null));
        const script = 'for i in 1 2 3; do eval "s=\\${$i} f=\\${$((i + 3))}"; sleep 0.15; cat "$s" > "$f"; done';
        const writer = Gio.Subprocess.new(['sh', '-c', script, 'sh', ...sources, ...slow], Gio.SubprocessFlags.NONE);
        const rollup = newRollup();
        const progress = [];
        rollup.connect('progress', (r, done, total) => progress.push([done, total, r.n_files_done]));
        assert(rollup.add_files([tmp.units], null));
        assert(writer.wait_check(null));
        assert(progress.length > 1, JSON.stringify(progress));
        assertEqual(progress.at(-1), [59, 59, 59]);
        assert(progress.every(([done, total, shown], i) => total === 59 && shown === done &&
            (i === 0 || done > progress[i - 1][0])), JSON.stringify(progress));
        assertEqual(rollup.get_n_units(), 58);
        for (const path of sources)
            Gio.File.new_for_path(path).delete(null);
    } finally {
        removeTree(tmp.dir);
    }
});

// ---------- cancelling, a second call while busy ----------

test('cancelled while a slow file loads, the rollup holds the files before it', () => {
    // Regression: a cancel was heeded only between batches of 256 files.
    // The sixth file is a named pipe, written only once the progress
    // handler has cancelled: the signal for the fifth comes while the
    // rollup waits for it, and the run stops there.
    const tmp = tempCopy(UNITS_2021);
    try {
        const files = reportFiles(tmp.units);
        const slow = files[5];
        const source = `${slow}.src`;
        Gio.File.new_for_path(slow).move(Gio.File.new_for_path(source), Gio.FileCopyFlags.NONE, null, null);
        assert(Gio.Subprocess.new(['mkfifo', slow], Gio.SubprocessFlags.NONE).wait_check(null));
        const cancellable = new Gio.Cancellable();
        const rollup = newRollup();
        const progress = [];
        let writer = null;
        rollup.connect('progress', (r, done, total) => {
            progress.push([done, total, r.n_files_done, r.n_units]);
            if (done >= 5 && writer === null) {
                cancellable.cancel();
                writer = Gio.Subprocess.new(['timeout', '20', 'sh', '-c', 'cat "$0" > "$1"', source, slow],
                    Gio.SubprocessFlags.NONE);
            }
        });
        assertGError(() => rollup.add_files([tmp.units], cancellable), Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED);
        assert(writer.wait_check(null));
        assertEqual(progress.at(-1), [5, 59, 5, 5]);
        assertEqual([rollup.n_files_done, rollup.n_files, rollup.n_units, rollup.get_n_units(), rollup.busy],
            [5, 59, 5, 5, false]);
        const report = rollup.consolidate();
        const reference = newRollup();
        assert(reference.add_files(reportFiles(UNITS_2021).slice(0, 5), null));
        assertEqual(reportTexts(report), reportTexts(reference.consolidate()));
        assertEqual(rollup.get_contributions('applications/received/total').map(c => c.file), files.slice(0, 5));
        Gio.File.new_for_path(source).delete(null);
    } finally {
        removeTree(tmp.dir);
    }
});

test('a cancel after the last file resolves true', async () => {
    // Regression: the task looked at the cancellable once finished.
    const cancellable = new Gio.Cancellable();
    const rollup = newRollup();
    rollup.connect('progress', (_r, done, total) => done === total && cancellable.cancel());
    assertEqual(await rollup.add_files_async([UNITS_2021], cancellable), true);
    assert(cancellable.is_cancelled());
    assertEqual([rollup.get_n_units(), rollup.n_files_done], [58, 59]);
});

test('add_files_async while busy rejects with Gio.IOErrorEnum.PENDING', async () => {
    // Regression: the second call failed a critical check and its promise
    // never settled.
    const rollup = newRollup();
    const first = rollup.add_files_async([UNITS_2021], null);
    const second = rollup.add_files_async([UNITS_2021], null);
    assertGError(() => rollup.add_files([UNITS_2021], null), Gio.IOErrorEnum, Gio.IOErrorEnum.PENDING);
    let error = null;
    try {
        await second;
    } catch (e) {
        error = e;
    }
    assert(error instanceof GLib.Error && error.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.PENDING), `${error}`);
    assertEqual(await first, true);
    assertEqual([rollup.get_n_units(), rollup.n_files_done, rollup.busy], [58, 59, false]);
});

test('the findings model counts before items-changed, and follows a waiver', () => {
    // Regression: items-changed came before the counts were updated, and a
    // waiver of a finding already in the model changed no count.
    const rollup = newRollup();
    const model = rollup.findings_model;
    const seen = [];
    model.connect('items-changed', m => seen.push([m.get_n_items(), m.n_errors, rollup.n_findings, rollup.n_errors]));
    assert(rollup.add_files([UNITS_2021], null));
    rollup.consolidate();
    const findings = rollup.get_findings();
    const [errors] = summaryCounts(findings);
    assert(errors > 0);
    assertEqual(seen, [[findings.length, errors, findings.length, errors]]);
    const error = findings.find(f => f.counts_as_error());
    error.waive('accepted', 'county office');
    assertEqual([error.waived, model.n_errors, rollup.n_errors], [true, errors - 1, errors - 1]);
    assert(rollup.add_file(GLib.build_filenamev([UNITS_2021, 'D10.json'])));
    assertEqual(seen.at(-1), [0, 0, 0, 0]);
});

await run();
