#!/usr/bin/python3
# test-cli-check.py — `govstats check`: exit status, --json, batches with
# unreadable files, --waivers, --previous, --rules, --lang.
#
# Usage: test-cli-check.py PATH/TO/govstats
# Prints TAP (one test point per case). Reads the sample county from
# $GOVSTATS_SOURCE_ROOT/examples/data (see examples/data/README.md) and its
# own fixtures from $GOVSTATS_TEST_DATA/rules; writes only to a temporary
# directory.
#
# The last case pins a bug found in review (input.invalid fingerprints).
#
# Copyright 2026 The libgovstats authors
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
EXAMPLES = os.path.join(SOURCE_ROOT, "examples", "data")
UNITS_2021 = os.path.join(EXAMPLES, "2021", "units")
UNITS_2020 = os.path.join(EXAMPLES, "2020", "units")
FIXTURES = os.path.join(TEST_DATA, "rules")

if len(sys.argv) != 2:
    sys.exit("usage: test-cli-check.py PATH/TO/govstats")
TOOL = os.path.abspath(sys.argv[1])
TMP = tempfile.mkdtemp(prefix="govstats-cli-check-")


def unit(code, year=2021):
    return os.path.join(UNITS_2021 if year == 2021 else UNITS_2020, code + ".json")


def fixture(name):
    return os.path.join(FIXTURES, name)


def govstats(*args, lang="zh"):
    env = dict(os.environ)
    # The default language follows the locale; pin it unless a test sets --lang.
    env["LANGUAGE"] = lang
    env["LC_ALL"] = "C.UTF-8"
    proc = subprocess.run([TOOL, "check", *args], capture_output=True, env=env, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def check_json(*args):
    status, out, err = govstats("--json", *args)
    try:
        data = json.loads(out)
    except ValueError as e:
        raise AssertionError(f"--json output does not parse ({e}): {out[:500]!r} stderr {err!r}")
    return status, data


def eq(actual, expected, what=""):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def report_of(data, code):
    found = [r for r in data["reports"] if (r.get("unit") or {}).get("code") == code]
    eq(len(found), 1, f"reports of {code}")
    return found[0]


def findings(report, rule=None):
    return [f for f in report["findings"] if rule is None or f["rule"] == rule]


def assert_finding_shape(f):
    for key in ("rule", "severity", "outcome", "cells", "message", "fingerprint"):
        assert key in f, f"finding without {key}: {f}"
    assert f["severity"] in ("error", "warning", "info"), f
    assert f["outcome"] in ("failed", "uncertain", "note"), f
    assert isinstance(f["cells"], list), f
    assert isinstance(f["message"], str) and f["message"], f
    assert re.fullmatch(r"[0-9a-f]{16}", f["fingerprint"]), f


def assert_summary(data, errors, warnings, infos, uncertain=0, waived=0):
    s = data["summary"]
    eq(s["errors"], errors, "summary.errors")
    eq(s["warnings"], warnings, "summary.warnings")
    eq(s["infos"], infos, "summary.infos")
    eq(s.get("uncertain", 0), uncertain, "summary.uncertain")
    eq(s.get("waived", 0), waived, "summary.waived")


# ---------- exit status ----------

def test_clean_file_exits_0():
    status, out, err = govstats(unit("D01"))
    eq(status, 0, "exit status")
    status, data = check_json(unit("D01"))
    eq(status, 0, "exit status with --json")
    eq(len(data["reports"]), 1, "reports")
    r = data["reports"][0]
    eq(r["unit"], {"name": "示例县教育和体育局", "code": "D01"}, "unit")
    eq(r["version"], "2021", "version")
    eq(r["year"], 2021, "year")
    eq(r["findings"], [], "findings")
    assert_summary(data, 0, 0, 0)


def test_clean_folder_2020_exits_0():
    # 2020 is clean: every error rule holds (blank cells only give warnings).
    status, data = check_json(UNITS_2020)
    eq(status, 0, "exit status")
    eq(len(data["reports"]), 59, "reports")
    eq(data["summary"]["errors"], 0, "errors")
    for r in data["reports"]:
        for f in r["findings"]:
            assert_finding_shape(f)
            eq(f["rule"], "cells.blank", f"2020 {r['unit']['code']}")


def test_errors_exit_1():
    status, out, err = govstats(unit("D10"))
    eq(status, 1, "exit status")
    status, out, err = govstats(unit("D08"))
    eq(status, 1, "exit status")


def test_usage_errors_exit_2():
    status, out, err = govstats("--no-such-option", unit("D01"))
    eq(status, 2, "unknown option")
    assert err.strip(), "no message on stderr for an unknown option"
    status, out, err = govstats()
    eq(status, 2, "no input")
    assert err.strip(), "no message on stderr without input"
    status, out, err = govstats("--json")
    eq(status, 2, "--json without input")


def test_help_exits_0():
    status, out, err = govstats("--help")
    eq(status, 0, "--help")
    for option in ("--previous", "--rules", "--waivers", "--json", "--lang"):
        assert option in out, f"--help does not mention {option}"


# ---------- --json ----------

def test_json_mistyped_cell_d10():
    # examples/data/README.md, mistake 1: disclosed/natural_person typed 27 for 26.
    status, data = check_json(unit("D10"))
    eq(status, 1, "exit status")
    r = report_of(data, "D10")
    eq(r["unit"]["name"], "示例县住房和城乡建设局", "unit name")
    for f in r["findings"]:
        assert_finding_shape(f)
    eq(sorted(f["rule"] for f in r["findings"]),
       ["applications.outcome_sum", "applications.row_total", "hint.likely_wrong_cell"], "rules")

    row = findings(r, "applications.row_total")[0]
    eq(row["severity"], "error", "row_total severity")
    eq(row["outcome"], "failed", "row_total outcome")
    eq((row["expected"], row["actual"]), (32, 31), "row_total expected/actual")
    eq(sorted(row["cells"]), sorted("applications/disclosed/" + c for c in (
        "natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")), "row_total cells")
    assert "32" in row["message"] and "31" in row["message"], row["message"]
    eq(row["unit"]["code"], "D10", "finding unit")
    assert row["file"].endswith("D10.json"), row

    col = findings(r, "applications.outcome_sum")[0]
    eq((col["expected"], col["actual"]), (66, 65), "outcome_sum expected/actual")
    assert "applications/disclosed/natural_person" in col["cells"]
    assert "applications/total/natural_person" in col["cells"]

    hint = findings(r, "hint.likely_wrong_cell")[0]
    eq(hint["severity"], "info", "hint severity")
    eq(hint["outcome"], "note", "hint outcome")
    eq(hint["cells"], ["applications/disclosed/natural_person"], "hint cells")
    eq((hint["expected"], hint["actual"]), (26, 27), "hint expected/actual")

    assert_summary(data, errors=2, warnings=0, infos=1)


def test_json_review_total_d08():
    # Mistake 5: review upheld 2 + corrected 1 + other 1 + pending 1 = 5, total 4.
    status, data = check_json(unit("D08"))
    eq(status, 1, "exit status")
    r = report_of(data, "D08")
    eq(len(r["findings"]), 1, "findings")
    f = r["findings"][0]
    assert_finding_shape(f)
    eq(f["rule"], "review_litigation.row_total", "rule")
    eq((f["severity"], f["outcome"]), ("error", "failed"), "severity/outcome")
    eq((f["expected"], f["actual"]), (5, 4), "expected/actual")
    eq(sorted(f["cells"]), sorted("review_litigation/review/" + c for c in
                                  ("upheld", "corrected", "other", "pending", "total")), "cells")
    assert_summary(data, errors=1, warnings=0, infos=0)


def test_json_blank_total_column_t09():
    # Mistake 4: the whole 总计 column is blank. One cells.blank finding (not 25);
    # blank is unknown, so row_total is undecided (once), not failed.
    status, data = check_json(unit("T09"))
    r = report_of(data, "T09")
    blank = findings(r, "cells.blank")
    eq(len(blank), 1, "cells.blank findings")
    eq(blank[0]["severity"], "warning", "cells.blank severity")
    eq(len(blank[0]["cells"]), 25, "blank cells")
    assert all(c.startswith("applications/") and c.endswith("/total") for c in blank[0]["cells"]), blank[0]["cells"]
    row = findings(r, "applications.row_total")
    eq(len(row), 1, "row_total findings")
    eq(row[0]["outcome"], "uncertain", "row_total outcome")
    eq(sorted(row[0]["cells"]), sorted("applications/%s/total" % k for k in (
        "received", "disclosed", "withheld.process", "unavailable.not_held", "total", "carried_forward")),
        "undecided cells")
    assert "expected" not in row[0], row[0]
    eq(len(r["findings"]), 2, "findings")
    assert_summary(data, errors=0, warnings=1, infos=0, uncertain=1)
    # Undecided is not an error finding.
    eq(status, 0, "exit status")


def test_json_whole_2021_folder():
    status, data = check_json(UNITS_2021)
    eq(status, 1, "exit status")
    eq(len(data["reports"]), 59, "reports (58 units + D07-resubmitted)")
    eq(data["findings"], [], "top-level findings")
    errors = sorted((r["unit"]["code"], f["rule"]) for r in data["reports"] for f in r["findings"]
                    if f["severity"] == "error" and f["outcome"] == "failed")
    eq(errors, [("D08", "review_litigation.row_total"), ("D10", "applications.outcome_sum"),
                ("D10", "applications.row_total")], "error findings")
    blank_units = sorted({r["unit"]["code"] for r in data["reports"] for f in r["findings"] if f["rule"] == "cells.blank"})
    eq(blank_units, ["T05", "T09", "T12", "T14"], "units with cells.blank")
    s = data["summary"]
    eq(s["errors"], 3, "summary.errors")
    eq(s["errors"] + s["warnings"] + s["infos"] + s["uncertain"] + s["waived"],
       sum(len(r["findings"]) for r in data["reports"]), "summary adds up")


# ---------- batches with unreadable files ----------

def test_malformed_file_in_batch():
    bad = fixture("malformed-report.json")
    missing = os.path.join(TMP, "missing.json")
    status, data = check_json(bad, unit("D01"), missing, unit("D08"))
    eq(status, 1, "exit status")
    eq(len(data["reports"]), 4, "reports")
    eq([r["file"] for r in data["reports"]], [bad, unit("D01"), missing, unit("D08")], "files in order")

    r = data["reports"][0]
    eq(len(r["findings"]), 1, "findings of the malformed file")
    f = r["findings"][0]
    assert_finding_shape(f)
    eq((f["rule"], f["severity"]), ("input.invalid", "error"), "rule/severity")
    eq(f["file"], bad, "file")
    # The comma is missing after line 4 ("year": 2021); the parser stops there or
    # at the next token on line 5.
    assert f.get("line") in (4, 5), f
    assert isinstance(f.get("column"), int) and f["column"] > 0, f
    assert bad in f["message"], f["message"]

    # The other files are still checked.
    eq(data["reports"][1]["findings"], [], "D01 findings")
    eq(data["reports"][1]["unit"]["code"], "D01", "D01 unit")
    m = data["reports"][2]["findings"]
    eq([x["rule"] for x in m], ["input.invalid"], "missing file")
    assert missing in m[0]["message"], m[0]
    eq([x["rule"] for x in data["reports"][3]["findings"]], ["review_litigation.row_total"], "D08 still checked")
    eq(data["summary"]["errors"], 3, "summary.errors")

    # Text output names the file and goes on too.
    status, out, err = govstats(bad, unit("D01"), lang="en")
    eq(status, 1, "text exit status")
    assert "input.invalid" in out and "malformed-report.json" in out, out


# ---------- --waivers ----------

def test_waivers_acknowledge_error():
    status, data = check_json("--waivers", fixture("waivers-d08.json"), unit("D08"))
    eq(status, 0, "exit status with the error waived")
    f = report_of(data, "D08")["findings"][0]
    eq(f["rule"], "review_litigation.row_total", "rule")
    eq(f["severity"], "error", "severity is kept")
    eq(f["waiver"]["reason"], "原表如此：复议总计按本年新收口径填报，已与县司法局核实", "waiver reason")
    eq(f["waiver"]["by"], "示例县政务公开办", "waiver by")
    assert_summary(data, errors=0, warnings=0, infos=0, waived=1)

    # The waiver names D08: D10's errors stay errors.
    status, data = check_json("--waivers", fixture("waivers-d08.json"), unit("D08"), unit("D10"))
    eq(status, 1, "exit status")
    eq(data["summary"]["waived"], 1, "waived")
    eq(data["summary"]["errors"], 2, "errors")

    status, out, err = govstats("--waivers", fixture("waivers-d08.json"), unit("D08"), lang="en")
    eq(status, 0, "text exit status")
    assert "waiver:" in out and "1 waived" in out, out


def test_waivers_by_fingerprint():
    status, data = check_json(unit("D08"))
    fp = data["reports"][0]["findings"][0]["fingerprint"]
    path = os.path.join(TMP, "waivers-fp.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"waivers": [{"fingerprint": fp, "reason": "已核实", "by": "李四", "date": "2022-01-30"}]}, f,
                  ensure_ascii=False)
    status, data = check_json("--waivers", path, unit("D08"))
    eq(status, 0, "exit status")
    eq(data["summary"]["waived"], 1, "waived")


def test_waivers_invalid_file_is_usage_error():
    status, out, err = govstats("--waivers", fixture("waivers-no-reason.json"), unit("D08"))
    eq(status, 2, "exit status")
    assert "reason" in err, err
    status, out, err = govstats("--waivers", os.path.join(TMP, "no-such-waivers.json"), unit("D08"))
    eq(status, 2, "missing waiver file")


# ---------- --previous ----------

def test_previous_enables_carry():
    # Last year's reports (layout 2019), matched by unit code: the carry holds.
    status, data = check_json("--previous", UNITS_2020, UNITS_2021)
    carry = [f for r in data["reports"] for f in r["findings"] if f["rule"].startswith("cross_year.")]
    eq(carry, [], "cross-year findings against the matching 2020 reports")

    # Last year's 四、结转 of 自然人 changed to 3 more than this year carries over.
    with open(unit("D10", 2020), encoding="utf-8") as f:
        last = json.load(f)
    app = last["tables"]["applications"]
    this_year = json.load(open(unit("D10"), encoding="utf-8"))["tables"]["applications"]
    carried_over = this_year["carried_over"]["natural_person"]
    app["carried_forward"]["natural_person"] = carried_over + 3
    path = os.path.join(TMP, "D10-2020.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(last, f, ensure_ascii=False, indent=2)

    status, data = check_json(unit("D10"))
    eq([f["rule"] for f in data["reports"][0]["findings"] if f["rule"].startswith("cross_year.")], [],
       "no cross-year rule without --previous")
    status, data = check_json("--previous", path, unit("D10"))
    r = report_of(data, "D10")
    carry = findings(r, "cross_year.carry")
    eq(len(carry), 1, "cross_year.carry findings")
    f = carry[0]
    assert_finding_shape(f)
    eq((f["severity"], f["outcome"]), ("warning", "failed"), "severity/outcome")
    eq(sorted(f["cells"]), ["applications/carried_over/natural_person",
                            "previous:applications/carried_forward/natural_person"], "cells")
    # expected = last year's figure, actual = this year's.
    eq((f["expected"], f["actual"]), (carried_over + 3, carried_over), "expected/actual")
    # in_force has no counterpart in the 2019 layout: skipped.
    eq(findings(r, "cross_year.in_force"), [], "in_force")
    eq(data["summary"]["warnings"], 1, "summary.warnings")
    eq(status, 1, "exit status (D10's own errors)")


# ---------- --rules ----------

def test_extra_rules():
    status, data = check_json("--rules", fixture("extra-province.json"), unit("D01"))
    r = report_of(data, "D01")
    fees = findings(r, "province.no_fees")
    eq(len(fees), 1, "province.no_fees")
    eq(fees[0]["cells"], ["art20_8/fees/amount"], "cells")
    assert "613.5241" in fees[0]["message"], fees[0]["message"]
    status, out, err = govstats("--rules", fixture("extra-invalid.json"), unit("D01"))
    eq(status, 2, "malformed rule file")
    assert "province.bad_term" in err, err


# ---------- --lang ----------

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_lang_en():
    status, out, err = govstats("--lang", "en", unit("D10"))
    eq(status, 1, "exit status")
    assert "error [applications.row_total]" in out, out
    assert "hint [hint.likely_wrong_cell]" in out, out
    assert "1 report checked" in out and "2 errors" in out, out
    assert "错误" not in out and "单元格" not in out, out
    # Apart from the unit's name, the English lines are English.
    for line in out.splitlines():
        if "示例县" not in line and "（" not in line:
            assert not CJK.search(line), line
    status, data = check_json("--lang", "en", unit("D08"))
    msg = data["reports"][0]["findings"][0]["message"]
    assert not CJK.search(msg), msg
    assert "5" in msg and "4" in msg, msg


def test_lang_zh():
    status, out, err = govstats("--lang", "zh", unit("D10"))
    assert "错误 [applications.row_total]" in out, out
    assert "错误 2 项" in out, out
    status, data = check_json("--lang", "zh", unit("D08"))
    msg = data["reports"][0]["findings"][0]["message"]
    assert CJK.search(msg) and "5" in msg and "4" in msg, msg


# ---------- fingerprints ----------

def test_fingerprints_stable_across_runs():
    a = check_json(unit("D10"), unit("D08"), unit("T09"))[1]
    b = check_json(unit("T09"), unit("D08"), unit("D10"))[1]
    fa = sorted((r["unit"]["code"], f["rule"], f["fingerprint"]) for r in a["reports"] for f in r["findings"])
    fb = sorted((r["unit"]["code"], f["rule"], f["fingerprint"]) for r in b["reports"] for f in r["findings"])
    eq(fa, fb, "fingerprints")
    eq(len({x[2] for x in fa}), len(fa), "fingerprints are distinct")


# ---------- regressions ----------

def known_bug_input_invalid_fingerprints_differ():
    # Two different unreadable files get the same fingerprint (no unit, no
    # cells), so a waiver by fingerprint for one acknowledges every other.
    status, data = check_json(fixture("malformed-report.json"), os.path.join(TMP, "missing.json"))
    fps = [r["findings"][0]["fingerprint"] for r in data["reports"]]
    assert fps[0] != fps[1], fps


TESTS = [
    test_clean_file_exits_0,
    test_clean_folder_2020_exits_0,
    test_errors_exit_1,
    test_usage_errors_exit_2,
    test_help_exits_0,
    test_json_mistyped_cell_d10,
    test_json_review_total_d08,
    test_json_blank_total_column_t09,
    test_json_whole_2021_folder,
    test_malformed_file_in_batch,
    test_waivers_acknowledge_error,
    test_waivers_by_fingerprint,
    test_waivers_invalid_file_is_usage_error,
    test_previous_enables_carry,
    test_extra_rules,
    test_lang_en,
    test_lang_zh,
    test_fingerprints_stable_across_runs,
    known_bug_input_invalid_fingerprints_differ,
]


def main():
    if not os.path.isdir(UNITS_2021) or not os.path.isdir(UNITS_2020):
        print("1..0 # SKIP examples/data not found (set GOVSTATS_SOURCE_ROOT)")
        return 0
    return tap.run(TESTS)


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
