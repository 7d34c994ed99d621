"""Errors of the performance plan domain."""

from server.errors import DomainError


class PlanNotFound(DomainError):
    code = "performance_plan_not_found"
    kind = "not_found"
