# Govstats.py — PyGObject override for libgovstats
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Pythonic access to libgovstats.

Loaded automatically by ``from gi.repository import Govstats``. It adds, on
top of the introspected API (which stays available unchanged):

* ``Govstats.Report`` as a mapping of cell paths to values::

      report = Govstats.Report.load("D01.json")
      report["applications/received/total"]     # 10 (int)
      report["art20_8/fees/amount"]             # Decimal('613.5241')
      report["applications/received/research"] = None   # blank, not 0
      del report["applications/received/research"]      # the same
      "applications/other/total" in report               # True in 2021 too
      report.table("applications")              # {path: value} in one call
      for path, value in report.cells(): ...

  Counts and signed changes are ``int``, amounts are ``decimal.Decimal``
  (exact, never ``float``), a blank cell is ``None``.

* ``Govstats.Schema`` helpers: ``Schema.versions()``, ``schema.tables()``,
  ``schema.rows(table)``, ``schema.cell_rows(table)``, ``schema.columns(table)``,
  ``schema.cell_paths(table=None)``, ``schema.cell_kind(path)``, ``path in schema``.

Errors are ``GLib.Error`` in the ``govstats-error-quark`` domain with a code of
``Govstats.Error``, as for every other call. A path or table key that is not
in the layout raises ``Govstats.PathError``, which is both a ``GLib.Error``
(code ``UNKNOWN_KEY`` or ``VERSION_MISMATCH``) and a ``KeyError``, so mapping
code (``except KeyError``) and GError code (``e.matches(...)``) both work.
"""

import decimal
import operator
import os

from gi.repository import GLib

from ..module import get_introspection_module
from ..overrides import override

Govstats = get_introspection_module('Govstats')

__all__ = []

_DOMAIN = 'govstats-error-quark'
_PATH_CODES = (int(Govstats.Error.UNKNOWN_KEY), int(Govstats.Error.VERSION_MISMATCH))


class PathError(KeyError, GLib.Error):
    """A cell path or table key that is not in the report's layout.

    A ``GLib.Error`` of the ``govstats-error-quark`` domain (code
    ``Govstats.Error.UNKNOWN_KEY`` or ``Govstats.Error.VERSION_MISMATCH``)
    that is also a ``KeyError``; ``str()`` is the library's message.
    """

    def __init__(self, message, code=int(Govstats.Error.UNKNOWN_KEY), domain=_DOMAIN):
        GLib.Error.__init__(self, message, domain, int(code))

    def __str__(self):
        return self.message

    def __repr__(self):
        return 'Govstats.PathError(%r, %s)' % (self.message, Govstats.Error(self.code).value_nick)


PathError.__module__ = 'gi.repository.Govstats'
__all__.append('PathError')


def _is_path_error(error):
    return (isinstance(error, GLib.Error) and error.domain == _DOMAIN
            and error.code in _PATH_CODES)


def _raise_converted(error):
    """Re-raises a GLib.Error, as a PathError when it is about a path."""
    if _is_path_error(error) and not isinstance(error, PathError):
        raise PathError(error.message, error.code, error.domain) from None
    raise error


def _check_path_type(path):
    if not isinstance(path, str):
        raise TypeError('a cell path is a str "TABLE/ROW/COLUMN", not %s' % type(path).__name__)


def _value_to_text(value):
    """The exact decimal text of a Python value, or None for blank."""
    if value is None:
        return None
    if isinstance(value, bool):
        # bool is an int, but True as a count of applications is a bug.
        raise TypeError('a cell value is an int, a decimal.Decimal or None, not bool')
    if isinstance(value, decimal.Decimal):
        # 'f' never uses an exponent: Decimal('1E+3') -> '1000'. The library
        # rejects NaN, infinities and more than four decimal places.
        return format(value, 'f')
    if isinstance(value, float):
        raise TypeError('a cell value is an int, a decimal.Decimal or None, not float: '
                        'binary floating point is not exact; use decimal.Decimal(%r)' % str(value))
    if isinstance(value, str):
        raise TypeError('a cell value is an int, a decimal.Decimal or None, not str; '
                        'use decimal.Decimal(text) or Report.set_value_text()')
    try:
        return str(operator.index(value))
    except TypeError:
        raise TypeError('a cell value is an int, a decimal.Decimal or None, not %s'
                        % type(value).__name__) from None


def _text_to_value(text, is_amount):
    if text is None:
        return None
    return decimal.Decimal(text) if is_amount else int(text)


def _unpack_table(variant):
    """{path: value} from the a{smv} of dup_table_values, in printed order."""
    values = {}
    for i in range(variant.n_children()):
        entry = variant.get_child_value(i)
        path = entry.get_child_value(0).get_string()
        maybe = entry.get_child_value(1).get_maybe()
        if maybe is None:
            values[path] = None
            continue
        inner = maybe.get_variant()
        if inner.get_type_string() == 's':
            values[path] = decimal.Decimal(inner.get_string())
        else:
            values[path] = inner.get_int64()
    return values


class Schema(Govstats.Schema):
    """One layout of the statutory report (see the C documentation)."""

    @staticmethod
    def versions():
        """The built-in layout ids, oldest first, as a list."""
        return list(Govstats.Schema.list_versions())

    def _check_table(self, table):
        if not isinstance(table, str):
            raise TypeError('a table key is a str, not %s' % type(table).__name__)
        if not self.has_table(table):
            raise PathError('%s: unknown table in the %s layout (tables: %s)'
                            % (table, self.get_version(), ', '.join(self.get_table_keys())))

    def tables(self):
        """The table keys in printed order, as a list."""
        return list(self.get_table_keys())

    def rows(self, table):
        """Every row key of a table in printed order, group rows included."""
        self._check_table(table)
        return list(self.get_row_keys(table))

    def cell_rows(self, table):
        """The rows of a table that hold values, in printed order."""
        self._check_table(table)
        return [row for row in self.get_row_keys(table) if self.row_has_cells(table, row)]

    def columns(self, table):
        """The column keys of a table in printed order, as a list."""
        self._check_table(table)
        return list(self.get_column_keys(table))

    def cell_paths(self, table=None):
        """The cell paths of one table, or of the whole layout, in printed order."""
        if table is not None:
            self._check_table(table)
        return list(self.dup_cell_paths(table))

    def cell_kind(self, path):
        """The Govstats.ValueKind of a cell; PathError if it is not a cell."""
        _check_path_type(path)
        try:
            self.check_path(path)
        except GLib.Error as e:
            _raise_converted(e)
        return self.get_cell_kind(path)

    def __contains__(self, path):
        return isinstance(path, str) and self.has_cell(path)

    def __repr__(self):
        return '<Govstats.Schema %s at 0x%x>' % (self.get_version(), id(self))


Schema = override(Schema)
__all__.append('Schema')


class Report(Govstats.Report):
    """One unit's annual report, usable as a mapping of cell paths to values."""

    # ----- loading and saving -----

    @classmethod
    def load(cls, filename):
        """Reads a report file (str or os.PathLike); GLib.Error on failure."""
        return Govstats.Report.new_from_file(os.fspath(filename))

    @classmethod
    def new_from_data(cls, data):
        """Reads a report from its JSON text, given as str or bytes."""
        if isinstance(data, str):
            data = data.encode('utf-8')
        return Govstats.Report.new_from_data(data)

    def save(self, filename):
        """Writes the report file atomically (str or os.PathLike)."""
        return self.save_to_file(os.fspath(filename))

    # ----- cells -----

    def _is_amount(self, path):
        return self.get_schema().get_cell_kind(path) == Govstats.ValueKind.AMOUNT

    def __getitem__(self, path):
        _check_path_type(path)
        try:
            text = self.dup_value_text(path)
        except GLib.Error as e:
            _raise_converted(e)
        if text is None:
            return None
        return _text_to_value(text, self._is_amount(path))

    def __setitem__(self, path, value):
        _check_path_type(path)
        text = _value_to_text(value)
        try:
            self.set_value_text(path, text)
        except GLib.Error as e:
            _raise_converted(e)

    def __delitem__(self, path):
        """Makes a cell blank (the same as assigning None)."""
        self[path] = None

    def __contains__(self, path):
        return isinstance(path, str) and self.get_schema().has_cell(path)

    def __iter__(self):
        """The cell paths of the layout, in printed order."""
        return iter(self.get_schema().dup_cell_paths(None))

    def __len__(self):
        """The number of cells of the layout (blank ones included)."""
        return self.get_schema().get_n_cells()

    def table(self, table):
        """Every cell of a table as a dict {path: value}, in one call."""
        if not isinstance(table, str):
            raise TypeError('a table key is a str, not %s' % type(table).__name__)
        try:
            variant = self.dup_table_values(table)
        except GLib.Error as e:
            _raise_converted(e)
        return _unpack_table(variant)

    def cells(self, table=None):
        """Yields (path, value) for every cell of the layout (or of one
        table) in printed order, blank cells as None."""
        tables = [table] if table is not None else self.get_schema().get_table_keys()
        for key in tables:
            yield from self.table(key).items()

    def __repr__(self):
        unit = ' '.join(x for x in (self.get_unit_code(), self.get_unit_name()) if x)
        return '<Govstats.Report %s%s%s at 0x%x>' % (
            self.get_version(),
            ' %d' % self.get_year() if self.get_year() else '',
            ' ' + unit if unit else '',
            id(self))


Report = override(Report)
__all__.append('Report')


def _as_bytes(data):
    return data.encode('utf-8') if isinstance(data, str) else data


class RuleSet(Govstats.RuleSet):
    """Consistency rules of one layout; extra rules and waivers may be str or bytes."""

    def add_rules_from_data(self, data, name=None):
        """Adds the rules of an extra rule file given as str or bytes."""
        return Govstats.RuleSet.add_rules_from_data(self, _as_bytes(data), name)

    def load_waivers_from_data(self, data, name=None):
        """Adds the waivers of a waiver file given as str or bytes."""
        return Govstats.RuleSet.load_waivers_from_data(self, _as_bytes(data), name)


RuleSet = override(RuleSet)
__all__.append('RuleSet')


class Roster(Govstats.Roster):
    """The units a consolidation expects."""

    @classmethod
    def new_from_data(cls, data, name=None):
        """Reads a roster (JSON or CSV) given as str or bytes."""
        return Govstats.Roster.new_from_data(_as_bytes(data), name)


Roster = override(Roster)
__all__.append('Roster')
