"""Entity rules: two person ids that are probably one person."""

from __future__ import annotations

import polars as pl

from ..findings import Severity
from ..registry import rule
from .common import findings

#: Short forms of first names, each with its full form; the one table of variants the rule knows.
FIRST_NAME_FORMS: dict[str, str] = {
    "joe": "joseph", "jo": "joanne", "bill": "william", "will": "william", "bob": "robert", "rob": "robert",
    "bobby": "robert", "mike": "michael", "mick": "michael", "liz": "elizabeth", "beth": "elizabeth",
    "sue": "susan", "kate": "katherine", "katie": "katherine", "cathy": "catherine", "kathy": "katherine",
    "jim": "james", "jimmy": "james", "tony": "anthony", "steve": "stephen", "steven": "stephen",
    "dave": "david", "chris": "christopher", "tom": "thomas", "nick": "nicholas", "andy": "andrew",
    "alex": "alexander", "ben": "benjamin", "dan": "daniel", "danny": "daniel", "matt": "matthew",
    "pat": "patricia", "rich": "richard", "dick": "richard", "jen": "jennifer", "jenny": "jennifer",
    "sam": "samuel", "tim": "timothy", "ed": "edward", "ted": "edward", "jon": "jonathan", "jack": "john",
    "pete": "peter", "phil": "philip", "phillip": "philip", "geoff": "geoffrey", "greg": "gregory",
    "ken": "kenneth", "les": "leslie", "di": "diane", "val": "valerie", "sandy": "sandra",
    "barb": "barbara", "debbie": "deborah", "debra": "deborah", "mandy": "amanda", "becky": "rebecca",
    "vicky": "victoria", "nicky": "nicola", "nikki": "nicola", "ros": "rosalind", "gill": "gillian",
    "jill": "gillian", "fred": "frederick", "ron": "ronald", "ray": "raymond", "terry": "terence",
    "abi": "abigail", "abby": "abigail", "mo": "maureen", "sheila": "sheila",
}
_TITLES = r"(?i)^((cllr|councillor|mr|mrs|ms|miss|dr|prof|rev|sir|dame)\.?\s+)+"


def _spelling_key(first: pl.Expr) -> pl.Expr:
    """A first name without spelling noise: Michele/Michelle, Jon/John, Sara/Sarah, Ann/Anne share a key."""
    key = first.str.replace_all("ph", "f").str.replace_all(r"(.)h", "$1").str.replace(r"ie$", "y")
    for letter in "abcdefghijklmnopqrstuvwxyz":  # the regex engine has no backreferences to collapse doubles
        key = key.str.replace_all(f"{letter}{letter}+", letter)
    return key.str.replace(r"(..)e$", "$1")


def _name_parts(people: pl.LazyFrame) -> pl.LazyFrame:
    words = pl.col("name").str.replace(_TITLES, "").str.to_lowercase().str.replace_all(r"[^a-z' -]", " ") \
        .str.strip_chars().str.split(" ").list.eval(pl.element().filter(pl.element() != ""))
    first = words.list.first()
    parts = people.filter(words.list.len() >= 2).with_columns(
        _surname=words.list.last(), _first=first, _length=words.list.join(" ").str.len_chars(),
        _full_first=first.replace(FIRST_NAME_FORMS),
    )
    # Thirty regex passes make the spelling key: they run once per distinct first name, not per person.
    keys = parts.select(pl.col("_first").unique()).with_columns(_key=_spelling_key(pl.col("_first")))
    return parts.join(keys, on="_first", how="left", maintain_order="left")


@rule("name-variant", family="entities", severity=Severity.warning, resource="people")
def one_id_per_person(people: pl.LazyFrame) -> pl.LazyFrame:
    """Two people with the same surname and first names that are variants (Michele/Michelle, Joe/Joseph) are one.

    The warning suggests merging the shorter printed name into the more complete one.
    """
    parts = _name_parts(people)
    other = parts.select(pl.col(c).alias(f"_other{c}") for c in ("id", "name", "_surname", "_first", "_full_first",
                                                                 "_key", "_length", "source_id", "source_line"))
    pairs = parts.join(other, left_on="_surname", right_on="_other_surname").filter(pl.col("id") < pl.col("_otherid"))
    variant = (
        (pl.col("_full_first") == pl.col("_other_full_first")) | (pl.col("_key") == pl.col("_other_key"))
        | ((pl.col("_first").str.len_chars() == 1) & pl.col("_other_first").str.starts_with(pl.col("_first")))
        | ((pl.col("_other_first").str.len_chars() == 1) & pl.col("_first").str.starts_with(pl.col("_other_first")))
    )
    # Merge the shorter name into the longer (the fuller printed form); ties merge the later id.
    this_goes = pl.col("_length") < pl.col("_other_length")
    merged_id = pl.when(this_goes).then("id").otherwise("_otherid")
    kept_id = pl.when(this_goes).then("_otherid").otherwise("id")
    merged_name = pl.when(this_goes).then("name").otherwise("_othername")
    kept_name = pl.when(this_goes).then("_othername").otherwise("name")
    found = pairs.filter(variant).with_columns(_merged=merged_id, _kept=kept_id, _merged_name=merged_name,
                                               _kept_name=kept_name,
                                               source_id=pl.when(this_goes).then("source_id")
                                               .otherwise("_othersource_id"),
                                               source_line=pl.when(this_goes).then("source_line")
                                               .otherwise("_othersource_line"))
    return findings(found, "people", field="name", record=pl.col("_merged"),
                    message=pl.format("{} ({}) and {} ({}) are probably the same person; consider merging {} into {}.",
                                      "_merged_name", "_merged", "_kept_name", "_kept", "_merged", "_kept"),
                    expected=pl.col("_kept"), actual=pl.col("_merged"))
