"""Network imports as jobs: a CSV is stored (`store_upload`, from `POST /network/import` or the
mutation's own text), then checked and, when asked, applied (`start_import`) by a task of the
instance that was asked, which saves its progress on the import's row; any instance reads it
(`get_import`) for the progress bar and the report.

Nothing is applied while a line is bad unless the admin asked for the valid lines only; the
check runs again right before applying, against the organisation as it is then. Admins only:
an import may give any role anywhere. One audit row (`network.imported`) sums up what changed.
An import whose instance stopped stays where it was (`APPLYING`); importing the file again
finishes it, since lines already applied are unchanged.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Any

from server.audit.services import record
from server.db import atomic
from server.errors import DomainError
from server.network.csv_file import CsvRefused, read_table
from server.network.errors import ImportNotFound, ImportRunning
from server.network.import_apply import Importer, apply_plan
from server.network.import_check import ImportPlan, check_import
from server.network.models import ImportStatus, NetworkImport
from server.network.scope import Scope

log = logging.getLogger("elan.network.imports")
ERRORS_KEPT = 500  # the report keeps the first bad lines; the count says how many there were
RUNNING = (ImportStatus.CHECKING, ImportStatus.APPLYING)
_tasks: set[asyncio.Task[None]] = set()
SHOWN = ("id", "organization_id", "actor_id", "filename", "status", "apply_valid_only", "total", "done", "report",
         "created_at", "finished_at")


async def store_upload(scope: Scope, content: bytes, filename: str = "") -> NetworkImport:
    scope.require_admin()
    if scope.user is None:
        scope.require_admin()
    return await NetworkImport.create(
        organization_id=scope.organization_id, actor_id=scope.user_id, filename=filename[:200], content=content,
    )


async def get_import(scope: Scope, import_id: int) -> NetworkImport:
    scope.require_admin()
    # everything but the file itself, read on every poll of the progress bar
    found = await NetworkImport.filter(id=import_id, organization_id=scope.organization_id).only(*SHOWN).first()
    if found is None:
        raise ImportNotFound("importId")
    return found


async def start_import(scope: Scope, import_id: int, apply: bool, valid_only: bool) -> NetworkImport:
    """Checks the file (and applies it when `apply`) in the background; returns at once."""
    job = await get_import(scope, import_id)
    claimed = await NetworkImport.filter(id=job.id).exclude(status__in=RUNNING).update(
        status=ImportStatus.CHECKING, apply_valid_only=valid_only, done=0, finished_at=None
    )
    if not claimed:
        raise ImportRunning("importId")
    await job.refresh_from_db(fields=list(SHOWN))
    task = asyncio.create_task(run_import(scope, job.id, apply, valid_only), name=f"network-import-{job.id}")
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return job


async def wait_for_imports() -> None:
    """For tests and shutdown: the imports this process runs, finished."""
    while _tasks:
        await asyncio.gather(*list(_tasks), return_exceptions=True)


async def run_import(scope: Scope, import_id: int, apply: bool, valid_only: bool) -> None:
    job = await NetworkImport.get(id=import_id)
    try:
        table = read_table(bytes(job.content))
    except CsvRefused as refused:
        await _finish(job.id, ImportStatus.REFUSED, {"refused": {"code": refused.code, "params": refused.params}})
        return
    try:
        await NetworkImport.filter(id=job.id).update(total=len(table.rows))
        plan = await check_import(table, scope.organization_id, scope.user_id)
        report = _report(table.encoding, table.delimiter, plan, applied=False)
        if not apply or (plan.errors and not valid_only):
            await _finish(job.id, ImportStatus.CHECKED, report)
            return
        await NetworkImport.filter(id=job.id).update(status=ImportStatus.APPLYING, report=report, done=0,
                                                     total=len(plan.units) + len(plan.people))

        async def progress(done: int) -> None:
            await NetworkImport.filter(id=job.id).update(done=done)

        user = scope.user
        importer = Importer(scope.organization_id, scope.user_id, user.display_name if user else "", (user.language if user else None) or "fr")
        await apply_plan(plan, importer, progress)
        report = _report(table.encoding, table.delimiter, plan, applied=True)
        async with atomic():
            await record(scope, "network.imported", "import", job.id, None, {"file": job.filename, **report["counts"]})
        await _finish(job.id, ImportStatus.APPLIED, report)
    except DomainError as error:
        await _finish(job.id, ImportStatus.REFUSED, {"refused": {"code": error.code, "params": error.params}})
    except Exception:
        log.exception("network import %s failed", job.id)
        await _finish(job.id, ImportStatus.FAILED, {"refused": {"code": "csv_import_failed", "params": {}}})


def _report(encoding: str, delimiter: str, plan: ImportPlan, applied: bool) -> dict[str, Any]:
    return {
        "encoding": encoding,
        "delimiter": delimiter,
        "lines": plan.lines,
        "applied": applied,
        "counts": plan.counts(),
        "error_count": len(plan.errors),
        "errors": [
            {"line": e.line, "column": e.column, "code": e.code, "params": e.params} for e in plan.errors[:ERRORS_KEPT]
        ],
    }


async def _finish(import_id: int, status: ImportStatus, report: dict[str, Any]) -> None:
    job = await NetworkImport.filter(id=import_id).only("id", "report", "total", "done").get()
    await NetworkImport.filter(id=import_id).update(
        status=status, report={**(job.report or {}), **report}, finished_at=datetime.now(UTC),
        done=job.total if status in (ImportStatus.CHECKED, ImportStatus.APPLIED) else job.done,
    )
