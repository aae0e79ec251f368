"""The fast paths of draft reading give exactly what the plain way gives.

factlint switches off markdown-it block rules whose marker a draft lacks and
skips the inline pass where no code, HTML or link can start; it also cuts
words and gaps with one ``re.split``. These tests compare each fast path with
the straightforward computation on hand-written and generated input.
"""
from __future__ import annotations

import random
import re

import pytest
from markdown_it import MarkdownIt

from factlint import document as D
from factlint.mentions.tokens import Tokens
from factlint.text import _SPLIT_ASCII_RE, _SPLIT_RE, split_arrays, split_words, tokenize

FULL = MarkdownIt("commonmark", {"html": True}).enable("table").disable("inline")  # plain markdown-it, no fast path


def _tokens(md, text):  # type: ignore[no-untyped-def]
    return [t.as_dict() for t in md.parse(text, {})]


# One draft per block rule, each using it (so its rule must stay on), and
# look-alikes that must not switch a rule off wrongly.
BLOCKS = [
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "para\n\n    indented code\n",
    "-     code right after a list marker\n",
    ">     code in a quote\n",
    "```\nfenced\n```\n",
    "~~~ py\nfenced\n~~~\n",
    "> quoted\n> > nested\n",
    "text\n\n* * *\n\nmore\n",
    "text\n\n_ _ _\n",
    "- * * *\n",
    "1. ___\n\n2)\t- - -\n",
    "> - _ _ _\n>* * *\n",
    "para\n   -  -  -\n",
    "- a\n  > ***\n",
    "- a\n- b\n\n1. one\n2) two\n",
    "> - listed in a quote\n>   1. and nested\n",
    "- - nested on one line\n",
    "[label]: /url 'title'\n\n[label]\n",
    "[multi\nline]: /url\n",
    "<div>\nhtml block\n</div>\n",
    "<!-- factlint-disable -->\n",
    "# heading\n\n###### six\n",
    "Setext\n===\n\nTwo\n---\n",
    "- item\n  ---\n",
    "> Quoted setext\n> ===\n",
    "\tTabbed code\n",
    "Lone\rCR\r- list\r\r***\r",
    "plain words only, no markers at all\n",
]


@pytest.mark.parametrize("text", BLOCKS)
def test_reduced_parser_gives_the_full_token_stream(text: str) -> None:
    assert _tokens(D._parser(text), text) == _tokens(FULL, text)


def test_rules_whose_marker_is_absent_are_off() -> None:
    md = D._parser("Just a paragraph.\n\nAnd another.\n")
    enabled = set(md.block.ruler.get_active_rules())
    assert {"table", "fence", "blockquote", "html_block", "code", "heading"}.isdisjoint(enabled)
    assert "paragraph" in enabled


def test_reduced_parser_on_generated_markdown() -> None:
    rnd = random.Random(2026)
    pieces = ["-", "*", "+", "1.", "2)", ">", "#", "##", "|", "---", "===", "```", "~~~", "    ", "\t", " ",
              "<div>", "<!-- x -->", "[a]: /u", "[a]", "text", "Foo", "_", "***", "- - -", "\n", "\n", "\n\n",
              ":-", "`", "x|y"]
    checked = reduced = 0
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 25)))
        md = D._parser(text)
        reduced += len(md.block.ruler.get_active_rules()) < len(FULL.block.ruler.get_active_rules())
        assert _tokens(md, text) == _tokens(FULL, text), text
        checked += 1
    assert checked == 3000 and reduced > 2500


def test_paragraph_without_markup_skips_inline_pass_but_keeps_exclusions() -> None:
    doc = D.parse_document("Plain President Joe Biden.\n\nSee `code Biden` and [Biden](http://x/Biden).\n", "d.md")
    assert doc.segments[0].text == "Plain President Joe Biden."
    second = doc.segments[1].text
    assert "code Biden" not in second and "http" not in second and "and [Biden" + D.BARRIER in second



def test_excluded_text_across_lines_keeps_its_line_breaks_and_positions() -> None:
    doc = D.parse_document("Ask `code\nspan` and [Lee](http://x/a\n'T') now.\n  Then more.\n", "d.md")
    seg = doc.segments[0]
    b = D.BARRIER
    assert seg.text == f"Ask {b * 5}\n{b * 5} and [Lee{b * 12}\n{b * 4} now.\n  Then more."
    assert seg.position(seg.text.index("now")) == (3, 6) and seg.position(seg.text.index("Then")) == (4, 3)

_WORD = re.compile(r"[^\W_]+")


def _reference_gaps(text: str, toks) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[(toks[i - 1].tail if i else 0) : (toks[i].start if i < len(toks) else len(text))]
            for i in range(len(toks) + 1)]


@pytest.mark.parametrize("text", ["", "x", "Blinken's aide", "Biden’s and Xi`s", "a's's b", "_Lavrov_ said",
                                  "Kim Jong-un\nmet", "s 's", "Erdoğan's"])
def test_split_words_gaps_are_the_text_between_tokens(text: str) -> None:
    toks, gaps = split_words(text)
    assert len(gaps) == len(toks) + 1
    assert gaps == _reference_gaps(text, toks)
    assert "".join(g + text[t.start : t.tail] for g, t in zip(gaps, toks)) + gaps[-1] == text
    assert [text[t.start : t.end] for t in toks] == [t.raw for t in toks]
    words = {m.start(): m.group() for m in _WORD.finditer(text)}
    assert all(words[t.start] == t.raw for t in toks)
    assert tokenize(text) == toks


def test_possessive_s_joins_the_word_before() -> None:
    toks, gaps = split_words("Blinken's aide")
    assert [(t.raw, t.possessive) for t in toks] == [("Blinken", True), ("aide", False)]
    assert gaps == ["", " ", ""]


@pytest.mark.parametrize("front", [
    'title: "Salia and Ralistan: a deal"\ndate: 2024-06-21\ntags: [sl, ra, politics]',
    "title: 'Quoted # not a comment'\npublished: \"2024-06-21\"\nauthors: [Staff Reporter, A. N. Other]",
    "date: 2024-06-21T09:30:00Z\ndraft: true\ntags: []",
])
def test_flat_front_matter_read_without_yaml_matches_yaml(front: str) -> None:
    import yaml

    fast = D._simple_front_matter(front.split("\n"))
    assert fast is not None
    full = yaml.safe_load(front)
    assert set(fast) == set(full)
    assert D.front_matter_date(fast, "d.md") == D.front_matter_date(full, "d.md")
    for key, value in full.items():
        if isinstance(value, (str, list)):
            assert fast[key] == value


@pytest.mark.parametrize("front", ['title: "a \\" b"', "tags: [a, [b]]", "tags: [a, , b]", "x: {a: 1}", "t: >\n  folded"])
def test_other_front_matter_goes_to_yaml(front: str) -> None:
    assert D._simple_front_matter(front.split("\n")) is None


def test_invisible_characters_inside_a_word_keep_it_one_word() -> None:
    toks, gaps = split_words("Zelen\u00adskyy and Zelen\u200bsky\u00ad")
    assert [(t.raw, t.key) for t in toks] == [("Zelen\u00adskyy", "zelenskyy"), ("and", "and"), ("Zelen\u200bsky", "zelensky")]
    assert gaps[-1] == "\u00ad"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hi\n".encode("utf-16"), "UTF-16 text, not UTF-8"),
        (b"\xfe\xff" + "Hi\n".encode("utf-16-be"), "UTF-16 text, not UTF-8"),
        ("Hi\n".encode("utf-32"), "UTF-32 text, not UTF-8"),
        (b"\xff\xfe\x00binary", "binary file"),   # a BOM, then no UTF-16 text
        (b"\xef\xbb\xbf", "empty file"),
        (b"\xff\xfe", "empty file"),
        (b"\xef\xbb\xbf \r\n", "empty file"),
    ],
)
def test_decode_names_what_it_refuses(raw: bytes, expected: str) -> None:
    from factlint.document import decode
    from factlint.errors import DraftError

    with pytest.raises(DraftError, match=expected):
        decode(raw, "d.md")


def test_quoted_front_matter_date() -> None:
    from factlint.document import parse_document

    for value in ("'2024-06-21'", '"2024-06-21"', "2024-06-21"):
        assert str(parse_document(f"---\ndate: {value}\n---\nText.\n", "d.md").date) == "2024-06-21"


@pytest.mark.parametrize("text", ["", "x", "Blinken's aide", "Biden’s and Xi`s", "a's's b", "_Lavrov_ said",
                                  "Kim Jong-un\nmet", "s 's", "Erdoğan's", "Zelen\u00adskyy's “aide”", "snake_case 42x",
                                  "ASCII only, with 1,000 words and O'Brien's hat."])
def test_split_arrays_are_split_words_field_by_field(text: str) -> None:
    toks, gaps = split_words(text)
    w = split_arrays(text)
    assert w.starts == [t.start for t in toks] and w.ends == [t.end for t in toks]
    assert w.raws == [t.raw for t in toks] and w.keys == [t.key for t in toks]
    assert w.possessive == [t.possessive for t in toks] and w.stops == [t.stop for t in toks]
    assert w.gaps == gaps
    view = Tokens(text)
    assert view.toks == toks and view.keys == w.keys and view.n == len(toks)


def test_ascii_text_is_split_into_the_same_words_as_by_unicode_categories() -> None:
    assert [c for c in map(chr, range(128)) if bool(_SPLIT_ASCII_RE.fullmatch(c)) != bool(_SPLIT_RE.fullmatch(c))] == []
    text = "snake_case 42x, O'Brien's hat -- A.B. (Jr.) #tag @handle"
    assert _SPLIT_ASCII_RE.split(text) == _SPLIT_RE.split(text)
