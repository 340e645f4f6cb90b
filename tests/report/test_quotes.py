"""SourceQuoter: the right line of the right file, and nothing when the file is absent or different."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl
import pytest

from scrutiny_data.dataset import Dataset
from scrutiny_data.report.quotes import SourceQuoter, excerpt, search_dirs, shorten

TEXT = "Title\r\n  Total complaints   received 90  \r\n\r\n" + "word " * 100 + "\r\n"


def _source(directory: Path, name: str = "003_abc.txt", text: str = TEXT) -> tuple[str, str]:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_bytes(text.encode("utf-8"))
    return name, hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_quotes_the_stripped_line(tmp_path: Path) -> None:
    quote = SourceQuoter({"003": _source(tmp_path)}, [tmp_path])
    assert quote("003", 1) == "Title"
    assert quote("003", 2) == "Total complaints received 90"
    assert quote("003", 3) is None  # an empty line has nothing to show
    long = quote("003", 4)
    assert long is not None and len(long) <= 200 and long.endswith("word…")
    assert quote("003", 99) is None and quote("003", 0) is None
    assert quote("003", None) is None and quote(None, 2) is None and quote("999", 2) is None


def test_sha_mismatch_gives_none_and_a_note(tmp_path: Path) -> None:
    name, _ = _source(tmp_path)
    quote = SourceQuoter({"003": (name, "0" * 64)}, [tmp_path])
    assert quote("003", 2) is None
    assert quote.problems == [f"{tmp_path / name}: SHA-256 differs from the sources table; not quoted"]


def test_first_directory_with_a_matching_file_wins(tmp_path: Path) -> None:
    name, sha = _source(tmp_path / "good")
    _source(tmp_path / "stale", name, "Old edition\nother line\n")
    quote = SourceQuoter({"003": (name, sha)}, [tmp_path / "missing", tmp_path / "stale", tmp_path / "good"])
    assert quote("003", 2) == "Total complaints received 90"
    assert quote.path("003") == tmp_path / "good" / name


def test_file_name_cannot_escape_the_search_directory(tmp_path: Path) -> None:
    _, sha = _source(tmp_path)
    quote = SourceQuoter({"003": ("../" + tmp_path.name + "/003_abc.txt", sha)}, [tmp_path / "sub"])
    assert quote("003", 2) is None


def test_for_dataset_reads_the_sources_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCRUTINY_SOURCES", raising=False)
    name, sha = _source(tmp_path / "pkg" / "sources")
    sources = pl.DataFrame({"id": ["003"], "file_name": [name], "sha256": [sha], "kind": ["pdf_text"],
                            "source_id": ["003"], "source_line": ["1"]})
    dataset = Dataset.from_frames("pkg", {"sources": sources}, path=tmp_path / "pkg")
    assert SourceQuoter.for_dataset(dataset)("003", 2) == "Total complaints received 90"


def test_search_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "repo" / "datasets" / "d").mkdir(parents=True)
    (tmp_path / "repo" / "pyproject.toml").write_text("")
    monkeypatch.setenv("SCRUTINY_SOURCES", str(tmp_path / "env"))
    assert search_dirs(tmp_path / "repo" / "datasets" / "d", [tmp_path / "cli"]) == [
        tmp_path / "cli", tmp_path / "repo" / "datasets" / "d" / "sources", tmp_path / "env",
        tmp_path / "shared" / "seeds"]


def test_seed_paper_line(seeds: Path) -> None:
    path = sorted(seeds.glob("003_*.txt"))[0]
    data = path.read_bytes()
    quote = SourceQuoter({"003": (path.name, hashlib.sha256(data).hexdigest())}, [seeds])
    line = next(i for i, text in enumerate(data.decode("utf-8-sig").splitlines(), 1) if text.strip())
    assert quote("003", line) == " ".join(data.decode("utf-8-sig").splitlines()[line - 1].split())[:200]


def test_shorten() -> None:
    assert shorten("short") == "short"
    assert shorten("a" * 300, 10) == "a" * 9 + "…"
    assert shorten("one two three four five six", 20) == "one two three four…"


def test_long_line_is_cut_around_the_printed_value(tmp_path: Path) -> None:
    line = "Intro " * 60 + "The walk took place on Wednesday 25th July at Grangewaters." + " tail" * 60
    quote = SourceQuoter({"003": _source(tmp_path, text=line + "\n")}, [tmp_path])
    near = quote("003", 1, near="wednesday 25th july")
    assert near is not None and len(near) <= 200 and near.startswith("…") and near.endswith("…")
    assert "The walk took place on Wednesday 25th July at Grangewaters." in near
    assert quote("003", 1, near="not there") == quote("003", 1)
    assert quote("003", 1).startswith("Intro Intro")


def test_missing_lists_sources_without_a_usable_file(tmp_path: Path) -> None:
    name, sha = _source(tmp_path)
    quote = SourceQuoter({"003": (name, sha), "004": ("004_gone.txt", sha), "005": (name, "f" * 64)}, [tmp_path])
    for sid in ("003", "004", "005", "999"):
        quote(sid, 1)
    assert quote.missing == ["004", "005", "999"]


def test_excerpt_near_the_start_is_not_prefixed() -> None:
    assert excerpt("Wednesday " + "x " * 200, "wednesday").startswith("Wednesday x")
    assert excerpt("short line", "line") == "short line"
