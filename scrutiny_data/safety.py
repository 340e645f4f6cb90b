"""Where a descriptor may read from: inside its own package, or a remote URL only when allowed."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path, PurePosixPath, PureWindowsPath

from .errors import ScrutinyDataError

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_REMOTE_SCHEMES = ("http", "https")
#: A remote resource larger than this is refused rather than read into memory.
MAX_REMOTE_BYTES = 1 << 30
REMOTE_TIMEOUT_SECONDS = 30


def is_remote(location: str) -> bool:
    """True for an http(s) URL."""
    match = _SCHEME.match(location)
    return bool(match) and match.group(0)[:-1].lower() in _REMOTE_SCHEMES


def _refuse(descriptor: Path, resource: str, why: str) -> ScrutinyDataError:
    return ScrutinyDataError(f"resource {resource!r}: {why}", path=descriptor)


def local_resource_path(root: Path, location: str, *, resource: str, descriptor: Path) -> Path:
    """The file a resource's relative `path` names, refusing anything that leaves `root`.

    Absolute paths, drive letters, `..` segments and symlinks that resolve outside the
    package directory are refused: a descriptor from a stranger must not read `/etc/passwd`.
    """
    if not location or "\x00" in location:
        raise _refuse(descriptor, resource, "`path` is empty or contains a NUL byte")
    # A one-letter "scheme" is a Windows drive (C:), refused below as absolute.
    if _SCHEME.match(location) and not re.match(r"^[A-Za-z]:", location):
        raise _refuse(descriptor, resource, f"`path` {location!r} is a URL of a kind that is never fetched")
    windows = PureWindowsPath(location)
    if PurePosixPath(location).is_absolute() or windows.is_absolute() or windows.drive or windows.root:
        raise _refuse(descriptor, resource, f"`path` {location!r} is absolute; paths must be relative to the package")
    if ".." in windows.parts:
        raise _refuse(descriptor, resource, f"`path` {location!r} has a `..` segment; it may not leave the package")
    candidate = root / location
    try:
        resolved = candidate.resolve()
        inside = resolved.is_relative_to(root.resolve())
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        raise _refuse(descriptor, resource, f"`path` {location!r} cannot be resolved ({exc})") from exc
    if not inside:
        raise _refuse(descriptor, resource, f"`path` {location!r} is a symlink that leaves the package")
    return candidate


def fetch_remote(url: str, *, resource: str, descriptor: Path, allow_remote: bool) -> bytes:
    """The bytes at an http(s) URL, fetched only when the caller allowed it."""
    if not allow_remote:
        raise _refuse(descriptor, resource,
                      f"`path` {url!r} is remote and is not fetched; pass --allow-remote to fetch it")
    try:
        with urllib.request.urlopen(url, timeout=REMOTE_TIMEOUT_SECONDS) as response:  # noqa: S310 - scheme checked
            data = response.read(MAX_REMOTE_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = f"HTTP {exc.code} {exc.reason}" if isinstance(exc, urllib.error.HTTPError) else (
            getattr(exc, "reason", None) or exc)
        raise _refuse(descriptor, resource, f"cannot fetch {url!r}: {reason}") from exc
    if len(data) > MAX_REMOTE_BYTES:
        raise _refuse(descriptor, resource, f"{url!r} is larger than {MAX_REMOTE_BYTES} bytes")
    return data
