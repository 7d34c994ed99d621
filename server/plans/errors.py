"""Errors of the performance plan domain."""

from server.errors import DomainError


class PlanNotFound(DomainError):
    code = "performance_plan_not_found"
    kind = "not_found"


class ImprovementActionNotFound(DomainError):
    """No such action, or not one the viewer may manage (the same answer: ids are not probed)."""

    code = "improvement_action_not_found"
    kind = "not_found"
