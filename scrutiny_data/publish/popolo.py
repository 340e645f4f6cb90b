"""Popolo JSON: people, the councils and committees, and who sat on which committee in which year."""

from __future__ import annotations

from typing import Any

import polars as pl

from ..dataset import Dataset
from .facts import Facts, slug_expr
from .jsonio import without_nulls


def _period_id(column: str) -> pl.Expr:
    return pl.concat_str(pl.lit("municipal-year-"), slug_expr(column))


def popolo_document(dataset: Dataset, facts: Facts) -> dict[str, Any]:
    """The `popolo.json` document: persons, organizations, memberships and the municipal years."""
    persons = dataset["people"].select(
        "id", "name",
        pl.col("aliases").str.split(";").list.eval(
            pl.struct(pl.element().str.strip_chars().alias("name"))
        ).list.filter(pl.element().struct.field("name") != "").alias("other_names"),
        pl.col("job_title").alias("summary"),
    )
    bodies = [
        {"id": body.slug, "name": body.name, "classification": "council",
         "identifiers": [{"scheme": "gss", "identifier": body.gss}],
         "links": [{"url": body.gss_uri, "note": "ONS statistical geography"}]}
        for body in facts.bodies
    ]
    committees = dataset["committees"].select(
        "id", "name", pl.lit("committee").alias("classification"), slug_expr("body").alias("parent_id"),
    )
    memberships = dataset["memberships"].select(
        pl.concat_str("committee_id", "person_id", slug_expr("municipal_year"), separator="-").alias("id"),
        "person_id", pl.col("committee_id").alias("organization_id"), "role",
        _period_id("municipal_year").alias("legislative_period_id"),
    )
    years = dataset["memberships"].select("municipal_year").unique().sort("municipal_year").select(
        _period_id("municipal_year").alias("id"),
        pl.concat_str(pl.lit("Municipal year "), "municipal_year").alias("name"),
        pl.lit("legislative period").alias("classification"),
    )
    return {
        "persons": [without_nulls(row) for row in persons.to_dicts()],
        "organizations": bodies + [without_nulls(row) for row in committees.to_dicts()],
        "memberships": [without_nulls(row) for row in memberships.to_dicts()],
        "events": years.to_dicts(),
    }
