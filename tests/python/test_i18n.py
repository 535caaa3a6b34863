# test_i18n.py — the languages of messages through the typelib: an explicit
# lang gives that language whatever the locale; None follows the locale's
# (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as do GError messages.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os

import pytest

import gi

gi.require_version('Govstats', '1.0')
from gi.repository import GLib, Govstats  # noqa: E402

from conftest import EXAMPLES  # noqa: E402

D10 = EXAMPLES / '2021' / 'units' / 'D10.json'
APPLICANTS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_org']
LOCALE_VARS = ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG')


@pytest.fixture
def locale():
    """Sets the locale's variables for one test, and puts them back."""
    saved = {k: os.environ.get(k) for k in LOCALE_VARS}

    def set_locale(**values):
        for k in LOCALE_VARS:
            os.environ.pop(k, None)
        for k, v in values.items():
            os.environ[k] = v
    yield set_locale
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def row_total_finding():
    report = Govstats.Report.new_from_file(str(D10))
    found = [f for f in report.check(None) if f.get_rule_id() == 'applications.row_total']
    assert len(found) == 1
    return found[0]


def disclosed_row():
    with open(D10, encoding='utf-8') as f:
        row = json.load(f)['tables']['applications']['disclosed']
    return sum(row[a] for a in APPLICANTS), row['total']


def test_explicit_lang():
    parts, total = disclosed_row()
    f = row_total_finding()
    zh = f.get_message('zh')
    en = f.get_message('en')
    assert zh.startswith('“（一）予以公开”行：')
    assert f'= {parts}，而 总计 = {total}，左边多 {parts - total}。' in zh
    assert en.startswith('row “Disclosed”: ')
    assert f'= {parts}, but Total = {total}: the left side is larger by {parts - total}.' in en
    assert f.get_message('zh_CN.UTF-8') == zh
    assert f.get_message('en_GB') == en
    assert f.to_string('zh') == '错误 [applications.row_total] ' + zh
    assert f.to_string('en') == 'error [applications.row_total] ' + en


def test_explicit_lang_ignores_locale(locale):
    f = row_total_finding()
    locale(LANG='C')
    zh, en = f.get_message('zh'), f.get_message('en')
    locale(LANGUAGE='zh_CN', LANG='zh_CN.UTF-8')
    assert (f.get_message('zh'), f.get_message('en')) == (zh, en)
    assert zh != en


@pytest.mark.parametrize('values, lang', [
    ({'LANG': 'zh_CN.UTF-8'}, 'zh'),
    ({'LANG': 'C'}, 'en'),
    ({'LANG': 'C.UTF-8'}, 'en'),
    ({}, 'en'),
    ({'LANGUAGE': 'zh_CN:en', 'LANG': 'C'}, 'zh'),
    ({'LC_ALL': 'C', 'LANG': 'zh_CN.UTF-8'}, 'en'),
    ({'LC_MESSAGES': 'zh_CN.UTF-8', 'LANG': 'C'}, 'zh'),
])
def test_none_follows_locale(locale, values, lang):
    f = row_total_finding()
    locale(**values)
    assert f.get_message(None) == f.get_message(lang)
    assert f.to_string(None) == f.to_string(lang)


@pytest.mark.parametrize('values, expected', [
    ({'LANG': 'zh_CN.UTF-8'}, ':1:13: 此处应为一个值（对象、数组、字符串、数字、true、false 或 null），却是“]”'),
    ({'LANG': 'C'}, ':1:13: expected a value (object, array, string, number, true, false or null), found “]”'),
])
def test_error_messages_follow_locale(locale, values, expected):
    locale(**values)
    with pytest.raises(GLib.Error) as info:
        Govstats.Report.new_from_data(b'{"version": ]')
    assert info.value.message.endswith(expected), info.value.message
    assert info.value.matches(Govstats.error_quark(), Govstats.Error.PARSE)
