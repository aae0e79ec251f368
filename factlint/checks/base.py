"""What every check kind sees and provides."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
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


class CheckKind(Protocol):
    """A kind of check that rule files ``extend``; options are validated against ``options``."""

    name: str
    options: dict[str, type]
    required: tuple[str, ...]
    needs_kb: bool

    def check(self, ctx: Context, options: dict[str, Any]) -> Iterable[Hit]: ...
