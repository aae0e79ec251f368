#!/usr/bin/env python3
"""Write docs/rules.md from the rule files in rules/.

    python scripts/gen_rules_doc.py          # rewrite docs/rules.md
    python scripts/gen_rules_doc.py --check  # exit 1 if it is out of date (the test suite runs this)

Each rule gets an anchor named after its code in lower case (``#fl103``),
which is where SARIF's ``helpUri`` and ``factlint explain`` point.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factlint.fix import FIXABLE_CODES, FIXABLE_KINDS
from factlint.rules import Example, Rule, load_rules

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "rules.md"


def _fixable(rule: Rule) -> bool:
    return rule.code in FIXABLE_CODES or rule.extends in FIXABLE_KINDS


def _example(ex: Example) -> str:
    text = " ".join(ex.text.split()).replace("|", "\\|")
    return f"- {text}" + (f" *(as of {ex.date})*" if ex.date else "")


def render(rules: dict[str, Rule]) -> str:
    out = [
        "# Rules",
        "",
        "<!-- Generated from rules/*.yaml by scripts/gen_rules_doc.py: edit the rule files, then rerun it. -->",
        "",
        "Every rule is one YAML file in `rules/`. Select, ignore and re-grade them in",
        "`.factlint.yaml` (`select`, `ignore`, `severity`); opt-in rules are off until",
        "`enable: [CODE]` names them. `factlint explain CODE` prints the same text.",
        "",
        "| code | name | default severity | safe fix | |",
        "|---|---|---|---|---|",
    ]
    for r in rules.values():
        state = "opt-in" if not r.enabled else ""
        out.append(f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity} | {'yes' if _fixable(r) else 'no'} | {state} |")
    for r in rules.values():
        fix = _fixable(r)
        out += [
            "",
            f'<a id="{r.code.lower()}"></a>',
            "",
            f"## {r.code} {r.name}",
            "",
            f"Default severity: **{r.severity}** · check kind: `{r.extends}` · "
            + ("`--fix` applies an unambiguous suggestion" if fix else "never fixed automatically")
            + ("" if r.enabled else f" · **opt-in**: `enable: [{r.code}]`"),
            "",
            r.description.strip(),
        ]
        if r.fail:
            out += ["", "Reported:", ""] + [_example(e) for e in r.fail]
        if r.passing:
            out += ["", "Not reported:", ""] + [_example(e) for e in r.passing]
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that docs/rules.md is up to date")
    args = parser.parse_args()
    text = render(load_rules())
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run python scripts/gen_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
