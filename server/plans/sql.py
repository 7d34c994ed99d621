"""Hand-written statements of « Notre plan », the same text for PostgreSQL and SQLite.

The plan reads a dozen tables for a whole subtree; written through the ORM each statement
re-derived the subtree with a `LIKE` on the unit path through a join. Here the subtree's units
are read once, and every other statement takes the ids it needs as one parameter (a list of
ids: `unnest` of an array on PostgreSQL, `json_each` of a JSON list on SQLite), which the
database joins by hash or by index whatever its length: one point of sale or 1,200."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from server import sql


@dataclass(frozen=True, slots=True)
class Subtree:
    """The units a plan is read for: every unit under the top one (closed ones too), by id, with
    its path; `whole` when that is the organisation's whole network."""

    organization_id: int
    units: dict[int, str]
    whole: bool


class Statement(sql.Statement):
    """`server.sql.Statement` with the clauses of a plan's subtree."""

    def in_units(self, column: str, subtree: Subtree) -> str:
        """`column` (a unit id) is in the subtree: any unit of the organisation when the subtree
        is all of it (head office), else one of its ids."""
        if subtree.whole:
            return f"{column} IS NOT NULL"
        return f"{column} IN {self.ids(subtree.units)}"

    def days_since(self, column: str, now: datetime) -> str:
        """Days from `column` to `now`, as a number computed by the database (on PostgreSQL a
        float8 throughout: `EXTRACT` gives a numeric, whose arithmetic was a tenth of head
        office's people statement)."""
        if self.pg:
            return f"(date_part('epoch', {self.arg(now)}::timestamptz - {column}) / 86400)"
        return f"julianday({self.arg(now.isoformat())}) - julianday({column})"



def as_date(value: Any) -> date:
    """A DATE column: a date on PostgreSQL, ISO text on SQLite."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
