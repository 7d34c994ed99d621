"""Per-request loaders of recognition, keyed by user id (one query per kind, per request)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from schema.context import Info
from server.badges.reading import RecognitionCounts, awards_by_user_id, counts_by_user_id
from server.badges.rows import AwardRow


def awards_by_user_id_loader(info: Info) -> DataLoader[int, list[AwardRow]]:
    loaders = info.context.loaders
    if "awards_by_user_id" not in loaders:
        viewer = info.context.user
        organization_id = viewer.organization_id if viewer else -1

        async def load(keys: list[int]) -> list[list[AwardRow]]:
            found = await awards_by_user_id(organization_id, list(keys))
            return [found.get(key, []) for key in keys]

        loaders["awards_by_user_id"] = DataLoader(load_fn=load)
    return loaders["awards_by_user_id"]  # type: ignore[no-any-return]


def counts_by_user_id_loader(info: Info) -> DataLoader[int, RecognitionCounts]:
    loaders = info.context.loaders
    if "counts_by_user_id" not in loaders:

        async def load(keys: list[int]) -> list[RecognitionCounts]:
            found = await counts_by_user_id(list(keys))
            return [found[key] for key in keys]

        loaders["counts_by_user_id"] = DataLoader(load_fn=load)
    return loaders["counts_by_user_id"]  # type: ignore[no-any-return]
