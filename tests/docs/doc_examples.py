#!/usr/bin/python3
# doc_examples.py — the examples of the documentation, as programs.
#
# An example is a fenced code block (```c, ```python or ```javascript)
# preceded by the line
#
#     <!-- run: NAME -->
#
# in a guide page (docs/*.md) or in a doc comment (libgovstats/*.c,
# include/govstats/*.h). The blocks of one NAME in one file are one program,
# in their order. A ```text block preceded by
#
#     <!-- output: NAME -->
#
# is what the program prints; the output blocks of one NAME, in order, are
# all it prints. The markers are HTML comments, so the pages show nothing of
# them.
#
# Programs run in a folder laid out as the guides say (see make_run_folder),
# Python and GJS with the imports of the guides' "Setting up" sections; a C
# program is the body of main(), built by tests/docs/meson.build from the
# file that `doc_examples.py c-source OUT` writes.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.environ.get("GOVSTATS_SOURCE_ROOT") or os.path.normpath(os.path.join(HERE, "..", ".."))

LANGUAGES = {"c": "c", "python": "python", "javascript": "javascript", "js": "javascript"}
MARKER = re.compile(r"^<!--\s*(run|output):\s*([A-Za-z0-9_.-]+)\s*-->$")
FENCE = re.compile(r"^(```+|~~~+)\s*([A-Za-z0-9_+-]*)\s*$")


class Example:
    """One program: its blocks of code and the output it must print."""

    def __init__(self, file, name, language):
        self.file = file
        self.name = name
        self.language = language
        self.blocks = []        # (first line number, code)
        self.output = None      # None: not checked

    @property
    def id(self):
        rel = os.path.relpath(self.file, SOURCE_ROOT)
        return f"{rel}:{self.name}"

    @property
    def symbol(self):
        return "example_" + re.sub(r"[^A-Za-z0-9]", "_", self.id)

    @property
    def code(self):
        return "\n".join(code for _, code in self.blocks)


def doc_comment_lines(path):
    """The lines of a C file with the ` * ` of doc comments taken off, each
    with its line number; other lines come back empty, so that a fence
    cannot run on from one comment into code."""
    result = []
    inside = False
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not inside and line.strip() == "/**":
                inside = True
                result.append((number, ""))
                continue
            if inside and line.strip().endswith("*/"):
                inside = False
                result.append((number, ""))
                continue
            if inside:
                text = re.sub(r"^\s*\* ?", "", line, count=1)
                result.append((number, text))
            else:
                result.append((number, ""))
    return result


def markdown_lines(path):
    with open(path, encoding="utf-8") as f:
        return [(n, line.rstrip("\n")) for n, line in enumerate(f, 1)]


def parse(path):
    """The examples of one file, in order of first appearance."""
    lines = doc_comment_lines(path) if path.endswith((".c", ".h")) else markdown_lines(path)
    examples = {}
    pending = None
    i = 0
    while i < len(lines):
        number, text = lines[i]
        m = MARKER.match(text.strip())
        if m:
            pending = (m.group(1), m.group(2), number)
            i += 1
            continue
        fence = FENCE.match(text.strip())
        if fence and pending:
            kind, name, marker_line = pending
            pending = None
            closing = fence.group(1)
            language = fence.group(2)
            body = []
            i += 1
            start = lines[i][0] if i < len(lines) else number
            while i < len(lines) and lines[i][1].strip() != closing:
                body.append(lines[i][1])
                i += 1
            if i == len(lines):
                raise ValueError(f"{path}:{number}: the block of {name} is not closed")
            code = "\n".join(body)
            if kind == "run":
                if language not in LANGUAGES:
                    raise ValueError(f"{path}:{number}: cannot run a ```{language} block")
                language = LANGUAGES[language]
                example = examples.setdefault(name, Example(path, name, language))
                if example.language != language:
                    raise ValueError(f"{path}:{number}: {name} is {example.language}, not {language}")
                example.blocks.append((start, code))
            else:
                if name not in examples:
                    raise ValueError(f"{path}:{marker_line}: output of {name} before its code")
                example = examples[name]
                example.output = (example.output or "") + code + "\n"
            i += 1
            continue
        if text.strip() and pending:
            raise ValueError(f"{path}:{pending[2]}: a marker must be followed by a fenced block")
        i += 1
    if pending:
        raise ValueError(f"{path}:{pending[2]}: a marker must be followed by a fenced block")
    return list(examples.values())


def documented_files():
    files = []
    for folder, suffixes in (("docs", (".md",)), ("libgovstats", (".c",)), ("include/govstats", (".h",))):
        top = os.path.join(SOURCE_ROOT, folder)
        for name in sorted(os.listdir(top)):
            if name.endswith(suffixes):
                files.append(os.path.join(top, name))
    return files


def all_examples():
    result = []
    for path in documented_files():
        result.extend(parse(path))
    return result


def c_source(examples):
    """One C file: every C example as a function, and a main() that runs
    the one named on its command line."""
    out = ["/* Generated by tests/docs/doc_examples.py from the documentation. */",
           "#include <locale.h>",
           "#include <stdio.h>",
           "#include <string.h>",
           "#include <govstats/govstats.h>",
           ""]
    c_examples = [e for e in examples if e.language == "c"]
    # An example may show the #include it needs; it goes to the top.
    for e in c_examples:
        for _, code in e.blocks:
            for line in code.splitlines():
                if line.startswith("#include") and line not in out:
                    out.insert(4, line)
    for e in c_examples:
        out.append("static int")
        out.append(f"{e.symbol} (void)")
        out.append("{")
        for start, code in e.blocks:
            out.append(f'#line {start} "{os.path.relpath(e.file, SOURCE_ROOT)}"')
            out.append("\n".join("" if line.startswith("#include") else line for line in code.splitlines()))
        out.append("  return 0;")
        out.append("}")
        out.append("")
    out.append("int")
    out.append("main (int argc, char **argv)")
    out.append("{")
    out.append('  setlocale (LC_ALL, "");')
    out.append('  if (argc == 2 && strcmp (argv[1], "--list") == 0)')
    out.append("    {")
    for e in c_examples:
        out.append(f'      puts ("{e.id}");')
    out.append("      return 0;")
    out.append("    }")
    for e in c_examples:
        out.append(f'  if (argc == 2 && strcmp (argv[1], "{e.id}") == 0)')
        out.append(f"    return {e.symbol} ();")
    out.append('  fprintf (stderr, "usage: %s EXAMPLE | --list\\n", argv[0]);')
    out.append("  return 2;")
    out.append("}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "c-source":
        text = c_source(all_examples())
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(text)
    elif len(sys.argv) == 2 and sys.argv[1] == "files":
        for path in documented_files():
            print(path)
    elif len(sys.argv) == 2 and sys.argv[1] == "list":
        for e in all_examples():
            print(e.id, e.language, "output" if e.output is not None else "")
    else:
        sys.exit("usage: doc_examples.py c-source OUT.c | files | list")
