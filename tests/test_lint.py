"""Behaviour of the fact rules on short drafts: (text, date) -> findings."""
from __future__ import annotations

import pytest

from factlint import lint_text
from factlint.kb.index import KBIndex


def codes(kb: KBIndex, text: str, date: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in lint_text(text, kb=kb, date=date) if f.code != "FL202"]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # the motivating slip
        ("In response to the agreement, US President Joe Blinken said it.", "2024-06-21", [("FL103", "Joe Blinken")]),
        # right title, right date
        ("US President Joe Biden said it.", "2024-06-21", []),
        ("President Joe Biden said it.", "2024-06-21", []),
        ("The President of the United States, Joe Biden, said it.", "2024-06-21", []),
        # outdated: left, not yet, former while in office
        ("Secretary of State Antony Blinken said it.", "2025-03-01", [("FL102", "Antony Blinken")]),
        ("Ukrainian Foreign Minister Andrii Sybiha said it.", "2024-06-21", [("FL102", "Andrii Sybiha")]),
        ("Former President Donald Trump said it.", "2025-03-01", [("FL102", "Donald Trump")]),
        ("Former President Donald Trump said it.", "2023-03-01", []),
        ("Former Secretary of State Antony Blinken said it.", "2025-03-01", []),
        ("Ex-President Dmitry Medvedev said it.", "2023-03-01", []),
        # wrong office holder, prefix and apposition
        ("Ukrainian Prime Minister Dmytro Kuleba said it.", "2024-02-01", [("FL101", "Dmytro Kuleba")]),
        ("Antony Blinken, the US Defense Secretary, said it.", "2024-06-20", [("FL101", "Antony Blinken")]),
        ("Lloyd Austin, the Pentagon chief, said it.", "2024-06-20", []),
        ("Russian Foreign Minister Dmitry Peskov said it.", "2024-02-01", [("FL101", "Dmitry Peskov")]),
        # an unknown name where the office had a known holder
        ("US President John Smithers said it.", "2024-06-21", [("FL101", "John Smithers")]),
        # other offices never match the main one
        ("Deputy Foreign Minister Sergey Lavrov said it.", "2023-06-01", []),
        ("Vice President Kamala Harris said it.", "2023-06-01", []),
        ("Under Secretary of State Mike Pompeo said it.", "2023-06-01", []),
        ("First Deputy Prime Minister Dmytro Kuleba said it.", "2023-06-01", []),
        # a qualifier we do not know leaves the title alone
        ("Opposition leader Joe Biden said it.", "2024-06-21", []),
        ("Estonian prime minister Joe Biden said it.", "2024-06-21", []),
        # time in the sentence
        ("In 2019, President Donald Trump met Kim Jong-un.", "2024-11-15", []),
        ("In 2019, President Joe Biden met Kim Jong-un.", "2020-06-01", [("FL102", "Joe Biden")]),
        # the title of the article's date for an event of then: how news names people
        ("In 2019, President Joe Biden met Kim Jong-un.", "2024-11-15", []),
        ("In 2022, then-President Joe Biden approved it.", "2025-03-01", []),
        ("Then-President Joe Biden approved it.", "2025-03-01", []),
        ("President-elect Donald Trump promised it.", "2024-11-15", []),
        # a partial date gets the benefit of the doubt
        ("Kremlin spokesman Dmitry Peskov said it.", "2012-05-01", []),
        # modifiers and possessives, typography
        ("Ukraine\u2019s Foreign Minister Dmytro Kuleba\u2019s plan was praised.", "2023-06-01", []),
        ("Russian President Vladimir Putin's visit.", "2024-06-21", []),
        # misspellings
        ("US Secretary of State Anthony Blinken arrived.", "2023-03-10", [("FL201", "Anthony Blinken")]),
        ("Ukrainian Foreign Minister Dmitry Kuleba arrived.", "2023-03-10", [("FL201", "Dmitry Kuleba")]),
        ("President Volodymir Zelenskyy arrived.", "2023-03-10", [("FL201", "Volodymir Zelenskyy")]),
        # relatives and namesakes are not slips
        ("Kim Yo-jong, the sister of Kim Jong-un, said it.", "2024-03-01", []),
        ("First Lady Jill Biden and Hunter Biden were absent.", "2024-03-01", []),
        ("Donald Trump Jr. criticised it.", "2024-03-01", []),
    ],
)
def test_fact_rules(kb: KBIndex, text: str, date: str, expected: list[tuple[str, str]]) -> None:
    assert codes(kb, text, date) == expected


def test_conflation_message_names_holder(kb: KBIndex) -> None:
    (f,) = lint_text("US President Joe Blinken said it.", kb=kb, date="2024-06-21")
    assert f.code == "FL103" and f.rule == "conflated-name" and f.severity == "error"
    assert f.message.startswith('"Joe Blinken" mixes Joe Biden and Antony Blinken; on 2024-06-21 the US President was Joe Biden')
    assert f.suggestions == ("Joe Biden",)
    assert (f.line, f.column, f.end_column) == (1, 14, 25)  # "US President " is 13 characters


def test_wrapped_name_position(kb: KBIndex) -> None:
    text = "---\ndate: 2024-05-31\n---\n\nNATO said US President Joe\nBlinken had approved it.\n"
    (f,) = lint_text(text, kb=kb)
    assert (f.code, f.line, f.column, f.end_line, f.end_column) == ("FL103", 5, 24, 6, 8)


def test_consistency(kb: KBIndex) -> None:
    text = ("North Korean leader Kim Jong-un watched. Analysts said Kim Jong Un wanted it.\n\n"
            "Ukrainian President Volodymyr Zelenskyy spoke. Zelensky said so. Zelenskyy added.")
    found = [(f.code, f.text) for f in lint_text(text, kb=kb, date="2024-05-01") if f.code == "FL301"]
    assert found == [("FL301", "Kim Jong Un"), ("FL301", "Zelensky")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a shorter, ordered part of the first full mention: the same person
        ("Recep Tayyip Erdoğan spoke. Later Tayyip Erdoğan and Erdoğan left.", []),
        ("Donald J. Trump spoke. Later Donald Trump left.", []),
        # a longer later form, or a word spelled another way: still reported
        ("Donald Trump spoke. Later Donald J. Trump left.", ["Donald J. Trump"]),
        ("Recep Tayyip Erdoğan spoke. Later Erdogan left.", ["Erdogan"]),
        # a post's signature is not the first mention
        ("Great day! — Donald J. Trump (@realDonaldTrump) May 1, 2024\n\nDonald Trump said so.", []),
    ],
)
def test_consistency_allows_short_references(kb: KBIndex, text: str, expected: list[str]) -> None:
    assert [f.text for f in lint_text(text, kb=kb, date="2024-05-01") if f.code == "FL301"] == expected


def test_misspelled_not_reported_again_as_inconsistent(kb: KBIndex) -> None:
    text = "Antony Blinken arrived. Later Anthony Blinken left."
    found = [f.code for f in lint_text(text, kb=kb, date="2023-03-10")]
    assert found == ["FL201"]


def test_kb_as_of_makes_warnings(kb: KBIndex) -> None:
    # the fixture KB is current to 2026-06-01; Rubio's tenure is open-ended
    (f,) = lint_text("Secretary of State Antony Blinken said it.", kb=kb, date="2026-11-01")
    assert f.code == "FL102" and f.severity == "warning"
    assert "current to 2026-06-01" in f.message


def test_select_and_ignore(kb: KBIndex) -> None:
    text = "US President Joe Blinken and Secretary of State Anthony Blinken said it."
    assert {f.code for f in lint_text(text, kb=kb, date="2024-06-21", select=["FL2"])} == {"FL201"}
    assert {f.code for f in lint_text(text, kb=kb, date="2024-06-21", ignore=["conflated-name"])} == {"FL201"}


@pytest.mark.parametrize(
    "text",
    [
        "```\nUS President Joe Blinken\n```\n",
        "The phrase `US President Joe Blinken` is code.\n",
        "[a link](https://example.com/US-President-Joe-Blinken) and <https://x.org/Joe-Blinken>\n",
        "<!-- US President Joe Blinken -->\n",
        "<!-- factlint-disable-next-line -->\nUS President Joe Blinken said.\n",
        "<!-- factlint-disable FL103 -->\nUS President Joe Blinken said.\n<!-- factlint-enable -->\n",
    ],
)
def test_markdown_parts_not_checked(kb: KBIndex, text: str) -> None:
    assert lint_text(text, kb=kb, date="2024-06-21") == []


def test_disable_other_code_keeps_finding(kb: KBIndex) -> None:
    text = "<!-- factlint-disable FL201 -->\nUS President Joe Blinken said.\n"
    assert [f.code for f in lint_text(text, kb=kb, date="2024-06-21")] == ["FL103"]


def test_link_text_and_table_are_checked(kb: KBIndex) -> None:
    text = ("[Secretary of State Anthony Blinken](https://www.state.gov/antony-j-blinken/) met them.\n\n"
            "| Name | Title |\n|---|---|\n| Anthony Blinken | Secretary of State |\n")
    found = [(f.code, f.line, f.column) for f in lint_text(text, kb=kb, date="2024-05-31")]
    assert found == [("FL201", 1, 21), ("FL201", 5, 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Russian foreign minister, Dmitry Peskov, said it.", [("FL101", "Dmitry Peskov")]),
        ("North Korea's leader, Kim Jong-un, signed it.", []),
        ("After meeting the Russian president, Sergey Lavrov said it.", []),  # no closing comma: not apposition
        ("The US president, Joe Biden, and the foreign minister, Sergey Lavrov, met.", []),
    ],
)
def test_title_then_name_in_commas(kb: KBIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(kb, text, "2024-02-01") == expected


def test_returning_holder_is_reported_as_no_longer(kb: KBIndex) -> None:
    (f,) = lint_text("President Donald Trump says so.", kb=kb, date="2024-06-21")
    assert f.code == "FL102" and "left 2021-01-20" in f.message and f.suggestions == ("Joe Biden",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Antony Blinken \u2014 the US Defense Secretary \u2014 said so.", [("FL101", "Antony Blinken")]),
        ("Lloyd Austin (the Pentagon chief) agreed.", []),
        ("Antony Blinken arrived. Mr Blinkin said later that Secretary Blinken would stay.", [("FL201", "Blinkin")]),
    ],
)
def test_dashes_parentheses_and_honorifics(kb: KBIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(kb, text, "2024-06-20") == expected


def test_acronym_jurisdictions_are_not_pronouns(kb: KBIndex) -> None:
    assert codes(kb, "It told us President Antony Blinken was coming.", "2024-06-21") == []
    assert codes(kb, "US President Antony Blinken was coming.", "2024-06-21") == [("FL101", "Antony Blinken")]


@pytest.mark.parametrize(
    "text",
    [
        "The late Russian President Boris Yeltsin was remembered.",
        "Former US President Barack Obama spoke.",
        "Then-US President George Bush spoke.",
    ],
)
def test_unknown_name_with_time_modifier_is_not_wrong_holder(kb: KBIndex, text: str) -> None:
    assert codes(kb, text, "2024-06-21") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US President **Joe Blinken** said it.", [("FL103", "Joe Blinken")]),
        ("Secretary of State [Anthony Blinken](https://example.com/a) agreed.", [("FL201", "Anthony Blinken")]),
        ("Russian Foreign Minister *Dmitry Peskov* said it.", [("FL101", "Dmitry Peskov")]),
        ("**Antony Blinken**, the US Defense Secretary, said it.", [("FL101", "Antony Blinken")]),
        ("_US President_ Joe Biden was right.", []),
    ],
)
def test_markdown_emphasis_and_links_are_transparent(kb: KBIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(kb, text, "2024-06-21") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("During his 2019 visit, President Donald Trump met Kim Jong-un.", []),
        ("In mid-2019 President Donald Trump met Kim Jong-un.", []),
        ("About 2000 soldiers met President Donald Trump on Friday.", [("FL102", "Donald Trump")]),  # a count, not a year
    ],
)
def test_years_introduced_by_possessives(kb: KBIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(kb, text, "2024-06-21") == expected


def test_family_slip_right_after_a_title(kb: KBIndex) -> None:
    (f,) = lint_text("Russian Foreign Minister Lavrow said it.", kb=kb, date="2024-06-21")
    assert (f.code, f.text, f.suggestions) == ("FL201", "Lavrow", ("Lavrov",))
    assert lint_text("Russian Foreign Minister Lavrov said it.", kb=kb, date="2024-06-21") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lavrow, Russia's foreign minister, said it.", [("FL201", "Lavrow")]),
        ("Dr. Kulebba, Ukraine's foreign minister, said it.", [("FL201", "Kulebba")]),
        ("Mr Blinkenn, the US secretary of state, said it.", [("FL201", "Blinkenn")]),
        ("Lavrov, Russia's foreign minister, said it.", []),
        # not a letter off anyone who held that office
        ("Lavrenko, Russia's foreign minister, said it.", []),
        ("Blinkenn, the Russian foreign minister, said it.", []),
    ],
)
def test_family_slip_before_a_title_in_apposition(kb: KBIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(kb, text, "2024-06-21") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2017, the talks began. Two years later, Secretary of State Mike Pompeo visited.", []),
        ("In 2019, the talks began. A year earlier, Secretary of State Mike Pompeo visited.", []),
        ("In 2019, the talks began. At the time, Secretary of State Mike Pompeo said no.", []),
        ("In 2019, the talks began.\n\nThe following year, Secretary of State Mike Pompeo left.", []),
        ("In 2019, the talks began. Months later, Secretary of State Mike Pompeo left.", []),
        ("In 2012, the talks began. Several years later, Secretary of State Mike Pompeo left.", []),
        # the counted time is checked like any other
        ("In 2020, the talks began. Two years later, Secretary of State Mike Pompeo visited.",
         [("FL102", "Mike Pompeo")]),
        # a counted time before the KB's record of the office begins (2018 here): no claim
        ("In 2013, the talks began. Two years later, Secretary of State Mike Pompeo visited.", []),
        # without an earlier time in the draft, the article's date stands
        ("Two years later, Secretary of State Mike Pompeo says so.", [("FL102", "Mike Pompeo")]),
        # a later sentence without its own time is back at the article's date
        ("In 2019, the talks began. Secretary of State Mike Pompeo says so.", [("FL102", "Mike Pompeo")]),
    ],
)
def test_times_counted_from_the_last_one(kb: KBIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(kb, text, "2025-02-10") == expected


TABLE = """| Name | Title |
|---|---|
| {name} | {title} |
"""


@pytest.mark.parametrize(
    ("name", "title", "expected"),
    [
        ("Antony Blinken", "Secretary of State", []),
        ("Lloyd Austin", "Secretary of State", [("FL101", "Lloyd Austin")]),
        ("Joe Blinken", "US President", [("FL103", "Joe Blinken")]),
        ("Lloyd Austin", "Secretary of Defense in 2024", []),  # not a title alone: cells stay apart
        ("Lloyd Austin, Antony Blinken", "Secretary of State", []),  # more than one name
    ],
)
def test_a_title_cell_applies_to_the_name_cell_of_its_row(kb: KBIndex, name: str, title: str,
                                                           expected: list[tuple[str, str]]) -> None:
    assert codes(kb, TABLE.format(name=name, title=title), "2024-06-21") == expected


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("2019", []),
        ("March 2019", []),
        ("5 September 2019", []),
        ("2018–2021", []),
        ("2017 - present", []),
        ("2022 to 2023", [("FL102", "Mike Pompeo")]),
        ("2013 to 2016", []),  # before the KB's record of the office begins (2018 here)
        ("", [("FL102", "Mike Pompeo")]),  # no date in the row: the article's date
    ],
)
def test_a_date_cell_is_the_time_of_its_row(kb: KBIndex, when: str, expected: list[tuple[str, str]]) -> None:
    table = f"| When | What |\n|---|---|\n| {when} | Secretary of State Mike Pompeo visits |\n"
    assert codes(kb, table, "2025-02-10") == expected


def test_russian_form_of_a_ukrainian_given_name_is_a_misspelling(kb: KBIndex) -> None:
    (f,) = lint_text("President Vladimir Zelenskyy said it.", kb=kb, date="2024-06-21")
    assert (f.code, f.suggestions) == ("FL201", ("Volodymyr Zelenskyy",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the default KB lists Russia's presidents from 2012 only: Medvedev's 2008-2012 term is unknown to it
        ("Former Russian President Dmitry Medvedev said it.", []),
        ("Russia's former president Dmitry Medvedev said it.", []),
        # the Secretaries of State are listed back to the 1970s: Austin never was one
        ("Former Secretary of State Lloyd Austin said it.", [("FL101", "Lloyd Austin")]),
        # a near miss of a KB name, under a title of a country that person never served, is someone else
        ("US envoy to NATO Julianne Smith said it.", []),
        # ... and without a title, a given name off next to a family name many KB people share is too
        ("Julianne Smith said it.", []),
        # a role word that is part of the office's own title
        ("Chancellor Rachel Reeves said it.", []),
    ],
)
def test_precision_with_the_default_kb(default_kb: KBIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(default_kb, text, "2024-08-01") == expected


def test_a_titled_mix_up_needs_two_people_of_the_time(default_kb: KBIndex, kb: KBIndex) -> None:
    # No Gates of 2010 in the default KB (Secretaries of Defense are not in it): someone it does not know
    assert codes(default_kb, "Defense Secretary Robert Gates met them.", "2010-06-01") == []
    # Biden held the title then and Blinken was in office too: a mix-up
    assert codes(kb, "US President Joe Blinken met them.", "2024-06-21") == [("FL103", "Joe Blinken")]


MIX_KB = """
jurisdictions:
  - {id: os, name: Ostoria, adjectives: [Ostorian]}
  - {id: va, name: Valdar, adjectives: [Valdari]}
roles:
  - {id: president, name: President}
  - {id: governor, name: Central Bank Governor}
people:
  - {id: martin-gerber, name: Martin Gerber}
  - {id: beatriz-rios, name: Beatriz Rios}
  - {id: marta-rios, name: Marta Rios}
offices:
  - {id: os-president, role: president, jurisdiction: os, holders: [{person: martin-gerber, from: 2010-01-01}]}
  - {id: os-governor, role: governor, jurisdiction: os, holders: [{person: beatriz-rios, from: 2011-01-01}]}
  - {id: va-president, role: president, jurisdiction: va, holders: [{person: marta-rios, from: 2009-01-01}]}
"""


def test_a_near_name_of_someone_from_elsewhere_under_a_title_is_a_mix_up(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from factlint import load_kb

    (tmp_path / "kb.yaml").write_text(MIX_KB, encoding="utf-8")
    mix = load_kb([tmp_path / "kb.yaml"], default=False, cache=False)
    # Marta Rios never served Ostoria; its president Martin Gerber with a Rios is the likelier slip
    (f,) = lint_text("Ostorian President Martin Rios said it.", kb=mix, date="2013-04-05")
    assert (f.code, f.text, f.suggestions) == ("FL103", "Martin Rios", ("Martin Gerber",))
    # under a title of her own country the same name is a near miss of hers
    (g,) = lint_text("Valdari President Martin Rios said it.", kb=mix, date="2013-04-05")
    assert (g.code, g.suggestions) == ("FL201", ("Marta Rios",))


def test_a_title_several_countries_use_is_read_as_the_persons_own_country(default_kb: KBIndex) -> None:
    (f,) = lint_text("Secretary of Defense Marco Rubio said it.", kb=default_kb, date="2025-03-15")
    assert (f.code, f.suggestions) == ("FL101", ("Pete Hegseth",))
    assert "Trevilla" not in f.message


def test_former_title_never_held_says_what_they_were(default_kb: KBIndex) -> None:
    (f,) = lint_text("Former Secretary of State Lloyd Austin said it.", kb=default_kb, date="2024-08-01")
    assert f.code == "FL101"
    assert f.message == "Lloyd Austin never held the office of Secretary of State: Lloyd Austin was US Secretary of Defense"
    assert f.suggestions == ("former US Secretary of Defense Lloyd Austin",)


def test_an_outdated_title_names_the_holder_of_the_office_the_person_held(default_kb: KBIndex) -> None:
    (f,) = lint_text("Russian ambassador Andrey Kulik said it.", kb=default_kb, date="2024-06-21")
    assert f.code == "FL102"
    assert f.suggestions == ("Georgy Zinoviev",)
    assert "Ambassador of Russia to South Korea was Georgy Zinoviev" in f.message
