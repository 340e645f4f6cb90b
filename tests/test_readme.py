"""The README's Python example runs as written."""

from __future__ import annotations

import re

from .conftest import ROOT


def test_readme_python_example_runs(tmp_path, monkeypatch, seeds) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks, "the README should show the library in use"
    monkeypatch.chdir(ROOT)
    code = blocks[0].replace('"out"', repr(str(tmp_path / "out")))
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README is ours
    assert (tmp_path / "out" / "datapackage.json").is_file()
