"""The engine: read drafts, run the checks, apply policy, return findings.

Checks never print and reporters never check. Everything a user controls —
select/ignore, severities, per-file ignores, inline suppressions, the date —
is applied here, in one place.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factlint.assess import Assessor
from factlint.assess.family import family_slips as _family_slips  # under this name bench/run.py's profile times it
from factlint.checks import CHECKS, Context
from factlint.dates import check_day
from factlint.document import (
    MARKDOWN_SUFFIXES,
    TEXT_SUFFIXES,
    Document,
    draft_problem,
    parse_document,
    read_path,
    read_stdin,
)
from factlint.errors import ConfigError, DraftError, RuleError
from factlint.fsio import walk
from factlint.findings import FileError, Finding, Hit, Result, severity_rank
from factlint.kb.index import KBIndex
from factlint.mentions import scan_document
from factlint.rules import Rule, load_rules, render, resolve_codes

DRAFT_SUFFIXES = MARKDOWN_SUFFIXES + TEXT_SUFFIXES


@dataclass
class Settings:
    select: set[str] | None = None          # None: every enabled rule
    ignore: set[str] = field(default_factory=set)
    enable: set[str] = field(default_factory=set)  # opt-in rules switched on
    severities: dict[str, str] = field(default_factory=dict)
    per_file_ignores: list[tuple[str, set[str]]] = field(default_factory=list)
    date: dt.date | None = None             # --date: wins over everything
    config_date: dt.date | None = None      # config `date`: after front matter
    base: Path | None = None                # where per-file-ignore globs are relative to


class Linter:
    def __init__(self, kb: KBIndex | None, rules: dict[str, Rule], settings: Settings | None = None) -> None:
        self.kb = kb
        self.rules = rules
        self.settings = settings or Settings()
        for what, day in (("date", self.settings.date), ("config date", self.settings.config_date)):
            try:
                check_day(day) if day is not None else None
            except ValueError as exc:
                raise ConfigError(f"{what}: {exc}") from None

    # -- policy ------------------------------------------------------------------
    def active(self, path: str) -> list[Rule]:
        s = self.settings
        if s.select is not None:  # selecting an opt-in rule by name switches it on
            chosen = [r for r in self.rules.values() if r.code in s.select]
        else:
            chosen = [r for r in self.rules.values() if r.enabled or r.code in s.enable]
        ignored = set(s.ignore)
        for pattern, codes in s.per_file_ignores:
            if _glob_match(path, pattern, s.base):
                ignored |= codes
        return [r for r in chosen if r.code not in ignored and (self.kb is not None or not CHECKS[r.extends].needs_kb)]

    def severity(self, rule: Rule, probable: bool) -> str:
        sev = self.settings.severities.get(rule.code, rule.severity)
        if probable and sev == "error":
            return "warning"
        return sev

    def date_for(self, doc: Document) -> dt.date:
        s = self.settings
        return s.date or doc.date or s.config_date or dt.date.today()

    # -- one document ------------------------------------------------------------------
    def lint_document(self, doc: Document) -> tuple[list[Finding], list[FileError]]:
        rules = self.active(doc.path)
        date = self.date_for(doc)
        ctx = Context(doc, self.kb, date)
        suppress, errors, silenced = _suppressions(doc, self.rules)
        if self.kb is not None and any(CHECKS[r.extends].needs_kb for r in rules):
            # A line the editor silenced for every rule does not count at all,
            # not even as the first mention that later ones must match.
            mentions, loose = scan_document(doc, self.kb, date)
            if silenced:
                mentions = [m for m in mentions if doc.segments[m.segment].position(m.start)[0] not in silenced]
            ctx.mentions = mentions
            assessor = Assessor(self.kb, ctx.mentions, loose)
            ctx.verdicts = assessor.verdicts() + _family_slips(doc, ctx.mentions, loose)
        findings: list[Finding] = []
        for rule in rules:
            for hit in CHECKS[rule.extends].check(ctx, rule.options):
                findings.append(self.finding(doc, rule, hit))
        findings = [f for f in findings if not suppress(f)]
        findings.sort(key=lambda f: (f.line, f.column, f.code))
        return findings, errors

    def finding(self, doc: Document, rule: Rule, hit: Hit) -> Finding:
        seg = doc.segments[hit.segment]
        line, col = seg.position(hit.start)
        end_line, end_col = seg.position(max(hit.end - 1, hit.start))
        message = render(rule.template(hit.situation), hit.fields)
        if hit.probable and "as_of" in hit.fields:
            message += f" (probably: the KB is only known to be current to {hit.fields['as_of']})"
        text = " ".join(seg.text[hit.start : hit.end].split())
        return Finding(doc.path, line, col, end_line, end_col + 1, rule.code, rule.name,
                       self.severity(rule, hit.probable), message, hit.suggestions, text, hit.fix, hit.situation)

    # -- many files ----------------------------------------------------------------------
    def lint_paths(self, paths: Sequence[str]) -> Result:
        result = Result()
        for shown, path in expand_paths(paths, result):
            checked, findings, errors = self.lint_file(shown, path)
            result.files += checked
            result.findings.extend(findings)
            result.errors.extend(errors)
        return result

    def lint_file(self, shown: str, path: Path | None) -> tuple[int, list[Finding], list[FileError]]:
        """One draft (*path* None: stdin) -> (1 if it was read else 0, findings, errors).

        The one step that ``lint_paths`` and the ``--jobs`` workers share, so
        that a pool gives exactly what one process gives."""
        try:
            if path is None:
                doc = read_stdin(getattr(sys.stdin, "buffer", None), shown)
            else:
                doc = read_path(path, shown)
        except DraftError as exc:
            return 0, [], [FileError(exc.path or shown, exc.message, exc.line)]
        findings, errors = self.lint_document(doc)
        return 1, findings, errors


def _glob_match(path: str, pattern: str, base: Path | None) -> bool:
    candidates = [path, Path(path).name]
    if base is not None:
        try:
            candidates.append(str(Path(path).resolve().relative_to(base.resolve())))
        except ValueError:
            pass
    return any(fnmatch.fnmatch(c, pattern) for c in candidates)


def expand_paths(paths: Sequence[str], result: Result) -> Iterable[tuple[str, Path | None]]:
    """Files to check, as (shown path, Path or None for stdin).

    A directory is walked for drafts (hidden entries skipped, symbolically
    linked directories followed once each). A subdirectory that cannot be
    read, a path that does not exist, and a file that cannot be a draft (a
    FIFO, a device, a link loop, one over the size limit: found with
    ``os.stat``, never opened) become errors in *result*.
    """
    seen: set[str] = set()

    def unreadable(d: Path | str, message: str) -> None:
        result.errors.append(FileError(str(d), message))

    def candidates() -> Iterable[tuple[str, Path | None]]:
        for raw in paths:
            if raw == "-":
                yield "-", None
            elif Path(raw).is_dir():
                for f in walk(Path(raw), lambda name: Path(name).suffix.lower() in DRAFT_SUFFIXES, unreadable, skip_hidden=True):
                    yield str(f), f
            elif Path(raw).exists() or Path(raw).is_symlink():
                yield raw, Path(raw)
            else:
                unreadable(raw, "no such file or directory")

    for shown, path in candidates():
        if path is None:
            yield shown, None
            continue
        if shown in seen:
            continue
        seen.add(shown)
        # a FIFO, a device, a loop or a huge file is reported here, before
        # anyone opens it (a FIFO would block the open, a device never end)
        problem = draft_problem(path)
        if problem is not None:
            unreadable(shown, problem)
            continue
        yield shown, path


def _suppressions(doc: Document, rules: dict[str, Rule]):  # type: ignore[no-untyped-def]
    """Inline ``<!-- factlint-disable ... -->`` comments -> a predicate on findings."""
    errors: list[FileError] = []
    ranges: list[tuple[int, int, set[str] | None]] = []
    if not doc.directives:  # the common case: nothing to read
        return (lambda f: False), errors, set()
    lines = doc.text.split("\n")

    def codes_of(d_codes: tuple[str, ...], line: int) -> set[str] | None:
        if not d_codes:
            return None
        try:
            return resolve_codes(list(d_codes), rules, f"{doc.path}:{line}")
        except RuleError as exc:
            errors.append(FileError(doc.path, f"{exc.message} in a factlint comment", line))
            return set()

    for d in sorted(doc.directives, key=lambda d: d.line):
        if d.action == "disable-next-line":
            target = d.line + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            ranges.append((target, target, codes_of(d.codes, d.line)))
        elif d.action == "disable":
            ranges.append((d.line, 10**9, codes_of(d.codes, d.line)))
        elif d.action == "enable":
            # close every open range (or the ones naming these codes)
            closing = codes_of(d.codes, d.line)
            new = []
            for a, b, codes in ranges:
                if b == 10**9 and a <= d.line and (closing is None or codes is None or codes <= closing):
                    new.append((a, d.line, codes))
                else:
                    new.append((a, b, codes))
            ranges = new

    def suppressed(f: Finding) -> bool:
        return any(a <= f.line <= b and (codes is None or f.code in codes) for a, b, codes in ranges)

    silenced = {line for a, b, codes in ranges if codes is None for line in range(a, min(b, len(lines)) + 1)}
    return suppressed, errors, silenced


def lint_text(text: str, kb: KBIndex | None = None, date: str | dt.date | None = None, *,
              path: str = "<text>", markdown: bool = True, select: Iterable[str] | None = None,
              ignore: Iterable[str] = (), rules: dict[str, Rule] | None = None) -> list[Finding]:
    """Check one draft given as a string; raises FactlintError for bad input."""
    from factlint.dates import parse_day
    from factlint.kb import load_kb

    rules = rules if rules is not None else load_rules()
    try:
        day = parse_day(date) if date is not None else None
    except ValueError as exc:
        raise ConfigError(f"date: {exc}") from None
    settings = Settings(
        select=resolve_codes(list(select), rules, "select") if select is not None else None,
        ignore=resolve_codes(list(ignore), rules, "ignore"),
        date=day,
    )
    index = kb if kb is not None else load_kb()
    doc = parse_document(text.replace("\r\n", "\n").replace("\r", "\n"), path, markdown=markdown)
    findings, _ = Linter(index, rules, settings).lint_document(doc)
    return findings


def lint_paths(paths: Sequence[str], kb: KBIndex | None = None, settings: Settings | None = None,
               rules: dict[str, Rule] | None = None) -> Result:
    """Check files and directories; unreadable drafts become ``Result.errors``."""
    from factlint.kb import load_kb

    return Linter(kb if kb is not None else load_kb(), rules if rules is not None else load_rules(), settings).lint_paths(paths)


def fails(result: Result, fail_on: str) -> bool:
    return any(severity_rank(f.severity) >= severity_rank(fail_on) for f in result.findings)
