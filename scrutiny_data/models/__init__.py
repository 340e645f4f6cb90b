"""The data contract: one pydantic model per table, the single source of truth."""

from __future__ import annotations

from .base import ForeignKey, Record, Table
from .figures import Action, BudgetLine, Complaint, Event, Kpi
from .governance import (
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    Membership,
    Person,
    Report,
    Resolution,
    Source,
    WorkProgrammeEntry,
)

#: Every table of the contract, in the order a data package lists them (referenced tables first).
MODELS: tuple[type[Record], ...] = (
    Source, Committee, Person, Membership, Meeting, Attendance, AgendaItem, Declaration,
    Resolution, Report, WorkProgrammeEntry, Action, Event, Complaint, Kpi, BudgetLine,
)

#: Models by resource name.
RESOURCES: dict[str, type[Record]] = {m.table.name: m for m in MODELS}

if len(RESOURCES) != len(MODELS):  # pragma: no cover - guards against a copy-paste table name
    raise TypeError("two models declare the same resource name")
for _model in MODELS:
    for _fk in _model.table.foreign_keys:
        if _fk.resource not in RESOURCES:  # pragma: no cover
            raise TypeError(f"{_model.__name__} refers to unknown resource {_fk.resource!r}")

__all__ = [
    "MODELS", "RESOURCES", "ForeignKey", "Record", "Table",
    "Action", "AgendaItem", "Attendance", "BudgetLine", "Committee", "Complaint", "Declaration",
    "Event", "Kpi", "Meeting", "Membership", "Person", "Report", "Resolution", "Source",
    "WorkProgrammeEntry",
]
