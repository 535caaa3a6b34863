// harness.js — a tiny test harness for `gjs -m`, no dependencies
//
// Copyright 2026 The libgovstats authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Prints TAP (one "ok N - name" / "not ok N - name" line per test, then a
// summary comment) so that `meson test` counts the tests, and exits non-zero
// when any test fails. A test that calls skip(reason) is reported
// "ok N - name # SKIP reason": neither a pass nor a failure.
//
//     import {test, assertEqual, run} from './harness.js';
//     test('adds', () => assertEqual(1 + 1, 2));
//     await run();

import GLib from 'gi://GLib';
import System from 'system';

const tests = [];

export class AssertionError extends Error {
    constructor(message) {
        super(message);
        this.name = 'AssertionError';
    }
}

export class SkipTest extends Error {
    constructor(reason) {
        super(reason);
        this.name = 'SkipTest';
    }
}

/** Ends the running test as skipped, with the reason. */
export function skip(reason) {
    throw new SkipTest(reason);
}

/** Registers a test; fn may be async. */
export function test(name, fn) {
    tests.push({name, fn});
}

/** A readable form of any value, BigInts and GLib.Errors included. */
export function repr(value) {
    if (typeof value === 'bigint')
        return `${value}n`;
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (value instanceof GLib.Error)
        return `GLib.Error(domain ${value.domain} "${GLib.quark_to_string(value.domain)}", code ${value.code}, ${JSON.stringify(value.message)})`;
    if (Array.isArray(value))
        return `[${value.map(repr).join(', ')}]`;
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
        return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${repr(v)}`).join(', ')}}`;
    return String(value);
}

function deepEqual(a, b) {
    if (typeof a !== typeof b)
        return false;
    if (typeof a === 'number')
        return a === b || (Number.isNaN(a) && Number.isNaN(b));
    if (a === null || b === null || typeof a !== 'object')
        return a === b;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b))
        return false;
    const keysA = Object.keys(a), keysB = Object.keys(b);
    if (keysA.length !== keysB.length)
        return false;
    // Key order matters: printed order is part of what is tested.
    return keysA.every((key, i) => key === keysB[i] && deepEqual(a[key], b[key]));
}

export function assert(condition, message = 'assertion failed') {
    if (!condition)
        throw new AssertionError(message);
}

/**
 * Equality: strict for primitives (a BigInt never equals a Number, null is
 * not undefined), member by member and in order for arrays and plain objects.
 */
export function assertEqual(actual, expected, message = '') {
    if (!deepEqual(actual, expected))
        throw new AssertionError(`${message ? `${message}: ` : ''}expected ${repr(expected)}, got ${repr(actual)}`);
}

/**
 * Calls fn, which must throw; returns what it threw. With `errorClass`, the
 * exception must be an instance of it.
 */
export function assertThrows(fn, errorClass = undefined, message = '') {
    try {
        fn();
    } catch (e) {
        if (errorClass !== undefined && !(e instanceof errorClass))
            throw new AssertionError(`${message ? `${message}: ` : ''}expected a ${errorClass.name}, got ${repr(e)}`);
        return e;
    }
    throw new AssertionError(`${message ? `${message}: ` : ''}expected an exception, none was thrown`);
}

/**
 * Calls fn, which must throw a GLib.Error of `domain` (a quark) with `code`;
 * checks it with GLib.Error.matches() and returns it.
 */
export function assertGError(fn, domain, code, message = '') {
    const error = assertThrows(fn, GLib.Error, message);
    if (!error.matches(domain, code)) {
        throw new AssertionError(`${message ? `${message}: ` : ''}expected domain ${domain} ` +
            `"${GLib.quark_to_string(domain)}" code ${code}, got ${repr(error)}`);
    }
    return error;
}

/** Runs the registered tests, prints TAP and exits non-zero on failure. */
export async function run() {
    let failed = 0, skipped = 0;
    print(`1..${tests.length}`);
    for (const [i, {name, fn}] of tests.entries()) {
        try {
            // eslint-disable-next-line no-await-in-loop
            await fn();
            print(`ok ${i + 1} - ${name}`);
        } catch (e) {
            if (e instanceof SkipTest) {
                skipped++;
                print(`ok ${i + 1} - ${name} # SKIP ${e.message}`);
                continue;
            }
            failed++;
            print(`not ok ${i + 1} - ${name}`);
            const detail = e instanceof GLib.Error ? repr(e) : `${e.name}: ${e.message}`;
            for (const line of [detail, ...(e.stack ?? '').split('\n')].filter(l => l))
                print(`#   ${line}`);
        }
    }
    print(`# ${tests.length - failed - skipped} passed, ${failed} failed, ${skipped} skipped, ${tests.length} total`);
    if (failed > 0)
        System.exit(1);
}
