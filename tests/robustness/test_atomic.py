"""An interrupted write leaves the previous output intact and no temporary files behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import scrutiny_data.atomic as atomic
import scrutiny_data.dataset as dataset_module
from scrutiny_data import load
from scrutiny_data.atomic import atomic_dir, atomic_write_bytes
from scrutiny_data.dataset import write_package

from .conftest import BASE


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_write_interrupted_mid_file_keeps_the_old_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"previous")
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, b"x" * 1000)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_write_interrupted_at_rename_keeps_the_old_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"previous")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_directory_block_that_fails_leaves_the_old_directory(tmp_path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "kept.csv").write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_dir(target) as new:
        (new / "kept.csv").write_text("new", encoding="utf-8")
        (new / "half.csv").write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")
    assert _snapshot(target) == {"kept.csv": b"old"}
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_package_write_interrupted_midway_keeps_the_previous_package(tmp_path, monkeypatch) -> None:
    out = tmp_path / "published"
    write_package(load(BASE), out)
    before = _snapshot(out)
    written = []
    real_csv_bytes = dataset_module.csv_bytes

    def interrupt_on_third(frame):
        written.append(frame)
        if len(written) == 3:
            raise KeyboardInterrupt
        return real_csv_bytes(frame)

    monkeypatch.setattr(dataset_module, "csv_bytes", interrupt_on_third)
    changed = load(BASE)
    changed.tables["meetings"] = changed.tables["meetings"].head(1)
    with pytest.raises(KeyboardInterrupt):
        write_package(changed, out)
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["published"]
    assert sorted(p.name for p in out.iterdir()) == ["data", "datapackage.json"]
