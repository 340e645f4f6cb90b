"""What the reports say: action plans, events, complaints, KPIs and budgets."""

from __future__ import annotations

from pydantic import Field

from .base import ForeignKey, Record, Table
from .types import (
    AmountGbp,
    Breakdown,
    Comparator,
    ComplaintCategory,
    Count,
    Date,
    DateStated,
    PartOf,
    RecordId,
    ReportId,
    Stated,
    Tense,
    Unit,
)

_REPORT = ForeignKey(("report_id",), "reports")


def _self_total(resource: str) -> ForeignKey:
    return ForeignKey(("part_of",), resource)


class Action(Record):
    table = Table("actions", "Actions", "Rows of the action plans reported to the committee.", ("id",), (_REPORT,))

    id: RecordId
    plan: str = Field(description="Name of the action plan.")
    report_id: ReportId | None = None
    ref: str | None = Field(None, description="Reference of the action in its plan, as printed.")
    action: str = Field(description="The action as printed.")
    lead: str | None = Field(None, description="Who leads the action.")
    due_date: Date | None = Field(None, description="Due date parsed from `due_stated` (first day of a month or year).")
    due_stated: DateStated | None = None
    status: str | None = Field(None, description="RAG status or progress words as printed.")
    score: float | None = Field(None, description="Progress score, where the plan scores actions.")
    previous_score: float | None = Field(None, description="Score at the previous review.")


class Event(Record):
    table = Table("events", "Events", "Dated happenings the reports describe.", ("id",), (_REPORT,))

    id: RecordId
    report_id: ReportId | None = None
    description: str = Field(description="What happened, in the paper's words.")
    date: Date | None = Field(None, description="Date of the event (first day when only a month is printed).")
    end_date: Date | None = Field(None, description="Last day, for events over a period.")
    date_stated: DateStated
    tense: Tense


class Complaint(Record):
    table = Table(
        "complaints", "Complaints and representations",
        "Complaints, compliments and enquiries received, with their breakdowns.",
        ("id",), (_REPORT, _self_total("complaints")),
    )

    id: RecordId
    report_id: ReportId | None = None
    period_start: Date
    period_end: Date
    category: ComplaintCategory
    breakdown: Breakdown
    breakdown_value: str | None = Field(None, description="The team, outcome or cause this row counts.")
    count: Count
    part_of: PartOf | None = None
    stated: Stated


class Kpi(Record):
    table = Table(
        "kpis", "Key performance indicators", "Statistics and indicators stated in the reports.",
        ("id",), (_REPORT, _self_total("kpis")),
    )

    id: RecordId
    report_id: ReportId | None = None
    indicator: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="Slug of the measure, stable across sources.")
    label: str = Field(description="The measure's name as printed.")
    period_start: Date | None = None
    period_end: Date | None = None
    value: float | None = Field(None, description="The value as printed.")
    unit: Unit
    numerator: float | None = Field(None, description="Numerator printed beside a rate (\"18 of 24\").")
    denominator: float | None = Field(None, description="Denominator printed beside a rate.")
    comparator: Comparator
    part_of: PartOf | None = None
    stated: Stated | None = None


class BudgetLine(Record):
    table = Table(
        "budget_lines", "Budget lines", "Budgets, growth and savings, with their totals.",
        ("id",), (_REPORT, _self_total("budget_lines")),
    )

    id: RecordId
    report_id: ReportId | None = None
    budget: str = Field(description="Name of the budget table (\"Savings 2022/23\").")
    period: str | None = Field(None, description="Financial year or period as printed (`2022/23`).")
    service: str | None = Field(None, description="Service area the line belongs to.")
    label: str = Field(description="The line as printed.")
    amount_gbp: AmountGbp | None = None
    part_of: PartOf | None = None
    stated: Stated | None = None


__all__ = ["Action", "BudgetLine", "Complaint", "Event", "Kpi"]
