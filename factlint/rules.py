"""Rules as data: one YAML file per rule, validated strictly.

A rule file names its ``code`` and ``name``, the check kind it ``extends``,
its default ``severity``, a ``message`` template (or one per situation), a
``description`` and ``examples: {fail: [...], pass: [...]}`` that the test
suite runs. ``enabled: false`` makes an opt-in rule that config must enable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from factlint.checks import CHECKS
from factlint.errors import RuleError
from factlint.findings import SEVERITIES
from factlint.yamlio import LocDict, load_yaml_file

CODE_RE = re.compile(r"^[A-Z]{2,}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9-]*$")
RULE_KEYS = frozenset(("code", "name", "extends", "severity", "message", "description", "options",
                       "examples", "enabled", "link"))


@dataclass(frozen=True)
class Example:
    text: str
    date: str | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    extends: str
    severity: str
    message: str | dict[str, str]
    description: str
    options: dict[str, Any] = field(default_factory=dict)
    fail: tuple[Example, ...] = ()
    passing: tuple[Example, ...] = ()
    enabled: bool = True
    link: str | None = None
    path: str = ""

    def template(self, situation: str) -> str:
        if isinstance(self.message, str):
            return self.message
        return self.message.get(situation) or next(iter(self.message.values()))


class _Defaults(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "?"


def render(template: str, fields: dict[str, str]) -> str:
    return template.format_map(_Defaults(fields))


def builtin_rule_dir() -> Path:
    return Path(str(files("factlint._rules")))


def _examples(value: Any, path: str, line: int) -> tuple[Example, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RuleError("examples must be lists of texts or {text, date} mappings", path, line)
    out = []
    for item in value:
        if isinstance(item, str):
            out.append(Example(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "date"}:
            out.append(Example(item["text"], str(item["date"]) if item.get("date") is not None else None))
        else:
            raise RuleError(f"bad example {item!r}: a text or a mapping with 'text' and 'date'", path, line)
    return tuple(out)


def load_rule(path: Path) -> Rule:
    data = load_yaml_file(path, RuleError)
    p = str(path)
    if not isinstance(data, LocDict):
        raise RuleError("a rule file must be a mapping", p, 1)
    for key in data:
        if key not in RULE_KEYS:
            raise RuleError(f"unknown key {key!r} (expected one of {', '.join(sorted(RULE_KEYS))})", p, data.line_of(key))
    for key in ("code", "name", "extends", "severity", "message", "description"):
        if key not in data:
            raise RuleError(f"missing {key!r}", p, data.line)
    code, name, extends, severity = data["code"], data["name"], data["extends"], data["severity"]
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise RuleError(f"bad code {code!r}: use letters then three digits, like FL101", p, data.line_of("code"))
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise RuleError(f"bad name {name!r}: use lower-case words joined by hyphens", p, data.line_of("name"))
    if extends not in CHECKS:
        raise RuleError(f"unknown check kind {extends!r} (expected one of {', '.join(CHECKS)})", p, data.line_of("extends"))
    if severity not in SEVERITIES:
        raise RuleError(f"bad severity {severity!r} (expected one of {', '.join(SEVERITIES)})", p, data.line_of("severity"))
    message = data["message"]
    if not (isinstance(message, str) or (isinstance(message, dict) and message and all(isinstance(v, str) for v in message.values()))):
        raise RuleError("message must be a template or a mapping of situation to template", p, data.line_of("message"))
    kind = CHECKS[extends]
    options = data.get("options") or {}
    if not isinstance(options, dict):
        raise RuleError("options must be a mapping", p, data.line_of("options"))
    for key, value in options.items():
        want = kind.options.get(key)
        if want is None:
            raise RuleError(f"unknown option {key!r} for check kind {extends!r} (expected one of {', '.join(kind.options) or 'none'})", p, options.line_of(key) if isinstance(options, LocDict) else data.line_of("options"))
        if not isinstance(value, want):
            raise RuleError(f"option {key!r} must be a {want.__name__}, got {value!r}", p, options.line_of(key) if isinstance(options, LocDict) else data.line_of("options"))
    for key in kind.required:
        if key not in options:
            raise RuleError(f"check kind {extends!r} needs option {key!r}", p, data.line_of("options"))
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"fail", "pass"}:
        raise RuleError("examples must be a mapping with 'fail' and 'pass'", p, data.line_of("examples"))
    line = data.line_of("examples")
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RuleError(f"enabled must be true or false, got {enabled!r}", p, data.line_of("enabled"))
    return Rule(code, name, extends, severity, dict(message) if isinstance(message, dict) else message,
                str(data["description"]).strip(), dict(options), _examples(examples.get("fail"), p, line),
                _examples(examples.get("pass"), p, line), enabled, data.get("link"), p)


def load_rules(dirs: list[Path] | None = None, builtin: bool = True) -> dict[str, Rule]:
    """Built-in rules, then each user rule directory; codes and names must be unique."""
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    sources = ([builtin_rule_dir()] if builtin else []) + list(dirs or [])
    for d in sources:
        if not d.is_dir():
            raise RuleError("rule directory not found", str(d))
        for path in sorted(p for p in d.rglob("*") if p.suffix in (".yaml", ".yml")):
            rule = load_rule(path)
            if rule.code in rules:
                raise RuleError(f"duplicate rule code {rule.code} (also in {rules[rule.code].path})", str(path))
            if rule.name in names:
                raise RuleError(f"duplicate rule name {rule.name} (also {names[rule.name]})", str(path))
            rules[rule.code] = rule
            names[rule.name] = rule.code
    return rules


def resolve_codes(items: list[str], rules: dict[str, Rule], origin: str) -> set[str]:
    """Codes, code prefixes (``FL1``) or rule names -> codes; unknown ones are errors."""
    out: set[str] = set()
    by_name = {r.name: c for c, r in rules.items()}
    for raw in items:
        item = raw.strip()
        if not item:
            continue
        if item.upper() == "ALL":
            out |= set(rules)
        elif item in by_name:
            out.add(by_name[item])
        else:
            matched = {c for c in rules if c.startswith(item.upper())}
            if not matched or not re.match(r"^[A-Za-z]+\d*$", item):
                raise RuleError(f"unknown rule code {item!r} (see `factlint rules`)", origin)
            out |= matched
    return out
