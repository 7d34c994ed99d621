"""« Notre plan » on a generated network of 1,200 points of sale.

Figures (same run, same machine, so the ratios count):
- a point of sale's plan (`my_plan` for a seller): median and p95, against the floor of plain
  SQL reading the very rows it summarises for that point of sale, no aggregation;
- head office's plan, the 1,200 points of sale side by side: median and p95, against the same
  floor for the whole network, and against the unit dashboard of head office on the same
  network (the dashboard's budget);
- « Notre plan » through GraphQL exactly as the PWA reads it (`MyPlanLive`, pwa/src/graphql/
  plans.graphql: the unit viewed in detail, the side-by-side table's rows slim), for head office,
  head office having opened one point of sale's row (`unitId`), a regional manager (100 points of
  sale) and a seller: the subscription's first snapshot as the server sends it (planned,
  schema.plan_stream), and the same selection as a `myPlan` query over HTTP (schema.plan.run_plan),
  each against DESIGN's floor for its own subtree: hand-written SQL returning the same JSON
  (`_floor_answer`: each lever added up per unit by the database, statement after statement on
  one connection, the unit viewed and the next steps made from them, the message written by
  orjson; the whole snapshot is checked to be the server's, field by field). Beside it, the earlier floor: the rows the answer is made of, read
  and not added up, no JSON written (`_floor`). Strawberry's execution of the same snapshot (the
  fallback) must give the same answer (checked for each), and is timed for head office;
- the SQL statements of each (they must not grow with the network).

Each figure and its floor are timed in turn, run after run (`_paired`), after a warm-up call.

SQLite file by default; PostgreSQL with BENCH_DATABASE_URL (its public schema is DROPPED).
    python -m bench.plan [--runs 15] [--points-of-sale 1200] [--people-per-pos 5]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta

from bench.dashboard import _time, counting_queries
from bench.database import empty_postgres


async def _floor(organization_id: int, path: str, plan_id: int) -> None:
    """The rows « Notre plan » reads for the subtree at `path`, in plain SQL, no aggregation."""
    from tortoise import connections

    conn = connections.get("default")
    pg = conn.capabilities.dialect == "postgres"
    p1, p2 = ("$1", "$2") if pg else ("?", "?")
    like = path + "%"
    people = f'SELECT u.id FROM "user" u JOIN unit n ON n.id = u.unit_id WHERE u.organization_id = {p1} AND n.path LIKE {p2}'
    await conn.execute_query(f"SELECT id, name, kind, path FROM unit WHERE organization_id = {p1} AND path LIKE {p2}", [organization_id, like])
    await conn.execute_query(
        f'SELECT u.id, u.role, n.path, u.created_at, u.deactivated_at FROM "user" u JOIN unit n ON n.id = u.unit_id '
        f"WHERE u.organization_id = {p1} AND n.path LIKE {p2}", [organization_id, like],
    )
    await conn.execute_query(f"SELECT user_id, module_id FROM training_progress WHERE user_id IN ({people}) AND completed_at IS NOT NULL", [organization_id, like])
    await conn.execute_query(f"SELECT user_id, quiz_id, score_percent FROM quiz_attempt WHERE user_id IN ({people})", [organization_id, like])
    await conn.execute_query(
        f"SELECT s.kind, s.value, s.sample_size, s.period_end, n.path FROM satisfaction_survey s JOIN unit n ON n.id = s.unit_id "
        f"WHERE s.organization_id = {p1} AND n.path LIKE {p2}", [organization_id, like],
    )
    await conn.execute_query(f"SELECT unit_id, lever, period, period_start, target FROM plan_objective WHERE plan_id = {p1}", [plan_id])


async def _floor_answer(organization_id: int, path: str, plan_id: int, viewer_id: int, now: datetime, version: int) -> bytes:
    """DESIGN's floor: hand-written SQL returning the same JSON, the whole snapshot the PWA
    receives (`_same_snapshot` checks it): every lever added up per unit by the database, one
    statement after another on one connection, the objectives held walked up each unit's path,
    the unit viewed in detail with its next step, the viewer's own next step, the message written
    by orjson as schema.ws writes it. Written for this network's plan, to the floor's advantage:
    its modules are open to all, it names no challenge and no one is assessed (the assessments
    are read, and must be none), so the audience rules, the challenges' statements and the
    skills' radar are left out."""

    from schema.wire import dumps_text
    from server.accounts.activity import week_of
    from server.plans.objectives import LEVERS, month_start, quarter_start
    from server.plans.sql import as_date
    from server.sql import Statement

    def loaded(value):  # type: ignore[no-untyped-def]  # a JSON column: text on SQLite
        return json.loads(value) if isinstance(value, str) else value

    q = Statement()
    pg = q.pg
    name, starts_on, ends_on, module_ids, quiz_ids, challenge_ids, *targets, owners = (await q.rows(
        "SELECT name, starts_on, ends_on, module_ids, quiz_ids, challenge_ids, training_completion_target, "
        "quiz_average_target, skills_level_target, satisfaction_index_target, lever_owners FROM performance_plan "
        f"WHERE id = {q.arg(plan_id)} AND organization_id = {q.arg(organization_id)}"
    ))[0]
    module_ids, quiz_ids, owners = loaded(module_ids), loaded(quiz_ids), loaded(owners) or {}
    assert not loaded(challenge_ids), "the floor is written for a plan without challenges"
    starts_on, ends_on = as_date(starts_on), as_date(ends_on)
    q = Statement()
    units = await q.rows(
        f"SELECT id, name, kind, path, closed_at IS NULL FROM unit WHERE organization_id = {q.arg(organization_id)} "
        f"AND path LIKE {q.arg(path + '%')}"
    )
    ids = [u[0] for u in units]
    whole = path.count("/") == 2  # the whole network: its people are the organisation's

    def narrowed(q: Statement, column: str) -> str:
        return f"{column} IS NOT NULL" if whole else f"{column} IN {q.ids(ids)}"

    def of_people(q: Statement) -> str:
        if whole:
            return ""
        return f' AND user_id IN (SELECT id FROM "user" WHERE organization_id = {q.arg(organization_id)} AND {narrowed(q, "unit_id")})'

    starts = datetime.combine(starts_on, datetime.min.time(), tzinfo=UTC)
    ends = datetime.combine(ends_on, datetime.max.time(), tzinfo=UTC)
    week = week_of(now)
    q = Statement()
    modules = listed(q, module_ids)
    days = (f"date_part('epoch', {q.arg(now)}::timestamptz - u.created_at) / 86400" if pg
            else f"julianday({q.arg(now.isoformat())}) - julianday(u.created_at)")
    # per unit, of its people active now and of those who left during the plan: how many, their
    # days since they joined, seen this week, plan modules completed, and with some left to complete
    people = await q.rows(
        f"SELECT u.unit_id, u.deactivated_at IS NULL, COUNT(*), SUM({days}), SUM(CASE WHEN aw.user_id IS NULL THEN 0 ELSE 1 END), "
        f"SUM(COALESCE(tp.done, 0)), SUM(CASE WHEN COALESCE(tp.done, 0) < {len(module_ids)} THEN 1 ELSE 0 END) "
        'FROM "user" u '
        f"LEFT JOIN (SELECT user_id, COUNT(*) AS done FROM training_progress WHERE module_id IN ({modules}) "
        f"AND completed_at IS NOT NULL AND completed_at <= {q.arg(ends)}{of_people(q)} GROUP BY user_id) tp ON tp.user_id = u.id "
        f"LEFT JOIN active_week aw ON aw.user_id = u.id AND aw.week_start = {q.arg(week if pg else week.isoformat())} "
        f"WHERE u.organization_id = {q.arg(organization_id)} AND {narrowed(q, 'u.unit_id')} "
        f"AND (u.deactivated_at IS NULL OR (u.deactivated_at >= {q.arg(starts)} AND u.deactivated_at <= {q.arg(ends)})) "
        "GROUP BY 1, 2"
    )
    q = Statement()
    quizzes = listed(q, quiz_ids)
    # per unit: each active person's best score per plan quiz in the plan, added up, and how many
    quiz = await q.rows(
        'SELECT u.unit_id, SUM(b.best), COUNT(*) FROM "user" u '
        f"JOIN (SELECT user_id, quiz_id, MAX(score_percent) AS best FROM quiz_attempt WHERE quiz_id IN ({quizzes}) "
        f"AND created_at >= {q.arg(starts)} AND created_at <= {q.arg(ends)}{of_people(q)} GROUP BY user_id, quiz_id) b "
        f"ON b.user_id = u.id WHERE u.organization_id = {q.arg(organization_id)} AND {narrowed(q, 'u.unit_id')} "
        "AND u.deactivated_at IS NULL GROUP BY u.unit_id"
    )
    q = Statement()
    # per unit and month of the plan: the surveys' normalised values × answers, and the answers
    month_of = "date_trunc('month', period_end)::date" if pg else "substr(period_end, 1, 7)"
    surveys = await q.rows(
        f"SELECT unit_id, {month_of}, "
        "SUM(CASE WHEN kind = 'NPS' THEN (value + 100.0) / 2.0 ELSE value * 10.0 END * sample_size), SUM(sample_size) "
        f"FROM satisfaction_survey WHERE organization_id = {q.arg(organization_id)} AND {narrowed(q, 'unit_id')} "
        f"AND period_end >= {q.arg(starts_on)} AND period_end <= {q.arg(ends_on)} GROUP BY 1, 2 ORDER BY 1, 2"
    )
    q = Statement()
    assessed = await q.rows(
        'SELECT COUNT(*) FROM assessment a JOIN "user" u ON u.id = a.person_id '
        f"WHERE a.organization_id = {q.arg(organization_id)} AND u.deactivated_at IS NULL AND {narrowed(q, 'u.unit_id')}"
    )
    assert not assessed[0][0], "the floor is written for a network without assessments"
    q = Statement()
    objectives = await q.rows(
        f"SELECT unit_id, lever, period, period_start, target, owner_function_id FROM plan_objective WHERE plan_id = {q.arg(plan_id)}"
    )
    q = Statement()
    titles = {int(i): str(t) for i, t in await q.rows(
        f"SELECT id, title FROM training_module WHERE organization_id = {q.arg(organization_id)} AND id IN ({listed(q, module_ids)})"
    )}
    q = Statement()
    quiz_titles = {int(i): (str(t), int(m)) for i, t, m in await q.rows(
        f"SELECT id, title, pass_mark_percent FROM quiz WHERE organization_id = {q.arg(organization_id)} "
        f"AND id IN ({listed(q, quiz_ids)}) ORDER BY id"
    )}
    top = next(u for u in units if u[3] == path)
    q = Statement()
    open_plan = await q.rows(
        f"SELECT id FROM action_plan WHERE unit_id = {q.arg(top[0])} AND status = 'OPEN' ORDER BY id DESC LIMIT 1"
    )
    mine: tuple[set[int], dict[int, float]] = (set(), {})
    if viewer_id:
        q = Statement()
        for kind, subject, score in await q.rows(
            f"SELECT 'M', module_id, 0 FROM training_progress WHERE user_id = {q.arg(viewer_id)} AND module_id IN ({listed(q, module_ids)}) "
            f"AND completed_at IS NOT NULL AND completed_at <= {q.arg(ends)} UNION ALL "
            f"SELECT 'Q', quiz_id, MAX(score_percent) FROM quiz_attempt WHERE user_id = {q.arg(viewer_id)} "
            f"AND quiz_id IN ({listed(q, quiz_ids)}) AND created_at >= {q.arg(starts)} AND created_at <= {q.arg(ends)} GROUP BY quiz_id"
        ):
            if kind == "M":
                mine[0].add(int(subject))
            else:
                mine[1][int(subject)] = float(score)

    # each unit's figures; the top's over every unit under it
    def blank() -> list:  # type: ignore[type-arg]
        # people, days, seen, done, left, departures, quiz total, quizzes taken, weighted, answers, month
        return [0, 0.0, 0, 0, 0, 0, 0.0, 0, 0.0, 0, None]

    figures: dict[int, list] = {}  # type: ignore[type-arg]
    top_figures = blank()
    for unit_id, active, n, d, s_, done, left in people:
        f = figures.setdefault(unit_id, blank())
        if not active:
            f[5] += n
            top_figures[5] += n
            continue
        f[0], f[1], f[2], f[3], f[4] = n, float(d or 0.0), int(s_), int(done), int(left)
        for k, x in enumerate((n, float(d or 0.0), int(s_), int(done), int(left))):
            top_figures[k] += x
    for unit_id, total, n in quiz:
        f = figures.setdefault(unit_id, blank())
        f[6], f[7] = float(total), int(n)
        top_figures[6] += float(total)
        top_figures[7] += int(n)
    for unit_id, m, w, a in surveys:  # by month: each unit's latest last
        f = figures.setdefault(unit_id, blank())
        f[8], f[9], f[10] = w, int(a), m
    latest = max((f[10] for f in figures.values() if f[10] is not None), default=None)
    for f in figures.values():
        if f[10] is not None and f[10] == latest:
            top_figures[8] += f[8]
            top_figures[9] += f[9]
    figures[top[0]] = top_figures
    empty = blank()

    def values(f: list) -> tuple:  # type: ignore[type-arg]
        people_n, assigned = f[0], f[0] * len(module_ids)
        return (
            round(100.0 * f[3] / assigned, 2) if assigned else None, round(f[6] / f[7], 2) if f[7] else None, None,
            round(f[8] / f[9], 2) if f[9] else None, None, round(100.0 * f[2] / people_n, 2) if people_n else None,
        )

    # the objectives held: the nearest unit's own, its most precise period holding today
    day = now.date()
    period_starts = {"MONTH": month_start(day), "QUARTER": quarter_start(day), "PLAN": starts_on}
    order = ("MONTH", "QUARTER", "PLAN")
    own: dict[tuple[int, str], tuple[int, float, int | None, str]] = {}
    for unit_id, lever, period, period_start, target, owner in objectives:
        rank, held = order.index(str(period)), own.get((int(unit_id), str(lever)))
        if as_date(period_start) == period_starts[str(period)] and (held is None or rank < held[0]):
            own[int(unit_id), str(lever)] = (rank, float(target), owner, str(period))
    defaults = (targets[0], targets[1], targets[2], targets[3], None, None)

    def held(unit_path: str, lever: str, default: float | None) -> tuple[float | None, int | None, str | None, int | None]:
        for i in reversed([int(i) for i in unit_path.strip("/").split("/")]):
            found = own.get((i, lever))
            if found is not None:
                return found[1], i, found[3], found[2] or owners.get(lever)
        return default, None, None, owners.get(lever)

    rows = []
    shown = [top] + sorted((u for u in units if u[4] and u[2] == "POINT_OF_SALE" and u[0] != top[0]), key=lambda u: (u[1], u[0]))
    for unit_id, unit_name, _, unit_path, _ in shown:
        levers = []
        for lever, value, default in zip(LEVERS, values(figures.get(unit_id, empty)), defaults, strict=True):
            target = held(unit_path, lever, default)[0]
            levers.append({"lever": lever, "value": value, "onTrack": None if value is None or target is None else value >= target})
        rows.append({"unitId": str(unit_id), "unitName": unit_name, "levers": levers})

    # the unit viewed, in detail, and its next step (the lever furthest below its objective)
    f = figures.get(top[0], empty)
    detail, gaps = [], []
    for lever, value, default in zip(LEVERS, values(f), defaults, strict=True):
        target, unit_id, period, owner = held(top[3], lever, default)
        on_track = None if value is None or target is None else value >= target
        detail.append({"lever": lever, "value": value, "target": target, "onTrack": on_track,
                       "objectiveUnitId": None if unit_id is None else str(unit_id), "objectivePeriod": period,
                       "ownerFunctionId": None if owner is None else str(owner)})
        gaps.append(0.0 if value is None or not target or value >= target else (target - value) / target)
    widest = max(gaps)

    def step(kind: str, lever: str | None = None, subject: int | None = None, title: str | None = None, count: int | None = None) -> dict:  # type: ignore[type-arg]
        return {"kind": kind, "lever": lever, "subjectId": None if subject is None else str(subject), "title": title, "count": count}

    first_quiz = next(iter(quiz_titles.items()), None)
    if widest == 0:
        next_step = step("ON_TRACK" if any(d["value"] is not None for d in detail) else "NOTHING_MEASURED")
    else:
        lever = LEVERS[gaps.index(widest)]
        next_step = {
            "TRAINING": lambda: step("REMIND_TRAINING", lever, count=f[4]),
            "QUIZ": lambda: step("REVISE_QUIZ", lever, first_quiz[0] if first_quiz else None, first_quiz[1][0] if first_quiz else None),
            "SATISFACTION": lambda: step("FOLLOW_ACTION_PLAN", lever, open_plan[0][0]) if open_plan else step("START_ACTION_PLAN", lever),
        }.get(lever, lambda: step("ENGAGE_TEAM", lever, count=f[0] - f[2]))()
    my_step = None
    if viewer_id:
        todo = next((m for m in module_ids if m in titles and m not in mine[0]), None)
        failed = next(((i, t) for i, (t, mark) in quiz_titles.items() if mine[1].get(i, -1.0) < mark), None)
        if todo is not None:
            my_step = step("COMPLETE_MODULE", "TRAINING", todo, titles[todo])
        elif failed is not None:
            my_step = step("TAKE_QUIZ", "QUIZ", failed[0], failed[1])
        elif open_plan:
            my_step = step("FOLLOW_ACTION_PLAN", "SATISFACTION", open_plan[0][0])
        else:
            my_step = next_step
    unit = {
        "unitId": str(top[0]), "unitName": top[1], "unitKind": str(top[2]), "people": f[0], "activePeople": f[2],
        "departures": f[5], "tenureDays": round(round(f[1] / f[0], 2), 1) if f[0] else None, "assessedPeople": 0,
        "levers": detail, "nextStep": next_step, "weakestSkills": [], "trainingToPush": [],
    }
    answer = {
        "day": day.isoformat(), "plan": {"id": str(plan_id), "name": name, "startsOn": starts_on.isoformat(), "endsOn": ends_on.isoformat()},
        "myNextStep": my_step, "unit": unit, "units": rows,
    }
    snapshot = {"version": version, "at": now.isoformat(), "myPlan": answer}
    return dumps_text({"type": "next", "id": "1", "payload": {"data": {"myPlan": snapshot}}}).encode()


def listed(q, ids) -> str:  # type: ignore[no-untyped-def]
    """The ids as the statement's arguments, for `IN (…)`."""
    return ", ".join(q.arg(i) for i in ids)


def _same_snapshot(live: str, floor: bytes) -> None:
    """The floor's answer is the server's: the same snapshot (its time aside), field by field,
    the table unit by unit and lever by lever."""
    ours, its = (json.loads(text)["payload"]["data"]["myPlan"] for text in (live, floor))
    for snapshot in (ours, its):
        del snapshot["at"]
    a, b = ours.pop("myPlan"), its.pop("myPlan")
    assert its == ours, f"the floor's snapshot differs: {its} against {ours}"
    table_a, table_b = a.pop("units"), b.pop("units")
    assert b == a, f"the floor's plan differs: {b} against {a}"
    assert table_b == table_a, next(
        (f"the floor's table differs: {x} against {y}" for x, y in zip(table_b, table_a, strict=False) if x != y),
        f"the floor's table has {len(table_b)} units against {len(table_a)}",
    )


PWA_DOCUMENT = "MyPlanLive"  # pwa/src/graphql/plans.graphql: how the PWA reads « Notre plan »


def _pwa_documents() -> tuple[str, str]:
    """The PWA's own subscription, as it sends it, and the same selection as a query (`myPlan`
    over HTTP): what a client that reads the plan once, without following it, would send."""
    from graphql import (
        FieldNode,
        NameNode,
        OperationDefinitionNode,
        OperationType,
        parse,
        print_ast,
    )

    from tests.pwa_documents import pwa_documents

    text = next(d.query for d in pwa_documents() if d.name == PWA_DOCUMENT)
    document = parse(text)
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    update = operation.selection_set.selections[0]
    assert isinstance(update, FieldNode) and update.selection_set is not None
    inner = next(f for f in update.selection_set.selections if isinstance(f, FieldNode) and f.name.value == "myPlan")
    query = OperationDefinitionNode(
        operation=OperationType.QUERY, name=NameNode(value="MyPlan"), variable_definitions=operation.variable_definitions,
        directives=(), selection_set=operation.selection_set.__class__(selections=(update.__class__(
            name=update.name, alias=None, arguments=update.arguments, directives=(), selection_set=inner.selection_set,
        ),)),
    )
    others = tuple(d for d in document.definitions if d is not operation)
    return text, print_ast(document.__class__(definitions=(query, *others)))


def _graphql_reads(scope, user, variables: dict | None):  # type: ignore[no-untyped-def]
    """« Notre plan » as the server answers the PWA, each answer's JSON written: the PWA's
    subscription's first snapshot as schema.ws sends it (its plan: schema.plan_stream.stream_plan),
    the same snapshot executed by strawberry (the fallback), and the same selection as an HTTP
    query (schema.plan.run_plan, as schema.http runs it)."""
    from schema import schema
    from schema.context import Context
    from schema.plan import plan_for, run_plan
    from schema.plan_stream import stream_plan
    from schema.wire import dumps_text

    subscription, query = _pwa_documents()
    planned_query, planned_live = plan_for(schema, query, None), plan_for(schema, subscription, None)
    assert planned_query is not None and planned_live is not None, "myPlan is not planned"

    dumps = dumps_text  # as schema.ws.Connection.send writes a message

    async def live() -> str:
        events = await stream_plan(schema, planned_live, Context(user=user, language="fr", scope=scope), variables)
        assert events is not None, "MyPlanLive was left to strawberry"
        try:
            return dumps({"type": "next", "id": "1", "payload": await anext(events)})
        finally:
            await events.aclose()

    async def executed() -> str:
        stream = await schema.subscribe(
            subscription, variable_values=variables, context_value=Context(user=user, language="fr", scope=scope)
        )
        try:
            result = await anext(stream)  # type: ignore[arg-type]
        finally:
            await stream.aclose()  # type: ignore[union-attr]
        assert not result.errors, result.errors
        return dumps({"type": "next", "id": "1", "payload": {"data": result.data}})

    async def read() -> bytes:
        body = await run_plan(schema, planned_query, Context(user=user, language="fr", scope=scope), variables)
        assert body is not None, "myPlan's query was left to strawberry"
        return body

    return live, executed, read


def _same_answers(live: str, executed: str, read: bytes) -> tuple[int, int]:
    """The three give the same answer (`at`, the time of a snapshot, aside); the number of
    units and the size of the snapshot sent."""
    import json

    snapshots = [json.loads(text)["payload"]["data"]["myPlan"] for text in (live, executed)]
    for snapshot in snapshots:
        del snapshot["at"]
    assert snapshots[0] == snapshots[1], "the planned snapshot and strawberry's differ"
    assert snapshots[0]["myPlan"] == json.loads(read)["data"]["myPlan"], "the query and the snapshot differ"
    return len(snapshots[0]["myPlan"]["units"]), len(live.encode())


async def _paired(subject, floor, runs: int, *others):  # type: ignore[no-untyped-def]
    """Subject (and others), then floor, timed in turn, run after run, after one warm-up call of
    each: on a machine shared with other work, a burst of load falls on all, not on one of them.
    The heap is collected before each call, outside the time. Each one's (median, p95), the
    floor's last."""
    calls = (subject, *others, floor)
    for call in calls:
        await call()
    timed: list[list[float]] = [[] for _ in calls]
    for _ in range(runs):
        for call, samples in zip(calls, timed, strict=True):
            # each call starts on a collected heap: the garbage of a 1,201-unit answer is not
            # collected in the floor's time (which then doubled on SQLite), nor the floor's in its
            gc.collect()
            started = time.perf_counter()
            await call()
            samples.append((time.perf_counter() - started) * 1000)
    return tuple((statistics.median(s), sorted(s)[max(0, int(len(s) * 0.95) - 1)]) for s in timed)


async def generate(pos_count: int, per_pos: int, seed: int = 1200):  # type: ignore[no-untyped-def]
    from server.accounts.models import Role, User
    from server.evaluation.models import SatisfactionSurvey, SurveyKind
    from server.network.models import Unit, UnitKind
    from server.network.services import create_organization
    from server.plans.models import PerformancePlan, PlanObjective, PlanPeriod
    from server.training.models import ModuleProgress, Quiz, QuizAttempt, TrainingModule

    rng = random.Random(seed)
    suffix = uuid.uuid4().hex[:8]
    organization, root = await create_organization(f"Réseau 1200 {suffix}", f"n1200-{suffix}")
    org = organization.id
    regions = []
    for r in range(12):
        region = await Unit.create(organization_id=org, parent_id=root.id, kind=UnitKind.REGION, name=f"Région {r:02d}")
        region.path = f"{root.path}{region.id}/"
        await region.save(update_fields=["path"])
        regions.append(region)
    await Unit.bulk_create([
        Unit(organization_id=org, parent_id=regions[n % 12].id, kind=UnitKind.POINT_OF_SALE, name=f"PDV {n:04d}", path="")
        for n in range(pos_count)
    ], batch_size=500)
    points = list(await Unit.filter(organization_id=org, kind=UnitKind.POINT_OF_SALE).order_by("id"))
    by_id = {r.id: r for r in regions}
    for p in points:
        p.path = f"{by_id[p.parent_id or 0].path}{p.id}/"
    await Unit.bulk_update(points, fields=["path"], batch_size=500)
    admin = await User.create(organization_id=org, unit_id=root.id, email=f"admin-{suffix}@bench.example",
                              display_name="Siège", role=Role.ADMIN, password_hash="x")
    await User.bulk_create([
        User(organization_id=org, unit_id=p.id, email=f"p{p.id}-{i}-{suffix}@bench.example", display_name=f"Vendeur {p.id}-{i}",
             role=Role.MEMBER, password_hash="x")
        for p in points for i in range(per_pos)
    ], batch_size=1000)
    people = list(await User.filter(organization_id=org, role=Role.MEMBER).values_list("id", flat=True))
    modules = [await TrainingModule.create(organization_id=org, title=f"Module {m}", open_to_all=True) for m in range(3)]
    quiz = await Quiz.create(organization_id=org, title="Quiz", module_id=modules[0].id)
    now = datetime.now(UTC)
    await ModuleProgress.bulk_create([
        ModuleProgress(module_id=m.id, user_id=uid, organization_id=org, sections_done=1,
                       completed_at=now - timedelta(days=rng.randint(1, 20)))
        for uid in people for m in modules if rng.random() < 0.5
    ], batch_size=2000)
    await QuizAttempt.bulk_create([
        QuizAttempt(quiz_id=quiz.id, user_id=uid, organization_id=org, number=1, passed=True,
                    score_percent=rng.choice([40, 60, 80, 100]), answers={})
        for uid in people if rng.random() < 0.6
    ], batch_size=2000)
    # twelve weeks of who used the app (server.accounts.activity), two people in three each week
    from server.accounts.activity import week_of
    from server.accounts.models import ActiveWeek

    this_week = week_of(now)
    await ActiveWeek.bulk_create([
        ActiveWeek(user_id=uid, week_start=this_week - timedelta(weeks=w))
        for uid in people for w in range(12) if rng.random() < 0.67
    ], batch_size=5000)
    today = now.date()
    await SatisfactionSurvey.bulk_create([
        SatisfactionSurvey(organization_id=org, unit_id=p.id, kind=SurveyKind.SCORE_10, value=rng.uniform(6, 9.5),
                           sample_size=30, period_start=today.replace(day=1), period_end=today)
        for p in points
    ], batch_size=1000)
    plan = await PerformancePlan.create(
        organization_id=org, name="Plan T", starts_on=today - timedelta(days=40), ends_on=today + timedelta(days=50),
        module_ids=[m.id for m in modules], quiz_ids=[quiz.id],
    )
    await PlanObjective.bulk_create([
        PlanObjective(organization_id=org, plan_id=plan.id, unit_id=r.id, lever="TRAINING", period=PlanPeriod.PLAN,
                      period_start=plan.starts_on, target=70 + r.id % 20)
        for r in regions
    ] + [
        PlanObjective(organization_id=org, plan_id=plan.id, unit_id=p.id, lever="QUIZ", period=PlanPeriod.PLAN,
                      period_start=plan.starts_on, target=65)
        for p in points[::10]
    ])
    seller = await User.filter(organization_id=org, unit_id=points[7].id).first()
    manager = await User.create(organization_id=org, unit_id=regions[0].id, email=f"manager-{suffix}@bench.example",
                                display_name="Direction régionale", role=Role.MANAGER, password_hash="x")
    return org, root, regions, points, admin, manager, seller, plan, len(people)


async def main(runs: int, pos_count: int, per_pos: int) -> None:
    from server.bus import MemoryBus, set_bus
    from server.dashboards.services import unit_dashboard
    from server.db import close_db, init_db, migrate_db
    from server.network.scope import scope_of_user
    from server.plans.view import my_plan

    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        await empty_postgres(url)
    else:
        url = f"sqlite://{tempfile.mkdtemp(prefix='elan-bench-')}/bench.sqlite3"
    await migrate_db(url)
    await init_db(url)
    set_bus(MemoryBus())
    try:
        org, root, regions, points, admin, manager, seller, plan, people = await generate(pos_count, per_pos)
        if url.startswith("postgres"):
            # the statistics autovacuum would have gathered a minute later: without them the
            # planner takes the freshly filled tables for empty ones (nested loops over 6,000 rows)
            from tortoise import connections

            await connections.get("default").execute_script("ANALYZE")
        # the process as the server's once started (server.heap): the floor and the plan alike
        from server.heap import settle

        settle()
        head_office, seller_scope = await scope_of_user(admin), await scope_of_user(seller)
        manager_scope = await scope_of_user(manager)
        now = datetime.now(UTC)
        pos = points[7]
        dialect = "postgres" if url.startswith("postgres") else "sqlite"
        print(f"« Notre plan », {len(points)} points of sale, {people} people ({dialect}, {runs} runs)", flush=True)

        def line(label: str, timed, floor) -> float:  # type: ignore[no-untyped-def]
            ratio = floor[0] / timed[0]
            print(f"  {label:46s} median {timed[0]:7.1f} ms  p95 {timed[1]:7.1f} ms   floor {floor[0]:6.1f} ms   "
                  f"{timed[0] / floor[0]:.2f}x the floor's time = {ratio:.2f}x its speed", flush=True)
            return ratio

        mine, mine_floor = await _paired(lambda: my_plan(seller_scope, now), lambda: _floor(org, pos.path, plan.id), runs)
        line("my_plan, a point of sale (seller)", mine, mine_floor)
        whole, whole_floor = await _paired(lambda: my_plan(head_office, now), lambda: _floor(org, root.path, plan.id), runs)
        line("my_plan, head office (1,201 units)", whole, whole_floor)
        # the documents the PWA sends, for each viewer: (label, scope, user, variables, floor's path)
        viewers = (
            ("head office", head_office, admin, None, root.path),
            ("head office, a row opened", head_office, admin, {"unitId": str(pos.id)}, pos.path),
            ("regional manager", manager_scope, manager, None, regions[0].path),
            ("point of sale (seller)", seller_scope, seller, None, pos.path),
        )
        worst = worst_rows = 10.0
        for label, scope, user, variables, path in viewers:
            live, executed, read = _graphql_reads(scope, user, variables)
            answer = await live()
            units, size = _same_answers(answer, await executed(), await read())
            version = json.loads(answer)["payload"]["data"]["myPlan"]["version"]
            viewer = 0 if user.role != "MEMBER" else user.id

            async def answered(path: str = path, viewer: int = viewer, version: int = version) -> bytes:
                return await _floor_answer(org, path, plan.id, viewer, datetime.now(UTC), version)

            _same_snapshot(answer, await answered())
            # the snapshot, the query and both floors in turn, run after run
            sent, queried, rows_floor, floor = await _paired(
                live, answered, runs, read, lambda path=path: _floor(org, path, plan.id)
            )
            worst = min(worst, line(f"MyPlanLive snapshot, {label}", sent, floor))
            worst = min(worst, line(f"MyPlan query, {label}", queried, floor))
            worst_rows = min(worst_rows, rows_floor[0] / sent[0], rows_floor[0] / queried[0])
            print(f"    {units} units, snapshot {size / 1024:.0f} KiB; strawberry's execution gives the same answer, the floor "
                  f"the same snapshot; the rows alone, read and not added up: {rows_floor[0]:.1f} ms "
                  f"({rows_floor[0] / sent[0]:.2f}x, {rows_floor[0] / queried[0]:.2f}x)")
            if variables is None and scope is head_office:
                before, before_floor = await _paired(executed, lambda: _floor(org, root.path, plan.id), max(3, runs // 3))
                line(f"MyPlanLive by strawberry (fallback), {label}", before, before_floor)
        print(f"  the PWA's documents: worst {worst:.2f}x the floor's speed (budget 0.5x); "
              f"against the rows alone, not added up: worst {worst_rows:.2f}x")
        board = await _time(lambda: unit_dashboard(head_office, root, now.date()), runs)
        found = await my_plan(head_office, now)
        assert found is not None and len(found.units) == 1 + len(points)
        with counting_queries() as seen:
            await my_plan(seller_scope, now)
        q_pos = len(seen)
        with counting_queries() as seen:
            await my_plan(head_office, now)
        q_all = len(seen)
        print(f"  unit dashboard  median {board[0]:8.1f} ms  p95 {board[1]:8.1f} ms   (head office, same network: the dashboard's budget)")
        print(f"  head office plan / unit dashboard: {whole[0] / board[0]:.2f}x")
        print(f"  SQL statements: {q_pos} for a point of sale, {q_all} for head office ({len(points) + 1} units)")
        if q_pos != q_all:
            raise SystemExit("statements grew with the network")
    finally:
        await close_db()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--points-of-sale", type=int, default=1200)
    parser.add_argument("--people-per-pos", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.runs, args.points_of_sale, args.people_per_pos))
