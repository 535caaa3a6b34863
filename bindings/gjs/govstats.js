// govstats.js — helpers for libgovstats in GJS (an ES module for `gjs -m`)
//
// Copyright 2026 The libgovstats authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
//     import Govstats from 'gi://Govstats';
//     import {loadReport, getCell, setCell, tableValues, cells}
//         from 'file:///usr/local/share/govstats-1/gjs/govstats.js';
//
// (a file:// URL of the installed file, PREFIX/share/govstats-1/gjs: GJS
// does not import a module by absolute path)
//
//     const report = loadReport('D01.json');
//     getCell(report, 'applications/received/total');   // 10 (Number)
//     getCell(report, 'art20_8/fees/amount');           // '613.5241' (exact text)
//     setCell(report, 'art20_6/penalty/decisions', 9223372036854775807n);
//     for (const [path, value] of cells(report)) ...
//
// Values in JavaScript:
//   * a blank cell is null (a reported zero is 0);
//   * counts and signed changes are Numbers, or BigInts when they do not fit
//     exactly in a Number (beyond ±2^53);
//   * amounts are strings holding the exact decimal text ('4068.208'),
//     because a Number cannot hold every four-place decimal exactly.
//
// Everything goes through the path-checking API of the library, so a path
// that is not a cell of the report's layout throws a GLib.Error of the
// Govstats error domain (test it with isGovstatsError() or
// e.matches(Govstats.error_quark(), Govstats.Error.UNKNOWN_KEY); note that
// e.domain is a number in GJS).

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Govstats from 'gi://Govstats?version=1.0';

export {Govstats};

function integerFromText(text) {
    const number = Number(text);
    return Number.isSafeInteger(number) ? number : BigInt(text);
}

/**
 * The exact decimal text the library takes for a JavaScript value.
 *
 * @param {number|bigint|string|null|undefined} value
 * @returns {string|null} the text, or null for a blank cell
 */
export function valueToText(value) {
    if (value === null || value === undefined)
        return null;
    switch (typeof value) {
    case 'bigint':
        return value.toString();
    case 'string':
        return value;
    case 'number': {
        if (!Number.isFinite(value))
            throw new RangeError(`${value} is not a cell value`);
        if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
            throw new RangeError(`${value} is beyond 2^53, where Numbers are not exact: ` +
                'pass a BigInt or a string');
        }
        // The shortest text that reads back as the same Number: what was
        // written in the source for 4068.208 or 96171.6.
        const text = String(value);
        if (text.includes('e'))
            throw new RangeError(`${value} has more than four decimal places`);
        return text;
    }
    default:
        throw new TypeError(`a cell value is a Number, a BigInt, a string or null, not ${typeof value}`);
    }
}

/**
 * Gets a cell of a report.
 *
 * @param {Govstats.Report} report
 * @param {string} path a cell path TABLE/ROW/COLUMN
 * @returns {number|bigint|string|null} null for a blank cell; the exact
 *   decimal text for an amount; a Number, or a BigInt beyond 2^53, otherwise
 */
export function getCell(report, path) {
    const text = report.dup_value_text(path);   // throws for a path not in the layout
    if (text === null)
        return null;
    if (report.get_schema().get_cell_kind(path) === Govstats.ValueKind.AMOUNT)
        return text;
    return integerFromText(text);
}

/**
 * Sets a cell of a report.
 *
 * @param {Govstats.Report} report
 * @param {string} path a cell path TABLE/ROW/COLUMN
 * @param {number|bigint|string|null} value null (or undefined) makes the cell
 *   blank; a string is exact decimal text ('4068.208')
 */
export function setCell(report, path, value) {
    report.set_value_text(path, valueToText(value));
}

/**
 * Gets every cell of a table in one call into the library.
 *
 * @param {Govstats.Report} report
 * @param {string} table a table key, such as 'applications'
 * @returns {Object<string, number|bigint|string|null>} path → value, in
 *   printed order, with the same values as getCell()
 */
export function tableValues(report, table) {
    // a{smv}: nothing for a blank cell, an x for counts, an s for amounts.
    // Read the x from its text: get_int64() would round beyond 2^53.
    const variant = report.dup_table_values(table);
    const values = {};
    for (let i = 0, n = variant.n_children(); i < n; i++) {
        const entry = variant.get_child_value(i);
        const [path] = entry.get_child_value(0).get_string();
        const maybe = entry.get_child_value(1).get_maybe();
        if (maybe === null) {
            values[path] = null;
            continue;
        }
        const inner = maybe.get_variant();
        values[path] = inner.get_type_string() === 's'
            ? inner.get_string()[0]
            : integerFromText(inner.print(false));
    }
    return values;
}

/**
 * Yields [path, value] for every cell of the report's layout (or of one
 * table) in printed order, blank cells as null.
 *
 * @param {Govstats.Report} report
 * @param {string|null} [table]
 * @yields {Array} [path, value]
 */
export function* cells(report, table = null) {
    const tables = table === null ? report.get_schema().get_table_keys() : [table];
    for (const key of tables)
        yield* Object.entries(tableValues(report, key));
}

/**
 * Reads a report file.
 *
 * @param {string|Gio.File} file a path or a Gio.File
 * @returns {Govstats.Report}
 */
export function loadReport(file) {
    if (file instanceof Gio.File)
        return Govstats.Report.new_from_gfile(file, null);
    return Govstats.Report.new_from_file(file);
}

/**
 * Writes a report file atomically.
 *
 * @param {Govstats.Report} report
 * @param {string|Gio.File} file a path or a Gio.File
 */
export function saveReport(report, file) {
    const path = file instanceof Gio.File ? file.get_path() : file;
    if (path === null)
        throw new TypeError(`${file.get_uri()} is not a local file`);
    report.save_to_file(path);
}

/**
 * Tells whether an exception is a GLib.Error of the Govstats domain, and
 * optionally of one code.
 *
 * @param {*} error
 * @param {Govstats.Error} [code]
 * @returns {boolean}
 */
export function isGovstatsError(error, code) {
    if (!(error instanceof GLib.Error) || error.domain !== Govstats.error_quark())
        return false;
    return code === undefined || error.code === code;
}
