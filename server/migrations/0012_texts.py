"""Texts written in each reader's language: an automatic post's kind and parameters; existing
notifications, automatic posts and duels converted to ids (people, badges, challenges).

Whatever cannot be read back (a post in an unknown shape, a name that matches no one or
several people) keeps its old French text as the fallback shown."""

from __future__ import annotations

import re
from typing import Any

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

HIDDEN = "Un participant"
TOP_THREE = re.compile(r"^(?P<name>.+) entre dans le top 3 du challenge « (?P<challenge>.+) » \((?P<rank>\d+)(?:er|e)\) !$")
RACE = re.compile(r"^Course « (?P<challenge>.+) » terminée : (?P<count>\d+) participant\(s\) ont atteint l'objectif\. Bravo à tous !$")
PODIUM = re.compile(r"^Challenge « (?P<challenge>.+) » terminé ! Podium : (?P<places>.+)\. Bravo à tous les participants !$")
PLACE = re.compile(r"^(?P<rank>\d+)(?:er|e) (?P<name>.+)$")


def _unique(found: dict[str, list[int]], name: str) -> int | None:
    ids = found.get(name) or []
    return ids[0] if len(ids) == 1 else None


async def _names(apps: Any, db: Any, organization_id: int, cache: dict[int, dict[str, list[int]]]) -> dict[str, list[int]]:
    if organization_id not in cache:
        user = apps.get_model("elan", "User")
        by_name: dict[str, list[int]] = {}
        for uid, name in await user.filter(organization_id=organization_id).using_db(db).values_list("id", "display_name"):
            by_name.setdefault(str(name), []).append(int(uid))
        cache[organization_id] = by_name
    return cache[organization_id]


async def _notifications(apps: Any, db: Any, cache: dict[int, dict[str, list[int]]]) -> None:
    notification = apps.get_model("elan", "Notification")
    rows = await notification.filter().using_db(db).values_list("id", "user__organization_id", "params", "actor_names")
    for nid, organization_id, params, names in rows:
        params = dict(params or {})
        if not names or "actorIds" in params:
            continue
        people = await _names(apps, db, int(organization_id), cache)
        ids = [_unique(people, str(n)) for n in names if n != HIDDEN]
        if any(i is None for i in ids):
            continue  # keeps the names it was written with
        params["actorIds"] = ids
        await notification.filter(id=nid).using_db(db).update(params=params, actor_names=[])


def _post_of_text(body: str, author_id: int, people: dict[str, list[int]], challenges: dict[str, list[int]]) -> tuple[str, dict[str, Any]] | None:
    if found := TOP_THREE.match(body):
        challenge = found["challenge"]
        return "TOP_THREE_ENTERED", {
            "userId": author_id, "challenge": challenge, "challengeId": _unique(challenges, challenge), "rank": int(found["rank"]),
        }
    if found := RACE.match(body):
        challenge = found["challenge"]
        return "RACE_FINISHED", {"challenge": challenge, "challengeId": _unique(challenges, challenge), "count": int(found["count"])}
    if found := PODIUM.match(body):
        places: list[dict[str, Any]] = []
        for part in found["places"].split(", "):
            place = PLACE.match(part)
            if place is None:
                return None
            rank, name = int(place["rank"]), place["name"]
            person = _unique(people, name)
            places.append({"rank": rank, "hidden": True} if name == HIDDEN else {"rank": rank, "userId": person} if person else {"rank": rank, "name": name})
        challenge = found["challenge"]
        return "CHALLENGE_PODIUM", {"challenge": challenge, "challengeId": _unique(challenges, challenge), "podium": places}
    return None


async def _posts(apps: Any, db: Any, cache: dict[int, dict[str, list[int]]]) -> None:
    post, award, challenge = apps.get_model("elan", "Post"), apps.get_model("elan", "Award"), apps.get_model("elan", "Challenge")
    rows = await post.filter(kind="SYSTEM", system_kind=None).using_db(db).values_list("id", "organization_id", "author_id", "body")
    if not rows:
        return
    awards = {
        int(a[0]): a
        for a in await award.filter(recognition_post_id__in=[r[0] for r in rows]).using_db(db).values_list(
            "recognition_post_id", "user_id", "badge_id", "badge__name", "badge__emoji", "badge__kind", "level", "awarded_by_id", "reason"
        )
    }
    titles: dict[int, dict[str, list[int]]] = {}
    for pid, organization_id, author_id, body in rows:
        kind: str
        params: dict[str, Any]
        if pid in awards:
            _, user_id, badge_id, badge, emoji, badge_kind, level, by, reason = awards[pid]
            label = str(badge_kind) == "LABEL"
            kind = "LABEL_AWARDED" if label else "BADGE_AWARDED"
            params = {"userId": user_id, "badgeId": badge_id, "badge": badge, "emoji": "🎖️" if label else emoji or "🏅",
                      "level": level, "byId": by, "reason": reason or ""}
            text = reason or ""
        else:
            if organization_id not in titles:
                titles[organization_id] = {}
                for cid, name in await challenge.filter(organization_id=organization_id).using_db(db).values_list("id", "name"):
                    titles[organization_id].setdefault(str(name), []).append(int(cid))
            people = await _names(apps, db, int(organization_id), cache)
            read = _post_of_text(str(body), int(author_id), people, titles[organization_id])
            if read is None:
                continue  # an unknown shape: its French body stays what is shown
            kind, params = read
            text = ""
        await post.filter(id=pid).using_db(db).update(system_kind=kind, system_params=params, body=text)


async def _duels(apps: Any, db: Any) -> None:
    challenge, participant, metric = apps.get_model("elan", "Challenge"), apps.get_model("elan", "Participant"), apps.get_model("elan", "Metric")
    for cid, created_by, rules in await challenge.filter(format="DUEL").using_db(db).values_list("id", "created_by_id", "rules"):
        rules = dict(rules or {})
        if "duel" in rules:
            continue
        people = [int(u) for u in await participant.filter(challenge_id=cid, user_id__not_isnull=True).using_db(db).values_list("user_id", flat=True)]
        if created_by not in people or len(people) != 2:
            continue
        rules["duel"] = [created_by, next(p for p in people if p != created_by)]
        metrics = rules.get("metrics") or []
        if metrics:
            names = await metric.filter(id=metrics[0]["metric_id"]).using_db(db).values_list("name", flat=True)
            if names:
                rules["metric_name"] = names[0]
        await challenge.filter(id=cid).using_db(db).update(rules=rules)


async def forward(apps: Any, schema_editor: Any) -> None:
    db = schema_editor.client
    cache: dict[int, dict[str, list[int]]] = {}
    await _notifications(apps, db, cache)
    await _posts(apps, db, cache)
    await _duels(apps, db)


class Migration(migrations.Migration):
    dependencies = [('elan', '0011_authoring')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Post',
            name='system_kind',
            field=fields.CharField(null=True, max_length=30),
        ),
        ops.AddField(
            model_name='Post',
            name='system_params',
            field=fields.JSONField(null=True),
        ),
        ops.RunPython(forward, ops.RunPython.noop),
    ]
