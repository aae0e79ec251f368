"""``factlint kb import us-congress``: offices per state and chamber, merged terms, party runs."""
from __future__ import annotations

from pathlib import Path

import yaml

from factlint.importers import run_import
from factlint.kb.loader import load_sources

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).parent / "fixtures" / "importers" / "us_congress.yaml"


def test_us_congress(tmp_path: Path) -> None:
    warnings: list[str] = []
    run_import("us-congress", [FIX], tmp_path, options={"as-of": "2026-06-15"}, on_warning=warnings.append)
    doc = yaml.load((tmp_path / "us-congress.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    offices = {o["id"]: o for o in doc["offices"]}
    vt_sen = offices["us-senator-vt"]
    assert vt_sen["role"] == "senator" and vt_sen["seats"] == "2"
    assert "Vermont Sen." in vt_sen["aliases"]
    # consecutive terms merged; a scheduled end after as-of is open
    assert [(h["person"], h["from"], h.get("to")) for h in vt_sen["holders"]] == [
        ("bernie-sanders", "2007-01-04", None)]
    assert [(h["from"], h.get("to"), h["party"], h["note"]) for h in offices["us-representative-vt"]["holders"]] == [
        ("1991-01-03", "1995-01-03", "Independent", "district at-large")]
    # a change of party starts a new tenure; a gap too
    tx = [(h["person"], h["from"], h.get("to"), h["party"], h["note"]) for h in offices["us-representative-tx"]["holders"]]
    assert tx == [("jane-example", "2015-01-06", "2017-01-03", "Democrat", "district 7"),
                  ("jane-example", "2017-01-03", "2019-01-03", "Republican", "district 7"),
                  ("john-sample", "2021-01-03", None, "Republican", "district 8"),
                  ("jane-example", "2023-01-03", None, "Republican", "district 7")]
    assert offices["us-representative-tx"]["seats"] == "2"
    assert any("unreadable term" in w for w in warnings)  # state ZZ
    assert {r["id"] for r in doc["roles"]} == {"senator", "representative"}
    people = {p["id"]: p for p in doc["people"]}
    assert people["bernie-sanders"]["name"] == "Bernie Sanders" and "Jane Q. Example" in people["jane-example"]["aliases"]
    kb = load_sources([ROOT / "kb" / "roles.yaml", tmp_path])
    assert kb.offices["us-senator-vt"].seats == 2
