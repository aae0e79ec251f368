"""Safe fixes: ``factlint check --fix`` and ``--diff``.

Only unambiguous replacements are applied: a misspelling with exactly one
candidate (FL201), an accepted alias to the canonical spelling (FL202) and
house-style substitutions (rules of the ``substitution`` kind). Whether a
title fits a person (FL101, FL102, FL103) needs an editor's judgement and is
never changed, nor is anything the reader does not check (code, front
matter, link targets) or text inside quotation marks (see
:class:`factlint.spans.Quotations`): a quotation is what someone said or wrote, and an
editor must decide how to render it.

The property every fix keeps, and the tests check: a fix replaces exactly
the marked span with the suggestion, only where the span is plain written
text (no Markdown markup, such as ``_`` or ``**``, inside it), and the fixed
text, checked again, has no fixable finding where the fix was made. A fix
that fails the re-check (a suggestion that reads again as the same problem,
or grows the text on every run) is taken back and the finding left for an
editor. Fixes are applied in one pass over the lines (linear in the number
of fixes), repeated until nothing is left to fix, so a second run changes
nothing.

A file is written back byte for byte except for the fixed spans: the BOM,
every line's own ending (CRLF stays CRLF, even in a file that mixes them),
the file mode and owner are kept. Writing is atomic (a temporary file in the
same directory, then :func:`os.replace`); a file with other hard links is
written in place through the same inode once the temporary file is
complete, so every link sees the fix. Read-only files are not written, and
nothing is written when the file changed on disk since it was read.
"""
from __future__ import annotations

import codecs
import dataclasses
import difflib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factlint.atomic import write_atomic
from factlint.document import TEXT_SUFFIXES, Document, decode, parse_document
from factlint.engine import Linter, expand_paths
from factlint.errors import ConfigError, DraftError
from factlint.findings import FileError, Finding, Result
from factlint.fsio import MAX_DRAFT_BYTES, read_bytes
from factlint.rules import Rule
from factlint.spans import Quotations, plain, trimmed, whole

FIXABLE_CODES = frozenset({"FL201", "FL202"})
FIXABLE_KINDS = frozenset({"substitution"})
MAX_PASSES = 10  # a fix may reveal another (a misspelt name, then its variant)
UNSETTLED = "the fixed text would be changed again"

_EOL_RE = re.compile(r"(\r\n|\r|\n)")


def is_fixable(finding: Finding, rules: dict[str, Rule]) -> bool:
    """Whether the finding carries a replacement that ``--fix`` may apply."""
    if finding.fix is None:
        return False
    rule = rules.get(finding.code)
    return finding.code in FIXABLE_CODES or (rule is not None and rule.extends in FIXABLE_KINDS)


# -- the file as read ----------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """A draft as read: its bytes, and its lines split from their endings."""

    raw: bytes
    bom: bool
    lines: tuple[str, ...]      # without line endings
    endings: tuple[str, ...]    # each line's own ending; "" after the last line

    @property
    def text(self) -> str:
        """The text as the engine sees it (endings normalised to "\\n")."""
        return "\n".join(self.lines)

    def with_lines(self, lines: Sequence[str]) -> bytes:
        body = "".join(line + end for line, end in zip(lines, self.endings))
        return (codecs.BOM_UTF8 if self.bom else b"") + body.encode("utf-8")


def split_source(raw: bytes, shown: str) -> Source:
    """Split a draft's bytes; raises :class:`DraftError` for what the reader refuses."""
    decode(raw, shown)  # the same checks (empty, binary, not UTF-8) as for linting
    bom = raw.startswith(codecs.BOM_UTF8)
    parts = _EOL_RE.split(raw.decode("utf-8-sig"))
    return Source(raw, bom, tuple(parts[0::2]), tuple(parts[1::2]) + ("",))


# -- applying fixes to lines ------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Skipped:
    finding: Finding
    reason: str


def _words(text: str) -> list[str]:
    return text.split()


def _edit(lines: list[str], f: Finding) -> str | None:
    """Apply one fix in place; return why it was skipped, or None."""
    assert f.fix is not None
    first = lines[f.line - 1]
    if f.end_line == f.line:
        old = first[f.column - 1 : f.end_column - 1]
        if " ".join(old.split()) != f.text:
            return "the text at the position is not what was checked"
        lines[f.line - 1] = first[: f.column - 1] + trimmed(f.fix, first[f.end_column - 1 :]) + first[f.end_column - 1 :]
        return None
    if f.end_line != f.line + 1:
        return "spans more than two lines"
    # A name wrapped onto the next line: keep the line break (and whatever
    # prefix the next line has, such as "> " in a block quote) where it is.
    head = first[f.column - 1 :]
    last = lines[f.end_line - 1]
    tail_src = last[: f.end_column - 1]
    old_words, head_words, new_words = _words(f.text), _words(head), _words(f.fix)
    if not head_words or old_words[: len(head_words)] != head_words or len(old_words) == len(head_words):
        return "the text at the position is not what was checked"
    tail = " ".join(old_words[len(head_words) :])
    cut = len(tail_src) - len(tail)
    if not tail_src.endswith(tail) or (cut > 0 and tail_src[cut - 1].isalnum()):
        return "the text at the position is not what was checked"
    if len(new_words) != len(old_words):
        return "the name is wrapped over two lines and the fix has a different number of words"
    k = len(head_words)
    trailing = head[len(head.rstrip()) :]
    lines[f.line - 1] = first[: f.column - 1] + " ".join(new_words[:k]) + trailing
    lines[f.end_line - 1] = last[:cut] + " ".join(new_words[k:]) + last[f.end_column - 1 :]
    return None


def _choose(doc: Document, lines: Sequence[str], findings: Iterable[Finding],
            rules: dict[str, Rule]) -> tuple[list[Finding], list[Skipped]]:
    """The fixable findings that may be applied together, in document order."""
    quoted = Quotations(doc)
    skipped: list[Skipped] = []
    candidates = sorted((f for f in findings if is_fixable(f, rules) and f.fix != f.text),
                        key=lambda f: (f.line, f.column, f.end_line, f.end_column))
    chosen: list[Finding] = []
    for f in candidates:
        if chosen and (f.line, f.column) < (chosen[-1].end_line, chosen[-1].end_column):
            skipped.append(Skipped(f, "overlaps another fix"))
        elif quoted(f.line, f.column):
            skipped.append(Skipped(f, "inside quotation marks"))
        elif not plain(lines, f):
            skipped.append(Skipped(f, "markup inside the name"))
        elif not whole(lines, f):
            skipped.append(Skipped(f, "not the whole name as written"))
        else:
            chosen.append(f)
    return chosen, skipped


Region = list[tuple[int, int, int]]  # (line, first column, end column), 1-based, end exclusive


def _apply(lines: Sequence[str], chosen: Sequence[Finding]) -> tuple[list[str], list[Finding], list[Skipped], list[Region]]:
    """Apply *chosen* (in document order, not overlapping) in one pass.

    Returns the new lines, the fixes applied, the ones skipped, and for each
    applied fix where its replacement now stands.
    """
    out = list(lines)
    applied: list[Finding] = []
    skipped: list[Skipped] = []
    regions: list[Region] = []
    shift: dict[int, int] = {}  # line -> characters that fixes so far added to it
    for f in chosen:
        # Fixes on one line are applied left to right, so a later column
        # moves by what earlier fixes added; a fix spanning two lines is the
        # last on its first line and the first on its second.
        first = shift.get(f.line, 0)
        moved = dataclasses.replace(f, column=f.column + first,
                                    end_column=f.end_column + (first if f.end_line == f.line else 0))
        before = len(out[moved.end_line - 1])
        reason = _edit(out, moved)
        if reason is not None:
            skipped.append(Skipped(f, reason))
            continue
        applied.append(f)
        grown = len(out[moved.end_line - 1]) - before
        shift[moved.end_line] = shift.get(moved.end_line, 0) + grown
        end = moved.end_column + grown
        if moved.end_line == moved.line:
            regions.append([(moved.line, moved.column, end)])
        else:
            regions.append([(moved.line, moved.column, len(out[moved.line - 1]) + 1), (moved.end_line, 1, end)])
    return out, applied, skipped, regions


def _touches(f: Finding, region: Region) -> bool:
    """The finding overlaps the text a fix wrote."""
    for line, s, e in region:
        if f.line <= line <= f.end_line:
            a = f.column if line == f.line else 1
            b = f.end_column if line == f.end_line else 10**9
            if a < e and s < b:
                return True
    return False


def apply_fixes(doc: Document, lines: Sequence[str], findings: Iterable[Finding],
                rules: dict[str, Rule]) -> tuple[list[str], list[Finding], list[Skipped]]:
    """Apply the safe fixes among *findings* to *lines* (the document's lines),
    without re-checking them (see :func:`fix_source`).

    Returns the new lines, the findings fixed and the fixable ones skipped
    (inside a quotation, overlapping another fix, markup inside the name,
    or not where expected).
    """
    chosen, skipped = _choose(doc, lines, findings, rules)
    out, applied, not_there, _ = _apply(lines, chosen)
    return out, applied, skipped + not_there


def apply_one(lines: Sequence[str], finding: Finding) -> list[str] | None:
    """*lines* with the one fix of *finding* written as ``--fix`` writes it
    (trimmed of punctuation the text already has, a wrapped name fixed word
    by word), or None when it cannot be written there. It does not decide
    whether the fix is safe: :func:`fix_source` does."""
    out = list(lines)
    return out if finding.fix is not None and _edit(out, finding) is None else None


# -- one file -----------------------------------------------------------------------------

@dataclass
class FixOutcome:
    """What fixing one file would do (nothing is written until :func:`write_fixes`)."""

    path: Path
    shown: str
    source: Source
    lines: list[str]
    applied: list[Finding] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return list(self.source.lines) != self.lines

    @property
    def data(self) -> bytes:
        return self.source.with_lines(self.lines)


def _findings(linter: Linter, lines: Sequence[str], shown: str, markdown: bool) -> tuple[Document, list[Finding]]:
    doc = parse_document("\n".join(lines), shown, markdown=markdown)
    return doc, linter.lint_document(doc)[0]


def fix_source(linter: Linter, source: Source, shown: str, markdown: bool = True) -> tuple[list[str], list[Finding], list[Skipped]]:
    """Fix until nothing fixable is left; returns (lines, applied, skipped).

    Each round applies every fix that may go together, checks the result
    again and takes back each fix whose text still has a fixable finding
    (it would change again on the next run); those findings are left for an
    editor.
    """
    lines = list(source.lines)
    applied: list[Finding] = []
    refused: list[Skipped] = []
    doc, findings = _findings(linter, lines, shown, markdown)
    skipped: list[Skipped] = []
    for _ in range(MAX_PASSES):
        chosen, skipped = _choose(doc, lines, findings, linter.rules)
        chosen = [f for f in chosen if not any(_same(f, r.finding) for r in refused)]
        while chosen:
            out, done, not_there, regions = _apply(lines, chosen)
            new_doc, new_findings = _findings(linter, out, shown, markdown)
            again = [g for g in new_findings if is_fixable(g, linter.rules)]
            bad = [f for f, region in zip(done, regions) if any(_touches(g, region) for g in again)]
            if not bad:
                break
            # Take back each fix whose text reads as fixable again: it would
            # change on every run (a suggestion that grows, or is itself a slip).
            refused.extend(Skipped(f, UNSETTLED) for f in bad)
            chosen = [f for f in chosen if f not in bad]
        if not chosen:
            break
        skipped.extend(not_there)
        lines, doc, findings = out, new_doc, new_findings
        applied.extend(done)
    return lines, applied, skipped + refused


def _same(a: Finding, b: Finding) -> bool:
    """The same fix at the same place (findings of later rounds are new objects)."""
    return (a.line, a.column, a.code, a.text, a.fix) == (b.line, b.column, b.code, b.text, b.fix)


def fix_file(linter: Linter, path: Path, shown: str) -> FixOutcome:
    raw = read_bytes(path, MAX_DRAFT_BYTES, DraftError, shown, what="draft")
    source = split_source(raw, shown)
    lines, applied, skipped = fix_source(linter, source, shown, markdown=path.suffix.lower() not in TEXT_SUFFIXES)
    return FixOutcome(path, shown, source, lines, applied, skipped)


def fix_targets(paths: Sequence[str]) -> tuple[list[tuple[str, Path]], list[FileError]]:
    """The drafts under *paths* to fix, each once, and the paths that are not drafts."""
    if "-" in paths:
        raise ConfigError("--fix and --diff work on files, not on stdin (-)")
    missing = Result()
    targets: list[tuple[str, Path]] = []
    seen: set[str] = set()  # one file named twice ("d.md ./d.md") is fixed once
    for shown, path in expand_paths(paths, missing):
        if path is None or os.path.realpath(path) in seen:
            continue
        seen.add(os.path.realpath(path))
        targets.append((shown, path))
    return targets, missing.errors


def fix_one(linter: Linter, shown: str, path: Path) -> FixOutcome | FileError:
    """The fixes of one draft, or why it cannot be read."""
    try:
        return fix_file(linter, path, shown)
    except DraftError as exc:
        return FileError(exc.path or shown, exc.message, exc.line)


def sort_out(answers: Iterable[FixOutcome | FileError], errors: list[FileError]) -> tuple[list[FixOutcome], list[FileError]]:
    """Outcomes apart from the drafts that could not be read (after *errors*)."""
    answers = list(answers)
    return ([a for a in answers if isinstance(a, FixOutcome)],
            errors + [a for a in answers if isinstance(a, FileError)])


def fix_paths(linter: Linter, paths: Sequence[str]) -> tuple[list[FixOutcome], list[FileError]]:
    """Work out the fixes for every draft under *paths*; drafts that cannot be
    read (or do not exist) are returned as errors."""
    targets, errors = fix_targets(paths)
    return sort_out((fix_one(linter, shown, path) for shown, path in targets), errors)


# -- writing ------------------------------------------------------------------------------

def write_fixes(outcomes: Iterable[FixOutcome]) -> list[FileError]:
    errors = []
    for o in outcomes:
        if not o.changed:
            continue
        try:
            write_atomic(o.path, o.data, o.source.raw, o.shown)
        except DraftError as exc:
            errors.append(FileError(exc.path or o.shown, exc.message))
    return errors


# -- previewing -----------------------------------------------------------------------------

def unified_diff(outcome: FixOutcome) -> str:
    """The change as a unified diff (``patch -p0`` applies it); lines keep their endings."""
    src = outcome.source
    # The piece after the last line ending is "" in a file that ends with one.
    old = [line + end for line, end in zip(src.lines, src.endings) if line + end]
    new = [line + end for line, end in zip(outcome.lines, src.endings) if line + end]
    out = []
    for line in difflib.unified_diff(old, new, outcome.shown, outcome.shown):
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
