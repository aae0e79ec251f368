"""``check --fix`` and ``--diff``: safe fixes only, files written back byte for byte."""
from __future__ import annotations

import codecs
import datetime as dt
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from factlint.cli import main
from factlint.document import parse_document
from factlint.engine import Linter, Settings
from factlint.fix import apply_fixes, fix_paths, split_source, write_fixes
from factlint.spans import open_quote as _open_quote
from factlint.kb.index import KBIndex
from factlint.rules import load_rules

FIXTURE_KB = str(Path(__file__).parent / "fixtures" / "kb")
SLIPS = "Secretary of State Anthony Blinken met Kremlin spokesman Dmitri Peskov."
FIXED = "Secretary of State Antony Blinken met Kremlin spokesman Dmitry Peskov."


def fix(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-default-kb", "--kb", FIXTURE_KB, "--date", "2023-03-10", "--format", "concise", *args])
    out, err = capsys.readouterr()
    return code, out, err


def fix_twice(capsys: pytest.CaptureFixture[str], path: Path) -> bytes:
    """Fix, then fix again: the second run must not change a byte."""
    fix(capsys, "--fix", str(path))
    once = path.read_bytes()
    _, _, err = fix(capsys, "--fix", str(path))
    assert path.read_bytes() == once
    assert "fixed" not in err
    return once


def test_crlf_stays_crlf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "crlf.md"
    draft.write_bytes(f"# Briefing\r\n\r\n{SLIPS}\r\nThe talks went on.\r\n".encode())
    code, out, err = fix(capsys, "--fix", str(draft))
    assert code == 0 and out == "" and "fixed 2 problems in 1 file" in err
    assert fix_twice(capsys, draft) == f"# Briefing\r\n\r\n{FIXED}\r\nThe talks went on.\r\n".encode()


def test_mixed_endings_and_no_final_newline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "mixed.txt"
    draft.write_bytes(f"Intro.\r\n\n{SLIPS}\rEnd {SLIPS}".encode())
    fix(capsys, "--fix", str(draft))
    assert fix_twice(capsys, draft) == f"Intro.\r\n\n{FIXED}\rEnd {FIXED}".encode()


def test_bom_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "bom.md"
    draft.write_bytes(codecs.BOM_UTF8 + f"Über Kyiv: {SLIPS}\n".encode())
    fix(capsys, "--fix", str(draft))
    assert fix_twice(capsys, draft) == codecs.BOM_UTF8 + f"Über Kyiv: {FIXED}\n".encode()


QUOTES_AND_CODE = """\
---
date: 2023-03-10
title: Anthony Blinken in Kyiv
---

Secretary of State Anthony Blinken said: "Sergei Lavrov is wrong." Later, “Dmitri Peskov
called” it, and Sergei Lavrov agreed.

    Anthony Blinken (indented code)

```text
Sergei Lavrov
```

`Sergei Lavrov` in code and [Sergei Lavrov](https://example.com/Sergei-Lavrov).

> US Secretary of State Anthony
> Blinken met Kremlin spokesman Dmitri
> Peskov.

“Sergei Lavrov opened a quote that runs on

“into the next paragraph, where Dmitri Peskov spoke.”
"""

QUOTES_AND_CODE_FIXED = """\
---
date: 2023-03-10
title: Anthony Blinken in Kyiv
---

Secretary of State Antony Blinken said: "Sergei Lavrov is wrong." Later, “Dmitri Peskov
called” it, and Sergey Lavrov agreed.

    Anthony Blinken (indented code)

```text
Sergei Lavrov
```

`Sergei Lavrov` in code and [Sergey Lavrov](https://example.com/Sergei-Lavrov).

> US Secretary of State Antony
> Blinken met Kremlin spokesman Dmitry
> Peskov.

“Sergei Lavrov opened a quote that runs on

“into the next paragraph, where Dmitri Peskov spoke.”
"""


def test_code_front_matter_links_and_quotes_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "quotes.md"
    draft.write_text(QUOTES_AND_CODE, encoding="utf-8")
    code, out, err = fix(capsys, "--fix", str(draft))
    assert "fixed 5 problems" in err
    assert fix_twice(capsys, draft).decode() == QUOTES_AND_CODE_FIXED
    # What is left is reported, like ruff: the variants inside quotations.
    # The fixed mentions agree with each other; the quoted forms are not
    # compared with them (a quotation keeps its own words).
    code, out, _ = fix(capsys, str(draft))
    assert code == 0
    assert [tuple(line.split()[:2]) for line in out.splitlines()] == [
        (f"{draft}:6:42:", "FL202"), (f"{draft}:6:75:", "FL202"), (f"{draft}:21:2:", "FL202"),
        (f"{draft}:23:33:", "FL202")]


def test_judgement_calls_are_never_fixed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "korea.md"
    text = ("---\ndate: 2024-06-21\n---\n\nUS President Joe Blinken said it. Former President Joe Biden agreed.\n"
            "Russian Prime Minister Sergey Lavrov did not.\n")
    draft.write_text(text, encoding="utf-8")
    code = main(["check", "--no-default-kb", "--kb", FIXTURE_KB, "--format", "concise", "--fix", str(draft)])
    out, err = capsys.readouterr()
    assert draft.read_text(encoding="utf-8") == text
    assert code == 1 and "fixed" not in err
    assert {line.split()[1] for line in out.splitlines()} == {"FL101", "FL102", "FL103"}


def test_diff_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.md"
    draft.write_bytes(f"Intro.\r\n\r\n{SLIPS}\r\n".encode())
    before = draft.read_bytes()
    code, out, err = fix(capsys, "--diff", str(draft))
    assert draft.read_bytes() == before
    assert code == 1 and "would fix 2 problems in 1 file" in err
    assert out == (f"--- {draft}\n+++ {draft}\n@@ -1,3 +1,3 @@\n Intro.\r\n \r\n-{SLIPS}\r\n+{FIXED}\r\n")
    clean = tmp_path / "clean.md"
    clean.write_text(FIXED + "\n", encoding="utf-8")
    assert fix(capsys, "--diff", str(clean))[:2] == (0, "")


def test_diff_applies_with_patch(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("patch") is None:
        pytest.skip("patch is not installed")
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "p.md"
    draft.write_text(f"{SLIPS}\n\nNo final newline: {SLIPS}", encoding="utf-8")
    _, out, _ = fix(capsys, "--diff", "p.md")
    subprocess.run(["patch", "-p0", "--quiet"], input=out.encode(), cwd=tmp_path, check=True)
    assert draft.read_text(encoding="utf-8") == f"{FIXED}\n\nNo final newline: {FIXED}"


def test_refuses_a_file_changed_since_read(tmp_path: Path, kb: KBIndex) -> None:
    draft = tmp_path / "race.md"
    draft.write_text(SLIPS + "\n", encoding="utf-8")
    linter = Linter(kb, load_rules(), Settings(date=dt.date(2023, 3, 10)))
    (outcome,), errors = fix_paths(linter, [str(draft)])
    assert errors == []
    assert outcome.changed
    draft.write_text("An editor saved this meanwhile.\n", encoding="utf-8")
    (error,) = write_fixes([outcome])
    assert "changed on disk since it was read" in error.message
    assert draft.read_text(encoding="utf-8") == "An editor saved this meanwhile.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["race.md"]  # no temporary file left


def test_keeps_mode_and_symlink(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "real.md"
    real.write_text(SLIPS + "\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    fix(capsys, "--fix", str(link))
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == FIXED + "\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_diff_reports_unreadable_drafts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ok.md").write_text(SLIPS + "\n", encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00binary")
    code, out, err = fix(capsys, "--diff", str(tmp_path), str(tmp_path / "missing.md"))
    assert code == 2 and f"+{FIXED}" in out
    assert f"{tmp_path / 'bad.md'}: binary file" in err and "missing.md: no such file" in err


def test_stdin_cannot_be_fixed(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = fix(capsys, "--fix", "-")
    assert code == 2 and "not on stdin" in err


def test_wrapped_name_with_different_word_count_is_left(kb: KBIndex) -> None:
    # "Kim Jong Un" (an alias) wrapped over two lines cannot become the two-word
    # "Kim Jong-un" without moving the line break: left for the editor.
    text = "North Korean leader Kim Jong\nUn oversaw the test.\n"
    doc = parse_document(text, "k.md")
    linter = Linter(kb, load_rules(), Settings(date=dt.date(2024, 5, 1)))
    findings, _ = linter.lint_document(doc)
    assert [(f.code, f.fix) for f in findings] == [("FL202", "Kim Jong-un")]
    source = split_source(text.encode(), "k.md")
    lines, applied, skipped = apply_fixes(doc, source.lines, findings, linter.rules)
    assert applied == [] and lines == list(source.lines)
    assert "different number of words" in skipped[0].reason


@pytest.mark.parametrize(
    ("before", "inside"),
    [
        ('He said "', True),
        ('He said "no" and ', False),
        ("He said \u201cwe will \u00abnot\u00bb ", True),
        ("He said \u201cno\u201d and ", False),
        ("\u2018Blinken\u2019s visit, ", True),            # British single quotes; an apostrophe inside
        ("\u2018We will,\u2019 said ", False),
        ("the ministers\u2019 plan and Blinken's ", False),  # apostrophes only
    ],
)
def test_open_quote(before: str, inside: bool) -> None:
    assert _open_quote(before) is inside


def test_british_quotes_are_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "gb.md"
    text = "\u2018Sergei Lavrov\u2019s claims are false,\u2019 said Sergei Lavrov\u2019s critic.\n"
    draft.write_text(text, encoding="utf-8")
    _, _, err = fix(capsys, "--fix", str(draft))
    assert "inside quotation marks: 1" in err
    assert draft.read_text(encoding="utf-8") == text.replace("said Sergei", "said Sergey")


# -- writing: nothing lost --------------------------------------------------------------------

def test_a_read_only_file_is_not_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "ro.md"
    draft.write_text(SLIPS + "\n", encoding="utf-8")
    draft.chmod(0o444)
    code, out, err = fix(capsys, "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == SLIPS + "\n"
    assert f"{draft}: read-only file; not fixed" in err
    assert code == 2 and "FL201" in out  # still reported


def test_hard_links_see_the_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "a.md"
    draft.write_text(SLIPS + "\n", encoding="utf-8")
    other = tmp_path / "b.md"
    other.hardlink_to(draft)
    inode = draft.stat().st_ino
    fix(capsys, "--fix", str(draft))
    assert draft.stat().st_ino == inode and draft.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == FIXED + "\n"


def test_owner_and_mode_are_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    draft = tmp_path / "a.md"
    draft.write_text(SLIPS + "\n", encoding="utf-8")
    draft.chmod(0o640)
    if os.getuid() == 0:
        os.chown(draft, 12345, 12345)
    before = draft.stat()
    fix(capsys, "--fix", str(draft))
    after = draft.stat()
    assert draft.read_text(encoding="utf-8") == FIXED + "\n"
    assert (stat.S_IMODE(after.st_mode), after.st_uid, after.st_gid) == (0o640, before.st_uid, before.st_gid)


def test_one_file_named_twice_is_fixed_once(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(SLIPS + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = fix(capsys, "--fix", "d.md", "./d.md")
    assert "changed on disk" not in err and "fixed 2 problems in 1 file" in err
    assert draft.read_text(encoding="utf-8") == FIXED + "\n"


def test_a_directory_that_cannot_be_written_leaves_the_others_fixed(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile as tf

    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.md").write_text(SLIPS + "\n", encoding="utf-8")
    good = tmp_path / "b.md"
    good.write_text(SLIPS + "\n", encoding="utf-8")
    real = tf.mkstemp

    def refuse(*args, dir=None, **kw):  # type: ignore[no-untyped-def]  # as in a read-only directory, even for root
        if dir is not None and Path(dir) == locked:
            raise PermissionError(13, "Permission denied")
        return real(*args, dir=dir, **kw)

    monkeypatch.setattr(tf, "mkstemp", refuse)
    code, out, err = fix(capsys, "--fix", str(locked / "a.md"), str(good))
    assert code == 2
    assert f"{locked / 'a.md'}: cannot write file: Permission denied; not fixed" in err
    assert good.read_text(encoding="utf-8") == FIXED + "\n"


def test_house_style_swaps_that_would_corrupt_text_are_load_errors(tmp_path: Path) -> None:
    from factlint.errors import RuleError
    from factlint.rules import load_rule

    base = ("code: NR001\nname: x\nextends: substitution\nseverity: warning\nmessage: \"{{text}}\"\n"
            "options: {{swap: {swap}}}\ndescription: x\nexamples: {{fail: [a], pass: [b]}}\n")
    for swap, expected in [("{percent: null}", "maps 'percent' to None: give the word or words to write instead"),
                           ("{percent: [a, b]}", r"maps 'percent' to \['a', 'b'\]"),
                           ("{cat: cat cat}", "the replacement contains the word it replaces")]:
        p = tmp_path / "NR001.yaml"
        p.write_text(base.format(swap=swap), encoding="utf-8")
        with pytest.raises(RuleError, match=expected):
            load_rule(p)
