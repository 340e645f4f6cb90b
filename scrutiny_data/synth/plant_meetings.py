"""Planted errors in meetings, attendance and decisions: one small change per error."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from .governance import COUNCILLOR_SEATS, MINUTES_PER_MEETING, Batch, clock

Tables = dict[str, pl.DataFrame]


def _first_resolution(meeting: pl.Expr, slot: pl.Expr) -> pl.Expr:
    return pl.format("{}/{}/1", meeting, (4 + MINUTES_PER_MEETING * slot).cast(pl.String))


def _at_first_resolution(tables: Tables, targets: pl.DataFrame, **changes: pl.Expr) -> Tables:
    hit = pl.col("meeting_id").is_in(targets["id"].implode()) & (pl.col("minute") == 0) & (pl.col("seq") == 1)
    res = tables["resolutions"].with_columns(**{k: pl.when(hit).then(v).otherwise(pl.col(k)) for k, v in changes.items()})
    return {**tables, "resolutions": res}


def by_id(targets: pl.DataFrame) -> pl.DataFrame:
    return targets.select(record_id=pl.col("id"), related=pl.lit(None, pl.String))


def type_error(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    hit = pl.col("id").is_in(tg["id"].implode())
    com = t["committees"].with_columns(quorum=pl.when(hit).then(pl.lit("three")).otherwise(pl.col("quorum").cast(pl.String)))
    return {**t, "committees": com}, by_id(tg)


def weekday_mismatch(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    wrong = pl.format("{} {}", (pl.col("date") + pl.duration(days=1)).dt.strftime("%A"), pl.col("date").dt.strftime("%-d %B %Y"))
    hit = pl.col("id").is_in(tg["id"].implode())
    return {**t, "meetings": t["meetings"].with_columns(date_stated=pl.when(hit).then(wrong).otherwise(pl.col("date_stated")))}, by_id(tg)


def notice_period(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    hit = pl.col("id").is_in(tg["id"].implode())
    late = pl.col("date") - pl.duration(days=2)
    return {**t, "meetings": t["meetings"].with_columns(agenda_published=pl.when(hit).then(late).otherwise(pl.col("agenda_published")))}, by_id(tg)


def invalid_date(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    hit = pl.col("id").is_in(tg["id"].implode())
    impossible = pl.format("{}-02-30", pl.col("date").dt.year().cast(pl.String))
    meetings = t["meetings"].with_columns(agenda_published=pl.when(hit).then(impossible)
                                          .otherwise(pl.col("agenda_published").dt.strftime("%Y-%m-%d")))
    return {**t, "meetings": meetings}, by_id(tg)


def _add_attendance(t: Tables, rows: pl.DataFrame) -> Tables:
    return {**t, "attendance": pl.concat([t["attendance"], rows], how="diagonal_relaxed")}


def _records(rows: pl.DataFrame, *key: str) -> pl.DataFrame:
    return rows.select(record_id=pl.concat_str([pl.col(k).cast(pl.String) for k in key], separator="/"),
                       related=pl.lit(None, pl.String))


def attendee_not_member(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    other = t["memberships"].filter(pl.col("seat") == 3).select(
        "council", pl.col("comm").alias("other_comm"), "y", "person_id")
    rows = tg.with_columns(other_comm=(pl.col("comm") + 1) % 3).join(
        other, on=["council", "other_comm", "y"], maintain_order="left_right").select(
        pl.col("id").alias("meeting_id"), "person_id", "source_id", pl.lit("present").alias("status"),
        (pl.col("source_line") + 18).alias("source_line"), pl.lit(3).alias("seat"))
    return _add_attendance(t, rows), _records(rows, "meeting_id", "person_id")


def substitute_invalid(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    subs = t["memberships"].filter(pl.col("seat") == 12).select("committee_id", "y", "person_id")
    present = t["attendance"].filter(pl.col("seat").is_between(2, COUNCILLOR_SEATS - 1) & (pl.col("status") == "present"))
    present = present.group_by("meeting_id", maintain_order=True).first().select("meeting_id", substitute_for="person_id")
    rows = tg.select(pl.col("id").alias("meeting_id"), "committee_id", "y", "source_id", "source_line").join(
        subs, on=["committee_id", "y"], maintain_order="left_right").join(present, on="meeting_id", maintain_order="left_right")
    rows = rows.select("meeting_id", "person_id", "substitute_for", "source_id", pl.lit("present").alias("status"),
                       pl.lit("Substitute").alias("role_at_meeting"), (pl.col("source_line") + 16).alias("source_line"),
                       pl.lit(12).alias("seat"))
    return _add_attendance(t, rows), _records(rows, "meeting_id", "person_id")


def foreign_key(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    rows = tg.select(pl.col("id").alias("meeting_id"), pl.format("visiting-officer-{}-{}", pl.lit(b.first_council),
                                                                 pl.int_range(pl.len())).alias("person_id"), "source_id", pl.lit("in_attendance").alias("status"),
                     (pl.col("source_line") + 25).alias("source_line"), pl.lit(-1).alias("seat"))
    return _add_attendance(t, rows), _records(rows, "meeting_id", "person_id")


def late_arrival(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    att = t["attendance"]
    chosen = att.filter(pl.col("meeting_id").is_in(tg["id"].implode()) & (pl.col("status") == "present")
                        & pl.col("seat").is_between(2, COUNCILLOR_SEATS - 1) & pl.col("arrived_at").is_null()
                        & pl.col("left_at").is_null()).group_by("meeting_id", maintain_order=True).first()
    chosen = chosen.select("meeting_id", "person_id").join(tg.select(pl.col("id").alias("meeting_id"), "end"),
                                                           on="meeting_id", maintain_order="left_right")
    late = chosen.select("meeting_id", "person_id", late_at=clock(pl.col("end") + 15))
    att = att.join(late, on=["meeting_id", "person_id"], how="left", maintain_order="left").with_columns(
        arrived_at=pl.coalesce("late_at", "arrived_at")).drop("late_at")
    return {**t, "attendance": att}, _records(chosen, "meeting_id", "person_id")


def quorum(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    at_meeting = pl.col("meeting_id").is_in(tg["id"].implode())
    att = t["attendance"].filter(~(at_meeting & (pl.col("seat") >= 12)))
    away = at_meeting & pl.col("seat").is_between(2, 11)
    att = att.with_columns(status=pl.when(away).then(pl.lit("apologies")).when(at_meeting & (pl.col("seat") >= 0))
                           .then(pl.lit("present")).otherwise(pl.col("status")),
                           arrived_at=pl.when(away).then(None).otherwise(pl.col("arrived_at")),
                           left_at=pl.when(away).then(None).otherwise(pl.col("left_at")))
    res = t["resolutions"].with_columns(**{c: pl.when(at_meeting).then(None).otherwise(pl.col(c))
                                           for c in ("votes_for", "votes_against", "abstentions")})
    return {**t, "attendance": att, "resolutions": res}, by_id(tg)


def vote_count(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    # More votes than people recorded at the meeting at all: too many however "present" is counted.
    recorded = t["attendance"].group_by("meeting_id").len("recorded")
    res = t["resolutions"].join(recorded, on="meeting_id", how="left", maintain_order="left")
    tables = _at_first_resolution({**t, "resolutions": res}, tg, votes_for=pl.col("recorded") + 2,
                                  votes_against=pl.lit(0), abstentions=pl.lit(0))
    tables["resolutions"] = tables["resolutions"].drop("recorded")
    return tables, tg.select(record_id=_first_resolution(pl.col("id"), pl.col("slot")), related=pl.lit(None, pl.String))


def _resolution_change(**changes: pl.Expr) -> Callable[[Tables, pl.DataFrame, Batch], tuple[Tables, pl.DataFrame]]:
    def apply(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
        records = tg.select(record_id=_first_resolution(pl.col("id"), pl.col("slot")), related=pl.lit(None, pl.String))
        return _at_first_resolution(t, tg, **changes), records
    return apply


def duplicate_key(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    res = t["resolutions"]
    copies = res.filter(pl.col("meeting_id").is_in(tg["id"].implode()) & (pl.col("minute") == 0) & (pl.col("seq") == 1))
    copies = copies.with_columns(text=pl.lit("That the Committee deferred the item."), source_line=pl.col("source_line") + 1)
    records = tg.select(record_id=_first_resolution(pl.col("id"), pl.col("slot")), related=pl.lit(None, pl.String))
    return {**t, "resolutions": pl.concat([res, copies])}, records


def minute_sequence(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    hit = pl.col("meeting_id").is_in(tg["id"].implode())
    restarted = (pl.col("minute_number").cast(pl.Int64) - MINUTES_PER_MEETING * pl.col("slot")).cast(pl.String)
    res = t["resolutions"].with_columns(minute_number=pl.when(hit).then(restarted).otherwise(pl.col("minute_number")))
    return {**t, "resolutions": res}, by_id(tg)


def declaration_not_present(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    away = t["attendance"].filter(pl.col("meeting_id").is_in(tg["id"].implode()) & (pl.col("status") == "apologies")
                                  & pl.col("seat").is_between(2, COUNCILLOR_SEATS - 1))
    rows = away.group_by("meeting_id", maintain_order=True).first().join(
        tg.select(pl.col("id").alias("meeting_id"), "slot"), on="meeting_id", maintain_order="left_right")
    rows = rows.select("meeting_id", "person_id", "source_id", (pl.col("source_line") + 30).alias("source_line"),
                       item=(4 + MINUTES_PER_MEETING * pl.col("slot")).cast(pl.String), kind=pl.lit("non_pecuniary"),
                       interest=pl.lit("Member of the board of a local academy trust"))
    decl = pl.concat([t["declarations"], rows], how="diagonal_relaxed")
    return {**t, "declarations": decl}, _records(rows, "meeting_id", "person_id", "item")
