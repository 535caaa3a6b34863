#!/usr/bin/python3
# Counts every test case in a meson test log: TAP lines of the C and GJS
# programs, pytest's per-test lines, and one case for any other test. Prints
#   tests: N passed, M failed[, K skipped]
# and exits 1 if anything failed or nothing ran. Skipped cases are not passes:
# a TAP "ok … # SKIP reason", a pytest SKIPPED, and a whole test that exits 77
# (meson's result SKIP) each count as skipped.
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
import json
import re
import sys

TAP = re.compile(r"^(not ok|ok)\b(.*)$")
PYTEST = re.compile(r"^\S+::\S+.*\s(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\b")
PLAIN = re.compile(r"^(?:\w+: )?(\d+) passed, (\d+) failed")

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        entry = json.loads(line)
        result = entry.get("result")
        out = entry.get("stdout") or ""
        p = f = s = 0
        found = False
        for text in out.splitlines():
            m = TAP.match(text)
            if m:
                found = True
                if "# SKIP" in m.group(2) or "# skip" in m.group(2):
                    s += 1
                elif m.group(1) == "ok":
                    p += 1
                else:
                    f += 1
                continue
            m = PYTEST.match(text)
            if m:
                found = True
                if m.group(1) in ("PASSED", "XFAIL"):
                    p += 1
                elif m.group(1) == "SKIPPED":
                    s += 1
                else:
                    f += 1
                continue
            m = PLAIN.match(text.strip())
            if m:
                found = True
                p += int(m.group(1))
                f += int(m.group(2))
        if not found:
            if result == "OK":
                p = 1
            elif result == "SKIP":
                s = 1
            else:
                f = 1
        elif result not in ("OK", "SKIP") and f == 0:
            # The program failed outside any test case (a crash, a timeout).
            f += 1
        passed += p
        failed += f
        skipped += s

print(f"tests: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or passed == 0 else 0)
