#!/usr/bin/python3
# generate-published.py — known reports, printed in the forms the importer
# meets on government sites, written into tests/data/import/published/.
#
#   /usr/bin/python3 tests/data/import/generate-published.py [--govstats PATH] [--chromium PATH]
#   /usr/bin/python3 tests/data/import/generate-published.py --check
#
# The sources are examples/data/2021/units/D03.json (示例县公安局, 2021 layout)
# and examples/data/2020/units/D03.json (the same unit, 2019 layout), every
# cell set. From the cells and text sections of each this script writes
# (d03-2021.* and d03-2020.*):
#
#   d03-2021.layout.txt  as `pdftotext -layout` prints a published PDF: a title
#                        over two lines, wrapped prose, page numbers (-2-) and
#                        form feeds that fall inside the tables, header words
#                        broken over lines, the group label 三、本年度办理结果 and
#                        （三）不予公开 … printed down the left margin, long row
#                        labels wrapped with their numbers on the middle line,
#                        表四 as one line of fifteen numbers
#   d03-2021.raw.txt     as plain `pdftotext` prints it (reading order): one cell
#                        a line, blank lines between, split header words, the
#                        numbers of one-column tables before their labels
#   d03-2021.html        a page as a government CMS publishes it: navigation and
#                        scripts around the article, <p> prose, the tables with
#                        rowspan/colspan, <br> in header cells, &nbsp; and spans
#   d03-2021.pdf         `govstats render --format html` of the source, printed
#                        to PDF by headless Chromium
#
# Everything here is written by this script from the source report alone: the
# printed labels are those of the statutory forms (国办公开办函〔2019〕60号 and
# 〔2021〕30号), typed in below, not read from the library's schema, so the fixtures and the tests
# that compare an import with the source cells do not share the importer's data.
#
# The outputs are committed rather than made at build time: the PDF needs
# Chromium and several seconds, and a fresh clone should test the importer
# without either. The text forms are deterministic; `--check` (the meson test
# `import-fixtures-current`) makes them again in memory and fails when they
# differ from the committed files, so an edit of this script or of the
# source report cannot leave stale fixtures behind. The PDF is not byte-stable
# (Chromium stamps dates); --check only makes sure it is there and is a PDF.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
UNITS = os.path.join(ROOT, "examples", "data")
OUT = os.path.join(HERE, "published")
# (file stem, source report): one report of each layout.
SOURCES = [
    ("d03-2021", os.path.join(UNITS, "2021", "units", "D03.json")),
    ("d03-2020", os.path.join(UNITS, "2020", "units", "D03.json")),
]

# ---------- the printed forms ----------

ART20_2021 = [
    # (table, title, row header, [(row, label)], [(column, label)])
    ("art20_1", "第二十条第（一）项", "信息内容",
     [("regulations", "规章"), ("normative_documents", "行政规范性文件")],
     [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")]),
    ("art20_5", "第二十条第（五）项", "信息内容",
     [("licensing", "行政许可")],
     [("decisions", "本年处理决定数量")]),
    ("art20_6", "第二十条第（六）项", "信息内容",
     [("penalty", "行政处罚"), ("enforcement", "行政强制")],
     [("decisions", "本年处理决定数量")]),
    ("art20_8", "第二十条第（八）项", "信息内容",
     [("fees", "行政事业性收费")],
     [("amount", "本年收费金额（单位：万元）")]),
]

# 国办公开办函〔2019〕60号 (statistics years 2019 and 2020).
ART20_2019 = [
    ("art20_1", "第二十条第（一）项", "信息内容",
     [("regulations", "规章"), ("normative_documents", "规范性文件")],
     [("made", "本年新制作数量"), ("published", "本年新公开数量"), ("total_published", "对外公开总数量")]),
    ("art20_5", "第二十条第（五）项", "信息内容",
     [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")],
     [("items_prev", "上一年项目数量"), ("items_change", "本年增/减"), ("decisions", "处理决定数量")]),
    ("art20_6", "第二十条第（六）项", "信息内容",
     [("penalty", "行政处罚"), ("enforcement", "行政强制")],
     [("items_prev", "上一年项目数量"), ("items_change", "本年增/减"), ("decisions", "处理决定数量")]),
    ("art20_8", "第二十条第（八）项", "信息内容",
     [("fees", "行政事业性收费")],
     [("items_prev", "上一年项目数量"), ("items_change", "本年增/减")]),
    ("art20_9", "第二十条第（九）项", "信息内容",
     [("procurement", "政府集中采购")],
     [("projects", "采购项目数量"), ("amount", "采购总金额")]),
]

APP_COLUMNS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total"]

# (row key or None for a label-only group, label, group it belongs to)
APP_ROWS_2021 = [
    ("received", "一、本年新收政府信息公开申请数量", None),
    ("carried_over", "二、上年结转政府信息公开申请数量", None),
    ("disclosed", "（一）予以公开", ""),
    ("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    ("withheld.state_secret", "1.属于国家秘密", "（三）不予公开"),
    ("withheld.prohibited", "2.其他法律行政法规禁止公开", "（三）不予公开"),
    ("withheld.security", "3.危及“三安全一稳定”", "（三）不予公开"),
    ("withheld.third_party", "4.保护第三方合法权益", "（三）不予公开"),
    ("withheld.internal", "5.属于三类内部事务信息", "（三）不予公开"),
    ("withheld.process", "6.属于四类过程性信息", "（三）不予公开"),
    ("withheld.enforcement_file", "7.属于行政执法案卷", "（三）不予公开"),
    ("withheld.inquiry", "8.属于行政查询事项", "（三）不予公开"),
    ("unavailable.not_held", "1.本机关不掌握相关政府信息", "（四）无法提供"),
    ("unavailable.needs_creation", "2.没有现成信息需要另行制作", "（四）无法提供"),
    ("unavailable.unclear", "3.补正后申请内容仍不明确", "（四）无法提供"),
    ("declined.petition", "1.信访举报投诉类申请", "（五）不予处理"),
    ("declined.duplicate", "2.重复申请", "（五）不予处理"),
    ("declined.publication", "3.要求提供公开出版物", "（五）不予处理"),
    ("declined.excessive", "4.无正当理由大量反复申请", "（五）不予处理"),
    ("declined.confirmation", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理"),
    ("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("other.unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("other.misc", "3.其他", "（六）其他处理"),
    ("total", "（七）总计", ""),
    ("carried_forward", "四、结转下年度继续办理", None),
]
# 2019: （六）其他处理 is one row of numbers.
APP_ROWS_2019 = [row for row in APP_ROWS_2021 if not row[0].startswith("other.")]
APP_ROWS_2019.insert([row[0] for row in APP_ROWS_2019].index("total"), ("other", "（六）其他处理", ""))

APP_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

RL_ROWS = ["review", "litigation_direct", "litigation_after_review"]
RL_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]
RL_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

HEADINGS = {
    "overview": "一、总体情况",
    "proactive": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other_matters": "六、其他需要报告的事项",
}


class Report:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f, parse_float=Decimal)
        self.version = data.get("version")
        if self.version not in ("2019", "2021"):
            sys.exit(f"{path}: layout {self.version!r}, this script prints the 2019 and 2021 forms")
        self.art20 = ART20_2021 if self.version == "2021" else ART20_2019
        self.app_rows = APP_ROWS_2021 if self.version == "2021" else APP_ROWS_2019
        self.doc_no = "国办公开办函〔2021〕30号" if self.version == "2021" else "国办公开办函〔2019〕60号"
        self.unit = data["unit"]["name"]
        self.parent = data["unit"].get("parent", "")
        self.year = data["year"]
        self.text = data.get("text") or {}
        self.tables = data["tables"]

    def cell(self, table, row, column):
        value = self.tables[table][row][column]
        if isinstance(value, dict):
            value = value.get("value")
        if value is None:
            return ""
        return str(value)

    def preamble(self):
        return (f"本报告由{self.unit}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和"
                f"《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
                f"（{self.doc_no}）要求编制。报告所列数据的统计期限自{self.year}年1月1日起至"
                f"{self.year}年12月31日止。本报告电子版可在{self.parent}门户网站（www.example.gov.cn）"
                f"“政府信息公开”专栏查阅。如对本报告有疑问，请与{self.unit}办公室联系（电话：0000-1234567）。")

    def signature(self):
        return [self.unit, f"{self.year + 1}年1月20日"]


# ---------- layout text ----------

def width(s):
    return len(s)


def pad_to(line, col):
    return line + " " * max(1, col - width(line))


def right(line, text, end):
    """Puts text so that it ends at code-point column end (at least one space before)."""
    return pad_to(line, end - width(text)) + text


def wrap(text, first_indent=3, width_=33):
    """Cuts a paragraph into printed lines of width_ characters, the first indented."""
    lines = []
    rest = text
    indent = " " * first_indent
    while rest:
        lines.append(indent + rest[:width_])
        rest = rest[width_:]
        indent = ""
    return lines


class Pages:
    """Lines of a PDF's text: a footer (page number) and a form feed every
    `per_page` lines, wherever the page happens to end."""

    def __init__(self, per_page):
        self.per_page = per_page
        self.lines = []
        self.page = 1
        self.on_page = 0

    def add(self, line=""):
        self.lines.append(line.rstrip())
        self.on_page += 1
        if self.on_page == self.per_page:
            self.lines.append("")
            self.lines.append(" " * 43 + f"-{self.page}-")
            self.lines[-1] += "\f"
            self.page += 1
            self.on_page = 0

    def text(self):
        out = "\n".join(self.lines)
        out = out.replace("\f\n", "\n\f")
        return out + "\n\f"


def layout_prose(p, r, key):
    p.add("   " + HEADINGS[key])
    for para in r.text.get(key, "").split("\n"):
        for line in wrap(para):
            p.add(line)


def layout_art20(p, r):
    p.add("   " + HEADINGS["proactive"])
    for table, title, row_header, rows, columns in r.art20:
        p.add(" " * 14 + title)
        p.add()
        ends = [30 + 16 * (i + 1) for i in range(len(columns))]
        if len(columns) == 1:
            ends = [58]
        head = " " * 7 + row_header
        for (_, label), end in zip(columns, ends):
            head = right(head, label, end)
        p.add(head)
        p.add()
        for row, label in rows:
            line = label
            for (column, _), end in zip(columns, ends):
                line = right(line, r.cell(table, row, column), end)
            p.add(line)
            p.add()
        p.add()


APP_ENDS = [48, 57, 65, 74, 83, 90, 98]


def layout_applications_header(p):
    """表三's heading and header as pdftotext lays it out: words broken where
    the narrow cells wrap them."""
    p.add(" " * 18 + HEADINGS["applications"])
    p.add(" " * 62 + "申请人情况")
    p.add()
    p.add(right("（本列数据的勾稽关系为：第一项加第二项之和，", "法人或其他组织", 80))
    p.add("等于第三项加第四项之和）")
    p.add(right(right(" " * 30, "自然人", 48), "总计", 98))
    p.add(right(right(right(right(" " * 40, "商业企", 57), "科研机", 65), "社会公益", 74), "法律服务", 83))
    p.add(right(" " * 40, "其他", 90))
    p.add(right(right(right(right(" " * 40, "业", 55), "构", 63), "组织", 72), "机构", 81))
    p.add()


def layout_applications(p, r):
    def numbers(line, row):
        for column, end in zip(APP_COLUMNS, APP_ENDS):
            line = right(line, r.cell("applications", row, column), end)
        return line

    layout_applications_header(p)
    # The vertical label 三、本年度办理结果 down the left margin, one piece on
    # every other line of its rows, as a tall merged cell prints.
    vertical = ["三、", "本", "年", "度", "办", "理", "结", "果"]
    v = 0
    # The group label (（三）不予公开 …) beside the middle row of its group, in
    # two pieces like a narrow cell: （三）不 / 予公开.
    group_lines = {}
    for group in dict.fromkeys(g for _, _, g in r.app_rows if g):
        members = [i for i, (_, _, g) in enumerate(r.app_rows) if g == group]
        group_lines[members[len(members) // 2]] = (group[:4], group[4:])

    for i, (row, label, group) in enumerate(r.app_rows):
        if group is None:
            p.add(numbers(label, row))
            p.add()
            continue
        indent = 6 if group == "" else 13
        left = ""
        if v < len(vertical) and i % 2 == 0:
            left = vertical[v]
            v += 1
        pieces = [label]
        limit = 16 if group == "" else 14
        if width(label) > limit:
            pieces = [label[k:k + limit] for k in range(0, width(label), limit)]
        prefix = pad_to(left, indent) if left else " " * indent
        if i in group_lines:
            head, tail = group_lines[i]
            p.add(" " * 5 + head)
            p.add(" " * 5 + tail)
        if len(pieces) == 1:
            p.add(numbers(prefix + label, row))
        else:
            # A wrapped label: the numbers on the line after its first piece.
            p.add(prefix + pieces[0])
            p.add(numbers("", row) if len(pieces) == 2 else numbers(" " * indent + pieces[1], row))
            for piece in pieces[1 if len(pieces) == 2 else 2:]:
                p.add(" " * indent + piece)
        p.add()
    while v < len(vertical):
        p.add(vertical[v])
        v += 1
    p.add()


def layout_review(p, r):
    """表四 as one printed line of fifteen numbers under a three-level header."""
    p.add(" " * 5 + HEADINGS["review_litigation"])
    p.add(" " * 10 + "行政复议" + " " * 30 + "行政诉讼")
    p.add()
    p.add(" " * 34 + "未经复议直接起诉" + " " * 18 + "复议后起诉")
    p.add()
    top = ""
    bottom = ""
    for block in range(3):
        for k, label in enumerate(RL_LABELS):
            end = 6 + 6 * (block * 5 + k)
            if label == "总计":
                top = right(top, "总计", end)
            else:
                top = right(top, label[:2], end)
                bottom = right(bottom, label[2:], end)
    p.add(top)
    p.add(bottom)
    p.add()
    line = ""
    for block, row in enumerate(RL_ROWS):
        for k, column in enumerate(RL_COLUMNS):
            line = right(line, r.cell("review_litigation", row, column), 6 + 6 * (block * 5 + k))
    p.add(line)
    p.add()


def layout_text(r):
    p = Pages(46)
    p.add(" " * 16 + r.unit)
    p.add(" " * 8 + f"{r.year}年政府信息公开工作年度报告")
    p.add()
    for line in wrap(r.preamble()):
        p.add(line)
    layout_prose(p, r, "overview")
    layout_art20(p, r)
    layout_applications(p, r)
    layout_review(p, r)
    layout_prose(p, r, "problems")
    layout_prose(p, r, "other_matters")
    p.add()
    for line in r.signature():
        p.add(" " * 40 + line)
    return p.text()


# ---------- reading-order text ----------

def raw_text(r):
    out = []

    def add(*items):
        for item in items:
            out.append(item)
            out.append("")

    out.append(r.unit)
    out.append(f"{r.year}年政府信息公开工作年度报告")
    out.append("")
    out.extend(wrap(r.preamble(), 2, 28))
    out.append(HEADINGS["overview"])
    for para in r.text.get("overview", "").split("\n"):
        out.extend(wrap(para, 2, 28))
    out.append("")
    out.append(HEADINGS["proactive"])
    page = 2
    for table, title, row_header, rows, columns in r.art20:
        out.append(title)
        add(row_header)
        if len(columns) == 1:
            # A one-column table: the number, vertically centred, comes first.
            add(columns[0][1])
            for row, label in rows:
                out.append(r.cell(table, row, columns[0][0]))
                out.append("")
                add(label)
        else:
            add(*[label for _, label in columns])
            for row, label in rows:
                add(label, *[r.cell(table, row, column) for column, _ in columns])
        if table == "art20_5":
            add(f"-{page}-")
            page += 1
    out.append(HEADINGS["applications"])
    add("申请人情况")
    out.append("（本列数据的勾稽关系为：第一项加第二项之和，")
    add("等于第三项加第四项之和）")
    add("法人或其他组织", "自然人")
    add("商业企", "业", "科研机", "构", "社会公益", "组织", "法律服务", "机构", "其他", "总计")
    seen_groups = set()
    vertical = iter(["三、", "本年", "度办", "理结", "果"])
    for i, (row, label, group) in enumerate(r.app_rows):
        if group and group not in seen_groups:
            seen_groups.add(group)
            add(group)
        if group is not None and i % 5 == 3:
            piece = next(vertical, None)
            if piece:
                add(piece)
        if width(label) > 18:
            out.append(label[:18])
            add(label[18:])
        else:
            add(label)
        add(*[r.cell("applications", row, column) for column in APP_COLUMNS])
        if row == "unavailable.unclear":
            add(f"-{page}-")
            page += 1
    for piece in vertical:
        add(piece)
    out.append(HEADINGS["review_litigation"])
    add("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉")
    for _ in range(3):
        add("结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计")
    numbers = [r.cell("review_litigation", row, column) for row in RL_ROWS for column in RL_COLUMNS]
    add(*numbers)
    for key in ("problems", "other_matters"):
        out.append(HEADINGS[key])
        for para in r.text.get(key, "").split("\n"):
            out.extend(wrap(para, 2, 28))
        out.append("")
    out.extend(r.signature())
    return "\n".join(out) + "\n\f"


# ---------- HTML as a CMS prints it ----------

def esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("“", "&ldquo;").replace("”", "&rdquo;"))


def html_art20(w, r):
    td = '<td style="border:1px solid #000;padding:3px;text-align:center;">'
    # One table a 第二十条 item, its title in a first row across the table.
    for table, title, row_header, rows, columns in r.art20:
        w('<table border="1" cellspacing="0" cellpadding="0" width="600" style="border-collapse:collapse;">')
        w('<tbody>')
        w(f'<tr><td colspan="{len(columns) + 1}" style="background:#dbe5f1;"><p align="center">'
          f'<strong>{title}</strong></p></td></tr>')
        head = f'{td}<p>{row_header}</p></td>'
        for _, label in columns:
            broken = label if len(label) <= 6 else label[:4] + "<br>" + label[4:]
            head += f'<td style="border:1px solid #000;"><p align="center">{broken}</p></td>'
        w(f'<tr>{head}</tr>')
        for row, label in rows:
            cells = "".join(f'<td style="border:1px solid #000;"><p align="center">'
                            f'{r.cell(table, row, column) or "&nbsp;"}</p></td>'
                            for column, _ in columns)
            w(f'<tr>{td}<p>{label}</p></td>{cells}</tr>')
        w('</tbody>')
        w('</table>')
        w('<p>&nbsp;</p>')


def html_applications(w, r):
    w(f'<p style="text-indent:2em;"><strong>{HEADINGS["applications"]}</strong></p>')
    w('<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">')
    w('<tbody>')
    w(f'<tr><td rowspan="3" colspan="3"><p>{APP_NOTE}</p></td><td colspan="7"><p align="center">申请人情况</p></td></tr>')
    w('<tr><td rowspan="2"><p>自然人</p></td><td colspan="5"><p align="center">法人或其他组织</p></td>'
      '<td rowspan="2"><p>总计</p></td></tr>')
    w('<tr><td><p>商业<br>企业</p></td><td><p>科研<br>机构</p></td><td><p>社会公<br>益组织</p></td>'
      '<td><p>法律服<br>务机构</p></td><td><p>其他</p></td></tr>')

    def nums(row):
        return "".join(f'<td><p align="center"><span>{r.cell("applications", row, c) or "&nbsp;"}</span></p></td>'
                       for c in APP_COLUMNS)

    outcome_rows = [i for i, (_, _, g) in enumerate(r.app_rows) if g is not None]
    groups_done = set()
    for i, (row, label, group) in enumerate(r.app_rows):
        cells = ""
        if group is None:
            cells = f'<td colspan="3"><p>{esc(label)}</p></td>'
        else:
            if i == outcome_rows[0]:
                cells += f'<td rowspan="{len(outcome_rows)}"><p align="center">三、本年度办理结果</p></td>'
            if group == "":
                cells += f'<td colspan="2"><p>{esc(label)}</p></td>'
            else:
                if group not in groups_done:
                    groups_done.add(group)
                    n = sum(1 for _, _, g in r.app_rows if g == group)
                    cells += f'<td rowspan="{n}"><p>{group}</p></td>'
                cells += f'<td><p>{esc(label)}</p></td>'
        w(f'<tr>{cells}{nums(row)}</tr>')
    w('</tbody>')
    w('</table>')


def html_review(w, r):
    w(f'<p style="text-indent:2em;"><strong>{HEADINGS["review_litigation"]}</strong></p>')
    w('<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">')
    w('<tbody>')
    w('<tr><td colspan="5" rowspan="2"><p align="center">行政复议</p></td>'
      '<td colspan="10"><p align="center">行政诉讼</p></td></tr>')
    w('<tr><td colspan="5"><p align="center">未经复议直接起诉</p></td>'
      '<td colspan="5"><p align="center">复议后起诉</p></td></tr>')
    w('<tr>' + "".join(f'<td><p align="center">{label[:2]}<br>{label[2:]}</p></td>' if label != "总计"
                       else '<td><p align="center">总计</p></td>' for _ in range(3) for label in RL_LABELS) + '</tr>')
    w('<tr>' + "".join(f'<td><p align="center">{r.cell("review_litigation", row, c) or "&nbsp;"}</p></td>'
                       for row in RL_ROWS for c in RL_COLUMNS) + '</tr>')
    w('</tbody>')
    w('</table>')


def html_page(r):
    h = []
    w = h.append
    w('<!DOCTYPE html>')
    w('<html lang="zh-CN">')
    w('<head>')
    w('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">')
    w(f'<title>{esc(r.unit)}{r.year}年政府信息公开工作年度报告_{esc(r.parent)}</title>')
    w('<link rel="stylesheet" href="/css/article.css">')
    w('<script type="text/javascript">')
    w('  var _hmt = _hmt || [];')
    w('  // <table><tr><td>123</td></tr></table> (a template the page fills in)')
    w('  document.write("<td>456</td>");')
    w('</script>')
    w('</head>')
    w('<body>')
    w('<div class="header"><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
      '<a href="/zwgk/ndbg/">政府信息公开年报</a></div></div>')
    w('<!-- 正文开始 -->')
    w('<div class="article">')
    w(f'<h1 class="title">{esc(r.unit)}{r.year}年政府信息公开工作年度报告</h1>')
    w(f'<div class="info">发布时间：{r.year + 1}-01-20&nbsp;&nbsp;来源：{esc(r.unit)}&nbsp;&nbsp;'
      '字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>')
    w('<div class="content" id="zoom">')
    w(f'<p style="text-indent:2em;">{esc(r.preamble())}</p>')
    w(f'<p style="text-indent:2em;"><strong>{HEADINGS["overview"]}</strong></p>')
    for para in r.text.get("overview", "").split("\n"):
        w(f'<p style="text-indent:2em;"><span style="font-family:仿宋_GB2312;">{esc(para)}</span></p>')
    w(f'<p style="text-indent:2em;"><strong>{HEADINGS["proactive"]}</strong></p>')
    html_art20(w, r)
    html_applications(w, r)
    html_review(w, r)
    for key in ("problems", "other_matters"):
        w(f'<p style="text-indent:2em;"><strong>{HEADINGS[key]}</strong></p>')
        for para in r.text.get(key, "").split("\n"):
            w(f'<p style="text-indent:2em;">{esc(para)}</p>')
    for line in r.signature():
        w(f'<p style="text-align:right;">{esc(line)}</p>')
    w('</div>')
    w('</div>')
    w('<div class="footer"><p>主办：示例县人民政府办公室&nbsp;&nbsp;网站标识码：0000000000</p>'
      '<script>var shareCount = "<td>12</td>";</script></div>')
    w('</body>')
    w('</html>')
    return "\n".join(h) + "\n"


# ---------- PDF through our own HTML ----------

def read_head(path, n=5):
    with open(path, "rb") as f:
        return f.read(n)


def pdf_from_render(govstats, chromium, source, dest):
    if not os.access(govstats, os.X_OK):
        sys.exit(f"{govstats}: no govstats program there (build first, or pass --govstats)")
    with tempfile.TemporaryDirectory(prefix="govstats-fixture-") as tmp:
        html = os.path.join(tmp, "report.html")
        pdf = os.path.join(tmp, "report.pdf")
        render = subprocess.run([govstats, "render", "--format", "html", source], capture_output=True)
        if render.returncode != 0:
            sys.exit(f"{source}: govstats render failed: {render.stderr.decode(errors='replace').strip()}")
        with open(html, "wb") as f:
            f.write(render.stdout)
        # Chromium must not inherit a sanitizer preload.
        env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "ASAN_OPTIONS", "UBSAN_OPTIONS")}
        try:
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            "--no-first-run", f"--user-data-dir={os.path.join(tmp, 'profile')}",
                            f"--print-to-pdf={pdf}", "file://" + html],
                           check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        except (OSError, subprocess.SubprocessError) as e:
            sys.exit(f"{chromium}: could not print {html} to PDF: {e}")
        if not os.path.exists(pdf) or read_head(pdf) != b"%PDF-":
            sys.exit(f"{chromium} wrote no PDF")
        with open(pdf, "rb") as f:
            write_atomically(dest, f.read())


def write_atomically(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def texts(report):
    return {
        ".layout.txt": layout_text(report),
        ".raw.txt": raw_text(report),
        ".html": html_page(report),
    }


def main():
    ap = argparse.ArgumentParser(description="Writes the published forms of known reports.")
    ap.add_argument("--check", action="store_true",
                    help="compare the committed text forms with a fresh run; write nothing")
    ap.add_argument("--govstats", default=os.path.join(ROOT, "build", "tools", "govstats"))
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    ap.add_argument("--no-pdf", action="store_true", help="write the text forms only")
    args = ap.parse_args()

    if args.check:
        stale = []
        for stem, source in SOURCES:
            for suffix, text in texts(Report(source)).items():
                path = os.path.join(OUT, stem + suffix)
                try:
                    with open(path, encoding="utf-8", newline="") as f:
                        if f.read() != text:
                            stale.append(path)
                except FileNotFoundError:
                    stale.append(path)
            pdf = os.path.join(OUT, stem + ".pdf")
            if not os.path.exists(pdf) or read_head(pdf) != b"%PDF-":
                stale.append(pdf)
        for path in stale:
            print(f"{path}: not what {os.path.basename(__file__)} writes; run it again", file=sys.stderr)
        print(f"{4 * len(SOURCES) - len(stale)} passed, {len(stale)} failed")
        return 1 if stale else 0
    if not args.no_pdf and not os.access(args.govstats, os.X_OK):
        sys.exit(f"{args.govstats}: no govstats program there (build first, or pass --govstats)")
    os.makedirs(OUT, exist_ok=True)
    for stem, source in SOURCES:
        for suffix, text in texts(Report(source)).items():
            write_atomically(os.path.join(OUT, stem + suffix), text.encode("utf-8"))
        if not args.no_pdf:
            pdf_from_render(args.govstats, args.chromium, source, os.path.join(OUT, stem + ".pdf"))
    return 0

if __name__ == "__main__":
    sys.exit(main())
