"""Checking one open draft: the editor's text in, findings out.

Takes the text the editor holds (saved or not), its URI and ``languageId``,
and gives a :class:`Checked` record: the parsed document, its findings and
per-draft problems, the project (config, rules, KB) that checked it and the
date it was checked at. Code actions and hover work from this record, so
they answer for exactly what the diagnostics showed.

``markdown`` drafts are read as Markdown; ``plaintext`` (and ``text``, the
id Neovim and Emacs give ``.txt`` files) as plain text, as ``factlint
check`` reads ``.txt``. Other languages are not checked.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from factlint.document import Document, parse_document
from factlint.errors import FactlintError
from factlint.findings import FileError, Finding
from factlint.lsp.convert import split_lines
from factlint.mentions.model import Mention
from factlint.lsp.project import Project, Projects, describe_error

MARKDOWN_IDS = frozenset({"markdown"})
PLAIN_IDS = frozenset({"plaintext", "text"})


def checked_language(language_id: str | None) -> bool:
    return (language_id or "") in MARKDOWN_IDS | PLAIN_IDS


def uri_path(uri: str) -> Path | None:
    """The file a ``file:`` URI names, or None (``untitled:`` and the like)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


@dataclass
class Checked:
    uri: str
    version: int | None
    lines: list[str]
    markdown: bool
    project: Project
    doc: Document | None = None
    date: dt.date | None = None
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    problem: str | None = None      # the draft could not be checked: why
    fix_plan: object = None         # filled in by factlint.lsp.actions when asked
    mentions: list[Mention] | None = None  # filled in by factlint.lsp.hover when asked


def check_draft(projects: Projects, uri: str, text: str, language_id: str | None,
                version: int | None = None) -> tuple[Checked, bool]:
    """Check *text*; returns the record and whether the project was (re)loaded."""
    path = uri_path(uri)
    project, loaded = projects.get(path)
    markdown = (language_id or "") not in PLAIN_IDS
    lines = split_lines(text)
    checked = Checked(uri, version, lines, markdown, project)
    if project.linter is None:
        checked.problem = project.error
        return checked, loaded
    try:
        doc = parse_document("\n".join(lines), str(path) if path else uri, markdown=markdown)
        checked.doc = doc
        checked.date = project.linter.date_for(doc)
        checked.findings, checked.errors = project.linter.lint_document(doc)
    except FactlintError as exc:
        checked.problem = describe_error(exc)
    return checked, loaded
