"""Is a near miss a misspelling of a KB person, or someone the KB does not know?

Takes the compiled KB index, how often the draft names each person
(``named``: person id -> full or family-name mentions with one reading), a
near-miss mention (kind ``near``: a letter or so off a known name) and one
person it is near; gives the evidence that the person is meant, scored with
the weights of :mod:`factlint.tuning` (``NEAR_*``). A KB knows some people,
not everyone: "Paul Simon" is not a slip of Paul Simons, nor "Steven X" of
Stephen X, unless the draft gives reason to think the KB person is meant.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from rapidfuzz.distance import OSA

from factlint import tuning
from factlint.dates import Period
from factlint.kb.index import KBIndex
from factlint.lexicon import KEYBOARD_ROWS, SOUND_ALIKE, VOWELS
from factlint.mentions import Mention
from factlint.text import token_keys


def score(ix: KBIndex, named: dict[str, int], m: Mention, pid: str, words: Mapping[str, int] | None = None) -> int:
    """The evidence that the near miss *m* means *pid* (see ``tuning.NEAR_*``);
    *words*: how often the draft writes each name word."""
    total = 0
    tenures = ix.tenures(pid)
    if m.title is not None and any(t.office in m.title.offices for t in tenures):
        total += tuning.NEAR_TITLE_FITS  # the title is one of an office they held
    if named.get(pid, 0) > 0:
        total += tuning.NEAR_NAMED  # the draft names them elsewhere, in full
    around = Period(m.when.start - tuning.NEAR_PROMINENT_WINDOW, m.when.end + tuning.NEAR_PROMINENT_WINDOW, "")
    if any(t.may_cover(m.when) for t in tenures):
        total += tuning.NEAR_IN_OFFICE  # in some office at the date
    elif any(t.may_cover(around) for t in tenures):
        total += tuning.NEAR_PROMINENT  # in some office near it
    slip = _slip(ix, m, pid)
    if slip is not None:
        total += _typo(slip.written, slip.known)
        if slip.written in ix.name_words:
            total += tuning.NEAR_OTHER_NAME  # a name in its own right ("Steven", "Simon")
            if OSA.distance(slip.written, slip.known) > 1:
                total += tuning.NEAR_OTHER_NAME  # ... and more than a slip away: "Jane" is not "Jamie"
        if words is not None and words.get(slip.written, 0) > 1 and not words.get(slip.known, 0):
            total += tuning.NEAR_REPEATED  # written so again and again, never as the KB has it: another name
        sharing = _sharing(ix, slip)
        if sharing <= tuning.NEAR_DISTINCT_PEOPLE:
            total += tuning.NEAR_DISTINCT  # the rest of the name is rare: unlikely to be someone else's
        elif not slip.in_family:
            total += tuning.NEAR_SHARED_FAMILY  # another given name of a family many share ("Julianne Smith")
    return total


def _typo(written: str, known: str) -> int:
    """How typical a slip of the pen *written* is for *known*."""
    if OSA.distance(written, known) != 1:
        return 0
    if len(written) == len(known) and not _likely_swap(written, known):
        return tuning.NEAR_UNLIKELY_EDIT  # one consonant for another far away on the keyboard: "Comey", "Comer"
    score = tuning.NEAR_TYPO  # one letter changed, added or dropped, or two swapped
    if len(written) == len(known) - 1:
        score += tuning.NEAR_DROPPED  # a letter left out: the commonest slip
    return score


def _likely_swap(written: str, known: str) -> bool:
    """Two words of one length one edit apart: two letters swapped, or one
    letter for a vowel, a letter next to it on the keyboard or one that
    sounds alike (``lexicon.SOUND_ALIKE``)."""
    diff = [(a, b) for a, b in zip(written, known) if a != b]
    if len(diff) != 1:
        return True  # two letters swapped
    a, b = diff[0]
    return (a in VOWELS and b in VOWELS) or frozenset((a, b)) in SOUND_ALIKE or _adjacent(a, b)


def _adjacent(a: str, b: str) -> bool:
    """Neighbours on a QWERTY keyboard (same row or the row above or below)."""
    where = {c: (r, i + r / 2) for r, row in enumerate(KEYBOARD_ROWS) for i, c in enumerate(row)}
    if a not in where or b not in where:
        return False
    (ra, ca), (rb, cb) = where[a], where[b]
    return abs(ra - rb) <= 1 and abs(ca - cb) <= 1


def _sharing(ix: KBIndex, slip: _Diff) -> int:
    """How many KB people share the part of the name written right."""
    if slip.in_family:
        if not slip.given:
            return len(ix.kb.people)  # a family name alone: nothing else to go on
        return len({f.person for f in ix.by_given.get(slip.given[0], ())})
    return len({f.person for f in ix.by_family.get(slip.family, ())})


def meant(ix: KBIndex, named: dict[str, int], m: Mention, pid: str, words: Mapping[str, int] | None = None) -> bool:
    """Enough evidence that the near miss *m* is a misspelling of *pid*."""
    return score(ix, named, m, pid, words) >= tuning.NEAR_THRESHOLD


class _Diff(NamedTuple):
    """The one word written differently from a form of the person's name."""

    written: str
    known: str
    in_family: bool  # the word is (part of) the family name
    family: tuple[str, ...]
    given: tuple[str, ...]


def _slip(ix: KBIndex, m: Mention, pid: str) -> _Diff | None:
    """The one word of *m* that differs from a form of *pid* of the same length."""
    seen = token_keys(m.text)
    best: _Diff | None = None
    for nf in ix.forms_by_person.get(pid, ()):
        if nf.kind == "misspelling":
            continue
        if len(seen) == 1 and len(nf.family) == 1:  # a family name alone ("Lavrow")
            if seen[0] != nf.family[0]:
                cand = _Diff(seen[0], nf.family[0], True, nf.family, ())
                best = cand if best is None or _closer(cand, best) else best
            continue
        if len(nf.key) != len(seen):
            continue
        diff = [i for i, (a, b) in enumerate(zip(seen, nf.key)) if a != b]
        if len(diff) == 1:
            fam_from, fam_to = nf.family_span()
            cand = _Diff(seen[diff[0]], nf.key[diff[0]], fam_from <= diff[0] < fam_to, nf.family, nf.given)
            best = cand if best is None or _closer(cand, best) else best
    return best


def _closer(a: _Diff, b: _Diff) -> bool:
    return OSA.distance(a.written, a.known) < OSA.distance(b.written, b.known)
