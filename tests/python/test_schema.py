# test_schema.py — GovstatsSchema through the typelib: layouts, keys, labels
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The expected keys and labels are copied from the data contract
# (format/README.md), exactly as printed in the official tables.

import pytest

import gi
gi.require_version('Govstats', '1.0')
from gi.repository import GLib, Govstats, Json  # noqa: E402

APPLICATION_ROWS = [
    # (key, label, versions, kind) — kind: 'cells' or 'group'
    ('received', '一、本年新收政府信息公开申请数量', '2019 2021', 'cells'),
    ('carried_over', '二、上年结转政府信息公开申请数量', '2019 2021', 'cells'),
    ('disclosed', '（一）予以公开', '2019 2021', 'cells'),
    ('partially_disclosed', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '2019 2021', 'cells'),
    ('withheld', '（三）不予公开', '2019 2021', 'group'),
    ('withheld.state_secret', '1.属于国家秘密', '2019 2021', 'cells'),
    ('withheld.prohibited', '2.其他法律行政法规禁止公开', '2019 2021', 'cells'),
    ('withheld.security', '3.危及“三安全一稳定”', '2019 2021', 'cells'),
    ('withheld.third_party', '4.保护第三方合法权益', '2019 2021', 'cells'),
    ('withheld.internal', '5.属于三类内部事务信息', '2019 2021', 'cells'),
    ('withheld.process', '6.属于四类过程性信息', '2019 2021', 'cells'),
    ('withheld.enforcement_file', '7.属于行政执法案卷', '2019 2021', 'cells'),
    ('withheld.inquiry', '8.属于行政查询事项', '2019 2021', 'cells'),
    ('unavailable', '（四）无法提供', '2019 2021', 'group'),
    ('unavailable.not_held', '1.本机关不掌握相关政府信息', '2019 2021', 'cells'),
    ('unavailable.needs_creation', '2.没有现成信息需要另行制作', '2019 2021', 'cells'),
    ('unavailable.unclear', '3.补正后申请内容仍不明确', '2019 2021', 'cells'),
    ('declined', '（五）不予处理', '2019 2021', 'group'),
    ('declined.petition', '1.信访举报投诉类申请', '2019 2021', 'cells'),
    ('declined.duplicate', '2.重复申请', '2019 2021', 'cells'),
    ('declined.publication', '3.要求提供公开出版物', '2019 2021', 'cells'),
    ('declined.excessive', '4.无正当理由大量反复申请', '2019 2021', 'cells'),
    ('declined.confirmation', '5.要求行政机关确认或重新出具已获取信息', '2019 2021', 'cells'),
    ('other', '（六）其他处理', '2019 2021', 'cells'),
    ('other.no_correction',
     '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2021', 'cells'),
    ('other.unpaid_fee',
     '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '2021', 'cells'),
    ('other.misc', '3.其他', '2021', 'cells'),
    ('total', '（七）总计', '2019 2021', 'cells'),
    ('carried_forward', '四、结转下年度继续办理', '2019 2021', 'cells'),
]

APPLICATION_COLUMNS = [
    ('natural_person', '自然人'),
    ('commercial', '商业企业'),
    ('research', '科研机构'),
    ('nonprofit', '社会公益组织'),
    ('legal_services', '法律服务机构'),
    ('other_org', '其他'),
    ('total', '总计'),
]

LEAVES_2021 = [key for key, _, versions, kind in APPLICATION_ROWS
               if kind == 'cells' and key != 'other']


def schema(version):
    result = Govstats.Schema.get_for_version(version)
    assert result is not None
    return result


def test_versions():
    assert list(Govstats.Schema.list_versions()) == ['2019', '2021']
    for version in ('2019', '2021'):
        s = schema(version)
        assert s.get_version() == version
        assert s.props.version == version
        assert Govstats.Schema.get_for_version(version) is s
    assert schema('2019').get_issued_by() == '国办公开办函〔2019〕60号'
    assert schema('2021').get_issued_by() == '国办公开办函〔2021〕30号'


def test_tables():
    assert list(schema('2019').get_table_keys()) == [
        'art20_1', 'art20_5', 'art20_6', 'art20_8', 'art20_9', 'applications', 'review_litigation']
    assert list(schema('2021').get_table_keys()) == [
        'art20_1', 'art20_5', 'art20_6', 'art20_8', 'applications', 'review_litigation']
    assert schema('2019').has_table('art20_9')
    assert not schema('2021').has_table('art20_9')
    assert schema('2021').get_table_title('art20_1', 'zh') == '第二十条第（一）项'
    assert schema('2021').get_table_title('art20_1', None) == '第二十条第（一）项'


def test_sections():
    s = schema('2021')
    keys = list(s.get_section_keys())
    assert keys[0] == 'overview' and keys[-2:] == ['problems', 'other_matters']
    assert s.get_section_heading('overview', 'zh') == '一、总体情况'
    assert s.section_is_text('overview')
    tables = [t for key in keys if not s.section_is_text(key) for t in s.get_section_tables(key)]
    assert sorted(tables) == sorted(s.get_table_keys())
    assert list(s.get_section_tables('overview') or []) == []


@pytest.mark.parametrize('version, n_rows', [('2019', 23), ('2021', 26)])
def test_application_cell_rows(version, n_rows):
    """2019 has 23 numeric rows; 2021 has 25 plus the legacy single （六） row."""
    s = schema(version)
    rows = list(s.get_row_keys('applications'))
    cell_rows = [r for r in rows if s.row_has_cells('applications', r)]
    assert len(cell_rows) == n_rows
    assert len(list(s.dup_cell_paths('applications'))) == n_rows * 7
    expected = [key for key, _, versions, kind in APPLICATION_ROWS
                if version in versions.split() and kind == 'cells']
    assert cell_rows == expected
    assert rows == [key for key, _, versions, _ in APPLICATION_ROWS if version in versions.split()]


def test_2021_leaves_are_25():
    s = schema('2021')
    leaves = [r for r in s.get_row_keys('applications')
              if s.row_has_cells('applications', r) and not s.row_is_group('applications', r)]
    assert leaves == LEAVES_2021
    assert len(leaves) == 25


@pytest.mark.parametrize('version', ['2019', '2021'])
def test_application_row_labels(version):
    s = schema(version)
    for key, label, versions, _ in APPLICATION_ROWS:
        if version in versions.split():
            assert s.get_row_label('applications', key, 'zh') == label, key
            assert s.get_row_label('applications', key, None) == label, key


def test_groups_and_children():
    s19, s21 = schema('2019'), schema('2021')
    assert s21.row_is_group('applications', 'other')
    assert s21.row_has_cells('applications', 'other')      # the legacy single row
    assert not s19.row_is_group('applications', 'other')
    assert list(s21.dup_row_children('applications', 'other')) == [
        'other.no_correction', 'other.unpaid_fee', 'other.misc']
    assert list(s19.dup_row_children('applications', 'other')) == []
    assert s21.get_row_parent('applications', 'other.misc') == 'other'
    assert s21.get_row_parent('applications', 'received') is None
    withheld = list(s21.dup_row_children('applications', 'withheld'))
    assert len(withheld) == 8 and withheld[0] == 'withheld.state_secret'
    for group in ('withheld', 'unavailable', 'declined'):
        assert s21.row_is_group('applications', group)
        assert not s21.row_has_cells('applications', group)
        assert not s21.has_cell('applications/%s/total' % group)


@pytest.mark.parametrize('version', ['2019', '2021'])
def test_application_columns(version):
    s = schema(version)
    assert list(s.get_column_keys('applications')) == [k for k, _ in APPLICATION_COLUMNS]
    for key, label in APPLICATION_COLUMNS:
        assert s.get_column_label('applications', key, 'zh') == label
        assert s.get_column_kind('applications', key) == Govstats.ValueKind.COUNT
        assert not s.column_is_stock('applications', key)


def test_article_20_tables_by_version():
    s19, s21 = schema('2019'), schema('2021')
    assert list(s19.get_column_keys('art20_1')) == ['made', 'published', 'total_published']
    assert list(s21.get_column_keys('art20_1')) == ['issued', 'repealed', 'in_force']
    assert s19.get_row_label('art20_1', 'normative_documents', 'zh') == '规范性文件'
    assert s21.get_row_label('art20_1', 'normative_documents', 'zh') == '行政规范性文件'
    assert s21.get_column_label('art20_1', 'in_force', 'zh') == '现行有效件数'
    assert s21.column_is_stock('art20_1', 'in_force')
    assert s19.column_is_stock('art20_1', 'total_published')
    assert list(s19.get_row_keys('art20_5')) == ['licensing', 'other_services']
    assert list(s21.get_row_keys('art20_5')) == ['licensing']
    assert s19.get_column_kind('art20_5', 'items_change') == Govstats.ValueKind.DELTA
    assert s19.get_column_label('art20_5', 'items_change', 'zh') == '本年增/减'
    assert s21.get_column_label('art20_6', 'decisions', 'zh') == '本年处理决定数量'
    assert s19.get_column_label('art20_6', 'decisions', 'zh') == '处理决定数量'
    assert s21.get_column_label('art20_8', 'amount', 'zh') == '本年收费金额（单位：万元）'
    assert s21.get_column_kind('art20_8', 'amount') == Govstats.ValueKind.AMOUNT
    assert s19.get_row_label('art20_9', 'procurement', 'zh') == '政府集中采购'
    assert s19.get_column_kind('art20_9', 'amount') == Govstats.ValueKind.AMOUNT
    assert s19.get_column_unit('art20_9', 'amount') is None


def test_review_litigation_is_the_same_in_both():
    for version in ('2019', '2021'):
        s = schema(version)
        assert list(s.get_row_keys('review_litigation')) == [
            'review', 'litigation_direct', 'litigation_after_review']
        assert list(s.get_column_keys('review_litigation')) == [
            'upheld', 'corrected', 'other', 'pending', 'total']
        assert s.get_row_label('review_litigation', 'review', 'zh') == '行政复议'
        assert s.get_column_label('review_litigation', 'pending', 'zh') == '尚未审结'
        assert len(list(s.dup_cell_paths('review_litigation'))) == 15


@pytest.mark.parametrize('version', ['2019', '2021'])
def test_cell_paths_cover_every_table(version):
    s = schema(version)
    every = list(s.dup_cell_paths(None))
    assert len(every) == s.get_n_cells() == len(set(every))
    by_table = [p for t in s.get_table_keys() for p in s.dup_cell_paths(t)]
    assert by_table == every
    for path in every:
        assert s.has_cell(path)
        assert s.check_path(path)


def test_english_labels():
    s = schema('2021')
    assert s.get_row_label('applications', 'other', 'en') == 'Other handling'
    assert s.get_row_label('applications', 'other', 'en-GB') == 'Other handling'


def test_to_json_and_markdown():
    s = schema('2021')
    node = s.to_json()
    assert isinstance(node, Json.Node)
    root = node.get_object()
    assert root.get_string_member('version') == '2021'
    # An independent copy: building a schema from it gives the same cells.
    text = Json.to_string(node, False)
    again = Govstats.Schema.new_from_bytes(GLib.Bytes.new(text.encode('utf-8')))
    assert list(again.dup_cell_paths(None)) == list(s.dup_cell_paths(None))
    assert again is not s
    markdown = s.to_markdown('zh')
    assert '（六）其他处理' in markdown and 'applications' in markdown
