"""A sweep of hostile inputs (issue 11): each gives exit 0, 1 or 2 with a
one-line error naming the file (and line and value where there is one),
never a traceback or exit 3, quickly, and a good draft named on the same
command line is still checked and reported.

Each case builds its bad input in ``tmp_path`` and runs the CLI in-process
(``main([...])``), or in a subprocess with a timeout where the case is about
the process itself (a FIFO that could hang, a full or closed stdout).
"""
from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factlint import fsio
from factlint.cli import main
from factlint.errors import FactlintError

FIXTURE_KB = str(Path(__file__).parent / "fixtures" / "kb")
GOOD = "---\ndate: 2024-06-21\n---\n\nUS President Joe Blinken said.\n"
MIXED = "US President Joe Blinken said.\n"
FM = "---\n{}\n---\n\n" + MIXED

# Nine levels of nine aliases: 387 million strings once expanded.
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi")
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def sweep(capsys: pytest.CaptureFixture[str], tmp_path: Path, bad: str, *extra: str,
          expected: str, names: str | None = None, good_checked: bool = True) -> str:
    """Check *bad* and a good draft together; the one error line names the file."""
    good = tmp_path / "zz-good.md"
    good.write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, "--format", "concise",
                         *extra, bad, str(good))
    assert code in (0, 1, 2)
    assert "Traceback" not in err and "internal error" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("factlint: ") and expected in lines[0], err
    assert (names if names is not None else bad) in lines[0]
    assert len(lines[0]) < 400  # a bad value is quoted short
    if good_checked:
        assert code == 2 and f"{good}:5:14: FL103" in out
    return lines[0]


def write(path: Path, text: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


# -- dates ----------------------------------------------------------------------

@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "0999-12-31", "9900-01-01"])
def test_front_matter_date_out_of_range(tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str) -> None:
    bad = write(tmp_path / "d.md", FM.format(f"date: {day}"))
    line = sweep(capsys, tmp_path, bad, expected="date out of range", names=f"{bad}:2:")
    assert day in line


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_command_line_date_out_of_range(tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str) -> None:
    draft = write(tmp_path / "d.md", MIXED)
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, "--date", day, draft)
    assert code == 2 and err == f"factlint: --date: date out of range: '{day}' (factlint checks years 1000 to 9899)\n"


@pytest.mark.parametrize("day", ["1000-01-01", "9899-12-31"])
def test_dates_at_the_ends_of_the_range_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str) -> None:
    draft = write(tmp_path / "d.md", "Prime Minister Joe Blinken met US President Joe Blinken.\n")
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, "--date", day, draft)
    assert code in (0, 1) and err == ""


def test_config_date_out_of_range(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / ".factlint.yaml", "date: 0001-01-01\n")
    draft = write(tmp_path / "d.md", MIXED)
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, draft)
    assert code == 2 and f"{tmp_path / '.factlint.yaml'}:1: date: date out of range" in err


def test_kb_date_out_of_range(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = write(tmp_path / "kb.yaml", "people: [{id: a, name: Ann Aa}]\nroles: [{id: r, name: R}]\n"
                                     "jurisdictions: [{id: x, name: X}]\n"
                                     "offices:\n  - {id: o, role: r, jurisdiction: x, holders: [{person: a, from: 0005-01-01}]}\n")
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", kb, write(tmp_path / "d.md", MIXED))
    assert code == 2 and f"{kb}:5: bad 'from' date of a in o: date out of range: '0005-01-01'" in err


def test_api_date_out_of_range(kb: object) -> None:
    from factlint import lint_text

    with pytest.raises(FactlintError, match="date out of range"):
        lint_text(MIXED, kb=kb, date=dt.date(1, 1, 1))  # type: ignore[arg-type]


# -- regular files only, and a size limit ---------------------------------------------

def test_symlink_loop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "x.md"
    loop.symlink_to("x.md")
    sweep(capsys, tmp_path, str(loop), expected="cannot read draft: symbolic link loop")


def test_broken_symlink(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "gone.md"
    link.symlink_to("nowhere.md")
    sweep(capsys, tmp_path, str(link), expected="broken symbolic link")


@pytest.mark.parametrize("extra", [(), ("--fix",)])
def test_device(tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: tuple[str, ...]) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    sweep(capsys, tmp_path, "/dev/zero", *extra, expected="/dev/zero: not a regular file: a device",
          good_checked=not extra)


def test_fifo_does_not_hang(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "p.md"
    os.mkfifo(fifo)
    good = write(tmp_path / "zz-good.md", GOOD)
    proc = subprocess.run([sys.executable, "-m", "factlint", "check", "--no-default-kb", "--kb", FIXTURE_KB,
                           "--format", "concise", str(fifo), good],
                          capture_output=True, text=True, timeout=30, env={**os.environ, "FACTLINT_NO_CACHE": "1"})
    assert proc.returncode == 2
    assert proc.stderr == f"factlint: {fifo}: not a regular file: a FIFO (named pipe)\n"
    assert f"{good}:5:14: FL103" in proc.stdout


@pytest.mark.parametrize("extra", [(), ("--fix",)])
def test_fifo_in_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: tuple[str, ...]) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    (tmp_path / "drafts").mkdir()
    os.mkfifo(tmp_path / "drafts" / "p.md")  # found by its type, never opened: no hang
    sweep(capsys, tmp_path, str(tmp_path / "drafts"), *extra, expected="not a regular file: a FIFO",
          names=str(tmp_path / "drafts" / "p.md"))


def test_draft_over_the_size_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("factlint.document.MAX_DRAFT_BYTES", 1000)
    bad = write(tmp_path / "big.md", "word " * 300)  # found too large by its size, never read
    sweep(capsys, tmp_path, bad, expected="too large: over 1,000 bytes (the limit for one draft)")


def test_stdin_over_the_size_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("factlint.document.MAX_DRAFT_BYTES", 1000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"word " * 300)))
    sweep(capsys, tmp_path, "-", expected="-: too large")


def test_stdin_closed(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # what Python makes of `<&-`
    sweep(capsys, tmp_path, "-", expected="-: cannot read standard input: it is closed")


def test_stdin_closed_process(tmp_path: Path) -> None:
    good = write(tmp_path / "zz-good.md", GOOD)
    proc = subprocess.run(["sh", "-c", '"$0" -m factlint check --no-default-kb --kb "$1" --format concise - "$2" <&-',
                           sys.executable, FIXTURE_KB, good], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert proc.stderr == "factlint: -: cannot read standard input: it is closed\n"
    assert f"{good}:5:14: FL103" in proc.stdout


@pytest.mark.parametrize("redirect", [">/dev/full", ">&-"])
def test_stdout_full_or_closed(tmp_path: Path, redirect: str) -> None:
    if redirect == ">/dev/full" and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    good = write(tmp_path / "zz-good.md", GOOD)
    proc = subprocess.run(["sh", "-c", f'"$0" -m factlint check --no-default-kb --kb "$1" "$2" {redirect}',
                           sys.executable, FIXTURE_KB, good], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    reason = "no space left on device" if "full" in redirect else "it is closed"
    assert proc.stderr == f"factlint: cannot write to standard output: {reason}\n"


# -- YAML bounds --------------------------------------------------------------------------

def test_alias_bomb_in_front_matter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path / "d.md", "---\n" + BOMB + "date: *i\n---\n\n" + MIXED)
    sweep(capsys, tmp_path, bad, expected="YAML aliases expand to too many nodes", names=f"{bad}:6:")


def test_alias_bomb_in_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write(tmp_path / ".factlint.yaml", BOMB.replace("a:", "select:", 1))
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, write(tmp_path / "d.md", GOOD))
    assert code == 2 and err.startswith(f"factlint: {config}:5: YAML aliases expand") and err.count("\n") == 1


def test_alias_bomb_in_kb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = write(tmp_path / "kb" / "bomb.yaml", BOMB)
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", str(tmp_path / "kb"), write(tmp_path / "d.md", GOOD))
    assert code == 2 and err.startswith(f"factlint: {kb}:5: YAML aliases expand") and err.count("\n") == 1


def test_recursive_alias(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path / "d.md", "---\ndate: &d [2024, *d]\n---\n\n" + MIXED)
    sweep(capsys, tmp_path, bad, expected="recursive YAML alias *d", names=f"{bad}:2:")


@pytest.mark.parametrize(
    ("depth", "expected"),
    [(150, "YAML nested too deeply (over 100 levels)"), (100_000, "nest")],  # libyaml's composer crashes on 100k
)
def test_yaml_nested_too_deeply(tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int, expected: str) -> None:
    bad = write(tmp_path / "d.md", "---\nx: " + "[" * depth + "]" * depth + "\n---\n\n" + MIXED)
    sweep(capsys, tmp_path, bad, expected=expected, names=f"{bad}:2:")


def test_yaml_nested_too_deeply_at_the_root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write(tmp_path / ".factlint.yaml", "[" * 100_000 + "]" * 100_000)
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, write(tmp_path / "d.md", GOOD))
    assert code == 2 and err.startswith(f"factlint: {config}:1: ") and err.count("\n") == 1


def test_long_bad_value_is_quoted_short(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path / "d.md", FM.format("date: '" + "9" * 100_000 + "'"))
    line = sweep(capsys, tmp_path, bad, expected="expected YYYY-MM-DD, got '999")
    assert line.endswith("\u2026")


# -- config ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('per_file_ignores: {"*.md": 5}\n', "'per_file_ignores: *.md' must be a list of strings, got 5"),
        ("per_file_ignores: null\n", "'per_file_ignores' must be a mapping of glob patterns to rule codes, got None"),
        ('per_file_ignores: {"*.md": [null]}\n', "'per_file_ignores: *.md' must be a list of non-empty strings, got None in it"),
        ("kb: [null]\n", "'kb' must be a list of non-empty strings, got None in it"),
        ('kb: [""]\n', "'kb' must be a list of non-empty strings, got '' in it"),
        ("ignore: [null]\n", "'ignore' must be a list of non-empty strings, got None in it"),
        ("rules: [5]\n", "'rules' must be a list of non-empty strings, got 5 in it"),
        ("select: []\n", "'select' is empty"),
        ("severity: {FL101: loud}\n", "bad severity 'loud' for FL101"),
        ("severity: {null: error}\n", "'severity' needs rule codes as keys, got None"),
        ("default_kb: null\n", "'default_kb' must be true or false, got None"),
        ("fail_on: [error]\n", "'fail_on' must be one of info, warning, error, got ['error']"),
        ("fail-on: info\nfail_on: info\n", "'fail_on' given twice"),
    ],
)
def test_bad_config_value(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str) -> None:
    config = write(tmp_path / ".factlint.yaml", text)
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, write(tmp_path / "d.md", GOOD))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"factlint: {config}:") and expected in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"tool = 5\n", "'tool' must be a table, got 5"),
        (b"[tool]\nfactlint = 5\n", "[tool.factlint] must be a table, got 5"),
        (b"[tool.factlint]\nselect = [\"FL1\"\n", "invalid TOML"),
        (b"[tool.factlint\nselect = 1\n", "invalid TOML"),
        (b"[tool.factlint]\nselect = [\"FL1\"]\n# caf\xe9\n", "not UTF-8 (byte 0xe9"),
        (b"[tool.factlint]\nselect = " + b"[" * 5000 + b"]" * 5000 + b"\n", "invalid TOML"),
    ],
)
def test_bad_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str) -> None:
    config = write(tmp_path / "pyproject.toml", content)
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, write(tmp_path / "d.md", GOOD))
    assert code == 2 and err.count("\n") == 1 and err.startswith(f"factlint: {config}: ") and expected in err


@pytest.mark.parametrize("kind", ["fifo", "loop", "directory"])
def test_config_that_is_not_a_regular_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    config = tmp_path / ".factlint.yaml"
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(config)
    elif kind == "loop":
        config.symlink_to(config.name)
    else:
        config.mkdir()
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, write(tmp_path / "d.md", GOOD))
    assert code == 2 and err.startswith(f"factlint: {config}: ") and err.count("\n") == 1


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_kb_baseline_and_rule_files_that_are_not_regular(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        special = tmp_path / "special.yaml"
        os.mkfifo(special)
    else:
        if not os.path.exists("/dev/null"):
            pytest.skip("no /dev/null here")
        special = Path("/dev/null")
    draft = write(tmp_path / "d.md", GOOD)
    for args in (["--kb", str(special)], ["--baseline", str(special)], ["--config", str(special)]):
        code, _, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, *args, draft)
        assert code == 2 and err == f"factlint: {special}: not a regular file: {'a FIFO (named pipe)' if kind == 'fifo' else 'a device'}\n"


def test_pyproject_without_factlint_is_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "pyproject.toml", b"[project\nname = 'x'\n")  # broken, but not ours
    code, out, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, write(tmp_path / "d.md", GOOD))
    assert code == 1 and err == "" and "FL103" in out


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("{swap: {percent: null}}", "option 'swap' maps 'percent' to None"),
        ("{swap: {percent: [a, b]}}", "option 'swap' maps 'percent' to ['a', 'b']"),
        ("{swap: {}}", "option 'swap' is empty"),
        ("{swap: {5: five}}", "option 'swap' needs words, got 5"),
    ],
)
def test_bad_rule_option(tmp_path: Path, capsys: pytest.CaptureFixture[str], options: str, expected: str) -> None:
    rule = write(tmp_path / "house" / "NR001.yaml",
                 "code: NR001\nname: per-cent\nextends: substitution\nseverity: warning\nmessage: '{good}'\n"
                 f"description: x\noptions: {options}\nexamples: {{fail: [], pass: []}}\n")
    write(tmp_path / ".factlint.yaml", "rules: [house/]\n")
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, write(tmp_path / "d.md", GOOD))
    assert code == 2 and err == f"factlint: {rule}:7: {expected}" + err.split(expected, 1)[1]
    assert err.count("\n") == 1


# -- baselines -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[" * 100_000 + "]" * 100_000, "invalid JSON: nested too deeply"),
        ('{"version": 1, "findings": [{"path": "d.md", "code": "FL103", "text": "Joe Blinken", "count": '
         + "9" * 5000 + "}]}", "invalid JSON: a number with too many digits"),
        ('{"version": 1, "findings": [{"path": "d.md", "code": "FL103", "text": "Joe Blinken", "count": '
         + "9" * 4000 + "}]}", "bad baseline entry #1"),
    ],
)
def test_bad_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str) -> None:
    baseline = write(tmp_path / "baseline.json", content)
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, "--baseline", baseline,
                       write(tmp_path / "d.md", GOOD))
    assert code == 2 and err.count("\n") == 1 and err.startswith(f"factlint: {baseline}: ") and expected in err
    assert len(err) < 400


# -- directories: nothing skipped silently -------------------------------------------------------

def _unreadable(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """os.scandir fails on *target* as it would on a chmod 000 directory for a non-root user."""
    real = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)) == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(fsio.os, "scandir", scandir)


def test_unreadable_subdirectory_of_drafts(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "drafts" / "locked"
    write(locked / "hidden-from-us.md", GOOD)
    _unreadable(monkeypatch, locked)
    sweep(capsys, tmp_path, str(tmp_path / "drafts"), expected="cannot read directory: permission denied",
          names=f"{locked}: ")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads a chmod 000 directory")
def test_chmod_000_subdirectory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "drafts" / "locked"
    write(locked / "a.md", GOOD)
    locked.chmod(0)
    try:
        sweep(capsys, tmp_path, str(tmp_path / "drafts"), expected="cannot read directory: permission denied",
              names=str(locked))
    finally:
        locked.chmod(0o755)


def test_unreadable_subdirectory_of_kb(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    kb = tmp_path / "kb"
    write(kb / "world.yaml", Path(FIXTURE_KB, "world.yaml").read_text(encoding="utf-8"))
    locked = kb / "more"
    write(locked / "x.yaml", "people: []\n")
    _unreadable(monkeypatch, locked)
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", str(kb), write(tmp_path / "d.md", GOOD))
    assert code == 2 and err == f"factlint: {locked}: cannot read directory: permission denied\n"


def test_symlinked_subdirectory_is_followed_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = tmp_path / "shared"
    write(shared / "a.md", GOOD)
    drafts = tmp_path / "drafts"
    write(drafts / "b.md", GOOD)
    (drafts / "linked").symlink_to(shared, target_is_directory=True)
    (drafts / "again").symlink_to(shared, target_is_directory=True)
    (drafts / "loop").symlink_to(drafts, target_is_directory=True)
    code, out, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, "--format", "concise", str(drafts))
    assert code == 1 and err == ""
    assert out.count("FL103") == 2 and "b.md:5:14" in out and "a.md:5:14" in out


# -- encodings, empty values --------------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "name"), [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")])
def test_utf16_and_utf32_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str, name: str) -> None:
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    bad = write(tmp_path / "d.md", bom + GOOD.encode(encoding))
    sweep(capsys, tmp_path, bad, expected=f"{name} text, not UTF-8 (save the file as UTF-8)")


def test_utf16_under_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path / "d.md", GOOD.encode("utf-16"))
    sweep(capsys, tmp_path, bad, "--fix", expected="UTF-16 text, not UTF-8")
    assert Path(bad).read_bytes() == GOOD.encode("utf-16")


@pytest.mark.parametrize("content", [b"\xef\xbb\xbf", b"\xff\xfe", b"\xef\xbb\xbf \n\n"])
def test_bom_only_is_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    sweep(capsys, tmp_path, write(tmp_path / "d.md", content), expected="empty file: nothing to check")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "--select", "", "d.md"], "--select: empty value '' (give rule codes, prefixes or names)"),
        (["check", "--select", " , ", "d.md"], "--select: empty value ' , ' (give rule codes, prefixes or names)"),
        (["check", "--ignore", "", "d.md"], "--ignore: empty value '' (give rule codes, prefixes or names)"),
        (["check", "--format", "", "d.md"], "--format: empty value ''"),
        (["check", "--kb", "", "d.md"], "--kb: empty path '' (name a KB file or directory)"),
        (["check", ""], "PATH: empty value ''"),
        (["kb", "check", "--kb", ""], "--kb: empty path '' (name a KB file or directory)"),
        (["explain", ""], "explain: empty value ''"),
    ],
)
def test_empty_option_values(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                             args: list[str], expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "d.md", GOOD)
    code, _, err = run(capsys, *args)
    assert code == 2 and err == f"factlint: {expected}\n"


# -- output bounded ---------------------------------------------------------------------------------

def test_text_format_shows_a_window_of_a_long_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = " ".join(["US President Joe Blinken said."] + ["Filler words go here."] * 100) + " "
    line = (line + "US President Joe Blinken said. ") * 25  # 55 kB: 2.7 MB if printed whole 50 times
    draft = write(tmp_path / "d.md", "---\ndate: 2024-06-21\n---\n\n" + line + "\n")
    code, out, err = run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, draft)
    assert code == 1 and err == ""
    assert out.count("FL103") == 50
    assert len(out) < 50 * 600  # not 50 copies of a 1 MB line
    shown = [x for x in out.splitlines() if x.startswith("    5 | ")]
    marks = [x for x in out.splitlines() if x.startswith("      | ")]
    assert len(shown) == 50 and all(len(x) <= 8 + 122 for x in shown)
    for src, mark in zip(shown, marks):
        assert src[mark.index("^"): mark.index("^") + mark.count("^")] == "Joe Blinken"
