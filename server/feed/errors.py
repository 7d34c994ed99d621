"""Errors of the feed domain."""

from server.errors import DomainError


class PostNotFound(DomainError):
    code = "post_not_found"
    kind = "not_found"


class CommentNotFound(DomainError):
    code = "comment_not_found"
    kind = "not_found"
