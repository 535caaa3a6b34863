#!/usr/bin/python3
"""The baseline: what a county clerk's colleague would write instead of using libgovstats.

    /usr/bin/python3 bench/plain_rollup.py [--roster ROSTER.json] [--json TOTALS.json] DIR

Reads every *.json file of DIR in name order with json.load, and adds up every numeric cell of
every table (counts as int, amounts as decimal.Decimal, so sums are exact), and the indicators
under extensions/indicators. A cell written as an object ({"value": …, "note": …}) counts its
value. It keeps track of blank cells (null, or a key that other reports have), and, against the
roster, of missing, duplicate (the first file in name order is the one counted, as `govstats
rollup` does) and unexpected units. It checks no rules: no balances, no row totals.

Prints the totals; with --json, also writes them as JSON (amounts as strings, to keep them exact).
Standard library only; single process, as such a script would be.
"""

import argparse
import json
import os
import sys
from decimal import Decimal


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--roster", help="roster JSON: {\"units\": [{\"code\", \"name\", \"kind\"}, …]}")
    ap.add_argument("--json", help="write the totals to this file as JSON")
    ap.add_argument("folder")
    a = ap.parse_args(argv)

    expected = {}
    if a.roster:
        with open(a.roster, encoding="utf-8") as f:
            for u in json.load(f)["units"]:
                expected[u["code"]] = u["name"]

    sums = {}            # (table, row, column) -> int or Decimal
    indicators = {}
    seen = {}            # unit code -> file counted
    duplicates = []      # (code, file left out, file counted)
    unexpected = []
    counted_cells = []   # per counted file: cells with a value
    null_cells = 0
    files = 0

    names = sorted(n for n in os.listdir(a.folder) if n.endswith(".json"))
    for name in names:
        path = os.path.join(a.folder, name)
        with open(path, encoding="utf-8") as f:
            report = json.load(f, parse_float=Decimal)
        files += 1
        code = report["unit"].get("code") or report["unit"]["name"]
        if code in seen:
            duplicates.append((code, name, seen[code]))
            continue
        seen[code] = name
        if expected and code not in expected:
            unexpected.append(code)
        n_set = 0
        for table, rows in report["tables"].items():
            for row, columns in rows.items():
                for column, value in columns.items():
                    if isinstance(value, dict):
                        value = value.get("value")
                    if value is None:
                        null_cells += 1
                        continue
                    key = (table, row, column)
                    sums[key] = sums.get(key, 0) + value
                    n_set += 1
        counted_cells.append(n_set)
        for k, v in report.get("extensions", {}).get("indicators", {}).items():
            indicators[k] = indicators.get(k, 0) + v

    # Blank = null, or missing where other reports have the key (one layout assumed).
    n_cells = len(sums)
    blank_cells = sum(n_cells - n for n in counted_cells)
    missing = [c for c in expected if c not in seen]

    tables = {}
    for (table, row, column), v in sums.items():
        tables.setdefault(table, {}).setdefault(row, {})[column] = v

    print("files read: {}, units counted: {}, blank cells: {} (null {})".format(
        files, len(seen), blank_cells, null_cells))
    print("missing units: {}  duplicate reports: {}  unexpected units: {}".format(
        len(missing), len(duplicates), len(unexpected)))
    for code in missing[:20]:
        print("  missing   {} {}".format(code, expected[code]))
    for code, left_out, counted in duplicates[:20]:
        print("  duplicate {}: {} (counted {})".format(code, left_out, counted))
    for table, rows in tables.items():
        for row, columns in rows.items():
            print("{}/{}: {}".format(table, row, ", ".join("{}={}".format(c, v) for c, v in columns.items())))
    for k, v in indicators.items():
        print("indicator {} = {}".format(k, v))

    if a.json:
        out = {"files": files, "units": len(seen), "blank_cells": blank_cells, "null_cells": null_cells,
               "missing": missing, "duplicates": [d[0] for d in duplicates], "unexpected": unexpected,
               "tables": tables, "indicators": indicators}
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1, default=str)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
