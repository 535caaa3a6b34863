# Importing published reports through the typelib: the published forms of a
# known report (tests/data/import/published, written by generate-published.py
# from examples/data/{2020,2021}/units/D03.json) import to its cells, and
# the real reports of ../shared/real-reports, where they are beside the source
# tree, import to their printed values, cell by cell.
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

from conftest import EXAMPLES, read_json_cells  # noqa: E402

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


PUBLISHED = SOURCE_ROOT / 'tests' / 'data' / 'import' / 'published'

needs_real = pytest.mark.skipif(not REAL.is_dir(), reason=f'the real reports are not at {REAL}')


def joined(text):
    return text.replace('\n', '')


# D03 of 2021 (2021 layout, 200 cells) and of 2020 (2019 layout, 198 cells).
@pytest.mark.parametrize('year,cells', [('2021', 200), ('2020', 198)])
@pytest.mark.parametrize('suffix,fmt', [
    ('.layout.txt', 'text'), ('.raw.txt', 'text'), ('.html', 'html'), ('.pdf', 'pdf'),
])
def test_published_form_imports_to_the_source_cells(year, cells, suffix, fmt):
    if fmt == 'pdf' and not Govstats.import_can_read_pdf():
        pytest.skip('built without poppler-glib')
    source_path = EXAMPLES / year / 'units' / 'D03.json'
    with open(source_path, encoding='utf-8') as f:
        source = json.load(f)
    want = read_json_cells(source_path)
    assert len(want) == cells
    report, findings = Govstats.import_file(str(PUBLISHED / f'd03-{year}{suffix}'), Govstats.ImportFormat.AUTO)
    assert [f.get_rule_id() for f in findings if f.get_severity() == Govstats.Severity.ERROR] == []
    assert report.get_version() == source['version']
    assert report.get_year() == source['year']
    assert report.get_unit_name() == source['unit']['name']
    assert report.get_scope() == Govstats.Scope.OWN
    assert report.get_source().get_string_member('format') == fmt
    got = {}
    for path in report.get_schema().dup_cell_paths(None):
        text = report.dup_value_text(path)
        if text is None:
            continue
        got[path] = Decimal(text) if '.' in text else int(text)
    # Every cell of the source and no other, amounts as exact decimals.
    assert got == want
    # Known deviations of the importer (see test-import.c): a PDF paragraph
    # may keep a line break after a number; a page keeps its signature and
    # footer after section 六.
    same = (lambda a, b: joined(a) == joined(b)) if fmt == 'pdf' else (lambda a, b: a == b)
    assert same(report.get_text('overview'), source['text']['overview'])
    assert same(report.get_text('problems'), source['text']['problems'])
    if fmt == 'html':
        assert report.get_text('other_matters').startswith(source['text']['other_matters'])
    else:
        assert same(report.get_text('other_matters'), source['text']['other_matters'])


def expected_cells(name):
    with open(REAL / 'expected' / name, encoding='utf-8') as f:
        return json.load(f)


@needs_real
@pytest.mark.parametrize('source,expected', CASES)
def test_real_report_imports_to_printed_values(source, expected):
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


@needs_real
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


@needs_real
def test_imported_report_is_checked_and_round_trips():
    report, _ = Govstats.import_file(str(REAL / 'hongze-district-2023.layout.txt'), Govstats.ImportFormat.AUTO)
    rules = [f.get_rule_id() for f in report.check(None)
             if f.get_outcome() == Govstats.Outcome.FAILED and f.get_severity() == Govstats.Severity.ERROR]
    # The published table 四 is wrong: 10 + 1 with total 0, and 5 with total 0.
    assert rules == ['review_litigation.row_total', 'review_litigation.row_total']
    again = Govstats.Report.new_from_data(report.to_data()[0].encode('utf-8'))
    assert again.to_data()[0] == report.to_data()[0]
