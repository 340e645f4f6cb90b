"""The pre-commit hook and the GitHub Action parse and run a real command with real options."""

from __future__ import annotations

import shlex
import subprocess
import tomllib

import click
import yaml

from scrutiny_data.cli import main

from .conftest import ROOT


def _command(words: list[str]) -> click.Command:
    """The click command that `scrutiny-data <words>` runs; fails if the script or command is unknown."""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts[words[0]] == "scrutiny_data.cli:main"
    command = main.get_command(click.Context(main), words[1])
    assert command is not None, f"no command {words[1]!r}"
    return command


def _options(command: click.Command) -> set[str]:
    return {opt for param in command.params for opt in getattr(param, "opts", [])}


def test_pre_commit_hook_runs_validate() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "scrutiny-data-validate" and hook["language"] == "python"
    assert hook["pass_filenames"] is False
    words = shlex.split(hook["entry"])
    assert words == ["scrutiny-data", "validate"] and _command(words).name == "validate"


def test_action_installs_itself_and_runs_validate_with_real_options() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    inputs = action["inputs"]
    assert inputs["path"]["required"] is True
    assert inputs["format"]["default"] == "github" and "python-version" in inputs
    runs = action["runs"]
    assert runs["using"] == "composite"
    steps = runs["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert steps[0]["with"]["python-version"] == "${{ inputs.python-version }}"
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}" and '"$ACTION_PATH"' in install["run"]
    script = next(s for s in steps if "scrutiny-data validate" in s.get("run", ""))
    assert all(s.get("shell") == "bash" for s in steps if "run" in s)
    assert "${{" not in script["run"]  # inputs only through env, never pasted into the script
    command = _command(["scrutiny-data", "validate"])
    used = {word for line in script["run"].splitlines() for word in line.replace("(", " ").split()
            if word.startswith("--")}
    assert used and used <= _options(command)
    choices = command.params[[p.name for p in command.params].index("report_format")].type.choices
    assert inputs["format"]["default"] in choices


def test_action_scripts_are_valid_bash(tmp_path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    for index, step in enumerate(s for s in action["runs"]["steps"] if "run" in s):
        script = tmp_path / f"step{index}.sh"
        script.write_text(step["run"], encoding="utf-8")
        result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
