#!/usr/bin/python3
# test-cli-usage.py — usage errors of the govstats command line: folders
# without report files, a rollup of no units, unknown --lang values, and
# `schema --layout` beside the global `--version`.
#
# Usage: test-cli-usage.py PATH/TO/govstats
# Prints TAP (one test point per case); writes only to a temporary directory.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402


HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.environ.get("GOVSTATS_SOURCE_ROOT") or os.path.normpath(os.path.join(HERE, "..", ".."))
UNITS_2021 = os.path.join(SOURCE_ROOT, "examples", "data", "2021", "units")

if len(sys.argv) != 2:
    sys.exit("usage: test-cli-usage.py PATH/TO/govstats")
TOOL = os.path.abspath(sys.argv[1])
TMP = tempfile.mkdtemp(prefix="govstats-cli-usage-")


def govstats(*args):
    env = dict(os.environ)
    env.pop("LANGUAGE", None)
    env["LC_ALL"] = "C.UTF-8"
    env["LANG"] = "C.UTF-8"
    proc = subprocess.run([TOOL, *args], capture_output=True, env=env, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def eq(actual, expected, what=""):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def contains(text, part, what=""):
    if part not in text:
        raise AssertionError(f"{what}: {part!r} not in {text!r}")


def folder(name, files):
    path = os.path.join(TMP, name)
    os.makedirs(path, exist_ok=True)
    for f, content in files.items():
        with open(os.path.join(path, f), "w", encoding="utf-8") as out:
            out.write(content)
    return path


def empty_folder():
    return folder("empty", {})


def only_other_files():
    # X.JSON is not *.json: folders are read for lower-case *.json files only.
    with open(os.path.join(UNITS_2021, "D01.json"), encoding="utf-8") as f:
        d01 = f.read()
    return folder("other", {"X.JSON": d01, "a.txt": "not a report\n"})


def test_check_empty_folder():
    path = empty_folder()
    status, out, err = govstats("check", path)
    eq(status, 2, "exit status")
    contains(err, f"no report files in {path}", "stderr")
    eq(out, "", "stdout")


def test_check_folder_without_json_files():
    path = only_other_files()
    status, out, err = govstats("check", "--json", path)
    eq(status, 2, "exit status")
    contains(err, f"no report files in {path}", "stderr")
    eq(out, "", "stdout")


def test_check_empty_folder_beside_a_good_one():
    # One empty folder among the inputs is still a mistake worth stopping for.
    path = empty_folder()
    status, out, err = govstats("check", UNITS_2021, path)
    eq(status, 2, "exit status")
    contains(err, f"no report files in {path}", "stderr")


def test_rollup_empty_folder_writes_nothing():
    path = empty_folder()
    out_file = os.path.join(TMP, "out-empty.json")
    status, out, err = govstats("rollup", "-o", out_file, path)
    eq(status, 2, "exit status")
    contains(err, f"no report files in {path}", "stderr")
    eq(os.path.exists(out_file), False, "OUT written")


def test_rollup_folder_without_json_files():
    path = only_other_files()
    out_file = os.path.join(TMP, "out-other.json")
    status, out, err = govstats("rollup", "-o", out_file, path)
    eq(status, 2, "exit status")
    contains(err, f"no report files in {path}", "stderr")
    eq(os.path.exists(out_file), False, "OUT written")


def test_rollup_of_zero_units_keeps_existing_out():
    # Only unreadable files: the folder has report files, but no unit can be read.
    path = folder("broken", {"a.json": "{ not json", "b.json": "[]"})
    out_file = os.path.join(TMP, "existing.json")
    with open(out_file, "w", encoding="utf-8") as f:
        f.write("last run\n")
    status, out, err = govstats("rollup", "-o", out_file, path)
    eq(status, 2, "exit status")
    contains(err, f"no unit could be consolidated: {out_file} not written", "stderr")
    contains(err, "input.invalid", "stderr lists why")
    with open(out_file, encoding="utf-8") as f:
        eq(f.read(), "last run\n", "OUT untouched")

    status, out, err = govstats("rollup", "--json", "-o", out_file, path)
    eq(status, 2, "exit status (--json)")
    data = json.loads(out)
    eq(data["result"]["file"], None, "result.file")
    eq(data["result"]["units"], 0, "result.units")
    eq(sorted(f["rule"] for f in data["findings"]), ["input.invalid", "input.invalid"], "findings")
    with open(out_file, encoding="utf-8") as f:
        eq(f.read(), "last run\n", "OUT untouched (--json)")


def test_unknown_lang_refused():
    d01 = os.path.join(UNITS_2021, "D01.json")
    out_file = os.path.join(TMP, "out-lang.json")
    for args in (["check", "--lang", "fr", d01],
                 ["rollup", "--lang", "fr", "-o", out_file, d01],
                 ["explain", "--lang", "fr", "applications/received/total", d01],
                 ["render", "--lang", "fr", d01],
                 ["import", "--lang", "fr", d01],
                 ["schema", "--lang", "fr"],
                 ["check", "--lang", "", d01]):
        status, out, err = govstats(*args)
        eq(status, 2, f"exit status of {args}")
        contains(err, "unknown language", f"stderr of {args}")
        eq(out, "", f"stdout of {args}")
    eq(os.path.exists(out_file), False, "OUT written")


def test_schema_layout():
    status, out, err = govstats("schema", "--layout", "2019", "--format", "json")
    eq(status, 0, "exit status")
    eq(err, "", "stderr")
    eq(json.loads(out)["version"], "2019", "version")
    status, out, err = govstats("schema", "--layout", "2030")
    eq(status, 2, "exit status of an unknown layout")
    contains(err, "unknown layout version “2030”", "stderr")


def test_schema_version_deprecated():
    status, out, err = govstats("schema", "--version", "2019", "--format", "json")
    eq(status, 0, "exit status")
    contains(err, "deprecated", "stderr")
    contains(err, "--layout", "stderr")
    eq(json.loads(out)["version"], "2019", "version")
    status, out, err = govstats("schema", "--version", "2019", "--layout", "2021")
    eq(status, 2, "exit status when both disagree")


def test_global_version():
    status, out, err = govstats("--version")
    eq(status, 0, "exit status")
    if not out.startswith("govstats ") or not out.strip().split(" ")[1][0].isdigit():
        raise AssertionError(f"--version printed {out!r}")
    eq(err, "", "stderr")


TESTS = [
    test_check_empty_folder,
    test_check_folder_without_json_files,
    test_check_empty_folder_beside_a_good_one,
    test_rollup_empty_folder_writes_nothing,
    test_rollup_folder_without_json_files,
    test_rollup_of_zero_units_keeps_existing_out,
    test_unknown_lang_refused,
    test_schema_layout,
    test_schema_version_deprecated,
    test_global_version,
]


def main():
    return tap.run(TESTS)


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
