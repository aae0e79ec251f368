"""How a command's outcome becomes an exit code and a message on stderr.

Takes the typer app and the arguments; gives the exit code of the contract
(0, 1, 2 usage/config/KB/draft errors, 3 internal errors, 130 aborted),
printing a one-line error for everything but an internal error shown with
``--debug``.
"""

from __future__ import annotations

import sys
import traceback

import click
import typer

from factlint.errors import FactlintError, KnowledgeBaseErrors


def _click_modules() -> list[object]:
    """click's exception classes: typer >= 0.20 vendors its own copy of click."""
    mods: list[object] = [click.exceptions]
    try:
        from typer._click import exceptions as vendored  # type: ignore[import-not-found]

        mods.append(vendored)
    except ImportError:
        pass
    return mods


def _classes(name: str) -> tuple[type[BaseException], ...]:
    return tuple(getattr(m, name) for m in _click_modules() if isinstance(getattr(m, name, None), type))


def run_app(app: typer.Typer, args: list[str], debug: bool) -> int:
    try:
        rv = app(args=args, prog_name="factlint", standalone_mode=False)
        sys.stdout.flush()
        return rv if isinstance(rv, int) else 0
    except KnowledgeBaseErrors as exc:
        for err in exc.errors:
            print(f"factlint: {err}", file=sys.stderr)
        return 2
    except FactlintError as exc:
        print(f"factlint: {exc}", file=sys.stderr)
        return 2
    except _classes("Exit") as exc:
        return int(getattr(exc, "exit_code", 0) or 0)
    except _classes("Abort"):
        print("factlint: aborted", file=sys.stderr)
        return 130
    except _classes("ClickException") as exc:
        exc.show(file=sys.stderr)  # type: ignore[attr-defined]
        return int(getattr(exc, "exit_code", 2) or 2)
    except BrokenPipeError:
        return 0
    except Exception:  # noqa: BLE001 - the last line of defence
        if debug or "--debug" in args:
            traceback.print_exc()
        else:
            print("factlint: internal error (a bug in factlint); run again with --debug for details", file=sys.stderr)
        return 3
