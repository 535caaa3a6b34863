# Govstats.py — PyGObject override for libgovstats
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Pythonic access to libgovstats.

Loaded automatically by ``from gi.repository import Govstats``. It adds, on
top of the introspected API (which stays available under the C names, with
the changes listed here):

* ``Govstats.Report`` as a mapping of cell paths to values::

      report = Govstats.Report.load("D01.json")
      report["applications/received/total"]     # 10 (int)
      report["art20_8/fees/amount"]             # Decimal('613.5241')
      report["applications/received/research"] = None   # blank, not 0
      del report["applications/received/research"]      # the same
      "applications/other/total" in report               # True in 2021 too
      report.table("applications")              # {path: value} in one call
      for path, value in report.cells(): ...
      dict(report)                              # {path: value} of every cell

  Counts and signed changes are ``int``, amounts are ``decimal.Decimal``
  (exact, never ``float``), a blank cell is ``None``.

  The keys of the mapping are the cell paths of the report's layout, every
  cell whether set or blank, in printed order: ``len(report)`` is the number
  of cells of the layout, ``path in report`` says whether ``path`` is one of
  them, and iteration, ``keys()``, ``values()`` and ``items()`` go through all
  of them, a blank cell's value being ``None``. A report is a
  ``collections.abc.MutableMapping``: ``get()``, ``pop()``, ``update()``,
  ``setdefault()``, ``popitem()`` and ``clear()`` work as for a ``dict`` in
  which every cell is a key; removing a cell (``del``, ``pop()``,
  ``popitem()``, ``clear()``) makes it blank and leaves it a key with the
  value ``None``. Reports still compare by identity: compare ``dict(a) ==
  dict(b)`` for their cells.

* ``Govstats.Schema`` helpers: ``Schema.versions()``, ``schema.tables()``,
  ``schema.rows(table)``, ``schema.cell_rows(table)``, ``schema.columns(table)``,
  ``schema.cell_paths(table=None)``, ``schema.cell_kind(path)``, ``path in schema``.

* Amounts are ``decimal.Decimal`` everywhere, not integers in 1/10,000: in
  ``Report.get_value()``/``set_value()``/``lookup_value()``/``try_set_value()``,
  a ``Contribution``'s ``value``, ``Rollup.get_kind_value()``,
  ``Rollup.breakdown()`` and a ``Finding``'s ``expected``/``actual``.

* ``Govstats.Rollup``: ``get_contributions(path)`` and ``get_findings()`` as
  lists, ``explain(path)`` as ``{unit: value}``, ``breakdown(path)`` and
  ``indicator_breakdown(key)`` as ``{Govstats.UnitKind: value}``.

* File names may be ``str``, ``bytes`` or any ``os.PathLike`` (``pathlib.Path``)
  wherever a call takes one, ``report.filename = path``,
  ``report.props.filename = path``, ``report.set_property('filename', path)``
  and ``Govstats.Report(filename=path)`` included; ``report.render()``,
  ``Govstats.import_file()`` and ``report.check()`` have default arguments.

* A ``lang`` argument is ``'zh'``, ``'en'`` (or a locale name of one of them:
  ``'zh_CN'``, ``'en_GB.UTF-8'``) or ``None`` for the default; any other
  language raises ``ValueError`` rather than falling back to one of the two.

* Readable ``repr()`` for reports, findings, contributions, rosters and rollups.

Errors are ``GLib.Error`` in the ``govstats-error-quark`` domain with a code of
``Govstats.Error``, as for every other call. A path or table key that is not
in the layout raises ``Govstats.PathError``, which is both a ``GLib.Error``
(code ``UNKNOWN_KEY`` or ``VERSION_MISMATCH``) and a ``KeyError``, so mapping
code (``except KeyError``) and GError code (``e.matches(...)``) both work.
Every call that takes a cell path checks it first, so a bad path raises
(``PathError``, or ``TypeError`` for a path that is not a ``str``) instead of
logging a critical warning and returning a blank. A layout version that is
not built in (``Schema.get_for_version('2020')``) raises
``Govstats.VersionError``, both a ``GLib.Error`` (code ``UNSUPPORTED``) and a
``KeyError``.
"""

import collections
import collections.abc
import decimal
import operator
import os
import re

from gi.repository import GLib, GObject

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


class VersionError(KeyError, GLib.Error):
    """A layout version that is not one of the built-in layouts.

    A ``GLib.Error`` of the ``govstats-error-quark`` domain (code
    ``Govstats.Error.UNSUPPORTED``) that is also a ``KeyError``; ``str()`` is
    the message.
    """

    def __init__(self, message, code=int(Govstats.Error.UNSUPPORTED), domain=_DOMAIN):
        GLib.Error.__init__(self, message, domain, int(code))

    def __str__(self):
        return self.message

    def __repr__(self):
        return 'Govstats.VersionError(%r)' % self.message


VersionError.__module__ = 'gi.repository.Govstats'
__all__.append('VersionError')


def _check_version(version):
    """VersionError (TypeError) unless version is a built-in layout id."""
    if not isinstance(version, str):
        raise TypeError('a layout version is a str such as "2021", not %s' % type(version).__name__)
    known = list(Govstats.Schema.list_versions())
    if version not in known:
        raise VersionError('unknown layout version “%s” (known: %s)' % (version, ', '.join(known)))


# 'zh', 'en', or a locale name of one of them: zh_CN, zh-Hans, en_GB.UTF-8.
_LANG_RE = re.compile(r'(zh|en)([-_][A-Za-z0-9]+)*(\.[A-Za-z0-9_-]+)?(@[A-Za-z0-9_]+)?')


def _lang_arg(lang):
    """lang unchanged if the library has that language (None: the default);
    ValueError for another language, TypeError for a lang that is not a str.
    The C functions read an unknown language as one they have."""
    if lang is None:
        return None
    if not isinstance(lang, str):
        raise TypeError('a language is "zh", "en" or None, not %s' % type(lang).__name__)
    if not _LANG_RE.fullmatch(lang):
        raise ValueError('%r: not a language of libgovstats (use "zh", "en" or None)' % lang)
    return lang


# The form of a cell path, as docs/json/common-1.schema.json gives it.
_CELL_PATH_RE = re.compile(r'[a-z0-9_]+/[a-z0-9_.]+/[a-z0-9_]+')


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


def _text_to_kind_value(text, kind):
    """An int or a Decimal from the library's exact text, by value kind."""
    return _text_to_value(text, kind == Govstats.ValueKind.AMOUNT)


def _fspath(filename):
    """The file name to hand to the library from a str, bytes or os.PathLike."""
    try:
        return os.fspath(filename)
    except TypeError:
        raise TypeError('a file name is a str, bytes or os.PathLike, not %s'
                        % type(filename).__name__) from None


def _fsname(filename):
    """The file name as a str (for a string property) from str, bytes or os.PathLike."""
    return os.fsdecode(_fspath(filename))


def _fspaths(filenames):
    if isinstance(filenames, (str, bytes, os.PathLike)):
        raise TypeError('a list of file names is expected, not one file name')
    return [_fspath(name) for name in filenames]


def _check_in(check, path):
    """Runs a check_path function of the library; PathError if it fails."""
    _check_path_type(path)
    try:
        check(path)
    except GLib.Error as e:
        _raise_converted(e)


def _enum_arg(enum, value, what):
    """An enum member from itself or from its nick (``'markdown'``)."""
    if isinstance(value, str):
        nick = value.replace('_', '-').lower()
        for member in enum.__enum_values__.values():
            if member.value_nick == nick:
                return member
        raise ValueError('%s: not a %s (one of %s)' % (
            value, what, ', '.join(m.value_nick for m in enum.__enum_values__.values())))
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError('a %s is a %s or its name, not %s'
                        % (what, enum.__name__, type(value).__name__))
    return enum(value)


ValueResult = collections.namedtuple('ValueResult', ['is_set', 'value'])
ValueResult.__module__ = 'gi.repository.Govstats'
ValueResult.__doc__ = """(is_set, value) of a cell: value is an int, or a Decimal for an amount."""
__all__.append('ValueResult')


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

    @staticmethod
    def get_for_version(version):
        """The built-in layout of a version (``'2019'``, ``'2021'``);
        VersionError (a KeyError and a GLib.Error) for another version,
        where the C function returns NULL."""
        _check_version(version)
        return Govstats.Schema.get_for_version(version)

    def get_name(self, lang=None):
        """The name of the layout; ValueError for a language the library does not have."""
        return Govstats.Schema.get_name(self, _lang_arg(lang))

    def get_section_heading(self, section, lang=None):
        """The heading of a section; ValueError for a language the library does not have."""
        return Govstats.Schema.get_section_heading(self, section, _lang_arg(lang))

    def to_markdown(self, lang=None):
        """The layout as a Markdown page; ValueError for a language the library does not have."""
        return Govstats.Schema.to_markdown(self, _lang_arg(lang))

    def _check_table(self, table):
        if not isinstance(table, str):
            raise TypeError('a table key is a str, not %s' % type(table).__name__)
        if not self.has_table(table):
            raise PathError('%s: unknown table in the %s layout (tables: %s)'
                            % (table, self.get_version(), ', '.join(self.get_table_keys())))

    def _check_row(self, table, row):
        self._check_table(table)
        if not isinstance(row, str):
            raise TypeError('a row key is a str, not %s' % type(row).__name__)
        if row not in Govstats.Schema.get_row_keys(self, table):
            raise PathError('%s/%s: unknown row of table %s in the %s layout'
                            % (table, row, table, self.get_version()))

    def _check_column(self, table, column):
        self._check_table(table)
        if not isinstance(column, str):
            raise TypeError('a column key is a str, not %s' % type(column).__name__)
        if column not in Govstats.Schema.get_column_keys(self, table):
            raise PathError('%s/*/%s: unknown column of table %s in the %s layout (columns: %s)'
                            % (table, column, table, self.get_version(),
                               ', '.join(Govstats.Schema.get_column_keys(self, table))))

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
        return Govstats.Schema.get_cell_kind(self, path)

    def get_cell_kind(self, path):
        """The Govstats.ValueKind of a cell; PathError if it is not a cell."""
        return self.cell_kind(path)

    def dup_cell_paths(self, table=None):
        """The cell paths of one table (None: of the layout), in printed order."""
        if table is not None:
            self._check_table(table)
        return Govstats.Schema.dup_cell_paths(self, table)

    def __contains__(self, path):
        return isinstance(path, str) and self.has_cell(path)

    def __repr__(self):
        return '<Govstats.Schema %s at 0x%x>' % (self.get_version(), id(self))


def _checked_schema_method(name, check, n_keys):
    """A Schema method that checks its first n_keys arguments (table, then
    row or column) before the C function, which logs a critical for them,
    and a language after them, if it takes one."""
    c_method = getattr(Govstats.Schema, name)

    def method(self, *args):
        check(self, *args[:n_keys])
        if name in _SCHEMA_LANG_METHODS:
            args = args[:n_keys] + (_lang_arg(args[n_keys] if len(args) > n_keys else None),)
        return c_method(self, *args)

    method.__name__ = name
    method.__qualname__ = 'Schema.' + name
    method.__doc__ = ('As the C function; PathError (or TypeError) for a key '
                      'that is not in the layout.')
    return method


_SCHEMA_LANG_METHODS = ('get_table_title', 'get_row_label', 'get_column_label')
for _name in ('get_table_title', 'get_table_section', 'get_row_keys', 'get_column_keys'):
    setattr(Schema, _name, _checked_schema_method(_name, Schema._check_table, 1))
for _name in ('get_row_label', 'get_row_aliases', 'row_is_group', 'row_has_cells',
              'get_row_parent', 'dup_row_children'):
    setattr(Schema, _name, _checked_schema_method(_name, Schema._check_row, 2))
for _name in ('get_column_label', 'get_column_aliases', 'get_column_kind',
              'get_column_unit', 'column_is_stock'):
    setattr(Schema, _name, _checked_schema_method(_name, Schema._check_column, 2))
del _name


Schema = override(Schema)
__all__.append('Schema')


class _ReportProps:
    """``report.props``, which also takes an os.PathLike for ``filename``."""

    __slots__ = ('_props',)

    def __init__(self, props):
        object.__setattr__(self, '_props', props)

    def __getattr__(self, name):
        return getattr(self._props, name)

    def __setattr__(self, name, value):
        if name == 'filename' and value is not None:
            value = _fsname(value)
        setattr(self._props, name, value)

    def __dir__(self):
        return dir(self._props)

    def __iter__(self):
        return iter(self._props)

    def __len__(self):
        return len(self._props)

    def __repr__(self):
        return repr(self._props)


def _gobject_props():
    for klass in GObject.Object.__mro__:
        if 'props' in vars(klass):
            return vars(klass)['props']
    raise AssertionError('GObject.Object has no props')


# Kept outside a class: it is a descriptor itself.
_GOBJECT_PROPS = _gobject_props()


class _ReportPropsDescriptor:
    """The GObject ``props`` descriptor, with ``_ReportProps`` on instances."""

    def __get__(self, obj, cls=None):
        props = _GOBJECT_PROPS.__get__(obj, cls)
        return props if obj is None else _ReportProps(props)


class _ReportItemsView(collections.abc.ItemsView):
    """(path, value) of every cell of a report, in printed order."""

    def __contains__(self, item):
        try:
            path, value = item
        except (TypeError, ValueError):
            return False
        if path not in self._mapping:
            return False
        current = self._mapping[path]
        return current is value or current == value

    def __iter__(self):
        return self._mapping.cells()


class _ReportValuesView(collections.abc.ValuesView):
    """The value of every cell of a report, in printed order (None: blank)."""

    def __iter__(self):
        return (value for _, value in self._mapping.cells())


_MISSING = object()


class Report(Govstats.Report):
    """One unit's annual report, usable as a mapping of cell paths to values.

    The keys are the cell paths of the layout, set and blank cells alike;
    a blank cell's value is None, and removing a cell makes it blank.
    """

    props = _ReportPropsDescriptor()

    def __init__(self, **properties):
        if properties.get('filename') is not None:
            properties['filename'] = _fsname(properties['filename'])
        Govstats.Report.__init__(self, **properties)

    # ----- loading and saving -----

    @classmethod
    def load(cls, filename):
        """Reads a report file (str or os.PathLike); GLib.Error on failure."""
        return Govstats.Report.new_from_file(_fspath(filename))

    @classmethod
    def new_from_file(cls, filename):
        """Reads a report file (str or os.PathLike); GLib.Error on failure."""
        return Govstats.Report.new_from_file(_fspath(filename))

    @classmethod
    def new_for_version(cls, version, *args):
        """An empty report of a built-in layout; VersionError (a KeyError
        and a GLib.Error) for another version."""
        _check_version(version)
        return Govstats.Report.new_for_version(version, *args)

    @classmethod
    def new_from_data(cls, data):
        """Reads a report from its JSON text, given as str or bytes."""
        if isinstance(data, str):
            data = data.encode('utf-8')
        return Govstats.Report.new_from_data(data)

    def save(self, filename):
        """Writes the report file atomically (str or os.PathLike)."""
        return self.save_to_file(filename)

    def save_to_file(self, filename):
        """Writes the report file atomically (str or os.PathLike)."""
        return Govstats.Report.save_to_file(self, _fspath(filename))

    def set_filename(self, value):
        """Sets the file the report belongs to (str, os.PathLike or None)."""
        Govstats.Report.set_filename(self, None if value is None else _fspath(value))

    @property
    def filename(self):
        """The file the report belongs to, as a str (None if it has none);
        set it to a str, bytes, os.PathLike or None."""
        return self.get_filename()

    @filename.setter
    def filename(self, value):
        self.set_filename(value)

    def set_property(self, name, value):
        """As GObject.Object.set_property; ``filename`` may be an os.PathLike."""
        if name == 'filename' and value is not None:
            value = _fsname(value)
        Govstats.Report.set_property(self, name, value)

    # ----- checked cell accessors (the C ones log a critical for a bad path) -----

    def _check_cell(self, path):
        _check_in(self.get_schema().check_path, path)

    def get_value(self, path):
        """(is_set, value) of a cell; value is 0 when blank, a Decimal for an
        amount. PathError for a path that is not a cell."""
        text = self.dup_value_text(path)
        if text is None:
            return ValueResult(False, _text_to_value('0', self._is_amount(path)))
        return ValueResult(True, _text_to_value(text, self._is_amount(path)))

    def lookup_value(self, path):
        """(True, is_set, value) as in C, with a Decimal for an amount;
        PathError for a path that is not a cell."""
        is_set, value = self.get_value(path)
        return (True, is_set, value)

    def set_value(self, path, value):
        """Sets a cell to an int (or a Decimal for an amount: 613.5241, not
        6135241); PathError for a path that is not a cell."""
        if value is None:
            raise TypeError('set_value() takes a value; use set_blank() or report[path] = None')
        self[path] = value

    def try_set_value(self, path, value):
        """As set_value(); returns True."""
        self.set_value(path, value)
        return True

    def set_blank(self, path):
        """Makes a cell blank; PathError for a path that is not a cell."""
        self[path] = None

    def is_blank(self, path):
        """Whether a cell is blank; PathError for a path that is not a cell."""
        self._check_cell(path)
        return Govstats.Report.is_blank(self, path)

    def get_cell_note(self, path):
        """The note kept with a cell, or None; PathError for a bad path."""
        self._check_cell(path)
        return Govstats.Report.get_cell_note(self, path)

    def set_cell_note(self, path, note):
        """Sets (or with None clears) the note of a cell."""
        self._check_cell(path)
        Govstats.Report.set_cell_note(self, path, note)

    def get_cell_raw(self, path):
        """The text an importer read for a cell, or None."""
        self._check_cell(path)
        return Govstats.Report.get_cell_raw(self, path)

    def set_cell_raw(self, path, raw):
        """Sets (or with None clears) the text an importer read for a cell."""
        self._check_cell(path)
        Govstats.Report.set_cell_raw(self, path, raw)

    def get_cell_unit(self, path):
        """The unit a published report gave a cell in (元, 万元), or None."""
        self._check_cell(path)
        return Govstats.Report.get_cell_unit(self, path)

    def set_cell_unit(self, path, unit):
        """Sets (or with None clears) the unit a cell was published in."""
        self._check_cell(path)
        Govstats.Report.set_cell_unit(self, path, unit)

    def dup_value_text(self, path):
        """The exact text of a cell, or None when blank; PathError for a bad path."""
        _check_path_type(path)
        try:
            return Govstats.Report.dup_value_text(self, path)
        except GLib.Error as e:
            _raise_converted(e)

    def set_value_text(self, path, text):
        """Sets a cell from its exact text (None: blank); PathError for a bad path."""
        _check_path_type(path)
        try:
            return Govstats.Report.set_value_text(self, path, text)
        except GLib.Error as e:
            _raise_converted(e)

    # ----- checking and rendering -----

    def check(self, previous=None):
        """Checks the report (against last year's, if given): a list of Findings."""
        return list(Govstats.Report.check(self, previous))

    def render(self, format='text', lang=None, findings=None, flags=0):
        """The statutory tables as a str.

        ``format`` is a Govstats.RenderFormat or its name (``'text'``,
        ``'markdown'``, ``'html'``, ``'csv'``, ``'csv-wide'``); ``lang`` is
        ``'zh'`` (None) or ``'en'``, ValueError for another language;
        ``findings`` a list to show with the tables; ``flags``
        Govstats.RenderFlags.
        """
        format = _enum_arg(Govstats.RenderFormat, format, 'render format')
        lang = _lang_arg(lang)
        if isinstance(flags, bool) or not isinstance(flags, int):
            raise TypeError('flags are Govstats.RenderFlags, not %s' % type(flags).__name__)
        return Govstats.Report.render(self, format, lang,
                                      None if findings is None else list(findings),
                                      Govstats.RenderFlags(flags))

    # ----- cells -----

    def _is_amount(self, path):
        # Called once the path is known to be a cell.
        return Govstats.Schema.get_cell_kind(self.get_schema(), path) == Govstats.ValueKind.AMOUNT

    def __getitem__(self, path):
        text = self.dup_value_text(path)
        if text is None:
            return None
        return _text_to_value(text, self._is_amount(path))

    def __setitem__(self, path, value):
        _check_path_type(path)
        self.set_value_text(path, _value_to_text(value))

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

    # ----- the rest of collections.abc.MutableMapping -----

    def keys(self):
        """A view of the cell paths of the layout, in printed order."""
        return collections.abc.KeysView(self)

    def values(self):
        """A view of the values of every cell, in printed order (None: blank)."""
        return _ReportValuesView(self)

    def items(self):
        """A view of (path, value) of every cell, in printed order (None: blank)."""
        return _ReportItemsView(self)

    def get(self, path, default=None):
        """The value of a cell (None when blank); default for a path that
        is not a cell of the layout."""
        if path not in self:
            return default
        return self[path]

    def pop(self, path, default=_MISSING):
        """Makes a cell blank and returns the value it had (None if it was
        blank); default, if given, for a path that is not a cell of the
        layout, else PathError."""
        if path not in self and default is not _MISSING:
            return default
        value = self[path]
        self[path] = None
        return value

    def popitem(self):
        """Makes the last set cell in printed order blank and returns
        (path, value); KeyError when every cell is blank."""
        last = None
        for path, value in self.cells():
            if value is not None:
                last = (path, value)
        if last is None:
            raise KeyError('popitem(): every cell of the report is blank')
        self[last[0]] = None
        return last

    def clear(self):
        """Makes every cell blank."""
        for path, value in self.cells():
            if value is not None:
                self[path] = None

    def update(self, other=(), **kwargs):
        """Sets cells from a mapping or from (path, value) pairs, as
        dict.update(); every path and value is checked before any cell is
        set (PathError, TypeError), so a bad one changes nothing."""
        if isinstance(other, collections.abc.Mapping) or hasattr(other, 'keys'):
            pairs = [(path, other[path]) for path in other.keys()]
        else:
            pairs = [tuple(pair) for pair in other]
        pairs.extend(kwargs.items())
        for path, value in pairs:
            self._check_cell(path)
            _value_to_text(value)
        for path, value in pairs:
            self[path] = value

    def setdefault(self, path, default=None):
        """The value of a cell, as dict.setdefault(): every cell of the
        layout is a key, so it sets nothing and gives None for a blank cell;
        PathError for a path that is not a cell."""
        return self[path]

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
collections.abc.MutableMapping.register(Report)
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

    def add_rules_from_file(self, filename):
        """Adds the rules of an extra rule file (str or os.PathLike)."""
        return Govstats.RuleSet.add_rules_from_file(self, _fspath(filename))

    def load_waivers_from_file(self, filename):
        """Adds the waivers of a waiver file (str or os.PathLike)."""
        return Govstats.RuleSet.load_waivers_from_file(self, _fspath(filename))

    def check(self, report, previous=None):
        """Checks a report (against last year's, if given): a list of Findings."""
        return list(Govstats.RuleSet.check(self, report, previous))

    def get_rule_statement(self, rule_id, lang=None):
        """The statement of a rule; ValueError for a language the library does not have."""
        return Govstats.RuleSet.get_rule_statement(self, rule_id, _lang_arg(lang))

    def to_markdown(self, lang=None):
        """The rules as a Markdown page; ValueError for a language the library does not have."""
        return Govstats.RuleSet.to_markdown(self, _lang_arg(lang))

    def get_rule_severity(self, rule_id):
        """The Govstats.Severity of a rule; KeyError for a rule not in the set."""
        if not isinstance(rule_id, str):
            raise TypeError('a rule id is a str, not %s' % type(rule_id).__name__)
        if not self.has_rule(rule_id):
            raise KeyError('%s: not a rule of the rule set' % rule_id)
        return Govstats.RuleSet.get_rule_severity(self, rule_id)


RuleSet = override(RuleSet)
__all__.append('RuleSet')


class Roster(Govstats.Roster):
    """The units a consolidation expects."""

    @classmethod
    def new_from_data(cls, data, name=None):
        """Reads a roster (JSON or CSV) given as str or bytes."""
        return Govstats.Roster.new_from_data(_as_bytes(data), name)

    @classmethod
    def new_from_file(cls, filename):
        """Reads a roster file, JSON or CSV (str or os.PathLike)."""
        return Govstats.Roster.new_from_file(_fspath(filename))

    def codes(self):
        """The unit codes, in the roster's order, as a list."""
        return list(self.dup_codes())

    def _check_code(self, code):
        if not isinstance(code, str):
            raise TypeError('a unit code is a str, not %s' % type(code).__name__)
        if not self.has_unit(code):
            raise KeyError('%s: not a unit code of the roster' % code)

    def get_unit_name(self, code):
        """The name of a unit; KeyError for a code not in the roster."""
        self._check_code(code)
        return Govstats.Roster.get_unit_name(self, code)

    def get_unit_kind(self, code):
        """The Govstats.UnitKind of a unit; KeyError for a code not in the roster."""
        self._check_code(code)
        return Govstats.Roster.get_unit_kind(self, code)

    def get_unit_aliases(self, code):
        """The other names of a unit, as a list; KeyError for a code not in the roster."""
        self._check_code(code)
        return list(Govstats.Roster.get_unit_aliases(self, code) or [])

    def __len__(self):
        return self.get_n_units()

    def __contains__(self, code):
        return isinstance(code, str) and self.has_unit(code)

    def __iter__(self):
        """The unit codes, in the roster's order."""
        return iter(self.dup_codes())

    def __bool__(self):
        return True

    def __repr__(self):
        name = self.get_name()
        year = self.get_year()
        return '<Govstats.Roster%s%s, %d units at 0x%x>' % (
            ' ' + name if name else '', ' %d' % year if year else '',
            self.get_n_units(), id(self))


Roster = override(Roster)
__all__.append('Roster')


def _unit_label(code, name):
    return ' '.join(x for x in (code, name) if x)


class Finding(Govstats.Finding):
    """One result of a check, an import or a consolidation.

    ``rule``, ``severity``, ``cells`` (a list), ``expected`` and ``actual``
    (int, Decimal for amounts, None without values) and ``message`` read it
    the Python way; the C accessors stay available.
    """

    @property
    def rule(self):
        """The rule id, e.g. ``'applications.balance'``."""
        return self.get_rule_id()

    @property
    def severity(self):
        """The Govstats.Severity."""
        return self.get_severity()

    @property
    def cells(self):
        """The cell paths the finding is about, as a list."""
        return list(self.get_cells() or [])

    @property
    def expected(self):
        """The expected value: int, Decimal for an amount, None without values."""
        return _text_to_kind_value(self.dup_expected_text(), self.get_value_kind())

    @property
    def actual(self):
        """The actual value: int, Decimal for an amount, None without values."""
        return _text_to_kind_value(self.dup_actual_text(), self.get_value_kind())

    @property
    def message(self):
        """The message in the language of the locale (``get_message("zh")`` or ``"en"`` to choose)."""
        return self.get_message(None)

    def get_message(self, lang=None):
        """The message in a language; ValueError for one the library does not have."""
        return Govstats.Finding.get_message(self, _lang_arg(lang))

    def to_string(self, lang=None):
        """The finding as one line; ValueError for a language the library does not have."""
        return Govstats.Finding.to_string(self, _lang_arg(lang))

    def to_json(self, lang=None):
        """The finding as a Json.Node; ValueError for a language the library does not have."""
        return Govstats.Finding.to_json(self, _lang_arg(lang))

    def set_cells(self, cells, schema=None):
        """Sets the cell paths the finding is about (a list of str).

        Every path must have the form ``TABLE/ROW/COLUMN``. A finding does
        not know the layout of its report, so give ``schema`` (a
        Govstats.Schema, or a Report for its layout) to check that every path
        is a cell of it. PathError for a bad path, TypeError for cells that
        are not a list of str; nothing is set then.
        """
        if isinstance(cells, (str, bytes)):
            raise TypeError('cells are a list of cell paths, not one %s' % type(cells).__name__)
        cells = list(cells)
        if isinstance(schema, Govstats.Report):
            schema = schema.get_schema()
        elif schema is not None and not isinstance(schema, Govstats.Schema):
            raise TypeError('schema is a Govstats.Schema, a Govstats.Report or None, not %s'
                            % type(schema).__name__)
        for path in cells:
            _check_path_type(path)
            if not _CELL_PATH_RE.fullmatch(path):
                raise PathError('%s: not a cell path TABLE/ROW/COLUMN' % path)
            if schema is not None:
                _check_in(schema.check_path, path)
        Govstats.Finding.set_cells(self, cells)

    def get_values(self):
        """(has_values, expected, actual), amounts as Decimal."""
        expected = self.expected
        if expected is None:
            zero = _text_to_kind_value('0', self.get_value_kind())
            return (False, zero, zero)
        return (True, expected, self.actual)

    def set_values(self, expected, actual, kind=None):
        """Sets the values from ints (counts, changes) or Decimals (amounts).

        ``kind`` defaults to AMOUNT when either value is a Decimal, COUNT
        otherwise; the C form in 1/10,000 is not used from Python.
        """
        if kind is None:
            kind = (Govstats.ValueKind.AMOUNT
                    if isinstance(expected, decimal.Decimal) or isinstance(actual, decimal.Decimal)
                    else Govstats.ValueKind.COUNT)
        scaled = []
        for value in (expected, actual):
            text = _value_to_text(value)
            if text is None:
                raise TypeError('a finding value is an int or a decimal.Decimal, not None')
            number = decimal.Decimal(text)
            if kind == Govstats.ValueKind.AMOUNT:
                number = number.scaleb(4)
            if number != number.to_integral_value():
                raise ValueError('%s: too many decimal places for a %s'
                                 % (text, Govstats.ValueKind(kind).value_nick))
            scaled.append(int(number))
        Govstats.Finding.set_values(self, scaled[0], scaled[1], kind)

    def set_position(self, file, line, column):
        """Sets where the finding is (file: str, os.PathLike or None)."""
        Govstats.Finding.set_position(self, None if file is None else _fspath(file), line, column)

    @staticmethod
    def new_input_invalid(file, error):
        """The ``input.invalid`` finding of a file (str or os.PathLike) that failed."""
        return Govstats.Finding.new_input_invalid(_fspath(file), error)

    def __str__(self):
        return self.to_string(None)

    def __repr__(self):
        parts = [self.get_rule_id(), self.get_severity().value_nick]
        unit = _unit_label(self.get_unit_code(), self.get_unit_name())
        if unit:
            parts.append(unit)
        cells = self.cells
        if cells:
            parts.append('cells=%r' % cells)
        if self.dup_expected_text() is not None:
            parts.append('expected=%s actual=%s' % (self.dup_expected_text(), self.dup_actual_text()))
        return '<Govstats.Finding %s>' % ' '.join(parts)


Finding = override(Finding)
__all__.append('Finding')



class Contribution(Govstats.Contribution):
    """What one unit contributed to a consolidated cell.

    ``value`` is an int, a Decimal for an amount, or None when the unit left
    the cell blank (the C field, in 1/10,000 for amounts, is not shown).
    """

    @property
    def value(self):
        """The unit's value: int, Decimal for an amount, None when blank."""
        return _text_to_kind_value(self.dup_value_text(), self.value_kind)

    def __repr__(self):
        unit = _unit_label(self.unit_code, self.unit_name) or self.file or '?'
        if not self.is_set:
            shown = 'blank'
        else:
            shown = self.dup_value_text()
        return '<Govstats.Contribution %s: %s>' % (unit, shown)


Contribution = override(Contribution)
__all__.append('Contribution')


_UNIT_KINDS = (Govstats.UnitKind.GOVERNMENT, Govstats.UnitKind.DEPARTMENT,
               Govstats.UnitKind.TOWN, Govstats.UnitKind.OTHER)


class Rollup(Govstats.Rollup):
    """Consolidates unit reports against a roster (see the C documentation)."""

    # ----- adding reports -----

    def add_file(self, filename):
        """Adds a unit's report file (str or os.PathLike)."""
        return Govstats.Rollup.add_file(self, _fspath(filename))

    def add_files(self, paths, cancellable=None):
        """Adds report files and folders of ``*.json`` (a list of str or os.PathLike)."""
        return Govstats.Rollup.add_files(self, _fspaths(paths), cancellable)

    def add_files_async(self, paths, cancellable=None, callback=None, *user_data):
        """As add_files(), in a worker thread; finish with add_files_finish()."""
        return Govstats.Rollup.add_files_async(self, _fspaths(paths), cancellable,
                                               callback, *user_data)

    # ----- results -----

    def get_findings(self):
        """The findings of the consolidation, as a list."""
        return list(Govstats.Rollup.get_findings(self))

    def check_path(self, path):
        """The Govstats.ValueKind of a cell of the consolidated layout;
        PathError if it is not a cell (TypeError if not a str)."""
        _check_path_type(path)
        try:
            _, kind = Govstats.Rollup.check_path(self, path)
        except GLib.Error as e:
            _raise_converted(e)
        return kind

    def get_contributions(self, path):
        """Every unit's Contribution to a consolidated cell, as a list."""
        _check_path_type(path)
        try:
            return list(Govstats.Rollup.get_contributions(self, path))
        except GLib.Error as e:
            _raise_converted(e)

    def explain(self, path):
        """{unit: value} of the units that set a consolidated cell, in the
        order they were added; a unit is named by its code (its name, then
        its file, when it has none). The values add up to the cell."""
        explained = {}
        for c in self.get_contributions(path):
            if c.is_set:
                explained[c.unit_code or c.unit_name or c.file] = c.value
        return explained

    def get_kind_value(self, path, kind):
        """(is_set, value) of the part of a consolidated cell that units of
        one kind contributed, an amount as Decimal; PathError for a bad path."""
        value_kind = self.check_path(path)
        kind = _enum_arg(Govstats.UnitKind, kind, 'unit kind')
        text = self.dup_kind_value_text(path, kind)
        if text is None:
            return ValueResult(False, _text_to_kind_value('0', value_kind))
        return ValueResult(True, _text_to_kind_value(text, value_kind))

    def dup_kind_value_text(self, path, kind):
        """The exact text of the part of a consolidated cell that units of
        one kind (a Govstats.UnitKind or its name) contributed, None if they
        set none; PathError for a path that is not a cell."""
        _check_path_type(path)
        kind = _enum_arg(Govstats.UnitKind, kind, 'unit kind')
        try:
            return Govstats.Rollup.dup_kind_value_text(self, path, kind)
        except GLib.Error as e:
            _raise_converted(e)

    def breakdown(self, path):
        """{Govstats.UnitKind: value} of a consolidated cell, for the kinds
        of unit that set it, amounts as Decimal; PathError for a bad path."""
        value_kind = self.check_path(path)
        parts = {}
        for kind in _UNIT_KINDS:
            text = self.dup_kind_value_text(path, kind)
            if text is not None:
                parts[kind] = _text_to_kind_value(text, value_kind)
        return parts

    def dup_breakdown_text(self, path, lang=None):
        """The cell split by kind of unit as consolidated reports print it;
        PathError for a path that is not a cell, ValueError for a language
        the library does not have."""
        self.check_path(path)
        return Govstats.Rollup.dup_breakdown_text(self, path, _lang_arg(lang))

    def dup_indicator_breakdown_text(self, key, lang=None):
        """An indicator split by kind of unit, as consolidated reports print
        it; ValueError for a language the library does not have."""
        return Govstats.Rollup.dup_indicator_breakdown_text(self, key, _lang_arg(lang))

    def indicators(self):
        """{key: total} of the indicators the units reported, in the order first seen."""
        totals = {}
        for key in self.dup_indicator_keys():
            _, totals[key] = self.get_indicator(key)
        return totals

    def indicator_breakdown(self, key):
        """{Govstats.UnitKind: value} of an indicator, every kind of unit
        (0 for a kind that reported none); KeyError for an indicator no unit
        reported."""
        if not isinstance(key, str):
            raise TypeError('an indicator key is a str, not %s' % type(key).__name__)
        if key not in self.dup_indicator_keys():
            raise KeyError(key)
        parts = {}
        for kind in _UNIT_KINDS:
            _, parts[kind] = self.get_indicator_kind_value(key, kind)
        return parts

    def __repr__(self):
        name = self.get_name()
        findings = Govstats.Rollup.get_findings(self)
        errors = sum(1 for f in findings if f.counts_as_error())
        return '<Govstats.Rollup%s, %d units, %d findings (%d errors) at 0x%x>' % (
            ' ' + name if name else '', self.get_n_units(), len(findings), errors, id(self))


Rollup = override(Rollup)
__all__.append('Rollup')


def _findings_list(findings):
    return [] if findings is None else list(findings)


def import_file(filename, format='auto'):
    """Reads a published report (.txt, .html, .pdf; str or os.PathLike).

    ``format`` is a Govstats.ImportFormat or its name (``'auto'``, ``'text'``,
    ``'html'``, ``'pdf'``). Returns ``(report, findings)``, the findings as a
    list; raises GLib.Error when nothing could be imported.
    """
    format = _enum_arg(Govstats.ImportFormat, format, 'import format')
    report, findings = Govstats.import_file(_fspath(filename), format)
    return report, _findings_list(findings)


def import_data(data, format='auto', name=None):
    """Reads a published report from its bytes (or text as str); as import_file()."""
    format = _enum_arg(Govstats.ImportFormat, format, 'import format')
    report, findings = Govstats.import_data(_as_bytes(data), format,
                                            None if name is None else _fspath(name))
    return report, _findings_list(findings)


def import_dup_text(data, format='auto', name=None):
    """The text an importer reads from a published report's bytes (or str)."""
    format = _enum_arg(Govstats.ImportFormat, format, 'import format')
    return Govstats.import_dup_text(_as_bytes(data), format,
                                    None if name is None else _fspath(name))


__all__ += ['import_file', 'import_data', 'import_dup_text']
