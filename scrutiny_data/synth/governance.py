"""Synthetic councils, committees, people, meetings, attendance and decisions for one batch of councils."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

#: The scrutiny committees every synthetic council has: id suffix and name.
COMMITTEES = (
    ("childrens-services-osc", "Children's Services Overview and Scrutiny Committee"),
    ("health-and-wellbeing-osc", "Health and Wellbeing Overview and Scrutiny Committee"),
    ("corporate-osc", "Corporate Overview and Scrutiny Committee"),
)
#: Seats on a committee: 0 chair, 1 vice-chair, 2-9 members, 10-11 co-opted, 12-13 named substitutes.
SEATS = 14
COUNCILLOR_SEATS = 10
#: Meetings of a municipal year: month, calendar-year offset from May, first day, days to choose from.
MEETING_SLOTS = (
    (6, 0, 1, 22),
    (7, 0, 1, 22),
    (9, 0, 1, 22),
    (10, 0, 1, 22),
    (11, 0, 1, 22),
    (1, 1, 12, 14),
    (3, 1, 1, 22),
)
OFFICER_TITLES = (
    "Corporate Director of Children's Services", "Assistant Director, Children's Social Care",
    "Strategic Lead, Performance", "Democratic Services Officer", "Director of Public Health",
    "Assistant Director, Finance"
)
#: Minute numbers used by one meeting: its resolutions are minutes 4, 6, 8 and 10 of its block.
MINUTES_PER_MEETING, RESOLVED_MINUTES = 9, 4
START_MINUTES = (600, 840, 1080, 1110, 1140)
GSS_PREFIXES = ("E06", "E07", "E08", "E09", "W06", "S12")
PLACE_HEADS = (
    "ash", "bram", "cal", "dun", "elm", "fern", "glen", "hart", "ivy", "kings", "lang", "mar", "nor", "oak", "pen",
    "quar", "ross", "stan", "thorn", "up", "wal", "wes", "york", "brad", "chel", "dor", "hal", "mel", "pres", "sal"
)
PLACE_TAILS = (
    "bury", "ford", "ham", "ley", "ton", "wick", "worth", "field", "mouth", "stead", "bridge", "combe", "dale",
    "gate", "hurst", "more", "port", "well", "wood", "by"
)
#: First names, none a spelling variant of another (so only planted pairs are name variants).
FIRST_NAMES = (
    "Michelle", "Philip", "Catherine", "Sarah", "Matthew", "Alan", "Claire", "Graham", "Susan", "David", "Joanne",
    "Martin", "Helen", "Robert", "Fiona", "Gary", "Tracey", "Kevin", "Deborah", "Nigel", "Yvonne", "Barry", "Lynn",
    "Oliver", "Priya", "Tariq", "Amina", "Wendy", "Colin", "Beatrice", "Derek", "Imogen", "Hugo", "Rupert",
    "Valerie", "Ewan", "Gemma", "Lucas", "Nadia", "Simon"
)
SURNAME_HEADS = (
    *tuple(h.title() for h in PLACE_HEADS),
    "Ox",
    "Bel",
    "Crom",
    "Dray",
    "Fitz",
    "Grey",
    "Hol",
    "Kel",
    "Lind",
    "Whit",
)
OFFICERS = len(OFFICER_TITLES)


@dataclass(frozen=True)
class Batch:
    """One batch of councils: their global indices, the years covered and the random stream."""

    first_council: int
    councils: int
    years: int
    first_year: int
    rng: np.random.Generator

    @property
    def terms(self) -> int:
        return self.years // 4 + 2

    @property
    def people_per_council(self) -> int:
        return len(COMMITTEES) * SEATS * self.terms + OFFICERS


def pick(values: tuple[str, ...], index: np.ndarray | pl.Expr) -> pl.Series | pl.Expr:
    """The values at `index` (cycled), vectorised."""
    if isinstance(index, pl.Expr):
        return pl.lit(pl.Series(values)).gather(index % len(values))
    return pl.Series(values).gather(np.asarray(index) % len(values))


def clock(minutes: pl.Expr) -> pl.Expr:
    """Minutes after midnight as `HH:MM`."""
    return pl.format("{}:{}", (minutes // 60).cast(pl.String).str.zfill(2), (minutes % 60).cast(pl.String).str.zfill(2))


def municipal_year(start: pl.Expr) -> pl.Expr:
    """`2021/22` from the calendar year the municipal year starts in."""
    return pl.format("{}/{}", start.cast(pl.String), ((start + 1) % 100).cast(pl.String).str.zfill(2))


def surname(index: pl.Expr) -> pl.Expr:
    """A surname unique to each person index: double-barrelled past the first 1,200."""
    base = pl.concat_str(pick(SURNAME_HEADS, index), pick(PLACE_TAILS, index // len(SURNAME_HEADS)))
    block = len(SURNAME_HEADS) * len(PLACE_TAILS)
    prefix = pl.concat_str(pick(SURNAME_HEADS, index // block), pick(PLACE_TAILS, index // (block * 40)))
    return pl.when(index < block).then(base).otherwise(pl.format("{}-{}", prefix, base))


def slug(text: pl.Expr) -> pl.Expr:
    """Lowercase slug of a name."""
    return text.str.to_lowercase().str.replace_all(r"[^a-z0-9]+", "-").str.strip_chars("-")


def councils(batch: Batch) -> pl.DataFrame:
    """The batch's councils: index, slug, name and GSS code."""
    index = pl.int_range(batch.first_council, batch.first_council + batch.councils, eager=True)
    frame = pl.DataFrame({"council": index})
    place = pl.concat_str(
        pick(PLACE_HEADS, pl.col("council")), pick(PLACE_TAILS, pl.col("council") // len(PLACE_HEADS))
    )
    block = len(PLACE_HEADS) * len(PLACE_TAILS)
    place = (
        pl.when(pl.col("council") < block)
        .then(place)
        .otherwise(pl.format("{} {}", place, (pl.col("council") // block).cast(pl.String)))
    )
    return frame.with_columns(
        place_name=place.str.to_titlecase(),
        council_slug=slug(place),
        body_gss=pl.concat_str(
            pick(GSS_PREFIXES, pl.col("council")), (pl.col("council") + 1).cast(pl.String).str.zfill(6)
        ),
    ).with_columns(body=pl.format("{} Council", pl.col("place_name")))


def committees(council_frame: pl.DataFrame, batch: Batch) -> pl.DataFrame:
    """Three scrutiny committees per council, with their quorum."""
    kinds = pl.DataFrame(
        {"comm": [0, 1, 2], "comm_slug": [c[0] for c in COMMITTEES], "comm_name": [c[1] for c in COMMITTEES]}
    )
    frame = council_frame.join(kinds, how="cross", maintain_order="left_right")
    return frame.with_columns(
        committee_id=pl.format("{}-{}", pl.col("council_slug"), pl.col("comm_slug")),
        quorum=pl.Series(batch.rng.integers(3, 5, frame.height)),
    )


def memberships(committee_frame: pl.DataFrame, batch: Batch) -> pl.DataFrame:
    """Who holds each seat of each committee each year; seats change hands every four years."""
    frame = (
        committee_frame.select("council", "comm", "committee_id")
        .join(pl.DataFrame({"y": pl.int_range(0, batch.years, eager=True)}), how="cross", maintain_order="left_right")
        .join(pl.DataFrame({"seat": pl.int_range(0, SEATS, eager=True)}), how="cross", maintain_order="left_right")
    )
    term = (pl.col("y") + pl.col("seat") % 4) // 4
    return frame.with_columns(
        person_index=pl.col("council") * batch.people_per_council
        + (pl.col("comm") * SEATS + pl.col("seat")) * batch.terms
        + term,
        municipal_year=municipal_year(pl.col("y") + batch.first_year),
        role=pl.when(pl.col("seat") == 0)
        .then(pl.lit("chair"))
        .when(pl.col("seat") == 1)
        .then(pl.lit("vice_chair"))
        .when(pl.col("seat") < COUNCILLOR_SEATS)
        .then(pl.lit("member"))
        .when(pl.col("seat") < 12)
        .then(pl.lit("co_opted"))
        .otherwise(pl.lit("substitute")),
        kind=pl.when(pl.col("seat").is_between(10, 11)).then(pl.lit("co_opted")).otherwise(pl.lit("councillor")),
    )


def people(membership_frame: pl.DataFrame, council_frame: pl.DataFrame, batch: Batch) -> pl.DataFrame:
    """Every member once, plus each council's officers; surnames are unique to a person."""
    members = membership_frame.select("council", "person_index", "kind").unique("person_index", maintain_order=True)
    officers = (
        council_frame.select("council")
        .join(
            pl.DataFrame({"officer": pl.int_range(0, OFFICERS, eager=True)}), how="cross", maintain_order="left_right"
        )
        .with_columns(
            person_index=pl.col("council") * batch.people_per_council
            + len(COMMITTEES) * SEATS * batch.terms
            + pl.col("officer"),
            kind=pl.lit("officer"),
        )
    )
    frame = pl.concat([members.with_columns(officer=pl.lit(None, pl.Int64)), officers], how="diagonal")
    first = pl.Series(batch.rng.integers(0, len(FIRST_NAMES), frame.height))
    frame = frame.with_columns(first_name=pick(FIRST_NAMES, first), surname=surname(pl.col("person_index")))
    return frame.with_columns(
        name=pl.format("{} {}", pl.col("first_name"), pl.col("surname")),
        job_title=pick(OFFICER_TITLES, pl.col("officer")),
    ).with_columns(id=slug(pl.col("name")))


def meetings(committee_frame: pl.DataFrame, batch: Batch) -> pl.DataFrame:
    """Seven meetings per committee a year on weekdays, times, and agendas published 2-3 weeks before."""
    slots = pl.DataFrame(
        {
            "slot": range(len(MEETING_SLOTS)),
            "month": [s[0] for s in MEETING_SLOTS],
            "year_offset": [s[1] for s in MEETING_SLOTS],
            "first_day": [s[2] for s in MEETING_SLOTS],
            "span": [s[3] for s in MEETING_SLOTS],
        }
    )
    frame = (
        committee_frame.select("council", "comm", "committee_id", "place_name", "comm_name")
        .join(pl.DataFrame({"y": pl.int_range(0, batch.years, eager=True)}), how="cross", maintain_order="left_right")
        .join(slots, how="cross", maintain_order="left_right")
    )
    rng, n = batch.rng, frame.height
    frame = frame.with_columns(
        day_draw=pl.Series(rng.random(n)),
        start=pl.Series(rng.choice(START_MINUTES, n)),
        duration=pl.Series(60 + 5 * rng.integers(0, 25, n)),
        notice=pl.Series(rng.integers(14, 19, n)),
        source_line=pl.Series(rng.integers(20, 400, n)),
    )
    raw_date = pl.date(
        pl.col("y") + batch.first_year + pl.col("year_offset"),
        pl.col("month"),
        pl.col("first_day") + (pl.col("day_draw") * pl.col("span")).cast(pl.Int32),
    )
    frame = frame.with_columns(raw_date=raw_date).with_columns(
        date=pl.col("raw_date") - pl.duration(days=(pl.col("raw_date").dt.weekday() - 4).clip(0, 3))
    )
    published = pl.col("date") - pl.duration(days=pl.col("notice"))
    frame = frame.with_columns(published=published).with_columns(
        agenda_published=pl.col("published") - pl.duration(days=(pl.col("published").dt.weekday() - 5).clip(0, 2))
    )
    return (
        frame.with_columns(
            id=pl.format("{}-{}", pl.col("committee_id"), pl.col("date").dt.strftime("%Y-%m-%d")),
            date_stated=pl.col("date").dt.strftime("%A %-d %B %Y"),
            municipal_year=municipal_year(pl.col("y") + batch.first_year),
            start_time=clock(pl.col("start")),
            end_time=clock(pl.col("start") + pl.col("duration")),
            end=pl.col("start") + pl.col("duration"),
            venue=pl.format(
                "Committee Room {}, {} Civic Offices", (pl.col("comm") + 1).cast(pl.String), pl.col("place_name")
            ),
            status=pl.lit("held"),
        )
        .with_columns(source_id=pl.format("{}-pack", pl.col("id")))
        .drop("raw_date", "published", "day_draw")
    )


def sources(meeting_frame: pl.DataFrame, council_frame: pl.DataFrame, batch: Batch) -> pl.DataFrame:
    """One agenda pack per meeting, with a SHA-256 drawn from the random stream."""
    digests = np.frombuffer(batch.rng.bytes(32 * meeting_frame.height).hex().encode(), dtype="S64").astype(str)
    return (
        meeting_frame.join(council_frame.select("council", "body"), on="council", maintain_order="left_right")
        .with_columns(
            file_name=pl.format("{}.txt", pl.col("source_id")),
            sha256=pl.Series(digests),
            kind=pl.lit("pdf_text"),
            title=pl.format("Agenda pack: {}, {}", pl.col("comm_name"), pl.col("date_stated")),
            publisher=pl.col("body"),
            published=pl.col("agenda_published"),
            source_line=pl.lit(1),
        )
        .with_columns(id=pl.col("source_id"))
    )
