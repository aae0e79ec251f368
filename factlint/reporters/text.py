"""``--format text`` (default): the source line with the span underlined.

A line longer than ``WIDTH`` characters is shown as a window of that many
characters around the span, cut with "…" (a one-line 5 MB draft would
otherwise be printed whole for every finding).

Colour comes from rich when writing to a terminal and ``NO_COLOR`` is not
set; otherwise the same layout is plain text.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.text import Text

from factlint.reporters.base import Report, source_lines

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
WIDTH = 120  # characters of a long source line shown around a finding's span


class TextReporter:
    def write(self, report: Report, out: TextIO) -> None:
        color = out.isatty() and not os.environ.get("NO_COLOR")
        console = Console(file=out, force_terminal=color, no_color=not color, highlight=False,
                          soft_wrap=True, width=10_000 if not color else None)
        sources: dict[str, list[str]] = {}
        for f in report.result.findings:
            if f.path not in sources:
                sources[f.path] = source_lines(f.path)
            lines = sources[f.path]
            head = Text()
            head.append(f"{f.path}:{f.line}:{f.column}: ", style="bold")
            head.append(f"{f.code} ", style=STYLE[f.severity])
            head.append(f"[{f.severity}] ", style=STYLE[f.severity])
            head.append(f.message)
            console.print(head)
            if 0 < f.line <= len(lines):
                src = lines[f.line - 1].expandtabs(1)
                end = f.end_column if f.end_line == f.line else len(src) + 1
                src, column, end = window(src, f.column, end)
                gutter = f"{f.line:>5} | "
                console.print(Text(gutter, style="dim") + Text(src))
                marker = " " * (column - 1) + "^" * max(end - column, 1)
                console.print(Text(" " * (len(gutter) - 2) + "| ", style="dim") + Text(marker, style=STYLE[f.severity]))
            if f.suggestions:
                console.print(Text("      = suggestion: ", style="dim") + Text(", ".join(f.suggestions), style="green"))
            console.print()
        for e in report.result.errors:
            console.print(Text(f"{e}", style="bold red"))
        s = report.result.summary()
        total = s["error"] + s["warning"] + s["info"]
        files = f"{s['files']} file{'s' if s['files'] != 1 else ''}"
        if total:
            console.print(Text(f"Found {total} problem{'s' if total != 1 else ''} in {files} "
                               f"({s['error']} error, {s['warning']} warning, {s['info']} info).", style="bold"))
        else:
            console.print(Text(f"All clear: {files} checked, no problems found.", style="bold green"))


def window(src: str, column: int, end: int, width: int = WIDTH) -> tuple[str, int, int]:
    """The part of a long source line to show: at most *width* characters
    around the span from *column* to *end* (1-based, end exclusive), centred
    on it, with "…" where the line is cut. Returns the text and the span's
    columns in it; a line of *width* characters or fewer is returned as it is."""
    if len(src) <= width:
        return src, column, end
    start, stop = column - 1, min(end - 1, len(src))
    span = stop - start
    lo = start if span >= width else max(0, start - (width - span) // 2)
    hi = min(len(src), lo + width)
    lo = max(0, hi - width)
    head = "\u2026" if lo > 0 else ""
    tail = "\u2026" if hi < len(src) else ""
    shift = len(head) - lo
    return head + src[lo:hi] + tail, column + shift, min(end, hi + 1) + shift

