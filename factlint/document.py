"""Reading drafts: bytes -> checked text segments with exact source positions.

Markdown is parsed with markdown-it-py, never regex-scanned. Block tokens
tell which lines hold prose; the inline rules that produce code spans, inline
HTML, autolinks, images and links are wrapped to record the exact character
ranges they consume, so that those ranges (and link targets, but not link
text) are left out of the checked text. Each inline block becomes one
:class:`Segment` whose characters map back to the original line and column.
Front matter is read for the article's date and never checked.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkLabel
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from factlint.dates import check_day, parse_day
from factlint.errors import DraftError, shown
from factlint.fsio import MAX_DRAFT_BYTES, file_problem, read_bytes, read_stream
from factlint.furniture import BARRIER, mark  # BARRIER stands in for excluded text
from factlint.yamlio import LocDict, load_yaml_text

DATE_KEYS = ("date", "published", "published_at")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt",)
_DIRECTIVE_RE = re.compile(r"<!--\s*factlint-(disable-next-line|disable|enable)\b(.*?)-->", re.S)
_DATE_PREFIX_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention: not frozen, which costs a call per field (mentions.model.Title)
class Segment:
    """A run of prose (one paragraph, heading, cell…) and where it came from."""

    text: str
    starts: tuple[int, ...]      # segment offsets where a source line piece begins
    lines: tuple[int, ...]       # 1-based line of each piece
    cols: tuple[int, ...]        # 0-based column of each piece's first character
    row: int = -1                # table row number in the draft (-1: not in a table)
    cell: int = -1               # cell number in that row
    undated: tuple[tuple[int, int], ...] = ()  # captions, related headlines: no title joined (factlint.furniture)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of the character at *offset*."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[i], self.cols[i] + offset - self.starts[i] + 1


@dataclass(frozen=True, slots=True)
class Directive:
    action: str            # "disable" | "enable" | "disable-next-line"
    codes: tuple[str, ...]  # empty: every rule
    line: int


@dataclass
class Document:
    path: str
    text: str                  # with line endings normalised to "\n"
    segments: list[Segment]
    date: dt.date | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)
    directives: list[Directive] = field(default_factory=list)
    markdown: bool = True

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


# -- bytes to text -----------------------------------------------------------

_UTF16_32_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                  (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode(raw: bytes, path: str) -> str:
    """Decode a draft, refusing what is not a readable UTF-8 text.

    A UTF-16 or UTF-32 text (what some Windows editors save: a BOM, then
    text that decodes) is refused with its name, not called binary: drafts
    are UTF-8, and ``--fix`` writes UTF-8. A file with nothing but a BOM
    and blanks is empty.
    """
    for bom, encoding in _UTF16_32_BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                break  # not such a text after all: the checks below say what it is
            if not text.strip():
                raise DraftError("empty file: nothing to check", path)
            raise DraftError(f"{encoding[:6].upper()} text, not UTF-8 (save the file as UTF-8)", path)
    raw = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    if not raw.strip():
        raise DraftError("empty file: nothing to check", path)
    if b"\x00" in raw:
        raise DraftError("binary file (contains NUL bytes): not a draft", path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DraftError(f"not UTF-8: byte 0x{raw[exc.start]:02x} at column {col} (save the file as UTF-8)", path, line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def draft_problem(path: Path) -> str | None:
    """Why *path* cannot be a draft (not a regular file, over the size
    limit, unreadable), found without opening it; None if it may be one."""
    return file_problem(path, MAX_DRAFT_BYTES, "draft")


def read_path(path: Path, display: str | None = None) -> Document:
    shown = display if display is not None else str(path)
    raw = read_bytes(path, MAX_DRAFT_BYTES, DraftError, shown, what="draft")
    return parse_document(decode(raw, shown), shown, markdown=path.suffix.lower() not in TEXT_SUFFIXES)


def read_stdin(stream: object, shown: str = "-") -> Document:
    """A draft from standard input (read as Markdown); *stream* is its binary buffer or None."""
    raw = read_stream(stream, MAX_DRAFT_BYTES, DraftError, shown)
    return parse_document(decode(raw, shown), shown, markdown=True)


# -- front matter --------------------------------------------------------------

def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], int]:
    """Return the front matter mapping and how many lines it takes."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}, 0
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            simple = _simple_front_matter(lines[1:i])
            if simple is not None:
                return simple, i + 1
            block = "\n".join(lines[1:i])
            # a leading newline: YAML's line numbers are then the file's
            data = load_yaml_text("\n" + block, path, DraftError) if block.strip() else None
            if data is None:
                return {}, i + 1
            if not isinstance(data, dict):
                raise DraftError("front matter must be a YAML mapping", path, 2)
            return data, i + 1
    return {}, 0


_SIMPLE_FM_RE = re.compile(r"^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$")
_QUOTED_RE = re.compile(r"""^(?:"([^"\\]*)"|'([^']*)')$""")
_FLOW_ITEM = r"[\w.-]+(?: [\w.-]+)*"
_FLOW_LIST_RE = re.compile(rf"^\[ *(?:{_FLOW_ITEM} *(?:, *{_FLOW_ITEM} *)*)?\]$")
_PLAIN_VALUE_RE = re.compile(r"^(?:\d{4}-\d{2}-\d{2}(?:[T ][\d:.+\-Z]*)?|[\w ,.!?()'\u2019\u2013\u2014-]*)$")


def _simple_front_matter(lines: list[str]) -> LocDict | None:
    """Most front matter is flat ``key: value`` lines with plain or quoted
    strings and lists of words; read those without a YAML load (one per draft
    adds up). Anything else goes to YAML."""
    data = LocDict()
    data.line, data.key_lines = 2, {}
    for n, raw in enumerate(lines, start=2):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        m = _SIMPLE_FM_RE.match(raw)
        if m is None or m.group(1) in data:
            return None
        value = m.group(2)
        if q := _QUOTED_RE.match(value):  # before plain: a plain value may hold quotes ("it's")
            data[m.group(1)] = q.group(1) if q.group(1) is not None else q.group(2)
        elif _PLAIN_VALUE_RE.match(value):
            data[m.group(1)] = value or None
        elif _FLOW_LIST_RE.match(value):
            data[m.group(1)] = [item.strip() for item in value[1:-1].split(",") if item.strip()]
        else:
            return None
        data.key_lines[m.group(1)] = n
    return data


def front_matter_date(fm: dict[str, Any], path: str) -> dt.date | None:
    for key in DATE_KEYS:
        if key in fm and fm[key] is not None:
            value = fm[key]
            line = fm.line_of(key) if isinstance(fm, LocDict) else None
            if isinstance(value, dt.datetime):
                value = value.date()
            m = _DATE_PREFIX_RE.match(str(value).strip())
            try:
                if isinstance(value, dt.date):
                    return check_day(value)
                if not m:
                    raise ValueError(f"expected YYYY-MM-DD, got {shown(value)}")
                return parse_day(m.group(1))
            except ValueError as exc:
                raise DraftError(f"front matter {shown(key)}: {exc}", path, line) from None
    return None


# -- markdown --------------------------------------------------------------------

def _wrap(name: str, fn: Any) -> Any:
    def rule(state: StateInline, silent: bool) -> bool:
        start = state.pos
        label_end = -1
        if name == "link" and not silent and state.src[start] == "[":
            label_end = parseLinkLabel(state, start, True)
        ok = bool(fn(state, silent))
        if ok and not silent:
            spans = state.env.setdefault("_excluded", [])
            if name == "link":
                if label_end >= 0:
                    spans.append((label_end, state.pos))  # the target, not the link text
            else:
                spans.append((start, state.pos))
                if name == "html_inline":
                    state.env.setdefault("_html", []).append((start, state.src[start:state.pos]))
        return ok

    return rule


def _anywhere(*needles: str) -> Callable[[str], bool]:
    """A test for any of *needles* anywhere in a text."""
    return lambda text: any(n in text for n in needles)


def _line_start(pattern: str) -> Callable[[str], bool]:
    """A test for *pattern* at the start of a line: one scan for a newline
    followed by it (the regex engine finds newlines fast, where ``^`` with
    ``re.M`` is tried at every character), and a match at the first line."""
    later, first = re.compile("\n" + pattern, re.M), re.compile(pattern, re.M)
    return lambda text: later.search(text) is not None or first.match(text) is not None


# A block rule can only start a block where its marker occurs, so a rule
# whose marker is nowhere in the draft is switched off: markdown-it tries every
# rule at every line, and most drafts have no tables, fences, HTML or quotes.
# Each test accepts a superset of what the rule accepts (a marker anywhere in
# the text, or at the start of a line after container markers: blanks, ">",
# and for a rule that may open a list item's first line, list markers), so the
# tokens are exactly those of the full parser (tests/test_document.py checks).
_CONTAINERS = r"(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t])*"
_BLOCK_MARKERS: dict[str, Callable[[str], bool]] = {
    "table": _anywhere("|"),
    "code": _anywhere("    ", "\t"),
    "fence": _anywhere("```", "~~~"),
    "blockquote": _anywhere(">"),
    "hr": _line_start(_CONTAINERS + r"([*_-])[ \t]*\1[ \t]*\1"),
    "list": _line_start(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)"),
    "reference": _anywhere("]:"),
    "html_block": _anywhere("<"),
    "heading": _anywhere("#"),
    "lheading": _line_start(r"[ \t>]*(?:=+|-+)[ \t]*$"),
}


# The characters a block rule's block can begin with (after indentation and
# container markers): on a line that begins with none of them the rule fails
# at once, and is not called (markdown-it tries every rule at every line).
_FIRST_CHARS = {"fence": "`~", "blockquote": ">", "hr": "*-_", "list": "*-+0123456789", "reference": "[",
                "html_block": "<", "heading": "#"}


def _first_char(chars: str, fn: Any) -> Any:
    def rule(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        pos = state.bMarks[line] + state.tShift[line]
        if state.src[pos:pos + 1] not in chars:  # (an empty slice is "in": fn decides)
            return False
        return fn(state, line, end, silent)  # type: ignore[no-any-return]

    return rule


def _make_parser(off: frozenset[str] = frozenset()) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.disable("inline")  # inline content is parsed per block below, to map positions
    if off:
        md.disable(sorted(off))
    for r in md.block.ruler.__rules__:
        if r.name in _FIRST_CHARS:
            r.fn = _first_char(_FIRST_CHARS[r.name], r.fn)
    md.block.ruler.__cache__ = None
    for r in md.inline.ruler.__rules__:
        if r.name in ("backticks", "html_inline", "autolink", "image", "link"):
            r.fn = _wrap(r.name, r.fn)
    md.inline.ruler.__cache__ = None  # rebuild the chains with the wrapped rules
    return md


_PARSERS: dict[frozenset[str], MarkdownIt] = {}
_TABLE_TOKENS = frozenset({"tr_open", "td_open", "th_open", "td_close", "th_close"})


def _parser(body: str = "") -> MarkdownIt:
    """The parser for *body*: block rules whose markers it lacks are off, and
    so are the core rules that would leave its tokens as they are: text_join
    (it joins inline tokens' children; inline content is parsed apart, per
    block) and normalize, unless *body* has a CR or a NUL for it to replace."""
    off: frozenset[str] = frozenset()
    if body:
        normal = "\r" not in body and "\0" not in body
        if "\r" in body:  # markdown-it reads a lone CR as a line break: so must the tests
            body = body.replace("\r\n", "\n").replace("\r", "\n")
        off = frozenset([name for name, has in _BLOCK_MARKERS.items() if not has(body)]
                        + ["text_join"] + (["normalize"] if normal else []))
    md = _PARSERS.get(off)
    if md is None:
        md = _PARSERS[off] = _make_parser(off)
    return md


def _directives_in(html: str, line: int) -> list[Directive]:
    out = []
    for m in _DIRECTIVE_RE.finditer(html):
        codes = tuple(c for c in re.split(r"[\s,]+", m.group(2).strip()) if c)
        out.append(Directive(m.group(1), codes, line + html.count("\n", 0, m.start())))
    return out


def _segment(content: str, excluded: list[tuple[int, int]], first_line: int, src_lines: list[str],
             cursors: dict[int, int]) -> Segment | None:
    """Map an inline block's content back onto the source lines it came from."""
    text = content
    for a, b in excluded:  # each character but a line break becomes a BARRIER
        if b > a:
            text = text[:a] + "\n".join(BARRIER * len(p) for p in text[a:b].split("\n")) + text[b:]
    starts, lines, cols = [], [], []
    offset = 0
    for i, piece in enumerate(content.split("\n")):
        li = first_line + i
        if li >= len(src_lines):
            return None
        src = src_lines[li]
        at = cursors.get(li, 0)
        # most pieces begin where the line's cursor is: no search for them
        col = at if src.startswith(piece, at) else src.find(piece, at) if piece else at
        if col < 0:
            stripped = piece.lstrip()
            col = src.find(stripped, at) if stripped else -1
            if col < 0:
                return None  # cannot place it exactly: better unchecked than misplaced
            col -= len(piece) - len(stripped)
        cursors[li] = col + len(piece)
        starts.append(offset)
        lines.append(li + 1)
        cols.append(col)
        offset += len(piece) + 1
    return Segment(text, tuple(starts), tuple(lines), tuple(cols))


def parse_document(text: str, path: str, markdown: bool = True) -> Document:
    fm, fm_lines = split_front_matter(text, path) if markdown else ({}, 0)
    date = front_matter_date(fm, path)
    src_lines = text.split("\n")
    if not markdown:
        return Document(path, text, mark(_plain_segments(src_lines)), date, fm, _plain_directives(src_lines), False)
    body = "\n" * fm_lines + "\n".join(src_lines[fm_lines:])
    md = _parser(body)
    segments: list[Segment] = []
    directives: list[Directive] = []
    cursors: dict[int, int] = {}
    row = cell = -1
    in_cell = False
    for tok in md.parse(body, {}):
        kind = tok.type
        if kind != "inline":
            if kind in _TABLE_TOKENS:
                if kind == "tr_open":
                    row, cell = row + 1, -1
                elif kind.endswith("_open"):
                    cell, in_cell = cell + 1, True
                else:
                    in_cell = False
            elif kind == "html_block" and tok.map:
                directives.extend(_directives_in(tok.content, tok.map[0] + 1))
            continue
        if not tok.map:
            continue
        env: dict[str, Any] = {}
        content = tok.content
        # Code spans need a backtick, inline HTML and autolinks a "<", links and
        # images a "[": inline content with none of them has nothing to exclude,
        # and most paragraphs skip markdown-it's inline pass.
        if "`" in content or "<" in content or "[" in content:
            md.inline.parse(content, md, env, [])
        seg = _segment(content, env.get("_excluded", []), tok.map[0], src_lines, cursors)
        if seg is not None and in_cell:
            seg = dataclasses.replace(seg, row=row, cell=cell)
        if seg is not None:
            segments.append(seg)
            for start, html in env.get("_html", []):
                directives.extend(_directives_in(html, seg.position(start)[0]))
    return Document(path, text, mark(segments), date, fm, directives, True)


def _plain_segments(src_lines: list[str]) -> list[Segment]:
    """Plain text: one segment per paragraph (blank lines separate them)."""
    segments = []
    block: list[int] = []
    for i, line in enumerate([*src_lines, ""]):
        if line.strip():
            block.append(i)
            continue
        if block:
            pieces = [src_lines[j] for j in block]
            starts, offset = [], 0
            for p in pieces:
                starts.append(offset)
                offset += len(p) + 1
            segments.append(Segment("\n".join(pieces), tuple(starts), tuple(j + 1 for j in block), tuple(0 for _ in block)))
            block = []
    return segments


def _plain_directives(src_lines: list[str]) -> list[Directive]:
    out: list[Directive] = []
    for i, line in enumerate(src_lines):
        if "factlint-" in line:
            out.extend(_directives_in(line, i + 1))
    return out
