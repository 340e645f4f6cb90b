"""scrutiny-data: council committee papers as typed, validated open datasets."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .dataset import Dataset, load
from .errors import ScrutinyDataError
from .publish import PublishRefused, PublishResult, publish
from . import validate  # a callable subpackage: `scrutiny_data.validate(dataset)` runs the validator

try:
    __version__ = version("scrutiny-data")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = [
    "Dataset", "PublishRefused", "PublishResult", "ScrutinyDataError", "__version__", "load", "publish", "validate",
]
