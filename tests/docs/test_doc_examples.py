# test_doc_examples.py — every example of the documentation runs, and prints
# what the documentation says it prints (see doc_examples.py for the
# markers). The class pages of the main types and the import and render
# functions must each have one.
#
# Needs GOVSTATS_SOURCE_ROOT, GOVSTATS_BUILD_ROOT and the typelib on
# GI_TYPELIB_PATH, as tests/meson.build sets them.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import subprocess

import pytest

import doc_examples

SOURCE_ROOT = doc_examples.SOURCE_ROOT
BUILD_ROOT = os.environ["GOVSTATS_BUILD_ROOT"]
C_PROGRAM = os.path.join(BUILD_ROOT, "tests", "docs", "doc-examples")
OVERRIDES = os.path.join(SOURCE_ROOT, "bindings", "python", "gi", "overrides")

EXAMPLES = doc_examples.all_examples()

# What the guides and doc comments say the current folder holds.
RUN_FOLDER = {
    "units": "examples/data/2021/units",
    "roster.json": "examples/data/2021/roster.json",
    "D01.json": "examples/data/2021/units/D01.json",
    "last-year": "examples/data/2020/units",
    "last-year.json": "examples/data/2020/consolidated.json",
    "published.html": "tests/data/import/synthetic-2019.html",
    "published.txt": "tests/data/import/synthetic-2019.plain.txt",
    "waivers.json": "tests/data/rules/waivers-d08.json",
    "common-1.schema.json": "docs/json/common-1.schema.json",
    "check-1.schema.json": "docs/json/check-1.schema.json",
}

PYTHON_PRELUDE = """\
import gi
import gi.overrides
gi.overrides.__path__.insert(0, {overrides!r})
gi.require_version("Govstats", "1.0")
from gi.repository import GLib, Gio, Govstats
"""

GJS_IMPORTS = {
    "GLib": "import GLib from 'gi://GLib';",
    "Gio": "import Gio from 'gi://Gio';",
    "Govstats": "import Govstats from 'gi://Govstats?version=1.0';",
    "System": "import System from 'system';",
}


@pytest.fixture
def run_folder(tmp_path):
    for name, target in RUN_FOLDER.items():
        os.symlink(os.path.join(SOURCE_ROOT, target), tmp_path / name)
    return tmp_path


def command_for(example, folder):
    if example.language == "c":
        return [C_PROGRAM, example.id]
    if example.language == "python":
        script = folder / "example.py"
        script.write_text(PYTHON_PRELUDE.format(overrides=OVERRIDES) + example.code + "\n", encoding="utf-8")
        return ["/usr/bin/python3", str(script)]
    imports = [line for name, line in GJS_IMPORTS.items()
               if f"import {name} from" not in example.code]
    script = folder / "example.js"
    script.write_text("\n".join(imports) + "\n" + example.code + "\n", encoding="utf-8")
    return ["gjs", "-m", str(script)]


def normalise(text):
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_example(example, run_folder):
    # `govstats` on PATH is the one of this build.
    env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8", G_DEBUG="fatal-criticals",
               PATH=os.path.join(BUILD_ROOT, "tools") + os.pathsep + os.environ.get("PATH", ""))
    proc = subprocess.run(command_for(example, run_folder), cwd=run_folder, env=env,
                          capture_output=True, timeout=120)
    out = proc.stdout.decode("utf-8")
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 0, f"{example.id} exited with {proc.returncode}:\n{err}\n{out}"
    assert "WARNING" not in err and "CRITICAL" not in err, err
    if example.output is not None:
        assert normalise(out) == normalise(example.output)


def test_c_program_has_every_c_example():
    listed = subprocess.run([C_PROGRAM, "--list"], capture_output=True, check=True).stdout.decode()
    assert listed.split() == [e.id for e in EXAMPLES if e.language == "c"]


def examples_of(relpath):
    return [e for e in EXAMPLES if os.path.relpath(e.file, SOURCE_ROOT) == relpath]


@pytest.mark.parametrize("source", [
    "libgovstats/govstats-report.c",
    "libgovstats/govstats-schema.c",
    "libgovstats/govstats-rule-set.c",
    "libgovstats/govstats-finding.c",
    "libgovstats/govstats-roster.c",
    "libgovstats/govstats-rollup.c",
    "libgovstats/govstats-import.c",
    "libgovstats/govstats-render.c",
])
def test_class_pages_have_a_tested_example(source):
    assert examples_of(source), f"no tested example in the doc comments of {source}"


@pytest.mark.parametrize("page", ["docs/python.md", "docs/javascript.md"])
@pytest.mark.parametrize("topic", ["check", "rollup", "explain", "render", "import"])
def test_guides_cover(page, topic):
    names = [e.name for e in examples_of(page)]
    assert topic in names, f"{page} has no tested example named {topic}"
    assert next(e for e in examples_of(page) if e.name == topic).output is not None


def test_markers_are_parsed(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("text\n\n<!-- run: a -->\n```python\nprint(1)\n```\n\n<!-- output: a -->\n"
                    "```text\n1\n```\n\n<!-- run: a -->\n```python\nprint(2)\n```\n\n"
                    "```python\nnot run\n```\n", encoding="utf-8")
    (example,) = doc_examples.parse(str(page))
    assert (example.name, example.language, example.code, example.output) == \
        ("a", "python", "print(1)\nprint(2)", "1\n")
    page.write_text("<!-- run: b -->\nprose\n", encoding="utf-8")
    with pytest.raises(ValueError):
        doc_examples.parse(str(page))
