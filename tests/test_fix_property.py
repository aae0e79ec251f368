"""The fix engine's property: a fix replaces exactly the marked span with the
suggestion, only where the span is plain written text, and the fixed text,
checked again, has nothing left to fix there. Checked over every person of
the default KB and over generated drafts with markup."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.engine import Linter, Settings
from factlint.fix import fix_source, split_source
from factlint.kb.index import KBIndex
from factlint.rules import load_rules

RULES = load_rules()


def fixer(kb: KBIndex):  # type: ignore[no-untyped-def]
    linter = Linter(kb, RULES, Settings(date=dt.date(2024, 6, 21)))

    def fix(text: str) -> str:
        lines, _, _ = fix_source(linter, split_source(text.encode("utf-8"), "d.md"), "d.md")
        return "\n".join(lines)

    return fix


def test_every_person_of_the_default_kb_survives_fix_twice(default_kb: KBIndex) -> None:
    """Canonical names written correctly are left byte for byte; every alias
    and listed misspelling settles in one run (a second run changes nothing)
    and never grows past the person's longest known form."""
    fix = fixer(default_kb)
    problems = []
    checked = Counter()
    for p in default_kb.kb.people.values():
        longest = max(len(x) for x in (p.name, *p.aliases))
        for form, kind in [(p.name, "canonical"), *((a, "alias") for a in p.aliases),
                           *((m, "misspelling") for m in p.misspellings)]:
            text = f"{form} said it.\n\nLater {form} spoke.\n"
            once = fix(text)
            checked[kind] += 1
            if kind == "canonical" and once != text:
                problems.append(("canonical changed", form, once))
            elif fix(once) != once:
                problems.append(("second run changes it", form, once))
            elif len(once) - len(" said it.\n\nLater  spoke.\n") > 2 * max(longest, len(form)):
                problems.append(("grew", form, once))
    assert problems == []
    assert checked["canonical"] == len(default_kb.kb.people) and checked["alias"] > 3000


# -- generated drafts with markup ------------------------------------------------------------

MARKUP = "*_`[]()<>"


def _forms(kb: KBIndex) -> list[str]:
    return sorted({f for p in kb.kb.people.values() for f in (p.name, *p.aliases, *p.misspellings)})


def _wrapped(word: str, how: str) -> str:
    return {"plain": word, "em": f"_{word}_", "strong": f"**{word}**", "code": f"`{word}`",
            "link": f"[{word}](https://example.com/{word.replace(' ', '-')})"}[how]


@st.composite
def drafts(draw: st.DrawFn, forms: list[str]) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        words = []
        for _ in range(draw(st.integers(1, 3))):
            name = draw(st.sampled_from(forms))
            parts = name.split()
            how = [draw(st.sampled_from(["plain", "plain", "em", "strong", "code", "link"])) for _ in parts]
            if draw(st.booleans()):
                parts = [_wrapped(w, h) for w, h in zip(parts, how)]
            else:
                parts = [_wrapped(" ".join(parts), how[0])]
            title = draw(st.sampled_from(["", "President ", "Foreign Minister ", "Former US Secretary of State "]))
            words.append(title + " ".join(parts) + draw(st.sampled_from([" said.", " met them,", "'s aide spoke.", "."])))
        paragraphs.append(" ".join(words))
    return "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def small(kb: KBIndex):  # type: ignore[no-untyped-def]
    return fixer(kb), _forms(kb)


def test_fixing_generated_drafts_settles_and_keeps_markup(small) -> None:  # type: ignore[no-untyped-def]
    fix, forms = small

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(drafts(forms))
    def check(text: str) -> None:
        once = fix(text)
        assert fix(once) == once  # a second run changes nothing
        assert Counter(c for c in once if c in MARKUP) == Counter(c for c in text if c in MARKUP)
        assert once.count("\n") == text.count("\n")

    check()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each is written right, or its fix would corrupt it: left as it is
        ("US Secretary of State Anthony _Blinken_ said.\n", "US Secretary of State Anthony _Blinken_ said.\n"),
        ("**Sergei** Lavrov said.\n", "**Sergei** Lavrov said.\n"),
        # plain text is fixed, exactly the span
        ("US Secretary of State Anthony Blinken said.\n", "US Secretary of State Antony Blinken said.\n"),
        ("Sergei Lavrov said. Later Sergei Lavrov left.\n", "Sergey Lavrov said. Later Sergey Lavrov left.\n"),
    ],
)
def test_fix_cases(kb: KBIndex, text: str, expected: str) -> None:
    assert fixer(kb)(text) == expected


# -- the reproductions of issue 11, with the default KB --------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Albert II, Prince of Monaco said.\n",
        "Lord Ahmad of Wimbledon said.\n",
        "Hans-Adam II said. Hans-Adam II, Prince of Liechtenstein agreed.\n",
        "Mishal Al-Ahmad Al-Jaber Al-Sabah said.\n",
        "Tommy Remengesau Jr. said.\n",
        "Mohammed VI of Morocco said.\n",
    ],
)
def test_names_written_right_are_left_alone(default_kb: KBIndex, text: str) -> None:
    fix = fixer(default_kb)
    assert fix(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thomas Remengesau Jr. said.\n", "Tommy Remengesau Jr. said.\n"),  # no doubled full stop
        ("Cristina Firn\u00e1ndez de Kirchner said.\n", "Cristina Fern\u00e1ndez de Kirchner said.\n"),
        ("Joseph R. Biden Jr. said.\n", "Joseph R. Biden Jr. said.\n"),  # the stop of "Jr." would be left behind
        ("Later el-Sisi spoke.\n", "Later el-Sisi spoke.\n"),  # part of a written word
    ],
)
def test_a_fix_replaces_exactly_the_written_name(default_kb: KBIndex, text: str, expected: str) -> None:
    fix = fixer(default_kb)
    assert fix(text) == expected
    assert fix(expected) == expected
