"""The token view of one segment: what every stage of the finder reads.

Takes a segment's text; gives its word tokens, the gaps between them (with
their kind worked out only when first asked for), whether two tokens belong
to one phrase, the longest KB-trie match at a token, and sentence breaks.
Holds no KB and no results: the stages (timeline, titles, names, linker) are
functions of this view.
"""
from __future__ import annotations

from factlint.document import BARRIER
from factlint.kb.index import END
from factlint.lexicon import ABBREVIATIONS
from factlint.text import Token, gap_kind, split_arrays

# What may join two tokens of one phrase (see ``factlint.text.gap_kind``).
PHRASE = ("space", "hyphen", "dot")
SPACE = ("space",)


def is_word(raw: str) -> bool:
    """A token written *raw* is a word, not a number."""
    return raw[:1].isalpha()


class GapKinds:
    """``gap_kind`` of each gap, computed when first asked for."""

    __slots__ = ("gaps", "raws", "cache")

    def __init__(self, gaps: list[str], raws: list[str]) -> None:
        self.gaps, self.raws = gaps, raws
        self.cache: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        kind = self.cache.get(i)
        if kind is None:
            gap = self.gaps[i]
            kind = self.cache[i] = "space" if gap == " " else gap_kind(gap, self.raws[i - 1] if i else None)
        return kind


class Tokens:
    """One segment's tokens as parallel lists (:class:`factlint.text.Words`):
    token *i* is ``raws[i]`` at ``[starts[i], ends[i])`` with key ``keys[i]``,
    ``possessive[i]`` when an ``'s`` follows it (ending at ``stops[i]``); ``gaps[i]``
    is the text before it.
    (Lists, not an object per token: a draft has tens of thousands of words.)"""

    __slots__ = ("text", "starts", "ends", "raws", "keys", "possessive", "stops", "gaps", "kinds", "n", "memo", "_toks")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts, self.ends, self.raws, self.keys, self.possessive, self.stops, self.gaps = split_arrays(text)
        self.kinds = GapKinds(self.gaps, self.raws)
        self.n = len(self.raws)
        self.memo: dict[str, object] = {}  # what a stage works out once per segment
        self._toks: list[Token] | None = None

    @property
    def toks(self) -> list[Token]:
        """The tokens as :class:`factlint.text.Token` records (built when first asked for)."""
        if self._toks is None:
            fields = zip(self.starts, self.ends, self.raws, self.keys, self.possessive, self.stops)
            self._toks = list(map(Token._make, fields))
        return self._toks

    def joined(self, i: int, allowed: tuple[str, ...] = PHRASE) -> bool:
        """Token *i* continues the phrase of token *i-1*."""
        if not 0 < i < self.n:
            return False
        gap = self.gaps[i]
        if gap == " ":  # the common case: no kind to look up, and no barrier
            return "space" in allowed
        return self.kinds[i] in allowed and BARRIER not in gap

    def span_text(self, a: int, b: int) -> str:
        """The text of tokens [a, b) as written."""
        return self.text[self.starts[a] : self.ends[b - 1]]

    def sentence_break(self, i: int) -> bool:
        """A sentence (or paragraph) ends before token *i*."""
        gap = self.gaps[i]
        if gap == " ":  # the common case
            return False
        if ("." not in gap and "!" not in gap and "?" not in gap) or BARRIER in gap:
            return "\n\n" in gap
        if self.kinds[i] == "dot":
            return False
        if gap.lstrip().startswith(".") and self.keys[i - 1] in ABBREVIATIONS:
            return False
        first = self.raws[i][:1]
        return first.isupper() or first.isdigit()

    def walk(self, trie: dict, i: int, allowed: tuple[str, ...] = PHRASE,
             acronyms: frozenset[str] = frozenset()) -> tuple[int, list]:
        """Longest trie match starting at token *i*: (end token, values).

        A word in *acronyms* matches only when not written in lower case
        ("us" is a pronoun; only "US" is the country).
        """
        keys = self.keys
        node = trie.get(keys[i]) if i < self.n else None
        if node is None:  # the common case: the word starts nothing in this trie
            return i, []
        if keys[i] in acronyms and self.raws[i].islower():
            return i, []
        best_end, best = (i + 1, node[END]) if END in node else (i, [])
        j = i + 1
        while j < self.n and not self.possessive[j - 1] and self.joined(j, allowed):
            key = keys[j]
            if key in acronyms and self.raws[j].islower():
                break
            node = node.get(key)
            if node is None:
                break
            j += 1
            if END in node:
                best_end, best = j, node[END]
        return best_end, best
