"""The Wikidata position (Q-id) of KB offices whose position is known for certain.

Takes an office id (``us-president``), gives the Q-id of the Wikidata item
whose P39 "position held" statements list exactly that office's holders
(``Q11696``), or nothing. :func:`~factlint.importers.common.kb_doc` writes
it as the office's ``wikidata:`` for every importer, so that
``factlint kb update`` can refresh the office later.

Only ids checked against at least two independent public uses of the item
with its label are listed: a wrong id would make ``kb update`` fetch another
office's holders (the id an early draft of issue 10 gave for the US
Secretary of State, Q208233, is the Emperor of Japan). Offices whose
Wikidata item is shared by many KB offices stay out: "United States
senator" (Q4416090) is one item for the 100 seats that the us-congress
importer splits by state, so its P39 statements cannot refresh
``us-senator-vt`` alone.
"""
from __future__ import annotations

WIKIDATA_POSITIONS: dict[str, str] = {
    "us-president": "Q11696",             # President of the United States
    "us-vice-president": "Q11699",        # Vice President of the United States
    "us-secretary-of-state": "Q14213",    # United States Secretary of State
    "gb-prime-minister": "Q14211",        # Prime Minister of the United Kingdom
    "fr-president": "Q191954",            # President of the French Republic
    "fr-prime-minister": "Q1587677",      # Prime Minister of France
    "de-chancellor": "Q4970706",          # Federal Chancellor of Germany
    "de-president": "Q25223",             # Federal President of Germany
    "at-chancellor": "Q1006398",          # Chancellor of Austria
    "ru-president": "Q218295",            # President of Russia
    "jp-prime-minister": "Q274948",       # Prime Minister of Japan
    "jp-monarch": "Q208233",              # Emperor of Japan
    "ca-prime-minister": "Q839078",       # Prime Minister of Canada
    "au-prime-minister": "Q319145",       # Prime Minister of Australia
    "in-prime-minister": "Q192711",       # Prime Minister of India
    "un-secretary-general": "Q81066",     # Secretary-General of the United Nations
}


def position_of(office_id: str) -> str | None:
    """The Wikidata position of *office_id*, if it is known for certain."""
    return WIKIDATA_POSITIONS.get(office_id)
