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
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factlint.dates import parse_day
from factlint.errors import ConfigError
from factlint.findings import SEVERITIES
from factlint.yamlio import LocDict, load_yaml_file

CONFIG_NAMES = (".factlint.yaml", ".factlint.yml")
KEYS = {
    "kb": list, "default_kb": bool, "rules": list, "select": list, "ignore": list, "enable": list,
    "severity": dict, "per_file_ignores": dict, "date": object, "fail_on": str,
}


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


def find_config(start: Path) -> Path | None:
    here = start.resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for d in (here, *here.parents):
        for name in CONFIG_NAMES:
            if (d / name).is_file():
                return d / name
        py = d / "pyproject.toml"
        if py.is_file():
            try:
                if "factlint" in tomllib.loads(py.read_text(encoding="utf-8")).get("tool", {}):
                    return py
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                continue
    return None


def load_config(path: Path) -> Config:
    p = str(path)
    if path.name == "pyproject.toml":
        try:
            data: Any = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("factlint", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"invalid TOML: {exc}", p) from None
        except OSError as exc:
            raise ConfigError(f"cannot read: {exc.strerror}", p) from None
        if not isinstance(data, dict):
            raise ConfigError("[tool.factlint] must be a table", p)
    else:
        if not path.is_file():
            raise ConfigError("config file not found", p)
        data = load_yaml_file(path, ConfigError) or {}
        if not isinstance(data, dict):
            raise ConfigError("the config must be a mapping", p, 1)
    return _parse(data, path)


def _parse(data: dict[str, Any], path: Path) -> Config:
    p = str(path)

    def line(key: str) -> int | None:
        return data.line_of(key) if isinstance(data, LocDict) else None

    cfg = Config(path=path)
    for key, value in data.items():
        key_n = key.replace("-", "_") if isinstance(key, str) else key
        want = KEYS.get(key_n)
        if want is None:
            raise ConfigError(f"unknown key {key!r} (expected one of {', '.join(sorted(KEYS))})", p, line(key))
        if want is not object and not isinstance(value, want):
            if want is list and isinstance(value, str):
                value = [v for v in value.replace(",", " ").split() if v]
            else:
                raise ConfigError(f"{key!r} must be a {'list' if want is list else want.__name__}, got {value!r}", p, line(key))
        if key_n in ("kb", "rules"):
            setattr(cfg, key_n, [(path.parent / str(v)) for v in value])
        elif key_n in ("select", "ignore", "enable"):
            setattr(cfg, key_n, [str(v) for v in value])
        elif key_n == "default_kb":
            cfg.default_kb = value
        elif key_n == "severity":
            for code, sev in value.items():
                if sev not in SEVERITIES:
                    raise ConfigError(f"bad severity {sev!r} for {code} (expected one of {', '.join(SEVERITIES)})", p, line(key))
            cfg.severity = {str(k): v for k, v in value.items()}
        elif key_n == "per_file_ignores":
            cfg.per_file_ignores = {
                str(k): ([v] if isinstance(v, str) else [str(x) for x in v]) for k, v in value.items()
            }
        elif key_n == "date":
            try:
                cfg.date = parse_day(value if not isinstance(value, dt.date) else value.isoformat())
            except ValueError as exc:
                raise ConfigError(f"date: {exc}", p, line(key)) from None
        elif key_n == "fail_on":
            if value not in SEVERITIES:
                raise ConfigError(f"bad fail_on {value!r} (expected one of {', '.join(SEVERITIES)})", p, line(key))
            cfg.fail_on = value
    return cfg
