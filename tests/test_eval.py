"""The shared evaluation set (skipped when ../shared is absent)."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("default_kb", [False, True], ids=["eval-kb", "eval-kb+default-kb"])
def test_eval_scores(shared: Path, default_kb: bool) -> None:
    score = shared / "eval" / "score.py"
    if not score.is_file():
        pytest.skip("no score.py in ../shared/eval")
    # score.py needs a one-word command (it inserts options after argv[1])
    script = Path(sys.executable).with_name("factlint")
    factlint = str(script) if script.exists() else shutil.which("factlint")
    if factlint is None:
        pytest.skip("the factlint console script is not installed")
    cmd = [sys.executable, str(score), str(shared / "eval" / "dev"), "--factlint", factlint]
    if default_kb:
        cmd.append("--default-kb")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    m = re.search(r"errors=(\d+) precision=([\d.]+) recall=([\d.]+)", proc.stdout)
    assert m, proc.stdout + proc.stderr
    errors, precision, recall = int(m.group(1)), float(m.group(2)), float(m.group(3))
    assert errors == 0, proc.stdout
    assert precision >= 0.95, proc.stdout
    assert recall >= 0.90, proc.stdout
