"""What every check kind sees and provides."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from factlint.assess import Verdict
from factlint.document import Document
from factlint.findings import Hit
from factlint.kb.index import KBIndex
from factlint.mentions import Mention


@dataclass
class Context:
    """One draft, analysed once and shared by all checks."""

    doc: Document
    index: KBIndex | None
    date: dt.date
    mentions: list[Mention] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)


def reads_as(ctx: Context, segment: int, start: int, suggestion: str) -> bool:
    """The draft, from *start* on, already reads *suggestion*: a name whose
    form runs on past the words the mention covers ("Albert II, Prince of
    Monaco" read as "Albert II") is written as suggested, not a variant."""
    text = ctx.doc.segments[segment].text
    want = " ".join(suggestion.split())
    got = " ".join(text[start : start + 2 * len(suggestion) + 2].split())
    if not got.startswith(want):
        return False
    rest = got[len(want) : len(want) + 1]
    return not (rest.isalnum() and want[-1:].isalnum())


# The fields and situations a check kind reports: situation -> the fields
# every hit in that situation provides. A kind with one situation uses "".
Situations = Mapping[str, frozenset[str]]


class CheckKind(Protocol):
    """A kind of check that rule files ``extend``.

    Options are validated against ``options`` (their types), ``choices``
    (closed sets of values) and ``required``; a rule's message templates
    against ``situations(options)``, when the rule is loaded.
    """

    name: str
    options: dict[str, type]
    required: tuple[str, ...]
    needs_kb: bool
    choices: dict[str, tuple[str, ...]]

    def situations(self, options: dict[str, Any]) -> Situations: ...

    def validate(self, options: dict[str, Any]) -> str | None:
        """What is wrong with option values beyond their types, if anything."""
        ...

    def check(self, ctx: Context, options: dict[str, Any]) -> Iterable[Hit]: ...
