# test_rules.py — GovstatsRuleSet, GovstatsFinding and GovstatsRoster through the typelib
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The expected values are computed here from the example files with Python's
# json module (and csv for the roster), never read back from the library.
# The same findings are compared with `govstats check --json` (the CLI of
# this build, GOVSTATS_BUILD_ROOT/tools/govstats) and with GJS.
#
# The tests named test_regression_* pin library bugs found in review.

import csv
import json
import os
import pathlib
import re
import shutil
import subprocess
from decimal import Decimal

import pytest

import gi
gi.require_version('Govstats', '1.0')
gi.require_version('Json', '1.0')
from gi.repository import GLib, Govstats, Json  # noqa: E402

from conftest import EXAMPLES, read_json_cells  # noqa: E402

DOMAIN = 'govstats-error-quark'
UNITS_2021 = EXAMPLES / '2021' / 'units'
UNITS_2020 = EXAMPLES / '2020' / 'units'

APPLICANTS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_org']
# The leaf outcome rows of the 2021 layout (format/README.md, section 三).
OUTCOME_LEAVES_2021 = [
    'disclosed', 'partially_disclosed',
    'withheld.state_secret', 'withheld.prohibited', 'withheld.security', 'withheld.third_party',
    'withheld.internal', 'withheld.process', 'withheld.enforcement_file', 'withheld.inquiry',
    'unavailable.not_held', 'unavailable.needs_creation', 'unavailable.unclear',
    'declined.petition', 'declined.duplicate', 'declined.publication', 'declined.excessive',
    'declined.confirmation',
    'other.no_correction', 'other.unpaid_fee', 'other.misc',
]
APPLICATION_ROWS_2021 = ['received', 'carried_over'] + OUTCOME_LEAVES_2021 + ['total', 'carried_forward']



# ---------- helpers ----------

def load(path):
    return Govstats.Report.new_from_file(str(path))


def check(report, previous=None):
    rules = Govstats.RuleSet.new(report.get_schema())
    return list(rules.check(report, previous))


def by_rule(findings, rule):
    return [f for f in findings if f.get_rule_id() == rule]


def one(findings, rule):
    hits = by_rule(findings, rule)
    assert len(hits) == 1, [f.to_string('en') for f in findings]
    return hits[0]


def node_to_py(node):
    """A Json.Node as Python data, through JSON-GLib's own serializer."""
    assert isinstance(node, Json.Node)
    return json.loads(Json.to_string(node, False))


def assert_govstats_error(error, code):
    assert isinstance(error, GLib.Error)
    assert error.domain == DOMAIN
    assert error.code == int(code), (Govstats.Error(error.code), error.message)
    assert error.matches(Govstats.error_quark(), code)


def value0(cells, path):
    """A cell of read_json_cells() with blank as 0."""
    value = cells.get(path)
    return 0 if value is None else value


def row_sum(cells, table, row, columns):
    return sum(value0(cells, '%s/%s/%s' % (table, row, c)) for c in columns)


def outcome_sum(cells, column):
    return sum(value0(cells, 'applications/%s/%s' % (row, column)) for row in OUTCOME_LEAVES_2021)


def finding_summary(f):
    """What must agree between Python, GJS and the CLI."""
    ok, expected, actual = f.get_values()
    return {
        'rule': f.get_rule_id(),
        'severity': f.get_severity().value_nick,
        'outcome': f.get_outcome().value_nick,
        'cells': list(f.get_cells()),
        'fingerprint': f.get_fingerprint(),
        'expected': expected if ok else None,
        'actual': actual if ok else None,
    }


def json_summary(item):
    return {
        'rule': item['rule'],
        'severity': item['severity'],
        'outcome': item['outcome'],
        'cells': item['cells'],
        'fingerprint': item['fingerprint'],
        'expected': item.get('expected'),
        'actual': item.get('actual'),
    }


def cli_path():
    build_root = os.environ.get('GOVSTATS_BUILD_ROOT')
    assert build_root, 'GOVSTATS_BUILD_ROOT is not set: run under meson test (or meson devenv)'
    path = pathlib.Path(build_root) / 'tools' / 'govstats'
    assert path.is_file() and os.access(path, os.X_OK), '%s is not built' % path
    return path


# ---------- D10: a mistyped cell ----------

D10 = UNITS_2021 / 'D10.json'


def test_d10_independent_sums_are_the_documented_ones():
    # The documented mistake, recomputed from the file alone.
    cells = read_json_cells(D10)
    assert row_sum(cells, 'applications', 'disclosed', APPLICANTS) == 32
    assert cells['applications/disclosed/total'] == 31
    assert outcome_sum(cells, 'natural_person') == 66
    assert cells['applications/total/natural_person'] == 65
    assert cells['applications/disclosed/natural_person'] == 27


def test_d10_row_total_and_outcome_sum_fail_with_values():
    cells = read_json_cells(D10)
    report = load(D10)
    findings = check(report)
    # Only these three: two broken equations and the hint where they cross.
    assert sorted(f.get_rule_id() for f in findings) == \
        ['applications.outcome_sum', 'applications.row_total', 'hint.likely_wrong_cell']

    row_total = one(findings, 'applications.row_total')
    assert row_total.get_severity() == Govstats.Severity.ERROR
    assert row_total.get_outcome() == Govstats.Outcome.FAILED
    assert row_total.counts_as_error()
    assert tuple(row_total.get_values()) == (True, row_sum(cells, 'applications', 'disclosed', APPLICANTS),
                                             cells['applications/disclosed/total'])
    assert tuple(row_total.get_values()) == (True, 32, 31)
    assert row_total.dup_expected_text() == '32'
    assert row_total.dup_actual_text() == '31'
    assert sorted(row_total.get_cells()) == sorted(
        'applications/disclosed/%s' % c for c in APPLICANTS + ['total'])

    column = one(findings, 'applications.outcome_sum')
    assert column.get_outcome() == Govstats.Outcome.FAILED
    assert tuple(column.get_values()) == (True, outcome_sum(cells, 'natural_person'),
                                          cells['applications/total/natural_person'])
    assert tuple(column.get_values()) == (True, 66, 65)
    column_cells = list(column.get_cells())
    assert all(c.startswith('applications/') and c.endswith('/natural_person') for c in column_cells)
    for row in OUTCOME_LEAVES_2021 + ['total']:
        assert 'applications/%s/natural_person' % row in column_cells
    # The group rows print no numbers and are never terms.
    for group in ('withheld', 'unavailable', 'declined'):
        assert 'applications/%s/natural_person' % group not in column_cells

    for f in (row_total, column):
        assert f.get_unit_code() == 'D10'
        assert f.get_unit_name() == '示例县住房和城乡建设局'
        assert f.get_file() == str(D10)
        assert list(f.get_units()) == []
        assert not f.is_waived()


def test_d10_hint_names_the_mistyped_cell():
    findings = check(load(D10))
    hint = one(findings, 'hint.likely_wrong_cell')
    assert hint.get_severity() == Govstats.Severity.INFO
    assert hint.get_outcome() == Govstats.Outcome.NOTE
    assert not hint.counts_as_error()
    assert list(hint.get_cells()) == ['applications/disclosed/natural_person']
    # expected: the value that satisfies both equations; actual: the printed one.
    assert tuple(hint.get_values()) == (True, 26, 27)
    assert hint.dup_expected_text() == '26'
    message = hint.get_message('en')
    assert 'applications/disclosed/natural_person' in message
    assert 'applications.row_total' in message and 'applications.outcome_sum' in message
    assert 'applications/disclosed/natural_person' in hint.get_message('zh')
    assert hint.get_message('zh_CN.UTF-8') == hint.get_message('zh')


def test_d10_fixed_cell_passes():
    report = load(D10)
    report.set_value('applications/disclosed/natural_person', 26)
    assert check(report) == []


# ---------- T09: a blank 总计 column ----------

T09 = UNITS_2021 / 'T09.json'


def test_t09_one_blank_finding_and_one_uncertain_row_total():
    cells = read_json_cells(T09)
    total_cells = ['applications/%s/total' % r for r in APPLICATION_ROWS_2021]
    assert all(cells[p] is None for p in total_cells)
    # The rows a value in the blank 总计 could still balance: applicants not all 0.
    undecided = ['applications/%s/total' % r for r in APPLICATION_ROWS_2021
                 if row_sum(cells, 'applications', r, APPLICANTS) != 0]
    assert len(undecided) == 6

    findings = check(load(T09))
    assert sorted(f.get_rule_id() for f in findings) == ['applications.row_total', 'cells.blank']

    blank = one(findings, 'cells.blank')
    assert blank.get_severity() == Govstats.Severity.WARNING
    assert sorted(blank.get_cells()) == sorted(total_cells)
    assert blank.get_values()[0] is False

    row_total = one(findings, 'applications.row_total')
    assert row_total.get_severity() == Govstats.Severity.ERROR
    assert row_total.get_outcome() == Govstats.Outcome.UNCERTAIN
    assert sorted(row_total.get_cells()) == sorted(undecided)
    assert row_total.get_values()[0] is False
    assert row_total.dup_expected_text() is None
    # Undecided is not a broken rule, but the report does not pass either.
    assert not row_total.counts_as_error()
    assert row_total.to_string('en').startswith('undecided')
    assert node_to_py(row_total.to_json('en'))['outcome'] == 'uncertain'


def test_t09_filled_total_column_passes():
    cells = read_json_cells(T09)
    report = load(T09)
    for row in APPLICATION_ROWS_2021:
        report.set_value('applications/%s/total' % row, row_sum(cells, 'applications', row, APPLICANTS))
    assert check(report) == []


# ---------- cross-year ----------

def test_d01_passes_cross_year_carry_against_2020():
    current = read_json_cells(UNITS_2021 / 'D01.json')
    last = read_json_cells(UNITS_2020 / 'D01.json')
    for c in APPLICANTS + ['total']:
        assert current['applications/carried_over/%s' % c] == last['applications/carried_forward/%s' % c]

    report = load(UNITS_2021 / 'D01.json')
    previous = load(UNITS_2020 / 'D01.json')
    assert previous.get_version() == '2019'
    rules = Govstats.RuleSet.new(report.get_schema())
    assert rules.has_rule('cross_year.carry')
    assert rules.get_rule_severity('cross_year.carry') == Govstats.Severity.WARNING
    assert list(rules.check(report, previous)) == []


def test_cross_year_carry_is_evaluated():
    # A pass above is not vacuous: break the carry in one column only, in a
    # way that keeps this year's equations balanced.
    report = load(UNITS_2021 / 'D01.json')
    previous = load(UNITS_2020 / 'D01.json')
    last = read_json_cells(UNITS_2020 / 'D01.json')
    was = last['applications/carried_forward/commercial']
    previous.set_value('applications/carried_forward/commercial', was + 2)
    previous.set_value('applications/carried_forward/total', last['applications/carried_forward/total'] + 2)
    findings = list(Govstats.RuleSet.new(report.get_schema()).check(report, previous))
    carry = by_rule(findings, 'cross_year.carry')
    assert len(carry) == 2, [f.to_string('en') for f in findings]
    commercial = [f for f in carry if 'applications/carried_over/commercial' in f.get_cells()][0]
    assert sorted(commercial.get_cells()) == ['applications/carried_over/commercial',
                                              'previous:applications/carried_forward/commercial']
    # Expected: last year's carried forward; actual: this year's carried over.
    assert tuple(commercial.get_values()) == (True, was + 2, was)
    assert commercial.get_severity() == Govstats.Severity.WARNING
    assert not commercial.counts_as_error()
    # Without last year's report the cross-year rules do not run.
    assert by_rule(check(report), 'cross_year.carry') == []


# ---------- Finding getters and JSON ----------

def test_to_json_is_a_readable_node_matching_the_getters():
    for f in check(load(D10)):
        node = f.to_json('en')
        assert node.get_node_type() == Json.NodeType.OBJECT
        obj = node.get_object()
        assert obj.get_string_member('rule') == f.get_rule_id()
        data = node_to_py(node)
        assert data['rule'] == f.get_rule_id()
        assert data['severity'] == f.get_severity().value_nick
        assert data['outcome'] == f.get_outcome().value_nick
        assert data['cells'] == list(f.get_cells())
        ok, expected, actual = f.get_values()
        assert ok
        assert (data['expected'], data['actual']) == (expected, actual)
        assert data['unit'] == {'name': '示例县住房和城乡建设局', 'code': 'D10'}
        assert data['file'] == str(D10)
        assert data['message'] == f.get_message('en')
        assert data['fingerprint'] == f.get_fingerprint()
        assert 'waiver' not in data and 'units' not in data
        assert node_to_py(f.to_json('zh'))['message'] == f.get_message('zh')


def test_fingerprints_are_stable_and_ignore_values():
    first = {(f.get_rule_id(), tuple(f.get_cells())): f.get_fingerprint() for f in check(load(D10))}
    second = {(f.get_rule_id(), tuple(f.get_cells())): f.get_fingerprint() for f in check(load(D10))}
    assert first == second
    assert all(re.fullmatch(r'[0-9a-f]{16}', fp) for fp in first.values())
    assert len(set(first.values())) == len(first)
    # The same defect with other values keeps its fingerprint.
    report = load(D10)
    report.set_value('applications/disclosed/natural_person', 29)
    third = check(report)
    for f in third:
        if f.get_rule_id() != 'hint.likely_wrong_cell':
            assert f.get_fingerprint() == first[(f.get_rule_id(), tuple(f.get_cells()))]
    assert tuple(one(third, 'applications.row_total').get_values()) == (True, 34, 31)
    assert tuple(one(third, 'applications.outcome_sum').get_values()) == (True, 68, 65)


def test_finding_new_and_setters():
    f = Govstats.Finding.new('custom.rule', Govstats.Severity.WARNING, '中文', None)
    assert f.get_message('en') == '中文'
    assert f.get_outcome() == Govstats.Outcome.FAILED
    assert list(f.get_cells()) == [] and list(f.get_units()) == []
    assert tuple(f.get_values()) == (False, 0, 0)
    before = f.get_fingerprint()
    f.set_cells(['applications/received/total'])
    f.set_unit('示例县民政局', 'D04')
    f.set_units(['D04'])
    f.set_position('/x/D04.json', 3, 7)
    f.set_values(Decimal('12.5'), Decimal('-0.0005'), Govstats.ValueKind.AMOUNT)   # 万元
    assert f.get_fingerprint() != before
    assert list(f.get_cells()) == ['applications/received/total']
    assert (f.get_unit_code(), f.get_unit_name(), list(f.get_units())) == ('D04', '示例县民政局', ['D04'])
    assert (f.get_file(), f.get_line(), f.get_column()) == ('/x/D04.json', 3, 7)
    assert (f.dup_expected_text(), f.dup_actual_text()) == ('12.5', '-0.0005')
    assert f.get_value_kind() == Govstats.ValueKind.AMOUNT
    assert tuple(f.get_values()) == (True, Decimal('12.5'), Decimal('-0.0005'))
    data = node_to_py(f.to_json(None))
    assert (data['expected'], data['actual']) == ('12.5', '-0.0005')
    assert (data['line'], data['column'], data['units']) == (3, 7, ['D04'])


# ---------- the same findings from Python, the CLI and GJS ----------

CROSS_FILES = [UNITS_2021 / 'D10.json', UNITS_2021 / 'T09.json', UNITS_2021 / 'D08.json',
               UNITS_2021 / 'D01.json']


def python_findings():
    out = {}
    for path in CROSS_FILES:
        out[str(path)] = [finding_summary(f) for f in check(load(path))]
    return out


def test_same_findings_as_cli_check_json():
    result = subprocess.run([str(cli_path()), 'check', '--json'] + [str(p) for p in CROSS_FILES],
                            capture_output=True, check=False)
    assert result.returncode == 1, result.stderr.decode()
    data = json.loads(result.stdout.decode('utf-8'))
    cli = {r['file']: [json_summary(f) for f in r['findings']] for r in data['reports']}
    ours = python_findings()
    assert cli == ours
    assert ours[str(UNITS_2021 / 'D01.json')] == []
    # D08: the review row, expected 5 (the parts), actual 4 (the printed total).
    d08 = read_json_cells(UNITS_2021 / 'D08.json')
    parts = row_sum(d08, 'review_litigation', 'review', ['upheld', 'corrected', 'other', 'pending'])
    assert [(f['rule'], f['expected'], f['actual']) for f in ours[str(UNITS_2021 / 'D08.json')]] == \
        [('review_litigation.row_total', parts, d08['review_litigation/review/total'])]
    assert (parts, d08['review_litigation/review/total']) == (5, 4)
    summary = data['summary']
    errors = sum(1 for fs in ours.values() for f in fs if f['severity'] == 'error' and f['outcome'] == 'failed')
    assert summary['errors'] == errors


GJS_SCRIPT = r'''
import GLib from 'gi://GLib';
import Json from 'gi://Json';
import Govstats from 'gi://Govstats?version=1.0';
const out = {};
for (const file of ARGV) {
    const report = Govstats.Report.new_from_file(file);
    const rules = Govstats.RuleSet.new(report.get_schema());
    out[file] = rules.check(report, null).map(f => JSON.parse(Json.to_string(f.to_json('en'), false)));
}
print(JSON.stringify(out));
'''


def test_same_findings_as_gjs(tmp_path):
    gjs = shutil.which('gjs')
    if gjs is None:
        pytest.skip('gjs is not installed')
    script = tmp_path / 'findings.js'
    script.write_text(GJS_SCRIPT, encoding='utf-8')
    result = subprocess.run([gjs, '-m', str(script)] + [str(p) for p in CROSS_FILES],
                            capture_output=True, check=False, env=os.environ.copy())
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout.decode('utf-8'))
    gjs_findings = {k: [json_summary(f) for f in v] for k, v in data.items()}
    assert gjs_findings == python_findings()


# ---------- waivers ----------

def test_waiver_by_fingerprint():
    target = one(check(load(D10)), 'applications.outcome_sum')
    rules = Govstats.RuleSet.new(Govstats.Schema.get_for_version('2021'))
    waivers = {'waivers': [{'fingerprint': target.get_fingerprint(), 'reason': '已核实，下年更正',
                            'by': '县政务公开办 张三', 'date': '2022-02-10'}]}
    assert rules.load_waivers_from_data(json.dumps(waivers, ensure_ascii=False), 'waivers.json')
    findings = list(rules.check(load(D10), None))
    waived = [f for f in findings if f.is_waived()]
    assert [f.get_rule_id() for f in waived] == ['applications.outcome_sum']
    f = waived[0]
    assert f.get_fingerprint() == target.get_fingerprint()
    assert (f.get_waiver_reason(), f.get_waiver_by()) == ('已核实，下年更正', '县政务公开办 张三')
    assert not f.counts_as_error()
    assert f.get_severity() == Govstats.Severity.ERROR
    assert node_to_py(f.to_json('en'))['waiver'] == {'reason': '已核实，下年更正', 'by': '县政务公开办 张三'}
    assert 'waived' in f.to_string('en')
    # The other error is still an error.
    assert one(findings, 'applications.row_total').counts_as_error()


def test_waiver_by_rule_glob_unit_and_cells():
    schema = Govstats.Schema.get_for_version('2021')

    def waived_rules(waiver):
        rules = Govstats.RuleSet.new(schema)
        waiver = dict(waiver, reason='r', by='b')
        assert rules.load_waivers_from_data(json.dumps({'waivers': [waiver]}), None)
        return sorted(f.get_rule_id() for f in rules.check(load(D10), None) if f.is_waived())

    assert waived_rules({'rule': 'applications.*', 'unit': 'D10'}) == \
        ['applications.outcome_sum', 'applications.row_total']
    assert waived_rules({'rule': 'applications.*', 'unit': '示例县住房和城乡建设局'}) == \
        ['applications.outcome_sum', 'applications.row_total']
    assert waived_rules({'rule': 'applications.*', 'unit': 'D11'}) == []
    # Every cell pattern must match a cell of the finding.
    assert waived_rules({'rule': '*', 'cells': ['applications/disclosed/total']}) == ['applications.row_total']
    assert waived_rules({'rule': '*', 'cells': ['applications/*/natural_person', 'applications/total/*']}) == \
        ['applications.outcome_sum']
    assert waived_rules({'rule': 'review_litigation.*'}) == []


@pytest.mark.parametrize('text, code', [
    ('{"waivers": [{"rule": "applications.*", "by": "b"}]}', Govstats.Error.MISSING_MEMBER),
    ('{"waivers": [{"rule": "applications.*", "reason": "r"}]}', Govstats.Error.MISSING_MEMBER),
    ('{"waivers": [{"reason": "r", "by": "b"}]}', Govstats.Error.MISSING_MEMBER),
    ('{"waivers": [{"rule": "x", "reason": "r", "by": "b", "colour": "red"}]}', Govstats.Error.UNKNOWN_KEY),
    ('{"waivers": [{"rule": 3, "reason": "r", "by": "b"}]}', Govstats.Error.INVALID_TYPE),
    ('{"waivers": {}}', Govstats.Error.INVALID_TYPE),
    ('[]', Govstats.Error.INVALID_TYPE),
    ('{"waivers": [', Govstats.Error.PARSE),
])
def test_bad_waiver_files(text, code):
    rules = Govstats.RuleSet.new(Govstats.Schema.get_for_version('2021'))
    with pytest.raises(GLib.Error) as info:
        rules.load_waivers_from_data(text, 'w.json')
    assert_govstats_error(info.value, code)
    assert info.value.message.startswith('w.json')
    # Nothing of a bad file is loaded.
    assert not any(f.is_waived() for f in rules.check(load(D10), None))


def test_rollup_uses_the_rule_set_waivers():
    schema = Govstats.Schema.get_for_version('2021')
    rules = Govstats.RuleSet.new(schema)
    rules.load_waivers_from_data(json.dumps({'waivers': [
        {'rule': 'rollup.missing_unit', 'unit': 'T16', 'reason': '南岭乡已撤并', 'by': '县政务公开办'}]},
        ensure_ascii=False), None)
    rollup = Govstats.Rollup.new()
    rollup.set_roster(Govstats.Roster.new_from_file(str(EXAMPLES / '2021' / 'roster.json')))
    rollup.set_rule_set(rules)
    rollup.add_files([str(UNITS_2021)], None)
    rollup.consolidate()
    missing = one(list(rollup.get_findings()), 'rollup.missing_unit')
    assert missing.is_waived() and missing.get_waiver_reason() == '南岭乡已撤并'
    assert not missing.counts_as_error()


# ---------- extra rules ----------

EXTRA_AMOUNT_RULE = {
    'rules': [{
        'id': 'province.fees_steady', 'severity': 'warning', 'kind': 'equation',
        'statement': {'zh': '收费金额与上年相同', 'en': 'The fees equal last year\'s'},
        'lhs': ['art20_8/fees/amount'], 'rhs': ['previous:art20_8/fees/amount'],
    }],
}


def test_extra_equation_rule_with_amounts():
    schema = Govstats.Schema.get_for_version('2021')
    rules = Govstats.RuleSet.new(schema)
    assert not rules.has_rule('province.fees_steady')
    assert rules.add_rules_from_data(json.dumps(EXTRA_AMOUNT_RULE, ensure_ascii=False), 'province.json')
    assert rules.has_rule('province.fees_steady')
    assert list(rules.dup_rule_ids())[-1] == 'province.fees_steady'
    assert rules.get_rule_severity('province.fees_steady') == Govstats.Severity.WARNING
    assert rules.get_rule_statement('province.fees_steady', 'zh') == '收费金额与上年相同'
    assert rules.get_rule_statement('province.fees_steady', 'en') == 'The fees equal last year\'s'
    assert rules.get_rule_statement('no.such_rule', 'en') is None
    assert 'province.fees_steady' in rules.to_markdown('en')

    # Two 2021 reports of different units stand in for this year and last year.
    this_year = read_json_cells(UNITS_2021 / 'D01.json')['art20_8/fees/amount']
    last_year = read_json_cells(UNITS_2021 / 'D08.json')['art20_8/fees/amount']
    assert (this_year, last_year) == (Decimal('613.5241'), Decimal('1234.5678'))
    findings = list(rules.check(load(UNITS_2021 / 'D01.json'), load(UNITS_2021 / 'D08.json')))
    f = one(findings, 'province.fees_steady')
    assert f.get_severity() == Govstats.Severity.WARNING
    assert tuple(f.get_values()) == (True, this_year, last_year)
    assert (type(f.expected), f.expected, f.actual) == (Decimal, this_year, last_year)
    assert Decimal(f.dup_expected_text()) == this_year
    assert Decimal(f.dup_actual_text()) == last_year
    assert (f.dup_expected_text(), f.dup_actual_text()) == ('613.5241', '1234.5678')
    data = node_to_py(f.to_json('en'))
    assert (data['expected'], data['actual']) == ('613.5241', '1234.5678')
    assert sorted(f.get_cells()) == ['art20_8/fees/amount', 'previous:art20_8/fees/amount']
    # The same report as last year passes.
    assert by_rule(rules.check(load(UNITS_2021 / 'D01.json'), load(UNITS_2021 / 'D01.json')),
                   'province.fees_steady') == []


def test_extra_rule_for_each_row_and_versions():
    rules_2021 = Govstats.RuleSet.new(Govstats.Schema.get_for_version('2021'))
    extra = {'name': 'test', 'rules': [
        {'id': 'x.no_commercial', 'kind': 'equation', 'statement': 'x',
         'for_each': {'row': 'applications'},
         'lhs': ['applications/{row}/commercial'], 'rhs': ['applications/{row}/research']},
        {'id': 'x.only_2019', 'kind': 'must_be_zero', 'statement': 'y', 'versions': ['2019'],
         'cells': ['art20_9/*/*']},
    ]}
    assert rules_2021.add_rules_from_data(json.dumps(extra), None)
    assert rules_2021.has_rule('x.no_commercial')
    assert not rules_2021.has_rule('x.only_2019')
    cells = read_json_cells(D10)
    expected = {r: (value0(cells, 'applications/%s/commercial' % r), value0(cells, 'applications/%s/research' % r))
                for r in APPLICATION_ROWS_2021}
    expected = {r: v for r, v in expected.items() if v[0] != v[1]}
    assert expected
    found = {}
    for f in by_rule(list(rules_2021.check(load(D10), None)), 'x.no_commercial'):
        row = f.get_cells()[0].split('/')[1]
        ok, lhs, rhs = f.get_values()
        found[row] = (lhs, rhs)
        assert f.get_severity() == Govstats.Severity.ERROR
    assert found == expected


@pytest.mark.parametrize('rule', [
    {'id': 'x', 'kind': 'equation', 'statement': 's', 'lhs': ['applications/nowhere/total'], 'rhs': ['applications/total/total']},
    {'id': 'x', 'kind': 'equation', 'statement': 's', 'lhs': ['applications/received/total']},
    {'id': 'x', 'kind': 'sum', 'statement': 's', 'lhs': ['applications/received/total'], 'rhs': ['applications/total/total']},
    {'id': 'x', 'kind': 'equation', 'lhs': ['applications/received/total'], 'rhs': ['applications/total/total']},
    {'id': 'x', 'kind': 'equation', 'statement': 's', 'severity': 'fatal',
     'lhs': ['applications/received/total'], 'rhs': ['applications/total/total']},
    {'id': 'x', 'kind': 'equation', 'statement': 's', 'colour': 'red',
     'lhs': ['applications/received/total'], 'rhs': ['applications/total/total']},
    {'kind': 'equation', 'statement': 's', 'lhs': ['applications/received/total'], 'rhs': ['applications/total/total']},
    {'id': 'x', 'kind': 'nonnegative', 'statement': 's', 'cells': ['nowhere/*/*']},
    {'id': 'x', 'kind': 'equation', 'statement': 's', 'for_each': {'row': 'nowhere'},
     'lhs': ['applications/{row}/total'], 'rhs': ['applications/{row}/total']},
    {'id': 'x', 'kind': 'equation', 'statement': 's', 'lhs': ['applications/{row}/total'],
     'rhs': ['applications/total/total']},
    {'id': 'x', 'kind': 'equation', 'statement': 's', 'lhs': ['art20_1/regulations/made'],
     'rhs': ['art20_1/regulations/issued']},
    'not an object',
], ids=['unknown-cell', 'no-rhs', 'unknown-kind', 'no-statement', 'unknown-severity', 'unknown-member',
        'no-id', 'pattern-matches-nothing', 'for-each-unknown-table', 'unfilled-placeholder',
        'cell-of-other-layout', 'not-an-object'])
def test_malformed_extra_rule_is_invalid_schema(rule):
    rules = Govstats.RuleSet.new(Govstats.Schema.get_for_version('2021'))
    good = {'id': 'x.good', 'kind': 'must_be_zero', 'statement': 'g', 'cells': ['art20_1/regulations/*']}
    before = list(rules.dup_rule_ids())
    with pytest.raises(GLib.Error) as info:
        rules.add_rules_from_data(json.dumps({'rules': [good, rule]}), 'extra.json')
    assert_govstats_error(info.value, Govstats.Error.INVALID_SCHEMA)
    assert info.value.message.startswith('extra.json')
    # None of the file's rules is added, the good one neither.
    assert list(rules.dup_rule_ids()) == before
    assert not rules.has_rule('x.good')
    # And the rule set still works.
    assert sorted(f.get_rule_id() for f in rules.check(load(D10), None)) == \
        ['applications.outcome_sum', 'applications.row_total', 'hint.likely_wrong_cell']


@pytest.mark.parametrize('text', ['[]', '{"rules": {}}', '{"rules": [], "extra": 1}'])
def test_malformed_rule_file_is_invalid_schema(text):
    rules = Govstats.RuleSet.new(Govstats.Schema.get_for_version('2021'))
    with pytest.raises(GLib.Error) as info:
        rules.add_rules_from_data(text, None)
    assert_govstats_error(info.value, Govstats.Error.INVALID_SCHEMA)


def test_rule_file_that_is_not_json_is_parse_error(tmp_path):
    rules = Govstats.RuleSet.new(Govstats.Schema.get_for_version('2021'))
    with pytest.raises(GLib.Error) as info:
        rules.add_rules_from_data('{"rules": [}', 'r.json')
    assert_govstats_error(info.value, Govstats.Error.PARSE)
    path = tmp_path / 'rules.json'
    path.write_text(json.dumps(EXTRA_AMOUNT_RULE), encoding='utf-8')
    assert rules.add_rules_from_file(str(path))
    assert rules.has_rule('province.fees_steady')
    with pytest.raises(GLib.Error) as info:
        rules.add_rules_from_file(str(tmp_path / 'missing.json'))
    assert_govstats_error(info.value, Govstats.Error.IO)


def test_regression_equation_mixing_amount_and_count():
    # An equation that equates an amount (万元, stored ×10000) with a count:
    # the rule is accepted and the count is then printed as an amount, so a
    # finding says that applications/received/total (10) is "0.001".
    rules = Govstats.RuleSet.new(Govstats.Schema.get_for_version('2021'))
    rule = {'rules': [{'id': 'x.mixed', 'kind': 'equation', 'statement': 's',
                       'lhs': ['art20_8/fees/amount'], 'rhs': ['applications/received/total']}]}
    try:
        rules.add_rules_from_data(json.dumps(rule), None)
    except GLib.Error as e:
        assert_govstats_error(e, Govstats.Error.INVALID_SCHEMA)
        return
    f = one(list(rules.check(load(UNITS_2021 / 'D01.json'), None)), 'x.mixed')
    assert f.dup_actual_text() == '10', f.get_message('en')


# ---------- roster ----------

ROSTER_JSON = EXAMPLES / '2021' / 'roster.json'
ROSTER_CSV = EXAMPLES / '2021' / 'roster.csv'
KINDS = {'government': Govstats.UnitKind.GOVERNMENT, 'department': Govstats.UnitKind.DEPARTMENT,
         'town': Govstats.UnitKind.TOWN, 'other': Govstats.UnitKind.OTHER}


def roster_units(roster):
    return [(code, roster.get_unit_name(code), roster.get_unit_kind(code)) for code in roster.dup_codes()]


def test_roster_json_and_csv_give_the_same_59_units():
    with open(ROSTER_JSON, encoding='utf-8') as f:
        data = json.load(f)
    from_json = [(u['code'], u['name'], KINDS[u['kind']]) for u in data['units']]
    with open(ROSTER_CSV, encoding='utf-8', newline='') as f:
        from_csv = [(row['code'], row['name'], KINDS[row['kind']]) for row in csv.DictReader(f)]
    assert from_json == from_csv
    assert len(from_json) == 59

    roster_j = Govstats.Roster.new_from_file(str(ROSTER_JSON))
    roster_c = Govstats.Roster.new_from_file(str(ROSTER_CSV))
    assert roster_units(roster_j) == from_json
    assert roster_units(roster_c) == from_json
    assert roster_j.get_n_units() == roster_c.get_n_units() == 59
    assert roster_j.get_name() == data['name']
    assert roster_j.get_year() == data['year'] == 2021
    # The CSV carries no name or year.
    assert roster_c.get_year() == 0
    assert sum(1 for _, _, k in from_json if k == Govstats.UnitKind.TOWN) == 16
    assert [c for c, _, k in from_json if k == Govstats.UnitKind.GOVERNMENT] == ['D26']
    for code, _, _ in from_json:
        assert roster_j.has_unit(code) and list(roster_j.get_unit_aliases(code)) == []
    assert not roster_j.has_unit('T17')
    # From data as well as from a file, and with a byte-order mark.
    # (new_from_data takes a str here: its data is annotated as a string, see
    # test_regression_roster_from_bytes.)
    csv_text = ROSTER_CSV.read_text(encoding='utf-8')
    assert roster_units(Govstats.Roster.new_from_data('\ufeff' + csv_text, None)) == from_json
    assert roster_units(Govstats.Roster.new_from_data(ROSTER_JSON.read_text(encoding='utf-8'), None)) \
        == from_json


def test_roster_match_by_code_name_and_alias():
    text = ('code,name,kind,aliases\n'
            'D03,示例县公安局,department,县公安局;示例县公安分局\n'
            'T01,示例县城关镇,town,\n'
            '"D99","示例县某某中心, 二部",other,\n')
    roster = Govstats.Roster.new_from_data(text, 'r.csv')
    assert list(roster.dup_codes()) == ['D03', 'T01', 'D99']
    assert list(roster.get_unit_aliases('D03')) == ['县公安局', '示例县公安分局']
    assert roster.get_unit_name('D99') == '示例县某某中心, 二部'
    assert roster.get_unit_kind('D99') == Govstats.UnitKind.OTHER
    assert roster.match('D03', None) == 'D03'
    assert roster.match(None, '示例县公安局') == 'D03'
    assert roster.match(None, '示例县公安分局') == 'D03'
    assert roster.match('XX', '县公安局') == 'D03'
    # A code wins over a name.
    assert roster.match('T01', '示例县公安局') == 'T01'
    assert roster.match('XX', '示例县不存在局') is None
    assert roster.match(None, None) is None

    built = Govstats.Roster.new('示例县', 2021)
    assert built.add_unit('D01', '示例县教育和体育局', Govstats.UnitKind.DEPARTMENT, ['县教体局'])
    assert built.add_unit('T02', '示例县东城街道办事处', Govstats.UnitKind.TOWN, None)
    assert built.match(None, '县教体局') == 'D01'
    assert (built.get_name(), built.get_year(), built.get_n_units()) == ('示例县', 2021, 2)


def test_large_roster_matches_every_unit_by_code_name_and_alias():
    """20,000 units, every fifth with two aliases: the compact indexes grow many
    times; every unit is still found by each of its names, and a name, alias or
    code given twice is refused however far apart."""
    n = 20000
    built = Govstats.Roster.new('全国样本', 2021)
    for i in range(n):
        aliases = ['别名甲%d' % i, '别名乙%d' % i] if i % 5 == 0 else None
        kind = Govstats.UnitKind.TOWN if i % 3 == 0 else Govstats.UnitKind.DEPARTMENT
        assert built.add_unit('U%05d' % i, '样本单位%d' % i, kind, aliases)
    assert built.get_n_units() == n
    codes = list(built.dup_codes())
    assert codes == ['U%05d' % i for i in range(n)]
    for i in range(n):
        code = 'U%05d' % i
        assert built.match(code, None) == code
        assert built.match(None, '样本单位%d' % i) == code
        assert built.get_unit_kind(code) == (Govstats.UnitKind.TOWN if i % 3 == 0 else Govstats.UnitKind.DEPARTMENT)
        if i % 5 == 0:
            assert built.match(None, '别名乙%d' % i) == code
            assert list(built.get_unit_aliases(code)) == ['别名甲%d' % i, '别名乙%d' % i]
        else:
            assert list(built.get_unit_aliases(code)) == []
    assert built.match(None, '别名甲%d' % 1) is None
    assert not built.has_unit('U%05d' % n)
    for code, name, aliases in [('U00000', '新单位', None), ('V1', '样本单位19999', None),
                                ('V2', '新单位2', ['别名乙19995']), ('V3', '别名甲0', None)]:
        with pytest.raises(GLib.Error) as info:
            built.add_unit(code, name, Govstats.UnitKind.OTHER, aliases)
        assert_govstats_error(info.value, Govstats.Error.INVALID_VALUE)
    assert built.get_n_units() == n


@pytest.mark.parametrize('text, code', [
    # A code twice.
    ('{"units": [{"code": "D01", "name": "甲", "kind": "department"},'
     ' {"code": "D01", "name": "乙", "kind": "department"}]}', Govstats.Error.INVALID_VALUE),
    ('code,name,kind\nD01,甲,department\nD01,乙,department\n', Govstats.Error.INVALID_VALUE),
    # A name twice, an alias naming another unit.
    ('code,name,kind\nD01,甲,department\nD02,甲,department\n', Govstats.Error.INVALID_VALUE),
    ('code,name,kind,aliases\nD01,甲,department,\nD02,乙,department,甲\n', Govstats.Error.INVALID_VALUE),
    # An unknown kind.
    ('{"units": [{"code": "D01", "name": "甲", "kind": "ministry"}]}', Govstats.Error.INVALID_VALUE),
    ('code,name,kind\nD01,甲,ministry\n', Govstats.Error.INVALID_VALUE),
    # Unknown members.
    ('{"units": [{"code": "D01", "name": "甲", "kind": "department", "phone": "1"}]}', Govstats.Error.UNKNOWN_KEY),
    ('{"name": "示例县", "units": [], "province": "某省"}', Govstats.Error.UNKNOWN_KEY),
    # Bad CSV headers.
    ('code,name,kind,phone\nD01,甲,department,1\n', Govstats.Error.UNKNOWN_KEY),
    ('编号,名称,类型\nD01,甲,department\n', Govstats.Error.UNKNOWN_KEY),
    ('code,kind\nD01,department\n', Govstats.Error.MISSING_MEMBER),
    # Other malformed rosters.
    ('{"name": "示例县"}', Govstats.Error.MISSING_MEMBER),
    ('{"units": [{"code": "D01"}]}', Govstats.Error.MISSING_MEMBER),
    ('{"units": [{"code": 1, "name": "甲"}]}', Govstats.Error.INVALID_TYPE),
    ('{"year": "2021", "units": []}', Govstats.Error.INVALID_TYPE),
    ('{"units": [', Govstats.Error.PARSE),
    ('code,name,kind\nD01,"甲,department\n', Govstats.Error.PARSE),
    ('code,name,kind\nD01\n', Govstats.Error.PARSE),
], ids=['dup-code-json', 'dup-code-csv', 'dup-name', 'alias-clash', 'unknown-kind-json', 'unknown-kind-csv',
        'unknown-unit-member', 'unknown-roster-member', 'unknown-csv-column', 'chinese-csv-header',
        'csv-header-without-name', 'no-units', 'unit-without-name', 'code-not-string', 'year-not-number',
        'json-truncated', 'csv-unterminated-quote', 'csv-short-line'])
def test_bad_rosters(text, code):
    with pytest.raises(GLib.Error) as info:
        Govstats.Roster.new_from_data(text, 'roster.x')
    assert_govstats_error(info.value, code)
    assert info.value.message.startswith('roster.x'), info.value.message


def test_roster_errors_name_the_line_or_unit(tmp_path):
    path = tmp_path / 'roster.csv'
    path.write_text('code,name,kind\nD01,甲,department\nD02,乙,department\nD01,丙,town\n', encoding='utf-8')
    with pytest.raises(GLib.Error) as info:
        Govstats.Roster.new_from_file(str(path))
    assert_govstats_error(info.value, Govstats.Error.INVALID_VALUE)
    assert info.value.message.startswith('%s:4:' % path), info.value.message
    assert 'D01' in info.value.message
    with pytest.raises(GLib.Error) as info:
        Govstats.Roster.new_from_data(
            '{"units": [{"code": "D01", "name": "甲"}, {"code": "D02", "name": "乙", "kind": "county"}]}',
            'r.json')
    assert_govstats_error(info.value, Govstats.Error.INVALID_VALUE)
    assert 'units/1' in info.value.message and 'county' in info.value.message
    with pytest.raises(GLib.Error) as info:
        Govstats.Roster.new_from_file(str(tmp_path / 'missing.json'))
    assert_govstats_error(info.value, Govstats.Error.IO)
    roster = Govstats.Roster.new('示例县', 2021)
    roster.add_unit('D01', '甲', Govstats.UnitKind.DEPARTMENT, None)
    with pytest.raises(GLib.Error) as info:
        roster.add_unit('D01', '乙', Govstats.UnitKind.DEPARTMENT, None)
    assert_govstats_error(info.value, Govstats.Error.INVALID_VALUE)
    with pytest.raises(GLib.Error) as info:
        roster.add_unit('', '丙', Govstats.UnitKind.DEPARTMENT, None)
    assert_govstats_error(info.value, Govstats.Error.INVALID_VALUE)
    assert roster.get_n_units() == 1


def test_regression_roster_from_bytes():
    # govstats_roster_new_from_data() takes (data, length) but data is not
    # annotated (array length=length) (element-type guint8) as it is for
    # govstats_report_new_from_data(): bindings see a utf8 string plus a
    # separate byte length. Bytes (a file read with Gio, a GB18030 roster that
    # should give GOVSTATS_ERROR_ENCODING) cannot be passed, and a length in
    # characters silently truncates a Chinese roster.
    data = ROSTER_CSV.read_bytes()
    roster = Govstats.Roster.new_from_data(data, None)
    assert roster.get_n_units() == 59
    with pytest.raises(GLib.Error) as info:
        Govstats.Roster.new_from_data(ROSTER_CSV.read_text(encoding='utf-8').encode('gb18030'), None)
    assert_govstats_error(info.value, Govstats.Error.ENCODING)
