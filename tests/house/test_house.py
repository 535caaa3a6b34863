# test_house.py — the source tree keeps the house rules of docs/architecture.md.
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
import glob
import os
import re

ROOT = os.environ.get("GOVSTATS_SOURCE_ROOT") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))

# "About 800 lines": a little room, so that a documentation comment does not
# force a split; a file past this has grown a second concern.
MAX_FILE_LINES = 850
MAX_FUNCTION_LINES = 120


def sources(*patterns):
    out = []
    for pattern in patterns:
        out += sorted(glob.glob(os.path.join(ROOT, pattern)))
    assert out, f"no files match {patterns}"
    return out


def rel(path):
    return os.path.relpath(path, ROOT)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


LIBRARY_C = ("libgovstats/*.c",)
ALL_C_AND_H = ("libgovstats/*.c", "libgovstats/*.h", "tools/*.c", "tools/*.h", "include/govstats/*.h")


def functions(text):
    """(name, first line, number of lines) of every function defined in
    GNU style: the name at the start of a line, the body between a `{` and
    a `}` at the start of lines."""
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        if lines[i] == "{":
            j = i - 1
            while j >= 0 and not re.match(r"^[A-Za-z_]\w*\s*\(", lines[j]):
                if not lines[j].strip() or lines[j].startswith(("}", "#")) or "=" in lines[j]:
                    j = -1
                    break
                j -= 1
            k = i + 1
            while k < len(lines) and not lines[k].startswith("}"):
                k += 1
            if j >= 0:
                name = re.match(r"^([A-Za-z_]\w*)", lines[j]).group(1)
                out.append((name, j + 1, k - j + 1))
            i = k
        i += 1
    return out


def test_function_counter():
    # The counter itself, on a made-up file: a function, a data table, a macro.
    text = "\n".join([
        "static int",
        "add (int a,",
        "     int b)",
        "{",
        "  return a + b;",
        "}",
        "",
        "static const int table[] =",
        "{",
        "  1, 2,",
        "};",
        "",
        "void",
        "noop (void)",
        "{",
        "}",
    ])
    assert functions(text) == [("add", 2, 5), ("noop", 14, 3)]


def test_every_file_says_what_lives_there():
    bad = []
    for path in sources(*ALL_C_AND_H):
        first = read(path).split("\n", 1)[0]
        name = os.path.basename(path)
        m = re.match(r"^/\* (\S+) — (.{10,})$", first)
        if not m or m.group(1) != name:
            bad.append(f"{rel(path)}: {first!r}")
    assert not bad, "files whose first line is not `/* NAME — what lives here`:\n" + "\n".join(bad)


def test_no_logic_file_is_too_long():
    long = []
    for path in sources(*LIBRARY_C, "tools/*.c"):
        n = read(path).count("\n")
        if n > MAX_FILE_LINES:
            long.append(f"{rel(path)}: {n} lines")
    assert not long, f"files over {MAX_FILE_LINES} lines:\n" + "\n".join(long)


def test_no_function_is_too_long():
    # A class_init is a table of property and signal definitions: data.
    long = []
    for path in sources(*LIBRARY_C, "tools/*.c"):
        for name, line, n in functions(read(path)):
            if n > MAX_FUNCTION_LINES and not name.endswith("_class_init"):
                long.append(f"{rel(path)}:{line}: {name}, {n} lines")
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(long)


def test_every_public_symbol_has_since():
    missing = []
    for path in sources("libgovstats/*.c", "include/govstats/*.h"):
        for m in re.finditer(r"/\*\*\n \* ([\w:]+?):?\n(.*?)\*/", read(path), re.S):
            if "Since:" not in m.group(2):
                missing.append(f"{rel(path)}: {m.group(1)}")
    assert not missing, "documented symbols without Since::\n" + "\n".join(missing)


# The code of an error is decided where the failure happens, never by
# reading the words of a message afterwards.
MESSAGE_TEXT = re.compile(r"(strstr|g_strstr_len|g_str_has_prefix|g_str_has_suffix|g_str_equal|strcmp)\s*\([^;]*"
                          r"(->message\b|(?<![\"\w])reason\b(?!\"))")


def test_message_pattern():
    assert MESSAGE_TEXT.search('if (strstr (local->message, "too large"))')
    assert MESSAGE_TEXT.search('code = strstr (reason, "too large") ? A : B;')
    assert not MESSAGE_TEXT.search('else if (g_str_equal (key, "reason"))')
    assert not MESSAGE_TEXT.search('if (strcmp (a, b) == 0)')


def test_no_error_code_from_message_text():
    pattern = MESSAGE_TEXT
    hits = []
    for path in sources(*LIBRARY_C, "tools/*.c"):
        for n, line in enumerate(read(path).split("\n"), 1):
            if pattern.search(line):
                hits.append(f"{rel(path)}:{n}: {line.strip()}")
    assert not hits, "code that reads a message's text:\n" + "\n".join(hits)


def test_schema_json_read_only_by_the_schema():
    # The schema is compiled once into structs; only the schema's own files
    # and `govstats schema` (which prints it) touch its JSON.
    allowed = {"libgovstats/govstats-schema.c", "libgovstats/govstats-schema-compile.c",
               "libgovstats/govstats-schema-accessors.c", "tools/cmd-schema.c"}
    hits = []
    for path in sources(*LIBRARY_C, "tools/*.c"):
        if rel(path) not in allowed and "govstats_schema_to_json" in read(path):
            hits.append(rel(path))
    assert not hits, f"files that read the schema's JSON: {hits}"


def test_no_grab_bag_private_header():
    assert not os.path.exists(os.path.join(ROOT, "libgovstats", "govstats-private.h"))
    for path in sources(*ALL_C_AND_H):
        assert '#include "govstats-private.h"' not in read(path), rel(path)


def test_architecture_page_names_every_source_file():
    page = read(os.path.join(ROOT, "docs", "architecture.md"))
    named = set(re.findall(r"`((?:tools/)?[\w.-]+\.[ch])`", page))
    files = {os.path.basename(p) for p in sources("libgovstats/*.c", "libgovstats/*-private.h")}
    files |= {rel(p) for p in sources("tools/*.c")}
    missing = sorted(files - named)
    stale = sorted(n for n in named
                   if not os.path.exists(os.path.join(ROOT, n))
                   and not os.path.exists(os.path.join(ROOT, "libgovstats", n)))
    assert not missing, f"docs/architecture.md does not name {missing}"
    assert not stale, f"docs/architecture.md names files that do not exist: {stale}"
