"""What every reporter gets: the whole result at once, and the rules."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TextIO

from factlint.findings import Result
from factlint.rules import Rule


@dataclass
class Report:
    result: Result
    rules: dict[str, Rule]


class Reporter(Protocol):
    def write(self, report: Report, out: TextIO) -> None: ...
