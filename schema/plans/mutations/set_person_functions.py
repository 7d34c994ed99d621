"""setPersonFunctions: head office gives a head-office person its functions."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from server.network import functions as services


@strawberry.input
class SetPersonFunctionsInput:
    user_id: strawberry.ID
    function_ids: list[strawberry.ID] = strawberry.field(description="Replaces the person's functions; empty: none.")


@strawberry.type
class SetPersonFunctionsSuccess:
    function_ids: list[strawberry.ID]


SetPersonFunctionsResult = Annotated[
    SetPersonFunctionsSuccess | ValidationError | NotAllowedError,
    strawberry.union("SetPersonFunctionsResult"),
]


async def set_person_functions(info: Info, input: SetPersonFunctionsInput) -> SetPersonFunctionsResult:
    chosen = await services.set_person_functions(
        scope_of(info), parse_id(input.user_id), [parse_id(i) for i in input.function_ids]
    )
    return SetPersonFunctionsSuccess(function_ids=[strawberry.ID(str(f.id)) for f in chosen])
