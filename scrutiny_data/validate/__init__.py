"""Validation: the rule registry, the engine that runs it, waivers and the rule catalogue."""

from __future__ import annotations

import sys
import types
from typing import Any

from . import rules as _rules  # noqa: F401 - importing the families registers every rule
from .catalogue import catalogue_markdown, catalogue_records
from .config import ValidationConfig
from .engine import validate
from .findings import FINDING_COLUMNS, Finding, Report, Severity
from .registry import ENGINE_CODES, FAMILIES, RULES, Rule, rule
from .waivers import Waiver, load_waivers

__all__ = [
    "ENGINE_CODES", "FAMILIES", "FINDING_COLUMNS", "RULES", "Finding", "Report", "Rule", "Severity",
    "ValidationConfig", "Waiver", "catalogue_markdown", "catalogue_records", "load_waivers", "rule", "validate",
]


class _CallableModule(types.ModuleType):
    """`scrutiny_data.validate(dataset)` calls the engine, while `scrutiny_data.validate.RULES` stays the module."""

    def __call__(self, *args: Any, **kwargs: Any) -> Report:
        return validate(*args, **kwargs)


# The package exports `validate` under the same name as this subpackage; a function there would hide
# the module (and `scrutiny_data.validate.RULES`), so the module itself is made callable instead.
sys.modules[__name__].__class__ = _CallableModule
