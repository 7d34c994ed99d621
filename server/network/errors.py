"""Errors of the network domain."""

from server.errors import DomainError


class UnitNotFound(DomainError):
    code = "unit_not_found"
    kind = "not_found"
