"""Rules as data: one YAML file per rule, validated strictly.

A rule file names its ``code`` and ``name``, the check kind it ``extends``,
its default ``severity``, a ``message`` template (or one per situation), a
``description`` and ``examples: {fail: [...], pass: [...]}`` that the test
suite runs. ``enabled: false`` makes an opt-in rule that config must enable.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from factlint.checks import CHECKS
from factlint.checks.base import Situations
from factlint.errors import RuleError, shown
from factlint.fsio import walk
from factlint.findings import SEVERITIES
from factlint.yamlio import LocDict, load_yaml_file

CODE_RE = re.compile(r"^[A-Z]{2,}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9-]*$")
RULE_KEYS = frozenset(("code", "name", "extends", "severity", "message", "description", "options",
                       "examples", "enabled", "link"))


@dataclass(frozen=True)
class Example:
    """A draft a rule must report (``fail``) or must not (``pass``). A
    ``fail`` example may pin what is reported: the message ``situation`` and
    the 1-based ``line`` and ``column`` where the finding starts."""

    text: str
    date: str | None = None
    situation: str | None = None
    line: int | None = None
    column: int | None = None


EXAMPLE_KEYS = frozenset(("text", "date", "situation", "line", "column"))


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
        """The template for *situation*; loading made sure there is one."""
        if isinstance(self.message, str):
            return self.message
        return self.message[situation]


def render(template: str, fields: dict[str, str]) -> str:
    """Fill a template; loading checked that every field it names is provided."""
    return template.format_map(fields)


def template_fields(template: str) -> set[str]:
    """The fields a message template names; ValueError for a malformed one
    (an unclosed brace, a positional ``{0}``, ``{a.b}`` or ``{a[0]}``)."""
    names = set()
    for _, name, spec, _ in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or "{" in (spec or ""):
            raise ValueError(f"use named fields like {{text}}, not {{{name}}}")
        names.add(name)
    return names


def _check_messages(message: str | LocDict, situations: Situations, what: str, p: str, line: int) -> None:
    """Every situation the check reports has a template, and every template
    names only fields that its situation provides."""
    known = ", ".join(s for s in situations if s) or "one situation"
    if isinstance(message, dict):
        if set(situations) == {""}:
            raise RuleError(f"{what} reports one situation: message must be one template, not a mapping", p, line)
        for key in message:
            if key not in situations:
                raise RuleError(f"message for unknown situation {shown(key)} ({what} reports: {known})", p, message.line_of(key) if isinstance(message, LocDict) else line)
        missing = [s for s in situations if s not in message]
        if missing:
            raise RuleError(f"no message for situation '{missing[0]}' ({what} reports: {known})", p, line)
        templates = [(k, message[k], situations[k], message.line_of(k) if isinstance(message, LocDict) else line) for k in message]
    else:  # one template for every situation
        templates = [(k, message, provided, line) for k, provided in situations.items()]
    for key, template, provided, at in templates:
        try:
            names = template_fields(template)
        except ValueError as exc:
            raise RuleError(f"bad message template {shown(template)}: {exc}", p, at) from None
        unknown = sorted(names - provided)
        if unknown:
            where = f" in situation '{key}'" if key else ""
            raise RuleError(f"message names field {{{unknown[0]}}}, which {what} does not provide{where} "
                            f"(there it provides: {', '.join(sorted(provided))})", p, at)


def builtin_rule_dir() -> Path:
    return Path(str(files("factlint._rules")))


def _examples(value: Any, path: str, line: int, situations: Situations) -> tuple[Example, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RuleError("examples must be lists of texts or {text, date} mappings", path, line)
    out = []
    for item in value:
        if isinstance(item, str):
            out.append(Example(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= EXAMPLE_KEYS:
            at = item.line if isinstance(item, LocDict) else line
            for key in ("line", "column"):
                if key in item and (not isinstance(item[key], int) or isinstance(item[key], bool) or item[key] < 1):
                    raise RuleError(f"example {key} must be a whole number from 1, got {shown(item[key])}", path, at)
            situation = item.get("situation")
            if situation is not None and situation not in situations:
                raise RuleError(f"example situation {shown(situation)} is not one this rule reports "
                                f"({', '.join(s for s in situations if s) or 'it has one'})", path, at)
            out.append(Example(item["text"], str(item["date"]) if item.get("date") is not None else None,
                               situation, item.get("line"), item.get("column")))
        else:
            raise RuleError(f"bad example {shown(item)}: a text or a mapping with 'text' and optionally "
                            f"'date', 'situation', 'line', 'column'", path, line)
    return tuple(out)


def _words_problem(value: Any) -> str | None:
    """What is wrong with a list or mapping option (every one a check kind
    has holds words: ``tokens``, ``swap``), or None."""
    if not isinstance(value, (list, dict)):
        return None
    if not value:
        return "is empty"
    for item in value:
        if not isinstance(item, str) or not item.strip():
            return f"needs words, got {shown(item)}"
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(v, str) or not v.strip():
                return f"maps {shown(k)} to {shown(v)}: give the word or words to write instead"
    return None


def load_rule(path: Path) -> Rule:
    data = load_yaml_file(path, RuleError)
    p = str(path)
    if not isinstance(data, LocDict):
        raise RuleError("a rule file must be a mapping", p, 1)
    for key in data:
        if key not in RULE_KEYS:
            raise RuleError(f"unknown key {shown(key)} (expected one of {', '.join(sorted(RULE_KEYS))})", p, data.line_of(key))
    for key in ("code", "name", "extends", "severity", "message", "description"):
        if key not in data:
            raise RuleError(f"missing {shown(key)}", p, data.line)
    code, name, extends, severity = data["code"], data["name"], data["extends"], data["severity"]
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise RuleError(f"bad code {shown(code)}: use letters then three digits, like FL101", p, data.line_of("code"))
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise RuleError(f"bad name {shown(name)}: use lower-case words joined by hyphens", p, data.line_of("name"))
    if extends not in CHECKS:
        raise RuleError(f"unknown check kind {shown(extends)} (expected one of {', '.join(CHECKS)})", p, data.line_of("extends"))
    if severity not in SEVERITIES:
        raise RuleError(f"bad severity {shown(severity)} (expected one of {', '.join(SEVERITIES)})", p, data.line_of("severity"))
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
            raise RuleError(f"unknown option {shown(key)} for check kind {shown(extends)} (expected one of {', '.join(kind.options) or 'none'})", p, options.line_of(key) if isinstance(options, LocDict) else data.line_of("options"))
        if not isinstance(value, want):
            raise RuleError(f"option {shown(key)} must be a {want.__name__}, got {shown(value)}", p, options.line_of(key) if isinstance(options, LocDict) else data.line_of("options"))
        problem = _words_problem(value)
        if problem:
            raise RuleError(f"option {shown(key)} {problem}", p, options.line_of(key) if isinstance(options, LocDict) else data.line_of("options"))
        allowed = kind.choices.get(key)
        if allowed is not None and value not in allowed:
            raise RuleError(f"option {shown(key)} must be one of {', '.join(allowed)}, got {shown(value)}", p, options.line_of(key) if isinstance(options, LocDict) else data.line_of("options"))
    for key in kind.required:
        if key not in options:
            raise RuleError(f"check kind {shown(extends)} needs option {shown(key)}", p, data.line_of("options"))
    problem = kind.validate(dict(options))
    if problem:
        raise RuleError(problem, p, data.line_of("options"))
    what = f"check kind {shown(extends)}" + (f" with verdict {shown(options['verdict'])}" if "verdict" in options else "")
    situations = kind.situations(dict(options))
    _check_messages(message, situations, what, p, data.line_of("message"))
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"fail", "pass"}:
        raise RuleError("examples must be a mapping with 'fail' and 'pass'", p, data.line_of("examples"))
    line = data.line_of("examples")
    for key in ("description", "link"):
        if key in data and not (isinstance(data[key], str) and data[key].strip()):
            raise RuleError(f"{key} must be a non-empty string, got {shown(data[key])}", p, data.line_of(key))
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RuleError(f"enabled must be true or false, got {shown(enabled)}", p, data.line_of("enabled"))
    return Rule(code, name, extends, severity, dict(message) if isinstance(message, dict) else message,
                str(data["description"]).strip(), dict(options), _examples(examples.get("fail"), p, line, situations),
                _examples(examples.get("pass"), p, line, {}), enabled, data.get("link"), p)


def load_rules(dirs: list[Path] | None = None, builtin: bool = True) -> dict[str, Rule]:
    """Built-in rules, then each user rule directory; codes and names must be unique."""
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    sources = ([builtin_rule_dir()] if builtin else []) + list(dirs or [])
    def unreadable(d: Path, message: str) -> None:
        raise RuleError(message, str(d))

    for d in sources:
        if not d.is_dir():
            raise RuleError("rule directory not found", str(d))
        for path in walk(d, lambda name: Path(name).suffix in (".yaml", ".yml"), unreadable):
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
                raise RuleError(f"unknown rule code {shown(item)} (see `factlint rules`)", origin)
            out |= matched
    return out
