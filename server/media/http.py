"""`POST /media` (multipart, field `file`) stores an image and returns its id, which
`createPost` then references; `GET /media/<name>` serves a rendition to those who may see
it (`server.media.access`), cached for a year by their own browser only (names are random
and never reused). Anyone else gets the same 404 as for a name that never existed. Uploads
have their own size limit: GraphQL's 1 MB body limit stays.

`POST /media/photo` (multipart, field `file`) makes an image the signed-in person's profile
photo and returns `{"photoUrl": …}`; `DELETE /media/photo` goes back to initials."""

from __future__ import annotations

from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from server.accounts.models import User
from server.accounts.services import authenticate
from server.errors import DomainError
from server.i18n import pick_language
from server.media.access import may_see_media, media_viewer
from server.media.images import MAX_BYTES
from server.media.services import remove_profile_photo, set_profile_photo, store_image
from server.media.storage import get_storage, media_url

# the multipart envelope around a 10 MB file
UPLOAD_LIMIT = MAX_BYTES + 64 * 1024
# private: a shared cache must never hand one person's photo to another
CACHE_FOREVER = "private, max-age=31536000, immutable"


def _not_found() -> Response:
    return PlainTextResponse("Not found", status_code=404, headers={"Cache-Control": "no-store"})


def _token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip() or None
    return request.cookies.get("elan_session") or None


def _error(code: str, message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


async def _uploaded(request: Request) -> tuple[User, bytes, str] | Response:
    """The signed-in uploader, the file's bytes and the reader's language, or the refusal."""
    user = await authenticate(_token(request))
    language = pick_language(request.headers.get("accept-language"), user.language if user else None)
    if user is None:
        return _error("not_authenticated", "Sign in first.", 401)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > UPLOAD_LIMIT:
        from server.i18n import translate

        return _error("image_too_large", translate("image_too_large", language, max_mb=10), 413)
    if "multipart/form-data" not in request.headers.get("content-type", ""):
        return _error("bad_request", "Send multipart/form-data with a 'file' field.", 415)
    try:
        async with request.form(max_files=1, max_fields=2, max_part_size=UPLOAD_LIMIT) as form:
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                return _error("bad_request", "Missing 'file'.", 400)
            content = await upload.read(UPLOAD_LIMIT + 1)
    except MultiPartException:
        return _error("bad_request", "The multipart body could not be read.", 400)
    return user, content, language


def _refused(error: DomainError, language: str) -> Response:
    status = 429 if error.kind == "rate_limited" else 413 if error.code == "image_too_large" else 422
    return _error(error.code, error.message(language), status)


async def upload_media(request: Request) -> Response:
    uploaded = await _uploaded(request)
    if isinstance(uploaded, Response):
        return uploaded
    user, content, language = uploaded
    try:
        media = await store_image(user, content)
    except DomainError as error:
        return _refused(error, language)
    return JSONResponse(
        {
            "id": str(media.id),
            "width": media.width,
            "height": media.height,
            "feedUrl": media_url(media.key, "feed"),
            "fullUrl": media_url(media.key, "full"),
        },
        status_code=201,
    )


async def upload_photo(request: Request) -> Response:
    uploaded = await _uploaded(request)
    if isinstance(uploaded, Response):
        return uploaded
    user, content, language = uploaded
    try:
        url = await set_profile_photo(user, content)
    except DomainError as error:
        return _refused(error, language)
    return JSONResponse({"photoUrl": url}, status_code=201)


async def delete_photo(request: Request) -> Response:
    user = await authenticate(_token(request))
    if user is None:
        return _error("not_authenticated", "Sign in first.", 401)
    await remove_profile_photo(user)
    return JSONResponse({"photoUrl": None})


async def serve_media(request: Request) -> Response:
    name = request.path_params["name"]
    viewer = await media_viewer(_token(request))
    if viewer is None or not await may_see_media(viewer, name):
        return _not_found()
    content = await get_storage().get(name)
    if content is None:
        return _not_found()
    return Response(
        content,
        media_type="image/webp",
        headers={"Cache-Control": CACHE_FOREVER, "X-Content-Type-Options": "nosniff"},
    )
