"""Output formats (an explicit registry)."""
from __future__ import annotations

from factlint.reporters.base import Report, Reporter
from factlint.reporters.concise import ConciseReporter
from factlint.reporters.github import GithubReporter
from factlint.reporters.html import HtmlReporter
from factlint.reporters.json import JsonReporter
from factlint.reporters.sarif import SarifReporter
from factlint.reporters.text import TextReporter

REPORTERS: dict[str, Reporter] = {
    "text": TextReporter(),
    "concise": ConciseReporter(),
    "json": JsonReporter(),
    "sarif": SarifReporter(),
    "github": GithubReporter(),
    "html": HtmlReporter(),
}

__all__ = ["REPORTERS", "Report", "Reporter"]
