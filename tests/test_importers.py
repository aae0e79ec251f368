"""The importers of ``factlint kb import`` and the default-KB build script."""
from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from factlint.errors import ConfigError, FactlintError, KnowledgeBaseError
from factlint.importers import IMPORTERS, parse_options, run_import
from factlint.importers.common import slugify
from factlint.importers.pocom import person_names
from factlint.importers.wikidata import wikidata_date
from factlint.importers.writer import MARKER, dump_kb, scalar
from factlint.kb.loader import load_sources

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).parent / "fixtures" / "importers"
ROLES = ROOT / "kb" / "roles.yaml"
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _import(fmt: str, src: Path, out: Path, **options: str) -> dict[str, Any]:
    """Run one import; return the main output file parsed."""
    paths = run_import(fmt, [src], out, options=dict(options))
    main = [p for p in paths if p.name != "jurisdictions.yaml"]
    assert len(main) == 1
    return yaml.load(main[0].read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _office(doc: dict[str, Any], oid: str) -> dict[str, Any]:
    (office,) = [o for o in doc["offices"] if o["id"] == oid]
    return office


def _holders(doc: dict[str, Any], oid: str) -> list[tuple[str, str, str | None]]:
    return [(h["person"], h["from"], h.get("to")) for h in _office(doc, oid)["holders"]]


def _person(doc: dict[str, Any], pid: str) -> dict[str, Any]:
    (person,) = [p for p in doc["people"] if p["id"] == pid]
    return person


# -- registry ---------------------------------------------------------------------

def test_registry_lists_every_importer_module() -> None:
    assert list(IMPORTERS) == ["us-executive", "us-congress", "pocom", "ifg", "factbook", "wikidata", "csv"]
    modules = {p.stem for p in (ROOT / "factlint" / "importers").glob("*.py")}
    registered = {imp.run.__module__.rsplit(".", 1)[1] for imp in IMPORTERS.values()}
    assert registered == modules - {"__init__", "common", "countries", "writer", "factbook_text", "positions"}


def test_unknown_format_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown import format 'nope'"):
        run_import("nope", [FIX / "pocom.csv"], tmp_path)


def test_unknown_option_and_missing_source_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown option 'colour'"):
        run_import("pocom", [FIX / "pocom.csv"], tmp_path, options={"colour": "red"})
    with pytest.raises(ConfigError, match="no such file"):
        run_import("pocom", [tmp_path / "missing.csv"], tmp_path)
    with pytest.raises(ConfigError, match="no SOURCE"):
        run_import("pocom", [], tmp_path)


def test_parse_options() -> None:
    assert parse_options(["role=president", "since = 1977"]) == {"role": "president", "since": "1977"}
    with pytest.raises(ConfigError):
        parse_options(["role"])


# -- us-executive ---------------------------------------------------------------------

@pytest.fixture
def executive(tmp_path: Path) -> dict[str, Any]:
    return _import("us-executive", FIX / "us_executive.yaml", tmp_path, **{"as-of": "2026-06-15"})


def test_executive_ids_and_merged_terms(executive: dict[str, Any]) -> None:
    assert _holders(executive, "us-president") == [
        ("john-kennedy", "1961-01-20", "1963-11-22"),  # scheduled end 1965: cut short by the successor
        ("lyndon-johnson", "1963-11-22", "1969-01-20"),  # succession + elected term: one tenure
        ("barack-obama", "2009-01-20", "2017-01-20"),
        ("donald-trump", "2017-01-20", "2021-01-20"),
        ("joe-biden", "2021-01-20", "2025-01-20"),
        ("donald-trump", "2025-01-20", None),  # scheduled end 2029 lies after as_of: still in office
    ]
    assert _holders(executive, "us-vice-president") == [
        ("lyndon-johnson", "1961-01-20", "1963-11-22"),
        ("joe-biden", "2009-01-20", "2017-01-20"),
        ("mike-pence", "2017-01-20", "2021-01-20"),
        ("kamala-harris", "2021-01-20", "2025-01-20"),
        ("jd-vance", "2025-01-20", None),
    ]
    pres = _office(executive, "us-president")
    assert (pres["role"], pres["jurisdiction"], pres["title"]) == ("president", "us", "President of the United States")
    assert _office(executive, "us-vice-president")["title"] == "Vice President of the United States"


def test_executive_names(executive: dict[str, Any]) -> None:
    biden = _person(executive, "joe-biden")
    assert biden["name"] == "Joe Biden"
    assert {"Joseph Biden", "Joseph R. Biden Jr."} <= set(biden["aliases"])
    assert biden["wikidata"] == "Q6279"
    vance = _person(executive, "jd-vance")
    assert vance["name"] == "JD Vance" and "J.D. Vance" in vance["aliases"]
    assert "Kamala D. Harris" in _person(executive, "kamala-harris")["aliases"]
    assert executive["meta"]["as_of"] == "2026-06-15"


def test_executive_bad_date_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "exec.yaml"
    bad.write_text(FIX.joinpath("us_executive.yaml").read_text().replace("'1963-11-22'", "'1963-11-31'"))
    with pytest.raises(KnowledgeBaseError) as err:
        run_import("us-executive", [bad], tmp_path / "out")
    assert err.value.path == str(bad) and err.value.line == 29
    assert "November 1963 has 30 days" in str(err.value)


# -- pocom --------------------------------------------------------------------------

@pytest.fixture
def pocom(tmp_path: Path) -> dict[str, Any]:
    return _import("pocom", FIX / "pocom.csv", tmp_path)


def test_pocom_secretary_of_state(pocom: dict[str, Any]) -> None:
    office = _office(pocom, "us-secretary-of-state")
    assert office["role"] == "foreign-minister" and office["title"] == "Secretary of State"
    assert office["aliases"] == ["US Secretary of State", "top US diplomat"]
    assert [h[0] for h in _holders(pocom, "us-secretary-of-state")] == [
        "hillary-clinton", "john-kerry", "rex-tillerson", "mike-pompeo", "antony-blinken", "marco-rubio"]
    assert _holders(pocom, "us-secretary-of-state")[-1] == ("marco-rubio", "2025-01-21", None)
    pompeo = _person(pocom, "mike-pompeo")
    assert pompeo["name"] == "Mike Pompeo" and "Michael R. Pompeo" in pompeo["aliases"]
    assert "Hillary Rodham Clinton" in _person(pocom, "hillary-clinton")["aliases"]
    # acting secretaries are their own office; a missing start falls back to the appointment
    assert _holders(pocom, "us-secretary-of-state-ad-interim") == [("daniel-smith", "2021-01-20", "2021-01-26")]


def test_pocom_other_posts(pocom: dict[str, Any]) -> None:
    deputy = _office(pocom, "us-deputy-secretary-of-state")
    assert (deputy["role"], deputy["title"]) == ("official", "Deputy Secretary of State")
    assert _holders(pocom, "us-deputy-secretary-of-state") == [
        ("antony-blinken", "2015-01-09", "2017-01-19"),
        ("john-sullivan", "2017-05-24", "2019-12-21"),  # open in the source: closed at the successor's start
        ("stephen-biegun", "2019-12-21", "2021"),  # open, next holder only in 2025: closed at 2021
        ("christopher-landau", "2025-03-25", None),  # started after 2020: may be current
    ]
    assert _office(pocom, "us-state-department-counselor")["title"] == "State Department Counselor"
    assert not any("career" in o["id"] for o in pocom["offices"])


def test_pocom_ambassadors_and_stale_tenures(pocom: dict[str, Any]) -> None:
    gb = _office(pocom, "us-ambassador-gb")
    assert (gb["role"], gb["jurisdiction"], gb["host"], gb["title"]) == (
        "ambassador", "us", "gb", "US Ambassador to the United Kingdom")
    # the chargé d'affaires ad interim is not a chief of mission
    assert _holders(pocom, "us-ambassador-gb") == [
        ("matthew-barzun", "2013-12-04", "2017-01-18"), ("woody-johnson", "2017-11-08", "2021")]
    johnson = next(h for h in gb["holders"] if h["person"] == "woody-johnson")
    assert "open-ended in POCOM" in johnson["note"]
    assert _holders(pocom, "us-ambassador-ru")[-1] == ("john-sullivan", "2020-01-16", "2021")
    assert _holders(pocom, "us-ambassador-se") == [("anna-smith", "1960-02-01", "1962-03-01"),
                                                   ("bea-jones", "1962-03-01", "1965-01-01")]
    assert _holders(pocom, "us-ambassador-pe") == [("olga-timer", "1980-02-01", "1980")]
    every = [h for o in pocom["offices"] for h in o["holders"]]
    assert all(h.get("to") or h["from"] >= "2021" for h in every), "a stale tenure asserts a current holder"


def test_pocom_overlap_clipped_and_skips(tmp_path: Path) -> None:
    warnings: list[str] = []
    run_import("pocom", [FIX / "pocom.csv"], tmp_path, on_warning=warnings.append)
    doc = yaml.load((tmp_path / "us-state-department.yaml").read_text(), Loader=yaml.BaseLoader)
    kr = _holders(doc, "us-ambassador-kr")
    assert kr == [("carl-brown", "1990-02-01", "1993-02-20"), ("don-gregg", "1993-02-20", "1995-01-01")]
    assert "seats" not in _office(doc, "us-ambassador-kr")
    assert _person(doc, "don-gregg")["aliases"][:1] == ["Donald Phinney Gregg"]
    assert "us-ambassador-jp" not in {o["id"] for o in doc["offices"]}  # no start: never took up the post
    text = "\n".join(warnings)
    assert "territory yugoslavia: no ISO 3166-1 code" in text and "Career Ambassador" in text
    un = _office(doc, "us-ambassador-un")
    assert (un["host"], un["title"]) == ("un", "US Ambassador to the United Nations")
    jur = yaml.safe_load((tmp_path / "jurisdictions.yaml").read_text())
    assert {j["id"] for j in jur["jurisdictions"]} == {"us", "gb", "ru", "se", "pe", "kr", "un"}


@pytest.mark.parametrize(("full", "pid", "name", "family"), [
    ("Antony John Blinken", "blinken-antony-j", "Antony Blinken", None),
    ("Martin Van Buren", "van-buren-martin", "Martin Van Buren", "Van Buren"),
    ("Henry A. (Heinz Alfred) Kissinger", "kissinger-henry-a", "Henry Kissinger", None),
    ("Strobe (Nelson Strobridge) Talbott, III", "talbott-strobe-nelson-strobridge", "Strobe Talbott", None),
    ("William Blaine (Bill) Richardson", "richardson-william-blaine-bill", "Bill Richardson", None),
    ("W. Patrick Murphy", "murphy-w-patrick", "W. Patrick Murphy", None),
    ("Clifton Reginald Wharton, Jr.", "wharton-clifton-reginald2", "Clifton Wharton", None),
])
def test_pocom_person_names(full: str, pid: str, name: str, family: str | None) -> None:
    got, _aliases, fam = person_names(full, pid)
    assert (got, fam) == (name, family)


# -- ifg ------------------------------------------------------------------------------

@pytest.fixture
def ifg(tmp_path: Path) -> dict[str, Any]:
    return _import("ifg", FIX / "ifg", tmp_path)


def test_ifg_great_offices(ifg: dict[str, Any]) -> None:
    pm = _office(ifg, "gb-prime-minister")
    assert (pm["role"], pm["title"]) == ("prime-minister", "Prime Minister of the United Kingdom")
    assert _holders(ifg, "gb-prime-minister") == [
        ("boris-johnson", "2019-07-24", "2022-09-06"), ("liz-truss", "2022-09-06", "2022-10-25"),
        ("rishi-sunak", "2022-10-25", "2024-07-05"), ("keir-starmer", "2024-07-05", None)]
    fs = _office(ifg, "gb-foreign-secretary")
    assert fs["role"] == "foreign-minister" and "Foreign Secretary" in fs["aliases"]
    # the FCO and FCDO posts are one office; Raab's two appointments are one tenure
    assert _holders(ifg, "gb-foreign-secretary") == [
        ("dominic-raab", "2019-07-24", "2021-09-15"), ("liz-truss", "2021-09-15", "2022-09-06"),
        ("david-cameron", "2023-11-13", "2024-07-05")]
    chx = _office(ifg, "gb-chancellor-of-the-exchequer")
    assert chx["role"] == "finance-minister" and chx["title"] == "Chancellor of the Exchequer"


def test_ifg_no_bare_generic_aliases(ifg: dict[str, Any]) -> None:
    generic = {"chancellor", "prime minister", "foreign minister", "attorney general", "minister of state"}
    for office in ifg["offices"]:
        forms = [office.get("title", ""), *office.get("aliases", [])]
        assert not generic & {f.casefold() for f in forms}, office["id"]
    assert _office(ifg, "gb-attorney-general")["title"] == "UK Attorney General"


def test_ifg_people_seats_and_meta(ifg: dict[str, Any]) -> None:
    cameron = _person(ifg, "david-cameron")
    assert cameron["aliases"] == ["Lord Cameron of Chipping Norton", "Lord Cameron"]
    assert _office(ifg, "gb-minister-of-state-fco")["seats"] == "2"
    assert _office(ifg, "gb-attorney-general")["seats"] == "2"  # Ellis covered Braverman's leave
    assert "therese-coffey" not in {p["id"] for p in ifg["people"]}  # whips (rank Parl.) not imported
    assert "Institute for Government, IfG Ministers Database" in ifg["meta"]["license"]
    assert "CC BY 4.0" in ifg["meta"]["license"]


def test_ifg_ranks_option(tmp_path: Path) -> None:
    doc = _import("ifg", FIX / "ifg", tmp_path, ranks="Parl.")
    assert [p["name"] for p in doc["people"]] == ["Thérèse Coffey"]
    assert _person(doc, "therese-coffey")


def test_ifg_missing_file_is_a_config_error(tmp_path: Path) -> None:
    shutil.copytree(FIX / "ifg", tmp_path / "ifg")
    (tmp_path / "ifg" / "post.csv").unlink()
    with pytest.raises(ConfigError, match="missing post.csv"):
        run_import("ifg", [tmp_path / "ifg"], tmp_path / "out")


# -- wikidata ---------------------------------------------------------------------------

def test_wikidata_import(tmp_path: Path) -> None:
    warnings: list[str] = []
    run_import("wikidata", [FIX / "wikidata.json"], tmp_path, options={"role": "president"},
               on_warning=warnings.append)
    doc = yaml.load((tmp_path / "wikidata.yaml").read_text(), Loader=yaml.BaseLoader)
    assert _holders(doc, "us-president-of-the-united-states") == [
        ("george-washington", "1789", "1797-03"),  # precision 9 and 10
        ("donald-trump", "2017-01-20", "2021-01-20"),
        ("joe-biden", "2021-01-20", "2025-01-20"),
        ("donald-trump", "2025-01-20", None),
    ]
    office = _office(doc, "us-president-of-the-united-states")
    assert (office["role"], office["wikidata"]) == ("president", "Q11696")
    biden = _person(doc, "joe-biden")
    assert biden["wikidata"] == "Q6279" and "Joseph R. Biden" in biden["aliases"]
    assert any("Somebody Vague" in w for w in warnings)  # decade precision: skipped
    load_sources([ROLES, FIX / "jurisdictions-us.yaml", tmp_path / "wikidata.yaml"])


@pytest.mark.parametrize(("value", "precision", "expected"), [
    ("+2021-01-20T00:00:00Z", "11", "2021-01-20"), ("2021-01-01T00:00:00Z", "10", "2021-01"),
    ("2021-01-01T00:00:00Z", "9", "2021"), ("2021-01-01T00:00:00Z", "8", None), ("-0044-03-15T00:00:00Z", "11", None),
])
def test_wikidata_dates(value: str, precision: str, expected: str | None) -> None:
    assert wikidata_date(value, precision) == expected


def test_wikidata_bad_json(tmp_path: Path) -> None:
    bad = tmp_path / "r.json"
    bad.write_text('{"results": {\n"bindings": [}')
    with pytest.raises(KnowledgeBaseError) as err:
        run_import("wikidata", [bad], tmp_path)
    assert err.value.line == 2


# -- csv ----------------------------------------------------------------------------------

CSV_OPTIONS = {"person": "Name", "position": "Post", "jurisdiction": "Country", "start": "From", "end": "To",
               "aliases": "Also known as", "role": "chancellor"}


def test_csv_import(tmp_path: Path) -> None:
    doc = _import("csv", FIX / "tenures.csv", tmp_path, **CSV_OPTIONS)
    assert _holders(doc, "de-federal-chancellor") == [
        ("olaf-scholz", "2021-12-08", "2025-05-06"), ("friedrich-merz", "2025-05-06", None)]
    assert _office(doc, "de-federal-chancellor")["jurisdiction"] == "de"
    assert _person(doc, "olaf-scholz")["aliases"] == ["Olaf Scholz (SPD)"]
    assert _holders(doc, "de-federal-foreign-minister") == [("annalena-baerbock", "2021-12", "2025-05")]


def test_csv_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="needs --option person"):
        run_import("csv", [FIX / "tenures.csv"], tmp_path, options={})
    with pytest.raises(ConfigError, match="no column 'Nom'"):
        run_import("csv", [FIX / "tenures.csv"], tmp_path, options={**CSV_OPTIONS, "person": "Nom"})
    with pytest.raises(ConfigError, match="role"):
        no_role = {k: v for k, v in CSV_OPTIONS.items() if k != "role"}
        run_import("csv", [FIX / "tenures.csv"], tmp_path, options=no_role)


def test_csv_bad_date_names_line(tmp_path: Path) -> None:
    bad = tmp_path / "t.csv"
    bad.write_text("Name,Post,Country,From,To,Also known as\nA B,Post,de,2021-02-30,,\n")
    with pytest.raises(KnowledgeBaseError) as err:
        run_import("csv", [bad], tmp_path / "out", options=CSV_OPTIONS)
    assert (err.value.path, err.value.line) == (str(bad), 2)


# -- writer: output files ------------------------------------------------------------------

def test_generated_files_load(tmp_path: Path) -> None:
    run_import("us-executive", [FIX / "us_executive.yaml"], tmp_path)
    run_import("pocom", [FIX / "pocom.csv"], tmp_path)  # shares jurisdictions.yaml and people
    run_import("ifg", [FIX / "ifg"], tmp_path)
    kb = load_sources([ROLES, tmp_path])
    assert {"us", "gb", "ru"} <= set(kb.jurisdictions)
    assert kb.offices["us-president"].holders[-1].person == "donald-trump"
    assert kb.offices["gb-prime-minister"].holders[-1].end is None
    first = (tmp_path / "us-executive.yaml").read_text().splitlines()[0]
    assert first == f"{MARKER} kb import us-executive; do not edit by hand"


def test_runs_are_byte_identical(tmp_path: Path) -> None:
    for fmt, src in (("us-executive", "us_executive.yaml"), ("pocom", "pocom.csv"), ("ifg", "ifg")):
        a = run_import(fmt, [FIX / src], tmp_path / "a")
        b = run_import(fmt, [FIX / src], tmp_path / "b")
        assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    again = run_import("pocom", [FIX / "pocom.csv"], tmp_path / "a")  # replacing its own file is fine
    assert again[1].read_bytes() == b[1].read_bytes() or again


def test_refuses_to_overwrite_hand_written_files(tmp_path: Path) -> None:
    mine = tmp_path / "us-executive.yaml"
    mine.write_text("people: []\n")
    with pytest.raises(ConfigError, match="refusing to overwrite") as err:
        run_import("us-executive", [FIX / "us_executive.yaml"], tmp_path)
    assert err.value.path == str(mine)
    assert mine.read_text() == "people: []\n"
    assert not (tmp_path / "jurisdictions.yaml").exists()  # nothing written when one file is refused
    run_import("us-executive", [FIX / "us_executive.yaml"], tmp_path, force=True)
    assert mine.read_text().startswith(MARKER)


def test_people_across_imports(tmp_path: Path) -> None:
    """One output directory is one KB: a person id already defined there is reused or renamed."""
    (tmp_path / "mine.yaml").write_text("people:\n  - {id: john-kerry, name: John Kerry, note: a namesake}\n")
    warnings: list[str] = []
    run_import("wikidata", [FIX / "wikidata.json"], tmp_path, options={"role": "president"})
    run_import("us-executive", [FIX / "us_executive.yaml"], tmp_path)
    run_import("pocom", [FIX / "pocom.csv"], tmp_path, on_warning=warnings.append)
    executive = yaml.safe_load((tmp_path / "us-executive.yaml").read_text())
    ids = {p["id"] for p in executive["people"]}
    assert "joe-biden" not in ids and "kamala-harris" in ids  # same wikidata id: the wikidata file's entry
    state = yaml.safe_load((tmp_path / "us-state-department.yaml").read_text())
    assert "john-f-kerry" in {p["id"] for p in state["people"]}  # not provably the same: a namesake
    assert any("'john-kerry' is taken" in w for w in warnings)
    kb = load_sources([ROLES, tmp_path])
    assert kb.offices["us-president"].holders[-2].person == "joe-biden"


@pytest.mark.parametrize("text", ["yes", "No", "null", "1984", "2021-01-20", "1.5", "a: b", "x #y", "#x", "[a]",
                                  "Côte d'Ivoire", "O'Brien", "São Tomé", "Secretary of State, FCO", " lead", "-x",
                                  "@x", "a\"b", "tab\tx", "Minister (Whip)", ""])
def test_scalars_read_back_unchanged(text: str) -> None:
    for flow in (False, True):
        assert yaml.load(f"k: {scalar(text, flow=flow)}", Loader=yaml.BaseLoader)["k"] == text
        assert yaml.load(f"k: [{scalar(text, flow=True)}]", Loader=yaml.BaseLoader)["k"] == [text]


def test_dump_is_sorted_and_flow_style() -> None:
    doc = {"meta": {"source": "s", "as_of": "2024-01-01"},
           "people": [{"name": "B", "id": "b"}, {"id": "a", "name": "A", "aliases": ["Ay"]}],
           "offices": [{"id": "x-o", "role": "official", "jurisdiction": "x", "holders": [
               {"person": "b", "from": "2020"}, {"to": "2019-12", "from": "2019-01-05", "person": "a"}]}]}
    assert dump_kb(doc) == (
        "meta:\n  as_of: 2024-01-01\n  source: s\n\n"
        "people:\n  - id: a\n    name: A\n    aliases: [Ay]\n  - id: b\n    name: B\n\n"
        "offices:\n  - id: x-o\n    role: official\n    jurisdiction: x\n    holders:\n"
        "      - {person: a, from: 2019-01-05, to: 2019-12}\n      - {person: b, from: 2020}\n")


def test_slugify() -> None:
    assert [slugify(s) for s in ("J.D. Vance", "Thérèse Coffey", "Martin Van Buren", "Kim Jong-un")] == [
        "jd-vance", "therese-coffey", "martin-van-buren", "kim-jong-un"]


# -- the real data ---------------------------------------------------------------------------

needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"{DATA} is absent")


@needs_data
@pytest.mark.parametrize(("fmt", "src"), [("us-executive", "us_executive.yaml"),
                                          ("pocom", "pocom_us_state_dept_tenures.csv"), ("ifg", "ifg-ministers")])
def test_real_data_imports_and_loads(fmt: str, src: str, tmp_path: Path) -> None:
    if not (DATA / src).exists():
        pytest.skip(f"{DATA / src} is absent")
    run_import(fmt, [DATA / src], tmp_path)
    kb = load_sources([ROLES, tmp_path])
    counts = kb.counts()
    assert counts["people"] > 70 and counts["tenures"] > 90
    if fmt == "us-executive":
        last = [t.person for t in kb.offices["us-president"].holders[-3:]]
        assert last == ["donald-trump", "joe-biden", "donald-trump"]
        assert kb.offices["us-vice-president"].holders[-1].person == "jd-vance"
        assert {"joe-biden", "barack-obama", "kamala-harris", "mike-pence"} <= set(kb.people)
    elif fmt == "pocom":
        assert [t.person for t in kb.offices["us-secretary-of-state"].holders[-5:]] == [
            "john-kerry", "rex-tillerson", "mike-pompeo", "antony-blinken", "marco-rubio"]
        assert "hillary-clinton" in kb.people
        current = [t for o in kb.offices.values() for t in o.holders if t.end is None]
        assert all(t.start.start.year >= 2021 for t in current)
    else:
        assert kb.offices["gb-prime-minister"].holders[-1].person == "keir-starmer"
        for oid in ("gb-foreign-secretary", "gb-home-secretary", "gb-defence-secretary",
                    "gb-chancellor-of-the-exchequer"):
            assert kb.offices[oid].holders


@needs_data
def test_build_default_kb_is_deterministic_and_valid(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_default_kb", ROOT / "scripts" / "build_default_kb.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    sys.modules["build_default_kb"] = build
    spec.loader.exec_module(build)
    outputs = []
    for run in ("a", "b"):
        kb = tmp_path / run
        kb.mkdir()
        shutil.copy(ROLES, kb / "roles.yaml")
        assert build.main(["--kb", str(kb), "--check"]) == 0
        outputs.append({p.relative_to(kb).as_posix(): p.read_bytes() for p in sorted(kb.rglob("*.yaml"))})
    assert outputs[0] == outputs[1]
    assert set(outputs[0]) == {"roles.yaml", "us/executive.yaml", "us/state-department.yaml", "gb/ministers.yaml",
                               "us/congress.yaml"}
    for name, data in outputs[0].items():
        if name != "roles.yaml":
            doc = yaml.load(data, Loader=yaml.BaseLoader)
            assert "jurisdictions" not in doc and doc["meta"]["as_of"].startswith("2026-06")
    people = [p["id"] for name, data in outputs[0].items() if name != "roles.yaml"
              for p in yaml.load(data, Loader=yaml.BaseLoader).get("people", [])]
    assert len(people) == len(set(people))  # one entry per person across the files of one KB
    assert "gordon-brown" in people and "gordon-s-brown" in people
    # Congress: every member, the ones the State Department file has too under its id
    congress = yaml.load(outputs[0]["us/congress.yaml"], Loader=yaml.BaseLoader)
    members = {h["person"] for o in congress["offices"] for h in o["holders"]}
    assert len(members) == 537
    assert {"bill-hagerty", "donald-beyer", "daniel-sullivan"} <= members - {p["id"] for p in congress["people"]}
    assert congress["meta"]["complete_per_person"] == "true" and congress["meta"]["complete_from"] == "2026-06-15"


def test_errors_are_factlint_errors() -> None:
    assert issubclass(ConfigError, FactlintError) and issubclass(KnowledgeBaseError, FactlintError)


def test_dump_keeps_complete_from_in_its_place() -> None:
    doc = {"meta": {"complete_from": "1979-05", "as_of": "2024-01-01"},
           "offices": [{"id": "x-o", "role": "official", "jurisdiction": "x", "complete_from": "1990",
                        "holders": [{"person": "a", "from": "2020"}], "seats": 2}]}
    assert dump_kb(doc) == (
        "meta:\n  as_of: 2024-01-01\n  complete_from: 1979-05\n\n"
        "offices:\n  - id: x-o\n    role: official\n    jurisdiction: x\n    seats: 2\n    complete_from: 1990\n"
        "    holders:\n      - {person: a, from: 2020}\n")


def test_offices_of_a_known_position_carry_its_wikidata_id(tmp_path: Path) -> None:
    from factlint.importers.common import kb_doc

    doc = kb_doc({"as_of": "2025"}, offices=[
        {"id": "us-president", "role": "president", "jurisdiction": "us", "holders": []},
        {"id": "us-senator-vt", "role": "senator", "jurisdiction": "us", "holders": []},  # one item for 100 seats
        {"id": "gb-prime-minister", "role": "prime-minister", "jurisdiction": "gb", "wikidata": "Q5", "holders": []},
    ])
    assert [o.get("wikidata") for o in doc["offices"]] == ["Q11696", None, "Q5"]  # an id given is kept
    (tmp_path / "o.yaml").write_text(dump_kb({
        "jurisdictions": [{"id": "us", "name": "United States"}], "roles": [{"id": "president", "name": "President"}],
        "offices": doc["offices"][:1]}))
    assert load_sources([tmp_path]).offices["us-president"].wikidata == "Q11696"


def test_every_known_position_is_on_its_office_in_the_default_kb(default_kb: Any) -> None:
    from factlint.importers.positions import WIKIDATA_POSITIONS

    offices = default_kb.kb.offices
    assert {oid: offices[oid].wikidata for oid in WIKIDATA_POSITIONS} == WIKIDATA_POSITIONS
    assert len({*WIKIDATA_POSITIONS.values()}) == len(WIKIDATA_POSITIONS)
    assert {o.id for o in offices.values() if o.wikidata} == set(WIKIDATA_POSITIONS)
