"""House-style rules: built-in and newsroom rules, their examples, the opt-in Ukraine pack."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factlint.checks import CHECKS
from factlint.cli import main
from factlint.engine import lint_text
from factlint.kb.index import KBIndex
from factlint.rules import Rule, load_rules
from factlint.selftest import run_examples

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_KB = str(Path(__file__).parent / "fixtures" / "kb")
BUILTIN = load_rules()


@pytest.mark.parametrize("code", sorted(BUILTIN))
def test_builtin_rule_examples(code: str, default_kb: KBIndex) -> None:
    assert run_examples(BUILTIN[code], default_kb) == []


def test_docs_rules_md_is_up_to_date() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_rules_doc.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for code in BUILTIN:
        assert f'<a id="{code.lower()}"></a>' in text


def test_every_check_module_is_registered() -> None:
    import factlint.checks as pkg

    modules = {p.stem for p in Path(pkg.__file__).parent.glob("*.py")} - {"__init__", "base"}
    assert modules == {type(c).__module__.rsplit(".", 1)[1] for c in CHECKS.values()}


# -- the opt-in Ukraine pack -------------------------------------------------------------

def ua(text: str, **kw: object) -> list[tuple[str, str]]:
    return [(f.text, f.fix or "") for f in lint_text(text, kb=None, select=["FL901"], **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Missiles struck Kiev and KHARKOV.", [("Kiev", "Kyiv"), ("KHARKOV", "KHARKIV")]),
        ("A pro-Kiev rally; Kiev-based reporters; Kiev's mayor.", [("Kiev", "Kyiv")] * 3),
        ("The chronicles of Kievan Rus.", []),
        ("Near Krivoy\nRog and Zaporozhye.", [("Krivoy Rog", "Kryvyi Rih"), ("Zaporozhye", "Zaporizhzhia")]),
        ("In Dnepropetrovsk and the Dnepropetrovsk region.",
         [("Dnepropetrovsk", "Dnipro"), ("Dnepropetrovsk region", "Dnipropetrovsk region")]),
        ("Code: `Kiev`, and a [link](https://kiev.example/Kiev).", []),
        ("```\nKiev\n```\n", []),
        ("Odesa, Kharkiv, Luhansk, Lviv, Mykolaiv, Zaporizhzhia, Chernihiv, Rivne, Vinnytsia.", []),
    ],
)
def test_ukraine_place_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert ua(text) == expected


def test_ukraine_pack_is_opt_in(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert not BUILTIN["FL901"].enabled
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "kyiv.md"
    draft.write_text("---\ndate: 2024-05-01\n---\n\nMissiles struck Kiev, not Kievan Rus.\n\n    Kiev in code\n",
                     encoding="utf-8")
    args = ["check", "--no-default-kb", "--kb", FIXTURE_KB, "--format", "concise", str(draft)]
    assert main(args) == 0
    assert capsys.readouterr().out == ""
    (tmp_path / ".factlint.yaml").write_text("enable: [FL901]\n", encoding="utf-8")
    assert main(args) == 0  # a warning does not fail the run
    out = capsys.readouterr().out
    assert out == f'{draft}:5:17: FL901 [warning] "Kiev" is the Russian-derived spelling: write Kyiv\n'
    main([*args, "--fix"])
    capsys.readouterr()
    assert "Missiles struck Kyiv, not Kievan Rus.\n\n    Kiev in code\n" in draft.read_text(encoding="utf-8")


# -- a newsroom's own rules -------------------------------------------------------------

NEWSROOM_RULES = {
    "NR001.yaml": """\
code: NR001
name: per-cent
extends: substitution
severity: warning
message: "House style is {good}, not {text}"
description: Write "per cent" as two words.
options: {swap: {percent: per cent}}
examples:
  fail: ["Prices rose 5 percent."]
  pass: ["Prices rose 5 per cent."]
""",
    "NR002.yaml": """\
code: NR002
name: no-slams
extends: existence
severity: info
message: "\\"{text}\\" is headline-speak"
description: Nobody slams anything in our copy.
options: {tokens: [slams, slammed]}
examples:
  fail: ["The minister slammed the plan."]
  pass: ["The minister criticised the plan.", "`slams` in code is fine."]
""",
}


def newsroom(tmp_path: Path) -> Path:
    style = tmp_path / "style"
    style.mkdir()
    for name, text in NEWSROOM_RULES.items():
        (style / name).write_text(text, encoding="utf-8")
    (tmp_path / ".factlint.yaml").write_text("rules: [style]\n", encoding="utf-8")
    return style


def test_newsroom_rules_from_config(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    newsroom(tmp_path)
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "d.md"
    draft.write_text("Inflation fell 2 Percent; the opposition slammed it.\n", encoding="utf-8")
    code = main(["check", "--no-default-kb", "--kb", FIXTURE_KB, "--format", "concise", "--fail-on", "info", str(draft)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out == [f"{draft}:1:18: NR001 [warning] House style is Per cent, not Percent",
                   f'{draft}:1:42: NR002 [info] "slammed" is headline-speak']
    main(["check", "--no-default-kb", "--kb", FIXTURE_KB, "--fix", str(draft)])
    assert draft.read_text(encoding="utf-8") == "Inflation fell 2 Per cent; the opposition slammed it.\n"
    assert main(["rules"]) == 0
    assert "NR001  per-cent" in capsys.readouterr().out


def test_newsroom_rule_examples(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    style = newsroom(tmp_path)
    for rule in load_rules([style], builtin=False).values():
        assert run_examples(rule, None) == []
    monkeypatch.chdir(tmp_path)
    assert main(["rules", "--test", "--no-default-kb", "--kb", FIXTURE_KB]) == 0
    assert "all as stated" in capsys.readouterr().out
    # an example that does not behave as stated fails, naming the rule and file
    (style / "NR002.yaml").write_text(NEWSROOM_RULES["NR002.yaml"].replace("The minister criticised", "He slams"),
                                      encoding="utf-8")
    assert main(["rules", "--test", "--no-default-kb", "--kb", FIXTURE_KB]) == 1
    out = capsys.readouterr().out
    assert "NR002" in out and "NR002.yaml" in out and "'pass' example reported: 'He slams the plan.'" in out


def rule(**kw: object) -> Rule:
    base: dict[str, object] = dict(code="NR009", name="x", extends="substitution", severity="info", message="m",
                                   description="d", options={"swap": {"Kiev": "Kyiv"}})
    return Rule(**{**base, **kw})  # type: ignore[arg-type]


def test_selftest_finds_problems() -> None:
    assert run_examples(rule(), None) == ["NR009: no 'fail' examples", "NR009: no 'pass' examples"]
    from factlint.rules import Example

    flipflop = rule(options={"swap": {"Kiev": "Kyiv", "Kyiv": "Kiev"}}, fail=(Example("In Kiev."),),
                    passing=(Example("In Lviv."),))
    (problem,) = run_examples(flipflop, None)
    assert "do not settle" in problem
    needs_kb = rule(extends="fact", options={"verdict": "misspelled"}, fail=(Example("x"),), passing=(Example("y"),))
    assert "needs a knowledge base" in run_examples(needs_kb, None)[0]
