"""`POST /network/import`: the CSV file itself as the body (any content type), for admins; the
answer is the stored import's id, which `importNetwork` then checks and applies. A file over the
limit is refused from its Content-Length before it is read, or as soon as it passes it, with a
413 and the reason in the reader's language."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.accounts.services import authenticate
from server.errors import DomainError
from server.i18n import pick_language, translate
from server.media.http import _token
from server.network.csv_file import MAX_BYTES
from server.network.imports import store_upload
from server.network.scope import scope_of_user


def _error(code: str, message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


async def upload_network_csv(request: Request) -> Response:
    user = await authenticate(_token(request))
    language = pick_language(request.headers.get("accept-language"), user.language if user else None)
    if user is None:
        return _error("not_authenticated", translate("not_authenticated", language), 401)
    too_large = _error("csv_too_large", translate("csv_too_large", language, max_mb=MAX_BYTES // (1024 * 1024)), 413)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        return too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BYTES:
            return too_large
        chunks.append(chunk)
    try:
        job = await store_upload(await scope_of_user(user), b"".join(chunks), request.query_params.get("filename", ""))
    except DomainError as error:
        return _error(error.code, error.message(language), 403 if error.kind == "not_allowed" else 422)
    return JSONResponse({"id": str(job.id)}, status_code=201)
