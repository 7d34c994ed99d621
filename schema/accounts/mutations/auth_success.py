"""What login and sign-up return on success."""

from __future__ import annotations

import strawberry

from schema.accounts.loaders import load_viewer
from schema.accounts.types import Viewer
from schema.context import Info
from server.accounts.models import User
from server.accounts.services import SESSION_DAYS


@strawberry.type(description="Signed in: the session cookie is set; the token is for other clients.")
class AuthSuccess:
    viewer: Viewer
    token: str = strawberry.field(
        description="Bearer token for non-browser clients (Authorization: Bearer …)."
    )


async def auth_success(info: Info, user: User, token: str) -> AuthSuccess:
    info.context.set_session_cookie(token, SESSION_DAYS * 86400)
    info.context.user = user
    return AuthSuccess(viewer=await load_viewer(user, info.context.language), token=token)
