"""`atomic_dir` keeps the previous output even when stopped between its two renames."""

from __future__ import annotations

import os

import pytest

from scrutiny_data.atomic import atomic_dir


def test_failed_swap_puts_the_previous_output_back(tmp_path, monkeypatch) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "a.txt").write_text("before", encoding="utf-8")
    real_replace = os.replace
    calls = []

    def second_rename_fails(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", second_rename_fails)
    with pytest.raises(KeyboardInterrupt), atomic_dir(target) as tmp:
        (tmp / "a.txt").write_text("after", encoding="utf-8")
    assert (target / "a.txt").read_text(encoding="utf-8") == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_run_stopped_between_renames_is_recovered_next_time(tmp_path) -> None:
    old = tmp_path / ".out.old"
    old.mkdir()
    (old / "a.txt").write_text("before", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_dir(tmp_path / "out"):
        raise RuntimeError("fails before writing")
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "before"
