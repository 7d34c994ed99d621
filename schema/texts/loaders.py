"""Per-request loaders: the people, badges and challenges of a page's texts, in one batch."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from strawberry.dataloader import DataLoader

from schema.context import Info
from server.accounts.models import User
from server.texts.refs import Refs, resolve


def refs_loader(info: Info) -> DataLoader[str, Refs]:
    """Keyed by a text's parameters (JSON): every text of a page is resolved by one `resolve`."""
    loaders = info.context.loaders
    if "text_refs" not in loaders:

        async def load(keys: list[str]) -> list[Refs]:
            refs = await resolve(json.loads(k) for k in keys)
            return [refs] * len(keys)

        loaders["text_refs"] = DataLoader(load_fn=load)
    return loaders["text_refs"]  # type: ignore[no-any-return]


async def refs_of(info: Info, params: Mapping[str, Any], known: Refs | None) -> Refs:
    if known is not None:
        return known
    return await refs_loader(info).load(json.dumps(params, sort_keys=True, default=str))


def names_loader(info: Info) -> DataLoader[int, str | None]:
    """People's display names now, by id (None for one who no longer exists)."""
    loaders = info.context.loaders
    if "people_names" not in loaders:

        async def load(keys: list[int]) -> list[str | None]:
            found = dict(await User.filter(id__in=keys).values_list("id", "display_name"))
            return [found.get(k) for k in keys]

        loaders["people_names"] = DataLoader(load_fn=load)
    return loaders["people_names"]  # type: ignore[no-any-return]
