#!/usr/bin/env python3
"""KB load and lint throughput at 10,000 and 100,000 people (issue 10, part 6).

    python bench/kbload.py                          # generate (once) into bench/_work/scale and measure
    python bench/kbload.py --rounds 5 --json bench/results-kbload.json
    python bench/kbload.py --python /path/to/other/venv/bin/python   # measure another install side by side

For each KB size (``--sizes``, people; twice as many tenures, as gen_kb.py
makes them) it measures, every figure in a fresh interpreter so that nothing
is shared between measurements:

- **first load**: ``load_kb([kb], default=False)`` into an empty
  ``FACTLINT_CACHE_DIR`` (parse the YAML, validate, compile the index, write
  the cache), wall and CPU time, and the process's peak resident memory
  (``resource.getrusage(...).ru_maxrss``); then how long after the call
  began the cache file is there (a large KB's is written by a detached
  process, whose CPU time and memory these figures do not include), and the
  load average before each round;
- **cached load**: the same call with the cache warm, in a fresh process
  (factlint already imported: imports are start-up, see run.py (d)), wall and
  CPU time and peak memory; also the whole process, start to exit;
- **lint throughput**: ``Linter.lint_paths`` over a corpus generated from
  that KB by gen_corpus.py (``--articles`` articles, the same seed), with the
  KB loaded from the cache: milliseconds per article, and the ratio of each
  size's time to the smallest size's.

Each figure is the median of ``--rounds`` runs (the first load: of
``--first-rounds``). The machine is shared; medians of several rounds are
the figures to compare, and CPU time moves less than wall time when other
work competes for the cores.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_corpus  # noqa: E402
import gen_kb  # noqa: E402

# Runs in the measured interpreter; prints one JSON line.
_LOAD = """
import glob, json, os, resource, sys, time
t0 = time.perf_counter()
from factlint.kb import load_kb
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
c = cpu(); t = time.perf_counter()
index = load_kb([sys.argv[1]], default=False)
wall = time.perf_counter() - t; c = cpu() - c
out = {"wall_s": wall, "cpu_s": c, "start_s": t - t0,
       "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
# The cache file may be written by a detached process (factlint.kb.writer):
# wait for it (bounded), so that the cached rounds find it, and say when it came.
pattern = os.path.join(os.environ["FACTLINT_CACHE_DIR"], "kb-*.pickle")
while not glob.glob(pattern) and time.perf_counter() - t < 600:
    time.sleep(0.01)
out["cache_there_s"] = time.perf_counter() - t
if sys.argv[2] == "count":  # reads every office: not in the cached runs, whose whole process is timed
    kb = index.kb
    out.update(people=len(kb.people), tenures=sum(len(o.holders) for o in kb.offices.values()))
print(json.dumps(out))
"""

_LINT = """
import gc, json, resource, sys, time
from factlint.engine import Linter, Settings
from factlint.kb import load_kb
from factlint.rules import load_rules
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
index = load_kb([sys.argv[1]], default=False)
rules = load_rules()
corpus = sys.argv[2]
result = Linter(index, rules, Settings()).lint_paths([corpus])  # warm-up
walls, cpus = [], []
for _ in range(int(sys.argv[3])):
    gc.collect()
    c = cpu(); t = time.perf_counter()
    Linter(index, rules, Settings()).lint_paths([corpus])
    walls.append(time.perf_counter() - t); cpus.append(cpu() - c)
print(json.dumps({"walls_s": walls, "cpus_s": cpus, "files": result.files, "findings": len(result.findings),
                  "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def run_py(python: str, code: str, args: list[str], cache: Path) -> dict:
    env = dict(os.environ, FACTLINT_CACHE_DIR=str(cache))
    # Run outside any source tree, so that the interpreter's own factlint is measured.
    p = subprocess.run([python, "-c", code, *args], env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())
    if p.returncode != 0:
        raise SystemExit(f"measurement failed ({python}): {p.stderr.strip()[-2000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def prepare(work: Path, people: int, articles: int, seed: int) -> tuple[Path, Path]:
    kbdir, corpus = work / f"kb-{people}", work / f"corpus-{people}-{articles}"
    if not (kbdir / "roles.yaml").exists():
        print(f"generating a KB of {people:,} people into {kbdir}", file=sys.stderr)
        gen_kb.generate(kbdir, seed=seed, people=people, tenures=2 * people)
    if len(list(corpus.glob("*.md"))) != articles:
        print(f"generating {articles} articles into {corpus}", file=sys.stderr)
        gen_corpus.generate(kbdir, corpus, articles=articles, seed=seed)
    return kbdir, corpus


def measure(python: str, kbdir: Path, corpus: Path, first_rounds: int, rounds: int, lint_rounds: int) -> dict:
    first: list[dict] = []
    cached: list[dict] = []
    whole: list[float] = []
    with tempfile.TemporaryDirectory(prefix="factlint-kbload-") as d:
        for r in range(first_rounds):
            cache = Path(d) / f"c{r}"
            load = os.getloadavg()[0]
            first.append(run_py(python, _LOAD, [str(kbdir), "count"], cache) | {"loadavg_before": load})
        cache = Path(d) / "c0"
        cache_bytes = sum(f.stat().st_size for f in cache.rglob("*") if f.is_file())
        for _ in range(rounds):
            t = time.perf_counter()
            cached.append(run_py(python, _LOAD, [str(kbdir), "time"], cache))
            whole.append(time.perf_counter() - t)
        lint = run_py(python, _LINT, [str(kbdir), str(corpus), str(lint_rounds)], cache)
    files = lint["files"]
    return {
        "people": first[0]["people"], "tenures": first[0]["tenures"], "cache_bytes": cache_bytes,
        "first_wall_s": med([x["wall_s"] for x in first]), "first_cpu_s": med([x["cpu_s"] for x in first]),
        "first_maxrss_mib": med([x["maxrss_mib"] for x in first]),
        "first_all_wall_s": [x["wall_s"] for x in first],
        "first_cache_there_s": med([x["cache_there_s"] for x in first]),
        "first_all_cache_there_s": [x["cache_there_s"] for x in first],
        "first_loadavg_before": [x["loadavg_before"] for x in first],
        "cached_wall_s": med([x["wall_s"] for x in cached]), "cached_cpu_s": med([x["cpu_s"] for x in cached]),
        "cached_maxrss_mib": med([x["maxrss_mib"] for x in cached]),
        "cached_all_wall_s": [x["wall_s"] for x in cached], "cached_process_s": med(whole),
        "lint_files": files, "lint_findings": lint["findings"], "lint_maxrss_mib": lint["maxrss_mib"],
        "lint_ms_per_article": 1000 * med(lint["walls_s"]) / files,
        "lint_cpu_ms_per_article": 1000 * med(lint["cpus_s"]) / files,
        "lint_all_wall_s": lint["walls_s"],
    }


def fmt(x: float) -> str:
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def report(results: dict[int, dict]) -> str:
    sizes = sorted(results)
    base = results[sizes[0]]
    rows = [
        ("people / tenures", lambda r: f"{r['people']:,} / {r['tenures']:,}"),
        ("first load, wall (median)", lambda r: fmt(r["first_wall_s"])),
        ("first load, CPU", lambda r: fmt(r["first_cpu_s"])),
        ("first load, cache file there after (wall)", lambda r: fmt(r["first_cache_there_s"])),
        ("first load, peak memory", lambda r: f"{r['first_maxrss_mib']:.0f} MiB"),
        ("cache on disk", lambda r: f"{r['cache_bytes'] / 2**20:.1f} MiB"),
        ("cached load, fresh process, wall (median)", lambda r: fmt(r["cached_wall_s"])),
        ("cached load, CPU", lambda r: fmt(r["cached_cpu_s"])),
        ("cached load, peak memory", lambda r: f"{r['cached_maxrss_mib']:.0f} MiB"),
        ("whole process (start, import, cached load, exit)", lambda r: fmt(r["cached_process_s"])),
        ("lint, ms per article, wall (median)", lambda r: f"{r['lint_ms_per_article']:.2f}"),
        ("lint, ms per article, CPU", lambda r: f"{r['lint_cpu_ms_per_article']:.2f}"),
        ("lint time / smallest KB's (CPU)", lambda r: f"{r['lint_cpu_ms_per_article'] / base['lint_cpu_ms_per_article']:.2f}×"),
        ("findings", lambda r: f"{r['lint_findings']:,}"),
    ]
    out = ["| measure | " + " | ".join(f"{s:,} people" for s in sizes) + " |",
           "|---|" + "---:|" * len(sizes)]
    for label, get in rows:
        out.append(f"| {label} | " + " | ".join(get(results[s]) for s in sizes) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workdir", type=Path, default=HERE / "_work" / "scale")
    ap.add_argument("--sizes", default="10000,100000", help="KB sizes in people, comma-separated")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--first-rounds", type=int, default=3, help="first loads, each into an empty cache")
    ap.add_argument("--rounds", type=int, default=5, help="cached loads, each in a fresh process")
    ap.add_argument("--lint-rounds", type=int, default=3, help="timed lint passes after one warm-up")
    ap.add_argument("--python", default=sys.executable, help="the interpreter (and so the factlint) to measure")
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = ap.parse_args(argv)
    results: dict[int, dict] = {}
    for people in (int(s) for s in args.sizes.split(",")):
        kbdir, corpus = prepare(args.workdir, people, args.articles, args.seed)
        print(f"measuring {people:,} people with {args.python}", file=sys.stderr)
        results[people] = measure(args.python, kbdir, corpus, args.first_rounds, args.rounds, args.lint_rounds)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps({"python": args.python, "articles": args.articles,
                                         "results": {str(k): v for k, v in results.items()}}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
