"""The checks behind the HTTP API: a request's fields -> the JSON answer.

Takes a draft as a string (with an optional date and format) and gives the
same JSON object as ``factlint check - --format json`` on that text, built
by the JSON reporter itself: the versioned ``findings`` and ``summary``
(and ``errors``, for a suppression comment naming an unknown rule). Added
beside them, never inside: the date the draft was checked at and where it
came from, the fixes ``--fix`` would make (each as the edit it writes, in
the findings' coordinates), the fixable findings it would leave for an
editor and why, and the whole text as ``--fix`` would leave it.

Bad requests raise :class:`BadRequest` with an HTTP status and a one-line
message. Nothing here writes a file.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field

from factlint import __version__
from factlint.dates import parse_day
from factlint.document import Document, decode, parse_document
from factlint.engine import Linter, Settings
from factlint.errors import DraftError, shown
from factlint.findings import Finding, Result
from factlint.fix import apply_one, fix_source, is_fixable, split_source
from factlint.kb.index import KBIndex
from factlint.kb_report import who
from factlint.reporters.base import Report
from factlint.reporters.json import JsonReporter
from factlint.rules import Rule

PATH = "-"  # findings name the draft as `factlint check -` names standard input
FORMATS = {"md": True, "txt": False}  # the request's format -> read as Markdown
CHECK_KEYS = ("text", "date", "format")
WHO_KEYS = ("name", "on")
MAX_NAME_CHARS = 200  # a name to look up in the KB, at most

_JSON_TYPES = {str: "a string", int: "a number", float: "a number", bool: "true or false",
               list: "an array", dict: "an object", type(None): "null"}


class BadRequest(Exception):
    """A request the API refuses: an HTTP status (4xx) and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Checker:
    """The KB, rules and config settings, loaded once; one check at a time."""

    kb: KBIndex
    rules: dict[str, Rule]
    settings: Settings = field(default_factory=Settings)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def check(self, body: object) -> dict[str, object]:
        """``POST /api/check``: *body* is the decoded JSON of the request."""
        text, day, markdown = _check_fields(body)
        raw = _encoded(text)
        try:
            doc = parse_document(decode(raw, PATH), PATH, markdown=markdown)
        except DraftError as exc:
            where = f" (line {exc.line})" if exc.line else ""
            raise BadRequest(422, f'"text": {exc.message}{where}') from None
        settings = dataclasses.replace(self.settings, date=day) if day else self.settings
        linter = Linter(self.kb, self.rules, settings)
        with self._lock:  # the index keeps caches: one draft at a time
            findings, errors = linter.lint_document(doc)
            fixes = _fixes(linter, raw, findings, markdown)
        answer = _wire(Result(findings, errors, files=1), self.rules)
        answer["date"] = linter.date_for(doc).isoformat()
        answer["date_source"] = _date_source(settings, doc)
        answer.update(fixes)
        return answer

    def who(self, query: Mapping[str, str]) -> dict[str, object]:
        """``GET /api/kb/who?name=…&on=…``: what ``factlint kb who`` prints."""
        unknown = [k for k in query if k not in WHO_KEYS]
        if unknown:
            raise BadRequest(422, f"unknown parameter {shown(unknown[0])} (expected name, on)")
        name = query.get("name", "")
        if not name.strip():
            raise BadRequest(422, 'missing "name": ask /api/kb/who?name=Antony+Blinken')
        if len(name) > MAX_NAME_CHARS:
            raise BadRequest(422, f'"name" is longer than {MAX_NAME_CHARS} characters')
        day = _day(query.get("on"), "on")
        with self._lock:
            text, found = who(self.kb, name, day)
        return {"name": name, "on": day.isoformat() if day else None, "found": found, "text": text}

    def health(self) -> dict[str, object]:
        """``GET /healthz``: up, and which KB is loaded."""
        return {"status": "ok", "version": __version__, "kb": self.kb.kb.counts()}


# -- the request ----------------------------------------------------------------------

def _kind(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _day(value: object, key: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadRequest(422, f'"{key}" must be a date string YYYY-MM-DD, not {_kind(value)}')
    try:
        return parse_day(value)
    except ValueError as exc:
        raise BadRequest(422, f'"{key}": {exc}') from None


def _check_fields(body: object) -> tuple[str, dt.date | None, bool]:
    """(text, date or None, read as Markdown) from the request's JSON."""
    if not isinstance(body, dict):
        raise BadRequest(422, f'the body must be a JSON object such as {{"text": "…"}}, not {_kind(body)}')
    unknown = [k for k in body if k not in CHECK_KEYS]
    if unknown:
        raise BadRequest(422, f"unknown key {shown(unknown[0])} (expected text, date, format)")
    if "text" not in body:
        raise BadRequest(422, 'missing "text": send {"text": "the draft", "date": "YYYY-MM-DD"}')
    text = body["text"]
    if not isinstance(text, str):
        raise BadRequest(422, f'"text" must be a string, not {_kind(text)}')
    fmt = body.get("format")
    fmt = "md" if fmt is None else fmt
    if not isinstance(fmt, str) or fmt not in FORMATS:
        raise BadRequest(422, f'"format" must be "md" or "txt", not {shown(fmt)}')
    return text, _day(body.get("date"), "date"), FORMATS[fmt]


def _encoded(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, sent as "\ud800"
        raise BadRequest(422, f'"text" is not valid Unicode: a lone surrogate at character {exc.start + 1}') from None


def _date_source(settings: Settings, doc: Document) -> str:
    """Which rule of "Which date a draft is checked at" gave the date."""
    if settings.date:
        return "request"
    if doc.date:
        return "draft"
    return "config" if settings.config_date else "today"


# -- the answer ------------------------------------------------------------------------

def _wire(result: Result, rules: dict[str, Rule]) -> dict[str, object]:
    """Exactly what ``--format json`` writes, as a mapping."""
    out = io.StringIO()
    JsonReporter().write(Report(result, rules), out)
    data: dict[str, object] = json.loads(out.getvalue())
    return data


def _key(f: Finding) -> tuple[object, ...]:
    return (f.line, f.column, f.code, f.text, f.fix)


def _fixes(linter: Linter, raw: bytes, findings: list[Finding], markdown: bool) -> dict[str, object]:
    """The fixes ``--fix`` would make to the draft, found as it finds them."""
    out: dict[str, object] = {"fixes": [], "not_fixed": []}
    if not any(is_fixable(f, linter.rules) for f in findings):
        return out
    source = split_source(raw, PATH)
    lines, applied, skipped = fix_source(linter, source, PATH, markdown=markdown)
    number = {_key(f): i for i, f in enumerate(findings)}
    edits = []
    for f in applied:
        new = apply_one(source.lines, f)
        # a fix an earlier one made possible is in "fixed" only
        if _key(f) in number and new is not None:
            edits.append({"finding": number[_key(f)], **_edit(source.lines, new, f)})
    left: dict[int, str] = {}
    for s in skipped:
        if _key(s.finding) in number:
            left.setdefault(number[_key(s.finding)], s.reason)
    out["fixes"] = edits
    out["not_fixed"] = [{"finding": i, "reason": reason} for i, reason in sorted(left.items())]
    if lines != list(source.lines):
        out["fixed"] = source.with_lines(lines).decode("utf-8")
    return out


def _edit(old: tuple[str, ...], new: list[str], f: Finding) -> dict[str, object]:
    """One fix as an edit: the finding's span and the text written over it.

    A fix never touches the text before the span on its first line or after
    it on its last, so what lies between is the replacement (a wrapped
    name keeps its line break and the next line's indent inside it).
    """
    after = len(old[f.end_line - 1]) - (f.end_column - 1)
    window = "\n".join(new[f.line - 1 : f.end_line])
    return {"line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
            "replacement": window[f.column - 1 : len(window) - after]}
