"""Name runs and what they resolve to.

Takes a segment's token view, the KB index and a token; gives the run of
capitalised words starting there and its :class:`Reading`: a known form
(full name, then a family name alone), a near miss of a known name, a mix of
two known people, or an unknown name after a title — or a :class:`Namesake`
("Donald Trump Jr.") to pass over. Also :func:`similar`, the one test of
"a plausible misspelling" used everywhere.
"""
from __future__ import annotations

from collections.abc import Callable

from rapidfuzz.distance import OSA

from factlint.document import BARRIER
from factlint.kb.index import KBIndex, NameForm
from factlint.lexicon import (
    HONORIFICS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    OPEN_CLASS_OK,
    ORGANISATION_WORDS,
    PLURAL_FAMILY_BEFORE,
)
from factlint.mentions.model import MentionKind, Namesake, Reading, Title
from factlint.mentions.tokens import Tokens, is_word
from factlint.text import written
from factlint.tuning import (
    GIVEN_NEAR_SIMILARITY,
    MAX_NAME_TOKENS,
    MIN_SIMILAR_LENGTH,
    MIN_SLIP_LENGTH,
    NEAR_MEMO_SIZE,
    NEAR_NAME_TOKENS,
    NEAR_SIMILARITY,
    SHORT_FORM_MIN_TOKENS,
    UNKNOWN_NAME_TOKENS,
)
from factlint.variants import variants

K = MentionKind
_NAME_JOINS = ("space", "hyphen", "dot", "apostrophe")  # "J.D. Vance", "O'Brien"
_FAMILY_TOKENS = (1, 2)  # a family name alone has one or two tokens
_UNTITLED_SPANS = (2, 3)  # a run with no title before it is tried for a near miss by this many words
_HANDLE = "(@"  # "Ana Smith (@anasmith)": the name an account posts under
_VARIANTS = variants()  # read once: factlint/data/name_variants.yaml


def similar(a: str, b: str, threshold: float) -> bool:
    """A plausible misspelling: same first letter, long enough, close enough."""
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < MIN_SIMILAR_LENGTH:
        return False
    return OSA.normalized_similarity(a, b) >= threshold


# -- runs ----------------------------------------------------------------------

def name_start(v: Tokens, i: int) -> bool:
    raw = v.raws[i]
    return raw[:1].isupper() and is_word(raw) and v.keys[i] not in OPEN_CLASS_OK


def run_end(v: Tokens, i: int) -> int:
    """The end of the run of capitalised words (and name particles) at *i*."""
    raws, n = v.raws, v.n
    j = i + 1
    words = 1  # parts joined by a hyphen or an apostrophe ("Al-Sabah") are one word
    while j < n and words < MAX_NAME_TOKENS and not v.possessive[j - 1]:
        gap = v.gaps[j]
        if gap == " ":  # the common case (a plain space is never a barrier)
            kind = "space"
        elif BARRIER in gap:
            break
        else:
            kind = v.kinds[j]
        if kind in ("hyphen", "apostrophe") and is_word(raws[j]):
            j += 1
            continue
        words += 1
        if kind in ("space", "dot") and raws[j][:1].isupper() and is_word(raws[j]):
            j += 1
        elif (kind == "space" and v.keys[j] in NAME_PARTICLES and j + 1 < n
              and v.kinds[j + 1] in ("space", "hyphen") and raws[j + 1][:1].isupper()):
            j += 1
        else:
            break
    return j


# -- exact forms ---------------------------------------------------------------

def pick_form(forms: list[NameForm], text: str) -> tuple[NameForm, str]:
    """The form written (and its kind), else the canonical one as a variant."""
    w = written(text)
    for nf in forms:
        if written(nf.text) == w:
            return nf, nf.kind
    canon = [f for f in forms if f.kind == "canonical"]
    return (canon or forms)[0], "variant"


def _full_form(v: Tokens, ix: KBIndex, a: int, b: int, titled: bool) -> Reading | Namesake | None:
    """The longest known form inside the run (at its start if *titled*)."""
    best: tuple[int, int, list] | None = None
    for s in ([a] if titled else range(a, b)):
        e, forms = v.walk(ix.names, s, _NAME_JOINS)
        if forms and e <= b and (best is None or e - s > best[1] - best[0]):
            best = (s, e, forms)
    if best is None:
        return None
    s, e, forms = best
    if e - s == 1 and b - a != 1 and not (titled and e == b):
        return None  # one known word inside a longer run: not enough
    if e < v.n and v.keys[e] in NAME_SUFFIXES and v.kinds[e] in ("space", "dot"):
        return Namesake(max(b, e + 1))
    nf, fk = pick_form(forms, v.span_text(s, e))
    if nf.kind == "misspelling":
        return Reading(K.MISSPELLING, s, e, tuple(dict.fromkeys(f.person for f in forms if f.kind == "misspelling")),
                       nf, fk)
    return Reading(K.NAME, s, e, tuple(dict.fromkeys(f.person for f in forms)), nf, fk)


def _family_alone(v: Tokens, ix: KBIndex, a: int, b: int, titled: bool) -> tuple[int, Reading | Namesake | None]:
    """"Blinken", "Mr Blinken", "Secretary Blinken": a family name after
    courtesy or title words the KB does not know as a title. Gives where the
    name starts (past those words) and the reading, if any."""
    keys = v.keys
    lead = a
    while not titled and lead < b - 1 and (keys[lead] in HONORIFICS or keys[lead] in ix.title_words):
        lead += 1
    if lead > a and tuple(keys[lead:b]) in ix.by_family:
        a = lead
    run = tuple(keys[a:b])
    if run not in ix.by_family:
        return a, None
    if b < v.n and keys[b] in NAME_SUFFIXES:
        return a, Namesake(b + 1)
    return a, Reading(K.FAMILY, a, b, ix.family_persons(run))


def not_a_person(v: Tokens, ix: KBIndex, a: int, b: int) -> bool:
    """The run of tokens [a, b) names no one: a company or an organisation ("Smith
    Holdings Ltd", "the Ana Smith Foundation"), the signature of a post
    ("Ana Smith (@anasmith) May 1, 2020"), or the plural of a family name
    ("the Smiths")."""
    if v.keys[b - 1] in ORGANISATION_WORDS or (b < v.n and v.gaps[b].lstrip().startswith(_HANDLE)):
        return True
    return a > 0 and v.keys[a - 1] in PLURAL_FAMILY_BEFORE and plural_family(ix, v.keys[b - 1])


def plural_family(ix: KBIndex, key: str) -> bool:
    """*key* is the plural of a known family name, and no name itself ("smiths")."""
    if key in ix.name_words or not key.endswith("s"):
        return False
    return (key[:-1],) in ix.by_family or (key.endswith("es") and (key[:-2],) in ix.by_family)


def resolve(v: Tokens, ix: KBIndex, a: int, b: int, titled: bool,
            title: Title | None = None) -> Reading | Namesake | None:
    """Interpret the capitalised run of tokens [a, b) (*titled*: right after *title*)."""
    if not_a_person(v, ix, a, b):
        return Namesake(b)
    got = _full_form(v, ix, a, b, titled)
    if got is None and titled:  # "Foreign Secretary Sir Ana Smith": the name after the courtesy words
        lead = a
        while lead < b - 1 and v.keys[lead] in HONORIFICS:
            lead += 1
        if lead > a:
            a = lead
            got = _full_form(v, ix, a, b, titled)
    if got is not None:
        return got
    a, got = _family_alone(v, ix, a, b, titled)
    if got is not None:
        return got
    # No exact form: a near miss, a mix of two people, or someone unknown.
    low, high = NEAR_NAME_TOKENS
    if titled:
        spans = [(a, b)]
    else:  # its last words, else its first: the run may hold other capitalised words
        spans = [(b - k, b) for k in _UNTITLED_SPANS if b - k >= a] + [(a, a + k) for k in _UNTITLED_SPANS if a + k < b]
    for s, e in spans:
        if low <= e - s <= high:
            found = near_or_mixed(v, ix, s, e, title)
            if found is not None:
                return found
    low, high = UNKNOWN_NAME_TOKENS
    if titled and low <= b - a <= high and all(
        is_word(raw) and raw[:1].isupper() and key not in ix.title_words and key not in OPEN_CLASS_OK
        for raw, key in zip(v.raws[a:b], v.keys[a:b])
    ):
        return Reading(K.UNKNOWN, a, b, ())
    if not titled and unknown_full_name(v, ix, a, b):
        return Reading(K.UNKNOWN, a, b, ())
    return None


def unknown_full_name(v: Tokens, ix: KBIndex, a: int, b: int) -> bool:
    """"Ana Marcos" with no title: a given name and a KB family name whose
    full form the KB does not know — someone else of that family, whose
    family name alone later in the draft is not a KB person's (see
    :func:`factlint.mentions.passes.settle_families`). The first word must
    read as a given name: a KB one, or any capitalised word not opening a
    sentence ("Yesterday Marcos said" is no name)."""
    if b - a != 2 or (v.keys[b - 1],) not in ix.by_family:
        return False
    first = v.keys[a]
    if first in ix.title_words or first in HONORIFICS or first in OPEN_CLASS_OK or v.possessive[a]:
        return False
    return first in ix.by_given or not (a == 0 or v.sentence_break(a))


# -- near misses and mix-ups ---------------------------------------------------

def holder_slip(v: Tokens, ix: KBIndex, k: int, title: Title) -> Reading | None:
    """'Foreign Minister Lavrow': one word after a title, a letter off the
    family name of someone who held one of its offices."""
    key = v.keys[k]
    if len(key) < MIN_SLIP_LENGTH or key in ix.name_words:
        return None
    near = [nf for oid in title.offices for t in ix.kb.offices[oid].holders
            for nf in ix.by_family_of(t.person)
            if nf.kind != "misspelling" and len(nf.family) == 1 and nf.family[0][:1] == key[:1]
            and similar(key, nf.family[0], NEAR_SIMILARITY)]
    people = tuple(dict.fromkeys(nf.person for nf in near))
    return Reading(K.NEAR, k, k + 1, people, near[0]) if len(people) == 1 else None


def _given_off(ix: KBIndex, keys: tuple[str, ...], accept: Callable[[str, str], bool]) -> list[NameForm]:
    """Known forms with the family name of *keys* and one given name that
    differs, as *accept* allows (written, known)."""
    near: list[NameForm] = []
    for fam_len in _FAMILY_TOKENS:
        if fam_len >= len(keys):
            break
        for family_first in (False, True):
            fam = keys[:fam_len] if family_first else keys[-fam_len:]
            given = keys[fam_len:] if family_first else keys[:-fam_len]
            for nf in ix.by_family.get(fam, ()):
                if nf.family_first != family_first or len(nf.given) != len(given):
                    continue
                diff = [(x, y) for x, y in zip(given, nf.given) if x != y]
                if len(diff) == 1 and accept(*diff[0]):
                    near.append(nf)
    return near


def _near_given(written_: str, known: str) -> bool:
    return similar(written_, known, GIVEN_NEAR_SIMILARITY) or (written_, known) in _VARIANTS.given_slip


def _near_forms(ix: KBIndex, keys: tuple[str, ...]) -> list[NameForm]:
    """Known forms one near-missed part away from *keys*."""
    # family name exact, given name a near miss ("Dmitry Kuleba", "Volodymir Zelenskyy")
    near = _given_off(ix, keys, _near_given)
    # given name exact, family name a near miss ("Antony Blinkin")
    family, initial = keys[-1], keys[-1][:1]
    for nf in ix.by_given_part.get(keys[:-1], ()):
        # (the initial first: ``similar`` needs it, and a common given name has hundreds of forms)
        if len(nf.family) == 1 and nf.family[0][:1] == initial and similar(family, nf.family[0], NEAR_SIMILARITY):
            near.append(nf)
    return near


_UNSEEN = object()


def near_or_mixed(v: Tokens, ix: KBIndex, s: int, e: int, title: Title | None = None) -> Reading | None:
    """Tokens [s, e) as a short form, a near miss or a mix of two people.

    A function of the words and the offices of a title that names them (a
    jurisdiction or an office's own title), so it is remembered on the
    index: drafts write the same names again and again, and a name the KB
    does not know would be searched for at each mention."""
    keys = tuple(v.keys[s:e])
    offices = title.offices if title is not None and title.specific else None
    memo = ix.near_readings
    got = memo.get((keys, offices), _UNSEEN)
    if got is _UNSEEN:
        got = _near_reading(ix, keys, offices)
        if len(memo) < NEAR_MEMO_SIZE:
            memo[keys, offices] = got
    return None if got is None else Reading(got.kind, s, e, *got[3:])  # type: ignore[union-attr]


def _near_reading(ix: KBIndex, keys: tuple[str, ...], offices: frozenset[str] | None) -> Reading | None:
    """What :func:`near_or_mixed` reads *keys* as (tokens [0, len(keys)))."""
    s, e = 0, len(keys)
    # A short form: first given name and family name of a longer form
    # ("Recep Erdogan" for Recep Tayyip Erdoğan).
    if len(keys) == 2:
        short = [nf for nf in ix.by_first_and_family.get((keys[0], keys[1:]), ())
                 if len(nf.key) >= SHORT_FORM_MIN_TOKENS and nf.kind != "misspelling"]
        people = tuple(dict.fromkeys(nf.person for nf in short))
        if len(people) == 1:
            return Reading(K.NAME, s, e, people, short[0], "variant")
    # The same given name in another form ("Ken" for Kenneth, "Mohammad" for
    # Mohammed): the person, written another way. Against the canonical name
    # only: "Anthony" is not the "Tony" of an alias but a slip for "Antony".
    same = [nf for nf in _given_off(ix, keys, lambda a, b: (a, b) in _VARIANTS.given_same) if nf.kind == "canonical"]
    # ... and the family name in another transliteration ("Zelenskiy" for Zelenskyy)
    same += [nf for nf in ix.by_given_part.get(keys[:-1], ()) if nf.kind == "canonical" and len(nf.family) == 1
             and (keys[-1], nf.family[0]) in _VARIANTS.family_same]
    people = tuple(dict.fromkeys(nf.person for nf in same))
    if len(people) == 1:
        return Reading(K.NAME, s, e, people, same[0], "variant")
    near = _near_forms(ix, keys)
    if near:
        persons = tuple(dict.fromkeys(nf.person for nf in near))
        if offices is not None and not ix.served(persons, offices):
            # "President of Ostoria Martin Rios": not Marta Rios, who never
            # served Ostoria, but its president Martin Gerber mixed with a Rios
            mix = mixed(ix, keys, s, e)
            if mix is not None and ix.served(mix.persons, offices, exact=True):
                return mix
        return Reading(K.NEAR, s, e, persons, near[0])
    return mixed(ix, keys, s, e)


def mixed(ix: KBIndex, keys: tuple[str, ...], s: int, e: int) -> Reading | None:
    """A mix of two people: one's given name with another's family name ("Joe Blinken")."""
    for fam_len in _FAMILY_TOKENS:
        if fam_len >= len(keys):
            break
        fam, given = keys[-fam_len:], keys[:-fam_len]
        fam_people = {nf.person for nf in ix.by_family.get(fam, ()) if not nf.family_first and nf.given}
        if not fam_people:
            continue
        given_people = {nf.person for nf in ix.by_given_part.get(given, ())}
        if len(given) == 1:  # "Martin" also of "Martin Viktor Novak"
            given_people.update(nf.person for nf in ix.by_given.get(given[0], ()) if not nf.family_first)
        if given_people and not (fam_people & given_people):
            return Reading(K.CONFLATED, s, e, tuple(sorted(given_people)), family_persons=tuple(sorted(fam_people)))
    return None
