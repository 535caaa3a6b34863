// test-i18n.js — the languages of messages through the typelib, from GJS:
// an explicit lang gives that language whatever the locale; null follows
// the locale's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as do GError messages.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Govstats from 'gi://Govstats?version=1.0';

import {test, assert, assertEqual, run} from './harness.js';

const SOURCE_ROOT = GLib.getenv('GOVSTATS_SOURCE_ROOT') ??
    GLib.build_filenamev([GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]), '..', '..']);
const D10 = GLib.build_filenamev([SOURCE_ROOT, 'examples', 'data', '2021', 'units', 'D10.json']);
const APPLICANTS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_org'];
const LOCALE_VARS = ['LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'];

function setLocale(values) {
    for (const k of LOCALE_VARS)
        GLib.unsetenv(k);
    for (const [k, v] of Object.entries(values))
        GLib.setenv(k, v, true);
}

function rowTotalFinding() {
    const report = Govstats.Report.new_from_file(D10);
    const found = report.check(null).filter(f => f.get_rule_id() === 'applications.row_total');
    assertEqual(found.length, 1);
    return found[0];
}

function disclosedRow() {
    const [, bytes] = GLib.file_get_contents(D10);
    const row = JSON.parse(new TextDecoder().decode(bytes)).tables.applications.disclosed;
    return [APPLICANTS.reduce((sum, a) => sum + row[a], 0), row.total];
}

test('explicit lang', () => {
    const [parts, total] = disclosedRow();
    const f = rowTotalFinding();
    const zh = f.get_message('zh');
    const en = f.get_message('en');
    assert(zh.startsWith('“（一）予以公开”行：'), zh);
    assert(zh.includes(`= ${parts}，而 总计 = ${total}，左边多 ${parts - total}。`), zh);
    assert(en.startsWith('row “Disclosed”: '), en);
    assert(en.includes(`= ${parts}, but Total = ${total}: the left side is larger by ${parts - total}.`), en);
    assertEqual(f.to_string('zh'), `错误 [applications.row_total] ${zh}`);
    assertEqual(f.to_string('en'), `error [applications.row_total] ${en}`);
});

test('explicit lang ignores the locale', () => {
    const f = rowTotalFinding();
    setLocale({LANG: 'C'});
    const zh = f.get_message('zh'), en = f.get_message('en');
    setLocale({LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8'});
    assertEqual(f.get_message('zh'), zh);
    assertEqual(f.get_message('en'), en);
    assert(zh !== en);
});

test('null follows the locale', () => {
    const f = rowTotalFinding();
    const cases = [
        [{LANG: 'zh_CN.UTF-8'}, 'zh'],
        [{LANG: 'C'}, 'en'],
        [{}, 'en'],
        [{LANGUAGE: 'zh_CN:en', LANG: 'C'}, 'zh'],
        [{LC_ALL: 'C', LANG: 'zh_CN.UTF-8'}, 'en'],
    ];
    for (const [values, lang] of cases) {
        setLocale(values);
        assertEqual(f.get_message(null), f.get_message(lang), JSON.stringify(values));
    }
});

test('error messages follow the locale', () => {
    const cases = [
        [{LANG: 'zh_CN.UTF-8'}, ':1:13: 此处应为一个值（对象、数组、字符串、数字、true、false 或 null），却是“]”'],
        [{LANG: 'C'}, ':1:13: expected a value (object, array, string, number, true, false or null), found “]”'],
    ];
    for (const [values, expected] of cases) {
        setLocale(values);
        let error = null;
        try {
            Govstats.Report.new_from_data(new TextEncoder().encode('{"version": ]'));
        } catch (e) {
            error = e;
        }
        assert(error !== null, 'no error');
        assert(error.matches(Govstats.error_quark(), Govstats.Error.PARSE), `${error}`);
        assert(error.message.endsWith(expected), error.message);
    }
    setLocale({LANG: 'C.UTF-8'});
});

await run();
