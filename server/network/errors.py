"""Errors of the network domain."""

from server.errors import DomainError


class UnitNotFound(DomainError):
    code = "unit_not_found"
    kind = "not_found"


class UnitNameInvalid(DomainError):
    code = "unit_name_invalid"
    kind = "validation"


class ExternalCodeInvalid(DomainError):
    code = "external_code_invalid"
    kind = "validation"


class ExternalCodeTaken(DomainError):
    """Raised with the code (`value`) and the `name` of the unit that has it."""

    code = "external_code_taken"
    kind = "conflict"


class UnitKindOrder(DomainError):
    """A unit below one of the same or a lower level (a region under a point of sale):
    raised with both kinds' labels (`kind`, `parent_kind`)."""

    code = "unit_kind_order"
    kind = "validation"


class UnitMoveCycle(DomainError):
    code = "unit_move_cycle"
    kind = "validation"


class HeadOfficeFixed(DomainError):
    """Head office (the root unit) is neither created, moved nor closed."""

    code = "head_office_fixed"
    kind = "not_allowed"


class UnitClosed(DomainError):
    """A closed unit takes no new people, invites or units; raised with its `name`."""

    code = "unit_closed"
    kind = "validation"


class UnitHasPeople(DomainError):
    """Closing a unit whose subtree still has active people: raised with their `count`."""

    code = "unit_has_people"
    kind = "conflict"


class ImportNotFound(DomainError):
    code = "import_not_found"
    kind = "not_found"


class ImportRunning(DomainError):
    """The import is being checked or applied already."""

    code = "import_running"
    kind = "conflict"
