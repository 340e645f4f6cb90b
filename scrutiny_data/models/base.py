"""The base of every table model: provenance columns and table-level facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from .types import SourceId, SourceLine, SourcePage


@dataclass(frozen=True)
class ForeignKey:
    """Columns of this table that must match the primary key of another table."""

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...] = ("id",)


@dataclass(frozen=True)
class Table:
    """Table-level facts of a resource, declared once on its model."""

    name: str
    title: str
    description: str
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default=())


class Record(BaseModel):
    """One row of a resource. Every row says where in which source its fact is printed."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)

    table: ClassVar[Table]

    source_id: SourceId
    source_line: SourceLine
    source_page: SourcePage | None = None

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "table" not in cls.__dict__:
            raise TypeError(f"{cls.__name__} must declare its `table`")

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: object) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        # A typo in a key or foreign key fails at import, not in production.
        names = set(cls.model_fields)
        keys = set(cls.table.primary_key)
        for fk in cls.table.foreign_keys:
            keys.update(fk.fields)
        unknown = keys - names
        if unknown:
            raise TypeError(f"{cls.__name__}.table names unknown fields: {sorted(unknown)}")
