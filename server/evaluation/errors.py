"""Errors of the evaluation domain."""

from server.errors import DomainError


class GridNotFound(DomainError):
    code = "skills_grid_not_found"
    kind = "not_found"


class AssessmentNotFound(DomainError):
    code = "assessment_not_found"
    kind = "not_found"


class ActionPlanNotFound(DomainError):
    code = "action_plan_not_found"
    kind = "not_found"


class ActionItemNotFound(DomainError):
    code = "action_item_not_found"
    kind = "not_found"


class PointOfSaleNotFound(DomainError):
    code = "point_of_sale_not_found"
    kind = "not_found"
