"""Rule self-tests: every rule carries examples that must behave as stated.

A rule file's ``examples: {fail: [...], pass: [...]}`` are drafts of one or
more sentences (with an optional ``date``). Each ``fail`` example must be
reported by the rule (with the ``situation``, ``line`` and ``column`` it
pins, if any: as yamllint's and textlint's rule tests do) and each ``pass``
example must not; when the rule's
findings carry safe fixes, applying them must settle (a second round changes
nothing, so that a swap map cannot chase its own tail). The test suite runs this for the
built-in rules; ``factlint rules --test`` runs it for a newsroom's own.
"""
from __future__ import annotations

from factlint.checks import CHECKS
from factlint.dates import parse_day
from factlint.document import parse_document
from factlint.engine import Linter, Settings
from factlint.errors import shown
from factlint.findings import Finding
from factlint.fix import UNSETTLED, fix_source, split_source
from factlint.kb.index import KBIndex
from factlint.rules import Example, Rule

EXAMPLE_PATH = "<example>"


def _lint(linter: Linter, ex: Example) -> list[Finding]:
    linter.settings.date = parse_day(ex.date) if ex.date else None
    doc = parse_document(ex.text, EXAMPLE_PATH)
    findings, _ = linter.lint_document(doc)
    return findings


def run_examples(rule: Rule, kb: KBIndex | None) -> list[str]:
    """Problems with *rule*'s examples, as messages; empty when all is well."""
    where = f"{rule.code} ({rule.path})" if rule.path else rule.code
    problems = []
    if not rule.fail:
        problems.append(f"{where}: no 'fail' examples")
    if not rule.passing:
        problems.append(f"{where}: no 'pass' examples")
    if kb is None and CHECKS[rule.extends].needs_kb:
        return problems + [f"{where}: check kind {shown(rule.extends)} needs a knowledge base to run the examples"]
    linter = Linter(kb, {rule.code: rule}, Settings(select={rule.code}, enable={rule.code}))
    def reported(ex: Example) -> list | None:
        try:
            return [f for f in _lint(linter, ex) if f.code == rule.code]
        except ValueError as exc:
            problems.append(f"{where}: bad example date {shown(ex.date)}: {exc}")
            return None

    for ex in rule.fail:
        found = reported(ex)
        if found is None:
            continue
        if not found:
            problems.append(f"{where}: 'fail' example not reported: {shown(ex.text)}")
            continue
        pinned = _pinned(ex, found)
        if pinned:
            problems.append(f"{where}: 'fail' example {shown(ex.text)} {pinned}")
            continue
        fixed = _after_fixes(linter, ex)
        if fixed is not None:
            problems.append(f"{where}: its fixes do not settle: {fixed} would be changed again")
    for ex in rule.passing:
        found = reported(ex)
        if found:
            problems.append(f"{where}: 'pass' example reported: {shown(ex.text)}: {found[0].message}")
    return problems


def _pinned(ex: Example, found: list[Finding]) -> str | None:
    """What differs from the situation, line and column the example pins, if anything."""
    want = {"situation": ex.situation, "line": ex.line, "column": ex.column}
    want = {k: v for k, v in want.items() if v is not None}
    if not want or any(all(getattr(f, k) == v for k, v in want.items()) for f in found):
        return None
    got = ", ".join(f"{f.situation or '-'} at {f.line}:{f.column}" for f in found)
    pins = ", ".join(f"{k} {v}" for k, v in want.items())
    return f"is reported as {got}, not with {pins}"


def _after_fixes(linter: Linter, ex: Example) -> str | None:
    """The text the rule's safe fixes would leave, if they do not settle (a
    fix whose text would be changed again: ``--fix`` refuses it), else None."""
    source = split_source(ex.text.encode("utf-8"), EXAMPLE_PATH)
    lines, applied, skipped = fix_source(linter, source, EXAMPLE_PATH)
    unsettled = [s for s in skipped if s.reason == UNSETTLED]
    if not unsettled:
        return None
    f = unsettled[0].finding
    return f"{f.text!r} -> {f.fix!r}"
