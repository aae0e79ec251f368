"""factlint/checks/consistency.py: which later forms are the first one written short."""
from __future__ import annotations

import pytest

from factlint.checks.consistency import particle_only, short_reference


@pytest.mark.parametrize(
    ("later", "first", "same"),
    [
        ("Smith", "Ana Maria Smith", True),
        ("Ana Smith", "Ana Maria Smith", True),  # a middle name dropped
        ("Maria Smith", "Ana Maria Smith", True),
        ("Ruiz Soto", "Ana Ruiz Soto", True),  # a two-part family name
        ("Haddad", "Omar al-Haddad", True),  # a name particle dropped
        ("Omar Haddad", "Omar al-Haddad", True),
        ("ARS", "Ana Ruiz Soto", True),  # initials in capitals
        ("Ana M. Smith", "Ana Maria Smith", True),  # an initial for a whole word
        ("Ana M.L. Smith", "Ana Maria Luisa Smith", True),
        ("Ana M L Smith", "Ana Maria Luisa Smith", True),
        ("Ana K. Smith", "Ana Maria Smith", False),  # another initial
        ("Ana M Smith", "Ana M. Smith", False),  # an initial written another way
        ("Ana M. Smith", "Ana Smith", False),  # longer than the first
        ("Omar al-Haddad", "Omar Haddad", False),
        ("Smyth", "Ana Smith", False),  # another spelling
        ("Jae-in", "Moon Jae In", False),  # another hyphenation
        ("Ana M Smith", "Ana M. Smith", False),
        ("Soto Ruiz", "Ana Ruiz Soto", False),  # not in order
        ("Ars", "Ana Ruiz Soto", False),
    ],
)
def test_short_reference(later: str, first: str, same: bool) -> None:
    assert short_reference(later, first) is same


@pytest.mark.parametrize(
    ("later", "first", "same"),
    [
        ("Omar al-Haddad", "Omar Haddad", True),  # a name particle added
        ("Omar Haddad", "Omar al-Haddad", True),
        ("Omar bin Haddad", "Omar Haddad", True),
        ("Omar M. Haddad", "Omar Haddad", False),  # an initial is not a particle
        ("Omar al-Hadad", "Omar Haddad", False),
    ],
)
def test_particle_only(later: str, first: str, same: bool) -> None:
    assert particle_only(later, first) is same
