"""A descriptor cannot read outside its package, and remote paths are fetched only when allowed."""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutiny_data import ScrutinyDataError, load
from scrutiny_data.cli import main
from scrutiny_data.safety import is_remote, local_resource_path

from .conftest import BASE


def _point_meetings_at(root: Path, location: str) -> None:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][2]["path"] = location
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def test_symlink_leaving_the_package_is_refused(package, tmp_path) -> None:
    root = package()
    secret = tmp_path / "secret.csv"
    secret.write_bytes((BASE / "data" / "meetings.csv").read_bytes())
    (root / "data" / "meetings.csv").unlink()
    (root / "data" / "meetings.csv").symlink_to(secret)
    result = CliRunner().invoke(main, ["info", str(root)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {root}/datapackage.json: resource 'meetings': `path` 'data/meetings.csv' "
                             "is a symlink that leaves the package\n")


def test_symlinked_directory_leaving_the_package_is_refused(package, tmp_path) -> None:
    root = package()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "meetings.csv").write_bytes((BASE / "data" / "meetings.csv").read_bytes())
    (root / "elsewhere").symlink_to(outside, target_is_directory=True)
    _point_meetings_at(root, "elsewhere/meetings.csv")
    with pytest.raises(ScrutinyDataError, match="'elsewhere/meetings.csv' is a symlink that leaves the package"):
        load(root)


def test_symlink_inside_the_package_is_followed(package) -> None:
    root = package()
    (root / "data" / "meetings.csv").rename(root / "data" / "real.csv")
    (root / "data" / "meetings.csv").symlink_to("real.csv")
    assert load(root)["meetings"].height == 3


def test_symlink_loop_is_a_clean_error(package) -> None:
    root = package()
    (root / "data" / "meetings.csv").unlink()
    (root / "data" / "meetings.csv").symlink_to("meetings.csv")
    with pytest.raises(ScrutinyDataError, match="resource 'meetings'"):
        load(root)


@pytest.mark.parametrize(("location", "why"), [
    ("", "is empty or contains a NUL byte"),
    ("data/\x00meetings.csv", "is empty or contains a NUL byte"),
    ("/etc/passwd", "is absolute"),
    ("\\\\server\\share\\x.csv", "is absolute"),
    ("C:x.csv", "is absolute"),
    ("data\\..\\..\\x.csv", "has a `..` segment"),
    ("ftp://example.invalid/x.csv", "never fetched"),
])
def test_paths_that_could_leave_the_package(tmp_path, location, why) -> None:
    with pytest.raises(ScrutinyDataError, match=why) as info:
        local_resource_path(tmp_path, location, resource="meetings", descriptor=tmp_path / "datapackage.json")
    assert "resource 'meetings'" in str(info.value) and "\n" not in str(info.value)


def test_is_remote() -> None:
    assert [is_remote(x) for x in ("https://a/b.csv", "HTTP://a", "ftp://a", "data/x.csv", "C:\\x")] == [
        True, True, False, False, False]


@pytest.fixture
def local_server():
    """An HTTP server on the loopback address serving the base package's files; shut down after the test."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(BASE / "data")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_remote_resource_needs_allow_remote(package, local_server) -> None:
    root = package()
    url = f"{local_server}/meetings.csv"
    _point_meetings_at(root, url)
    refused = CliRunner().invoke(main, ["info", str(root)])
    assert refused.exit_code == 2
    assert refused.stderr == (f"error: {root}/datapackage.json: resource 'meetings': `path` {url!r} is remote and "
                              "is not fetched; pass --allow-remote to fetch it\n")
    allowed = CliRunner().invoke(main, ["info", "--allow-remote", str(root)])
    assert allowed.exit_code == 0, allowed.output
    assert load(root, allow_remote=True)["meetings"].height == 3


def test_remote_fetch_failure_is_a_clean_error(package, local_server) -> None:
    root = package()
    _point_meetings_at(root, f"{local_server}/nothing-here.csv")
    expected = "resource 'meetings': cannot fetch '.*/nothing-here.csv': HTTP 404 File not found"
    with pytest.raises(ScrutinyDataError, match=expected):
        load(root, allow_remote=True)
