"""Closed word lists the mention finder relies on.

They are language facts, not KB facts, so they live here rather than in the
KB. All entries are folded (lower-case, no diacritics).
"""
from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

class Tense(StrEnum):
    """What a modifier says about holding the office at the time described."""

    FORMER = "former"      # held it before, no longer
    THEN = "then"          # held it at the time described
    OUTGOING = "outgoing"  # holds it, or has only just left
    INCOMING = "incoming"  # has not taken it yet, or only just
    ACTING = "acting"      # holds it for now (often missing from a KB)
    CURRENT = "current"    # holds it now ("new")


class Modifier(NamedTuple):
    """A word that changes what a title asserts about time (DESIGN.md)."""

    tense: Tense
    after: bool = False   # written after the title: "President-elect", "Foreign Minister designate"
    starts: bool = True   # may be a title's first word ("new" may not: "New Zealand")


MODIFIERS: dict[str, Modifier] = {
    "former": Modifier(Tense.FORMER), "ex": Modifier(Tense.FORMER), "late": Modifier(Tense.FORMER),
    "onetime": Modifier(Tense.FORMER),
    "then": Modifier(Tense.THEN),
    "outgoing": Modifier(Tense.OUTGOING),
    "incoming": Modifier(Tense.INCOMING), "new": Modifier(Tense.CURRENT, starts=False),
    "acting": Modifier(Tense.ACTING), "interim": Modifier(Tense.ACTING), "caretaker": Modifier(Tense.ACTING),
    "elect": Modifier(Tense.INCOMING, after=True), "designate": Modifier(Tense.INCOMING, after=True),
    "nominee": Modifier(Tense.INCOMING, after=True),
}
# The same table by position: before the title, and after it.
TIME_MODIFIERS: dict[str, Tense] = {w: m.tense for w, m in MODIFIERS.items() if not m.after}
POST_MODIFIERS: dict[str, Tense] = {w: m.tense for w, m in MODIFIERS.items() if m.after}

# Words that make a different office: "Deputy Foreign Minister" never matches
# the Foreign Minister.
OTHER_OFFICE = frozenset("deputy vice assistant under associate shadow junior co".split())
# Words that make a different office only before the word given here:
# "First Deputy Prime Minister" (but "First Lady", "first President").
OTHER_OFFICE_BEFORE: dict[str, str] = {"first": "deputy"}

# Words that may stand right before a title without changing which office it
# is. Any other word there ("opposition leader", "Microsoft President",
# "Estonian prime minister" with no Estonia in the KB) makes the title one
# factlint does not know, and it is left alone: a false alarm costs more.
OPEN_CLASS_OK = frozenset("""
a an the and or but nor as at by for from in into of on onto to with without about after against among
before between during like near over since than through until upon via while when where whom who which that
this these those his her its their our your my he she they it we i you
said says say told tells tell asked asks according added adds met meets meeting called calls praised
thanked urged warned criticised criticized accused welcomed rejected joined replaced succeeded named
appointed elected visited visits hosted hosts greeted spoke speaking wrote writes signed signs
also now is was were be been being are has had have will would could should may might can did does do not
only even both either neither later earlier once yesterday today tonight currently still recently already
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
""".split())

# Name suffixes and regnal numbers: "Donald Trump Jr." is not Donald
# Trump, and neither is a family name ("Mswati III" is of the family Mswati).
NAME_SUFFIXES = frozenset("jr sr ii iii iv v vi vii viii junior senior".split())

# Lower-case words that may sit inside a name ("Mohammed bin Salman"); in
# the KB they belong to the family name ("Ursula von der Leyen").
NAME_PARTICLES = frozenset("al el bin ibn bint van von der den de del della di da dos das du la le ter ten y".split())

# Words that introduce the time of a clause: "In 2019, ...", "on 12 June 2018".
TIME_PREPOSITIONS = ("in", "on", "during")
# Words that make the year after them a time: "his 2016 visit", "in early 2019".
YEAR_INTRODUCERS = frozenset("his her their its a an early late mid".split())

# Counts in relative times ("two years later"; "several" and "a few" are
# read as two to nine) and how far the spans they count may reach, in days.
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
SPANS = {"days": 31, "day": 31, "weeks": 92, "week": 92, "months": 366, "month": 366}

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr gen col lt sgt prof rep sen gov pres amb no vs etc".split())

# Words after a name that open a relative clause: an appositive title may end there.
RELATIVE = frozenset("who whose which".split())

# Courtesy titles and styles before a name: "Mr Blinken" is a mention of
# Blinken, "Sir John Smith" of John Smith (a KB form that includes the word,
# "Lord Smith", is still matched first).
HONORIFICS = frozenset("""mr mrs ms miss dr sir dame lord lady prof madam monsieur herr
sen rep gov gen col ayatollah sheikh""".split())

# Words that end the name of a company or an organisation: "Smith Holdings
# Ltd", "the Ana Smith Foundation", "the Ostoria Farmers Association" are
# not people, whoever the words before them name.
ORGANISATION_WORDS = frozenset("""ltd limited inc incorporated corp corporation co cos plc llc llp
company companies holdings foundation association institute institution society federation trust
university college""".split())

# Words of the furniture around pictures: a paragraph where one numbers a
# gallery ("Caption 5 of 20", "Photo 3 of 12"), credits a picture ("Photo:
# A. Smith/Agency") or calls it a "file photo" is a caption.
CAPTION_WORDS = ("caption", "photo", "photograph", "image", "slide", "picture")

# Words before a plural family name: "the Smiths" are a family, not a
# misspelling of Smith.
PLURAL_FAMILY_BEFORE = frozenset(("the",))

# Russian and Ukrainian forms of the same given name: writing one for the
# other is a misspelling ("Vladimir Zelenskyy"), not a mix of two people.
_GIVEN_NAME_FORMS = [
    ("vladimir", "volodymyr"), ("aleksandr", "oleksandr"), ("alexander", "oleksandr"), ("dmitry", "dmytro"),
    ("dmitri", "dmytro"), ("sergei", "serhiy"), ("sergey", "serhii"), ("sergei", "serhii"), ("sergey", "serhiy"),
    ("andrei", "andriy"), ("andrey", "andrii"), ("andrei", "andrii"), ("andrey", "andriy"),
    ("alexei", "oleksiy"), ("alexei", "oleksii"), ("aleksei", "oleksii"), ("alexey", "oleksiy"),
    ("yuri", "yuriy"), ("yuri", "yurii"), ("mikhail", "mykhailo"), ("nikolai", "mykola"), ("pavel", "pavlo"),
    ("pyotr", "petro"), ("grigory", "hryhoriy"), ("olga", "olha"), ("yevgeny", "yevhen"), ("ivan", "ivan"),
    ("vitaly", "vitaliy"), ("vitali", "vitalii"), ("anatoly", "anatoliy"), ("denis", "denys"), ("vadim", "vadym"),
    ("kirill", "kyrylo"), ("igor", "ihor"), ("oleg", "oleh"), ("valery", "valerii"), ("valery", "valeriy"),
]
GIVEN_NAME_FORMS: frozenset[tuple[str, str]] = frozenset(
    pair for a, b in _GIVEN_NAME_FORMS if a != b for pair in ((a, b), (b, a))
)
