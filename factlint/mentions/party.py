"""The party and state after a member of Congress's name: "(D-Vt.)", ", R-Texas,".

Takes a segment's token view, the KB index and the token after a name;
gives the :class:`~factlint.mentions.model.Title` the tag stands for (the
state's Senate and House offices, ``us-senator-<st>`` and
``us-representative-<st>`` as the us-congress importer names them, with
the party) and the token after the tag, or None. A tag is a party letter
(``lexicon.PARTY_LETTERS``), a dash and a state written as AP style
abbreviates it ("Vt.", "N.Y.", "Calif."), as a postal code or in full, in
parentheses or set off by commas. A wrong state or party is then a wrong
office holder (FL101), or an outdated title (FL102) if the member once
served that state for that party.
"""
from __future__ import annotations

import re

from factlint.kb.index import KBIndex
from factlint.lexicon import PARTY_LETTERS, US_STATE_AP, US_STATES
from factlint.mentions.model import Title
from factlint.mentions.tokens import Tokens

_TAG = re.compile(r"( ?\(|, ?)([DRI]) ?[-\u2013] ?([A-Z][A-Za-z. ]{0,16}?)(?=\)|,|;)")
_BY_NAME = {**{n.replace(" ", "").casefold(): c for c, n in US_STATES.items()},
            **{c.casefold(): c for c in US_STATES}, **{k: v for k, v in US_STATE_AP.items()}}
_CHAMBERS = ("senator", "representative")


def party_tag(v: Tokens, ix: KBIndex, e: int) -> tuple[Title, int] | None:
    """The tag right after the name that ends before token *e*."""
    if e == 0 or e > v.n:
        return None
    at = v.ends[e - 1]
    found = _TAG.match(v.text, at)
    if found is None:
        return None
    code = _BY_NAME.get(found[3].replace(".", "").replace(" ", "").casefold())
    if code is None:
        return None
    offices = frozenset(o for o in (f"us-{c}-{code.lower()}" for c in _CHAMBERS) if o in ix.kb.offices)
    if not offices:
        return None
    end = found.end()
    nxt = e
    while nxt < v.n and v.starts[nxt] < end:
        nxt += 1
    label = f"{found[2]}-{found[3].strip()}"
    title = Title(found.start(2), end, label, offices, (), True, label, party=PARTY_LETTERS[found[2]])
    return title, nxt


def narrowed(title: Title, tag: Title) -> Title:
    """A title before the name ("Sen.") and a tag after it: the offices both
    denote, with the tag's party; the title alone if they share none."""
    both = title.offices & tag.offices
    if not both:
        return title
    return Title(title.start, title.end, title.text, both, title.modifiers, True, f"{title.label} ({tag.label})",
                 title.modifier_words, title.named, False, party=tag.party)
