"""recordSatisfactionSurvey, recordMysteryVisit, importSatisfactionCsv, setSatisfactionTarget."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.evaluation.types import (
    MysteryVisit,
    SatisfactionSurvey,
    SurveyKind,
    as_survey,
    as_visit,
)
from schema.ids import parse_id
from schema.permissions import scope_of
from server.evaluation import satisfaction
from server.evaluation.satisfaction_import import import_surveys
from server.i18n import translate


@strawberry.input
class SatisfactionSurveyInput:
    unit_id: strawberry.ID = strawberry.field(description="A point of sale of the viewer's scope.")
    kind: SurveyKind
    value: float
    sample_size: int
    period_start: dt.date
    period_end: dt.date


@strawberry.type
class RecordSatisfactionSurveySuccess:
    survey: SatisfactionSurvey


RecordSatisfactionSurveyResult = Annotated[
    RecordSatisfactionSurveySuccess | ValidationError | NotAllowedError | NotFoundError,
    strawberry.union("RecordSatisfactionSurveyResult"),
]


async def record_satisfaction_survey(info: Info, input: SatisfactionSurveyInput) -> RecordSatisfactionSurveyResult:
    created = await satisfaction.record_surveys(
        scope_of(info),
        [
            satisfaction.SurveyInput(
                parse_id(input.unit_id), input.kind, input.value, input.sample_size, input.period_start, input.period_end
            )
        ],
    )
    return RecordSatisfactionSurveySuccess(survey=as_survey(created[0]))


@strawberry.input
class MysteryVisitSectionInput:
    name: str
    score: float = strawberry.field(description="0 to 100.")


@strawberry.input
class MysteryVisitInput:
    unit_id: strawberry.ID
    visited_on: dt.date
    sections: list[MysteryVisitSectionInput]
    comment: str = ""


@strawberry.type
class RecordMysteryVisitSuccess:
    visit: MysteryVisit


RecordMysteryVisitResult = Annotated[
    RecordMysteryVisitSuccess | ValidationError | NotAllowedError | NotFoundError,
    strawberry.union("RecordMysteryVisitResult"),
]


async def record_mystery_visit(info: Info, input: MysteryVisitInput) -> RecordMysteryVisitResult:
    visit = await satisfaction.record_mystery_visit(
        scope_of(info), parse_id(input.unit_id), input.visited_on, [(s.name, s.score) for s in input.sections], input.comment
    )
    return RecordMysteryVisitSuccess(visit=as_visit(visit))


@strawberry.type(description="A rejected CSV row: line 1 is the header.")
class CsvRowError:
    line: int
    column: str
    code: str
    message: str


@strawberry.type(description="Every row was valid and all were recorded.")
class ImportSatisfactionSuccess:
    imported: int


@strawberry.type(description="Some rows were wrong: nothing was recorded. Fix them and send the file again.")
class ImportSatisfactionRejected:
    code: str
    message: str
    rows: list[CsvRowError]


ImportSatisfactionCsvResult = Annotated[
    ImportSatisfactionSuccess | ImportSatisfactionRejected | ValidationError | NotAllowedError,
    strawberry.union("ImportSatisfactionCsvResult"),
]


async def import_satisfaction_csv(info: Info, csv: str) -> ImportSatisfactionCsvResult:
    language = info.context.language
    report = await import_surveys(scope_of(info), csv)
    if report.errors:
        return ImportSatisfactionRejected(
            code="csv_rejected",
            message=translate("csv_rejected", language, count=len(report.errors)),
            rows=[CsvRowError(line=e.line, column=e.column, code=e.code, message=translate(e.code, language)) for e in report.errors],
        )
    return ImportSatisfactionSuccess(imported=report.imported)


@strawberry.type
class SetSatisfactionTargetSuccess:
    index_target: float


SetSatisfactionTargetResult = Annotated[
    SetSatisfactionTargetSuccess | ValidationError | NotAllowedError, strawberry.union("SetSatisfactionTargetResult")
]


async def set_satisfaction_target(
    info: Info, index_target: float, unit_id: strawberry.ID | None = None
) -> SetSatisfactionTargetResult:
    await satisfaction.set_target(scope_of(info), parse_id(unit_id) if unit_id is not None else None, index_target)
    return SetSatisfactionTargetSuccess(index_target=index_target)
