"""Write files and directories so a failure never leaves them half-written, nor temporary files behind."""

from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ScrutinyDataError

#: Temporary names carry the writing process's id, so a later run can sweep those of a killed one.
_TMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode(target: Path, default: int) -> int:
    """The mode a replacement gets: the replaced file's, else `default` less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return default & ~_umask()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def sweep(target: Path) -> list[Path]:
    """Remove the temporary siblings of `target` left by a process that no longer runs; return them."""
    removed = []
    try:
        siblings = list(target.parent.iterdir())
    except OSError:
        return removed
    for path in siblings:
        match = _TMP.match(path.name)
        if not match or match["name"] != target.name or _alive(int(match["pid"])):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _parent(path: Path) -> None:
    """Create the directory `path` goes in; a regular file in the way is unreadable input, not a bug."""
    for ancestor in (path.parent, *path.parent.parents):
        if ancestor.exists() or ancestor.is_symlink():
            if not ancestor.is_dir():
                raise ScrutinyDataError(f"cannot write here: {ancestor} is a file, not a directory", path=path)
            break
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScrutinyDataError(f"cannot create the directory {path.parent}: {exc.strerror}", path=path) from exc


def _prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}."


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """While the block runs, SIGTERM raises SystemExit so cleanup code runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same directory, then rename.

    The file keeps the mode of the file it replaces, else gets 0666 less the umask.
    """
    path = Path(path)
    _parent(path)
    if path.is_dir():
        raise ScrutinyDataError("is a directory, not a file", path=path)
    sweep(path)
    mode = _mode(path, 0o666)
    with _terminate_as_exit():
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_prefix(path), suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


@contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Yield an empty temporary directory that replaces `target` only if the block succeeds.

    The previous `target`, if any, is kept until the new one is in place, so an exception, SIGTERM
    or an interruption at any point leaves it untouched; what a killed run left beside it is
    swept the next time. The new directory gets the old one's mode, else 0777 less the umask.
    """
    target = Path(target).absolute()
    _parent(target)
    target = target.resolve()
    old = target.with_name(f".{target.name}.old")
    if old.exists() and not target.exists():
        os.replace(old, target)  # an earlier run was stopped between its two renames: put it back
    sweep(target)
    mode = _mode(target, 0o777)
    with _terminate_as_exit():
        tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=_prefix(target), suffix=".tmp"))
        try:
            os.chmod(tmp, mode)
            yield tmp
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            os.replace(target, old)
        try:
            os.replace(tmp, target)
        except BaseException:
            if old.exists() and not target.exists():
                os.replace(old, target)
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        shutil.rmtree(old, ignore_errors=True)
