"""Configuration: ``.factlint.yaml`` or ``[tool.factlint]`` in ``pyproject.toml``.

Found upward from the first checked path (or the current directory), or
named with ``--config``. Paths in it are relative to the file. Unknown keys
and bad values are errors that name the file, line and value::

    kb: [newsroom-kb/]          # added after the default KB
    default_kb: true
    rules: [style/]             # directories of the newsroom's own rule files
    select: [FL1, FL2]          # codes, code prefixes or rule names
    ignore: [FL202]
    enable: [FL901]             # opt-in rules (enabled: false in their file)
    severity: {FL301: error}
    per_file_ignores: {"archive/*.md": [FL102]}
    date: 2024-06-21            # used when a draft has no date of its own
    fail_on: error              # error | warning | info
"""
from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factlint.dates import parse_day
from factlint.errors import ConfigError, shown
from factlint.findings import SEVERITIES
from factlint.fsio import MAX_DATA_BYTES, read_bytes
from factlint.yamlio import LocDict, load_yaml_file

CONFIG_NAMES = (".factlint.yaml", ".factlint.yml")
KEYS = ("kb", "default_kb", "rules", "select", "ignore", "enable", "severity", "per_file_ignores", "date", "fail_on")
# A pyproject.toml that cannot be parsed is still the config when it seems to
# have the table: better an error than settings silently ignored.
_TOOL_TABLE_RE = re.compile(rb"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*[\"']?factlint\b", re.M)


@dataclass
class Config:
    path: Path | None = None
    kb: list[Path] = field(default_factory=list)
    default_kb: bool = True
    rules: list[Path] = field(default_factory=list)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    date: dt.date | None = None
    fail_on: str = "error"

    @property
    def base(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def _pyproject_table(path: Path) -> tuple[bool, Any]:
    """(has a [tool.factlint] table, its contents); ConfigError when the file
    seems to have one but cannot be read as TOML."""
    p = str(path)
    raw = read_bytes(path, MAX_DATA_BYTES, ConfigError)
    try:
        tool = tomllib.loads(raw.decode("utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        if not _TOOL_TABLE_RE.search(raw):
            return False, None
        if isinstance(exc, UnicodeDecodeError):
            raise ConfigError(f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})", p) from None
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise ConfigError(f"invalid TOML: {reason}", p) from None
    if not isinstance(tool, dict):  # no tool can have a table in it, factlint included
        raise ConfigError(f"'tool' must be a table, got {shown(tool)}", p)
    if "factlint" not in tool:
        return False, None
    return True, tool["factlint"]


def find_config(start: Path) -> Path | None:
    here = Path(os.path.abspath(start))
    if here.is_file() or not here.is_dir():
        here = here.parent
    for d in (here, *here.parents):
        for name in CONFIG_NAMES:
            if os.path.lexists(d / name):  # even a FIFO or a broken link: loading says what is wrong
                return d / name
        py = d / "pyproject.toml"
        if py.is_file():
            try:
                found, _ = _pyproject_table(py)
            except ConfigError:
                return py  # load_config reports it
            if found:
                return py
    return None


def load_config(path: Path) -> Config:
    p = str(path)
    if path.name == "pyproject.toml":
        _, data = _pyproject_table(path)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ConfigError(f"[tool.factlint] must be a table, got {shown(data)}", p)
    else:
        if not os.path.lexists(path):
            raise ConfigError("config file not found", p)
        data = load_yaml_file(path, ConfigError) or {}
        if not isinstance(data, dict):
            raise ConfigError("the config must be a mapping", p, 1)
    return _parse(data, path)


def _parse(data: dict[str, Any], path: Path) -> Config:
    """Every key and every value checked, each error naming the file and line."""
    p = str(path)
    cfg = Config(path=path)
    seen: dict[str, str] = {}
    for key, value in data.items():
        at = data.line_of(key) if isinstance(data, LocDict) else None
        key_n = key.replace("-", "_") if isinstance(key, str) else key
        if key_n not in KEYS:
            raise ConfigError(f"unknown key {shown(key)} (expected one of {', '.join(sorted(KEYS))})", p, at)
        if key_n in seen:
            raise ConfigError(f"{shown(key)} given twice (also as {shown(seen[key_n])})", p, at)
        seen[key_n] = key
        _set(cfg, key_n, value, _Where(p, at, key))
    return cfg


@dataclass(frozen=True)
class _Where:
    path: str
    line: int | None
    key: str

    def error(self, problem: str) -> ConfigError:
        return ConfigError(f"{shown(self.key)} {problem}", self.path, self.line)


def _words(value: Any, where: _Where, allow_empty: bool = True) -> list[str]:
    """A list of non-empty strings (a string is split on commas and blanks)."""
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, list):
        raise where.error(f"must be a list of strings, got {shown(value)}")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise where.error(f"must be a list of non-empty strings, got {shown(item)} in it")
    if not value and not allow_empty:
        raise where.error("is empty: no rule would run (leave it out to run every rule)")
    return [v.strip() for v in value]


def _set(cfg: Config, key: str, value: Any, where: _Where) -> None:
    base = Path(where.path).parent
    if key in ("kb", "rules"):
        setattr(cfg, key, [base / v for v in _words(value, where)])
    elif key in ("select", "ignore", "enable"):
        setattr(cfg, key, _words(value, where, allow_empty=key != "select"))
    elif key == "default_kb":
        if not isinstance(value, bool):
            raise where.error(f"must be true or false, got {shown(value)}")
        cfg.default_kb = value
    elif key == "severity":
        if not isinstance(value, dict):
            raise where.error(f"must be a mapping of rule codes to severities, got {shown(value)}")
        for code, sev in value.items():
            if not isinstance(code, str) or not code.strip():
                raise where.error(f"needs rule codes as keys, got {shown(code)}")
            if sev not in SEVERITIES:
                raise where.error(f"has bad severity {shown(sev)} for {code} (expected one of {', '.join(SEVERITIES)})")
        cfg.severity = dict(value)
    elif key == "per_file_ignores":
        if not isinstance(value, dict):
            raise where.error(f"must be a mapping of glob patterns to rule codes, got {shown(value)}")
        ignores = {}
        for glob, codes in value.items():
            if not isinstance(glob, str) or not glob.strip():
                raise where.error(f"needs glob patterns as keys, got {shown(glob)}")
            ignores[glob] = _words(codes, _Where(where.path, where.line, f"{where.key}: {glob}"))
        cfg.per_file_ignores = ignores
    elif key == "date":
        try:
            cfg.date = parse_day(value)
        except ValueError as exc:
            raise ConfigError(f"date: {exc}", where.path, where.line) from None
    elif key == "fail_on":
        if value not in SEVERITIES:
            raise where.error(f"must be one of {', '.join(SEVERITIES)}, got {shown(value)}")
        cfg.fail_on = value
