# test_errors.py — GovstatsError through the typelib: domain, codes, messages
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import re

import pytest

import gi
gi.require_version('Govstats', '1.0')
from gi.repository import GLib, Govstats  # noqa: E402

DOMAIN = 'govstats-error-quark'


def load_error(data):
    """The GLib.Error of loading JSON text (bytes) that must not load."""
    with pytest.raises(GLib.Error) as info:
        Govstats.Report.new_from_data(data)
    return info.value


def assert_govstats_error(error, code):
    assert isinstance(error, GLib.Error)
    assert error.domain == DOMAIN
    assert GLib.quark_from_string(error.domain) == Govstats.error_quark()
    assert error.code == code, (Govstats.Error(error.code), error.message)
    assert error.matches(Govstats.error_quark(), code)


def test_error_enum_values_are_stable():
    # New codes are only ever appended: these numbers are ABI.
    expected = ['FAILED', 'IO', 'ENCODING', 'PARSE', 'INVALID_TYPE', 'UNKNOWN_KEY',
                'VERSION_MISMATCH', 'OUT_OF_RANGE', 'INVALID_VALUE', 'MISSING_MEMBER',
                'UNSUPPORTED', 'INVALID_SCHEMA']
    for number, name in enumerate(expected):
        assert int(getattr(Govstats.Error, name)) == number
    assert GLib.quark_to_string(Govstats.error_quark()) == DOMAIN


# ---------- PARSE ----------

MALFORMED = b'{\n  "govstats": 1,\n  "version": "2021"\n  "year": 2021\n}\n'


def test_malformed_json_is_parse_error_with_line_and_column():
    error = load_error(MALFORMED)
    assert_govstats_error(error, Govstats.Error.PARSE)
    match = re.match(r'^<data>:(\d+):(\d+): ', error.message)
    assert match, error.message
    line, column = int(match.group(1)), int(match.group(2))
    # The comma is missing at the end of line 3 (or the parser notices it at
    # the start of line 4).
    assert line in (3, 4), error.message
    assert column >= 1


def test_malformed_file_names_the_file(tmp_path):
    path = tmp_path / 'broken.json'
    path.write_bytes(MALFORMED)
    with pytest.raises(GLib.Error) as info:
        Govstats.Report.new_from_file(str(path))
    assert_govstats_error(info.value, Govstats.Error.PARSE)
    assert re.match(r'^%s:\d+:\d+: ' % re.escape(str(path)), info.value.message), info.value.message


@pytest.mark.parametrize('data, line', [
    (b'{"version": "2021", "unit": {"name": "abc}', 1),
    (b'{\n"version": "2021",\n"tables": {', 3),
    (b'{"version": "2021",\n\n  "year": 2021,,\n}', 3),
])
def test_more_malformed_json(data, line):
    error = load_error(data)
    assert_govstats_error(error, Govstats.Error.PARSE)
    match = re.match(r'^<data>:(\d+):(\d+): ', error.message)
    assert match and int(match.group(1)) == line, error.message


def test_empty_input_is_parse_error():
    assert_govstats_error(load_error(b''), Govstats.Error.PARSE)


# ---------- ENCODING ----------

def test_gb18030_file_is_encoding_error(tmp_path):
    text = ('{\n  "version": "2021",\n  "year": 2021,\n'
            '  "unit": {"name": "示例县教育和体育局"}\n}\n')
    path = tmp_path / 'gbk.json'
    path.write_bytes(text.encode('gb18030'))
    with pytest.raises(GLib.Error) as info:
        Govstats.Report.new_from_file(str(path))
    error = info.value
    assert_govstats_error(error, Govstats.Error.ENCODING)
    assert 'GB18030' in error.message
    # The first byte that is not UTF-8 is the first character of the name.
    assert error.message.startswith('%s:4:22: ' % path), error.message


def test_utf16_is_encoding_error():
    error = load_error('{"version": "2021"}'.encode('utf-16'))
    assert_govstats_error(error, Govstats.Error.ENCODING)
    assert 'UTF-16' in error.message


# ---------- UNKNOWN_KEY and VERSION_MISMATCH ----------

def test_unknown_row_in_file():
    error = load_error(b'{"version": "2021", "tables": {"applications": {"granted": {"total": 1}}}}')
    assert_govstats_error(error, Govstats.Error.UNKNOWN_KEY)
    assert 'applications/granted/total' in error.message
    assert '“granted”' in error.message


def test_unknown_column_and_table_in_file():
    error = load_error(b'{"version": "2021", "tables": {"applications": {"received": {"everyone": 1}}}}')
    assert_govstats_error(error, Govstats.Error.UNKNOWN_KEY)
    error = load_error(b'{"version": "2021", "tables": {"art20_99": {}}}')
    assert_govstats_error(error, Govstats.Error.UNKNOWN_KEY)


def test_group_row_holds_no_numbers():
    error = load_error(b'{"version": "2021", "tables": {"applications": {"withheld": {"total": 1}}}}')
    assert_govstats_error(error, Govstats.Error.UNKNOWN_KEY)
    assert 'group row' in error.message


def test_2021_row_in_2019_report_is_version_mismatch():
    error = load_error(b'{"version": "2019", "tables": {"applications": {"other.misc": {"total": 1}}}}')
    assert_govstats_error(error, Govstats.Error.VERSION_MISMATCH)
    assert '2021' in error.message and '2019' in error.message
    # …and the same through the checked cell API.
    report = Govstats.Report.new_for_version('2019')
    for call in (lambda: report.lookup_value('applications/other.misc/total'),
                 lambda: report.dup_value_text('applications/other.misc/total'),
                 lambda: report.try_set_value('applications/other.misc/total', 1),
                 lambda: report.set_value_text('applications/other.misc/total', '1'),
                 lambda: report.get_schema().check_path('applications/other.misc/total')):
        with pytest.raises(GLib.Error) as info:
            call()
        assert_govstats_error(info.value, Govstats.Error.VERSION_MISMATCH)


def test_2019_table_in_2021_report_is_version_mismatch():
    error = load_error(b'{"version": "2021", "tables": {"art20_9": {"procurement": {"projects": 1}}}}')
    assert_govstats_error(error, Govstats.Error.VERSION_MISMATCH)


def test_legacy_other_row_is_accepted_in_2021():
    # 2023/2024 reports print the 2019 single （六） row in the 2021 layout.
    report = Govstats.Report.new_from_data(
        b'{"version": "2021", "tables": {"applications": {"other": {"total": 4}}}}')
    assert report.get_value('applications/other/total') == (True, 4)


def test_unknown_path_through_checked_api():
    report = Govstats.Report.new_for_version('2021')
    with pytest.raises(GLib.Error) as info:
        report.lookup_value('applications/granted/total')
    assert_govstats_error(info.value, Govstats.Error.UNKNOWN_KEY)
    with pytest.raises(GLib.Error) as info:
        report.try_set_value('applications/received', 1)
    assert_govstats_error(info.value, Govstats.Error.UNKNOWN_KEY)
    assert 'three parts' in info.value.message
    with pytest.raises(GLib.Error) as info:
        report.dup_table_values('art20_99')
    assert_govstats_error(info.value, Govstats.Error.UNKNOWN_KEY)
    assert report.count_set_cells() == 0


# ---------- OUT_OF_RANGE ----------

def test_number_too_large_for_64_bits():
    error = load_error(b'{"version": "2021",\n "tables": {"art20_6": {"penalty": '
                       b'{"decisions": 9223372036854775808}}}}')
    assert_govstats_error(error, Govstats.Error.OUT_OF_RANGE)
    assert error.message.startswith('<data>:2:'), error.message
    assert '9223372036854775808' in error.message


def test_largest_count_loads():
    report = Govstats.Report.new_from_data(
        b'{"version": "2021", "tables": {"art20_6": {"penalty": {"decisions": 9223372036854775807}}}}')
    assert report.get_value('art20_6/penalty/decisions') == (True, 2 ** 63 - 1)


def test_negative_number_too_large_for_64_bits():
    error = load_error(b'{"version": "2019", "tables": {"art20_8": {"fees": '
                       b'{"items_change": -9223372036854775809}}}}')
    assert_govstats_error(error, Govstats.Error.OUT_OF_RANGE)


def test_amount_out_of_range():
    error = load_error(b'{"version": "2021", "tables": {"art20_8": {"fees": {"amount": 1.23456}}}}')
    assert_govstats_error(error, Govstats.Error.OUT_OF_RANGE)
    assert 'four decimal places' in error.message
    error = load_error(b'{"version": "2021", "tables": {"art20_8": {"fees": {"amount": "922337203685478"}}}}')
    assert_govstats_error(error, Govstats.Error.OUT_OF_RANGE)


# ---------- INVALID_TYPE ----------

@pytest.mark.parametrize('data, where', [
    (b'{"version": "2021", "tables": {"applications": {"received": {"total": "10"}}}}',
     'tables/applications/received/total'),
    (b'{"version": "2021", "tables": {"applications": {"received": {"total": true}}}}',
     'tables/applications/received/total'),
    (b'{"version": "2021", "tables": {"applications": {"received": [1, 2]}}}',
     'tables/applications/received'),
    (b'{"version": "2021", "tables": []}', 'tables'),
    (b'{"version": 2021}', 'version'),
    (b'{"version": "2021", "year": "2021"}', 'year'),
    (b'{"version": "2021", "unit": {"name": 5}}', 'unit/name'),
    (b'{"version": "2021", "text": {"overview": [1]}}', 'text/overview/0'),
    (b'{"version": "2021", "text": {"overview": {"a": 1}}}', 'text/overview'),
    (b'{"govstats": "1", "version": "2021"}', 'govstats'),
    (b'[]', 'top level'),
])
def test_wrong_types(data, where):
    error = load_error(data)
    assert_govstats_error(error, Govstats.Error.INVALID_TYPE)
    assert where in error.message, error.message


# ---------- the other codes ----------

def test_missing_file_is_io_error(tmp_path):
    with pytest.raises(GLib.Error) as info:
        Govstats.Report.new_from_file(str(tmp_path / 'missing.json'))
    assert_govstats_error(info.value, Govstats.Error.IO)
    assert str(tmp_path / 'missing.json') in info.value.message


def test_missing_version_is_missing_member():
    assert_govstats_error(load_error(b'{"govstats": 1, "year": 2021}'), Govstats.Error.MISSING_MEMBER)


def test_unknown_layout_and_format_are_unsupported():
    assert_govstats_error(load_error(b'{"version": "2030"}'), Govstats.Error.UNSUPPORTED)
    assert_govstats_error(load_error(b'{"govstats": 2, "version": "2021"}'), Govstats.Error.UNSUPPORTED)
    with pytest.raises(GLib.Error) as info:
        Govstats.Report.new_for_version('2030')
    assert_govstats_error(info.value, Govstats.Error.UNSUPPORTED)
    # The C function returns NULL; the override raises, as for a report.
    with pytest.raises(Govstats.VersionError) as info:
        Govstats.Schema.get_for_version('2030')
    assert_govstats_error(info.value, Govstats.Error.UNSUPPORTED)


def test_invalid_values():
    assert_govstats_error(load_error(b'{"version": "2021", "scope": "all"}'), Govstats.Error.INVALID_VALUE)
    assert_govstats_error(load_error(b'{"version": "2021", "unit": {"kind": "ministry"}}'),
                          Govstats.Error.INVALID_VALUE)
    assert_govstats_error(load_error(b'{"version": "2021", "year": 0}'), Govstats.Error.INVALID_VALUE)
    # A number is the right JSON type for a count; 1.5 is not a value a count takes.
    error = load_error(b'{"version": "2021", "tables": {"applications": {"received": {"total": 1.5}}}}')
    assert_govstats_error(error, Govstats.Error.INVALID_VALUE)
    assert 'tables/applications/received/total' in error.message
    report = Govstats.Report.new_for_version('2021')
    for text in ('abc', '', '1e3', '0x10', '1,000'):
        with pytest.raises(GLib.Error) as info:
            report.set_value_text('applications/received/total', text)
        assert_govstats_error(info.value, Govstats.Error.INVALID_VALUE)
    assert report.is_blank('applications/received/total')


def test_invalid_schema():
    with pytest.raises(GLib.Error) as info:
        Govstats.Schema.new_from_bytes(GLib.Bytes.new(b'{"version": "x"}'))
    assert_govstats_error(info.value, Govstats.Error.INVALID_SCHEMA)
    with pytest.raises(GLib.Error) as info:
        Govstats.Schema.new_from_bytes(GLib.Bytes.new(b'{"version": '))
    assert_govstats_error(info.value, Govstats.Error.PARSE)
