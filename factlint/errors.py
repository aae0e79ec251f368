"""The one exception family of factlint.

Every error caused by bad input (a broken KB, a bad config or rule file, an
unreadable draft) is a :class:`FactlintError` that knows the file, line and
value at fault; the CLI turns it into one line on stderr and exit code 2.
Anything else that escapes is a bug.
"""
from __future__ import annotations


class FactlintError(Exception):
    """Bad input that a user can fix; ``str()`` is the one-line message."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


class ConfigError(FactlintError):
    """A bad configuration file or command-line option."""


class KnowledgeBaseError(FactlintError):
    """A KB file that is unreadable or breaks the KB contract."""


class KnowledgeBaseErrors(FactlintError):
    """Several KB problems found in one validation pass, reported together."""

    def __init__(self, errors: list[KnowledgeBaseError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class RuleError(FactlintError):
    """A rule file that is malformed, or an unknown rule code."""


class DraftError(FactlintError):
    """A draft that cannot be read (binary, not UTF-8, empty, missing)."""
