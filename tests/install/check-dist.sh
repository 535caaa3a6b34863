#!/usr/bin/env bash
# check-dist.sh — `meson dist` makes the release tarball from the committed
# tree, and the tarball's own test suite must pass where it is unpacked,
# with no checkout (and no ../shared) around it. Prints the tarball's name
# and size, then the suite's own last line:
#   tests: N passed, M failed
# plus one case for making the tarball.
#
#   bash tests/install/check-dist.sh
#
# SPDX-License-Identifier: LGPL-2.1-or-later
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/govstats-dist.XXXXXX)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "not ok - $1"
  [ -f "${2:-}" ] && sed 's/^/# /' "$2" | tail -n 40
  echo "tests: 0 passed, 1 failed"
  exit 1
}

# The tarball needs no docs or tests built here: it tests itself.
meson setup "$work/build" "$top" -Dtests=false -Ddocs=false >"$work/setup.log" 2>&1 \
  || fail "meson setup for meson dist" "$work/setup.log"
meson dist -C "$work/build" --no-tests --formats xztar >"$work/dist.log" 2>&1 \
  || fail "meson dist" "$work/dist.log"
tarball=$(ls "$work"/build/meson-dist/*.tar.xz 2>/dev/null | head -n 1)
[ -n "$tarball" ] || fail "meson dist made no tarball" "$work/dist.log"
echo "ok - meson dist: $(basename "$tarball"), $(stat -c %s "$tarball") bytes"

mkdir "$work/unpacked"
tar -xf "$tarball" -C "$work/unpacked" || fail "unpacking $(basename "$tarball")"
dir=$(ls -d "$work"/unpacked/*/ | head -n 1)
for f in COPYING NEWS CONTRIBUTING.md README.md meson.build; do
  [ -f "$dir/$f" ] || fail "the tarball has no $f"
done

# The README's own test command, in the unpacked tree.
(cd "$dir" && bash tests/run-all.sh) >"$work/tests.log" 2>&1
status=$?
grep -E '^(not ok|FAIL|ERROR)|^ *[0-9]+/[0-9]+ .*(FAIL|ERROR|TIMEOUT)' "$work/tests.log" | head -n 40
line=$(grep -E '^tests: [0-9]+ passed, [0-9]+ failed' "$work/tests.log" | tail -n 1)
[ -n "$line" ] || fail "the tarball's test suite printed no totals" "$work/tests.log"
p=$(sed -E 's/^tests: ([0-9]+) passed.*/\1/' <<<"$line")
f=$(sed -E 's/^tests: [0-9]+ passed, ([0-9]+) failed.*/\1/' <<<"$line")
echo "the tarball's suite: $line (exit $status)"
echo "tests: $((p + 1)) passed, $f failed"
[ "$status" -eq 0 ] && [ "$f" -eq 0 ]
