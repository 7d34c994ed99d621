"""CSV imports of results and targets: every row checked first, a report of each bad line.

Nothing is applied unless the whole file is valid, or the user explicitly asks to apply the
valid rows only. A result row without a key gets one from its content, so importing the
same file twice counts it once. Each row holds the same rules as one `recordResult` or
`setTarget`: people and units the importer manages, values within `server.challenges.bounds`.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Any

from server.accounts.models import User
from server.challenges.models import Metric, ParticipantKind
from server.challenges.results import ResultInput, check_result, record_result
from server.challenges.targets import TargetInput, check_target, set_targets
from server.errors import DomainError, ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope

ROWS_MAX = 5000
RESULT_HEADER = ["metric", "participant", "value", "occurred_at"]
TARGET_HEADER = ["metric", "participant", "period_start", "period_end", "value"]


@dataclass
class LineError:
    line: int
    reason: str  # a code with its message in server.i18n
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportReport:
    total: int
    applied: int
    errors: list[LineError]


def _rows(text: str, header: list[str]) -> list[tuple[int, dict[str, str]]]:
    if not text.strip():
        raise ValidationFailed("csv_empty", "csv")
    sample = text[:2000]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    names = [n.strip().lower() for n in reader.fieldnames or []]
    if any(h not in names for h in header):
        raise ValidationFailed("csv_header_invalid", "csv", expected=delimiter.join(header))
    reader.fieldnames = names
    rows = [(reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}) for row in reader]
    if len(rows) > ROWS_MAX:
        raise ValidationFailed("csv_too_large", "csv", max=ROWS_MAX)
    return rows


def _number(text: str) -> float:
    return float(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))


def _moment(text: str) -> datetime:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.combine(datetime.strptime(text, pattern).date(), time(12), UTC)
        except ValueError:
            continue
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class _Directory:
    """Metrics, people and units of the organisation, read once for the whole file."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    async def load(self) -> _Directory:
        org = self.scope.organization_id
        self.metrics = {m.name.lower(): m.id for m in await Metric.filter(organization_id=org)}
        self.metrics.update({str(v): v for v in self.metrics.values()})
        units = await Unit.filter(organization_id=org).values("id", "name", "path")
        self.units = {u["name"].lower(): u for u in units}
        self.paths = {u["id"]: u["path"] for u in units}
        # a deactivated person's line is refused as an unknown person: results stop with the person
        active = User.filter(organization_id=org, deactivated_at=None)
        self.people = {p["email"]: p for p in await active.values("id", "email", "unit_id")}
        return self

    def metric(self, text: str) -> int:
        found = self.metrics.get(text.lower())
        if found is None:
            raise ValidationFailed("metric_not_found")
        return found

    def participant(self, text: str) -> tuple[ParticipantKind, int]:
        person = self.people.get(text.lower())
        if person is not None:
            kind, pid, path = ParticipantKind.USER, person["id"], self.paths.get(person["unit_id"], "")
        elif text.lower() in self.units:
            unit = self.units[text.lower()]
            kind, pid, path = ParticipantKind.UNIT, unit["id"], unit["path"]
        else:
            raise ValidationFailed("participant_not_found")
        if not self.scope.manages_path(path):
            raise ValidationFailed("challenge_out_of_scope")
        return kind, pid


def _problem(line: int, error: Exception) -> LineError:
    if isinstance(error, DomainError):
        return LineError(line, error.code, dict(error.params))
    return LineError(line, "csv_value_invalid")


async def import_results(scope: Scope, text: str, valid_rows_only: bool = False) -> ImportReport:
    scope.require_manager()
    directory = await _Directory(scope).load()
    parsed: list[tuple[int, ResultInput]] = []
    errors: list[LineError] = []
    for line, row in _rows(text, RESULT_HEADER):
        try:
            kind, pid = directory.participant(row["participant"])
            key = row.get("key") or "csv-" + hashlib.sha256(
                "|".join(row.get(h, "") for h in RESULT_HEADER).encode()
            ).hexdigest()[:40]
            entry = ResultInput(directory.metric(row["metric"]), kind, pid, _number(row["value"]),
                                _moment(row["occurred_at"]), key, row.get("reason") or None)
            check_result(entry)
            parsed.append((line, entry))
        except (DomainError, ValueError, KeyError) as error:
            errors.append(_problem(line, error))
    applied = 0
    if not errors or valid_rows_only:
        for _, entry in parsed:
            recorded = await record_result(scope, entry)
            applied += 0 if recorded.duplicate else 1
    return ImportReport(len(parsed) + len(errors), applied, errors)


async def import_targets(scope: Scope, text: str, valid_rows_only: bool = False) -> ImportReport:
    scope.require_manager()
    directory = await _Directory(scope).load()
    parsed: list[TargetInput] = []
    errors: list[LineError] = []
    for line, row in _rows(text, TARGET_HEADER):
        try:
            kind, pid = directory.participant(row["participant"])
            start, end = _moment(row["period_start"]), _moment(row["period_end"])
            entry = TargetInput(directory.metric(row["metric"]), kind, pid,
                                start.replace(hour=0), end.replace(hour=0), _number(row["value"]))
            check_target(entry)
            parsed.append(entry)
        except (DomainError, ValueError, KeyError) as error:
            errors.append(_problem(line, error))
    applied = 0
    if parsed and (not errors or valid_rows_only):
        applied = len(await set_targets(scope, parsed))
    return ImportReport(len(parsed) + len(errors), applied, errors)
