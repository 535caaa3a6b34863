#!/bin/bash
# Rollup benchmark: govstats rollup against a plain-Python rollup of the same files.
#
#   bash bench/run.sh                        # N = 59, 10000, 200000, the working tree
#   bash bench/run.sh --sizes 59,10000       # other sizes; bench/run.py --help for the rest
#   bash bench/run.sh --commit HEAD          # a clean export of a commit (git archive), built
#                                            # in /tmp, so uncommitted work does not count
#
# Builds build-bench (release) if it is missing, then runs bench/run.py, which generates the
# data (cached in /tmp/govstats-bench-data, or $GOVSTATS_BENCH_DATA), times both programs with
# /usr/bin/time -v, checks that they agree, and writes bench/_results/<date>/results.{md,json}.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

if [ ! -x /usr/bin/time ]; then
  echo "run.sh: /usr/bin/time is missing: apt-get install time" >&2
  exit 2
fi

commit=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --commit) commit="$2"; shift 2 ;;
    --commit=*) commit="${1#--commit=}"; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

if [ -n "$commit" ]; then
  rev=$(git -C "$root" rev-parse --short "$commit")
  src=/tmp/govstats-bench-src-$rev
  if [ ! -x "$src/build/tools/govstats" ]; then
    rm -rf "$src"
    mkdir -p "$src"
    git -C "$root" archive "$rev" | tar -x -C "$src"
    (cd "$src" && meson setup build -Ddocs=false -Dtests=false --buildtype=release >&2)
  fi
  ninja -C "$src/build" >&2
  exec /usr/bin/python3 "$here/run.py" --govstats "$src/build/tools/govstats" --label "commit $rev (clean export)" "${args[@]+"${args[@]}"}"
fi

if [ ! -x "$root/build-bench/tools/govstats" ]; then
  (cd "$root" && meson setup build-bench -Ddocs=false -Dtests=false --buildtype=release >&2)
fi
ninja -C "$root/build-bench" >&2
exec /usr/bin/python3 "$here/run.py" "${args[@]+"${args[@]}"}"
