#!/usr/bin/python3
# test-cli-i18n.py — the languages of the govstats command line: under
# LANG=zh_CN.UTF-8 errors, findings, summaries and --help are Chinese; under
# LANG=C English; --lang wins over the locale, for the library's messages
# (a file's parse error) too.
#
# Usage: test-cli-i18n.py PATH/TO/govstats
# Prints TAP. Needs the zh_CN.UTF-8 locale (.ci/install-deps generates it)
# for GLib's own --help words; everything else is read from the catalog
# inside the library.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402


HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.environ.get("GOVSTATS_SOURCE_ROOT") or os.path.normpath(os.path.join(HERE, "..", ".."))
TEST_DATA = os.environ.get("GOVSTATS_TEST_DATA") or os.path.join(SOURCE_ROOT, "tests", "data")
UNITS_2021 = os.path.join(SOURCE_ROOT, "examples", "data", "2021", "units")
ROSTER_2021 = os.path.join(SOURCE_ROOT, "examples", "data", "2021", "roster.json")
MALFORMED = os.path.join(TEST_DATA, "rules", "malformed-report.json")
# D10 has a mistyped cell: two equations broken by 1.
D10 = os.path.join(UNITS_2021, "D10.json")

if len(sys.argv) != 2:
    sys.exit("usage: test-cli-i18n.py PATH/TO/govstats")
TOOL = os.path.abspath(sys.argv[1])
TMP = tempfile.mkdtemp(prefix="govstats-cli-i18n-")
CJK = re.compile(r"[\u4e00-\u9fff]")


def govstats(*args, locale):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
    env["LANG"] = locale
    proc = subprocess.run([TOOL, *args], capture_output=True, env=env, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def zh(*args):
    return govstats(*args, locale="zh_CN.UTF-8")


def c(*args):
    return govstats(*args, locale="C")


def eq(actual, expected, what=""):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def contains(text, parts, what=""):
    for part in parts:
        if part not in text:
            raise AssertionError(f"{what}: {part!r} not in {text!r}")


def lacks(text, parts, what=""):
    for part in parts:
        if part in text:
            raise AssertionError(f"{what}: {part!r} unexpectedly in {text!r}")


# What a check of the two files says, in each language.
CHINESE_CHECK = ["错误 [input.invalid]", f"{MALFORMED}:5:3: 此处应为“,”或“}}”，却是“\"”".replace("}}", "}"),
                 "错误 [applications.row_total] “（一）予以公开”行：", "左边多 1。", "单元格：", "指纹：",
                 "检查报告 2 份，其中 0 份没有问题：错误 3 项，警告 0 项，无法判定 0 项，提示 ",
                 "（2021 年格式，2021 年度）"]
ENGLISH_CHECK = ["error [input.invalid]", f"{MALFORMED}:5:3: expected “,” or “}}”, found “\"”".replace("}}", "}"),
                 "error [applications.row_total] row “Disclosed”: ", "the left side is larger by 1.", "cells:",
                 "fingerprint:", "2 reports checked, 0 without findings: 3 errors, 0 warnings, 0 undecided, ",
                 "(layout 2021, 2021)"]


def test_check_chinese_locale():
    status, out, err = zh("check", MALFORMED, D10)
    eq(status, 1, "exit status")
    contains(out, CHINESE_CHECK, "stdout")
    lacks(out, ["error [", "expected", "fingerprint:", "reports checked"], "stdout")


def test_check_c_locale():
    status, out, err = c("check", MALFORMED, D10)
    eq(status, 1, "exit status")
    contains(out, ENGLISH_CHECK, "stdout")
    lacks(out, ["错误", "此处应为", "指纹", "检查报告", "左边"], "stdout")


def test_lang_en_wins_over_chinese_locale():
    status, out, err = zh("check", "--lang", "en", MALFORMED, D10)
    eq(status, 1, "exit status")
    contains(out, ENGLISH_CHECK, "stdout")
    lacks(out, ["错误", "此处应为", "指纹", "检查报告", "左边"], "stdout")


def test_lang_zh_wins_over_c_locale():
    status, out, err = c("check", "--lang", "zh", MALFORMED, D10)
    eq(status, 1, "exit status")
    contains(out, CHINESE_CHECK, "stdout")
    lacks(out, ["error [", "expected", "fingerprint:", "reports checked"], "stdout")


def test_json_messages_follow_language():
    for run, lang, words in ((zh, None, "左边多 1"), (c, None, "the left side is larger by 1"),
                             (zh, "en", "the left side is larger by 1"), (c, "zh", "左边多 1")):
        args = ["check", "--json"] + (["--lang", lang] if lang else []) + [MALFORMED, D10]
        status, out, err = run(*args)
        eq(status, 1, f"exit status of {args}")
        data = json.loads(out)
        messages = [f["message"] for r in data["reports"] for f in r["findings"]]
        if not any(words in m for m in messages):
            raise AssertionError(f"{args}: no message with {words!r}: {messages}")
        invalid = [f["message"] for r in data["reports"] for f in r["findings"] if f["rule"] == "input.invalid"]
        eq(len(invalid), 1, "input.invalid findings")
        eq(bool(CJK.search(invalid[0])), words == "左边多 1", f"Chinese parse error with {args}: {invalid[0]!r}")


def test_usage_errors_chinese():
    status, out, err = zh("check")
    eq(status, 2, "exit status")
    contains(err, ["govstats: check 至少需要一个 INPUT"], "stderr")
    status, out, err = zh("check", "--lang", "fr", D10)
    eq(status, 2, "exit status")
    contains(err, ["未知的语言“fr”（可用 zh 或 en）"], "stderr")
    status, out, err = zh("frobnicate")
    eq(status, 2, "exit status")
    contains(err, ["未知的命令“frobnicate”", "用法：govstats 命令"], "stderr")
    empty = os.path.join(TMP, "empty")
    os.makedirs(empty, exist_ok=True)
    status, out, err = zh("check", empty)
    eq(status, 2, "exit status")
    contains(err, [f"{empty} 中没有报告文件"], "stderr")
    status, out, err = c("check", "--lang", "fr", D10)
    eq(status, 2, "exit status")
    contains(err, ["unknown language “fr” (zh or en)"], "stderr")


def test_help_chinese():
    status, out, err = zh("--help")
    eq(status, 0, "exit status")
    contains(out, ["用法：govstats 命令 [选项…]", "check          按勾稽关系检查报告",
                   "运行“govstats 命令 --help”查看该命令的选项。"], "govstats --help")
    status, out, err = zh("check", "--help")
    eq(status, 0, "exit status")
    contains(out, ["按报告所用格式的勾稽关系检查每份报告。", "退出状态：0 没有错误，1 有错误，2 用法错误。",
                   "--lang=LANG", "消息的语言：zh 或 en", "附加的规则文件",
                   # GLib's own words, from its catalog under the zh_CN.UTF-8 locale.
                   "用法：", "帮助选项："], "govstats check --help")
    lacks(out, ["Language of the messages", "Usage:"], "govstats check --help")
    for command, words in (("rollup", "将各单位的报告汇总为一份报告"), ("render", "标签的语言：zh 或 en"),
                           ("schema", "格式版本（2019 或 2021；默认：最新的）"), ("import", "SOURCE 的形式"),
                           ("explain", "列出各单位在汇总表某一单元格"), ("validate-file", "以规范形式逐一输出")):
        status, out, err = zh(command, "--help")
        eq(status, 0, f"exit status of {command} --help")
        contains(out, [words], f"govstats {command} --help")


def test_help_c():
    status, out, err = c("--help")
    eq(status, 0, "exit status")
    contains(out, ["Usage: govstats COMMAND [OPTION…]", "check reports against the consistency rules"], "govstats --help")
    status, out, err = c("check", "--help")
    eq(status, 0, "exit status")
    contains(out, ["Usage:", "Language of the messages: zh or en", "Exit status: 0 no error findings"], "check --help")
    if CJK.search(out.replace("勾稽关系", "")):
        raise AssertionError(f"Chinese in the C locale's --help: {out!r}")


def test_rollup_chinese():
    out_file = os.path.join(TMP, "county.json")
    status, out, err = zh("rollup", "--roster", ROSTER_2021, "-o", out_file, UNITS_2021)
    eq(status, 1, "exit status")
    contains(out, ["2021 年度汇总：", "个单位，2021 年格式，已写入 " + out_file, "汇总问题：",
                   "applications/received/total 按单位类别：政府及其部门 "], "stdout")
    status, out, err = zh("rollup", "--lang", "en", "--roster", ROSTER_2021, "-o", out_file, UNITS_2021)
    eq(status, 1, "exit status")
    contains(out, ["Consolidated ", "2021 layout; written to " + out_file, "Consolidation:",
                   "applications/received/total by kind of unit: the government and its departments "], "stdout")


def test_schema_deprecation_note_chinese():
    status, out, err = zh("schema", "--version", "2019", "--format", "json")
    eq(status, 0, "exit status")
    contains(err, ["“schema --version”已弃用，请改用“schema --layout”"], "stderr")


TESTS = [
    test_check_chinese_locale,
    test_check_c_locale,
    test_lang_en_wins_over_chinese_locale,
    test_lang_zh_wins_over_c_locale,
    test_json_messages_follow_language,
    test_usage_errors_chinese,
    test_help_chinese,
    test_help_c,
    test_rollup_chinese,
    test_schema_deprecation_note_chinese,
]


def main():
    return tap.run(TESTS)


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
