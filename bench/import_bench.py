#!/usr/bin/python3
"""Import speed: reports per second for each form of the real published reports.

    /usr/bin/python3 bench/import_bench.py [--build BUILDDIR] [--repeat N] [--cli] [--json OUT.json]

Reads the real reports of ../shared/real-reports (text as `pdftotext -layout`, plain
`pdftotext`, HTML rendered as text, and the PDFs) and imports each one N times in process,
through the typelib (Govstats.import_data on bytes already in memory: no disk, no process
start), then prints reports/second per form and per file. With --cli it also times the whole
command, `govstats import --no-check -o /dev/null FILE`, once per file and repeat (process
start, schema load, import, JSON output), which is what a clerk's batch script sees.

Needs the build's typelib and library (it re-executes itself with GI_TYPELIB_PATH and
LD_LIBRARY_PATH pointing into BUILDDIR, default ./build). Standard library and PyGObject only.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REAL = os.path.normpath(os.path.join(ROOT, "..", "shared", "real-reports"))

FILES = [
    ("layout text", "huaian-city-2024.layout.txt"),
    ("layout text", "hongze-district-2023.layout.txt"),
    ("layout text", "hongze-district-2024.layout.txt"),
    ("plain text", "huaian-city-2024.raw.txt"),
    ("plain text", "hongze-district-2023.raw.txt"),
    ("HTML as text", "shuyang-fagaiju-2023.html.txt"),
    ("PDF", "pdf/huaian-city-2024.pdf"),
    ("PDF", "pdf/hongze-district-2023.pdf"),
    ("PDF", "pdf/hongze-district-2024.pdf"),
]


def reexec_with_env(build):
    libdir = os.path.join(build, "libgovstats")
    if os.environ.get("GOVSTATS_BENCH_ENV") == libdir:
        return
    env = dict(os.environ)
    env["GI_TYPELIB_PATH"] = libdir + (":" + env["GI_TYPELIB_PATH"] if env.get("GI_TYPELIB_PATH") else "")
    env["LD_LIBRARY_PATH"] = libdir + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
    env["GOVSTATS_BENCH_ENV"] = libdir
    os.execve(sys.executable, [sys.executable] + sys.argv, env)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="meson build directory")
    ap.add_argument("--repeat", type=int, default=20, help="imports per file (default 20)")
    ap.add_argument("--cli", action="store_true", help="also time `govstats import` per file")
    ap.add_argument("--json", help="write the numbers as JSON to this file")
    args = ap.parse_args(argv)
    build = os.path.abspath(args.build)
    reexec_with_env(build)

    import gi
    gi.require_version("Govstats", "1.0")
    from gi.repository import Govstats

    results = []
    by_form = {}
    print(f"{'form':<14} {'file':<36} {'KiB':>6} {'ms/report':>10} {'reports/s':>10}")
    for form, name in FILES:
        path = os.path.join(REAL, name)
        if not os.path.exists(path):
            continue
        if form == "PDF" and not Govstats.import_can_read_pdf():
            continue
        with open(path, "rb") as f:
            data = f.read()
        # One warm-up import (schemas, caches), then the timed ones.
        Govstats.import_data(data, Govstats.ImportFormat.AUTO, os.path.basename(name))
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            report, findings = Govstats.import_data(data, Govstats.ImportFormat.AUTO, os.path.basename(name))
            times.append(time.perf_counter() - t0)
            assert report is not None
        mean = statistics.mean(times)
        results.append({"form": form, "file": name, "bytes": len(data), "repeat": args.repeat,
                        "seconds_per_report": mean, "reports_per_second": 1 / mean})
        by_form.setdefault(form, []).extend(times)
        print(f"{form:<14} {name:<36} {len(data) / 1024:6.1f} {mean * 1000:10.2f} {1 / mean:10.1f}")

    print()
    print(f"{'form':<14} {'imports':>8} {'ms/report':>10} {'reports/s':>10}")
    summary = {}
    for form, times in by_form.items():
        mean = statistics.mean(times)
        summary[form] = {"imports": len(times), "seconds_per_report": mean, "reports_per_second": 1 / mean}
        print(f"{form:<14} {len(times):8d} {mean * 1000:10.2f} {1 / mean:10.1f}")

    cli = {}
    if args.cli:
        tool = os.path.join(build, "tools", "govstats")
        print()
        print(f"{'form':<14} {'file':<36} {'ms/command':>10}")
        for form, name in FILES:
            path = os.path.join(REAL, name)
            if not os.path.exists(path):
                continue
            times = []
            for _ in range(max(3, args.repeat // 4)):
                t0 = time.perf_counter()
                subprocess.run([tool, "import", "--no-check", "-o", os.devnull, path],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
                times.append(time.perf_counter() - t0)
            mean = statistics.mean(times)
            cli[name] = mean
            print(f"{form:<14} {name:<36} {mean * 1000:10.1f}")

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"files": results, "forms": summary, "cli_seconds": cli}, f, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
