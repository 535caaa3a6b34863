#!/usr/bin/python3
# test-po.py — the message catalogs are complete: po/POTFILES names every
# source file with translatable messages (and no other), and po/zh_CN.po
# translates every message of the template, none fuzzy, none empty, none
# stale, each with the same printf placeholders as its msgid.
#
# Usage: test-po.py SOURCE_ROOT XGETTEXT_ARG…
# (the xgettext arguments are those po/meson.build gives the i18n module).
# Prints TAP.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402


if len(sys.argv) < 2:
    sys.exit("usage: test-po.py SOURCE_ROOT XGETTEXT_ARG…")
ROOT = os.path.abspath(sys.argv[1])
XGETTEXT_ARGS = sys.argv[2:]
# What the i18n module's "glib" preset adds.
PRESET = ["--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
          "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format"]
PO = os.path.join(ROOT, "po", "zh_CN.po")
SOURCE_DIRS = ["libgovstats", "tools"]


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    return bytes(s[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def parse_po(text):
    """Entries of a (msgcat --no-wrap) PO file: dicts with ctx, id, plural, strs, flags, refs."""
    entries = []
    for block in re.split(r"\n\s*\n", text.strip()):
        e = {"ctx": None, "id": None, "plural": None, "strs": {}, "flags": set(), "refs": [], "obsolete": False}
        last = None
        for line in block.splitlines():
            if line.startswith('"') and last is not None:
                # A continued string (the header is one).
                if isinstance(last, int):
                    e["strs"][last] += unquote(line)
                else:
                    e[last] += unquote(line)
                continue
            last = None
            if line.startswith("#~"):
                e["obsolete"] = True
            elif line.startswith("#,"):
                e["flags"].update(f.strip() for f in line[2:].split(","))
            elif line.startswith("#:"):
                e["refs"].extend(line[2:].split())
            elif line.startswith("#"):
                continue
            elif line.startswith("msgctxt "):
                e["ctx"], last = unquote(line[8:]), "ctx"
            elif line.startswith("msgid_plural "):
                e["plural"], last = unquote(line[13:]), "plural"
            elif line.startswith("msgid "):
                e["id"], last = unquote(line[6:]), "id"
            elif line.startswith("msgstr["):
                n = int(line[7:line.index("]")])
                e["strs"][n], last = unquote(line[line.index("]") + 1:]), n
            elif line.startswith("msgstr "):
                e["strs"][0], last = unquote(line[7:]), 0
        if e["id"] is not None or e["obsolete"]:
            entries.append(e)
    return entries


def normalised(path):
    return subprocess.run(["msgcat", "--no-wrap", path], check=True, capture_output=True).stdout.decode("utf-8")


def placeholders(fmt):
    """{position: conversion} of a printf format, numbered positions or not."""
    found = {}
    n = 0
    for m in re.finditer(r"%(?:(\d+)\$)?[-+ #0']*(?:\d+)?(?:\.\d+)?(hh|h|ll|l|L|j|z|t)?([diouxXeEfFgGaAcsp%])", fmt):
        if m.group(3) == "%":
            continue
        n += 1
        pos = int(m.group(1)) if m.group(1) else n
        found[pos] = (m.group(2) or "") + m.group(3)
    return found


def template():
    files = []
    for d in SOURCE_DIRS:
        for name in sorted(os.listdir(os.path.join(ROOT, d))):
            if name.endswith((".c", ".h")):
                files.append(os.path.join(d, name))
    with tempfile.TemporaryDirectory(prefix="govstats-po-") as tmp:
        pot = os.path.join(tmp, "all.pot")
        subprocess.run(["xgettext", "--language=C", "--no-wrap", "--output=" + pot, *PRESET, *XGETTEXT_ARGS, *files],
                       check=True, cwd=ROOT, capture_output=True)
        if not os.path.exists(pot):   # no message at all
            return []
        return parse_po(normalised(pot))[1:]


POT = template()
PO_ENTRIES = parse_po(normalised(PO))
HEADER = PO_ENTRIES[0]
TRANSLATIONS = {(e["ctx"], e["id"]): e for e in PO_ENTRIES[1:] if not e["obsolete"]}


def test_template_has_messages():
    # Some hundred messages; far fewer means the keywords no longer match the code.
    if len(POT) < 40:
        raise AssertionError(f"only {len(POT)} messages found in the sources")


def test_potfiles_lists_exactly_the_files_with_messages():
    with open(os.path.join(ROOT, "po", "POTFILES"), encoding="utf-8") as f:
        listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    marked = {ref.rsplit(":", 1)[0] for e in POT for ref in e["refs"]}
    missing = sorted(marked - listed)
    extra = sorted(listed - marked)
    if missing or extra:
        raise AssertionError(f"po/POTFILES lacks {missing}, lists without messages {extra}")
    for path in listed:
        if not os.path.isfile(os.path.join(ROOT, path)):
            raise AssertionError(f"po/POTFILES names {path}, which does not exist")


def test_header():
    h = HEADER["strs"][0]
    for field in ("Language: zh_CN", "charset=UTF-8", "Plural-Forms: nplurals=1; plural=0;"):
        if field not in h:
            raise AssertionError(f"zh_CN.po header lacks {field!r}")


def test_every_message_translated():
    problems = []
    for e in POT:
        key = (e["ctx"], e["id"])
        t = TRANSLATIONS.get(key)
        if t is None:
            problems.append(f"untranslated: {key}")
        elif "fuzzy" in t["flags"]:
            problems.append(f"fuzzy: {key}")
        elif not t["strs"] or any(s == "" for s in t["strs"].values()):
            problems.append(f"empty: {key}")
        elif (e["plural"] is None) != (t["plural"] is None):
            problems.append(f"plural form differs: {key}")
    if problems:
        raise AssertionError("\n".join(problems))


def test_no_stale_translations():
    current = {(e["ctx"], e["id"]) for e in POT}
    stale = sorted(str(k) for k in TRANSLATIONS if k not in current)
    obsolete = [e for e in PO_ENTRIES if e["obsolete"]]
    if stale or obsolete:
        raise AssertionError(f"zh_CN.po translates messages no longer in the sources: {stale} "
                             f"({len(obsolete)} obsolete entries)")


def test_same_placeholders():
    problems = []
    for e in POT:
        t = TRANSLATIONS.get((e["ctx"], e["id"]))
        if t is None:
            continue
        if "c-format" not in e["flags"] and not placeholders(e["id"]):
            continue
        want = placeholders(e["id"])
        if e["plural"] is not None and placeholders(e["plural"]) != want:
            problems.append(f"msgid and msgid_plural differ: {e['id']!r}")
        for n, s in t["strs"].items():
            if placeholders(s) != want:
                problems.append(f"{e['id']!r}: {placeholders(s)} in msgstr[{n}] {s!r}, want {want}")
        if want and "c-format" not in e["flags"]:
            problems.append(f"{e['id']!r} has placeholders but is not marked c-format")
    if problems:
        raise AssertionError("\n".join(problems))


def test_msgfmt_check():
    proc = subprocess.run(["msgfmt", "--check", "--statistics", "--output-file=/dev/null", PO],
                          capture_output=True, env=dict(os.environ, LC_ALL="C"))
    err = proc.stderr.decode("utf-8")
    if proc.returncode != 0:
        raise AssertionError(f"msgfmt --check failed: {err}")
    m = re.match(r"(\d+) translated messages?\.\s*$", err)
    if not m:
        raise AssertionError(f"msgfmt statistics: {err!r} (fuzzy or untranslated messages?)")
    if int(m.group(1)) != len(POT):
        raise AssertionError(f"{m.group(1)} translated, {len(POT)} in the sources")
    print(f"# {m.group(1)} messages, all translated")


TESTS = [
    test_template_has_messages,
    test_potfiles_lists_exactly_the_files_with_messages,
    test_header,
    test_every_message_translated,
    test_no_stale_translations,
    test_same_placeholders,
    test_msgfmt_check,
]


def main():
    return tap.run(TESTS)


if __name__ == "__main__":
    sys.exit(main())
