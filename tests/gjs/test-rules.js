// test-rules.js — GovstatsRuleSet, GovstatsFinding and GovstatsRoster through the typelib, from GJS
//
// Copyright 2026 The libgovstats authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Expected values are computed here from the example files with JSON.parse
// (and a line split of the CSV roster), never read back from the library.
// The findings are compared with `govstats check --json` of this build
// (GOVSTATS_BUILD_ROOT/tools/govstats); tests/python/test_rules.py compares
// the same files with Python, so the three agree.

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Json from 'gi://Json';
import Govstats from 'gi://Govstats?version=1.0';

import {test, assert, assertEqual, assertGError, run} from './harness.js';

const SOURCE_ROOT = GLib.getenv('GOVSTATS_SOURCE_ROOT') ??
    GLib.build_filenamev([GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]), '..', '..']);
const EXAMPLES = GLib.build_filenamev([SOURCE_ROOT, 'examples', 'data']);
const DOMAIN = Govstats.error_quark();
const unit2021 = code => GLib.build_filenamev([EXAMPLES, '2021', 'units', `${code}.json`]);
const unit2020 = code => GLib.build_filenamev([EXAMPLES, '2020', 'units', `${code}.json`]);
const D10 = unit2021('D10');
const T09 = unit2021('T09');

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

// ---------- helpers ----------

function readText(path) {
    const [, bytes] = GLib.file_get_contents(path);
    return new TextDecoder().decode(bytes);
}

const readJson = path => JSON.parse(readText(path));

// path → value as JSON.parse gives it (object cells by their value), null for blank.
function jsonCells(path) {
    const cells = {};
    for (const [table, rows] of Object.entries(readJson(path).tables)) {
        for (const [row, columns] of Object.entries(rows)) {
            for (const [column, value] of Object.entries(columns)) {
                cells[`${table}/${row}/${column}`] =
                    value !== null && typeof value === 'object' ? value.value : value;
            }
        }
    }
    return cells;
}

const v0 = (cells, path) => cells[path] ?? 0;
const rowSum = (cells, table, row, columns) => columns.reduce((s, c) => s + v0(cells, `${table}/${row}/${c}`), 0);
const outcomeSum = (cells, column) =>
    OUTCOME_LEAVES_2021.reduce((s, r) => s + v0(cells, `applications/${r}/${column}`), 0);

const load = path => Govstats.Report.new_from_file(path);

function check(report, previous = null) {
    return Govstats.RuleSet.new(report.get_schema()).check(report, previous);
}

function byRule(findings, rule) {
    return findings.filter(f => f.get_rule_id() === rule);
}

function one(findings, rule) {
    const hits = byRule(findings, rule);
    assertEqual(hits.length, 1, `${rule} in ${findings.map(f => f.to_string('en')).join(' | ')}`);
    return hits[0];
}

const nodeToJs = node => JSON.parse(Json.to_string(node, false));
const sorted = array => [...array].sort();

function summary(f) {
    const [ok, expected, actual] = f.get_values();
    return {
        rule: f.get_rule_id(),
        severity: nodeToJs(f.to_json('en')).severity,
        outcome: nodeToJs(f.to_json('en')).outcome,
        cells: [...f.get_cells()],
        fingerprint: f.get_fingerprint(),
        expected: ok ? expected : null,
        actual: ok ? actual : null,
    };
}

function jsonSummary(item) {
    return {
        rule: item.rule,
        severity: item.severity,
        outcome: item.outcome,
        cells: item.cells,
        fingerprint: item.fingerprint,
        expected: item.expected ?? null,
        actual: item.actual ?? null,
    };
}

function cliPath() {
    const buildRoot = GLib.getenv('GOVSTATS_BUILD_ROOT');
    assert(buildRoot, 'GOVSTATS_BUILD_ROOT is not set: run under meson test (or meson devenv)');
    const path = GLib.build_filenamev([buildRoot, 'tools', 'govstats']);
    assert(GLib.file_test(path, GLib.FileTest.IS_EXECUTABLE), `${path} is not built`);
    return path;
}

function runCli(args) {
    const proc = Gio.Subprocess.new([cliPath(), ...args],
        Gio.SubprocessFlags.STDOUT_PIPE | Gio.SubprocessFlags.STDERR_PIPE);
    const [, stdout, stderr] = proc.communicate_utf8(null, null);
    return {status: proc.get_exit_status(), stdout, stderr};
}

// ---------- D10 ----------

test('D10: independent sums are the documented ones', () => {
    const cells = jsonCells(D10);
    assertEqual(rowSum(cells, 'applications', 'disclosed', APPLICANTS), 32);
    assertEqual(cells['applications/disclosed/total'], 31);
    assertEqual(outcomeSum(cells, 'natural_person'), 66);
    assertEqual(cells['applications/total/natural_person'], 65);
});

test('D10: row_total and outcome_sum FAILED with expected and actual', () => {
    const cells = jsonCells(D10);
    const findings = check(load(D10));
    assertEqual(sorted(findings.map(f => f.get_rule_id())),
        ['applications.outcome_sum', 'applications.row_total', 'hint.likely_wrong_cell']);

    const row = one(findings, 'applications.row_total');
    assertEqual(row.get_severity(), Govstats.Severity.ERROR);
    assertEqual(row.get_outcome(), Govstats.Outcome.FAILED);
    assert(row.counts_as_error());
    assertEqual(row.get_values(), [true, rowSum(cells, 'applications', 'disclosed', APPLICANTS),
        cells['applications/disclosed/total']]);
    assertEqual(row.get_values(), [true, 32, 31]);
    assertEqual([row.dup_expected_text(), row.dup_actual_text()], ['32', '31']);
    assertEqual(sorted(row.get_cells()), sorted([...APPLICANTS, 'total'].map(c => `applications/disclosed/${c}`)));

    const column = one(findings, 'applications.outcome_sum');
    assertEqual(column.get_outcome(), Govstats.Outcome.FAILED);
    assertEqual(column.get_values(), [true, outcomeSum(cells, 'natural_person'),
        cells['applications/total/natural_person']]);
    assertEqual(column.get_values(), [true, 66, 65]);
    const columnCells = column.get_cells();
    assert(columnCells.every(c => c.endsWith('/natural_person')), String(columnCells));
    for (const r of [...OUTCOME_LEAVES_2021, 'total'])
        assert(columnCells.includes(`applications/${r}/natural_person`), r);

    for (const f of [row, column]) {
        assertEqual(f.get_unit_code(), 'D10');
        assertEqual(f.get_unit_name(), readJson(D10).unit.name);
        assertEqual(f.get_file(), D10);
        assertEqual(f.get_units(), []);
    }
});

test('D10: hint.likely_wrong_cell names applications/disclosed/natural_person, expected 26', () => {
    const hint = one(check(load(D10)), 'hint.likely_wrong_cell');
    assertEqual(hint.get_severity(), Govstats.Severity.INFO);
    assertEqual(hint.get_outcome(), Govstats.Outcome.NOTE);
    assert(!hint.counts_as_error());
    assertEqual(hint.get_cells(), ['applications/disclosed/natural_person']);
    assertEqual(hint.get_values(), [true, 26, jsonCells(D10)['applications/disclosed/natural_person']]);
    assertEqual(hint.dup_expected_text(), '26');
    assert(hint.get_message('en').includes('applications/disclosed/natural_person'));
});

// ---------- T09 ----------

test('T09: one cells.blank and one UNCERTAIN applications.row_total', () => {
    const cells = jsonCells(T09);
    const totals = APPLICATION_ROWS_2021.map(r => `applications/${r}/total`);
    assert(totals.every(p => cells[p] === null));
    const undecided = APPLICATION_ROWS_2021
        .filter(r => rowSum(cells, 'applications', r, APPLICANTS) !== 0)
        .map(r => `applications/${r}/total`);
    assertEqual(undecided.length, 6);

    const findings = check(load(T09));
    assertEqual(sorted(findings.map(f => f.get_rule_id())), ['applications.row_total', 'cells.blank']);
    const blank = one(findings, 'cells.blank');
    assertEqual(blank.get_severity(), Govstats.Severity.WARNING);
    assertEqual(sorted(blank.get_cells()), sorted(totals));
    const row = one(findings, 'applications.row_total');
    assertEqual(row.get_outcome(), Govstats.Outcome.UNCERTAIN);
    assertEqual(row.get_severity(), Govstats.Severity.ERROR);
    assertEqual(sorted(row.get_cells()), sorted(undecided));
    assertEqual(row.get_values()[0], false);
    assertEqual(row.dup_expected_text(), null);
    assert(!row.counts_as_error());
});

// ---------- cross-year ----------

test('D01 2021 with D01 2020 as previous passes cross_year.carry', () => {
    const current = jsonCells(unit2021('D01'));
    const last = jsonCells(unit2020('D01'));
    for (const c of [...APPLICANTS, 'total'])
        assertEqual(current[`applications/carried_over/${c}`], last[`applications/carried_forward/${c}`], c);
    const report = load(unit2021('D01'));
    const previous = load(unit2020('D01'));
    assertEqual(previous.get_version(), '2019');
    const rules = Govstats.RuleSet.new(report.get_schema());
    assert(rules.has_rule('cross_year.carry'));
    assertEqual(rules.check(report, previous).length, 0);

    // Not vacuous: a different carry of last year is a cross_year.carry warning.
    const was = last['applications/carried_forward/research'];
    previous.set_value('applications/carried_forward/research', was + 3);
    previous.set_value('applications/carried_forward/total', last['applications/carried_forward/total'] + 3);
    const carry = byRule(rules.check(report, previous), 'cross_year.carry');
    assertEqual(carry.length, 2);
    const research = carry.find(f => f.get_cells().includes('applications/carried_over/research'));
    assertEqual(sorted(research.get_cells()),
        ['applications/carried_over/research', 'previous:applications/carried_forward/research']);
    assertEqual(research.get_values(), [true, was + 3, was]);
    assertEqual(research.get_severity(), Govstats.Severity.WARNING);
});

// ---------- getters, JSON, fingerprints ----------

test('to_json returns a Json.Node matching the getters', () => {
    for (const f of check(load(D10))) {
        const node = f.to_json('en');
        assert(node instanceof Json.Node);
        assertEqual(node.get_node_type(), Json.NodeType.OBJECT);
        assertEqual(node.get_object().get_string_member('rule'), f.get_rule_id());
        assertEqual(node.get_object().get_array_member('cells').get_length(), f.get_cells().length);
        const data = nodeToJs(node);
        const [, expected, actual] = f.get_values();
        assertEqual(data.cells, [...f.get_cells()]);
        assertEqual([data.expected, data.actual], [expected, actual]);
        assertEqual(data.unit, {name: '示例县住房和城乡建设局', code: 'D10'});
        assertEqual(data.file, D10);
        assertEqual(data.message, f.get_message('en'));
        assertEqual(data.fingerprint, f.get_fingerprint());
        assertEqual(nodeToJs(f.to_json('zh')).message, f.get_message('zh'));
    }
});

test('fingerprints are stable across runs and values', () => {
    const key = f => `${f.get_rule_id()} ${f.get_cells().join(',')}`;
    const first = Object.fromEntries(check(load(D10)).map(f => [key(f), f.get_fingerprint()]));
    const second = Object.fromEntries(check(load(D10)).map(f => [key(f), f.get_fingerprint()]));
    assertEqual(second, first);
    assert(Object.values(first).every(fp => /^[0-9a-f]{16}$/.test(fp)));
    const report = load(D10);
    report.set_value('applications/disclosed/natural_person', 30);
    const third = check(report);
    for (const f of third.filter(x => x.get_rule_id() !== 'hint.likely_wrong_cell'))
        assertEqual(f.get_fingerprint(), first[key(f)], key(f));
    assertEqual(one(third, 'applications.row_total').get_values(), [true, 35, 31]);
});

test('the same findings as `govstats check --json`', () => {
    const files = ['D10', 'T09', 'D08', 'D01'].map(unit2021);
    const {status, stdout, stderr} = runCli(['check', '--json', ...files]);
    assertEqual(status, 1, stderr);
    const data = JSON.parse(stdout);
    const cli = Object.fromEntries(data.reports.map(r => [r.file, r.findings.map(jsonSummary)]));
    const ours = Object.fromEntries(files.map(p => [p, check(load(p)).map(summary)]));
    assertEqual(cli, ours);
    assertEqual(ours[unit2021('D01')], []);
    const d08 = jsonCells(unit2021('D08'));
    assertEqual(ours[unit2021('D08')].map(f => [f.rule, f.expected, f.actual]),
        [['review_litigation.row_total',
            rowSum(d08, 'review_litigation', 'review', ['upheld', 'corrected', 'other', 'pending']),
            d08['review_litigation/review/total']]]);
});

test('Finding.new and its setters', () => {
    const f = Govstats.Finding.new('custom.rule', Govstats.Severity.WARNING, '中文', null);
    assertEqual(f.get_message('en'), '中文');
    assertEqual(f.get_values(), [false, 0, 0]);
    f.set_cells(['art20_8/fees/amount']);
    f.set_units(['D01', 'D03']);
    f.set_values(6135241, -1, Govstats.ValueKind.AMOUNT);
    assertEqual([f.dup_expected_text(), f.dup_actual_text()], ['613.5241', '-0.0001']);
    assertEqual(f.get_units(), ['D01', 'D03']);
    const data = nodeToJs(f.to_json(null));
    assertEqual([data.expected, data.actual, data.units], ['613.5241', '-0.0001', ['D01', 'D03']]);
});

// ---------- waivers ----------

test('waivers: by fingerprint, by rule glob and unit, by cells', () => {
    const schema = Govstats.Schema.get_for_version('2021');
    const target = one(check(load(D10)), 'applications.outcome_sum');
    const rules = Govstats.RuleSet.new(schema);
    assert(rules.load_waivers_from_data(JSON.stringify({waivers: [
        {fingerprint: target.get_fingerprint(), reason: '已核实', by: '张三', date: '2022-02-10'},
    ]}), null));
    const findings = rules.check(load(D10), null);
    const waived = findings.filter(f => f.is_waived());
    assertEqual(waived.map(f => f.get_rule_id()), ['applications.outcome_sum']);
    assertEqual([waived[0].get_waiver_reason(), waived[0].get_waiver_by()], ['已核实', '张三']);
    assert(!waived[0].counts_as_error());
    assertEqual(nodeToJs(waived[0].to_json('en')).waiver, {reason: '已核实', by: '张三'});
    assert(one(findings, 'applications.row_total').counts_as_error());

    const waivedBy = waiver => {
        const set = Govstats.RuleSet.new(schema);
        set.load_waivers_from_data(JSON.stringify({waivers: [{...waiver, reason: 'r', by: 'b'}]}), null);
        return sorted(set.check(load(D10), null).filter(f => f.is_waived()).map(f => f.get_rule_id()));
    };
    assertEqual(waivedBy({rule: 'applications.*', unit: 'D10'}),
        ['applications.outcome_sum', 'applications.row_total']);
    assertEqual(waivedBy({rule: 'applications.*', unit: 'D11'}), []);
    assertEqual(waivedBy({rule: '*', cells: ['applications/disclosed/total']}), ['applications.row_total']);
});

test('waivers: malformed files are GErrors of the Govstats domain', () => {
    const rules = Govstats.RuleSet.new(Govstats.Schema.get_for_version('2021'));
    const cases = [
        ['{"waivers": [{"rule": "x", "by": "b"}]}', Govstats.Error.MISSING_MEMBER],
        ['{"waivers": [{"rule": "x", "reason": "r", "by": "b", "colour": 1}]}', Govstats.Error.UNKNOWN_KEY],
        ['{"waivers": {}}', Govstats.Error.INVALID_TYPE],
        ['{"waivers": [', Govstats.Error.PARSE],
    ];
    for (const [text, code] of cases) {
        const e = assertGError(() => rules.load_waivers_from_data(text, 'w.json'), DOMAIN, code, text);
        assertEqual(e.domain, DOMAIN);   // a number in GJS
        assert(e.message.startsWith('w.json'), e.message);
    }
    assert(!rules.check(load(D10), null).some(f => f.is_waived()));
});

// ---------- extra rules ----------

test('extra rules: an amount equation with last year, exact texts', () => {
    const rules = Govstats.RuleSet.new(Govstats.Schema.get_for_version('2021'));
    assert(rules.add_rules_from_data(JSON.stringify({rules: [{
        id: 'province.fees_steady', severity: 'warning', kind: 'equation',
        statement: {zh: '收费金额与上年相同', en: 'The fees equal last year\'s'},
        lhs: ['art20_8/fees/amount'], rhs: ['previous:art20_8/fees/amount'],
    }]}), 'province.json'));
    assert(rules.has_rule('province.fees_steady'));
    assertEqual(rules.get_rule_severity('province.fees_steady'), Govstats.Severity.WARNING);
    assertEqual(rules.get_rule_statement('province.fees_steady', 'zh'), '收费金额与上年相同');
    const thisYear = String(jsonCells(unit2021('D01'))['art20_8/fees/amount']);
    const lastYear = String(jsonCells(unit2021('D08'))['art20_8/fees/amount']);
    const f = one(rules.check(load(unit2021('D01')), load(unit2021('D08'))), 'province.fees_steady');
    assertEqual([f.dup_expected_text(), f.dup_actual_text()], [thisYear, lastYear]);
    assertEqual([thisYear, lastYear], ['613.5241', '1234.5678']);
    assertEqual(f.get_values(), [true, 6135241, 12345678]);
    const data = nodeToJs(f.to_json('en'));
    assertEqual([data.expected, data.actual], [thisYear, lastYear]);
});

test('extra rules: a malformed rule is INVALID_SCHEMA and adds nothing', () => {
    const rules = Govstats.RuleSet.new(Govstats.Schema.get_for_version('2021'));
    const before = rules.dup_rule_ids();
    const good = {id: 'x.good', kind: 'must_be_zero', statement: 'g', cells: ['art20_1/regulations/*']};
    const bad = [
        {id: 'x', kind: 'equation', statement: 's', lhs: ['applications/nowhere/total'], rhs: ['applications/total/total']},
        {id: 'x', kind: 'sum', statement: 's', lhs: ['applications/received/total'], rhs: ['applications/total/total']},
        {id: 'x', kind: 'equation', lhs: ['applications/received/total'], rhs: ['applications/total/total']},
        {id: 'x', kind: 'equation', statement: 's', lhs: ['applications/received/total']},
        {id: 'x', kind: 'nonnegative', statement: 's', cells: ['nowhere/*/*']},
    ];
    for (const rule of bad) {
        const e = assertGError(() => rules.add_rules_from_data(JSON.stringify({rules: [good, rule]}), 'extra.json'),
            DOMAIN, Govstats.Error.INVALID_SCHEMA, JSON.stringify(rule));
        assert(e.message.startsWith('extra.json'), e.message);
        assertEqual(rules.dup_rule_ids(), before);
        assert(!rules.has_rule('x.good'));
    }
    assertGError(() => rules.add_rules_from_data('[]', null), DOMAIN, Govstats.Error.INVALID_SCHEMA);
    assertGError(() => rules.add_rules_from_data('{"rules": [', null), DOMAIN, Govstats.Error.PARSE);
    assertEqual(sorted(rules.check(load(D10), null).map(f => f.get_rule_id())),
        ['applications.outcome_sum', 'applications.row_total', 'hint.likely_wrong_cell']);
});

// ---------- roster ----------

const KINDS = {government: Govstats.UnitKind.GOVERNMENT, department: Govstats.UnitKind.DEPARTMENT,
    town: Govstats.UnitKind.TOWN, other: Govstats.UnitKind.OTHER};

function rosterUnits(roster) {
    return roster.dup_codes().map(code => [code, roster.get_unit_name(code), roster.get_unit_kind(code)]);
}

test('roster: JSON and CSV give the same 59 codes, names and kinds', () => {
    const jsonPath = GLib.build_filenamev([EXAMPLES, '2021', 'roster.json']);
    const csvPath = GLib.build_filenamev([EXAMPLES, '2021', 'roster.csv']);
    const data = readJson(jsonPath);
    const fromJson = data.units.map(u => [u.code, u.name, KINDS[u.kind]]);
    const lines = readText(csvPath).split('\n').filter(l => l.trim() !== '');
    assertEqual(lines[0].trim(), 'code,name,kind');
    assert(!lines.some(l => l.includes('"')), 'the sample CSV has no quoted fields');
    const fromCsv = lines.slice(1).map(l => l.trim().split(',')).map(([code, name, kind]) => [code, name, KINDS[kind]]);
    assertEqual(fromCsv, fromJson);
    assertEqual(fromJson.length, 59);
    const rj = Govstats.Roster.new_from_file(jsonPath);
    const rc = Govstats.Roster.new_from_file(csvPath);
    assertEqual(rosterUnits(rj), fromJson);
    assertEqual(rosterUnits(rc), fromJson);
    assertEqual([rj.get_name(), rj.get_year(), rj.get_n_units()], [data.name, data.year, 59]);
    assertEqual(rc.get_n_units(), 59);
    assertEqual(rosterUnits(Govstats.Roster.new_from_data(readText(csvPath), null)), fromJson);
});

test('roster: match by code, name and alias', () => {
    const roster = Govstats.Roster.new_from_data(
        'code,name,kind,aliases\nD03,示例县公安局,department,县公安局;示例县公安分局\nT01,示例县城关镇,town,\n', 'r.csv');
    assertEqual(roster.get_unit_aliases('D03'), ['县公安局', '示例县公安分局']);
    assertEqual(roster.match('D03', null), 'D03');
    assertEqual(roster.match(null, '示例县公安局'), 'D03');
    assertEqual(roster.match(null, '示例县公安分局'), 'D03');
    assertEqual(roster.match('XX', '县公安局'), 'D03');
    assertEqual(roster.match('T01', '示例县公安局'), 'T01');
    assertEqual(roster.match('XX', '示例县不存在局'), null);
    const built = Govstats.Roster.new('示例县', 2021);
    assert(built.add_unit('D01', '示例县教育和体育局', Govstats.UnitKind.DEPARTMENT, ['县教体局']));
    assert(built.add_unit('T02', '示例县东城街道办事处', Govstats.UnitKind.TOWN, null));
    assertEqual(built.match(null, '县教体局'), 'D01');
    assertEqual(built.get_unit_aliases('T02'), []);
});

test('roster: errors for duplicate code, unknown kind, unknown member, bad CSV header', () => {
    const cases = [
        ['{"units": [{"code": "D01", "name": "甲"}, {"code": "D01", "name": "乙"}]}', Govstats.Error.INVALID_VALUE],
        ['code,name,kind\nD01,甲,department\nD01,乙,department\n', Govstats.Error.INVALID_VALUE],
        ['{"units": [{"code": "D01", "name": "甲", "kind": "ministry"}]}', Govstats.Error.INVALID_VALUE],
        ['code,name,kind\nD01,甲,ministry\n', Govstats.Error.INVALID_VALUE],
        ['{"units": [{"code": "D01", "name": "甲", "phone": "1"}]}', Govstats.Error.UNKNOWN_KEY],
        ['{"units": [], "province": "某省"}', Govstats.Error.UNKNOWN_KEY],
        ['code,name,kind,phone\nD01,甲,department,1\n', Govstats.Error.UNKNOWN_KEY],
        ['code,kind\nD01,department\n', Govstats.Error.MISSING_MEMBER],
    ];
    for (const [text, code] of cases) {
        const e = assertGError(() => Govstats.Roster.new_from_data(text, 'roster.x'), DOMAIN, code, text);
        assert(e.message.startsWith('roster.x'), e.message);
    }
    const roster = Govstats.Roster.new(null, 0);
    roster.add_unit('D01', '甲', Govstats.UnitKind.DEPARTMENT, null);
    assertGError(() => roster.add_unit('D01', '乙', Govstats.UnitKind.DEPARTMENT, null), DOMAIN,
        Govstats.Error.INVALID_VALUE);
    assertEqual(roster.get_n_units(), 1);
});

await run();
