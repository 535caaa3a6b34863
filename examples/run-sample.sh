#!/usr/bin/env bash
# The main job on the bundled sample county (示例县, 43 departments + 16 towns):
# installs what is missing, builds, consolidates the 2021 unit reports
# against the roster and last year's consolidation, prints the consolidated
# statutory tables and every finding.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
bash .ci/install-deps
[ -f build/build.ninja ] || meson setup build >/dev/null
if ! log=$(ninja -C build 2>&1); then
  echo "$log" >&2
  exit 1
fi

data=examples/data
out=build/sample-county-2021.json
status=0
./build/tools/govstats rollup \
  --roster "$data/2021/roster.json" \
  --previous "$data/2020/consolidated.json" \
  -o "$out" "$data/2021/units" "$@" || status=$?
# Exit status 1 means the consolidation found errors: the sample has some on
# purpose (see examples/data/README.md). Anything else is a failure.
[ "$status" -le 1 ] || exit "$status"
echo
./build/tools/govstats render --format text "$out" "$@"
