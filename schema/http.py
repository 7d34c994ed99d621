"""GraphQL over HTTP: POST with a JSON body for queries and mutations; GraphiQL outside
production. Bodies over the limit are refused with 413 before they are read whole."""

from __future__ import annotations

import json
import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from schema import schema
from schema.context import SESSION_COOKIE, Context
from schema.feed.fast import try_feed
from schema.request_context import build_context
from server.settings import get_settings

log = logging.getLogger("elan.graphql")


class _TooLarge(Exception):
    pass


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _TooLarge()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _TooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


def _bad_request(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message}]}, status_code=status)


def _graphiql() -> Response:
    from strawberry.http.ides import get_graphql_ide_html

    return HTMLResponse(get_graphql_ide_html(graphql_ide="graphiql"))


def apply_cookie(response: Response, context: Context) -> None:
    change = context.cookie
    if change is None:
        return
    if change.value is None:
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    else:
        response.set_cookie(
            SESSION_COOKIE,
            change.value,
            max_age=change.max_age,
            path="/",
            httponly=True,
            samesite="lax",
            secure=context.secure,
        )


async def graphql_http(request: Request) -> Response:
    settings = get_settings()
    if request.method == "GET":
        if not settings.production and "text/html" in request.headers.get("accept", ""):
            return _graphiql()
        return _bad_request("Use POST with a JSON body.", 405)
    if "json" not in request.headers.get("content-type", ""):
        return _bad_request("Content-Type must be application/json.", 415)
    try:
        body = await _read_body(request, settings.max_body_bytes)
    except _TooLarge:
        return _bad_request("Request body too large.", 413)
    try:
        payload: Any = json.loads(body)
    except ValueError:
        return _bad_request("The body is not valid JSON.")
    if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
        return _bad_request("The body must be an object with a 'query' string.")
    variables = payload.get("variables")
    if variables is not None and not isinstance(variables, dict):
        return _bad_request("'variables' must be an object.")
    operation_name = payload.get("operationName")
    operation_name = operation_name if isinstance(operation_name, str) else None
    # the busiest query, answered from rows when its document allows (schema.feed.fast)
    fast = await try_feed(request, payload["query"], variables, operation_name)
    if fast is not None:
        return fast
    context = await build_context(request)
    result = await schema.execute(
        payload["query"],
        variable_values=variables,
        context_value=context,
        operation_name=operation_name,
    )
    data: dict[str, Any] = {"data": result.data}
    if result.errors:
        data["errors"] = [error.formatted for error in result.errors]
    response = JSONResponse(data, status_code=200 if result.data is not None or not result.errors else 400)
    apply_cookie(response, context)
    return response
