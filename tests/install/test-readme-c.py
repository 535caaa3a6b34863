#!/usr/bin/python3
# test-readme-c.py — the C example of README.md builds against the build tree
# through meson-uninstalled/govstats-1-uninstalled.pc, as it builds against
# an install through govstats-1.pc, and prints what it says on a unit report.
#
#   test-readme-c.py SOURCE_ROOT BUILD_ROOT PKG_CONFIG CC…
#
# The ```c block of README.md is the body of main(), its #include lines
# aside. It runs in a folder holding examples/data/2021/units/D01.json as
# D01.json, then D10.json under that name; it must print the applications
# received that the file gives, then one line per finding of `govstats check`
# on the same file.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


def readme_c_block(path):
    with open(path, encoding="utf-8") as f:
        blocks = re.findall(r"^```c\n(.*?)^```$", f.read(), re.M | re.S)
    assert len(blocks) == 1, f"README.md has {len(blocks)} ```c blocks, not one"
    return blocks[0]


def as_program(block):
    lines = block.splitlines()
    includes = [line for line in lines if line.startswith("#include")]
    body = [line for line in lines if not line.startswith("#include")]
    return "\n".join(includes + ["", "int", "main (void)", "{"]
                     + ["  " + line if line else "" for line in body]
                     + ["  return 0;", "}", ""])


def main():
    source_root, build_root, pkg_config, *cc = sys.argv[1:]
    uninstalled = os.path.join(build_root, "meson-uninstalled")
    assert os.path.isfile(os.path.join(uninstalled, "govstats-1-uninstalled.pc"))

    env = dict(os.environ, PKG_CONFIG_PATH=uninstalled)
    flags = subprocess.run([pkg_config, "--cflags", "--libs", "govstats-1"], env=env,
                           check=True, capture_output=True, text=True).stdout.split()
    # The build tree's, not an installed copy's: the generated headers too.
    assert f"-I{os.path.join(source_root, 'include')}" in [os.path.normpath(f) for f in flags], flags
    assert f"-L{os.path.join(build_root, 'libgovstats')}" in flags, flags

    with tempfile.TemporaryDirectory() as tmp:
        program = os.path.join(tmp, "readme.c")
        with open(program, "w", encoding="utf-8") as f:
            f.write(as_program(readme_c_block(os.path.join(source_root, "README.md"))))
        exe = os.path.join(tmp, "readme")
        build = subprocess.run([*cc, "-std=c11", "-Wall", "-Werror=implicit-function-declaration",
                                "-o", exe, program, *flags], capture_output=True, text=True)
        assert build.returncode == 0, build.stderr
        # D01 as the README has it; D10's report under the same name, for
        # findings to print.
        for code in ("D01", "D10"):
            run_example(exe, tmp, source_root, build_root, code)


def run_example(exe, tmp, source_root, build_root, code):
    unit = os.path.join(source_root, "examples", "data", "2021", "units", code + ".json")
    with open(unit, encoding="utf-8") as f:
        received = json.load(f)["tables"]["applications"]["received"]["total"]
    govstats = os.path.join(build_root, "tools", "govstats")
    checked = json.loads(subprocess.run([govstats, "check", "--json", "--lang", "zh", unit],
                                        capture_output=True, check=False).stdout)
    findings = checked["reports"][0]["findings"]

    shutil.copy(unit, os.path.join(tmp, "D01.json"))
    # g_print() writes in the locale's character set: a UTF-8 one for the Chinese.
    run_env = dict(os.environ, LD_LIBRARY_PATH=os.path.join(build_root, "libgovstats"),
                   LC_ALL="C.UTF-8")
    run = subprocess.run([exe], cwd=tmp, env=run_env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()

    assert lines[0] == f"{received} applications", lines
    assert len(lines) == 1 + len(findings), (lines, findings)
    for line, finding in zip(lines[1:], findings):
        assert finding["message"] in line, (line, finding)
    print(f"README.md's C example on {code}.json: {received} applications, {len(findings)} findings")

if __name__ == "__main__":
    main()
