"""Errors of the push domain."""

from __future__ import annotations

from server.errors import DomainError


class PushDeviceNotFound(DomainError):
    code = "push_device_not_found"
    kind = "not_found"


class PushEndpointTaken(DomainError):
    """The endpoint is another person's device and the request does not hold its keys."""

    code = "push_endpoint_taken"
    kind = "conflict"
