#!/usr/bin/python3
# browser-test.py — the HTML of `govstats render` in a real browser
#
# Renders a 2021 report as HTML with the built govstats tool, opens it in
# headless Chromium, takes a screenshot (which must exist and not be blank)
# and checks the DOM Chromium built from the page: the cells carry the
# report's exact values under data-path, the vertical 三、本年度办理结果 cell
# spans its rows, table 四 is one line of 15 numbers under two header levels,
# and `--check` highlights the cells of a broken balance.
#
# Usage: browser-test.py GOVSTATS_TOOL [REPORT.json]
#   REPORT.json defaults to $GOVSTATS_SOURCE_ROOT/examples/data/2021/units/D01.json.
#   With $GOVSTATS_RENDER_SCREENSHOT set, the screenshot is kept there.
#
# Chromium is required: without it this test fails (it does not skip).
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import decimal
import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

CHROMIUM_FLAGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--hide-scrollbars',
]

failures = []


def check(condition, message):
    print(('ok - ' if condition else 'FAIL - ') + message)
    if not condition:
        failures.append(message)
    return condition


def find_chromium():
    for name in ('chromium', 'chromium-browser', 'google-chrome'):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(chromium, workdir, args, url):
    profile = tempfile.mkdtemp(prefix='profile-', dir=workdir)
    cmd = [chromium] + CHROMIUM_FLAGS + ['--user-data-dir=' + profile] + args + [url]
    # The sanitizer run preloads ASan into every test; Chromium must not get it.
    env = {k: v for k, v in os.environ.items() if k not in ('LD_PRELOAD', 'ASAN_OPTIONS', 'UBSAN_OPTIONS')}
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=180, env=env)
    if result.returncode != 0:
        sys.stderr.write(result.stderr.decode('utf-8', 'replace'))
    return result


# ---------- PNG ----------

def decode_png(data):
    """Returns (width, height, channels, rows of bytes) of an 8-bit PNG."""
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG file')
    pos, idat = 8, []
    width = height = channels = None
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b'IHDR':
            width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', body)
            if depth != 8 or interlace != 0:
                raise ValueError('unsupported PNG: depth %d, interlace %d' % (depth, interlace))
            channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
            if channels is None:
                raise ValueError('unsupported PNG colour type %d' % colour)
        elif kind == b'IDAT':
            idat.append(body)
        elif kind == b'IEND':
            break
    raw = zlib.decompress(b''.join(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif kind != 0:
            raise ValueError('bad PNG filter %d' % kind)
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def ink_fraction(width, height, channels, rows):
    """The share of pixels that are clearly not the white page, and the number
    of distinct colours (on a sample of pixels)."""
    dark, colours, total = 0, set(), 0
    for y in range(0, height, 2):
        row = rows[y]
        for x in range(0, width, 2):
            pixel = row[x * channels:x * channels + min(channels, 3)]
            colours.add(pixel)
            total += 1
            if min(pixel) < 160:
                dark += 1
    return dark / total, len(colours)


# ---------- DOM ----------

class Dom(html.parser.HTMLParser):
    """Tables as lists of rows of cells; each cell a dict with tag, attrs, text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.table, self.row, self.cell = [], None, None, None
        self.meta_charset = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == 'meta' and 'charset' in attrs:
            self.meta_charset = attrs['charset']
        elif tag == 'table':
            self.table = {'attrs': attrs, 'rows': []}
            self.tables.append(self.table)
        elif tag == 'tr' and self.table is not None:
            self.row = []
            self.table['rows'].append(self.row)
        elif tag in ('td', 'th') and self.row is not None:
            self.cell = {'tag': tag, 'attrs': attrs, 'text': ''}
            self.row.append(self.cell)

    def handle_endtag(self, tag):
        if tag in ('td', 'th'):
            self.cell = None
        elif tag == 'tr':
            self.row = None
        elif tag == 'table':
            self.table = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell['text'] += data

    def cells(self):
        for table in self.tables:
            for row in table['rows']:
                for cell in row:
                    yield table, row, cell

    def table_named(self, key):
        for table in self.tables:
            if table['attrs'].get('data-table') == key:
                return table
        return None


def span(cell, name):
    return int(cell['attrs'].get(name, '1'))


def report_values(report):
    """data-path → exact text of every set cell of a report file."""
    values = {}
    for table, rows in report.get('tables', {}).items():
        for row, columns in rows.items():
            for column, value in columns.items():
                if isinstance(value, dict):
                    value = value.get('value')
                if value is not None:
                    values['%s/%s/%s' % (table, row, column)] = str(value)
    return values


def render(tool, report_path, html_path, *extra):
    result = subprocess.run([tool, 'render', '--format', 'html', '--lang', 'zh'] + list(extra) + [report_path],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    check(result.returncode == 0, ' '.join(['govstats render --format html'] + list(extra)) + ' exits 0')
    with open(html_path, 'wb') as f:
        f.write(result.stdout)


def dump_dom(chromium, workdir, html_path):
    result = run_chromium(chromium, workdir, ['--dump-dom'], 'file://' + html_path)
    check(result.returncode == 0 and b'</html>' in result.stdout, 'chromium --dump-dom gives the document')
    dom = Dom()
    dom.feed(result.stdout.decode('utf-8'))
    return dom


def main():
    if len(sys.argv) < 2:
        print('usage: browser-test.py GOVSTATS_TOOL [REPORT.json]', file=sys.stderr)
        return 2
    tool = sys.argv[1]
    root = os.environ.get('GOVSTATS_SOURCE_ROOT',
                          os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
    report_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, 'examples', 'data', '2021', 'units', 'D01.json')

    chromium = find_chromium()
    if not check(chromium is not None, 'chromium is installed (apt-get install chromium)'):
        return 1

    with open(report_path, encoding='utf-8') as f:
        report = json.load(f, parse_float=decimal.Decimal)
    check(report.get('version') == '2021', 'the report uses the 2021 layout')
    schema = json.loads(subprocess.run([tool, 'schema', '--version', report['version'], '--format', 'json'],
                                       stdout=subprocess.PIPE, check=True, timeout=60).stdout)
    applications = next(t for t in schema['tables'] if t['key'] == 'applications')

    workdir = tempfile.mkdtemp(prefix='govstats-browser-')
    try:
        html_path = os.path.join(workdir, 'report.html')
        png_path = os.path.join(workdir, 'report.png')
        render(tool, report_path, html_path)

        # The screenshot: present, a PNG of the window size, with ink on it.
        run_chromium(chromium, workdir, ['--screenshot=' + png_path, '--window-size=1200,2000'], 'file://' + html_path)
        if check(os.path.exists(png_path) and os.path.getsize(png_path) > 0, 'the screenshot exists'):
            with open(png_path, 'rb') as f:
                width, height, channels, rows = decode_png(f.read())
            check((width, height) == (1200, 2000), 'the screenshot is 1200×2000 (%d×%d)' % (width, height))
            ink, colours = ink_fraction(width, height, channels, rows)
            check(ink > 0.005, 'the screenshot is not blank (%.1f%% of the pixels are ink)' % (ink * 100))
            check(colours > 2, 'the screenshot has more than two colours (%d)' % colours)
            keep = os.environ.get('GOVSTATS_RENDER_SCREENSHOT')
            if keep:
                shutil.copyfile(png_path, keep)
                print('# screenshot kept as %s' % keep)

        dom = dump_dom(chromium, workdir, html_path)
        check(dom.meta_charset is not None and dom.meta_charset.lower() == 'utf-8', '<meta charset="utf-8">')

        # Every value cell: its path once, its exact value (blank stays blank).
        values = report_values(report)
        shown = {}
        for _, _, cell in dom.cells():
            path = cell['attrs'].get('data-path')
            if path is not None:
                if path in shown:
                    check(False, 'data-path %s appears once' % path)
                shown[path] = cell['text']
        check(shown.get('applications/received/total') == values.get('applications/received/total'),
              'applications/received/total holds %s (found %r)'
              % (values.get('applications/received/total'), shown.get('applications/received/total')))
        wrong = [p for p, text in shown.items() if text != values.get(p, '')]
        check(not wrong, 'all %d value cells hold the report\'s values%s' % (len(shown), (': ' + ', '.join(wrong[:5])) if wrong else ''))
        missing = [p for p in values if p not in shown and not p.startswith('applications/other/')]
        check(not missing, 'every set cell is shown%s' % ((': ' + ', '.join(missing[:5])) if missing else ''))

        # The application matrix.
        table = dom.table_named('applications')
        check(table is not None, 'the applications table is there')
        header = [c for c in table['rows'][0]] + [c for c in table['rows'][1]] + [c for c in table['rows'][2]]
        by_text = {c['text']: c for c in header}
        note = table['rows'][0][0]
        check(note['text'] == applications['note']['zh'] and span(note, 'rowspan') == 3 and span(note, 'colspan') == 3,
              'the note fills the top-left cell over 3 header rows and 3 label columns')
        check(span(by_text.get('申请人情况', {'attrs': {}}), 'colspan') == 7, '申请人情况 spans the 7 columns')
        check(span(by_text.get('法人或其他组织', {'attrs': {}}), 'colspan') == 5, '法人或其他组织 spans its 5 columns')
        check(span(by_text.get('自然人', {'attrs': {}}), 'rowspan') == 2 and span(by_text.get('总计', {'attrs': {}}), 'rowspan') == 2,
              '自然人 and 总计 span two header rows')

        group = applications['printed_groups'][0]
        keys = [r['key'] for r in applications['rows']]
        inside = applications['rows'][keys.index(group['first']):keys.index(group['last']) + 1]
        expected_span = sum(1 for r in inside if not r.get('group'))
        vertical = [c for _, _, c in dom.cells() if 'govstats-printed-group' in c['attrs'].get('class', '')]
        check(len(vertical) == 1 and vertical[0]['text'] == group['label']['zh'], 'one %s cell' % group['label']['zh'])
        if vertical:
            check(span(vertical[0], 'rowspan') == expected_span == 22,
                  '三、本年度办理结果 spans its %d rows (rowspan %d)' % (expected_span, span(vertical[0], 'rowspan')))
        for parent in (r for r in applications['rows'] if r.get('group')):
            children = sum(1 for r in applications['rows'] if r.get('parent') == parent['key'])
            cells = [c for _, _, c in dom.cells() if c['tag'] == 'th' and c['text'] == parent['label']['zh']]
            check(len(cells) == 1 and span(cells[0], 'rowspan') == children,
                  '%s spans its %d sub-rows' % (parent['label']['zh'], children))

        # Table 四: 行政复议 (5) | 行政诉讼 (未经复议直接起诉 5, 复议后起诉 5), one line of 15.
        review = dom.table_named('review_litigation')
        check(review is not None, 'the review/litigation table is there')
        value_rows = [row for row in review['rows'] if any(c['tag'] == 'td' for c in row)]
        check(len(value_rows) == 1 and len([c for c in value_rows[0] if c['tag'] == 'td']) == 15,
              'table 四 is one row of 15 value cells')
        first = {c['text']: c for c in review['rows'][0]}
        second = {c['text']: c for c in review['rows'][1]}
        check(span(first.get('行政复议', {'attrs': {}}), 'colspan') == 5 and span(first.get('行政复议', {'attrs': {}}), 'rowspan') == 2,
              '行政复议 spans 5 columns and 2 header rows')
        check(span(first.get('行政诉讼', {'attrs': {}}), 'colspan') == 10, '行政诉讼 spans 10 columns')
        check(span(second.get('未经复议直接起诉', {'attrs': {}}), 'colspan') == 5 and span(second.get('复议后起诉', {'attrs': {}}), 'colspan') == 5,
              '未经复议直接起诉 and 复议后起诉 span 5 columns each')
        check(len(review['rows'][2]) == 15, '15 column labels under them')

        # --check: the cells of a broken balance are highlighted.
        with open(report_path, encoding='utf-8') as f:
            broken = json.load(f)
        cell = broken['tables']['applications']['received']
        cell['total'] = int(cell['total']) + 1
        broken_path = os.path.join(workdir, 'broken.json')
        with open(broken_path, 'w', encoding='utf-8') as f:
            json.dump(broken, f, ensure_ascii=False)
        checked_path = os.path.join(workdir, 'checked.html')
        render(tool, broken_path, checked_path, '--check')
        dom = dump_dom(chromium, workdir, checked_path)
        flagged = [c for _, _, c in dom.cells() if c['attrs'].get('data-path') == 'applications/received/total']
        check(len(flagged) == 1 and 'govstats-error' in flagged[0]['attrs'].get('class', '')
              and flagged[0]['attrs'].get('title'),
              'with --check the broken cell has class govstats-error and a title')
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print('%d failure(s)' % len(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
