"""Safe fixes: ``factlint check --fix`` and ``--diff``.

Only unambiguous replacements are applied: a misspelling with exactly one
candidate (FL201), an accepted alias to the canonical spelling (FL202) and
house-style substitutions (rules of the ``substitution`` kind). Whether a
title fits a person (FL101, FL102, FL103) needs an editor's judgement and is
never changed, nor is anything the reader does not check (code, front
matter, link targets) or text inside quotation marks (see
:func:`in_quotation`): a quotation is what someone said or wrote, and an
editor must decide how to render it.

A file is written back byte for byte except for the fixed spans: the BOM,
every line's own ending (CRLF stays CRLF, even in a file that mixes them)
and the file mode are kept. Writing is atomic (a temporary file in the same
directory, then :func:`os.replace`) and refused when the file changed on
disk since it was read. Fixing repeats until nothing is left to fix, so a
second run changes nothing.
"""
from __future__ import annotations

import codecs
import difflib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factlint.document import TEXT_SUFFIXES, Document, decode, parse_document
from factlint.engine import Linter, expand_paths
from factlint.errors import ConfigError, DraftError
from factlint.findings import FileError, Finding, Result
from factlint.rules import Rule

FIXABLE_CODES = frozenset({"FL201", "FL202"})
FIXABLE_KINDS = frozenset({"substitution"})
MAX_PASSES = 10  # a fix may reveal another (a misspelt name, then its variant)

_EOL_RE = re.compile(r"(\r\n|\r|\n)")
# Opening and closing marks; a straight double quote toggles.
_OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


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


def in_quotation(doc: Document, line: int, column: int) -> bool:
    """Whether (line, column) lies inside quotation marks in its paragraph.

    Quotes are counted in the checked text of the paragraph (code and link
    targets left out), so a ``"`` inside code does not upset the count. A
    quotation still open at the span counts as inside: news style leaves a
    quote that runs over paragraphs open at each paragraph's end.
    """
    for seg in doc.segments:
        for i, (start, ln, col) in enumerate(zip(seg.starts, seg.lines, seg.cols)):
            end = seg.starts[i + 1] - 1 if i + 1 < len(seg.starts) else len(seg.text)
            if ln == line and col <= column - 1 <= col + (end - start):
                return _open_quote(seg.text[: start + column - 1 - col])
    return False


def _open_quote(before: str) -> bool:
    """Whether a quotation is open at the end of *before*.

    Double quotes: ``"`` toggles; “…” and «…» nest. Single quotes (British
    style): ‘ opens, and ’ closes one only where it is not an apostrophe,
    that is, not followed by a letter (“Blinken’s” stays inside). Straight
    single quotes are left out: they are apostrophes far more often.
    """
    straight = False
    depth = 0
    single = 0
    for i, ch in enumerate(before):
        if ch == '"':
            straight = not straight
        elif ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
        elif ch == "\u2018":
            single += 1
        elif ch == "\u2019" and single and not (i + 1 < len(before) and before[i + 1].isalpha()):
            single -= 1
    return straight or depth > 0 or single > 0


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
        lines[f.line - 1] = first[: f.column - 1] + f.fix + first[f.end_column - 1 :]
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


def apply_fixes(doc: Document, lines: Sequence[str], findings: Iterable[Finding],
                rules: dict[str, Rule]) -> tuple[list[str], list[Finding], list[Skipped]]:
    """Apply the safe fixes among *findings* to *lines* (the document's lines).

    Returns the new lines, the findings fixed and the fixable ones skipped
    (inside a quotation, overlapping another fix, or not where expected).
    """
    out = list(lines)
    applied: list[Finding] = []
    skipped: list[Skipped] = []
    candidates = sorted((f for f in findings if is_fixable(f, rules) and f.fix != f.text),
                        key=lambda f: (f.line, f.column, f.end_line, f.end_column))
    chosen: list[Finding] = []
    for f in candidates:
        if chosen and (f.line, f.column) < (chosen[-1].end_line, chosen[-1].end_column):
            skipped.append(Skipped(f, "overlaps another fix"))
        elif in_quotation(doc, f.line, f.column):
            skipped.append(Skipped(f, "inside quotation marks"))
        else:
            chosen.append(f)
    for f in reversed(chosen):  # from the end, so earlier positions stay valid
        reason = _edit(out, f)
        if reason is None:
            applied.append(f)
        else:
            skipped.append(Skipped(f, reason))
    applied.reverse()
    return out, applied, skipped


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


def fix_source(linter: Linter, source: Source, shown: str, markdown: bool = True) -> tuple[list[str], list[Finding], list[Skipped]]:
    """Fix until nothing fixable is left; returns (lines, applied, skipped)."""
    lines = list(source.lines)
    applied: list[Finding] = []
    skipped: list[Skipped] = []
    for _ in range(MAX_PASSES):
        doc = parse_document("\n".join(lines), shown, markdown=markdown)
        findings, _errors = linter.lint_document(doc)
        lines, done, skipped = apply_fixes(doc, lines, findings, linter.rules)
        if not done:
            break
        applied.extend(done)
    return lines, applied, skipped


def fix_file(linter: Linter, path: Path, shown: str) -> FixOutcome:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DraftError(f"cannot read file: {exc.strerror or exc}", shown) from None
    source = split_source(raw, shown)
    lines, applied, skipped = fix_source(linter, source, shown, markdown=path.suffix.lower() not in TEXT_SUFFIXES)
    return FixOutcome(path, shown, source, lines, applied, skipped)


def fix_paths(linter: Linter, paths: Sequence[str]) -> tuple[list[FixOutcome], list[FileError]]:
    """Work out the fixes for every draft under *paths*; drafts that cannot be
    read (or do not exist) are returned as errors."""
    if "-" in paths:
        raise ConfigError("--fix and --diff work on files, not on stdin (-)")
    outcomes: list[FixOutcome] = []
    missing = Result()
    errors: list[FileError] = []
    for shown, path in expand_paths(paths, missing):
        if path is None:
            continue
        try:
            outcomes.append(fix_file(linter, path, shown))
        except DraftError as exc:
            errors.append(FileError(exc.path or shown, exc.message, exc.line))
    return outcomes, missing.errors + errors


# -- writing ------------------------------------------------------------------------------

def write_atomic(path: Path, data: bytes, expected: bytes, shown: str | None = None) -> None:
    """Replace *path* with *data*, unless its bytes are no longer *expected*."""
    shown = shown or str(path)
    target = Path(os.path.realpath(path))  # write through a symlink, do not replace it
    try:
        current = target.read_bytes()
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError as exc:
        raise DraftError(f"cannot read file again before writing: {exc.strerror or exc}; not fixed", shown) from None
    if current != expected:
        raise DraftError("changed on disk since it was read; not fixed (run again)", shown)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".factlint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise DraftError(f"cannot write file: {exc.strerror or exc}; not fixed", shown) from None


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
