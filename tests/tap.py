# tests/tap.py — runs a list of test functions as one TAP program, so that
# meson counts each function as a test case.
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys
import traceback


def run(tests):
    """Runs each function in @tests, printing `ok N name` or `not ok N name`
    with the traceback as TAP comments; returns the exit status."""
    print(f"1..{len(tests)}")
    failed = 0
    for n, test in enumerate(tests, 1):
        name = test.__name__
        try:
            test()
        except Exception:
            failed += 1
            print(f"not ok {n} {name}")
            for line in traceback.format_exc().splitlines():
                print("# " + line)
        else:
            print(f"ok {n} {name}")
        sys.stdout.flush()
    return 1 if failed else 0
