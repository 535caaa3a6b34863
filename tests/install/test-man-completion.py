#!/usr/bin/env python3
# test-man-completion.py — the built man pages and bash completion of
# govstats against the program itself. Prints TAP.
#
#   test-man-completion.py GOVSTATS MAN_DIR COMPLETION_FILE SOURCE_ROOT
#
# Each page is rendered by man(1) (a roff warning fails), and must name its
# command and every option the command's --help lists; the completion is
# sourced into bash and asked for commands, options, option values and files.
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
import os
import re
import shutil
import subprocess
import sys

govstats, man_dir, completion, source_root = sys.argv[1:5]
env = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="200")
env.pop("LANGUAGE", None)
# A sanitizer run preloads its runtime for Python; man, troff and bash are not
# ours to check (govstats itself links the runtime when built with it).
env.pop("LD_PRELOAD", None)
results = []


def case(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    if not ok:
        for text in str(detail).splitlines():
            print(f"# {text}")


def output(*args, **kwargs):
    return subprocess.run(list(args), capture_output=True, text=True, env=env, timeout=60, **kwargs)


def help_lines(*args):
    return output(govstats, *args, "--help").stdout.splitlines()


commands = []
in_commands = False
for line in help_lines():
    if line == "Commands:":
        in_commands = True
    elif in_commands and line.startswith("  "):
        commands.append(line.split()[0])
    else:
        in_commands = False
case("govstats --help lists the commands", len(commands) == 7, commands)

man = shutil.which("man")
case("man(1) is installed (package man-db)", man is not None)
if man is None:
    print(f"1..{len(results)}")
    sys.exit(1)


def render(page):
    path = os.path.join(man_dir, page)
    if not os.path.exists(path):
        return None, f"{path} was not built"
    proc = output(man, "--warnings", "-E", "UTF-8", "-l", path)
    if proc.returncode != 0 or proc.stderr.strip():
        return None, f"man -l {path}: exit {proc.returncode}\n{proc.stderr}"
    # man's formatting: no hyphenation at this width, but strip overstrikes.
    return re.sub(r".\x08", "", proc.stdout), ""


text, why = render("govstats.1")
case("govstats.1 renders without warnings", text is not None, why)
if text is not None:
    missing = [c for c in commands if f"govstats {c}" not in text or f"govstats-{c}(1)" not in text]
    case("govstats.1 lists every command and its page", not missing and "--version" in text,
         f"missing: {missing}")

for command in commands:
    options = set()
    for line in help_lines(command):
        options.update(re.findall(r"^  (?:-\w, )?(--[\w-]+)", line))
    text, why = render(f"govstats-{command}.1")
    case(f"govstats-{command}.1 renders without warnings", text is not None, why)
    if text is None:
        continue
    missing = sorted(o for o in options if not re.search(r"(^|\s)" + re.escape(o) + r"\b", text, re.M))
    case(f"govstats-{command}.1 names the command and its {len(options)} options",
         f"govstats-{command} - " in text and len(options) >= 1 and not missing,
         f"missing: {missing}\n{text[:400]}")


def complete(*words):
    """COMPREPLY of the completion function for the command line WORDS
    (the last word is the one being completed)."""
    script = (f'source "$1"; COMP_WORDS=({" ".join(printf_quote(w) for w in words)}); '
              f'COMP_CWORD={len(words) - 1}; _govstats; printf "%s\\n" "${{COMPREPLY[@]}}"')
    proc = output("bash", "--norc", "-c", script, "bash", completion, cwd=source_root)
    return sorted(l for l in proc.stdout.splitlines() if l), proc.stderr


def printf_quote(word):
    return "'" + word.replace("'", "'\\''") + "'"


proc = output("bash", "--norc", "-c", 'source "$1"; complete -p govstats', "bash", completion)
case("the completion registers a function for govstats", "-F _govstats" in proc.stdout and "govstats" in proc.stdout,
     proc.stdout + proc.stderr)
got, err = complete("govstats", "")
case("completes the commands", got == sorted(commands + ["--help", "--version"]), f"{got} {err}")
got, err = complete("govstats", "ro")
case("completes a command from its start", got == ["rollup"], got)
for command in commands:
    options = set()
    for line in help_lines(command):
        options.update(re.findall(r"(?:^  |, )(--?[\w-]+)", line))
    got, err = complete("govstats", command, "-")
    case(f"completes the options of {command}", got == sorted(options), f"{got} != {sorted(options)} {err}")
got, _ = complete("govstats", "render", "--format", "")
case("completes the values of render --format", got == ["csv", "csv-wide", "html", "markdown", "text"], got)
got, _ = complete("govstats", "check", "--lang", "=", "")
case("completes --lang=VALUE", got == ["en", "zh"], got)
got, _ = complete("govstats", "schema", "--layout", "20")
case("completes the layouts of schema --layout", got == ["2019", "2021"], got)
got, _ = complete("govstats", "rollup", "--roster", "examples/data/2021/ro")
case("completes a file after an option that takes one",
     got == ["examples/data/2021/roster.csv", "examples/data/2021/roster.json"], got)
units = os.path.join("examples", "data", "2021", "units")
want = sorted(os.path.join(units, f) for f in os.listdir(os.path.join(source_root, units)) if f.startswith("D0"))
got, _ = complete("govstats", "check", os.path.join(units, "D0"))
case(f"completes input files ({len(want)} of D0*)", len(want) >= 2 and got == want, f"{got} != {want}")

print(f"1..{len(results)}")
sys.exit(0 if all(results) else 1)
