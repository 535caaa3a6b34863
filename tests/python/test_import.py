# Importing published reports through the typelib: the real reports of
# ../shared/real-reports import to their printed values, cell by cell.
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

import gi
gi.require_version('Govstats', '1.0')
from gi.repository import GLib, Govstats  # noqa: E402

SOURCE_ROOT = Path(os.environ.get('GOVSTATS_SOURCE_ROOT', Path(__file__).parents[2]))
REAL = Path(os.environ.get('GOVSTATS_REAL_REPORTS', SOURCE_ROOT.parent / 'shared' / 'real-reports'))

CASES = [
    ('huaian-city-2024.layout.txt', 'huaian-city-2024.json'),
    ('hongze-district-2023.layout.txt', 'hongze-district-2023.json'),
    ('hongze-district-2023.raw.txt', 'hongze-district-2023.json'),
    ('hongze-district-2024.layout.txt', 'hongze-district-2024.json'),
    ('shuyang-fagaiju-2023.html.txt', 'shuyang-fagaiju-2023.json'),
    ('pdf/hongze-district-2024.pdf', 'hongze-district-2024.json'),
]


def expected_cells(name):
    with open(REAL / 'expected' / name, encoding='utf-8') as f:
        return json.load(f)


@pytest.mark.parametrize('source,expected', CASES)
def test_real_report_imports_to_printed_values(source, expected):
    if not REAL.is_dir():
        pytest.fail(f'the real reports are not at {REAL}')
    want = expected_cells(expected)
    report, findings = Govstats.import_file(str(REAL / source), Govstats.ImportFormat.AUTO)
    assert report.get_version() == want['version']
    assert report.get_year() == want['year']
    assert report.get_unit_name() == want['unit']
    schema = report.get_schema()
    mismatches = []
    for path, value in want['cells'].items():
        text = report.dup_value_text(path)
        if value is None:
            ok = text is None
        elif schema.get_cell_kind(path) == Govstats.ValueKind.AMOUNT:
            ok = text is not None and Decimal(text) == Decimal(str(value))
        else:
            ok = text is not None and int(text) == value
        if not ok:
            mismatches.append((path, value, text))
    assert mismatches == []
    # Nothing the importer could not read, and every finding names its file.
    assert [f.get_rule_id() for f in findings if f.get_severity() == Govstats.Severity.ERROR] == []
    assert all(f.get_file() for f in findings)
    confidence = report.get_source().get_object_member('confidence').get_double_member('applications')
    # Every cell read; rows matched only by a tolerant rule lower the confidence.
    if source.endswith('.layout.txt'):
        assert confidence == 1.0
    else:
        assert 0.8 <= confidence <= 1.0


def test_missing_number_is_blank_and_reported_never_shifted():
    text = (REAL / 'hongze-district-2024.layout.txt').read_text(encoding='utf-8')
    lines = text.splitlines()
    # Drop the last number of the （一）予以公开 row.
    for i, line in enumerate(lines):
        if '予以公开' in line and line.rstrip()[-1:].isdigit():
            lines[i] = line.rstrip().rsplit(' ', 1)[0]
            break
    else:
        pytest.fail('no 予以公开 row with numbers')
    data = '\n'.join(lines).encode('utf-8')
    report, findings = Govstats.import_data(data, Govstats.ImportFormat.TEXT, 'edited.txt')
    want = expected_cells('hongze-district-2024.json')['cells']
    # No cell of that row holds a number that belongs elsewhere.
    for column in ('natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_org', 'total'):
        path = f'applications/disclosed/{column}'
        text_value = report.dup_value_text(path)
        assert text_value is None or int(text_value) == want[path], path
    assert any(f.get_rule_id().startswith('import.') and f.get_line() > 0 for f in findings)


def test_nothing_to_import_is_an_error():
    with pytest.raises(GLib.Error) as info:
        Govstats.import_data('这不是年度报告。'.encode('utf-8'), Govstats.ImportFormat.TEXT, 'note.txt')
    assert info.value.matches(Govstats.error_quark(), Govstats.Error.NOTHING_IMPORTED)
    assert 'note.txt' in info.value.message


def test_imported_report_is_checked_and_round_trips():
    report, _ = Govstats.import_file(str(REAL / 'hongze-district-2023.layout.txt'), Govstats.ImportFormat.AUTO)
    rules = [f.get_rule_id() for f in report.check(None)
             if f.get_outcome() == Govstats.Outcome.FAILED and f.get_severity() == Govstats.Severity.ERROR]
    # The published table 四 is wrong: 10 + 1 with total 0, and 5 with total 0.
    assert rules == ['review_litigation.row_total', 'review_litigation.row_total']
    again = Govstats.Report.new_from_data(report.to_data()[0].encode('utf-8'))
    assert again.to_data()[0] == report.to_data()[0]
