"""Importing survey results from CSV: every row checked first, then all applied or none.

Columns (header required, `;` or `,`): point_of_sale (unit id or exact name), kind
(NPS or SCORE_10), value, sample_size, period_start, period_end (YYYY-MM-DD).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from server.errors import ValidationFailed
from server.evaluation.models import SurveyKind
from server.evaluation.satisfaction import SurveyInput, check_survey, record_surveys
from server.network.models import Unit, UnitKind
from server.network.scope import Scope

COLUMNS = ("point_of_sale", "kind", "value", "sample_size", "period_start", "period_end")
ROWS_MAX = 5000
SIZE_MAX = 1_000_000


@dataclass(slots=True)
class RowError:
    line: int  # 1 = the header
    column: str
    code: str


@dataclass(slots=True)
class ImportReport:
    imported: int
    errors: list[RowError]


def _number(text: str) -> float:
    return float(text.strip().replace(",", "."))


async def import_surveys(scope: Scope, text: str) -> ImportReport:
    """Managers only; a row naming a point of sale outside the viewer's scope is an unknown one."""
    scope.require_manager()
    if len(text) > SIZE_MAX:
        raise ValidationFailed("satisfaction_csv_too_large", "csv", max=SIZE_MAX)
    sample = text[:2000]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return ImportReport(0, [RowError(1, missing[0], "csv_column_missing")])
    where = {c: header.index(c) for c in COLUMNS}
    units = await Unit.filter(scope.subtree_filter(""), kind=UnitKind.POINT_OF_SALE).values("id", "name")
    by_id = {str(u["id"]): int(u["id"]) for u in units}
    by_name = {str(u["name"]).strip().lower(): int(u["id"]) for u in units}
    surveys: list[SurveyInput] = []
    errors: list[RowError] = []
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(surveys) + len(errors) >= ROWS_MAX:
            errors.append(RowError(line, "", "csv_too_many_rows"))
            break
        cell = {c: (row[i].strip() if i < len(row) else "") for c, i in where.items()}
        key = cell["point_of_sale"]
        unit_id = by_id.get(key) or by_name.get(key.lower())
        if unit_id is None:
            errors.append(RowError(line, "point_of_sale", "csv_unknown_point_of_sale"))
            continue
        try:
            kind = SurveyKind(cell["kind"].upper())
        except ValueError:
            errors.append(RowError(line, "kind", "csv_kind_invalid"))
            continue
        try:
            value = _number(cell["value"])
        except ValueError:
            errors.append(RowError(line, "value", "csv_number_invalid"))
            continue
        try:
            sample_size = int(cell["sample_size"])
        except ValueError:
            errors.append(RowError(line, "sample_size", "csv_number_invalid"))
            continue
        try:
            start, end = date.fromisoformat(cell["period_start"]), date.fromisoformat(cell["period_end"])
        except ValueError:
            errors.append(RowError(line, "period_start", "csv_date_invalid"))
            continue
        survey = SurveyInput(unit_id, kind, value, sample_size, start, end)
        bad = check_survey(survey)
        if bad is not None:
            column = {"value": "value", "sampleSize": "sample_size", "periodEnd": "period_end"}[bad]
            errors.append(RowError(line, column, f"survey_{bad}_invalid"))
            continue
        surveys.append(survey)
    if errors:
        return ImportReport(0, errors)
    if not surveys:
        return ImportReport(0, [RowError(1, "", "satisfaction_csv_empty")])
    await record_surveys(scope, surveys)
    return ImportReport(len(surveys), [])
