#!/usr/bin/env python3
"""factlint check --jobs: wall time of one process against a pool.

    python bench/jobs.py                          # 2,000 articles, --jobs 1 vs 2, 5 pairs
    python bench/jobs.py --repeats 7 --jobs 1 2 4 --json bench/results-jobs.json
    python bench/jobs.py --articles 100 --repeats 1     # smoke test

The generated KB and a corpus of ``--articles`` generated articles (gen_kb.py,
gen_corpus.py, seeded) go into ``--workdir``. Each measurement is the whole
command, ``factlint check <corpus> --no-default-kb --kb <kb> --format json
--jobs N``, as a subprocess with a warm KB cache (one untimed run first
writes it). The job counts alternate within each repetition (1, 2, 1, 2, …)
so that both see the same machine; the figures are medians, and each run's
JSON output must be identical to the first run's, byte for byte, and its
exit code the same.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench_run  # noqa: E402  (prepare, factlint_cmd, machine)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def one(cmd: list[str], env: dict[str, str]) -> dict:
    cpu, load = children_cpu(), os.getloadavg()[0]
    t = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - t
    if p.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {p.returncode}: {p.stderr.decode()[-2000:]}")
    return {"wall_s": wall, "cpu_s": children_cpu() - cpu, "load_before": load, "exit_code": p.returncode,
            "sha256": hashlib.sha256(p.stdout).hexdigest(), "stderr": p.stderr.decode()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workdir", type=Path, default=HERE / "_work" / "jobs")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--repeats", type=int, default=5, help="timed runs of each job count")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    args = ap.parse_args(argv)

    kbdir, corpus, info = bench_run.prepare(args.workdir, False, args.seed, args.articles)
    env = dict(os.environ, FACTLINT_CACHE_DIR=str(args.workdir / "cache"), NO_COLOR="1")
    env.pop("FACTLINT_NO_CACHE", None)
    env.pop("CI", None)
    base = bench_run.factlint_cmd() + ["check", str(corpus), "--no-default-kb", "--kb", str(kbdir), "--format", "json"]
    first = one(base + ["--jobs", "1"], env)  # warm: writes the KB cache, fills the page cache
    runs: dict[int, list[dict]] = {j: [] for j in args.jobs}
    for r in range(args.repeats):
        for j in args.jobs:
            res = one(base + ["--jobs", str(j)], env)
            if (res["sha256"], res["exit_code"], res["stderr"]) != (first["sha256"], first["exit_code"], first["stderr"]):
                raise SystemExit(f"--jobs {j} gave a different output or exit code than --jobs 1")
            runs[j].append(res)
            print(f"round {r + 1}: --jobs {j}: {res['wall_s']:.2f} s wall, {res['cpu_s']:.2f} s CPU, "
                  f"load {res['load_before']:.1f}", file=sys.stderr)

    summary = {}
    for j, rs in runs.items():
        walls = [x["wall_s"] for x in rs]
        summary[j] = {"median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
                      "cpu_median_s": statistics.median(x["cpu_s"] for x in rs)}
    ref = summary[args.jobs[0]]["median_s"]
    print(f"\n{args.articles} articles, {args.repeats} runs each, median wall time (machine: "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end)\n")
    print("| --jobs | median | min | max | CPU (median) | vs --jobs %d |" % args.jobs[0])
    print("|---:|---:|---:|---:|---:|---:|")
    for j, s in summary.items():
        print(f"| {j} | {s['median_s']:.2f} s | {s['min_s']:.2f} s | {s['max_s']:.2f} s | "
              f"{s['cpu_median_s']:.2f} s | {s['median_s'] / ref:.2f}× |")
    pairs = [b["wall_s"] / a["wall_s"] for a, b in zip(runs[args.jobs[0]], runs[args.jobs[-1]])]
    print(f"\nper-round ratio --jobs {args.jobs[-1]} / --jobs {args.jobs[0]}: "
          + ", ".join(f"{p:.2f}" for p in pairs) + f" (median {statistics.median(pairs):.2f})")
    if args.json:
        args.json.write_text(json.dumps({"machine": bench_run.machine(), "articles": args.articles, "info": info,
                                         "exit_code": first["exit_code"], "summary": summary,
                                         "runs": {j: [{k: v for k, v in x.items() if k != "stderr"} for x in rs]
                                                  for j, rs in runs.items()},
                                         "pair_ratios": pairs}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
