"""The check kinds that rule files extend (an explicit registry)."""
from __future__ import annotations

from factlint.checks.base import CheckKind, Context
from factlint.checks.consistency import ConsistencyCheck
from factlint.checks.existence import ExistenceCheck
from factlint.checks.fact import FactCheck
from factlint.checks.substitution import SubstitutionCheck
from factlint.checks.variant import VariantCheck

CHECKS: dict[str, CheckKind] = {
    "fact": FactCheck(),
    "variant": VariantCheck(),
    "consistency": ConsistencyCheck(),
    "substitution": SubstitutionCheck(),
    "existence": ExistenceCheck(),
}

__all__ = ["CHECKS", "CheckKind", "Context"]
