"""``--format github``: GitHub Actions workflow commands, shown as annotations.

``::error file=drafts/korea.md,line=14,col=44,endLine=14,endColumn=55,title=FL103 conflated-name::message``;
warnings are ``::warning``, info findings ``::notice``. Chosen by default
when ``GITHUB_ACTIONS=true``. Values are escaped as the runner expects:
``%``, CR and LF in the message, and also ``:`` and ``,`` in properties.
GitHub accepts columns only for a span on one line, so a span over a line
break gives lines only.
"""
from __future__ import annotations

from typing import TextIO

from factlint.findings import Finding
from factlint.reporters.base import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


def annotation(f: Finding) -> str:
    props: dict[str, object] = {"file": f.path, "line": f.line}
    if f.end_line == f.line:
        props.update(col=f.column, endLine=f.end_line, endColumn=f.end_column)
    else:
        props["endLine"] = f.end_line
    props["title"] = f"{f.code} {f.rule}"
    return command(COMMANDS[f.severity], props, f.message)


class GithubReporter:
    def write(self, report: Report, out: TextIO) -> None:
        for f in report.result.findings:
            out.write(annotation(f) + "\n")
        for e in report.result.errors:
            props: dict[str, object] = {"file": e.path}
            if e.line:
                props["line"] = e.line
            out.write(command("error", {**props, "title": "factlint: cannot check"}, e.message) + "\n")
