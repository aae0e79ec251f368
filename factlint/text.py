"""Tokens and the normal form that names and titles are matched in.

Matching ignores case, diacritics (``Erdoğan`` = ``Erdogan``), typographic
apostrophes, possessives (``Blinken's``) and hyphen/space variants
(``Kim Jong-un`` = ``Kim Jong Un``): a hyphen simply separates tokens. What
was actually written is kept (``Token.raw`` and the gaps between tokens) for
the rules that care about form, such as consistency and house style.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
HYPHENS = "-\u2010\u2011\u2012\u2013"
_SPECIAL = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss",
                          "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "ð": "d"})


def fold(word: str) -> str:
    """Case- and diacritic-insensitive key of one word."""
    word = word.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    raw: str
    key: str
    possessive: bool = False
    stop: int = -1  # end including a possessive "'s" (equals ``end`` otherwise)

    @property
    def tail(self) -> int:
        return self.stop if self.stop >= 0 else self.end

    @property
    def capitalized(self) -> bool:
        return self.raw[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """Word tokens of *text*; a trailing ``'s`` marks the previous token possessive."""
    out: list[Token] = []
    for m in _WORD_RE.finditer(text):
        raw = m.group()
        if (
            out and raw in ("s", "S") and m.start() >= 1 and text[m.start() - 1] in APOSTROPHES
            and out[-1].end == m.start() - 1
        ):
            prev = out[-1]
            out[-1] = Token(prev.start, prev.end, prev.raw, prev.key, True, m.end())
            continue
        out.append(Token(m.start(), m.end(), raw, fold(raw)))
    return out


def keys(text: str) -> tuple[str, ...]:
    """The matching key of a name or title as written in the KB."""
    return tuple(t.key for t in tokenize(text))


def gap_kind(gap: str, prev: Token | None = None) -> str:
    """Classify the text between two tokens.

    ``space``: blanks with at most one line break; ``hyphen``; ``apostrophe``
    (inside a name like O'Brien); ``dot``: the period after an initial
    (``J.D.``, ``U.S.``); ``break`` for anything else.
    """
    if gap == "":
        return "space"
    if gap.isspace():
        return "break" if gap.count("\n") > 1 else "space"
    if len(gap) == 1 and gap in HYPHENS:
        return "hyphen"
    if len(gap) == 1 and gap in APOSTROPHES:
        return "apostrophe"
    if prev is not None and len(prev.raw) == 1 and gap[0] == "." and (gap[1:] == "" or gap[1:].isspace()) and gap.count("\n") <= 1:
        return "dot"
    return "break"


def written(text: str) -> str:
    """Normal form of what was written, for comparing forms: case, blanks and
    apostrophe style ignored; hyphens, spacing and diacritics kept."""
    text = re.sub(r"\s+", " ", text.strip())
    for a in APOSTROPHES[1:]:
        text = text.replace(a, "'")
    return text.casefold()
