"""Settings of a validation run: quorum, notice period, the date the run is for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ValidationConfig:
    """What the rules need to know beyond the data; a bad setting raises ValueError."""

    #: Members needed for a quorum when the committee row gives none.
    quorum: int = 3
    #: The day the validation is for: stands in for the paper's date when a row has none.
    as_of: dt.date | None = None
    #: Clear working days' notice an agenda needs (Local Government Act 1972 s.100B).
    notice_days: int = 5
    #: A due date more than this many years after its paper is implausible.
    horizon_years: int = 10
    #: Bank holidays of this country and subdivision (the `holidays` package's codes).
    holiday_country: str = "GB"
    holiday_subdivision: str = "ENG"
    #: Rule codes not to run.
    skip: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.quorum < 1:
            raise ValueError(f"quorum must be at least 1, not {self.quorum}")
        if self.notice_days < 0:
            raise ValueError(f"notice_days cannot be negative ({self.notice_days})")
        if self.horizon_years < 1:
            raise ValueError(f"horizon_years must be at least 1, not {self.horizon_years}")
        object.__setattr__(self, "skip", frozenset(self.skip))
