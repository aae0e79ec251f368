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
from factlint.text import Token, gap_kind, split_words

# What may join two tokens of one phrase (see ``factlint.text.gap_kind``).
PHRASE = ("space", "hyphen", "dot")
SPACE = ("space",)


def is_word(tok: Token) -> bool:
    return tok.raw[:1].isalpha()


class GapKinds:
    """``gap_kind`` of each gap, computed when first asked for."""

    __slots__ = ("gaps", "toks", "cache")

    def __init__(self, gaps: list[str], toks: list[Token]) -> None:
        self.gaps, self.toks = gaps, toks
        self.cache: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        kind = self.cache.get(i)
        if kind is None:
            gap = self.gaps[i]
            kind = self.cache[i] = "space" if gap == " " else gap_kind(gap, self.toks[i - 1] if i else None)
        return kind


class Tokens:
    """One segment's tokens and gaps: ``gaps[i]`` is the text before token *i*."""

    __slots__ = ("text", "toks", "gaps", "kinds", "n", "memo")

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks, self.gaps = split_words(text)
        self.kinds = GapKinds(self.gaps, self.toks)
        self.n = len(self.toks)
        self.memo: dict[str, object] = {}  # what a stage works out once per segment

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
        return self.text[self.toks[a].start : self.toks[b - 1].end]

    def sentence_break(self, i: int) -> bool:
        """A sentence (or paragraph) ends before token *i*."""
        gap = self.gaps[i]
        if gap == " ":  # the common case
            return False
        if ("." not in gap and "!" not in gap and "?" not in gap) or BARRIER in gap:
            return "\n\n" in gap
        if self.kinds[i] == "dot":
            return False
        prev = self.toks[i - 1]
        if gap.lstrip().startswith(".") and prev.key in ABBREVIATIONS:
            return False
        return self.toks[i].raw[:1].isupper() or self.toks[i].raw[:1].isdigit()

    def walk(self, trie: dict, i: int, allowed: tuple[str, ...] = PHRASE,
             acronyms: frozenset[str] = frozenset()) -> tuple[int, list]:
        """Longest trie match starting at token *i*: (end token, values).

        A word in *acronyms* matches only when not written in lower case
        ("us" is a pronoun; only "US" is the country).
        """
        toks = self.toks
        node = trie.get(toks[i].key) if i < self.n else None
        if node is None:  # the common case: the word starts nothing in this trie
            return i, []
        if toks[i].key in acronyms and toks[i].raw.islower():
            return i, []
        best_end, best = (i + 1, node[END]) if END in node else (i, [])
        j = i + 1
        while j < self.n and not toks[j - 1].possessive and self.joined(j, allowed):
            tok = toks[j]
            if tok.key in acronyms and tok.raw.islower():
                break
            node = node.get(tok.key)
            if node is None:
                break
            j += 1
            if END in node:
                best_end, best = j, node[END]
        return best_end, best
