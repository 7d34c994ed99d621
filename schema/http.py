"""GraphQL over HTTP: POST with a JSON body for queries and mutations; GraphiQL outside
production. Bodies over the limit are refused with 413 before they are read whole; only the
JSON media types are accepted (a form or `text/plain` is what a cross-site page can send
without asking), and the document is parsed and checked (schema.documents) before its plan
(schema.plan) or strawberry execute it."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
from typing import Any

from graphql import GraphQLError, OperationType
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from schema import schema
from schema.context import SESSION_COOKIE, Context
from schema.documents import prepare
from schema.metrics import timed
from schema.plan import plan_for, run_plan
from schema.request_context import build_context
from schema.wire import dumps
from server.privacy.pseudonym import localized_bytes
from server.settings import get_settings

log = logging.getLogger("elan.graphql")
JSON_MEDIA_TYPES = frozenset({"application/json", "application/graphql-response+json"})
GRAPHIQL_CSP = (
    "default-src 'self'; script-src 'self' {scripts} https://unpkg.com; "
    "style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' data: https://unpkg.com; "
    "font-src 'self' data: https://unpkg.com; connect-src 'self' ws: wss:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
)


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


def _bad_request(message: str, status: int = 400, code: str = "BAD_REQUEST") -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status)


def is_json(content_type: str | None) -> bool:
    """Whether a Content-Type header names one of the JSON media types, parameters aside:
    `application/json; charset=utf-8` is, `text/plain; a=json` is not."""
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    return media_type in JSON_MEDIA_TYPES


def _graphiql() -> Response:
    from strawberry.http.ides import get_graphql_ide_html

    page = get_graphql_ide_html(graphql_ide="graphiql")
    # its inline scripts by hash, its libraries from unpkg.com: what it needs to run, no more
    hashes = " ".join(f"'{digest}'" for digest in inline_script_hashes(page))
    return HTMLResponse(page, headers={"Content-Security-Policy": GRAPHIQL_CSP.format(scripts=hashes)})


def inline_script_hashes(page: str) -> list[str]:
    return [
        "sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        for body in re.findall(r"<script>(.*?)</script>", page, re.S)
    ]


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
    if not is_json(request.headers.get("content-type")):
        return _bad_request("Content-Type must be application/json.", 415, "UNSUPPORTED_MEDIA_TYPE")
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
    try:
        operation = prepare(payload["query"], operation_name)
    except GraphQLError as refused:
        return JSONResponse({"data": None, "errors": [refused.formatted]}, status_code=400)
    if operation.kind == OperationType.SUBSCRIPTION:
        return _bad_request("Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql.")
    with timed(operation, "http"):
        return await _execute(request, payload, variables, operation_name)


async def _execute(
    request: Request, payload: dict[str, Any], variables: dict[str, Any] | None, operation_name: str | None
) -> Response:
    context = await build_context(request)
    # a read whose fields are the rows' own is projected by its plan (schema.plan)
    plan = plan_for(schema, payload["query"], operation_name)
    if plan is not None:
        body = await run_plan(schema, plan, context, variables)
        if body is not None:
            return Response(localized_bytes(body, context.language), media_type="application/json")
    result = await schema.execute(
        payload["query"],
        variable_values=variables,
        context_value=context,
        operation_name=operation_name,
    )
    data: dict[str, Any] = {"data": result.data}
    if result.errors:
        data["errors"] = [error.formatted for error in result.errors]
    # an erased person's name is stored without a language: written here in the reader's
    body = dumps(data)
    response = Response(
        localized_bytes(body, context.language), status_code=200 if result.data is not None or not result.errors else 400,
        media_type="application/json",
    )
    apply_cookie(response, context)
    return response
