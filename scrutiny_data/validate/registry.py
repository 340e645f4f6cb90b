"""The rule registry: every rule's code, family, severity, resources and docstring."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from ..models import RESOURCES
from .findings import Severity

#: Rule families, in catalogue order.
FAMILIES: tuple[str, ...] = ("schema", "totals", "ratios", "dates", "meetings", "entities", "periods")

#: Parameter names a rule may take besides a resource name: all typed tables, all raw tables, the config.
SPECIAL_PARAMETERS = ("tables", "raw", "config")

RuleFunction = Callable[..., pl.LazyFrame]


@dataclass(frozen=True)
class Rule:
    """A registered check: one public code, one function returning a frame of failures."""

    code: str
    family: str
    severity: Severity
    resources: tuple[str, ...]
    title: str
    docstring: str
    function: RuleFunction
    parameters: tuple[str, ...]


#: Every rule by code, in registration order.
RULES: dict[str, Rule] = {}

#: Codes the engine itself emits (no rule function), with what they mean.
ENGINE_CODES: dict[str, tuple[Severity, str]] = {
    "stale-waiver": (Severity.warning,
                     "A waiver in waivers.yaml matches no finding: the error it acknowledged is gone."),
}


def rule(code: str, *, family: str, severity: Severity,
         resource: str | tuple[str, ...]) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under a public code; a duplicate code or bad signature fails at import."""
    resources = (resource,) if isinstance(resource, str) else tuple(resource)

    def register(function: RuleFunction) -> RuleFunction:
        if code in RULES or code in ENGINE_CODES:
            raise TypeError(f"rule code {code!r} is registered twice")
        if family not in FAMILIES:
            raise TypeError(f"rule {code!r}: unknown family {family!r}")
        unknown = [r for r in resources if r not in RESOURCES]
        if unknown:
            raise TypeError(f"rule {code!r}: unknown resources {unknown}")
        doc = inspect.getdoc(function)
        if not doc:
            raise TypeError(f"rule {code!r} needs a docstring: it becomes the catalogue entry")
        parameters = tuple(inspect.signature(function).parameters)
        bad = [p for p in parameters if p not in RESOURCES and p not in SPECIAL_PARAMETERS]
        if bad:
            raise TypeError(f"rule {code!r}: parameters {bad} are neither resources nor {SPECIAL_PARAMETERS}")
        RULES[code] = Rule(
            code=code, family=family, severity=Severity(severity), resources=resources,
            title=doc.splitlines()[0], docstring=doc, function=function, parameters=parameters,
        )
        return function

    return register
