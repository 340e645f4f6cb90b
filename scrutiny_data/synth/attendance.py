"""Synthetic attendance, resolutions, declarations and reports for a batch of meetings."""

from __future__ import annotations

import polars as pl

from .governance import COUNCILLOR_SEATS, MINUTES_PER_MEETING, OFFICERS, RESOLVED_MINUTES, Batch, clock, pick

#: Most non-attending members a meeting has: keeps every clean meeting quorate.
MAX_AWAY = 4
ROLE_AT_MEETING = {0: "Chair", 1: "Vice-Chair", 10: "Co-opted Member", 11: "Co-opted Member"}
RESOLUTION_TEXTS = {
    "noted": "That the Committee noted the report.",
    "agreed": "That the Committee agreed the recommendations in the report.",
    "resolved": "That the Committee commented on the report and the proposals in it.",
    "recommended": "That the Committee recommended the proposals to Cabinet.",
}
INTERESTS = (
    "Governor of a local primary school", "Foster carer registered with the council",
    "Trustee of a local youth charity", "Employed by the local NHS trust"
)


def _members(meeting_frame: pl.DataFrame, membership_frame: pl.DataFrame, batch: Batch) -> pl.DataFrame:
    """Every member and co-opted member at every meeting, with their status and times."""
    rng = batch.rng
    seats = membership_frame.filter(pl.col("seat") < 12).select("committee_id", "y", "seat", "person_id", "kind")
    frame = (
        meeting_frame.select("id", "committee_id", "y", "start", "end", "source_id", "source_line")
        .rename({"id": "meeting_id", "source_line": "meeting_line"})
        .join(seats, on=["committee_id", "y"], maintain_order="left_right")
    )
    n = frame.height
    frame = frame.with_columns(
        u=pl.Series(rng.random(n)), u_time=pl.Series(rng.random(n)), u_minutes=pl.Series(rng.random(n))
    )
    councillor = pl.col("seat") < COUNCILLOR_SEATS
    status = (
        pl.when(councillor & (pl.col("u") < 0.85))
        .then(pl.lit("present"))
        .when(councillor & (pl.col("u") < 0.97))
        .then(pl.lit("apologies"))
        .when(councillor)
        .then(pl.lit("absent"))
        .when(pl.col("u") < 0.7)
        .then(pl.lit("present"))
        .otherwise(pl.lit("apologies"))
    )
    frame = frame.with_columns(status=status)
    away = (councillor & (pl.col("status") != "present")).cast(pl.Int32).cum_sum().over("meeting_id")
    frame = frame.with_columns(
        status=pl.when(councillor & (away > MAX_AWAY)).then(pl.lit("present")).otherwise(pl.col("status"))
    )
    present = pl.col("status") == "present"
    late = present & (pl.col("u_time") < 0.05)
    early = present & pl.col("u_time").is_between(0.05, 0.08, closed="left")
    return frame.with_columns(
        arrived_at=pl.when(late).then(clock(pl.col("start") + 5 + (pl.col("u_minutes") * 40).cast(pl.Int64))),
        left_at=pl.when(early).then(clock(pl.col("end") - 5 - (pl.col("u_minutes") * 30).cast(pl.Int64))),
        role_at_meeting=pl.col("seat").replace_strict(ROLE_AT_MEETING, default=None, return_dtype=pl.String),
        substitute_for=pl.lit(None, pl.String),
        source_line=pl.col("meeting_line") + 2 + pl.col("seat"),
    )


def attendance(
    meeting_frame: pl.DataFrame, membership_frame: pl.DataFrame, people_frame: pl.DataFrame, batch: Batch
) -> pl.DataFrame:
    """Members, their named substitutes (for members who sent apologies) and officers in attendance."""
    members = _members(meeting_frame, membership_frame, batch)
    away = members.filter((pl.col("seat").is_between(2, COUNCILLOR_SEATS - 1)) & (pl.col("status") == "apologies"))
    away = away.with_columns(rank=pl.col("seat").cum_count().over("meeting_id") - 1).filter(pl.col("rank") < 2)
    away = away.filter(pl.Series(batch.rng.random(away.height)) < 0.6)
    subs = membership_frame.filter(pl.col("seat") >= 12).select(
        "committee_id", "y", (pl.col("seat") - 12).alias("rank"), "person_id", "seat", "kind"
    )
    subs = away.select(
        "meeting_id",
        "committee_id",
        "y",
        "start",
        "end",
        "source_id",
        "meeting_line",
        "rank",
        pl.col("person_id").alias("substitute_for"),
    ).join(subs, on=["committee_id", "y", "rank"], maintain_order="left_right")
    subs = subs.with_columns(
        status=pl.lit("present"),
        role_at_meeting=pl.lit("Substitute"),
        arrived_at=pl.lit(None, pl.String),
        left_at=pl.lit(None, pl.String),
        source_line=pl.col("meeting_line") + 16,
    )
    officers = (
        meeting_frame.select(
            pl.col("id").alias("meeting_id"),
            "council",
            "slot",
            "committee_id",
            "y",
            "source_id",
            pl.col("source_line").alias("meeting_line"),
        )
        .join(pl.DataFrame({"k": [0, 1, 2]}), how="cross", maintain_order="left_right")
        .with_columns(officer=(pl.col("slot") + pl.col("k")) % OFFICERS)
    )
    officers = officers.join(
        people_frame.filter(pl.col("kind") == "officer").select(
            "council", "officer", pl.col("id").alias("person_id"), pl.col("job_title").alias("role_at_meeting")
        ),
        on=["council", "officer"],
        maintain_order="left_right",
    ).with_columns(
        status=pl.lit("in_attendance"),
        seat=pl.lit(-1, pl.Int64),
        kind=pl.lit("officer"),
        source_line=pl.col("meeting_line") + 20 + pl.col("k"),
    )
    columns = [
        "meeting_id",
        "person_id",
        "status",
        "role_at_meeting",
        "substitute_for",
        "arrived_at",
        "left_at",
        "source_id",
        "source_line",
        "seat",
        "kind",
    ]
    frame = pl.concat(
        [f.select(c for c in columns if c in f.columns) for f in (members, subs, officers)], how="diagonal_relaxed"
    )
    return frame.sort("meeting_id", "source_line", maintain_order=True)


def resolutions(meeting_frame: pl.DataFrame, attendance_frame: pl.DataFrame, batch: Batch) -> pl.DataFrame:
    """Resolved points of four minutes per meeting, numbered through the municipal year; some with votes."""
    voting = (
        attendance_frame.filter((pl.col("seat").is_between(0, COUNCILLOR_SEATS - 1)) & (pl.col("status") == "present"))
        .group_by("meeting_id")
        .len("voting")
    )
    frame = meeting_frame.select(pl.col("id").alias("meeting_id"), "slot", "source_id", "source_line").join(
        pl.DataFrame({"minute": range(RESOLVED_MINUTES)}), how="cross", maintain_order="left_right"
    )
    frame = (
        frame.with_columns(points=pl.Series(batch.rng.integers(1, 4, frame.height)))
        .with_columns(seq=pl.int_ranges(1, pl.col("points") + 1))
        .explode("seq")
    )
    frame = frame.join(voting, on="meeting_id", how="left", maintain_order="left")
    rng, n = batch.rng, frame.height
    outcome = pick(tuple(RESOLUTION_TEXTS), pl.Series(rng.choice(4, n, p=[0.2, 0.2, 0.5, 0.1])))
    voted = pl.Series(rng.random(n) < 0.2)
    against, abstaining = pl.Series(rng.integers(0, 3, n)), pl.Series(rng.integers(0, 2, n))
    cast = pl.col("voting") - pl.Series(rng.integers(0, 2, n))
    frame = frame.with_columns(outcome=outcome, voted=voted, against=against, abstaining=abstaining, cast=cast)
    return frame.with_columns(
        minute_number=(1 + MINUTES_PER_MEETING * pl.col("slot") + 3 + 2 * pl.col("minute")).cast(pl.String),
        text=pl.col("outcome").replace_strict(RESOLUTION_TEXTS, return_dtype=pl.String),
        votes_for=pl.when(pl.col("voted")).then(pl.col("cast") - pl.col("against") - pl.col("abstaining")),
        votes_against=pl.when(pl.col("voted")).then(pl.col("against")),
        abstentions=pl.when(pl.col("voted")).then(pl.col("abstaining")),
        source_line=pl.col("source_line") + 40 + 10 * pl.col("minute") + pl.col("seq"),
    )


def declarations(meeting_frame: pl.DataFrame, attendance_frame: pl.DataFrame, batch: Batch) -> pl.DataFrame:
    """At about one meeting in twelve, a member present declares an interest in an item."""
    chosen = meeting_frame.filter(pl.Series(batch.rng.random(meeting_frame.height)) < 0.08).select(
        pl.col("id").alias("meeting_id"), "slot"
    )
    declarers = (
        attendance_frame.filter(pl.col("seat").is_between(2, COUNCILLOR_SEATS - 1) & (pl.col("status") == "present"))
        .group_by("meeting_id", maintain_order=True)
        .first()
    )
    frame = chosen.join(
        declarers.select("meeting_id", "person_id", "source_id", "source_line"),
        on="meeting_id",
        maintain_order="left_right",
    )
    return frame.with_columns(
        item=(4 + MINUTES_PER_MEETING * pl.col("slot")).cast(pl.String),
        kind=pl.lit("non_pecuniary"),
        interest=pick(INTERESTS, pl.Series(batch.rng.integers(0, len(INTERESTS), frame.height))),
        source_line=pl.col("source_line") + 30,
    )


#: The report each council-year's figures come from: which committee, which meeting slot.
REPORT_KINDS = {
    "complaints": (0, 1, "Annual complaints and representations report"),
    "performance": (0, 2, "Children's social care performance report"),
    "budget": (2, 3, "Budget monitoring report"),
}


def reports(meeting_frame: pl.DataFrame) -> pl.DataFrame:
    """The three reports of each council-year that the figures are printed in."""
    frames = []
    for kind, (comm, slot, title) in REPORT_KINDS.items():
        frames.append(
            meeting_frame.filter((pl.col("comm") == comm) & (pl.col("slot") == slot)).select(
                "council",
                "y",
                pl.col("id").alias("meeting_id"),
                "source_id",
                "date",
                pl.format("{}-{}", pl.col("id"), pl.lit(kind)).alias("id"),
                pl.lit(kind).alias("report_kind"),
                pl.lit(title).alias("title"),
                pl.lit("6").alias("agenda_item"),
                pl.lit("Corporate Director of Children's Services").alias("report_of"),
                pl.lit("All").alias("wards"),
                pl.lit(False).alias("key_decision"),
                (pl.col("source_line") + 60).alias("source_line"),
            )
        )
    return pl.concat(frames)
