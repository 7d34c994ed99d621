"""Applying a checked network import (server.network.import_check) with set-based SQL.

Units first, in one transaction: the new ones level by level (one bulk insert, one read of
their ids, one bulk update of their paths per level), then names, cities and levels in one bulk
update, then the moves (each rewrites its subtree's paths in one statement, as `moveUnit`).
People then, in batches of `BATCH` lines, each batch its own transaction: new invites and their
mails in two bulk inserts, people moved or given another role in one bulk update (the sessions
of those whose scope may shrink end in two statements), pending invites updated in one bulk
update. After each batch the import's progress is saved, so every instance's screen shows it.
A batch that fails leaves the ones before it applied: the same file imported again finishes
the work (lines already applied are unchanged).

Rules are the same as the one-by-one mutations': an import is an admin's, who may give any
role; closed units take no one. One audit row sums the import up.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from server.accounts.invitations import INVITE_VALID
from server.accounts.models import EmailInvite, User
from server.accounts.sessions import end_sessions_of_people, token_hash
from server.db import atomic
from server.mail.models import MailMessage
from server.mail.outbox import OUTBOX_CHANNEL
from server.network.import_check import ImportPlan, PersonLine, UnitLine
from server.network.models import Organization, Unit
from server.network.tree import move_subtree

BATCH = 1000


@dataclass(frozen=True, slots=True)
class Importer:
    organization_id: int
    actor_id: int | None
    actor_name: str
    language: str


Progress = Callable[[int], Awaitable[None]]


async def apply_plan(plan: ImportPlan, importer: Importer, progress: Progress) -> None:
    unit_ids = await _apply_units(plan, importer.organization_id)
    await progress(len(plan.units))
    done = len(plan.units)
    people = [p for p in plan.people if p.action != "unchanged"]
    names = dict(await Unit.filter(organization_id=importer.organization_id).values_list("id", "name"))
    organization = await Organization.get(id=importer.organization_id)
    skipped = len(plan.people) - len(people)
    for start in range(0, len(people), BATCH):
        batch = people[start : start + BATCH]
        await _apply_people(batch, unit_ids, names, organization.name, importer)
        done += len(batch)
        await progress(done)
    await progress(done + skipped)


def _final_depths(units: list[UnitLine]) -> dict[str, int]:
    """How deep each new unit sits among the new ones (0: its parent already exists)."""
    new = {u.code: u for u in units if u.create}
    depths: dict[str, int] = {}

    def depth(code: str) -> int:
        if code not in depths:
            parent = new[code].parent
            depths[code] = depth(parent) + 1 if parent in new else 0
        return depths[code]

    for code in new:
        depth(code)
    return depths


async def _apply_units(plan: ImportPlan, organization_id: int) -> dict[str, int]:
    """Creates, updates and moves the units; returns every code's unit id (head office's as ROOT)."""
    ids: dict[str, int] = {code: int(u["id"]) for code, u in plan.units_by_code.items()}
    paths: dict[str, str] = {code: str(u["path"]) for code, u in plan.units_by_code.items()}
    depths = _final_depths(plan.units)
    by_code = {u.code: u for u in plan.units}
    async with atomic():
        for level in sorted(set(depths.values())):
            codes = [code for code, d in depths.items() if d == level]
            await Unit.bulk_create([
                Unit(organization_id=organization_id, parent_id=ids[by_code[c].parent], kind=by_code[c].kind,
                     name=by_code[c].name, city=by_code[c].city, external_code=c, path="")
                for c in codes
            ], batch_size=500)
            created = await Unit.filter(organization_id=organization_id, external_code__in=codes).values_list("external_code", "id")
            rows = []
            for code, unit_id in created:
                ids[str(code)] = int(unit_id)
                paths[str(code)] = f"{paths[by_code[str(code)].parent]}{unit_id}/"
                rows.append(Unit(id=unit_id, path=paths[str(code)]))
            if rows:
                await Unit.bulk_update(rows, fields=["path"], batch_size=500)
        changed = [u for u in plan.units if u.update and not u.create]
        if changed:
            await Unit.bulk_update(
                [Unit(id=ids[u.code], name=u.name, city=u.city, kind=u.kind) for u in changed],
                fields=["name", "city", "kind"], batch_size=500,
            )
        for unit in plan.units:
            if unit.move:
                current = await Unit.filter(id__in=[ids[unit.code], ids[unit.parent]]).values_list("id", "path")
                found = {int(i): str(p) for i, p in current}
                await move_subtree(organization_id, found[ids[unit.code]], f"{found[ids[unit.parent]]}{ids[unit.code]}/")
                await Unit.filter(id=ids[unit.code]).update(parent_id=ids[unit.parent])
    return ids


async def _apply_people(
    batch: list[PersonLine], unit_ids: dict[str, int], unit_names: dict[int, str], organization: str, importer: Importer
) -> None:
    now = datetime.now(UTC)
    async with atomic() as events:
        new = [p for p in batch if p.action == "invite"]
        if new:
            tokens = {p.email: secrets.token_urlsafe(32) for p in new}
            await EmailInvite.bulk_create([
                EmailInvite(
                    organization_id=importer.organization_id, unit_id=unit_ids[p.unit], role=p.role, email=p.email,
                    display_name=p.name, language=importer.language, token_hash=token_hash(tokens[p.email]),
                    created_by_id=importer.actor_id, sent_at=now, send_count=1, expires_at=now + INVITE_VALID,
                )
                for p in new
            ], batch_size=500)
            await MailMessage.bulk_create([
                MailMessage(
                    organization_id=importer.organization_id, to_address=p.email, kind="invite", language=importer.language,
                    params=_invite_mail(p, tokens[p.email], importer, organization, unit_names.get(unit_ids[p.unit], "")),
                    not_before=now,
                )
                for p in new
            ], batch_size=500)
            events.publish(OUTBOX_CHANNEL, {"due": now.isoformat()})
        moved = [p for p in batch if p.action == "update_user" and p.user_id is not None]
        if moved:
            await User.bulk_update(
                [User(id=p.user_id, unit_id=unit_ids[p.unit], role=p.role) for p in moved], fields=["unit_id", "role"], batch_size=500
            )
            await end_sessions_of_people([int(p.user_id) for p in moved if p.narrower and p.user_id is not None], events)
        invites = [p for p in batch if p.action == "update_invite" and p.invite_id is not None]
        if invites:
            rows = [EmailInvite(id=p.invite_id, unit_id=unit_ids[p.unit], role=p.role, display_name=p.name) for p in invites]
            await EmailInvite.bulk_update(rows, fields=["unit_id", "role", "display_name"], batch_size=500)


def _invite_mail(person: PersonLine, token: str, importer: Importer, organization: str, unit: str) -> dict[str, Any]:
    return {
        "name": person.name, "inviter": importer.actor_name, "organization": organization, "unit": unit,
        "role": str(person.role), "token": token,
    }



