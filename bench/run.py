#!/usr/bin/python3
"""Time `govstats rollup` against the plain-Python baseline (bench/plain_rollup.py).

    /usr/bin/python3 bench/run.py [--sizes 59,10000,200000] [--repeat R] [--govstats PATH]

For each size N: generate N unit reports with bench/generate.py (cached under --data, by default
/tmp/govstats-bench-data/<N>, reused while generator version, N and seed match), read every file
once so that both programs find them in the page cache, then run, in the same session,

    /usr/bin/time -v govstats rollup --lang en --roster DATA/roster.json -o OUT.json DATA/units
    /usr/bin/time -v /usr/bin/python3 bench/plain_rollup.py --roster … --json TOTALS.json DATA/units

R times each (alternating), and record wall time (median), CPU time (user + sys, median), peak RSS
(largest), files/s. On a shared machine wall time depends on the other load; CPU time less so.
Then check that both give the same sums for every cell (and the indicators), that govstats
consolidated as many units as the script counted, and that it reported exactly the missing and
duplicate units the generator planted. Results go to bench/_results/ (JSON and a Markdown table)
and to stdout. Exit status 1 if any check fails.
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PY = "/usr/bin/python3"
TIME = "/usr/bin/time"
sys.path.insert(0, HERE)
import generate  # noqa: E402  (for GENERATOR_VERSION and DEFAULT_SEED)

KEY_CELLS = [
    "applications/received/total",
    "applications/total/total",
    "applications/carried_forward/total",
    "applications/disclosed/natural_person",
    "art20_5/licensing/decisions",
    "art20_8/fees/amount",
    "review_litigation/review/total",
]


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def ensure_data(n, data_root, seed, jobs, regenerate):
    folder = os.path.join(data_root, str(n))
    manifest_path = os.path.join(folder, "manifest.json")
    if not regenerate and os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as f:
            m = json.load(f)
        if m.get("generator") == generate.GENERATOR_VERSION and m.get("units") == n and m.get("seed") == seed:
            log("N={}: reusing {}".format(n, folder))
            return folder, m
    log("N={}: generating into {}".format(n, folder))
    t0 = time.monotonic()
    subprocess.run([PY, os.path.join(HERE, "generate.py"), "--units", str(n), "--out", folder,
                    "--seed", str(seed), "--jobs", str(jobs), "--quiet"], check=True)
    log("N={}: generated in {:.1f} s".format(n, time.monotonic() - t0))
    with open(manifest_path, encoding="utf-8") as f:
        return folder, json.load(f)


def warm_cache(folder):
    """Read every file once, so that neither program pays for the disk."""
    t0 = time.monotonic()
    size = 0
    with os.scandir(os.path.join(folder, "units")) as it:
        for e in it:
            with open(e.path, "rb") as f:
                size += len(f.read())
    return size, time.monotonic() - t0


def parse_time_v(path):
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line.startswith("Maximum resident set size"):
                out["rss_kb"] = int(line.rsplit(":", 1)[1])
            elif line.startswith("User time"):
                out["user_s"] = float(line.rsplit(":", 1)[1])
            elif line.startswith("System time"):
                out["sys_s"] = float(line.rsplit(":", 1)[1])
            elif line.startswith("Exit status"):
                out["exit"] = int(line.rsplit(":", 1)[1])
            elif line.startswith("Elapsed (wall clock)"):
                v = line.split("):", 1)[1].strip().split(":")
                out["time_wall_s"] = sum(float(x) * 60 ** i for i, x in enumerate(reversed(v)))
    return out


def timed(cmd, stdout_path, time_path, ok_status):
    t0 = time.monotonic()
    with open(stdout_path, "wb") as out:
        p = subprocess.run([TIME, "-v", "-o", time_path] + cmd, stdout=out, stderr=subprocess.PIPE)
    wall = time.monotonic() - t0
    m = parse_time_v(time_path)
    m["wall_s"] = wall
    if p.returncode not in ok_status:
        raise SystemExit("command failed with status {}: {}\n{}".format(
            p.returncode, " ".join(cmd), p.stderr.decode(errors="replace")[-2000:]))
    return m


def cell_map(tables, amounts_as_str=False):
    out = {}
    for t, rows in tables.items():
        for r, cols in rows.items():
            for c, v in cols.items():
                if isinstance(v, dict):
                    v = v.get("value")
                if v is None:
                    continue
                if isinstance(v, str):
                    v = Decimal(v)
                out["{}/{}/{}".format(t, r, c)] = v
    return out


def parse_text_findings(path):
    """rule → sorted unit codes, from `govstats rollup --lang en` text output."""
    found = {}
    rule = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"\s+(error|warning|undecided|note|hint|info)\s+\[([^\]]+)\]", line)
            if m:
                rule = m.group(2)
                continue
            m = re.match(r"\s+units: (.*)$", line)
            if m and rule and rule.startswith("rollup."):
                found.setdefault(rule, []).extend(u.strip() for u in m.group(1).split(","))
                rule = None
    return {k: sorted(v) for k, v in found.items()}


def verify(n, manifest, gs_out, gs_stdout, plain_json):
    problems = []
    with open(gs_out, encoding="utf-8") as f:
        g = json.load(f, parse_float=Decimal)
    with open(plain_json, encoding="utf-8") as f:
        p = json.load(f, parse_float=Decimal)
    gc, pc = cell_map(g["tables"]), cell_map(p["tables"])
    diff = [k for k in sorted(set(gc) | set(pc)) if gc.get(k) != pc.get(k)]
    if diff:
        problems.append("{} cells differ, e.g. {}".format(
            len(diff), "; ".join("{}: govstats {} plain {}".format(k, gc.get(k), pc.get(k)) for k in diff[:5])))
    gi = g.get("extensions", {}).get("indicators", {})
    if {k: int(v) for k, v in gi.items()} != {k: int(v) for k, v in p["indicators"].items()}:
        problems.append("indicators differ: govstats {} plain {}".format(gi, p["indicators"]))
    sources = g.get("sources", [])
    if len(sources) != p["units"]:
        problems.append("govstats lists {} sources, the script counted {} units".format(len(sources), p["units"]))
    if p["units"] != n - len(manifest["missing"]):
        problems.append("the script counted {} units, expected {}".format(p["units"], n - len(manifest["missing"])))
    found = parse_text_findings(gs_stdout)
    for rule, key in (("rollup.missing_unit", "missing"), ("rollup.duplicate_unit", "duplicates")):
        if found.get(rule, []) != manifest[key]:
            problems.append("{}: govstats reported {}, planted {}".format(rule, found.get(rule, []), manifest[key]))
        if sorted(p[key]) != manifest[key]:
            problems.append("{}: the script found {}, planted {}".format(key, sorted(p[key]), manifest[key]))
    other = sorted(set(found) - {"rollup.missing_unit", "rollup.duplicate_unit"})
    if other:
        problems.append("unexpected rollup findings: {}".format(", ".join(other)))
    key_cells = {k: (str(gc.get(k)), str(pc.get(k))) for k in KEY_CELLS}
    return problems, key_cells, len(gc), len(pc)


def machine_info(govstats):
    info = {"nproc": os.cpu_count(), "python": subprocess.run([PY, "--version"], capture_output=True,
                                                             text=True).stdout.strip(),
            "kernel": platform.release()}
    try:
        with open("/proc/cpuinfo") as f:
            info["cpu"] = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
        with open("/proc/meminfo") as f:
            info["mem_gb"] = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
        with open("/etc/debian_version") as f:
            info["debian"] = f.read().strip()
    except (OSError, StopIteration):
        pass
    for pkg in ("libglib2.0-0", "libjson-glib-1.0-0"):
        r = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
        info[pkg] = r.stdout.strip()
    r = subprocess.run([govstats, "--version"], capture_output=True, text=True)
    info["govstats"] = (r.stdout or r.stderr).strip().splitlines()[0] if (r.stdout or r.stderr) else "?"
    r = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    info["commit"] = r.stdout.strip()
    r = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no", "libgovstats", "tools"],
                       capture_output=True, text=True)
    info["dirty_sources"] = bool(r.stdout.strip())
    try:
        info["loadavg_start"] = os.getloadavg()
    except OSError:
        pass
    return info


def fmt_table(rows):
    head = ("| N | govstats wall s | files/s | CPU s | peak RSS MB | plain-Python wall s | files/s | CPU s | "
            "peak RSS MB | speed ratio (wall) | CPU ratio | sums equal | load avg |")
    lines = [head, "|" + "--:|" * 12 + ":-:|"]
    for r in rows:
        p = r.get("plain")
        lines.append("| {:,} | {:.2f} | {:,.0f} | {:.2f} | {:.1f} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            r["n"], r["gs"]["wall_s"], r["gs"]["files_per_s"], r["gs"]["cpu_s"], r["gs"]["rss_mb"],
            "{:.2f}".format(p["wall_s"]) if p else "–",
            "{:,.0f}".format(p["files_per_s"]) if p else "–",
            "{:.2f}".format(p["cpu_s"]) if p else "–",
            "{:.1f}".format(p["rss_mb"]) if p else "–",
            "{:.2f}×".format(p["wall_s"] / r["gs"]["wall_s"]) if p else "–",
            "{:.2f}×".format(p["cpu_s"] / max(r["gs"]["cpu_s"], 1e-9)) if p else "–",
            "–" if not p else "yes" if not r["problems"] else "NO",
            "{:.1f}".format(r["loadavg"]) if r.get("loadavg") is not None else "?"))
    lines.append("")
    lines.append("ratios are plain-Python ÷ govstats: above 1× govstats is faster (wall) or cheaper (CPU); "
                 "files/s = files ÷ median wall time; CPU s = user + sys; load avg = 1-minute load "
                 "before the N (nproc {})".format(os.cpu_count()))
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="59,10000,200000", help="comma-separated N (default 59,10000,200000)")
    ap.add_argument("--repeat", type=int, default=None,
                    help="runs of each program per N (default 5 for N ≤ 1000, 3 for N ≤ 20000, else 1)")
    ap.add_argument("--govstats", default=os.path.join(ROOT, "build-bench", "tools", "govstats"))
    ap.add_argument("--data", default=os.environ.get("GOVSTATS_BENCH_DATA", "/tmp/govstats-bench-data"),
                    help="where generated folders are cached (default /tmp/govstats-bench-data)")
    ap.add_argument("--results", default=os.path.join(HERE, "_results"))
    ap.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="generator processes")
    ap.add_argument("--label", help="what is measured (default: the working tree's commit, +dirty "
                    "if libgovstats/ or tools/ have uncommitted changes)")
    ap.add_argument("--regenerate", action="store_true", help="ignore the cached folders")
    ap.add_argument("--skip-plain", action="store_true", help="time govstats only")
    ap.add_argument("--keep-outputs", action="store_true",
                    help="keep outputs over 5 MB (OUT.json and the text output at N = 200,000) after the checks")
    a = ap.parse_args(argv)

    sizes = [int(s.replace("_", "")) for s in a.sizes.split(",") if s.strip()]
    if not os.access(a.govstats, os.X_OK):
        raise SystemExit("no govstats at {} (build it: meson setup build-bench -Ddocs=false -Dtests=false "
                         "--buildtype=release && ninja -C build-bench)".format(a.govstats))
    if not os.access(TIME, os.X_OK):
        raise SystemExit("{} is missing: apt-get install time".format(TIME))
    os.makedirs(a.results, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    work = os.path.join(a.results, stamp)
    k = 1
    while os.path.exists(work):
        k += 1
        work = os.path.join(a.results, "{}-{}".format(stamp, k))
    os.makedirs(work)
    info = machine_info(a.govstats)
    info["govstats_path"] = os.path.abspath(a.govstats)
    info["label"] = a.label or "working tree at {}{}".format(info["commit"], " +dirty" if info["dirty_sources"] else "")
    log("machine:", json.dumps(info, ensure_ascii=False))

    rows = []
    for n in sizes:
        folder, manifest = ensure_data(n, a.data, a.seed, a.jobs, a.regenerate)
        units, roster = os.path.join(folder, "units"), os.path.join(folder, "roster.json")
        size, warm_s = warm_cache(folder)
        files = manifest["files"]
        log("N={}: {} files, {:.1f} MB, read once in {:.1f} s".format(n, files, size / 1e6, warm_s))
        repeat = a.repeat or (5 if n <= 1000 else 3 if n <= 20000 else 1)
        try:
            load = os.getloadavg()[0]
        except OSError:
            load = None
        gs_runs, plain_runs = [], []
        for k in range(repeat):
            gs_out = os.path.join(work, "govstats-{}.json".format(n))
            gs_stdout = os.path.join(work, "govstats-{}.txt".format(n))
            m = timed([a.govstats, "rollup", "--lang", "en", "--roster", roster, "-o", gs_out, units],
                      gs_stdout, os.path.join(work, "govstats-{}.time".format(n)), (0, 1))
            gs_runs.append(m)
            log("N={} run {}: govstats {:.2f} s, {:.1f} MB".format(n, k + 1, m["wall_s"], m["rss_kb"] / 1024))
            if not a.skip_plain:
                plain_json = os.path.join(work, "plain-{}.json".format(n))
                m = timed([PY, os.path.join(HERE, "plain_rollup.py"), "--roster", roster, "--json", plain_json, units],
                          os.path.join(work, "plain-{}.txt".format(n)), os.path.join(work, "plain-{}.time".format(n)), (0,))
                plain_runs.append(m)
                log("N={} run {}: plain   {:.2f} s, {:.1f} MB".format(n, k + 1, m["wall_s"], m["rss_kb"] / 1024))

        def summary(runs):
            wall = statistics.median(r["wall_s"] for r in runs)
            return {"wall_s": wall, "wall_all": [round(r["wall_s"], 3) for r in runs], "files_per_s": files / wall,
                    "cpu_s": statistics.median(r["user_s"] + r["sys_s"] for r in runs),
                    "rss_mb": max(r["rss_kb"] for r in runs) / 1024}

        row = {"n": n, "files": files, "bytes": size, "gs": summary(gs_runs), "problems": [], "loadavg": load}
        if plain_runs:
            row["plain"] = summary(plain_runs)
            problems, key_cells, ng, np_ = verify(n, manifest, gs_out, gs_stdout, plain_json)
            row.update(problems=problems, key_cells=key_cells, cells_compared=max(ng, np_))
            for k, (gv, pv) in key_cells.items():
                log("N={}: {:40s} govstats {:>16s}  plain {:>16s}".format(n, k, gv, pv))
            log("N={}: {} cells compared: {}".format(n, row["cells_compared"], "; ".join(problems) or "all equal"))
        rows.append(row)
        if not a.keep_outputs:
            for name in os.listdir(work):
                path = os.path.join(work, name)
                if name.endswith((".json", ".txt")) and os.path.getsize(path) > 5 << 20:
                    os.remove(path)

    # Memory per extra unit, between the smallest and the largest size.
    if len(rows) > 1:
        lo, hi = rows[0], rows[-1]
        per_unit = (hi["gs"]["rss_mb"] - lo["gs"]["rss_mb"]) * 1048576 / max(1, hi["files"] - lo["files"])
        info["govstats_rss_bytes_per_extra_file"] = round(per_unit)
    try:
        info["loadavg_end"] = os.getloadavg()
    except OSError:
        pass

    table = fmt_table(rows)
    with open(os.path.join(work, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"machine": info, "rows": rows}, f, ensure_ascii=False, indent=1)
    with open(os.path.join(work, "results.md"), "w", encoding="utf-8") as f:
        f.write("# {} — govstats {}\n\n{}\n".format(stamp, info["label"], table))
    print("# {} — govstats {}".format(stamp, info["label"]))
    print(table)
    if "govstats_rss_bytes_per_extra_file" in info:
        print("\ngovstats peak RSS grows by {} bytes per extra file ({} → {} files)".format(
            info["govstats_rss_bytes_per_extra_file"], rows[0]["files"], rows[-1]["files"]))
    print("results: {}".format(work))
    bad = [r for r in rows if r["problems"]]
    for r in bad:
        print("N={}: {}".format(r["n"], "; ".join(r["problems"])))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
