#!/usr/bin/env bash
# The whole test suite — C, Python, GJS, examples, docs — on a fresh machine:
# installs what is missing, builds, runs `meson test`, and ends with
#   tests: N passed, M failed
# counting every test case that ran.
#
#   bash tests/run-all.sh                 # build dir: build
#   bash tests/run-all.sh --sanitize      # build dir: build-asan, ASan + UBSan
#   bash tests/run-all.sh --valgrind      # the C tests under valgrind
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
bash .ci/install-deps || { echo "tests: 0 passed, 1 failed"; exit 1; }

builddir=build
setup_args=()
test_env=()
test_args=()
if [ "${1:-}" = "--sanitize" ]; then
  builddir=build-asan
  setup_args=(-Db_sanitize=address,undefined -Db_lundef=false -Ddocs=false)
  asan=$(gcc -print-file-name=libasan.so)
  ubsan=$(gcc -print-file-name=libubsan.so)
  # Python and GJS load the library into a program not built with ASan.
  test_env=(LD_PRELOAD="$asan:$ubsan" UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
            ASAN_OPTIONS=detect_leaks=0:abort_on_error=1)
elif [ "${1:-}" = "--valgrind" ]; then
  test_args=(--setup valgrind --suite c)
fi

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "${setup_args[@]}" >/dev/null || { echo "tests: 0 passed, 1 failed"; exit 1; }
fi
ninja -C "$builddir" || { echo "tests: 0 passed, 1 failed"; exit 1; }

status=0
env "${test_env[@]}" meson test -C "$builddir" --print-errorlogs --no-rebuild "${test_args[@]}" || status=$?
log="$builddir/meson-logs/testlog.json"
[ "${1:-}" = "--valgrind" ] && log="$builddir/meson-logs/testlog-valgrind.json"
/usr/bin/python3 tests/count-results.py "$log" || status=1
exit $status
