#!/usr/bin/env python3
"""Instructions per lint pass, counted by Valgrind: a figure that does not move with the machine's load.

    python bench/instructions.py                                   # bench corpus, 100 articles after 100 warm-up ones
    python bench/instructions.py --python /path/to/venv/bin/python # another install, side by side
    python bench/instructions.py --stage markdown-it               # markdown-it-py alone on the same articles
    python bench/instructions.py --stage parse                     # factlint's read + parse_document only
    python bench/instructions.py --without verdicts                # ablation: Assessor.verdicts returns nothing
    python bench/instructions.py --kb bench/_work/scale/kb-100000 --corpus bench/_work/scale/corpus-100000-300

Wall and CPU times on a shared 2-core machine move by 10-30% from run to
run, more than the differences worth measuring. ``valgrind --tool=callgrind``
counts the instructions the process executes, the same from run to run
(``PYTHONHASHSEED=0``). A proxy, not a time: it ranks changes as CPU time
does but understates them somewhat (bench/README.md). It is about 50x slower, so
it measures a slice: the process warms up on ``--warm`` articles (imports, parser
construction, the KB entries the corpus touches, caches), then lints the
next ``--articles``; the figure is the difference between that run and one
that only warms up. Needs ``valgrind`` (Debian: ``apt-get install valgrind``).
Not run in CI.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Runs in the measured interpreter: warm up on articles [0, W), then run the stage on [W, W + N).
_CHILD = r"""
import os, sys
from pathlib import Path
kb, corpus, stage, without = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[6].split(",")
w, n = int(sys.argv[4]), int(sys.argv[5])
files = sorted(corpus.glob("*.md"))
warm, measured = files[:w], files[w:w + n]
if stage == "markdown-it":
    from markdown_it import MarkdownIt
    md = MarkdownIt("commonmark").enable("table")
    for f in warm + measured:
        md.parse(f.read_text(encoding="utf-8"))
    sys.exit()
import factlint.engine as engine
from factlint.document import read_path
from factlint.kb import load_kb
from factlint.rules import load_rules
index, rules = load_kb([kb], default=False), load_rules()
engine.Linter(index, rules, engine.Settings()).lint_paths([str(f) for f in warm])
if "verdicts" in without:
    engine.Assessor.verdicts = lambda self: []
if stage == "parse":
    for f in measured:
        read_path(f)
elif measured:
    engine.Linter(index, rules, engine.Settings()).lint_paths([str(f) for f in measured])
"""


def count(python: str, args: list[str], env: dict[str, str]) -> int:
    """Instructions of one run of the child under callgrind."""
    with tempfile.TemporaryDirectory() as d:
        out = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={d}/cg.out",
                              python, "-c", _CHILD, *args], capture_output=True, text=True, env=env, cwd=d)
    m = re.search(r"Collected : (\d+)", out.stderr)
    if out.returncode != 0 or m is None:
        sys.exit(f"instructions.py: the measured run failed:\n{out.stderr[-2000:]}")
    return int(m.group(1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--python", default=sys.executable, help="the interpreter (and so the factlint) to measure")
    ap.add_argument("--kb", type=Path, default=HERE / "_work" / "kb")
    ap.add_argument("--corpus", type=Path, default=HERE / "_work" / "corpus")
    ap.add_argument("--warm", type=int, default=100, help="articles linted first, not counted")
    ap.add_argument("--articles", type=int, default=100, help="articles counted")
    ap.add_argument("--stage", choices=("lint", "parse", "markdown-it"), default="lint")
    ap.add_argument("--without", default="", help="comma-separated ablations: verdicts")
    a = ap.parse_args(argv)
    a.kb, a.corpus = a.kb.resolve(), a.corpus.resolve()  # the measured runs start in a temporary directory
    if not (a.kb / "roles.yaml").exists() or not any(a.corpus.glob("*.md")):
        sys.exit(f"instructions.py: no KB at {a.kb} or no articles in {a.corpus}: run bench/run.py once to generate them")
    # (PYTHONPATH too: a snapshot of the source measured with another install's interpreter has its own cache)
    tag = hashlib.sha256(f"{a.python}{a.kb}{os.environ.get('PYTHONPATH', '')}".encode()).hexdigest()[:8]
    env = {**os.environ, "PYTHONHASHSEED": "0",
           "FACTLINT_CACHE_DIR": str(Path(tempfile.gettempdir()) / f"factlint-instructions-{tag}")}
    common = [str(a.kb), str(a.corpus), a.stage]
    subprocess.run([a.python, "-c", _CHILD, *common, "0", "0", a.without], check=True, env=env)  # the cache, once
    cache = Path(env["FACTLINT_CACHE_DIR"])
    for _ in range(600):  # a large KB's cache is written by a detached process: wait for it (at most a minute)
        if any(cache.glob("kb-*.pickle")):
            break
        time.sleep(0.1)
    base = count(a.python, [*common, str(a.warm), "0", a.without], env)
    full = count(a.python, [*common, str(a.warm), str(a.articles), a.without], env)
    print(f"{a.stage} of {a.articles} articles after {a.warm}: {(full - base) / 1e9:.4f} G instructions"
          f"{' (without ' + a.without + ')' if a.without else ''}  [{a.python}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
