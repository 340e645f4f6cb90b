"""Action plans printed from PDF as column blocks: actions, then due dates, then leads."""

import datetime as dt
from pathlib import Path

from scrutiny_data.extract.document import Document
from scrutiny_data.extract.figures.plans import block_action_rows, due_line, lead_line

SPEC = {"name": "wsoa", "plan": "Written Statement of Action"}

PLAN = """A5: SEND data integration project.

a) Identify resources
b) Recruit additional capacity for
Synergy system
RAG
Oct  2019 Jan  2020 April 2020 July 2020
July 2019
Oct 2109
SLBI
SLBI
Outcomes
October 2019
c) Identify shortcomings
d) Options appraisal
Sep 2019
SLBI
A5 Progress update - July 2021
a) Engagement Officer continues
B1: Develop a dashboard
a) Review indicators"""


def doc(text: str) -> Document:
    return Document("999", Path("x.txt"), "0" * 64, tuple(text.split("\n")))


def rows() -> list[dict]:
    return block_action_rows(doc(PLAN), {**SPEC, "line": 1, "until": len(PLAN.split("\n"))})


def test_due_and_lead_lines():
    assert due_line("Oct 2109 ") == "Oct 2109"
    assert due_line("Ongoing") == "Ongoing"
    assert due_line("Oct 2019 Jan 2020 April 2020 July 2020") is None  # the RAG grid's quarter headings
    assert due_line("Quarterly report from October 2019") is None
    assert lead_line(" P16SM ") == "P16SM"
    assert lead_line("RAG") is None
    assert lead_line("SEND Improvement Board") is None


def test_sub_actions_take_dates_and_leads_in_order():
    found = {row["ref"]: row for row in rows()}
    assert [row["ref"] for row in rows()] == ["A5", "A5 a)", "A5 b)", "A5 c)", "A5 d)", "B1", "B1 a)"]
    wrong_year = found["A5 b)"]
    assert (wrong_year["action"], wrong_year["due_stated"], wrong_year["due_date"], wrong_year["lead"],
            wrong_year["source_line"], wrong_year["id"]) == \
        ("Recruit additional capacity for Synergy system", "Oct 2109", dt.date(2109, 10, 1), "SLBI", 4, "a-999-wsoa-a5-b")
    assert (found["A5 a)"]["due_stated"], found["A5"]["due_stated"], found["A5"]["action"]) == \
        ("July 2019", None, "SEND data integration project.")


def test_counts_that_disagree_leave_dates_empty_and_narrative_is_not_an_action():
    found = {row["ref"]: row for row in rows()}
    # Two actions, one date: which action it belongs to cannot be told, so neither gets it.
    assert (found["A5 c)"]["due_stated"], found["A5 d)"]["due_stated"], found["A5 c)"]["lead"]) == (None, None, None)
    assert all("Engagement Officer" not in row["action"] for row in rows())
    assert found["B1 a)"]["action"] == "Review indicators"
