"""Errors of the media domain."""

from server.errors import DomainError


class ImageInvalid(DomainError):
    code = "image_invalid"
    kind = "validation"


class ImageTooLarge(DomainError):
    code = "image_too_large"
    kind = "validation"


class MediaNotFound(DomainError):
    code = "media_not_found"
    kind = "not_found"
