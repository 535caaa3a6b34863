#!/usr/bin/env bash
# check-install.sh — install libgovstats as an unprivileged user into a
# prefix that user owns, and use the installed copy from outside the source
# tree with exactly the environment README.md states (its "environment of an
# installed libgovstats" block): Python with the override, GJS with the
# helper module imported as docs/javascript.md shows, the program, its man
# pages and completion, and a Vala program built against the installed VAPI.
#
#   bash tests/install/check-install.sh
#
# Run as root (CI), the build and install run as a throwaway uid that cannot
# write anywhere but its own folder: an install that writes outside the
# prefix fails. Run as another user, as that user. Either way every file of
# meson's install log must be under the prefix. Ends with
#   tests: N passed, M failed
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
passed=0
failed=0
n=0

result() {
  local ok=$1 name=$2 log=${3:-}
  n=$((n + 1))
  if [ "$ok" -eq 0 ]; then
    passed=$((passed + 1))
    echo "ok $n - $name"
  else
    failed=$((failed + 1))
    echo "not ok $n - $name"
    [ -n "$log" ] && [ -f "$log" ] && sed 's/^/# /' "$log" | tail -n 40
  fi
}

finish() {
  echo "1..$n"
  echo "tests: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

work=$(mktemp -d /tmp/govstats-install.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
src=$work/src
prefix=$work/prefix
run_dir=$work/run
mkdir -p "$src" "$prefix" "$run_dir" "$work/home"

# The sources as a fresh clone would have them (no build folders).
(cd "$top" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$src"

if [ "$(id -u)" -eq 0 ]; then
  uid=64123
  chown -R "$uid:$uid" "$work"
  as_user=(setpriv --reuid="$uid" --regid="$uid" --clear-groups --inh-caps=-all)
else
  as_user=()
fi
user_env=(env -i HOME="$work/home" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 TMPDIR="$work")

log=$work/setup.log
"${as_user[@]}" "${user_env[@]}" meson setup "$work/build" "$src" --prefix="$prefix" \
  -Dtests=false -Ddocs=false >"$log" 2>&1
result $? "meson setup --prefix=PREFIX -Dtests=false as uid $("${as_user[@]}" id -u)" "$log"

# -Dtests=false looks for none of the test tools.
if grep -qiE "Program (gjs|chromium|pytest)|pytest" "$work/build/meson-logs/meson-log.txt"; then
  grep -iE "gjs|chromium|pytest" "$work/build/meson-logs/meson-log.txt" >"$work/tools.log"
  result 1 "-Dtests=false needs neither gjs nor pytest nor chromium" "$work/tools.log"
else
  result 0 "-Dtests=false needs neither gjs nor pytest nor chromium"
fi

log=$work/install.log
"${as_user[@]}" "${user_env[@]}" ninja -C "$work/build" install >"$log" 2>&1
result $? "ninja install as the unprivileged user" "$log"
[ -f "$work/build/meson-logs/install-log.txt" ] || finish

outside=$(grep -v '^#' "$work/build/meson-logs/install-log.txt" | grep -v "^$prefix/" || true)
count=$(grep -vc '^#' "$work/build/meson-logs/install-log.txt")
echo "$outside" >"$work/outside.log"
[ -z "$outside" ] && [ "$count" -gt 20 ]
result $? "all $count installed files are under the prefix" "$work/outside.log"

# Nothing in the shared temporary folders either (the user can write there).
if [ "$(id -u)" -eq 0 ]; then
  find /tmp /var/tmp /dev/shm -xdev -uid "$uid" -not -path "$work" -not -path "$work/*" >"$work/tmp.log" 2>/dev/null
  [ ! -s "$work/tmp.log" ]
  result $? "the install wrote nothing to /tmp, /var/tmp or /dev/shm" "$work/tmp.log"
fi

# meson devenv: this tree's override, and the typelib and library of the build.
log=$work/devenv.log
(cd "$run_dir" && "${as_user[@]}" "${user_env[@]}" meson devenv -C "$work/build" /usr/bin/python3 -c '
import gi, sys
gi.require_version("Govstats", "1.0")
gi.require_version("GIRepository", "2.0")
from gi.repository import GIRepository, Govstats
import gi.overrides.Govstats as override
print(override.__file__)
print(GIRepository.Repository.get_default().get_typelib_path("Govstats"))
print(Govstats.Report.load(sys.argv[1])["applications/received/total"])' "$src/examples/data/2021/units/D01.json") >"$log" 2>&1 \
  && [ "$(sed -n 1p "$log")" = "$src/bindings/python/gi/overrides/Govstats.py" ] \
  && [ "$(sed -n 2p "$log")" = "$work/build/libgovstats/Govstats-1.0.typelib" ] \
  && [ "$(sed -n 3p "$log")" = 10 ]
result $? "meson devenv runs Python with the tree's override and the build's typelib" "$log"

# Each kind of file where the README says.
libdir=$prefix/lib/x86_64-linux-gnu
missing=
for f in "$libdir/libgovstats-1.so.0" "$libdir/pkgconfig/govstats-1.pc" \
         "$libdir/girepository-1.0/Govstats-1.0.typelib" "$prefix/share/gir-1.0/Govstats-1.0.gir" \
         "$prefix/lib/python3/dist-packages/gi/overrides/Govstats.py" \
         "$prefix/share/govstats-1/gjs/govstats.js" "$prefix/share/vala/vapi/govstats-1.vapi" \
         "$prefix/share/vala/vapi/govstats-1.deps" "$prefix/bin/govstats" \
         "$prefix/share/man/man1/govstats.1" "$prefix/share/man/man1/govstats-rollup.1" \
         "$prefix/share/bash-completion/completions/govstats" "$prefix/include/govstats-1/govstats/govstats.h"; do
  [ -e "$f" ] || missing="$missing $f"
done
echo "missing:$missing" >"$work/missing.log"
[ -z "$missing" ]
result $? "the library, typelib, override, GJS module, VAPI, program, man pages and completion are installed" "$work/missing.log"

# The README's environment block, with the prefix of this install.
readme_env=$(awk '/^```sh$/ { block = ""; inside = 1; next }
                  /^```$/ { if (inside && block ~ /# the environment of an installed libgovstats/) print block; inside = 0; next }
                  inside { block = block $0 "\n" }' "$top/README.md")
if [ -z "$readme_env" ] || ! grep -q '^prefix=' <<<"$readme_env"; then
  echo "README.md has no environment block" >"$work/env.log"
  result 1 "README.md states the environment" "$work/env.log"
  finish
fi
readme_env=$(sed -E "s|^prefix=[^ ]*|prefix=$prefix|" <<<"$readme_env")
printf '%s\n' "$readme_env" >"$run_dir/env.sh"
cp "$src/examples/data/2021/units/D01.json" "$run_dir/"

as_installed() {
  local script=$1
  (cd "$run_dir" && "${as_user[@]}" env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
     bash -c ". ./env.sh; $script")
}

cat >"$run_dir/check.py" <<'PY'
import decimal, os, sys
import gi
gi.require_version("Govstats", "1.0")
gi.require_version("GIRepository", "2.0")
from gi.repository import Govstats, GIRepository
prefix = sys.argv[1]
import gi.overrides.Govstats as override
assert override.__file__.startswith(prefix + "/"), override.__file__
typelib = GIRepository.Repository.get_default().get_typelib_path("Govstats")
assert typelib.startswith(prefix + "/"), typelib
report = Govstats.Report.load("D01.json")
assert report["applications/received/total"] == 10
assert report["art20_8/fees/amount"] == decimal.Decimal("613.5241")
report["applications/received/natural_person"] = 10
# The row no longer adds up, and received no longer balances the outcomes.
errors = [f.get_rule_id() for f in report.check(None) if f.get_severity() == Govstats.Severity.ERROR]
assert errors == ["applications.balance", "applications.row_total"], errors
print("python ok", Govstats.get_version_string())
PY
log=$work/python.log
as_installed "python3 check.py \"\$prefix\"" >"$log" 2>&1 && grep -q "^python ok" "$log"
result $? "Python imports the installed typelib and override and reads D01.json" "$log"

cat >"$run_dir/check.js" <<'JS'
import GLib from 'gi://GLib';
import GIRepository from 'gi://GIRepository?version=2.0';
import Govstats from 'gi://Govstats';
const prefix = GLib.getenv('GOVSTATS_PREFIX');
const typelib = GIRepository.Repository.get_default().get_typelib_path('Govstats');
if (!typelib.startsWith(`${prefix}/`))
    throw new Error(`typelib from ${typelib}`);
const report = Govstats.Report.new_from_file('D01.json');
const [isSet, received] = report.get_value('applications/received/total');
if (!isSet || received !== 10)
    throw new Error(`received ${received}`);
print('gjs ok', Govstats.get_version_string());
JS
log=$work/gjs.log
as_installed 'GOVSTATS_PREFIX=$prefix gjs -m check.js' >"$log" 2>&1 && grep -q "^gjs ok" "$log"
result $? "GJS imports the installed typelib and reads D01.json" "$log"

log=$work/gjs-doc.log
as_installed "python3 $src/tests/install/doc-import.py gjs $src/docs/javascript.md \"\$prefix/share/govstats-1/gjs/govstats.js\" $run_dir/D01.json" >"$log" 2>&1
result $? "the import line of docs/javascript.md loads the installed GJS module" "$log"

log=$work/cli.log
as_installed 'govstats check D01.json && govstats --version && man -w govstats-check && MANWIDTH=100 man govstats-rollup | grep -q -- "--roster" && . "$prefix/share/bash-completion/completions/govstats" && complete -p govstats' >"$log" 2>&1 \
  && grep -q "^$prefix/share/man/man1/govstats-check.1" "$log"
result $? "the installed govstats runs, man finds its pages, the completion loads" "$log"

log=$work/vala.log
as_installed "cd \"\$HOME\" && valac --vapidir=\"\$prefix/share/vala/vapi\" --pkg govstats-1 -o test-vala $src/tests/vala/test-vala.vala && ./test-vala --tap $src" >"$log" 2>&1 \
  && ! grep -q "^not ok" "$log" && grep -c "^ok" "$log" | grep -qx 4
result $? "a Vala program builds against the installed VAPI and pkg-config file, and passes" "$log"

finish
