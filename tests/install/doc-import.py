#!/usr/bin/env python3
# doc-import.py — runs the import line docs/javascript.md shows for the GJS
# helper module, against a given govstats.js (the source tree's in `meson
# test`, the installed one in check-install.sh). Prints TAP.
#
#   doc-import.py GJS DOCS_MD MODULE_JS SAMPLE_D01_JSON
#
# The docs write the URL for the default prefix; the only change made to
# the line is the one the docs tell the reader to make for another prefix:
# the path after file://. A second program checks the docs' reason for the
# URL: the same import by absolute path fails in GJS.
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
import pathlib
import re
import subprocess
import sys
import tempfile

DOC_URL = "file:///usr/local/share/govstats-1/gjs/govstats.js"
LINE = re.compile(r"^import \{[^}]*\} from '" + re.escape(DOC_URL) + r"';$")

gjs, docs, module, d01 = sys.argv[1:5]
module_url = pathlib.Path(module).resolve().as_uri()
results = []


def case(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    if not ok and detail:
        for text in detail.splitlines():
            print(f"# {text}")


def run_program(workdir, name, text):
    path = pathlib.Path(workdir) / name
    path.write_text(text, encoding="utf-8")
    return subprocess.run([gjs, "-m", str(path)], capture_output=True, text=True, timeout=60)


lines = [l for l in pathlib.Path(docs).read_text(encoding="utf-8").splitlines() if LINE.match(l)]
case("docs/javascript.md shows one import line of the helper module", len(lines) == 1,
     f"lines matching: {lines!r}")
if len(lines) != 1:
    print(f"1..{len(results)}")
    sys.exit(1)
doc_line = lines[0]

body = f"""
const report = loadReport({d01!r});
print(getCell(report, 'applications/received/total'));
print(getCell(report, 'art20_8/fees/amount'));
setCell(report, 'applications/received/total', 11);
print(getCell(report, 'applications/received/total'));
print(Object.keys(tableValues(report, 'applications')).length > 0, [...cells(report)].length > 0);
"""

with tempfile.TemporaryDirectory() as workdir:
    # Outside the source tree: nothing relative to resolve against.
    proc = run_program(workdir, "doc-line.js", doc_line.replace(DOC_URL, module_url) + "\n" + body)
    want = "10\n613.5241\n11\ntrue true\n"
    case("the documented line imports the module, whose helpers read and set cells",
         proc.returncode == 0 and proc.stdout == want,
         f"exit {proc.returncode}\nstdout: {proc.stdout!r} (want {want!r})\nstderr: {proc.stderr}")

    by_path = doc_line.replace(DOC_URL, str(pathlib.Path(module).resolve()))
    proc = run_program(workdir, "by-path.js", by_path + "\n" + body)
    case("the same import by absolute path fails, as the docs say",
         proc.returncode != 0 and "Unknown module" in proc.stderr,
         f"exit {proc.returncode}\nstderr: {proc.stderr}")

print(f"1..{len(results)}")
sys.exit(0 if all(results) else 1)
