"""Baselines: accept today's findings, report only new ones.

``--write-baseline FILE`` records, for each (path, rule code, marked text),
how many findings there are; ``--baseline FILE`` then drops that many of
each and reports the rest. Line numbers play no part, so editing elsewhere
in a draft does not bring old findings back, while a second slip identical
to a baselined one still shows. Paths are stored relative to the baseline
file's directory, so the same baseline works from any working directory.

The file is JSON::

    {"version": 1,
     "findings": [{"path": "drafts/korea.md", "code": "FL103", "text": "Joe Blinken", "count": 1}]}
"""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from factlint.errors import ConfigError, shown
from factlint.findings import Finding, Result
from factlint.fsio import MAX_DATA_BYTES, file_problem, read_bytes

VERSION = 1
MAX_COUNT = 10**9  # findings of one key in one draft: far more than a 10 MB draft can hold
Key = tuple[str, str, str]


def _rel(path: str, base: Path) -> str:
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(path).as_posix()


def key(finding: Finding, base: Path) -> Key:
    return (_rel(finding.path, base), finding.code, finding.text)


def count(findings: Iterable[Finding], base: Path) -> Counter[Key]:
    return Counter(key(f, base) for f in findings)


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    """Write the baseline file; returns how many findings it records."""
    counts = count(findings, path.parent)
    data = {
        "version": VERSION,
        "findings": [{"path": p, "code": c, "text": t, "count": n} for (p, c, t), n in sorted(counts.items())],
    }
    problem = file_problem(path, sys.maxsize, "baseline") if path.exists() else None
    if problem is not None:  # opening a FIFO to write would block
        raise ConfigError(f"cannot write baseline: {problem}", str(path))
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write baseline: {exc.strerror or exc}", str(path)) from None
    return sum(counts.values())


def load_baseline(path: Path) -> Counter[Key]:
    p = str(path)
    raw = read_bytes(path, MAX_DATA_BYTES, ConfigError, what="baseline")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"not a factlint baseline (invalid JSON: {exc})", p) from None
    except RecursionError:
        raise ConfigError("not a factlint baseline (invalid JSON: nested too deeply)", p) from None
    except ValueError:  # Python refuses to read a number of more than 4,300 digits
        raise ConfigError("not a factlint baseline (invalid JSON: a number with too many digits)", p) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(f"not a factlint baseline (expected {{\"version\": {VERSION}, \"findings\": [...]}})", p)
    counts: Counter[Key] = Counter()
    for i, item in enumerate(data["findings"]):
        ok = (isinstance(item, dict) and set(item) == {"path", "code", "text", "count"}
              and all(isinstance(item[k], str) for k in ("path", "code", "text"))
              and isinstance(item["count"], int) and not isinstance(item["count"], bool) and 0 < item["count"] <= MAX_COUNT)
        if not ok:
            raise ConfigError(f"bad baseline entry #{i + 1}: {shown(item)} (needs path, code, text and a count from 1 to {MAX_COUNT:,})", p)
        counts[(item["path"], item["code"], item["text"])] += item["count"]
    return counts


def new_findings(result: Result, baseline: Counter[Key], base: Path) -> Result:
    """The result without the findings the baseline accounts for.

    Of several findings with one key, the first ones in the file are taken
    as the baselined ones and the later ones are reported.
    """
    left = Counter(baseline)
    kept = []
    for f in sorted(result.findings, key=lambda f: (f.path, f.line, f.column, f.code)):
        k = key(f, base)
        if left[k] > 0:
            left[k] -= 1
        else:
            kept.append(f)
    order = {id(f): i for i, f in enumerate(result.findings)}
    kept.sort(key=lambda f: order[id(f)])
    return Result(kept, list(result.errors), result.files)
