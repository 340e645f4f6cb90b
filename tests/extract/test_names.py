"""Name lists, `Name, Role` entries, and one id per person across spellings."""

from __future__ import annotations

from scrutiny_data.extract.names import (
    PersonRegistry, looks_like_name, parse_councillor_list, parse_entry, split_top_level, variant_of,
)


def test_councillor_list_with_roles_and_substitutes() -> None:
    text = "Councillors Adam Carter (Chair), George Coxshall (Vice-Chair), Alex Anderson and " \
           "Lynn Worrall (Substitute) (substitute for Martin Kerin)"
    entries = parse_councillor_list(text)
    assert [e.name for e in entries] == ["Adam Carter", "George Coxshall", "Alex Anderson", "Lynn Worrall"]
    assert [(e.is_chair, e.is_vice_chair, e.is_substitute) for e in entries] == [
        (True, False, False), (False, True, False), (False, False, False), (False, False, True)]
    assert entries[3].substitute_for == "Martin Kerin"
    assert text[entries[2].offset:].startswith("Alex Anderson")


def test_split_top_level_ignores_commas_in_brackets() -> None:
    assert [part for _, part in split_top_level("A B (x, y), C D and E F")] == ["A B (x, y)", "C D", "E F"]


def test_parse_entry() -> None:
    entry = parse_entry("Kim James, Chief Operating Officer, HealthWatch Thurrock")
    assert (entry.name, entry.councillor, entry.role) == ("Kim James", False, "Chief Operating Officer, HealthWatch Thurrock")
    kerin = parse_entry("Councillor Kerin")
    assert (kerin.name, kerin.councillor) == ("Kerin", True)
    tipping = parse_entry("Sonny Tipping, Youth Cabinet Representative (arrived 7.12pm)")
    assert tipping.notes == ("arrived 7.12pm",)
    assert parse_entry("Youth Cabinet") is None


def test_looks_like_name() -> None:
    assert looks_like_name("Priscilla Bruce-Annan")
    assert looks_like_name("Kelly McMillan")
    assert not looks_like_name("Democratic Services")
    assert not looks_like_name("Graham")


def test_variants() -> None:
    assert variant_of("Michele Lucas", "Michelle Lucas")
    assert variant_of("Joe Tynan", "Joseph Tynan")
    assert variant_of("Angela Surry", "Angela Surrey")
    assert not variant_of("Andrew Carter", "Adam Carter")
    assert not variant_of("Myra Potter", "David Potter")
    assert not variant_of("Lee Henley", "Lee Watson")


def test_registry_merges_spellings_and_resolves_surnames() -> None:
    registry = PersonRegistry()
    registry.add("Michele Lucas", "officer", ("002", 313))
    registry.add("Michele Lucas", "officer", ("003", 188))
    registry.add("Michelle Lucas", "officer", ("001", 1015))
    registry.add("Abbie Akinbohun", "councillor", ("002", 299))
    registry.add("Adam Carter", "councillor", ("003", 178))
    registry.add("Andrew Carter", "officer", ("001", 203))
    registry.add("Joseph Tynan", "officer", ("001", 760))
    registry.scan_variants("001", ("Cherrylyn Senior, PSW; FST & Joe Tynan, Service Manager",))
    people = {p.person_id: p for p in registry.people}
    assert set(people) == {"michele-lucas", "abbie-akinbohun", "adam-carter", "andrew-carter", "joseph-tynan"}
    assert people["michele-lucas"].spellings == {"Michele Lucas": 2, "Michelle Lucas": 1}
    assert people["michele-lucas"].first_seen == ("001", 1015)
    assert set(people["joseph-tynan"].spellings) == {"Joseph Tynan", "Joe Tynan"}
    assert registry.resolve("Akinbohun", councillor=True) == "abbie-akinbohun"
    assert registry.resolve("Carter", councillor=True) == "adam-carter"
    assert registry.resolve("Carter") is None
    assert registry.resolve("Michelle Lucas") == "michele-lucas"
