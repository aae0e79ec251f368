"""Output formats (an explicit registry)."""
from __future__ import annotations

from factlint.reporters.base import Report, Reporter
from factlint.reporters.concise import ConciseReporter
from factlint.reporters.json import JsonReporter
from factlint.reporters.text import TextReporter

REPORTERS: dict[str, Reporter] = {
    "text": TextReporter(),
    "concise": ConciseReporter(),
    "json": JsonReporter(),
}

__all__ = ["REPORTERS", "Report", "Reporter"]
