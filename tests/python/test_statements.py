# test_statements.py — the figures the prose states, bound to the tables, and the text.* rules, through the typelib
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('Govstats', '1.0')
from gi.repository import Govstats  # noqa: E402

from conftest import D01  # noqa: E402


def statements(report):
    return {s.get_id(): s for s in report.read_statements(None)}


def text_findings(report):
    return [f for f in report.check(None) if f.get_rule_id().startswith('text.')]


def test_sample_report_agrees_everywhere():
    r = Govstats.Report.new_from_file(str(D01))
    st = statements(r)
    assert st['applications.received'].get_value_text() == '10'
    assert st['applications.received'].get_verdict() == Govstats.Verdict.AGREES
    assert list(st['applications.received'].dup_cells()) == ['applications/received/total']
    assert st['applications.handled'].get_table_text() == '9'
    assert st['applications.carried_forward'].get_verdict() == Govstats.Verdict.AGREES
    assert st['applications.carried_over'].get_section() == 'overview'
    s = st['applications.received']
    para = r.get_text_block('overview', s.get_paragraph())[0]
    assert para[s.get_start():s.get_end()] == '10件'
    assert text_findings(r) == []


def test_planted_contradiction_is_found_with_its_cell():
    r = Govstats.Report.new_from_file(str(D01))
    r.set_text('overview', r.get_text('overview').replace('收到政府信息公开申请10件', '收到政府信息公开申请12件'))
    found = text_findings(r)
    assert [f.get_rule_id() for f in found] == ['text.applications.received']
    assert list(found[0].get_cells()) == ['applications/received/total']
    assert found[0].get_severity() == Govstats.Severity.WARNING
    assert '12件' in found[0].get_message('zh')


def report_2021(text, cells):
    r = Govstats.Report.new_for_version('2021')
    for path, value in cells.items():
        r.set_value(path, value)
    r.set_text('overview', text)
    return r


REVIEW = {'review_litigation/review/upheld': 72, 'review_litigation/review/corrected': 64,
          'review_litigation/review/other': 178, 'review_litigation/review/pending': 37,
          'review_litigation/review/total': 351,
          'review_litigation/litigation_direct/upheld': 13, 'review_litigation/litigation_direct/total': 26,
          'review_litigation/litigation_after_review/upheld': 12, 'review_litigation/litigation_after_review/total': 20}


def test_review_and_litigation_sums_follow_the_topic():
    text = ('政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；'
            '政府信息公开行政诉讼 46 件，其中结果维持 25 件。')
    r = report_2021(text, REVIEW)
    got = [(s.get_id(), s.get_value_text(), s.get_verdict()) for s in r.read_statements(None)]
    assert got == [('review.total', '351', Govstats.Verdict.AGREES),
                   ('review.upheld', '72', Govstats.Verdict.AGREES),
                   ('review.corrected', '64', Govstats.Verdict.AGREES),
                   ('review.other', '178', Govstats.Verdict.AGREES),
                   ('review.pending', '37', Govstats.Verdict.AGREES),
                   ('litigation.total', '46', Govstats.Verdict.AGREES),
                   ('litigation.upheld', '25', Govstats.Verdict.AGREES)]
    r.set_text('overview', text.replace('结果维持 25 件', '结果维持 24 件'))
    found = text_findings(r)
    assert [f.get_rule_id() for f in found] == ['text.litigation.upheld']
    assert sorted(found[0].get_cells()) == ['review_litigation/litigation_after_review/upheld',
                                            'review_litigation/litigation_direct/upheld']


def test_approximate_and_chinese_figures():
    cells = {'applications/received/total': 12, 'applications/total/total': 5507}
    r = report_2021('全年共受理政府信息公开申请十二件。办结 5500 余件。', cells)
    st = statements(r)
    assert st['applications.received'].get_value_text() == '12'
    assert st['applications.received'].get_approximation() == Govstats.Approximation.EXACT
    assert st['applications.received'].get_verdict() == Govstats.Verdict.AGREES
    assert st['applications.handled'].get_approximation() == Govstats.Approximation.MORE_THAN
    assert st['applications.handled'].get_verdict() == Govstats.Verdict.AGREES
    r.set_value('applications/total/total', 5620)
    assert statements(r)['applications.handled'].get_verdict() == Govstats.Verdict.CONTRADICTS


def test_an_unsure_subject_is_undecided_never_a_contradiction():
    cells = {'review_litigation/review/total': 3}
    r = report_2021('全年办理备案审查行政复议案件 40 件。', cells)
    st = statements(r)['review.total']
    assert st.get_verdict() == Govstats.Verdict.UNDECIDED
    assert st.get_doubt() in ('备案', '审查')
    found = text_findings(r)
    assert [f.get_severity() for f in found] == [Govstats.Severity.INFO]
    assert found[0].get_outcome() == Govstats.Outcome.UNCERTAIN


def test_2019_derived_count_and_sign_of_the_change():
    r = Govstats.Report.new_for_version('2019')
    r.set_value('art20_5/licensing/items_prev', 120)
    r.set_value('art20_5/licensing/items_change', -5)
    r.set_text('overview', '2020年，全县行政许可事项 115 项，比去年减少 5 项。')
    st = statements(r)
    assert st['art20_5.licensing.items'].get_verdict() == Govstats.Verdict.AGREES
    assert st['art20_5.licensing.items_change'].get_sign() == -1
    assert st['art20_5.licensing.items_change'].get_verdict() == Govstats.Verdict.AGREES
    assert text_findings(r) == []
    r.set_text('overview', '2020年，全县行政许可事项 115 项，比去年增加 5 项。')
    assert [f.get_rule_id() for f in text_findings(r)] == ['text.art20_5.licensing.items_change']
