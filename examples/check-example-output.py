#!/usr/bin/python3
# Runs one of the example programs on the sample county and checks what it
# prints against an independent computation over the same JSON files.
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
import glob
import json
import os
import subprocess
import sys

command = sys.argv[1:-3]
roster, previous, units = sys.argv[-3:]

out = subprocess.run(command + [roster, previous, units], capture_output=True, text=True, timeout=300)
print(out.stdout)
print(out.stderr, file=sys.stderr)
if out.returncode != 0:
    sys.exit(f"example exited with {out.returncode}")

# The independent sum: each unit once (the first file in name order), blank as nothing.
seen, total = set(), 0
for path in sorted(glob.glob(os.path.join(units, "*.json"))):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    code = report["unit"]["code"]
    if code in seen:
        continue
    seen.add(code)
    value = report["tables"]["applications"]["received"].get("total")
    if isinstance(value, dict):
        value = value.get("value")
    total += value or 0

expected_line = f"applications/received/total = {total}"
failures = []
if expected_line not in out.stdout:
    failures.append(f"missing “{expected_line}”")
if f"{len(seen)} units" not in out.stdout:
    failures.append(f"missing “{len(seen)} units”")
for rule in ("rollup.missing_unit", "rollup.duplicate_unit", "applications.row_total",
             "review_litigation.row_total", "hint.likely_wrong_cell"):
    if f"[{rule}]" not in out.stdout:
        failures.append(f"no {rule} finding")
if failures:
    sys.exit("; ".join(failures))
print("1 passed, 0 failed")
