"""The live channel of an organisation's dashboards."""

from __future__ import annotations


def dashboard_channel(organization_id: int) -> str:
    return f"dashboard:{organization_id}"
