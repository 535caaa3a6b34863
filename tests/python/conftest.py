# conftest.py — make the tests use the PyGObject override of this source tree
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# PyGObject finds overrides by importing gi.overrides.<Namespace> from the
# gi.overrides package path. Putting the source directory first on that path,
# before anything imports gi.repository.Govstats, makes the tests exercise the
# override being developed rather than an installed copy (or none).

import json
import os
import pathlib
import decimal

import gi
import gi.overrides

SOURCE_ROOT = pathlib.Path(os.environ.get('GOVSTATS_SOURCE_ROOT',
                                          pathlib.Path(__file__).resolve().parents[2]))
OVERRIDES_DIR = SOURCE_ROOT / 'bindings' / 'python' / 'gi' / 'overrides'
gi.overrides.__path__.insert(0, str(OVERRIDES_DIR))

gi.require_version('Govstats', '1.0')

from gi.repository import Govstats  # noqa: E402

import pytest  # noqa: E402

EXAMPLES = SOURCE_ROOT / 'examples' / 'data'
D01 = EXAMPLES / '2021' / 'units' / 'D01.json'


@pytest.fixture
def d01_path():
    return D01


@pytest.fixture
def d01():
    """The example report D01 (2021 layout), loaded through the override."""
    return Govstats.Report.load(D01)


def read_json_cells(path):
    """Every cell a report file sets, read with Python's json module alone:
    {path: int | Decimal | None}. Amounts are parsed as Decimal so that
    613.5241 stays exact."""
    with open(path, encoding='utf-8') as f:
        data = json.load(f, parse_float=decimal.Decimal)
    cells = {}
    for table, rows in (data.get('tables') or {}).items():
        for row, columns in (rows or {}).items():
            for column, value in (columns or {}).items():
                if isinstance(value, dict):
                    value = value.get('value')
                if isinstance(value, str):
                    value = decimal.Decimal(value)
                cells['%s/%s/%s' % (table, row, column)] = value
    return cells


@pytest.fixture
def d01_json_cells():
    return read_json_cells(D01)
