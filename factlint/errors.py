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


class NetworkError(FactlintError):
    """A remote service cannot be reached or gives no usable answer (``kb update``)."""


class OutputError(FactlintError):
    """The report cannot be written (a full disk, a closed standard output)."""


MAX_QUOTED = 200  # characters of a bad value an error message quotes, at most


def shown(value: object, limit: int = MAX_QUOTED) -> str:
    """``repr(value)`` cut to *limit* characters (ending in "…" when cut).

    Built piece by piece with a budget, so that a huge value (a 5 MB string,
    a structure a YAML alias expands, a 5,000-digit number) costs no more
    than what is shown.
    """
    out: list[str] = []
    size = 0

    def emit(piece: str) -> bool:
        nonlocal size
        out.append(piece)
        size += len(piece)
        return size > limit

    def walk(v: object, depth: int) -> bool:  # True: the budget is spent
        if depth > 20:
            return emit("…")
        if isinstance(v, dict):
            pairs: list[tuple[object, object]] = list(v.items())
            if emit("{"):
                return True
            for i, (k, x) in enumerate(pairs):
                if (i and emit(", ")) or walk(k, depth + 1) or emit(": ") or walk(x, depth + 1):
                    return True
            return emit("}")
        if isinstance(v, (list, tuple)):
            if emit("[" if isinstance(v, list) else "("):
                return True
            for i, x in enumerate(v):
                if (i and emit(", ")) or walk(x, depth + 1):
                    return True
            return emit("]" if isinstance(v, list) else ",)" if len(v) == 1 else ")")
        if isinstance(v, str):
            return emit(repr(v[: limit + 1]))
        if isinstance(v, int) and not isinstance(v, bool) and v.bit_length() > 4 * limit:
            return emit(f"<a number of about {int(v.bit_length() * 0.30103)} digits>")
        return emit(repr(v)[: limit + 1])

    walk(value, 0)
    text = "".join(out)
    return text if len(text) <= limit else text[: limit - 1] + "…"
