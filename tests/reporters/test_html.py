"""``--format html`` (factlint/reporters/html.py), read back with the stdlib's HTML parser."""
from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factlint.cli import main
from factlint.findings import Finding, Result
from factlint.reporters import REPORTERS, Report
from factlint.rules import load_rules

FIXTURE_KB = str(Path(__file__).resolve().parents[1] / "fixtures" / "kb")

DRAFT = """---
date: 2024-06-21
---

US President Joe Blinken met Anthony Blinken <script>alert("x")</script> & friends.
Then Tony Blinken left.
"""


class Page(HTMLParser):
    """What a reader of the report sees: marks, table rows, drafts' text, tags used."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.marks: list[dict[str, str]] = []
        self.rows: dict[str, list[list[str]]] = {}
        self.pre: list[str] = []
        self.links: list[tuple[str, str]] = []  # (rel, href) of <link>, src of anything
        self.errors: list[str] = []
        self._stack: list[tuple[str, dict[str, str]]] = []
        self._table = ""
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        self.links += [(k, v) for k, v in a.items() if k in ("src", "href") and not v.startswith("#")]
        if tag == "table":
            self._table = a.get("class", "")
            self.rows[self._table] = []
        elif tag == "tr" and self._table and "tbody" in [t for t, _ in self._stack]:
            self.rows[self._table].append([])
        elif tag == "td" and self._table:
            self.rows[self._table][-1].append("")
        elif tag == "mark":
            self.marks.append({**a, "text": ""})
        elif tag == "pre":
            self.pre.append("")
        elif tag == "li" and self._stack and self._stack[-1][1].get("class") == "errors":
            self.errors.append("")
        self._stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            if self._stack.pop()[0] == tag:
                break
        if tag == "table":
            self._table = ""

    def handle_data(self, data: str) -> None:
        open_tags = [t for t, _ in self._stack]
        if "mark" in open_tags:
            self.marks[-1]["text"] += data
        if "pre" in open_tags:
            self.pre[-1] += data
        if self._table and "td" in open_tags:
            self.rows[self._table][-1][-1] += data
        if self.errors and open_tags[-1:] == ["li"] and any(a.get("class") == "errors" for _, a in self._stack):
            self.errors[-1] += data


def report(capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, str, str]:
    code = main(["check", "--no-default-kb", "--kb", FIXTURE_KB, "--format", "html", *paths])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], *paths: str) -> dict:
    main(["check", "--no-default-kb", "--kb", FIXTURE_KB, "--format", "json", *paths])
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    d = tmp_path / "drafts"
    d.mkdir()
    (d / "a.md").write_text(DRAFT, encoding="utf-8")
    (d / 'b <i>"&.md').write_text("---\ndate: 2025-03-01\n---\n\nSecretary of State Antony Blinken spoke.\n", encoding="utf-8")
    (d / "broken.md").write_bytes(b"\xff\xfe<script>")
    return d


def test_findings_are_marked_in_place_with_their_code_and_text(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = report(capsys, "drafts")
    assert code == 2 and "broken.md" in err
    page = Page(out)
    findings = as_json(capsys, "drafts")["findings"]
    assert len(page.marks) == len(findings) >= 4
    for mark, f in zip(page.marks, findings):
        assert mark["data-code"] == f["code"]
        assert mark["class"] == f["severity"]
        assert f["message"] in mark["title"] and all(s in mark["title"] for s in f["suggestions"])
        text = Path(f["path"]).read_text(encoding="utf-8").split("\n")[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]
        assert mark["text"] == text
    by_code = {m["data-code"]: m for m in page.marks}
    assert by_code["FL103"]["text"] == "Joe Blinken" and "Joe Biden" in by_code["FL103"]["title"]
    assert by_code["FL201"]["text"] == "Anthony Blinken"


def test_summary_tables_count_what_json_counts(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = Page(report(capsys, "drafts")[1])
    data = as_json(capsys, "drafts")
    by_rule = {row[0]: row for row in page.rows["by-rule"]}
    codes = sorted({f["code"] for f in data["findings"]})
    assert sorted(by_rule) == codes
    for code in codes:
        mine = [f for f in data["findings"] if f["code"] == code]
        _, name, error, warning, info, total = by_rule[code]
        assert name == mine[0]["rule"] and int(total) == len(mine)
        assert [int(error), int(warning), int(info)] == [sum(f["severity"] == s for f in mine) for s in ("error", "warning", "info")]
    by_file = {row[0]: int(row[-1]) for row in page.rows["by-file"]}
    assert by_file == {p: sum(f["path"] == p for f in data["findings"]) for p in {f["path"] for f in data["findings"]}}
    assert len(by_file) == 2
    s = data["summary"]
    assert (f"Found {s['error'] + s['warning'] + s['info']} problems in {s['files']} files "
            f"({s['error']} error, {s['warning']} warning, {s['info']} info); 1 draft could not be checked.") in report(capsys, "drafts")[1]


def test_everything_is_escaped_and_nothing_is_fetched(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = report(capsys, "drafts")[1]
    page = Page(out)
    assert "script" not in page.tags and "i" not in page.tags  # neither the draft's <script> nor the path's <i>
    assert page.links == []  # no external asset: no src, no href outside the page
    assert set(page.tags) <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "table", "thead",
                              "tbody", "tr", "th", "td", "code", "a", "section", "pre", "span", "mark", "details",
                              "summary", "ol", "ul", "li"}
    # the draft's text is on the page as text, exactly
    assert DRAFT in page.pre
    assert '<script>alert("x")</script> &' in page.pre[page.pre.index(DRAFT)]
    assert any('b <i>"&.md' in row[0] for row in page.rows["by-file"])
    assert page.errors and page.errors[0].startswith("drafts/broken.md") and "not UTF-8" in page.errors[0]


def test_overlapping_findings_are_cut_into_pieces(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("Kim Jong-un and <b>\nsecond line here\n", encoding="utf-8")
    rules = load_rules()
    f1 = Finding(str(draft), 1, 1, 1, 12, "FL202", "name-variant", "info", "variant", ("Kim Jong Un",), "Kim Jong-un")
    f2 = Finding(str(draft), 1, 5, 1, 12, "FL301", "inconsistent-name", "warning", "written <differently>")
    f3 = Finding(str(draft), 1, 17, 2, 7, "FL999", "house", "error", "over a line break")
    out = io.StringIO()
    REPORTERS["html"].write(Report(Result([f1, f2, f3], [], 1), rules), out)
    page = Page(out.getvalue())
    assert [(m["text"], m["data-code"], m["data-finding"], m["class"]) for m in page.marks] == [
        ("Kim ", "FL202", "1", "info"), ("Jong-un", "FL202 FL301", "1 2", "warning"),
        ("<b>", "FL999", "3", "error"), ("second", "FL999", "3", "error")]
    assert "written <differently>" in page.marks[1]["title"] and "variant" in page.marks[1]["title"]
    assert page.pre == [draft.read_text(encoding="utf-8").rstrip("\n") + "\n"] or page.pre == [draft.read_text(encoding="utf-8")]


def test_stdin_and_a_clean_run(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"---\ndate: 2024-06-21\n---\n\nUS President Joe Blinken spoke.\n")))
    code, out, _ = report(capsys, "-")
    page = Page(out)
    assert code == 1 and page.marks == [] and page.pre == []  # stdin cannot be read again: listed, not shown
    assert "FL103" in out and "cannot be shown" in out
    clean = tmp_path / "clean.md"
    clean.write_text("Nothing to see.\n", encoding="utf-8")
    code, out, _ = report(capsys, str(clean))
    assert code == 0 and "Found 0 problems in 1 file (0 error, 0 warning, 0 info)." in out and "<table" not in out
