# test_prose.py — a report's prose through the typelib: sections as paragraphs, tables' places, round trips
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import json

import pytest

import gi
gi.require_version('Govstats', '1.0')
from gi.repository import GLib, Govstats  # noqa: E402

import conftest  # noqa: E402,F401


def doc(text):
    return json.dumps({'govstats': 1, 'version': '2021', 'year': 2021,
                       'unit': {'name': '示例县某局', 'code': 'X01', 'kind': 'department'},
                       'scope': 'own', 'tables': {}, 'text': text}, ensure_ascii=False)


BLOCKS = {
    'preface': ['示例县某局2021年政府信息公开工作年度报告', '本报告由示例县某局编制。'],
    'overview': '2021年，本局……\n（一）主动公开情况。',
    'proactive': ['本年主动公开信息 12 条。', {'table': 'art20_1'}, '两表之间的一段话。',
                  {'table': 'art20_5'}, {'table': 'art20_6'}, {'table': 'art20_8'}, '表后的话。'],
    'applications': [],
    'closing': ['附件：无', '示例县某局', '2022年1月20日'],
}


def test_blocks_load_in_order():
    r = Govstats.Report.new_from_data(doc(BLOCKS).encode())
    assert list(r.dup_text_keys()) == list(BLOCKS)
    n = r.get_n_text_blocks('proactive')
    assert n == 7
    got = [r.get_text_block('proactive', i) for i in range(n)]
    assert got[0] == ('本年主动公开信息 12 条。', False)
    assert got[1] == ('art20_1', True)
    assert got[2] == ('两表之间的一段话。', False)
    assert got[6] == ('表后的话。', False)
    assert r.get_text_block('proactive', 7) == (None, False)
    assert list(r.dup_paragraphs('proactive')) == ['本年主动公开信息 12 条。', '两表之间的一段话。', '表后的话。']
    assert r.get_text('proactive') == '本年主动公开信息 12 条。\n两表之间的一段话。\n表后的话。'
    # a string section is one block holding the whole string
    assert r.get_n_text_blocks('overview') == 1
    assert r.get_text('overview') == BLOCKS['overview']
    # an empty list is a section without prose
    assert r.get_n_text_blocks('applications') == 0
    assert r.get_text('applications') is None
    assert r.get_n_text_blocks('no_such_section') == 0


def test_round_trip_keeps_every_form():
    r = Govstats.Report.new_from_data(doc(BLOCKS).encode())
    out = json.loads(r.to_data()[0])
    assert out['text'] == BLOCKS
    again = Govstats.Report.new_from_data(r.to_data()[0].encode())
    assert again.to_data()[0] == r.to_data()[0]
    copy = r.copy()
    assert copy.to_data()[0] == r.to_data()[0]


def test_build_blocks_through_the_api():
    r = Govstats.Report.new_for_version('2021')
    r.add_paragraph('applications', '本年度共收到申请 10 件。')
    r.add_table_place('applications', 'applications')
    r.add_paragraph('applications', '均在法定期限内答复。')
    r.set_text('overview', '一段')
    out = json.loads(r.to_data()[0])
    assert out['text'] == {'applications': ['本年度共收到申请 10 件。', {'table': 'applications'}, '均在法定期限内答复。'],
                           'overview': '一段'}
    # set_text replaces a list with one string
    r.set_text('applications', '替换')
    assert json.loads(r.to_data()[0])['text']['applications'] == '替换'
    r.set_text('applications', None)
    assert 'applications' not in json.loads(r.to_data()[0])['text']


@pytest.mark.parametrize('text, code, words', [
    ({'proactive': [1]}, Govstats.Error.INVALID_TYPE, 'text/proactive/0'),
    ({'proactive': ['a', ['b']]}, Govstats.Error.INVALID_TYPE, 'text/proactive/1'),
    ({'proactive': [{'table': 'art20_9'}]}, Govstats.Error.UNKNOWN_KEY, 'art20_9'),
    ({'proactive': [{'table': 'art20_1', 'x': 1}]}, Govstats.Error.INVALID_VALUE, 'text/proactive/0'),
    ({'proactive': [{'tabel': 'art20_1'}]}, Govstats.Error.INVALID_VALUE, 'text/proactive/0'),
    ({'proactive': [{'table': 3}]}, Govstats.Error.INVALID_VALUE, 'text/proactive/0'),
    ({'overview': 5}, Govstats.Error.INVALID_TYPE, 'text/overview'),
])
def test_bad_blocks_are_refused_with_their_path(text, code, words):
    with pytest.raises(GLib.Error) as e:
        Govstats.Report.new_from_data(doc(text).encode())
    assert e.value.code == int(code)
    assert words in e.value.message
