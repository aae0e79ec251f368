"""factlint: catch factual slips about officials in news drafts.

The Python API is what the command line itself uses::

    from factlint import load_kb, lint_text, lint_paths
    kb = load_kb(["newsroom-kb/"])            # default KB + yours, cached
    findings = lint_text(text, kb=kb, date="2024-06-21")
    result = lint_paths(["drafts/"], kb=kb)    # findings, per-file errors, counts
"""
from __future__ import annotations

__version__ = "0.1.0"

from factlint.engine import lint_paths, lint_text  # noqa: E402
from factlint.findings import Finding, Result  # noqa: E402
from factlint.kb import load_kb  # noqa: E402

__all__ = ["Finding", "Result", "__version__", "lint_paths", "lint_text", "load_kb"]
