"""A small, consistent data package with rows in every resource, and a stand-in validator."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_data.validate.findings import Finding, Report, Severity

from ..conftest import write_package

C = "thurrock-childrens-services-osc"
M1, M2 = f"{C}-2021-11-09", f"{C}-2022-01-18"

TABLES = {
    "sources": (
        "id,file_name,sha256,kind,title,publisher,published,url,source_id,source_line\n"
        f"000,000_minutes.txt,{'a' * 64},moderngov_html,\"Minutes, 9 November 2021\",Thurrock Council,2021-11-09,,000,1\n"
        f"001,001_agenda.txt,{'b' * 64},pdf_text,Agenda pack,Thurrock Council,2022-01-10,https://example.org/a.pdf,001,1\n"
    ),
    "committees": (
        "id,name,body,body_gss,committee_type,quorum,source_id,source_line\n"
        f"{C},Children's Services Overview and Scrutiny Committee,Thurrock Council,E06000034,"
        "overview_and_scrutiny,3,000,2\n"
    ),
    "people": (
        "id,name,aliases,kind,job_title,source_id,source_line\n"
        "graham-snell,Graham Snell,,councillor,,000,5\n"
        "michele-lucas,Michele Lucas,Michelle Lucas,officer,\"Assistant Director, Education\",000,9\n"
        "jane-pothecary,Jane Pothecary,,councillor,,000,6\n"
        "sue-shinnick,Sue Shinnick,,councillor,,000,7\n"
    ),
    "memberships": (
        "committee_id,person_id,municipal_year,role,source_id,source_line\n"
        f"{C},graham-snell,2021/22,chair,000,5\n"
        f"{C},jane-pothecary,2021/22,member,000,6\n"
        f"{C},sue-shinnick,2021/22,vice_chair,000,7\n"
    ),
    "meetings": (
        "id,committee_id,date,date_stated,municipal_year,start_time,end_time,venue,agenda_published,status,"
        "source_id,source_line,source_page\n"
        f"{M1},{C},2021-11-09,\"Tuesday, 9 November 2021\",2021/22,19:00,21:05,Council Chamber,2021-11-01,held,000,3,\n"
        f"{M2},{C},2022-01-18,,2021/22,19:00,,,,scheduled,001,2,1\n"
    ),
    "attendance": (
        "meeting_id,person_id,status,role_at_meeting,substitute_for,arrived_at,left_at,source_id,source_line\n"
        f"{M1},graham-snell,present,Chair,,,,000,5\n"
        f"{M1},jane-pothecary,present,,,19:10,,000,6\n"
        f"{M1},sue-shinnick,present,Vice-Chair,,,20:30,000,7\n"
        f"{M1},michele-lucas,in_attendance,\"Assistant Director, Education\",,,,000,9\n"
    ),
    "agenda_items": (
        "meeting_id,number,title,page_from,page_to,minute_number,source_id,source_line\n"
        f"{M1},1,Apologies for Absence,,,16,000,12\n"
        f"{M1},6,\"Complaints Report 2020/21 — \"\"annual\"\"\",13,40,21,000,30\n"
        f"{M2},1,Apologies for Absence,3,3,,001,20\n"
    ),
    "declarations": (
        "meeting_id,person_id,item,kind,interest,source_id,source_line\n"
        f"{M1},jane-pothecary,6,non_pecuniary,Governor at a local school,000,14\n"
    ),
    "resolutions": (
        "meeting_id,minute_number,seq,text,outcome,votes_for,votes_against,abstentions,source_id,source_line\n"
        f"{M1},21,1,The Committee noted the report.,noted,,,,000,40\n"
        f"{M1},21,2,\"The Committee agreed, by vote, to refer it.\",agreed,2,0,0,000,41\n"
    ),
    "reports": (
        "id,meeting_id,agenda_item,title,report_of,author,wards,key_decision,appendices,source_id,source_line\n"
        f"complaints-2020-21,{M1},6,Complaints Report 2020/21,Sheila Murphy,Lee Henley,All,false,"
        "Appendix 1;Appendix 2,000,30\n"
    ),
    "work_programme": (
        "committee_id,municipal_year,meeting_date,title,lead,requested_by,source_id,source_line\n"
        f"{C},2021/22,2022-01-18,School Capital Programme,Michele Lucas,Members,001,50\n"
    ),
    "actions": (
        "id,plan,report_id,ref,action,lead,due_date,due_stated,status,score,previous_score,source_id,source_line\n"
        "a-1,Ofsted action plan,complaints-2020-21,1.1,Audit case files,Head of Service,2022-03-01,March 2022,"
        "Green,3.5,2,000,60\n"
    ),
    "events": (
        "id,report_id,description,date,end_date,date_stated,tense,source_id,source_line\n"
        "e-1,complaints-2020-21,The walk took place,2021-07-25,,Sunday 25th July,past,000,70\n"
    ),
    "complaints": (
        "id,report_id,period_start,period_end,category,breakdown,breakdown_value,count,part_of,stated,"
        "source_id,source_line\n"
        "c-total,complaints-2020-21,2020-04-01,2021-03-31,complaint_stage1,none,,90,,90,000,80\n"
        "c-upheld,complaints-2020-21,2020-04-01,2021-03-31,complaint_stage1,outcome,Upheld,30,c-total,30,000,81\n"
        "c-not,complaints-2020-21,2020-04-01,2021-03-31,complaint_stage1,outcome,Not upheld,60,c-total,60,000,82\n"
    ),
    "kpis": (
        "id,report_id,indicator,label,period_start,period_end,value,unit,numerator,denominator,comparator,"
        "part_of,stated,source_id,source_line\n"
        "k-1,complaints-2020-21,timeliness,Responded in time,2020-04-01,2021-03-31,57.0,percent,8,14,none,,57%,000,90\n"
        "k-2,,cla-rate,Children looked after per 10k,,,75.25,rate_per_10k,,,england,,75.25,000,91\n"
    ),
    "budget_lines": (
        "id,report_id,budget,period,service,label,amount_gbp,part_of,stated,source_id,source_line\n"
        "b-1,complaints-2020-21,Savings 2022/23,2022/23,Children's Social Care,Total,2857000.0,,£2.857m,000,100\n"
    ),
}


@pytest.fixture
def package_dir(tmp_path: Path) -> Path:
    """A data package with rows in every resource, foreign keys consistent."""
    return write_package(tmp_path / "thurrock-test", TABLES, version="1.2.0", title="Test package")


def clean_report(dataset, **_: object) -> Report:
    """Stand-in validator: a report with one warning and no error."""
    return Report(dataset=dataset.name, records=dataset.row_count, rules=1, findings=[
        Finding("name-variant", Severity.warning, "people", "michele-lucas", "name", "Probably one person"),
    ])


def failing_report(dataset, **_: object) -> Report:
    """Stand-in validator: a report with one unwaived error."""
    return Report(dataset=dataset.name, records=dataset.row_count, rules=1, findings=[
        Finding("total-mismatch", Severity.error, "complaints", "c-total", "count",
                "Breakdown sums to 88 but the total says 90", "88", "90", "000", 80),
    ])


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory):
    """The small package published once (with the stand-in report): (dataset, result)."""
    from scrutiny_data.dataset import load
    from scrutiny_data.publish import publish

    root = tmp_path_factory.mktemp("published")
    dataset = load(write_package(root / "thurrock-test", TABLES, version="1.2.0", title="Test package"))
    result = publish(dataset, root / "out", report=clean_report(dataset),
                     base_url="https://data.example.gov.uk/scrutiny/", owner_org="thurrock-council")
    return dataset, result
