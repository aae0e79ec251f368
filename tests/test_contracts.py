"""Contracts between the stages: rule files, check kinds, verdicts, the KB cache."""
from __future__ import annotations

import ast
import os
import shutil
from pathlib import Path

import pytest

from factlint.checks import CHECKS
from factlint.cli import main
from factlint.errors import RuleError
from factlint.rules import load_rule, load_rules, template_fields

BUILTIN = load_rules()
PACKAGE = Path(__file__).resolve().parents[1] / "factlint"

RULE = """\
code: NR101
name: my-rule
extends: {extends}
severity: error
options: {options}
message: {message}
description: A newsroom rule.
examples: {{fail: ["a"], pass: ["b"]}}
"""


def rule_file(tmp_path: Path, extends: str = "fact", options: str = "{verdict: wrong-holder}",
              message: str = '"{text} is not {title}"') -> Path:
    p = tmp_path / "style" / "NR101.yaml"
    p.parent.mkdir(exist_ok=True)
    p.write_text(RULE.format(extends=extends, options=options, message=message), encoding="utf-8")
    return p


# -- every rule, every situation ------------------------------------------------------------

@pytest.mark.parametrize("code", sorted(BUILTIN))
def test_every_situation_of_a_builtin_rule_has_its_own_template(code: str) -> None:
    rule = BUILTIN[code]
    situations = CHECKS[rule.extends].situations(rule.options)
    for situation, provided in situations.items():
        assert template_fields(rule.template(situation)) <= provided, situation
    if isinstance(rule.message, dict):
        assert set(rule.message) == set(situations)


def test_every_verdict_option_is_a_known_verdict_kind() -> None:
    fact = CHECKS["fact"]
    verdicts = {r.options["verdict"] for r in BUILTIN.values() if r.extends == "fact"}
    assert verdicts == set(fact.choices["verdict"])
    for verdict in fact.choices["verdict"]:
        assert fact.situations({"verdict": verdict})


# -- rule files that break the contract are load errors -------------------------------------------

@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"options": "{verdict: wrong-holdr}"},
         ":5: option 'verdict' must be one of conflated, wrong-holder, outdated, misspelled, got 'wrong-holdr'"),
        ({"message": '"{name} is not {title}"'},
         ":6: message names field {name}, which check kind 'fact' with verdict 'wrong-holder' does not provide in situation 'unknown'"),
        ({"message": '{never: "{name} is not {title}"}'}, ":6: no message for situation 'never-held'"),
        ({"message": '{never: "x", never-held: "x", unknown: "x", nevr: "x"}'}, "message for unknown situation 'nevr'"),
        ({"extends": "substitution", "options": "{swap: {a: b}}", "message": '"{0}"'},
         "bad message template '{0}': use named fields like {text}, not {0}"),
        ({"extends": "substitution", "options": "{swap: {a: b}}", "message": '"{good"'}, "bad message template '{good'"),
        ({"extends": "substitution", "options": "{swap: {a: b}}", "message": '"{text.upper}"'}, "not {text.upper}"),
        ({"extends": "substitution", "options": "{swap: {a: b}}", "message": '{a: "x"}'},
         "reports one situation: message must be one template"),
    ],
)
def test_a_rule_that_breaks_the_contract_is_a_load_error(tmp_path: Path, kwargs: dict[str, str], expected: str) -> None:
    p = rule_file(tmp_path, **kwargs)
    with pytest.raises(RuleError) as err:
        load_rule(p)
    assert expected in str(err.value)
    assert str(p) in str(err.value)


def test_a_user_rule_with_an_unknown_verdict_exits_2_naming_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rule_file(tmp_path, options="{verdict: wrong-holdr}")
    (tmp_path / ".factlint.yaml").write_text("rules: [style/]\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("Hello.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "d.md"]) == 2
    err = capsys.readouterr().err
    assert "NR101.yaml:5: option 'verdict' must be one of" in err
    assert len(err.strip().splitlines()) == 1


def test_a_pinned_example_must_match_what_is_reported(tmp_path: Path) -> None:
    from factlint.selftest import run_examples

    p = tmp_path / "NR102.yaml"
    p.write_text("""\
code: NR102
name: no-kiev
extends: substitution
severity: warning
message: "write {good}"
options: {swap: {Kiev: Kyiv}}
description: x
examples:
  fail:
    - {text: "They struck Kiev.", column: 13}
    - {text: "They struck Kiev.", column: 3}
  pass: ["They struck Kyiv."]
""", encoding="utf-8")
    assert run_examples(load_rule(p), None) == [
        "NR102 (%s): 'fail' example 'They struck Kiev.' is reported as - at 1:13, not with column 3" % p]


def test_an_example_pins_only_a_situation_the_rule_reports(tmp_path: Path) -> None:
    p = rule_file(tmp_path)
    p.write_text(p.read_text(encoding="utf-8").replace('fail: ["a"]', 'fail: [{text: "a", situation: left}]'),
                 encoding="utf-8")
    with pytest.raises(RuleError, match="example situation 'left' is not one this rule reports"):
        load_rule(p)


# -- the cached KB index ----------------------------------------------------------------------------

def _factlint_imports(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factlint"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("factlint"))
    return found


def test_the_cache_key_covers_every_module_the_index_is_built_from() -> None:
    from factlint import kb as kbmod

    covered = {m.__name__ for m in kbmod._INDEX_MODULES}
    built_from = _factlint_imports(PACKAGE / "kb" / "index.py") | _factlint_imports(PACKAGE / "kb" / "model.py")
    assert built_from <= covered
    assert {"factlint.lexicon", "factlint.tuning"} <= covered


def test_editing_the_lexicon_rebuilds_the_on_disk_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real cache directory and loader: an index built by other lexicon
    code is never loaded from it."""
    from factlint import kb as kbmod
    from factlint import lexicon

    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    fixture = Path(__file__).parent / "fixtures" / "kb"
    kbmod.load_kb([fixture], default=False)
    kbmod.load_kb([fixture], default=False)  # a cache hit writes nothing new
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 1
    copy = tmp_path / "lexicon.py"
    shutil.copy(lexicon.__file__, copy)
    monkeypatch.setattr(lexicon, "__file__", str(copy))
    with copy.open("a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    os.utime(copy, ns=(os.stat(copy).st_atime_ns, os.stat(copy).st_mtime_ns + 10**9))
    kbmod.load_kb([fixture], default=False)
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 2
