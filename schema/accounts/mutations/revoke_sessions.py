"""revokeSessions: sign a person out of every device (the viewer, or someone they manage)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError
from schema.ids import parse_id
from schema.permissions import scope_of
from server.accounts import people


@strawberry.type(description="Every session of the person ended; their open sockets are closing.")
class RevokeSessionsSuccess:
    sessions_ended: int = strawberry.field(description="How many sessions were still open.")
    signed_out: bool = strawberry.field(
        description="Whether the viewer's own session was among them (the app signs out)."
    )


RevokeSessionsResult = Annotated[
    RevokeSessionsSuccess | NotAllowedError | NotFoundError,
    strawberry.union("RevokeSessionsResult"),
]


async def revoke_sessions(
    info: Info,
    person_id: Annotated[
        strawberry.ID | None,
        strawberry.argument(description="Someone the viewer manages; the viewer when omitted."),
    ] = None,
) -> RevokeSessionsResult:
    scope = scope_of(info)
    target = parse_id(person_id) if person_id is not None else None
    ended = await people.revoke_sessions(scope, target)
    signed_out = target is None or target == scope.user_id
    if signed_out:
        info.context.clear_session_cookie()
        info.context.user = None
    return RevokeSessionsSuccess(sessions_ended=ended, signed_out=signed_out)
