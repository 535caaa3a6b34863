# test_rollup.py — GovstatsRollup through the typelib
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Every expected number is computed here from the example files with Python's
# json module (amounts as decimal.Decimal), following the rules of
# examples/data/README.md: each unit once (the rollup keeps the first file of
# a unit in path order), blank only where every unit left the cell blank.
#
# The tests named test_regression_* pin library bugs found in review.

import json
import os
import shutil
from decimal import Decimal

import pytest

import gi
gi.require_version('Govstats', '1.0')
gi.require_version('Json', '1.0')
from gi.repository import GLib, Gio, Govstats, Json  # noqa: E402

from conftest import EXAMPLES  # noqa: E402

DOMAIN = 'govstats-error-quark'
UNITS_2021 = EXAMPLES / '2021' / 'units'
UNITS_2020 = EXAMPLES / '2020' / 'units'
ROSTER_2021 = EXAMPLES / '2021' / 'roster.json'
ROSTER_2020 = EXAMPLES / '2020' / 'roster.json'
CONSOLIDATED_2020 = EXAMPLES / '2020' / 'consolidated.json'

APPLICANTS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_org']
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
REVIEW_ROWS = ['review', 'litigation_direct', 'litigation_after_review']
REVIEW_PARTS = ['upheld', 'corrected', 'other', 'pending']
# What exists only in the 2019 layout (format/README.md): its columns, its rows, its table.
ONLY_2019_COLUMNS = {'made', 'published', 'total_published', 'items_prev', 'items_change'}
ONLY_2019_ROWS = {('art20_5', 'other_services')}
ONLY_2019_TABLES = {'art20_9'}
KIND_NAMES = {'government': Govstats.UnitKind.GOVERNMENT, 'department': Govstats.UnitKind.DEPARTMENT,
              'town': Govstats.UnitKind.TOWN, 'other': Govstats.UnitKind.OTHER}
INDICATORS = ['proactive_items', 'policy_interpretations', 'press_conferences']



# ---------- independent reading of the files ----------

def read_json(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f, parse_float=Decimal)


def cells_of(data):
    """{path: int | Decimal | None} of a parsed report file."""
    cells = {}
    for table, rows in (data.get('tables') or {}).items():
        for row, columns in (rows or {}).items():
            for column, value in (columns or {}).items():
                if isinstance(value, dict):
                    value = value.get('value')
                if isinstance(value, str):
                    value = Decimal(value)
                cells['%s/%s/%s' % (table, row, column)] = value
    return cells


def report_files(folder):
    """The *.json files of a folder in the rollup's order (byte order of names)."""
    return sorted((p for p in folder.iterdir() if p.name.endswith('.json')), key=lambda p: p.name.encode())


class Unit:
    def __init__(self, path, data):
        self.path = path
        self.data = data
        self.code = data['unit']['code']
        self.name = data['unit']['name']
        self.cells = cells_of(data)
        self.indicators = (data.get('extensions') or {}).get('indicators') or {}


def kept_units(folder, year=None):
    """Each unit once, the first file of a unit in path order; other years left out."""
    kept, seen = [], set()
    for path in report_files(folder):
        data = read_json(path)
        if year is not None and data['year'] != year:
            continue
        unit = Unit(path, data)
        if unit.code in seen:
            continue
        seen.add(unit.code)
        kept.append(unit)
    return kept


def roster_kinds(path):
    return {u['code']: KIND_NAMES[u['kind']] for u in read_json(path)['units']}


def cell_sums(units, paths):
    """The cell-wise sums: blank only where every unit is blank."""
    sums = {}
    for path in paths:
        values = [u.cells[path] for u in units if u.cells.get(path) is not None]
        sums[path] = sum(values) if values else None
    return sums


def v0(cells, path):
    value = cells.get(path)
    return 0 if value is None else value


def scaled(value):
    """A Decimal amount in 1/GOVSTATS_AMOUNT_SCALE, as the library keeps it."""
    result = value * 10000
    assert result == int(result)
    return int(result)


def amount_text(value):
    value = Decimal(value)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), 'f')


def rule_instances(cells):
    """The consolidated equations of the 2021 layout, blank as 0:
    {(rule, context): (lhs, rhs)}."""
    out = {}
    for row in APPLICATION_ROWS_2021:
        out[('applications.row_total', row)] = (
            sum(v0(cells, 'applications/%s/%s' % (row, c)) for c in APPLICANTS),
            v0(cells, 'applications/%s/total' % row))
    for column in APPLICANTS + ['total']:
        out[('applications.outcome_sum', column)] = (
            sum(v0(cells, 'applications/%s/%s' % (r, column)) for r in OUTCOME_LEAVES_2021),
            v0(cells, 'applications/total/%s' % column))
        out[('applications.balance', column)] = (
            v0(cells, 'applications/received/%s' % column) + v0(cells, 'applications/carried_over/%s' % column),
            v0(cells, 'applications/total/%s' % column) + v0(cells, 'applications/carried_forward/%s' % column))
    for row in REVIEW_ROWS:
        out[('review_litigation.row_total', row)] = (
            sum(v0(cells, 'review_litigation/%s/%s' % (row, p)) for p in REVIEW_PARTS),
            v0(cells, 'review_litigation/%s/total' % row))
    return out


def context_of(finding):
    first = finding.get_cells()[0].split('/')
    return first[1] if finding.get_rule_id().endswith('row_total') else first[2]


# ---------- library helpers ----------

def new_rollup(roster=ROSTER_2021):
    rollup = Govstats.Rollup.new()
    if roster is not None:
        rollup.set_roster(Govstats.Roster.new_from_file(str(roster)))
    return rollup


def all_cells(report):
    return dict(report.cells())


def rollup_findings(rollup):
    return list(rollup.get_findings())


def by_rule(findings, rule):
    return [f for f in findings if f.get_rule_id() == rule]


def finding_key(f):
    return (f.get_rule_id(), f.get_unit_code(), tuple(f.get_units()), tuple(f.get_cells()),
            f.get_fingerprint(), tuple(f.get_values()), f.get_outcome(), f.get_file())


def assert_govstats_error(error, code):
    assert isinstance(error, GLib.Error)
    assert error.domain == DOMAIN
    assert error.code == int(code), (error.code, error.message)
    assert error.matches(Govstats.error_quark(), code)


@pytest.fixture(scope='module')
def rollup_2021():
    rollup = new_rollup()
    progress = []
    rollup.connect('progress', lambda r, done, total: progress.append((done, total)))
    assert rollup.add_files([str(UNITS_2021)], None)
    report = rollup.consolidate()
    return rollup, report, progress


@pytest.fixture(scope='module')
def units_2021():
    return kept_units(UNITS_2021)


def copy_units(tmp_path, folder=UNITS_2021):
    target = tmp_path / 'units'
    shutil.copytree(folder, target)
    return target


# ---------- the 2021 roll-up, synchronously ----------

def test_kept_files_are_the_first_of_each_unit(units_2021):
    names = [u.path.name for u in units_2021]
    assert len(units_2021) == 58
    # '-' sorts before '.', so the resubmission is the first D07 file.
    assert 'D07-resubmitted.json' in names and 'D07.json' not in names
    assert 'T16.json' not in names


def test_sync_rollup_equals_independent_cell_sums(rollup_2021, units_2021):
    rollup, report, progress = rollup_2021
    schema = report.get_schema()
    assert report.get_version() == '2021'
    assert report.get_year() == 2021
    assert report.get_scope() == Govstats.Scope.AGGREGATE
    assert report.get_unit_name() == read_json(ROSTER_2021)['name'] == rollup.get_name()
    assert rollup.get_n_units() == 58
    # At most one signal a file, done growing, and always the last (59, 59).
    assert progress[-1] == (59, 59)
    assert all(total == 59 for _, total in progress)
    assert all(a[0] < b[0] for a, b in zip(progress, progress[1:]))

    expected = cell_sums(units_2021, schema.dup_cell_paths(None))
    got = all_cells(report)
    assert list(got) == list(schema.dup_cell_paths(None))
    assert got == expected
    # Amounts are exact decimals, not floats.
    assert isinstance(got['art20_8/fees/amount'], Decimal)
    assert got['art20_8/fees/amount'] == Decimal('613.5241') + Decimal('45.231') + Decimal('1234.5678') + \
        Decimal('88.12') + Decimal('36.8')
    # The documented county figures.
    assert got['applications/received/total'] == 637
    assert sum(got['applications/received/%s' % c] for c in APPLICANTS) == 644
    # Blank only where every unit is blank: the legacy single （六） row of 2021.
    assert [p for p, v in got.items() if v is None] == \
        [p for p in schema.dup_cell_paths(None) if all(u.cells.get(p) is None for u in units_2021)]


def test_sources_list_every_unit_once(rollup_2021, units_2021):
    _, report, _ = rollup_2021
    sources = report.get_sources()
    listed = [(sources.get_object_element(i).get_string_member('code'),
               sources.get_object_element(i).get_string_member('name'),
               sources.get_object_element(i).get_string_member('file'))
              for i in range(sources.get_length())]
    assert listed == [(u.code, u.name, str(u.path)) for u in units_2021]


def test_findings_of_the_consolidation(rollup_2021):
    rollup, _, _ = rollup_2021
    findings = rollup_findings(rollup)
    consolidation = sorted((f.get_rule_id(), f.get_unit_code()) for f in findings
                           if f.get_rule_id().startswith('rollup.') or f.get_rule_id() == 'input.invalid')
    assert consolidation == [('rollup.duplicate_unit', 'D07'), ('rollup.missing_unit', 'T16'),
                             ('rollup.unit_inconsistent', 'D08'), ('rollup.unit_inconsistent', 'D10'),
                             ('rollup.unit_inconsistent', 'T09')]
    roster = read_json(ROSTER_2021)
    names = {u['code']: u['name'] for u in roster['units']}
    for f in findings:
        if f.get_rule_id().startswith('rollup.'):
            assert f.get_severity() == Govstats.Severity.ERROR
            assert f.counts_as_error()
            assert list(f.get_units()) == [f.get_unit_code()]
            assert f.get_unit_name() == names[f.get_unit_code()]

    missing = by_rule(findings, 'rollup.missing_unit')[0]
    assert names['T16'] in missing.get_message('zh') and 'T16' in missing.get_message('en')

    duplicate = by_rule(findings, 'rollup.duplicate_unit')[0]
    for lang in ('zh', 'en'):
        assert str(UNITS_2021 / 'D07.json') in duplicate.get_message(lang)
        assert str(UNITS_2021 / 'D07-resubmitted.json') in duplicate.get_message(lang)
    assert duplicate.get_file() == str(UNITS_2021 / 'D07.json')

    inconsistent = {f.get_unit_code(): f for f in by_rule(findings, 'rollup.unit_inconsistent')}
    assert 'review_litigation.row_total' in inconsistent['D08'].get_message('en')
    assert 'applications.row_total' in inconsistent['D10'].get_message('en')
    assert 'applications.outcome_sum' in inconsistent['D10'].get_message('en')
    assert 'applications.row_total' in inconsistent['T09'].get_message('en')
    for code, f in inconsistent.items():
        assert f.get_file() == str(UNITS_2021 / ('%s.json' % code))

    # The units' own findings come along, with their files.
    own = {(f.get_rule_id(), f.get_unit_code()) for f in findings if f.get_file() and f.get_unit_code()
           and not f.get_rule_id().startswith('rollup.')}
    assert {('applications.row_total', 'D10'), ('applications.outcome_sum', 'D10'),
            ('hint.likely_wrong_cell', 'D10'), ('review_litigation.row_total', 'D08'),
            ('applications.row_total', 'T09'), ('cells.blank', 'T09'), ('cells.blank', 'T05'),
            ('cells.blank', 'T12'), ('cells.blank', 'T14')} == own
    # Nothing else went wrong.
    assert not by_rule(findings, 'rollup.unexpected_unit') and not by_rule(findings, 'rollup.year_mismatch')
    assert not by_rule(findings, 'rollup.mixed_version') and not by_rule(findings, 'input.invalid')


def test_consolidated_findings_name_the_responsible_units(rollup_2021, units_2021):
    rollup, report, _ = rollup_2021
    sums = cell_sums(units_2021, report.get_schema().dup_cell_paths(None))
    expected = {}
    for key, (lhs, rhs) in rule_instances(sums).items():
        if lhs == rhs:
            continue
        responsible = frozenset(u.code for u in units_2021
                                if rule_instances(u.cells)[key][0] != rule_instances(u.cells)[key][1])
        expected[key] = (lhs, rhs, responsible)
    # The documented inheritance: row 予以公开 and column 自然人 from D10, the
    # 总计 column from T09, the review row from D08.
    assert expected[('applications.outcome_sum', 'natural_person')][2] == {'D10'}
    assert expected[('applications.row_total', 'disclosed')][2] == {'D10', 'T09'}
    assert expected[('applications.row_total', 'received')] == (644, 637, {'T09'})
    assert expected[('review_litigation.row_total', 'review')][2] == {'D08'}
    assert not any(rule == 'applications.balance' for rule, _ in expected)

    got = {}
    for f in rollup_findings(rollup):
        if f.get_unit_code() is not None or f.get_file() is not None:
            continue
        if f.get_rule_id() not in {rule for rule, _ in expected} | {'applications.balance'}:
            continue
        ok, exp, act = f.get_values()
        assert ok and f.get_outcome() == Govstats.Outcome.FAILED
        got[(f.get_rule_id(), context_of(f))] = (exp, act, frozenset(f.get_units()))
    assert got == expected


def test_contributions_of_a_cell(rollup_2021, units_2021):
    rollup, report, _ = rollup_2021
    kinds = roster_kinds(ROSTER_2021)
    for path in ('applications/received/total', 'applications/disclosed/natural_person',
                 'art20_6/penalty/decisions', 'applications/partially_disclosed/total'):
        contributions = list(rollup.get_contributions(path))
        assert len(contributions) == 58
        assert [c.unit_code for c in contributions] == [u.code for u in units_2021]
        assert [c.unit_name for c in contributions] == [u.name for u in units_2021]
        assert [c.file for c in contributions] == [str(u.path) for u in units_2021]
        assert [c.unit_kind for c in contributions] == [kinds[u.code] for u in units_2021]
        assert [(c.is_set, c.value if c.is_set else None) for c in contributions] == \
            [(u.cells.get(path) is not None, u.cells.get(path)) for u in units_2021]
        assert sum(c.value for c in contributions if c.is_set) == report[path]
    # T09 left its 总计 blank; D07 is its first file, the resubmission.
    received = {c.unit_code: c for c in rollup.get_contributions('applications/received/total')}
    assert received['T09'].is_set is False
    assert received['D07'].file.endswith('D07-resubmitted.json')
    partially = {c.unit_code: c.value for c in rollup.get_contributions('applications/partially_disclosed/total')}
    assert partially['D07'] == 3
    # Amounts are exact Decimals, as each unit's file prints them.
    fees = list(rollup.get_contributions('art20_8/fees/amount'))
    assert all(type(c.value) is Decimal for c in fees if c.is_set)
    assert sum(c.value for c in fees if c.is_set) == report['art20_8/fees/amount']
    assert {c.unit_code: c.value for c in fees if c.value} == \
        {u.code: u.cells['art20_8/fees/amount'] for u in units_2021 if u.cells.get('art20_8/fees/amount')}


def test_contributions_of_a_bad_path(rollup_2021):
    rollup, _, _ = rollup_2021
    with pytest.raises(GLib.Error) as info:
        rollup.get_contributions('applications/nowhere/total')
    assert_govstats_error(info.value, Govstats.Error.UNKNOWN_KEY)
    with pytest.raises(GLib.Error) as info:
        rollup.get_contributions('art20_9/procurement/amount')
    assert_govstats_error(info.value, Govstats.Error.VERSION_MISMATCH)


def expected_breakdown(parts, have, is_amount, lang):
    groups = [parts[Govstats.UnitKind.GOVERNMENT] + parts[Govstats.UnitKind.DEPARTMENT],
              parts[Govstats.UnitKind.TOWN], parts[Govstats.UnitKind.OTHER]]
    have_group = [have[Govstats.UnitKind.GOVERNMENT] or have[Govstats.UnitKind.DEPARTMENT],
                  have[Govstats.UnitKind.TOWN], have[Govstats.UnitKind.OTHER]]
    zh_names = ['政府及其部门', '各乡镇（街道）', '其他单位']
    en_names = ['the government and its departments', 'towns and sub-districts', 'other units']
    total = sum(groups)
    pieces = []
    for g in range(3):
        if not have_group[g]:
            continue
        text = amount_text(Decimal(groups[g]) / 10000) if is_amount else str(groups[g])
        share = 100.0 * groups[g] / total if total else None
        if lang == 'en':
            pieces.append('%s %s (%.1f%%)' % (en_names[g], text, share) if total else '%s %s' % (en_names[g], text))
        else:
            pieces.append('%s %s，占 %.1f%%' % (zh_names[g], text, share) if total else '%s %s' % (zh_names[g], text))
    return ('; ' if lang == 'en' else '；').join(pieces)


@pytest.mark.parametrize('path', ['applications/received/total', 'applications/received/natural_person',
                                  'art20_6/penalty/decisions', 'art20_8/fees/amount',
                                  'review_litigation/review/total'])
def test_kind_values_and_breakdown(rollup_2021, units_2021, path):
    rollup, report, _ = rollup_2021
    kinds = roster_kinds(ROSTER_2021)
    is_amount = report.get_schema().get_cell_kind(path) == Govstats.ValueKind.AMOUNT
    parts, have = {}, {}
    for kind in KIND_NAMES.values():
        values = [u.cells[path] for u in units_2021 if kinds[u.code] == kind and u.cells.get(path) is not None]
        have[kind] = bool(values)
        parts[kind] = sum(scaled(v) for v in values) if is_amount else sum(values)
        # The override gives amounts as Decimal; the C value is in 1/10000.
        expected = Decimal(parts[kind]) / 10000 if is_amount else parts[kind]
        assert tuple(rollup.get_kind_value(path, kind)) == (have[kind], expected)
        assert type(rollup.get_kind_value(path, kind).value) is (Decimal if is_amount else int)
    whole = scaled(report[path]) if is_amount else report[path]
    assert sum(parts.values()) == whole
    for lang in ('zh', 'en'):
        assert rollup.dup_breakdown_text(path, lang) == expected_breakdown(parts, have, is_amount, lang)


def test_indicators_split_by_kind(rollup_2021, units_2021):
    rollup, report, _ = rollup_2021
    kinds = roster_kinds(ROSTER_2021)
    assert list(rollup.dup_indicator_keys()) == INDICATORS
    extensions = report.get_extensions().get_object_member('indicators')
    for key in INDICATORS:
        total = sum(u.indicators[key] for u in units_2021)
        assert tuple(rollup.get_indicator(key)) == (True, total)
        assert extensions.get_int_member(key) == total
        parts, have = {}, {}
        for kind in KIND_NAMES.values():
            values = [u.indicators[key] for u in units_2021 if kinds[u.code] == kind]
            have[kind] = bool(values)
            parts[kind] = sum(values)
            assert tuple(rollup.get_indicator_kind_value(key, kind)) == (True, parts[kind])
        for lang in ('zh', 'en'):
            assert rollup.dup_indicator_breakdown_text(key, lang) == expected_breakdown(parts, have, False, lang)
    # The resubmitted D07 (342) is counted, not D07.json (330).
    d07 = [u for u in units_2021 if u.code == 'D07'][0]
    assert d07.indicators['proactive_items'] == 342
    assert tuple(rollup.get_indicator('no_such_indicator')) == (False, 0)
    assert rollup.dup_indicator_breakdown_text('no_such_indicator', 'zh') == ''


def test_previous_year_carry_holds_for_the_county(units_2021):
    last = cells_of(read_json(CONSOLIDATED_2020))
    rollup = new_rollup()
    rollup.set_previous(Govstats.Report.new_from_file(str(CONSOLIDATED_2020)))
    rollup.add_files([str(UNITS_2021)], None)
    report = rollup.consolidate()
    for c in APPLICANTS:
        assert report['applications/carried_over/%s' % c] == last['applications/carried_forward/%s' % c] == \
            sum(v0(u.cells, 'applications/carried_over/%s' % c) for u in units_2021)
    findings = rollup_findings(rollup)
    assert not [f for f in findings if f.get_rule_id().startswith('cross_year.')]


# ---------- 2020: reproduce consolidated.json ----------

def test_2020_rollup_reproduces_consolidated_json(tmp_path):
    expected_file = read_json(CONSOLIDATED_2020)
    expected = cells_of(expected_file)
    units = kept_units(UNITS_2020)
    assert len(units) == 59
    rollup = new_rollup(ROSTER_2020)
    assert rollup.add_files([str(UNITS_2020)], None)
    report = rollup.consolidate()
    assert report.get_version() == '2019' and report.get_year() == 2020
    got = all_cells(report)
    assert {p: v for p, v in got.items() if v is not None} == expected
    assert got == cell_sums(units, report.get_schema().dup_cell_paths(None))
    # (examples/data/README.md quotes 4745.2665 for this cell; the files say otherwise.)
    assert got['art20_9/procurement/amount'] == expected['art20_9/procurement/amount']
    assert isinstance(got['art20_9/procurement/amount'], Decimal)
    assert got['applications/received/total'] == 636
    # The tables of the saved file are those of consolidated.json, exactly.
    out = tmp_path / 'county.json'
    report.save_to_file(str(out))
    assert read_json(out)['tables'] == expected_file['tables']
    # No errors: blank cells only give warnings.
    findings = rollup_findings(rollup)
    assert not [f for f in findings if f.counts_as_error()]
    assert {f.get_rule_id() for f in findings} == {'cells.blank'}
    assert sorted({f.get_unit_code() for f in findings}) == ['T05', 'T11', 'T14']
    sources = report.get_sources()
    assert [sources.get_object_element(i).get_string_member('code') for i in range(sources.get_length())] == \
        [s['code'] for s in expected_file['sources']]


# ---------- asynchronously ----------

def run_async(rollup, paths, cancellable=None, timeout=60):
    loop = GLib.MainLoop()
    events = []

    def on_progress(_rollup, done, total):
        events.append(('progress', done, total))

    def on_done(source, result):
        try:
            events.append(('done', source.add_files_finish(result)))
        except GLib.Error as e:
            events.append(('error', e))
        loop.quit()

    def on_timeout():
        events.append(('timeout',))
        loop.quit()
        return GLib.SOURCE_REMOVE

    handler = rollup.connect('progress', on_progress)
    timer = GLib.timeout_add_seconds(timeout, on_timeout)
    rollup.add_files_async([str(p) for p in paths], cancellable, on_done)
    loop.run()
    if ('timeout',) not in events:
        GLib.source_remove(timer)
    # Let anything still queued for this context run, then stop listening.
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)
    rollup.disconnect(handler)
    return events


def test_async_progress_and_same_result_as_sync(rollup_2021):
    sync_rollup, sync_report, _ = rollup_2021
    rollup = new_rollup()
    events = run_async(rollup, [UNITS_2021])
    assert ('timeout',) not in events
    done_at = [i for i, e in enumerate(events) if e[0] == 'done']
    assert len(done_at) == 1 and events[done_at[0]] == ('done', True)
    progress = [e for e in events if e[0] == 'progress']
    assert progress, events
    # Progress is reported before the callback, growing, and done == total at the end.
    assert all(i < done_at[0] for i, e in enumerate(events) if e[0] == 'progress')
    assert progress[-1][1] == progress[-1][2] == 59
    assert [e[1] for e in progress] == sorted(e[1] for e in progress)
    report = rollup.consolidate()
    assert all_cells(report) == all_cells(sync_report)
    assert rollup.get_n_units() == sync_rollup.get_n_units()
    assert [finding_key(f) for f in rollup.get_findings()] == [finding_key(f) for f in sync_rollup.get_findings()]


def test_cancelled_sync_and_async():
    cancellable = Gio.Cancellable()
    cancellable.cancel()
    rollup = new_rollup()
    with pytest.raises(GLib.Error) as info:
        rollup.add_files([str(UNITS_2021)], cancellable)
    assert info.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)
    assert rollup.get_n_units() == 0

    rollup = new_rollup()
    events = run_async(rollup, [UNITS_2021], cancellable)
    errors = [e[1] for e in events if e[0] == 'error']
    assert len(errors) == 1, events
    assert errors[0].matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)
    assert errors[0].domain == 'g-io-error-quark'
    assert rollup.get_n_units() == 0


def test_missing_path_is_an_input_finding(tmp_path):
    # A path that is not a folder is taken as a report file.
    missing = tmp_path / 'no-such-file.json'
    rollup = new_rollup()
    assert rollup.add_files([str(missing), str(UNITS_2021 / 'D01.json')], None)
    rollup.consolidate()
    invalid = by_rule(rollup_findings(rollup), 'input.invalid')
    assert [f.get_file() for f in invalid] == [str(missing)]
    assert rollup.get_n_units() == 1


# ---------- an unreadable file in the folder ----------

def test_invalid_file_is_a_finding_and_the_rest_is_consolidated(tmp_path):
    folder = copy_units(tmp_path)
    broken = folder / 'D05.json'
    text = broken.read_text(encoding='utf-8')
    marker = '"received": {'
    index = text.index(marker) + len(marker)
    broken.write_text(text[:index] + ',' + text[index:], encoding='utf-8')
    line = text[:index].count('\n') + 1
    column = index - (text.rfind('\n', 0, index) + 1) + 1

    rollup = new_rollup()
    assert rollup.add_files([str(folder)], None)
    report = rollup.consolidate()
    findings = rollup_findings(rollup)
    invalid = by_rule(findings, 'input.invalid')
    assert len(invalid) == 1
    f = invalid[0]
    assert f.get_severity() == Govstats.Severity.ERROR and f.counts_as_error()
    assert f.get_file() == str(broken)
    assert (f.get_line(), f.get_column()) == (line, column)
    assert f.get_message('en').startswith('%s:%d:%d:' % (broken, line, column))
    data = json.loads(Json.to_string(f.to_json('en'), False))
    assert (data['file'], data['line'], data['column']) == (str(broken), line, column)

    # The other 57 units are consolidated; D05 is missing, like T16.
    units = [u for u in kept_units(UNITS_2021) if u.code != 'D05']
    assert rollup.get_n_units() == 57
    assert all_cells(report) == cell_sums(units, report.get_schema().dup_cell_paths(None))
    assert sorted(f.get_unit_code() for f in by_rule(findings, 'rollup.missing_unit')) == ['D05', 'T16']


def test_add_file_of_an_invalid_file(tmp_path):
    path = tmp_path / 'bad.json'
    path.write_bytes('{"govstats": 1, "version": "2021", "year": 2021,\n "unit": {"name": "示例县"}\n'
                     .encode('gb18030'))
    rollup = new_rollup(None)
    with pytest.raises(GLib.Error) as info:
        rollup.add_file(str(path))
    assert info.value.domain == DOMAIN
    rollup.consolidate()
    invalid = by_rule(rollup_findings(rollup), 'input.invalid')
    assert len(invalid) == 1 and invalid[0].get_file() == str(path)
    assert invalid[0].get_message(None) == info.value.message
    assert rollup.get_n_units() == 0


# ---------- layouts and years ----------

def make_2019_layout_t16(folder, year):
    """T16's report of 2020 (layout 2019), as if printed for another year."""
    text = (UNITS_2020 / 'T16.json').read_text(encoding='utf-8')
    assert text.count('"year": 2020') == 1
    text = text.replace('"year": 2020', '"year": %d' % year)
    path = folder / 'T16.json'
    path.write_text(text, encoding='utf-8')
    data = read_json(path)
    assert data['version'] == '2019' and data['year'] == year
    return path, data


def test_mixed_version_names_what_was_left_out(tmp_path):
    folder = copy_units(tmp_path)
    path, data = make_2019_layout_t16(folder, 2021)
    t16 = cells_of(data)
    left_out = sorted(p for p, v in t16.items() if v is not None and (
        p.split('/')[2] in ONLY_2019_COLUMNS or tuple(p.split('/')[:2]) in ONLY_2019_ROWS
        or p.split('/')[0] in ONLY_2019_TABLES))
    assert left_out

    rollup = new_rollup()
    rollup.add_files([str(folder)], None)
    report = rollup.consolidate()
    assert report.get_version() == '2021'
    assert rollup.get_n_units() == 59
    findings = rollup_findings(rollup)
    mixed = by_rule(findings, 'rollup.mixed_version')
    assert len(mixed) == 1
    f = mixed[0]
    assert f.get_severity() == Govstats.Severity.ERROR
    assert sorted(f.get_cells()) == left_out
    for lang in ('zh', 'en'):
        message = f.get_message(lang)
        assert '示例县南岭乡' in message and '2019' in message and '2021' in message
    assert not by_rule(findings, 'rollup.missing_unit')

    # The cells both layouts share include T16; the 2019-only ones are not in the result.
    units = kept_units(UNITS_2021)
    for p in ('applications/received/total', 'applications/received/natural_person',
              'art20_5/licensing/decisions', 'art20_6/penalty/decisions', 'review_litigation/review/total'):
        assert report[p] == sum(v0(u.cells, p) for u in units) + v0(t16, p), p
    assert report['art20_8/fees/amount'] == sum(v0(u.cells, 'art20_8/fees/amount') for u in units)
    assert len(list(rollup.get_contributions('applications/received/total'))) == 59
    assert len(list(rollup.get_contributions('art20_8/fees/amount'))) == 58


def test_regression_mixed_version_names_its_units(tmp_path):
    # Every other rollup.* finding names its units (get_units, and
    # get_unit_code for one unit); rollup.mixed_version names them only in
    # its message, so a program reading --json cannot tell which reports
    # were cut down.
    folder = copy_units(tmp_path)
    make_2019_layout_t16(folder, 2021)
    rollup = new_rollup()
    rollup.add_files([str(folder)], None)
    rollup.consolidate()
    mixed = by_rule(rollup_findings(rollup), 'rollup.mixed_version')[0]
    assert list(mixed.get_units()) == ['T16']


def test_year_mismatch(tmp_path):
    folder = copy_units(tmp_path)
    shutil.copy(UNITS_2020 / 'T16.json', folder / 'T16.json')
    rollup = new_rollup()
    rollup.add_files([str(folder)], None)
    report = rollup.consolidate()
    findings = rollup_findings(rollup)
    mismatch = by_rule(findings, 'rollup.year_mismatch')
    assert len(mismatch) == 1
    f = mismatch[0]
    assert f.get_severity() == Govstats.Severity.ERROR
    assert (f.get_unit_code(), list(f.get_units()), f.get_file()) == ('T16', ['T16'], str(folder / 'T16.json'))
    assert tuple(f.get_values()) == (True, 2021, 2020)
    # Not consolidated: T16 is still missing and the sums are those of 2021.
    assert [x.get_unit_code() for x in by_rule(findings, 'rollup.missing_unit')] == ['T16']
    assert rollup.get_n_units() == 58
    units = kept_units(folder, year=2021)
    assert all_cells(report) == cell_sums(units, report.get_schema().dup_cell_paths(None))
    assert not by_rule(findings, 'rollup.mixed_version')


def test_year_mismatch_without_roster_follows_the_first_report():
    rollup = new_rollup(None)
    rollup.add_file(str(UNITS_2020 / 'D01.json'))
    rollup.add_file(str(UNITS_2021 / 'D01.json'))
    report = rollup.consolidate()
    assert report.get_year() == 2020 and rollup.get_n_units() == 1
    mismatch = by_rule(rollup_findings(rollup), 'rollup.year_mismatch')
    assert len(mismatch) == 1 and tuple(mismatch[0].get_values()) == (True, 2020, 2021)


def test_consolidation_of_no_unit_has_no_sources():
    # Regression: the on-disk unit store made it "sources": [].
    rollup = new_rollup(None)
    report = rollup.consolidate()
    assert rollup.get_n_units() == 0
    assert report.get_sources() is None
    assert 'sources' not in json.loads(report.to_data()[0])


def test_unexpected_unit(tmp_path):
    folder = copy_units(tmp_path)
    data = read_json(UNITS_2021 / 'D01.json')
    data['unit']['code'] = 'D99'
    data['unit']['name'] = '示例县新设局'
    (folder / 'D99.json').write_text(json.dumps(data, ensure_ascii=False, default=str), encoding='utf-8')
    rollup = new_rollup()
    rollup.add_files([str(folder)], None)
    report = rollup.consolidate()
    unexpected = by_rule(rollup_findings(rollup), 'rollup.unexpected_unit')
    assert len(unexpected) == 1
    assert unexpected[0].get_severity() == Govstats.Severity.WARNING
    assert unexpected[0].get_unit_code() == 'D99'
    # Consolidated all the same.
    assert rollup.get_n_units() == 59
    d01 = cells_of(read_json(UNITS_2021 / 'D01.json'))
    assert report['applications/received/total'] == 637 + d01['applications/received/total']
    assert report['art20_8/fees/amount'] == Decimal('2018.2429') + Decimal('613.5241')


# ---------- state as properties, findings as a model ----------

def summary_counts(findings):
    """errors, warnings as `govstats rollup` sums them up."""
    errors = warnings = 0
    for f in findings:
        if f.is_waived() or f.get_outcome() == Govstats.Outcome.UNCERTAIN:
            continue
        if f.get_severity() == Govstats.Severity.ERROR:
            errors += 1
        elif f.get_severity() == Govstats.Severity.WARNING:
            warnings += 1
    return errors, warnings


class ModelMirror:
    """What a list view sees: the items-changed signals applied to a list."""

    def __init__(self, model):
        self.items = [model.get_item(i) for i in range(model.get_n_items())]
        self.changes = []
        model.connect('items-changed', self.on_changed)

    def on_changed(self, model, position, removed, added):
        self.changes.append((position, removed, added))
        self.items[position:position + removed] = [model.get_item(position + i) for i in range(added)]


def test_properties_equal_the_sample_county_counts():
    rollup = new_rollup()
    notified = []
    rollup.connect('notify', lambda _r, pspec: notified.append(pspec.name))
    model = rollup.props.findings_model
    assert model is rollup.get_findings_model()
    assert model.get_item_type() == Govstats.Finding.__gtype__
    mirror = ModelMirror(model)
    assert (rollup.props.n_units, rollup.props.n_files, rollup.props.n_findings, rollup.props.busy) == (0, 0, 0, False)
    assert rollup.props.name == read_json(ROSTER_2021)['name']

    busy_seen = []
    rollup.connect('notify::busy', lambda r, _p: busy_seen.append(r.props.busy))
    assert rollup.add_files([str(UNITS_2021)], None)
    files = report_files(UNITS_2021)
    assert rollup.props.n_files == len(files) == 59
    assert rollup.props.n_files_done == 59
    assert rollup.props.n_units == len(kept_units(UNITS_2021)) == 58
    assert busy_seen == [True, False]
    for name in ('n-files', 'n-files-done', 'n-units'):
        assert 1 <= notified.count(name) <= 59, (name, notified)
    assert 'n-findings' not in notified and mirror.changes == []

    del notified[:]
    rollup.consolidate()
    findings = rollup_findings(rollup)
    errors, warnings = summary_counts(findings)
    assert (len(findings), errors, warnings) == (27, 16, 9)
    assert rollup.props.n_findings == len(findings)
    assert (rollup.props.n_errors, rollup.props.n_warnings) == (errors, warnings)
    assert (model.props.n_errors, model.props.n_warnings) == (errors, warnings)
    # The model is the findings, and the signals add up to them.
    assert len(model) == model.props.n_items == len(findings)
    assert [f.get_fingerprint() for f in model] == [f.get_fingerprint() for f in findings]
    assert all(a is b for a, b in zip(mirror.items, findings))
    assert sum(added - removed for _, removed, added in mirror.changes) == len(findings)
    assert sorted(notified) == ['n-errors', 'n-findings', 'n-warnings']

    # Another report makes them stale: the model empties, the counts fall to 0.
    del notified[:]
    extra = Govstats.Report.new_for_version('2021')
    extra.set_unit_code('X99')
    extra.set_year(2021)
    rollup.add_report(extra)
    assert rollup.props.n_units == 59
    assert (rollup.props.n_findings, rollup.props.n_errors, rollup.props.n_warnings) == (0, 0, 0)
    assert mirror.items == [] and len(model) == 0
    assert sorted(notified) == ['n-errors', 'n-findings', 'n-units', 'n-warnings']


def test_name_and_roster_are_notified_on_change():
    rollup = Govstats.Rollup.new()
    notified = []
    rollup.connect('notify', lambda _r, pspec: notified.append(pspec.name))
    roster = Govstats.Roster.new_from_file(str(ROSTER_2021))
    rollup.props.roster = roster
    assert rollup.props.roster is roster
    assert sorted(notified) == ['name', 'roster']
    assert rollup.props.name == roster.get_name()
    rollup.set_roster(roster)
    rollup.props.name = roster.get_name()   # the name shown stays the same
    assert sorted(notified) == ['name', 'roster']
    rollup.props.name = '示例县人民政府'
    rollup.set_name('示例县人民政府')
    assert sorted(notified) == ['name', 'name', 'roster']
    assert rollup.get_name() == '示例县人民政府'


def test_findings_model_of_one_report_check():
    report = Govstats.Report.load(UNITS_2021 / 'D10.json')
    findings = Govstats.RuleSet.new(report.get_schema()).check(report, None)
    model = Govstats.FindingList.new()
    mirror = ModelMirror(model)
    model.set_findings(findings)
    assert len(model) == len(findings) > 0
    assert (model.props.n_errors, model.props.n_warnings) == summary_counts(findings)
    assert model.props.n_errors >= 1   # D10 breaks applications.outcome_sum
    assert mirror.changes == [(0, 0, len(findings))]
    # Dropping the first finding signals that one only.
    model.set_findings(findings[1:])
    assert mirror.changes[-1] == (0, 1, 0)
    assert mirror.items == list(model) == findings[1:]
    model.remove_all()
    assert mirror.items == [] and model.props.n_errors == 0


def slow_copy(tmp_path, n_slow, delay):
    """The 2021 units, the last `n_slow` of them named pipes written one by
    one, `delay` seconds apart: files that take longer than that to read."""
    import threading
    import time
    folder = copy_units(tmp_path)
    slow = report_files(folder)[-n_slow:]
    contents = []
    for path in slow:
        contents.append(path.read_bytes())
        path.unlink()
        os.mkfifo(path)

    def write():
        for path, data in zip(slow, contents):
            time.sleep(delay)
            with open(path, 'wb') as f:   # waits for the rollup to open it
                f.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return folder, writer


def test_progress_follows_files_that_take_longer_than_100ms(tmp_path):
    # Each slow file is written 150 ms after the one before was read, so at
    # least one of them is added 100 ms after the start or the last signal:
    # more than one signal, whatever the speed of the machine.
    folder, writer = slow_copy(tmp_path, 3, 0.15)
    rollup = new_rollup()
    progress = []
    rollup.connect('progress', lambda r, done, total: progress.append((done, total, r.props.n_files_done)))
    assert rollup.add_files([str(folder)], None)
    writer.join(10)
    assert len(progress) > 1, progress
    assert progress[-1] == (59, 59, 59)
    assert all(total == 59 and shown == done for done, total, shown in progress)
    assert all(a[0] < b[0] for a, b in zip(progress, progress[1:]))
    assert rollup.get_n_units() == 58


def test_progress_comes_while_the_next_file_is_still_loading(tmp_path):
    # The last file is a named pipe written a second after the rollup opens
    # it. The file before it is added long before: whether or not it was
    # signalled when added, it is signalled within 100 ms, not only once
    # the slow file is in.
    import threading
    import time
    folder = copy_units(tmp_path)
    last = report_files(folder)[-1]
    data = last.read_bytes()
    last.unlink()
    os.mkfifo(last)
    waited = []

    def write():
        with open(last, 'wb') as f:   # returns once the rollup opens it
            time.sleep(1.0)
            waited.append(time.monotonic())
            f.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    rollup = new_rollup()
    progress = []
    rollup.connect('progress', lambda r, done, total: progress.append((done, time.monotonic())))
    assert rollup.add_files([str(folder)], None)
    writer.join(10)
    done = [d for d, _ in progress]
    assert done[-2:] == [58, 59], done
    # 58 was signalled before the slow file had been written.
    assert progress[-2][1] < waited[0]
    assert all(a < b for a, b in zip(done, done[1:]))


# ---------- cancelling, and a second call while busy ----------

def test_cancel_stops_before_the_next_slow_file(tmp_path):
    # Regression: a cancel was heeded only between batches of 256 files, so
    # every file was still added, and the callback then said CANCELLED.
    # Files 6 to 59 are named pipes; the writer fills 6, 7 and 8, 50 ms
    # apart, then no more until the cancel: the run waits for file 9, and
    # a progress handler cancels once a slow file is in. The run stops
    # there, the rollup holds the files before the cancel as if they alone
    # had been given, and its last signal and properties say how many.
    import errno
    import threading
    import time
    folder = copy_units(tmp_path)
    files = report_files(folder)
    contents = {}
    for path in files[5:]:
        contents[path] = path.read_bytes()
        path.unlink()
        os.mkfifo(path)
    cancelled = threading.Event()
    finished = threading.Event()

    def write():
        for path in files[5:8]:
            time.sleep(0.05)
            with open(path, 'wb') as f:   # waits for the rollup to open it
                f.write(contents[path])
        cancelled.wait(30)
        # Whatever is still being read gets an empty file: left out anyway.
        while not finished.is_set():
            for path in files[8:]:
                try:
                    os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
                except OSError as e:
                    if e.errno != errno.ENXIO:
                        raise
            time.sleep(0.01)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    cancellable = Gio.Cancellable()
    rollup = new_rollup()
    shown = []

    def on_progress(r, done, _total):
        shown.append((done, r.props.n_files_done, r.props.n_units))
        if done >= 6:
            cancellable.cancel()
            cancelled.set()

    rollup.connect('progress', on_progress)
    try:
        events = run_async(rollup, [folder], cancellable)
    finally:
        cancelled.set()
        finished.set()
        writer.join(10)
    errors = [e[1] for e in events if e[0] == 'error']
    assert len(errors) == 1, events
    assert errors[0].matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)
    progress = [e for e in events if e[0] == 'progress']
    done = progress[-1][1]
    assert 6 <= done <= 8, progress
    assert progress[-1][2] == 59
    assert rollup.props.n_files_done == done and rollup.props.n_files == 59
    assert shown[-1] == (done, done, rollup.get_n_units())
    assert rollup.props.n_units == rollup.get_n_units() and not rollup.props.busy

    reference = new_rollup()
    assert reference.add_files([str(UNITS_2021 / p.name) for p in files[:done]], None)
    assert rollup.get_n_units() == reference.get_n_units()
    assert all_cells(rollup.consolidate()) == all_cells(reference.consolidate())
    key = lambda f: (f.get_rule_id(), f.get_unit_code(), tuple(f.get_cells()), tuple(f.get_values()))  # noqa: E731
    assert [key(f) for f in rollup.get_findings()] == [key(f) for f in reference.get_findings()]
    assert [c.file for c in rollup.get_contributions('applications/received/total')] == \
        [str(p) for p in files[:done] if p.name != 'D07.json']


def test_cancel_after_the_last_file_is_no_error():
    # Regression: the task looked at the cancellable once finished, and a
    # run that had added every file came back CANCELLED.
    cancellable = Gio.Cancellable()
    rollup = new_rollup()
    rollup.connect('progress', lambda r, done, total: done == total and cancellable.cancel())
    events = run_async(rollup, [UNITS_2021], cancellable)
    assert events[-1] == ('done', True), events
    assert cancellable.is_cancelled()
    assert rollup.get_n_units() == 58 and rollup.props.n_files_done == 59


def test_add_files_while_busy_is_an_error():
    # Regression: a second call while the first ran failed a critical check
    # and its callback never came.
    rollup = new_rollup()
    loop = GLib.MainLoop()
    results = {}

    def on_done(name):
        def done(source, result):
            try:
                results[name] = source.add_files_finish(result)
            except GLib.Error as e:
                results[name] = e
            if len(results) == 2:
                loop.quit()
        return done

    rollup.add_files_async([str(UNITS_2021)], None, on_done('first'))
    rollup.add_files_async([str(UNITS_2021)], None, on_done('second'))
    assert results == {}
    with pytest.raises(GLib.Error) as info:
        rollup.add_files([str(UNITS_2021)], None)
    assert info.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.PENDING)
    timer = GLib.timeout_add_seconds(60, loop.quit)
    loop.run()
    GLib.source_remove(timer)
    assert results['first'] is True
    assert isinstance(results['second'], GLib.Error)
    assert results['second'].matches(Gio.io_error_quark(), Gio.IOErrorEnum.PENDING)
    assert rollup.get_n_units() == 58 and rollup.props.n_files_done == 59


# ---------- the findings model's counts ----------

def test_findings_model_counts_are_current_in_items_changed_and_follow_waivers():
    # Regression: items-changed came before the counts were updated, and a
    # waiver of a finding already in the model changed no count.
    rollup = new_rollup()
    model = rollup.get_findings_model()
    seen = []
    model.connect('items-changed', lambda m, *_: seen.append(
        (m.get_n_items(), m.props.n_errors, rollup.props.n_findings, rollup.props.n_errors)))
    assert rollup.add_files([str(UNITS_2021)], None)
    rollup.consolidate()
    findings = rollup_findings(rollup)
    errors, _warnings = summary_counts(findings)
    assert seen == [(len(findings), errors, len(findings), errors)] and errors > 0

    notified = []
    rollup.connect('notify::n-errors', lambda r, _p: notified.append(r.props.n_errors))
    first_error = next(f for f in model if f.counts_as_error())
    first_error.waive('accepted', 'county office')
    assert first_error.props.waived
    assert (model.props.n_errors, rollup.props.n_errors) == (errors - 1, errors - 1)
    assert notified == [errors - 1]

    assert rollup.add_file(str(UNITS_2021 / 'D10.json'))
    assert seen[-1] == (0, 0, 0, 0)
