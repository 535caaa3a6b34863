#!/usr/bin/python3
# Writes the Rules page of the manual: the prose of rules-page.md.in with the
# catalogue of every layout's rules, as `govstats schema` prints it from the
# schema data.
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
import subprocess
import sys

govstats, template, output = sys.argv[1:4]
parts = []
for version in ("2019", "2021"):
    out = subprocess.run([govstats, "schema", "--layout", version, "--format", "rules", "--lang", "en"],
                         check=True, capture_output=True, text=True).stdout
    parts.append(out.replace("## Rules of layout", "### Rules of layout"))
with open(template, encoding="utf-8") as f:
    page = f.read().replace("@CATALOGUE@", "\n".join(parts))
with open(output, "w", encoding="utf-8") as f:
    f.write(page)
