"""``factlint kb import factbook``: name forms, titles, several holders, successor ends, codes."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factlint.importers import run_import
from factlint.importers.factbook_text import clean_text, parse_name, parse_since, parse_text
from factlint.kb.loader import load_sources

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).parent / "fixtures" / "importers" / "factbook"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], list[str], Path]:
    out = tmp_path_factory.mktemp("factbook")
    warnings: list[str] = []
    run_import("factbook", [FIX], out, on_warning=warnings.append)
    doc = yaml.load((out / "factbook.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return doc, warnings, out


def _holders(doc: dict[str, Any], oid: str) -> list[tuple[str, str, str | None]]:
    (office,) = [o for o in doc["offices"] if o["id"] == oid]
    return [(h["person"], h["from"], h.get("to")) for h in office["holders"]]


@pytest.mark.parametrize(("text", "name", "family"), [
    ("Emmanuel MACRON", "Emmanuel Macron", None),
    ("XI Jinping", "Xi Jinping", "Xi"),
    ("Santiago PEÑA Palacios", "Santiago Peña Palacios", "Peña"),
    ("Joseph R. BIDEN, Jr.", "Joseph R. Biden Jr.", None),
    ("Denis SASSOU-Nguesso", "Denis Sassou-Nguesso", None),
    ("Bashar al-ASAD", "Bashar al-Asad", None),
    ("CHARLES III", "Charles III", None),
    ("Sheikh MUHAMMAD BIN RASHID Al Maktum", "Muhammad bin Rashid Al Maktum", "Muhammad bin Rashid"),
    ("Joan-Enric VIVES i Sicilia", "Joan-Enric Vives i Sicilia", "Vives"),
])
def test_name_forms(text: str, name: str, family: str | None) -> None:
    parsed = parse_name(text)
    assert parsed is not None
    assert (parsed.name, parsed.family) == (name, family)


def test_names_that_are_not_names() -> None:
    assert parse_name("Presidential Council") is None  # no capitals
    assert parse_name("BARNIER is the caretaker Prime Minister after resigning") is None
    assert parse_name('Joko "Jokowi" WIDODO').aliases == ["Jokowi"]  # type: ignore[union-attr]


def test_dates_and_entities() -> None:
    assert parse_since("14 May 2017") == "2017-05-14"
    assert parse_since("February 2018") == "2018-02"
    assert parse_since("seizing power on 26 January 1986") == "1986-01-26"
    assert parse_since("31 February 2018") is None
    assert clean_text("S&eacute;bastien LECORNU<br>&nbsp;(since 10 September 2025)") == \
        "Sébastien LECORNU (since 10 September 2025)"


def test_several_holders_and_deputies() -> None:
    holders, problems = parse_text("Captains Regent Denise BRONZETTI and Italo RIGHI (since 1 April 2025)")
    assert [(h.kind, h.name.name, h.since) for h in holders] == [
        ("captain-regent", "Denise Bronzetti", "2025-04-01"), ("captain-regent", "Italo Righi", "2025-04-01")]
    holders, problems = parse_text("President Danny FAURE (PL) (since 16 October 2016); Vice President Vincent "
                                   "MERITON (since 28 October 2016); note - James Alix MICHEL resigned")
    assert [(h.kind, h.name.name) for h in holders] == [("president", "Danny Faure")] and problems == []
    holders, _ = parse_text("Queen ELIZABETH II (since 6 February 1952); represented by Governor General "
                            "Sir Colville YOUNG, Sr. (since 17 November 1993)")
    assert [(h.kind, h.name.name) for h in holders] == [("monarch", "Elizabeth II"),
                                                        ("governor-general", "Colville Young Sr.")]
    holders, problems = parse_text("President (vacant)")
    assert holders == [] and problems


def test_tenures_end_at_the_successor(imported: tuple[dict[str, Any], list[str], Path]) -> None:
    doc, _, _ = imported
    assert _holders(doc, "de-chancellor") == [("olaf-scholz", "2021-12-08", "2025-05-06"),
                                              ("friedrich-merz", "2025-05-06", None)]
    # a head-of-government text without a title is the office the field's other texts name
    assert _holders(doc, "fr-prime-minister") == [("francois-bayrou", "2024-12-13", "2025-09-10"),
                                                  ("sebastien-lecornu", "2025-09-10", None)]
    assert _holders(doc, "va-monarch") == [("francis", "2013-03-13", "2025-05-08"), ("leo-xiv", "2025-05-08", None)]
    (sm,) = [o for o in doc["offices"] if o["id"] == "sm-captain-regent"]
    assert sm["seats"] == "2"
    assert sorted(_holders(doc, "sm-captain-regent")) == [
        ("alessandro-scarano", "2024-10-01", "2025-04-01"), ("denise-bronzetti", "2025-04-01", None),
        ("francesca-civerchia", "2024-10-01", "2025-04-01"), ("italo-righi", "2025-04-01", None)]
    names = {p["id"]: p["name"] for p in doc["people"]}
    assert names["sebastien-lecornu"] == "Sébastien Lecornu" and names["francois-bayrou"] == "François Bayrou"


def test_codes_are_not_iso(imported: tuple[dict[str, Any], list[str], Path]) -> None:
    doc, warnings, out = imported
    assert {o["jurisdiction"] for o in doc["offices"]} == {"de", "fr", "sm", "va"}  # gm is Germany
    assert any("'bd'" in w and "skipped" in w for w in warnings)  # Bermuda: a territory, warned
    assert any("no name in capitals" in w and "vt.json" in w for w in warnings)  # unreadable row, warned
    kb = load_sources([ROOT / "kb" / "roles.yaml", out])
    assert kb.offices["de-president"].holders[0].person == "frank-walter-steinmeier"


def test_deterministic(tmp_path: Path, imported: tuple[dict[str, Any], list[str], Path]) -> None:
    _, _, first = imported
    run_import("factbook", [FIX / "factbook-executive-history.jsonl", FIX / "factbook-countries.jsonl"], tmp_path)
    for name in ("factbook.yaml", "jurisdictions.yaml"):
        assert (tmp_path / name).read_bytes() == (first / name).read_bytes()
