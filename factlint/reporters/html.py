"""``--format html``: one self-contained HTML report, for people and CI artifacts.

Takes the whole result and the rules; gives one page with no external
assets (inline CSS, no script, nothing fetched): the totals, a table by rule
and one by file, the drafts that could not be checked, and every draft with
findings shown whole, each finding's span marked in place, coloured by
severity::

    <mark class="error" data-code="FL103" data-finding="1" title="FL103 [error] …">Joe Blinken</mark>

with the message and suggestion on hover (``title``) and in a list under
the draft (a ``<details>`` element, open). Where findings overlap, the text
is cut at every span's edge and each piece names all the findings over it
(``data-code="FL201 FL301"``, ``data-finding="3 4"``), coloured by the
gravest. Line numbers are drawn by CSS from ``data-line``: the text of the
``<pre>`` is the draft's text, and copying it copies only that. Every string from a draft, a path, a
message or a rule is escaped: a draft holding ``<script>`` shows it as text.
A draft read from stdin cannot be read again, so its findings are listed
without its text.
"""
from __future__ import annotations

from collections import Counter
from html import escape
from typing import TextIO

from factlint import __version__
from factlint.findings import SEVERITIES, Finding, severity_rank
from factlint.reporters.base import Report, source_lines

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1.05rem;word-break:break-all}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.2rem .6rem;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
pre.source{white-space:pre-wrap;word-wrap:break-word;background:#fafafa;border:1px solid #ddd;padding:.5rem;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace}
.line::before{content:attr(data-line);display:inline-block;width:3.5em;margin-right:1em;text-align:right;color:#888;user-select:none}
mark{border-radius:2px;padding:0 1px;cursor:help}
mark.error{background:#ffd7d5;border-bottom:2px solid #d1242f}
mark.warning{background:#fff1c2;border-bottom:2px solid #bf8700}
mark.info{background:#ddf4ff;border-bottom:2px solid #0969da}
li.error .sev{color:#d1242f}li.warning .sev{color:#9a6700}li.info .sev{color:#0969da}
.sev{font-weight:600}.suggestion{color:#1a7f37}.errors li{color:#d1242f}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}pre.source{background:#161b22;border-color:#30363d}
th,td{border-color:#30363d}mark.error{background:#5a1e1e}mark.warning{background:#4d3800}mark.info{background:#0c2d6b}mark{color:inherit}}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _tip(f: Finding) -> str:
    tip = f"{f.code} {f.rule} [{f.severity}]: {f.message}"
    return tip + (f"\nsuggestion: {', '.join(f.suggestions)}" if f.suggestions else "")


def _counts_row(key: str, cells: list[str], counts: Counter[str]) -> str:
    nums = "".join(f'<td class="n">{counts[s]}</td>' for s in reversed(SEVERITIES))
    return f"<tr {key}>" + "".join(cells) + nums + f'<td class="n">{sum(counts.values())}</td></tr>'


def _head(first: str) -> str:
    cols = "".join(f'<th class="n">{s}</th>' for s in reversed(SEVERITIES))
    return f"<thead><tr>{first}{cols}<th class=\"n\">total</th></tr></thead>"


def summary(report: Report, files: list[str]) -> list[str]:
    """The totals, the table by rule and the table by file."""
    result = report.result
    s = result.summary()
    total = s["error"] + s["warning"] + s["info"]
    out = [f'<p class="totals">Found {_plural(total, "problem")} in {_plural(s["files"], "file")} '
           f"({s['error']} error, {s['warning']} warning, {s['info']} info)"
           + (f"; {_plural(len(result.errors), 'draft')} could not be checked" if result.errors else "") + ".</p>"]
    if not result.findings:
        return out
    by_rule: dict[str, Counter[str]] = {}
    names: dict[str, str] = {}
    for f in result.findings:
        by_rule.setdefault(f.code, Counter())[f.severity] += 1
        names[f.code] = f.rule
    out.append('<h2>By rule</h2>\n<table class="by-rule">' + _head("<th>code</th><th>rule</th>") + "<tbody>")
    for code in sorted(by_rule):
        out.append(_counts_row(f'data-code="{_e(code)}"', [f"<td><code>{_e(code)}</code></td>", f"<td>{_e(names[code])}</td>"], by_rule[code]))
    out.append("</tbody></table>")
    by_file: dict[str, Counter[str]] = {path: Counter() for path in files}
    for f in result.findings:
        by_file[f.path][f.severity] += 1
    out.append('<h2>By file</h2>\n<table class="by-file">' + _head("<th>file</th>") + "<tbody>")
    for n, path in enumerate(files, 1):
        out.append(_counts_row(f'data-path="{_e(path)}"', [f'<td><a href="#file-{n}">{_e(path)}</a></td>'], by_file[path]))
    out.append("</tbody></table>")
    return out


def _marks_of_line(number: int, line: str, findings: list[tuple[int, Finding]]) -> str:
    """One source line, its findings' spans marked (cut where spans overlap)."""
    spans = []
    for k, f in findings:
        if f.line <= number <= f.end_line:
            start = f.column - 1 if number == f.line else 0
            end = f.end_column - 1 if number == f.end_line else len(line)
            start, end = max(0, min(start, len(line))), max(0, min(end, len(line)))
            if start < end:
                spans.append((start, end, k, f))
    cuts = sorted({0, len(line)} | {a for a, _, _, _ in spans} | {b for _, b, _, _ in spans})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        over = [(k, f) for s, e, k, f in spans if s <= a and b <= e]
        piece = _e(line[a:b])
        if not over:
            out.append(piece)
            continue
        gravest = max((f.severity for _, f in over), key=severity_rank)
        codes = " ".join(dict.fromkeys(f.code for _, f in over))
        ids = " ".join(str(k) for k, _ in over)
        tip = "\n".join(_tip(f) for _, f in over)
        out.append(f'<mark class="{gravest}" data-code="{_e(codes)}" data-finding="{ids}" title="{_e(tip)}">{piece}</mark>')
    return "".join(out)


def draft(n: int, path: str, findings: list[tuple[int, Finding]]) -> list[str]:
    """One draft: its text with the spans marked, then the list of its findings."""
    out = [f'<section class="draft" id="file-{n}" data-path="{_e(path)}">', f"<h3>{_e(path)}</h3>"]
    lines = source_lines(path) if path != "-" else []
    if lines:
        rows = [f'<span class="line" id="file-{n}-L{i}" data-line="{i}">{_marks_of_line(i, line, findings)}</span>'
                for i, line in enumerate(lines, 1)]
        out.append('<pre class="source">' + "\n".join(rows) + "</pre>")
    else:
        out.append('<p class="no-source">The text of this draft cannot be shown (it was read from stdin or is gone).</p>')
    out.append(f"<details open><summary>{_plural(len(findings), 'finding')}</summary>\n<ol class=\"findings\">")
    for k, f in findings:
        where = f'<a href="#file-{n}-L{f.line}">{f.line}:{f.column}</a>' if lines else f"{f.line}:{f.column}"
        sugg = (f' <span class="suggestion">suggestion: {_e(", ".join(f.suggestions))}</span>' if f.suggestions else "")
        out.append(f'<li class="{f.severity}" id="finding-{k}" data-code="{_e(f.code)}">{where} <code>{_e(f.code)}</code> '
                   f'<span class="sev">[{f.severity}]</span> {_e(f.message)}{sugg}</li>')
    out.append("</ol></details></section>")
    return out


class HtmlReporter:
    def write(self, report: Report, out: TextIO) -> None:
        result = report.result
        grouped: dict[str, list[tuple[int, Finding]]] = {}
        for k, f in enumerate(result.findings, 1):
            grouped.setdefault(f.path, []).append((k, f))
        parts = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
                 '<meta name="viewport" content="width=device-width, initial-scale=1">',
                 f'<meta name="generator" content="factlint {_e(__version__)}">',
                 f"<title>factlint report</title>\n<style>{CSS}</style>\n</head>\n<body>",
                 "<h1>factlint report</h1>"]
        parts += summary(report, list(grouped))
        if result.errors:
            parts.append('<h2>Not checked</h2>\n<ul class="errors">')
            parts += [f'<li data-path="{_e(e.path)}">{_e(e)}</li>' for e in result.errors]
            parts.append("</ul>")
        if grouped:
            parts.append("<h2>Drafts</h2>")
        for n, (path, findings) in enumerate(grouped.items(), 1):
            parts += draft(n, path, findings)
        parts.append("</body>\n</html>\n")
        out.write("\n".join(parts))
