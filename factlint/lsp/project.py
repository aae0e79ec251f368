"""One project as the language server sees it: a config, its rules and its KB.

Takes a draft's path (or the workspace folder, for a draft not yet saved)
and gives a ready :class:`~factlint.engine.Linter`, found as the command line
finds it: ``.factlint.yaml`` or ``[tool.factlint]`` in ``pyproject.toml``,
upward from the draft. Drafts under the same config share one
:class:`Project`, so the KB is loaded once per project, not per draft.

A project is loaded again when one of the files it was built from changes:
the config file, a file of a KB it names, a rule file, or a config appearing
nearer the draft. The server learns of changes from the editor
(``workspace/didChangeWatchedFiles``) and, for editors that do not send them,
by comparing sizes and modification times before each check (a few
``stat`` calls; the default KB ships with factlint and is not watched).

A bad config, rule file or KB never stops the server: :meth:`Projects.get`
gives the error as text, for the server to show as a window message.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from factlint.config import Config, find_config, load_config
from factlint.engine import Linter, Settings
from factlint.errors import FactlintError, KnowledgeBaseError, KnowledgeBaseErrors
from factlint.kb import load_kb
from factlint.kb.loader import kb_files
from factlint.rules import Rule, load_rules, resolve_codes
from factlint.tuning import LSP_MAX_ERRORS_SHOWN

Stamp = tuple[tuple[str, int, int], ...]  # (path, size, mtime_ns) of every file a project rests on


@dataclass
class Project:
    """A loaded config with its rules and KB (or why it could not be loaded)."""

    config_path: Path | None
    stamp: Stamp
    linter: Linter | None = None
    error: str | None = None

    @property
    def rules(self) -> dict[str, Rule]:
        return self.linter.rules if self.linter else {}


def _stat(path: Path) -> tuple[str, int, int]:
    try:
        st = path.stat()
        return (str(path), st.st_size, st.st_mtime_ns)
    except OSError:
        return (str(path), -1, -1)


def _files_of(cfg: Config) -> list[Path]:
    """Every file and directory the project is built from, the default KB
    aside (a directory's time changes when a file is added to it or removed)."""
    files: list[Path] = [cfg.path] if cfg.path else []
    for source in [*cfg.kb, *cfg.rules]:
        files.append(source)
        if not source.is_dir():
            continue
        try:
            found = kb_files(source, [])
        except (KnowledgeBaseError, OSError, RuntimeError):
            continue
        dirs = {d for f in found for d in f.parents if d != source and d.is_relative_to(source)}
        files.extend(sorted(dirs) + found)
    return files


def stamp_of(cfg: Config) -> Stamp:
    return tuple(_stat(p) for p in _files_of(cfg))


def settings_of(cfg: Config, rules: dict[str, Rule]) -> Settings:
    """The config's policy, as ``factlint check`` applies it with no options given."""
    where = str(cfg.path)

    def codes(values: list[str]) -> set[str]:
        return resolve_codes(values, rules, where)

    severities: dict[str, str] = {}
    for code, severity in cfg.severity.items():
        severities.update(dict.fromkeys(codes([code]), severity))
    return Settings(
        select=None if cfg.select is None else codes(cfg.select),
        ignore=codes(cfg.ignore), enable=codes(cfg.enable), severities=severities,
        per_file_ignores=[(glob, codes(values)) for glob, values in cfg.per_file_ignores.items()],
        config_date=cfg.date, base=cfg.base,
    )


def describe_error(exc: FactlintError) -> str:
    """One message for the editor: a KB's problems, the first few of them."""
    if isinstance(exc, KnowledgeBaseErrors):
        shown = [str(e) for e in exc.errors[:LSP_MAX_ERRORS_SHOWN]]
        more = len(exc.errors) - len(shown)
        return "; ".join(shown) + (f" (and {more} more)" if more > 0 else "")
    return str(exc)


def load_project(config_path: Path | None) -> Project:
    """Load the config, rules and KB; a problem becomes ``Project.error``."""
    cfg = Config()
    try:
        cfg = load_config(config_path) if config_path is not None else Config()
        rules = load_rules(cfg.rules)
        settings = settings_of(cfg, rules)
        index = load_kb(cfg.kb, default=cfg.default_kb, cache=not os.environ.get("FACTLINT_NO_CACHE"))
        return Project(config_path, stamp_of(cfg), Linter(index, rules, settings))
    except FactlintError as exc:
        stamp = stamp_of(cfg) if cfg.path else ((_stat(config_path),) if config_path else ())
        return Project(config_path, stamp, None, describe_error(exc))


class Projects:
    """The projects of one editor session, keyed by the config that governs them."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self._by_config: dict[Path | None, Project] = {}

    def config_for(self, path: Path | None) -> Path | None:
        start = path if path is not None else self.root
        return find_config(start) if start is not None else None

    def get(self, path: Path | None) -> tuple[Project, bool]:
        """The project for a draft at *path*, and whether it was (re)loaded now."""
        key = self.config_for(path)
        project = self._by_config.get(key)
        if project is not None and project.stamp == tuple(_stat(Path(p)) for p, _, _ in project.stamp):
            return project, False
        project = load_project(key)
        self._by_config[key] = project
        return project, True
