"""Errors of the push domain."""

from __future__ import annotations

from server.errors import DomainError


class PushDeviceNotFound(DomainError):
    code = "push_device_not_found"
    kind = "not_found"
