# test_override_rollup.py — the override of Rollup, Contribution, Finding and
# Roster, file names as os.PathLike, and bad paths raising instead of criticals
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Expected values are read from the example county's files (示例县, 2020 and
# 2021) with Python's json module, amounts as decimal.Decimal, and compared
# with what the override gives.

import json
import os
import pathlib
import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest

import gi
gi.require_version('Govstats', '1.0')
from gi.repository import GLib, Gio, Govstats  # noqa: E402
from gi.module import get_introspection_module  # noqa: E402

from conftest import EXAMPLES, SOURCE_ROOT, read_json_cells  # noqa: E402

C = get_introspection_module('Govstats')   # the C API, without the override

UNITS_2020 = EXAMPLES / '2020' / 'units'
UNITS_2021 = EXAMPLES / '2021' / 'units'
ROSTER_2020 = EXAMPLES / '2020' / 'roster.json'
ROSTER_2021 = EXAMPLES / '2021' / 'roster.json'
ROSTER_2021_CSV = EXAMPLES / '2021' / 'roster.csv'
CONSOLIDATED_2020 = EXAMPLES / '2020' / 'consolidated.json'
RULES_DATA = SOURCE_ROOT / 'tests' / 'data' / 'rules'
IMPORT_DATA = SOURCE_ROOT / 'tests' / 'data' / 'import'
PROCUREMENT = 'art20_9/procurement/amount'     # 政府采购金额 (万元), 2019 layout
FEES = 'art20_8/fees/amount'                   # 收费金额 (万元), 2021 layout
KINDS = {'government': Govstats.UnitKind.GOVERNMENT, 'department': Govstats.UnitKind.DEPARTMENT,
         'town': Govstats.UnitKind.TOWN, 'other': Govstats.UnitKind.OTHER}


def read_json(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f, parse_float=Decimal)


def roster_kinds(path):
    return {u['code']: KINDS[u['kind']] for u in read_json(path)['units']}


def unit_files(folder):
    """{code: path} of the first file of each unit, in path order, as the rollup keeps them."""
    files = {}
    for path in sorted(folder.glob('*.json')):
        files.setdefault(read_json(path)['unit']['code'], path)
    return files


def new_rollup(units, roster):
    rollup = Govstats.Rollup.new()
    rollup.set_roster(Govstats.Roster.new_from_file(roster))      # a pathlib.Path
    assert rollup.add_files([units])                              # a list of pathlib.Path
    return rollup, rollup.consolidate()


@pytest.fixture(scope='module')
def rollup_2020():
    return new_rollup(UNITS_2020, ROSTER_2020)


@pytest.fixture(scope='module')
def rollup_2021():
    return new_rollup(UNITS_2021, ROSTER_2021)


# ---------- contributions: exact Decimals, as each unit's file prints them ----------

def test_override_classes():
    assert Govstats.Rollup.__module__ == 'gi.overrides.Govstats'
    assert Govstats.Contribution.__module__ == 'gi.overrides.Govstats'
    assert Govstats.Finding.__module__ == 'gi.overrides.Govstats'
    assert Govstats.Roster.__module__ == 'gi.overrides.Govstats'


def test_contribution_amounts_are_the_printed_amounts_2020(rollup_2020):
    rollup, county = rollup_2020
    files = unit_files(UNITS_2020)
    contributions = rollup.get_contributions(PROCUREMENT)
    assert type(contributions) is list and len(contributions) == len(files) == 59
    for c in contributions:
        assert type(c) is Govstats.Contribution
        printed = read_json_cells(files[c.unit_code]).get(PROCUREMENT)
        assert c.is_set == (printed is not None)
        assert c.value == printed, c.unit_code
        if c.is_set:
            assert type(c.value) is Decimal
            assert c.dup_value_text() == C.Report.new_from_file(str(files[c.unit_code])).dup_value_text(PROCUREMENT)
    # D06 printed it with its unit: {"value": 79.8499, "unit": "万元", ...}
    d06 = next(c for c in contributions if c.unit_code == 'D06')
    assert d06.value == Decimal('79.8499')
    assert (d06.value_kind, d06.unit_kind) == (Govstats.ValueKind.AMOUNT, Govstats.UnitKind.DEPARTMENT)
    # The sum of the contributions is the consolidated cell, and the county's
    # published consolidated report.
    total = sum(c.value for c in contributions if c.is_set)
    published = read_json(CONSOLIDATED_2020)['tables']['art20_9']['procurement']['amount']
    assert total == county[PROCUREMENT] == published == Decimal('5847.8856')


def test_contribution_amounts_are_the_printed_amounts_2021(rollup_2021):
    rollup, county = rollup_2021
    files = unit_files(UNITS_2021)
    fees = rollup.get_contributions(FEES)
    assert {c.unit_code: c.value for c in fees if c.is_set} == \
        {code: read_json_cells(path)[FEES] for code, path in files.items()
         if read_json_cells(path).get(FEES) is not None}
    assert sum(c.value for c in fees if c.is_set) == county[FEES] == Decimal('2018.2429')
    # The C field keeps the library's fixed point: the same amount, scaled.
    d01 = next(c for c in fees if c.unit_code == 'D01')
    assert d01.value == Decimal('613.5241')
    assert C.Contribution.value.__get__(d01) == 6135241 == d01.value * Govstats.AMOUNT_SCALE


def test_contribution_counts_and_blanks(rollup_2021):
    rollup, county = rollup_2021
    received = {c.unit_code: c for c in rollup.get_contributions('applications/received/total')}
    d01 = received['D01']
    assert (d01.is_set, d01.value, type(d01.value), d01.value_kind) == \
        (True, 10, int, Govstats.ValueKind.COUNT)
    assert received['T09'].is_set is False and received['T09'].value is None   # left blank
    assert received['T09'].dup_value_text() is None
    assert sum(c.value for c in received.values() if c.is_set) == county['applications/received/total']


def test_contribution_repr(rollup_2021):
    rollup, _ = rollup_2021
    received = {c.unit_code: c for c in rollup.get_contributions('applications/received/total')}
    assert repr(received['D01']) == '<Govstats.Contribution D01 示例县教育和体育局: 10>'
    assert repr(received['T09']).endswith(': blank>')
    fees = {c.unit_code: c for c in rollup.get_contributions(FEES)}
    assert repr(fees['D01']) == '<Govstats.Contribution D01 示例县教育和体育局: 613.5241>'


def test_explain_is_a_dict_of_the_units_that_set_the_cell(rollup_2020):
    rollup, county = rollup_2020
    files = unit_files(UNITS_2020)
    explained = rollup.explain(PROCUREMENT)
    expected = {code: read_json_cells(path)[PROCUREMENT] for code, path in files.items()
                if read_json_cells(path).get(PROCUREMENT) is not None}
    assert explained == expected
    assert list(explained) == [c.unit_code for c in rollup.get_contributions(PROCUREMENT) if c.is_set]
    assert sum(explained.values()) == county[PROCUREMENT]
    assert explained['D26'] == Decimal('187.0924')


# ---------- kind values and breakdowns ----------

def expected_breakdown(units, roster, path):
    kinds = roster_kinds(roster)
    parts = {}
    for code, file in unit_files(units).items():
        value = read_json_cells(file).get(path)
        if value is not None:
            parts[kinds[code]] = parts.get(kinds[code], 0) + value
    return parts


def test_breakdown_of_an_amount_2020(rollup_2020):
    rollup, county = rollup_2020
    parts = rollup.breakdown(PROCUREMENT)
    assert parts == expected_breakdown(UNITS_2020, ROSTER_2020, PROCUREMENT)
    assert set(parts) == {Govstats.UnitKind.GOVERNMENT, Govstats.UnitKind.DEPARTMENT, Govstats.UnitKind.TOWN}
    assert parts[Govstats.UnitKind.GOVERNMENT] == Decimal('187.0924')
    assert all(type(v) is Decimal for v in parts.values())
    assert sum(parts.values()) == county[PROCUREMENT]
    # get_kind_value gives the same parts, and (False, 0) for a kind that has none.
    for kind, value in parts.items():
        assert rollup.get_kind_value(PROCUREMENT, kind) == (True, value)
    other = rollup.get_kind_value(PROCUREMENT, Govstats.UnitKind.OTHER)
    assert other == (False, 0) and type(other.value) is Decimal
    # The C call gives the scaled sum.
    assert C.Rollup.get_kind_value(rollup, PROCUREMENT, Govstats.UnitKind.GOVERNMENT) == (True, 1870924)


@pytest.mark.parametrize('path', ['applications/received/total', FEES, 'review_litigation/review/total'])
def test_breakdown_2021(rollup_2021, path):
    rollup, county = rollup_2021
    parts = rollup.breakdown(path)
    assert parts == expected_breakdown(UNITS_2021, ROSTER_2021, path)
    assert sum(parts.values()) == county[path]
    kind = Decimal if path == FEES else int
    assert all(type(v) is kind for v in parts.values())
    assert rollup.get_kind_value(path, 'department') == (True, parts[Govstats.UnitKind.DEPARTMENT])


def test_indicators(rollup_2021):
    rollup, _ = rollup_2021
    kinds = roster_kinds(ROSTER_2021)
    totals, parts = {}, {}
    for code, file in unit_files(UNITS_2021).items():
        for key, value in read_json(file).get('extensions', {}).get('indicators', {}).items():
            totals[key] = totals.get(key, 0) + value
            by_kind = parts.setdefault(key, dict.fromkeys(KINDS.values(), 0))
            by_kind[kinds[code]] = by_kind.get(kinds[code], 0) + value
    assert totals, 'the 2021 units report indicators'
    assert rollup.indicators() == totals
    for key in totals:
        assert rollup.indicator_breakdown(key) == parts[key]
    with pytest.raises(KeyError):
        rollup.indicator_breakdown('no_such_indicator')
    with pytest.raises(TypeError):
        rollup.indicator_breakdown(3)


def test_check_path_gives_the_kind(rollup_2021):
    rollup, _ = rollup_2021
    assert rollup.check_path(FEES) == Govstats.ValueKind.AMOUNT
    assert rollup.check_path('applications/received/total') == Govstats.ValueKind.COUNT
    with pytest.raises(Govstats.PathError) as info:
        rollup.check_path(PROCUREMENT)
    assert info.value.code == Govstats.Error.VERSION_MISMATCH


# ---------- findings, rosters, rollups ----------

def test_rollup_findings_and_repr(rollup_2021):
    rollup, _ = rollup_2021
    findings = rollup.get_findings()
    assert type(findings) is list and findings
    errors = sum(1 for f in findings if f.counts_as_error())
    assert repr(rollup).startswith('<Govstats.Rollup 示例县, 58 units, %d findings (%d errors) at 0x'
                                   % (len(findings), errors))
    duplicate = next(f for f in findings if f.rule == 'rollup.duplicate_unit')
    assert duplicate.get_unit_code() == 'D07'
    assert repr(duplicate).startswith('<Govstats.Finding rollup.duplicate_unit error D07 ')


def test_finding_of_a_balance_rule():
    report = Govstats.Report.load(UNITS_2021 / 'D01.json')
    report['applications/received/total'] += 1
    findings = report.check()
    assert type(findings) is list
    f = next(f for f in findings if f.rule == 'applications.balance')
    assert f.severity == Govstats.Severity.ERROR
    assert f.cells == list(f.get_cells()) and 'applications/received/total' in f.cells
    assert type(f.cells) is list
    has, expected, actual = C.Finding.get_values(f)
    assert has and (f.expected, f.actual) == (expected, actual)
    assert type(f.expected) is int
    assert abs(f.expected - f.actual) == 1
    assert f.message == f.get_message(None) and f.message
    assert repr(f) == '<Govstats.Finding applications.balance error D01 示例县教育和体育局 cells=%r expected=%d actual=%d>' \
        % (f.cells, f.expected, f.actual)
    assert str(f) == f.to_string(None)


def test_finding_amount_values():
    f = Govstats.Finding.new('custom.fees', Govstats.Severity.WARNING, '收费不符', None)
    assert (f.expected, f.actual, f.get_values()) == (None, None, (False, 0, 0))
    f.set_values(Decimal('613.5241'), Decimal('1234.5678'))
    assert f.get_value_kind() == Govstats.ValueKind.AMOUNT
    assert (f.expected, f.actual) == (Decimal('613.5241'), Decimal('1234.5678'))
    assert f.get_values() == (True, Decimal('613.5241'), Decimal('1234.5678'))
    assert C.Finding.get_values(f) == (True, 6135241, 12345678)
    f.set_values(Decimal(5), 3, Govstats.ValueKind.AMOUNT)   # whole 万元, not 1/10,000
    assert (f.dup_expected_text(), f.dup_actual_text()) == ('5', '3')
    assert (type(f.expected), f.actual) == (Decimal, Decimal(3))
    f.set_values(-2, 4, Govstats.ValueKind.DELTA)
    assert (f.expected, f.actual) == (-2, 4) and type(f.expected) is int
    with pytest.raises(ValueError):
        f.set_values(Decimal('0.5'), 1, Govstats.ValueKind.COUNT)
    with pytest.raises(TypeError):
        f.set_values(1.5, 1)
    assert repr(f) == '<Govstats.Finding custom.fees warning expected=-2 actual=4>'


@pytest.mark.parametrize('source', [ROSTER_2021, ROSTER_2021_CSV])
def test_roster(source):
    roster = Govstats.Roster.new_from_file(source)
    units = read_json(ROSTER_2021)['units']
    assert len(roster) == roster.get_n_units() == len(units) == 59
    assert roster.codes() == list(roster) == [u['code'] for u in units]
    assert 'D01' in roster and 'ZZZ' not in roster and 1 not in roster
    assert roster.get_unit_name('D01') == '示例县教育和体育局'
    assert roster.get_unit_kind('T01') == Govstats.UnitKind.TOWN
    assert type(roster.get_unit_aliases('D01')) is list
    for call in (roster.get_unit_name, roster.get_unit_kind, roster.get_unit_aliases):
        with pytest.raises(KeyError):
            call('ZZZ')
        with pytest.raises(TypeError):
            call(None)
    if source.suffix == '.json':
        assert repr(roster).startswith('<Govstats.Roster 示例县 2021, 59 units at 0x')
    else:
        assert ', 59 units at 0x' in repr(roster)
    assert bool(Govstats.Roster.new_from_data('{"units": []}'))


# ---------- file names as os.PathLike ----------

def test_every_file_taking_call_takes_a_path(tmp_path):
    d01 = UNITS_2021 / 'D01.json'
    report = Govstats.Report.new_from_file(d01)
    assert report.to_data()[0] == Govstats.Report.load(d01).to_data()[0]
    target = tmp_path / 'out' / '..' / 'D01.json'
    (tmp_path / 'out').mkdir()
    assert report.save_to_file(target)
    assert Govstats.Report.load(str(target))['art20_8/fees/amount'] == Decimal('613.5241')
    assert report.save(tmp_path / 'again.json')
    assert (tmp_path / 'again.json').read_bytes() == target.read_bytes()
    report.set_filename(tmp_path / 'named.json')
    assert report.get_filename() == str(tmp_path / 'named.json')
    report.set_filename(None)
    assert report.get_filename() is None

    rollup = Govstats.Rollup.new()
    assert rollup.add_file(d01)
    assert rollup.add_files([UNITS_2021 / 'D02.json', str(UNITS_2021 / 'D03.json')])
    assert rollup.get_n_units() == 3

    rules = Govstats.RuleSet.new(Govstats.Schema.get_for_version('2021'))
    assert rules.add_rules_from_file(RULES_DATA / 'extra-province.json')
    assert rules.has_rule('province.no_fees')
    assert rules.load_waivers_from_file(RULES_DATA / 'waivers-d08.json')
    assert 'province.no_fees' in [f.rule for f in rules.check(report)]

    imported, findings = Govstats.import_file(IMPORT_DATA / 'synthetic-2019.plain.txt')
    assert type(findings) is list
    assert imported.get_version() == '2019'

    f = Govstats.Finding.new('x.y', Govstats.Severity.INFO, '说明', None)
    f.set_position(tmp_path / 'D01.json', 3, 7)
    assert (f.get_file(), f.get_line()) == (str(tmp_path / 'D01.json'), 3)
    error = GLib.Error('不能读取', 'govstats-error-quark', int(Govstats.Error.IO))
    assert Govstats.Finding.new_input_invalid(tmp_path / 'bad.json', error).get_file() == str(tmp_path / 'bad.json')

    with pytest.raises(TypeError) as info:
        Govstats.Report.load(42)
    assert 'os.PathLike' in str(info.value)
    with pytest.raises(TypeError):
        rollup.add_files(UNITS_2021)      # one path, not a list of them


def test_add_files_async_takes_paths():
    rollup = Govstats.Rollup.new()
    loop = GLib.MainLoop()
    results = []

    def done(source, result):
        results.append(source.add_files_finish(result))
        loop.quit()

    rollup.add_files_async([UNITS_2021], None, done)
    loop.run()
    assert results == [True]
    assert rollup.get_n_units() == 58


# ---------- render and import defaults ----------

def test_render_defaults():
    report = Govstats.Report.load(UNITS_2021 / 'D01.json')
    text = C.Report.render(report, Govstats.RenderFormat.TEXT, None, None, Govstats.RenderFlags.NONE)
    assert report.render() == text
    assert report.render('text') == report.render(Govstats.RenderFormat.TEXT) == text
    assert report.render('markdown', 'en') == \
        C.Report.render(report, Govstats.RenderFormat.MARKDOWN, 'en', None, Govstats.RenderFlags.NONE)
    assert report.render(format='csv-wide') == \
        C.Report.render(report, Govstats.RenderFormat.CSV_WIDE, None, None, Govstats.RenderFlags.NONE)
    html = report.render('html', flags=Govstats.RenderFlags.STANDALONE)
    assert html == C.Report.render(report, Govstats.RenderFormat.HTML, None, None, Govstats.RenderFlags.STANDALONE)
    assert html.lstrip().lower().startswith('<!doctype html>')
    report['applications/received/total'] += 1
    findings = report.check()
    with_findings = report.render(findings=findings)
    assert with_findings == C.Report.render(report, Govstats.RenderFormat.TEXT, None, findings,
                                            Govstats.RenderFlags.NONE)
    assert with_findings != report.render()
    with pytest.raises(ValueError) as info:
        report.render('pdf')
    assert 'markdown' in str(info.value)
    with pytest.raises(TypeError):
        report.render(None)


def test_import_defaults():
    source = IMPORT_DATA / 'synthetic-2019.html'
    report, findings = Govstats.import_file(source)
    c_report, c_findings = C.import_file(str(source), Govstats.ImportFormat.AUTO)
    assert report.to_data()[0] == c_report.to_data()[0]
    assert [f.get_fingerprint() for f in findings] == [f.get_fingerprint() for f in c_findings]
    again, _ = Govstats.import_file(source, 'html')
    assert again.to_data()[0] == report.to_data()[0]
    from_data, _ = Govstats.import_data(source.read_bytes(), name=source.name)
    assert from_data.to_data()[0] == C.import_data(source.read_bytes(), Govstats.ImportFormat.AUTO,
                                                   source.name)[0].to_data()[0]
    with pytest.raises(ValueError):
        Govstats.import_file(source, 'docx')
    text = Govstats.import_dup_text(source.read_bytes(), name=source.name)
    assert text == C.import_dup_text(source.read_bytes(), Govstats.ImportFormat.AUTO, source.name)
    assert '政府信息公开' in text


def test_rule_severity_of_an_unknown_rule():
    rules = Govstats.RuleSet.new(Govstats.Schema.get_for_version('2021'))
    assert rules.get_rule_severity('applications.balance') == Govstats.Severity.ERROR
    with pytest.raises(KeyError):
        rules.get_rule_severity('no.such_rule')
    with pytest.raises(TypeError):
        rules.get_rule_severity(None)


# ---------- bad paths raise, with no critical ----------

BAD_PATH_SCRIPT = textwrap.dedent('''
    import sys
    sys.path.insert(0, sys.argv[1])
    import conftest
    from gi.repository import Govstats
    units = conftest.EXAMPLES / '2021' / 'units'
    report = Govstats.Report.load(units / 'D01.json')
    schema = report.get_schema()
    rollup = Govstats.Rollup.new()
    rollup.add_files([units])
    rollup.consolidate()
    calls = {
        'report[]': lambda p: report[p],
        'report[]=': lambda p: report.__setitem__(p, 1),
        'get_value': lambda p: report.get_value(p),
        'lookup_value': lambda p: report.lookup_value(p),
        'set_value': lambda p: report.set_value(p, 1),
        'try_set_value': lambda p: report.try_set_value(p, 1),
        'set_blank': lambda p: report.set_blank(p),
        'is_blank': lambda p: report.is_blank(p),
        'get_cell_note': lambda p: report.get_cell_note(p),
        'set_cell_note': lambda p: report.set_cell_note(p, 'x'),
        'get_cell_raw': lambda p: report.get_cell_raw(p),
        'set_cell_raw': lambda p: report.set_cell_raw(p, 'x'),
        'get_cell_unit': lambda p: report.get_cell_unit(p),
        'set_cell_unit': lambda p: report.set_cell_unit(p, '元'),
        'dup_value_text': lambda p: report.dup_value_text(p),
        'set_value_text': lambda p: report.set_value_text(p, '1'),
        'schema.get_cell_kind': lambda p: schema.get_cell_kind(p),
        'rollup.get_contributions': lambda p: rollup.get_contributions(p),
        'rollup.explain': lambda p: rollup.explain(p),
        'rollup.breakdown': lambda p: rollup.breakdown(p),
        'rollup.get_kind_value': lambda p: rollup.get_kind_value(p, Govstats.UnitKind.TOWN),
        'rollup.dup_breakdown_text': lambda p: rollup.dup_breakdown_text(p, 'zh'),
        'rollup.check_path': lambda p: rollup.check_path(p),
    }
    for path in ['applications/nowhere/total', 'nope/received/total',
                 'applications/received/nope', 'art20_9/procurement/amount',
                 'applications/received', '', 42, None, b'applications/received/total']:
        for name, call in calls.items():
            try:
                call(path)
            except KeyError as e:
                kind = 'PathError' if isinstance(e, Govstats.PathError) else 'KeyError'
                print(name, repr(path), '%s %d' % (kind, e.code), sep='\t')
            except TypeError:
                print(name, repr(path), 'TypeError', sep='\t')
            else:
                print(name, repr(path), 'no exception', sep='\t')
    print('before', report.count_set_cells() == Govstats.Report.load(units / 'D01.json').count_set_cells())
''')


def test_bad_paths_raise_with_no_critical():
    env = dict(os.environ)
    env.pop('G_DEBUG', None)          # see criticals on stderr, do not abort
    result = subprocess.run([sys.executable, '-c', BAD_PATH_SCRIPT, str(pathlib.Path(__file__).parent)],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert 'CRITICAL' not in result.stderr and 'WARNING' not in result.stderr, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == 'before True'     # no bad call changed the report
    outcomes = {}
    for line in lines[:-1]:
        name, path, outcome = line.split('\t')
        outcomes[(name, path)] = outcome
    assert len(outcomes) == 23 * 9
    for (name, path), outcome in outcomes.items():
        if path in ("42", "None", "b'applications/received/total'"):
            expected = 'TypeError'
        elif path == "'art20_9/procurement/amount'":
            expected = 'PathError %d' % Govstats.Error.VERSION_MISMATCH
        else:
            expected = 'PathError %d' % Govstats.Error.UNKNOWN_KEY
        assert outcome == expected, (name, path)


def test_bad_paths_in_process_leave_the_rollup_usable(rollup_2021):
    rollup, county = rollup_2021
    with pytest.raises(KeyError):
        rollup.breakdown('applications/granted/total')
    with pytest.raises(GLib.Error):
        rollup.get_kind_value('applications/granted/total', Govstats.UnitKind.TOWN)
    with pytest.raises(ValueError):
        rollup.get_kind_value(FEES, 'province')
    assert rollup.get_kind_value(FEES, 'department').value == rollup.breakdown(FEES)[Govstats.UnitKind.DEPARTMENT]


# ---------- kind values as text, cells of findings, languages ----------

def test_dup_kind_value_text(rollup_2021):
    rollup, county = rollup_2021
    parts = expected_breakdown(UNITS_2021, ROSTER_2021, FEES)
    for kind in _all_kinds():
        text = rollup.dup_kind_value_text(FEES, kind)
        if kind in parts:
            assert Decimal(text) == parts[kind]
        else:
            assert text is None
    assert rollup.dup_kind_value_text(FEES, 'department') == \
        rollup.dup_kind_value_text(FEES, Govstats.UnitKind.DEPARTMENT)
    # A path that is not a cell raises PathError, as the other calls do.
    for path, code in (('x/y/z', Govstats.Error.UNKNOWN_KEY),
                       ('applications/withheld/total', Govstats.Error.UNKNOWN_KEY),
                       (PROCUREMENT, Govstats.Error.VERSION_MISMATCH)):
        with pytest.raises(Govstats.PathError) as info:
            rollup.dup_kind_value_text(path, Govstats.UnitKind.TOWN)
        assert isinstance(info.value, KeyError)
        assert info.value.matches(Govstats.error_quark(), code)
    with pytest.raises(TypeError):
        rollup.dup_kind_value_text(None, Govstats.UnitKind.TOWN)
    with pytest.raises(ValueError):
        rollup.dup_kind_value_text(FEES, 'county')


def _all_kinds():
    return list(KINDS.values())


def test_finding_set_cells_checks_paths():
    schema = Govstats.Schema.get_for_version('2021')
    report = Govstats.Report.load(UNITS_2021 / 'D01.json')
    f = Govstats.Finding.new('x.y', Govstats.Severity.INFO, '说明', None)
    fingerprint = f.get_fingerprint()
    f.set_cells(['applications/received/total', FEES])
    assert f.cells == ['applications/received/total', FEES]
    assert f.get_fingerprint() != fingerprint
    f.set_cells([FEES], schema)
    assert f.cells == [FEES]
    f.set_cells(('applications/received/total',), report)        # the report's layout
    assert f.cells == ['applications/received/total']
    f.set_cells([])
    assert f.cells == []
    # Not the form TABLE/ROW/COLUMN: PathError, and the cells stay.
    f.set_cells([FEES])
    for bad in (['x/y'], ['applications/received/total/x'], ['Applications/received/total'], [''],
                [FEES, 'a b/c/d']):
        with pytest.raises(Govstats.PathError):
            f.set_cells(bad)
    assert f.cells == [FEES]
    # Well formed, not a cell of the layout given.
    for bad, code in ((['x/y/z'], Govstats.Error.UNKNOWN_KEY),
                      ([FEES, PROCUREMENT], Govstats.Error.VERSION_MISMATCH)):
        with pytest.raises(Govstats.PathError) as info:
            f.set_cells(bad, schema)
        assert info.value.matches(Govstats.error_quark(), code)
    assert f.cells == [FEES]
    f.set_cells([PROCUREMENT], Govstats.Schema.get_for_version('2019'))
    assert f.cells == [PROCUREMENT]
    with pytest.raises(TypeError):
        f.set_cells(FEES)                  # one path, not a list
    with pytest.raises(TypeError):
        f.set_cells([FEES, 1])
    with pytest.raises(TypeError):
        f.set_cells([FEES], '2021')


def test_finding_and_rollup_texts_reject_an_unknown_language(rollup_2021):
    rollup, county = rollup_2021
    f = county.check()[0]
    assert f.get_message('en') != f.get_message('zh')
    assert f.get_message() == f.get_message(None) == f.message
    assert f.to_string('en_GB') == f.to_string('en')
    for call in (f.get_message, f.to_string, f.to_json,
                 lambda lang: rollup.dup_breakdown_text(FEES, lang),
                 lambda lang: rollup.dup_indicator_breakdown_text('proactive_items', lang)):
        assert call('en') is not None and call('zh') is not None
        with pytest.raises(ValueError):
            call('fr')
        with pytest.raises(TypeError):
            call(b'en')
    rules = Govstats.RuleSet.new(county.get_schema())
    assert rules.get_rule_statement('applications.balance', 'en') != \
        rules.get_rule_statement('applications.balance', 'zh')
    with pytest.raises(ValueError):
        rules.get_rule_statement('applications.balance', 'fr')
    with pytest.raises(ValueError):
        rules.to_markdown('ja')
    assert rules.to_markdown('en') != rules.to_markdown('zh')
