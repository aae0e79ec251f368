"""``factlint lsp``: a Language Server Protocol server on standard input and output.

Takes an editor's JSON-RPC conversation and gives what ``factlint check``
would say about the drafts open in it, as the editor shows lint: diagnostics
while the writer types, quick fixes for the safe fixes, suppression
comments, and a hover that shows what the KB knows about an official. Built
on pygls; the modules, in the order a message flows:

    server    LSP messages, timing (debounce), the open drafts' state
    project   config, rules and KB per project, reloaded when their files change
    drafts    one draft checked: the editor's text -> findings
    convert   findings -> LSP diagnostics (positions in the agreed encoding)
    actions   quick fixes (as ``--fix``), fix all, suppression comments
    hover     the official under the cursor, as ``factlint kb who`` shows them
"""
from __future__ import annotations


def serve() -> int:
    """Run the server until the editor says exit; returns the exit code."""
    from factlint.lsp.server import serve as run

    return run()
