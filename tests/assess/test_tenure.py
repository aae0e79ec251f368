"""factlint/assess/tenure.py: a title against a person's tenures at the date."""
from __future__ import annotations

import datetime as dt

import pytest

from factlint.assess import tenure
from factlint.assess.verdict import Situation, VerdictKind
from factlint.document import parse_document
from factlint.kb.index import KBIndex
from factlint.lexicon import Tense
from factlint.mentions import Mention, find_mentions


def titled(kb: KBIndex, text: str, date: str) -> Mention:
    """The one titled mention in *text*, read at *date*."""
    found = [m for m in find_mentions(parse_document(text, "<t>"), kb, dt.date.fromisoformat(date)) if m.title]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("President Joe Biden spoke.", "2023-05-01"),
        ("Former President Joe Biden spoke.", "2025-05-01"),
        ("Then-President Donald Trump spoke.", "2025-05-01"),  # held it before: "then-" fits
        ("In 2019, then-President Donald Trump spoke.", "2025-05-01"),
        ("Outgoing President Joe Biden spoke.", "2025-01-10"),
        ("Acting President Joe Biden spoke.", "2030-01-01"),  # acting holders are often missing: never judged
        ("President-elect Donald Trump spoke.", "2024-11-20"),
    ],
)
def test_titles_that_fit(kb: KBIndex, text: str, date: str) -> None:
    assert tenure.title_verdict(kb, titled(kb, text, date)) is None


@pytest.mark.parametrize(
    ("text", "date", "kind", "situation", "fields"),
    [
        ("President Joe Biden spoke.", "2025-05-01", VerdictKind.OUTDATED, Situation.LEFT,
         {"name": "Joe Biden", "left": "2025-01-20", "modifier": ""}),
        ("President Joe Biden spoke.", "2019-05-01", VerdictKind.OUTDATED, Situation.NOT_YET,
         {"since": "2021-01-20"}),
        ("Former President Donald Trump spoke.", "2025-05-01", VerdictKind.OUTDATED, Situation.STILL,
         {"modifier": "former", "since": "2025-01-20"}),
        ("Ex-President Donald Trump spoke.", "2025-05-01", VerdictKind.OUTDATED, Situation.STILL,
         {"modifier": "ex-"}),
        ("The late President Donald Trump spoke.", "2025-05-01", VerdictKind.OUTDATED, Situation.STILL,
         {"modifier": "late"}),
        ("President-elect Joe Biden spoke.", "2023-05-01", VerdictKind.OUTDATED, Situation.ALREADY,
         {"since": "2021-01-20"}),
        ("Ukrainian President Dmytro Kuleba spoke.", "2023-05-01", VerdictKind.WRONG_HOLDER, Situation.NEVER,
         {"name": "Dmytro Kuleba", "title": "Ukrainian President"}),
    ],
)
def test_titles_that_do_not_fit(kb: KBIndex, text: str, date: str, kind: VerdictKind, situation: Situation,
                                fields: dict[str, str]) -> None:
    v = tenure.title_verdict(kb, titled(kb, text, date))
    assert v is not None
    assert (v.kind, v.situation) == (kind, situation)
    assert {k: v.fields[k] for k in fields} == fields


def test_the_holder_then_is_named_instead(kb: KBIndex) -> None:
    v = tenure.title_verdict(kb, titled(kb, "Ukrainian Prime Minister Dmytro Kuleba spoke.", "2023-05-01"))
    assert v is not None
    assert v.suggestions == ("Denys Shmyhal",)
    assert v.fields["instead"].startswith("on 2023-05-01 the Ukrainian Prime Minister was Denys Shmyhal")


def test_a_sentence_time_is_what_the_title_is_judged_at(kb: KBIndex) -> None:
    m = titled(kb, "In 2018, President Joe Biden spoke.", "2020-05-01")
    assert m.explicit_time
    v = tenure.title_verdict(kb, m)
    assert v is not None and v.situation == Situation.NOT_YET and v.fields["on_date"] == "in 2018"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Former President Donald Trump spoke.", (Tense.FORMER, "former")),
        ("Ex-President Donald Trump spoke.", (Tense.FORMER, "ex-")),
        ("Then-President Donald Trump spoke.", (Tense.THEN, "then-")),
        ("President-elect Donald Trump spoke.", (Tense.INCOMING, "elect")),
        ("President Donald Trump spoke.", (Tense.CURRENT, "")),
    ],
)
def test_the_deciding_modifier_is_kept_as_written(kb: KBIndex, text: str, expected: tuple[Tense, str]) -> None:
    title = titled(kb, text, "2025-05-01").title
    assert title is not None
    assert tenure.modifier(title) == expected


def test_every_tense_has_a_judgement() -> None:
    assert set(tenure.TENSES) | {Tense.CURRENT} >= set(Tense)


# -- the knowledge boundary: no claim about a date before an office's record begins --------
# (the fixture KB's Secretary of State list starts in 2018, Ukraine's presidents in 2019)

@pytest.mark.parametrize(
    ("text", "date", "judged"),
    [
        ("Secretary of State Antony Blinken spoke.", "2015-05-01", False),  # who held it then is unknown
        ("Secretary of State Antony Blinken spoke.", "2019-05-01", True),   # not yet: Mike Pompeo held it
        ("Ukrainian President Denys Shmyhal spoke.", "2015-05-01", False),
        ("Ukrainian President Denys Shmyhal spoke.", "2021-05-01", True),
        # a title of several countries, some of them unknown then: someone busy in
        # another country's office is still judged
        ("President Dmitry Medvedev spoke.", "2016-05-01", True),
        # "former": any time before, and the record does not reach back before them
        ("Former Ukrainian President Denys Shmyhal spoke.", "2021-05-01", False),
    ],
)
def test_dates_before_the_record_of_the_office_are_not_judged(kb: KBIndex, text: str, date: str, judged: bool) -> None:
    m = titled(kb, text, date)
    assert (tenure.title_verdict(kb, m) is not None) == judged


@pytest.mark.parametrize(("date", "judged"), [("2015-05-01", False), ("2019-05-01", True)])
def test_an_unknown_name_is_judged_only_inside_the_record(kb: KBIndex, date: str, judged: bool) -> None:
    m = titled(kb, "Secretary of State Jane Roe spoke.", date)
    assert m.kind == "unknown"
    assert (tenure.unknown(kb, m) is not None) == judged
