#!/usr/bin/python3
# count-results-test.py — tests/count-results.py on a meson test log made up
# here: a pass, a failure and a skip of every kind of runner the suite has
# (GTest TAP, GJS harness TAP, pytest -v, a plain program, a whole test that
# exits 77), and the totals it must print for them. TAP output.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import json
import os
import subprocess
import sys
import tempfile

COUNT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "count-results.py")


def entry(name, result, stdout):
    return json.dumps({"name": name, "result": result, "stdout": stdout})


CASES = [
    # (what, log entries, expected closing line, expected exit status)
    ("GTest: a pass, a g_test_skip, a failure",
     [entry("c", "FAIL", "ok 1 /a\nok 2 /b # SKIP ../shared/real-reports is not there\nnot ok 3 /c\n1..3\n")],
     "tests: 1 passed, 1 failed, 1 skipped", 1),
    ("GJS harness: a pass and a skip",
     [entry("gjs", "OK", "1..2\nok 1 - x\nok 2 - y # SKIP the real reports are not at /r\n"
                         "# 1 passed, 0 failed, 1 skipped, 2 total\n")],
     "tests: 1 passed, 0 failed, 1 skipped", 0),
    ("pytest -v: passed, skipped, failed",
     [entry("py", "FAIL", "t.py::test_a PASSED [ 33%]\nt.py::test_b[x-y] SKIPPED (no reports) [ 66%]\n"
                          "t.py::test_c FAILED [100%]\n")],
     "tests: 1 passed, 1 failed, 1 skipped", 1),
    ("a whole test that exits 77 is skipped, not passed",
     [entry("whole", "SKIP", ""), entry("plain", "OK", "")],
     "tests: 1 passed, 0 failed, 1 skipped", 0),
    ("a TAP plan of no test with a reason (1..0, SKIP) is skipped",
     [entry("none", "SKIP", "1..0 # SKIP nothing to run here\n"), entry("plain", "OK", "")],
     "tests: 1 passed, 0 failed, 1 skipped", 0),
    ("only skips: nothing passed is a failure of the run",
     [entry("whole", "SKIP", "")],
     "tests: 0 passed, 0 failed, 1 skipped", 1),
    ("a crash after its passes is one failure",
     [entry("crash", "ERROR", "ok 1 /a\n")],
     "tests: 1 passed, 1 failed", 1),
    ("a plain program's own count",
     [entry("plain", "OK", "4 passed, 0 failed\n")],
     "tests: 4 passed, 0 failed", 0),
]

print(f"1..{len(CASES)}")
failed = 0
with tempfile.TemporaryDirectory() as tmp:
    for i, (what, entries, want, want_status) in enumerate(CASES, 1):
        log = os.path.join(tmp, f"{i}.json")
        with open(log, "w", encoding="utf-8") as f:
            f.write("\n".join(entries) + "\n")
        run = subprocess.run([sys.executable, COUNT, log], capture_output=True, text=True)
        got = run.stdout.strip()
        if got == want and run.returncode == want_status:
            print(f"ok {i} - {what}")
        else:
            failed += 1
            print(f"not ok {i} - {what}")
            print(f"#   expected {want!r} (exit {want_status}), got {got!r} (exit {run.returncode})")
sys.exit(1 if failed else 0)
