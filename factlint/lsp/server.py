"""The language server: LSP messages in, factlint's API called, answers out.

Takes JSON-RPC on standard input (through pygls) and gives diagnostics,
code actions and hovers; every factlint decision is made by the modules it
calls (:mod:`factlint.lsp.drafts` checks a draft, :mod:`~factlint.lsp.actions`
offers fixes, :mod:`~factlint.lsp.hover` describes officials). This module
only keeps the open drafts' state and the timing:

- a draft is checked when opened and saved, and again
  ``tuning.LSP_DEBOUNCE_SECONDS`` after the last change (typing does not
  check on every keystroke); code actions and hovers on a draft changed
  since its last check check it first, so they always answer for the text
  the editor has;
- a change to a watched file (``workspace/didChangeWatchedFiles``: KB,
  rule and config files; registered when the editor allows it) checks every
  open draft again, which reloads the project if one of its files changed;
- a config, rule file or KB that cannot be loaded is one ``window/showMessage``
  (once until it changes), the drafts it governs get no diagnostics, and the
  server goes on; an unexpected error is a message too, never a crash.
"""
from __future__ import annotations

import asyncio
import logging
import os
import sys
import traceback
from pathlib import Path
from typing import BinaryIO

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from factlint import __version__
from factlint.lsp.actions import FIX_ALL, code_actions
from factlint.lsp.convert import diagnostic, error_diagnostic, from_position
from factlint.lsp.drafts import Checked, check_draft, checked_language, uri_path
from factlint.lsp.hover import hover_text
from factlint.lsp.project import Projects
from factlint.tuning import LSP_DEBOUNCE_SECONDS

log = logging.getLogger("factlint.lsp")
WATCHED = ("**/*.yaml", "**/*.yml", "**/pyproject.toml")


class FactlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("factlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.projects = Projects()
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.reported: set[str] = set()
        self.shut_down = False

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    def say(self, text: str, kind: types.MessageType = types.MessageType.Error) -> None:
        self.window_show_message(types.ShowMessageParams(kind, f"factlint: {text}"))

    # -- checking ------------------------------------------------------------------
    def check(self, uri: str) -> Checked | None:
        """Check the draft now and publish its diagnostics; None if not checked."""
        self.pending.pop(uri, None)
        try:
            return self._check(uri)
        except Exception as exc:  # noqa: BLE001 - a bug must not end the editor's session
            log.error("checking %s failed:\n%s", uri, traceback.format_exc())
            self.say(f"internal error while checking {uri} (a bug in factlint): {exc!r}")
            return None

    def _check(self, uri: str) -> Checked | None:
        document = self.workspace.get_text_document(uri)
        if not checked_language(document.language_id):
            return None
        checked, loaded = check_draft(self.projects, uri, document.source, document.language_id, document.version)
        self.checked[uri] = checked
        if checked.problem is not None:
            if checked.problem not in self.reported:
                self.reported.add(checked.problem)
                self.say(checked.problem)
        elif loaded and self.reported:
            self.reported.clear()
            self.say("the configuration and KB load again", types.MessageType.Info)
        rules = checked.project.rules
        diagnostics = [diagnostic(f, rules, uri, checked.lines, self.encoding) for f in checked.findings]
        diagnostics += [error_diagnostic(e, checked.lines, self.encoding) for e in checked.errors]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version))
        return checked

    def check_later(self, uri: str) -> None:
        if (handle := self.pending.pop(uri, None)) is not None:
            handle.cancel()
        self.pending[uri] = asyncio.get_running_loop().call_later(LSP_DEBOUNCE_SECONDS, self.check, uri)

    def current(self, uri: str) -> Checked | None:
        """The draft's last check, made again first if the text has changed since."""
        checked = self.checked.get(uri)
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        if checked is None or checked.version != document.version or uri in self.pending:
            if (handle := self.pending.pop(uri, None)) is not None:
                handle.cancel()
            checked = self.check(uri)
        return checked

    def forget(self, uri: str) -> None:
        if (handle := self.pending.pop(uri, None)) is not None:
            handle.cancel()
        self.checked.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def _watch(ls: FactlintServer) -> None:
    """Ask the editor to tell of changes to KB, rule and config files."""
    caps = ls.client_capabilities.workspace
    watched = caps.did_change_watched_files if caps else None
    if not (watched and watched.dynamic_registration):
        return  # the stat check before each draft's check still sees changes
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
    ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
        id="factlint-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))


def build() -> FactlintServer:
    server = FactlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: FactlintServer, params: types.InitializeParams) -> None:
        folders = params.workspace_folders or []
        root = folders[0].uri if folders else params.root_uri
        ls.projects.root = uri_path(root) if root else None
        if ls.projects.root is None and params.root_path:
            ls.projects.root = Path(params.root_path)

    @server.feature(types.INITIALIZED)
    def initialized(ls: FactlintServer, params: types.InitializedParams) -> None:
        _watch(ls)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: FactlintServer, params: None) -> None:
        ls.shut_down = True
        for handle in ls.pending.values():
            handle.cancel()
        ls.pending.clear()

    def check_now(ls: FactlintServer, params: types.DidOpenTextDocumentParams | types.DidSaveTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    server.feature(types.TEXT_DOCUMENT_DID_OPEN)(check_now)
    server.feature(types.TEXT_DOCUMENT_DID_SAVE)(check_now)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.check_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: FactlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        for uri in list(ls.workspace.text_documents):
            ls.check(uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: FactlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        checked = ls.current(params.text_document.uri)
        if checked is None:
            return None
        return code_actions(checked, params.range, params.context.only, ls.encoding) or None

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactlintServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.current(params.text_document.uri)
        if checked is None:
            return None
        line, column = from_position(checked.lines, params.position, ls.encoding)
        text = hover_text(checked, line, column)
        if text is None:
            return None
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))

    return server


def serve() -> int:
    """Serve on standard input and output until the editor says exit.

    Exit code 0 after ``shutdown`` then ``exit`` (or the input closing after
    ``shutdown``), 1 when the editor went away without ``shutdown``, as the
    LSP specification asks.
    """
    server = build()
    server.start_io(sys.stdin.buffer, _protocol_output())
    return 0 if server.shut_down else 1


def _protocol_output() -> BinaryIO:
    """Standard output for the protocol alone: the stream pygls writes (and
    closes at exit) is a copy of it, and anything else written to standard
    output while the server runs (a stray print) goes to standard error,
    where it cannot break the editor's JSON-RPC stream."""
    try:
        sys.stdout.flush()
        out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
        os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
        return out
    except (AttributeError, OSError, ValueError):  # no real descriptor (an embedding host)
        return sys.stdout.buffer
