# test_override.py — the PyGObject override (bindings/python/gi/overrides/Govstats.py)
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import pathlib
import sys
from decimal import Decimal

import pytest

import gi
gi.require_version('Govstats', '1.0')
from gi.repository import GLib, Govstats  # noqa: E402

from conftest import D01, OVERRIDES_DIR  # noqa: E402

INT64_MAX = 2 ** 63 - 1


def test_override_comes_from_the_source_tree():
    module = sys.modules['gi.overrides.Govstats']
    assert pathlib.Path(module.__file__).resolve() == (OVERRIDES_DIR / 'Govstats.py').resolve()
    assert Govstats.Report.__module__ == 'gi.overrides.Govstats'
    assert Govstats.Schema.__module__ == 'gi.overrides.Govstats'
    # Objects made in C come back as the override classes.
    report = Govstats.Report.new_from_file(str(D01))
    assert type(report) is Govstats.Report
    assert type(report.get_schema()) is Govstats.Schema
    assert hasattr(report, 'cells')


# ---------- reading ----------

def test_getitem_types(d01, d01_json_cells):
    assert d01['applications/received/total'] == 10
    assert type(d01['applications/received/total']) is int
    amount = d01['art20_8/fees/amount']
    assert type(amount) is Decimal and amount == Decimal('613.5241')
    assert amount == d01_json_cells['art20_8/fees/amount']
    assert d01['applications/other/total'] is None          # not in the file: blank
    assert d01['applications/received/research'] == 0      # in the file as 0


def test_getitem_every_cell_matches_json_module(d01, d01_json_cells):
    for path in d01:
        assert d01[path] == d01_json_cells.get(path), path


def test_contains_and_len(d01):
    assert 'applications/received/total' in d01
    assert 'applications/other/total' in d01                # legacy row of 2021
    assert 'applications/withheld/total' not in d01         # a group row
    assert 'applications/granted/total' not in d01
    assert 'art20_9/procurement/amount' not in d01          # 2019 only
    assert 42 not in d01
    assert len(d01) == d01.get_schema().get_n_cells() == 207
    assert bool(Govstats.Report.new_for_version('2021'))    # empty, still true


def test_iteration_is_every_path_in_printed_order(d01):
    paths = list(d01)
    assert paths == list(d01.get_schema().dup_cell_paths(None))
    assert paths[0] == 'art20_1/regulations/issued'
    assert paths[-1] == 'review_litigation/litigation_after_review/total'


def test_cells(d01, d01_json_cells):
    cells = list(d01.cells())
    assert [path for path, _ in cells] == list(d01)
    assert len(cells) == 207
    expected = {path: d01_json_cells.get(path) for path in d01}
    assert dict(cells) == expected
    assert sum(1 for _, value in cells if value is not None) == d01.count_set_cells()
    only = list(d01.cells('review_litigation'))
    assert [p for p, _ in only] == list(d01.get_schema().dup_cell_paths('review_litigation'))
    assert dict(only)['review_litigation/review/corrected'] == 1


def test_table_in_one_call(d01, d01_json_cells):
    applications = d01.table('applications')
    assert list(applications) == list(d01.get_schema().dup_cell_paths('applications'))
    assert len(applications) == 26 * 7
    for path, value in applications.items():
        assert value == d01_json_cells.get(path), path
        assert value is None or type(value) is int
    fees = d01.table('art20_8')
    assert fees == {'art20_8/fees/amount': Decimal('613.5241')}
    assert type(fees['art20_8/fees/amount']) is Decimal


def test_table_beyond_2_53():
    report = Govstats.Report.new_for_version('2021')
    report['art20_6/penalty/decisions'] = INT64_MAX
    report['art20_6/enforcement/decisions'] = 2 ** 53 + 1
    assert report.table('art20_6') == {'art20_6/penalty/decisions': INT64_MAX,
                                       'art20_6/enforcement/decisions': 2 ** 53 + 1}


# ---------- writing ----------

def test_setitem_values():
    report = Govstats.Report.new_for_version('2021')
    report['applications/received/total'] = 5
    assert report.get_value('applications/received/total') == (True, 5)
    report['applications/received/total'] = 0
    assert report.lookup_value('applications/received/total') == (True, True, 0)
    report['applications/received/total'] = None
    assert report.lookup_value('applications/received/total') == (True, False, 0)
    report['applications/received/total'] = Decimal('7')     # a whole Decimal is fine for a count
    assert report['applications/received/total'] == 7
    report['applications/received/total'] = INT64_MAX
    assert report.dup_value_text('applications/received/total') == str(INT64_MAX)
    del report['applications/received/total']
    assert report.is_blank('applications/received/total')


@pytest.mark.parametrize('value, text', [
    (Decimal('1.5'), '1.5'),
    (Decimal('4068.208'), '4068.208'),
    (Decimal('96171.6'), '96171.6'),
    (Decimal('96171.6000'), '96171.6'),
    (Decimal('1E+3'), '1000'),
    (Decimal('0.0001'), '0.0001'),
    (5, '5'),
])
def test_setitem_amounts(value, text):
    report = Govstats.Report.new_for_version('2021')
    report['art20_8/fees/amount'] = value
    assert report.dup_value_text('art20_8/fees/amount') == text
    assert report['art20_8/fees/amount'] == Decimal(text)


@pytest.mark.parametrize('value', [1.5, 4068.208, '5', b'5', True, [1], object()])
def test_setitem_bad_types_are_type_errors(value):
    report = Govstats.Report.new_for_version('2021')
    with pytest.raises(TypeError):
        report['art20_8/fees/amount'] = value
    assert report.is_blank('art20_8/fees/amount')


def test_bad_path_types_are_type_errors(d01):
    with pytest.raises(TypeError):
        d01[0]
    with pytest.raises(TypeError):
        d01[b'applications/received/total'] = 1
    with pytest.raises(TypeError):
        d01.table(None)


def test_unknown_path_is_key_error_and_glib_error(d01):
    with pytest.raises(KeyError) as info:
        d01['applications/granted/total']
    error = info.value
    assert isinstance(error, GLib.Error)
    assert isinstance(error, Govstats.PathError)
    assert error.domain == 'govstats-error-quark'
    assert error.code == Govstats.Error.UNKNOWN_KEY
    assert error.matches(Govstats.error_quark(), Govstats.Error.UNKNOWN_KEY)
    # The library's message, unchanged.
    assert str(error) == error.message == \
        'applications/granted/total: unknown row “granted” in table applications of the 2021 layout'
    with pytest.raises(KeyError) as info:
        d01['applications/granted/total'] = 1
    assert str(info.value) == error.message
    with pytest.raises(KeyError):
        del d01['applications/withheld/total']


def test_other_layout_is_key_error_with_version_mismatch():
    report = Govstats.Report.new_for_version('2019')
    with pytest.raises(KeyError) as info:
        report['applications/other.misc/total'] = 1
    assert info.value.code == Govstats.Error.VERSION_MISMATCH
    assert 'exists in the 2021 layout' in str(info.value)
    with pytest.raises(GLib.Error) as info:
        report.table('nonexistent')
    assert info.value.code == Govstats.Error.UNKNOWN_KEY and isinstance(info.value, KeyError)


def test_value_errors_stay_glib_errors():
    report = Govstats.Report.new_for_version('2021')
    with pytest.raises(GLib.Error) as info:
        report['applications/received/total'] = INT64_MAX + 1
    assert not isinstance(info.value, KeyError)
    assert info.value.matches(Govstats.error_quark(), Govstats.Error.OUT_OF_RANGE)
    with pytest.raises(GLib.Error) as info:
        report['applications/received/total'] = Decimal('1.5')
    assert info.value.code == Govstats.Error.INVALID_VALUE
    with pytest.raises(GLib.Error) as info:
        report['art20_8/fees/amount'] = Decimal('0.00001')
    assert info.value.code == Govstats.Error.OUT_OF_RANGE
    with pytest.raises(GLib.Error) as info:
        report['art20_8/fees/amount'] = Decimal('NaN')
    assert info.value.code == Govstats.Error.INVALID_VALUE
    assert report.count_set_cells() == 0


# ---------- loading and saving ----------

def test_load_and_save(tmp_path, d01):
    loaded = Govstats.Report.load(D01)                       # a pathlib.Path
    assert loaded.to_data()[0] == d01.to_data()[0]
    target = tmp_path / 'copy.json'
    loaded['art20_8/fees/amount'] = Decimal('4068.208')
    loaded['applications/received/research'] = None
    loaded.save(target)
    again = Govstats.Report.load(str(target))
    assert again['art20_8/fees/amount'] == Decimal('4068.208')
    assert again['applications/received/research'] is None
    assert dict(again.cells()) == dict(loaded.cells())


def test_load_errors_are_glib_errors(tmp_path):
    with pytest.raises(GLib.Error) as info:
        Govstats.Report.load(tmp_path / 'missing.json')
    assert info.value.code == Govstats.Error.IO


def test_new_from_data_takes_str_and_bytes(d01):
    text = d01.to_data()[0]
    from_str = Govstats.Report.new_from_data(text)
    from_bytes = Govstats.Report.new_from_data(text.encode('utf-8'))
    assert from_str.to_data()[0] == from_bytes.to_data()[0] == text
    assert from_str.get_unit_name() == '示例县教育和体育局'
    with pytest.raises(GLib.Error) as info:
        Govstats.Report.new_from_data('{"version": "2021",')
    assert info.value.code == Govstats.Error.PARSE


def test_repr(d01):
    assert repr(d01).startswith('<Govstats.Report 2021 2021 D01 示例县教育和体育局 at 0x')
    assert repr(Govstats.Report.new_for_version('2019')).startswith('<Govstats.Report 2019 at 0x')
    assert repr(d01.get_schema()).startswith('<Govstats.Schema 2021 at 0x')


# ---------- schema helpers ----------

def test_schema_helpers():
    assert Govstats.Schema.versions() == ['2019', '2021']
    s19 = Govstats.Schema.get_for_version('2019')
    s21 = Govstats.Schema.get_for_version('2021')
    assert s21.tables() == ['art20_1', 'art20_5', 'art20_6', 'art20_8', 'applications',
                            'review_litigation']
    assert 'art20_9' in s19.tables()
    assert len(s19.cell_rows('applications')) == 23
    assert len(s21.cell_rows('applications')) == 26
    assert len(s21.rows('applications')) == 29
    assert s21.columns('review_litigation') == ['upheld', 'corrected', 'other', 'pending', 'total']
    assert s21.cell_paths() == list(s21.dup_cell_paths(None))
    assert s21.cell_paths('art20_8') == ['art20_8/fees/amount']
    assert 'art20_8/fees/amount' in s21 and 'art20_8/fees/amount' not in s19
    assert s21.cell_kind('art20_8/fees/amount') == Govstats.ValueKind.AMOUNT
    assert s19.cell_kind('art20_8/fees/items_change') == Govstats.ValueKind.DELTA


def test_schema_helpers_raise_instead_of_criticals():
    s21 = Govstats.Schema.get_for_version('2021')
    for call in (lambda: s21.rows('art20_9'), lambda: s21.columns('nope'),
                 lambda: s21.cell_paths('nope'), lambda: s21.cell_rows('nope')):
        with pytest.raises(KeyError) as info:
            call()
        assert info.value.code == Govstats.Error.UNKNOWN_KEY
    with pytest.raises(KeyError) as info:
        s21.cell_kind('art20_9/procurement/amount')
    assert info.value.code == Govstats.Error.VERSION_MISMATCH


def test_introspected_api_is_unchanged(d01):
    # The override adds; the C API stays as documented, amounts aside
    # (Decimal, not 1/10,000: see test_value_calls_take_and_give_decimals).
    assert d01.get_value('applications/received/total') == (True, 10)
    assert d01.dup_value_text('art20_8/fees/amount') == '613.5241'
    assert isinstance(d01.to_data(), tuple)
    assert d01.dup_table_values('art20_8').unpack() == {'art20_8/fees/amount': '613.5241'}


# ---------- the C-named value calls, amounts as Decimal ----------

def test_value_calls_take_and_give_decimals(d01, d01_json_cells):
    path = 'art20_8/fees/amount'
    printed = d01_json_cells[path]
    assert d01.get_value(path) == (True, printed) == (True, Decimal('613.5241'))
    assert d01.get_value(path).is_set and type(d01.get_value(path).value) is Decimal
    assert d01.lookup_value(path) == (True, True, printed)
    report = Govstats.Report.new_for_version('2021')
    assert report.get_value(path) == (False, 0) and type(report.get_value(path).value) is Decimal
    report.set_value(path, Decimal('4068.208'))
    assert report.dup_value_text(path) == '4068.208'
    assert report.try_set_value(path, 12) is True           # 12 万元, not 0.0012
    assert report[path] == Decimal(12) and report.dup_value_text(path) == '12'
    report.set_blank(path)
    assert report.is_blank(path) and report[path] is None
    with pytest.raises(TypeError):
        report.set_value(path, 0.5)
    with pytest.raises(TypeError):
        report.set_value(path, None)
    # The C function, without the override, keeps 1/10,000.
    from gi.module import get_introspection_module
    assert get_introspection_module('Govstats').Report.get_value(d01, path) == (True, 6135241)


def test_cell_metadata_calls_check_the_path():
    report = Govstats.Report.new_for_version('2019')
    path = 'art20_9/procurement/amount'
    report.set_cell_note(path, '含追加预算')
    report.set_cell_raw(path, '251000元')
    report.set_cell_unit(path, '元')
    assert (report.get_cell_note(path), report.get_cell_raw(path), report.get_cell_unit(path)) == \
        ('含追加预算', '251000元', '元')
    for call in (report.get_cell_note, report.get_cell_raw, report.get_cell_unit, report.is_blank):
        with pytest.raises(Govstats.PathError) as info:
            call('art20_8/fees/amount')                    # a 2021 cell
        assert info.value.code == Govstats.Error.VERSION_MISMATCH
    with pytest.raises(Govstats.PathError):
        report.set_cell_note('applications/nowhere/total', 'x')


# ---------- a report is a collections.abc.MutableMapping of every cell ----------

def test_report_is_a_mutable_mapping(d01):
    import collections.abc
    assert isinstance(d01, collections.abc.Mapping)
    assert isinstance(d01, collections.abc.MutableMapping)
    assert issubclass(Govstats.Report, collections.abc.MutableMapping)


def test_dict_of_a_report(d01, d01_json_cells):
    cells = dict(d01)
    paths = list(d01.get_schema().dup_cell_paths(None))
    # The keys are the layout's cells, as iteration and len() give them.
    assert list(cells) == paths == list(d01.keys()) == list(d01)
    assert len(cells) == len(d01) == 207
    assert cells == {path: d01_json_cells.get(path) for path in paths}
    assert cells['art20_8/fees/amount'] == Decimal('613.5241')
    assert cells['applications/received/total'] == 10
    assert cells['applications/other/total'] is None          # blank
    assert {p: v for p, v in cells.items() if v is not None} == \
        {p: v for p, v in d01_json_cells.items() if v is not None}
    assert sum(1 for v in cells.values() if v is not None) == d01.count_set_cells()


def test_keys_values_items_views(d01, d01_json_cells):
    keys, values, items = d01.keys(), d01.values(), d01.items()
    assert len(keys) == len(values) == len(items) == 207
    assert 'applications/received/total' in keys
    assert 'applications/withheld/total' not in keys             # a group row
    assert 42 not in keys
    assert list(values) == [d01_json_cells.get(p) for p in keys]
    assert list(items) == list(d01.cells())
    assert ('art20_8/fees/amount', Decimal('613.5241')) in items
    assert ('applications/received/total', 10) in items
    assert ('applications/received/total', 11) not in items
    assert ('applications/other/total', None) in items
    assert ('applications/received/research', None) not in items   # 0, not blank
    assert ('x/y/z', 1) not in items and 'x/y/z' not in items
    # The views follow the report.
    d01['applications/other/total'] = 3
    assert ('applications/other/total', 3) in items
    assert 3 in values
    # Set operations of a keys view.
    assert keys & {'applications/received/total', 'x/y/z'} == {'applications/received/total'}


def test_get(d01):
    assert d01.get('applications/received/total') == 10
    assert d01.get('art20_8/fees/amount', 0) == Decimal('613.5241')
    # A blank cell is a key whose value is None: not the default, blank is not 0.
    assert d01.get('applications/other/total', 0) is None
    for missing in ('x/y/z', 'applications/withheld/total', 'art20_9/procurement/amount', 42, None):
        assert d01.get(missing) is None
        assert d01.get(missing, 'no') == 'no'


def test_pop_and_popitem():
    report = Govstats.Report.new_for_version('2021')
    report['applications/received/total'] = 7
    report['art20_8/fees/amount'] = Decimal('1.25')
    report['art20_1/regulations/issued'] = 0
    assert report.pop('applications/received/total') == 7
    assert report.is_blank('applications/received/total')
    assert report.pop('applications/received/total') is None   # already blank
    assert report.pop('x/y/z', 'none') == 'none'
    with pytest.raises(Govstats.PathError):
        report.pop('x/y/z')
    # popitem: the last set cell in printed order, made blank.
    paths = list(report)
    assert paths.index('art20_8/fees/amount') > paths.index('art20_1/regulations/issued')
    assert report.popitem() == ('art20_8/fees/amount', Decimal('1.25'))
    assert report.popitem() == ('art20_1/regulations/issued', 0)
    assert report.count_set_cells() == 0
    with pytest.raises(KeyError):
        report.popitem()
    assert len(report) == 207                                   # cells stay keys


def test_clear(d01):
    assert d01.count_set_cells() > 0
    d01.clear()
    assert d01.count_set_cells() == 0
    assert len(d01) == 207
    assert set(d01.values()) == {None}
    assert d01['art20_8/fees/amount'] is None


def test_update():
    report = Govstats.Report.new_for_version('2021')
    report.update({'applications/received/total': 12, 'art20_8/fees/amount': Decimal('3.5')})
    report.update([('applications/received/research', 0)])
    assert (report['applications/received/total'], report['art20_8/fees/amount'],
            report['applications/received/research']) == (12, Decimal('3.5'), 0)
    assert report.count_set_cells() == 3
    # From another report: a copy of its cells, blanks included.
    d01 = Govstats.Report.load(D01)
    report.update(d01)
    assert dict(report) == dict(d01)
    # A bad path or value changes nothing.
    before = dict(report)
    with pytest.raises(Govstats.PathError):
        report.update({'applications/received/total': 1, 'x/y/z': 2})
    with pytest.raises(TypeError):
        report.update({'applications/received/total': 1, 'applications/received/research': 1.5})
    assert dict(report) == before
    # MutableMapping.update with keyword arguments is the same call.
    with pytest.raises(Govstats.PathError):
        report.update(total=1)


def test_setdefault(d01):
    assert d01.setdefault('applications/received/total', 99) == 10
    # Every cell is a key: a blank cell stays blank, as in a dict holding None.
    assert d01.setdefault('applications/other/total', 5) is None
    assert d01.is_blank('applications/other/total')
    with pytest.raises(Govstats.PathError):
        d01.setdefault('x/y/z', 1)


def test_reports_compare_by_identity(d01):
    other = Govstats.Report.load(D01)
    assert other != d01 and other == other
    assert dict(other) == dict(d01)
    assert len({d01, other}) == 2          # still hashable


# ---------- file names as os.PathLike, properties too ----------

def test_filename_property_takes_a_path(tmp_path, d01):
    target = tmp_path / 'D01-copy.json'
    d01.filename = target
    assert d01.filename == d01.get_filename() == d01.props.filename == str(target)
    d01.props.filename = tmp_path / 'by-props.json'
    assert d01.get_filename() == str(tmp_path / 'by-props.json')
    d01.set_property('filename', tmp_path / 'by-set-property.json')
    assert d01.get_property('filename') == str(tmp_path / 'by-set-property.json')
    d01.filename = b'bytes.json'
    assert d01.filename == 'bytes.json'
    d01.props.filename = None
    assert d01.filename is None
    report = Govstats.Report(schema=Govstats.Schema.get_for_version('2021'), filename=tmp_path / 'new.json')
    assert report.get_filename() == str(tmp_path / 'new.json')
    # The file name shows in the library's messages.
    d01.props.filename = tmp_path / 'named.json'
    d01['applications/received/total'] = 11
    assert any(f.get_file() == str(tmp_path / 'named.json') for f in d01.check())
    with pytest.raises(TypeError):
        d01.props.filename = 42
    with pytest.raises(TypeError):
        d01.filename = 42


def test_props_still_work(d01):
    assert d01.props.version == '2021'
    assert d01.props.year == 2021
    d01.props.year = 2022
    assert d01.get_year() == 2022
    assert 'filename' in [p.name for p in d01.props]
    assert len(d01.props) == len(list(Govstats.Report.props))
    assert Govstats.Report.props.filename.name == 'filename'     # the class gives pspecs


# ---------- languages ----------

@pytest.mark.parametrize('lang', ['fr', 'de_DE', 'EN', '', 'english', 'zh/cn', 'zhx'])
def test_render_rejects_an_unknown_language(d01, lang):
    with pytest.raises(ValueError) as info:
        d01.render('text', lang)
    assert repr(lang) in str(info.value)
    with pytest.raises(TypeError):
        d01.render('text', 1)


def test_render_languages(d01):
    zh, en = d01.render('text', 'zh'), d01.render('text', 'en')
    assert zh != en
    assert '示例县教育和体育局' in zh
    assert d01.render('text') == d01.render('text', None) == zh
    for lang in ('zh_CN', 'zh-CN', 'zh_CN.UTF-8'):
        assert d01.render('text', lang) == zh
    for lang in ('en_GB', 'en-US', 'en_US.UTF-8'):
        assert d01.render('text', lang) == en


def test_schema_labels_reject_an_unknown_language():
    schema = Govstats.Schema.get_for_version('2021')
    assert schema.get_table_title('applications', 'en') != schema.get_table_title('applications', 'zh')
    assert schema.get_table_title('applications') == schema.get_table_title('applications', None)
    calls = [lambda lang: schema.get_name(lang),
             lambda lang: schema.get_table_title('applications', lang),
             lambda lang: schema.get_row_label('applications', 'received', lang),
             lambda lang: schema.get_column_label('applications', 'total', lang),
             lambda lang: schema.get_section_heading(schema.get_section_keys()[0], lang),
             lambda lang: schema.to_markdown(lang)]
    for call in calls:
        assert call('en') and call('zh')
        with pytest.raises(ValueError):
            call('fr')


# ---------- layout versions ----------

def test_get_for_version_raises_for_an_unknown_version():
    assert Govstats.Schema.get_for_version('2021').get_version() == '2021'
    assert Govstats.Schema.get_for_version('2019').get_version() == '2019'
    for version in ('2020', '', '2021 '):
        with pytest.raises(Govstats.VersionError) as info:
            Govstats.Schema.get_for_version(version)
        assert isinstance(info.value, KeyError) and isinstance(info.value, GLib.Error)
        assert info.value.matches(Govstats.error_quark(), Govstats.Error.UNSUPPORTED)
        assert str(info.value) == 'unknown layout version “%s” (known: 2019, 2021)' % version
    with pytest.raises(TypeError):
        Govstats.Schema.get_for_version(2021)
    with pytest.raises(Govstats.VersionError):
        Govstats.Report.new_for_version('2020')
    assert Govstats.Report.new_for_version('2019').get_version() == '2019'
