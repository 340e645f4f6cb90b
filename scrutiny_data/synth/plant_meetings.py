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
    res = tables["resolutions"].with_columns(
        **{k: pl.when(hit).then(v).otherwise(pl.col(k)) for k, v in changes.items()}
    )
    return {**tables, "resolutions": res}


def by_id(targets: pl.DataFrame) -> pl.DataFrame:
    return targets.select(record_id=pl.col("id"), related=pl.lit(None, pl.String))


def type_error(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A committee's quorum printed in words (`three`): a type-error on committees.quorum."""
    hit = pl.col("id").is_in(targets["id"].implode())
    com = tables["committees"].with_columns(
        quorum=pl.when(hit).then(pl.lit("three")).otherwise(pl.col("quorum").cast(pl.String))
    )
    return {**tables, "committees": com}, by_id(targets)


def weekday_mismatch(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A meeting's printed date names the wrong weekday."""
    wrong = pl.format(
        "{} {}", (pl.col("date") + pl.duration(days=1)).dt.strftime("%A"), pl.col("date").dt.strftime("%-d %B %Y")
    )
    hit = pl.col("id").is_in(targets["id"].implode())
    return {
        **tables,
        "meetings": tables["meetings"].with_columns(
            date_stated=pl.when(hit).then(wrong).otherwise(pl.col("date_stated"))
        ),
    }, by_id(targets)


def notice_period(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """An agenda published two days before its meeting."""
    hit = pl.col("id").is_in(targets["id"].implode())
    late = pl.col("date") - pl.duration(days=2)
    return {
        **tables,
        "meetings": tables["meetings"].with_columns(
            agenda_published=pl.when(hit).then(late).otherwise(pl.col("agenda_published"))
        ),
    }, by_id(targets)


def invalid_date(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """An agenda publication date that does not exist (30 February)."""
    hit = pl.col("id").is_in(targets["id"].implode())
    impossible = pl.format("{}-02-30", pl.col("date").dt.year().cast(pl.String))
    meetings = tables["meetings"].with_columns(
        agenda_published=pl.when(hit).then(impossible).otherwise(pl.col("agenda_published").dt.strftime("%Y-%m-%d"))
    )
    return {**tables, "meetings": meetings}, by_id(targets)


def _add_attendance(tables: Tables, rows: pl.DataFrame) -> Tables:
    return {**tables, "attendance": pl.concat([tables["attendance"], rows], how="diagonal_relaxed")}


def _records(rows: pl.DataFrame, *key: str) -> pl.DataFrame:
    return rows.select(
        record_id=pl.concat_str([pl.col(k).cast(pl.String) for k in key], separator="/"),
        related=pl.lit(None, pl.String),
    )


def attendee_not_member(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A councillor of another committee recorded present as a member."""
    other = (
        tables["memberships"]
        .filter(pl.col("seat") == 3)
        .select("council", pl.col("comm").alias("other_comm"), "y", "person_id")
    )
    rows = (
        targets.with_columns(other_comm=(pl.col("comm") + 1) % 3)
        .join(other, on=["council", "other_comm", "y"], maintain_order="left_right")
        .select(
            pl.col("id").alias("meeting_id"),
            "person_id",
            "source_id",
            pl.lit("present").alias("status"),
            (pl.col("source_line") + 18).alias("source_line"),
            pl.lit(3).alias("seat"),
        )
    )
    return _add_attendance(tables, rows), _records(rows, "meeting_id", "person_id")


def substitute_invalid(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A named substitute standing in for a member who was present."""
    subs = tables["memberships"].filter(pl.col("seat") == 12).select("committee_id", "y", "person_id")
    present = tables["attendance"].filter(
        pl.col("seat").is_between(2, COUNCILLOR_SEATS - 1) & (pl.col("status") == "present")
    )
    present = (
        present.group_by("meeting_id", maintain_order=True).first().select("meeting_id", substitute_for="person_id")
    )
    rows = (
        targets.select(pl.col("id").alias("meeting_id"), "committee_id", "y", "source_id", "source_line")
        .join(subs, on=["committee_id", "y"], maintain_order="left_right")
        .join(present, on="meeting_id", maintain_order="left_right")
    )
    rows = rows.select(
        "meeting_id",
        "person_id",
        "substitute_for",
        "source_id",
        pl.lit("present").alias("status"),
        pl.lit("Substitute").alias("role_at_meeting"),
        (pl.col("source_line") + 16).alias("source_line"),
        pl.lit(12).alias("seat"),
    )
    return _add_attendance(tables, rows), _records(rows, "meeting_id", "person_id")


def foreign_key(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """An officer in attendance who is not in people."""
    rows = targets.select(
        pl.col("id").alias("meeting_id"),
        pl.format("visiting-officer-{}-{}", pl.lit(batch.first_council), pl.int_range(pl.len())).alias("person_id"),
        "source_id",
        pl.lit("in_attendance").alias("status"),
        (pl.col("source_line") + 25).alias("source_line"),
        pl.lit(-1).alias("seat"),
    )
    return _add_attendance(tables, rows), _records(rows, "meeting_id", "person_id")


def late_arrival(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A member recorded arriving a quarter of an hour after the meeting ended."""
    att = tables["attendance"]
    chosen = (
        att.filter(
            pl.col("meeting_id").is_in(targets["id"].implode())
            & (pl.col("status") == "present")
            & pl.col("seat").is_between(2, COUNCILLOR_SEATS - 1)
            & pl.col("arrived_at").is_null()
            & pl.col("left_at").is_null()
        )
        .group_by("meeting_id", maintain_order=True)
        .first()
    )
    chosen = chosen.select("meeting_id", "person_id").join(
        targets.select(pl.col("id").alias("meeting_id"), "end"), on="meeting_id", maintain_order="left_right"
    )
    late = chosen.select("meeting_id", "person_id", late_at=clock(pl.col("end") + 15))
    att = (
        att.join(late, on=["meeting_id", "person_id"], how="left", maintain_order="left")
        .with_columns(arrived_at=pl.coalesce("late_at", "arrived_at"))
        .drop("late_at")
    )
    return {**tables, "attendance": att}, _records(chosen, "meeting_id", "person_id")


def quorum(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A meeting with only its chair and vice-chair present (and no votes recorded)."""
    at_meeting = pl.col("meeting_id").is_in(targets["id"].implode())
    att = tables["attendance"].filter(~(at_meeting & (pl.col("seat") >= 12)))
    away = at_meeting & pl.col("seat").is_between(2, 11)
    att = att.with_columns(
        status=pl.when(away)
        .then(pl.lit("apologies"))
        .when(at_meeting & (pl.col("seat") >= 0))
        .then(pl.lit("present"))
        .otherwise(pl.col("status")),
        arrived_at=pl.when(away).then(None).otherwise(pl.col("arrived_at")),
        left_at=pl.when(away).then(None).otherwise(pl.col("left_at")),
    )
    res = tables["resolutions"].with_columns(
        **{
            c: pl.when(at_meeting).then(None).otherwise(pl.col(c))
            for c in ("votes_for", "votes_against", "abstentions")
        }
    )
    return {**tables, "attendance": att, "resolutions": res}, by_id(targets)


def vote_count(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A vote with more votes cast than people recorded at the meeting."""
    # More votes than people recorded at the meeting at all: too many however "present" is counted.
    recorded = tables["attendance"].group_by("meeting_id").len("recorded")
    res = tables["resolutions"].join(recorded, on="meeting_id", how="left", maintain_order="left")
    tables = _at_first_resolution(
        {**tables, "resolutions": res},
        targets,
        votes_for=pl.col("recorded") + 2,
        votes_against=pl.lit(0),
        abstentions=pl.lit(0),
    )
    tables["resolutions"] = tables["resolutions"].drop("recorded")
    return tables, targets.select(
        record_id=_first_resolution(pl.col("id"), pl.col("slot")), related=pl.lit(None, pl.String)
    )


def resolution_change(**changes: pl.Expr) -> Callable[[Tables, pl.DataFrame, Batch], tuple[Tables, pl.DataFrame]]:
    """A plant that changes the first resolved point of each target meeting."""

    def apply(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
        records = targets.select(
            record_id=_first_resolution(pl.col("id"), pl.col("slot")), related=pl.lit(None, pl.String)
        )
        return _at_first_resolution(tables, targets, **changes), records

    return apply


def duplicate_key(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """The first resolved point of a meeting printed twice."""
    res = tables["resolutions"]
    copies = res.filter(
        pl.col("meeting_id").is_in(targets["id"].implode()) & (pl.col("minute") == 0) & (pl.col("seq") == 1)
    )
    copies = copies.with_columns(
        text=pl.lit("That the Committee deferred the item."), source_line=pl.col("source_line") + 1
    )
    records = targets.select(record_id=_first_resolution(pl.col("id"), pl.col("slot")), related=pl.lit(None, pl.String))
    return {**tables, "resolutions": pl.concat([res, copies])}, records


def minute_sequence(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A meeting whose minutes restart the municipal year's numbering."""
    hit = pl.col("meeting_id").is_in(targets["id"].implode())
    restarted = (pl.col("minute_number").cast(pl.Int64) - MINUTES_PER_MEETING * pl.col("slot")).cast(pl.String)
    res = tables["resolutions"].with_columns(
        minute_number=pl.when(hit).then(restarted).otherwise(pl.col("minute_number"))
    )
    return {**tables, "resolutions": res}, by_id(targets)


def declaration_not_present(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """An interest declared by a member who sent apologies."""
    away = tables["attendance"].filter(
        pl.col("meeting_id").is_in(targets["id"].implode())
        & (pl.col("status") == "apologies")
        & pl.col("seat").is_between(2, COUNCILLOR_SEATS - 1)
    )
    rows = (
        away.group_by("meeting_id", maintain_order=True)
        .first()
        .join(targets.select(pl.col("id").alias("meeting_id"), "slot"), on="meeting_id", maintain_order="left_right")
    )
    rows = rows.select(
        "meeting_id",
        "person_id",
        "source_id",
        (pl.col("source_line") + 30).alias("source_line"),
        item=(4 + MINUTES_PER_MEETING * pl.col("slot")).cast(pl.String),
        kind=pl.lit("non_pecuniary"),
        interest=pl.lit("Member of the board of a local academy trust"),
    )
    decl = pl.concat([tables["declarations"], rows], how="diagonal_relaxed")
    return {**tables, "declarations": decl}, _records(rows, "meeting_id", "person_id", "item")
