"""``factlint lsp`` end to end, as an editor talks to it: a subprocess and a
JSON-RPC conversation over its standard input and output (tests/lsp/conftest.py)."""
from __future__ import annotations

from pathlib import Path

DRAFT = """---
date: 2024-06-21
---

In response to the agreement, US President Joe Blinken said that his country
would consider new measures. Ukrainian Foreign Minister Dmitry Kuleba said
Kyiv welcomed the talks.
"""


def _open(client, uri: str, text: str, language: str = "markdown") -> dict:
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}})
    return client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)


def _by_code(diagnostics: list[dict]) -> dict[str, dict]:
    return {d["code"]: d for d in diagnostics}


def test_a_conversation_as_an_editor_holds_it(lsp, tmp_path: Path) -> None:
    draft = tmp_path / "korea.md"
    draft.write_text(DRAFT, encoding="utf-8")
    uri = draft.as_uri()
    client = lsp(tmp_path)
    init = client.initialize(tmp_path)
    caps = init["capabilities"]
    assert init["serverInfo"]["name"] == "factlint"
    assert caps["hoverProvider"] and caps["codeActionProvider"]

    # didOpen -> the seed slip at line 5, character 44 (1-based)
    published = _open(client, uri, DRAFT)
    diags = _by_code(published["diagnostics"])
    fl103 = diags["FL103"]
    assert fl103["range"] == {"start": {"line": 4, "character": 43}, "end": {"line": 4, "character": 54}}
    assert fl103["source"] == "factlint"
    assert fl103["severity"] == 1
    assert fl103["message"].startswith('"Joe Blinken" mixes Joe Biden and Antony Blinken; on 2024-06-21 the US President was Joe Biden')
    assert fl103["codeDescription"]["href"].endswith("docs/rules.md#fl103")
    assert fl103["data"]["suggestions"] == ["Joe Biden"]
    assert fl103["relatedInformation"][0]["message"] == "suggestion: Joe Biden"
    fl201 = diags["FL201"]
    assert fl201["range"]["start"] == {"line": 5, "character": 56}

    # codeAction on the misspelling -> the replacement --fix would make
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": fl201["range"],
        "context": {"diagnostics": [fl201], "only": ["quickfix"]}})
    fix = next(a for a in actions if a["title"].startswith("Replace"))
    assert fix["kind"] == "quickfix" and fix["isPreferred"]
    assert fix["diagnostics"][0]["code"] == "FL201"
    [edit] = fix["edit"]["changes"][uri]
    line = DRAFT.splitlines()[5]
    start, end = edit["range"]["start"], edit["range"]["end"]
    assert start["line"] == end["line"] == 5
    fixed = line[: start["character"]] + edit["newText"] + line[end["character"] :]
    assert fixed == "would consider new measures. Ukrainian Foreign Minister Dmytro Kuleba said"
    disable = next(a for a in actions if a["title"].startswith("Disable FL201"))
    assert disable["edit"]["changes"][uri][0]["newText"] == " <!-- factlint-disable-next-line FL201 -->"
    # no quick fix where --fix makes none (FL103 needs an editor's judgement)
    titles = [a["title"] for a in client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": fl103["range"], "context": {"diagnostics": [fl103]}})]
    assert not any(t.startswith("Replace") for t in titles)
    assert "Disable FL103 (conflated-name) on the next line" in titles

    # hover on an official: what the KB knows, as `kb who` shows it
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 5, "character": 60}})
    assert hover["contents"]["kind"] == "markdown"
    assert "Dmytro Kuleba  (dmytro-kuleba)" in hover["contents"]["value"]
    assert "Foreign Minister" in hover["contents"]["value"] and "2020-03-04" in hover["contents"]["value"]
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 6, "character": 14}}) is None
    # over the mix-up (or its title): the two people the finding names, no namesakes
    for character in (45, 33):
        value = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                      "position": {"line": 4, "character": character}})["contents"]["value"]
        assert "Joe Biden  (joe-biden)" in value and "Antony Blinken  (antony-blinken)" in value
        assert "Donald Blinken" not in value and "checked as of 2024-06-21" in value

    # didChange (the fix applied, as the editor would) -> the finding is gone
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"range": edit["range"], "text": edit["newText"]}]})
    published = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p.get("version") == 2)
    assert sorted(d["code"] for d in published["diagnostics"]) == ["FL103"]

    # a whole-text change moves the slip
    moved = DRAFT.replace("In response", "\nIn response")
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": moved}]})
    published = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p.get("version") == 3)
    assert _by_code(published["diagnostics"])["FL103"]["range"]["start"] == {"line": 5, "character": 43}

    # plain text is checked as a .txt draft is
    txt = (tmp_path / "note.txt").as_uri()
    published = _open(client, txt, "On 2024-06-21, US President Joe Blinken spoke.\n", "plaintext")
    assert [d["code"] for d in published["diagnostics"]] == ["FL103"]

    assert client.stop() == 0


def test_a_bad_config_is_a_window_message_and_the_server_lives_on(lsp, tmp_path: Path) -> None:
    (tmp_path / ".factlint.yaml").write_text("selct: [FL1]\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    client = lsp(tmp_path)
    client.initialize(tmp_path)
    published = _open(client, draft.as_uri(), DRAFT)
    assert published["diagnostics"] == []
    message = client.wait_for("window/showMessage")
    assert message["type"] == 1
    assert ".factlint.yaml:1" in message["message"] and "unknown key 'selct'" in message["message"]

    # fixing the config: the next check loads it (no watcher needed) and reports again
    (tmp_path / ".factlint.yaml").write_text("ignore: [FL201]\n", encoding="utf-8")
    client.notify("textDocument/didChange", {"textDocument": {"uri": draft.as_uri(), "version": 2},
                                             "contentChanges": [{"text": DRAFT + "\n"}]})
    published = client.wait_for("textDocument/publishDiagnostics", lambda p: p.get("version") == 2)
    assert [d["code"] for d in published["diagnostics"]] == ["FL103"]
    assert client.wait_for("window/showMessage")["type"] == 3
    assert client.stop() == 0


def test_a_kb_edited_while_open_is_loaded_again(lsp, tmp_path: Path) -> None:
    kb = tmp_path / "newsroom-kb.yaml"
    kb.write_text("people:\n  - {id: eva-svoboda, name: Eva Svoboda}\n", encoding="utf-8")
    # the newsroom KB alone (default_kb: false): three loads of it stay quick
    (tmp_path / ".factlint.yaml").write_text("kb: [newsroom-kb.yaml]\ndefault_kb: false\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    text = "On 2024-06-21 Jan Novakk spoke.\n"
    draft.write_text(text, encoding="utf-8")
    client = lsp(tmp_path)
    client.initialize(tmp_path, watch=True)
    assert _open(client, draft.as_uri(), text)["diagnostics"] == []
    # the server asked to be told of changes to KB, rule and config files
    [registration] = [r for r in client.requests if r["method"] == "client/registerCapability"]
    [watcher] = registration["params"]["registrations"]
    assert watcher["method"] == "workspace/didChangeWatchedFiles"
    assert {w["globPattern"] for w in watcher["registerOptions"]["watchers"]} == {"**/*.yaml", "**/*.yml", "**/pyproject.toml"}

    kb.write_text("people:\n  - {id: jan-novak, name: Jan Novak, misspellings: [Jan Novakk]}\n", encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": kb.as_uri(), "type": 2}]})
    published = client.wait_for("textDocument/publishDiagnostics", lambda p: p["diagnostics"])
    assert [d["code"] for d in published["diagnostics"]] == ["FL201"]

    kb.write_text("people: [{id: jan-novak}]\n", encoding="utf-8")  # broken: no name
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": kb.as_uri(), "type": 2}]})
    message = client.wait_for("window/showMessage")
    assert message["type"] == 1 and "newsroom-kb.yaml" in message["message"]
    assert client.request("textDocument/hover", {"textDocument": {"uri": draft.as_uri()},
                                                  "position": {"line": 0, "character": 16}}) is None
    assert client.stop() == 0


def test_exit_without_shutdown_ends_with_code_1(lsp, tmp_path: Path) -> None:
    client = lsp(tmp_path)
    client.initialize(tmp_path)
    client.notify("exit")
    assert client.proc.wait(timeout=60) == 1
