"""The engine: runs the registry, orders findings, includes read findings, refuses broken configuration."""

from __future__ import annotations

import polars as pl
import pytest

from scrutiny_data.validate import RULES, Finding, Severity, ValidationConfig, Waiver, rule, validate
from scrutiny_data.validate.registry import RULES as REGISTRY
from tests.validate.conftest import make_dataset, report


def test_report_counts_records_and_rules() -> None:
    result = report(make_dataset(people=[{"id": "a-b", "name": "A B"}]))
    assert result.summary() == {"errors": 0, "warnings": 0, "waived": 0, "records": 2, "rules": len(RULES)}
    assert result.to_dict()["ok"] is True


def test_skip_runs_fewer_rules_and_rejects_unknown_codes() -> None:
    dataset = make_dataset(people=[{"id": "a-b", "name": "A B", "kind": "wizard"}])
    assert [f.code for f in report(dataset).findings] == ["enum-invalid"]
    skipped = report(dataset, config=ValidationConfig(skip=frozenset({"enum-invalid"})))
    assert skipped.findings == [] and skipped.rules == len(RULES) - 1
    with pytest.raises(ValueError, match="unknown rule codes"):
        report(dataset, config=ValidationConfig(skip=frozenset({"no-such-rule"})))


def test_bad_config_is_an_exception() -> None:
    with pytest.raises(ValueError, match="quorum"):
        ValidationConfig(quorum=0)


def test_findings_sorted_by_code_then_record() -> None:
    dataset = make_dataset(people=[{"id": "b-b", "name": "B", "kind": "x"}, {"id": "a-a", "name": "A", "kind": "y"},
                                   {"id": "Bad", "name": "C"}])
    assert [(f.code, f.record_id) for f in report(dataset).findings] == [
        ("enum-invalid", "a-a"), ("enum-invalid", "b-b"), ("pattern-mismatch", "Bad")]


def test_read_findings_are_reported_and_waivable() -> None:
    dataset = make_dataset(people=[{"id": "a-b", "name": "A B"}])
    dataset.read_findings = [Finding("ragged-row", Severity.error, "people", "a-b", None, "Row 2 has 9 cells.",
                                     source_line=2)]
    assert [(f.code, f.waived) for f in report(dataset).findings] == [("ragged-row", False)]
    waived = report(dataset, waivers=[Waiver("ragged-row", "a-b", "known")])
    assert waived.ok and waived.findings[0].waived


def test_a_rule_returning_wrong_columns_is_an_exception() -> None:
    @rule("broken-rule-for-test", family="schema", severity=Severity.error, resource="people")
    def broken(people: pl.LazyFrame) -> pl.LazyFrame:
        """Returns the wrong columns."""
        return people.select("id")

    try:
        with pytest.raises(TypeError, match="broken-rule-for-test"):
            validate(make_dataset(), waivers=[])
    finally:
        del REGISTRY["broken-rule-for-test"]


def test_registration_refuses_duplicates_and_unknown_parameters() -> None:
    with pytest.raises(TypeError, match="registered twice"):
        rule("quorum", family="meetings", severity=Severity.error, resource="meetings")(lambda meetings: meetings)

    def undocumented(people: pl.LazyFrame) -> pl.LazyFrame:
        return people
    with pytest.raises(TypeError, match="docstring"):
        rule("new-rule", family="entities", severity=Severity.error, resource="people")(undocumented)

    def wrong(persons: pl.LazyFrame) -> pl.LazyFrame:
        """Takes a table that does not exist."""
        return persons
    with pytest.raises(TypeError, match="neither resources"):
        rule("new-rule", family="entities", severity=Severity.error, resource="people")(wrong)
    assert "new-rule" not in RULES


def test_package_exports_validate() -> None:
    import scrutiny_data
    import scrutiny_data.validate as module

    dataset = make_dataset(people=[{"id": "a-b", "name": "A B", "kind": "wizard"}])
    assert [f.code for f in scrutiny_data.validate(dataset, waivers=[]).findings] == ["enum-invalid"]
    assert scrutiny_data.validate.validate is validate and module.RULES is RULES


def test_dataset_of_typed_frames_without_raw_text_is_checked() -> None:
    from scrutiny_data.dataset import Dataset

    typed = make_dataset(people=[{"id": "a-b", "name": "A B", "kind": "wizard"}])
    bare = Dataset(name="typed", tables={"people": typed.tables["people"]})
    assert [(f.code, f.record_id) for f in validate(bare, waivers=[]).findings] == [("enum-invalid", "a-b")]


def _in_chunks(frame: pl.DataFrame, size: int) -> pl.DataFrame:
    """The same rows held as several chunks of `size` rows (as a file read in batches gives them)."""
    pieces = [frame.slice(start, size) for start in range(0, frame.height, size)] or [frame]
    return pl.concat(pieces, rechunk=False)


@pytest.mark.parametrize(("typed_size", "raw_size"), [(1, 1), (1, 2), (2, 3)])
def test_frames_of_many_chunks_give_the_same_findings(typed_size: int, raw_size: int) -> None:
    from dataclasses import replace

    meeting = {"id": "m-1", "committee_id": "csc", "date": "2022-09-13", "municipal_year": "2022/23"}
    dataset = make_dataset(
        committees=[{"id": "csc"}],
        meetings=[meeting, {**meeting, "id": "m-2", "date": "soon", "start_time": "25:00"},
                  {**meeting, "id": "m-2", "status": "maybe"}, {**meeting, "id": "Bad", "committee_id": None}],
        people=[{"id": "a-b", "name": "A B"}, {"id": "c-d", "name": "C D", "kind": "wizard"}],
        attendance=[{"meeting_id": "m-1", "person_id": "a-b"}, {"meeting_id": "m-1", "person_id": "x-y"}],
    )
    chunked = replace(dataset, tables={n: _in_chunks(f, typed_size) for n, f in dataset.tables.items()},
                      raw={n: _in_chunks(f, raw_size) for n, f in dataset.raw.items()})
    assert chunked.tables["meetings"].n_chunks() > 1
    expected = [(f.code, f.record_id, f.field, f.actual) for f in report(dataset).findings]
    assert len(expected) > 5
    assert [(f.code, f.record_id, f.field, f.actual) for f in report(chunked).findings] == expected


def test_a_polars_panic_on_many_chunks_is_retried_on_one_chunk(monkeypatch) -> None:
    """Polars 2.1 now and then panics on frames of many chunks; the rules then run on rechunked frames."""
    from dataclasses import replace

    from scrutiny_data.validate import engine

    dataset = make_dataset(meetings=[{"id": "m-1", "status": "maybe"}, {"id": "m-2"}],
                           attendance=[{"meeting_id": "nowhere", "person_id": "a-b"}, {"meeting_id": "m-1"}])
    chunked = replace(dataset, tables={n: _in_chunks(f, 1) for n, f in dataset.tables.items()})
    real, calls = engine.run_rules_lazy, []

    def panics_on_chunks(tables, raw, config, engine="streaming"):
        chunks = max(frame.collect().n_chunks() for frame in tables.values())
        calls.append(chunks)
        if chunks > 1:
            raise pl.exceptions.PanicException("assertion failed: i < self.len()")
        return real(tables, raw, config, engine)

    monkeypatch.setattr(engine, "run_rules_lazy", panics_on_chunks)
    found = [(f.code, f.record_id) for f in report(chunked).findings]
    assert calls[0] > 1 and calls[1] == 1
    assert found == [(f.code, f.record_id) for f in report(dataset).findings] and found
