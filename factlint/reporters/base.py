"""What every reporter gets: the whole result at once, and the rules; and
the lines of a checked draft, for the reporters that show them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TextIO

from factlint.document import decode
from factlint.errors import FactlintError
from factlint.findings import Result
from factlint.fsio import MAX_DRAFT_BYTES, read_bytes
from factlint.rules import Rule


@dataclass
class Report:
    result: Result
    rules: dict[str, Rule]


class Reporter(Protocol):
    def write(self, report: Report, out: TextIO) -> None: ...


def source_lines(path: str) -> list[str]:
    """A checked draft's lines, read again to be shown ([] if it cannot be)."""
    try:
        return decode(read_bytes(Path(path), MAX_DRAFT_BYTES, FactlintError), path).split("\n")
    except FactlintError:
        return []
