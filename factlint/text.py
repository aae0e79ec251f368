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
from functools import lru_cache
from itertools import accumulate, repeat
from typing import NamedTuple

from factlint.tuning import TOKEN_KEYS_CACHE

# Invisible characters inside a word (soft hyphen, zero-width space and
# joiners, word joiner) leave it one word: "Zelen\u00adskyy" is "Zelenskyy".
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"
_SPLIT_RE = re.compile(r"([^\W_]+)", re.UNICODE)
_SPLIT_ASCII_RE = re.compile(r"([A-Za-z0-9]+)")  # the same words in ASCII text, found faster (ranges, not categories)
_SPLIT_INVISIBLE_RE = re.compile(rf"([^\W_]+(?:[{INVISIBLE}]+[^\W_]+)*)", re.UNICODE)
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_POSSESSIVE_RE = re.compile("[" + "'\u2019\u02bc\u2018`\u00b4" + r"][sS]\b")
APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
HYPHENS = "-\u2010\u2011\u2012\u2013"
NO_MARKUP = str.maketrans("", "", "*_[]")
_SPECIAL = str.maketrans({**dict.fromkeys(INVISIBLE, None), "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss",
                          "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "ð": "d"})


_FOLDED: dict[str, str] = {}


def fold(word: str) -> str:
    """Case- and diacritic-insensitive key of one word (memoised: words repeat)."""
    key = _FOLDED.get(word)
    if key is None:
        if word.isascii():
            key = word.casefold()
        else:
            decomposed = unicodedata.normalize("NFKD", word.translate(_SPECIAL))
            key = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        if len(_FOLDED) < 200_000:
            _FOLDED[word] = key
    return key


class Token(NamedTuple):
    """One word of a segment. (A NamedTuple: drafts make hundreds of thousands.)"""

    start: int
    end: int
    raw: str
    key: str
    possessive: bool = False
    stop: int = -1  # end including a possessive "'s" (equals ``end`` otherwise)

    @property
    def tail(self) -> int:
        return self.stop if self.stop >= 0 else self.end



def tokenize(text: str) -> list[Token]:
    """Word tokens of *text*; a trailing ``'s`` marks the previous token possessive."""
    return split_words(text)[0]


@lru_cache(maxsize=TOKEN_KEYS_CACHE)
def token_keys(text: str) -> tuple[str, ...]:
    """The keys of ``tokenize(text)``, remembered: a draft writes the same names again and again."""
    return tuple(t.key for t in split_words(text)[0])


class Words(NamedTuple):
    """The words of a text as parallel lists (what the mention finder reads:
    no object per word): word *i* is ``raws[i]`` at ``[starts[i], ends[i])``,
    with key ``keys[i]``; ``possessive[i]`` when an ``'s`` follows it (the
    ``'s`` is not a word of its own); ``gaps[i]`` is the text before word *i*
    (after the previous word's ``'s``), ``gaps[len(raws)]`` the text after the last."""

    starts: list[int]
    ends: list[int]
    raws: list[str]
    keys: list[str]
    possessive: list[bool]
    stops: list[int]  # the end including the possessive "'s" (-1 when there is none)
    gaps: list[str]


def split_arrays(text: str) -> Words:
    """The words of *text* and the gaps around them, as parallel lists (see :class:`Words`)."""
    # re.split does the scanning in C; offsets are running sums of the pieces.
    # gap, word, gap, word, ..., gap
    if text.isascii():
        parts = _SPLIT_ASCII_RE.split(text)
    else:
        parts = (_SPLIT_INVISIBLE_RE if _INVISIBLE_RE.search(text) else _SPLIT_RE).split(text)
    words = parts[1::2]
    offsets = list(accumulate(map(len, parts), initial=0))
    keys = list(map(_FOLDED.get, words))
    if None in keys:
        keys = [k if k is not None else fold(w) for k, w in zip(keys, words)]
    n = len(words)
    starts, ends, gaps = offsets[1:-1:2], offsets[2::2], parts[0::2]
    possessive, stops = [False] * n, [-1] * n
    hits = [m.start() + 1 for m in _POSSESSIVE_RE.finditer(text)]
    if not hits:
        return Words(starts, ends, words, keys, possessive, stops, gaps)
    index = dict(zip(starts, range(n)))
    drop: list[int] = []
    for pos in hits:  # only where an apostrophe-s really is
        i = index.get(pos)
        if i and words[i] in ("s", "S") and ends[i - 1] == pos - 1 and not (drop and drop[-1] == i - 1):
            possessive[i - 1], stops[i - 1] = True, ends[i]
            drop.append(i)
    # The "'s" joins the word before it, and the apostrophe gap goes with it.
    for i in reversed(drop):  # (hits are in order, so drop is too)
        del starts[i], ends[i], words[i], keys[i], possessive[i], stops[i], gaps[i]
    return Words(starts, ends, words, keys, possessive, stops, gaps)


def split_words(text: str) -> tuple[list[Token], list[str]]:
    """Word tokens of *text* and the gaps around them: ``gaps[i]`` is the text
    before token *i* (after the previous token's possessive ``'s``), and
    ``gaps[len(tokens)]`` the text after the last one."""
    w = split_arrays(text)
    make = tuple.__new__  # skips NamedTuple's Python-level __new__; map keeps the loop in C
    return list(map(make, repeat(Token), zip(w.starts, w.ends, w.raws, w.keys, w.possessive, w.stops))), w.gaps


def keys(text: str) -> tuple[str, ...]:
    """The matching key of a name or title as written in the KB."""
    if _POSSESSIVE_RE.search(text) is None and _INVISIBLE_RE.search(text) is None:
        # No "'s" to join and no invisible character: the words as split_words finds them.
        get = _FOLDED.get
        return tuple([get(w) or fold(w) for w in _SPLIT_RE.findall(text)])
    return tuple(t.key for t in tokenize(text))


# Abbreviated given names written with a full stop inside a name, like an
# initial ("Md. Abdul Hamid", "Gudni Th. Johannesson").
NAME_ABBREVIATIONS = frozenset(("Md", "Mohd", "Th"))


def gap_kind(gap: str, prev: str | None = None) -> str:
    """Classify the text between two tokens.

    ``space``: blanks with at most one line break; ``hyphen``; ``apostrophe``
    (inside a name like O'Brien); ``dot``: the period after an initial
    (``J.D.``, ``U.S.``) written *prev*; ``break`` for anything else.
    """
    if gap == " " or gap == "":
        return "space"
    bare = gap.translate(NO_MARKUP)
    if bare != gap:
        # Markdown emphasis and link brackets are transparent: "President **Joe Biden**".
        return gap_kind(bare, prev) if bare else "break"
    if gap.isspace():
        return "break" if gap.count("\n") > 1 else "space"
    if len(gap) == 1 and gap in HYPHENS:
        return "hyphen"
    if len(gap) == 1 and gap in APOSTROPHES:
        return "apostrophe"
    if prev is not None and (len(prev) == 1 or prev in NAME_ABBREVIATIONS) and gap[0] == "." and (gap[1:] == "" or gap[1:].isspace()) and gap.count("\n") <= 1:
        return "dot"
    return "break"


_WRITTEN: dict[str, str] = {}
_NO_MARKUP_OR_INVISIBLE = str.maketrans("", "", "*_[]" + INVISIBLE)
_BLANKS_RE = re.compile(r"\s+")


def written(text: str) -> str:
    """Normal form of what was written, for comparing forms: case, blanks and
    apostrophe style ignored; hyphens, spacing and diacritics kept (memoised)."""
    form = _WRITTEN.get(text)
    if form is None:
        form = _BLANKS_RE.sub(" ", text.translate(_NO_MARKUP_OR_INVISIBLE).strip())
        for a in APOSTROPHES[1:]:
            form = form.replace(a, "'")
        form = form.casefold()
        if len(_WRITTEN) < 100_000:
            _WRITTEN[text] = form
    return form
