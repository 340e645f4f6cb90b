"""Front sheets, ModernGov page text, report cover sheets, work programmes and source kinds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scrutiny_data.extract.document import Document
from scrutiny_data.extract.papers import parse_agenda_table, parse_front_sheet, parse_web_page, source_kind
from scrutiny_data.extract.reports import key_decision, parse_reports
from scrutiny_data.extract.work_programme import parse_work_programmes


def doc_of(text: str) -> Document:
    return Document("t", Path("t.txt"), "0" * 64, tuple(text.split("\n")))


FRONT = """Borough Committee

The meeting will be held at **7.00 pm** on **13 September 2022**

Committee Room 2, Civic Offices, Grays

Membership:

Councillors Adam Carter (Chair), George Coxshall (Vice-Chair) and Martin Kerin

Sarah Barlow, Church of England Representative

Substitutes:

Councillors John Kent and Lynn Worrall

Agenda

\tPage
1 Apologies for Absence\t
2 Minutes\t5 - 16
To approve as a correct record the minutes of the meeting held on 16 June 2022.\t
4\tDeclaration of Interests\t
8\tThe Inspection of the Young Offending Service 2022\t63 - 120

Queries regarding this Agenda:

Agenda published on: **5 September 2022**"""


def test_front_sheet() -> None:
    sheet = parse_front_sheet(doc_of(FRONT))
    meeting = sheet.meeting
    assert (meeting.date, meeting.date_stated, meeting.line, meeting.start_time) == (
        dt.date(2022, 9, 13), "13 September 2022", 3, "19:00")
    assert meeting.venue == "Committee Room 2, Civic Offices, Grays"
    assert meeting.agenda_published == dt.date(2022, 9, 5)
    assert [(e.name, role, line) for e, role, line in sheet.members] == [
        ("Adam Carter", "chair", 9), ("George Coxshall", "vice_chair", 9), ("Martin Kerin", "member", 9),
        ("Sarah Barlow", "co_opted", 11), ("John Kent", "substitute", 15), ("Lynn Worrall", "substitute", 15)]
    assert [(i["number"], i["title"], i["page_from"], i["page_to"], i["source_line"]) for i in sheet.items] == [
        ("1", "Apologies for Absence", None, None, 20), ("2", "Minutes", 5, 16, 21),
        ("4", "Declaration of Interests", None, None, 23),
        ("8", "The Inspection of the Young Offending Service 2022", 63, 120, 24)]


def test_agenda_table_needs_rising_numbers() -> None:
    doc = doc_of("2 Minutes\t5 - 16\n2019 inspection found\n3 Items\t")
    assert [i["number"] for i in parse_agenda_table(doc, 1, 3)] == ["2", "3"]


WEB = """Agenda and minutes

Borough Committee - Tuesday, 8th February, 2022 7.00 pm

Venue: Training Room, Grays

No. Item


Minutes pdf icon PDF 314 KB

To approve the minutes.


Declaration of Interests


There were no declarations of interest.


Home to School Transport pdf icon PDF 386 KB


She added more  ...  view the full minutes text for item 3.
"""


def test_web_page() -> None:
    page = parse_web_page(doc_of(WEB))
    assert (page.meeting.date, page.meeting.start_time, page.meeting.venue, page.meeting.status) == (
        dt.date(2022, 2, 8), "19:00", "Training Room, Grays", "held")
    assert page.meeting.date_stated == "Tuesday, 8th February, 2022"
    assert [(m.number, m.title, m.first) for m in page.items] == [
        ("1", "Minutes", 10), ("2", "Declaration of Interests", 15), ("3", "Home to School Transport", 21)]
    assert source_kind(doc_of(WEB)) == "moderngov_html"


COVERS = """ 12 October 2021  ITEM: 6 

Children’s Services Overview and Scrutiny Committee 

Report from Thurrock Local Safeguarding Childrens 
Partnership (LSCP).  

Wards and communities affected:  

All 

Key Decision:  

Non Key 

Report of: Priscilla Bruce-Annan, Local Safeguarding Children Partnership 
Business Manager  

This report is public. 

9. Appendices to the report 

 Appendix 1 – Annual Report 2020/21 
 Appendix 2 – Action Plan 

Report Author: 

Priscilla Bruce-Annan 
14 March 2023

ITEM: 7

Borough Committee
Annual report of the Cabinet Member
Report of: Cllr Barry Johnson, Cabinet Member"""


def test_report_cover_sheets() -> None:
    found = parse_reports(doc_of(COVERS))
    assert [(c.line, c.date, c.item, last) for c, last in found] == [
        (1, dt.date(2021, 10, 12), "6", 28), (29, dt.date(2023, 3, 14), "7", 35)]
    first = found[0][0].fields
    assert first["title"] == "Report from Thurrock Local Safeguarding Childrens Partnership (LSCP)."
    assert first["title_line"] == 5
    assert first["wards"] == "All"
    assert key_decision(first["key_decision"]) is False
    assert first["report_of"] == "Priscilla Bruce-Annan, Local Safeguarding Children Partnership Business Manager"
    assert first["appendices"] == "Appendix 1 – Annual Report 2020/21; Appendix 2 – Action Plan"
    assert first["author"] == "Priscilla Bruce-Annan"
    assert found[1][0].fields["title"] == "Annual report of the Cabinet Member"
    assert [key_decision(v) for v in ("Key", "Non-key", "N/A", "Not applicable", None)] == [
        True, False, None, None, None]
    assert source_kind(doc_of(COVERS)) == "pdf_text"


PROGRAMME_TABS = """Work Programme
2022/23

Dates of Meetings: 16 June 2022 and 17 January 2023

Topic\tLead Officer\tRequested by Officer/Member
16 June 2022\t\t
Youth Cabinet Update – Briefing Note\tAngela Surrey\tStanding Item
<i>Looked after Children (tbc)</i>\t
17 January 2023\t\t
Youth Cabinet Verbal Update\tAngela Surry\tStanding Item
Briefing Notes\t\t
N/A\tN/A\tN/A"""

PROGRAMME_WRAPPED = """ Children’s Services Overview and Scrutiny Committee 
Work Programme 2021/22 

Dates of Meetings: 13 July 2021, 12 October 2021. 

Topic  Lead Officer Requested by 
Officer/Member 

13 July 2021  

Youth Cabinet Verbal Update Roberta Fontaine Standing Item 

Items Raised by Thurrock Local Safeguarding Partnership Board – 
Update on the LSCP Peer Review Action Plan 

Priscilla Bruce-Annan Standing Item/ 
Members 

11 November 2021 – Extraordinary Meeting at 6pm 

Impact of Covid-19 on Education Janet Simon/Michele Lucas Chair 
 Update on School Grades Data (from the report) – TBC for 30 
June 2022 Andrea Winstone Members (requested 
February 2021) 

To be confirmed 
Nothing Here Someone Else Chair"""


def test_work_programme_from_tab_table() -> None:
    (programme,) = parse_work_programmes(doc_of(PROGRAMME_TABS))
    assert programme.municipal_year == "2022/23"
    assert [(m["date"], m["source_line"]) for m in programme.meetings] == [
        (dt.date(2022, 6, 16), 4), (dt.date(2023, 1, 17), 4), (dt.date(2022, 6, 16), 7), (dt.date(2023, 1, 17), 10)]
    assert [(e["meeting_date"], e["title"], e["lead"], e["requested_by"], e["source_line"])
            for e in programme.entries] == [
        (dt.date(2022, 6, 16), "Youth Cabinet Update – Briefing Note", "Angela Surrey", "Standing Item", 8),
        (dt.date(2022, 6, 16), "Looked after Children (tbc)", None, None, 9),
        (dt.date(2023, 1, 17), "Youth Cabinet Verbal Update", "Angela Surry", "Standing Item", 11)]


def test_work_programme_from_wrapped_pdf_text() -> None:
    (programme,) = parse_work_programmes(doc_of(PROGRAMME_WRAPPED))
    assert programme.municipal_year == "2021/22"
    assert [(m["date"], m.get("start_time")) for m in programme.meetings][-2:] == [
        (dt.date(2021, 7, 13), None), (dt.date(2021, 11, 11), "18:00")]
    assert [(e["title"], e["lead"], e["requested_by"], e["source_line"]) for e in programme.entries] == [
        ("Youth Cabinet Verbal Update", "Roberta Fontaine", "Standing Item", 11),
        ("Items Raised by Thurrock Local Safeguarding Partnership Board – Update on the LSCP Peer Review Action Plan",
         "Priscilla Bruce-Annan", "Standing Item/ Members", 13),
        ("Impact of Covid-19 on Education", "Janet Simon/Michele Lucas", "Chair", 21),
        ("Update on School Grades Data (from the report) – TBC for 30 June 2022", "Andrea Winstone",
         "Members (requested February 2021)", 22),
    ]
