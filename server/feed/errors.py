"""Errors of the feed domain."""

from server.errors import DomainError


class PostNotFound(DomainError):
    code = "post_not_found"
    kind = "not_found"


class CommentNotFound(DomainError):
    code = "comment_not_found"
    kind = "not_found"


class SystemPostNotEditable(DomainError):
    """A post Élan wrote (a podium, a badge) says what happened: nobody rewrites it."""

    code = "system_post_not_editable"
    kind = "not_allowed"
