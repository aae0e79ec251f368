"""The title grammar: which offices a written title denotes.

Takes a segment's token view, the KB index and a token; gives the title
starting there, parsed as

    [modifiers] [jurisdiction] [modifiers] (role | office title) [-elect]
    [of JURISDICTION] [to HOST]

with the *set* of offices it denotes, its modifiers (normalised and as
written) and whether it denotes another office ("Deputy Foreign Minister",
"Putin's spokesman"). Also: whether an unknown word before a title makes it
one factlint does not know, a title in apposition after a name, and a table
cell that is a title and nothing else.
"""
from __future__ import annotations

from factlint.document import BARRIER
from factlint.kb.index import KBIndex
from factlint.lexicon import (
    ABBREVIATIONS,
    MODIFIERS,
    NEEDS_JURISDICTION,
    OPEN_CLASS_OK,
    OTHER_OFFICE,
    OTHER_OFFICE_BEFORE,
    POST_MODIFIERS,
    RELATIVE,
    TIME_MODIFIERS,
    Tense,
)
from factlint.mentions.model import Title
from factlint.mentions.tokens import SPACE, Tokens, is_word
from factlint.text import NO_MARKUP
from factlint.tuning import APPOSITION_CLOSERS, APPOSITION_OPENERS

_CLOSERS = frozenset(APPOSITION_CLOSERS)  # one character each (a set: "" is none of them)
_ARTICLES = ("the", "a", "an")


def _jurisdiction(v: Tokens, ix: KBIndex, j: int) -> tuple[int, list]:
    return v.walk(ix.jurisdictions, j, acronyms=ix.acronyms)


def _role_at(v: Tokens, ix: KBIndex, j: int) -> bool:
    """A role or office title starts at *j* (so "Vice President" is a role, not vice + president)."""
    return bool(v.walk(ix.roles, j)[1] or v.walk(ix.office_titles, j)[1] or v.walk(ix.shorthand_titles, j)[1])


def _as_written(v: Tokens, j: int) -> str:
    """Modifier *j* as written, lower-cased; "ex-" when a hyphen joins it to the next word."""
    word = v.raws[j].lower()
    return word + "-" if j + 1 < v.n and v.kinds[j + 1] == "hyphen" else word


def qualified(v: Tokens, i: int) -> bool:
    """An unknown word right before the title makes it a title we do not know."""
    if i == 0 or v.kinds[i] != "space" or BARRIER in v.gaps[i]:
        return False
    if v.possessive[i - 1]:
        return True  # "Putin's spokesman": not the title of the name that follows
    prev = v.keys[i - 1]
    return prev not in OPEN_CLASS_OK and prev not in TIME_MODIFIERS


def title_at(v: Tokens, ix: KBIndex, i: int) -> tuple[Title, int, bool] | None:
    """The title at token *i*, if a title can start with its word."""
    keys = v.keys
    key = keys[i]
    if key not in ix.candidate_keys:  # title starts and modifiers
        return None
    follow = ix.title_next.get(key)
    if follow is not None and (i + 1 == v.n or keys[i + 1] not in follow):
        return None  # "the" not before "Commission", "trade" not before "minister"
    return parse_title(v, ix, i) if is_word(v.raws[i]) else None


def _modifiers(v: Tokens, ix: KBIndex, i: int, j: int, mods: list[Tense], words: list[str]) -> tuple[int, bool]:
    """Modifiers from token *j* of the title starting at *i*, added to *mods*
    and *words*: (the token after them, whether one makes another office)."""
    keys, n = v.keys, v.n
    other = False
    while j < n and (j == i or v.joined(j)):
        key = keys[j]
        mod = MODIFIERS.get(key)
        if mod is not None and not mod.after and (mod.starts or j > i):
            mods.append(mod.tense)
            words.append(_as_written(v, j))
        elif key in OTHER_OFFICE and not _role_at(v, ix, j):
            other = True
        elif key in OTHER_OFFICE_BEFORE and j + 1 < n and keys[j + 1] == OTHER_OFFICE_BEFORE[key]:
            other = True  # "First Deputy Prime Minister"
        else:
            break
        j += 1
    return j, other


def _head(v: Tokens, ix: KBIndex, j: int) -> tuple[int, set[str], list, bool, bool] | None:
    """The role or office title at *j*: (end token, offices by their own
    title, role ids, whether the office's own title made it specific,
    whether that title is a short form derived from it)."""
    r_end, roles = v.walk(ix.roles, j)
    o_end, offices = v.walk(ix.office_titles, j)
    s_end, short = v.walk(ix.shorthand_titles, j)
    if short and s_end > max(r_end, o_end):
        return s_end, set(short), [], True, True  # "Health Secretary"
    if not roles and not offices:
        return None
    if offices and o_end > r_end:
        return o_end, set(offices), [], True, False
    if offices and o_end == r_end:
        # Both an office's own title and a generic role word ("Defense
        # Secretary"): generic, unless a jurisdiction says whose.
        return r_end, set(offices), roles, False, False
    return r_end, set(), roles, False, False


def _post_modifiers(v: Tokens, end: int, mods: list[Tense], words: list[str]) -> tuple[int, bool]:
    """"President-elect", "Foreign Minister designate": (end token, possessive)."""
    keys, n = v.keys, v.n
    possessive = v.possessive[end - 1]
    while end < n and v.joined(end, ("space", "hyphen")) and keys[end] in POST_MODIFIERS and not possessive:
        mods.append(POST_MODIFIERS[keys[end]])
        words.append(_as_written(v, end))
        possessive = v.possessive[end]
        end += 1
    return end, possessive


def _of_or_to(v: Tokens, ix: KBIndex, end: int) -> tuple[int, list, str] | None:
    """"President of Ukraine", "ambassador to South Korea": (end token,
    jurisdictions, "of" or "to") of the phrase at *end*."""
    keys, n = v.keys, v.n
    if not (end + 1 < n and v.joined(end, SPACE) and keys[end] in ("of", "to")):
        return None
    k = end + 1
    if keys[k] == "the" and k + 1 < n and v.joined(k + 1, SPACE):
        k += 1
    if not v.joined(k, SPACE):
        return None
    j_end, found = _jurisdiction(v, ix, k)
    return (j_end, found, keys[end]) if found else None


def _offices(ix: KBIndex, jurs: set[str], hosts: set[str], title_offices: set[str], role_ids: list) -> frozenset[str]:
    kb = ix.kb
    if jurs:
        office_ids = {o for o in title_offices if kb.offices[o].jurisdiction in jurs}
        office_ids.update(o for r in role_ids for jur in jurs for o in ix.offices_by_role_jur.get((r, jur), ()))
    else:
        office_ids = title_offices | {o for r in role_ids for o in ix.offices_by_role.get(r, ())}
    if hosts:
        office_ids = {o for o in office_ids if kb.offices[o].host in hosts}
    return frozenset(office_ids)


def parse_title(v: Tokens, ix: KBIndex, i: int) -> tuple[Title, int, bool] | None:
    """Parse a title at token *i*: (title, end token, denotes-another-office)."""
    keys, starts, ends, n = v.keys, v.starts, v.ends, v.n
    mods: list[Tense] = []
    words: list[str] = []
    jurs: set[str] = set()
    jur_at: int | None = None
    j, other = _modifiers(v, ix, i, i, mods, words)
    if j < n and (j == i or v.joined(j)):
        end, found = _jurisdiction(v, ix, j)
        if found:
            jurs = set(found)
            jur_at = j
            j, more = _modifiers(v, ix, i, end, mods, words)
            other = other or more
    if not (j < n and (j == i or v.joined(j))):
        return None
    head = _head(v, ix, j)
    if head is None:
        return None
    end, title_offices, role_ids, named, implied = head
    if not jurs and not title_offices and " ".join(keys[j:end]) in NEEDS_JURISDICTION \
            and _of_or_to(v, ix, end) is None:
        return None  # "Leader X": whose leader is not said
    specific = named or bool(jurs)
    end, possessive = _post_modifiers(v, end, mods, words)
    label_end = ends[end - 1]
    hosts: set[str] = set()
    phrase = None if possessive else _of_or_to(v, ix, end)
    if phrase is not None and (phrase[2] == "to" or not jurs):  # "of" names whose only if nothing did
        end, found, word = phrase
        if word == "of":
            jurs = set(found)
            specific = True
        else:
            hosts = set(found)
        label_end = ends[end - 1]
        possessive = v.possessive[end - 1]
    start = starts[i]
    if keys[end - 1] in ABBREVIATIONS and v.text[label_end : label_end + 1] == ".":
        label_end += 1  # "Sen."
    label = " ".join(v.text[starts[jur_at if jur_at is not None else j] : label_end].split())
    title = Title(start, ends[end - 1], " ".join(v.text[start : ends[end - 1]].split()),
                  _offices(ix, jurs, hosts, title_offices, role_ids), tuple(mods), specific,
                  label.replace("\u2019", "'"), tuple(words), named, implied and not jurs)
    return title, end, other or possessive


def appositive(v: Tokens, ix: KBIndex, e: int) -> tuple[Title, int, bool] | None:
    """'NAME, the TITLE,' — a title in apposition right after a name."""
    keys, n = v.keys, v.n
    if e >= n or BARRIER in v.gaps[e] or v.gaps[e].translate(NO_MARKUP).strip() not in APPOSITION_OPENERS:
        return None
    j = e
    if keys[j] in _ARTICLES and j + 1 < n and v.joined(j + 1, SPACE):
        j += 1
    parsed = parse_title(v, ix, j)
    if parsed is None:
        return None
    title, end, other = parsed
    if end < n:
        after = v.gaps[end].translate(NO_MARKUP).lstrip(" \t\n")
        if after[:1] == "." and keys[end - 1] in ABBREVIATIONS:
            return None  # "Ana Smith, Rep. Jo Lee": the abbreviation's period, and the title of the next name
        if not (after[:1] in _CLOSERS or (keys[end] in RELATIVE and v.kinds[end] == "space")):
            return None
    return title, end, other


def whole_title(v: Tokens, ix: KBIndex) -> Title | None:
    """The table cell is a title and nothing else ("Secretary of State")."""
    if not v.n:
        return None
    parsed = parse_title(v, ix, 0)
    if parsed is None or parsed[1] != v.n or parsed[2] or not parsed[0].offices:
        return None
    return parsed[0]
