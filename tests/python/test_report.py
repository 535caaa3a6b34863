# test_report.py — GovstatsReport through the typelib: load, cells, round trips
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
from decimal import Decimal

import pytest

import gi
gi.require_version('Govstats', '1.0')
from gi.repository import GLib, Govstats  # noqa: E402

from conftest import D01  # noqa: E402

INT64_MAX = 2 ** 63 - 1
INT64_MIN = -2 ** 63


def new_2021():
    return Govstats.Report.new_for_version('2021')


def new_2019():
    return Govstats.Report.new_for_version('2019')


# ---------- loading ----------

def test_load_metadata(d01):
    assert d01.get_version() == '2021'
    assert d01.props.version == '2021'
    assert d01.get_year() == 2021
    assert d01.get_unit_name() == '示例县教育和体育局'
    assert d01.get_unit_code() == 'D01'
    assert d01.get_unit_kind() == Govstats.UnitKind.DEPARTMENT
    assert d01.get_unit_parent() == '示例县人民政府'
    assert d01.get_scope() == Govstats.Scope.OWN
    assert d01.get_filename() == str(D01)
    assert d01.get_schema() is Govstats.Schema.get_for_version('2021')


def test_load_text_and_extensions(d01):
    with open(D01, encoding='utf-8') as f:
        data = json.load(f)
    assert list(d01.dup_text_keys()) == list(data['text'])
    for key, text in data['text'].items():
        assert d01.get_text(key) == text
    ext = d01.get_extensions()
    indicators = ext.get_object_member('indicators')
    assert indicators.get_int_member('proactive_items') == data['extensions']['indicators']['proactive_items']
    assert list(d01.dup_unknown_members()) == []


def test_every_cell_matches_json_module(d01, d01_json_cells):
    """Each cell read through the library equals the file read by json."""
    assert d01_json_cells, 'the example file has cells'
    schema = d01.get_schema()
    paths = list(schema.dup_cell_paths(None))
    assert len(paths) == schema.get_n_cells() == 207
    for path in paths:
        expected = d01_json_cells.get(path)
        text = d01.dup_value_text(path)
        ok, is_set, value = d01.lookup_value(path)
        assert ok
        if expected is None:
            assert text is None and not is_set and value == 0, path
            assert d01.is_blank(path)
        elif schema.get_cell_kind(path) == Govstats.ValueKind.AMOUNT:
            assert Decimal(text) == expected, path
            # Through the override, amounts are exact Decimals, not 1/10,000.
            assert type(value) is Decimal and value == expected, path
            assert d01.get_value(path) == (True, expected)
        else:
            assert int(text) == expected, path
            assert value == expected, path
            assert d01.get_value(path) == (True, expected)
    set_in_file = sum(1 for v in d01_json_cells.values() if v is not None)
    assert d01.count_set_cells() == set_in_file


def test_known_values_and_balance(d01, d01_json_cells):
    assert d01.get_value('applications/received/total') == (True, 10)
    assert d01.dup_value_text('art20_8/fees/amount') == '613.5241'
    # The balance printed in the header note holds in the example, in every column.
    for column in d01.get_schema().get_column_keys('applications'):
        def v(row):
            return d01.get_value('applications/%s/%s' % (row, column))[1]
        assert v('received') + v('carried_over') == v('total') + v('carried_forward'), column
        assert v('total') == d01_json_cells['applications/total/%s' % column]


def test_new_from_gfile_and_stream(d01):
    from gi.repository import Gio
    by_gfile = Govstats.Report.new_from_gfile(Gio.File.new_for_path(str(D01)), None)
    with open(D01, 'rb') as f:
        stream = Gio.MemoryInputStream.new_from_bytes(GLib.Bytes.new(f.read()))
    by_stream = Govstats.Report.new_from_stream(stream, 'D01.json', None)
    expected = d01.to_data()[0]
    assert by_gfile.to_data()[0] == expected
    assert by_stream.to_data()[0] == expected


# ---------- reading and writing cells ----------

def test_blank_is_not_zero():
    report = new_2021()
    path = 'applications/received/research'
    assert report.is_blank(path)
    assert report.dup_value_text(path) is None
    assert report.lookup_value(path) == (True, False, 0)
    report.set_value(path, 0)
    assert not report.is_blank(path)
    assert report.dup_value_text(path) == '0'
    assert report.lookup_value(path) == (True, True, 0)
    assert report.count_set_cells() == 1
    report.set_blank(path)
    assert report.is_blank(path)
    assert report.count_set_cells() == 0
    report.set_value_text(path, '0')
    assert report.lookup_value(path) == (True, True, 0)
    report.set_value_text(path, None)
    assert report.is_blank(path)


def test_blank_and_zero_survive_saving():
    report = new_2021()
    report.set_value('applications/received/research', 0)
    data = json.loads(report.to_data()[0])
    assert data['tables']['applications']['received'] == {'research': 0}
    again = Govstats.Report.new_from_data(report.to_data()[0].encode())
    assert again.lookup_value('applications/received/research') == (True, True, 0)
    assert again.lookup_value('applications/received/total') == (True, False, 0)


def test_null_in_file_is_blank():
    report = Govstats.Report.new_from_data(
        b'{"version": "2021", "tables": {"applications": {"received": {"total": null, "research": 0}}}}')
    assert report.is_blank('applications/received/total')
    assert report.lookup_value('applications/received/research') == (True, True, 0)


@pytest.mark.parametrize('text, scaled', [
    ('4068.208', 40682080),
    ('96171.6', 961716000),
    ('7730.28', 77302800),
    ('613.5241', 6135241),
    ('0.0001', 1),
    ('0', 0),
])
def test_amount_text_is_exact(text, scaled):
    report = new_2021()
    path = 'art20_8/fees/amount'
    report.set_value_text(path, text)
    assert report.dup_value_text(path) == text
    is_set, value = report.get_value(path)
    assert is_set and type(value) is Decimal
    assert value == Decimal(scaled) / Govstats.AMOUNT_SCALE == Decimal(text)
    assert report[path] == Decimal(text)
    assert isinstance(report[path], Decimal)
    # …and exact in the file, both as written and after reading it back.
    out = report.to_data()[0]
    assert json.loads(out, parse_float=Decimal)['tables']['art20_8']['fees']['amount'] == Decimal(text)
    assert Govstats.Report.new_from_data(out.encode()).dup_value_text(path) == text


def test_amounts_from_json_numbers_and_strings():
    report = Govstats.Report.new_from_data(
        b'{"version": "2021", "tables": {"art20_8": {"fees": {"amount": 4068.208}}}}')
    assert report.dup_value_text('art20_8/fees/amount') == '4068.208'
    report = Govstats.Report.new_from_data(
        b'{"version": "2021", "tables": {"art20_8": {"fees": {"amount": "96171.6"}}}}')
    assert report['art20_8/fees/amount'] == Decimal('96171.6')
    # Whole amounts are kept as amounts: 8040 is 8040.0000, not a count.
    report = Govstats.Report.new_from_data(
        b'{"version": "2019", "tables": {"art20_9": {"procurement": {"amount": {"value": 251000, "unit": "\\u5143", "raw": "251000\\u5143"}}}}}')
    assert report['art20_9/procurement/amount'] == Decimal(251000)
    assert report.get_value('art20_9/procurement/amount') == (True, Decimal(251000))
    assert report.get_cell_unit('art20_9/procurement/amount') == '元'
    assert report.get_cell_raw('art20_9/procurement/amount') == '251000元'


def test_amount_sum_is_exact():
    # The kind of sum a rollup does, in fixed point: exact to the last place.
    values = ['4068.208', '96171.6', '7730.28', '0.1', '0.2']
    report = new_2021()
    total = 0
    for text in values:
        report.set_value_text('art20_8/fees/amount', text)
        total += report.get_value('art20_8/fees/amount')[1]
    report.set_value('art20_8/fees/amount', total)
    assert report['art20_8/fees/amount'] == sum(Decimal(t) for t in values) == Decimal('107970.3880')
    assert report.dup_value_text('art20_8/fees/amount') == '107970.388'


@pytest.mark.parametrize('value', [INT64_MAX, INT64_MAX - 1, 2 ** 62 + 1, 2 ** 53 + 1])
def test_count_near_int64_max(value):
    report = new_2021()
    path = 'art20_6/penalty/decisions'
    report.set_value(path, value)
    assert report.get_value(path) == (True, value)
    assert report.dup_value_text(path) == str(value)
    assert report[path] == value
    again = Govstats.Report.new_from_data(report.to_data()[0].encode())
    assert again.get_value(path) == (True, value)
    report[path] = None
    report.set_value_text(path, str(value))
    assert report[path] == value


def test_count_beyond_int64_is_out_of_range():
    report = new_2021()
    with pytest.raises(GLib.Error) as info:
        report.set_value_text('art20_6/penalty/decisions', str(INT64_MAX + 1))
    assert info.value.matches(Govstats.error_quark(), Govstats.Error.OUT_OF_RANGE)
    assert report.is_blank('art20_6/penalty/decisions')
    # set_value() goes through the exact text too, with the same error.
    with pytest.raises(GLib.Error) as info:
        report.set_value('art20_6/penalty/decisions', INT64_MAX + 1)
    assert info.value.matches(Govstats.error_quark(), Govstats.Error.OUT_OF_RANGE)
    assert report.is_blank('art20_6/penalty/decisions')


def test_signed_changes_2019():
    report = new_2019()
    path = 'art20_5/licensing/items_change'
    assert report.get_schema().get_cell_kind(path) == Govstats.ValueKind.DELTA
    report.set_value_text(path, '-3')
    assert report.get_value(path) == (True, -3)
    report[path] = INT64_MIN
    assert report.dup_value_text(path) == str(INT64_MIN)
    report[path] = 14
    assert report[path] == 14


def test_whole_numbers_only_in_count_cells():
    report = new_2021()
    with pytest.raises(GLib.Error) as info:
        report.set_value_text('applications/received/total', '1.5')
    assert info.value.domain == 'govstats-error-quark'
    assert info.value.code == Govstats.Error.INVALID_VALUE
    with pytest.raises(GLib.Error) as info:
        report.set_value_text('art20_8/fees/amount', '1.23456')
    assert info.value.code == Govstats.Error.OUT_OF_RANGE


def test_cell_metadata_round_trip():
    report = new_2021()
    path = 'art20_1/normative_documents/issued'
    report.set_value(path, 22)
    report.set_cell_note(path, '其中修订 16 件')
    report.set_cell_raw(path, '22（其中修订 16 件）')
    again = Govstats.Report.new_from_data(report.to_data()[0].encode())
    assert again.get_value(path) == (True, 22)
    assert again.get_cell_note(path) == '其中修订 16 件'
    assert again.get_cell_raw(path) == '22（其中修订 16 件）'
    assert again.get_cell_unit(path) is None


# ---------- round trips ----------

def test_to_data_round_trip_is_equal(d01):
    text, length = d01.to_data()
    assert length == len(text.encode('utf-8'))
    again = Govstats.Report.new_from_data(text.encode('utf-8'))
    assert again.to_data()[0] == text
    assert list(again.cells()) == list(d01.cells())
    for getter in ('get_version', 'get_year', 'get_unit_name', 'get_unit_code', 'get_unit_kind',
                   'get_unit_parent', 'get_scope'):
        assert getattr(again, getter)() == getattr(d01, getter)(), getter
    assert list(again.dup_text_keys()) == list(d01.dup_text_keys())


def test_nothing_in_the_file_is_dropped(d01):
    """The canonical output carries everything the example file had."""
    with open(D01, encoding='utf-8') as f:
        original = json.load(f, parse_float=Decimal)
    written = json.loads(d01.to_data()[0], parse_float=Decimal)
    assert written == original


def test_unknown_members_are_kept():
    data = ('{"version": "2021", "year": 2021, "x-county-id": [1, {"a": "乙"}], '
            '"unit": {"name": "甲", "x-seal": true}, '
            '"tables": {"applications": {"received": {"total": {"value": 3, "x-cell": "c"}}}}}')
    report = Govstats.Report.new_from_data(data.encode())
    assert list(report.dup_unknown_members()) == ['x-county-id']
    written = json.loads(report.to_data()[0])
    assert written['x-county-id'] == [1, {'a': '乙'}]
    assert written['unit'] == {'name': '甲', 'x-seal': True}
    assert written['tables']['applications']['received']['total'] == {'value': 3, 'x-cell': 'c'}


def test_copy_is_independent(d01):
    copy = d01.copy()
    assert copy.to_data()[0] == d01.to_data()[0]
    copy['applications/received/total'] = 11
    assert d01['applications/received/total'] == 10


def test_save_and_reload(tmp_path, d01):
    target = tmp_path / 'out' / 'D01.json'
    target.parent.mkdir()
    assert d01.save_to_file(str(target)) is True
    assert target.read_text(encoding='utf-8') == d01.to_data()[0]
    again = Govstats.Report.new_from_file(str(target))
    assert again.get_filename() == str(target)
    assert dict(again.cells()) == dict(d01.cells())
    assert again.get_value('applications/received/total') == (True, 10)
    assert again.dup_value_text('art20_8/fees/amount') == '613.5241'
    # Saving replaces the file atomically and leaves no temporary behind.
    again['applications/received/total'] = INT64_MAX
    again.save_to_file(str(target))
    assert os.listdir(target.parent) == ['D01.json']
    assert Govstats.Report.new_from_file(str(target))['applications/received/total'] == INT64_MAX


def test_save_to_missing_directory_is_io_error(tmp_path, d01):
    with pytest.raises(GLib.Error) as info:
        d01.save_to_file(str(tmp_path / 'no-such-dir' / 'x.json'))
    assert info.value.matches(Govstats.error_quark(), Govstats.Error.IO)


def test_properties_and_notify():
    report = new_2021()
    seen = []
    report.connect('notify::year', lambda obj, pspec: seen.append(obj.props.year))
    report.props.year = 2022
    report.set_year(2022)
    assert seen == [2022]
    report.props.unit_kind = Govstats.UnitKind.TOWN
    assert report.get_unit_kind() == Govstats.UnitKind.TOWN
    assert json.loads(report.to_data()[0])['unit'] == {'kind': 'town'}
    report.set_scope(Govstats.Scope.AGGREGATE)
    assert json.loads(report.to_data()[0])['scope'] == 'aggregate'
    made = Govstats.Report(schema=Govstats.Schema.get_for_version('2019'), year=2020)
    assert made.get_version() == '2019' and made.get_year() == 2020
