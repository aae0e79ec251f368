"""The command line. Commands are thin: they parse options and call plain
functions. :func:`main` is the one place that turns errors into exit codes:
bad input (a :class:`FactlintError`) is one line on stderr and exit 2; a
usage error is exit 2; anything else is a bug, exit 3, with ``--debug``
showing the traceback.
"""
from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

from factlint import __version__, parallel
from factlint.baseline import load_baseline, new_findings
from factlint.baseline import write_baseline as save_baseline
from factlint.cli_exit import run_app
from factlint.config import Config, find_config, load_config
from factlint.dates import parse_day
from factlint.engine import Linter, Settings, fails
from factlint.errors import ConfigError, shown
from factlint.findings import SEVERITIES, FileError
from factlint.fix import FixOutcome, unified_diff, write_fixes
from factlint.kb import load_kb
from factlint.kb.index import KBIndex
from factlint.parallel import Recipe, check_jobs
from factlint.reporters import REPORTERS, Report
from factlint.rules import Rule, load_rules, resolve_codes
from factlint.stdout import GuardedStdout, discard_unwritten

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Catch factual slips about officials in news drafts.")
kb_app = typer.Typer(no_args_is_help=True, help="Inspect, validate and build knowledge bases.")
app.add_typer(kb_app, name="kb")

_DEBUG = False

def _kb_paths(values: list[str] | None) -> list[Path] | None:
    """--kb values as paths; an empty one is an error (Path("") would be the current directory)."""
    for value in values or []:
        if not value.strip():
            raise ConfigError(f"--kb: empty path {shown(value)} (name a KB file or directory)")
    return [Path(v) for v in values] if values is not None else None


KbOpt = Annotated[Optional[list[str]], typer.Option("--kb", callback=_kb_paths,
                                                    help="A KB file or directory, added after the default KB (repeatable).")]
NoDefaultOpt = Annotated[bool, typer.Option("--no-default-kb", help="Do not load the bundled default KB.")]


def _parse_date(value: str | None, what: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise ConfigError(f"{what}: {exc}") from None


def _split(values: list[str] | None, option: str = "--select") -> list[str]:
    out = []
    for raw in values or []:
        words = raw.replace(",", " ").split()
        if not words:
            raise ConfigError(f"{option}: empty value {shown(raw)} (give rule codes, prefixes or names)")
        out.extend(words)
    return out


def _not_empty(value: str | None, option: str) -> None:
    if value is not None and not value.strip():
        raise ConfigError(f"{option}: empty value {shown(value)}")


def _config(explicit: Path | None, paths: list[str]) -> Config:
    if explicit is not None:
        return load_config(explicit)
    start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    found = find_config(start)
    return load_config(found) if found else Config()


def _kb_sources(kb: Sequence[str | Path] | None, no_default: bool, cfg: Config | None = None) -> tuple[list[Path], bool, bool]:
    """(KB paths after the default KB, whether the default KB loads, whether the cache is used)."""
    paths = [Path(p) for p in list(cfg.kb if cfg else []) + list(kb or [])]
    default = (cfg.default_kb if cfg else True) and not no_default
    if not default and not paths:
        raise ConfigError("no knowledge base: --no-default-kb needs at least one --kb")
    return paths, default, not os.environ.get("FACTLINT_NO_CACHE")


def _load(kb: Sequence[str | Path] | None, no_default: bool, cfg: Config | None = None) -> KBIndex:
    paths, default, cache = _kb_sources(kb, no_default, cfg)
    return load_kb(paths, default=default, cache=cache)


@app.command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, directories (*.md, *.markdown, *.txt) or - for stdin.")] = None,
    kb: KbOpt = None,
    no_default_kb: NoDefaultOpt = False,
    date: Annotated[Optional[str], typer.Option(help="Check as of this date (YYYY-MM-DD); wins over front matter.")] = None,
    format: Annotated[Optional[str], typer.Option("--format", help="text, concise, json, sarif, github, html (default: text; github under GitHub Actions).")] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Only these codes, prefixes or rule names.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these codes, prefixes or rule names.")] = None,
    config: Annotated[Optional[Path], typer.Option(help="Config file (default: .factlint.yaml or pyproject.toml, found upward).")] = None,
    fail_on: Annotated[Optional[str], typer.Option(help="Exit 1 on findings at or above: error, warning, info.")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes (FL201, FL202, substitution rules) in place, then report what is left.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show the safe fixes as a unified diff; write nothing.")] = False,
    baseline: Annotated[Optional[Path], typer.Option(help="Report only findings not recorded in this baseline file.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option("--write-baseline", help="Record the current findings in this baseline file and exit.")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Check drafts in this many processes (default: one per CPU for more than 32 drafts, else 1).")] = None,
) -> int:
    """Check drafts against the knowledge base."""
    targets = paths or ["."]
    for target in targets:
        _not_empty(target, "PATH")
    _not_empty(format, "--format")
    check_jobs(jobs)
    cfg = _config(config, targets)
    fmt = format or os.environ.get("FACTLINT_FORMAT") or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if fmt not in REPORTERS:
        raise ConfigError(f"unknown format {shown(fmt)} (expected one of {', '.join(REPORTERS)})")
    threshold = fail_on or cfg.fail_on
    if threshold not in SEVERITIES:
        raise ConfigError(f"unknown --fail-on {shown(threshold)} (expected one of {', '.join(SEVERITIES)})")
    rules = load_rules(cfg.rules)
    settings = Settings(
        select=resolve_codes(_split(select), rules, "--select") if select else (
            resolve_codes(cfg.select, rules, str(cfg.path)) if cfg.select is not None else None),
        ignore=resolve_codes(_split(ignore, "--ignore") + cfg.ignore, rules, "--ignore"),
        enable=resolve_codes(cfg.enable, rules, str(cfg.path)),
        severities={c: s for code, s in cfg.severity.items() for c in resolve_codes([code], rules, str(cfg.path))},
        per_file_ignores=[(g, resolve_codes(codes, rules, str(cfg.path))) for g, codes in cfg.per_file_ignores.items()],
        date=_parse_date(date, "--date"),
        config_date=cfg.date,
        base=cfg.base,
    )
    accepted = load_baseline(baseline) if baseline is not None else None
    kb_paths, default_kb, cache = _kb_sources(kb, no_default_kb, cfg)
    index = load_kb(kb_paths, default=default_kb, cache=cache)
    gc.freeze()  # the KB lives as long as the run: keep the collector from walking it again and again
    linter = Linter(index, rules, settings)
    run = Run(linter, Recipe(tuple(kb_paths), default_kb, cache, rules, settings), jobs)
    fix_errors: list[FileError] = []
    if diff:
        return _show_diff(run, targets)
    if fix:
        fix_errors = _apply_fixes(run, targets)
    result = parallel.lint_paths(run.linter, run.recipe, targets, jobs, sys.stderr)
    result.errors[:0] = fix_errors
    if write_baseline is not None:
        n = save_baseline(write_baseline, result.findings)
        print(f"factlint: wrote {n} finding{'s' if n != 1 else ''} to baseline {write_baseline}", file=sys.stderr)
        for err in result.errors:
            print(f"factlint: {err}", file=sys.stderr)
        return 2 if result.errors else 0
    if accepted is not None and baseline is not None:
        result = new_findings(result, accepted, baseline.parent)
    REPORTERS[fmt].write(Report(result, rules), sys.stdout)
    for err in result.errors:
        print(f"factlint: {err}", file=sys.stderr)
    if result.errors:
        return 2
    return 1 if fails(result, threshold) else 0


@dataclass(frozen=True)
class Run:
    """One check run: the linter, how a --jobs worker rebuilds it, and --jobs."""

    linter: Linter
    recipe: Recipe
    jobs: int | None

    def fixes(self, targets: list[str]) -> tuple[list[FixOutcome], list[FileError]]:
        return parallel.fix_paths(self.linter, self.recipe, targets, self.jobs, sys.stderr)


def _apply_fixes(run: Run, targets: list[str]) -> list[FileError]:
    outcomes, _unreadable = run.fixes(targets)  # the lint run that follows reports these
    errors = write_fixes(outcomes)
    failed = {e.path for e in errors}
    done = [o for o in outcomes if o.changed and o.shown not in failed]
    n = sum(len(o.applied) for o in done)
    if n:
        print(f"factlint: fixed {n} problem{'s' if n != 1 else ''} in {len(done)} file{'s' if len(done) != 1 else ''}",
              file=sys.stderr)
    _report_skipped(outcomes)
    return errors


def _report_skipped(outcomes: list[FixOutcome]) -> None:
    """Say why fixable findings were left as written (they are reported as findings too)."""
    reasons = Counter(s.reason for o in outcomes for s in o.skipped)
    if reasons:
        total = sum(reasons.values())
        detail = "; ".join(f"{reason}: {n}" for reason, n in sorted(reasons.items()))
        print(f"factlint: left {total} fixable problem{'s' if total != 1 else ''} for an editor ({detail})", file=sys.stderr)


def _show_diff(run: Run, targets: list[str]) -> int:
    outcomes, errors = run.fixes(targets)
    changed = [o for o in outcomes if o.changed]
    for o in changed:
        sys.stdout.write(unified_diff(o))
    n = sum(len(o.applied) for o in changed)
    print(f"factlint: would fix {n} problem{'s' if n != 1 else ''} in {len(changed)} file{'s' if len(changed) != 1 else ''}",
          file=sys.stderr)
    _report_skipped(outcomes)
    for err in errors:
        print(f"factlint: {err}", file=sys.stderr)
    if errors:
        return 2
    return 1 if changed else 0


def _config_settings(cfg: Config, rules: dict[str, Rule]) -> Settings:
    """What a config sets, with no command-line option on top (for ``serve``)."""
    where = str(cfg.path)
    return Settings(
        select=resolve_codes(cfg.select, rules, where) if cfg.select is not None else None,
        ignore=resolve_codes(cfg.ignore, rules, where),
        enable=resolve_codes(cfg.enable, rules, where),
        severities={c: s for code, s in cfg.severity.items() for c in resolve_codes([code], rules, where)},
        per_file_ignores=[(g, resolve_codes(codes, rules, where)) for g, codes in cfg.per_file_ignores.items()],
        config_date=cfg.date,
        base=cfg.base,
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option(show_default=False, help="Address to listen on (default: 127.0.0.1, loopback only; read the README before exposing it).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(show_default=False, help="Port to listen on (default: 8177; 0: any free port).")] = 8177,
    kb: KbOpt = None,
    no_default_kb: NoDefaultOpt = False,
    config: Annotated[Optional[Path], typer.Option(help="Config file (default: .factlint.yaml or pyproject.toml, found upward from here).")] = None,
) -> int:
    """Serve a local web page and HTTP API that check drafts (POST /api/check)."""
    from factlint.serve.api import Checker
    from factlint.serve.server import bind, run

    sock = bind(host, port)  # a bad host or a port in use is an error before the KB loads
    with sock:
        cfg = _config(config, [])
        rules = load_rules(cfg.rules)
        index = _load(kb, no_default_kb, cfg)  # once, at start-up
        gc.freeze()
        return run(Checker(index, rules, _config_settings(cfg, rules)), sock, host)


@app.command("rules")
def rules_cmd(
    test: Annotated[bool, typer.Option("--test", help="Run every rule's examples (built-in and your own) and report problems.")] = False,
    config: Annotated[Optional[Path], typer.Option(help="Config file naming your rule directories (default: found upward).")] = None,
    kb: KbOpt = None,
    no_default_kb: NoDefaultOpt = False,
) -> int:
    """List the rule catalogue (with your own rules from config)."""
    cfg = _config(config, [])
    rules = load_rules(cfg.rules)
    if test:
        from factlint.selftest import run_examples

        index = _load(kb, no_default_kb, cfg)
        problems = [p for rule in rules.values() for p in run_examples(rule, index)]
        for p in problems:
            print(p)
        print(f"{len(rules)} rules, {sum(len(r.fail) + len(r.passing) for r in rules.values())} examples: "
              + (f"{len(problems)} problem{'s' if len(problems) != 1 else ''}" if problems else "all as stated"))
        return 1 if problems else 0
    for rule in rules.values():
        state = "" if rule.enabled else "  (opt-in)"
        print(f"{rule.code}  {rule.name:<22} {rule.severity:<8} {rule.description.splitlines()[0]}{state}")
    return 0


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code or name, e.g. FL103.")]) -> int:
    """Explain one rule, with examples."""
    _not_empty(code, "explain")
    rules = load_rules(_config(None, []).rules)
    codes = resolve_codes([code], rules, "explain")
    for c in sorted(codes):
        r = rules[c]
        print(f"{r.code} {r.name} (default severity: {r.severity}; check kind: {r.extends})\n")
        print(r.description + "\n")
        if r.fail:
            print("Reported:")
            for ex in r.fail:
                print(f"  {ex.text}" + (f"   [as of {ex.date}]" if ex.date else ""))
        if r.passing:
            print("Not reported:")
            for ex in r.passing:
                print(f"  {ex.text}" + (f"   [as of {ex.date}]" if ex.date else ""))
    return 0


@kb_app.command("check")
def kb_check(kb: KbOpt = None, no_default_kb: NoDefaultOpt = False) -> int:
    """Validate knowledge bases and print counts."""
    index = load_kb(kb or [], default=not no_default_kb, cache=False)
    counts = index.kb.counts()
    print("KB OK: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


@kb_app.command("stats")
def kb_stats(
    kb: KbOpt = None,
    no_default_kb: NoDefaultOpt = False,
    offices: Annotated[bool, typer.Option("--offices", help="One row per office, not per jurisdiction.")] = False,
    jurisdiction: Annotated[Optional[list[str]], typer.Option(
        "--jurisdiction", "-j", help="Only this jurisdiction id (repeatable), e.g. us.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text (a table) or json.")] = "text",
) -> int:
    """Per jurisdiction (or office): counts, where the record of holders starts, and its as_of."""
    from factlint.kb_stats import render_json, render_text, stats_data

    if fmt not in ("text", "json"):
        raise ConfigError(f"--format must be text or json for kb stats, got {shown(fmt)}")
    index = _load(kb, no_default_kb)
    unknown = sorted(set(jurisdiction or ()) - set(index.kb.jurisdictions))
    if unknown:
        raise ConfigError(f"--jurisdiction: no jurisdiction {shown(unknown[0])} in the KB")
    data = stats_data(index, jurisdiction or ())
    if fmt == "json":
        print(render_json(data))
    else:
        width = shutil.get_terminal_size((120, 24)).columns
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        print(render_text(data, offices=offices, width=max(width, 80), color=color))
    return 0


@kb_app.command("who")
def kb_who(
    name: Annotated[str, typer.Argument(help="A name, as written (fuzzy: 'Blinkin' finds Antony Blinken).")],
    on: Annotated[Optional[str], typer.Option("--on", help="Show the offices held on this date.")] = None,
    kb: KbOpt = None,
    no_default_kb: NoDefaultOpt = False,
) -> int:
    """What the KB knows about a person."""
    from factlint.kb_report import who

    text, found = who(_load(kb, no_default_kb), name, _parse_date(on, "--on"))
    print(text)
    return 0 if found else 1


@app.command("lsp")
def lsp_cmd() -> int:
    """Run a Language Server Protocol server on standard input and output (for editors)."""
    from factlint.lsp import serve

    return serve()


@kb_app.command("import")
def kb_import(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help="us-executive, pocom, ifg, wikidata or csv.")],
    sources: Annotated[list[Path], typer.Argument(metavar="SOURCE...", help="Source files or directories.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Directory to write KB YAML into.")],
    force: Annotated[bool, typer.Option(help="Overwrite files factlint did not write.")] = False,
    option: Annotated[Optional[list[str]], typer.Option("--option", help="Importer option key=value (repeatable).")] = None,
) -> int:
    """Build KB YAML from officeholder data."""
    from factlint.importers import parse_options, run_import

    written = run_import(fmt, list(sources), out, force=force, options=parse_options(option or []),
                         on_warning=lambda msg: print(f"factlint: warning: {msg}", file=sys.stderr))
    for path in written:
        print(f"wrote {path}")
    return 0


@kb_app.command("update")
def kb_update(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="The KB directory (or file) to refresh, in place.")],
    endpoint: Annotated[Optional[str], typer.Option(help="The SPARQL endpoint (default: https://query.wikidata.org/sparql).")] = None,
    timeout: Annotated[Optional[float], typer.Option(help="Seconds one request may take (default: 60).")] = None,
    kb: KbOpt = None,
    no_default_kb: NoDefaultOpt = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Say what would change; write nothing.")] = False,
) -> int:
    """Refresh the offices of a KB that carry a wikidata id from Wikidata (needs the network)."""
    from factlint import sparql, tuning
    from factlint.kb import kb_sources
    from factlint.kb_update import update

    update(directory, endpoint=sparql.DEFAULT_ENDPOINT if endpoint is None else endpoint,
           timeout=tuning.UPDATE_TIMEOUT if timeout is None else timeout,
           base=kb_sources(kb or [], not no_default_kb), dry_run=dry_run,
           say=print, warn=lambda msg: print(f"factlint: warning: {msg}", file=sys.stderr))
    return 0


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    global _DEBUG
    _DEBUG = debug
    if version:
        print(f"factlint {__version__}")
        raise typer.Exit(0)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    saved = sys.stdout
    sys.stdout = GuardedStdout(saved)  # type: ignore[assignment]
    try:
        return _run(args)
    finally:
        sys.stdout = saved
        if saved is not None and saved is sys.__stdout__:
            discard_unwritten(sys.__stdout__)


def _run(args: list[str]) -> int:
    return run_app(app, args, _DEBUG)


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
